/* logscan.c: the session log's lines grouped into sessions, for the
 * history report and the target finder alike. */
#include "config.h"

#include "logscan.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logfile.h"
#include "safetext.h"
#include "util.h"

static enum history_status status_from(const char *word)
{
	static const char *const words[] = {
#define X(id, w) w,
		HISTORY_STATUSES(X)
#undef X
	};
	for (int i = HISTORY_COMPLETE; word && i <= HISTORY_ABORTED; i++)
		if (!strcmp(word, words[i]))
			return (enum history_status)i;
	return HISTORY_OTHER;
}

static size_t sid_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding `sid`, or the empty slot where it would go. */
static size_t *scan_slot(struct scan *sc, const char *sid)
{
	size_t mask = sc->nslots - 1;
	for (size_t i = sid_hash(sid) & mask;; i = (i + 1) & mask)
		if (!sc->slots[i] || !strcmp(sc->v[sc->slots[i] - 1].sid, sid))
			return &sc->slots[i];
}

static void scan_rehash(struct scan *sc)
{
	size_t *old = sc->slots, nold = sc->nslots;
	sc->nslots = nold ? nold * 2 : 64;
	sc->slots = xcalloc(sc->nslots, sizeof *sc->slots);
	for (size_t i = 0; i < nold; i++)
		if (old[i])
			*scan_slot(sc, sc->v[old[i] - 1].sid) = old[i];
	free(old);
}

static struct scan_session *scan_find(struct scan *sc, const char *sid)
{
	if (!sc->nslots)
		return NULL;
	size_t *slot = scan_slot(sc, sid);
	return *slot ? &sc->v[*slot - 1] : NULL;
}

static void scan_close(struct scan *sc, size_t i, enum history_status st)
{
	struct scan_session *s = &sc->v[i];
	if (s->open && s->kept)
		sc->ops->finish(sc, i, st);
	s->open = false;
	s->data = NULL;
}

static void scan_start(struct scan *sc, const struct logrec *rec)
{
	if ((sc->nids + 1) * 2 > sc->nslots)
		scan_rehash(sc);
	size_t *slot = scan_slot(sc, rec->sid);
	if (*slot)
		scan_close(sc, *slot - 1, HISTORY_UNFINISHED);
	else
		sc->nids++;
	sc->v = xgrow(sc->v, &sc->cap, sc->n + 1, sizeof *sc->v);
	size_t i = sc->n++;
	struct scan_session *s = &sc->v[i];
	memcpy(s->sid, rec->sid, sizeof s->sid);
	s->when = rec->when;
	s->ms = rec->ms;
	s->open = true;
	s->data = NULL;
	*slot = i + 1;
	s->kept = sc->ops->start(sc, i, rec);
}

static void scan_corrupt(struct scan *sc, const char *why)
{
	sc->corrupt++;
	if (sc->err)
		fprintf(sc->err, "%s: %s:%ld: skipped corrupt line: %s\n", progname,
			safe_show(sc->path), sc->lines, why);
}

static void scan_line(struct scan *sc, struct logrec *rec, const char *line,
		      size_t len)
{
	if (!len || (len == 1 && *line == '\r'))
		return; /* a blank line is harmless: an editor may leave one */
	if (memchr(line, '\0', len)) {
		scan_corrupt(sc, "NUL byte in line");
		return;
	}
	const char *why = logrec_parse(rec, line, len);
	if (why) {
		scan_corrupt(sc, why);
		return;
	}
	sc->line = line;
	sc->len = len;
	if (rec->event == LOG_START) {
		scan_start(sc, rec);
		return;
	}
	if (rec->event == LOG_CHECKIN) {
		if (sc->checkins) {
			scan_start(sc, rec);
			scan_close(sc, sc->n - 1, HISTORY_COMPLETE);
		}
		return;
	}
	/* Lines of a session whose start we never saw (a log cut at the top)
	 * or that already ended have no session to go to. */
	struct scan_session *s = scan_find(sc, rec->sid);
	if (!s || !s->open || !s->kept)
		return;
	/* the end line is an event too (its elapsed), then the end */
	size_t i = (size_t)(s - sc->v);
	sc->ops->event(sc, i, rec);
	if (rec->event == LOG_END)
		scan_close(sc, i, status_from(logrec_get(rec, "status")));
}

/* Go to the first line that starts in the last `tail` bytes; -1 with errno
 * set when the file cannot be sought. */
static int scan_seek_tail(struct logfile_lines *L, long long tail)
{
	struct stat sb;
	if (fstat(L->fd, &sb) < 0)
		return -1;
	if (sb.st_size <= tail)
		return 0;
	/* from the byte before, so that a line starting right there is kept */
	if (lseek(L->fd, (off_t)(sb.st_size - tail - 1), SEEK_SET) < 0)
		return -1;
	char *line;
	size_t len;
	enum logfile_line lr = logfile_next(L, &line, &len); /* the rest of a line */
	return lr == LOGFILE_ERROR ? -1 : 0;
}

/* Read the whole log; -1 with errno set when it cannot be opened or read.
 * Sessions still open at the end are finished as unfinished either way. */
int scan_run(struct scan *sc)
{
	struct logfile_lines L;
	if (logfile_lines_open(&L, sc->path, &sc->kind) < 0)
		return -1;
	struct logrec rec;
	logrec_init(&rec);
	int rc = 0;
	if (sc->tail > 0 && scan_seek_tail(&L, sc->tail) < 0) {
		int saved = errno;
		logrec_free(&rec);
		logfile_lines_close(&L);
		errno = saved;
		return -1;
	}
	for (;;) {
		/* per line: a reader nobody waits for stops at once, even
		 * in a log of a million lines */
		if (sc->abort && atomic_load(sc->abort)) {
			sc->aborted = true;
			break;
		}
		char *line;
		size_t len;
		enum logfile_line lr = logfile_next(&L, &line, &len);
		if (lr == LOGFILE_EOF)
			break;
		if (lr == LOGFILE_ERROR) {
			rc = -1;
			break;
		}
		if (lr == LOGFILE_FRAGMENT) {
			/* torn by a full disk or a kill, or a line being
			 * written right now: either way not a line yet */
			sc->fragment = true;
			break;
		}
		sc->lines++;
		if (lr == LOGFILE_LONG)
			scan_corrupt(sc, "line longer than " XSTR(LOGFILE_LINE_MAX) " bytes");
		else
			scan_line(sc, &rec, line, len);
	}
	int saved = errno;
	for (size_t i = 0; i < sc->n; i++)
		scan_close(sc, i, HISTORY_UNFINISHED);
	logrec_free(&rec);
	logfile_lines_close(&L);
	errno = saved;
	return rc;
}

void scan_run_lines(struct scan *sc, const char *const *lines, size_t n)
{
	struct logrec rec;
	logrec_init(&rec);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);
		if (len && lines[i][len - 1] == '\n')
			len--;
		sc->lines++;
		/* as the file's reader would see it */
		if (len > LOGFILE_LINE_MAX)
			scan_corrupt(sc, "line longer than " XSTR(LOGFILE_LINE_MAX) " bytes");
		else
			scan_line(sc, &rec, lines[i], len);
	}
	for (size_t i = 0; i < sc->n; i++)
		scan_close(sc, i, HISTORY_UNFINISHED);
	logrec_free(&rec);
}

void *scan_data(struct scan *sc, const char *sid)
{
	struct scan_session *s = scan_find(sc, sid);
	if (!s || !s->open || !s->kept)
		return NULL;
	return s->data;
}

bool scan_before(const struct scan *sc, size_t a, size_t b)
{
	const struct scan_session *x = &sc->v[a], *y = &sc->v[b];
	if (x->when != y->when)
		return x->when < y->when;
	if (x->ms != y->ms)
		return x->ms < y->ms;
	return a < b;
}

void scan_free(struct scan *sc)
{
	free(sc->v);
	free(sc->slots);
}
