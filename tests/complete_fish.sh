#!/bin/sh
# The fish completion (src/recoup.fish, installed as recoup.fish in
# vendor_completions.d), loaded by fish itself from a directory of
# $fish_complete_path, as fish loads it on the first Tab: what `complete
# -C LINE` prints is what fish offers for LINE<Tab>, one "match<TAB>what
# it is" a line.  Skipped when fish is not installed.
. "$top_srcdir/tests/lib.sh"

command -v fish >/dev/null 2>&1 || skip_all "fish is not installed (Debian: fish)"
. "$top_srcdir/tests/complete_lib.sh"

mkdir -p "$T/fishc"
cp "$S/recoup.fish" "$T/fishc/recoup.fish"

# tab LINE: LINE<Tab>; the matches in $got (sorted, one a line), the
# matches with what they are in $T/tab.out; fish runs in $T/cwd
tab() {
	(cd "$T/cwd" && timeout 20 fish --no-config -c 'set -p fish_complete_path $argv[1]; complete -C $argv[2]' \
		"$T/fishc" "$1") >"$T/tab.out" 2>&1
	got=$(cut -f1 "$T/tab.out" | LC_ALL=C sort -u)
}

# the options, each with what it does
tab 'recoup --ex'
is "$got" "--export" "fish: --ex completes to --export"
tab 'recoup -'
is "$(missing_options "$got")" "" "fish: every option of recoup --help is offered"
tab 'recoup --pl'
is "$got" "--plain
--plan" "fish: --pl gives --plain and --plan"
like "$(cat "$T/tab.out")" '^--plain	A line-by-line session without curses$' \
	"fish: the options come with what they do"
tab 'recoup --sch'
is "$got" "--schema" "fish: --schema is offered"
tab 'recoup --ne'
is "$got" "--new" "fish: --new is offered"

# routine names from recoup --list, with those that need quoting
tab 'recoup '
is "$got" "$names" "fish: ROUTINE offers every name of recoup --list"
like "$(cat "$T/tab.out")" "^it's: 2x	Twice the spots\$" "fish: routine names come with their titles"
like "$(cat "$T/tab.out")" "^half done	\\(broken\\)\$" "fish: a routine with a mistake is offered, said to be broken"
tab 'recoup my'
is "$got" "my calf" "fish: a name with a space completes"
tab 'recoup "it'
is "$got" "it's: 2x" "fish: a name with a quote and a colon completes, inside quotes too"
tab 'recoup back'
is "$got" 'back\slash' "fish: a name with a backslash completes"
# names that --list shows escaped: not offered as that text
tab 'recoup tab'
is "$got" "" "fish: a name with a tab is not offered as the escaped text --list shows"
tab 'recoup new'
is "$got" "" "fish: nor one with a newline"
tab 'recoup lit'
is "$got" 'lit\tname' "fish: a name whose text is a backslash and a t is"
# a name that starts with a dash (-rf): never alone, where getopt would
# take it for options; after -- and as --routine's NAME, where it is one
tab 'recoup -'
is "$(printf '%s\n' "$got" | grep -c -- '^-rf')" 0 "fish: a name that starts with a dash is not offered with the options"
tab 'recoup -- -'
is "$got" '-rf' "fish: after --, it is"
tab 'recoup --plan -- '
is "$got" "$(printf '%s\n-rf\n' "$names" | LC_ALL=C sort)" "fish: --plan -- offers every name, those with a dash too"
tab 'recoup --history --routine -'
like "$got" '^-rf$' "fish: --routine NAME offers it"
tab 'recoup --history --routine=-'
is "$got" '--routine=-rf' "fish: and --routine=NAME"
tab 'recoup --plan --speed 5 al'
is "$got" "alfredson-heel-drops" "fish: --plan ROUTINE after other options"
tab 'recoup --history --routine my'
is "$got" "my calf" "fish: --routine NAME offers routine names"
tab "recoup --routine-dir $top_srcdir/tests/fixtures-config --plain cfg-"
is "$got" "cfg-holds
cfg-timer" "fish: names from a --routine-dir on the line"
tab "recoup --routine-dir=$top_srcdir/tests/fixtures-config cfg-t"
is "$got" "cfg-timer" "fish: names from --routine-dir=DIR"
# --routine-dir and --config as typed, quoted or escaped, dequoted without
# running anything
tab "recoup --routine-dir $T/sp\\ dir in-"
is "$got" "in-sp-dir" "fish: names from --routine-dir DIR\\ WITH\\ SPACES"
tab "recoup --routine-dir '$D1' in-"
is "$got" "in-sp-dir" "fish: names from --routine-dir 'DIR'"
tab "recoup --routine-dir=\"$D1\" in-"
is "$got" "in-sp-dir" "fish: names from --routine-dir=\"DIR\""
tab "recoup --config '$cfg' in-"
is "$got" "in-sp-dir" "fish: names from --config 'FILE'"
tab "recoup --routine-dir '$D2' in-"
is "$got:$(ls "$T/cwd")" "in-dollar-dir:" "fish: --routine-dir '\$(touch pwned)': its names, and nothing run"
tab "recoup --routine-dir \"$D2\" in-"
is "$(ls "$T/cwd")" "" "fish: --routine-dir \"\$(touch pwned)\": nothing run"

# files and values
tab "recoup --check $T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/c.yml
$T/dir/sub/" "fish: --check offers YAML files (and directories), not other files"
tab "recoup --check $T/dir/a.yaml $T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/c.yml
$T/dir/sub/" "fish: --check FILE... offers more files"
tab 'recoup --check ~/.config/recoup/routines/my'
is "$got" "~/.config/recoup/routines/my calf.yaml" "fish: --check takes a path from ~"
tab "recoup $T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/c.yml
$T/dir/sub/" "fish: ROUTINE as a path offers YAML files"
tab "recoup --log $T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/b.txt
$T/dir/c.yml
$T/dir/sub/" "fish: --log offers any file"
tab "recoup --routine-dir $T/dir/"
is "$got" "$T/dir/sub/" "fish: --routine-dir offers directories only"
tab 'recoup --export '
is "$got" "csv
json" "fish: --export offers csv and json"
tab 'recoup --export='
is "$got" "--export=csv
--export=json" "fish: and --export= too"
tab 'recoup --list '
is "$got" "" "fish: nothing after --list"
tab 'recoup --new '
is "$got" "" "fish: nothing for the NAME of --new"
tab 'recoup --speed '
is "$got" "" "fish: nothing for the N of --speed"

done_testing
