/* ui_direct.c: the big digits and words, written to the terminal by
 * recoup itself.  ncurses flushes its output after every cursor move, so
 * the five or more rows of a digit changing once a second cost as many
 * write()s, and doupdate() works over the whole screen to find them.  Here
 * the big area is a grid of cells (a block, a shaded block or blank),
 * compared with what the terminal shows, and only the cells that changed
 * go out, in one write() after doupdate().  ncurses never draws in the area
 * (stdscr stays blank there) and believes it blank; what was drawn there is
 * blanked before ncurses draws a frame with another layout.  A kit: it
 * knows no screen, only its own struct and the terminal's struct paint. */
#include "config.h"

#include "ui_direct.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "util.h"

/* shown[] holds what the terminal has in a cell: a DIRECT_* kind, with
 * STALE added when it was drawn in another colour (so it differs from
 * every wanted kind and is written again). */
enum { STALE = 0x80 };

/* Where the cursor is while a buffer is written: every write starts and
 * ends at home, where ncurses leaves the (hidden) cursor after an update. */
struct pen {
	struct buf *b;
	int y, x;           /* -1: not known (after the last column) */
};

static struct buf *putc_to; /* tputs() and vid_puts() take no context */

static int putc_buf(int c)
{
	buf_addc(putc_to, (char)c);
	return c;
}

static void put_cap(struct buf *b, const char *s)
{
	putc_to = b;
	tputs(s, 1, putc_buf);
}

/* The bytes of a capability with its parameters, or -1 when missing. */
static int cap_len(const char *cap)
{
	return cap && cap != (char *)-1 ? (int)strlen(cap) : -1;
}

/* Horizontal moves from x to nx on the same row: the shortest of the
 * terminal's ways, into `out` (a cap string, or backspaces).  Its length,
 * or -1. */
static int horizontal(int x, int nx, char *out, size_t outsz)
{
	out[0] = '\0';
	if (nx == x)
		return 0;
	int n = nx > x ? nx - x : x - nx;
	const char *p = nx > x ? (parm_right_cursor ? tiparm(parm_right_cursor, n) : NULL)
			       : (parm_left_cursor ? tiparm(parm_left_cursor, n) : NULL);
	int best = cap_len(p);
	if (best >= 0 && (size_t)best < outsz)
		memcpy(out, p, (size_t)best + 1);
	else
		best = -1;
	/* a few backspaces beat "\033[2D" */
	int one = cap_len(nx > x ? cursor_right : cursor_left);
	if (one > 0 && n * one < (best < 0 ? 1 << 20 : best) && (size_t)(n * one) < outsz) {
		out[0] = '\0';
		for (int i = 0; i < n; i++)
			strcat(out, nx > x ? cursor_right : cursor_left);
		best = n * one;
	}
	return best;
}

/* Move the pen to y, x by the shortest way the terminal has: along the
 * row, or to the row and along it, or straight there. */
static void pen_move(struct pen *p, int y, int x)
{
	if (p->y == y && p->x == x)
		return;
	char h[64] = "", v[64] = "";
	int best = -1;
	if (p->y == y && p->x >= 0)
		best = horizontal(p->x, x, h, sizeof h);
	if (p->y != y && p->x >= 0 && row_address) {
		const char *vpa = tiparm(row_address, y);
		int n = cap_len(vpa), m = -1;
		if (n >= 0 && (size_t)n < sizeof v) {
			memcpy(v, vpa, (size_t)n + 1);
			m = horizontal(p->x, x, h, sizeof h);
		}
		best = m >= 0 ? n + m : -1;
	}
	const char *cup = NULL;
	if (best < 0 || best > 4) {
		cup = tiparm(cursor_address, y, x);
		if (best >= 0 && cap_len(cup) >= best)
			cup = NULL;
	}
	if (cup) {
		put_cap(p->b, cup);
	} else {
		put_cap(p->b, v);
		put_cap(p->b, h);
	}
	p->y = y;
	p->x = x;
}

static void pen_attrs(const struct paint *pt, struct pen *p, enum ui_color c)
{
	attr_t a = A_NORMAL;
	short pair = 0;
	if (pt->color && c != C_NORMAL)
		pair = (short)c;
	if (c == C_TITLE || c == C_WARN || (!pt->color && (c == C_LEFT || c == C_RIGHT)))
		a |= A_BOLD;
	if (c == C_DIM)
		a |= A_DIM;
	putc_to = p->b;
	/* vid_puts() also keeps ncurses' idea of the terminal's attributes,
	 * and this always ends in A_NORMAL, as an update does */
	vid_puts(a, pair, NULL, putc_buf);
}

/* One cell of a kind. */
static void pen_cell(const struct paint *pt, struct pen *p, int kind)
{
	if (kind == DIRECT_BLANK)
		buf_addc(p->b, ' ');
	else
		buf_adds(p->b, ui_direct_glyph(pt, kind));
	/* at the last column the cursor waits to wrap: where it is then
	 * depends on the terminal */
	p->x = p->x + 1 >= pt->cols ? -1 : p->x + 1;
}

const char *ui_direct_glyph(const struct paint *pt, int kind)
{
	if (kind == DIRECT_SHADE)
		return pt->utf8 ? "\u2592" : ":";
	if (kind == DIRECT_BLOCK)
		return pt->utf8 ? "\u2588" : "#";
	return " ";
}

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
 * (newscr, after wnoutrefresh()), both read through the public calls. */
static bool lines_may_move(void)
{
	int rows = getmaxy(curscr), cols = getmaxx(curscr);
	if (rows != getmaxy(newscr) || cols != getmaxx(newscr))
		return true;
	if (rows <= 1 || cols <= 0)
		return false;
	int cy, cx, ny, nx;
	getyx(curscr, cy, cx);
	getyx(newscr, ny, nx);
	cchar_t *cells = xcalloc((size_t)cols + 1, sizeof *cells);
	uint64_t *was = xcalloc((size_t)rows * 2, sizeof *was), *is = was + rows;
	for (int r = 0; r < rows; r++) {
		was[r] = row_hash(curscr, r, cells, cols);
		/* a row wnoutrefresh() left alone is what the terminal shows */
		is[r] = is_linetouched(newscr, r) ? row_hash(newscr, r, cells, cols) : was[r];
	}
	/* the cursors say where the terminal's is and where the update
	 * leaves it: as they were */
	wmove(curscr, cy, cx);
	wmove(newscr, ny, nx);
	free(cells);
	bool moves = false;
	for (int i = 0; i < rows && !moves; i++) {
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
	free(was);
	return moves;
}

static void reset_dirty(struct ui_direct *d)
{
	d->dy0 = d->dx0 = INT_MAX;
	d->dy1 = d->dx1 = 0;
}

static void dirty_all(struct ui_direct *d)
{
	d->dy0 = d->dx0 = 0;
	d->dy1 = d->h;
	d->dx1 = d->w;
}

void ui_direct_init(struct ui_direct *d, const struct paint *pt, bool on)
{
	memset(d, 0, sizeof *d);
	d->paint = pt;
	d->on = on;
	buf_init(&d->pre);
	buf_init(&d->post);
	reset_dirty(d);
}

void ui_direct_free(struct ui_direct *d)
{
	free(d->want);
	free(d->shown);
	buf_free(&d->pre);
	buf_free(&d->post);
	memset(d, 0, sizeof *d);
}

void ui_direct_forget(struct ui_direct *d)
{
	d->h = d->w = 0;
	d->pre.len = d->post.len = 0;
	reset_dirty(d);
}

/* Blank, before doupdate(), every cell drawn (ncurses believes them
 * blank); from then on nothing is shown. */
static void blank_shown(struct ui_direct *d)
{
	struct pen p = { &d->pre, 0, 0 };
	for (int r = 0; r < d->h; r++)
		for (int c = 0; c < d->w; c++)
			if (d->shown[r * d->w + c] != DIRECT_BLANK) {
				pen_move(&p, d->y + r, d->x + c);
				pen_cell(d->paint, &p, DIRECT_BLANK);
				d->shown[r * d->w + c] = DIRECT_BLANK;
			}
	if (p.y != 0 || p.x != 0)
		pen_move(&p, 0, 0);
}

void ui_direct_area(struct ui_direct *d, int y, int x, int h, int w)
{
	if (h <= 0 || w <= 0)
		h = w = 0;
	if (h == d->h && w == d->w && (!h || (y == d->y && x == d->x))) {
		/* the same area, but this frame may lay its bands out anew:
		 * it starts blank, and whatever it does not set again is
		 * blanked (only cells that differ from the screen go out) */
		if (h) {
			memset(d->want, DIRECT_BLANK, (size_t)h * (size_t)w);
			dirty_all(d);
		}
		d->framed = h > 0;
		return;
	}
	/* blank what was drawn before ncurses draws this frame: it believes
	 * those cells blank already */
	blank_shown(d);
	free(d->want);
	free(d->shown);
	d->want = d->shown = NULL;
	d->y = y;
	d->x = x;
	d->h = h;
	d->w = w;
	if (h) {
		d->want = xcalloc((size_t)h * (size_t)w, 1);
		d->shown = xcalloc((size_t)h * (size_t)w, 1);
	}
	reset_dirty(d);
	d->framed = h > 0;
}

void ui_direct_color(struct ui_direct *d, enum ui_color c)
{
	if (c == d->color)
		return;
	d->color = c;
	/* every block on the screen is now in the wrong colour */
	for (int i = 0; i < d->h * d->w; i++)
		if (d->shown[i] != DIRECT_BLANK)
			d->shown[i] |= STALE;
	dirty_all(d);
}

void ui_direct_set(struct ui_direct *d, int row, int col, int kind)
{
	if (row < 0 || row >= d->h || col < 0 || col >= d->w)
		return;
	d->want[row * d->w + col] = (unsigned char)kind;
	if (row < d->dy0)
		d->dy0 = row;
	if (row + 1 > d->dy1)
		d->dy1 = row + 1;
	if (col < d->dx0)
		d->dx0 = col;
	if (col + 1 > d->dx1)
		d->dx1 = col + 1;
}

static bool differs(const struct ui_direct *d, int i)
{
	return d->shown[i] != d->want[i];
}

/* The changed cells, row by row: runs of them, with gaps of a few cells
 * written again rather than moved over. */
static void emit_changes(struct ui_direct *d, struct pen *p)
{
	bool started = false;
	for (int r = d->dy0; r < d->dy1; r++) {
		int c = d->dx0;
		while (c < d->dx1) {
			int i = r * d->w + c;
			if (!differs(d, i)) {
				c++;
				continue;
			}
			int end = c + 1;
			for (;;) {
				int g = end;
				while (g < d->dx1 && g - end < 3 && !differs(d, r * d->w + g))
					g++;
				if (g < d->dx1 && differs(d, r * d->w + g))
					end = g + 1;
				else
					break;
			}
			if (!started) {
				pen_attrs(d->paint, p, d->color);
				started = true;
			}
			pen_move(p, d->y + r, d->x + c);
			for (int k = c; k < end; k++) {
				pen_cell(d->paint, p, d->want[r * d->w + k]);
				d->shown[r * d->w + k] = d->want[r * d->w + k];
			}
			c = end;
		}
	}
	if (started)
		pen_attrs(d->paint, p, C_NORMAL);
}

static void write_out(struct buf *b)
{
	const char *s = b->s;
	size_t left = b->len;
	while (left) {
		ssize_t n = write(STDOUT_FILENO, s, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* a terminal that is gone is the loop's to notice */
		s += n;
		left -= (size_t)n;
	}
	b->len = 0;
}

static bool shows_any(const struct ui_direct *d)
{
	for (int i = 0; i < d->h * d->w; i++)
		if (d->shown[i] != DIRECT_BLANK)
			return true;
	return false;
}

void ui_direct_flush_pre(struct ui_direct *d)
{
	/* a frame laid out anew may move ncurses' lines, and the cells in
	 * their rows with them: those cells are blanked first, and written
	 * again after the update (only such a frame: a second of the
	 * countdown changes its lines in place) */
	if (d->framed && shows_any(d) && lines_may_move()) {
		blank_shown(d);
		dirty_all(d);
	}
	d->framed = false;
	write_out(&d->pre);
}

void ui_direct_flush_post(struct ui_direct *d)
{
	if (!d->h || d->dy0 >= d->dy1) {
		reset_dirty(d);
		return;
	}
	struct pen p = { &d->post, 0, 0 };
	emit_changes(d, &p);
	if (p.y != 0 || p.x != 0)
		pen_move(&p, 0, 0);
	reset_dirty(d);
	write_out(&d->post);
}
