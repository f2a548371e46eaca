/* progress_why.c: `recoup --plan --why`: today's targets, and the
 * decisions of the replay that made them told in words (progress.h).  The
 * words come from the decisions progress.c's replay hands over: there is
 * no second rule set here.  Readable aloud: no drawings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "progress.h"
#include "safetext.h"
#include "util.h"
#include "zones.h"

/* One decision told: by the time of what decided it (the session, or the
 * morning after it), then the replay's order. */
struct why_line {
	time_t when;
	int ms;
	size_t seq;
	char *text;
};

/* The decisions of one side of one step. */
struct why_side {
	struct why_line *v;
	size_t n, cap;
};

struct why {
	const struct routine *r;
	size_t keep, seq;
	struct why_side *v; /* nsteps x TARGET_SIDES */
};

/* "2026-12-04 18:02" of a stamp as written (local time). */
static void short_stamp(char out[17], const struct lm_session *s)
{
	snprintf(out, 17, "%.10s %.5s", s->stamp, strlen(s->stamp) > 11 ? s->stamp + 11 : "");
}

/* " at 7.5 kg" (`how` " at"), or "" without load. */
static void load_words(char *out, size_t size, const char *how, long load)
{
	char kg[LOAD_TEXT_SIZE];
	if (load == LOAD_NONE) {
		*out = '\0';
		return;
	}
	load_format(kg, load);
	snprintf(out, size, "%s %s kg", how, kg);
}

/* "left " for a side, "" for none. */
static const char *side_sp(enum side side)
{
	return side == SIDE_LEFT ? "left " : side == SIDE_RIGHT ? "right " : "";
}

/* What the session's pain ratings and the next morning said, when all
 * was well. */
static char *pain_words(const struct progress_event *e)
{
	const struct rule_session *in = e->in;
	int pain = in->pain > in->pain_before ? in->pain : in->pain_before;
	char *p = pain >= 0 ? xasprintf("pain at most %d (%s)", pain, pain_value_word(pain))
		: xstrdup("no pain rated (no objection)");
	if (in->morning < 0)
		return p;
	char *q = xasprintf("%s, next morning pain %d", p, in->morning);
	free(p);
	return q;
}

/* Where the decision comes from: the session, or the morning after it. */
static char *source_words(const struct progress_event *e)
{
	char when[17];
	const struct rule_decision *d = e->d;
	bool morning = d->reason == RULE_MORNING || d->reason == RULE_WORSE;
	if (morning && e->morning) {
		short_stamp(when, e->morning);
		if (d->reason == RULE_WORSE)
			return xasprintf("%s morning pain %d, worse than %d the morning before "
					 "session %s", when, e->in->morning,
					 e->in->morning_before, safe_show(e->session->sid));
		if (e->session->kind == LM_CHECKIN)
			return xasprintf("%s morning pain %d (back off)%s", when, e->in->morning,
					 e->answers ? "" : ", no session the day before");
		return xasprintf("%s morning pain %d (back off) after session %s", when,
				 e->in->morning, safe_show(e->session->sid));
	}
	short_stamp(when, e->session);
	return xasprintf("%s session %s", when, safe_show(e->session->sid));
}

/* What the session showed about the sets, before the verdict. */
static char *sets_words(const struct progress_event *e, const struct rule_step *rs)
{
	const struct rule_session *in = e->in;
	const struct rule_decision *d = e->d;
	const char *sd = side_sp(e->side);
	char load[80];
	load_words(load, sizeof load, " at", d->load);
	if (e->load_lowered && d->load != LOAD_NONE)
		snprintf(load + strlen(load), sizeof load - strlen(load), " (the lowest load of them)");
	if (e->session->kind == LM_CHECKIN)
		return NULL;
	switch (d->reason) {
	case RULE_MET: {
		char *p = pain_words(e);
		char *s = xasprintf("every %sset reached %d%s, %s", sd, d->target, load, p);
		free(p);
		return s;
	}
	case RULE_PAIN_BEFORE:
		return xasprintf("every %sset reached %d%s, but %s %d (back off) before it", sd,
				 d->target, load, safe_show(e->pain_before_name ? e->pain_before_name
							    : "pain"), in->pain_before);
	case RULE_SHORT:
		return xasprintf("a %sset fell short of %d (%d)", sd, d->target, in->least);
	case RULE_MISSING:
		return xasprintf("%d of %d %ssets done", in->done, rs->sets, sd);
	case RULE_NONE:
		return xasprintf("no %ssets done", sd);
	case RULE_PAIN:
		return xasprintf("%s %d (back off)%s",
				 safe_show(e->pain_name ? e->pain_name : "pain"), in->pain,
				 in->morning > PAIN_ACCEPTABLE_MAX ? " and the next morning too" : "");
	case RULE_MORNING:
	case RULE_WORSE:
		break;
	}
	return NULL;
}

static char *verdict_words(const struct progress_event *e, const struct rule_step *rs)
{
	const struct rule_decision *d = e->d;
	char load[40], kg[LOAD_TEXT_SIZE];
	load_words(load, sizeof load, " with", d->next_load);
	const char *what = e->session->kind == LM_CHECKIN ? "session or morning" : "session";
	switch (d->verdict) {
	case RULE_UP:
		return xasprintf("up to %d", d->next);
	case RULE_LOAD:
		load_format(kg, d->next_load);
		if (rs->min == rs->max)
			return xasprintf("at the top (%d): load up to %s kg", d->target, kg);
		return xasprintf("at the top (%d): load up to %s kg, reps back to %d",
				 d->target, kg, d->next);
	case RULE_TOP:
		return xasprintf("at the top (%d) with no load to add: stays; consider adding load",
				 d->next);
	case RULE_BACK:
		if (d->at_bottom)
			return xasprintf("second bad %s in a row, already at the bottom: "
					 "stays at %d%s", what, d->next, load);
		if (d->next_load != d->load && d->next == d->target) {
			load_format(kg, d->next_load);
			return xasprintf("second bad %s in a row: load back to %s kg", what, kg);
		}
		return xasprintf("second bad %s in a row: back to %d", what, d->next);
	case RULE_HOLD:
		if (d->undone)
			return xasprintf("held at %d%s, where it was last done", d->next, load);
		return xasprintf("held at %d%s", d->next, load);
	}
	return xstrdup("");
}

static void why_event(void *ctx, const struct progress_event *e)
{
	struct why *w = ctx;
	const struct step *st = &w->r->steps[e->step];
	/* a bad morning the session line told already, that changed nothing
	 * more, is not told twice */
	if (e->session->kind == LM_CHECKIN && e->answers && !e->d->undone &&
	    e->d->verdict != RULE_BACK)
		return;
	struct rule_step rs;
	rule_step_of(&rs, st);
	char *src = source_words(e);
	char *sets = sets_words(e, &rs);
	char *verdict = verdict_words(e, &rs);
	char *line = xasprintf("%s: %s%s%s", src, sets ? sets : "", sets ? ": " : "", verdict);
	free(src);
	free(sets);
	free(verdict);
	const struct rule_decision *d = e->d;
	const struct lm_session *by = (d->reason == RULE_MORNING || d->reason == RULE_WORSE) &&
				      e->morning ? e->morning : e->session;
	struct why_side *ws = &w->v[e->step * TARGET_SIDES + e->side];
	ws->v = xgrow(ws->v, &ws->cap, ws->n + 1, sizeof *ws->v);
	ws->v[ws->n++] = (struct why_line){
		.when = by->when, .ms = by->ms, .seq = w->seq++, .text = line,
	};
}

static int line_cmp(const void *a, const void *b)
{
	const struct why_line *x = a, *y = b;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	if (x->ms != y->ms)
		return x->ms < y->ms ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The sides a step is done on. */
static unsigned step_sides(const struct step *st)
{
	if (st->side == SIDE_BOTH)
		return 1u << SIDE_LEFT | 1u << SIDE_RIGHT;
	return 1u << (st->side == SIDE_LEFT || st->side == SIDE_RIGHT ? st->side : SIDE_NONE);
}

static void print_target(FILE *out, const struct step *st, enum side side,
			 const struct side_target *t)
{
	char load[40], kg[LOAD_TEXT_SIZE];
	load_words(load, sizeof load, " at", t->load);
	fprintf(out, "%s%s%s: %d reps%s", safe_show(st->name), side == SIDE_NONE ? "" : ", ",
		side == SIDE_NONE ? "" : side_word(side), t->reps, load);
	if (t->load_added && t->load_before != LOAD_NONE) {
		load_format(kg, t->load_before);
		fprintf(out, " (up from %s kg; L in the session keeps %s kg)", kg, kg);
	}
	if (t->at_top)
		fputs(" (at the top of the range: consider adding load)", out);
	fputc('\n', out);
}

static void print_side(FILE *out, const struct why *w, size_t i, enum side side,
		       const struct side_target *t)
{
	struct why_side *ws = &w->v[i * TARGET_SIDES + side];
	print_target(out, &w->r->steps[i], side, t);
	/* newest last: a morning that decided about the session before it
	 * comes after the sessions between them */
	if (ws->n)
		qsort(ws->v, ws->n, sizeof *ws->v, line_cmp);
	if (!ws->n) {
		fprintf(out, "  nothing in the log yet: starts at %d\n", t->reps);
		return;
	}
	size_t shown = ws->n < w->keep ? ws->n : w->keep;
	if (ws->n > shown)
		fprintf(out, "  %zu older decision%s not shown\n", ws->n - shown,
			ws->n - shown == 1 ? "" : "s");
	for (size_t k = ws->n - shown; k < ws->n; k++)
		fprintf(out, "  %s\n", ws->v[k].text);
}

const char *progress_why_print(FILE *out, const char *log_path, const struct routine *r,
			       size_t keep)
{
	struct why w = {.r = r, .keep = keep ? keep : 1,
			.v = xcalloc(r->nsteps * TARGET_SIDES + 1, sizeof *w.v)};
	struct step_target *t = xcalloc(r->nsteps + 1, sizeof *t);
	const char *kind = progress_replay(log_path, NULL, 0, r, t, why_event, &w);
	fprintf(out, "%s: today's targets, and the sessions that decided them (newest last)\n",
		safe_show(r->name));
	bool any = false;
	for (size_t i = 0; i < r->nsteps; i++) {
		if (!rule_step_has(&r->steps[i]))
			continue;
		any = true;
		unsigned sides = step_sides(&r->steps[i]);
		for (int sd = 0; sd < TARGET_SIDES; sd++)
			if (sides & 1u << sd) {
				fputc('\n', out);
				print_side(out, &w, i, (enum side)sd, &t[i].side[sd]);
			}
	}
	if (!any)
		fputs("No step progresses: none has `progress: true` or `load:`.\n", out);
	for (size_t i = 0; i < r->nsteps * TARGET_SIDES; i++) {
		for (size_t k = 0; k < w.v[i].n; k++)
			free(w.v[i].v[k].text);
		free(w.v[i].v);
	}
	free(w.v);
	free(t);
	return kind;
}
