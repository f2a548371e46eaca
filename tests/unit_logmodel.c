/* unit_logmodel.c: the one model of the log (logmodel.h) over hand-written
 * logs through lm_read_lines(): the last line wins for a redone set,
 * rating, spot and ice round (a skip included), concurrent sessions, a
 * reused session id, practice, how sessions end, check-ins, measure= and
 * load=, time order, the highest pain, the day of a stamp, and the time
 * planned and paused and the steps reached (a session's summary's). */
#include "config.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "logmodel.h"
#include "tap.h"
#include "util.h"

/* ---- what the model handed over, kept past the call ---- */

struct got {
	struct lm_session s;     /* its arrays point into the copies below */
	struct lm_set *sets;
	struct lm_rate *rates;
	struct lm_part *parts;
	struct lm_value *values;
	int pain_max;            /* lm_pain_max() during the call */
	int step_last_n;         /* step_last's n, or 0 */
	char **strs;
	size_t nstrs, strs_cap;
};

struct all {
	struct got *v;
	size_t n, cap;
	const char *want_routine; /* want(): only this routine, or NULL */
	int asked;               /* want() calls */
};

static const char *dup(struct got *g, const char *s)
{
	if (!s)
		return NULL;
	g->strs = xgrow(g->strs, &g->strs_cap, g->nstrs + 1, sizeof *g->strs);
	return g->strs[g->nstrs++] = xstrdup(s);
}

static void *copy(const void *p, size_t n, size_t size)
{
	void *q = xcalloc(n ? n : 1, size);
	if (n)
		memcpy(q, p, n * size);
	return q;
}

static void collect(void *ctx, const struct lm_session *s)
{
	struct all *a = ctx;
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof *a->v);
	struct got *g = &a->v[a->n++];
	memset(g, 0, sizeof *g);
	g->s = *s;
	g->pain_max = lm_pain_max(s);
	g->step_last_n = s->step_last ? s->step_last->n : 0;
	g->s.steps = NULL; /* not kept */
	g->s.step_last = NULL;
	g->s.routine = dup(g, s->routine);
	g->s.id = dup(g, s->id);
	g->s.file = dup(g, s->file);
	g->s.resumes = dup(g, s->resumes);
	g->s.sets = g->sets = copy(s->sets, s->nsets, sizeof *s->sets);
	for (size_t i = 0; i < s->nsets; i++)
		g->sets[i].name = dup(g, s->sets[i].name);
	g->s.rates = g->rates = copy(s->rates, s->nrates, sizeof *s->rates);
	for (size_t i = 0; i < s->nrates; i++)
		g->rates[i].name = dup(g, s->rates[i].name);
	g->s.parts = g->parts = copy(s->parts, s->nparts, sizeof *s->parts);
	for (size_t i = 0; i < s->nparts; i++) {
		g->parts[i].name = dup(g, s->parts[i].name);
		g->parts[i].spot = dup(g, s->parts[i].spot);
	}
	g->s.values = g->values = copy(s->values, s->nvalues, sizeof *s->values);
	for (size_t i = 0; i < s->nvalues; i++)
		g->values[i].name = dup(g, s->values[i].name);
}

static bool want(void *ctx, const struct lm_session *head)
{
	struct all *a = ctx;
	a->asked++;
	/* the head alone: nothing gathered yet */
	if (head->nsets || head->nrates || head->nparts)
		return false;
	return !a->want_routine || lm_of_routine(head, a->want_routine, NULL);
}

static void all_free(struct all *a)
{
	for (size_t i = 0; i < a->n; i++) {
		struct got *g = &a->v[i];
		for (size_t k = 0; k < g->nstrs; k++)
			free(g->strs[k]);
		free(g->strs);
		free(g->sets);
		free(g->rates);
		free(g->parts);
		free(g->values);
	}
	free(a->v);
	memset(a, 0, sizeof *a);
}

#define NLINES(v) (sizeof (v) / sizeof *(v))

static struct lm_reader read_lines(struct all *a, const char *const *lines, size_t n)
{
	struct lm_reader r = {.path = "test.log", .session = collect, .ctx = a};
	if (a->want_routine)
		r.want = want;
	lm_read_lines(&r, lines, n);
	return r;
}

static const struct got *by_sid(const struct all *a, const char *sid)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].s.sid, sid))
			return &a->v[i];
	return NULL;
}

/* ---- last line wins ---- */

static void test_redone(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 a1 start routine=Calves id=calves format=1",
		/* set 1 left, done again after `b` with more reps */
		"2026-11-20T07:00:10.000+00:00 a1 set n=2 name=Drive side=left set=1 sets=2 target=10 reps=7 min=8 max=15 elapsed=20",
		"2026-11-20T07:00:40.000+00:00 a1 set n=2 name=Drive side=left set=1 sets=2 target=10 reps=10 min=8 max=15 elapsed=22",
		/* set 2 left done, then done again and skipped at "how many?" */
		"2026-11-20T07:01:00.000+00:00 a1 set n=2 name=Drive side=left set=2 sets=2 target=10 reps=10 min=8 max=15 elapsed=22",
		"2026-11-20T07:01:30.000+00:00 a1 skip n=2 type=reps name=Drive what=set set=2 sets=2 reps=3 side=left elapsed=5",
		/* set 1 right skipped, then done after all */
		"2026-11-20T07:02:00.000+00:00 a1 skip n=2 type=reps name=Drive what=set set=1 sets=2 reps=0 side=right elapsed=1",
		"2026-11-20T07:02:30.000+00:00 a1 set n=2 name=Drive side=right set=1 sets=2 target=10 reps=9 min=8 max=15 elapsed=21",
		/* a rating changed; another rated and then skipped */
		"2026-11-20T07:03:00.000+00:00 a1 rate n=3 name=\"Calf pain after\" measure=pain value=3",
		"2026-11-20T07:03:10.000+00:00 a1 rate n=3 name=\"Calf pain after\" measure=pain value=5",
		"2026-11-20T07:03:20.000+00:00 a1 rate n=4 name=Tightness measure=tightness value=4",
		"2026-11-20T07:03:30.000+00:00 a1 skip n=4 type=rate name=Tightness what=rate elapsed=1",
		/* a spot done twice, another cut short; an ice round redone
		 * and a second one skipped */
		"2026-11-20T07:04:00.000+00:00 a1 spot n=5 name=Massage spot=\"Inner soleus\" side=left planned=90 elapsed=40",
		"2026-11-20T07:05:30.000+00:00 a1 spot n=5 name=Massage spot=\"Inner soleus\" side=left planned=90 elapsed=90",
		"2026-11-20T07:06:00.000+00:00 a1 spot n=5 name=Massage spot=\"Inner soleus\" side=right planned=90 elapsed=90",
		"2026-11-20T07:06:10.000+00:00 a1 skip n=5 type=massage name=Massage what=spot spot=\"Inner soleus\" side=right planned=90 elapsed=10",
		"2026-11-20T07:10:00.000+00:00 a1 ice n=6 name=Ice side=both round=1 rounds=2 planned=300 elapsed=100",
		"2026-11-20T07:15:00.000+00:00 a1 ice n=6 name=Ice side=both round=1 rounds=2 planned=300 elapsed=300",
		"2026-11-20T07:16:00.000+00:00 a1 skip n=6 type=ice name=Ice what=round round=2 rounds=2 planned=300 elapsed=60",
		/* two lines without a set number: each a set of its own */
		"2026-11-20T07:17:00.000+00:00 a1 set n=7 name=Hop side=none target=5 reps=5 elapsed=9",
		"2026-11-20T07:17:30.000+00:00 a1 set n=7 name=Hop side=none target=5 reps=4 elapsed=9",
		"2026-11-20T07:20:00.000+00:00 a1 end status=complete elapsed=1200",
	};
	struct all a = {0};
	struct lm_reader r = read_lines(&a, log, NLINES(log));
	is_int((long long)a.n, 1, "redone: one session");
	is_int(r.lines, (long long)NLINES(log), "every line counted");
	is_int(r.corrupt, 0, "none corrupt");
	const struct lm_session *s = &a.v[0].s;
	is_int(s->status, HISTORY_COMPLETE, "complete");
	is_int(s->elapsed, 1200000, "the end line's elapsed, in ms");
	is_int((long long)s->nsets, 5, "three sets of Drive and two of Hop, each once");
	if (s->nsets == 5) {
		is_int(s->sets[0].reps, 10, "set 1 left: the redone line's reps");
		is_int(s->sets[0].elapsed, 22000, "and its elapsed");
		ok(!s->sets[0].skipped, "set 1 left done");
		is_int(s->sets[0].set, 1, "set 1 first, where first logged");
		ok(s->sets[1].skipped, "set 2 left: done, then skipped: the skip stands");
		is_int(s->sets[1].reps, 3, "counted before the skip");
		ok(!s->sets[2].skipped && s->sets[2].reps == 9,
		   "set 1 right: skipped, then done: the set stands");
		is_int(s->sets[2].side, SIDE_RIGHT, "on the right");
		is_int(s->sets[0].min, 8, "its range's minimum");
		is_int(s->sets[0].max, 15, "and maximum");
		ok(s->sets[3].reps == 5 && s->sets[4].reps == 4, "no set number: two sets");
	}
	is_int((long long)s->nrates, 2, "two ratings");
	if (s->nrates == 2) {
		is_int(s->rates[0].value, 5, "a rating changed: the later value");
		is_int(s->rates[0].measure, MEASURE_PAIN, "measure=pain read");
		is_int(s->rates[1].value, -1, "rated, then skipped: unrated");
		is_int(s->rates[1].measure, MEASURE_TIGHTNESS, "the skip keeps the step's measure");
	}
	is_int((long long)s->nparts, 4, "two spots and two ice rounds, each once");
	if (s->nparts == 4) {
		ok(!s->parts[0].skipped && s->parts[0].elapsed == 90000,
		   "spot done twice: the second's elapsed");
		is_str(s->parts[0].spot, "Inner soleus", "the spot's name");
		ok(s->parts[1].skipped && s->parts[1].side == SIDE_RIGHT,
		   "the right spot done then cut short: skipped");
		ok(!s->parts[2].spot && s->parts[2].round == 1 && s->parts[2].elapsed == 300000 &&
		   !s->parts[2].skipped, "ice round 1 redone: the last line");
		ok(s->parts[2].side == SIDE_BOTH, "side=both kept: an ice pack on each calf");
		ok(s->parts[3].skipped && s->parts[3].round == 2 && s->parts[3].rounds == 2,
		   "ice round 2 skipped");
	}
	is_int(a.v[0].pain_max, 5, "the highest pain: the changed rating's");
	all_free(&a);
}

/* ---- sessions: interleaved, reused ids, practice, how they end ---- */

static void test_sessions(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 b1 start routine=\"Alfredson heel drops\" id=alfredson file=\"/r/alfredson.yaml\" format=1",
		"2026-11-20T07:00:05.000+00:00 c1 start routine=Calves id=calves format=1 speed=20",
		"2026-11-20T07:00:10.000+00:00 b1 set n=1 name=Drop side=left set=1 sets=1 target=15 reps=15",
		"2026-11-20T07:00:11.000+00:00 c1 set n=1 name=Drop side=left set=1 sets=1 target=9 reps=2",
		"2026-11-20T07:00:12.000+00:00 c1 end status=quit elapsed=7",
		"2026-11-20T07:00:20.000+00:00 b1 set n=1 name=Drop side=right set=1 sets=1 target=15 reps=14",
		"2026-11-20T07:00:30.000+00:00 b1 end status=complete elapsed=30",
		/* an id used again: the first is left unfinished */
		"2026-11-21T07:00:00.000+00:00 d1 start routine=Calves id=calves format=1",
		"2026-11-21T07:00:10.000+00:00 d1 set n=1 name=Drop side=left set=1 sets=1 target=9 reps=9",
		"2026-11-21T08:00:00.000+00:00 d1 start routine=Calves id=calves format=1",
		"2026-11-21T08:00:10.000+00:00 d1 set n=1 name=Drop side=left set=1 sets=1 target=9 reps=6",
		"2026-11-21T08:00:20.000+00:00 d1 end status=aborted signal=15 elapsed=20",
		"2026-11-22T07:00:00.000+00:00 e1 start routine=Calves format=1",
		"2026-11-22T07:00:10.000+00:00 e1 end status=exploded elapsed=10",
		/* lines of sessions never started, or ended, go nowhere */
		"2026-11-22T07:00:20.000+00:00 zz set n=1 name=Drop side=left set=1 sets=1 target=9 reps=6",
		"2026-11-22T07:00:30.000+00:00 e1 set n=1 name=Drop side=left set=1 sets=1 target=9 reps=6",
		"2026-11-23T07:00:00.000+00:00 f1 start routine=Calves id=calves format=1",
		"2026-11-23T07:00:10.000+00:00 f1 set n=1 name=Drop side=left set=1 sets=1 target=9 reps=9",
	};
	struct all a = {0};
	struct lm_reader r = read_lines(&a, log, NLINES(log));
	is_int((long long)a.n, 6, "six sessions handed over");
	is_int((long long)r.started, 6, "six start lines");
	/* in the order they finish; one not complete is held for a resume
	 * that might follow, and handed over at the end of the log */
	ok(a.n == 6 && !strcmp(a.v[0].s.sid, "b1") && !strcmp(a.v[1].s.sid, "c1"),
	   "interleaved: b1 handed over as it ends, c1 (quit) held to the end");
	const struct got *b = by_sid(&a, "b1"), *c = by_sid(&a, "c1");
	ok(b && b->s.nsets == 2 && b->s.sets[0].reps == 15 && b->s.sets[1].reps == 14,
	   "interleaved: b1 has its own two sets");
	ok(c && c->s.nsets == 1 && c->s.sets[0].reps == 2, "and c1 its one");
	if (b) {
		is_str(b->s.routine, "Alfredson heel drops", "routine= read");
		is_str(b->s.id, "alfredson", "id= read");
		is_str(b->s.file, "/r/alfredson.yaml", "file= read");
		ok(!b->s.practice && b->s.speed == 1, "not practice");
		is_int(b->s.status, HISTORY_COMPLETE, "b1 complete");
		ok(lm_of_routine(&b->s, NULL, "alfredson"), "of its routine by id");
		ok(lm_of_routine(&b->s, "Alfredson heel drops", NULL), "and by title");
		ok(!lm_of_routine(&b->s, "Calves", "calves"), "not of another");
	}
	if (c) {
		ok(c->s.practice && c->s.speed == 20, "speed=20: practice, at 20");
		is_int(c->s.status, HISTORY_QUIT, "c1 quit");
	}
	/* d1 twice */
	ok(a.n >= 4 && !strcmp(a.v[2].s.sid, "d1") && a.v[2].s.status == HISTORY_UNFINISHED &&
	   a.v[2].s.nsets == 1 && a.v[2].s.sets[0].reps == 9,
	   "a start with a reused id: the first session unfinished, with its own set");
	ok(a.n >= 4 && !strcmp(a.v[3].s.sid, "d1") && a.v[3].s.status == HISTORY_ABORTED &&
	   a.v[3].s.nsets == 1 && a.v[3].s.sets[0].reps == 6,
	   "and the second aborted, with its own");
	ok(a.n >= 4 && a.v[2].s.index < a.v[3].s.index, "in file order of their starts");
	const struct got *e = by_sid(&a, "e1");
	ok(e && e->s.status == HISTORY_OTHER, "a status this version does not know: other");
	ok(e && e->s.nsets == 0, "a line after the end goes nowhere");
	ok(e && e->s.id == NULL && e->s.file == NULL, "no id=, no file=: NULL");
	const struct got *f = by_sid(&a, "f1");
	ok(f && f->s.status == HISTORY_UNFINISHED && f->s.elapsed == -1 && f->s.nsets == 1,
	   "no end line: unfinished, with what it logged, no elapsed");
	all_free(&a);

	/* want(): from the head alone; not wanted costs nothing more */
	a.want_routine = "Calves";
	read_lines(&a, log, NLINES(log));
	is_int(a.asked, 6, "want() asked once per start");
	is_int((long long)a.n, 5, "only Calves's sessions handed over");
	ok(!by_sid(&a, "b1"), "not Alfredson's");
	all_free(&a);
}

/* ---- check-ins ---- */

static void test_checkins(void)
{
	static const char *const log[] = {
		"2026-11-21T07:00:00.000+01:00 k1 checkin pain=2 stiffness=4 elapsed=6.2",
		/* junk values are no values: out of range, not whole, empty */
		"2026-11-22T07:00:00.000+01:00 k2 checkin pain=11 stiffness=x mood=-1 sleep=2.5 tired= swelling=10 elapsed=3",
		/* a session between them, and one check-in during it */
		"2026-11-22T18:00:00.000+01:00 s1 start routine=Calves format=1",
		"2026-11-22T18:00:01.000+01:00 k3 checkin pain=0 elapsed=1",
		"2026-11-22T18:00:02.000+01:00 s1 rate n=1 name=\"Calf pain\" measure=pain value=6",
		"2026-11-22T18:00:03.000+01:00 s1 end status=complete elapsed=3",
	};
	struct all a = {0};
	a.want_routine = "Nothing at all"; /* check-ins are handed over anyway */
	struct lm_reader r = read_lines(&a, log, NLINES(log));
	is_int((long long)a.n, 3, "three check-ins handed over, the session not wanted");
	is_int((long long)r.started, 1, "check-ins are no start lines");
	const struct got *k1 = by_sid(&a, "k1"), *k2 = by_sid(&a, "k2"), *k3 = by_sid(&a, "k3");
	ok(k1 && k1->s.kind == LM_CHECKIN, "a checkin line: a check-in");
	if (k1) {
		is_int((long long)k1->s.nvalues, 2, "two values");
		is_int(lm_value_of(&k1->s, "pain"), 2, "pain 2");
		is_int(lm_value_of(&k1->s, "stiffness"), 4, "stiffness 4");
		is_int(lm_value_of(&k1->s, "elapsed"), -1, "elapsed is no value");
		is_int(lm_value_of(&k1->s, "mood"), -1, "an item not answered: -1");
		is_int(k1->s.took, 6200, "elapsed= as the time it took, in ms");
		is_str(k1->s.routine, "", "no routine");
		ok(!lm_of_routine(&k1->s, "", NULL), "of no routine");
		is_int(k1->s.status, HISTORY_COMPLETE, "complete on its one line");
		is_int(k1->pain_max, -1, "no pain rating: lm_pain_max -1");
	}
	if (k2) {
		is_int((long long)k2->s.nvalues, 1, "junk values ignored, 10 kept");
		is_int(lm_value_of(&k2->s, "swelling"), 10, "swelling 10");
		is_int(lm_value_of(&k2->s, "pain"), -1, "pain=11 is no value");
		is_int(lm_value_of(&k2->s, "stiffness"), -1, "stiffness=x is no value");
		is_int(lm_value_of(&k2->s, "sleep"), -1, "2.5 is no value");
	}
	ok(k3 && a.n == 3 && &a.v[2] == k3, "in line order");
	all_free(&a);
	read_lines(&a, log, NLINES(log));
	ok(a.n == 4 && !strcmp(a.v[2].s.sid, "k3") && !strcmp(a.v[3].s.sid, "s1"),
	   "a check-in mid-session handed over at once, before the session ends");
	ok(a.n == 4 && a.v[3].pain_max == 6, "and the session's pain its own");
	all_free(&a);
}

/* ---- fields: measure=, load= ---- */

static void test_fields(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 m1 start routine=Calves format=1",
		"2026-11-20T07:00:01.000+00:00 m1 rate n=1 name=\"Calf pain before\" measure=pain value=3",
		"2026-11-20T07:00:02.000+00:00 m1 rate n=2 name=Stiff measure=stiffness value=7",
		"2026-11-20T07:00:03.000+00:00 m1 rate n=3 name=\"Old style\" value=8",
		"2026-11-20T07:00:04.000+00:00 m1 rate n=4 name=Future measure=mood value=9",
		"2026-11-20T07:00:05.000+00:00 m1 rate n=5 name=\"Calf pain after\" measure=pain value=6",
		"2026-11-20T07:00:06.000+00:00 m1 rate n=6 name=Wild measure=pain value=42",
		"2026-11-20T07:00:10.000+00:00 m1 set n=7 name=Drop side=left set=1 sets=3 target=15 reps=15 load=12.5 elapsed=27",
		"2026-11-20T07:00:11.000+00:00 m1 set n=7 name=Drop side=left set=2 sets=3 target=15 reps=15 load=0 elapsed=27",
		"2026-11-20T07:00:12.000+00:00 m1 set n=7 name=Drop side=left set=3 sets=3 target=15 reps=15 load=heavy elapsed=27",
		"2026-11-20T07:00:13.000+00:00 m1 set n=8 name=Raise side=right set=1 sets=1 target=15 reps=15 elapsed=27",
		"2026-11-20T07:00:14.000+00:00 m1 set n=9 name=Carry side=none set=1 sets=1 target=1 reps=1 load=\"2.25 kg\" elapsed=27",
		"2026-11-20T07:00:20.000+00:00 m1 end status=complete elapsed=20",
	};
	struct all a = {0};
	read_lines(&a, log, NLINES(log));
	ok(a.n == 1 && a.v[0].s.nrates == 6 && a.v[0].s.nsets == 5, "read whole");
	if (a.n != 1 || a.v[0].s.nrates != 6 || a.v[0].s.nsets != 5) {
		all_free(&a);
		return;
	}
	const struct lm_session *s = &a.v[0].s;
	is_int(s->rates[0].measure, MEASURE_PAIN, "measure=pain");
	is_int(s->rates[1].measure, MEASURE_STIFFNESS, "measure=stiffness");
	is_int(s->rates[2].measure, MEASURE_NONE, "an old line without measure=: none");
	is_int(s->rates[2].value, 8, "and its value read");
	is_int(s->rates[3].measure, MEASURE_NONE, "a measure this version does not know: none");
	is_int(s->rates[5].value, -1, "a value out of 0-10: none");
	is_int(a.v[0].pain_max, 6, "lm_pain_max: the highest pain, not the stiffness 7 or the 8");
	is_int(s->sets[0].load, 12500, "load=12.5: 12500 g");
	is_int(s->sets[1].load, 0, "load=0: 0 g, a load");
	is_int(s->sets[2].load, LOAD_NONE, "load=heavy: none");
	is_int(s->sets[3].load, LOAD_NONE, "no load=: none");
	is_int(s->sets[4].load, 2250, "load=\"2.25 kg\": 2250 g");
	all_free(&a);
}

/* ---- time order and days ---- */

static bool got_before(const struct got *x, const struct got *y)
{
	return lm_before(&x->s, &y->s);
}

static void test_order(void)
{
	/* a log merged from two machines: newer sessions first */
	static const char *const log[] = {
		"2026-11-22T09:00:00.000+02:00 n1 start routine=A format=1",   /* 07:00Z */
		"2026-11-22T09:00:01.000+02:00 n1 end status=complete elapsed=1",
		"2026-11-22T06:30:00.000+00:00 n2 start routine=A format=1",   /* 06:30Z */
		"2026-11-22T06:30:01.000+00:00 n2 end status=complete elapsed=1",
		"2026-11-22T07:00:00.500+00:00 n3 start routine=A format=1",   /* 07:00:00.5Z */
		"2026-11-22T07:00:01.000+00:00 n3 end status=complete elapsed=1",
		"2026-11-22T07:00:00.000+00:00 n4 start routine=A format=1",   /* 07:00Z, after n1 in the file */
		"2026-11-22T07:00:01.000+00:00 n4 end status=complete elapsed=1",
		"2026-11-21T23:30:00.000-02:00 n5 start routine=A format=1",   /* 01:30Z on the 22nd */
		"2026-11-21T23:30:01.000-02:00 n5 end status=complete elapsed=1",
	};
	struct all a = {0};
	read_lines(&a, log, NLINES(log));
	if (a.n != 5) {
		ok(0, "five sessions");
		all_free(&a);
		return;
	}
	/* insertion sort by lm_before */
	const struct got *v[5];
	for (size_t i = 0; i < 5; i++) {
		size_t j = i;
		for (; j > 0 && got_before(&a.v[i], v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = &a.v[i];
	}
	char order[16] = "";
	for (size_t i = 0; i < 5; i++)
		strcat(order, v[i]->s.sid + 1);
	is_str(order, "52143", "by the time stamped, offsets applied; ties by file order");
	ok(!lm_before(&a.v[0].s, &a.v[0].s), "not before itself");
	ok(lm_before(&a.v[0].s, &a.v[3].s) && !lm_before(&a.v[3].s, &a.v[0].s),
	   "the same instant: the first in the file first");
	/* the day as written, with its own offset */
	const struct got *n5 = by_sid(&a, "n5"), *n1 = by_sid(&a, "n1");
	is_int(n5 ? n5->s.day : 0, 20778, "23:30 at -02:00 on the 21st: the 21st, not the 22nd in UTC");
	is_int(n1 ? n1->s.day : 0, 20779, "09:00 at +02:00 on the 22nd: the 22nd");
	is_int(n5 ? (long long)n5->s.when : 0, 1795311000, "and its instant with the offset applied");
	is_str(n5 ? n5->s.stamp : "", "2026-11-21T23:30:00.000-02:00", "the stamp as written");
	is_int(lm_stamp_day("1970-01-01T00:00:00.000+00:00"), 0, "1970-01-01: day 0");
	is_int(lm_stamp_day("2024-02-29T12:00:00.000+00:00"), 19782, "a leap day");
	all_free(&a);
}

/* ---- size ---- */

/* A long session, each of its sets done twice: each set once, the later
 * line standing (and quickly: a search through all of them each line was
 * quadratic). */
static void test_long_session(void)
{
	enum { N = 20000 };
	char **lines = xcalloc(2 * N + 2, sizeof *lines);
	size_t n = 0;
	lines[n++] = xstrdup("2026-11-20T07:00:00.000+00:00 L1 start routine=Long format=1");
	for (int i = 0; i < N; i++)
		for (int k = 0; k < 2; k++)
			lines[n++] = xasprintf("2026-11-20T07:00:01.000+00:00 L1 set n=%d name=\"E%d\" "
					       "side=left set=%d sets=9 target=8 reps=%d",
					       i % 50 + 1, i % 50, i / 50 + 1, 5 + k);
	lines[n++] = xstrdup("2026-11-20T08:00:00.000+00:00 L1 end status=complete elapsed=3600");
	struct all a = {0};
	read_lines(&a, (const char *const *)lines, n);
	bool each = a.n == 1 && a.v[0].s.nsets == N;
	for (size_t i = 0; each && i < a.v[0].s.nsets; i++)
		each = a.v[0].s.sets[i].reps == 6;
	ok(each, "20000 sets, each done twice: 20000 sets, each the later line's");
	all_free(&a);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void test_corrupt(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 q1 start routine=A format=1",
		"not a log line",
		"",
		"2026-11-20T07:00:01.000+00:00 q1 rate n=1 name=\"unterminated value=3",
		"2026-11-20T07:00:02.000+00:00 q1 rate n=1 name=R measure=pain value=2\n",
		"2026-11-20T07:00:03.000+00:00 q1 end status=complete elapsed=3",
	};
	struct all a = {0};
	struct lm_reader r = read_lines(&a, log, NLINES(log));
	is_int(r.corrupt, 2, "two corrupt lines skipped, the blank one quietly");
	ok(a.n == 1 && a.v[0].s.nrates == 1 && a.v[0].s.rates[0].value == 2,
	   "the session whole around them, a line with its newline read too");
	all_free(&a);
}

/* ---- what a session's summary asks: the time planned and paused, the
 * steps reached ---- */

struct reached {
	long long planned, paused;
	size_t nsteps;
	char names[4][32];
	int ns[4];
	int last;           /* the last step line's n, 0 for none */
};

static void note_reached(void *ctx, const struct lm_session *s)
{
	struct reached *x = ctx;
	x->planned = s->planned;
	x->paused = s->paused;
	x->nsteps = s->nsteps;
	for (size_t i = 0; i < s->nsteps && i < 4; i++) {
		snprintf(x->names[i], sizeof x->names[i], "%s", s->steps[i].name);
		x->ns[i] = s->steps[i].n;
	}
	x->last = s->step_last ? s->step_last->n : 0;
}

static void test_reached(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 s1 start routine=A planned=1450 steps=3 format=1",
		"2026-11-20T07:00:01.000+00:00 s1 step n=1 type=rate name=\"Pain before\"",
		"2026-11-20T07:00:02.000+00:00 s1 rate n=1 name=\"Pain before\" value=2",
		"2026-11-20T07:00:03.000+00:00 s1 step n=2 type=reps name=Drop",
		"2026-11-20T07:00:04.000+00:00 s1 pause n=2 name=Drop",
		"2026-11-20T07:00:05.000+00:00 s1 resume n=2 name=Drop paused=65.5",
		"2026-11-20T07:00:06.000+00:00 s1 step n=3 type=rate name=\"Pain after\"",
		/* b: back into the drops, and quit there */
		"2026-11-20T07:00:07.000+00:00 s1 step n=2 type=reps name=Drop",
		"2026-11-20T07:00:08.000+00:00 s1 pause n=2 name=Drop",
		"2026-11-20T07:00:09.000+00:00 s1 resume n=2 name=Drop paused=0.25",
		"2026-11-20T07:00:10.000+00:00 s1 end status=quit elapsed=130.9",
	};
	struct reached x;
	memset(&x, 0, sizeof x);
	struct lm_reader r = {.path = "test.log", .steps = true, .session = note_reached, .ctx = &x};
	lm_read_lines(&r, log, NLINES(log));
	is_int(x.planned, 1450000, "planned=1450: the start line's, in ms");
	is_int(x.paused, 65750, "paused: the resume lines' added up");
	is_int((long long)x.nsteps, 3, "three steps reached, the one entered again once");
	ok(x.nsteps == 3 && x.ns[0] == 1 && x.ns[1] == 2 && x.ns[2] == 3 &&
	   !strcmp(x.names[2], "Pain after"), "in the order first reached, with their names");
	is_int(x.last, 2, "the last step line's: the drops, gone back to");

	/* readers of a whole log do not ask: no steps gathered */
	memset(&x, 0, sizeof x);
	r = (struct lm_reader){.path = "test.log", .session = note_reached, .ctx = &x};
	lm_read_lines(&r, log, NLINES(log));
	ok(x.nsteps == 0 && x.last == 0, "without .steps: none");
	is_int(x.paused, 65750, "the pauses all the same");
}

/* ---- a session resumed under a new id: one session ---- */

static int nlines_seen;
static void count_line(void *ctx, const struct lm_session *s, const char *line, size_t len)
{
	(void)ctx;
	/* the pair's lines, as written, without their newlines */
	if (!strcmp(s->sid, "a1") && len && line[len - 1] != '\n')
		nlines_seen++;
}

static void test_resumed(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 a1 start routine=Calves id=calves planned=600 format=1",
		"2026-11-20T07:00:01.000+00:00 a1 step n=1 type=reps name=Drop",
		"2026-11-20T07:00:10.000+00:00 a1 set n=1 name=Drop side=left set=1 sets=2 target=10 reps=10 elapsed=9",
		"2026-11-20T07:00:20.000+00:00 a1 set n=1 name=Drop side=left set=2 sets=2 target=10 reps=5 elapsed=9",
		"2026-11-20T07:00:21.000+00:00 a1 pause n=1 name=Drop",
		"2026-11-20T07:00:31.000+00:00 a1 resume n=1 name=Drop paused=10",
		"2026-11-20T07:01:00.000+00:00 a1 end status=quit elapsed=60",
		/* another session between: its own */
		"2026-11-20T08:00:00.000+00:00 o1 start routine=Other format=1",
		"2026-11-20T08:00:10.000+00:00 o1 end status=complete elapsed=10",
		"2026-11-20T09:00:00.000+00:00 a2 start routine=Calves id=calves planned=600 format=1 resumes=a1",
		"2026-11-20T09:00:01.000+00:00 a2 step n=1 type=reps name=Drop",
		"2026-11-20T09:00:10.000+00:00 a2 set n=1 name=Drop side=left set=2 sets=2 target=10 reps=12 elapsed=9",
		"2026-11-20T09:00:11.000+00:00 a2 step n=2 type=rate name=After",
		"2026-11-20T09:00:12.000+00:00 a2 rate n=2 name=After measure=pain value=3",
		"2026-11-20T09:00:13.000+00:00 a2 pause n=2 name=After",
		"2026-11-20T09:00:18.000+00:00 a2 resume n=2 name=After paused=5",
		"2026-11-20T09:00:40.000+00:00 a2 end status=complete elapsed=40",
		/* killed (no end), then resumed and quit */
		"2026-11-21T07:00:00.000+00:00 k1 start routine=Calves id=calves format=1",
		"2026-11-21T07:00:10.000+00:00 k1 set n=1 name=Drop side=left set=1 sets=2 target=10 reps=10 elapsed=9",
		"2026-11-21T07:30:00.000+00:00 k2 start routine=Calves id=calves format=1 resumes=k1",
		"2026-11-21T07:30:10.000+00:00 k2 set n=1 name=Drop side=left set=2 sets=2 target=10 reps=10 elapsed=9",
		"2026-11-21T07:30:20.000+00:00 k2 end status=quit elapsed=20",
		/* a line of the first part after its resume (it still ran)
		 * reaches the pair */
		"2026-11-21T07:30:21.000+00:00 k1 set n=1 name=Drop side=right set=1 sets=2 target=10 reps=1 elapsed=9",
		/* a resume of a resume */
		"2026-11-22T07:00:00.000+00:00 r1 start routine=Calves id=calves format=1",
		"2026-11-22T07:00:10.000+00:00 r1 set n=1 name=Drop side=left set=1 sets=2 target=10 reps=10 elapsed=9",
		"2026-11-22T07:00:20.000+00:00 r1 end status=quit elapsed=20",
		"2026-11-22T08:00:00.000+00:00 r2 start routine=Calves id=calves format=1 resumes=r1",
		"2026-11-22T08:00:10.000+00:00 r2 set n=1 name=Drop side=left set=2 sets=2 target=10 reps=10 elapsed=9",
		"2026-11-22T08:00:20.000+00:00 r2 end status=aborted signal=HUP elapsed=15",
		"2026-11-22T09:00:00.000+00:00 r3 start routine=Calves id=calves format=1 resumes=r2",
		"2026-11-22T09:00:10.000+00:00 r3 set n=1 name=Drop side=right set=1 sets=2 target=10 reps=10 elapsed=9",
		"2026-11-22T09:00:20.000+00:00 r3 end status=complete elapsed=5",
		/* resumes= naming no session held: unknown, or complete */
		"2026-11-23T07:00:00.000+00:00 u1 start routine=Calves id=calves format=1 resumes=zz",
		"2026-11-23T07:00:10.000+00:00 u1 end status=complete elapsed=10",
		"2026-11-23T08:00:00.000+00:00 u2 start routine=Calves id=calves format=1 resumes=u1",
		"2026-11-23T08:00:10.000+00:00 u2 end status=complete elapsed=10",
	};
	struct all a = {0};
	struct lm_reader r = {.path = "test.log", .session = collect, .ctx = &a, .steps = true,
			      .line = count_line};
	lm_read_lines(&r, log, NLINES(log));
	is_int((long long)r.started, 10, "ten start lines");
	is_int((long long)a.n, 6, "the pair, the killed pair, the three parts: one session each");
	const struct got *p = by_sid(&a, "a1");
	ok(!by_sid(&a, "a2") && !by_sid(&a, "k2") && !by_sid(&a, "r2") && !by_sid(&a, "r3"),
	   "no resuming part handed over on its own");
	ok(p && p->s.resumed == 1 && !strcmp(p->s.sid_last, "a2"),
	   "the pair: the first part's id, one part joined, the last part's id");
	ok(p && p->s.nsets == 2 && p->s.sets[0].reps == 10 && p->s.sets[1].reps == 12,
	   "the sets of both, the set done again in the second part its last line");
	ok(p && p->s.nrates == 1 && p->s.rates[0].value == 3, "and the second part's rating");
	ok(p && p->s.status == HISTORY_COMPLETE, "status: the last part's");
	ok(p && p->s.elapsed == 100000, "elapsed: the parts' added, 60 + 40 s");
	ok(p && p->s.paused == 15000, "paused: both parts' pauses");
	ok(p && p->s.planned == 600000 && !strcmp(p->s.stamp, "2026-11-20T07:00:00.000+00:00"),
	   "planned and start: the first part's");
	ok(p && p->s.nsteps == 2 && p->step_last_n == 2,
	   "the steps reached in both, the last in the second");
	ok(p && !p->s.resumes, "its first part resumed nothing");
	ok(a.n == 6 && !strcmp(a.v[0].s.sid, "o1") && !strcmp(a.v[1].s.sid, "a1"),
	   "handed over at the end of its last part, after the session between");
	is_int(nlines_seen, 15, "line(): every line of both parts, the other session's not");
	const struct got *k = by_sid(&a, "k1");
	ok(k && k->s.resumed == 1 && k->s.status == HISTORY_QUIT && k->s.elapsed == 20000,
	   "killed, then resumed: one session, quit, the killed part adding no elapsed");
	ok(k && k->s.nsets == 3, "a line of the first part after the resume reaches the pair");
	const struct got *t = by_sid(&a, "r1");
	ok(t && t->s.resumed == 2 && !strcmp(t->s.sid_last, "r3") && t->s.nsets == 3,
	   "a resume of a resume: three parts, one session, every set");
	ok(t && t->s.status == HISTORY_COMPLETE && t->s.elapsed == 40000,
	   "complete at the third, the elapsed of all three");
	const struct got *u = by_sid(&a, "u1");
	ok(u && u->s.resumes && !strcmp(u->s.resumes, "zz") && u->s.resumed == 0 &&
	   u->s.status == HISTORY_COMPLETE, "resumes= an unknown id: a session of its own, said");
	u = by_sid(&a, "u2");
	ok(u && u->s.resumes && !strcmp(u->s.resumes, "u1") && u->s.resumed == 0,
	   "resumes= a complete session: a session of its own");
	all_free(&a);

	/* want() is asked at the first part's start, not again */
	a.want_routine = "Calves";
	read_lines(&a, log, NLINES(log));
	is_int(a.asked, 6, "want() asked for each start but the joined ones");
	is_int((long long)a.n, 5, "Calves: the pairs once each");
	all_free(&a);

	/* the held are bounded: one more hands the oldest over */
	const char **big = xcalloc(2 * (LM_HELD_MAX + 1) + 2, sizeof *big);
	char **own = xcalloc(2 * (LM_HELD_MAX + 1) + 2, sizeof *own);
	size_t n = 0;
	for (int i = 0; i <= LM_HELD_MAX; i++) {
		own[n] = xasprintf("2026-11-24T07:%02d:00.000+00:00 h%d start routine=Calves format=1", i, i);
		big[n] = own[n], n++;
		own[n] = xasprintf("2026-11-24T07:%02d:30.000+00:00 h%d end status=quit elapsed=30", i, i);
		big[n] = own[n], n++;
	}
	own[n] = xstrdup("2026-11-24T08:00:00.000+00:00 h99 start routine=Calves format=1 resumes=h0");
	big[n] = own[n], n++;
	own[n] = xstrdup("2026-11-24T08:00:00.000+00:00 h98 start routine=Calves format=1 resumes=h1");
	big[n] = own[n], n++;
	read_lines(&a, big, n);
	is_int((long long)a.n, LM_HELD_MAX + 2, "past LM_HELD_MAX held, the oldest is handed over");
	ok(a.n && !strcmp(a.v[0].s.sid, "h0") && a.v[0].s.resumed == 0,
	   "h0 first, alone: its resume came too late");
	const struct got *h = by_sid(&a, "h1");
	ok(h && h->s.resumed == 1, "h1, still held, joined by its resume");
	all_free(&a);
	for (size_t i = 0; i < n; i++)
		free(own[i]);
	free(own);
	free(big);
}

/* A session resumed while it still ran (issue 12): the first part's later
 * sets and its end reach the pair, and its complete end is not undone by
 * the resume's quit; a killed part never ends, yet a resume of the resume
 * still joins. */
static void test_resumed_running(void)
{
	static const char *const log[] = {
		"2026-11-20T07:00:00.000+00:00 a1 start routine=Calves id=calves format=1",
		"2026-11-20T07:00:10.000+00:00 a1 set n=1 name=Drop side=left set=1 sets=3 target=10 reps=10 elapsed=9",
		"2026-11-20T07:00:20.000+00:00 b1 start routine=Calves id=calves format=1 resumes=a1",
		"2026-11-20T07:00:30.000+00:00 a1 set n=1 name=Drop side=left set=2 sets=3 target=10 reps=10 elapsed=9",
		"2026-11-20T07:00:40.000+00:00 a1 set n=1 name=Drop side=left set=3 sets=3 target=10 reps=10 elapsed=9",
		"2026-11-20T07:00:50.000+00:00 a1 end status=complete elapsed=50",
		"2026-11-20T07:01:00.000+00:00 b1 end status=quit elapsed=40",
		/* the same, the resume ending first */
		"2026-11-21T07:00:00.000+00:00 c1 start routine=Calves id=calves format=1",
		"2026-11-21T07:00:20.000+00:00 c2 start routine=Calves id=calves format=1 resumes=c1",
		"2026-11-21T07:00:30.000+00:00 c2 end status=quit elapsed=10",
		"2026-11-21T07:00:40.000+00:00 c1 set n=1 name=Drop side=left set=1 sets=3 target=10 reps=10 elapsed=9",
		"2026-11-21T07:00:50.000+00:00 c1 end status=complete elapsed=50",
		/* killed, resumed and quit, resumed again and done */
		"2026-11-22T07:00:00.000+00:00 k1 start routine=Calves id=calves format=1",
		"2026-11-22T07:00:10.000+00:00 k1 set n=1 name=Drop side=left set=1 sets=3 target=10 reps=10 elapsed=9",
		"2026-11-22T08:00:00.000+00:00 k2 start routine=Calves id=calves format=1 resumes=k1",
		"2026-11-22T08:00:10.000+00:00 k2 end status=quit elapsed=10",
		"2026-11-22T09:00:00.000+00:00 k3 start routine=Calves id=calves format=1 resumes=k2",
		"2026-11-22T09:00:10.000+00:00 k3 set n=1 name=Drop side=left set=2 sets=3 target=10 reps=10 elapsed=9",
		"2026-11-22T09:00:20.000+00:00 k3 end status=quit elapsed=20",
	};
	struct all a = {0};
	read_lines(&a, log, NLINES(log));
	is_int((long long)a.n, 3, "three sessions: each pair once");
	const struct got *p = by_sid(&a, "a1");
	ok(p && p->s.resumed == 1 && p->s.nsets == 3, "the first part's sets after the resume reach the pair");
	ok(p && p->s.status == HISTORY_COMPLETE, "complete: the first part's end, not the resume's quit");
	ok(p && p->s.elapsed == 90000, "elapsed: both parts' ends added");
	p = by_sid(&a, "c1");
	ok(p && p->s.nsets == 1 && p->s.status == HISTORY_COMPLETE,
	   "the resume ending first: the pair still complete, with the later set");
	p = by_sid(&a, "k1");
	ok(p && p->s.resumed == 2 && !strcmp(p->s.sid_last, "k3") && p->s.nsets == 2,
	   "a killed part never ends, yet a resume of its resume joins the pair");
	ok(p && p->s.status == HISTORY_QUIT, "quit: as its last part ended");
	all_free(&a);
}

/* lm_reader.abort: another thread that no longer waits stops the read at
 * the next line, not at the end of the log. */
struct stopper {
	atomic_bool stop;
	size_t n;
};

static void stop_after_first(void *ctx, const struct lm_session *s)
{
	struct stopper *st = ctx;
	(void)s;
	st->n++;
	atomic_store(&st->stop, true);
}

static void test_abort(void)
{
	char path[] = "/tmp/unit_logmodel.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!ok(f != NULL, "a temporary log"))
		return;
	for (int i = 0; i < 5000; i++)
		fprintf(f, "2026-11-20T07:00:00.000+00:00 s%d start routine=Calves format=1\n"
			"2026-11-20T07:00:01.000+00:00 s%d end status=complete elapsed=1\n", i, i);
	fclose(f);
	struct stopper st = { .n = 0 };
	atomic_init(&st.stop, false);
	struct lm_reader r = { .path = path, .session = stop_after_first, .ctx = &st,
			       .abort = &st.stop };
	is_int(lm_read(&r), 0, "an aborted read is no error");
	ok(r.aborted && st.n == 1, "abort set during the read: it stops after the session it was set in");
	ok(r.lines < 10, "a few lines read of 10000");
	atomic_store(&st.stop, false);
	st.n = 0;
	r.abort = NULL;
	lm_read(&r);
	ok(!r.aborted && st.n == 5000 && r.lines == 10000, "without abort: the whole log");
	remove(path);
}

int main(void)
{
	test_redone();
	test_sessions();
	test_checkins();
	test_fields();
	test_order();
	test_long_session();
	test_corrupt();
	test_reached();
	test_resumed();
	test_resumed_running();
	test_abort();
	return done_testing();
}
