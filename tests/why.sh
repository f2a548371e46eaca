#!/bin/sh
# why.sh: `recoup --plan --why ROUTINE` over a hand-written log: each side's
# target today, and the sessions and mornings that decided it, in words,
# newest last; --why only with --plan; a log that is no regular file.
. "$top_srcdir/tests/lib.sh"

run() {
	"$RECOUP" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

mkdir "$T/r"
cat >"$T/r/calves.yaml" <<'YAML'
name: Calf care
steps:
  - {type: rate, name: Calf pain before}
  - {type: reps, name: Soleus drive, side: both, sets: 2, reps: 8-12, progress: true}
  - {type: reps, name: Stretch, side: none, sets: 1, reps: 10}
  - {type: rate, name: Calf pain after}
YAML

# a session: SID DAY-TIME LEFT-TARGET LEFT-REPS RIGHT-TARGET RIGHT-REPS PAIN [SPEED]
session() {
	ts="2026-$2:00.000+01:00 $1"
	echo "$ts start routine=\"Calf care\" id=calves file=calves.yaml format=1${8:+ speed=$8}"
	echo "$ts rate n=1 name=\"Calf pain before\" measure=pain value=2"
	for k in 1 2; do
		echo "$ts set n=2 name=\"Soleus drive\" side=left set=$k sets=2 target=$3 reps=$4 min=8 max=12 elapsed=30"
		echo "$ts set n=2 name=\"Soleus drive\" side=right set=$k sets=2 target=$5 reps=$6 min=8 max=12 elapsed=30"
	done
	echo "$ts rate n=4 name=\"Calf pain after\" measure=pain value=$7"
	echo "$ts end status=complete elapsed=900"
}
# a check-in: DAY-TIME PAIN SID-SUFFIX
checkin() { echo "2026-$1:00.000+01:00 c$2$3 checkin pain=$2 stiffness=3 elapsed=4.5"; }

{
	session a1 12-01T07:00 10 10 10 10 3
	session a2 12-01T18:00 11 10 11 11 2
	checkin 12-02T06:40 2 a
	session a3 12-02T07:00 11 11 12 12 4
	session p1 12-02T12:00 12 12 12 12 9 20
	checkin 12-03T06:40 6 b
	session a4 12-03T07:00 11 11 12 12 7
} >"$T/log"

run --log "$T/log" --routine-dir "$T/r" --plan --why calves
is "$rc" 0 "--plan --why: exit status 0"
is "$(cat "$T/err")" "" "--plan --why: nothing on stderr"
is "$(cat "$T/out")" "Calf care: today's targets, and the sessions that decided them (newest last)

Soleus drive, left: 10 reps
  2026-12-01 07:00 session a1: every left set reached 10, pain at most 3 (fine), next morning pain 2: up to 11
  2026-12-01 18:00 session a2: a left set fell short of 11 (10): held at 11
  2026-12-03 06:40 morning pain 6 (back off) after session a3: held at 11
  2026-12-03 07:00 session a4: Calf pain after 7 (back off): second bad session in a row: back to 10

Soleus drive, right: 11 reps
  2026-12-01 07:00 session a1: every right set reached 10, pain at most 3 (fine), next morning pain 2: up to 11
  2026-12-01 18:00 session a2: every right set reached 11, pain at most 2 (fine), next morning pain 2: up to 12
  2026-12-03 06:40 morning pain 6 (back off) after session a3: held at 12
  2026-12-03 07:00 session a4: Calf pain after 7 (back off): second bad session in a row: back to 11" \
	"--plan --why: each side's target, and the decisions in words, newest last"

# a bad morning after the day's first session, and after a rest day: the
# rises not yet worked at taken back, told in time order
{
	session b1 12-01T18:00 10 10 10 10 2
	session b2 12-02T07:00 10 10 10 10 2
	checkin 12-02T08:00 8 a
	checkin 12-04T06:30 7 b
} >"$T/log2"
run --log "$T/log2" --routine-dir "$T/r" --plan --why calves
is "$(sed -n 3,7p "$T/out")" "Soleus drive, left: 9 reps
  2026-12-02 07:00 session b2: every left set reached 10, pain at most 2 (fine): up to 11
  2026-12-02 08:00 morning pain 8 (back off) after session b1: held at 10
  2026-12-02 08:00 morning pain 8 (back off): held at 10, where it was last done
  2026-12-04 06:30 morning pain 7 (back off), no session the day before: second bad session or morning in a row: back to 9" \
	"--plan --why: bad mornings take back rises, in time order"

# the plan without --why still prints the timeline
run --log "$T/log" --routine-dir "$T/r" --plan calves
is "$rc" 0 "--plan alone: exit status 0"
like "$(head -n 1 "$T/out")" '^Calf care \(' "--plan alone: the timeline, not the why"

# no log: where each side starts
run --no-log --routine-dir "$T/r" --plan --why calves
is "$(sed -n 3,4p "$T/out")" "Soleus drive, left: 8 reps
  nothing in the log yet: starts at 8" "--no-log: the start"

# a log that is not a regular file is not read
mkfifo "$T/fifo" 2>/dev/null && {
	run --log "$T/fifo" --routine-dir "$T/r" --plan --why calves
	is "$rc" 0 "a FIFO log: exit status 0"
	like "$(cat "$T/err")" "is not a regular file \(a fifo\): no history read" "a FIFO log: said"
}

# --why goes with --plan
run --why calves --routine-dir "$T/r"
is "$rc" 2 "--why without --plan: a usage error"
like "$(cat "$T/err")" "^recoup: --why goes with --plan$" "--why without --plan: says so"
run --help
like "$(cat "$T/out")" "^        --why  " "--help mentions --why"

done_testing
