/* ui.h: the ncurses dashboard, in layers that call downward only
 * (tests/layering.sh checks it):
 *   ui.c         the loop.  It owns the terminal and waits in one place,
 *                poll() on the terminal and the signal pipe, with a timeout
 *                from the next change on screen; keys and time only mark
 *                what is dirty, and each turn ends in one doupdate().  It
 *                calls the screens through their tables; none calls it.
 *   ui_picker.c, ui_session.c, ui_history.c, ui_help.c, ui_checkin.c
 *                the screens, each a table of functions (below) and its
 *                own state.  A screen asks for another with ui_switch(), a
 *                request the loop carries out after the key that asked.
 *                The picker starts a session through ui_session_start().
 *                The history screen draws its charts with
 *                ui_history_charts.c, which knows no other screen.
 *   paint.c, ui_direct.c, bigfont.c, editor.c
 *                below the screens, knowing none: the drawing kit, the big
 *                digits' own writes, the big font, the editor's run.
 * While a session runs, its tick and wake-up drive the loop whatever screen
 * is shown: the countdown goes on under the help screen, which keeps a line
 * of it. */
#ifndef RECOUP_UI_H
#define RECOUP_UI_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "cli.h"
#include "clock.h"
#include "paint.h"
#include "paths.h"
#include "session.h"
#include "ui_direct.h"
#include "util.h"
#include "voice.h"

enum ui_screen_id {
	SCREEN_PICKER, SCREEN_SESSION, SCREEN_HISTORY, SCREEN_HELP, SCREEN_CHECKIN, SCREEN_COUNT
};

struct ui;

struct ui_screen {
	const char *name;
	/* Now shown, coming from `from` (at the start, from itself): make or
	 * refresh the screen's state (may be NULL). */
	void (*show)(struct ui *ui, enum ui_screen_id from);
	/* Free the screen's state, at the end (may be NULL). */
	void (*close)(struct ui *ui);
	/* Draw: everything when ui->full, else only what changes with time. */
	void (*draw)(struct ui *ui);
	void (*key)(struct ui *ui, int ch);
	/* Let time pass (may mark the screen dirty). */
	void (*tick)(struct ui *ui);
	/* Real-clock ms of the next change on screen, or -1. */
	long long (*next_wake)(struct ui *ui);
};

extern const struct ui_screen ui_picker_screen, ui_session_screen,
	ui_history_screen, ui_help_screen, ui_checkin_screen;

/* Each screen's own state, in its own file. */
struct picker;
struct history_view;
struct help_view;
struct checkin_view;

struct ui {
	const struct options *o;
	const struct search_path *sp;
	enum ui_screen_id screen;
	bool full, dirty, quit;
	bool switching;          /* ui_switch() asked for switch_to */
	enum ui_screen_id switch_to;
	struct paint paint;      /* the terminal as the drawing kit sees it */
	int sigfd;
	int timerfd;             /* the wake-up's kernel timer, -1: none */
	long long timer_at;      /* the ms it is set for, -1: not set */
	int fatal_sig;

	/* the session, which the loop ticks whatever the screen */
	struct session sess;
	bool in_session, session_from_picker;
	unsigned seen_cue;
	long long last_beep_sec;
	struct voice voice;      /* speech or bells (voice.h) */
	char cue_note[256];      /* why the cue command cannot be run, if so */
	struct ui_direct direct; /* the big figures, written by recoup itself */
	struct sess_screen *sscreen; /* the session screen's own state */

	/* the other screens' own, made when first shown (NULL before) */
	struct picker *picker;
	struct history_view *history;
	struct help_view *help;
	struct checkin_view *checkin;
	bool checkin_asked;     /* the picker's `c`: a check-in asked for, not
				 * offered (offered, it comes once a run) */
	char *resume_offer;     /* the routine whose session today the picker
				 * offers to resume (ui_resume.c), or NULL */
};

/* Run the dashboard: the picker, or ROUTINE when given.  Falls back to the
 * line-by-line session when there is no usable terminal.  Returns the exit
 * status. */
int ui_run(const struct options *o, const struct search_path *sp);

/* Go to screen `s`: a request, which the loop carries out after the key
 * that made it (the help screen remembers where it was called from). */
static inline void ui_switch(struct ui *ui, enum ui_screen_id s)
{
	ui->switch_to = s;
	ui->switching = true;
}
/* The terminal bell (and flash), as configured. */
static inline void ui_alert(const struct ui *ui)
{
	if (ui->o->use_bell)
		beep();
	if (ui->o->use_flash)
		flash();
}
/* Start a session of `arg` from the picker and show it; its end goes back
 * to the picker.  False, with why in `why`, when it cannot start
 * (ui_session.c). */
bool ui_session_start(struct ui *ui, const char *arg, char *why, size_t n);
/* The same for `recoup --resume [arg]`: the last session of routine
 * `arg` (of any routine when NULL) that did not end complete, from where
 * it stopped. */
bool ui_session_resume(struct ui *ui, const char *arg, char *why, size_t n);
/* The picker's offer to resume the last session of today that did not end
 * complete (ui_resume.c): the offer's words into `msg` (when it is empty),
 * and the key that takes it up (or, without one, resumes the last of any
 * day), errors into `msg`. */
void ui_resume_offer(struct ui *ui, char *msg, size_t n);
void ui_resume_key(struct ui *ui, char *msg, size_t n);
/* The morning check-in (ui_checkin.c), a screen of its own: for
 * `recoup --checkin`, made before the screen starts, its log opened (-1,
 * else the exit status after saying why on `err`); and its end, after the
 * screen is put away: the one-line confirmation printed, the exit status
 * returned.  Offered by the picker, it goes back there when done, and
 * ui_checkin_note() is the line the picker shows (NULL: none). */
int ui_checkin_prepare(struct ui *ui, FILE *err);
int ui_checkin_finish(struct ui *ui);
const char *ui_checkin_note(const struct ui *ui);
/* The session screen's state (ui_session.c): made afresh for each
 * session (what it shows, the quit question), freed at the end. */
void ui_session_begin(struct ui *ui);
void ui_session_free(struct ui *ui);

#endif
