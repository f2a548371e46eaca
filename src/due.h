/* due.h: what a routine's schedule asks and what the log says was done:
 * sessions due on a day, done on a day, the streak, what is due now and
 * what was missed.  `recoup --due`, the picker's due marks and streaks, the
 * --history summary and the history screen's calendar all ask this, so
 * they never disagree.  No curses.
 *
 * Days are local calendar days as days since 1970-01-01 (lm_local_day(),
 * lm_stamp_day()); a session counts on the day of its start line's stamp
 * as written.  A session is done when it is not practice and ended
 * `complete` (a resumed pair, which the log model joins into one session,
 * counts once, on the day the first part started). */
#ifndef RECOUP_DUE_H
#define RECOUP_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "routine.h"

struct lm_session;
/* Whether a session of the log counts as done for a schedule: a
 * routine's, not practice, ended complete (a resumed pair, which the log
 * model joins, once).  The one rule of --due, the picker's marks and the
 * history's adherence. */
bool due_session_done(const struct lm_session *s);

/* Weekday of a day since 1970-01-01: 0 Monday ... 6 Sunday. */
int due_weekday(long day);

/* Sessions the schedule asks for on `day`: 0, 1 or 2 (NONE: always 0). */
int schedule_due_on(const struct schedule *s, long day);
/* Sessions it asks for over the days `from` to `to`, both included. */
int schedule_due_between(const struct schedule *s, long from, long to);
/* The schedule in the routine file's words: "daily", "twice daily",
 * "mon, wed, fri"; "" for NONE. */
void schedule_text(const struct schedule *s, char *out, size_t size);

/* A routine's done sessions by day: days ascending, each once, with how
 * many sessions were done that day.  Start zeroed; due_tally_free(). */
struct due_tally {
	long *day;
	int *count;
	size_t n, cap;
};
/* One more session done on `day` (in any order of days). */
void due_tally_add(struct due_tally *t, long day);
/* Sessions done on `day`. */
int due_tally_on(const struct due_tally *t, long day);
void due_tally_free(struct due_tally *t);

/* Where a routine stands on `today`. */
struct due_status {
	int due_today;      /* sessions the schedule asks for today */
	int done_today;     /* sessions done today */
	int left_today;     /* due_today - done_today, never below 0 */
	/* The last day of the past week, before today, that the schedule
	 * asked for more than was done, and not before the last day
	 * something was done (days missed before a later session are
	 * history, not a reminder); -1 when none, or nothing was ever done
	 * (a routine not begun misses nothing). */
	long missed_day;
	int missed;         /* sessions missed that day, 0 when none */
	/* Days the schedule asked for, met in a row up to today: today
	 * counts when it is met, and a today not met yet does not break it.
	 * Without a schedule, days in a row with a session done. */
	int streak;
	long last_day;      /* the last day a session was done; -1 none */
	long first_day;     /* the first; -1 none */
	/* Since the first day (or `from`, see due_status_of) to today: */
	int done_total;     /* sessions done */
	int due_total;      /* sessions the schedule asked for (0: none) */
	/* The sessions done that it asked for: on each day at most as many
	 * as asked (a third session of a twice-daily day, or one on a day
	 * off, is done but not one it asked for); without a schedule, all. */
	int met_total;
	/* Those it asked for up to now: due_total less today's still left
	 * (a day is not missed before it is over).  "met_total of
	 * due_so_far due" is the adherence a person reads. */
	int due_so_far;
};

/* The status of one routine on `today`; the totals count from `from` (a
 * day; -1: from the first day done). */
void due_status_of(const struct schedule *s, const struct due_tally *t,
		   long today, long from, struct due_status *out);

/* One routine and its done sessions, as due_read() fills them. */
struct due_entry {
	const struct routine *r;    /* in: not owned */
	struct due_tally tally;     /* out */
	struct due_status st;       /* out, on `today` */
};
/* Read the log at `path` (through logmodel.h) into the entries' tallies
 * and statuses for `today`.  A missing log is no session (0); -1 with
 * errno set when it cannot be read; corrupt lines reported on `err`
 * (NULL: quietly).  due_entries_free() the tallies. */
int due_read(const char *path, struct due_entry *e, size_t n, long today, FILE *err);
void due_entries_free(struct due_entry *e, size_t n);

#endif
