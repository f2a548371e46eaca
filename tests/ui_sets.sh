#!/bin/sh
# Sets on the dashboard: presses just after a self-paced set ends by itself
# are dropped (they must not pause the next part or dismiss the end), and
# the key labelled "skip" at "how many?" skips the set.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

SETS="$top_srcdir/tests/fixtures-ui/sets/ui-sets.yaml"

tm_start "$SETS"
wait_screen 'space rep'
ok $? "a self-paced set: space counts reps"
# the third press ends the set; the fourth comes in the same instant
keys Space Space Space Space
wait_log ' set n=1 name="Heel raise" .* reps=3 '
ok $? "three presses: the set of 3"
wait_screen 'GET READY'
ok $? "then the next part's lead-in"
sleep 1.2
like "$(screen)" 'GET READY|TIMER' "the fourth press did not pause it"
ok "$(! grep -q ' pause ' "$LOG"; echo $?)" "no pause in the log"

keys n
wait_screen 'TIMER'
keys n
wait_log ' skip n=2 name=Hold what=timer '
ok $? "n skips the timer"

wait_screen 'rep 2 of 20'
ok $? "the tempo set counts"
keys n
wait_screen 'HOW MANY\?'
ok $? "n in a tempo set: how many?"
like "$(screen)" 'n skip' "the key help labels n: skip"
like "$(body_joined)" 'Enter alone: [0-9]+; n skips the set\)' "and the prompt says what n does"
keys n
wait_log ' skip n=3 name=Drive what=set '
ok $? "n at the question: skip what=set"
like "$(grep ' skip n=3 ' "$LOG")" ' what=set set=1 sets=1 reps=[1-9][0-9]* planned=80 elapsed=[0-9.]+$' \
	"with the count so far, planned and elapsed"
ok "$(! grep -q ' set n=3 ' "$LOG"; echo $?)" "and no set line"

wait_screen 'space rep'
# the last set ends the routine; an Enter just after must not dismiss
# the end (Enter leaves it, but only after the guard time)
keys Space Space Enter
wait_log ' end status=complete'
ok $? "the last set ends the routine"
wait_screen 'Session complete'
sleep 1.2
like "$(screen)" 'Session complete' "the Enter just after did not dismiss the end"
ok "$(! _exited; echo $?)" "recoup still runs"
keys Enter
wait_exit
ok $? "an Enter after the guard time quits"
is "$(exit_status)" 0 "exit 0"

done_testing
