/* engine_load.c: today's load, changed by the user during a session (a
 * backpack filled or emptied between sets).  The change is the plan's:
 * each set segment carries its load, which its `set` line logs. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "engine_int.h"
#include "parse.h"
#include "plan.h"

static void load_notice(struct engine *e, const char *text, const char *spoken)
{
	snprintf(e->notice, sizeof e->notice, "%s", text);
	engine_set_cue(e, e->notice);
	say_state(e, 1, spoken);
}

/* The target the side's remaining sets take at `grams`, or 0 to leave
 * them: progression raised the load and took the reps back to the bottom
 * for it; refusing the rise (the load back to where it was, or lower)
 * keeps the reps the user was at before it, and raising it again brings
 * back the new target. */
static int load_reps(const struct engine *e, const struct segment *s, long grams)
{
	const struct side_target *t = target_side(&e->targets[s->step], s->side);
	if (!t->load_added || t->load_before == LOAD_NONE || t->reps_before <= 0 || t->reps <= 0)
		return 0;
	int want = grams <= t->load_before ? t->reps_before : t->reps;
	return want != s->target ? want : 0;
}

/* The rise refused on one side (the load back to load_before) is refused
 * on the other side of the step too, where progression raised it alike
 * (one backpack for both legs) and its sets still carry the raised load:
 * one key, not one a side.  Returns whether there was such a side. */
static bool refuse_other_side(struct engine *e, size_t i, long grams)
{
	const struct segment *s = &e->plan.v[i];
	const struct side_target *t = target_side(&e->targets[s->step], s->side);
	enum side other = s->side == SIDE_LEFT ? SIDE_RIGHT : s->side == SIDE_RIGHT ? SIDE_LEFT
			  : SIDE_NONE;
	if (other == SIDE_NONE)
		return false;
	const struct side_target *o = target_side(&e->targets[s->step], other);
	if (!o->load_added || o->load_before != t->load_before || o->load != t->load ||
	    o->reps_before <= 0)
		return false;
	bool any = false;
	for (size_t j = i; j < e->plan.n && e->plan.v[j].step == s->step; j++) {
		struct segment *x = &e->plan.v[j];
		if (x->kind == SEG_SET && x->side == other && x->load == o->load) {
			x->load = grams;
			x->target = o->reps_before;
			any = true;
		}
	}
	return any;
}

/* Set the load of set `i` and of its step's later sets on its side. */
static bool load_change(struct engine *e, size_t i, long grams)
{
	struct segment *s = &e->plan.v[i];
	if (grams < 0)
		grams = 0;
	if (grams > LOAD_MAX)
		grams = LOAD_MAX;
	char kg[LOAD_TEXT_SIZE], text[200];
	load_format(kg, grams);
	if (grams == s->load) {
		snprintf(text, sizeof text, "The load is %s kg already%s", kg,
			 grams ? "" : " (bodyweight)");
		load_notice(e, text, text);
		return false;
	}
	int reps = load_reps(e, s, grams);
	for (size_t j = i; j < e->plan.n && e->plan.v[j].step == s->step; j++)
		if (e->plan.v[j].kind == SEG_SET && e->plan.v[j].side == s->side) {
			e->plan.v[j].load = grams;
			if (reps > 0)
				e->plan.v[j].target = reps;
		}
	const char *side = s->side == SIDE_LEFT ? ", left side" : s->side == SIDE_RIGHT ?
			   ", right side" : "";
	const struct side_target *t = target_side(&e->targets[s->step], s->side);
	bool both = reps > 0 && grams == t->load_before && refuse_other_side(e, i, grams);
	char spoken[64];
	if (reps > 0 && grams == t->load_before) {
		snprintf(text, sizeof text, "Load kept at %s kg: %d reps%s", kg, reps,
			 both ? ", both sides" : "");
	} else {
		int len = snprintf(text, sizeof text, "Load %s kg%s for the rest of %s%s", kg,
				   grams ? "" : " (bodyweight)", seg_step(e, s)->name, side);
		if (reps > 0 && len >= 0 && (size_t)len < sizeof text)
			snprintf(text + len, sizeof text - (size_t)len, ": %d reps", reps);
	}
	if (grams)
		snprintf(spoken, sizeof spoken, "Load %s kilograms", kg);
	else
		snprintf(spoken, sizeof spoken, "Bodyweight, no load");
	if (reps > 0)
		snprintf(spoken + strlen(spoken), sizeof spoken - strlen(spoken), ", %d reps", reps);
	load_notice(e, text, spoken);
	return true;
}

static size_t load_at_hand(struct engine *e)
{
	if (engine_guarded(e) || !cur_seg(e))
		return e->plan.n;
	size_t i = load_set_at_hand(e);
	if (i >= e->plan.n)
		load_notice(e, "No load here: l and L change the load of a set that has one",
			    "No load here");
	return i;
}

bool engine_load_step(struct engine *e, int dir)
{
	size_t i = load_at_hand(e);
	if (i >= e->plan.n)
		return false;
	const struct segment *s = &e->plan.v[i];
	long step = seg_step(e, s)->load_step > 0 ? seg_step(e, s)->load_step : LOAD_STEP_DEFAULT;
	return load_change(e, i, s->load + (dir < 0 ? -step : step));
}

bool engine_load_set(struct engine *e, long grams)
{
	size_t i = load_at_hand(e);
	return i < e->plan.n && load_change(e, i, grams);
}
