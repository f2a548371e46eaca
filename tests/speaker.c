/* speaker.c: a stand-in for a speech program, to hear what recoup would
 * say without a sound: cue_command = ["tests/speaker", "%s"].  It appends
 * to $RECOUP_SPEAKER_LOG (default ./speaker.log)
 *   start MS TEXT   when it starts,
 *   done MS TEXT    after the time espeak-ng takes to say it (saytime.h),
 *                   divided by $RECOUP_SPEAKER_SPEED (recoup's --speed),
 *   cut MS TEXT     instead, when SIGTERM stops it first,
 *   fds MS LIST     first, with $RECOUP_SPEAKER_FDS set: the fds it was
 *                   started with ("0 1 2 8:pipe"),
 * MS being CLOCK_BOOTTIME milliseconds (recoup's clock).  Each line goes
 * out in one write to a file opened for appending, so that lines of cues
 * that overlap do not mix. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "saytime.h"

static volatile sig_atomic_t stopped;

static void on_term(int sig)
{
	(void)sig;
	stopped = 1;
}

static long long now_ms(void)
{
	struct timespec ts;
#ifdef CLOCK_BOOTTIME
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
#endif
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void put(int fd, const char *what, const char *text)
{
	char line[4096];
	int n = snprintf(line, sizeof line, "%s %lld %s\n", what, now_ms(), text);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof line)
		n = sizeof line - 1;
	if (write(fd, line, (size_t)n) < 0)
		exit(1);
}

/* The fds open now, a pipe marked as such: what recoup let through. */
static void open_fds(char *out, size_t n)
{
	size_t len = 0;
	out[0] = 0;
	for (int fd = 0; fd < 1024 && len < n; fd++) {
		struct stat st;
		if (fstat(fd, &st) < 0)
			continue;
		len += (size_t)snprintf(out + len, n - len, "%s%d%s", len ? " " : "", fd,
					S_ISFIFO(st.st_mode) ? ":pipe" : "");
	}
}

int main(int argc, char **argv)
{
	char fds[512];
	open_fds(fds, sizeof fds);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL); /* no SA_RESTART: the sleep ends */

	/* the text: the arguments, one line, control characters as spaces */
	char text[2048] = "";
	size_t len = 0;
	for (int i = 1; i < argc; i++)
		len += (size_t)snprintf(text + len, len < sizeof text ? sizeof text - len : 0, "%s%s",
					i > 1 ? " " : "", argv[i]);
	for (char *p = text; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';

	const char *log = getenv("RECOUP_SPEAKER_LOG");
	const char *sp = getenv("RECOUP_SPEAKER_SPEED");
	double speed = sp && *sp ? atof(sp) : 1.0;
	if (speed <= 0)
		speed = 1.0;
	int fd = open(log && *log ? log : "speaker.log", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		perror("speaker: the log");
		return 1;
	}
	const char *want_fds = getenv("RECOUP_SPEAKER_FDS");
	if (want_fds && *want_fds)
		put(fd, "fds", fds);
	put(fd, "start", text);
	long long ns = (long long)(saytime_ms(text) * 1e6 / speed);
	struct timespec left = { .tv_sec = ns / 1000000000LL, .tv_nsec = ns % 1000000000LL };
	while (!stopped && nanosleep(&left, &left) < 0 && errno == EINTR)
		;
	put(fd, stopped ? "cut" : "done", text);
	return 0;
}
