#!/bin/sh
# --plain at a terminal: q asks first (as the dashboard does), and lines
# typed just after a self-paced set ends by itself are ignored, saying so.
# (Piped input, a script, gets neither: tests/plain.sh.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

SETS="$top_srcdir/tests/fixtures-ui/sets/ui-sets.yaml"

tm_start -e "$RECOUP" --plain --log "$LOG" "$SETS"
wait_screen '^\[0:0[0-9]\] set 1 of 1: 3 reps of Heel raise'
ok $? "--plain in a terminal: the first set, after its lead-in"
# the third r ends the set; the p typed with them is for the set, not the hold
keys r Enter r Enter r Enter p Enter
wait_screen "Ignored 'p': the set has just ended"
ok $? "p just after the set ended by itself: ignored, and said"
wait_log ' set n=1 name="Heel raise" .* reps=3 '
ok $? "the set of 3"
ok "$(! grep -q ' pause ' "$LOG"; echo $?)" "no pause"
wait_screen '\] Hold, 5:00'
ok $? "the hold runs"

keys q Enter
wait_screen 'Quit this session\? y to quit, n to go on'
ok $? "q asks first"
wait_log ' pause n=2 name=Hold$'
ok $? "the countdown waits for the answer"
keys n Enter
wait_screen 'Going on'
ok $? "n: going on"
wait_log ' resume n=2 name=Hold paused=[0-9.]+$'
ok $? "resumed"
keys q Enter
# the first question is still on the screen, line by line: wait for a second
_poll 10 eval '[ "$(screen | grep -c "Quit this session?")" -ge 2 ]'
keys y Enter
wait_exit
ok $? "q then y quits"
is "$(exit_status)" 0 "exit 0"
like "$(tail -n 1 "$LOG")" ' end status=quit ' "end status=quit"
is "$(awk '{ print $3 }' "$LOG" | tr '\n' ' ')" "start step set done step pause resume pause resume skip end " \
	"the log: each question's pause closed, the hold cut short"

done_testing
