/* voice.h: how a session is heard.  It takes the engine's announcements
 * (engine.h: says[], say_seq) and either speaks them through the speech
 * queue (speech.h) with the cue command's processes (cue.h), or, with no
 * speaker, rings the terminal bell in patterns: one bell for a tempo phase
 * or a pause, two for a change of side, three for a new part.  The front
 * end rings the bells itself (it owns the terminal): voice_run() says how
 * many are due now.  No curses. */
#ifndef RECOUP_VOICE_H
#define RECOUP_VOICE_H

#include <stdbool.h>

#include "cue.h"
#include "engine.h"
#include "speech.h"

struct voice {
	char *const *argv;       /* the speaker, or NULL: bells */
	bool bell;               /* bells wanted (bell = true) */
	struct cues cues;
	struct speech q;
	struct bells bells;
	unsigned seen;           /* the engine's say_seq last taken */
	int speed;               /* --speed: the test speaker goes as fast */
	/* A speaker that says nothing is given up for bells, said once:
	 * VOICE_HUNG_ROW cues in a row that would not end, VOICE_BAD_ROW that
	 * failed or ended far sooner (a quarter of the time) than their
	 * words take (saytime.h), as espeak-ng does with no audio device. */
	long long started, expect; /* the cue speaking: when, for how long */
	bool watching;           /* it has not ended yet, nor been stopped */
	int short_row;
	bool quiet;              /* given up: bells */
	const char *why;         /* why, until voice_note() has returned it */
};
#define VOICE_HUNG_ROW 2
#define VOICE_BAD_ROW 3

/* `argv` the cue command or speech program (NULL for none); `speed` the
 * practice speed (1 for a real session). */
void voice_init(struct voice *v, char *const *argv, bool bell, int speed);
/* Why the speaker was given up for bells, once; NULL before and after. */
const char *voice_note(struct voice *v);
/* Take what the engine announced since the last call. */
void voice_take(struct voice *v, const struct engine *e);
/* Let the queue go on (a cue finished, one went stale) and reap cues.
 * Returns true when a bell is due now. */
bool voice_run(struct voice *v, long long now);
/* Real ms when voice_run() is next needed, or -1. */
long long voice_next_wake(struct voice *v, long long now);
/* An fd to poll: readable (end of file) when the cue speaking ends; -1. */
int voice_fd(const struct voice *v);
/* A new session: its engine counts from the start again. */
void voice_restart(struct voice *v);
/* At exit: the last cue may finish (linger_ms), then all are stopped. */
void voice_finish(struct voice *v, long long linger_ms);

#endif
