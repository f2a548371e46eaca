/* tests/targets_one.h: progression's targets read as one number per step,
 * the lowest of the sides the log has sets on (or of the step's own
 * sides), for the tests that predate per-side targets (unit_history.c,
 * the log fuzzer): progress_replay() under the old interface. */
#ifndef RECOUP_TESTS_TARGETS_ONE_H
#define RECOUP_TESTS_TARGETS_ONE_H

#include <stdbool.h>
#include <stdlib.h>

#include "progress.h"
#include "util.h"

/* Which sides of each step the log had sets on. */
static inline void seen_side(void *ctx, const struct progress_event *e)
{
	unsigned *seen = ctx;
	if (e->in->evidence)
		seen[e->step] |= 1u << e->side;
}

/* One target per step: the lowest of the sides the log has sets on (or
 * of the step's own sides), at the top when all of them are. */
static inline void targets_one(const struct routine *r, const struct step_target *t,
			const unsigned *seen, int *targets, bool *at_top)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *st = &r->steps[i];
		unsigned sides = seen[i];
		if (!sides)
			sides = st->side == SIDE_BOTH ? 1u << SIDE_LEFT | 1u << SIDE_RIGHT
				: 1u << (st->side == SIDE_LEFT || st->side == SIDE_RIGHT ?
					 st->side : SIDE_NONE);
		int reps = 0;
		bool top = true;
		for (int sd = 0; sd < TARGET_SIDES; sd++)
			if (sides & 1u << sd) {
				const struct side_target *s = &t[i].side[sd];
				if (!reps || s->reps < reps)
					reps = s->reps;
				top = top && s->at_top;
			}
		/* the old rule: steps with progress only */
		bool prog = st->type == STEP_REPS && st->progress;
		targets[i] = prog ? reps : 0;
		if (at_top)
			at_top[i] = prog && top;
	}
}

static inline const char *targets_old(const char *log_path, const char *const *lines, size_t n,
			       const struct routine *r, int *targets, bool *at_top)
{
	struct step_target *t = xcalloc(r->nsteps + 1, sizeof *t);
	unsigned *seen = xcalloc(r->nsteps + 1, sizeof *seen);
	const char *kind = progress_replay(log_path, lines, n, r, t, seen_side, seen);
	targets_one(r, t, seen, targets, at_top);
	free(seen);
	free(t);
	return kind;
}

static inline const char *history_targets(const char *log_path, const struct routine *r,
			    int *targets, bool *at_top)
{
	return targets_old(log_path, NULL, 0, r, targets, at_top);
}

static inline void history_targets_lines(const char *const *lines, size_t n, const struct routine *r,
			   int *targets, bool *at_top)
{
	targets_old(NULL, lines, n, r, targets, at_top);
}

#endif
