/* settings.c: recoup.conf in libconfig syntax.  Written for libconfig 1.5:
 * a wrong type reads as "missing" there, so every setting's type is checked
 * here, and @include is refused before libconfig sees the file. */
#include "config.h"

#include "settings.h"

#include <ctype.h>
#include <errno.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checkin.h"
#include "parse.h"
#include "paths.h"
#include "safetext.h"
#include "util.h"

#define SETTINGS_MAX_BYTES (256 * 1024)

static const char *const known[] = {
	"log", "routine_dirs", "colors", "bell", "flash", "speak", "cue_command",
	"lead_in", "confirm_quit", "keys", "checkin", NULL,
};
static const char *const key_actions[] = { "pause", "next", "back", "quit", NULL };

/* The picker's own letters (ui_picker.c's key()).  The quit key quits the
 * picker too, and would lose there to these; the other actions act in a
 * session only, where these letters mean nothing.  The session's own
 * printable keys (digits, + = - _ ?) are refused for every action. */
static const struct {
	char key;
	const char *job;
} picker_keys[] = {
	{ 'j', "moves down" }, { 'k', "moves up" }, { 'g', "goes to the first routine" },
	{ 'G', "goes to the last routine" }, { 'e', "edits the routine" },
	{ 'h', "opens the history" }, { 'r', "reverts a copy to the routine it hides" },
	/* n, d, m and x (new, duplicate, rename, delete) came later, when
	 * configs had them as quit keys already: those keep working, the
	 * quit key winning in the picker (ui_picker.c) */
};

struct loader {
	const char *file;
	FILE *err;
	int errors;
};

static void bad(struct loader *L, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void bad(struct loader *L, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	/* messages echo values from the file: one safe line whatever they hold */
	fprintf(L->err, "%s: %s:%d: %s\n", progname, safe_show(L->file), line, safe_show(msg));
	free(msg);
	L->errors++;
}

static const char *type_word(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP: return "a group";
	case CONFIG_TYPE_INT: case CONFIG_TYPE_INT64: return "a number";
	case CONFIG_TYPE_FLOAT: return "a number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "true or false";
	case CONFIG_TYPE_ARRAY: case CONFIG_TYPE_LIST: return "a list";
	default: return "something else";
	}
}

static int line_of(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

static bool want_type(struct loader *L, const config_setting_t *s, int type, const char *what)
{
	int t = config_setting_type(s);
	bool ok = t == type || (type == CONFIG_TYPE_LIST && t == CONFIG_TYPE_ARRAY);
	if (!ok)
		bad(L, line_of(s), "`%s` must be %s, not %s", config_setting_name(s), what,
		    type_word(t));
	return ok;
}

static void get_bool(struct loader *L, const config_setting_t *s, bool *out)
{
	if (want_type(L, s, CONFIG_TYPE_BOOL, "true or false"))
		*out = config_setting_get_bool(s);
}

/* A list of strings; *n set.  Freshly allocated, NULL-terminated. */
static char **get_strings(struct loader *L, const config_setting_t *s, size_t *n)
{
	if (!want_type(L, s, CONFIG_TYPE_LIST, "a list of strings like [\"a\", \"b\"]"))
		return NULL;
	int len = config_setting_length(s);
	char **v = xcalloc((size_t)len + 1, sizeof *v);
	*n = 0;
	for (int i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING) {
			bad(L, line_of(s), "`%s` must hold strings only; item %d is %s",
			    config_setting_name(s), i + 1, type_word(config_setting_type(e)));
			continue;
		}
		v[(*n)++] = xstrdup(config_setting_get_string(e));
	}
	return v;
}

static void strings_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* "n", " " or "space": one printable ASCII key. */
static int key_code(const char *s)
{
	if (!strcmp(s, "space"))
		return ' ';
	if (strlen(s) == 1 && isprint((unsigned char)s[0]))
		return (unsigned char)s[0];
	return -1;
}

static bool picker_clash(struct loader *L, const config_setting_t *k, int code)
{
	for (size_t i = 0; i < ARRAY_LEN(picker_keys); i++)
		if (code == picker_keys[i].key) {
			bad(L, line_of(k), "`keys.quit = \"%c\"`: the quit key quits the picker too, "
			    "where %c %s; choose another key", code, code, picker_keys[i].job);
			return true;
		}
	return false;
}

static void load_keys(struct loader *L, const config_setting_t *g, struct settings *st)
{
	if (!want_type(L, g, CONFIG_TYPE_GROUP, "a group like { pause = \" \"; next = \"n\"; }"))
		return;
	int *slots[] = { &st->key_pause, &st->key_next, &st->key_back, &st->key_quit };
	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *k = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(k);
		int a = 0;
		while (key_actions[a] && strcmp(key_actions[a], name))
			a++;
		if (!key_actions[a]) {
			const char *near = did_you_mean(name, key_actions);
			bad(L, line_of(k), "`keys.%s` is not an action%s%s%s; use pause, next, back or quit",
			    name, near ? " (did you mean `" : "", near ? near : "", near ? "`?)" : "");
			continue;
		}
		if (config_setting_type(k) != CONFIG_TYPE_STRING) {
			bad(L, line_of(k), "`keys.%s` must be a one-character string like \"n\", not %s",
			    name, type_word(config_setting_type(k)));
			continue;
		}
		int code = key_code(config_setting_get_string(k));
		if (code < 0 || isdigit(code) || strchr("+-=_?", code)) {
			bad(L, line_of(k), "`keys.%s = \"%s\"`: a key is one printable character (or \"space\"), not a digit, +, -, =, _ or ?",
			    name, config_setting_get_string(k));
			continue;
		}
		if (slots[a] == &st->key_quit && picker_clash(L, k, code))
			continue;
		*slots[a] = code;
	}
	for (int a = 0; a < 4; a++)
		for (int b = a + 1; b < 4; b++)
			if (*slots[a] == *slots[b])
				bad(L, line_of(g), "`keys`: %s and %s are both '%c'", key_actions[a],
				    key_actions[b], *slots[a]);
}

/* The check-in's items: 1 to 6 words, each a key of the log's checkin
 * line, so lower case [a-z][a-z0-9_]*, not `elapsed` (the line's own) and
 * none twice. */
static bool item_word(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void load_checkin(struct loader *L, const config_setting_t *s, struct settings *st)
{
	size_t n = 0;
	int before = L->errors;
	char **v = get_strings(L, s, &n);
	if (!v)
		return;
	if (L->errors == before && (n < 1 || n > CHECKIN_MAX_ITEMS))
		bad(L, line_of(s), "`checkin` asks 1 to %d items, not %zu; for example "
		    "[\"pain\", \"stiffness\"]", CHECKIN_MAX_ITEMS, n);
	for (size_t i = 0; i < n; i++) {
		if (!item_word(v[i]) || strlen(v[i]) > CHECKIN_NAME_MAX)
			bad(L, line_of(s), "`checkin`: item %zu, \"%s\", is not a name: lower-case "
			    "letters, digits and _, starting with a letter, up to %d characters",
			    i + 1, v[i], CHECKIN_NAME_MAX);
		else if (!strcmp(v[i], "elapsed"))
			bad(L, line_of(s), "`checkin`: item %zu, \"elapsed\", is the check-in line's "
			    "own field (the time it took); choose another name", i + 1);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(v[i], v[j]))
				bad(L, line_of(s), "`checkin`: \"%s\" is there twice (items %zu and %zu)",
				    v[i], j + 1, i + 1);
	}
	if (L->errors != before) {
		strings_free(v);
		return;
	}
	strings_free(st->checkin);
	st->checkin = v;
	st->ncheckin = n;
}

static void load_setting(struct loader *L, const config_setting_t *s, struct settings *st)
{
	const char *name = config_setting_name(s);
	size_t n;
	if (!strcmp(name, "log")) {
		if (want_type(L, s, CONFIG_TYPE_STRING, "a file name")) {
			const char *v = config_setting_get_string(s);
			if (!*v) {
				bad(L, line_of(s), "`log` is empty; give a file name");
			} else {
				free(st->log);
				st->log = expand_tilde(v);
			}
		}
	} else if (!strcmp(name, "routine_dirs")) {
		char **v = get_strings(L, s, &n);
		for (size_t i = 0; v && i < n; i++)
			if (!*v[i])
				bad(L, line_of(s), "`routine_dirs`: item %zu is empty; give a directory", i + 1);
		if (v) {
			strings_free(st->routine_dirs);
			st->routine_dirs = v;
			st->nroutine_dirs = n;
		}
	} else if (!strcmp(name, "colors")) {
		get_bool(L, s, &st->colors);
	} else if (!strcmp(name, "bell")) {
		get_bool(L, s, &st->bell);
	} else if (!strcmp(name, "flash")) {
		get_bool(L, s, &st->flash);
	} else if (!strcmp(name, "speak")) {
		get_bool(L, s, &st->speak);
	} else if (!strcmp(name, "confirm_quit")) {
		get_bool(L, s, &st->confirm_quit);
	} else if (!strcmp(name, "cue_command")) {
		char **v = get_strings(L, s, &n);
		if (v && n && !*v[0])
			bad(L, line_of(s), "`cue_command`: the program (item 1) is empty");
		if (v) {
			strings_free(st->cue_command);
			st->cue_command = n ? v : NULL;
			if (!n)
				free(v);
		}
	} else if (!strcmp(name, "lead_in")) {
		long long ms;
		if (!want_type(L, s, CONFIG_TYPE_STRING, "a duration like \"3s\""))
			return;
		const char *v = config_setting_get_string(s);
		if (!duration_parse(v, &ms) || ms > 60000)
			bad(L, line_of(s), "`lead_in = \"%s\"`: give a duration from \"0s\" to \"60s\"", v);
		else
			st->lead_in_ms = ms;
	} else if (!strcmp(name, "keys")) {
		load_keys(L, s, st);
	} else if (!strcmp(name, "checkin")) {
		load_checkin(L, s, st);
	} else {
		const char *near = did_you_mean(name, known);
		fprintf(L->err, "%s: %s:%d: warning: unknown setting `%s`%s%s%s\n", progname,
			safe_show(L->file), line_of(s), safe_show(name), near ? " (did you mean `" : "", near ? near : "",
			near ? "`?)" : "");
	}
}

void settings_defaults(struct settings *st)
{
	memset(st, 0, sizeof *st);
	st->colors = true;
	st->bell = true;
	st->flash = false;
	st->confirm_quit = true;
	st->lead_in_ms = 3000;
	st->key_pause = ' ';
	st->key_next = 'n';
	st->key_back = 'b';
	st->key_quit = 'q';
}

void settings_free(struct settings *st)
{
	free(st->log);
	free(st->path);
	strings_free(st->routine_dirs);
	strings_free(st->cue_command);
	strings_free(st->checkin);
	memset(st, 0, sizeof *st);
}

char *settings_default_path(void)
{
	char *cfg = xdg_config_home();
	char *p = xasprintf("%s/recoup/recoup.conf", cfg);
	free(cfg);
	return p;
}

/* Read the file whole (bounded); NULL with errno when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return NULL;
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return NULL;
	}
	char *buf = xmalloc(SETTINGS_MAX_BYTES + 1);
	size_t n = fread(buf, 1, SETTINGS_MAX_BYTES + 1, f);
	int e = ferror(f) ? errno : 0;
	fclose(f);
	if (e) {
		free(buf);
		errno = e;
		return NULL;
	}
	if (n > SETTINGS_MAX_BYTES) {
		free(buf);
		errno = EFBIG;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* @include could pull in anything (libconfig 1.5 dies on a directory):
 * refuse it.  Returns its line, or 0. */
static int include_line(const char *text)
{
	int line = 1;
	for (const char *p = text; *p; p++) {
		const char *q = p;
		while (*q == ' ' || *q == '\t')
			q++;
		if (!strncmp(q, "@include", 8))
			return line;
		p = strchr(p, '\n');
		if (!p)
			break;
		line++;
	}
	return 0;
}

/* libconfig 1.5 parses nesting into a bounded stack ("memory exhausted",
 * a stack-hungry recursion when it is freed) and checks each new setting
 * against every name in its group, so tens of thousands of names take it
 * seconds.  A config has a dozen settings: count brackets and names
 * outside strings and comments first.  libconfig 1.5 also reads a block
 * comment that is never closed as running to the end of the file, dropping
 * every setting after it without a word: that is refused here too.
 * Returns the line where a limit is passed or the comment starts (*why
 * says what is wrong), or 0. */
#define SETTINGS_MAX_DEPTH 64
#define SETTINGS_MAX_NAMES 1000
static int shape_line(const char *text, const char **why)
{
	int line = 1, depth = 0, names = 0;
	for (const char *p = text; *p; p++) {
		switch (*p) {
		case '\n':
			line++;
			break;
		case '"':
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				if (*p == '\n')
					line++;
			}
			if (!*p)
				return 0; /* unterminated: libconfig says so */
			break;
		case '/':
			if (p[1] == '*') {
				int start = line;
				for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
					line += *p == '\n';
				if (!*p) {
					*why = "unterminated comment: `/*` without `*/`";
					return start;
				}
				p++;
				break;
			}
			if (p[1] != '/')
				break;
			/* a // comment: as # */
			/* fall through */
		case '#':
			while (p[1] && p[1] != '\n')
				p++;
			break;
		case '{': case '[': case '(':
			if (++depth > SETTINGS_MAX_DEPTH) {
				*why = "nesting deeper than 64 levels; refusing the file";
				return line;
			}
			break;
		case '}': case ']': case ')':
			if (depth)
				depth--;
			break;
		case '=': case ':':
			if (++names > SETTINGS_MAX_NAMES) {
				*why = "more than 1000 settings; refusing the file";
				return line;
			}
			break;
		}
	}
	return 0;
}

int settings_load_buffer(struct settings *st, const char *name, const char *data,
			 size_t len, FILE *err)
{
	struct loader L = { .file = name, .err = err };
	if (len > SETTINGS_MAX_BYTES) {
		fprintf(err, "%s: %s: too large for a config file (over 256 KiB)\n", progname,
			safe_show(name));
		return -1;
	}
	/* some editors start a UTF-8 file with a byte order mark, which
	 * libconfig 1.5 takes for a syntax error on line 1 */
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		int line = 1;
		for (const char *p = data; p < nul; p++)
			line += *p == '\n';
		bad(&L, line, "the file holds a NUL byte; is it a config file?");
		return -1;
	}
	char *text = xstrndup(data, len);
	int inc = include_line(text);
	if (inc) {
		bad(&L, inc, "@include is not supported; put every setting in this file");
		free(text);
		return -1;
	}
	const char *why = NULL;
	int shape = shape_line(text, &why);
	if (shape) {
		bad(&L, shape, "%s", why);
		free(text);
		return -1;
	}
	config_t cfg;
	config_init(&cfg);
	if (config_read_string(&cfg, text) != CONFIG_TRUE) {
		bad(&L, config_error_line(&cfg), "%s", config_error_text(&cfg));
		config_destroy(&cfg);
		free(text);
		return -1;
	}
	free(text);
	config_setting_t *root = config_root_setting(&cfg);
	for (int i = 0; i < config_setting_length(root); i++)
		load_setting(&L, config_setting_get_elem(root, (unsigned)i), st);
	config_destroy(&cfg);
	if (L.errors)
		return -1;
	free(st->path);
	st->path = xstrdup(name);
	return 0;
}

int settings_load(struct settings *st, const char *path, bool must_exist, FILE *err)
{
	size_t len = 0;
	char *text = slurp(path, &len);
	if (!text) {
		if (errno == ENOENT && !must_exist)
			return 0;
		fprintf(err, "%s: %s: %s\n", progname, safe_show(path),
			errno == EFBIG ? "too large for a config file (over 256 KiB)" : strerror(errno));
		return -1;
	}
	int rc = settings_load_buffer(st, path, text, len, err);
	free(text);
	return rc;
}

/* libconfig's own escapes (\xHH for what it has no other for), so the
 * output reads back to the same settings and shows no control raw. */
static void dump_string(FILE *out, const char *s)
{
	char *q = safe_dup(s, SAFE_QUOTED | SAFE_BYTES);
	fprintf(out, "\"%s\"", q);
	free(q);
}

static void dump_list(FILE *out, char *const *v)
{
	fputc('[', out);
	for (size_t i = 0; v && v[i]; i++) {
		fputs(i ? ", " : " ", out);
		dump_string(out, v[i]);
	}
	fputs(v && v[0] ? " ];\n" : "];\n", out);
}

static void dump_key(FILE *out, const char *action, int code)
{
	char k[2] = { (char)code, '\0' };
	fprintf(out, "  %s = ", action);
	dump_string(out, k);
	fputs(";\n", out);
}

void settings_dump(FILE *out, const struct settings *st, const char *log,
		   char *const *routine_dirs, const struct settings_dump_notes *notes)
{
	static const struct settings_dump_notes none;
	if (!notes)
		notes = &none;
	char lead[32];
	if (st->lead_in_ms % 1000)
		snprintf(lead, sizeof lead, "%lld.%03llds", st->lead_in_ms / 1000,
			 st->lead_in_ms % 1000);
	else
		snprintf(lead, sizeof lead, "%llds", st->lead_in_ms / 1000);
	fputs("# recoup.conf: the effective settings (recoup --dump-config).\n"
	      "# Every setting is optional; this file can be used as it is with --config.\n\n",
	      out);
	fputs("# The session log, one event a line.\n", out);
	if (notes->no_log)
		fputs("# This run writes no log: --no-log was given on the command line\n"
		      "# (no setting turns the log off).\n", out);
	fputs("log = ", out);
	dump_string(out, log);
	fputs(";\n\n# Folders searched for routines, before the installed ones.\n", out);
	if (notes->cli_dirs == 1)
		fputs("# The first is from --routine-dir on the command line.\n", out);
	else if (notes->cli_dirs)
		fprintf(out, "# The first %zu are from --routine-dir on the command line.\n",
			notes->cli_dirs);
	fputs("routine_dirs = ", out);
	dump_list(out, routine_dirs);
	fprintf(out, "\n# Colours on screen (NO_COLOR in the environment wins).\ncolors = %s;\n",
		st->colors ? "true" : "false");
	fprintf(out, "\n# Without speech, ring the terminal bell at every change (1 bell: a\n"
		"# phase or a pause, 2: the other leg, 3: a new part) and in the last\n"
		"# three seconds of a countdown.\nbell = %s;\n",
		st->bell ? "true" : "false");
	fprintf(out, "\n# Flash the screen too.\nflash = %s;\n", st->flash ? "true" : "false");
	fprintf(out, "\n# Speak the cues with a speech program found on PATH: espeak-ng,\n"
		"# spd-say or say (cue_command, when set, wins).\nspeak = %s;\n",
		st->speak ? "true" : "false");
	fputs("\n# A program to speak each cue, run without a shell; %s is the text.\n"
	      "# For example: cue_command = [\"espeak-ng\", \"--\", \"%s\"];\ncue_command = ", out);
	dump_list(out, st->cue_command);
	fputs("\n# The get-ready countdown before each timed part (\"0s\" for none).\nlead_in = ", out);
	dump_string(out, lead);
	fprintf(out, ";\n\n# Ask before quitting a session.\nconfirm_quit = %s;\n",
		st->confirm_quit ? "true" : "false");
	fputs("\n# Keys for the session screen: one character each, or \"space\".\nkeys = {\n", out);
	dump_key(out, "pause", st->key_pause);
	dump_key(out, "next", st->key_next);
	dump_key(out, "back", st->key_back);
	dump_key(out, "quit", st->key_quit);
	fputs("};\n", out);
	fputs("\n# The morning check-in (recoup --checkin, offered by the picker the day\n"
	      "# after a session): what it asks, 0 to 10 each, on getting up.  1 to 6\n"
	      "# lower-case names; \"pain\" is the one progression reads.\ncheckin = ", out);
	dump_list(out, st->checkin ? st->checkin : (char *const *)checkin_default_items);
}
