/* history_report.c: `recoup --history --detail`, the full listing printed
 * from the struct history that history_read() fills, and the words --history
 * and the dashboard share for a read with nothing to show. */
#include "config.h"

#include "history.h"
#include "history_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "logfmt.h"
#include "plan.h"
#include "safetext.h"
#include "util.h"

#define DATE_SIZE HIST_DATE_SIZE

void hist_format_day(char out[HIST_DATE_SIZE], long day)
{
	/* the day is already the stamp's own: read it as UTC */
	logfmt_day_text(day, out, HIST_DATE_SIZE);
}

void hist_format_time(char out[HIST_DATE_SIZE], int minute)
{
	if (minute < 0 || minute >= 24 * 60)
		minute = 0;
	snprintf(out, HIST_DATE_SIZE, "%02d:%02d", minute / 60, minute % 60);
}

void hist_format_when(char out[2 * HIST_DATE_SIZE], long day, int minute)
{
	char d[HIST_DATE_SIZE], t[HIST_DATE_SIZE];
	hist_format_day(d, day);
	hist_format_time(t, minute);
	snprintf(out, 2 * HIST_DATE_SIZE, "%s %s", d, t);
}

const char *hist_plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* A series' point on `day` at `minute`: "2026-11-23", and its time too,
 * "2026-11-23 19:00", when another point of the series is `shared` on
 * that day: twice a day is the rule for Alfredson, and the two sessions
 * must be told apart. */
static void format_point(char out[2 * DATE_SIZE], long day, int minute, bool shared)
{
	if (shared)
		hist_format_when(out, day, minute);
	else
		hist_format_day(out, day);
}

/* Names come from a file anyone can edit: made safe for a terminal (no
 * escape sequence, no newline, no C1 or bidi control). */
static void put_name(FILE *out, const char *s)
{
	fputs(safe_show(s), out);
}

static void print_totals(FILE *out, const struct history *h)
{
	char first[DATE_SIZE], last[DATE_SIZE];
	hist_format_day(first, h->first_day);
	hist_format_day(last, h->last_day);
	if (h->sessions)
		fprintf(out, "Sessions: %d, from %s to %s\n", h->sessions, first, last);
	else
		fputs("Sessions: 0\n", out);
	fprintf(out, "  %d complete, %d quit, %d aborted, %d unfinished",
		h->status[HISTORY_COMPLETE], h->status[HISTORY_QUIT],
		h->status[HISTORY_ABORTED], h->status[HISTORY_UNFINISHED]);
	if (h->status[HISTORY_OTHER])
		fprintf(out, ", %d with another status", h->status[HISTORY_OTHER]);
	fputc('\n', out);
	if (h->practice_left_out)
		fprintf(out, "  %d practice %s left out (--practice shows %s)\n",
			h->practice_left_out,
			hist_plural(h->practice_left_out, "session", "sessions"),
			hist_plural(h->practice_left_out, "it", "them"));
	if (h->corrupt)
		fprintf(out, "  %ld corrupt %s skipped\n", h->corrupt,
			hist_plural(h->corrupt, "line", "lines"));
	if (h->fragment)
		fputs("  the last line has no newline: left out (torn, or still being written)\n",
		      out);
}

static void print_routines(FILE *out, const struct history *h)
{
	fputs("\nRoutines\n", out);
	for (size_t i = 0; i < h->nroutines; i++) {
		const struct history_routine *r = &h->routines[i];
		char last[DATE_SIZE];
		hist_format_day(last, r->last_day);
		fputs("  ", out);
		put_name(out, r->name);
		fprintf(out, ": %d %s, %d completed, last %s\n",
			r->sessions, hist_plural(r->sessions, "session", "sessions"),
			r->completed, last);
	}
}

static void print_weeks(FILE *out, const struct history *h)
{
	/* the weeks before the first session are no news */
	int from = history_first_week(h);
	fprintf(out, "\nSessions per week (last %d %s)\n", HISTORY_WEEKS - from,
		hist_plural(HISTORY_WEEKS - from, "week", "weeks"));
	for (int w = from; w < HISTORY_WEEKS; w++) {
		const struct history_week *wk = &h->weeks[w];
		char monday[DATE_SIZE];
		hist_format_day(monday, wk->day);
		fprintf(out, "  week of %s (%d-W%02d): %d", monday, wk->iso_year,
			wk->iso_week, wk->sessions);
		/* Name the routines only when there is more than one. */
		const char *sep = " (";
		for (size_t i = 0; h->nroutines > 1 && i < h->nroutines; i++) {
			if (!h->routines[i].weeks[w])
				continue;
			fputs(sep, out);
			put_name(out, h->routines[i].name);
			fprintf(out, " %d", h->routines[i].weeks[w]);
			sep = ", ";
		}
		fputs(*sep == ',' ? ")\n" : "\n", out);
	}
}

static void print_reps(FILE *out, const struct history *h)
{
	fputs("\nReps per exercise and side\n", out);
	if (!h->nexercises)
		fputs("  none logged\n", out);
	for (size_t i = 0; i < h->nexercises; i++) {
		const struct history_exercise *e = &h->exercises[i];
		fputs("  ", out);
		put_name(out, e->name);
		if (strcmp(e->side, "none")) {
			fputs(", ", out);
			put_name(out, e->side);
			fputs(" side", out);
		}
		fputc('\n', out);
		for (size_t k = 0; k < e->n; k++) {
			const struct history_reps *p = &e->v[k];
			char day[2 * DATE_SIZE];
			long d = p->day;
			format_point(day, d, p->minute,
				     (k > 0 && e->v[k - 1].day == d) ||
				     (k + 1 < e->n && e->v[k + 1].day == d));
			fprintf(out, "    %s: %d %s in %d %s, target %d", day,
				p->reps, hist_plural(p->reps, "rep", "reps"), p->sets,
				hist_plural(p->sets, "set", "sets"), p->target);
			/* the sets that fell short: what progression waits on */
			if (p->short_sets)
				fprintf(out, ", %d %s short", p->short_sets,
					hist_plural(p->short_sets, "set", "sets"));
			/* what the reps were done with: Alfredson moves by it */
			if (p->load >= 0) {
				char load[LOAD_WORDS_SIZE];
				load_words(load, p->load);
				fprintf(out, ", %s", load);
			}
			fputc('\n', out);
		}
	}
}

/* A series' values by date, oldest first; a pain series (a rating that
 * measures pain, or the check-in's pain) says the zone of its last value
 * in its heading: "Calf pain after: last 6, back off". */
static void print_series(FILE *out, const struct history_rating *r, bool pain,
			 const char *measure)
{
	fputs("  ", out);
	put_name(out, r->name);
	if (*measure)
		fprintf(out, " (%s)", measure);
	if (pain && r->n) {
		int last = r->v[r->n - 1].value;
		fprintf(out, ": last %d, %s", last, history_pain_zone(last));
	}
	fputc('\n', out);
	for (size_t k = 0; k < r->n; k++) {
		/* by the point's own day (a check-in's is its stamp's date);
		 * two on one day told apart by their time */
		char day[2 * DATE_SIZE];
		long d = r->v[k].day;
		format_point(day, d, r->v[k].minute,
			     (k > 0 && r->v[k - 1].day == d) || (k + 1 < r->n && r->v[k + 1].day == d));
		fprintf(out, "    %s: %d\n", day, r->v[k].value);
	}
}

/* Whether `word` is in `name` as a word of its own, any case: "pain" is
 * in "Calf pain before", not in "Painkillers". */
static bool has_word(const char *name, const char *word)
{
	size_t n = strlen(word);
	if (!n)
		return false;
	for (const char *p = name; *p; p++) {
		if (p > name && isalnum((unsigned char)p[-1]))
			continue;
		if (!strncasecmp(p, word, n) && !isalnum((unsigned char)p[n]))
			return true;
	}
	return false;
}

const char *history_measure_note(const struct history_rating *r)
{
	const char *w = measure_word(r->measure);
	return !w || has_word(r->name, w) ? "" : w;
}

static void print_ratings(FILE *out, const struct history *h)
{
	fputs("\nRatings\n", out);
	if (!h->nratings)
		fputs("  none logged\n", out);
	for (size_t i = 0; i < h->nratings; i++) {
		const struct history_rating *r = &h->ratings[i];
		print_series(out, r, r->measure == MEASURE_PAIN, history_measure_note(r));
	}
}

/* The morning check-ins as a trend, per item; nothing when there were
 * none (a log from before check-ins reads as it did). */
void history_print_checkins(FILE *out, const struct history *h)
{
	if (!h->checkins)
		return;
	fputs("\nMorning check-ins\n", out);
	for (size_t i = 0; i < h->nitems; i++)
		print_series(out, &h->items[i], !strcmp(h->items[i].name, "pain"), "");
}

void history_print(FILE *out, const struct history *h)
{
	print_totals(out, h);
	print_routines(out, h);
	print_weeks(out, h);
	print_reps(out, h);
	print_ratings(out, h);
	history_print_checkins(out, h);
}

char *history_nothing_text(const struct history *h, const char *path, bool filtered)
{
	const char *sp = path ? " in " : "", *where = path ? path : "";
	if (h->not_regular)
		return xasprintf("%s is not a regular file (%s); no history read",
				 path ? path : "the log", h->not_regular);
	if (!h->logged)
		return xasprintf("no sessions logged yet%s%s", sp, where);
	if (filtered)
		return xasprintf("no sessions%s%s match", sp, where);
	return xasprintf("no sessions%s%s but practice ones", sp, where);
}

char *history_practice_text(const struct history *h, const char *how)
{
	if (!h->practice_left_out)
		return NULL;
	return xasprintf("%d practice %s left out (%s shows %s)", h->practice_left_out,
			 hist_plural(h->practice_left_out, "session", "sessions"), how,
			 hist_plural(h->practice_left_out, "it", "them"));
}
