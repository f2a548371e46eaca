/* routine_manage.h: the user's routine files as things to manage, not
 * sessions: a new routine from the commented starter, a duplicate under a
 * new name, a rename, and (paths.h) the move to the trash and the revert
 * of a copy.  Nothing here is logged and nothing here draws: `recoup
 * --new` and the picker both call it, and say what it returns.
 *
 * NAME is the routine's name as the user types it ("Heel drops, slow");
 * its file is NAME's id (routine_id_for_name) with .yaml, in the user's
 * first own routine directory (made, mode 0700, when missing).  Every
 * function here refuses, rather than overwrite, a file already there, and
 * on failure puts a whole sentence for the user in `why` (naming the file
 * and the reason, from errno where there is one), and returns -1. */
#ifndef RECOUP_ROUTINE_MANAGE_H
#define RECOUP_ROUTINE_MANAGE_H

#include <stddef.h>

#include "paths.h"

/* The file id for NAME: lower-case ASCII letters and digits, every run of
 * anything else one '-', none at either end ("Heel drops, slow" ->
 * "heel-drops-slow").  NULL when nothing is left.  Freshly allocated. */
char *routine_id_for_name(const char *name);

/* What is wrong with NAME as a routine's name (empty, a control
 * character, over 200 bytes, no letter or digit for a file name), or
 * NULL when it will do.  Static text, a sentence. */
const char *routine_name_problem(const char *name);

/* The path editors are pointed at for the schema: the installed
 * $(pkgdatadir)/recoup-routine.schema.json, or the source tree's copy
 * when running from the build tree.  Freshly allocated. */
char *routine_schema_path(void);

/* The starter routine for NAME: commented, one step of each common type,
 * loading without error or warning, its first line the yaml-language-
 * server modeline `# yaml-language-server: $schema=SCHEMA`.  Freshly
 * allocated. */
char *routine_starter_text(const char *name, const char *schema);

/* Write the starter for NAME as a new file.  Refused when NAME's id is
 * taken by any routine on the path (a new routine must not hide one).
 * 0 and *to (the new file), or -1 and why. */
int routine_new(const struct search_path *sp, const char *name, char **to, char *why,
		size_t n);

/* Copy the routine file `from` (anywhere on the path) to a new file for
 * NAME, its top-level `name:` changed to NAME and nothing else changed.
 * Refused like routine_new when the id is taken. */
int routine_duplicate(const struct search_path *sp, const char *from, const char *name,
		      char **to, char *why, size_t n);

/* Rename the user's own routine file `path` to NAME's id, its `name:`
 * changed to NAME.  Refused for a file not the user's own, and when the
 * id is taken by another routine. */
int routine_rename(const struct search_path *sp, const char *path, const char *name,
		   char **to, char *why, size_t n);

#endif
