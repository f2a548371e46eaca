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
#include "plan.h"
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

/* ---- the rows of a section ----
 *
 * An entry of a section (an exercise and side, a rating, a check-in item)
 * is a label (its name) and a value ("left  last 45 reps, 2.5 kg, best
 * 45", "last 6, back off"), then its chart or trend on the line below.
 * The value always shows whole: where every label of the section fits
 * beside it, one line, the values in one column; where not, the label on
 * a line of its own (shortened between words, with an ellipsis, only when
 * even that is too narrow) and the value on the next. */

/* Where the lines being laid out go: line `line` of the view shows on
 * row y0 + line - skip when that is one of the `h` rows from y0. */
struct cursor {
	int line, skip, y0, h;
};

static bool visible(const struct cursor *c, int line)
{
	return line >= c->skip && line - c->skip < c->h;
}

static int row_of(const struct cursor *c, int line)
{
	return c->y0 + line - c->skip;
}

/* An entry's words.  `brief` leaves out what may go (the best reps) for a
 * value that must fit a narrow window; `zone` is the pain value whose
 * zone word ends the value, or -1. */
struct entry {
	char label[256];
	char value[128];
	int zone;
};

typedef void (*entry_text)(const struct history *hs, size_t i, bool brief,
			   struct entry *e);

static void routine_text(const struct history *hs, size_t i, bool brief, struct entry *e)
{
	const struct history_routine *r = &hs->routines[i];
	snprintf(e->label, sizeof e->label, "%s", r->name);
	e->zone = -1;
	/* "3 sessions, 3 completed", or where that is too wide "3, 3 done" */
	if (brief)
		snprintf(e->value, sizeof e->value, "%d, %d done", r->sessions, r->completed);
	else
		snprintf(e->value, sizeof e->value, "%d session%s, %d completed", r->sessions,
			 r->sessions == 1 ? "" : "s", r->completed);
}

static void reps_text(const struct history *hs, size_t i, bool brief, struct entry *e)
{
	const struct history_exercise *x = &hs->exercises[i];
	snprintf(e->label, sizeof e->label, "%s", x->name);
	e->zone = -1;
	int best = 0;
	for (size_t k = 0; k < x->n; k++)
		if (x->v[k].reps > best)
			best = x->v[k].reps;
	const struct history_reps *last = x->n ? &x->v[x->n - 1] : NULL;
	char load[LOAD_WORDS_SIZE + 2] = "", words[LOAD_WORDS_SIZE];
	/* what the last reps were done with: Alfredson moves by load */
	if (last && last->load >= 0) {
		load_words(words, last->load);
		snprintf(load, sizeof load, ", %s", words);
	}
	char side[8] = "";
	if (strcmp(x->side, "none"))
		snprintf(side, sizeof side, "%-5.5s  ", x->side);
	int n = snprintf(e->value, sizeof e->value, "%slast %d reps%s", side,
			 last ? last->reps : 0, load);
	if (!brief && n >= 0 && (size_t)n < sizeof e->value)
		snprintf(e->value + n, sizeof e->value - (size_t)n, ", best %d", best);
}

/* "last 6, back off": the zone said for pain */
static void last_text(const struct history_rating *r, bool pain, struct entry *e)
{
	int last = r->n ? r->v[r->n - 1].value : 0;
	e->zone = pain && r->n ? last : -1;
	if (e->zone >= 0)
		snprintf(e->value, sizeof e->value, "last %d, %s", last, history_pain_zone(last));
	else
		snprintf(e->value, sizeof e->value, "last %d", last);
}

static void rating_text(const struct history *hs, size_t i, bool brief, struct entry *e)
{
	const struct history_rating *r = &hs->ratings[i];
	(void)brief;
	/* "Calf pain before", not "Calf pain before (pain)" */
	const char *note = history_measure_note(r);
	snprintf(e->label, sizeof e->label, *note ? "%s (%s)" : "%s", r->name, note);
	last_text(r, r->measure == MEASURE_PAIN, e);
}

static void item_text(const struct history *hs, size_t i, bool brief, struct entry *e)
{
	const struct history_rating *r = &hs->items[i];
	(void)brief;
	snprintf(e->label, sizeof e->label, "%s", r->name);
	last_text(r, !strcmp(r->name, "pain"), e);
}

/* The column the values of a section start at, past its widest label, or
 * 0 when some label and value do not fit one line of `w` columns. */
static int value_column(const struct history *hs, size_t n, entry_text text, int w)
{
	int labw = 0, valw = 0;
	struct entry e;
	for (size_t i = 0; i < n; i++) {
		text(hs, i, false, &e);
		int lw = paint_width(e.label), vw = paint_width(e.value);
		labw = lw > labw ? lw : labw;
		valw = vw > valw ? vw : valw;
	}
	/* two columns in, two between */
	return 2 + labw + 2 + valw <= w ? 2 + labw + 2 : 0;
}

/* `s` in `width` columns, cut between words with an ellipsis when it
 * does not fit (mid-word only for a word wider than all of it). */
static void label_cut(struct ui *ui, int y, int x, int width, const char *s)
{
	if (paint_width(s) <= width) {
		paint_text(y, x, width, s);
		return;
	}
	const char *el = ui->paint.utf8 ? "\u2026" : "...";
	int ew = ui->paint.utf8 ? 1 : 3, cols;
	if (width <= ew) {
		paint_text(y, x, width, s);
		return;
	}
	size_t n = paint_fit(s, width - ew, true, &cols);
	/* "a word…", not "a word …" */
	while (n > 0 && s[n - 1] == ' ') {
		n--;
		cols--;
	}
	paint_text(y, x, cols, s);
	mvaddstr(y, x + cols, el);
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

/* Entry `i`'s label and value, on one line (`col`, the values' column)
 * or two (`col` 0), from c->line on; returns the lines used. */
static int entry_lines(struct ui *ui, struct cursor *c, const struct history *hs, size_t i,
		       entry_text text, int col, int w)
{
	struct entry e;
	text(hs, i, false, &e);
	if (col) {
		if (visible(c, c->line)) {
			paint_text(row_of(c, c->line), 3, w - 2, e.label);
			value_at(ui, row_of(c, c->line), 1 + col, w - col, &e);
		}
		c->line++;
		return 1;
	}
	if (visible(c, c->line))
		label_cut(ui, row_of(c, c->line), 3, w - 2, e.label);
	c->line++;
	/* under the label, in line with the chart below it */
	if (paint_width(e.value) > w - 3)
		text(hs, i, true, &e);
	if (visible(c, c->line))
		value_at(ui, row_of(c, c->line), 4, w - 3, &e);
	c->line++;
	return 2;
}

/* A note of the view, dimmed, wrapped between words from column 3. */
static void note_lines(struct ui *ui, struct cursor *c, const char *s, int w)
{
	while (*s) {
		int cols;
		size_t n = paint_fit(s, w - 2, true, &cols);
		if (!n) /* a character wider than the window */
			break;
		if (visible(c, c->line)) {
			paint_color_on(&ui->paint, C_DIM);
			paint_text(row_of(c, c->line), 3, cols, s);
			paint_color_off(&ui->paint, C_DIM);
		}
		c->line++;
		s += n;
		while (*s == ' ')
			s++;
	}
}

#define REPS_TITLE "Reps per exercise and side"
#define REPS_NOTE " (each mark a session)"

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
	struct cursor c = {.skip = skip, .y0 = y0, .h = h};
	int col = value_column(hs, hs->nroutines, routine_text, w);
	for (size_t i = 0; i < hs->nroutines; i++) {
		c.line = line;
		entry_lines(ui, &c, hs, i, routine_text, col, w);
		line = c.line;
	}
	if (!hs->nroutines) {
		/* in the words of --history, which the dashboard reads like */
		char *why = history_nothing_text(hs, NULL, false);
		char *note = history_practice_text(hs, "recoup --history --practice");
		c.line = line;
		note_lines(ui, &c, why, w);
		if (note)
			note_lines(ui, &c, note, w);
		line = c.line;
		free(why);
		free(note);
	}
	line++;
	/* the note on the marks only where it fits: cut, it reads wrong */
	EMIT(C_TITLE, REPS_TITLE "%s",
	     w >= 2 + paint_width(REPS_TITLE REPS_NOTE) ? REPS_NOTE : "");
	col = value_column(hs, hs->nexercises, reps_text, w);
	for (size_t i = 0; i < hs->nexercises; i++) {
		const struct history_exercise *x = &hs->exercises[i];
		int vals[512], maxv = 0;
		size_t n = x->n < 512 ? x->n : 512;
		for (size_t k = 0; k < n; k++) {
			vals[k] = x->v[x->n - n + k].reps;
			if (vals[k] > maxv)
				maxv = vals[k];
		}
		c.line = line;
		entry_lines(ui, &c, hs, i, reps_text, col, w);
		line = c.line;
		if (line >= skip && line - skip < h)
			spark(ui, y0 + line - skip, 4, w - 4, vals, n, maxv);
		line++;
	}
	if (!hs->nexercises)
		EMIT(C_DIM, "  no sets logged yet");
	line++;
	EMIT(C_TITLE, "Ratings over time (0 to 10)");
	col = value_column(hs, hs->nratings, rating_text, w);
	for (size_t i = 0; i < hs->nratings; i++) {
		const struct history_rating *r = &hs->ratings[i];
		int vals[512];
		size_t n = r->n < 512 ? r->n : 512;
		for (size_t k = 0; k < n; k++)
			vals[k] = r->v[r->n - n + k].value;
		c.line = line;
		entry_lines(ui, &c, hs, i, rating_text, col, w);
		line = c.line;
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
		col = value_column(hs, hs->nitems, item_text, w);
		for (size_t i = 0; i < hs->nitems; i++) {
			c.line = line;
			entry_lines(ui, &c, hs, i, item_text, col, w);
			line = c.line;
			if (line >= skip && line - skip < h) {
				trend_text(buf, sizeof buf, &hs->items[i], w - 4);
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
