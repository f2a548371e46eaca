#!/bin/sh
# Quitting asks first: q then n goes on, q then y ends the session as quit.
# With keys remapped and confirm_quit off in the config, the screen and the
# help (?) name the keys the user set, and quitting is one key.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "the session runs"
wait_digits
ok $? "with a countdown"

# help_aligned: every description of the session keys starts in one column
help_aligned() {
	_cols=
	for _t in 'pause / resume' 'next: skip ahead' 'back: restart' 'add or take' \
		'a rating, or' 'quit'; do
		_cols="$_cols $(screen | sed -n '/During a session/,/^ *$/p' |
			awk -v t="$_t" 'index($0, "  " t) { print index($0, "  " t); exit }')"
	done
	echo "$_cols" | tr ' ' '\n' | sed '/^$/d' | sort -u | wc -l | tr -d ' '
}
keys '?'
wait_screen 'recoup: keys'
ok $? "? shows the keys in a session"
like "$(screen)" '^   q +quit \(asks first\)$' "help: q quits, asking first"
like "$(screen)" '^   \? +these keys$' "help: ? itself"
ok "$(! screen | grep -Eq 'In the list|edit it in|revert your copy|^ +h +history'; echo $?)" \
	"help over a session: the session's keys only, none of the list's (e, r, h)"
is "$(help_aligned)" 1 "help: the session keys' descriptions start in one column"
[ "$(help_aligned)" = 1 ] || show_screen
keys x
# the help's last row says LEFT  TIMER too: wait for the help to go
wait_gone 'recoup: keys' && wait_screen 'LEFT  TIMER'
ok $? "help: any key goes back to the session"

keys q
wait_screen 'Quit this session\? y to quit, n to go on'
ok $? "q asks first"
like "$(screen | tail -n 1)" '^ y quit +any other key goes on *$' "the key bar shows the question's keys"
ok "$(! screen | tail -n 1 | grep -Eq 'next|skip|pause'; echo $?)" "and none of the part's"
wait_log ' pause n=1 name="Wall stretch"$'
ok $? "the countdown waits for the answer: pause logged"
# the big words become PAUSED (rows digits() reads too) in a write of
# their own after the question: wait for it, else c1 is the frame before
_poll 10 eval '[ "$(big_words)" = PAUSED ]'
c1=$(digits)
sleep 1.2
is "$(digits)" "$c1" "the digits stand still while it asks"
keys n
wait_gone 'Quit this session'
ok $? "n answers no: the question goes away"
wait_log ' resume n=1 name="Wall stretch" paused=[0-9.]+$'
ok $? "n: resume logged"
# PAUSED gives way to the words again first: what changes after that is
# the countdown
_poll 10 eval '[ "$(big_words)" = "<LEFT TIMER" ]'
wait_digits_change "$(digits)"
ok $? "the countdown goes on"
like "$(screen)" 'LEFT  TIMER' "still on the same step"
ok "$(! grep -q ' end ' "$LOG"; echo $?)" "no end line in the log"

keys q
wait_screen 'Quit this session\?'
ok $? "q asks again"
keys y
wait_screen '^  Session ended early'
ok $? "y quits: the summary says the session ended early"
like "$(screen)" '^  Stopped in step 1 of 3: Wall stretch' "and how far it got"
like "$(screen | tail -n 1)" '^ q or Enter: quit *$' "the key help: q or Enter leaves"
keys q
wait_exit
ok $? "q leaves the summary"
is "$(exit_status)" 0 "a session quit on purpose exits 0"
like "$(last_log_line)" '^[^ ]+ [0-9a-f]+ end status=quit elapsed=[0-9.]+' "the log ends with end status=quit"
is "$(awk '{ print $3 }' "$LOG" | tail -n 4 | tr '\n' ' ')" "pause resume skip end " \
	"q y: the pause closed, the timer cut short, the end"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "the terminal is restored"
ok "$(! screen | grep -q 'complete'; echo $?)" "no claim that the session was complete"

mkdir -p "$XDG_CONFIG_HOME/recoup"
cat >"$XDG_CONFIG_HOME/recoup/recoup.conf" <<EOF
confirm_quit = false;
keys = { pause = "p"; next = "l"; quit = "x"; };
EOF
rm -f "$LOG"
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "config: the session runs"
like "$(screen | tail -n 1)" '^ p pause +l next +b back +\+/- 15s +x quit +\? help' \
	"config: the key help names the keys set in the config"
keys '?'
wait_screen 'recoup: keys'
ok $? "config: ? shows the keys"
like "$(screen)" '^   x +quit$' "config: help: x quits, with no question (confirm_quit = false)"
ok "$(! screen | grep -q 'asks first'; echo $?)" "config: help: nothing says quitting asks first"
like "$(screen)" '^   l or Right +next: ' "config: help: the next key set in the config"
ok "$(! screen | grep -q 'In the list'; echo $?)" "config: help over a session: no list keys"
is "$(help_aligned)" 1 "config: help: the descriptions still start in one column"
[ "$(help_aligned)" = 1 ] || show_screen
keys z
wait_gone 'recoup: keys' && wait_screen 'LEFT  TIMER'
ok $? "config: help: any key goes back"
keys Space
sleep 0.3
ok "$(! grep -q ' pause ' "$LOG"; echo $?)" "config: space no longer pauses"
keys p
wait_screen '(│|^) PAUSED'
ok $? "config: p pauses"
like "$(screen)" 'Paused: p to go on' "config: the prompt names p"
keys p
wait_log ' resume n=1 '
ok $? "config: p resumes"
keys l
wait_screen 'RIGHT  TIMER'
ok $? "config: l skips ahead"
keys l
wait_screen 'LEFT  REPS'
ok $? "config: to the self-paced reps"
like "$(screen)" 'p for each rep; l when the set is over' "config: the reps prompt names p and l"
like "$(screen | tail -n 1)" '^ p rep +l set done +b back +x quit' "config: so does the key help"
keys q
sleep 0.3
ok "$(! screen | grep -q 'Quit this session'; echo $?)" "config: q is not quit any more"
keys x
wait_screen '^  Session ended early'
ok $? "config: x quits at once, no question: the summary"
like "$(screen | tail -n 1)" '^ x, q or Enter: quit *$' "config: the summary's key help names x"
keys x
wait_exit
ok $? "config: x leaves the summary"
is "$(exit_status)" 0 "config: exit status 0"
like "$(last_log_line)" ' end status=quit ' "config: end status=quit"

done_testing
