/* engine_int.h: what engine.c and engine_view.c share inside the engine;
 * no front end includes it. */
#ifndef RECOUP_ENGINE_INT_H
#define RECOUP_ENGINE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

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

/* A segment in words: "LEFT set 2 of 3: 12 reps of ...". */
void engine_describe(const struct engine *e, const struct segment *s, char *out,
		     size_t outsz);

#endif
