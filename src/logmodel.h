/* logmodel.h: the one model of the session log.  Every reader of the log
 * (the --history report, the history screen, progression and its why, the
 * check-in offer) asks this model, and never parses lines itself.
 *
 * The log is read through the one scanner (logscan.h): streamed a line at
 * a time, lines of concurrent sessions grouped by session id.  Each session
 * is gathered while it is open and handed to the consumer once, finished,
 * as a struct lm_session, with "the last line wins" already applied: a set
 * (step n, side, set number), a spot (step, side, spot), an ice round
 * (step, round) and a rating (step) done again after `b` appear once, as
 * their last line (a `skip` of it included) has it; so does a step
 * reached again, when the reader asks for the steps.  Memory grows with the
 * sessions open at one time, not with lines; what a consumer keeps of the
 * finished sessions is its own.
 *
 * A morning check-in (`recoup --checkin`) is one `checkin` line with a
 * session id of its own: it is handed over as a session of kind
 * LM_CHECKIN with its values, at once.
 *
 * A session resumed (`recoup --resume`) runs on under a new session id,
 * whose start line says `resumes=SID`, SID the session it continues.  The
 * model joins the two into one session: a session that ends without
 * `status=complete` (quit, aborted, or no end line at all) is held back,
 * and a later start that names it goes on gathering into it, "the last
 * line wins" across both (a set done again in the second part replaces
 * the first's), its steps reached added, its end (status, elapsed added
 * to the first part's) the pair's.  A resume of a resume joins a third
 * part the same way (it names the second part's id).  The pair is handed
 * over once, when its last part ends complete, or at the end of the log:
 * with the first part's id, start time and head, `resumed` counting the
 * parts joined and `sid_last` the last part's id (what a new resume
 * names).  A `resumes=` naming no session held (unknown, complete, or
 * dropped as below) starts a session of its own, `resumes` set.
 *
 * A session resumed while it still runs (the picker in one terminal, the
 * session in another; recoup refuses it, see resume.h, but an older
 * version or two machines may not): both ids lead to the pair, so the
 * first part's lines after the resume are gathered too, and the pair is
 * handed over once every part has ended.  Its status: complete when any
 * part ended complete (the session finished in one terminal is not undone
 * by a quit in the other), else as its last part (sid_last) ended.  Its
 * elapsed: every part's that has an end line, added up.
 *
 * Memory: a held session is kept whole until it is handed over, so at most
 * LM_HELD_MAX are held; one more hands the oldest over first (a resume of
 * it, coming later, is then a session of its own; one with a part still
 * open is handed over when that part ends).
 *
 * Sessions are handed over in the order they finish (a held one later, as
 * above), which is not time order when sessions interleave or a log was
 * merged from two machines: lm_before() orders them by the time stamped on
 * their starts.  No curses, no screen. */
#ifndef RECOUP_LOGMODEL_H
#define RECOUP_LOGMODEL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "logscan.h"
#include "routine.h"

/* Sessions not complete held back at one time, waiting for a resume. */
#define LM_HELD_MAX 32

/* One set of a reps step: its last line, a `set` or a `skip what=set`. */
struct lm_set {
	int n;              /* step number, 1-based, as logged */
	const char *name;   /* the step's name that day */
	enum side side;     /* LEFT, RIGHT or NONE (a set is on one side) */
	int set, sets;      /* 1-based; set 0 when the line had none */
	int target, reps;   /* reps: done (a skip: counted before it) */
	int min, max;       /* the step's range that day; 0 when not logged */
	long load;          /* grams (`load=` in kg); LOAD_NONE when not logged */
	bool skipped;       /* the last line was a skip: not a set done */
	long long elapsed;  /* ms */
};

/* A rating: the last `rate` line of its step (a skip what=rate leaves it
 * unrated: value -1). */
struct lm_rate {
	int n;
	const char *name;
	enum measure measure; /* `measure=`; NONE in old logs */
	int value;          /* 0 to 10, or -1 (skipped) */
};

/* A massage spot or an ice round that ran (`spot`, `ice`) or was cut
 * short (`skip what=spot|round`, skipped set). */
struct lm_part {
	int n;
	const char *name;   /* the step's */
	const char *spot;   /* the spot's name; NULL for an ice round */
	enum side side;     /* LEFT, RIGHT, BOTH (`side=both`: ice on each
			     * calf) or NONE */
	int round, rounds;  /* ice */
	long long planned, elapsed; /* ms */
	bool skipped;
};

/* A step the session reached: a `step` line (each step once, however
 * often it was entered again after `b`). */
struct lm_step {
	int n;
	const char *name;
};

/* One value of a check-in. */
struct lm_value {
	const char *name;   /* "pain", "stiffness", ... as configured */
	int value;          /* 0 to 10 */
};

enum lm_kind { LM_SESSION, LM_CHECKIN };

struct lm_session {
	enum lm_kind kind;
	char sid[32];
	char stamp[40];     /* the start (or check-in) line's time, as written */
	time_t when;        /* the same, seconds since the epoch */
	int ms;
	long day;           /* the local calendar day of the stamp as written
			     * (its own UTC offset), as days since 1970-01-01 */
	size_t index;       /* order of its first line in the file, from 0 */
	/* LM_SESSION: */
	const char *routine; /* `routine=`, the display name; never NULL */
	const char *id;     /* `id=` (file name without .yaml), or NULL */
	const char *file;   /* `file=`, or NULL */
	bool practice;      /* `speed=` on the start line */
	int speed;          /* 1, or the practice speed */
	enum history_status status;
	long long elapsed;  /* ms, from the end line; -1 without one */
	long long planned;  /* ms, the start line's `planned=`; 0 without */
	long long paused;   /* ms, the `resume` lines' `paused=` added up */
	const struct lm_set *sets;   /* in the order first logged */
	size_t nsets;
	const struct lm_rate *rates; /* in the order first logged */
	size_t nrates;
	const struct lm_part *parts; /* spots and ice rounds, first logged first */
	size_t nparts;
	/* Only when the reader asks (lm_reader.steps): */
	const struct lm_step *steps; /* steps reached, first reached first */
	size_t nsteps;
	const struct lm_step *step_last; /* the last `step` line's; NULL */
	/* Resumed (see above): the last part's session id (sid itself for
	 * a session in one part), the parts joined after the first, and the
	 * first part's own `resumes=` when it named no session held (else
	 * NULL).  status and elapsed are the pair's: the last part's status,
	 * the parts' elapsed added (a part without an end line adds none);
	 * complete when any part ended complete (see above). */
	char sid_last[32];
	size_t resumed;
	const char *resumes;
	/* LM_CHECKIN: */
	const struct lm_value *values; /* in line order */
	size_t nvalues;
	long long took;     /* ms the check-in took (`elapsed=`) */
};

/* The highest pain rating of a session (-1 when none was given). */
int lm_pain_max(const struct lm_session *s);
/* A check-in's value called `name` (-1 when it has none). */
int lm_value_of(const struct lm_session *s, const char *name);
/* Whether a session is of a routine: by its id (the file name without
 * .yaml) when both the session and the routine have one, so a routine of
 * the same title in another file is not this one and a renamed title
 * keeps the history; by the title for a log line without an id, or a
 * routine without a file (`id` NULL). */
bool lm_of_routine(const struct lm_session *s, const char *name, const char *id);

struct lm_reader {
	/* in: */
	const char *path;   /* the log; messages name it */
	FILE *err;          /* corrupt lines reported here, or NULL */
	/* From the start line alone (sid, stamp, when, day, routine, id,
	 * file, practice, speed filled in; nothing else): whether to gather
	 * the session.  A session not wanted costs nothing more.  NULL: all.
	 * Check-ins are always handed over. */
	bool (*want)(void *ctx, const struct lm_session *head);
	/* Also gather the steps reached (lm_session.steps, step_last), which
	 * a session's summary says and the readers of a whole log do not
	 * need: without, a `step` line costs nothing. */
	bool steps;
	/* lm_read(): read only the sessions in the last `tail` bytes of the
	 * log (scan.tail); 0: the whole log.  For a question about today. */
	long long tail;
	/* lm_read(): when set and true, the read stops at the next line
	 * (checked per line, for a reader in another thread that nobody waits
	 * for any more); the sessions gathered so far are handed over as at
	 * the end of the log, and `aborted` is set.  NULL: read to the end. */
	const atomic_bool *abort;
	/* A finished session, valid only during the call. */
	void (*session)(void *ctx, const struct lm_session *s);
	/* Each line taken into a gathered session (its start, every event,
	 * its end; a resuming part's too), as written, without its newline,
	 * before it is taken in: for a session's summary, which reads its
	 * own lines.  `s` is the session so far.  NULL: none. */
	void (*line)(void *ctx, const struct lm_session *s, const char *line, size_t len);
	void *ctx;
	/* out: */
	long lines, corrupt;
	bool fragment;      /* a last piece without its newline was left out */
	const char *kind;   /* the path is not a regular file: what it is */
	size_t started;     /* start lines seen, wanted or not */
	bool aborted;       /* stopped by `abort` before the end */
};

/* Read the log at r->path: -1 with errno set when it cannot be opened or
 * read (errno EINVAL and r->kind set when it is not a regular file);
 * sessions still open at the end are handed over as unfinished either
 * way. */
int lm_read(struct lm_reader *r);
/* The same over lines in memory (a session's own, with or without their
 * newlines): nothing is opened, r->path only names them in messages. */
void lm_read_lines(struct lm_reader *r, const char *const *lines, size_t n);

/* Whether a started before b: by the time stamped on their first lines
 * (UTC offsets applied), then file order. */
bool lm_before(const struct lm_session *a, const struct lm_session *b);

/* The local calendar day of a stamp "YYYY-MM-DD...", as days since
 * 1970-01-01; and of a time_t in the local time zone. */
long lm_stamp_day(const char *stamp);
long lm_local_day(time_t t);

#endif
