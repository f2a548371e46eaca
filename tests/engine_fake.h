/* engine_fake.h: the harness tests/unit_say.c and tests/unit_speech.c
 * share for what the engine announces: a routine from a YAML string run on
 * a fake clock, every announcement collected as a line "KIND@MS:text|BELLS"
 * in `said`, and has()/lacks() over those lines.  Included once per test
 * program (its functions are static). */
#ifndef RECOUP_TESTS_ENGINE_FAKE_H
#define RECOUP_TESTS_ENGINE_FAKE_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "loader.h"
#include "tap.h"

static struct fake_clock fc;
static struct engine E;
static struct routine *R;
static unsigned seen;
static char said[16384];

static void sink_line(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	(void)line;
	(void)len;
}

static const char *const kind_names[] = { "phase", "side", "set", "part", "end", "state", "milestone", "cue" };

/* What was announced since the last look: "KIND@MS:text|BELLS" a line */
static void collect(void)
{
	for (unsigned n = seen + 1; n != E.say_seq + 1; n++) {
		const struct engine_say *s = &E.says[n % ENGINE_SAYS];
		size_t len = strlen(said);
		snprintf(said + len, sizeof said - len, "%s%s@%lld:%s|%d", len ? "\n" : "",
			 kind_names[s->kind], fc.ms, s->text, s->bells);
	}
	seen = E.say_seq;
}

static bool start(const char *yaml, long long lead_in)
{
	struct diags d;
	diags_init(&d, "test.yaml");
	R = routine_load_buffer("test.yaml", yaml, strlen(yaml), &d);
	diags_free(&d);
	if (!R)
		return ok(0, "routine loads");
	fc.ms = 0;
	seen = 0;
	said[0] = '\0';
	struct engine_opts o = { .lead_in_ms = lead_in, .speed = 1, .file = "test.yaml", .id = "test" };
	struct engine_sink sink = { sink_line, NULL };
	engine_start(&E, R, &o, clock_fake(&fc), sink);
	collect();
	return true;
}

static void run_to(long long ms)
{
	while (fc.ms < ms) {
		fc.ms += 250;
		engine_tick(&E);
		collect();
	}
}

static void stop(void)
{
	engine_free(&E);
	routine_free(R);
}

/* `want` is a line of `said` */
static void has(const char *want, const char *what)
{
	size_t n = strlen(want);
	bool found = false;
	for (const char *p = said; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, want, n) && (p[n] == '\n' || p[n] == '\0'))
			found = true;
	if (!ok(found, "%s", what))
		printf("#   want: %s\n#   said:\n%s\n", want, said);
}

static void lacks(const char *text, const char *what)
{
	if (!ok(strstr(said, text) == NULL, "%s", what))
		printf("#   said:\n%s\n", said);
}

#endif
