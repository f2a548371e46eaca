#!/bin/sh
# tests/history_stamp_day.sh: one rule for a session's day in --history,
# its summary and --detail: the day and time its start line is stamped
# with, as written (the rule due.h, the check-ins and the picker follow),
# whatever the time zone it is read in.  Two Sunday-evening sessions in
# New York (23:30-05:00, already Monday 04:30 in UTC), read under TZ=UTC
# and under New York's rule, say the same days, times and weeks.
. "$srcdir/tests/lib.sh"

CLI="$top_builddir/tests/history_cli"
# 2026-12-06T12:00:00Z, a Sunday (07:00 in New York)
NOW=1796558400
export LC_ALL=C
session() { # DAY SID PAIN
	printf '%sT23:30:00.000-05:00 %s start routine="Evening calf" id=evening-calf planned=600 steps=2 format=1\n' "$1" "$2"
	printf '%sT23:31:00.000-05:00 %s set n=1 name="Heel drop" side=left set=1 sets=1 target=15 reps=15\n' "$1" "$2"
	printf '%sT23:32:00.000-05:00 %s rate n=2 name="Calf pain after" measure=pain value=%s\n' "$1" "$2" "$3"
	printf '%sT23:35:00.000-05:00 %s end status=complete elapsed=300000\n' "$1" "$2"
}
{ session 2026-11-29 s1 4; session 2026-12-05 s2 2; } >"$T/ny.log"

for tz in UTC EST5EDT; do
	TZ=$tz "$CLI" --now $NOW --schedule evening-calf=daily "$T/ny.log" >"$T/sum.$tz" 2>"$T/err"
	is "$?$(cat "$T/err")" 0 "TZ=$tz: the summary, nothing on stderr"
	like "$(cat "$T/sum.$tz")" '^Sessions: 2, from 2026-11-29 to 2026-12-05 ' \
		"TZ=$tz: from and to are the stamps' days"
	like "$(cat "$T/sum.$tz")" '^  Evening calf, daily: 2 of 7 due since 2026-11-29' \
		"TZ=$tz: due since the first stamp's day"
	like "$(cat "$T/sum.$tz")" 'last 2026-12-05 23:30' \
		"TZ=$tz: the last session's day and time as stamped"
	TZ=$tz "$CLI" --detail --now $NOW "$T/ny.log" >"$T/det.$tz" 2>/dev/null
	like "$(cat "$T/det.$tz")" '^  week of 2026-11-23 \(2026-W48\): 1$' \
		"TZ=$tz: a Sunday evening counts in its own week"
	like "$(cat "$T/det.$tz")" '^  Evening calf: 2 sessions, 2 completed, last 2026-12-05$' \
		"TZ=$tz: the routine's last day as stamped"
	like "$(cat "$T/det.$tz")" '^    2026-11-29: 15 reps in 1 set, target 15$' \
		"TZ=$tz: reps under the stamp's day"
	like "$(cat "$T/det.$tz")" '^    2026-12-05: 2$' "TZ=$tz: ratings under the stamp's day"
done
is "$(cat "$T/sum.EST5EDT")" "$(cat "$T/sum.UTC")" "the summary reads the same in both zones"
is "$(cat "$T/det.EST5EDT")" "$(cat "$T/det.UTC")" "--detail reads the same in both zones"

done_testing
