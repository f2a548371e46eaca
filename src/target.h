/* target.h: today's targets of a routine, per step and side, as
 * progression (progress.h) decides them from the log and as the plan, the
 * engine and the screens show them.  No curses, no I/O. */
#ifndef RECOUP_TARGET_H
#define RECOUP_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "routine.h"

/* One side of one reps step. */
struct side_target {
	int reps;           /* today's target; 0: the step's default
			     * (step_default_target()) */
	long load;          /* today's load in grams; LOAD_NONE when the step
			     * carries none */
	long load_before;   /* the load of the session before, when progression
			     * raised it for today (load_added), else LOAD_NONE */
	bool at_top;        /* the range's top reached with the gate open and
			     * no load to add: the prompt suggests adding load */
	bool load_added;    /* progression raised the load for today; the user
			     * may lower it back with a key */
	int reps_before;    /* with load_added: the target before the rise (the
			     * range's top), which the sets go back to when the
			     * user lowers the load to load_before; else 0 */
};

/* Index of side_target in a step_target: NONE, LEFT and RIGHT have one
 * each; BOTH is never asked for (a set is on one side). */
#define TARGET_SIDES 3

struct step_target {
	struct side_target side[TARGET_SIDES]; /* by enum side: NONE, LEFT, RIGHT */
};

/* The target of `side` (LEFT, RIGHT or NONE; anything else reads NONE's). */
static inline const struct side_target *target_side(const struct step_target *t,
						    enum side side)
{
	return &t->side[side == SIDE_LEFT || side == SIDE_RIGHT ? side : SIDE_NONE];
}

/* Defaults for every step of `r`: reps 0 (the step's default), the step's
 * own load, nothing suggested.  `t` holds r->nsteps entries. */
static inline void targets_default(struct step_target *t, const struct routine *r)
{
	for (size_t i = 0; i < r->nsteps; i++)
		for (int s = 0; s < TARGET_SIDES; s++)
			t[i].side[s] = (struct side_target){
				.reps = 0, .load = r->steps[i].load,
				.load_before = LOAD_NONE,
			};
}

#endif
