/* summary.h: the end of a session in a few short lines, for the dashboard's
 * last screen and --plain's last words: how far it got (a session quit
 * early), the time done against the time planned, the ratings before and
 * after, each reps step's sets against their target per side, and what
 * progression asks next time, per side, with the load of a step that has
 * one, and why a target held or stepped back (sets short or not done,
 * pain above 5).
 *
 * Built from the session's own log lines (as the engine wrote them: every
 * line reaches the session's sink), read through the one model of the log
 * (logmodel.h) as every reader of the log is, and the routine.  Next
 * time's targets, and progression's decisions about this session, come
 * from progress_replay() over the log, read back as the next session will
 * read it, so that the summary says what the next session or `--plan` will
 * show; without a log (--no-log), or with lines the log could not take,
 * the same rule runs over this session's lines in memory, and the summary
 * says so.
 *
 * Lines are short (most well under 80 columns) and raw: names come from
 * the routine as they are, and a front end shows them through safetext.h.
 * No curses. */
#ifndef RECOUP_SUMMARY_H
#define RECOUP_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "routine.h"
#include "target.h"

/* What a line is, so that a screen can colour it. */
enum summary_kind {
	SUMMARY_TEXT,
	SUMMARY_GOOD,       /* every set at its target; the target moves up */
	SUMMARY_SHORT,      /* a set short of its target, or skipped */
	SUMMARY_NOTE,       /* about the session as a whole: ended early, practice */
};

struct summary_line {
	enum summary_kind kind;
	char *text;
};

struct summary {
	struct summary_line *v;
	size_t n, cap;
	bool complete;      /* the end line said status=complete */
	bool practice;      /* the start line had speed= */
	int view_top;       /* a front end's own: the first line it shows */
};

/* A session's log lines as it wrote them, each with its newline. */
struct summary_lines {
	char **v;
	size_t n, cap;
};

void summary_lines_add(struct summary_lines *l, const char *line, size_t len);
void summary_lines_free(struct summary_lines *l);

/* The heading a screen puts above the lines: "Session complete" or
 * "Session ended early". */
const char *summary_heading(const struct summary *s);

/* Build the summary of the session logged in `lines` (n of them) for the
 * routine `r` it ran.  `log_path` is the log the lines went to, read back
 * for next time's targets, or NULL to apply the rule to `lines` alone:
 * with `no_log` because there was no log (--no-log), else because the log
 * did not take every line.  `s` is the caller's, emptied first; free it
 * with summary_free(). */
void summary_build(struct summary *s, const struct routine *r,
		   const char *const *lines, size_t n, const char *log_path, bool no_log);
/* The same with next time's targets given (progress_targets()'s, as
 * summary_build() reads them), and no word on where they came from nor
 * on pain (no decision of progression to go by). */
void summary_build_next(struct summary *s, const struct routine *r,
			const char *const *lines, size_t n, const struct step_target *next);
void summary_free(struct summary *s);

#endif
