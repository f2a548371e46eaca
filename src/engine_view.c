/* engine_view.c: what a front end shows of a running session, in numbers
 * (once a second) and in words (on change), and each segment described in
 * words for cues and titles. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "engine_int.h"

/* ---- a segment in words ---- */

static const char *side_caps(enum side s)
{
	return s == SIDE_LEFT ? "LEFT" : s == SIDE_RIGHT ? "RIGHT" : s == SIDE_BOTH ? "BOTH" : "";
}

void engine_describe(const struct engine *e, const struct segment *s, char *out,
		     size_t outsz)
{
	const struct step *st = seg_step(e, s);
	char len[32];
	format_clock(len, sizeof len, s->duration);
	const char *sd = side_caps(s->side);
	const char *sp = *sd ? " " : "";
	switch (s->kind) {
	case SEG_NOTE:
		/* how to go on is the front end's to say (the cue adds it) */
		snprintf(out, outsz, "%s%s%s", st->name, st->cue ? ": " : "", st->cue ? st->cue : "");
		break;
	case SEG_RATE:
		snprintf(out, outsz, "%s: rate 0 to 10%s%s", st->name, st->cue ? ". " : "",
			 st->cue ? st->cue : "");
		break;
	case SEG_LEADIN:
		if (s + 1 < e->plan.v + e->plan.n) {
			char nx[200];
			engine_describe(e, s + 1, nx, sizeof nx);
			snprintf(out, outsz, "Get ready: %s", nx);
		} else {
			snprintf(out, outsz, "Get ready");
		}
		break;
	case SEG_ICE_ON:
		/* for ice, both means both packs at once: only one side is news */
		if (s->side == SIDE_BOTH || s->side == SIDE_NONE)
			sd = sp = "";
		if (s->nrounds > 1)
			snprintf(out, outsz, "ICE ON%s%s: %s, %s, round %d of %d", sp, sd,
				 st->name, len, s->round, s->nrounds);
		else
			snprintf(out, outsz, "ICE ON%s%s: %s, %s", sp, sd, st->name, len);
		break;
	case SEG_ICE_OFF:
		snprintf(out, outsz, "ICE OFF: %s, then round %d of %d", len, s->round + 1,
			 s->nrounds);
		break;
	case SEG_SPOT:
		snprintf(out, outsz, "%s%s%s, %s (spot %d of %zu)", sd, *sd ? ": " : "",
			 st->spots[s->spot].name, len, s->spot + 1, st->nspots);
		break;
	case SEG_TIMER:
		snprintf(out, outsz, "%s%s%s, %s", sd, *sd ? ": " : "", st->name, len);
		break;
	case SEG_SET: {
		/* "15 reps (7.5 kg) of Heel drop": the load where the reps are */
		char lw[LOAD_WORDS_SIZE], load[LOAD_WORDS_SIZE + 4] = "";
		load_words(lw, s->load);
		if (lw[0])
			snprintf(load, sizeof load, " (%s)", lw);
		if (st->tempo.self)
			snprintf(out, outsz, "%s%sset %d of %d: %d reps%s of %s, self-paced: count each rep",
				 sd, sp, s->set, s->nsets, s->target, load, st->name);
		else
			snprintf(out, outsz, "%s%sset %d of %d: %d reps%s of %s at %d-%d-%d",
				 sd, sp, s->set, s->nsets, s->target, load, st->name,
				 st->tempo.down, st->tempo.hold, st->tempo.up);
		break;
	}
	case SEG_REST:
		snprintf(out, outsz, "REST %s", len);
		break;
	default:
		snprintf(out, outsz, "?");
	}
}

/* ---- the view ---- */

const char *tempo_phase_word(enum tempo_phase p)
{
	static const char *const words[] = { "", "DOWN", "HOLD", "UP" };
	return (unsigned)p < ARRAY_LEN(words) ? words[p] : "";
}

static void view_tempo(const struct engine *e, const struct segment *s,
		       long long run, struct engine_view *v)
{
	const struct tempo *t = &seg_step(e, s)->tempo;
	long long rep = tempo_rep_ms(t);
	if (!rep || e->input != INPUT_NONE)
		return;
	long long k = run / rep;
	if (k >= s->target) {
		v->rep = s->target;
		return;
	}
	long long in = run % rep;
	v->rep = (int)k + 1;
	long long d = t->down * 1000LL, h = t->hold * 1000LL;
	if (in < d) {
		v->phase = PHASE_DOWN;
		v->phase_left = d - in;
	} else if (in < d + h) {
		v->phase = PHASE_HOLD;
		v->phase_left = d + h - in;
	} else {
		v->phase = PHASE_UP;
		v->phase_left = rep - in;
	}
}

void engine_view_numbers(const struct engine *e, struct engine_view *v)
{
	memset(v, 0, offsetof(struct engine_view, title));
	v->title[0] = v->next[0] = '\0';
	v->typed = -1;
	v->load = LOAD_NONE;
	v->nsteps = e->r->nsteps;
	const struct segment *s = cur_seg(e);
	if (!s) {
		v->done = true;
		v->session_progress = 1.0;
		v->step_index = e->r->nsteps;
		return;
	}
	long long now = engine_now(e);
	long long run = seg_elapsed(e, now);
	v->seg = s;
	v->step = seg_step(e, s);
	v->step_index = s->step;
	v->kind = s->kind;
	v->side = s->side;
	v->timed = timed(s);
	v->paused = e->paused;
	v->input = e->input;
	v->typed = e->typed;
	v->duration = s->duration;
	v->target = s->target;
	size_t at = load_set_at_hand(e);
	v->load = at < e->plan.n ? e->plan.v[at].load : LOAD_NONE;
	if (v->timed) {
		v->remaining = e->paused ? e->remaining :
			       e->input == INPUT_COUNT ? s->duration - e->seg_run : e->deadline - now;
		if (v->remaining < 0)
			v->remaining = 0;
	}
	if (s->kind == SEG_SET) {
		v->reps_done = e->input == INPUT_REPS || e->input == INPUT_COUNT ? e->reps
						      : tempo_reps_done(e, s, run);
		view_tempo(e, s, run, v);
	}
	/* progress: planned time before this segment plus what ran of it */
	long long done_ms = s->offset + (v->timed ? (run < s->duration ? run : s->duration) : 0);
	v->session_progress = e->plan.total ? (double)done_ms / (double)e->plan.total
					    : (double)e->cur / (double)e->plan.n;
	size_t first = e->cur, last = e->cur;
	while (first > 0 && e->plan.v[first - 1].step == s->step)
		first--;
	while (last + 1 < e->plan.n && e->plan.v[last + 1].step == s->step)
		last++;
	long long step_total = e->plan.v[last].offset + e->plan.v[last].duration -
			       e->plan.v[first].offset;
	v->step_progress = step_total > 0 ? (double)(done_ms - e->plan.v[first].offset) /
						    (double)step_total
					  : (double)(e->cur - first) / (double)(last - first + 1);
	if (v->session_progress > 1)
		v->session_progress = 1;
	if (v->step_progress > 1)
		v->step_progress = 1;
}

void engine_view(const struct engine *e, struct engine_view *v)
{
	engine_view_numbers(e, v);
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	engine_describe(e, s, v->title, sizeof v->title);
	size_t nx = e->cur + 1;
	while (nx < e->plan.n && e->plan.v[nx].kind == SEG_LEADIN)
		nx++;
	if (nx < e->plan.n)
		engine_describe(e, &e->plan.v[nx], v->next, sizeof v->next);
}
