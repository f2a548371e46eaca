/* paint.c: the drawing kit (paint.h). */
#include "config.h"

#include "paint.h"

#include <curses.h>
#include <limits.h>
#include <string.h>

#include "safetext.h"
#include "util.h"

/* Text goes through safetext's rule, one shown character at a time, here
 * and in paint_fit(), so what is drawn and what is measured always agree: no
 * control reaches the screen, and in a locale that is not UTF-8 a character
 * (routine files are UTF-8 whatever the locale) is one '?', not one a byte. */
int paint_text(int y, int x, int width, const char *s)
{
	if (width <= 0)
		return 0;
	move(y, x);
	/* printable ASCII, the common case: as it is, in one call */
	int n = 0;
	while (s[n] >= 0x20 && s[n] < 0x7f)
		n++;
	if (!s[n]) {
		n = n < width ? n : width;
		addnstr(s, n);
		return n;
	}
	int used = 0;
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	while (used < width && safe_iter_next(&it, &c)) {
		if (used + c.cols > width)
			break;
		addnstr(c.show, (int)c.showlen);
		used += c.cols;
	}
	return used;
}

size_t paint_fit(const char *s, int width, bool words, int *cols)
{
	size_t i = 0, brk = 0;
	int used = 0, brk_cols = 0;
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	while (safe_iter_next(&it, &c)) {
		if (used + c.cols > width)
			break;
		used += c.cols;
		i += c.len;
		if (s[i - c.len] == ' ') {
			brk = i;
			brk_cols = used;
		}
	}
	if (words && s[i] && s[i] != ' ' && brk) {
		i = brk;
		used = brk_cols;
	}
	if (cols)
		*cols = used;
	return i;
}

int paint_width(const char *s)
{
	/* printable ASCII, the common case (and each second's counters):
	 * a column a byte */
	int n = 0;
	while (s[n] >= 0x20 && s[n] < 0x7f)
		n++;
	if (!s[n])
		return n;
	int cols;
	paint_fit(s, INT_MAX, false, &cols);
	return cols;
}

/* "…", or "..." where the terminal may not show it. */
static const char *ellipsis(const struct paint *p, int *cols)
{
	*cols = p->utf8 ? 1 : 3;
	return p->utf8 ? "\u2026" : "...";
}

int paint_text_cut(const struct paint *p, int y, int x, int width, const char *s)
{
	int cols, ew;
	size_t n = paint_fit(s, width, false, &cols);
	const char *el = ellipsis(p, &ew);
	if (!s[n] || width <= ew)
		return paint_text(y, x, width, s);
	n = paint_fit(s, width - ew, false, &cols);
	/* "a word…", not "a word …" */
	while (n > 0 && s[n - 1] == ' ') {
		n--;
		cols--;
	}
	paint_text(y, x, cols, s);
	mvaddstr(y, x + cols, el);
	return cols + ew;
}

/* The bytes of one character at `s` (at least 1), for text that cannot
 * break anywhere else. */
static size_t one_char(const char *s)
{
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	return safe_iter_next(&it, &c) ? c.len : 1;
}

/* paint_wrap() and paint_wrap_rows(): with ui NULL nothing is drawn. */
static int wrap(const struct paint *p, int y, int rows, int x, int width, int indent, const char *s)
{
	int used = 0;
	for (int in = 0; *s && used < rows; in = indent) {
		int w = width - in, cols;
		if (used == rows - 1) {
			/* the last row there is: what is left, cut if it must be */
			if (p)
				paint_text_cut(p, y + used, x + in, w, s);
			return used + 1;
		}
		size_t n = paint_fit(s, w, true, &cols);
		if (!n)
			n = one_char(s);
		if (p)
			paint_text(y + used, x + in, cols, s);
		used++;
		s += n;
		while (*s == ' ')
			s++;
	}
	return used;
}

int paint_wrap(const struct paint *p, int y, int rows, int x, int width, int indent, const char *s)
{
	return wrap(p, y, rows, x, width, indent, s);
}

int paint_wrap_rows(const char *s, int width, int indent)
{
	return wrap(NULL, 0, INT_MAX, 0, width, indent, s);
}

void paint_title_bar(const struct paint *p, const char *left, const char *right)
{
	attron(A_REVERSE);
	mvhline(0, 0, ' ' | A_REVERSE, p->cols);
	int rw = right ? (int)strlen(right) : 0;
	if (rw >= p->cols - 10)
		rw = 0;
	/* the name ends before the right part, with a gap, cut visibly */
	paint_text_cut(p, 0, 1, p->cols - 2 - rw, left);
	if (rw)
		mvaddstr(0, p->cols - rw, right);
	attroff(A_REVERSE);
}

/* The forms of the too-small note, longest first: the first that fits
 * whole is shown. */
static const char *const too_small_notes[] = {
	"Make the window larger (20x6 at least)",
	"Window too small (20x6 min)",
	"20x6 min",
};

void paint_too_small(const struct paint *p, int rows)
{
	size_t i = 0;
	while (i + 1 < ARRAY_LEN(too_small_notes) &&
	       paint_wrap_rows(too_small_notes[i], p->cols, 0) > rows)
		i++;
	paint_wrap(p, 0, rows, 0, p->cols, 0, too_small_notes[i]);
}

bool paint_page(const struct paint *p, const char *title)
{
	erase();
	if (p->rows < 6 || p->cols < 20) {
		paint_too_small(p, p->rows);
		return false;
	}
	paint_title_bar(p, title, NULL);
	return true;
}

void paint_color_on(const struct paint *p, enum ui_color c)
{
	if (p->color && c != C_NORMAL)
		attron(COLOR_PAIR(c));
	if (c == C_TITLE || c == C_WARN)
		attron(A_BOLD);
	if (!p->color && (c == C_LEFT || c == C_RIGHT))
		attron(A_BOLD);
	if (c == C_DIM)
		attron(A_DIM);
}

void paint_color_off(const struct paint *p, enum ui_color c)
{
	if (p->color && c != C_NORMAL)
		attroff(COLOR_PAIR(c));
	attroff(A_BOLD | A_DIM);
}

enum ui_color paint_zone_color(enum pain_zone z)
{
	return z == ZONE_FINE ? C_GOOD : z == ZONE_ACCEPTABLE ? C_RIGHT : C_WARN;
}

void paint_bar(const struct paint *p, int y, int x, int width, double frac)
{
	if (width <= 0)
		return;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	int fill = (int)(frac * width + 0.5);
	move(y, x);
	for (int i = 0; i < width; i++) {
		if (p->utf8)
			addstr(i < fill ? "\u2588" : "\u2591");
		else
			addch(i < fill ? '#' : '.');
	}
}

