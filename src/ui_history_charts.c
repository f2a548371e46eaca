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
static const char cell_ascii[CELL_COUNT] = { ' ', '#', '+', '.', ' ' };
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
		snprintf(s, sizeof s, "%s %s  ", p->utf8 ? cell_utf8[cells[i]] : (char[]){ cell_ascii[cells[i]], 0 },
			 words[i]);
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
	char t[3][128];
	if (r->schedule.kind == SCHEDULE_NONE) {
		snprintf(t[0], sizeof t[0], "%d session%s, %d completed", r->sessions,
			 r->sessions == 1 ? "" : "s", r->completed);
		snprintf(t[1], sizeof t[1], "%d, %d done", r->sessions, r->completed);
		snprintf(out, size, "%.100s", fitting(t, 2, width));
		return;
	}
	char sched[64];
	struct due_status st;
	schedule_text(&r->schedule, sched, sizeof sched);
	due_status_of(&r->schedule, &r->done, hs->today, -1, &st);
	snprintf(t[0], sizeof t[0], "%s: %d of %d done, streak %d", sched, st.done_total,
		 st.due_total, st.streak);
	snprintf(t[1], sizeof t[1], "%d of %d done, streak %d", st.done_total, st.due_total,
		 st.streak);
	snprintf(t[2], sizeof t[2], "%d of %d done", st.done_total, st.due_total);
	snprintf(out, size, "%.100s", fitting(t, 3, width));
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
	int weeks = (w - 2) / 3;
	if (weeks > HISTORY_WEEKS)
		weeks = HISTORY_WEEKS;
	if (weeks < 1)
		return n;
	int wk0 = HISTORY_WEEKS - weeks;
	if (hc_visible(c, line + n))
		for (int k = 0; k < weeks; k++) {
			char s[8];
			snprintf(s, sizeof s, "%3d", hs->weeks[wk0 + k].iso_week);
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
			char s[16];
			bool today = day == hs->today;
			if (p->utf8)
				snprintf(s, sizeof s, "%s", cell_utf8[e]);
			else
				snprintf(s, sizeof s, "%c", cell_ascii[e]);
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

/* One row of marks at (y, x): vals[i] < 0 is a blank (nothing that week or
 * session), the others in eight levels from `lo` to `hi`. */
static void marks(const struct paint *p, int y, int x, const int *vals, int n, int lo, int hi)
{
	static const char *const blocks[] = {
		"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};
	static const char ascii[] = "_.-=+*#@";
	move(y, x);
	for (int i = 0; i < n; i++) {
		if (vals[i] < 0) {
			addch(' ');
			continue;
		}
		int lvl = hi > lo ? (vals[i] - lo) * 7 / (hi - lo) : 7;
		if (lvl < 0)
			lvl = 0;
		if (lvl > 7)
			lvl = 7;
		if (p->utf8)
			addstr(blocks[lvl]);
		else
			addch((chtype)ascii[lvl]);
	}
}

/* One labelled row: "L reps " then the marks, then the last value. */
struct row {
	char label[16];
	int vals[HISTORY_WEEKS > 256 ? HISTORY_WEEKS : 256];
	int n;
	char value[64];
	int zone;           /* a pain value whose zone colours `value`, or -1 */
};

static void row_at(const struct paint *p, int y, int x, int w, const struct row *r, int labw,
		   int lo, int hi)
{
	paint_text(y, x + 1, labw, r->label);
	int mx = x + 1 + labw + (labw ? 1 : 0);
	marks(p, y, mx, r->vals, r->n, lo, hi);
	int vx = mx + r->n + 1;
	enum ui_color col = r->zone >= 0 ? paint_zone_color(pain_zone(r->zone)) : C_NORMAL;
	if (vx < x + w)
		text_in(p, col, y, vx, x + w - vx, r->value);
}

/* The lowest and highest of the rows' values (lo > hi: none). */
static void span(const struct row *rows, int nrows, int *lo, int *hi)
{
	*lo = 1 << 30;
	*hi = -1;
	for (int i = 0; i < nrows; i++)
		for (int k = 0; k < rows[i].n; k++) {
			int v = rows[i].vals[k];
			if (v < 0)
				continue;
			*lo = v < *lo ? v : *lo;
			*hi = v > *hi ? v : *hi;
		}
}

/* The panel's title line and its rows; returns the lines. */
static int rows_panel(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
		      const char *title, const struct row *rows, int nrows, int labw,
		      bool own_scale)
{
	int n = 0, lo = 0, hi = 10;
	if (hc_visible(c, line + n)) {
		paint_color_on(p, C_TITLE);
		hc_label(p, hc_row(c, line + n), x, w, title);
		paint_color_off(p, C_TITLE);
	}
	n++;
	/* reps and load rows are scaled to their own span, L and R alike
	 * so the two sides compare; a rating is 0 to 10 */
	for (int i = 0; i < nrows; i++, n++) {
		if (own_scale && (i == 0 || strcmp(rows[i].label + 2, rows[i - 1].label + 2))) {
			int j = i;
			while (j < nrows && !strcmp(rows[j].label + 2, rows[i].label + 2))
				j++;
			span(rows + i, j - i, &lo, &hi);
		}
		if (hc_visible(c, line + n))
			row_at(p, hc_row(c, line + n), x, w, &rows[i], labw, lo, hi);
	}
	return n;
}

/* ---- reps and load per week ---- */

/* The week of history.weeks a day falls in, or -1 outside them. */
static int week_of(const struct history *hs, long day)
{
	long diff = day - hs->weeks[0].day;
	if (diff < 0 || diff / 7 >= HISTORY_WEEKS)
		return -1;
	return (int)(diff / 7);
}

static const char *side_letter(const char *side)
{
	return !strcmp(side, "left") ? "L" : !strcmp(side, "right") ? "R" : " ";
}

/* The side's reps (the week's best session: all its sets added up) or
 * load (the week's highest, grams) over the last `weeks`. */
static void week_row(const struct history *hs, const struct history_exercise *e, bool load,
		     int weeks, struct row *r)
{
	int all[HISTORY_WEEKS];
	for (int k = 0; k < HISTORY_WEEKS; k++)
		all[k] = -1;
	for (size_t i = 0; i < e->n; i++) {
		int wk = week_of(hs, history_local_day(e->v[i].when));
		long v = load ? e->v[i].load : e->v[i].reps;
		if (wk >= 0 && v >= 0 && v > all[wk])
			all[wk] = v > (1 << 29) ? 1 << 29 : (int)v;
	}
	snprintf(r->label, sizeof r->label, "%s %s", side_letter(e->side), load ? "kg" : "reps");
	r->n = weeks;
	memcpy(r->vals, all + HISTORY_WEEKS - weeks, (size_t)weeks * sizeof *all);
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

int hc_reps(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	    const struct history *hs, const struct hc_item *it)
{
	const struct history_exercise *a = &hs->exercises[it->a];
	const struct history_exercise *b = it->b != HC_NONE ? &hs->exercises[it->b] : NULL;
	/* " L reps " marks " 45": the weeks that fit beside the values */
	int weeks = w - 1 - 6 - 1 - 1 - 6;
	if (weeks > HISTORY_WEEKS)
		weeks = HISTORY_WEEKS;
	if (weeks < 1)
		weeks = 1;
	struct row *rows = xcalloc(4, sizeof *rows);
	int nrows = 0;
	week_row(hs, a, false, weeks, &rows[nrows++]);
	if (b)
		week_row(hs, b, false, weeks, &rows[nrows++]);
	if (has_load(a) || (b && has_load(b))) {
		week_row(hs, a, true, weeks, &rows[nrows++]);
		if (b)
			week_row(hs, b, true, weeks, &rows[nrows++]);
	}
	int n = rows_panel(p, c, line, x, w, a->name, rows, nrows, 6, true);
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

/* Whether rate a came before rate b. */
static bool rate_before(const struct history_rate *a, const struct history_rate *b)
{
	if (a->when != b->when)
		return a->when < b->when;
	if (a->ms != b->ms)
		return a->ms < b->ms;
	return a->session < b->session;
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

/* Sessions as columns, the latest that fit, each rating's value in its
 * session's column (a blank where the session has none). */
int hc_rating(const struct paint *p, const struct hc_lines *c, int line, int x, int w,
	      const struct history *hs, const struct hc_item *it)
{
	const struct history_rating *a = &hs->ratings[it->a];
	const struct history_rating *b = it->b != HC_NONE ? &hs->ratings[it->b] : NULL;
	int labw = b ? 6 : 0;
	/* room for "10 acceptable" after the marks, or the number alone */
	bool words = w - 1 - labw - 1 - 1 - 13 >= 6;
	int cols = w - 1 - labw - (labw ? 1 : 0) - 1 - (words ? 13 : 2);
	if (cols > 256)
		cols = 256;
	if (cols < 1)
		cols = 1;
	/* the sessions of both, merged in time order; a column each */
	size_t na = a->n, nb = b ? b->n : 0, ia = na, ib = nb;
	struct row *rows = xcalloc(2, sizeof *rows);
	int k = cols;
	for (int i = 0; i < cols; i++)
		rows[0].vals[i] = rows[1].vals[i] = -1;
	/* from the latest back, a column per session */
	while (k > 0 && (ia > 0 || ib > 0)) {
		const struct history_rate *ra = ia ? &a->v[ia - 1] : NULL;
		const struct history_rate *rb = ib ? &b->v[ib - 1] : NULL;
		k--;
		if (ra && rb && ra->session == rb->session) {
			rows[0].vals[k] = ra->value;
			rows[1].vals[k] = rb->value;
			ia--;
			ib--;
		} else if (ra && (!rb || rate_before(rb, ra))) {
			rows[0].vals[k] = ra->value;
			ia--;
		} else {
			rows[1].vals[k] = rb->value;
			ib--;
		}
	}
	/* shown flush left: the first column the oldest shown */
	int shown = cols - k;
	for (int r = 0; r < 2; r++) {
		memmove(rows[r].vals, rows[r].vals + k, (size_t)shown * sizeof rows[r].vals[0]);
		rows[r].n = shown;
	}
	char title[300];
	int n;
	if (b) {
		snprintf(title, sizeof title, "%.*s", (int)stem_of(a->name, "before"), a->name);
		snprintf(rows[0].label, sizeof rows[0].label, "before");
		snprintf(rows[1].label, sizeof rows[1].label, "after");
		rating_value(a, words, &rows[0]);
		rating_value(b, words, &rows[1]);
		n = rows_panel(p, c, line, x, w, title, rows, 2, labw, false);
	} else {
		/* "Calf pain before", not "Calf pain before (pain)" */
		const char *note = history_measure_note(a);
		snprintf(title, sizeof title, *note ? "%s (%s)" : "%s", a->name, note);
		rating_value(a, words, &rows[0]);
		n = rows_panel(p, c, line, x, w, title, rows, 1, 0, false);
	}
	free(rows);
	return n;
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
	int days = (w - 5 - zonew) / 2;
	if (days < 1)
		days = 1;
	long last = hs->today;
	if (r->n && r->v[r->n - 1].day > last)
		last = r->v[r->n - 1].day;
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
			struct tm tm;
			time_t t = (time_t)first * 86400;
			char s[16];
			gmtime_r(&t, &tm);
			snprintf(s, sizeof s, "%02d-%02d", tm.tm_mon + 1, tm.tm_mday);
			text_in(p, C_DIM, y, x + 5, 5, s);
		}
		if (2 * days >= 5 && last == hs->today)
			text_in(p, C_DIM, y, end - 5, 5, "today");
	}
	n++;
	return n;
}
