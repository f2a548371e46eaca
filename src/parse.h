/* parse.h: the small value grammars of a routine file: durations, rep
 * ranges and tempos.  Pure functions, no I/O, so tests can hammer them. */
#ifndef RECOUP_PARSE_H
#define RECOUP_PARSE_H

#include <stdbool.h>

#define DURATION_MIN_MS 1000LL
#define DURATION_MAX_MS (4LL * 3600 * 1000)
/* The most reps in a set, and seconds in a phase of a tempo. */
#define REPS_MAX 1000
#define TEMPO_PHASE_MAX 60

/* "90s", "15m", "2h", "1m30s", "1h 5m", "1:30", "1:05:00" or bare seconds
 * "90".  Stores milliseconds.  Returns false on a malformed value; the range
 * is the caller's business: a number of any length is well formed, one
 * too long for every range being stored as 999999999999 of its unit. */
bool duration_parse(const char *s, long long *ms);

/* "N" or "MIN-MAX" (spaces around '-' allowed), whole numbers >= 1. */
struct rep_range {
	int min, max;
};
/* Returns NULL on success, or a static message saying what is wrong. */
const char *range_parse(const char *s, struct rep_range *r);

/* "D-H-U" seconds (each 0..60, not all zero) or "self". */
struct tempo {
	bool self;
	int down, hold, up;
};
const char *tempo_parse(const char *s, struct tempo *t);
/* Length of one rep in milliseconds (0 for self-paced). */
long long tempo_rep_ms(const struct tempo *t);

/* A whole number with optional sign, no junk; false when out of long range. */
bool int_parse(const char *s, long *out);
/* The same, but a number out of long range is clamped to LONG_MIN or
 * LONG_MAX, for callers that report it as out of their own range. */
bool int_parse_clamped(const char *s, long *out);
/* A load in kilograms, "12.5", "0", "2.25", optionally followed by "kg"
 * (with or without a space), 0 to 1000 kg, at most three decimals: stored
 * in grams.  Returns NULL on success, or a static message. */
const char *load_parse(const char *s, long *grams);
/* The heaviest load, in grams (1000 kg): what load_parse() takes, what a
 * user's key and progression's rises stop at. */
#define LOAD_MAX 1000000L
/* Grams written as kilograms, as short as exact: "12.5", "0", "2.25". */
#define LOAD_TEXT_SIZE 24
void load_format(char out[LOAD_TEXT_SIZE], long grams);

/* true/false/yes/no/on/off, any case: bool_words, three for true, then
 * three for false, then NULL. */
extern const char *const bool_words[7];
bool bool_parse(const char *s, bool *out);

#endif
