/* unit_progress.c: progression (progress.h, progress_rules.h) over
 * hand-written logs and by direct calls to the rule: every branch (all
 * sets met, one short, pain above 5 in the session or the next morning, a
 * worse morning, two bad in a row, never below the bottom, the top with
 * and without load, a refused load), and what the log model must get
 * right for it (practice, a redone set, another routine's exercise of the
 * same name, an aborted session, interleaved and merged sessions, sides
 * apart).  And the why's words over the same replay. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "loader.h"
#include "parse.h"
#include "progress.h"
#include "tap.h"
#include "util.h"

/* Drive: reps with progress on both sides; Drop: 15 fixed, load added by
 * hand (the loader may not take `load:` yet); Hold: no progress, no load. */
static const char routine_yaml[] =
	"name: Calves\n"
	"steps:\n"
	"  - {type: rate, name: Pain before, measure: pain}\n"
	"  - {type: reps, name: Drive, side: both, sets: 2, reps: 8-12, progress: true}\n"
	"  - {type: reps, name: Drop, side: none, sets: 3, reps: 15}\n"
	"  - {type: reps, name: Hold, side: both, sets: 1, reps: 10}\n"
	"  - {type: rate, name: Pain after, measure: pain}\n";

enum { DRIVE = 1, DROP = 2, HOLD = 3 };

static struct routine *load_routine(void)
{
	struct diags d;
	diags_init(&d, "calves.yaml");
	struct routine *r = routine_load_buffer("calves.yaml", routine_yaml,
						strlen(routine_yaml), &d);
	diags_free(&d);
	if (!r)
		die(99, "the test routine does not load");
	r->steps[DROP].load = 0; /* `load: 0` */
	r->steps[DROP].load_step = 2500;
	return r;
}

/* ---- a log, written line by line ---- */

struct logb {
	char **v;
	size_t n, cap;
};

PRINTF_LIKE(2, 3)
static void add(struct logb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	b->v = xgrow(b->v, &b->cap, b->n + 1, sizeof *b->v);
	b->v[b->n++] = s;
}

static void logb_free(struct logb *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i]);
	free(b->v);
	*b = (struct logb){0};
}

/* `when` is "12-01T07:00" (2026, UTC). */
#define TS "2026-%s:00.000+00:00 %s "

static void start(struct logb *b, const char *sid, const char *when, const char *extra)
{
	add(b, TS "start routine=Calves id=calves file=calves.yaml format=1%s", when, sid, extra);
}

static void end(struct logb *b, const char *sid, const char *when, const char *status)
{
	add(b, TS "end status=%s elapsed=600", when, sid, status);
}

static void set(struct logb *b, const char *sid, const char *when, const char *side,
		int n, int target, int reps)
{
	add(b, TS "set n=2 name=Drive side=%s set=%d sets=2 target=%d reps=%d min=8 max=12 elapsed=30",
	    when, sid, side, n, target, reps);
}

static void pain(struct logb *b, const char *sid, const char *when, int v)
{
	add(b, TS "rate n=5 name=\"Pain after\" measure=pain value=%d", when, sid, v);
}

static void checkin(struct logb *b, const char *when, int p)
{
	add(b, TS "checkin pain=%d stiffness=3 elapsed=5.5", when, "ck", p);
}

/* A session of Drive on both sides at `target`, every set `reps`, and a
 * pain rating after (none when below 0). */
static void session(struct logb *b, const char *sid, const char *when, int target,
		    int reps, int p)
{
	start(b, sid, when, "");
	for (int k = 1; k <= 2; k++) {
		set(b, sid, when, "left", k, target, reps);
		set(b, sid, when, "right", k, target, reps);
	}
	if (p >= 0)
		pain(b, sid, when, p);
	end(b, sid, when, "complete");
}

/* The same at 10, met, with one rating line of its own ("n=1 name=..."). */
static void session_rated(struct logb *b, const char *sid, const char *when, const char *rate)
{
	start(b, sid, when, "");
	add(b, TS "rate %s", when, sid, rate);
	for (int k = 1; k <= 2; k++) {
		set(b, sid, when, "left", k, 10, 10);
		set(b, sid, when, "right", k, 10, 10);
	}
	end(b, sid, when, "complete");
}

static struct routine *R;
static struct step_target T[8];

static void targets(const struct logb *b)
{
	progress_targets_lines((const char *const *)b->v, b->n, R, T);
}

#define LEFT(i) T[i].side[SIDE_LEFT]
#define RIGHT(i) T[i].side[SIDE_RIGHT]
#define NONE(i) T[i].side[SIDE_NONE]

/* ---- the rule, called directly ---- */

static struct rule_step rs_range = {.min = 8, .max = 12, .sets = 2, .load_step = 2500};
static struct rule_step rs_load = {.min = 15, .max = 15, .sets = 3, .has_load = true,
				   .load = 0, .load_step = 2500};

static struct rule_session met(int target, int p)
{
	return (struct rule_session){.evidence = true, .target = target, .load = LOAD_NONE,
				     .done = 2, .least = target, .pain = p, .pain_before = -1,
				     .morning = -1, .morning_before = -1};
}

static void test_rule(void)
{
	struct rule_state s;
	struct rule_decision d;
	rule_init(&s, &rs_range);
	is_int(s.target, 8, "rule: starts at the bottom");

	struct rule_session in = met(10, 3);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_UP && d.reason == RULE_MET, "rule: every set met, pain 3: up");
	is_int(s.target, 11, "rule: the logged target reset the state, then one more");

	in = met(11, -1);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_UP && s.target == 12, "rule: no rating, no check-in: no objection, up");

	in = met(12, 2);
	in.least = 11;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_SHORT && s.target == 12,
	   "rule: one set short: held");

	in = met(12, 2);
	in.done = 1;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_MISSING && s.target == 12,
	   "rule: a set missing: held");

	rule_init(&s, &rs_range);
	in = met(10, 6);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_PAIN && d.bad && d.streak == 1,
	   "rule: pain 6 in the session: bad, held");
	is_int(s.target, 10, "rule: held at 10");
	in = met(10, 7);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_BACK && s.target == 9 && s.streak == 0,
	   "rule: the second bad session in a row: back one, streak over");

	rule_init(&s, &rs_range);
	in = met(10, 6);
	rule_apply(&s, &rs_range, &in);
	in = met(10, 2);
	rule_apply(&s, &rs_range, &in);
	in = met(11, 6);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && s.target == 11, "rule: bad, good, bad: not in a row, held");

	rule_init(&s, &rs_range);
	in = met(10, 2);
	in.morning = 6;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_MORNING && s.target == 10,
	   "rule: the next morning's pain 6: held");
	in = met(10, 2);
	in.morning = 3;
	in.morning_before = 2;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_WORSE && s.target == 10 && !d.bad,
	   "rule: the next morning worse than the one before: held, not bad");
	in.morning = 2;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_UP && s.target == 11, "rule: the morning no worse: up");

	rule_init(&s, &rs_range);
	in = met(8, 6);
	rule_apply(&s, &rs_range, &in);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_BACK && d.at_bottom && s.target == 8,
	   "rule: back never below the bottom");

	rule_init(&s, &rs_range);
	in = met(12, 3);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_TOP && s.at_top && s.target == 12,
	   "rule: the top without load: stays, at_top");

	struct rule_step rs_rl = rs_range;
	rs_rl.has_load = true;
	rule_init(&s, &rs_rl);
	in = met(12, 3);
	in.load = 5000;
	d = rule_apply(&s, &rs_rl, &in);
	ok(d.verdict == RULE_LOAD && s.target == 8 && s.load == 7500 && s.load_added &&
	   s.load_before == 5000, "rule: the top with load: reps to the bottom, 2.5 kg more");

	rule_init(&s, &rs_load);
	is_int(s.load, 0, "rule: load: 0 starts at 0");
	in = (struct rule_session){.evidence = true, .target = 15, .load = 2500, .done = 3,
				   .least = 15, .pain = 6, .pain_before = -1, .morning = -1,
				   .morning_before = -1};
	rule_apply(&s, &rs_load, &in);
	d = rule_apply(&s, &rs_load, &in);
	ok(d.verdict == RULE_BACK && s.target == 15 && s.load == 0,
	   "rule: back at the bottom with load: the load back, the reps kept");
	in.load = 1000;
	rule_apply(&s, &rs_load, &in);
	rule_apply(&s, &rs_load, &in);
	is_int(s.load, 0, "rule: the load never below 0");
	in.load = 0;
	rule_apply(&s, &rs_load, &in);
	d = rule_apply(&s, &rs_load, &in);
	ok(d.at_bottom && s.load == 0, "rule: nothing left to take back: stays");

	/* a bad morning holds the session; the check-in counts, at its time */
	rule_init(&s, &rs_range);
	in = met(10, 2);
	in.morning = 6;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_MORNING && !d.bad && s.streak == 0 &&
	   s.target == 10, "rule: a bad next morning holds the session, not counted by it");
	d = rule_checkin(&s, &rs_range, false);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_MORNING && d.bad && s.streak == 1 &&
	   s.target == 10 && !d.undone, "rule: the bad morning itself counts, once");
	in = met(10, 2);
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_UP && s.target == 11 && s.streak == 0, "rule: a good session: up");
	d = rule_checkin(&s, &rs_range, true);
	ok(d.undone && !d.bad && s.target == 10 && s.streak == 0,
	   "rule: a bad morning counted already: the rise not worked at taken back, no count");
	in = met(10, 2);
	rule_apply(&s, &rs_range, &in);
	d = rule_checkin(&s, &rs_range, false);
	ok(d.undone && d.bad && s.target == 10 && s.streak == 1,
	   "rule: a bad morning of its own: the rise taken back, counted");
	d = rule_checkin(&s, &rs_range, false);
	ok(d.verdict == RULE_BACK && s.target == 9, "rule: a second bad morning: back one");

	/* pain rated before the session: holds, is not bad */
	rule_init(&s, &rs_range);
	in = met(10, 6);
	rule_apply(&s, &rs_range, &in);
	in = met(10, 2);
	in.pain_before = 7;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_PAIN_BEFORE && !d.bad && s.target == 10 &&
	   s.streak == 1, "rule: pain 7 before the session: held, not bad, the streak kept");
	in.pain_before = 5;
	d = rule_apply(&s, &rs_range, &in);
	ok(d.verdict == RULE_UP && s.streak == 0, "rule: pain 5 before: up");

	/* load never above LOAD_MAX */
	rule_init(&s, &rs_load);
	in = (struct rule_session){.evidence = true, .target = 15, .load = LOAD_MAX - 1000,
				   .done = 3, .least = 15, .pain = 2, .morning = -1,
				   .morning_before = -1, .pain_before = -1};
	d = rule_apply(&s, &rs_load, &in);
	ok(d.verdict == RULE_LOAD && s.load == LOAD_MAX, "rule: a rise stops at LOAD_MAX");
	in.load = LOAD_MAX;
	d = rule_apply(&s, &rs_load, &in);
	ok(d.verdict == RULE_TOP && s.load == LOAD_MAX && s.at_top && !s.load_added,
	   "rule: at LOAD_MAX: stays, at the top");

	/* a session without sets on the side: bad counts, no rise */
	rule_init(&s, &rs_range);
	in = met(10, 2);
	rule_apply(&s, &rs_range, &in);
	struct rule_session none = {.pain = -1, .pain_before = -1, .morning = -1,
				    .morning_before = -1};
	d = rule_apply(&s, &rs_range, &none);
	ok(d.verdict == RULE_HOLD && d.reason == RULE_NONE && s.target == 11,
	   "rule: no sets on the side, no objection: the rise stands");
	none.pain = 7;
	d = rule_apply(&s, &rs_range, &none);
	ok(d.verdict == RULE_HOLD && d.undone && s.target == 10 && s.streak == 1,
	   "rule: no sets on the side but pain 7: bad, back where it was last done");
	none.pain = 8;
	d = rule_apply(&s, &rs_range, &none);
	ok(d.verdict == RULE_BACK && s.target == 9, "rule: and a second: back one");
}

/* ---- over logs ---- */

static void test_logs(void)
{
	struct logb b = {0};

	targets(&b);
	is_int(LEFT(DRIVE).reps, 8, "no log: the bottom");
	is_int(RIGHT(DRIVE).reps, 8, "no log: the bottom, right too");
	is_int(NONE(DROP).reps, 15, "no log: a load step at its reps");
	is_int(NONE(DROP).load, 0, "no log: a load step at its load");
	is_int(LEFT(HOLD).reps, 0, "no progress, no load: the default");
	is_int(LEFT(HOLD).load, LOAD_NONE, "no progress, no load: no load");
	is_int(LEFT(0).reps, 0, "a rate step: the default");

	session(&b, "a", "12-01T07:00", 10, 10, 3);
	targets(&b);
	ok(LEFT(DRIVE).reps == 11 && RIGHT(DRIVE).reps == 11, "all sets met, pain 3: up");
	logb_free(&b);

	start(&b, "a", "12-01T07:00", "");
	set(&b, "a", "12-01T07:00", "left", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "right", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "left", 2, 10, 9);
	set(&b, "a", "12-01T07:00", "right", 2, 10, 11);
	end(&b, "a", "12-01T07:00", "complete");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "one set short: held on that side");
	is_int(RIGHT(DRIVE).reps, 11, "and up on the other, with no ratings (no objection)");
	logb_free(&b);

	session(&b, "a", "12-01T07:00", 10, 10, 6);
	targets(&b);
	ok(LEFT(DRIVE).reps == 10 && RIGHT(DRIVE).reps == 10, "pain 6 after: held");
	session(&b, "b", "12-01T18:00", 10, 10, 7);
	targets(&b);
	ok(LEFT(DRIVE).reps == 9 && RIGHT(DRIVE).reps == 9, "two bad in a row: back one");
	logb_free(&b);

	session(&b, "a", "12-01T07:00", 8, 8, 6);
	session(&b, "b", "12-01T18:00", 8, 8, 8);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 8, "back never below the bottom");
	logb_free(&b);

	checkin(&b, "12-01T06:30", 2);
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 4);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "the next morning worse than the one before: held");
	logb_free(&b);
	checkin(&b, "12-01T06:30", 4);
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 4);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "the next morning no worse: up");
	logb_free(&b);
	checkin(&b, "12-01T08:30", 1); /* after the session: not the morning before */
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 4);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a check-in after the session is not the morning before");
	logb_free(&b);

	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 6);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "morning pain 6: held");
	session(&b, "b", "12-02T07:00", 10, 10, 2);
	checkin(&b, "12-03T06:30", 7);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 9, "two bad mornings in a row: back one");
	logb_free(&b);
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	session(&b, "b", "12-01T18:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 6);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "twice a day, then morning pain 6: both held, not stepped back");
	session(&b, "c", "12-02T07:00", 10, 10, 7);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 9, "the bad morning counted once: with the next bad session, back");
	logb_free(&b);
	checkin(&b, "12-01T06:30", 2);
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-03T06:30", 4); /* two days on: not the next morning */
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a check-in two days on is no next morning (not worse)");
	logb_free(&b);
	checkin(&b, "12-01T06:30", 2);
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-01T20:00", 4); /* the same evening */
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "an evening check-in the same day is no next morning");
	logb_free(&b);

	/* a bad morning is never followed by a harder session */
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 2);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "rest day: up after a good morning");
	checkin(&b, "12-03T06:30", 8); /* no session the day before */
	targets(&b);
	ok(LEFT(DRIVE).reps == 10 && RIGHT(DRIVE).reps == 10,
	   "a bad morning after a rest day takes back the rise not yet worked at");
	session(&b, "b", "12-03T07:00", 10, 10, 6);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 9, "and counts as bad: with a bad session next, back one");
	logb_free(&b);
	session(&b, "a1", "12-01T18:00", 10, 10, 2);
	session(&b, "a2", "12-02T07:00", 10, 10, 2);
	checkin(&b, "12-02T08:00", 8); /* a1's next morning, after a2 */
	targets(&b);
	ok(LEFT(DRIVE).reps == 10 && RIGHT(DRIVE).reps == 10,
	   "a bad morning after the day's first session takes back its rise");
	session(&b, "a3", "12-02T18:00", 10, 10, 7);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 9, "and counts as bad, at its time: a bad session next, back");
	logb_free(&b);
	session(&b, "a1", "12-01T18:00", 10, 10, 7);
	session(&b, "a2", "12-02T07:00", 10, 10, 2);
	checkin(&b, "12-02T08:00", 8);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10,
	       "a bad session and its bad morning are one objection: held, the rise taken back");
	logb_free(&b);
	session(&b, "a1", "12-01T18:00", 10, 10, 7);
	checkin(&b, "12-02T06:30", 8);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "a bad session, then its bad morning: one objection, held");
	logb_free(&b);

	/* the next morning is the last check-in of the day after */
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 7);
	checkin(&b, "12-02T06:35", 2); /* a slip corrected */
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a second check-in that morning corrects the first: up");
	logb_free(&b);
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	checkin(&b, "12-02T06:30", 2);
	checkin(&b, "12-02T06:35", 7);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "and the other way round: held");
	logb_free(&b);

	/* pain before the session holds, but is no bad session */
	session(&b, "a", "12-01T07:00", 10, 10, 7);
	session_rated(&b, "b", "12-01T18:00", "n=1 name=\"Pain before\" measure=pain value=7");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "pain 7 rated before the session: held, not stepped back");
	logb_free(&b);

	/* an old log: ratings without measure= take the routine's step's */
	session_rated(&b, "a", "12-01T07:00", "n=5 name=\"Pain after\" value=7");
	session_rated(&b, "b", "12-01T18:00", "n=5 name=\"Pain after\" value=8");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 9, "an old log's pain without measure=: two bad, back one");
	logb_free(&b);
	session_rated(&b, "a", "12-01T07:00", "n=4 name=\"Pain after\" value=9");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a rating without measure= of another step number: no pain");
	logb_free(&b);

	/* the routine is its file: the same title in another file is not it */
	session(&b, "a", "12-01T07:00", 10, 10, 3);
	add(&b, "2026-12-01T18:00:00.000+00:00 o start routine=Calves id=calves2 file=calves2.yaml format=1");
	add(&b, "2026-12-01T18:00:00.000+00:00 o set n=2 name=Drive side=left set=1 sets=2 target=8 reps=2");
	add(&b, "2026-12-01T18:00:00.000+00:00 o rate n=5 name=\"Pain after\" measure=pain value=9");
	add(&b, "2026-12-01T18:00:00.000+00:00 o end status=complete elapsed=60");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "another file's routine of the same title ignored");
	add(&b, "2026-12-02T07:00:00.000+00:00 n start routine=Calves format=1");
	for (int k = 1; k <= 2; k++)
		add(&b, "2026-12-02T07:00:00.000+00:00 n set n=2 name=Drive side=left set=%d sets=2 "
		    "target=11 reps=11", k);
	add(&b, "2026-12-02T07:00:00.000+00:00 n end status=complete elapsed=60");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 12, "a log line without id= goes by the title");
	logb_free(&b);

	session(&b, "a", "12-01T07:00", 12, 12, 2);
	targets(&b);
	ok(LEFT(DRIVE).reps == 12 && LEFT(DRIVE).at_top && !LEFT(DRIVE).load_added,
	   "the top without load: stays, at_top");
	logb_free(&b);

	/* the practice session would have been a rise */
	session(&b, "a", "12-01T07:00", 10, 9, 3);
	start(&b, "p", "12-01T09:00", " speed=30");
	for (int k = 1; k <= 2; k++) {
		set(&b, "p", "12-01T09:00", "left", k, 10, 10);
		set(&b, "p", "12-01T09:00", "right", k, 10, 10);
	}
	pain(&b, "p", "12-01T09:00", 9);
	end(&b, "p", "12-01T09:00", "complete");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "practice sessions are ignored (their sets)");
	session(&b, "b", "12-01T18:00", 10, 10, 6);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "practice sessions are ignored (their pain)");
	logb_free(&b);

	start(&b, "a", "12-01T07:00", "");
	set(&b, "a", "12-01T07:00", "left", 1, 10, 6);
	set(&b, "a", "12-01T07:00", "left", 1, 10, 10); /* done again after `b` */
	set(&b, "a", "12-01T07:00", "right", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "right", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "right", 1, 10, 10);
	end(&b, "a", "12-01T07:00", "complete");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 10, "a redone set counts once: one of two sets, held");
	logb_free(&b);
	start(&b, "a", "12-01T07:00", "");
	set(&b, "a", "12-01T07:00", "left", 1, 10, 6);
	set(&b, "a", "12-01T07:00", "left", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "left", 2, 10, 10);
	end(&b, "a", "12-01T07:00", "complete");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a short set redone in full: its last line stands, up");
	logb_free(&b);

	session(&b, "a", "12-01T07:00", 10, 10, 3);
	add(&b, "2026-12-01T18:00:00.000+00:00 o start routine=Other id=other format=1");
	add(&b, "2026-12-01T18:00:00.000+00:00 o set n=1 name=Drive side=left set=1 sets=1 target=12 reps=2");
	add(&b, "2026-12-01T18:00:00.000+00:00 o rate n=2 name=Pain measure=pain value=9");
	add(&b, "2026-12-01T18:00:00.000+00:00 o end status=complete elapsed=60");
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "another routine's same-named exercise (and its pain) ignored");
	logb_free(&b);

	start(&b, "a", "12-01T07:00", "");
	set(&b, "a", "12-01T07:00", "left", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "right", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "left", 2, 10, 10);
	end(&b, "a", "12-01T07:00", "aborted");
	targets(&b);
	ok(LEFT(DRIVE).reps == 11 && RIGHT(DRIVE).reps == 10,
	   "an aborted session counts with the sets it logged (fewer: held)");
	logb_free(&b);
	start(&b, "a", "12-01T07:00", "");
	set(&b, "a", "12-01T07:00", "left", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "left", 2, 10, 10);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a session with no end (killed) counts too");
	logb_free(&b);

	/* quit after the first sets, resumed (resumes=) for the second: one
	 * session with every set, up once (two sessions apart: each a set
	 * short, held) */
	start(&b, "a", "12-01T07:00", "");
	set(&b, "a", "12-01T07:00", "left", 1, 10, 10);
	set(&b, "a", "12-01T07:00", "right", 1, 10, 10);
	end(&b, "a", "12-01T07:00", "quit");
	start(&b, "r", "12-01T08:00", " resumes=a");
	set(&b, "r", "12-01T08:00", "left", 2, 10, 10);
	set(&b, "r", "12-01T08:00", "right", 2, 10, 10);
	end(&b, "r", "12-01T08:00", "complete");
	targets(&b);
	ok(LEFT(DRIVE).reps == 11 && RIGHT(DRIVE).reps == 11,
	   "a session resumed: its two parts one session, every set reached, up once");
	logb_free(&b);

	/* b starts after a and ends first; their lines interleave */
	start(&b, "a", "12-01T07:00", "");
	start(&b, "b", "12-01T07:01", "");
	set(&b, "a", "12-01T07:02", "left", 1, 10, 10);
	set(&b, "b", "12-01T07:02", "left", 1, 11, 9);
	set(&b, "b", "12-01T07:03", "right", 1, 11, 11);
	set(&b, "a", "12-01T07:03", "right", 1, 10, 10);
	set(&b, "a", "12-01T07:04", "left", 2, 10, 10);
	set(&b, "b", "12-01T07:04", "left", 2, 11, 11);
	set(&b, "b", "12-01T07:05", "right", 2, 11, 11);
	end(&b, "b", "12-01T07:06", "complete");
	set(&b, "a", "12-01T07:06", "right", 2, 10, 10);
	end(&b, "a", "12-01T07:07", "complete");
	targets(&b);
	ok(LEFT(DRIVE).reps == 11 && RIGHT(DRIVE).reps == 12,
	   "interleaved concurrent sessions: apart, the later start last");
	logb_free(&b);

	/* left short every time, right met every time */
	start(&b, "a", "12-01T07:00", "");
	for (int k = 1; k <= 2; k++) {
		set(&b, "a", "12-01T07:00", "left", k, 10, 9);
		set(&b, "a", "12-01T07:00", "right", k, 10, 10);
	}
	end(&b, "a", "12-01T07:00", "complete");
	start(&b, "b", "12-01T18:00", "");
	for (int k = 1; k <= 2; k++) {
		set(&b, "b", "12-01T18:00", "left", k, 10, 9);
		set(&b, "b", "12-01T18:00", "right", k, 11, 11);
	}
	end(&b, "b", "12-01T18:00", "complete");
	targets(&b);
	ok(LEFT(DRIVE).reps == 10 && RIGHT(DRIVE).reps == 12, "each side its own: left 10, right 12");
	logb_free(&b);

	/* merged from two machines: the newer session first in the file */
	session(&b, "n", "12-02T07:00", 11, 11, 2);
	session(&b, "o", "12-01T07:00", 10, 9, 2);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 12, "a merged log out of order: by time");
	logb_free(&b);

	session(&b, "a", "12-01T07:00", 10, 10, -1);
	targets(&b);
	is_int(LEFT(DRIVE).reps, 11, "a session with no ratings: no objection");
	logb_free(&b);
}

/* A session of Drop, its three sets at loads `l1` to `l3`. */
static void drop3(struct logb *b, const char *sid, const char *when, const char *l1,
		  const char *l2, const char *l3, int reps, int p)
{
	const char *load[] = {l1, l2, l3};
	start(b, sid, when, "");
	for (int k = 1; k <= 3; k++)
		add(b, TS "set n=3 name=Drop side=none set=%d sets=3 target=15 reps=%d min=15 max=15 "
		    "load=%s elapsed=40", when, sid, k, reps, load[k - 1]);
	if (p >= 0)
		pain(b, sid, when, p);
	end(b, sid, when, "complete");
}

static void drop(struct logb *b, const char *sid, const char *when, const char *load,
		 int reps, int p)
{
	drop3(b, sid, when, load, load, load, reps, p);
}

static void test_load(void)
{
	struct logb b = {0};
	drop(&b, "a", "12-01T07:00", "0", 15, 2);
	targets(&b);
	ok(NONE(DROP).reps == 15 && NONE(DROP).load == 2500 && NONE(DROP).load_added &&
	   NONE(DROP).load_before == 0, "the top with load: 2.5 kg more, load_added from 0");
	drop(&b, "b", "12-01T18:00", "2.5", 15, 3);
	targets(&b);
	ok(NONE(DROP).load == 5000 && NONE(DROP).load_before == 2500, "and again: 5 kg");
	drop(&b, "c", "12-02T07:00", "2.5", 15, 3);
	targets(&b);
	ok(NONE(DROP).load == 5000 && NONE(DROP).load_before == 2500,
	   "the added load refused (2.5 kg logged): the next follows the logged load");
	drop(&b, "d", "12-02T18:00", "2.5", 14, 3);
	targets(&b);
	ok(NONE(DROP).load == 2500 && !NONE(DROP).load_added,
	   "refused and short: held at the logged load, nothing added");
	drop(&b, "e", "12-03T07:00", "2.5", 15, 6);
	drop(&b, "f", "12-03T18:00", "2.5", 15, 6);
	targets(&b);
	ok(NONE(DROP).load == 0 && NONE(DROP).reps == 15,
	   "two bad in a row at the bottom of the reps: the load back");
	logb_free(&b);

	/* a range with load: at its top, reps back to the bottom */
	R->steps[DRIVE].load = 5000;
	session(&b, "a", "12-01T07:00", 12, 12, 2);
	targets(&b);
	ok(LEFT(DRIVE).reps == 8 && LEFT(DRIVE).load == 7500 && LEFT(DRIVE).load_added &&
	   !LEFT(DRIVE).at_top, "the top of a range with load: reps to the bottom, load +2.5 kg");
	session(&b, "b", "12-01T18:00", 8, 8, -1);
	targets(&b);
	ok(LEFT(DRIVE).reps == 9 && LEFT(DRIVE).load == 5000 && !LEFT(DRIVE).load_added,
	   "no load= logged: the step's own load");
	R->steps[DRIVE].load = LOAD_NONE;
	logb_free(&b);

	drop3(&b, "a", "12-01T07:00", "5", "2.5", "2.5", 15, 2);
	targets(&b);
	ok(NONE(DROP).load == 5000 && NONE(DROP).load_before == 2500,
	   "a load lowered during the session: its sets count at the lowest (2.5 kg)");
	logb_free(&b);
	drop3(&b, "a", "12-01T07:00", "2.5", "5", "2.5", 15, 2);
	targets(&b);
	is_int(NONE(DROP).load, 5000, "whichever set it was lowered for");
	logb_free(&b);
}

/* ---- the why ---- */

static char *why_of(const struct logb *b, size_t keep)
{
	char path[] = "/tmp/recoup-why.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		die(99, "mkstemp");
	FILE *f = fdopen(fd, "w");
	for (size_t i = 0; i < b->n; i++)
		fprintf(f, "%s\n", b->v[i]);
	fclose(f);
	char *text;
	size_t size;
	FILE *out = open_memstream(&text, &size);
	progress_why_print(out, path, R, keep);
	fclose(out);
	unlink(path);
	return text;
}

static void has(const char *text, const char *want, const char *what)
{
	if (!ok(strstr(text, want) != NULL, "why: %s", what))
		printf("#   want: %s\n#   in:\n%s", want, text);
}

static void test_why(void)
{
	struct logb b = {0};
	session(&b, "3f9a2c", "11-30T18:02", 10, 10, 3);
	checkin(&b, "12-01T06:30", 2);
	session(&b, "b0", "12-01T07:00", 11, 11, -1);
	session(&b, "b1", "12-01T18:00", 11, 11, -1);
	checkin(&b, "12-02T07:40", 6);
	session(&b, "c1", "12-02T18:00", 11, 11, 7);
	drop(&b, "d1", "12-03T07:00", "0", 15, 2);
	char *text = why_of(&b, 10);
	has(text, "Calves: today's targets", "the routine's title first");
	has(text, "Drive, left: 10 reps\n", "the target of a side");
	has(text, "  2026-11-30 18:02 session 3f9a2c: every left set reached 10, pain at most 3 "
	    "(fine), next morning pain 2: up to 11\n", "a rise, by the session");
	has(text, "  2026-12-02 07:40 morning pain 6 (back off) after session b0: held at 11\n",
	    "twice a day: one bad morning holds both");
	has(text, "  2026-12-02 07:40 morning pain 6 (back off) after session b1: held at 11\n",
	    "a hold, by the morning");
	has(text, "  2026-12-02 18:00 session c1: Pain after 7 (back off): second bad session in "
	    "a row: back to 10\n", "a step back, the rating named");
	has(text, "Drop: 15 reps at 2.5 kg (up from 0 kg; L in the session keeps 0 kg)\n",
	    "the load step's target");
	has(text, "second bad session in a row, already at the bottom: stays at 15 with 0 kg\n",
	    "nothing to take back");
	has(text, "  2026-12-03 07:00 session d1: every set reached 15 at 0 kg, pain at most 2 "
	    "(fine): at the top (15): load up to 2.5 kg\n", "load added");
	ok(!strstr(text, "Hold"), "why: a step that does not progress is not told");
	free(text);
	logb_free(&b);

	for (int i = 0; i < 12; i++) {
		char sid[8], when[16];
		snprintf(sid, sizeof sid, "s%d", i);
		snprintf(when, sizeof when, "12-%02dT07:00", i + 1);
		session(&b, sid, when, 8, 7, -1);
	}
	text = why_of(&b, 10);
	has(text, "  2 older decisions not shown\n", "the older ones counted");
	has(text, "2026-12-03 07:00 session s2: a left set fell short of 8 (7): held at 8\n",
	    "the oldest one shown");
	ok(!strstr(text, "session s1:"), "why: the older ones not shown");
	free(text);
	logb_free(&b);

	text = why_of(&b, 10);
	has(text, "  nothing in the log yet: starts at 8\n", "an empty log");
	free(text);

	/* bad mornings told in time order, newest last */
	session(&b, "a1", "12-01T18:00", 10, 10, 2);
	session(&b, "a2", "12-02T07:00", 10, 10, 2);
	checkin(&b, "12-02T08:00", 8);
	checkin(&b, "12-04T06:30", 7); /* after a rest day */
	text = why_of(&b, 10);
	has(text, "Drive, left: 9 reps\n"
	    "  2026-12-02 07:00 session a2: every left set reached 10, pain at most 2 (fine): "
	    "up to 11\n"
	    "  2026-12-02 08:00 morning pain 8 (back off) after session a1: held at 10\n"
	    "  2026-12-02 08:00 morning pain 8 (back off): held at 10, where it was last done\n"
	    "  2026-12-04 06:30 morning pain 7 (back off), no session the day before: "
	    "second bad session or morning in a row: back to 9\n",
	    "bad mornings in time order, a rest day's too");
	free(text);
	logb_free(&b);

	session_rated(&b, "a", "12-01T07:00", "n=1 name=\"Pain before\" measure=pain value=7");
	drop3(&b, "d", "12-01T08:00", "5", "2.5", "5", 15, 2);
	text = why_of(&b, 10);
	has(text, "session a: every left set reached 10, but Pain before 7 (back off) before it: "
	    "held at 10\n", "pain before the session named");
	has(text, "session d: every set reached 15 at 2.5 kg (the lowest load of them), pain at "
	    "most 2 (fine): at the top (15): load up to 5 kg\n", "the lowest load of the sets");
	free(text);
	logb_free(&b);
}

int main(void)
{
	R = load_routine();
	test_rule();
	test_logs();
	test_load();
	test_why();
	routine_free(R);
	return done_testing();
}
