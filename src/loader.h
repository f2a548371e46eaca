/* loader.h: read a routine file (YAML, format 1) into a struct routine.
 * Uses libyaml's event API to build a small positioned tree, then checks it
 * against the format, collecting every error and warning with its line and
 * column.  No curses. */
#ifndef RECOUP_LOADER_H
#define RECOUP_LOADER_H

#include <stddef.h>

#include "diag.h"
#include "routine.h"

#define ROUTINE_MAX_BYTES (1024 * 1024)
#define ROUTINE_MAX_DEPTH 64
#define ROUTINE_MAX_NODES 300000
#define ROUTINE_MAX_SEGMENTS 100000
#define ROUTINE_MAX_ERRORS 100
#define ROUTINE_MAX_WARNINGS 100

/* Load `path`.  Diagnostics go into `d` (initialised by the caller with the
 * same file name).  Returns the routine, owned by the caller, or NULL when
 * there was at least one error. */
struct routine *routine_load(const char *path, struct diags *d);

/* The same from a buffer in memory; `name` is used in messages. */
struct routine *routine_load_buffer(const char *name, const char *data,
				    size_t len, struct diags *d);

#endif
