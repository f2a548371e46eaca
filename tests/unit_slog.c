/* unit_slog.c: the session log writer.  Lines go to a scratch directory and
 * are read back; the file is renamed, removed, truncated and replaced under
 * the writer as logrotate, a user or a full disk would. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slog.h"
#include "util.h"

#include "tap.h"

static char dir[4096];

static char *path_in(const char *rel)
{
	return xasprintf("%s/%s", dir, rel);
}

/* The whole file, or NULL when it cannot be read.  *len gets its size. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	if (!b.s)
		return xstrdup("");
	return buf_take(&b);
}

static void is_file(const char *path, const char *want, const char *what)
{
	size_t len = 0;
	char *got = slurp(path, &len);
	ok(got && len == strlen(want) && !strcmp(got, want), "%s", what);
	if (!got || strcmp(got, want))
		printf("#   got  \"%s\"\n#   want \"%s\"\n", got ? got : "(no file)", want);
	else if (len != strlen(want))
		printf("#   file has %zu bytes (NUL bytes?), want %zu\n", len, strlen(want));
	free(got);
}

static void put(struct slog *l, const char *line)
{
	slog_write(l, line, strlen(line));
}

static int mode_of(const char *path)
{
	struct stat sb;
	return stat(path, &sb) < 0 ? -1 : (int)(sb.st_mode & 07777);
}

static void test_open_write(void)
{
	char *sub = path_in("state"), *sub2 = path_in("state/recoup");
	char *p = path_in("state/recoup/sessions.log");
	struct slog l;
	ok(slog_open(&l, p, 0) == 0, "open creates missing directories and the file");
	is_int(mode_of(sub), 0700, "new directory mode 0700");
	is_int(mode_of(sub2), 0700, "nested new directory mode 0700");
	is_int(mode_of(p), 0600, "new log file mode 0600");
	put(&l, "one\n");
	is_file(p, "one\n", "a line is in the file as soon as it is written");
	put(&l, "two \"quoted\"\n");
	is_file(p, "one\ntwo \"quoted\"\n", "lines appended in order");
	ok(!slog_failing(&l), "not failing");
	is_int((long long)slog_close(&l, stderr), 0, "close: nothing left over");
	struct slog l2;
	ok(slog_open(&l2, p, 0) == 0, "open again");
	put(&l2, "three\n");
	slog_close(&l2, stderr);
	is_file(p, "one\ntwo \"quoted\"\nthree\n", "reopening appends, never truncates");
	chmod(p, 0644);
	ok(slog_open(&l2, p, 0) == 0, "open an existing file");
	slog_close(&l2, stderr);
	is_int(mode_of(p), 0644, "an existing file keeps its mode");
	free(sub);
	free(sub2);
	free(p);
}

static void test_rotation(void)
{
	char *p = path_in("rot.log"), *p1 = path_in("rot.log.1");
	struct slog l;
	ok(slog_open(&l, p, 0) == 0, "open rot.log");
	put(&l, "a\n");
	put(&l, "b\n");
	ok(rename(p, p1) == 0, "logrotate renames the log away");
	put(&l, "c\n");
	is_file(p1, "a\nb\n", "the renamed file keeps the earlier lines only");
	is_file(p, "c\n", "the next line goes to a new file at the path");
	is_int(mode_of(p), 0600, "the new file is 0600");
	put(&l, "d\n");
	is_file(p, "c\nd\n", "and the lines after it too");

	ok(unlink(p) == 0, "the log is removed");
	put(&l, "e\n");
	is_file(p, "e\n", "removed: the next line creates a new file at the path");

	put(&l, "f\n");
	ok(truncate(p, 0) == 0, "copytruncate truncates the log in place");
	put(&l, "g\n");
	size_t len = 0;
	char *got = slurp(p, &len);
	ok(got && len == 2 && memchr(got, '\0', len) == NULL,
	   "truncated: the next line lands at offset 0, no NUL bytes (%zu bytes)", len);
	free(got);
	is_file(p, "g\n", "truncated: only the new line");
	ok(!slog_failing(&l), "nothing pending after all that");
	is_int((long long)slog_close(&l, stderr), 0, "nothing left over");
	free(p);
	free(p1);
}

static void test_dir_removed(void)
{
	char *d = path_in("gone"), *p = path_in("gone/log");
	struct slog l;
	ok(slog_open(&l, p, 0) == 0, "open gone/log");
	put(&l, "1\n");
	ok(unlink(p) == 0 && rmdir(d) == 0, "the log and its directory are removed");
	put(&l, "2\n");
	is_file(p, "2\n", "the directory and the file are made again");
	is_int(mode_of(d), 0700, "directory 0700");
	slog_close(&l, stderr);
	free(d);
	free(p);
}

/* A directory appears where the log was: lines wait, then go out in order
 * once the path can be written again. */
static void test_retry(void)
{
	char *p = path_in("retry.log");
	struct slog l;
	ok(slog_open(&l, p, 0) == 0, "open retry.log");
	put(&l, "1\n");
	ok(unlink(p) == 0 && mkdir(p, 0700) == 0, "a directory replaces the log");
	put(&l, "2\n");
	ok(slog_failing(&l), "failing while the path is a directory");
	ok(l.last_errno != 0, "with the reason kept (%s)", strerror(l.last_errno));
	put(&l, "3\n");
	is_int((long long)l.npending, 2, "both lines pending");
	ok(rmdir(p) == 0, "the directory goes away");
	put(&l, "4\n");
	ok(!slog_failing(&l), "writing again");
	is_file(p, "2\n3\n4\n", "pending lines retried first, in order, then the new one");
	is_int((long long)slog_close(&l, stderr), 0, "nothing left over");

	ok(slog_open(&l, p, 0) == 0, "open again");
	ok(unlink(p) == 0 && mkdir(p, 0700) == 0, "a directory replaces the log again");
	put(&l, "5\n");
	ok(rmdir(p) == 0, "and goes away before the end");
	is_int((long long)slog_close(&l, stderr), 0, "close retries: nothing left over");
	is_file(p, "5\n", "the pending line was written at close");

	/* time passing retries too: no need to wait for the next event */
	ok(slog_open(&l, p, 0) == 0, "open a third time");
	ok(unlink(p) == 0 && mkdir(p, 0700) == 0, "a directory replaces the log a third time");
	put(&l, "6\n");
	slog_retry(&l);
	ok(slog_failing(&l), "slog_retry() while it still fails: still pending");
	ok(rmdir(p) == 0, "the directory goes away");
	slog_retry(&l);
	ok(!slog_failing(&l), "slog_retry() writes it");
	is_file(p, "6\n", "the line is in the log before any other event");
	is_int((long long)slog_close(&l, stderr), 0, "nothing left over");
	free(p);
}

static void test_full(void)
{
	if (access("/dev/full", W_OK) != 0) {
		ok(1, "# SKIP no writable /dev/full");
		return;
	}
	struct slog l;
	ok(slog_open(&l, "/dev/full", SLOG_DEVICE_OK) == 0, "opening /dev/full works");
	ok(!slog_failing(&l), "not failing before a write");
	put(&l, "start x\n");
	ok(slog_failing(&l), "a write to /dev/full fails: slog_failing()");
	is_int(l.last_errno, ENOSPC, "errno ENOSPC kept");
	put(&l, "step \"y\"\n");
	put(&l, "end z\n");
	is_int((long long)l.npending, 3, "three lines kept");
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	is_int((long long)slog_close(&l, mem), 3, "close returns the count of unwritten lines");
	fclose(mem);
	is_str(text,
	       "recoup: could not write 3 lines to /dev/full (No space left on device); here they are:\n"
	       "start x\nstep \"y\"\nend z\n",
	       "the unwritten lines, whole and in order, under a header naming the log");
	free(text);

	ok(slog_open(&l, "/dev/full", SLOG_DEVICE_OK) == 0, "again with no leftover stream");
	put(&l, "x\n");
	is_int((long long)slog_close(&l, NULL), 0, "close(NULL) prints nothing");
}

static void test_cannot_open(void)
{
	struct slog l;
	errno = 0;
	is_int(slog_open(&l, dir, 0), -1, "a directory as the log: open fails");
	is_int(errno, EINVAL, "errno EINVAL");
	is_str(l.kind, "a directory", "refused for its type: a directory");
	ok(l.path == NULL && l.fd < 0, "nothing is left open");
	ok(!slog_failing(&l), "and nothing pending");

	char *f = path_in("plainfile"), *under = path_in("plainfile/sub/log");
	FILE *fp = fopen(f, "w");
	if (fp)
		fclose(fp);
	errno = 0;
	is_int(slog_open(&l, under, 0), -1, "a log under a regular file: open fails");
	is_int(errno, ENOTDIR, "errno ENOTDIR");
	free(f);
	free(under);

	ok(slog_open(&l, NULL, 0) == 0, "NULL path: logging off");
	put(&l, "dropped\n");
	ok(!slog_failing(&l), "writes are dropped, not pending");
	is_int((long long)slog_close(&l, stderr), 0, "nothing left over");
}

static void test_default_path(void)
{
	char *state = path_in("xdg-state");
	setenv("XDG_STATE_HOME", state, 1);
	char *p = slog_default_path(), *want = xasprintf("%s/recoup/sessions.log", state);
	is_str(p, want, "default path under $XDG_STATE_HOME");
	free(p);
	free(want);
	free(state);
}

static void rm_rf(const char *path)
{
	char *cmd = xasprintf("rm -rf '%s'", path);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", path);
	free(cmd);
}

/* Write `text` as the whole file at `p`. */
static void put_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");
	if (!f || fputs(text, f) < 0 || fclose(f))
		die_errno(99, "%s", p);
}

#define L1 "2026-11-20T07:00:00.000+00:00 a start routine=R format=1"
#define L2 "2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600"
#define L3 "2026-11-21T07:00:00.000+00:00 b start routine=R format=1\n"

/* A file whose last piece has no newline: the next line starts on a line
 * of its own, and a whole line there is not damaged. */
static void test_end_mended(void)
{
	char *p = path_in("mend.log");
	struct slog l;
	put_file(p, L1 "\n" L2);
	ok(slog_open(&l, p, 0) == 0, "open a log whose last line has no newline");
	put(&l, L3);
	slog_close(&l, NULL);
	is_file(p, L1 "\n" L2 "\n" L3, "a whole last line gets just its newline, nothing else");

	put_file(p, L1 "\n2026-11-20T07:0");
	ok(slog_open(&l, p, 0) == 0, "open a log ending in a torn fragment");
	put(&l, L3);
	put(&l, L3);
	slog_close(&l, NULL);
	is_file(p, L1 "\n2026-11-20T07:0 \n" L3 L3,
		"the fragment is ended with a space (it stays unparsable), once; the new lines whole");

	/* torn just after a whole field: it would parse, as 1 rep, if it only
	 * got its newline; a set line is whole only with its elapsed time */
#define TORN_SET "2026-11-20T07:05:00.000+00:00 a set n=1 name=R side=left set=1 sets=1 target=12 reps=1"
	put_file(p, L1 "\n" TORN_SET);
	ok(slog_open(&l, p, 0) == 0, "open a log ending in a set line torn after reps=1");
	put(&l, L3);
	slog_close(&l, NULL);
	is_file(p, L1 "\n" TORN_SET " \n" L3, "a line torn after a whole field is ended so it never parses");

	put_file(p, "");
	ok(slog_open(&l, p, 0) == 0, "an empty log");
	put(&l, L3);
	slog_close(&l, NULL);
	is_file(p, L3, "gets no newline first");
	free(p);
}

/* A write cut short (here by a file size limit, as a full disk would):
 * the torn start of the line is cut off again, and the line written whole
 * when it can be, or printed whole at the end. */
static void test_own_torn(void)
{
	char *p = path_in("torn.log");
	struct slog l;
	struct rlimit old, lim;
	if (getrlimit(RLIMIT_FSIZE, &old) < 0) {
		ok(1, "# SKIP no RLIMIT_FSIZE");
		free(p);
		return;
	}
	signal(SIGXFSZ, SIG_IGN);
	put_file(p, L1 "\n");
	ok(slog_open(&l, p, 0) == 0, "open torn.log");
	lim = old;
	lim.rlim_cur = strlen(L1 "\n") + 10;
	setrlimit(RLIMIT_FSIZE, &lim);
	put(&l, L3);
	ok(slog_failing(&l), "a write cut after 10 bytes fails");
	size_t len = 0;
	free(slurp(p, &len));
	is_int((long long)len, (long long)strlen(L1 "\n"), "its 10 torn bytes were cut off at once");
	setrlimit(RLIMIT_FSIZE, &old);
	slog_retry(&l);
	ok(!slog_failing(&l), "with room again it is written");
	is_file(p, L1 "\n" L3, "whole, the torn bytes cut off first");

	/* the file is past this limit: nothing at all is written */
	setrlimit(RLIMIT_FSIZE, &lim);
	put(&l, L3);
	put(&l, L3);
	char *out = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&out, &n);
	/* at close the first retry is cut after 5 bytes */
	lim.rlim_cur = strlen(L1 "\n" L3) + 5;
	setrlimit(RLIMIT_FSIZE, &lim);
	is_int((long long)slog_close(&l, mem), 2, "still failing at close: both lines printed");
	setrlimit(RLIMIT_FSIZE, &old);
	fclose(mem);
	is_file(p, L1 "\n" L3, "and their torn start is not left in the file");
	free(out);

	/* someone else's unfinished bytes after ours were cut: not ours to
	 * cut, only ended so that they never parse */
	put_file(p, L1 "\n");
	ok(slog_open(&l, p, 0) == 0, "open torn.log again");
	lim.rlim_cur = strlen(L1 "\n") + 10;
	setrlimit(RLIMIT_FSIZE, &lim);
	put(&l, L3);
	setrlimit(RLIMIT_FSIZE, &old);
	FILE *f = fopen(p, "a");
	fputs("XY", f);
	fclose(f);
	slog_retry(&l);
	slog_close(&l, NULL);
	char *want = xstrdup(L1 "\nXY \n" L3);
	is_file(p, want, "another's bytes at the end: ended, nothing of theirs cut");
	free(want);
	signal(SIGXFSZ, SIG_DFL);
	free(p);
}

/* Only a regular file, or a character device when allowed; nothing that
 * could block. */
static void test_types(void)
{
	struct slog l;
	char *fifo = path_in("fifo");
	ok(mkfifo(fifo, 0600) == 0, "a fifo");
	is_int(slog_open(&l, fifo, SLOG_DEVICE_OK), -1, "a fifo as the log: refused (no reader: no block)");
	is_str(l.kind, "a fifo", "named as a fifo");
	is_int(errno, EINVAL, "errno EINVAL");
	if (access("/dev/null", W_OK) == 0) {
		is_int(slog_open(&l, "/dev/null", 0), -1, "a device not named with --log: refused");
		is_str(l.kind, "a character device", "named as a device");
		ok(slog_open(&l, "/dev/null", SLOG_DEVICE_OK) == 0, "a device named with --log: taken");
		put(&l, L3);
		is_int((long long)slog_close(&l, NULL), 0, "and written");
	}
	unlink(fifo);
	free(fifo);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/unit_slog.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		printf("1..0 # SKIP cannot make a scratch directory\n");
		return 0;
	}
	umask(022);
	test_open_write();
	test_rotation();
	test_dir_removed();
	test_retry();
	test_full();
	test_cannot_open();
	test_default_path();
	test_end_mended();
	test_own_torn();
	test_types();
	rm_rf(dir);
	return done_testing();
}
