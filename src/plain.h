/* plain.h: the line-by-line session front end. */
#ifndef RECOUP_PLAIN_H
#define RECOUP_PLAIN_H

#include "cli.h"
#include "paths.h"

/* Run ROUTINE (o->args[0]) line by line.  Returns the exit status. */
int plain_run(const struct options *o, const struct search_path *sp);

#endif
