/* sigs.c: the self-pipe. */
#include "config.h"

#include "sigs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "util.h"

static int pipe_fds[2] = { -1, -1 };
/* The signals that end a session: logged, the terminal restored, then
 * re-raised (sigs_reraise()). */
static const int fatal_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
static volatile sig_atomic_t fatal_sig, got_winch, got_cont, got_tstp;

static void on_signal(int sig)
{
	int saved = errno;
	if (sig == SIGWINCH)
		got_winch = 1;
	else if (sig == SIGCONT)
		got_cont = 1;
	else if (sig == SIGTSTP)
		got_tstp = 1;
	else if (!fatal_sig)
		fatal_sig = sig;
	if (pipe_fds[1] >= 0) {
		char c = (char)sig;
		ssize_t n = write(pipe_fds[1], &c, 1);
		(void)n;
	}
	errno = saved;
}

int sigs_install(bool screen)
{
	if (pipe_fds[0] < 0) {
		if (pipe(pipe_fds) < 0)
			die_errno(1, "pipe");
		for (int i = 0; i < 2; i++) {
			fcntl(pipe_fds[i], F_SETFL, fcntl(pipe_fds[i], F_GETFL) | O_NONBLOCK);
			fcntl(pipe_fds[i], F_SETFD, FD_CLOEXEC);
		}
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_LEN(fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);
	if (screen) {
		sigaction(SIGWINCH, &sa, NULL);
		sigaction(SIGCONT, &sa, NULL);
		/* Ctrl-Z is handled in the loop (the screen is put away first);
		 * with a handler of ours, curses leaves SIGTSTP alone */
		sa.sa_flags = SA_RESTART;
		sigaction(SIGTSTP, &sa, NULL);
	}
	/* a closed terminal or pipe is an error return, not a death */
	signal(SIGPIPE, SIG_IGN);
	return pipe_fds[0];
}

bool sigs_take_tstp(void)
{
	bool t = got_tstp;
	got_tstp = 0;
	return t;
}

void sigs_stop_self(void)
{
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	raise(SIGTSTP);        /* stops here until fg */
	sigaction(SIGTSTP, &old, NULL);
}

int sigs_take(bool *winch, bool *cont)
{
	char buf[64];
	while (read(pipe_fds[0], buf, sizeof buf) > 0)
		;
	if (winch) {
		*winch = got_winch;
		got_winch = 0;
	}
	if (cont) {
		*cont = got_cont;
		got_cont = 0;
	}
	return fatal_sig;
}

void sigs_reraise(int status)
{
	/* the signals that end a session, and PIPE, for an output gone */
	int sig = status - 128;
	size_t i = 0;
	while (i < ARRAY_LEN(fatal_signals) && fatal_signals[i] != sig)
		i++;
	if (i == ARRAY_LEN(fatal_signals) && sig != SIGPIPE)
		return;
	/* what stdio still holds would die with the process */
	fflush(NULL);
	/* the session is logged and the terminal restored already: a core
	 * of that state helps no one, and would read as a crash */
	if (sig == SIGQUIT) {
		struct rlimit none = { 0, 0 };
		setrlimit(RLIMIT_CORE, &none);
	}
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}

bool sigs_tty_foreign(int fd)
{
	if (!isatty(fd))
		return false;
	pid_t fg = tcgetpgrp(fd);
	/* -1: not our controlling terminal, where job control does not apply;
	 * 0 (Linux): no foreground group, and the kernel stops no one */
	return fg > 0 && fg != getpgrp();
}

void sigs_background_io(void)
{
	struct sigaction ign;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	/* ignored, SIGTTOU lets a write through even under `stty tostop`,
	 * and SIGTTIN turns a stray read into an error instead of a stop */
	sigaction(SIGTTOU, &ign, NULL);
	sigaction(SIGTTIN, &ign, NULL);
}

/* The short names kill -l gives, for the signals a session or an editor
 * may die of. */
static const struct { int sig; const char *word; } signal_words[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGABRT, "ABRT" }, { SIGFPE, "FPE" }, { SIGKILL, "KILL" }, { SIGSEGV, "SEGV" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGBUS, "BUS" },
	{ SIGUSR1, "USR1" }, { SIGUSR2, "USR2" }, { SIGTRAP, "TRAP" }, { SIGSYS, "SYS" },
	{ SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
};

const char *sigs_word(int sig)
{
	for (size_t i = 0; i < ARRAY_LEN(signal_words); i++)
		if (signal_words[i].sig == sig)
			return signal_words[i].word;
	return NULL;
}

const char *sigs_name(int sig)
{
	const char *w = sigs_word(sig);
	return w ? w : "UNKNOWN";
}
