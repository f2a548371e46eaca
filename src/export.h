/* export.h: `recoup --export csv|json`, the session log as data for a
 * spreadsheet, a physio or jq.  One row per set, ice round, massage spot,
 * rating and check-in value, read through the one model of the log
 * (logmodel.h), in one column set for all of them (export_columns):
 *
 *   kind        set, ice, spot, rating, checkin
 *   date, time  the session's (or check-in's) start, local as stamped:
 *               YYYY-MM-DD and HH:MM:SS
 *   session     the session id (a resumed pair is one session)
 *   routine, routine_id, practice, status   the session's
 *   step, exercise   the step's number and name (a rating's question)
 *   side, set, sets, target, reps, load (kg), elapsed (s), planned (s),
 *   skipped, spot, round, rounds, measure, value
 *
 * A cell that does not apply to the row's kind is empty (CSV) or null
 * (JSON).  CSV is RFC 4180: a header row, CRLF line ends, a field quoted
 * when it holds a comma, a quote, CR or LF, quotes doubled.  JSON is one
 * object per line (JSON Lines).  Sessions come in the order they started
 * (lm_before()), the rows of one session by step.  No curses. */
#ifndef RECOUP_EXPORT_H
#define RECOUP_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

/* CSV_SHOWN is CSV for a terminal (standard output is one): a line break,
 * carriage return or tab in a name shown as the screen shows it (\n, \r,
 * \t) rather than raw, and lines ending in LF alone, so that nothing the
 * log holds moves the cursor; the same rows otherwise. */
enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_CSV_SHOWN };

/* "csv" or "json" to its format; false for any other word. */
bool export_format_from(const char *word, enum export_format *out);

/* The column names, in order, NULL-terminated. */
extern const char *const export_columns[];

/* One text field as CSV: bare when it can be, else quoted with quotes
 * doubled; a line break, CR or tab kept as it is (inside quotes), any
 * other control character, and bytes that are not UTF-8, written as
 * safetext.h's escapes (\x1b, \u009b, \xff) so that none reaches a
 * terminal raw.  NULL: an empty field. */
void export_csv_field(struct buf *b, const char *s);
/* The same for a terminal (EXPORT_CSV_SHOWN): no control character raw. */
void export_csv_field_shown(struct buf *b, const char *s);
/* One text as a JSON string, quotes included: \" \\ \n \r \t, other
 * controls, C1 and bidi controls and invisible characters (safetext.h)
 * as \uXXXX, which reads back to the same text; bytes that are not UTF-8
 * as the text \xff (JSON holds UTF-8 only).  NULL: null. */
void export_json_string(struct buf *b, const char *s);

/* `recoup --export FORMAT`: the log at `log_path`, filtered as --history
 * filters it (`since` YYYY-MM-DD, `routine` a name or id in any case,
 * both may be NULL; practice sessions only when `practice`; check-ins only
 * by `since`), written to `out`.  Returns the exit status: 0, also for a
 * missing log (a CSV header alone, a note on stderr); 1 when the log
 * cannot be read or `out` cannot be written ("recoup: FILE: strerror" on
 * stderr, nothing on `out`); 2 for a bad format or --since date. */
int export_command(const char *log_path, const char *format, const char *since,
		   const char *routine, bool practice, FILE *out);

#endif
