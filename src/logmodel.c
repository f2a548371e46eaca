/* logmodel.c: the log read into sessions (logmodel.h), over the one
 * scanner (logscan.c). */
#include "config.h"

#include "logmodel.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "logfmt.h"
#include "parse.h"
#include "util.h"

/* What a set, rating or part is known by, so that its line done again
 * replaces it: a set by (step, name, side, set number), a rating by its
 * step, an ice round by (step, round), a spot by (step, side, spot); and
 * a step reached by (step, name), so that entering it again adds none. */
enum lm_what { LM_SET, LM_RATE, LM_ICE, LM_SPOT, LM_STEP };
struct lm_key {
	enum lm_what what;
	int n;
	enum side side;
	int num;            /* set, round */
	const char *str;    /* the set's step name, the spot's name */
};

/* A slot of the session's index of keys: the entry's place plus one (0
 * when empty) in the array of its kind. */
struct lm_slot {
	size_t at;
	uint32_t hash;
	enum lm_what what;
};

/* A session being gathered: the handed-over view plus what owns it. */
struct lm_open {
	struct lm_session s;
	struct lm_set *sets;
	size_t nsets, sets_cap;
	struct lm_rate *rates;
	size_t nrates, rates_cap;
	struct lm_part *parts;
	size_t nparts, parts_cap;
	struct lm_value *values;
	size_t nvalues, values_cap;
	struct lm_step *steps;
	size_t nsteps, steps_cap;
	size_t step_last;   /* the last step line's entry plus one; 0: none */
	/* Every string of the session, each one allocation: freed together. */
	char **strs;
	size_t nstrs, strs_cap;
	/* Where each keyed entry is, open addressing: a line done again is
	 * found at once however long the session (a search through all of
	 * them goes quadratic on a long or hostile one). */
	struct lm_slot *slots;
	size_t nslots, nkeys;
	/* A resumed pair (logmodel.h): the scanner's sessions (its parts)
	 * still open that lead here (1, or 2 and more while a part resumed
	 * is still running); whether it is in the held list; whether any
	 * part ended complete; and how its last part (sid_last) ended. */
	int live;
	bool in_held;
	bool any_complete;
	enum history_status last_status;
};

/* The model's state over one read: the reader, and the sessions that
 * ended not complete, held for a resume (logmodel.h), oldest first. */
struct lm_ctx {
	struct lm_reader *r;
	struct lm_open *held[LM_HELD_MAX];
	size_t nheld;
};

static const char *keep(struct lm_open *o, const char *s)
{
	if (!s)
		return NULL;
	/* a step's name repeats on each of its lines: keep it once */
	for (size_t i = o->nstrs; i-- > 0 && i + 8 >= o->nstrs;)
		if (!strcmp(o->strs[i], s))
			return o->strs[i];
	o->strs = xgrow(o->strs, &o->strs_cap, o->nstrs + 1, sizeof *o->strs);
	return o->strs[o->nstrs++] = xstrdup(s);
}

static void open_free(struct lm_open *o)
{
	for (size_t i = 0; i < o->nstrs; i++)
		free(o->strs[i]);
	free(o->strs);
	free(o->sets);
	free(o->rates);
	free(o->parts);
	free(o->values);
	free(o->steps);
	free(o->slots);
	free(o);
}

/* ---- the index of keys ---- */

static uint32_t hash_int(uint32_t h, long v)
{
	for (int i = 0; i < 4; i++, v >>= 8)
		h = (h ^ (uint32_t)(v & 0xff)) * 16777619u;
	return h;
}

static uint32_t key_hash(const struct lm_key *k)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	h = hash_int(h, k->what);
	h = hash_int(h, k->n);
	h = hash_int(h, k->side);
	h = hash_int(h, k->num);
	for (const char *c = k->str ? k->str : ""; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	return h;
}

static bool str_same(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* Whether entry `at` of kind k->what is the one k names. */
static bool key_is(const struct lm_open *o, const struct lm_key *k, size_t at)
{
	const struct lm_set *x;
	const struct lm_part *p;
	switch (k->what) {
	case LM_SET:
		x = &o->sets[at];
		return x->n == k->n && x->side == k->side && x->set == k->num &&
		       str_same(x->name, k->str);
	case LM_RATE:
		return o->rates[at].n == k->n;
	case LM_ICE:
		p = &o->parts[at];
		return !p->spot && p->n == k->n && p->round == k->num;
	case LM_SPOT:
		p = &o->parts[at];
		return p->spot && p->n == k->n && p->side == k->side &&
		       str_same(p->spot, k->str);
	case LM_STEP:
		return o->steps[at].n == k->n && str_same(o->steps[at].name, k->str);
	}
	return false;
}

static struct lm_slot *key_slot(struct lm_open *o, const struct lm_key *k, uint32_t hash)
{
	size_t mask = o->nslots - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		struct lm_slot *sl = &o->slots[i];
		if (!sl->at || (sl->hash == hash && sl->what == k->what &&
				key_is(o, k, sl->at - 1)))
			return sl;
	}
}

/* The entry `k` names: its index in the array of its kind, or (size_t)-1
 * with *slot where a new one is to be noted (key_note()). */
static size_t key_find(struct lm_open *o, const struct lm_key *k, struct lm_slot **slot)
{
	if ((o->nkeys + 1) * 2 > o->nslots) {
		struct lm_slot *old = o->slots;
		size_t nold = o->nslots;
		o->nslots = nold ? nold * 2 : 16;
		o->slots = xcalloc(o->nslots, sizeof *o->slots);
		for (size_t i = 0; i < nold; i++) {
			if (!old[i].at)
				continue;
			size_t mask = o->nslots - 1, j = old[i].hash & mask;
			while (o->slots[j].at)
				j = (j + 1) & mask;
			o->slots[j] = old[i];
		}
		free(old);
	}
	uint32_t hash = key_hash(k);
	*slot = key_slot(o, k, hash);
	if ((*slot)->at)
		return (*slot)->at - 1;
	(*slot)->hash = hash;
	(*slot)->what = k->what;
	return (size_t)-1;
}

static void key_note(struct lm_open *o, struct lm_slot *slot, size_t at)
{
	slot->at = at + 1;
	o->nkeys++;
}

/* ---- small readers of fields ---- */

/* The fields of a set, rating, spot, ice, skip or end line, found in one
 * pass over the line (a lookup per key went through all of them each
 * time: a fifth of the time of a big --history).  As logrec_get(), the
 * first of a key counts; NULL when missing. */
struct lm_fields {
	const char *n, *name, *side, *set, *sets, *target, *reps, *min, *max,
		*load, *elapsed, *measure, *value, *spot, *round, *rounds,
		*planned, *what;
};

static void fields_of(const struct logrec *rec, struct lm_fields *f)
{
	static const struct {
		const char *key;
		size_t at;
	} keys[] = {
#define K(k) { #k, offsetof(struct lm_fields, k) }
		K(n), K(name), K(side), K(set), K(sets), K(target), K(reps), K(min),
		K(max), K(load), K(elapsed), K(measure), K(value), K(spot), K(round),
		K(rounds), K(planned), K(what),
#undef K
	};
	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < rec->nf; i++) {
		const char *k = rec->f[i].key;
		for (size_t j = 0; j < sizeof keys / sizeof *keys; j++) {
			if (k[0] != keys[j].key[0] || strcmp(k, keys[j].key))
				continue;
			const char **slot = (const char **)((char *)f + keys[j].at);
			if (!*slot)
				*slot = rec->f[i].value;
			break;
		}
	}
}

/* A whole number (logfmt_int()); `dflt` when missing, malformed or beyond
 * a billion (which an overflow, LLONG_MIN or LLONG_MAX, is). */
static int field_int(const char *v, int dflt)
{
	long long n = logfmt_int(v, LLONG_MIN);
	return n < -1000000000LL || n > 1000000000LL ? dflt : (int)n;
}

/* Seconds, maybe with a fraction ("90", "27.504"), as ms; `dflt` when
 * missing or malformed. */
static long long field_ms(const char *v, long long dflt)
{
	if (!v || !*v)
		return dflt;
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	if (*end || errno || d != d || d < 0 || d > 1e12)
		return dflt;
	return (long long)(d * 1000.0 + 0.5);
}

/* A set is on one side or none (the engine logs no other: its readers
 * index by it); a spot or an ice round may be on both (`side=both`, an
 * ice pack on each calf), which --export says. */
static enum side field_side(const char *v, bool both_ok)
{
	if (v && !strcmp(v, "left"))
		return SIDE_LEFT;
	if (v && !strcmp(v, "right"))
		return SIDE_RIGHT;
	if (both_ok && v && !strcmp(v, "both"))
		return SIDE_BOTH;
	return SIDE_NONE;
}

static long field_load(const char *v)
{
	long g;
	if (!v || load_parse(v, &g))
		return LOAD_NONE;
	return g;
}

/* ---- the days ---- */

long lm_stamp_day(const char *stamp)
{
	/* logrec_parse() checked the stamp: YYYY-MM-DD first */
	long y = strtol(stamp, NULL, 10);
	int m = (stamp[5] - '0') * 10 + (stamp[6] - '0');
	int d = (stamp[8] - '0') * 10 + (stamp[9] - '0');
	return (long)logfmt_days_from_civil(y, m, d);
}

long lm_local_day(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return (long)logfmt_days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

/* ---- gathering ---- */

static void head_fill(struct lm_open *o, const struct logrec *rec, size_t index)
{
	struct lm_session *s = &o->s;
	memcpy(s->sid, rec->sid, sizeof s->sid);
	memcpy(s->sid_last, rec->sid, sizeof s->sid_last);
	snprintf(s->stamp, sizeof s->stamp, "%s", rec->stamp);
	s->when = rec->when;
	s->ms = rec->ms;
	s->day = lm_stamp_day(rec->stamp);
	s->index = index;
	s->elapsed = -1;
	s->took = -1;
	s->status = HISTORY_UNFINISHED;
	s->speed = 1;
	if (rec->event == LOG_CHECKIN) {
		s->kind = LM_CHECKIN;
		s->routine = "";
		return;
	}
	s->kind = LM_SESSION;
	const char *name = logrec_get(rec, "routine");
	s->routine = keep(o, name ? name : "");
	s->id = keep(o, logrec_get(rec, "id"));
	s->file = keep(o, logrec_get(rec, "file"));
	s->resumes = keep(o, logrec_get(rec, "resumes"));
	s->planned = field_ms(logrec_get(rec, "planned"), 0);
	const char *speed = logrec_get(rec, "speed");
	if (speed) {
		s->practice = true;
		long long v = logrec_int(rec, "speed", 2);
		s->speed = v >= 1 && v <= 100000 ? (int)v : 2;
	}
}

/* A check-in's values: every key but its own fields with a whole number
 * 0 to 10 (readers skip keys they do not know; a value out of range is
 * no value). */
static void checkin_fill(struct lm_open *o, const struct logrec *rec)
{
	for (size_t i = 0; i < rec->nf; i++) {
		const char *k = rec->f[i].key;
		if (!strcmp(k, "elapsed"))
			continue;
		long v;
		if (!int_parse(rec->f[i].value, &v) || v < 0 || v > 10)
			continue;
		bool dup = false;
		for (size_t j = 0; j < o->nvalues; j++)
			if (!strcmp(o->values[j].name, k)) {
				o->values[j].value = (int)v;
				dup = true;
			}
		if (dup)
			continue;
		o->values = xgrow(o->values, &o->values_cap, o->nvalues + 1, sizeof *o->values);
		o->values[o->nvalues++] = (struct lm_value){ .name = keep(o, k), .value = (int)v };
	}
	o->s.took = field_ms(logrec_get(rec, "elapsed"), -1);
}

static void lm_hand(struct lm_ctx *c, struct lm_open *o);

static void held_drop(struct lm_ctx *c, size_t i)
{
	c->held[i]->in_held = false;
	memmove(&c->held[i], &c->held[i + 1], (c->nheld - i - 1) * sizeof *c->held);
	c->nheld--;
}

/* The held session whose last part is `sid`, taken out of the held. */
static struct lm_open *held_take(struct lm_ctx *c, const char *sid)
{
	for (size_t i = 0; i < c->nheld; i++) {
		struct lm_open *o = c->held[i];
		if (strcmp(o->s.sid_last, sid))
			continue;
		held_drop(c, i);
		return o;
	}
	return NULL;
}

/* A session ended not complete, or whose last part ended while an earlier
 * one still runs: held for a resume, the oldest dropped when there is no
 * more room (handed over, when no part of it is still open). */
static void held_put(struct lm_ctx *c, struct lm_open *o)
{
	if (o->in_held)
		return;
	if (c->nheld == LM_HELD_MAX) {
		struct lm_open *old = c->held[0];
		held_drop(c, 0);
		if (!old->live)
			lm_hand(c, old);
	}
	o->in_held = true;
	c->held[c->nheld++] = o;
}

/* A start line that says `resumes=SID`: the session SID, held after its
 * end or still open (killed: no end line, or still running), goes on
 * under this start's id.  An open one stays open: its later lines (a
 * session resumed while it still ran) come here too.  NULL when there is
 * none to go on with. */
static struct lm_open *lm_join(struct scan *sc, const struct logrec *rec)
{
	struct lm_ctx *c = sc->ctx;
	const char *sid = logrec_get(rec, "resumes");
	if (!sid || !*sid)
		return NULL;
	struct lm_open *o = held_take(c, sid);
	if (!o)
		o = scan_data(sc, sid);
	if (!o)
		return NULL;
	o->s.resumed++;
	o->live++;
	memcpy(o->s.sid_last, rec->sid, sizeof o->s.sid_last);
	o->last_status = HISTORY_UNFINISHED;
	o->s.status = HISTORY_UNFINISHED;
	return o;
}

static void lm_line(struct scan *sc, const struct lm_open *o)
{
	struct lm_ctx *c = sc->ctx;
	if (c->r->line)
		c->r->line(c->r->ctx, &o->s, sc->line, sc->len);
}

static bool lm_start(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct lm_ctx *c = sc->ctx;
	struct lm_reader *r = c->r;
	if (rec->event == LOG_START)
		r->started++;
	struct lm_open *o = rec->event == LOG_START ? lm_join(sc, rec) : NULL;
	if (o) {
		/* the pair was wanted by its first start: no asking again */
		sc->v[i].data = o;
		lm_line(sc, o);
		return true;
	}
	o = xcalloc(1, sizeof *o);
	o->live = 1;
	head_fill(o, rec, i);
	if (rec->event == LOG_CHECKIN) {
		checkin_fill(o, rec);
	} else if (r->want && !r->want(r->ctx, &o->s)) {
		open_free(o);
		return false;
	}
	sc->v[i].data = o;
	lm_line(sc, o);
	return true;
}

static void on_set(struct lm_open *o, const struct lm_fields *f, bool skipped)
{
	int n = field_int(f->n, 0);
	enum side side = field_side(f->side, false);
	int set = field_int(f->set, 0);
	const char *name = f->name;
	struct lm_key k = {.what = LM_SET, .n = n, .side = side, .num = set,
			   .str = name ? name : ""};
	struct lm_slot *slot = NULL;
	/* a line without a set number is a set of its own */
	size_t at = set > 0 ? key_find(o, &k, &slot) : (size_t)-1;
	if (at == (size_t)-1) {
		o->sets = xgrow(o->sets, &o->sets_cap, o->nsets + 1, sizeof *o->sets);
		at = o->nsets++;
		if (slot)
			key_note(o, slot, at);
	}
	o->sets[at] = (struct lm_set){
		.n = n, .name = keep(o, k.str), .side = side,
		.set = set, .sets = field_int(f->sets, 0),
		.target = field_int(f->target, 0), .reps = field_int(f->reps, 0),
		.min = field_int(f->min, 0), .max = field_int(f->max, 0),
		.load = field_load(f->load), .skipped = skipped,
		.elapsed = field_ms(f->elapsed, 0),
	};
}

static void on_rate(struct lm_open *o, const struct lm_fields *f, bool skipped)
{
	int n = field_int(f->n, 0);
	struct lm_key key = {.what = LM_RATE, .n = n};
	struct lm_slot *slot;
	size_t at = key_find(o, &key, &slot);
	if (at == (size_t)-1) {
		o->rates = xgrow(o->rates, &o->rates_cap, o->nrates + 1, sizeof *o->rates);
		at = o->nrates++;
		key_note(o, slot, at);
		o->rates[at] = (struct lm_rate){ .name = NULL };
	}
	struct lm_rate *x = &o->rates[at];
	const char *mw = f->measure;
	enum measure m = mw ? measure_from(mw) : MEASURE_NONE;
	if (m == MEASURE_COUNT) /* a measure this version does not know */
		m = MEASURE_NONE;
	if (!mw && skipped && x->name) /* a skip may not say: the step's own */
		m = x->measure;
	const char *name = f->name;
	int v = skipped ? -1 : field_int(f->value, -1);
	*x = (struct lm_rate){
		.n = n, .name = keep(o, name ? name : ""), .measure = m,
		.value = v >= 0 && v <= 10 ? v : -1,
	};
}

static void on_part(struct lm_open *o, const struct lm_fields *f, bool ice, bool skipped)
{
	int n = field_int(f->n, 0);
	enum side side = field_side(f->side, true);
	const char *spot = ice ? NULL : f->spot;
	int round = ice ? field_int(f->round, 0) : 0;
	struct lm_key key = {.what = ice ? LM_ICE : LM_SPOT, .n = n, .side = side,
			     .num = round, .str = spot};
	struct lm_slot *slot = NULL;
	/* a spot line without its spot is one of its own */
	size_t at = ice || spot ? key_find(o, &key, &slot) : (size_t)-1;
	if (at == (size_t)-1) {
		o->parts = xgrow(o->parts, &o->parts_cap, o->nparts + 1, sizeof *o->parts);
		at = o->nparts++;
		if (slot)
			key_note(o, slot, at);
	}
	struct lm_part *x = &o->parts[at];
	const char *name = f->name;
	*x = (struct lm_part){
		.n = n, .name = keep(o, name ? name : ""),
		.spot = ice ? NULL : keep(o, spot ? spot : ""), .side = side,
		.round = round, .rounds = ice ? field_int(f->rounds, 0) : 0,
		.planned = field_ms(f->planned, 0), .elapsed = field_ms(f->elapsed, 0),
		.skipped = skipped,
	};
}

/* A `step` line: the step reached, once, and the last one reached. */
static void on_step(struct lm_open *o, const struct logrec *rec)
{
	const char *name = logrec_get(rec, "name");
	struct lm_key k = {.what = LM_STEP, .n = field_int(logrec_get(rec, "n"), 0),
			   .str = name ? name : ""};
	struct lm_slot *slot;
	size_t at = key_find(o, &k, &slot);
	if (at == (size_t)-1) {
		o->steps = xgrow(o->steps, &o->steps_cap, o->nsteps + 1, sizeof *o->steps);
		at = o->nsteps++;
		key_note(o, slot, at);
		o->steps[at] = (struct lm_step){ .n = k.n, .name = keep(o, k.str) };
	}
	o->step_last = at + 1;
}

static void lm_event(struct scan *sc, size_t i, const struct logrec *rec)
{
	struct lm_open *o = sc->v[i].data;
	struct lm_fields f;
	long long ms;
	lm_line(sc, o);
	switch (rec->event) {
	case LOG_SET: case LOG_RATE: case LOG_SPOT: case LOG_ICE: case LOG_SKIP:
	case LOG_END:
		break;
	case LOG_STEP:
		if (((const struct lm_ctx *)sc->ctx)->r->steps)
			on_step(o, rec);
		return;
	case LOG_RESUME:
		/* every pause line has its resume, which says how long */
		ms = field_ms(logrec_get(rec, "paused"), 0);
		if (ms > 0 && o->s.paused < LLONG_MAX - ms)
			o->s.paused += ms;
		return;
	default:
		return; /* done, pause, warn ...: nothing of the model's */
	}
	fields_of(rec, &f);
	switch (rec->event) {
	case LOG_SET:
		on_set(o, &f, false);
		break;
	case LOG_RATE:
		on_rate(o, &f, false);
		break;
	case LOG_SPOT:
		on_part(o, &f, false, false);
		break;
	case LOG_ICE:
		on_part(o, &f, true, false);
		break;
	case LOG_SKIP:
		if (!f.what)
			break;
		if (!strcmp(f.what, "set"))
			on_set(o, &f, true);
		else if (!strcmp(f.what, "rate"))
			on_rate(o, &f, true);
		else if (!strcmp(f.what, "spot"))
			on_part(o, &f, false, true);
		else if (!strcmp(f.what, "round"))
			on_part(o, &f, true, true);
		break;
	case LOG_END:
		/* the scanner finishes the session; the elapsed is ours,
		 * added to the other parts' that ended */
		ms = field_ms(f.elapsed, -1);
		if (ms >= 0)
			o->s.elapsed = (o->s.elapsed > 0 ? o->s.elapsed : 0) + ms;
		break;
	default:
		break;
	}
}

/* Hand a finished session over, and free it. */
static void lm_hand(struct lm_ctx *c, struct lm_open *o)
{
	struct lm_reader *r = c->r;
	struct lm_session *s = &o->s;
	s->sets = o->sets;
	s->nsets = o->nsets;
	s->rates = o->rates;
	s->nrates = o->nrates;
	s->parts = o->parts;
	s->nparts = o->nparts;
	s->values = o->values;
	s->nvalues = o->nvalues;
	s->steps = o->steps;
	s->nsteps = o->nsteps;
	s->step_last = o->step_last ? &o->steps[o->step_last - 1] : NULL;
	if (r->session)
		r->session(r->ctx, s);
	open_free(o);
}

static void lm_finish(struct scan *sc, size_t i, enum history_status st)
{
	struct lm_ctx *c = sc->ctx;
	struct lm_open *o = sc->v[i].data;
	if (!o)
		return;
	sc->v[i].data = NULL;
	if (o->s.kind != LM_SESSION) {
		o->s.status = st;
		lm_hand(c, o);
		return;
	}
	/* a part of a pair: complete when any part ended complete (a
	 * session resumed while it still ran, and ended complete, is not
	 * undone by the resume's quit), else as its last part ended */
	o->any_complete |= st == HISTORY_COMPLETE;
	if (!strcmp(sc->v[i].sid, o->s.sid_last))
		o->last_status = st;
	o->s.status = o->any_complete ? HISTORY_COMPLETE : o->last_status;
	o->live--;
	if (o->live > 0) {
		/* an earlier part still runs: a resume of the last part
		 * finds the pair among the held */
		if (!o->any_complete && !strcmp(sc->v[i].sid, o->s.sid_last))
			held_put(c, o);
		return;
	}
	/* not complete: a later start may resume it */
	if (!o->any_complete) {
		held_put(c, o);
		return;
	}
	for (size_t k = 0; k < c->nheld; k++)
		if (c->held[k] == o) {
			held_drop(c, k);
			break;
		}
	lm_hand(c, o);
}

/* The end of the log: what is still held is handed over, oldest first. */
static void lm_flush(struct lm_ctx *c)
{
	for (size_t i = 0; i < c->nheld; i++)
		lm_hand(c, c->held[i]);
	c->nheld = 0;
}

static const struct scan_ops lm_ops = {
	.start = lm_start, .event = lm_event, .finish = lm_finish,
};

static void lm_take(struct lm_reader *r, const struct scan *sc)
{
	r->lines = sc->lines;
	r->corrupt = sc->corrupt;
	r->fragment = sc->fragment;
	r->kind = sc->kind;
	r->aborted = sc->aborted;
}

int lm_read(struct lm_reader *r)
{
	r->started = 0;
	struct lm_ctx c = {.r = r};
	struct scan sc = {.path = r->path, .err = r->err, .ops = &lm_ops, .ctx = &c,
			  .checkins = true, .tail = r->tail, .abort = r->abort};
	int rc = scan_run(&sc);
	int saved = errno;
	lm_flush(&c);
	lm_take(r, &sc);
	scan_free(&sc);
	errno = saved;
	return rc;
}

void lm_read_lines(struct lm_reader *r, const char *const *lines, size_t n)
{
	r->started = 0;
	struct lm_ctx c = {.r = r};
	struct scan sc = {.path = r->path ? r->path : "(this session)", .err = r->err,
			  .ops = &lm_ops, .ctx = &c, .checkins = true};
	scan_run_lines(&sc, lines, n);
	lm_flush(&c);
	lm_take(r, &sc);
	scan_free(&sc);
}

bool lm_before(const struct lm_session *a, const struct lm_session *b)
{
	if (a->when != b->when)
		return a->when < b->when;
	if (a->ms != b->ms)
		return a->ms < b->ms;
	return a->index < b->index;
}

int lm_pain_max(const struct lm_session *s)
{
	int max = -1;
	for (size_t i = 0; i < s->nrates; i++)
		if (s->rates[i].measure == MEASURE_PAIN && s->rates[i].value > max)
			max = s->rates[i].value;
	return max;
}

int lm_value_of(const struct lm_session *s, const char *name)
{
	for (size_t i = 0; i < s->nvalues; i++)
		if (!strcmp(s->values[i].name, name))
			return s->values[i].value;
	return -1;
}

bool lm_of_routine(const struct lm_session *s, const char *name, const char *id)
{
	if (s->kind != LM_SESSION)
		return false;
	/* the id (its file) is the routine: another file with the same
	 * title is another routine; a log without ids goes by the title */
	if (id && s->id)
		return !strcmp(s->id, id);
	return name && !strcmp(s->routine, name);
}
