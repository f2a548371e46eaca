/* ui_checkin.c: the morning check-in on the dashboard, a screen of its
 * own: each item (pain, stiffness, ... as configured) is one or two keys,
 * 0 to 10, the pain zones beside pain.  `recoup --checkin` ends with it;
 * offered by the picker, it goes back to the picker (s or Esc skips it). */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkin.h"
#include "clock.h"
#include "plain.h"
#include "ui.h"
#include "util.h"
#include "zones.h"

struct checkin_view {
	struct checkin c;
	struct slog log;
	bool log_open;
	bool offer;         /* the picker offered it: back there at the end */
	bool over, left;    /* answered (or left, nothing logged) */
	char note[1024];    /* the one-line confirmation */
};

static void view_close_log(struct checkin_view *v, int *unwritten)
{
	size_t n = 0;
	if (v->log_open)
		n = slog_close(&v->log, stderr);
	v->log_open = false;
	if (unwritten)
		*unwritten = n > 0;
}

/* The state, and the log opened; -1 when ready, else after saying why on
 * `err`, the exit status. */
static int view_make(struct ui *ui, FILE *err)
{
	if (!ui->checkin)
		ui->checkin = xcalloc(1, sizeof *ui->checkin);
	struct checkin_view *v = ui->checkin;
	if (!v->log_open) {
		if (checkin_open_log(&v->log, ui->o, err) < 0)
			return EXIT_BAD;
		v->log_open = true;
	}
	return -1;
}

int ui_checkin_prepare(struct ui *ui, FILE *err)
{
	return view_make(ui, err);
}

/* The confirmation, once the last item is answered: the line is logged. */
static void finish(struct ui *ui)
{
	struct checkin_view *v = ui->checkin;
	struct buf said;
	buf_init(&said);
	checkin_summary(&v->c, &said);
	v->over = true;
	if (!checkin_log(&v->c, &v->log))
		snprintf(v->note, sizeof v->note, "Check-in: nothing answered; nothing logged.");
	else if (!v->log.path)
		snprintf(v->note, sizeof v->note, "Checked in: %s; not logged (--no-log).", said.s);
	else if (slog_failing(&v->log))
		snprintf(v->note, sizeof v->note, "Checked in: %s; the log %s cannot be written now "
			 "(kept and retried).", said.s, v->log.path);
	else
		snprintf(v->note, sizeof v->note, "Checked in: %s. Logged to %s", said.s, v->log.path);
	buf_free(&said);
	if (v->offer)
		ui_switch(ui, SCREEN_PICKER);
	else
		ui->quit = true;
}

static void leave(struct ui *ui)
{
	struct checkin_view *v = ui->checkin;
	v->over = v->left = true;
	snprintf(v->note, sizeof v->note, v->offer ? "Check-in skipped; nothing logged."
		 : "Check-in left; nothing logged.");
	if (v->offer)
		ui_switch(ui, SCREEN_PICKER);
	else
		ui->quit = true;
}

static void show(struct ui *ui, enum ui_screen_id from)
{
	bool offer = from == SCREEN_PICKER;
	bool asked = ui->checkin_asked;
	ui->checkin_asked = false;
	if (offer && !asked && ui->checkin && ui->checkin->over)
		return; /* offered once a run; `c` in the picker asks again */
	/* the picker has no stderr to show: a log that cannot be opened is
	 * said on its message line, and the picker comes back */
	char *msg = NULL;
	size_t len = 0;
	FILE *err = offer ? open_memstream(&msg, &len) : stderr;
	int rc = err ? view_make(ui, err) : EXIT_BAD;
	if (offer && err)
		fclose(err);
	struct checkin_view *v = ui->checkin;
	if (!v)
		v = ui->checkin = xcalloc(1, sizeof *ui->checkin);
	v->offer = offer;
	if (rc >= 0) {
		v->over = v->left = true;
		snprintf(v->note, sizeof v->note, "No check-in: %s",
			 msg && *msg ? msg : "the log cannot be opened");
		char *nl;
		while ((nl = strchr(v->note, '\n')))
			*nl = ' ';
		free(msg);
		if (offer)
			ui_switch(ui, SCREEN_PICKER);
		else
			ui->quit = true;
		return;
	}
	free(msg);
	v->over = v->left = false; /* `c` again after one: a new check-in */
	v->note[0] = '\0';
	checkin_begin(&v->c, ui->o->checkin_items, ui->o->ncheckin_items, clock_real_now_ms());
}

static void close_checkin(struct ui *ui)
{
	if (!ui->checkin)
		return;
	view_close_log(ui->checkin, NULL);
	free(ui->checkin);
	ui->checkin = NULL;
}

int ui_checkin_finish(struct ui *ui)
{
	struct checkin_view *v = ui->checkin;
	if (!v)
		return EXIT_OK;
	/* a fatal signal ends it without a word (ui_run() gives the status) */
	if (v->note[0] && !ui->fatal_sig)
		printf("%s\n", v->note);
	int unwritten;
	view_close_log(v, &unwritten);
	return unwritten ? EXIT_BAD : EXIT_OK;
}

const char *ui_checkin_note(const struct ui *ui)
{
	return ui->checkin && ui->checkin->over && ui->checkin->note[0] ? ui->checkin->note : NULL;
}

/* ---- drawing ---- */

/* The key help, in the longest form that fits. */
static void draw_keys(struct ui *ui)
{
	const struct checkin_view *v = ui->checkin;
	const char *forms[4];
	if (v->offer) {
		forms[0] = "0-9 answer  1 then 0: 10  Enter skip one  b back  s skip the check-in";
		forms[1] = "0-9 answer, 1 then 0: 10, Enter skip, b back, s skip all";
		forms[2] = "0-9, 1 0: 10, Enter skip, s skip all";
		forms[3] = "0-10  s skip";
	} else {
		forms[0] = "0-9 answer  1 then 0: 10  Enter skip one  b back  q leave, nothing logged";
		forms[1] = "0-9 answer, 1 then 0: 10, Enter skip, b back, q leave";
		forms[2] = "0-9, 1 0: 10, Enter skip, q leave";
		forms[3] = "0-10  q leave";
	}
	size_t i = 0;
	while (i + 1 < ARRAY_LEN(forms) && paint_width(forms[i]) > ui->paint.cols - 2)
		i++;
	paint_color_on(&ui->paint, C_DIM);
	paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2, forms[i]);
	paint_color_off(&ui->paint, C_DIM);
}

/* The answer column of item i. */
static void draw_answer(struct ui *ui, int y, int x, int w, size_t i)
{
	const struct checkin *c = &ui->checkin->c;
	char s[64];
	if (i == c->cur) {
		attron(A_BOLD);
		/* after a 1, the hint that fits whole: never cut mid-phrase */
		const char *hint = !c->one ? "_" : paint_width("1_  0 for 10, Enter for 1") <= w ?
			"1_  0 for 10, Enter for 1" : paint_width("1_  0: 10") <= w ? "1_  0: 10" : "1_";
		paint_text(y, x, w, hint);
		attroff(A_BOLD);
		return;
	}
	if (i > c->cur)
		return;
	if (c->value[i] < 0) {
		paint_color_on(&ui->paint, C_DIM);
		paint_text(y, x, w, "skipped");
		paint_color_off(&ui->paint, C_DIM);
		return;
	}
	if (!checkin_is_pain(c->items[i])) {
		snprintf(s, sizeof s, "%d", c->value[i]);
		paint_text(y, x, w, s);
		return;
	}
	/* the zone in words too: told apart without colour */
	snprintf(s, sizeof s, "%d %s", c->value[i], pain_value_word(c->value[i]));
	paint_color_on(&ui->paint, paint_zone_color(pain_zone(c->value[i])));
	paint_text(y, x, w, s);
	paint_color_off(&ui->paint, paint_zone_color(pain_zone(c->value[i])));
}

static void draw(struct ui *ui)
{
	const struct checkin_view *v = ui->checkin;
	const struct checkin *c = &v->c;
	if (!paint_page(&ui->paint, "recoup: morning check-in"))
		return;
	int cols = ui->paint.cols, last = ui->paint.rows - 2;
	bool roomy = ui->paint.rows >= 12;
	int y = 1 + roomy;
	y += paint_wrap(&ui->paint, y, last - y + 1 > 2 ? 2 : last - y + 1, 2, cols - 4, 0,
			"How is it this morning, on getting up? 0 to 10 each.");
	y += roomy;
	int namew = 0;
	char title[CHECKIN_NAME_MAX + 1];
	for (size_t i = 0; i < c->n; i++) {
		checkin_item_title(c->items[i], title, sizeof title);
		if (paint_width(title) > namew)
			namew = paint_width(title);
	}
	if (namew > cols / 2)
		namew = cols / 2;
	for (size_t i = 0; i < c->n && y <= last; i++, y++) {
		checkin_item_title(c->items[i], title, sizeof title);
		bool cur = i == c->cur;
		paint_text(y, 2, 2, cur ? ">" : " ");
		if (cur)
			paint_color_on(&ui->paint, C_TITLE);
		paint_text_cut(&ui->paint, y, 4, namew, title);
		if (cur)
			paint_color_off(&ui->paint, C_TITLE);
		int x = 4 + namew + 2;
		if (x < cols - 1)
			draw_answer(ui, y, x, cols - 1 - x, i);
		if (cur && checkin_is_pain(c->items[i]) && y + 1 <= last) {
			/* the zones under the item they read */
			paint_color_on(&ui->paint, C_DIM);
			y += paint_wrap(&ui->paint, y + 1, last - y, 6, cols - 7, 0,
					checkin_zones_text());
			paint_color_off(&ui->paint, C_DIM);
		}
	}
	draw_keys(ui);
}

/* ---- keys ---- */

static void key(struct ui *ui, int ch)
{
	struct checkin_view *v = ui->checkin;
	struct checkin *c = &v->c;
	ui->full = true;
	if (v->over)
		return;
	long long now = clock_real_now_ms();
	if (ch >= '0' && ch <= '9')
		checkin_digit(c, ch - '0', now);
	else if (ch == '\r' || ch == '\n' || ch == KEY_ENTER || ch == 'n' || ch == ui->o->key_next)
		checkin_enter(c, now);
	else if (ch == 'b' || ch == KEY_BACKSPACE || ch == 127 || ch == 8 || ch == KEY_LEFT ||
		 ch == ui->o->key_back)
		checkin_back(c);
	else if (ch == 'q' || ch == 27 || ch == ui->o->key_quit || (v->offer && ch == 's'))
		leave(ui);
	if (!v->over && checkin_done(c))
		finish(ui);
}

const struct ui_screen ui_checkin_screen = {
	.name = "checkin",
	.show = show,
	.close = close_checkin,
	.draw = draw,
	.key = key,
};
