#!/bin/sh
# The history view (h in the picker) over a hand-written log: session
# counts per routine over their calendars, reps per exercise and side,
# ratings; practice sessions left out; scrolling.  The picker's "last"
# column too.
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
# the log is read after the list is drawn: the dates come a moment later
wait_screen '^ UI session +3 steps +10:12 +last: 2026-03-04'
ok $? "the picker shows when a routine was last done"
like "$(screen)" "^ UI ice +(streak 1|1d) +2 steps +10:03 +last: today ($hm|[0-9][0-9]:[0-9][0-9])" \
	"today's session as 'today HH:MM', a streak of one day"

keys h
wait_screen 'recoup: history, 4 sessions'
ok $? "h opens the history: 4 sessions (the practice one left out)"
s=$(screen)
like "$s" '^ Sessions done, by day *$' "a calendar section"
like "$s" '^ UI session +UI ice *$' "a calendar per routine, side by side"
like "$s" '^  2 sessions, 1 completed +2 sessions, 2 completed *$' \
	"UI session: 2 sessions, 1 completed; UI ice: 2, 2 (no schedule)"
like "$s" "^   ( [0-9]{2}){11} $week +( [0-9]{2}){11} $week *\$" \
	"twelve weeks each (the first session is older), this one last (W$week)"
dow=$(date -u +%a | cut -c1-2)
like "$s" "^ $dow +\\[ \\] +$dow +\\[█\\] *\$" "today marked: done for UI ice, nothing for UI session"
like "$s" '^ Heel raise *$' "Heel raise's chart"
like "$s" '^  L reps +4 *$' "the left side: last 4 (no marks: its weeks are past)"
like "$s" '^  R reps +5 *$' "the right side: last 5"
like "$s" '^ Calf tightness *$' "the rating's chart"
like "$s" '^  ▅▃ 3 *$' "a mark a session, 6 then 3, last 3"
ok "$(! printf '%s\n' "$s" | grep -q 'Practice only'; echo $?)" "nothing from the practice session"
like "$s" 'Up/Down scroll +q or h back' "the key help"

# the view drawn at ROWS rows: its key help on the last row, where no
# frame of another size has it (tmux cuts or pads the old one at once)
_sized() { screen | sed -n "${1}p" | grep -q 'Up/Down scroll' && _drawn; }
# at 80x24 it all fits: nothing to scroll.  The help, asked after the
# Down, shows once the Down was read; its way back redraws the view.
keys Down '?'
wait_screen 'recoup: keys'
keys x
wait_screen 'recoup: history, 4 sessions'
like "$(screen | sed -n 2p)" '^ Sessions done' "what fits is not scrolled"
# smaller, it scrolls, but never past its last line
tm resize-window -t t -x 80 -y 10
_poll 10 _sized 10
ok $? "at 80x10: drawn at the new size" || show_screen
keys Down Down Down Down
wait_gone '^ Sessions done'
ok $? "Down scrolls"
# the help and back keep where the view was scrolled to (what the check
# at 80x24 above relies on)
keys '?'
wait_screen 'recoup: keys'
keys x
wait_screen 'recoup: history, 4 sessions'
ok "$(! screen | grep -Eq '^ Sessions done'; echo $?)" "the help and back: still scrolled"
keys Up Up Up Up
wait_screen '^ Sessions done'
ok $? "Up scrolls back"
i=0
while [ "$i" -lt 30 ]; do keys Down; i=$((i + 1)); done
_last_at_bottom() { screen | sed -n 9p | grep -Eq '^  ▅▃ 3 *$'; }
_poll 10 _last_at_bottom
ok $? "30 times Down: the last line at the bottom, not a blank page" || show_screen
keys Up
_poll 10 eval 'screen | sed -n 9p | grep -Eq "^ Calf tightness *\$"'
ok $? "and one Up scrolls back at once" || show_screen
tm resize-window -t t -x 80 -y 24
_poll 10 _sized 24 && wait_screen '^ Sessions done'
ok $? "back at 80x24 it all shows again"

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
like "$(screen)" '^   no sessions logged yet *$' "--no-log: no sessions logged yet"
ok "$(! screen | grep -q ' 00 '; echo $?)" "--no-log: no week is numbered 00"
keys q
wait_screen 'recoup: pick a routine'
keys q
wait_exit
is "$(wc -l <"$LOG" | tr -d ' ')" 24 "--no-log: the log is not touched"

# one session: "1 session"; only practice ones: the words of --history
sed -n '17,19p' "$top_srcdir/tests/fixtures-ui/sessions.log" >"$T/one.log"
tm_start -e "$RECOUP" --log "$T/one.log" --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
keys h
wait_screen 'recoup: history, 1 session *$'
ok $? "one session: 'history, 1 session'"
like "$(screen)" '^  1 session, 1 completed *$' "one session of a routine: '1 session', not '1 sessions'"
keys q q
wait_exit

sed -n '20,22p' "$top_srcdir/tests/fixtures-ui/sessions.log" >"$T/practice.log"
cli=$("$RECOUP" --log "$T/practice.log" --history)
tm_start -e "$RECOUP" --log "$T/practice.log" --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
keys h
wait_screen 'recoup: history, 0 sessions'
s=$(screen)
why=$(printf '%s\n' "$cli" | head -n 1 | sed "s| in $T/practice.log||")
like "$why" '^no sessions but practice ones$' "--history: no sessions but practice ones"
like "$s" "^   $why\$" "the history view says the same, not 'no sessions logged yet'"
like "$s" '^   1 practice session left out \(recoup --history --practice shows it\)' \
	"and how to see it"
keys q q
wait_exit

done_testing
