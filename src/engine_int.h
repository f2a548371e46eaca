/* engine_int.h: what engine.c and engine_view.c share inside the engine;
 * no front end includes it. */
#ifndef RECOUP_ENGINE_INT_H
#define RECOUP_ENGINE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "logfmt.h"

static inline const struct segment *cur_seg(const struct engine *e)
{
	return e->status == ENGINE_DONE || e->cur >= e->plan.n ? NULL : &e->plan.v[e->cur];
}

static inline const struct step *seg_step(const struct engine *e, const struct segment *s)
{
	return &e->r->steps[s->step];
}

static inline bool timed(const struct segment *s)
{
	return s && s->duration > 0;
}

/* Session ms the current segment has run, pauses excluded. */
static inline long long seg_elapsed(const struct engine *e, long long now)
{
	long long run = e->seg_run;
	if (!e->paused && e->input != INPUT_COUNT)
		run += now - e->run_since;
	return run < 0 ? 0 : run;
}

/* Reps a tempo set has counted after `run` ms of it (a self-paced set: the
 * presses). */
static inline int tempo_reps_done(const struct engine *e, const struct segment *s, long long run)
{
	long long rep = tempo_rep_ms(&seg_step(e, s)->tempo);
	if (!rep)
		return e->reps;
	long long n = run / rep;
	return n > s->target ? s->target : (int)n;
}

/* The index of the set a load key is about: the current segment when it
 * is a set, else the set that the current lead-in or rest leads to (the
 * step's next one).  plan.n when none with a load is at hand. */
static inline size_t load_set_at_hand(const struct engine *e)
{
	const struct segment *s = cur_seg(e);
	if (!s)
		return e->plan.n;
	size_t i = e->cur;
	if (s->kind == SEG_LEADIN || s->kind == SEG_REST)
		while (i < e->plan.n && e->plan.v[i].kind != SEG_SET &&
		       e->plan.v[i].step == s->step)
			i++;
	if (i >= e->plan.n || e->plan.v[i].kind != SEG_SET || e->plan.v[i].load == LOAD_NONE)
		return e->plan.n;
	return i;
}

/* Drop the segments of the plan before where a resume starts
 * (engine_resume.c). */
void engine_resume_cut(struct plan *p, const struct engine_resume *rs);

/* Say what changed, on screen and to cue commands (engine.c). */
void engine_set_cue(struct engine *e, const char *text);
/* engine_cue.c: the cue of segment `s` being entered (a step's first
 * names the step); and the notice of a raised load, from the lead-in of
 * its side's first set. */
void engine_cue_segment(struct engine *e, const struct segment *s, bool new_step);
void engine_load_up_notice(struct engine *e, const struct segment *s);

/* The log lines (engine_log.c). */
/* elog_record()'s count for a set skipped at its "how many?" prompt */
#define REPS_SKIP (-2)
void elog_begin(struct engine *e, enum log_event ev);
/* n= and name= of the segment's step */
void elog_step_fields(struct engine *e, const struct segment *s);
/* `measure=WORD` for a rating whose step says what it measures. */
void elog_measure(struct engine *e, const struct segment *s);
/* Ends the line and hands it to the sink. */
void elog_emit(struct engine *e);
/* What happened in the segment being left, at session time `at`: `reps`
 * the count for a set (-1 to work it out, REPS_SKIP for one skipped with
 * the count so far), `complete` whether it ran to its end.  An `ice` or
 * `spot` line is a part that ran to its end; one cut short is a skip. */
void elog_record(struct engine *e, long long at, int reps, bool complete);
/* A set that is not one: skipped, or cut off by quitting; `reps` is what
 * the tempo had counted. */
void elog_set_skip(struct engine *e, const struct segment *s, int reps, long long run);
/* The step's done line, when the current segment is its last. */
void elog_done_if_last(struct engine *e);

/* A segment in words: "LEFT set 2 of 3: 12 reps of ...". */
void engine_describe(const struct engine *e, const struct segment *s, char *out,
		     size_t outsz);

/* Spoken announcements (engine_say.c). */
void say_push(struct engine *e, enum say_kind kind, int bells, long long stale,
	      const char *fmt, ...) PRINTF_LIKE(5, 6);
/* Segment `idx` was just entered at session time `at` (deadline set). */
void say_enter(struct engine *e, size_t idx, long long at);
/* A tempo phase begins; it is over at session time `stale`. */
void say_phase(struct engine *e, enum tempo_phase p, long long stale);
/* A change of state (paused, resumed, a number asked for...). */
void say_state(struct engine *e, int bells, const char *text);
/* Milestones of long parts, and what comes after a rest, as time passes. */
void say_tick(struct engine *e, long long now);
/* + or - left `rem` ms of the current part: milestones ahead again are
 * said again, and what comes, announced too early now, is said again. */
void say_adjusted(struct engine *e, long long rem);
/* "Down", "Hold", "Up" */
const char *say_phase_word(enum tempo_phase p);

#endif
