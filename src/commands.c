/* commands.c: the non-interactive commands --list, --check and --plan. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "editor.h"
#include "export.h"
#include "loader.h"
#include "plain.h"
#include "plan.h"
#include "progress.h"
#include "history.h"
#include "progress.h"
#include "routine_manage.h"
#include "session.h"
#include "ui.h"
#include "safetext.h"
#include "schema.h"
#include "util.h"

static long long lead_in_ms(const struct options *o)
{
	return o->lead_in_ms;
}

int cmd_check(const struct options *o, const struct search_path *sp)
{
	int rc = EXIT_OK;
	for (size_t i = 0; i < o->nargs; i++) {
		struct routine *r = load_routine_arg(sp, o->args[i], stderr);
		if (!r) {
			rc = EXIT_BAD;
			continue;
		}
		struct plan p;
		plan_build(&p, r, lead_in_ms(o), NULL);
		char total[32];
		format_clock(total, sizeof total, p.total);
		printf("%s: ok: %s, %zu step%s, %s\n", safe_show(r->file),
		       safe_show(r->name), r->nsteps,
		       r->nsteps == 1 ? "" : "s", total);
		plan_free(&p);
		routine_free(r);
	}
	return rc;
}

/* --plan --why: today's targets per step and side, and the decisions of
 * the log that made them, in words. */
static int plan_why(const struct options *o, struct routine *r)
{
	char *log = session_log_path(o);
	const char *kind = progress_why_print(stdout, log, r, 10);
	if (kind)
		fprintf(stderr, "%s: the log %s is not a regular file (%s): no history read, "
			"no progression from it\n", progname, safe_show(log), kind);
	free(log);
	routine_free(r);
	return EXIT_OK;
}

int cmd_plan(const struct options *o, const struct search_path *sp)
{
	struct routine *r = load_routine_arg(sp, o->args[0], stderr);
	if (!r)
		return EXIT_BAD;
	if (o->why)
		return plan_why(o, r);
	/* today's targets, as the session would use them */
	struct step_target *targets = xcalloc(r->nsteps + 1, sizeof *targets);
	targets_default(targets, r);
	char *log = session_log_path(o);
	const char *kind = log ? progress_targets(log, r, targets) : NULL;
	if (kind)
		fprintf(stderr, "%s: the log %s is not a regular file (%s): no history read, "
			"no progression from it\n", progname, safe_show(log), kind);
	struct plan p;
	plan_build(&p, r, lead_in_ms(o), targets);
	plan_print(stdout, r, &p, targets);
	free(log);
	free(targets);
	plan_free(&p);
	routine_free(r);
	return EXIT_OK;
}

/* --schema: the routine format as a JSON Schema, for editors. */
int cmd_schema(void)
{
	char *text = schema_text();
	size_t n = strlen(text);
	bool bad = fwrite(text, 1, n, stdout) != n || fflush(stdout) == EOF;
	free(text);
	if (bad) {
		fprintf(stderr, "%s: standard output: %s\n", progname, strerror(errno));
		return EXIT_BAD;
	}
	return EXIT_OK;
}

int cmd_list(const struct options *o, const struct search_path *sp)
{
	struct routine_entry *v;
	size_t n = search_path_list(sp, &v);
	if (!n) {
		fprintf(stderr, "%s: no routines found", progname);
		search_path_put_looked_in(stderr, sp);
		fputc('\n', stderr);
	}
	for (size_t i = 0; i < n; i++) {
		struct diags d;
		diags_init(&d, v[i].path);
		struct routine *r = routine_load(v[i].path, &d);
		if (r) {
			struct plan p;
			plan_build(&p, r, lead_in_ms(o), NULL);
			char total[32];
			format_clock(total, sizeof total, p.total);
			/* columns by what the terminal shows, not by bytes */
			safe_column(stdout, v[i].id, 24, false);
			putchar(' ');
			safe_column(stdout, r->name, 32, false);
			printf(" %4zu %-5s %8s  %s\n", r->nsteps,
			       r->nsteps == 1 ? "step" : "steps", total, safe_show(v[i].path));
			plan_free(&p);
			routine_free(r);
		} else {
			char *first = diags_first_error(&d);
			/* no position (a file it cannot read): "PATH: why" */
			const struct diag *g = diags_first(&d, DIAG_ERROR);
			bool pos = !g || g->line > 0;
			safe_column(stdout, v[i].id, 24, false);
			printf(" %-32s %10s %8s  %s:%s%s\n", "(broken)", "-", "-",
			       safe_show(v[i].path), pos ? "" : " ", first ? safe_show(first) : "");
			free(first);
		}
		diags_free(&d);
	}
	routine_entries_free(v, n);
	return EXIT_OK;
}

int cmd_not_yet(const struct options *o)
{
	static const char *const what[] = {
		[MODE_RUN] = "the interactive dashboard",
		[MODE_HISTORY] = "--history",
		[MODE_PLAIN] = "--plain sessions",
		[MODE_DUMP_CONFIG] = "--dump-config",
	};
	fprintf(stderr, "%s: %s is not available yet in this version; try --plan ROUTINE\n",
		progname, what[o->mode] ? what[o->mode] : "this command");
	return EXIT_BAD;
}

int cmd_history(const struct options *o, const struct search_path *sp)
{
	char *log = session_log_path(o);
	if (!log) {
		fprintf(stderr, "%s: --history reads the log; it cannot go with --no-log\n", progname);
		return EXIT_USAGE;
	}
	struct routine **r;
	size_t n = search_path_load_all(sp, &r);
	struct history_options ho = {
		.since = o->since, .routine = o->routine_filter, .practice = o->practice,
		.detail = o->detail, .routines = (const struct routine *const *)r,
		.nroutines = n,
	};
	int rc = history_command(log, &ho, stdout);
	routines_free(r, n);
	free(log);
	return rc;
}

/* --export: the log as CSV or JSON lines on standard output. */
int cmd_export(const struct options *o)
{
	char *log = session_log_path(o);
	if (!log) {
		fprintf(stderr, "%s: --export reads the log; it cannot go with --no-log\n", progname);
		return EXIT_USAGE;
	}
	int rc = export_command(log, o->export_format, o->since, o->routine_filter,
				o->practice, stdout);
	free(log);
	return rc;
}

int cmd_run(const struct options *o, const struct search_path *sp)
{
	return ui_run(o, sp);
}

/* --checkin: on the dashboard when there is a terminal (ui_run() falls
 * back to the line-by-line form when there is none), else line by line. */
int cmd_checkin(const struct options *o, const struct search_path *sp)
{
	if (o->plain)
		return plain_checkin(o);
	return ui_run(o, sp);
}

/* The file the editor left, checked as the picker's `e` does: its errors
 * and warnings with line and column on stderr.  EXIT_BAD when it does not
 * load; the file is kept either way (it is what the user wrote). */
static int check_new(const char *path)
{
	struct diags d;
	diags_init(&d, path);
	struct routine *r = routine_load(path, &d);
	diags_print(&d, stderr);
	if (!r)
		fprintf(stderr, "%s: %s is kept as you saved it; fix it, then check it with "
			"`recoup --check %s`\n", progname, safe_show(path), safe_show(path));
	int rc = r ? EXIT_OK : EXIT_BAD;
	routine_free(r);
	diags_free(&d);
	return rc;
}

/* --new NAME: the starter routine written into the user's routine
 * directory, its path on stdout; then, on a terminal, the editor on it
 * and a check of what was saved. */
int cmd_new(const struct options *o, const struct search_path *sp)
{
	char *to, why[600], said[600];
	/* the sentences are the picker's too, where they start with a
	 * capital: here they go after "recoup: ", lower-case */
	if (routine_new(sp, o->new_name, &to, why, sizeof why) < 0) {
		fprintf(stderr, "%s: %s\n", progname, routine_cli_text(why, said, sizeof said));
		free(to);
		return EXIT_BAD;
	}
	printf("%s\n", safe_show(to));
	fflush(stdout);
	int rc = EXIT_OK;
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		int ran = editor_run(to, 0, false, why, sizeof why);
		if (ran != 0) {
			fprintf(stderr, "%s: %s; the routine is written, %s\n", progname,
				safe_show(routine_cli_text(why, said, sizeof said)), safe_show(to));
			rc = EXIT_BAD;
		} else {
			rc = check_new(to);
		}
	}
	free(to);
	return rc;
}
