/* unit_targets.c: today's targets per side and load as the plan takes
 * them (plan.h): each set its side's reps and load, the step's own load
 * where progression gives none, the words that --plan and the summary use
 * for them, and --plan's lines on today's targets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "loader.h"
#include "plan.h"
#include "target.h"
#include "tap.h"
#include "util.h"

static struct routine *load(const char *yaml)
{
	struct diags d;
	diags_init(&d, "t.yaml");
	struct routine *r = routine_load_buffer("t.yaml", yaml, strlen(yaml), &d);
	diags_free(&d);
	if (!r)
		die(99, "the test routine does not load");
	return r;
}

static const char yaml[] =
	"name: Targets\n"
	"steps:\n"
	"  - {type: reps, name: Heel drop, side: both, sets: 2, reps: 8-15, progress: true, tempo: 1-0-1}\n"
	"  - {type: reps, name: Squat, sets: 1, reps: 12, tempo: self}\n"
	"  - {type: reps, name: Bridge, sets: 1, reps: 10}\n";

/* The set segments of step `step`, in order. */
static size_t sets_of(const struct plan *p, size_t step, const struct segment **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n && n < max; i++)
		if (p->v[i].kind == SEG_SET && p->v[i].step == step)
			out[n++] = &p->v[i];
	return n;
}

static void test_build(void)
{
	struct routine *r = load(yaml);
	r->steps[1].load = 7500; /* `load: 7.5`, as the loader will give it */
	struct step_target t[3];
	targets_default(t, r);
	t[0].side[SIDE_LEFT].reps = 10;
	t[0].side[SIDE_RIGHT].reps = 12;
	t[1].side[SIDE_NONE].load = 10000;
	struct plan p;
	plan_build(&p, r, 0, t);
	const struct segment *s[8];
	size_t n = sets_of(&p, 0, s, 8);
	is_int((long long)n, 4, "heel drop: two sets a side");
	ok(n == 4 && s[0]->side == SIDE_LEFT && s[0]->target == 10 && s[0]->duration == 20000,
	   "left: its own target and length");
	ok(n == 4 && s[1]->side == SIDE_RIGHT && s[1]->target == 12 && s[1]->duration == 24000,
	   "right: its own target and length");
	ok(n == 4 && s[2]->target == 10 && s[3]->target == 12, "and in the second set");
	ok(n == 4 && s[0]->load == LOAD_NONE && s[1]->load == LOAD_NONE, "no load: LOAD_NONE");
	n = sets_of(&p, 1, s, 8);
	ok(n == 1 && s[0]->load == 10000 && s[0]->target == 12, "squat: progression's load");
	char d[200];
	if (n == 1) {
		segment_describe(r, s[0], d, sizeof d);
		is_str(d, "set 1 of 1: 12 reps (10 kg), self-paced", "the plan's words carry the load");
	}
	n = sets_of(&p, 2, s, 8);
	ok(n == 1 && s[0]->load == LOAD_NONE, "bridge: no load: none, whatever the targets");
	plan_free(&p);

	/* no targets: the defaults, the step's own load */
	plan_build(&p, r, 0, NULL);
	n = sets_of(&p, 0, s, 8);
	ok(n == 4 && s[0]->target == 8 && s[1]->target == 8, "no targets: the range's bottom, with progress");
	n = sets_of(&p, 1, s, 8);
	ok(n == 1 && s[0]->load == 7500, "no targets: the step's own load");
	plan_free(&p);

	/* a load of 0 is bodyweight */
	t[1].side[SIDE_NONE].load = 0;
	plan_build(&p, r, 0, t);
	n = sets_of(&p, 1, s, 8);
	if (n == 1) {
		segment_describe(r, s[0], d, sizeof d);
		is_str(d, "set 1 of 1: 12 reps (bodyweight), self-paced", "0 kg: bodyweight");
	}
	plan_free(&p);
	routine_free(r);
}

static void test_words(void)
{
	struct routine *r = load(yaml);
	struct step_target t[3];
	targets_default(t, r);
	char w[200];
	targets_words(w, sizeof w, &r->steps[0], &t[0]);
	is_str(w, "8 reps each side", "alike: each side");
	t[0].side[SIDE_LEFT].reps = 10;
	t[0].side[SIDE_RIGHT].reps = 12;
	targets_words(w, sizeof w, &r->steps[0], &t[0]);
	is_str(w, "left 10, right 12 reps", "apart: left and right");
	r->steps[0].load = 5000;
	targets_default(t, r);
	targets_words(w, sizeof w, &r->steps[0], &t[0]);
	is_str(w, "8 reps each side, 5 kg", "with a load");
	t[0].side[SIDE_RIGHT].load = 7500;
	targets_words(w, sizeof w, &r->steps[0], &t[0]);
	is_str(w, "left 8 reps, 5 kg; right 8 reps, 7.5 kg", "loads apart");
	targets_words(w, sizeof w, &r->steps[1], NULL);
	is_str(w, "12 reps", "one side, no targets");
	routine_free(r);
}

/* --plan's lines after the total: today's targets of each step that
 * progresses or has a load, the top of a range, a raised load. */
static void test_print(void)
{
	struct routine *r = load(yaml);
	r->steps[1].load = 7500;
	struct step_target t[3];
	targets_default(t, r);
	t[0].side[SIDE_LEFT].reps = 10;
	t[0].side[SIDE_RIGHT].reps = 15;
	t[0].side[SIDE_RIGHT].at_top = true;
	t[1].side[SIDE_NONE].load = 10000;
	t[1].side[SIDE_NONE].load_before = 7500;
	t[1].side[SIDE_NONE].load_added = true;
	struct plan p;
	plan_build(&p, r, 0, t);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	plan_print(f, r, &p, t);
	fclose(f);
	const char *tail = strstr(buf, "\ntotal ");
	tail = tail ? strchr(tail + 1, '\n') : NULL;
	is_str(tail ? tail + 1 : buf,
	       "Heel drop today: left 10, right 15 reps\n"
	       "Heel drop (right): at the top of its range; consider adding load\n"
	       "Squat today: 12 reps, 10 kg\n"
	       "Squat: load up: 10 kg, was 7.5; the session lets you keep 7.5\n",
	       "after the total: per side, the top, the load raised");
	ok(strstr(buf, "LEFT set 1 of 2: 10 reps at 1-0-1") && strstr(buf, "RIGHT set 1 of 2: 15 reps at 1-0-1"),
	   "the timeline: each side its target");
	ok(strstr(buf, "set 1 of 1: 12 reps (10 kg), self-paced") != NULL, "the timeline: the load");
	free(buf);
	plan_free(&p);
	routine_free(r);
}

int main(void)
{
	test_build();
	test_words();
	test_print();
	return done_testing();
}
