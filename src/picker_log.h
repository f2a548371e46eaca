/* picker_log.h: what the picker shows of the log beside each routine:
 * when it was last done, what its schedule asks for today (due.h), its
 * streak, and whether the morning check-in is to be offered (checkin.h).
 *
 * A log of years is a second's reading, and the picker's list must be on
 * the screen at once: the log is read on a thread of its own, which knows
 * nothing of the screen and touches nothing but its own copy of what it
 * needs; the picker draws at once, asks picker_log_ready() between keys,
 * and fills in the marks when they have come.  No curses. */
#ifndef RECOUP_PICKER_LOG_H
#define RECOUP_PICKER_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "due.h"
#include "routine.h"

/* One routine as the read sees it, and what the log says of it. */
struct picker_mark {
	/* in (copied by picker_log_start): */
	char *name;          /* the routine's title */
	char *id;            /* its file name without .yaml, or NULL */
	struct schedule schedule;
	/* out: */
	time_t last;         /* start of its latest session (not practice); 0 never */
	char last_stamp[20]; /* that start's stamp as written, up to the minute
			      * ("2026-12-06T07:00"); "" never */
	long last_day;       /* its day as written (lm_session.day, due.h's rule) */
	struct due_tally done; /* sessions done by day (due.h's rule) */
	struct due_status st;  /* on the day the read was started */
};

/* The log's verdicts, once read. */
struct picker_marks {
	struct picker_mark *v; /* in the order given */
	size_t n;
	long today;          /* the local day they are placed by */
	bool checkin_offer;  /* checkin_should_offer() over the same log */
	bool read;           /* the log was read (false: missing or unreadable) */
};

/* A read in progress. */
struct picker_log;

/* Start reading the log at `path` for the routines `m` (n of them; their
 * names, ids and schedules are copied, the array is not kept), placed by
 * `now`.  Never NULL: a thread that cannot be started reads here and now.
 * `hold`, when not NULL, is a file whose existence the read waits for
 * before it hands its marks over (RECOUP_TEST_HOLD_MARKS, a test knob:
 * the picker is then seen before and after, whatever the machine's
 * speed; heeded by the build tree's binary alone, see ui_picker.c). */
struct picker_log *picker_log_start(const char *path, const struct picker_mark *m, size_t n,
				    time_t now, const char *hold);
/* Whether the read is done; when it is, *out takes its marks (then
 * picker_marks_free() them) and the read is finished: picker_log_end()
 * it. */
bool picker_log_ready(struct picker_log *pl, struct picker_marks *out);
/* Done with a read, finished or not: one still running is left to stop
 * at its next session and free itself. */
void picker_log_end(struct picker_log *pl);

/* The same read, here and now (for tests and for the bench of it). */
void picker_marks_read(const char *path, struct picker_marks *pm, time_t now);
void picker_marks_free(struct picker_marks *pm);

#endif
