/* slog.c: appending session log lines without losing any. */
#include "config.h"

#include "slog.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logfile.h"
#include "logfmt.h"
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

void slog_make_sid(char *out, size_t outsz, long long seed)
{
	unsigned long long x = (unsigned long long)seed ^ ((unsigned long long)getpid() << 32);
	FILE *f = fopen("/dev/urandom", "rb");
	if (f) {
		unsigned long long r;
		if (fread(&r, sizeof r, 1, f) == 1)
			x ^= r;
		fclose(f);
	}
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	snprintf(out, outsz, "%06llx", x & 0xffffff);
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
	struct stat sb;
	int fd = logfile_open_append(l->path, l->device_ok, &sb, &l->kind);
	if (fd < 0)
		return -1;
	l->fd = fd;
	l->dev = sb.st_dev;
	l->ino = sb.st_ino;
	l->regular = S_ISREG(sb.st_mode);
	/* the torn bytes of a file left behind are not in this one */
	free(l->torn);
	l->torn = NULL;
	l->ntorn = 0;
	/* A file that does not end with a newline: its last line is torn, or
	 * whole from an editor that dropped the newline.  Either way the next
	 * line must not be glued to it (mend_end()). */
	l->mend = l->regular && sb.st_size > 0;
	return 0;
}

int slog_open(struct slog *l, const char *path, unsigned flags)
{
	memset(l, 0, sizeof *l);
	l->fd = -1;
	if (!path)
		return 0;
	l->path = xstrdup(path);
	l->device_ok = flags & SLOG_DEVICE_OK;
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

/* Whether the file's last `l->ntorn` bytes, from just after a newline (or
 * the start), are the ones our partial write left: nobody wrote since. */
static bool own_tail(const struct slog *l, off_t size)
{
	off_t from = size - (off_t)l->ntorn;
	if (!l->ntorn || from < 0)
		return false;
	char *got = xmalloc(l->ntorn + 1);
	size_t want = l->ntorn + (from > 0);
	bool same = pread(l->fd, got, want, from - (from > 0)) == (ssize_t)want &&
		    (from == 0 || got[0] == '\n') &&
		    !memcmp(got + (from > 0), l->torn, l->ntorn);
	free(got);
	return same;
}

/* The file's last piece, after its last newline, read whole as a log
 * line (logrec_whole()): a line that only lost its newline (an editor
 * dropped it), not one torn after a whole field. */
static bool tail_whole(const struct slog *l, off_t size)
{
	/* a line longer than readers take is not one anyway */
	const off_t max = LOGFILE_LINE_MAX + 1;
	off_t from = size > max ? size - max : 0;
	size_t n = (size_t)(size - from);
	char *buf = xmalloc(n + 1);
	bool whole = false;
	if (pread(l->fd, buf, n, from) == (ssize_t)n) {
		char *nl = memrchr(buf, '\n', n);
		size_t beg = nl ? (size_t)(nl - buf) + 1 : 0;
		if (nl || from == 0) {
			struct logrec r;
			logrec_init(&r);
			whole = !memchr(buf + beg, '\0', n - beg) &&
				!logrec_parse(&r, buf + beg, n - beg) && logrec_whole(&r);
			logrec_free(&r);
		}
	}
	free(buf);
	return whole;
}

/* Our torn bytes off the end, when they are still the file's last (a cut
 * needs no free space).  Done at once after a partial write, so that a
 * recoup killed before its next write leaves no fragment behind, and again
 * before the next line and at close.  True when cut. */
static bool cut_torn(struct slog *l)
{
	struct stat sb;
	if (!l->ntorn || !l->regular || fstat(l->fd, &sb) < 0 || !own_tail(l, sb.st_size) ||
	    ftruncate(l->fd, sb.st_size - (off_t)l->ntorn) < 0)
		return false;
	free(l->torn);
	l->torn = NULL;
	l->ntorn = 0;
	l->mend = true; /* another may append a piece before our next line */
	return true;
}

/* Before the next line: leave the file ending in a newline, so a whole
 * line is never damaged and a fragment is never glued to a line.  Our own
 * torn bytes are cut off again when they are still the file's last (a
 * process appending between the check and the cut could lose a line, but
 * it would have been glued to our fragment anyway); failing that they are
 * ended with " \n", which no reader parses (the fragment may have been cut
 * just after a whole field, "reps=1" of "reps=12").  A piece left by
 * anyone else is ended with "\n" when it reads as a whole line (an editor
 * dropped its newline), else with " \n" too.  True when done. */
static bool mend_end(struct slog *l)
{
	cut_torn(l);
	const char *sep = l->ntorn ? " \n" : NULL; /* when the end cannot be seen */
	struct stat sb;
	char c;
	if (l->regular && fstat(l->fd, &sb) == 0 &&
	    (sb.st_size == 0 || pread(l->fd, &c, 1, sb.st_size - 1) == 1)) {
		if (sb.st_size == 0 || c == '\n')
			sep = NULL;
		else if (!l->ntorn)
			sep = tail_whole(l, sb.st_size) ? "\n" : " \n";
	}
	if (sep && write(l->fd, sep, strlen(sep)) != (ssize_t)strlen(sep)) {
		l->last_errno = errno;
		return false;
	}
	l->mend = false;
	free(l->torn);
	l->torn = NULL;
	l->ntorn = 0;
	return true;
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
	if ((l->mend || l->ntorn) && !mend_end(l))
		return false;
	for (;;) {
		ssize_t n = write(l->fd, line, len);
		if (n == (ssize_t)len)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		if (n >= 0) {
			/* a full disk (or a file size limit) took part of it */
			if (n > 0) {
				l->torn = xstrndup(line, (size_t)n);
				l->ntorn = (size_t)n;
				cut_torn(l);
			}
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
		/* the line goes to `leftover` whole: its torn start need not
		 * stay in the file */
		cut_torn(l);
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
	free(l->torn);
	if (l->fd >= 0)
		close(l->fd);
	free(l->path);
	memset(l, 0, sizeof *l);
	l->fd = -1;
	return printed;
}
