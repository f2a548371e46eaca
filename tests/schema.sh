#!/bin/sh
# schema.sh: `recoup --schema`, the routine format as a JSON Schema, and the
# copy in the source that is installed for editors
# ($(pkgdatadir)/recoup-routine.schema.json; install.sh checks the installed
# one).  What the schema accepts and refuses is schema_validate.sh's.
. "$top_srcdir/tests/lib.sh"
S="$top_srcdir/src/recoup-routine.schema.json"

"$RECOUP" --schema >"$T/out" 2>"$T/err"
is "$?:$(cat "$T/err")" "0:" "--schema: exit 0, nothing on stderr"
cmp -s "$T/out" "$S"
ok $? "--schema prints src/recoup-routine.schema.json byte for byte (if not: make update-schema)" ||
	diff "$S" "$T/out" | head -20 | sed 's/^/#   /'
like "$(head -n 2 "$T/out")" '"\$schema": "http://json-schema.org/draft-07/schema#"' \
	"--schema: draft 7, the version yaml-language-server reads"
is "$(tail -c 2 "$T/out" | od -An -c | tr -d ' ')" '}\n' "--schema: ends in a newline"
LC_ALL=C grep -n '[^ -~]' "$T/out" >"$T/nonascii"
is "$(cat "$T/nonascii")" "" "--schema: plain ASCII (no control characters either)"

# the same bytes whatever the settings, the locale or a broken config say
mkdir -p "$XDG_CONFIG_HOME/recoup"
printf 'this is { not a config\n' >"$XDG_CONFIG_HOME/recoup/recoup.conf"
LC_ALL=C.UTF-8 "$RECOUP" --schema >"$T/out2" 2>"$T/err2"
is "$?" 0 "--schema with an unreadable config: exit 0"
cmp -s "$T/out" "$T/out2"
ok $? "--schema: the same bytes with a broken config and another locale"
rm "$XDG_CONFIG_HOME/recoup/recoup.conf"

"$RECOUP" --schema extra >/dev/null 2>"$T/err"
is "$?:$(cat "$T/err")" "2:recoup: unexpected argument 'extra'
Try 'recoup --help' for more information." "--schema takes no argument: exit 2" 
"$RECOUP" --schema --list >/dev/null 2>"$T/err"
is "$?" 2 "--schema is a command of its own: not with --list"
if [ -w /dev/full ]; then
	"$RECOUP" --schema >/dev/full 2>"$T/err"
	is "$?:$(cat "$T/err")" "1:recoup: standard output: No space left on device" \
		"--schema to a full disk: exit 1, and why"
else
	ok 0 "# SKIP no /dev/full"
fi
like "$("$RECOUP" --help)" '--schema +print the routine format as a JSON Schema' "--help names --schema"

# every key the loader knows is a property of the schema, with a title and
# a description; the step types and sides are the loader's words
if command -v python3 >/dev/null 2>&1; then
	python3 - "$T/out" >"$T/py" 2>&1 <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
d = s["definitions"]
step = d["step"]
print("top", " ".join(sorted(s["properties"])))
print("required", " ".join(s["required"]))
print("step", " ".join(sorted(step["properties"])))
print("step-required", " ".join(step["required"]))
print("spot", " ".join(sorted(d["spot"]["properties"])))
print("defaults", " ".join(sorted(d["defaults"]["properties"])))
print("types", " ".join(d["type"]["enum"]))
print("sides", " ".join(d["side"]["enum"]))
print("measures", " ".join(d["measure"]["enum"]))
for rule in step["allOf"][:6]:
    t = rule["if"]["properties"]["type"]["const"]
    print("type", t, "needs", " ".join(rule["then"].get("required", [])),
          "takes", " ".join(rule["then"]["properties"]))
untyped = step["allOf"][6]
print("untyped", " ".join(untyped["if"]["properties"]["type"]["not"]["enum"]),
      "takes", len(untyped["then"]["properties"]))
missing = [k for k, v in d.items() if not v.get("title") or not v.get("description")]
print("without a title or description:", " ".join(missing) or "none")
PY
	is "$(cat "$T/py")" "top defaults description format load_step name schedule steps
required steps name
step cue name type
step-required type name
spot cue duration name
defaults rest side tempo
types note ice massage reps timer rate
sides none left right both
measures pain tightness stiffness
type note needs  takes type name cue
type ice needs duration takes type name cue side duration rounds off
type massage needs spots takes type name cue side duration spots
type reps needs reps takes type name cue side sets reps progress tempo rest load load_step
type timer needs duration takes type name cue side duration
type rate needs  takes type name cue measure
untyped note ice massage reps timer rate takes 16
without a title or description: none" "the schema's keys, required keys, words and per-type rules are the loader's"
else
	ok 0 "# SKIP no python3"
fi
done_testing
