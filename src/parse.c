/* parse.c: durations, rep ranges, tempos. */
#include "config.h"

#include "parse.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Past every range of the format, and small enough that hours of it in
 * milliseconds, summed, still fit a long long. */
#define DIGITS_CAP 999999999999LL

/* Read digits; returns the end or NULL when there is no digit.  A longer
 * number is read whole and stops at DIGITS_CAP: it is out of range, not
 * malformed, and the caller says so. */
static const char *read_digits(const char *p, long long *v)
{
	long long n = 0;
	int count = 0;
	while (isdigit((unsigned char)*p)) {
		count++;
		n = n * 10 + (*p - '0');
		if (n > DIGITS_CAP)
			n = DIGITS_CAP;
		p++;
	}
	if (!count)
		return NULL;
	*v = n;
	return p;
}

static bool duration_colon(const char *s, long long *ms)
{
	long long part[3];
	int n = 0;
	const char *p = s;
	for (;;) {
		const char *q = read_digits(p, &part[n]);
		if (!q)
			return false;
		/* every part after the first is exactly two digits below 60 */
		if (n > 0 && (q - p != 2 || part[n] >= 60))
			return false;
		n++;
		p = q;
		if (*p != ':')
			break;
		if (n == 3)
			return false;
		p++;
	}
	if (*skip_space(p) || n < 2)
		return false;
	long long secs = n == 2 ? part[0] * 60 + part[1]
				: part[0] * 3600 + part[1] * 60 + part[2];
	*ms = secs * 1000;
	return true;
}

bool duration_parse(const char *s, long long *ms)
{
	s = skip_space(s);
	if (!*s)
		return false;
	if (strchr(s, ':'))
		return duration_colon(s, ms);

	long long v;
	const char *p = read_digits(s, &v);
	if (!p)
		return false;
	if (!*skip_space(p)) { /* bare seconds */
		*ms = v * 1000;
		return true;
	}
	/* units in descending order, each at most once: h, m, s */
	static const struct { char unit; long long scale; } units[] = {
		{ 'h', 3600000 }, { 'm', 60000 }, { 's', 1000 },
	};
	long long total = 0;
	size_t next = 0;
	p = s;
	while (*p) {
		p = read_digits(p, &v);
		if (!p)
			return false;
		size_t u = next;
		while (u < ARRAY_LEN(units) && units[u].unit != *p)
			u++;
		if (u == ARRAY_LEN(units))
			return false;
		total += v * units[u].scale;
		next = u + 1;
		p = skip_space(p + 1);
	}
	*ms = total;
	return true;
}

const char *range_parse(const char *s, struct rep_range *r)
{
	long long lo, hi;
	const char *p = read_digits(skip_space(s), &lo);
	if (!p)
		return "expected a number of reps like 12, or a range like 8-15";
	p = skip_space(p);
	if (!*p) {
		hi = lo;
	} else {
		if (*p != '-')
			return "expected a number of reps like 12, or a range like 8-15";
		p = read_digits(skip_space(p + 1), &hi);
		if (!p || *skip_space(p))
			return "expected a number of reps like 12, or a range like 8-15";
	}
	if (lo < 1 || hi > REPS_MAX)
		return "reps must be between 1 and " XSTR(REPS_MAX);
	if (lo > hi)
		return "the range's first number must not exceed its second";
	r->min = (int)lo;
	r->max = (int)hi;
	return NULL;
}

const char *tempo_parse(const char *s, struct tempo *t)
{
	static const char *const bad =
		"expected a tempo as down-hold-up seconds like 2-0-1, or \"self\"";
	s = skip_space(s);
	if (!strcasecmp(s, "self")) {
		t->self = true;
		t->down = t->hold = t->up = 0;
		return NULL;
	}
	long long v[3];
	const char *p = s;
	for (int i = 0; i < 3; i++) {
		p = read_digits(skip_space(p), &v[i]);
		if (!p)
			return bad;
		p = skip_space(p);
		if (i < 2) {
			if (*p != '-')
				return bad;
			p++;
		}
	}
	if (*p)
		return bad;
	if (v[0] > TEMPO_PHASE_MAX || v[1] > TEMPO_PHASE_MAX || v[2] > TEMPO_PHASE_MAX)
		return "each tempo phase must be at most " XSTR(TEMPO_PHASE_MAX) " seconds";
	if (v[0] + v[1] + v[2] == 0)
		return "a tempo of 0-0-0 has no time in it; use \"self\" for self-paced reps";
	t->self = false;
	t->down = (int)v[0];
	t->hold = (int)v[1];
	t->up = (int)v[2];
	return NULL;
}

long long tempo_rep_ms(const struct tempo *t)
{
	return t->self ? 0 : (long long)(t->down + t->hold + t->up) * 1000;
}

bool int_parse_clamped(const char *s, long *out)
{
	char *end;
	if (!*s || isspace((unsigned char)*s))
		return false;
	long v = strtol(s, &end, 10);
	if (*end || end == s || !isdigit((unsigned char)end[-1]))
		return false;
	/* strtol has already clamped to LONG_MIN or LONG_MAX */
	*out = v;
	return true;
}

bool int_parse(const char *s, long *out)
{
	long v;
	errno = 0;
	if (!int_parse_clamped(s, &v) || errno == ERANGE)
		return false;
	*out = v;
	return true;
}

const char *load_parse(const char *s, long *grams)
{
	const char *p = s;
	long whole = 0, frac = 0;
	int ndig = 0, nfrac = 0;
	while (isdigit((unsigned char)*p)) {
		if (whole > 100000)
			return "is too heavy; a load is 0 to 1000 kg";
		whole = whole * 10 + (*p++ - '0');
		ndig++;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (++nfrac > 3)
				return "has more than three decimals; give kilograms like 2.5";
			frac = frac * 10 + (*p++ - '0');
		}
		if (!nfrac)
			return "needs a digit after the point, like 2.5";
	}
	if (!ndig)
		return "is not a load; give kilograms like 0, 10 or 2.5";
	while (*p == ' ')
		p++;
	if (!strcasecmp(p, "kg"))
		p += 2;
	if (*p)
		return "is not a load; give kilograms like 0, 10 or 2.5";
	for (int i = nfrac; i < 3; i++)
		frac *= 10;
	if (whole > 1000 || (whole == 1000 && frac))
		return "is too heavy; a load is 0 to 1000 kg";
	*grams = whole * 1000 + frac;
	return NULL;
}

void load_format(char out[LOAD_TEXT_SIZE], long grams)
{
	bool neg = grams < 0;
	unsigned long g = neg ? -(unsigned long)grams : (unsigned long)grams;
	int n = snprintf(out, LOAD_TEXT_SIZE, "%s%lu", neg ? "-" : "", g / 1000);
	unsigned long frac = g % 1000;
	if (frac) {
		char d[5];
		snprintf(d, sizeof d, ".%03lu", frac);
		for (int i = 3; d[i] == '0'; i--)
			d[i] = '\0';
		snprintf(out + n, LOAD_TEXT_SIZE - (size_t)n, "%s", d);
	}
}

const char *const bool_words[7] = { "true", "yes", "on", "false", "no", "off", NULL };

bool bool_parse(const char *s, bool *out)
{
	for (size_t i = 0; bool_words[i]; i++) {
		if (!strcasecmp(s, bool_words[i])) {
			*out = i < 3;
			return true;
		}
	}
	return false;
}
