#!/bin/sh
# cli.sh: the command line: help and version, usage errors (exit 2), --check
# over several files, --list and name lookup on the search path, and --plan
# against saved timelines.
. "$top_srcdir/tests/lib.sh"

# run ARGS...: output in $T/out and $T/err, status in $rc
run() {
	"$RECOUP" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}
out() { cat "$T/out"; }
err() { cat "$T/err"; }

try="Try 'recoup --help' for more information."

# usage_error WANT-MESSAGE ARGS...: exit 2, the message, the hint, no stdout
usage_error() {
	want=$1
	shift
	run "$@"
	is "$rc" 2 "$*: exit status 2"
	is "$(err)" "recoup: $want
$try" "$*: message"
	is "$(out)" "" "$*: nothing on stdout"
}

# --- help and version ---
run --help
is "$rc" 0 "--help: exit status 0"
like "$(out)" '^      --plan ROUTINE      print the timeline' "--help mentions --plan"
like "$(out)" '^Usage: recoup \[OPTION\]\.\.\. \[ROUTINE\]$' "--help starts with the usage line"
is "$(err)" "" "--help: nothing on stderr"
like "$(out | tr '\n' ' ')" 'Exit status: 0 done, 1 bad routine, config or log, 2 bad usage, 128\+N killed by signal N' \
	"--help gives every exit status, 128+N for a signal too"
run -h
is "$rc" 0 "-h: exit status 0"
is "$(out | head -n 1)" "Usage: recoup [OPTION]... [ROUTINE]" "-h prints the help"
run --version
is "$rc" 0 "--version: exit status 0"
is "$(out)" "recoup 0.1.0" "--version prints the version"
run -V
is "$(out)" "recoup 0.1.0" "-V prints the version"

# --- usage errors ---
usage_error "unknown option '--bogus'" --bogus
usage_error "unknown option '-x'" -x
# a short option inside a word of several is named by its letter, not by
# the word before (or the program's path)
usage_error "unknown option '-r'" -rf
usage_error "unknown option '-r'" --plan -rf
usage_error "unknown option '-x'" -xV
usage_error "option '--list' takes no argument" --list=x
usage_error "option '--help' takes no argument" --help=x
usage_error "option '--log' needs an argument" --list --log
usage_error "option '--routine-dir' needs an argument" --list --routine-dir
usage_error "--check needs at least one FILE" --check
usage_error "--plan needs a ROUTINE" --plan
usage_error "one ROUTINE at a time, not 'b'" --plan a b
usage_error "unexpected argument 'x'" --list x
usage_error "--check cannot be combined with another command" --list --check x.yaml
usage_error "--list cannot be combined with another command" --plan --list x
usage_error "--plain cannot be combined with another command" --plain --check x.yaml
usage_error "--speed wants a whole number from 1 to 600, not '0'" --speed 0 --list
usage_error "--speed wants a whole number from 1 to 600, not '601'" --speed 601 --list
usage_error "--speed wants a whole number from 1 to 600, not 'abc'" --speed abc --list
usage_error "--speed wants a whole number from 1 to 600, not '5x'" --speed=5x --list
usage_error "--speed wants a whole number from 1 to 600, not ''" --speed= --list
usage_error "--since wants a date as YYYY-MM-DD, not 'yesterday'" --history --since yesterday
usage_error "--since wants a date as YYYY-MM-DD, not '2024-13-01'" --history --since 2024-13-01
usage_error "--since wants a date as YYYY-MM-DD, not '2024-1-1'" --history --since 2024-1-1
usage_error "--since wants a date as YYYY-MM-DD, not '2024-02-31'" --history --since 2024-02-31
usage_error "--since wants a date as YYYY-MM-DD, not '2026-02-30'" --history --since 2026-02-30
usage_error "--since wants a date as YYYY-MM-DD, not '2026-02-29'" --history --since 2026-02-29
usage_error "--since wants a date as YYYY-MM-DD, not '0000-01-01'" --history --since 0000-01-01
usage_error "--since goes with --history or --export" --since 2024-01-01 --list
usage_error "--routine goes with --history, --export or --due" --routine calf --list

good=$top_srcdir/tests/good/product-example.yaml
run --speed 1 --check "$good"
is "$rc" 0 "--speed 1 is accepted"
run --speed 600 --check "$good"
is "$rc" 0 "--speed 600 is accepted"

# --- --check ---
cd "$T" || exit 1
run --check nope.yaml
is "$rc" 1 "--check of a missing file: exit status 1"
is "$(err)" "recoup: nope.yaml: cannot open: No such file or directory" \
	"--check of a missing file: the file and why, no position (none means anything)"
is "$(out)" "" "--check of a missing file: nothing on stdout"

run --check "$T"
is "$rc" 1 "--check of a directory: exit status 1"
is "$(err)" "recoup: $T: is a directory, not a routine file" "--check of a directory: message, no position"
run --check /nonexistent.yaml
is "$(err)" "recoup: /nonexistent.yaml: cannot open: No such file or directory" \
	"--check of an absolute path that is not there: no :1:1"
if [ "$(id -u)" != 0 ]; then
	printf 'name: Locked\nsteps: []\n' >locked.yaml
	chmod a-r locked.yaml
	run --check locked.yaml
	is "$(err)" "recoup: locked.yaml: cannot open: Permission denied" \
		"--check of a file it cannot read: no position"
	is "$rc" 1 "--check of a file it cannot read: exit status 1"
	chmod u+r locked.yaml
else
	ok 0 "# SKIP a file it cannot read: running as root, who reads anything"
	ok 0 "# SKIP a file it cannot read: exit status"
fi

cp "$good" good.yaml
printf 'name: Broken\nsteps:\n  - {type: timer, name: T, duration: 1.5m}\n' >bad.yaml
run --check bad.yaml good.yaml
is "$rc" 1 "--check of a bad and a good file: exit status 1"
is "$(err)" "recoup: bad.yaml:3:38: \`duration: 1.5m\` is not a duration; write it like 90s, 15m, 1m30s, 1:30 or 90 (seconds)" \
	"--check of a bad and a good file: the bad one's error"
is "$(out)" "good.yaml: ok: Post-run calf care, 6 steps, 51:36" \
	"--check of a bad and a good file: the good one is still checked"

run --check good.yaml good.yaml
is "$rc" 0 "--check of two good files: exit status 0"
is "$(out)" "good.yaml: ok: Post-run calf care, 6 steps, 51:36
good.yaml: ok: Post-run calf care, 6 steps, 51:36" "--check of two good files: one line each"
is "$(err)" "" "--check of good files: nothing on stderr"

# --- the search path ---
mkdir -p r1 r2 "$XDG_CONFIG_HOME/recoup/routines" "$HOME/mine"
cp "$good" r1/cli-calf.yaml
cp "$top_srcdir/routines/ice-intervals.yaml" r1/cli-ice.yaml
printf 'name: Broken one\nsteps:\n  - type: nap\n    name: Nap\n' >r1/cli-broken.yaml
printf 'not a routine\n' >r1/cli-notes.txt
printf 'name: Other calf\nsteps:\n  - {type: note, name: Go}\n' >r2/cli-calf.yaml
printf 'name: From config\nsteps:\n  - {type: timer, name: Stretch, duration: 30s}\n' \
	>"$XDG_CONFIG_HOME/recoup/routines/cli-xdg.yaml"
printf 'name: From config too\nsteps:\n  - {type: note, name: Go}\n' \
	>"$XDG_CONFIG_HOME/recoup/routines/cli-ice.yaml"
printf 'name: Tilde\nsteps:\n  - {type: note, name: Go}\n' >"$HOME/mine/cli-tilde.yaml"

run --list --routine-dir r1
is "$rc" 0 "--list: exit status 0 (even with a broken routine)"
is "$(out | grep '^cli-')" \
"$(printf '%-24s %-32s %10s %8s  %s\n' cli-broken '(broken)' - - \
	'r1/cli-broken.yaml:3:11: unknown step type `nap`; use note, ice, massage, reps, timer or rate'
printf '%-24s %-32s %4s %-5s %8s  %s\n' cli-calf 'Post-run calf care' 6 steps 51:36 r1/cli-calf.yaml
printf '%-24s %-32s %4s %-5s %8s  %s\n' cli-ice 'Ice intervals' 3 steps 30:06 r1/cli-ice.yaml
printf '%-24s %-32s %4s %-5s %8s  %s\n' cli-xdg 'From config' 1 step 0:33 \
	"$XDG_CONFIG_HOME/recoup/routines/cli-xdg.yaml")" \
	"--list: sorted by id, the broken one with its first error, the config dir's too"
is "$(err)" "" "--list: nothing on stderr"
mkdir -p r3
awk 'BEGIN { for (i = 0; i < 11000; i++) printf "# %097d\n", i }' >r3/cli-big.yaml
size=$(wc -c <r3/cli-big.yaml | tr -d ' ')
run --list --routine-dir r3
is "$(out | grep '^cli-big ')" \
	"$(printf '%-24s %-32s %10s %8s  %s' cli-big '(broken)' - - \
	"r3/cli-big.yaml: file is too large ($size bytes; routines are at most 1 MiB)")" \
	"--list: a file that is not read has its message without a position"

run --list --routine-dir r2 --routine-dir r1
is "$(out | grep '^cli-calf ')" \
	"$(printf '%-24s %-32s %4s %-5s %8s  %s' cli-calf 'Other calf' 1 step 0:00 r2/cli-calf.yaml)" \
	"--list: the same id in two dirs is listed once, from the first dir"

run --plan cli-calf --routine-dir r1 --routine-dir r2
is "$rc" 0 "--plan NAME: exit status 0"
is "$(out | head -n 1)" "Post-run calf care (r1/cli-calf.yaml)" "--plan NAME: first dir wins"
is "$(out | sed 1d)" "$(sed 1d "$top_srcdir/tests/expected/plan-product-example.txt")" \
	"--plan NAME: the timeline"
run --plan cli-calf --routine-dir r2 --routine-dir r1
is "$(out | head -n 1)" "Other calf (r2/cli-calf.yaml)" "--plan NAME: the other order, the other dir"
run --plan cli-ice --routine-dir r1
is "$(out | head -n 1)" "Ice intervals (r1/cli-ice.yaml)" "--routine-dir comes before the config dir"
run --plan cli-xdg --routine-dir r1
is "$(out | head -n 1)" "From config ($XDG_CONFIG_HOME/recoup/routines/cli-xdg.yaml)" \
	"\$XDG_CONFIG_HOME/recoup/routines is on the path"
run --plan cli-tilde --routine-dir '~/mine'
is "$rc" 0 "--routine-dir ~/DIR: found"
is "$(out | head -n 1)" "Tilde ($HOME/mine/cli-tilde.yaml)" "--routine-dir ~/DIR is under \$HOME"
run --check cli-calf --routine-dir r2
is "$(out)" "r2/cli-calf.yaml: ok: Other calf, 1 step, 0:00" "--check takes a NAME too"

run --plan nosuch --routine-dir r1
is "$rc" 1 "--plan of an unknown name: exit status 1"
like "$(err)" "^recoup: no routine named 'nosuch' on the search path \\(looked in r1, $XDG_CONFIG_HOME/recoup/routines, .*\\)\$" \
	"--plan of an unknown name: says where it looked"
is "$(out)" "" "--plan of an unknown name: nothing on stdout"
run --plan cli-cafl --routine-dir r1
is "$rc" 1 "--plan of a misspelt name: exit status 1"
like "$(err)" "^recoup: no routine named 'cli-cafl' on the search path \\(looked in r1, .*\\); did you mean 'cli-calf'\\?\$" \
	"--plan of a misspelt name: did you mean, from the names on the path"
run --check cli-ic --routine-dir r1
like "$(err)" "; did you mean 'cli-ice'\\?\$" "--check NAME: did you mean too"
run --plan nosuch --routine-dir r1
ok "$(! err | grep -q 'did you mean'; echo $?)" "a name far from any: no guess"
run --plan post-run --routine-dir r1
like "$(err)" "; did you mean 'post-run-calf-care'\\?\$" "a part of one name only: that name"
run --plan calf-care --routine-dir r1
like "$(err)" "; did you mean 'post-run-calf-care'\\?\$" "a part from the middle of one name: that name"
run --plan cli --routine-dir r1
ok "$(! err | grep -q 'did you mean'; echo $?)" "a part of several names: no guess"
run --plan post-run-calf-care.yaml --routine-dir r1
is "$rc" 0 "NAME.yaml that is no file here: the routine of that name"
like "$(out)" '^Post-run calf care \(.*/routines/post-run-calf-care\.yaml\)$' "and its plan is printed"
run --plan nosuch.yaml --routine-dir r1
is "$(err)" "recoup: nosuch.yaml: cannot open: No such file or directory" "NAME.yaml of no routine: the file is not there"
run --plan cli-broken --routine-dir r1
is "$rc" 1 "--plan of a broken routine: exit status 1"
is "$(err)" "recoup: r1/cli-broken.yaml:3:11: unknown step type \`nap\`; use note, ice, massage, reps, timer or rate" \
	"--plan of a broken routine: its error"
is "$(out)" "" "--plan of a broken routine: nothing on stdout"

# a name that starts with a dash goes after -- (as recoup(1) says, and as
# the completions offer it)
mkdir -p "$T/dash"
cp "$top_srcdir/routines/spot-massage.yaml" "$T/dash/-rf.yaml"
run --routine-dir "$T/dash" --plan -- -rf
is "$rc:$(out | head -n 1)" "0:Spot massage ($T/dash/-rf.yaml)" "--plan -- -rf: the routine -rf"

# a --routine-dir that is not there is named, and the search goes on
run --list --routine-dir "$T/nosuch" --routine-dir r1
is "$rc" 0 "--routine-dir that is not there: exit status unchanged"
is "$(err)" "recoup: --routine-dir $T/nosuch: No such file or directory" \
	"--routine-dir that is not there: a warning names it"
like "$(out)" '^cli-ice ' "--routine-dir that is not there: the other dirs are still searched"
run --plan cli-ice --routine-dir r1/cli-notes.txt --routine-dir r1
is "$(err)" "recoup: --routine-dir r1/cli-notes.txt: Not a directory" \
	"--routine-dir that is a file: a warning names it"
is "$rc" 0 "--routine-dir that is a file: exit status unchanged"

# --- --plan against saved timelines (the first line names the path as given) ---
cd "$top_srcdir/tests" || exit 1
for name in product-example mixed; do
	file=good/$name.yaml
	run --plan "$file"
	is "$rc" 0 "--plan $file: exit status 0"
	same_file "$T/out" "expected/plan-$name.txt" "--plan $file: the whole timeline"
	is "$(err)" "" "--plan $file: nothing on stderr"
done

done_testing
