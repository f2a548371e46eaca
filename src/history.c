/* history.c: the session log read back for `recoup --history` and the
 * history screen: a consumer of the model of the log (logmodel.h), which
 * folds its finished sessions and check-ins into a struct history.  The
 * report printed from it is history_report.c. */
#include "config.h"

#include "history.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "logmodel.h"
#include "paths.h"
#include "util.h"
#include "zones.h"

static const char *const status_words[] = {
#define X(id, word) word,
	HISTORY_STATUSES(X)
#undef X
};

const char *history_status_word(enum history_status s)
{
	return (unsigned)s < HISTORY_STATUS_COUNT ? status_words[s] : "?";
}

/* ---- calendar ---- */

long history_local_day(time_t t)
{
	return lm_local_day(t);
}

const char *history_pain_zone(int value)
{
	if (value < 0 || value > 10)
		return "";
	return pain_value_word(value);
}

/* The Monday on or before `day`. */
static long monday_of(long day)
{
	return day - due_weekday(day);
}

/* The minute of the day a stamp says: logrec_parse() checked it is
 * YYYY-MM-DDTHH:MM:SS.mmm+HH:MM.  The time as written, like the day
 * (lm_session.day): a session started at 23:30-05:00 is one of that
 * evening, read in any time zone. */
static int stamp_minute(const char *stamp)
{
	if (strlen(stamp) < 16)
		return 0;
	return ((stamp[11] - '0') * 10 + (stamp[12] - '0')) * 60 +
	       (stamp[14] - '0') * 10 + (stamp[15] - '0');
}

static void week_init(struct history_week *w, long monday)
{
	/* ISO 8601: a week belongs to the year of its Thursday. */
	time_t thursday = (time_t)(monday + 3) * 86400;
	struct tm tm;
	gmtime_r(&thursday, &tm);
	w->day = monday;
	w->iso_year = tm.tm_year + 1900;
	w->iso_week = tm.tm_yday / 7 + 1;
	w->sessions = 0;
}

bool history_since_keeps(const struct lm_session *s, time_t since)
{
	return !since || s->day >= history_local_day(since);
}

bool history_parse_since(const char *s, time_t *out)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return false;
	if (s[10])
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
			.tm_isdst = -1};
	time_t t = mktime(&tm);
	/* mktime() rolls 2026-02-30 over into March: refuse it. */
	if (t == (time_t)-1 || tm.tm_mday != d || tm.tm_mon != m - 1)
		return false;
	*out = t;
	return true;
}

/* ---- the report's consumer ---- */

/* Names to their index in one of the history's arrays, open addressing:
 * an index plus one per slot, 0 when empty.  Every entry of the array is
 * in it, so a log of 80,000 distinct names costs no more per line than a
 * log of one. */
struct name_index {
	size_t *slots;
	size_t nslots, n;
};

/* The name (and side, or NULL) of entry `i`. */
typedef void (*name_key)(const struct history *h, size_t i, const char **name,
			 const char **side);

struct hist_read {
	struct history *h;
	const struct history_filter *f;
	char **ids;         /* the filter's routines' ids (file names), or NULL */
	struct name_index routines, exercises, ratings, items;
};

static uint32_t name_hash(const char *name, const char *side)
{
	uint32_t h = 2166136261u; /* FNV-1a, over name, a NUL, side */
	for (const char *s = name; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	h *= 16777619u;
	for (const char *s = side ? side : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t *index_slot(const struct name_index *ix, const struct history *h,
			  name_key key, const char *name, const char *side)
{
	size_t mask = ix->nslots - 1;
	for (size_t i = name_hash(name, side) & mask;; i = (i + 1) & mask) {
		if (!ix->slots[i])
			return &ix->slots[i];
		const char *n, *sd;
		key(h, ix->slots[i] - 1, &n, &sd);
		if (!strcmp(n, name) && (!side || !strcmp(sd, side)))
			return &ix->slots[i];
	}
}

/* The index of (name, side), or, when there is none, `next` (the index the
 * caller then fills in) with *fresh set. */
static size_t index_lookup(struct name_index *ix, const struct history *h,
			   name_key key, const char *name, const char *side, bool *fresh)
{
	if ((ix->n + 1) * 2 > ix->nslots) {
		free(ix->slots);
		ix->nslots = ix->nslots ? ix->nslots * 2 : 64;
		ix->slots = xcalloc(ix->nslots, sizeof *ix->slots);
		for (size_t j = 0; j < ix->n; j++) {
			const char *n, *sd;
			key(h, j, &n, &sd);
			*index_slot(ix, h, key, n, sd) = j + 1;
		}
	}
	size_t *slot = index_slot(ix, h, key, name, side);
	*fresh = !*slot;
	if (*fresh)
		*slot = ++ix->n;
	return *slot - 1;
}

static void index_free(struct name_index *ix)
{
	free(ix->slots);
	memset(ix, 0, sizeof *ix);
}

static void routine_key(const struct history *h, size_t i, const char **name,
			const char **side)
{
	*name = h->routines[i].name;
	*side = NULL;
}

static void exercise_key(const struct history *h, size_t i, const char **name,
			 const char **side)
{
	*name = h->exercises[i].name;
	*side = h->exercises[i].side;
}

static void rating_key(const struct history *h, size_t i, const char **name,
		       const char **side)
{
	*name = h->ratings[i].name;
	*side = NULL;
}

static void item_key(const struct history *h, size_t i, const char **name,
		     const char **side)
{
	*name = h->items[i].name;
	*side = NULL;
}

/* The schedule of the routine on the search path a session is of
 * (lm_of_routine(): by its file, else its title); NONE when none is. */
static struct schedule schedule_of(const struct hist_read *hr,
				   const struct lm_session *s)
{
	const struct history_filter *f = hr->f;
	for (size_t i = 0; i < f->nroutines; i++)
		if (f->routines[i] && lm_of_routine(s, f->routines[i]->name, hr->ids[i]))
			return f->routines[i]->schedule;
	return (struct schedule){.kind = SCHEDULE_NONE};
}

/* The routine a session is shown under, made when it is new: its id and
 * schedule from this session, the first of it read.  A log that gained
 * ids later (an old entry without one) takes them from the first session
 * that has one. */
static size_t hist_routine(struct hist_read *hr, const struct lm_session *s,
			   const char *name)
{
	struct history *h = hr->h;
	bool fresh;
	size_t i = index_lookup(&hr->routines, h, routine_key, name, NULL, &fresh);
	if (!fresh) {
		struct history_routine *r = &h->routines[i];
		if (!r->id && s->id && *s->id) {
			r->id = xstrdup(s->id);
			if (r->schedule.kind == SCHEDULE_NONE)
				r->schedule = schedule_of(hr, s);
		}
		return i;
	}
	h->routines = xgrow(h->routines, &h->routines_cap, h->nroutines + 1,
			    sizeof *h->routines);
	struct history_routine *r = &h->routines[h->nroutines];
	memset(r, 0, sizeof *r);
	r->last_day = -1;
	r->last_minute = -1;
	r->name = xstrdup(name);
	r->id = s->id && *s->id ? xstrdup(s->id) : NULL;
	r->schedule = schedule_of(hr, s);
	return h->nroutines++;
}

static size_t hist_exercise(struct hist_read *hr, const char *name, const char *side)
{
	struct history *h = hr->h;
	bool fresh;
	size_t i = index_lookup(&hr->exercises, h, exercise_key, name, side, &fresh);
	if (!fresh)
		return i;
	h->exercises = xgrow(h->exercises, &h->exercises_cap, h->nexercises + 1,
			     sizeof *h->exercises);
	struct history_exercise *e = &h->exercises[h->nexercises];
	memset(e, 0, sizeof *e);
	e->name = xstrdup(name);
	e->side = xstrdup(side);
	return h->nexercises++;
}

/* A series of values by name: the ratings, or the check-in items. */
static struct history_rating *hist_series(struct hist_read *hr, bool item,
					  const char *name)
{
	struct history *h = hr->h;
	struct name_index *ix = item ? &hr->items : &hr->ratings;
	struct history_rating **v = item ? &h->items : &h->ratings;
	size_t *n = item ? &h->nitems : &h->nratings;
	size_t *cap = item ? &h->items_cap : &h->ratings_cap;
	bool fresh;
	size_t i = index_lookup(ix, h, item ? item_key : rating_key, name, NULL, &fresh);
	if (!fresh)
		return &(*v)[i];
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	struct history_rating *r = &(*v)[*n];
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
	(*n)++;
	return r;
}

static void hist_count_week(struct history *h, struct history_routine *r,
			    long day)
{
	long diff = monday_of(day) - h->weeks[HISTORY_WEEKS - 1].day;
	long w = diff / 7 + HISTORY_WEEKS - 1;
	if (diff > 0 || w < 0)
		return;
	h->weeks[w].sessions++;
	r->weeks[w]++;
}

const char *history_display_name(const struct lm_session *s)
{
	if (*s->routine)
		return s->routine;
	return s->id && *s->id ? s->id : "(unnamed)";
}

bool history_routine_named(const struct lm_session *s, const char *want)
{
	return !strcasecmp(want, history_display_name(s)) || (s->id && !strcasecmp(want, s->id));
}

/* From a session's start line: whether the filter keeps it.  What it does
 * not keep is never gathered.  --since DATE keeps the sessions stamped on
 * that day or later, the day as the stamp says it (as every date shown). */
static bool hist_want(void *ctx, const struct lm_session *s)
{
	struct hist_read *hr = ctx;
	struct history *h = hr->h;
	const struct history_filter *f = hr->f;
	h->logged++;
	if (!history_since_keeps(s, f->since) ||
	    (f->routine && !history_routine_named(s, f->routine)))
		return false;
	if (s->practice && !f->practice) {
		h->practice_left_out++;
		return false;
	}
	/* routines in the order their sessions start, not end */
	hist_routine(hr, s, history_display_name(s));
	return true;
}

/* A session's sets, added up per exercise and side: one point each. */
static void hist_sets(struct hist_read *hr, const struct lm_session *s)
{
	struct history *h = hr->h;
	for (size_t k = 0; k < s->nsets; k++) {
		const struct lm_set *x = &s->sets[k];
		/* a set skipped as its last line is not a set done; a set is
		 * on one side or none (the model gives no other) */
		if (x->skipped || !*x->name ||
		    (x->side != SIDE_NONE && x->side != SIDE_LEFT && x->side != SIDE_RIGHT))
			continue;
		size_t ex = hist_exercise(hr, x->name, side_word(x->side)); /* may move them */
		struct history_exercise *e = &h->exercises[ex];
		/* this session's point is the last one, if it has one yet: a
		 * session is handed over whole */
		if (!e->n || e->v[e->n - 1].session != s->index) {
			e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof *e->v);
			e->v[e->n++] = (struct history_reps){
				.when = s->when, .ms = s->ms, .day = s->day,
				.minute = stamp_minute(s->stamp), .session = s->index,
				.target = x->target, .load = LOAD_NONE};
		}
		struct history_reps *p = &e->v[e->n - 1];
		/* a load changed within the step: the lowest, what every set
		 * of the side was done with at least */
		if (x->load >= 0 && (p->load < 0 || x->load < p->load))
			p->load = x->load;
		/* capped: a log can hold any number of lines (21,476 lines of
		 * reps=99999 overflowed an int) */
		int add = x->reps > 0 && x->reps < 100000 ? x->reps : 0;
		p->reps = p->reps > INT_MAX - add ? INT_MAX : p->reps + add;
		if (p->sets < INT_MAX)
			p->sets++;
		if (x->target > 0 && x->reps < x->target && p->short_sets < INT_MAX)
			p->short_sets++;
	}
}

/* A session's ratings: one point per name, the last rating of it
 * standing (two steps of one name rate the same thing). */
static void hist_rates(struct hist_read *hr, const struct lm_session *s)
{
	for (size_t k = 0; k < s->nrates; k++) {
		const struct lm_rate *x = &s->rates[k];
		if (x->value < 0)
			continue; /* skipped: no rating */
		struct history_rating *r = hist_series(hr, false, x->name);
		if (!r->n || r->v[r->n - 1].session != s->index) {
			r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
			r->v[r->n++] = (struct history_rate){
				.when = s->when, .ms = s->ms, .session = s->index,
				.day = s->day, .minute = stamp_minute(s->stamp)};
		}
		r->v[r->n - 1].value = x->value;
		r->v[r->n - 1].measure = x->measure;
	}
}

/* A check-in: a point for each of its items.  Not a session of any
 * routine: only --since applies. */
static void hist_checkin(struct hist_read *hr, const struct lm_session *s)
{
	struct history *h = hr->h;
	if (!history_since_keeps(s, hr->f->since))
		return;
	if (!s->nvalues)
		return;
	h->checkins++;
	for (size_t k = 0; k < s->nvalues; k++) {
		struct history_rating *r = hist_series(hr, true, s->values[k].name);
		r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
		r->v[r->n++] = (struct history_rate){
			.when = s->when, .ms = s->ms, .session = s->index,
			.day = s->day, .minute = stamp_minute(s->stamp),
			.value = s->values[k].value};
	}
}

static void hist_session(void *ctx, const struct lm_session *s)
{
	struct hist_read *hr = ctx;
	struct history *h = hr->h;
	if (s->kind == LM_CHECKIN) {
		hist_checkin(hr, s);
		return;
	}
	size_t ri = hist_routine(hr, s, history_display_name(s)); /* may move them */
	struct history_routine *r = &h->routines[ri];
	/* by time, not file order: a log merged from two machines may hold
	 * an older session after newer ones */
	if (!r->sessions++ || s->when > r->last) {
		r->last = s->when;
		r->last_day = s->day;
		r->last_minute = stamp_minute(s->stamp);
	}
	if (!h->sessions++ || s->when < h->first) {
		h->first = s->when;
		h->first_day = s->day;
	}
	if (h->sessions == 1 || s->when > h->last) {
		h->last = s->when;
		h->last_day = s->day;
	}
	hist_count_week(h, r, s->day);
	h->status[s->status]++;
	if (s->status == HISTORY_COMPLETE)
		r->completed++;
	/* done, as due.h counts it, on the day its stamp says (practice,
	 * kept by --practice, never) */
	if (due_session_done(s))
		due_tally_add(&r->done, s->day);
	hist_sets(hr, s);
	hist_rates(hr, s);
}

/* Whether the element at `a` goes before the one at `b`. */
typedef bool (*sort_before)(const void *a, const void *b);

/* A stable merge sort, bottom up: O(n log n) whatever the order in, as a
 * log merged from two machines or written by interleaved sessions may
 * hold its sessions in any order, and the model hands them over as they
 * finish. */
static void merge_sort(void *v, size_t n, size_t size, sort_before before)
{
	if (n < 2)
		return;
	unsigned char *a = v, *tmp = xmalloc(n * size), *src = a, *dst = tmp;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = mid + width < n ? mid + width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				/* the right one only when strictly before: stable */
				if (before(src + j * size, src + i * size))
					memcpy(dst + k++ * size, src + j++ * size, size);
				else
					memcpy(dst + k++ * size, src + i++ * size, size);
			}
			memcpy(dst + k * size, src + i * size, (mid - i) * size);
			k += mid - i;
			memcpy(dst + k * size, src + j * size, (hi - j) * size);
		}
		unsigned char *t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * size);
	free(tmp);
}

/* By the time stamped on the session's start, then the order of the
 * sessions in the file: lm_before() on the heads the points keep. */
static bool at_before(time_t wa, int ma, size_t sa, time_t wb, int mb, size_t sb)
{
	struct lm_session a = {.when = wa, .ms = ma, .index = sa};
	struct lm_session b = {.when = wb, .ms = mb, .index = sb};
	return lm_before(&a, &b);
}

static bool reps_before(const void *a, const void *b)
{
	const struct history_reps *x = a, *y = b;
	return at_before(x->when, x->ms, x->session, y->when, y->ms, y->session);
}

static bool rate_before(const void *a, const void *b)
{
	const struct history_rate *x = a, *y = b;
	return at_before(x->when, x->ms, x->session, y->when, y->ms, y->session);
}

/* A check-in item's values, one a day: a second check-in the same
 * morning corrects the first, so the later one stands.  The morning is the
 * date the check-in's stamp says, as progression reads it (the check-in
 * at 00:30+01:00 answers that morning, read in any time zone). */
static void one_a_day(struct history_rating *r)
{
	size_t out = 0;
	for (size_t k = 0; k < r->n; k++) {
		if (out && r->v[out - 1].day == r->v[k].day)
			out--;
		r->v[out++] = r->v[k];
	}
	r->n = out;
}

/* Each series in the order the sessions happened, lines of one session in
 * the order written; a rating's measure that of its latest point that says
 * one (old logs do not). */
static void sort_points(struct history *h)
{
	for (size_t i = 0; i < h->nexercises; i++)
		merge_sort(h->exercises[i].v, h->exercises[i].n,
			   sizeof *h->exercises[i].v, reps_before);
	for (size_t i = 0; i < h->nratings; i++) {
		struct history_rating *r = &h->ratings[i];
		merge_sort(r->v, r->n, sizeof *r->v, rate_before);
		r->measure = MEASURE_NONE;
		for (size_t k = r->n; k-- > 0 && r->measure == MEASURE_NONE;)
			r->measure = r->v[k].measure;
	}
	for (size_t i = 0; i < h->nitems; i++) {
		merge_sort(h->items[i].v, h->items[i].n, sizeof *h->items[i].v, rate_before);
		one_a_day(&h->items[i]);
	}
}

/* ---- per-week series, for the sparklines and the charts ---- */

/* The index in h->weeks of the week holding `day`; -1 outside them. */
static int week_index(const struct history *h, long day)
{
	long diff = monday_of(day) - h->weeks[0].day;
	if (diff < 0 || diff / 7 >= HISTORY_WEEKS)
		return -1;
	return (int)(diff / 7);
}

static void weekly_bounds(struct history_weekly *out)
{
	out->n = 0;
	out->min = out->max = 0;
	for (int w = 0; w < HISTORY_WEEKS; w++) {
		if (!out->has[w])
			continue;
		if (!out->n++ || out->v[w] < out->min)
			out->min = out->v[w];
		if (out->n == 1 || out->v[w] > out->max)
			out->max = out->v[w];
	}
}

void history_exercise_weekly(const struct history *h, const struct history_exercise *e,
			     enum history_weekly_what what, struct history_weekly *out)
{
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < e->n; k++) {
		const struct history_reps *p = &e->v[k];
		int w = week_index(h, p->day);
		double v = what == HISTORY_WEEKLY_REPS ? p->reps
			 : what == HISTORY_WEEKLY_LOAD ? (double)p->load : p->target;
		if (w < 0 || (what == HISTORY_WEEKLY_LOAD && p->load < 0))
			continue;
		if (!out->has[w] || v > out->v[w])
			out->v[w] = v;
		out->has[w] = true;
	}
	weekly_bounds(out);
}

void history_rating_weekly(const struct history *h, const struct history_rating *r,
			   struct history_weekly *out)
{
	int count[HISTORY_WEEKS] = {0};
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < r->n; k++) {
		int w = week_index(h, r->v[k].day);
		if (w < 0)
			continue;
		out->v[w] += r->v[k].value;
		count[w]++;
		out->has[w] = true;
	}
	for (int w = 0; w < HISTORY_WEEKS; w++)
		if (count[w])
			out->v[w] /= count[w];
	weekly_bounds(out);
}

int history_first_week(const struct history *h)
{
	int first = HISTORY_WEEKS - 1;
	if (h->sessions) {
		int w = week_index(h, h->first_day);
		/* a first session before the 12 weeks: all of them shown */
		if (h->first_day < h->weeks[0].day)
			w = 0;
		if (w >= 0 && w < first)
			first = w;
	}
	for (size_t i = 0; i < h->nitems; i++) {
		const struct history_rating *r = &h->items[i];
		if (!r->n)
			continue;
		int w = r->v[0].day < h->weeks[0].day ? 0 : week_index(h, r->v[0].day);
		if (w >= 0 && w < first)
			first = w;
	}
	return first;
}

void history_init(struct history *h, time_t now)
{
	memset(h, 0, sizeof *h);
	h->today = history_local_day(now);
	long monday = monday_of(h->today);
	for (int w = 0; w < HISTORY_WEEKS; w++)
		week_init(&h->weeks[w], monday - 7L * (HISTORY_WEEKS - 1 - w));
}

int history_read(struct history *h, const char *path,
		 const struct history_filter *f, time_t now, FILE *err)
{
	static const struct history_filter all;
	history_init(h, now);
	struct hist_read hr = {.h = h, .f = f ? f : &all};
	if (hr.f->nroutines) {
		hr.ids = xcalloc(hr.f->nroutines, sizeof *hr.ids);
		for (size_t i = 0; i < hr.f->nroutines; i++)
			if (hr.f->routines[i] && hr.f->routines[i]->file)
				hr.ids[i] = routine_id_of(hr.f->routines[i]->file);
	}
	struct lm_reader lr = {.path = path, .err = err, .want = hist_want,
			       .session = hist_session, .ctx = &hr};
	int rc = lm_read(&lr);
	int saved = errno;
	h->lines = lr.lines;
	h->corrupt = lr.corrupt;
	h->fragment = lr.fragment;
	h->not_regular = lr.kind;
	sort_points(h);
	index_free(&hr.routines);
	index_free(&hr.exercises);
	index_free(&hr.ratings);
	index_free(&hr.items);
	for (size_t i = 0; hr.ids && i < hr.f->nroutines; i++)
		free(hr.ids[i]);
	free(hr.ids);
	errno = saved;
	return rc;
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->nroutines; i++) {
		free(h->routines[i].name);
		free(h->routines[i].id);
		due_tally_free(&h->routines[i].done);
	}
	for (size_t i = 0; i < h->nexercises; i++) {
		free(h->exercises[i].name);
		free(h->exercises[i].side);
		free(h->exercises[i].v);
	}
	for (size_t i = 0; i < h->nratings; i++) {
		free(h->ratings[i].name);
		free(h->ratings[i].v);
	}
	for (size_t i = 0; i < h->nitems; i++) {
		free(h->items[i].name);
		free(h->items[i].v);
	}
	free(h->routines);
	free(h->exercises);
	free(h->ratings);
	free(h->items);
	memset(h, 0, sizeof *h);
}
