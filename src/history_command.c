/* history_command.c: `recoup --history` as the command line asks it: the
 * log read with its filter, then the summary (history_summary.c) or the
 * full listing (history_report.c), or why there is nothing to show. */
#include "config.h"

#include "history.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "safetext.h"
#include "util.h"

/* Nothing to report: say why, in one or two lines. */
static void print_nothing(FILE *out, const struct history *h, const char *path,
			  const char *since, const char *routine)
{
	char *why = history_nothing_text(h, path, since || routine);
	fputs(safe_show(why), out);
	free(why);
	if (!h->logged) {
		fputc('\n', out);
		return;
	}
	if (since)
		fprintf(out, " --since %s", safe_show(since));
	if (routine)
		fprintf(out, " --routine \"%s\"", safe_show(routine));
	fputc('\n', out);
	char *note = history_practice_text(h, "--practice");
	if (note)
		fprintf(out, "%s\n", note);
	free(note);
}

int history_command_at(const char *log_path, const struct history_options *o,
		       FILE *out, time_t now)
{
	struct history_filter f = {.routine = o->routine, .practice = o->practice,
				   .routines = o->routines, .nroutines = o->nroutines};
	if (o->since && !history_parse_since(o->since, &f.since)) {
		fprintf(stderr, "%s: --since wants a date as YYYY-MM-DD, not \"%s\"\n",
			progname, safe_show(o->since));
		return 2;
	}
	struct history h;
	int status = 0;
	if (history_read(&h, log_path, &f, now, stderr) < 0) {
		if (errno == ENOENT) {
			fprintf(out, "no sessions logged yet in %s\n", safe_show(log_path));
		} else if (h.not_regular) {
			fprintf(stderr, "%s: %s: not a regular file (%s); no history read\n",
				progname, safe_show(log_path), h.not_regular);
			status = 1;
		} else {
			fprintf(stderr, "%s: %s: %s\n", progname, safe_show(log_path),
				strerror(errno));
			status = 1;
		}
	} else if (!h.sessions) {
		print_nothing(out, &h, log_path, o->since, o->routine);
		if (o->detail)
			history_print_checkins(out, &h);
		else
			history_print_summary_checkins(out, &h, safe_locale_utf8());
	} else if (o->detail) {
		history_print(out, &h);
	} else {
		history_print_summary(out, &h, safe_locale_utf8());
	}
	history_free(&h);
	return status;
}

int history_command(const char *log_path, const struct history_options *o, FILE *out)
{
	return history_command_at(log_path, o, out, time(NULL));
}
