/* progress_rules.c: one session's decision for one side of one step
 * (progress_rules.h).  Pure: no I/O. */
#include "config.h"

#include "progress_rules.h"

bool rule_step_has(const struct step *st)
{
	return st->type == STEP_REPS && (st->progress || st->load != LOAD_NONE);
}

void rule_step_of(struct rule_step *rs, const struct step *st)
{
	*rs = (struct rule_step){
		/* without progress a range aims at its top: only load moves */
		.min = st->progress ? st->reps.min : st->reps.max,
		.max = st->reps.max,
		.sets = st->sets > 0 ? st->sets : 1,
		.has_load = st->load != LOAD_NONE,
		.load = st->load != LOAD_NONE && st->load > 0 ? st->load : 0,
		.load_step = st->load_step > 0 ? st->load_step : LOAD_STEP_DEFAULT,
	};
	if (rs->min < 1)
		rs->min = 1;
	if (rs->max < rs->min)
		rs->max = rs->min;
}

void rule_init(struct rule_state *s, const struct rule_step *rs)
{
	*s = (struct rule_state){
		.target = rs->min, .load = rs->has_load ? rs->load : LOAD_NONE,
		.load_before = LOAD_NONE,
	};
	s->done_target = s->target;
	s->done_load = s->load;
}

bool rule_bad(const struct rule_session *in)
{
	return in->pain > RULE_PAIN_LIMIT ||
	       (in->morning > RULE_PAIN_LIMIT && !in->morning_later);
}

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* What the session actually did resets the state: we follow the log, a
 * load the user refused included. */
static void rule_follow(struct rule_state *s, const struct rule_step *rs,
			const struct rule_session *in)
{
	/* a range changed since: the old target pulled inside the new one */
	if (in->target > 0)
		s->target = clamp_int(in->target, rs->min, rs->max);
	if (rs->has_load)
		s->load = in->load != LOAD_NONE && in->load >= 0 ? in->load : rs->load;
	s->at_top = s->load_added = false;
	s->load_before = LOAD_NONE;
	s->done_target = s->target;
	s->done_load = s->load;
}

/* One step back: a rep, or at the bottom the load, never below 0. */
static void rule_back(struct rule_state *s, const struct rule_step *rs,
		      struct rule_decision *d)
{
	if (s->target > rs->min)
		s->target--;
	else if (rs->has_load && s->load > 0)
		s->load = s->load > rs->load_step ? s->load - rs->load_step : 0;
	else
		d->at_bottom = true;
}

/* The gate is open and every set reached the target: up, or load. */
static void rule_up(struct rule_state *s, const struct rule_step *rs,
		    struct rule_decision *d)
{
	if (s->target < rs->max) {
		d->verdict = RULE_UP;
		s->target++;
	} else if (rs->has_load) {
		d->verdict = RULE_LOAD;
		s->load_before = s->load;
		s->load += rs->load_step;
		s->target = rs->min;
		s->load_added = true;
	} else {
		d->verdict = RULE_TOP;
		s->at_top = true;
	}
}

static enum rule_reason rule_sets_reason(const struct rule_step *rs,
					 const struct rule_session *in, int target)
{
	if (!in->evidence)
		return RULE_NONE;
	/* a step that has fewer sets now than then: the sets it has */
	if (in->done < rs->sets)
		return RULE_MISSING;
	if (in->least < target)
		return RULE_SHORT;
	if (in->morning >= 0 && in->morning_before >= 0 && in->morning > in->morning_before)
		return RULE_WORSE;
	return RULE_MET;
}

struct rule_decision rule_apply(struct rule_state *s, const struct rule_step *rs,
				const struct rule_session *in)
{
	struct rule_decision d = { .verdict = RULE_HOLD };
	if (in->evidence)
		rule_follow(s, rs, in);
	d.target = s->target;
	d.load = s->load;
	d.bad = rule_bad(in);
	if (d.bad) {
		d.reason = in->pain > RULE_PAIN_LIMIT ? RULE_PAIN : RULE_MORNING;
		/* Pain is pain, with or without a set on this side; and a rise
		 * not yet worked at is not kept after a bad session: the next
		 * one is never harder than the last one done. */
		if (s->target != s->done_target || s->load != s->done_load)
			d.undone = true;
		s->target = s->done_target;
		s->load = s->done_load;
		s->at_top = s->load_added = false;
		s->load_before = LOAD_NONE;
		d.streak = ++s->streak;
		if (s->streak >= 2) {
			d.verdict = RULE_BACK;
			rule_back(s, rs, &d);
			s->streak = 0;
			s->done_target = s->target;
			s->done_load = s->load;
		}
	} else if (in->morning > RULE_PAIN_LIMIT) {
		/* twice a day: one bad morning is one objection, the evening's;
		 * the morning session's rise is not taken either */
		d.reason = RULE_MORNING;
		d.streak = s->streak;
	} else {
		s->streak = 0;
		d.reason = rule_sets_reason(rs, in, s->target);
		if (d.reason == RULE_MET)
			rule_up(s, rs, &d);
		else if (in->evidence)
			s->at_top = false;
	}
	d.next = s->target;
	d.next_load = s->load;
	return d;
}
