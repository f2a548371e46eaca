/* bigarea.c: a screen's big area, words over figures in the big font (see
 * bigarea.h).  The words: the edge word at its own edge of the area, the
 * other in the middle of what is left, at the largest scale at which both
 * fit.  The figures: centred, at the largest scale up to the area's cap;
 * once a second only the characters that changed are plotted again. */
#include "config.h"

#include "bigarea.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Pixels between the edge word and the other, at the least. */
enum { WORDS_GAP = 3 };
/* Cells across a row of the area at most. */
enum { AREA_W = 512 };

static int words_width(const struct big_words *bw, struct bigfont_scale s)
{
	int w = bigfont_width(bw->edge_word, s) + bigfont_width(bw->word, s);
	if (bw->edge_word[0] && bw->word[0])
		w += WORDS_GAP * s.w;
	return w;
}

struct bigfont_scale big_words_fit(const struct big_words *bw, int cols, int rows)
{
	struct bigfont_scale none = { 0, 0 }, one = { 1, 1 };
	if (!bw->edge_word[0] && !bw->word[0])
		return none;
	return bigfont_fit_pixels(words_width(bw, one), cols, rows);
}

struct bigfont_scale big_digits_fit(struct big_area *a, const char *text)
{
	struct big_fit_memo *m = &a->memo;
	int cols = a->w < AREA_W ? a->w : AREA_W - 1;
	int rows = a->digits_h < a->digits_cap ? a->digits_h : a->digits_cap;
	char now[32];
	size_t n = 0;
	for (; text[n] && n < sizeof now - 1; n++)
		now[n] = text[n] >= '0' && text[n] <= '9' ? '0' : text[n];
	now[n] = '\0';
	if (cols != m->cols || rows != m->rows || strcmp(now, m->shape)) {
		m->s = bigfont_fit(text, cols, rows);
		memcpy(m->shape, now, n + 1);
		m->cols = cols;
		m->rows = rows;
	}
	return m->s;
}

/* The pixels of row `py` (of the font's rows times s.h) of `text`, from
 * cell x on, as cells of `kind` in row[0..w). */
static void plot(unsigned char *row, int w, int x, const char *text, struct bigfont_scale s,
		 int py, int kind)
{
	for (int k = 0; text[k]; k++) {
		int cw = bigfont_char_width(text[k]);
		unsigned bits = bigfont_row(text[k], py / s.h);
		for (int px = 0; px < cw; px++)
			for (int sx = 0; sx < s.w; sx++, x++)
				if (x >= 0 && x < w && (bits >> (cw - 1 - px) & 1u))
					row[x] = (unsigned char)kind;
		x += s.w;
	}
}

/* Cells from..to of row r of the area: to the direct area, or, where the
 * terminal cannot take that, through ncurses as wide characters. */
static void put_cells(const struct big_area *a, struct ui_direct *d, const struct paint *p,
		      int r, int from, int to, const unsigned char *row)
{
	if (a->direct) {
		/* the cell of each kind, once */
		const uint32_t cell[] = {
			[DIRECT_BLANK] = DIRECT_SPACE,
			[DIRECT_BLOCK] = ui_direct_cell(ui_direct_glyph_cp(p, DIRECT_BLOCK), a->color),
			[DIRECT_SHADE] = ui_direct_cell(ui_direct_glyph_cp(p, DIRECT_SHADE), a->color),
		};
		uint32_t cells[AREA_W];
		for (int i = from; i < to; i++)
			cells[i] = cell[row[i]];
		ui_direct_row(d, a->y + r, a->x + from, cells + from, to - from);
		return;
	}
	wchar_t wide[AREA_W];
	for (int i = from; i < to; i++)
		wide[i] = (wchar_t)ui_direct_glyph_cp(p, row[i]);
	mvaddnwstr(a->y + r, a->x + from, wide + from, to - from);
}

/* One character of the figures (or all when `only` < 0) in their band;
 * as one line of text where the font does not fit. */
static void digit_rows(struct big_area *a, struct ui_direct *d, const struct paint *p,
		       const char *text, int only)
{
	unsigned char row[AREA_W];
	int w = a->w < AREA_W ? a->w : AREA_W - 1;
	struct bigfont_scale s = big_digits_fit(a, text);
	int width = s.w ? bigfont_width(text, s) : (int)strlen(text);
	int height = s.w ? bigfont_height(s) : 1;
	int x0 = (w - width) / 2, y0 = (a->digits_h - height) / 2;
	/* the columns to write: all, or those of character `only` */
	int from = 0, to = w;
	const char *part = text;
	char one[2] = "";
	if (only >= 0 && s.w) {
		from = x0;
		for (int i = 0; i < only; i++)
			from += (bigfont_char_width(text[i]) + 1) * s.w;
		to = from + bigfont_char_width(text[only]) * s.w;
		one[0] = text[only];
		part = one;
	}
	for (int r = 0; r < a->digits_h; r++) {
		int py = r - y0;
		if (only >= 0 && (py < 0 || py >= height))
			continue;
		memset(row + from, DIRECT_BLANK, (size_t)(to - from));
		if (!s.w && py == 0) {
			/* no room for the font: the text, which the direct area
			 * cannot hold (it is given none then) */
			paint_text(a->y + a->digits_y + r, a->x + (x0 > 0 ? x0 : 0), w, text);
			continue;
		}
		if (s.w && py >= 0 && py < height)
			plot(row, w, only >= 0 ? from : x0, part, s, py, DIRECT_BLOCK);
		put_cells(a, d, p, a->digits_y + r, from, to, row);
	}
}

void big_draw_digits(struct big_area *a, struct ui_direct *d, const struct paint *p,
		     const char *text, bool full)
{
	const char *prev = a->shown_digits;
	full |= a->recolor_digits;
	a->recolor_digits = false;
	if (!full && !strcmp(prev, text))
		return;
	if (!full && strlen(prev) == strlen(text)) {
		/* same shape: only the characters that changed (mostly the last) */
		for (int i = 0; text[i]; i++)
			if (text[i] != prev[i])
				digit_rows(a, d, p, text, i);
	} else {
		digit_rows(a, d, p, text, -1);
	}
	size_t n = strlen(text);
	if (n >= sizeof a->shown_digits)
		n = sizeof a->shown_digits - 1;
	memcpy(a->shown_digits, text, n);
	a->shown_digits[n] = '\0';
}

void big_draw_words(struct big_area *a, struct ui_direct *d, const struct paint *p,
		    const struct big_words *bw, bool full)
{
	char key[64];
	snprintf(key, sizeof key, "%s|%d|%s|%d", bw->edge_word, bw->edge, bw->word, bw->shaded);
	full |= a->recolor_words;
	a->recolor_words = false;
	if (!full && !strcmp(key, a->shown_words))
		return;
	snprintf(a->shown_words, sizeof a->shown_words, "%s", key);
	int w = a->w < AREA_W ? a->w : AREA_W - 1;
	struct bigfont_scale s = big_words_fit(bw, w, a->words_h);
	int ew = s.w ? bigfont_width(bw->edge_word, s) : 0, ow = s.w ? bigfont_width(bw->word, s) : 0;
	int gap = bw->edge_word[0] ? WORDS_GAP * s.w : 0;
	int ex = 0, ox = (w - ow) / 2, height = s.w ? bigfont_height(s) : 0;
	if (bw->edge == BIG_RIGHT_EDGE) {
		ex = w - ew;
		ox = (ex - gap - ow) / 2;
	} else if (bw->edge == BIG_LEFT_EDGE) {
		ox = ew + gap + (w - ew - gap - ow) / 2;
	}
	int y0 = (a->words_h - height) / 2;
	unsigned char row[AREA_W];
	for (int r = 0; r < a->words_h; r++) {
		int py = r - y0;
		memset(row, DIRECT_BLANK, (size_t)w);
		if (s.w && py >= 0 && py < height) {
			plot(row, w, ex, bw->edge_word, s, py, DIRECT_BLOCK);
			plot(row, w, ox, bw->word, s, py, bw->shaded ? DIRECT_SHADE : DIRECT_BLOCK);
		}
		put_cells(a, d, p, a->words_y + r, 0, w, row);
	}
}

void big_color(struct big_area *a, const struct paint *p, enum ui_color c, bool on)
{
	bool colored = c == C_LEFT || c == C_RIGHT || c == C_ICE || c == C_REST;
	if (a->direct) {
		enum ui_color now = colored ? c : C_NORMAL;
		if (on && now != a->color) {
			/* every block shown is now in the wrong colour */
			a->color = now;
			a->recolor_words = a->recolor_digits = true;
		}
	} else if (colored) {
		(on ? paint_color_on : paint_color_off)(p, c);
	}
}
