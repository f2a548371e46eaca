#!/bin/sh
# The session screen after every kind of change it goes through equals a
# repaint from scratch, text and attributes (colour, bold, dim): the step
# and session bars and their percentages filling with time, at 0 %, on the
# way and at 100 %, moved by + and -, n and b; the counters line (reps
# counted by the key, a tempo set's reps, a rest between sets, ice rounds,
# massage spots, a pain rating typed in its zone's colour); the heading
# and the big words (LEFT to RIGHT, ICE ON to the shaded ICE OFF, PAUSED)
# and digits; and each layout change between them (resizes from 80x24 to
# 120x40, 200x60, 40x12, 60x16 and back, the help screen and back, the
# quit question, a step change).
#
# What changes by itself (a countdown) is compared between two of its
# changes (same_running, tests/direct.sh): a pause would redraw the whole
# frame and hide a cell that the second's update left out.  So the session
# runs at --speed 1, a change a second, and a screen that stands still (a
# rating, a set counted by the key, PAUSED, the quit question) is compared
# as it is (same_as_repaint).  SIGCONT sends again what ncurses holds; a
# line that a frame keeps from the one before (the title, what comes next)
# is checked against the frame drawn anew by a resize away and back
# (same_as_redrawn, same_running ... resize) where a step changes within a
# layout.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
. "$top_srcdir/tests/direct.sh"

# bar NAME: the bar's row ("step" or "session") as text
bar() { screen | grep -E "^ $1 " | sed 's/ *$//'; }
_bar_is() { bar "$1" | grep -Eq -- "$2"; }
# secs: the big figure (M:SS) in seconds
secs() { big_figure | awk -F: '/^[0-9]+:[0-9][0-9]$/ { print $1 * 60 + $2; exit } END { if (!NR) print -1 }'; }
_secs_over() { [ "$(secs)" -gt "$1" ]; }
_secs_under() { s_=$(secs); [ "$s_" -ge 0 ] && [ "$s_" -lt "$1" ]; }

printf 'lead_in = "0s";\n' >"$T/text.conf"
tm_start --config "$T/text.conf" --speed 1 --routine-dir "$top_srcdir/tests/fixtures-ui/text" ui-text
wait_screen 'RATE 0-10'
ok $? "the session runs"
pid=$(recoup_pid)
pipe_out

# ---- a pain rating: the bars at 0 %, the zone typed and erased
like "$(bar step)" '^ step +░+ +0%$' "the step bar at 0 %"
like "$(bar session)" '^ session +░+ +0%$' "the session bar at 0 %"
same_as_repaint "a rating, both bars at 0 %"
keys 6
wait_screen '^ 6 back off$'
like "$(_settled)" '[|]B?/31/:6[|]//: [|]B?/31/:back[|]//: [|]B?/31/:off$' "6 typed: back off, in red"
same_as_repaint "6 typed: the counters in the zone's colour"
keys BSpace
wait_gone 'back off$'
same_as_repaint "6 erased: no counters"
keys 4
wait_screen '^ 4 acceptable$'
like "$(_settled)" '[|]B?/33/:4[|]//: [|]B?/33/:acceptable$' "4 typed: acceptable, in yellow"
same_as_repaint "4 typed"
keys BSpace 1
wait_screen '^ 1 fine$'
like "$(_settled)" '[|]B?/32/:1[|]//: [|]B?/32/:fine$' "1 typed: fine, in green"
same_as_repaint "4 erased, 1 typed: from yellow to green"
keys 0
wait_screen '^ 10 back off$'
same_as_repaint "10 typed: from green to red, a figure wider"
keys BSpace
wait_screen '^ 1 fine$'
same_as_repaint "10 to 1: from red to green, a figure narrower"

# ---- reps counted by the key, a rest between sets
keys Enter
wait_screen '^ set 1 of 3 +0 of 12 reps$'
ok $? "a set counted by the key"
same_as_repaint "a set counted by the key"
keys Space
wait_screen '^ set 1 of 3 +1 of 12 reps$'
same_as_repaint "a rep counted"
keys Space Space Space
wait_screen '^ set 1 of 3 +4 of 12 reps$'
same_as_repaint "four reps counted"
keys n
wait_screen '^ after set 1 of 3$'
ok $? "a rest between sets"
same_running "a rest: the digits and the bars fill" bars
same_running "a rest, a second on" bars
_poll 10 eval '! _bar_is step " 0%$"'
ok $? "the step bar under way"
t=$(secs)
keys +
_poll 5 _secs_over $((t + 10))
ok $? "+: 15 s more"
same_running "+: 15 s more"
t=$(secs)
keys -
_poll 5 _secs_under $((t - 10))
ok $? "-: 15 s less"
same_running "-: 15 s less"
# the rest has run over 3 s: b starts it again, its bars back
was=$(bar step)
keys b
_poll 10 eval '[ "$(bar step)" != "$was" ]' && wait_screen '^ after set 1 of 3$'
ok $? "b: the rest again"
same_running "b: the rest again, its bars back"
keys Space
wait_screen '^ PAUSED$'
ok $? "paused"
same_as_repaint "PAUSED, in shaded words, standing still"
keys Space
wait_gone '^ PAUSED$'
same_running "going on after the pause"
keys n
wait_screen '^ set 2 of 3 +0 of 12 reps$'
same_as_repaint "n: the next set, both bars on"
# b just after: the rest again, both bars back
keys b
wait_screen '^ after set 1 of 3$'
ok $? "b: back to the rest"
same_running "b: both bars back"
keys n
wait_screen '^ set 2 of 3 +0 of 12 reps$'
keys n
wait_screen '^ after set 2 of 3$'
keys n
wait_screen '^ set 3 of 3 +0 of 12 reps$'
keys n

# ---- a tempo set on each side: the heading, the words, the rep counter
# and the digits change every second
wait_screen '^ LEFT  (DOWN|HOLD|UP) [0-9]$'
ok $? "a tempo set"
# until the second rep, and one more second
i=1
while [ $i -le 8 ]; do
	same_running "a tempo set, second $i" bars
	i=$((i + 1))
	screen | grep -Eq '^ set 1 of 1 +rep 2 of 3$' && break
done
ok $? "the reps counted on"
same_running "a tempo set, in the second rep"
keys n
wait_screen 'HOW MANY\?'
same_as_repaint "how many? asked"
keys Enter
wait_screen '^ RIGHT  (DOWN|HOLD|UP) [0-9]$'
ok $? "the right side"
same_running "from LEFT to RIGHT" bars
keys n
wait_screen 'HOW MANY\?'
keys Enter

# ---- ice rounds, massage spots
wait_screen '^ round 1 of 3$' && wait_screen '^ ICE ON$'
ok $? "ice on, round 1 of 3"
same_running "ice on, round 1 of 3" bars
keys n
wait_screen '^ packs off until round 2 of 3$' && wait_screen '^ ICE OFF$'
ok $? "ice off"
same_running "from ICE ON to the shaded ICE OFF"
keys n
wait_screen '^ round 2 of 3$'
same_running "from ICE OFF to ICE ON, round 2 of 3"
keys n
wait_screen '^ packs off until round 3 of 3$'
keys n
wait_screen '^ round 3 of 3$'
keys n
wait_screen '^ spot 1 of 2: Inner soleus$'
ok $? "massage, spot 1"
same_running "massage, spot 1 of 2"
keys n
wait_screen '^ spot 2 of 2: Outer soleus$'
same_running "massage, spot 2 of 2"

# ---- a 5 s timer given a minute more: its bar reaches 100 % while the
# time runs on
keys n
wait_screen '^ RIGHT  TIMER$'
keys + + + +
_poll 10 eval 'big_figure | grep -q "^1:0"'
ok $? "a timer given a minute more"
_poll 10 _bar_is step ' [4-8][0-9]%$'
same_running "the step bar filling to 100 %"
_poll 10 _bar_is step '^ step +█+ +100%$'
ok $? "the step bar at 100 %"
same_running "the step bar at 100 %, the time running on"

# ---- the layout anew: sizes, the help screen, the quit question
for sz in 120x40 200x60 40x12 60x16 80x24; do
	tm resize-window -t t -x "${sz%x*}" -y "${sz#*x}"
	_poll 10 cols_are "${sz%x*}"
	ok $? "resized to $sz"
	same_running "at $sz"
done
keys '?'
wait_screen 'recoup: keys'
ok $? "the help screen"
same_running "the help screen over the countdown"
keys x
wait_screen '^ RIGHT  TIMER$'
same_running "back from the help screen"
keys q
wait_screen 'Quit this session\?'
ok $? "the quit question"
same_as_repaint "the quit question, the countdown held"
keys n
wait_gone 'Quit this session\?'
same_running "n: the countdown goes on"

# ---- n: both bars at once
keys n
wait_screen 'step 7 of 7' && wait_screen 'RATE 0-10'
ok $? "n: the last rating"
like "$(bar session)" '^ session +█+ +100%$' "the session bar at 100 %"
like "$(bar step)" '^ step +░+ +0%$' "the step bar at 0 %"
same_as_repaint "n: both bars at once"
same_as_redrawn "n: both bars at once"
keys 7
wait_screen '^ 7 back off$'
same_as_repaint "the last rating typed"
keys Enter
wait_screen '^  Session complete'
ok $? "the summary"
keys Enter
wait_exit
is "$(exit_status)" 0 "the session ends"

done_testing
