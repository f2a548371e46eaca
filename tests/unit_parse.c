/* unit_parse.c: the small value grammars of a routine file (durations, rep
 * ranges, tempos, numbers, booleans) and the helpers behind "did you mean"
 * and the clock display.  Every check compares an exact value. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "parse.h"
#include "tap.h"
#include "util.h"

/* A duration that must parse, to exactly `want` ms. */
static void dur_ok(const char *s, long long want)
{
	long long ms = -1;
	bool r = duration_parse(s, &ms);
	ok(r, "duration \"%s\" parses", s);
	is_int(ms, want, "duration \"%s\" is %lld ms", s, want);
}

/* A duration that must be refused, leaving the output alone. */
static void dur_bad(const char *s)
{
	long long ms = -7;
	bool r = duration_parse(s, &ms);
	ok(!r, "duration \"%s\" is refused", s);
	is_int(ms, -7, "refused duration \"%s\" leaves the output alone", s);
}

static void test_durations(void)
{
	dur_ok("90s", 90000);
	dur_ok("15m", 900000);
	dur_ok("2h", 7200000);
	dur_ok("1m30s", 90000);
	dur_ok("1h 5m", 3900000);
	dur_ok("1h5m10s", 3910000);
	dur_ok("1h 30s", 3630000);
	dur_ok("1:30", 90000);
	dur_ok("0:45", 45000);
	dur_ok("1:05:00", 3900000);
	dur_ok("4:00:00", 14400000);
	dur_ok("90", 90000);
	dur_ok("0", 0);         /* well-formed; the range is the loader's job */
	dur_ok("0s", 0);
	dur_ok(" 45s ", 45000); /* surrounding blanks are fine */
	dur_ok("999999999", 999999999000LL);
	/* a long number is well formed (and out of the caller's range) */
	dur_ok("1234567890", 1234567890000LL);
	dur_ok("1234567890s", 1234567890000LL);
	dur_ok("99999999999999999999", 999999999999000LL);
	dur_ok("99999999999999999999h 99999999999999999999m 99999999999999999999s",
	       999999999999LL * (3600000 + 60000 + 1000));
	dur_ok("99999999999999999999:59:59", 999999999999LL * 3600000 + 3599000);

	dur_bad("");
	dur_bad("   ");
	dur_bad("1.5m");
	dur_bad("90x");
	dur_bad("1m30");
	dur_bad("m");
	dur_bad("s");
	dur_bad("1:3");
	dur_bad("1:60");
	dur_bad("1:30:60");
	dur_bad("1:2:03");
	dur_bad(":30");
	dur_bad("1:");
	dur_bad("1:00:00:00");
	dur_bad("s30");
	dur_bad("30s15m");  /* units out of order */
	dur_bad("5m1h");
	dur_bad("1m2m");    /* a unit twice */
	dur_bad("-5s");
	dur_bad("+5s");
	dur_bad("90 s");
	dur_bad("1:30s");
	dur_bad("5d");
	dur_bad("1h,5m");
}

static void range_ok(const char *s, int lo, int hi)
{
	struct rep_range r = { -1, -1 };
	const char *why = range_parse(s, &r);
	is_str(why, NULL, "range \"%s\" parses", s);
	is_int(r.min, lo, "range \"%s\" min", s);
	is_int(r.max, hi, "range \"%s\" max", s);
}

static void range_bad(const char *s, const char *want)
{
	struct rep_range r = { -1, -1 };
	is_str(range_parse(s, &r), want, "range \"%s\" is refused", s);
	ok(r.min == -1 && r.max == -1, "refused range \"%s\" leaves the output alone", s);
}

static void test_ranges(void)
{
	static const char *const junk =
		"expected a number of reps like 12, or a range like 8-15";
	static const char *const bounds = "reps must be between 1 and 1000";
	range_ok("12", 12, 12);
	range_ok("8-15", 8, 15);
	range_ok("8 - 15", 8, 15);
	range_ok(" 8-15 ", 8, 15);
	range_ok("1", 1, 1);
	range_ok("1000", 1000, 1000);
	range_ok("10-10", 10, 10);

	range_bad("15-8", "the range's first number must not exceed its second");
	range_bad("0", bounds);
	range_bad("0-5", bounds);
	range_bad("1001", bounds);
	range_bad("5-1001", bounds);
	range_bad("", junk);
	range_bad("lots", junk);
	range_bad("8-", junk);
	range_bad("-5", junk);
	range_bad("8--15", junk);
	range_bad("8-15x", junk);
	range_bad("8 15", junk);
	range_bad("8.5", junk);
	range_bad("8-15-20", junk);
	range_bad("1234567890", "reps must be between 1 and 1000");
	range_bad("8-99999999999999999999", "reps must be between 1 and 1000");
}

static void tempo_ok(const char *s, bool self, int d, int h, int u, long long rep)
{
	struct tempo t = { false, -1, -1, -1 };
	is_str(tempo_parse(s, &t), NULL, "tempo \"%s\" parses", s);
	ok(t.self == self, "tempo \"%s\" is %sself-paced", s, self ? "" : "not ");
	ok(t.down == d && t.hold == h && t.up == u, "tempo \"%s\" is %d-%d-%d", s, d, h, u);
	is_int(tempo_rep_ms(&t), rep, "tempo \"%s\": one rep is %lld ms", s, rep);
}

static void tempo_bad(const char *s, const char *want)
{
	struct tempo t = { false, -1, -1, -1 };
	is_str(tempo_parse(s, &t), want, "tempo \"%s\" is refused", s);
	is_int(t.down, -1, "refused tempo \"%s\" leaves the output alone", s);
}

static void test_tempos(void)
{
	static const char *const junk =
		"expected a tempo as down-hold-up seconds like 2-0-1, or \"self\"";
	tempo_ok("2-0-1", false, 2, 0, 1, 3000);
	tempo_ok("3-1-2", false, 3, 1, 2, 6000);
	tempo_ok("3 - 0 - 1", false, 3, 0, 1, 4000);
	tempo_ok("0-0-1", false, 0, 0, 1, 1000);
	tempo_ok("60-60-60", false, 60, 60, 60, 180000);
	tempo_ok("self", true, 0, 0, 0, 0);
	tempo_ok("SELF", true, 0, 0, 0, 0);
	tempo_ok("Self", true, 0, 0, 0, 0);

	tempo_bad("0-0-0",
		  "a tempo of 0-0-0 has no time in it; use \"self\" for self-paced reps");
	tempo_bad("61-0-0", "each tempo phase must be at most 60 seconds");
	tempo_bad("0-0-61", "each tempo phase must be at most 60 seconds");
	tempo_bad("2-99999999999999999999-1", "each tempo phase must be at most 60 seconds");
	tempo_bad("2-0", junk);
	tempo_bad("2-0-1-0", junk);
	tempo_bad("2-0-x", junk);
	tempo_bad("", junk);
	tempo_bad("fast", junk);
	tempo_bad("selfish", junk);
	tempo_bad("2.5-0-1", junk);
	tempo_bad("-2-0-1", junk);
}

static void test_ints_and_bools(void)
{
	static const struct { const char *s; long want; } good[] = {
		{ "12", 12 }, { "0", 0 }, { "-3", -3 }, { "+4", 4 }, { "007", 7 },
	};
	for (size_t i = 0; i < ARRAY_LEN(good); i++) {
		long v = -99;
		ok(int_parse(good[i].s, &v), "int \"%s\" parses", good[i].s);
		is_int(v, good[i].want, "int \"%s\" is %ld", good[i].s, good[i].want);
	}
	static const char *const bad[] = {
		"", " 1", "1 ", "1x", "x", "1.0", "1e3", "99999999999999999999999", "-",
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		long v = -99;
		ok(!int_parse(bad[i], &v), "int \"%s\" is refused", bad[i]);
		is_int(v, -99, "refused int \"%s\" leaves the output alone", bad[i]);
	}

	/* clamped, for "out of range" rather than "not a whole number" */
	static const struct { const char *s; long want; } clamped[] = {
		{ "12", 12 }, { "-3", -3 }, { "99999999999999999999999", LONG_MAX },
		{ "-99999999999999999999999", LONG_MIN }, { "+99999999999999999999999", LONG_MAX },
	};
	for (size_t i = 0; i < ARRAY_LEN(clamped); i++) {
		long v = -99;
		ok(int_parse_clamped(clamped[i].s, &v), "int \"%s\" parses, clamped", clamped[i].s);
		is_int(v, clamped[i].want, "int \"%s\" is clamped to %ld", clamped[i].s, clamped[i].want);
	}
	static const char *const notint[] = { "", " 1", "1 ", "1x", "-", "+", "1e99", "99999999999999999999x" };
	for (size_t i = 0; i < ARRAY_LEN(notint); i++) {
		long v = -99;
		ok(!int_parse_clamped(notint[i], &v), "int \"%s\" is refused, even clamped", notint[i]);
		is_int(v, -99, "refused int \"%s\" leaves the output alone", notint[i]);
	}

	static const struct { const char *s; bool want; } bools[] = {
		{ "true", true }, { "True", true }, { "TRUE", true }, { "yes", true },
		{ "on", true }, { "false", false }, { "FALSE", false }, { "no", false },
		{ "Off", false },
	};
	for (size_t i = 0; i < ARRAY_LEN(bools); i++) {
		bool v = !bools[i].want;
		ok(bool_parse(bools[i].s, &v), "bool \"%s\" parses", bools[i].s);
		ok(v == bools[i].want, "bool \"%s\" is %s", bools[i].s,
		   bools[i].want ? "true" : "false");
	}
	static const char *const notbool[] = { "", "1", "0", "maybe", "y", "n", "truee", " true" };
	for (size_t i = 0; i < ARRAY_LEN(notbool); i++) {
		bool v = true;
		ok(!bool_parse(notbool[i], &v), "bool \"%s\" is refused", notbool[i]);
	}
}

static void test_did_you_mean(void)
{
	is_int((long long)edit_distance("duration", "duration", 3), 0, "distance to itself is 0");
	is_int((long long)edit_distance("durration", "duration", 3), 1, "durration: one insertion");
	is_int((long long)edit_distance("massge", "massage", 3), 1, "massge: one deletion");
	is_int((long long)edit_distance("lefft", "left", 3), 1, "lefft: one insertion");
	is_int((long long)edit_distance("sied", "side", 3), 1, "sied: a transposition is one edit");
	is_int((long long)edit_distance("rept", "reps", 3), 1, "rept/reps: one substitution");
	is_int((long long)edit_distance("kitten", "sitting", 5), 3, "kitten/sitting: 3");
	is_int((long long)edit_distance("rest", "reps", 3), 2, "rest/reps: two substitutions");
	is_int((long long)edit_distance("", "abc", 5), 3, "empty to abc: 3");
	is_int((long long)edit_distance("abcdef", "uvwxyz", 2), 3, "over the cap gives cap+1");
	is_int((long long)edit_distance("a", "abcdefgh", 2), 3, "length gap over the cap gives cap+1");

	static const char *const step_keys[] = {
		"type", "name", "cue", "side", "duration", "rounds", "off", "spots",
		"sets", "reps", "progress", "tempo", "rest", NULL
	};
	static const char *const types[] = {
		"note", "ice", "massage", "reps", "timer", "rate", NULL
	};
	static const char *const sides[] = { "left", "right", "both", "none", NULL };
	static const char *const top[] = {
		"format", "name", "description", "defaults", "steps", NULL
	};
	is_str(did_you_mean("durration", step_keys), "duration", "durration -> duration");
	is_str(did_you_mean("duraton", step_keys), "duration", "duraton -> duration");
	is_str(did_you_mean("tempp", step_keys), "tempo", "tempp -> tempo");
	is_str(did_you_mean("massge", types), "massage", "massge -> massage");
	is_str(did_you_mean("timmer", types), "timer", "timmer -> timer");
	is_str(did_you_mean("lefft", sides), "left", "lefft -> left");
	is_str(did_you_mean("rigth", sides), "right", "rigth -> right");
	is_str(did_you_mean("descripton", top), "description", "descripton -> description");
	is_str(did_you_mean("stepz", top), "steps", "stepz -> steps");
	is_str(did_you_mean("banana", step_keys), NULL, "banana: no suggestion");
	is_str(did_you_mean("stretch", types), NULL, "stretch: no suggestion");
	is_str(did_you_mean("up", sides), NULL, "up: no suggestion");
	is_str(did_you_mean("xyz", top), NULL, "xyz: no suggestion");
	is_str(did_you_mean("", sides), NULL, "empty word: no suggestion");
}

static void clock_is(long long ms, const char *want)
{
	char buf[32];
	format_clock(buf, sizeof buf, ms);
	is_str(buf, want, "format_clock(%lld)", ms);
}

static void test_clock(void)
{
	clock_is(0, "0:00");
	clock_is(1, "0:01");       /* partial seconds round up */
	clock_is(999, "0:01");
	clock_is(1000, "0:01");
	clock_is(1001, "0:02");
	clock_is(59999, "1:00");
	clock_is(90000, "1:30");
	clock_is(3599000, "59:59");
	clock_is(3600000, "1:00:00");
	clock_is(3661000, "1:01:01");
	clock_is(14400000, "4:00:00");
	clock_is(-5000, "0:00");
}

int main(void)
{
	test_durations();
	test_ranges();
	test_tempos();
	test_ints_and_bools();
	test_did_you_mean();
	test_clock();
	return done_testing();
}
