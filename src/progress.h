/* progress.h: today's targets of a routine from the log: per-side double
 * progression gated by the pain-monitoring model, and load progression
 * (target.h holds the result).  Reads the log through the one model of it
 * (logmodel.h).  No curses. */
#ifndef RECOUP_PROGRESS_H
#define RECOUP_PROGRESS_H

#include <stdio.h>

#include "routine.h"
#include "target.h"

/* Today's targets for every step of `r` into `out` (r->nsteps entries).
 * A missing or unreadable log gives the defaults (targets_default()),
 * and nothing is printed.  Returns NULL, or, when the log is not a regular
 * file and so was not read, what it is ("a fifo", ...) for the caller to
 * say so. */
const char *progress_targets(const char *log_path, const struct routine *r,
			     struct step_target *out);
/* The same over log lines in memory (a session's own, as it wrote them):
 * what a session logged without a log (--no-log) would ask next time. */
void progress_targets_lines(const char *const *lines, size_t n,
			    const struct routine *r, struct step_target *out);

#endif
