/* settings.h: the configuration file (libconfig syntax), by default
 * $XDG_CONFIG_HOME/recoup/recoup.conf.  Every setting is optional; command
 * line options win over it, and NO_COLOR wins over `colors`.  No curses. */
#ifndef RECOUP_SETTINGS_H
#define RECOUP_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct settings {
	char *path;             /* the file read, or NULL */
	char *log;              /* expanded, or NULL for the default */
	char **routine_dirs;    /* NULL-terminated, or NULL for the default */
	size_t nroutine_dirs;
	bool colors, bell, flash, confirm_quit;
	bool speak;             /* speak with a speech program found on $PATH */
	char **cue_command;     /* NULL-terminated, or NULL for none */
	long long lead_in_ms;
	int key_pause, key_next, key_back, key_quit;
	char **checkin;         /* the check-in's items, NULL-terminated; NULL:
				 * checkin_default_items (checkin.h) */
	size_t ncheckin;
};

void settings_defaults(struct settings *st);
void settings_free(struct settings *st);
/* $XDG_CONFIG_HOME/recoup/recoup.conf.  Freshly allocated. */
char *settings_default_path(void);

/* Read `path` over what `st` holds.  A missing file is fine unless
 * `must_exist` (--config).  Errors are "recoup: FILE:LINE: message" on
 * `err`, unknown settings a warning there.  0, or -1 after an error. */
int settings_load(struct settings *st, const char *path, bool must_exist, FILE *err);
/* The same from `len` bytes at `data` (no NUL needed); `name` is used in
 * messages and becomes st->path on success. */
int settings_load_buffer(struct settings *st, const char *name, const char *data,
			 size_t len, FILE *err);

/* What the command line did that the dump's comments should tell. */
struct settings_dump_notes {
	bool no_log;            /* --no-log: this run writes no log */
	size_t cli_dirs;        /* the first routine_dirs are --routine-dir's */
};

/* The effective settings as a valid config file, a comment per setting.
 * `log` and `routine_dirs` (NULL-terminated) are the ones in effect;
 * `notes` may be NULL. */
void settings_dump(FILE *out, const struct settings *st, const char *log,
		   char *const *routine_dirs, const struct settings_dump_notes *notes);

#endif
