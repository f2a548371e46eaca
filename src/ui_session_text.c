/* ui_session_text.c: what the session screen says, from the engine's view
 * of the session: the heading's words, the big words and figure, the
 * counters, the cue and what comes next.  Words only: no drawing here. */
#include "config.h"

#include "ui_session_text.h"

#include <stdio.h>
#include <string.h>

#include "util.h"
#include "zones.h"

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
	if (v->paused)
		snprintf(out, n, "PAUSED");
	else if (v->kind == SEG_SET && v->phase != PHASE_NONE)
		snprintf(out, n, "%s %lld", tempo_phase_word(v->phase), (v->phase_left + 999) / 1000);
	else if (v->kind == SEG_SET && v->input == INPUT_COUNT)
		snprintf(out, n, "HOW MANY?");
	else
		snprintf(out, n, "%s", kinds[v->kind].word);
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
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < 3 && len < n; i++)
		if (*part[i])
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? gap : "", part[i]);
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
	out[0] = '\0';
	if (v->kind == SEG_SET && v->phase != PHASE_NONE)
		snprintf(out, n, "%d", v->rep);
	else if (v->kind == SEG_SET && (v->input == INPUT_REPS || v->input == INPUT_COUNT))
		snprintf(out, n, "%d", v->typed >= 0 ? v->typed : v->reps_done);
	else if (v->kind == SEG_RATE && v->typed >= 0)
		snprintf(out, n, "%d", v->typed);
	else if (v->timed) {
		long long s = (v->remaining + 999) / 1000;
		if (s >= 3600)
			snprintf(out, n, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
		else
			snprintf(out, n, "%lld:%02lld", s / 60, s % 60);
	}
}

/* "2 of 3", or "2/3" where room is short. */
static void of(char *out, size_t n, int a, int b, bool brief)
{
	snprintf(out, n, brief ? "%d/%d" : "%d of %d", a, b);
}

/* The counters line: set, rep, spot, round.  `brief` for narrow screens. */
void sess_counters(const struct engine_view *v, char *out, size_t n, bool brief)
{
	const struct segment *s = v->seg;
	const char *gap = brief ? "  " : "   ";
	char a[32], b[32];
	out[0] = '\0';
	if (!s)
		return;
	switch (v->kind) {
	case SEG_SET:
		of(a, sizeof a, s->set, s->nsets, brief);
		if (v->phase != PHASE_NONE) {
			of(b, sizeof b, v->rep, v->target, brief);
			snprintf(out, n, "set %s%srep %s", a, gap, b);
		} else {
			/* the count being typed, as the big figure shows it */
			of(b, sizeof b, v->input == INPUT_COUNT && v->typed >= 0 ? v->typed : v->reps_done,
			   v->target, brief);
			snprintf(out, n, "set %s%s%s reps", a, gap, b);
		}
		break;
	case SEG_REST:
		of(a, sizeof a, s->set, s->nsets, brief);
		snprintf(out, n, "after set %s", a);
		break;
	case SEG_SPOT:
		of(a, sizeof a, s->spot + 1, (int)v->step->nspots, brief);
		snprintf(out, n, "spot %s: %s", a, v->step->spots[s->spot].name);
		break;
	case SEG_ICE_ON:
		if (s->nrounds > 1) {
			of(a, sizeof a, s->round, s->nrounds, brief);
			snprintf(out, n, "round %s", a);
		}
		break;
	case SEG_RATE:
		/* a pain rating typed: its zone, "6 back off" */
		if (typed_zone(v) != ZONE_COUNT)
			snprintf(out, n, "%d %s", v->typed, pain_zone_word(typed_zone(v)));
		break;
	case SEG_ICE_OFF:
		/* the round just done is over: what counts now is the next */
		of(a, sizeof a, s->round + 1, s->nrounds, brief);
		snprintf(out, n, brief ? "packs off" : "packs off until round %s", a);
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
