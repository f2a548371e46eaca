/* unit_picker_log.c: the picker's read of the log (picker_log.h): each
 * routine's last session (practice left out, matched by file name, a
 * routine of the same title in another file not), the done sessions by
 * due.h's rule and the status they make with the schedule, the check-in
 * offer from the same read; and the read on its thread: handed over when
 * done, held by the test knob until its file exists, and a read given up
 * mid-way freeing itself.  And the row's columns (picker_row.h): the
 * marks' words, the streak long and short, every row as wide in every
 * form. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "logmodel.h"
#include "picker_log.h"
#include "picker_row.h"
#include "util.h"

#include "tap.h"

/* 2026-12-06 09:00 UTC, a Sunday */
#define NOW ((time_t)1796547600)

static const char *LOG =
	/* Heel drops (heel.yaml): the 4th and 5th complete, the 6th quit */
	"2026-12-04T08:00:00.000+00:00 a1 start routine=\"Heel drops\" id=heel planned=60\n"
	"2026-12-04T08:01:00.000+00:00 a1 end status=complete elapsed=60.0\n"
	"2026-12-05T08:00:00.000+00:00 a2 start routine=\"Heel drops\" id=heel planned=60\n"
	"2026-12-05T08:01:00.000+00:00 a2 end status=complete elapsed=60.0\n"
	"2026-12-06T07:00:00.000+00:00 a3 start routine=\"Heel drops\" id=heel planned=60\n"
	"2026-12-06T07:01:00.000+00:00 a3 end status=quit elapsed=60.0\n"
	/* practice today: not its last session, not done */
	"2026-12-06T08:30:00.000+00:00 a4 start routine=\"Heel drops\" id=heel planned=60 speed=10\n"
	"2026-12-06T08:30:06.000+00:00 a4 end status=complete elapsed=6.0\n"
	/* another file's routine of the same title */
	"2026-12-06T08:40:00.000+00:00 a5 start routine=\"Heel drops\" id=other planned=60\n"
	"2026-12-06T08:41:00.000+00:00 a5 end status=complete elapsed=60.0\n"
	/* a log line without an id: matched by the title */
	"2026-12-06T06:00:00.000+00:00 a6 start routine=\"Stretch\" planned=60\n"
	"2026-12-06T06:01:00.000+00:00 a6 end status=complete elapsed=60.0\n";

static char path[64];

static void write_log(const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		puts("Bail out! cannot write the test log");
		exit(1);
	}
}

static struct picker_mark *marks_in(size_t *n)
{
	static struct picker_mark m[2];
	memset(m, 0, sizeof m);
	m[0].name = "Heel drops";
	m[0].id = "heel";
	m[0].schedule = (struct schedule){ .kind = SCHEDULE_DAILY, .per_day = 1 };
	m[1].name = "Stretch";
	m[1].id = "stretch";
	*n = 2;
	return m;
}

/* The marks as picker_log_start() would copy them, for the read in place. */
static void marks_copy(struct picker_marks *pm)
{
	size_t n;
	const struct picker_mark *m = marks_in(&n);
	pm->v = xcalloc(n, sizeof *pm->v);
	pm->n = n;
	for (size_t i = 0; i < n; i++) {
		pm->v[i].name = xstrdup(m[i].name);
		pm->v[i].id = m[i].id ? xstrdup(m[i].id) : NULL;
		pm->v[i].schedule = m[i].schedule;
	}
}

static void test_read(void)
{
	struct picker_marks pm = { 0 };
	marks_copy(&pm);
	picker_marks_read(path, &pm, NOW);
	ok(pm.read, "the log is read");
	is_int(pm.today, lm_local_day(NOW), "placed by now's day");
	const struct picker_mark *h = &pm.v[0], *s = &pm.v[1];
	is_int(h->last, NOW - 2 * 3600, "last: the quit session at 07:00, not the practice one");
	is_str(h->last_stamp, "2026-12-06T07:00", "its stamp as written, to the minute");
	is_int(h->last_day, lm_local_day(NOW), "its day as written");
	is_int(h->done.n, 2, "done on two days: not the quit, practice or other file's");
	is_int(h->st.left_today, 1, "daily, not done today: due");
	is_int(h->st.streak, 2, "its streak: the 4th and 5th");
	is_int(s->last, NOW - 3 * 3600, "a log line without an id goes by the title");
	is_int(s->st.due_today, 0, "no schedule: nothing due");
	is_int(s->st.streak, 1, "no schedule: days in a row with a session");
	ok(!pm.checkin_offer, "a session today already: no check-in offer");
	picker_marks_free(&pm);

	/* the offer: a session yesterday, none today */
	write_log("2026-12-05T08:00:00.000+00:00 b1 start routine=\"Heel drops\" id=heel planned=60\n"
		  "2026-12-05T08:01:00.000+00:00 b1 end status=complete elapsed=60.0\n");
	marks_copy(&pm);
	picker_marks_read(path, &pm, NOW);
	ok(pm.checkin_offer, "a session yesterday, none today: the check-in is offered");
	is_int(pm.v[0].st.streak, 1, "streak 1: today not done yet does not break it");
	picker_marks_free(&pm);

	unlink(path);
	marks_copy(&pm);
	picker_marks_read(path, &pm, NOW);
	ok(!pm.read && pm.v[0].last == 0 && !pm.checkin_offer, "no log: never, no offer");
	picker_marks_free(&pm);
	write_log(LOG);
}

static bool wait_ready(struct picker_log *pl, struct picker_marks *pm, int ms)
{
	for (int i = 0; i < ms; i++) {
		if (picker_log_ready(pl, pm))
			return true;
		struct timespec ts = { 0, 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	return false;
}

static void test_thread(void)
{
	size_t n;
	const struct picker_mark *m = marks_in(&n);
	struct picker_marks pm;
	struct picker_log *pl = picker_log_start(path, m, n, NOW, NULL);
	ok(wait_ready(pl, &pm, 10000), "the thread's read is handed over");
	picker_log_end(pl);
	ok(pm.n == 2 && pm.v[0].st.streak == 2 && pm.v[0].last == NOW - 2 * 3600,
	   "with the same marks as the read in place");
	picker_marks_free(&pm);

	/* the test knob: held until its file exists */
	char hold[80];
	snprintf(hold, sizeof hold, "%s.go", path);
	unlink(hold);
	pl = picker_log_start(path, m, n, NOW, hold);
	ok(!wait_ready(pl, &pm, 200), "held while the knob's file is missing");
	FILE *f = fopen(hold, "w");
	if (f)
		fclose(f);
	ok(wait_ready(pl, &pm, 10000), "handed over once it exists");
	picker_log_end(pl);
	picker_marks_free(&pm);

	/* given up before it is done: it stops and frees itself (run under
	 * the sanitizers, a leak or a use after free shows) */
	unlink(hold);
	pl = picker_log_start(path, m, n, NOW, hold);
	picker_log_end(pl);
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	ok(true, "a read given up ends on its own");
	unlink(hold);
}

/* "today" by the stamp's own day and time, as --due counts (due.h): an
 * evening session stamped in New York is today at 23:30 there, though
 * the UTC clock says tomorrow 04:30 */
static void test_zone(void)
{
	write_log("2026-12-06T23:30:00.000-05:00 z1 start routine=\"Heel drops\" id=heel planned=60\n"
		  "2026-12-06T23:31:00.000-05:00 z1 end status=complete elapsed=60.0\n");
	struct picker_marks pm = { 0 };
	marks_copy(&pm);
	time_t now = NOW + 21 * 3600; /* 2026-12-07 05:00 UTC */
	picker_marks_read(path, &pm, now);
	const struct picker_mark *h = &pm.v[0];
	is_str(h->last_stamp, "2026-12-06T23:30", "the stamp as written");
	is_int(h->last_day, lm_stamp_day("2026-12-06"), "its day as written: the 6th");
	char t[32];
	picker_when_text(h->last_stamp, h->last_day, lm_local_day(now), t, sizeof t);
	is_str(t, "2026-12-06", "the 7th: the 6th's date, as written");
	picker_when_text(h->last_stamp, h->last_day, lm_stamp_day("2026-12-06"), t, sizeof t);
	is_str(t, "today 23:30", "on the 6th: today at the time written (not 04:30)");
	is_int(h->done.n, 1, "and --due's rule counts it on that same day");
	picker_marks_free(&pm);
	picker_when_text("", 0, 0, t, sizeof t);
	is_str(t, "never", "no session: never");
	write_log(LOG);
}

static void test_row(void)
{
	char t[64];
	struct picker_row r = { .nsteps = 3, .total = 90000, .marked = true, .scheduled = true };
	r.st = (struct due_status){ .due_today = 1, .left_today = 1, .streak = 5 };
	picker_mark_text(&r, t, sizeof t);
	is_str(t, "due", "one due, none done: due");
	r.st = (struct due_status){ .due_today = 2, .left_today = 2 };
	picker_mark_text(&r, t, sizeof t);
	is_str(t, "due twice", "twice daily, none done: due twice (as --due says it)");
	r.st = (struct due_status){ .due_today = 2, .done_today = 1, .left_today = 1 };
	picker_mark_text(&r, t, sizeof t);
	is_str(t, "1 more", "twice daily, one done: 1 more (--due: 1 of 2 left)");
	r.st = (struct due_status){ .due_today = 2, .done_today = 3, .left_today = 0 };
	picker_mark_text(&r, t, sizeof t);
	is_str(t, "done", "all done (and more): done");
	r.st = (struct due_status){ .due_today = 0, .streak = 4 };
	picker_mark_text(&r, t, sizeof t);
	is_str(t, "", "not asked for today: no mark");
	picker_streak_text(&r, t, sizeof t);
	is_str(t, "streak 4", "the streak in words");
	r.marked = false;
	r.st = (struct due_status){ .due_today = 1, .left_today = 1, .streak = 4 };
	picker_mark_text(&r, t, sizeof t);
	ok(!t[0], "before the log is read: no mark");
	picker_streak_text(&r, t, sizeof t);
	ok(!t[0], "nor streak");

	/* three rows: every form as wide on each */
	const long TODAY = lm_local_day(NOW);
	struct picker_row rows[3] = {
		{ .nsteps = 1, .total = 33000, .last = "2026-12-06T08:00", .last_day = TODAY, .today = TODAY,
		  .marked = true, .scheduled = true,
		  .st = { .due_today = 2, .done_today = 1, .left_today = 1, .streak = 12 } },
		{ .nsteps = 10, .total = 3600000, .today = TODAY, .marked = true,
		  .st = { .streak = 0 } },
		{ .nsteps = 2, .total = 60000, .last = "2026-12-03T09:00", .last_day = TODAY - 3, .today = TODAY,
		  .marked = true, .scheduled = true,
		  .st = { .due_today = 1, .done_today = 1, .streak = 3 } },
	};
	struct picker_widths w = { 0 };
	for (int i = 0; i < 3; i++)
		picker_widths_add(&w, &rows[i]);
	is_int(w.mark, 6, "the mark column as wide as \"1 more\"");
	is_int(w.streak, 9, "the streak column as wide as \"streak 12\"");
	bool same = true;
	size_t widest = 0;
	for (int f = PICKER_COLS_ALL; f <= PICKER_COLS_NONE; f++) {
		size_t len[3];
		for (int i = 0; i < 3; i++) {
			picker_row_columns(&rows[i], f, &w, t, sizeof t);
			len[i] = strlen(t);
		}
		if (len[0] != len[1] || len[1] != len[2]) {
			same = false;
			printf("#   form %d: %zu, %zu, %zu wide\n", f, len[0], len[1], len[2]);
		}
		if (f == PICKER_COLS_ALL)
			widest = len[0];
		else if (len[0] > widest)
			same = false;
	}
	ok(same, "every form as wide on each row, none wider than the first");
	picker_row_columns(&rows[0], PICKER_COLS_ALL, &w, t, sizeof t);
	is_str(t, "1 more  streak 12    1 step      0:33  last: today 08:00",
	       "the widest form");
	picker_row_columns(&rows[2], PICKER_COLS_MARKS, &w, t, sizeof t);
	is_str(t, "done    streak 3 ", "marks only: the streak in the same words, padded as wide as streak 12");
	/* one form of the streak in every form that has one */
	bool one_form = true;
	for (int f = PICKER_COLS_ALL; f < PICKER_COLS_MARK; f++) {
		picker_row_columns(&rows[2], f, &w, t, sizeof t);
		if (!strstr(t, "streak 3 ")) {
			one_form = false;
			printf("#   form %d: %s\n", f, t);
		}
	}
	ok(one_form, "the streak reads \"streak 3\" in every form");
	picker_row_columns(&rows[1], PICKER_COLS_MARK, &w, t, sizeof t);
	is_str(t, "      ", "the mark alone: padded, for a row without one");
	rows[1].marked = false;
	rows[1].pending = true;
	picker_row_columns(&rows[1], PICKER_COLS_ALL, &w, t, sizeof t);
	ok(strstr(t, "last: ...") != NULL, "while the log is read: last: ...");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const char *tmp = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/unit_picker_log.%d", tmp && *tmp && strlen(tmp) < 30 ? tmp : "/tmp",
		 (int)getpid());
	write_log(LOG);
	test_read();
	test_thread();
	test_zone();
	test_row();
	unlink(path);
	return done_testing();
}
