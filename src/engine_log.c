/* engine_log.c: the session's log lines, as the engine writes them: one
 * line an event, built in e->line and handed to the sink.  Every line ends
 * as logrec_whole() expects (tests/unit_engine.c checks it). */
#include "config.h"

#include "engine.h"

#include "engine_int.h"
#include "logfmt.h"
#include "parse.h"

void elog_begin(struct engine *e, enum log_event ev)
{
	struct timespec ts;
	e->clock.wall(e->clock.ctx, &ts);
	logline_begin(&e->line, &ts, e->sid, ev);
}

void elog_step_fields(struct engine *e, const struct segment *s)
{
	const struct step *st = seg_step(e, s);
	logline_int(&e->line, "n", (long long)s->step + 1);
	logline_str(&e->line, "name", st->name);
}

void elog_emit(struct engine *e)
{
	logline_end(&e->line);
	e->sink.line(e->sink.ctx, e->line.s, e->line.len);
}

/* What a rating measures, when its step says (`measure=pain`): readers
 * of old logs, and of ratings that do not say, find none. */
void elog_measure(struct engine *e, const struct segment *s)
{
	const struct step *st = seg_step(e, s);
	if (s->kind == SEG_RATE && st->measure != MEASURE_NONE)
		logline_str(&e->line, "measure", measure_word(st->measure));
}

void engine_warn(struct engine *e, const char *msg)
{
	elog_begin(e, LOG_WARN);
	logline_str(&e->line, "msg", msg);
	elog_emit(e);
}

/* A skip carries the keys its full line has (spot=, round= rounds=), so a
 * reader can match the redo of a part to the part left. */
static void log_skip_begin(struct engine *e, const struct segment *s, const char *what)
{
	elog_begin(e, LOG_SKIP);
	elog_step_fields(e, s);
	logline_str(&e->line, "what", what);
	if (s->kind == SEG_SPOT)
		logline_str(&e->line, "spot", seg_step(e, s)->spots[s->spot].name);
	if (s->kind == SEG_ICE_ON) {
		logline_int(&e->line, "round", s->round);
		logline_int(&e->line, "rounds", s->nrounds);
	}
	if (s->side != SIDE_NONE)
		logline_str(&e->line, "side", side_word(s->side));
	elog_measure(e, s);
}

static void log_skip(struct engine *e, const struct segment *s, const char *what,
		     long long run)
{
	log_skip_begin(e, s, what);
	if (s->duration)
		logline_secs(&e->line, "planned", s->duration);
	/* last, as on every skip line (logrec_whole()) */
	logline_secs(&e->line, "elapsed", run);
	elog_emit(e);
}

/* A set that is not one: skipped with no reps, or cut off by quitting
 * before its count was confirmed.  `reps` is what the tempo had counted. */
/* load= in kilograms, for a step with a load: after the counts, before
 * the times (elapsed= stays last). */
static void log_load(struct engine *e, const struct segment *s)
{
	if (s->load == LOAD_NONE)
		return;
	char kg[LOAD_TEXT_SIZE];
	load_format(kg, s->load);
	logline_str(&e->line, "load", kg);
}

void elog_set_skip(struct engine *e, const struct segment *s, int reps,
			 long long run)
{
	log_skip_begin(e, s, "set");
	logline_int(&e->line, "set", s->set);
	logline_int(&e->line, "sets", s->nsets);
	if (reps > 0)
		logline_int(&e->line, "reps", reps);
	log_load(e, s);
	if (s->duration)
		logline_secs(&e->line, "planned", s->duration);
	logline_secs(&e->line, "elapsed", run);
	elog_emit(e);
}

static void log_set(struct engine *e, const struct segment *s, int reps, long long run)
{
	const struct step *st = seg_step(e, s);
	if (reps <= 0) {
		elog_set_skip(e, s, 0, run);
		return;
	}
	elog_begin(e, LOG_SET);
	elog_step_fields(e, s);
	logline_str(&e->line, "side", side_word(s->side));
	logline_int(&e->line, "set", s->set);
	logline_int(&e->line, "sets", s->nsets);
	logline_int(&e->line, "target", s->target);
	logline_int(&e->line, "reps", reps);
	logline_int(&e->line, "min", st->reps.min);
	logline_int(&e->line, "max", st->reps.max);
	log_load(e, s);
	logline_secs(&e->line, "elapsed", run);
	elog_emit(e);
}

/* Record what happened in the segment being left.  `reps` is the count for
 * sets (-1 to work it out, REPS_SKIP for a set skipped with the count so
 * far), `complete` whether it ran to its end.  An `ice` or `spot` line is
 * a part that ran to its end: one cut short is a skip with its time. */
void elog_record(struct engine *e, long long at, int reps, bool complete)
{
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	const struct step *st = seg_step(e, s);
	long long run = seg_elapsed(e, at);
	e->step_run += run;
	switch (s->kind) {
	case SEG_ICE_ON:
		if (run <= 0 || !complete) {
			log_skip(e, s, "round", run);
			break;
		}
		elog_begin(e, LOG_ICE);
		elog_step_fields(e, s);
		logline_str(&e->line, "side", side_word(s->side));
		logline_int(&e->line, "round", s->round);
		logline_int(&e->line, "rounds", s->nrounds);
		logline_secs(&e->line, "planned", s->duration);
		logline_secs(&e->line, "elapsed", run);
		elog_emit(e);
		break;
	case SEG_SPOT:
		if (run <= 0 || !complete) {
			log_skip(e, s, "spot", run);
			break;
		}
		elog_begin(e, LOG_SPOT);
		elog_step_fields(e, s);
		logline_str(&e->line, "spot", st->spots[s->spot].name);
		logline_str(&e->line, "side", side_word(s->side));
		logline_secs(&e->line, "planned", s->duration);
		logline_secs(&e->line, "elapsed", run);
		elog_emit(e);
		break;
	case SEG_SET:
		if (reps == REPS_SKIP)
			elog_set_skip(e, s, e->reps, run);
		else
			log_set(e, s, reps >= 0 ? reps : tempo_reps_done(e, s, run), run);
		break;
	case SEG_TIMER:
	case SEG_REST:
	case SEG_ICE_OFF:
		if (!complete)
			log_skip(e, s, s->kind == SEG_TIMER ? "timer" : s->kind == SEG_REST ? "rest" : "off", run);
		break;
	case SEG_NOTE:
		if (!complete)
			log_skip(e, s, "note", run);
		break;
	case SEG_RATE:
		if (!complete)
			log_skip(e, s, "rate", run);
		break;
	default:
		break;
	}
}

/* Session ms the plan gives the step of segment `i`: its lead-ins, work
 * and rests, which lie together in the plan. */
static long long step_planned(const struct engine *e, size_t i)
{
	size_t step = e->plan.v[i].step, first = i, last = i;
	while (first > 0 && e->plan.v[first - 1].step == step)
		first--;
	while (last + 1 < e->plan.n && e->plan.v[last + 1].step == step)
		last++;
	return e->plan.v[last].offset + e->plan.v[last].duration - e->plan.v[first].offset;
}

void elog_done_if_last(struct engine *e)
{
	const struct segment *s = cur_seg(e);
	if (!s || (e->cur + 1 < e->plan.n && e->plan.v[e->cur + 1].step == s->step))
		return;
	const struct step *st = seg_step(e, s);
	elog_begin(e, LOG_DONE);
	logline_int(&e->line, "n", (long long)s->step + 1);
	logline_str(&e->line, "type", step_type_word(st->type));
	logline_str(&e->line, "name", st->name);
	long long planned = step_planned(e, e->cur);
	if (planned)
		logline_secs(&e->line, "planned", planned);
	logline_secs(&e->line, "elapsed", e->step_run);
	elog_emit(e);
}
