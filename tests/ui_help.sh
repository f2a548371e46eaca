#!/bin/sh
# The help screen (?) over a running session pauses nothing and hides none
# of its progress: its last row keeps what is under way and the time left,
# which goes down while the keys are shown, and follows the session into
# the next part.  Over a paused session the help says it is paused, and
# over one that ended under it that it is over.  Time
# comes from --speed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

# secs M:SS -> seconds
secs() { echo "$1" | awk -F: '{ print $1 * 60 + $2 }'; }
# the time on the help screen's last row, as M:SS
line_time() { screen | tail -n 1 | sed -n 's/.*, \([0-9]*:[0-9][0-9]\) left.*/\1/p'; }
_time_below() { _t=$(line_time); [ -n "$_t" ] && [ "$(secs "$_t")" -lt "$1" ]; }

tm_start --speed 4 --routine-dir "$top_srcdir/tests/fixtures-ui/help" ui-help
wait_screen 'LEFT  TIMER'
ok $? "the session runs: the left side's timer"
keys '?'
wait_screen 'recoup: keys'
ok $? "? shows the keys over the session"
like "$(screen | tail -n 1)" '^ Under way: LEFT  TIMER, 0:[0-9][0-9] left \(Wall stretch\) *$' \
	"the last row says what is under way and the time left"
like "$(joined)" 'Any key to go back\. The session goes on meanwhile\.' "the help says the session goes on"
# each second of the countdown (a quarter of a real one at --speed 4)
# reaches the line: three in a row, each within a generous 10 s (a poll
# that ends as soon as it does)
seen=$(line_time)
for k in 1 2 3; do
	t=$(line_time)
	_poll 10 _time_below "$(secs "$t")" || break
	seen="$seen $(line_time)"
done
like "$seen" '^0:[0-9]+( 0:[0-9]+){3}$' "the time left goes down while the keys are shown: $seen" ||
	show_screen
like "$(screen | sed -n 1p)" 'recoup: keys' "still the help screen"
like "$(screen)" 'pause / resume' "still the keys"

# the part changes under the help: its line follows
wait_screen '^ Under way: RIGHT  TIMER, 0:[0-9][0-9] left \(Wall stretch\)' 20
ok $? "the right side's timer follows, under the help"
like "$(screen | sed -n 1p)" 'recoup: keys' "the help stays until a key"
ok "$(! grep -q ' pause ' "$LOG"; echo $?)" "nothing paused: no pause line in the log"

keys x
# the help's last row says RIGHT  TIMER too: wait for the help to go
wait_gone 'recoup: keys' && wait_screen 'RIGHT  TIMER'
ok $? "any key goes back to the session, still counting"
keys '?'
wait_screen '^ Under way: RATE 0-10, waiting for you \(Calf tightness\)' 20
ok $? "a rating under the help: waiting for you"
keys x
wait_screen 'Type 0 to 10'
ok $? "back at the rating"
keys q
wait_screen 'Quit this session\?'
keys y
wait_screen 'Session ended early'
ok $? "quit: the summary"
keys Enter
wait_exit
is "$(exit_status)" 0 "quit: exit status 0"

# paused, the help says so, not that the session goes on
tm_start --speed 4 --routine-dir "$top_srcdir/tests/fixtures-ui/help" ui-help
wait_screen 'LEFT  TIMER'
keys Space
wait_screen 'PAUSED'
ok $? "space pauses the session"
keys '?'
wait_screen 'recoup: keys'
ok $? "? over the paused session"
like "$(joined)" 'Any key to go back\. The session is paused\.' "paused: the help says the session is paused"
ok "$(! joined | grep -q 'goes on meanwhile'; echo $?)" "paused: not that it goes on"
like "$(screen | tail -n 1)" '^ Under way: PAUSED, 0:[0-9][0-9] left \(Wall stretch\) *$' \
	"paused: the last row agrees"
keys x
# the help's last row says PAUSED too: wait for the help to go, then
# for the session's PAUSED
wait_gone 'recoup: keys' && wait_screen 'PAUSED'
ok $? "any key: back to the session, still paused"
keys Space
wait_screen 'LEFT  TIMER'
keys '?'
wait_screen 'The session goes on meanwhile\.'
ok $? "resumed on its screen: the help says the session goes on again"
keys x q
wait_screen 'Quit this session\?'
keys y
wait_screen 'Session ended early'
keys Enter
wait_exit
is "$(exit_status)" 0 "paused session quit: exit status 0"

# a session that ends under the help: the note follows
printf 'name: Short\nsteps:\n  - {type: timer, name: Wall stretch, duration: 8s}\n' >"$T/short.yaml"
tm_start --speed 4 "$T/short.yaml"
wait_screen 'TIMER'
keys '?'
wait_screen 'The session goes on meanwhile\.'
ok $? "short session: the help over it"
wait_screen 'Any key to go back\.  The session is over\.' 20
ok $? "it ends under the help: the note says it is over"
like "$(screen | tail -n 1)" '^ The session is over: any key to see it *$' "the last row agrees"
ok "$(! screen | grep -q 'goes on meanwhile'; echo $?)" "nothing left of the note before"
keys x
wait_screen 'Session complete'
keys Enter
wait_exit
is "$(exit_status)" 0 "short session: exit status 0"

# the picker's help has no session line
tm_start --routine-dir "$top_srcdir/tests/fixtures-ui/help"
wait_screen 'recoup: pick a routine'
keys '?'
wait_screen 'recoup: keys'
ok $? "? in the picker"
ok "$(! screen | grep -q 'Under way'; echo $?)" "no session line without a session"
like "$(joined)" 'Any key to go back\. recoup is a timer' "nor a session going on"
keys x q
wait_exit
is "$(exit_status)" 0 "the picker quits, status 0"

done_testing
