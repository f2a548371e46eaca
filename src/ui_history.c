/* ui_history.c: the history view: charts of the log read at a glance.
 * Per routine a calendar of the days done against the days its schedule
 * asks for; per exercise each side's reps and load over the weeks; the
 * ratings, before and after paired by session; the morning pain against
 * the lines of the pain model, and each check-in item's last days in
 * words.  Charts sit side by side where the window has the room
 * (ui_history_charts.c draws them).  The numbers are those of --history. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "history.h"
#include "logfmt.h"
#include "paint.h"
#include "paths.h"
#include "session.h"
#include "ui.h"
#include "ui_history_charts.h"
#include "util.h"
#include "zones.h"

/* The screen's own state: the log as read when it was shown. */
struct history_view {
	struct history hist;
	struct hc_item *exercises, *ratings; /* the charts' entries */
	size_t nexercises, nratings;
	int scroll;              /* lines scrolled past */
	enum ui_screen_id back;  /* where q goes */
};

static void view_free(struct history_view *hv)
{
	history_free(&hv->hist);
	free(hv->exercises);
	free(hv->ratings);
	hv->exercises = hv->ratings = NULL;
}

/* Shown from another screen (not back from the help): the log read again,
 * from the top.  Its problems are not this screen's to say: a log that
 * cannot be read shows as no sessions. */
static void show(struct ui *ui, enum ui_screen_id from)
{
	struct history_view *hv = ui->history;
	if (hv && from == SCREEN_HELP)
		return;
	if (hv)
		view_free(hv);
	else
		hv = ui->history = xcalloc(1, sizeof *hv);
	hv->scroll = 0;
	hv->back = from;
	char *log = session_log_path(ui->o);
	/* their schedules say what was due */
	struct routine **rs = NULL;
	size_t nrs = ui->sp ? search_path_load_all(ui->sp, &rs) : 0;
	struct history_filter f = { .routines = (const struct routine *const *)rs, .nroutines = nrs };
	if (log)
		history_read(&hv->hist, log, &f, time(NULL), NULL);
	else
		history_init(&hv->hist, time(NULL)); /* --no-log: the weeks still have dates */
	free(log);
	routines_free(rs, nrs);
	hv->nexercises = hc_exercise_items(&hv->hist, &hv->exercises);
	hv->nratings = hc_rating_items(&hv->hist, &hv->ratings);
}

static void close_view(struct ui *ui)
{
	if (!ui->history)
		return;
	view_free(ui->history);
	free(ui->history);
	ui->history = NULL;
}

/* A check-in item's values as "11-21: 2, 11-22: 3": the latest that fit
 * in `width` columns, oldest first. */
static void trend_text(char *out, size_t size, const struct history_rating *r, int width)
{
	size_t first = r->n;
	int used = 0;
	/* every entry is "MM-DD: V" (8 or 9 columns) and ", " between */
	while (first > 0) {
		int v = r->v[first - 1].value;
		int cols = (v >= 10 ? 9 : 8) + (first < r->n ? 2 : 0);
		if (used + cols > width)
			break;
		used += cols;
		first--;
	}
	size_t len = 0;
	out[0] = '\0';
	for (size_t k = first; k < r->n && len < size; k++) {
		/* the day is the check-in's own date already: read as UTC */
		int y = 0, mo = 0, d = 0;
		logfmt_civil_from_days(r->v[k].day, &y, &mo, &d);
		int m = snprintf(out + len, size - len, "%s%02d-%02d: %d", k > first ? ", " : "",
				 mo, d, r->v[k].value);
		if (m < 0)
			break;
		len += (size_t)m;
	}
}

/* ---- the check-in items ----
 *
 * An item is a label (its name) and a value ("last 6, back off"), then
 * its last days in words on the line below.  The value always shows whole:
 * where every label fits beside it, one line, the values in one column;
 * where not, the label on a line of its own (shortened between words, with
 * an ellipsis, only when even that is too narrow) and the value on the
 * next. */

/* An item's words; `zone` is the pain value whose zone word ends the
 * value, or -1. */
struct entry {
	char label[256];
	char value[128];
	int zone;
};

static void item_text(const struct history_rating *r, struct entry *e)
{
	int last = r->n ? r->v[r->n - 1].value : 0;
	snprintf(e->label, sizeof e->label, "%s", r->name);
	/* "last 6, back off": the zone said for pain */
	e->zone = !strcmp(r->name, "pain") && r->n ? last : -1;
	if (e->zone >= 0)
		snprintf(e->value, sizeof e->value, "last %d, %s", last, history_pain_zone(last));
	else
		snprintf(e->value, sizeof e->value, "last %d", last);
}

/* The column the values start at, past the widest label, or 0 when some
 * label and value do not fit one line of `w` columns. */
static int value_column(const struct history *hs, int w)
{
	int labw = 0, valw = 0;
	struct entry e;
	for (size_t i = 0; i < hs->nitems; i++) {
		item_text(&hs->items[i], &e);
		int lw = paint_width(e.label), vw = paint_width(e.value);
		labw = lw > labw ? lw : labw;
		valw = vw > valw ? vw : valw;
	}
	/* two columns in, two between */
	return 2 + labw + 2 + valw <= w ? 2 + labw + 2 : 0;
}

/* A value at (y, x), its zone word (when it has one) in its colour. */
static void value_at(struct ui *ui, int y, int x, int width, const struct entry *e)
{
	paint_text(y, x, width, e->value);
	if (e->zone < 0)
		return;
	const char *word = history_pain_zone(e->zone);
	int at = paint_width(e->value) - paint_width(word);
	if (at + paint_width(word) > width)
		return;
	enum ui_color c = paint_zone_color(pain_zone(e->zone));
	paint_color_on(&ui->paint, c);
	paint_text(y, x + at, width - at, word);
	paint_color_off(&ui->paint, c);
}

/* Where a section is laid out: its lines from `line` on, in the `w`
 * columns from x (the view's one column, or one of two side by side). */
struct place {
	struct hc_lines c;
	int line, x, w;
};

/* Item `i`'s label and value, on one line (`col`, the values' column) or
 * two (`col` 0). */
static void item_lines(struct ui *ui, struct place *pl, size_t i, int col)
{
	struct entry e;
	const struct hc_lines *c = &pl->c;
	int x = pl->x, w = pl->w;
	item_text(&ui->history->hist.items[i], &e);
	if (col) {
		if (hc_visible(c, pl->line)) {
			paint_text(hc_row(c, pl->line), x + 2, w - 2, e.label);
			value_at(ui, hc_row(c, pl->line), x + col, w - col, &e);
		}
		pl->line++;
		return;
	}
	if (hc_visible(c, pl->line))
		hc_label(&ui->paint, hc_row(c, pl->line), x + 2, w - 2, e.label);
	pl->line++;
	/* under the label, in line with the words below it */
	if (hc_visible(c, pl->line))
		value_at(ui, hc_row(c, pl->line), x + 3, w - 3, &e);
	pl->line++;
}

/* A note of the view, dimmed, wrapped between words, two columns in. */
static void note_lines(struct ui *ui, struct place *pl, const char *s)
{
	while (*s) {
		int cols;
		size_t n = paint_fit(s, pl->w - 2, true, &cols);
		if (!n) /* a character wider than the window */
			break;
		if (hc_visible(&pl->c, pl->line)) {
			paint_color_on(&ui->paint, C_DIM);
			paint_text(hc_row(&pl->c, pl->line), pl->x + 2, cols, s);
			paint_color_off(&ui->paint, C_DIM);
		}
		pl->line++;
		s += n;
		while (*s == ' ')
			s++;
	}
}

/* A section's heading, in the longest of its forms that fits whole, a
 * blank line above it unless it is the first. */
static void heading(struct ui *ui, struct place *pl, const char *longer, const char *shorter)
{
	if (pl->line)
		pl->line++;
	if (hc_visible(&pl->c, pl->line)) {
		paint_color_on(&ui->paint, C_TITLE);
		hc_label(&ui->paint, hc_row(&pl->c, pl->line), pl->x, pl->w,
			 paint_width(longer) <= pl->w ? longer : shorter);
		paint_color_off(&ui->paint, C_TITLE);
	}
	pl->line++;
}

/* `n` panels of `pw` columns at best, as many side by side as fit (two
 * columns between), each row of them as tall as its tallest, a blank line
 * between rows; a lone column takes all the width. */
static void grid(struct ui *ui, struct place *pl, hc_panel draw, const struct hc_item *v,
		 size_t n, int pw)
{
	size_t per = (size_t)((pl->w + 2) / (pw + 2));
	if (per < 1)
		per = 1;
	if (per > n)
		per = n;
	int cw = per <= 1 ? pl->w : (pl->w - 2 * ((int)per - 1)) / (int)per;
	for (size_t i = 0; i < n; i += per) {
		int most = 0;
		for (size_t k = 0; k < per && i + k < n; k++) {
			int used = draw(&ui->paint, &pl->c, pl->line, pl->x + (int)k * (cw + 2), cw,
					&ui->history->hist, &v[i + k]);
			most = used > most ? used : most;
		}
		pl->line += most + (i + per < n);
	}
}

/* ---- the sections ---- */

static void days_section(struct ui *ui, struct place *pl)
{
	const struct history *hs = &ui->history->hist;
	heading(ui, pl, "Sessions done, by day", "Sessions done");
	if (hc_visible(&pl->c, pl->line))
		hc_legend(&ui->paint, hc_row(&pl->c, pl->line), pl->x, pl->w);
	pl->line++;
	struct hc_item *rv = xcalloc(hs->nroutines ? hs->nroutines : 1, sizeof *rv);
	for (size_t i = 0; i < hs->nroutines; i++)
		rv[i] = (struct hc_item){ i, HC_NONE };
	grid(ui, pl, hc_calendar, rv, hs->nroutines, HC_CALENDAR_W);
	free(rv);
	if (!hs->nroutines) {
		/* in the words of --history, which the dashboard reads like */
		char *why = history_nothing_text(hs, NULL, false);
		char *note = history_practice_text(hs, "recoup --history --practice");
		note_lines(ui, pl, why);
		if (note)
			note_lines(ui, pl, note);
		free(why);
		free(note);
	}
}

static void reps_section(struct ui *ui, struct place *pl)
{
	struct history_view *hv = ui->history;
	heading(ui, pl, "Reps and load per week, L and R", "Reps and load per week");
	grid(ui, pl, hc_reps, hv->exercises, hv->nexercises, HC_REPS_W);
	if (!hv->nexercises) {
		note_lines(ui, pl, "no sets logged yet");
	}
}

static void ratings_section(struct ui *ui, struct place *pl)
{
	struct history_view *hv = ui->history;
	heading(ui, pl, "Ratings by session (0 to 10)", "Ratings (0 to 10)");
	grid(ui, pl, hc_rating, hv->ratings, hv->nratings, HC_RATING_W);
	if (!hv->nratings) {
		note_lines(ui, pl, "no ratings logged yet");
	}
}

static void checkins_section(struct ui *ui, struct place *pl)
{
	const struct history *hs = &ui->history->hist;
	if (!hs->checkins)
		return;
	heading(ui, pl, "Morning check-ins (0 to 10)", "Check-ins (0 to 10)");
	for (size_t i = 0; i < hs->nitems; i++)
		if (!strcmp(hs->items[i].name, "pain")) {
			struct hc_item it = { i, HC_NONE };
			pl->line += hc_pain(&ui->paint, &pl->c, pl->line, pl->x, pl->w, hs, &it) + 1;
		}
	/* each item's latest days that fit, oldest first, as words (recoup
	 * --history lists them all) */
	int col = value_column(hs, pl->w);
	for (size_t i = 0; i < hs->nitems; i++) {
		item_lines(ui, pl, i, col);
		if (hc_visible(&pl->c, pl->line)) {
			char buf[512];
			trend_text(buf, sizeof buf, &hs->items[i], pl->w - 3);
			paint_text(hc_row(&pl->c, pl->line), pl->x + 3, pl->w - 3, buf);
		}
		pl->line++;
	}
}

/* A window this wide shows the sections in two columns: the days and the
 * reps on the left, how it felt on the right. */
#define TWO_COLUMNS 120

/* Lines of the view, drawn from `skip` on; returns how many there are. */
static int draw_lines(struct ui *ui, int skip, int y0, int h)
{
	int w = ui->paint.cols - 2;
	struct place pl = {.c = {.skip = skip, .y0 = y0, .h = h}, .x = 1, .w = w};
	if (ui->paint.cols < TWO_COLUMNS) {
		days_section(ui, &pl);
		reps_section(ui, &pl);
		ratings_section(ui, &pl);
		checkins_section(ui, &pl);
		return pl.line;
	}
	struct place right = pl;
	pl.w = (w - 3) / 2;
	/* the right column at least as wide as the morning pain's four weeks
	 * need (as at 80 columns), while the left still holds a calendar */
	if (w - pl.w - 3 < HC_PAIN_WEEKS_W && w - 3 - HC_PAIN_WEEKS_W >= HC_CALENDAR_W)
		pl.w = w - 3 - HC_PAIN_WEEKS_W;
	right.x = pl.x + pl.w + 3;
	right.w = w - pl.w - 3;
	days_section(ui, &pl);
	reps_section(ui, &pl);
	ratings_section(ui, &right);
	checkins_section(ui, &right);
	return pl.line > right.line ? pl.line : right.line;
}

/* The furthest the view scrolls: its last line at the bottom. */
static int max_scroll(struct ui *ui)
{
	int total = draw_lines(ui, 0, 0, 0);
	int h = ui->paint.rows - 2;
	return total > h ? total - h : 0;
}

static void draw(struct ui *ui)
{
	struct history_view *hv = ui->history;
	char title[128];
	snprintf(title, sizeof title, "recoup: history, %d session%s", hv->hist.sessions,
		 hv->hist.sessions == 1 ? "" : "s");
	if (!paint_page(&ui->paint, title))
		return;
	/* a smaller window may leave the view scrolled past its end */
	int most = max_scroll(ui);
	if (hv->scroll > most)
		hv->scroll = most;
	draw_lines(ui, hv->scroll, 1, ui->paint.rows - 2);
	paint_color_on(&ui->paint, C_DIM);
	paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2, "Up/Down scroll  q or h back  ? help");
	paint_color_off(&ui->paint, C_DIM);
}

static void key(struct ui *ui, int ch)
{
	struct history_view *hv = ui->history;
	int page = ui->paint.rows - 2 > 1 ? ui->paint.rows - 2 : 1;
	ui->full = true;
	switch (ch) {
	case KEY_UP: case 'k':
		hv->scroll--;
		break;
	case KEY_DOWN: case 'j':
		hv->scroll++;
		break;
	case KEY_PPAGE:
		hv->scroll -= page;
		break;
	case KEY_NPAGE: case ' ':
		hv->scroll += page;
		break;
	case '?':
		ui_switch(ui, SCREEN_HELP);
		return;
	case 'q': case 'h': case 27:
		ui_switch(ui, hv->back);
		return;
	default:
		break;
	}
	/* never past either end */
	int most = max_scroll(ui);
	if (hv->scroll > most)
		hv->scroll = most;
	if (hv->scroll < 0)
		hv->scroll = 0;
}

const struct ui_screen ui_history_screen = {
	.name = "history",
	.show = show,
	.close = close_view,
	.draw = draw,
	.key = key,
};
