/* ui_picker_manage.c: the picker's management of the user's routine files
 * (routine_manage.h, paths.h): n a new routine from the starter, then the
 * editor; d a duplicate of the selected one; m a rename of one of the
 * user's own; x (or Delete) one of the user's own to the trash, after a
 * question.  The first three ask for a name in a one-line field on the
 * picker's message line, which scrolls sideways in a narrow window.
 *
 * None of it is a session: nothing is logged.  What goes wrong is said on
 * the message line, naming the file and the reason; a name that will not
 * do (bad, or taken) keeps the field open with the reason above it. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "routine_manage.h"
#include "safetext.h"
#include "ui_picker_int.h"
#include "util.h"

enum manage_kind { ASK_NEW, ASK_DUPLICATE, ASK_RENAME, ASK_DELETE };

struct picker_manage {
	enum manage_kind kind;
	char *path;             /* the routine acted on (not for n) */
	char *name;             /* its name, as the list shows it */
	char *hidden;           /* x: the routine it hides, which shows again */
	char *after;            /* x: the id to select after it, or NULL */
	/* the field: UTF-8 text, the cursor a byte offset into it */
	char text[256];
	size_t len, cur;
	/* a character typed as several bytes, so far */
	unsigned char pend[4];
	size_t npend;
	size_t scroll;          /* the first character shown */
};

void picker_manage_forget(struct picker *p)
{
	struct picker_manage *m = p->manage;
	if (!m)
		return;
	free(m->path);
	free(m->name);
	free(m->hidden);
	free(m->after);
	free(m);
	p->manage = NULL;
}

bool picker_manage_asks_name(const struct picker *p)
{
	return p->manage && p->manage->kind != ASK_DELETE;
}


/* The most rows the picker's message takes: a quarter of the screen, three
 * at least (paths are long).  Here, not in ui_picker.c, which calls this
 * file: the question of a delete is fitted to it too. */
int picker_message_rows(const struct ui *ui)
{
	return ui->paint.rows / 4 > 3 ? ui->paint.rows / 4 : 3;
}

/* The field starts with `s`, cut at a character's start to fit. */
static void field_set(struct picker_manage *m, const char *s)
{
	size_t n = strlen(s);
	if (n >= sizeof m->text) {
		n = sizeof m->text - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(m->text, s, n);
	m->text[n] = '\0';
	m->len = m->cur = n;
	m->scroll = 0;
}

static struct picker_manage *ask(struct picker *p, enum manage_kind kind, const struct pick *k)
{
	picker_manage_forget(p);
	struct picker_manage *m = xcalloc(1, sizeof *m);
	m->kind = kind;
	if (k) {
		m->path = xstrdup(k->path);
		m->name = xstrdup(k->r ? k->r->name : k->id);
	}
	p->manage = m;
	p->message[0] = '\0';
	return m;
}

/* x: a question, or why not. */
static void ask_delete(struct ui *ui, const struct pick *k)
{
	struct picker *p = ui->picker;
	const char *name = k->r ? k->r->name : k->id;
	if (!routine_in_own_dir(ui->sp, k->path)) {
		snprintf(p->message, sizeof p->message,
			 "Cannot delete %s: %s is not in a routine directory of yours (it ships "
			 "with recoup, or is only read); nothing changed", name, k->path);
		return;
	}
	bool own;
	char *hidden = routine_hidden(ui->sp, k->path, &own);
	struct picker_manage *m = ask(p, ASK_DELETE, k);
	m->hidden = hidden;
	/* the selection goes to the neighbour below, else above; to the
	 * routine it hid when that shows again */
	if (hidden)
		m->after = xstrdup(k->id);
	else if (p->sel + 1 < p->n)
		m->after = xstrdup(p->v[p->sel + 1].id);
	else if (p->sel > 0)
		m->after = xstrdup(p->v[p->sel - 1].id);
	picker_manage_fit(ui);
}

/* Whether the message shows whole on the rows it may take. */
static bool message_fits(const struct ui *ui)
{
	return paint_wrap_rows(ui->picker->message, ui->paint.cols - 2, 2) <=
	       picker_message_rows(ui);
}

void picker_manage_fit(struct ui *ui)
{
	struct picker *p = ui->picker;
	struct picker_manage *m = p->manage;
	if (!m || m->kind != ASK_DELETE)
		return;
	/* the file and the trash named; else the name alone (the answer
	 * names the file and where it went); else the name cut to fit */
	const char *name = m->name;
	if (m->hidden) {
		snprintf(p->message, sizeof p->message,
			 "Delete your copy of %s? %s goes to the trash, and the routine it "
			 "hides shows again, %s (as r does). y/n", name, m->path, m->hidden);
	} else {
		char *trash = routine_trash_dir();
		snprintf(p->message, sizeof p->message,
			 "Delete %s? %s goes to the trash, %s. y/n", name, m->path, trash);
		free(trash);
	}
	if (message_fits(ui))
		return;
	snprintf(p->message, sizeof p->message, m->hidden
		 ? "Delete your copy of %s? The routine it hides shows again. y/n"
		 : "Delete %s? It goes to the trash. y/n", name);
	if (message_fits(ui))
		return;
	/* the name cut at a character's start, an ellipsis after it */
	const char *dots = ui->paint.utf8 ? "\u2026" : "...";
	for (int w = paint_width(name) - 1; ; w--) {
		size_t bytes = w > 0 ? paint_fit(name, w, false, NULL) : 0;
		snprintf(p->message, sizeof p->message, m->hidden
			 ? "Delete your copy of %.*s%s? y/n" : "Delete %.*s%s? y/n",
			 (int)bytes, name, dots);
		if (w <= 0 || message_fits(ui))
			break;
	}
}

/* The name `d` offers for a copy of NAME: the first of "NAME copy", "NAME
 * copy 2", "NAME copy 3" ... that no routine has taken (routine_taken()),
 * so that Enter makes it.  Freshly allocated. */
static char *copy_name(const struct search_path *sp, const char *name)
{
	char *s = xasprintf("%s copy", name);
	for (int n = 2; n < 1000; n++) {
		char *by = routine_taken(sp, s);
		if (!by)
			break;
		free(by);
		free(s);
		s = xasprintf("%s copy %d", name, n);
	}
	return s;
}

bool picker_manage_start(struct ui *ui, int ch)
{
	struct picker *p = ui->picker;
	const struct pick *k = p->n ? &p->v[p->sel] : NULL;
	switch (ch) {
	case 'n':
		ask(p, ASK_NEW, NULL);
		return true;
	case 'd':
		if (k) {
			struct picker_manage *m = ask(p, ASK_DUPLICATE, k);
			char *s = copy_name(ui->sp, m->name);
			field_set(m, s);
			free(s);
		}
		return true;
	case 'm':
		if (!k)
			return true;
		if (!routine_in_own_dir(ui->sp, k->path)) {
			snprintf(p->message, sizeof p->message,
				 "Cannot rename %s: %s is not in a routine directory of yours (it "
				 "ships with recoup, or is only read). d duplicates it under a name "
				 "of your own", k->r ? k->r->name : k->id, k->path);
			return true;
		}
		field_set(ask(p, ASK_RENAME, k), k->r ? k->r->name : k->id);
		return true;
	case 'x': case KEY_DC:
		if (k)
			ask_delete(ui, k);
		return true;
	default:
		return false;
	}
}

/* ---- the field ---- */

static void field_insert(struct picker_manage *m, const char *s, size_t n)
{
	if (m->len + n >= sizeof m->text)
		return;
	memmove(m->text + m->cur + n, m->text + m->cur, m->len - m->cur + 1);
	memcpy(m->text + m->cur, s, n);
	m->len += n;
	m->cur += n;
}

/* The start of the character before byte `at`. */
static size_t char_before(const struct picker_manage *m, size_t at)
{
	while (at > 0 && ((unsigned char)m->text[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t char_after(const struct picker_manage *m, size_t at)
{
	if (at < m->len)
		at++;
	while (at < m->len && ((unsigned char)m->text[at] & 0xc0) == 0x80)
		at++;
	return at;
}

/* A byte of typed text: ASCII at once, the bytes of a UTF-8 character
 * once they are all there and make one, as utf8_decode() (util.h) tells:
 * no overlong form, surrogate or code point past U+10FFFF.  What is not a
 * character is dropped, and so is a C1 control: a byte that cannot go on
 * a sequence (ASCII, a lead byte) ends it, and four bytes that make none
 * are dropped. */
static void field_byte(struct picker_manage *m, unsigned char b)
{
	bool goes_on = (b & 0xc0) == 0x80;
	if (m->npend && !goes_on)
		m->npend = 0; /* cut short: the new byte starts afresh */
	if (!m->npend && b < 0x80) {
		field_insert(m, (const char *)&b, 1);
		return;
	}
	if (!m->npend && goes_on)
		return;       /* a continuation byte of nothing */
	m->pend[m->npend++] = b;
	uint32_t c;
	size_t w = utf8_decode(m->pend, m->npend, &c);
	if (w == m->npend) {
		if (c >= 0xa0)
			field_insert(m, (const char *)m->pend, m->npend);
		m->npend = 0;
	} else if (m->npend == sizeof m->pend) {
		m->npend = 0;
	}
}

/* An editing key of the field's; false for one it does not take. */
static bool field_key(struct picker_manage *m, int ch)
{
	switch (ch) {
	case KEY_BACKSPACE: case 127: case 8: {
		size_t at = char_before(m, m->cur);
		memmove(m->text + at, m->text + m->cur, m->len - m->cur + 1);
		m->len -= m->cur - at;
		m->cur = at;
		break;
	}
	case KEY_DC: {
		size_t to = char_after(m, m->cur);
		memmove(m->text + m->cur, m->text + to, m->len - to + 1);
		m->len -= to - m->cur;
		break;
	}
	case 21: /* Ctrl-U: all before the cursor, as in a shell */
		memmove(m->text, m->text + m->cur, m->len - m->cur + 1);
		m->len -= m->cur;
		m->cur = 0;
		break;
	case KEY_LEFT:
		m->cur = char_before(m, m->cur);
		break;
	case KEY_RIGHT:
		m->cur = char_after(m, m->cur);
		break;
	case KEY_HOME: case 1: /* Ctrl-A */
		m->cur = 0;
		break;
	case KEY_END: case 5: /* Ctrl-E */
		m->cur = m->len;
		break;
	default:
		if (ch < 0x20 || ch == 0x7f || ch > 0xff)
			return false;
		field_byte(m, (unsigned char)ch);
		return true;
	}
	m->npend = 0;
	return true;
}

/* ---- the answers ---- */

/* Enter on a name: done (the list to read again), or the field stays
 * open with the reason on the message line. */
static enum picker_after name_entered(struct ui *ui, char **select)
{
	struct picker *p = ui->picker;
	struct picker_manage *m = p->manage;
	/* the spaces at either end are no part of the name (nor of what
	 * routine_manage.c writes): gone from the field too */
	size_t lead = strspn(m->text, " ");
	memmove(m->text, m->text + lead, m->len - lead + 1);
	m->len -= lead;
	while (m->len > 0 && m->text[m->len - 1] == ' ')
		m->text[--m->len] = '\0';
	m->cur = m->len;
	m->scroll = 0;
	const char *name = m->text;
	const char *bad = routine_name_problem(name);
	if (bad) {
		snprintf(p->message, sizeof p->message, "%s Type another, or Esc to cancel.", bad);
		return PICKER_STAY;
	}
	if (m->kind == ASK_RENAME && !strcmp(name, m->name)) {
		snprintf(p->message, sizeof p->message, "Not renamed: %s is its name already",
			 m->name);
		picker_manage_forget(p);
		return PICKER_STAY;
	}
	/* a rename keeps the file, and so its id: nothing to be taken.
	 * New and duplicate check here too, before routine_manage.c does
	 * (the same check), to keep the field open for another name. */
	char *by = m->kind == ASK_RENAME ? NULL : routine_taken(ui->sp, name);
	if (by) {
		snprintf(p->message, sizeof p->message,
			 "That name is taken: %s is a routine already. Type another, or Esc "
			 "to cancel.", by);
		free(by);
		return PICKER_STAY;
	}
	char why[600] = "", *to = NULL;
	int rc;
	if (m->kind == ASK_NEW)
		rc = routine_new(ui->sp, name, &to, why, sizeof why);
	else if (m->kind == ASK_DUPLICATE)
		rc = routine_duplicate(ui->sp, m->path, name, &to, why, sizeof why);
	else
		rc = routine_rename(ui->sp, m->path, name, &to, why, sizeof why);
	enum picker_after after = PICKER_RELOAD;
	if (rc < 0) {
		snprintf(p->message, sizeof p->message, "%s", why[0] ? why : "Nothing changed");
		after = PICKER_STAY;
	} else {
		if (m->kind == ASK_NEW) {
			snprintf(p->message, sizeof p->message, "Created %s", to);
			after = PICKER_RELOAD_EDIT;
		} else if (m->kind == ASK_DUPLICATE) {
			snprintf(p->message, sizeof p->message,
				 "Duplicated %s as %s: %s, a new routine, with no history yet",
				 m->name, name, to);
		} else {
			/* the file, and its id, stay: the log's sessions are still
			 * this routine's */
			const char *slash = strrchr(to, '/');
			snprintf(p->message, sizeof p->message,
				 "Renamed %s to %s; its file, %s, is kept, and with it its "
				 "history and progression", m->name, name, slash ? slash + 1 : to);
		}
		*select = routine_id_of(to);
	}
	free(to);
	picker_manage_forget(p);
	return after;
}

static enum picker_after delete_answered(struct ui *ui, int ch, char **select)
{
	struct picker *p = ui->picker;
	struct picker_manage *m = p->manage;
	if (ch != 'y' && ch != 'Y') {
		snprintf(p->message, sizeof p->message, "Not deleted: %s is kept", m->path);
		picker_manage_forget(p);
		return PICKER_STAY;
	}
	char *to;
	enum picker_after after = PICKER_RELOAD;
	if (routine_trash(m->path, &to) < 0) {
		snprintf(p->message, sizeof p->message,
			 "Cannot move %s to the trash, %s: %s; nothing changed", m->path, to,
			 strerror(errno));
		after = PICKER_STAY;
	} else {
		snprintf(p->message, sizeof p->message, "Deleted %s: %s went to the trash, %s%s%s",
			 m->name, m->path, to,
			 m->hidden ? "; the routine it hid shows again, " : "",
			 m->hidden ? m->hidden : "");
		*select = m->after;
		m->after = NULL;
	}
	free(to);
	picker_manage_forget(p);
	return after;
}

enum picker_after picker_manage_key(struct ui *ui, int ch, char **select)
{
	struct picker *p = ui->picker;
	struct picker_manage *m = p->manage;
	*select = NULL;
	if (m->kind == ASK_DELETE)
		return delete_answered(ui, ch, select);
	if (ch == 27) {
		snprintf(p->message, sizeof p->message, "Cancelled: nothing changed");
		picker_manage_forget(p);
		return PICKER_STAY;
	}
	if (ch == '\r' || ch == '\n' || ch == KEY_ENTER)
		return name_entered(ui, select);
	size_t len = m->len;
	char before[sizeof m->text];
	memcpy(before, m->text, len + 1);
	field_key(m, ch);
	/* the reason given for the last name goes once the name changes */
	if (m->len != len || memcmp(before, m->text, len))
		p->message[0] = '\0';
	return PICKER_STAY;
}

/* ---- drawing ---- */

static const char *const labels[] = {
	[ASK_NEW] = "New routine's name: ",
	[ASK_DUPLICATE] = "Duplicate as: ",
	[ASK_RENAME] = "Rename to: ",
};

/* The field's characters as shown (safetext: nothing typed reaches the
 * terminal raw), from the first that keeps the cursor in `width`
 * columns; the cursor's cell in reverse video. */
static void draw_field(struct ui *ui, struct picker_manage *m, int y, int x, int width)
{
	if (width < 2)
		return;
	struct shown {
		size_t off;
		int cols;
		char show[28];
	} *c = xcalloc(m->len + 1, sizeof *c);
	size_t n = 0, at = 0;
	struct safe_iter it;
	struct safe_char sc;
	safe_iter_init(&it, m->text, m->len, SAFE_TERM);
	while (safe_iter_next(&it, &sc)) {
		c[n].off = it.off - sc.len;
		c[n].cols = sc.cols;
		snprintf(c[n].show, sizeof c[n].show, "%s", sc.show);
		if (c[n].off < m->cur)
			at = n + 1;
		n++;
	}
	/* scrolled so that the cursor shows: the character under it whole
	 * (two columns for a wide one), or a cell past the end, at the end */
	if (m->scroll > at)
		m->scroll = at;
	for (;;) {
		int w = at < n && c[at].cols > 1 ? c[at].cols : 1;
		for (size_t i = m->scroll; i < at; i++)
			w += c[i].cols;
		if (w <= width || m->scroll >= at)
			break;
		m->scroll++;
	}
	int col = 0;
	for (size_t i = m->scroll; i <= n; i++) {
		int cw = i < n ? c[i].cols : 1;
		if (col + cw > width)
			break;
		if (i == at)
			attron(A_REVERSE);
		if (i < n)
			paint_text(y, x + col, cw, c[i].show);
		else
			mvaddch(y, x + col, ' ');
		if (i == at)
			attroff(A_REVERSE);
		col += cw;
	}
	free(c);
	(void)ui;
}

void picker_manage_draw(struct ui *ui, int y)
{
	struct picker_manage *m = ui->picker->manage;
	const char *help = paint_width(ANSWER_KEYS) <= ui->paint.cols - 2 ? ANSWER_KEYS
			   : ANSWER_KEYS_SHORT;
	if (m->kind != ASK_DELETE) {
		help = "Enter: ok   Esc: cancel   Backspace, Ctrl-U: erase";
		/* a narrow window keeps room for the name */
		const char *label = labels[m->kind];
		if (ui->paint.cols - 2 - paint_width(label) < 12)
			label = "Name: ";
		int lw = paint_text(y, 1, ui->paint.cols - 2, label);
		draw_field(ui, m, y, 1 + lw, ui->paint.cols - 2 - lw);
	}
	paint_color_on(&ui->paint, C_DIM);
	paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2, help);
	paint_color_off(&ui->paint, C_DIM);
}
