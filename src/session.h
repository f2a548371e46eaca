/* session.h: what every front end shares around a running session: the
 * routine, today's targets from the log, the log writer, the engine and the
 * signal pipe.  Front ends (plain.c, the dashboard) own only their loop. */
#ifndef RECOUP_SESSION_H
#define RECOUP_SESSION_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "engine.h"
#include "resume.h"
#include "routine.h"
#include "slog.h"
#include "summary.h"

struct session {
	struct routine *r;
	char *path, *id;
	char *log_path;     /* NULL with --no-log */
	char *log_note;     /* why there is no progression from the log, or NULL;
			     * printed on `err` by a line-by-line session, shown
			     * by the dashboard */
	struct slog log;
	struct step_target *targets; /* today's, per step and side */
	char **warnings;    /* the loader's, logged when the session starts */
	size_t nwarnings;
	struct engine e;
	int sigfd;
	int fatal_sig;      /* set when a signal ended the session */
	bool no_key_guard;  /* engine_opts.no_key_guard: input is a script */
	struct summary_lines lines; /* every line the engine wrote, for the summary */
	struct summary *summary; /* built by session_summary() */
	bool screen;        /* the dashboard's session, not a line-by-line one */
	/* --resume: the session found in the log (its lines are the first
	 * of `lines`, so that the summary counts both parts), where it goes
	 * on, and the words that say so; NULL otherwise */
	struct resume_found *found;
	struct engine_resume resume;
	struct engine_done *done;
	char *resume_note;
	/* The session's lock while it runs (running.h): taken with its start
	 * line, let go with its end line (or at session_finish()), so that
	 * no resume takes it up meanwhile. */
	int running_fd;
	bool running_taken;
};

/* Resolve and load the routine, read today's targets, open the log, catch
 * signals.  With o->resume, the session to resume is found in the log
 * first (of the routine named, or the latest of any), and the routine is
 * the one it ran when none is named.  Returns -1 when ready, else the exit status to leave with
 * (after printing why on `err`). */
int session_prepare(struct session *s, const struct options *o,
		    const struct search_path *sp, bool screen, FILE *err);
/* Write the start line and enter the first segment. */
void session_start(struct session *s, const struct options *o);
/* Advance the engine on time (engine_tick), retrying log lines that could
 * not be written yet. */
void session_tick(struct session *s);
/* When the front end must next call session_tick(): engine_next_wake(),
 * but within a second while log lines wait to be retried.  Real-clock
 * ms, or -1 for no timeout. */
long long session_next_wake(const struct session *s);
/* The summary of the session (summary.h), once the engine is done: built
 * at the first call from the session's lines, the log read back for next
 * time's targets when it holds every line.  Owned by the session until
 * session_finish(). */
struct summary *session_summary(struct session *s);
/* Close the log (unwritten lines to stderr), free everything, and return
 * the exit status: 0; 1 when log lines could not be written (they went to
 * stderr); 128+N after signal N. */
int session_finish(struct session *s);

/* The log path the options and environment give: --log, else the default;
 * NULL with --no-log.  Freshly allocated. */
char *session_log_path(const struct options *o);

#endif
