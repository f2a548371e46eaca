/* due_cmd.c: `recoup --due`.  Every routine on the search path with a
 * schedule (or the one --routine names), the log read once through
 * due_read(), and a line for each routine with sessions left today and
 * for each that missed a day it was due.  Stdout holds only those lines:
 * a shell prompt or a cron job shows them as they are. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "diag.h"
#include "due.h"
#include "due_cmd.h"
#include "loader.h"
#include "logfmt.h"
#include "logmodel.h"
#include "safetext.h"
#include "session.h"
#include "util.h"

struct due_set {
	struct routine **r;
	size_t n, cap;
};

static void due_set_add(struct due_set *s, struct routine *r)
{
	s->r = xgrow(s->r, &s->cap, s->n + 1, sizeof *s->r);
	s->r[s->n++] = r;
}

static void due_set_free(struct due_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		routine_free(s->r[i]);
	free(s->r);
}

/* Keep `r` when it has a schedule: one without is never due nor missed. */
static void keep_scheduled(struct due_set *s, struct routine *r)
{
	if (r->schedule.kind == SCHEDULE_NONE)
		routine_free(r);
	else
		due_set_add(s, r);
}

/* Every routine on the path.  A broken file is left out with one line on
 * stderr, the first error as --list shows it: it is not counted as due,
 * so it cannot make the answer "due", and the line says why it was not
 * asked. */
static void load_all(const struct search_path *sp, struct due_set *s)
{
	struct routine_entry *v;
	size_t n = search_path_list(sp, &v);
	for (size_t i = 0; i < n; i++) {
		struct diags d;
		diags_init(&d, v[i].path);
		struct routine *r = routine_load(v[i].path, &d);
		if (r) {
			keep_scheduled(s, r);
		} else {
			char *first = diags_first_error(&d);
			/* no position (a file it cannot read): "PATH: why" */
			const struct diag *g = diags_first(&d, DIAG_ERROR);
			bool pos = !g || g->line > 0;
			fprintf(stderr, "%s: %s:%s%s (skipped: not counted as due)\n", progname,
				safe_show(v[i].path), pos ? "" : " ", first ? safe_show(first) : "");
			free(first);
		}
		diags_free(&d);
	}
	routine_entries_free(v, n);
}

/* --routine NAME: that routine alone, found as a ROUTINE argument is.
 * -1 when it is there, else the exit status (after the message). */
static int load_one(const struct search_path *sp, const char *name, struct due_set *s)
{
	char *path = routine_resolve(sp, name);
	struct routine *r = load_routine_arg(sp, name, stderr);
	if (!r) {
		free(path);
		/* a name that is no routine is a mistake on the command line;
		 * a routine that is there but broken leaves the answer open */
		return path ? EXIT_DUE_UNKNOWN : EXIT_USAGE;
	}
	free(path);
	if (r->schedule.kind == SCHEDULE_NONE)
		fprintf(stderr, "%s: %s has no schedule: it is never due\n", progname,
			safe_show(r->name));
	keep_scheduled(s, r);
	return -1;
}

/* "yesterday", or "Wed 2026-12-02" (in English whatever the locale, as
 * the rest of recoup's words). */
static void day_text(long day, long today, char *out, size_t size)
{
	static const char *const wday[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	if (day == today - 1) {
		snprintf(out, size, "yesterday");
		return;
	}
	char date[32];
	logfmt_day_text(day, date, sizeof date);
	snprintf(out, size, "%s %s", wday[due_weekday(day)], date);
}

/* "Alfredson heel drops: 1 of 2 left today, streak 4 days" */
static void put_due(const struct due_entry *e)
{
	const struct due_status *st = &e->st;
	printf("%s: ", safe_show(e->r->name));
	if (st->left_today < st->due_today)
		printf("%d of %d left today", st->left_today, st->due_today);
	else if (st->due_today == 2)
		printf("due twice today");
	else
		printf("due today");
	if (st->streak > 0)
		printf(", streak %d day%s", st->streak, st->streak == 1 ? "" : "s");
	putchar('\n');
}

/* "Alfredson heel drops: missed yesterday", "... missed 1 of 2 on Wed
 * 2026-12-02" */
static void put_missed(const struct due_entry *e, long today)
{
	char when[40];
	day_text(e->st.missed_day, today, when, sizeof when);
	int asked = schedule_due_on(&e->r->schedule, e->st.missed_day);
	printf("%s: missed ", safe_show(e->r->name));
	if (e->st.missed < asked)
		printf("%d of %d %s%s\n", e->st.missed, asked,
		       e->st.missed_day == today - 1 ? "" : "on ", when);
	else
		printf("%s\n", when);
}

/* The log's corrupt lines, as one line: --history names each, and a
 * prompt or a cron mail needs no more than the count. */
static void put_corrupt(const char *log, const char *text, size_t len)
{
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	if (lines)
		fprintf(stderr, "%s: %s: %zu corrupt line%s left out "
			"(recoup --history names them)\n", progname, safe_show(log), lines,
			lines == 1 ? "" : "s");
}

/* The log read into the entries; -1 when it is, else the exit status
 * after the message. */
static int read_log(const char *log, struct due_entry *e, size_t n, long today)
{
	char *msgs = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&msgs, &len);
	int rc = due_read(log, e, n, today, mem ? mem : stderr);
	int saved = errno;
	if (mem) {
		fclose(mem);
		if (rc >= 0)
			put_corrupt(log, msgs, len);
		free(msgs);
	}
	if (rc >= 0)
		return -1;
	struct stat sb;
	const char *why = strerror(saved);
	if (saved == EINVAL && stat(log, &sb) == 0 && !S_ISREG(sb.st_mode))
		why = S_ISDIR(sb.st_mode) ? "it is a directory" : "it is not a regular file";
	fprintf(stderr, "%s: cannot read the log %s: %s; what is due is not known\n",
		progname, safe_show(log), why);
	return EXIT_DUE_UNKNOWN;
}

int cmd_due(const struct options *o, const struct search_path *sp)
{
	char *log = session_log_path(o);
	if (!log) {
		fprintf(stderr, "%s: --due reads the log; it cannot go with --no-log\n", progname);
		return EXIT_USAGE;
	}
	struct due_set s = { 0 };
	int rc = -1;
	if (o->routine_filter)
		rc = load_one(sp, o->routine_filter, &s);
	else
		load_all(sp, &s);
	struct due_entry *e = xcalloc(s.n + 1, sizeof *e);
	for (size_t i = 0; i < s.n; i++)
		e[i].r = s.r[i];
	long today = lm_local_day(time(NULL));
	if (rc < 0 && s.n)
		rc = read_log(log, e, s.n, today);
	if (rc < 0) {
		/* what is left to do first, then what was let slip: a prompt
		 * that shows one line shows the one to act on */
		bool due = false;
		for (size_t i = 0; i < s.n; i++) {
			if (e[i].st.left_today > 0) {
				put_due(&e[i]);
				due = true;
			}
		}
		for (size_t i = 0; i < s.n; i++)
			if (e[i].st.missed > 0 && e[i].st.missed_day >= 0)
				put_missed(&e[i], today);
		rc = due ? EXIT_OK : EXIT_BAD;
	}
	if (s.n)
		due_entries_free(e, s.n);
	free(e);
	due_set_free(&s);
	free(log);
	return rc;
}
