/* ui_history_charts.c: the history screen's charts (ui_history_charts.h).
 * Each reads without colour: the calendar's cells are distinct characters,
 * the sides are rows labelled L and R, the pain lines are drawn and
 * numbered; colour only repeats what the characters say. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "due.h"
#include "logfmt.h"
#include "logmodel.h"
#include "plan.h"
#include "ui_history_charts.h"
#include "util.h"
#include "zones.h"

bool hc_visible(const struct hc_lines *c, int line)
{
	return line >= c->skip && line - c->skip < c->h;
}

int hc_row(const struct hc_lines *c, int line)
{
	return c->y0 + line - c->skip;
}

void hc_label(const struct paint *p, int y, int x, int width, const char *s)
{
	if (paint_width(s) <= width) {
		paint_text(y, x, width, s);
		return;
	}
	const char *el = p->utf8 ? "\u2026" : "...";
	int ew = p->utf8 ? 1 : 3, cols;
	if (width <= ew) {
		paint_text(y, x, width, s);
		return;
	}
	size_t n = paint_fit(s, width - ew, true, &cols);
	/* "a word…", not "a word …" */
	while (n > 0 && s[n - 1] == ' ') {
		n--;
		cols--;
	}
	paint_text(y, x, cols, s);
	mvaddstr(y, x + cols, el);
}

/* Text in a colour, clipped to `width`. */
static void text_in(const struct paint *p, enum ui_color col, int y, int x, int width,
		    const char *s)
{
	paint_color_on(p, col);
	paint_text(y, x, width, s);
	paint_color_off(p, col);
}

/* The first of `n` texts that fits `width` columns (the last, the
 * shortest, when none does: it is clipped, so keep it short). */
static const char *fitting(char texts[][128], int n, int width)
{
	for (int i = 0; i < n - 1; i++)
		if (paint_width(texts[i]) <= width)
			return texts[i];
	return texts[n - 1];
}

/* ---- the calendar ---- */

/* A day's cell: what was done against what was due. */
enum cell { CELL_NONE, CELL_DONE, CELL_PART, CELL_MISSED, CELL_LATER, CELL_COUNT };

static const char *const cell_utf8[CELL_COUNT] = { " ", "\u2588", "\u2592", "\u00b7", " " };
static const char *const cell_ascii[CELL_COUNT] = { " ", "#", "+", ".", " " };
static const enum ui_color cell_color[CELL_COUNT] = {
	C_NORMAL, C_GOOD, C_RIGHT, C_WARN, C_NORMAL,
};

/* Days before `start` (the routine's first done day) are no misses: the
 * schedule did not ask anything of someone who had not begun. */
static enum cell cell_of(const struct history_routine *r, long day, long today, long start)
{
	if (day > today)
		return CELL_LATER;
	int done = due_tally_on(&r->done, day);
	int due = schedule_due_on(&r->schedule, day);
	if (done && done >= due)
		return CELL_DONE;
	if (done)
		return CELL_PART;
	if (due && start >= 0 && day >= start)
		return CELL_MISSED;
	return CELL_NONE;
}

void hc_legend(const struct paint *p, int y, int x, int w)
{
	static const char *const words[] = { "done", "part", "missed" };
	static const enum cell cells[] = { CELL_DONE, CELL_PART, CELL_MISSED };
	int at = x;
	for (int i = 0; i < 3; i++) {
		char s[32];
		snprintf(s, sizeof s, "%s %s  ", (p->utf8 ? cell_utf8 : cell_ascii)[cells[i]], words[i]);
		if (at + paint_width(s) > x + w)
			return;
		at += paint_text(y, at, x + w - at, s);
	}
	if (at + 9 <= x + w)
		paint_text(y, at, 9, "[ ] today");
}

/* The routine's line under its name: the schedule and how it was kept,
 * in the longest words that fit. */
static void routine_summary(const struct history *hs, const struct history_routine *r,
			    int width, char *out, size_t size)
{
	char t[4][128];
	if (r->schedule.kind == SCHEDULE_NONE) {
		snprintf(t[0], sizeof t[0], "%d session%s, %d completed", r->sessions,
			 r->sessions == 1 ? "" : "s", r->completed);
		snprintf(t[1], sizeof t[1], "%d, %d done", r->sessions, r->completed);
		snprintf(out, size, "%.100s", fitting(t, 2, width));
		return;
	}
	char sched[64], extra[32] = "";
	struct due_status st;
	schedule_text(&r->schedule, sched, sizeof sched);
	due_status_of(&r->schedule, &r->done, hs->today, -1, &st);
	/* as --history counts it (due.h): the sessions it asked for that
	 * were done, of those it asked for up to now; more than asked is
	 * extra, never "4 of 2" */
	if (st.done_total > st.met_total)
		snprintf(extra, sizeof extra, ", +%d extra", st.done_total - st.met_total);
	snprintf(t[0], sizeof t[0], "%s: %d of %d due%s, streak %d", sched, st.met_total,
		 st.due_so_far, extra, st.streak);
	snprintf(t[1], sizeof t[1], "%d of %d due%s, streak %d", st.met_total, st.due_so_far,
		 extra, st.streak);
	snprintf(t[2], sizeof t[2], "%d of %d due%s", st.met_total, st.due_so_far, extra);
	snprintf(t[3], sizeof t[3], "%d of %d due", st.met_total, st.due_so_far);
	snprintf(out, size, "%.100s", fitting(t, 4, width));
}

/* Weeks as columns, three wide ("Mo" then " █ " a day; today "[█]"), the
 * ISO week's number above each: as many of the last weeks as fit. */
int hc_calendar(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
		const struct history *hs, const struct hc_item *it)
{
	static const char *const days[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
	const struct history_routine *r = &hs->routines[it->a];
	int n = 0;
	if (hc_visible(c, line + n)) {
		paint_color_on(p, C_TITLE);
		hc_label(p, hc_row(c, line + n), x, w, r->name);
		paint_color_off(p, C_TITLE);
	}
	n++;
	if (hc_visible(c, line + n)) {
		char s[128];
		routine_summary(hs, r, w - 1, s, sizeof s);
		paint_text(hc_row(c, line + n), x + 1, w - 1, s);
	}
	n++;
	/* from the log's first week (no run of empty weeks before it), or
	 * the latest that fit */
	int weeks = (w - 2) / 3;
	if (weeks < 1)
		return n;
	if (weeks > HISTORY_WEEKS - history_first_week(hs))
		weeks = HISTORY_WEEKS - history_first_week(hs);
	int wk0 = HISTORY_WEEKS - weeks;
	if (hc_visible(c, line + n))
		for (int k = 0; k < weeks; k++) {
			char s[8];
			snprintf(s, sizeof s, "%3.2d", hs->weeks[wk0 + k].iso_week);
			text_in(p, C_DIM, hc_row(c, line + n), x + 2 + 3 * k, 3, s);
		}
	n++;
	long start = r->done.n ? r->done.day[0] : -1;
	for (int d = 0; d < 7; d++, n++) {
		if (!hc_visible(c, line + n))
			continue;
		int y = hc_row(c, line + n);
		text_in(p, C_DIM, y, x, 2, days[d]);
		for (int k = 0; k < weeks; k++) {
			long day = hs->weeks[wk0 + k].day + d;
			enum cell e = cell_of(r, day, hs->today, start);
			const char *s = (p->utf8 ? cell_utf8 : cell_ascii)[e];
			bool today = day == hs->today;
			int cx = x + 2 + 3 * k;
			if (today) {
				paint_text(y, cx, 1, "[");
				paint_text(y, cx + 2, 1, "]");
			}
			/* due today and not yet done is no miss yet */
			text_in(p, today && e == CELL_MISSED ? C_DIM : cell_color[e], y, cx + 1, 1, s);
		}
	}
	return n;
}

/* ---- rows of marks ---- */

/* One labelled row: "L reps " then its marks (a sparkline), then the last
 * value, in line with the other rows' values. */
struct row {
	char label[16];
	char marks[1024];
	char value[64];
	int zone;           /* a pain value whose zone colours `value`, or -1 */
};

/* The rows under a title; `markw` the columns the marks may take. */
static int rows_panel(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
		      const char *title, const struct row *rows, int nrows, int labw, int markw)
{
	int n = 0;
	if (hc_visible(c, line + n)) {
		paint_color_on(p, C_TITLE);
		hc_label(p, hc_row(c, line + n), x, w, title);
		paint_color_off(p, C_TITLE);
	}
	n++;
	for (int i = 0; i < nrows; i++, n++) {
		if (!hc_visible(c, line + n))
			continue;
		int y = hc_row(c, line + n);
		const struct row *r = &rows[i];
		/* a panel narrower than its parts: cut at its edge */
		paint_text(y, x + 1, labw < w - 1 ? labw : w - 1, r->label);
		int mx = x + 1 + labw + (labw ? 1 : 0);
		if (mx < x + w)
			paint_text(y, mx, markw < x + w - mx ? markw : x + w - mx, r->marks);
		int vx = mx + markw + 1;
		enum ui_color col = r->zone >= 0 ? paint_zone_color(pain_zone(r->zone)) : C_NORMAL;
		if (vx < x + w)
			text_in(p, col, y, vx, x + w - vx, r->value);
	}
	return n;
}

/* ---- reps and load per week ---- */

static const char *side_letter(const char *side)
{
	return !strcmp(side, "left") ? "L" : !strcmp(side, "right") ? "R" : " ";
}

/* The side's reps or load row over the weeks from `from`, scaled with the
 * other side's (`o`, may be NULL) so that the two compare. */
static void week_row(const struct paint *p, const struct history *hs,
		     const struct history_exercise *e, const struct history_exercise *o,
		     enum history_weekly_what what, int from, struct row *r)
{
	struct history_weekly wk, ow;
	history_exercise_weekly(hs, e, what, &wk);
	double lo = wk.min, hi = wk.max;
	if (o) {
		history_exercise_weekly(hs, o, what, &ow);
		if (ow.n && (!wk.n || ow.min < lo))
			lo = ow.min;
		if (ow.n && (!wk.n || ow.max > hi))
			hi = ow.max;
	}
	char spark[HISTORY_SPARK_SIZE];
	history_sparkline(spark, &wk, from, lo, hi, p->utf8);
	snprintf(r->marks, sizeof r->marks, "%s", spark);
	bool load = what == HISTORY_WEEKLY_LOAD;
	snprintf(r->label, sizeof r->label, "%s %s", side_letter(e->side), load ? "kg" : "reps");
	r->zone = -1;
	const struct history_reps *last = e->n ? &e->v[e->n - 1] : NULL;
	if (!last)
		r->value[0] = '\0';
	else if (!load)
		snprintf(r->value, sizeof r->value, "%d", last->reps);
	else if (last->load >= 0)
		load_format(r->value, last->load);
	else
		snprintf(r->value, sizeof r->value, "-");
}

static bool has_load(const struct history_exercise *e)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].load >= 0)
			return true;
	return false;
}

/* A week a column, from the first week of the log's (history_first_week:
 * no run of empty weeks before it) or the latest that fit. */
int hc_reps(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	    const struct history *hs, const struct hc_item *it)
{
	const struct history_exercise *a = &hs->exercises[it->a];
	const struct history_exercise *b = it->b != HC_NONE ? &hs->exercises[it->b] : NULL;
	/* " L reps " marks " 2.5": the weeks that fit beside the values */
	int fit = w - 1 - 6 - 1 - 1 - 5;
	int from = history_first_week(hs);
	if (fit < 1)
		fit = 1;
	if (HISTORY_WEEKS - from > fit)
		from = HISTORY_WEEKS - fit;
	struct row *rows = xcalloc(4, sizeof *rows);
	int nrows = 0;
	week_row(p, hs, a, b, HISTORY_WEEKLY_REPS, from, &rows[nrows++]);
	if (b)
		week_row(p, hs, b, a, HISTORY_WEEKLY_REPS, from, &rows[nrows++]);
	if (has_load(a) || (b && has_load(b))) {
		week_row(p, hs, a, b, HISTORY_WEEKLY_LOAD, from, &rows[nrows++]);
		if (b)
			week_row(p, hs, b, a, HISTORY_WEEKLY_LOAD, from, &rows[nrows++]);
	}
	int n = rows_panel(p, c, line, x, w, a->name, rows, nrows, 6, HISTORY_WEEKS - from);
	free(rows);
	return n;
}

/* ---- ratings, before and after ---- */

/* `name` without its last word when that is `word` (any case): its
 * length, or 0 when it does not end so. */
static size_t stem_of(const char *name, const char *word)
{
	size_t n = strlen(name), k = strlen(word);
	if (n <= k + 1 || name[n - k - 1] != ' ' || strcasecmp(name + n - k, word))
		return 0;
	return n - k - 1;
}

size_t hc_rating_items(const struct history *hs, struct hc_item **out)
{
	size_t n = 0;
	*out = xcalloc(hs->nratings ? hs->nratings : 1, sizeof **out);
	bool *used = xcalloc(hs->nratings ? hs->nratings : 1, sizeof *used);
	for (size_t i = 0; i < hs->nratings; i++) {
		if (used[i])
			continue;
		used[i] = true;
		struct hc_item it = { .a = i, .b = HC_NONE };
		const char *name = hs->ratings[i].name;
		size_t sb = stem_of(name, "before"), sa = stem_of(name, "after");
		for (size_t j = i + 1; j < hs->nratings && (sb || sa); j++) {
			const char *o = hs->ratings[j].name;
			size_t so = sb ? stem_of(o, "after") : stem_of(o, "before");
			size_t s = sb ? sb : sa;
			if (!used[j] && so == s && !strncasecmp(name, o, s)) {
				used[j] = true;
				/* before first, whichever came first */
				it = sb ? (struct hc_item){ i, j } : (struct hc_item){ j, i };
				break;
			}
		}
		(*out)[n++] = it;
	}
	free(used);
	return n;
}

size_t hc_exercise_items(const struct history *hs, struct hc_item **out)
{
	size_t n = 0;
	*out = xcalloc(hs->nexercises ? hs->nexercises : 1, sizeof **out);
	bool *used = xcalloc(hs->nexercises ? hs->nexercises : 1, sizeof *used);
	for (size_t i = 0; i < hs->nexercises; i++) {
		if (used[i])
			continue;
		used[i] = true;
		struct hc_item it = { .a = i, .b = HC_NONE };
		for (size_t j = i + 1; j < hs->nexercises; j++)
			if (!used[j] && !strcmp(hs->exercises[i].name, hs->exercises[j].name) &&
			    strcmp(hs->exercises[j].side, hs->exercises[i].side)) {
				used[j] = true;
				/* left above right */
				bool right_first = !strcmp(hs->exercises[i].side, "right");
				it = right_first ? (struct hc_item){ j, i } : (struct hc_item){ i, j };
				break;
			}
		(*out)[n++] = it;
	}
	free(used);
	return n;
}

/* Whether rate a came before rate b: lm_before() on their sessions'
 * heads. */
static bool rate_before(const struct history_rate *a, const struct history_rate *b)
{
	struct lm_session x = {.when = a->when, .ms = a->ms, .index = a->session};
	struct lm_session y = {.when = b->when, .ms = b->ms, .index = b->session};
	return lm_before(&x, &y);
}

/* The last value of `r` in a row's words: "3 fine" for pain. */
static void rating_value(const struct history_rating *r, bool zone_word, struct row *row)
{
	int last = r->n ? r->v[r->n - 1].value : 0;
	bool pain = r->measure == MEASURE_PAIN && r->n;
	row->zone = pain ? last : -1;
	if (pain && zone_word)
		snprintf(row->value, sizeof row->value, "%d %s", last, history_pain_zone(last));
	else
		snprintf(row->value, sizeof row->value, "%d", r->n ? last : 0);
}

/* Under marks a session each from `mx`, `n` of them (5 at least): the
 * first one's date at their start and the last one's at their end
 * ("11-09" and "12-06"), so that the span they cover reads at a glance;
 * the first alone where both do not fit. */
static void span_dates(const struct paint *p, int y, int mx, int right, long first,
		       long last, int n)
{
	char a[16], b[16];
	int yy = 0, mm = 0, dd = 0;
	logfmt_civil_from_days(first, &yy, &mm, &dd);
	snprintf(a, sizeof a, "%02d-%02d", mm, dd);
	logfmt_civil_from_days(last, &yy, &mm, &dd);
	snprintf(b, sizeof b, "%02d-%02d", mm, dd);
	int room = right - mx;
	if (n < room)
		room = n;
	if (room < 5)
		return;
	text_in(p, C_DIM, y, mx, 5, a);
	if (first != last && room >= 5 + 1 + 5)
		text_in(p, C_DIM, y, mx + room - 5, 5, b);
}

/* `n` ratings (-1: none that session) as marks 0 to 10, through
 * history_sparkline() twelve at a time so they look like every other
 * sparkline of recoup. */
static void session_marks(char *out, size_t size, const int *vals, int n, bool utf8)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i += HISTORY_WEEKS) {
		struct history_weekly w;
		memset(&w, 0, sizeof w);
		int m = n - i < HISTORY_WEEKS ? n - i : HISTORY_WEEKS;
		for (int k = 0; k < m; k++)
			if (vals[i + k] >= 0) {
				w.v[k] = vals[i + k];
				w.has[k] = true;
			}
		char s[HISTORY_SPARK_SIZE];
		history_sparkline(s, &w, 0, 0, 10, utf8);
		/* its trailing gaps back, for the chunk after it */
		int cols = paint_width(s);
		int k = snprintf(out + len, size - len, "%s%*s", s, m - cols, "");
		if (k < 0 || (size_t)k >= size - len)
			return;
		len += (size_t)k;
	}
}

/* Sessions as columns, the latest that fit, each rating's value in its
 * session's column (a blank where the session has none). */
int hc_rating(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	      const struct history *hs, const struct hc_item *it)
{
	const struct history_rating *a = &hs->ratings[it->a];
	const struct history_rating *b = it->b != HC_NONE ? &hs->ratings[it->b] : NULL;
	int labw = b ? 6 : paint_width(history_measure_note(a));
	if (labw > 10) /* struct row's label holds no more */
		labw = 10;
	/* room for "10 acceptable" after the marks, or the number alone */
	bool words = w - 1 - labw - 1 - 1 - 13 >= 6;
	int cols = w - 1 - labw - (labw ? 1 : 0) - 1 - (words ? 13 : 2);
	if (cols > 256)
		cols = 256;
	if (cols < 1)
		cols = 1;
	/* the sessions of both, merged in time order from the latest back,
	 * a column each */
	int va[256], vb[256], k = cols;
	long day[256];
	size_t ia = a->n, ib = b ? b->n : 0;
	while (k > 0 && (ia > 0 || ib > 0)) {
		const struct history_rate *ra = ia ? &a->v[ia - 1] : NULL;
		const struct history_rate *rb = ib ? &b->v[ib - 1] : NULL;
		k--;
		va[k] = vb[k] = -1;
		/* the later of the two is this column's session */
		day[k] = ra && (!rb || !rate_before(ra, rb)) ? ra->day : rb->day;
		if (ra && rb && ra->session == rb->session) {
			va[k] = ra->value;
			vb[k] = rb->value;
			ia--;
			ib--;
		} else if (ra && (!rb || rate_before(rb, ra))) {
			va[k] = ra->value;
			ia--;
		} else {
			vb[k] = rb->value;
			ib--;
		}
	}
	/* flush left: the first column the oldest shown */
	int shown = cols - k;
	struct row *rows = xcalloc(2, sizeof *rows);
	session_marks(rows[0].marks, sizeof rows[0].marks, va + k, shown, p->utf8);
	session_marks(rows[1].marks, sizeof rows[1].marks, vb + k, shown, p->utf8);
	char title[300];
	int n;
	if (b) {
		/* "Achilles (pain)" for "Achilles before", but "Calf pain" */
		const char *note = history_measure_note(a);
		snprintf(title, sizeof title, *note ? "%.*s (%s)" : "%.*s",
			 (int)stem_of(a->name, "before"), a->name, note);
		snprintf(rows[0].label, sizeof rows[0].label, "before");
		snprintf(rows[1].label, sizeof rows[1].label, "after");
		rating_value(a, words, &rows[0]);
		rating_value(b, words, &rows[1]);
		n = rows_panel(p, c, line, x, w, title, rows, 2, labw, shown);
	} else {
		/* what it measures on its row ("pain"), unless its name says
		 * it: "Calf pain before" needs no "pain" */
		snprintf(title, sizeof title, "%s", a->name);
		snprintf(rows[0].label, sizeof rows[0].label, "%s", history_measure_note(a));
		rating_value(a, words, &rows[0]);
		n = rows_panel(p, c, line, x, w, title, rows, 1, labw, shown);
	}
	free(rows);
	/* the dates of the span under the marks, where there is room for one */
	int mx = x + 1 + labw + (labw ? 1 : 0);
	bool dated = shown >= 5 && x + w - mx >= 5;
	if (dated && hc_visible(c, line + n))
		span_dates(p, hc_row(c, line + n), mx, x + w, day[k], day[cols - 1], shown);
	return n + dated;
}

/* ---- the morning pain ---- */

/* The pain model's bands, top down: a line row where a zone ends. */
static const struct band {
	int lo, hi;
	const char *label;
	bool line;          /* the 5 or the 3 line */
	const char *zone;   /* the zone word beside it, or NULL */
} bands[] = {
	{ 6, 10, "6-10", false, "back off" },
	{ 5, 5, "5", true, NULL },
	{ 4, 4, "4", false, "acceptable" },
	{ 3, 3, "3", true, NULL },
	{ 0, 2, "0-2", false, "fine" },
};
#define NBANDS (sizeof bands / sizeof bands[0])

/* The morning's value on `day`, or -1. */
static int value_on(const struct history_rating *r, long day)
{
	for (size_t i = r->n; i > 0; i--)
		if (r->v[i - 1].day == day)
			return r->v[i - 1].value;
	return -1;
}

/* A column a day (two wide), the last days to today that fit; a row per
 * band, its values written as numbers in it, the 3 and 5 lines across. */
int hc_pain(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	    const struct history *hs, const struct hc_item *it)
{
	const struct history_rating *r = &hs->items[it->a];
	/* the zone words beside the bands where they fit whole */
	int zonew = w - 5 - 11 >= 2 * 7 ? 11 : 0;
	/* whole weeks, as many as fit: a span that reads the same at every
	 * size with room for it (four weeks at 80 columns and at 120, where
	 * the view gives this column the room, HC_PAIN_WEEKS_W) */
	int days = (w - 5 - zonew) / 2;
	if (days >= 7)
		days -= days % 7;
	if (days < 1)
		days = 1;
	long last = hs->today;
	if (r->n && r->v[r->n - 1].day > last)
		last = r->v[r->n - 1].day;
	/* from the first morning when the room reaches back past it, a week
	 * at the least, so a month of use fills the chart */
	if (r->n && last - r->v[0].day + 1 < days) {
		long span = last - r->v[0].day + 1;
		days = span < 7 && days > 7 ? 7 : span < 7 ? days : (int)span;
	}
	long first = last - days + 1;
	int n = 0;
	if (hc_visible(c, line + n)) {
		paint_color_on(p, C_TITLE);
		hc_label(p, hc_row(c, line + n), x, w, "Morning pain");
		paint_color_off(p, C_TITLE);
	}
	n++;
	for (size_t b = 0; b < NBANDS; b++, n++) {
		if (!hc_visible(c, line + n))
			continue;
		int y = hc_row(c, line + n);
		char s[16];
		snprintf(s, sizeof s, "%4s", bands[b].label);
		paint_text(y, x, 4, s);
		const char *axis = bands[b].line ? (p->utf8 ? "\u253c" : "+") : (p->utf8 ? "\u2502" : "|");
		const char *rule = p->utf8 ? "\u2500" : "-";
		text_in(p, C_DIM, y, x + 4, 1, axis);
		for (int d = 0; d < days; d++) {
			int v = value_on(r, first + d), cx = x + 5 + 2 * d;
			bool in = v >= bands[b].lo && v <= bands[b].hi;
			if (bands[b].line && !in) {
				text_in(p, C_DIM, y, cx, 1, rule);
				text_in(p, C_DIM, y, cx + 1, 1, rule);
			} else if (in) {
				snprintf(s, sizeof s, "%2d", v);
				if (v < 10 && bands[b].line)
					text_in(p, C_DIM, y, cx, 1, rule);
				text_in(p, paint_zone_color(pain_zone(v)), y, cx + (v < 10), v < 10 ? 1 : 2,
					s + (v < 10));
			}
		}
		if (zonew && bands[b].zone)
			text_in(p, C_DIM, y, x + 5 + 2 * days + 1, zonew - 1, bands[b].zone);
	}
	/* under the chart, its first day and today */
	if (hc_visible(c, line + n)) {
		int y = hc_row(c, line + n);
		int end = x + 5 + 2 * days;
		if (2 * days >= 5 + 1 + 5) {
			int yy = 0, mm = 0, dd = 0;
			char s[16];
			logfmt_civil_from_days(first, &yy, &mm, &dd);
			snprintf(s, sizeof s, "%02d-%02d", mm, dd);
			text_in(p, C_DIM, y, x + 5, 5, s);
		}
		if (2 * days >= 5 && last == hs->today)
			text_in(p, C_DIM, y, end - 5, 5, "today");
	}
	n++;
	return n;
}
