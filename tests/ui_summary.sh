#!/bin/sh
# tests/ui_summary.sh: the dashboard's end of a session: the summary under
# "Session complete" or "Session ended early", at 80x24 without colour and
# at 200x60 in colour; keys other than q and Enter do not leave; q and
# Enter do; a summary longer than the screen scrolls with a "more" mark,
# down to 20x6 and below; an item that does not fit whole is not shown cut
# (40x12).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

R="$top_srcdir/tests/fixtures-summary/summary.yaml"
mkdir -p "$XDG_CONFIG_HOME/recoup"
printf 'lead_in = "0s";\n' >"$XDG_CONFIG_HOME/recoup/recoup.conf"

# session ENV...: the summary drill in the pane, with ENV (NO_COLOR=1);
# the log is kept from one to the next, for next time's targets
session() {
	tm_start -e env "$@" "$RECOUP" --log "$LOG" "$R"
	wait_screen 'RATE 0-10'
}
# count N: type a self-paced set's count
count() {
	keys "$1" Enter
}
# row_of ERE: the first screen row (1-based) matching
row_of() { screen | grep -nE -- "$1" | head -n 1 | cut -d: -f1; }

# ---- 80x24, NO_COLOR: every set at its target ----
session NO_COLOR=1
ok $? "80x24 NO_COLOR: the session starts"
keys 3 Enter
wait_screen 'LEFT +REPS'
count 8
wait_screen 'RIGHT +REPS'
count 8
wait_screen 'REST'
keys n
wait_screen 'LEFT +REPS'
count 8
wait_screen 'RIGHT +REPS'
count 8
wait_screen 'RATE 0-10'
keys 2 Enter
wait_screen 'Session complete'
ok $? "80x24: the end says Session complete"
wait_log ' end status=complete '
ok $? "the session is logged complete"
s=$(screen)
like "$s" '^ Summary drill +done *$' "the title bar: the routine, done"
like "$s" '^  Time: 0:0[0-9] of 0:30 planned *$' "the time against the plan"
like "$s" '^  Calf pain: 3 before, 2 after \(-1\) *$' "the ratings before and after, with the change"
like "$s" '^  Soleus drive: left 8 8 of 8; right 8 8 of 8 *$' "the sets per side against the target"
like "$s" '^    next time: 9 reps each side *$' "what next time asks"
like "$s" "^  Logged to $LOG *\$" "where it was logged"
like "$(screen | tail -n 1)" '^ q or Enter: quit *$' "the key help: q or Enter quits"
ok "$(! screen | grep -q 'more'; echo $?)" "it all fits: no 'more' mark"
is "$(row_e "$(row_of 'Session complete')" | grep -c "$(printf '\033')\\[3[0-7]")" 0 \
	"NO_COLOR: no colour on the heading"
keys x Space n Down
sleep 0.5
ok "$(! _exited; echo $?)" "x, space, n, Down: still there"
like "$(screen)" 'Session complete' "the summary stays"
keys Enter
wait_exit
ok $? "Enter leaves"
is "$(exit_status)" 0 "exit status 0"
like "$(screen)" '^Summary drill: complete\.' "the line on the normal screen after"

# ---- 200x60, colour: a set short, the line in the warning colour ----
session
tm resize-window -t t -x 200 -y 60
keys 4 Enter
wait_screen 'LEFT +REPS'
count 9
wait_screen 'RIGHT +REPS'
count 7
wait_screen 'REST'
keys n
wait_screen 'LEFT +REPS'
count 9
wait_screen 'RIGHT +REPS'
count 9
wait_screen 'RATE 0-10'
keys 4 Enter
wait_screen 'Session complete'
ok $? "200x60 colour: Session complete"
s=$(screen)
like "$s" '^  Calf pain: 4 before, 4 after \(no change\) *$' "200x60: the ratings"
like "$s" '^  Soleus drive: left 9 9 of 9; right 7\* 9 of 9 *$' "200x60: the short set marked"
like "$s" '^    next time: left 10 reps; right 9 reps \(not every set reached 9\) *$' \
	"200x60: the short side holds, and why; the other side moves up"
like "$s" '^  \* short of the target *$' "200x60: the mark explained"
like "$(row_e "$(row_of 'Soleus drive:')")" "$(printf '\033')\\[[0-9;]*31m" \
	"colour: the line with a short set in red"
like "$(row_e "$(row_of 'Session complete')")" "$(printf '\033')\\[[0-9;]*32m" \
	"colour: the heading in green"
keys q
wait_exit
ok $? "q leaves"
is "$(exit_status)" 0 "q: exit status 0"

# ---- quit: ended early; small screens scroll ----
session NO_COLOR=1
keys 2 Enter
wait_screen 'LEFT +REPS'
count 10
wait_screen 'RIGHT +REPS'
keys q
wait_screen 'Quit this session\?'
keys y
wait_screen 'Session ended early'
ok $? "q y: Session ended early"
wait_log ' end status=quit '
ok $? "logged as quit"
s=$(screen)
like "$s" '^  Stopped in step 2 of 3: Soleus drive *$' "how far it got"
like "$s" '^  Calf pain: 2 before, not reached after *$' "the rating after was not reached"
ok "$(! _exited; echo $?)" "recoup waits on the summary"

tm resize-window -t t -x 40 -y 8
wait_screen '↓ more below'
ok $? "40x8: a 'more' mark when it does not fit"
like "$(screen | tail -n 1)" '^ q or Enter: quit  Up/Down: more *$' "40x8: the key help says how to see more"
like "$(screen)" '^  Session ended early' "40x8: from the top"
ok "$(screen | awk 'length($0) > 40 { bad = 1 } END { exit bad }'; echo $?)" "40x8: nothing wider than the screen"
keys Down
wait_screen '↑↓ more above and below'
ok $? "Down: one line on, more above and below"
keys End
wait_screen '↑ more above'
ok $? "End: the last lines"
like "$(screen)" "Logged to" "End: down to where it was logged"
keys PageUp PageUp Home
wait_screen '^  Session ended early'
ok $? "PageUp and Home: back to the top"
tm resize-window -t t -x 20 -y 6
# the 40x8 screen, cut at 20 columns by tmux, has its mark too: wait for
# the key help as drawn at 20 columns first
wait_screen '^ q or Enter: quit *$' && wait_screen 'more below'
ok $? "20x6: still a summary with its mark"
ok "$(screen | awk 'length($0) > 20 { bad = 1 } END { exit bad }'; echo $?)" "20x6: nothing wider than the screen"
tm resize-window -t t -x 19 -y 5
wait_screen 'larger|min'
ok $? "19x5: asks for room"
keys z
sleep 0.3
ok "$(! _exited; echo $?)" "19x5: z does not leave"
keys Enter
wait_exit
ok $? "19x5: Enter leaves"
is "$(exit_status)" 0 "quit: exit status 0"

# ---- 40x12: an item that does not fit whole waits for the scroll ----
# The long step's line wraps over four rows; under the lines above it
# there are three: it is not shown cut ("... left 2 2 o..."), and each
# place scrolled to shows whole items only.
tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --speed 60 \
	"$top_srcdir/tests/fixtures-summary/longname.yaml"
tm resize-window -t t -x 40 -y 12
wait_screen 'Calf pain before'
keys 3 Enter
wait_screen 'Calf pain after'
keys 2 Enter
wait_screen 'Session complete'
ok $? "40x12: the long session's summary"
wait_screen '↓ more below'
ok $? "40x12: it does not fit: a 'more' mark"
ok "$(! screen | grep -q '…'; echo $?)" "40x12: no item cut with an ellipsis above the mark"
ok "$(! screen | grep -q 'Slow eccentric'; echo $?)" "40x12: the long item, which does not fit, waits for the scroll"
cut=0 whole=0
for k in 1 2 3 4 5 6 7 8; do
	keys Down
	sleep 0.3
	s=$(screen)
	printf '%s\n' "$s" | grep -q '…' && cut=1
	printf '%s\n' "$s" | grep -q '^  Slow eccentric heel drops off a step *$' &&
		printf '%s\n' "$s" | grep -q '^    2 2 of 2; right 2 2 of 2 *$' && whole=1
done
is "$cut" 0 "40x12: scrolling down, no item is ever shown cut"
is "$whole" 1 "40x12: scrolled to, the long item shows whole, first row to last"
wait_screen '↑ more above'
ok $? "40x12: down to the end"
keys q
wait_exit
ok $? "40x12: q leaves"

# ---- TERM=dumb: line by line on a terminal, the summary does not wait ----
tm_start -e env TERM=dumb "$RECOUP" --log "$LOG" "$R"
wait_screen 'rate 0 to 10'
ok $? "TERM=dumb: line by line"
keys 3 Enter q Enter
wait_screen 'Quit this session\?'
keys y Enter
wait_exit
ok $? "TERM=dumb: q y quits, no key needed after the summary"
like "$(screen)" '^Summary:' "TERM=dumb: the summary is printed"
like "$(screen)" '^Stopped in step 2 of 3: Soleus drive' "TERM=dumb: where it stopped"
is "$(screen | grep -A 20 '^Summary:' | grep -c '^EXIT=0')" 1 "TERM=dumb: then the program exits 0"

done_testing
