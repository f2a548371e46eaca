/* routine_manage.c: a new routine from the commented starter, a duplicate
 * and a rename of the user's routine files.  The file's text is changed
 * only where its top-level `name:` is, and every result is loaded before
 * it is written: what recoup writes for the user always loads. */
#include "config.h"

#include "routine_manage.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "format.h"
#include "loader.h"
#include "routine.h"
#include "routine_text.h"
#include "safetext.h"
#include "util.h"

/* ---- names and ids ---- */

static bool is_alnum_ascii(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* NAME without the blanks around it (a prompt's stray space is no part of
 * it, and the loader drops the trailing ones anyway).  Freshly allocated. */
static char *name_trimmed(const char *name)
{
	while (is_blank(*name))
		name++;
	size_t n = strlen(name);
	while (n && is_blank(name[n - 1]))
		n--;
	return xstrndup(name, n);
}

/* A noncharacter: U+FDD0-U+FDEF and the last two of every plane (U+FFFE,
 * U+FFFF, U+1FFFE ...), code points Unicode keeps out of text that is
 * exchanged, and YAML out of a file. */
static bool is_noncharacter(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* Whether code point `cp` (beyond ASCII) may stand in an id: not a space,
 * punctuation, a control, a format, bidi or invisible character, a
 * noncharacter or a private one.  A fixed list, not the locale's
 * classes, so that a name has the same id whatever LANG says; every
 * letter and digit of every script passes, and so do combining marks (a
 * decomposed "u" and diaeresis) and symbols such as an emoji. */
static bool id_keeps(uint32_t cp)
{
	static const struct { uint32_t lo, hi; } out[] = {
		{ 0x0080, 0x00BF },     /* C1 controls, Latin-1 spaces and signs */
		{ 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 },   /* x and divide */
		{ 0x034F, 0x034F },     /* combining grapheme joiner */
		{ 0x0600, 0x0605 }, { 0x061C, 0x061C }, { 0x06DD, 0x06DD },
		{ 0x070F, 0x070F }, { 0x08E2, 0x08E2 },   /* Arabic formats */
		{ 0x115F, 0x1160 }, { 0x1680, 0x1680 }, { 0x180B, 0x180F },
		{ 0x2000, 0x206F },     /* spaces, dashes, quotes, bidi, ... */
		{ 0x2E00, 0x2E7F },     /* more punctuation */
		{ 0x3000, 0x3003 }, { 0x3008, 0x3011 }, { 0x3014, 0x301F },
		{ 0x3030, 0x3030 }, { 0x3164, 0x3164 },
		{ 0xD800, 0xF8FF },     /* surrogates, private use */
		{ 0xFE00, 0xFE1F },     /* variation selectors, vertical forms */
		{ 0xFE30, 0xFE6F },     /* CJK and small punctuation forms */
		{ 0xFEFF, 0xFEFF },     /* byte order mark */
		{ 0xFF00, 0xFF0F }, { 0xFF1A, 0xFF20 }, { 0xFF3B, 0xFF40 },
		{ 0xFF5B, 0xFF65 }, { 0xFFA0, 0xFFA0 },   /* fullwidth signs */
		{ 0xFFF0, 0xFFFF },     /* specials, U+FFFD among them */
		{ 0x13430, 0x1343F }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
		{ 0xE0000, 0x10FFFF },  /* tags, selectors, private use */
	};
	if (is_noncharacter(cp))
		return false;
	for (size_t i = 0; i < ARRAY_LEN(out); i++)
		if (cp >= out[i].lo && cp <= out[i].hi)
			return false;
	return true;
}

/* The lower-case of `cp` for the common alphabets (Latin-1, Latin
 * Extended-A, Greek, Cyrillic), else `cp`: a fixed table, for the same
 * reason as id_keeps().  Each pair is as long in UTF-8. */
static uint32_t id_lower(uint32_t cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp == 0x178)
		return 0xFF;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return cp & 1 ? cp + 1 : cp;
	return cp;
}

char *routine_id_for_name(const char *name)
{
	struct buf b;
	buf_init(&b);
	bool gap = false;
	size_t n = strlen(name);
	for (size_t i = 0; i < n;) {
		const unsigned char *s = (const unsigned char *)name + i;
		uint32_t cp = *s;
		size_t w = 1;
		bool keep;
		if (*s < 0x80) {
			keep = is_alnum_ascii(*s);
			if (*s >= 'A' && *s <= 'Z')
				cp = *s - 'A' + 'a';
		} else {
			/* bytes that are not UTF-8: a gap, never in a file name */
			w = utf8_decode(s, n - i, &cp);
			keep = w && id_keeps(cp);
			if (!w)
				w = 1;
			else
				cp = id_lower(cp);
		}
		i += w;
		if (!keep) {
			gap = true;
			continue;
		}
		if (gap && b.len)
			buf_addc(&b, '-');
		gap = false;
		char u[4];
		buf_add(&b, u, utf8_encode(cp, u));
	}
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Whether `s` (valid UTF-8) holds a noncharacter. */
static bool has_noncharacter(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t w = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!w)
			return false;   /* not UTF-8: refused as such */
		if (is_noncharacter(cp))
			return true;
		i += w;
	}
	return false;
}

const char *routine_name_problem(const char *name)
{
	char *t = name_trimmed(name);
	const char *why = NULL;
	size_t n = strlen(t);
	if (!n)
		why = "A routine needs a name.";
	else if (n > (size_t)format_keys[K_NAME].hi) {
		/* the format's own limit, as the loader checks it */
		static char too_long[80];
		snprintf(too_long, sizeof too_long,
			 "That name is too long: a routine's name is at most %ld bytes.",
			 format_keys[K_NAME].hi);
		why = too_long;
	}
	/* anything the screen would show as an escape: control characters,
	 * line separators, bidi controls, bytes that are not UTF-8 */
	else if (!safe_is_clean(t, 0))
		why = "A routine's name cannot hold a control character, a line break or "
		      "bytes that are not UTF-8.";
	else if (has_noncharacter(t))
		why = "A routine's name cannot hold a Unicode noncharacter (U+FFFE, U+FFFF "
		      "and their like).";
	else {
		char *id = routine_id_for_name(t);
		if (!id)
			why = "A routine's name needs a letter or a digit, for its file name.";
		free(id);
	}
	free(t);
	return why;
}

/* ---- the schema and the starter ---- */

char *routine_schema_path(void)
{
#ifdef RECOUP_SOURCE_ROUTINES
	/* the source tree's copy beside its routines/, for `make check` */
	if (running_from_build_tree()) {
		const char *src = RECOUP_SOURCE_ROUTINES;
		const char *slash = strrchr(src, '/');
		return xasprintf("%.*s/src/recoup-routine.schema.json",
				 (int)(slash ? slash - src : 0), src);
	}
#endif
	return xstrdup(PKGDATADIR "/recoup-routine.schema.json");
}

/* The starter: a first routine for calf rehab that loads with no error and
 * no warning, each key commented once, the optional ones commented out.
 * %s is the name (quoted); the modeline goes above it. */
static const char starter[] =
	"# A routine for recoup, the terminal coach: yours to change.  The format\n"
	"# is in recoup-routine(5) (`man 5 recoup-routine`); an editor with a YAML\n"
	"# language server checks it as you type, and `recoup --check FILE` checks\n"
	"# it from the shell.  Durations: 90s, 15m, 1m30s, 1:30.\n"
	"format: 1\n"
	"name: %s\n"
	"description: Calf raises, a stretch, ice and a pain rating\n"
	"\n"
	"# When it is due, for `recoup --due`: daily, twice daily, or [mon, wed, fri].\n"
	"# schedule: daily\n"
	"# The load added when a session earns more (kg), for steps with `load:`.\n"
	"# load_step: 2.5\n"
	"\n"
	"defaults:\n"
	"  side: both        # left | right | both (each leg in turn) | none\n"
	"  rest: 60s         # between sets\n"
	"\n"
	"steps:\n"
	"  - type: note      # shown until you press a key\n"
	"    name: Get ready\n"
	"    cue: A step to stand on, a wall for balance\n"
	"\n"
	"  - type: reps\n"
	"    name: Calf raise\n"
	"    sets: 3\n"
	"    reps: 8-12      # N, or MIN-MAX\n"
	"    tempo: 3-0-1    # seconds down-hold-up, or self\n"
	"    cue: Up on both feet, down slowly on one\n"
	"    # progress: true  # a rep more each good session, up to 12\n"
	"    # load: 0         # kg to start from, with load_step to add\n"
	"\n"
	"  - type: timer\n"
	"    name: Calf stretch\n"
	"    duration: 45s\n"
	"    cue: Heel down, knee straight, lean into the wall\n"
	"\n"
	"  - type: ice\n"
	"    name: Ice the calf\n"
	"    side: none\n"
	"    duration: 10m   # at most 20m in one go\n"
	"    # rounds: 2     # more rounds, with `off` between them\n"
	"    # off: 10m\n"
	"\n"
	"  - type: rate\n"
	"    name: Calf pain\n"
	"    measure: pain   # pain | tightness | stiffness, or no measure\n"
	"    cue: 0 none ... 10 worst\n";

char *routine_starter_text(const char *name, const char *schema)
{
	char *t = name_trimmed(name);
	struct buf q;
	buf_init(&q);
	routine_text_quote(&q, t);
	char *body = xasprintf(starter, q.s);
	/* the one modeline a duplicate gets too */
	char *s = routine_text_with_modeline(body, schema);
	buf_free(&q);
	free(body);
	free(t);
	return s;
}

/* ---- writing ---- */

/* Whether `text`, to be the file `path`, loads, its name NAME: else a
 * sentence in `why`, with the loader's first error.  `what`: the text as
 * the caller made it ("the starter", "with the name changed it"). */
static bool loads_as(const char *path, const char *text, const char *name,
		     const char *what, char *why, size_t n)
{
	struct diags d;
	diags_init(&d, path);
	struct routine *r = routine_load_buffer(path, text, strlen(text), &d);
	bool ok = r && !strcmp(r->name, name);
	if (!r) {
		char *first = diags_first_error(&d);
		snprintf(why, n, "Cannot write %s: %s would not load (%s); nothing was "
			 "written.", safe_show(path), what, first ? safe_show(first) : "an error");
		free(first);
	} else if (!ok) {
		snprintf(why, n, "Cannot write %s: its top-level `name:` could not be found "
			 "and changed; nothing was written.", safe_show(path));
	}
	routine_free(r);
	diags_free(&d);
	return ok;
}

char *routine_taken(const struct search_path *sp, const char *name)
{
	char *t = name_trimmed(name);
	char *id = routine_id_for_name(t);
	free(t);
	char *by = NULL;
	for (size_t i = 0; id && i < sp->n && !by; i++) {
		struct stat sb;
		char *p = xasprintf("%s/%s.yaml", sp->dirs[i], id);
		if (stat(p, &sb) == 0)
			by = p;
		else
			free(p);
	}
	free(id);
	return by;
}

/* NAME checked, and the file it would be in the user's first own
 * directory, not taken by another routine: the new file's path, or NULL
 * and why.  *trimmed: NAME as it will be written. */
static char *new_file_for(const struct search_path *sp, const char *name, char **trimmed,
			  char *why, size_t n)
{
	*trimmed = NULL;
	const char *problem = routine_name_problem(name);
	if (problem) {
		snprintf(why, n, "%s", problem);
		return NULL;
	}
	if (!sp->nuser) {
		snprintf(why, n, "No routine directory of yours is on the search path to "
			 "write the routine to.");
		return NULL;
	}
	*trimmed = name_trimmed(name);
	char *id = routine_id_for_name(*trimmed);
	char *to = xasprintf("%s/%s.yaml", sp->dirs[0], id);
	char *other = routine_taken(sp, *trimmed);
	if (other) {
		snprintf(why, n, "Cannot write %s: a routine named %s is already there, %s; "
			 "choose another name.", safe_show(to), id, safe_show(other));
		free(other);
		free(to);
		to = NULL;
	} else if (mkdir_parents(sp->dirs[0]) < 0) {
		snprintf(why, n, "Cannot make the routine directory %s: %s.",
			 safe_show(sp->dirs[0]), strerror(errno));
		free(to);
		to = NULL;
	}
	free(id);
	if (!to) {
		free(*trimmed);
		*trimmed = NULL;
	}
	return to;
}

/* `text` as the new file `to` (`replace`: over `to`, the same routine):
 * 0, or -1 and why. */
static int write_text(const char *to, const char *text, bool replace, char *why, size_t n)
{
	if (file_write_new(to, text, strlen(text), replace) == 0)
		return 0;
	if (errno == EEXIST)
		snprintf(why, n, "Cannot write %s: a file of that name is already there; "
			 "it was left as it was.", safe_show(to));
	else
		snprintf(why, n, "Cannot write %s: %s.", safe_show(to), strerror(errno));
	return -1;
}

/* The text of the routine file `path`, or NULL and why. */
static char *read_routine(const char *path, char *why, size_t n)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(why, n, "Cannot read %s: %s.", safe_show(path), strerror(errno));
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= ROUTINE_MAX_BYTES)
		buf_add(&b, chunk, got);
	bool bad = ferror(f);
	int e = errno;
	fclose(f);
	if (bad || b.len > ROUTINE_MAX_BYTES || memchr(b.s ? b.s : "", '\0', b.len)) {
		snprintf(why, n, "Cannot read %s: %s.", safe_show(path),
			 bad ? strerror(e) : "it is no routine file (too big, or binary)");
		buf_free(&b);
		return NULL;
	}
	if (!b.s)
		buf_adds(&b, "");
	return buf_take(&b);
}

int routine_new(const struct search_path *sp, const char *name, char **to, char *why,
		size_t n)
{
	char *trimmed;
	*to = new_file_for(sp, name, &trimmed, why, n);
	if (!*to)
		return -1;
	char *schema = routine_schema_path();
	char *text = routine_starter_text(trimmed, schema);
	int rc = loads_as(*to, text, trimmed, "the starter routine with that name", why, n)
		 ? write_text(*to, text, false, why, n) : -1;
	free(schema);
	free(text);
	free(trimmed);
	return rc;
}

int routine_duplicate(const struct search_path *sp, const char *from, const char *name,
		      char **to, char *why, size_t n)
{
	char *trimmed;
	*to = new_file_for(sp, name, &trimmed, why, n);
	if (!*to)
		return -1;
	char *text = read_routine(from, why, n);
	char *named = text ? routine_text_with_name(text, trimmed) : NULL;
	/* loaded before the modeline goes in: a mistake is said at the line
	 * it has in the file copied */
	int rc = -1;
	if (named && loads_as(*to, named, trimmed, "the copy with the name changed", why, n)) {
		char *schema = routine_schema_path();
		char *changed = routine_text_with_modeline(named, schema);
		free(schema);
		rc = write_text(*to, changed, false, why, n);
		free(changed);
	}
	free(text);
	free(named);
	free(trimmed);
	return rc;
}

int routine_rename(const struct search_path *sp, const char *path, const char *name,
		   char **to, char *why, size_t n)
{
	*to = NULL;
	if (!routine_is_own(sp, path)) {
		snprintf(why, n, "Cannot rename %s: only a routine in a routine directory of "
			 "yours, that you can write, can be renamed; duplicate it instead.",
			 safe_show(path));
		return -1;
	}
	const char *problem = routine_name_problem(name);
	if (problem) {
		snprintf(why, n, "%s", problem);
		return -1;
	}
	/* the file stays, and with it its id: the log ties sessions to a
	 * routine by the id, so its history, progression, streak, due status
	 * and resume go on as they were.  No id changes, so none can be
	 * taken.  The file is changed in place (through a link, its mode
	 * kept). */
	char *trimmed = name_trimmed(name);
	*to = xstrdup(path);
	int rc = -1;
	char *text = read_routine(path, why, n);
	char *changed = text ? routine_text_with_name(text, trimmed) : NULL;
	if (changed && loads_as(path, changed, trimmed, "with the name changed it", why, n))
		rc = write_text(path, changed, true, why, n);
	free(text);
	free(changed);
	free(trimmed);
	return rc;
}

const char *routine_cli_text(const char *sentence, char *out, size_t n)
{
	if (!n)
		return out;
	snprintf(out, n, "%s", sentence);
	if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
		out[0] = (char)(out[0] - 'A' + 'a');
	size_t len = strlen(out);
	if (len && out[len - 1] == '.')
		out[len - 1] = '\0';
	return out;
}
