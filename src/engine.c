/* engine.c: running a plan on absolute deadlines.  Each segment starts at
 * the exact deadline of the one before (never "now"), so a session does not
 * drift however late the front end wakes.  Every event becomes one log line,
 * written as it happens. */
#include "config.h"

#include "engine.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine_int.h"
#include "logfmt.h"
#include "slog.h"
#include "parse.h"

/* elog_record()'s count for a set skipped at its "how many?" prompt */
#define REPS_SKIP (-2)

/* ---- time ---- */

bool engine_guarded(const struct engine *e)
{
	return e->guard_until && e->clock.now_ms(e->clock.ctx) < e->guard_until;
}

/* ---- entering and leaving segments ---- */

/* The notice back to what is kept through the first step, if anything:
 * what else it said was about a part that is over, or a pause that is. */
static void restore_notice(struct engine *e)
{
	snprintf(e->notice, sizeof e->notice, "%s", e->kept);
}

/* End at session time `at`: the last deadline when the routine ran out (like
 * every segment, never the late tick's "now"), else now. */
static void end_session(struct engine *e, long long at, const char *status,
			const char *signame)
{
	if (e->status == ENGINE_DONE)
		return;
	elog_begin(e, LOG_END);
	logline_str(&e->line, "status", status);
	logline_secs(&e->line, "elapsed", at);
	if (signame)
		logline_str(&e->line, "signal", signame);
	elog_emit(e);
	e->status = ENGINE_DONE;
	e->end_status = status;
	e->input = INPUT_NONE;
	e->paused = false;
	engine_set_cue(e, !strcmp(status, "complete") ? "Routine complete. Well done" :
		   !strcmp(status, "quit") ? "Session ended" : "Session aborted");
	e->epoch++;
	say_push(e, SAY_END, 3, -1, "%s", !strcmp(status, "complete") ? "Routine complete" :
		 !strcmp(status, "quit") ? "Session ended" : "Session aborted");
}

static bool needs_answer(enum engine_input in)
{
	return in != INPUT_NONE;
}

static void enter(struct engine *e, size_t idx, long long at)
{
	if (idx >= e->plan.n) {
		end_session(e, at, "complete", NULL);
		return;
	}
	const struct segment *s = &e->plan.v[idx];
	bool new_step = !e->step_started || e->step_started - 1 != s->step;
	e->cur = idx;
	e->started = true;
	e->last_tick_real = e->clock.now_ms(e->clock.ctx);
	e->paused = false;
	e->seg_run = 0;
	e->run_since = at;
	e->deadline = at + s->duration;
	/* +/- pressed while getting ready was meant for this part, and only
	 * for it (b may lead elsewhere) */
	if (e->adjust_next && idx == e->adjust_for)
		e->deadline = at + s->duration + e->adjust_next;
	if (s->kind != SEG_LEADIN || idx + 1 != e->adjust_for)
		e->adjust_next = 0;
	e->reps = 0;
	e->typed = -1;
	e->last_rep = e->last_phase = -1;
	if (s->kind == SEG_SET && timed(s)) {
		/* the set's own cue starts it; phase cues follow from the next one */
		const struct tempo *t = &seg_step(e, s)->tempo;
		e->last_rep = 1;
		e->last_phase = t->down ? PHASE_DOWN : t->hold ? PHASE_HOLD : PHASE_UP;
	}
	/* a notice ends with the part it was about; a warning about the
	 * routine stays up while the first step runs */
	if (s->step != e->plan.v[0].step)
		e->kept[0] = '\0';
	restore_notice(e);
	engine_load_up_notice(e, s);
	switch (s->kind) {
	case SEG_NOTE: e->input = INPUT_ACK; break;
	case SEG_RATE: e->input = INPUT_RATING; break;
	case SEG_SET: e->input = timed(s) ? INPUT_NONE : INPUT_REPS; break;
	default: e->input = INPUT_NONE; break;
	}
	if (new_step) {
		const struct step *st = seg_step(e, s);
		e->step_started = s->step + 1;
		e->step_run = 0;
		elog_begin(e, LOG_STEP);
		logline_int(&e->line, "n", (long long)s->step + 1);
		logline_str(&e->line, "type", step_type_word(st->type));
		logline_str(&e->line, "name", st->name);
		elog_emit(e);
	}
	engine_cue_segment(e, s, new_step);
	say_enter(e, idx, at);
	if (e->stdin_closed && needs_answer(e->input))
		end_session(e, at, "quit", NULL);
}

static void resume(struct engine *e, long long now);

/* Leave the current segment forwards at session time `at` (its deadline
 * when it ran out, else now), record it, and enter the next at `at`.  A
 * paused segment (a prompt answered while paused) resumes first, so every
 * `pause` line has its `resume`. */
static void advance(struct engine *e, long long at, int reps, bool complete)
{
	if (e->paused)
		resume(e, at);
	elog_record(e, at, reps, complete);
	elog_done_if_last(e);
	enter(e, e->cur + 1, at);
}

/* ---- time passing ---- */

static void pause_at(struct engine *e, long long at)
{
	const struct segment *s = cur_seg(e);
	e->seg_run += at - e->run_since;
	if (timed(s))
		e->remaining = e->deadline - at;
	e->paused = true;
	e->pause_since = at;
}

static void handle_gap(struct engine *e, long long now, long long gap_from)
{
	const struct segment *s = cur_seg(e);
	bool real_time = s->kind == SEG_ICE_ON || s->kind == SEG_ICE_OFF ||
			 s->kind == SEG_TIMER || s->kind == SEG_REST || s->kind == SEG_LEADIN;
	if (real_time && e->deadline <= now) {
		/* ice stayed on, rest was rested: it counts, up to now */
		advance(e, now, -1, true);
		if (e->status == ENGINE_DONE || !cur_seg(e))
			return;
		/* a prompt would wait anyway, but pausing it too keeps every
		 * `pause` paired with a `resume` (the answer resumes it) */
		pause_at(e, now);
	} else if (real_time) {
		pause_at(e, now);
	} else {
		/* no rep or spot happened while the process was stopped */
		pause_at(e, gap_from);
	}
	elog_begin(e, LOG_PAUSE);
	elog_step_fields(e, cur_seg(e));
	logline_str(&e->line, "reason", "gap");
	logline_secs(&e->line, "gap", now - gap_from);
	elog_emit(e);
	snprintf(e->notice, sizeof e->notice, "Paused after a gap of %llds (suspended or stopped); %s",
		 (now - gap_from) / 1000, e->resume_how[0] ? e->resume_how : "resume to go on");
	engine_set_cue(e, e->notice);
	say_state(e, 1, "Paused after a gap");
	if (e->stdin_closed)
		resume(e, now); /* no key can ever end the pause: log the gap, go on */
}

static void tempo_cue(struct engine *e, long long now)
{
	struct engine_view v;
	engine_view_numbers(e, &v);
	(void)now;
	if (v.phase == PHASE_NONE || (v.rep == e->last_rep && (int)v.phase == e->last_phase))
		return;
	e->last_rep = v.rep;
	e->last_phase = (int)v.phase;
	char text[64];
	snprintf(text, sizeof text, "rep %d of %d: %s", v.rep, v.target,
		 tempo_phase_word(v.phase));
	engine_set_cue(e, text);
	say_phase(e, v.phase, now + v.phase_left);
}

void engine_tick(struct engine *e)
{
	if (e->status == ENGINE_DONE)
		return;
	long long real = e->clock.now_ms(e->clock.ctx);
	long long now = (real - e->origin_real) * e->speed;
	long long last_real = e->last_tick_real;
	e->last_tick_real = real;
	const struct segment *s = cur_seg(e);
	if (s && !e->paused && ((timed(s) && e->input == INPUT_NONE) || e->input == INPUT_REPS) &&
	    real - last_real > ENGINE_GAP_MS) {
		handle_gap(e, now, (last_real - e->origin_real) * e->speed);
		return;
	}
	while ((s = cur_seg(e)) && timed(s) && !e->paused && e->input == INPUT_NONE &&
	       now >= e->deadline)
		advance(e, e->deadline, -1, true);
	s = cur_seg(e);
	if (s && s->kind == SEG_SET && timed(s) && !e->paused && e->input == INPUT_NONE)
		tempo_cue(e, now);
	say_tick(e, now);
}

long long engine_next_wake(const struct engine *e)
{
	const struct segment *s = cur_seg(e);
	if (s && !e->paused && e->input == INPUT_REPS)
		return e->clock.now_ms(e->clock.ctx) + 1000; /* to see a gap */
	if (!timed(s) || e->paused || e->input != INPUT_NONE)
		return -1;
	long long now = engine_now(e);
	long long rem = e->deadline - now;
	long long next;
	if (rem <= 0) {
		next = now;
	} else {
		/* the displayed whole seconds change when rem crosses a multiple of 1000 */
		long long secs = (rem + 999) / 1000;
		next = e->deadline - (secs - 1) * 1000;
	}
	/* back to real ms, rounding up so we never wake early */
	long long real = e->origin_real + (next + e->speed - 1) / e->speed;
	return real;
}

/* ---- actions ---- */

static void resume(struct engine *e, long long now)
{
	const struct segment *s = cur_seg(e);
	e->paused = false;
	e->run_since = now;
	e->last_tick_real = e->clock.now_ms(e->clock.ctx);
	if (timed(s))
		e->deadline = now + e->remaining;
	elog_begin(e, LOG_RESUME);
	elog_step_fields(e, s);
	logline_secs(&e->line, "paused", now - e->pause_since);
	elog_emit(e);
	restore_notice(e);
	engine_set_cue(e, "Resumed");
	say_state(e, 1, "Resumed");
}

void engine_toggle_pause(struct engine *e)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s || e->input == INPUT_COUNT)
		return;
	long long now = engine_now(e);
	if (e->paused) {
		resume(e, now);
		return;
	}
	pause_at(e, now);
	elog_begin(e, LOG_PAUSE);
	elog_step_fields(e, s);
	elog_emit(e);
	engine_set_cue(e, "Paused");
	say_state(e, 1, "Paused");
}

bool engine_hold(struct engine *e)
{
	struct engine_view v;
	engine_view_numbers(e, &v);
	if (!v.timed || v.paused || v.input != INPUT_NONE)
		return false;
	engine_toggle_pause(e);
	return e->paused; /* not in the guard time */
}

void engine_release(struct engine *e)
{
	if (e->paused)
		engine_toggle_pause(e);
}

static void ask_count(struct engine *e, long long now)
{
	const struct segment *s = cur_seg(e);
	e->seg_run += now - e->run_since;
	e->reps = tempo_reps_done(e, s, e->seg_run);
	e->input = INPUT_COUNT;
	e->typed = -1;
	/* the countdown is over: what was said about it too */
	restore_notice(e);
	char text[160];
	snprintf(text, sizeof text, "How many reps did you do? Type the number and Enter (Enter alone: %d), or skip the set",
		 e->reps);
	engine_set_cue(e, text);
	say_state(e, 1, "How many reps?");
}

void engine_next(struct engine *e)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	long long now = engine_now(e);
	if (e->paused)
		resume(e, now);
	switch (e->input) {
	case INPUT_COUNT:
	case INPUT_RATING:
		/* the key is labelled "skip": digits typed are an answer, none
		 * skips (a set then logs a skip with the count so far) */
		if (e->typed >= 0) {
			engine_enter(e);
			return;
		}
		advance(e, now, e->input == INPUT_COUNT ? REPS_SKIP : -1, false);
		return;
	case INPUT_REPS: /* "set done" */
	case INPUT_ACK:
		engine_enter(e);
		return;
	case INPUT_NONE:
		if (s->kind == SEG_SET) {
			ask_count(e, now);
			return;
		}
		advance(e, now, -1, false);
		return;
	}
}

void engine_back(struct engine *e)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	long long now = engine_now(e);
	if (e->paused)
		resume(e, now);
	size_t i = e->cur;
	/* restart a segment that has run a while; otherwise (and always from a
	 * prompt, where restarting changes nothing) go one back */
	if (seg_elapsed(e, now) < 3000 || s->kind == SEG_LEADIN || s->kind == SEG_NOTE ||
	    s->kind == SEG_RATE) {
		while (i > 0 && e->plan.v[i - 1].kind == SEG_LEADIN)
			i--;
		if (i > 0)
			i--;
	}
	/* land on the lead-in of the segment, when it has one */
	if (e->plan.v[i].kind != SEG_LEADIN && i > 0 && e->plan.v[i - 1].kind == SEG_LEADIN)
		i--;
	/* cold and massage time done before going back happened: log it, as a
	 * skip for the part left (a set being redone is logged when it is done
	 * again); a key pressed as the part began is not a part done.  A timer
	 * has no line of its own to redo, so a skip would outlive the redo:
	 * its time goes only into the step's `done` */
	if ((s->kind == SEG_ICE_ON || s->kind == SEG_SPOT) && seg_elapsed(e, now) >= 1000)
		elog_record(e, now, -1, false);
	else if (s->kind == SEG_TIMER && seg_elapsed(e, now) >= 1000)
		e->step_run += seg_elapsed(e, now);
	enter(e, i, now);
}

/* A countdown of `rem` ms changed by `ms`: never under a second (or what
 * is left, when that is less), never over the longest duration. */
static long long adjusted(long long rem, long long ms)
{
	long long want = rem + ms;
	if (want < 1000)
		want = rem < 1000 ? rem : 1000;
	return want > DURATION_MAX_MS ? DURATION_MAX_MS : want;
}

/* "Added 15 seconds: 1:15 left", with what really changed. */
static void adjust_cue(struct engine *e, long long before, long long after, const char *tail)
{
	char text[128], t[32];
	format_clock(t, sizeof t, after);
	long long moved = (after > before ? after - before : before - after) / 1000;
	if (after == before)
		snprintf(text, sizeof text, "%s %s", t, tail);
	else
		snprintf(text, sizeof text, "%s %lld second%s: %s %s", after > before ? "Added" : "Took",
			 moved, moved == 1 ? "" : "s", t, tail);
	engine_set_cue(e, text);
	say_state(e, 1, text);
}

/* +/- in a lead-in: the part it leads into gets the time when it starts. */
static bool adjust_after_leadin(struct engine *e, const struct segment *s, long long ms)
{
	const struct segment *work = s + 1;
	if (s->kind != SEG_LEADIN || work >= e->plan.v + e->plan.n || !timed(work) ||
	    work->kind == SEG_SET)
		return false;
	long long before = work->duration + e->adjust_next;
	long long want = adjusted(before, ms);
	e->adjust_next = want - work->duration;
	e->adjust_for = e->cur + 1;
	adjust_cue(e, before, want, "when it starts");
	return true;
}

void engine_adjust(struct engine *e, long long ms)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s || e->input == INPUT_COUNT || adjust_after_leadin(e, s, ms))
		return;
	if (s->kind == SEG_SET || s->kind == SEG_LEADIN) {
		/* say so, rather than ignore the key */
		snprintf(e->notice, sizeof e->notice, "%s",
			 s->kind == SEG_SET ? "+ and - change timed parts; a set keeps its tempo (n ends it early)"
					    : "+ and - change timed parts, not this one");
		engine_set_cue(e, e->notice);
		say_state(e, 1, s->kind == SEG_SET ? "A set keeps its tempo" : "Not this part");
		return;
	}
	if (!timed(s) || e->input != INPUT_NONE)
		return;
	long long now = engine_now(e);
	long long rem = e->paused ? e->remaining : e->deadline - now;
	long long want = adjusted(rem, ms);
	if (e->paused)
		e->remaining = want;
	else
		e->deadline = now + want;
	say_adjusted(e, want);
	adjust_cue(e, rem, want, "left");
}

static void finish_set(struct engine *e, int reps)
{
	long long now = engine_now(e);
	advance(e, now, reps, true);
}

void engine_rep(struct engine *e)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s || e->input != INPUT_REPS)
		return;
	if (e->paused)
		resume(e, engine_now(e)); /* a rep is an answer: the session goes on */
	e->reps++;
	char text[64];
	snprintf(text, sizeof text, "%d", e->reps);
	engine_set_cue(e, text);
	say_state(e, 0, text);
	if (e->reps >= s->target) {
		finish_set(e, e->reps);
		/* presses meant for this set must not pause the next part or
		 * dismiss the end */
		if (e->key_guard)
			e->guard_until = e->clock.now_ms(e->clock.ctx) + ENGINE_GUARD_MS;
	}
}

void engine_digit(struct engine *e, int d)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s || d < 0 || d > 9)
		return;
	if (e->paused && e->input != INPUT_NONE)
		resume(e, engine_now(e)); /* an answer to a prompt paused by a gap */
	if (e->input == INPUT_NONE && s->kind == SEG_SET && !e->paused)
		ask_count(e, engine_now(e));
	if (e->input == INPUT_REPS) {
		/* the set stops now: its time so far, as ask_count() keeps it */
		if (!e->paused)
			e->seg_run += engine_now(e) - e->run_since;
		e->input = INPUT_COUNT;
		e->typed = -1;
		restore_notice(e);
	}
	if (e->input != INPUT_COUNT && e->input != INPUT_RATING)
		return;
	int limit = e->input == INPUT_RATING ? 10 : 1000;
	int v = e->typed < 0 ? d : e->typed * 10 + d;
	e->typed = v > limit ? d : v;
}

void engine_erase(struct engine *e)
{
	if (engine_guarded(e))
		return;
	if (e->typed >= 0)
		e->typed = e->typed >= 10 ? e->typed / 10 : -1;
}

void engine_number(struct engine *e, int n)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	long long now = engine_now(e);
	if (e->input == INPUT_RATING) {
		if (n < 0 || n > 10) {
			snprintf(e->notice, sizeof e->notice, "A rating is 0 to 10");
			engine_set_cue(e, e->notice);
			say_state(e, 1, e->notice);
			return;
		}
		e->typed = n;
		engine_enter(e);
		return;
	}
	if (s->kind != SEG_SET || e->input == INPUT_ACK) {
		snprintf(e->notice, sizeof e->notice, "No number is asked for now");
		engine_set_cue(e, e->notice);
		say_state(e, 1, e->notice);
		return;
	}
	if (n < 0 || n > 1000) {
		snprintf(e->notice, sizeof e->notice, "A count is 0 to 1000");
		engine_set_cue(e, e->notice);
		say_state(e, 1, e->notice);
		return;
	}
	if (e->paused)
		resume(e, now);
	if (e->input == INPUT_NONE)
		ask_count(e, engine_now(e));
	finish_set(e, n);
}

void engine_enter(struct engine *e)
{
	if (engine_guarded(e))
		return;
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	long long now = engine_now(e);
	if (e->paused && e->input != INPUT_NONE && (e->input != INPUT_RATING || e->typed >= 0))
		resume(e, now);
	switch (e->input) {
	case INPUT_ACK:
		advance(e, now, -1, true);
		break;
	case INPUT_RATING:
		if (e->typed < 0)
			return;
		elog_begin(e, LOG_RATE);
		elog_step_fields(e, s);
		elog_measure(e, s);
		logline_int(&e->line, "value", e->typed);
		elog_emit(e);
		advance(e, now, -1, true);
		break;
	case INPUT_REPS:
		finish_set(e, e->reps);
		break;
	case INPUT_COUNT:
		finish_set(e, e->typed >= 0 ? e->typed : e->reps);
		break;
	case INPUT_NONE:
		break;
	}
}

static void stop(struct engine *e, const char *status, const char *signame)
{
	const struct segment *s = cur_seg(e);
	if (!s)
		return;
	long long now = engine_now(e);
	/* every `pause` line gets its `resume`, so readers can add up pauses */
	if (e->paused)
		resume(e, now);
	if (e->input == INPUT_COUNT && e->typed >= 0)
		elog_record(e, now, e->typed, false);
	else if (e->input == INPUT_REPS)
		elog_record(e, now, e->reps, false); /* each rep was a key press */
	else if (s->kind == SEG_SET)
		/* a set the clock was counting, never confirmed: not a set */
		elog_set_skip(e, s, tempo_reps_done(e, s, seg_elapsed(e, now)),
			     seg_elapsed(e, now));
	else if (s->kind != SEG_NOTE && s->kind != SEG_RATE && s->kind != SEG_LEADIN &&
		 s->kind != SEG_REST && s->kind != SEG_ICE_OFF && seg_elapsed(e, now) > 0)
		elog_record(e, now, -1, false);
	end_session(e, now, status, signame);
}

void engine_quit(struct engine *e)
{
	stop(e, "quit", NULL);
}

void engine_abort(struct engine *e, const char *signame)
{
	stop(e, "aborted", signame);
}

void engine_input_closed(struct engine *e)
{
	e->stdin_closed = true;
	/* a prompt, or a pause, would wait for ever */
	if (cur_seg(e) && (needs_answer(e->input) || e->paused))
		engine_quit(e);
}

/* ---- start ---- */

void engine_start(struct engine *e, const struct routine *r,
		  const struct engine_opts *o, struct clock_src clock,
		  struct engine_sink sink)
{
	memset(e, 0, sizeof *e);
	e->r = r;
	e->clock = clock;
	e->sink = sink;
	e->speed = o->speed > 0 ? o->speed : 1;
	e->targets = xcalloc(r->nsteps + 1, sizeof *e->targets);
	if (o->targets)
		memcpy(e->targets, o->targets, r->nsteps * sizeof *e->targets);
	else
		targets_default(e->targets, r);
	e->key_guard = !o->no_key_guard;
	buf_init(&e->line);
	plan_build(&e->plan, r, o->lead_in_ms, e->targets);
	if (o->resume)
		engine_resume_cut(&e->plan, o->resume);
	e->origin_real = clock.now_ms(clock.ctx);
	e->last_tick_real = e->origin_real;
	slog_make_sid(e->sid, sizeof e->sid, e->origin_real);

	elog_begin(e, LOG_START);
	logline_str(&e->line, "routine", r->name);
	if (o->id)
		logline_str(&e->line, "id", o->id);
	logline_str(&e->line, "file", o->file ? o->file : r->file);
	logline_int(&e->line, "planned", (e->plan.total + 500) / 1000);
	logline_int(&e->line, "steps", (long long)r->nsteps);
	logline_int(&e->line, "format", 1);
	if (e->speed > 1)
		logline_int(&e->line, "speed", e->speed);
	if (o->resume && o->resume->sid)
		logline_str(&e->line, "resumes", o->resume->sid);
	elog_emit(e);
	for (size_t i = 0; i < o->nwarnings; i++) {
		char *msg = xasprintf("%s:%s", o->file ? o->file : r->file, o->warnings[i]);
		engine_warn(e, msg);
		free(msg);
	}
	if (o->nwarnings) {
		/* on screen the file goes without saying: "Warning (line 6): ..." */
		const char *w = o->warnings[0], *text = strstr(w, ": ");
		snprintf(e->kept, sizeof e->kept, "Warning (line %d): %s", atoi(w),
			 text ? text + 2 : w);
	}
	if (o->resume_how)
		snprintf(e->resume_how, sizeof e->resume_how, "%s", o->resume_how);
	enter(e, 0, 0);
}

void engine_keep_notice(struct engine *e, const char *text)
{
	if (e->kept[0])
		return;
	snprintf(e->kept, sizeof e->kept, "%s", text);
	if (e->status != ENGINE_DONE && cur_seg(e) && cur_seg(e)->step == e->plan.v[0].step &&
	    !e->notice[0])
		restore_notice(e);
}

void engine_free(struct engine *e)
{
	plan_free(&e->plan);
	buf_free(&e->line);
	free(e->targets);
	e->targets = NULL;
}
