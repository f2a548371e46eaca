/* ui_direct_pen.c: the terminal side of recoup's own writer
 * (ui_direct.c): this terminal's strings, found once (its cursor moves,
 * worked out for the screen's size where they are the ANSI forms, each
 * colour's attribute string, whether a line feed moves straight down),
 * and the pen that writes cells with them into a buffer, by the shortest
 * moves, and sends it.  It knows the writer's struct, not its grid. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "ui_direct_int.h"
#include "util.h"

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

void direct_drop_moves(struct ui_direct *d)
{
	free(d->to_row); /* the others are in the same block */
	d->to_row = d->cup_row = d->cup_col = d->right = d->left = NULL;
	d->down = d->up = NULL;
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

/* direct_pen_move() where the terminal's moves are the ANSI ones: the shortest
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
void direct_pen_move(struct pen *p, int y, int x)
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
void direct_pen_cell(struct pen *p, uint32_t v)
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

/* Before a write: the terminal's strings found, or its attributes made
 * plain where ncurses believes they are not (an update leaves them so);
 * the moves for this size worked out. */
void direct_prepare(struct ui_direct *d, struct buf *b)
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
struct pen direct_pen_home(struct ui_direct *d, struct buf *b)
{
	struct pen p = { b, &d->caps, d, d->cols, 0, 0, C_NORMAL };
	return p;
}

/* Plain again, back home, and out. */
void direct_pen_done(struct pen *p)
{
	pen_color(p, C_NORMAL);
	direct_pen_move(p, 0, 0);
	write_out(p->b);
}

void direct_recheck(struct ui_direct *d)
{
	if (!d->caps.ready)
		return;
	bool was = d->caps.lf_down;
	find_lf(d);
	if (was != d->caps.lf_down)
		direct_drop_moves(d); /* worked out again at the next write */
}
