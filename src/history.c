/* history.c: reading the session log back, for `recoup --history` and for
 * double progression.  One streaming scanner (lines, parsing, grouping by
 * session id) feeds two consumers: the report and the target finder. */
#include "config.h"

#include "history.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "logfmt.h"
#include "paths.h"
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

static enum history_status status_from(const char *word)
{
	for (int i = HISTORY_COMPLETE; word && i <= HISTORY_ABORTED; i++)
		if (!strcmp(word, status_words[i]))
			return (enum history_status)i;
	return HISTORY_OTHER;
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

/* The local calendar day of `t`, as days since 1970-01-01. */
static long local_day(time_t t)
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

/* Room for YYYY-MM-DD and then some: a log line may say 9999-12-31T23:59
 * at -23:59, which is in the year 10000 (strftime() into 11 bytes then
 * fails and leaves no terminating NUL).  48 holds any long and two ints,
 * as gcc's -Wformat-truncation wants. */
#define DATE_SIZE 48

/* A day number as YYYY-MM-DD: the day is already local, so read it as UTC. */
static void format_day(char out[DATE_SIZE], long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, DATE_SIZE, "%04ld-%02d-%02d", tm.tm_year + 1900L,
		 tm.tm_mon + 1, tm.tm_mday);
}

static void format_date(char out[DATE_SIZE], time_t t)
{
	format_day(out, local_day(t));
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

/* ---- lines: a fixed buffer, never the whole file ---- */

#define READ_CHUNK 65536
#define STR(x) #x
#define XSTR(x) STR(x)

struct lines {
	int fd;
	char *buf;
	size_t cap, beg, end; /* unread bytes are buf[beg..end) */
	bool eof;
};

enum line_result { LINE_OK, LINE_LONG, LINE_EOF, LINE_ERROR };

/* Move what is left to the front and read more; -1 on a read error. */
static int lines_fill(struct lines *L)
{
	if (L->beg) {
		memmove(L->buf, L->buf + L->beg, L->end - L->beg);
		L->end -= L->beg;
		L->beg = 0;
	}
	ssize_t n;
	do
		n = read(L->fd, L->buf + L->end, L->cap - L->end);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0)
		L->eof = true;
	L->end += (size_t)n;
	return 0;
}

/* Drop the rest of an over-long line, up to and with its newline. */
static enum line_result lines_discard(struct lines *L)
{
	for (;;) {
		char *nl = memchr(L->buf + L->beg, '\n', L->end - L->beg);
		if (nl) {
			L->beg = (size_t)(nl - L->buf) + 1;
			return LINE_LONG;
		}
		L->beg = L->end = 0;
		if (L->eof)
			return LINE_LONG;
		if (lines_fill(L) < 0)
			return LINE_ERROR;
	}
}

/* The next line, its newline replaced by a NUL: logrec_parse() takes a
 * length, but its timestamp sscanf() runs strlen() over the rest of the
 * buffer (and past it) when the line is not terminated.  A last line
 * without a newline counts; it is terminated too, as it is shorter than
 * HISTORY_LINE_MAX and so ends before the buffer does. */
static enum line_result lines_next(struct lines *L, char **line, size_t *len)
{
	size_t searched = 0;
	for (;;) {
		char *p = L->buf + L->beg;
		size_t avail = L->end - L->beg;
		char *nl = memchr(p + searched, '\n', avail - searched);
		if (nl) {
			*nl = '\0';
			*line = p;
			*len = (size_t)(nl - p);
			L->beg += *len + 1;
			return *len > HISTORY_LINE_MAX ? LINE_LONG : LINE_OK;
		}
		searched = avail;
		if (avail > HISTORY_LINE_MAX)
			return lines_discard(L);
		if (L->eof) {
			if (!avail)
				return LINE_EOF;
			p[avail] = '\0';
			*line = p;
			*len = avail;
			L->beg = L->end;
			return LINE_OK;
		}
		if (lines_fill(L) < 0)
			return LINE_ERROR;
	}
}

/* ---- the scanner: lines grouped into sessions ---- */

struct scan_session {
	char sid[sizeof ((struct logrec *)0)->sid];
	time_t when;        /* start */
	bool open;          /* no end line yet */
	bool kept;          /* the consumer wants its events */
	void *data;         /* the consumer's, freed by its finish() */
};

struct scan;

struct scan_ops {
	/* A session starts (sc->v[i] filled in): return whether to keep it. */
	bool (*start)(struct scan *sc, size_t i, const struct logrec *rec);
	/* Any other event of a kept, open session. */
	void (*event)(struct scan *sc, size_t i, const struct logrec *rec);
	/* A kept session ends, or is found unfinished. */
	void (*finish)(struct scan *sc, size_t i, enum history_status st);
};

struct scan {
	const char *path;
	FILE *err;          /* corrupt lines reported here, or NULL */
	const struct scan_ops *ops;
	void *ctx;
	struct scan_session *v; /* every session, in the order of their starts */
	size_t n, cap;
	/* Session ids, open addressing: index into v plus one, 0 when empty.
	 * A start with a known id points the slot at the new session. */
	size_t *slots;
	size_t nslots, nids;
	long lines, corrupt;
};

static size_t sid_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding `sid`, or the empty slot where it would go. */
static size_t *scan_slot(struct scan *sc, const char *sid)
{
	size_t mask = sc->nslots - 1;
	for (size_t i = sid_hash(sid) & mask;; i = (i + 1) & mask)
		if (!sc->slots[i] || !strcmp(sc->v[sc->slots[i] - 1].sid, sid))
			return &sc->slots[i];
}

static void scan_rehash(struct scan *sc)
{
	size_t *old = sc->slots, nold = sc->nslots;
	sc->nslots = nold ? nold * 2 : 64;
	sc->slots = xcalloc(sc->nslots, sizeof *sc->slots);
	for (size_t i = 0; i < nold; i++)
		if (old[i])
			*scan_slot(sc, sc->v[old[i] - 1].sid) = old[i];
	free(old);
}

static struct scan_session *scan_find(struct scan *sc, const char *sid)
{
	if (!sc->nslots)
		return NULL;
	size_t *slot = scan_slot(sc, sid);
	return *slot ? &sc->v[*slot - 1] : NULL;
}

static void scan_close(struct scan *sc, size_t i, enum history_status st)
{
	struct scan_session *s = &sc->v[i];
	if (s->open && s->kept)
		sc->ops->finish(sc, i, st);
	s->open = false;
	s->data = NULL;
}

static void scan_start(struct scan *sc, const struct logrec *rec)
{
	if ((sc->nids + 1) * 2 > sc->nslots)
		scan_rehash(sc);
	size_t *slot = scan_slot(sc, rec->sid);
	if (*slot)
		scan_close(sc, *slot - 1, HISTORY_UNFINISHED);
	else
		sc->nids++;
	sc->v = xgrow(sc->v, &sc->cap, sc->n + 1, sizeof *sc->v);
	size_t i = sc->n++;
	struct scan_session *s = &sc->v[i];
	memcpy(s->sid, rec->sid, sizeof s->sid);
	s->when = rec->when;
	s->open = true;
	s->data = NULL;
	*slot = i + 1;
	s->kept = sc->ops->start(sc, i, rec);
}

static void scan_corrupt(struct scan *sc, const char *why)
{
	sc->corrupt++;
	if (sc->err)
		fprintf(sc->err, "%s: %s:%ld: skipped corrupt line: %s\n", progname,
			safe_show(sc->path), sc->lines, why);
}

static void scan_line(struct scan *sc, struct logrec *rec, const char *line,
		      size_t len)
{
	if (!len || (len == 1 && *line == '\r'))
		return; /* a blank line is harmless: an editor may leave one */
	if (memchr(line, '\0', len)) {
		scan_corrupt(sc, "NUL byte in line");
		return;
	}
	const char *why = logrec_parse(rec, line, len);
	if (why) {
		scan_corrupt(sc, why);
		return;
	}
	if (rec->event == LOG_START) {
		scan_start(sc, rec);
		return;
	}
	/* Lines of a session whose start we never saw (a log cut at the top)
	 * or that already ended have no session to go to. */
	struct scan_session *s = scan_find(sc, rec->sid);
	if (!s || !s->open || !s->kept)
		return;
	if (rec->event == LOG_END)
		scan_close(sc, (size_t)(s - sc->v), status_from(logrec_get(rec, "status")));
	else
		sc->ops->event(sc, (size_t)(s - sc->v), rec);
}

/* Read the whole log; -1 with errno set when it cannot be opened or read.
 * Sessions still open at the end are finished as unfinished either way. */
static int scan_run(struct scan *sc)
{
	int fd = open(sc->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct lines L = {.fd = fd, .cap = HISTORY_LINE_MAX + 1 + READ_CHUNK};
	L.buf = xmalloc(L.cap);
	struct logrec rec;
	logrec_init(&rec);
	int rc = 0;
	for (;;) {
		char *line;
		size_t len;
		enum line_result lr = lines_next(&L, &line, &len);
		if (lr == LINE_EOF)
			break;
		if (lr == LINE_ERROR) {
			rc = -1;
			break;
		}
		sc->lines++;
		if (lr == LINE_LONG)
			scan_corrupt(sc, "line longer than " XSTR(HISTORY_LINE_MAX) " bytes");
		else
			scan_line(sc, &rec, line, len);
	}
	int saved = errno;
	for (size_t i = 0; i < sc->n; i++)
		scan_close(sc, i, HISTORY_UNFINISHED);
	logrec_free(&rec);
	free(L.buf);
	close(fd);
	errno = saved;
	return rc;
}

static void scan_free(struct scan *sc)
{
	free(sc->v);
	free(sc->slots);
}

/* ---- the report's consumer ---- */

struct hist_read {
	struct history *h;
	const struct history_filter *f;
};

/* Which series point of this session belongs to which exercise, and the
 * sets already counted in it: a set done again after `b` is logged again,
 * and the later line replaces the earlier. */
struct hist_sess {
	size_t routine;
	struct {
		size_t ex, pt;
	} *sets;
	size_t nsets, cap;
	struct {
		size_t ex;
		long long set;
		int reps;
	} *done;
	size_t ndone, done_cap;
};

static bool routine_matches(const char *want, const char *name, const char *id)
{
	return (name && !strcasecmp(want, name)) || (id && !strcasecmp(want, id));
}

static size_t hist_routine(struct history *h, const char *name)
{
	for (size_t i = 0; i < h->nroutines; i++)
		if (!strcmp(h->routines[i].name, name))
			return i;
	h->routines = xgrow(h->routines, &h->routines_cap, h->nroutines + 1,
			    sizeof *h->routines);
	struct history_routine *r = &h->routines[h->nroutines];
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
	return h->nroutines++;
}

static size_t hist_exercise(struct history *h, const char *name, const char *side)
{
	for (size_t i = 0; i < h->nexercises; i++)
		if (!strcmp(h->exercises[i].name, name) &&
		    !strcmp(h->exercises[i].side, side))
			return i;
	h->exercises = xgrow(h->exercises, &h->exercises_cap, h->nexercises + 1,
			     sizeof *h->exercises);
	struct history_exercise *e = &h->exercises[h->nexercises];
	memset(e, 0, sizeof *e);
	e->name = xstrdup(name);
	e->side = xstrdup(side);
	return h->nexercises++;
}

static size_t hist_rating(struct history *h, const char *name)
{
	for (size_t i = 0; i < h->nratings; i++)
		if (!strcmp(h->ratings[i].name, name))
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
	long diff = monday_of(local_day(when)) - h->weeks[HISTORY_WEEKS - 1].day;
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
	hs->routine = hist_routine(h, name);
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

static void hist_set(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct history *h = ((struct hist_read *)sc->ctx)->h;
	struct hist_sess *hs = sc->v[i].data;
	const char *name = logrec_get(rec, "name"), *side = logrec_get(rec, "side");
	if (!name)
		return;
	size_t ex = hist_exercise(h, name, side && *side ? side : "none");
	struct history_exercise *e = &h->exercises[ex];
	size_t k = 0;
	while (k < hs->nsets && hs->sets[k].ex != ex)
		k++;
	if (k == hs->nsets) {
		e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof *e->v);
		e->v[e->n] = (struct history_reps){
			.when = sc->v[i].when, .session = i,
			.target = (int)logrec_int(rec, "target", 0)};
		hs->sets = xgrow(hs->sets, &hs->cap, k + 1, sizeof *hs->sets);
		hs->sets[k].ex = ex;
		hs->sets[k].pt = e->n++;
		hs->nsets++;
	}
	struct history_reps *p = &e->v[hs->sets[k].pt];
	long long reps = logrec_int(rec, "reps", 0);
	/* capped: a log can hold any number of lines (21,476 lines of reps=99999
	 * overflowed an int) */
	int add = reps > 0 && reps < 100000 ? (int)reps : 0;
	long long set = logrec_int(rec, "set", 0);
	size_t d = 0;
	while (set > 0 && d < hs->ndone && (hs->done[d].ex != ex || hs->done[d].set != set))
		d++;
	if (set > 0 && d < hs->ndone) {
		/* the same set again: it replaces the earlier line */
		if (p->reps != INT_MAX)
			p->reps -= hs->done[d].reps;
		hs->done[d].reps = add;
	} else {
		/* a log can hold any number of lines: no more than a session
		 * could have sets (as tgt_seen_set), or the search goes quadratic */
		if (set > 0 && hs->ndone < 1000) {
			hs->done = xgrow(hs->done, &hs->done_cap, hs->ndone + 1, sizeof *hs->done);
			hs->done[hs->ndone].ex = ex;
			hs->done[hs->ndone].set = set;
			hs->done[hs->ndone++].reps = add;
		}
		if (p->sets < INT_MAX)
			p->sets++;
	}
	p->reps = p->reps > INT_MAX - add ? INT_MAX : p->reps + add;
}

static void hist_rate(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct history *h = ((struct hist_read *)sc->ctx)->h;
	const char *name = logrec_get(rec, "name");
	long long value = logrec_int(rec, "value", -1);
	if (!name || value < 0 || value > 10)
		return;
	size_t k = hist_rating(h, name); /* may move h->ratings */
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
	free(hs->sets);
	free(hs->done);
	free(hs);
}

static const struct scan_ops hist_ops = {
	.start = hist_start, .event = hist_event, .finish = hist_finish,
};

static size_t session_at(const unsigned char *a, size_t i, size_t size,
			 size_t key_off)
{
	size_t key;
	memcpy(&key, a + i * size + key_off, sizeof key);
	return key;
}

/* Interleaved sessions append their points out of order, but only a little:
 * a stable insertion sort on the session number is cheap here. */
static void sort_by_session(void *v, size_t n, size_t size, size_t key_off)
{
	unsigned char tmp[64], *a = v;
	for (size_t i = 1; i < n; i++) {
		size_t key = session_at(a, i, size, key_off), j = i;
		while (j > 0 && session_at(a, j - 1, size, key_off) > key)
			j--;
		if (j == i)
			continue;
		memcpy(tmp, a + i * size, size);
		memmove(a + (j + 1) * size, a + j * size, (i - j) * size);
		memcpy(a + j * size, tmp, size);
	}
}

void history_init(struct history *h, time_t now)
{
	memset(h, 0, sizeof *h);
	long monday = monday_of(local_day(now));
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
	scan_free(&sc);
	_Static_assert(sizeof(struct history_reps) <= 64 &&
		       sizeof(struct history_rate) <= 64, "sort_by_session's tmp");
	for (size_t i = 0; i < h->nexercises; i++)
		sort_by_session(h->exercises[i].v, h->exercises[i].n,
				sizeof(struct history_reps),
				offsetof(struct history_reps, session));
	for (size_t i = 0; i < h->nratings; i++)
		sort_by_session(h->ratings[i].v, h->ratings[i].n,
				sizeof(struct history_rate),
				offsetof(struct history_rate, session));
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

/* ---- the report ---- */

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
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
	format_date(first, h->first);
	format_date(last, h->last);
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
			plural(h->practice_left_out, "session", "sessions"),
			plural(h->practice_left_out, "it", "them"));
	if (h->corrupt)
		fprintf(out, "  %ld corrupt %s skipped\n", h->corrupt,
			plural(h->corrupt, "line", "lines"));
}

static void print_routines(FILE *out, const struct history *h)
{
	fputs("\nRoutines\n", out);
	for (size_t i = 0; i < h->nroutines; i++) {
		const struct history_routine *r = &h->routines[i];
		char last[DATE_SIZE];
		format_date(last, r->last);
		fputs("  ", out);
		put_name(out, r->name);
		fprintf(out, ": %d %s, %d completed, last %s\n",
			r->sessions, plural(r->sessions, "session", "sessions"),
			r->completed, last);
	}
}

static void print_weeks(FILE *out, const struct history *h)
{
	fprintf(out, "\nSessions per week (last %d weeks)\n", HISTORY_WEEKS);
	for (int w = 0; w < HISTORY_WEEKS; w++) {
		const struct history_week *wk = &h->weeks[w];
		char monday[DATE_SIZE];
		format_day(monday, wk->day);
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
			char day[DATE_SIZE];
			format_date(day, p->when);
			fprintf(out, "    %s: %d %s in %d %s, target %d\n", day,
				p->reps, plural(p->reps, "rep", "reps"), p->sets,
				plural(p->sets, "set", "sets"), p->target);
		}
	}
}

static void print_ratings(FILE *out, const struct history *h)
{
	fputs("\nRatings\n", out);
	if (!h->nratings)
		fputs("  none logged\n", out);
	for (size_t i = 0; i < h->nratings; i++) {
		const struct history_rating *r = &h->ratings[i];
		fputs("  ", out);
		put_name(out, r->name);
		fputc('\n', out);
		for (size_t k = 0; k < r->n; k++) {
			char day[DATE_SIZE];
			format_date(day, r->v[k].when);
			fprintf(out, "    %s: %d\n", day, r->v[k].value);
		}
	}
}

void history_print(FILE *out, const struct history *h)
{
	print_totals(out, h);
	print_routines(out, h);
	print_weeks(out, h);
	print_reps(out, h);
	print_ratings(out, h);
}

char *history_nothing_text(const struct history *h, const char *path, bool filtered)
{
	const char *sp = path ? " in " : "", *where = path ? path : "";
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
			 plural(h->practice_left_out, "session", "sessions"), how,
			 plural(h->practice_left_out, "it", "them"));
}

/* Nothing to report: say why, in one or two lines. */
static void print_nothing(FILE *out, const struct history *h, const char *path,
			  const char *since, const char *routine)
{
	char *why = history_nothing_text(h, path, since || routine);
	fputs(safe_show(why), out);
	free(why);
	if (!h->logged) {
		fputc('\n', out);
		return;
	}
	if (since)
		fprintf(out, " --since %s", safe_show(since));
	if (routine)
		fprintf(out, " --routine \"%s\"", safe_show(routine));
	fputc('\n', out);
	char *note = history_practice_text(h, "--practice");
	if (note)
		fprintf(out, "%s\n", note);
	free(note);
}

int history_command_at(const char *log_path, const char *since,
		       const char *routine, bool practice, FILE *out, time_t now)
{
	struct history_filter f = {.routine = routine, .practice = practice};
	if (since && !history_parse_since(since, &f.since)) {
		fprintf(stderr, "%s: --since wants a date as YYYY-MM-DD, not \"%s\"\n",
			progname, safe_show(since));
		return 2;
	}
	struct history h;
	int status = 0;
	if (history_read(&h, log_path, &f, now, stderr) < 0) {
		if (errno == ENOENT) {
			fprintf(out, "no sessions logged yet in %s\n", safe_show(log_path));
		} else {
			fprintf(stderr, "%s: %s: %s\n", progname, safe_show(log_path),
				strerror(errno));
			status = 1;
		}
	} else if (!h.sessions) {
		print_nothing(out, &h, log_path, since, routine);
	} else {
		history_print(out, &h);
	}
	history_free(&h);
	return status;
}

int history_command(const char *log_path, const char *since, const char *routine,
		    bool practice, FILE *out)
{
	return history_command_at(log_path, since, routine, practice, out,
				  time(NULL));
}

/* ---- progression ---- */

/* What one session's `set` lines say about one progress step: each set
 * (side and number) once, the last line of it standing, as a set done
 * again after `b` is logged again. */
struct tgt_seen {
	struct {
		unsigned side;  /* side_bit() */
		long long set;  /* 0 in lines without a set number: each counts */
		bool reached;   /* reps >= target */
	} *v;
	size_t n, cap;
	int target;         /* the first line's */
};

/* The latest session with evidence, per progress step. */
struct tgt_best {
	bool found;
	size_t session;
	int target;
	bool reached;
};

struct tgt_read {
	const struct routine *r;
	char *id;           /* the routine's file name without .yaml */
	size_t *prog;       /* indices of the steps with progress */
	size_t nprog;
	struct tgt_best *best; /* per entry of prog */
};

static long long clamp_ll(long long v, long long lo, long long hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static bool tgt_start(struct scan *sc, size_t i, const struct logrec *rec)
{
	const struct tgt_read *tr = sc->ctx;
	if (logrec_get(rec, "speed"))
		return false; /* practice proves nothing about the legs */
	/* only this routine's sessions: another routine may have an exercise
	 * of the same name, with other sets and ranges.  The file's name or
	 * the routine's title will do, so renaming one keeps the history. */
	const char *name = logrec_get(rec, "routine"), *id = logrec_get(rec, "id");
	if (!(name && !strcmp(name, tr->r->name)) && !(id && tr->id && !strcmp(id, tr->id)))
		return false;
	sc->v[i].data = xcalloc(tr->nprog, sizeof(struct tgt_seen));
	return true;
}

static unsigned side_bit(const char *side)
{
	static const char *const sides[] = {"left", "right", "none"};
	for (unsigned k = 0; side && k < ARRAY_LEN(sides); k++)
		if (!strcmp(side, sides[k]))
			return 1u << k;
	return 1u << ARRAY_LEN(sides);
}

static void tgt_seen_set(struct tgt_seen *s, const struct logrec *rec)
{
	long long reps = logrec_int(rec, "reps", -1);
	if (!s->n)
		/* Bounded, so that target + 1 cannot overflow. */
		s->target = (int)clamp_ll(logrec_int(rec, "target", 0), 0, 100000);
	unsigned side = side_bit(logrec_get(rec, "side"));
	long long set = logrec_int(rec, "set", 0);
	size_t k = 0;
	while (set > 0 && k < s->n && (s->v[k].side != side || s->v[k].set != set))
		k++;
	if (set <= 0 || k == s->n) {
		/* a log can hold any number of lines: no more than a step has */
		if (s->n >= 1000)
			return;
		s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
		k = s->n++;
		s->v[k].side = side;
		s->v[k].set = set;
	}
	s->v[k].reached = reps >= s->target;
}

static void tgt_event(struct scan *sc, size_t i, const struct logrec *rec)
{
	const struct tgt_read *tr = sc->ctx;
	struct tgt_seen *seen = sc->v[i].data;
	const char *name = logrec_get(rec, "name");
	if (rec->event != LOG_SET || !name)
		return;
	/* Two steps may share a name: both learn from the same lines. */
	for (size_t k = 0; k < tr->nprog; k++)
		if (!strcmp(tr->r->steps[tr->prog[k]].name, name))
			tgt_seen_set(&seen[k], rec);
}

static int popcount(unsigned x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Every set on every side there, each at the target. */
static bool tgt_all_reached(const struct tgt_seen *s, const struct step *st)
{
	unsigned sides = 0;
	for (size_t k = 0; k < s->n; k++) {
		if (!s->v[k].reached)
			return false;
		sides |= s->v[k].side;
	}
	return s->n == (size_t)st->sets * (size_t)popcount(sides);
}

static void tgt_finish(struct scan *sc, size_t i, enum history_status st)
{
	const struct tgt_read *tr = sc->ctx;
	struct tgt_seen *seen = sc->v[i].data;
	for (size_t k = 0; k < tr->nprog; k++) {
		struct tgt_best *b = &tr->best[k];
		struct tgt_seen *s = &seen[k];
		/* Sessions can finish out of order when they interleave. */
		if (s->n && !(b->found && b->session > i)) {
			b->found = true;
			b->session = i;
			b->target = s->target;
			b->reached = tgt_all_reached(s, &tr->r->steps[tr->prog[k]]);
		}
		free(s->v);
	}
	free(seen);
}

static const struct scan_ops tgt_ops = {
	.start = tgt_start, .event = tgt_event, .finish = tgt_finish,
};

/* Double progression from what the latest session showed. */
static void tgt_apply(const struct step *st, const struct tgt_best *b,
		      int *target, bool *at_top)
{
	if (!b->found) {
		*target = st->reps.min;
		return;
	}
	int next = b->reached ? b->target + 1 : b->target;
	*target = (int)clamp_ll(next, st->reps.min, st->reps.max);
	*at_top = b->reached && b->target >= st->reps.max;
}

void history_targets(const char *log_path, const struct routine *r, int *targets,
		     bool *at_top)
{
	struct tgt_read tr = {.r = r, .prog = xcalloc(r->nsteps, sizeof *tr.prog),
			      .id = r->file ? routine_id_of(r->file) : NULL};
	for (size_t k = 0; k < r->nsteps; k++) {
		targets[k] = 0;
		if (at_top)
			at_top[k] = false;
		if (r->steps[k].type == STEP_REPS && r->steps[k].progress)
			tr.prog[tr.nprog++] = k;
	}
	tr.best = xcalloc(tr.nprog, sizeof *tr.best);
	struct scan sc = {.path = log_path, .ops = &tgt_ops, .ctx = &tr};
	/* A log that cannot be read just means no history: defaults.  Nothing
	 * to learn means no need to read it at all. */
	if (tr.nprog && scan_run(&sc) < 0)
		memset(tr.best, 0, tr.nprog * sizeof *tr.best);
	scan_free(&sc);
	for (size_t k = 0; k < tr.nprog; k++) {
		bool top = false;
		tgt_apply(&r->steps[tr.prog[k]], &tr.best[k], &targets[tr.prog[k]], &top);
		if (at_top)
			at_top[tr.prog[k]] = top;
	}
	free(tr.best);
	free(tr.prog);
	free(tr.id);
}
