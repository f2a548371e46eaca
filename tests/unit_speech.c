/* unit_speech.c: the speech queue's policy with a fake clock and a fake
 * speaker (no process), the bell patterns, and what the engine announces
 * (on its fake clock): short forms, what comes next said before it, the
 * routine's cue text only where there is time, milestones. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "loader.h"
#include "saytime.h"
#include "speech.h"
#include "util.h"

#include "tap.h"

/* ---- the fake speaker: 100 ms a word, a transcript of what happened ---- */

static long long now;
static long long speak_end;
static char heard[4096];

static int words(const char *s)
{
	int n = 0;
	for (const char *p = s; *p; p++)
		if (*p != ' ' && (p == s || p[-1] == ' '))
			n++;
	return n;
}

static bool fake_start(void *ctx, const char *text, long long t)
{
	(void)ctx;
	speak_end = t + 100LL * words(text);
	size_t n = strlen(heard);
	snprintf(heard + n, sizeof heard - n, "%s[%s@%lld", n ? " " : "", text, t);
	return true;
}

static void fake_stop(void *ctx, long long t)
{
	(void)ctx;
	speak_end = t;
	size_t n = strlen(heard);
	snprintf(heard + n, sizeof heard - n, " CUT@%lld", t);
}

static bool fake_speaking(void *ctx, long long t)
{
	(void)ctx;
	return t < speak_end;
}

static const struct speech_ops fake = { fake_start, fake_stop, fake_speaking };
static struct speech Q;

static void reset(void)
{
	speech_init(&Q, &fake, NULL);
	now = 0;
	speak_end = 0;
	heard[0] = '\0';
}

static void say(enum say_kind k, long long stale, unsigned epoch, const char *text)
{
	struct speech_item it = { .kind = k, .stale_at = stale, .epoch = epoch };
	snprintf(it.text, sizeof it.text, "%s", text);
	speech_say(&Q, &it, now);
}

/* Let time pass to `t`, running the queue every 10 ms as the loop would. */
static void pass(long long t)
{
	while (now < t) {
		now += 10;
		speech_run(&Q, now);
	}
}

static void test_queue(void)
{
	reset();
	say(SAY_SET, -1, 0, "Left leg, set 1 of 3");
	is_str(heard, "[Left leg, set 1 of 3@0", "an announcement starts at once");

	/* a key word never cuts a key word: it waits its turn */
	say(SAY_PHASE, 1000, 0, "Down");
	pass(1000);
	is_str(heard, "[Left leg, set 1 of 3@0 [Down@600", "a phase word waits for the announcement, uncut");
	is_int(Q.cut, 0, "nothing was cut");

	/* a phase word cuts the routine's cue text, which is not said again */
	reset();
	say(SAY_CUE, -1, 0, "Knee straight, lower the heel below the step");
	pass(200);
	say(SAY_PHASE, 1000, 0, "Up");
	pass(2000);
	is_str(heard, "[Knee straight, lower the heel below the step@0 CUT@200 [Up@200",
	       "a phase word cuts cue text; the cue text is not repeated");
	is_int(Q.cut, 1, "one cut");

	/* ... and a milestone */
	reset();
	say(SAY_MILESTONE, 3000, 0, "1 minute left");
	pass(100);
	say(SAY_SIDE, -1, 0, "Right leg");
	pass(1000);
	is_str(heard, "[1 minute left@0 CUT@100 [Right leg@100", "a side change cuts a milestone");

	/* a low text waits behind a key word, and a key word goes first */
	reset();
	say(SAY_PART, -1, 0, "Rest, 60 seconds");
	say(SAY_CUE, -1, 0, "Knee bent");
	say(SAY_PHASE, -1, 0, "Down");
	pass(2000);
	is_str(heard, "[Rest, 60 seconds@0 [Down@300 [Knee bent@400",
	       "waiting: key words before cue text, first come first within a priority");

	/* stale: a phase word whose phase is over is dropped, never said late */
	reset();
	say(SAY_SET, -1, 0, "Right leg, set 2 of 3, 15 reps");
	say(SAY_PHASE, 300, 0, "Up");
	pass(400);
	ok(strstr(heard, "Up") == NULL, "a phase word gone stale while waiting is dropped");
	is_int(Q.dropped, 1, "counted as dropped");
	is_int(speech_next_wake(&Q, now), SPEECH_HUNG_MS + SPEECH_HUNG_TIMES * saytime_ms("Right leg, set 2 of 3, 15 reps"),
	       "nothing waits: the loop wakes only for the hang guard");
	pass(800);
	is_int(speech_next_wake(&Q, now), -1, "nothing speaks: no wake");
	say(SAY_SET, -1, 0, "Left leg, set 3 of 3, 15 reps");
	say(SAY_PHASE, 2000, 0, "Down");
	is_int(speech_next_wake(&Q, now), 2000, "the loop wakes when a waiting word goes stale");
	pass(3000);

	/* superseded: a newer phase word replaces one still waiting */
	reset();
	say(SAY_PART, -1, 0, "Rest, 60 seconds");
	say(SAY_PHASE, -1, 0, "Down");
	say(SAY_PHASE, -1, 0, "Up");
	pass(2000);
	is_str(heard, "[Rest, 60 seconds@0 [Up@300", "a newer phase word supersedes a waiting one");
	reset();
	say(SAY_PHASE, -1, 0, "Down");
	say(SAY_SET, -1, 0, "Left leg, set 2 of 3");
	say(SAY_SIDE, -1, 0, "Right leg, set 2 of 3");
	pass(2000);
	is_str(heard, "[Down@0 [Right leg, set 2 of 3@100", "a newer announcement supersedes a waiting one");

	/* the part left: what waits for it goes; the end stays */
	reset();
	say(SAY_PART, -1, 1, "Ice on, 15 minutes");
	say(SAY_CUE, -1, 1, "Packs on");
	say(SAY_END, -1, 1, "Session ended");
	speech_epoch(&Q, 2, now);
	pass(2000);
	is_str(heard, "[Ice on, 15 minutes@0 [Session ended@400", "a new part drops what waited for the old one");
	reset();
	say(SAY_PART, -1, 1, "Ice on");
	speech_epoch(&Q, 2, now);
	say(SAY_PHASE, -1, 1, "Down");
	pass(1000);
	is_str(heard, "[Ice on@0", "an announcement of a part already left is dropped at once");

	/* a middle one (state): cut by a key word, not by a low one */
	reset();
	say(SAY_STATE, -1, 0, "Added 15 seconds, 2 minutes left");
	pass(100);
	say(SAY_MILESTONE, -1, 0, "Halfway");
	pass(200);
	ok(strstr(heard, "CUT") == NULL, "a milestone does not cut a state change");
	say(SAY_PART, -1, 0, "Go");
	pass(1500);
	is_str(heard, "[Added 15 seconds, 2 minutes left@0 CUT@200 [Go@200 [Halfway@300",
	       "a key word cuts a state change");
	/* a newer state cuts the older: pressing + twice says the last */
	reset();
	say(SAY_STATE, -1, 0, "Added 15 seconds, 1 minute left");
	pass(50);
	say(SAY_STATE, -1, 0, "Added 30 seconds, 1 minute 15 seconds left");
	pass(2000);
	is_str(heard, "[Added 15 seconds, 1 minute left@0 CUT@50 [Added 30 seconds, 1 minute 15 seconds left@50",
	       "a newer state change cuts the older");

	/* a speaker that hangs is stopped, and the queue goes on */
	reset();
	say(SAY_PART, -1, 0, "Ice on");
	speak_end = 1000000;
	say(SAY_PHASE, -1, 0, "Down");
	long long hung_at = SPEECH_HUNG_MS + SPEECH_HUNG_TIMES * saytime_ms("Ice on");
	is_int(speech_next_wake(&Q, now), hung_at, "the loop wakes when the speaker would hang");
	pass(hung_at + 500);
	char want[64];
	snprintf(want, sizeof want, "[Ice on@0 CUT@%lld [Down@%lld", hung_at, hung_at);
	is_str(heard, want, "a hung speaker is stopped, the next goes on");
	is_int(Q.hung, 1, "counted as hung");

	/* one at a time, however many come */
	reset();
	for (int i = 0; i < 40; i++)
		say(i % 2 ? SAY_PHASE : SAY_SET, -1, 0, i % 2 ? "Down" : "Left leg");
	is_int(Q.said, 1, "a flood: one speaks");
	pass(5000);
	ok(Q.n == 0 && Q.cut == 0, "a flood: no cut, the queue drains");
}

static void test_bells(void)
{
	struct bells b = { 0, 0 };
	ok(!bells_due(&b, 0), "no bells");
	is_int(bells_next_wake(&b), -1, "no wake without bells");
	bells_add(&b, 3, 1000);
	int rung = 0;
	long long at[3] = { 0 };
	for (long long t = 1000; t < 3000; t += 10)
		if (bells_due(&b, t) && rung < 3)
			at[rung++] = t;
	is_int(rung, 3, "three bells for a new part");
	ok(at[0] == 1000 && at[1] == 1000 + BELL_GAP_MS && at[2] == 1000 + 2 * BELL_GAP_MS,
	   "spaced %d ms apart, the first at once", BELL_GAP_MS);
	bells_add(&b, 2, 5000);
	ok(bells_due(&b, 5000) && !bells_due(&b, 5100) && bells_due(&b, 5000 + BELL_GAP_MS) &&
	   !bells_due(&b, 9000), "two for a side change");
	bells_add(&b, 1, 9000);
	is_int(bells_next_wake(&b), 9000, "the loop wakes for a bell");
}

/* ---- what the engine announces ---- */

#include "engine_fake.h"

static const char *const sets_yaml =
	"name: S\n"
	"steps:\n"
	"  - type: reps\n"
	"    name: Heel drop\n"
	"    side: both\n"
	"    sets: 2\n"
	"    reps: 2\n"
	"    tempo: 3-0-1\n"
	"    rest: 60s\n"
	"    cue: Knee straight, lower the heel below the step\n";

static void test_engine_sets(void)
{
	if (!start(sets_yaml, 3000))
		return;
	run_to(90000);
	has("side@0:Heel drop, left leg|2", "the lead-in announces the set: a step's first set names the exercise, then the leg (its number and reps go: they are on the screen)");
	has("phase@3000:Down|1", "the set starts with its first phase word alone");
	has("phase@6000:Up|1", "then each phase");
	has("phase@7000:Down|1", "rep 2's Down");
	has("side@11000:Right, set 1 of 2, 2 reps|2", "the other leg: the leg first, a side change, two bells");
	has("part@22000:Rest, 60 seconds|3", "a rest, three bells");
	has("cue@22000:Knee straight, lower the heel below the step|0", "the rest has time for the cue text");
	lacks("cue@0:", "a 3 s lead-in has no time for cue text after the announcement");
	has("milestone@72000:10 seconds|0", "10 seconds before the end of the rest");
	stop();

	/* no lead-in: the rest says what comes, the set its phase word */
	if (!start(sets_yaml, 0))
		return;
	run_to(80000);
	has("side@0:Left leg. Down|2", "no lead-in: the first set says its leg and Down in one breath, Down on time");
	has("side@8000:Right leg. Down|2", "the other leg: the leg first, then its first Down");
	has("side@66000:10 seconds. Left, set 2 of 2, 2 reps|2", "no lead-in: the rest announces the next set");
	has("phase@76000:Down|1", "... which then starts with Down alone");
	stop();
}

static void test_engine_right(void)
{
	const char *yaml =
		"name: R\n"
		"steps:\n"
		"  - {type: reps, name: Calf raise, side: right, sets: 1, reps: 1, tempo: 1-1-1}\n";
	if (!start(yaml, 3000))
		return;
	run_to(7000);
	has("side@0:Calf raise, right leg|2", "a step on the right leg alone: its name, then the leg");
	has("phase@4000:Hold|1", "a hold is said");
	stop();
}

static void test_engine_long(void)
{
	const char *yaml =
		"name: I\n"
		"steps:\n"
		"  - type: ice\n"
		"    name: Ice\n"
		"    side: left\n"
		"    duration: 10m\n"
		"    rounds: 2\n"
		"    off: 10m\n"
		"    cue: Packs on both calves, feet up\n"
		"  - type: timer\n"
		"    name: Stretch\n"
		"    duration: 20s\n"
		"  - type: rate\n"
		"    name: Pain\n"
		"    cue: 0 none\n";
	if (!start(yaml, 3000))
		return;
	run_to(3000 + 1200000 + 3000 + 600000 + 3000 + 20000 + 1000);
	has("side@0:Ice on, left, 10 minutes, round 1 of 2|2", "the lead-in announces the ice");
	has("part@3000:Ice on|3", "the ice starts with its key word, three bells for a new part");
	has("cue@3000:Packs on both calves, feet up|0", "a long part has time for the cue text at its start");
	has("milestone@303000:Halfway|0", "halfway through a 10-minute round");
	has("milestone@543000:1 minute left|0", "the last minute");
	has("milestone@593000:10 seconds|0", "the last 10 seconds");
	has("part@603000:Ice off, 10 minutes|3", "ice off: its own form, three bells");
	has("part@1806000:Stretch, 20 seconds|3", "a timer announced by its lead-in");
	has("part@1809000:Go|3", "... and started with Go, three bells for a new part");
	lacks("Stretch, 20 seconds\nmilestone", "no 10 seconds in a part under 30 seconds");
	has("part@1829000:Rate Pain, 0 to 10|3", "a rating");
	has("cue@1829000:0 none|0", "a prompt has time for its cue text");
	engine_number(&E, 3);
	collect();
	has("end@1830000:Routine complete|3", "the end");
	stop();
}

/* The speaking time, as espeak-ng -w measured it (saytime.h): a fixed
 * start, words, and a pause at each comma and full stop a word follows. */
static void test_saytime(void)
{
	is_int(saytime_words("Heel drop, 2 reps. Down"), 5, "words: punctuation separates them");
	is_int(saytime_words(" -- ... , "), 1, "a dash is a word, punctuation is not");
	is_int(saytime_ms(""), 0, "nothing to say: no time");
	is_int(saytime_ms("Down"), 750, "a phase word: the start and one word (espeak-ng: 650 ms)");
	is_int(saytime_ms("Heel drop, 2 reps. Down"), 2350, "a comma and a full stop pause (espeak-ng: 2375 ms)");
	is_int(saytime_ms("Right leg, set 2 of 3, 9 reps."), 3040,
	       "a final full stop adds nothing (espeak-ng: 2732 ms)");
	is_int(saytime_ms("0 loose ... 10 cannot walk"), 2080, "an ellipsis is one pause (espeak-ng: 2187 ms)");
}

int main(void)
{
	test_saytime();
	test_queue();
	test_bells();
	test_engine_sets();
	test_engine_right();
	test_engine_long();
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
