/* unit_checkin.c: the morning check-in's core (checkin.h): the rule for
 * the picker's offer over hand-written logs, the keys of an answer (one
 * key, or 1 then 0 for 10), the log line and its reading back through the
 * log model. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checkin.h"
#include "logmodel.h"
#include "util.h"

#include "tap.h"

#define N(a) (sizeof(a) / sizeof *(a))

static long today;

/* Whether the picker offers, today being 2026-12-06, over `lines`. */
static bool offers(const char *const *lines, size_t n)
{
	struct checkin_days d;
	checkin_days_lines(&d, today, lines, n);
	return checkin_should_offer(&d);
}

#define START(day, sid, extra) \
	"2026-12-" day "T18:00:00.000+00:00 " sid " start routine=\"Post-run calf care\" " \
	"id=post-run-calf-care planned=1830 steps=9 format=1" extra
#define END(day, sid) "2026-12-" day "T18:30:00.000+00:00 " sid " end status=complete elapsed=1800"

static void test_offer(void)
{
	const char *yesterday[] = { START("05", "aaaaaa", ""), END("05", "aaaaaa") };
	ok(offers(yesterday, N(yesterday)), "a session yesterday, no check-in today: offer");

	const char *checked[] = {
		START("05", "aaaaaa", ""), END("05", "aaaaaa"),
		"2026-12-06T07:10:00.000+00:00 bbbbbb checkin pain=2 stiffness=4 elapsed=6.2",
	};
	ok(!offers(checked, N(checked)), "checked in today already: no offer");

	const char *skipped_all[] = {
		START("05", "aaaaaa", ""), END("05", "aaaaaa"),
		"2026-12-06T07:10:00.000+00:00 bbbbbb checkin pain=3 elapsed=2",
	};
	ok(!offers(skipped_all, N(skipped_all)), "a check-in today with one item: no offer");

	const char *before[] = { START("04", "aaaaaa", ""), END("04", "aaaaaa") };
	ok(!offers(before, N(before)),
	   "a session the day before yesterday, none yesterday: no offer (yesterday, local day)");

	const char *practice[] = {
		START("04", "aaaaaa", ""), END("04", "aaaaaa"),
		START("05", "cccccc", " speed=60"), END("05", "cccccc"),
	};
	ok(!offers(practice, N(practice)), "a practice session yesterday does not count: no offer");

	const char *both[] = {
		START("05", "cccccc", " speed=60"), END("05", "cccccc"),
		START("05", "dddddd", ""), END("05", "dddddd"),
	};
	ok(offers(both, N(both)), "practice and a real session yesterday: offer");

	const char *trained[] = {
		START("05", "aaaaaa", ""), END("05", "aaaaaa"),
		START("06", "eeeeee", ""), END("06", "eeeeee"),
	};
	ok(!offers(trained, N(trained)),
	   "a session today already (recoup ROUTINE this morning): not the day's first start");

	const char *old_checkin[] = {
		"2026-12-05T07:00:00.000+00:00 ffffff checkin pain=1 elapsed=3",
		START("05", "aaaaaa", ""), END("05", "aaaaaa"),
	};
	ok(offers(old_checkin, N(old_checkin)), "yesterday's check-in is not today's: offer");

	const char *aborted[] = {
		START("05", "aaaaaa", ""),
		"2026-12-05T18:04:00.000+00:00 aaaaaa end status=aborted signal=TERM elapsed=240",
	};
	ok(offers(aborted, N(aborted)), "an aborted session yesterday is a session: offer");

	const char *unfinished[] = { START("05", "aaaaaa", "") };
	ok(offers(unfinished, N(unfinished)), "a session without its end (killed) counts too");

	const char *other[] = {
		"2026-12-05T09:00:00.000+00:00 a0a0a0 start routine=\"Ice intervals\" id=ice-intervals "
		"planned=900 steps=2 format=1",
	};
	ok(offers(other, N(other)), "a session of any routine counts");

	/* the day as the stamp has it: 23:30 at -05:00 is the 5th there */
	const char *offset[] = {
		"2026-12-05T23:30:00.000-05:00 a0a0a0 start routine=\"Ice intervals\" planned=900 "
		"steps=2 format=1",
	};
	ok(offers(offset, N(offset)), "the local day the stamp was written in");

	ok(!offers(NULL, 0), "an empty log: no offer");

	/* the pure rule */
	struct checkin_days d = { .today = today, .session_yesterday = true };
	ok(checkin_should_offer(&d), "rule: session yesterday -> offer");
	d.checkin_today = true;
	ok(!checkin_should_offer(&d), "rule: and a check-in today -> no");
	d.checkin_today = false;
	d.session_today = true;
	ok(!checkin_should_offer(&d), "rule: and a session today -> no");
	d = (struct checkin_days){ .today = today };
	ok(!checkin_should_offer(&d), "rule: nothing yesterday -> no");
}

static void test_offer_file(void)
{
	char dir[] = "/tmp/unit-checkin.XXXXXX";
	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	char *path = xasprintf("%s/log", dir);
	/* 2026-12-06 12:00 UTC */
	struct tm tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 6, .tm_hour = 12 };
	time_t now = mktime(&tm);
	ok(!checkin_offer(path, now), "a log that is not there: no offer");
	FILE *f = fopen(path, "w");
	fprintf(f, "%s\n%s\n", START("05", "aaaaaa", ""), END("05", "aaaaaa"));
	fclose(f);
	ok(checkin_offer(path, now), "the log read from its file: offer");
	ok(!checkin_offer(path, now + 86400), "the day after: no session yesterday, no offer");
	ok(!checkin_offer(NULL, now), "--no-log (no log path): no offer");
	unlink(path);
	rmdir(dir);
	free(path);
}

static const char *const items[] = { "pain", "stiffness", NULL };

static void test_keys(void)
{
	struct checkin c;
	checkin_begin(&c, items, 2, 1000);
	ok(!checkin_done(&c) && c.cur == 0, "the first item is asked");
	checkin_digit(&c, 3, 1100);
	is_int(c.value[0], 3, "a digit other than 1 answers at once");
	is_int((long long)c.cur, 1, "and the next item is asked");
	checkin_digit(&c, 0, 7300);
	is_int(c.value[1], 0, "0 answers 0");
	ok(checkin_done(&c), "the last item answered: done");
	is_int(c.took, 6300, "the time it took, from the first question to the last answer");

	checkin_begin(&c, items, 2, 0);
	checkin_digit(&c, 1, 10);
	ok(c.one && c.cur == 0, "1 waits for a second key");
	checkin_digit(&c, 0, 20);
	is_int(c.value[0], 10, "1 then 0: 10");
	checkin_digit(&c, 1, 30);
	checkin_enter(&c, 40);
	is_int(c.value[1], 1, "1 then Enter: 1");

	/* "1 7": pain 1 and stiffness 7, typed without Enter */
	checkin_begin(&c, items, 2, 0);
	checkin_digit(&c, 1, 10);
	checkin_digit(&c, 7, 20);
	is_int(c.value[0], 1, "1 then 7: the 1 stands (no 17, and not pain 7)");
	is_int(c.value[1], 7, "and the 7 answers the next item");
	ok(checkin_done(&c), "both answered: done");
	/* "1 1 0": pain 1, and the second 1 waits as the next item's */
	checkin_begin(&c, items, 2, 0);
	checkin_digit(&c, 1, 10);
	checkin_digit(&c, 1, 20);
	ok(c.value[0] == 1 && c.cur == 1 && c.one, "1 then 1: 1, and the next item's 1 waits");
	checkin_digit(&c, 0, 30);
	is_int(c.value[1], 10, "which 0 makes 10");
	/* on the last item the digit after a 1 has no item to answer */
	static const char *const one_item[] = { "pain", NULL };
	checkin_begin(&c, one_item, 1, 0);
	checkin_digit(&c, 1, 10);
	checkin_digit(&c, 5, 20);
	ok(checkin_done(&c) && c.value[0] == 1, "the last item: 1 then 5 answers 1, and ends");
	is_int(c.value[1], -1, "the 5 answers nothing");

	checkin_begin(&c, items, 2, 0);
	checkin_digit(&c, 5, 20);
	checkin_enter(&c, 30);
	is_int(c.value[1], -1, "Enter skips an item");
	ok(checkin_done(&c), "done after the skip");
	is_int((long long)checkin_answered(&c), 1, "one item answered");

	checkin_begin(&c, items, 2, 0);
	ok(!checkin_back(&c), "back at the first item: nothing to go back to");
	checkin_digit(&c, 1, 10);
	ok(checkin_back(&c) && !c.one && c.cur == 0, "back forgets a 1 waiting");
	checkin_digit(&c, 7, 10);
	ok(checkin_back(&c) && c.cur == 0 && c.value[0] == -1, "back asks the item before again");
	checkin_answer(&c, 11, 10);
	ok(c.cur == 0 && c.value[0] == -1, "11 is no answer");
	checkin_answer(&c, 6, 10);
	checkin_enter(&c, 10);
	is_int((long long)checkin_answered(&c), 1, "6, then stiffness skipped");
	checkin_digit(&c, 4, 10);
	is_int(c.value[1], -1, "keys after the end do nothing");
}

static void test_words(void)
{
	char t[32];
	checkin_item_title("calf_pain", t, sizeof t);
	is_str(t, "Calf pain", "an item's title");
	ok(checkin_is_pain("pain") && !checkin_is_pain("stiffness") && !checkin_is_pain("calf_pain"),
	   "pain is the item the zones read");

	struct checkin c;
	checkin_begin(&c, items, 2, 0);
	checkin_answer(&c, 6, 0);
	checkin_answer(&c, 2, 0);
	struct buf b;
	buf_init(&b);
	checkin_summary(&c, &b);
	is_str(b.s, "pain 6 (back off), stiffness 2", "the confirmation's words");
	buf_free(&b);
	checkin_begin(&c, items, 2, 0);
	checkin_enter(&c, 0);
	checkin_enter(&c, 0);
	buf_init(&b);
	checkin_summary(&c, &b);
	is_str(b.s, "nothing", "nothing answered");
	buf_free(&b);
}

struct got {
	int n;
	struct lm_session s;
	int pain, stiffness;
	size_t nvalues;
};

static void got_session(void *ctx, const struct lm_session *s)
{
	struct got *g = ctx;
	g->n++;
	g->s = *s;
	g->pain = lm_value_of(s, "pain");
	g->stiffness = lm_value_of(s, "stiffness");
	g->nvalues = s->nvalues;
}

static void test_line(void)
{
	struct checkin c;
	checkin_begin(&c, items, 2, 1000);
	checkin_answer(&c, 2, 3000);
	checkin_answer(&c, 4, 7249);
	struct timespec when = { .tv_sec = 1796541669, .tv_nsec = 118000000 };
	struct buf b;
	buf_init(&b);
	checkin_line(&c, &b, &when, "9c02d1");
	char stamp[64];
	struct tm tm;
	localtime_r(&when.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S.118+00:00", &tm);
	char *want = xasprintf("%s 9c02d1 checkin pain=2 stiffness=4 elapsed=6.2\n", stamp);
	is_str(b.s, want, "TS SID checkin pain=2 stiffness=4 elapsed=6.2: elapsed last, to a tenth");
	free(want);

	/* read back as the model reads it */
	struct got g = { 0 };
	struct lm_reader r = { .session = got_session, .ctx = &g };
	const char *lines[] = { b.s };
	lm_read_lines(&r, lines, 1);
	is_int(g.n, 1, "the model hands it over");
	ok(g.s.kind == LM_CHECKIN, "as a check-in");
	ok(g.pain == 2 && g.stiffness == 4 && g.nvalues == 2, "with its values");
	is_int(g.s.took, 6200, "and the time it took");
	buf_free(&b);

	checkin_begin(&c, items, 2, 0);
	checkin_enter(&c, 10);
	checkin_answer(&c, 10, 49);
	buf_init(&b);
	checkin_line(&c, &b, &when, "9c02d1");
	ok(strstr(b.s, " checkin stiffness=10 elapsed=0.0\n") != NULL,
	   "a skipped item has no key; under 50 ms is 0.0");
	buf_free(&b);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	today = lm_stamp_day("2026-12-06T07:00:00.000+00:00");
	test_offer();
	test_offer_file();
	test_keys();
	test_words();
	test_line();
	return done_testing();
}
