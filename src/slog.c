/* slog.c: appending session log lines without losing any. */
#include "config.h"

#include "slog.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "safetext.h"
#include "util.h"

char *slog_default_path(void)
{
	char *state = xdg_state_home();
	char *p = xasprintf("%s/recoup/sessions.log", state);
	free(state);
	return p;
}

/* A file that does not end with a newline ends with a line torn by a full
 * disk (this session's or an earlier one's): the next line must not be
 * glued to it. */
static bool ends_torn(const char *path, off_t size)
{
	if (size <= 0)
		return false;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return false;
	char c = '\n';
	ssize_t n = pread(fd, &c, 1, size - 1);
	close(fd);
	return n == 1 && c != '\n';
}

static int open_at_path(struct slog *l)
{
	char *dir = xstrdup(l->path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		if (mkdir_parents(dir) < 0) {
			int e = errno;
			free(dir);
			errno = e;
			return -1;
		}
	}
	free(dir);
	int fd = open(l->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd < 0)
		return -1;
	struct stat sb;
	if (fstat(fd, &sb) < 0 || S_ISDIR(sb.st_mode)) {
		close(fd);
		errno = EISDIR;
		return -1;
	}
	l->fd = fd;
	l->dev = sb.st_dev;
	l->ino = sb.st_ino;
	if (S_ISREG(sb.st_mode))
		l->torn = ends_torn(l->path, sb.st_size);
	return 0;
}

int slog_open(struct slog *l, const char *path)
{
	memset(l, 0, sizeof *l);
	l->fd = -1;
	if (!path)
		return 0;
	l->path = xstrdup(path);
	if (open_at_path(l) < 0) {
		int e = errno;
		free(l->path);
		l->path = NULL;
		errno = e;
		return -1;
	}
	fsync(l->fd);
	return 0;
}

/* Renamed or removed (logrotate): the next line goes to a new file at the
 * path.  Truncated in place (copytruncate) needs nothing: O_APPEND writes at
 * the new end. */
static void follow_path(struct slog *l)
{
	struct stat sb;
	if (l->fd >= 0 && stat(l->path, &sb) == 0 && sb.st_dev == l->dev && sb.st_ino == l->ino)
		return;
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
	if (open_at_path(l) < 0)
		l->last_errno = errno;
}

/* One write() of the whole line.  True when it all went out. */
static bool write_line(struct slog *l, const char *line, size_t len)
{
	if (l->fd < 0)
		return false;
	if (l->torn) {
		/* end the fragment a partial write left, so readers skip it
		 * alone: with a space before the newline it never parses, even
		 * when it was cut after a whole field ("... elapsed=2") */
		if (write(l->fd, " \n", 2) != 2) {
			l->last_errno = errno;
			return false;
		}
		l->torn = false;
	}
	for (;;) {
		ssize_t n = write(l->fd, line, len);
		if (n == (ssize_t)len)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		if (n >= 0) {
			l->torn = n > 0;
			l->last_errno = ENOSPC;
		} else {
			l->last_errno = errno;
		}
		return false;
	}
}

static void flush_pending(struct slog *l)
{
	size_t done = 0;
	while (done < l->npending &&
	       write_line(l, l->pending[done], strlen(l->pending[done]))) {
		free(l->pending[done]);
		done++;
	}
	memmove(l->pending, l->pending + done, (l->npending - done) * sizeof *l->pending);
	l->npending -= done;
	if (!l->npending)
		l->last_errno = 0;
}

void slog_write(struct slog *l, const char *line, size_t len)
{
	if (!l->path)
		return;
	follow_path(l);
	if (l->npending)
		flush_pending(l);
	if (!l->npending && write_line(l, line, len)) {
		l->last_errno = 0;
		return;
	}
	l->pending = xgrow(l->pending, &l->cap, l->npending + 1, sizeof *l->pending);
	l->pending[l->npending++] = xstrndup(line, len);
}

void slog_retry(struct slog *l)
{
	if (!l->path || !l->npending)
		return;
	follow_path(l);
	flush_pending(l);
}

bool slog_failing(const struct slog *l)
{
	return l->npending > 0;
}

size_t slog_close(struct slog *l, FILE *leftover)
{
	size_t printed = 0;
	if (l->path) {
		if (l->npending) {
			follow_path(l);
			flush_pending(l);
		}
		if (l->fd >= 0 && fsync(l->fd) < 0 && errno != EINVAL && errno != EROFS) {
			/* nothing more to do: the lines went out with write() */
		}
		if (l->npending && leftover) {
			fprintf(leftover, "recoup: could not write %zu line%s to %s (%s); here they are:\n",
				l->npending, l->npending == 1 ? "" : "s", safe_show(l->path),
				strerror(l->last_errno ? l->last_errno : EIO));
			for (size_t i = 0; i < l->npending; i++)
				fputs(l->pending[i], leftover);
			fflush(leftover);
			printed = l->npending;
		}
	}
	for (size_t i = 0; i < l->npending; i++)
		free(l->pending[i]);
	free(l->pending);
	if (l->fd >= 0)
		close(l->fd);
	free(l->path);
	memset(l, 0, sizeof *l);
	l->fd = -1;
	return printed;
}
