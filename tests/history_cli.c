/* history_cli.c: drives history_command() the way `recoup --history` will,
 * with `now` pinned, so tests/history.sh can compare its output exactly.
 * Usage: history_cli [--now EPOCH] [--since DATE] [--routine NAME]
 *                    [--practice] [--detail] [--schedule ID=WHEN]... LOG
 * --schedule gives the routine of file ID.yaml a schedule, as the search
 * path's routines would: "daily", "twice" (daily) or weekdays as digits,
 * 0 Monday ("024": mon, wed, fri).  The locale is the environment's. */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "util.h"

#define MAX_SCHEDULES 8

/* "ID=daily|twice|DIGITS" into a routine of file ID.yaml. */
static bool parse_schedule(const char *arg, struct routine *r)
{
	const char *eq = strchr(arg, '=');
	if (!eq)
		return false;
	r->file = xasprintf("%.*s.yaml", (int)(eq - arg), arg);
	r->name = xstrndup(arg, (size_t)(eq - arg));
	const char *when = eq + 1;
	if (!strcmp(when, "daily") || !strcmp(when, "twice")) {
		r->schedule.kind = SCHEDULE_DAILY;
		r->schedule.per_day = *when == 't' ? 2 : 1;
		return true;
	}
	r->schedule.kind = SCHEDULE_WEEKDAYS;
	r->schedule.per_day = 1;
	for (; *when; when++) {
		if (*when < '0' || *when > '6')
			return false;
		r->schedule.weekdays |= 1u << (*when - '0');
	}
	return r->schedule.weekdays != 0;
}

int main(int argc, char **argv)
{
	struct history_options o = {0};
	static struct routine routines[MAX_SCHEDULES];
	static const struct routine *rp[MAX_SCHEDULES];
	time_t now = time(NULL);
	int i = 1;
	setlocale(LC_ALL, "");
	for (; i < argc - 1; i++) {
		if (!strcmp(argv[i], "--practice"))
			o.practice = true;
		else if (!strcmp(argv[i], "--detail"))
			o.detail = true;
		else if (!strcmp(argv[i], "--now") && i + 2 < argc)
			now = (time_t)strtoll(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--since") && i + 2 < argc)
			o.since = argv[++i];
		else if (!strcmp(argv[i], "--routine") && i + 2 < argc)
			o.routine = argv[++i];
		else if (!strcmp(argv[i], "--schedule") && i + 2 < argc &&
			 o.nroutines < MAX_SCHEDULES &&
			 parse_schedule(argv[i + 1], &routines[o.nroutines]))
			rp[o.nroutines] = &routines[o.nroutines], o.nroutines++, i++;
		else
			break;
	}
	if (i != argc - 1) {
		fputs("usage: history_cli [--now EPOCH] [--since DATE] [--routine NAME] "
		      "[--practice] [--detail] [--schedule ID=WHEN]... LOG\n", stderr);
		return 2;
	}
	o.routines = rp;
	int rc = history_command_at(argv[i], &o, stdout, now);
	for (size_t k = 0; k < o.nroutines; k++) {
		free(routines[k].file);
		free(routines[k].name);
	}
	return rc;
}
