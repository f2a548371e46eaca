/* history.h: the session log read back.  `recoup --history` and the
 * dashboard's history screen summarise the log into a struct history,
 * folded from the sessions and check-ins of the one model of the log
 * (logmodel.h), which opens the log through logfile.h: only a regular file
 * is read, and nothing blocks.
 *
 * The log is streamed a line at a time, never read whole: memory grows
 * with the number of sessions, exercises and ratings, not with the number
 * of lines.  Sessions started with `speed=` (practice mode) are left out
 * unless asked for.  Sessions are ordered by time, the timestamps of their
 * `start` lines with their UTC offsets, and by file order where those are
 * equal: a log merged from two machines may hold newer sessions before
 * older ones.  Morning check-ins are no routine's sessions: only --since
 * filters them.  No curses here. */
#ifndef RECOUP_HISTORY_H
#define RECOUP_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "logfile.h"
#include "due.h"
#include "logmodel.h"
#include "logscan.h"
#include "routine.h"

/* Weeks in the per-week counts, the one holding `now` last. */
#define HISTORY_WEEKS 12
/* Longest line accepted, in bytes without the newline. */
#define HISTORY_LINE_MAX LOGFILE_LINE_MAX

/* The word of a status (enum history_status, logscan.h). */
const char *history_status_word(enum history_status s);

struct history_filter {
	time_t since;       /* keep sessions stamped on its day or later; 0: all */
	const char *routine; /* display name or id, any case; NULL: all */
	bool practice;      /* keep practice sessions too */
	/* The routines on the search path, for their schedules (matched to
	 * the log's sessions by lm_of_routine()); NULL, 0: none known. */
	const struct routine *const *routines;
	size_t nroutines;
};

/* One ISO week (Monday to Sunday, local time). */
struct history_week {
	long day;           /* the Monday, as days since 1970-01-01 (local calendar) */
	int iso_year, iso_week;
	int sessions;       /* all kept routines */
};

struct history_routine {
	char *name;         /* display name as logged */
	int sessions, completed;
	time_t last;        /* start of its latest session */
	/* That session's day and minute of the day as its stamp says them
	 * (where it was done, read in any time zone); -1, -1 with none. */
	long last_day;
	int last_minute;
	int weeks[HISTORY_WEEKS]; /* per-week sessions, as history.weeks */
	char *id;           /* `id=` as logged (the file name), or NULL */
	/* Its schedule, from the routine of the search path it was matched
	 * to (kind NONE when none matched or it says none). */
	struct schedule schedule;
	/* Its done sessions by day (due.h: not practice, ended complete),
	 * over the kept sessions. */
	struct due_tally done;
};

/* One session's work on one exercise and side. */
struct history_reps {
	time_t when;        /* the session's start */
	int ms;             /* and its milliseconds */
	long day;           /* the day of its start's stamp as written */
	int minute;         /* the minute of that day the stamp says (0-1439) */
	size_t session;     /* the order of the session's start in the file */
	int reps;           /* reps done, all sets added up */
	int sets;           /* `set` lines logged */
	int target;         /* the target of the session's first set */
	long load;          /* grams: the lowest load of its sets (the one
			     * the side was held to), LOAD_NONE when none
			     * logged one */
	int short_sets;     /* sets done with fewer reps than their target */
};

struct history_exercise {
	char *name;         /* the `set` lines' name */
	char *side;         /* their side: "left", "right" or "none" */
	struct history_reps *v; /* in session order (by time) */
	size_t n, cap;
};

/* A rating of one session, or a check-in item's value of one morning. */
struct history_rate {
	time_t when;        /* the session's start, the check-in's time */
	int ms;
	long day;           /* the day it is shown under, as days since
			     * 1970-01-01: the date written in the stamp of the
			     * session's start or the check-in (the day it was
			     * done, the morning it answers, wherever it is
			     * read), as due.h counts it */
	int minute;         /* the minute of that day the stamp says */
	size_t session;
	int value;          /* 0 to 10 */
	enum measure measure; /* what the rating measured (`measure=`) */
};

/* The ratings of one name, or one check-in item's values (one a day, the
 * day's last). */
struct history_rating {
	char *name;
	enum measure measure; /* its latest rating's that says one, or NONE */
	struct history_rate *v; /* in session order (by time), then line order */
	size_t n, cap;
};

/* Everything the report shows.  Filled by history_read(), which owns all
 * of it until history_free().  Routines, exercises and ratings come in the
 * order they first appear among the kept sessions. */
struct history {
	struct history_routine *routines;
	size_t nroutines, routines_cap;
	struct history_exercise *exercises;
	size_t nexercises, exercises_cap;
	struct history_rating *ratings;
	size_t nratings, ratings_cap;
	/* Morning check-ins: per item ("pain", "stiffness", ...) its values,
	 * in the order the items first appear. */
	struct history_rating *items;
	size_t nitems, items_cap;
	int checkins;       /* check-ins kept by the filter (--since) */
	struct history_week weeks[HISTORY_WEEKS]; /* oldest first */
	long today;         /* the local day of `now` the read was placed by */
	int sessions;       /* kept by the filter */
	int status[HISTORY_STATUS_COUNT]; /* kept sessions by how they ended */
	time_t first, last; /* starts of the first and last kept session */
	long first_day, last_day; /* their days as their stamps say them */
	int logged;         /* every session in the log, before filtering */
	int practice_left_out; /* practice sessions the filter matched otherwise */
	long lines;         /* lines read */
	long corrupt;       /* lines skipped as corrupt */
	bool fragment;      /* a last piece without its newline was left out */
	const char *not_regular; /* the log is not a regular file: what it is
			     * ("a fifo", ...), and nothing was read */
};

/* The local calendar day of `t`, as days since 1970-01-01. */
long history_local_day(time_t t);

/* A series over the 12 weeks of history.weeks, one value a week (what the
 * --history sparklines and the history screen's charts draw): has[w] is
 * false for a week without data, which is drawn as a gap, never as 0. */
struct history_weekly {
	double v[HISTORY_WEEKS];
	bool has[HISTORY_WEEKS];
	double min, max;    /* over the weeks that have data (0, 0: none) */
	int n;              /* weeks that have data */
};

/* What an exercise's weekly value is: the week's best session (most reps
 * in all its sets, the highest load a session's sets were held to, in
 * grams, or the highest target).  The best, not the mean: the question is
 * whether the leg can do more, and a short second session the same week
 * does not take that back. */
enum history_weekly_what { HISTORY_WEEKLY_REPS, HISTORY_WEEKLY_LOAD,
			   HISTORY_WEEKLY_TARGET };
/* One exercise side's weekly series (sessions with no load logged give
 * no load). */
void history_exercise_weekly(const struct history *h, const struct history_exercise *e,
			     enum history_weekly_what what, struct history_weekly *out);
/* A rating's or a check-in item's weekly series: the mean of the week's
 * values (pain going down reads as a falling line however many sessions
 * a week rated it), by the days its points are shown under. */
void history_rating_weekly(const struct history *h, const struct history_rating *r,
			   struct history_weekly *out);
/* The index in history.weeks of the first week holding a kept session or
 * check-in: the weeks before it are left out of the charts (a month of
 * use is not drawn as eight empty weeks and four full ones);
 * HISTORY_WEEKS - 1 when there is none in the 12 weeks. */
int history_first_week(const struct history *h);

/* The pain-monitoring model's word for a pain value: 0-3 "fine", 4-5
 * "acceptable", 6-10 "back off" ("" out of 0-10). */
const char *history_pain_zone(int value);

/* The measure word a rating's name is shown with, "(pain)" without its
 * brackets: "" when it measures nothing said or its name already says it
 * as a word ("Calf pain before" needs no "(pain)"). */
const char *history_measure_note(const struct history_rating *r);

/* The name a session is shown under: its title, else its file's name
 * (its id), else "(unnamed)". */
const char *history_display_name(const struct lm_session *s);
/* The --routine filter of --history and --export: whether `want` is the
 * session's shown name or its id, in any case. */
bool history_routine_named(const struct lm_session *s, const char *want);

/* Whether --since keeps a session or check-in: stamped on that day or
 * later, the day as its stamp writes it (`since` 0: everything). */
bool history_since_keeps(const struct lm_session *s, time_t since);

/* Parse a --since date YYYY-MM-DD into the start of that local day.
 * Returns false when `s` is not such a date. */
bool history_parse_since(const char *s, time_t *out);

/* An empty history: no sessions, the 12 weeks placed by `now` (what a
 * view shows with no log to read).  history_free() it as one read. */
void history_init(struct history *h, time_t now);

/* Read the log at `path` into `h` (initialised here; free it with
 * history_free() whatever the result).  `now` places the 12 weeks.  Corrupt
 * lines are reported on `err` as "recoup: PATH:LINE: skipped corrupt line:
 * REASON" (err NULL: quietly).  Returns 0, or -1 with errno set when the
 * file cannot be opened or read (h then holds what was read before); for a
 * path that is not a regular file, errno is EINVAL and h->not_regular says
 * what it is. */
int history_read(struct history *h, const char *path,
		 const struct history_filter *f, time_t now, FILE *err);
void history_free(struct history *h);

/* The full listing (`--history --detail`): every session's reps per
 * exercise and side, every rating and check-in, two on one day told apart
 * by their times, sets short of their target counted.  Words, no
 * drawings, so it reads well aloud.  Dates and times are those the stamps
 * say (YYYY-MM-DD HH:MM: the local day and time where it was done), as
 * due.h counts the days. */
void history_print(FILE *out, const struct history *h);

/* The full listing's morning check-ins alone (nothing when there were
 * none): for a read that kept no session, they still show. */
void history_print_checkins(FILE *out, const struct history *h);

/* For a read that kept no session, why, in the words both --history and
 * the dashboard use: "no sessions logged yet", "no sessions but practice
 * ones", or, when `filtered` (--since, --routine), "no sessions match";
 * for a log that is not a regular file, "the log is not a regular file (a
 * fifo); no history read";
 * `path`, when not NULL, named in them ("no sessions in FILE match").
 * Freshly allocated. */
char *history_nothing_text(const struct history *h, const char *path, bool filtered);
/* "2 practice sessions left out (HOW shows them)", or NULL when the read
 * left none out.  Freshly allocated. */
char *history_practice_text(const struct history *h, const char *how);

/* The summary that fits a screen (80x24 after a month of use): per
 * routine the sessions done against its schedule, the streak and the last
 * date; per exercise and side the first and last target, reps and load,
 * the best and a sparkline of the weeks; per rating and check-in item the
 * last value, its zone (pain) and a sparkline.  `utf8`: block characters
 * for the sparklines and arrows, else ASCII.  Dates and times are those
 * the stamps say, as for history_print(). */
void history_print_summary(FILE *out, const struct history *h, bool utf8);
/* The lines the summary takes at most, whatever the log: its lists are
 * cut to fit, each saying "+N more (--detail lists them)". */
#define HISTORY_SUMMARY_LINES 24
/* Its ratings and check-ins part alone: for a read that kept no session,
 * the check-ins (which --routine does not filter) still show. */
void history_print_summary_checkins(FILE *out, const struct history *h, bool utf8);

/* A sparkline of the weeks `from` to HISTORY_WEEKS - 1 of `w`, one
 * character a week, a space for a week without data (trailing ones left
 * out), scaled from `lo` (lowest mark) to `hi` (highest; a flat series,
 * lo == hi, draws the middle mark): U+2581..U+2588 when `utf8`, else
 * "_.:-=+*#".  `out` holds HISTORY_SPARK_SIZE bytes. */
#define HISTORY_SPARK_SIZE (HISTORY_WEEKS * 3 + 1)
void history_sparkline(char out[HISTORY_SPARK_SIZE], const struct history_weekly *w,
		       int from, double lo, double hi, bool utf8);

/* `recoup --history` as the command line asked it. */
struct history_options {
	const char *since;   /* YYYY-MM-DD, or NULL */
	const char *routine; /* or NULL */
	bool practice;
	bool detail;         /* --detail: every session listed (history_print) */
	/* the routines on the search path, for their schedules (NULL, 0) */
	const struct routine *const *routines;
	size_t nroutines;
};

/* `recoup --history`: reads `log_path` with the options, prints the
 * summary (or with `detail` the full listing) on `out` and returns the
 * exit status: 0, also for a missing or empty log ("no sessions logged
 * yet in FILE"); 1 when the log cannot be read ("recoup: FILE: strerror"
 * on stderr); 2 for a bad --since date.  The sparklines are UTF-8 when
 * the locale is. */
int history_command(const char *log_path, const struct history_options *o, FILE *out);
/* The same with `now` pinned, for tests. */
int history_command_at(const char *log_path, const struct history_options *o,
		       FILE *out, time_t now);

#endif
