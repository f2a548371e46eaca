/* history.c: the session log read back for `recoup --history` and the
 * history screen: the report's consumer of the scanner (logscan.c).  The
 * report printed from it is history_report.c; progression, the other
 * consumer, is progress.c. */
#include "config.h"

#include "history.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "logfmt.h"
#include "logscan.h"
#include "safetext.h"
#include "util.h"

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

/* Days since the epoch of a civil date (proleptic Gregorian). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long history_local_day(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

/* The Monday on or before `day` (1970-01-01 was a Thursday). */
static long monday_of(long day)
{
	return day - ((day + 3) % 7 + 7) % 7;
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
	struct name_index routines, exercises, ratings;
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

/* The index of (name, side), or (size_t)-1 when there is none. */
static size_t index_find(const struct name_index *ix, const struct history *h,
			 name_key key, const char *name, const char *side)
{
	if (!ix->nslots)
		return (size_t)-1;
	size_t slot = *index_slot(ix, h, key, name, side);
	return slot ? slot - 1 : (size_t)-1;
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

/* The sets already counted in this session: a set done again after `b` is
 * logged again, and the later line replaces the earlier. */
#define DONE_KEPT 256
struct hist_sess {
	size_t routine;
	struct {
		size_t ex;
		long long set;
		int reps;
	} *done;            /* grows to DONE_KEPT, then a ring */
	size_t ndone;       /* sets counted; the last DONE_KEPT in done[] */
	size_t done_cap;
};

static bool routine_matches(const char *want, const char *name, const char *id)
{
	return (name && !strcasecmp(want, name)) || (id && !strcasecmp(want, id));
}

static size_t hist_routine(struct hist_read *hr, const char *name)
{
	struct history *h = hr->h;
	bool fresh;
	size_t i = index_lookup(&hr->routines, h, routine_key, name, NULL, &fresh);
	if (!fresh)
		return i;
	h->routines = xgrow(h->routines, &h->routines_cap, h->nroutines + 1,
			    sizeof *h->routines);
	struct history_routine *r = &h->routines[h->nroutines];
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
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

static size_t hist_rating(struct hist_read *hr, const char *name)
{
	struct history *h = hr->h;
	bool fresh;
	size_t i = index_lookup(&hr->ratings, h, rating_key, name, NULL, &fresh);
	if (!fresh)
		return i;
	h->ratings = xgrow(h->ratings, &h->ratings_cap, h->nratings + 1,
			   sizeof *h->ratings);
	struct history_rating *r = &h->ratings[h->nratings];
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
	return h->nratings++;
}

static void hist_count_week(struct history *h, struct history_routine *r,
			    time_t when)
{
	long diff = monday_of(history_local_day(when)) - h->weeks[HISTORY_WEEKS - 1].day;
	long w = diff / 7 + HISTORY_WEEKS - 1;
	if (diff > 0 || w < 0)
		return;
	h->weeks[w].sessions++;
	r->weeks[w]++;
}

static bool hist_start(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct hist_read *hr = sc->ctx;
	struct history *h = hr->h;
	const struct history_filter *f = hr->f;
	h->logged++;
	const char *name = logrec_get(rec, "routine"), *id = logrec_get(rec, "id");
	if (!name || !*name)
		name = id && *id ? id : "(unnamed)";
	if ((f->since && rec->when < f->since) ||
	    (f->routine && !routine_matches(f->routine, name, id)))
		return false;
	if (logrec_get(rec, "speed") && !f->practice) {
		h->practice_left_out++;
		return false;
	}
	struct hist_sess *hs = xcalloc(1, sizeof *hs);
	hs->routine = hist_routine(hr, name);
	sc->v[i].data = hs;
	struct history_routine *r = &h->routines[hs->routine];
	/* by time, not file order: a log merged from two machines may hold
	 * an older session after newer ones */
	if (!r->sessions++ || rec->when > r->last)
		r->last = rec->when;
	if (!h->sessions++ || rec->when < h->first)
		h->first = rec->when;
	if (h->sessions == 1 || rec->when > h->last)
		h->last = rec->when;
	hist_count_week(h, r, rec->when);
	return true;
}

/* Session i's point of exercise e, or e->n when it has none yet: among
 * the exercise's last few, as sessions interleave only a little (a search
 * through all of them, or through all of the session's exercises, goes
 * quadratic on a hostile log). */
static size_t session_point(const struct history_exercise *e, size_t i)
{
	for (size_t j = e->n; j-- > 0 && e->n - j <= 64;)
		if (e->v[j].session == i)
			return j;
	return e->n;
}

/* Where set `set` of exercise `ex` is among the session's counted sets, if
 * it is.  A set done again comes soon after the first: the last DONE_KEPT
 * will do, in a ring, so a session of any length costs no more. */
static bool done_find(const struct hist_sess *hs, size_t ex, long long set, size_t *d)
{
	for (size_t back = 1; set > 0 && back <= hs->ndone && back <= DONE_KEPT; back++) {
		*d = (hs->ndone - back) % DONE_KEPT;
		if (hs->done[*d].ex == ex && hs->done[*d].set == set)
			return true;
	}
	return false;
}

static void hist_set(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct hist_read *hr = sc->ctx;
	struct history *h = hr->h;
	struct hist_sess *hs = sc->v[i].data;
	const char *name = logrec_get(rec, "name"), *side = logrec_get(rec, "side");
	if (!name)
		return;
	size_t ex = hist_exercise(hr, name, side && *side ? side : "none");
	struct history_exercise *e = &h->exercises[ex];
	size_t pt = session_point(e, i);
	if (pt == e->n) {
		e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof *e->v);
		e->v[e->n++] = (struct history_reps){
			.when = sc->v[i].when, .session = i,
			.target = (int)logrec_int(rec, "target", 0)};
	}
	struct history_reps *p = &e->v[pt];
	long long reps = logrec_int(rec, "reps", 0);
	/* capped: a log can hold any number of lines (21,476 lines of reps=99999
	 * overflowed an int) */
	int add = reps > 0 && reps < 100000 ? (int)reps : 0;
	long long set = logrec_int(rec, "set", 0);
	size_t d = 0;
	if (done_find(hs, ex, set, &d)) {
		/* the same set again: it replaces the earlier line */
		if (p->reps != INT_MAX)
			p->reps -= hs->done[d].reps;
		hs->done[d].reps = add;
	} else {
		if (set > 0) {
			if (hs->ndone < DONE_KEPT)
				hs->done = xgrow(hs->done, &hs->done_cap, hs->ndone + 1,
						 sizeof *hs->done);
			d = hs->ndone++ % DONE_KEPT;
			hs->done[d].ex = ex;
			hs->done[d].set = set;
			hs->done[d].reps = add;
		}
		if (p->sets < INT_MAX)
			p->sets++;
	}
	p->reps = p->reps > INT_MAX - add ? INT_MAX : p->reps + add;
}

/* `skip what=set` after a set was logged (done again after `b`, then
 * skipped at "how many?"): the last line stands, so the set is not done. */
static void hist_unset(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct hist_read *hr = sc->ctx;
	struct history *h = hr->h;
	struct hist_sess *hs = sc->v[i].data;
	const char *name = logrec_get(rec, "name"), *side = logrec_get(rec, "side");
	const char *what = logrec_get(rec, "what");
	long long set = logrec_int(rec, "set", 0);
	if (!name || !what || strcmp(what, "set") || set <= 0)
		return;
	size_t ex = index_find(&hr->exercises, h, exercise_key, name,
			       side && *side ? side : "none");
	if (ex == (size_t)-1)
		return;
	size_t d;
	if (!done_find(hs, ex, set, &d))
		return;
	struct history_exercise *e = &h->exercises[ex];
	size_t j = session_point(e, i);
	if (j < e->n) {
		struct history_reps *p = &e->v[j];
		if (p->reps != INT_MAX)
			p->reps -= hs->done[d].reps;
		if (p->sets != INT_MAX && --p->sets == 0) {
			/* no set of the session left: no point for it */
			memmove(p, p + 1, (e->n - j - 1) * sizeof *p);
			e->n--;
		}
	}
	hs->done[d].set = -1; /* matches no later line: a set done again is new */
	hs->done[d].reps = 0;
}

static void hist_rate(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct hist_read *hr = sc->ctx;
	struct history *h = hr->h;
	const char *name = logrec_get(rec, "name");
	long long value = logrec_int(rec, "value", -1);
	if (!name || value < 0 || value > 10)
		return;
	size_t k = hist_rating(hr, name); /* may move h->ratings */
	struct history_rating *r = &h->ratings[k];
	/* rated again in one session (after `b`): the later rating stands;
	 * the session's own points are the last few, sessions interleave
	 * only a little */
	for (size_t j = r->n; j-- > 0 && r->n - j <= 64;)
		if (r->v[j].session == i) {
			r->v[j].value = (int)value;
			return;
		}
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = (struct history_rate){
		.when = sc->v[i].when, .session = i, .value = (int)value};
}

static void hist_event(struct scan *sc, size_t i, const struct logrec *rec)
{
	if (rec->event == LOG_SET)
		hist_set(sc, i, rec);
	else if (rec->event == LOG_SKIP)
		hist_unset(sc, i, rec);
	else if (rec->event == LOG_RATE)
		hist_rate(sc, i, rec);
}

static void hist_finish(struct scan *sc, size_t i, enum history_status st)
{
	struct history *h = ((struct hist_read *)sc->ctx)->h;
	struct hist_sess *hs = sc->v[i].data;
	h->status[st]++;
	if (st == HISTORY_COMPLETE)
		h->routines[hs->routine].completed++;
	free(hs->done);
	free(hs);
}

static const struct scan_ops hist_ops = {
	.start = hist_start, .event = hist_event, .finish = hist_finish,
};

/* Whether the element at `a` goes before the one at `b`. */
typedef bool (*sort_before)(const void *ctx, const void *a, const void *b);

/* A stable merge sort, bottom up: O(n log n) whatever the order in, as a
 * log merged from two machines or written by interleaved sessions may
 * hold its sessions in any order. */
static void merge_sort(void *v, size_t n, size_t size, sort_before before,
		       const void *ctx)
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
				if (before(ctx, src + j * size, src + i * size))
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

static bool session_before(const void *ctx, const void *a, const void *b)
{
	return scan_before(ctx, *(const size_t *)a, *(const size_t *)b);
}

static bool reps_before(const void *ctx, const void *a, const void *b)
{
	const size_t *rank = ctx;
	return rank[((const struct history_reps *)a)->session] <
	       rank[((const struct history_reps *)b)->session];
}

static bool rate_before(const void *ctx, const void *a, const void *b)
{
	const size_t *rank = ctx;
	return rank[((const struct history_rate *)a)->session] <
	       rank[((const struct history_rate *)b)->session];
}

/* Each exercise's and rating's points in the order the sessions happened
 * (their rank by time), lines of one session in the order written. */
static void sort_points(struct history *h, const struct scan *sc)
{
	size_t *order = xcalloc(sc->n ? sc->n : 1, sizeof *order);
	size_t *rank = xcalloc(sc->n ? sc->n : 1, sizeof *rank);
	for (size_t i = 0; i < sc->n; i++)
		order[i] = i;
	merge_sort(order, sc->n, sizeof *order, session_before, sc);
	for (size_t k = 0; k < sc->n; k++)
		rank[order[k]] = k;
	for (size_t i = 0; i < h->nexercises; i++)
		merge_sort(h->exercises[i].v, h->exercises[i].n,
			   sizeof *h->exercises[i].v, reps_before, rank);
	for (size_t i = 0; i < h->nratings; i++)
		merge_sort(h->ratings[i].v, h->ratings[i].n,
			   sizeof *h->ratings[i].v, rate_before, rank);
	free(order);
	free(rank);
}

void history_init(struct history *h, time_t now)
{
	memset(h, 0, sizeof *h);
	long monday = monday_of(history_local_day(now));
	for (int w = 0; w < HISTORY_WEEKS; w++)
		week_init(&h->weeks[w], monday - 7L * (HISTORY_WEEKS - 1 - w));
}

int history_read(struct history *h, const char *path,
		 const struct history_filter *f, time_t now, FILE *err)
{
	static const struct history_filter all;
	history_init(h, now);
	struct hist_read hr = {.h = h, .f = f ? f : &all};
	struct scan sc = {.path = path, .err = err, .ops = &hist_ops, .ctx = &hr};
	int rc = scan_run(&sc);
	int saved = errno;
	h->lines = sc.lines;
	h->corrupt = sc.corrupt;
	h->fragment = sc.fragment;
	h->not_regular = sc.kind;
	sort_points(h, &sc);
	scan_free(&sc);
	index_free(&hr.routines);
	index_free(&hr.exercises);
	index_free(&hr.ratings);
	errno = saved;
	return rc;
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->nroutines; i++)
		free(h->routines[i].name);
	for (size_t i = 0; i < h->nexercises; i++) {
		free(h->exercises[i].name);
		free(h->exercises[i].side);
		free(h->exercises[i].v);
	}
	for (size_t i = 0; i < h->nratings; i++) {
		free(h->ratings[i].name);
		free(h->ratings[i].v);
	}
	free(h->routines);
	free(h->exercises);
	free(h->ratings);
	memset(h, 0, sizeof *h);
}
