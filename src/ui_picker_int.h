/* ui_picker_int.h: the picker's own state, shared by ui_picker.c (the
 * list, the log's marks, the drawing, the keys), ui_picker_edit.c (the
 * editor round-trip and the revert of a copy) and ui_picker_manage.c (new,
 * duplicate, rename and delete, and the name prompt they ask with).
 * Nothing else includes it. */
#ifndef RECOUP_UI_PICKER_INT_H
#define RECOUP_UI_PICKER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "due.h"
#include "picker_log.h"
#include "routine.h"
#include "ui.h"

struct pick {
	char *id, *path;
	struct routine *r;   /* NULL when broken */
	char *error;         /* first error, "LINE:COL: message", when broken */
	int error_line;
	char **warnings;     /* "LINE:COL: warning: message", when it loads */
	size_t nwarnings;
	long long total;     /* planned ms */
	char last[20];       /* last session's stamp as written, to the minute; "" never */
	long last_day;       /* and its day as written (due.h's rule) */
	bool hides;          /* broken, and a file of the user's hiding another */
	size_t order;        /* its place on the search path */
	/* what the log says, once read (`marked`): what its schedule asks
	 * today and its streak (due.h); `last` above */
	bool marked;
	struct due_status st;
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
	struct picker_log *reading; /* the log being read for the marks, or NULL */
	bool read_due;       /* a read is to start once the list is on the screen */
	long marks_day;      /* the local day the last read was started on: the
			      * marks are that day's, read again past midnight */
	bool first_read;     /* the read started as the picker opened: it also
			      * decides on the morning check-in's offer */
	bool keyed;          /* a key came since the picker was first shown */
	struct picker_manage *manage; /* n, d, m or x asking (its name or y/n), or NULL */
};

/* ---- ui_picker.c ---- */

/* The key help under a y/n question (x, r), and its form for a narrow
 * window. */
#define ANSWER_KEYS "y: yes, to the trash   any other key: no"
#define ANSWER_KEYS_SHORT "y: yes   other key: no"

/* The most rows the message above the key help takes (a quarter of the
 * screen, three at least): what does not fit is cut. */
int picker_message_rows(const struct ui *ui);

/* ---- ui_picker_edit.c ---- */

/* Forget the errors of the last check after an edit. */
void picker_errors_free(struct picker *p);
/* Forget the copy that `r` asked about. */
void picker_revert_forget(struct picker *p);
/* e: the selected routine in the editor (at `line`, 0 for the top), then
 * checked; the message says how it went, after `first` (NULL: nothing;
 * n says what it made).  True when the files may have changed: the caller
 * reads the list again. */
bool picker_edit(struct ui *ui, int line, const char *first);
/* r: ask whether to move the user's copy to the trash; and the answer,
 * true when it went (the list is to be read again). */
void picker_revert_ask(struct ui *ui);
bool picker_revert_answer(struct ui *ui, int ch);

/* ---- ui_picker_manage.c ---- */

/* What the caller does after a key of the management's: nothing more,
 * read the list again (the selection on `select`), or that and then the
 * editor round-trip on the selected routine (n's new file). */
enum picker_after { PICKER_STAY, PICKER_RELOAD, PICKER_RELOAD_EDIT };

/* n, d, m, x or Delete: start asking for a name (or, x, y/n), or say why
 * not.  False when `ch` is none of them. */
bool picker_manage_start(struct ui *ui, int ch);
/* A name is asked for (n, d, m), in a field of its own. */
bool picker_manage_asks_name(const struct picker *p);
/* A key while asking (p->manage set); *select: the routine id to select
 * after the reload (freshly allocated, or NULL). */
enum picker_after picker_manage_key(struct ui *ui, int ch, char **select);
/* While asking: the name's field on the row above the key help (`y`),
 * and the key help itself (the bottom row). */
void picker_manage_draw(struct ui *ui, int y);
/* Before drawing, while asking: x's question in its longest form that
 * shows whole at the screen's size now, so that "y/n" is seen. */
void picker_manage_fit(struct ui *ui);
/* Stop asking. */
void picker_manage_forget(struct picker *p);

#endif
