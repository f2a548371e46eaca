/* unit_due.c: schedules against done sessions (due.h): what a schedule
 * asks on a day, the tally, and a routine's status on a day (due, left,
 * missed, streak, totals); and due_read() over a log. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "due.h"
#include "logfmt.h"
#include "tap.h"

/* 2026-12-07 is a Monday: days since 1970-01-01 */
#define MON 20794L

static struct due_tally tally(const long *days, size_t n)
{
	struct due_tally t = {0};
	for (size_t i = 0; i < n; i++)
		due_tally_add(&t, days[i]);
	return t;
}

int main(void)
{
	ok(due_weekday(0) == 3, "1970-01-01 was a Thursday");
	ok(due_weekday(MON) == 0 && due_weekday(MON + 6) == 6, "2026-12-07 a Monday, 12-13 a Sunday");
	ok(due_weekday(-1) == 2, "1969-12-31 a Wednesday");

	char day[16];
	logfmt_day_text(MON, day, sizeof day);
	is_str(day, "2026-12-07", "a day number as a date");
	logfmt_day_text(-1, day, sizeof day);
	is_str(day, "1969-12-31", "the day before the epoch");
	int y = 0, m = 0, d = 0;
	ok(logfmt_civil_from_days(logfmt_days_from_civil(2028, 2, 29), &y, &m, &d) &&
	   y == 2028 && m == 2 && d == 29, "a leap day there and back");

	struct schedule none = {0}, daily = { SCHEDULE_DAILY, 1, 0 }, twice = { SCHEDULE_DAILY, 2, 0 };
	struct schedule mwf = { SCHEDULE_WEEKDAYS, 1, 1u << 0 | 1u << 2 | 1u << 4 };
	char buf[64];
	schedule_text(&mwf, buf, sizeof buf);
	is_str(buf, "mon, wed, fri", "weekdays in words");
	schedule_text(&twice, buf, sizeof buf);
	is_str(buf, "twice daily", "twice daily in words");
	schedule_text(&daily, buf, sizeof buf);
	is_str(buf, "daily", "daily in words");
	schedule_text(&none, buf, sizeof buf);
	is_str(buf, "", "no schedule, no words");
	ok(schedule_weekday_of("wednesday") == 2 && schedule_weekday_of("sun") == 6 &&
	   schedule_weekday_of("Mon") == -1, "weekday words, lowercase");

	ok(schedule_due_on(&mwf, MON) == 1 && schedule_due_on(&mwf, MON + 1) == 0 &&
	   schedule_due_on(&mwf, MON + 4) == 1, "mon, wed, fri: due Monday and Friday, not Tuesday");
	ok(schedule_due_on(&twice, MON + 1) == 2 && schedule_due_on(&none, MON) == 0,
	   "twice daily asks 2; none asks nothing");
	ok(schedule_due_between(&mwf, MON, MON + 13) == 6, "two weeks of mon, wed, fri: 6");
	ok(schedule_due_between(&mwf, MON + 1, MON + 9) == 4, "Tuesday to the next Wednesday: 4");
	ok(schedule_due_between(&twice, MON, MON + 2) == 6, "three days twice daily: 6");
	ok(schedule_due_between(&daily, MON + 2, MON) == 0, "an empty span asks nothing");

	/* the tally, days added out of order */
	long d1[] = { MON + 2, MON, MON + 2, MON - 5 };
	struct due_tally t = tally(d1, 4);
	ok(t.n == 3 && t.day[0] == MON - 5 && t.day[2] == MON + 2, "days kept in order, once each");
	ok(due_tally_on(&t, MON + 2) == 2 && due_tally_on(&t, MON + 1) == 0, "counts by day");
	due_tally_free(&t);

	/* twice daily, one done today: 1 left; yesterday both; the day before one */
	long d2[] = { MON - 2, MON - 1, MON - 1, MON };
	t = tally(d2, 4);
	struct due_status st;
	due_status_of(&twice, &t, MON, -1, &st);
	ok(st.due_today == 2 && st.done_today == 1 && st.left_today == 1, "1 of 2 left today");
	ok(st.missed_day == -1 && st.missed == 0, "yesterday met, nothing missed");
	ok(st.streak == 1, "streak 1: yesterday met, today not over, the day before short");
	ok(st.done_total == 4 && st.due_total == 6, "4 done of 6 asked since the first day");
	ok(st.met_total == 4 && st.due_so_far == 5, "4 met of the 5 asked so far (one still left today)");
	ok(st.first_day == MON - 2 && st.last_day == MON, "first and last days");
	due_status_of(&twice, &t, MON + 1, -1, &st);
	ok(st.missed_day == MON && st.missed == 1 && st.streak == 0,
	   "the next day: yesterday 1 missed, the streak broken");
	due_tally_free(&t);

	/* mon, wed, fri: done Mon and Fri of last week and Monday; today Wednesday */
	long d3[] = { MON - 7, MON - 3, MON };
	t = tally(d3, 3);
	due_status_of(&mwf, &t, MON + 2, -1, &st);
	ok(st.left_today == 1 && st.streak == 2, "Wednesday due; Mon and the Friday before in a row");
	ok(st.missed_day == -1, "Tuesday off is no miss");
	due_status_of(&mwf, &t, MON + 3, -1, &st);
	ok(st.left_today == 0 && st.missed_day == MON + 2 && st.missed == 1 && st.streak == 0,
	   "Thursday: nothing due, Wednesday missed");
	due_status_of(&mwf, &t, MON + 1, MON, &st);
	ok(st.done_total == 1 && st.due_total == 1, "totals from a given day");
	due_tally_free(&t);

	/* a miss made good by a later session is no reminder; a routine never
	 * begun misses nothing */
	long d4[] = { MON - 3 };
	t = tally(d4, 1);
	due_status_of(&daily, &t, MON, -1, &st);
	ok(st.missed_day == MON - 1 && st.streak == 0, "daily, last done three days ago: yesterday missed");
	due_status_of(&daily, &t, MON - 2, -1, &st);
	ok(st.missed_day == -1 && st.streak == 1, "the day after: nothing missed, streak 1");
	due_tally_free(&t);
	t = (struct due_tally){0};
	due_status_of(&daily, &t, MON, -1, &st);
	ok(st.left_today == 1 && st.missed_day == -1 && st.streak == 0 && st.last_day == -1,
	   "never done: due, nothing missed, no streak");

	/* extra sessions are done, not met: twice on a daily day, one on a
	 * day off */
	long d6[] = { MON, MON, MON + 1, MON + 1, MON + 2 };
	t = tally(d6, 5);
	due_status_of(&daily, &t, MON + 2, -1, &st);
	ok(st.done_total == 5 && st.met_total == 3 && st.due_so_far == 3 && st.left_today == 0,
	   "daily, twice a day: 5 done, 3 of 3 met");
	due_status_of(&mwf, &t, MON + 2, -1, &st);
	ok(st.done_total == 5 && st.met_total == 2 && st.due_total == 2,
	   "mon, wed, fri: Tuesday's two are no Wednesday; 2 of 2 met");
	due_tally_free(&t);

	/* no schedule: never due, streak of days in a row */
	long d5[] = { MON - 2, MON - 1 };
	t = tally(d5, 2);
	due_status_of(&none, &t, MON, -1, &st);
	ok(st.due_today == 0 && st.left_today == 0 && st.missed_day == -1 && st.streak == 2,
	   "no schedule: not due, nothing missed, 2 days in a row");
	due_tally_free(&t);

	/* due_read over a log: complete sessions only, practice left out */
	char path[] = "/tmp/unit_due.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		puts("Bail out! cannot make a temporary log");
		return 1;
	}
	fputs("2026-12-06T08:00:00.000+00:00 a1 start routine=\"Heel drops\" id=heel planned=60000\n"
	      "2026-12-06T08:01:00.000+00:00 a1 end status=complete elapsed=60.0\n"
	      "2026-12-07T08:00:00.000+00:00 a2 start routine=\"Heel drops\" id=heel planned=60000\n"
	      "2026-12-07T08:01:00.000+00:00 a2 end status=quit elapsed=60.0\n"
	      "2026-12-07T09:00:00.000+00:00 a3 start routine=\"Heel drops\" id=heel planned=60000 speed=10\n"
	      "2026-12-07T09:01:00.000+00:00 a3 end status=complete elapsed=6.0\n"
	      "2026-12-07T10:00:00.000+00:00 a4 start routine=\"Heel drops\" id=heel planned=60000\n"
	      "2026-12-07T10:01:00.000+00:00 a4 end status=complete elapsed=60.0\n",
	      f);
	fclose(f);
	struct routine r = { .name = "Heel drops", .file = "/x/heel.yaml", .schedule = twice };
	struct due_entry e = { .r = &r };
	ok(due_read(path, &e, 1, MON, NULL) == 0, "the log reads");
	ok(due_tally_on(&e.tally, MON) == 1 && due_tally_on(&e.tally, MON - 1) == 1,
	   "one done each day: the quit and the practice ones do not count");
	ok(e.st.left_today == 1 && e.st.missed_day == MON - 1 && e.st.missed == 1,
	   "1 left today, 1 missed yesterday");
	due_entries_free(&e, 1);
	unlink(path);
	ok(due_read(path, &e, 1, MON, NULL) == 0 && e.tally.n == 0 && e.st.left_today == 2,
	   "no log: nothing done, both due");
	due_entries_free(&e, 1);
	return done_testing();
}
