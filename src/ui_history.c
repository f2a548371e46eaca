/* ui_history.c: the history view: the last 12 weeks as a calendar of
 * session counts, per exercise and side a small chart of reps done over
 * time, the ratings over time (with their measure, and the zone of the
 * last pain), and the morning check-ins as a trend in words.  The numbers
 * are those of --history. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "history.h"
#include "paint.h"
#include "session.h"
#include "ui.h"
#include "util.h"
#include "zones.h"

/* The screen's own state: the log as read when it was shown. */
struct history_view {
	struct history hist;
	int scroll;              /* lines scrolled past */
	enum ui_screen_id back;  /* where q goes */
};

/* Shown from another screen (not back from the help): the log read again,
 * from the top.  Its problems are not this screen's to say: a log that
 * cannot be read shows as no sessions. */
static void show(struct ui *ui, enum ui_screen_id from)
{
	struct history_view *hv = ui->history;
	if (hv && from == SCREEN_HELP)
		return;
	if (hv)
		history_free(&hv->hist);
	else
		hv = ui->history = xcalloc(1, sizeof *hv);
	hv->scroll = 0;
	hv->back = from;
	char *log = session_log_path(ui->o);
	struct history_filter f = { 0 };
	if (log)
		history_read(&hv->hist, log, &f, time(NULL), NULL);
	else
		history_init(&hv->hist, time(NULL)); /* --no-log: the weeks still have dates */
	free(log);
}

static void close_view(struct ui *ui)
{
	if (!ui->history)
		return;
	history_free(&ui->history->hist);
	free(ui->history);
	ui->history = NULL;
}

/* One row of a chart: values scaled to eight levels of block. */
static void spark(struct ui *ui, int y, int x, int w, const int *vals, size_t n, int maxv)
{
	static const char *const blocks[] = {
		"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};
	static const char ascii[] = "_.-=+*#@";
	size_t first = n > (size_t)w ? n - (size_t)w : 0;
	move(y, x);
	for (size_t i = first; i < n; i++) {
		int lvl = maxv > 0 ? vals[i] * 7 / maxv : 0;
		if (lvl < 0)
			lvl = 0;
		if (lvl > 7)
			lvl = 7;
		if (ui->paint.utf8)
			addstr(blocks[lvl]);
		else
			addch((chtype)ascii[lvl]);
	}
}

/* After a pain line's text (`text`, at column 1), the zone of `value` in
 * its word and colour: ", back off". */
static void zone_after(struct ui *ui, int y, const char *text, int w, int value)
{
	int x = 1 + paint_width(text);
	if (x + 2 >= w)
		return;
	enum ui_color c = paint_zone_color(pain_zone(value));
	paint_text(y, x, w - x, ", ");
	paint_color_on(&ui->paint, c);
	paint_text(y, x + 2, w - x - 2, history_pain_zone(value));
	paint_color_off(&ui->paint, c);
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
		struct tm tm;
		time_t t = (time_t)r->v[k].day * 86400;
		gmtime_r(&t, &tm);
		int m = snprintf(out + len, size - len, "%s%02d-%02d: %d", k > first ? ", " : "",
				 tm.tm_mon + 1, tm.tm_mday, r->v[k].value);
		if (m < 0)
			break;
		len += (size_t)m;
	}
}

/* Lines of the view, drawn from `skip` on; returns how many there are. */
static int draw_lines(struct ui *ui, int skip, int y0, int h)
{
	const struct history *hs = &ui->history->hist;
	int line = 0, w = ui->paint.cols - 2;
	char buf[512];
#define EMIT(color, ...) do { \
		if (line >= skip && line - skip < h) { \
			snprintf(buf, sizeof buf, __VA_ARGS__); \
			paint_color_on(&ui->paint, color); \
			paint_text(y0 + line - skip, 1, w, buf); \
			paint_color_off(&ui->paint, color); \
		} \
		line++; \
	} while (0)

	EMIT(C_TITLE, "Sessions per week (last %d weeks)", HISTORY_WEEKS);
	/* the latest weeks that fit, four columns each: a narrow window
	 * must not wrap them onto the next line */
	int wk0 = HISTORY_WEEKS - w / 4 > 0 ? HISTORY_WEEKS - w / 4 : 0;
	if (line >= skip && line - skip < h) {
		move(y0 + line - skip, 1);
		for (int i = wk0; i < HISTORY_WEEKS; i++)
			printw(" W%02d", hs->weeks[i].iso_week);
	}
	line++;
	if (line >= skip && line - skip < h) {
		move(y0 + line - skip, 1);
		for (int i = wk0; i < HISTORY_WEEKS; i++) {
			if (hs->weeks[i].sessions)
				paint_color_on(&ui->paint, C_GOOD);
			printw(" %3d", hs->weeks[i].sessions);
			paint_color_off(&ui->paint, C_GOOD);
		}
	}
	line++;
	line++;
	EMIT(C_TITLE, "Routines");
	for (size_t i = 0; i < hs->nroutines; i++)
		EMIT(C_NORMAL, "  %-32s %3d session%s, %d completed", hs->routines[i].name,
		     hs->routines[i].sessions, hs->routines[i].sessions == 1 ? "" : "s",
		     hs->routines[i].completed);
	if (!hs->nroutines) {
		/* in the words of --history, which the dashboard reads like */
		char *why = history_nothing_text(hs, NULL, false);
		char *note = history_practice_text(hs, "recoup --history --practice");
		EMIT(C_DIM, "  %s", why);
		if (note)
			EMIT(C_DIM, "  %s", note);
		free(why);
		free(note);
	}
	line++;
	EMIT(C_TITLE, "Reps per exercise and side (each mark a session)");
	for (size_t i = 0; i < hs->nexercises; i++) {
		const struct history_exercise *x = &hs->exercises[i];
		int vals[512], maxv = 0;
		size_t n = x->n < 512 ? x->n : 512;
		for (size_t k = 0; k < n; k++) {
			vals[k] = x->v[x->n - n + k].reps;
			if (vals[k] > maxv)
				maxv = vals[k];
		}
		int last = n ? vals[n - 1] : 0;
		EMIT(C_NORMAL, "  %-28.28s %-5s last %d reps, best %d", x->name, x->side, last, maxv);
		if (line >= skip && line - skip < h)
			spark(ui, y0 + line - skip, 4, w - 4, vals, n, maxv);
		line++;
	}
	if (!hs->nexercises)
		EMIT(C_DIM, "  no sets logged yet");
	line++;
	EMIT(C_TITLE, "Ratings over time (0 to 10)");
	for (size_t i = 0; i < hs->nratings; i++) {
		const struct history_rating *r = &hs->ratings[i];
		int vals[512];
		size_t n = r->n < 512 ? r->n : 512;
		for (size_t k = 0; k < n; k++)
			vals[k] = r->v[r->n - n + k].value;
		char label[160];
		if (r->measure != MEASURE_NONE)
			snprintf(label, sizeof label, "%s (%s)", r->name, measure_word(r->measure));
		else
			snprintf(label, sizeof label, "%s", r->name);
		int last = n ? vals[n - 1] : 0;
		EMIT(C_NORMAL, "  %-32.32s last %d", label, last);
		if (n && r->measure == MEASURE_PAIN && line - 1 >= skip && line - 1 - skip < h)
			zone_after(ui, y0 + line - 1 - skip, buf, w, last);
		if (line >= skip && line - skip < h)
			spark(ui, y0 + line - skip, 4, w - 4, vals, n, 10);
		line++;
	}
	if (!hs->nratings)
		EMIT(C_DIM, "  no ratings logged yet");
	if (hs->checkins) {
		/* the morning after, as words: each item's latest days that
		 * fit, oldest first (recoup --history lists them all) */
		line++;
		EMIT(C_TITLE, "Morning check-ins (0 to 10)");
		for (size_t i = 0; i < hs->nitems; i++) {
			const struct history_rating *r = &hs->items[i];
			int last = r->n ? r->v[r->n - 1].value : 0;
			EMIT(C_NORMAL, "  %-32.32s last %d", r->name, last);
			if (r->n && !strcmp(r->name, "pain") && line - 1 >= skip &&
			    line - 1 - skip < h)
				zone_after(ui, y0 + line - 1 - skip, buf, w, last);
			if (line >= skip && line - skip < h) {
				trend_text(buf, sizeof buf, r, w - 4);
				paint_text(y0 + line - skip, 4, w - 4, buf);
			}
			line++;
		}
	}
#undef EMIT
	return line;
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
