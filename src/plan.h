/* plan.h: the expansion of a routine into segments, the one timeline that
 * both `--plan` prints and the session engine runs.  No curses. */
#ifndef RECOUP_PLAN_H
#define RECOUP_PLAN_H

#include <stddef.h>
#include <stdio.h>

#include "routine.h"

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
	int target;         /* reps: today's target for the set */
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

/* Today's rep target for each step (targets[i] for step i; 0 or a NULL
 * array means the default: the range's top, or its bottom with progress). */
void plan_build(struct plan *p, const struct routine *r, long long lead_in_ms,
		const int *targets);
void plan_free(struct plan *p);

/* Default target for a reps step when the log says nothing. */
int step_default_target(const struct step *st);

/* One line in words, e.g. "LEFT set 2 of 3: 12 reps at 2-0-1". */
void segment_describe(const struct routine *r, const struct segment *s,
		      char *out, size_t outsz);

/* The `--plan` listing. */
void plan_print(FILE *out, const struct routine *r, const struct plan *p);

#endif
