/* progress.c: today's targets from the log (progress.h).  The log is read
 * through the model (logmodel.h), keeping of each of this routine's
 * sessions only a small record (its time, its highest pain before and
 * after the loading began, and per step and side the first set's target,
 * the lowest load, the sets done and the fewest reps), and of each
 * check-in its pain.  The records are put in time order and replayed
 * through the rules (progress_rules.h): sessions and bad mornings alike,
 * each at its own time. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "progress.h"
#include "util.h"

/* A step progression decides. */
struct prog_rule {
	size_t step;
	struct rule_step rs;
	bool shared_name;   /* another step has its name: match `n` too */
};

/* What one session showed for one side of one rule's step. */
struct prog_ev {
	bool evidence;
	int target, done, least;
	long load;          /* the lowest of the sets (LOAD_NONE: none logged) */
	bool load_lowered;  /* the sets' loads differed */
};

struct prog_rec {
	struct lm_session head; /* times and ids; its pointers cleared */
	int pain;           /* session: highest pain rating after the loading
			     * began; check-in: pain */
	int pain_before;    /* session: highest pain rated before it */
	char *pain_name, *before_name; /* the steps that rated them */
	bool superseded;    /* check-in: a later one the same day corrects it */
	struct prog_ev *ev; /* session: nrules x TARGET_SIDES */
};

struct prog_read {
	const struct routine *r;
	char *id;           /* the routine's file name without .yaml */
	struct prog_rule *rules;
	size_t nrules;
	int first_reps;     /* the routine's first reps step, 1-based n */
	struct prog_rec *v;
	size_t n, cap;
};

/* Only this routine's sessions, practice left out (it proves nothing
 * about the legs); another routine may have an exercise of the same name,
 * with other sets and ranges. */
static bool prog_want(void *ctx, const struct lm_session *head)
{
	const struct prog_read *pr = ctx;
	return !head->practice && lm_of_routine(head, pr->r->name, pr->id);
}

static struct prog_rec *prog_push(struct prog_read *pr, const struct lm_session *s)
{
	pr->v = xgrow(pr->v, &pr->cap, pr->n + 1, sizeof *pr->v);
	struct prog_rec *rec = &pr->v[pr->n++];
	memset(rec, 0, sizeof *rec);
	rec->head = *s;
	rec->head.routine = "";
	rec->head.id = rec->head.file = NULL;
	rec->head.sets = NULL;
	rec->head.rates = NULL;
	rec->head.parts = NULL;
	rec->head.values = NULL;
	rec->head.nsets = rec->head.nrates = rec->head.nparts = rec->head.nvalues = 0;
	return rec;
}

static bool set_of_rule(const struct lm_set *set, const struct prog_rule *ru,
			const struct routine *r)
{
	return !set->skipped && !strcmp(set->name, r->steps[ru->step].name) &&
	       (!ru->shared_name || set->n == (int)ru->step + 1);
}

static void prog_evidence(struct prog_read *pr, struct prog_rec *rec,
			  const struct lm_session *s)
{
	rec->ev = xcalloc(pr->nrules * TARGET_SIDES + 1, sizeof *rec->ev);
	for (size_t k = 0; k < pr->nrules; k++)
		for (size_t i = 0; i < s->nsets; i++) {
			const struct lm_set *set = &s->sets[i];
			if (!set_of_rule(set, &pr->rules[k], pr->r))
				continue;
			/* a redone set is one set already (the model's last
			 * line wins) */
			struct prog_ev *ev = &rec->ev[k * TARGET_SIDES + set->side];
			if (!ev->evidence) {
				*ev = (struct prog_ev){
					.evidence = true, .target = set->target,
					.load = set->load, .least = set->reps,
				};
			} else {
				if (set->reps < ev->least)
					ev->least = set->reps;
				/* a load lowered during the session: the sets
				 * were done at the lowest */
				if (set->load != LOAD_NONE && set->load != ev->load) {
					ev->load_lowered = ev->load != LOAD_NONE;
					if (ev->load == LOAD_NONE || set->load < ev->load)
						ev->load = set->load;
				}
			}
			ev->done++;
		}
}

/* What a rating measures: its `measure=`, or in a log from before
 * measures were logged, the routine's step of that number and name. */
static enum measure rate_measure(const struct routine *r, const struct lm_rate *rt)
{
	if (rt->measure != MEASURE_NONE)
		return rt->measure;
	if (rt->n < 1 || (size_t)rt->n > r->nsteps)
		return MEASURE_NONE;
	const struct step *st = &r->steps[rt->n - 1];
	return st->type == STEP_RATE && !strcmp(st->name, rt->name) ? st->measure
								    : MEASURE_NONE;
}

/* The session's highest pain before the loading began (a rating whose
 * step comes before the routine's first reps step) and after it. */
static void prog_pain(struct prog_read *pr, struct prog_rec *rec, const struct lm_session *s)
{
	rec->pain = rec->pain_before = -1;
	for (size_t i = 0; i < s->nrates; i++) {
		const struct lm_rate *rt = &s->rates[i];
		if (rt->value < 0 || rate_measure(pr->r, rt) != MEASURE_PAIN)
			continue;
		bool before = pr->first_reps > 0 && rt->n < pr->first_reps;
		int *max = before ? &rec->pain_before : &rec->pain;
		char **name = before ? &rec->before_name : &rec->pain_name;
		if (rt->value > *max) {
			*max = rt->value;
			free(*name);
			*name = xstrdup(rt->name);
		}
	}
}

static void prog_session(void *ctx, const struct lm_session *s)
{
	struct prog_read *pr = ctx;
	if (s->kind == LM_CHECKIN) {
		int pain = lm_value_of(s, "pain");
		if (pain >= 0)
			prog_push(pr, s)->pain = pain;
		return;
	}
	struct prog_rec *rec = prog_push(pr, s);
	prog_pain(pr, rec, s);
	prog_evidence(pr, rec, s);
}

static int rec_cmp(const void *a, const void *b)
{
	const struct prog_rec *x = a, *y = b;
	return lm_before(&x->head, &y->head) ? -1 : lm_before(&y->head, &x->head) ? 1 : 0;
}

/* The check-ins (in time order) around the session: the next morning's,
 * the last one on the day after its own (by the stamps' own dates: a
 * second check-in that morning corrects the first), and the last one on
 * its own day before it. */
static void mornings(const struct prog_rec *const *ck, size_t nck,
		     const struct prog_rec *s, const struct prog_rec **after,
		     const struct prog_rec **before)
{
	size_t lo = 0, hi = nck;
	while (lo < hi) { /* the first check-in not before the session */
		size_t mid = lo + (hi - lo) / 2;
		if (lm_before(&ck[mid]->head, &s->head))
			lo = mid + 1;
		else
			hi = mid;
	}
	*after = *before = NULL;
	for (size_t i = lo; i < nck && ck[i]->head.day <= s->head.day + 1; i++)
		if (ck[i]->head.day == s->head.day + 1)
			*after = ck[i];
	for (size_t i = lo; i-- > 0 && ck[i]->head.day >= s->head.day;)
		if (ck[i]->head.day == s->head.day) {
			*before = ck[i];
			break;
		}
}

/* The session a morning check-in answers to: the last one of the day
 * before (a session of the same morning before it does not), or NULL.
 * `i` is the check-in's index in the records. */
static const struct prog_rec *morning_of(const struct prog_read *pr, size_t i)
{
	long day = pr->v[i].head.day - 1;
	while (i-- > 0) {
		const struct prog_rec *rec = &pr->v[i];
		if (rec->head.kind != LM_SESSION || rec->head.day > day)
			continue;
		return rec->head.day < day ? NULL : rec;
	}
	return NULL;
}

static void prog_rules(struct prog_read *pr)
{
	const struct routine *r = pr->r;
	pr->rules = xcalloc(r->nsteps + 1, sizeof *pr->rules);
	for (size_t i = 0; i < r->nsteps; i++)
		if (r->steps[i].type == STEP_REPS && !pr->first_reps)
			pr->first_reps = (int)i + 1;
	for (size_t i = 0; i < r->nsteps; i++) {
		if (!rule_step_has(&r->steps[i]))
			continue;
		struct prog_rule *ru = &pr->rules[pr->nrules++];
		ru->step = i;
		rule_step_of(&ru->rs, &r->steps[i]);
		for (size_t j = 0; j < r->nsteps; j++)
			if (j != i && !strcmp(r->steps[j].name, r->steps[i].name))
				ru->shared_name = true;
	}
}

/* One session through the rules, for every side of every rule's step. */
static void prog_one(struct prog_read *pr, struct rule_state *st,
		     const struct prog_rec *const *ck, size_t nck, const struct prog_rec *rec,
		     void (*cb)(void *ctx, const struct progress_event *e), void *ctx)
{
	const struct prog_rec *after, *before;
	mornings(ck, nck, rec, &after, &before);
	for (size_t k = 0; k < pr->nrules; k++)
		for (int sd = 0; sd < TARGET_SIDES; sd++) {
			const struct prog_ev *ev = &rec->ev[k * TARGET_SIDES + sd];
			struct rule_session in = {
				.evidence = ev->evidence, .target = ev->target,
				.load = ev->load, .done = ev->done, .least = ev->least,
				.pain = rec->pain, .pain_before = rec->pain_before,
				.morning = after ? after->pain : -1,
				.morning_before = before ? before->pain : -1,
			};
			struct rule_decision d = rule_apply(&st[k * TARGET_SIDES + sd],
							    &pr->rules[k].rs, &in);
			if (!cb)
				continue;
			struct progress_event e = {
				.step = pr->rules[k].step, .side = (enum side)sd,
				.session = &rec->head,
				.morning = after ? &after->head : NULL,
				.morning_before = before ? &before->head : NULL,
				.in = &in, .d = &d,
				.pain_name = rec->pain_name,
				.pain_before_name = rec->before_name,
				.load_lowered = ev->load_lowered,
			};
			cb(ctx, &e);
		}
}

/* A morning check-in, at its own time: pain above 5 takes back a rise not
 * yet worked at, on every side, and counts as bad unless the session it
 * answers to counted it already.  One corrected later that morning does
 * nothing. */
static void prog_checkin(struct prog_read *pr, struct rule_state *st, size_t i,
			 void (*cb)(void *ctx, const struct progress_event *e), void *ctx)
{
	const struct prog_rec *rec = &pr->v[i];
	if (rec->superseded || rec->pain <= PAIN_ACCEPTABLE_MAX)
		return;
	/* a bad session followed by a bad morning is one objection */
	const struct prog_rec *of = morning_of(pr, i);
	bool counted = of && of->pain > PAIN_ACCEPTABLE_MAX;
	for (size_t k = 0; k < pr->nrules; k++)
		for (int sd = 0; sd < TARGET_SIDES; sd++) {
			struct rule_decision d = rule_checkin(&st[k * TARGET_SIDES + sd],
							      &pr->rules[k].rs, counted);
			if (!cb)
				continue;
			struct rule_session in = {
				.pain = -1, .pain_before = -1, .morning = rec->pain,
				.morning_before = -1,
			};
			struct progress_event e = {
				.step = pr->rules[k].step, .side = (enum side)sd,
				.session = &rec->head, .morning = &rec->head,
				.answers = of ? &of->head : NULL,
				.in = &in, .d = &d,
			};
			cb(ctx, &e);
		}
}

static void prog_replay(struct prog_read *pr, struct step_target *out,
			void (*cb)(void *ctx, const struct progress_event *e), void *ctx)
{
	if (pr->n) /* none: v is NULL, which qsort() may not take */
		qsort(pr->v, pr->n, sizeof *pr->v, rec_cmp);
	const struct prog_rec **ck = xcalloc(pr->n + 1, sizeof *ck);
	size_t nck = 0;
	for (size_t i = 0; i < pr->n; i++)
		if (pr->v[i].head.kind == LM_CHECKIN) {
			if (nck && ck[nck - 1]->head.day == pr->v[i].head.day)
				pr->v[ck[nck - 1] - pr->v].superseded = true;
			ck[nck++] = &pr->v[i];
		}
	struct rule_state *st = xcalloc(pr->nrules * TARGET_SIDES + 1, sizeof *st);
	for (size_t k = 0; k < pr->nrules; k++)
		for (int sd = 0; sd < TARGET_SIDES; sd++)
			rule_init(&st[k * TARGET_SIDES + sd], &pr->rules[k].rs);
	for (size_t i = 0; i < pr->n; i++) {
		const struct prog_rec *rec = &pr->v[i];
		if (rec->head.kind == LM_CHECKIN)
			prog_checkin(pr, st, i, cb, ctx);
		else
			prog_one(pr, st, ck, nck, rec, cb, ctx);
	}
	for (size_t k = 0; k < pr->nrules; k++)
		for (int sd = 0; sd < TARGET_SIDES; sd++) {
			const struct rule_state *s = &st[k * TARGET_SIDES + sd];
			out[pr->rules[k].step].side[sd] = (struct side_target){
				.reps = s->target, .load = s->load,
				.load_before = s->load_added ? s->load_before : LOAD_NONE,
				.at_top = s->at_top, .load_added = s->load_added,
				.reps_before = s->load_added ? s->target_before : 0,
			};
		}
	free(st);
	free(ck);
}

static void prog_forget(struct prog_read *pr)
{
	for (size_t i = 0; i < pr->n; i++) {
		free(pr->v[i].ev);
		free(pr->v[i].pain_name);
		free(pr->v[i].before_name);
	}
	pr->n = 0;
}

const char *progress_replay(const char *log_path, const char *const *lines, size_t n,
			    const struct routine *r, struct step_target *out,
			    void (*cb)(void *ctx, const struct progress_event *e), void *ctx)
{
	targets_default(out, r);
	struct prog_read pr = {.r = r, .id = r->file ? routine_id_of(r->file) : NULL};
	prog_rules(&pr);
	struct lm_reader rd = {
		.path = log_path ? log_path : "(this session)",
		.want = prog_want, .session = prog_session, .ctx = &pr,
	};
	/* Nothing to decide means no need to read the log at all; a log that
	 * cannot be read just means no history: the defaults. */
	if (pr.nrules && !log_path)
		lm_read_lines(&rd, lines, n);
	else if (pr.nrules && lm_read(&rd) < 0)
		prog_forget(&pr);
	/* with no session, each side's start: the bottom, the step's load */
	if (pr.nrules)
		prog_replay(&pr, out, cb, ctx);
	prog_forget(&pr);
	free(pr.v);
	free(pr.rules);
	free(pr.id);
	return rd.kind;
}

const char *progress_targets(const char *log_path, const struct routine *r,
			     struct step_target *out)
{
	return progress_replay(log_path, NULL, 0, r, out, NULL, NULL);
}

void progress_targets_lines(const char *const *lines, size_t n,
			    const struct routine *r, struct step_target *out)
{
	progress_replay(NULL, lines, n, r, out, NULL, NULL);
}
