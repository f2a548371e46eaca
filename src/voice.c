/* voice.c: the engine's announcements to the speech queue or the bell. */
#include "config.h"

#include "voice.h"

#include <string.h>

#include "clock.h"
#include "saytime.h"

static bool proc_start(void *ctx, const char *text, long long now)
{
	struct voice *v = ctx;
	bool ok = cue_start(&v->cues, v->argv, text, now);
	v->watching = ok;
	v->started = now;
	v->expect = saytime_ms(text);
	return ok;
}

static void proc_stop(void *ctx, long long now)
{
	struct voice *v = ctx;
	v->watching = false;
	cue_stop(&v->cues, now);
}

static bool proc_speaking(void *ctx, long long now)
{
	struct voice *v = ctx;
	bool on = cue_speaking(&v->cues, now);
	if (!on && v->watching) {
		/* over by itself: in the time its words take?  (--speed N:
		 * the test speaker speaks N times as fast) */
		v->watching = false;
		if ((now - v->started) * 4 * v->speed < v->expect)
			v->short_row++;
		else
			v->short_row = 0;
	}
	return on;
}

static const struct speech_ops proc_ops = {
	.start = proc_start,
	.stop = proc_stop,
	.speaking = proc_speaking,
};

void voice_init(struct voice *v, char *const *argv, bool bell, int speed)
{
	memset(v, 0, sizeof *v);
	v->speed = speed > 0 ? speed : 1;
	v->argv = argv && argv[0] ? argv : NULL;
	v->bell = bell;
	speech_init(&v->q, &proc_ops, v);
}

void voice_take(struct voice *v, const struct engine *e)
{
	if (e->say_seq == v->seen)
		return;
	long long now = clock_real_now_ms();
	unsigned from = v->seen + 1;
	/* a front end that woke very late hears the last few only */
	if (e->say_seq - v->seen > ENGINE_SAYS)
		from = e->say_seq - ENGINE_SAYS + 1;
	for (unsigned n = from; n != e->say_seq + 1; n++) {
		const struct engine_say *s = &e->says[n % ENGINE_SAYS];
		if (!v->argv || v->quiet) {
			if (v->bell)
				bells_add(&v->bells, s->bells, now);
			continue;
		}
		struct speech_item it = { .kind = s->kind, .epoch = s->epoch, .stale_at = -1 };
		if (s->stale >= 0)
			it.stale_at = engine_real_ms(e, s->stale);
		snprintf(it.text, sizeof it.text, "%s", s->text);
		speech_epoch(&v->q, e->epoch, now);
		speech_say(&v->q, &it, now);
	}
	v->seen = e->say_seq;
	speech_epoch(&v->q, e->epoch, now);
}

/* Give a speaker that says nothing up: the rest is bells. */
static void give_up(struct voice *v, long long now)
{
	/* one that cannot be run at all has its own note (cue_failure()) */
	if (v->cues.failed)
		return;
	if (v->q.hung_row >= VOICE_HUNG_ROW)
		v->why = "The speech program does not end (stopped twice in a row): bells instead";
	else if (v->cues.bad_row >= VOICE_BAD_ROW)
		v->why = "The speech program fails at every cue: bells instead";
	else if (v->short_row >= VOICE_BAD_ROW)
		v->why = "The speech program ends at once, saying nothing (no sound device?): bells instead";
	else
		return;
	v->quiet = true;
	v->q.n = 0;
	cue_stop(&v->cues, now);
}

bool voice_run(struct voice *v, long long now)
{
	cue_reap(&v->cues, now);
	if (v->argv && !v->quiet) {
		speech_run(&v->q, now);
		give_up(v, now);
	}
	return bells_due(&v->bells, now);
}

const char *voice_note(struct voice *v)
{
	const char *why = v->why;
	v->why = NULL;
	return why;
}

static long long earliest(long long a, long long b)
{
	return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

long long voice_next_wake(struct voice *v, long long now)
{
	long long w = cue_next_wake(&v->cues, now);
	w = earliest(w, speech_next_wake(&v->q, now));
	return earliest(w, bells_next_wake(&v->bells));
}

int voice_fd(const struct voice *v)
{
	return cue_poll_fd(&v->cues);
}

void voice_restart(struct voice *v)
{
	v->seen = 0;
	v->q.n = 0;
	v->q.epoch = 0;
}

void voice_finish(struct voice *v, long long linger_ms)
{
	cue_finish(&v->cues, linger_ms);
}
