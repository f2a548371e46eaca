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
		{ "Mollets à la glace", "mollets-la-glace" },
		{ "ABC", "abc" },
		{ "a", "a" },
		{ "Alfredson 3x15", "alfredson-3x15" },
	};
	for (size_t i = 0; i < ARRAY_LEN(v); i++) {
		char *id = routine_id_for_name(v[i].name);
		is_str(id, v[i].id, "id of '%s'", v[i].name);
		free(id);
	}
	ok(routine_id_for_name("éé ---") == NULL, "no id from a name with no ASCII letter or digit");
	ok(routine_id_for_name("") == NULL, "no id from an empty name");
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
	ok(routine_name_problem("日本語") != NULL, "no letter or digit for a file name refused");
	char longname[202];
	memset(longname, 'x', 201);
	longname[201] = '\0';
	ok(routine_name_problem(longname) != NULL, "201 bytes refused");
	longname[200] = '\0';
	ok(routine_name_problem(longname) == NULL, "200 bytes will do");
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
};

static void test_duplicate(void)
{
	struct search_path sp;
	make_path(&sp, "dup");
	char why[400], *to;
	char *own = xasprintf("%s/dup/own", tmpdir);
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		char *from = xasprintf("%s/dup/shipped/src%zu.yaml", tmpdir, i);
		put_file(from, names[i].before);
		int rc = routine_duplicate(&sp, from, "New: one", &to, why, sizeof why);
		if (!is_int(rc, 0, "duplicate, %s", names[i].what))
			printf("#   %s\n", why);
		char *got = rc == 0 ? get_file(to) : NULL;
		is_str(got, names[i].after, "duplicate, %s: only the name changed", names[i].what);
		char *orig = get_file(from);
		is_str(orig, names[i].before, "duplicate, %s: the original as it was", names[i].what);
		if (rc == 0)
			unlink(to);
		free(got);
		free(orig);
		free(to);
		free(from);
	}
	/* a file whose name cannot be changed so that it loads: refused */
	char *from = xasprintf("%s/dup/shipped/flow.yaml", tmpdir);
	put_file(from, "{name: Old, steps: [{type: note, name: n}]}\n");
	ok(routine_duplicate(&sp, from, "Other", &to, why, sizeof why) < 0,
	   "duplicate of a flow mapping refused (%s)", why);
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

	is_int(routine_rename(&sp, path, "Calf raises", &to, why, sizeof why), 0, "rename: done");
	char *want = xasprintf("%s/calf-raises.yaml", own);
	is_str(to, want, "rename: the new id in the same dir");
	char *got = get_file(want);
	is_str(got, "# mine\nname: \"Calf raises\"  # c\nsteps: [{type: note, name: n}]\n",
	       "rename: only the name changed");
	ok(access(path, F_OK) < 0 && errno == ENOENT, "rename: the old file gone");
	struct stat sb;
	ok(stat(want, &sb) == 0 && (sb.st_mode & 07777) == 0600, "rename: mode 0600");
	free(got);
	free(to);

	/* the same id: the file changed in place */
	is_int(routine_rename(&sp, want, "Calf Raises!", &to, why, sizeof why), 0,
	       "rename to the same id: done");
	is_str(to, want, "rename to the same id: the same file");
	got = get_file(want);
	ok(got && strstr(got, "name: \"Calf Raises!\"  # c\n"), "rename to the same id: name changed");
	is_int(count_files(own), 1, "rename: no file left behind");
	free(got);
	free(to);

	/* onto another routine's id (here or shipped): refused */
	char *other = xasprintf("%s/other.yaml", own);
	put_file(other, "# other\n");
	ok(routine_rename(&sp, want, "Other", &to, why, sizeof why) < 0, "rename onto a taken id refused");
	ok(strstr(why, "other.yaml") != NULL, "... naming it (%s)", why);
	free(to);
	char *ship = xasprintf("%s/ren/shipped/ice-intervals.yaml", tmpdir);
	put_file(ship, "name: Ice\nsteps:\n  - {type: note, name: n}\n");
	ok(routine_rename(&sp, want, "Ice intervals", &to, why, sizeof why) < 0,
	   "rename onto a shipped routine's id refused");
	free(to);
	ok(routine_rename(&sp, ship, "Ice two", &to, why, sizeof why) < 0 && strstr(why, "yours"),
	   "rename of a routine not the user's refused (%s)", why);
	free(to);
	char *kept = get_file(other);
	is_str(kept, "# other\n", "rename: the other file kept");
	ok(access(want, F_OK) == 0, "rename refused: the file still there");
	is_int(count_files(own), 2, "rename refused: nothing left behind");
	free(kept);

	/* a file whose name cannot be changed: refused, kept */
	put_file(want, "{name: Old, steps: [{type: note, name: n}]}\n");
	ok(routine_rename(&sp, want, "Calf flow", &to, why, sizeof why) < 0,
	   "rename of a file that would not load refused");
	ok(access(want, F_OK) == 0, "... the file kept");
	is_int(count_files(own), 2, "... and nothing new");
	free(to);
	free(ship);
	free(other);
	free(want);
	free(path);
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
	test_starter();
	test_new();
	test_duplicate();
	test_rename();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	return done_testing();
}
