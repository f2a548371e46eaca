/* bigarea.h: a screen's big area: words over figures (the side and phase
 * over the countdown), drawn in the big font (bigfont.h) into recoup's own
 * cells (ui_direct.h), or through ncurses where the terminal cannot take
 * those.  Each is redrawn only when it changed, the figures character by
 * character.  A kit: it knows no screen. */
#ifndef RECOUP_BIGAREA_H
#define RECOUP_BIGAREA_H

#include <stdbool.h>

#include "bigfont.h"
#include "paint.h"
#include "ui_direct.h"

/* The words: one at an edge (the side, with its arrow), one in the middle
 * of what is left (the phase or part), either may be "". */
enum big_edge { BIG_NO_EDGE, BIG_LEFT_EDGE, BIG_RIGHT_EDGE };
struct big_words {
	char edge_word[16];
	enum big_edge edge;
	char word[32];
	bool shaded;         /* the middle word in shaded blocks */
};

/* bigfont_fit() of the figures, remembered: their shape changes seldom
 * (":" and the number of digits), the text every second. */
struct big_fit_memo {
	char shape[32];
	int cols, rows;
	struct bigfont_scale s;
};

struct big_area {
	int y, x, w;             /* on the screen */
	int words_y, words_h;    /* rows within the area; words_h 0: none */
	int digits_y, digits_h;  /* digits_h 0: no figures */
	int digits_cap;          /* rows the figures take at most */
	bool direct;             /* its cells are ui_direct.c's, not ncurses' */
	enum ui_color color;     /* of the blocks, when direct */
	bool recolor_words, recolor_digits; /* drawn in another colour: all again */
	/* what is drawn, so a turn redraws only what changed */
	char shown_digits[32], shown_words[64];
	struct big_fit_memo memo;
};

/* The largest scale at which the words fit cols x rows ({0,0}: none). */
struct bigfont_scale big_words_fit(const struct big_words *bw, int cols, int rows);
/* The scale of the figures `text` in the area as it is laid out. */
struct bigfont_scale big_digits_fit(struct big_area *a, const char *text);
/* Draw the words, the figures: everything when `full` (a frame drawn from
 * scratch), else only what differs from what is shown.  Cells go to `d`
 * when the area is direct, else through ncurses. */
void big_draw_words(struct big_area *a, struct ui_direct *d, const struct paint *p,
		    const struct big_words *bw, bool full);
void big_draw_digits(struct big_area *a, struct ui_direct *d, const struct paint *p,
		     const char *text, bool full);
/* The colour of what follows (on) and after it (off): the side's, ice's,
 * rest's; any other is plain cells, no attributes. */
void big_color(struct big_area *a, const struct paint *p, enum ui_color c, bool on);

#endif
