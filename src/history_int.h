/* history_int.h: what the --history summary (history_summary.c) and the
 * full listing (history_report.c) share, private to them: the words of a
 * date, a time and a count.  The functions are in history_report.c. */
#ifndef RECOUP_HISTORY_INT_H
#define RECOUP_HISTORY_INT_H

/* Room for YYYY-MM-DD and then some: a log line may say 9999-12-31T23:59
 * at -23:59, which is in the year 10000.  48 holds any long and two ints,
 * as gcc's -Wformat-truncation wants. */
#define HIST_DATE_SIZE 48

/* A day (days since 1970-01-01, already the stamp's own) as YYYY-MM-DD. */
void hist_format_day(char out[HIST_DATE_SIZE], long day);
/* A minute of the day as a stamp says it, HH:MM. */
void hist_format_time(char out[HIST_DATE_SIZE], int minute);
/* "2026-12-06 19:00": a day and a minute of it. */
void hist_format_when(char out[2 * HIST_DATE_SIZE], long day, int minute);
/* `one` when n is 1, else `many`. */
const char *hist_plural(long n, const char *one, const char *many);

#endif
