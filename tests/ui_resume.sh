#!/bin/sh
# Resume on the dashboard: a session killed (kill -9) halfway through a
# step is taken up by `recoup --resume` at the set where it stopped, the
# sets done before counted; its start line says resumes=SID, the summary
# counts the sets of both parts, and --history shows one session.  The
# picker offers today's session quit with q y (u takes it up), and a
# routine whose step was removed since refuses clearly.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

wait_joined() { _poll 10 _joined_has "$1" || { show_screen; return 1; }; }

DIR="$T/routines"
mkdir -p "$DIR"
cp "$top_srcdir/tests/fixtures-ui/resume/ui-resume.yaml" "$DIR/"

# the first part: the rating, both first sets, then killed in left set 2
tm_start --speed 20 --routine-dir "$DIR" ui-resume
wait_screen 'Pain before'
keys 2 Enter
wait_log ' rate n=1 name="Pain before" measure=pain value=2$'
ok $? "the rating before"
wait_screen 'space rep'
keys Space Space
wait_log ' set n=2 name="Heel raise" side=left set=1 .* reps=2 '
ok $? "left set 1"
# presses just after a set ended by itself are dropped (the guard time)
sleep 1.1
wait_screen 'space rep'
keys Space Space
wait_log ' set n=2 name="Heel raise" side=right set=1 .* reps=2 '
ok $? "right set 1"
sleep 1.1
wait_screen 'LEFT set 2 of 3'
wait_screen 'space rep'
keys Space
sleep 0.3
FIRST=$(awk '$3 == "start" { print $2; exit }' "$LOG")
kill -KILL "$(recoup_pid)"
# the screen is left as it was: EXIT= is where the cursor was
_killed_137() { tm capture-pane -p -J -t t 2>/dev/null | grep -q 'EXIT=137'; }
_poll 10 _killed_137
ok $? "killed with -9"
ok "$(! grep -q ' end ' "$LOG"; echo $?)" "no end line: the session was lost"

# the second part
tm_start --speed 20 --routine-dir "$DIR" --resume
wait_screen 'LEFT set 2 of 3'
ok $? "--resume: at left set 2 of 3, where it stopped"
wait_body_joined 'Resuming UI resume of today [0-9:]+ \(not ended: killed, or the terminal lost\)'
ok $? "the screen says which session it resumes"
like "$(body_joined)" 'Resumed at step 2 of 5, Heel raise: 2 sets done before' \
	"and at which step, with the sets done before counted"
START=$(grep ' start ' "$LOG" | tail -n 1)
like "$START" " resumes=$FIRST\$" "the new start line: resumes= the session killed"
ok "$(! echo "$START" | grep -q " $FIRST start"; echo $?)" "under a new session id"
like "$(grep ' step ' "$LOG" | tail -n 1)" ' step n=2 type=reps name="Heel raise"$' \
	"the step entered again"
wait_screen 'space rep'
keys Space Space
wait_log ' set n=2 name="Heel raise" side=left set=2 .* reps=2 '
ok $? "left set 2 done in the second part"
for s in 'right set=2' 'left set=3' 'right set=3'; do
	sleep 1.1
	wait_screen 'space rep'
	keys Space Space
	wait_log " set n=2 name=\"Heel raise\" side=${s% *} ${s#* } .* reps=2 "
done
ok $? "and the rest of the heel raises"
# the spots run out by themselves, 20 s at speed 20 each
wait_screen 'Bent knee'
wait_screen 'space rep'
keys Space Space
sleep 1.1
wait_screen 'space rep'
keys Space Space
sleep 1.1
wait_screen 'Pain after'
keys 1 Enter
wait_log ' end status=complete'
ok $? "finished: complete"
wait_screen 'Session complete'
ok $? "the summary: complete"
like "$(joined)" 'Heel raise: left 2 2 2 of 2; right 2 2 2 of 2' \
	"it counts the sets of both parts"
like "$(joined)" 'Pain: 2 before, 1 after' "and the rating of the first part"
keys q
wait_exit
is "$(exit_status)" 0 "exit 0"

H=$("$RECOUP" --log "$LOG" --history --detail --practice)
like "$H" 'Sessions: 1,' "--history: one session"
like "$H" '1 complete, 0 quit, 0 aborted, 0 unfinished' "complete, as its last part ended"
like "$H" 'Heel raise, left side' "with its sets"
like "$(echo "$H" | grep -A1 'Heel raise, left side' | tail -n 1)" '6 reps in 3 sets' \
	"three sets of the left leg, from both parts"

# nothing more to resume: said, exit 1
tm_start --speed 20 --routine-dir "$DIR" --resume
wait_exit
is "$(exit_status)" 1 "nothing to resume: exit 1"
like "$(joined)" 'no practice session to resume: the last one of each routine in .* ended complete' \
	"and why"

# ---- the picker's offer: a session quit on purpose (q y) today ----
rm -f "$LOG"
tm_start --speed 20 --routine-dir "$DIR" ui-resume
wait_screen 'Pain before'
keys 3 Enter
wait_screen 'space rep'
keys Space Space
wait_log ' set n=2 name="Heel raise" side=left set=1 .* reps=2 '
keys q
wait_screen 'Quit this session\?'
keys y
wait_log ' end status=quit '
ok $? "quit on purpose"
wait_screen 'Session ended early'
keys q
wait_exit
QUIT=$(awk '$3 == "start" { print $2; exit }' "$LOG")

tm_start --speed 20 --routine-dir "$DIR"
wait_joined 'UI resume of today [0-9:]+ stopped at step 2, Heel raise: u resumes it where it stopped'
ok $? "the picker offers today's session that did not end complete"
keys '?'
wait_screen 'recoup: keys'
like "$(screen)" '^   u +resume (the last session not complete|a session)' "the help names u"
keys x
wait_gone 'recoup: keys'
keys u
wait_screen 'RIGHT set 1 of 3'
ok $? "u: it goes on at the right set 1, the left one done"
like "$(grep ' start ' "$LOG" | tail -n 1)" " resumes=$QUIT\$" "its start says resumes="
AGAIN=$(grep ' start ' "$LOG" | tail -n 1 | awk '{ print $2 }')
sleep 0.3
keys q
wait_screen 'Quit this session\?'
keys y
wait_screen 'Session ended early'
like "$(joined)" 'Heel raise: left 2 of 2; right skipped' "the summary has the first part's set"
keys q
wait_joined 'u resumes it where it stopped'
ok $? "back in the picker, quit again: offered again"
keys u
wait_screen 'RIGHT set 1 of 3'
like "$(grep ' start ' "$LOG" | tail -n 1)" " resumes=$AGAIN\$" \
	"a resume of the resume names the second part"
keys q
wait_screen 'Quit this session\?'
keys y
wait_screen 'Session ended early'
keys q q
wait_exit
is "$("$RECOUP" --log "$LOG" --history --detail --practice | grep -c '^Sessions: 1,')" 1 \
	"three parts, one session in --history"

# ---- the routine changed since: the step it stopped at is gone ----
sed -i.bak '/Heel raise/d' "$DIR/ui-resume.yaml"
starts=$(grep -c ' start ' "$LOG")
tm_start --speed 20 --routine-dir "$DIR" --resume ui-resume
wait_exit
is "$(exit_status)" 1 "a step removed: refused, exit 1"
like "$(tm capture-pane -p -J -t t)" 'cannot resume UI resume of today [0-9:]+: the routine changed since: its step 2, Heel raise, where the session stopped, is no longer in it; nothing to resume \(start it afresh\)' \
	"and it says why"
is "$(grep -c ' start ' "$LOG")" "$starts" "no session started"

# ---- a session running in another terminal: not offered ----
mv "$DIR/ui-resume.yaml.bak" "$DIR/ui-resume.yaml"
rm -f "$LOG"
mkfifo "$T/other.in"
"$RECOUP" --plain --speed 20 --log "$LOG" --routine-dir "$DIR" ui-resume \
	<"$T/other.in" >"$T/other.out" 2>&1 &
other=$!
exec 4>"$T/other.in"
printf '3\n' >&4
wait_log ' rate n=1 '
tm_start --speed 20 --routine-dir "$DIR"
wait_screen 'UI resume'
# the offer is read before the first frame, which is drawn whole by now
wait_screen 'Enter start'
! joined | grep -q 'u resumes it'
ok $? "the picker: today's session still running elsewhere is not offered"
keys q
wait_exit
kill -KILL "$other"
wait "$other" 2>/dev/null
exec 4>&-
tm_start --speed 20 --routine-dir "$DIR"
wait_joined 'UI resume of today [0-9:]+ stopped at step [0-9]+, [A-Za-z ]+: u resumes it where it stopped'
ok $? "killed with -9: the lock gone with it, offered"
keys q
wait_exit

# the picker without a log: u says there is nothing to resume
tm_start -e "$RECOUP" --no-log --speed 20 --routine-dir "$DIR"
wait_screen 'UI resume'
keys u
wait_joined 'nothing to resume: no log is written \(--no-log\)'
ok $? "u with --no-log: nothing to resume, said"
keys q
wait_exit
is "$(exit_status)" 0 "and the picker goes on (q leaves it)"

done_testing
