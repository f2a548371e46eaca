#!/bin/sh
# --resume and what it must not lose (issue 12's review): a session still
# running (its lock held) is never resumed, even after kill -9 of another;
# a set logged short of its target is done, not redone over on resume; and
# a resume after a step was removed from the routine still sums up the
# first part's sets and rating.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

DIR="$T/routines"
mkdir -p "$DIR"
cp "$top_srcdir/tests/fixtures-ui/resume/ui-resume.yaml" "$DIR/"
cat >"$DIR/drop.yaml" <<'YAML'
name: Drop
steps:
  - {type: reps, name: Drop, side: both, sets: 2, reps: 12, tempo: self, rest: 30s}
  - {type: timer, name: Hold, duration: 20s}
YAML
pj() { tm capture-pane -p -J -t t 2>/dev/null; }
_pj_has() { pj | grep -Eq -- "$1"; }
wait_pj() { _poll 10 _pj_has "$1" || { show_screen; return 1; }; }
unlike() { ! printf '%s\n' "$1" | grep -Eq -- "$2"; ok $? "$3"; }
plain() { "$RECOUP" --plain --log "$LOG" --speed 20 --routine-dir "$DIR" "$@"; }

# ---- a session still running is not resumed ----
tm_start -e "$RECOUP" --plain --log "$LOG" --speed 20 --routine-dir "$DIR" ui-resume
wait_pj 'Pain before'
keys 2 Enter
wait_log ' rate n=1 '
RUNNING=$(awk '$3 == "start" { print $2; exit }' "$LOG")
plain --resume ui-resume </dev/null >"$T/out" 2>&1
is "$?" 1 "--resume of a session running in another terminal: refused, exit 1"
like "$(cat "$T/out")" 'no practice session of UI resume to resume: its last one is still running' \
	"and why"
plain --resume </dev/null >"$T/out" 2>&1
like "$(cat "$T/out")" 'still running' "--resume of any routine: the same"
[ -e "$XDG_STATE_HOME/recoup/running/$RUNNING" ]
ok $? "its lock file, under the state directory"
kill -KILL "$(recoup_pid)"
wait_exit
(sleep 0.3; echo q) | plain --resume ui-resume >"$T/out" 2>&1
like "$(cat "$T/out")" 'Resuming UI resume of today [0-9:]+ \(not ended' \
	"killed with -9: the kernel let the lock go, the session resumes"
like "$(grep ' start ' "$LOG" | tail -n 1)" " resumes=$RUNNING\$" "resumes= the killed one"
[ ! -e "$XDG_STATE_HOME/recoup/running/$RUNNING" ]
ok $? "the lock file a killed session left: removed"
ls "$XDG_STATE_HOME/recoup/running" >"$T/ls"
is "$(cat "$T/ls")" "" "and a session's own removed at its end"

# ---- a session resumed while it still ran (an older recoup, two
# machines): its later sets and complete end count ----
cat >"$T/pair.log" <<'LOG'
2026-12-05T07:00:00.000+00:00 a1a1a1 start routine=Drop id=drop format=1
2026-12-05T07:00:10.000+00:00 a1a1a1 set n=1 name=Drop side=left set=1 sets=2 target=12 reps=12 elapsed=9
2026-12-05T07:00:20.000+00:00 b1b1b1 start routine=Drop id=drop format=1 resumes=a1a1a1
2026-12-05T07:00:30.000+00:00 a1a1a1 set n=1 name=Drop side=right set=1 sets=2 target=12 reps=12 elapsed=9
2026-12-05T07:00:40.000+00:00 a1a1a1 set n=1 name=Drop side=left set=2 sets=2 target=12 reps=12 elapsed=9
2026-12-05T07:00:50.000+00:00 a1a1a1 end status=complete elapsed=50
2026-12-05T07:01:00.000+00:00 b1b1b1 end status=quit elapsed=40
LOG
TZ=UTC "$RECOUP" --history --detail --log "$T/pair.log" >"$T/hist" 2>&1
like "$(cat "$T/hist")" '1 complete, 0 quit' "--history: the pair complete, not the resume's quit"
like "$(cat "$T/hist")" '24 reps in 2 sets' "with the first part's sets after the resume"

# ---- a set logged short of its target is done ----
: >"$LOG"
(sleep 0.5; echo 12; sleep 0.3; echo 10; sleep 0.3; echo q) | plain drop >/dev/null 2>&1
like "$(grep ' set ' "$LOG" | tail -n 1)" 'side=right set=1 .* reps=10 ' "right set 1: 10 of 12, logged"
(sleep 0.5; echo q) | plain --resume drop >"$T/out" 2>&1
like "$(cat "$T/out")" 'Get ready: LEFT set 2 of 2' "the resume goes on at left set 2"
unlike "$(cat "$T/out")" 'RIGHT set 1 of 2' "not at right set 1 again"
unlike "$(cat "$T/out")" 'Drop: .*right skipped' "and the summary keeps the 10 reps"
is "$(grep -c 'what=set side=right set=1 ' "$LOG")" 0 "no skip of right set 1 logged over it"

# ---- a step removed before the resume point: the summary keeps part one ----
: >"$LOG"
(sleep 0.3; echo 2; sleep 0.4; echo 12; sleep 0.4; echo 12; sleep 0.3; echo q) |
	plain ui-resume >/dev/null 2>&1
like "$(grep ' set ' "$LOG" | tail -n 1)" 'side=right set=1 .* reps=12 ' "part one: both first sets"
sed -i.bak '/name: Pain before/d' "$DIR/ui-resume.yaml"
(sleep 0.5; echo q) | plain --resume ui-resume >"$T/out" 2>&1
like "$(cat "$T/out")" 'The routine changed since; starting at Heel raise \(step 1 of 4\)' "resumed by name"
like "$(cat "$T/out")" 'Heel raise: left 12 [^;]*; right 12 ' "the summary counts part one's sets"
like "$(cat "$T/out")" 'Pain before: 2 \(a step no longer in the routine\)' \
	"and part one's rating of the step removed"

done_testing
