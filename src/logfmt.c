/* logfmt.c: formatting and parsing session log lines. */
#include "config.h"

#include "logfmt.h"
#include "safetext.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const event_words[] = {
#define X(id, word) word,
	LOG_EVENTS(X)
#undef X
};

const char *log_event_word(enum log_event e)
{
	return (unsigned)e < LOG_EVENT_COUNT ? event_words[e] : "unknown";
}

enum log_event log_event_from(const char *word)
{
	for (int i = 0; i < LOG_EVENT_COUNT; i++)
		if (!strcmp(word, event_words[i]))
			return (enum log_event)i;
	return LOG_UNKNOWN;
}

void logline_begin(struct buf *b, const struct timespec *when, const char *sid,
		   enum log_event ev)
{
	struct tm tm;
	char stamp[64], zone[8];
	time_t t = when->tv_sec;
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	/* %z gives +0100; ISO 8601 extended wants +01:00 */
	strftime(zone, sizeof zone, "%z", &tm);
	b->len = 0;
	buf_addf(b, "%s.%03ld%.3s:%.2s %s %s", stamp, when->tv_nsec / 1000000L,
		 zone, zone + 3, sid, log_event_word(ev));
}

static bool is_bare(const char *v)
{
	if (!*v)
		return false;
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;
		/* ASCII alone: isalnum() in a Latin-1 locale takes 8-bit bytes */
		if (c >= 0x80 || (!isalnum(c) && !strchr("._:/@%+-", c)))
			return false;
	}
	return true;
}

void logline_str(struct buf *b, const char *key, const char *value)
{
	buf_addc(b, ' ');
	buf_adds(b, key);
	buf_addc(b, '=');
	if (is_bare(value)) {
		buf_adds(b, value);
		return;
	}
	buf_addc(b, '"');
	/* tail -f shows the log raw: no control character goes in as it is */
	safe_add(b, value, SAFE_QUOTED);
	buf_addc(b, '"');
}

void logline_int(struct buf *b, const char *key, long long value)
{
	buf_addf(b, " %s=%lld", key, value);
}

void logline_secs(struct buf *b, const char *key, long long ms)
{
	if (ms < 0)
		ms = 0;
	if (ms % 1000)
		buf_addf(b, " %s=%lld.%03lld", key, ms / 1000, ms % 1000);
	else
		buf_addf(b, " %s=%lld", key, ms / 1000);
}

void logline_end(struct buf *b)
{
	buf_addc(b, '\n');
}

void logrec_init(struct logrec *r)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->store);
}

void logrec_free(struct logrec *r)
{
	free(r->f);
	buf_free(&r->store);
	memset(r, 0, sizeof *r);
}

/* (logfmt.h) */
long long logfmt_days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool logfmt_civil_from_days(long long day, int *y, int *m, int *d)
{
	/* a day number is a calendar date: read it as a UTC day */
	time_t t = (time_t)(day * 86400);
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return false;
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
	return true;
}

void logfmt_day_text(long long day, char *out, size_t size)
{
	int y, m, d;
	if (logfmt_civil_from_days(day, &y, &m, &d))
		snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, size, "day %lld", day);
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* `n` digits at `s` as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "2026-11-23T18:04:11.204+01:00", exactly; never reads past `n`. */
static const char *parse_stamp(struct logrec *r, const char *s, size_t n)
{
	if (n != 29 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != '.' || (s[23] != '+' && s[23] != '-') || s[26] != ':')
		return "bad timestamp";
	int Y = digits(s, 4), M = digits(s + 5, 2), D = digits(s + 8, 2);
	int h = digits(s + 11, 2), m = digits(s + 14, 2), sec = digits(s + 17, 2);
	int ms = digits(s + 20, 3), oh = digits(s + 24, 2), om = digits(s + 27, 2);
	if (Y < 0 || M < 1 || M > 12 || D < 1 || D > 31 || h < 0 || h > 23 || m < 0 ||
	    m > 59 || sec < 0 || sec > 60 || ms < 0 || oh < 0 || oh > 23 || om < 0 || om > 59)
		return "bad timestamp";
	if (Y == 0 || D > days_in_month(Y, M))
		return "impossible date in timestamp";
	memcpy(r->stamp, s, n);
	r->stamp[n] = '\0';
	long long t = logfmt_days_from_civil(Y, M, D) * 86400LL + h * 3600 + m * 60 + sec;
	long long off = (oh * 60 + om) * 60LL;
	r->when = (time_t)(s[23] == '+' ? t - off : t + off);
	r->ms = ms;
	return NULL;
}

/* Offsets into r->store, turned into pointers once the store stops moving. */
struct span {
	size_t key, value;
};

/* The last field of a whole line, per event; "" where it varies. */
static const char *const whole_ends[LOG_EVENT_COUNT][2] = {
	[LOG_SET] = { "elapsed" }, [LOG_SPOT] = { "elapsed" }, [LOG_ICE] = { "elapsed" },
	[LOG_SKIP] = { "elapsed" }, [LOG_DONE] = { "elapsed" },
	[LOG_END] = { "elapsed", "signal" }, [LOG_RESUME] = { "paused" },
	[LOG_CHECKIN] = { "elapsed" },
};

bool logrec_whole(const struct logrec *r)
{
	if (r->event >= LOG_EVENT_COUNT || !whole_ends[r->event][0])
		return true;
	if (!r->nf)
		return false;
	const char *last = r->f[r->nf - 1].key;
	for (size_t i = 0; i < 2 && whole_ends[r->event][i]; i++)
		if (!strcmp(last, whole_ends[r->event][i]))
			return true;
	return false;
}

const char *logrec_parse(struct logrec *r, const char *line, size_t len)
{
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	const char *p = line, *end = line + len;
	r->nf = 0;
	r->store.len = 0;

	const char *sp = memchr(p, ' ', (size_t)(end - p));
	if (!sp)
		return "not a log line";
	const char *why = parse_stamp(r, p, (size_t)(sp - p));
	if (why)
		return why;
	p = sp + 1;
	sp = memchr(p, ' ', (size_t)(end - p));
	const char *sid_end = sp ? sp : end;
	if (sid_end == p || (size_t)(sid_end - p) >= sizeof r->sid)
		return "bad session id";
	memcpy(r->sid, p, (size_t)(sid_end - p));
	r->sid[sid_end - p] = '\0';
	if (!sp)
		return "no event word";
	p = sp + 1;
	sp = memchr(p, ' ', (size_t)(end - p));
	const char *ev_end = sp ? sp : end;
	if (ev_end == p || (size_t)(ev_end - p) >= sizeof r->event_word)
		return "bad event word";
	memcpy(r->event_word, p, (size_t)(ev_end - p));
	r->event_word[ev_end - p] = '\0';
	r->event = log_event_from(r->event_word);
	p = ev_end;

	struct span *spans = NULL;
	size_t nspans = 0, spcap = 0;
	while (p < end) {
		if (*p != ' ') {
			free(spans);
			return "fields must be separated by one space";
		}
		p++;
		const char *eq = p;
		while (eq < end && *eq != '=' && *eq != ' ')
			eq++;
		if (eq == end || *eq != '=' || eq == p) {
			free(spans);
			return "a field is not key=value";
		}
		spans = xgrow(spans, &spcap, nspans + 1, sizeof *spans);
		spans[nspans].key = r->store.len;
		buf_add(&r->store, p, (size_t)(eq - p));
		buf_addc(&r->store, '\0');
		spans[nspans].value = r->store.len;
		p = eq + 1;
		if (p < end && *p == '"') {
			p++;
			for (;;) {
				if (p == end) {
					free(spans);
					return "unterminated quoted value";
				}
				if (*p == '"')
					break;
				if (*p == '\\') {
					if (++p == end) {
						free(spans);
						return "unterminated quoted value";
					}
					size_t esc = safe_unescape(&r->store, p, (size_t)(end - p));
					if (esc) {
						p += esc;
						continue;
					}
					char c = *p == 'n' ? '\n' : *p == 't' ? '\t' :
						 *p == 'r' ? '\r' : *p;
					buf_addc(&r->store, c);
					p++;
				} else {
					/* copy the run up to the next quote or escape at once */
					const char *q = p;
					while (q < end && *q != '"' && *q != '\\')
						q++;
					buf_add(&r->store, p, (size_t)(q - p));
					p = q;
				}
			}
			p++;
		} else {
			const char *v = p;
			while (p < end && *p != ' ')
				p++;
			buf_add(&r->store, v, (size_t)(p - v));
		}
		buf_addc(&r->store, '\0');
		nspans++;
	}
	r->f = xgrow(r->f, &r->cap, nspans, sizeof *r->f);
	for (size_t i = 0; i < nspans; i++) {
		r->f[i].key = r->store.s + spans[i].key;
		r->f[i].value = r->store.s + spans[i].value;
	}
	r->nf = nspans;
	free(spans);
	return NULL;
}

const char *logrec_get(const struct logrec *r, const char *key)
{
	for (size_t i = 0; i < r->nf; i++)
		if (!strcmp(r->f[i].key, key))
			return r->f[i].value;
	return NULL;
}

long long logfmt_int(const char *v, long long dflt)
{
	if (!v || !*v)
		return dflt;
	char *e;
	long long n = strtoll(v, &e, 10);
	return *e ? dflt : n;
}

long long logrec_int(const struct logrec *r, const char *key, long long dflt)
{
	return logfmt_int(logrec_get(r, key), dflt);
}
