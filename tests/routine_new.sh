#!/bin/sh
# recoup --new NAME: the commented starter written into the user's routine
# directory (the first --routine-dir, else $XDG_CONFIG_HOME/recoup/routines),
# its path on stdout, the modeline pointing at the schema; refused over any
# routine of that id (exit 1, file and reason on stderr); a bad NAME exit 2;
# on a terminal the editor opens on it and what was saved is checked
# (errors with file:line:column, exit 1, the file kept); piped, no editor.
. "$top_srcdir/tests/lib.sh"
unset VISUAL EDITOR   # each case says which editor, if any

mine="$XDG_CONFIG_HOME/recoup/routines"
schema="$top_srcdir/src/recoup-routine.schema.json"

# --- not on a terminal: written, said, no editor ---
cat >"$T/never-ed" <<EOF
#!/bin/sh
echo ran >"$T/never-ran"
EOF
chmod +x "$T/never-ed"
out=$(EDITOR="$T/never-ed" "$RECOUP" --new 'Heel drops, slow' </dev/null 2>"$T/err")
is "$?" 0 "--new: exit 0"
is "$out" "$mine/heel-drops-slow.yaml" "stdout: one line, the new file's path"
is "$(cat "$T/err")" "" "nothing on stderr"
ok "$([ -f "$mine/heel-drops-slow.yaml" ]; echo $?)" "the file is there"
ok "$([ ! -e "$T/never-ran" ]; echo $?)" "not on a terminal: no editor"
is "$(sed -n 1p "$mine/heel-drops-slow.yaml")" "# yaml-language-server: \$schema=$schema" \
	"the first line is the modeline, the build tree's schema (the installed one when installed)"
is "$(stat -c %a "$mine/heel-drops-slow.yaml")" 600 "mode 0600"
like "$(cat "$mine/heel-drops-slow.yaml")" '^name: "Heel drops, slow"$' "the name, quoted"
chk=$("$RECOUP" --check "$mine/heel-drops-slow.yaml" 2>&1)
is "$?" 0 "it passes --check"
like "$chk" '^.*heel-drops-slow.yaml: ok: Heel drops, slow, 5 steps, ' "as the routine named"
ok "$(! printf '%s\n' "$chk" | grep -q warning; echo $?)" "with no warning"
like "$("$RECOUP" --list)" '^heel-drops-slow +Heel drops, slow ' "--list shows it"
cp "$mine/heel-drops-slow.yaml" "$T/first"

# awkward names: each starter passes --check, no warning, name kept
for name in 'Calf: care' '"Quoted" name' "It's 'mine'" 'Calf care # after runs' \
	'- leading dash' 'back\slash' 'Mollets glacés ❄ 日本 2' 'true' '& *x !t %p @a'; do
	f=$("$RECOUP" --new "$name" 2>"$T/err" </dev/null)
	st=$?
	chk=$("$RECOUP" --check "$f" 2>&1)
	crc=$?
	if [ "$st" -eq 0 ] && [ "$crc" -eq 0 ] &&
	   printf '%s\n' "$chk" | grep -qF ": ok: $name, 5 steps" &&
	   ! printf '%s\n' "$chk" | grep -q warning; then
		ok 0 "--new '$name': checks clean under that name"
	else
		ok 1 "--new '$name': checks clean under that name"
		printf '%s\n' "$f" "$chk" | sed 's/^/#   /'
		sed 's/^/#   err: /' "$T/err"
	fi
done

# a starter with every optional key uncommented, as a user would: it
# passes --check (`off:` is a key here, not YAML 1.1's false)
mkdir "$T/opt"
sed -E 's/^( *)# (schedule|load_step|progress|load|rounds|off): /\1\2: /' \
	"$mine/heel-drops-slow.yaml" >"$T/opt/all-keys.yaml"
is "$(grep -cE '^ *(schedule|load_step|progress|load|rounds|off): ' "$T/opt/all-keys.yaml")" 6 \
	"the starter's optional keys uncommented (6)"
"$RECOUP" --check "$T/opt/all-keys.yaml" >"$T/out" 2>&1
crc=$?
is "$crc" 0 "... and it passes --check"

# the modeline's schema is there, and every starter written validates
# against it (python3-jsonschema, as tests/schema_validate.sh uses), read as
# an editor reads YAML (1.2 core schema: tests/yaml12.py)
ok "$([ -f "$schema" ]; echo $?)" "the schema the modeline names is there"
if python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	v=$(PYTHONPATH="$top_srcdir/tests" python3 - "$schema" "$mine"/*.yaml "$T/opt/all-keys.yaml" \
		<<'PY' 2>&1
import json, sys, jsonschema, yaml
from yaml12 import Yaml12Loader
schema = json.load(open(sys.argv[1]))
for f in sys.argv[2:]:
    doc = yaml.load(open(f, encoding="utf-8"), Loader=Yaml12Loader)
    for e in jsonschema.Draft7Validator(schema).iter_errors(doc):
        print(f, list(e.path), e.message)
PY
)
	is "$v" "" "every starter validates against the schema ($(ls "$mine" | wc -l) files), and one with its optional keys"
else
	ok 0 "# SKIP python3 with jsonschema and yaml not found"
fi

# --- refusals ---
"$RECOUP" --new 'heel drops slow' </dev/null >"$T/out" 2>"$T/err"
is "$?" 1 "an id taken: exit 1"
is "$(cat "$T/out")" "" "nothing on stdout"
like "$(cat "$T/err")" "^recoup: cannot write $mine/heel-drops-slow.yaml: .*already there" \
	"stderr names the file and the reason"
same_file "$mine/heel-drops-slow.yaml" "$T/first" "the file there is left as it was"
"$RECOUP" --new 'Ice intervals' </dev/null >"$T/out" 2>"$T/err"
is "$?" 1 "the id of a shipped routine: exit 1 (it would hide it)"
like "$(cat "$T/err")" "ice-intervals.yaml" "naming the routine it would hide"
ok "$([ ! -e "$mine/ice-intervals.yaml" ]; echo $?)" "and no file written"
n_before=$(ls -A "$mine" | wc -l)
for bad in '' '   ' '«—»' "$(printf 'a\357\277\276')" "$(printf 'a\357\277\277')" \
	"$(printf 'a\tb')"; do
	"$RECOUP" --new "$bad" </dev/null >"$T/out" 2>"$T/err"
	is "$?" 2 "a bad NAME ('$(printf '%s' "$bad" | od -An -c | tr -s ' ')'): exit 2"
done
like "$(cat "$T/err")" "^recoup: --new 'a\\\\tb': a routine's name cannot hold a control character" \
	"with the reason, the name shown safe"
"$RECOUP" --new "$(printf 'Calf \357\277\277')" </dev/null >/dev/null 2>"$T/err"
like "$(cat "$T/err")" "^recoup: --new .*: a routine's name cannot hold a Unicode noncharacter" \
	"a noncharacter (U+FFFF): the reason, not that the file would not load"
"$RECOUP" --new </dev/null >/dev/null 2>"$T/err"
is "$?" 2 "--new with no NAME: exit 2"
"$RECOUP" --new X extra </dev/null >/dev/null 2>"$T/err"
is "$?" 2 "--new NAME ARG: exit 2"
"$RECOUP" --new X --list </dev/null >/dev/null 2>"$T/err"
is "$?" 2 "--new with another command: exit 2"
is "$(ls -A "$mine" | wc -l)" "$n_before" "nothing left behind by the refusals"

# names beyond ASCII: their letters stay in the id, as UTF-8 (lower-case
# where the alphabet has a case), and the id works wherever ids are used
for pair in 'Übung für Waden:übung-für-waden' 'Straße:straße' '日本語:日本語'; do
	name=${pair%%:*} id=${pair#*:}
	out=$("$RECOUP" --new "$name" </dev/null 2>"$T/err")
	is "$?" 0 "--new '$name': exit 0"
	is "$out" "$mine/$id.yaml" "'$name': written as $id.yaml"
	like "$("$RECOUP" --list)" "^$id +$name " "'$name': --list shows it under its id"
	like "$("$RECOUP" --plan "$id" 2>&1)" "^$name \\($mine/$id\\.yaml\\)$" "'$name': recoup --plan $id finds it"
done
"$RECOUP" --log "$T/u.log" --plain --speed 600 übung-für-waden </dev/null >/dev/null 2>&1
like "$(grep ' start ' "$T/u.log")" ' id="übung-für-waden" ' "the log line's id is the id, quoted"
like "$("$RECOUP" --log "$T/u.log" --history --practice --routine übung-für-waden 2>&1)" \
	'^  Übung für Waden: ' "and read back: --history --routine ID finds its sessions"

# --routine-dir counts: the first one is where it goes (made when missing)
out=$("$RECOUP" --routine-dir "$T/rd/deep" --new 'Ice after' </dev/null 2>"$T/err")
is "$?" 0 "--routine-dir DIR --new: exit 0"
is "$out" "$T/rd/deep/ice-after.yaml" "written into the first --routine-dir"
is "$(stat -c %a "$T/rd/deep")" 700 "the directory made, mode 0700"
is "$(cat "$T/err")" "" "no warning that it was missing: --new makes it"

# a routine directory that cannot be made: exit 1, why
: >"$T/plainfile"
"$RECOUP" --routine-dir "$T/plainfile/sub" --new 'Calf' </dev/null >"$T/out" 2>"$T/err"
is "$?" 1 "a routine directory that cannot be made: exit 1"
is "$(cat "$T/err")" "recoup: cannot make the routine directory $T/plainfile/sub: Not a directory" \
	"stderr names it and why"

# a directory that cannot be written: exit 1, why
mkdir "$T/ro"
chmod 0500 "$T/ro"
if [ -w "$T/ro" ]; then
	ok 0 "# SKIP running as root: every directory is writable"
else
	"$RECOUP" --routine-dir "$T/ro" --new 'Calf' </dev/null >/dev/null 2>"$T/err"
	is "$?" 1 "a routine directory that cannot be written: exit 1"
	like "$(cat "$T/err")" "^recoup: cannot write $T/ro/calf.yaml: Permission denied" \
		"stderr names the file and why"
fi
chmod 0700 "$T/ro"

# the bash completion: --new offered, nothing after it (a new name)
if command -v bash >/dev/null 2>&1; then
	is "$(complete_words recoup --ne)" "--new " "completion: --ne gives --new"
	is "$(complete_words "$RECOUP" --new a)" "" "completion: no routine name offered for --new"
	is "$(complete_words "$RECOUP" --new x a)" "" "completion: nor after --new NAME"
else
	ok 0 "# SKIP no bash"
fi

# --- on a terminal: the editor, then the check ---
. "$top_srcdir/tests/tmux.sh"
cat >"$T/fake-ed" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >>"$T/ed-args"
[ -t 0 ] && [ -t 1 ] && echo tty >"$T/ed-tty"
for last; do :; done
case \$(cat "$T/ed-mode") in
step) printf '  - type: timer\n    name: Soleus stretch\n    duration: 30s\n' >>"\$last" ;;
break) printf '  - type: timer\n    name: Oops\n    durration: 30s\n' >>"\$last" ;;
fail) exit 3 ;;
esac
EOF
chmod +x "$T/fake-ed"
# the screen's text with the rows that a long line filled joined up again
unwrapped() { tm capture-pane -p -J -t t; }

echo step >"$T/ed-mode"
tm_start -e env EDITOR="$T/fake-ed --wait" "$RECOUP" --new 'Soleus work'
wait_exit
ok $? "on a terminal: the editor runs and recoup exits after it"
is "$(exit_status)" 0 "exit 0 when the saved file loads"
is "$(cat "$T/ed-args")" "--wait $mine/soleus-work.yaml" \
	"the editor got the new file (and EDITOR's own arguments)"
ok "$([ -f "$T/ed-tty" ]; echo $?)" "on the terminal"
like "$(screen)" "^$mine/soleus-work.yaml\$" "the path was said first"
like "$("$RECOUP" --check "$mine/soleus-work.yaml")" ': ok: Soleus work, 6 steps' \
	"the step the editor added is in the file"

echo break >"$T/ed-mode"
: >"$T/ed-args"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --new 'Broken one'
wait_exit
ok $? "a saved file with a mistake: recoup exits"
is "$(exit_status)" 1 "exit 1"
f="$mine/broken-one.yaml"
bad=$(($(grep -n durration "$f" | cut -d: -f1)))
like "$(unwrapped)" "recoup: $f:$bad:5: unknown key \`durration\` in a step" \
	"the error with file:line:column"
like "$(unwrapped)" "$f is kept as you saved it" "the file is kept, and said so"
ok "$(grep -q durration "$f"; echo $?)" "with what the user wrote"

echo fail >"$T/ed-mode"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --new 'Editor fails'
wait_exit
is "$(exit_status)" 1 "an editor that fails: exit 1"
like "$(unwrapped)" "recoup: the editor $T/fake-ed \\(from \\\$EDITOR\\) exited with status 3; the routine is written, $mine/editor-fails.yaml" \
	"said, with where the file is"
ok "$([ -f "$mine/editor-fails.yaml" ]; echo $?)" "the file is kept"

tm_start -e env EDITOR=/nonexistent/ed "$RECOUP" --new 'No editor'
wait_exit
is "$(exit_status)" 1 "an editor that cannot be run: exit 1"
like "$(joined)" 'recoup: could not run the editor /nonexistent/ed \(from \$EDITOR\): No such file or directory; the routine is written, ' \
	"said, naming it and why"

# an escape in $EDITOR's word is shown escaped, never sent raw
if command -v script >/dev/null 2>&1; then
	EDITOR="$(printf '/nonexist/\033[31mx')" TERM=xterm \
		script -qec "'$RECOUP' --new 'Ed escape'" /dev/null >"$T/script-out" 2>&1
	is "$?" 1 "an editor named with an escape that cannot be run: exit 1"
	like "$(cat "$T/script-out")" 'recoup: could not run the editor /nonexist/\\x1b\[31mx \(from \$EDITOR\)' \
		"its word shown with the escape escaped"
	ok "$(! grep -q "$(printf '\033')" "$T/script-out"; echo $?)" \
		"no raw escape reaches the terminal"
else
	ok 0 "# SKIP no script(1)"
	ok 0 "# SKIP no script(1)"
	ok 0 "# SKIP no script(1)"
fi

# from the shell, curses never starts: the editor is run with no call to
# put a screen away or take it back (a shim in front of libncursesw notes
# any such call)
cat >"$T/shim.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
static int note(const char *what)
{
	FILE *f = fopen(getenv("SHIM_LOG"), "a");
	if (f) {
		fprintf(f, "%s\n", what);
		fclose(f);
	}
	return -1;
}
int endwin(void) { return note("endwin"); }
int def_prog_mode(void) { return note("def_prog_mode"); }
int reset_prog_mode(void) { return note("reset_prog_mode"); }
EOF
if command -v script >/dev/null 2>&1 &&
   ${CC:-cc} -shared -fPIC -o "$T/shim.so" "$T/shim.c" 2>/dev/null; then
	# (under AddressSanitizer the shim is preloaded ahead of its runtime,
	# which it would refuse)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	SHIM_LOG="$T/shim-log" LD_PRELOAD="$T/shim.so" EDITOR=true TERM=xterm \
		script -qec "'$RECOUP' --new 'No curses'" /dev/null >"$T/script-out" 2>&1
	is "$?" 0 "--new on a terminal, the editor exits 0: exit 0"
	is "$(cat "$T/shim-log" 2>/dev/null)" "" "curses not touched (no endwin, def_prog_mode, reset_prog_mode)"
else
	ok 0 "# SKIP no script(1) or no C compiler for the shim"
	ok 0 "# SKIP no script(1) or no C compiler for the shim"
fi

# stdout piped (in the terminal): no editor
: >"$T/ed-args"
echo step >"$T/ed-mode"
tm_start -e sh -c "EDITOR='$T/fake-ed' '$RECOUP' --new 'Piped' | cat"
wait_exit
is "$(exit_status)" 0 "stdout piped: exit 0"
is "$(cat "$T/ed-args")" "" "and no editor"

done_testing
