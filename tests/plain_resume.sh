#!/bin/sh
# --plain --resume: a line-by-line session aborted by a signal (TERM) is
# taken up line by line where it stopped, says so, and its summary counts
# both parts; a routine that gained a step since says where it starts.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

DIR="$T/routines"
mkdir -p "$DIR"
cp "$top_srcdir/tests/fixtures-ui/resume/ui-resume.yaml" "$DIR/"
# the screen with wrapped lines joined, and a wait on it
pj() { tm capture-pane -p -J -t t 2>/dev/null; }
_pj_has() { pj | grep -Eq -- "$1"; }
wait_pj() { _poll 10 _pj_has "$1" || { show_screen; return 1; }; }
run() { tm_start -e "$RECOUP" --plain --log "$LOG" --speed 20 --routine-dir "$DIR" "$@"; }
# reps N SIDE SET: N presses of r for the set, once it is asked for
reps() {
	wait_pj "^\\[[0-9:]+\\] $2 set $3 of [13]: 2 reps of (Heel raise|Bent knee)"
	keys r Enter r Enter
	wait_log " set n=[24] name=\"(Heel raise|Bent knee)\" side=$(echo "$2" | tr A-Z a-z) set=$3 .* reps=2 "
}

run ui-resume
wait_pj 'Pain before'
keys 2 Enter
reps 2 LEFT 1
ok $? "left set 1"
sleep 1.1
reps 2 RIGHT 1
ok $? "right set 1"
sleep 0.3
kill -TERM "$(recoup_pid)"
wait_exit
is "$(exit_status)" 143 "TERM: exit 143"
like "$(tail -n 1 "$LOG")" ' end status=aborted elapsed=[0-9.]+ signal=TERM$' "aborted"
FIRST=$(awk '$3 == "start" { print $2; exit }' "$LOG")

run --resume
wait_pj 'Resuming UI resume of today [0-9:]+ \(aborted\)\. Resumed at step 2 of 5, Heel raise: 2 sets done before'
ok $? "--plain --resume: which session, where, and what was done before"
wait_pj 'Step 2 of 5, Heel raise\. Get ready: LEFT set 2 of 3'
ok $? "it starts at left set 2"
like "$(grep ' start ' "$LOG" | tail -n 1)" " resumes=$FIRST\$" "its start line says resumes="
reps 2 LEFT 2
for s in 'RIGHT 2' 'LEFT 3' 'RIGHT 3'; do
	sleep 1.1
	reps 2 $s
done
ok $? "the heel raises done"
sleep 1.1
reps 2 LEFT 1
sleep 1.1
reps 2 RIGHT 1
sleep 1.1
wait_pj 'Pain after'
keys 1 Enter
wait_exit
is "$(exit_status)" 0 "complete: exit 0"
like "$(tail -n 1 "$LOG")" ' end status=complete ' "end status=complete"
like "$(pj)" 'Heel raise: left 2 2 2 of 2; right 2 2 2 of 2' "the summary counts the sets of both parts"
like "$(pj)" 'Pain: 2 before, 1 after' "and the first part's rating"

# a step added before the one it stopped at: said, and it goes on by name
run ui-resume
wait_pj 'Pain before'
keys 4 Enter
wait_pj '^\[[0-9:]+\] LEFT set 1 of 3'
keys q Enter
wait_exit
sed -i.bak 's/^steps:$/steps:\n  - {type: note, name: New first step}/' "$DIR/ui-resume.yaml"
run --resume ui-resume
wait_pj 'The routine changed since; starting at Heel raise \(step 3 of 6\): no set, spot or ice round done before'
ok $? "the routine changed since: said, starting at the step by its name"
wait_pj 'Step 3 of 6, Heel raise\. Get ready: LEFT set 1 of 3'
ok $? "at the step it stopped at"
keys q Enter
wait_exit

# nothing to resume of a routine whose last session ended complete
{
	grep " $FIRST " "$LOG"
	grep " $(grep " resumes=$FIRST" "$LOG" | awk '{ print $2 }') " "$LOG"
} >"$T/log2"
"$RECOUP" --plain --log "$T/log2" --speed 20 --routine-dir "$DIR" --resume ui-resume \
	</dev/null >"$T/out" 2>&1
is "$?" 1 "its last session complete: nothing to resume, exit 1"
like "$(cat "$T/out")" "no practice session of UI resume to resume: its last one in $T/log2 ended complete" \
	"and why"
"$RECOUP" --plain --log "$T/log2" --routine-dir "$DIR" --resume ui-resume </dev/null >"$T/out" 2>&1
like "$(cat "$T/out")" 'no session of UI resume to resume: .*\(practice sessions resume with --speed\)' \
	"a practice session is resumed by a practice run only"
"$RECOUP" --plain --no-log --resume ui-resume </dev/null >"$T/out" 2>&1
is "$?" 2 "--resume --no-log: a usage error"
like "$(cat "$T/out")" 'it cannot go with --no-log' "which says why"

done_testing
