/* benchtool.c: measuring helpers for `make bench` (not part of make check).
 *
 *   benchtool pty [-c CGOUT] SETTLE SECONDS COLS ROWS CMD...
 *       runs CMD on a pseudo-terminal of COLS x ROWS; after SETTLE
 *       seconds, counts for SECONDS the bytes it writes and the CPU time it
 *       uses (/proc/PID/schedstat), and stamps the first byte of each burst
 *       of output (a burst: output after at least 300 ms of quiet) on
 *       CLOCK_BOOTTIME, the clock of recoup's engine; prints
 *       "bytes_per_min cpu_us_per_min peak_rss_kb first_output_ms
 *       late_median_ms late_worst_ms bursts instructions_per_s" and ends
 *       it with SIGTERM.  How late a burst is: recoup's per-second
 *       boundaries lie on a grid of whole milliseconds of that clock, 1000
 *       ms apart; burst k (its distance from the first, rounded to whole
 *       seconds) gives a_k = t_k - 1000 k, the grid point is floor(min
 *       a_k), and the burst is a_k - that late.  With -c, CMD runs under
 *       valgrind --tool=callgrind --callgrind-out-file=CGOUT, dumped by
 *       callgrind_control at SETTLE and SETTLE + SECONDS: the second dump
 *       holds what ran between the two, the instructions a second.
 *       A figure that could not be had prints as "-".
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
#include <math.h>
#include <stdbool.h>
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

static double boot_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The bursts of output seen: when the last byte came, and (while
 * `record`) the CLOCK_BOOTTIME stamp of each burst's first byte. */
#define BURST_QUIET_MS 300.0
#define MAX_BURSTS 4096
struct bursts {
	double last;
	bool record;
	int n;
	double at[MAX_BURSTS];
};

/* Read what is there within `ms`; returns bytes read, -1 at EOF. */
static long drain(int fd, double ms, char *keep, size_t keepsz, size_t *kept, struct bursts *b)
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
		/* stamped before the read: the byte was there at this instant */
		double mono = now_ms(), boot = boot_ms();
		char buf[65536];
		ssize_t r = read(fd, buf, sizeof buf);
		if (r <= 0)
			return total ? total : -1;
		if (b) {
			if (b->record && mono - b->last >= BURST_QUIET_MS && b->n < MAX_BURSTS)
				b->at[b->n++] = boot;
			b->last = mono;
		}
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
		drain(master, 20, NULL, 0, NULL, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(master);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* How late each burst came against recoup's grid of whole milliseconds
 * (see the top of the file): the median and the worst, in ms.  Fewer
 * than three bursts say nothing. */
static void lateness(const struct bursts *b, char *med, char *worst, size_t sz)
{
	snprintf(med, sz, "-");
	snprintf(worst, sz, "-");
	if (b->n < 3)
		return;
	static double a[MAX_BURSTS];
	double lo = 0;
	for (int i = 0; i < b->n; i++) {
		double k = floor((b->at[i] - b->at[0]) / 1000.0 + 0.5);
		a[i] = b->at[i] - 1000.0 * k;
		if (i == 0 || a[i] < lo)
			lo = a[i];
	}
	double grid = floor(lo);
	for (int i = 0; i < b->n; i++)
		a[i] -= grid;
	qsort(a, (size_t)b->n, sizeof a[0], cmp_double);
	snprintf(med, sz, "%.3f", a[b->n / 2]);
	snprintf(worst, sz, "%.3f", a[b->n - 1]);
}

/* Ask callgrind in `pid` for a dump; the time it was asked, or -1. */
static double cg_dump(pid_t pid)
{
	char spid[32];
	snprintf(spid, sizeof spid, "%d", (int)pid);
	double t = now_ms();
	pid_t c = fork();
	if (c == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execlp("callgrind_control", "callgrind_control", "-d", spid, (char *)NULL);
		_exit(127);
	}
	int st;
	if (c < 0 || waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	return t;
}

/* The instructions of callgrind's dump file `path` ("totals:" line). */
static double cg_total(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];
	double n = -1;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "totals:", 7))
			n = atof(line + 7);
	if (f)
		fclose(f);
	return n;
}

static int cmd_pty(int argc, char **argv)
{
	const char *cgout = NULL;
	if (argc > 2 && !strcmp(argv[1], "-c")) {
		cgout = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 6)
		return 2;
	double settle = atof(argv[1]), secs = atof(argv[2]);
	int cols = atoi(argv[3]), rows = atoi(argv[4]);
	char **cmd = argv + 5;
	char outopt[4096];
	char *cg[256];
	if (cgout) {
		int n = 0;
		snprintf(outopt, sizeof outopt, "--callgrind-out-file=%s", cgout);
		cg[n++] = "valgrind";
		cg[n++] = "--tool=callgrind";
		cg[n++] = outopt;
		for (int i = 0; cmd[i] && n < 255; i++)
			cg[n++] = cmd[i];
		cg[n] = NULL;
		cmd = cg;
	}
	int master;
	double t0 = now_ms();
	pid_t pid = spawn_pty(cols, rows, cmd, &master);
	double first = -1;
	struct pollfd p = { .fd = master, .events = POLLIN };
	if (poll(&p, 1, (int)(settle * 1000)) > 0)
		first = now_ms() - t0;
	static struct bursts b;
	b.last = now_ms();
	/* settle (past start-up and the lead-in): the first frame is not
	 * steady state */
	drain(master, settle * 1000 - (now_ms() - t0), NULL, 0, NULL, &b);
	double d0 = cgout ? cg_dump(pid) : -1;
	long long c0 = cpu_ns(pid);
	b.record = true;
	long bytes = drain(master, secs * 1000, NULL, 0, NULL, &b);
	long long c1 = cpu_ns(pid);
	double d1 = cgout && d0 >= 0 ? cg_dump(pid) : -1;
	long kb = hwm_kb(pid);
	stop(pid, master);
	if (bytes < 0)
		bytes = 0;
	char ips[64] = "-", med[32], worst[32];
	if (d0 >= 0 && d1 > d0) {
		char path[4200];
		snprintf(path, sizeof path, "%s.2", cgout);
		double n = cg_total(path);
		if (n >= 0)
			snprintf(ips, sizeof ips, "%.0f", n * 1000.0 / (d1 - d0));
	}
	lateness(&b, med, worst, sizeof med);
	char cpu[64] = "-";
	if (c0 >= 0 && c1 >= c0)
		snprintf(cpu, sizeof cpu, "%.0f", (c1 - c0) / 1000.0 * 60.0 / secs);
	printf("%.0f %s %ld %.1f %s %s %d %s\n", bytes * 60.0 / secs, cpu, kb, first,
	       med, worst, b.n, ips);
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
		if (drain(master, 1, seen, sizeof seen - 1, &kept, NULL) < 0)
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
