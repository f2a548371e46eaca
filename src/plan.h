/* plan.h: the expansion of a routine into segments, the one timeline that
 * both `--plan` prints and the session engine runs.  No curses. */
#ifndef RECOUP_PLAN_H
#define RECOUP_PLAN_H

#include <stddef.h>
#include <stdio.h>

#include "routine.h"
#include "target.h"

#define SEG_KINDS(X) \
	X(NOTE, "note") \
	X(LEADIN, "lead-in") \
	X(ICE_ON, "ice on") \
	X(ICE_OFF, "ice off") \
	X(SPOT, "spot") \
	X(TIMER, "timer") \
	X(SET, "set") \
	X(REST, "rest") \
	X(RATE, "rate")

enum seg_kind {
#define X(id, word) SEG_##id,
	SEG_KINDS(X)
#undef X
	SEG_KIND_COUNT
};

const char *seg_kind_word(enum seg_kind k);

struct segment {
	enum seg_kind kind;
	size_t step;        /* index into the routine's steps */
	enum side side;     /* LEFT or RIGHT for one side; NONE, or BOTH for ice */
	int set, nsets;     /* reps: 1-based */
	int round, nrounds; /* ice: 1-based */
	int spot;           /* massage: index into the step's spots, else -1 */
	int target;         /* reps: today's target for the set, its side's */
	long load;          /* reps: today's load for the set in grams, its
			     * side's; LOAD_NONE when the step carries none.
			     * The engine changes it when the user does. */
	long long duration; /* ms; 0 for untimed parts (notes, ratings, self-paced sets) */
	long long offset;   /* planned start in ms, counting timed parts only */
};

struct plan {
	struct segment *v;
	size_t n, cap;
	long long total;    /* ms of timed parts */
	size_t prompts;     /* notes and ratings */
	size_t self_sets;   /* self-paced sets */
};

/* Today's targets for each step and side (targets[i] for step i, as
 * progress_targets() gives them): each set takes its side's reps (0, or a
 * NULL array, means the default: the range's top, or its bottom with
 * progress) and load (a NULL array: the step's own `load:`). */
void plan_build(struct plan *p, const struct routine *r, long long lead_in_ms,
		const struct step_target *targets);
void plan_free(struct plan *p);

/* Default target for a reps step when the log says nothing. */
int step_default_target(const struct step *st);

/* A set's load in words: "7.5 kg", or "bodyweight" for 0; "" for
 * LOAD_NONE. */
#define LOAD_WORDS_SIZE 32
void load_words(char out[LOAD_WORDS_SIZE], long grams);

/* Targets of a reps step in words, per side where the sides differ:
 * "12 reps", "10 reps each side", "left 10, right 12 reps", each with
 * its load: "15 reps each side, 7.5 kg", "left 15 reps, 5 kg; right 15
 * reps, 7.5 kg".  `t` NULL: the step's defaults. */
void targets_words(char *out, size_t outsz, const struct step *st,
		   const struct step_target *t);

/* One line in words, e.g. "LEFT set 2 of 3: 12 reps at 2-0-1", and
 * "LEFT set 1 of 3: 15 reps (7.5 kg) at 3-0-1" for a step with load. */
void segment_describe(const struct routine *r, const struct segment *s,
		      char *out, size_t outsz);

/* The `--plan` listing: the timeline, then today's targets of each reps
 * step that progresses or carries a load, per side ("Heel drop: left 10,
 * right 12 reps; 7.5 kg"), with what progression suggests.  `targets` as
 * for plan_build(), or NULL. */
void plan_print(FILE *out, const struct routine *r, const struct plan *p,
		const struct step_target *targets);

#endif
