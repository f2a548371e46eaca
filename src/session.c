/* session.c: setting a session up and tearing it down. */
#include "config.h"

#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "progress.h"
#include "running.h"
#include "loader.h"
#include "logfile.h"
#include "sigs.h"
#include "safetext.h"
#include "util.h"

char *session_log_path(const struct options *o)
{
	if (o->no_log)
		return NULL;
	if (o->log_path)
		return expand_tilde(o->log_path);
	return slog_default_path();
}

/* Whether a log line ("STAMP SID EVENT ...") is an `end` line. */
static bool is_end_line(const char *line, size_t len)
{
	const char *p = line, *e = line + len;
	for (int field = 0; field < 2; field++) {
		while (p < e && *p != ' ')
			p++;
		while (p < e && *p == ' ')
			p++;
	}
	return e - p >= 3 && !memcmp(p, "end", 3) && (e - p == 3 || p[3] == ' ');
}

static void running_let_go(struct session *s)
{
	if (s->running_taken && s->running_fd >= 0)
		running_release(s->running_fd, s->e.sid);
	s->running_fd = -1;
}

static void sink_line(void *ctx, const char *line, size_t len)
{
	struct session *s = ctx;
	/* held from before the start line is in the log: a resume finder
	 * that sees the session sees it running */
	if (!s->running_taken && s->log_path) {
		s->running_taken = true;
		s->running_fd = running_hold(s->e.sid);
	}
	slog_write(&s->log, line, len);
	summary_lines_add(&s->lines, line, len);
	/* ended: resumable at once (the picker offers it on the way back) */
	if (is_end_line(line, len))
		running_let_go(s);
}

/* ---- a session resumed (--resume) ---- */

static void keep_line(void *ctx, const char *line, size_t len)
{
	struct session *s = ctx;
	summary_lines_add(&s->lines, line, len);
}

/* The session to resume, of the routine `name`/`id` or (NULL) of any:
 * -1 when found, else the exit status after saying why. */
static int resume_lookup(struct session *s, const struct options *o, const char *name,
			 const char *id, FILE *err)
{
	char *log = session_log_path(o);
	struct resume_query q = { .name = name, .id = id, .practice = o->speed > 1, .day = -1 };
	s->found = xcalloc(1, sizeof *s->found);
	int rc = log ? resume_find(log, &q, s->found, keep_line, s) : 0;
	const char *kind = q.practice ? "practice session" : "session";
	if (!log)
		fprintf(err, "%s: nothing to resume: no log is written (--no-log)\n", progname);
	else if (rc < 0 && errno == ENOENT)
		fprintf(err, "%s: no %s to resume: the log %s is not there yet\n", progname, kind,
			safe_show(log));
	else if (rc < 0)
		fprintf(err, "%s: cannot read the log %s to resume: %s\n", progname, safe_show(log),
			strerror(errno));
	else if (!rc && s->found->running)
		fprintf(err, "%s: no %s%s%s to resume: its last one is still running (in another "
			"terminal); go on with it there, or end it first\n", progname, kind,
			name ? " of " : "", name ? safe_show(name) : "");
	else if (!rc && name)
		fprintf(err, "%s: no %s of %s to resume: its last one in %s ended complete, or it "
			"has none%s\n", progname, kind, safe_show(name), safe_show(log),
			q.practice ? "" : " (practice sessions resume with --speed)");
	else if (!rc)
		fprintf(err, "%s: no %s to resume: the last one of each routine in %s ended "
			"complete%s\n", progname, kind, safe_show(log),
			q.practice ? "" : " (practice sessions resume with --speed)");
	free(log);
	if (rc <= 0) {
		resume_found_free(s->found);
		free(s->found);
		s->found = NULL;
		return EXIT_BAD;
	}
	return -1;
}

/* The routine a session found ran: its file when it is still there, else
 * its id (the file name without .yaml) looked up, else its title. */
static char *resume_arg(const struct resume_found *f)
{
	struct stat sb;
	if (f->file && stat(f->file, &sb) == 0 && S_ISREG(sb.st_mode))
		return xstrdup(f->file);
	return xstrdup(f->id ? f->id : f->routine);
}

static const char *ended_words(enum history_status st)
{
	switch (st) {
	case HISTORY_QUIT: return "quit";
	case HISTORY_ABORTED: return "aborted";
	case HISTORY_UNFINISHED: return "not ended: killed, or the terminal lost";
	default: return "not complete";
	}
}

/* Where the session found goes on in the routine loaded: -1 when it can,
 * else the exit status after saying why. */
static int resume_where(struct session *s, const struct options *o, FILE *err)
{
	const struct resume_found *f = s->found;
	char when[48], note[320];
	resume_when(f, when, sizeof when);
	s->done = xcalloc(f->nparts + 1, sizeof *s->done);
	bool can = resume_plan(f, s->r, &s->resume, s->done, note, sizeof note);
	if (can) {
		/* a session whose every part was logged has nothing to go on with */
		struct plan p;
		plan_build(&p, s->r, o->lead_in_ms, s->targets);
		can = engine_resume_at(&p, &s->resume) < p.n;
		plan_free(&p);
		if (!can)
			snprintf(note, sizeof note, "every part of it was logged; nothing is left to do");
	}
	if (!can) {
		fprintf(err, "%s: cannot resume %s of %s: %s\n", progname, safe_show(s->r->name),
			when, safe_show(note));
		return EXIT_BAD;
	}
	s->resume_note = xasprintf("Resuming %s of %s (%s). %s", s->r->name, when,
				   ended_words(f->status), note);
	return -1;
}

int session_prepare(struct session *s, const struct options *o,
		    const struct search_path *sp, bool screen, FILE *err)
{
	memset(s, 0, sizeof *s);
	s->running_fd = -1;
	s->log.fd = -1; /* not open: session_finish() must not close fd 0 */
	s->screen = screen;
	char *found_arg = NULL;
	if (o->resume && !o->nargs) {
		int rc = resume_lookup(s, o, NULL, NULL, err);
		if (rc >= 0)
			return rc;
		found_arg = resume_arg(s->found);
	}
	const char *arg = found_arg ? found_arg : o->args[0];
	s->path = routine_resolve(sp, arg);
	s->r = load_routine_warnings(sp, arg, err, &s->warnings, &s->nwarnings);
	free(found_arg);
	if (!s->r) {
		session_finish(s);
		return EXIT_BAD;
	}
	s->id = routine_id_of(s->path);
	if (o->resume && !s->found) {
		int rc = resume_lookup(s, o, s->r->name, s->id, err);
		if (rc >= 0) {
			session_finish(s);
			return rc;
		}
	}
	s->log_path = session_log_path(o);
	s->targets = xcalloc(s->r->nsteps + 1, sizeof *s->targets);
	targets_default(s->targets, s->r);
	/* a device only when the user named it on the command line: a config
	 * file is read by every run, and /dev/stdout there would log onto
	 * whatever the output is that day */
	bool named = o->log_path && !o->log_config;
	if (slog_open(&s->log, s->log_path, named ? SLOG_DEVICE_OK : 0) < 0) {
		if (s->log.kind && o->log_config && !strcmp(s->log.kind, logfile_kind(S_IFCHR)))
			fprintf(err, "%s: %s: the log %s is %s; a device can be the log only with --log\n",
				progname, safe_show(o->log_config), safe_show(s->log_path), s->log.kind);
		else if (s->log.kind)
			fprintf(err, "%s: cannot open the session log %s: not a regular file (%s)\n",
				progname, safe_show(s->log_path), s->log.kind);
		else
			fprintf(err, "%s: cannot open the session log %s: %s\n", progname,
				safe_show(s->log_path), strerror(errno));
		fprintf(err, "%s: use --log FILE to log elsewhere, or --no-log\n", progname);
		session_finish(s);
		return EXIT_BAD;
	}
	/* read after the open, which refused what could block */
	const char *kind = s->log_path ?
		progress_targets(s->log_path, s->r, s->targets) : NULL;
	if (kind) {
		s->log_note = xasprintf("the log %s is not a regular file (%s): no history read, "
					"no progression from it", s->log_path, kind);
		if (!screen)
			fprintf(err, "%s: %s\n", progname, safe_show(s->log_note));
	}
	if (s->found) {
		int rc = resume_where(s, o, err);
		if (rc >= 0) {
			session_finish(s);
			return rc;
		}
	}
	s->sigfd = sigs_install(screen);
	return -1;
}

void session_start(struct session *s, const struct options *o)
{
	/* after a gap the session waits paused: say the key that goes on,
	 * as the user set it, or the line that does */
	char how[64];
	if (s->screen && o->key_pause == ' ')
		snprintf(how, sizeof how, "press space to go on");
	else if (s->screen)
		snprintf(how, sizeof how, "press %c to go on", o->key_pause);
	else
		snprintf(how, sizeof how, "type p and Enter to go on");
	struct engine_opts eo = {
		.resume_how = how,
		.targets = s->targets,
		.lead_in_ms = o->lead_in_ms,
		.speed = o->speed,
		.file = s->path,
		.id = s->id,
		.warnings = s->warnings,
		.nwarnings = s->nwarnings,
		.no_key_guard = s->no_key_guard,
		.resume = s->found ? &s->resume : NULL,
	};
	struct engine_sink sink = { sink_line, s };
	engine_start(&s->e, s->r, &eo, clock_real, sink);
	if (s->resume_note)
		engine_keep_notice(&s->e, s->resume_note);
	/* the dashboard's one place to say it, through the first step, as
	 * the loader's warnings are (which come first) */
	if (s->log_note) {
		char note[256];
		snprintf(note, sizeof note, "Note: %s", s->log_note);
		engine_keep_notice(&s->e, note);
	}
}

void session_tick(struct session *s)
{
	slog_retry(&s->log);
	engine_tick(&s->e);
}

long long session_next_wake(const struct session *s)
{
	long long wake = engine_next_wake(&s->e);
	if (slog_failing(&s->log)) {
		long long retry = clock_real_now_ms() + 1000;
		if (wake < 0 || wake > retry)
			wake = retry;
	}
	return wake;
}

struct summary *session_summary(struct session *s)
{
	if (!s->summary) {
		s->summary = xcalloc(1, sizeof *s->summary);
		/* lines still waiting for the log are not in it (and may
		 * never be): the summary then works from this session's own
		 * lines, and says so */
		bool whole = s->log_path && !slog_failing(&s->log);
		summary_build(s->summary, s->r, (const char *const *)s->lines.v, s->lines.n,
			      whole ? s->log_path : NULL, !s->log_path);
	}
	return s->summary;
}

int session_finish(struct session *s)
{
	running_let_go(s);
	if (s->r)
		engine_free(&s->e);
	size_t unwritten = slog_close(&s->log, stderr);
	routine_free(s->r);
	free(s->path);
	free(s->id);
	free(s->log_path);
	free(s->log_note);
	free(s->targets);
	for (size_t i = 0; i < s->nwarnings; i++)
		free(s->warnings[i]);
	free(s->warnings);
	summary_lines_free(&s->lines);
	if (s->summary)
		summary_free(s->summary);
	free(s->summary);
	if (s->found)
		resume_found_free(s->found);
	free(s->found);
	free(s->done);
	free(s->resume_note);
	int sig = s->fatal_sig;
	memset(s, 0, sizeof *s);
	return sig ? 128 + sig : unwritten ? EXIT_BAD : EXIT_OK;
}
