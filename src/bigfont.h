/* bigfont.h: the countdown's digits and the session's big words, drawn
 * large from a built-in font five pixels tall, scaled to the room there is.
 * Pure layout here: the caller plots the cells. */
#ifndef RECOUP_BIGFONT_H
#define RECOUP_BIGFONT_H

#include <stdbool.h>

#define BIGFONT_ROWS 5

struct bigfont_scale {
	int w, h;           /* terminal cells per font pixel, across and down */
};

/* The largest scale at which `text` fits in cols x rows,
 * or {0,0} when even 1x1 does not fit. */
struct bigfont_scale bigfont_fit(const char *text, int cols, int rows);
/* The same for anything `px` pixels across (the font's rows down): text
 * laid out by the caller (bigfont_width() at 1x1, with its own gaps). */
struct bigfont_scale bigfont_fit_pixels(int px, int cols, int rows);
/* Width and height in cells of `text` at a scale. */
int bigfont_width(const char *text, struct bigfont_scale s);
int bigfont_height(struct bigfont_scale s);
/* Whether the pixel at (x, y) of character c is lit (x below its width,
 * y below BIGFONT_ROWS). */
bool bigfont_pixel(char c, int x, int y);
/* Row y of character c as bits, its leftmost pixel the highest of
 * bigfont_char_width(c) bits (0 outside the font). */
unsigned bigfont_row(char c, int y);
/* Pixels across for character c (3 for digits and most letters, 1 for
 * ':' and a space, 4 for N, 5 for M and W; 0 when the font lacks it). */
int bigfont_char_width(char c);
/* Whether the font has character c; whether it has all of `text`. */
bool bigfont_has(char c);
bool bigfont_can_draw(const char *text);

#endif
