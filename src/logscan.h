/* logscan.h: the one scanner of the session log.  Lines are read through
 * logfile.c, parsed, and grouped into sessions by session id; a consumer
 * (the history report, the target finder) sees each kept session start,
 * its events, and its end.  Lines of concurrent sessions may interleave; a
 * `start` with an id seen before begins a new session.  Unknown events and
 * keys are skipped.  A corrupt line (unparsable, holding a NUL byte, or
 * longer than LOGFILE_LINE_MAX) is reported and skipped, never fatal;
 * blank lines are skipped silently; a last piece without its newline is
 * not a line (torn, or still being written) and is only counted.  No
 * curses here. */
#ifndef RECOUP_LOGSCAN_H
#define RECOUP_LOGSCAN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "logfmt.h"

/* How a session ended, as the scanner finds it: the `end` line's status,
 * or UNFINISHED without one (the process was killed), or OTHER for a
 * status this version does not know.  (history_status_word() names it.) */
#define HISTORY_STATUSES(X) \
	X(COMPLETE, "complete") X(QUIT, "quit") X(ABORTED, "aborted") \
	X(UNFINISHED, "unfinished") X(OTHER, "other")

enum history_status {
#define X(id, word) HISTORY_##id,
	HISTORY_STATUSES(X)
#undef X
	HISTORY_STATUS_COUNT
};

struct scan_session {
	char sid[sizeof ((struct logrec *)0)->sid];
	time_t when;        /* start */
	int ms;             /* and its milliseconds */
	bool open;          /* no end line yet */
	bool kept;          /* the consumer wants its events */
	void *data;         /* the consumer's, freed by its finish() */
};

struct scan;

struct scan_ops {
	/* A session starts (sc->v[i] filled in): return whether to keep it. */
	bool (*start)(struct scan *sc, size_t i, const struct logrec *rec);
	/* Any other event of a kept, open session, its `end` line included
	 * (finish() follows it). */
	void (*event)(struct scan *sc, size_t i, const struct logrec *rec);
	/* A kept session ends, or is found unfinished. */
	void (*finish)(struct scan *sc, size_t i, enum history_status st);
};

struct scan {
	const char *path;
	FILE *err;          /* corrupt lines reported here, or NULL */
	const struct scan_ops *ops;
	void *ctx;
	struct scan_session *v; /* every session, in the order of their starts */
	size_t n, cap;
	/* Session ids, open addressing: index into v plus one, 0 when empty.
	 * A start with a known id points the slot at the new session. */
	size_t *slots;
	size_t nslots, nids;
	long lines, corrupt;
	bool fragment;      /* the file ended in a piece without a newline */
	const char *kind;   /* set when the path is not a regular file */
	/* A `checkin` line is a session of its own, started and finished on
	 * that line (start() sees the checkin line, finish() follows at once
	 * with COMPLETE).  Off: check-ins are skipped like unknown events. */
	bool checkins;
	/* scan_run() only: read the last `tail` bytes of the file alone, from
	 * the first line that starts in them (lines counted from there); 0:
	 * the whole file.  For a reader of today alone, at the log's end. */
	long long tail;
	/* The line being read, without its newline, while start() and
	 * event() see it (for a consumer that keeps a session's lines). */
	const char *line;
	size_t len;
	/* scan_run() only: when set and true, the read stops at the next
	 * line (another thread that no longer waits for it), as at the end
	 * of the file; `aborted` then says so.  NULL: read to the end. */
	const atomic_bool *abort;
	bool aborted;
};

/* Read the whole log; -1 with errno set when it cannot be opened or read
 * (errno EINVAL and sc->kind set when it is not a regular file).  Sessions
 * still open at the end are finished as unfinished either way. */
int scan_run(struct scan *sc);
/* The same over lines in memory (a session's own, as it wrote them, with
 * or without their newlines): no file is opened, sc->path only names them
 * in messages.  Sessions still open at the end are finished as
 * unfinished. */
void scan_run_lines(struct scan *sc, const char *const *lines, size_t n);
void scan_free(struct scan *sc);
/* The consumer's data of the open, kept session `sid`, left open: its
 * later lines still come, and finish() still follows its end.  NULL when
 * no such session is open.  For a log model that joins a session resumed
 * under a new id to the one it continues (both ids then lead to it). */
void *scan_data(struct scan *sc, const char *sid);

/* Whether session a started before session b: by the time stamped on
 * their starts (UTC offsets applied), then by file order, so that a log
 * merged from two machines still reads in the order things happened. */
bool scan_before(const struct scan *sc, size_t a, size_t b);

#endif
