#!/bin/sh
# schema_editor.sh: the schema in a real editor's language server.
# yaml-language-server is the YAML support of VS Code, Neovim, Emacs,
# Helix and JetBrains' LSP clients; tests/yls_client.py drives it over
# stdio as they do.  It is not a Debian package, so this is skipped where
# it is not installed (`npm install -g yaml-language-server`, or
# YAML_LANGUAGE_SERVER=/path/to/it).  The same rules are checked with
# python3-jsonschema, installed everywhere, by schema_validate.sh.
. "$top_srcdir/tests/lib.sh"
Y=${YAML_LANGUAGE_SERVER:-$(command -v yaml-language-server || true)}
[ -n "$Y" ] && [ -x "$Y" ] ||
	skip_all "no yaml-language-server (npm install -g yaml-language-server, or set YAML_LANGUAGE_SERVER)"
command -v python3 >/dev/null 2>&1 || skip_all "no python3"
S="$top_srcdir/src/recoup-routine.schema.json"
client() { python3 "$top_srcdir/tests/yls_client.py" "$Y" "$@"; }

# the README's `yaml.schemas` setting: the schema for a folder's *.yaml
mkdir "$T/routines"
cp "$top_srcdir"/routines/*.yaml "$top_srcdir"/tests/good/*.yaml "$T/routines/"
# and one bad file, so that "no mistake" cannot mean "no schema in force"
cp "$top_srcdir/tests/bad/bad-side.yaml" "$T/routines/zz-control.yaml"
(cd "$T/routines" && client diagnostics "$S" "*.yaml" *.yaml) >"$T/good" 2>&1
is "$(grep -c '^zz-control.yaml:6:11: Value is not accepted' "$T/good")" 1 \
	"editor, yaml.schemas: the schema is in force (a bad side is marked)"
rm "$T/routines/zz-control.yaml"
for f in "$T"/routines/*.yaml; do
	f=${f##*/}
	is "$(grep "^$f:" "$T/good")" "$f: 0 diagnostics" \
		"editor, yaml.schemas: $f, which recoup --check accepts, has no mistake"
done

# the modeline `recoup --new` writes, on a good file and a bad one
for f in alfredson-heel-drops.yaml bad-side.yaml; do
	src="$top_srcdir/routines/$f"
	[ -f "$src" ] || src="$top_srcdir/tests/bad/$f"
	{ echo "# yaml-language-server: \$schema=$S"; cat "$src"; } >"$T/$f"
done
client modeline "$T/alfredson-heel-drops.yaml" "$T/bad-side.yaml" >"$T/modeline" 2>&1
is "$(sed "s|$T/||" "$T/modeline")" 'alfredson-heel-drops.yaml: 0 diagnostics
bad-side.yaml:7:11: Value is not accepted. Valid values: "none", "left", "right", "both".
bad-side.yaml: 1 diagnostics' "editor, modeline: the schema is found from the file's first line"

# what `recoup --new` writes opens clean, its modeline naming the schema
"$RECOUP" --new 'Heel drops: slow #2' >"$T/new.out" 2>&1 </dev/null
new=$(cat "$T/new.out")
like "$(head -n 1 "$new")" "^# yaml-language-server: \\\$schema=" "recoup --new: the modeline first"
client modeline "$new" >"$T/new.diag" 2>&1
is "$(cat "$T/new.diag")" "$new: 0 diagnostics" "editor: the starter of recoup --new has no mistake"

# every file the loader refuses is marked, on a line recoup names, but for
# what a schema cannot see: YAML the loader refuses (anchors, encodings,
# CR line ends) and the rules schema_validate.sh lists
gaps="anchor bom-invalid-utf8 cr-line-ends invalid-utf8 reversed-range"
# marked, but on the line of the step or document rather than the key's
elsewhere="rounds-without-off second-document yaml-tag-core"
cd "$top_srcdir/tests" || exit 1
client diagnostics "$S" "*.yaml" bad/*.yaml >"$T/bad" 2>&1
for f in bad/*.yaml; do
	name=${f#bad/}
	name=${name%.yaml}
	got=$(grep -c "^$f:[0-9]" "$T/bad")
	case " $gaps " in
	*" $name "*)
		is "$got" 0 "editor: $name is a known gap (if it is marked now, take it off the list)"
		continue ;;
	esac
	lines=$("$RECOUP" --check "$f" 2>&1 | sed -n 's/^recoup: [^:]*:\([0-9]*\):.*/\1/p' | sort -u)
	marked=$(grep "^$f:[0-9]" "$T/bad" | cut -d: -f2 | sort -u)
	common=$(printf '%s\n%s\n' "$lines" "$marked" | sort | uniq -d | head -n 1)
	case " $elsewhere " in
	*" $name "*) ok "$([ "$got" -gt 0 ]; echo $?)" "editor: $name is marked" ;;
	*) ok "$([ -n "$common" ]; echo $?)" "editor: $name is marked on a line recoup --check names" ||
		{ echo "#   recoup: $(echo $lines)  editor: $(echo $marked)"; grep "^$f:" "$T/bad" | sed 's/^/#   /'; } ;;
	esac
done

# the loader's words, not a regular expression
like "$(grep '^bad/bad-duration.yaml:5:15:' "$T/bad")" 'A duration from 1 second to 4 hours, like 90s' \
	"editor: a bad duration is said in words"
like "$(grep '^bad/spot-no-duration.yaml:' "$T/bad")" 'This spot has no duration' \
	"editor: a spot without a duration is said in words"

# completion and hover
cat >"$T/routines/probe.yaml" <<'YAML'
name: Probe
steps:
  - type: ice
    name: Ice
    duration: 10m
    side: 
  - type: reps
    name: Heel drops
    reps: 8-15
    
  - type: 
YAML
cd "$T/routines" || exit 1
is "$(client complete "$S" probe.yaml 6 11 | tr '\n' ' ')" "both left none right " \
	"editor: completes the sides"
is "$(client complete "$S" probe.yaml 10 5 | tr '\n' ' ')" \
	"cue load load_step progress rest sets side tempo " \
	"editor: completes the keys a reps step takes, and only those"
is "$(client complete "$S" probe.yaml 11 11 | tr '\n' ' ')" "ice massage note rate reps timer " \
	"editor: completes the step types"
like "$(client hover "$S" probe.yaml 5 6)" 'How long: an ice round, a timer' \
	"editor: hovering a key shows its description"
done_testing
