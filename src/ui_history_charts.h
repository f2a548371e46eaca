/* ui_history_charts.h: the history screen's charts, each a panel of lines
 * drawn at a column of the view: a routine's calendar of days done against
 * days due, an exercise's reps and load per week on each side, a rating's
 * before and after paired by session, and the morning pain with the lines
 * of the pain model.  The view scrolls, so a panel draws only those of its
 * lines that show (struct hc_lines), and with none showing it only counts
 * them.  Below the screens, above paint.h; the numbers come from the
 * struct history that --history prints. */
#ifndef RECOUP_UI_HISTORY_CHARTS_H
#define RECOUP_UI_HISTORY_CHARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "history.h"
#include "paint.h"

/* Where the view's lines go: line `line` shows on row y0 + line - skip
 * when that is one of the `h` rows from y0 (h 0: none shows). */
struct hc_lines {
	int skip, y0, h;
};
bool hc_visible(const struct hc_lines *c, int line);
int hc_row(const struct hc_lines *c, int line);

/* `s` at (row, x) in `width` columns, cut between words with an ellipsis
 * when it does not fit (mid-word only for a word wider than all of it). */
void hc_label(const struct paint *p, int y, int x, int width, const char *s);

/* What a panel shows: the read history, and which of its entries. */
struct hc_item {
	size_t a, b;        /* an exercise's left and right (or its only
			     * side), a rating's before and after (or the
			     * rating alone); b is HC_NONE when alone */
};
#define HC_NONE ((size_t)-1)

/* The panels, each drawn from `line` at column x in `w` columns (nothing
 * past x + w); each returns the lines it takes. */
typedef int (*hc_panel)(const struct paint *p, const struct hc_lines *c, int line, int x,
			int w, const struct history *hs, const struct hc_item *it);

/* A routine's days, weeks as columns, a cell a day (it.a the routine). */
int hc_calendar(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
		const struct history *hs, const struct hc_item *it);
/* The calendar's legend, one line ("█ done  ▒ part  · missed  [ ] today"). */
void hc_legend(const struct paint *p, int y, int x, int w);
/* An exercise's reps, and load when logged, per week, L and R rows. */
int hc_reps(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	    const struct history *hs, const struct hc_item *it);
/* A rating's values by session, its before and after in rows. */
int hc_rating(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	      const struct history *hs, const struct hc_item *it);
/* The morning pain by day, the 3 and 5 lines drawn (it.a the item). */
int hc_pain(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	    const struct history *hs, const struct hc_item *it);
/* The width each panel is at its best in (a narrower window gets less). */
#define HC_CALENDAR_W 38
#define HC_REPS_W 28
#define HC_RATING_W 30
/* The width hc_pain() draws four weeks in, with the zone words. */
#define HC_PAIN_WEEKS_W (5 + 2 * 28 + 11)

/* The exercises grouped by name (left and right together), the ratings
 * paired ("Calf pain before" with "Calf pain after"), each in the order
 * it first appears.  Freshly allocated; returns how many. */
size_t hc_exercise_items(const struct history *hs, struct hc_item **out);
size_t hc_rating_items(const struct history *hs, struct hc_item **out);

#endif
