/* picker_log.c: the picker's read of the log, on a thread of its own
 * (picker_log.h). */
#include "config.h"

#include "picker_log.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkin.h"
#include "logmodel.h"
#include "util.h"

struct picker_log {
	char *path, *hold;
	time_t now;
	struct picker_marks pm;  /* the thread's until `done` */
	atomic_bool done;        /* the thread has finished with pm */
	atomic_bool stop;        /* nobody waits for it any more */
	atomic_int refs;         /* the picker's and the thread's */
};

/* ---- the read ---- */

struct reading {
	struct picker_marks *pm;
	struct checkin_days days;
	const atomic_bool *stop;  /* NULL: read to the end */
};

static bool stopped(const struct reading *rd)
{
	return rd->stop && atomic_load(rd->stop);
}

/* A session is gathered when it is a routine's of the list, not
 * practice; its start is the routine's latest yet or not (the log may
 * hold newer sessions first, merged from two machines). */
static bool want(void *ctx, const struct lm_session *head)
{
	struct reading *rd = ctx;
	checkin_days_head(&rd->days, head);
	if (head->kind != LM_SESSION || head->practice || stopped(rd))
		return false;
	bool any = false;
	for (size_t i = 0; i < rd->pm->n; i++) {
		struct picker_mark *m = &rd->pm->v[i];
		if (!lm_of_routine(head, m->name, m->id))
			continue;
		any = true;
		if (head->when > m->last) {
			m->last = head->when;
			/* the day and time as stamped, as due.c places a
			 * session: "today 07:00" in the picker is the day
			 * --due counts it on, whatever the zone now */
			snprintf(m->last_stamp, sizeof m->last_stamp, "%.16s", head->stamp);
			m->last_day = head->day;
		}
	}
	return any;
}

/* Done, as due.h counts it: not practice (want() left those out), ended
 * complete (a resumed pair, joined by the model, once). */
static void session(void *ctx, const struct lm_session *s)
{
	struct reading *rd = ctx;
	checkin_days_session(&rd->days, s);
	if (!due_session_done(s))
		return;
	for (size_t i = 0; i < rd->pm->n; i++)
		if (lm_of_routine(s, rd->pm->v[i].name, rd->pm->v[i].id))
			due_tally_add(&rd->pm->v[i].done, s->day);
}

static void read_marks(const char *path, struct picker_marks *pm, time_t now,
		       const atomic_bool *stop)
{
	struct reading rd = { .pm = pm, .stop = stop };
	pm->today = lm_local_day(now);
	rd.days.today = pm->today;
	struct lm_reader r = {
		.path = path, .want = want, .session = session, .ctx = &rd, .abort = stop,
	};
	/* a log that cannot be read says "never", quietly, as a missing
	 * one does */
	pm->read = path && lm_read(&r) == 0;
	pm->checkin_offer = pm->read && checkin_should_offer(&rd.days);
	for (size_t i = 0; i < pm->n; i++)
		due_status_of(&pm->v[i].schedule, &pm->v[i].done, pm->today, -1, &pm->v[i].st);
}

void picker_marks_read(const char *path, struct picker_marks *pm, time_t now)
{
	read_marks(path, pm, now, NULL);
}

void picker_marks_free(struct picker_marks *pm)
{
	for (size_t i = 0; i < pm->n; i++) {
		free(pm->v[i].name);
		free(pm->v[i].id);
		due_tally_free(&pm->v[i].done);
	}
	free(pm->v);
	pm->v = NULL;
	pm->n = 0;
}

/* ---- the thread ---- */

static void release(struct picker_log *pl)
{
	if (atomic_fetch_sub(&pl->refs, 1) != 1)
		return;
	picker_marks_free(&pl->pm);
	free(pl->path);
	free(pl->hold);
	free(pl);
}

/* The test knob: hand over only once the file is there (or nobody waits). */
static void wait_for_hold(struct picker_log *pl)
{
	while (pl->hold && !atomic_load(&pl->stop) && access(pl->hold, F_OK) < 0) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
}

static void *run(void *arg)
{
	struct picker_log *pl = arg;
	read_marks(pl->path, &pl->pm, pl->now, &pl->stop);
	wait_for_hold(pl);
	atomic_store(&pl->done, true);
	release(pl);
	return NULL;
}

struct picker_log *picker_log_start(const char *path, const struct picker_mark *m, size_t n,
				    time_t now, const char *hold)
{
	struct picker_log *pl = xcalloc(1, sizeof *pl);
	pl->path = path ? xstrdup(path) : NULL;
	pl->hold = hold && *hold ? xstrdup(hold) : NULL;
	pl->now = now;
	pl->pm.v = xcalloc(n ? n : 1, sizeof *pl->pm.v);
	pl->pm.n = n;
	for (size_t i = 0; i < n; i++) {
		pl->pm.v[i].name = xstrdup(m[i].name);
		pl->pm.v[i].id = m[i].id ? xstrdup(m[i].id) : NULL;
		pl->pm.v[i].schedule = m[i].schedule;
	}
	atomic_init(&pl->done, false);
	atomic_init(&pl->stop, false);
	atomic_init(&pl->refs, 2);
	/* the signals are the main thread's (its handlers write the signal
	 * pipe the loop polls): the reader takes none */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_t t;
	int e = pthread_create(&t, NULL, run, pl);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e == 0)
		pthread_detach(t);
	else
		run(pl); /* no thread: the list waits for the log, as it once did */
	return pl;
}

bool picker_log_ready(struct picker_log *pl, struct picker_marks *out)
{
	if (!pl || !atomic_load(&pl->done))
		return false;
	*out = pl->pm;
	memset(&pl->pm, 0, sizeof pl->pm);
	return true;
}

void picker_log_end(struct picker_log *pl)
{
	if (!pl)
		return;
	atomic_store(&pl->stop, true);
	release(pl);
}
