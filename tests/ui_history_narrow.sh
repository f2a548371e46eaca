#!/bin/sh
# The history view (h in the picker) in a wide and a narrow window: each
# chart's last value (the reps, the load, a rating's value and its zone)
# always shows whole, beside its marks; charts sit side by side where
# they fit, one under the other where not; a rating's name is its chart's
# title and what it measures is on its row, unless the name says it (no
# "pain" row under "Calf pain before").  A note too long for the window
# wraps between words.  The marks depend on today's date (the fixture's
# weeks may be past the last 12): only the values are checked here
# (tests/ui_history_charts.sh pins the date and checks the marks).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

cp "$top_srcdir/tests/fixtures/history-load.log" "$LOG"
chmod u+w "$LOG"
M='[▁▂▃▄▅▆▇█ ]*'

tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
tm resize-window -t t -x 80 -y 30
keys h
wait_screen 'recoup: history, 3 sessions'
ok $? "h opens the history" || show_screen
wait_screen '^  pain '
s=$(screen)
like "$s" '^ Straight-knee heel drop +Bent-knee soleus drive *$' "80 columns: two exercises side by side"
like "$s" "^  L reps $M 43 +L reps $M 15 *\$" "each side's last reps beside its marks"
like "$s" "^  L kg +$M 2\.5 *\$" "the load where one was logged; none for the exercise without"
like "$s" '^ Calf pain before +Calf tightness before *$' "ratings named for what they measure: their names alone"
like "$s" "^  $M 3 fine +$M 3 *\$" "their last values, the pain's zone"
like "$s" '^ Tendon feel on the stairs down after *$' "a name that does not say its measure"
like "$s" "^  pain $M 4 acceptable *\$" "says it on its row, with the zone"
! printf '%s\n' "$s" | grep -Eq 'before \(pain\)|^  pain .*fine'
ok $? "no (pain) or pain row for Calf pain before"
vcol() { screen | grep "$1" | sed "s/$2.*//" | wc -c; }
is "$(vcol '^  L reps' '43')" "$(vcol '^  L kg' '2\.5')" "the values of a chart in one column"

# 40 columns: one chart under the other, every value still whole
tm resize-window -t t -x 40 -y 40
wait_screen '^ Bent-knee soleus drive *$'
ok $? "40 columns: the second exercise under the first" || show_screen
s=$(screen)
like "$s" '^ Straight-knee heel drop *$' "the exercise's name whole"
like "$s" "^  L reps $M 43 *\$" "its reps whole"
like "$s" "^  L kg +$M 2\.5 *\$" "its load whole"
like "$s" "^  L reps $M 15 *\$" "the other's reps"
like "$s" '^ Reps and load per week, L and R *$' "the heading whole"
like "$s" "^  pain $M 4 acceptable *\$" "a rating's value and zone word whole"
like "$s" '^ Tendon feel on the stairs down after *$' "its name whole: it fits"
keys q q
wait_exit
is "$(exit_status)" 0 "exit status 0"

# a note too long for a narrow window wraps between words
sed -n '20,22p' "$top_srcdir/tests/fixtures-ui/sessions.log" >"$T/practice.log"
tm_start -e "$RECOUP" --log "$T/practice.log" --routine-dir "$ROUTINES"
tm resize-window -t t -x 40 -y 12
wait_screen 'recoup: pick a routine'
keys h
wait_screen 'recoup: history, 0 sessions'
ok $? "practice only: no sessions" || show_screen
like "$(screen)" '^   1 practice session left out \(recoup *$' "40x12: the note's first row ends at a word"
like "$(screen)" '^   --history --practice shows it\) *$' "its second row: the rest, whole"
keys q q
wait_exit

done_testing
