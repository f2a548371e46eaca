#!/bin/sh
# The history view (h in the picker) over a hand-written log: session
# counts per routine, the week calendar, reps per exercise and side,
# ratings; practice sessions left out.  The picker's "last" column too.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

cp "$top_srcdir/tests/fixtures-ui/sessions.log" "$LOG"
chmod u+w "$LOG"
# and one session today, for the calendar's last week
now=$(date -u +%Y-%m-%dT%H:%M:%S)
hm=$(date -u +%H:%M)
week=$(date -u +%V)
cat >>"$LOG" <<EOF
$now.000+00:00 7a7a7a start routine="UI ice" id=ui-ice file="/home/u/routines/ui-ice.yaml" planned=603 steps=2 format=1
$now.500+00:00 7a7a7a end status=complete elapsed=603
EOF

tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
ok $? "the picker opens"
s=$(screen)
like "$s" '^ UI session +3 steps +10:12 +last: 2026-03-04' "the picker shows when a routine was last done"
like "$s" "^ UI ice +2 steps +10:03 +last: today ($hm|[0-9][0-9]:[0-9][0-9])" "today's session as 'today HH:MM'"

keys h
wait_screen 'recoup: history, 4 sessions'
ok $? "h opens the history: 4 sessions (the practice one left out)"
s=$(screen)
like "$s" '^ Routines' "a routines section"
like "$s" '^   UI session +2 sessions, 1 completed' "UI session: 2 sessions, 1 completed"
like "$s" '^   UI ice +2 sessions, 2 completed' "UI ice: 2 sessions, 2 completed"
like "$s" "^ Sessions per week \\(last 12 weeks\\)" "the week calendar"
like "$s" "W$week *\$" "its last column is this week (W$week)"
like "$s" '^ ( +0){11} +1 *$' "one session this week, none in the eleven before"
like "$s" '^   Heel raise +left +last 4 reps, best 5' "Heel raise on the left: last 4, best 5"
like "$s" '^   Heel raise +right +last 5 reps, best 5' "Heel raise on the right"
like "$s" '^   Calf tightness +last 3' "the rating, last value 3"
ok "$(! printf '%s\n' "$s" | grep -q 'Practice only'; echo $?)" "nothing from the practice session"
like "$s" 'Up/Down scroll +q or h back' "the key help"

keys Down Down Down Down
wait_gone '^ Sessions per week'
ok $? "Down scrolls"
keys Up Up Up Up
wait_screen '^ Sessions per week'
ok $? "Up scrolls back"

keys '?'
wait_screen 'recoup: keys'
ok $? "? shows the help from the history"
keys x
wait_screen 'recoup: history, 4 sessions'
ok $? "any key: back to the history"
keys h
wait_screen 'recoup: pick a routine'
ok $? "h goes back to the picker"
keys q
wait_exit
ok $? "q quits"
is "$(exit_status)" 0 "exit status 0"
is "$(wc -l <"$LOG" | tr -d ' ')" 24 "the log is only read"

# under --no-log there is no log to read, but the weeks keep their labels
tm_start --no-log --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
keys h
wait_screen 'recoup: history, 0 sessions'
ok $? "--no-log: h opens the history, with no sessions"
like "$(screen)" "W$week *\$" "--no-log: the calendar's last column is still this week (W$week)"
ok "$(! screen | grep -q 'W00'; echo $?)" "--no-log: no week is labelled W00"
keys q
wait_screen 'recoup: pick a routine'
keys q
wait_exit
is "$(wc -l <"$LOG" | tr -d ' ')" 24 "--no-log: the log is not touched"

done_testing
