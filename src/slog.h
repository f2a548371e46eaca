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
	bool device_ok;     /* a character device may be the log */
	bool regular;       /* the log is a regular file */
	bool mend;          /* see that the file ends in a newline before writing */
	char *torn;         /* the bytes a partial write left at the end */
	size_t ntorn;
	const char *kind;   /* after a refusal for its type: what the path is */
	int last_errno;     /* 0 while writing works */
};

/* slog_open() flags: the user named the log on the command line, so a
 * character device (/dev/null, /dev/full, a terminal) will do. */
#define SLOG_DEVICE_OK 1u

/* Open (creating the file 0600 and its directories 0700) and sync,
 * through logfile_open_append(): a regular file, or a character device
 * with SLOG_DEVICE_OK, never anything that could block.  With path NULL
 * the log is off and every write is dropped.  0, or -1 with errno set and
 * nothing opened; errno EINVAL and l->kind set ("a fifo") when the path is
 * refused for its type.
 *
 * The file's end: a last line without its newline (torn, or from an editor
 * that dropped it) gets one before the next line is written, and the torn
 * start of a line this writer could not finish is cut off again when it
 * is still the file's last bytes. */
int slog_open(struct slog *l, const char *path, unsigned flags);
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

/* A new session id: six hex digits from `seed` (a clock's ms), the pid
 * and /dev/urandom, so that sessions started together (and a check-in,
 * which is a session of its own) get ids of their own. */
void slog_make_sid(char *out, size_t outsz, long long seed);

/* The default path: $XDG_STATE_HOME/recoup/sessions.log.  Freshly allocated. */
char *slog_default_path(void);

#endif
