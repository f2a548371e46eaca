/* unit_say.c: what the engine says out loud and when (engine_say.c), on its
 * fake clock: the first phase word on time with no lead-in, the next set
 * announced during the part before it or not marked announced at all, the
 * routine's cue text cut at a word to the speech queue's limit, + and -
 * saying milestones and what comes again, the bells, and the short forms
 * a 3-second lead-in has room for. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "loader.h"
#include "speech.h"
#include "util.h"

#include "tap.h"

#include "engine_fake.h"

/* 1. No lead-in: the first phase word starts on time. */
static void test_no_leadin(void)
{
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Bent-knee soleus drive, side: both, sets: 1, reps: 2, tempo: 2-0-1}\n", 0))
		return;
	run_to(13000);
	has("side@0:Left leg. Down|2", "no lead-in: the leg and the first phase word, which has time for it");
	has("phase@2000:Up|1", "rep 1's Up on time");
	has("side@6000:Right leg. Down|2", "a set right after a set: the leg and Down");
	lacks("Bent-knee soleus drive", "the exercise's name is left to the screen");
	stop();

	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 1, reps: 1, tempo: 1-0-1}\n", 0))
		return;
	run_to(3000);
	has("side@0:Down|2", "a first phase of 1 s: Down alone (two bells: the leg)");
	stop();

	/* a timed part before an unannounced set announces it */
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: timer, name: Warm up, duration: 30s}\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 2, reps: 1, tempo: 3-0-1, rest: 1s}\n", 0))
		return;
	run_to(40000);
	has("part@0:Warm up, 30 seconds|3", "a timer");
	has("side@20000:10 seconds. Heel drop, left leg|2", "a timer announces the set after it, 10 seconds before");
	has("phase@30000:Down|1", "which then starts with Down alone");
	lacks("milestone@20000", "no second 10 seconds");
	stop();
}

/* 2. A short rest: the next set in one breath with it, alone, or at the
 * set's start; never marked announced and then dropped. */
static void test_short_rest(void)
{
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 2, reps: 1, tempo: 3-0-1, rest: 10s}\n", 0))
		return;
	run_to(20000);
	has("set@4000:Rest, 10 seconds. Left, set 2 of 2, 1 rep|3", "a short rest: its words and the next set in one breath");
	has("phase@14000:Down|1", "the set starts with Down");
	lacks("set@13", "said once");
	stop();

	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 2, reps: 1, tempo: 3-0-1, rest: 3s}\n", 0))
		return;
	run_to(12000);
	has("set@4000:Left, set 2 of 2, 1 rep|3", "a rest too short for both: the next set alone, three bells");
	lacks("Rest, 3 seconds", "the rest's own words go");
	has("phase@7000:Down|1", "the set starts with Down");
	stop();

	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 2, reps: 1, tempo: 3-0-1, rest: 1s}\n", 0))
		return;
	run_to(10000);
	has("part@4000:Rest, 1 second|3", "a rest too short for the announcement says its own words");
	lacks("set 2 of 2", "... and announces nothing it has no time for");
	has("set@5000:Set 2. Down|3", "the set, not marked announced, names itself with its first phase word");
	stop();
}

/* 3. The routine's cue text: cut at a word to the queue's limit, and its
 * fit judged on what is said. */
static void test_long_cue(void)
{
	static char yaml[8192], cue[4096];
	cue[0] = '\0';
	for (int i = 0; i < 120; i++) {
		size_t n = strlen(cue);
		snprintf(cue + n, sizeof cue - n, "%sword%03d", i ? " " : "", i);
	}
	snprintf(yaml, sizeof yaml,
		 "name: N\nsteps:\n"
		 "  - {type: reps, name: Drop, side: left, sets: 2, reps: 1, tempo: 1-0-1, rest: 30s, cue: \"%s\"}\n",
		 cue);
	if (!start(yaml, 0))
		return;
	run_to(3000);
	const char *c = strstr(said, "cue@2000:");
	if (!ok(c != NULL, "a 120-word cue (41 s) in a 30-second rest: what fits the queue is said, and has time"))
		printf("#   said:\n%s\n", said);
	if (c) {
		c += strlen("cue@2000:");
		size_t n = strcspn(c, "|");
		ok(n < SPEECH_TEXT, "within the queue's limit (%zu bytes)", n);
		ok(n > SPEECH_TEXT - 10 && !strncmp(c, cue, n) && cue[n] == ' ', "cut at a word's end: ...%.12s",
		   c + n - 12);
	}
	stop();

	/* at a sentence's end when there is one in the second half */
	snprintf(cue, sizeof cue, "Knee straight.");
	for (int i = 0; i < 25; i++) {
		size_t n = strlen(cue);
		snprintf(cue + n, sizeof cue - n, " lower%02d", i);
	}
	strcat(cue, ". Then up");
	for (int i = 0; i < 40; i++) {
		size_t n = strlen(cue);
		snprintf(cue + n, sizeof cue - n, " again%02d", i);
	}
	snprintf(yaml, sizeof yaml,
		 "name: N\nsteps:\n"
		 "  - {type: reps, name: Drop, side: left, sets: 2, reps: 1, tempo: 1-0-1, rest: 60s, cue: \"%s\"}\n",
		 cue);
	if (!start(yaml, 0))
		return;
	run_to(3000);
	has("cue@2000:Knee straight. lower00 lower01 lower02 lower03 lower04 lower05 lower06 lower07 lower08 "
	    "lower09 lower10 lower11 lower12 lower13 lower14 lower15 lower16 lower17 lower18 lower19 lower20 "
	    "lower21 lower22 lower23 lower24.|0", "cut at a sentence's end");
	stop();
}

/* 4. + and - : milestones ahead again are said again, and so is what comes
 * after a rest. */
static void test_adjust(void)
{
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: timer, name: Hold, duration: 60s}\n"
		   "  - {type: timer, name: Stretch, duration: 60s}\n", 0))
		return;
	run_to(52000);
	has("milestone@50000:10 seconds|0", "10 seconds");
	engine_adjust(&E, 15000);
	collect();
	run_to(70000);
	has("milestone@65000:10 seconds|0", "+ after it: 10 seconds again");
	stop();

	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 2, reps: 1, tempo: 1-0-1, rest: 60s}\n", 0))
		return;
	run_to(54000);
	has("set@52000:10 seconds. Left, set 2 of 2, 1 rep|3", "the rest announces the next set");
	engine_adjust(&E, 15000);
	collect();
	run_to(80000);
	has("set@67000:10 seconds. Left, set 2 of 2, 1 rep|3", "+ after it: said again 10 seconds before the new end");
	has("phase@77000:Down|1", "the set starts with Down");
	stop();

	/* a short rest announced at its start, made long */
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: left, sets: 2, reps: 1, tempo: 1-0-1, rest: 10s}\n", 0))
		return;
	run_to(3000);
	engine_adjust(&E, 15000);
	collect();
	run_to(30000);
	has("set@17000:10 seconds. Left, set 2 of 2, 1 rep|3", "a short rest made long: said again 10 seconds before its end");
	stop();
}

/* 5. Bells: one for a phase, two for the other leg, three for a new part,
 * announced or not. */
static void test_bells(void)
{
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: ice, name: Ice, duration: 1m}\n"
		   "  - {type: timer, name: Stretch, duration: 20s}\n"
		   "  - {type: reps, name: Heel drop, side: right, sets: 1, reps: 1, tempo: 1-0-1}\n", 3000))
		return;
	run_to(3000 + 60000 + 3000 + 20000 + 3000 + 1000);
	has("part@0:Ice on, 60 seconds|3", "a lead-in: three bells");
	has("part@3000:Ice on|3", "ice on, announced: three bells, a new part");
	has("part@66000:Go|3", "a timer's Go: three bells");
	has("side@86000:Heel drop, right leg|2", "the other leg: two");
	has("phase@89000:Down|1", "a phase: one");
	stop();
}

/* 6. The forms a 3-second lead-in says. */
static void test_forms(void)
{
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Straight-knee heel drop, side: both, sets: 2, reps: 15, tempo: 0-0-1, rest: 30s}\n"
		   "  - type: massage\n"
		   "    name: Spots\n"
		   "    side: left\n"
		   "    duration: 45s\n"
		   "    spots: [Musculotendinous junction]\n"
		   "  - {type: timer, name: Stretch, duration: 20s}\n", 3000))
		return;
	run_to(200000);
	has("side@0:Straight-knee heel drop, left leg|2", "a step's first set: the exercise and the leg");
	has("side@18000:Right, set 1 of 2, 15 reps|2", "another set: the leg first, its number, its reps");
	has("side@66000:Left, set 2 of 2, 15 reps|2", "after a rest, the same");
	lacks("Left leg, set", "not Left leg, set ...");
	has("side@102000:Left, Musculotendinous junction|2", "a spot on one leg: the leg and the spot");
	has("part@150000:Stretch, 20 seconds|3", "a part on both legs: its name and length");
	stop();
	/* a load is said with the step's first set, so a person across the
	 * room knows what to put in the backpack; no load, no word */
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: both, sets: 1, reps: 15, tempo: 0-0-1, load: 7.5}\n", 3000))
		return;
	run_to(100000);
	has("side@0:Heel drop, left leg, 7.5 kilograms|2", "a step's first set with a load: its kilograms");
	stop();
	if (!start("name: N\n"
		   "steps:\n"
		   "  - {type: reps, name: Heel drop, side: both, sets: 1, reps: 15, tempo: 0-0-1, load: 0}\n", 3000))
		return;
	run_to(100000);
	has("side@0:Heel drop, left leg|2", "a load of 0: the exercise and the leg, no kilograms");
	stop();
}

int main(void)
{
	test_no_leadin();
	test_short_rest();
	test_long_cue();
	test_adjust();
	test_bells();
	test_forms();
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
