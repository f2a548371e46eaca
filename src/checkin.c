/* checkin.c: the morning check-in's questions, its log line and the
 * picker's rule for offering it (checkin.h).  No curses, no terminal. */
#include "config.h"

#include "checkin.h"

#include <ctype.h>
#include <string.h>

#include "clock.h"
#include "logfmt.h"
#include "logmodel.h"
#include "zones.h"

const char *const checkin_default_items[] = { "pain", "stiffness", NULL };


/* ---- the questions ---- */

void checkin_begin(struct checkin *c, const char *const *items, size_t n, long long now_ms)
{
	memset(c, 0, sizeof *c);
	c->items = items;
	c->n = n > CHECKIN_MAX_ITEMS ? CHECKIN_MAX_ITEMS : n;
	for (size_t i = 0; i < CHECKIN_MAX_ITEMS; i++)
		c->value[i] = -1;
	c->t0 = now_ms;
}

bool checkin_done(const struct checkin *c)
{
	return c->cur >= c->n;
}

size_t checkin_answered(const struct checkin *c)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		k += c->value[i] >= 0;
	return k;
}

/* On to the next item; after the last, the time it all took is kept. */
static void advance(struct checkin *c, long long now_ms)
{
	c->one = false;
	c->cur++;
	if (checkin_done(c))
		c->took = now_ms > c->t0 ? now_ms - c->t0 : 0;
}

void checkin_answer(struct checkin *c, int v, long long now_ms)
{
	if (checkin_done(c) || v < 0 || v > 10)
		return;
	c->value[c->cur] = v;
	advance(c, now_ms);
}

void checkin_enter(struct checkin *c, long long now_ms)
{
	if (checkin_done(c))
		return;
	if (c->one) {
		checkin_answer(c, 1, now_ms);
		return;
	}
	c->value[c->cur] = -1;
	advance(c, now_ms);
}

void checkin_digit(struct checkin *c, int d, long long now_ms)
{
	if (checkin_done(c) || d < 0 || d > 9)
		return;
	if (c->one) {
		if (d == 0) {
			checkin_answer(c, 10, now_ms);
			return;
		}
		/* 11 to 19 are no answer: "1 7" is pain 1 and stiffness 7
		 * typed without Enter, so the 1 stands and the 7 answers the
		 * next item (on the last item it has none to answer).  Taken
		 * as a correction, it would log pain 7 for pain 1. */
		checkin_answer(c, 1, now_ms);
		if (checkin_done(c))
			return;
	}
	if (d == 1)
		c->one = true;
	else
		checkin_answer(c, d, now_ms);
}

bool checkin_back(struct checkin *c)
{
	if (c->one) {
		c->one = false;
		return true;
	}
	if (c->cur == 0)
		return false;
	c->cur--;
	c->value[c->cur] = -1;
	return true;
}

/* ---- words ---- */

void checkin_item_title(const char *name, char *out, size_t n)
{
	if (!n)
		return;
	size_t i = 0;
	for (; name[i] && i + 1 < n; i++)
		out[i] = name[i] == '_' ? ' ' : name[i];
	out[i] = '\0';
	out[0] = (char)toupper((unsigned char)out[0]);
}

bool checkin_is_pain(const char *name)
{
	return !strcmp(name, "pain");
}

const char *checkin_zones_text(void)
{
	static char text[64];
	if (!text[0])
		pain_zones_text(text, sizeof text, ", ");
	return text;
}

void checkin_summary(const struct checkin *c, struct buf *b)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->value[i] < 0)
			continue;
		char title[CHECKIN_NAME_MAX + 1];
		checkin_item_title(c->items[i], title, sizeof title);
		title[0] = (char)tolower((unsigned char)title[0]);
		buf_addf(b, "%s%s %d", k++ ? ", " : "", title, c->value[i]);
		if (checkin_is_pain(c->items[i]))
			buf_addf(b, " (%s)", pain_value_word(c->value[i]));
	}
	if (!k)
		buf_adds(b, "nothing");
}

/* ---- the log ---- */

void checkin_line(const struct checkin *c, struct buf *b, const struct timespec *when,
		  const char *sid)
{
	logline_begin(b, when, sid, LOG_CHECKIN);
	for (size_t i = 0; i < c->n; i++)
		if (c->value[i] >= 0)
			logline_int(b, c->items[i], c->value[i]);
	/* a tenth of a second is all a check-in's time means */
	long long tenths = (c->took + 50) / 100;
	char secs[32];
	snprintf(secs, sizeof secs, "%lld.%lld", tenths / 10, tenths % 10);
	logline_str(b, "elapsed", secs);
	logline_end(b);
}

bool checkin_log(const struct checkin *c, struct slog *l)
{
	if (!checkin_answered(c))
		return false;
	struct timespec now;
	clock_real.wall(clock_real.ctx, &now);
	char sid[8];
	slog_make_sid(sid, sizeof sid, clock_real_now_ms());
	struct buf b;
	buf_init(&b);
	checkin_line(c, &b, &now, sid);
	slog_write(l, b.s, b.len);
	buf_free(&b);
	return true;
}

/* ---- the picker's offer ---- */

bool checkin_should_offer(const struct checkin_days *d)
{
	return d->session_yesterday && !d->session_today && !d->checkin_today;
}

void checkin_days_head(struct checkin_days *d, const struct lm_session *head)
{
	if (head->kind == LM_SESSION && !head->practice) {
		if (head->day == d->today - 1)
			d->session_yesterday = true;
		else if (head->day == d->today)
			d->session_today = true;
	}
}

void checkin_days_session(struct checkin_days *d, const struct lm_session *s)
{
	if (s->kind == LM_CHECKIN && s->day == d->today)
		d->checkin_today = true;
}

/* Only the day of each start is wanted: nothing is gathered. */
static bool days_want(void *ctx, const struct lm_session *head)
{
	checkin_days_head(ctx, head);
	return false;
}

static void days_session(void *ctx, const struct lm_session *s)
{
	checkin_days_session(ctx, s);
}

static void days_init(struct checkin_days *d, long today, struct lm_reader *r)
{
	memset(d, 0, sizeof *d);
	d->today = today;
	memset(r, 0, sizeof *r);
	r->want = days_want;
	r->session = days_session;
	r->ctx = d;
}

void checkin_days_lines(struct checkin_days *d, long today, const char *const *lines, size_t n)
{
	struct lm_reader r;
	days_init(d, today, &r);
	lm_read_lines(&r, lines, n);
}

bool checkin_days_read(struct checkin_days *d, long today, const char *path)
{
	struct lm_reader r;
	days_init(d, today, &r);
	r.path = path;
	if (lm_read(&r) < 0) {
		memset(d, 0, sizeof *d);
		d->today = today;
		return false;
	}
	return true;
}

bool checkin_offer(const char *path, time_t now)
{
	struct checkin_days d;
	return path && checkin_days_read(&d, lm_local_day(now), path) && checkin_should_offer(&d);
}
