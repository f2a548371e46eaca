#!/bin/sh
# tests/logfaults.sh: the session log under faults: a full disk, several
# sessions on one log, the log renamed, removed or truncated mid-session;
# then the log read back (--history, rep progression).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

bad_lines() { grep -Evc -- "$LINE_RE" "$1"; }
# plan_target ROUTINE LOG: the reps of the first set in --plan
plan_target() {
	"$RECOUP" --plan --log "$2" "$1" | sed -n 's/.*set 1 of 1: \([0-9]*\) reps.*/\1/p'
}

full_events="start step rate done step done step ice ice done step spot spot spot spot done step set set set set done step done end"
printf '5\n\n' > "$T/answers.txt"

# ---- a full disk: the session goes on, nothing is lost ----
if [ -w /dev/full ]; then
	start_from "$T/answers.txt" full --plain --speed 100 --log /dev/full "$F/short.yaml"
	finish
	is "$rc" 1 "log on /dev/full: the session completes, exit 1 (a log problem)"
	like "$(cat "$T/full.out")" '^Warning: the log /dev/full cannot be written \(No space left on device\); lines are kept and retried$' \
		"stdout says the log cannot be written"
	like "$(cat "$T/full.out")" '\] Routine complete\. Well done' "the session ran to its end"
	is "$(grep -c '^Logged to' "$T/full.out")" 0 "no 'Logged to'"
	is "$(sed -n 1p "$T/full.err")" \
		"recoup: could not write 25 lines to /dev/full (No space left on device); here they are:" \
		"stderr at exit: a header naming the log and the count"
	sed 1d "$T/full.err" > "$T/full.lines"
	is "$(wc -l < "$T/full.lines" | tr -d ' ')" 25 "then the 25 lines"
	is "$(bad_lines "$T/full.lines")" 0 "every unwritten line is whole"
	is "$(events "$T/full.lines")" "$full_events" "start ... end, in order"
	like "$(tail -n 1 "$T/full.lines")" ' end status=complete elapsed=75(\.[0-9]{3})?$' "the end line last"
else
	ok 0 "# SKIP no writable /dev/full"
fi

# ---- four sessions on one log at once ----
log="$T/shared.log"
pids=
for k in 1 2 3 4; do
	start_from /dev/null "busy$k" --plain --speed 600 --log "$log" "$F/busy.yaml"
	pids="$pids $pid"
done
rcs=
for pid in $pids; do
	name=busy
	finish
	rcs="$rcs$rc"
done
is "$rcs" 0000 "four sessions at once: all exit 0"
is "$(bad_lines "$log")" 0 "every line of the shared log is whole"
is "$(awk '{ print $2 }' "$log" | sort -u | wc -l | tr -d ' ')" 4 "four session ids"
first=$(awk 'NR == 1 { print $2 }' "$log")
awk -v s="$first" '$2 == s' "$log" > "$T/one.log"
ref=$(events "$T/one.log")
like "$ref" '^start step ice( ice){5} done step( spot){6} done step( set){6} done step done end$' "a session's events"
same=0
for s in $(awk '{ print $2 }' "$log" | sort -u); do
	awk -v s="$s" '$2 == s' "$log" > "$T/one.log"
	[ "$(events "$T/one.log")" = "$ref" ] && same=$((same + 1))
	tail -n 1 "$T/one.log" | grep -q ' end status=complete ' || same=$((same + 100))
done
is "$same" 4 "each session's lines complete, start to end status=complete"
is "$(wc -l < "$log" | tr -d ' ')" $((4 * $(printf '%s\n' "$ref" | wc -w))) "nothing lost, nothing doubled"

# ---- the log moved or cut under a running session ----
# prompts.yaml: rate, note, a 2 s timer, rate.  The log is changed while the
# note waits; the lines after it must land at the path.
for how in rename remove truncate; do
	log="$T/$how.log"
	start "$how" --plain --speed 10 --log "$log" "$F/prompts.yaml"
	wait_for "rate 0 to 10"
	send 3
	wait_for "Press Enter to go on"
	case $how in
	rename) mv "$log" "$log.1" ;;
	remove) mv "$log" "$log.gone" ;;
	truncate) cp "$log" "$log.copy" && : > "$log" ;;
	esac
	send ""
	wait_for "After: rate 0 to 10"
	send 4
	wait_for "Logged to $log"
	finish
	is "$rc" 0 "log ${how}d mid-session: exit 0"
	is "$(grep -c '^Warning' "$T/$how.out")" 0 "$how: no warning, the log never failed"
	is "$(bad_lines "$log")" 0 "$how: every line at the path is whole"
	is "$(events "$log")" "done step done step rate done end" "$how: the later events at the path"
	is "$(awk '{ print $2 }' "$log" | sort -u | wc -l | tr -d ' ')" 1 "$how: one session"
	case $how in
	rename)
		is "$(events "$log.1")" "start step rate done step" "the renamed file keeps the earlier events"
		is "$(cat "$log.1" "$log" | awk '{ print $3 }' | tr '\n' ' ')" \
			"start step rate done step done step done step rate done end " \
			"log.1 and log together hold every event once"
		;;
	remove)
		is "$(events "$log.gone")" "start step rate done step" "removed: the earlier events stayed in the old file"
		is "$(ls -l "$log" | cut -c1-10)" "-rw-------" "the new file is 0600"
		;;
	truncate)
		is "$(tr -d '\000' < "$log" | wc -c | tr -d ' ')" "$(wc -c < "$log" | tr -d ' ')" \
			"truncated: no NUL bytes in the file"
		is "$(events "$log.copy")" "start step rate done step" "the copy holds the earlier events"
		;;
	esac
done

# ---- a stopped process (Ctrl-Z, suspend): the gap is logged, not counted ----
# Two sessions in one spot are stopped for 3.5 s (35 s of session time at
# --speed 10, more than the engine's gap); meanwhile one is sent `n`, the
# other SIGTERM.  Neither may log the stopped time as massage done.
start gapn --plain --speed 10 --log "$T/gapn.log" "$F/stop.yaml"
pid_n=$pid
exec 4>&3
start gapt --plain --speed 10 --log "$T/gapt.log" "$F/stop.yaml"
pid_t=$pid
name=gapn; wait_for "] Inner, 1:00"
ok $? "session n: in the spot"
name=gapt; wait_for "] Inner, 1:00"
ok $? "session t: in the spot"
sleep 0.3 # a few seconds of massage before the stop
kill -s STOP "$pid_n" "$pid_t"
sleep 3.5
printf 'n\n' >&4
kill -s TERM "$pid_t"
kill -s CONT "$pid_n" "$pid_t"
name=gapn; wait_for "Logged to"
exec 4>&-
name=gapn; pid=$pid_n; finish
is "$rc" 0 "n after a stop: exit 0"
is "$(events "$T/gapn.log")" "start step pause resume skip done end" "the gap is seen first: pause, resume, then the spot cut short (a skip)"
like "$(grep ' pause ' "$T/gapn.log")" ' reason=gap gap=3[0-9]\.[0-9]{3}$' "pause reason=gap with the stopped time"
el=$(grep ' skip .*what=spot ' "$T/gapn.log" | sed 's/.* elapsed=\([0-9]*\).*/\1/')
ok "$([ "$el" -lt 20 ]; echo $?)" "the spot logs only the time before the stop (${el} s, not 35 more)"
name=gapt; pid=$pid_t; finish
is "$rc" 143 "SIGTERM after a stop: exit 143"
is "$(events "$T/gapt.log")" "start step pause resume skip end" "the gap is seen before the abort (and the pause closed)"
el=$(grep ' skip .*what=spot ' "$T/gapt.log" | sed 's/.* elapsed=\([0-9]*\).*/\1/')
ok "$([ "$el" -lt 20 ]; echo $?)" "the aborted spot logs only the time before the stop (${el} s)"
like "$(tail -n 1 "$T/gapt.log")" ' end status=aborted elapsed=[0-9.]+ signal=TERM$' "end status=aborted signal=TERM"

# ---- the log read back: --history and rep progression ----
# progress.yaml: one self-paced set, reps 8-10 with progress.
log="$T/history.log"
R="$F/progress.yaml"
# session ROUTINE LOG COUNT [--speed N]: skip the lead-in, do COUNT reps
session() {
	r=$1
	l=$2
	c=$3
	shift 3
	start hist --plain --log "$l" "$@" "$r"
	wait_for "Get ready"
	send n
	wait_for "count each rep" 2
	send "$c"
	wait_for "Logged to"
	finish
	[ "$rc" -eq 0 ] || echo "# session exit $rc"
}
is "$(plan_target "$R" "$log")" 8 "--plan: a new log starts at the bottom of the range"
session "$R" "$log" 8
like "$(grep ' set ' "$log")" ' target=8 reps=8 ' "session 1: 8 of 8"
is "$(plan_target "$R" "$log")" 9 "--plan: every set reached 8, so the next target is 9"
session "$R" "$log" 9 --speed 10
like "$(grep ' set ' "$log" | tail -n 1)" ' target=9 reps=9 ' "a practice session at the new target"
is "$(plan_target "$R" "$log")" 9 "practice sessions never count for progression: still 9"
session "$R" "$log" 7
like "$(grep ' set ' "$log" | tail -n 1)" ' target=9 reps=7 ' "session 3 falls short: 7 of 9"
is "$(plan_target "$R" "$log")" 9 "a set short of the target: the target stays"
"$RECOUP" --history --log "$log" > "$T/history.out" 2> "$T/history.err"
is "$?" 0 "--history --log FILE: exit 0"
like "$(cat "$T/history.out")" 'Progress' "--history names the routine"
like "$(cat "$T/history.out")" '^Sessions: 2,' "--history counts the two sessions, not the practice one"
like "$(cat "$T/history.out")" 'practice' "and says a practice session was left out"
is "$(cat "$T/history.err")" "" "--history: nothing on stderr"
"$RECOUP" --history --practice --log "$log" > "$T/history-p.out" 2>&1
is "$?" 0 "--history --practice: exit 0"
like "$(cat "$T/history-p.out")" '^Sessions: 3,' "--history --practice counts the practice session too"

done_testing
