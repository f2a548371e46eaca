/* ui_help.c: the keys, one screen; any key goes back. */
#include "config.h"

#include <curses.h>
#include <stdio.h>

#include "ui.h"
#include "util.h"

static void keyname_of(int k, char *out, size_t n)
{
	if (k == ' ')
		snprintf(out, n, "space");
	else
		snprintf(out, n, "%c", k);
}

static void draw(struct ui *ui)
{
	const struct options *o = ui->o;
	char pause[16], next[16], back[16], quit[16];
	keyname_of(o->key_pause, pause, sizeof pause);
	keyname_of(o->key_next, next, sizeof next);
	keyname_of(o->key_back, back, sizeof back);
	keyname_of(o->key_quit, quit, sizeof quit);
	char lines[16][128];
	int n = 0;
	snprintf(lines[n++], 128, "During a session");
	snprintf(lines[n++], 128, "  %-12s pause / resume (a rep, in a self-paced set)", pause);
	snprintf(lines[n++], 128, "  %s or Right  next: skip ahead, end a set early", next);
	snprintf(lines[n++], 128, "  %s or Left   back: restart this part, or the one before", back);
	snprintf(lines[n++], 128, "  + and -      add or take 15 seconds");
	snprintf(lines[n++], 128, "  0-9, Enter   a rating, or the reps done");
	snprintf(lines[n++], 128, "  %-12s quit (asks first)", quit);
	snprintf(lines[n++], 128, " ");
	snprintf(lines[n++], 128, "In the list");
	snprintf(lines[n++], 128, "  Enter        start the routine");
	snprintf(lines[n++], 128, "  e            edit it in $EDITOR, then check it");
	snprintf(lines[n++], 128, "  h            history");
	snprintf(lines[n++], 128, "  q            quit");
	snprintf(lines[n++], 128, " ");
	snprintf(lines[n++], 128, "Any key to go back.  recoup is a timer and a diary, not medical advice.");
	if (!ui_page(ui, "recoup: keys"))
		return;
	for (int i = 0; i < n && i + 1 < ui->rows; i++)
		ui_text(i + 1, 1, ui->cols - 2, lines[i]);
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
