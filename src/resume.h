/* resume.h: a session that ended without `end status=complete` (killed,
 * the terminal lost, quit on purpose, aborted by a signal), found in the
 * log to be resumed (`recoup --resume`, the picker's offer), and where it
 * goes on: the step it stopped at, matched by name in the routine as it
 * is now, with the parts of that step already logged.  The log is read
 * through its one model (logmodel.h), which joins the parts of a session
 * resumed before, so that a resume of a resume goes on from the last.
 * No curses. */
#ifndef RECOUP_RESUME_H
#define RECOUP_RESUME_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "engine.h"
#include "logscan.h"
#include "routine.h"

struct resume_query {
	/* the routine (as lm_of_routine()), or both NULL: any routine */
	const char *name, *id;
	bool practice;      /* practice sessions (a --speed run), else real ones */
	long day;           /* only a session started on this local day; -1: any */
	long long tail;     /* read the log's last `tail` bytes alone (lm_reader),
			     * four times as far back again and again (up to
			     * all of it) while the session found is a resume
			     * whose first part is not in them; 0: all of it */
};

/* A part of the step it stopped at, as last logged. */
struct resume_part {
	enum seg_kind kind; /* SEG_SET, SEG_SPOT, SEG_ICE_ON, SEG_RATE */
	enum side side;
	int num;            /* the set, the round; 0 otherwise */
	char *spot;         /* the spot's name; NULL otherwise */
	bool full;          /* done (a skip was cut short); a set logged is
			     * done even when short of its target: it ended */
};

struct resume_found {
	char sid[32];       /* the session's (its first part's) */
	char sid_last[32];  /* its last part's: what `resumes=` names */
	char stamp[40];     /* its start, as written */
	time_t when;
	long day;
	char *routine, *id, *file;
	enum history_status status;
	int step_n;         /* the last step reached, 1-based; 0: none */
	char *step_name;    /* its name; NULL: none */
	struct resume_part *parts; /* of that step */
	size_t nparts;
	struct resume_step { int n; char *name; } *reached; /* every step reached */
	size_t nreached;
	int sets, spots, rounds; /* done in the whole session, in full or not */
	/* resume_find() returned 0 because the session it would have found
	 * is still running (running.h): a session held by a live process,
	 * in another terminal, is never resumed */
	bool running;
};

/* Find the session to resume: of each routine the query takes, the
 * latest session (a resumed one with its parts) if it ended not complete
 * and is not still running (its lock held, running.h), and of those the
 * latest.  1 when found (`f` filled in: free it with
 * resume_found_free()), 0 when none, -1 with errno set when the log
 * cannot be read.  `line`, when not NULL, is given each of the session's
 * lines (for its summary, which reads them with the new part's). */
int resume_find(const char *log, const struct resume_query *q, struct resume_found *f,
		void (*line)(void *ctx, const char *line, size_t len), void *ctx);
void resume_found_free(struct resume_found *f);

/* Where the session goes on in `r` (the routine as loaded now): the step
 * it stopped at, matched by name (`out->step`), and the parts of it
 * logged (`out->done`, pointing into `f`; `out->sid` too).  True when it
 * can go on; `note` then says how ("Resumed at step 3 of 5, Heel drops:
 * 4 sets done before", and "The routine changed since; starting at NAME"
 * when the step is no longer where it was).  False when it cannot, `note`
 * saying why (the step is no longer in the routine).  `done` is the
 * caller's, at least f->nparts long. */
bool resume_plan(const struct resume_found *f, const struct routine *r,
		 struct engine_resume *out, struct engine_done *done,
		 char *note, size_t notesz);

/* "today 08:15" or "2026-12-04 08:15": when the session started, in
 * words, in the local time zone. */
void resume_when(const struct resume_found *f, char *out, size_t n);

#endif
