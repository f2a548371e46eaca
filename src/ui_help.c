/* ui_help.c: the keys, one screen; any key goes back. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util.h"

static void keyname_of(int k, char *out, size_t n)
{
	if (k == ' ')
		snprintf(out, n, "space");
	else
		snprintf(out, n, "%c", k);
}

/* One row: a key and what it does, or (key empty) a heading or a blank. */
struct help_row {
	char key[24];
	const char *what;
};

static void draw(struct ui *ui)
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
	ROW(o->confirm_quit ? "quit (asks first)" : "quit", "%s", quit);
	/* over a session, the keys that act there, and no others */
	if (ui->help_return != SCREEN_SESSION) {
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
	TEXT("Any key to go back.  recoup is a timer and a diary, not medical advice.");
#undef TEXT
#undef ROW
	/* every description starts in one column, past the longest key */
	int keyw = 12;
	for (int i = 0; i < n; i++)
		if ((int)strlen(rows[i].key) > keyw)
			keyw = (int)strlen(rows[i].key);
	if (!paint_page(&ui->paint, "recoup: keys"))
		return;
	for (int i = 0; i < n && i + 1 < ui->paint.rows; i++) {
		if (!rows[i].key[0]) {
			paint_text(i + 1, 1, ui->paint.cols - 2, rows[i].what);
			continue;
		}
		paint_text(i + 1, 3, ui->paint.cols - 4, rows[i].key);
		paint_text(i + 1, 4 + keyw, ui->paint.cols - 5 - keyw, rows[i].what);
	}
}

static void key(struct ui *ui, int ch)
{
	(void)ch;
	ui_switch(ui, ui->help_return);
}

const struct ui_screen ui_help_screen = {
	.name = "help",
	.draw = draw,
	.key = key,
};
