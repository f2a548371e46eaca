/* ui_picker_edit.c: the picker's ways of changing a routine's file: the
 * editor round-trip (e), which copies a shipped routine to the user's
 * directory first, re-checks the file and keeps its errors with line and
 * column for the error screen; and the revert of such a copy (r), to the
 * trash after a question. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "editor.h"
#include "loader.h"
#include "paths.h"
#include "ui_picker_int.h"
#include "util.h"

void picker_errors_free(struct picker *p)
{
	for (size_t i = 0; i < p->nerrors; i++)
		free(p->errors[i]);
	free(p->errors);
	p->errors = NULL;
	p->nerrors = 0;
	p->reopen_line = 0;
}

void picker_revert_forget(struct picker *p)
{
	free(p->revert_copy);
	free(p->revert_hidden);
	p->revert_copy = p->revert_hidden = NULL;
}

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

bool picker_edit(struct ui *ui, int line, const char *first)
{
	struct picker *p = ui->picker;
	struct pick *k = &p->v[p->sel];
	picker_errors_free(p);
	p->message[0] = '\0';
	bool copied;
	char *path = file_to_edit(ui, k, &copied);
	if (!path)
		return false;
	char why[300];
	int ran = editor_run(path, line, true, why, sizeof why);
	ui_direct_forget(&ui->direct);
	ui->full = ui->dirty = true;
	/* what the editor said (if anything went wrong), what was copied,
	 * then what the check found; an editor that never ran edited
	 * nothing, so there is nothing to check */
	struct buf m;
	buf_init(&m);
	if (first)
		buf_addf(&m, "%s%s", first, why[0] ? "; " : "");
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
		const char *sep = m.len ? "; " : "";
		if (copied)
			buf_addf(&m, "%sEdited a copy, %s (the original is left as it was)%s", sep,
				 path, broken ? "" : ": ok");
		else if (!broken && first)
			buf_addf(&m, "%sit loads: ok", sep);
		else if (!broken)
			buf_addf(&m, "%s%s: ok", sep, path);
	}
	snprintf(p->message, sizeof p->message, "%s", m.s ? m.s : "");
	buf_free(&m);
	free(path);
	return true;
}

/* r: a copy of the user's that hides a routine of the same name (a
 * shipped one, made by e) goes, after a question, so that the hidden one
 * shows again; to the trash, since it may hold the user's own work. */
void picker_revert_ask(struct ui *ui)
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

bool picker_revert_answer(struct ui *ui, int ch)
{
	struct picker *p = ui->picker;
	if (ch != 'y' && ch != 'Y') {
		snprintf(p->message, sizeof p->message, "Not reverted: %s is kept", p->revert_copy);
		picker_revert_forget(p);
		return false;
	}
	char *to;
	if (routine_trash(p->revert_copy, &to) < 0)
		snprintf(p->message, sizeof p->message, "Cannot move %s to the trash, %s: %s",
			 p->revert_copy, to, strerror(errno));
	else
		snprintf(p->message, sizeof p->message,
			 "Reverted: your copy is now %s, and %s shows again", to, p->revert_hidden);
	free(to);
	picker_revert_forget(p);
	return true;
}
