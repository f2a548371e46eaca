/* progress_rules.h: the rules of progression as pure functions, one
 * session at a time, for one side of one reps step: double progression
 * (reps up by one to the top of the range), then load, gated by the
 * pain-monitoring model (0-3 fine, 4-5 acceptable, above 5 back off; the
 * next morning counts most).  progress.c replays the log through
 * rule_apply() in time order; the why (progress_why.c) tells the same
 * decisions in words.  No I/O, no log, no curses. */
#ifndef RECOUP_PROGRESS_RULES_H
#define RECOUP_PROGRESS_RULES_H

#include <stdbool.h>

#include "routine.h"
#include "zones.h"

/* What one side of one step goes by: its range (with progress; else the
 * top alone) and its load. */
struct rule_step {
	int min, max;       /* the target moves inside [min, max] */
	int sets;           /* sets on the side, every one must reach it */
	bool has_load;      /* the step carries `load:` */
	long load;          /* grams, the first session's (has_load) */
	long load_step;     /* grams added at the top, taken back on a step back */
};

/* The running state of one side of one step: today's target when the
 * replay ends. */
struct rule_state {
	int target;
	long load;          /* grams; LOAD_NONE without load */
	int streak;         /* bad sessions in a row */
	bool at_top;        /* at the top with the gate open, no load to add */
	bool load_added;    /* the last decision raised the load, not yet done */
	long load_before;   /* ... from this (LOAD_NONE otherwise) */
	int target_before;  /* ... and the target before it (0 otherwise) */
	int done_target;    /* what the side last worked at (the state */
	long done_load;     /* before any session: the start) */
};

/* What one session showed for the side: its sets (if any) and the pain
 * around it. */
struct rule_session {
	bool evidence;      /* a set on the side, not skipped, was logged */
	int target;         /* the first such set's logged target (0: none) */
	long load;          /* its logged load; LOAD_NONE when not logged */
	int done;           /* distinct sets done on the side */
	int least;          /* the fewest reps of them */
	int pain;           /* the session's highest pain rating after the
			     * loading began (-1: none): above 5 is bad */
	int pain_before;    /* its highest pain rated before the first reps
			     * step (-1: none): above 5 holds, not bad */
	int morning;        /* the next morning's pain, -1: no check-in; above
			     * 5 it holds the session, and the check-in
			     * itself counts as bad (rule_checkin()) */
	int morning_before; /* the last pain of the session's own day before
			     * it started, -1: none */
};

enum rule_verdict {
	RULE_UP,            /* one more rep */
	RULE_LOAD,          /* at the top: load added, reps back to the bottom */
	RULE_TOP,           /* at the top, no load to add: stays */
	RULE_HOLD,          /* stays */
	RULE_BACK,          /* the second bad session in a row: one step back */
};

/* Why a session held the target (RULE_HOLD), or what stepped it back. */
enum rule_reason {
	RULE_MET,           /* every set reached the target, no objection */
	RULE_PAIN,          /* pain above 5 in (after) the session */
	RULE_PAIN_BEFORE,   /* pain above 5 rated before the session */
	RULE_MORNING,       /* pain above 5 the next morning */
	RULE_WORSE,         /* the next morning worse than the one before */
	RULE_SHORT,         /* a set short of the target */
	RULE_MISSING,       /* fewer sets than the step has */
	RULE_NONE,          /* no set on the side that session */
};

/* One decision, all a reader needs to tell it. */
struct rule_decision {
	enum rule_verdict verdict;
	enum rule_reason reason;
	bool bad;           /* pain above 5 in or after the session */
	int streak;         /* bad sessions in a row, this one included */
	int target;         /* the target the session worked at (after its
			     * logged target reset the state) */
	long load;          /* the load it worked at */
	int next;           /* the target after it */
	long next_load;     /* the load after it */
	bool at_bottom;     /* RULE_BACK with nothing left to take back */
	bool undone;        /* a bad session with no set on the side took
			     * back a rise it had not worked at yet */
};

/* Whether progression decides the targets of a step: a reps step with
 * `progress: true` or with `load:`. */
bool rule_step_has(const struct step *st);
/* The rule's view of such a step; without `progress`, the top alone (only
 * the load moves). */
void rule_step_of(struct rule_step *rs, const struct step *st);
/* The state before any session: the bottom of the range, the step's load. */
void rule_init(struct rule_state *s, const struct rule_step *rs);
/* One session, in time order: updates `s`, returns the decision. */
struct rule_decision rule_apply(struct rule_state *s, const struct rule_step *rs,
				const struct rule_session *in);
/* Whether a session was bad: pain above 5 rated after its loading began.
 * A bad next morning is the check-in's own (rule_checkin()). */
bool rule_bad(const struct rule_session *in);
/* A morning check-in with pain above 5, in time order among the sessions:
 * it takes back any rise not yet worked at (the next session is never
 * harder than the last one done) and, unless `counted` (the session it
 * is the next morning of was bad already), counts as bad: the second in
 * a row steps back.  Verdict HOLD or BACK, reason RULE_MORNING. */
struct rule_decision rule_checkin(struct rule_state *s, const struct rule_step *rs,
				  bool counted);

#endif
