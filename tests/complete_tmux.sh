#!/bin/sh
# Completion at a real prompt: bash, zsh and fish each started interactive
# in a private tmux server (tests/tmux.sh) with recoup's completion loaded
# as the shell loads it, keys typed, Tab pressed, and the screen read: the
# line as the completion left it, and what it listed.  A shell that is not
# installed is skipped.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
. "$top_srcdir/tests/complete_lib.sh"

# at_prompt SHELL DESCRIPTION: the shell's prompt ("$ ") is on the screen
# (the screen as read has no trailing spaces)
at_prompt() {
	wait_screen '^\$$' 20
	ok $? "$1: $2"
}
# tab_line SHELL TEXT WANT DESCRIPTION: TEXT, Tab: the prompt's line then
# shows WANT (an ERE); the line is cleared afterwards
tab_line() {
	keys -l "$2"
	keys Tab
	wait_screen "^\\\$ $3\$" 20
	ok $? "$1: $4"
	keys C-u
	wait_screen '^\$$' 20 >/dev/null
}

# a routine whose id is beyond ASCII (recoup --new "Übung für Waden"
# writes übung-für-waden.yaml); the shells run in a UTF-8 locale
cp "$top_srcdir/routines/spot-massage.yaml" "$R/übung-für-waden.yaml"
U8='env LC_ALL=C.UTF-8'

# ---- bash: the completion sourced, as bash-completion would ----------------
if command -v bash >/dev/null 2>&1; then
	# one Tab lists what is ambiguous (no timing between two Tabs)
	printf '%s\n' "PS1='\$ '" "bind 'set show-all-if-ambiguous on'" \
		". '$S/recoup.bash-completion'" >"$T/bashrc"
	tm_start -e $U8 bash --noprofile --rcfile "$T/bashrc" -i
	at_prompt bash "an interactive bash with the completion"
	tab_line bash 'recoup my' 'recoup my\\ calf' "a routine name with a space goes on the line quoted"
	tab_line bash 'recoup --sche' 'recoup --schema' "an option completes"
	tab_line bash 'recoup üb' 'recoup übung-für-waden ?' "a name beyond ASCII completes, as it is"
	tab_line bash 'recoup "my c' 'recoup "my calf" ?' "in an open quote the name goes in as it is, and bash closes the quote"
	tab_line bash "recoup --plan 'my" "recoup --plan 'my calf' ?" "and after --plan in ' quotes"
	tab_line bash "recoup --routine-dir '$D1' in-" "recoup --routine-dir '$D1' in-sp-dir" \
		"a name from a --routine-dir given in quotes"
	keys -l 'recoup --pl'
	keys Tab
	wait_screen '^--plain +--plan' 20
	ok $? "bash: Tab lists --plain and --plan"
	keys C-u
else
	skip "no bash" "bash: prompt" "bash: a name with a space" "bash: an option" \
		"bash: in an open quote" "bash: in an open quote after --plan" "bash: beyond ASCII" "bash: a quoted dir" \
		"bash: Tab lists"
fi

# ---- zsh: _recoup found on $fpath by compinit -------------------------------
if command -v zsh >/dev/null 2>&1; then
	mkdir -p "$T/zdot" "$T/zfunc"
	cp "$S/recoup.zsh-completion" "$T/zfunc/_recoup"
	printf '%s\n' "PS1='\$ '" "fpath=('$T/zfunc' \$fpath)" "autoload -Uz compinit" "compinit -u -D" \
		>"$T/zdot/.zshrc"
	tm_start -e $U8 ZDOTDIR="$T/zdot" zsh -i
	at_prompt zsh "an interactive zsh with the completion"
	tab_line zsh 'recoup my' 'recoup my\\ calf' "a routine name with a space goes on the line quoted"
	tab_line zsh 'recoup --sche' 'recoup --schema' "an option completes"
	tab_line zsh 'recoup üb' 'recoup übung-für-waden ?' "a name beyond ASCII completes, as it is"
	keys -l 'recoup --pla'
	keys Tab
	wait_screen '^--plain +-- a line-by-line session without curses' 20
	ok $? "zsh: Tab lists the options with what they do"
	keys C-u
else
	skip "no zsh" "zsh: prompt" "zsh: a name with a space" "zsh: an option" "zsh: beyond ASCII" "zsh: Tab lists"
fi

# ---- fish: recoup.fish found on $fish_complete_path --------------------------
if command -v fish >/dev/null 2>&1; then
	mkdir -p "$T/fishc"
	cp "$S/recoup.fish" "$T/fishc/recoup.fish"
	tm_start -e $U8 fish --no-config -i -C "set -p fish_complete_path '$T/fishc'; function fish_prompt; echo -n '\$ '; end; function fish_greeting; end"
	at_prompt fish "an interactive fish with the completion"
	tab_line fish 'recoup my' 'recoup my\\ calf' "a routine name with a space goes on the line quoted"
	tab_line fish 'recoup --sche' 'recoup --schema' "an option completes"
	tab_line fish 'recoup üb' 'recoup übung-für-waden ?' "a name beyond ASCII completes, as it is"
	keys -l 'recoup --pla'
	keys Tab
	wait_screen 'plain +\(A line-by-line session without curses\)' 20
	ok $? "fish: Tab lists the options with what they do"
	keys C-u
else
	skip "no fish" "fish: prompt" "fish: a name with a space" "fish: an option" "fish: beyond ASCII" "fish: Tab lists"
fi

done_testing
