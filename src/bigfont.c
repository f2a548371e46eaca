/* bigfont.c: a 3x5 pixel font for 0-9 and ':'. */
#include "config.h"

#include "bigfont.h"

#include <string.h>

/* Each digit: five rows of three bits, most significant bit on the left. */
static const unsigned char glyphs[10][5] = {
	{ 7, 5, 5, 5, 7 }, /* 0 */
	{ 2, 6, 2, 2, 7 }, /* 1 */
	{ 7, 1, 7, 4, 7 }, /* 2 */
	{ 7, 1, 3, 1, 7 }, /* 3 */
	{ 5, 5, 7, 1, 1 }, /* 4 */
	{ 7, 4, 7, 1, 7 }, /* 5 */
	{ 7, 4, 7, 5, 7 }, /* 6 */
	{ 7, 1, 1, 1, 1 }, /* 7 */
	{ 7, 5, 7, 5, 7 }, /* 8 */
	{ 7, 5, 7, 1, 7 }, /* 9 */
};

int bigfont_char_width(char c)
{
	return c == ':' ? 1 : 3;
}

bool bigfont_pixel(char c, int x, int y)
{
	if (y < 0 || y >= BIGFONT_ROWS)
		return false;
	if (c == ':')
		return x == 0 && (y == 1 || y == 3);
	if (c < '0' || c > '9' || x < 0 || x > 2)
		return false;
	return glyphs[c - '0'][y] & (4 >> x);
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

struct bigfont_scale bigfont_fit(const char *text, int cols, int rows)
{
	struct bigfont_scale best = { 0, 0 };
	/* pixels twice as wide as tall look square in most terminal fonts */
	for (int h = 1; h <= 8; h++) {
		for (int w = 2 * h; w >= h && w >= 1; w--) {
			struct bigfont_scale s = { w, h };
			if (bigfont_width(text, s) <= cols && bigfont_height(s) <= rows) {
				if (s.h > best.h || (s.h == best.h && s.w > best.w))
					best = s;
				break;
			}
		}
	}
	return best;
}
