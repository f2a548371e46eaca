/* unit_loader.c: routine files into the model (routine_load and
 * routine_load_buffer), the defaults they fill in, warnings that still let a
 * routine load, and the plan the model expands to. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "loader.h"
#include "plan.h"
#include "routine.h"
#include "tap.h"
#include "util.h"

static struct diags d;

/* Load YAML text as "t.yaml"; the diagnostics stay in `d` until the next call. */
static struct routine *load(const char *text)
{
	diags_free(&d);
	diags_init(&d, "t.yaml");
	return routine_load_buffer("t.yaml", text, strlen(text), &d);
}

/* The diagnostic `i` as "LINE:COL: [warning: ]msg", or "(none)". */
static const char *diag_text(size_t i)
{
	static char buf[512];
	if (i >= d.n)
		return "(none)";
	snprintf(buf, sizeof buf, "%d:%d: %s%s", d.v[i].line, d.v[i].col,
		 d.v[i].level == DIAG_WARNING ? "warning: " : "", d.v[i].msg);
	return buf;
}

static void test_product_example(void)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/good/product-example.yaml", top ? top : ".");
	struct diags pd;
	diags_init(&pd, path);
	struct routine *r = routine_load(path, &pd);
	ok(r != NULL, "the PRODUCT.md example loads");
	is_int((long long)pd.n, 0, "the PRODUCT.md example has no diagnostics");
	if (!r) {
		diags_print(&pd, stdout);
		diags_free(&pd);
		free(path);
		return;
	}
	is_str(r->name, "Post-run calf care", "routine name");
	is_str(r->description, "ice, spots, soleus", "routine description");
	is_str(r->file, path, "routine file is the path as given");
	is_int((long long)r->nsteps, 6, "six steps");

	const struct step *s = &r->steps[0];
	ok(s->type == STEP_NOTE, "step 1 is a note");
	is_str(s->name, "Get ready", "step 1 name");
	is_str(s->cue, "A step, two ice packs, a ball", "step 1 cue");
	ok(s->side == SIDE_NONE, "a note has no side, even with defaults.side");
	is_int(s->duration, 0, "a note is not timed");
	is_int(s->line, 5, "step 1 starts on line 5");
	is_int(s->col, 5, "step 1 starts in column 5");

	s = &r->steps[1];
	ok(s->type == STEP_ICE, "step 2 is ice");
	is_str(s->name, "Ice both calves", "step 2 name");
	is_int(s->duration, 15 * 60000, "ice duration 15m");
	is_int(s->rounds, 2, "ice rounds 2");
	is_int(s->off, 10 * 60000, "ice off 10m");
	is_str(s->cue, "Strap the packs on", "step 2 cue");
	ok(s->side == SIDE_BOTH, "ice takes defaults.side (both)");
	is_int(s->line, 8, "step 2 starts on line 8");

	s = &r->steps[2];
	ok(s->type == STEP_MASSAGE, "step 3 is massage");
	is_str(s->name, "Spot massage", "step 3 name");
	ok(s->side == SIDE_BOTH, "massage side both");
	is_str(s->cue, NULL, "massage without a cue has none");
	is_int((long long)s->nspots, 2, "two spots");
	if (s->nspots == 2) {
		is_str(s->spots[0].name, "Inner soleus", "spot 1 name");
		is_int(s->spots[0].duration, 90000, "spot 1 duration 90s");
		is_str(s->spots[0].cue, "slow and deep", "spot 1 cue");
		is_int(s->spots[0].line, 18, "spot 1 line");
		is_int(s->spots[0].col, 9, "spot 1 column");
		is_str(s->spots[1].name, "Outer gastrocnemius", "spot 2 name");
		is_int(s->spots[1].duration, 60000, "spot 2 duration 60s");
		is_str(s->spots[1].cue, NULL, "spot 2 has no cue");
	}

	s = &r->steps[3];
	ok(s->type == STEP_REPS, "step 4 is reps");
	is_str(s->name, "Bent-knee soleus drive", "step 4 name");
	ok(s->side == SIDE_BOTH, "reps side both");
	is_int(s->sets, 3, "sets 3");
	is_int(s->reps.min, 8, "reps min 8");
	is_int(s->reps.max, 15, "reps max 15");
	ok(s->progress, "progress true");
	ok(!s->tempo.self && s->tempo.down == 2 && s->tempo.hold == 0 && s->tempo.up == 1,
	   "tempo 2-0-1");
	is_int(s->rest, 60000, "rest 60s");
	is_str(s->cue, "On a step, heel dropped, knee bent; straighten with the leg alone",
	       "step 4 cue");
	is_int(step_default_target(s), 8, "with progress the first target is the range's bottom");

	s = &r->steps[4];
	ok(s->type == STEP_TIMER, "step 5 is a timer");
	is_str(s->name, "Bent-knee stretch", "step 5 name");
	is_int(s->duration, 45000, "timer 45s");
	ok(s->side == SIDE_BOTH, "timer side both");
	is_str(s->cue, NULL, "timer has no cue");

	s = &r->steps[5];
	ok(s->type == STEP_RATE, "step 6 is a rating");
	is_str(s->name, "Calf tightness", "step 6 name");
	is_str(s->cue, "0 loose ... 10 cannot walk", "step 6 cue");
	ok(s->side == SIDE_NONE, "a rating has no side");

	routine_free(r);
	diags_free(&pd);
	free(path);
}

static void test_defaults(void)
{
	struct routine *r = load(
		"name: Defaults\n"
		"steps:\n"
		"  - {type: reps, name: A, reps: 10}\n"
		"  - {type: reps, name: B, reps: 10, side: right, rest: 30s, tempo: self}\n"
		"  - {type: timer, name: C, duration: 20s}\n"
		"  - {type: note, name: D}\n"
		"defaults: {side: left, rest: 45s, tempo: 3-0-1}\n");
	ok(r != NULL, "routine with defaults after the steps loads");
	if (!r)
		return;
	const struct step *a = &r->steps[0], *b = &r->steps[1];
	ok(a->side == SIDE_LEFT, "defaults.side fills a reps step (even written later)");
	is_int(a->rest, 45000, "defaults.rest fills a reps step");
	ok(!a->tempo.self && a->tempo.down == 3 && a->tempo.hold == 0 && a->tempo.up == 1,
	   "defaults.tempo fills a reps step");
	is_int(a->sets, 1, "sets default to 1");
	ok(!a->progress, "progress defaults to false");
	ok(b->side == SIDE_RIGHT, "a step's own side beats the default");
	is_int(b->rest, 30000, "a step's own rest beats the default");
	ok(b->tempo.self, "a step's own tempo beats the default");
	ok(r->steps[2].side == SIDE_LEFT, "defaults.side fills a timer");
	ok(r->steps[3].side == SIDE_NONE, "defaults.side does not touch a note");
	routine_free(r);

	r = load("name: Bare\n"
		 "steps:\n"
		 "  - type: reps\n"
		 "    name: Heel drop\n"
		 "    reps: 15\n"
		 "  - {type: ice, name: Ice, duration: 10m}\n");
	ok(r != NULL, "routine without defaults loads");
	if (!r)
		return;
	const struct step *s = &r->steps[0];
	is_int(s->rest, 60000, "rest is 60s when neither step nor defaults say");
	ok(s->tempo.self, "tempo is self when neither step nor defaults say");
	ok(s->side == SIDE_NONE, "side is none when neither step nor defaults say");
	is_int(s->reps.min, 15, "reps 15: min");
	is_int(s->reps.max, 15, "reps 15: max");
	is_int(step_default_target(s), 15, "a single number is the target");
	is_int(r->steps[1].rounds, 1, "ice rounds default to 1");
	is_int(r->steps[1].off, 0, "ice off defaults to 0");
	is_str(r->description, NULL, "no description");
	routine_free(r);
}

static void test_spots(void)
{
	struct routine *r = load(
		"name: Spots\n"
		"steps:\n"
		"  - type: massage\n"
		"    name: Walk\n"
		"    duration: 1m\n"
		"    spots:\n"
		"      - Inner soleus\n"
		"      - {name: Outer soleus, duration: 1:30, cue: deep}\n"
		"      - name: Junction\n");
	ok(r != NULL, "spots given as plain names load");
	if (!r)
		return;
	const struct step *s = &r->steps[0];
	is_int((long long)s->nspots, 3, "three spots");
	if (s->nspots == 3) {
		is_str(s->spots[0].name, "Inner soleus", "plain spot name");
		is_int(s->spots[0].duration, 60000, "plain spot takes the step's duration");
		is_str(s->spots[0].cue, NULL, "plain spot has no cue");
		is_int(s->spots[0].line, 7, "plain spot line");
		is_str(s->spots[1].name, "Outer soleus", "mapping spot name");
		is_int(s->spots[1].duration, 90000, "mapping spot's own duration wins");
		is_str(s->spots[1].cue, "deep", "mapping spot cue");
		is_str(s->spots[2].name, "Junction", "block mapping spot name");
		is_int(s->spots[2].duration, 60000, "mapping spot without duration takes the step's");
	}
	ok(s->side == SIDE_NONE, "massage without side or default: none");
	routine_free(r);
}

static void test_warnings(void)
{
	struct routine *r = load("name: Long ice\n"
				 "steps:\n"
				 "  - type: ice\n"
				 "    name: Ice\n"
				 "    duration: 25m\n");
	ok(r != NULL, "ice over 20 minutes still loads");
	is_int((long long)d.nerrors, 0, "ice over 20 minutes: no error");
	is_int((long long)d.nwarnings, 1, "ice over 20 minutes: one warning");
	is_str(diag_text(0),
	       "5:15: warning: an ice round longer than 20 minutes risks cold injury; consider rounds with `off` between",
	       "the warning points at the duration");
	if (r)
		is_int(r->steps[0].duration, 25 * 60000, "the long round is kept as written");
	routine_free(r);

	r = load("name: Twenty\nsteps:\n  - {type: ice, name: Ice, duration: 20m}\n");
	ok(r != NULL && d.n == 0, "ice of exactly 20 minutes: no warning");
	routine_free(r);

	r = load("name: Over\nsteps:\n  - {type: ice, name: Ice, duration: 20m1s}\n");
	ok(r != NULL && d.nwarnings == 1 && d.nerrors == 0, "ice of 20m1s: a warning");
	routine_free(r);

	/* the duration range is 1s to 4h, both ends included */
	r = load("name: Ends\nsteps:\n  - {type: timer, name: A, duration: 1s}\n"
		 "  - {type: timer, name: B, duration: 4h}\n");
	ok(r != NULL && d.n == 0, "durations of 1s and 4h are fine");
	if (r)
		ok(r->steps[0].duration == 1000 && r->steps[1].duration == 14400000,
		   "1s and 4h in ms");
	routine_free(r);
	r = load("name: Past\nsteps:\n  - {type: timer, name: A, duration: 4h 1s}\n");
	is_str(diag_text(0), "3:38: `duration: 4h 1s` is out of range; durations are 1s to 4h",
	       "4h 1s is out of range");
	routine_free(r);

	r = load("name: Off\nsteps:\n  - {type: ice, name: Ice, duration: 10m, off: 5m}\n");
	ok(r != NULL, "off with one round loads");
	is_str(diag_text(0), "3:48: warning: `off` has no effect with a single round",
	       "off with one round: warning at the value");
	routine_free(r);

	/* no warning follows from a value that was itself an error */
	r = load("name: Off\nsteps:\n  - {type: ice, name: Ice, duration: 10m, rounds: 0, off: 5m}\n"
		 "  - {type: ice, name: Ice, duration: 10m, off: 5 min}\n"
		 "  - {type: ice, name: Ice, duration: 10m, rounds: 1, off: 5m}\n"
		 "  - {type: reps, name: R, reps: 12-x, progress: true}\n");
	is_int((long long)d.nerrors, 3, "bad rounds, off and reps: three errors");
	is_str(diag_text(0), "3:51: `rounds: 0` is out of range; it must be 1 to 100", "bad rounds: its error");
	is_str(diag_text(1), "4:48: `off: 5 min` is not a duration; write it like 90s, 15m, 1m30s, 1:30 or 90 (seconds)",
	       "bad off: its error, no warning");
	is_str(diag_text(2), "5:59: warning: `off` has no effect with a single round",
	       "a good `rounds: 1` still warns");
	is_str(diag_text(3), "6:33: `reps: 12-x`: expected a number of reps like 12, or a range like 8-15",
	       "bad reps: its error, no warning about progress");
	is_int((long long)d.n, 4, "and nothing more");
	routine_free(r);

	r = load("name: Flat\nsteps:\n  - {type: reps, name: R, reps: 12, progress: true}\n");
	ok(r != NULL, "progress with a single number loads");
	is_str(diag_text(0),
	       "3:47: warning: `progress` needs a range like 8-15 to progress within, or a `load` to add to; with one number and no load it does nothing",
	       "progress with a single number: warning");
	routine_free(r);
}

static void test_block_scalars(void)
{
	struct routine *r = load("name: >\n  Folded\n  name\n"
				 "description: |+\n  Kept, with blank lines after\n\n\n"
				 "steps:\n  - type: note\n    name: |\n      Literal name\n"
				 "    cue: >-\n      Stripped cue\n");
	ok(r != NULL, "one-line block scalars load");
	if (r) {
		is_str(r->name, "Folded name", "a folded name: its final line break is dropped");
		is_str(r->description, "Kept, with blank lines after", "a kept description: all its final line breaks");
		is_str(r->steps[0].name, "Literal name", "a literal name: its final line break is dropped");
		is_str(r->steps[0].cue, "Stripped cue", "a stripped cue is unchanged");
	}
	routine_free(r);

	r = load("name: Calf\ndescription: |\n  Two\n  lines\nsteps:\n  - type: note\n    name: |\n      Two\n      lines\n");
	ok(r == NULL, "block scalars of two lines: refused");
	is_str(diag_text(0), "2:14: `description` contains a line break or control character; keep it on one line",
	       "a line break inside a description is an error");
	is_str(diag_text(1), "7:11: `name` contains a line break or control character; keep it on one line",
	       "a line break inside a name is an error");
	routine_free(r);
}

/* Long values in messages are cut at a character, never inside one. */
static void test_long_values(void)
{
	struct buf b, want;
	buf_init(&b);
	buf_init(&want);
	buf_adds(&b, "name: Long\nsteps:\n  - {type: timer, name: T, duration: ");
	buf_adds(&want, "3:38: `duration: ");
	for (int i = 0; i < 40; i++) {
		buf_adds(&b, "\xe6\x97\xa5"); /* three bytes, two columns */
		if (i < 29)
			buf_adds(&want, "\xe6\x97\xa5");
	}
	buf_adds(&b, "}\n");
	buf_adds(&want, "...` is not a duration; write it like 90s, 15m, 1m30s, 1:30 or 90 (seconds)");
	struct routine *r = load(b.s);
	is_str(diag_text(0), want.s, "a long value of 3-byte characters is cut after a whole one");
	routine_free(r);

	for (int shift = 0; shift < 4; shift++) {
		buf_free(&b);
		buf_init(&b);
		buf_adds(&b, "name: Long\nsteps:\n  - {type: timer, name: T, duration: ");
		for (int i = 0; i < shift; i++)
			buf_addc(&b, 'x');
		for (int i = 0; i < 30; i++)
			buf_adds(&b, "\xf0\x9f\x98\x80"); /* four bytes */
		buf_adds(&b, "}\n");
		r = load(b.s);
		const char *msg = d.n ? d.v[0].msg : "";
		const char *dots = strstr(msg, "...`");
		/* what comes before the dots ends with a whole character */
		size_t at = dots ? (size_t)(dots - msg) : 0;
		size_t k = at;
		while (k > 0 && ((unsigned char)msg[k - 1] & 0xC0) == 0x80)
			k--;
		ok(dots && k > 0 && at - k == 3 && (unsigned char)msg[k - 1] == 0xf0,
		   "a long value of 4-byte characters after %d ASCII: cut after a whole one", shift);
		routine_free(r);
	}
	buf_free(&b);
	buf_free(&want);
}

static void test_errors(void)
{
	struct routine *r = load("name: Bad\n"
				 "steps:\n"
				 "  - {type: timer, name: T, duration: 0s}\n"
				 "  - {type: ice, name: I, duration: 25m}\n"
				 "  - {type: nap, name: N}\n");
	ok(r == NULL, "a routine with errors does not load");
	is_int((long long)d.nerrors, 2, "two errors");
	is_int((long long)d.nwarnings, 1, "and the warning");
	is_str(diag_text(0), "3:38: `duration: 0s` is out of range; durations are 1s to 4h",
	       "first diagnostic");
	is_str(diag_text(1),
	       "4:36: warning: an ice round longer than 20 minutes risks cold injury; consider rounds with `off` between",
	       "second diagnostic, in file order");
	is_str(diag_text(2),
	       "5:12: unknown step type `nap`; use note, ice, massage, reps, timer or rate",
	       "third diagnostic");
	char *first = diags_first_error(&d);
	is_str(first, "3:38: `duration: 0s` is out of range; durations are 1s to 4h",
	       "diags_first_error skips nothing before the first error");
	free(first);

	/* errors found out of order are printed in file order */
	r = load("steps:\n"
		 "  - {type: note}\n"
		 "defaults: {side: up}\n");
	ok(r == NULL, "errors out of order: no routine");
	is_int((long long)d.n, 3, "errors out of order: three");
	is_str(diag_text(0), "1:1: the routine has no `name`", "sorted 1");
	is_str(diag_text(1), "2:5: step has no `name`", "sorted 2");
	is_str(diag_text(2), "3:18: `side: up` is not a side; use left, right, both or none",
	       "sorted 3 (defaults were checked first)");

	r = load("name: Many\nsteps:\n  - {type: timer, name: T, duration: 5s, "
		 "a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1,"
		 "a1: 1, b1: 1, c1: 1, d1: 1, e1: 1, f1: 1, g1: 1, h1: 1, i1: 1, j1: 1,"
		 "a2: 1, b2: 1, c2: 1, d2: 1, e2: 1, f2: 1, g2: 1, h2: 1, i2: 1, j2: 1,"
		 "a3: 1, b3: 1, c3: 1, d3: 1, e3: 1, f3: 1, g3: 1, h3: 1, i3: 1, j3: 1,"
		 "a4: 1, b4: 1, c4: 1, d4: 1, e4: 1, f4: 1, g4: 1, h4: 1, i4: 1, j4: 1,"
		 "a5: 1, b5: 1, c5: 1, d5: 1, e5: 1, f5: 1, g5: 1, h5: 1, i5: 1, j5: 1,"
		 "a6: 1, b6: 1, c6: 1, d6: 1, e6: 1, f6: 1, g6: 1, h6: 1, i6: 1, j6: 1,"
		 "a7: 1, b7: 1, c7: 1, d7: 1, e7: 1, f7: 1, g7: 1, h7: 1, i7: 1, j7: 1,"
		 "a8: 1, b8: 1, c8: 1, d8: 1, e8: 1, f8: 1, g8: 1, h8: 1, i8: 1, j8: 1,"
		 "a9: 1, b9: 1, c9: 1, d9: 1, e9: 1, f9: 1, g9: 1, h9: 1, i9: 1, j9: 1,"
		 "z1: 1, z2: 1, z3: 1}\n");
	ok(r == NULL, "103 unknown keys: no routine");
	is_int((long long)d.nerrors, ROUTINE_MAX_ERRORS + 1, "errors stop at the limit, plus one note");
	is_str(d.n ? d.v[d.n - 1].msg : "", "too many errors; not reporting more",
	       "the last message says more were left out");

	size_t big = ROUTINE_MAX_BYTES + 1;
	char *buf = xmalloc(big);
	memset(buf, '#', big);
	diags_free(&d);
	diags_init(&d, "big.yaml");
	r = routine_load_buffer("big.yaml", buf, big, &d);
	ok(r == NULL, "a buffer over 1 MiB is refused");
	is_str(diag_text(0), "0:0: file is too large (1048577 bytes; routines are at most 1 MiB)",
	       "too large: message");
	free(buf);

	diags_free(&d);
	diags_init(&d, "/nonexistent/x.yaml");
	r = routine_load("/nonexistent/x.yaml", &d);
	ok(r == NULL, "a missing file does not load");
	is_str(diag_text(0), "0:0: cannot open: No such file or directory", "missing file: message");

	diags_free(&d);
	diags_init(&d, "/");
	r = routine_load("/", &d);
	ok(r == NULL, "a directory does not load");
	is_str(diag_text(0), "0:0: is a directory, not a routine file", "directory: message");
}

/* The position of character `index` (or of byte `off` when index is -1). */
static void pos_is(const char *text, long index, size_t off, const char *want,
		   const char *what)
{
	struct textpos t;
	char got[32];
	int line, col;
	textpos_init(&t, text, strlen(text));
	if (index >= 0)
		textpos_char(&t, (size_t)index, &line, &col);
	else
		textpos_byte(&t, off, &line, &col);
	snprintf(got, sizeof got, "%d:%d", line, col);
	is_str(got, want, "%s", what);
}

static void test_positions(void)
{
	pos_is("a\tb", 2, 0, "1:9", "a tab moves to column 9");
	pos_is("1234567\tx", 8, 0, "1:9", "a tab in column 8 moves to column 9");
	pos_is("12345678\tx", 9, 0, "1:17", "a tab in column 9 moves to column 17");
	pos_is("\xe6\x97\xa5\xe6\x9c\xac\tx", 3, 0, "1:9", "wide characters take two columns, then a tab");
	pos_is("\xe6\x97\xa5\xe6\x9c\xacx", 2, 0, "1:5", "two wide characters: column 5");
	pos_is("e\xcc\x81x", 2, 0, "1:2", "a combining accent takes no column");
	pos_is("a\r\nb", 3, 0, "2:1", "\\r\\n is one line break (and two characters)");
	pos_is("a\rb", 2, 0, "2:1", "a lone \\r is a line break");
	pos_is("a\n\rb", 3, 0, "3:1", "\\n then \\r are two line breaks");
	pos_is("a\xc2\x85" "b", 2, 0, "1:3", "U+0085 is no line break");
	pos_is("a\xe2\x80\xa8" "b", 2, 0, "1:3", "U+2028 is no line break");
	pos_is("\xef\xbb\xbf" "ab", 1, 0, "1:2", "a byte order mark takes no column (characters)");
	pos_is("\xef\xbb\xbf" "ab", -1, 4, "1:2", "a byte order mark takes no column (bytes)");
	pos_is("\xef\xbb\xbf" "ab", -1, 1, "1:1", "inside the byte order mark: the start");
	pos_is("x\xe6\x97\xa5y", -1, 2, "1:2", "a byte inside a character: the character's start");
	pos_is("ab\n", 3, 0, "1:3", "past the final line break: the end of the last line");
	pos_is("ab\r\n", 4, 0, "1:3", "past a final \\r\\n: the end of the last line");
	pos_is("ab\n\n", 4, 0, "2:1", "past two final line breaks: the empty last line");
	pos_is("ab", 9, 0, "1:3", "past the end: the end");
	pos_is("", 0, 0, "1:1", "an empty text: 1:1");
	pos_is("\n", 1, 0, "1:1", "a lone line break: 1:1");

	struct textpos t;
	const char *text = "ab\ncd\tef\ngh";
	int line, col;
	textpos_init(&t, text, strlen(text));
	textpos_char(&t, 10, &line, &col);
	ok(line == 3 && col == 2, "cursor: forward to 3:2 (%d:%d)", line, col);
	textpos_char(&t, 7, &line, &col);
	ok(line == 2 && col == 10, "cursor: back to an earlier line, 2:10 (%d:%d)", line, col);
	textpos_char(&t, 4, &line, &col);
	ok(line == 2 && col == 2, "cursor: back on the same line, 2:2 (%d:%d)", line, col);
	textpos_byte(&t, 1, &line, &col);
	ok(line == 1 && col == 2, "cursor: back to the first line by byte, 1:2 (%d:%d)", line, col);

	/* every path of the loader counts the same way: libyaml's marks, its
	 * reader's byte offsets, and our own UTF-8 check */
	struct routine *r = load("name: Tabs\nsteps:\n  - {type: note,\tname: \xe6\x97\xa5\xe6\x9c\xac, x: 1}\n");
	is_str(diag_text(0), "3:37: unknown key `x` in a step", "a libyaml mark after a tab and wide characters");
	routine_free(r);
	r = load("name: Tabs\nsteps:\n  - {type: note,\tname: \xe6\x97\xa5\xe6\x9c\xac\x7f}\n");
	is_str(diag_text(0), "3:35: control characters are not allowed", "a reader error after a tab and wide characters");
	routine_free(r);
	r = load("name: Tabs\rsteps:\r  - {type: note,\tname: \xe6\x97\xa5\xe6\x9c\xac\xff}\r");
	is_str(diag_text(0), "3:35: invalid UTF-8 (byte 0xff); routine files must be UTF-8",
	       "invalid UTF-8 after \\r line ends, a tab and wide characters");
	routine_free(r);
}

static void test_line_separators(void)
{
	/* a name on the last line, a separator as the very last character */
	struct routine *r = load("steps: [{type: note, name: N}]\nname: Calf\xe2\x80\xa8");
	ok(r == NULL, "a line separator at the end of the file: no routine");
	is_int((long long)d.n, 1, "a line separator at the end of the file: one error");
	is_str(diag_text(0), "2:11: U+2028 LINE SEPARATOR is not allowed in a routine file (YAML reads it as a line break, editors do not); use an ordinary line break or a space",
	       "a line separator at the end of the file: where");
	routine_free(r);

	struct buf b;
	buf_init(&b);
	buf_adds(&b, "name: Many\nsteps: [{type: note, name: N}]\n# ");
	for (int i = 0; i < 150; i++)
		buf_adds(&b, "\xc2\x85");
	buf_adds(&b, "\n");
	r = load(b.s);
	ok(r == NULL, "150 NELs: no routine");
	is_int((long long)d.nerrors, ROUTINE_MAX_ERRORS + 1, "150 NELs: errors stop at the limit, plus one note");
	is_str(diag_text(d.n - 1), "3:103: too many errors; not reporting more", "150 NELs: the last line says so");
	buf_free(&b);
}

/* One segment: kind, side, duration and offset. */
static void seg_is(const struct plan *p, size_t i, enum seg_kind kind, enum side side,
		   long long duration, long long offset, const char *what)
{
	if (i >= p->n) {
		ok(0, "%s: segment %zu exists", what, i);
		return;
	}
	const struct segment *s = &p->v[i];
	ok(s->kind == kind && s->side == side && s->duration == duration && s->offset == offset,
	   "%s: %s %s %lld ms at %lld", what, seg_kind_word(kind), side_word(side), duration,
	   offset);
	if (!(s->kind == kind && s->side == side && s->duration == duration && s->offset == offset))
		printf("#   got %s %s %lld ms at %lld\n", seg_kind_word(s->kind),
		       side_word(s->side), s->duration, s->offset);
}

static void test_plan_reps(void)
{
	struct routine *r = load("name: Reps\n"
				 "steps:\n"
				 "  - {type: reps, name: Drive, side: both, sets: 2, reps: 8-10,"
				 " tempo: 2-0-1, rest: 30s}\n");
	ok(r != NULL, "reps routine loads");
	if (!r)
		return;
	struct plan p;
	plan_build(&p, r, 3000, NULL);
	is_int((long long)p.n, 9, "both sides, 2 sets, lead-ins: 9 segments");
	/* a set: 10 reps (the top: no progress) at 3 s a rep */
	seg_is(&p, 0, SEG_LEADIN, SIDE_LEFT, 3000, 0, "1");
	seg_is(&p, 1, SEG_SET, SIDE_LEFT, 30000, 3000, "2");
	seg_is(&p, 2, SEG_LEADIN, SIDE_RIGHT, 3000, 33000, "3");
	seg_is(&p, 3, SEG_SET, SIDE_RIGHT, 30000, 36000, "4");
	seg_is(&p, 4, SEG_REST, SIDE_NONE, 30000, 66000, "5");
	seg_is(&p, 5, SEG_LEADIN, SIDE_LEFT, 3000, 96000, "6");
	seg_is(&p, 6, SEG_SET, SIDE_LEFT, 30000, 99000, "7");
	seg_is(&p, 7, SEG_LEADIN, SIDE_RIGHT, 3000, 129000, "8");
	seg_is(&p, 8, SEG_SET, SIDE_RIGHT, 30000, 132000, "9");
	is_int(p.total, 162000, "total: 4 sets, 4 lead-ins, one rest");
	if (p.n == 9) {
		is_int(p.v[1].set, 1, "first set is set 1");
		is_int(p.v[1].nsets, 2, "of 2");
		is_int(p.v[1].target, 10, "target: the range's top without progress");
		is_int(p.v[4].set, 1, "the rest follows set 1");
		is_int(p.v[6].set, 2, "then set 2");
		is_int(p.v[1].spot, -1, "a set is no spot");
		char buf[128];
		segment_describe(r, &p.v[6], buf, sizeof buf);
		is_str(buf, "LEFT set 2 of 2: 10 reps at 2-0-1", "describe a set");
		segment_describe(r, &p.v[4], buf, sizeof buf);
		is_str(buf, "REST after set 1 of 2", "describe a rest");
		segment_describe(r, &p.v[2], buf, sizeof buf);
		is_str(buf, "RIGHT get ready", "describe a lead-in");
	}
	is_int((long long)p.prompts, 0, "no prompts");
	is_int((long long)p.self_sets, 0, "no self-paced sets");
	plan_free(&p);

	plan_build(&p, r, 0, NULL);
	is_int((long long)p.n, 5, "without lead-ins: 5 segments");
	seg_is(&p, 0, SEG_SET, SIDE_LEFT, 30000, 0, "no lead-in 1");
	seg_is(&p, 1, SEG_SET, SIDE_RIGHT, 30000, 30000, "no lead-in 2");
	seg_is(&p, 2, SEG_REST, SIDE_NONE, 30000, 60000, "no lead-in 3");
	seg_is(&p, 3, SEG_SET, SIDE_LEFT, 30000, 90000, "no lead-in 4");
	seg_is(&p, 4, SEG_SET, SIDE_RIGHT, 30000, 120000, "no lead-in 5");
	is_int(p.total, 150000, "total without lead-ins");
	plan_free(&p);

	struct step_target targets[1];
	targets_default(targets, r);
	targets[0].side[SIDE_LEFT].reps = targets[0].side[SIDE_RIGHT].reps = 9;
	plan_build(&p, r, 0, targets);
	ok(p.n == 5 && p.v[0].target == 9 && p.v[0].duration == 27000,
	   "a target from the log sets the reps and the set's length");
	plan_free(&p);
	routine_free(r);
}

static void test_plan_others(void)
{
	struct routine *r = load("name: Mixed\n"
				 "steps:\n"
				 "  - {type: note, name: Ready}\n"
				 "  - {type: ice, name: Ice, duration: 10m, rounds: 3, off: 5m}\n"
				 "  - {type: massage, name: M, side: both, duration: 1m, spots: [A, B]}\n"
				 "  - {type: reps, name: R, sets: 2, reps: 8-15, progress: true}\n"
				 "  - {type: timer, name: T, duration: 45s, side: right}\n"
				 "  - {type: rate, name: Tight}\n");
	ok(r != NULL, "mixed routine loads");
	if (!r)
		return;
	struct plan p;
	plan_build(&p, r, 0, NULL);
	is_int((long long)p.n, 15, "15 segments");
	seg_is(&p, 0, SEG_NOTE, SIDE_NONE, 0, 0, "note");
	seg_is(&p, 1, SEG_ICE_ON, SIDE_NONE, 600000, 0, "ice round 1");
	seg_is(&p, 2, SEG_ICE_OFF, SIDE_NONE, 300000, 600000, "off 1");
	seg_is(&p, 3, SEG_ICE_ON, SIDE_NONE, 600000, 900000, "ice round 2");
	seg_is(&p, 4, SEG_ICE_OFF, SIDE_NONE, 300000, 1500000, "off 2");
	seg_is(&p, 5, SEG_ICE_ON, SIDE_NONE, 600000, 1800000, "ice round 3, no off after it");
	seg_is(&p, 6, SEG_SPOT, SIDE_LEFT, 60000, 2400000, "left spot A");
	seg_is(&p, 7, SEG_SPOT, SIDE_LEFT, 60000, 2460000, "left spot B");
	seg_is(&p, 8, SEG_SPOT, SIDE_RIGHT, 60000, 2520000, "right spot A");
	seg_is(&p, 9, SEG_SPOT, SIDE_RIGHT, 60000, 2580000, "right spot B");
	seg_is(&p, 10, SEG_SET, SIDE_NONE, 0, 2640000, "self-paced set 1");
	seg_is(&p, 11, SEG_REST, SIDE_NONE, 60000, 2640000, "default rest 60s");
	seg_is(&p, 12, SEG_SET, SIDE_NONE, 0, 2700000, "self-paced set 2");
	seg_is(&p, 13, SEG_TIMER, SIDE_RIGHT, 45000, 2700000, "timer right only");
	seg_is(&p, 14, SEG_RATE, SIDE_NONE, 0, 2745000, "rating");
	is_int(p.total, 2745000, "total");
	is_int((long long)p.prompts, 2, "a note and a rating are prompts");
	is_int((long long)p.self_sets, 2, "two self-paced sets");
	if (p.n == 15) {
		is_int(p.v[3].round, 2, "round number");
		is_int(p.v[3].nrounds, 3, "round count");
		is_int(p.v[4].round, 2, "off after round 2");
		is_int(p.v[8].spot, 0, "right side starts again at spot A");
		is_int(p.v[9].spot, 1, "then spot B");
		is_int(p.v[10].target, 8, "with progress the target starts at the bottom");
		char buf[128];
		segment_describe(r, &p.v[2], buf, sizeof buf);
		is_str(buf, "ICE OFF after round 1 of 3", "describe ice off");
		segment_describe(r, &p.v[5], buf, sizeof buf);
		is_str(buf, "ICE ON, round 3 of 3", "describe ice on");
		segment_describe(r, &p.v[9], buf, sizeof buf);
		is_str(buf, "RIGHT spot 2 of 2: B", "describe a spot");
		segment_describe(r, &p.v[10], buf, sizeof buf);
		is_str(buf, "set 1 of 2: 8 reps, self-paced", "describe a self-paced set");
		segment_describe(r, &p.v[14], buf, sizeof buf);
		is_str(buf, "rate 0 to 10", "describe a rating");
	}
	plan_free(&p);

	is_int(step_default_target(&r->steps[3]), 8, "step_default_target with progress: min");
	r->steps[3].progress = false;
	is_int(step_default_target(&r->steps[3]), 15, "step_default_target without progress: max");

	/* lead-ins come before each round of ice, not before the off time */
	plan_build(&p, r, 3000, NULL);
	seg_is(&p, 1, SEG_LEADIN, SIDE_NONE, 3000, 0, "lead-in before ice round 1");
	seg_is(&p, 2, SEG_ICE_ON, SIDE_NONE, 600000, 3000, "ice round 1 after its lead-in");
	seg_is(&p, 3, SEG_ICE_OFF, SIDE_NONE, 300000, 603000, "off has no lead-in");
	seg_is(&p, 4, SEG_LEADIN, SIDE_NONE, 3000, 903000, "lead-in before ice round 2");
	plan_free(&p);
	routine_free(r);
}

/* `measure:` on ratings, `load:` and `load_step:` on reps steps, and the
 * routine's `load_step:` that reps steps take when they do not say. */
static void test_measure_and_load(void)
{
	struct routine *r = load(
		"name: Loaded\n"
		"steps:\n"
		"  - {type: rate, name: Pain before, measure: pain}\n"
		"  - {type: rate, name: Tight, measure: tightness}\n"
		"  - {type: rate, name: Stiff, measure: stiffness}\n"
		"  - {type: rate, name: Plain}\n"
		"  - {type: reps, name: Drop, reps: 15, progress: true, load: 0}\n"
		"  - {type: reps, name: Curl, reps: 8-12, load: 12.5 kg, load_step: 1.25}\n"
		"  - {type: reps, name: Bare, reps: 10}\n"
		"load_step: 5\n");
	ok(r != NULL, "measure, load and load_step load");
	is_int((long long)d.n, 0, "no diagnostics: `progress` with one number and a load is load progression");
	if (!r) {
		diags_print(&d, stdout);
		return;
	}
	ok(r->steps[0].measure == MEASURE_PAIN, "measure: pain");
	ok(r->steps[1].measure == MEASURE_TIGHTNESS, "measure: tightness");
	ok(r->steps[2].measure == MEASURE_STIFFNESS, "measure: stiffness");
	ok(r->steps[3].measure == MEASURE_NONE, "a rating that does not say measures nothing known");
	is_int(r->load_step, 5000, "the routine's load_step in grams (written after the steps)");
	is_int(r->steps[4].load, 0, "load: 0 is a load (the empty backpack)");
	is_int(r->steps[4].load_step, 5000, "a reps step takes the routine's load_step");
	ok(r->steps[4].progress, "progress stays on with one number and a load");
	is_int(r->steps[5].load, 12500, "load: 12.5 kg in grams");
	is_int(r->steps[5].load_step, 1250, "a step's own load_step beats the routine's");
	is_int(r->steps[6].load, LOAD_NONE, "a reps step without load: LOAD_NONE");
	routine_free(r);

	r = load("name: Default step\nsteps:\n  - {type: reps, name: D, reps: 15, load: 0}\n");
	ok(r != NULL, "a load without any load_step loads");
	if (r) {
		is_int(r->load_step, LOAD_STEP_DEFAULT, "the routine's load_step defaults to 2.5 kg");
		is_int(r->steps[0].load_step, 2500, "and so does the step's");
	}
	routine_free(r);

	r = load("name: W\nsteps:\n  - {type: reps, name: R, reps: 15, progress: true}\n"
		 "  - {type: reps, name: S, reps: 8-12, load_step: 2}\n");
	ok(r != NULL, "progress with one number and no load still loads");
	is_int((long long)d.nwarnings, 2, "two warnings");
	is_str(diag_text(0),
	       "3:47: warning: `progress` needs a range like 8-15 to progress within, or a `load` to add to; with one number and no load it does nothing",
	       "progress with one number and no load: does nothing");
	is_str(diag_text(1), "4:50: warning: `load_step` does nothing without `load`, the load to start from",
	       "load_step without load: does nothing");
	routine_free(r);

	r = load("name: E\nload_step: 0\nsteps:\n  - {type: rate, name: P, measure: pians}\n"
		 "  - {type: reps, name: R, reps: 5, load: 2.5.1, load_step: 0 kg}\n"
		 "  - {type: timer, name: T, duration: 5s, measure: pain}\n");
	ok(r == NULL, "bad measure and loads: refused");
	is_int((long long)d.nerrors, 5, "five errors");
	is_str(diag_text(0), "2:12: `load_step: 0` adds nothing; give the kilograms to add, like 2.5",
	       "load_step: 0 at the top");
	is_str(diag_text(1),
	       "4:36: `measure: pians` is not a measure (did you mean `pain`?); use pain, tightness or stiffness",
	       "a misspelt measure: a suggestion");
	is_str(diag_text(2), "5:42: `load: 2.5.1` is not a load; give kilograms like 0, 10 or 2.5",
	       "a bad load");
	is_str(diag_text(3), "5:60: `load_step: 0 kg` adds nothing; give the kilograms to add, like 2.5",
	       "load_step: 0 kg on a step");
	is_str(diag_text(4), "6:42: `measure` does not apply to a timer step", "measure on a timer");
	routine_free(r);
}

int main(void)
{
	diags_init(&d, "t.yaml");
	test_product_example();
	test_defaults();
	test_spots();
	test_warnings();
	test_block_scalars();
	test_long_values();
	test_errors();
	test_positions();
	test_line_separators();
	test_plan_reps();
	test_plan_others();
	test_measure_and_load();
	diags_free(&d);
	return done_testing();
}
