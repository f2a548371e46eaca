/* export.c: `recoup --export csv|json` (export.h), a consumer of the model
 * of the log (logmodel.h): each kept session is turned into its rows as it
 * is handed over, and the rows are written in the order the sessions
 * started once the whole log is read. */
#include "config.h"

#include "export.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "history.h"
#include "logmodel.h"
#include "safetext.h"

/* ---- fields ---- */

bool export_format_from(const char *word, enum export_format *out)
{
	if (!strcmp(word, "csv"))
		*out = EXPORT_CSV;
	else if (!strcmp(word, "json"))
		*out = EXPORT_JSON;
	else
		return false;
	return true;
}

/* The code point of a whole UTF-8 character of `len` bytes (the safetext
 * walk has checked it). */
static uint32_t utf8_value(const unsigned char *p, size_t len)
{
	if (len == 1)
		return p[0];
	uint32_t cp = p[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++)
		cp = cp << 6 | (p[i] & 0x3F);
	return cp;
}

/* Whether `s` is printable ASCII alone, which every format writes as it
 * is but for its quotes: most names, and every number, date and id, go
 * past the safetext walk (the export's hottest path). */
static bool plain_ascii(const char *s, bool *csv_quote)
{
	bool quote = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p >= 0x7F)
			return false;
		quote = quote || *p == '"' || *p == ',';
	}
	*csv_quote = quote;
	return true;
}

static void csv_field(struct buf *b, const char *s, bool raw_breaks);

void export_csv_field(struct buf *b, const char *s)
{
	csv_field(b, s, true);
}

void export_csv_field_shown(struct buf *b, const char *s)
{
	csv_field(b, s, false);
}

/* `raw_breaks`: a line break, CR or tab kept as it is (for a file or a
 * pipe); else shown as the screen shows it, as any other control
 * character always is. */
static void csv_field(struct buf *b, const char *s, bool raw_breaks)
{
	if (!s || !*s)
		return;
	size_t start = b->len;
	bool quote = false;
	if (plain_ascii(s, &quote) && !quote) {
		buf_adds(b, s);
		return;
	}
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), 0);
	for (size_t at = 0; safe_iter_next(&it, &c); at = it.off) {
		unsigned char first = (unsigned char)s[at];
		if (c.raw || (raw_breaks && c.len == 1 &&
			      (first == '\n' || first == '\r' || first == '\t'))) {
			/* RFC 4180 holds line breaks inside quotes: a name's
			 * newline survives, as a spreadsheet shows it */
			for (size_t i = 0; i < c.len; i++) {
				char ch = s[at + i];
				if (ch == '"')
					buf_addc(b, '"');
				quote = quote || ch == '"' || ch == ',' || ch == '\n' || ch == '\r';
				buf_addc(b, ch);
			}
		} else {
			buf_add(b, c.show, c.showlen);
		}
	}
	if (!quote)
		return;
	/* quoted after all: open the quote where the field began */
	buf_addc(b, '"');
	memmove(b->s + start + 1, b->s + start, b->len - 1 - start);
	b->s[start] = '"';
	buf_addc(b, '"');
}

/* A code point as JSON's \uXXXX, beyond U+FFFF as its UTF-16 pair. */
static void json_u(struct buf *b, uint32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		buf_addf(b, "\\u%04x\\u%04x", (unsigned)(0xD800 + (cp >> 10)),
			 (unsigned)(0xDC00 + (cp & 0x3FF)));
	} else {
		buf_addf(b, "\\u%04x", (unsigned)cp);
	}
}

void export_json_string(struct buf *b, const char *s)
{
	if (!s) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	bool quote;
	if (plain_ascii(s, &quote)) {
		/* runs up to a quote or a backslash at once */
		for (const char *p = s; *p;) {
			size_t run = strcspn(p, "\"\\");
			buf_add(b, p, run);
			p += run;
			if (*p) {
				buf_addc(b, '\\');
				buf_addc(b, *p++);
			}
		}
		buf_addc(b, '"');
		return;
	}
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), 0);
	for (size_t at = 0; safe_iter_next(&it, &c); at = it.off) {
		const unsigned char *p = (const unsigned char *)s + at;
		if (c.raw) {
			if (*p == '"' || *p == '\\')
				buf_addc(b, '\\');
			buf_add(b, (const char *)p, c.len);
		} else if (c.len == 1 && *p >= 0x80) {
			/* a byte that is no UTF-8: JSON cannot carry it; the
			 * escape's text, as the screen shows it */
			buf_adds(b, "\\\\");
			buf_add(b, c.show + 1, c.showlen - 1);
		} else if (*p == '\n') {
			buf_adds(b, "\\n");
		} else if (*p == '\r') {
			buf_adds(b, "\\r");
		} else if (*p == '\t') {
			buf_adds(b, "\\t");
		} else {
			json_u(b, utf8_value(p, c.len));
		}
	}
	buf_addc(b, '"');
}

/* ---- rows ---- */

#define COLUMNS(X) \
	X(KIND, "kind") X(DATE, "date") X(TIME, "time") X(SESSION, "session") \
	X(ROUTINE, "routine") X(ROUTINE_ID, "routine_id") X(PRACTICE, "practice") \
	X(STATUS, "status") X(STEP, "step") X(EXERCISE, "exercise") X(SIDE, "side") \
	X(SET, "set") X(SETS, "sets") X(TARGET, "target") X(REPS, "reps") \
	X(LOAD, "load") X(ELAPSED, "elapsed") X(PLANNED, "planned") \
	X(SKIPPED, "skipped") X(SPOT, "spot") X(ROUND, "round") X(ROUNDS, "rounds") \
	X(MEASURE, "measure") X(VALUE, "value")

enum column {
#define X(id, word) COL_##id,
	COLUMNS(X)
#undef X
	COL_COUNT
};

const char *const export_columns[] = {
#define X(id, word) word,
	COLUMNS(X)
#undef X
	NULL
};

/* What a cell holds: nothing, text, a whole number, thousandths written
 * as a decimal (grams as kg, ms as seconds), or yes/no. */
enum cell_type { CELL_EMPTY, CELL_TEXT, CELL_INT, CELL_MILLI, CELL_BOOL };

struct cell {
	enum cell_type type;
	const char *text;
	long long v;
};

struct row {
	struct cell c[COL_COUNT];
};

static void set_text(struct row *r, enum column col, const char *text)
{
	r->c[col] = text ? (struct cell){ .type = CELL_TEXT, .text = text }
		    : (struct cell){ .type = CELL_EMPTY };
}

static void set_int(struct row *r, enum column col, long long v)
{
	r->c[col] = (struct cell){ .type = CELL_INT, .v = v };
}

static void set_milli(struct row *r, enum column col, long long v)
{
	r->c[col] = (struct cell){ .type = CELL_MILLI, .v = v };
}

static void set_bool(struct row *r, enum column col, bool v)
{
	r->c[col] = (struct cell){ .type = CELL_BOOL, .v = v };
}

/* A whole number in decimal, without printf's parsing of a format. */
static void add_ll(struct buf *b, long long v)
{
	char d[24];
	int i = sizeof d;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		d[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		d[--i] = '-';
	buf_add(b, d + i, sizeof d - (size_t)i);
}

/* 2500 as "2.5", 40000 as "40", 27504 as "27.504": a number both formats
 * and every spreadsheet read as one. */
static void add_milli(struct buf *b, long long v)
{
	if (v < 0) {
		buf_addc(b, '-');
		v = -v;
	}
	add_ll(b, v / 1000);
	int frac = (int)(v % 1000);
	if (!frac)
		return;
	char digits[4] = {'.', (char)('0' + frac / 100), (char)('0' + frac / 10 % 10),
			  (char)('0' + frac % 10)};
	size_t n = 4;
	while (digits[n - 1] == '0')
		n--;
	buf_add(b, digits, n);
}

static void add_cell(struct buf *b, const struct cell *c, enum export_format fmt)
{
	switch (c->type) {
	case CELL_EMPTY:
		if (fmt == EXPORT_JSON)
			buf_adds(b, "null");
		break;
	case CELL_TEXT:
		if (fmt == EXPORT_JSON)
			export_json_string(b, c->text);
		else if (fmt == EXPORT_CSV_SHOWN)
			export_csv_field_shown(b, c->text);
		else
			export_csv_field(b, c->text);
		break;
	case CELL_INT:
		add_ll(b, c->v);
		break;
	case CELL_MILLI:
		add_milli(b, c->v);
		break;
	case CELL_BOOL:
		/* a spreadsheet adds 1s up; JSON has its own */
		if (fmt == EXPORT_JSON)
			buf_adds(b, c->v ? "true" : "false");
		else
			buf_addc(b, c->v ? '1' : '0');
		break;
	}
}

/* Columns `lo` to `hi` - 1 of a row, each after its separator (and its
 * key, in JSON). */
static void add_cols(struct buf *b, const struct row *r, enum export_format fmt,
		     int lo, int hi)
{
	for (int i = lo; i < hi; i++) {
		if (fmt == EXPORT_JSON) {
			buf_adds(b, i ? ",\"" : "{\"");
			buf_adds(b, export_columns[i]);
			buf_adds(b, "\":");
		} else if (i) {
			buf_addc(b, ',');
		}
		add_cell(b, &r->c[i], fmt);
	}
}

/* The columns a session's rows share, from the date to the status,
 * written once for all of them (`head`): a row is its kind, those, and
 * its own from the step on. */
static void add_row(struct buf *b, const struct row *r, const struct buf *head,
		    enum export_format fmt)
{
	add_cols(b, r, fmt, COL_KIND, COL_DATE);
	buf_add(b, head->s, head->len);
	add_cols(b, r, fmt, COL_STEP, COL_COUNT);
	buf_adds(b, fmt == EXPORT_JSON ? "}\n" : fmt == EXPORT_CSV_SHOWN ? "\n" : "\r\n");
}

/* ---- the read ---- */

/* A kept session's rows, rendered, and where it goes in time. */
struct entry {
	time_t when;
	int ms;
	size_t index;
	off_t off;          /* its text: in the spill file below `spilled`,
			     * in `text` at off - spilled above */
	size_t len;
};

/* The rows wait until the whole log is read, as a session that started
 * first may finish last; past EXPORT_SPILL bytes they wait in a temporary
 * file (unlinked at once), so that ten years of a log (200 MB of JSON)
 * cost no more memory than a few weeks. */
#define EXPORT_SPILL ((size_t)8 << 20)

struct export_read {
	enum export_format fmt;
	time_t since;
	const char *routine;
	bool practice;
	struct buf text;    /* the rows of kept sessions not spilled */
	struct buf head;    /* the session's cells every row has (add_row()) */
	int spill_fd;       /* -1: none yet */
	bool spill_failed;  /* none could be made or written: all in `text` */
	off_t spilled;      /* bytes in the spill file */
	struct entry *v;
	size_t n, cap;
	bool sorted;        /* the sessions came in the order they started */
};

/* Write all of `len` bytes at `at`. */
static bool pwrite_all(int fd, const char *p, size_t len, off_t at)
{
	while (len) {
		ssize_t w = pwrite(fd, p, len, at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		len -= (size_t)w;
		at += w;
	}
	return true;
}

/* The rows gathered so far into the spill file, when they are many. */
static void spill(struct export_read *er)
{
	if (er->text.len < EXPORT_SPILL || er->spill_failed)
		return;
	if (er->spill_fd < 0) {
		const char *dir = getenv("TMPDIR");
		char *path = xasprintf("%s/recoup-export.XXXXXX", dir && *dir ? dir : "/tmp");
		er->spill_fd = mkstemp(path);
		if (er->spill_fd >= 0)
			unlink(path);
		free(path);
	}
	/* no room for it: the rows wait in memory, as they would anyway */
	if (er->spill_fd < 0 || !pwrite_all(er->spill_fd, er->text.s, er->text.len, er->spilled)) {
		er->spill_failed = true;
		return;
	}
	er->spilled += (off_t)er->text.len;
	er->text.len = 0;
}

/* Copy `len` bytes of the spill file at `at` to `out`. */
static bool copy_spilled(const struct export_read *er, off_t at, off_t len, FILE *out)
{
	char chunk[65536];
	while (len > 0) {
		size_t want = len < (off_t)sizeof chunk ? (size_t)len : sizeof chunk;
		ssize_t got = pread(er->spill_fd, chunk, want, at);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (!got)
				errno = EIO;
			return false;
		}
		fwrite(chunk, 1, (size_t)got, out);
		at += got;
		len -= got;
	}
	return true;
}

static bool export_want(void *ctx, const struct lm_session *s)
{
	const struct export_read *er = ctx;
	if (!history_since_keeps(s, er->since))
		return false;
	if (er->routine && !history_routine_named(s, er->routine))
		return false;
	return !s->practice || er->practice;
}

/* The cells every row of a session has, into er->head: its time as
 * stamped (the local time where it ran: "2026-11-23T18:04:11.204+01:00"
 * is 18:04:11 on the 23rd), its id, and for a routine's session the
 * routine's. */
static void session_head(struct export_read *er, const struct lm_session *s)
{
	char date[11], time[9];
	memcpy(date, s->stamp, 10);
	date[10] = '\0';
	memcpy(time, s->stamp + 11, 8);
	time[8] = '\0';
	struct row r;
	memset(&r, 0, sizeof r);
	set_text(&r, COL_DATE, date);
	set_text(&r, COL_TIME, time);
	set_text(&r, COL_SESSION, s->sid);
	if (s->kind == LM_SESSION) {
		set_text(&r, COL_ROUTINE, history_display_name(s));
		set_text(&r, COL_ROUTINE_ID, s->id && *s->id ? s->id : NULL);
		set_bool(&r, COL_PRACTICE, s->practice);
		set_text(&r, COL_STATUS, history_status_word(s->status));
	}
	er->head.len = 0;
	add_cols(&er->head, &r, er->fmt, COL_DATE, COL_STEP);
}

/* A row of `kind`, its own cells still empty. */
static void row_init(struct row *r, const char *kind)
{
	memset(r, 0, sizeof *r);
	set_text(r, COL_KIND, kind);
}

static void set_positive(struct row *r, enum column col, long long v)
{
	if (v > 0)
		set_int(r, col, v);
}

static void set_side(struct row *r, enum side side)
{
	if (side != SIDE_NONE) /* left, right, or both (an ice round) */
		set_text(r, COL_SIDE, side_word(side));
}

static void set_step(struct row *r, int n, const char *name)
{
	set_positive(r, COL_STEP, n);
	set_text(r, COL_EXERCISE, name && *name ? name : NULL);
}

/* One of a session's sets, ratings or parts, by step: what the rows are
 * sorted by. */
struct item {
	int n;
	int what;           /* 0 set, 1 part, 2 rating */
	size_t i;
};

static int item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	if (x->what != y->what)
		return x->what < y->what ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static void set_row(struct row *r, const struct lm_set *x)
{
	set_step(r, x->n, x->name);
	set_side(r, x->side);
	set_positive(r, COL_SET, x->set);
	set_positive(r, COL_SETS, x->sets);
	set_positive(r, COL_TARGET, x->target);
	set_int(r, COL_REPS, x->reps);
	if (x->load >= 0)
		set_milli(r, COL_LOAD, x->load);
	set_milli(r, COL_ELAPSED, x->elapsed);
	set_bool(r, COL_SKIPPED, x->skipped);
}

static void part_row(struct row *r, const struct lm_part *x)
{
	set_step(r, x->n, x->name);
	set_side(r, x->side);
	if (x->spot) {
		set_text(r, COL_SPOT, x->spot);
	} else {
		set_positive(r, COL_ROUND, x->round);
		set_positive(r, COL_ROUNDS, x->rounds);
	}
	if (x->planned > 0)
		set_milli(r, COL_PLANNED, x->planned);
	set_milli(r, COL_ELAPSED, x->elapsed);
	set_bool(r, COL_SKIPPED, x->skipped);
}

static void rate_row(struct row *r, const struct lm_rate *x)
{
	set_step(r, x->n, x->name);
	if (x->measure != MEASURE_NONE)
		set_text(r, COL_MEASURE, measure_word(x->measure));
	if (x->value >= 0)
		set_int(r, COL_VALUE, x->value);
	set_bool(r, COL_SKIPPED, x->value < 0);
}

/* A routine's session: its rows in step order, the lines of one step in
 * the order they were first logged. */
static void session_rows(struct export_read *er, const struct lm_session *s)
{
	size_t n = s->nsets + s->nparts + s->nrates;
	struct item *items = xcalloc(n ? n : 1, sizeof *items);
	size_t k = 0;
	for (size_t i = 0; i < s->nsets; i++)
		items[k++] = (struct item){ .n = s->sets[i].n, .what = 0, .i = i };
	for (size_t i = 0; i < s->nparts; i++)
		items[k++] = (struct item){ .n = s->parts[i].n, .what = 1, .i = i };
	for (size_t i = 0; i < s->nrates; i++)
		items[k++] = (struct item){ .n = s->rates[i].n, .what = 2, .i = i };
	qsort(items, n, sizeof *items, item_cmp);
	struct row r;
	for (k = 0; k < n; k++) {
		const struct item *it = &items[k];
		if (it->what == 0) {
			row_init(&r, "set");
			set_row(&r, &s->sets[it->i]);
		} else if (it->what == 1) {
			const struct lm_part *p = &s->parts[it->i];
			row_init(&r, p->spot ? "spot" : "ice");
			part_row(&r, p);
		} else {
			row_init(&r, "rating");
			rate_row(&r, &s->rates[it->i]);
		}
		add_row(&er->text, &r, &er->head, er->fmt);
	}
	free(items);
}

/* A check-in: a row per value, the item asked in `measure`. */
static void checkin_rows(struct export_read *er, const struct lm_session *s)
{
	struct row r;
	for (size_t i = 0; i < s->nvalues; i++) {
		row_init(&r, "checkin");
		set_text(&r, COL_MEASURE, s->values[i].name);
		set_int(&r, COL_VALUE, s->values[i].value);
		add_row(&er->text, &r, &er->head, er->fmt);
	}
}

/* Whether a started before b: lm_before() on their sessions' heads. */
static bool entry_before(const struct entry *a, const struct entry *b)
{
	struct lm_session x = {.when = a->when, .ms = a->ms, .index = a->index};
	struct lm_session y = {.when = b->when, .ms = b->ms, .index = b->index};
	return lm_before(&x, &y);
}

static int entry_cmp(const void *a, const void *b)
{
	/* no two entries are equal: the index is the session's own */
	return entry_before(a, b) ? -1 : entry_before(b, a);
}

static void export_session(void *ctx, const struct lm_session *s)
{
	struct export_read *er = ctx;
	/* check-ins are no routine's and never practice: --since alone */
	if (s->kind == LM_CHECKIN && !history_since_keeps(s, er->since))
		return;
	size_t start = er->text.len;
	off_t off = er->spilled + (off_t)start;
	session_head(er, s);
	if (s->kind == LM_CHECKIN)
		checkin_rows(er, s);
	else
		session_rows(er, s);
	if (er->text.len == start)
		return;
	er->v = xgrow(er->v, &er->cap, er->n + 1, sizeof *er->v);
	struct entry *e = &er->v[er->n++];
	*e = (struct entry){ .when = s->when, .ms = s->ms, .index = s->index,
			     .off = off, .len = er->text.len - start };
	if (er->n > 1 && entry_before(&er->v[er->n - 1], &er->v[er->n - 2]))
		er->sorted = false;
	spill(er);
}

/* The rows, sessions in the order they started: as the model handed them
 * over when they came in that order (a log written by one machine, one
 * session at a time), else sorted. */
static bool export_write(struct export_read *er, FILE *out)
{
	if (er->sorted) {
		if (er->spilled && !copy_spilled(er, 0, er->spilled, out))
			return false;
		if (er->text.len) /* no rows: no buffer either */
			fwrite(er->text.s, 1, er->text.len, out);
		return true;
	}
	if (er->n)
		qsort(er->v, er->n, sizeof *er->v, entry_cmp);
	for (size_t i = 0; i < er->n; i++) {
		const struct entry *e = &er->v[i];
		if (e->off < er->spilled) {
			if (!copy_spilled(er, e->off, (off_t)e->len, out))
				return false;
		} else {
			fwrite(er->text.s + (e->off - er->spilled), 1, e->len, out);
		}
	}
	return true;
}

static void csv_header(FILE *out, enum export_format fmt)
{
	for (size_t i = 0; export_columns[i]; i++)
		fprintf(out, "%s%s", i ? "," : "", export_columns[i]);
	fputs(fmt == EXPORT_CSV_SHOWN ? "\n" : "\r\n", out);
}

int export_command(const char *log_path, const char *format, const char *since,
		   const char *routine, bool practice, FILE *out)
{
	struct export_read er = {.routine = routine, .practice = practice, .sorted = true,
				 .spill_fd = -1};
	if (!export_format_from(format, &er.fmt)) {
		fprintf(stderr, "%s: --export wants csv or json, not \"%s\"\n", progname,
			safe_show(format));
		return 2;
	}
	if (since && !history_parse_since(since, &er.since)) {
		fprintf(stderr, "%s: --since wants a date as YYYY-MM-DD, not \"%s\"\n",
			progname, safe_show(since));
		return 2;
	}
	/* to a terminal, a name's line break would move the cursor */
	if (er.fmt == EXPORT_CSV && isatty(fileno(out)))
		er.fmt = EXPORT_CSV_SHOWN;
	buf_init(&er.text);
	buf_init(&er.head);
	struct lm_reader lr = {.path = log_path, .err = stderr, .want = export_want,
			       .session = export_session, .ctx = &er};
	int status = 0;
	int rc = lm_read(&lr), err = rc < 0 ? errno : 0;
	if (rc < 0 && err != ENOENT) {
		/* half a log exported would pass for all of it: nothing */
		if (lr.kind)
			fprintf(stderr, "%s: %s: not a regular file (%s); nothing exported\n",
				progname, safe_show(log_path), lr.kind);
		else
			fprintf(stderr, "%s: %s: %s\n", progname, safe_show(log_path),
				strerror(err));
		status = 1;
	} else {
		if (err == ENOENT)
			fprintf(stderr, "%s: no sessions logged yet in %s\n", progname,
				safe_show(log_path));
		if (er.fmt != EXPORT_JSON)
			csv_header(out, er.fmt);
		if (!export_write(&er, out)) {
			fprintf(stderr, "%s: reading back the rows put aside in a temporary "
				"file: %s\n", progname, strerror(errno));
			status = 1;
		} else if (fflush(out) == EOF || ferror(out)) {
			fprintf(stderr, "%s: standard output: %s\n", progname, strerror(errno));
			status = 1;
		}
	}
	buf_free(&er.text);
	buf_free(&er.head);
	free(er.v);
	if (er.spill_fd >= 0)
		close(er.spill_fd);
	return status;
}
