/* fuzz_log.c: the session log read back.  The input is a whole log file:
 * history_read() (the report, unfiltered and filtered) and progress_targets()
 * (double progression, for a small fixed routine) stream it from a scratch
 * file, and logrec_parse() takes it a line at a time. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"
#include "history.h"
#include "../targets_one.h"
#include "loader.h"
#include "logfmt.h"
#include "routine.h"

/* Steps with progress, two sharing a name, one short name for the fuzzer
 * to find, and one step without progress. */
static const char fixed_routine[] =
	"name: Fuzz\n"
	"steps:\n"
	"  - {type: reps, name: Bent-knee soleus drive, side: both, sets: 2, reps: 8-15, progress: true}\n"
	"  - {type: reps, name: Straight-knee heel drop, side: left, sets: 3, reps: 10-12, progress: true}\n"
	"  - {type: reps, name: Bent-knee soleus drive, side: right, sets: 1, reps: 1-1000, progress: true}\n"
	"  - {type: reps, name: a, reps: 5-6, progress: true}\n"
	"  - {type: reps, name: b, sets: 2, reps: 12}\n"
	"  - {type: note, name: a}\n";

static struct routine *routine;
static char log_path[64];
static int log_fd = -1;

static void remove_log(void)
{
	if (log_fd >= 0)
		unlink(log_path);
}

static void setup(void)
{
	struct diags d;
	diags_init(&d, "fixed.yaml");
	routine = routine_load_buffer("fixed.yaml", fixed_routine,
				      sizeof fixed_routine - 1, &d);
	if (!routine) {
		diags_print(&d, stderr);
		abort();
	}
	diags_free(&d);
	const char *tmp = getenv("TMPDIR");
	snprintf(log_path, sizeof log_path, "%s/recoup-fuzz-log.XXXXXX",
		 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	log_fd = mkstemp(log_path);
	if (log_fd < 0) {
		perror(log_path);
		abort();
	}
	atexit(remove_log);
}

static void write_log(const uint8_t *data, size_t size)
{
	if (ftruncate(log_fd, 0) < 0)
		abort();
	for (size_t off = 0; off < size;) {
		ssize_t n = pwrite(log_fd, data + off, size - off, (off_t)off);
		if (n <= 0)
			abort();
		off += (size_t)n;
	}
}

static void check_history(const struct history *h)
{
	int ended = 0;
	for (int s = 0; s < HISTORY_STATUS_COUNT; s++)
		ended += h->status[s];
	/* every kept session ends exactly once */
	if (ended != h->sessions || h->sessions > h->logged ||
	    h->corrupt > h->lines || h->nroutines > (size_t)h->sessions)
		abort();
	/* series in time order (the sessions' starts, not their place in the
	 * file), an exercise's one point a session */
	for (size_t i = 0; i < h->nratings; i++)
		for (size_t k = 0; k < h->ratings[i].n; k++)
			if (h->ratings[i].v[k].value < 0 || h->ratings[i].v[k].value > 10 ||
			    (k && h->ratings[i].v[k - 1].when > h->ratings[i].v[k].when))
				abort();
	for (size_t i = 0; i < h->nexercises; i++)
		for (size_t k = 0; k < h->exercises[i].n; k++)
			if (h->exercises[i].v[k].reps < 0 || h->exercises[i].v[k].sets < 1 ||
			    (k && (h->exercises[i].v[k - 1].when > h->exercises[i].v[k].when ||
				   h->exercises[i].v[k - 1].session == h->exercises[i].v[k].session)))
				abort();
}

static void read_history(FILE *null, const struct history_filter *f)
{
	/* 2026-11-23T12:00:00Z */
	const time_t now = 1795435200;
	struct history h;
	if (history_read(&h, log_path, f, now, null) < 0)
		abort();
	check_history(&h);
	history_print(null, &h);
	/* the summary too, in both alphabets: its sparklines and columns
	 * index by week and cut names */
	history_print_summary(null, &h, true);
	history_print_summary(null, &h, false);
	history_free(&h);
}

static void targets(void)
{
	int t[16];
	bool top[16];
	if (routine->nsteps > 16)
		abort();
	history_targets(log_path, routine, t, top);
	for (size_t i = 0; i < routine->nsteps; i++) {
		const struct step *st = &routine->steps[i];
		bool prog = st->type == STEP_REPS && st->progress;
		if (prog ? t[i] < st->reps.min || t[i] > st->reps.max : t[i] || top[i])
			abort();
	}
	history_targets(log_path, routine, t, NULL);
	/* each side's own target, inside its range; loads never negative */
	struct step_target st[16];
	progress_targets(log_path, routine, st);
	for (size_t i = 0; i < routine->nsteps; i++)
		for (int sd = 0; sd < TARGET_SIDES; sd++) {
			const struct step *step = &routine->steps[i];
			const struct side_target *x = &st[i].side[sd];
			if (x->reps && (x->reps < step->reps.min || x->reps > step->reps.max))
				abort();
			if (x->load != LOAD_NONE && x->load < 0)
				abort();
		}
}

static void parse_lines(const char *buf, size_t size)
{
	struct logrec rec;
	logrec_init(&rec);
	for (const char *p = buf, *end = buf + size; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		char *line = fuzz_copy((const uint8_t *)p, len);
		/* a NUL byte cuts a key short (history_read() refuses such lines) */
		bool text = !memchr(line, '\0', len);
		if (!logrec_parse(&rec, line, len) && text) {
			for (size_t i = 0; i < rec.nf; i++)
				if (!*rec.f[i].key || strchr(rec.f[i].key, '=') ||
				    strchr(rec.f[i].key, ' '))
					abort();
			if (log_event_from(rec.event_word) != rec.event ||
			    (rec.event != LOG_UNKNOWN &&
			     strcmp(log_event_word(rec.event), rec.event_word)))
				abort();
			(void)logrec_get(&rec, "name");
			(void)logrec_int(&rec, "reps", 0);
		}
		free(line);
		p += len + 1;
	}
	logrec_free(&rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *null = fuzz_devnull();
	if (!routine)
		setup();
	write_log(data, size);
	read_history(null, NULL);
	/* schedules for the summary's done against due, by file and title */
	static const struct routine twice = {
		.name = "Post-run calf care", .file = "/r/post-run-calf-care.yaml",
		.schedule = {.kind = SCHEDULE_DAILY, .per_day = 2}};
	static const struct routine mwf = {
		.name = "Alfredson heel drops",
		.schedule = {.kind = SCHEDULE_WEEKDAYS, .per_day = 1, .weekdays = 0x15}};
	static const struct routine *const scheduled[] = {&twice, &mwf};
	const struct history_filter all = {.routines = scheduled, .nroutines = 2};
	read_history(null, &all);
	/* 2026-11-01 */
	const struct history_filter f = {
		.since = 1793491200, .routine = "post-run-calf-care", .practice = true,
	};
	read_history(null, &f);
	targets();
	char *buf = fuzz_copy(data, size);
	parse_lines(buf, size);
	free(buf);
	return 0;
}
