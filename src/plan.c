/* plan.c: expanding steps into segments (lead-in, work per side, set,
 * spot and round, rests, prompts) and printing the timeline. */
#include "config.h"

#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "safetext.h"
#include "util.h"

static const char *const seg_words[] = {
#define X(id, word) word,
	SEG_KINDS(X)
#undef X
};

const char *seg_kind_word(enum seg_kind k)
{
	return (unsigned)k < SEG_KIND_COUNT ? seg_words[k] : "?";
}

int step_default_target(const struct step *st)
{
	return st->progress ? st->reps.min : st->reps.max;
}

static struct segment *push(struct plan *p, enum seg_kind kind, size_t step,
			    enum side side, long long duration)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	struct segment *s = &p->v[p->n++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->step = step;
	s->side = side;
	s->spot = -1;
	s->load = LOAD_NONE;
	s->duration = duration;
	s->offset = p->total;
	p->total += duration;
	if (kind == SEG_NOTE || kind == SEG_RATE)
		p->prompts++;
	return s;
}

/* Work that follows a lead-in when one is configured. */
static struct segment *push_work(struct plan *p, long long lead_in,
				 enum seg_kind kind, size_t step, enum side side,
				 long long duration)
{
	if (lead_in > 0)
		push(p, SEG_LEADIN, step, side, lead_in);
	return push(p, kind, step, side, duration);
}

static int side_count(enum side s)
{
	return s == SIDE_BOTH ? 2 : 1;
}

static enum side side_at(enum side s, int i)
{
	return s == SIDE_BOTH ? (i == 0 ? SIDE_LEFT : SIDE_RIGHT) : s;
}

static void expand_ice(struct plan *p, const struct step *st, size_t i, long long lead_in)
{
	for (int r = 1; r <= st->rounds; r++) {
		struct segment *s = push_work(p, lead_in, SEG_ICE_ON, i, st->side, st->duration);
		s->round = r;
		s->nrounds = st->rounds;
		if (r < st->rounds) {
			s = push(p, SEG_ICE_OFF, i, st->side, st->off);
			s->round = r;
			s->nrounds = st->rounds;
		}
	}
}

static void expand_reps(struct plan *p, const struct step *st, size_t i,
			long long lead_in, const struct step_target *t)
{
	long long rep = tempo_rep_ms(&st->tempo);
	for (int set = 1; set <= st->sets; set++) {
		for (int k = 0; k < side_count(st->side); k++) {
			enum side side = side_at(st->side, k);
			int target = t && target_side(t, side)->reps > 0 ?
				     target_side(t, side)->reps : step_default_target(st);
			struct segment *s = push_work(p, lead_in, SEG_SET, i, side,
						      rep * target);
			s->set = set;
			s->nsets = st->sets;
			s->target = target;
			/* a load only where the routine gives the step one */
			s->load = st->load == LOAD_NONE ? LOAD_NONE :
				  t && target_side(t, side)->load >= 0 ? target_side(t, side)->load :
				  st->load;
			if (!rep)
				p->self_sets++;
		}
		if (set < st->sets && st->rest > 0) {
			struct segment *s = push(p, SEG_REST, i, SIDE_NONE, st->rest);
			s->set = set;
			s->nsets = st->sets;
		}
	}
}

void plan_build(struct plan *p, const struct routine *r, long long lead_in,
		const struct step_target *targets)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *st = &r->steps[i];
		switch (st->type) {
		case STEP_NOTE:
			push(p, SEG_NOTE, i, SIDE_NONE, 0);
			break;
		case STEP_RATE:
			push(p, SEG_RATE, i, SIDE_NONE, 0);
			break;
		case STEP_ICE:
			expand_ice(p, st, i, lead_in);
			break;
		case STEP_TIMER:
			for (int k = 0; k < side_count(st->side); k++)
				push_work(p, lead_in, SEG_TIMER, i, side_at(st->side, k),
					  st->duration);
			break;
		case STEP_MASSAGE:
			for (int k = 0; k < side_count(st->side); k++)
				for (size_t j = 0; j < st->nspots; j++)
					push_work(p, lead_in, SEG_SPOT, i, side_at(st->side, k),
						  st->spots[j].duration)->spot = (int)j;
			break;
		case STEP_REPS:
			expand_reps(p, st, i, lead_in, targets ? &targets[i] : NULL);
			break;
		default:
			break;
		}
	}
}

void plan_free(struct plan *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

static const char *side_upper(enum side s)
{
	switch (s) {
	case SIDE_LEFT: return "LEFT ";
	case SIDE_RIGHT: return "RIGHT ";
	case SIDE_BOTH: return "BOTH ";
	default: return "";
	}
}

void load_words(char out[LOAD_WORDS_SIZE], long grams)
{
	char kg[LOAD_TEXT_SIZE];
	if (grams < 0) {
		out[0] = '\0';
		return;
	}
	load_format(kg, grams);
	if (grams)
		snprintf(out, LOAD_WORDS_SIZE, "%s kg", kg);
	else
		snprintf(out, LOAD_WORDS_SIZE, "bodyweight");
}

static int side_reps(const struct step *st, const struct step_target *t, enum side side)
{
	return t && target_side(t, side)->reps > 0 ? target_side(t, side)->reps
						    : step_default_target(st);
}

static long side_load(const struct step *st, const struct step_target *t, enum side side)
{
	if (st->load == LOAD_NONE)
		return LOAD_NONE;
	return t && target_side(t, side)->load >= 0 ? target_side(t, side)->load : st->load;
}

void targets_words(char *out, size_t outsz, const struct step *st,
		   const struct step_target *t)
{
	char l1[LOAD_WORDS_SIZE + 2] = "", l2[LOAD_WORDS_SIZE + 2] = "", w[LOAD_WORDS_SIZE];
	if (st->side != SIDE_BOTH) {
		load_words(w, side_load(st, t, st->side));
		snprintf(out, outsz, "%d reps%s%s", side_reps(st, t, st->side), w[0] ? ", " : "", w);
		return;
	}
	int rl = side_reps(st, t, SIDE_LEFT), rr = side_reps(st, t, SIDE_RIGHT);
	long ll = side_load(st, t, SIDE_LEFT), lr = side_load(st, t, SIDE_RIGHT);
	load_words(w, ll);
	if (w[0])
		snprintf(l1, sizeof l1, ", %s", w);
	load_words(w, lr);
	if (w[0])
		snprintf(l2, sizeof l2, ", %s", w);
	if (ll != lr)
		snprintf(out, outsz, "left %d reps%s; right %d reps%s", rl, l1, rr, l2);
	else if (rl != rr)
		snprintf(out, outsz, "left %d, right %d reps%s", rl, rr, l1);
	else
		snprintf(out, outsz, "%d reps each side%s", rl, l1);
}

void segment_describe(const struct routine *r, const struct segment *s,
		      char *out, size_t outsz)
{
	const struct step *st = &r->steps[s->step];
	switch (s->kind) {
	case SEG_NOTE:
		snprintf(out, outsz, "note: press a key to go on");
		break;
	case SEG_RATE:
		snprintf(out, outsz, "rate 0 to 10");
		break;
	case SEG_LEADIN:
		snprintf(out, outsz, "%sget ready", side_upper(s->side));
		break;
	case SEG_ICE_ON:
		snprintf(out, outsz, "%sICE ON, round %d of %d", side_upper(s->side),
			 s->round, s->nrounds);
		break;
	case SEG_ICE_OFF:
		snprintf(out, outsz, "ICE OFF after round %d of %d", s->round, s->nrounds);
		break;
	case SEG_SPOT:
		snprintf(out, outsz, "%sspot %d of %zu: %s", side_upper(s->side),
			 s->spot + 1, st->nspots, st->spots[s->spot].name);
		break;
	case SEG_TIMER:
		snprintf(out, outsz, "%stimer", side_upper(s->side));
		break;
	case SEG_SET: {
		char lw[LOAD_WORDS_SIZE], load[LOAD_WORDS_SIZE + 4] = "";
		load_words(lw, s->load);
		if (lw[0])
			snprintf(load, sizeof load, " (%s)", lw);
		if (st->tempo.self)
			snprintf(out, outsz, "%sset %d of %d: %d reps%s, self-paced",
				 side_upper(s->side), s->set, s->nsets, s->target, load);
		else
			snprintf(out, outsz, "%sset %d of %d: %d reps%s at %d-%d-%d",
				 side_upper(s->side), s->set, s->nsets, s->target, load,
				 st->tempo.down, st->tempo.hold, st->tempo.up);
		break;
	}
	case SEG_REST:
		snprintf(out, outsz, "REST after set %d of %d", s->set, s->nsets);
		break;
	default:
		snprintf(out, outsz, "?");
		break;
	}
}

/* The sides of a step's sets: one, or LEFT and RIGHT. */
static int step_sides(const struct step *st, enum side sides[2])
{
	sides[0] = side_at(st->side, 0);
	sides[1] = side_at(st->side, 1);
	return side_count(st->side);
}

/* What progression says of a step today, after the timeline: its targets,
 * a load it raised (which the session lets the user refuse), a top of the
 * range with no load to add. */
static void print_targets(FILE *out, const struct routine *r, const struct step_target *t)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct step *st = &r->steps[i];
		if (st->type != STEP_REPS || (!st->progress && st->load == LOAD_NONE))
			continue;
		const struct step_target *ti = t ? &t[i] : NULL;
		char words[200];
		targets_words(words, sizeof words, st, ti);
		fprintf(out, "%s today: %s\n", safe_show(st->name), words);
		if (!ti)
			continue;
		enum side sides[2];
		int n = step_sides(st, sides), tops = 0;
		for (int k = 0; k < n; k++)
			tops += target_side(ti, sides[k])->at_top;
		for (int k = 0; k < n; k++) {
			const struct side_target *sd = target_side(ti, sides[k]);
			const char *who = n == 1 ? "" : sides[k] == SIDE_LEFT ? " (left)" : " (right)";
			if (sd->at_top && tops == n && k == 0)
				fprintf(out, "%s: at the top of its range; consider adding load\n",
					safe_show(st->name));
			else if (sd->at_top && tops < n)
				fprintf(out, "%s%s: at the top of its range; consider adding load\n",
					safe_show(st->name), who);
			if (sd->load_added && st->load != LOAD_NONE) {
				char now[LOAD_WORDS_SIZE], was[LOAD_TEXT_SIZE];
				load_words(now, sd->load);
				load_format(was, sd->load_before < 0 ? 0 : sd->load_before);
				fprintf(out, "%s%s: load up: %s, was %s; the session lets you keep %s\n",
					safe_show(st->name), who, now, was, was);
			}
		}
	}
}

void plan_print(FILE *out, const struct routine *r, const struct plan *p,
		const struct step_target *targets)
{
	int w = 4;
	for (size_t i = 0; i < r->nsteps; i++) {
		int n = safe_width(r->steps[i].name);
		if (n > w)
			w = n;
	}
	if (w > 32)
		w = 32;
	fprintf(out, "%s (%s)\n", safe_show(r->name), safe_show(r->file));
	fprintf(out, "%8s  %8s  %-*s  %s\n", "start", "length", w + 5, "step", "part");
	for (size_t i = 0; i < p->n; i++) {
		const struct segment *s = &p->v[i];
		char start[32], len[32], what[512];
		format_clock(start, sizeof start, s->offset);
		if (s->duration)
			format_clock(len, sizeof len, s->duration);
		else
			snprintf(len, sizeof len, "-");
		segment_describe(r, s, what, sizeof what);
		fprintf(out, "%8s  %8s  %3zu  ", start, len, s->step + 1);
		safe_column(out, r->steps[s->step].name, w, true);
		fprintf(out, "  %s\n", safe_show(what));
	}
	char total[32];
	format_clock(total, sizeof total, p->total);
	fprintf(out, "total %s timed", total);
	if (p->prompts)
		fprintf(out, ", %zu prompt%s", p->prompts, p->prompts == 1 ? "" : "s");
	if (p->self_sets)
		fprintf(out, ", %zu self-paced set%s", p->self_sets, p->self_sets == 1 ? "" : "s");
	fputc('\n', out);
	print_targets(out, r, targets);
}
