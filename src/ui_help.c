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

/* One row: a key and what it does, or (key empty) a heading, a note or a
 * blank.  `brief` is what it does in fewer words, for a narrow window
 * (NULL: `what` is short already). */
struct help_row {
	char key[24];
	const char *what, *brief;
};

/* Under this many columns for the descriptions, each goes under its key. */
#define HELP_NARROW 16

/* Row `r` from row y on, in no more than `rows` rows: its key, and what
 * it does in the column past the keys (`keyw` wide), in its short words
 * where the long ones do not fit, wrapped between words when even those
 * do not; where that column is too narrow, under the key.  Returns the
 * rows used. */
static int draw_row(struct ui *ui, const struct help_row *r, int y, int rows, int keyw)
{
	int cols = ui->paint.cols;
	if (!r->key[0]) {
		/* a heading or a note: wrapped; a blank takes its row */
		if (!r->what[0])
			return 1;
		return paint_wrap(&ui->paint, y, rows, 1, cols - 2, 0, r->what);
	}
	paint_text(y, 3, cols - 4, r->key);
	int x = 4 + keyw, w = cols - 5 - keyw, used = 0;
	if (w < HELP_NARROW) {
		/* under the key, a little in */
		x = 5;
		w = cols - 6;
		used = 1;
	}
	if (used >= rows)
		return used;
	const char *what = r->what;
	if (paint_width(what) > w && r->brief)
		what = r->brief;
	return used + paint_wrap(&ui->paint, y + used, rows - used, x, w, 0, what);
}

static void draw_keys(struct ui *ui, int last)
{
	const struct options *o = ui->o;
	char pause[8], next[8], back[8], quit[8];
	keyname_of(o->key_pause, pause, sizeof pause);
	keyname_of(o->key_next, next, sizeof next);
	keyname_of(o->key_back, back, sizeof back);
	keyname_of(o->key_quit, quit, sizeof quit);
	struct help_row rows[29];
	int n = 0;
#define ROW(what_, brief_, ...) do { \
		snprintf(rows[n].key, sizeof rows[n].key, __VA_ARGS__); \
		rows[n].what = (what_); \
		rows[n++].brief = (brief_); \
	} while (0)
#define TEXT(what_) ROW(what_, NULL, "%s", "")
	TEXT("During a session");
	ROW("pause / resume (a rep, in a self-paced set)", "pause / resume", "%s", pause);
	ROW("next: skip ahead, end a set early", "skip, end a set early", "%s or Right", next);
	ROW("back: restart this part, or the one before", "restart, or go back", "%s or Left", back);
	ROW("add or take 15 seconds", "15 s more, less", "+ and -");
	ROW("a rating, or the reps done", "rating, reps done", "0-9, Enter");
	ROW("load up, down a step (this side, rest of the step)", "load up, down a step",
	    "l and L");
	ROW(o->confirm_quit ? "quit (asks first)" : "quit", NULL, "%s", quit);
	/* over a session, the keys that act there, and no others */
	if (ui->help->back != SCREEN_SESSION) {
		TEXT("");
		TEXT("In the list");
		/* ui_picker.c's key(): keep the two in step */
		ROW("move up, down", NULL, "Up k, Down j");
		ROW("a page up, down", NULL, "PgUp, PgDn");
		ROW("the first, the last", NULL, "Home g, End G");
		ROW("start the routine", NULL, "Enter");
		ROW("edit it in $EDITOR, then check it", "edit in $EDITOR", "e");
		ROW("revert your copy to the one it hides", "revert your copy", "r");
		/* ui_picker_manage.c; the config's quit key wins over these */
		char manage[16] = "";
		for (const char *c = "ndmx"; *c; c++)
			if (o->key_quit != *c)
				snprintf(manage + strlen(manage), sizeof manage - strlen(manage),
					 "%s%c", manage[0] ? " " : "", *c);
		ROW("new routine; duplicate, rename, delete it (also Delete)",
		    "new, duplicate, rename, delete", "%s", manage);
		ROW("history", NULL, "h");
		ROW("the morning check-in (pain, stiffness)", "morning check-in", "c");
		ROW("resume the last session not complete", "resume a session", "u");
		ROW("these keys", NULL, "?");
		/* the quit key of the config quits the list too */
		if (o->key_quit == 'q')
			ROW("quit", NULL, "q");
		else
			ROW("quit", NULL, "q or %s", quit);
	} else {
		ROW("these keys", NULL, "?");
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
	/* short of rows, the blank ones go first, from the bottom up: the
	 * keys all show before the spacing does */
	for (int i = n - 1; i >= 0 && n > last; i--)
		if (!rows[i].key[0] && !rows[i].what[0]) {
			memmove(&rows[i], &rows[i + 1], (size_t)(n - i - 1) * sizeof *rows);
			n--;
		}
	/* every description starts in one column, past the longest key */
	int keyw = 12;
	for (int i = 0; i < n; i++)
		if ((int)strlen(rows[i].key) > keyw)
			keyw = (int)strlen(rows[i].key);
	/* as many rows as there is room for, from the top */
	for (int i = 0, y = 1; i < n && y <= last; i++)
		y += draw_row(ui, &rows[i], y, last - y + 1, keyw);
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
