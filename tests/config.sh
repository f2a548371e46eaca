#!/bin/sh
# The configuration file (recoup.conf(5)): each setting's effect shown
# through the binary, the precedence of command line over config over
# default, every kind of mistake with its exact message, the default file's
# place, --dump-config's round trip and the shipped sample.  The settings
# only the dashboard uses (keys, confirm_quit, cue_command) are driven in
# tmux at the end, skipped without it.
. "$top_srcdir/tests/lib.sh"

FIX="$top_srcdir/tests/fixtures-config"
CONF="$XDG_CONFIG_HOME/recoup/recoup.conf"
STATE_LOG="$XDG_STATE_HOME/recoup/sessions.log"
mkdir -p "$XDG_CONFIG_HOME/recoup"

# xrun [VAR=VALUE | -u VAR]... COMMAND ARG...: run it from $T, through
# env(1); $rc, $out and $err afterwards.  run ARG...: recoup so.
xrun() {
	(cd "$T" && env "$@") >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}
run() { xrun "$RECOUP" "$@"; }
# conf TEXT: the default config file holds TEXT (a line per argument)
conf() { printf '%s\n' "$@" >"$CONF"; }
lines() { if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
dumped() { printf '%s\n' "$out" | grep -E "^$1 = " ; }

# ---- log -------------------------------------------------------------
# a short session with nothing to answer: runs to its end on /dev/null
session() { run --plain --speed 600 "$@" "$FIX/cfg-timer.yaml"; }

rm -f "$CONF"
session
is "$rc" 0 "default: a session runs"
like "$(cat "$STATE_LOG" 2>/dev/null)" ' end status=complete ' \
	"default: the log is \$XDG_STATE_HOME/recoup/sessions.log"

conf 'log = "~/custom.log";'
before=$(lines "$STATE_LOG")
session
is "$rc" 0 "log = \"~/custom.log\": the session runs"
like "$(cat "$HOME/custom.log" 2>/dev/null)" ' end status=complete ' \
	"log = \"~/custom.log\": the session is logged in \$HOME/custom.log"
like "$out" "^Logged to $HOME/custom.log\$" "log: the session says where it logged"
is "$(lines "$STATE_LOG")" "$before" "log: the default log is left alone"

run --dump-config
is "$(dumped log)" "log = \"$HOME/custom.log\";" "log: --dump-config shows it, ~ expanded"

before=$(lines "$HOME/custom.log")
session --log "$T/cli.log"
like "$(cat "$T/cli.log" 2>/dev/null)" ' end status=complete ' "--log FILE wins over log"
is "$(lines "$HOME/custom.log")" "$before" "--log FILE: the config's log is left alone"
run --log "$T/cli.log" --dump-config
is "$(dumped log)" "log = \"$T/cli.log\";" "--log FILE: --dump-config shows the command line's"

before="$(lines "$T/cli.log"):$(lines "$HOME/custom.log"):$(lines "$STATE_LOG")"
session --log "$T/cli.log" --no-log
is "$rc" 0 "--no-log: the session runs"
like "$out" 'Routine complete' "--no-log: to its end"
ok "$(! printf '%s\n' "$out" | grep -q 'Logged to'; echo $?)" "--no-log: it says nothing of a log"
is "$(lines "$T/cli.log"):$(lines "$HOME/custom.log"):$(lines "$STATE_LOG")" "$before" \
	"--no-log wins over --log before it, over log and the default"

# --no-log is no setting: the dump keeps the config's log, and says why
# this run writes none; fed back, the log is the same
run --no-log --dump-config
is "$(dumped log)" "log = \"$HOME/custom.log\";" "--no-log: --dump-config shows the config's log"
like "$out" '^# This run writes no log: --no-log was given on the command line$' \
	"--no-log: a comment in the dump says this run writes none"
cp "$T/out" "$T/dump-nolog.conf"
run --config dump-nolog.conf --dump-config
is "$rc:$err:$(dumped log)" "0::log = \"$HOME/custom.log\";" "--no-log: the dump fed back keeps the log"
rm -f "$CONF"
run --no-log --dump-config
is "$(dumped log)" "log = \"$STATE_LOG\";" "--no-log, no log setting: the dump shows the default log"
conf 'log = "~/custom.log";'

# ---- routine_dirs ------------------------------------------------------
mkdir -p "$HOME/mine" "$T/cli-dir" "$XDG_CONFIG_HOME/recoup/routines"
cp "$FIX/cfg-timer.yaml" "$HOME/mine/cfg-mine.yaml"
sed 's/^name: .*/name: From the command line/' "$FIX/cfg-timer.yaml" >"$T/cli-dir/cfg-mine.yaml"
cp "$FIX/cfg-timer.yaml" "$XDG_CONFIG_HOME/recoup/routines/cfg-xdg.yaml"

rm -f "$CONF"
run --list
like "$out" '^cfg-xdg ' "default: routines from \$XDG_CONFIG_HOME/recoup/routines"
ok "$(! printf '%s\n' "$out" | grep -q '^cfg-mine '; echo $?)" "default: not from elsewhere"

conf 'routine_dirs = ["~/mine"];'
run --plan cfg-mine
is "$rc" 0 "routine_dirs: --plan NAME finds a routine there"
like "$out" "^Config timer \\($HOME/mine/cfg-mine.yaml\\)\$" "routine_dirs: ~ is the home directory"
run --list
like "$out" "^cfg-mine +Config timer .* $HOME/mine/cfg-mine.yaml\$" "routine_dirs: --list lists it"
ok "$(! printf '%s\n' "$out" | grep -q '^cfg-xdg '; echo $?)" \
	"routine_dirs replaces \$XDG_CONFIG_HOME/recoup/routines"
like "$out" '^post-run-calf-care ' "routine_dirs: the shipped routines are still found"
run --dump-config
is "$(dumped routine_dirs)" 'routine_dirs = [ "~/mine" ];' "routine_dirs: --dump-config shows it as written"

run --routine-dir "$T/cli-dir" --plan cfg-mine
like "$out" "^From the command line \\($T/cli-dir/cfg-mine.yaml\\)\$" \
	"--routine-dir is searched before routine_dirs"
run --routine-dir "$T/cli-dir" --list
is "$(printf '%s\n' "$out" | grep -c '^cfg-mine ')" 1 "--list: a name once, the first found"
like "$out" "^cfg-mine +From the command line .* $T/cli-dir/cfg-mine.yaml\$" \
	"--list: the --routine-dir one wins"

# --routine-dir is searched first: first in the dump's routine_dirs too,
# so that the dump fed back finds the same routine
run --routine-dir "$T/cli-dir" --dump-config
is "$(dumped routine_dirs)" "routine_dirs = [ \"$T/cli-dir\", \"~/mine\" ];" \
	"--routine-dir: first in the dump's routine_dirs"
like "$out" '^# The first is from --routine-dir on the command line\.$' \
	"--routine-dir: a comment in the dump says which came from the command line"
cp "$T/out" "$T/dump-dirs.conf"
run --config dump-dirs.conf --plan cfg-mine
like "$out" "^From the command line \\($T/cli-dir/cfg-mine.yaml\\)\$" \
	"--routine-dir: the dump fed back searches the same directories first"
rm -f "$CONF"
run --routine-dir "$T/cli-dir" --routine-dir "$HOME/mine" --dump-config
is "$(dumped routine_dirs)" \
	"routine_dirs = [ \"$T/cli-dir\", \"$HOME/mine\", \"$XDG_CONFIG_HOME/recoup/routines\" ];" \
	"--routine-dir twice, no routine_dirs: both, then the default"
like "$out" '^# The first 2 are from --routine-dir on the command line\.$' "--routine-dir twice: the comment counts them"

conf 'routine_dirs = ["~/mine", "~/nowhere"];'
run --plan cfg-mine
is "$rc" 0 "routine_dirs: a missing directory is skipped"
conf 'routine_dirs = [];'
run --plan cfg-mine
is "$rc" 1 "routine_dirs = []: only the installed routines"

# ---- colors --------------------------------------------------------------
rm -f "$CONF"
run --dump-config
is "$(dumped colors)" "colors = true;" "colors: true by default"
conf 'colors = false;'
run --dump-config
is "$(dumped colors)" "colors = false;" "colors = false: shown false"
conf 'colors = true;'
xrun NO_COLOR=1 "$RECOUP" --dump-config
is "$(dumped colors)" "colors = false;" "NO_COLOR=1 wins over colors = true"
xrun NO_COLOR= "$RECOUP" --dump-config
is "$(dumped colors)" "colors = true;" "NO_COLOR set but empty: colors stays true"
run --no-color --dump-config
is "$(dumped colors)" "colors = false;" "--no-color wins over colors = true"

# ---- the other settings round-trip through --dump-config ----------------
conf 'bell = false;' 'flash = true;' 'confirm_quit = false;' \
	'cue_command = ["espeak-ng", "-s", "150", "%s"];' 'lead_in = "5s";' \
	'keys = { pause = "p"; next = "m"; back = "v"; quit = "x"; };'
run --dump-config
is "$rc:$err" "0:" "non-default settings: read without a word"
is "$(dumped bell)" "bell = false;" "bell round-trips"
is "$(dumped flash)" "flash = true;" "flash round-trips"
is "$(dumped confirm_quit)" "confirm_quit = false;" "confirm_quit round-trips"
is "$(dumped cue_command)" 'cue_command = [ "espeak-ng", "-s", "150", "%s" ];' "cue_command round-trips"
is "$(dumped lead_in)" 'lead_in = "5s";' "lead_in round-trips"
is "$(printf '%s\n' "$out" | sed -n '/^keys = {$/,/^};$/p' | tr -d '\n')" \
	'keys = {  pause = "p";  next = "m";  back = "v";  quit = "x";};' "keys round-trip"

conf 'bell = true;' 'flash = false;' 'confirm_quit = true;' 'cue_command = [];' \
	'keys = { pause = "space"; };'
run --dump-config
is "$(dumped bell):$(dumped flash):$(dumped confirm_quit)" \
	"bell = true;:flash = false;:confirm_quit = true;" "the opposite values round-trip too"
is "$(dumped cue_command)" "cue_command = [];" "cue_command = []: none"
like "$out" '^  pause = " ";$' 'keys: "space" is the space bar'

# a UTF-8 byte order mark, as some editors write, is skipped
printf '\357\273\277bell = false;\n' >"$T/bom.conf"
run --config bom.conf --dump-config
is "$rc:$err:$(dumped bell)" "0::bell = false;" "a UTF-8 byte order mark at the start is skipped"
printf '\357\273\277bell = 1;\n' >"$T/bom-bad.conf"
run --config bom-bad.conf --dump-config
is "$err" 'recoup: bom-bad.conf:1: `bell` must be true or false, not a number' \
	"after a byte order mark, lines are counted as before"

# ---- lead_in --------------------------------------------------------------
rm -f "$CONF"
run --plan "$FIX/cfg-timer.yaml"
like "$out" '^ +0:00 +0:03 +1  Hold  get ready$' "lead_in: 3 s by default"
conf 'lead_in = "0s";'
run --plan "$FIX/cfg-timer.yaml"
ok "$(! printf '%s\n' "$out" | grep -q 'get ready'; echo $?)" 'lead_in = "0s": no lead-in'
like "$out" '^total 0:02 timed$' 'lead_in = "0s": the timeline is the work alone'
conf 'lead_in = "5s";'
run --plan "$FIX/cfg-timer.yaml"
like "$out" '^ +0:00 +0:05 +1  Hold  get ready$' 'lead_in = "5s": 0:05 of lead-in'
like "$out" '^total 0:07 timed$' 'lead_in = "5s": in the total too'
conf 'lead_in = "1:00";'
run --plan "$FIX/cfg-timer.yaml"
like "$out" '^ +0:00 +1:00 +1  Hold  get ready$' 'lead_in = "1:00": the longest, a minute'

# ---- mistakes: exact message, exit 1, nothing on stdout ------------------
# bad NAME EXPECTED-STDERR: $T/NAME.conf (written before) given with --config
bad() {
	run --config "$1.conf" --list
	is "$rc" 1 "$1: exit status 1"
	is "$err" "$2" "$1: the message"
	is "$out" "" "$1: nothing on standard output"
}
rm -f "$CONF"
printf 'bell = true;\nflash = ;\n' >"$T/syntax.conf"
bad syntax 'recoup: syntax.conf:2: syntax error'
printf 'bell = true;\nlog = "unterminated;\n\n' >"$T/syntax2.conf"
bad syntax2 'recoup: syntax2.conf:4: syntax error'
# libconfig 1.5 takes an open /* as a comment to the end of the file: the
# settings after it must not be dropped without a word
printf 'flash = true;\n/* a comment\n   left open\nbell = false;\n' >"$T/open-comment.conf"
bad open-comment 'recoup: open-comment.conf:2: unterminated comment: `/*` without `*/`'
printf 'log = "/* not a comment */";  # nor /* this\nbell = false; /* closed */\n' >"$T/closed-comment.conf"
run --config closed-comment.conf --dump-config
is "$rc:$err:$(dumped bell)" "0::bell = false;" '/* in a string or a # comment, and a closed /* */: fine'
printf 'bell = true;\nbell = false;\n' >"$T/twice.conf"
bad twice 'recoup: twice.conf:2: duplicate setting name'
printf '# a bool\nbell = 1;\n' >"$T/bool-number.conf"
bad bool-number 'recoup: bool-number.conf:2: `bell` must be true or false, not a number'
printf 'confirm_quit = "no";\n' >"$T/bool-string.conf"
bad bool-string 'recoup: bool-string.conf:1: `confirm_quit` must be true or false, not a string'
printf 'log = 5;\n' >"$T/string-number.conf"
bad string-number 'recoup: string-number.conf:1: `log` must be a file name, not a number'
printf 'lead_in = 3;\n' >"$T/duration-number.conf"
bad duration-number 'recoup: duration-number.conf:1: `lead_in` must be a duration like "3s", not a number'
printf 'routine_dirs = "~/r";\n' >"$T/list-string.conf"
bad list-string 'recoup: list-string.conf:1: `routine_dirs` must be a list of strings like ["a", "b"], not a string'
printf 'cue_command = "espeak-ng %%s";\n' >"$T/cue-string.conf"
bad cue-string 'recoup: cue-string.conf:1: `cue_command` must be a list of strings like ["a", "b"], not a string'
printf 'cue_command = ["say", 1];\n' >"$T/array-mixed.conf"
bad array-mixed 'recoup: array-mixed.conf:1: mismatched element type in array'
printf 'cue_command = ("say", 1);\n' >"$T/list-number.conf"
bad list-number 'recoup: list-number.conf:1: `cue_command` must hold strings only; item 2 is a number'
printf 'keys = "n";\n' >"$T/keys-string.conf"
bad keys-string 'recoup: keys-string.conf:1: `keys` must be a group like { pause = " "; next = "n"; }, not a string'
printf 'keys = {\n  next = 5;\n};\n' >"$T/key-number.conf"
bad key-number 'recoup: key-number.conf:2: `keys.next` must be a one-character string like "n", not a number'
printf 'lead_in = "90s";\n' >"$T/lead-in-long.conf"
bad lead-in-long 'recoup: lead-in-long.conf:1: `lead_in = "90s"`: give a duration from "0s" to "60s"'
printf 'lead_in = "soon";\n' >"$T/lead-in-word.conf"
bad lead-in-word 'recoup: lead-in-word.conf:1: `lead_in = "soon"`: give a duration from "0s" to "60s"'
printf 'log = "";\n' >"$T/log-empty.conf"
bad log-empty 'recoup: log-empty.conf:1: `log` is empty; give a file name'
printf 'routine_dirs = ["~/r", ""];\n' >"$T/dir-empty.conf"
bad dir-empty 'recoup: dir-empty.conf:1: `routine_dirs`: item 2 is empty; give a directory'
printf 'cue_command = ["", "%%s"];\n' >"$T/cue-empty.conf"
bad cue-empty 'recoup: cue-empty.conf:1: `cue_command`: the program (item 1) is empty'
printf 'keys = { next = "b"; };\n' >"$T/keys-shared.conf"
bad keys-shared "recoup: keys-shared.conf:1: \`keys\`: next and back are both 'b'"
printf 'keys = {\n  pause = "12";\n};\n' >"$T/key-long.conf"
bad key-long 'recoup: key-long.conf:2: `keys.pause = "12"`: a key is one printable character (or "space"), not a digit, +, -, =, _ or ?'
printf 'keys = { quit = "5"; };\n' >"$T/key-digit.conf"
bad key-digit 'recoup: key-digit.conf:1: `keys.quit = "5"`: a key is one printable character (or "space"), not a digit, +, -, =, _ or ?'
# the session's own keys, for any action
printf 'keys = { pause = "?"; };\n' >"$T/key-help.conf"
bad key-help 'recoup: key-help.conf:1: `keys.pause = "?"`: a key is one printable character (or "space"), not a digit, +, -, =, _ or ?'
for k in + - = _; do
	printf 'keys = { back = "%s"; };\n' "$k" >"$T/key-adjust.conf"
	run --config key-adjust.conf --list
	is "$rc:$err" "1:recoup: key-adjust.conf:1: \`keys.back = \"$k\"\`: a key is one printable character (or \"space\"), not a digit, +, -, =, _ or ?" \
		"keys.back = \"$k\": refused, $k adds or takes 15 s in a session"
done
# the quit key quits the picker too: not one of the picker's own letters
for kj in 'j:moves down' 'k:moves up' 'g:goes to the first routine' \
	'G:goes to the last routine' 'e:edits the routine' 'h:opens the history' \
	'r:reverts a copy to the routine it hides'; do
	k=${kj%%:*}
	printf 'keys = {\n  quit = "%s";\n};\n' "$k" >"$T/quit-picker.conf"
	run --config quit-picker.conf --list
	is "$rc:$err" "1:recoup: quit-picker.conf:2: \`keys.quit = \"$k\"\`: the quit key quits the picker too, where $k ${kj#*:}; choose another key" \
		"keys.quit = \"$k\": refused, the picker's $k ${kj#*:}"
done
# the other actions work in a session only, where those letters are free
printf 'keys = { pause = "j"; next = "h"; back = "e"; quit = "x"; };\n' >"$T/keys-free.conf"
run --config keys-free.conf --dump-config
is "$rc:$err" "0:" "the picker's letters for pause, next and back: fine (they act in a session only)"
printf 'keys = { nxt = "m"; };\n' >"$T/key-action.conf"
bad key-action 'recoup: key-action.conf:1: `keys.nxt` is not an action (did you mean `next`?); use pause, next, back or quit'
printf 'bell = true;\n\n  @include "other.conf"\n' >"$T/include.conf"
echo 'flash = true;' >"$T/other.conf"
bad include 'recoup: include.conf:3: @include is not supported; put every setting in this file'
printf 'bell = true;\nflash = true;\0\n' >"$T/nul.conf"
bad nul 'recoup: nul.conf:2: the file holds a NUL byte; is it a config file?'
printf 'bell = 1;\nlead_in = "2h";\ncolours = false;\nlog = "";\n' >"$T/several.conf"
bad several "recoup: several.conf:1: \`bell\` must be true or false, not a number
recoup: several.conf:2: \`lead_in = \"2h\"\`: give a duration from \"0s\" to \"60s\"
recoup: several.conf:3: warning: unknown setting \`colours\` (did you mean \`colors\`?)
recoup: several.conf:4: \`log\` is empty; give a file name"
bad nothere 'recoup: nothere.conf: No such file or directory'
mkdir "$T/adir.conf"
bad adir 'recoup: adir.conf: Is a directory'

# a mistake stops a session before it starts: nothing logged
printf 'bell = 1;\n' >"$T/stop.conf"
rm -f "$T/stop.log"
run --config stop.conf --log "$T/stop.log" --plain --speed 600 "$FIX/cfg-timer.yaml"
is "$rc:$out" "1:" "a bad config: no session (exit 1, nothing on stdout)"
ok "$(! test -e "$T/stop.log"; echo $?)" "a bad config: no log written"
# the default file too is checked, and named in full
conf 'flash = 2;'
run --list
is "$rc:$out" "1:" "a bad default config: exit 1, nothing on stdout"
is "$err" "recoup: $CONF:1: \`flash\` must be true or false, not a number" \
	"a bad default config: named in full"

# ---- unknown settings: a warning, the exit status unchanged --------------
conf 'colours = false;' 'flash = true;'
run --list
is "$rc" 0 "an unknown setting: exit status 0"
is "$err" "recoup: $CONF:1: warning: unknown setting \`colours\` (did you mean \`colors\`?)" \
	"an unknown setting: a warning naming it and the nearest known one"
like "$out" '^post-run-calf-care ' "an unknown setting: the command runs"
run --dump-config
is "$(dumped flash)" "flash = true;" "an unknown setting: the others still apply"
conf 'xyzzy = 1;' 'Keys = { next = "m"; };'
run --list
is "$rc" 0 "unknown settings: exit status 0"
is "$err" "recoup: $CONF:1: warning: unknown setting \`xyzzy\`
recoup: $CONF:2: warning: unknown setting \`Keys\` (did you mean \`keys\`?)" \
	"unknown settings: each named; no suggestion when none is close"

# ---- where the default file is --------------------------------------------
rm -f "$CONF"
run --list
is "$rc:$err" "0:" "no config file: silently fine"
mkdir -p "$T/xdg/recoup"
echo 'flash = true;' >"$T/xdg/recoup/recoup.conf"
echo 'bell = false;' >"$HOME/.config/recoup/recoup.conf"
xrun XDG_CONFIG_HOME="$T/xdg" "$RECOUP" --dump-config
is "$(dumped flash):$(dumped bell)" "flash = true;:bell = true;" \
	"\$XDG_CONFIG_HOME/recoup/recoup.conf is read (and not ~/.config's)"
xrun -u XDG_CONFIG_HOME "$RECOUP" --dump-config
is "$(dumped flash):$(dumped bell)" "flash = false;:bell = false;" "XDG_CONFIG_HOME unset: ~/.config/recoup/recoup.conf"
xrun XDG_CONFIG_HOME=relative/dir "$RECOUP" --dump-config
is "$(dumped bell)" "bell = false;" "XDG_CONFIG_HOME not absolute: ignored, ~/.config used"
run --config "$T/xdg/recoup/recoup.conf" --dump-config
is "$(dumped flash):$(dumped bell)" "flash = true;:bell = true;" "--config FILE instead of the default file"
rm -f "$CONF"

# ---- --dump-config round trip ---------------------------------------------
cat >"$T/full.conf" <<'EOF'
// every setting, some with awkward strings
log = "~/logs/a \"quoted\" \\ name.log";
routine_dirs = ["~/mine", "/srv/routines with spaces"];
colors = false; bell = false; flash = true;
cue_command = ["espeak-ng", "-v", "en", "%s"];
lead_in = "10s";
confirm_quit = false;
keys = { pause = "p"; next = "\""; back = "\\"; quit = "#"; };
EOF
run --config full.conf --dump-config
is "$rc:$err" "0:" "a full config: read"
cp "$T/out" "$T/dump1.conf"
is "$(grep '^log = ' "$T/dump1.conf")" "log = \"$HOME/logs/a \\\"quoted\\\" \\\\ name.log\";" \
	"the dump quotes strings"
run --config dump1.conf --dump-config
is "$rc:$err" "0:" "the dump is a valid config file (libconfig reads it back)"
cmp -s "$T/dump1.conf" "$T/out"
ok $? "the dump read back dumps the same"
[ $? -eq 0 ] || diff "$T/dump1.conf" "$T/out" | sed 's/^/#   /'
run --dump-config
cp "$T/out" "$T/dump-default.conf"
run --config dump-default.conf --dump-config
is "$err" "" "the default dump reads back without a word"
cmp -s "$T/dump-default.conf" "$T/out"
ok $? "the default dump round-trips"

# the dump written over the config file it reads: `>` has emptied it
# already (a warning says the settings are lost), `>>` would double every
# setting (refused, nothing written)
printf 'bell = false;\n' >"$T/onto.conf"
(cd "$T" && "$RECOUP" --config onto.conf --dump-config >>onto.conf 2>err)
is "$?:$(cat "$T/err")" "1:recoup: standard output adds to onto.conf, the config file just read: every setting would be in it twice; nothing written" \
	"--dump-config >> the config file read: refused"
is "$(cat "$T/onto.conf")" "bell = false;" "--dump-config >> the config file read: the file is left as it was"
(cd "$T" && "$RECOUP" --config onto.conf --dump-config >onto.conf 2>err)
is "$?:$(cat "$T/err")" "0:recoup: warning: standard output is onto.conf, the config file just read, and it was empty: \`>\` empties the file before recoup reads it, so any settings it held are lost" \
	"--dump-config > the config file read: a warning that its settings are lost"
is "$(grep '^bell = ' "$T/onto.conf")" "bell = true;" "--dump-config > the config file read: the defaults are written"
(cd "$T" && "$RECOUP" --config onto.conf --dump-config >onto2.conf 2>err)
is "$?:$(cat "$T/err")" "0:" "--dump-config > another file: no word"

# ---- the shipped sample is the defaults, commented -----------------------
sample="$top_srcdir/src/recoup.conf.sample"
pinned=$(env -u XDG_CONFIG_HOME -u XDG_STATE_HOME -u NO_COLOR HOME="$T/pinned" \
	"$RECOUP" --dump-config | sed "s|$T/pinned|~|g" | sed -n '/^# The session log/,$p')
is "$(sed -n '/^# The session log/,$p' "$sample")" "$pinned" \
	"src/recoup.conf.sample is what --dump-config prints by default (HOME as ~)"
like "$(head -n 1 "$sample")" '^# recoup.conf.sample: ' "the sample has its own heading"
run --config "$sample" --dump-config
is "$rc:$err" "0:" "the sample is a valid config file"
# the sample writes ~/.config/recoup/routines where the default is built
# from $XDG_CONFIG_HOME (the same place here): compare with ~ for $HOME
is "$(printf '%s\n' "$out" | sed "s|$HOME|~|g")" "$(sed "s|$HOME|~|g" "$T/dump-default.conf")" \
	"the sample changes nothing"

# ---- on the dashboard: keys, confirm_quit, cue_command -------------------
if [ -z "${TMUX_BIN:-}" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	for what in "keys: the session starts, with no lead-in" "keys: n does nothing" \
		"keys: m skips ahead" "keys: on to the next step" \
		"confirm_quit = false: q quits at once" "confirm_quit = false: exit 0" \
		"cue_command: the prompts are run through it" "cue_command: every prompt" \
		"cue_command: a stubborn cue starts" "cue_command: it does not hold up the next prompt" \
		"cue_command: it is killed" "cue_command: the countdown goes on" \
		"cue_command: q quits" "cue_command: no cue process is left"; do
		n=$((n + 1))
		echo "ok $n # SKIP $what (no tmux: configure found none)"
	done
	done_testing
	exit
fi
. "$top_srcdir/tests/tmux.sh"

cat >"$T/keys.conf" <<'EOF'
lead_in = "0s";
keys = { next = "m"; };
EOF
tm_start --config "$T/keys.conf" --routine-dir "$FIX" cfg-holds
wait_log ' step n=1 type=timer name="First hold"$' &&
	wait_screen '(│|^) TIMER$'
ok $? "keys: the session starts, with no lead-in"
keys n
sleep 0.5
ok "$(! grep -q ' skip ' "$LOG"; echo $?)" "keys = { next = \"m\"; }: n does nothing"
keys m
wait_log ' skip n=1 name="First hold" what=timer '
ok $? "keys = { next = \"m\"; }: m skips ahead"
wait_log ' step n=2 type=timer name="Second hold"$'
ok $? "keys: on to the next step"

rm -f "$LOG"
cat >"$T/quit.conf" <<'EOF'
lead_in = "0s";
confirm_quit = false;
EOF
tm_start --config "$T/quit.conf" --routine-dir "$FIX" cfg-holds
wait_log ' step n=1 '
keys q
wait_log ' end status=quit '
ok $? "confirm_quit = false: q quits at once (end status=quit)"
wait_screen 'Session ended early'
ok $? "confirm_quit = false: the summary follows"
keys Enter
wait_exit
is "$(exit_status)" 0 "confirm_quit = false: exit status 0"

rm -f "$LOG"
cat >"$T/cue.sh" <<EOF
#!/bin/sh
printf '%s\n' "\$1" >>"$T/cues"
EOF
chmod +x "$T/cue.sh"
cat >"$T/cue.conf" <<EOF
lead_in = "1s";
cue_command = ["$T/cue.sh", "%s"];
EOF
tm_start --config "$T/cue.conf" "$FIX/cfg-timer.yaml"
wait_log ' end status=complete ' 15
keys q
wait_exit
_cues_done() { grep -q 'Routine complete' "$T/cues" 2>/dev/null; }
_poll 10 _cues_done
like "$(cat "$T/cues" 2>/dev/null)" 'Hold, 2 seconds' "cue_command: the prompts are run through it"
is "$(cat "$T/cues" 2>/dev/null)" "Hold, 2 seconds
Go
Routine complete" "cue_command: every announcement, short, in order, as one argument"

# A cue that ignores SIGTERM, as does the sleep it starts, and never ends:
# the next prompt must come at once all the same; the speech queue lets no
# key word be cut, but takes a cue that speaks far longer than its words
# (SPEECH_HUNG_MS and a second a word, here about 9 s) to hang and stops
# it; the old cue and its child are then killed (SIGKILL to its process
# group half a second later), and none is left once recoup has exited.
rm -f "$LOG"
cat >"$T/stubborn.sh" <<EOF
#!/bin/sh
trap '' TERM
sleep 30 &
echo "\$\$ \$!" >>"$T/cue-pids"
wait
EOF
chmod +x "$T/stubborn.sh"
cat >"$T/stubborn.conf" <<EOF
lead_in = "0s";
confirm_quit = false;
cue_command = ["$T/stubborn.sh", "%s"];
EOF
tm_start --config "$T/stubborn.conf" --routine-dir "$FIX" cfg-holds
wait_screen 'step 1 of 2' && _poll 10 test -s "$T/cue-pids"
ok $? "cue_command: a cue that ignores SIGTERM starts"
first=$(head -n 1 "$T/cue-pids")
keys n
# the screen is drawn after the new prompt's cue has been started
wait_screen 'step 2 of 2' 3
ok $? "cue_command: a cue that ignores SIGTERM does not hold up the next prompt"
_all_gone() { for _p in $1; do pid_gone "$_p" || return 1; done; }
_poll 20 _all_gone "$first"
ok $? "cue_command: it is killed after a while, with the process it started"
wait_digits_change "$(digits)"
ok $? "cue_command: the countdown goes on meanwhile"
keys q Enter
wait_exit 10
ok $? "cue_command: q quits (Enter leaves its summary), the last cue still running"
_all_gone "$(tr '\n' ' ' <"$T/cue-pids")"
ok $? "cue_command: no cue process is left once recoup has exited"

done_testing
