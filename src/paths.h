/* paths.h: XDG locations, the routine search path, and resolving a ROUTINE
 * argument (a path, or a name looked up on the search path). */
#ifndef RECOUP_PATHS_H
#define RECOUP_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "routine.h"

/* $XDG_CONFIG_HOME or ~/.config; $XDG_STATE_HOME or ~/.local/state.
 * Freshly allocated. */
char *xdg_config_home(void);
char *xdg_state_home(void);
/* "~/x" -> "$HOME/x"; anything else copied.  Freshly allocated. */
char *expand_tilde(const char *path);
/* mkdir -p with mode 0700 for every directory created.  0 or -1 (errno). */
int mkdir_parents(const char *dir);

struct search_path {
	char **dirs;
	size_t n, cap;
	size_t nuser;   /* the first nuser dirs are the user's own (see below) */
};

/* True when this binary is the one in the build tree (what `make check`
 * runs): test-only behaviour is for it alone, never an installed copy. */
bool running_from_build_tree(void);

/* Builds the path: `extra` first (from --routine-dir), then `user` (the
 * config's routine_dirs; NULL: $XDG_CONFIG_HOME/recoup/routines), the
 * installed routines, and the source tree's routines/ when run from the
 * build tree.  The first two are the user's own, where routines are
 * changed; the others are only read. */
void search_path_init(struct search_path *sp, char *const *extra, size_t nextra,
		      char *const *user, size_t nuser);
void search_path_free(struct search_path *sp);

struct routine_entry {
	char *id;   /* file name without .yaml */
	char *path;
};

/* Every *.yaml on the path, sorted by id; an id found in an earlier
 * directory hides later ones.  Caller frees with routine_entries_free(). */
size_t search_path_list(const struct search_path *sp, struct routine_entry **out);
void routine_entries_free(struct routine_entry *v, size_t n);

/* Every routine on the path that loads, quietly (a broken one is --check's
 * business): for their schedules, to the readers of the log that say what
 * was due (`recoup --history`, the history screen).
 * Returns how many; free them with routines_free(). */
struct routine;
size_t search_path_load_all(const struct search_path *sp, struct routine ***out);
void routines_free(struct routine **r, size_t n);

/* A path when `arg` names an existing file (or has a '/' or ends in .yaml);
 * otherwise the name looked up on the path.  NULL when not found.  Freshly
 * allocated. */
char *routine_resolve(const struct search_path *sp, const char *arg);

/* " (looked in DIR, DIR)", after a message that found no routine. */
void search_path_put_looked_in(FILE *out, const struct search_path *sp);

/* Resolve ROUTINE (path or name) and load it, printing every diagnostic
 * on `err`.  NULL (after printing why, with a "did you mean" when a name
 * is near) when it is missing or has errors. */
struct routine *load_routine_arg(const struct search_path *sp, const char *arg,
				 FILE *err);
/* The same, also keeping the loader's warnings as "LINE:COL: message"
 * strings in a new array (the caller frees each string and the array). */
struct routine *load_routine_warnings(const struct search_path *sp, const char *arg,
				      FILE *err, char ***warnings, size_t *nwarnings);

/* The routine name on the path closest to `arg` when it looks like a typo
 * of it (see did_you_mean()), or NULL.  Freshly allocated. */
char *routine_suggest(const struct search_path *sp, const char *arg);

/* Whether `path` (as listed by search_path_list()) lies in one of the
 * user's own directories and can be written. */
bool routine_is_own(const struct search_path *sp, const char *path);
/* Whether `path` lies in one of the user's own directories, whether or
 * not it can be written there (that is for the change itself to say). */
bool routine_in_own_dir(const struct search_path *sp, const char *path);

/* Copy the routine file `from` into the user's first own directory
 * (created, mode 0700, when missing) under the same file name, never over
 * a file already there (EEXIST).  0, or -1 with errno set (ENOENT and *to
 * NULL: the path has no directory of the user's).  *to is the copy's path,
 * or the one tried; the caller frees it. */
int routine_copy_to_own(const struct search_path *sp, const char *from, char **to);

/* A file `to` holding `data`, mode 0600, written whole to a temporary
 * file in the same directory and moved into place only then: never over a
 * file already there (EEXIST), unless `replace` (the same file, changed:
 * its mode kept, and through a symbolic link to the file it names, the
 * link left a link).  fsync()ed, its directory too.  0, or -1 with errno
 * set (nothing left behind). */
int file_write_new(const char *to, const char *data, size_t len, bool replace);
/* fsync() the directory `path` is in, after a name in it was made, moved
 * or removed (0 where the file system cannot sync one).  0, or -1. */
int dir_sync_of(const char *path);

/* The routine file that `path` (as listed by search_path_list()) hides:
 * the first file of the same name in a later directory of the path, or
 * NULL.  *own: `path` lies in one of the user's own directories (only
 * those are looked past).  Freshly allocated. */
char *routine_hidden(const struct search_path *sp, const char *path, bool *own);

/* Move `path` into $XDG_STATE_HOME/recoup/trash (made, mode 0700, when
 * missing), as NAME.yaml or, when that is taken, NAME.1.yaml and so on:
 * never over a file there.  0, or -1 with errno set.  *to is where it went
 * (or the trash folder, on failure); the caller frees it. */
int routine_trash(const char *path, char **to);
/* That trash folder, $XDG_STATE_HOME/recoup/trash.  Freshly allocated. */
char *routine_trash_dir(void);

/* After a failed edit of `copy`, a fresh copy of `orig`: removed when it
 * is still the same bytes, else moved to the trash (*trashed: where), so
 * that what the user typed is not lost.  0, or -1 with errno set. */
int routine_drop_copy(const char *copy, const char *orig, char **trashed);

/* True when `copy` still holds the same bytes as `orig`. */
bool routine_copy_unchanged(const char *copy, const char *orig);

/* The id of a routine file: its base name without .yaml/.yml. */
char *routine_id_of(const char *path);

#endif
