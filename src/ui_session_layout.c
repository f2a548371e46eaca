/* ui_session_layout.c: where the session screen's things go (see
 * ui_session_layout.h): rows claimed by each line in order of importance,
 * the big area's words and digits bands, the step list where there are
 * columns for it.  No drawing. */
#include "config.h"

#include "ui_session_layout.h"

#include <string.h>

#include "bigarea.h"
#include "bigfont.h"
#include "ui_session_text.h"
#include "util.h"

/* Rows under the title bar from which the words are big: five rows of
 * words, one between, five of digits, and six lines of text. */
enum { WORDS_MIN_H = 2 * BIGFONT_ROWS + 1 + 6 };
/* Columns from which the step list stays beside the big words: below, the
 * words take its width (they are what a glance from afar needs). */
enum { WORDS_LIST_COLS = 140 };

/* The rows of big digits wanted: about a third of the screen's height, big
 * enough across a room, small enough that a second's change stays a few
 * cells. */
int sess_digits_cap(const struct ui *ui)
{
	return BIGFONT_ROWS * (ui->paint.rows >= 28 ? (ui->paint.rows - 4) / 12 : 1);
}

/* The rows of big words wanted: a step below the digits, five at least. */
static int words_cap(const struct ui *ui)
{
	int d = sess_digits_cap(ui);
	return d > 2 * BIGFONT_ROWS ? d - BIGFONT_ROWS : BIGFONT_ROWS;
}

/* Rows for each line: claims in order of importance, each up to what the
 * line's text needs.  First a row each (the prompt, what to do now, up to
 * half the room; the title a second row before the bars), then, from what
 * the big area leaves (`keep`), the rest of any text that wraps. */
static void share_rows(struct layout *l, const int need[L_COUNT], int room, int keep)
{
	enum { HALF = -1, ALL = -2 };
	static const struct {
		enum line_id id;
		int rows;
	} claims[] = {
		{ L_PHASE, 1 }, { L_PROMPT, HALF }, { L_TITLE, 1 }, { L_COUNTERS, 1 },
		{ L_CUE, 1 }, { L_TITLE, 2 }, { L_SESSION, 1 }, { L_STEP, 1 }, { L_NEXT, 1 },
		{ L_PROMPT, ALL }, { L_TITLE, ALL }, { L_CUE, ALL }, { L_NEXT, ALL },
	};
	int half = room / 2 > 1 ? room / 2 : 1;
	bool kept = false;
	for (size_t i = 0; i < ARRAY_LEN(claims); i++) {
		enum line_id id = claims[i].id;
		if (claims[i].rows == ALL && !kept) {
			room -= keep;
			kept = true;
		}
		int want = claims[i].rows == ALL ? need[id] : claims[i].rows == HALF ? half
											: claims[i].rows;
		if (want > need[id])
			want = need[id];
		int more = want - l->rows[id];
		if (more > room)
			more = room;
		if (more > 0) {
			l->rows[id] += more;
			room -= more;
		}
	}
}

/* The words' band and the digits' band in the big area: the words up to
 * their cap, at least five rows, the digits the rest up to theirs; the
 * two together in the middle of the area. */
static void split_area(const struct ui *ui, struct layout *l, bool words)
{
	int a = l->area_h, wh = 0, dh = 0, gap = 0;
	if (words && l->big) {
		gap = 1;
		wh = a - gap - BIGFONT_ROWS;
		if (wh > words_cap(ui))
			wh = words_cap(ui);
		dh = a - gap - wh;
		if (dh > sess_digits_cap(ui))
			dh = sess_digits_cap(ui);
	} else if (words) {
		wh = a < sess_digits_cap(ui) ? a : sess_digits_cap(ui);
	} else {
		dh = a;
	}
	int top = (a - wh - gap - dh) / 2;
	/* digits alone keep the whole area (they are centred in it) */
	if (!words)
		top = 0;
	l->words_y = top;
	l->words_h = wh;
	l->digits_y = top + wh + gap;
	l->digits_h = dh;
}

void sess_plan_layout(struct ui *ui, const struct engine_view *v, const struct words *t,
			struct layout *l)
{
	int top = 1, h = ui->paint.rows - 2;
	char bt[32], ct[300];
	sess_big_text(v, bt, sizeof bt);
	sess_counters(v, ct, sizeof ct, false);
	/* big words where there are rows for them and the digits, and they
	 * fit across; below WORDS_LIST_COLS without the step list */
	struct big_words bw;
	sess_big_words(v, &bw);
	bool words = h >= WORDS_MIN_H;
	l->list_w = ui->paint.cols >= 64 && h >= 8 ? (ui->paint.cols / 3 < 30 ? ui->paint.cols / 3 : 30) : 0;
	if (words && ui->paint.cols < WORDS_LIST_COLS)
		l->list_w = 0;
	l->x = l->list_w ? l->list_w + 2 : 1;
	l->w = ui->paint.cols - l->x - 1;
	if (l->w > 511)
		l->w = 511;
	if (words && !big_words_fit(&bw, l->w, BIGFONT_ROWS).w)
		words = false;
	int need[L_COUNT] = {
		[L_PHASE] = 1,
		[L_PROMPT] = t->prompt[0] ? paint_wrap_rows(t->prompt, l->w, 0) : v->input != INPUT_NONE,
		[L_TITLE] = v->title[0] ? paint_wrap_rows(v->title, l->w, 0) : 0,
		/* an empty counters line would only push the bars and "next" out */
		[L_COUNTERS] = ct[0] != '\0',
		[L_CUE] = t->cue ? paint_wrap_rows(t->cue, l->w, 0) : 0,
		[L_SESSION] = 1,
		[L_STEP] = 1,
		[L_NEXT] = t->next[0] ? paint_wrap_rows(t->next, l->w, 0) : 0,
	};
	/* big digits when five rows of them leave one for the heading */
	l->big = bt[0] != '\0' && h >= BIGFONT_ROWS + 2;
	int least = (l->big ? BIGFONT_ROWS : 0) + (words ? BIGFONT_ROWS + l->big : 0);
	int most = words && l->big ? words_cap(ui) + 1 + sess_digits_cap(ui) : l->big || words ? sess_digits_cap(ui) : 0;
	memset(l->rows, 0, sizeof l->rows);
	share_rows(l, need, h - least, most - least);
	int used = 0;
	for (int i = 0; i < L_COUNT; i++) {
		l->y[i] = -1;
		used += l->rows[i];
	}
	/* top to bottom: phase, title, words and digits, counters, prompt,
	 * cue, bars, next */
	static const enum line_id above[] = { L_PHASE, L_TITLE };
	static const enum line_id below[] = { L_COUNTERS, L_PROMPT, L_CUE, L_STEP, L_SESSION, L_NEXT };
	l->area_h = l->big || words ? h - used : 0;
	/* leave a blank row around the digits when there is room to spare */
	int spare = l->area_h > 12 ? 2 : 0;
	int y = top;
	for (size_t i = 0; i < ARRAY_LEN(above); i++)
		if (l->rows[above[i]]) {
			l->y[above[i]] = y;
			y += l->rows[above[i]];
		}
	l->area_y = y + spare / 2;
	l->area_h -= spare;
	if (l->area_h < least)
		l->area_h = least;
	y += l->area_h + spare;
	split_area(ui, l, words);
	for (size_t i = 0; i < ARRAY_LEN(below); i++)
		if (l->rows[below[i]]) {
			l->y[below[i]] = y;
			y += l->rows[below[i]];
		}
}
