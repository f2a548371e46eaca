/* routine_manage.h: the user's routine files as things to manage, not
 * sessions: a new routine from the commented starter, a duplicate under a
 * new name, a rename, and (paths.h) the move to the trash and the revert
 * of a copy.  Nothing here is logged and nothing here draws: `recoup
 * --new` and the picker both call it, and say what it returns.
 *
 * NAME is the routine's name as the user types it ("Heel drops, slow");
 * a new routine's file (new, duplicate) is NAME's id (routine_id_for_name)
 * with .yaml, in the user's first own routine directory (made, mode 0700,
 * when missing); a rename keeps the file.  New and duplicate refuse,
 * rather than overwrite, a file already there; every function here, on
 * failure, puts a whole sentence for the user in `why` (naming the file
 * and the reason, from errno where there is one), and returns -1.
 *
 * NAME's blanks at either end are no part of it (a prompt's stray space):
 * they are dropped before it is checked and written.  It is written as a
 * YAML double-quoted scalar, whatever it holds.  A file is written whole
 * to a temporary file in its directory and linked into place only then
 * (file_write_new() in paths.h): mode 0600, never over a file that is
 * there, nothing left behind on a failure.  What is written is loaded
 * first, and refused, nothing written, when it would not load.  *to is
 * set either way, to the file written or the one tried (NULL when none
 * was): the caller frees it. */
#ifndef RECOUP_ROUTINE_MANAGE_H
#define RECOUP_ROUTINE_MANAGE_H

#include <stddef.h>

#include "paths.h"

/* The file id for NAME: its letters and digits, every run of anything
 * else one '-', none at either end ("Heel drops, slow" ->
 * "heel-drops-slow").  Letters, digits and other characters beyond ASCII
 * stay, as UTF-8 ("Übung für Waden" -> "übung-für-waden", "日本語"), but
 * never a space, punctuation, a control, a format, bidi or invisible
 * character (a fixed list, whatever the locale): nothing that could not
 * be typed back or would not show in a file name.  ASCII and the common
 * alphabets (Latin-1, Latin Extended-A, Greek, Cyrillic) are made lower-
 * case.  NULL when nothing is left.  Freshly allocated. */
char *routine_id_for_name(const char *name);

/* What is wrong with NAME as a routine's name (empty, a control
 * character, a line or paragraph separator, a bidi control or bytes that
 * are not UTF-8: anything the screen would show as an escape; over 200
 * bytes, no letter or digit for a file name), or NULL when it will do.
 * Static text, a sentence. */
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

/* The routine file a new routine named NAME would clash with: the file
 * of NAME's id (.yaml) in any directory of the path, the user's or
 * shipped, broken or not (a new file there would hide it, or be hidden),
 * or NULL (also when NAME has no id).  Read afresh from the directories.
 * The one check of a name being taken: new and duplicate make it, and the
 * picker before them, to keep its name field open.  (A rename keeps the
 * file: no name is taken for it.)  Freshly allocated. */
char *routine_taken(const struct search_path *sp, const char *name);

/* Write the starter for NAME as a new file.  Refused when NAME's id is
 * taken by any routine on the path (a new routine must not hide one).
 * 0 and *to (the new file), or -1 and why. */
int routine_new(const struct search_path *sp, const char *name, char **to, char *why,
		size_t n);

/* Copy the routine file `from` (anywhere on the path) to a new file for
 * NAME, its top-level `name:` changed to NAME and nothing else changed.
 * Refused like routine_new when the id is taken.
 *
 * The top-level `name:` is the first line starting `name:` (or `"name":`,
 * `'name':`) at column 1.  Its whole value is replaced: a plain or quoted
 * scalar (a comment after it on the line kept), a block scalar (`name:
 * >-` and its indented lines), or a plain scalar folded onto indented
 * lines.  A file with no such line gets `name: "NAME"` before its first
 * line that is not a comment, blank, directive or `---`.  When the result
 * does not load with NAME as its name (a flow mapping `{name: ...}`, say),
 * it is refused.
 *
 * When the file's leading comments (before its first line that is not a
 * comment, blank, directive or `---`) have no `# yaml-language-server:`
 * line, the copy gets the one routine_new() writes as its first line
 * (after a byte order mark), so that an editor relying on it checks the
 * copy; one there is kept as it is. */
int routine_duplicate(const struct search_path *sp, const char *from, const char *name,
		      char **to, char *why, size_t n);

/* Rename the user's own routine file `path`: its top-level `name:` made
 * NAME (as routine_duplicate() changes it), and nothing else: the file
 * stays where it is, under the same file name, and so keeps its id.
 * Refused for a file not the user's own.  The file is changed in place
 * (through a symbolic link to the file it names, its mode kept); *to is
 * `path`.
 *
 * The log ties sessions to a routine by its file's id (`id=`): keeping
 * the file keeps the routine's history, progression, streak, due status
 * and resume.  Only the title changes: the sessions logged before keep
 * the old one (`routine=`) in --history.  (A new file under a new name,
 * with no history, is routine_duplicate().) */
int routine_rename(const struct search_path *sp, const char *path, const char *name,
		   char **to, char *why, size_t n);

/* A sentence from here (or the editor's `why`), written for the picker's
 * screen, as the command line says it after "recoup: ": its first word
 * lower-case ("Cannot", "A", but not "YAML"),
 * its final period dropped, as recoup's other messages there are.  Into
 * `out` (n bytes, cut short if need be); returns `out`. */
const char *routine_cli_text(const char *sentence, char *out, size_t n);

#endif
