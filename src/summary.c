/* summary.c: a session's summary from its own log lines, through the log
 * model (summary.h). */
#include "config.h"

#include "summary.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse.h"
#include "progress.h"
#include "logmodel.h"
#include "plan.h"
#include "util.h"

/* ---- the lines kept ---- */

void summary_lines_add(struct summary_lines *l, const char *line, size_t len)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrndup(line, len);
}

void summary_lines_free(struct summary_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- what the lines say ---- */

enum { SLOT_NONE, SLOT_DONE, SLOT_SKIPPED };

struct slot {
	int state;
	int reps;
};

/* The sides a set line names, in the order they are shown. */
static const char *const side_names[] = { "left", "right", "none" };
#define NSIDES ARRAY_LEN(side_names)

/* The summary's side index of `side` (side_names' order). */
static size_t side_slot(enum side side)
{
	return side == SIDE_LEFT ? 0 : side == SIDE_RIGHT ? 1 : 2;
}

/* A rating with no value: never reached (no `step` line), reached but
 * left unanswered (the session ended at its prompt: the engine logs no
 * line for it), or skipped (a `skip what=rate` line). */
enum { RATE_NONE = -1, RATE_SKIPPED = -2, RATE_UNANSWERED = -3 };

struct step_seen {
	int rating;             /* 0-10 or RATE_*: the last line stands */
	struct slot *sets[NSIDES]; /* reps steps: st->sets slots a side */
	int target[NSIDES];     /* a side's first set (or skip) line's, 0 when none */
};

struct seen {
	char sid[32], stamp[40]; /* the start line's, which progression's
				  * decisions name */
	bool started, complete, practice;
	int speed;
	long long planned_ms, elapsed_ms, paused_ms;
	size_t step_n;          /* the last `step` line's n (1-based), 0 for none */
	struct step_seen *steps;
	/* ratings of steps no longer in the routine (resumed after it was
	 * changed): said all the same, by their names as logged */
	struct gone_rate { char *name; int rating; } *gone;
	size_t ngone;
};

/* The routine's step that a step, set or rating of the model names (its
 * n and name), when it is one of the routine's: at n, or else the first
 * of that name (a session resumed after the routine lost or gained a step
 * before it: its first part's lines name the step where it was then, as
 * the resume found it, resume.c). */
static const struct step *step_named(const struct routine *r, int n, const char *name,
				     size_t *idx)
{
	if (!name)
		return NULL;
	if (n >= 1 && (size_t)n <= r->nsteps && !strcmp(name, r->steps[n - 1].name)) {
		*idx = (size_t)n - 1;
		return &r->steps[*idx];
	}
	for (size_t i = 0; i < r->nsteps; i++)
		if (!strcmp(name, r->steps[i].name)) {
			*idx = i;
			return &r->steps[i];
		}
	return NULL;
}

/* A set as the model has it (its last line: a `set`, or a `skip
 * what=set`) into its side's slot. */
static void see_set(struct step_seen *ss, const struct step *st, const struct lm_set *x)
{
	size_t k = side_slot(x->side);
	if (x->set < 1 || x->set > st->sets)
		return;
	if (!ss->sets[k])
		ss->sets[k] = xcalloc((size_t)st->sets, sizeof *ss->sets[k]);
	struct slot *sl = &ss->sets[k][x->set - 1];
	sl->state = x->skipped ? SLOT_SKIPPED : SLOT_DONE;
	sl->reps = x->skipped ? 0 : x->reps;
	/* a skip line may name the target too; when none does (every set
	 * skipped), summary_build() falls back on the planned one */
	if (!ss->target[k])
		ss->target[k] = x->target;
}

struct seen_read {
	struct seen *sn;
	const struct routine *r;
};

/* The session: the lines' first start line's (a session's own lines
 * have one). */
static bool seen_want(void *ctx, const struct lm_session *head)
{
	(void)head;
	struct seen_read *c = ctx;
	if (c->sn->started)
		return false;
	c->sn->started = true;
	return true;
}

static void seen_session(void *ctx, const struct lm_session *s)
{
	struct seen_read *c = ctx;
	struct seen *sn = c->sn;
	const struct routine *r = c->r;
	if (s->kind != LM_SESSION)
		return;
	snprintf(sn->sid, sizeof sn->sid, "%s", s->sid);
	snprintf(sn->stamp, sizeof sn->stamp, "%s", s->stamp);
	sn->complete = s->status == HISTORY_COMPLETE;
	sn->practice = s->practice;
	sn->speed = s->speed;
	sn->planned_ms = s->planned;
	sn->elapsed_ms = s->elapsed > 0 ? s->elapsed : 0;
	sn->paused_ms = s->paused;
	size_t i;
	const struct step *st;
	/* reached: a rating with no line of its own was left at its prompt */
	for (size_t j = 0; j < s->nsteps; j++)
		if ((st = step_named(r, s->steps[j].n, s->steps[j].name, &i)) &&
		    st->type == STEP_RATE)
			sn->steps[i].rating = RATE_UNANSWERED;
	if (s->step_last && step_named(r, s->step_last->n, s->step_last->name, &i))
		sn->step_n = i + 1;
	for (size_t j = 0; j < s->nrates; j++) {
		int v = s->rates[j].value >= 0 ? s->rates[j].value : RATE_SKIPPED;
		if ((st = step_named(r, s->rates[j].n, s->rates[j].name, &i))) {
			if (st->type == STEP_RATE)
				sn->steps[i].rating = v;
			continue;
		}
		sn->gone = xrealloc(sn->gone, (sn->ngone + 1) * sizeof *sn->gone);
		sn->gone[sn->ngone++] = (struct gone_rate){ xstrdup(s->rates[j].name), v };
	}
	for (size_t j = 0; j < s->nsets; j++)
		if ((st = step_named(r, s->sets[j].n, s->sets[j].name, &i)) &&
		    st->type == STEP_REPS)
			see_set(&sn->steps[i], st, &s->sets[j]);
}

/* The session in `lines`, through the log model. */
static void seen_read(struct seen *sn, const struct routine *r,
		      const char *const *lines, size_t n)
{
	memset(sn, 0, sizeof *sn);
	sn->steps = xcalloc(r->nsteps ? r->nsteps : 1, sizeof *sn->steps);
	for (size_t i = 0; i < r->nsteps; i++)
		sn->steps[i].rating = RATE_NONE;
	struct seen_read c = { sn, r };
	struct lm_reader rd = { .path = "(this session)", .steps = true,
				.want = seen_want, .session = seen_session, .ctx = &c };
	lm_read_lines(&rd, lines, n);
}

static void seen_free(struct seen *sn, const struct routine *r)
{
	for (size_t i = 0; i < r->nsteps; i++)
		for (size_t k = 0; k < NSIDES; k++)
			free(sn->steps[i].sets[k]);
	free(sn->steps);
	for (size_t i = 0; i < sn->ngone; i++)
		free(sn->gone[i].name);
	free(sn->gone);
}

/* ---- the summary's lines ---- */

static void add(struct summary *s, enum summary_kind kind, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void add(struct summary *s, enum summary_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n].kind = kind;
	s->v[s->n++].text = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Whole seconds done: a countdown rounds up, time spent rounds down. */
static void clock_down(char *out, size_t n, long long ms)
{
	format_clock(out, n, ms / 1000 * 1000);
}

static void add_time(struct summary *s, const struct seen *sn)
{
	char done[32], planned[32], paused[32];
	long long active = sn->elapsed_ms - sn->paused_ms;
	clock_down(done, sizeof done, active > 0 ? active : 0);
	format_clock(planned, sizeof planned, sn->planned_ms);
	clock_down(paused, sizeof paused, sn->paused_ms);
	if (sn->paused_ms >= 1000)
		add(s, SUMMARY_TEXT, "Time: %s of %s planned, %s paused", done, planned, paused);
	else
		add(s, SUMMARY_TEXT, "Time: %s of %s planned", done, planned);
}

/* Ratings that go together: the same name once a last word "before",
 * "after", "pre" or "post" is taken off ("Calf tightness before" and
 * "Calf tightness after"; "Pain" twice).  The length of the name kept. */
static size_t rating_base(const char *name)
{
	static const char *const words[] = { "before", "after", "pre", "post" };
	size_t n = strlen(name);
	while (n && (name[n - 1] == ' ' || name[n - 1] == ')'))
		n--;
	for (size_t w = 0; w < ARRAY_LEN(words); w++) {
		size_t wl = strlen(words[w]);
		if (n <= wl || strncasecmp(name + n - wl, words[w], wl))
			continue;
		size_t b = n - wl;
		if (name[b - 1] != ' ' && name[b - 1] != '(' && name[b - 1] != '-' &&
		    name[b - 1] != ',' && name[b - 1] != ':')
			continue;
		while (b && strchr(" (-,:", name[b - 1]))
			b--;
		if (b)
			return b;
	}
	return strlen(name);
}

static bool same_base(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && !strncasecmp(a, b, alen);
}

static void rating_value(struct buf *b, int v)
{
	if (v >= 0)
		buf_addf(b, "%d", v);
	else
		buf_adds(b, v == RATE_SKIPPED ? "skipped" :
			    v == RATE_UNANSWERED ? "not rated" : "not reached");
}

/* One line a group of ratings, in the routine's order: "Calf tightness:
 * 4"; "Calf tightness: 3 before, 2 after (-1)"; with three or more, the
 * ones between have no label. */
static void add_ratings(struct summary *s, const struct routine *r, const struct seen *sn)
{
	bool *done = xcalloc(r->nsteps ? r->nsteps : 1, sizeof *done);
	for (size_t i = 0; i < r->nsteps; i++) {
		if (r->steps[i].type != STEP_RATE || done[i])
			continue;
		const char *name = r->steps[i].name;
		size_t blen = rating_base(name);
		size_t member[64], nm = 0;
		for (size_t j = i; j < r->nsteps && nm < ARRAY_LEN(member); j++) {
			const char *other = r->steps[j].name;
			if (r->steps[j].type == STEP_RATE && !done[j] &&
			    same_base(name, blen, other, rating_base(other))) {
				member[nm++] = j;
				done[j] = true;
			}
		}
		struct buf b;
		buf_init(&b);
		if (nm == 1) {
			buf_addf(&b, "%s: ", name);
			rating_value(&b, sn->steps[i].rating);
		} else {
			buf_addf(&b, "%.*s: ", (int)blen, name);
			for (size_t k = 0; k < nm; k++) {
				if (k)
					buf_adds(&b, ", ");
				rating_value(&b, sn->steps[member[k]].rating);
				if (k == 0)
					buf_adds(&b, " before");
				else if (k == nm - 1)
					buf_adds(&b, " after");
			}
			int first = sn->steps[member[0]].rating, last = sn->steps[member[nm - 1]].rating;
			if (first >= 0 && last >= 0 && last != first)
				buf_addf(&b, " (%+d)", last - first);
			else if (first >= 0 && last >= 0)
				buf_adds(&b, " (no change)");
		}
		add(s, SUMMARY_TEXT, "%s", b.s);
		buf_free(&b);
	}
	free(done);
	for (size_t i = 0; i < sn->ngone; i++) {
		struct buf b;
		buf_init(&b);
		buf_addf(&b, "%s: ", sn->gone[i].name);
		rating_value(&b, sn->gone[i].rating);
		buf_adds(&b, " (a step no longer in the routine)");
		add(s, SUMMARY_TEXT, "%s", b.s);
		buf_free(&b);
	}
}

/* What one reps step's sets showed. */
struct sets_seen {
	bool any;               /* a set or skip line */
	bool short_of;          /* a set under its target */
	bool missing;           /* a set skipped, or never done */
};

/* "Heel drop: left 15 15 12* of 15; right 15 skipped 15 of 15".  What
 * each side showed goes into side[] (by side_names). */
static struct sets_seen add_sets(struct summary *s, const struct step *st,
				 const struct step_seen *ss, bool complete,
				 struct sets_seen side[NSIDES])
{
	struct sets_seen out = { false, false, false };
	memset(side, 0, NSIDES * sizeof *side);
	struct buf b;
	buf_init(&b);
	buf_addf(&b, "%s:", st->name);
	int sides = 0;
	for (size_t k = 0; k < NSIDES; k++) {
		const struct slot *v = ss->sets[k];
		if (!v)
			continue;
		buf_adds(&b, sides++ ? "; " : " ");
		if (k != NSIDES - 1)
			buf_addf(&b, "%s ", side_names[k]);
		const char *gap = "";
		struct sets_seen *o = &side[k];
		for (int j = 0; j < st->sets; j++) {
			if (v[j].state == SLOT_NONE) {
				o->missing = true;
				continue;
			}
			o->any = true;
			if (v[j].state == SLOT_SKIPPED) {
				o->missing = true;
				buf_addf(&b, "%sskipped", gap);
			} else {
				bool under = ss->target[k] && v[j].reps < ss->target[k];
				o->short_of |= under;
				buf_addf(&b, "%s%d%s", gap, v[j].reps, under ? "*" : "");
			}
			gap = " ";
		}
		if (ss->target[k])
			buf_addf(&b, " of %d", ss->target[k]);
		out.any |= o->any;
		out.missing |= o->missing;
		out.short_of |= o->short_of;
	}
	for (size_t k = 0; k < NSIDES; k++)
		if (!ss->sets[k])
			side[k].missing = true;
	/* a side of a `both` step with no line at all */
	if (st->side == SIDE_BOTH && sides == 1)
		out.missing = true;
	if (!sides) {
		buf_adds(&b, complete ? " no sets logged" : " not reached");
		out.missing = true;
	}
	add(s, out.short_of || (out.any && out.missing) ? SUMMARY_SHORT :
		out.any ? SUMMARY_GOOD : SUMMARY_TEXT, "%s", b.s);
	buf_free(&b);
	return out;
}

/* What progression decided from this session for one side of one step,
 * when it held the target or stepped it back for pain: the reason the
 * sets alone do not show. */
struct pain_said {
	bool held, back;        /* pain above 5 held it; stepped it back */
	bool at_bottom;         /* back, with nothing left to take off */
};

struct pain_read {
	const struct seen *sn;
	struct pain_said *v;    /* by step and side (TARGET_SIDES a step) */
};

static void pain_event(void *ctx, const struct progress_event *e)
{
	struct pain_read *p = ctx;
	const struct lm_session *s = e->session;
	if (!s || s->kind != LM_SESSION || strcmp(s->sid, p->sn->sid) ||
	    strcmp(s->stamp, p->sn->stamp))
		return; /* another session's decision */
	struct pain_said *ps = &p->v[e->step * TARGET_SIDES + e->side];
	ps->back = e->d->verdict == RULE_BACK;
	ps->held = e->d->verdict == RULE_HOLD &&
		   (e->d->reason == RULE_PAIN || e->d->reason == RULE_PAIN_BEFORE);
	ps->at_bottom = e->d->at_bottom;
}

/* One side's next time, as add_next() words it. */
struct side_next {
	int reps;               /* next time's target */
	bool top, up;           /* at the top with no load to add; moved up */
	long load, before;      /* next time's load (LOAD_NONE), the one it was
				 * when progression raised it (else LOAD_NONE) */
	char why[64];           /* "not every set reached 12", or "" */
	bool side_why;          /* the why is this side's own, not the
				 * session's or the step's */
};

static void side_next(struct side_next *n, const struct step *st, const struct step_seen *ss,
		      const struct sets_seen *got, const struct side_target *t, int k,
		      bool practice, const struct pain_said *pain)
{
	memset(n, 0, sizeof *n);
	n->reps = st->progress && t->reps > 0 ? t->reps : step_default_target(st);
	n->top = st->progress && t->at_top;
	n->load = st->load == LOAD_NONE ? LOAD_NONE : t->load >= 0 ? t->load : st->load;
	n->before = n->load != LOAD_NONE && t->load_added ? t->load_before : LOAD_NONE;
	int was = ss->target[k];
	bool fixed = !st->progress && st->load == LOAD_NONE;
	bool held = got->any && was && n->reps == was && !n->top;
	if (fixed)
		snprintf(n->why, sizeof n->why, "fixed target");
	else if (practice)
		snprintf(n->why, sizeof n->why, "practice does not count");
	else if (pain && pain->back && !pain->at_bottom)
		snprintf(n->why, sizeof n->why, "pain above 5 twice in a row: a step back");
	else if (pain && pain->back)
		snprintf(n->why, sizeof n->why, "pain above 5 twice in a row");
	else if (pain && pain->held)
		snprintf(n->why, sizeof n->why, "pain above 5");
	else if (held && got->short_of)
		snprintf(n->why, sizeof n->why, "not every set reached %d", was);
	else if (held && got->missing)
		snprintf(n->why, sizeof n->why, "not every set was done");
	/* pain is the session's; sets are the side's */
	n->side_why = !fixed && !practice && !(pain && (pain->back || pain->held)) && held &&
		      (got->short_of || got->missing);
	n->up = !practice && got->any && ((st->progress && was && (n->reps > was || n->top)) ||
					  n->before != LOAD_NONE);
}

/* ", 10 kg (up from 7.5)", ", 7.5 kg", "" */
static void next_load(struct buf *b, const struct side_next *n)
{
	char w[LOAD_WORDS_SIZE], was[LOAD_TEXT_SIZE];
	load_words(w, n->load);
	if (!w[0])
		return;
	buf_addf(b, ", %s", w);
	if (n->before != LOAD_NONE) {
		load_format(was, n->before < 0 ? 0 : n->before);
		buf_addf(b, " (up from %s)", was);
	}
}

/* One side's words, `label` "left " or "". */
static void next_words(struct buf *b, const struct side_next *n, const char *label,
		       const char *each)
{
	if (n->top)
		buf_addf(b, "%stop of the range: consider adding load", label);
	else
		buf_addf(b, "%s%d reps%s", label, n->reps, each);
	next_load(b, n);
	if (n->why[0])
		buf_addf(b, " (%s)", n->why);
}

/* "next time: 10 reps each side", "top of the range: consider adding
 * load", "next time: 12 reps (not every set reached 12)", "next time:
 * left 10 reps (not every set reached 10); right 12 reps", with the load
 * of a step that has one: "next time: 15 reps, 10 kg (up from 7.5)".
 * Sides apart for the same reason say it once, after both: "next time:
 * left 10 reps; right 9 reps (practice does not count)", "... (not every
 * set was done on either side)". */
static void add_next(struct summary *s, const struct step *st, const struct step_seen *ss,
		     const struct sets_seen got[NSIDES], const struct step_target *t,
		     bool practice, const struct pain_said *pain)
{
	enum side sides[2] = { st->side, st->side };
	int n = 1;
	if (st->side == SIDE_BOTH) {
		sides[0] = SIDE_LEFT;
		sides[1] = SIDE_RIGHT;
		n = 2;
	}
	struct side_next nx[2];
	bool up = false;
	for (int i = 0; i < n; i++) {
		size_t k = side_slot(sides[i]);
		side_next(&nx[i], st, ss, &got[k], target_side(t, sides[i]), (int)k, practice,
			  pain ? &pain[sides[i]] : NULL);
		up |= nx[i].up;
	}
	struct buf b;
	buf_init(&b);
	bool same = n == 1 || (nx[0].reps == nx[1].reps && nx[0].top == nx[1].top &&
			       nx[0].load == nx[1].load && nx[0].before == nx[1].before);
	if (same) {
		if (!nx[0].why[0] && n == 2)
			memcpy(nx[0].why, nx[1].why, sizeof nx[0].why);
		buf_adds(&b, nx[0].top ? "  " : "  next time: ");
		next_words(&b, &nx[0], "", n == 2 ? " each side" : "");
	} else {
		/* one reason twice is a long line that says it twice */
		char why[sizeof nx[0].why] = "";
		bool side_why = nx[0].side_why;
		if (nx[0].why[0] && !strcmp(nx[0].why, nx[1].why)) {
			memcpy(why, nx[0].why, sizeof why);
			nx[0].why[0] = nx[1].why[0] = '\0';
		}
		buf_adds(&b, "  next time: ");
		next_words(&b, &nx[0], "left ", "");
		buf_adds(&b, "; ");
		next_words(&b, &nx[1], "right ", "");
		if (why[0])
			buf_addf(&b, " (%s%s)", why, side_why ? " on either side" : "");
	}
	add(s, up ? SUMMARY_GOOD : SUMMARY_TEXT, "%s", b.s);
	buf_free(&b);
}

const char *summary_heading(const struct summary *s)
{
	return s->complete ? "Session complete" : "Session ended early";
}

/* The summary's lines but the last note, with next time's targets. */
static void build(struct summary *s, struct seen *sn, const struct routine *r,
		  const struct step_target *next, const struct pain_said *pain, bool *any_reps)
{
	s->complete = sn->complete;
	s->practice = sn->practice;

	if (!s->complete && sn->step_n)
		add(s, SUMMARY_NOTE, "Stopped in step %zu of %zu: %s", sn->step_n, r->nsteps,
		    r->steps[sn->step_n - 1].name);
	else if (!s->complete)
		add(s, SUMMARY_NOTE, "Stopped before the first step");
	if (sn->practice)
		add(s, SUMMARY_NOTE, "Practice (speed %d): history and progression leave it out",
		    sn->speed);
	add_time(s, sn);
	add_ratings(s, r, sn);
	bool any_short = false;
	*any_reps = false;
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *st = &r->steps[i];
		if (st->type != STEP_REPS)
			continue;
		*any_reps = true;
		/* every set of a side skipped: no line named its target,
		 * which was the one the session planned: history's (this
		 * session logged no set under the step, so the rule skips
		 * it) or the default, as the session itself took it */
		for (size_t k = 0; k < NSIDES; k++) {
			enum side side = k == 0 ? SIDE_LEFT : k == 1 ? SIDE_RIGHT : SIDE_NONE;
			int want = target_side(&next[i], side)->reps;
			if (!sn->steps[i].target[k])
				sn->steps[i].target[k] = want > 0 ? want : step_default_target(st);
		}
		struct sets_seen side[NSIDES];
		struct sets_seen got = add_sets(s, st, &sn->steps[i], s->complete, side);
		any_short |= got.short_of;
		add_next(s, st, &sn->steps[i], side, &next[i], sn->practice,
			 pain ? &pain[i * TARGET_SIDES] : NULL);
	}
	if (any_short)
		add(s, SUMMARY_TEXT, "* short of the target");
}

void summary_build_next(struct summary *s, const struct routine *r,
			const char *const *lines, size_t n, const struct step_target *next)
{
	memset(s, 0, sizeof *s);
	struct seen sn;
	seen_read(&sn, r, lines, n);
	bool any_reps;
	build(s, &sn, r, next, NULL, &any_reps);
	seen_free(&sn, r);
}

void summary_build(struct summary *s, const struct routine *r,
		   const char *const *lines, size_t n, const char *log_path, bool no_log)
{
	memset(s, 0, sizeof *s);
	struct seen sn;
	seen_read(&sn, r, lines, n);
	/* next time's targets, by the rule the next session applies, and
	 * what it made of this session's pain */
	struct step_target *next = xcalloc(r->nsteps + 1, sizeof *next);
	struct pain_read pr = { &sn, xcalloc(r->nsteps * TARGET_SIDES + 1, sizeof *pr.v) };
	const char *kind = progress_replay(log_path, lines, n, r, next, pain_event, &pr);
	bool any_reps;
	build(s, &sn, r, next, pr.v, &any_reps);
	free(pr.v);
	bool progress = false;
	for (size_t i = 0; i < r->nsteps; i++)
		progress |= r->steps[i].type == STEP_REPS && r->steps[i].progress;
	if (any_reps && progress && kind)
		add(s, SUMMARY_NOTE, "The log is %s, not read back: no progression from it", kind);
	else if (any_reps && progress && !log_path)
		add(s, SUMMARY_NOTE, no_log ? "Not logged: next time follows from this session alone"
					    : "Some lines did not reach the log: next time follows "
					      "from this session alone");
	free(next);
	seen_free(&sn, r);
}

void summary_free(struct summary *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	memset(s, 0, sizeof *s);
}
