/* picker_row.c: the columns of a picker row after its name (picker_row.h). */
#include "config.h"

#include "picker_row.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

void picker_mark_text(const struct picker_row *r, char *out, size_t n)
{
	const struct due_status *st = &r->st;
	out[0] = '\0';
	if (!r->marked || !r->scheduled || !st->due_today)
		return;
	/* what is left, as --due says it ("due twice today", "1 of 2 left
	 * today"): never a count of what is done beside "due" */
	if (!st->left_today)
		snprintf(out, n, "done");
	else if (!st->done_today && st->due_today == 2)
		snprintf(out, n, "due twice");
	else if (!st->done_today)
		snprintf(out, n, "due");
	else
		snprintf(out, n, "%d more", st->left_today);
}

void picker_streak_text(const struct picker_row *r, char *out, size_t n)
{
	out[0] = '\0';
	if (r->marked && r->st.streak > 0)
		snprintf(out, n, "streak %d", r->st.streak);
}

void picker_when_text(const char *stamp, long day, long today, char *out, size_t n)
{
	if (!stamp || strlen(stamp) < 16)
		snprintf(out, n, "never");
	else if (day == today)
		snprintf(out, n, "today %.5s", stamp + 11);
	else
		snprintf(out, n, "%.10s", stamp);
}

static void widen(int *w, const char *s)
{
	if ((int)strlen(s) > *w)
		*w = (int)strlen(s);
}

void picker_widths_add(struct picker_widths *w, const struct picker_row *r)
{
	char t[64];
	picker_mark_text(r, t, sizeof t);
	widen(&w->mark, t);
	picker_streak_text(r, t, sizeof t);
	widen(&w->streak, t);
}

void picker_row_columns(const struct picker_row *r, enum picker_form form,
			const struct picker_widths *w, char *out, size_t n)
{
	char total[32], last[32], mark[32], streak[32];
	format_clock(total, sizeof total, r->total);
	if (r->marked || !r->pending)
		picker_when_text(r->last, r->last_day, r->today, last, sizeof last);
	else
		snprintf(last, sizeof last, "..."); /* the log is being read */
	picker_mark_text(r, mark, sizeof mark);
	picker_streak_text(r, streak, sizeof streak);
	int sw = form == PICKER_COLS_MARK ? 0 : w->streak;
	/* the marks first, each padded to its column's width */
	struct buf b;
	buf_init(&b);
	if (form < PICKER_COLS_NONE && w->mark)
		buf_addf(&b, "%-*s  ", w->mark, mark);
	if (form < PICKER_COLS_NONE && sw)
		buf_addf(&b, "%-*s  ", sw, streak);
	const char *steps = r->nsteps == 1 ? " " : "s";
	switch (form) {
	case PICKER_COLS_ALL:
		buf_addf(&b, "%3zu step%s %8s  last: %-11s", r->nsteps, steps, total, last);
		break;
	case PICKER_COLS_STEPS_TIME:
		buf_addf(&b, "%3zu step%s %8s", r->nsteps, steps, total);
		break;
	case PICKER_COLS_TIME:
		buf_addf(&b, "%8s", total);
		break;
	default:
		/* the marks are the last columns: no gap after them (their
		 * padding stays, so that every row is as wide) */
		if (b.len >= 2)
			b.s[b.len -= 2] = '\0';
		break;
	}
	snprintf(out, n, "%s", b.s ? b.s : "");
	buf_free(&b);
}
