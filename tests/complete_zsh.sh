#!/bin/sh
# The zsh completion (src/recoup.zsh-completion, installed as _recoup),
# loaded by compinit from $fpath in a real interactive zsh: a line is typed
# into it on a pseudo-terminal (zsh's zpty module), then Tab.  Each match
# the completion adds is printed as it is added (compadd wrapped), and the
# line as Tab left it.  Skipped when zsh is not installed.
. "$top_srcdir/tests/lib.sh"

command -v zsh >/dev/null 2>&1 || skip_all "zsh is not installed (Debian: zsh)"
zsh -fc 'zmodload zsh/zpty' 2>/dev/null || skip_all "zsh has no zpty module"
. "$top_srcdir/tests/complete_lib.sh"

mkdir -p "$T/zfunc"
cp "$S/recoup.zsh-completion" "$T/zfunc/_recoup"
cat >"$T/harness.zsh" <<'HARNESS'
# harness.zsh FPATH-DIR LINE: LINE then Tab in an interactive zsh; prints
# "<m>MATCH" for every match added and "<b>BUFFER" after the Tab.  The
# markers are written split in the commands typed, so that the echo of
# those is never taken for output.
zmodload zsh/zpty || exit 3
TERM=dumb zpty z zsh -f -i
zpty -w z "unsetopt prompt_sp prompt_cr; PS1= RPS1=; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd() { if (( ${@[(I)-[ODA]*]} )); then builtin compadd "$@"; return; fi; local -a m; builtin compadd -O m "$@"; (( $#m )) && print -rl -- "<""m>"${^m}; builtin compadd "$@"; }'
zpty -w z 'zstyle ":completion:*" menu no; zstyle ":completion:*" list-prompt ""; setopt nobeep nolistambiguous'
zpty -w z 'show-buffer() { zle -I; print -r -- "<""b>$BUFFER"; print -r -- "<""end>"; }; zle -N show-buffer; bindkey "^X" show-buffer'
zpty -w z 'print "<""ready>"'
zpty -r -m z out '*<ready>*'
zpty -w -n z "$2"$'\t\x18'
zpty -r -m z out '*<end>*'
zpty -d z
print -r -- "$out" | tr -d '\r'
HARNESS

# tab LINE: LINE<Tab>; the matches offered in $got (sorted, one a line),
# the line after the Tab in $buffer, all that zsh wrote in $T/tab.raw; zsh
# runs in $T/cwd
tab() {
	(cd "$T/cwd" && timeout 20 zsh -f "$T/harness.zsh" "$T/zfunc" "$1") >"$T/tab.raw" 2>&1
	grep -ao '<[mb]>.*' "$T/tab.raw" >"$T/tab.out"
	buffer=$(sed -n 's/^<b>//p' "$T/tab.out")
	got=$(sed -n 's/^<m>//p' "$T/tab.out" | LC_ALL=C sort -u)
}

# the options, each with what it does
tab 'recoup --ex'
is "$got" "--export" "zsh: --ex completes to --export"
is "$buffer" "recoup --export=" "zsh: --export is put on the line, ready for its value"
tab 'recoup -'
is "$(missing_options "$got")" "" "zsh: every option of recoup --help is offered"
tab 'recoup --pl'
is "$got" "--plain
--plan" "zsh: --pl gives --plain and --plan"
# what each does, in the list that Tab shows for more than one match
like "$(cat "$T/tab.raw")" '--plain +-- a line-by-line session without curses' \
	"zsh: the options are listed with what they do"
tab 'recoup --sch'
is "$got" "--schema" "zsh: --schema is offered"
tab 'recoup --ne'
is "$got" "--new" "zsh: --new is offered"

# routine names from recoup --list, with those that need quoting
tab 'recoup '
is "$got" "$names" "zsh: ROUTINE offers every name of recoup --list"
like "$(cat "$T/tab.raw")" '-- Twice the spots' \
	"zsh: routine names are listed with their titles"
tab 'recoup my'
is "$buffer" 'recoup my\ calf ' "zsh: a name with a space completes, quoted"
tab 'recoup it'
is "$buffer" "recoup it\\'s:\\ 2x " "zsh: a name with a quote and a colon completes, quoted"
tab 'recoup back'
is "$buffer" 'recoup back\\slash ' "zsh: a name with a backslash completes, quoted, the backslash kept"
# names that --list shows escaped: not offered as that text
tab 'recoup tab'
is "$got" "" "zsh: a name with a tab is not offered as the escaped text --list shows"
tab 'recoup new'
is "$got" "" "zsh: nor one with a newline"
tab 'recoup lit'
is "$buffer" 'recoup lit\\tname ' "zsh: a name whose text is a backslash and a t is"
# a name that starts with a dash (-rf): never alone, where getopt would
# take it for options; after -- and as --routine's NAME, where it is one
tab 'recoup -'
is "$(printf '%s\n' "$got" | grep -c -- '^-rf')" 0 "zsh: a name that starts with a dash is not offered with the options"
tab 'recoup -- -'
is "$buffer" 'recoup -- -rf ' "zsh: after --, it is"
tab 'recoup --plan -- '
is "$got" "$(printf '%s\n-rf\n' "$names" | LC_ALL=C sort)" "zsh: --plan -- offers every name, those with a dash too"
tab 'recoup --history --routine -'
is "$buffer" 'recoup --history --routine -rf ' "zsh: --routine NAME offers it"
tab 'recoup --history --routine=-'
is "$buffer" 'recoup --history --routine=-rf ' "zsh: and --routine=NAME"
tab 'recoup --plan --speed 5 al'
is "$got" "alfredson-heel-drops" \
	"zsh: --plan ROUTINE after other options"
tab 'recoup --history --routine my'
is "$got" "my calf" "zsh: --routine NAME offers routine names"
tab "recoup --routine-dir $top_srcdir/tests/fixtures-config --plain cfg-"
is "$got" "cfg-holds
cfg-timer" "zsh: names from a --routine-dir on the line"
tab "recoup --routine-dir=$top_srcdir/tests/fixtures-config cfg-t"
is "$got" "cfg-timer" \
	"zsh: names from --routine-dir=DIR"
# --routine-dir and --config as typed, quoted or escaped, dequoted without
# running anything
tab "recoup --routine-dir $T/sp\\ dir in-"
is "$got" "in-sp-dir" "zsh: names from --routine-dir DIR\\ WITH\\ SPACES"
tab "recoup --routine-dir '$D1' in-"
is "$got" "in-sp-dir" "zsh: names from --routine-dir 'DIR'"
tab "recoup --routine-dir=\"$D1\" in-"
is "$got" "in-sp-dir" "zsh: names from --routine-dir=\"DIR\""
tab "recoup --config '$cfg' in-"
is "$got" "in-sp-dir" "zsh: names from --config 'FILE'"
tab "recoup --routine-dir '$D2' in-"
is "$got:$(ls "$T/cwd")" "in-dollar-dir:" "zsh: --routine-dir '\$(touch pwned)': its names, and nothing run"
tab "recoup --routine-dir \"$D2\" in-"
is "$(ls "$T/cwd")" "" "zsh: --routine-dir \"\$(touch pwned)\": nothing run"

# files and values
tab "recoup --check $T/dir/"
is "$got" "a.yaml
c.yml
sub" "zsh: --check offers YAML files (and directories), not other files"
tab "recoup --check $T/dir/a.yaml $T/dir/"
is "$got" "a.yaml
c.yml
sub" "zsh: --check FILE... offers more files"
tab "recoup $T/dir/"
is "$got" "a.yaml
c.yml
sub" "zsh: ROUTINE as a path offers YAML files"
tab "recoup --log $T/dir/"
is "$got" "a.yaml
b.txt
c.yml
sub" "zsh: --log offers any file"
tab "recoup --routine-dir $T/dir/"
is "$got" "sub" "zsh: --routine-dir offers directories only"
tab 'recoup --export '
is "$got" "csv
json" "zsh: --export offers csv and json"
tab 'recoup --list '
is "$got" "" "zsh: nothing after --list"
tab 'recoup --new '
is "$got" "" "zsh: nothing for the NAME of --new"
tab 'recoup --speed '
is "$got" "" "zsh: nothing for the N of --speed"

done_testing
