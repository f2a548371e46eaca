/* ui_direct.c: what changes while a countdown runs, written to the terminal
 * by recoup itself.  ncurses flushes after every cursor move, decodes each
 * block character byte by byte, computes every cursor move through
 * tiparm(), and its doupdate() compares the whole screen: a progress bar
 * moving a cell cost some 90,000 instructions.  Here the screen is a grid
 * of cells (a character of one column and its colour), compared with what
 * the terminal shows, and only the cells that changed go out, in one
 * write().  The cursor moves are the terminal's own strings, written
 * directly when they are the ANSI forms, and each colour's attribute
 * string is found once.  ncurses never draws in a cell held here (stdscr
 * stays blank there) and believes it blank; what was drawn in a cell given
 * back is blanked before ncurses draws.  The terminal's side, its strings
 * and the pen, is ui_direct_pen.c's.  A kit: it knows no screen, only its
 * own struct and the terminal's struct paint. */
#include "config.h"

#include "ui_direct_int.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "safetext.h"
#include "util.h"

/* A shown cell whose content is not known (ncurses may have cleared it):
 * unlike every cell, so it is written again. */
#define UNKNOWN UINT32_MAX

/* ---- what ncurses may do to the cells ---- */

/* A row of a curses window as a number, for comparing rows: the bytes of
 * its cells, four at a time. */
static uint64_t row_hash(WINDOW *w, int r, cchar_t *cells, int cols)
{
	mvwin_wchnstr(w, r, 0, cells, cols);
	uint64_t h = 1469598103934665603u;
	const unsigned char *p = (const unsigned char *)cells;
	size_t n = (size_t)cols * sizeof *cells, i = 0;
	for (; i + 4 <= n; i += 4) {
		uint32_t v;
		memcpy(&v, p + i, 4);
		h = (h ^ v) * 1099511628211u;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 1099511628211u;
	return h;
}

/* Whether the coming doupdate() may move lines up or down the screen.
 * ncurses does that when a line is found, once, at another row than the
 * one it shows now, also once (its hashed lines): it scrolls a region of
 * the screen, and recoup's cells in that region move with the text, where
 * ncurses believes them blank and recoup where it wrote them.  The same
 * test here, on what the terminal shows (curscr) and what it is to show
 * (newscr, after wnoutrefresh()), both read through the public calls.
 * Each row of curscr is hashed once: after an update it is what newscr
 * was, so only the rows an update changes are read again (`check` false:
 * only that). */
static bool line_moves(struct ui_direct *d, bool check)
{
	int rows = getmaxy(curscr), cols = getmaxx(curscr);
	if (rows != getmaxy(newscr) || cols != getmaxx(newscr) || rows != d->rows || cols != d->cols) {
		d->hashed = false;
		return true;
	}
	if (rows <= 1 || cols <= 0)
		return false;
	int cy, cx, ny, nx;
	getyx(curscr, cy, cx);
	getyx(newscr, ny, nx);
	cchar_t *cells = xcalloc((size_t)cols + 1, sizeof *cells);
	uint64_t *was = d->line_hash, *is = xcalloc((size_t)rows, sizeof *is);
	if (!d->hashed)
		for (int r = 0; r < rows; r++)
			was[r] = row_hash(curscr, r, cells, cols);
	d->hashed = true;
	for (int r = 0; r < rows; r++)
		/* a row wnoutrefresh() left alone is what the terminal shows */
		is[r] = is_linetouched(newscr, r) ? row_hash(newscr, r, cells, cols) : was[r];
	/* the cursors say where the terminal's is and where the update
	 * leaves it: as they were */
	wmove(curscr, cy, cx);
	wmove(newscr, ny, nx);
	free(cells);
	bool moves = false;
	for (int i = 0; check && i < rows && !moves; i++) {
		if (is[i] == was[i])
			continue; /* a row in its place moves nowhere */
		int in_new = 0, in_old = 0, at = -1;
		for (int k = 0; k < rows; k++) {
			in_new += is[k] == is[i];
			if (was[k] == is[i]) {
				in_old++;
				at = k;
			}
		}
		moves = in_new == 1 && in_old == 1 && at != i;
	}
	/* what the terminal will show */
	memcpy(was, is, (size_t)rows * sizeof *is);
	free(is);
	return moves;
}

/* ---- the grid ---- */

static void reset_dirty(struct ui_direct *d)
{
	d->dy0 = INT_MAX;
	d->dy1 = 0;
	for (int r = 0; r < d->rows; r++) {
		d->lo[r] = INT_MAX;
		d->hi[r] = 0;
	}
}

static void dirty_all(struct ui_direct *d)
{
	d->dy0 = 0;
	d->dy1 = d->rows;
	for (int r = 0; r < d->rows; r++) {
		d->lo[r] = 0;
		d->hi[r] = d->cols;
	}
}

static void dirty(struct ui_direct *d, int y, int x0, int x1)
{
	if (y < d->dy0)
		d->dy0 = y;
	if (y + 1 > d->dy1)
		d->dy1 = y + 1;
	if (x0 < d->lo[y])
		d->lo[y] = x0;
	if (x1 > d->hi[y])
		d->hi[y] = x1;
}

static void drop_grid(struct ui_direct *d)
{
	free(d->want); /* shown[] is its second half */
	free(d->lo);   /* and hi[] this one's */
	free(d->line_hash);
	direct_drop_moves(d);
	d->want = d->shown = NULL;
	d->lo = d->hi = NULL;
	d->line_hash = NULL;
	d->rows = d->cols = 0;
}

/* The grid the size of the screen, every cell ncurses' and nothing of
 * recoup's shown. */
static void size_grid(struct ui_direct *d)
{
	int rows = d->paint->rows > 0 ? d->paint->rows : 0, cols = d->paint->cols > 0 ? d->paint->cols : 0;
	if (rows != d->rows || cols != d->cols) {
		drop_grid(d);
		if (rows && cols) {
			size_t n = (size_t)rows * (size_t)cols;
			d->want = xcalloc(n * 2, sizeof *d->want);
			d->shown = d->want + n;
			d->lo = xcalloc((size_t)rows * 2, sizeof *d->lo);
			d->hi = d->lo + rows;
			d->line_hash = xcalloc((size_t)rows, sizeof *d->line_hash);
			d->rows = rows;
			d->cols = cols;
		}
	}
	if (d->rows) {
		memset(d->want, 0, (size_t)d->rows * (size_t)d->cols * 2 * sizeof *d->want);
		reset_dirty(d);
	}
	d->hashed = false;
}

void ui_direct_init(struct ui_direct *d, const struct paint *pt, bool on)
{
	memset(d, 0, sizeof *d);
	d->paint = pt;
	d->on = on;
	buf_init(&d->pre);
	buf_init(&d->post);
	d->dy0 = INT_MAX;
}

void ui_direct_free(struct ui_direct *d)
{
	drop_grid(d);
	buf_free(&d->pre);
	buf_free(&d->post);
	memset(d, 0, sizeof *d);
}

void ui_direct_forget(struct ui_direct *d)
{
	size_grid(d);
	/* back from a stop or an editor: the line's settings may differ */
	direct_recheck(d);
	d->pre.len = d->post.len = 0;
	d->framed = false;
}

void ui_direct_frame(struct ui_direct *d)
{
	if (d->rows != d->paint->rows || d->cols != d->paint->cols) {
		/* a size not yet seen (forget() follows every resize) */
		size_grid(d);
	}
	size_t n = (size_t)d->rows * (size_t)d->cols;
	memset(d->want, 0, n * sizeof *d->want);
	if (d->rows)
		dirty_all(d);
	d->framed = d->rows > 0;
}

void ui_direct_put(struct ui_direct *d, int y, int x, uint32_t cell)
{
	if (y < 0 || y >= d->rows || x < 0 || x >= d->cols)
		return;
	d->want[y * d->cols + x] = cell;
	dirty(d, y, x, x + 1);
}

/* Columns x..x+n of row y cut to the screen: how many were cut off at
 * the left, or -1 when none is left. */
static int clip(const struct ui_direct *d, int y, int *x, int *n)
{
	if (y < 0 || y >= d->rows)
		return -1;
	int cut = 0;
	if (*x < 0) {
		cut = -*x;
		*n += *x;
		*x = 0;
	}
	if (*x + *n > d->cols)
		*n = d->cols - *x;
	return *n > 0 ? cut : -1;
}

void ui_direct_row(struct ui_direct *d, int y, int x, const uint32_t *cells, int n)
{
	int cut = clip(d, y, &x, &n);
	if (cut < 0)
		return;
	cells += cut;
	memcpy(d->want + y * d->cols + x, cells, (size_t)n * sizeof *cells);
	dirty(d, y, x, x + n);
}

bool ui_direct_text(struct ui_direct *d, int y, int x, int w, const char *s, enum ui_color c)
{
	if (!d->on || y < 0 || y >= d->rows || x < 0 || w <= 0 || x + w > d->cols)
		return false;
	size_t n = strlen(s);
	bool ascii = (int)n <= w;
	for (size_t i = 0; ascii && i < n; i++)
		ascii = s[i] >= 0x20 && s[i] < 0x7f;
	uint32_t *row = d->want + y * d->cols + x;
	int col = 0;
	if (ascii) {
		for (; col < (int)n; col++)
			row[col] = ui_direct_cell((unsigned char)s[col], c);
	} else {
		if (!d->paint->utf8)
			return false;
		/* what the terminal would be sent through ncurses, as it is:
		 * characters of one column each, nothing escaped */
		uint32_t cells[512];
		struct safe_iter it;
		struct safe_char ch;
		safe_iter_init(&it, s, n, SAFE_TERM);
		size_t at = 0;
		while (safe_iter_next(&it, &ch)) {
			uint32_t cp;
			if (!ch.raw || ch.cols != 1 || col >= w || col >= (int)ARRAY_LEN(cells) ||
			    utf8_decode((const unsigned char *)s + at, n - at, &cp) != ch.len)
				return false;
			cells[col++] = ui_direct_cell(cp, c);
			at += ch.len;
		}
		memcpy(row, cells, (size_t)col * sizeof *cells);
	}
	for (int i = col; i < w; i++)
		row[i] = DIRECT_SPACE;
	dirty(d, y, x, x + w);
	return true;
}

void ui_direct_release(struct ui_direct *d, int y, int x, int w)
{
	if (clip(d, y, &x, &w) < 0)
		return;
	uint32_t *row = d->want + y * d->cols + x;
	bool any = false;
	for (int i = 0; i < w; i++) {
		any |= row[i] != 0;
		row[i] = 0;
	}
	if (any)
		dirty(d, y, x, x + w);
}

/* ---- writing ---- */

/* What a cell looks like: one that is ncurses' (0) is blank to recoup. */
#define LOOKS(v) ((v) ? (v) : DIRECT_SPACE)

/* The bytes a cell takes written. */
static int cell_bytes(uint32_t v)
{
	uint32_t cp = CELL_CP(v);
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* The bytes of a move n columns right (about, where the terminal is not
 * ANSI). */
static int move_bytes(const struct ui_direct *d, int n)
{
	return d->right ? d->right[n].n : n < 10 ? 4 : 5;
}

/* The changed cells of the rows set, row by row: runs of them, with gaps
 * of up to three cells held here and known written again rather than
 * moved over (what ncurses holds may be anything).  A row where nothing
 * changed is passed over at once; a cell that only changes hands (a blank
 * of recoup's given to ncurses, or taken) is only booked.  With
 * `released`, only the cells given back to ncurses, blanked before it
 * draws there. */
static void emit(struct ui_direct *d, struct pen *p, bool released)
{
#define NEEDS(w, s) (LOOKS(w) != LOOKS(s) && (!released || !(w)))
/* (a blank of recoup's over a blank: one byte in the run's colour, which
 * keeps a line of text one run, "6 back off" in red) */
#define REWRITABLE(w, s) ((w) && (((w) == (s) && (s) != UNKNOWN) || \
				  ((w) == DIRECT_SPACE && LOOKS(s) == DIRECT_SPACE)))
	for (int r = d->dy0; r < d->dy1; r++) {
		int lo = d->lo[r], hi = d->hi[r];
		uint32_t *want = d->want + r * d->cols, *shown = d->shown + r * d->cols;
		if (lo >= hi || !memcmp(want + lo, shown + lo, (size_t)(hi - lo) * sizeof *want))
			continue;
		for (int c = lo; c < hi; c++) {
			uint32_t w = want[c], s = shown[c];
			if (w == s || (released && w))
				continue;
			if (LOOKS(w) == LOOKS(s)) {
				shown[c] = w;
				continue;
			}
			int end = c + 1;
			for (;;) {
				/* the cells between this run and the next written
				 * again where that takes no more bytes than moving */
				int g = end, bytes = 0;
				while (g < hi && bytes <= 8 && !NEEDS(want[g], shown[g]) &&
				       REWRITABLE(want[g], shown[g]))
					bytes += cell_bytes(want[g++]);
				if (g < hi && NEEDS(want[g], shown[g]) && bytes <= move_bytes(d, g - end))
					end = g + 1;
				else
					break;
			}
			direct_pen_move(p, r, c);
			for (int k = c; k < end; k++) {
				direct_pen_cell(p, LOOKS(want[k]));
				shown[k] = want[k];
			}
			c = end - 1;
		}
	}
#undef NEEDS
#undef REWRITABLE
}


/* Whether a cell shows something of recoup's. */
static bool shows_any(const struct ui_direct *d)
{
	size_t n = (size_t)d->rows * (size_t)d->cols;
	for (size_t i = 0; i < n; i++)
		if (LOOKS(d->shown[i]) != DIRECT_SPACE)
			return true;
	return false;
}

/* Write what emit() leaves in `b`, from home back to home, plain. */
static void flush(struct ui_direct *d, struct buf *b, bool released)
{
	if (!d->rows || d->dy0 >= d->dy1)
		return;
	direct_prepare(d, b);
	struct pen p = direct_pen_home(d, b);
	emit(d, &p, released);
	direct_pen_done(&p);
}

void ui_direct_flush_pre(struct ui_direct *d)
{
	if (!d->rows)
		return;
	if (line_moves(d, d->framed && shows_any(d))) {
		/* a frame laid out anew may move ncurses' lines, and the cells
		 * in their rows with them: all are blanked first, and written
		 * again after the update (only such a frame: a second of the
		 * countdown changes its lines in place) */
		direct_prepare(d, &d->pre);
		struct pen p = direct_pen_home(d, &d->pre);
		for (int r = 0; r < d->rows; r++)
			for (int c = 0; c < d->cols; c++) {
				uint32_t *v = &d->shown[r * d->cols + c];
				if (LOOKS(*v) != DIRECT_SPACE) {
					direct_pen_move(&p, r, c);
					direct_pen_cell(&p, DIRECT_SPACE);
				}
				*v = 0;
			}
		dirty_all(d);
		direct_pen_done(&p);
	} else {
		/* a row ncurses changes may be cleared to its end: the cells
		 * held in it are written again after the update */
		for (int r = 0; r < d->rows; r++) {
			if (!is_linetouched(newscr, r))
				continue;
			uint32_t *row = d->shown + r * d->cols;
			for (int c = 0; c < d->cols; c++)
				if (LOOKS(row[c]) != DIRECT_SPACE && d->want[r * d->cols + c]) {
					row[c] = UNKNOWN;
					dirty(d, r, c, c + 1);
				}
		}
		flush(d, &d->pre, true);
	}
	d->framed = false;
}

void ui_direct_flush_post(struct ui_direct *d)
{
	flush(d, &d->post, false);
	if (d->rows)
		reset_dirty(d);
	d->framed = false;
}
