/* ui_direct.c: the big digits, written to the terminal by recoup itself.
 * ncurses flushes its output after every cursor move, so the five or more
 * rows of a digit changing once a second cost as many write()s, and
 * doupdate() works over the whole screen to find them.  Here the digits are
 * a grid of cells (a block or blank), compared with what the terminal
 * shows, and only the cells that changed go out, in one write() after
 * doupdate().  ncurses never draws in the area (stdscr stays blank there)
 * and believes it blank; what was drawn there is blanked before ncurses
 * draws a frame with another layout. */
#include "config.h"

#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "util.h"

/* shown[]: what the terminal has in a cell */
enum { CELL_BLANK, CELL_BLOCK, CELL_STALE /* a block in another colour */ };

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

static void pen_attrs(struct ui *ui, struct pen *p, enum ui_color c)
{
	attr_t a = A_NORMAL;
	short pair = 0;
	if (ui->paint.color && c != C_NORMAL)
		pair = (short)c;
	if (c == C_TITLE || c == C_WARN || (!ui->paint.color && (c == C_LEFT || c == C_RIGHT)))
		a |= A_BOLD;
	if (c == C_DIM)
		a |= A_DIM;
	putc_to = p->b;
	/* vid_puts() also keeps ncurses' idea of the terminal's attributes,
	 * and this always ends in A_NORMAL, as an update does */
	vid_puts(a, pair, NULL, putc_buf);
}

/* One cell: a block or a blank. */
static void pen_cell(struct ui *ui, struct pen *p, bool block)
{
	if (!block)
		buf_addc(p->b, ' ');
	else if (ui->paint.utf8)
		buf_adds(p->b, "\u2588");
	else
		buf_addc(p->b, '#');
	/* at the last column the cursor waits to wrap: where it is then
	 * depends on the terminal */
	p->x = p->x + 1 >= ui->paint.cols ? -1 : p->x + 1;
}

static void reset_dirty(struct ui_direct *d)
{
	d->dy0 = d->dx0 = INT_MAX;
	d->dy1 = d->dx1 = 0;
}

void ui_direct_init(struct ui_direct *d, bool on)
{
	memset(d, 0, sizeof *d);
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

void ui_direct_forget(struct ui *ui)
{
	struct ui_direct *d = &ui->direct;
	d->h = d->w = 0;
	d->pre.len = d->post.len = 0;
	reset_dirty(d);
}

void ui_direct_area(struct ui *ui, int y, int x, int h, int w)
{
	struct ui_direct *d = &ui->direct;
	if (h <= 0 || w <= 0)
		h = w = 0;
	if (h == d->h && w == d->w && (!h || (y == d->y && x == d->x)))
		return;
	/* blank what was drawn before ncurses draws this frame: it believes
	 * those cells blank already */
	struct pen p = { &d->pre, 0, 0 };
	for (int r = 0; r < d->h; r++)
		for (int c = 0; c < d->w; c++)
			if (d->shown[r * d->w + c] != CELL_BLANK) {
				pen_move(&p, d->y + r, d->x + c);
				pen_cell(ui, &p, false);
			}
	if (p.y != 0 || p.x != 0)
		pen_move(&p, 0, 0);
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
}

void ui_direct_color(struct ui *ui, enum ui_color c)
{
	struct ui_direct *d = &ui->direct;
	if (c == d->color)
		return;
	d->color = c;
	/* every block on the screen is now in the wrong colour */
	for (int i = 0; i < d->h * d->w; i++)
		if (d->shown[i] == CELL_BLOCK)
			d->shown[i] = CELL_STALE;
	d->dy0 = d->dx0 = 0;
	d->dy1 = d->h;
	d->dx1 = d->w;
}

void ui_direct_set(struct ui *ui, int row, int col, bool block)
{
	struct ui_direct *d = &ui->direct;
	if (row < 0 || row >= d->h || col < 0 || col >= d->w)
		return;
	d->want[row * d->w + col] = block;
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
static void emit_changes(struct ui *ui, struct pen *p)
{
	struct ui_direct *d = &ui->direct;
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
				pen_attrs(ui, p, d->color);
				started = true;
			}
			pen_move(p, d->y + r, d->x + c);
			for (int k = c; k < end; k++) {
				pen_cell(ui, p, d->want[r * d->w + k] == CELL_BLOCK);
				d->shown[r * d->w + k] = d->want[r * d->w + k];
			}
			c = end;
		}
	}
	if (started)
		pen_attrs(ui, p, C_NORMAL);
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

void ui_direct_flush_pre(struct ui *ui)
{
	write_out(&ui->direct.pre);
}

void ui_direct_flush_post(struct ui *ui)
{
	struct ui_direct *d = &ui->direct;
	if (!d->h || d->dy0 >= d->dy1) {
		reset_dirty(d);
		return;
	}
	struct pen p = { &d->post, 0, 0 };
	emit_changes(ui, &p);
	if (p.y != 0 || p.x != 0)
		pen_move(&p, 0, 0);
	reset_dirty(d);
	write_out(&d->post);
}
