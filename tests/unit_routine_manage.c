/* unit_routine_manage.c: the user's routine files managed (routine_manage.h):
 * ids from names, the names refused, the starter loading clean for awkward
 * names, duplicate and rename changing the top-level `name:` alone
 * (plain, quoted, block, folded, missing), never over a file already
 * there, nothing left behind on a refusal, and mode 0600. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "format.h"
#include "loader.h"
#include "paths.h"
#include "routine_manage.h"
#include "tap.h"
#include "util.h"

static char *tmpdir;

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(path);
		exit(99);
	}
}

static char *get_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_take(&b);
}

/* The files in `dir`, hidden ones too (a temporary file left behind). */
static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return n;
}

/* Load `text`: its name, when it loads with no error and no warning. */
static char *clean_name(const char *text, size_t *nwarn)
{
	struct diags d;
	diags_init(&d, "t.yaml");
	struct routine *r = routine_load_buffer("t.yaml", text, strlen(text), &d);
	*nwarn = d.nwarnings;
	if (!r || d.nerrors || d.nwarnings) {
		for (size_t i = 0; i < d.n; i++)
			printf("#   %d:%d: %s\n", d.v[i].line, d.v[i].col, d.v[i].msg);
	}
	char *name = r ? xstrdup(r->name) : NULL;
	routine_free(r);
	diags_free(&d);
	return name;
}

static void test_ids(void)
{
	static const struct { const char *name, *id; } v[] = {
		{ "Heel drops, slow", "heel-drops-slow" },
		{ "  --Calf: care #2!  ", "calf-care-2" },
		{ "Mollets à la glace", "mollets-à-la-glace" },
		{ "Übung für Waden", "übung-für-waden" },
		{ "Straße", "straße" },
		{ "日本語", "日本語" },
		{ "ÉTÉ Ŝ Ωμέγα ДОМ Ёлка", "été-ŝ-ωμέγα-дом-ёлка" },
		{ "u\xcc\x88" "ber", "u\xcc\x88" "ber" },
		{ "a\xc2\xa0" "b\xe2\x80\x8b" "c\xe2\x80\x94" "d\xef\xbb\xbf" "e\xe3\x80\x82" "f", "a-b-c-d-e-f" },
		{ "a\xc2\xbb\xc3\x97" "b\xef\xbc\x81" "c\xef\xbf\xbd" "d\xee\x80\x80" "", "a-b-c-d" },
		{ "x\xffy", "x-y" },
		{ "ABC", "abc" },
		{ "a", "a" },
		{ "Alfredson 3x15", "alfredson-3x15" },
	};
	for (size_t i = 0; i < ARRAY_LEN(v); i++) {
		char *id = routine_id_for_name(v[i].name);
		is_str(id, v[i].id, "id of '%s'", v[i].name);
		free(id);
	}
	ok(routine_id_for_name("«» ---") == NULL, "no id from a name with no letter or digit");
	ok(routine_id_for_name("") == NULL, "no id from an empty name");
}

static void test_cli_text(void)
{
	char out[80];
	is_str(routine_cli_text("Cannot write /x: Permission denied.", out, sizeof out),
	       "cannot write /x: Permission denied", "cli text: lower-case first, no final period");
	is_str(routine_cli_text("A routine needs a name.", out, sizeof out), "a routine needs a name",
	       "cli text: a one-letter first word");
	is_str(routine_cli_text("YAML is wrong", out, sizeof out), "YAML is wrong",
	       "cli text: an acronym kept");
	is_str(routine_cli_text("", out, sizeof out), "", "cli text: empty");
}

static void test_name_problems(void)
{
	ok(routine_name_problem("Heel drops") == NULL, "a plain name will do");
	ok(routine_name_problem("Mollets \"glacés\": #1 - côté") == NULL,
	   "quotes, colon, #, unicode will do");
	ok(routine_name_problem("") != NULL, "empty refused");
	ok(routine_name_problem("   ") != NULL, "blanks alone refused");
	ok(routine_name_problem("a\tb") != NULL, "a tab refused");
	ok(routine_name_problem("a\nb") != NULL, "a line break refused");
	ok(routine_name_problem("a\x1b[31m") != NULL, "an escape refused");
	ok(routine_name_problem("a\xc2\x9b" "b") != NULL, "a C1 control refused");
	ok(routine_name_problem("a\xe2\x80\xa8" "b") != NULL, "U+2028 refused");
	ok(routine_name_problem("a\xff") != NULL, "bytes that are not UTF-8 refused");
	ok(routine_name_problem("a\xef\xbf\xbe") != NULL, "U+FFFE (a noncharacter) refused");
	ok(routine_name_problem("a\xef\xbf\xbf") != NULL, "U+FFFF refused");
	ok(routine_name_problem("a\xef\xb7\x90") != NULL, "U+FDD0 refused");
	ok(routine_name_problem("a\xf0\x9f\xbf\xbf") != NULL, "U+1FFFF refused");
	const char *nc = routine_name_problem("a\xef\xbf\xbf");
	ok(nc && strstr(nc, "noncharacter"), "... saying so (%s)", nc ? nc : "");
	ok(routine_name_problem("a\xef\xbf\xbd \xf0\x9f\x98\x80") == NULL,
	   "U+FFFD and an emoji will do");
	ok(routine_name_problem("日本語") == NULL, "a name in another script will do");
	ok(routine_name_problem("«—»") != NULL, "no letter or digit for a file name refused");
	/* the format table's limit for `name`, whatever it is */
	size_t hi = (size_t)format_keys[K_NAME].hi;
	char *longname = xcalloc(hi + 2, 1);
	memset(longname, 'x', hi + 1);
	const char *why = routine_name_problem(longname);
	char *says = xasprintf("at most %zu bytes", hi);
	ok(why && strstr(why, says), "%zu bytes refused, saying the limit (%s)", hi + 1,
	   why ? why : "");
	longname[hi] = '\0';
	ok(routine_name_problem(longname) == NULL, "%zu bytes will do", hi);
	/* and a name the loader takes is one the starter can carry */
	char *t = routine_starter_text(longname, "/s.json");
	size_t nwarn;
	char *got = clean_name(t, &nwarn);
	is_str(got, longname, "a starter with a name of %zu bytes loads under it", hi);
	free(got);
	free(t);
	free(says);
	free(longname);
}

static const char *const awkward[] = {
	"Heel drops",
	"Calf: care",
	"\"Quoted\" name",
	"It's 'mine'",
	"Calf care # after runs",
	"- leading dash",
	"? question",
	"back\\slash",
	"[not] {a} list, & *alias !tag %pct @at `tick` |pipe >fold",
	"Mollets glacés ❄ 日本 1",
	"true",
	"123",
	"null",
	"  padded  ",
};

static void test_starter(void)
{
	for (size_t i = 0; i < ARRAY_LEN(awkward); i++) {
		char *t = routine_starter_text(awkward[i], "/usr/share/recoup/recoup-routine.schema.json");
		size_t nwarn;
		char *name = clean_name(t, &nwarn);
		char *want = xstrdup(awkward[i]);
		if (!strcmp(want, "  padded  "))
			strcpy(want, "padded");
		is_str(name, want, "starter for '%s' loads clean with that name", awkward[i]);
		is_int((long long)nwarn, 0, "starter for '%s': no warning", awkward[i]);
		free(name);
		free(want);
		free(t);
	}
	char *t = routine_starter_text("X", "/p/s.json");
	ok(!strncmp(t, "# yaml-language-server: $schema=/p/s.json\n", 42),
	   "the modeline is the first line");
	int lines = 0;
	for (const char *s = t; *s; s++)
		lines += *s == '\n';
	ok(lines <= 60, "the starter is at most 60 lines (%d)", lines);
	free(t);
	t = routine_starter_text("X", "/My Apps/100%/s.json");
	static const char uri[] = "# yaml-language-server: $schema=file:///My%20Apps/100%25/s.json\n";
	ok(!strncmp(t, uri, strlen(uri)),
	   "a schema path with a blank: a file: URI, escaped");
	free(t);
	t = routine_starter_text("X", "/opt/r\x1b[31m\n/caf\xc3\xa9\x7f/s.json");
	static const char uri2[] =
		"# yaml-language-server: $schema=file:///opt/r%1B[31m%0A/caf%C3%A9%7F/s.json\n";
	ok(!strncmp(t, uri2, strlen(uri2)),
	   "a schema path with a control character or non-ASCII: a file: URI, escaped");
	ok(strstr(t, "recoup-routine(5)") && strstr(t, "recoup --check FILE"),
	   "it says where the format is documented");
	ok(strstr(t, "# schedule:") && strstr(t, "# load_step:") && strstr(t, "# progress:"),
	   "optional keys commented out");
	free(t);
	char *s = routine_schema_path();
	is_str(s, PKGDATADIR "/recoup-routine.schema.json",
	       "schema path: the installed one outside the build tree's recoup");
	free(s);
}

/* A search path of tmpdir/own (the user's) and tmpdir/shipped. */
static void make_path(struct search_path *sp, const char *sub)
{
	char *own = xasprintf("%s/%s/own", tmpdir, sub);
	char *shipped = xasprintf("%s/%s/shipped", tmpdir, sub);
	mkdir_parents(shipped);
	char *extra[] = { own };
	search_path_init(sp, extra, 1, extra, 0);
	/* the shipped dir, read only, after the user's */
	sp->dirs = xgrow(sp->dirs, &sp->cap, sp->n + 1, sizeof *sp->dirs);
	free(sp->dirs[sp->n - 1]);
	sp->dirs[sp->n - 1] = shipped;
	free(own);
}

static void test_new(void)
{
	struct search_path sp;
	make_path(&sp, "new");
	char why[400], *to;
	char *ship = xasprintf("%s/new/shipped/ice-intervals.yaml", tmpdir);
	put_file(ship, "name: Ice\nsteps:\n  - {type: note, name: n}\n");

	is_int(routine_new(&sp, "Heel drops, slow", &to, why, sizeof why), 0, "new: written");
	char *want = xasprintf("%s/new/own/heel-drops-slow.yaml", tmpdir);
	is_str(to, want, "new: in the first own dir (made), under the name's id");
	struct stat sb;
	ok(stat(to, &sb) == 0 && (sb.st_mode & 07777) == 0600, "new: mode 0600");
	char *own = xasprintf("%s/new/own", tmpdir);
	ok(stat(own, &sb) == 0 && (sb.st_mode & 07777) == 0700, "new: its directory made 0700");
	char *text = get_file(to);
	size_t nwarn;
	char *name = text ? clean_name(text, &nwarn) : NULL;
	is_str(name, "Heel drops, slow", "new: loads with the name");
	free(name);
	free(to);

	/* the same again, and an id taken anywhere on the path */
	put_file(want, "# mine\n");
	ok(routine_new(&sp, "heel drops slow", &to, why, sizeof why) < 0, "new: refused over a file");
	ok(strstr(why, "heel-drops-slow.yaml") && strstr(why, "already"),
	   "new: why names the file and says it is there (%s)", why);
	free(to);
	char *kept = get_file(want);
	is_str(kept, "# mine\n", "new: the file there is left as it was");
	free(kept);
	ok(routine_new(&sp, "Ice intervals", &to, why, sizeof why) < 0,
	   "new: refused for an id taken by a shipped routine (it would hide it)");
	ok(strstr(why, "ice-intervals.yaml") != NULL, "new: ... naming it (%s)", why);
	free(to);
	ok(routine_new(&sp, "a\tb", &to, why, sizeof why) < 0 && to == NULL,
	   "new: a bad name refused, no file");
	is_int(count_files(own), 1, "new: nothing left behind by the refusals");

	struct search_path none;
	memset(&none, 0, sizeof none);
	ok(routine_new(&none, "X", &to, why, sizeof why) < 0 && strstr(why, "No routine directory"),
	   "new: refused with no own dir on the path");
	free(to);
	free(text);
	free(want);
	free(own);
	free(ship);
	search_path_free(&sp);
}

static const struct {
	const char *what, *before, *after;
} names[] = {
	{ "plain, with a comment",
	  "# top\nname: Old one      # required\nsteps:\n  - {type: note, name: n}\n",
	  "# top\nname: \"New: one\"      # required\nsteps:\n  - {type: note, name: n}\n" },
	{ "double-quoted",
	  "name: \"Old \\\"one\\\"\"\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "single-quoted with ''",
	  "steps: [{type: note, name: n}]\nname: 'It''s old' # c\n",
	  "steps: [{type: note, name: n}]\nname: \"New: one\" # c\n" },
	{ "block folded",
	  "name: >-\n  Old\n  one\n\n# next\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"\n\n# next\nsteps: [{type: note, name: n}]\n" },
	{ "block literal with an empty line in it",
	  "name: |-\n  Old\n\n  one\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "plain over two lines",
	  "name: Old\n  one\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "plain, an indented comment after it kept",
	  "name: Old\n  # about the name\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"\n  # about the name\nsteps: [{type: note, name: n}]\n" },
	{ "block, a '#' line in it is text",
	  "name: |-\n  Old\n  # one\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "JSON-style key",
	  "\"name\": \"Old\"\n\"steps\": [{type: note, name: n}]\n",
	  "\"name\": \"New: one\"\n\"steps\": [{type: note, name: n}]\n" },
	{ "no name: one goes after the leading comments",
	  "# yaml-language-server: $schema=x\n# about\n---\nsteps: [{type: note, name: n}]\n",
	  "# yaml-language-server: $schema=x\n# about\n---\nname: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "after a byte order mark",
	  "\xEF\xBB\xBFname: Old\nsteps: [{type: note, name: n}]\n",
	  "\xEF\xBB\xBFname: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "a step's name is not the routine's",
	  "steps:\n  - type: note\n    name: Old\nname: Old\n",
	  "steps:\n  - type: note\n    name: Old\nname: \"New: one\"\n" },
	{ "a flow step's name at column 1 is not the routine's",
	  "steps: [{type: note,\nname: N}]\nname: Old\n",
	  "steps: [{type: note,\nname: N}]\nname: \"New: one\"\n" },
	{ "a line of a quoted description is not the routine's name",
	  "description: \"two\nname: y\"\nname: Old\nsteps: [{type: note, name: n}]\n",
	  "description: \"two\nname: y\"\nname: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "a document indented by 2",
	  "# c\n  name: Old\n  steps: [{type: note, name: n}]\n",
	  "# c\n  name: \"New: one\"\n  steps: [{type: note, name: n}]\n" },
	{ "no name in a document indented by 2: as indented",
	  "# c\n  steps: [{type: note, name: n}]\n",
	  "# c\n  name: \"New: one\"\n  steps: [{type: note, name: n}]\n" },
	{ "a comment between the key and its value kept",
	  "name: # what\n  Old\nsteps: [{type: note, name: n}]\n",
	  "name: # what\n  \"New: one\"\nsteps: [{type: note, name: n}]\n" },
	{ "an empty name: the value after the colon",
	  "name:   # none yet\nsteps: [{type: note, name: n}]\n",
	  "name: \"New: one\"   # none yet\nsteps: [{type: note, name: n}]\n" },
	{ "a flow mapping",
	  "{name: Old, steps: [{type: note, name: n}]}\n",
	  "{name: \"New: one\", steps: [{type: note, name: n}]}\n" },
	{ "a flow mapping with no name",
	  "{steps: [{type: note, name: n}]}\n",
	  "{name: \"New: one\", steps: [{type: note, name: n}]}\n" },
	{ "non-ASCII and CR LF before the name",
	  "description: \"Mollets glac\xc3\xa9s \xe2\x9d\x84\"\r\nname: Old\r\nsteps: [{type: note, name: n}]\r\n",
	  "description: \"Mollets glac\xc3\xa9s \xe2\x9d\x84\"\r\nname: \"New: one\"\r\nsteps: [{type: note, name: n}]\r\n" },
};

static void test_duplicate(void)
{
	struct search_path sp;
	make_path(&sp, "dup");
	char why[400], *to;
	char *own = xasprintf("%s/dup/own", tmpdir);
	char *schema = routine_schema_path();
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		char *from = xasprintf("%s/dup/shipped/src%zu.yaml", tmpdir, i);
		put_file(from, names[i].before);
		int rc = routine_duplicate(&sp, from, "New: one", &to, why, sizeof why);
		if (!is_int(rc, 0, "duplicate, %s", names[i].what))
			printf("#   %s\n", why);
		char *got = rc == 0 ? get_file(to) : NULL;
		/* and the modeline first, when the file had none */
		const char *after = names[i].after;
		bool bom = !strncmp(after, "\xEF\xBB\xBF", 3);
		char *want = strstr(names[i].before, "# yaml-language-server:") ? xstrdup(after)
			     : xasprintf("%s# yaml-language-server: $schema=%s%s%s", bom ? "\xEF\xBB\xBF" : "",
					 schema, strstr(after, "\r\n") ? "\r\n" : "\n", after + (bom ? 3 : 0));
		is_str(got, want, "duplicate, %s: only the name changed (and the modeline)", names[i].what);
		free(want);
		char *orig = get_file(from);
		is_str(orig, names[i].before, "duplicate, %s: the original as it was", names[i].what);
		if (rc == 0)
			unlink(to);
		free(got);
		free(orig);
		free(to);
		free(from);
	}
	/* the modeline: kept where the leading comments have one, added
	 * where only a later comment does */
	static const struct { const char *what, *before, *after; } modes[] = {
		{ "a modeline after another leading comment kept, none added",
		  "# mine\n#yaml-language-server: $schema=/x.json\nname: Old\nsteps: [{type: note, name: n}]\n",
		  "# mine\n#yaml-language-server: $schema=/x.json\nname: \"New: one\"\nsteps: [{type: note, name: n}]\n" },
		{ "a modeline-like comment after the first key is not the file's: one added",
		  "name: Old\n# yaml-language-server: $schema=/x.json\nsteps: [{type: note, name: n}]\n",
		  NULL },
	};
	for (size_t i = 0; i < ARRAY_LEN(modes); i++) {
		char *from = xasprintf("%s/dup/shipped/mode%zu.yaml", tmpdir, i);
		put_file(from, modes[i].before);
		int rc = routine_duplicate(&sp, from, "New: one", &to, why, sizeof why);
		char *got = rc == 0 ? get_file(to) : NULL;
		char *want = modes[i].after ? xstrdup(modes[i].after)
			: xasprintf("# yaml-language-server: $schema=%s\nname: \"New: one\"\n"
				    "# yaml-language-server: $schema=/x.json\nsteps: [{type: note, name: n}]\n",
				    schema);
		is_str(got, want, "duplicate, %s", modes[i].what);
		if (rc == 0)
			unlink(to);
		free(want);
		free(got);
		free(to);
		free(from);
	}
	free(schema);
	/* a file that would not load: refused */
	char *from = xasprintf("%s/dup/shipped/broken.yaml", tmpdir);
	put_file(from, "name: Old\nsteps: [{type: note, name: n}\n");
	ok(routine_duplicate(&sp, from, "Other", &to, why, sizeof why) < 0 &&
	   strstr(why, "the copy with the name changed would not load"),
	   "duplicate of a file that does not load refused (%s)", why);
	free(to);
	put_file(from, "name: Old\nsteps: [{type: note, name: n}]\n");
	char *taken = xasprintf("%s/dup/own/taken.yaml", tmpdir);
	put_file(taken, "# mine\n");
	ok(routine_duplicate(&sp, from, "Taken", &to, why, sizeof why) < 0,
	   "duplicate onto a taken id refused");
	free(to);
	char *kept = get_file(taken);
	is_str(kept, "# mine\n", "duplicate: the file there kept");
	is_int(count_files(own), 1, "duplicate: nothing left behind");
	free(kept);
	free(taken);
	free(from);
	free(own);
	search_path_free(&sp);
}

static void test_rename(void)
{
	struct search_path sp;
	make_path(&sp, "ren");
	char why[400], *to;
	char *own = xasprintf("%s/ren/own", tmpdir);
	mkdir_parents(own);
	char *path = xasprintf("%s/heel-drops.yaml", own);
	put_file(path, "# mine\nname: Heel drops  # c\nsteps: [{type: note, name: n}]\n");
	chmod(path, 0644);

	/* the file stays, and with it its id, which the log's sessions
	 * are tied to: only its name changes */
	is_int(routine_rename(&sp, path, "Calf raises", &to, why, sizeof why), 0, "rename: done");
	is_str(to, path, "rename: the same file, its id kept");
	char *got = get_file(path);
	is_str(got, "# mine\nname: \"Calf raises\"  # c\nsteps: [{type: note, name: n}]\n",
	       "rename: only the name changed");
	char *moved = xasprintf("%s/calf-raises.yaml", own);
	ok(access(moved, F_OK) < 0 && errno == ENOENT, "rename: no file of the new name's id");
	free(moved);
	struct stat sb;
	ok(stat(path, &sb) == 0 && (sb.st_mode & 07777) == 0644, "rename: the file's mode kept");
	is_int(count_files(own), 1, "rename: no file left behind");
	free(got);
	free(to);

	/* a name of the same id: the same */
	is_int(routine_rename(&sp, path, "Calf Raises!", &to, why, sizeof why), 0,
	       "rename to another name again: done");
	is_str(to, path, "... the same file");
	got = get_file(path);
	ok(got && strstr(got, "name: \"Calf Raises!\"  # c\n"), "... the name changed");
	free(got);
	free(to);

	/* through a symbolic link (a dotfiles repository's file): the file it
	 * names changes, mode kept, and the link stays a link */
	char *dots = xasprintf("%s/ren/dotfiles", tmpdir);
	mkdir_parents(dots);
	char *real = xasprintf("%s/soleus.yaml", dots);
	put_file(real, "name: Soleus\nsteps: [{type: note, name: n}]\n");
	chmod(real, 0640);
	char *link = xasprintf("%s/soleus.yaml", own);
	ok(symlink(real, link) == 0, "a routine linked from elsewhere");
	is_int(routine_rename(&sp, link, "Deep calf", &to, why, sizeof why), 0,
	       "rename through a link: done");
	is_str(to, link, "... the link's path");
	ok(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode), "... the link is still a link");
	got = get_file(real);
	is_str(got, "name: \"Deep calf\"\nsteps: [{type: note, name: n}]\n",
	       "... the file it names changed");
	int st = stat(real, &sb);
	ok(st == 0 && (sb.st_mode & 07777) == 0640, "... its mode kept (%o)",
	   (unsigned)(sb.st_mode & 07777));
	is_int(count_files(dots), 1, "... no temporary file left beside it");
	is_int(count_files(own), 2, "... nor in the routine directory");
	unlink(link);
	free(got);
	free(to);
	free(link);
	free(real);
	free(dots);

	/* a name whose id another routine's file has (here or shipped): no
	 * id changes, so nothing is taken, and the other file is left */
	char *other = xasprintf("%s/other.yaml", own);
	put_file(other, "# other\n");
	is_int(routine_rename(&sp, path, "Other", &to, why, sizeof why), 0,
	       "rename to a name of another file's id: done, the file kept");
	is_str(to, path, "... the same file");
	free(to);
	char *ship = xasprintf("%s/ren/shipped/ice-intervals.yaml", tmpdir);
	put_file(ship, "name: Ice\nsteps:\n  - {type: note, name: n}\n");
	is_int(routine_rename(&sp, path, "Ice intervals", &to, why, sizeof why), 0,
	       "rename to a shipped routine's name: done, the file kept");
	free(to);
	ok(routine_rename(&sp, ship, "Ice two", &to, why, sizeof why) < 0 && strstr(why, "yours"),
	   "rename of a routine not the user's refused (%s)", why);
	free(to);
	char *kept = get_file(other);
	is_str(kept, "# other\n", "rename: the other file kept");
	free(kept);
	kept = get_file(ship);
	is_str(kept, "name: Ice\nsteps:\n  - {type: note, name: n}\n", "rename: the shipped one kept");
	free(kept);
	is_int(count_files(own), 2, "rename: nothing new");

	/* a file whose name cannot be changed: refused, kept */
	put_file(path, "name: Old\nsteps: [{type: note, name: n}\n");
	ok(routine_rename(&sp, path, "Calf flow", &to, why, sizeof why) < 0 &&
	   strstr(why, "with the name changed it would not load"),
	   "rename of a file that would not load refused (%s)", why);
	got = get_file(path);
	is_str(got, "name: Old\nsteps: [{type: note, name: n}\n", "... the file kept as it was");
	free(got);
	is_int(count_files(own), 2, "... and nothing new");
	free(to);
	free(ship);
	free(other);
	free(path);
	free(own);
	search_path_free(&sp);
}

/* the one "taken" check, and a rename never refused by it: a user's copy
 * hiding a shipped routine, renamed to a name of its own id */
static void test_taken(void)
{
	struct search_path sp;
	make_path(&sp, "taken");
	char why[400], *to;
	char *own = xasprintf("%s/taken/own", tmpdir);
	mkdir_parents(own);
	char *ship = xasprintf("%s/taken/shipped/ice-intervals.yaml", tmpdir);
	put_file(ship, "name: Ice intervals\nsteps:\n  - {type: note, name: n}\n");
	char *copy = xasprintf("%s/ice-intervals.yaml", own);
	put_file(copy, "name: Ice intervals\nsteps:\n  - {type: note, name: mine}\n");

	char *by = routine_taken(&sp, "  ICE Intervals ");
	is_str(by, copy, "taken: the user's file first, whatever the case and blanks");
	free(by);
	unlink(copy);
	by = routine_taken(&sp, "Ice: intervals!");
	is_str(by, ship, "taken: a shipped routine's id too");
	free(by);
	put_file(copy, "name: Ice intervals\nsteps:\n  - {type: note, name: mine}\n");
	by = routine_taken(&sp, "Heel drops");
	ok(by == NULL, "taken: not a free name");
	free(by);
	by = routine_taken(&sp, "%%%");
	ok(by == NULL, "taken: not a name with no id");
	free(by);

	is_int(routine_rename(&sp, copy, "Ice Intervals", &to, why, sizeof why), 0,
	       "a copy hiding a shipped routine renamed, a change of case: done");
	if (!to || strcmp(to, copy))
		printf("#   %s\n", why);
	char *got = get_file(copy);
	is_str(got, "name: \"Ice Intervals\"\nsteps:\n  - {type: note, name: mine}\n",
	       "... its name changed");
	free(got);
	got = get_file(ship);
	is_str(got, "name: Ice intervals\nsteps:\n  - {type: note, name: n}\n",
	       "... the shipped one as it was");
	free(got);
	free(to);
	free(copy);
	free(ship);
	free(own);
	search_path_free(&sp);
}

/* the writer under them all: never over a file, nothing left behind */
static void test_write_new(void)
{
	char *dir = xasprintf("%s/w", tmpdir);
	mkdir_parents(dir);
	char *f = xasprintf("%s/a.yaml", dir);
	is_int(file_write_new(f, "one\n", 4, false), 0, "file_write_new: a new file");
	errno = 0;
	ok(file_write_new(f, "two\n", 4, false) < 0 && errno == EEXIST,
	   "file_write_new: EEXIST over a file there");
	char *got = get_file(f);
	is_str(got, "one\n", "file_write_new: the file there kept");
	free(got);
	is_int(file_write_new(f, "three\n", 6, true), 0, "file_write_new: replace asked for");
	got = get_file(f);
	is_str(got, "three\n", "file_write_new: replaced");
	free(got);
	is_int(count_files(dir), 1, "file_write_new: no temporary file left");
	char *missing = xasprintf("%s/nodir/b.yaml", dir);
	ok(file_write_new(missing, "x", 1, false) < 0 && errno == ENOENT,
	   "file_write_new: ENOENT with no directory");
	free(missing);
	free(f);
	free(dir);
}

int main(void)
{
	char tmpl[] = "/tmp/unit-manage-XXXXXX";
	tmpdir = mkdtemp(tmpl);
	if (!tmpdir)
		return 99;
	umask(022);
	test_write_new();
	test_ids();
	test_name_problems();
	test_cli_text();
	test_starter();
	test_new();
	test_duplicate();
	test_rename();
	test_taken();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	return done_testing();
}
