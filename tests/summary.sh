#!/bin/sh
# tests/summary.sh: the summary --plain prints last, after "Logged to":
# whole sessions typed ahead on standard input (self-paced sets, rests
# skipped: no time passes), each summary line asserted, and next time's
# target, each side its own, checked against what --plan then shows.
. "$top_srcdir/tests/lib.sh"

R="$top_srcdir/tests/fixtures-summary/summary.yaml"
log="$T/sessions.log"
printf 'lead_in = "0s";\n' >"$T/c.conf"

# run NAME INPUT ARGS...: a --plain session of R with INPUT (printf format)
# on standard input; its stdout in $T/NAME.out, exit status in $rc.
run() {
	_name=$1
	_in=$2
	shift 2
	# shellcheck disable=SC2059
	printf "$_in" | "$RECOUP" --config "$T/c.conf" --plain "$@" "$R" >"$T/$_name.out" 2>"$T/$_name.err"
	rc=$?
}
# summary NAME: the lines from "Summary:" on
summary() { sed -n '/^Summary:$/,$p' "$T/$1.out"; }
# plan_target: the first set's reps of each side in --plan, "LEFT RIGHT"
plan_target() {
	"$RECOUP" --config "$T/c.conf" --plan --log "$log" "$R" >"$T/plan.out"
	printf '%s %s' "$(sed -n 's/.*LEFT set 1 of 2: \([0-9]*\) reps.*/\1/p' "$T/plan.out")" \
		"$(sed -n 's/.*RIGHT set 1 of 2: \([0-9]*\) reps.*/\1/p' "$T/plan.out")"
}

# ---- every set at the target: the target moves up ----
run up '3\n8\n8\nn\n8\n8\n2\n' --log "$log"
is "$rc" 0 "complete: exit 0"
is "$(sed -n '/^Logged to /{n;p;}' "$T/up.out")" "Summary:" "the summary comes right after 'Logged to', under 'Summary:'"
like "$(summary up | sed -n 2p)" '^Time: 0:0[0-9] of 0:30 planned$' "the time done against the time planned"
is "$(summary up | sed 1,2d)" "Calf pain: 3 before, 2 after (-1)
Soleus drive: left 8 8 of 8; right 8 8 of 8
  next time: 9 reps each side" "the ratings with their change, the sets per side, next time moves up"
is "$(tail -n 1 "$T/up.out")" "  next time: 9 reps each side" "the summary is the last thing printed"
is "$(plan_target)" "9 9" "--plan agrees: 9 reps next time, each side"

# ---- a set short on the right, a rest skipped: that side holds ----
run held '4\n9\n7\nn\n9\n9\n4\n' --log "$log"
is "$rc" 0 "held: exit 0"
is "$(summary held | sed 1,2d)" "Calf pain: 4 before, 4 after (no change)
Soleus drive: left 9 9 of 9; right 7* 9 of 9
  next time: left 10 reps; right 9 reps (not every set reached 9)
* short of the target" "a set short is marked; that side holds, saying why; the other side moves up"
is "$(plan_target)" "10 9" "--plan agrees per side: left 10, right 9 again"

# ---- a skipped set and rating (the left stays short of its 10) ----
run skipped 'n\n9\nn\nn\n9\n9\nn\n' --log "$log"
is "$(summary skipped | sed 1,2d)" "Calf pain: skipped before, skipped after
Soleus drive: left 9* 9* of 10; right skipped 9 of 9
  next time: left 10 reps (not every set reached 10); right 9 reps (not every set was done)
* short of the target" "a skipped set and skipped ratings say skipped; each side's target and why"
is "$(plan_target)" "10 9" "--plan agrees: both sides held"

# ---- quit early: how far it got ----
run quit '2\n10\nq\n' --log "$log"
is "$rc" 0 "quit: exit 0"
is "$(summary quit)" "Summary:
Stopped in step 2 of 3: Soleus drive
Time: 0:00 of 0:30 planned
Calf pain: 2 before, not reached after
Soleus drive: left 10 of 10; right skipped of 9
  next time: left 10 reps; right 9 reps (not every set was done on either side)" "quit: where it stopped, the set cut off (logged as skipped), what was not reached"

# ---- practice: does not count ----
run practice '3\n10\n10\nn\n10\n10\n3\n' --log "$log" --speed 10
is "$(summary practice | sed -n 2p)" "Practice (speed 10): history and progression leave it out" \
	"practice: said so"
is "$(summary practice | sed 1,3d)" "Calf pain: 3 before, 3 after (no change)
Soleus drive: left 10 10 of 10; right 10 10 of 9
  next time: left 10 reps; right 9 reps (practice does not count)" \
	"practice: next time is the last real session's, each side, the reason said once"
is "$(plan_target)" "10 9" "--plan agrees: practice moved neither side (the right's 10s count for nothing)"

# ---- --no-log: from this session alone ----
run nolog '3\n8\n8\nn\n8\n8\n2\n' --no-log
is "$(summary nolog | tail -n 2)" "  next time: 9 reps each side
Not logged: next time follows from this session alone" "--no-log: next time from the session's own lines, said"

# ---- a fatal signal: no summary, as before ----
mkfifo "$T/sig.in"
"$RECOUP" --config "$T/c.conf" --plain --log "$log" "$R" <"$T/sig.in" >"$T/sig.out" 2>&1 &
pid=$!
exec 3>"$T/sig.in"
i=0
while ! grep -q 'rate 0 to 10' "$T/sig.out" && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM "$pid"
wait "$pid" 2>/dev/null
rc=$?
exec 3>&-
is "$rc" 143 "SIGTERM: 128+15"
ok "$(! grep -q '^Summary:' "$T/sig.out"; echo $?)" "SIGTERM: no summary"

done_testing
