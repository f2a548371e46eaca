#!/bin/sh
# The picker: the routines with steps and planned time, a broken one with
# its first error, arrows and the preview, help, history, and quitting.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

# --speed 600: the 10-minute routine started below takes a second
tm_start --speed 600 --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
ok $? "the picker opens"
# the dates come once the log is read, after the first frame
wait_screen '^ UI session .*last: never'
s=$(screen)
like "$s" '^ UI ice +2 steps +10:03 +last: never' "a routine with its step count and planned time"
like "$s" '^ UI session +3 steps +10:12 +last: never' "another routine"
like "$s" '^ ui-broken \(broken\) 5:5: unknown key `durration`' \
	"the broken routine is marked, with its first error's line:column"
like "$s" 'Enter start +e edit +r revert +h history +c check-in +\? help +q quit' "the key help line"
is "$(pane '#{alternate_on} #{cursor_flag}')" "1 0" "the screen is taken: alternate screen, no cursor"

pick 'UI session'
ok $? "Down moves the selection to UI session"
wait_screen '1 timer +Wall stretch +5:00'
ok $? "the preview shows its steps"
s=$(screen)
like "$s" '2 reps +Heel raise +1x5 each leg' "the preview shows a reps step with sets x reps"
like "$s" '3 rate +Calf tightness' "the preview shows the rating step"
row=$(screen | grep -n '^ UI session' | cut -d: -f1)
like "$(row_e "$row")" "^$(printf '\033')\\[7m UI session" "the selected row is in reverse video"
ok "$(! row_e $((row - 1)) | grep -q "$(printf '\033')\\[7m"; echo $?)" "the row above it is not"

keys Up
wait_screen '1 ice +Ice the calf +10:00'
ok $? "Up moves the selection; the preview follows"
like "$(screen)" '2 note +Done' "the preview lists every step"
keys Up
wait_screen 'e: edit it at the error'
ok $? "a broken routine's preview offers to edit it"
# a long path wraps without spaces: join the rows tight
like "$(screen | sed 's/^ *//' | tr -d '\n')" "fixtures-ui/routines/ui-broken\\.yaml5:5: unknown key" \
	"the preview names the broken file, all of its path, then the error"
keys Enter
wait_screen 'ui-broken is broken: 5:5: unknown key `durration`'
ok $? "Enter on a broken routine says why it cannot start"

keys '?'
wait_screen 'recoup: keys'
ok $? "? shows the help"
s=$(screen)
like "$s" 'Any key to go back' "the help says how to leave it"
# the list's keys, as key() takes them, navigation included
like "$s" '^ +Up k, Down j +move up, down$' "the help lists Up/k and Down/j"
like "$s" '^ +PgUp, PgDn +a page up, down$' "PageUp and PageDown"
like "$s" '^ +Home g, End G +the first, the last$' "Home/g and End/G"
like "$s" '^ +r +revert your copy to the one it hides$' "r"
like "$s" '^ +e +edit it in \$EDITOR, then check it$' "e"
like "$s" '^ +c +the morning check-in \(pain, stiffness\)$' "c, the check-in"
like "$s" '^ +\? +these keys$' "and ? itself"
keys x
wait_screen 'recoup: pick a routine'
ok $? "any key goes back to the picker"

ok "$([ ! -e "$LOG" ]; echo $?)" "browsing the picker writes no log"
keys h
wait_screen 'recoup: history, 0 sessions'
ok $? "h opens the history view"
like "$(screen)" 'no sessions logged yet' "an empty log says so"
keys q
wait_screen 'recoup: pick a routine'
ok $? "q in the history goes back to the picker"

# a resize, then keys still work
# (tmux keeps the 80x24 screen, cut at the edge, until the program draws:
# wait for what only its drawing at each size has)
tm resize-window -t t -x 50 -y 12
wait_screen '^ Enter start .*…$' && wait_screen '^ UI session +3 steps'
ok $? "the picker is redrawn at 50x12"
tm resize-window -t t -x 80 -y 24
wait_screen 'Enter start +e edit +r revert +h history +c check-in +\? help +q quit'
ok $? "and at 80x24 again"
keys Down
wait_screen '1 ice +Ice the calf +10:00'
ok $? "keys still work after resizes: Down from ui-broken to UI ice"

# start a session from the list; at its end, back to the list
keys Enter
wait_screen '(│|^) NOTE'
ok $? "Enter starts the routine; the ice runs out, the note waits"
like "$(screen)" '^ UI ice +step 2 of 2  practice' "the session screen"
keys Enter
wait_screen '^  Session complete'
ok $? "the end of the session: its summary"
like "$(screen)" '^  Practice \(speed [0-9]+\): history and progression leave it out' "a practice session says so"
like "$(screen)" 'q or Enter: back to the list' "it offers the way back"
wait_log ' end status=complete '
ok $? "the session is logged"
keys x
sleep 0.3
like "$(screen)" '^  Session complete' "another key does not leave it"
keys q
wait_screen 'recoup: pick a routine'
ok $? "q: back to the list"
like "$(screen)" '^ UI ice +2 steps' "the list is there"

keys q
wait_exit
ok $? "q quits the picker"
is "$(exit_status)" 0 "exit status 0"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "the terminal is restored: normal screen, cursor shown"
like "$(screen)" '^EXIT=0' "the shell's screen is back"

# Too small: the note asking for room, whole
tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
tm resize-window -t t -x 12 -y 4
_poll 10 _joined_has '^Make the window larger \(20x6 at least\) $'
ok $? "at 12x4 the picker asks for room in words that fit whole" || show_screen
keys q
wait_exit

# Long names and descriptions end with an ellipsis where they are cut; at
# narrow widths the name keeps its room and the columns give way
mkdir -p "$T/long"
cat >"$T/long/long.yaml" <<EOF
name: A routine with a name much longer than any column has room for
description: a description so long that it cannot fit on one line of the preview, nor on two of them, however the words are wrapped, since it goes on to say ever more about the routine
steps:
  - type: timer
    name: A stretch with a name that goes on and on and on well past the edge
    duration: 45s
EOF
tm_start --routine-dir "$T/long"
wait_screen 'recoup: pick a routine' && wait_screen 'last: never'
pick 'A routine'
s=$(screen)
# (how much of the name shows depends on the marks' columns: a routine
# due today has one)
like "$s" '^ A routine with a name [a-z ]*… +1 step +0:48 +last: never' \
	"80x24: a long name cut with an ellipsis before the columns"
like "$s" '^  A routine with a name much longer than any column has room for$' \
	"80x24: the preview has room for all of it"
like "$(joined)" ' a description so long .* however the words are wrapped, since it goes on to say ever mo… 1 timer' \
	"80x24: the description in two rows, then an ellipsis"
like "$s" '1 timer +A stretch with a name that goes on and on and on well past the e…$' \
	"80x24: a step cut with an ellipsis"
tm resize-window -t t -x 50 -y 12
wait_screen '^ A routine with a name much[a-z ]*… +(1 step +)?0:48 *$'
ok $? "50x12: the name keeps its room; the date last done (and the step count) give way"
tm resize-window -t t -x 30 -y 8
wait_screen '^ A routine with a name much…$'
ok $? "30x8: only names, each cut with an ellipsis"
keys q
wait_exit

# A routine that loads with warnings: the preview shows them, before the
# session would
mkdir -p "$T/cold"
printf 'name: Cold soak\nsteps:\n  - type: ice\n    name: Ice both calves\n    duration: 25m\n' \
	>"$T/cold/cold.yaml"
tm_start --routine-dir "$T/cold"
wait_screen 'recoup: pick a routine'
pick 'Cold soak'
ok $? "a routine with a warning is listed"
_poll 10 _joined_has '5:15: warning: an ice round longer than 20 minutes risks cold injury; consider rounds with `off` between 1 ice'
ok $? "its preview shows the warning, whole, with its line and column" || show_screen
keys q
wait_exit

# A --routine-dir that is not there: said on stderr before the screen
tm_start --routine-dir "$T/nosuch" --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
ok $? "a --routine-dir that is not there: the picker opens"
keys q
wait_exit
is "$(screen | grep -v '^$' | tail -n 2)" "recoup: --routine-dir $T/nosuch: No such file or directory
EXIT=0" "it was named on stderr, before the screen started; exit status 0"

# PageDown and PageUp move the selection by the list's height (21 rows
# at 80x24), PageDown no further than the last
mkdir -p "$T/many"
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
	printf 'name: Page %s\nsteps:\n  - {type: note, name: N}\n' "$i" >"$T/many/p$i.yaml"
done
tm_start --routine-dir "$T/many"
wait_screen 'recoup: pick a routine'
pick 'Page 01'
ok $? "Page 01 selected"
keys PageDown
_poll 10 _selected_is 'Page 22'
ok $? "PageDown: 21 rows down" || show_screen
keys PageUp
_poll 10 _selected_is 'Page 01'
ok $? "PageUp: 21 rows up" || show_screen
# the last row is read once End has landed, not from the screen before it
_last_selected() {
	_selected_is "$(screen | sed -n 's/^ \([^ ].*[^ ]\) \{2,\}[0-9]* steps\{0,1\} .*/\1/p' | tail -n 1)"
}
keys End
_poll 10 _last_selected
keys PageDown
_poll 10 _last_selected
ok $? "PageDown at the last row stays there" || show_screen
keys q
wait_exit

# after a session the picker reads its routines and the log again: a
# routine added meanwhile is listed, and the one done was done today
mkdir -p "$T/back"
printf 'name: Back one\nsteps:\n  - {type: note, name: Only a note}\n' >"$T/back/back1.yaml"
tm_start --routine-dir "$T/back"
wait_screen '^ Back one +1 step .*last: never'
ok $? "a routine never done"
pick 'Back one'
keys Enter
wait_screen 'Only a note'
ok $? "its session runs"
printf 'name: Back two\nsteps:\n  - {type: note, name: N}\n' >"$T/back/back2.yaml"
keys Enter
wait_log ' end status=complete '
ok $? "and ends complete"
keys Enter
wait_screen '^ Back two +1 step'
ok $? "back in the list: the routine added during the session is there"
# (the log read again on its thread: the date comes a moment later)
wait_screen '^ Back one +(streak 1|1d) +1 step .*last: today'
ok $? "the one just done was done today"
keys q
wait_exit

# An arrow typed while recoup starts: it reaches the terminal before
# recoup has switched it to keypad mode, as ESC [ B (the terminfo entry
# knows ESC O B); it moves the selection, never quits (the bare Esc it
# used to be taken for quits)
try=1
while [ $try -le 5 ]; do
	tm_start --routine-dir "$ROUTINES"
	keys Down
	wait_screen 'recoup: pick a routine'
	_poll 5 _reverse 3
	ok $? "Down typed at start ($try of 5): the second row is selected" || show_screen
	_exited
	is "$?" 1 "and the picker is still open"
	keys q
	wait_exit
	try=$((try + 1))
done
# the same bytes once it is open, and keys ncurses does not know (ESC [
# ... ~, ESC O x) are dropped whole; Esc alone still quits
tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
_poll 5 _first_selected
keys -l "$(printf '\033[B')"
_poll 5 _reverse 3
ok $? "ESC [ B in the picker: Down" || show_screen
keys -l "$(printf '\033[A')"
_poll 5 _first_selected
ok $? "ESC [ A: Up" || show_screen
keys -l "$(printf '\033[99~\033[1;9Q\033OZ')"
keys -l "$(printf '\033OB')"
_poll 5 _reverse 3
ok $? "unknown sequences are ignored, the key after them acts" || show_screen
_exited
is "$?" 1 "and none of them quits"
keys Escape
wait_exit
ok $? "Esc alone quits the picker"
is "$(exit_status)" 0 "exit status 0"

done_testing
