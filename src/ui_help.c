/* ui_help.c: the keys, one screen; any key goes back.  It pauses nothing:
 * over a running session its last row keeps what is under way and the
 * time left, redrawn as the countdown goes on, and the note above it says
 * whether the session goes on, is paused or is over. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "ui.h"
#include "ui_session_text.h"
#include "util.h"

/* The screen's own state. */
struct help_view {
	enum ui_screen_id back;  /* where any key goes */
	char shown[300];         /* the session's line as last drawn */
	const char *note;        /* the note under the keys as last drawn */
};

static void show(struct ui *ui, enum ui_screen_id from)
{
	if (!ui->help)
		ui->help = xcalloc(1, sizeof *ui->help);
	ui->help->back = from;
}

static void close_help(struct ui *ui)
{
	free(ui->help);
	ui->help = NULL;
}

static void keyname_of(int k, char *out, size_t n)
{
	if (k == ' ')
		snprintf(out, n, "space");
	else
		snprintf(out, n, "%c", k);
}

/* ---- the session's line ---- */

/* "Under way: LEFT  ICE ON, 12:41 left (Ice both calves)": the part as
 * the session screen's heading words it, the time left when it is timed,
 * and the step's name.  Where that does not fit `w` columns, the time
 * first ("12:41 left: LEFT  ICE ON"), so that a narrow window cuts the
 * words, not the time. */
static void session_line(struct ui *ui, int w, char *out, size_t n)
{
	struct engine_view v;
	engine_view_numbers(&ui->sess.e, &v);
	if (v.done) {
		snprintf(out, n, "The session is over: any key to see it");
		return;
	}
	char part[64], left[48] = "";
	/* the words of the session screen's heading, without its time */
	sess_heading(&v, "", (int)sizeof part - 1, part, sizeof part);
	if (v.timed) {
		char t[32];
		format_clock(t, sizeof t, v.remaining);
		snprintf(left, sizeof left, "%s left", t);
	} else if (v.input != INPUT_NONE) {
		snprintf(left, sizeof left, "waiting for you");
	}
	snprintf(out, n, "Under way: %s%s%s (%s)", part, left[0] ? ", " : "", left, v.step->name);
	if (paint_width(out) > w && left[0])
		snprintf(out, n, "%s: %s", left, part);
}

/* The line on the last row, drawn when it changed (every second of a
 * countdown) or with the whole screen (`all`). */
static void draw_session_line(struct ui *ui, bool all)
{
	struct help_view *h = ui->help;
	char line[sizeof h->shown];
	session_line(ui, ui->paint.cols - 2, line, sizeof line);
	if (!all && !strcmp(line, h->shown))
		return;
	snprintf(h->shown, sizeof h->shown, "%s", line);
	int y = ui->paint.rows - 1;
	move(y, 0);
	clrtoeol();
	paint_color_on(&ui->paint, C_TITLE);
	paint_text_cut(&ui->paint, y, 1, ui->paint.cols - 2, line);
	paint_color_off(&ui->paint, C_TITLE);
}

/* The note under the keys over a session: what it does while they are
 * shown.  A paused session stays paused (the keys go back to its screen,
 * where the pause key resumes it); one that ended waits for a key. */
static const char *session_note(struct ui *ui)
{
	struct engine_view v;
	engine_view_numbers(&ui->sess.e, &v);
	if (v.done)
		return "Any key to go back.  The session is over.";
	if (v.paused)
		return "Any key to go back.  The session is paused.";
	return "Any key to go back.  The session goes on meanwhile.";
}

/* ---- the keys ---- */

/* One row: a key and what it does, or (key empty) a heading or a blank. */
struct help_row {
	char key[24];
	const char *what;
};

static void draw_keys(struct ui *ui, int last)
{
	const struct options *o = ui->o;
	char pause[8], next[8], back[8], quit[8];
	keyname_of(o->key_pause, pause, sizeof pause);
	keyname_of(o->key_next, next, sizeof next);
	keyname_of(o->key_back, back, sizeof back);
	keyname_of(o->key_quit, quit, sizeof quit);
	struct help_row rows[24];
	int n = 0;
#define ROW(what_, ...) do { \
		snprintf(rows[n].key, sizeof rows[n].key, __VA_ARGS__); \
		rows[n++].what = (what_); \
	} while (0)
#define TEXT(what_) ROW(what_, "%s", "")
	TEXT("During a session");
	ROW("pause / resume (a rep, in a self-paced set)", "%s", pause);
	ROW("next: skip ahead, end a set early", "%s or Right", next);
	ROW("back: restart this part, or the one before", "%s or Left", back);
	ROW("add or take 15 seconds", "+ and -");
	ROW("a rating, or the reps done", "0-9, Enter");
	ROW("load up, down a step (this side, rest of the step)", "l and L");
	ROW(o->confirm_quit ? "quit (asks first)" : "quit", "%s", quit);
	/* over a session, the keys that act there, and no others */
	if (ui->help->back != SCREEN_SESSION) {
		TEXT("");
		TEXT("In the list");
		/* ui_picker.c's key(): keep the two in step */
		ROW("move up, down", "Up k, Down j");
		ROW("a page up, down", "PgUp, PgDn");
		ROW("the first, the last", "Home g, End G");
		ROW("start the routine", "Enter");
		ROW("edit it in $EDITOR, then check it", "e");
		ROW("revert your copy to the one it hides", "r");
		ROW("history", "h");
		ROW("these keys", "?");
		/* the quit key of the config quits the list too */
		if (o->key_quit == 'q')
			ROW("quit", "q");
		else
			ROW("quit", "q or %s", quit);
	} else {
		ROW("these keys", "?");
	}
	TEXT("");
	if (ui->in_session) {
		/* its line is at the bottom */
		TEXT(ui->help->note);
		TEXT("recoup is a timer and a diary, not medical advice.");
	} else {
		TEXT("Any key to go back.  recoup is a timer and a diary, not medical advice.");
	}
#undef TEXT
#undef ROW
	/* every description starts in one column, past the longest key */
	int keyw = 12;
	for (int i = 0; i < n; i++)
		if ((int)strlen(rows[i].key) > keyw)
			keyw = (int)strlen(rows[i].key);
	for (int i = 0; i < n && i + 1 <= last; i++) {
		if (!rows[i].key[0]) {
			paint_text(i + 1, 1, ui->paint.cols - 2, rows[i].what);
			continue;
		}
		paint_text(i + 1, 3, ui->paint.cols - 4, rows[i].key);
		paint_text(i + 1, 4 + keyw, ui->paint.cols - 5 - keyw, rows[i].what);
	}
}

static void draw(struct ui *ui)
{
	/* a second of the session under it changes its line, nothing else,
	 * unless the note about it no longer holds (it was paused or
	 * resumed, or it ended): then all of it */
	const char *note = ui->in_session ? session_note(ui) : NULL;
	bool all = ui->full || note != ui->help->note;
	ui->help->note = note;
	if (!all) {
		if (ui->in_session)
			draw_session_line(ui, false);
		return;
	}
	bool small = ui->paint.rows < 6 || ui->paint.cols < 20;
	if (small && ui->in_session) {
		/* the note asking for room, and the session's line under it */
		erase();
		paint_too_small(&ui->paint, ui->paint.rows - 1);
		draw_session_line(ui, true);
		return;
	}
	if (!paint_page(&ui->paint, "recoup: keys"))
		return;
	/* the rows of keys end above the session's line */
	draw_keys(ui, ui->paint.rows - 1 - ui->in_session);
	if (ui->in_session)
		draw_session_line(ui, true);
}

static void key(struct ui *ui, int ch)
{
	(void)ch;
	ui_switch(ui, ui->help->back);
}

const struct ui_screen ui_help_screen = {
	.name = "help",
	.show = show,
	.close = close_help,
	.draw = draw,
	.key = key,
};
