#!/bin/sh
# tests/schema_docs.sh: the editor set-up of the README ("Editing routines
# with schema checks") and of recoup-routine(5) (EDITOR SUPPORT), taken
# from the documents themselves: the settings snippets parse (JSON, TOML),
# they and the modeline name the schema where `make install` puts it
# ($(pkgdatadir)/recoup-routine.schema.json at the default prefix), all in
# the same words, and the folder pattern matches a routine in the user's
# routine folder the way yaml-language-server matches it (a glob, anchored
# at the end of the file's path).
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"

python3 - "$top_srcdir/README" "$top_srcdir/src/recoup-routine.5" \
	"$RECOUP_PREFIX" "$RECOUP_PKGDATADIR" "$XDG_CONFIG_HOME" "$top_srcdir" \
	"$top_srcdir/src/recoup-routine.schema.json" "$T" <<'PY'
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

(readme_path, man_path, prefix, pkgdatadir, config_home, srcdir, schema,
 scratch) = sys.argv[1:9]
n = failed = 0


def ok(good, what, diag=""):
    global n, failed
    n += 1
    print(("ok" if good else "not ok") + " %d - %s" % (n, what))
    if not good:
        failed += 1
        for line in str(diag).splitlines():
            print("#   " + line)


# The path the documents give, at the default prefix, and the pattern of
# the routine folder.
DOC = "/usr/local/share/recoup/recoup-routine.schema.json"
PATTERN = "/.config/recoup/routines/*.yaml"

# ---- the installed path is the one the documents give ----
ok(pkgdatadir != "" and prefix != "", "the build's prefix and pkgdatadir are known",
   "prefix=%r pkgdatadir=%r" % (prefix, pkgdatadir))
installed = pkgdatadir + "/recoup-routine.schema.json"
if pkgdatadir == prefix + "/share/recoup":
    ok(DOC.replace("/usr/local", prefix, 1) == installed,
       "the documents' path, under this build's prefix, is where make install puts the schema",
       "documents: %s\ninstalled: %s" % (DOC, installed))
else:
    print("ok %d - # SKIP pkgdatadir %s is not PREFIX/share/recoup (configured apart)"
          % (n + 1, pkgdatadir))
    n += 1

readme = open(readme_path, encoding="utf-8").read()
man_src = open(man_path, encoding="utf-8").read()


def unroff(text):
    """Lines of man page source as they read: the escapes of this page."""
    for esc, plain in (("\\-", "-"), ("\\(ti", "~"), ("\\(dq", '"'), ("\\e", "\\"), ("\\&", ""), ("\\%", "")):
        text = text.replace(esc, plain)
    return text


man = unroff(man_src)

# the README's section, and the man page's
m = re.search(r"\nEditing routines with schema checks\n-+\n(.*?)\n\n\n", readme, re.S)
ok(m is not None, "the README has the section \"Editing routines with schema checks\"")
section = m.group(1) if m else ""
m = re.search(r"\n\.SH EDITOR SUPPORT\n(.*?)\n\.SH ", man, re.S)
ok(m is not None, "recoup-routine(5) has the section EDITOR SUPPORT")
man_section = m.group(1) if m else ""


def readme_blocks(text):
    """The README's indented blocks (4 spaces), unindented."""
    blocks, cur = [], []
    for line in text.split("\n") + [""]:
        if line.startswith("    "):
            cur.append(line[4:])
        elif line == "" and cur:
            blocks.append("\n".join(cur))
            cur = []
        elif cur:
            blocks.append("\n".join(cur))
            cur = []
    return blocks


def man_blocks(text):
    return [b.strip("\n") for b in re.findall(r"\n\.EX\n(.*?)\n\.EE", text, re.S)]


# a glob as yaml-language-server reads one.  Since 1.x: `**/` before the
# pattern (its leading / dropped), `*` within a path segment, and neither
# `*` nor `**` taking a segment that starts with a dot (picomatch).  Before:
# `*` any run of characters, the pattern matched at the end of the path.
def glob_matches(pattern, path):
    def seg(rest):
        rx = ""
        i = 0
        while i < len(rest):
            if rest.startswith("**/", i):
                rx += "(?:[^/.][^/]*/)*"
                i += 3
                continue
            c = rest[i]
            rx += "[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c)
            i += 1
        return rx
    new = re.match("^/(?:[^/.][^/]*/)*" + seg(pattern.lstrip("/")) + "$", path)
    old = re.search("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                            for c in pattern) + "$", path)
    return bool(new) and bool(old)


routine = config_home + "/recoup/routines/calf-care.yaml"
MODELINE = "# yaml-language-server: $schema="

for where, text, blocks in (("README", section, readme_blocks(section)),
                            ("recoup-routine(5)", man_section, man_blocks(man_section))):
    # the modeline, a block of its own, one line
    lines = [b for b in blocks if b.startswith(MODELINE)]
    ok(len(lines) == 1 and "\n" not in lines[0],
       "%s: the modeline is a block of one line" % where, lines)
    if lines:
        ok(lines[0] == MODELINE + DOC, "%s: the modeline names the installed schema" % where,
           "got:  %s\nwant: %s" % (lines[0], MODELINE + DOC))
    # VS Code's settings.json: JSON, yaml.schemas mapping the schema to a pattern
    js = [b for b in blocks if b.startswith("{")]
    ok(len(js) == 1, "%s: there is one JSON snippet" % where, "%d found" % len(js))
    for b in js:
        try:
            doc = json.loads(b)
        except ValueError as e:
            ok(False, "%s: the JSON snippet parses" % where, "%s\n%s" % (e, b))
            continue
        ok(True, "%s: the JSON snippet parses" % where)
        schemas = doc.get("yaml.schemas") if isinstance(doc, dict) else None
        ok(isinstance(schemas, dict) and list(schemas) == [DOC],
           "%s: its yaml.schemas maps the installed schema, and only it" % where, schemas)
        pattern = (schemas or {}).get(DOC, "")
        ok(pattern == PATTERN, "%s: its pattern is %s" % (where, PATTERN), pattern)
        ok(isinstance(pattern, str) and glob_matches(pattern, routine),
           "%s: its pattern takes a routine in the routine folder" % where, routine)
        ok(not glob_matches(pattern, config_home + "/recoup/recoup.conf") and
           not glob_matches(pattern, config_home + "/other/routines/x.yaml") and
           not glob_matches(pattern, "/srv/recoup/routines/x.yaml"),
           "%s: its pattern takes no other file" % where)
    # every path of the schema in the section is the installed one
    paths = set(re.findall(r"[^\s\"'(\[{=:]*/recoup-routine\.schema\.json", text))
    ok(paths == {DOC}, "%s: every schema path given is the installed one" % where, paths)

# the README's other editors: Helix's TOML parses and maps the same
blocks = readme_blocks(section)
toml = [b for b in blocks if b.startswith("[language-server.yaml-language-server")]
ok(len(toml) == 1, "README: there is one Helix snippet")
for b in toml:
    try:
        doc = tomllib.loads(b)
        got = doc["language-server"]["yaml-language-server"]["config"]["yaml"]["schemas"]
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as e:
        ok(False, "README: the Helix snippet parses as languages.toml", "%s\n%s" % (e, b))
        continue
    ok(got == {DOC: PATTERN},
       "README: the Helix snippet maps the schema as VS Code's does", got)
lua = [b for b in blocks if b.startswith("vim.lsp.config('yamlls'")]
ok(len(lua) == 1 and "['%s'] = '%s'" % (DOC, PATTERN) in lua[0],
   "README: the Neovim snippet maps the schema as VS Code's does", lua)
ok("(:yaml (:schemas (:%s\n\"%s\")))" % (DOC, PATTERN) in section,
   "README: the eglot setting maps the schema as VS Code's does")
# and in the real yaml-language-server, where installed (schema_editor.sh
# says how): a mistake in the routine folder is marked, the same file
# elsewhere is not
server = os.environ.get("YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
if server and os.access(server, os.X_OK):
    here = os.path.dirname(routine)
    os.makedirs(here, exist_ok=True)
    elsewhere = os.path.join(scratch, "elsewhere", "routines")
    os.makedirs(elsewhere)
    bad = "name: Calf care\nsteps:\n  - {type: timer, name: Stretch, duration: 45s, side: lefft}\n"
    for d in (here, elsewhere):
        with open(os.path.join(d, "calf.yaml"), "w") as f:
            f.write(bad)
    r = subprocess.run([sys.executable, os.path.join(srcdir, "tests", "yls_client.py"), server,
                        "diagnostics", schema, PATTERN, os.path.join(here, "calf.yaml"),
                        os.path.join(elsewhere, "calf.yaml")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    out = r.stdout.decode("utf-8", "replace")
    ok(os.path.join(here, "calf.yaml") + ":3:" in out and
       os.path.join(elsewhere, "calf.yaml") + ": 0 diagnostics" in out,
       "yaml-language-server with the documents' yaml.schemas: checks the routine folder alone",
       out)
else:
    n += 1
    print("ok %d - # SKIP no yaml-language-server: the pattern is not tried in it" % n)
ok("`recoup --schema`" in section, "README: says that recoup --schema prints it")
ok("recoup \\-\\-schema" in man_src, "recoup-routine(5): says that recoup --schema prints it")
print("1..%d" % n)
sys.exit(1 if failed else 0)
PY
