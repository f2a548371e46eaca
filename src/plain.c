/* plain.c: the line-by-line front end (--plain, a pipe, TERM=dumb): one
 * line of words per prompt and transition on stdout, commands as lines on
 * stdin.  For screen readers and scripts; no curses. */
#include "config.h"

#include "plain.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkin.h"
#include "clock.h"
#include "parse.h"
#include "session.h"
#include "sigs.h"
#include "safetext.h"
#include "util.h"
#include "zones.h"

static const char help_line[] =
	"Commands: Enter or n next, p pause/resume, b back, + or - 15 seconds, "
	"a number for a count or rating, r one rep, q quit.";
/* Added where a step carries a load. */
static const char load_help[] = " Load: l or L up or down a step, load 12.5 sets it.";

/* Numbers typed before a prompt takes them: kept, in order. */
#define PLAIN_AHEAD 16

struct plain {
	struct session *s;
	const struct options *o;
	unsigned seen_cue;
	bool log_failing;
	char in[4096];
	size_t inlen;
	bool eof;           /* no more lines will come */
	bool closed_told;   /* engine_input_closed() called */
	bool tty;           /* a person types: q asks first, the guard time holds */
	bool confirming;    /* "Quit this session?" is asked */
	bool quit_paused;   /* the question paused a countdown */
	int out_errno;      /* standard output failed with this: write no more */
	int ahead[PLAIN_AHEAD];
	size_t nahead;
	/* A count typed in a rest or a lead-in before a self-paced set: that
	 * set's, given to it once it starts (segment set_count_at). */
	bool has_set_count;
	int set_count;
	size_t set_count_at;
};

/* Standard output failed.  In the session nobody sees its prompts any
 * more: it ends as a lost terminal ends a dashboard, with SIGPIPE's status
 * when the reader went away (EPIPE), else aborted with the error's own
 * words (exit 1).  After the end, the log is whole: nothing goes in it. */
static void out_failed(struct plain *p, int err)
{
	struct engine *e = &p->s->e;
	if (p->out_errno)
		return;
	p->out_errno = err;
	if (e->status == ENGINE_DONE)
		return;
	if (err == EPIPE) {
		p->s->fatal_sig = SIGPIPE;
		engine_warn(e, "standard output went away");
		engine_abort(e, "PIPE");
		return;
	}
	char *msg = xasprintf("cannot write to standard output: %s", strerror(err));
	engine_warn(e, msg);
	free(msg);
	engine_abort(e, NULL);
}

static void say(struct plain *p, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void say(struct plain *p, const char *fmt, ...)
{
	if (p->out_errno)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *line = xvasprintf(fmt, ap);
	va_end(ap);
	/* names, cues and spots come from the routine: one safe line */
	errno = 0;
	int bad = puts(safe_show(line)) == EOF || fflush(stdout) == EOF;
	int err = errno ? errno : EIO;
	free(line);
	if (bad)
		out_failed(p, err);
}

static void show_changes(struct plain *p)
{
	struct engine *e = &p->s->e;
	if (e->cue_seq != p->seen_cue) {
		char t[32];
		/* time so far, whole seconds down (format_clock rounds up, as
		 * a countdown must): 1 ms in is still 0:00 */
		format_clock(t, sizeof t, engine_now(e) / 1000 * 1000);
		/* every cue since the last look, as far as the engine keeps them */
		unsigned from = p->seen_cue + 1;
		if (e->cue_seq - p->seen_cue > ENGINE_CUES)
			from = e->cue_seq - ENGINE_CUES + 1;
		for (unsigned n = from; n != e->cue_seq + 1; n++)
			say(p, "[%s] %s", t, e->cues[n % ENGINE_CUES]);
		p->seen_cue = e->cue_seq;
	}
	bool failing = slog_failing(&p->s->log);
	if (failing != p->log_failing) {
		p->log_failing = failing;
		if (failing)
			say(p, "Warning: the log %s cannot be written (%s); lines are kept and retried",
			    p->s->log_path, strerror(p->s->log.last_errno));
		else
			say(p, "The log is being written again");
	}
}

/* A prompt that a kept number answers: a rating, a "how many?".  (A set,
 * tempo or self-paced, takes one too, ending it, but only when typed
 * during the set: a number kept from before is not its count.) */
static bool wants_number(const struct engine *e)
{
	return e->status != ENGINE_DONE &&
	       (e->input == INPUT_RATING || e->input == INPUT_COUNT);
}

/* A pain rating about to be given: its zone, in words (a line has no
 * colour), before the next prompt follows. */
static void say_zone(struct plain *p, int n)
{
	struct engine *e = &p->s->e;
	if (e->input != INPUT_RATING || n < 0 || n > 10 || engine_guarded(e))
		return;
	struct engine_view v;
	engine_view_numbers(e, &v);
	if (v.step && v.kind == SEG_RATE && v.step->measure == MEASURE_PAIN)
		say(p, "Pain %d: %s", n, pain_value_word(n));
}

static bool takes_number(const struct engine *e)
{
	return wants_number(e) ||
	       (e->status != ENGINE_DONE && e->plan.v[e->cur].kind == SEG_SET);
}

/* The set a count typed now is for: the current part is a rest or a
 * lead-in, and the next part after rests and lead-ins is a set (its index
 * in *at).  False when a rating or anything else comes first. */
static bool next_set(const struct engine *e, size_t *at)
{
	if (e->status == ENGINE_DONE || e->cur >= e->plan.n)
		return false;
	enum seg_kind k = e->plan.v[e->cur].kind;
	if (k != SEG_REST && k != SEG_LEADIN)
		return false;
	size_t j = e->cur + 1;
	while (j < e->plan.n && (e->plan.v[j].kind == SEG_REST || e->plan.v[j].kind == SEG_LEADIN))
		j++;
	if (j >= e->plan.n || e->plan.v[j].kind != SEG_SET)
		return false;
	*at = j;
	return true;
}

/* The count kept for a set: given to it once it has started (past the
 * key guard), or said unused when the session went past it. */
static void feed_set_count(struct plain *p)
{
	struct engine *e = &p->s->e;
	if (!p->has_set_count)
		return;
	if (e->status == ENGINE_DONE || e->cur > p->set_count_at) {
		p->has_set_count = false;
		say(p, "Not used: %d, kept for a set that %s", p->set_count,
		    e->status == ENGINE_DONE ? "did not start" : "was skipped");
		return;
	}
	if (e->cur != p->set_count_at || e->input != INPUT_REPS || engine_guarded(e))
		return;
	p->has_set_count = false;
	engine_number(e, p->set_count);
	show_changes(p);
}

/* Give numbers typed ahead to the prompt that wants them; then, at the end
 * of input with nothing left to give (or a prompt no number answers), tell
 * the engine that no answer will come. */
static void feed(struct plain *p)
{
	struct engine *e = &p->s->e;
	feed_set_count(p);
	while (p->nahead && wants_number(e) && !engine_guarded(e)) {
		int v = p->ahead[0];
		memmove(p->ahead, p->ahead + 1, --p->nahead * sizeof *p->ahead);
		say_zone(p, v);
		engine_number(e, v);
		show_changes(p);
	}
	if (p->eof && !p->closed_told && e->status != ENGINE_DONE && !p->has_set_count &&
	    (!p->nahead || e->paused || (e->input != INPUT_NONE && !wants_number(e)))) {
		p->closed_told = true;
		engine_input_closed(e);
		show_changes(p);
	}
}

static void number(struct plain *p, long v)
{
	struct engine *e = &p->s->e;
	int n = (int)(v > 100000 ? 100000 : v < -1 ? -1 : v);
	size_t at;
	if (takes_number(e)) {
		say_zone(p, n);
		engine_number(e, n);
	} else if (next_set(e, &at)) {
		/* typed while getting ready for a set, or resting before it:
		 * its count (never a rating's, which the set comes before) */
		const struct segment *sg = &e->plan.v[at];
		char which[64];
		snprintf(which, sizeof which, "%sset %d of %d",
			 sg->side == SIDE_LEFT ? "LEFT " : sg->side == SIDE_RIGHT ? "RIGHT " : "",
			 sg->set, sg->nsets);
		if (sg->duration > 0)
			say(p, "Not kept: %d; %s counts its own reps (type a number during it to end "
			    "it early with that count)", n, which);
		else if (p->has_set_count)
			say(p, "Not kept: %d; %d is kept already for the count of %s", n,
			    p->set_count, which);
		else {
			p->has_set_count = true;
			p->set_count = n;
			p->set_count_at = at;
			say(p, "Kept %d for the count of %s", n, which);
		}
	} else if (p->nahead < PLAIN_AHEAD) {
		p->ahead[p->nahead++] = n;
		say(p, "Kept %d for the next rating or count", n);
	} else {
		say(p, "%d numbers are kept already; %d ignored", PLAIN_AHEAD, n);
	}
}

/* What is under way, in words, for `r` where it counts nothing. */
static const char *const part_words[SEG_KIND_COUNT] = {
	[SEG_NOTE] = "a note",
	[SEG_LEADIN] = "the lead-in (get ready) before the next part",
	[SEG_ICE_ON] = "an ice round",
	[SEG_ICE_OFF] = "ice off, between rounds",
	[SEG_SPOT] = "a massage spot",
	[SEG_TIMER] = "a timer",
	[SEG_SET] = "a set with a tempo, which counts its own reps (n ends it early)",
	[SEG_REST] = "a rest",
	[SEG_RATE] = "a rating",
};

/* One rep; anywhere else r would be lost without a word (reps typed while
 * getting ready), so say why it counts nothing. */
static void rep_key(struct plain *p)
{
	struct engine *e = &p->s->e;
	if (e->input == INPUT_REPS) {
		engine_rep(e);
		return;
	}
	struct engine_view v;
	engine_view_numbers(e, &v);
	const char *what = v.input == INPUT_COUNT ? "a set's \"how many?\" (type the number)" :
			   v.done || (unsigned)v.kind >= SEG_KIND_COUNT ? "the end" : part_words[v.kind];
	say(p, "r counts reps in a self-paced set; this is %s", what);
}

static bool has_load(const struct plain *p)
{
	for (size_t i = 0; i < p->s->r->nsteps; i++)
		if (p->s->r->steps[i].type == STEP_REPS && p->s->r->steps[i].load != LOAD_NONE)
			return true;
	return false;
}

/* "load 12.5": today's load of the set at hand, in kilograms. */
static void load_command(struct plain *p, const char *arg)
{
	while (*arg == ' ' || *arg == '\t')
		arg++;
	long grams;
	const char *why = *arg ? load_parse(arg, &grams) : NULL;
	if (!*arg)
		say(p, "load needs kilograms, like load 12.5");
	else if (why)
		say(p, "'%s' %s", arg, why);
	else
		engine_load_set(&p->s->e, grams);
}

/* Ask before quitting, as the dashboard does; a countdown waits for the
 * answer. */
static void ask_quit(struct plain *p)
{
	struct engine *e = &p->s->e;
	p->quit_paused = engine_hold(e);
	show_changes(p);
	p->confirming = true;
	say(p, "Quit this session? y to quit, n to go on");
}

static void answer_quit(struct plain *p, const char *line)
{
	struct engine *e = &p->s->e;
	p->confirming = false;
	if (!strcmp(line, "y") || !strcmp(line, "Y") || !strcmp(line, "yes")) {
		engine_quit(e);
	} else {
		if (p->quit_paused)
			engine_release(e);
		say(p, "Going on");
	}
	p->quit_paused = false;
}

static void command(struct plain *p, char *line)
{
	struct engine *e = &p->s->e;
	size_t n = strlen(line);
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
		line[--n] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	long v;
	if (p->confirming) {
		answer_quit(p, line);
		return;
	}
	if (strcmp(line, "q") && engine_guarded(e)) {
		/* typed for the set that has just ended, not for what follows */
		say(p, "Ignored '%s': the set has just ended", line);
		return;
	}
	if (!*line && e->input == INPUT_RATING)
		/* one stray Enter must not lose a rating */
		say(p, "A rating is 0 to 10: type it and Enter (n skips it)");
	else if (!*line && e->input == INPUT_COUNT)
		engine_enter(e); /* the count so far, as the prompt says */
	else if (!*line || !strcmp(line, "n"))
		engine_next(e);
	else if (!strcmp(line, "p"))
		engine_toggle_pause(e);
	else if (!strcmp(line, "b"))
		engine_back(e);
	else if (!strcmp(line, "+"))
		engine_adjust(e, ENGINE_ADJUST_MS);
	else if (!strcmp(line, "-"))
		engine_adjust(e, -ENGINE_ADJUST_MS);
	else if (!strcmp(line, "r"))
		rep_key(p);
	else if (!strcmp(line, "l") || !strcmp(line, "L"))
		engine_load_step(e, line[0] == 'l' ? 1 : -1);
	else if (!strncmp(line, "load", 4) && (line[4] == ' ' || line[4] == '\0'))
		load_command(p, line + 4);
	else if (!strcmp(line, "q") && p->tty && p->o->confirm_quit)
		ask_quit(p);
	else if (!strcmp(line, "q"))
		engine_quit(e);
	else if (int_parse(line, &v))
		number(p, v);
	else if (!strcmp(line, "?") || !strcmp(line, "h"))
		say(p, "%s%s", help_line, has_load(p) ? load_help : "");
	else
		say(p, "Unknown command '%s'. %s%s", line, help_line, has_load(p) ? load_help : "");
}

/* Read what is there; run each complete line as a command. */
static void read_input(struct plain *p)
{
	ssize_t n = read(STDIN_FILENO, p->in + p->inlen, sizeof p->in - 1 - p->inlen);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		p->eof = true;
		if (p->inlen) { /* a last line without its newline still counts */
			p->in[p->inlen] = '\0';
			p->inlen = 0;
			command(p, p->in);
			show_changes(p);
		}
		feed(p);
		return;
	}
	p->inlen += (size_t)n;
	char *start = p->in, *nl;
	while ((nl = memchr(start, '\n', p->inlen - (size_t)(start - p->in)))) {
		*nl = '\0';
		command(p, start);
		show_changes(p);
		feed(p);
		start = nl + 1;
	}
	p->inlen -= (size_t)(start - p->in);
	memmove(p->in, start, p->inlen);
	if (p->inlen == sizeof p->in - 1) { /* an absurdly long line: drop it */
		p->inlen = 0;
		say(p, "Line too long; ignored");
	}
}

/* "Summary:", then each line on its own; nothing waits for a key, even
 * on a terminal: the lines stay on it. */
static void say_summary(struct plain *p)
{
	const struct summary *sum = session_summary(p->s);
	say(p, "Summary:");
	for (size_t i = 0; i < sum->n; i++)
		say(p, "%s", sum->v[i].text);
}

int plain_run(const struct options *o, const struct search_path *sp)
{
	struct session s;
	/* in the background, the terminal is another job's: not read (as at
	 * end of input), and written to even under `stty tostop` */
	bool foreign_in = sigs_tty_foreign(STDIN_FILENO);
	if (foreign_in || sigs_tty_foreign(STDOUT_FILENO) || sigs_tty_foreign(STDERR_FILENO))
		sigs_background_io();
	int rc = session_prepare(&s, o, sp, false, stderr);
	if (rc >= 0)
		return rc;
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct plain p = { .s = &s, .o = o, .tty = isatty(STDIN_FILENO) };
	s.no_key_guard = !p.tty;
	char total[32];
	session_start(&s, o);
	format_clock(total, sizeof total, s.e.plan.total);
	say(&p, "%s: %zu step%s, %s timed.", s.r->name, s.r->nsteps,
	    s.r->nsteps == 1 ? "" : "s", total);
	if (o->speed > 1)
		say(&p, "Practice mode: time runs %d times faster; history leaves this session out.", o->speed);
	if (s.resume_note)
		say(&p, "%s", s.resume_note);
	say(&p, "%s%s", help_line, has_load(&p) ? load_help : "");
	if (foreign_in) {
		say(&p, "In the background: the keyboard is not read; a question ends the session.");
		p.eof = true;
		engine_input_closed(&s.e);
	}
	show_changes(&p);

	int out_fd = STDOUT_FILENO;
	while (s.e.status != ENGINE_DONE) {
		long long wake = session_next_wake(&s);
		int timeout = -1;
		if (wake >= 0) {
			long long left = wake - clock_real_now_ms();
			timeout = left < 0 ? 0 : left > 60000 ? 60000 : (int)left;
		}
		/* no events asked of stdout: poll still says when its reader
		 * is gone (POLLERR on a pipe), even while nothing is written */
		struct pollfd fds[3] = {
			{ .fd = s.sigfd, .events = POLLIN },
			{ .fd = p.eof ? -1 : STDIN_FILENO, .events = POLLIN },
			{ .fd = out_fd, .events = 0 },
		};
		int n = poll(fds, 3, timeout);
		if (n < 0 && errno != EINTR)
			die_errno(1, "poll");
		if (n > 0 && (fds[2].revents & POLLNVAL))
			out_fd = -1;
		if (n > 0 && (fds[2].revents & (POLLERR | POLLHUP)))
			out_failed(&p, EPIPE); /* a pipe's reader is gone */
		if (s.e.status == ENGINE_DONE)
			break;
		/* time first: a gap (the process was stopped) is seen before a
		 * signal or commands typed meanwhile act on the segment */
		session_tick(&s);
		show_changes(&p);
		if (s.e.status == ENGINE_DONE)
			break; /* the routine ran out, or the output failed */
		int sig = sigs_take(NULL, NULL);
		if (sig) {
			s.fatal_sig = sig;
			engine_abort(&s.e, sigs_name(sig));
			show_changes(&p);
			break;
		}
		if (n > 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			read_input(&p);
		session_tick(&s);
		show_changes(&p);
		feed(&p);
	}
	/* nothing typed is lost without a word */
	if (p.has_set_count)
		say(&p, "Not used: %d, kept for a set that did not start", p.set_count);
	for (size_t i = 0; i < p.nahead; i++)
		say(&p, "Not used: %d, kept for a rating or count that did not come", p.ahead[i]);
	if (s.log_path && !slog_failing(&s.log))
		say(&p, "Logged to %s", s.log_path);
	/* last: what the session came to, for a listener or a script; none
	 * after a fatal signal, which ends it without a word more */
	if (!s.fatal_sig)
		say_summary(&p);
	rc = session_finish(&s);
	/* as any program whose output failed: said, and not a success; a
	 * session ended by the reader gone has SIGPIPE's status already */
	if (p.out_errno && rc != 128 + SIGPIPE) {
		fprintf(stderr, "%s: cannot write to standard output: %s\n", progname,
			strerror(p.out_errno));
		if (!rc)
			rc = EXIT_BAD;
	}
	return rc;
}

/* ---- the morning check-in, line by line ---- */

int checkin_open_log(struct slog *l, const struct options *o, FILE *err)
{
	char *path = session_log_path(o);
	/* a device only when named on the command line, as for a session */
	bool named = o->log_path && !o->log_config;
	int rc = slog_open(l, path, named ? SLOG_DEVICE_OK : 0);
	if (rc < 0) {
		if (l->kind)
			fprintf(err, "%s: cannot open the session log %s: not a regular file (%s)\n",
				progname, safe_show(path), l->kind);
		else
			fprintf(err, "%s: cannot open the session log %s: %s\n", progname,
				safe_show(path), strerror(errno));
		fprintf(err, "%s: use --log FILE to log elsewhere, or --no-log\n", progname);
	}
	free(path);
	return rc;
}

/* One line of standard input, trimmed; NULL at its end. */
static char *checkin_read_line(char **line, size_t *cap)
{
	ssize_t n = getline(line, cap, stdin);
	if (n < 0)
		return NULL;
	char *s = *line;
	while (n && strchr(" \t\r\n", s[n - 1]))
		s[--n] = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static void checkin_ask(const struct checkin *c)
{
	char title[CHECKIN_NAME_MAX + 1];
	const char *name = c->items[c->cur];
	checkin_item_title(name, title, sizeof title);
	if (checkin_is_pain(name))
		printf("%s on getting up, 0 to 10 (%s):\n", title, checkin_zones_text());
	else
		printf("%s on getting up, 0 to 10:\n", title);
	fflush(stdout);
}

int plain_checkin(const struct options *o)
{
	struct slog log;
	if (checkin_open_log(&log, o, stderr) < 0)
		return EXIT_BAD;
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct checkin c;
	checkin_begin(&c, o->checkin_items, o->ncheckin_items, clock_real_now_ms());
	printf("Morning check-in: %zu question%s, 0 to 10 each. "
	       "Enter or n skips one, b goes back, q leaves without logging.\n",
	       c.n, c.n == 1 ? "" : "s");
	char *buf = NULL;
	size_t cap = 0;
	bool left = false;
	while (!checkin_done(&c)) {
		checkin_ask(&c);
		char *line = checkin_read_line(&buf, &cap);
		long v;
		if (!line) {
			/* the end of input answers nothing more: what was
			 * answered is kept, the rest skipped */
			while (!checkin_done(&c))
				checkin_enter(&c, clock_real_now_ms());
		} else if (!strcmp(line, "q")) {
			left = true;
			break;
		} else if (!*line || !strcmp(line, "n")) {
			checkin_enter(&c, clock_real_now_ms());
		} else if (!strcmp(line, "b")) {
			if (!checkin_back(&c))
				puts("This is the first question.");
		} else if (int_parse(line, &v) && v >= 0 && v <= 10) {
			checkin_answer(&c, (int)v, clock_real_now_ms());
		} else {
			printf("'%s' is no answer: a whole number from 0 to 10, Enter or n to skip, "
			       "q to leave.\n", safe_show(line));
		}
	}
	free(buf);
	struct buf said;
	buf_init(&said);
	checkin_summary(&c, &said);
	if (left)
		puts("Check-in left; nothing logged.");
	else if (!checkin_log(&c, &log))
		puts("Nothing answered; nothing logged.");
	else if (!log.path)
		printf("Checked in: %s; not logged (--no-log).\n", said.s);
	else if (slog_failing(&log))
		printf("Checked in: %s; the log %s cannot be written (%s).\n", said.s,
		       safe_show(log.path), strerror(log.last_errno));
	else
		printf("Checked in: %s. Logged to %s\n", said.s, safe_show(log.path));
	buf_free(&said);
	/* a line that could not be written goes to stderr: nothing is lost */
	return slog_close(&log, stderr) ? EXIT_BAD : EXIT_OK;
}
