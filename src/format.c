/* format.c: the routine format's table (see format.h): what the loader
 * checks and what `recoup --schema` tells editors. */
#include "config.h"

#include "format.h"

#include "parse.h"

#define T(x) (1u << STEP_##x)
#define ALL_TYPES ((1u << STEP_TYPE_COUNT) - 1)
#define TIMED "A duration: 90s, 15m, 1m30s, 1:30, 1:00:00, or a number of seconds; 1 second to 4 hours."

const char *const format_key_words[K_COUNT] = {
#define X(id, word) [K_##id] = word,
	FORMAT_KEYS(X)
#undef X
};

const struct format_key_info format_keys[K_COUNT] = {
	[K_FORMAT] = {
		LEVEL_TOP, 0, 0, 0, V_FORMAT, 1, 1, NULL,
		"Format version",
		"The version of the routine format the file is written in. This recoup reads format 1; "
		"leave it out or write 1.",
	},
	[K_DESCRIPTION] = {
		LEVEL_TOP, 0, 0, 0, V_TEXT, 1, 2000, NULL,
		"Description",
		"What the routine is for, shown in the picker. One line of text, at most 2000 bytes.",
	},
	[K_DEFAULTS] = {
		LEVEL_TOP, 0, 0, 0, V_DEFAULTS, 0, 0, NULL,
		"Defaults for the steps",
		"Values every step takes unless it gives its own: side, rest and tempo.",
	},
	[K_STEPS] = {
		LEVEL_TOP, 0, LEVEL_TOP, 0, V_STEPS, 1, ROUTINE_MAX_STEPS, NULL,
		"Steps",
		"The steps of the routine, in the order they run. Each has a type and a name, and "
		"the keys of its type.",
	},
	[K_TYPE] = {
		LEVEL_STEP, ALL_TYPES, LEVEL_STEP, 0, V_TYPE, 0, 0, NULL,
		"Step type",
		"What kind of step: note (read and go on), rate (a rating 0 to 10), ice (a pack on, "
		"in rounds), massage (timed spots), reps (sets of repetitions) or timer (a countdown).",
	},
	[K_NAME] = {
		LEVEL_TOP | LEVEL_STEP | LEVEL_SPOT, ALL_TYPES,
		LEVEL_TOP | LEVEL_STEP | LEVEL_SPOT, 0, V_TEXT, 1, 200, NULL,
		"Name",
		"What it is called: the routine, the step or the spot. Shown on screen and written in "
		"the log; a step's name is also how its progression is known, so renaming a step "
		"starts it over. One line of text, at most 200 bytes.",
	},
	[K_CUE] = {
		LEVEL_STEP | LEVEL_SPOT, ALL_TYPES, 0, 0, V_TEXT, 1, 1000, NULL,
		"Cue",
		"A one-line reminder shown while the step (or spot) runs, and said when speech is on "
		"and there is time. Keep it short. At most 1000 bytes.",
	},
	[K_SIDE] = {
		LEVEL_DEFAULTS | LEVEL_STEP, T(ICE) | T(MASSAGE) | T(REPS) | T(TIMER), 0, 0,
		V_SIDE, 0, 0, NULL,
		"Side",
		"Which leg: left, right, both (left then right; for ice, both packs at once) or none "
		"(the default).",
	},
	[K_DURATION] = {
		LEVEL_STEP | LEVEL_SPOT, T(ICE) | T(TIMER) | T(MASSAGE), 0,
		T(ICE) | T(TIMER), V_DURATION, 0, 0, "a `duration`",
		"Duration",
		"How long: an ice round, a timer, or each massage spot that gives none of its own. "
		TIMED,
	},
	[K_ROUNDS] = {
		LEVEL_STEP, T(ICE), 0, 0, V_COUNT, 1, 100, NULL,
		"Ice rounds",
		"How many rounds of ice, 1 to 100 (default 1). More than one needs `off`.",
	},
	[K_OFF] = {
		LEVEL_STEP, T(ICE), 0, 0, V_DURATION, 0, 0, NULL,
		"Time off between rounds",
		"The time between ice rounds, pack off. " TIMED,
	},
	[K_SPOTS] = {
		LEVEL_STEP, T(MASSAGE), 0, T(MASSAGE), V_SPOTS, 1, 1000,
		"`spots`, the list of spots to work",
		"Massage spots",
		"The spots to work, in order, 1 to 1000: each a name, or a mapping with name, "
		"duration and cue. A spot without a duration takes its step's.",
	},
	[K_SETS] = {
		LEVEL_STEP, T(REPS), 0, 0, V_COUNT, 1, 100, NULL,
		"Sets",
		"How many sets, on each side, 1 to 100 (default 1).",
	},
	[K_REPS] = {
		LEVEL_STEP, T(REPS), 0, T(REPS), V_REPS, 1, REPS_MAX,
		"`reps`, a number like 12 or a range like 8-15",
		"Reps per set",
		"The reps in a set: a number like 12, or a range like 8-15 (1 to 1000, the first "
		"not above the second). A range aims at its top, or is progressed within.",
	},
	[K_PROGRESS] = {
		LEVEL_STEP, T(REPS), 0, 0, V_BOOL, 0, 0, NULL,
		"Progression",
		"true: each session's target follows from the last ones in the log, per leg, within "
		"the reps range or by adding load_step to the load, held by pain above 5.",
	},
	[K_TEMPO] = {
		LEVEL_DEFAULTS | LEVEL_STEP, T(REPS), 0, 0, V_TEMPO, 0, TEMPO_PHASE_MAX, NULL,
		"Tempo",
		"Seconds down, held and up for each rep, like 3-0-3 (each 0 to 60, not all 0), or "
		"self for reps counted at your own pace (the default).",
	},
	[K_REST] = {
		LEVEL_DEFAULTS | LEVEL_STEP, T(REPS), 0, 0, V_DURATION, 0, 0, NULL,
		"Rest between sets",
		"The rest after each set (default 60s). " TIMED,
	},
	[K_LOAD] = {
		LEVEL_STEP, T(REPS), 0, 0, V_LOAD, 0, LOAD_MAX, NULL,
		"Load (kg)",
		"The added load to start from, in kilograms: 0 to 1000, at most three decimals, "
		"like 0, 2.5 or 10 kg.",
	},
	[K_LOAD_STEP] = {
		LEVEL_TOP | LEVEL_STEP, T(REPS), 0, 0, V_LOAD, 1, LOAD_MAX, NULL,
		"Load step (kg)",
		"The kilograms progression adds at a time (default 2.5), for the routine at the top "
		"or for one reps step; more than 0.",
	},
	[K_MEASURE] = {
		LEVEL_STEP, T(RATE), 0, 0, V_MEASURE, 0, 0, NULL,
		"What the rating measures",
		"pain, tightness or stiffness. A pain rating feeds the pain-monitoring model: 0-3 "
		"fine, 4-5 acceptable, 6-10 back off.",
	},
	[K_SCHEDULE] = {
		LEVEL_TOP, 0, 0, 0, V_SCHEDULE, 0, 0, NULL,
		"Schedule",
		"When the routine is due: daily, twice daily, or a list of weekdays like [mon, wed, fri]. "
		"recoup --due and the picker say what is due and what was missed.",
	},
};

unsigned format_level_keys(enum format_level level)
{
	unsigned m = 0;
	for (int k = 0; k < K_COUNT; k++)
		if (format_keys[k].levels & level)
			m |= 1u << k;
	return m;
}

bool format_required(enum format_key key, enum format_level level)
{
	return (unsigned)key < K_COUNT && (format_keys[key].required & level);
}

const char *const format_schedule_words[] = { "daily", "twice daily", NULL };

const char *const format_type_descriptions[STEP_TYPE_COUNT] = {
	[STEP_NOTE] = "A note: its name and cue, shown until you go on.",
	[STEP_ICE] = "Ice: a pack on for duration, for rounds rounds with off between them.",
	[STEP_MASSAGE] = "Massage: a walk through timed spots.",
	[STEP_REPS] = "Reps: sets of repetitions per side, with rests, tempo, load and progression.",
	[STEP_TIMER] = "A countdown of duration.",
	[STEP_RATE] = "A rating from 0 to 10 (of pain, tightness or stiffness), typed and logged.",
};

const char format_title[] = "recoup routine";
const char format_description[] =
	"A recovery routine for recoup (format 1): its name and steps (notes, ratings, ice, "
	"massage, reps, timers). recoup --check FILE checks a file; recoup-routine(5) describes "
	"the format.";
