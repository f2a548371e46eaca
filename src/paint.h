/* paint.h: the drawing kit every screen shares: text that goes through
 * safetext's rule, fitting and wrapping by columns, the title bar, progress
 * bars and colours.  It draws into stdscr and knows no screen: what it needs
 * of the terminal is in struct paint, which the event loop (ui.c) keeps. */
#ifndef RECOUP_PAINT_H
#define RECOUP_PAINT_H

#include <stdbool.h>
#include <stddef.h>

#include "zones.h"

/* Colour pairs. */
enum ui_color { C_NORMAL, C_LEFT, C_RIGHT, C_ICE, C_REST, C_WARN, C_DIM, C_TITLE, C_GOOD, C_COUNT };

/* What drawing needs to know of the terminal. */
struct paint {
	int rows, cols;
	bool color;  /* colour pairs are set up (not NO_COLOR, the terminal has them) */
	bool utf8;   /* the locale is UTF-8: block and box characters, "…" */
};

/* Text clipped to `width` columns (UTF-8 aware); returns columns used. */
int paint_text(int y, int x, int width, const char *s);
/* The same, ending with an ellipsis ("…", or "..." outside UTF-8) when cut. */
int paint_text_cut(const struct paint *p, int y, int x, int width, const char *s);
/* How much of `s` fits in `width` columns: returns the bytes, and the
 * columns in *cols (may be NULL).  With `words`, a cut falls after a space
 * when there is one. */
size_t paint_fit(const char *s, int width, bool words, int *cols);
/* Columns `s` takes on the screen. */
int paint_width(const char *s);
/* `s` wrapped between words into `width` columns over at most `rows` rows
 * from (y, x), the rows after the first indented by `indent`; the last row
 * ends with an ellipsis when even they are not enough.  Returns the rows
 * used. */
int paint_wrap(const struct paint *p, int y, int rows, int x, int width, int indent,
	       const char *s);
/* The rows paint_wrap() wants to show all of `s`. */
int paint_wrap_rows(const char *s, int width, int indent);
/* Below 20x6: the note asking for more room, in its longest form that fits
 * `rows` rows from the top. */
void paint_too_small(const struct paint *p, int rows);
/* The reversed top line: `left`, and `right` (may be NULL) at the end. */
void paint_title_bar(const struct paint *p, const char *left, const char *right);
/* Start a full-screen page: clear, and the title bar.  False (with a
 * "make the window larger" note drawn) when the window is too small. */
bool paint_page(const struct paint *p, const char *title);
/* A progress bar of `width` columns for 0..1. */
void paint_bar(const struct paint *p, int y, int x, int width, double frac);
void paint_color_on(const struct paint *p, enum ui_color c);
void paint_color_off(const struct paint *p, enum ui_color c);
/* A pain zone's colour, the one every screen that shows a zone uses (the
 * rating prompt, the check-in, the history): a traffic light, the
 * palette's green, its yellow (the right side's) and its red (warnings').
 * Without colour the last two are bold, and the zone's word says it all. */
enum ui_color paint_zone_color(enum pain_zone z);

#endif
