/* history_summary.c: `recoup --history`, the summary that fits a screen:
 * per routine what was done against what its schedule asked, per exercise
 * and side where the reps and load went, per rating and check-in item
 * where the values went, each with a sparkline of the weeks.  The full
 * listing (--detail) is history_report.c. */
#include "config.h"

#include "history.h"
#include "history_int.h"

#include <stdlib.h>
#include <string.h>

#include "logfmt.h"
#include "parse.h"
#include "plan.h"
#include "safetext.h"
#include "util.h"

/* Room for a date, a time or a number, as history_report.c. */
#define TEXT_SIZE 64

/* Columns of the exercise table: the name, then its side's letter. */
#define EX_NAME_COLS 24
/* Columns of a rating's or check-in item's name. */
#define RATE_NAME_COLS 36
/* The longest line the summary writes, in columns. */
#define LINE_COLS 80

void history_sparkline(char out[HISTORY_SPARK_SIZE], const struct history_weekly *w,
		       int from, double lo, double hi, bool utf8)
{
	/* eight heights: the block elements U+2581..U+2588, or ASCII that
	 * rises the same way */
	static const char *const blocks[8] = {
		"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};
	static const char ascii[] = "_.:=+*%#";
	size_t len = 0, kept = 0;
	if (from < 0)
		from = 0;
	for (int k = from; k < HISTORY_WEEKS; k++) {
		if (!w->has[k]) {
			out[len++] = ' '; /* a week without data: a gap, not a 0 */
			continue;
		}
		int level = 3; /* a flat series: the middle */
		if (hi > lo) {
			double f = (w->v[k] - lo) / (hi - lo);
			level = (int)(f * 7 + 0.5);
			level = level < 0 ? 0 : level > 7 ? 7 : level;
		}
		if (utf8) {
			memcpy(out + len, blocks[level], 3);
			len += 3;
		} else {
			out[len++] = ascii[level];
		}
		kept = len;
	}
	out[kept] = '\0'; /* no trailing gaps: nothing follows them */
}

/* Columns a string of our own making takes: UTF-8 continuation bytes take
 * none (it holds digits, words and arrows, nothing wide). */
static int cols(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* `s` right-aligned in `w` columns. */
static void put_right(FILE *out, const char *s, int w)
{
	fprintf(out, "%*s%s", w > cols(s) ? w - cols(s) : 0, "", s);
}

/* `s` left-aligned in `w` columns. */
static void put_left(FILE *out, const char *s, int w)
{
	fprintf(out, "%s%*s", s, w > cols(s) ? w - cols(s) : 0, "");
}

/* A name from the log, made safe for a terminal and cut to `w` columns
 * (padded to them when `pad`), a cut one ending in an ellipsis ("~" in
 * ASCII) so that it does not pass for the whole name. */
static void put_name_cut(FILE *out, const char *name, int w, bool pad, bool utf8)
{
	int have = safe_width(name);
	if (w < 8)
		w = 8; /* a name is never cut to nothing: the line runs long */
	if (have <= w) {
		safe_column(out, name, pad ? w : have, true);
		return;
	}
	safe_column(out, name, w - 1, true);
	fputs(utf8 ? "\u2026" : "~", out);
}

static const char *arrow(bool utf8)
{
	return utf8 ? "\u2192" : "->";
}

/* ---- the totals ---- */

/* Notes joined by "; " on lines indented by two, none over LINE_COLS. */
struct notes {
	FILE *out;
	int col;            /* 0: nothing on the line yet */
};

static void note(struct notes *n, const char *text)
{
	int w = cols(text);
	if (n->col && n->col + 2 + w > LINE_COLS) {
		fputc('\n', n->out);
		n->col = 0;
	}
	fprintf(n->out, "%s%s", n->col ? "; " : "  ", text);
	n->col += 2 + w;
}

static void print_totals(FILE *out, const struct history *h)
{
	char first[TEXT_SIZE], last[TEXT_SIZE];
	hist_format_day(first, h->first_day);
	hist_format_day(last, h->last_day);
	if (h->sessions)
		fprintf(out, "Sessions: %d, from %s to %s (--detail lists them)\n",
			h->sessions, first, last);
	else
		fputs("Sessions: 0\n", out);
	struct notes n = {.out = out};
	char text[256];
	size_t len = 0;
	for (int s = 0; s < HISTORY_STATUS_COUNT; s++) {
		if (!h->status[s])
			continue;
		len += (size_t)snprintf(text + len, sizeof text - len, "%s%d %s",
					len ? ", " : "", h->status[s],
					s == HISTORY_OTHER ? "with another status"
					: history_status_word((enum history_status)s));
	}
	if (len)
		note(&n, text);
	if (h->practice_left_out) {
		snprintf(text, sizeof text, "%d practice %s left out (--practice shows %s)",
			 h->practice_left_out, hist_plural(h->practice_left_out, "session", "sessions"),
			 hist_plural(h->practice_left_out, "it", "them"));
		note(&n, text);
	}
	if (h->corrupt) {
		snprintf(text, sizeof text, "%ld corrupt %s skipped", h->corrupt,
			 hist_plural(h->corrupt, "line", "lines"));
		note(&n, text);
	}
	if (h->fragment)
		note(&n, "the last line has no newline: left out");
	if (n.col)
		fputc('\n', out);
}

/* ---- routines: done against due, the streak, the last date ---- */

/* The first line of a routine: "NAME, twice daily: 54 of 56 due since
 * 2026-11-08", the name cut so that the line fits. */
static void print_routine_head(FILE *out, const struct history_routine *r,
			       const struct due_status *st, bool utf8)
{
	char sched[64], since[TEXT_SIZE], rest[160], extra[32] = "";
	schedule_text(&r->schedule, sched, sizeof sched);
	if (st->done_total > st->met_total)
		snprintf(extra, sizeof extra, ", +%d extra", st->done_total - st->met_total);
	hist_format_day(since, st->first_day);
	if (st->first_day < 0)
		snprintf(rest, sizeof rest, ": none done yet, %d %s begun", r->sessions,
			 hist_plural(r->sessions, "session", "sessions"));
	else if (r->schedule.kind == SCHEDULE_NONE)
		snprintf(rest, sizeof rest, ": %d done since %s, no schedule",
			 st->done_total, since);
	else
		/* the sessions it asked for that were done, of those it asked
		 * for up to now (due.h): today's not done yet are not missed
		 * yet, so the morning before the first session reads as a
		 * clean record; more than it asked for is extra, never
		 * "4 of 2" */
		snprintf(rest, sizeof rest, "%s%s: %d of %d due since %s%s", *sched ? ", " : "",
			 sched, st->met_total, st->due_so_far, since, extra);
	fputs("  ", out);
	put_name_cut(out, r->name, LINE_COLS - 2 - cols(rest), false, utf8);
	fprintf(out, "%s\n", rest);
}

static void print_routine(FILE *out, const struct history *h,
			  const struct history_routine *r, bool utf8)
{
	struct due_status st;
	due_status_of(&r->schedule, &r->done, h->today, -1, &st);
	print_routine_head(out, r, &st, utf8);
	char last[2 * HIST_DATE_SIZE];
	hist_format_when(last, r->last_day, r->last_minute);
	/* a routine without a schedule and no run of days says nothing of
	 * a streak: "streak 0 days" reads as a reproach for nothing asked */
	fputs("    ", out);
	if (st.streak || r->schedule.kind != SCHEDULE_NONE)
		fprintf(out, "streak %d %s, ", st.streak, hist_plural(st.streak, "day", "days"));
	fprintf(out, "last %s", last);
	/* what today asked, done up to it; more is extra, never "2 of 1" */
	if (st.due_today && st.done_today > st.due_today)
		fprintf(out, ", %d of %d done today, +%d extra", st.due_today, st.due_today,
			st.done_today - st.due_today);
	else if (st.due_today)
		fprintf(out, ", %d of %d done today", st.done_today, st.due_today);
	else if (st.done_today)
		fprintf(out, ", %d done today", st.done_today);
	fputc('\n', out);
}

/* What a list cut to fit the screen left out: "+3 more (--detail lists
 * them)". */
static void print_more(FILE *out, size_t shown, size_t n)
{
	if (shown < n)
		fprintf(out, "  +%zu more (--detail lists %s)\n", n - shown,
			hist_plural((long)(n - shown), "it", "them"));
}

static void print_routines(FILE *out, const struct history *h, size_t max, bool utf8)
{
	if (!h->nroutines)
		return;
	fputs("\nRoutines\n", out);
	for (size_t i = 0; i < h->nroutines && i < max; i++)
		print_routine(out, h, &h->routines[i], utf8);
	print_more(out, max, h->nroutines);
}

/* ---- exercises: first and last, best, the weeks ---- */

/* "12→15", or "15" when it did not move. */
static void format_change(char out[TEXT_SIZE], long first, long last, bool utf8)
{
	if (first == last)
		snprintf(out, TEXT_SIZE, "%ld", last);
	else
		snprintf(out, TEXT_SIZE, "%ld%s%ld", first, arrow(utf8), last);
}

/* The load from the first session that logged one to the last: "5 kg",
 * "0→7.5 kg", "bodyweight"; "-" when none did. */
static void format_load(char out[TEXT_SIZE], const struct history_exercise *e, bool utf8)
{
	long first = LOAD_NONE, last = LOAD_NONE;
	for (size_t k = 0; k < e->n; k++) {
		if (e->v[k].load < 0)
			continue;
		if (first < 0)
			first = e->v[k].load;
		last = e->v[k].load;
	}
	if (first < 0) {
		snprintf(out, TEXT_SIZE, "-");
	} else if (first == last) {
		char w[LOAD_WORDS_SIZE];
		load_words(w, last);
		snprintf(out, TEXT_SIZE, "%s", w);
	} else {
		char a[LOAD_TEXT_SIZE], b[LOAD_TEXT_SIZE];
		load_format(a, first);
		load_format(b, last);
		snprintf(out, TEXT_SIZE, "%s%s%s kg", a, arrow(utf8), b);
	}
}

static void print_exercise(FILE *out, const struct history *h,
			   const struct history_exercise *e, int from, bool utf8)
{
	if (!e->n)
		return;
	const struct history_reps *a = &e->v[0], *z = &e->v[e->n - 1];
	int best = 0;
	for (size_t k = 0; k < e->n; k++)
		if (e->v[k].reps > best)
			best = e->v[k].reps;
	char target[TEXT_SIZE], reps[TEXT_SIZE], load[TEXT_SIZE], spark[HISTORY_SPARK_SIZE];
	format_change(target, a->target, z->target, utf8);
	format_change(reps, a->reps, z->reps, utf8);
	format_load(load, e, utf8);
	struct history_weekly w;
	history_exercise_weekly(h, e, HISTORY_WEEKLY_REPS, &w);
	history_sparkline(spark, &w, from, w.min, w.max, utf8);
	fputs("  ", out);
	put_name_cut(out, e->name, EX_NAME_COLS, true, utf8);
	fprintf(out, " %s ", !strcmp(e->side, "left") ? "L" : !strcmp(e->side, "right") ? "R" : " ");
	put_right(out, target, 7);
	fputc(' ', out);
	put_right(out, reps, 9);
	fprintf(out, " %5d  ", best);
	/* no spaces at the end of a line: a week-less sparkline is none */
	if (*spark) {
		put_left(out, load, 11);
		fprintf(out, " %s", spark);
	} else {
		fputs(load, out);
	}
	fputc('\n', out);
}

static void print_exercises(FILE *out, const struct history *h, int from, size_t max,
			    bool utf8)
{
	if (!h->nexercises)
		return;
	/* the headings over the columns as print_exercise() fills them */
	fputc('\n', out);
	put_left(out, "Exercise and side", 2 + EX_NAME_COLS + 3);
	put_right(out, "target", 7);
	fputc(' ', out);
	put_right(out, "reps", 9);
	fprintf(out, " %5s  ", "best");
	put_left(out, "load", 11);
	fputs(" weekly best\n", out);
	size_t shown = 0, n = 0;
	for (size_t i = 0; i < h->nexercises; i++) {
		if (!h->exercises[i].n)
			continue;
		if (n++ < max) {
			print_exercise(out, h, &h->exercises[i], from, utf8);
			shown++;
		}
	}
	print_more(out, shown, n);
}

/* ---- ratings and check-ins: the last value, its zone, the weeks ---- */

static void print_series(FILE *out, const struct history *h, const struct history_rating *r,
			 const char *prefix, const char *measure, bool pain, int from,
			 bool utf8)
{
	if (!r->n)
		return;
	char label[256];
	snprintf(label, sizeof label, "%s%s%s%s%s", prefix, r->name, *measure ? " (" : "",
		 measure, *measure ? ")" : "");
	int value = r->v[r->n - 1].value;
	struct history_weekly w;
	char spark[HISTORY_SPARK_SIZE];
	history_rating_weekly(h, r, &w);
	/* 0 to 10 as it was asked: a low flat line is little pain, not a
	 * line stretched to fill the marks */
	history_sparkline(spark, &w, from, 0, 10, utf8);
	const char *zone = pain ? history_pain_zone(value) : "";
	fputs("  ", out);
	put_name_cut(out, label, RATE_NAME_COLS, true, utf8);
	fprintf(out, " %4d", value);
	/* no spaces at the end of a line */
	if (*spark) {
		fputs("  ", out);
		put_left(out, zone, 10);
		fprintf(out, "  %s", spark);
	} else if (*zone) {
		fprintf(out, "  %s", zone);
	}
	fputc('\n', out);
}

/* The series the ratings' part shows: the ratings, then the check-in
 * items when check-ins were kept; NULL past the last. */
static const struct history_rating *series_at(const struct history *h, size_t i,
					      bool *item)
{
	*item = i >= h->nratings;
	if (i < h->nratings)
		return &h->ratings[i];
	i -= h->nratings;
	return h->checkins && i < h->nitems ? &h->items[i] : NULL;
}

/* Series with values: the lines the ratings' part would take. */
static size_t series_count(const struct history *h)
{
	size_t n = 0;
	bool item;
	const struct history_rating *r;
	for (size_t i = 0; (r = series_at(h, i, &item)); i++)
		n += r->n > 0;
	return n;
}

static void print_ratings_and_checkins(FILE *out, const struct history *h, int from,
				       size_t max, bool utf8)
{
	if (!h->nratings && !h->checkins)
		return;
	fputc('\n', out);
	put_left(out, h->nratings ? "Ratings and morning check-ins" : "Morning check-ins",
		 2 + RATE_NAME_COLS + 1);
	put_right(out, "last", 4);
	fputs("  ", out);
	put_left(out, "zone", 10);
	fputs("  weekly mean\n", out);
	size_t shown = 0;
	bool item;
	const struct history_rating *r;
	for (size_t i = 0; (r = series_at(h, i, &item)) && shown < max; i++) {
		if (!r->n)
			continue;
		if (item)
			print_series(out, h, r, "Morning ", "", !strcmp(r->name, "pain"), from,
				     utf8);
		else
			print_series(out, h, r, "", history_measure_note(r),
				     r->measure == MEASURE_PAIN, from, utf8);
		shown++;
	}
	print_more(out, shown, series_count(h));
}

/* ---- the line budget ---- */

/* How many of each list fit `budget` lines: routines take two lines each,
 * exercise sides and series one, a list cut one more for its "+N more";
 * the longest list is cut first, one at a time, none below one.  A
 * list's blank line and heading are counted. */
struct summary_fit {
	size_t routines, exercises, series;
};

static size_t fit_lines(size_t shown, size_t n, size_t per)
{
	return n ? 2 + shown * per + (shown < n) : 0;
}

static void summary_fit(const struct history *h, int budget, struct summary_fit *fit)
{
	size_t nex = 0;
	for (size_t i = 0; i < h->nexercises; i++)
		nex += h->exercises[i].n > 0;
	size_t nr = h->nroutines, ns = series_count(h);
	/* the ratings' heading shows with check-ins kept and no value */
	bool ratings_part = h->nratings || h->checkins;
	*fit = (struct summary_fit){nr, nex, ns};
	for (;;) {
		size_t lr = fit_lines(fit->routines, nr, 2), le = fit_lines(fit->exercises, nex, 1);
		size_t ls = ratings_part ? 2 + fit->series + (fit->series < ns) : 0;
		if ((long)(lr + le + ls) <= budget)
			return;
		/* the list taking most lines gives one up */
		size_t *cut = NULL, most = 0;
		if (fit->exercises > 1 && le > most)
			most = le, cut = &fit->exercises;
		if (fit->series > 1 && ls > most)
			most = ls, cut = &fit->series;
		if (fit->routines > 1 && lr > most)
			most = lr, cut = &fit->routines;
		if (!cut)
			return; /* one of each: as short as it goes */
		(*cut)--;
	}
}

/* Lines of text in `buf`. */
static int count_lines(const char *buf, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += buf[i] == '\n';
	return n;
}

void history_print_summary_checkins(FILE *out, const struct history *h, bool utf8)
{
	/* under the line saying why no session shows, and the one saying
	 * what practice left out */
	struct summary_fit fit;
	summary_fit(h, HISTORY_SUMMARY_LINES - 2, &fit);
	print_ratings_and_checkins(out, h, history_first_week(h), fit.series, utf8);
}

void history_print_summary(FILE *out, const struct history *h, bool utf8)
{
	int from = history_first_week(h);
	/* the totals first, as many lines as their notes take */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int totals = 2;
	if (mem) {
		print_totals(mem, h);
		fclose(mem);
		totals = count_lines(buf, len);
		fwrite(buf, 1, len, out);
		free(buf);
	} else {
		print_totals(out, h);
	}
	struct summary_fit fit;
	summary_fit(h, HISTORY_SUMMARY_LINES - totals, &fit);
	print_routines(out, h, fit.routines, utf8);
	print_exercises(out, h, from, fit.exercises, utf8);
	print_ratings_and_checkins(out, h, from, fit.series, utf8);
}
