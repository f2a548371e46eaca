/* progress_rules.c: one session's decision for one side of one step
 * (progress_rules.h).  Pure: no I/O. */
#include "config.h"

#include "parse.h"
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
	return in->pain > PAIN_ACCEPTABLE_MAX;
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
	} else if (rs->has_load && s->load < LOAD_MAX) {
		d->verdict = RULE_LOAD;
		s->load_before = s->load;
		s->target_before = s->target;
		/* never above what a routine or the load key allows */
		s->load = s->load < LOAD_MAX - rs->load_step ? s->load + rs->load_step : LOAD_MAX;
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
	/* any rating above 5 blocks the rise, one before the loading too */
	if (in->pain_before > PAIN_ACCEPTABLE_MAX)
		return RULE_PAIN_BEFORE;
	if (in->morning >= 0 && in->morning_before >= 0 && in->morning > in->morning_before)
		return RULE_WORSE;
	return RULE_MET;
}

/* A rise not yet worked at is not kept: the next session is never harder
 * than the last one done. */
static void rule_undo(struct rule_state *s, struct rule_decision *d)
{
	if (s->target != s->done_target || s->load != s->done_load)
		d->undone = true;
	s->target = s->done_target;
	s->load = s->done_load;
	s->at_top = s->load_added = false;
	s->load_before = LOAD_NONE;
}

/* An objection (a bad session or a bad morning): the rise undone
 * (rule_undo()); the second in a row steps back. */
static void rule_objection(struct rule_state *s, const struct rule_step *rs,
			   struct rule_decision *d)
{
	rule_undo(s, d);
	d->streak = ++s->streak;
	if (s->streak >= 2) {
		d->verdict = RULE_BACK;
		rule_back(s, rs, d);
		s->streak = 0;
		s->done_target = s->target;
		s->done_load = s->load;
	}
}

struct rule_decision rule_checkin(struct rule_state *s, const struct rule_step *rs,
				  bool counted)
{
	struct rule_decision d = {
		.verdict = RULE_HOLD, .reason = RULE_MORNING, .bad = !counted,
		.target = s->target, .load = s->load, .streak = s->streak,
	};
	if (counted)
		rule_undo(s, &d);
	else
		rule_objection(s, rs, &d);
	d.next = s->target;
	d.next_load = s->load;
	return d;
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
		d.reason = RULE_PAIN;
		/* Pain is pain, with or without a set on this side */
		rule_objection(s, rs, &d);
	} else if (in->morning > PAIN_ACCEPTABLE_MAX) {
		/* held; the morning counts as bad once, at its own time
		 * (rule_checkin()), for every session it answers to */
		d.reason = RULE_MORNING;
		d.streak = s->streak;
	} else {
		d.reason = rule_sets_reason(rs, in, s->target);
		/* a pain before the session above 5 is no all-clear either */
		if (in->pain_before <= PAIN_ACCEPTABLE_MAX)
			s->streak = 0;
		d.streak = s->streak;
		if (d.reason == RULE_MET)
			rule_up(s, rs, &d);
		else if (in->evidence)
			s->at_top = false;
	}
	d.next = s->target;
	d.next_load = s->load;
	return d;
}
