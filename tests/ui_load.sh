#!/bin/sh
# Today's load on the dashboard: the set's title shows it, l and L move it
# by the step's load_step for the set and its side's later sets, a notice
# says so at once, the set line logs load=, the key help and the help
# screen name the keys.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

LOADF="$top_srcdir/tests/fixtures-engine/load.yaml"

tm_start --speed 10 "$LOADF"
wait_screen '^ *LEFT set 1 of 2: 3 reps \(5 kg\) of Heel drop'
ok $? "the set's title shows the load"
like "$(screen | tail -n 1)" 'l/L load' "the key help names l and L"
keys l
wait_screen 'Load 7\.5 kg for the rest of Heel drop, left side'
ok $? "l: up by 2.5 kg, said at once"
like "$(screen)" 'LEFT set 1 of 2: 3 reps \(7\.5 kg\)' "the title follows"
keys L L
wait_screen 'Load 2\.5 kg for the rest of Heel drop, left side'
ok $? "L twice: down by 2.5 kg each"
keys '?'
wait_screen 'l and L +load up, down a step'
ok $? "the help screen names the keys"
keys x
wait_screen 'LEFT set 1 of 2: 3 reps \(2\.5 kg\)'
ok $? "back on the set"
keys Space Space Space
wait_log ' set n=1 name="Heel drop" side=left set=1 .* load=2\.5 elapsed='
ok $? "the set line logs the load"
wait_screen '^ *RIGHT set 1 of 2: 3 reps \(5 kg\)'
ok $? "the right side keeps its own load"
keys q y
wait_screen 'Session ended early'
ok $? "q y quits"
keys q
wait_exit
like "$(grep ' skip n=1 ' "$LOG")" 'what=set side=right set=1 sets=2 load=5 elapsed=' \
	"the set cut off logs its load too"

done_testing
