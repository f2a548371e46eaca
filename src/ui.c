/* ui.c: the terminal and the event loop, the top layer of the dashboard
 * (ui.h).  The loop waits in one place, poll() on the terminal and the
 * signal pipe, with a timeout from the screen's next change; keys and
 * signals only mark what is dirty, and drawing happens once per turn.  It
 * calls the screens through their tables, and changes screens when one
 * asks (ui_switch()); no screen calls back into it. */
#include "config.h"

#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/timerfd.h>
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
	[SCREEN_CHECKIN] = &ui_checkin_screen,
};

/* ---- moving between screens ---- */

/* A screen's ui_switch(), carried out.  The loop is the one place that
 * changes screens, and the only one that calls them. */
static void switch_screen(struct ui *ui)
{
	/* a screen shown may ask for another at once (the picker, for the
	 * morning check-in) */
	while (ui->switching) {
		ui->switching = false;
		enum ui_screen_id from = ui->screen;
		ui_direct_frame(&ui->direct);
		ui->screen = ui->switch_to;
		if (screens[ui->screen]->show)
			screens[ui->screen]->show(ui, from);
		ui->full = ui->dirty = true;
	}
}

/* ---- the terminal ---- */

static void setup_colors(struct ui *ui)
{
	ui->paint.color = !ui->o->no_color && has_colors(); /* NO_COLOR: see main.c */
	if (!ui->paint.color)
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
	getmaxyx(stdscr, ui->paint.rows, ui->paint.cols);
	/* all of it again, even where a screen draws only what changed */
	clearok(curscr, TRUE);
	touchwin(stdscr);
	ui_direct_forget(&ui->direct);
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
	if (!isendwin())
		endwin();
}

/* The cursor keys as a terminal sends them before keypad() has switched
 * it to its application mode (smkx): an arrow typed while recoup starts
 * comes as ESC [ B where the terminfo entry knows only ESC O B, and
 * ncurses would hand over a bare Esc, which quits.  Both forms are
 * known, each unless the entry already binds it. */
static void cursor_keys_both_modes(void)
{
	static const struct { char c; int key; } k[] = {
		{ 'A', KEY_UP }, { 'B', KEY_DOWN }, { 'C', KEY_RIGHT },
		{ 'D', KEY_LEFT }, { 'H', KEY_HOME }, { 'F', KEY_END },
	};
	for (size_t i = 0; i < ARRAY_LEN(k); i++) {
		char seq[4] = { '\033', '[', k[i].c, '\0' };
		for (int form = 0; form < 2; form++, seq[1] = 'O')
			if (key_defined(seq) == 0)
				define_key(seq, k[i].key);
	}
}

/* An Esc that came with more bytes behind it is no Esc press but a key
 * ncurses does not know (ESC [ ... final, ESC O x): it is dropped whole,
 * never taken for Esc (which quits the picker).  Esc and a letter
 * together (Alt and the letter) is the letter.  Returns the key to act
 * on, or ERR for none. */
static int after_escape(void)
{
	int ch = getch();
	if (ch == ERR)
		return 27; /* Esc alone */
	if (ch == 'O')
		return getch() == ERR ? 'O' : ERR;
	if (ch != '[')
		return ch;
	/* parameters and intermediates, up to the final byte */
	while ((ch = getch()) != ERR && !(ch >= 0x40 && ch <= 0x7e))
		;
	return ERR;
}

/* Keys; a read error means the terminal is gone. */
static bool read_keys(struct ui *ui)
{
	int got = 0;
	for (;;) {
		int ch = getch();
		if (ch == ERR)
			break;
		if (ch == 27 && (ch = after_escape()) == ERR) {
			got++;
			continue;
		}
		got++;
		if (ch == KEY_RESIZE) {
			resize(ui);
			continue;
		}
		screens[ui->screen]->key(ui, ch);
		/* the next key goes to the screen this one asked for */
		switch_screen(ui);
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
	const char *why = voice_note(&ui->voice);
	if (why) {
		snprintf(ui->cue_note, sizeof ui->cue_note, "%s", why);
		ui->dirty = ui->full = true;
	}
	int e = cue_failure(&ui->voice.cues);
	if (!e)
		return;
	snprintf(ui->cue_note, sizeof ui->cue_note, "The cue command %s cannot be run: %s",
		 ui->voice.argv[0], strerror(e));
	ui->dirty = ui->full = true;
}

/* The wait for `wake` (ms on the engine's clock, -1: none): a kernel
 * timer set to end then, which rings on time, where poll()'s own timeout
 * may end a thousandth of the wait late (a millisecond a second: the
 * kernel's leeway for it).  Set only when the moment changes, and
 * relative.  Elsewhere, or where there is no timer, the timeout of
 * ppoll() (the one returned), to the nanosecond. */
static struct timespec *wait_until(struct ui *ui, long long wake, struct timespec *ts)
{
	long long left = wake >= 0 ? wake * 1000000 - clock_real_now_ns() : 0;
	if (left < 1)
		left = 1; /* a timer set to 0 is one switched off */
	/* a minute at the most: the loop looks again */
	if (left > 60000000000LL)
		left = 60000000000LL;
	ts->tv_sec = (time_t)(left / 1000000000);
	ts->tv_nsec = (long)(left % 1000000000);
	/* the timer for a countdown's seconds; other screens' waits (a log
	 * read, midnight) need no millisecond, and keep ppoll()'s timeout */
	bool timer = ui->timerfd >= 0 && ui->in_session;
	long long set = timer ? wake : -1;
	if (ui->timerfd >= 0 && set != ui->timer_at) {
		struct itimerspec it = { .it_value = *ts };
		if (set < 0)
			it.it_value.tv_sec = it.it_value.tv_nsec = 0;
		if (timerfd_settime(ui->timerfd, 0, &it, NULL) == 0) {
			ui->timer_at = set;
		} else {
			close(ui->timerfd);
			ui->timerfd = -1;
			timer = false;
		}
	}
	return timer || wake < 0 ? NULL : ts;
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
		/* time may ask for another screen too (the picker, for the
		 * morning check-in, once the log is read) */
		switch_screen(ui);
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
				ui_direct_flush_pre(&ui->direct);
				doupdate();
			}
			ui_direct_flush_post(&ui->direct);
			ui->dirty = ui->full = false;
		}
		long long wake = ui->in_session ? ui_session_screen.next_wake(ui)
						: sc->next_wake ? sc->next_wake(ui) : -1;
		/* the speech queue and the bells (reaping the cue command,
		 * ending one that will not stop), within a second */
		long long now_ms = clock_real_now_ms();
		long long cue_wake = voice_next_wake(&ui->voice, now_ms);
		if (cue_wake >= 0 && cue_wake > now_ms + 1000)
			cue_wake = now_ms + 1000;
		if (cue_wake >= 0 && (wake < 0 || cue_wake < wake))
			wake = cue_wake;
		struct timespec ts, *timeout = wait_until(ui, wake, &ts);
		struct pollfd fds[4] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = ui->sigfd, .events = POLLIN },
			{ .fd = ui->timerfd, .events = POLLIN },
			/* the end of the cue speaking: the next may start */
			{ .fd = voice_fd(&ui->voice), .events = POLLIN },
		};
		int n = ppoll(fds, fds[3].fd >= 0 ? 4 : 3, timeout, NULL);
		if (n > 0 && (fds[2].revents & POLLIN))
			ui->timer_at = LLONG_MIN; /* it rang: set again, or off (either quiets it) */
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
			touchwin(stdscr);
			ui_direct_forget(&ui->direct);
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
	/* a session to run at once: ROUTINE, or one to resume */
	bool run = o->nargs || o->resume;
	if (sigs_tty_foreign(STDIN_FILENO) || sigs_tty_foreign(STDOUT_FILENO)) {
		sigs_background_io();
		if (o->mode == MODE_CHECKIN) {
			fprintf(stderr, "%s: the terminal belongs to another job (recoup runs in the "
				"background); the check-in needs it in the foreground\n", progname);
			return EXIT_USAGE;
		}
		if (!run) {
			fprintf(stderr, "%s: the terminal belongs to another job (recoup runs in the "
				"background); the picker needs it in the foreground\n", progname);
			return EXIT_USAGE;
		}
		fprintf(stderr, "%s: in the background; running line by line (--plain)\n", progname);
		return plain_run(o, sp);
	}
	const char *why = no_terminal_reason();
	if (why && o->mode == MODE_CHECKIN)
		return plain_checkin(o);
	if (why) {
		if (!run) {
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
	ui.timerfd = -1;
	ui.timer_at = -1;
	voice_init(&ui.voice, o->cue_argv, o->use_bell || o->use_flash, o->speed);
	if (o->speak_missing)
		snprintf(ui.cue_note, sizeof ui.cue_note,
			 "No speech program (espeak-ng, spd-say, say) found: bells instead");
	ui.paint.utf8 = safe_locale_utf8();
	if (run) {
		/* errors in the routine or the log show before the screen changes */
		int rc = session_prepare(&ui.sess, o, sp, true, stderr);
		if (rc >= 0)
			return rc;
		ui.sigfd = ui.sess.sigfd;
	} else {
		if (o->mode == MODE_CHECKIN) {
			int rc = ui_checkin_prepare(&ui, stderr);
			if (rc >= 0)
				return rc;
		}
		ui.sigfd = sigs_install(true);
	}

	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "%s: cannot start the screen\n", progname);
		return EXIT_BAD;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	cursor_keys_both_modes();
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	/* the hidden cursor ends each update at home: the big digits' own
	 * writes (ui_direct.c) start from there and go back there */
	leaveok(stdscr, FALSE);
	typeahead(-1);         /* no poll of the keyboard per line */
	ui_direct_init(&ui.direct, &ui.paint, cursor_address != NULL);
	ui.timerfd = timerfd_create(clock_real_id(), TFD_CLOEXEC | TFD_NONBLOCK);
	if (ui.timerfd < 0)
		ui.timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	setup_colors(&ui);
	getmaxyx(stdscr, ui.paint.rows, ui.paint.cols);

	if (run) {
		session_start(&ui.sess, o);
		ui.in_session = true;
		ui_session_begin(&ui);
	}
	ui.screen = run ? SCREEN_SESSION :
		    o->mode == MODE_CHECKIN ? SCREEN_CHECKIN : SCREEN_PICKER;
	ui_switch(&ui, ui.screen);
	switch_screen(&ui);
	loop(&ui);
	teardown(&ui);
	ui_direct_free(&ui.direct);
	if (ui.timerfd >= 0)
		close(ui.timerfd);
	ui_session_free(&ui);

	int rc = EXIT_OK;
	if (ui.in_session) {
		if (ui.sess.e.status == ENGINE_DONE && ui.sess.e.end_status &&
		    !strcmp(ui.sess.e.end_status, "complete") && !ui.fatal_sig)
			printf("%s: complete.\n", safe_show(ui.sess.r->name));
		rc = session_finish(&ui.sess);
	}
	if (o->mode == MODE_CHECKIN)
		rc = ui_checkin_finish(&ui);
	/* the last words (say "Routine complete") may finish, briefly;
	 * after a fatal signal, none */
	voice_finish(&ui.voice, ui.fatal_sig ? 0 : CUE_LINGER_MS);
	for (size_t i = 0; i < ARRAY_LEN(screens); i++)
		if (screens[i]->close)
			screens[i]->close(&ui);
	free(ui.resume_offer);
	if (ui.fatal_sig)
		rc = 128 + ui.fatal_sig;
	return rc;
}
