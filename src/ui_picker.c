/* ui_picker.c: the picker: every routine on the search path with its steps,
 * planned time and when it was last done, what is due today first, marked,
 * with each routine's streak; a preview of the selected one, the editor
 * round-trip (e), which re-checks the file and shows its errors with line
 * and column, and the way back from a copy (r).
 *
 * The list is drawn at once; the log, years of it, is read meanwhile on a
 * thread of its own (picker_log.h), and when it has been read the dates,
 * due marks and streaks fill in and the due routines move up, the
 * selection staying on the routine it was on. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <wchar.h>

#include "clock.h"
#include "diag.h"
#include "loader.h"
#include "logmodel.h"
#include "paths.h"
#include "picker_log.h"
#include "picker_row.h"
#include "plan.h"
#include "session.h"
#include "ui.h"
#include "ui_picker_int.h"
#include "util.h"

static void warnings_free(struct pick *k)
{
	for (size_t i = 0; i < k->nwarnings; i++)
		free(k->warnings[i]);
	free(k->warnings);
	k->warnings = NULL;
	k->nwarnings = 0;
}

static void picks_free(struct picker *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].id);
		free(p->v[i].path);
		free(p->v[i].error);
		warnings_free(&p->v[i]);
		routine_free(p->v[i].r);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

static void load_pick(struct ui *ui, struct pick *k)
{
	struct diags d;
	diags_init(&d, k->path);
	routine_free(k->r);
	free(k->error);
	k->error = NULL;
	warnings_free(k);
	k->r = routine_load(k->path, &d);
	if (k->r) {
		struct plan pl;
		plan_build(&pl, k->r, ui->o->lead_in_ms, NULL);
		k->total = pl.total;
		plan_free(&pl);
		/* the preview shows them: a session would warn too late */
		k->warnings = diags_warnings(&d, "warning: ", &k->nwarnings);
	} else {
		k->error = diags_first_error(&d);
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].level == DIAG_ERROR) {
				k->error_line = d.v[i].line;
				break;
			}
	}
	diags_free(&d);
}

/* Due first (sessions left today), then the search path's order. */
static int pick_cmp(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;
	bool dx = x->marked && x->st.left_today > 0, dy = y->marked && y->st.left_today > 0;
	if (dx != dy)
		return dx ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Sort, the selection staying on its routine (a routine moving up under
 * the cursor is not what the next Enter starts), the list scrolled back
 * to its top as far as the selection allows: the due routines are on
 * top. */
static void sort_picks(struct picker *p)
{
	if (!p->n)
		return;
	size_t sel_order = p->v[p->sel].order;
	qsort(p->v, p->n, sizeof *p->v, pick_cmp);
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].order == sel_order)
			p->sel = i;
	p->top = 0; /* draw() scrolls to the selection */
}

/* The log is read for the marks (when each routine was last done, what
 * is due, the streaks) on its own thread; the list is drawn meanwhile.
 * A log that cannot be read says "never", quietly. */
static void start_reading(struct ui *ui, struct picker *p)
{
	picker_log_end(p->reading);
	p->reading = NULL;
	time_t now = time(NULL);
	p->marks_day = lm_local_day(now);
	char *log = session_log_path(ui->o);
	if (!log) {
		p->first_read = false;
		return;
	}
	struct picker_mark *m = xcalloc(p->n ? p->n : 1, sizeof *m);
	size_t n = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].r) {
			m[n].name = p->v[i].r->name;
			m[n].id = p->v[i].id;
			m[n].schedule = p->v[i].r->schedule;
			n++;
		}
	/* a test knob only (picker_log.h): the marks wait for a file.  Only
	 * the binary in the build tree heeds it, as it alone adds the source
	 * tree's routines to the path (paths.h): an installed recoup never
	 * holds its marks back, whatever the environment says */
	const char *hold = running_from_build_tree() ? getenv("RECOUP_TEST_HOLD_MARKS") : NULL;
	p->reading = picker_log_start(log, m, n, now, hold);
	free(m);
	free(log);
}

/* The read is done: the marks on their routines (given in list order,
 * the broken ones left out), the due ones first. */
static void take_marks(struct ui *ui, struct picker *p, struct picker_marks *pm)
{
	size_t j = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct pick *k = &p->v[i];
		k->marked = false;
		if (!k->r || j >= pm->n)
			continue;
		k->marked = pm->read;
		memcpy(k->last, pm->v[j].last_stamp, sizeof k->last);
		k->last_day = pm->v[j].last_day;
		k->st = pm->v[j].st;
		j++;
	}
	sort_picks(p);
	/* untouched since it opened, the list is as if the log had been
	 * read at once: the first routine, the most due, selected */
	if (p->first_read && !p->keyed)
		p->sel = 0;
	if (p->first_read && pm->checkin_offer) {
		/* offered while the list is only looked at; once keys have
		 * come, it would take the screen from under them: said */
		if (!p->keyed)
			ui_switch(ui, SCREEN_CHECKIN);
		else if (!p->message[0])
			snprintf(p->message, sizeof p->message,
				 "No morning check-in yet today: c to answer it");
	}
	p->first_read = false;
	ui->full = ui->dirty = true;
}

static void tick(struct ui *ui)
{
	struct picker *p = ui->picker;
	struct picker_marks pm;
	/* a picker left open past midnight: yesterday's "done" is today's
	 * "due", and "today 07:00" a date; read again */
	if (p && !p->reading && !p->read_due && lm_local_day(time(NULL)) != p->marks_day)
		p->read_due = true;
	if (p && p->read_due && !ui->dirty && !ui->full) {
		p->read_due = false;
		start_reading(ui, p);
	}
	if (!p || !picker_log_ready(p->reading, &pm))
		return;
	picker_log_end(p->reading);
	p->reading = NULL;
	take_marks(ui, p, &pm);
	picker_marks_free(&pm);
}

/* While the log is read, a look every few ms between keys: the marks
 * show within a frame of being read. */
static long long next_wake(struct ui *ui)
{
	const struct picker *p = ui->picker;
	if (p && p->read_due)
		return clock_real_now_ms();
	if (p && p->reading)
		return clock_real_now_ms() + 15;
	if (!p)
		return -1;
	/* otherwise at the next local midnight (a second past it), for the
	 * marks of the new day */
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_hour = tm.tm_min = 0;
	tm.tm_sec = 1;
	tm.tm_mday++;
	tm.tm_isdst = -1;
	time_t next = mktime(&tm);
	long long left = next > now ? (long long)(next - now) * 1000 : 1000;
	return clock_real_now_ms() + left;
}

/* Read the list again, the selection on the routine `select` (NULL: the
 * one selected before). */
static void reload_to(struct ui *ui, const char *select)
{
	struct picker *p = ui->picker;
	char *selected = select ? xstrdup(select) : p->n ? xstrdup(p->v[p->sel].id) : NULL;
	/* the marks read last stay, by file, until the new read brings
	 * theirs: the list keeps its order meanwhile */
	struct pick *old = p->v;
	size_t nold = p->n;
	struct routine_entry *v;
	size_t n = search_path_list(ui->sp, &v);
	p->v = xcalloc(n ? n : 1, sizeof *p->v);
	for (size_t i = 0; i < n; i++) {
		p->v[i].id = v[i].id;
		p->v[i].path = v[i].path;
		p->v[i].order = i;
		v[i].id = v[i].path = NULL;
		load_pick(ui, &p->v[i]);
		for (size_t j = 0; j < nold && p->v[i].r; j++)
			if (old[j].marked && !strcmp(old[j].id, p->v[i].id)) {
				p->v[i].marked = true;
				memcpy(p->v[i].last, old[j].last, sizeof p->v[i].last);
				p->v[i].last_day = old[j].last_day;
				p->v[i].st = old[j].st;
			}
		if (!p->v[i].r) {
			/* a broken copy's preview offers r (r itself looks again):
			 * no stat of every directory for the routines that load */
			bool own;
			char *hidden = routine_hidden(ui->sp, p->v[i].path, &own);
			p->v[i].hides = hidden != NULL;
			free(hidden);
		}
	}
	p->n = n;
	routine_entries_free(v, n);
	struct pick *fresh = p->v;
	p->v = old;
	p->n = nold;
	picks_free(p);
	p->v = fresh;
	p->n = n;
	qsort(p->v, p->n, sizeof *p->v, pick_cmp);
	p->sel = 0;
	for (size_t i = 0; selected && i < n; i++)
		if (!strcmp(p->v[i].id, selected))
			p->sel = i;
	free(selected);
	/* the list first: the read starts once it is drawn, so that it takes
	 * nothing from the first frame */
	picker_log_end(p->reading);
	p->reading = NULL;
	p->read_due = true;
	ui->full = ui->dirty = true;
}

static void reload(struct ui *ui)
{
	reload_to(ui, NULL);
}

/* Shown first, or again after a session: the log (when each routine was
 * last done) has changed since, and the files may have; all read again.
 * Back from the check-in, its confirmation is the message. */
static void show(struct ui *ui, enum ui_screen_id from)
{
	if (!ui->picker) {
		ui->picker = xcalloc(1, sizeof *ui->picker);
		ui->picker->page = 1;
		/* the first start of a day after a day with a session, with no
		 * check-in yet today: the morning check-in comes first
		 * (checkin.h has the rule); the read of the log says */
		ui->picker->first_read = true;
		reload(ui);
		ui_resume_offer(ui, ui->picker->message, sizeof ui->picker->message);
		return;
	}
	if (from == SCREEN_CHECKIN && ui_checkin_note(ui))
		snprintf(ui->picker->message, sizeof ui->picker->message, "%s", ui_checkin_note(ui));
	if (from != SCREEN_SESSION)
		return;
	reload(ui);
	ui_resume_offer(ui, ui->picker->message, sizeof ui->picker->message);
}

static void close_picker(struct ui *ui)
{
	struct picker *p = ui->picker;
	if (!p)
		return;
	picker_log_end(p->reading);
	picks_free(p);
	picker_errors_free(p);
	picker_revert_forget(p);
	picker_manage_forget(p);
	free(p);
	ui->picker = NULL;
}

/* ---- drawing ---- */

/* The room names are given before a column: the longest name's, up to
 * this many columns. */
#define NAME_ROOM 20

/* A loaded routine's row, as picker_row.h formats it. */
static void row_of(const struct picker *p, const struct pick *k, struct picker_row *r)
{
	*r = (struct picker_row){
		.nsteps = k->r->nsteps, .total = k->total, .last = k->last, .last_day = k->last_day,
		.today = lm_local_day(time(NULL)),
		.pending = p->reading || p->read_due, .marked = k->marked,
		.scheduled = k->r->schedule.kind != SCHEDULE_NONE, .st = k->st,
	};
}

static void mark_widths(const struct picker *p, struct picker_widths *w)
{
	memset(w, 0, sizeof *w);
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].r) {
			struct picker_row r;
			row_of(p, &p->v[i], &r);
			picker_widths_add(w, &r);
		}
}

static void row_columns(const struct picker *p, const struct pick *k, int form,
			const struct picker_widths *w, char *out, size_t n)
{
	struct picker_row r;
	row_of(p, k, &r);
	picker_row_columns(&r, form, w, out, n);
}

/* One form for all rows, so that the columns line up: the widest that
 * leaves the names their room (a form is as wide on every row). */
static int list_form(const struct picker *p, int w, const struct picker_widths *mw)
{
	int want = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].r) {
			int nw = paint_width(p->v[i].r->name);
			if (nw > want)
				want = nw;
		}
	if (want > NAME_ROOM)
		want = NAME_ROOM;
	for (size_t i = 0; i < p->n; i++) {
		if (!p->v[i].r)
			continue;
		int form = PICKER_COLS_ALL;
		char line[256];
		for (; form < PICKER_COLS_NONE; form++) {
			row_columns(p, &p->v[i], form, mw, line, sizeof line);
			if (w - 3 - (int)strlen(line) >= want)
				break;
		}
		return form;
	}
	return PICKER_COLS_NONE;
}

static void draw_row(struct ui *ui, int y, int w, const struct pick *k, bool sel, int form,
		     const struct picker_widths *mw)
{
	char line[512];
	if (sel)
		attron(A_REVERSE);
	move(y, 0);
	for (int c = 0; c < w; c++)
		addch(' ');
	if (k->r) {
		/* the numbers keep their columns; the name takes what is left */
		row_columns(ui->picker, k, form, mw, line, sizeof line);
		int numw = (int)strlen(line);
		int namew = numw ? w - 3 - numw : w - 2;
		paint_text_cut(&ui->paint, y, 1, namew, k->r->name);
		if (numw)
			paint_text(y, 2 + namew, numw, line);
	} else {
		paint_color_on(&ui->paint, C_WARN);
		snprintf(line, sizeof line, "%s (broken) %s", k->id, k->error ? k->error : "");
		paint_text_cut(&ui->paint, y, 1, w - 2, line);
		paint_color_off(&ui->paint, C_WARN);
	}
	if (sel)
		attroff(A_REVERSE);
}

/* A long message over rows `y` to `last`, the rows after the first
 * indented; returns the row after it. */
static int draw_wrapped(struct ui *ui, int y, int last, int x, int width, const char *s)
{
	return y + paint_wrap(&ui->paint, y, last - y + 1, x, width, 2, s);
}

static void draw_preview(struct ui *ui, int x, int y0, int w, int h, const struct pick *k)
{
	if (w < 10 || !k)
		return;
	char line[512];
	int y = y0, last = y0 + h - 1;
	if (!k->r) {
		/* the whole path and message, wrapped: the file name is at the end */
		y = draw_wrapped(ui, y, last - 2, x, w, k->path);
		paint_color_on(&ui->paint, C_WARN);
		y = draw_wrapped(ui, y, last - 2, x, w, k->error ? k->error : "cannot be read");
		paint_color_off(&ui->paint, C_WARN);
		if (y + 1 <= last)
			paint_text(y + 1, x, w, "e: edit it at the error");
		if (k->hides && y + 2 <= last)
			paint_text_cut(&ui->paint, y + 2, x, w, "r: back to the routine it hides");
		return;
	}
	paint_color_on(&ui->paint, C_TITLE);
	paint_text_cut(&ui->paint, y++, x, w, k->r->name);
	paint_color_off(&ui->paint, C_TITLE);
	/* the description in up to two rows, less where the first warning
	 * would not fit whole */
	int left = last - y + 1, warn = 0;
	if (k->nwarnings) {
		warn = paint_wrap_rows(k->warnings[0], w, 2);
		if (warn > left - 1)
			warn = left - 1;
	}
	int desc = left - warn < 2 ? left - warn : 2;
	if (k->r->description && desc > 0)
		y += paint_wrap(&ui->paint, y, desc, x, w, 0, k->r->description);
	/* warnings before the steps: at a session's start they come late */
	paint_color_on(&ui->paint, C_WARN);
	for (size_t i = 0; i < k->nwarnings && y <= last; i++)
		y = draw_wrapped(ui, y, last, x, w, k->warnings[i]);
	paint_color_off(&ui->paint, C_WARN);
	y++;
	for (size_t i = 0; i < k->r->nsteps && y <= last; i++) {
		const struct step *st = &k->r->steps[i];
		char d[32] = "";
		if (st->duration)
			format_clock(d, sizeof d, st->duration);
		if (st->type == STEP_REPS) {
			char reps[32];
			if (st->reps.min == st->reps.max)
				snprintf(reps, sizeof reps, "%d", st->reps.max);
			else
				snprintf(reps, sizeof reps, "%d-%d", st->reps.min, st->reps.max);
			snprintf(line, sizeof line, "%2zu %-7s %s  %dx%s%s", i + 1,
				 step_type_word(st->type), st->name, st->sets, reps,
				 st->side == SIDE_BOTH ? " each leg" : "");
		} else if (st->type == STEP_MASSAGE)
			snprintf(line, sizeof line, "%2zu %-7s %s  %zu spots%s", i + 1,
				 step_type_word(st->type), st->name, st->nspots,
				 st->side == SIDE_BOTH ? ", each leg" : "");
		else
			snprintf(line, sizeof line, "%2zu %-7s %s  %s", i + 1,
				 step_type_word(st->type), st->name, d);
		paint_text_cut(&ui->paint, y++, x, w, line);
	}
}

/* The status message above the key help (and the name's field, when one
 * is asked: `above` rows), over as many rows as it needs up to a quarter
 * of the screen (three at least: paths are long); returns the rows it
 * takes. */
static int draw_message(struct ui *ui, int above)
{
	const struct picker *p = ui->picker;
	if (!p->message[0])
		return 0;
	int rows = paint_wrap_rows(p->message, ui->paint.cols - 2, 2);
	int most = picker_message_rows(ui);
	if (rows > most)
		rows = most;
	paint_color_on(&ui->paint, C_WARN);
	paint_wrap(&ui->paint, ui->paint.rows - 1 - above - rows, rows, 1, ui->paint.cols - 2, 2,
		   p->message);
	paint_color_off(&ui->paint, C_WARN);
	return rows;
}

/* The key help: the list's keys, and the routine management's
 * (ui_picker_manage.c) after them where the row has room, else in a row
 * of their own above, where the screen has rows to spare; where it has
 * none (12 rows or fewer), their letters alone after the list's keys
 * when they fit, and always on the help screen (?). */
#define KEYS_LIST "Enter start  e edit  r revert  h history  c check-in  ? help  q quit"
#define KEYS_MANAGE "n new  d duplicate  m rename  x delete"
#define KEYS_MANAGE_SHORT "n d m x"

/* The rows the management's keys take of their own: 1 or 0; -1 when
 * they are on the list's row. */
static int key_rows(const struct ui *ui)
{
	if (paint_width(KEYS_LIST "  " KEYS_MANAGE) <= ui->paint.cols - 2)
		return -1;
	return ui->paint.rows > 12 ? 1 : 0;
}

static void draw(struct ui *ui)
{
	struct picker *p = ui->picker;
	if (!paint_page(&ui->paint, "recoup: pick a routine"))
		return;
	/* a name asked for (n, d, m) has its field above the key help; the
	 * management's keys may take a row there too */
	int field = picker_manage_asks_name(p) ? 1 : 0;
	if (p->manage)
		picker_manage_fit(ui);
	int extra = !p->manage && !p->revert_copy && key_rows(ui) > 0 ? 1 : 0;
	int msg = draw_message(ui, field + extra) + field + extra;
	/* the list's rows, down to the message (or the management's keys)
	 * or the row above the key help */
	int h = ui->paint.rows - 2 - (msg ? msg : 1);
	int listw = ui->paint.cols >= 100 ? ui->paint.cols * 3 / 5 : ui->paint.cols;
	if (p->nerrors) {
		/* the errors of the file just edited take the screen */
		paint_color_on(&ui->paint, C_WARN);
		paint_text(1, 1, ui->paint.cols - 2, "The routine has errors:");
		paint_color_off(&ui->paint, C_WARN);
		int y = 2;
		for (size_t i = 0; i < p->nerrors && y <= h; i++)
			y = draw_wrapped(ui, y, h, 1, ui->paint.cols - 2, p->errors[i]);
		paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2,
			    "e reopen the editor at the first error   any other key: back");
		return;
	}
	if (!p->n) {
		/* where the user's routines go (--routine-dir's, the config's),
		 * as paint shows any text: escaped where it must be */
		char *none = ui->sp->nuser
			? xasprintf("No routines found. Put routine files in %s, or press n to "
				    "make one.", ui->sp->dirs[0])
			: xstrdup("No routines found, and no routine directory of yours is on "
				  "the search path.");
		paint_wrap(&ui->paint, 2, h - 1, 1, ui->paint.cols - 2, 0, none);
		free(none);
	}
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)h)
		p->top = p->sel - (size_t)h + 1;
	p->page = h > 1 ? (size_t)h : 1;
	struct picker_widths mw;
	mark_widths(p, &mw);
	int form = list_form(p, listw, &mw);
	for (size_t i = p->top; i < p->n && (int)(i - p->top) < h; i++)
		draw_row(ui, 1 + (int)(i - p->top), listw, &p->v[i], i == p->sel, form, &mw);
	if (listw < ui->paint.cols && p->n) {
		for (int y = 1; y <= h; y++)
			mvaddstr(y, listw, ui->paint.utf8 ? "\u2502" : "|");
		draw_preview(ui, listw + 2, 1, ui->paint.cols - listw - 3, h, &p->v[p->sel]);
	} else if (p->n && h > (int)p->n + 3) {
		draw_preview(ui, 2, (int)p->n + 2, ui->paint.cols - 4, h - (int)p->n - 1, &p->v[p->sel]);
	}
	if (p->manage) {
		picker_manage_draw(ui, ui->paint.rows - 2);
		return;
	}
	paint_color_on(&ui->paint, C_DIM);
	if (p->revert_copy)
		paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2,
			       paint_width(ANSWER_KEYS) <= ui->paint.cols - 2 ? ANSWER_KEYS
			       : ANSWER_KEYS_SHORT);
	else if (extra)
		paint_text_cut(&ui->paint, ui->paint.rows - 2, 1, ui->paint.cols - 2, KEYS_MANAGE);
	if (!p->revert_copy) {
		const char *keys = KEYS_LIST "  " KEYS_MANAGE;
		if (extra)
			keys = KEYS_LIST;
		else if (key_rows(ui) == 0)
			keys = paint_width(KEYS_LIST "  " KEYS_MANAGE_SHORT) <= ui->paint.cols - 2
			       ? KEYS_LIST "  " KEYS_MANAGE_SHORT : KEYS_LIST;
		paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2, keys);
	}
	paint_color_off(&ui->paint, C_DIM);
}

/* After a key of n, d, m or x: the list read again when files changed,
 * the selection on what they made; n's new file then in the editor. */
static void managed(struct ui *ui, enum picker_after after, char *select)
{
	struct picker *p = ui->picker;
	if (after != PICKER_STAY)
		reload_to(ui, select);
	if (after == PICKER_RELOAD_EDIT && p->n && select && !strcmp(p->v[p->sel].id, select)) {
		/* what n made is said first, then how the edit went */
		char *made = xstrdup(p->message);
		if (picker_edit(ui, 0, made))
			reload(ui);
		free(made);
	}
	free(select);
}

/* ---- keys ---- */

static void key(struct ui *ui, int ch)
{
	struct picker *p = ui->picker;
	ui->full = true;
	p->keyed = true;
	if (p->nerrors) {
		int line = p->reopen_line;
		picker_errors_free(p);
		if (ch == 'e' && p->n && picker_edit(ui, line, NULL))
			reload(ui);
		return;
	}
	if (p->revert_copy) {
		if (picker_revert_answer(ui, ch))
			reload(ui);
		return;
	}
	if (p->manage) {
		char *select;
		enum picker_after after = picker_manage_key(ui, ch, &select);
		managed(ui, after, select);
		return;
	}
	p->message[0] = '\0';
	/* the letters here may not be the config's quit key (settings.c's
	 * picker_keys): keep the two in step */
	switch (ch) {
	case KEY_UP: case 'k':
		if (p->sel > 0)
			p->sel--;
		break;
	case KEY_DOWN: case 'j':
		if (p->sel + 1 < p->n)
			p->sel++;
		break;
	case KEY_PPAGE:
		p->sel = p->sel > p->page ? p->sel - p->page : 0;
		break;
	case KEY_NPAGE:
		if (p->n)
			p->sel = p->sel + p->page < p->n ? p->sel + p->page : p->n - 1;
		break;
	case KEY_HOME: case 'g':
		p->sel = 0;
		break;
	case KEY_END: case 'G':
		if (p->n)
			p->sel = p->n - 1;
		break;
	case '\r': case '\n': case KEY_ENTER:
		if (!p->n)
			break;
		if (!p->v[p->sel].r) {
			snprintf(p->message, sizeof p->message, "%s is broken: %s (e to edit)",
				 p->v[p->sel].id, p->v[p->sel].error ? p->v[p->sel].error : "");
			break;
		}
		if (ui_session_start(ui, p->v[p->sel].path, p->message, sizeof p->message)) {
			/* a read still going would only take time from the
			 * session: the list is read again after it */
			picker_log_end(p->reading);
			p->reading = NULL;
			p->read_due = p->first_read = false;
		}
		break;
	case 'e':
		if (p->n)
			if (picker_edit(ui, p->v[p->sel].r ? 0 : p->v[p->sel].error_line, NULL))
				reload(ui);
		break;
	case 'r':
		if (p->n)
			picker_revert_ask(ui);
		break;
	case 'h':
		ui_switch(ui, SCREEN_HISTORY);
		break;
	case 'u':
		/* go on with the session offered (ui_resume.c) */
		ui_resume_key(ui, p->message, sizeof p->message);
		break;
	case 'c':
		/* the morning check-in by hand: skipped by mistake, or a
		 * morning the offer does not come (a rest day before) */
		ui->checkin_asked = true;
		ui_switch(ui, SCREEN_CHECKIN);
		break;
	case '?':
		ui_switch(ui, SCREEN_HELP);
		break;
	case 'q': case 27:
		ui->quit = true;
		break;
	default:
		/* n, d, m, x and Delete (ui_picker_manage.c) */
		if (ch != ui->o->key_quit && picker_manage_start(ui, ch))
			break;
		if (ch == ui->o->key_quit)
			ui->quit = true;
		break;
	}
}

const struct ui_screen ui_picker_screen = {
	.name = "picker",
	.show = show,
	.close = close_picker,
	.draw = draw,
	.key = key,
	.tick = tick,
	.next_wake = next_wake,
};
