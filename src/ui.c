/* ui.c: the terminal, the event loop and what every screen shares.  The
 * loop waits in one place, poll() on the terminal and the signal pipe, with
 * a timeout from the screen's next change; keys and signals only mark what
 * is dirty, and drawing happens once per turn. */
#include "config.h"

#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <term.h>
#include <unistd.h>

#include "plain.h"
#include "safetext.h"
#include "sigs.h"
#include "util.h"

static const struct ui_screen *const screens[SCREEN_COUNT] = {
	[SCREEN_PICKER] = &ui_picker_screen,
	[SCREEN_SESSION] = &ui_session_screen,
	[SCREEN_HISTORY] = &ui_history_screen,
	[SCREEN_HELP] = &ui_help_screen,
};

/* ---- drawing helpers ---- */

void ui_switch(struct ui *ui, enum ui_screen_id s)
{
	ui_direct_area(ui, 0, 0, 0, 0);
	if (s == SCREEN_HELP && ui->screen != SCREEN_HELP)
		ui->help_return = ui->screen;
	ui->screen = s;
	ui->full = ui->dirty = true;
}

/* Text goes through safetext's rule, one shown character at a time, here
 * and in ui_fit(), so what is drawn and what is measured always agree: no
 * control reaches the screen, and in a locale that is not UTF-8 a character
 * (routine files are UTF-8 whatever the locale) is one '?', not one a byte. */
int ui_text(int y, int x, int width, const char *s)
{
	if (width <= 0)
		return 0;
	move(y, x);
	int used = 0;
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	while (used < width && safe_iter_next(&it, &c)) {
		if (used + c.cols > width)
			break;
		addnstr(c.show, (int)c.showlen);
		used += c.cols;
	}
	return used;
}

size_t ui_fit(const char *s, int width, bool words, int *cols)
{
	size_t i = 0, brk = 0;
	int used = 0, brk_cols = 0;
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	while (safe_iter_next(&it, &c)) {
		if (used + c.cols > width)
			break;
		used += c.cols;
		i += c.len;
		if (s[i - c.len] == ' ') {
			brk = i;
			brk_cols = used;
		}
	}
	if (words && s[i] && s[i] != ' ' && brk) {
		i = brk;
		used = brk_cols;
	}
	if (cols)
		*cols = used;
	return i;
}

int ui_width(const char *s)
{
	int cols;
	ui_fit(s, INT_MAX, false, &cols);
	return cols;
}

/* "…", or "..." where the terminal may not show it. */
static const char *ellipsis(const struct ui *ui, int *cols)
{
	*cols = ui->utf8 ? 1 : 3;
	return ui->utf8 ? "\u2026" : "...";
}

int ui_text_cut(struct ui *ui, int y, int x, int width, const char *s)
{
	int cols, ew;
	size_t n = ui_fit(s, width, false, &cols);
	const char *el = ellipsis(ui, &ew);
	if (!s[n] || width <= ew)
		return ui_text(y, x, width, s);
	n = ui_fit(s, width - ew, false, &cols);
	/* "a word…", not "a word …" */
	while (n > 0 && s[n - 1] == ' ') {
		n--;
		cols--;
	}
	ui_text(y, x, cols, s);
	mvaddstr(y, x + cols, el);
	return cols + ew;
}

/* The bytes of one character at `s` (at least 1), for text that cannot
 * break anywhere else. */
static size_t one_char(const char *s)
{
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	return safe_iter_next(&it, &c) ? c.len : 1;
}

/* ui_wrap() and ui_wrap_rows(): with ui NULL nothing is drawn. */
static int wrap(struct ui *ui, int y, int rows, int x, int width, int indent, const char *s)
{
	int used = 0;
	for (int in = 0; *s && used < rows; in = indent) {
		int w = width - in, cols;
		if (used == rows - 1) {
			/* the last row there is: what is left, cut if it must be */
			if (ui)
				ui_text_cut(ui, y + used, x + in, w, s);
			return used + 1;
		}
		size_t n = ui_fit(s, w, true, &cols);
		if (!n)
			n = one_char(s);
		if (ui)
			ui_text(y + used, x + in, cols, s);
		used++;
		s += n;
		while (*s == ' ')
			s++;
	}
	return used;
}

int ui_wrap(struct ui *ui, int y, int rows, int x, int width, int indent, const char *s)
{
	return wrap(ui, y, rows, x, width, indent, s);
}

int ui_wrap_rows(const char *s, int width, int indent)
{
	return wrap(NULL, 0, INT_MAX, 0, width, indent, s);
}

void ui_title_bar(struct ui *ui, const char *left, const char *right)
{
	attron(A_REVERSE);
	move(0, 0);
	for (int c = 0; c < ui->cols; c++)
		addch(' ');
	int rw = right ? (int)strlen(right) : 0;
	if (rw >= ui->cols - 10)
		rw = 0;
	/* the name ends before the right part, with a gap, cut visibly */
	ui_text_cut(ui, 0, 1, ui->cols - 2 - rw, left);
	if (rw)
		mvaddstr(0, ui->cols - rw, right);
	attroff(A_REVERSE);
}

/* The forms of the too-small note, longest first: the first that fits
 * whole is shown. */
static const char *const too_small_notes[] = {
	"Make the window larger (20x6 at least)",
	"Window too small (20x6 min)",
	"20x6 min",
};

void ui_too_small(struct ui *ui, int rows)
{
	size_t i = 0;
	while (i + 1 < ARRAY_LEN(too_small_notes) &&
	       ui_wrap_rows(too_small_notes[i], ui->cols, 0) > rows)
		i++;
	ui_wrap(ui, 0, rows, 0, ui->cols, 0, too_small_notes[i]);
}

bool ui_page(struct ui *ui, const char *title)
{
	erase();
	if (ui->rows < 6 || ui->cols < 20) {
		ui_too_small(ui, ui->rows);
		return false;
	}
	ui_title_bar(ui, title, NULL);
	return true;
}

void ui_color_on(struct ui *ui, enum ui_color c)
{
	if (ui->color && c != C_NORMAL)
		attron(COLOR_PAIR(c));
	if (c == C_TITLE || c == C_WARN)
		attron(A_BOLD);
	if (!ui->color && (c == C_LEFT || c == C_RIGHT))
		attron(A_BOLD);
	if (c == C_DIM)
		attron(A_DIM);
}

void ui_color_off(struct ui *ui, enum ui_color c)
{
	if (ui->color && c != C_NORMAL)
		attroff(COLOR_PAIR(c));
	attroff(A_BOLD | A_DIM);
}

void ui_bar(struct ui *ui, int y, int x, int width, double frac)
{
	if (width <= 0)
		return;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	int fill = (int)(frac * width + 0.5);
	move(y, x);
	for (int i = 0; i < width; i++) {
		if (ui->utf8)
			addstr(i < fill ? "\u2588" : "\u2591");
		else
			addch(i < fill ? '#' : '.');
	}
}

void ui_alert(struct ui *ui)
{
	if (ui->o->use_bell)
		beep();
	if (ui->o->use_flash)
		flash();
}

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

int ui_edit(struct ui *ui, const char *path, int line, char *why, size_t n)
{
	const char *from;
	char *cmd = xstrdup(editor_command(&from));
	char lineopt[32];
	snprintf(lineopt, sizeof lineopt, "+%d", line);
	/* the command may carry arguments ("code -w"): split it at blanks, as
	 * the shell would split an unquoted $EDITOR */
	char *argv[34];
	size_t argc = 0;
	for (char *w = strtok(cmd, " \t"); w && argc < ARRAY_LEN(argv) - 3; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	if (!argc)
		argv[argc++] = "vi";
	char name[64];
	snprintf(name, sizeof name, "%s", argv[0]);
	if (line > 0)
		argv[argc++] = lineopt;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	def_prog_mode();
	endwin();
	int status = run_editor(argv);
	int e = errno;
	reset_prog_mode();
	clearok(curscr, TRUE);
	ui_direct_forget(ui);
	ui->full = ui->dirty = true;
	free(cmd);
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
	return rc;
}

void ui_load_history(struct ui *ui)
{
	if (ui->hist_loaded)
		history_free(&ui->hist);
	ui->hist_loaded = false;
	char *log = session_log_path(ui->o);
	struct history_filter f = { 0 };
	if (log) {
		FILE *devnull = fopen("/dev/null", "w");
		history_read(&ui->hist, log, &f, time(NULL), devnull);
		if (devnull)
			fclose(devnull);
	} else {
		/* --no-log: nothing to read, but the weeks still have dates */
		history_init(&ui->hist, time(NULL));
	}
	ui->hist_loaded = true;
	free(log);
}

bool ui_start_session(struct ui *ui, const char *arg)
{
	struct options o = *ui->o;
	char *args[1] = { (char *)arg };
	o.args = args;
	o.nargs = 1;
	/* while curses owns the screen, errors go to the status line */
	char *errbuf = NULL;
	size_t errlen = 0;
	FILE *mem = open_memstream(&errbuf, &errlen);
	int rc = session_prepare(&ui->sess, &o, ui->sp, true, mem ? mem : stderr);
	if (mem)
		fclose(mem);
	if (rc >= 0) {
		char *nl = errbuf ? strchr(errbuf, '\n') : NULL;
		if (nl)
			*nl = '\0';
		snprintf(ui->message, sizeof ui->message, "%s", errbuf && *errbuf ? errbuf : "cannot start");
		free(errbuf);
		return false;
	}
	free(errbuf);
	ui->sigfd = ui->sess.sigfd;
	session_start(&ui->sess, ui->o);
	ui->in_session = true;
	ui->seen_cue = 0;
	voice_restart(&ui->voice);
	ui->confirming_quit = ui->quit_paused = false;
	ui->last_beep_sec = -1;
	ui_switch(ui, SCREEN_SESSION);
	return true;
}

/* ---- the terminal ---- */

static void setup_colors(struct ui *ui)
{
	ui->color = !ui->o->no_color && has_colors(); /* NO_COLOR: see main.c */
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	static const struct { enum ui_color c; short fg; } table[] = {
		{ C_LEFT, COLOR_BLUE }, { C_RIGHT, COLOR_YELLOW }, { C_ICE, COLOR_CYAN },
		{ C_REST, COLOR_GREEN }, { C_WARN, COLOR_RED }, { C_DIM, -1 },
		{ C_TITLE, -1 }, { C_GOOD, COLOR_GREEN },
	};
	for (size_t i = 0; i < ARRAY_LEN(table); i++)
		init_pair((short)table[i].c, table[i].fg, -1);
}

/* resize_term(), not resizeterm(): the latter also pushes a KEY_RESIZE
 * into ncurses' input queue, and a resize storm with no key pressed fills
 * that queue until getch() stops reading the terminal at all. */
static void resize(struct ui *ui)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    is_term_resized(ws.ws_row, ws.ws_col))
		resize_term(ws.ws_row, ws.ws_col);
	getmaxyx(stdscr, ui->rows, ui->cols);
	clearok(curscr, TRUE);
	ui_direct_forget(ui);
	ui->full = ui->dirty = true;
}

static const char *no_terminal_reason(void)
{
	static char why[160];
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return "standard input or output is not a terminal";
	const char *term = getenv("TERM");
	if (!term || !*term || !strcmp(term, "dumb"))
		return "TERM is dumb or unset";
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, sizeof why, "unknown terminal type '%s'", safe_show(term));
		return why;
	}
	del_curterm(cur_term);
	return NULL;
}

static void teardown(struct ui *ui)
{
	(void)ui;
	if (!isendwin())
		endwin();
}

/* Keys; a read error means the terminal is gone. */
static bool read_keys(struct ui *ui)
{
	int got = 0;
	for (;;) {
		int ch = getch();
		if (ch == ERR)
			break;
		got++;
		if (ch == KEY_RESIZE) {
			resize(ui);
			continue;
		}
		screens[ui->screen]->key(ui, ch);
		ui->dirty = true;
		if (ui->quit)
			break;
	}
	return got > 0;
}

static void end_for_signal(struct ui *ui, int sig)
{
	ui->fatal_sig = sig;
	if (ui->in_session) {
		ui->sess.fatal_sig = sig;
		engine_abort(&ui->sess.e, sigs_name(sig));
	}
	ui->quit = true;
}

/* The terminal hung up without a signal reaching us: end as SIGHUP would. */
static void terminal_gone(struct ui *ui)
{
	if (ui->in_session)
		engine_warn(&ui->sess.e, "the terminal went away");
	end_for_signal(ui, SIGHUP);
}

/* A cue command that cannot be run is said once, on the session's message
 * line, for the rest of the run; the session goes on without it. */
static void note_cue_failure(struct ui *ui)
{
	int e = cue_failure(&ui->voice.cues);
	if (!e)
		return;
	snprintf(ui->cue_note, sizeof ui->cue_note, "The cue command %s cannot be run: %s",
		 ui->voice.argv[0], strerror(e));
	ui->dirty = ui->full = true;
}

static void loop(struct ui *ui)
{
	int idle_reads = 0;
	while (!ui->quit) {
		const struct ui_screen *sc = screens[ui->screen];
		if (ui->in_session)
			ui_session_screen.tick(ui);
		else if (sc->tick)
			sc->tick(ui);
		if (ui->quit)
			break;
		if (ui->dirty || ui->full) {
			screens[ui->screen]->draw(ui);
			/* the hidden cursor ends every update at home, where the
			 * big digits' own writes start and end too */
			move(0, 0);
			/* a second in which only the digits changed touches no
			 * line of stdscr: doupdate() would only compare them */
			if (is_wintouched(stdscr)) {
				wnoutrefresh(stdscr);
				ui_direct_flush_pre(ui);
				doupdate();
			}
			ui_direct_flush_post(ui);
			ui->dirty = ui->full = false;
		}
		long long wake = ui->in_session ? ui_session_screen.next_wake(ui)
						: sc->next_wake ? sc->next_wake(ui) : -1;
		int timeout = -1;
		if (wake >= 0) {
			long long left = wake - clock_real_now_ms();
			timeout = left < 0 ? 0 : left > 60000 ? 60000 : (int)left;
		}
		/* the speech queue and the bells (reaping the cue command,
		 * ending one that will not stop) */
		long long cue_wake = voice_next_wake(&ui->voice, clock_real_now_ms());
		if (cue_wake >= 0) {
			long long left = cue_wake - clock_real_now_ms();
			int t = left < 0 ? 0 : left > 1000 ? 1000 : (int)left;
			if (timeout < 0 || timeout > t)
				timeout = t;
		}
		struct pollfd fds[3] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = ui->sigfd, .events = POLLIN },
			/* the end of the cue speaking: the next may start */
			{ .fd = voice_fd(&ui->voice), .events = POLLIN },
		};
		int n = poll(fds, fds[2].fd >= 0 ? 3 : 2, timeout);
		if (n < 0 && errno != EINTR) {
			terminal_gone(ui);
			break;
		}
		/* time first: a gap (stopped, suspended) is seen before any key
		 * or signal acts on the session */
		if (ui->in_session)
			ui_session_screen.tick(ui);
		bool winch = false, cont = false;
		int sig = 0;
		if (n > 0 && (fds[1].revents & POLLIN))
			sig = sigs_take(&winch, &cont);
		if (sig) {
			end_for_signal(ui, sig);
			break;
		}
		if (n > 0 && (fds[1].revents & POLLIN) && sigs_take_tstp()) {
			/* Ctrl-Z: put the screen away, stop, and come back whole */
			def_prog_mode();
			endwin();
			sigs_stop_self();
			reset_prog_mode();
			winch = true;
			if (ui->in_session)
				ui_session_screen.tick(ui);
		}
		if (winch)
			resize(ui);
		if (cont) {
			clearok(curscr, TRUE);
			ui_direct_forget(ui);
			ui->full = ui->dirty = true;
		}
		if (voice_run(&ui->voice, clock_real_now_ms()))
			ui_alert(ui);
		note_cue_failure(ui);
		if (n > 0 && (fds[0].revents & (POLLERR | POLLNVAL))) {
			terminal_gone(ui);
			break;
		}
		if (n > 0 && (fds[0].revents & (POLLIN | POLLHUP))) {
			if (read_keys(ui)) {
				idle_reads = 0;
			} else if (++idle_reads > 50 || (fds[0].revents & POLLHUP)) {
				/* readable but nothing comes: the terminal hung up */
				terminal_gone(ui);
				break;
			}
		}
	}
}

int ui_run(const struct options *o, const struct search_path *sp)
{
	/* In the background (`recoup R &`, `timeout 900 recoup R`) the terminal
	 * is another job's: curses setting its modes would stop recoup with
	 * SIGTTOU for good, before a line is logged.  A routine runs line by
	 * line instead, keyboard unread: what is timed runs and is logged, as
	 * a timed or backgrounded command is expected to, and a question ends
	 * the session as quit.  The picker is nothing but questions. */
	if (sigs_tty_foreign(STDIN_FILENO) || sigs_tty_foreign(STDOUT_FILENO)) {
		sigs_background_io();
		if (!o->nargs) {
			fprintf(stderr, "%s: the terminal belongs to another job (recoup runs in the "
				"background); the picker needs it in the foreground\n", progname);
			return EXIT_USAGE;
		}
		fprintf(stderr, "%s: in the background; running line by line (--plain)\n", progname);
		return plain_run(o, sp);
	}
	const char *why = no_terminal_reason();
	if (why) {
		if (!o->nargs) {
			fprintf(stderr, "%s: %s; the picker needs a terminal (name a ROUTINE to run it line by line)\n",
				progname, why);
			return EXIT_USAGE;
		}
		if (isatty(STDOUT_FILENO))
			fprintf(stderr, "%s: %s; running line by line (--plain)\n", progname, why);
		return plain_run(o, sp);
	}

	struct ui ui;
	memset(&ui, 0, sizeof ui);
	ui.o = o;
	ui.sp = sp;
	ui.last_beep_sec = -1;
	voice_init(&ui.voice, o->cue_argv, o->use_bell || o->use_flash);
	if (o->speak_missing)
		snprintf(ui.cue_note, sizeof ui.cue_note,
			 "No speech program (espeak-ng, spd-say, say) found: bells instead");
	ui.utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
	if (o->nargs) {
		/* errors in the routine or the log show before the screen changes */
		int rc = session_prepare(&ui.sess, o, sp, true, stderr);
		if (rc >= 0)
			return rc;
		ui.sigfd = ui.sess.sigfd;
	} else {
		ui.sigfd = sigs_install(true);
		ui.picker = picker_new(&ui);
	}

	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "%s: cannot start the screen\n", progname);
		return EXIT_BAD;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	/* the hidden cursor ends each update at home: the big digits' own
	 * writes (ui_direct.c) start from there and go back there */
	leaveok(stdscr, FALSE);
	typeahead(-1);         /* no poll of the keyboard per line */
	ui_direct_init(&ui.direct, cursor_address != NULL);
	setup_colors(&ui);
	getmaxyx(stdscr, ui.rows, ui.cols);

	if (o->nargs) {
		session_start(&ui.sess, o);
		ui.in_session = true;
		ui.screen = SCREEN_SESSION;
	} else {
		ui.screen = SCREEN_PICKER;
	}
	ui.full = ui.dirty = true;
	loop(&ui);
	teardown(&ui);
	ui_direct_free(&ui.direct);

	int rc = EXIT_OK;
	if (ui.in_session) {
		if (ui.sess.e.status == ENGINE_DONE && ui.sess.e.end_status &&
		    !strcmp(ui.sess.e.end_status, "complete") && !ui.fatal_sig)
			printf("%s: complete.\n", safe_show(ui.sess.r->name));
		rc = session_finish(&ui.sess);
	}
	/* the last words (say "Routine complete") may finish, briefly;
	 * after a fatal signal, none */
	voice_finish(&ui.voice, ui.fatal_sig ? 0 : CUE_LINGER_MS);
	if (ui.picker)
		picker_free(ui.picker);
	if (ui.hist_loaded)
		history_free(&ui.hist);
	if (ui.fatal_sig)
		rc = 128 + ui.fatal_sig;
	return rc;
}
