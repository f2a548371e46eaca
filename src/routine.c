/* routine.c: names of the model's enums, and freeing. */
#include "config.h"

#include "routine.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_words[] = {
#define X(id, word) word,
	STEP_TYPES(X)
#undef X
};

static const char *const side_words[] = {
#define X(id, word) word,
	SIDES(X)
#undef X
};

static const char *const measure_words[] = {
#define X(id, word) word,
	MEASURES(X)
#undef X
};

const char *measure_word(enum measure m)
{
	return (unsigned)m < MEASURE_COUNT ? measure_words[m] : "";
}

enum measure measure_from(const char *word)
{
	for (int i = 1; i < MEASURE_COUNT; i++)
		if (!strcmp(word, measure_words[i]))
			return (enum measure)i;
	return MEASURE_COUNT;
}

const char *step_type_word(enum step_type t)
{
	return (unsigned)t < STEP_TYPE_COUNT ? type_words[t] : "?";
}

const char *side_word(enum side s)
{
	return (unsigned)s < SIDE_COUNT ? side_words[s] : "?";
}

void routine_free(struct routine *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nsteps; i++) {
		struct step *st = &r->steps[i];
		free(st->name);
		free(st->cue);
		for (size_t j = 0; j < st->nspots; j++) {
			free(st->spots[j].name);
			free(st->spots[j].cue);
		}
		free(st->spots);
	}
	free(r->steps);
	free(r->name);
	free(r->description);
	free(r->file);
	free(r);
}

/* The days of the week as a schedule writes them, Monday first, short
 * and in full. */
const char *const schedule_weekday_words[15] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};

int schedule_weekday_of(const char *word)
{
	for (int i = 0; i < 14; i++)
		if (!strcmp(word, schedule_weekday_words[i]))
			return i % 7;
	return -1;
}

const char *schedule_weekday_word(int i)
{
	return i >= 0 && i < 7 ? schedule_weekday_words[i] : "";
}
