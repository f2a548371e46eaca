/* editor.c: the user's editor, run on a routine file from the picker
 * with the screen put away, or from the shell (`recoup --new`).  It knows no screen: the caller redraws. */
#include "config.h"

#include "editor.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "safetext.h"
#include "sigs.h"
#include "util.h"

/* $VISUAL, else $EDITOR, else vi; *from names where it came from. */
static const char *editor_command(const char **from)
{
	static const char *const vars[] = { "VISUAL", "EDITOR" };
	for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			*from = vars[i];
			return v;
		}
	}
	*from = NULL;
	return "vi";
}

/* Start the editor and wait for it.  Returns the wait status, or -1 with
 * errno set when it could not be started: exec's own errno comes back from
 * the child through a close-on-exec pipe, which a successful exec closes
 * with nothing written.  While it runs, Ctrl-C and Ctrl-\ are the
 * editor's: recoup ignores SIGINT and SIGQUIT, as git and crontab do, so
 * that a key meant for the editor does not end the picker under it. */
static int run_editor(char *const argv[])
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	/* Ctrl-Z stops the editor and recoup with it, as one job: with our
	 * own SIGTSTP handler in place recoup would wait on, and the shell
	 * would never get the terminal back */
	struct sigaction ign, dfl, old_int, old_quit, old_tstp;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	dfl = ign;
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigaction(SIGTSTP, &dfl, &old_tstp);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		/* an ignored signal stays ignored across exec: give the editor
		 * the defaults (ours of SIGPIPE is ignored too) */
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		int e = errno;
		if (write(fds[1], &e, sizeof e) < 0)
			_exit(126);
		_exit(127);
	}
	int e = errno;
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		sigaction(SIGTSTP, &old_tstp, NULL);
		errno = e;
		return -1;
	}
	ssize_t got;
	while ((got = read(fds[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(fds[0]);
	int status = -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	if (got == (ssize_t)sizeof e) {
		errno = e;
		return -1;
	}
	return status;
}

/* How an editor is told the line to open at: `+LINE FILE`, which vi, vim,
 * nvim, nano, emacs, micro, kak, joe and most take; VS Code and its
 * builds, `--goto FILE:LINE`; Helix, Sublime Text and Zed, `FILE:LINE`
 * (a `+16` would be a file name to them). */
enum goto_style { GOTO_PLUS, GOTO_FLAG, GOTO_SUFFIX };

static enum goto_style goto_style_of(const char *prog)
{
	static const char *const flag[] = { "code", "code-insiders", "code-oss", "codium",
					    "vscodium" };
	static const char *const suffix[] = { "hx", "helix", "subl", "sublime_text", "zed" };
	const char *base = strrchr(prog, '/');
	base = base ? base + 1 : prog;
	for (size_t i = 0; i < ARRAY_LEN(flag); i++)
		if (!strcmp(base, flag[i]))
			return GOTO_FLAG;
	for (size_t i = 0; i < ARRAY_LEN(suffix); i++)
		if (!strcmp(base, suffix[i]))
			return GOTO_SUFFIX;
	return GOTO_PLUS;
}

int editor_run(const char *path, int line, bool screen, char *why, size_t n)
{
	const char *from;
	char *cmd = xstrdup(editor_command(&from));
	char lineopt[32];
	snprintf(lineopt, sizeof lineopt, "+%d", line);
	char *at = NULL;        /* FILE:LINE, for the editors that take that */
	/* the command may carry arguments ("code -w"): split it at blanks, as
	 * the shell would split an unquoted $EDITOR */
	char *argv[34];
	size_t argc = 0;
	for (char *w = strtok(cmd, " \t"); w && argc < ARRAY_LEN(argv) - 3; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	if (!argc)
		argv[argc++] = "vi";
	/* the editor's word as the messages name it: $EDITOR is the user's,
	 * but an escape in it must not reach the terminal raw */
	char *name = safe_dup(argv[0], 0);
	enum goto_style style = goto_style_of(argv[0]);
	if (line > 0 && style != GOTO_PLUS)
		at = xasprintf("%s:%d", path, line);
	if (line > 0 && style == GOTO_PLUS)
		argv[argc++] = lineopt;
	else if (at && style == GOTO_FLAG)
		argv[argc++] = "--goto";
	argv[argc++] = at ? at : (char *)path;
	argv[argc] = NULL;
	/* a screen to put away and take back only when curses has one: from
	 * the shell (`recoup --new`) it never started, and the terminal is
	 * left as it is */
	if (screen) {
		def_prog_mode();
		endwin();
	}
	int status = run_editor(argv);
	int e = errno;
	if (screen) {
		reset_prog_mode();
		clearok(curscr, TRUE);
	}
	char src[32] = "";
	if (from)
		snprintf(src, sizeof src, " (from $%s)", from);
	int rc = 1;
	if (status < 0) {
		snprintf(why, n, "Could not run the editor %s%s: %s", name, src, strerror(e));
		rc = -1;
	} else if (WIFSIGNALED(status)) {
		const char *word = sigs_word(WTERMSIG(status));
		snprintf(why, n, "The editor %s%s was killed by signal %d%s%s%s", name, src,
			 WTERMSIG(status), word ? " (" : "", word ? word : "", word ? ")" : "");
	} else if (WEXITSTATUS(status)) {
		snprintf(why, n, "The editor %s%s exited with status %d", name, src,
			 WEXITSTATUS(status));
	} else {
		why[0] = '\0';
		rc = 0;
	}
	free(name);
	free(cmd);
	free(at);
	return rc;
}
