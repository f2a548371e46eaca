/* engine.h: the session engine.  It runs a routine's plan (plan.h) segment
 * by segment on absolute deadlines from a clock (clock.h), takes the user's
 * actions, and emits one log line per event through a sink.  It knows no
 * screen: front ends (plain.c, the dashboard) call engine_tick() when the
 * clock passes engine_next_wake(), call the action functions on input, and
 * draw from engine_view().
 *
 * Time: "session time" is real clock time since the start multiplied by the
 * speed (practice mode), so a 15-minute ice round is 15 minutes of session
 * time whatever the speed.  Remaining time is always deadline minus now.
 * Logged durations are session time. */
#ifndef RECOUP_ENGINE_H
#define RECOUP_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "plan.h"
#include "routine.h"
#include "say.h"
#include "speech.h"
#include "target.h"
#include "util.h"

/* A real-time gap longer than this between two ticks of a running countdown
 * means the process was stopped or the machine slept. */
#define ENGINE_GAP_MS 3000
#define ENGINE_ADJUST_MS 15000
#define ENGINE_CUES 16
#define ENGINE_SAYS 16
/* Real ms after a set ends by itself (its last rep counted) in which key
 * presses are ignored: presses meant for the set must not spill onto the
 * next part or dismiss the end. */
#define ENGINE_GUARD_MS 1000

/* Receives each finished log line (with its '\n'). */
struct engine_sink {
	void (*line)(void *ctx, const char *line, size_t len);
	void *ctx;
};

enum engine_input {
	INPUT_NONE,     /* a countdown runs */
	INPUT_ACK,      /* a note: any key (Enter, n) goes on */
	INPUT_RATING,   /* a rating 0-10: digits then Enter */
	INPUT_REPS,     /* a self-paced set: one press per rep */
	INPUT_COUNT,    /* a set stopped early: how many reps were done? */
};

enum engine_status { ENGINE_RUNNING, ENGINE_DONE };

enum tempo_phase { PHASE_NONE, PHASE_DOWN, PHASE_HOLD, PHASE_UP };

/* A spoken announcement (engine_say.c): short, key word first, beside the
 * longer cue text on screen. */
struct engine_say {
	enum say_kind kind;
	int bells;               /* the bell pattern that stands for it: 0-3 */
	unsigned epoch;          /* the engine's epoch (segment entered) it belongs to */
	long long stale;         /* session ms from which it is too late; -1: never */
	char text[SPEECH_TEXT]; /* the queue's limit: cut at a word, never in one */
};

struct engine {
	const struct routine *r;
	struct plan plan;
	struct clock_src clock;
	struct engine_sink sink;
	int speed;
	char sid[8];
	struct buf line;

	long long origin_real;   /* real ms at session time 0 */
	long long last_tick_real;
	size_t cur;              /* current segment */
	bool started;            /* first segment entered */
	bool paused;
	long long deadline;      /* session ms, timed segments while running */
	long long remaining;     /* session ms left, while paused */
	long long seg_run;       /* session ms the segment has run, excluding pauses */
	long long run_since;     /* session ms when it last started running */
	long long pause_since;   /* session ms when the pause began */
	long long step_run;      /* session ms the current step has run */
	long long adjust_next;   /* +/- in a lead-in: session ms for the work after it, */
	size_t adjust_for;       /* segment adjust_for */
	size_t step_started;     /* step index whose `step` line was written, +1 */

	int reps;                /* self-paced count, or the count being typed */
	int typed;               /* digits typed so far, -1 when none */
	enum engine_input input;
	bool stdin_closed;       /* plain mode: no more answers will come */
	bool key_guard;          /* ENGINE_GUARD_MS applies */
	long long guard_until;   /* real ms until which actions are ignored, or 0 */

	enum engine_status status;
	const char *end_status;  /* complete, quit, aborted */
	unsigned cue_seq;        /* bumps on every audible change */
	char cue[256];           /* what the last change says, in words */
	char cues[ENGINE_CUES][256]; /* the last few: cue number N at N % ENGINE_CUES */
	/* spoken announcements: number N at N % ENGINE_SAYS */
	unsigned say_seq;
	struct engine_say says[ENGINE_SAYS];
	unsigned epoch;          /* bumps on every segment entered */
	enum side said_side;     /* the leg last announced */
	size_t announced;        /* segment announced ahead (by a rest), +1 */
	enum side side_before;   /* said_side before that announcement */
	long long say_free;      /* session ms when the key words said so far
				  * end, about (engine_say.c) */
	unsigned milestones;     /* those said in this segment (engine_say.c) */
	char notice[256];        /* a one-line message for the screen, or "": it
				  * ends with the part or pause it is about */
	char kept[256];          /* the loader's warning, or a note: the notice
				  * through step 1, or "" */
	char resume_how[64];     /* engine_opts.resume_how */
	int last_rep, last_phase;
	struct step_target *targets; /* today's, per step and side: a copy */
};

/* A part of a session's step already logged before it was interrupted,
 * for a resume: a set (num its number), a spot (num its index in the
 * step's spots), an ice round (num the round) or a rating, on a side. */
struct engine_done {
	enum seg_kind kind; /* SEG_SET, SEG_SPOT, SEG_ICE_ON, SEG_RATE */
	enum side side;
	int num;
	bool full;          /* done in full; else cut short: run again */
};

/* Where a resumed session starts (resume.h finds it in the log): at the
 * routine's step `step`, after the last of its parts logged in full, in
 * the plan's order (at that part when it was cut short); what comes
 * before is not run again.  The start line says `resumes=SID`. */
struct engine_resume {
	const char *sid;    /* the session continued (its last part's id) */
	size_t step;
	const struct engine_done *done;
	size_t ndone;
};

/* The segment of plan `p` a resume starts at: p->n when nothing is left
 * (engine_resume.c). */
size_t engine_resume_at(const struct plan *p, const struct engine_resume *rs);

/* Start a session: writes the `start` line and enters the first segment.
 * The engine keeps a pointer to `r`; `e` is all its state. */
struct engine_opts {
	const struct step_target *targets; /* today's targets per step and side
				  * (progress_targets()), or NULL: the defaults */
	long long lead_in_ms;
	int speed;               /* 1, or N for practice */
	const char *file;        /* the routine's file, for the start line */
	const char *id;          /* the routine's id (file name without .yaml) */
	char *const *warnings;   /* the loader's warnings ("LINE:COL: msg"), logged */
	size_t nwarnings;        /* as `warn` lines with the file; the first shown */
	bool no_key_guard;       /* input is a script, not a person: no guard time */
	const char *resume_how;  /* how the user goes on after a pause for a gap,
				  * in the front end's words ("press space to go
				  * on"); NULL: "resume to go on" */
	const struct engine_resume *resume; /* a session resumed, or NULL:
				  * the plan starts at engine_resume_at(), the
				  * segments before it dropped */
};
void engine_start(struct engine *e, const struct routine *r,
		  const struct engine_opts *o, struct clock_src clock,
		  struct engine_sink sink);
void engine_free(struct engine *e);

/* Session time now.  Inline, so that engine_view.c (which engine.c
 * calls) does not call back into engine.c for it. */
static inline long long engine_now(const struct engine *e)
{
	return (e->clock.now_ms(e->clock.ctx) - e->origin_real) * e->speed;
}
/* The real-clock ms at session time `session_ms`, rounded up: a moment is
 * never taken to end early.  Inline like engine_now(). */
static inline long long engine_real_ms(const struct engine *e, long long session_ms)
{
	return e->origin_real + (session_ms + e->speed - 1) / e->speed;
}
/* Advance on time: ends segments whose deadline passed, detects gaps.
 * Call whenever the clock passes engine_next_wake(). */
void engine_tick(struct engine *e);
/* The real-clock ms at which something on screen next changes (a countdown's
 * whole second, a tempo phase, a deadline), or -1 when nothing is timed.
 * A self-paced set also asks for a tick a second, so that a gap (the
 * process stopped) is not counted as time spent on the set. */
long long engine_next_wake(const struct engine *e);

/* Actions.  Each is ignored when it does not apply, and all but quit and
 * abort while engine_guarded(). */
void engine_toggle_pause(struct engine *e);
/* A question (quit?) holds a running countdown, so that no rep or minute
 * is counted behind it: true when this call paused it, and then
 * engine_release() after the answer "no" goes on from where it was. */
bool engine_hold(struct engine *e);
void engine_release(struct engine *e);
void engine_next(struct engine *e);      /* skip / acknowledge / stop a set early */
void engine_back(struct engine *e);
void engine_adjust(struct engine *e, long long ms); /* +/- 15 s */
void engine_rep(struct engine *e);       /* one rep, self-paced */
void engine_digit(struct engine *e, int d);
void engine_erase(struct engine *e);     /* backspace in a typed number */
void engine_enter(struct engine *e);     /* confirm a count or rating, acknowledge */
/* Enter a whole number at once (plain mode lines). */
void engine_number(struct engine *e, int n);
void engine_quit(struct engine *e);      /* the user quit on purpose */
void engine_abort(struct engine *e, const char *signame); /* a fatal signal */
/* True for ENGINE_GUARD_MS of real time after a self-paced set ended by
 * itself: front ends drop key presses (but quit) meanwhile, the end
 * screen's "any key" too. */
bool engine_guarded(const struct engine *e);
/* No more input will ever come (plain mode at end of input). */
void engine_input_closed(struct engine *e);
/* Today's load of the set at hand (the current one, or the one a lead-in
 * or rest leads to) and of the step's sets after it on the same side: up
 * or down by the step's load_step (`dir` +1 or -1, never below 0), or
 * set to `grams`.  Shown and said at once ("Load 10 kilograms"); where no
 * set with a load is at hand, a notice says so.  True when it changed. */
bool engine_load_step(struct engine *e, int dir);
bool engine_load_set(struct engine *e, long grams);
/* Log a warning line. */
void engine_warn(struct engine *e, const char *msg);
/* A notice to keep up through the first step (as the loader's first
 * warning is, which comes first: nothing is replaced). */
void engine_keep_notice(struct engine *e, const char *text);

/* What a front end shows. */
struct engine_view {
	const struct segment *seg;   /* NULL when done */
	const struct step *step;
	size_t step_index, nsteps;
	enum seg_kind kind;
	enum side side;
	long long remaining;         /* session ms, timed segments */
	long long duration;          /* session ms */
	bool timed, paused, done;
	enum engine_input input;
	int typed;                   /* -1 none */
	int reps_done, target;       /* sets */
	long load;                   /* grams of the set l/L act on (this one, or
				      * the one a lead-in or rest leads to), or
				      * LOAD_NONE */
	int rep;                     /* tempo sets: the rep under way, 1-based */
	enum tempo_phase phase;
	long long phase_left;        /* ms left in the phase */
	double step_progress, session_progress; /* 0..1 */
	/* words last: engine_view_numbers() leaves them empty */
	char title[300];             /* e.g. "LEFT set 2 of 3: 12 reps ..." */
	char next[300];              /* what comes next, in words, or "" */
};
void engine_view(const struct engine *e, struct engine_view *v);
/* The same without the words (title, next): cheap, for once a second. */
void engine_view_numbers(const struct engine *e, struct engine_view *v);
const char *tempo_phase_word(enum tempo_phase p);

#endif
