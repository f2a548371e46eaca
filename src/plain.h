/* plain.h: the line-by-line session front end. */
#ifndef RECOUP_PLAIN_H
#define RECOUP_PLAIN_H

#include <stdio.h>

#include "cli.h"
#include "paths.h"
#include "slog.h"

/* Run ROUTINE (o->args[0]) line by line.  Returns the exit status. */
int plain_run(const struct options *o, const struct search_path *sp);

/* The morning check-in line by line (--checkin with --plain or without a
 * terminal): a line per question, the answers as lines on stdin.  Returns
 * the exit status. */
int plain_checkin(const struct options *o);
/* Open the log a check-in writes to (none with --no-log), as a session
 * opens it; -1 after saying why on `err`, else 0. */
int checkin_open_log(struct slog *l, const struct options *o, FILE *err);

#endif
