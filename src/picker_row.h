/* picker_row.h: the columns of a row of the picker's list after the
 * routine's name: the due mark and the streak (due.h), the step count,
 * the planned time and the date last done, in forms from the widest to
 * none, so that a narrow window drops the least wanted first.  Plain
 * ASCII text, as wide as its bytes; no curses (ui_picker.c draws it). */
#ifndef RECOUP_PICKER_ROW_H
#define RECOUP_PICKER_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "due.h"

/* What a row shows, of a routine that loads. */
struct picker_row {
	size_t nsteps;
	long long total;     /* planned ms */
	const char *last;    /* the latest session's start as stamped, at least
			      * "YYYY-MM-DDTHH:MM"; NULL or "" never */
	long last_day;       /* its day as stamped (lm_session.day) */
	long today;          /* the local day now (lm_local_day) */
	bool pending;        /* the log is being read: the date is "..." */
	bool marked;         /* the log has been read: `st` holds */
	bool scheduled;      /* its routine has a schedule */
	struct due_status st;
};

/* The forms, widest first.  Where the names would get less room than
 * they want, the date last done goes first, then the step count, then
 * the time, then the streak, and the due mark last: what is due today is
 * what the list is looked at for.  The streak has one form in all of
 * them ("streak 5"), so that no two rows or widths say it differently. */
enum picker_form {
	PICKER_COLS_ALL, PICKER_COLS_STEPS_TIME, PICKER_COLS_TIME,
	PICKER_COLS_MARKS, PICKER_COLS_MARK, PICKER_COLS_NONE
};

/* The widths of the mark and streak columns, the widest of all rows so
 * that the columns line up: 0 when no row has one.  Start zeroed, add
 * every row. */
struct picker_widths {
	int mark, streak;
};
void picker_widths_add(struct picker_widths *w, const struct picker_row *r);

/* The due mark, in words that read without colour and agree with
 * --due: what is left, never what is done beside "due": "due" (once,
 * none done), "due twice" (twice daily, none done), "1 more" (twice
 * daily, one done), "done" (all today asks for is done); "" on a day it
 * asks nothing of, without a schedule, or before the log is read. */
void picker_mark_text(const struct picker_row *r, char *out, size_t n);
/* The streak: "streak 5"; "" without one. */
void picker_streak_text(const struct picker_row *r, char *out, size_t n);
/* The date last done: "never", "today 07:30" or "2026-12-05", by the
 * stamp's own day and time as written, the rule due.h counts sessions by
 * (not the clock's zone now): the picker's "today" is --due's. */
void picker_when_text(const char *stamp, long day, long today, char *out, size_t n);

/* The columns of `r` in `form`, as wide on every row of the same widths. */
void picker_row_columns(const struct picker_row *r, enum picker_form form,
			const struct picker_widths *w, char *out, size_t n);

#endif
