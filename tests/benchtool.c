/* benchtool.c: measuring helpers for `make bench` (not part of make check).
 *
 *   benchtool pty SECONDS COLS ROWS CMD...
 *       runs CMD on a pseudo-terminal of COLS x ROWS; after a settling
 *       second, counts for SECONDS the bytes it writes and the CPU time it
 *       uses; prints "bytes_per_min cpu_us_per_min peak_rss_kb
 *       first_output_ms" and ends it with SIGTERM.
 *   benchtool first COLS ROWS TEXT CMD...
 *       runs CMD on a pseudo-terminal; prints the ms from exec until TEXT
 *       has appeared in its output (the first frame), then ends it.
 *   benchtool tick
 *       the floor: wakes once a second and writes two bytes, forever (run
 *       it under `benchtool pty` to see what a wake-up alone costs here).
 *   benchtool time RUNS CMD...
 *       runs CMD RUNS times (output to /dev/null); prints the median
 *       wall-clock ms and the largest peak RSS in kB. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static pid_t spawn_pty(int cols, int rows, char **argv, int *master)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	pid_t pid = forkpty(master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		exit(2);
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 0);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	return pid;
}

/* Read what is there within `ms`; returns bytes read, -1 at EOF. */
static long drain(int fd, double ms, char *keep, size_t keepsz, size_t *kept)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	long total = 0;
	double end = now_ms() + ms;
	for (;;) {
		double left = end - now_ms();
		if (left <= 0)
			return total;
		int n = poll(&p, 1, (int)left + 1);
		if (n <= 0)
			continue;
		char buf[65536];
		ssize_t r = read(fd, buf, sizeof buf);
		if (r <= 0)
			return total ? total : -1;
		total += r;
		if (keep && *kept < keepsz) {
			size_t c = (size_t)r < keepsz - *kept ? (size_t)r : keepsz - *kept;
			memcpy(keep + *kept, buf, c);
			*kept += c;
		}
	}
}

static long long cpu_ns(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	FILE *f = fopen(path, "r");
	long long ns = -1;
	if (f) {
		if (fscanf(f, "%lld", &ns) != 1)
			ns = -1;
		fclose(f);
	}
	return ns;
}

static long hwm_kb(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kb = -1;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmHWM:", 6))
			kb = strtol(line + 6, NULL, 10);
	if (f)
		fclose(f);
	return kb;
}

static void stop(pid_t pid, int master)
{
	kill(pid, SIGTERM);
	/* keep reading so the child is never blocked writing its goodbye */
	for (int i = 0; i < 50; i++) {
		if (waitpid(pid, NULL, WNOHANG) == pid)
			break;
		drain(master, 20, NULL, 0, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(master);
}

static int cmd_pty(int argc, char **argv)
{
	if (argc < 5)
		return 2;
	double secs = atof(argv[1]);
	int cols = atoi(argv[2]), rows = atoi(argv[3]);
	int master;
	double t0 = now_ms();
	pid_t pid = spawn_pty(cols, rows, argv + 4, &master);
	double first = -1;
	struct pollfd p = { .fd = master, .events = POLLIN };
	if (poll(&p, 1, 5000) > 0)
		first = now_ms() - t0;
	drain(master, 5000, NULL, 0, NULL); /* settle (past the lead-in): the first frame is not steady state */
	long long c0 = cpu_ns(pid);
	long bytes = drain(master, secs * 1000, NULL, 0, NULL);
	long long c1 = cpu_ns(pid);
	long kb = hwm_kb(pid);
	stop(pid, master);
	if (bytes < 0)
		bytes = 0;
	printf("%.0f %.0f %ld %.1f\n", bytes * 60.0 / secs, (c1 - c0) / 1000.0 * 60.0 / secs, kb, first);
	return 0;
}

static int cmd_first(int argc, char **argv)
{
	if (argc < 5)
		return 2;
	int cols = atoi(argv[1]), rows = atoi(argv[2]);
	const char *text = argv[3];
	int master;
	char seen[1 << 16];
	size_t kept = 0;
	double t0 = now_ms();
	pid_t pid = spawn_pty(cols, rows, argv + 4, &master);
	double found = -1;
	while (now_ms() - t0 < 5000) {
		if (drain(master, 1, seen, sizeof seen - 1, &kept) < 0)
			break;
		seen[kept] = '\0';
		if (memmem(seen, kept, text, strlen(text))) {
			found = now_ms() - t0;
			break;
		}
	}
	stop(pid, master);
	printf("%.1f\n", found);
	return found < 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmd_time(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	int runs = atoi(argv[1]);
	if (runs < 1 || runs > 100)
		return 2;
	double t[100];
	long peak = 0;
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		pid_t pid = fork();
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);
			dup2(fd, 1);
			dup2(fd, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int st;
		struct rusage ru;
		wait4(pid, &st, 0, &ru);
		t[i] = now_ms() - t0;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	printf("%.1f %ld\n", t[runs / 2], peak);
	return 0;
}

static int cmd_tick(void)
{
	for (;;) {
		poll(NULL, 0, 1000);
		if (write(STDOUT_FILENO, "x\b", 2) < 0)
			return 0;
	}
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc > 1 && !strcmp(argv[1], "tick"))
		return cmd_tick();
	if (argc > 1 && !strcmp(argv[1], "pty"))
		return cmd_pty(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "first"))
		return cmd_first(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "time"))
		return cmd_time(argc - 1, argv + 1);
	fprintf(stderr, "usage: benchtool pty|first|time ...\n");
	return 2;
}
