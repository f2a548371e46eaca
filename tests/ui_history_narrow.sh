#!/bin/sh
# The history view (h in the picker) in a wide and a narrow window: each
# entry's value (the last reps with their load, a rating's last value and
# its zone) always shows whole.  Where a label and its value do not fit
# one line, the label goes on a line of its own, shortened between words
# with an ellipsis only when even that is too narrow; nothing is cut
# mid-word, and no "(pain)" follows a name that says pain.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

cp "$top_srcdir/tests/fixtures/history-load.log" "$LOG"
chmod u+w "$LOG"

tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
keys h
wait_screen 'recoup: history, 3 sessions'
ok $? "h opens the history" || show_screen
# 80x24: one line each, the values in a column
keys j j j j j j j j j j
wait_screen '^   Calf tightness before +last 3 *$'
ok $? "80x24: a rating whose name says its measure: no (tightness), its value whole" || show_screen
s=$(screen)
like "$s" '^   Straight-knee heel drop +left +last 43 reps, 2.5 kg, best 45 *$' \
	"80x24: an exercise's side, last reps with their load and best on its line"
like "$s" '^   Bent-knee soleus drive +left +last 15 reps, best 15 *$' "no load logged: none shown"
like "$s" '^   Calf pain before +last 3, fine *$' "no (pain) after a name that says pain"
like "$s" '^   Tendon feel on the stairs down after \(pain\) +last 4, acceptable *$' \
	"a name that does not say it keeps (pain), and the zone"
! printf '%s\n' "$s" | grep -Eq 'before \(pain\)'
ok $? "not after Calf pain before"
vcol() { screen | grep "$1" | sed "s/$2.*//" | wc -c; }
is "$(vcol 'Calf pain before' 'last')" "$(vcol 'Tendon feel' 'last')" "the values in one column"

# 40x12: the label on its own line, the value whole on the next
tm resize-window -t t -x 40 -y 12
keys g j j j j j j j j
wait_screen '^   Straight-knee heel drop *$'
ok $? "40x12: the exercise's name on a line of its own" || show_screen
s=$(screen)
like "$s" '^    left +last 43 reps, 2.5 kg *$' "its side, last reps and load whole below it, the best left out"
like "$s" '^   Bent-knee soleus drive *$' "the next exercise's name whole too"
like "$s" '^    left +last 15 reps, best 15 *$' "with its best where it fits"
like "$s" '^ Reps per exercise and side *$' "the heading without its note, not cut"
keys j j j j j j j j j j
wait_screen '^    last 4, acceptable *$'
ok $? "40x12: a rating's value and zone word whole" || show_screen
s=$(screen)
like "$s" "^   Tendon feel on the stairs down$(printf '\342\200\246') *\$" \
	"a label too long for its own line: cut between words, with an ellipsis"
like "$s" '^   Calf pain before *$' "a short one whole"
like "$s" '^    last 3, fine *$' "its value below it"
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
