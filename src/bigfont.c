/* bigfont.c: a pixel font five pixels tall for the countdown's digits and
 * the session's big words: 0-9, ':', the capital letters the words use,
 * and a few signs ('<' and '>' point to a side).  Square-cornered like a
 * seven-segment display, so that a word reads as one piece from afar; a
 * letter that would pass for a digit (O and 0, S and 5) takes a rounder
 * form.  Most glyphs are three pixels wide; M and W five, N four. */
#include "config.h"

#include "bigfont.h"

#include <string.h>

/* Each glyph: its width in pixels, and five rows of bits, the leftmost
 * pixel the highest bit of the width. */
struct glyph {
	unsigned char w;
	unsigned char rows[BIGFONT_ROWS];
};

static const struct glyph font[128] = {
	['0'] = { 3, { 7, 5, 5, 5, 7 } },
	['1'] = { 3, { 2, 6, 2, 2, 7 } },
	['2'] = { 3, { 7, 1, 7, 4, 7 } },
	['3'] = { 3, { 7, 1, 3, 1, 7 } },
	['4'] = { 3, { 5, 5, 7, 1, 1 } },
	['5'] = { 3, { 7, 4, 7, 1, 7 } },
	['6'] = { 3, { 7, 4, 7, 5, 7 } },
	['7'] = { 3, { 7, 1, 1, 1, 1 } },
	['8'] = { 3, { 7, 5, 7, 5, 7 } },
	['9'] = { 3, { 7, 5, 7, 1, 7 } },
	[':'] = { 1, { 0, 1, 0, 1, 0 } },
	[' '] = { 1, { 0, 0, 0, 0, 0 } },
	['-'] = { 3, { 0, 0, 7, 0, 0 } },
	['?'] = { 3, { 6, 1, 2, 0, 2 } },
	['<'] = { 3, { 1, 2, 4, 2, 1 } },
	['>'] = { 3, { 4, 2, 1, 2, 4 } },
	['A'] = { 3, { 7, 5, 7, 5, 5 } },
	['B'] = { 3, { 6, 5, 6, 5, 6 } },
	['C'] = { 3, { 7, 4, 4, 4, 7 } },
	['D'] = { 3, { 6, 5, 5, 5, 6 } },
	['E'] = { 3, { 7, 4, 6, 4, 7 } },
	['F'] = { 3, { 7, 4, 6, 4, 4 } },
	['G'] = { 3, { 7, 4, 5, 5, 7 } },
	['H'] = { 3, { 5, 5, 7, 5, 5 } },
	['I'] = { 3, { 7, 2, 2, 2, 7 } },
	['K'] = { 3, { 5, 5, 6, 5, 5 } },
	['L'] = { 3, { 4, 4, 4, 4, 7 } },
	['M'] = { 5, { 17, 27, 21, 17, 17 } },
	['N'] = { 4, { 9, 13, 11, 9, 9 } },
	['O'] = { 3, { 2, 5, 5, 5, 2 } },
	['P'] = { 3, { 7, 5, 7, 4, 4 } },
	['R'] = { 3, { 6, 5, 6, 5, 5 } },
	['S'] = { 3, { 3, 4, 2, 1, 6 } },
	['T'] = { 3, { 7, 2, 2, 2, 2 } },
	['U'] = { 3, { 5, 5, 5, 5, 7 } },
	['W'] = { 5, { 17, 17, 21, 27, 17 } },
	['Y'] = { 3, { 5, 5, 2, 2, 2 } },
};

bool bigfont_has(char c)
{
	return (unsigned char)c < 128 && font[(unsigned char)c].w > 0;
}

int bigfont_char_width(char c)
{
	return bigfont_has(c) ? font[(unsigned char)c].w : 0;
}

bool bigfont_pixel(char c, int x, int y)
{
	if (y < 0 || y >= BIGFONT_ROWS || !bigfont_has(c))
		return false;
	const struct glyph *g = &font[(unsigned char)c];
	if (x < 0 || x >= g->w)
		return false;
	return g->rows[y] & (1u << (g->w - 1 - x));
}

unsigned bigfont_row(char c, int y)
{
	if (y < 0 || y >= BIGFONT_ROWS || !bigfont_has(c))
		return 0;
	return font[(unsigned char)c].rows[y];
}

bool bigfont_can_draw(const char *text)
{
	for (; *text; text++)
		if (!bigfont_has(*text))
			return false;
	return true;
}

int bigfont_width(const char *text, struct bigfont_scale s)
{
	int px = 0;
	size_t n = strlen(text);
	for (size_t i = 0; i < n; i++)
		px += bigfont_char_width(text[i]) + (i + 1 < n ? 1 : 0);
	return px * s.w;
}

int bigfont_height(struct bigfont_scale s)
{
	return BIGFONT_ROWS * s.h;
}

struct bigfont_scale bigfont_fit_pixels(int px, int cols, int rows)
{
	struct bigfont_scale best = { 0, 0 };
	/* pixels twice as wide as tall look square in most terminal fonts */
	for (int h = 1; h <= 8; h++) {
		for (int w = 2 * h; w >= h; w--) {
			struct bigfont_scale s = { w, h };
			if (px * s.w <= cols && bigfont_height(s) <= rows) {
				if (s.h > best.h || (s.h == best.h && s.w > best.w))
					best = s;
				break;
			}
		}
	}
	return best;
}

struct bigfont_scale bigfont_fit(const char *text, int cols, int rows)
{
	struct bigfont_scale one = { 1, 1 };
	return bigfont_fit_pixels(bigfont_width(text, one), cols, rows);
}
