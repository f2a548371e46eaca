/* speech.h: the speech queue.  Announcements (say.h) wait here for the one
 * speaker; the policy decides what speaks next, what is cut and what is
 * dropped:
 *   - at most one announcement speaks at a time;
 *   - nothing cuts a key word (phase, side, set, part, end): one that comes
 *     while another speaks waits its turn;
 *   - a higher priority cuts a lower one that is speaking (a phase word cuts
 *     the routine's cue text), and a newer low or middle announcement of the
 *     same kind cuts the older; what was cut is never said again;
 *   - a waiting announcement whose moment has passed (stale_at), that
 *     belongs to a part already left (epoch), or that a newer one of the
 *     same kind supersedes is dropped, never said late.
 * The speaker is a table of functions: the real one runs a program
 * (voice.c, through cue.c), the unit test's is a fake.  No curses, no
 * engine: times are real-clock ms given by the caller. */
#ifndef RECOUP_SPEECH_H
#define RECOUP_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

#include "say.h"

#define SPEECH_QUEUE 16
/* A cue that speaks longer than SPEECH_HUNG_MS plus three times the time
 * espeak-ng takes to say it (saytime.h) is taken to hang, and is stopped:
 * a speaker that never ends must not silence the rest of the session. */
#define SPEECH_HUNG_MS 5000
#define SPEECH_HUNG_TIMES 3
#define SPEECH_TEXT 256

struct speech_item {
	enum say_kind kind;
	long long stale_at;      /* real ms from which it is too late; -1: never */
	unsigned epoch;          /* the part it belongs to (speech_epoch()) */
	char text[SPEECH_TEXT];
};

struct speech_ops {
	/* Start speaking `text`; false when nothing could be started. */
	bool (*start)(void *ctx, const char *text, long long now);
	/* Stop what speaks now. */
	void (*stop)(void *ctx, long long now);
	/* Whether what was started last is still speaking. */
	bool (*speaking)(void *ctx, long long now);
};

struct speech {
	const struct speech_ops *ops;
	void *ctx;
	struct speech_item q[SPEECH_QUEUE];
	size_t n;
	bool busy;               /* cur is speaking */
	struct speech_item cur;
	long long cur_until;     /* real ms after which cur is taken to hang */
	unsigned epoch;
	unsigned said, cut, dropped, hung; /* counts, for tests and curiosity */
	unsigned hung_row;       /* hangs since a cue last ended by itself */
};

void speech_init(struct speech *s, const struct speech_ops *ops, void *ctx);
/* Queue `it` (cutting what speaks when the policy allows), and start it
 * when the speaker is free. */
void speech_say(struct speech *s, const struct speech_item *it, long long now);
/* The part under way changed: what waits for an earlier part is dropped
 * (an end is kept). */
void speech_epoch(struct speech *s, unsigned epoch, long long now);
/* Notice the end of what speaks, drop what went stale, start the next. */
void speech_run(struct speech *s, long long now);
/* The real ms at which speech_run() has work: a waiting announcement goes
 * stale, or the one speaking is taken to hang; or -1. */
long long speech_next_wake(const struct speech *s, long long now);

/* Bells instead of speech: a pattern of `n` bells spaced BELL_GAP_MS apart,
 * rung from the event loop (never a sleep).  A new pattern replaces what
 * is left of the one before. */
#define BELL_GAP_MS 180
struct bells {
	int left;
	long long next;
};
void bells_add(struct bells *b, int n, long long now);
/* True when one bell is to ring now (and the next is scheduled). */
bool bells_due(struct bells *b, long long now);
long long bells_next_wake(const struct bells *b);

/* A speech program on $PATH: espeak-ng, then spd-say (-w: it lasts as long
 * as the speech), then say; its argv with "%s" for the text, or NULL. */
char *const *speech_find_program(void);

#endif
