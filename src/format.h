/* format.h: the routine format (format 1), described once.  Every key,
 * the levels it goes at (the routine, `defaults`, a step, a spot), the
 * step types that take it, what its value is (kind, range, words), where
 * it is required, and a title and description for people.  The loader
 * (loader.c) checks files against this table and `recoup --schema`
 * (schema.c) writes it out as a JSON Schema for editors, so the two
 * cannot disagree.  The value grammars themselves are parse.c's. */
#ifndef RECOUP_FORMAT_H
#define RECOUP_FORMAT_H

#include "routine.h"

#define FORMAT_KEYS(X) \
	X(FORMAT, "format") \
	X(DESCRIPTION, "description") \
	X(DEFAULTS, "defaults") \
	X(STEPS, "steps") \
	X(TYPE, "type") \
	X(NAME, "name") \
	X(CUE, "cue") \
	X(SIDE, "side") \
	X(DURATION, "duration") \
	X(ROUNDS, "rounds") \
	X(OFF, "off") \
	X(SPOTS, "spots") \
	X(SETS, "sets") \
	X(REPS, "reps") \
	X(PROGRESS, "progress") \
	X(TEMPO, "tempo") \
	X(REST, "rest") \
	X(LOAD, "load") \
	X(LOAD_STEP, "load_step") \
	X(MEASURE, "measure") \
	X(SCHEDULE, "schedule")

enum format_key {
#define X(id, word) K_##id,
	FORMAT_KEYS(X)
#undef X
	K_COUNT
};

/* The kinds of mapping a key can be in. */
enum format_level {
	LEVEL_TOP = 1,          /* the routine itself */
	LEVEL_DEFAULTS = 2,     /* `defaults:` */
	LEVEL_STEP = 4,         /* a step of `steps:` */
	LEVEL_SPOT = 8,         /* a spot of `spots:`, as a mapping */
};

enum value_kind {
	V_FORMAT,       /* the format's number: 1 */
	V_TEXT,         /* one line of text, 1 to `hi` bytes */
	V_DURATION,     /* 90s, 15m, 1m30s, 1:30, 1:00:00 or 90 (seconds) */
	V_COUNT,        /* a whole number, `lo` to `hi` */
	V_BOOL,         /* true or false (yes/no, on/off) */
	V_TYPE,         /* a step type: step_type_word() */
	V_SIDE,         /* side_word() */
	V_MEASURE,      /* measure_word(), not NONE */
	V_REPS,         /* N or MIN-MAX, each `lo` to `hi` */
	V_TEMPO,        /* down-hold-up seconds, or self */
	V_LOAD,         /* kilograms, `lo` (grams) to LOAD_MAX */
	V_SCHEDULE,     /* daily, twice daily, or a list of weekdays */
	V_DEFAULTS,     /* the `defaults:` mapping */
	V_STEPS,        /* a list of steps, `lo` to `hi` */
	V_SPOTS,        /* a list of spots, `lo` to `hi` */
};

struct format_key_info {
	unsigned levels;        /* enum format_level: where it goes */
	unsigned types;         /* at a step: the step types that take it */
	unsigned required;      /* enum format_level: where it must be given */
	unsigned required_types;/* at a step: the types that must give it */
	enum value_kind kind;
	long lo, hi;            /* the range, as its kind says */
	const char *needs;      /* for "an ice step needs ...", when required */
	const char *title;      /* a few words */
	const char *description;/* a sentence or three, for editors' hovers */
};

/* Each key's word (from FORMAT_KEYS), and what the format says of it. */
extern const char *const format_key_words[K_COUNT];
extern const struct format_key_info format_keys[K_COUNT];

/* The keys of a level, as a mask of 1 << key. */
unsigned format_level_keys(enum format_level level);
/* Whether `key` is required at `level` (for a step, of any type). */
bool format_required(enum format_key key, enum format_level level);

/* The words of the schedule's scalar form, NULL-terminated (its list
 * form's weekdays: routine.h's schedule_weekday_words). */
extern const char *const format_schedule_words[];

/* What each step type is, for people (indexed by enum step_type). */
extern const char *const format_type_descriptions[STEP_TYPE_COUNT];

/* The routine as a whole: a title and a description. */
extern const char format_title[];
extern const char format_description[];

#endif
