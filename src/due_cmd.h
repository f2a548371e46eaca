/* due_cmd.h: `recoup --due`, what the schedules ask for now and what was
 * missed, one line each, for a shell prompt, a cron job or a timer. */
#ifndef RECOUP_DUE_CMD_H
#define RECOUP_DUE_CMD_H

#include "cli.h"
#include "paths.h"

/* Exit status of --due beyond cli.h's: the answer is not known (the log
 * or the config cannot be read, the --routine asked for is broken).  Not
 * 0, so `recoup --due && notify-send ...` stays quiet, and not 1, so a
 * script can tell "nothing due" from "could not tell". */
enum { EXIT_DUE_UNKNOWN = 3 };

/* Prints the due and missed lines on stdout, the rest on stderr: 0 when
 * something is due today, 1 when nothing is, EXIT_DUE_UNKNOWN. */
int cmd_due(const struct options *o, const struct search_path *sp);

#endif
