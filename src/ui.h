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
#include "history.h"
#include "paths.h"
#include "session.h"
#include "util.h"
#include "voice.h"

enum ui_screen_id { SCREEN_PICKER, SCREEN_SESSION, SCREEN_HISTORY, SCREEN_HELP, SCREEN_COUNT };

/* Colour pairs. */
enum ui_color { C_NORMAL, C_LEFT, C_RIGHT, C_ICE, C_REST, C_WARN, C_DIM, C_TITLE, C_GOOD, C_COUNT };

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

/* The big digits, drawn by recoup itself (ui_direct.c). */
struct ui_direct {
	bool on;                 /* the terminal can address the cursor */
	int y, x, h, w;          /* the area on the screen; h 0: none */
	unsigned char *want, *shown; /* h x w cells: what to show, what is shown */
	int dy0, dy1, dx0, dx1;  /* the rows and columns set since the last write */
	enum ui_color color;     /* of the blocks */
	struct buf pre, post;    /* written before / after doupdate() */
};

struct ui {
	const struct options *o;
	const struct search_path *sp;
	enum ui_screen_id screen, help_return;
	bool full, dirty, quit;
	bool color, utf8;
	int rows, cols;
	int sigfd;
	int fatal_sig;
	char message[1024];      /* a line or two for the bottom of the screen */

	/* session screen */
	struct session sess;
	bool in_session, session_from_picker, confirming_quit;
	bool quit_paused;       /* the quit question paused the countdown */
	unsigned seen_cue;
	long long last_beep_sec;
	/* what the screen shows now, so a turn redraws only what changed */
	char shown_big[32], shown_phase[128], shown_counters[300];
	int shown_bar[2][2];     /* fill and percent of the step and session bars */
	struct voice voice;      /* speech or bells (voice.h) */
	char cue_note[256];      /* why the cue command cannot be run, if so */
	struct ui_direct direct; /* the big digits */

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

/* Shared drawing helpers (ui.c). */
void ui_switch(struct ui *ui, enum ui_screen_id s);
/* Text clipped to `width` columns (UTF-8 aware); returns columns used. */
int ui_text(int y, int x, int width, const char *s);
/* The same, ending with an ellipsis ("…", or "..." outside UTF-8) when cut. */
int ui_text_cut(struct ui *ui, int y, int x, int width, const char *s);
/* How much of `s` fits in `width` columns: returns the bytes, and the
 * columns in *cols (may be NULL).  With `words`, a cut falls after a space
 * when there is one. */
size_t ui_fit(const char *s, int width, bool words, int *cols);
/* Columns `s` takes on the screen. */
int ui_width(const char *s);
/* `s` wrapped between words into `width` columns over at most `rows` rows
 * from (y, x), the rows after the first indented by `indent`; the last row
 * ends with an ellipsis when even they are not enough.  Returns the rows
 * used. */
int ui_wrap(struct ui *ui, int y, int rows, int x, int width, int indent, const char *s);
/* The rows ui_wrap() wants to show all of `s`. */
int ui_wrap_rows(const char *s, int width, int indent);
/* Below 20x6: the note asking for more room, in its longest form that fits
 * `rows` rows from the top. */
void ui_too_small(struct ui *ui, int rows);
/* The reversed top line: `left`, and `right` (may be NULL) at the end. */
void ui_title_bar(struct ui *ui, const char *left, const char *right);
/* Start a full-screen page: clear, and the title bar.  False (with a
 * "make the window larger" note drawn) when the window is too small. */
bool ui_page(struct ui *ui, const char *title);
/* A progress bar of `width` columns for 0..1. */
void ui_bar(struct ui *ui, int y, int x, int width, double frac);
void ui_color_on(struct ui *ui, enum ui_color c);
void ui_color_off(struct ui *ui, enum ui_color c);
/* The big digits (ui_direct.c), written by recoup itself in one write()
 * after doupdate() instead of through ncurses, which flushes after every
 * cursor move: five rows of a changing digit were five write()s a second.
 * ncurses never draws in the area (stdscr stays blank there) and believes
 * it blank.
 *   ui_direct_area(): the area this frame's digits take (h 0: none); what
 *     was drawn in another area is blanked before doupdate().
 *   ui_direct_color(), ui_direct_set(): the blocks' colour, and each cell
 *     (row and column in the area) a block or not; only changed cells go
 *     out.
 *   ui_direct_forget(): the screen was cleared: nothing is drawn any more.
 *   ui_direct_flush_pre(), _post(): the loop's writes around doupdate(). */
void ui_direct_init(struct ui_direct *d, bool on);
void ui_direct_free(struct ui_direct *d);
void ui_direct_area(struct ui *ui, int y, int x, int h, int w);
void ui_direct_color(struct ui *ui, enum ui_color c);
void ui_direct_set(struct ui *ui, int row, int col, bool block);
void ui_direct_forget(struct ui *ui);
void ui_direct_flush_pre(struct ui *ui);
void ui_direct_flush_post(struct ui *ui);
/* The terminal bell (and flash), as configured. */
void ui_alert(struct ui *ui);
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

/* Picker state (ui_picker.c). */
struct picker *picker_new(struct ui *ui);
void picker_free(struct picker *p);
void picker_reload(struct ui *ui);

#endif
