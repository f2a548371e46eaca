/* speech.c: the speech queue's policy (see speech.h), the bell patterns
 * that stand in for speech, and finding a speech program. */
#include "config.h"

#include "speech.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "saytime.h"
#include "util.h"

void speech_init(struct speech *s, const struct speech_ops *ops, void *ctx)
{
	memset(s, 0, sizeof *s);
	s->ops = ops;
	s->ctx = ctx;
}

static void drop_at(struct speech *s, size_t i)
{
	memmove(&s->q[i], &s->q[i + 1], (s->n - i - 1) * sizeof s->q[0]);
	s->n--;
	s->dropped++;
}

static bool stale(const struct speech *s, const struct speech_item *it, long long now)
{
	if (it->stale_at >= 0 && now >= it->stale_at)
		return true;
	return it->kind != SAY_END && it->epoch < s->epoch;
}

static void drop_stale(struct speech *s, long long now)
{
	for (size_t i = 0; i < s->n;)
		if (stale(s, &s->q[i], now))
			drop_at(s, i);
		else
			i++;
}

/* Whether `it`, come now, makes `old` (waiting) pointless. */
static bool supersedes(const struct speech_item *it, const struct speech_item *old)
{
	if (it->kind == SAY_END)
		return true; /* the session is over: nothing else matters */
	if (it->kind == old->kind)
		return true;
	return say_is_announce(it->kind) && say_is_announce(old->kind);
}

static void start_next(struct speech *s, long long now)
{
	while (!s->busy && s->n) {
		s->cur = s->q[0];
		memmove(&s->q[0], &s->q[1], (s->n - 1) * sizeof s->q[0]);
		s->n--;
		if (stale(s, &s->cur, now)) {
			s->dropped++;
			continue;
		}
		s->busy = s->ops->start(s->ctx, s->cur.text, now);
		if (s->busy) {
			s->said++;
			s->cur_until = now + SPEECH_HUNG_MS + SPEECH_HUNG_TIMES * saytime_ms(s->cur.text);
		}
	}
}

void speech_run(struct speech *s, long long now)
{
	if (s->busy && !s->ops->speaking(s->ctx, now)) {
		s->busy = false;
		s->hung_row = 0;
	}
	if (s->busy && now >= s->cur_until) {
		s->ops->stop(s->ctx, now);
		s->busy = false;
		s->hung++;
		s->hung_row++;
	}
	drop_stale(s, now);
	start_next(s, now);
}

void speech_say(struct speech *s, const struct speech_item *it, long long now)
{
	if (s->busy && !s->ops->speaking(s->ctx, now)) {
		s->busy = false;
		s->hung_row = 0;
	}
	for (size_t i = 0; i < s->n;)
		if (supersedes(it, &s->q[i]))
			drop_at(s, i);
		else
			i++;
	enum say_prio p = say_prio(it->kind), cp = say_prio(s->cur.kind);
	if (s->busy && cp != PRIO_KEY && (cp < p || s->cur.kind == it->kind || it->kind == SAY_END)) {
		s->ops->stop(s->ctx, now);
		s->busy = false;
		s->cut++;
	}
	/* in order of priority, first come first within one */
	size_t at = s->n;
	while (at > 0 && say_prio(s->q[at - 1].kind) < p)
		at--;
	if (s->n == SPEECH_QUEUE) {
		/* full (a flood of key presses): the last waiting goes */
		if (at == s->n)
			return;
		s->n--;
		s->dropped++;
	}
	memmove(&s->q[at + 1], &s->q[at], (s->n - at) * sizeof s->q[0]);
	s->q[at] = *it;
	s->n++;
	drop_stale(s, now);
	start_next(s, now);
}

void speech_epoch(struct speech *s, unsigned epoch, long long now)
{
	if (epoch == s->epoch)
		return;
	s->epoch = epoch;
	drop_stale(s, now);
}

long long speech_next_wake(const struct speech *s, long long now)
{
	long long wake = s->busy ? s->cur_until : -1;
	for (size_t i = 0; i < s->n; i++)
		if (s->q[i].stale_at >= 0 && (wake < 0 || s->q[i].stale_at < wake))
			wake = s->q[i].stale_at;
	(void)now;
	return wake;
}

/* ---- bells ---- */

void bells_add(struct bells *b, int n, long long now)
{
	if (n <= 0)
		return;
	/* a bell just rung counts as the new pattern's first gap */
	b->left = n;
	if (b->next < now)
		b->next = now;
}

bool bells_due(struct bells *b, long long now)
{
	if (b->left <= 0 || now < b->next)
		return false;
	b->left--;
	b->next = now + BELL_GAP_MS;
	return true;
}

long long bells_next_wake(const struct bells *b)
{
	return b->left > 0 ? b->next : -1;
}

/* ---- a program that speaks ---- */

static bool on_path(const char *prog)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/bin:/bin";
	for (const char *p = path;;) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		/* an empty entry is the current directory, as for execvp() */
		char *full = len ? xasprintf("%.*s/%s", (int)len, p, prog) : xasprintf("./%s", prog);
		bool ok = access(full, X_OK) == 0;
		free(full);
		if (ok)
			return true;
		if (!end)
			return false;
		p = end + 1;
	}
}

char *const *speech_find_program(void)
{
	/* "--" ends the options: a cue text that starts with "-" ("-5 reps")
	 * is said, not taken for an option (all three parse with getopt) */
	static char *const espeak[] = { "espeak-ng", "--", "%s", NULL };
	static char *const spd[] = { "spd-say", "-w", "--", "%s", NULL };
	static char *const say[] = { "say", "--", "%s", NULL };
	static char *const *const all[] = { espeak, spd, say };
	for (size_t i = 0; i < ARRAY_LEN(all); i++)
		if (on_path(all[i][0]))
			return all[i];
	return NULL;
}
