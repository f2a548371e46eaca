/* ui_session_text.c: what the session screen says, from the engine's view
 * of the session: the heading's words, the big words and figure, the
 * counters, the cue and what comes next.  Words only: no drawing here. */
#include "config.h"

#include "ui_session_text.h"

#include <stdio.h>
#include <string.h>

#include "util.h"
#include "zones.h"

/* Text put together without printf(): what follows runs every second of
 * a countdown, where a printf() costs more than drawing what changed. */
struct put {
	char *s;
	size_t n, len;
};

static struct put put_start(char *out, size_t n)
{
	out[0] = '\0';
	return (struct put){ out, n, 0 };
}

static void put_s(struct put *p, const char *s)
{
	while (*s && p->len + 1 < p->n)
		p->s[p->len++] = *s++;
	p->s[p->len] = '\0';
}

/* `v` (not negative) in at least `width` digits, zeros in front. */
static void put_num(struct put *p, long long v, int width)
{
	char t[24];
	int k = 0;
	if (v < 0)
		v = 0;
	do {
		t[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || k < width);
	while (k && p->len + 1 < p->n)
		p->s[p->len++] = t[--k];
	p->s[p->len] = '\0';
}

static enum ui_color side_color(enum side s)
{
	return s == SIDE_LEFT ? C_LEFT : s == SIDE_RIGHT ? C_RIGHT : C_TITLE;
}

/* A pain rating with a value typed: the value's zone; else ZONE_COUNT. */
static enum pain_zone typed_zone(const struct engine_view *v)
{
	if (v->kind != SEG_RATE || !v->step || v->step->measure != MEASURE_PAIN || v->typed < 0)
		return ZONE_COUNT;
	return pain_zone(v->typed);
}

enum ui_color sess_phase_color(const struct engine_view *v)
{
	if (typed_zone(v) != ZONE_COUNT)
		return paint_zone_color(typed_zone(v));
	switch (v->kind) {
	case SEG_ICE_ON:
	case SEG_ICE_OFF: return C_ICE;
	case SEG_REST: return C_REST;
	case SEG_LEADIN: return C_DIM;
	default: return side_color(v->side);
	}
}

/* Each kind of segment: its phase in words, in the big font when that
 * differs, and whether the side goes with it (a rest or ice off is for
 * both legs).  A timer says TIMER, not HOLD, which is a tempo's phase. */
static const struct {
	const char *word, *big;
	bool sided;
} kinds[SEG_KIND_COUNT] = {
	[SEG_NOTE] = { "NOTE", NULL, false },
	[SEG_LEADIN] = { "GET READY", NULL, true },
	[SEG_ICE_ON] = { "ICE ON", NULL, true },
	[SEG_ICE_OFF] = { "ICE OFF", NULL, false },
	[SEG_SPOT] = { "MASSAGE", NULL, true },
	[SEG_TIMER] = { "TIMER", NULL, true },
	[SEG_SET] = { "REPS", NULL, true },
	[SEG_REST] = { "REST", NULL, false },
	[SEG_RATE] = { "RATE 0-10", "RATE", false },
};

static const char *side_caps(enum side s, bool brief)
{
	if (s == SIDE_LEFT)
		return brief ? "L" : "LEFT";
	return s == SIDE_RIGHT ? (brief ? "R" : "RIGHT") : "";
}

/* "ICE ON", "DOWN 2", "HOW MANY?", "PAUSED" ... */
static void phase_name(const struct engine_view *v, char *out, size_t n)
{
	struct put p = put_start(out, n);
	if (v->paused) {
		put_s(&p, "PAUSED");
	} else if (v->kind == SEG_SET && v->phase != PHASE_NONE) {
		put_s(&p, tempo_phase_word(v->phase));
		put_s(&p, " ");
		put_num(&p, (v->phase_left + 999) / 1000, 1);
	} else if (v->kind == SEG_SET && v->input == INPUT_COUNT) {
		put_s(&p, "HOW MANY?");
	} else {
		put_s(&p, kinds[v->kind].word);
	}
}

/* The big words: the side, toward its own edge behind an arrow, and the
 * phase or part; shaded where nothing is on (ICE OFF) or nothing runs
 * (PAUSED), so that they look unlike ICE ON and the rest without colour. */
void sess_big_words(const struct engine_view *v, struct big_words *bw)
{
	memset(bw, 0, sizeof *bw);
	bw->edge = BIG_NO_EDGE;
	if (v->paused || v->kind != SEG_RATE || v->input == INPUT_RATING)
		phase_name(v, bw->word, sizeof bw->word);
	if (!v->paused && kinds[v->kind].big && !strcmp(bw->word, kinds[v->kind].word))
		snprintf(bw->word, sizeof bw->word, "%s", kinds[v->kind].big);
	bw->shaded = v->paused || v->kind == SEG_ICE_OFF;
	if (!v->paused && kinds[v->kind].sided && (v->side == SIDE_LEFT || v->side == SIDE_RIGHT)) {
		bw->edge = v->side == SIDE_LEFT ? BIG_LEFT_EDGE : BIG_RIGHT_EDGE;
		snprintf(bw->edge_word, sizeof bw->edge_word, "%s",
			 v->side == SIDE_LEFT ? "<LEFT" : "RIGHT>");
	}
	if (!bigfont_can_draw(bw->word))
		bw->word[0] = '\0';
}

/* The non-empty ones of `part`, `gap` between them. */
static void join(char *out, size_t n, const char *gap, const char *const part[3])
{
	struct put p = put_start(out, n);
	for (int i = 0; i < 3; i++)
		if (*part[i]) {
			if (p.len)
				put_s(&p, gap);
			put_s(&p, part[i]);
		}
}

/* The heading: side and phase in words ("LEFT  MASSAGE"), and after them
 * `big`, the time or count, when the digits are not drawn big.  The time is
 * the one thing that must stay whole, so at small widths the words give way
 * first: single spaces, the side's initial, the phase dropped, then the
 * side. */
void sess_heading(const struct engine_view *v, const char *big, int w, char *out, size_t n)
{
	static const struct {
		const char *gap;
		bool brief_side, phase;
	} forms[] = {
		{ "  ", false, true }, { " ", false, true }, { " ", true, true },
		{ " ", false, false }, { " ", true, false },
	};
	char name[32];
	phase_name(v, name, sizeof name);
	bool sided = !v->paused && kinds[v->kind].sided;
	for (size_t i = 0; i < ARRAY_LEN(forms); i++) {
		/* with no time after it, the phase is all there is to keep */
		if (!forms[i].phase && !*big)
			break;
		const char *part[3] = { sided ? side_caps(v->side, forms[i].brief_side) : "",
					forms[i].phase ? name : "", big };
		join(out, n, forms[i].gap, part);
		if ((int)strlen(out) <= w)
			return;
	}
	if (*big)
		snprintf(out, n, "%s", big);
}

/* The big text: remaining time, the rep, the count or rating typed. */
void sess_big_text(const struct engine_view *v, char *out, size_t n)
{
	struct put p = put_start(out, n);
	if (v->kind == SEG_SET && v->phase != PHASE_NONE) {
		put_num(&p, v->rep, 1);
	} else if (v->kind == SEG_SET && (v->input == INPUT_REPS || v->input == INPUT_COUNT)) {
		put_num(&p, v->typed >= 0 ? v->typed : v->reps_done, 1);
	} else if (v->kind == SEG_RATE && v->typed >= 0) {
		put_num(&p, v->typed, 1);
	} else if (v->timed) {
		long long s = (v->remaining + 999) / 1000;
		if (s >= 3600) {
			put_num(&p, s / 3600, 1);
			put_s(&p, ":");
		}
		put_num(&p, s >= 3600 ? s / 60 % 60 : s / 60, s >= 3600 ? 2 : 1);
		put_s(&p, ":");
		put_num(&p, s % 60, 2);
	}
}

/* "2 of 3", or "2/3" where room is short. */
static void put_of(struct put *p, int a, int b, bool brief)
{
	put_num(p, a, 1);
	put_s(p, brief ? "/" : " of ");
	put_num(p, b, 1);
}

/* The counters line: set, rep, spot, round.  `brief` for narrow screens. */
void sess_counters(const struct engine_view *v, char *out, size_t n, bool brief)
{
	const struct segment *s = v->seg;
	const char *gap = brief ? "  " : "   ";
	struct put p = put_start(out, n);
	if (!s)
		return;
	switch (v->kind) {
	case SEG_SET:
		put_s(&p, "set ");
		put_of(&p, s->set, s->nsets, brief);
		put_s(&p, gap);
		if (v->phase != PHASE_NONE) {
			put_s(&p, "rep ");
			put_of(&p, v->rep, v->target, brief);
		} else {
			/* the count being typed, as the big figure shows it */
			put_of(&p, v->input == INPUT_COUNT && v->typed >= 0 ? v->typed : v->reps_done,
			       v->target, brief);
			put_s(&p, " reps");
		}
		break;
	case SEG_REST:
		put_s(&p, "after set ");
		put_of(&p, s->set, s->nsets, brief);
		break;
	case SEG_SPOT:
		put_s(&p, "spot ");
		put_of(&p, s->spot + 1, (int)v->step->nspots, brief);
		put_s(&p, ": ");
		put_s(&p, v->step->spots[s->spot].name);
		break;
	case SEG_ICE_ON:
		if (s->nrounds > 1) {
			put_s(&p, "round ");
			put_of(&p, s->round, s->nrounds, brief);
		}
		break;
	case SEG_RATE:
		/* a pain rating typed: its zone, "6 back off" */
		if (typed_zone(v) != ZONE_COUNT) {
			put_num(&p, v->typed, 1);
			put_s(&p, " ");
			put_s(&p, pain_zone_word(typed_zone(v)));
		}
		break;
	case SEG_ICE_OFF:
		/* the round just done is over: what counts now is the next */
		put_s(&p, "packs off");
		if (!brief) {
			put_s(&p, " until round ");
			put_of(&p, s->round + 1, s->nrounds, false);
		}
		break;
	default:
		break;
	}
}

enum ui_color sess_counters_color(const struct engine_view *v)
{
	return typed_zone(v) != ZONE_COUNT ? paint_zone_color(typed_zone(v)) : C_NORMAL;
}

/* The reminder for what is under way: the spot's own cue, else the step's.
 * None while the packs are off (the step's cue says how to put them on),
 * nor for a note or a rating, whose title holds their cue already. */
const char *sess_cue_text(const struct engine_view *v)
{
	if (!v->step || v->kind == SEG_ICE_OFF || v->kind == SEG_NOTE || v->kind == SEG_RATE)
		return NULL;
	if (v->kind == SEG_SPOT && v->step->spots[v->seg->spot].cue)
		return v->step->spots[v->seg->spot].cue;
	return v->step->cue;
}

/* What comes next; nothing in a lead-in, whose title says it already.  In
 * ice off, the next round's cue (the packs go back on) goes with it. */
void sess_next_text(const struct engine_view *v, char *out, size_t n)
{
	out[0] = '\0';
	if (v->kind == SEG_LEADIN)
		return;
	const char *cue = v->kind == SEG_ICE_OFF && v->step ? v->step->cue : NULL;
	snprintf(out, n, "next: %s%s%s", v->next[0] ? v->next : "the end", cue ? ". " : "",
		 cue ? cue : "");
}
