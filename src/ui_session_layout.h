/* ui_session_layout.h: where the session screen's things go
 * (ui_session_layout.c): its lines, the big area of words over digits,
 * the step list, from the screen's size and what there is to say.  No
 * drawing. */
#ifndef RECOUP_UI_SESSION_LAYOUT_H
#define RECOUP_UI_SESSION_LAYOUT_H

#include <stdbool.h>

#include "engine.h"
#include "ui.h"

enum line_id { L_PHASE, L_PROMPT, L_TITLE, L_COUNTERS, L_CUE, L_SESSION, L_STEP, L_NEXT, L_COUNT };

/* Where things go; the big area holds the words over the digits. */
struct layout {
	int x, w;            /* the main column */
	int list_w;          /* the step list, 0 when hidden */
	int y[L_COUNT];      /* first row of each line, -1 when left out */
	int rows[L_COUNT];   /* rows of each line: long text wraps */
	int area_y, area_h;  /* the big area: words band, a gap, digits band */
	int words_y, words_h;   /* within the area; words_h 0: no big words */
	int digits_y, digits_h; /* within the area; digits_h 0: no big digits */
	bool big;            /* the digits are big */
};

/* The words of a frame, made once per full redraw. */
struct words {
	char prompt[1024];
	char next[600];
	const char *cue;
};

/* The rows of big digits wanted: about a third of the screen's height. */
int sess_digits_cap(const struct ui *ui);
/* The layout of a frame showing `v` with the words `t`. */
void sess_plan_layout(struct ui *ui, const struct engine_view *v, const struct words *t,
		      struct layout *l);

#endif
