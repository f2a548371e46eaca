/* engine_cue.c: what each change says: the cue of a segment entered (its
 * step, its side, what to do, a raised load or the top of the range, a
 * rating's scale), kept for the front ends to show and speak. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "engine_int.h"
#include "parse.h"
#include "zones.h"

void engine_set_cue(struct engine *e, const char *text)
{
	size_t n = strlen(text);
	if (n >= sizeof e->cue) {
		n = sizeof e->cue - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--; /* never cut a UTF-8 character in half */
	}
	memcpy(e->cue, text, n);
	e->cue[n] = '\0';
	e->cue_seq++;
	/* keep the last few, so a front end that wakes late can say them all */
	memcpy(e->cues[e->cue_seq % ENGINE_CUES], e->cue, n + 1);
}

/* "Load up: 10 kg, was 7.5; L to keep 7.5", while the set still has the
 * load progression raised (the user has not changed it). */
static bool load_up_words(const struct engine *e, const struct segment *s, char *out,
			  size_t outsz)
{
	const struct side_target *t = target_side(&e->targets[s->step], s->side);
	if (s->load != t->load)
		return false;
	char now[LOAD_TEXT_SIZE], was[LOAD_TEXT_SIZE];
	load_format(now, t->load);
	load_format(was, t->load_before < 0 ? 0 : t->load_before);
	snprintf(out, outsz, ". Load up: %s kg, was %s; L to keep %s", now, was, was);
	return true;
}

/* What a rating that says what it measures adds to its cue: for pain its
 * zones, "Pain: 0-3 fine, 4-5 acceptable, 6+ back off"; else the word,
 * "Measures tightness". */
static void rate_scale(enum measure m, char *out, size_t n)
{
	if (m == MEASURE_PAIN) {
		char z[80];
		pain_zones_text(z, sizeof z, ", ");
		snprintf(out, n, "Pain: %s", z);
	} else {
		snprintf(out, n, "Measures %s", measure_word(m));
	}
}

/* The cue of a segment being entered; a step's first segment names it. */
void engine_cue_segment(struct engine *e, const struct segment *s, bool new_step)
{
	char what[300], full[600];
	engine_describe(e, s, what, sizeof what);
	const struct step *st = seg_step(e, s);
	const char *extra = "";
	char up[160];
	const struct side_target *t = s->kind == SEG_SET ? target_side(&e->targets[s->step], s->side)
							 : NULL;
	if (t && s->set == 1 && t->load_added && s->load != LOAD_NONE && load_up_words(e, s, up, sizeof up))
		extra = up;
	else if (t && t->at_top && s->set == 1)
		extra = ". Top of the range reached: consider adding load";
	else if ((s->kind == SEG_ICE_ON || s->kind == SEG_SPOT || s->kind == SEG_TIMER) && st->cue &&
		 !(s->kind == SEG_SPOT && st->spots[s->spot].cue))
		extra = st->cue;
	if (s->kind == SEG_SPOT && st->spots[s->spot].cue)
		extra = st->spots[s->spot].cue;
	if (s->kind == SEG_SET && st->cue && !*extra)
		extra = st->cue;
	if (s->kind == SEG_NOTE)
		extra = "Press Enter to go on";
	char scale[96];
	if (s->kind == SEG_RATE && st->measure != MEASURE_NONE) {
		rate_scale(st->measure, scale, sizeof scale);
		extra = scale;
	}
	const char *sep = *extra && extra[0] != '.' ? ". " : "";
	/* a tempo set's first phase has no cue of its own: the set's says it */
	char first[48] = "";
	if (s->kind == SEG_SET && timed(s))
		snprintf(first, sizeof first, ". Rep 1: %s",
			 tempo_phase_word(st->tempo.down ? PHASE_DOWN : st->tempo.hold ? PHASE_HOLD : PHASE_UP));
	if (new_step)
		snprintf(full, sizeof full, "Step %zu of %zu, %s. %s%s%s%s", s->step + 1,
			 e->r->nsteps, st->name, what, sep, extra, first);
	else
		snprintf(full, sizeof full, "%s%s%s%s", what, sep, extra, first);
	engine_set_cue(e, full);
}

/* A raised load says so from the lead-in of its side's first set to that
 * set's end, where the user sees what to do about it. */
void engine_load_up_notice(struct engine *e, const struct segment *s)
{
	if (s->kind == SEG_LEADIN && s + 1 < e->plan.v + e->plan.n)
		s++;
	const struct side_target *t = s->kind == SEG_SET ? target_side(&e->targets[s->step], s->side)
							 : NULL;
	char up[160];
	if (t && t->load_added && s->set == 1 && s->load != LOAD_NONE &&
	    load_up_words(e, s, up, sizeof up))
		snprintf(e->notice, sizeof e->notice, "%s", up + 2);
}
