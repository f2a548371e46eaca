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
 * back is blanked before ncurses draws.  A kit: it knows no screen, only
 * its own struct and the terminal's struct paint. */
#include "config.h"

#include "ui_direct.h"

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
/* The colour of a cell, and its character. */
#define CELL_COLOR(v) ((enum ui_color)((v) >> 24))
#define CELL_CP(v) ((v) & 0xffffffu)

/* Where the cursor is while a buffer is written: every write starts and
 * ends at home, where ncurses leaves the (hidden) cursor after an update. */
struct pen {
	struct buf *b;
	const struct direct_caps *k;
	const struct ui_direct *d;
	int cols;
	int y, x;           /* x -1: not known (after the last column) */
	enum ui_color color; /* the attributes written last */
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

/* The bytes of a capability, or -1 when missing. */
static int cap_len(const char *cap)
{
	return cap && cap != (char *)-1 ? (int)strlen(cap) : -1;
}

/* ---- the terminal's strings, found once ---- */

/* Whether capability `cap` with parameters a, b is the ANSI form `ansi`. */
static bool is_form(const char *cap, int a, int b, const char *ansi)
{
	if (cap_len(cap) <= 0)
		return false;
	const char *s = tiparm(cap, a, b);
	return s && !strcmp(s, ansi);
}

static void colour_attrs(const struct paint *pt, enum ui_color c, attr_t *a, short *pair)
{
	*a = A_NORMAL;
	*pair = 0;
	if (pt->color && c != C_NORMAL)
		*pair = (short)c;
	/* as paint_color_on() draws it */
	if (c == C_TITLE || c == C_WARN || (!pt->color && (c == C_LEFT || c == C_RIGHT)))
		*a |= A_BOLD;
	if (c == C_DIM)
		*a |= A_DIM;
}

/* What vid_puts() writes for a, pair, into `out` (n bytes); false when it
 * does not fit. */
static bool capture_attrs(attr_t a, short pair, char *out, size_t n)
{
	struct buf b;
	buf_init(&b);
	putc_to = &b;
	vid_puts(a, pair, NULL, putc_buf);
	bool fits = b.len < n;
	if (fits) {
		memcpy(out, b.s ? b.s : "", b.len);
		out[b.len] = '\0';
	}
	buf_free(&b);
	return fits;
}

/* Whether a line feed moves the cursor straight down: the terminal says
 * so (cud1 is "\n") and the line does not add a carriage return (curses'
 * nonl() turns that off). */
static void find_lf(struct ui_direct *d)
{
	struct termios t;
	d->caps.lf_down = cursor_down && !strcmp(cursor_down, "\n") &&
			  tcgetattr(STDOUT_FILENO, &t) == 0 && !(t.c_oflag & ONLCR);
}

/* The strings of this terminal: found at the first write, when colours
 * are set up.  Each colour's string is what vid_puts() writes from plain
 * attributes, and back: every write here starts and ends plain, as an
 * update does (ncurses is told so too). */
static void find_caps(struct ui_direct *d, struct buf *b)
{
	struct direct_caps *k = &d->caps;
	k->ready = true;
	/* where ncurses believes the attributes are not plain, make them so */
	putc_to = b;
	vid_puts(A_NORMAL, 0, NULL, putc_buf);
	k->cup = is_form(cursor_address, 4, 6, "\033[5;7H");
	k->vpa = is_form(row_address, 4, 0, "\033[5d");
	k->cuf = is_form(parm_right_cursor, 3, 0, "\033[3C");
	k->cub = is_form(parm_left_cursor, 3, 0, "\033[3D");
	k->right_len = cap_len(cursor_right);
	k->left_len = cap_len(cursor_left);
	/* one-step moves of a few bytes, no padding */
	bool steps = k->right_len > 0 && k->right_len <= 8 && !strchr(cursor_right, '$') &&
		     k->left_len > 0 && k->left_len <= 8 && !strchr(cursor_left, '$');
	k->ansi = k->cup && k->vpa && k->cuf && k->cub && steps;
	k->home = cursor_home && !strcmp(cursor_home, "\033[H");
	find_lf(d);
	for (int c = 0; c < C_COUNT; c++) {
		attr_t a;
		short pair;
		colour_attrs(d->paint, (enum ui_color)c, &a, &pair);
		if (!capture_attrs(a, pair, k->attr[c], sizeof k->attr[c]) ||
		    !capture_attrs(A_NORMAL, 0, k->plain[c], sizeof k->plain[c])) {
			/* too long to keep (no terminal seen so): plain cells */
			k->attr[c][0] = k->plain[c][0] = '\0';
		}
	}
}

/* ---- the pen ---- */

static char *put_int(char *p, int v)
{
	char t[12];
	int n = 0;
	do {
		t[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = t[--n];
	return p;
}

/* "\033[" n C-or-D, and its length. */
static int csi(char *out, int a, int b, char final)
{
	char *p = out;
	*p++ = '\033';
	*p++ = '[';
	p = put_int(p, a);
	if (b >= 0) {
		*p++ = ';';
		p = put_int(p, b);
	}
	*p++ = final;
	*p = '\0';
	return (int)(p - out);
}

/* Horizontal moves from x to nx on the same row: the shortest of the
 * terminal's ways, into `out` (64 bytes): its length, or -1. */
static int horizontal(const struct direct_caps *k, int x, int nx, char *out)
{
	out[0] = '\0';
	if (nx == x)
		return 0;
	bool right = nx > x;
	int n = right ? nx - x : x - nx, best = -1;
	if (right ? k->cuf : k->cub) {
		best = csi(out, n, -1, right ? 'C' : 'D');
	} else {
		const char *cap = right ? parm_right_cursor : parm_left_cursor;
		const char *p = cap_len(cap) > 0 ? tiparm(cap, n) : NULL;
		int len = cap_len(p);
		if (len >= 0 && len < 64) {
			memcpy(out, p, (size_t)len + 1);
			best = len;
		}
	}
	/* a few backspaces beat "\033[2D" */
	const char *one = right ? cursor_right : cursor_left;
	int ol = cap_len(one);
	if (ol > 0 && n * ol < (best < 0 ? INT_MAX : best) && n * ol < 64) {
		for (int i = 0; i < n; i++)
			memcpy(out + i * ol, one, (size_t)ol);
		out[n * ol] = '\0';
		best = n * ol;
	}
	return best;
}

/* Bytes to the buffer. */
static void out(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

static void out_str(struct buf *b, const struct direct_str *s)
{
	out(b, s->s, s->n);
}

/* The moves of an ANSI terminal of this size (see struct ui_direct). */
static void make_moves(struct ui_direct *d)
{
	const struct direct_caps *k = &d->caps;
	int n = d->rows > d->cols ? d->rows : d->cols;
	d->to_row = xcalloc((size_t)n * 7, sizeof *d->to_row);
	d->cup_row = d->to_row + n;
	d->cup_col = d->cup_row + n;
	d->right = d->cup_col + n;
	d->left = d->right + n;
	d->down = d->left + n;
	d->up = d->down + n;
	char t[16];
	int up1 = cap_len(cursor_up);
	for (int i = 0; i < n; i++) {
		d->down[i].n = d->up[i].n = 255;
		if (k->lf_down && i < (int)sizeof d->down[i].s) {
			memset(d->down[i].s, '\n', (size_t)i);
			d->down[i].n = (unsigned char)i;
		}
		if (up1 > 0 && i * up1 < (int)sizeof d->up[i].s) {
			for (int j = 0; j < i; j++)
				memcpy(d->up[i].s + j * up1, cursor_up, (size_t)up1);
			d->up[i].n = (unsigned char)(i * up1);
		}
		d->to_row[i].n = (unsigned char)csi(d->to_row[i].s, i + 1, -1, 'd');
		/* "\033[r;cH" in two halves */
		int len = csi(t, i + 1, 1, 'H');
		memcpy(d->cup_row[i].s, t, (size_t)len - 2);
		d->cup_row[i].n = (unsigned char)(len - 2);
		len = csi(t, 1, i + 1, 'H');
		memcpy(d->cup_col[i].s, t + 4, (size_t)len - 4);
		d->cup_col[i].n = (unsigned char)(len - 4);
		for (int side = 0; side < 2; side++) {
			struct direct_str *m = side ? &d->left[i] : &d->right[i];
			const char *one = side ? cursor_left : cursor_right;
			int ol = side ? k->left_len : k->right_len;
			m->n = (unsigned char)csi(m->s, i, -1, side ? 'D' : 'C');
			if (i * ol < m->n) {
				for (int j = 0; j < i; j++)
					memcpy(m->s + j * ol, one, (size_t)ol);
				m->n = (unsigned char)(i * ol);
			}
		}
	}
}

/* pen_move() where the terminal's moves are the ANSI ones: the shortest
 * of the moves worked out for this size. */
static void pen_move_ansi(struct pen *p, const struct ui_direct *d, int y, int x)
{
	int cup = d->cup_row[y].n + d->cup_col[x].n;
	bool home = !y && !x && p->k->home;
	if (home)
		cup = 3;
	if (p->x >= 0) {
		const struct direct_str *h = x > p->x ? &d->right[x - p->x] : &d->left[p->x - x];
		if (p->y == y && h->n <= cup) {
			out_str(p->b, h);
			goto moved;
		}
		/* to the row: straight there, or down or up from here */
		const struct direct_str *v = &d->to_row[y];
		const struct direct_str *rel = y > p->y ? &d->down[y - p->y] : &d->up[p->y - y];
		if (rel->n < v->n)
			v = rel;
		if (p->y != y && v->n + h->n < cup) {
			out_str(p->b, v);
			out_str(p->b, h);
			goto moved;
		}
	}
	if (home) {
		out(p->b, "\033[H", 3);
	} else {
		out_str(p->b, &d->cup_row[y]);
		out_str(p->b, &d->cup_col[x]);
	}
moved:
	p->y = y;
	p->x = x;
}

/* Move the pen to y, x by the shortest way the terminal has: along the
 * row, or to the row and along it, or straight there. */
static void pen_move(struct pen *p, int y, int x)
{
	if (p->y == y && p->x == x)
		return;
	const struct direct_caps *k = p->k;
	if (k->ansi && p->d->to_row) {
		pen_move_ansi(p, p->d, y, x);
		return;
	}
	char h[64] = "", v[64] = "";
	int best = -1;
	if (p->y == y && p->x >= 0)
		best = horizontal(k, p->x, x, h);
	if (p->y != y && p->x >= 0 && cap_len(row_address) > 0) {
		int n = -1;
		if (k->vpa) {
			n = csi(v, y + 1, -1, 'd');
		} else {
			const char *vpa = tiparm(row_address, y);
			n = cap_len(vpa);
			if (n >= 0 && n < 64)
				memcpy(v, vpa, (size_t)n + 1);
			else
				n = -1;
		}
		int m = n >= 0 ? horizontal(k, p->x, x, h) : -1;
		best = m >= 0 ? n + m : -1;
	}
	if (best < 0 || best > 4) {
		char cup[64];
		int n = -1;
		if (k->cup) {
			n = csi(cup, y + 1, x + 1, 'H');
		} else {
			const char *s = tiparm(cursor_address, y, x);
			n = cap_len(s);
			if (n >= 0 && n < 64)
				memcpy(cup, s, (size_t)n + 1);
			else
				n = -1;
		}
		if (n >= 0 && (best < 0 || n < best)) {
			if (k->cup)
				buf_add(p->b, cup, (size_t)n);
			else
				put_cap(p->b, cup);
			p->y = y;
			p->x = x;
			return;
		}
	}
	if (k->vpa && k->cuf && k->cub) {
		buf_adds(p->b, v);
		buf_adds(p->b, h);
	} else {
		put_cap(p->b, v);
		put_cap(p->b, h);
	}
	p->y = y;
	p->x = x;
}

static void pen_color(struct pen *p, enum ui_color c)
{
	if (c == p->color)
		return;
	out(p->b, p->k->plain[p->color], strlen(p->k->plain[p->color]));
	out(p->b, p->k->attr[c], strlen(p->k->attr[c]));
	p->color = c;
}

/* One cell. */
static void pen_cell(struct pen *p, uint32_t v)
{
	uint32_t cp = CELL_CP(v);
	if (cp != ' ')
		pen_color(p, CELL_COLOR(v));
	struct buf *b = p->b;
	if (b->len + 5 > b->cap)
		b->s = xgrow(b->s, &b->cap, b->len + 5, 1);
	char *o = b->s + b->len;
	if (cp < 0x80) {
		o[0] = (char)cp;
		b->len++;
	} else if (cp >= 0x800 && cp < 0x10000) {
		/* the blocks and shades */
		o[0] = (char)(0xe0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		b->len += 3;
	} else {
		b->len += utf8_encode(cp, o);
	}
	/* at the last column the cursor waits to wrap: where it is then
	 * depends on the terminal */
	p->x = p->x + 1 >= p->cols ? -1 : p->x + 1;
}

const char *ui_direct_glyph(const struct paint *pt, int kind)
{
	if (kind == DIRECT_SHADE)
		return pt->utf8 ? "\u2592" : ":";
	if (kind == DIRECT_BLOCK)
		return pt->utf8 ? "\u2588" : "#";
	return " ";
}

uint32_t ui_direct_glyph_cp(const struct paint *pt, int kind)
{
	if (kind == DIRECT_SHADE)
		return pt->utf8 ? 0x2592 : ':';
	if (kind == DIRECT_BLOCK)
		return pt->utf8 ? 0x2588 : '#';
	return ' ';
}

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
	free(d->to_row); /* and the other moves */
	d->want = d->shown = NULL;
	d->lo = d->hi = NULL;
	d->line_hash = NULL;
	d->to_row = d->cup_row = d->cup_col = d->right = d->left = NULL;
	d->down = d->up = NULL;
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
	if (d->caps.ready) {
		bool was = d->caps.lf_down;
		find_lf(d);
		if (was != d->caps.lf_down) {
			free(d->to_row); /* worked out again at the next write */
			d->to_row = d->cup_row = d->cup_col = d->right = d->left = NULL;
			d->down = d->up = NULL;
		}
	}
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

void ui_direct_row(struct ui_direct *d, int y, int x, const uint32_t *cells, int n)
{
	if (y < 0 || y >= d->rows)
		return;
	if (x < 0) {
		cells -= x;
		n += x;
		x = 0;
	}
	if (x + n > d->cols)
		n = d->cols - x;
	if (n <= 0)
		return;
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
	if (y < 0 || y >= d->rows)
		return;
	if (x < 0) {
		w += x;
		x = 0;
	}
	if (x + w > d->cols)
		w = d->cols - x;
	if (w <= 0)
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
#define REWRITABLE(w, s) ((w) && (w) == (s) && (s) != UNKNOWN)
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
			pen_move(p, r, c);
			for (int k = c; k < end; k++) {
				pen_cell(p, LOOKS(want[k]));
				shown[k] = want[k];
			}
			c = end - 1;
		}
	}
#undef NEEDS
#undef REWRITABLE
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

/* Whether a cell shows something of recoup's. */
static bool shows_any(const struct ui_direct *d)
{
	size_t n = (size_t)d->rows * (size_t)d->cols;
	for (size_t i = 0; i < n; i++)
		if (LOOKS(d->shown[i]) != DIRECT_SPACE)
			return true;
	return false;
}

/* Before a write: the terminal's strings found, or its attributes made
 * plain where ncurses believes they are not (an update leaves them so);
 * the moves for this size worked out. */
static void prepare(struct ui_direct *d, struct buf *b)
{
	if (!d->caps.ready) {
		find_caps(d, b);
	} else {
		putc_to = b;
		vid_puts(A_NORMAL, 0, NULL, putc_buf);
	}
	if (d->caps.ansi && !d->to_row && d->rows)
		make_moves(d);
}

/* The pen at home, where ncurses leaves the (hidden) cursor after an
 * update and believes it. */
static struct pen pen_at_home(struct ui_direct *d, struct buf *b)
{
	struct pen p = { b, &d->caps, d, d->cols, 0, 0, C_NORMAL };
	return p;
}

/* Plain again, back home, and out. */
static void pen_done(struct pen *p)
{
	pen_color(p, C_NORMAL);
	pen_move(p, 0, 0);
	write_out(p->b);
}

/* Write what emit() leaves in `b`, from home back to home, plain. */
static void flush(struct ui_direct *d, struct buf *b, bool released)
{
	if (!d->rows || d->dy0 >= d->dy1)
		return;
	prepare(d, b);
	struct pen p = pen_at_home(d, b);
	emit(d, &p, released);
	pen_done(&p);
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
		prepare(d, &d->pre);
		struct pen p = pen_at_home(d, &d->pre);
		for (int r = 0; r < d->rows; r++)
			for (int c = 0; c < d->cols; c++) {
				uint32_t *v = &d->shown[r * d->cols + c];
				if (LOOKS(*v) != DIRECT_SPACE) {
					pen_move(&p, r, c);
					pen_cell(&p, DIRECT_SPACE);
				}
				*v = 0;
			}
		dirty_all(d);
		pen_done(&p);
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
