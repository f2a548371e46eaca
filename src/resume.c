/* resume.c: the session to resume, found in the log through its model,
 * and where it goes on in the routine as it is now (resume.h). */
#include "config.h"

#include "resume.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "logmodel.h"
#include "running.h"
#include "util.h"

/* ---- the first read: each routine's latest session ---- */

struct latest {
	char *key;          /* the routine's id, or its title without one */
	struct lm_session head; /* when, ms, index: what lm_before() orders by */
	bool complete;
	bool unjoined;      /* its start says resumes= a session not read */
	char sid_last[32];
};

struct find {
	const struct resume_query *q;
	struct latest *v;
	size_t n, cap;
	/* the second read */
	const char *sid;
	struct resume_found *f;
	bool got;
	void (*line)(void *ctx, const char *line, size_t len);
	void *ctx;
};

static bool find_want(void *ctx, const struct lm_session *head)
{
	struct find *fd = ctx;
	const struct resume_query *q = fd->q;
	if (head->kind != LM_SESSION || head->practice != q->practice)
		return false;
	return (!q->name && !q->id) || lm_of_routine(head, q->name, q->id);
}

static void find_session(void *ctx, const struct lm_session *s)
{
	struct find *fd = ctx;
	if (s->kind != LM_SESSION)
		return;
	const char *key = s->id ? s->id : s->routine;
	struct latest *l = NULL;
	for (size_t i = 0; i < fd->n && !l; i++)
		if (!strcmp(fd->v[i].key, key))
			l = &fd->v[i];
	if (!l) {
		fd->v = xgrow(fd->v, &fd->cap, fd->n + 1, sizeof *fd->v);
		l = &fd->v[fd->n++];
		memset(l, 0, sizeof *l);
		l->key = xstrdup(key);
	} else if (!lm_before(&l->head, s)) {
		return;
	}
	/* only what ordering needs: the rest points into the model's */
	l->head = (struct lm_session){ .when = s->when, .ms = s->ms, .index = s->index };
	snprintf(l->head.sid, sizeof l->head.sid, "%s", s->sid);
	l->head.day = s->day;
	l->complete = s->status == HISTORY_COMPLETE;
	snprintf(l->sid_last, sizeof l->sid_last, "%s", s->sid_last);
	l->unjoined = s->resumes != NULL;
}

/* ---- the second read: that session, whole ---- */

static bool one_want(void *ctx, const struct lm_session *head)
{
	struct find *fd = ctx;
	return head->kind == LM_SESSION && !strcmp(head->sid, fd->sid);
}

static void one_line(void *ctx, const struct lm_session *s, const char *line, size_t len)
{
	struct find *fd = ctx;
	(void)s;
	if (fd->line)
		fd->line(fd->ctx, line, len);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void add_part(struct resume_found *f, enum seg_kind kind, enum side side, int num,
		     const char *spot, bool full)
{
	f->parts = xrealloc(f->parts, (f->nparts + 1) * sizeof *f->parts);
	f->parts[f->nparts++] = (struct resume_part){
		.kind = kind, .side = side, .num = num, .spot = dup_or_null(spot), .full = full,
	};
}

static void one_session(void *ctx, const struct lm_session *s)
{
	struct find *fd = ctx;
	struct resume_found *f = fd->f;
	if (s->kind != LM_SESSION || fd->got)
		return;
	fd->got = true;
	snprintf(f->sid, sizeof f->sid, "%s", s->sid);
	snprintf(f->sid_last, sizeof f->sid_last, "%s", s->sid_last);
	snprintf(f->stamp, sizeof f->stamp, "%s", s->stamp);
	f->when = s->when;
	f->day = s->day;
	f->routine = xstrdup(s->routine);
	f->id = dup_or_null(s->id);
	f->file = dup_or_null(s->file);
	f->status = s->status;
	for (size_t i = 0; i < s->nsets; i++)
		f->sets += !s->sets[i].skipped;
	for (size_t i = 0; i < s->nparts; i++) {
		if (s->parts[i].skipped)
			continue;
		if (s->parts[i].spot)
			f->spots++;
		else
			f->rounds++;
	}
	f->reached = xcalloc(s->nsteps + 1, sizeof *f->reached);
	for (size_t i = 0; i < s->nsteps; i++)
		f->reached[f->nreached++] = (struct resume_step){ s->steps[i].n,
								  xstrdup(s->steps[i].name) };
	if (!s->step_last)
		return;
	const struct lm_step *at = s->step_last;
	f->step_n = at->n;
	f->step_name = xstrdup(at->name);
	/* the parts of that step, by its name (its number may not be the
	 * routine's any more) */
	for (size_t i = 0; i < s->nsets; i++) {
		const struct lm_set *x = &s->sets[i];
		if (x->n == at->n && !strcmp(x->name, at->name) && x->set > 0)
			/* a `set` line is written only for a set that ended
			 * (one cut short is a skip): done, short of its
			 * target or not, and never done again over it */
			add_part(f, SEG_SET, x->side, x->set, NULL, !x->skipped);
	}
	for (size_t i = 0; i < s->nparts; i++) {
		const struct lm_part *x = &s->parts[i];
		if (x->n == at->n && !strcmp(x->name, at->name))
			add_part(f, x->spot ? SEG_SPOT : SEG_ICE_ON, x->side, x->round, x->spot,
				 !x->skipped);
	}
	for (size_t i = 0; i < s->nrates; i++) {
		const struct lm_rate *x = &s->rates[i];
		if (x->n == at->n && !strcmp(x->name, at->name))
			add_part(f, SEG_RATE, SIDE_NONE, 0, NULL, x->value >= 0);
	}
}

/* The first read, of the log's last `tail` bytes (0: all): the sid of the
 * session to resume into `sid` ("" for none), *unjoined when its start
 * names a session the read did not join (before the tail, maybe), and
 * f->running.  0, or -1 with errno set. */
static int find_latest(const char *log, const struct resume_query *q, long long tail,
		       struct resume_found *f, char sid[32], bool *unjoined)
{
	struct find fd = { .q = q, .f = f };
	struct lm_reader r = { .path = log, .want = find_want, .session = find_session,
			       .ctx = &fd, .tail = tail };
	int rc = lm_read(&r);
	const struct latest *best = NULL;
	f->running = false;
	for (size_t i = 0; rc == 0 && i < fd.n; i++) {
		const struct latest *l = &fd.v[i];
		if (l->complete || (q->day >= 0 && l->head.day != q->day))
			continue;
		/* still running (in another terminal): not to be resumed, nor
		 * an older one of its routine in its place */
		if (running_now(l->head.sid) || running_now(l->sid_last)) {
			f->running = true;
			continue;
		}
		if (!best || lm_before(&best->head, &l->head))
			best = l;
	}
	sid[0] = '\0';
	*unjoined = false;
	if (best) {
		snprintf(sid, 32, "%s", best->head.sid);
		*unjoined = best->unjoined;
	}
	int saved = errno;
	for (size_t i = 0; i < fd.n; i++)
		free(fd.v[i].key);
	free(fd.v);
	errno = saved;
	return rc;
}

int resume_find(const char *log, const struct resume_query *q, struct resume_found *f,
		void (*line)(void *ctx, const char *line, size_t len), void *ctx)
{
	memset(f, 0, sizeof *f);
	struct find fd = { .q = q, .f = f, .line = line, .ctx = ctx };
	char sid[32];
	bool unjoined;
	long long tail = q->tail;
	for (;;) {
		if (find_latest(log, q, tail, f, sid, &unjoined) < 0)
			return -1;
		/* a resumed session whose first part began before the tail
		 * read would be taken for a session of its own, without that
		 * part's sets and steps: read four times as far back, up to
		 * the whole log, until the part it names is in */
		struct stat sb;
		if (!sid[0] || !unjoined || tail <= 0 || stat(log, &sb) < 0 ||
		    (long long)sb.st_size <= tail)
			break;
		tail = tail > (long long)sb.st_size / 4 ? 0 : tail * 4;
	}
	if (!sid[0])
		return 0;
	f->running = false;
	fd.sid = sid;
	struct lm_reader r2 = { .path = log, .want = one_want, .session = one_session,
				.line = one_line, .steps = true, .ctx = &fd, .tail = tail };
	if (lm_read(&r2) < 0 || !fd.got) {
		int saved = errno;
		resume_found_free(f);
		errno = saved;
		return fd.got ? -1 : 0;
	}
	return 1;
}

void resume_found_free(struct resume_found *f)
{
	free(f->routine);
	free(f->id);
	free(f->file);
	free(f->step_name);
	for (size_t i = 0; i < f->nparts; i++)
		free(f->parts[i].spot);
	free(f->parts);
	for (size_t i = 0; i < f->nreached; i++)
		free(f->reached[i].name);
	free(f->reached);
	memset(f, 0, sizeof *f);
}

/* ---- where it goes on ---- */

/* The step named `name` in `r`: at number `n` when it is there, else the
 * first of that name; -1 when none is. */
static long step_by_name(const struct routine *r, int n, const char *name)
{
	if (n >= 1 && (size_t)n <= r->nsteps && !strcmp(r->steps[n - 1].name, name))
		return n - 1;
	for (size_t i = 0; i < r->nsteps; i++)
		if (!strcmp(r->steps[i].name, name))
			return (long)i;
	return -1;
}

static void counts_words(const struct resume_found *f, char *out, size_t n)
{
	char parts[3][32];
	size_t k = 0;
	if (f->sets)
		snprintf(parts[k++], sizeof parts[0], "%d set%s", f->sets, f->sets == 1 ? "" : "s");
	if (f->spots)
		snprintf(parts[k++], sizeof parts[0], "%d spot%s", f->spots, f->spots == 1 ? "" : "s");
	if (f->rounds)
		snprintf(parts[k++], sizeof parts[0], "%d ice round%s", f->rounds,
			 f->rounds == 1 ? "" : "s");
	if (!k) {
		snprintf(out, n, "no set, spot or ice round done before");
		return;
	}
	snprintf(out, n, "%s%s%s%s%s done before", parts[0], k > 1 ? ", " : "", k > 1 ? parts[1] : "",
		 k > 2 ? ", " : "", k > 2 ? parts[2] : "");
}

bool resume_plan(const struct resume_found *f, const struct routine *r,
		 struct engine_resume *out, struct engine_done *done,
		 char *note, size_t notesz)
{
	memset(out, 0, sizeof *out);
	out->sid = f->sid_last;
	out->done = done;
	if (!f->step_name) {
		/* killed before its first step: from the start */
		snprintf(note, notesz, "Resumed from the start: no step was reached before");
		return true;
	}
	long at = step_by_name(r, f->step_n, f->step_name);
	if (at < 0) {
		snprintf(note, notesz, "the routine changed since: its step %d, %s, where the session "
			 "stopped, is no longer in it; nothing to resume (start it afresh)",
			 f->step_n, f->step_name);
		return false;
	}
	out->step = (size_t)at;
	const struct step *st = &r->steps[at];
	for (size_t i = 0; i < f->nparts; i++) {
		const struct resume_part *p = &f->parts[i];
		struct engine_done d = { .kind = p->kind, .side = p->side, .num = p->num,
					 .full = p->full };
		if (p->kind == SEG_SPOT) {
			/* a spot by its name: the step's spots may have changed */
			d.num = -1;
			for (size_t j = 0; j < st->nspots && p->spot; j++)
				if (!strcmp(st->spots[j].name, p->spot))
					d.num = (int)j;
			if (d.num < 0)
				continue;
		}
		done[out->ndone++] = d;
	}
	char counts[160];
	counts_words(f, counts, sizeof counts);
	/* a step reached that is not where it was: steps added or removed */
	bool changed = (long)f->step_n != at + 1;
	for (size_t i = 0; i < f->nreached; i++) {
		int n = f->reached[i].n;
		changed |= n < 1 || (size_t)n > r->nsteps ||
			   strcmp(r->steps[n - 1].name, f->reached[i].name);
	}
	if (changed)
		snprintf(note, notesz, "The routine changed since; starting at %s (step %ld of %zu): %s",
			 st->name, at + 1, r->nsteps, counts);
	else
		snprintf(note, notesz, "Resumed at step %ld of %zu, %s: %s", at + 1, r->nsteps,
			 st->name, counts);
	return true;
}

void resume_when(const struct resume_found *f, char *out, size_t n)
{
	struct tm tm;
	localtime_r(&f->when, &tm);
	if (lm_local_day(f->when) == lm_local_day(time(NULL)))
		strftime(out, n, "today %H:%M", &tm);
	else
		strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}
