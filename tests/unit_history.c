/* unit_history.c: the log format round trip, the history reader and double
 * progression, on small logs written to a scratch directory. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history.h"
#include "logmodel.h"
#include "targets_one.h"
#include "logfmt.h"
#include "slog.h"
#include "tap.h"
#include "util.h"

/* 2026-11-25T12:00:00Z, a Wednesday in ISO week 48 (Monday 2026-11-23). */
#define NOW ((time_t)1795608000)
#define DAY_2026_11_23 20780L

static char scratch[256];
static int nfiles;

/* Write `text` (len bytes) to a fresh file in the scratch directory. */
static char *write_log_n(const char *text, size_t len)
{
	char *path = xasprintf("%s/log%d", scratch, ++nfiles);
	FILE *f = fopen(path, "w");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f))
		die_errno(99, "%s", path);
	return path;
}

static char *write_log(const char *text)
{
	return write_log_n(text, strlen(text));
}

/* Read `text` as a log with the filter; corrupt-line messages go to *err. */
static void read_text(struct history *h, const char *text,
		      const struct history_filter *f, char **err)
{
	char *path = write_log(text);
	size_t n;
	FILE *e = open_memstream(err, &n);
	if (history_read(h, path, f, NOW, e) < 0)
		die_errno(99, "%s", path);
	fclose(e);
	free(path);
}

static void read_quiet(struct history *h, const char *text,
		       const struct history_filter *f)
{
	char *err;
	read_text(h, text, f, &err);
	free(err);
}

static const struct history_exercise *find_ex(const struct history *h,
					      const char *name, const char *side)
{
	for (size_t i = 0; i < h->nexercises; i++)
		if (!strcmp(h->exercises[i].name, name) &&
		    !strcmp(h->exercises[i].side, side))
			return &h->exercises[i];
	return NULL;
}

/* ---- logfmt round trip ---- */

static void test_roundtrip(void)
{
	static const char *const values[] = {
		"say \"hi\"", "back\\slash", "trailing\\", "two\nlines",
		"tab\there", "cr\rhere", "with spaces", "", "a=b c",
		"Wadendehnung über die Stufe ✓", "\"", "plain-word_1.5",
		" leading", "=",
	};
	struct timespec ts = {.tv_sec = 1795392251, .tv_nsec = 204000000};
	struct buf b;
	struct logrec rec;
	buf_init(&b);
	logrec_init(&rec);
	for (size_t i = 0; i < ARRAY_LEN(values); i++) {
		logline_begin(&b, &ts, "3f9a2c", LOG_START);
		logline_str(&b, "v", values[i]);
		logline_str(&b, "routine", values[i]);
		logline_secs(&b, "elapsed", 24002);
		logline_end(&b);
		ok(strchr(b.s, '\n') == b.s + b.len - 1,
		   "value %zu: one line, newline only at the end", i);
		const char *why = logrec_parse(&rec, b.s, b.len);
		is_str(why, NULL, "value %zu: parses", i);
		is_str(logrec_get(&rec, "v"), values[i], "value %zu: comes back", i);
		is_str(logrec_get(&rec, "routine"), values[i],
		       "value %zu: second field too", i);
	}
	is_str(logrec_get(&rec, "elapsed"), "24.002", "milliseconds as seconds");
	is_int(rec.when, ts.tv_sec, "timestamp round trip: seconds");
	is_int(rec.ms, 204, "timestamp round trip: milliseconds");
	is_str(rec.sid, "3f9a2c", "session id");
	is_int(rec.event, LOG_START, "event word");
	logrec_free(&rec);
	buf_free(&b);
}

/* ---- the reader ---- */

static const char interleaved_log[] =
	"2026-11-20T18:00:00.000+00:00 b2 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops planned=600 steps=3 format=1\n"
	"2026-11-20T18:00:05.000+00:00 c3 start routine=\"Post-run calf care\" id=post-run-calf-care planned=900 steps=2 format=1\n"
	"2026-11-20T18:01:00.000+00:00 c3 set n=1 name=Drive side=left set=1 sets=2 target=9 reps=9 min=8 max=15 elapsed=20\n"
	"2026-11-20T18:01:05.000+00:00 b2 set n=2 name=Drive side=left set=1 sets=1 target=12 reps=12 min=8 max=15 elapsed=20\n"
	"2026-11-20T18:01:30.000+00:00 c3 set n=1 name=Drive side=left set=2 sets=2 target=9 reps=10 min=8 max=15 elapsed=20\n"
	"2026-11-20T18:02:00.000+00:00 b2 rate n=3 name=Pain value=2\n"
	"2026-11-20T18:02:30.000+00:00 c3 rate n=2 name=Pain value=4\n"
	"2026-11-20T18:03:00.000+00:00 c3 end status=quit elapsed=175\n"
	"2026-11-20T18:04:00.000+00:00 b2 end status=complete elapsed=240\n";

static void test_interleaved(void)
{
	struct history h;
	read_quiet(&h, interleaved_log, NULL);
	is_int(h.sessions, 2, "interleaved: two sessions");
	is_int(h.nroutines, 2, "interleaved: two routines");
	is_str(h.routines[0].name, "Alfredson heel drops", "first routine as started");
	is_int(h.routines[0].completed, 1, "b2 completed");
	is_int(h.routines[1].completed, 0, "c3 quit");
	is_int(h.status[HISTORY_QUIT], 1, "one quit");
	is_int(h.status[HISTORY_COMPLETE], 1, "one complete");
	const struct history_exercise *e = find_ex(&h, "Drive", "left");
	ok(e && e->n == 2, "one point per session");
	if (e && e->n == 2) {
		/* c3 logged first, but b2 started first */
		is_int(e->v[0].session, 0, "series in start order: b2 first");
		is_int(e->v[0].reps, 12, "b2 reps");
		is_int(e->v[0].target, 12, "b2 target");
		is_int(e->v[0].sets, 1, "b2 one set");
		is_int(e->v[1].reps, 19, "c3 reps added over its sets");
		is_int(e->v[1].sets, 2, "c3 two sets");
		is_int(e->v[1].target, 9, "c3 target");
	}
	ok(h.nratings == 1 && h.ratings[0].n == 2, "one rating, two points");
	if (h.nratings == 1 && h.ratings[0].n == 2) {
		is_int(h.ratings[0].v[0].value, 2, "rating of b2 first");
		is_int(h.ratings[0].v[1].value, 4, "then c3");
	}
	history_free(&h);
}

static const char practice_log[] =
	"2026-11-20T07:00:00.000+00:00 p1 start routine=Calves id=calves speed=10 format=1\n"
	"2026-11-20T07:00:01.000+00:00 p1 set n=1 name=Drive side=none set=1 sets=1 target=8 reps=8\n"
	"2026-11-20T07:00:02.000+00:00 p1 end status=complete elapsed=2\n"
	"2026-11-21T07:00:00.000+00:00 r1 start routine=Calves id=calves format=1\n"
	"2026-11-21T07:00:01.000+00:00 r1 set n=1 name=Drive side=none set=1 sets=1 target=8 reps=6\n"
	"2026-11-21T07:00:02.000+00:00 r1 end status=complete elapsed=2\n";

static void test_practice(void)
{
	struct history h;
	read_quiet(&h, practice_log, NULL);
	is_int(h.sessions, 1, "practice left out by default");
	is_int(h.practice_left_out, 1, "and counted as left out");
	is_int(h.logged, 2, "both logged");
	const struct history_exercise *e = find_ex(&h, "Drive", "none");
	ok(e && e->n == 1 && e->v[0].reps == 6, "only the real session's reps");
	history_free(&h);

	struct history_filter f = {.practice = true};
	read_quiet(&h, practice_log, &f);
	is_int(h.sessions, 2, "--practice keeps it");
	is_int(h.practice_left_out, 0, "nothing left out");
	e = find_ex(&h, "Drive", "none");
	ok(e && e->n == 2 && e->v[0].reps == 8, "practice reps shown first");
	history_free(&h);
}

static const char filter_log[] =
	"2026-11-01T23:30:00.000+00:00 s1 start routine=\"Post-run calf care\" id=post-run-calf-care format=1\n"
	"2026-11-01T23:40:00.000+00:00 s1 end status=complete elapsed=600\n"
	"2026-11-02T00:10:00.000+00:00 s2 start routine=\"Post-run calf care\" id=post-run-calf-care format=1\n"
	"2026-11-02T00:20:00.000+00:00 s2 end status=complete elapsed=600\n"
	"2026-11-03T08:00:00.000+00:00 s3 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops format=1\n"
	"2026-11-03T08:20:00.000+00:00 s3 end status=complete elapsed=1200\n";

static void test_filters(void)
{
	struct history h;
	struct history_filter f = {0};
	ok(history_parse_since("2026-11-02", &f.since), "since parses");
	is_int(f.since, 1793577600, "since: the start of the local day (UTC)");
	read_quiet(&h, filter_log, &f);
	is_int(h.sessions, 2, "since 2026-11-02 keeps two");
	is_int(h.routines[0].sessions, 1, "one of them post-run");
	history_free(&h);

	f.since = 0;
	f.routine = "POST-RUN CALF CARE";
	read_quiet(&h, filter_log, &f);
	is_int(h.sessions, 2, "routine by display name, any case");
	is_int(h.nroutines, 1, "only that routine");
	history_free(&h);

	f.routine = "Alfredson-Heel-Drops";
	read_quiet(&h, filter_log, &f);
	is_int(h.sessions, 1, "routine by id, any case");
	history_free(&h);

	f.routine = "alfredson";
	read_quiet(&h, filter_log, &f);
	is_int(h.sessions, 0, "no partial matches");
	is_int(h.logged, 3, "though all were seen");
	history_free(&h);

	/* An hour east of UTC, 23:30Z on the 1st is already the 2nd. */
	setenv("TZ", "UTC-1", 1);
	tzset();
	f.routine = NULL;
	ok(history_parse_since("2026-11-02", &f.since), "since parses at UTC+1");
	is_int(f.since, 1793577600 - 3600, "local midnight at UTC+1");
	read_quiet(&h, filter_log, &f);
	is_int(h.sessions, 2, "since: by the day of the stamp as written");
	char *text;
	size_t n;
	FILE *out = open_memstream(&text, &n);
	history_print(out, &h);
	fclose(out);
	is_str(strtok(text, "\n"), "Sessions: 2, from 2026-11-02 to 2026-11-03",
	       "dates are the stamps' own, in any time zone");
	free(text);
	is_int(h.weeks[HISTORY_WEEKS - 4].sessions, 2,
	       "weeks by the stamps' days: Sunday 23:30Z stays Sunday at UTC+1");
	history_free(&h);
	setenv("TZ", "UTC", 1);
	tzset();

	time_t t;
	ok(!history_parse_since("2026-02-30", &t), "no 30 February");
	ok(!history_parse_since("2026-1-05", &t), "two-digit month");
	ok(!history_parse_since("2026-11-02x", &t), "no trailing junk");
	ok(!history_parse_since("yesterday", &t), "not a date");
}

static const char weeks_log[] =
	/* 13 weeks before now's week: outside the window */
	"2026-08-28T07:00:00.000+00:00 w0 start routine=A format=1\n"
	/* Sunday 2026-09-06: the week before the window */
	"2026-09-06T23:59:59.000+00:00 w1 start routine=A format=1\n"
	/* Monday 2026-09-07: the oldest week shown */
	"2026-09-07T00:00:00.000+00:00 w2 start routine=A format=1\n"
	"2026-11-16T07:00:00.000+00:00 w3 start routine=A format=1\n"
	"2026-11-22T23:59:59.000+00:00 w4 start routine=B format=1\n"
	"2026-11-23T00:00:00.000+00:00 w5 start routine=A format=1\n"
	"2026-11-25T06:00:00.000+00:00 w6 start routine=B format=1\n"
	/* after now's week: not counted */
	"2026-11-30T06:00:00.000+00:00 w7 start routine=B format=1\n";

static void test_weeks(void)
{
	struct history h;
	read_quiet(&h, weeks_log, NULL);
	is_int(h.weeks[HISTORY_WEEKS - 1].day, DAY_2026_11_23, "last week starts 2026-11-23");
	is_int(h.weeks[HISTORY_WEEKS - 1].iso_week, 48, "ISO week 48");
	is_int(h.weeks[HISTORY_WEEKS - 1].iso_year, 2026, "of 2026");
	is_int(h.weeks[0].day, DAY_2026_11_23 - 77, "first week 11 weeks back");
	is_int(h.weeks[0].iso_week, 37, "ISO week 37");
	is_int(h.weeks[0].sessions, 1, "the Monday of the oldest week counts");
	is_int(h.weeks[10].sessions, 2, "last week: Monday and Sunday night");
	is_int(h.weeks[11].sessions, 2, "this week: two");
	int total = 0;
	for (int w = 0; w < HISTORY_WEEKS; w++)
		total += h.weeks[w].sessions;
	is_int(total, 5, "older and future sessions are not in the weeks");
	is_int(h.sessions, 8, "but are sessions");
	is_int(h.routines[0].weeks[10], 1, "per routine: A last week");
	is_int(h.routines[1].weeks[10], 1, "per routine: B last week");
	is_int(h.routines[1].weeks[11], 1, "per routine: B this week");
	is_int(h.status[HISTORY_UNFINISHED], 8, "no end lines: all unfinished");
	is_int(h.routines[0].completed, 0, "unfinished is not completed");
	history_free(&h);

	/* 2026 has 53 ISO weeks: Friday 2027-01-01 is in the last. */
	errno = 0;
	is_int(history_read(&h, "/nonexistent/recoup.log", NULL,
			    (time_t)1798761600 /* 2027-01-01 */, NULL), -1,
	       "a missing log is an error for history_read");
	is_int(errno, ENOENT, "with errno ENOENT");
	is_int(h.weeks[HISTORY_WEEKS - 1].iso_week, 53, "2027-01-01 is in 2026-W53");
	is_int(h.weeks[HISTORY_WEEKS - 1].iso_year, 2026, "ISO year 2026");
	history_free(&h);
}

static void test_corrupt(void)
{
	struct buf log;
	buf_init(&log);
	buf_adds(&log,
		 "2026-11-20T07:00:00.000+00:00 k1 start routine=A format=1\n"
		 "2026-11-20 07:00:01 k1 set name=Drive\n"
		 "2026-11-20T07:00:02.000+00:00 k1 set n=1 name=\"Drive side=none reps=3\n"
		 "\n"
		 "2026-11-20T07:00:03.000+00:00 k1 set n=1 name=Drive side=none set=1 sets=1 target=8 reps=8\n");
	static const char nul_line[] = "2026-11-20T07:00:04.000+00:00 k1 warn msg=a\0b\n";
	buf_add(&log, nul_line, sizeof nul_line - 1);
	buf_adds(&log, "2026-11-20T07:00:05.000+00:00 k1 warn msg=");
	for (int i = 0; i < HISTORY_LINE_MAX; i++)
		buf_addc(&log, 'x');
	buf_adds(&log, "\n"
		 "2026-11-20T07:00:06.000+00:00 k1 rate n=2 name=Pain value=3\n"
		 "2026-11-20T07:00:07.000+00:00 k1 end status=complete elapsed=7\n"
		 "2026-11-20T07:00:0");
	char *path = write_log_n(log.s, log.len);
	char *err;
	size_t n;
	FILE *e = open_memstream(&err, &n);
	struct history h;
	is_int(history_read(&h, path, NULL, NOW, e), 0, "corrupt lines are not fatal");
	fclose(e);
	is_int(h.corrupt, 4, "four corrupt lines counted");
	is_int(h.lines, 9, "nine lines read");
	ok(h.fragment, "the last piece, without its newline, left out as a fragment");
	char *want = xasprintf(
		"recoup: %s:2: skipped corrupt line: bad timestamp\n"
		"recoup: %s:3: skipped corrupt line: unterminated quoted value\n"
		"recoup: %s:6: skipped corrupt line: NUL byte in line\n"
		"recoup: %s:7: skipped corrupt line: line longer than 65536 bytes\n",
		path, path, path, path);
	is_str(err, want, "each reported with its line number");
	is_int(h.status[HISTORY_COMPLETE], 1, "the session around them is whole");
	const struct history_exercise *x = find_ex(&h, "Drive", "none");
	ok(x && x->n == 1 && x->v[0].reps == 8 && x->v[0].sets == 1,
	   "only the good set line counts");
	ok(h.nratings == 1 && h.ratings[0].v[0].value == 3,
	   "the line after the long one is read");
	history_free(&h);
	free(want);
	free(err);
	free(path);
	buf_free(&log);
}

/* A warn line of exactly `len` bytes, without its newline. */
static void add_line_of(struct buf *b, size_t len)
{
	static const char head[] = "2026-11-20T07:00:01.000+00:00 k1 warn msg=";
	buf_adds(b, head);
	for (size_t i = sizeof head - 1; i < len; i++)
		buf_addc(b, 'x');
}

static void test_long_lines(void)
{
	struct buf log;
	buf_init(&log);
	buf_adds(&log, "2026-11-20T07:00:00.000+00:00 k1 start routine=A format=1\n");
	add_line_of(&log, HISTORY_LINE_MAX);
	buf_addc(&log, '\n');
	add_line_of(&log, HISTORY_LINE_MAX + 1);
	buf_addc(&log, '\n');
	add_line_of(&log, 300000); /* longer than the reader's buffer */
	buf_adds(&log, "\n2026-11-20T07:00:02.000+00:00 k1 rate n=2 name=Pain value=3\n");
	add_line_of(&log, 200000); /* and the last, with no newline */
	char *path = write_log_n(log.s, log.len);
	char *err;
	size_t n;
	FILE *e = open_memstream(&err, &n);
	struct history h;
	is_int(history_read(&h, path, NULL, NOW, e), 0, "long lines: read");
	fclose(e);
	char *want = xasprintf(
		"recoup: %s:3: skipped corrupt line: line longer than 65536 bytes\n"
		"recoup: %s:4: skipped corrupt line: line longer than 65536 bytes\n"
		"recoup: %s:6: skipped corrupt line: line longer than 65536 bytes\n",
		path, path, path);
	is_str(err, want, "up to HISTORY_LINE_MAX is fine, longer is corrupt");
	is_int(h.lines, 6, "six lines");
	ok(h.nratings == 1 && h.ratings[0].n == 1 && h.ratings[0].v[0].value == 3,
	   "the line after a line longer than the buffer is read");
	history_free(&h);
	free(want);
	free(err);
	free(path);
	buf_free(&log);
}

static const char unknown_log[] =
	"2026-11-20T07:00:00.000+00:00 u1 start routine=A format=2 mood=\"good \\\"really\\\"\" id=a\n"
	"2026-11-20T07:00:01.000+00:00 u1 frobnicate n=1 colour=blue\n"
	"2026-11-20T07:00:02.000+00:00 u1 set n=1 name=Drive side=left set=1 sets=1 target=8 reps=9 load=\"10 kg\"\n"
	"2026-11-20T07:00:03.000+00:00 u1 heartbeat\n"
	"2026-11-20T07:00:04.000+00:00 u9 set n=1 name=Drive side=left set=1 sets=1 target=8 reps=50\n"
	"2026-11-20T07:00:05.000+00:00 u1 end status=complete elapsed=5 extra=1\n"
	"2026-11-20T07:00:06.000+00:00 u1 set n=1 name=Drive side=left set=1 sets=1 target=8 reps=50\n";

static void test_unknown(void)
{
	struct history h;
	char *err;
	read_text(&h, unknown_log, NULL, &err);
	is_str(err, "", "unknown events and keys are not errors");
	is_int(h.corrupt, 0, "nothing corrupt");
	is_int(h.status[HISTORY_COMPLETE], 1, "session complete");
	const struct history_exercise *x = find_ex(&h, "Drive", "left");
	ok(x && x->n == 1 && x->v[0].reps == 9,
	   "set with an extra key counts; lines of no session and after end do not");
	history_free(&h);
	free(err);
}

static const char unfinished_log[] =
	"2026-11-20T07:00:00.000+00:00 z1 start routine=A format=1\n"
	"2026-11-20T07:00:01.000+00:00 z1 set n=1 name=Drive side=none set=1 sets=2 target=8 reps=8\n"
	/* killed: the same id starts again */
	"2026-11-20T09:00:00.000+00:00 z1 start routine=A format=1\n"
	"2026-11-20T09:00:01.000+00:00 z1 set n=1 name=Drive side=none set=1 sets=2 target=8 reps=10\n"
	"2026-11-20T09:00:02.000+00:00 z1 end status=aborted signal=15 elapsed=2\n"
	"2026-11-20T10:00:00.000+00:00 z2 start routine=A format=1\n"
	"2026-11-20T10:00:02.000+00:00 z2 end status=paused elapsed=2\n"
	"2026-11-20T11:00:00.000+00:00 z3 start routine=A format=1\n";

static void test_unfinished(void)
{
	struct history h;
	read_quiet(&h, unfinished_log, NULL);
	is_int(h.sessions, 4, "a reused id starts a new session");
	is_int(h.status[HISTORY_UNFINISHED], 2, "killed and never ended: unfinished");
	is_int(h.status[HISTORY_ABORTED], 1, "aborted");
	is_int(h.status[HISTORY_OTHER], 1, "an unknown status");
	is_int(h.routines[0].completed, 0, "none completed");
	const struct history_exercise *x = find_ex(&h, "Drive", "none");
	ok(x && x->n == 2 && x->v[0].reps == 8 && x->v[1].reps == 10,
	   "each session keeps its own sets");
	history_free(&h);
}

static const char print_log[] =
	"2026-11-20T18:00:00.000+00:00 b2 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops format=1\n"
	"2026-11-20T18:01:05.000+00:00 b2 set n=2 name=Drive side=left set=1 sets=1 target=12 reps=12\n"
	"2026-11-20T18:01:05.000+00:00 b2 set n=2 name=Raise side=none set=1 sets=1 target=1 reps=1\n"
	"2026-11-20T18:02:00.000+00:00 b2 rate n=3 name=Pain value=2\n"
	"2026-11-20T18:04:00.000+00:00 b2 end status=complete elapsed=240\n"
	"2026-11-24T18:04:00.000+00:00 b3 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops speed=60 format=1\n";

static void test_print(void)
{
	struct history h;
	read_quiet(&h, print_log, NULL);
	char *text;
	size_t n;
	FILE *out = open_memstream(&text, &n);
	history_print(out, &h);
	fclose(out);
	is_str(text,
	       "Sessions: 1, from 2026-11-20 to 2026-11-20\n"
	       "  1 complete, 0 quit, 0 aborted, 0 unfinished\n"
	       "  1 practice session left out (--practice shows it)\n"
	       "\n"
	       "Routines\n"
	       "  Alfredson heel drops: 1 session, 1 completed, last 2026-11-20\n"
	       "\n"
	       /* the empty weeks before the first session left out */
	       "Sessions per week (last 2 weeks)\n"
	       "  week of 2026-11-16 (2026-W47): 1\n"
	       "  week of 2026-11-23 (2026-W48): 0\n"
	       "\n"
	       "Reps per exercise and side\n"
	       "  Drive, left side\n"
	       "    2026-11-20: 12 reps in 1 set, target 12\n"
	       "  Raise\n"
	       "    2026-11-20: 1 rep in 1 set, target 1\n"
	       "\n"
	       "Ratings\n"
	       "  Pain\n"
	       "    2026-11-20: 2\n",
	       "history_print, exactly");
	history_free(&h);
	free(text);
}

/* ---- what the summary and the history screen share ---- */

static const char fill_log[] =
	"2026-11-23T07:00:00.000+00:00 a1 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops format=1\n"
	"2026-11-23T07:01:00.000+00:00 a1 set n=1 name=Drop side=left set=1 sets=2 target=15 reps=15 load=\"2.5 kg\"\n"
	"2026-11-23T07:02:00.000+00:00 a1 set n=1 name=Drop side=left set=2 sets=2 target=15 reps=12 load=\"2.5 kg\"\n"
	"2026-11-23T07:03:00.000+00:00 a1 rate n=2 name=Pain measure=pain value=4\n"
	"2026-11-23T07:04:00.000+00:00 a1 end status=complete elapsed=240\n"
	"2026-11-23T19:00:00.000+00:00 a2 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops format=1\n"
	"2026-11-23T19:01:00.000+00:00 a2 set n=1 name=Drop side=left set=1 sets=1 target=15 reps=15 load=\"5 kg\"\n"
	"2026-11-23T19:03:00.000+00:00 a2 rate n=2 name=Pain measure=pain value=2\n"
	"2026-11-23T19:04:00.000+00:00 a2 end status=complete elapsed=240\n"
	"2026-11-24T07:00:00.000+00:00 a3 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops format=1\n"
	"2026-11-24T07:04:00.000+00:00 a3 end status=quit elapsed=240\n"
	"2026-11-24T08:00:00.000+00:00 a4 start routine=\"Alfredson heel drops\" id=alfredson-heel-drops speed=20 format=1\n"
	"2026-11-24T08:04:00.000+00:00 a4 end status=complete elapsed=24\n"
	"2026-11-12T07:00:00.000+00:00 b1 start routine=Calves format=1\n"
	"2026-11-12T07:01:00.000+00:00 b1 set n=1 name=Drop side=left set=1 sets=1 target=10 reps=10\n"
	"2026-11-12T07:03:00.000+00:00 b1 rate n=2 name=Pain measure=pain value=9\n"
	"2026-11-12T07:04:00.000+00:00 b1 end status=complete elapsed=240\n";

static void test_fill(void)
{
	struct routine alf = {.name = "Alfredson", .file = "/r/alfredson-heel-drops.yaml",
			      .schedule = {.kind = SCHEDULE_DAILY, .per_day = 2}};
	struct routine calves = {.name = "Calves", .file = NULL,
				 .schedule = {.kind = SCHEDULE_WEEKDAYS, .per_day = 1,
					      .weekdays = 1u << 3}};
	struct routine other = {.name = "Alfredson heel drops", .file = "/r/other.yaml",
				.schedule = {.kind = SCHEDULE_DAILY, .per_day = 1}};
	const struct routine *rs[] = {&other, &calves, &alf};
	struct history_filter f = {.routines = rs, .nroutines = 3, .practice = true};
	struct history h;
	read_quiet(&h, fill_log, &f);
	is_int(h.today, DAY_2026_11_23 + 2, "today: the local day of now");
	is_int((long)h.nroutines, 2, "two routines");
	const struct history_routine *a = &h.routines[0], *c = &h.routines[1];
	if (strcmp(a->name, "Alfredson heel drops"))
		a = &h.routines[1], c = &h.routines[0];
	is_str(a->id, "alfredson-heel-drops", "the id as logged");
	ok(a->schedule.kind == SCHEDULE_DAILY && a->schedule.per_day == 2,
	   "the schedule of the routine of the same file, not of the same title");
	ok(c->id == NULL, "no id logged: none");
	ok(c->schedule.kind == SCHEDULE_WEEKDAYS && c->schedule.weekdays == 1u << 3,
	   "no id: matched by the title");
	is_int(due_tally_on(&a->done, DAY_2026_11_23), 2, "two done on the 23rd");
	is_int(due_tally_on(&a->done, DAY_2026_11_23 + 1), 0,
	       "a quit and a practice session are not done");
	is_int((long)a->done.n, 1, "one day done");

	/* the weeks: the 12th is in the week of the 9th (index 9), the 23rd
	 * in the last */
	is_int(history_first_week(&h), 9, "the first week with a session");
	const struct history_exercise *e = find_ex(&h, "Drop", "left");
	struct history_weekly w;
	history_exercise_weekly(&h, e, HISTORY_WEEKLY_REPS, &w);
	ok(w.has[9] && !w.has[10] && w.has[11], "reps: weeks with data, a gap between");
	is_int((long)w.v[9], 10, "the week of the 9th: 10");
	is_int((long)w.v[11], 27, "the last week: its best session, 27 of two sets");
	is_int(w.n, 2, "two weeks with data");
	ok(w.min == 10 && w.max == 27, "its bounds");
	history_exercise_weekly(&h, e, HISTORY_WEEKLY_LOAD, &w);
	ok(!w.has[9] && w.has[11] && w.v[11] == 5000,
	   "load: the highest, none in a week without a load logged");
	history_exercise_weekly(&h, e, HISTORY_WEEKLY_TARGET, &w);
	ok(w.v[9] == 10 && w.v[11] == 15, "target by week");
	history_rating_weekly(&h, &h.ratings[0], &w);
	ok(w.has[9] && w.v[9] == 9 && w.has[11] && w.v[11] == 3,
	   "a rating by week: the mean of the week's values");

	char spark[HISTORY_SPARK_SIZE];
	history_sparkline(spark, &w, 9, 0, 10, false);
	is_str(spark, "% :", "sparkline: from the first week, a gap, ASCII 0-10");
	history_sparkline(spark, &w, 9, 0, 10, true);
	is_str(spark, "\u2587 \u2583", "and in block characters");
	history_sparkline(spark, &w, 0, 3, 3, false);
	is_str(spark, "         = =", "a flat series: the middle mark");
	struct history_weekly none = {0};
	history_sparkline(spark, &none, 0, 0, 10, true);
	is_str(spark, "", "no data: no marks, no trailing gaps");
	history_free(&h);

	/* the summary of nothing: nothing made up */
	char *text;
	size_t n;
	FILE *out = open_memstream(&text, &n);
	history_init(&h, NOW);
	history_print_summary(out, &h, true);
	fclose(out);
	is_str(text, "Sessions: 0\n", "an empty history's summary: no sessions, no dates");
	history_free(&h);
	free(text);
}

/* Run history_command_at and collect what it prints. */
static int command(const char *path, const char *since, char **out)
{
	size_t n;
	FILE *f = open_memstream(out, &n);
	struct history_options o = {.since = since};
	int st = history_command_at(path, &o, f, NOW);
	fclose(f);
	return st;
}

static void test_command(void)
{
	char *out, *want;
	int st = command("/nonexistent/dir/sessions.log", NULL, &out);
	is_int(st, 0, "a missing log is not an error");
	is_str(out, "no sessions logged yet in /nonexistent/dir/sessions.log\n",
	       "missing log: friendly message");
	free(out);

	char *empty = write_log("");
	st = command(empty, NULL, &out);
	want = xasprintf("no sessions logged yet in %s\n", empty);
	is_int(st, 0, "an empty log is not an error");
	is_str(out, want, "empty log: friendly message");
	free(want);
	free(out);
	free(empty);

	char *only_practice = write_log(
		"2026-11-20T07:00:00.000+00:00 p1 start routine=Calves speed=10 format=1\n");
	st = command(only_practice, NULL, &out);
	want = xasprintf("no sessions in %s but practice ones\n"
			 "1 practice session left out (--practice shows it)\n",
			 only_practice);
	is_str(out, want, "only practice sessions: says so");
	free(want);
	free(out);
	st = command(only_practice, "2027-01-01", &out);
	want = xasprintf("no sessions in %s match --since 2027-01-01\n", only_practice);
	is_str(out, want, "nothing since: says so");
	free(want);
	free(out);

	st = command(only_practice, "2027-13-01", &out);
	is_int(st, 2, "a bad --since date is a usage error");
	free(out);
	free(only_practice);

	st = command(scratch, NULL, &out); /* a directory cannot be read */
	is_int(st, 1, "an unreadable log is exit status 1");
	is_str(out, "", "and prints no report");
	free(out);
}

/* ---- progression ---- */

static struct step reps_step(const char *name, int sets, int min, int max,
			     bool progress, enum side side)
{
	struct step st = {.type = STEP_REPS, .name = (char *)name, .side = side,
			  .sets = sets, .reps = {min, max}, .progress = progress,
			  .load = LOAD_NONE, .load_step = LOAD_STEP_DEFAULT};
	return st;
}

/* Targets for a one-step routine (plus a non-progress step and a note). */
static int target_for(const char *log, struct step st, bool *top)
{
	struct step steps[3] = {
		{.type = STEP_NOTE, .name = "Ready"},
		st,
		reps_step("Fixed", 3, 8, 15, false, SIDE_BOTH),
	};
	struct routine r = {.name = "R", .steps = steps, .nsteps = 3};
	int targets[3] = {-1, -1, -1};
	bool at_top[3] = {true, true, true};
	char *path = log ? write_log(log) : xstrdup("/nonexistent/recoup.log");
	history_targets(path, &r, targets, at_top);
	free(path);
	if (targets[0] != 0 || targets[2] != 0 || at_top[0] || at_top[2])
		return -1; /* other steps must get the default */
	*top = at_top[1];
	return targets[1];
}

#define SET(sid, side, set, target, reps) \
	"2026-11-20T07:00:01.000+00:00 " sid " set n=2 name=Drive side=" side \
	" set=" #set " sets=2 target=" #target " reps=" #reps " min=8 max=12\n"
#define START(sid, extra) \
	"2026-11-20T07:00:00.000+00:00 " sid " start routine=R id=r format=1" extra "\n"
#define END(sid) "2026-11-20T07:10:00.000+00:00 " sid " end status=complete elapsed=600\n"

static void test_targets(void)
{
	bool top;
	struct step both = reps_step("Drive", 2, 8, 12, true, SIDE_BOTH);
	struct step one = reps_step("Drive", 2, 8, 12, true, SIDE_LEFT);

	is_int(target_for(NULL, both, &top), 8, "missing log: the bottom of the range");
	ok(!top, "missing log: not at top");
	is_int(target_for("", both, &top), 8, "empty log: the bottom");
	is_int(target_for(START("a", "") SET("a", "left", 1, 8, 9) END("a"),
			  reps_step("Other", 2, 8, 12, true, SIDE_BOTH), &top),
	       8, "no sets under the step's name: the bottom");

	const char *all_reached = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 11)
		SET("a", "left", 2, 10, 12) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(all_reached, both, &top), 11, "every set reached: one more");
	ok(!top, "below the top");

	const char *one_short = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 11)
		SET("a", "left", 2, 10, 9) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(one_short, both, &top), 10, "one set short: the same");

	const char *one_missing = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 11)
		SET("a", "left", 2, 10, 12) END("a");
	is_int(target_for(one_missing, both, &top), 10, "a set missing: the same");
	is_int(target_for(one_missing, one, &top), 10,
	       "three lines for a one-sided 2-set step: not sets x sides");

	const char *one_side = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "left", 2, 10, 12) END("a");
	is_int(target_for(one_side, one, &top), 11, "one side, every set: one more");

	const char *at_max = START("a", "")
		SET("a", "left", 1, 12, 12) SET("a", "right", 1, 12, 13)
		SET("a", "left", 2, 12, 12) SET("a", "right", 2, 12, 12) END("a");
	is_int(target_for(at_max, both, &top), 12, "capped at the top");
	ok(top, "at the top: suggest load");

	const char *max_short = START("a", "")
		SET("a", "left", 1, 12, 12) SET("a", "right", 1, 12, 11)
		SET("a", "left", 2, 12, 12) SET("a", "right", 2, 12, 12) END("a");
	is_int(target_for(max_short, both, &top), 12, "at the top, short: the same");
	ok(!top, "not every set reached: no load yet");

	char *practice = xasprintf("%s%s", one_short,
		START("p", " speed=30") SET("p", "left", 1, 11, 11)
		SET("p", "right", 1, 11, 11) SET("p", "left", 2, 11, 11)
		SET("p", "right", 2, 11, 11) END("p"));
	is_int(target_for(practice, both, &top), 10, "practice sessions are ignored");
	free(practice);

	char *latest = xasprintf("%s%s", all_reached, one_short);
	is_int(target_for(latest, both, &top), 10, "the latest session decides");
	free(latest);

	/* b starts after a but ends first: a still is the older one */
	const char *interleaved = START("a", "") START("b", "")
		SET("b", "left", 1, 9, 9) SET("b", "right", 1, 9, 9)
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SET("b", "left", 2, 9, 9) SET("b", "right", 2, 9, 9) END("b")
		SET("a", "left", 2, 10, 10) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(interleaved, both, &top), 10,
	       "interleaved: the later start decides");

	const char *killed = START("a", "") SET("a", "left", 1, 10, 10)
		SET("a", "right", 1, 10, 10) SET("a", "left", 2, 10, 10)
		SET("a", "right", 2, 10, 10);
	is_int(target_for(killed, both, &top), 11, "an unfinished session still counts");

	/* The range changed since: old targets are pulled inside it. */
	const char *high = START("a", "")
		SET("a", "left", 1, 16, 16) SET("a", "right", 1, 16, 16)
		SET("a", "left", 2, 16, 16) SET("a", "right", 2, 16, 16) END("a");
	is_int(target_for(high, both, &top), 12, "above the new top: the top");
	ok(top, "and at top");
	const char *low = START("a", "")
		SET("a", "left", 1, 5, 4) SET("a", "right", 1, 5, 5)
		SET("a", "left", 2, 5, 5) SET("a", "right", 2, 5, 5) END("a");
	is_int(target_for(low, both, &top), 8, "below the new bottom: the bottom");
	ok(!top, "not at top");

	/* a set done again after `b`: its last line stands, counted once */
	const char *redone = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SET("a", "left", 2, 10, 10) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(redone, both, &top), 11, "a redone set counts once: one more");
	const char *redone_short = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SET("a", "left", 1, 10, 7) SET("a", "right", 2, 10, 10)
		SET("a", "left", 2, 10, 10) END("a");
	is_int(target_for(redone_short, both, &top), 10, "the redo's count stands: short, the same");
	const char *redone_better = START("a", "")
		SET("a", "left", 1, 10, 7) SET("a", "right", 1, 10, 10)
		SET("a", "left", 1, 10, 10) SET("a", "right", 2, 10, 10)
		SET("a", "left", 2, 10, 10) END("a");
	is_int(target_for(redone_better, both, &top), 11, "a short set redone in full: one more");
	/* done, then done again after `b` and skipped at "how many?": the
	 * skip is the set's last line, so the set is not done */
#define SKIP_SET(sid, side, set) \
	"2026-11-20T07:00:02.000+00:00 " sid " skip n=2 name=Drive what=set side=" side \
	" set=" #set " sets=2 reps=3 elapsed=20\n"
	const char *redone_skipped = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SKIP_SET("a", "left", 1)
		SET("a", "left", 2, 10, 10) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(redone_skipped, both, &top), 10,
	       "a set redone and then skipped: not done, the target holds");
	const char *skipped_redone = START("a", "")
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SKIP_SET("a", "left", 1) SET("a", "left", 1, 10, 10)
		SET("a", "left", 2, 10, 10) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(skipped_redone, both, &top), 11,
	       "skipped, then done again: the last line, a set, stands");

	/* another routine's exercise of the same name teaches nothing */
	char *other = xasprintf("%s%s", all_reached,
		"2026-11-21T07:00:00.000+00:00 o start routine=Other id=other format=1\n"
		"2026-11-21T07:00:01.000+00:00 o set n=1 name=Drive side=left set=1 sets=1 target=12 reps=2 min=8 max=12\n"
		"2026-11-21T07:10:00.000+00:00 o end status=complete elapsed=600\n");
	is_int(target_for(other, both, &top), 11, "another routine's sets under the name: ignored");
	free(other);
	/* the same file under a new title still counts */
	const char *renamed = "2026-11-20T07:00:00.000+00:00 a start routine=Renamed id=r format=1\n"
		SET("a", "left", 1, 10, 10) SET("a", "right", 1, 10, 10)
		SET("a", "left", 2, 10, 10) SET("a", "right", 2, 10, 10) END("a");
	is_int(target_for(renamed, both, &top), 8, "another title and no file to compare: ignored");
}

/* The file name ties sessions to a routine whose title changed. */
static void test_targets_by_file(void)
{
	struct step steps[1] = {reps_step("Drive", 1, 8, 12, true, SIDE_LEFT)};
	struct routine r = {.name = "New title", .file = "/x/calves.yaml", .steps = steps, .nsteps = 1};
	int targets[1];
	bool at_top[1];
	char *path = write_log("2026-11-20T07:00:00.000+00:00 a start routine=\"Old title\" id=calves format=1\n"
		"2026-11-20T07:00:01.000+00:00 a set n=1 name=Drive side=left set=1 sets=1 target=9 reps=9\n"
		"2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600\n");
	history_targets(path, &r, targets, at_top);
	is_int(targets[0], 10, "same file, new title: progression goes on");
	free(path);
}

/* A set or a rating done again after `b` replaces the earlier line; dates
 * come from the sessions' times, not their place in the file. */
static void test_redone(void)
{
	struct history h;
	read_quiet(&h,
		"2026-11-20T07:00:00.000+00:00 a start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 a set n=2 name=Drive side=left set=1 sets=2 target=9 reps=4\n"
		"2026-11-20T07:00:02.000+00:00 a set n=2 name=Drive side=left set=1 sets=2 target=9 reps=9\n"
		"2026-11-20T07:00:03.000+00:00 a set n=2 name=Drive side=left set=2 sets=2 target=9 reps=8\n"
		"2026-11-20T07:00:04.000+00:00 a rate n=1 name=Tightness value=5\n"
		"2026-11-20T07:00:05.000+00:00 a rate n=1 name=Tightness value=6\n"
		"2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600\n"
		"2026-01-05T07:00:00.000+00:00 b start routine=R id=r format=1\n"
		"2026-01-05T07:00:04.000+00:00 b rate n=1 name=Tightness value=3\n"
		"2026-01-05T07:10:00.000+00:00 b end status=complete elapsed=600\n"
		"2026-11-10T07:00:00.000+00:00 c start routine=R id=r format=1\n"
		"2026-11-10T07:10:00.000+00:00 c end status=complete elapsed=600\n", NULL);
	const struct history_exercise *e = find_ex(&h, "Drive", "left");
	ok(e && e->n == 1, "redone: one point");
	if (e && e->n == 1) {
		is_int(e->v[0].sets, 2, "a set logged twice counts once");
		is_int(e->v[0].reps, 17, "with the reps of its last line");
	}
	ok(h.nratings == 1 && h.ratings[0].n == 2, "rated twice in a session: one point");
	history_free(&h);

	/* a set redone after `b` and then skipped: the skip is its last line */
	read_quiet(&h,
		"2026-11-20T07:00:00.000+00:00 a start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 a set n=2 name=Drive side=left set=1 sets=2 target=9 reps=9\n"
		"2026-11-20T07:00:02.000+00:00 a set n=2 name=Drive side=left set=2 sets=2 target=9 reps=8\n"
		"2026-11-20T07:00:03.000+00:00 a skip n=2 name=Drive what=set side=left set=2 sets=2 reps=2 elapsed=9\n"
		"2026-11-20T07:00:04.000+00:00 a set n=3 name=Raise side=none set=1 sets=1 target=9 reps=9\n"
		"2026-11-20T07:00:05.000+00:00 a skip n=3 name=Raise what=set set=1 sets=1 elapsed=3\n"
		"2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600\n", NULL);
	const struct history_exercise *d = find_ex(&h, "Drive", "left");
	ok(d && d->n == 1 && d->v[0].sets == 1 && d->v[0].reps == 9,
	   "a set skipped after it was logged: it does not count, nor do its reps");
	const struct history_exercise *r = find_ex(&h, "Raise", "none");
	ok(!r || r->n == 0, "a session's only set skipped after it was logged: no point for it");
	history_free(&h);
	read_quiet(&h,
		"2026-11-20T07:00:00.000+00:00 a start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 a set n=2 name=Drive side=left set=1 sets=2 target=9 reps=4\n"
		"2026-11-20T07:00:02.000+00:00 a set n=2 name=Drive side=left set=1 sets=2 target=9 reps=9\n"
		"2026-11-20T07:00:03.000+00:00 a rate n=1 name=Tightness value=5\n"
		"2026-11-20T07:00:04.000+00:00 a rate n=1 name=Tightness value=6\n"
		"2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600\n"
		"2026-01-05T07:00:00.000+00:00 b start routine=R id=r format=1\n"
		"2026-01-05T07:00:04.000+00:00 b rate n=1 name=Tightness value=3\n"
		"2026-01-05T07:10:00.000+00:00 b end status=complete elapsed=600\n", NULL);
	if (h.nratings == 1 && h.ratings[0].n == 2) {
		is_int(h.ratings[0].v[0].value, 3, "ratings by time: January's first, logged later");
		is_int(h.ratings[0].v[1].value, 6, "the later rating stands");
	}
	char first[32], last[32], rlast[32];
	strftime(first, sizeof first, "%F", gmtime(&h.first));
	strftime(last, sizeof last, "%F", gmtime(&h.last));
	strftime(rlast, sizeof rlast, "%F", gmtime(&h.routines[0].last));
	is_str(first, "2026-01-05", "first: the earliest session, though logged later");
	is_str(last, "2026-11-20", "last: the latest, though logged earlier");
	is_str(rlast, "2026-11-20", "the routine's last: the latest");
	history_free(&h);
}

/* ---- issue 11: the model's sessions folded: measures, check-ins ---- */

static void test_model(void)
{
	struct history h;
	static const char log[] =
		/* a rating rated, then skipped: the skip is its last line */
		"2026-11-20T07:00:00.000+00:00 a start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 a rate n=1 name=Tightness measure=tightness value=5\n"
		"2026-11-20T07:00:02.000+00:00 a skip n=1 type=rate name=Tightness what=rate elapsed=1\n"
		"2026-11-20T07:00:03.000+00:00 a rate n=2 name=\"Calf pain\" value=4\n"
		"2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600\n"
		/* later, the same rating with measure=: the series says pain */
		"2026-11-21T07:00:00.000+00:00 b start routine=R id=r format=1\n"
		"2026-11-21T07:00:03.000+00:00 b rate n=2 name=\"Calf pain\" measure=pain value=6\n"
		"2026-11-21T07:10:00.000+00:00 b end status=complete elapsed=600\n"
		/* check-ins: two on the 22nd (the later stands), logged out of order */
		"2026-11-23T06:30:00.000+00:00 k3 checkin pain=1 elapsed=2\n"
		"2026-11-22T06:30:00.000+00:00 k1 checkin pain=3 stiffness=5 elapsed=2\n"
		"2026-11-22T06:40:00.000+00:00 k2 checkin pain=2 elapsed=2\n";
	read_quiet(&h, log, NULL);
	is_int(h.sessions, 2, "model: two sessions, check-ins not counted");
	is_int(h.logged, 2, "nor logged as sessions");
	ok(h.nratings == 1 && !strcmp(h.ratings[0].name, "Calf pain"),
	   "a rating rated and then skipped: not there");
	ok(h.nratings == 1 && h.ratings[0].n == 2 && h.ratings[0].measure == MEASURE_PAIN,
	   "a rating's measure: its latest that says one");
	if (h.nratings == 1 && h.ratings[0].n == 2) {
		is_int(h.ratings[0].v[0].measure, MEASURE_NONE, "the old line's own: none");
		is_int(h.ratings[0].v[1].value, 6, "and the values");
	}
	is_int(h.checkins, 3, "three check-ins");
	ok(h.nitems == 2 && !strcmp(h.items[0].name, "pain") && !strcmp(h.items[1].name, "stiffness"),
	   "two items, in the order first seen");
	if (h.nitems == 2 && h.items[0].n == 2) {
		is_int(h.items[0].v[0].value, 2, "one a day: the 22nd's later check-in");
		is_int(h.items[0].v[1].value, 1, "then the 23rd, though logged first");
		is_int((long long)h.items[1].n, 1, "stiffness: the one morning it was answered");
	} else {
		ok(0, "pain: two days");
	}
	history_free(&h);

	struct history_filter f = {.routine = "Nothing"};
	time_t since;
	history_parse_since("2026-11-23", &since);
	read_quiet(&h, log, &f);
	is_int(h.checkins, 3, "--routine: every check-in still");
	history_free(&h);
	f = (struct history_filter){.since = since};
	read_quiet(&h, log, &f);
	is_int(h.checkins, 1, "--since: only the 23rd's");
	is_int(h.sessions, 0, "and no session");
	history_free(&h);

	is_str(history_pain_zone(0), "fine", "pain 0: fine");
	is_str(history_pain_zone(3), "fine", "pain 3: fine");
	is_str(history_pain_zone(4), "acceptable", "pain 4: acceptable");
	is_str(history_pain_zone(5), "acceptable", "pain 5: acceptable");
	is_str(history_pain_zone(6), "back off", "pain 6: back off");
	is_str(history_pain_zone(10), "back off", "pain 10: back off");
	is_str(history_pain_zone(11), "", "out of range: nothing");
}

/* A check-in's morning is the date its stamp says, wherever it is read
 * (as progression reads it): one at 00:30+01:00 on the 2nd, read with
 * TZ=UTC (where it is 23:30 on the 1st), is the 2nd's, corrected by a
 * second check-in that morning, and leaves the 1st's alone. */
static void test_checkin_day(void)
{
	struct history h;
	static const char log[] =
		"2026-12-01T07:00:00.000+00:00 k1 checkin pain=5 elapsed=2\n"
		"2026-12-02T00:30:00.000+01:00 k2 checkin pain=2 elapsed=2\n"
		"2026-12-02T06:00:00.000+01:00 k3 checkin pain=1 elapsed=2\n";
	read_quiet(&h, log, NULL);
	is_int(h.checkins, 3, "check-in day: three check-ins read");
	if (h.nitems == 1 && h.items[0].n == 2) {
		const struct history_rate *v = h.items[0].v;
		is_int(v[0].day, lm_stamp_day("2026-12-01"), "the 1st's morning");
		is_int(v[0].value, 5, "keeps its own value");
		is_int(v[1].day, lm_stamp_day("2026-12-02"),
		       "00:30+01:00 read with TZ=UTC: the 2nd's morning");
		is_int(v[1].value, 1, "corrected by the 2nd's later check-in");
	} else {
		ok(0, "check-in day: two mornings");
	}
	char *text;
	size_t n;
	FILE *out = open_memstream(&text, &n);
	history_print(out, &h);
	fclose(out);
	const char *tail = strstr(text, "\nMorning check-ins\n");
	is_str(tail ? tail : text, "\nMorning check-ins\n  pain: last 1, fine\n"
		   "    2026-12-01: 5\n    2026-12-02: 1\n",
	       "--history dates the check-ins by their own stamps");
	free(text);
	history_free(&h);
}

/* ---- issue 9: fragments, time order, many names, impossible dates ---- */

/* A last piece without its newline is not a line: a torn `reps=12` must
 * not read as 1, and a whole line an editor left without its newline is
 * read once the next append has ended it. */
static void test_fragment(void)
{
	struct history h;
	char *err;
	read_text(&h,
		"2026-11-20T07:00:00.000+00:00 a start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 a set n=1 name=Drive side=left set=1 sets=2 target=12 reps=8\n"
		"2026-11-20T07:00:02.000+00:00 a set n=1 name=Drive side=left set=2 sets=2 target=12 reps=1",
		NULL, &err);
	const struct history_exercise *e = find_ex(&h, "Drive", "left");
	ok(e && e->n == 1 && e->v[0].reps == 8 && e->v[0].sets == 1,
	   "a torn last line (reps=1 of reps=12) is not read");
	ok(h.fragment, "the fragment is noted");
	is_int(h.corrupt, 0, "and not counted corrupt");
	is_str(err, "", "nor reported as a corrupt line");
	free(err);
	char *out;
	size_t n;
	FILE *o = open_memstream(&out, &n);
	history_print(o, &h);
	fclose(o);
	ok(strstr(out, "\n  the last line has no newline: left out (torn, or still being written)\n") != NULL,
	   "--history says it left the last line out");
	free(out);
	history_free(&h);

	/* an editor dropped the final newline of a complete session */
	char *path = write_log("2026-11-20T07:00:00.000+00:00 a start routine=R id=r format=1\n"
			       "2026-11-20T07:10:00.000+00:00 a end status=complete elapsed=600");
	history_read(&h, path, NULL, NOW, NULL);
	is_int(h.status[HISTORY_UNFINISHED], 1, "without its newline the end line is not read yet");
	history_free(&h);
	struct slog l;
	slog_open(&l, path, 0);
	static const char next[] = "2026-11-21T07:00:00.000+00:00 b start routine=R id=r format=1\n";
	slog_write(&l, next, strlen(next));
	slog_close(&l, NULL);
	history_read(&h, path, NULL, NOW, NULL);
	is_int(h.status[HISTORY_COMPLETE], 1, "after the next append the session reads as complete");
	is_int(h.status[HISTORY_UNFINISHED], 1, "and the new one as unfinished");
	is_int(h.corrupt, 0, "no line damaged");
	ok(!h.fragment, "no fragment left");
	history_free(&h);
	free(path);
}

/* Progression follows the sessions' times, with their UTC offsets, not
 * their place in the file: a log merged from two machines. */
static void test_targets_by_time(void)
{
	bool top;
	struct step st = reps_step("Drive", 1, 8, 12, true, SIDE_LEFT);
	/* newer (20 November, every set reached) first, older (10th) after */
	const char *merged =
		"2026-11-20T07:00:00.000+00:00 n start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 n set n=2 name=Drive side=left set=1 sets=1 target=10 reps=10\n"
		"2026-11-20T07:10:00.000+00:00 n end status=complete elapsed=600\n"
		"2026-11-10T07:00:00.000+00:00 o start routine=R id=r format=1\n"
		"2026-11-10T07:00:01.000+00:00 o set n=2 name=Drive side=left set=1 sets=1 target=9 reps=3\n"
		"2026-11-10T07:10:00.000+00:00 o end status=complete elapsed=600\n";
	is_int(target_for(merged, st, &top), 11, "the newer session counts, though logged first");
	/* 08:00+02:00 is 06:00 UTC, before 07:00+00:00: the offsets decide */
	const char *zones =
		"2026-11-20T07:00:00.000+00:00 w start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 w set n=2 name=Drive side=left set=1 sets=1 target=10 reps=10\n"
		"2026-11-20T07:10:00.000+00:00 w end status=complete elapsed=600\n"
		"2026-11-20T08:00:00.000+02:00 e start routine=R id=r format=1\n"
		"2026-11-20T08:00:01.000+02:00 e set n=2 name=Drive side=left set=1 sets=1 target=9 reps=3\n"
		"2026-11-20T08:10:00.000+02:00 e end status=complete elapsed=600\n";
	is_int(target_for(zones, st, &top), 11, "by UTC: 07:00+00:00 is later than 08:00+02:00");
	/* the same second: the milliseconds, then the file order */
	const char *same =
		"2026-11-20T07:00:00.500+00:00 x start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 x set n=2 name=Drive side=left set=1 sets=1 target=10 reps=10\n"
		"2026-11-20T07:00:00.100+00:00 y start routine=R id=r format=1\n"
		"2026-11-20T07:00:01.000+00:00 y set n=2 name=Drive side=left set=1 sets=1 target=9 reps=3\n";
	is_int(target_for(same, st, &top), 11, "within a second, by milliseconds");

	struct history h;
	read_quiet(&h, merged, NULL);
	const struct history_exercise *e = find_ex(&h, "Drive", "left");
	ok(e && e->n == 2 && e->v[0].target == 9 && e->v[1].target == 10,
	   "the report's points in time order");
	char last[32];
	strftime(last, sizeof last, "%F", gmtime(&h.routines[0].last));
	is_str(last, "2026-11-20", "the routine's last done: the newer");
	history_free(&h);
}

/* Many distinct names and sessions in reverse time order: each name once,
 * every series in time order (the speed is for make bench). */
static void test_many(void)
{
	enum { N = 3000 };
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < N; i++) {
		time_t t = NOW - 86400 - (time_t)i * 60; /* newest first */
		struct tm tm;
		gmtime_r(&t, &tm);
		char stamp[40];
		strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S.000+00:00", &tm);
		buf_addf(&b, "%s s%d start routine=\"R%d\" format=1\n", stamp, i, i % 1000);
		buf_addf(&b, "%s s%d set n=1 name=\"Ex %d\" side=none set=1 sets=1 target=5 reps=5\n",
			 stamp, i, i % 1500);
		buf_addf(&b, "%s s%d set n=2 name=Same side=none set=1 sets=1 target=%d reps=5\n",
			 stamp, i, N - i);
		buf_addf(&b, "%s s%d rate n=3 name=\"Q %d\" value=%d\n", stamp, i, i % 700, i % 11);
		buf_addf(&b, "%s s%d end status=complete elapsed=60\n", stamp, i);
	}
	struct history h;
	read_quiet(&h, b.s, NULL);
	buf_free(&b);
	is_int((long long)h.nroutines, 1000, "1000 distinct routines, each once");
	is_int((long long)h.nexercises, 1501, "1500 distinct exercises and one shared");
	is_int((long long)h.nratings, 700, "700 distinct ratings");
	const struct history_exercise *e = find_ex(&h, "Same", "none");
	bool ordered = e && e->n == N;
	for (size_t k = 1; ordered && k < e->n; k++)
		ordered = e->v[k - 1].when <= e->v[k].when && e->v[k - 1].target < e->v[k].target;
	ok(ordered, "3000 sessions logged newest first: the series oldest first");
	bool rordered = true;
	for (size_t i = 0; i < h.nratings; i++)
		for (size_t k = 1; k < h.ratings[i].n; k++)
			rordered = rordered && h.ratings[i].v[k - 1].when <= h.ratings[i].v[k].when;
	ok(rordered, "and every rating's series too");
	is_int(h.routines[999].sessions, 3, "a routine's sessions counted by name");
	history_free(&h);

	/* one session, 3000 exercises, each set done twice (after `b`) */
	buf_init(&b);
	buf_adds(&b, "2026-11-20T07:00:00.000+00:00 a start routine=R format=1\n");
	for (int i = 0; i < N; i++)
		for (int k = 0; k < 2; k++)
			buf_addf(&b, "2026-11-20T07:00:01.000+00:00 a set n=1 name=\"E%d\" "
				 "side=left set=1 sets=1 target=8 reps=%d\n", i, 5 + k);
	read_quiet(&h, b.s, NULL);
	buf_free(&b);
	is_int((long long)h.nexercises, N, "one session of 3000 exercises: each once");
	bool each = h.nexercises == N;
	for (size_t i = 0; each && i < h.nexercises; i++)
		each = h.exercises[i].n == 1 && h.exercises[i].v[0].sets == 1 &&
		       h.exercises[i].v[0].reps == 6;
	ok(each, "each with one point, one set, the later line's reps");
	history_free(&h);
}

/* Dates that do not exist are corrupt lines; the --since parser refuses
 * them too. */
static void test_impossible_dates(void)
{
	static const struct {
		const char *stamp, *why;
	} cases[] = {
		{"2026-02-30T07:00:00.000+00:00", "impossible date in timestamp"},
		{"2026-02-29T07:00:00.000+00:00", "impossible date in timestamp"},
		{"2026-04-31T07:00:00.000+00:00", "impossible date in timestamp"},
		{"0000-01-01T07:00:00.000+00:00", "impossible date in timestamp"},
		{"1900-02-29T07:00:00.000+00:00", "impossible date in timestamp"},
		{"2026-13-01T07:00:00.000+00:00", "bad timestamp"},
		{"2026-00-10T07:00:00.000+00:00", "bad timestamp"},
		{"2026-11-20T25:00:00.000+00:00", "bad timestamp"},
		{"2026-11-20T07:60:00.000+00:00", "bad timestamp"},
		{"2026-11-20T07:00:00.000+24:00", "bad timestamp"},
		{"2024-02-29T07:00:00.000+00:00", NULL},
		{"2000-02-29T07:00:00.000+00:00", NULL},
		{"2026-12-31T23:59:60.999-23:59", NULL},
	};
	struct logrec rec;
	logrec_init(&rec);
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *line = xasprintf("%s a start routine=R format=1", cases[i].stamp);
		is_str(logrec_parse(&rec, line, strlen(line)), cases[i].why, "%s", cases[i].stamp);
		free(line);
	}
	logrec_free(&rec);

	struct history h;
	char *err;
	read_text(&h, "2026-02-30T07:00:00.000+00:00 a start routine=R format=1\n"
		      "2026-11-20T07:00:00.000+00:00 b start routine=R format=1\n", NULL, &err);
	is_int(h.corrupt, 1, "a line dated 30 February is corrupt");
	is_int(h.sessions, 1, "and skipped");
	ok(strstr(err, ":1: skipped corrupt line: impossible date in timestamp\n") != NULL,
	   "reported with its line");
	free(err);
	history_free(&h);

	time_t t;
	ok(!history_parse_since("0000-01-01", &t), "--since: no year 0");
	ok(!history_parse_since("2026-02-29", &t), "--since: no 29 February in 2026");
	ok(!history_parse_since("2026-13-01", &t), "--since: no month 13");
	ok(history_parse_since("2024-02-29", &t), "--since: 29 February 2024 is fine");
}

static void cleanup(void)
{
	for (int i = 1; i <= nfiles; i++) {
		char *p = xasprintf("%s/log%d", scratch, i);
		unlink(p);
		free(p);
	}
	rmdir(scratch);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp || strlen(tmp) > 200)
		tmp = "/tmp";
	snprintf(scratch, sizeof scratch, "%s/recoup-unit-history.XXXXXX", tmp);
	if (!mkdtemp(scratch))
		die_errno(99, "mkdtemp");
	test_roundtrip();
	test_interleaved();
	test_practice();
	test_filters();
	test_weeks();
	test_corrupt();
	test_long_lines();
	test_unknown();
	test_unfinished();
	test_print();
	test_command();
	test_fill();
	test_targets();
	test_targets_by_file();
	test_redone();
	test_model();
	test_checkin_day();
	test_fragment();
	test_targets_by_time();
	test_many();
	test_impossible_dates();
	cleanup();
	return done_testing();
}
