#!/bin/sh
# The bash completion (src/recoup.bash-completion), sourced in bash and
# called as bash calls it on Tab: COMP_WORDS and COMP_CWORD set, _recoup
# run, COMPREPLY being what goes on the line (its words as bash would
# insert them).  tests/install.sh has more of it; here, what the zsh and
# fish completions are held to as well.  Skipped when bash is not installed.
. "$top_srcdir/tests/lib.sh"

command -v bash >/dev/null 2>&1 || skip_all "bash is not installed"
. "$top_srcdir/tests/complete_lib.sh"

# tab WORD...: the words on the line, the last being completed; what the
# completion offers in $got (sorted, one a line)
tab() {
	got=$(cd "$T/cwd" && bash -c '
		. "$0"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_recoup
		((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"' \
		"$S/recoup.bash-completion" "$@" 2>&1 | LC_ALL=C sort -u)
}

tab recoup -
is "$(missing_options "$got")" "" "bash: every option of recoup --help is offered"
tab recoup --sch
is "$got" "--schema" "bash: --schema is offered"
tab recoup --ne
is "$got" "--new" "bash: --new is offered"

# routine names, quoted as they go on the line
tab recoup ""
is "$got" "$(printf '%s\n' "$shipped" 'back\\slash' 'half\ done' 'ice\ in\ the\ evening\ after\ the\ long\ run' \
	'it\'"'"'s:\ 2x' 'lit\\tname' 'my\ calf' | LC_ALL=C sort)" \
	"bash: ROUTINE offers every name of recoup --list, quoted"
tab recoup my
is "$got" 'my\ calf' "bash: a name with a space completes, quoted"
tab recoup 'my\ c'
is "$got" 'my\ calf' "bash: and when its space is typed"
tab recoup --plan it
is "$got" 'it\'"'"'s:\ 2x' "bash: a name with a quote and a colon completes, quoted"
tab recoup --history --routine my
is "$got" 'my\ calf' "bash: --routine NAME offers routine names"
tab recoup back
is "$got" 'back\\slash' "bash: a name with a backslash completes, quoted"
# inside a quote left open, bash puts the name after the quote and closes
# it: the name as it is, but for what that quote needs
tab recoup '"my c'
is "$got" 'my calf' "bash: in an open \" a name is offered unescaped"
tab recoup "'my c"
is "$got" 'my calf' "bash: in an open ' too"
tab recoup --plan '"ice in'
is "$got" 'ice in the evening after the long run' "bash: --plan \"NAME too"
tab recoup --history --routine "'my"
is "$got" 'my calf' "bash: --routine 'NAME too"
tab recoup '"it'
is "$got" "it's: 2x" "bash: a ' needs nothing in \"...\""
tab recoup "'it"
is "$got" "it'\\''s: 2x" "bash: in '...', a ' is closed, escaped and opened again"
tab recoup '"back'
is "$got" 'back\\slash' "bash: a backslash in \"...\" escaped"
tab recoup "'back"
is "$got" 'back\slash' "bash: and in '...' as it is"
# names that --list shows escaped: not offered as that text
tab recoup tab
is "$got" "" "bash: a name with a tab is not offered as the escaped text --list shows"
tab recoup new
is "$got" "" "bash: nor one with a newline"
tab recoup lit
is "$got" 'lit\\tname' "bash: a name whose text is a backslash and a t is"
# a name that starts with a dash (-rf): never alone, where getopt would
# take it for options; after -- and as --routine's NAME, where it is one
tab recoup -
is "$(printf '%s\n' "$got" | grep -c -- '^-rf')" 0 "bash: a name that starts with a dash is not offered with the options"
tab recoup -- -
is "$got" '-rf' "bash: after --, it is"
tab recoup --plan -- ""
is "$got" "$(printf '%s\n' "$shipped" '-rf' 'back\\slash' 'half\ done' 'ice\ in\ the\ evening\ after\ the\ long\ run' \
	'it\'"'"'s:\ 2x' 'lit\\tname' 'my\ calf' | LC_ALL=C sort)" "bash: --plan -- offers every name, those with a dash too"
tab recoup -- --
is "$got" "" "bash: after --, no option"
tab recoup --history --routine -
is "$got" '-rf' "bash: --routine NAME offers it"
tab recoup --history --routine=-
is "$got" '-rf' "bash: and --routine=NAME"

# ids beyond ASCII (recoup --new "Übung für Waden" writes
# übung-für-waden.yaml): offered as they are, in a UTF-8 locale
cp "$top_srcdir/routines/spot-massage.yaml" "$R/übung-für-waden.yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/日本語.yaml"
LC_ALL=C.UTF-8 tab recoup üb
is "$got" 'übung-für-waden' "bash: a non-ASCII id completes, as it is"
LC_ALL=C.UTF-8 tab recoup --plan 日
is "$got" '日本語' "bash: one in another script too"
rm -f "$R/übung-für-waden.yaml" "$R/日本語.yaml"

# files and values

# --routine-dir and --config as typed, quoted or escaped: bash hands the
# completion the words raw, to be dequoted without running anything
tab recoup --routine-dir "$T/sp\\ dir" in-
is "$got" "in-sp-dir" "bash: names from --routine-dir DIR\\ WITH\\ SPACES"
tab recoup --routine-dir "'$D1'" in-
is "$got" "in-sp-dir" "bash: names from --routine-dir 'DIR'"
tab recoup --routine-dir "\"$D1\"" in-
is "$got" "in-sp-dir" "bash: names from --routine-dir \"DIR\""
tab recoup --routine-dir "=" "'$D1'" in-
is "$got" "in-sp-dir" "bash: names from --routine-dir='DIR' (split at =)"
tab recoup "--routine-dir='$D1'" in-
is "$got" "in-sp-dir" "bash: names from --routine-dir='DIR' (one word)"
tab recoup --config "'$cfg'" in-
is "$got" "in-sp-dir" "bash: names from --config 'FILE'"
tab recoup --routine-dir "'$D2'" in-
is "$got:$(ls "$T/cwd")" "in-dollar-dir:" "bash: --routine-dir '\$(touch pwned)': its names, and nothing run"
tab recoup --routine-dir "$T/\\\$\\(touch\\ pwned\\)" in-
is "$got:$(ls "$T/cwd")" "in-dollar-dir:" "bash: --routine-dir \\\$\\(touch\\ pwned\\): the same"
tab recoup --routine-dir "\"$D2\"" in-
is "$(ls "$T/cwd")" "" "bash: --routine-dir \"\$(touch pwned)\": nothing run"

# files and values
tab recoup --check "$T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/c.yml
$T/dir/sub" "bash: --check offers YAML files (and directories), not other files"
tab recoup "$T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/c.yml
$T/dir/sub" "bash: ROUTINE as a path offers YAML files"
tab recoup --log "$T/dir/"
is "$got" "$T/dir/a.yaml
$T/dir/b.txt
$T/dir/c.yml
$T/dir/sub" "bash: --log offers any file"
tab recoup --new ""
is "$got" "" "bash: nothing for the NAME of --new"
tab recoup --new "Heel drops" ""
is "$got" "" "bash: nor after it"
tab recoup --schema ""
is "$got" "" "bash: nothing after --schema"

# the shells of these tests: installed by CI and by the README's set-up
# line, so that they run rather than skip
packages=$(sed -n 's/^packages="\(.*\)"$/\1/p' "$top_srcdir/.ci/run")
setup=$(grep -o 'apt-get install -y [^&]*' "$top_srcdir/README" | head -n 1)
missing=
for p in zsh fish; do
	printf ' %s \n' "$packages" | grep -q " $p " || missing="$missing .ci/run:$p"
	printf '%s \n' "$setup" | grep -q " $p " || missing="$missing README:$p"
done
is "$missing" "" "zsh and fish are installed by .ci/run and by the README's set-up line"

done_testing
