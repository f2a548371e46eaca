/* say.h: the kinds of spoken announcement, shared by the engine, which
 * makes them, and the speech queue (speech.h), which orders them.  No
 * curses, nothing else. */
#ifndef RECOUP_SAY_H
#define RECOUP_SAY_H

#include <stdbool.h>

enum say_kind {
	SAY_PHASE,      /* "Down", "Hold", "Up" */
	SAY_SIDE,       /* a part on the other leg: "Right leg, set 1 of 3, 15 reps" */
	SAY_SET,        /* a set on the same leg: "Left leg, set 2 of 3, 15 reps" */
	SAY_PART,       /* any other part: "Ice on, 15 minutes", "Rest, 60 seconds", "Go" */
	SAY_END,        /* "Routine complete" */
	SAY_STATE,      /* "Paused", "Resumed", "Added 15 seconds, 1:15 left" */
	SAY_MILESTONE,  /* "Halfway", "1 minute left", "10 seconds" */
	SAY_CUE,        /* the routine's own `cue:` text */
	SAY_KINDS
};

/* Key words are never cut; a middle one is cut only by a key word; a low
 * one by anything above it. */
enum say_prio { PRIO_LOW, PRIO_MID, PRIO_KEY };

static inline enum say_prio say_prio(enum say_kind k)
{
	switch (k) {
	case SAY_PHASE: case SAY_SIDE: case SAY_SET: case SAY_PART: case SAY_END:
		return PRIO_KEY;
	case SAY_STATE:
		return PRIO_MID;
	default:
		return PRIO_LOW;
	}
}

/* Announcements that say what part comes: a newer one supersedes an older
 * one still waiting. */
static inline bool say_is_announce(enum say_kind k)
{
	return k == SAY_SIDE || k == SAY_SET || k == SAY_PART;
}

#endif
