#!/bin/sh
# tests/history.sh: the `--history` report end to end, through history_cli
# (history_command() with `now` pinned), against expected files: the full
# listing (--detail); the summary is tests/history_summary.sh.
. "$srcdir/tests/lib.sh"

CLI="$top_builddir/tests/history_cli"
NOW=1795608000   # 2026-11-25T12:00:00Z, ISO week 48
FIX="$srcdir/tests/fixtures"

same() { # same GOT-FILE WANT-FILE DESCRIPTION
	if cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff -u "$2" "$1" | sed 's/^/#   /'
	fi
}

# The fixture is read by a relative name so messages do not depend on
# where the source tree is.
cd "$FIX" || exit 99

"$CLI" --detail --now $NOW history.log >"$T/out" 2>"$T/err"
is $? 0 "a log with corrupt lines still reports, exit 0"
same "$T/out" history-expected.txt "the report"
same "$T/err" history-expected.err "corrupt lines named on stderr with line numbers"

"$CLI" --detail --now $NOW --practice history.log >"$T/out" 2>/dev/null
like "$(sed -n 1p "$T/out")" '^Sessions: 6, ' "--practice counts the practice session"
like "$(cat "$T/out")" '    2026-11-20: 15 reps in 1 set, target 9' "and shows its reps"

"$CLI" --detail --now $NOW --routine ALFREDSON-HEEL-DROPS history.log >"$T/out" 2>/dev/null
like "$(sed -n 1p "$T/out")" '^Sessions: 2, from 2026-11-20 to 2026-11-24$' "--routine by id"
like "$(sed -n '/^Routines/,/^$/p' "$T/out")" '^  Alfredson heel drops: 2 sessions, 1 completed, last 2026-11-24$' "only that routine"

"$CLI" --detail --now $NOW --since 2026-11-20 history.log >"$T/out" 2>/dev/null
like "$(sed -n 1p "$T/out")" '^Sessions: 3, from 2026-11-20 to 2026-11-24$' "--since"

"$CLI" --detail --now $NOW --since 2026-12-01 history.log >"$T/out" 2>/dev/null
is "$(cat "$T/out")" "no sessions in history.log match --since 2026-12-01" "nothing since"

"$CLI" --detail --now $NOW --since 2026-11-31 history.log >"$T/out" 2>"$T/err"
is $? 2 "a bad date is a usage error"
is "$(cat "$T/err")" 'recoup: --since wants a date as YYYY-MM-DD, not "2026-11-31"' "and says so"

# Dates as stamped: the 23:30 session at -02:00 is on the 22nd, read in
# UTC (the report above) or two hours west; --since takes local days.
TZ=UTC+2 "$CLI" --detail --now $NOW --since 2026-11-23 history.log >"$T/out" 2>/dev/null
like "$(sed -n 1p "$T/out")" '^Sessions: 1, from 2026-11-24 to 2026-11-24$' "--since in local time"
TZ=UTC+2 "$CLI" --detail --now $NOW --routine post-run-calf-care history.log >"$T/out" 2>/dev/null
like "$(cat "$T/out")" '^  Post-run calf care: 3 sessions, 1 completed, last 2026-11-22$' "dates as stamped"
like "$(cat "$T/out")" '^  week of 2026-11-16 \(2026-W47\): 2$' "weeks by the stamps' days"

# Ratings with their measure, pain with the zone of its last value, and
# the morning check-ins as a trend: per item, one value a day (a second
# check-in that morning corrects the first), oldest first.
"$CLI" --detail --now $NOW history-checkin.log >"$T/out" 2>"$T/err"
sed -n '/^Ratings$/,$p' "$T/out" >"$T/tail"
same "$T/tail" history-checkin-expected.txt "ratings by measure and the check-in trend"
is "$(cat "$T/err")" "" "a checkin line is no corrupt line"
like "$(sed -n 1,2p "$T/out")" '^Sessions: 2, from 2026-11-20 to 2026-11-22' "check-ins are not sessions"
like "$(sed -n '/^Routines$/,/^$/p' "$T/out")" '^  Alfredson heel drops: 1 session, 1 completed' "nor routines"

# The load of each session's sets, the lowest where it changed within
# the step ("bodyweight" for 0, nothing where none was logged), two
# sessions on one day told apart by their time, and no "(pain)" after a
# name that says it.
"$CLI" --detail --now $NOW history-load.log >"$T/out" 2>"$T/err"
sed -n '/^Reps/,$p' "$T/out" >"$T/tail"
same "$T/tail" history-load-expected.txt "loads, times of a day's two sessions, measures not said twice"
is "$(cat "$T/err")" "" "no corrupt line"

"$CLI" --detail --now $NOW --routine post-run-calf-care history-checkin.log >"$T/out" 2>/dev/null
like "$(sed -n 1p "$T/out")" '^Sessions: 1, ' "--routine keeps one session"
is "$(sed -n '/^Morning check-ins$/,$p' "$T/out" | sed -n 2,5p)" "  pain: last 6, back off
    2026-11-21: 2
    2026-11-22: 3
    2026-11-23: 6" "and every check-in: they are no routine's"

"$CLI" --detail --now $NOW --since 2026-11-23 history-checkin.log >"$T/out" 2>/dev/null
is "$(cat "$T/out")" "no sessions in history-checkin.log match --since 2026-11-23

Morning check-ins
  pain: last 6, back off
    2026-11-23: 6
  stiffness
    2026-11-23: 2
    2026-11-24: 1" "--since filters check-ins, and they show with no session"

grep ' checkin ' history-checkin.log >"$T/only.log"
"$CLI" --detail --now $NOW "$T/only.log" >"$T/out" 2>/dev/null
like "$(sed -n 1p "$T/out")" '^no sessions logged yet in ' "a log of check-ins only: no sessions"
like "$(sed -n 3,4p "$T/out")" '^Morning check-ins$' "but its trend"

# zones at their edges: 3 fine, 4 and 5 acceptable, 6 back off
for v in 3:fine 4:acceptable 5:acceptable 6:'back off'; do
	printf '2026-11-20T07:00:00.000+00:00 z1 start routine=Z format=1\n2026-11-20T07:00:01.000+00:00 z1 rate n=1 name=P measure=pain value=%s\n' \
		"${v%%:*}" >"$T/zone.log"
	"$CLI" --detail --now $NOW "$T/zone.log" >"$T/out" 2>/dev/null
	like "$(cat "$T/out")" "^  P \\(pain\\): last ${v%%:*}, ${v#*:}\$" "pain ${v%%:*}: ${v#*:}"
done
printf '2026-11-20T07:00:00.000+00:00 z1 start routine=Z format=1\n2026-11-20T07:00:01.000+00:00 z1 rate n=1 name=P measure=pain value=8\n2026-11-20T07:00:02.000+00:00 z1 rate n=1 name=P measure=pain value=2\n' >"$T/zone.log"
"$CLI" --detail --now $NOW "$T/zone.log" >"$T/out" 2>/dev/null
is "$(sed -n '/^Ratings$/,$p' "$T/out")" "Ratings
  P (pain): last 2, fine
    2026-11-20: 2" "a rating changed in the session: the later value, its zone"

cd "$T" || exit 99
"$CLI" --detail --now $NOW missing.log >"$T/out" 2>"$T/err"
is $? 0 "a missing log is fine"
is "$(cat "$T/out")" "no sessions logged yet in missing.log" "and says so"
is "$(cat "$T/err")" "" "quietly"

: >empty.log
"$CLI" --detail --now $NOW empty.log >"$T/out" 2>&1
is "$(cat "$T/out")" "no sessions logged yet in empty.log" "an empty log"

mkdir adir
"$CLI" --detail --now $NOW adir >"$T/out" 2>"$T/err"
is $? 1 "a directory as the log is exit 1"
is "$(cat "$T/err")" "recoup: adir: not a regular file (a directory); no history read" "named with the reason"

# A NUL byte, and a line that is all text but no log line.
{
	printf '2026-11-20T07:00:00.000+00:00 aa start routine=A format=1\n'
	printf '2026-11-20T07:00:01.000+00:00 aa warn msg=x\000y\n'
	printf 'just words\n'
	printf '2026-11-20T07:00:02.000+00:00 aa end status=complete elapsed=2\n'
} >nul.log
"$CLI" --detail --now $NOW nul.log >"$T/out" 2>"$T/err"
is "$(cat "$T/err")" "recoup: nul.log:2: skipped corrupt line: NUL byte in line
recoup: nul.log:3: skipped corrupt line: bad timestamp" "NUL byte and junk reported"
like "$(cat "$T/out")" '  1 complete, 0 quit, 0 aborted, 0 unfinished' "the session is whole"

# The benchmark's generator makes logs this reader takes without complaint.
sh "$srcdir/tests/gen_log.sh" 3000 >gen.log
"$CLI" --detail --now $NOW gen.log >"$T/out" 2>"$T/err"
is "$(cat "$T/err")" "" "a generated log has no corrupt lines"
# 140 sessions of 21 lines or 20 (killed ones): 2 practice, 3 killed; a
# check-in each morning but the first.
is "$(sed -n 1,3p "$T/out")" "Sessions: 138, from 2026-01-01 to 2026-03-11
  135 complete, 0 quit, 0 aborted, 3 unfinished
  2 practice sessions left out (--practice shows them)" "and is read whole"
is "$(sed -n '/^Morning check-ins$/,$p' "$T/out" | grep -c '^    2026-')" 138 \
	"with 69 mornings of pain and stiffness"
like "$(cat "$T/out")" '^  Calf pain after: last [0-9]+, ' "and pain ratings with their zone"
sh "$srcdir/tests/gen_log.sh" 3000 long >long.log
"$CLI" --detail --now $NOW long.log >"$T/out" 2>"$T/err"
is "$(cat "$T/err")$(sed -n 1p "$T/out")" "Sessions: 100, from 2026-01-01 to 2026-04-10" \
	"the long mode: 100 sessions, no corrupt line"
like "$(cat "$T/out")" '^    2026-01-01: [0-9]+ reps in 3 sets, target 8(, [0-9] sets? short)?$' "each set once however often redone"

done_testing
