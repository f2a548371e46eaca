/* schema.c: format.h's table written out as a JSON Schema (draft 7).
 * Every key becomes a property at each level it goes at, with its title
 * and description, its value's type, range, words or pattern; each step
 * type's required keys and the keys it takes are if/then rules on
 * `type`.  The patterns are parse.c's grammars as regular expressions
 * (ECMA 262, which editors use; Python's re reads them the same), and
 * the numbers YAML reads as numbers are ranges.  What a schema cannot
 * say (ranges written as text, steps named twice, ...) only the loader
 * checks: tests/schema_validate.sh lists it. */
#include "config.h"

#include "schema.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "parse.h"
#include "routine.h"
#include "util.h"

/* ---- a small JSON writer: two-space indent, keys in the order given ---- */

#define JW_DEPTH 16

struct jw {
	struct buf b;
	int depth;
	bool first[JW_DEPTH];   /* nothing written yet in the open object/array */
};

static void jw_string(struct jw *w, const char *s)
{
	buf_addc(&w->b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_addc(&w->b, '\\');
			buf_addc(&w->b, (char)*p);
		} else if (*p < 0x20) {
			buf_addf(&w->b, "\\u%04x", *p);
		} else {
			buf_addc(&w->b, (char)*p);
		}
	}
	buf_addc(&w->b, '"');
}

/* The separator and indent before a member, and its key (NULL in an
 * array). */
static void jw_member(struct jw *w, const char *key)
{
	if (w->depth > 0) {
		buf_adds(&w->b, w->first[w->depth] ? "\n" : ",\n");
		w->first[w->depth] = false;
	}
	for (int i = 0; i < w->depth; i++)
		buf_adds(&w->b, "  ");
	if (key) {
		jw_string(w, key);
		buf_adds(&w->b, ": ");
	}
}

static void jw_open(struct jw *w, const char *key, char brace)
{
	jw_member(w, key);
	buf_addc(&w->b, brace);
	w->depth++;
	w->first[w->depth] = true;
}

static void jw_close(struct jw *w, char brace)
{
	bool empty = w->first[w->depth];
	w->depth--;
	if (!empty) {
		buf_addc(&w->b, '\n');
		for (int i = 0; i < w->depth; i++)
			buf_adds(&w->b, "  ");
	}
	buf_addc(&w->b, brace);
}

static void jw_str(struct jw *w, const char *key, const char *val)
{
	jw_member(w, key);
	jw_string(w, val);
}

static void jw_num(struct jw *w, const char *key, long val)
{
	jw_member(w, key);
	buf_addf(&w->b, "%ld", val);
}

/* A number, a boolean or null, as written. */
static void jw_raw(struct jw *w, const char *key, const char *val)
{
	jw_member(w, key);
	buf_adds(&w->b, val);
}

/* A short list of strings on one line. */
static void jw_strs(struct jw *w, const char *key, const char *const *v, size_t n)
{
	jw_member(w, key);
	buf_addc(&w->b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&w->b, ", ");
		jw_string(w, v[i]);
	}
	buf_addc(&w->b, ']');
}

/* ---- the grammars (parse.c) as patterns ---- */

#define SP "[ \\t]*"
/* duration_parse(): seconds; H:MM, H:MM:SS; h, m, s in that order */
#define DURATION_PATTERN \
	"^" SP "(?:[0-9]+" SP "|[0-9]+:[0-5][0-9](?::[0-5][0-9])?" SP \
	"|[0-9]+h" SP "(?:[0-9]+m" SP ")?(?:[0-9]+s" SP ")?" \
	"|[0-9]+m" SP "(?:[0-9]+s" SP ")?|[0-9]+s" SP ")$"
/* range_parse(): N or MIN-MAX */
#define REPS_PATTERN "^" SP "[0-9]+" SP "(?:-" SP "[0-9]+" SP ")?$"
/* tempo_parse(): self, or down-hold-up, each 0 to 60 s, not all 0 */
#define PHASE "0*(?:[0-9]|[1-5][0-9]|60)"
#define TEMPO_PATTERN \
	"^" SP "(?:[Ss][Ee][Ll][Ff]|" PHASE SP "-" SP PHASE SP "-" SP PHASE SP ")$"
#define TEMPO_ZERO "^" SP "0+" SP "-" SP "0+" SP "-" SP "0+" SP "$"
/* load_parse(): kilograms, at most three decimals, kg or not */
#define LOAD_PATTERN "^[0-9]+(?:\\.[0-9]{1,3})? *(?:[Kk][Gg])?$"
#define LOAD_ZERO "^0+(?:\\.0{1,3})? *(?:[Kk][Gg])?$"
/* int_parse_clamped(): digits, perhaps a plus sign */
#define COUNT_PATTERN "^\\+?[0-9]+$"
/* lv_get_text(): one line with something in it, no control character
 * (C0, DEL, C1); blanks, and a block scalar's line breaks, at its end */
#define CTRL "\\u0000-\\u001f\\u007f-\\u009f"
#define TEXT_PATTERN "^[^" CTRL "]*[^" CTRL " ][^" CTRL "]*[ \\t\\n]*$"

/* A word in any case, as a pattern: "on" -> "[Oo][Nn]". */
static void any_case(struct buf *b, const char *word)
{
	for (const char *p = word; *p; p++) {
		char lo = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		char up = lo >= 'a' && lo <= 'z' ? (char)(lo - 'a' + 'A') : lo;
		if (lo == up)
			buf_addc(b, lo);
		else
			buf_addf(b, "[%c%c]", up, lo);
	}
}

/* ---- values ---- */

/* Either a number YAML reads as one, within a range, or the same value
 * written as text, matching `pattern`. */
static void number_or_text(struct jw *w, const char *type, const char *min, const char *max,
			   bool exclusive_min, const char *pattern, const char *not_pattern)
{
	jw_open(w, "anyOf", '[');
	jw_open(w, NULL, '{');
	jw_str(w, "type", type);
	jw_raw(w, exclusive_min ? "exclusiveMinimum" : "minimum", min);
	jw_raw(w, "maximum", max);
	jw_close(w, '}');
	jw_open(w, NULL, '{');
	jw_str(w, "type", "string");
	jw_str(w, "pattern", pattern);
	if (not_pattern) {
		jw_open(w, "not", '{');
		jw_str(w, "pattern", not_pattern);
		jw_close(w, '}');
	}
	jw_close(w, '}');
	jw_close(w, ']');
}

static void text_value(struct jw *w, long max)
{
	/* a plain 12 or true is text to the loader, a number or a boolean
	 * to YAML */
	static const char *const types[] = { "string", "number", "boolean" };
	jw_strs(w, "type", types, 3);
	jw_num(w, "minLength", 1);
	jw_num(w, "maxLength", max);
	jw_str(w, "pattern", TEXT_PATTERN);
}

static void words_value(struct jw *w, const char *const *words, size_t n)
{
	jw_str(w, "type", "string");
	jw_strs(w, "enum", words, n);
}

static void key_schema(struct jw *w, enum format_key k, enum format_level level);

/* The properties of a level, each key with its schema. */
static void level_properties(struct jw *w, enum format_level level)
{
	unsigned keys = format_level_keys(level);
	jw_open(w, "properties", '{');
	for (int k = 0; k < K_COUNT; k++)
		if (keys & (1u << k))
			key_schema(w, (enum format_key)k, level);
	jw_close(w, '}');
}

/* The keys required at a level (for a step: of every type). */
static void level_required(struct jw *w, enum format_level level)
{
	const char *req[K_COUNT];
	size_t n = 0;
	for (int k = 0; k < K_COUNT; k++)
		if (format_required((enum format_key)k, level))
			req[n++] = format_keys[k].word;
	if (n)
		jw_strs(w, "required", req, n);
}

static void value_schema(struct jw *w, const struct format_key_info *ki)
{
	char lo[32], hi[32];
	snprintf(lo, sizeof lo, "%ld", ki->lo);
	snprintf(hi, sizeof hi, "%ld", ki->hi);
	switch (ki->kind) {
	case V_FORMAT:
		jw_open(w, "anyOf", '[');
		jw_open(w, NULL, '{');
		jw_num(w, "const", ki->lo);
		jw_close(w, '}');
		jw_open(w, NULL, '{');
		jw_str(w, "type", "string");
		jw_str(w, "pattern", "^\\+?0*1$");
		jw_close(w, '}');
		jw_close(w, ']');
		break;
	case V_TEXT:
		text_value(w, ki->hi);
		break;
	case V_DURATION: {
		char min[32], max[32];
		snprintf(min, sizeof min, "%lld", DURATION_MIN_MS / 1000);
		snprintf(max, sizeof max, "%lld", DURATION_MAX_MS / 1000);
		number_or_text(w, "integer", min, max, false, DURATION_PATTERN, NULL);
		break;
	}
	case V_COUNT:
		number_or_text(w, "integer", lo, hi, false, COUNT_PATTERN, NULL);
		break;
	case V_REPS:
		number_or_text(w, "integer", lo, hi, false, REPS_PATTERN, NULL);
		break;
	case V_LOAD: {
		/* grams in the table, kilograms in the file */
		char max[32];
		snprintf(max, sizeof max, "%ld", ki->hi / 1000);
		number_or_text(w, "number", "0", max, ki->lo > 0, LOAD_PATTERN,
			       ki->lo > 0 ? LOAD_ZERO : NULL);
		break;
	}
	case V_BOOL: {
		struct buf p;
		buf_init(&p);
		buf_adds(&p, "^(?:");
		for (size_t i = 0; bool_words[i]; i++) {
			if (i)
				buf_addc(&p, '|');
			any_case(&p, bool_words[i]);
		}
		buf_adds(&p, ")$");
		jw_open(w, "anyOf", '[');
		jw_open(w, NULL, '{');
		jw_str(w, "type", "boolean");
		jw_close(w, '}');
		jw_open(w, NULL, '{');
		jw_str(w, "type", "string");
		jw_str(w, "pattern", p.s);
		jw_close(w, '}');
		jw_close(w, ']');
		buf_free(&p);
		break;
	}
	case V_TEMPO:
		jw_str(w, "type", "string");
		jw_str(w, "pattern", TEMPO_PATTERN);
		jw_open(w, "not", '{');
		jw_str(w, "pattern", TEMPO_ZERO);
		jw_close(w, '}');
		break;
	case V_TYPE: {
		const char *words[STEP_TYPE_COUNT];
		for (int t = 0; t < STEP_TYPE_COUNT; t++)
			words[t] = step_type_word((enum step_type)t);
		words_value(w, words, STEP_TYPE_COUNT);
		/* yaml-language-server shows these beside the words it offers */
		jw_strs(w, "enumDescriptions", format_type_descriptions, STEP_TYPE_COUNT);
		break;
	}
	case V_SIDE: {
		const char *words[SIDE_COUNT];
		for (int s = 0; s < SIDE_COUNT; s++)
			words[s] = side_word((enum side)s);
		words_value(w, words, SIDE_COUNT);
		break;
	}
	case V_MEASURE: {
		const char *words[MEASURE_COUNT];
		size_t n = 0;
		for (int m = 0; m < MEASURE_COUNT; m++)
			if (m != MEASURE_NONE)
				words[n++] = measure_word((enum measure)m);
		words_value(w, words, n);
		break;
	}
	case V_SCHEDULE: {
		size_t n = 0, nw = 0;
		while (format_schedule_words[n])
			n++;
		while (schedule_weekday_words[nw])
			nw++;
		jw_open(w, "anyOf", '[');
		jw_open(w, NULL, '{');
		words_value(w, format_schedule_words, n);
		jw_close(w, '}');
		jw_open(w, NULL, '{');
		jw_str(w, "type", "array");
		jw_num(w, "minItems", 1);
		jw_raw(w, "uniqueItems", "true");
		jw_open(w, "items", '{');
		words_value(w, schedule_weekday_words, nw);
		jw_close(w, '}');
		jw_close(w, '}');
		jw_close(w, ']');
		break;
	}
	case V_DEFAULTS:
		jw_str(w, "type", "object");
		level_properties(w, LEVEL_DEFAULTS);
		jw_raw(w, "additionalProperties", "false");
		break;
	case V_STEPS:
		jw_str(w, "type", "array");
		jw_num(w, "minItems", ki->lo);
		jw_num(w, "maxItems", ki->hi);
		jw_open(w, "items", '{');
		jw_str(w, "$ref", "#/definitions/step");
		jw_close(w, '}');
		break;
	case V_SPOTS:
		jw_str(w, "type", "array");
		jw_num(w, "minItems", ki->lo);
		jw_num(w, "maxItems", ki->hi);
		jw_open(w, "items", '{');
		jw_open(w, "anyOf", '[');
		jw_open(w, NULL, '{');
		text_value(w, format_keys[K_NAME].hi);
		jw_close(w, '}');
		jw_open(w, NULL, '{');
		jw_str(w, "$ref", "#/definitions/spot");
		jw_close(w, '}');
		jw_close(w, ']');
		jw_close(w, '}');
		break;
	}
}

static void key_schema(struct jw *w, enum format_key k, enum format_level level)
{
	(void)level;
	const struct format_key_info *ki = &format_keys[k];
	jw_open(w, ki->word, '{');
	jw_str(w, "title", ki->title);
	jw_str(w, "description", ki->description);
	value_schema(w, ki);
	jw_close(w, '}');
}

/* Per step type: the keys it must give, and the only keys it takes. */
static void step_type_rules(struct jw *w)
{
	jw_open(w, "allOf", '[');
	for (int t = 0; t < STEP_TYPE_COUNT; t++) {
		const char *req[K_COUNT], *takes[K_COUNT];
		size_t nreq = 0, ntakes = 0;
		unsigned keys = format_level_keys(LEVEL_STEP);
		for (int k = 0; k < K_COUNT; k++) {
			if (!(keys & (1u << k)) || !(format_keys[k].types & (1u << t)))
				continue;
			takes[ntakes++] = format_keys[k].word;
			if (format_keys[k].required_types & (1u << t))
				req[nreq++] = format_keys[k].word;
		}
		jw_open(w, NULL, '{');
		jw_open(w, "if", '{');
		jw_open(w, "properties", '{');
		jw_open(w, "type", '{');
		jw_str(w, "const", step_type_word((enum step_type)t));
		jw_close(w, '}');
		jw_close(w, '}');
		jw_strs(w, "required", (const char *const[]){ "type" }, 1);
		jw_close(w, '}');
		jw_open(w, "then", '{');
		if (nreq)
			jw_strs(w, "required", req, nreq);
		jw_open(w, "propertyNames", '{');
		jw_strs(w, "enum", takes, ntakes);
		jw_close(w, '}');
		jw_close(w, '}');
		jw_close(w, '}');
	}
	/* a massage step without a duration: every spot gives its own (the
	 * loader's "spot X has no duration") */
	jw_open(w, NULL, '{');
	jw_open(w, "if", '{');
	jw_open(w, "properties", '{');
	jw_open(w, "type", '{');
	jw_str(w, "const", step_type_word(STEP_MASSAGE));
	jw_close(w, '}');
	jw_close(w, '}');
	jw_strs(w, "required", (const char *const[]){ "type" }, 1);
	jw_open(w, "not", '{');
	jw_strs(w, "required", (const char *const[]){ format_keys[K_DURATION].word }, 1);
	jw_close(w, '}');
	jw_close(w, '}');
	jw_open(w, "then", '{');
	jw_open(w, "properties", '{');
	jw_open(w, format_keys[K_SPOTS].word, '{');
	jw_open(w, "items", '{');
	jw_str(w, "type", "object");
	jw_strs(w, "required", (const char *const[]){ format_keys[K_DURATION].word }, 1);
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, ']');
}

char *schema_text(void)
{
	struct jw w = { .depth = 0 };
	buf_init(&w.b);
	jw_open(&w, NULL, '{');
	jw_str(&w, "$schema", "http://json-schema.org/draft-07/schema#");
	jw_str(&w, "title", format_title);
	jw_str(&w, "description", format_description);
	jw_str(&w, "type", "object");
	level_properties(&w, LEVEL_TOP);
	level_required(&w, LEVEL_TOP);
	jw_raw(&w, "additionalProperties", "false");
	jw_open(&w, "definitions", '{');

	jw_open(&w, "step", '{');
	jw_str(&w, "title", "Step");
	jw_str(&w, "description",
	       "One step of the routine: a type, a name, and the keys of its type.");
	jw_str(&w, "type", "object");
	level_properties(&w, LEVEL_STEP);
	level_required(&w, LEVEL_STEP);
	jw_raw(&w, "additionalProperties", "false");
	step_type_rules(&w);
	jw_close(&w, '}');

	jw_open(&w, "spot", '{');
	jw_str(&w, "title", "Spot");
	jw_str(&w, "description", "A massage spot: its name, and perhaps its own duration and cue.");
	jw_str(&w, "type", "object");
	level_properties(&w, LEVEL_SPOT);
	level_required(&w, LEVEL_SPOT);
	jw_raw(&w, "additionalProperties", "false");
	jw_close(&w, '}');

	jw_close(&w, '}');
	jw_close(&w, '}');
	buf_addc(&w.b, '\n');
	return buf_take(&w.b);
}
