/* bigread: reads the big figures and words back from a captured screen
 * (tmux capture-pane -p on stdin), through the font itself (bigfont.c), so
 * that the tests assert words, not block patterns.
 *
 * A band is a run of rows holding big cells ('█' or '▒', or '#' and ':'
 * with -a for ASCII screens, where a row with other text is not one; nor
 * is a progress bar's row, which has '░' or ends in its percentage).  Its
 * height gives the scale down (five font rows), its narrowest run of lit
 * cells the scale across.  Each run of lit columns is one glyph
 * (every glyph's first and last columns are lit, and one blank pixel
 * column parts two glyphs); glyphs one pixel apart make a word.  One line
 * per word:
 *
 *   ROW HEIGHT FIRST LAST KIND TEXT
 *
 * ROW the band's first row (0 the top of the screen), HEIGHT its rows,
 * FIRST and LAST the word's columns, KIND B (blocks) or S (shaded), TEXT
 * the word ('?' for a glyph the font does not have).
 *
 * With -s (strict), prints instead of the words each lit cell that no
 * glyph read explains and each blank cell of a glyph's lit pixel ("stray
 * ROW COL", "hole ROW COL"), each glyph not read ("unread ROW COL") and
 * each band not five rows (or a multiple) tall; exit 1 if any: the screen
 * holds its words and figures and nothing else.
 *
 * With -c, checks the font instead: no two glyphs alike, every glyph's
 * first and last columns lit (what the reading relies on); exit 1 if not. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigfont.h"

#define MAXR 300
#define MAXC 600

static unsigned char cell[MAXR][MAXC]; /* 0 blank, 1 block, 2 shade, 3 bar */
static bool text_row[MAXR];  /* -a: words after the list's bar: not a band */
static bool bar_row[MAXR];   /* a progress bar's (its '█' are no glyphs) */
static int nrows, ncols;
/* -s: the cells the glyphs read explain (1), and what is wrong so far */
static bool strict;
static unsigned char explained[MAXR][MAXC];
static int wrong;

static void read_screen(bool ascii)
{
	char line[8192];
	while (nrows < MAXR && fgets(line, sizeof line, stdin)) {
		int c = 0;
		/* outside UTF-8 '#' and ':' are also text ("next: ..."): a
		 * row of big cells has nothing else after the list's bar */
		const char *bar = strrchr(line, '|');
		if (ascii && strspn(bar ? bar + 1 : line, " #:\n") != strlen(bar ? bar + 1 : line))
			text_row[nrows] = true;
		/* a bar has '░' unless it is full; it ends in its percentage */
		size_t end = strcspn(line, "\n");
		while (end && line[end - 1] == ' ')
			end--;
		bar_row[nrows] = (end && line[end - 1] == '%') || strstr(line, "\u2591");
		for (unsigned char *p = (unsigned char *)line; *p && *p != '\n' && c < MAXC; c++) {
			int len = *p < 0x80 ? 1 : *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;
			unsigned char k = 0;
			if (len == 3 && !memcmp(p, "\u2588", 3))
				k = 1;
			else if (len == 3 && !memcmp(p, "\u2592", 3))
				k = 2;
			else if (len == 3 && !memcmp(p, "\u2591", 3))
				k = 3;
			else if (ascii && *p == '#')
				k = 1;
			else if (ascii && *p == ':')
				k = 2;
			cell[nrows][c] = k;
			for (int i = 0; i < len && *p; i++)
				p++;
		}
		if (c > ncols)
			ncols = c;
		nrows++;
	}
}

/* A row of big cells: some lit, no bar. */
static bool band_row(int r)
{
	bool lit = false;
	if (text_row[r] || bar_row[r])
		return false;
	for (int c = 0; c < ncols; c++)
		lit |= cell[r][c] == 1 || cell[r][c] == 2;
	return lit;
}

static bool lit(int r, int c)
{
	return cell[r][c] == 1 || cell[r][c] == 2;
}

static char match(int r0, int sh, int x0, int sw, int wpx)
{
	for (int ch = 32; ch < 127; ch++) {
		if (!bigfont_has((char)ch) || bigfont_char_width((char)ch) != wpx || ch == ' ')
			continue;
		bool same = true;
		for (int py = 0; py < BIGFONT_ROWS && same; py++)
			for (int px = 0; px < wpx && same; px++)
				same = lit(r0 + py * sh, x0 + px * sw) == bigfont_pixel((char)ch, px, py);
		if (same)
			return (char)ch;
	}
	return 0;
}

/* -s: glyph g read at row r0, column x0, scale sw x sh: every cell of its
 * pixels as the font has them, lit or blank */
static void explain(int r0, int sh, int x0, int sw, char g)
{
	if (!g) {
		printf("unread %d %d\n", r0, x0);
		wrong = 1;
		return;
	}
	int w = bigfont_char_width(g);
	for (int py = 0; py < BIGFONT_ROWS; py++)
		for (int px = 0; px < w; px++) {
			if (!bigfont_pixel(g, px, py))
				continue;
			for (int r = r0 + py * sh; r < r0 + (py + 1) * sh; r++)
				for (int c = x0 + px * sw; c < x0 + (px + 1) * sw; c++) {
					explained[r][c] = 1;
					if (!lit(r, c)) {
						printf("hole %d %d\n", r, c);
						wrong = 1;
					}
				}
		}
}

static void read_band(int r0, int h)
{
	if (h % BIGFONT_ROWS) {
		printf("%d %d 0 0 ? (not a multiple of %d rows)\n", r0, h, BIGFONT_ROWS);
		wrong = 1;
		return;
	}
	int sh = h / BIGFONT_ROWS, sw = MAXC;
	bool col[MAXC];
	for (int c = 0; c < ncols; c++) {
		col[c] = false;
		for (int r = r0; r < r0 + h; r++)
			col[c] |= lit(r, c);
	}
	/* the narrowest run of lit cells along a row: one pixel across */
	for (int r = r0; r < r0 + h; r++)
		for (int c = 0; c < ncols;) {
			if (!lit(r, c)) {
				c++;
				continue;
			}
			int e = c;
			while (e < ncols && lit(r, e))
				e++;
			if (e - c < sw)
				sw = e - c;
			c = e;
		}
	char word[256];
	int wlen = 0, first = -1, last = -1, kind = 0, prev_end = -1;
	for (int c = 0; c <= ncols; c++) {
		if (c < ncols && col[c]) {
			int e = c;
			while (e < ncols && col[e])
				e++;
			if (wlen && c - prev_end > sw) {
				word[wlen] = '\0';
				if (!strict)
					printf("%d %d %d %d %c %s\n", r0, h, first, last,
					       kind == 2 ? 'S' : 'B', word);
				wlen = 0;
			}
			if (!wlen) {
				first = c;
				kind = 0;
			}
			for (int r = r0; r < r0 + h; r++)
				for (int k = c; k < e; k++)
					if (lit(r, k))
						kind = cell[r][k];
			char g = (e - c) % sw ? 0 : match(r0, sh, c, sw, (e - c) / sw);
			if (strict)
				explain(r0, sh, c, sw, g);
			if (wlen < (int)sizeof word - 1)
				word[wlen++] = g ? g : '?';
			last = e - 1;
			prev_end = e;
			c = e - 1;
		}
	}
	if (wlen) {
		word[wlen] = '\0';
		if (!strict)
			printf("%d %d %d %d %c %s\n", r0, h, first, last, kind == 2 ? 'S' : 'B', word);
	}
}

static int check_font(void)
{
	int bad = 0;
	for (int a = 33; a < 127; a++) {
		if (!bigfont_has((char)a))
			continue;
		int w = bigfont_char_width((char)a);
		bool l = false, r = false;
		for (int y = 0; y < BIGFONT_ROWS; y++) {
			l |= bigfont_pixel((char)a, 0, y);
			r |= bigfont_pixel((char)a, w - 1, y);
		}
		if (!l || !r) {
			printf("'%c': a blank first or last column\n", a);
			bad = 1;
		}
		for (int b = a + 1; b < 127; b++) {
			if (!bigfont_has((char)b) || bigfont_char_width((char)b) != w)
				continue;
			bool same = true;
			for (int y = 0; y < BIGFONT_ROWS; y++)
				for (int x = 0; x < w; x++)
					same &= bigfont_pixel((char)a, x, y) == bigfont_pixel((char)b, x, y);
			if (same) {
				printf("'%c' and '%c' look the same\n", a, b);
				bad = 1;
			}
		}
	}
	return bad;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-c"))
		return check_font();
	strict = argc > 1 && !strcmp(argv[1], "-s");
	read_screen(argc > 1 && !strcmp(argv[1], "-a"));
	for (int r = 0; r < nrows;) {
		if (!band_row(r)) {
			r++;
			continue;
		}
		int e = r;
		while (e < nrows && band_row(e))
			e++;
		read_band(r, e - r);
		r = e;
	}
	if (!strict)
		return 0;
	for (int r = 0; r < nrows; r++)
		for (int c = 0; c < ncols && !bar_row[r]; c++)
			if (lit(r, c) && !explained[r][c]) {
				printf("stray %d %d\n", r, c);
				wrong = 1;
			}
	return wrong;
}
