/* routine.h: the in-memory model of a routine file (format 1).  Built by
 * routine_load() in loader.c, owned by the caller, freed by routine_free().
 * No curses, no YAML types: the engine and the plan only see this. */
#ifndef RECOUP_ROUTINE_H
#define RECOUP_ROUTINE_H

#include <stdbool.h>
#include <stddef.h>

#include "parse.h"

/* X-macro tables keep names, words and counts in one place. */
#define STEP_TYPES(X) \
	X(NOTE, "note") \
	X(ICE, "ice") \
	X(MASSAGE, "massage") \
	X(REPS, "reps") \
	X(TIMER, "timer") \
	X(RATE, "rate")

enum step_type {
#define X(id, word) STEP_##id,
	STEP_TYPES(X)
#undef X
	STEP_TYPE_COUNT
};

#define SIDES(X) \
	X(NONE, "none") \
	X(LEFT, "left") \
	X(RIGHT, "right") \
	X(BOTH, "both")

enum side {
#define X(id, word) SIDE_##id,
	SIDES(X)
#undef X
	SIDE_COUNT
};

const char *step_type_word(enum step_type t);
const char *side_word(enum side s);

struct spot {
	char *name;
	char *cue;          /* may be NULL */
	long long duration; /* ms */
	int line, col;
};

struct step {
	enum step_type type;
	char *name;
	char *cue;          /* may be NULL */
	enum side side;
	long long duration; /* ms: ice round, timer; 0 when not timed */
	int rounds;         /* ice: 1 or more */
	long long off;      /* ice: ms between rounds */
	struct spot *spots; /* massage */
	size_t nspots;
	int sets;           /* reps */
	struct rep_range reps;
	bool progress;
	struct tempo tempo;
	long long rest;     /* reps: ms between sets */
	int line, col;      /* where the step starts */
};

struct routine {
	char *name;
	char *description;  /* may be NULL */
	char *file;         /* as given to routine_load() */
	struct step *steps;
	size_t nsteps;
};

void routine_free(struct routine *r);

#endif
