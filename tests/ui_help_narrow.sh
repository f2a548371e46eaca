#!/bin/sh
# The help screen (?) over a session in a narrow window: at 40x12 each
# key's description in its short words where the long ones do not fit,
# wrapped between words where even those do not, never cut at the edge;
# at 30 columns under its key; at 80 the long words.  The session's key
# bar at 40 columns keeps "? help".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tm_start --speed 10 "$top_srcdir/tests/fixtures-engine/load.yaml"
tm resize-window -t t -x 40 -y 12
wait_screen 'LEFT set 1 of 2: 3 reps'
wait_screen '^ space rep  n set done  q quit  \? help *$'
ok $? "40 columns: the key bar keeps ? help" || show_screen
keys '?'
wait_screen 'recoup: keys'
ok $? "? shows the keys" || show_screen
s=$(screen)
like "$s" '^   l and L +load up, down a step *$' "the load keys in their short words, whole"
like "$s" '^   space +pause / resume *$' "pause in its short words"
like "$s" '^   \+ and - +add or take 15 seconds *$' "what fits keeps its long words"
! screen | grep -q '(a rep'
ok $? "no long words cut at the edge" || show_screen
! screen | grep -q '(t *$'
ok $? "no '(t' cut off at the edge"

tm resize-window -t t -x 30 -y 24
wait_screen '^   l and L *$'
ok $? "30 columns: the key on its own row" || show_screen
like "$(screen)" '^     load up, down a step *$' "its description under it, whole"
like "$(screen)" '^     add or take 15 seconds *$' "and the next's"

tm resize-window -t t -x 80 -y 24
wait_screen 'l and L +load up, down a step \(this side, rest of the step\) *$'
ok $? "80 columns: the long words" || show_screen
keys x
wait_gone 'recoup: keys' && wait_screen 'LEFT set 1 of 2: 3 reps'
ok $? "any key goes back to the set"
keys q y
wait_screen 'Session ended early'
keys q
wait_exit

done_testing
