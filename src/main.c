/* main.c: command-line parsing and dispatch to the commands: --list,
 * --check, --plan, and (in later modules) sessions and history. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checkin.h"
#include "cli.h"
#include "diag.h"
#include "due_cmd.h"
#include "export.h"
#include "loader.h"
#include "paths.h"
#include "routine_manage.h"
#include "plan.h"
#include "plain.h"
#include "history.h"
#include "settings.h"
#include "sigs.h"
#include "slog.h"
#include "safetext.h"
#include "speech.h"
#include "util.h"

static void usage(FILE *out)
{
	fputs("Usage: recoup [OPTION]... [ROUTINE]\n"
	      "A terminal coach for recovery routines: ice, massage, sets of reps.\n"
	      "\n"
	      "Commands (one at a time; without one, open the picker or start ROUTINE):\n"
	      "      --list              list the routines on the search path\n"
	      "      --check FILE...     validate routine files\n"
	      "      --plan ROUTINE      print the timeline of ROUTINE; nothing runs\n"
	      "        --why               today's targets instead, explained from the log\n"
	      "      --history           summarise the session log\n"
	      "        --since DATE        only sessions on or after DATE (YYYY-MM-DD)\n"
	      "        --routine NAME      only sessions of this routine\n"
	      "        --practice          include practice (--speed) sessions\n"
	      "        --detail            list every session, not the summary\n"
	      "      --export csv|json   write the log's sets, rounds, spots, ratings and\n"
	      "                          check-ins as data (takes --since, --routine, --practice)\n"
	      "      --plain ROUTINE     a line-by-line session without curses\n"
	      "      --resume [ROUTINE]  go on with the last session that did not end complete\n"
	      "      --dump-config       print the effective settings as a config file\n"
	      "      --checkin           the morning check-in: pain and stiffness, 0-10\n"
	      "      --due               what the schedules ask for today, and what was missed\n"
	      "        --routine NAME      only this routine\n"
	      "      --new NAME          write a commented starter routine NAME in your\n"
	      "                          routine directory, and open it in $EDITOR\n"
	      "      --schema            print the routine format as a JSON Schema, for editors\n"
	      "\n"
	      "Options:\n"
	      "      --log FILE          append the session log to FILE\n"
	      "      --no-log            do not write a session log\n"
	      "      --config FILE       read settings from FILE\n"
	      "      --routine-dir DIR   look for routines in DIR first (repeatable)\n"
	      "      --speed N           practice mode: time runs N times faster (1-600)\n"
	      "      --no-color          do not use colours\n"
	      "      --speak             speak the cues with espeak-ng, spd-say or say\n"
	      "  -h, --help              show this help and exit\n"
	      "  -V, --version           show the version and exit\n"
	      "\n"
	      "ROUTINE is a file path or a routine's name (its file name without .yaml).\n"
	      "Exit status: 0 done, 1 bad routine, config or log, 2 bad usage,\n"
	      "128+N killed by signal N (after logging and restoring the terminal).\n"
	      "--due: 0 something is due, 1 nothing is, 3 not known (log unreadable).\n"
	      "recoup is a timer and a diary, not medical advice.\n",
	      out);
}

NORETURN static void usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	/* the message echoes the command line: made safe for the terminal */
	fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", progname,
		safe_show(msg), progname);
	free(msg);
	exit(EXIT_USAGE);
}

enum {
	OPT_LIST = 256, OPT_CHECK, OPT_PLAN, OPT_HISTORY, OPT_SINCE, OPT_ROUTINE,
	OPT_PRACTICE, OPT_PLAIN, OPT_DUMP_CONFIG, OPT_LOG, OPT_NO_LOG, OPT_CONFIG,
	OPT_ROUTINE_DIR, OPT_SPEED, OPT_NO_COLOR, OPT_SPEAK, OPT_WHY, OPT_CHECKIN,
	OPT_RESUME,
	OPT_DUE, OPT_DETAIL, OPT_EXPORT,
	OPT_NEW,
	OPT_SCHEMA,
	/* --help and --version have values of their own, apart from -h and
	 * -V: a usage error tells a long option from a short one by it */
	OPT_HELP, OPT_VERSION,
};

static const struct option long_options[] = {
	{ "list", no_argument, NULL, OPT_LIST },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "plan", no_argument, NULL, OPT_PLAN },
	{ "history", no_argument, NULL, OPT_HISTORY },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "routine", required_argument, NULL, OPT_ROUTINE },
	{ "practice", no_argument, NULL, OPT_PRACTICE },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "dump-config", no_argument, NULL, OPT_DUMP_CONFIG },
	{ "checkin", no_argument, NULL, OPT_CHECKIN },
	{ "export", required_argument, NULL, OPT_EXPORT },
	{ "due", no_argument, NULL, OPT_DUE },
	{ "new", required_argument, NULL, OPT_NEW },
	{ "schema", no_argument, NULL, OPT_SCHEMA },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "no-log", no_argument, NULL, OPT_NO_LOG },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "routine-dir", required_argument, NULL, OPT_ROUTINE_DIR },
	{ "speed", required_argument, NULL, OPT_SPEED },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "speak", no_argument, NULL, OPT_SPEAK },
	{ "why", no_argument, NULL, OPT_WHY },
	{ "resume", no_argument, NULL, OPT_RESUME },
	{ "detail", no_argument, NULL, OPT_DETAIL },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ 0, 0, 0, 0 },
};

static void set_mode(struct options *o, enum mode m, const char *opt)
{
	if (o->mode != MODE_RUN && o->mode != m)
		usage_error("%s cannot be combined with another command", opt);
	o->mode = m;
}

static bool valid_date(const char *s)
{
	time_t t;
	return history_parse_since(s, &t);
}

/* getopt_long() found an option it does not know (`word` is the word it
 * read last).  A long option is always the whole word; a short one may be
 * a letter inside a word of several (-rf: -r first, the word still being
 * read, so `word` is the one before it, or the program's path), so it is
 * named by the letter, which getopt leaves in optopt.  optopt is 0 for a
 * long option that is unknown or ambiguous, and the option's value (all
 * above a byte's) for one given a value it does not take. */
NORETURN static void bad_option(const char *word);
static void bad_option(const char *word)
{
	if (optopt == 0)
		usage_error("unknown option '%s'", word);
	if (optopt > UCHAR_MAX)
		usage_error("option '%.*s' takes no argument", (int)strcspn(word, "="), word);
	usage_error("unknown option '-%c'", optopt);
}

static void parse_options(struct options *o, int argc, char **argv)
{
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_LIST: set_mode(o, MODE_LIST, "--list"); break;
		case OPT_SCHEMA: set_mode(o, MODE_SCHEMA, "--schema"); break;
		case OPT_CHECK: set_mode(o, MODE_CHECK, "--check"); break;
		case OPT_PLAN: set_mode(o, MODE_PLAN, "--plan"); break;
		case OPT_HISTORY: set_mode(o, MODE_HISTORY, "--history"); break;
		case OPT_PLAIN: o->plain = true; break;
		case OPT_DUMP_CONFIG: set_mode(o, MODE_DUMP_CONFIG, "--dump-config"); break;
		case OPT_CHECKIN: set_mode(o, MODE_CHECKIN, "--checkin"); break;
		case OPT_EXPORT: {
			enum export_format f;
			set_mode(o, MODE_EXPORT, "--export");
			if (!export_format_from(optarg, &f))
				usage_error("--export wants csv or json, not '%s'", optarg);
			o->export_format = optarg;
			break;
		}
		case OPT_DUE: set_mode(o, MODE_DUE, "--due"); break;
		case OPT_NEW: {
			const char *problem = routine_name_problem(optarg);
			set_mode(o, MODE_NEW, "--new");
			char said[200];
			if (problem)
				usage_error("--new '%s': %s", optarg,
					    routine_cli_text(problem, said, sizeof said));
			o->new_name = optarg;
			break;
		}
		case OPT_SINCE:
			if (!valid_date(optarg))
				usage_error("--since wants a date as YYYY-MM-DD, not '%s'", optarg);
			o->since = optarg;
			break;
		case OPT_ROUTINE: o->routine_filter = optarg; break;
		case OPT_PRACTICE: o->practice = true; break;
		case OPT_LOG: o->log_path = optarg; o->no_log = false; break;
		case OPT_NO_LOG: o->no_log = true; o->log_path = NULL; break;
		case OPT_CONFIG: o->config_path = optarg; break;
		case OPT_ROUTINE_DIR:
			o->routine_dirs = xgrow(o->routine_dirs, &o->routine_dirs_cap,
						o->nroutine_dirs + 1, sizeof *o->routine_dirs);
			o->routine_dirs[o->nroutine_dirs++] = optarg;
			break;
		case OPT_SPEED: {
			long n;
			if (!int_parse(optarg, &n) || n < 1 || n > 600)
				usage_error("--speed wants a whole number from 1 to 600, not '%s'", optarg);
			o->speed = (int)n;
			break;
		}
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_SPEAK: o->speak = true; break;
		case OPT_WHY: o->why = true; break;
		case OPT_RESUME: o->resume = true; break;
		case OPT_DETAIL: o->detail = true; break;
		case 'h':
		case OPT_HELP: usage(stdout); exit(EXIT_OK);
		case 'V':
		case OPT_VERSION:
			printf("recoup %s\n", PACKAGE_VERSION);
			exit(EXIT_OK);
		case ':':
			/* only long options take an argument: the word is it */
			usage_error("option '%s' needs an argument", argv[optind - 1]);
		default:
			bad_option(argv[optind - 1]);
		}
	}
	if (o->plain && o->mode == MODE_RUN)
		o->mode = MODE_PLAIN;
	else if (o->plain && o->mode != MODE_CHECKIN)
		usage_error("%s cannot be combined with another command", "--plain");
	/* --due --routine NAME: that routine alone */
	if (o->mode == MODE_DUE && (o->since || o->practice))
		usage_error("%s does not go with --due", o->since ? "--since" : "--practice");
	if ((o->since || o->routine_filter || o->practice) && o->mode != MODE_HISTORY &&
	    o->mode != MODE_DUE && o->mode != MODE_EXPORT)
		usage_error("%s", o->routine_filter && !o->since ?
			    "--routine goes with --history, --export or --due" :
			    o->since ? "--since goes with --history or --export" :
			    "--practice goes with --history or --export");
	if (o->why && o->mode != MODE_PLAN)
		usage_error("%s goes with --plan", "--why");
	/* a session, from the dashboard or line by line */
	if (o->resume && o->mode != MODE_RUN && o->mode != MODE_PLAIN)
		usage_error("%s cannot be combined with another command", "--resume");
	if (o->resume && o->no_log)
		usage_error("--resume finds where the session stopped in the log; "
			    "it cannot go with --no-log");
	if (o->detail && o->mode != MODE_HISTORY)
		usage_error("%s goes with --history", "--detail");
	/* a check-in takes no time to practise: its answers are the day's */
	if (o->mode == MODE_CHECKIN && o->speed != 1)
		usage_error("--speed does not go with --checkin: a check-in is never practice");
	o->args = argv + optind;
	o->nargs = (size_t)(argc - optind);
}

static void check_arg_count(const struct options *o)
{
	switch (o->mode) {
	case MODE_LIST:
	case MODE_SCHEMA:
	case MODE_HISTORY:
	case MODE_EXPORT:
	case MODE_DUMP_CONFIG:
	case MODE_CHECKIN:
	case MODE_DUE:
	case MODE_NEW:
		if (o->nargs)
			usage_error("unexpected argument '%s'", o->args[0]);
		break;
	case MODE_CHECK:
		if (!o->nargs)
			usage_error("%s needs at least one FILE", "--check");
		break;
	case MODE_PLAN:
	case MODE_PLAIN:
		if (o->resume && o->nargs <= 1)
			break; /* --plain --resume [ROUTINE] */
		if (o->nargs != 1)
		{
			if (o->nargs)
				usage_error("one ROUTINE at a time, not '%s'", o->args[1]);
			usage_error("%s needs a ROUTINE", o->mode == MODE_PLAN ? "--plan" : "--plain");
		}
		break;
	case MODE_RUN:
		if (o->nargs > 1)
			usage_error("one ROUTINE at a time, not '%s'", o->args[1]);
		break;
	}
}

/* Settings from the config file, where the command line left them open. */
static int apply_settings(struct options *o, struct settings *st)
{
	settings_defaults(st);
	char *path = o->config_path ? xstrdup(o->config_path) : settings_default_path();
	int rc = settings_load(st, path, o->config_path != NULL, stderr);
	free(path);
	if (rc < 0)
		return EXIT_BAD;
	o->use_bell = st->bell;
	o->use_flash = st->flash;
	o->confirm_quit = st->confirm_quit;
	o->cue_argv = st->cue_command;
	/* the cue command is the explicit choice; else a speech program, when
	 * asked for and there is one (when not, the screen says so once) */
	if (st->speak)
		o->speak = true;
	if (!o->cue_argv && o->speak) {
		char *const *prog = speech_find_program();
		if (prog)
			o->cue_argv = (char **)prog;
		else
			o->speak_missing = true;
	}
	o->lead_in_ms = st->lead_in_ms;
	o->key_pause = st->key_pause;
	o->key_next = st->key_next;
	o->key_back = st->key_back;
	o->key_quit = st->key_quit;
	if (st->checkin) {
		o->checkin_items = (const char *const *)st->checkin;
		o->ncheckin_items = st->ncheckin;
	} else {
		o->checkin_items = checkin_default_items;
		o->ncheckin_items = CHECKIN_DEFAULT_COUNT;
	}
	if (!o->log_path && !o->no_log && st->log) {
		o->log_path = st->log;
		o->log_config = st->path;
	}
	const char *nc = getenv("NO_COLOR");
	if (!st->colors || (nc && *nc))
		o->no_color = true;
	return -1;
}

/* `recoup --dump-config > recoup.conf` has the shell empty the config file
 * before recoup reads it, and `>>` would leave every setting in it twice.
 * Returns EXIT_BAD (nothing to write) for the second, after a message;
 * a warning for the first, whose settings are gone already; else -1. */
static int dump_onto_config(const struct settings *st)
{
	struct stat out, conf;
	if (!st->path || fstat(STDOUT_FILENO, &out) < 0 || !S_ISREG(out.st_mode) ||
	    stat(st->path, &conf) < 0 || out.st_dev != conf.st_dev || out.st_ino != conf.st_ino)
		return -1;
	int fl = fcntl(STDOUT_FILENO, F_GETFL);
	if (out.st_size > 0 && fl >= 0 && (fl & O_APPEND)) {
		fprintf(stderr, "%s: standard output adds to %s, the config file just read: "
			"every setting would be in it twice; nothing written\n", progname,
			safe_show(st->path));
		return EXIT_BAD;
	}
	if (out.st_size == 0)
		fprintf(stderr, "%s: warning: standard output is %s, the config file just read, "
			"and it was empty: `>` empties the file before recoup reads it, so any "
			"settings it held are lost\n", progname, safe_show(st->path));
	return -1;
}

/* The dump is a config file that, fed back with --config, gives the same
 * settings: the command line's --log, --routine-dir and --no-color are
 * folded in.  --no-log has no setting to say it, so the log stays the one
 * the config (or the default) names, and a comment says this run writes
 * none. */
static int dump_config(const struct options *o, struct settings *st)
{
	int rc = dump_onto_config(st);
	if (rc >= 0)
		return rc;
	char *log = o->log_path ? expand_tilde(o->log_path)
		    : o->no_log && st->log ? xstrdup(st->log) : slog_default_path();
	size_t nconf = st->routine_dirs ? st->nroutine_dirs : 1;
	char **dirs = xcalloc(o->nroutine_dirs + nconf + 1, sizeof *dirs);
	size_t n = 0;
	for (size_t i = 0; i < o->nroutine_dirs; i++)
		dirs[n++] = xstrdup(o->routine_dirs[i]);
	if (st->routine_dirs) {
		for (size_t i = 0; i < st->nroutine_dirs; i++)
			dirs[n++] = xstrdup(st->routine_dirs[i]);
	} else {
		char *cfg = xdg_config_home();
		dirs[n++] = xasprintf("%s/recoup/routines", cfg);
		free(cfg);
	}
	st->colors = !o->no_color;
	st->speak = st->speak || o->speak;
	struct settings_dump_notes notes = {
		.no_log = o->no_log, .cli_dirs = o->nroutine_dirs,
	};
	settings_dump(stdout, st, log, dirs, &notes);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	free(log);
	return EXIT_OK;
}

/* A --routine-dir that is not there would only make the routines in it
 * "not found" later: say so now (the search goes on without it). */
static void warn_missing_dirs(const struct options *o)
{
	for (size_t i = 0; i < o->nroutine_dirs; i++) {
		/* --new makes the first one, where it writes */
		if (o->mode == MODE_NEW && i == 0)
			continue;
		char *dir = expand_tilde(o->routine_dirs[i]);
		struct stat sb;
		if (stat(dir, &sb) < 0)
			warnx_("--routine-dir %s: %s", safe_show(o->routine_dirs[i]), strerror(errno));
		else if (!S_ISDIR(sb.st_mode))
			warnx_("--routine-dir %s: %s", safe_show(o->routine_dirs[i]),
			       strerror(ENOTDIR));
		free(dir);
	}
}

int main(int argc, char **argv)
{
	struct options o = {
		.mode = MODE_RUN, .speed = 1, .lead_in_ms = 3000,
		.use_bell = true, .confirm_quit = true,
		.key_pause = ' ', .key_next = 'n', .key_back = 'b', .key_quit = 'q',
	};
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	parse_options(&o, argc, argv);
	check_arg_count(&o);
	/* the format is the same whatever the settings say, or whether they
	 * can be read */
	if (o.mode == MODE_SCHEMA)
		return cmd_schema();

	struct settings st;
	int rc = apply_settings(&o, &st);
	/* a config that cannot be read leaves what is due unknown: not the
	 * "nothing due" of --due's 1 */
	if (rc == EXIT_BAD && o.mode == MODE_DUE)
		rc = EXIT_DUE_UNKNOWN;
	if (rc >= 0) {
		settings_free(&st);
		free(o.routine_dirs);
		return rc;
	}
	warn_missing_dirs(&o);
	struct search_path sp;
	search_path_init(&sp, o.routine_dirs, o.nroutine_dirs, st.routine_dirs,
			 st.nroutine_dirs);
	switch (o.mode) {
	case MODE_LIST: rc = cmd_list(&o, &sp); break;
	case MODE_CHECK: rc = cmd_check(&o, &sp); break;
	case MODE_PLAN: rc = cmd_plan(&o, &sp); break;
	case MODE_PLAIN: rc = plain_run(&o, &sp); break;
	case MODE_HISTORY: rc = cmd_history(&o, &sp); break;
	case MODE_EXPORT: rc = cmd_export(&o); break;
	case MODE_RUN: rc = cmd_run(&o, &sp); break;
	case MODE_DUMP_CONFIG: rc = dump_config(&o, &st); break;
	case MODE_CHECKIN: rc = cmd_checkin(&o, &sp); break;
	case MODE_DUE: rc = cmd_due(&o, &sp); break;
	case MODE_NEW: rc = cmd_new(&o, &sp); break;
	default: rc = cmd_not_yet(&o); break;
	}
	search_path_free(&sp);
	settings_free(&st);
	free(o.routine_dirs);
	/* a fatal signal ended it: everything is cleaned up, so die of that
	 * signal now, for every front end, in this one place */
	sigs_reraise(rc);
	return rc;
}
