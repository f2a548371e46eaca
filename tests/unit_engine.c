/* unit_engine.c: the session engine on a fake clock.  Each test builds a
 * routine from YAML, runs it by moving the fake clock and calling the
 * actions, collects the log lines through a sink and parses them back with
 * logrec_parse() to check the events and their fields exactly. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "diag.h"
#include "engine.h"
#include "loader.h"
#include "logfmt.h"
#include "routine.h"
#include "util.h"

#include "tap.h"


/* 2026-11-23T18:04:11.204Z, the fake clock's wall time at ms == 0 */
#define WALL0_SEC 1795457051
#define WALL0_NSEC 204000000L

#define MAXLINES 4096

static struct fake_clock fc;
static struct engine E;
static struct routine *R;
static char *lines[MAXLINES];
static size_t nlines;
static struct logrec rec;

static long not_whole; /* lines written that logrec_whole() would doubt */

static void sink_line(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	struct logrec r;
	logrec_init(&r);
	if (logrec_parse(&r, line, len) || !logrec_whole(&r)) {
		printf("# not whole: %.*s", (int)len, line);
		not_whole++;
	}
	logrec_free(&r);
	if (nlines < MAXLINES)
		lines[nlines++] = xstrndup(line, len);
}

struct start_opts {
	long long lead_in;
	int speed;
	const struct step_target *targets;
	const long *loads;          /* per step: `load:` in grams, set on the
				     * routine as the loader would, or NULL */
	char *const *warnings;
	size_t nwarnings;
	const char *resume_how;
	const struct engine_resume *resume;
};

/* Load `yaml` and start a session at fake time 0. */
static bool begin_with(const char *yaml, const struct start_opts *so)
{
	struct diags d;
	diags_init(&d, "test.yaml");
	R = routine_load_buffer("test.yaml", yaml, strlen(yaml), &d);
	if (!R) {
		diags_print(&d, stdout);
		diags_free(&d);
		ok(0, "routine loads");
		return false;
	}
	diags_free(&d);
	for (size_t i = 0; so->loads && i < R->nsteps; i++)
		R->steps[i].load = so->loads[i];
	fc.ms = 0;
	fc.wall0.tv_sec = WALL0_SEC;
	fc.wall0.tv_nsec = WALL0_NSEC;
	nlines = 0;
	struct engine_opts o = {
		.targets = so->targets,
		.lead_in_ms = so->lead_in,
		.speed = so->speed ? so->speed : 1,
		.file = "test.yaml",
		.id = "test",
		.warnings = so->warnings,
		.nwarnings = so->nwarnings,
		.resume_how = so->resume_how,
		.resume = so->resume,
	};
	struct engine_sink sink = { sink_line, NULL };
	engine_start(&E, R, &o, clock_fake(&fc), sink);
	return true;
}

static bool begin(const char *yaml, long long lead_in)
{
	struct start_opts so = { .lead_in = lead_in };
	return begin_with(yaml, &so);
}

/* Every line parses, ends with one '\n' and carries the session's id. */
static void finish(const char *what)
{
	bool good = nlines > 0;
	for (size_t i = 0; i < nlines; i++) {
		size_t len = strlen(lines[i]);
		const char *why = logrec_parse(&rec, lines[i], len);
		if (why || len == 0 || lines[i][len - 1] != '\n' ||
		    memchr(lines[i], '\n', len - 1) || strcmp(rec.sid, E.sid)) {
			printf("# bad line %zu: %s (%s)", i, lines[i], why ? why : "id or newline");
			good = false;
		}
	}
	ok(good, "%s: every line parses, one line per event, one session id", what);
	engine_free(&E);
	routine_free(R);
	R = NULL;
	for (size_t i = 0; i < nlines; i++)
		free(lines[i]);
	nlines = 0;
}

/* One tick at fake time `ms`. */
static void tick1(long long ms)
{
	fc.ms = ms;
	engine_tick(&E);
}

/* Walk the clock to `ms` as a front end would: a tick every second (less
 * than ENGINE_GAP_MS apart, so no gap), then one at `ms`. */
static void at(long long ms)
{
	while (fc.ms + 1000 < ms)
		tick1(fc.ms + 1000);
	tick1(ms);
}

/* Tick at every wake-up the engine asks for until fake time `until`. */
static void run_until(long long until)
{
	for (int guard = 0; guard < 100000; guard++) {
		long long w = engine_next_wake(&E);
		if (w < 0 || w > until)
			break;
		tick1(w > fc.ms ? w : fc.ms);
	}
	if (fc.ms < until)
		at(until);
}

/* The event words of lines [from, nlines), a skip with its `what`. */
static const char *events(size_t from)
{
	static char out[8192];
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = from; i < nlines; i++) {
		if (logrec_parse(&rec, lines[i], strlen(lines[i])))
			snprintf(out + len, sizeof out - len, "%s?", len ? " " : "");
		else if (rec.event == LOG_SKIP)
			snprintf(out + len, sizeof out - len, "%sskip:%s", len ? " " : "",
				 logrec_get(&rec, "what") ? logrec_get(&rec, "what") : "?");
		else
			snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "", rec.event_word);
		len = strlen(out);
	}
	return out;
}

/* Line `i` is event `ev` with each field in `spec` ("k=v k=v", values
 * without spaces; "!k" means no k at all). */
static int line_is(size_t i, const char *ev, const char *spec, const char *what)
{
	if (i >= nlines) {
		ok(0, "%s: line %zu exists (only %zu lines)", what, i, nlines);
		return 0;
	}
	const char *why = logrec_parse(&rec, lines[i], strlen(lines[i]));
	bool good = !why && !strcmp(rec.event_word, ev);
	char *copy = xstrdup(spec), *save = NULL;
	for (char *tok = strtok_r(copy, " ", &save); tok && good; tok = strtok_r(NULL, " ", &save)) {
		if (tok[0] == '!') {
			if (logrec_get(&rec, tok + 1)) {
				printf("#   field %s should be absent\n", tok + 1);
				good = false;
			}
			continue;
		}
		char *eq = strchr(tok, '=');
		*eq = '\0';
		const char *got = logrec_get(&rec, tok);
		if (!got || strcmp(got, eq + 1)) {
			printf("#   field %s: got %s, want %s\n", tok, got ? got : "(absent)", eq + 1);
			good = false;
		}
	}
	free(copy);
	ok(good, "%s", what);
	if (!good)
		printf("#   line %zu: %s", i, lines[i]);
	return good;
}

/* The index of the last line with event `ev`, or nlines. */
static size_t last_of(const char *ev)
{
	for (size_t i = nlines; i-- > 0;)
		if (!logrec_parse(&rec, lines[i], strlen(lines[i])) && !strcmp(rec.event_word, ev))
			return i;
	return nlines;
}

static struct engine_view view(void)
{
	struct engine_view v;
	engine_view(&E, &v);
	return v;
}

/* ---- prompts: note, rate ---- */

static void test_prompts(void)
{
	static const char y[] =
		"name: Prompts\n"
		"steps:\n"
		"  - {type: rate, name: Before, cue: 0 loose}\n"
		"  - {type: note, name: Ready, cue: Get the ball}\n"
		"  - {type: rate, name: Mid}\n"
		"  - {type: rate, name: After}\n";
	if (!begin(y, 3000))
		return;
	line_is(0, "start", "routine=Prompts id=test file=test.yaml planned=0 steps=4 format=1 !speed",
		"start line: routine, id, file, planned, steps, format, no speed at speed 1");
	ok(logrec_parse(&rec, lines[0], strlen(lines[0])) == NULL &&
	   !strcmp(rec.stamp, "2026-11-23T18:04:11.204+00:00"),
	   "start line stamped with the wall clock, local time (UTC here), ms and offset");
	ok(strlen(E.sid) == 6 && strspn(E.sid, "0123456789abcdef") == 6,
	   "session id is 6 hex digits (%s)", E.sid);
	line_is(1, "step", "n=1 type=rate name=Before", "step line for the first step");
	struct engine_view v = view();
	is_int(v.input, INPUT_RATING, "a rate step asks for a rating");
	ok(!v.timed && engine_next_wake(&E) == -1, "a prompt is not timed: no wake-up");

	fc.ms = 60000; /* a prompt waits however long */
	engine_tick(&E);
	is_int((long long)nlines, 2, "a prompt waits: nothing happens on ticks");
	engine_number(&E, 11);
	is_int((long long)nlines, 2, "rating 11 is refused");
	ok(strstr(E.notice, "0 to 10") != NULL, "refusal says the range: %s", E.notice);
	engine_number(&E, -1);
	is_int((long long)nlines, 2, "rating -1 is refused");
	is_int(view().input, INPUT_RATING, "still asking after a refused rating");
	fc.ms = 61500;
	engine_number(&E, 4);
	line_is(2, "rate", "n=1 name=Before value=4", "engine_number(4) logs rate value=4");
	line_is(3, "done", "n=1 type=rate name=Before elapsed=61.500", "done line with the prompt's time");
	line_is(4, "step", "n=2 type=note name=Ready", "then the note's step line");
	ok(!strcmp(rec.stamp, "2026-11-23T18:05:12.704+00:00"), "stamped 61.5 s after the start");
	v = view();
	is_int(v.input, INPUT_ACK, "a note waits for a key");
	ok(strstr(E.cue, "Get the ball") && strstr(E.cue, "Step 2 of 4"), "note cue: %s", E.cue);
	engine_digit(&E, 3);
	engine_adjust(&E, 15000);
	engine_rep(&E);
	is_int((long long)nlines, 5, "digits, +15 s and reps do nothing at a note");
	fc.ms = 63000;
	engine_enter(&E);
	line_is(5, "done", "n=2 type=note name=Ready elapsed=1.500", "Enter acknowledges the note");
	line_is(6, "step", "n=3 type=rate name=Mid", "rating by digits");
	engine_digit(&E, 1);
	engine_digit(&E, 0);
	is_int(view().typed, 10, "digits 1 0 type 10");
	engine_erase(&E);
	is_int(view().typed, 1, "backspace leaves 1");
	engine_digit(&E, 7);
	is_int(view().typed, 7, "17 is out of range: the new digit starts over");
	engine_enter(&E);
	line_is(7, "rate", "n=3 name=Mid value=7", "digits + Enter log the typed rating");
	line_is(8, "done", "n=3 type=rate name=Mid", "Mid done");
	line_is(9, "step", "n=4 type=rate name=After", "After asks");
	engine_enter(&E);
	is_int((long long)nlines, 10, "Enter with nothing typed does not rate");
	fc.ms = 64000;
	engine_next(&E);
	line_is(10, "skip", "n=4 name=After what=rate !side !planned !value", "n skips the rating: skip what=rate");
	line_is(11, "done", "n=4 type=rate name=After elapsed=1", "done after the skip");
	line_is(12, "end", "status=complete elapsed=64", "end status=complete with the session's time");
	is_int((long long)nlines, 13, "no rate line for the skipped rating");
	ok(view().done && E.status == ENGINE_DONE, "engine done");
	engine_next(&E);
	engine_quit(&E);
	engine_abort(&E, "TERM");
	is_int((long long)nlines, 13, "actions after the end log nothing");
	finish("prompts");

	/* n on a rating with a digit typed confirms it */
	if (!begin(y, 0))
		return;
	engine_digit(&E, 9);
	engine_next(&E);
	line_is(2, "rate", "n=1 value=9", "n with a typed rating confirms it");
	engine_next(&E); /* acknowledge the note */
	line_is(5, "done", "n=2 type=note", "n acknowledges a note");
	finish("n confirms");

	/* a prompt answered while paused: the pause ends first */
	if (!begin(y, 0))
		return;
	fc.ms = 1000;
	engine_toggle_pause(&E);
	line_is(2, "pause", "n=1 name=Before", "a rating can be paused");
	fc.ms = 4000;
	engine_number(&E, 2);
	is_str(events(0), "start step pause resume rate done step", "rating while paused: resume, then rate");
	line_is(3, "resume", "n=1 paused=3", "resume paused=3");
	engine_toggle_pause(&E);
	fc.ms = 4500;
	engine_enter(&E);
	is_str(events(7), "pause resume done step", "Enter on a paused note: resume, then done");
	line_is(8, "resume", "n=2 paused=0.500", "resume paused=0.500");
	finish("prompts while paused");
}

static void test_input_closed(void)
{
	static const char y[] =
		"name: Closed\n"
		"steps:\n"
		"  - {type: rate, name: Before}\n";
	if (!begin(y, 0))
		return;
	engine_input_closed(&E);
	is_str(events(0), "start step end", "end of input at a prompt ends the session");
	line_is(2, "end", "status=quit elapsed=0", "as quit");
	finish("input closed at a prompt");

	static const char y2[] =
		"name: Closed later\n"
		"steps:\n"
		"  - {type: timer, name: Wait, duration: 5s}\n"
		"  - {type: note, name: Read}\n";
	if (!begin(y2, 0))
		return;
	fc.ms = 1000;
	engine_input_closed(&E);
	is_str(events(0), "start step", "end of input during a timed part: it runs on");
	at(5000);
	is_str(events(0), "start step done step end", "the prompt after it ends the session");
	line_is(2, "done", "n=1 type=timer name=Wait elapsed=5", "the timer ran its full time");
	line_is(4, "end", "status=quit elapsed=5", "ended as quit at the prompt");
	finish("input closed before a prompt");

	/* paused when input ends: nothing could resume it */
	if (!begin(y2, 0))
		return;
	at(2000);
	engine_toggle_pause(&E);
	fc.ms = 3000;
	engine_input_closed(&E);
	is_str(events(0), "start step pause resume skip:timer end",
	       "end of input while paused ends the session, the pause closed");
	line_is(3, "resume", "paused=1", "the pause is closed with its length");
	line_is(4, "skip", "what=timer planned=5 elapsed=2", "the timer's time up to the pause");
	line_is(5, "end", "status=quit elapsed=3", "as quit");
	finish("input closed while paused");

	/* a gap after input ended: logged, then the session goes on */
	static const char y3[] =
		"name: Closed gap\n"
		"steps:\n"
		"  - type: massage\n"
		"    name: Walk\n"
		"    spots: [{name: Inner, duration: 60s}]\n";
	if (!begin(y3, 0))
		return;
	engine_input_closed(&E);
	at(10000);
	tick1(10000 + 3600000);
	is_str(events(0), "start step pause resume", "a gap with input closed: pause and resume at once");
	line_is(2, "pause", "reason=gap gap=3600", "the gap is logged");
	line_is(3, "resume", "paused=3600", "resumed: no key could do it");
	ok(!view().paused && view().remaining == 50000, "running on, 50 s of the spot left");
	at(10000 + 3600000 + 50000);
	line_is(4, "spot", "planned=60 elapsed=60", "the spot ends on its own time, the gap not counted");
	line_is(6, "end", "status=complete", "complete");
	finish("gap with input closed");
}

/* ---- ice: rounds, off, late ticks ---- */

static void test_ice(void)
{
	static const char y[] =
		"name: Ice\n"
		"steps:\n"
		"  - type: ice\n"
		"    name: Ice both calves\n"
		"    duration: 10s\n"
		"    rounds: 2\n"
		"    off: 5s\n";
	/* lead-in 0-3, ice 3-13, off 13-18, lead-in 18-21, ice 21-31 */
	if (!begin(y, 3000))
		return;
	line_is(0, "start", "planned=31 steps=1", "planned counts lead-ins, rounds and off");
	struct engine_view v = view();
	is_int(v.kind, SEG_LEADIN, "starts with the lead-in");
	is_int(v.remaining, 3000, "lead-in of 3 s");
	is_int(engine_next_wake(&E), 1000, "wakes at the next whole second");
	tick1(2300);
	tick1(3700);
	v = view();
	is_int(v.kind, SEG_ICE_ON, "ice on after a late tick");
	is_int(v.remaining, 9300, "ice started at the lead-in's deadline, not at the tick");
	is_int(engine_next_wake(&E), 4000, "next wake on the whole second of the countdown");
	tick1(6000);
	tick1(9000);
	tick1(12000);
	tick1(13700);
	line_is(2, "ice", "n=1 side=none round=1 rounds=2 planned=10 elapsed=10",
		"round 1: elapsed == planned although the tick came 700 ms late");
	ok(!strcmp(logrec_get(&rec, "name"), "Ice both calves"), "name with spaces round-trips");
	ok(strstr(lines[2], "name=\"Ice both calves\"") != NULL, "and is quoted in the line");
	is_int(view().kind, SEG_ICE_OFF, "off between rounds");
	is_int(view().remaining, 4300, "off started at the ice deadline");
	tick1(16000);
	tick1(18700);
	is_int(view().kind, SEG_LEADIN, "lead-in before round 2");
	is_int(view().remaining, 2300, "lead-in started at the off deadline");
	tick1(21700);
	is_int(view().kind, SEG_ICE_ON, "round 2");
	tick1(24000);
	tick1(27000);
	tick1(30000);
	tick1(31700);
	is_str(events(0), "start step ice ice done end", "ice events, no line for off or lead-in");
	line_is(3, "ice", "n=1 round=2 rounds=2 planned=10 elapsed=10", "round 2 exact too");
	line_is(4, "done", "n=1 type=ice elapsed=31", "done: the step's planned time, no drift");
	line_is(5, "end", "status=complete elapsed=31", "end at the last deadline, not the late tick");
	finish("ice");
}

static void test_no_drift(void)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "name: Hundred\nsteps:\n");
	for (int i = 0; i < 100; i++)
		buf_addf(&b, "  - {type: timer, name: T%d, duration: 1s}\n", i + 1);
	bool started = begin(b.s, 0);
	buf_free(&b);
	if (!started)
		return;
	is_int(E.plan.total, 100000, "plan total 100 s");
	bool exact = true;
	for (int k = 1; k <= 100; k++) {
		tick1(k * 1000LL + 700); /* every tick 700 ms late */
		struct engine_view v = view();
		if (k < 100 && (v.step_index != (size_t)k || v.remaining != 300))
			exact = false;
	}
	ok(exact, "each segment starts at the previous deadline: 300 ms left at every late tick");
	size_t end = last_of("end");
	line_is(end, "end", "status=complete elapsed=100", "after 100 late ticks the end is at the plan total");
	size_t done = last_of("done");
	line_is(done, "done", "n=100 name=T100 elapsed=1", "the last timer ran 1 s");
	is_int((long long)nlines, 1 + 100 * 2 + 1, "one step and one done line per timer");
	finish("no drift");
}

/* ---- massage ---- */

static void test_massage(void)
{
	static const char y[] =
		"name: Spots\n"
		"steps:\n"
		"  - type: massage\n"
		"    name: Walk\n"
		"    side: both\n"
		"    spots:\n"
		"      - {name: Inner, duration: 20s, cue: slow}\n"
		"      - {name: Outer, duration: 10s}\n";
	if (!begin(y, 0))
		return;
	ok(strstr(E.cue, "LEFT: Inner") && strstr(E.cue, "slow"), "first cue: %s", E.cue);
	run_until(60000);
	is_str(events(0), "start step spot spot spot spot done end", "four spot lines");
	line_is(2, "spot", "n=1 name=Walk spot=Inner side=left planned=20 elapsed=20", "left Inner");
	line_is(3, "spot", "spot=Outer side=left planned=10 elapsed=10", "left Outer");
	line_is(4, "spot", "spot=Inner side=right planned=20 elapsed=20", "right Inner");
	line_is(5, "spot", "spot=Outer side=right planned=10 elapsed=10", "right Outer");
	line_is(6, "done", "n=1 type=massage elapsed=60", "done");
	line_is(7, "end", "status=complete elapsed=60", "end");
	finish("massage");

	/* a spot cut short with n is a skip with its real time (a spot line is a
	 * spot run to its end); one never started is a skip with none */
	if (!begin(y, 0))
		return;
	at(7000);
	engine_next(&E);
	line_is(2, "skip", "n=1 name=Walk what=spot spot=Inner side=left planned=20 elapsed=7",
		"n after 7 s: skip what=spot spot=Inner elapsed=7");
	engine_next(&E);
	line_is(3, "skip", "what=spot spot=Outer side=left planned=10 elapsed=0", "n at once: skip what=spot");
	at(7000 + 20000 + 10000);
	is_str(events(0), "start step skip:spot skip:spot spot spot done end",
	       "the right side's spots ran to their end: spot lines");
	finish("spot cut short");
}

/* ---- reps ---- */

static const char reps_tempo[] =
	"name: Tempo\n"
	"steps:\n"
	"  - type: reps\n"
	"    name: Drive\n"
	"    side: left\n"
	"    sets: 2\n"
	"    reps: 3\n"
	"    tempo: 2-1-1\n"
	"    rest: 10s\n";

static void test_tempo(void)
{
	/* set 1: 0-12 (rep 4 s: DOWN 2, HOLD 1, UP 1), rest 12-22, set 2: 22-34 */
	if (!begin(reps_tempo, 0))
		return;
	struct engine_view v = view();
	is_int(v.kind, SEG_SET, "set first");
	is_int(v.duration, 12000, "3 reps x 4 s");
	is_int(v.input, INPUT_NONE, "a tempo set counts itself");
	ok(strstr(E.cue, ". Rep 1: DOWN") != NULL, "the set's cue names its first phase: %s", E.cue);
	static const struct {
		long long t;
		int rep;
		enum tempo_phase ph;
		long long left;
	} want[] = {
		{ 0, 1, PHASE_DOWN, 2000 }, { 1500, 1, PHASE_DOWN, 500 },
		{ 2000, 1, PHASE_HOLD, 1000 }, { 3000, 1, PHASE_UP, 1000 },
		{ 3999, 1, PHASE_UP, 1 }, { 4000, 2, PHASE_DOWN, 2000 },
		{ 6500, 2, PHASE_HOLD, 500 }, { 8000, 3, PHASE_DOWN, 2000 },
		{ 11000, 3, PHASE_UP, 1000 },
	};
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		fc.ms = want[i].t;
		engine_tick(&E);
		v = view();
		ok(v.rep == want[i].rep && v.phase == want[i].ph && v.phase_left == want[i].left,
		   "at %lld ms: rep %d %s, %lld ms left in the phase (got rep %d %s %lld)",
		   want[i].t, want[i].rep, tempo_phase_word(want[i].ph), want[i].left, v.rep,
		   tempo_phase_word(v.phase), v.phase_left);
	}
	fc.ms = 6500;
	is_int(view().reps_done, 1, "reps done at 6.5 s: 1");
	is_str(tempo_phase_word(PHASE_HOLD), "HOLD", "phase word HOLD");
	fc.ms = 0;
	is_int(engine_next_wake(&E), 1000, "wake at 1 s");
	fc.ms = 1500;
	is_int(engine_next_wake(&E), 2000, "wake at 2 s from 1.5 s (whole seconds)");
	fc.ms = 2000;
	is_int(engine_next_wake(&E), 3000, "wake at 3 s from 2 s");
	engine_adjust(&E, 15000);
	is_int(view().remaining, 10000, "+15 s is ignored for a set");
	engine_adjust(&E, -15000);
	is_int(view().remaining, 10000, "-15 s is ignored for a set");
	run_until(40000);
	is_str(events(0), "start step set set done end", "two sets, no line for the rest");
	line_is(2, "set", "n=1 name=Drive side=left set=1 sets=2 target=3 reps=3 min=3 max=3 elapsed=12",
		"set 1 run to the end: reps=target");
	line_is(3, "set", "side=left set=2 sets=2 target=3 reps=3 elapsed=12", "set 2 after the rest");
	line_is(4, "done", "n=1 type=reps elapsed=34", "done: 12 + 10 + 12");
	finish("tempo");

	/* stop early: a typed count, then Enter alone */
	if (!begin(reps_tempo, 0))
		return;
	at(5000); /* rep 2 under way */
	engine_next(&E);
	v = view();
	is_int(v.input, INPUT_COUNT, "n during a tempo set asks how many");
	is_int(v.reps_done, 1, "suggesting the reps completed so far");
	ok(strstr(E.cue, "Enter alone: 1") != NULL, "cue: %s", E.cue);
	at(20000); /* typing takes a while; the set's deadline passes */
	is_int((long long)nlines, 2, "the question waits past the set's deadline");
	engine_toggle_pause(&E);
	ok(!view().paused, "no pause while asking");
	engine_digit(&E, 2);
	engine_enter(&E);
	line_is(2, "set", "set=1 target=3 reps=2 elapsed=5", "typed count 2; elapsed stops at the question");
	is_int(view().kind, SEG_REST, "then the rest");
	is_int(view().remaining, 10000, "the rest starts when the count is given");
	at(30000);
	at(38500); /* set 2 from 30 s: 8.5 s in = 2 reps and a half */
	engine_next(&E);
	engine_enter(&E);
	line_is(3, "set", "set=2 reps=2 elapsed=8.500", "Enter alone: the reps completed so far");
	finish("tempo stopped early");

	/* a number typed while a set runs stops it, and 0 is a skip */
	if (!begin(reps_tempo, 0))
		return;
	at(3000);
	engine_digit(&E, 0);
	is_int(view().input, INPUT_COUNT, "a digit during a tempo set asks for the count");
	engine_enter(&E);
	line_is(2, "skip", "n=1 what=set side=left planned=12 elapsed=3", "0 reps: skip what=set");
	is_int((long long)last_of("set"), (long long)nlines, "and no set line");
	finish("tempo zero");
}

static const char reps_self[] =
	"name: Self\n"
	"steps:\n"
	"  - type: reps\n"
	"    name: Raise\n"
	"    sets: 3\n"
	"    reps: 5\n"
	"    rest: 10s\n";

static void test_self_paced(void)
{
	if (!begin(reps_self, 0))
		return;
	struct engine_view v = view();
	is_int(v.input, INPUT_REPS, "a self-paced set waits for reps");
	ok(!v.timed, "not timed");
	is_int(engine_next_wake(&E), 1000, "but a tick a second, to see a gap");
	fc.ms = 1000;
	for (int i = 0; i < 4; i++)
		engine_rep(&E);
	is_int(view().reps_done, 4, "4 reps counted");
	is_int((long long)nlines, 2, "no line before the target");
	fc.ms = 9000;
	engine_rep(&E);
	line_is(2, "set", "n=1 name=Raise side=none set=1 sets=3 target=5 reps=5 min=5 max=5 elapsed=9",
		"the 5th rep finishes the set");
	at(19000); /* rest */
	is_int(view().kind, SEG_SET, "set 2 after the rest");
	engine_rep(&E);
	engine_rep(&E);
	fc.ms = 25000;
	engine_next(&E);
	line_is(3, "set", "set=2 reps=2 elapsed=6", "n early logs the reps so far");
	at(35000);
	engine_next(&E);
	line_is(4, "skip", "n=1 what=set !planned", "n with no reps: skip what=set");
	is_str(events(0), "start step set set skip:set done end", "and never a set line for it");
	finish("self-paced");

	/* a number ends a self-paced set */
	if (!begin(reps_self, 0))
		return;
	engine_number(&E, 7);
	line_is(2, "set", "set=1 target=5 reps=7", "a typed number is the count");
	engine_number(&E, 3);
	is_int((long long)nlines, 3, "a number during the rest is refused");
	ok(strstr(E.notice, "No number") != NULL, "notice: %s", E.notice);
	finish("self-paced number");

	/* digits typed during a self-paced set: the set stops when typing starts */
	if (!begin(reps_self, 0))
		return;
	engine_rep(&E);
	fc.ms = 9000;
	engine_digit(&E, 6);
	is_int(view().input, INPUT_COUNT, "a digit during a self-paced set asks for the count");
	fc.ms = 15000;
	engine_enter(&E);
	line_is(2, "set", "set=1 target=5 reps=6 elapsed=9", "typed count 6, elapsed up to the first digit");
	finish("self-paced digits");

	/* stopped in the middle of a self-paced set (Ctrl-Z): the gap is no
	 * time on the set, and the set waits paused */
	if (!begin(reps_self, 0))
		return;
	at(2000);
	engine_rep(&E);
	tick1(2000 + 60000);
	is_str(events(0), "start step pause", "a gap in a self-paced set is logged");
	line_is(2, "pause", "n=1 reason=gap gap=60", "pause reason=gap gap=60");
	ok(view().paused && view().input == INPUT_REPS && view().reps_done == 1, "paused, the count kept");
	fc.ms = 65000;
	engine_rep(&E);
	line_is(3, "resume", "paused=63", "the next rep resumes (the pause counts from the gap's start)");
	for (int i = 0; i < 3; i++)
		engine_rep(&E);
	line_is(4, "set", "set=1 reps=5 elapsed=2", "the set's time leaves out the gap and the pause");
	finish("gap in a self-paced set");
}

static void test_reps_both(void)
{
	static const char y[] =
		"name: Both\n"
		"steps:\n"
		"  - type: reps\n"
		"    name: Drop\n"
		"    side: both\n"
		"    sets: 2\n"
		"    reps: 2\n"
		"    tempo: 1-0-1\n"
		"    rest: 5s\n";
	if (!begin(y, 3000))
		return;
	/* L1 lead 0-3 set 3-7, R1 lead 7-10 set 10-14, rest 14-19,
	 * L2 lead 19-22 set 22-26, R2 lead 26-29 set 29-33 */
	run_until(60000);
	is_str(events(0), "start step set set set set done end", "four sets");
	line_is(2, "set", "side=left set=1 sets=2 target=2 reps=2 elapsed=4", "L set 1");
	line_is(3, "set", "side=right set=1 reps=2", "R set 1");
	line_is(4, "set", "side=left set=2 reps=2", "L set 2");
	line_is(5, "set", "side=right set=2 reps=2", "R set 2");
	line_is(6, "done", "elapsed=33", "done: sets, lead-ins and the one rest");
	line_is(7, "end", "status=complete elapsed=33", "end");
	finish("reps both sides");
}

static void test_targets(void)
{
	static const char y[] =
		"name: Progress\n"
		"steps:\n"
		"  - {type: note, name: Go}\n"
		"  - {type: reps, name: Drive, reps: 8-12, progress: true, tempo: 1-0-1}\n"
		"  - {type: reps, name: Plain, reps: 8-12, tempo: self}\n";
	struct step_target targets[3];
	memset(targets, 0, sizeof targets);
	for (int k = 0; k < TARGET_SIDES; k++) {
		for (int i = 0; i < 3; i++)
			targets[i].side[k].load = targets[i].side[k].load_before = LOAD_NONE;
		targets[1].side[k].reps = 10;
		targets[1].side[k].at_top = true;
	}
	struct start_opts so = { .targets = targets };
	if (!begin_with(y, &so))
		return;
	engine_enter(&E);
	is_int(view().target, 10, "the set's target is the one passed in");
	is_int(view().duration, 20000, "and sets its length: 10 x 2 s");
	ok(strstr(E.cue, "adding load") != NULL, "at the top: the cue suggests load: %s", E.cue);
	at(20000);
	line_is(4, "set", "n=2 name=Drive target=10 reps=10 min=8 max=12", "target=10 on the set line");
	is_int(view().target, 12, "no progress: the range's top");
	engine_number(&E, 9);
	line_is(7, "set", "n=3 target=12 reps=9 min=8 max=12", "set line of the other step");
	finish("targets given");

	if (!begin(y, 0))
		return;
	engine_enter(&E);
	is_int(view().target, 8, "progress with no history starts at the bottom");
	finish("targets default");
}

/* The last thing said aloud. */
static const char *last_said(void)
{
	return E.say_seq ? E.says[E.say_seq % ENGINE_SAYS].text : "";
}

/* The index of the last `set` or `skip` line, for line_is(). */
static size_t last_line(void)
{
	for (size_t i = nlines; i-- > 0;)
		if (strstr(lines[i], " set ") || strstr(lines[i], " skip "))
			return i;
	return 0;
}

/* Today's load per side: shown in the title, logged on each set and skip
 * line between max= and elapsed=, changed by l/L (engine_load_step) and by
 * a number of kilograms (engine_load_set) for the set at hand and its
 * side's later sets, never below 0; a load progression raised says so on
 * its side's first set. */
static void test_load(void)
{
	static const char y[] =
		"name: Load\n"
		"steps:\n"
		"  - {type: reps, name: Heel drop, side: both, sets: 2, reps: 8-15, progress: true, "
		"tempo: self, rest: 10s}\n"
		"  - {type: reps, name: Plain, reps: 5, tempo: self}\n";
	static const long loads[] = { 7500, LOAD_NONE };
	struct step_target t[2];
	memset(t, 0, sizeof t);
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < TARGET_SIDES; k++)
			t[i].side[k] = (struct side_target){ .reps = 0, .load = loads[i],
							     .load_before = LOAD_NONE };
	t[0].side[SIDE_LEFT].reps = 10;
	t[0].side[SIDE_RIGHT].reps = 12;
	t[0].side[SIDE_RIGHT].load = 10000;
	t[0].side[SIDE_RIGHT].load_before = 7500;
	t[0].side[SIDE_RIGHT].load_added = true;
	struct start_opts so = { .targets = t, .loads = loads };
	if (!begin_with(y, &so))
		return;
	struct engine_view v = view();
	is_int(v.target, 10, "left: its own target");
	is_int(v.load, 7500, "left: its own load");
	is_str(v.title, "LEFT set 1 of 2: 10 reps (7.5 kg) of Heel drop, self-paced: count each rep",
	       "the title shows the load where the reps are");
	is_str(E.notice, "", "left: no load raised, nothing said of it");
	ok(engine_load_step(&E, 1), "l: the load goes up");
	is_int(view().load, 10000, "by the step's load_step, 2.5 kg");
	is_str(E.notice, "Load 10 kg for the rest of Heel drop, left side", "shown at once");
	is_str(last_said(), "Load 10 kilograms", "and said");
	ok(strstr(view().title, "(10 kg)") != NULL, "the title follows: %s", view().title);
	engine_number(&E, 10);
	line_is(last_line(), "set", "side=left set=1 target=10 reps=10 load=10", "the set logs load=");
	ok(strstr(lines[last_line()], " max=15 load=10 elapsed=") != NULL,
	   "load= after max=, before elapsed= (last)");

	v = view();
	is_int(v.target, 12, "right: its own target");
	is_int(v.load, 10000, "right: progression's raised load, untouched by left's change");
	is_str(E.notice, "Load up: 10 kg, was 7.5; L to keep 7.5",
	       "the raised load says so on its side's first set");
	ok(strstr(E.cue, "Load up: 10 kg, was 7.5") != NULL, "in the cue too: %s", E.cue);
	ok(engine_load_step(&E, -1), "L: refused, back down");
	is_int(view().load, 7500, "right: 7.5 kg again");
	is_str(last_said(), "Load 7.5 kilograms", "said");
	engine_number(&E, 12);
	line_is(last_line(), "set", "side=right set=1 target=12 reps=12 load=7.5", "right set 1");

	/* in the rest: the set it leads to */
	is_int(view().kind, SEG_REST, "a rest");
	is_int(view().load, 10000, "the view gives the load of the set the rest leads to");
	ok(engine_load_set(&E, 12500), "load 12.5 in the rest");
	is_int(E.plan.v[E.cur + 1].load, 12500, "for the set the rest leads to (left set 2)");
	engine_next(&E);
	is_int(view().load, 12500, "left set 2: 12.5 kg");
	is_str(E.notice, "", "no load-up notice on a later set");
	engine_next(&E);
	line_is(last_line(), "skip", "what=set side=left set=2 load=12.5", "a skipped set logs load= too");
	ok(strstr(lines[last_line()], " load=12.5 elapsed=") != NULL, "before elapsed=");
	is_int(view().load, 7500, "right set 2 keeps its side's 7.5 kg");
	ok(engine_load_set(&E, 1000), "load 1");
	ok(engine_load_step(&E, -1), "L below 0");
	is_int(view().load, 0, "stops at 0, bodyweight");
	is_str(last_said(), "Bodyweight, no load", "said as bodyweight");
	ok(strstr(view().title, "(bodyweight)") != NULL, "the title says bodyweight: %s", view().title);
	ok(!engine_load_step(&E, -1), "L at 0: no change");
	is_str(E.notice, "The load is 0 kg already (bodyweight)", "and says so");
	engine_number(&E, 9);
	line_is(last_line(), "set", "side=right set=2 target=12 reps=9 load=0", "load=0 logged");

	/* a step with no load: nothing to change, said */
	v = view();
	is_int(v.load, LOAD_NONE, "a step without load: none in the view");
	ok(strstr(v.title, "kg") == NULL && strstr(v.title, "bodyweight") == NULL,
	   "nor in the title: %s", v.title);
	ok(!engine_load_step(&E, 1), "l where no set has a load: no change");
	is_str(E.notice, "No load here: l and L change the load of a set that has one", "said");
	engine_number(&E, 5);
	line_is(last_line(), "set", "n=2 reps=5 !load", "no load= on a step without one");
	finish("load");

	/* load added at the top took the reps to the bottom: refusing the
	 * load keeps the reps the user was at, raising it again the new */
	for (int k = 0; k < TARGET_SIDES; k++)
		t[0].side[k] = (struct side_target){ .reps = 8, .load = 10000, .load_before = 7500,
						     .load_added = true, .reps_before = 15 };
	if (!begin_with(y, &so))
		return;
	is_int(view().target, 8, "load added: the bottom of the range");
	ok(engine_load_step(&E, -1), "L: the added load refused");
	is_int(view().load, 7500, "back to 7.5 kg");
	is_int(view().target, 15, "and to the reps before the rise");
	is_str(E.notice, "Load kept at 7.5 kg: 15 reps, both sides",
	       "said so: one key refuses it for both legs (one backpack)");
	is_str(last_said(), "Load 7.5 kilograms, 15 reps", "aloud too");
	ok(strstr(view().title, "15 reps (7.5 kg)") != NULL, "the title: %s", view().title);
	ok(engine_load_step(&E, 1), "l: the load added after all");
	is_int(view().target, 8, "the new target again");
	is_str(E.notice, "Load 10 kg for the rest of Heel drop, left side: 8 reps", "said");
	ok(engine_load_step(&E, -1) && engine_load_step(&E, -1), "L twice: 5 kg");
	is_int(view().target, 15, "below the old load: the old reps still");
	engine_number(&E, 15);
	line_is(last_line(), "set", "side=left set=1 target=15 reps=15 load=5", "logged so");
	is_int(view().target, 15, "the other side: refused by the first L too");
	is_int(view().load, 7500, "at the load before the rise");
	engine_number(&E, 15);
	line_is(last_line(), "set", "side=right set=1 target=15 reps=15 load=7.5", "logged so");
	is_int(view().kind, SEG_REST, "a rest");
	engine_next(&E);
	is_int(view().target, 15, "the side's later sets: the old reps");
	is_int(view().load, 5000, "at its load");
	finish("load refused");
}

/* ---- pause, back, adjust ---- */

static void test_pause(void)
{
	static const char y[] =
		"name: Pause\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 10s}\n";
	if (!begin(y, 0))
		return;
	at(2000);
	engine_toggle_pause(&E);
	line_is(2, "pause", "n=1 name=Ice !reason", "pause line");
	struct engine_view v = view();
	ok(v.paused, "paused");
	is_int(v.remaining, 8000, "8 s left at the pause");
	is_int(engine_next_wake(&E), -1, "no wake-ups while paused");
	at(62000);
	is_int(view().remaining, 8000, "a minute later still 8 s: frozen");
	is_int((long long)nlines, 3, "nothing happens while paused (no gap either)");
	engine_toggle_pause(&E);
	line_is(3, "resume", "n=1 name=Ice paused=60", "resume paused=60");
	is_int(view().remaining, 8000, "resumes with 8 s");
	at(69999);
	is_int((long long)nlines, 4, "not over 1 ms before the new deadline");
	at(70000);
	line_is(4, "ice", "planned=10 elapsed=10", "elapsed excludes the pause");
	line_is(6, "end", "status=complete elapsed=70", "the end counts the pause");
	finish("pause");

	/* a timer's done line says what was planned: +/- leave a trace */
	static const char t[] =
		"name: Adjusted\n"
		"steps:\n"
		"  - {type: timer, name: Hold, duration: 40s, side: both}\n";
	if (!begin(t, 0))
		return;
	at(1000);
	engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_str(E.cue, "Took 15 seconds: 0:24 left", "the cue says what was taken");
	engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_str(E.cue, "Took 15 seconds: 0:09 left", "and again");
	engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_str(E.cue, "Took 8 seconds: 0:01 left", "a countdown keeps its last second: the cue says 8 s");
	run_until(2000 + 40000 + 1000);
	line_is(nlines - 2, "done", "n=1 type=timer name=Hold planned=80 elapsed=42", "done: planned=80 elapsed=42");
	finish("done with planned");

	/* + in a lead-in is for the part it leads into */
	static const char li[] =
		"name: Lead\n"
		"steps:\n"
		"  - {type: timer, name: Hold, duration: 30s}\n";
	if (!begin(li, 3000))
		return;
	at(1000);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	is_str(E.cue, "Added 15 seconds: 0:45 when it starts", "+ in the lead-in: the hold will be 0:45");
	is_int(view().remaining, 2000, "the lead-in itself is unchanged");
	at(3000);
	ok(view().kind == SEG_TIMER && view().remaining == 45000, "the hold starts at 0:45");
	run_until(3000 + 45000);
	line_is(nlines - 2, "done", "planned=33 elapsed=48", "done: planned 33, ran 48 (3 + 45)");
	finish("adjust from the lead-in");

	/* + in round 2's lead-in, then b: the time was for round 2, not for
	 * the off time b goes back to */
	static const char r2[] =
		"name: R2\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 10s, rounds: 2, off: 5s}\n";
	if (!begin(r2, 3000))
		return;
	run_until(19000); /* lead-in of round 2: 18-21 */
	ok(view().kind == SEG_LEADIN, "in round 2's lead-in");
	engine_adjust(&E, ENGINE_ADJUST_MS);
	engine_back(&E);
	ok(view().kind == SEG_ICE_OFF && view().remaining == 5000,
	   "b from there: the off time as planned (%lld ms)", view().remaining);
	run_until(19000 + 5000 + 3000);
	ok(view().kind == SEG_ICE_ON && view().remaining == 10000,
	   "and round 2 as planned too: the + went with the lead-in left (%lld ms)", view().remaining);
	finish("adjust, then back");

	/* + and - in a tempo set: said, not silently ignored */
	if (!begin(reps_tempo, 0))
		return;
	at(1000);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	ok(strstr(E.cue, "a set keeps its tempo") != NULL, "+ in a set: %s", E.cue);
	is_int((long long)nlines, 2, "and nothing logged");
	finish("adjust in a set");

	/* n while paused resumes first */
	if (!begin(y, 0))
		return;
	at(3000);
	engine_toggle_pause(&E);
	fc.ms = 5000;
	engine_next(&E);
	is_str(events(0), "start step pause resume skip:round done end", "n while paused: resume, then next");
	line_is(3, "resume", "paused=2", "paused 2 s");
	line_is(4, "skip", "what=round round=1 rounds=1 elapsed=3", "the ice ran 3 s, cut short: a skip");
	finish("next while paused");
}

static void test_back(void)
{
	static const char y[] =
		"name: Back\n"
		"steps:\n"
		"  - {type: timer, name: A, duration: 10s}\n"
		"  - {type: timer, name: B, duration: 10s}\n";
	/* lead A 0-3, A 3-13, lead B 13-16, B 16-26 */
	if (!begin(y, 3000))
		return;
	run_until(16000);
	struct engine_view v = view();
	ok(v.kind == SEG_TIMER && v.step_index == 1, "in B at 16 s");
	fc.ms = 17000;
	engine_back(&E);
	v = view();
	ok(v.kind == SEG_LEADIN && v.step_index == 0, "back within 3 s: the previous segment, on its lead-in");
	is_int(v.remaining, 3000, "the lead-in runs again from its start");
	line_is(nlines - 1, "step", "n=1 type=timer name=A", "going back into A writes its step line");
	run_until(25000); /* A from 20 s */
	v = view();
	ok(v.kind == SEG_TIMER && v.step_index == 0 && v.remaining == 5000, "A has run 5 s");
	size_t before = nlines;
	engine_back(&E);
	v = view();
	ok(v.kind == SEG_LEADIN && v.step_index == 0 && v.remaining == 3000,
	   "back after 3 s restarts the segment (from its lead-in)");
	is_str(events(before), "", "restarting a timer 5 s in: no line (no skip outlives the redo), no step line");
	fc.ms = 26000;
	engine_back(&E);
	v = view();
	ok(v.kind == SEG_LEADIN && v.step_index == 0, "back at the first segment stays there");
	engine_next(&E); /* skip the lead-in */
	v = view();
	ok(v.kind == SEG_TIMER && v.remaining == 10000, "n on a lead-in starts the work at once");
	fc.ms = 28000;
	engine_next(&E);
	line_is(nlines - 3, "skip", "n=1 name=A what=timer planned=10 elapsed=2 !side", "n on a timer: skip what=timer");
	line_is(nlines - 2, "done", "n=1 type=timer", "A done");
	line_is(nlines - 1, "step", "n=2 type=timer name=B", "B again");
	finish("back");

	/* at a prompt, b goes to the part before however long it waited:
	 * restarting a note or a rating would change nothing */
	static const char p[] =
		"name: Prompts\n"
		"steps:\n"
		"  - {type: rate, name: Before}\n"
		"  - {type: note, name: Ready}\n";
	if (!begin(p, 0))
		return;
	engine_number(&E, 5);
	fc.ms = 60000;
	engine_back(&E);
	v = view();
	ok(v.kind == SEG_RATE && v.input == INPUT_RATING, "b after a minute at a note: back to the rating");
	engine_number(&E, 6);
	fc.ms = 70000;
	engine_back(&E);
	ok(view().kind == SEG_RATE, "b after 10 s at the note again: the rating again");
	finish("back from prompts");

	/* b as an ice round begins: no round of 20 ms in the log */
	static const char ice[] =
		"name: Ice twice\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 60s}\n"
		"  - {type: ice, name: Ice again, duration: 60s}\n";
	if (!begin(ice, 0))
		return;
	at(60000 + 20);
	size_t n0 = nlines;
	engine_back(&E);
	is_str(events(n0), "step", "back 20 ms into a round: only the step line of the one before");
	at(60000 + 20 + 2000);
	engine_back(&E);
	at(60000 + 20 + 2000 + 1500);
	n0 = nlines;
	engine_back(&E);
	is_str(events(n0), "skip:round", "back after 1.5 s of ice: the cold time is logged, as a skip");
	line_is(n0, "skip", "n=1 what=round round=1 rounds=1 planned=60 elapsed=1.500", "skip what=round elapsed=1.500");
	at(60000 + 20 + 2000 + 1500 + 60000);
	is_str(events(n0), "skip:round ice done step", "the redo runs to its end: an ice line");
	finish("back at the start of a round");
}

static void test_adjust(void)
{
	static const char y[] =
		"name: Adjust\n"
		"steps:\n"
		"  - {type: timer, name: Hold, duration: 60s}\n";
	if (!begin(y, 0))
		return;
	at(10000);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	is_int(view().remaining, 65000, "+15 s: 65 s left");
	ok(strstr(E.cue, "Added 15 seconds") != NULL, "cue: %s", E.cue);
	engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_int(view().remaining, 50000, "-15 s: 50 s left");
	for (int i = 0; i < 3; i++)
		engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_int(view().remaining, 5000, "three more -15 s: 5 s");
	engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_int(view().remaining, 1000, "-15 s with 5 s left stops at 1 s");
	engine_adjust(&E, -ENGINE_ADJUST_MS);
	is_int(view().remaining, 1000, "and stays at 1 s");
	at(10999);
	is_int((long long)nlines, 2, "not over before the moved deadline");
	at(11000);
	line_is(2, "done", "n=1 elapsed=11", "done at the moved deadline");
	finish("adjust");

	if (!begin(y, 0))
		return;
	at(10000);
	engine_toggle_pause(&E);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	is_int(view().remaining, 65000, "+15 s while paused");
	at(20000);
	engine_toggle_pause(&E);
	is_int(view().remaining, 65000, "kept through the resume");
	finish("adjust while paused");
}

/* ---- quit, abort ---- */

static void test_quit(void)
{
	static const char y[] =
		"name: Quit\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 60s, rounds: 2, off: 30s}\n"
		"  - {type: rate, name: After}\n";
	if (!begin(y, 0))
		return;
	at(5000);
	fc.ms = 20500;
	engine_quit(&E);
	is_str(events(0), "start step skip:round end", "quit mid-ice: the partial round then end");
	line_is(2, "skip", "what=round round=1 rounds=2 planned=60 elapsed=20.500", "partial ice: a skip with its real time");
	line_is(3, "end", "status=quit elapsed=20.500 !signal", "end status=quit");
	is_int(E.status, ENGINE_DONE, "done");
	finish("quit");

	if (!begin(y, 0))
		return;
	at(70000); /* in the off time */
	engine_abort(&E, "TERM");
	is_str(events(0), "start step ice end", "abort in the off time: no line for the off");
	line_is(3, "end", "status=aborted elapsed=70 signal=TERM", "end status=aborted signal=TERM");
	finish("abort");

	/* quitting a tempo set: the count was never confirmed, so it is no
	 * set; the skip keeps what the tempo had counted */
	if (!begin(reps_tempo, 0))
		return;
	at(9000);
	engine_quit(&E);
	is_str(events(0), "start step skip:set end", "quit mid-set: a skip, not a set");
	line_is(2, "skip", "what=set side=left set=1 sets=2 reps=2 elapsed=9", "quit mid-set: the reps counted so far");
	line_is(3, "end", "status=quit", "end");
	finish("quit in a set");

	/* quitting with a count typed after n: the count is the user's */
	if (!begin(reps_tempo, 0))
		return;
	at(9000);
	engine_next(&E);
	engine_digit(&E, 3);
	engine_quit(&E);
	line_is(2, "set", "set=1 reps=3", "quit with a typed count: the set as typed");
	finish("quit in a set");

	/* quitting while paused: the ice counts until the pause */
	if (!begin(y, 0))
		return;
	at(4000);
	engine_toggle_pause(&E);
	fc.ms = 50000;
	engine_abort(&E, "HUP");
	is_str(events(0), "start step pause resume skip:round end", "abort while paused: the pause is closed first");
	line_is(3, "resume", "paused=46", "resume with the pause's length");
	line_is(4, "skip", "what=round elapsed=4", "abort while paused: ice time up to the pause");
	line_is(5, "end", "status=aborted signal=HUP elapsed=50", "end");
	finish("abort while paused");
}

/* ---- what the keys at a "how many?" prompt do, and the guard time ---- */

static void test_count_skip(void)
{
	/* n at the question skips the set: the key is labelled "skip" */
	if (!begin(reps_tempo, 0))
		return;
	at(9000); /* two reps done, the third under way */
	engine_next(&E);
	is_int(view().input, INPUT_COUNT, "n in a tempo set: how many?");
	ok(strstr(E.cue, "or skip the set") != NULL, "the question offers the skip: %s", E.cue);
	fc.ms = 12000;
	engine_next(&E);
	is_str(events(0), "start step skip:set", "n at the question: a skip, no set line");
	line_is(2, "skip", "n=1 what=set side=left set=1 sets=2 reps=2 planned=12 elapsed=9",
		"skip what=set with the count so far, the time up to the question");
	is_int(view().kind, SEG_REST, "then the rest");
	finish("skip at the question");

	/* digits typed, then n: the digits are the answer */
	if (!begin(reps_tempo, 0))
		return;
	at(5000);
	engine_next(&E);
	engine_digit(&E, 4);
	engine_next(&E);
	line_is(2, "set", "set=1 reps=4", "typed 4, then n: a set of 4");
	finish("typed then n");

	/* a self-paced set: n is "set done" (the count pressed so far) */
	if (!begin(reps_self, 0))
		return;
	engine_rep(&E);
	engine_rep(&E);
	fc.ms = 4000;
	engine_next(&E);
	line_is(2, "set", "set=1 reps=2 elapsed=4", "self-paced, n: the set with its 2 reps");
	finish("self-paced n");
}

static void test_guard(void)
{
	static const char y[] =
		"name: Guard\n"
		"steps:\n"
		"  - {type: reps, name: Raise, sets: 1, reps: 2}\n"
		"  - {type: timer, name: Hold, duration: 30s}\n";
	if (!begin(y, 0))
		return;
	fc.ms = 1000;
	engine_rep(&E);
	fc.ms = 2000;
	engine_rep(&E); /* the last rep: the set ends by itself */
	line_is(2, "set", "reps=2", "the last rep ends the set");
	ok(engine_guarded(&E), "guarded just after the set ended by itself");
	size_t n0 = nlines;
	fc.ms = 2100;
	engine_rep(&E);
	engine_toggle_pause(&E);
	engine_next(&E);
	engine_back(&E);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	engine_digit(&E, 3);
	engine_enter(&E);
	engine_number(&E, 4);
	is_int((long long)nlines, (long long)n0, "presses 100 ms after: nothing logged");
	struct engine_view v = view();
	ok(v.kind == SEG_TIMER && !v.paused && v.step_index == 1 && v.remaining == 29900,
	   "the next part runs on, not paused, not skipped");
	fc.ms = 2000 + ENGINE_GUARD_MS - 1;
	ok(engine_guarded(&E), "still guarded 1 ms before the guard time ends");
	engine_toggle_pause(&E);
	ok(!view().paused, "a pause then is dropped too");
	fc.ms = 2000 + ENGINE_GUARD_MS;
	ok(!engine_guarded(&E), "the guard ends after ENGINE_GUARD_MS of real time");
	engine_toggle_pause(&E);
	ok(view().paused, "then a pause pauses");
	engine_toggle_pause(&E);
	finish("guard");

	/* quit is never guarded; the end (the set was the last part) is */
	static const char last[] =
		"name: Last\n"
		"steps:\n"
		"  - {type: reps, name: Raise, sets: 1, reps: 1}\n"
		"  - {type: reps, name: Raise again, sets: 1, reps: 1}\n";
	if (!begin(last, 0))
		return;
	engine_rep(&E);
	fc.ms = 100;
	engine_quit(&E);
	is_str(events(0), "start step set done step skip:set end", "q during the guard quits");
	finish("guard and quit");

	if (!begin(last, 0))
		return;
	engine_rep(&E);
	fc.ms = 1500;
	engine_rep(&E);
	ok(E.status == ENGINE_DONE && engine_guarded(&E), "the routine's last rep: done, and guarded");
	finish("guard at the end");

	/* a set ended by a typed number, or by n, is not guarded: the user
	 * ended it */
	if (!begin(reps_self, 0))
		return;
	engine_number(&E, 5);
	ok(!engine_guarded(&E), "a count typed: no guard");
	finish("no guard after a typed count");

	/* piped input (a script) has no guard time */
	if (!begin(reps_self, 0))
		return;
	E.key_guard = false;
	for (int i = 0; i < 5; i++)
		engine_rep(&E);
	ok(!engine_guarded(&E), "no_key_guard: no guard");
	engine_toggle_pause(&E);
	ok(view().paused, "and the next press acts at once");
	engine_toggle_pause(&E);
	finish("no guard for scripts");
}

/* ---- parts cut short: skips, and the redo after b ---- */

static void test_cut_short(void)
{
	static const char y[] =
		"name: Cut\n"
		"steps:\n"
		"  - type: massage\n"
		"    name: Walk\n"
		"    spots:\n"
		"      - {name: Inner, duration: 20s}\n"
		"  - {type: timer, name: Hold, duration: 30s}\n";
	if (!begin(y, 0))
		return;
	at(8000);
	size_t n0 = nlines;
	engine_back(&E); /* 8 s in: restart the spot */
	is_str(events(n0), "skip:spot", "b 8 s into a spot: a skip for the part left");
	line_is(n0, "skip", "n=1 what=spot spot=Inner !side planned=20 elapsed=8", "skip what=spot spot=Inner elapsed=8");
	at(8000 + 20000);
	is_str(events(n0), "skip:spot spot done step", "the redo runs to its end: a spot line");
	line_is(n0 + 1, "spot", "spot=Inner planned=20 elapsed=20", "spot elapsed=20");
	line_is(n0 + 2, "done", "n=1 elapsed=28", "the step's time counts both");
	at(28000 + 5000);
	n0 = nlines;
	engine_back(&E); /* 5 s into the timer */
	/* a timer has no line of its own for the redo to follow: a skip
	 * would be the last word on a stretch done in full */
	is_str(events(n0), "", "b 5 s into a timer: no skip");
	at(33000 + 30000);
	is_str(events(n0), "done end", "the redo runs to its end: the step's done");
	line_is(n0, "done", "n=2 type=timer planned=30 elapsed=35", "done carries the time, before b and after");
	finish("cut short");

	/* n and quit still cut a timer short: a skip with its time */
	if (!begin(y, 0))
		return;
	engine_next(&E); /* the spot */
	at(4000);
	n0 = nlines;
	engine_next(&E);
	is_str(events(n0), "skip:timer done end", "n 4 s into a timer: a skip, then done");
	line_is(n0, "skip", "n=2 what=timer planned=30 elapsed=4", "skip what=timer planned=30 elapsed=4");
	finish("timer cut short with n");
	if (!begin(y, 0))
		return;
	engine_next(&E);
	at(7000);
	n0 = nlines;
	engine_quit(&E);
	is_str(events(n0), "skip:timer end", "quit 7 s into a timer: a skip, then end");
	line_is(n0, "skip", "n=2 what=timer planned=30 elapsed=7", "skip what=timer planned=30 elapsed=7");
	finish("timer cut short by quitting");
}

/* ---- gaps: the process stopped, the machine slept ---- */

#define HOUR 3600000LL

static void test_gaps(void)
{
	static const char ice[] =
		"name: Gap ice\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 10m, rounds: 2, off: 5m}\n";
	/* the ice deadline passes inside the gap: the round counts the real time */
	if (!begin(ice, 0))
		return;
	at(60000);
	tick1(60000 + HOUR);
	is_str(events(0), "start step ice pause", "gap past the ice deadline: ice line, then a pause");
	line_is(2, "ice", "round=1 planned=600 elapsed=3660", "the round counts the real time (gap included)");
	line_is(3, "pause", "n=1 reason=gap gap=3600", "pause reason=gap gap=3600");
	struct engine_view v = view();
	ok(v.paused && v.kind == SEG_ICE_OFF, "paused in the off time");
	is_int(v.remaining, 300000, "the off time has not started");
	ok(strstr(E.notice, "gap of 3600s") != NULL, "notice: %s", E.notice);
	ok(strstr(E.notice, "resume to go on") != NULL, "no words from the front end: resume to go on");
	at(61000 + HOUR);
	is_int((long long)nlines, 4, "stays paused");
	engine_toggle_pause(&E);
	line_is(4, "resume", "paused=1", "resume");
	finish("gap past an ice deadline");

	static const char long_ice[] =
		"name: Long ice\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 2h}\n";
	if (!begin(long_ice, 0))
		return;
	at(1000);
	tick1(1000 + HOUR);
	is_str(events(0), "start step pause", "gap inside the ice round: just a pause");
	line_is(2, "pause", "reason=gap gap=3600", "reason=gap");
	is_int(view().remaining, 2 * HOUR - HOUR - 1000, "the gap counted as ice time");
	engine_toggle_pause(&E);
	run_until(10 * HOUR);
	line_is(4, "ice", "planned=7200 elapsed=7200", "the round ends on its planned time");
	finish("gap inside ice");

	static const char spot[] =
		"name: Gap spot\n"
		"steps:\n"
		"  - type: massage\n"
		"    name: Walk\n"
		"    spots: [{name: Inner, duration: 60s}, {name: Outer, duration: 5s}]\n";
	if (!begin(spot, 0))
		return;
	at(10000);
	tick1(10000 + HOUR);
	is_str(events(0), "start step pause", "gap during a spot: pause, no spot line");
	line_is(2, "pause", "reason=gap gap=3600", "pause reason=gap");
	v = view();
	ok(v.paused && v.kind == SEG_SPOT && v.seg->spot == 0, "still on the first spot");
	is_int(v.remaining, 50000, "remaining as at the gap's start");
	engine_toggle_pause(&E);
	line_is(3, "resume", "paused=3600", "resume counts the gap as paused");
	is_int(view().remaining, 50000, "50 s left after the resume");
	at(10000 + HOUR + 49999);
	is_int((long long)nlines, 4, "not over early");
	at(10000 + HOUR + 50000);
	line_is(4, "spot", "spot=Inner planned=60 elapsed=60", "the spot logs only the time that happened");
	/* the second spot's deadline passes inside a gap */
	long long t0 = 10000 + HOUR + 50000;
	at(t0 + 4000);
	tick1(t0 + 4000 + HOUR);
	is_str(events(5), "pause", "gap past a spot's deadline: no spot line");
	is_int(view().remaining, 1000, "1 s of the spot still to do");
	finish("gap during a spot");

	if (!begin(reps_tempo, 0))
		return;
	at(5000);
	tick1(5000 + HOUR);
	is_str(events(0), "start step pause", "gap during a tempo set: pause, no set line");
	v = view();
	ok(v.paused && v.rep == 2 && v.reps_done == 1, "rep 2 under way, 1 done (rep %d, %d done)",
	   v.rep, v.reps_done);
	is_int(v.remaining, 7000, "7 s of the set left");
	engine_toggle_pause(&E);
	run_until(5000 + HOUR + 7000);
	line_is(4, "set", "set=1 reps=3 elapsed=12", "the set logs its 12 s, no gap time");
	finish("gap during a set");

	/* the last deadline passes inside a gap: the session completes */
	static const char one[] =
		"name: One round\n"
		"steps:\n"
		"  - {type: ice, name: Ice, duration: 10s}\n";
	if (!begin(one, 0))
		return;
	at(5000);
	tick1(5000 + HOUR);
	is_str(events(0), "start step ice done end", "gap past the last deadline: ice, done, end");
	line_is(2, "ice", "planned=10 elapsed=3605", "the round counts the real time");
	line_is(4, "end", "status=complete elapsed=3605", "complete when the gap was noticed");
	finish("gap past the end");

	/* a gap in a rest before a self-paced set: the set waits anyway */
	if (!begin(reps_self, 0))
		return;
	engine_number(&E, 5);
	at(5000);
	tick1(5000 + HOUR);
	is_str(events(0), "start step set pause", "gap past a rest's deadline: the gap is logged");
	line_is(3, "pause", "reason=gap gap=3600", "pause reason=gap");
	ok(view().input == INPUT_REPS && view().paused, "the next set waits for reps, paused");
	at(5000 + HOUR + 2000);
	engine_rep(&E);
	is_str(events(0), "start step set pause resume", "the first rep resumes: the pause has its resume");
	line_is(4, "resume", "paused=2", "resume paused=2");
	is_int(view().reps_done, 1, "and counts");
	finish("gap in a rest");

	/* a gap past a timer's deadline into a note: the note waits paused,
	 * and the answer closes the pause */
	static const char tn[] =
		"name: Timer then note\n"
		"steps:\n"
		"  - {type: timer, name: Wait, duration: 4s}\n"
		"  - {type: note, name: Next}\n";
	if (!begin(tn, 0))
		return;
	at(2500);
	tick1(2500 + 5000);
	is_str(events(0), "start step done step pause", "gap past the timer: done, the note, the gap");
	line_is(4, "pause", "n=2 name=Next reason=gap gap=5", "the gap is logged at the note");
	ok(view().kind == SEG_NOTE && view().paused, "the note waits, paused");
	fc.ms = 9000;
	engine_enter(&E);
	is_str(events(5), "resume done end", "Enter closes the pause and goes on");
	line_is(5, "resume", "n=2 paused=1.500", "resume paused=1.500");
	finish("gap into a note");

	/* a gap of less than ENGINE_GAP_MS is just a late tick */
	if (!begin(long_ice, 0))
		return;
	tick1(ENGINE_GAP_MS);
	tick1(2 * ENGINE_GAP_MS);
	is_str(events(0), "start step", "a tick %d ms late is no gap", ENGINE_GAP_MS);
	ok(!view().paused, "not paused");
	finish("no gap");
}

/* ---- what a front end shows ---- */

/* Notices end with the part they are about (issue 10): "+ and -" said
 * in a set is gone in the rest after it, the loader's warning comes back
 * there (it stays through step 1), and goes after step 1. */
static void test_notices(void)
{
	static const char y[] =
		"name: Notices\n"
		"steps:\n"
		"  - {type: reps, name: Drop, sets: 2, reps: 1, tempo: 1-0-1, rest: 10s}\n"
		"  - {type: timer, name: Hold, duration: 60s}\n";
	char *warn[] = { "3:5: something odd" };
	struct start_opts so = { .warnings = warn, .nwarnings = 1 };
	if (!begin_with(y, &so))
		return;
	is_str(E.notice, "Warning (line 3): something odd", "the loader's warning on the first part");
	at(500);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	ok(strstr(E.notice, "+ and - change timed parts") != NULL, "+ in a set says why not: %s", E.notice);
	at(2000);
	is_int(view().kind, SEG_REST, "the set is over: the rest");
	is_str(E.notice, "Warning (line 3): something odd",
	       "the + notice ended with the set; the warning is back through step 1");
	engine_next(&E);
	is_int(view().kind, SEG_SET, "set 2");
	engine_adjust(&E, ENGINE_ADJUST_MS);
	engine_next(&E);
	is_int(view().input, INPUT_COUNT, "stopped early: how many?");
	is_str(E.notice, "Warning (line 3): something odd", "the + notice ended with the countdown");
	engine_enter(&E);
	is_int((int)view().step_index, 1, "step 2");
	is_str(E.notice, "", "no notice after step 1");
	finish("notices end with their part");

	/* without a warning the same: the + notice ends with the set */
	if (!begin(y, 0))
		return;
	at(500);
	engine_adjust(&E, ENGINE_ADJUST_MS);
	ok(E.notice[0] != '\0', "the + notice");
	at(2000);
	is_str(E.notice, "", "gone in the rest");
	finish("the + notice alone");

	/* after a gap, the front end's words for going on */
	so = (struct start_opts){ .resume_how = "press x to go on" };
	if (!begin_with(y, &so))
		return;
	at(500);
	tick1(500 + 60000);
	ok(view().paused, "paused after a gap");
	ok(strstr(E.notice, "; press x to go on") != NULL, "the notice names the key: %s", E.notice);
	engine_toggle_pause(&E);
	is_str(E.notice, "", "resumed: the notice is gone");
	finish("resume words");

	/* a note's title leaves "Press Enter" to the front end's prompt; its
	 * cue (what --plain prints) keeps it */
	static const char note[] =
		"name: Note\n"
		"steps:\n"
		"  - {type: note, name: Ready, cue: A step and a ball}\n";
	if (!begin(note, 0))
		return;
	is_str(view().title, "Ready: A step and a ball", "the note's title");
	ok(strstr(E.cue, "A step and a ball. Press Enter to go on") != NULL, "its cue: %s", E.cue);
	finish("note title");
}

static void test_view(void)
{
	static const char y[] =
		"name: View\n"
		"steps:\n"
		"  - {type: timer, name: A, duration: 60s}\n"
		"  - {type: timer, name: B, duration: 20s, side: both}\n";
	if (!begin(y, 0))
		return;
	struct engine_view v = view();
	is_int((long long)v.nsteps, 2, "two steps");
	ok(v.timed && !v.paused && !v.done && v.duration == 60000, "a 60 s timer runs");
	is_str(v.next, "LEFT: B, 0:20", "next: what comes after");
	at(30000);
	v = view();
	ok(v.step_progress > 0.499 && v.step_progress < 0.501, "step half done (%.3f)", v.step_progress);
	ok(v.session_progress > 0.299 && v.session_progress < 0.301, "session 30 of 100 s (%.3f)",
	   v.session_progress);
	at(70000);
	v = view();
	ok(v.step_index == 1 && v.side == SIDE_LEFT, "B left");
	ok(v.step_progress > 0.249 && v.step_progress < 0.251, "B a quarter done (%.3f)", v.step_progress);
	is_str(v.next, "RIGHT: B, 0:20", "next: the right side");
	at(100000);
	v = view();
	ok(v.done && v.session_progress == 1.0 && v.seg == NULL, "done: progress 1, no segment");
	finish("view");
}

/* ---- speed ---- */

static void test_speed(void)
{
	static const char y[] =
		"name: Fast\n"
		"steps:\n"
		"  - {type: timer, name: Hold, duration: 60s}\n";
	struct start_opts so = { .speed = 10 };
	if (!begin_with(y, &so))
		return;
	line_is(0, "start", "speed=10 planned=60", "start line speed=10");
	fc.ms = 1000;
	is_int(engine_now(&E), 10000, "1 s of clock is 10 s of session time");
	is_int(view().remaining, 50000, "50 s left after 1 real second");
	fc.ms = 1010;
	is_int(engine_next_wake(&E), 1100, "wakes for the next session second (100 real ms)");
	at(5999);
	is_int((long long)nlines, 2, "not over at 5.999 s");
	at(6000);
	line_is(2, "done", "n=1 elapsed=60", "done: 60 s of session time in 6 s");
	line_is(3, "end", "status=complete elapsed=60", "end in session time");
	finish("speed");
}

/* ---- a full routine: every event, in order ---- */

static void test_full(void)
{
	static const char y[] =
		"name: Post-run calf care\n"
		"defaults: {side: both, rest: 5s}\n"
		"steps:\n"
		"  - {type: note, name: Get ready, cue: A step and a ball}\n"
		"  - {type: ice, name: Ice, duration: 10s, rounds: 2, off: 5s}\n"
		"  - type: massage\n"
		"    name: Spots\n"
		"    spots: [{name: Inner, duration: 4s}, {name: Outer, duration: 3s}]\n"
		"  - {type: reps, name: Drive, sets: 2, reps: 2, tempo: 1-0-1}\n"
		"  - {type: timer, name: Stretch, duration: 5s}\n"
		"  - {type: rate, name: Tightness}\n";
	if (!begin(y, 3000))
		return;
	engine_enter(&E);
	run_until(HOUR);
	is_str(events(0),
	       "start step done step ice ice done step spot spot spot spot done "
	       "step set set set set done step done step",
	       "every step's events in order");
	ok(view().input == INPUT_RATING, "the rating waits at the end");
	engine_number(&E, 3);
	line_is(nlines - 3, "rate", "n=6 name=Tightness value=3", "rate");
	line_is(nlines - 1, "end", "status=complete", "complete");
	line_is(0, "start", "planned=106 steps=6", "planned: the timed parts");
	line_is(1, "step", "n=1 type=note", "step n=1 type=note");
	line_is(3, "step", "n=2 type=ice name=Ice", "step n=2 type=ice");
	line_is(7, "step", "n=3 type=massage name=Spots", "step n=3 type=massage");
	line_is(12, "done", "n=3 type=massage name=Spots elapsed=26", "massage: 4 x 3 s lead-ins + 14 s");
	line_is(13, "step", "n=4 type=reps name=Drive", "step n=4 type=reps");
	line_is(18, "done", "n=4 type=reps elapsed=33", "reps: 4 x (3 + 4) s + 5 s rest");
	line_is(19, "step", "n=5 type=timer name=Stretch", "step n=5 type=timer");
	line_is(20, "done", "n=5 type=timer elapsed=16", "timer both sides: 2 x (3 + 5) s");
	line_is(21, "step", "n=6 type=rate name=Tightness", "step n=6 type=rate");
	finish("full routine");
}

/* A session resumed (engine_opts.resume): the start line says resumes=,
 * the plan starts at the part where the session stopped, nothing before
 * it runs again, and it runs to the end from there. */
static void test_resume(void)
{
	static const char yaml[] =
		"name: Resume\n"
		"steps:\n"
		"  - {type: rate, name: Before}\n"
		"  - {type: reps, name: Raise, side: both, sets: 2, reps: 2, rest: 30s, tempo: self}\n"
		"  - {type: rate, name: After}\n";
	struct engine_done done[] = {
		{ SEG_SET, SIDE_LEFT, 1, true }, { SEG_SET, SIDE_RIGHT, 1, true },
	};
	struct engine_resume rs = { .sid = "abc123", .step = 1, .done = done, .ndone = 2 };
	struct start_opts so = { .lead_in = 0, .resume = &rs };
	if (!begin_with(yaml, &so))
		return;
	line_is(0, "start", "routine=Resume resumes=abc123", "the start line: resumes=SID");
	line_is(1, "step", "n=2 name=Raise", "then the step it stopped at, not the first");
	struct engine_view v;
	engine_view(&E, &v);
	ok(v.kind == SEG_SET && v.side == SIDE_LEFT && v.step_index == 1 &&
	   E.plan.v[E.cur].set == 2, "at left set 2: both first sets done before, the rest over");
	engine_back(&E);
	engine_view(&E, &v);
	ok(v.kind == SEG_SET && E.plan.v[E.cur].set == 2 && v.side == SIDE_LEFT,
	   "b: nothing before it to go back to");
	E.key_guard = false; /* the presses come at once */
	engine_rep(&E);
	engine_rep(&E);
	at(31000); /* the rest */
	engine_rep(&E);
	engine_rep(&E);
	engine_view(&E, &v);
	ok(v.kind == SEG_RATE && v.step_index == 2, "the right set 2, then the rating after");
	engine_number(&E, 3);
	is_int(E.status, ENGINE_DONE, "done");
	line_is(nlines - 1, "end", "status=complete", "complete");
	size_t sets = 0;
	for (size_t i = 0; i < nlines; i++)
		sets += strstr(lines[i], " set n=2 ") != NULL;
	is_int((long long)sets, 2, "two sets logged in this part");
	finish("resume");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	logrec_init(&rec);
	test_prompts();
	test_input_closed();
	test_ice();
	test_no_drift();
	test_massage();
	test_tempo();
	test_self_paced();
	test_reps_both();
	test_targets();
	test_load();
	test_pause();
	test_back();
	test_adjust();
	test_quit();
	test_count_skip();
	test_guard();
	test_cut_short();
	test_gaps();
	test_notices();
	test_view();
	test_speed();
	test_full();
	test_resume();
	/* a reader tells a torn line from a whole one by how it ends */
	ok(not_whole == 0, "every line the engine wrote ends as logrec_whole() expects");
	logrec_free(&rec);
	return done_testing();
}
