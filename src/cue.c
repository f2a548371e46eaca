/* cue.c: the cue command's processes: started in a group of their own,
 * stopped as a group, reaped without ever blocking the event loop. */
#include "config.h"

#include "cue.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef HAVE_SYS_PRCTL_H
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "util.h"

/* Some process of the group is still there, and ours to signal (a zombie
 * leader counts until it is reaped). */
static bool group_alive(pid_t pgid)
{
	return kill(-pgid, 0) == 0;
}

void cue_stop(struct cues *c, long long now)
{
	for (size_t i = 0; i < c->n; i++) {
		struct cue_proc *p = &c->v[i];
		if (p->stop_at)
			continue;
		kill(-p->pgid, SIGTERM);
		p->stop_at = now > 0 ? now : 1;
	}
}

static void note_failure(struct cues *c, int e)
{
	if (!c->failed)
		c->failed = e;
}

/* Whether exec worked: its errno, or end of file when the pipe's write end
 * closed on exec.  The read end never blocks; nothing there yet is asked
 * again at the next reap. */
static void check_exec(struct cues *c, struct cue_proc *p)
{
	int e;
	ssize_t n = read(p->errfd, &e, sizeof e);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n == (ssize_t)sizeof e)
		note_failure(c, e);
	close(p->errfd);
	p->errfd = -1;
}

/* The done pipe: end of file once the cue and whatever it started have
 * closed their end (exited, mostly). */
static void check_done(struct cue_proc *p)
{
	char b[64];
	ssize_t n = read(p->donefd, b, sizeof b);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n > 0)
		return; /* a cue that writes there: still going */
	close(p->donefd);
	p->donefd = -1;
}

/* Over once the done pipe has ended, not when the leader exits: it may
 * leave children speaking (a shell wrapper's `espeak-ng ... &`).  The hang
 * guard (speech.h) is the limit for a child that never lets go of it. */
static bool proc_done(const struct cue_proc *p)
{
	return p->donefd < 0;
}

bool cue_speaking(struct cues *c, long long now)
{
	cue_reap(c, now);
	for (size_t i = 0; i < c->n; i++)
		if (!c->v[i].stop_at && !proc_done(&c->v[i]))
			return true;
	return false;
}

int cue_poll_fd(const struct cues *c)
{
	for (size_t i = c->n; i-- > 0;)
		if (!c->v[i].stop_at && c->v[i].donefd >= 0)
			return c->v[i].donefd;
	return -1;
}

int cue_failure(struct cues *c)
{
	if (c->told || !c->failed)
		return 0;
	c->told = true;
	return c->failed;
}

void cue_reap(struct cues *c, long long now)
{
	size_t keep = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct cue_proc *p = &c->v[i];
		if (p->errfd >= 0)
			check_exec(c, p);
		if (p->donefd >= 0)
			check_done(p);
		if (!p->reaped) {
			int st = 0;
			pid_t r = waitpid(p->pgid, &st, WNOHANG);
			if (r == p->pgid || (r < 0 && errno == ECHILD))
				p->reaped = true;
			/* a speaker that fails at every cue (no audio device)
			 * says nothing: the front end is told (voice.c); one
			 * that recoup stopped does not count */
			if (r == p->pgid && !p->stop_at)
				c->bad_row = WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : c->bad_row + 1;
		}
		if (p->stop_at && !p->killed && now - p->stop_at >= CUE_KILL_MS) {
			kill(-p->pgid, SIGKILL);
			p->killed = true;
		}
		/* a leader that has exited may leave children in its group (a
		 * shell wrapper's): the group is watched until it is empty */
		if (p->reaped && !group_alive(p->pgid) && p->errfd < 0) {
			if (p->donefd >= 0)
				close(p->donefd);
			continue;
		}
		c->v[keep++] = *p;
	}
	c->n = keep;
}

long long cue_next_wake(const struct cues *c, long long now)
{
	if (!c->n)
		return -1;
	/* a second at most: no signal tells the loop that a cue has exited
	 * (the done pipe does, for one that speaks: see cue_poll_fd()) */
	long long wake = now + 1000;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].stop_at && !c->v[i].killed && c->v[i].stop_at + CUE_KILL_MS < wake)
			wake = c->v[i].stop_at + CUE_KILL_MS;
	return wake;
}

static char **cue_argv(char *const *argv, const char *text)
{
	size_t n = 0;
	while (argv[n])
		n++;
	char **v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		const char *a = argv[i];
		const char *pct = strstr(a, "%s");
		v[i] = pct ? xasprintf("%.*s%s%s", (int)(pct - a), a, text, pct + 2) : xstrdup(a);
	}
	return v;
}

bool cue_start(struct cues *c, char *const *argv, const char *text, long long now)
{
	if (!argv || !argv[0])
		return false;
	cue_reap(c, now);
	char **v = cue_argv(argv, text);
	/* a program that cannot be run must be told from one that ran and
	 * failed: exec's errno comes back through a close-on-exec pipe */
	int fds[2] = { -1, -1 };
	if (pipe(fds) == 0) {
		for (int i = 0; i < 2; i++)
			fcntl(fds[i], F_SETFD, FD_CLOEXEC);
		fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	}
	/* the done pipe: its write end goes with the cue through exec, so
	 * that the read end, polled by the event loop, ends the moment the
	 * cue (and what it started) has gone */
	int done[2] = { -1, -1 };
	if (pipe(done) == 0) {
		fcntl(done[0], F_SETFD, FD_CLOEXEC);
		fcntl(done[0], F_SETFL, fcntl(done[0], F_GETFL) | O_NONBLOCK);
	}
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		/* a group of its own, so that the group can be stopped whole,
		 * and Ctrl-C or Ctrl-Z at the terminal are recoup's alone */
		setpgid(0, 0);
#if defined(HAVE_SYS_PRCTL_H) && defined(PR_SET_PDEATHSIG)
		/* a recoup killed with SIGKILL cannot stop its cue: the kernel
		 * does it (the cue itself; a shell wrapper's children live
		 * on); and if recoup died before this, now */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(0);
#else
		(void)parent;
#endif
		int devnull = open("/dev/null", O_RDWR);
		if (devnull >= 0) {
			dup2(devnull, STDIN_FILENO);
			dup2(devnull, STDOUT_FILENO);
			dup2(devnull, STDERR_FILENO);
			/* the speech program gets 0-2 and the done pipe, no more */
			if (devnull > STDERR_FILENO)
				close(devnull);
		}
		signal(SIGPIPE, SIG_DFL);
		if (done[0] >= 0)
			close(done[0]);
		execvp(v[0], v);
		int e = errno;
		if (fds[1] >= 0 && write(fds[1], &e, sizeof e) < 0)
			_exit(126);
		_exit(127);
	}
	int e = errno;
	if (fds[1] >= 0)
		close(fds[1]);
	if (done[1] >= 0)
		close(done[1]);
	if (pid > 0) {
		/* the child's own setpgid may come later: no SIGTERM to a group
		 * that does not exist yet */
		setpgid(pid, pid);
		c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
		c->v[c->n++] = (struct cue_proc){ .pgid = pid, .errfd = fds[0], .donefd = done[0] };
	} else {
		note_failure(c, e);
		if (fds[0] >= 0)
			close(fds[0]);
		if (done[0] >= 0)
			close(done[0]);
	}
	for (size_t i = 0; v[i]; i++)
		free(v[i]);
	free(v);
	return pid > 0;
}

void cue_finish(struct cues *c, long long linger_ms)
{
	long long start = clock_real_now_ms();
	const struct timespec step = { .tv_sec = 0, .tv_nsec = 20 * 1000000L };
	for (;;) {
		long long now = clock_real_now_ms();
		cue_reap(c, now);
		if (!c->n)
			break;
		if (now - start >= linger_ms)
			cue_stop(c, now);
		/* a process SIGKILL cannot end (stuck in the kernel): give up */
		if (now - start >= linger_ms + CUE_KILL_MS + 2000)
			break;
		nanosleep(&step, NULL);
	}
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].errfd >= 0)
			close(c->v[i].errfd);
		if (c->v[i].donefd >= 0)
			close(c->v[i].donefd);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}
