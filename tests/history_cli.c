/* history_cli.c: drives history_command() the way `recoup --history` will,
 * with `now` pinned, so tests/history.sh can compare its output exactly.
 * Usage: history_cli [--now EPOCH] [--since DATE] [--routine NAME]
 *                    [--practice] LOG */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"

int main(int argc, char **argv)
{
	const char *since = NULL, *routine = NULL;
	bool practice = false;
	time_t now = time(NULL);
	int i = 1;
	for (; i < argc - 1; i++) {
		if (!strcmp(argv[i], "--practice"))
			practice = true;
		else if (!strcmp(argv[i], "--now") && i + 2 < argc)
			now = (time_t)strtoll(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--since") && i + 2 < argc)
			since = argv[++i];
		else if (!strcmp(argv[i], "--routine") && i + 2 < argc)
			routine = argv[++i];
		else
			break;
	}
	if (i != argc - 1) {
		fputs("usage: history_cli [--now EPOCH] [--since DATE] "
		      "[--routine NAME] [--practice] LOG\n", stderr);
		return 2;
	}
	return history_command_at(argv[i], since, routine, practice, stdout, now);
}
