/* due.c: schedules against the log (due.h).  No curses. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "due.h"
#include "logmodel.h"
#include "paths.h"
#include "util.h"

bool due_session_done(const struct lm_session *s)
{
	return s->kind == LM_SESSION && !s->practice && s->status == HISTORY_COMPLETE;
}

int due_weekday(long day)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday) */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int schedule_due_on(const struct schedule *s, long day)
{
	switch (s->kind) {
	case SCHEDULE_DAILY:
		return s->per_day;
	case SCHEDULE_WEEKDAYS:
		return s->weekdays >> due_weekday(day) & 1u ? s->per_day : 0;
	case SCHEDULE_NONE:
		break;
	}
	return 0;
}

int schedule_due_between(const struct schedule *s, long from, long to)
{
	if (s->kind == SCHEDULE_NONE || to < from)
		return 0;
	long days = to - from + 1;
	if (s->kind == SCHEDULE_DAILY)
		return (int)(days * s->per_day);
	/* whole weeks at once, then the days left over */
	long n = days / 7 * __builtin_popcount(s->weekdays);
	for (long d = from + days / 7 * 7; d <= to; d++)
		n += schedule_due_on(s, d) ? 1 : 0;
	return (int)(n * s->per_day);
}

void schedule_text(const struct schedule *s, char *out, size_t size)
{
	if (!size)
		return;
	out[0] = '\0';
	if (s->kind == SCHEDULE_DAILY) {
		snprintf(out, size, "%s", s->per_day == 2 ? "twice daily" : "daily");
		return;
	}
	if (s->kind != SCHEDULE_WEEKDAYS)
		return;
	size_t len = 0;
	for (int i = 0; i < 7 && len < size; i++) {
		if (!(s->weekdays >> i & 1u))
			continue;
		int k = snprintf(out + len, size - len, "%s%s", len ? ", " : "",
				 schedule_weekday_word(i));
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

/* ---- done sessions by day ---- */

/* The index of `day` in t, or where it would go. */
static size_t tally_find(const struct due_tally *t, long day)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->day[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void due_tally_add(struct due_tally *t, long day)
{
	size_t i = tally_find(t, day);
	if (i < t->n && t->day[i] == day) {
		t->count[i]++;
		return;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap;
		t->day = xgrow(t->day, &cap, t->n + 1, sizeof *t->day);
		t->count = xrealloc(t->count, cap * sizeof *t->count);
		t->cap = cap;
	}
	/* the log is mostly in time order: the new day is mostly the last */
	if (i < t->n) {
		memmove(t->day + i + 1, t->day + i, (t->n - i) * sizeof *t->day);
		memmove(t->count + i + 1, t->count + i, (t->n - i) * sizeof *t->count);
	}
	t->day[i] = day;
	t->count[i] = 1;
	t->n++;
}

int due_tally_on(const struct due_tally *t, long day)
{
	size_t i = tally_find(t, day);
	return i < t->n && t->day[i] == day ? t->count[i] : 0;
}

void due_tally_free(struct due_tally *t)
{
	free(t->day);
	free(t->count);
	memset(t, 0, sizeof *t);
}

/* ---- where a routine stands ---- */

/* Whether the day was met: as much done as asked, or (no schedule) any. */
static bool met(const struct schedule *s, const struct due_tally *t, long day)
{
	int done = due_tally_on(t, day);
	return s->kind == SCHEDULE_NONE ? done > 0 : done >= schedule_due_on(s, day);
}

static int streak_of(const struct schedule *s, const struct due_tally *t, long today,
		     long first)
{
	int n = 0;
	for (long d = today; d >= first; d--) {
		bool asked = s->kind == SCHEDULE_NONE || schedule_due_on(s, d) > 0;
		if (!asked)
			continue;       /* a day off neither counts nor breaks */
		if (met(s, t, d))
			n++;
		else if (d != today) /* today is not over */
			break;
	}
	return n;
}

void due_status_of(const struct schedule *s, const struct due_tally *t,
		   long today, long from, struct due_status *out)
{
	memset(out, 0, sizeof *out);
	out->missed_day = out->last_day = out->first_day = -1;
	out->due_today = schedule_due_on(s, today);
	out->done_today = due_tally_on(t, today);
	out->left_today = out->due_today > out->done_today ?
			  out->due_today - out->done_today : 0;
	/* days after today (a clock set back, a log from another zone) are
	 * not yet: everything here looks from today back */
	size_t end = tally_find(t, today + 1);
	if (end == 0)
		return;         /* nothing done yet: nothing missed, no streak */
	out->first_day = t->day[0];
	out->last_day = t->day[end - 1];
	size_t before = tally_find(t, today); /* days done before today */
	long last_before = before ? t->day[before - 1] : out->first_day;
	/* a miss: the last day of the past week the schedule asked for more
	 * than was done, not before the last day something was done */
	long stop = today - 7 > last_before ? today - 7 : last_before;
	for (long d = today - 1; d >= stop && s->kind != SCHEDULE_NONE; d--) {
		int asked = schedule_due_on(s, d), done = due_tally_on(t, d);
		if (asked > done) {
			out->missed_day = d;
			out->missed = asked - done;
			break;
		}
	}
	out->streak = streak_of(s, t, today, out->first_day);
	if (from < 0)
		from = out->first_day;
	for (size_t i = tally_find(t, from); i < end; i++) {
		int asked = schedule_due_on(s, t->day[i]);
		out->done_total += t->count[i];
		out->met_total += s->kind == SCHEDULE_NONE ? t->count[i] :
				  t->count[i] < asked ? t->count[i] : asked;
	}
	out->due_total = schedule_due_between(s, from, today);
	out->due_so_far = out->due_total - out->left_today;
}

/* ---- reading the log ---- */

struct due_read {
	struct due_entry *e;
	size_t n;
	char **ids;
};

static bool due_want(void *ctx, const struct lm_session *head)
{
	const struct due_read *dr = ctx;
	if (head->practice)
		return false;
	for (size_t i = 0; i < dr->n; i++)
		if (lm_of_routine(head, dr->e[i].r->name, dr->ids[i]))
			return true;
	return false;
}

static void due_session(void *ctx, const struct lm_session *s)
{
	const struct due_read *dr = ctx;
	if (!due_session_done(s))
		return;
	for (size_t i = 0; i < dr->n; i++)
		if (lm_of_routine(s, dr->e[i].r->name, dr->ids[i]))
			due_tally_add(&dr->e[i].tally, s->day);
}

int due_read(const char *path, struct due_entry *e, size_t n, long today, FILE *err)
{
	struct due_read dr = { .e = e, .n = n, .ids = xcalloc(n ? n : 1, sizeof *dr.ids) };
	for (size_t i = 0; i < n; i++) {
		memset(&e[i].tally, 0, sizeof e[i].tally);
		dr.ids[i] = e[i].r->file ? routine_id_of(e[i].r->file) : NULL;
	}
	struct lm_reader rd = {
		.path = path, .err = err, .want = due_want, .session = due_session, .ctx = &dr,
	};
	int rc = 0;
	if (path && lm_read(&rd) < 0 && errno != ENOENT)
		rc = -1;
	int saved = errno;
	for (size_t i = 0; i < n; i++) {
		due_status_of(&e[i].r->schedule, &e[i].tally, today, -1, &e[i].st);
		free(dr.ids[i]);
	}
	free(dr.ids);
	errno = saved;
	return rc;
}

void due_entries_free(struct due_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		due_tally_free(&e[i].tally);
}
