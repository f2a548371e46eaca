/* loader.c: routine files.  Stage one (loader_tree.c) turns libyaml events
 * into a small positioned tree (refusing anchors, aliases, deep nesting and
 * huge inputs as it goes); stage two, here, walks the tree against the
 * format's key tables and fills a struct routine, reporting every mistake
 * with line and column. */
#include "config.h"

#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format.h"
#include "loader_int.h"

/* ---- stage two: the format (its values: loader_values.c) ---- */

_Static_assert(TREE_MAX_DEPTH == ROUTINE_MAX_DEPTH && TREE_MAX_NODES == ROUTINE_MAX_NODES &&
	       TREE_MAX_ERRORS == ROUTINE_MAX_ERRORS, "stage one's limits are the routine's");

/* Keys of one mapping, checked once: not a scalar, duplicates. */
static const char *key_text(struct checker *c, const struct ynode *map, size_t i)
{
	const struct ynode *k = map->kids[i];
	if (k->kind != Y_SCALAR) {
		lv_err(c, k, "a key must be a plain word, not %s", lv_kind_word(k));
		return NULL;
	}
	for (size_t j = 0; j < i; j += 2) {
		const struct ynode *o = map->kids[j];
		if (o->kind == Y_SCALAR && !strcmp(o->text, k->text)) {
			if (o->line == k->line)
				lv_err(c, k, "duplicate key `%s` (first at line %d, column %d)",
				    loader_shown(k->text), o->line, o->col);
			else
				lv_err(c, k, "duplicate key `%s` (first at line %d)", loader_shown(k->text),
				    o->line);
			return NULL;
		}
	}
	return k->text;
}

static const struct ynode *map_get(const struct ynode *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (map->kids[i]->kind == Y_SCALAR && !strcmp(map->kids[i]->text, key))
			return map->kids[i + 1];
	return NULL;
}

/* The format's keys are format.h's table; a mask of keys is 1 << key. */
#define B(k) (1u << K_##k)
#define KEY_WORD(k) (format_key_words[k])

/* A value of the kinds with a range in the table: text (at most `hi`
 * bytes) and whole numbers (`lo` to `hi`). */
static bool get_text(struct checker *c, const struct ynode *v, enum format_key k, char **out)
{
	return lv_get_text(c, v, KEY_WORD(k), (size_t)format_keys[k].hi, out);
}

static bool get_count(struct checker *c, const struct ynode *v, enum format_key k, int *out)
{
	return lv_get_int(c, v, KEY_WORD(k), format_keys[k].lo, format_keys[k].hi, out);
}

/* A load, from 0 grams or more than 0 as the table's `lo` says. */
static bool get_load(struct checker *c, const struct ynode *v, enum format_key k, long *out)
{
	return lv_get_load(c, v, KEY_WORD(k), format_keys[k].lo == 0, out);
}

/* How the keys of one kind of mapping (the routine, `defaults`, a step, a
 * spot) are read. */
struct keyspec {
	const char *where;      /* "a step", as in "unknown key `x` in a step" */
	unsigned known;         /* the keys of this level, that apply here or not */
	unsigned applies;       /* the keys that apply here */
	const char *not_here;   /* for a known key that does not apply here */
	const char *only;       /* and what does, after that: "; only ..." */
};

/* A mapping's keys, read once: the value of every key that applies, and the
 * keys that a misspelt key was taken for, so that one mistake is one error
 * and not also "no `name`". */
struct keys {
	const struct ynode *val[K_COUNT];
	const struct ynode *key[K_COUNT];
	bool misspelt[K_COUNT];
};

/* A key the table requires at `level` that the mapping lacks, and that
 * was not misspelt (that mistake is reported already). */
static bool missing(const struct keys *f, enum format_key k, enum format_level level)
{
	return format_required(k, level) && !f->val[k] && !f->misspelt[k];
}

/* The key among `mask` spelt `word`, or K_COUNT. */
static enum format_key key_id(const char *word, unsigned mask)
{
	int id = 0;
	while (id < K_COUNT && (!(mask & (1u << id)) || strcmp(KEY_WORD(id), word)))
		id++;
	return (enum format_key)id;
}

/* The nearest of the keys in `mask` to a misspelt key, or K_COUNT. */
static enum format_key nearest_key(const char *word, unsigned mask)
{
	const char *cands[K_COUNT + 1];
	size_t n = 0;
	for (int k = 0; k < K_COUNT; k++)
		if (mask & (1u << k))
			cands[n++] = KEY_WORD(k);
	cands[n] = NULL;
	const char *near = lv_suggest(word, cands);
	return near ? key_id(near, mask) : K_COUNT;
}

/* An unknown key: suggest one that applies here; failing that, say that
 * the nearest known one would not apply either, rather than suggest it and
 * then refuse it.  Returns the key it was taken for, or K_COUNT. */
static enum format_key unknown_key(struct checker *c, const struct ynode *k,
			    const struct keyspec *ks)
{
	const char *key = k->text;
	if (!*key) {
		lv_err(c, k, "an empty key in %s", ks->where);
		return K_COUNT;
	}
	enum format_key near = nearest_key(key, ks->applies);
	if (near < K_COUNT) {
		lv_err(c, k, "unknown key `%s` in %s (did you mean `%s`?)", loader_shown(key), ks->where,
		    KEY_WORD(near));
		return near;
	}
	enum format_key other = nearest_key(key, ks->known);
	if (other < K_COUNT)
		lv_err(c, k, "unknown key `%s` in %s (`%s` %s either%s)", loader_shown(key), ks->where,
		    KEY_WORD(other), ks->not_here, ks->only ? ks->only : "");
	else
		lv_err(c, k, "unknown key `%s` in %s", loader_shown(key), ks->where);
	return K_COUNT;
}

static void read_keys(struct checker *c, const struct ynode *map,
		      const struct keyspec *ks, struct keys *f)
{
	memset(f, 0, sizeof *f);
	for (size_t i = 0; i + 1 < map->n && !c->gave_up; i += 2) {
		const char *key = key_text(c, map, i);
		const struct ynode *k = map->kids[i];
		if (!key)
			continue;
		enum format_key id = key_id(key, ks->known);
		if (id < K_COUNT && (ks->applies & (1u << id))) {
			f->val[id] = map->kids[i + 1];
			f->key[id] = k;
		} else if (id < K_COUNT) {
			lv_err(c, k, "`%s` %s%s", key, ks->not_here, ks->only ? ks->only : "");
		} else {
			enum format_key meant = unknown_key(c, k, ks);
			if (meant < K_COUNT)
				f->misspelt[meant] = true;
		}
	}
}

static const char *const type_words[] = {
	"note", "ice", "massage", "reps", "timer", "rate", NULL
};

static bool get_type(struct checker *c, const struct ynode *v, enum step_type *out)
{
	const char *s = lv_want_scalar(c, v, "type", "a step type");
	if (!s)
		return false;
	for (int i = 0; i < STEP_TYPE_COUNT; i++) {
		if (!strcmp(s, step_type_word((enum step_type)i))) {
			*out = (enum step_type)i;
			return true;
		}
	}
	const char *near = lv_suggest(s, type_words);
	if (near)
		lv_err(c, v, "unknown step type `%s` (did you mean `%s`?); use note, ice, massage, reps, timer or rate",
		    loader_shown(s), near);
	else
		lv_err(c, v, "unknown step type `%s`; use note, ice, massage, reps, timer or rate", loader_shown(s));
	return false;
}

/* Returns whether the spot gives a duration (or seems to, misspelt). */
static bool load_spot_map(struct checker *c, struct spot *sp, const struct ynode *s)
{
	const struct keyspec ks = {
		.where = "a spot", .known = format_level_keys(LEVEL_SPOT),
		.applies = format_level_keys(LEVEL_SPOT),
	};
	struct keys f;
	read_keys(c, s, &ks, &f);
	if (f.val[K_NAME])
		get_text(c, f.val[K_NAME], K_NAME, &sp->name);
	else if (missing(&f, K_NAME, LEVEL_SPOT))
		lv_err(c, s, "a spot needs a `name`");
	if (f.val[K_DURATION])
		lv_get_duration(c, f.val[K_DURATION], "duration", &sp->duration);
	if (f.val[K_CUE])
		get_text(c, f.val[K_CUE], K_CUE, &sp->cue);
	return f.val[K_DURATION] || f.misspelt[K_DURATION];
}

static void load_spots(struct checker *c, struct step *st, const struct ynode *v,
		       bool step_has_duration)
{
	if (v->kind != Y_SEQ) {
		lv_err(c, v, "`spots` needs a list of spots, got %s", lv_kind_word(v));
		return;
	}
	if (v->n == 0) {
		lv_err(c, v, "`spots` is empty; list at least one spot");
		return;
	}
	if (v->n > (size_t)format_keys[K_SPOTS].hi) {
		lv_err(c, v, "too many spots (%zu; at most %ld)", v->n, format_keys[K_SPOTS].hi);
		return;
	}
	st->spots = xcalloc(v->n, sizeof *st->spots);
	for (size_t i = 0; i < v->n && !c->gave_up; i++) {
		const struct ynode *s = v->kids[i];
		struct spot *sp = &st->spots[st->nspots++];
		sp->line = s->line;
		sp->col = s->col;
		sp->duration = st->duration;
		bool timed = step_has_duration;
		if (s->kind == Y_MAP) {
			timed |= load_spot_map(c, sp, s);
		} else if (s->kind == Y_SCALAR) {
			lv_get_text(c, s, "spots", (size_t)format_keys[K_NAME].hi, &sp->name);
		} else {
			lv_err(c, s, "a spot is a name or a mapping like {name: Inner soleus, duration: 90s}, not %s",
			    lv_kind_word(s));
			continue;
		}
		if (!timed && sp->name)
			lv_err(c, s, "spot `%s` has no duration; give the spot or its step a `duration`",
			    loader_shown(sp->name));
		else if (!timed)
			lv_err(c, s, "the spot has no duration; give the spot or its step a `duration`");
	}
}

static const char *article(enum step_type t)
{
	return t == STEP_ICE ? "an" : "a";
}

/* Which of a step's values were given and good, for the checks that
 * combine them. */
struct step_values {
	bool duration, rounds, off, reps, load, load_step;
};

/* Every value the step gives, each by its own grammar. */
static void load_step_values(struct checker *c, struct step *st, const struct keys *f,
			     struct step_values *ok)
{
	const struct ynode *const *v = f->val;
	if (v[K_SIDE])
		lv_get_side(c, v[K_SIDE], &st->side);
	ok->duration = v[K_DURATION] && lv_get_duration(c, v[K_DURATION], "duration", &st->duration);
	ok->rounds = v[K_ROUNDS] && get_count(c, v[K_ROUNDS], K_ROUNDS, &st->rounds);
	ok->off = v[K_OFF] && lv_get_duration(c, v[K_OFF], "off", &st->off);
	if (v[K_SPOTS])
		load_spots(c, st, v[K_SPOTS], v[K_DURATION] != NULL);
	if (v[K_SETS])
		get_count(c, v[K_SETS], K_SETS, &st->sets);
	if (v[K_REPS]) {
		const char *s = lv_want_scalar(c, v[K_REPS], "reps", "a number like 12 or a range like 8-15");
		const char *why = s ? range_parse(s, &st->reps) : NULL;
		if (why)
			lv_err(c, v[K_REPS], "`reps: %s`: %s", loader_shown(s), why);
		ok->reps = s && !why;
	}
	if (v[K_PROGRESS])
		lv_get_bool(c, v[K_PROGRESS], "progress", &st->progress);
	if (v[K_TEMPO])
		lv_get_tempo(c, v[K_TEMPO], &st->tempo);
	if (v[K_REST])
		lv_get_duration(c, v[K_REST], "rest", &st->rest);
	ok->load = v[K_LOAD] && get_load(c, v[K_LOAD], K_LOAD, &st->load);
	ok->load_step = v[K_LOAD_STEP] &&
			get_load(c, v[K_LOAD_STEP], K_LOAD_STEP, &st->load_step);
	if (v[K_MEASURE])
		lv_get_measure(c, v[K_MEASURE], &st->measure);
}

/* What a step of a known type needs beyond its own values: the keys it
 * must have, the routine's defaults, and the checks across keys. */
static void load_step_type(struct checker *c, struct step *st, const struct ynode *m,
			   const struct keys *f, const struct step_values *ok)
{
	const struct ynode *const *v = f->val;
	if (!v[K_SIDE] && (format_keys[K_SIDE].types & (1u << st->type)) && c->has_side)
		st->side = c->side;
	for (int k = 0; k < K_COUNT; k++)
		if ((format_keys[k].required_types & (1u << st->type)) && !v[k] && !f->misspelt[k])
			lv_err(c, m, "%s %s step needs %s", article(st->type),
			    step_type_word(st->type), format_keys[k].needs);

	switch (st->type) {
	case STEP_ICE:
		if (ok->duration && st->duration > 20LL * 60 * 1000)
			lv_warn(c, v[K_DURATION],
			     "an ice round longer than 20 minutes risks cold injury; consider rounds with `off` between");
		if (st->rounds > 1 && !v[K_OFF] && !f->misspelt[K_OFF])
			lv_err(c, v[K_ROUNDS], "`rounds: %d` needs `off:`, the time between rounds",
			    st->rounds);
		/* not after a bad `rounds` (or `off`): that error is enough */
		if (st->rounds == 1 && ok->off && (!v[K_ROUNDS] || ok->rounds))
			lv_warn(c, v[K_OFF], "`off` has no effect with a single round");
		break;
	case STEP_REPS:
		/* with a load, one number is load progression: the reps stay,
		 * the load rises */
		if (st->progress && ok->reps && st->reps.min == st->reps.max && !v[K_LOAD] &&
		    !f->misspelt[K_LOAD])
			lv_warn(c, v[K_PROGRESS],
			     "`progress` needs a range like 8-15 to progress within, or a `load` to add to; with one number and no load it does nothing");
		if (ok->load_step && !v[K_LOAD] && !f->misspelt[K_LOAD])
			lv_warn(c, v[K_LOAD_STEP], "`load_step` does nothing without `load`, the load to start from");
		if (!v[K_TEMPO])
			st->tempo = c->has_tempo ? c->tempo : (struct tempo){ .self = true };
		if (!v[K_REST])
			st->rest = c->has_rest ? c->rest : 60000;
		break;
	default:
		break;
	}
}

static void load_step(struct checker *c, struct step *st, const struct ynode *m)
{
	st->line = m->line;
	st->col = m->col;
	st->rounds = 1;
	st->sets = 1;
	st->side = SIDE_NONE;
	st->load = LOAD_NONE;
	st->load_step = c->load_step; /* the routine's, unless the step says */
	if (m->kind != Y_MAP) {
		lv_err(c, m, "a step is a mapping with at least `type` and `name`, not %s",
		    lv_kind_word(m));
		return;
	}
	const struct ynode *tv = map_get(m, "type");
	bool typed = tv && get_type(c, tv, &st->type);
	char not_here[64];
	snprintf(not_here, sizeof not_here, "does not apply to %s %s step",
		 article(st->type), step_type_word(st->type));
	unsigned applies = format_level_keys(LEVEL_STEP);
	if (typed)
		for (int k = 0; k < K_COUNT; k++)
			if (!(format_keys[k].types & (1u << st->type)))
				applies &= ~(1u << k);
	const struct keyspec ks = {
		.where = "a step", .known = format_level_keys(LEVEL_STEP), .applies = applies,
		.not_here = not_here,
	};
	struct keys f;
	read_keys(c, m, &ks, &f);
	if (!tv && missing(&f, K_TYPE, LEVEL_STEP))
		lv_err(c, m, "step has no `type`; use note, ice, massage, reps, timer or rate");
	if (f.val[K_NAME])
		get_text(c, f.val[K_NAME], K_NAME, &st->name);
	else if (missing(&f, K_NAME, LEVEL_STEP))
		lv_err(c, m, "step has no `name`");
	if (f.val[K_CUE])
		get_text(c, f.val[K_CUE], K_CUE, &st->cue);
	/* without a good type every key of any step applies, each checked by
	 * its own grammar, so a wrong type does not hide the other mistakes */
	struct step_values ok = { false };
	load_step_values(c, st, &f, &ok);
	if (typed)
		load_step_type(c, st, m, &f, &ok);
}

static void load_defaults(struct checker *c, const struct ynode *m)
{
	/* `load_step` is read here only to say where it goes instead */
	const struct keyspec ks = {
		.where = "`defaults`", .known = format_level_keys(LEVEL_STEP),
		.applies = format_level_keys(LEVEL_DEFAULTS) | B(LOAD_STEP),
		.not_here = "cannot go in `defaults`", .only = "; only side, rest and tempo can",
	};
	if (m->kind != Y_MAP) {
		lv_err(c, m, "`defaults` needs a mapping like {side: both, rest: 60s}, got %s",
		    lv_kind_word(m));
		return;
	}
	struct keys f;
	read_keys(c, m, &ks, &f);
	if (f.val[K_SIDE])
		c->has_side = lv_get_side(c, f.val[K_SIDE], &c->side);
	if (f.val[K_REST])
		c->has_rest = lv_get_duration(c, f.val[K_REST], "rest", &c->rest);
	if (f.val[K_TEMPO])
		c->has_tempo = lv_get_tempo(c, f.val[K_TEMPO], &c->tempo);
	/* one place for the routine's load step, where it can be found */
	if (f.key[K_LOAD_STEP])
		lv_err(c, f.key[K_LOAD_STEP],
		    "`load_step` cannot go in `defaults`; it is the routine's own: put it at the top, beside `name` (or on a reps step, for that step alone)");
}

/* How many segments a step expands to, roughly, so that a huge expansion
 * is refused here rather than by the engine. */
static long long step_weight(const struct step *st)
{
	long long sides = st->side == SIDE_BOTH && st->type != STEP_ICE ? 2 : 1;
	switch (st->type) {
	case STEP_ICE:
		return 2LL * st->rounds;
	case STEP_MASSAGE:
		return 2 * sides * (long long)st->nspots;
	case STEP_REPS:
		return 3 * sides * st->sets;
	default:
		return 2 * sides;
	}
}

static void load_steps(struct checker *c, struct routine *r, const struct ynode *steps,
		       const struct ynode *steps_key)
{
	if (steps->kind != Y_SEQ) {
		lv_err(c, steps, "`steps` needs a list of steps, got %s", lv_kind_word(steps));
	} else if (steps->n == 0) {
		lv_err(c, steps, "`steps` is empty; list at least one step");
	} else if (steps->n > ROUTINE_MAX_STEPS) {
		lv_err(c, steps->kids[ROUTINE_MAX_STEPS],
		    "more than %d steps; refusing the file", ROUTINE_MAX_STEPS);
	} else {
		r->steps = xcalloc(steps->n, sizeof *r->steps);
		long long weight = 0;
		for (size_t i = 0; i < steps->n && !c->gave_up; i++) {
			load_step(c, &r->steps[r->nsteps++], steps->kids[i]);
			weight += step_weight(&r->steps[i]);
		}
		if (weight > ROUTINE_MAX_SEGMENTS)
			lv_err(c, steps_key, "the steps expand to more than %d timed parts; split the routine",
			    ROUTINE_MAX_SEGMENTS);
	}
}

static struct routine *load_tree(struct checker *c, const struct ynode *root,
				 const char *file)
{
	const struct keyspec ks = {
		.where = "the routine", .known = format_level_keys(LEVEL_TOP),
		.applies = format_level_keys(LEVEL_TOP),
	};
	if (lv_is_null(root)) {
		lv_err(c, root, "the document is empty; a routine needs at least `name` and `steps`");
		return NULL;
	}
	if (root->kind != Y_MAP) {
		lv_err(c, root, "a routine is a mapping with `name` and `steps`, not %s",
		    lv_kind_word(root));
		return NULL;
	}
	struct routine *r = xcalloc(1, sizeof *r);
	r->file = xstrdup(file);
	r->load_step = LOAD_STEP_DEFAULT;
	struct keys f;
	read_keys(c, root, &ks, &f);

	/* defaults and the load step first: steps before them in the file
	 * still get them */
	if (f.val[K_DEFAULTS])
		load_defaults(c, f.val[K_DEFAULTS]);
	c->load_step = LOAD_STEP_DEFAULT;
	if (f.val[K_LOAD_STEP] && get_load(c, f.val[K_LOAD_STEP], K_LOAD_STEP, &c->load_step))
		r->load_step = c->load_step;
	int format;
	if (f.val[K_FORMAT] && lv_get_int(c, f.val[K_FORMAT], "format", 0, 1000, &format) &&
	    format != 1)
		lv_err(c, f.val[K_FORMAT], "`format: %d` is not supported; this recoup reads format 1",
		    format);
	if (f.val[K_NAME])
		get_text(c, f.val[K_NAME], K_NAME, &r->name);
	else if (missing(&f, K_NAME, LEVEL_TOP))
		lv_err(c, root, "the routine has no `name`");
	if (f.val[K_DESCRIPTION])
		get_text(c, f.val[K_DESCRIPTION], K_DESCRIPTION, &r->description);
	if (f.val[K_SCHEDULE])
		lv_get_schedule(c, f.val[K_SCHEDULE], &r->schedule);
	if (f.val[K_STEPS])
		load_steps(c, r, f.val[K_STEPS], f.key[K_STEPS]);
	else if (missing(&f, K_STEPS, LEVEL_TOP))
		lv_err(c, root, "the routine has no `steps`; list at least one step");
	return r;
}

struct routine *routine_load_buffer(const char *name, const char *data,
				    size_t len, struct diags *d)
{
	if (len > ROUTINE_MAX_BYTES) {
		diags_add(d, DIAG_ERROR, 0, 0,
			  "file is too large (%zu bytes; routines are at most 1 MiB)", len);
		return NULL;
	}
	struct ynode *root = tree_build(data, len, d);
	if (!root)
		return NULL;
	struct checker c = { .d = d };
	struct routine *r = load_tree(&c, root, name);
	ynode_free(root);
	diags_sort(d);
	if (d->nerrors) {
		routine_free(r);
		return NULL;
	}
	return r;
}

struct routine *routine_load(const char *path, struct diags *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) < 0) {
		diags_add(d, DIAG_ERROR, 0, 0, "cannot open: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (S_ISDIR(sb.st_mode)) {
		diags_add(d, DIAG_ERROR, 0, 0, "is a directory, not a routine file");
		close(fd);
		return NULL;
	}
	if (S_ISREG(sb.st_mode) && sb.st_size > ROUTINE_MAX_BYTES) {
		diags_add(d, DIAG_ERROR, 0, 0,
			  "file is too large (%lld bytes; routines are at most 1 MiB)",
			  (long long)sb.st_size);
		close(fd);
		return NULL;
	}
	/* read at most one byte past the limit, so pipes are bounded too */
	size_t cap = S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 65536, len = 0;
	char *data = xmalloc(cap);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	for (;;) {
		if (len == cap) {
			if (cap > ROUTINE_MAX_BYTES)
				break;
			cap *= 2;
			data = xrealloc(data, cap);
		}
		ssize_t n = read(fd, data + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diags_add(d, DIAG_ERROR, 0, 0, "cannot read: %s", strerror(errno));
			free(data);
			close(fd);
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	struct routine *r = routine_load_buffer(path, data, len, d);
	free(data);
	return r;
}
