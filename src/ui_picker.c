/* ui_picker.c: the picker: every routine on the search path with its steps,
 * planned time and when it was last done, a preview of the selected one,
 * the editor round-trip (e), which re-checks the file and shows its
 * errors with line and column, and the way back from a copy (r). */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <wchar.h>

#include "checkin.h"
#include "diag.h"
#include "editor.h"
#include "history.h"
#include "loader.h"
#include "plan.h"
#include "session.h"
#include "ui.h"
#include "util.h"

struct pick {
	char *id, *path;
	struct routine *r;   /* NULL when broken */
	char *error;         /* first error, "LINE:COL: message", when broken */
	int error_line;
	char **warnings;     /* "LINE:COL: warning: message", when it loads */
	size_t nwarnings;
	long long total;     /* planned ms */
	time_t last;         /* last session, 0 never */
	bool hides;          /* broken, and a file of the user's hiding another */
};

struct picker {
	struct pick *v;
	size_t n;
	size_t sel, top;
	size_t page;         /* rows of the list as last drawn, for PageUp/PageDown */
	char **errors;       /* every message of the last check after an edit */
	size_t nerrors;
	int reopen_line;     /* e reopens the editor here after a failed check */
	/* r asks first: the user's copy to move to the trash, and the
	 * routine it hides, which shows again */
	char *revert_copy, *revert_hidden;
	char message[1024];  /* a line or two above the key help */
};

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

static void errors_free(struct picker *p)
{
	for (size_t i = 0; i < p->nerrors; i++)
		free(p->errors[i]);
	free(p->errors);
	p->errors = NULL;
	p->nerrors = 0;
	p->reopen_line = 0;
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

/* When each routine was last done, from the log; a log that cannot be
 * read says "never", quietly. */
static void find_last_done(struct ui *ui, struct picker *p)
{
	char *log = session_log_path(ui->o);
	if (!log)
		return;
	struct history h;
	struct history_filter f = { 0 };
	history_read(&h, log, &f, time(NULL), NULL);
	for (size_t i = 0; i < p->n; i++) {
		if (!p->v[i].r)
			continue;
		for (size_t j = 0; j < h.nroutines; j++)
			if (!strcmp(h.routines[j].name, p->v[i].r->name))
				p->v[i].last = h.routines[j].last;
	}
	history_free(&h);
	free(log);
}

static void reload(struct ui *ui)
{
	struct picker *p = ui->picker;
	char *selected = p->n ? xstrdup(p->v[p->sel].id) : NULL;
	picks_free(p);
	struct routine_entry *v;
	size_t n = search_path_list(ui->sp, &v);
	p->v = xcalloc(n ? n : 1, sizeof *p->v);
	for (size_t i = 0; i < n; i++) {
		p->v[i].id = v[i].id;
		p->v[i].path = v[i].path;
		v[i].id = v[i].path = NULL;
		load_pick(ui, &p->v[i]);
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
	p->sel = 0;
	for (size_t i = 0; selected && i < n; i++)
		if (!strcmp(p->v[i].id, selected))
			p->sel = i;
	free(selected);
	find_last_done(ui, p);
	ui->full = ui->dirty = true;
}

static void revert_forget(struct picker *p)
{
	free(p->revert_copy);
	free(p->revert_hidden);
	p->revert_copy = p->revert_hidden = NULL;
}

/* The first start of a day after a day with a session, with no check-in
 * yet today: the morning check-in comes first (checkin.h has the rule). */
static void offer_checkin(struct ui *ui)
{
	char *log = session_log_path(ui->o);
	if (log && checkin_offer(log, time(NULL)))
		ui_switch(ui, SCREEN_CHECKIN);
	free(log);
}

/* Shown first, or again after a session: the log (when each routine was
 * last done) has changed since, and the files may have; all read again.
 * Back from the check-in, its confirmation is the message. */
static void show(struct ui *ui, enum ui_screen_id from)
{
	if (!ui->picker) {
		ui->picker = xcalloc(1, sizeof *ui->picker);
		ui->picker->page = 1;
		reload(ui);
		ui_resume_offer(ui, ui->picker->message, sizeof ui->picker->message);
		offer_checkin(ui);
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
	picks_free(p);
	errors_free(p);
	revert_forget(p);
	free(p);
	ui->picker = NULL;
}

/* ---- drawing ---- */

static void when_text(time_t t, char *out, size_t n)
{
	if (!t) {
		snprintf(out, n, "never");
		return;
	}
	time_t now = time(NULL);
	struct tm a, b;
	localtime_r(&t, &a);
	localtime_r(&now, &b);
	if (a.tm_year == b.tm_year && a.tm_yday == b.tm_yday)
		strftime(out, n, "today %H:%M", &a);
	else
		strftime(out, n, "%Y-%m-%d", &a);
}

/* The columns after a routine's name, widest first.  Where the names
 * would get less room than they want, the date last done goes first, then
 * the step count, then the time. */
enum { COLS_ALL, COLS_STEPS_TIME, COLS_TIME, COLS_NONE };
/* The room names are given before a column: the longest name's, up to
 * this many columns. */
#define NAME_ROOM 20

static void row_columns(const struct pick *k, int form, char *out, size_t n)
{
	char total[32], last[32];
	format_clock(total, sizeof total, k->total);
	when_text(k->last, last, sizeof last);
	const char *steps = k->r->nsteps == 1 ? " " : "s";
	switch (form) {
	case COLS_ALL:
		snprintf(out, n, "%3zu step%s %8s  last: %-11s", k->r->nsteps, steps, total, last);
		break;
	case COLS_STEPS_TIME:
		snprintf(out, n, "%3zu step%s %8s", k->r->nsteps, steps, total);
		break;
	case COLS_TIME:
		snprintf(out, n, "%8s", total);
		break;
	default:
		out[0] = '\0';
	}
}

/* One form for all rows, so that the columns line up: the widest that
 * leaves the names their room (a form is as wide on every row). */
static int list_form(const struct picker *p, int w)
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
		int form = COLS_ALL;
		char line[128];
		for (; form < COLS_NONE; form++) {
			row_columns(&p->v[i], form, line, sizeof line);
			if (w - 3 - (int)strlen(line) >= want)
				break;
		}
		return form;
	}
	return COLS_NONE;
}

static void draw_row(struct ui *ui, int y, int w, const struct pick *k, bool sel, int form)
{
	char line[512];
	if (sel)
		attron(A_REVERSE);
	move(y, 0);
	for (int c = 0; c < w; c++)
		addch(' ');
	if (k->r) {
		/* the numbers keep their columns; the name takes what is left */
		row_columns(k, form, line, sizeof line);
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

/* The status message above the key help, over as many rows as it needs
 * up to a quarter of the screen (three at least: paths are long); returns
 * the rows it takes. */
static int draw_message(struct ui *ui)
{
	const struct picker *p = ui->picker;
	if (!p->message[0])
		return 0;
	int rows = paint_wrap_rows(p->message, ui->paint.cols - 2, 2);
	int most = ui->paint.rows / 4 > 3 ? ui->paint.rows / 4 : 3;
	if (rows > most)
		rows = most;
	paint_color_on(&ui->paint, C_WARN);
	paint_wrap(&ui->paint, ui->paint.rows - 1 - rows, rows, 1, ui->paint.cols - 2, 2, p->message);
	paint_color_off(&ui->paint, C_WARN);
	return rows;
}

static void draw(struct ui *ui)
{
	struct picker *p = ui->picker;
	if (!paint_page(&ui->paint, "recoup: pick a routine"))
		return;
	int msg = draw_message(ui);
	/* the list's rows, down to the message or the row above the key help */
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
	if (!p->n)
		paint_wrap(&ui->paint, 2, h - 1, 1, ui->paint.cols - 2, 0,
			"No routines found. Put routine files in ~/.config/recoup/routines.");
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)h)
		p->top = p->sel - (size_t)h + 1;
	p->page = h > 1 ? (size_t)h : 1;
	int form = list_form(p, listw);
	for (size_t i = p->top; i < p->n && (int)(i - p->top) < h; i++)
		draw_row(ui, 1 + (int)(i - p->top), listw, &p->v[i], i == p->sel, form);
	if (listw < ui->paint.cols && p->n) {
		for (int y = 1; y <= h; y++)
			mvaddstr(y, listw, ui->paint.utf8 ? "\u2502" : "|");
		draw_preview(ui, listw + 2, 1, ui->paint.cols - listw - 3, h, &p->v[p->sel]);
	} else if (p->n && h > (int)p->n + 3) {
		draw_preview(ui, 2, (int)p->n + 2, ui->paint.cols - 4, h - (int)p->n - 1, &p->v[p->sel]);
	}
	paint_color_on(&ui->paint, C_DIM);
	paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2,
		    p->revert_copy ? "y: yes, to the trash   any other key: no"
				   : "Enter start  e edit  r revert  h history  c check-in  ? help  q quit");
	paint_color_off(&ui->paint, C_DIM);
}

/* ---- keys ---- */

/* The file `e` edits: the routine itself when it is the user's own, else
 * a copy in the user's routine directory (a shipped routine is changed by
 * copying it; the copy hides it on the search path), *copied then true.
 * NULL, with the message set, when there is none. */
static char *file_to_edit(struct ui *ui, const struct pick *k, bool *copied)
{
	struct picker *p = ui->picker;
	*copied = false;
	if (routine_is_own(ui->sp, k->path))
		return xstrdup(k->path);
	char *to;
	if (routine_copy_to_own(ui->sp, k->path, &to) < 0) {
		if (to)
			snprintf(p->message, sizeof p->message, "Cannot copy %s to %s to edit it: %s",
				 k->path, to, strerror(errno));
		else
			snprintf(p->message, sizeof p->message,
				 "Cannot edit %s: it is not yours to change, and no routine directory "
				 "of yours is on the search path to copy it to", k->path);
		free(to);
		return NULL;
	}
	*copied = true;
	return to;
}

/* The errors of the file the editor left, for the error screen; false
 * when it loads. */
static bool check_edited(struct picker *p, const char *path)
{
	struct diags d;
	diags_init(&d, path);
	struct routine *r = routine_load(path, &d);
	if (!r) {
		p->errors = xcalloc(d.n ? d.n : 1, sizeof *p->errors);
		for (size_t i = 0; i < d.n; i++) {
			char pos[32] = "";
			if (d.v[i].line > 0)
				snprintf(pos, sizeof pos, "%d:%d:", d.v[i].line, d.v[i].col);
			p->errors[p->nerrors++] = xasprintf("%s:%s %s%s", path, pos,
							    d.v[i].level == DIAG_WARNING ? "warning: " : "",
							    d.v[i].msg);
			if (!p->reopen_line && d.v[i].level == DIAG_ERROR)
				p->reopen_line = d.v[i].line;
		}
	}
	bool broken = r == NULL;
	routine_free(r);
	diags_free(&d);
	return broken;
}

static void edit_selected(struct ui *ui, int line)
{
	struct picker *p = ui->picker;
	struct pick *k = &p->v[p->sel];
	errors_free(p);
	p->message[0] = '\0';
	bool copied;
	char *path = file_to_edit(ui, k, &copied);
	if (!path)
		return;
	char why[300];
	int ran = editor_run(path, line, why, sizeof why);
	ui_direct_forget(&ui->direct);
	ui->full = ui->dirty = true;
	/* what the editor said (if anything went wrong), what was copied,
	 * then what the check found; an editor that never ran edited
	 * nothing, so there is nothing to check */
	struct buf m;
	buf_init(&m);
	buf_adds(&m, why);
	if (ran != 0 && copied) {
		/* a failed edit of a shipped routine leaves nothing behind to
		 * hide it; what was typed into the copy goes to the trash */
		char *trashed;
		if (routine_drop_copy(path, k->path, &trashed) < 0)
			buf_addf(&m, "; the copy made for it is left, %s (cannot remove it: %s)",
				 path, strerror(errno));
		else if (trashed)
			buf_addf(&m, "; the copy made for it, changed, was moved to the trash: %s",
				 trashed);
		else
			buf_addf(&m, "; the copy made for it was removed");
		free(trashed);
	} else if (ran == 0 && copied && routine_copy_unchanged(path, k->path)) {
		/* left without a change (:q!): a copy that changes nothing
		 * would only hide the routine it copies */
		if (unlink(path) < 0)
			buf_addf(&m, "No change; the copy made for it is left, %s (cannot remove it: %s)",
				 path, strerror(errno));
		else
			buf_addf(&m, "No change: the copy made for it was removed, %s is as it was",
				 k->path);
	} else if (ran >= 0) {
		bool broken = check_edited(p, path);
		if (why[0])
			buf_adds(&m, "; ");
		if (copied)
			buf_addf(&m, "Edited a copy, %s (the original is left as it was)%s", path,
				 broken ? "" : ": ok");
		else if (!broken)
			buf_addf(&m, "%s: ok", path);
	}
	snprintf(p->message, sizeof p->message, "%s", m.s ? m.s : "");
	buf_free(&m);
	reload(ui);
	free(path);
}

/* r: a copy of the user's that hides a routine of the same name (a
 * shipped one, made by e) goes, after a question, so that the hidden one
 * shows again; to the trash, since it may hold the user's own work. */
static void revert_ask(struct ui *ui)
{
	struct picker *p = ui->picker;
	const struct pick *k = &p->v[p->sel];
	bool own;
	char *hidden = routine_hidden(ui->sp, k->path, &own);
	if (!hidden) {
		if (!own)
			snprintf(p->message, sizeof p->message,
				 "Nothing to revert: r reverts a copy of yours to the routine it "
				 "hides, and %s is not in a routine directory of yours", k->path);
		else
			snprintf(p->message, sizeof p->message,
				 "Nothing to revert: %s hides no other routine named %s on the "
				 "search path", k->path, k->id);
		return;
	}
	p->revert_copy = xstrdup(k->path);
	p->revert_hidden = hidden;
	snprintf(p->message, sizeof p->message,
		 "Revert %s? Your copy %s goes to the trash, and %s shows again. y/n",
		 k->id, p->revert_copy, p->revert_hidden);
}

static void revert_answer(struct ui *ui, int ch)
{
	struct picker *p = ui->picker;
	if (ch != 'y' && ch != 'Y') {
		snprintf(p->message, sizeof p->message, "Not reverted: %s is kept", p->revert_copy);
		revert_forget(p);
		return;
	}
	char *to;
	if (routine_trash(p->revert_copy, &to) < 0)
		snprintf(p->message, sizeof p->message, "Cannot move %s to the trash, %s: %s",
			 p->revert_copy, to, strerror(errno));
	else
		snprintf(p->message, sizeof p->message,
			 "Reverted: your copy is now %s, and %s shows again", to, p->revert_hidden);
	free(to);
	revert_forget(p);
	reload(ui);
}

static void key(struct ui *ui, int ch)
{
	struct picker *p = ui->picker;
	ui->full = true;
	if (p->nerrors) {
		int line = p->reopen_line;
		errors_free(p);
		if (ch == 'e' && p->n)
			edit_selected(ui, line);
		return;
	}
	if (p->revert_copy) {
		revert_answer(ui, ch);
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
		ui_session_start(ui, p->v[p->sel].path, p->message, sizeof p->message);
		break;
	case 'e':
		if (p->n)
			edit_selected(ui, p->v[p->sel].r ? 0 : p->v[p->sel].error_line);
		break;
	case 'r':
		if (p->n)
			revert_ask(ui);
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
};
