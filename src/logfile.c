/* logfile.c: opening the session log without ever blocking, and reading it
 * back a line at a time. */
#include "config.h"

#include "logfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define READ_CHUNK 65536

const char *logfile_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a fifo";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a file";
}

/* Whether a file of this type may be used; else *kind says what it is and
 * errno is EINVAL. */
static bool type_ok(mode_t mode, bool device_ok, const char **kind)
{
	if (S_ISREG(mode) || (device_ok && S_ISCHR(mode)))
		return true;
	if (kind)
		*kind = logfile_kind(mode);
	errno = EINVAL;
	return false;
}

/* Open and check what was opened.  The stat() before is only so that a
 * FIFO or a device that will be refused is never opened at all (opening
 * the read end of a FIFO wakes its writer); the fstat() after is the
 * check that counts, as the path may change in between. */
static int open_checked(const char *path, int flags, mode_t perm, bool device_ok,
			struct stat *sb, const char **kind)
{
	if (kind)
		*kind = NULL;
	struct stat pre;
	if (stat(path, &pre) == 0 && !type_ok(pre.st_mode, device_ok, kind))
		return -1;
	int fd;
	do
		fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, perm);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return -1;
	if (fstat(fd, sb) < 0 || !type_ok(sb->st_mode, device_ok, kind)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	/* O_NONBLOCK was for the open; a regular file never blocks anyway,
	 * and a device keeps it (see logfile.h) */
	if (S_ISREG(sb->st_mode)) {
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	return fd;
}

int logfile_open_read(const char *path, const char **kind)
{
	struct stat sb;
	return open_checked(path, O_RDONLY, 0, false, &sb, kind);
}

int logfile_open_append(const char *path, bool device_ok, struct stat *sb,
			const char **kind)
{
	int fd = open_checked(path, O_RDWR | O_APPEND | O_CREAT, 0600, device_ok, sb, kind);
	if (fd < 0 && errno == EACCES)
		fd = open_checked(path, O_WRONLY | O_APPEND | O_CREAT, 0600, device_ok, sb, kind);
	return fd;
}

/* ---- lines: a fixed buffer, never the whole file ---- */

int logfile_lines_open(struct logfile_lines *L, const char *path, const char **kind)
{
	memset(L, 0, sizeof *L);
	L->fd = logfile_open_read(path, kind);
	if (L->fd < 0)
		return -1;
	L->cap = LOGFILE_LINE_MAX + 1 + READ_CHUNK;
	L->buf = xmalloc(L->cap);
	return 0;
}

void logfile_lines_close(struct logfile_lines *L)
{
	if (L->fd >= 0)
		close(L->fd);
	free(L->buf);
	memset(L, 0, sizeof *L);
	L->fd = -1;
}

/* Move what is left to the front and read more; -1 on a read error. */
static int lines_fill(struct logfile_lines *L)
{
	if (L->beg) {
		memmove(L->buf, L->buf + L->beg, L->end - L->beg);
		L->end -= L->beg;
		L->beg = 0;
	}
	ssize_t n;
	do
		n = read(L->fd, L->buf + L->end, L->cap - L->end);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0)
		L->eof = true;
	L->end += (size_t)n;
	return 0;
}

/* Drop the rest of an over-long line, up to and with its newline. */
static enum logfile_line lines_discard(struct logfile_lines *L)
{
	for (;;) {
		char *nl = memchr(L->buf + L->beg, '\n', L->end - L->beg);
		if (nl) {
			L->beg = (size_t)(nl - L->buf) + 1;
			return LOGFILE_LONG;
		}
		L->beg = L->end = 0;
		if (L->eof)
			return LOGFILE_LONG;
		if (lines_fill(L) < 0)
			return LOGFILE_ERROR;
	}
}

/* The line is NUL-terminated: logrec_parse() takes a length, but callers
 * may print what they got.  A fragment fits with its NUL too, as it is
 * shorter than LOGFILE_LINE_MAX and so ends before the buffer does. */
enum logfile_line logfile_next(struct logfile_lines *L, char **line, size_t *len)
{
	size_t searched = 0;
	for (;;) {
		char *p = L->buf + L->beg;
		size_t avail = L->end - L->beg;
		char *nl = memchr(p + searched, '\n', avail - searched);
		if (nl) {
			*nl = '\0';
			*line = p;
			*len = (size_t)(nl - p);
			L->beg += *len + 1;
			return *len > LOGFILE_LINE_MAX ? LOGFILE_LONG : LOGFILE_OK;
		}
		searched = avail;
		if (avail > LOGFILE_LINE_MAX)
			return lines_discard(L);
		if (L->eof) {
			if (!avail)
				return LOGFILE_EOF;
			p[avail] = '\0';
			*line = p;
			*len = avail;
			L->beg = L->end;
			return LOGFILE_FRAGMENT;
		}
		if (lines_fill(L) < 0)
			return LOGFILE_ERROR;
	}
}
