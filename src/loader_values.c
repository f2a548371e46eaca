/* loader_values.c: stage two's readers of one value of the routine format
 * (text, durations, numbers, sides, measures, schedules, loads, tempos)
 * and its messages, every mistake at the value's line and column. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "loader_int.h"

void lv_err(struct checker *c, const struct ynode *at, const char *fmt, ...)
{
	if (c->d->nerrors >= ROUTINE_MAX_ERRORS) {
		if (!c->gave_up)
			diags_add(c->d, DIAG_ERROR, at->line, at->col,
				  "too many errors; not reporting more");
		c->gave_up = true;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diags_add(c->d, DIAG_ERROR, at->line, at->col, "%s", msg);
	free(msg);
}

void lv_warn(struct checker *c, const struct ynode *at, const char *msg)
{
	if (c->hushed)
		return;
	if (c->d->nwarnings >= ROUTINE_MAX_WARNINGS) {
		diags_add(c->d, DIAG_WARNING, at->line, at->col,
			  "too many warnings; not reporting more");
		c->hushed = true;
		return;
	}
	diags_add(c->d, DIAG_WARNING, at->line, at->col, "%s", msg);
}

bool lv_is_null(const struct ynode *y)
{
	return y->kind == Y_SCALAR && y->plain &&
	       (!*y->text || !strcmp(y->text, "~") || !strcmp(y->text, "null") ||
		!strcmp(y->text, "Null") || !strcmp(y->text, "NULL"));
}

const char *lv_kind_word(const struct ynode *y)
{
	if (lv_is_null(y))
		return "nothing";
	return y->kind == Y_MAP ? "a mapping" : y->kind == Y_SEQ ? "a list" : "a single value";
}

/* A scalar with some text, or an error naming the key. */
const char *lv_want_scalar(struct checker *c, const struct ynode *v,
			       const char *key, const char *what)
{
	if (v->kind != Y_SCALAR || lv_is_null(v)) {
		lv_err(c, v, "`%s` needs %s, got %s", key, what, lv_kind_word(v));
		return NULL;
	}
	return v->text;
}

bool lv_get_text(struct checker *c, const struct ynode *v, const char *key,
		     size_t maxlen, char **out)
{
	const char *s = lv_want_scalar(c, v, key, "text");
	if (!s)
		return false;
	size_t n = strlen(s);
	/* a block scalar ends with a line break (unless chomped with `-`):
	 * that one, and any after it, are no line break in the text */
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || (v->block && s[n - 1] == '\n')))
		n--;
	if (n == 0) {
		lv_err(c, v, "`%s` is empty", key);
		return false;
	}
	if (n > maxlen) {
		lv_err(c, v, "`%s` is too long (%zu bytes; at most %zu)", key, n, maxlen);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		/* C1 too (U+0080-U+009F, which libyaml lets in through \x and
		 * \u escapes): a terminal that is not UTF-8 obeys them */
		if (ch < 0x20 || ch == 0x7f ||
		    (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] <= 0x9F)) {
			lv_err(c, v, "`%s` contains a line break or control character; keep it on one line", key);
			return false;
		}
	}
	free(*out);
	*out = xstrndup(s, n);
	return true;
}

bool lv_get_duration(struct checker *c, const struct ynode *v,
			 const char *key, long long *out)
{
	const char *s = lv_want_scalar(c, v, key, "a duration like 90s, 15m, 1m30s or 1:30");
	if (!s)
		return false;
	long long ms;
	if (!duration_parse(s, &ms)) {
		lv_err(c, v, "`%s: %s` is not a duration; write it like 90s, 15m, 1m30s, 1:30 or 90 (seconds)",
		    key, loader_shown(s));
		return false;
	}
	if (ms < DURATION_MIN_MS || ms > DURATION_MAX_MS) {
		lv_err(c, v, "`%s: %s` is out of range; durations are 1s to 4h", key, loader_shown(s));
		return false;
	}
	*out = ms;
	return true;
}

bool lv_get_int(struct checker *c, const struct ynode *v, const char *key,
		    long lo, long hi, int *out)
{
	const char *s = lv_want_scalar(c, v, key, "a whole number");
	if (!s)
		return false;
	long n;
	if (!int_parse_clamped(s, &n)) {
		lv_err(c, v, "`%s: %s` is not a whole number", key, loader_shown(s));
		return false;
	}
	if (n < lo || n > hi) {
		lv_err(c, v, "`%s: %s` is out of range; it must be %ld to %ld", key, loader_shown(s), lo, hi);
		return false;
	}
	*out = (int)n;
	return true;
}

bool lv_get_bool(struct checker *c, const struct ynode *v, const char *key,
		     bool *out)
{
	const char *s = lv_want_scalar(c, v, key, "true or false");
	if (!s)
		return false;
	if (!bool_parse(s, out)) {
		lv_err(c, v, "`%s: %s` is not true or false", key, loader_shown(s));
		return false;
	}
	return true;
}

/* The candidate closest to `word`, ignoring the case of ASCII letters (the
 * candidates are lower case), if it is close enough to be a likely typo. */
const char *lv_suggest(const char *word, const char *const *cands)
{
	char low[72];
	size_t n = strlen(word);
	if (n >= sizeof low)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		low[i] = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] - 'A' + 'a') : word[i];
	return did_you_mean(low, cands);
}

static const char *const side_words[] = { "left", "right", "both", "none", NULL };

bool lv_get_side(struct checker *c, const struct ynode *v, enum side *out)
{
	const char *s = lv_want_scalar(c, v, "side", "left, right, both or none");
	if (!s)
		return false;
	for (int i = 0; i < SIDE_COUNT; i++) {
		if (!strcmp(s, side_word((enum side)i))) {
			*out = (enum side)i;
			return true;
		}
	}
	const char *near = lv_suggest(s, side_words);
	if (near)
		lv_err(c, v, "`side: %s` is not a side (did you mean `%s`?); use left, right, both or none", loader_shown(s), near);
	else
		lv_err(c, v, "`side: %s` is not a side; use left, right, both or none", loader_shown(s));
	return false;
}

static const char *const measure_words[] = { "pain", "tightness", "stiffness", NULL };

bool lv_get_measure(struct checker *c, const struct ynode *v, enum measure *out)
{
	const char *s = lv_want_scalar(c, v, "measure", "pain, tightness or stiffness");
	if (!s)
		return false;
	enum measure m = measure_from(s);
	if (m != MEASURE_COUNT && m != MEASURE_NONE) {
		*out = m;
		return true;
	}
	const char *near = lv_suggest(s, measure_words);
	if (near)
		lv_err(c, v, "`measure: %s` is not a measure (did you mean `%s`?); use pain, tightness or stiffness",
		    loader_shown(s), near);
	else
		lv_err(c, v, "`measure: %s` is not a measure; use pain, tightness or stiffness", loader_shown(s));
	return false;
}

#define SCHEDULE_WORDS "daily, twice daily, or a list of weekdays such as [mon, wed, fri]"

/* `schedule:`: `daily`, `twice daily`, or the weekdays it is due, once. */
bool lv_get_schedule(struct checker *c, const struct ynode *v, struct schedule *out)
{
	if (v->kind == Y_SCALAR && !lv_is_null(v)) {
		const char *s = v->text;
		if (!strcmp(s, "daily") || !strcmp(s, "twice daily")) {
			*out = (struct schedule){ .kind = SCHEDULE_DAILY, .per_day = *s == 't' ? 2 : 1 };
			return true;
		}
		const char *near = lv_suggest(s, format_schedule_words);
		if (!near && schedule_weekday_of(s) >= 0)
			lv_err(c, v, "`schedule: %s` needs the weekdays as a list: `schedule: [%s]`",
			    loader_shown(s), loader_shown(s));
		else if (near)
			lv_err(c, v, "`schedule: %s` is not a schedule (did you mean `%s`?); use " SCHEDULE_WORDS,
			    loader_shown(s), near);
		else
			lv_err(c, v, "`schedule: %s` is not a schedule; use " SCHEDULE_WORDS, loader_shown(s));
		return false;
	}
	if (v->kind != Y_SEQ) {
		lv_err(c, v, "`schedule` needs " SCHEDULE_WORDS ", got %s", lv_kind_word(v));
		return false;
	}
	if (v->n == 0) {
		lv_err(c, v, "`schedule` lists no weekday; name at least one, or leave `schedule` out");
		return false;
	}
	unsigned days = 0;
	bool ok = true;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *d = v->kids[i];
		const char *w = lv_want_scalar(c, d, "schedule", "weekdays: mon, tue, wed, thu, fri, sat, sun");
		if (!w) {
			ok = false;
			continue;
		}
		int k = schedule_weekday_of(w);
		if (k < 0) {
			const char *near = lv_suggest(w, schedule_weekday_words);
			if (near)
				lv_err(c, d, "`%s` is not a weekday (did you mean `%s`?); use mon, tue, wed, thu, fri, sat or sun",
				    loader_shown(w), near);
			else
				lv_err(c, d, "`%s` is not a weekday; use mon, tue, wed, thu, fri, sat or sun",
				    loader_shown(w));
			ok = false;
		} else if (days >> k & 1u) {
			lv_err(c, d, "`%s` is in the schedule twice", loader_shown(w));
			ok = false;
		}
		if (k >= 0)
			days |= 1u << k;
	}
	if (!ok)
		return false;
	*out = (struct schedule){ .kind = SCHEDULE_WEEKDAYS, .per_day = 1, .weekdays = days };
	return true;
}

/* Kilograms, into grams: `load:` (0 allowed: the backpack starts empty)
 * and `load_step:` (more than 0: a step of nothing would never add load). */
bool lv_get_load(struct checker *c, const struct ynode *v, const char *key, bool zero_ok,
		     long *out)
{
	const char *s = lv_want_scalar(c, v, key, "kilograms like 0, 2.5 or 10");
	if (!s)
		return false;
	long g;
	const char *why = load_parse(s, &g);
	if (why) {
		lv_err(c, v, "`%s: %s` %s", key, loader_shown(s), why);
		return false;
	}
	if (!g && !zero_ok) {
		lv_err(c, v, "`%s: %s` adds nothing; give the kilograms to add, like 2.5", key, loader_shown(s));
		return false;
	}
	*out = g;
	return true;
}

bool lv_get_tempo(struct checker *c, const struct ynode *v, struct tempo *out)
{
	const char *s = lv_want_scalar(c, v, "tempo", "down-hold-up seconds like 2-0-1, or self");
	if (!s)
		return false;
	const char *why = tempo_parse(s, out);
	if (why) {
		lv_err(c, v, "`tempo: %s`: %s", loader_shown(s), why);
		return false;
	}
	return true;
}

