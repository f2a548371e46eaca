#!/bin/sh
# A session on the dashboard: the step, the side, big countdown digits,
# pause and resume, skipping ahead, self-paced reps, a rating; each action
# both on the screen and in the log.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

# at --speed 10 the 5-minute timer takes 30 s
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
# wide enough for the step list beside the big words
tm resize-window -t t -x 150 -y 24
wait_screen 'LEFT  TIMER'
ok $? "the timer step starts on the left side"
wait_screen '^ UI session +step 1 of 3  practice'
ok $? "the title bar names the routine, the step and practice mode"
# the 80x24 screen, drawn if the program starts before the resize, has the
# same heading and title but no step list; and the digits go out after the
# text: wait for the wide drawing, whole, before reading it
_poll 10 _screen_has '▶ Wall stretch'
wait_digits
s=$(screen)
like "$s" 'LEFT: Wall stretch, 5:00' "the step's name and side"
like "$s" '▶ Wall stretch' "the step list marks the current step"
like "$s" 'Lean into the wall' "the cue"
like "$s" 'next: RIGHT: Wall stretch' "what comes next"
like "$s" 'session █*░+ +[0-9]+%' "a progress bar for the session"
rows=$(digit_rows)
ok "$([ "$rows" -ge 5 ]; echo $?)" "the countdown is drawn in big digits ($rows rows of blocks)"
wait_digits_change "$(digits)"
ok $? "the digits count down"
wait_log '^[^ ]+ [0-9a-f]+ step n=1 type=timer name="Wall stretch"$'
ok $? "the step is logged"

keys Space
wait_screen '(│|^) PAUSED'
ok $? "space pauses: PAUSED"
like "$(screen)" 'Paused: space to go on' "the prompt says how to go on"
wait_log ' pause n=1 name="Wall stretch"$'
ok $? "the pause is logged"
# let the redraw land: its last part, the big words, says PAUSED
_poll 10 eval '[ "$(big_words)" = PAUSED ]'
frozen=$(screen)
sleep 0.5
is "$(screen)" "$frozen" "the countdown stands still while paused"
keys Space
wait_log ' resume n=1 name="Wall stretch" paused=[0-9.]+$'
ok $? "space again resumes, logged with the time paused"
wait_gone 'PAUSED'
ok $? "PAUSED goes away"

keys n
wait_screen 'RIGHT  TIMER'
ok $? "n skips to the right side"
wait_log ' skip n=1 name="Wall stretch" what=timer side=left planned=300 elapsed=[0-9.]+$'
ok $? "the skip is logged with the planned and elapsed time"

keys n
wait_screen 'LEFT  REPS'
ok $? "n again: the self-paced reps, left first"
s=$(screen)
like "$s" '✓ Wall stretch' "the finished step is ticked"
like "$s" '▶ Heel raise' "the reps step is current"
like "$s" 'step 2 of 3' "the title bar follows"
like "$s" 'Space for each rep; n when the set is over' "the prompt for self-paced reps"
keys Space Space Space
wait_screen 'set 1 of 1   3 of 5 reps'
ok $? "space counts a rep"
keys n
wait_log ' set n=2 name="Heel raise" side=left set=1 sets=1 target=5 reps=3 '
ok $? "n ends the set: the reps done are logged"
wait_screen 'RIGHT  REPS'
ok $? "then the right side"
keys Space Space Space Space Space
wait_log ' set n=2 name="Heel raise" side=right set=1 sets=1 target=5 reps=5 '
ok $? "the fifth rep ends the right set"

wait_screen 'RATE 0-10'
ok $? "the rating step"
like "$(screen)" 'Type 0 to 10, then Enter' "the prompt for a rating"
sleep 1.1 # keys just after a set ends by itself are dropped (tests/ui_sets.sh)
keys 7
wait_digits
ok $? "the typed digit shows in big digits"
keys Enter
wait_log ' rate n=3 name="Calf tightness" value=7( |$)'
ok $? "Enter logs the rating"
wait_log ' end status=complete '
ok $? "the session ends complete"
wait_screen '^  Session complete'
ok $? "the end screen: the summary"
like "$(screen)" '^  Heel raise: left 3\* of 5; right 5 of 5' "with the sets against their target, the short one marked"
like "$(screen)" "Logged to $LOG" "it says where the log is"
keys x
sleep 0.3
ok "$(! _exited; echo $?)" "another key does not leave"
keys Enter
wait_exit
ok $? "Enter leaves"
is "$(exit_status)" 0 "exit status 0"
like "$(screen)" '^UI session: complete\.' "a line on the normal screen after"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "the terminal is restored"

# A routine with a warning: said on the session screen as it starts, not
# only on stderr behind the screen, and logged.
rm -f "$LOG"
tm_start --speed 10 "$top_srcdir/tests/good/ice-warning.yaml"
wait_screen 'Warning \(line 6\): an ice round longer'
ok $? "the warning is on the session screen at the start"
wait_log ' warn msg=".*ice-warning\.yaml:6:15: an ice round longer than 20 minutes'
ok $? "and in the log"
keys q y Enter
wait_exit
ok $? "quit"

done_testing
