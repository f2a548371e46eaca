/* progress.c: today's rep targets from the log, by double progression
 * (history_targets() in history.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "logscan.h"
#include "paths.h"
#include "progress.h"
#include "util.h"

/* What one session's `set` lines say about one progress step: each set
 * (side and number) once, the last line of it standing, as a set done
 * again after `b` is logged again. */
struct tgt_seen {
	struct {
		unsigned side;  /* side_bit() */
		long long set;  /* 0 in lines without a set number: each counts */
		bool reached;   /* reps >= target */
	} *v;
	size_t n, cap;
	int target;         /* the first line's */
};

/* The latest session with evidence, per progress step. */
struct tgt_best {
	bool found;
	size_t session;
	int target;
	bool reached;
};

struct tgt_read {
	const struct routine *r;
	char *id;           /* the routine's file name without .yaml */
	size_t *prog;       /* indices of the steps with progress */
	size_t nprog;
	struct tgt_best *best; /* per entry of prog */
};

static long long clamp_ll(long long v, long long lo, long long hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static bool tgt_start(struct scan *sc, size_t i, const struct logrec *rec)
{
	const struct tgt_read *tr = sc->ctx;
	if (logrec_get(rec, "speed"))
		return false; /* practice proves nothing about the legs */
	/* only this routine's sessions: another routine may have an exercise
	 * of the same name, with other sets and ranges.  The file's name or
	 * the routine's title will do, so renaming one keeps the history. */
	const char *name = logrec_get(rec, "routine"), *id = logrec_get(rec, "id");
	if (!(name && !strcmp(name, tr->r->name)) && !(id && tr->id && !strcmp(id, tr->id)))
		return false;
	sc->v[i].data = xcalloc(tr->nprog, sizeof(struct tgt_seen));
	return true;
}

static unsigned side_bit(const char *side)
{
	static const char *const sides[] = {"left", "right", "none"};
	for (unsigned k = 0; side && k < ARRAY_LEN(sides); k++)
		if (!strcmp(side, sides[k]))
			return 1u << k;
	return 1u << ARRAY_LEN(sides);
}

static void tgt_seen_set(struct tgt_seen *s, const struct logrec *rec)
{
	long long reps = logrec_int(rec, "reps", -1);
	if (!s->n)
		/* Bounded, so that target + 1 cannot overflow. */
		s->target = (int)clamp_ll(logrec_int(rec, "target", 0), 0, 100000);
	unsigned side = side_bit(logrec_get(rec, "side"));
	long long set = logrec_int(rec, "set", 0);
	size_t k = 0;
	while (set > 0 && k < s->n && (s->v[k].side != side || s->v[k].set != set))
		k++;
	if (set <= 0 || k == s->n) {
		/* a log can hold any number of lines: no more than a step has */
		if (s->n >= 1000)
			return;
		s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
		k = s->n++;
		s->v[k].side = side;
		s->v[k].set = set;
	}
	s->v[k].reached = reps >= s->target;
}

/* `skip what=set` after the set was logged (done again after `b`, then
 * skipped): the last line stands, and a skipped set did not reach the
 * target.  A set skipped before any line of it is missing from the count,
 * which tgt_all_reached() sees. */
static void tgt_seen_skip(struct tgt_seen *s, const struct logrec *rec)
{
	const char *what = logrec_get(rec, "what");
	long long set = logrec_int(rec, "set", 0);
	if (!what || strcmp(what, "set") || set <= 0)
		return;
	const char *sd = logrec_get(rec, "side"); /* a skip has none for side none */
	unsigned side = side_bit(sd ? sd : "none");
	for (size_t k = 0; k < s->n; k++)
		if (s->v[k].side == side && s->v[k].set == set)
			s->v[k].reached = false;
}

static void tgt_event(struct scan *sc, size_t i, const struct logrec *rec)
{
	const struct tgt_read *tr = sc->ctx;
	struct tgt_seen *seen = sc->v[i].data;
	const char *name = logrec_get(rec, "name");
	if ((rec->event != LOG_SET && rec->event != LOG_SKIP) || !name)
		return;
	/* Two steps may share a name: both learn from the same lines. */
	for (size_t k = 0; k < tr->nprog; k++)
		if (!strcmp(tr->r->steps[tr->prog[k]].name, name)) {
			if (rec->event == LOG_SET)
				tgt_seen_set(&seen[k], rec);
			else
				tgt_seen_skip(&seen[k], rec);
		}
}

static int popcount(unsigned x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Every set on every side there, each at the target. */
static bool tgt_all_reached(const struct tgt_seen *s, const struct step *st)
{
	unsigned sides = 0;
	for (size_t k = 0; k < s->n; k++) {
		if (!s->v[k].reached)
			return false;
		sides |= s->v[k].side;
	}
	return s->n == (size_t)st->sets * (size_t)popcount(sides);
}

static void tgt_finish(struct scan *sc, size_t i, enum history_status st)
{
	const struct tgt_read *tr = sc->ctx;
	struct tgt_seen *seen = sc->v[i].data;
	for (size_t k = 0; k < tr->nprog; k++) {
		struct tgt_best *b = &tr->best[k];
		struct tgt_seen *s = &seen[k];
		/* The latest by time, not by file order: sessions finish out
		 * of order when they interleave, and a log merged from two
		 * machines may hold the newer session first. */
		if (s->n && !(b->found && scan_before(sc, i, b->session))) {
			b->found = true;
			b->session = i;
			b->target = s->target;
			b->reached = tgt_all_reached(s, &tr->r->steps[tr->prog[k]]);
		}
		free(s->v);
	}
	free(seen);
}

static const struct scan_ops tgt_ops = {
	.start = tgt_start, .event = tgt_event, .finish = tgt_finish,
};

/* Double progression from what the latest session showed. */
static void tgt_apply(const struct step *st, const struct tgt_best *b,
		      int *target, bool *at_top)
{
	if (!b->found) {
		*target = st->reps.min;
		return;
	}
	int next = b->reached ? b->target + 1 : b->target;
	*target = (int)clamp_ll(next, st->reps.min, st->reps.max);
	*at_top = b->reached && b->target >= st->reps.max;
}

/* history_targets() and history_targets_lines(): the log from `path`, or
 * from `lines` when path is NULL. */
static const char *targets_from(const char *log_path, const char *const *lines,
				size_t nlines, const struct routine *r, int *targets,
				bool *at_top)
{
	struct tgt_read tr = {.r = r, .prog = xcalloc(r->nsteps, sizeof *tr.prog),
			      .id = r->file ? routine_id_of(r->file) : NULL};
	for (size_t k = 0; k < r->nsteps; k++) {
		targets[k] = 0;
		if (at_top)
			at_top[k] = false;
		if (r->steps[k].type == STEP_REPS && r->steps[k].progress)
			tr.prog[tr.nprog++] = k;
	}
	tr.best = xcalloc(tr.nprog, sizeof *tr.best);
	struct scan sc = {.path = log_path ? log_path : "(this session)", .ops = &tgt_ops,
			  .ctx = &tr};
	/* A log that cannot be read just means no history: defaults.  Nothing
	 * to learn means no need to read it at all. */
	if (tr.nprog && !log_path)
		scan_run_lines(&sc, lines, nlines);
	else if (tr.nprog && scan_run(&sc) < 0)
		memset(tr.best, 0, tr.nprog * sizeof *tr.best);
	const char *kind = sc.kind;
	scan_free(&sc);
	for (size_t k = 0; k < tr.nprog; k++) {
		bool top = false;
		tgt_apply(&r->steps[tr.prog[k]], &tr.best[k], &targets[tr.prog[k]], &top);
		if (at_top)
			at_top[tr.prog[k]] = top;
	}
	free(tr.best);
	free(tr.prog);
	free(tr.id);
	return kind;
}

const char *history_targets(const char *log_path, const struct routine *r,
			    int *targets, bool *at_top)
{
	return targets_from(log_path, NULL, 0, r, targets, at_top);
}

void history_targets_lines(const char *const *lines, size_t n, const struct routine *r,
			   int *targets, bool *at_top)
{
	targets_from(NULL, lines, n, r, targets, at_top);
}

/* Interim: the old rule, the same target on every side. */
static void targets_fill(const struct routine *r, const int *reps, const bool *top,
			 struct step_target *out)
{
	targets_default(out, r);
	for (size_t i = 0; i < r->nsteps; i++)
		for (int s = 0; s < TARGET_SIDES; s++) {
			out[i].side[s].reps = reps[i];
			out[i].side[s].at_top = top[i];
		}
}

const char *progress_targets(const char *log_path, const struct routine *r,
			     struct step_target *out)
{
	int *reps = xcalloc(r->nsteps + 1, sizeof *reps);
	bool *top = xcalloc(r->nsteps + 1, sizeof *top);
	const char *kind = history_targets(log_path, r, reps, top);
	targets_fill(r, reps, top, out);
	free(reps);
	free(top);
	return kind;
}

void progress_targets_lines(const char *const *lines, size_t n,
			    const struct routine *r, struct step_target *out)
{
	int *reps = xcalloc(r->nsteps + 1, sizeof *reps);
	bool *top = xcalloc(r->nsteps + 1, sizeof *top);
	history_targets_lines(lines, n, r, reps, top);
	targets_fill(r, reps, top, out);
	free(reps);
	free(top);
}
