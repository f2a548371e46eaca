/* unit_resume.c: finding the session to resume in the log (resume.h) and
 * where it goes on: the latest session not complete of each routine, a
 * routine whose last session was complete has none, practice apart, the
 * day; the step it stopped at matched by name in a routine changed since,
 * or refused when gone; the plan cut after the last part done in full, at
 * a part cut short; and the session's lines handed over for its
 * summary. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "engine.h"
#include "loader.h"
#include "logmodel.h"
#include "plan.h"
#include "resume.h"
#include "running.h"
#include "tap.h"
#include "util.h"

static const char yaml[] =
	"name: Resume test\n"
	"steps:\n"
	"  - {type: rate, name: Pain before, measure: pain}\n"
	"  - {type: reps, name: Heel raise, side: both, sets: 3, reps: 2, rest: 30s, tempo: self}\n"
	"  - type: massage\n"
	"    name: Spots\n"
	"    side: left\n"
	"    spots:\n"
	"      - {name: Inner, duration: 20s}\n"
	"      - {name: Outer, duration: 20s}\n"
	"  - {type: ice, name: Ice, rounds: 2, duration: 1m, off: 1m}\n"
	"  - {type: rate, name: Pain after, measure: pain}\n";

/* Heel raise removed, a spot added before the one done */
static const char yaml_changed[] =
	"name: Resume test\n"
	"steps:\n"
	"  - {type: rate, name: Pain before, measure: pain}\n"
	"  - type: massage\n"
	"    name: Spots\n"
	"    side: left\n"
	"    spots:\n"
	"      - {name: Outer, duration: 20s}\n"
	"      - {name: Inner, duration: 20s}\n"
	"  - {type: rate, name: Pain after, measure: pain}\n";

static struct routine *load(const char *name, const char *text)
{
	struct diags d;
	diags_init(&d, name);
	struct routine *r = routine_load_buffer(name, text, strlen(text), &d);
	diags_free(&d);
	if (!r)
		die(99, "%s: does not load", name);
	return r;
}

#define S(t, sid) "2026-12-06T" t ".000+00:00 " sid " "
#define HR "n=2 name=\"Heel raise\" "
#define SP "n=3 name=Spots "

static char dir[] = "/tmp/unit-resume.XXXXXX";

static char *write_log(const char *const *lines, size_t n)
{
	char *path = xasprintf("%s/log", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		die(99, "%s: cannot write", path);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s\n", lines[i]);
	fclose(f);
	return path;
}

#define NL(v) (sizeof (v) / sizeof *(v))

static int nlines;
static void count(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	(void)line;
	nlines += len > 0;
}

static void test_find(void)
{
	static const char *const log[] = {
		/* Resume test: quit in the heel raises (left set 2 cut short) */
		S("07:00:00", "aaaaaa") "start routine=\"Resume test\" id=resume format=1",
		S("07:00:01", "aaaaaa") "step n=1 type=rate name=\"Pain before\"",
		S("07:00:02", "aaaaaa") "rate n=1 name=\"Pain before\" measure=pain value=2",
		S("07:00:03", "aaaaaa") "step n=2 type=reps name=\"Heel raise\"",
		S("07:00:04", "aaaaaa") "set " HR "side=left set=1 sets=3 target=2 reps=2 elapsed=5",
		S("07:00:05", "aaaaaa") "set " HR "side=right set=1 sets=3 target=2 reps=2 elapsed=5",
		S("07:00:06", "aaaaaa") "set " HR "side=left set=2 sets=3 target=2 reps=1 elapsed=5",
		S("07:00:07", "aaaaaa") "end status=quit elapsed=7",
		/* another routine, complete: nothing of it to resume */
		S("08:00:00", "bbbbbb") "start routine=Other id=other format=1",
		S("08:00:01", "bbbbbb") "end status=quit elapsed=1",
		S("08:30:00", "cccccc") "start routine=Other id=other format=1",
		S("08:30:01", "cccccc") "end status=complete elapsed=1",
		/* a practice session, killed: for a practice run only */
		S("09:00:00", "dddddd") "start routine=\"Resume test\" id=resume format=1 speed=10",
		S("09:00:01", "dddddd") "step n=3 type=massage name=Spots",
		S("09:00:02", "dddddd") "spot " SP "spot=Inner side=left planned=20 elapsed=20",
	};
	char *path = write_log(log, NL(log));
	struct resume_found f;
	struct resume_query q = { .day = -1 };
	nlines = 0;
	is_int(resume_find(path, &q, &f, count, NULL), 1, "found");
	is_str(f.sid, "aaaaaa", "the latest not complete: Other's last was complete");
	is_str(f.sid_last, "aaaaaa", "in one part: its own id to resume");
	is_int(nlines, 8, "its eight lines handed over");
	ok(f.status == HISTORY_QUIT && f.step_n == 2 && f.step_name &&
	   !strcmp(f.step_name, "Heel raise"), "quit at step 2, Heel raise");
	is_int((long long)f.nparts, 3, "three sets of that step");
	is_int(f.sets, 3, "three sets in all");
	ok(f.nparts == 3 && f.parts[2].num == 2 && f.parts[2].side == SIDE_LEFT && f.parts[2].full,
	   "left set 2, logged with 1 rep of 2: done (it ended), not to be done again over it");
	ok(f.id && !strcmp(f.id, "resume") && !strcmp(f.routine, "Resume test"), "its routine");
	resume_found_free(&f);

	q.name = "Other";
	q.id = "other";
	is_int(resume_find(path, &q, &f, NULL, NULL), 0,
	       "Other: its last session complete, none to resume (not the older quit one)");
	q.name = NULL;
	q.id = NULL;
	q.practice = true;
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "practice: the practice session");
	ok(!strcmp(f.sid, "dddddd") && f.status == HISTORY_UNFINISHED && f.spots == 1,
	   "killed (no end line), one spot done");
	resume_found_free(&f);
	q.practice = false;
	q.day = lm_stamp_day("2026-12-07");
	is_int(resume_find(path, &q, &f, NULL, NULL), 0, "of another day: none");
	q.day = lm_stamp_day("2026-12-06");
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "of its day: found");
	resume_found_free(&f);

	/* still running (its lock held, running.h): never resumed, said */
	q.day = -1;
	int fd = running_hold("aaaaaa");
	ok(fd >= 0 && running_now("aaaaaa") && !running_now("bbbbbb"), "the lock: held while running");
	is_int(resume_find(path, &q, &f, NULL, NULL), 0, "a session still running: none to resume");
	ok(f.running, "and why: it is running");
	running_release(fd, "aaaaaa");
	ok(!running_now("aaaaaa"), "let go at its end");
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "ended: found again");
	ok(!f.running, "not running");
	resume_found_free(&f);
	unlink(path);
	free(path);
	path = xasprintf("%s/none", dir);
	is_int(resume_find(path, &q, &f, NULL, NULL), -1, "no log: -1");
	free(path);
}

/* The joined parts: a resume of it that was killed resumes from there. */
static void test_parts(void)
{
	static const char *const log[] = {
		S("07:00:00", "aaaaaa") "start routine=\"Resume test\" id=resume format=1",
		S("07:00:03", "aaaaaa") "step n=2 type=reps name=\"Heel raise\"",
		S("07:00:04", "aaaaaa") "set " HR "side=left set=1 sets=3 target=2 reps=2 elapsed=5",
		S("07:00:07", "aaaaaa") "end status=quit elapsed=7",
		S("07:10:00", "eeeeee") "start routine=\"Resume test\" id=resume format=1 resumes=aaaaaa",
		S("07:10:03", "eeeeee") "step n=2 type=reps name=\"Heel raise\"",
		S("07:10:04", "eeeeee") "set " HR "side=right set=1 sets=3 target=2 reps=2 elapsed=5",
		S("07:10:05", "eeeeee") "step n=3 type=massage name=Spots",
		S("07:10:06", "eeeeee") "spot " SP "spot=Inner side=left planned=20 elapsed=20",
	};
	char *path = write_log(log, NL(log));
	struct resume_found f;
	struct resume_query q = { .day = -1 };
	nlines = 0;
	is_int(resume_find(path, &q, &f, count, NULL), 1, "a resumed session killed: found");
	ok(!strcmp(f.sid, "aaaaaa") && !strcmp(f.sid_last, "eeeeee"),
	   "one session: the first part's id, the last part's to resume");
	is_int(nlines, 9, "the lines of both parts");
	ok(f.step_n == 3 && f.sets == 2 && f.spots == 1 && f.nparts == 1,
	   "at the spots, with both parts' sets and the spot");
	struct routine *r = load("resume.yaml", yaml);
	struct engine_resume er;
	struct engine_done done[8];
	char note[320];
	ok(resume_plan(&f, r, &er, done, note, sizeof note), "it goes on");
	is_str(note, "Resumed at step 3 of 5, Spots: 2 sets, 1 spot done before", "and says so");
	ok(er.step == 2 && !strcmp(er.sid, "eeeeee"), "at step 3, resuming the last part");
	struct plan p;
	plan_build(&p, r, 3000, NULL);
	size_t at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at].kind == SEG_LEADIN && p.v[at + 1].kind == SEG_SPOT &&
	   p.v[at + 1].spot == 1, "the plan goes on at the second spot's lead-in");
	plan_free(&p);
	routine_free(r);
	resume_found_free(&f);
	unlink(path);
	free(path);
}

static void test_plan(void)
{
	struct routine *r = load("resume.yaml", yaml);
	struct plan p;
	plan_build(&p, r, 3000, NULL);
	struct engine_done done[4] = {
		{ SEG_SET, SIDE_LEFT, 1, true }, { SEG_SET, SIDE_RIGHT, 1, true },
	};
	struct engine_resume er = { .sid = "x", .step = 1, .done = done, .ndone = 2 };
	size_t at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at].kind == SEG_LEADIN && p.v[at + 1].kind == SEG_SET &&
	   p.v[at + 1].side == SIDE_LEFT && p.v[at + 1].set == 2,
	   "both first sets done: the rest after them over, at left set 2's lead-in");
	done[2] = (struct engine_done){ SEG_SET, SIDE_LEFT, 2, false };
	er.ndone = 3;
	at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at + 1].kind == SEG_SET && p.v[at + 1].side == SIDE_LEFT &&
	   p.v[at + 1].set == 2, "left set 2 cut short: again, from its lead-in");
	er.ndone = 0;
	at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at].step == 1 && (at == 0 || p.v[at - 1].step == 0),
	   "nothing of the step logged: from its start");
	/* the ice: round 1 done, killed in the warm-up between */
	done[0] = (struct engine_done){ SEG_ICE_ON, SIDE_BOTH, 1, true };
	er = (struct engine_resume){ .sid = "x", .step = 3, .done = done, .ndone = 1 };
	at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at + 1].kind == SEG_ICE_ON && p.v[at + 1].round == 2,
	   "ice round 1 done: the time off is over, at round 2");
	/* the last rating answered: nothing left */
	done[0] = (struct engine_done){ SEG_RATE, SIDE_NONE, 0, true };
	er = (struct engine_resume){ .sid = "x", .step = 4, .done = done, .ndone = 1 };
	is_int((long long)engine_resume_at(&p, &er), (long long)p.n, "the last part done: nothing left");
	plan_free(&p);
	routine_free(r);
}

/* The routine changed since: the step found by name, or refused. */
static void test_changed(void)
{
	static const char *const log[] = {
		S("07:00:00", "aaaaaa") "start routine=\"Resume test\" id=resume format=1",
		S("07:00:01", "aaaaaa") "step n=1 type=rate name=\"Pain before\"",
		S("07:00:03", "aaaaaa") "step n=3 type=massage name=Spots",
		S("07:00:06", "aaaaaa") "spot " SP "spot=Inner side=left planned=20 elapsed=20",
	};
	char *path = write_log(log, NL(log));
	struct resume_found f;
	struct resume_query q = { .day = -1 };
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "found");
	struct routine *r = load("resume.yaml", yaml_changed);
	struct engine_resume er;
	struct engine_done done[8];
	char note[320];
	ok(resume_plan(&f, r, &er, done, note, sizeof note), "Spots is still there: it goes on");
	is_str(note, "The routine changed since; starting at Spots (step 2 of 3): 1 spot done before",
	       "the routine changed: said");
	ok(er.step == 1 && er.ndone == 1 && done[0].kind == SEG_SPOT && done[0].num == 1,
	   "the spot done found by its name, now second");
	struct plan p;
	plan_build(&p, r, 3000, NULL);
	size_t at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at + 1].kind == SEG_SPOT && p.v[at + 1].spot == 0,
	   "Inner, now second, done: Outer, new before it, is run");
	done[1] = (struct engine_done){ SEG_SPOT, SIDE_LEFT, 0, true };
	er.ndone = 2;
	at = engine_resume_at(&p, &er);
	ok(at < p.n && p.v[at].kind == SEG_RATE, "both done: on to the rating");
	plan_free(&p);
	routine_free(r);
	resume_found_free(&f);

	/* stopped in a step that is gone */
	static const char *const log2[] = {
		S("07:00:00", "aaaaaa") "start routine=\"Resume test\" id=resume format=1",
		S("07:00:03", "aaaaaa") "step n=2 type=reps name=\"Heel raise\"",
		S("07:00:04", "aaaaaa") "set " HR "side=left set=1 sets=3 target=2 reps=2 elapsed=5",
		S("07:00:07", "aaaaaa") "end status=aborted signal=HUP elapsed=7",
	};
	free(path);
	path = write_log(log2, NL(log2));
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "aborted: found");
	r = load("resume.yaml", yaml_changed);
	ok(!resume_plan(&f, r, &er, done, note, sizeof note), "Heel raise is gone: refused");
	is_str(note, "the routine changed since: its step 2, Heel raise, where the session "
	       "stopped, is no longer in it; nothing to resume (start it afresh)", "and why");
	routine_free(r);
	resume_found_free(&f);
	unlink(path);
	free(path);
}

/* The offer reads the log's end alone (resume_query.tail). */
static void test_tail(void)
{
	static const char *const log[] = {
		S("06:00:00", "aaaaaa") "start routine=\"Resume test\" id=resume format=1",
		S("06:00:07", "aaaaaa") "end status=quit elapsed=7",
		S("07:00:00", "bbbbbb") "start routine=\"Resume test\" id=other format=1",
		S("07:00:07", "bbbbbb") "end status=quit elapsed=7",
	};
	char *path = write_log(log, NL(log));
	struct resume_found f;
	/* the last two lines, to the byte: the start line whole is kept */
	long long tail = (long long)strlen(log[2]) + 1 + (long long)strlen(log[3]) + 1;
	struct resume_query q = { .day = -1, .tail = tail };
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "tail: a session in the last bytes");
	ok(!strcmp(f.sid, "bbbbbb"), "the one there");
	resume_found_free(&f);
	q.id = "resume";
	q.name = "Resume test";
	is_int(resume_find(path, &q, &f, NULL, NULL), 0, "tail: a session before them is not read");
	q.tail = tail + 1;
	is_int(resume_find(path, &q, &f, NULL, NULL), 0,
	       "a byte more: the line before, cut, is no line");
	q.tail = 1 << 20;
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "a tail longer than the log: all of it");
	resume_found_free(&f);
	unlink(path);
	free(path);

	/* a resumed pair whose first part began before the tail: read further
	 * back until it is in, so the pair is one session with both parts */
	static const char *const pair[] = {
		S("06:00:00", "pppppp") "start routine=\"Resume test\" id=resume format=1",
		S("06:00:03", "pppppp") "step n=2 type=reps name=\"Heel raise\"",
		S("06:00:04", "pppppp") "set " HR "side=left set=1 sets=3 target=2 reps=2 elapsed=5",
		S("06:00:07", "pppppp") "end status=quit elapsed=7",
		S("07:00:00", "qqqqqq") "start routine=\"Resume test\" id=resume format=1 resumes=pppppp",
		S("07:00:03", "qqqqqq") "step n=2 type=reps name=\"Heel raise\"",
		S("07:00:04", "qqqqqq") "set " HR "side=right set=1 sets=3 target=2 reps=2 elapsed=5",
		S("07:00:07", "qqqqqq") "end status=quit elapsed=7",
	};
	path = write_log(pair, NL(pair));
	q = (struct resume_query){ .day = -1 };
	for (size_t i = 4; i < 8; i++)
		q.tail += (long long)strlen(pair[i]) + 1; /* the second part's lines alone */
	is_int(resume_find(path, &q, &f, NULL, NULL), 1, "a pair, its second part in the tail: found");
	ok(!strcmp(f.sid, "pppppp") && !strcmp(f.sid_last, "qqqqqq"),
	   "as one session: the first part, read further back, joined");
	ok(f.sets == 2 && f.nparts == 2, "with both parts' sets");
	resume_found_free(&f);
	unlink(path);
	free(path);
}

int main(void)
{
	if (!mkdtemp(dir))
		die(99, "mkdtemp");
	setenv("TZ", "UTC", 1);
	setenv("XDG_STATE_HOME", dir, 1); /* the locks of running sessions */
	test_find();
	test_parts();
	test_plan();
	test_changed();
	test_tail();
	char *d = xasprintf("%s/recoup/running", dir);
	rmdir(d);
	free(d);
	d = xasprintf("%s/recoup", dir);
	rmdir(d);
	free(d);
	rmdir(dir);
	return done_testing();
}
