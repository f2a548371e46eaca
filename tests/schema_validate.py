#!/usr/bin/env python3
# tests/schema_validate.py: the routine schema (recoup --schema) against the
# loader (recoup --check), with a real validator (python3-jsonschema's
# Draft7Validator), reading YAML as an editor's YAML language server does
# (YAML 1.2, core schema).  Prints TAP.  Run by tests/schema_validate.sh:
#
#   schema_validate.py SCHEMA.json RECOUP SRCDIR SCRATCHDIR
#
# 1. the schema is a valid draft 7 schema;
# 2. every routine the loader accepts validates: the shipped ones, those in
#    tests/good, every other fixture under tests/ that `recoup --check`
#    accepts (but for STRICTER, the loader's known mistakes), the routines
#    other tests write in here-documents, and a generated set (GOOD) that
#    writes every key and value form;
# 3. every routine of the bad corpus is refused by both: tests/schema-bad
#    (SCHEMA_BAD), the files of tests/bad in BAD_SCHEMA, and limits too big
#    for a file (BAD_GENERATED).  Every file of tests/bad is in one list:
#    BAD_SCHEMA, GAP_BAD or YAML_LEVEL (mistakes of the YAML itself);
# 4. the rules the schema cannot express (GAPS): each a routine the loader
#    refuses or warns on, which the schema accepts, and each listed in
#    recoup-routine(5).  When the schema learns one, or the loader drops
#    one, the test fails and both lists change;
# 5. every property of the schema has a title and a description;
# 6. every pattern compiles as a JavaScript regular expression (the
#    editor's), where node is installed.
import json
import os
import re
import shutil
import subprocess
import sys

import jsonschema
import yaml

schema_path, recoup, srcdir, scratch = sys.argv[1:5]

n = 0
failed = 0


def ok(good, what, diag=None):
    global n, failed
    n += 1
    print(("ok" if good else "not ok") + " %d - %s" % (n, what))
    if not good:
        failed += 1
        for line in (diag or "").splitlines():
            print("#   " + line)
    return good


# ---- YAML as yaml-language-server reads it ----
# PyYAML resolves plain scalars by YAML 1.1 (yes and on are true, 1:30 is
# 90, 010 is 8, 2026-12-06 a date); an editor reads YAML 1.2's core schema,
# where only true/false are booleans and only decimal, 0o and 0x numbers
# are numbers.  This loader resolves by the core schema alone.
class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {}


def _resolver(tag, pattern, first):
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag,
                                       re.compile(pattern, re.X), list(first))


_resolver("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_resolver("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_resolver("float", r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
                         |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""",
          "-+0123456789.")


def _int12(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v, 10)  # 010 is ten, not YAML 1.1's eight


def _float12(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    if v == ".nan":
        return float("nan")
    return float(v)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)
Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:bool",
    lambda loader, node: loader.construct_scalar(node).lower() == "true")


def self_test_yaml12():
    doc = yaml.load("a: yes\nb: on\nc: 1:30\nd: 010\ne: 0x10\nf: 0o10\n"
                    "g: True\nh: 2.5\ni: 2026-12-06\nj: ~\nk: 1_000\nl: No\n",
                    Loader=Yaml12Loader)
    want = {"a": "yes", "b": "on", "c": "1:30", "d": 10, "e": 16, "f": 8,
            "g": True, "h": 2.5, "i": "2026-12-06", "j": None, "k": "1_000",
            "l": "No"}
    ok(doc == want, "YAML is read by the 1.2 core schema, as an editor reads it",
       "got  %r\nwant %r" % (doc, want))


# ---- the tools ----
def check(path):
    """recoup --check PATH: (exit status, stderr)."""
    p = subprocess.run([recoup, "--check", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stderr.decode("utf-8", "replace")


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft7Validator(schema)


def schema_errors(path):
    """The schema's complaints about the file, as text ("" when valid)."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Yaml12Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        return "not read as YAML: %s" % str(e).replace("\n", " ")
    errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    return "\n".join("%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(top)",
                                 e.message[:300]) for e in errs)


def rel(path):
    return os.path.relpath(path, srcdir)


def write(name, text):
    path = os.path.join(scratch, name + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# ---- 2. what the loader accepts, the schema accepts ----
def heredoc_routines():
    """(script, text) of each here-document a tests/*.sh writes to a .yaml
    file, as it is written."""
    start = re.compile(r""">\s*"?[^"\s]*\.yaml"?\s*<<-?\s*('?)(\w+)\1\s*$""")
    found = []
    for name in sorted(os.listdir(os.path.join(srcdir, "tests"))):
        if not name.endswith(".sh"):
            continue
        with open(os.path.join(srcdir, "tests", name), encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        i = 0
        while i < len(lines):
            m = start.search(lines[i])
            i += 1
            if not m:
                continue
            body = []
            while i < len(lines) and lines[i].strip() != m.group(2):
                body.append(lines[i])
                i += 1
            text = "\n".join(body) + "\n"
            if m.group(1) or not re.search(r"[$`\\]", text):
                found.append(("tests/" + name, text))
    return found


# The files of each kind, for the editor's own check (in_the_editor).
EDITOR_CLEAN = []
EDITOR_MARKED = []


def accepted_by_both(path, what, editor=False):
    rc, err = check(path)
    if not ok(rc == 0, "%s: recoup --check accepts it" % what, err):
        return
    errs = schema_errors(path)
    ok(not errs, "%s: the schema accepts it" % what, errs)
    if editor:
        EDITOR_CLEAN.append((path, what))


# One routine per key and value form, each first accepted by --check.  A
# plain `name: 2024` or `cue: 30` is text to the loader, however an editor
# types it.
R = "name: Calf care\nsteps:\n"
GOOD = {
    "durations": R + """\
  - {type: timer, name: Bare seconds, duration: 90}
  - {type: timer, name: Seconds, duration: 90s}
  - {type: timer, name: Minutes, duration: 15m}
  - {type: timer, name: Hour, duration: 1h}
  - {type: timer, name: Minutes and seconds, duration: 1m30s}
  - {type: timer, name: Spaced units, duration: 1h 30m}
  - {type: timer, name: All units, duration: 1h2m3s}
  - {type: timer, name: Colon, duration: "1:30"}
  - {type: timer, name: Colon plain, duration: 1:30}
  - {type: timer, name: Colon hours, duration: 1:00:00}
  - {type: timer, name: Shortest, duration: 1s}
  - {type: timer, name: Longest, duration: 4h}
  - {type: timer, name: Longest seconds, duration: 14400}
  - {type: timer, name: Quoted seconds, duration: "90"}
  - {type: timer, name: Leading zero, duration: 090}
""",
    "reps": R + """\
  - {type: reps, name: One number, reps: 12}
  - {type: reps, name: Range, reps: 8-15}
  - {type: reps, name: Spaced range, reps: 8 - 15}
  - {type: reps, name: Quoted, reps: "12"}
  - {type: reps, name: Widest, reps: 1-1000}
  - {type: reps, name: Even range, reps: 10-10}
  - {type: reps, name: Sets, reps: 5, sets: 100}
  - {type: reps, name: Quoted sets, reps: 5, sets: "3"}
""",
    "tempos": R + """\
  - {type: reps, name: Tempo, reps: 8, tempo: 2-0-1}
  - {type: reps, name: Self, reps: 8, tempo: self}
  - {type: reps, name: Self capital, reps: 8, tempo: Self}
  - {type: reps, name: Slowest, reps: 8, tempo: 60-60-60}
  - {type: reps, name: Spaced tempo, reps: 8, tempo: 3 - 0 - 1}
  - {type: reps, name: Rest, reps: 8, rest: 1:30}
  - {type: reps, name: Rest seconds, reps: 8, rest: 45}
""",
    "loads": "load_step: 1.25\n" + R + """\
  - {type: reps, name: Empty backpack, reps: 15, load: 0}
  - {type: reps, name: Half, reps: 15, load: 2.5}
  - {type: reps, name: Kilograms, reps: 15, load: 10 kg}
  - {type: reps, name: Kilograms tight, reps: 15, load: 12.5kg}
  - {type: reps, name: Kilograms capital, reps: 15, load: 10 KG}
  - {type: reps, name: Grams, reps: 15, load: 0.125}
  - {type: reps, name: Heaviest, reps: 15, load: 1000}
  - {type: reps, name: Quoted load, reps: 15, load: "5"}
  - {type: reps, name: Own step, reps: 15, load: 5, load_step: 1 kg}
  - {type: reps, name: Own step number, reps: 15, load: 5, load_step: 0.5}
""",
    "load-step-kg": "load_step: 2.5 kg\n" + R + "  - {type: reps, name: Drop, reps: 15, load: 0}\n",
    "schedule-daily": "schedule: daily\n" + R + "  - {type: note, name: Go}\n",
    "schedule-twice": "schedule: twice daily\n" + R + "  - {type: note, name: Go}\n",
    "schedule-days": "schedule: [mon, wed, fri]\n" + R + "  - {type: note, name: Go}\n",
    "schedule-full-days": "schedule:\n  - monday\n  - sunday\n" + R + "  - {type: note, name: Go}\n",
    "schedule-all-days": "schedule: [mon, tue, wed, thu, fri, sat, sun]\n" + R +
                         "  - {type: note, name: Go}\n",
    "booleans": R + """\
  - {type: reps, name: A, reps: 8-15, progress: true}
  - {type: reps, name: B, reps: 8-15, progress: false}
  - {type: reps, name: C, reps: 8-15, progress: yes}
  - {type: reps, name: D, reps: 8-15, progress: no}
  - {type: reps, name: E, reps: 8-15, progress: on}
  - {type: reps, name: F, reps: 8-15, progress: off}
  - {type: reps, name: G, reps: 8-15, progress: True}
  - {type: reps, name: H, reps: 8-15, progress: YES}
  - {type: reps, name: I, reps: 8-15, progress: Off}
  - {type: reps, name: J, reps: 8-15, progress: "true"}
""",
    "sides": "defaults: {side: both, rest: 30s, tempo: 2-0-1}\n" + R + """\
  - {type: timer, name: Left, duration: 30s, side: left}
  - {type: timer, name: Right, duration: 30s, side: right}
  - {type: timer, name: Both, duration: 30s, side: both}
  - {type: timer, name: None, duration: 30s, side: none}
  - {type: ice, name: Ice, duration: 10m, side: both}
  - {type: reps, name: Reps, reps: 8, side: left}
  - {type: massage, name: Walk, side: right, duration: 30s, spots: [Soleus]}
""",
    "empty-defaults": "defaults: {}\n" + R + "  - {type: note, name: Go}\n",
    "measures": R + """\
  - {type: rate, name: Pain, measure: pain}
  - {type: rate, name: Tightness, measure: tightness}
  - {type: rate, name: Stiffness, measure: stiffness}
  - {type: rate, name: Anything, cue: 0 fine ... 10 worst}
""",
    "ice": R + """\
  - {type: ice, name: One round, duration: 10m}
  - {type: ice, name: Rounds, duration: 10m, rounds: 3, off: 10m}
  - {type: ice, name: Most rounds, duration: 1m, rounds: 100, off: 1m}
  - {type: ice, name: Quoted rounds, duration: 1m, rounds: "2", off: "90"}
""",
    "spots": R + """\
  - type: massage
    name: Spots
    duration: 60s
    cue: slow
    spots:
      - Inner soleus
      - {name: Outer soleus, duration: 90s}
      - {name: Junction, cue: gentle}
      - name: Medial head
        duration: 1:00
        cue: deep
  - type: massage
    name: Own durations
    spots: [{name: A, duration: 30s}, {name: B, duration: 45}]
""",
    "every-top-key": """\
# yaml-language-server: $schema=/usr/local/share/recoup/recoup-routine.schema.json
format: 1
name: Every key
description: Every top-level key, given once
defaults:
  side: both
  rest: 45s
  tempo: self
load_step: 2.5
schedule: [tue, thu]
steps:
  - type: note
    name: Go
    cue: Ready
""",
    "format-quoted": 'format: "1"\n' + R + "  - {type: note, name: Go}\n",
    "text-forms": R + """\
  - type: note
    name: "Quoted: with a colon"
    cue: 'single # not a comment'
  - type: note
    name: Block
    cue: |
      A block cue, its line break dropped
  - type: note
    name: Folded
    cue: >-
      folded
      onto one line
  - type: note
    name: Wadendehnung für Läufer 🏃
    cue: "   leading blanks are kept"
""",
    "text-looks-like-numbers": """\
name: 2024
description: 12.5
steps:
  - type: note
    name: 30
    cue: 1:30
  - type: rate
    name: true
    cue: yes
""",
    "many-steps-kinds": R + """\
  - {type: note, name: n1}
  - {type: rate, name: r1}
  - {type: ice, name: i1, duration: 1m}
  - {type: massage, name: m1, spots: [{name: s, duration: 1s}]}
  - {type: reps, name: p1, reps: 1}
  - {type: timer, name: t1, duration: 1}
""",
}


# Files the loader accepts and the schema refuses, each with why: the
# loader's mistake, to be fixed there (and then taken off this list).
STRICTER = {
}


# ---- 3. refused by both ----
# The files of tests/bad, each in one of three lists, so that a new one is
# placed: refused by the schema too (a structural mistake); a rule of
# GAP_BAD (the schema cannot say it: listed again in GAPS' terms below); or
# a mistake of the YAML itself (syntax, encoding, anchors, tags, duplicate
# keys, limits of the reader), which the editor's YAML parser reports and
# which no schema sees.
BAD_SCHEMA = """
bad-duration bad-load bad-measure bad-reps bad-side bad-tempo c1-in-cue
c1-in-description c1-in-name c1-in-spot control-char-in-name defaults-bad
nul-escape
empty-spots empty-steps format-2 ice-no-duration key-wrong-type load-not-reps
load-step-in-defaults load-step-zero long-numbers massage-no-spots
measure-not-rate missing-name missing-steps misspelt-off misspelt-spot-keys
misspelt-top-keys name-empty name-line-break no-type-more-errors
progress-not-bool reps-missing reps-out-of-range rounds-not-number
rounds-without-off schedule-bare-weekday schedule-daly schedule-empty
schedule-empty-list schedule-funday schedule-in-step schedule-mapping
schedule-nested schedule-weekly sets-out-of-range several-errors
spot-unnamed step-no-name step-no-type step-not-mapping steps-not-list
steps-null suggest-any-case suggest-for-type top-list top-scalar
unknown-spot-key unknown-step-key unknown-top-key unknown-type
unknown-type-more-errors duration-too-long duration-zero schedule-day-twice
spot-no-duration tempo-zero
""".split()
GAP_BAD = """
reversed-range
""".split()
YAML_LEVEL = """
alias anchor bom-invalid-utf8 colon-in-value cr-line-ends document-comments-only
document-empty duplicate-key duplicate-key-same-line empty invalid-utf8
key-not-scalar line-separator-drift line-separators missing-colon
nesting-too-deep second-document tab-before-entry tab-indent wide-and-tab
yaml-syntax yaml-tag yaml-tag-core
""".split()

# tests/schema-bad: every file, listed here and in tests/schema.am.
SCHEMA_BAD = """
defaults-unknown-key defaults-not-mapping description-list duration-on-note
duration-on-rate duration-on-reps duration-pattern duration-units-order
ice-bad-rounds-text load-on-timer load-over-text load-pattern-lb load-step-on-massage
load-too-many-decimals load-negative massage-spots-scalar measure-bad
measure-on-ice name-mapping note-no-name off-on-reps progress-on-timer
progress-list range-pattern rate-no-name reps-on-massage rest-on-ice
rounds-on-timer rounds-zero schedule-number schedule-weekday-bad
schedule-weekday-capital sets-on-ice sets-text side-bad side-on-note
side-on-rate side-capital spot-list spot-unknown-key spots-empty
spots-on-reps steps-empty steps-mapping tempo-on-timer tempo-pattern
tempo-two-parts timer-no-duration top-unknown-key type-bad type-list
type-capital
""".split()


# Limits the schema says too, in routines too long to keep as files.
BAD_GENERATED = {
    "more than 10,000 steps": R + "  - {type: note, name: Go}\n" * 10001,
    "more than 1000 spots": R + "  - {type: massage, name: Walk, duration: 1m, spots: [" +
                            ", ".join(["Soleus"] * 1001) + "]}\n",
    "a name over 200 characters": R + "  - {type: note, name: " + "a" * 201 + "}\n",
}


def refused_by_both(path, what, editor=False):
    rc, err = check(path)
    ok(rc == 1, "%s: recoup --check refuses it" % what, err or "(no error)")
    errs = schema_errors(path)
    ok(bool(errs) and not errs.startswith("not read as YAML"),
       "%s: the schema refuses it" % what, errs or "(the schema accepts it)")
    if editor:
        EDITOR_MARKED.append((path, what))


# ---- 4. what the schema cannot say ----
# Each: (the rule, how the loader answers: "error" or "warning", a routine
# that breaks only that rule).  The schema accepts every one: it checks one
# value's form, not sums, order, sizes nor meanings across keys, and an
# editor shows these only when recoup reads the file.
# The schema sees the number YAML 1.2 reads, not how it was written: 3.0 is
# a whole number to it (as to JavaScript), 1e2 is 100.
NUMBER_FORM = "a number written in a form recoup does not read"
# Duplicate step names are no rule: the loader takes them (two steps of
# one name share their progression), so they are in neither list.
GAPS = [
    ("a range of reps whose first number is above its second", "error",
     R + "  - {type: reps, name: Drop, reps: 15-8}\n"),
    ("a line break at the end of quoted text", "error",
     R + "  - {type: note, name: \"Go\\n\"}\n"),
    ("a load with more than three decimals, written as a number", "error",
     R + "  - {type: reps, name: Drop, reps: 8, load: 2.5001}\n"),
    ("text over its length in bytes", "error",
     R + "  - {type: note, name: " + "\u00e9" * 101 + "}\n"),
    ("steps that expand to more than 100,000 timed parts", "error",
     R + "".join("  - {type: reps, name: R%d, reps: 1, sets: 100, side: both}\n" % i
                 for i in range(170))),
    (NUMBER_FORM, "error",
     R + "  - {type: reps, name: Drop, reps: 8, sets: 0x3}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: reps, name: Drop, reps: 0o10}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: reps, name: Drop, reps: 8, sets: 3.0}\n"),
    (NUMBER_FORM, "error",
     "format: 1.0\n" + R + "  - {type: note, name: Go}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: ice, name: Ice, duration: 1e2}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: timer, name: Hold, duration: +90}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: reps, name: Drop, reps: 8, load: .5}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: reps, name: Drop, reps: 8, load: 5.}\n"),
    (NUMBER_FORM, "error",
     R + "  - {type: reps, name: Drop, reps: 8, load: -0}\n"),
    ("anchors and aliases", "error",
     "name: &n Calf care\nsteps:\n  - {type: note, name: *n}\n"),
    ("the same key twice in one mapping", "error",
     R + "  - {type: note, name: Go, name: Went}\n"),
    ("an ice round over 20 minutes", "warning",
     R + "  - {type: ice, name: Ice, duration: 25m}\n"),
    ("off with a single round", "warning",
     R + "  - {type: ice, name: Ice, duration: 10m, off: 5m}\n"),
    ("progress with one number of reps and no load", "warning",
     R + "  - {type: reps, name: Drop, reps: 15, progress: true}\n"),
    ("load_step on a step without a load", "warning",
     R + "  - {type: reps, name: Drop, reps: 15, load_step: 2.5}\n"),
]


def man_gap_list():
    """recoup-routine(5)'s list of these rules, as plain text."""
    with open(os.path.join(srcdir, "src", "recoup-routine.5"), encoding="utf-8") as f:
        src = f.read()
    m = re.search(r"These rules it cannot say.*?\n(\.IP .*?)\n\.SH ", src, re.S)
    words = []
    for line in (m.group(1) if m else "").splitlines():
        if line.startswith("."):
            line = line.split(None, 1)[1] if " " in line else ""
            line = "" if line.startswith("\\(bu") else line.replace('"', "")
        words.append(line.replace("\\-", "-"))
    bullets = sum(1 for line in (m.group(1) if m else "").splitlines() if line.startswith(".IP"))
    return re.sub(r"\s+", " ", " ".join(words)), bullets


def gaps():
    man, bullets = man_gap_list()
    # a bullet an error, and one for all the warnings
    want = len(set(rule for rule, how, _ in GAPS if how == "error")) + 1
    ok(bullets == want, "recoup-routine(5) lists as many rules the schema cannot say as GAPS",
       "%d bullets, want %d:\n%s" % (bullets, want, man))
    for i, (rule, how, text) in enumerate(GAPS):
        ok(rule in man, "recoup-routine(5) lists it: %s" % rule, man)
        path = write("gap-%02d" % i, text)
        rc, err = check(path)
        rule_refused = "not in the schema: %s: recoup --check refuses it"
        if how == "error":
            ok(rc == 1, rule_refused % rule, err or "(accepted)")
        else:
            ok(rc == 0 and ": warning:" in err,
               "not in the schema: %s: recoup --check warns" % rule, err or "(no warning)")
        errs = schema_errors(path)
        ok(not errs, "not in the schema: %s: the schema accepts it" % rule,
           errs + "\n(the schema says it now: move it from GAPS to the bad corpus,"
           " and from recoup-routine(5)'s list)")


# ---- 5. a title and a description for every property ----
def resolve(node):
    ref = node.get("$ref") if isinstance(node, dict) else None
    if ref and ref.startswith("#/"):
        target = schema
        for part in ref[2:].split("/"):
            target = target[part]
        return target
    return node


# The properties a routine may have.  Those named in a condition (`if`,
# `not`) only test a value; one in a `then` or `else` without a `$ref`
# narrows a key declared beside it (a massage step's spots when the step
# gives no duration), and is not a declaration of its own.
def walk(node, where, found, branch=False):
    if isinstance(node, dict):
        for key, val in (node.get("properties") or {}).items():
            if not (branch and isinstance(val, dict) and "$ref" not in val):
                found.append(("%s/%s" % (where, key), val))
        for key, val in node.items():
            if key not in ("if", "not"):
                walk(val, "%s/%s" % (where, key), found,
                     key in ("then", "else") or (branch and key != "properties"))
    elif isinstance(node, list):
        for i, val in enumerate(node):
            walk(val, "%s/%d" % (where, i), found, branch)


def describe_all():
    found = []
    walk(schema, "#", found)
    ok(len(found) >= 20, "the schema has properties to describe (%d)" % len(found))
    missing = []
    for where, prop in found:
        for word in ("title", "description"):
            here = prop.get(word) if isinstance(prop, dict) else None
            there = resolve(prop).get(word) if isinstance(resolve(prop), dict) else None
            if not (isinstance(here, str) and here.strip()) and \
               not (isinstance(there, str) and there.strip()):
                missing.append("%s has no %s" % (where, word))
    ok(not missing, "every property has a title and a description", "\n".join(missing))


# ---- the patterns as an editor compiles them ----
# yaml-language-server runs the schema's patterns as JavaScript regular
# expressions (with the `u` flag), which are not Python's: each must compile
# there too.  Where node is installed.
def patterns_in_javascript():
    pats = []

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                pats.append(node["pattern"])
            for v in node.values():
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)
    collect(schema)
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        print("ok %d - # SKIP node not found: the patterns are not compiled as JavaScript" % (n + 1))
        return 1
    js = ("let bad = [];"
          "for (const p of JSON.parse(require('fs').readFileSync(0, 'utf8')))"
          "  try { new RegExp(p, 'u'); } catch (e) { bad.push(p + ': ' + e.message); }"
          "console.log(bad.join('\\n'));")
    r = subprocess.run([node, "-e", js], input=json.dumps(pats).encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    out = r.stdout.decode("utf-8", "replace").strip()
    ok(r.returncode == 0 and not out,
       "every pattern of the schema (%d) compiles as a JavaScript regular expression" % len(pats),
       out)
    return 0


# ---- the same in the editor's language server ----
# Where yaml-language-server is installed (schema_editor.sh says how), the
# generated routines and tests/schema-bad (schema_editor.sh opens the
# shipped ones, tests/good and tests/bad): each accepted above opens
# without a mark, each refused with at least one.  Copied to one folder
# first, as the server's folder pattern takes no path through a folder
# whose name starts with a dot; a modeline names the schema here.
def in_the_editor():
    server = os.environ.get("YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
    if not (server and os.access(server, os.X_OK)):
        print("ok %d - # SKIP no yaml-language-server: not tried in the editor" % (n + 1))
        return 1
    folder = os.path.join(scratch, "editor")
    os.makedirs(folder)
    files = []
    for i, (path, what) in enumerate(EDITOR_CLEAN + EDITOR_MARKED):
        copy = os.path.join(folder, "f%03d.yaml" % i)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(copy, "w", encoding="utf-8") as f:
            f.write(text.replace("$schema=/usr/local/share/recoup/recoup-routine.schema.json",
                                 "$schema=" + os.path.abspath(schema_path)))
        files.append((copy, what, i < len(EDITOR_CLEAN)))
    r = subprocess.run([sys.executable, os.path.join(srcdir, "tests", "yls_client.py"), server,
                        "diagnostics", os.path.abspath(schema_path), "*.yaml"] + [f for f, _, _ in files],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    out = r.stdout.decode("utf-8", "replace")
    counts = dict(re.findall(r"^(.*): (\d+) diagnostics$", out, re.M))
    wrong = []
    for f, what, clean in files:
        got = counts.get(f)
        if got is None or (got == "0") != clean:
            marks = [line for line in out.splitlines() if line.startswith(f + ":")]
            wrong.append("%s (%s): %s" % (what, "clean" if clean else "marked",
                                          "; ".join(marks) or "no answer"))
    ok(r.returncode == 0 and not wrong and len(counts) == len(files),
       "yaml-language-server: the %d files accepted above are unmarked, the %d refused are marked"
       % (len(EDITOR_CLEAN), len(EDITOR_MARKED)), "\n".join(wrong) or out[-2000:])
    return 0


def main():
    self_test_yaml12()
    try:
        jsonschema.Draft7Validator.check_schema(schema)
        ok(True, "the schema is a valid draft 7 JSON Schema")
    except jsonschema.SchemaError as e:
        ok(False, "the schema is a valid draft 7 JSON Schema", str(e))
    ok(schema.get("$schema") == "http://json-schema.org/draft-07/schema#",
       "the schema says it is draft 7", repr(schema.get("$schema")))

    shipped = sorted(os.listdir(os.path.join(srcdir, "routines")))
    good = sorted(os.listdir(os.path.join(srcdir, "tests", "good")))
    ok(len([f for f in shipped if f.endswith(".yaml")]) >= 4, "the shipped routines are found")
    for d, names in (("routines", shipped), ("tests/good", good)):
        for f in names:
            if f.endswith(".yaml"):
                accepted_by_both(os.path.join(srcdir, d, f), "%s/%s" % (d, f))

    # the other fixtures under tests/: those the loader accepts
    others = []
    for root, dirs, files in os.walk(os.path.join(srcdir, "tests")):
        dirs.sort()
        top = rel(root).split(os.sep)
        if top[:2] in (["tests", "bad"], ["tests", "good"], ["tests", "schema-bad"]):
            continue
        others += [os.path.join(root, f) for f in sorted(files)
                   if f.endswith((".yaml", ".yml"))]
    taken = 0
    for path in others:
        if rel(path) in STRICTER:
            why = STRICTER[rel(path)]
            ok(check(path)[0] == 0, "%s: recoup --check accepts it (%s)" % (rel(path), why))
            ok(bool(schema_errors(path)), "%s: the schema refuses it (%s)" % (rel(path), why))
        elif check(path)[0] == 0:
            taken += 1
            errs = schema_errors(path)
            ok(not errs, "%s (accepted by recoup --check): the schema accepts it" % rel(path), errs)
    ok(taken >= 20, "the fixtures under tests/ that recoup --check accepts are found (%d)" % taken)

    # the routines other tests write (a here-document into a .yaml file,
    # taken as it is written: quoted, or with nothing the shell expands)
    taken = 0
    for i, (script, text) in enumerate(heredoc_routines()):
        path = write("heredoc-%02d" % i, text)
        if check(path)[0] == 0:
            taken += 1
            errs = schema_errors(path)
            ok(not errs, "a routine %s writes (accepted by recoup --check): the schema accepts it"
               % script, errs)
    ok(taken >= 10, "the routines that other tests write are found (%d)" % taken)

    for name, text in GOOD.items():
        accepted_by_both(write("good-" + name, text), "generated " + name, True)

    listed = set(BAD_SCHEMA) | set(GAP_BAD) | set(YAML_LEVEL)
    for f in sorted(os.listdir(os.path.join(srcdir, "tests", "bad"))):
        if f.endswith(".yaml") and f[:-5] not in listed:
            ok(False, "tests/bad/%s is placed in a list of schema_validate.py" % f)
    for name in sorted(listed):
        if not os.path.exists(os.path.join(srcdir, "tests", "bad", name + ".yaml")):
            ok(False, "tests/bad/%s.yaml, listed in schema_validate.py, is there" % name)
    for name in BAD_SCHEMA:
        refused_by_both(os.path.join(srcdir, "tests", "bad", name + ".yaml"), "bad/%s" % name)
    for name in GAP_BAD:
        path = os.path.join(srcdir, "tests", "bad", name + ".yaml")
        ok(check(path)[0] == 1 and not schema_errors(path),
           "bad/%s: refused by recoup --check, not by the schema (a rule in GAPS)" % name,
           schema_errors(path))

    here = sorted(f[:-5] for f in os.listdir(os.path.join(srcdir, "tests", "schema-bad"))
                  if f.endswith(".yaml"))
    ok(here == sorted(SCHEMA_BAD), "tests/schema-bad holds the files listed here",
       "only there: %s\nonly here: %s" % (sorted(set(here) - set(SCHEMA_BAD)),
                                          sorted(set(SCHEMA_BAD) - set(here))))
    for name in SCHEMA_BAD:
        path = os.path.join(srcdir, "tests", "schema-bad", name + ".yaml")
        with open(path, encoding="utf-8") as f:
            first = f.readline()
        ok(first.startswith("# ") and len(first) > 10,
           "schema-bad/%s says what is wrong on its first line" % name)
        refused_by_both(path, "schema-bad/%s" % name, True)

    for i, (what, text) in enumerate(BAD_GENERATED.items()):
        refused_by_both(write("bad-%02d" % i, text), "generated: " + what, True)

    gaps()
    describe_all()
    global n
    skipped = patterns_in_javascript()
    n += skipped
    skipped = in_the_editor()
    n += skipped
    print("1..%d" % n)
    return 1 if failed else 0


sys.exit(main())
