/* logfmt.h: the session log's line format, both ways.
 *
 *   2026-11-23T18:04:11.204+01:00 3f9a2c start routine="Post-run calf care" planned=1830
 *
 * A timestamp (ISO 8601 local time, milliseconds, UTC offset), a session
 * id, an event word, then key=value fields.  A value is written bare when it
 * is non-empty and made only of [A-Za-z0-9._:/@%+-]; otherwise it is
 * double-quoted with \" \\ \n \t \r escapes, and the rest of safetext.h's
 * rule: other controls and bytes outside UTF-8 as \xHH, C1 and bidi controls
 * as \uHHHH, all read back to the bytes they stand for.  Readers skip keys
 * and events they do not know.  No curses, no I/O. */
#ifndef RECOUP_LOGFMT_H
#define RECOUP_LOGFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util.h"

#define LOG_EVENTS(X) \
	X(START, "start") X(STEP, "step") X(DONE, "done") X(SKIP, "skip") \
	X(SET, "set") X(SPOT, "spot") X(ICE, "ice") X(PAUSE, "pause") \
	X(RESUME, "resume") X(RATE, "rate") X(WARN, "warn") X(END, "end") \
	X(CHECKIN, "checkin")

enum log_event {
#define X(id, word) LOG_##id,
	LOG_EVENTS(X)
#undef X
	LOG_EVENT_COUNT,
	LOG_UNKNOWN = LOG_EVENT_COUNT
};

const char *log_event_word(enum log_event e);
enum log_event log_event_from(const char *word);

/* ---- writing ---- */

/* Start a line: timestamp from `when` (wall clock, local time) then the
 * session id and the event word.  `b` is reset first. */
void logline_begin(struct buf *b, const struct timespec *when, const char *sid,
		   enum log_event ev);
void logline_str(struct buf *b, const char *key, const char *value);
void logline_int(struct buf *b, const char *key, long long value);
/* Milliseconds written as seconds: "90" or "90.004". */
void logline_secs(struct buf *b, const char *key, long long ms);
/* Ends the line with '\n'. */
void logline_end(struct buf *b);

/* ---- reading ---- */

struct logfield {
	char *key;
	char *value;        /* unescaped */
};

struct logrec {
	char stamp[40];     /* as written */
	time_t when;        /* seconds since the epoch (offset applied) */
	int ms;
	char sid[32];
	char event_word[24];
	enum log_event event;
	struct logfield *f;
	size_t nf, cap;
	struct buf store;   /* owns the keys and values */
};

void logrec_init(struct logrec *r);
void logrec_free(struct logrec *r);
/* Parse one line (without or with its '\n').  Returns NULL on success or a
 * static message saying what is wrong with the line. */
const char *logrec_parse(struct logrec *r, const char *line, size_t len);
/* Whether a parsed line is whole: ends with the field its event always
 * ends with when recoup writes it (a set, spot, ice round, skip or done
 * line with its elapsed time; an end line with its elapsed time or its
 * signal; a resume with paused), so that a line torn after a whole field
 * ("reps=1" of "reps=12 ... elapsed=27") is told from one that only lost
 * its newline.  Events whose last field varies are taken as whole.  The
 * writer (engine.c) must keep these endings: tests/unit_engine.c checks
 * every line it writes against this. */
bool logrec_whole(const struct logrec *r);
/* The value of `key`, or NULL. */
const char *logrec_get(const struct logrec *r, const char *key);
/* Integer value of `key`, or `dflt` when absent or not a number. */
long long logrec_int(const struct logrec *r, const char *key, long long dflt);
/* The same of a field's value text (NULL: absent). */
long long logfmt_int(const char *v, long long dflt);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian; m 1-12):
 * the stamp's time above, and the log model's calendar days. */
long long logfmt_days_from_civil(long long y, int m, int d);
/* And back: the civil date of a day since 1970-01-01 (false when out of
 * range); and the day as "YYYY-MM-DD" (`size` at least 11). */
bool logfmt_civil_from_days(long long day, int *y, int *m, int *d);
void logfmt_day_text(long long day, char *out, size_t size);

#endif
