/* ui.h: the ncurses dashboard.  ui.c owns the terminal and the one event
 * loop (poll on the terminal and the signal pipe, timeout from the screen's
 * next change); each screen (picker, session, history, help) lives in its own
 * file behind a small table of functions.  Screens draw into stdscr and mark
 * what changed; the loop does one doupdate() per turn. */
#ifndef RECOUP_UI_H
#define RECOUP_UI_H

#include <stdbool.h>
#include <sys/types.h>

#include "cli.h"
#include "cue.h"
#include "history.h"
#include "paint.h"
#include "paths.h"
#include "session.h"
#include "ui_direct.h"
#include "util.h"

enum ui_screen_id { SCREEN_PICKER, SCREEN_SESSION, SCREEN_HISTORY, SCREEN_HELP, SCREEN_COUNT };

struct ui;

struct ui_screen {
	const char *name;
	/* Draw: everything when ui->full, else only what changes with time. */
	void (*draw)(struct ui *ui);
	void (*key)(struct ui *ui, int ch);
	/* Let time pass (may mark the screen dirty). */
	void (*tick)(struct ui *ui);
	/* Real-clock ms of the next change on screen, or -1. */
	long long (*next_wake)(struct ui *ui);
};

extern const struct ui_screen ui_picker_screen, ui_session_screen,
	ui_history_screen, ui_help_screen;

struct picker;

struct ui {
	const struct options *o;
	const struct search_path *sp;
	enum ui_screen_id screen, help_return;
	bool full, dirty, quit;
	struct paint paint;      /* the terminal as the drawing kit sees it */
	int sigfd;
	int fatal_sig;
	char message[1024];      /* a line or two for the bottom of the screen */

	/* the session, which the loop ticks whatever the screen */
	struct session sess;
	bool in_session, session_from_picker;
	unsigned seen_cue;
	long long last_beep_sec;
	struct cues cues;        /* the cue command's processes */
	char cue_note[256];      /* why the cue command cannot be run, if so */
	struct ui_direct direct; /* the big figures, written by recoup itself */
	struct sess_screen *sscreen; /* the session screen's own state */

	/* picker screen */
	struct picker *picker;

	/* history screen */
	struct history hist;
	bool hist_loaded;
	int hist_scroll;
	enum ui_screen_id hist_return;
};

/* Run the dashboard: the picker, or ROUTINE when given.  Falls back to the
 * line-by-line session when there is no usable terminal.  Returns the exit
 * status. */
int ui_run(const struct options *o, const struct search_path *sp);

/* Go to screen `s` (the help screen remembers where it was called from). */
void ui_switch(struct ui *ui, enum ui_screen_id s);
/* The terminal bell (and flash), as configured. */
void ui_alert(struct ui *ui);
/* Say `text` through the cue command, if one is configured. */
void ui_speak(struct ui *ui, const char *text);
/* Run $VISUAL or $EDITOR (else vi) on `path`, at `line` when > 0, with
 * the screen put away.  Returns 0 when it ran and exited 0; 1 when it ran
 * but failed (exit status, signal) and -1 when it could not be run at all
 * (errno), both with `why` saying so, naming the editor. */
int ui_edit(struct ui *ui, const char *path, int line, char *why, size_t n);
/* Start a session of `arg` from the picker.  False (with ui->message set)
 * when it cannot start. */
bool ui_start_session(struct ui *ui, const char *arg);
/* Load the history from the log (once; again after a session). */
void ui_load_history(struct ui *ui);

/* The session screen's state (ui_session.c): made afresh for each
 * session (what it shows, the quit question), freed at the end. */
void ui_session_begin(struct ui *ui);
void ui_session_free(struct ui *ui);

/* Picker state (ui_picker.c). */
struct picker *picker_new(struct ui *ui);
void picker_free(struct picker *p);
void picker_reload(struct ui *ui);

#endif
