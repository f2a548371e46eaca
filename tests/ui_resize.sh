#!/bin/sh
# A resize storm under a running session: the process lives through it, a
# tiny window asks for more room while the timer goes on, and back at 80x24
# the screen is whole again and the session still logs.  (At 80x24 the
# step list gives way to the big words.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "the session runs"
pid=$(recoup_pid)
# the digits go out after the rest of the frame: once they show, so does it
wait_digits
before=$(screen)

# thirty sizes between 12x4 and 80x24, as fast as tmux takes them
i=0
while [ "$i" -lt 30 ]; do
	tm resize-window -t t -x $((12 + i * 7 % 69)) -y $((4 + i * 5 % 21))
	i=$((i + 1))
done
tm resize-window -t t -x 12 -y 4
ok "$(kill -0 "$pid"; echo $?)" "the process lives through 31 resizes"
is "$(pane '#{window_width}x#{window_height}')" 12x4 "the window is 12x4"
_poll 10 _joined_has '^Window too small \(20x6 min\) [0-9]:[0-9][0-9] $'
ok $? "at 12x4 the screen says, whole, in the short form that fits: Window too small (20x6 min)" ||
	show_screen
small=$(screen)
like "$small" '^[0-9]:[0-9][0-9] *$' "the time left is still shown"
_poll 10 eval '[ "$(screen)" != "$small" ]'
ok $? "and the timer keeps going" || show_screen

tm resize-window -t t -x 19 -y 5
_poll 10 _joined_has 'Make the window larger \(20x6 at least\)'
ok $? "at 19x5 too, with the size wanted" || show_screen
tm resize-window -t t -x 20 -y 6
wait_screen 'LEFT  TIMER  [0-9]:[0-9][0-9]'
ok $? "at 20x6 the session screen, the time next to the phase"
_poll 10 _joined_has 'LEFT: Wall stretch, 5:00'
like "$(joined)" 'LEFT: Wall stretch, 5:00' "with the step, wrapped whole"

tm resize-window -t t -x 80 -y 24
wait_screen '(│|^) next: RIGHT: Wall stretch'
ok $? "back at 80x24 the screen is redrawn"
# the big cells go out after the text, in a write of their own
# (src/ui_direct.c): wait for them before reading the screen
_poll 10 eval '[ "$(big_words)" = "<LEFT TIMER" ] && _digits_shown'
s=$(screen)
like "$s" 'LEFT: Wall stretch, 5:00' "the step name is back"
is "$(printf '%s\n' "$s" | head -n 1 | sed 's/ *$//')" "$(printf '%s\n' "$before" | head -n 1 | sed 's/ *$//')" \
	"the title bar is as before the storm"
is "$(printf '%s\n' "$s" | tail -n 1)" "$(printf '%s\n' "$before" | tail -n 1)" "the key help is as before"
is "$(big_words)" "<LEFT TIMER" "the big words are back"
ok "$(! printf '%s\n' "$s" | grep -Eq 'Make the|at least'; echo $?)" "nothing of the small screen is left"
is "$(printf '%s\n' "$s" | wc -l | tr -d ' ')" 24 "24 rows"

rows=$(digit_rows)
ok "$([ "$rows" -ge 5 ]; echo $?)" "the big digits are back ($rows rows)"

keys Space
wait_log ' pause n=1 name="Wall stretch"$'
ok $? "the session still takes keys and logs"
wait_screen '(│|^) PAUSED'
ok $? "and draws"
keys q y Enter
wait_exit
ok $? "it quits"
is "$(exit_status)" 0 "exit status 0"
like "$(last_log_line)" ' end status=quit ' "the log ends with end status=quit"

done_testing
