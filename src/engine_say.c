/* engine_say.c: what a session says out loud.  Each change makes one short
 * announcement, key word first ("Down", "Right leg, set 2 of 3, 9 reps",
 * "Ice off, 10 minutes"), with its kind (say.h), the bells that stand for
 * it when nothing speaks, and the session time from which it is too late.
 *
 * What comes next is announced before it: a lead-in says the part it leads
 * into, and a rest or a pause between ice rounds that no lead-in follows
 * says it 10 seconds before its end, so that a set starts with its first
 * phase word alone.  A part nothing announced says its short form as it
 * starts (a set's with its first phase word in the same breath: nothing
 * can then come between them).  The routine's cue text is said only where
 * there is time for it, at about 0.34 s a word (espeak-ng's default rate):
 * in a lead-in after the announcement, in a rest, at the start of a part of
 * 30 seconds or more that is not a set, and at a prompt.  Long parts have
 * milestones: halfway and "1 minute left" in parts over 5 minutes, "10
 * seconds" in every part of 30 seconds or more but a set (whose phase words
 * count it down) and a lead-in. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "engine_int.h"
#include "safetext.h"
#include "saytime.h"

/* The milestones said in the current segment (e->milestones). */
#define MS_HALF 1u
#define MS_MINUTE 2u
#define MS_TEN 4u

/* Session ms a text takes to say, about. */
static long long say_ms(const char *text)
{
	return saytime_ms(text);
}

void say_push(struct engine *e, enum say_kind kind, int bells, long long stale,
	      const char *fmt, ...)
{
	struct engine_say *s = &e->says[(e->say_seq + 1) % ENGINE_SAYS];
	s->kind = kind;
	s->bells = bells;
	s->epoch = e->epoch;
	s->stale = stale;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->text, sizeof s->text, fmt, ap);
	va_end(ap);
	e->say_seq++;
}

/* "90 seconds", "15 minutes", "2 minutes 30 seconds" */
static void duration_words(char *out, size_t n, long long ms)
{
	long long secs = (ms + 500) / 1000;
	if (secs < 120)
		snprintf(out, n, "%lld second%s", secs, secs == 1 ? "" : "s");
	else if (secs % 60 == 0)
		snprintf(out, n, "%lld minutes", secs / 60);
	else
		snprintf(out, n, "%lld minute%s %lld second%s", secs / 60, secs / 60 == 1 ? "" : "s",
			 secs % 60, secs % 60 == 1 ? "" : "s");
}

static const char *leg(enum side s)
{
	return s == SIDE_LEFT ? "Left leg, " : s == SIDE_RIGHT ? "Right leg, " : "";
}

static bool one_side(enum side s)
{
	return s == SIDE_LEFT || s == SIDE_RIGHT;
}

static bool first_of_step(const struct engine *e, const struct segment *s)
{
	const struct segment *p = s;
	while (p > e->plan.v && p[-1].kind == SEG_LEADIN && p[-1].step == s->step)
		p--;
	return p == e->plan.v || p[-1].step != s->step;
}

/* The segment's short form, and its kind: SIDE when it is on the other leg
 * than the last announced (which it then becomes). */
static enum say_kind short_form(struct engine *e, const struct segment *s, char *out, size_t n)
{
	const struct step *st = seg_step(e, s);
	char len[48];
	duration_words(len, sizeof len, s->duration);
	switch (s->kind) {
	case SEG_SET:
		if (first_of_step(e, s))
			/* the first set of a step says which exercise, first: the
			 * knee goes from straight to bent between two steps of the
			 * same leg.  "Set 1 of 3" goes (the screen shows it, set 2
			 * says it) so that it fits a 3-second lead-in as the others
			 * do, at espeak-ng's pace */
			snprintf(out, n, "%s, %s%d rep%s%s", safe_show(st->name),
				 s->side == SIDE_LEFT ? "left leg, " : s->side == SIDE_RIGHT ? "right leg, " : "",
				 s->target, s->target == 1 ? "" : "s",
				 st->tempo.self ? ", count each rep" : "");
		else
			snprintf(out, n, "%s%set %d of %d, %d rep%s%s", leg(s->side),
				 one_side(s->side) ? "s" : "S", s->set, s->nsets, s->target,
				 s->target == 1 ? "" : "s", st->tempo.self ? ", count each rep" : "");
		break;
	case SEG_ICE_ON:
		if (s->nrounds > 1)
			snprintf(out, n, "Ice on%s, %s, round %d of %d",
				 s->side == SIDE_LEFT ? ", left" : s->side == SIDE_RIGHT ? ", right" : "",
				 len, s->round, s->nrounds);
		else
			snprintf(out, n, "Ice on%s, %s",
				 s->side == SIDE_LEFT ? ", left" : s->side == SIDE_RIGHT ? ", right" : "",
				 len);
		break;
	case SEG_ICE_OFF:
		snprintf(out, n, "Ice off, %s", len);
		break;
	case SEG_SPOT:
		snprintf(out, n, "%s%s, %s", leg(s->side), safe_show(st->spots[s->spot].name), len);
		break;
	case SEG_TIMER:
		snprintf(out, n, "%s%s, %s", leg(s->side), safe_show(st->name), len);
		break;
	case SEG_REST:
		snprintf(out, n, "Rest, %s", len);
		break;
	case SEG_NOTE:
		snprintf(out, n, "Note: %s", safe_show(st->name));
		break;
	case SEG_RATE:
		snprintf(out, n, "Rate %s, 0 to 10", safe_show(st->name));
		break;
	default:
		snprintf(out, n, "Get ready");
		break;
	}
	if (one_side(s->side) && s->side != e->said_side) {
		e->said_side = s->side;
		return SAY_SIDE;
	}
	return s->kind == SEG_SET ? SAY_SET : SAY_PART;
}

static int kind_bells(enum say_kind k)
{
	return k == SAY_SIDE ? 2 : k == SAY_PHASE || k == SAY_STATE ? 1 : k == SAY_CUE || k == SAY_MILESTONE ? 0 : 3;
}

/* The routine's text for the segment: the spot's cue, else the step's. */
static const char *routine_cue(const struct engine *e, const struct segment *s)
{
	const struct step *st = seg_step(e, s);
	if (s->kind == SEG_SPOT && st->spots[s->spot].cue)
		return st->spots[s->spot].cue;
	return st->cue;
}

static enum tempo_phase first_phase(const struct tempo *t)
{
	return t->down ? PHASE_DOWN : t->hold ? PHASE_HOLD : PHASE_UP;
}

static long long phase_ms(const struct tempo *t, enum tempo_phase p)
{
	return 1000LL * (p == PHASE_DOWN ? t->down : p == PHASE_HOLD ? t->hold : t->up);
}

const char *say_phase_word(enum tempo_phase p)
{
	static const char *const words[] = { "", "Down", "Hold", "Up" };
	return (unsigned)p < ARRAY_LEN(words) ? words[p] : "";
}

void say_enter(struct engine *e, size_t idx, long long at)
{
	const struct segment *s = &e->plan.v[idx];
	const struct step *st = seg_step(e, s);
	bool announced = e->announced == idx + 1;
	e->announced = 0;
	e->epoch++;
	e->milestones = 0;
	long long end = timed(s) ? e->deadline : -1;
	char form[200];
	const char *cue = routine_cue(e, s);
	switch (s->kind) {
	case SEG_LEADIN: {
		if (idx + 1 >= e->plan.n)
			break;
		const struct segment *nx = s + 1;
		enum say_kind k = short_form(e, nx, form, sizeof form);
		say_push(e, k, kind_bells(k), end, "%s", form);
		e->announced = idx + 2;
		const char *nc = routine_cue(e, nx);
		/* only when it ends before the part does */
		if (nc && say_ms(form) + say_ms(safe_show(nc)) + 500 <= s->duration)
			say_push(e, SAY_CUE, 0, end, "%s", safe_show(nc));
		break;
	}
	case SEG_SET:
		if (timed(s)) {
			enum tempo_phase p = first_phase(&st->tempo);
			long long stale = at + phase_ms(&st->tempo, p);
			if (announced) {
				say_push(e, SAY_PHASE, 1, stale, "%s", say_phase_word(p));
			} else {
				/* one breath: nothing comes between them */
				enum say_kind k = short_form(e, s, form, sizeof form);
				say_push(e, k, kind_bells(k), stale, "%s. %s", form, say_phase_word(p));
			}
		} else if (announced) {
			say_push(e, SAY_PART, 1, -1, "Go");
		} else {
			enum say_kind k = short_form(e, s, form, sizeof form);
			say_push(e, k, kind_bells(k), -1, "%s", form);
		}
		break;
	case SEG_ICE_ON:
	case SEG_SPOT:
	case SEG_TIMER: {
		const char *first = s->kind == SEG_ICE_ON ? "Ice on" : "Go";
		if (announced) {
			say_push(e, SAY_PART, 1, end, "%s", first);
			snprintf(form, sizeof form, "%s", first);
		} else {
			enum say_kind k = short_form(e, s, form, sizeof form);
			say_push(e, k, kind_bells(k), end, "%s", form);
		}
		if (cue && s->duration >= 30000 &&
		    say_ms(form) + say_ms(safe_show(cue)) + 2000 <= s->duration)
			say_push(e, SAY_CUE, 0, end, "%s", safe_show(cue));
		break;
	}
	case SEG_ICE_OFF:
	case SEG_REST: {
		enum say_kind k = short_form(e, s, form, sizeof form);
		say_push(e, k, kind_bells(k), end, "%s", form);
		/* a rest has time for the reminder of how the sets go */
		if (s->kind == SEG_REST && cue &&
		    say_ms(form) + say_ms(safe_show(cue)) + 2000 <= s->duration)
			say_push(e, SAY_CUE, 0, end, "%s", safe_show(cue));
		break;
	}
	case SEG_NOTE:
	case SEG_RATE: {
		enum say_kind k = short_form(e, s, form, sizeof form);
		say_push(e, k, kind_bells(k), -1, "%s", form);
		if (cue)
			say_push(e, SAY_CUE, 0, -1, "%s", safe_show(cue));
		break;
	}
	default:
		break;
	}
}

void say_phase(struct engine *e, enum tempo_phase p, long long stale)
{
	say_push(e, SAY_PHASE, 1, stale, "%s", say_phase_word(p));
}

void say_state(struct engine *e, int bells, const char *text)
{
	say_push(e, SAY_STATE, bells, -1, "%s", text);
}

void say_tick(struct engine *e, long long now)
{
	const struct segment *s = cur_seg(e);
	if (!s || !timed(s) || e->paused || e->input != INPUT_NONE)
		return;
	if (s->kind != SEG_ICE_ON && s->kind != SEG_ICE_OFF && s->kind != SEG_TIMER &&
	    s->kind != SEG_SPOT && s->kind != SEG_REST)
		return;
	long long rem = e->deadline - now;
	size_t nx = e->cur + 1;
	/* a rest or a pause between rounds with no lead-in after it says
	 * what comes, 10 seconds before (a short one: at once) */
	if ((s->kind == SEG_REST || s->kind == SEG_ICE_OFF) && nx < e->plan.n &&
	    e->plan.v[nx].kind != SEG_LEADIN && e->announced != nx + 1) {
		bool short_one = s->duration < 20000;
		if (short_one || rem <= 10000) {
			char form[200];
			enum say_kind k = short_form(e, &e->plan.v[nx], form, sizeof form);
			say_push(e, k, kind_bells(k), e->deadline, "%s%s", short_one ? "" : "10 seconds. ",
				 form);
			e->announced = nx + 1;
			e->milestones |= MS_TEN | MS_MINUTE | MS_HALF;
			return;
		}
	}
	unsigned due = 0;
	if (s->duration > 300000 && rem <= s->duration / 2000 * 1000)
		due |= MS_HALF;
	if (s->duration > 300000 && rem <= 60000)
		due |= MS_MINUTE;
	if (s->duration >= 30000 && rem <= 10000)
		due |= MS_TEN;
	due &= ~e->milestones;
	if (!due)
		return;
	/* several at once (a - pressed): the latest alone */
	e->milestones |= due | (due & MS_TEN ? MS_MINUTE | MS_HALF : 0) | (due & MS_MINUTE ? MS_HALF : 0);
	const char *text = due & MS_TEN ? "10 seconds" : due & MS_MINUTE ? "1 minute left" : "Halfway";
	say_push(e, SAY_MILESTONE, 0, now + (due & MS_TEN ? 3000 : 10000), "%s", text);
}
