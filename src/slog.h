/* slog.h: the session log writer.  One write() per line on an O_APPEND
 * descriptor, as each event happens, so `tail -f` is live and concurrent
 * sessions never tear each other's lines.  A line that cannot be written is
 * kept and retried before the next one (and when slog_retry() is called);
 * whatever is still unwritten at the
 * end goes to stderr, so nothing is lost.  A log renamed or removed under a
 * running session is reopened at its path.  No curses. */
#ifndef RECOUP_SLOG_H
#define RECOUP_SLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

struct slog {
	char *path;         /* NULL: logging is off */
	int fd;
	dev_t dev;
	ino_t ino;
	char **pending;     /* lines not yet written, oldest first */
	size_t npending, cap;
	bool torn;          /* the last write was partial: start the next on a new line */
	int last_errno;     /* 0 while writing works */
};

/* Open (creating the file 0600 and its directories 0700) and sync.  With
 * path NULL the log is off and every write is dropped.  0, or -1 with errno
 * set and nothing opened. */
int slog_open(struct slog *l, const char *path);
/* Append one line (with its '\n'). */
void slog_write(struct slog *l, const char *line, size_t len);
/* Try the waiting lines again now (a front end calls this while time
 * passes, so a disk that has room again is not left until the next event). */
void slog_retry(struct slog *l);
/* True while lines are waiting to be written. */
bool slog_failing(const struct slog *l);
/* Retry, sync, close; print lines still unwritten to `leftover` (stderr)
 * with a header naming the log.  Returns the number of lines printed. */
size_t slog_close(struct slog *l, FILE *leftover);

/* The default path: $XDG_STATE_HOME/recoup/sessions.log.  Freshly allocated. */
char *slog_default_path(void);

#endif
