/* unit_summary.c: the end-of-session summary (summary.h) from known log
 * lines: each line asserted whole, for a session run to its end, one quit
 * early, a practice one, ratings one, two or three to a name, a rating
 * left unanswered or skipped, every set of a step skipped, next time's
 * targets from the lines alone and from a log read back, and pain above 5
 * holding them or stepping them back, said. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "loader.h"
#include "summary.h"
#include "tap.h"
#include "util.h"

static const char routine_yaml[] =
	"name: Summary test\n"
	"defaults: {side: both, rest: 30s}\n"
	"steps:\n"
	"  - {type: rate, name: Calf pain before}\n"
	"  - {type: reps, name: \"Heel drops, straight knee\", sets: 3, reps: 8-15, progress: true, tempo: 2-0-1}\n"
	"  - {type: reps, name: Soleus drive, sets: 2, reps: 10-12, progress: true}\n"
	"  - {type: reps, name: Squat, side: none, sets: 2, reps: 12-15, progress: true}\n"
	"  - {type: reps, name: Fixed drop, sets: 1, reps: 15}\n"
	"  - {type: rate, name: Calf pain after}\n"
	"  - {type: rate, name: Sleep quality}\n";

static struct routine *load(const char *name, const char *yaml)
{
	struct diags d;
	diags_init(&d, name);
	struct routine *r = routine_load_buffer(name, yaml, strlen(yaml), &d);
	diags_free(&d);
	if (!r)
		die(99, "%s: does not load", name);
	return r;
}

#define T0 "2026-12-06T10:00:00.000+00:00 a1b2c3 "
#define HD "n=2 name=\"Heel drops, straight knee\" "
#define SO "n=3 name=\"Soleus drive\" "

/* A whole session: a set short of its target and a skipped one on the
 * heel drops (held), every set reached on the soleus drive (moved up) and
 * at the top of the squat's range, a fixed target, a skipped rating. */
static const char *const complete_log[] = {
	T0 "start routine=\"Summary test\" id=summary file=summary.yaml planned=1450 steps=7 format=1\n",
	T0 "step n=1 type=rate name=\"Calf pain before\"\n",
	T0 "rate n=1 name=\"Calf pain before\" value=3\n",
	T0 "step n=2 type=reps name=\"Heel drops, straight knee\"\n",
	T0 "set " HD "side=left set=1 sets=3 target=12 reps=12 min=8 max=15 elapsed=36\n",
	T0 "set " HD "side=right set=1 sets=3 target=12 reps=12 min=8 max=15 elapsed=36\n",
	T0 "pause " HD "\n",
	T0 "resume " HD "paused=65.5\n",
	T0 "set " HD "side=left set=2 sets=3 target=12 reps=12 min=8 max=15 elapsed=36\n",
	T0 "skip " HD "what=set side=right set=2 sets=3 elapsed=1\n",
	T0 "set " HD "side=left set=3 sets=3 target=12 reps=10 min=8 max=15 elapsed=30\n",
	T0 "set " HD "side=right set=3 sets=3 target=12 reps=12 min=8 max=15 elapsed=36\n",
	T0 "done n=2 type=reps name=\"Heel drops, straight knee\" planned=400 elapsed=300\n",
	T0 "step n=3 type=reps name=\"Soleus drive\"\n",
	/* set 1 on the left done twice (b): the last line stands */
	T0 "set " SO "side=left set=1 sets=2 target=11 reps=9 min=10 max=12 elapsed=20\n",
	T0 "set " SO "side=left set=1 sets=2 target=11 reps=11 min=10 max=12 elapsed=20\n",
	T0 "set " SO "side=right set=1 sets=2 target=11 reps=11 min=10 max=12 elapsed=20\n",
	T0 "set " SO "side=left set=2 sets=2 target=11 reps=12 min=10 max=12 elapsed=20\n",
	T0 "set " SO "side=right set=2 sets=2 target=11 reps=11 min=10 max=12 elapsed=20\n",
	T0 "step n=4 type=reps name=Squat\n",
	T0 "set n=4 name=Squat side=none set=1 sets=2 target=15 reps=15 min=12 max=15 elapsed=30\n",
	T0 "set n=4 name=Squat side=none set=2 sets=2 target=15 reps=16 min=12 max=15 elapsed=30\n",
	T0 "step n=5 type=reps name=\"Fixed drop\"\n",
	T0 "set n=5 name=\"Fixed drop\" side=left set=1 sets=1 target=15 reps=15 min=15 max=15 elapsed=30\n",
	T0 "set n=5 name=\"Fixed drop\" side=right set=1 sets=1 target=15 reps=14 min=15 max=15 elapsed=30\n",
	T0 "step n=6 type=rate name=\"Calf pain after\"\n",
	T0 "rate n=6 name=\"Calf pain after\" value=2\n",
	T0 "step n=7 type=rate name=\"Sleep quality\"\n",
	T0 "skip n=7 name=\"Sleep quality\" what=rate elapsed=2\n",
	T0 "end status=complete elapsed=1515.5\n",
};

/* Quit in the soleus drive: the heel drops all reached (but that is not
 * every set on every side), the after rating never asked. */
static const char *const quit_log[] = {
	T0 "start routine=\"Summary test\" id=summary file=summary.yaml planned=1450 steps=7 format=1\n",
	T0 "step n=1 type=rate name=\"Calf pain before\"\n",
	T0 "skip n=1 name=\"Calf pain before\" what=rate elapsed=1\n",
	T0 "step n=2 type=reps name=\"Heel drops, straight knee\"\n",
	T0 "set " HD "side=left set=1 sets=3 target=9 reps=9 min=8 max=15 elapsed=36\n",
	T0 "set " HD "side=right set=1 sets=3 target=9 reps=9 min=8 max=15 elapsed=36\n",
	T0 "set " HD "side=left set=2 sets=3 target=9 reps=9 min=8 max=15 elapsed=36\n",
	T0 "step n=3 type=reps name=\"Soleus drive\"\n",
	T0 "end status=quit elapsed=130.9\n",
};

static void build(struct summary *s, const struct routine *r, const char *const *lines,
		  size_t n, const char *log, bool no_log)
{
	summary_build(s, r, lines, n, log, no_log);
}

/* The summary's lines joined by '\n', and their kinds as letters. */
static char *text_of(const struct summary *s, char *kinds)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < s->n; i++) {
		buf_addf(&b, "%s\n", s->v[i].text);
		kinds[i] = "TGSN"[s->v[i].kind];
	}
	kinds[s->n] = '\0';
	return buf_take(&b);
}

static void check(const struct summary *s, const char *want, const char *want_kinds,
		  const char *what)
{
	char kinds[64];
	char *got = text_of(s, kinds);
	is_str(got, want, "%s: the lines", what);
	is_str(kinds, want_kinds, "%s: their kinds", what);
	free(got);
}

static const char complete_want[] =
	"Time: 24:10 of 24:10 planned, 1:05 paused\n"
	"Calf pain: 3 before, 2 after (-1)\n"
	"Sleep quality: skipped\n"
	"Heel drops, straight knee: left 12 12 10* of 12; right 12 skipped 12 of 12\n"
	"  next time: 12 reps each side (not every set reached 12)\n"
	"Soleus drive: left 11 12 of 11; right 11 11 of 11\n"
	"  next time: 12 reps each side\n"
	"Squat: 15 16 of 15\n"
	"  top of the range: consider adding load\n"
	"Fixed drop: left 15 of 15; right 14* of 15\n"
	"  next time: 15 reps each side (fixed target)\n"
	"* short of the target\n";

static void test_complete(const struct routine *r)
{
	struct summary s;
	build(&s, r, complete_log, ARRAY_LEN(complete_log), NULL, true);
	ok(s.complete && !s.practice, "complete: complete, not practice");
	is_str(summary_heading(&s), "Session complete", "complete: the heading");
	struct buf want;
	buf_init(&want);
	buf_adds(&want, complete_want);
	buf_adds(&want, "Not logged: next time follows from this session alone\n");
	check(&s, want.s, "TTTSTGGGGSTTN", "complete, --no-log");
	summary_free(&s);
	buf_free(&want);
}

static void like_last(const struct summary *s, const char *want)
{
	is_str(s->n ? s->v[s->n - 1].text : NULL, want, "the last line says where next time comes from");
}

/* The same lines in a log after an older session: next time is read back
 * from the file, and says the same. */
static void test_from_log(const struct routine *r, const char *dir)
{
	char *path = xasprintf("%s/sessions.log", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		die_errno(99, "%s", path);
	fputs("2026-12-05T10:00:00.000+00:00 ffff01 start routine=\"Summary test\" id=summary "
	      "planned=1450 steps=7 format=1\n"
	      "2026-12-05T10:00:01.000+00:00 ffff01 set " HD "side=left set=1 sets=3 target=11 "
	      "reps=11 min=8 max=15 elapsed=30\n"
	      "2026-12-05T10:30:00.000+00:00 ffff01 end status=complete elapsed=1800\n", f);
	for (size_t i = 0; i < ARRAY_LEN(complete_log); i++)
		fputs(complete_log[i], f);
	if (fclose(f))
		die_errno(99, "%s", path);
	struct summary s;
	build(&s, r, complete_log, ARRAY_LEN(complete_log), path, false);
	check(&s, complete_want, "TTTSTGGGGSTT", "complete, read back from the log");
	summary_free(&s);

	/* with lines the log did not take, from the lines, and said */
	build(&s, r, complete_log, ARRAY_LEN(complete_log), NULL, false);
	like_last(&s, "Some lines did not reach the log: next time follows from this session alone");
	summary_free(&s);

	/* quit before the soleus drive: next time comes from the older
	 * session in the log (every set reached 11), not from this one */
	f = fopen(path, "w");
	if (!f)
		die_errno(99, "%s", path);
	fputs("2026-12-05T10:00:00.000+00:00 ffff02 start routine=\"Summary test\" id=summary "
	      "planned=1450 steps=7 format=1\n", f);
	for (int side = 0; side < 2; side++)
		for (int set = 1; set <= 2; set++)
			fprintf(f, "2026-12-05T10:00:01.000+00:00 ffff02 set " SO "side=%s set=%d "
				"sets=2 target=11 reps=11 min=10 max=12 elapsed=20\n",
				side ? "right" : "left", set);
	for (size_t i = 0; i < ARRAY_LEN(quit_log); i++)
		fputs(quit_log[i], f);
	if (fclose(f))
		die_errno(99, "%s", path);
	build(&s, r, quit_log, ARRAY_LEN(quit_log), path, false);
	is_str(s.n > 7 ? s.v[7].text : NULL, "  next time: 12 reps each side",
	       "quit, read back: a step not reached keeps the older session's progression");
	summary_free(&s);

	/* a log that is not a regular file is not read back: said */
	build(&s, r, complete_log, ARRAY_LEN(complete_log), "/dev/null", false);
	like_last(&s, "The log is a character device, not read back: no progression from it");
	is_str(s.v[6].text, "  next time: 10 reps each side", "/dev/null: the range's bottom, as the next session will have");
	summary_free(&s);
	unlink(path);
	free(path);
}

static void test_quit(const struct routine *r)
{
	struct summary s;
	build(&s, r, quit_log, ARRAY_LEN(quit_log), NULL, true);
	ok(!s.complete, "quit: not complete");
	is_str(summary_heading(&s), "Session ended early", "quit: the heading");
	check(&s,
	      "Stopped in step 3 of 7: Soleus drive\n"
	      "Time: 2:10 of 24:10 planned\n"
	      "Calf pain: skipped before, not reached after\n"
	      "Sleep quality: not reached\n"
	      "Heel drops, straight knee: left 9 9 of 9; right 9 of 9\n"
	      "  next time: 9 reps each side (not every set was done)\n"
	      "Soleus drive: not reached\n"
	      "  next time: 10 reps each side\n"
	      "Squat: not reached\n"
	      "  next time: 12 reps\n"
	      "Fixed drop: not reached\n"
	      "  next time: 15 reps each side (fixed target)\n"
	      "Not logged: next time follows from this session alone\n",
	      "NTTTSTTTTTTTN", "quit");
	summary_free(&s);
}

/* Quit at the after rating's prompt (its step line logged, no value, no
 * skip: what the engine logs for it): "not rated", not "not reached";
 * a rating skipped with n says "skipped"; one never reached says so. */
static void test_unrated(const struct routine *r)
{
	static const char *const lines[] = {
		T0 "start routine=\"Summary test\" id=summary file=summary.yaml planned=1450 steps=7 format=1\n",
		T0 "step n=1 type=rate name=\"Calf pain before\"\n",
		T0 "rate n=1 name=\"Calf pain before\" value=4\n",
		T0 "step n=6 type=rate name=\"Calf pain after\"\n",
		T0 "end status=quit elapsed=60\n",
	};
	struct summary s;
	build(&s, r, lines, ARRAY_LEN(lines), NULL, true);
	is_str(s.n > 0 ? s.v[0].text : NULL, "Stopped in step 6 of 7: Calf pain after",
	       "unrated: stopped at the rating");
	is_str(s.n > 2 ? s.v[2].text : NULL, "Calf pain: 4 before, not rated after",
	       "unrated: a rating whose prompt was on screen is not rated, not 'not reached'");
	is_str(s.n > 3 ? s.v[3].text : NULL, "Sleep quality: not reached",
	       "unrated: the one after it was never reached");
	summary_free(&s);

	/* the same rating skipped with n, then quit at the next */
	static const char *const skipped[] = {
		T0 "start routine=\"Summary test\" id=summary file=summary.yaml planned=1450 steps=7 format=1\n",
		T0 "step n=1 type=rate name=\"Calf pain before\"\n",
		T0 "rate n=1 name=\"Calf pain before\" value=4\n",
		T0 "step n=6 type=rate name=\"Calf pain after\"\n",
		T0 "skip n=6 name=\"Calf pain after\" what=rate elapsed=2\n",
		T0 "step n=7 type=rate name=\"Sleep quality\"\n",
		T0 "end status=quit elapsed=60\n",
	};
	build(&s, r, skipped, ARRAY_LEN(skipped), NULL, true);
	is_str(s.n > 2 ? s.v[2].text : NULL, "Calf pain: 4 before, skipped after",
	       "unrated: a rating skipped with n says skipped");
	is_str(s.n > 3 ? s.v[3].text : NULL, "Sleep quality: not rated",
	       "unrated: alone, quit at its prompt: not rated");
	summary_free(&s);
}

/* Every set of a step skipped: no line names the target, which is the one
 * the session planned: the range's bottom from its lines alone, the older
 * session's progression from a log, or a skip line's own target=. */
static void test_all_skipped(const struct routine *r, const char *dir)
{
	static const char *const lines[] = {
		T0 "start routine=\"Summary test\" id=summary file=summary.yaml planned=1450 steps=7 format=1\n",
		T0 "step n=3 type=reps name=\"Soleus drive\"\n",
		T0 "skip " SO "what=set side=left set=1 sets=2 elapsed=1\n",
		T0 "skip " SO "what=set side=right set=1 sets=2 elapsed=1\n",
		T0 "skip " SO "what=set side=left set=2 sets=2 elapsed=1\n",
		T0 "skip " SO "what=set side=right set=2 sets=2 elapsed=1\n",
		T0 "step n=4 type=reps name=Squat\n",
		T0 "end status=quit elapsed=60\n",
	};
	struct summary s;
	build(&s, r, lines, ARRAY_LEN(lines), NULL, true);
	is_str(s.n > 6 ? s.v[6].text : NULL,
	       "Soleus drive: left skipped skipped of 10; right skipped skipped of 10",
	       "all skipped, --no-log: the target planned, the range's bottom");
	ok(s.n > 6 && s.v[6].kind == SUMMARY_SHORT, "all skipped: marked short");
	is_str(s.n > 7 ? s.v[7].text : NULL, "  next time: 10 reps each side (not every set was done)",
	       "all skipped: next time holds, and why");
	summary_free(&s);

	/* from a log whose older session reached 11 on every set: 12 planned */
	char *path = xasprintf("%s/skipped.log", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		die_errno(99, "%s", path);
	fputs("2026-12-05T10:00:00.000+00:00 ffff03 start routine=\"Summary test\" id=summary "
	      "planned=1450 steps=7 format=1\n", f);
	for (int side = 0; side < 2; side++)
		for (int set = 1; set <= 2; set++)
			fprintf(f, "2026-12-05T10:00:01.000+00:00 ffff03 set " SO "side=%s set=%d "
				"sets=2 target=11 reps=11 min=10 max=12 elapsed=20\n",
				side ? "right" : "left", set);
	fputs("2026-12-05T10:30:00.000+00:00 ffff03 end status=complete elapsed=1800\n", f);
	for (size_t i = 0; i < ARRAY_LEN(lines); i++)
		fputs(lines[i], f);
	if (fclose(f))
		die_errno(99, "%s", path);
	build(&s, r, lines, ARRAY_LEN(lines), path, false);
	is_str(s.n > 6 ? s.v[6].text : NULL,
	       "Soleus drive: left skipped skipped of 12; right skipped skipped of 12",
	       "all skipped, from the log: the target the session planned");
	summary_free(&s);
	unlink(path);
	free(path);

	/* a skip line that names its target: that one */
	const char **named = xcalloc(ARRAY_LEN(lines), sizeof *named);
	memcpy(named, lines, sizeof lines);
	named[2] = T0 "skip " SO "what=set side=left set=1 sets=2 target=11 elapsed=1\n";
	build(&s, r, named, ARRAY_LEN(lines), NULL, true);
	is_str(s.n > 6 ? s.v[6].text : NULL,
	       "Soleus drive: left skipped skipped of 11; right skipped skipped of 10",
	       "all skipped: a skip line's target= stands, for its side only");
	summary_free(&s);
	free(named);
}

/* Practice: the start line's speed=.  Progression leaves it out, from the
 * lines as from the log. */
static void test_practice(const struct routine *r)
{
	size_t n = ARRAY_LEN(complete_log);
	const char **lines = xcalloc(n, sizeof *lines);
	memcpy(lines, complete_log, n * sizeof *lines);
	lines[0] = T0 "start routine=\"Summary test\" id=summary planned=1450 steps=7 format=1 speed=10\n";
	struct summary s;
	build(&s, r, lines, n, NULL, true);
	ok(s.practice, "practice: seen");
	is_str(s.v[0].text, "Practice (speed 10): history and progression leave it out",
	       "practice: said first");
	is_str(s.v[4].text, "Heel drops, straight knee: left 12 12 10* of 12; right 12 skipped 12 of 12",
	       "practice: the sets as done");
	is_str(s.v[5].text, "  next time: 8 reps each side (practice does not count)",
	       "practice: next time is the range's bottom, as if it never happened");
	is_str(s.v[9].text, "  next time: 12 reps (practice does not count)",
	       "practice: no top of the range from it");
	summary_free(&s);
	free(lines);
}

/* Ratings: one alone, two of a name, three of a name, "(before)". */
static void test_ratings(void)
{
	struct routine *r = load("ratings.yaml",
		"name: Ratings\n"
		"steps:\n"
		"  - {type: rate, name: Pain}\n"
		"  - {type: rate, name: Tightness (before)}\n"
		"  - {type: rate, name: Pain}\n"
		"  - {type: rate, name: Tightness (after)}\n"
		"  - {type: rate, name: Pain}\n"
		"  - {type: rate, name: Mood}\n");
	static const char *const lines[] = {
		T0 "start routine=Ratings id=ratings planned=0 steps=6 format=1\n",
		T0 "rate n=1 name=Pain value=3\n",
		T0 "rate n=2 name=\"Tightness (before)\" value=4\n",
		T0 "rate n=3 name=Pain value=5\n",
		T0 "rate n=4 name=\"Tightness (after)\" value=4\n",
		T0 "rate n=5 name=Pain value=6\n",
		T0 "rate n=6 name=Mood value=7\n",
		T0 "end status=complete elapsed=20\n",
	};
	struct summary s;
	summary_build(&s, r, lines, ARRAY_LEN(lines), NULL, true);
	check(&s,
	      "Time: 0:20 of 0:00 planned\n"
	      "Pain: 3 before, 5, 6 after (+3)\n"
	      "Tightness: 4 before, 4 after (no change)\n"
	      "Mood: 7\n",
	      "TTTT", "ratings");
	summary_free(&s);
	routine_free(r);
}

/* Next time per side and with load: each side its own target, a load
 * raised said with the one it was, sides alike in one line, one reason
 * for both sides said once. */
static void test_sides_next(void)
{
	struct routine *r = load("sides.yaml",
		"name: Sides\n"
		"steps:\n"
		"  - {type: reps, name: Heel drop, side: both, sets: 1, reps: 8-12, progress: true}\n"
		"  - {type: reps, name: Alfredson, side: both, sets: 1, reps: 15}\n");
	r->steps[1].load = 7500;
	static const char *const log[] = {
		T0 "start routine=Sides id=sides file=sides.yaml planned=100 steps=2 format=1\n",
		T0 "step n=1 type=reps name=\"Heel drop\"\n",
		T0 "set n=1 name=\"Heel drop\" side=left set=1 sets=1 target=10 reps=9 min=8 max=12 elapsed=9\n",
		T0 "set n=1 name=\"Heel drop\" side=right set=1 sets=1 target=12 reps=12 min=8 max=12 elapsed=9\n",
		T0 "step n=2 type=reps name=Alfredson\n",
		T0 "set n=2 name=Alfredson side=left set=1 sets=1 target=15 reps=15 min=15 max=15 load=7.5 elapsed=9\n",
		T0 "set n=2 name=Alfredson side=right set=1 sets=1 target=15 reps=15 min=15 max=15 load=7.5 elapsed=9\n",
		T0 "end status=complete elapsed=100\n",
	};
	struct step_target next[2];
	targets_default(next, r);
	next[0].side[SIDE_LEFT].reps = 10;
	next[0].side[SIDE_RIGHT].reps = 12;
	next[0].side[SIDE_RIGHT].at_top = true;
	for (int k = SIDE_LEFT; k <= SIDE_RIGHT; k++) {
		next[1].side[k].load = 10000;
		next[1].side[k].load_before = 7500;
		next[1].side[k].load_added = true;
	}
	struct summary s;
	summary_build_next(&s, r, log, ARRAY_LEN(log), next);
	check(&s,
	      "Time: 1:40 of 1:40 planned\n"
	      "Heel drop: left 9* of 10; right 12 of 12\n"
	      "  next time: left 10 reps (not every set reached 10); right top of the range: "
	      "consider adding load\n"
	      "Alfredson: left 15 of 15; right 15 of 15\n"
	      "  next time: 15 reps each side, 10 kg (up from 7.5)\n"
	      "* short of the target\n",
	      "TSGGGT", "per side, and load");
	summary_free(&s);

	/* the same load both sides, not raised; the sides' targets alike */
	targets_default(next, r);
	next[0].side[SIDE_LEFT].reps = next[0].side[SIDE_RIGHT].reps = 11;
	next[1].side[SIDE_LEFT].load = 5000;
	summary_build_next(&s, r, log, ARRAY_LEN(log), next);
	ok(s.n > 4, "loads apart: the lines are there");
	if (s.n > 4) {
		is_str(s.v[2].text, "  next time: 11 reps each side", "sides alike: one target");
		is_str(s.v[4].text, "  next time: left 15 reps, 5 kg; right 15 reps, 7.5 kg",
		       "loads apart: each side its own");
	}
	summary_free(&s);

	/* sides apart held for one reason: said once, after both */
	targets_default(next, r);
	next[0].side[SIDE_LEFT].reps = 10;
	next[0].side[SIDE_RIGHT].reps = 12;
	const char **lines = xcalloc(ARRAY_LEN(log), sizeof *lines);
	memcpy(lines, log, sizeof log);
	lines[0] = T0 "start routine=Sides id=sides planned=100 steps=2 format=1 speed=10\n";
	summary_build_next(&s, r, lines, ARRAY_LEN(log), next);
	is_str(s.n > 3 ? s.v[3].text : NULL,
	       "  next time: left 10 reps; right 12 reps (practice does not count)",
	       "practice, sides apart: the reason once");
	summary_free(&s);
	static const char *const skipped[] = {
		T0 "start routine=Sides id=sides file=sides.yaml planned=100 steps=2 format=1\n",
		T0 "step n=1 type=reps name=\"Heel drop\"\n",
		T0 "skip n=1 name=\"Heel drop\" what=set side=left set=1 sets=1 target=10 elapsed=1\n",
		T0 "skip n=1 name=\"Heel drop\" what=set side=right set=1 sets=1 target=12 elapsed=1\n",
		T0 "end status=quit elapsed=10\n",
	};
	summary_build_next(&s, r, skipped, ARRAY_LEN(skipped), next);
	is_str(s.n > 2 ? s.v[2].text : NULL, "Heel drop: left skipped of 10; right skipped of 12",
	       "skipped, sides apart: each side's target");
	is_str(s.n > 3 ? s.v[3].text : NULL,
	       "  next time: left 10 reps; right 12 reps (not every set was done on either side)",
	       "skipped, sides apart: the reason once, for both sides");
	summary_free(&s);
	free(lines);
	routine_free(r);
}

/* Pain above 5 holds the target, twice in a row steps it back: the
 * summary says so, as progression decided it from the log read back
 * (the sets alone would show nothing wrong). */
static void pain_session(FILE *f, const char *day, const char *sid, int target, int pain)
{
	fprintf(f, "%sT10:00:00.000+00:00 %s start routine=Pain id=pain file=pain.yaml "
		"planned=60 steps=3 format=1\n", day, sid);
	fprintf(f, "%sT10:00:01.000+00:00 %s rate n=1 name=\"Calf pain before\" measure=pain "
		"value=2\n", day, sid);
	for (int side = 0; side < 2; side++)
		fprintf(f, "%sT10:00:02.000+00:00 %s set n=2 name=\"Heel drop\" side=%s set=1 "
			"sets=1 target=%d reps=%d min=8 max=12 elapsed=20\n", day, sid,
			side ? "right" : "left", target, target);
	fprintf(f, "%sT10:00:03.000+00:00 %s rate n=3 name=\"Calf pain after\" measure=pain "
		"value=%d\n", day, sid, pain);
	fprintf(f, "%sT10:01:00.000+00:00 %s end status=complete elapsed=60\n", day, sid);
}

/* The summary's "next time" line of the session last written to `path`
 * (its own lines, as the engine handed them, are the file's last six). */
static char *pain_next(const struct routine *r, const char *path)
{
	char *lines[6] = { NULL };
	char *all[64];
	size_t n = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		die_errno(99, "%s", path);
	char buf[512];
	while (n < ARRAY_LEN(all) && fgets(buf, sizeof buf, f))
		all[n++] = xstrdup(buf);
	fclose(f);
	for (size_t i = 0; i < 6 && n >= 6; i++)
		lines[i] = all[n - 6 + i];
	struct summary s;
	summary_build(&s, r, (const char *const *)lines, 6, path, false);
	char *got = NULL;
	for (size_t i = 0; i < s.n; i++)
		if (strstr(s.v[i].text, "next time"))
			got = xstrdup(s.v[i].text);
	summary_free(&s);
	for (size_t i = 0; i < n; i++)
		free(all[i]);
	return got;
}

static void test_pain(const char *dir)
{
	struct routine *r = load("pain.yaml",
		"name: Pain\n"
		"steps:\n"
		"  - {type: rate, name: Calf pain before, measure: pain}\n"
		"  - {type: reps, name: Heel drop, side: both, sets: 1, reps: 8-12, progress: true}\n"
		"  - {type: rate, name: Calf pain after, measure: pain}\n");
	char *path = xasprintf("%s/pain.log", dir);
	static const struct {
		const char *day, *sid;
		int target, pain;
		const char *want, *what;
	} steps[] = {
		{ "2026-12-01", "p00001", 8, 2, "  next time: 9 reps each side",
		  "pain 2 after, every set reached: up" },
		{ "2026-12-02", "p00002", 9, 7, "  next time: 9 reps each side (pain above 5)",
		  "pain 7 after, every set reached: held, and why" },
		{ "2026-12-03", "p00003", 9, 8,
		  "  next time: 8 reps each side (pain above 5 twice in a row: a step back)",
		  "pain above 5 again: a step back, and why" },
		{ "2026-12-04", "p00004", 8, 6, "  next time: 8 reps each side (pain above 5)",
		  "bad once more at the bottom: held (the count began again)" },
		{ "2026-12-05", "p00005", 8, 9, "  next time: 8 reps each side (pain above 5 twice in a row)",
		  "twice in a row at the bottom: nothing to take off, said without a step back" },
	};
	FILE *f = fopen(path, "w");
	if (!f)
		die_errno(99, "%s", path);
	fclose(f);
	for (size_t i = 0; i < ARRAY_LEN(steps); i++) {
		f = fopen(path, "a");
		if (!f)
			die_errno(99, "%s", path);
		pain_session(f, steps[i].day, steps[i].sid, steps[i].target, steps[i].pain);
		if (fclose(f))
			die_errno(99, "%s", path);
		char *got = pain_next(r, path);
		is_str(got, steps[i].want, "pain: %s", steps[i].what);
		free(got);
	}
	unlink(path);
	free(path);
	routine_free(r);
}

int main(void)
{
	char dir[] = "/tmp/unit_summary.XXXXXX";
	if (!mkdtemp(dir))
		die_errno(99, "mkdtemp");
	struct routine *r = load("summary.yaml", routine_yaml);
	test_complete(r);
	test_from_log(r, dir);
	test_quit(r);
	test_unrated(r);
	test_all_skipped(r, dir);
	test_practice(r);
	test_ratings();
	test_sides_next();
	test_pain(dir);
	routine_free(r);
	rmdir(dir);
	return done_testing();
}
