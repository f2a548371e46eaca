/* schema.c: format.h's table written out as a JSON Schema (draft 7).
 * Every key becomes a definition, with its title and description and its
 * value's type, range, words or pattern, and a property by reference at
 * each level it goes at; each step type's keys (the only ones it takes,
 * so that an editor offers just those) and required keys are if/then
 * rules on `type`.  The patterns are parse.c's grammars as regular
 * expressions (ECMA 262, which editors use; Python's re reads them the
 * same), and the numbers YAML reads as numbers are ranges.  What a schema
 * cannot say (MIN above MAX, lengths in bytes, the warnings, ...) only the
 * loader checks: tests/schema_validate.py lists it, and recoup-routine(5). */
#include "config.h"

#include "schema.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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
	if (w->depth + 1 >= JW_DEPTH)
		abort(); /* the schema's shape is fixed: deeper is a bug here */
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
_Static_assert(TEMPO_PHASE_MAX == 60, "PHASE spells out 0 to 60");
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

/* A pattern (no anchors) for the whole numbers above `hi`, written
 * without leading zeros: more digits than hi, or as many and larger at
 * the first digit that differs ("1000": [1-9][0-9]{4,}|[2-9][0-9]{3}|
 * 1[1-9][0-9]{2}|10[1-9][0-9]|100[1-9]). */
static void over_pattern(struct buf *b, long hi)
{
	if (hi < 1)
		abort(); /* every top in the table is 1 or more */
	char d[24];
	int n = snprintf(d, sizeof d, "%ld", hi);
	buf_addf(b, "(?:[1-9][0-9]{%d,}", n);
	for (int i = 0; i < n; i++) {
		if (d[i] == '9')
			continue;
		buf_addc(b, '|');
		buf_add(b, d, (size_t)i);
		if (i == 0 && d[i] == '0')
			continue;
		char lo = (char)(d[i] + 1);
		if (i == 0 && lo < '1')
			lo = '1';
		if (lo == '9')
			buf_adds(b, "9");
		else
			buf_addf(b, "[%c-9]", lo);
		if (n - i - 1 > 0)
			buf_addf(b, "[0-9]{%d}", n - i - 1);
	}
	buf_addc(b, ')');
}

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

/* A string's pattern: `pattern` (anchored with ^), where `must` (if any)
 * matches too and `not_pattern` (if any) does not, both as lookaheads, so
 * that an editor says `message`, in the loader's words, rather than
 * "matches a schema that is not allowed". */
static void text_pattern(struct jw *w, const char *pattern, const char *must,
			 const char *not_pattern, const char *message)
{
	struct buf p;
	buf_init(&p);
	buf_addc(&p, '^');
	if (must)
		buf_addf(&p, "(?=%s)", must);
	if (not_pattern)
		buf_addf(&p, "(?!%s)", not_pattern);
	buf_adds(&p, pattern + 1);
	jw_str(w, "pattern", p.s);
	buf_free(&p);
	/* yaml-language-server's (and VS Code's) word for a pattern's error */
	jw_str(w, "patternErrorMessage", message);
}

/* A number as YAML reads one, in a range, or the same value written as
 * text matching `pattern`: one schema, since minimum and maximum apply to
 * numbers alone and pattern to strings alone (and an editor then says
 * what is wrong with the value, not that it is not a number). */
static void number_or_text(struct jw *w, const char *type, const char *min, const char *max,
			   bool exclusive_min, const char *pattern, const char *not_pattern,
			   const char *message)
{
	jw_strs(w, "type", (const char *const[]){ type, "string" }, 2);
	jw_raw(w, exclusive_min ? "exclusiveMinimum" : "minimum", min);
	jw_raw(w, "maximum", max);
	text_pattern(w, pattern, NULL, not_pattern, message);
}

static void text_value(struct jw *w, long max)
{
	/* a plain 12 or true is text to the loader, a number or a boolean
	 * to YAML */
	static const char *const types[] = { "string", "number", "boolean" };
	char *msg = xasprintf("Text on one line, not empty, at most %ld bytes, without control "
			      "characters.", max);
	jw_strs(w, "type", types, 3);
	jw_str(w, "errorMessage", msg);
	/* the loader counts what is left once the blanks at the end (and a
	 * block scalar's line break) are off: so must the length, which
	 * maxLength cannot; characters, though, not bytes */
	char *length = xasprintf("[^\\n]{0,%ld}[ \\t\\n]*$", max);
	text_pattern(w, TEXT_PATTERN, length, NULL, msg);
	free(length);
	free(msg);
}

static void words_value(struct jw *w, const char *const *words, size_t n)
{
	jw_str(w, "type", "string");
	jw_strs(w, "enum", words, n);
}

/* Properties by reference to the keys' definitions: those of `mask`. */
static void properties(struct jw *w, unsigned mask)
{
	jw_open(w, "properties", '{');
	for (int k = 0; k < K_COUNT; k++) {
		if (!(mask & (1u << k)))
			continue;
		char ref[64];
		snprintf(ref, sizeof ref, "#/definitions/%s", format_key_words[k]);
		jw_open(w, format_key_words[k], '{');
		jw_str(w, "$ref", ref);
		jw_close(w, '}');
	}
	jw_close(w, '}');
}

/* The keys required at a level (for a step: of every type). */
static void level_required(struct jw *w, enum format_level level)
{
	const char *req[K_COUNT];
	size_t n = 0;
	for (int k = 0; k < K_COUNT; k++)
		if (format_required((enum format_key)k, level))
			req[n++] = format_key_words[k];
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
		number_or_text(w, "integer", lo, hi, false, "^\\+?0*1$", NULL,
			       "This recoup reads format 1.");
		break;
	case V_TEXT:
		text_value(w, ki->hi);
		break;
	case V_DURATION: {
		/* as text: none that is zero (no digit but 0), nor one part
		 * alone over 4 hours; parts that add up to more only the
		 * loader sees */
		long max_s = (long)(DURATION_MAX_MS / 1000);
		char min[32], max[32];
		snprintf(min, sizeof min, "%lld", DURATION_MIN_MS / 1000);
		snprintf(max, sizeof max, "%ld", max_s);
		struct buf no;
		buf_init(&no);
		buf_adds(&no, "^[^1-9]*$|^" SP "0*");
		over_pattern(&no, max_s);
		buf_adds(&no, "s?" SP "$|^" SP "0*");
		over_pattern(&no, max_s / 3600);
		buf_adds(&no, "h|.*(?:^|h)" SP "0*");
		over_pattern(&no, max_s / 60);
		buf_adds(&no, "m");
		number_or_text(w, "integer", min, max, false, DURATION_PATTERN, no.s,
			       "A duration from 1 second to 4 hours, like 90s, 15m, 1m30s, 1:30 or "
			       "90 (seconds).");
		buf_free(&no);
		break;
	}
	case V_COUNT:
	case V_REPS: {
		/* as text: no number below 1 or above the top */
		struct buf no;
		buf_init(&no);
		if (ki->kind == V_COUNT)
			buf_adds(&no, "^\\+?");
		else
			buf_adds(&no, ".*(?:^|-)" SP);
		buf_adds(&no, "(?:0+|0*");
		over_pattern(&no, ki->hi);
		buf_adds(&no, ki->kind == V_COUNT ? ")$" : ")" SP "(?:-|$)");
		char *msg = ki->kind == V_COUNT
			? xasprintf("A whole number from %ld to %ld.", ki->lo, ki->hi)
			: xasprintf("A number of reps like 12, or a range like 8-15, from %ld to %ld.",
				    ki->lo, ki->hi);
		number_or_text(w, "integer", lo, hi, false,
			       ki->kind == V_COUNT ? COUNT_PATTERN : REPS_PATTERN, no.s, msg);
		free(msg);
		buf_free(&no);
		break;
	}
	case V_LOAD: {
		/* grams in the table, kilograms in the file */
		char max[32];
		snprintf(max, sizeof max, "%ld", ki->hi / 1000);
		/* as text: none over the top (nor 0, for a load step) */
		struct buf no;
		buf_init(&no);
		buf_adds(&no, "0*");
		over_pattern(&no, ki->hi / 1000);
		buf_addf(&no, "(?![0-9])|0*%ld\\.[0-9]*[1-9]", ki->hi / 1000);
		if (ki->lo > 0)
			buf_adds(&no, "|" LOAD_ZERO);
		number_or_text(w, "number", "0", max, ki->lo > 0, LOAD_PATTERN, no.s,
			       ki->lo > 0 ? "Kilograms more than 0, like 2.5 (at most 1000, and three decimals)."
					  : "Kilograms like 0, 2.5 or 10 (at most 1000, and three decimals).");
		buf_free(&no);
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
		jw_strs(w, "type", (const char *const[]){ "boolean", "string" }, 2);
		text_pattern(w, p.s, NULL, NULL, "true or false.");
		buf_free(&p);
		break;
	}
	case V_TEMPO:
		jw_str(w, "type", "string");
		text_pattern(w, TEMPO_PATTERN, NULL, TEMPO_ZERO,
			     "A tempo as down-hold-up seconds like 2-0-1 (each 0 to 60, not all 0), "
			     "or self.");
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
		/* and no day twice, short and in full ([mon, monday]) */
		jw_open(w, "not", '{');
		jw_open(w, "anyOf", '[');
		for (int d = 0; d < 7; d++) {
			jw_open(w, NULL, '{');
			jw_open(w, "allOf", '[');
			for (int form = 0; form < 2; form++) {
				jw_open(w, NULL, '{');
				jw_open(w, "contains", '{');
				jw_str(w, "const", schedule_weekday_words[d + 7 * form]);
				jw_close(w, '}');
				jw_close(w, '}');
			}
			jw_close(w, ']');
			jw_close(w, '}');
		}
		jw_close(w, ']');
		jw_close(w, '}');
		jw_close(w, '}');
		jw_close(w, ']');
		break;
	}
	case V_DEFAULTS:
		jw_str(w, "type", "object");
		properties(w, format_level_keys(LEVEL_DEFAULTS));
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

/* A key's definition: its title, description and value. */
static void key_schema(struct jw *w, enum format_key k)
{
	const struct format_key_info *ki = &format_keys[k];
	jw_open(w, format_key_words[k], '{');
	jw_str(w, "title", ki->title);
	jw_str(w, "description", ki->description);
	value_schema(w, ki);
	jw_close(w, '}');
}

/* `if` the step's type is `word` (NULL: a type that is none of the
 * format's, or none); `undtimed`: and the step gives no duration. */
static void if_type(struct jw *w, const char *word, bool undtimed)
{
	jw_open(w, "if", '{');
	jw_open(w, "properties", '{');
	jw_open(w, "type", '{');
	if (word) {
		jw_str(w, "const", word);
	} else {
		jw_open(w, "not", '{');
		jw_open(w, "enum", '[');
		for (int t = 0; t < STEP_TYPE_COUNT; t++)
			jw_str(w, NULL, step_type_word((enum step_type)t));
		jw_close(w, ']');
		jw_close(w, '}');
	}
	jw_close(w, '}');
	jw_close(w, '}');
	if (word)
		jw_strs(w, "required", (const char *const[]){ "type" }, 1);
	if (undtimed) {
		jw_open(w, "not", '{');
		jw_strs(w, "required", (const char *const[]){ format_key_words[K_DURATION] }, 1);
		jw_close(w, '}');
	}
	jw_close(w, '}');
}

/* Per step type, the keys it takes (then only those: an editor offers
 * just them) and the ones it must give; without a type of the format,
 * every key of any step, each checked by its own grammar, as the loader
 * does. */
static void step_type_rules(struct jw *w)
{
	unsigned step_keys = format_level_keys(LEVEL_STEP);
	jw_open(w, "allOf", '[');
	for (int t = 0; t < STEP_TYPE_COUNT; t++) {
		const char *req[K_COUNT];
		size_t nreq = 0;
		unsigned takes = 0;
		for (int k = 0; k < K_COUNT; k++) {
			if (!(step_keys & (1u << k)) || !(format_keys[k].types & (1u << t)))
				continue;
			takes |= 1u << k;
			if (format_keys[k].required_types & (1u << t))
				req[nreq++] = format_key_words[k];
		}
		jw_open(w, NULL, '{');
		if_type(w, step_type_word((enum step_type)t), false);
		jw_open(w, "then", '{');
		/* an editor names its snippet of the required keys by this */
		char *title = xasprintf("%s step", step_type_word((enum step_type)t));
		jw_str(w, "title", title);
		free(title);
		properties(w, takes);
		if (nreq)
			jw_strs(w, "required", req, nreq);
		jw_raw(w, "additionalProperties", "false");
		jw_close(w, '}');
		jw_close(w, '}');
	}
	jw_open(w, NULL, '{');
	if_type(w, NULL, false);
	jw_open(w, "then", '{');
	properties(w, step_keys);
	jw_raw(w, "additionalProperties", "false");
	jw_close(w, '}');
	jw_close(w, '}');
	/* a massage step without a duration: every spot gives its own (the
	 * loader's "spot X has no duration") */
	jw_open(w, NULL, '{');
	if_type(w, step_type_word(STEP_MASSAGE), true);
	jw_open(w, "then", '{');
	jw_open(w, "properties", '{');
	jw_open(w, format_key_words[K_SPOTS], '{');
	jw_open(w, "items", '{');
	jw_str(w, "type", "object");
	jw_strs(w, "required", (const char *const[]){ format_key_words[K_DURATION] }, 1);
	jw_str(w, "errorMessage",
	       "This spot has no duration: give it one ({name: ..., duration: 90s}), or give its step a duration.");
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, '}');
	/* ice rounds, more than one: the time off between them (the
	 * loader's "`rounds: 3` needs `off:`") */
	jw_open(w, NULL, '{');
	jw_open(w, "if", '{');
	jw_open(w, "properties", '{');
	/* of an ice step: on another, `rounds` is the mistake to show */
	jw_open(w, "type", '{');
	jw_str(w, "const", step_type_word(STEP_ICE));
	jw_close(w, '}');
	jw_open(w, format_key_words[K_ROUNDS], '{');
	jw_open(w, "anyOf", '[');
	jw_open(w, NULL, '{');
	jw_str(w, "type", "integer");
	jw_num(w, "minimum", 2);
	jw_close(w, '}');
	jw_open(w, NULL, '{');
	jw_str(w, "type", "string");
	jw_str(w, "pattern", COUNT_PATTERN);
	jw_open(w, "not", '{');
	jw_str(w, "pattern", "^\\+?0*[01]$");
	jw_close(w, '}');
	jw_close(w, '}');
	jw_close(w, ']');
	jw_close(w, '}');
	jw_close(w, '}');
	jw_strs(w, "required", (const char *const[]){ "type", format_key_words[K_ROUNDS] }, 2);
	jw_close(w, '}');
	jw_open(w, "then", '{');
	jw_strs(w, "required", (const char *const[]){ format_key_words[K_OFF] }, 1);
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
	properties(&w, format_level_keys(LEVEL_TOP));
	level_required(&w, LEVEL_TOP);
	jw_raw(&w, "additionalProperties", "false");
	jw_open(&w, "definitions", '{');

	jw_open(&w, "step", '{');
	jw_str(&w, "title", "Step");
	jw_str(&w, "description",
	       "One step of the routine: a type, a name, and the keys of its type.");
	jw_str(&w, "type", "object");
	/* the keys of every type here; the rest, and "no other", per type */
	unsigned common = 0;
	for (int k = 0; k < K_COUNT; k++)
		if ((format_keys[k].levels & LEVEL_STEP) && format_keys[k].types == (1u << STEP_TYPE_COUNT) - 1)
			common |= 1u << k;
	properties(&w, common);
	level_required(&w, LEVEL_STEP);
	step_type_rules(&w);
	jw_close(&w, '}');

	jw_open(&w, "spot", '{');
	jw_str(&w, "title", "Spot");
	jw_str(&w, "description", "A massage spot: its name, and perhaps its own duration and cue.");
	jw_str(&w, "type", "object");
	properties(&w, format_level_keys(LEVEL_SPOT));
	level_required(&w, LEVEL_SPOT);
	jw_raw(&w, "additionalProperties", "false");
	jw_close(&w, '}');

	for (int k = 0; k < K_COUNT; k++)
		key_schema(&w, (enum format_key)k);

	jw_close(&w, '}');
	jw_close(&w, '}');
	buf_addc(&w.b, '\n');
	return buf_take(&w.b);
}
