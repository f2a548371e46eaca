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

/* What a rating measures (`measure:` on a rate step); NONE when the step
 * does not say.  Pain is the input of the pain-monitoring model: 0-3 fine,
 * 4-5 acceptable, above 5 back off (zones.h). */
#define MEASURES(X) \
	X(NONE, "") \
	X(PAIN, "pain") \
	X(TIGHTNESS, "tightness") \
	X(STIFFNESS, "stiffness")

enum measure {
#define X(id, word) MEASURE_##id,
	MEASURES(X)
#undef X
	MEASURE_COUNT
};

const char *step_type_word(enum step_type t);
const char *side_word(enum side s);
/* The word of a measure ("" for NONE), and back (MEASURE_COUNT when the
 * word is none of them). */
const char *measure_word(enum measure m);
enum measure measure_from(const char *word);

/* The most steps a routine has (the loader refuses more). */
#define ROUTINE_MAX_STEPS 10000

/* Loads are kept in grams, so that 2.5 kg steps add up exactly. */
#define LOAD_NONE (-1L)
#define LOAD_STEP_DEFAULT 2500L

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
	long load;          /* reps: `load:` in grams, the first session's;
			     * LOAD_NONE when the step carries no load */
	long load_step;     /* reps: grams added when the range's top is
			     * reached (`load_step:`, the routine's, or
			     * LOAD_STEP_DEFAULT) */
	enum measure measure; /* rate: what it measures */
	int line, col;      /* where the step starts */
};

/* When a routine is due (`schedule:`, recoup-routine(5)): not said (no
 * day is due, and no day is missed), every day once or twice, or once on
 * some days of the week.  Twice daily means two sessions on the same
 * calendar day, at any times. */
enum schedule_kind { SCHEDULE_NONE, SCHEDULE_DAILY, SCHEDULE_WEEKDAYS };
struct schedule {
	enum schedule_kind kind;
	int per_day;        /* sessions due on a day it is due: 1 or 2 (NONE: 0) */
	unsigned weekdays;  /* WEEKDAYS: bit 0 Monday ... bit 6 Sunday */
};

struct routine {
	char *name;
	char *description;  /* may be NULL */
	char *file;         /* as given to routine_load() */
	struct step *steps;
	size_t nsteps;
	long load_step;     /* `load_step:` at the top, grams; LOAD_STEP_DEFAULT */
	struct schedule schedule; /* `schedule:`; kind NONE when not given */
};

/* The weekdays as a schedule writes them: short from Monday, then in
 * full, then NULL.  A weekday's word in a schedule ("mon" or "monday",
 * lowercase): 0 for Monday ... 6 for Sunday, -1 when it is none; and the
 * short word of one. */
extern const char *const schedule_weekday_words[15];
int schedule_weekday_of(const char *word);
const char *schedule_weekday_word(int weekday);
void routine_free(struct routine *r);

#endif
