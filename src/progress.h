/* progress.h: today's targets of a routine from the log: per-side double
 * progression gated by the pain-monitoring model, and load progression
 * (target.h holds the result).  Reads the log through the one model of it
 * (logmodel.h) and replays this routine's sessions, in time order, through
 * the rules (progress_rules.h).  No curses. */
#ifndef RECOUP_PROGRESS_H
#define RECOUP_PROGRESS_H

#include <stdio.h>

#include "logmodel.h"
#include "progress_rules.h"
#include "routine.h"
#include "target.h"

/* Today's targets for every step of `r` into `out` (r->nsteps entries).
 * A reps step with `progress: true` or `load:` gets each side's target and
 * load from the replay; other steps the defaults (targets_default()).
 * A missing or unreadable log gives the defaults, and nothing is printed.
 * Returns NULL, or, when the log is not a regular file and so was not
 * read, what it is ("a fifo", ...) for the caller to say so. */
const char *progress_targets(const char *log_path, const struct routine *r,
			     struct step_target *out);
/* The same over log lines in memory (a session's own, as it wrote them):
 * what a session logged without a log (--no-log) would ask next time. */
void progress_targets_lines(const char *const *lines, size_t n,
			    const struct routine *r, struct step_target *out);

/* One decision of the replay, for the why: the session (a head only: its
 * stamp, sid and day), the check-ins around it that counted (NULL: none),
 * what the rules saw and what they decided.  A bad morning is a decision
 * of its own (rule_checkin()): then `session` and `morning` are the
 * check-in (kind LM_CHECKIN) and in->morning its pain. */
struct progress_event {
	size_t step;        /* index into r->steps */
	enum side side;     /* NONE, LEFT or RIGHT */
	const struct lm_session *session;
	const struct lm_session *morning;        /* the next morning's */
	const struct lm_session *morning_before; /* the same day's, before */
	const struct lm_session *answers; /* a check-in's: the session it is
					   * the next morning of, or NULL */
	const struct rule_session *in;
	const struct rule_decision *d;
	const char *pain_name;        /* the rating of in->pain, or NULL */
	const char *pain_before_name; /* the rating of in->pain_before, or NULL */
	bool load_lowered;  /* the side's sets had different loads: in->load
			     * is the lowest */
};

/* progress_targets() (log_path set) or progress_targets_lines(), telling
 * `cb` every decision in replay order (sessions by their start, bad
 * mornings by their check-in; a session held by its next morning comes at
 * the session's place): the why is this same replay. */
const char *progress_replay(const char *log_path, const char *const *lines, size_t n,
			    const struct routine *r, struct step_target *out,
			    void (*cb)(void *ctx, const struct progress_event *e), void *ctx);

/* `recoup --plan --why`: today's targets of `r` per step and side, then
 * the decisions that made them, in words, newest last (the last `keep` of
 * each; a count of the older ones).  Returns as progress_targets(). */
const char *progress_why_print(FILE *out, const char *log_path, const struct routine *r,
			       size_t keep);

#endif
