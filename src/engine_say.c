/* engine_say.c: what a session says out loud.  Each change makes one short
 * announcement, key word first ("Down", "Right, set 2 of 3, 9 reps", "Ice
 * off, 10 minutes"), with its kind (say.h), the bells that stand for it
 * when nothing speaks, and the session time from which it is too late.
 *
 * What comes next is announced before it: a lead-in says the part it leads
 * into, and a rest or a pause between ice rounds that no lead-in follows,
 * or ice, a timer or a spot before a set, says it 10 seconds before its end
 * (one too short for that: as it starts, with its own words when both fit
 * before it ends, else alone, else not at all), so that a set starts with
 * its first phase word alone, on time.  A set nothing announced says only
 * what fits its first phase before the phase word ("Left leg. Down", "Set
 * 2. Down", "Down"); another part its short form as it starts.  The
 * routine's cue text, cut at a word to the queue's limit, is said only
 * where there is time for it, at about 0.34 s a word (espeak-ng's default
 * rate): in a lead-in after the announcement, in a rest, at the start of a
 * part of 30 seconds or more that is not a set, and at a prompt.  Long
 * parts have milestones: halfway and "1 minute left" in parts over 5
 * minutes, "10 seconds" in every part of 30 seconds or more but a set
 * (whose phase words count it down) and a lead-in; + and - say them again
 * when they are ahead again. */
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

/* What comes after a rest is said this long before its end. */
#define AHEAD_MS 10000
/* ... and again when + made it more than this much too early. */
#define AHEAD_LATE 5000
/* Margin on say_ms()'s estimate: none, since saytime.c counts the start
 * and the silence at the end, and punctuation (it was 500 ms over the old
 * 340 ms a word). */
#define SAY_SLACK 0

/* Session ms a text takes to say, about. */
static long long say_ms(const char *text)
{
	return saytime_ms(text);
}

/* `in` cut to fit `n` bytes (the queue's limit): at a sentence's end in
 * the second half, else at a word's, never inside a word (one word longer
 * than all: at a character's end). */
static void cut_words(char *out, size_t n, const char *in)
{
	size_t len = strlen(in);
	if (len < n) {
		memcpy(out, in, len + 1);
		return;
	}
	size_t end = n - 1, cut = 0;
	for (size_t i = end; i > n / 2 && !cut; i--)
		if (in[i] == ' ' && (in[i - 1] == '.' || in[i - 1] == '!' || in[i - 1] == '?'))
			cut = i;
	for (size_t i = end; i > 0 && !cut; i--)
		if (in[i] == ' ')
			cut = i;
	if (!cut)
		for (cut = end; cut > 0 && ((unsigned char)in[cut] & 0xC0) == 0x80;)
			cut--;
	/* no dangling comma: the cut reads as an end */
	while (cut > 0 && strchr(" ,;:-", in[cut - 1]))
		cut--;
	memcpy(out, in, cut);
	out[cut] = '\0';
}

void say_push(struct engine *e, enum say_kind kind, int bells, long long stale,
	      const char *fmt, ...)
{
	struct engine_say *s = &e->says[(e->say_seq + 1) % ENGINE_SAYS];
	s->kind = kind;
	s->bells = bells;
	s->epoch = e->epoch;
	s->stale = stale;
	char full[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(full, sizeof full, fmt, ap);
	va_end(ap);
	cut_words(s->text, sizeof s->text, full);
	e->say_seq++;
}

/* The routine's cue text as it will be said (safe, cut to the queue's
 * limit), after words of `used` ms, when that fits `room` ms (-1: any). */
static void say_cue_text(struct engine *e, long long stale, const char *cue, long long used,
			 long long room)
{
	char text[SPEECH_TEXT];
	cut_words(text, sizeof text, safe_show(cue));
	if (room < 0 || used + say_ms(text) <= room)
		say_push(e, SAY_CUE, 0, stale, "%s", text);
}

/* Key words of `text` said from session time `at`: when they end, about. */
static long long key_said(struct engine *e, long long at, const char *text)
{
	long long from = e->say_free > at ? e->say_free : at;
	e->say_free = from + say_ms(text);
	return e->say_free;
}

/* Whether `text` said from `at` (or when what is said now ends) ends, with
 * SAY_SLACK to spare, by `until`. */
static bool say_fits(const struct engine *e, long long at, const char *text, long long until)
{
	long long from = e->say_free > at ? e->say_free : at;
	return from + say_ms(text) + SAY_SLACK <= until;
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

/* The leg as an announcement's first word: "Left, " rather than "Left
 * leg, ", which a 3-second lead-in has no room for beside the rest. */
static const char *leg(enum side s)
{
	return s == SIDE_LEFT ? "Left, " : s == SIDE_RIGHT ? "Right, " : "";
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

/* The load a step's first set carries, for the ear: ", 7.5 kilograms"; ""
 * without a load or at none (the backpack off needs no word).  Changes
 * during the step are said as they are made (engine_load.c). */
static const char *load_said(const struct segment *s)
{
	static char out[48];
	if (s->load == LOAD_NONE || s->load <= 0)
		return "";
	char kg[LOAD_TEXT_SIZE];
	load_format(kg, s->load);
	snprintf(out, sizeof out, ", %s kilograms", kg);
	return out;
}

/* The segment's short form, and its kind: SIDE when it is on the other leg
 * than the last announced (which it then becomes). */
static enum say_kind short_form(struct engine *e, const struct segment *s, char *out, size_t n)
{
	const struct step *st = seg_step(e, s);
	char len[48];
	duration_words(len, sizeof len, s->duration);
	switch (s->kind) {
	/* The forms said in a lead-in end in under 3 s at espeak-ng's pace
	 * (its wav, silence included: "Left, set 2 of 3, 15 reps" 2.7 s,
	 * "Straight-knee heel drop, left leg" 2.1 s, "Left, Musculotendinous
	 * junction" 2.3 s), so that the first phase word or "Go" that follows
	 * starts on time; what they leave out is on the screen. */
	case SEG_SET:
		if (first_of_step(e, s))
			/* the first set of a step says which exercise, first: the
			 * knee goes from straight to bent between two steps of the
			 * same leg.  The set's number and reps go (the screen
			 * shows them, set 2 says them) */
			snprintf(out, n, "%s%s%s%s", safe_show(st->name),
				 s->side == SIDE_LEFT ? ", left leg" : s->side == SIDE_RIGHT ? ", right leg" : "",
				 load_said(s), st->tempo.self ? ", count each rep" : "");
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
	case SEG_TIMER:
		/* on one leg the leg takes the length's room */
		snprintf(out, n, "%s%s%s%s", leg(s->side),
			 safe_show(s->kind == SEG_SPOT ? st->spots[s->spot].name : st->name),
			 one_side(s->side) ? "" : ", ", one_side(s->side) ? "" : len);
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

/* Whether the part after `s` (index `nx`) is announced during `s`, which is
 * timed: after a rest or a pause between ice rounds whatever comes, after
 * ice, a timer or a spot a set (whose first phase word has no time for
 * it); never what a lead-in announces, nor twice. */
static bool ahead_due(const struct engine *e, const struct segment *s, size_t nx)
{
	if (nx >= e->plan.n || e->plan.v[nx].kind == SEG_LEADIN || e->announced == nx + 1)
		return false;
	if (s->kind == SEG_REST || s->kind == SEG_ICE_OFF)
		return true;
	return (s->kind == SEG_ICE_ON || s->kind == SEG_TIMER || s->kind == SEG_SPOT) &&
	       e->plan.v[nx].kind == SEG_SET;
}

/* Announce the part after the current one, ahead, at session time `at`:
 * `own` (the current part's own words, or NULL) and its form in one
 * utterance when that fits before the current part ends, else the form
 * alone; true when said.  Nothing that does not fit is said or marked: the
 * part then says what fits as it starts. */
static bool say_ahead(struct engine *e, long long at, const char *own, int bells)
{
	size_t nx = e->cur + 1;
	char form[SPEECH_TEXT], text[SPEECH_TEXT + 64];
	enum side was = e->said_side;
	enum say_kind k = short_form(e, &e->plan.v[nx], form, sizeof form);
	snprintf(text, sizeof text, "%s%s%s", own ? own : "", own ? ". " : "", form);
	if (!own || !say_fits(e, at, text, e->deadline))
		snprintf(text, sizeof text, "%s", form);
	if (!say_fits(e, at, text, e->deadline)) {
		e->said_side = was;
		return false;
	}
	say_push(e, k, bells > kind_bells(k) ? bells : kind_bells(k), e->deadline, "%s", text);
	key_said(e, at, text);
	e->announced = nx + 1;
	e->side_before = was;
	e->milestones |= MS_TEN | MS_MINUTE | MS_HALF;
	return true;
}

/* A timed part's first words, `text` of kind `k`, at `at`: a part too short
 * for them and the announcement of the next says both in one breath, or
 * the announcement alone. */
static void say_first(struct engine *e, const struct segment *s, long long at, enum say_kind k,
		      int bells, const char *text)
{
	if (s->duration < 2 * AHEAD_MS && ahead_due(e, s, e->cur + 1) && say_ahead(e, at, text, bells))
		return;
	say_push(e, k, bells, e->deadline, "%s", text);
	key_said(e, at, text);
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
	char form[SPEECH_TEXT];
	const char *cue = routine_cue(e, s);
	switch (s->kind) {
	case SEG_LEADIN: {
		if (idx + 1 >= e->plan.n)
			break;
		const struct segment *nx = s + 1;
		enum say_kind k = short_form(e, nx, form, sizeof form);
		say_push(e, k, kind_bells(k), end, "%s", form);
		key_said(e, at, form);
		e->announced = idx + 2;
		const char *nc = routine_cue(e, nx);
		/* only when it ends before the part does */
		if (nc)
			say_cue_text(e, end, nc, say_ms(form) + 500, s->duration);
		break;
	}
	case SEG_SET:
		if (timed(s)) {
			enum tempo_phase p = first_phase(&st->tempo);
			long long room = phase_ms(&st->tempo, p);
			long long stale = at + room;
			const char *w = say_phase_word(p);
			if (announced) {
				say_push(e, SAY_PHASE, 1, stale, "%s", w);
				break;
			}
			/* nothing announced it (no lead-in, no part before with
			 * time for it): what fits the first phase, the phase
			 * word on time; the rest is on the screen */
			enum say_kind k = short_form(e, s, form, sizeof form);
			char text[64];
			if (k == SAY_SIDE)
				snprintf(text, sizeof text, "%s leg. %s",
					 s->side == SIDE_LEFT ? "Left" : "Right", w);
			else if (!first_of_step(e, s))
				snprintf(text, sizeof text, "Set %d. %s", s->set, w);
			else
				text[0] = '\0';
			if (!text[0] || say_ms(text) + SAY_SLACK > room)
				snprintf(text, sizeof text, "%s", w);
			say_push(e, k, kind_bells(k), stale, "%s", text);
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
		/* a new part: three bells, announced or not */
		if (announced) {
			snprintf(form, sizeof form, "%s", s->kind == SEG_ICE_ON ? "Ice on" : "Go");
			say_first(e, s, at, SAY_PART, 3, form);
		} else {
			enum say_kind k = short_form(e, s, form, sizeof form);
			say_first(e, s, at, k, kind_bells(k), form);
		}
		if (cue && s->duration >= 30000)
			say_cue_text(e, end, cue, say_ms(form) + 2000, s->duration);
		break;
	}
	case SEG_ICE_OFF:
	case SEG_REST: {
		enum say_kind k = short_form(e, s, form, sizeof form);
		say_first(e, s, at, k, kind_bells(k), form);
		/* a rest has time for the reminder of how the sets go */
		if (s->kind == SEG_REST && cue)
			say_cue_text(e, end, cue, e->say_free - at + 2000, s->duration);
		break;
	}
	case SEG_NOTE:
	case SEG_RATE: {
		enum say_kind k = short_form(e, s, form, sizeof form);
		say_push(e, k, kind_bells(k), -1, "%s", form);
		if (cue)
			say_cue_text(e, -1, cue, 0, -1);
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
	/* what comes next, 10 seconds before (when it fits: a part too
	 * short said it with its own words, or leaves it to its start) */
	if (rem <= AHEAD_MS && ahead_due(e, s, e->cur + 1)) {
		/* "10 seconds" only when it is so (a - can come later) */
		if (say_ahead(e, now, rem > AHEAD_MS - 1000 ? "10 seconds" : NULL, 0))
			return;
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

void say_adjusted(struct engine *e, long long rem)
{
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	/* a milestone ahead again is said again */
	if (rem > AHEAD_MS)
		e->milestones &= ~MS_TEN;
	if (rem > 60000)
		e->milestones &= ~MS_MINUTE;
	if (rem > s->duration / 2000 * 1000)
		e->milestones &= ~MS_HALF;
	/* what comes, said too early now: said again 10 seconds before */
	if (e->announced == e->cur + 2 && rem > AHEAD_MS + AHEAD_LATE) {
		e->announced = 0;
		e->said_side = e->side_before;
	}
}
