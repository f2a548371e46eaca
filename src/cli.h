/* cli.h: parsed command-line options and the commands they select. */
#ifndef RECOUP_CLI_H
#define RECOUP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "paths.h"

enum { EXIT_OK = 0, EXIT_BAD = 1, EXIT_USAGE = 2 };

enum mode {
	MODE_RUN, MODE_LIST, MODE_CHECK, MODE_PLAN, MODE_HISTORY, MODE_PLAIN,
	MODE_DUMP_CONFIG, MODE_CHECKIN,
	MODE_DUE,
	MODE_EXPORT,
	MODE_NEW,
	MODE_SCHEMA,
};

struct options {
	enum mode mode;
	bool plain, practice, no_log, no_color;
	bool why;                  /* --plan --why: today's targets explained */
	bool resume;               /* --resume: go on with an interrupted session */
	bool detail;               /* --history --detail: every session listed */
	const char *since, *routine_filter;
	const char *export_format;  /* --export: "csv" or "json" */
	const char *new_name;      /* --new NAME: the routine to start */
	const char *log_path, *config_path;
	const char *log_config;    /* the config file that named log_path; NULL: --log did */
	char **routine_dirs;       /* from --routine-dir, in order */
	size_t nroutine_dirs, routine_dirs_cap;
	int speed;
	long long lead_in_ms;      /* before each timed part of work */
	bool use_bell, use_flash, confirm_quit;
	char **cue_argv;           /* program and arguments, %s = the prompt; NULL: none */
	bool speak;                /* speak = true, --speak: a speech program from $PATH */
	bool speak_missing;        /* ... and none was found: bells, and a note */
	int key_pause, key_next, key_back, key_quit;
	const char *const *checkin_items; /* what the check-in asks (settings.h) */
	size_t ncheckin_items;
	char **args;
	size_t nargs;
};

int cmd_list(const struct options *o, const struct search_path *sp);
int cmd_schema(void);
int cmd_check(const struct options *o, const struct search_path *sp);
int cmd_plan(const struct options *o, const struct search_path *sp);
int cmd_not_yet(const struct options *o);
int cmd_history(const struct options *o, const struct search_path *sp);
int cmd_export(const struct options *o);
int cmd_run(const struct options *o, const struct search_path *sp);
int cmd_checkin(const struct options *o, const struct search_path *sp);
int cmd_new(const struct options *o, const struct search_path *sp);

#endif
