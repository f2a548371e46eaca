/* routine.c: names of the model's enums, and freeing. */
#include "config.h"

#include "routine.h"

#include <stdlib.h>

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
