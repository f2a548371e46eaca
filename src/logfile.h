/* logfile.h: the one place that opens the session log, for reading and for
 * writing, and the line reader every reader of the log goes through.
 *
 * A log path can name anything: a FIFO, /dev/zero, a terminal, a process
 * substitution.  Opening never blocks (O_NONBLOCK, then fstat()): a reader
 * takes only a regular file, so it always reaches an end; a writer takes a
 * regular file, or a character device when the caller allows it (the user
 * named it with --log), never a FIFO, socket or directory.
 *
 * Lines are read through a fixed buffer, never the whole file.  A last
 * piece without its newline is not a line: it may be torn by a full disk
 * or still being written, so it is handed back as a fragment, apart.
 * No curses here. */
#ifndef RECOUP_LOGFILE_H
#define RECOUP_LOGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Longest line accepted, in bytes without the newline. */
#define LOGFILE_LINE_MAX 65536

/* What a file that is not a regular one is, for messages: "a fifo", "a
 * directory", "a character device", ... */
const char *logfile_kind(mode_t mode);

/* Open `path` for reading.  Returns a blocking descriptor on a regular
 * file, or -1 with errno set; when the file exists but is of another type,
 * errno is EINVAL and *kind (which may be NULL) says what it is.  *kind is
 * NULL otherwise. */
int logfile_open_read(const char *path, const char **kind);

/* Open `path` for appending, creating it 0600.  Read and write when the
 * file allows it (the writer looks at the file's end), else write only.
 * A regular file gets a blocking descriptor; a character device, taken
 * only with `device_ok`, keeps O_NONBLOCK so that a terminal that is not
 * read never stops a session.  Returns the descriptor with *sb filled, or
 * -1 with errno set (EINVAL and *kind set when refused for its type). */
int logfile_open_append(const char *path, bool device_ok, struct stat *sb,
			const char **kind);

enum logfile_line {
	LOGFILE_OK,         /* a whole line */
	LOGFILE_LONG,       /* a line longer than LOGFILE_LINE_MAX, skipped */
	LOGFILE_FRAGMENT,   /* the last piece, without its newline */
	LOGFILE_EOF,
	LOGFILE_ERROR       /* a read error, errno set */
};

struct logfile_lines {
	int fd;
	char *buf;
	size_t cap, beg, end; /* unread bytes are buf[beg..end) */
	bool eof;
};

/* Open `path` as logfile_open_read() does, for logfile_next().  0, or -1
 * with errno (and *kind) set, nothing to close. */
int logfile_lines_open(struct logfile_lines *L, const char *path, const char **kind);
/* The next line or fragment, NUL-terminated in place of its newline, valid
 * until the next call. */
enum logfile_line logfile_next(struct logfile_lines *L, char **line, size_t *len);
void logfile_lines_close(struct logfile_lines *L);

#endif
