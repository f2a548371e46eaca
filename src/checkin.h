/* checkin.h: the morning check-in (`recoup --checkin`), what both front
 * ends share: the questions and their answers, the one log line, and the
 * rule that decides whether the picker offers it.  No curses.
 *
 * A check-in asks each configured item (settings.h: by default "pain" and
 * "stiffness", the response on getting up) for 0 to 10, or skips it, and
 * is logged as one line with a session id of its own:
 *
 *   2026-12-06T07:41:09.118+01:00 9c02d1 checkin pain=2 stiffness=4 elapsed=6.2
 *
 * one key=value per item answered, `elapsed` (the seconds it took, to a
 * tenth) always last.  "pain" is the value progression reads. */
#ifndef RECOUP_CHECKIN_H
#define RECOUP_CHECKIN_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "slog.h"
#include "util.h"

struct lm_session;

#define CHECKIN_MAX_ITEMS 6
#define CHECKIN_NAME_MAX 24
/* The items asked when the config names none. */
extern const char *const checkin_default_items[];
#define CHECKIN_DEFAULT_COUNT 2

/* ---- the questions ---- */

struct checkin {
	const char *const *items; /* the names asked, in order (not owned) */
	size_t n;
	int value[CHECKIN_MAX_ITEMS]; /* 0 to 10, or -1: skipped or not asked yet */
	size_t cur;         /* the item asked now; n once every item is */
	bool one;           /* a "1" was typed: 0 makes it 10, Enter or another
			     * digit 1 */
	long long t0, took; /* ms on a clock that never goes back */
};

void checkin_begin(struct checkin *c, const char *const *items, size_t n, long long now_ms);
bool checkin_done(const struct checkin *c);
/* How many items have a value. */
size_t checkin_answered(const struct checkin *c);
/* The item asked now gets `v` (0 to 10; other values are ignored). */
void checkin_answer(struct checkin *c, int v, long long now_ms);
/* The item asked now is skipped (or, after a "1", answered 1). */
void checkin_enter(struct checkin *c, long long now_ms);
/* A digit key: 0 and 2 to 9 answer at once; 1 waits for the next key: 0
 * makes 10, Enter 1, and any other digit answers 1 and is then the next
 * item's key (after the last item it is dropped). */
void checkin_digit(struct checkin *c, int d, long long now_ms);
/* Back: a "1" waiting is forgotten, else the item before is asked again.
 * False when there is nothing to go back to. */
bool checkin_back(struct checkin *c);

/* ---- words ---- */

/* An item's name for people: "pain" -> "Pain", "calf_pain" -> "Calf pain". */
void checkin_item_title(const char *name, char *out, size_t n);
/* Whether an item's value is read through the pain zones. */
bool checkin_is_pain(const char *name);
/* The zones in one line, for the prompt: "0-3 fine, 4-5 acceptable, 6+ back off". */
const char *checkin_zones_text(void);
/* What was answered, in words: "pain 2 (fine), stiffness 4", or "nothing". */
void checkin_summary(const struct checkin *c, struct buf *b);

/* ---- the log ---- */

/* The check-in's line (with its '\n') into `b`, stamped `when`. */
void checkin_line(const struct checkin *c, struct buf *b, const struct timespec *when,
		  const char *sid);
/* Write it to `l` (an open log; a closed one writes nothing), with a new
 * session id and the wall clock's time.  Nothing is written when no item
 * was answered: false then. */
bool checkin_log(const struct checkin *c, struct slog *l);

/* ---- the picker's offer ---- */

/* What the log says of the days around `today` (days since 1970-01-01,
 * local calendar). */
struct checkin_days {
	long today;
	bool session_yesterday; /* a session, not practice, started the day before */
	bool session_today;     /* one started today already: not the day's first start */
	bool checkin_today;     /* a check-in is logged today */
};

/* Whether the picker offers the check-in: a session yesterday, and today
 * neither a check-in nor a session yet.  Pure. */
bool checkin_should_offer(const struct checkin_days *d);
/* The days, from the log's lines in memory (for tests) or from the file
 * at `path` (a log that cannot be read holds nothing: false). */
void checkin_days_lines(struct checkin_days *d, long today, const char *const *lines, size_t n);
bool checkin_days_read(struct checkin_days *d, long today, const char *path);
/* The same, a session at a time, for a reader of the log that asks more
 * of it (the picker's): each start line's head (logmodel.h's want()),
 * and each session handed over (its session()); `d` zeroed but for
 * `today` first. */
void checkin_days_head(struct checkin_days *d, const struct lm_session *head);
void checkin_days_session(struct checkin_days *d, const struct lm_session *s);
/* checkin_should_offer() over the log at `path`, today being the local
 * day of `now`. */
bool checkin_offer(const char *path, time_t now);

#endif
