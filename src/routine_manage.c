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
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "loader.h"
#include "routine.h"
#include "safetext.h"
#include "util.h"

#define NAME_MAX_BYTES 200   /* as the loader's `name` */

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

char *routine_id_for_name(const char *name)
{
	struct buf b;
	buf_init(&b);
	bool gap = false;
	for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
		if (!is_alnum_ascii(*s)) {
			gap = true;
			continue;
		}
		if (gap && b.len)
			buf_addc(&b, '-');
		gap = false;
		buf_addc(&b, (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s));
	}
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

const char *routine_name_problem(const char *name)
{
	char *t = name_trimmed(name);
	const char *why = NULL;
	size_t n = strlen(t);
	if (!n)
		why = "A routine needs a name.";
	else if (n > NAME_MAX_BYTES)
		why = "That name is too long: a routine's name is at most 200 bytes.";
	/* anything the screen would show as an escape: control characters,
	 * line separators, bidi controls, bytes that are not UTF-8 */
	else if (!safe_is_clean(t, 0))
		why = "A routine's name cannot hold a control character, a line break or "
		      "bytes that are not UTF-8.";
	else {
		char *id = routine_id_for_name(t);
		if (!id)
			why = "A routine's name needs a letter or digit from a to z or 0 to 9, "
			      "for its file name.";
		free(id);
	}
	free(t);
	return why;
}

/* NAME as a YAML double-quoted scalar: safe whatever it holds (quotes,
 * colons, '#', a leading '-' or '?', non-ASCII), since
 * routine_name_problem() has already kept out every control character. */
static void add_quoted(struct buf *b, const char *name)
{
	buf_addc(b, '"');
	for (const char *s = name; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
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
 * %s is the schema, then the name (quoted). */
static const char starter[] =
	"# yaml-language-server: $schema=%s\n"
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

/* The schema as the modeline names it: the path as it is, unless it holds
 * a blank (the language server takes the value up to the first one) or a
 * '%': then a file: URI, those and every byte outside printable ASCII
 * %-escaped. */
static void add_schema(struct buf *b, const char *schema)
{
	if (!strpbrk(schema, " \t%") || schema[0] != '/') {
		buf_adds(b, schema);
		return;
	}
	buf_adds(b, "file://");
	for (const unsigned char *s = (const unsigned char *)schema; *s; s++) {
		if (*s <= ' ' || *s == '%' || *s >= 0x7f)
			buf_addf(b, "%%%02X", *s);
		else
			buf_addc(b, (char)*s);
	}
}

char *routine_starter_text(const char *name, const char *schema)
{
	char *t = name_trimmed(name);
	struct buf q, sc;
	buf_init(&q);
	buf_init(&sc);
	add_quoted(&q, t);
	add_schema(&sc, schema);
	char *s = xasprintf(starter, sc.s, q.s);
	buf_free(&q);
	buf_free(&sc);
	free(t);
	return s;
}

/* ---- the top-level `name:` in a file's text ---- */

/* The end of the line at `p` (its '\n', or the NUL). */
static const char *line_end(const char *p)
{
	const char *e = strchr(p, '\n');
	return e ? e : p + strlen(p);
}

/* The line after the one at `p`, or NULL at the end. */
static const char *next_line(const char *p)
{
	const char *e = line_end(p);
	return *e ? e + 1 : NULL;
}

/* Whether the line at `p` is a top-level `name:` key: at column 1, plain
 * or quoted, a blank or the end after its colon.  *val: after the colon. */
static bool name_key_at(const char *p, const char **val)
{
	static const char *const keys[] = { "name", "\"name\"", "'name'" };
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		size_t k = strlen(keys[i]);
		if (strncmp(p, keys[i], k))
			continue;
		const char *c = p + k;
		while (is_blank(*c))
			c++;
		if (*c != ':' || (c[1] && !is_blank(c[1]) && c[1] != '\n' && c[1] != '\r'))
			continue;
		*val = c + 1;
		return true;
	}
	return false;
}

/* Whether the line at `p` goes on the value of a top-level key before it:
 * indented, or blank with an indented line after (a block scalar's empty
 * line).  Blank lines at the end of the value are layout, kept; so is an
 * indented comment after a scalar that is not a block (in a block, a '#'
 * is text). */
static bool continues(const char *p, bool block)
{
	for (; p; p = next_line(p)) {
		const char *s = p;
		while (is_blank(*s) || *s == '\r')
			s++;
		if (*s != '\n' && *s != '\0')
			return is_blank(*p) && (block || *s != '#');
	}
	return false;
}

/* Past a quoted scalar starting at `q` (its opening quote): after the
 * closing quote, or NULL when it has none. */
static const char *past_quoted(const char *q)
{
	char quote = *q;
	for (const char *s = q + 1; *s; s++) {
		if (quote == '"' && *s == '\\' && s[1])
			s++;
		else if (*s == quote && quote == '\'' && s[1] == '\'')
			s++;
		else if (*s == quote)
			return s + 1;
	}
	return NULL;
}

/* Where the value of a `name:` line (after its colon: `val`) starts and
 * ends in the text: what a new value replaces.  A comment after a quoted
 * or one-line plain value stays; a block scalar (its header and indented
 * lines) and a plain scalar folded onto the next lines go whole. */
static void name_value_span(const char *val, const char **from, const char **to)
{
	const char *s = val;
	while (is_blank(*s))
		s++;
	*from = s;
	const char *end = line_end(s);
	*to = end;
	if (*s == '"' || *s == '\'') {
		/* closed, on this line or a later one: the rest of that line
		 * stays */
		const char *q = past_quoted(s);
		*to = q ? q : end;
		if (q)
			return;
	} else if (*s != '|' && *s != '>') {
		/* a plain scalar ends at " #" (a comment) or the line's end */
		const char *c = s;
		while (c < end && !(*c == '#' && c > s && is_blank(c[-1])))
			c++;
		*to = c;
		while (*to > s && (is_blank((*to)[-1]) || (*to)[-1] == '\r'))
			(*to)--;
		if (c < end)
			return;   /* a comment ends a plain scalar */
	}
	/* the lines that go on the value: a block scalar's body, the rest of
	 * a plain one; they go whole, up to (not with) their last line break */
	const char *p = *end ? end + 1 : NULL;
	bool more = false, block = *s == '|' || *s == '>';
	while (p && continues(p, block)) {
		more = true;
		end = line_end(p);
		p = *end ? end + 1 : NULL;
	}
	if (more || block) {
		*to = end;
		while (*to > s && (*to)[-1] == '\r')
			(*to)--;
	}
}

/* The line before which a `name:` goes when the file has none: the first
 * that is not a comment, blank, directive or document start. */
static const char *insert_point(const char *text)
{
	const char *p = text;
	if (!strncmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	for (; p; p = next_line(p)) {
		const char *s = p;
		while (is_blank(*s))
			s++;
		bool skip = *s == '#' || *s == '\n' || *s == '\r' || *p == '%' ||
			    (!strncmp(p, "---", 3) && (is_blank(p[3]) || p[3] == '\n' ||
						       p[3] == '\r' || !p[3]));
		if (!skip)
			return p;
	}
	return text + strlen(text);
}

/* `text` with its top-level `name:` value made NAME (quoted), nothing else
 * changed; when it has none, a `name:` line goes in before its first key.
 * Freshly allocated. */
static char *with_name(const char *text, const char *name)
{
	struct buf b;
	buf_init(&b);
	/* a byte order mark is no part of the first line's key (it is kept) */
	const char *first = strncmp(text, "\xEF\xBB\xBF", 3) ? text : text + 3;
	for (const char *p = first; p; p = next_line(p)) {
		const char *val;
		if (!name_key_at(p, &val))
			continue;
		const char *from, *to;
		name_value_span(val, &from, &to);
		/* "name:value" with no blank after the colon is no key */
		buf_add(&b, text, (size_t)(from - text));
		if (from == val)
			buf_addc(&b, ' ');
		add_quoted(&b, name);
		buf_adds(&b, to);
		return buf_take(&b);
	}
	const char *at = insert_point(text);
	buf_add(&b, text, (size_t)(at - text));
	if (at > text && at[-1] != '\n')
		buf_addc(&b, '\n');
	buf_adds(&b, "name: ");
	add_quoted(&b, name);
	buf_addc(&b, '\n');
	buf_adds(&b, at);
	return buf_take(&b);
}

/* ---- writing ---- */

/* Whether `text`, to be the file `path`, loads, its name NAME: else a
 * sentence in `why`, with the loader's first error. */
static bool loads_as(const char *path, const char *text, const char *name, char *why,
		     size_t n)
{
	struct diags d;
	diags_init(&d, path);
	struct routine *r = routine_load_buffer(path, text, strlen(text), &d);
	bool ok = r && !strcmp(r->name, name);
	if (!r) {
		char *first = diags_first_error(&d);
		snprintf(why, n, "Cannot write %s: with the name changed it would not load "
			 "(%s); nothing was written.", safe_show(path),
			 first ? safe_show(first) : "an error");
		free(first);
	} else if (!ok) {
		snprintf(why, n, "Cannot write %s: its top-level `name:` could not be found "
			 "and changed; nothing was written.", safe_show(path));
	}
	routine_free(r);
	diags_free(&d);
	return ok;
}

/* The routine of `id` on the path, other than `self`: its file, or NULL. */
static char *id_taken(const struct search_path *sp, const char *id, const char *self)
{
	struct stat me, sb;
	bool have_me = self && stat(self, &me) == 0;
	for (size_t i = 0; i < sp->n; i++) {
		char *p = xasprintf("%s/%s.yaml", sp->dirs[i], id);
		if (stat(p, &sb) == 0 &&
		    !(have_me && sb.st_dev == me.st_dev && sb.st_ino == me.st_ino))
			return p;
		free(p);
	}
	return NULL;
}

/* NAME checked, and the file it would be in the user's first own
 * directory, not taken by another routine (`self` aside): the new file's
 * path, or NULL and why.  *trimmed: NAME as it will be written. */
static char *new_file_for(const struct search_path *sp, const char *name, const char *self,
			  char **trimmed, char *why, size_t n)
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
	char *other = id_taken(sp, id, self);
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
	*to = new_file_for(sp, name, NULL, &trimmed, why, n);
	if (!*to)
		return -1;
	char *schema = routine_schema_path();
	char *text = routine_starter_text(trimmed, schema);
	int rc = loads_as(*to, text, trimmed, why, n) ? write_text(*to, text, false, why, n)
		 : -1;
	free(schema);
	free(text);
	free(trimmed);
	return rc;
}

int routine_duplicate(const struct search_path *sp, const char *from, const char *name,
		      char **to, char *why, size_t n)
{
	char *trimmed;
	*to = new_file_for(sp, name, NULL, &trimmed, why, n);
	if (!*to)
		return -1;
	char *text = read_routine(from, why, n);
	char *changed = text ? with_name(text, trimmed) : NULL;
	int rc = changed && loads_as(*to, changed, trimmed, why, n)
		 ? write_text(*to, changed, false, why, n) : -1;
	free(text);
	free(changed);
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
	/* the file stays in its own directory, under the new id */
	char *trimmed = name_trimmed(name);
	char *id = routine_id_for_name(trimmed);
	const char *slash = strrchr(path, '/');
	*to = xasprintf("%.*s/%s.yaml", (int)(slash - path), path, id);
	char *other = id_taken(sp, id, path);
	free(id);
	int rc = -1;
	char *text = NULL, *changed = NULL;
	if (other) {
		snprintf(why, n, "Cannot rename %s to %s: a routine of that name is already "
			 "there, %s; choose another name.", safe_show(path), safe_show(*to),
			 safe_show(other));
		goto out;
	}
	text = read_routine(path, why, n);
	changed = text ? with_name(text, trimmed) : NULL;
	if (!changed || !loads_as(*to, changed, trimmed, why, n))
		goto out;
	/* the same id ("Heel drops" to "Heel Drops"): the file changed in
	 * place; else the new file first, then the old one goes */
	bool same = !strcmp(*to, path);
	if (write_text(*to, changed, same, why, n) < 0)
		goto out;
	if (!same && unlink(path) < 0) {
		int e = errno;
		unlink(*to);
		snprintf(why, n, "Cannot rename %s: cannot remove it (%s); it was left as it was.",
			 safe_show(path), strerror(e));
		goto out;
	}
	rc = 0;
out:
	free(other);
	free(text);
	free(changed);
	free(trimmed);
	return rc;
}
