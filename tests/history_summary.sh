#!/bin/sh
# tests/history_summary.sh: `recoup --history` as a summary that fits a
# screen, over a month of twice-daily Alfredson sessions and a Monday,
# Wednesday, Friday routine built here: at most 24 lines of at most 80
# columns, done against due, the streak, the last values with their zones,
# sparklines of the weeks in UTF-8 and in ASCII, a gap for a week without
# data and no empty weeks before the first session.  history_cli pins
# `now`; the real binary runs under faketime with the routines' files.
. "$srcdir/tests/lib.sh"

CLI="$top_builddir/tests/history_cli"
RECOUP="$top_builddir/src/recoup"
export TZ=UTC
# 2026-12-06T12:00:00Z, a Sunday; its week began Monday 2026-11-30
NOW=1796558400
SCHED="--schedule alfredson-heel-drops=twice --schedule post-run-calf-care=024"
utf8=
# the widest line of a file in columns: UTF-8 continuation bytes take none
# (the summary writes nothing wide), in any awk
widest() { LC_ALL=C awk '{ gsub(/[\200-\277]/, ""); if (length($0) > m) m = length($0) }
	END { print m + 0 }' "$1"; }
for l in C.UTF-8 C.utf8 en_US.UTF-8; do
	if [ "$(LC_ALL=$l locale charmap 2>/dev/null)" = UTF-8 ]; then utf8=$l; break; fi
done

# ---- the month ---------------------------------------------------------------
# Alfredson twice a day from Sunday 2026-11-08 to this morning: the
# evening of 11-20 quit, the evening of 11-27 not done.  Straight knee at
# 15 a set with a load rising by the week (0, 2.5, 5, 7.5, 10 kg), bent
# knee from 10 a set to 15 by the week; pain after 3, 6 this morning.  A
# check-in every morning, its pain 10, 7, 4, 1, 0 by the week.  Post-run
# calf care on Mondays, Wednesdays and Fridays, not in the week of 11-16.
awk 'BEGIN { for (i = 0; i <= 28; i++)
	printf "%s %d\n", 8 + i <= 30 ? sprintf("2026-11-%02d", 8 + i) : sprintf("2026-12-%02d", i - 22),
		(i + 6) % 7 + 1 }' >"$T/days"   # the date and its ISO weekday, 7 Sunday
awk '
function line(t, sid, rest) { printf "%sT%s.000+00:00 %s %s\n", day, t, sid, rest }
function sets(t, sid, name, side, target, reps, load,   k) {
	for (k = 1; k <= 3; k++)
		line(t, sid, "set n=2 name=\"" name "\" side=" side " set=" k " sets=3 target=" target \
		     " reps=" reps " min=8 max=15 elapsed=40" (load != "" ? " load=\"" load " kg\"" : ""))
}
function alfredson(t, sid, status, pain) {
	line(t ":00", sid, "start routine=\"Alfredson heel drops\" id=alfredson-heel-drops planned=900 steps=4 format=1")
	line(t ":10", sid, "rate n=1 name=\"Achilles pain before\" measure=pain value=2")
	sets(t ":20", sid, "Straight-knee heel drop", "left", 15, 15, load[w])
	sets(t ":30", sid, "Straight-knee heel drop", "right", 15, 15, load[w])
	sets(t ":40", sid, "Bent-knee heel drop", "left", bent[w], bent[w], "")
	sets(t ":50", sid, "Bent-knee heel drop", "right", bent[w], bent[w], "")
	line(t ":55", sid, "rate n=4 name=\"Achilles pain after\" measure=pain value=" pain)
	line(t ":59", sid, "end status=" status " elapsed=900")
}
BEGIN {
	split("0 2.5 5 7.5 10", load, " "); split("10 12 13 14 15", bent, " ")
	split("10 7 4 1 0", mpain, " ")
}
{
	day = $1; dow = $2; i = NR - 1
	w = int((i + 6) / 7) + 1          # 11-08 is the Sunday of week 1
	line("06:30:00", sprintf("k%04d", i), "checkin pain=" mpain[w] " stiffness=3 elapsed=5")
	alfredson("07:00", sprintf("m%04d", i), "complete", day == "2026-12-06" ? 6 : 3)
	if (day == "2026-12-06")
		next
	if (day == "2026-11-20")
		alfredson("19:00", sprintf("e%04d", i), "quit", 3)
	else if (day != "2026-11-27")
		alfredson("19:00", sprintf("e%04d", i), "complete", 3)
	if ((dow == 1 || dow == 3 || dow == 5) && w != 3) {
		sid = sprintf("p%04d", i)
		line("18:00:00", sid, "start routine=\"Post-run calf care\" id=post-run-calf-care planned=600 steps=2 format=1")
		sets("18:01:00", sid, "Bent-knee soleus drive", "left", 12, 12, "")
		sets("18:02:00", sid, "Bent-knee soleus drive", "right", 12, 12, "")
		line("18:03:00", sid, "rate n=2 name=\"Calf tightness\" measure=tightness value=4")
		line("18:09:00", sid, "end status=complete elapsed=540")
	}
}' "$T/days" | sort >"$T/month.log"

# ---- the summary, UTF-8 ------------------------------------------------------
if [ -n "$utf8" ]; then
	LC_ALL=$utf8
	export LC_ALL
	"$CLI" --now $NOW $SCHED "$T/month.log" >"$T/out" 2>"$T/err"
	is $? 0 "the summary: exit 0"
	is "$(cat "$T/err")" "" "no complaint about the log"
	lines=$(wc -l <"$T/out")
	ok $((lines > 24)) "a month fits a screen: $lines lines <= 24"
	widest=$(widest "$T/out")
	ok $((widest > 80)) "every line fits 80 columns: the widest is $widest"
	like "$(sed -n 1p "$T/out")" '^Sessions: 65, from 2026-11-08 to 2026-12-06' "the sessions and the period"
	like "$(sed -n 2p "$T/out")" '^  64 complete, 1 quit$' "how they ended"
	like "$(cat "$T/out")" '^  Alfredson heel drops, twice daily: 55 of 57 due since 2026-11-08$' \
		"twice daily: done against due, today's second not missed yet"
	is "$(grep -A1 '^  Alfredson' "$T/out" | sed -n 2p)" \
		"    streak 8 days, last 2026-12-06 07:00, 1 of 2 done today" \
		"the streak since the evening missed, the last date, today"
	like "$(cat "$T/out")" '^  Post-run calf care, mon, wed, fri: 9 of 12 due since 2026-11-09$' \
		"weekdays: a week away counts against it"
	is "$(grep -A1 '^  Post-run' "$T/out" | sed -n 2p)" "    streak 6 days, last 2026-12-04 18:00" \
		"its streak counts due days only"
	is "$(grep '^  Straight-knee heel drop  L' "$T/out")" \
		"  Straight-knee heel drop  L      15        45    45  0→10 kg     ▄▄▄▄▄" \
		"an exercise side: target, reps, best, the load first to last, a flat line"
	is "$(grep '^  Bent-knee heel drop      R' "$T/out")" \
		"  Bent-knee heel drop      R   10→15     30→45    45  -           ▁▄▅▇█" \
		"reps rising by the week: the sparkline rises, one mark a week"
	is "$(grep '^  Bent-knee soleus drive   L' "$T/out")" \
		"  Bent-knee soleus drive   L      12        36    36  -            ▄ ▄▄" \
		"a week without data is a gap, and so is a week before its first"
	like "$(cat "$T/out")" '^  Achilles pain after +6  back off    [▁▂▃▄▅▆▇█]{5}$' \
		"a pain rating: its last value and zone"
	is "$(grep '^  Calf tightness' "$T/out")" \
		"  Calf tightness                          4               ▄ ▄▄" \
		"another measure: no pain zone; weeks without it are gaps"
	is "$(grep '^  Morning pain' "$T/out")" \
		"  Morning pain                            0  fine        █▆▄▂▁" \
		"the morning pain: last value, zone, weekly means from 0 to 10"
	like "$(cat "$T/out")" '^  Morning stiffness +3              ▃▃▃▃▃$' "every check-in item"
	# the empty weeks before the first session (11-08, in the week of
	# 11-02) are not drawn: five marks, not twelve
	is "$(grep -c '[▁▂▃▄▅▆▇█]\{6\}' "$T/out")" 0 "no sparkline longer than the five weeks used"
	unset LC_ALL
else
	for d in exit err lines width sessions status twice streak weekdays streak2 exercise rising \
		gap pain tightness morning items weeks; do
		n=$((n + 1)); echo "ok $n # SKIP $d (no UTF-8 locale)"
	done
fi

# ---- ASCII when the locale is not UTF-8 --------------------------------------
LC_ALL=C "$CLI" --now $NOW $SCHED "$T/month.log" >"$T/out" 2>"$T/err"
is "$(LC_ALL=C grep -c '[^ -~]' "$T/out")" 0 "LC_ALL=C: nothing but ASCII"
is "$(grep '^  Morning pain' "$T/out")" \
	"  Morning pain                            0  fine        #*=._" \
	"an ASCII sparkline rising the same way"
is "$(grep '^  Straight-knee heel drop  L' "$T/out")" \
	"  Straight-knee heel drop  L      15        45    45  0->10 kg    =====" \
	"and an ASCII arrow"
ok $(($(widest "$T/out") > 80)) "still within 80 columns"

# ---- names that do not fit, names that are not safe, no session ------------
{
	printf '2026-12-01T07:00:00.000+00:00 n1 start routine="A routine whose title goes on and on and on and on and on" format=1\n'
	printf '2026-12-01T07:01:00.000+00:00 n1 set n=1 name="Eccentric heel drop off a step, knee straight" side=left set=1 sets=1 target=15 reps=15\n'
	printf '2026-12-01T07:02:00.000+00:00 n1 set n=1 name="Esc\\u001b[31mape" side=none set=1 sets=1 target=8 reps=8\n'
	printf '2026-12-01T07:03:00.000+00:00 n1 rate n=2 name="How the tendon feels on the stairs down in the morning" measure=pain value=5\n'
	printf '2026-12-01T07:04:00.000+00:00 n1 end status=complete elapsed=240\n'
} >"$T/names.log"
LC_ALL=C "$CLI" --now $NOW "$T/names.log" >"$T/out" 2>"$T/err"
is "$(cat "$T/err")" "" "long and odd names: read"
ok $(($(widest "$T/out") > 80)) "long names cut to 80 columns"
like "$(cat "$T/out")" '^  A routine whose title goes on and on an~: 1 done since 2026-12-01, no schedule$' \
	"a routine's title cut to fit its line, marked"
is "$(grep '^  Ecc' "$T/out")" "  Eccentric heel drop off~ L      15        15    15  -           =" \
	"an exercise's name cut, marked"
is "$(grep '^  How' "$T/out")" "  How the tendon feels on the stairs ~    5  acceptable  +" \
	"a rating's name cut, marked"
is "$(LC_ALL=C grep -c "$(printf '\033')" "$T/out")" 0 "no escape reaches the terminal"

# no session kept (--routine, --since): the check-ins still show
LC_ALL=C "$CLI" --now $NOW --since 2026-12-06 --routine nothing-of-the-sort "$T/month.log" >"$T/out" 2>/dev/null
is "$(cat "$T/out")" "no sessions in $T/month.log match --since 2026-12-06 --routine \"nothing-of-the-sort\"

Morning check-ins                      last  zone        weekly mean
  Morning pain                            0  fine        _
  Morning stiffness                       3              :" \
	"no session kept: why, and the check-ins, summarised"

# ---- a routine without a schedule: no "streak 0 days" -----------------------
LC_ALL=C "$CLI" --now $NOW "$T/names.log" >"$T/out" 2>/dev/null
is "$(grep -A1 '^  A routine whose' "$T/out" | sed -n 2p)" "    last 2026-12-01 07:00" \
	"no schedule, no run of days: no streak said"

# ---- more done than asked: extra, never "3 of 1" -----------------------------
{
	for t in 2026-12-05T07 2026-12-05T12 2026-12-05T19 2026-12-06T07 2026-12-06T09; do
		sid=x${t#*T}${t%%T*}; sid=$(echo "$sid" | tr -d -)
		printf '%s:00:00.000+00:00 %s start routine="Calf raises" id=calf-raises format=1\n' "$t" "$sid"
		printf '%s:05:00.000+00:00 %s end status=complete elapsed=300000\n' "$t" "$sid"
	done
} >"$T/extra.log"
LC_ALL=C "$CLI" --now $NOW --schedule calf-raises=daily "$T/extra.log" >"$T/out" 2>/dev/null
is "$(grep -A1 '^  Calf raises' "$T/out")" "  Calf raises, daily: 2 of 2 due since 2026-12-05, +3 extra
    streak 2 days, last 2026-12-06 09:00, 1 of 1 done today, +1 extra" \
	"sessions beyond the schedule are extra, today's too"

# ---- any log fits 24 lines: 4 routines, 8 exercises, 6 ratings --------------
awk 'BEGIN {
	split("Alfredson heel drops|Post-run calf care|Soleus loading|Plantar fascia stretch", rn, "|")
	split("daily|twice|024|", sc, "|")
	for (d = 1; d <= 6; d++)
		for (r = 1; r <= 4; r++) {
			sid = sprintf("b%d%d", d, r)
			st = sprintf("2026-12-%02dT%02d", d, 6 + r)
			printf "%s:00:00.000+00:00 %s start routine=\"%s\" id=r%d format=1\n", st, sid, rn[r], r
			for (e = 1; e <= 2; e++)
				for (s = 1; s <= 2; s++)
					printf "%s:0%d:00.000+00:00 %s set n=%d name=\"Exercise %d of routine %d\" side=%s set=1 sets=1 target=12 reps=%d load=\"%d kg\"\n",
						st, e, sid, e, e, r, s == 1 ? "left" : "right", 8 + d, d
			for (k = 1; k <= (r <= 2 ? 2 : 1); k++)
				printf "%s:08:00.000+00:00 %s rate n=%d name=\"Rating %d of routine %d\" measure=pain value=%d\n",
					st, sid, 2 + k, k, r, d % 10
			printf "%s:09:00.000+00:00 %s end status=complete elapsed=540000\n", st, sid
		}
}' >"$T/big.log"
LC_ALL=C "$CLI" --now $NOW --schedule r1=daily --schedule r2=twice --schedule r3=024 "$T/big.log" \
	>"$T/out" 2>"$T/err"
is "$?$(cat "$T/err")" 0 "a big log: read"
lines=$(wc -l <"$T/out")
ok $((lines > 24)) "4 routines, 16 exercise sides, 6 ratings fit a screen: $lines lines <= 24"
ok $(($(widest "$T/out") > 80)) "and 80 columns"
like "$(cat "$T/out")" '^  \+[0-9]+ more \(--detail lists them\)$' "what was cut is said, with where to see it"
like "$(cat "$T/out")" '^Ratings and morning check-ins' "every part of the summary shows"
like "$(cat "$T/out")" '^  Alfredson heel drops, daily: ' "the first routine shows"

# ---- --detail: the full listing ----------------------------------------------
"$CLI" --detail --now $NOW $SCHED "$T/month.log" >"$T/out" 2>/dev/null
like "$(sed -n '/^Sessions per week/,/^$/p' "$T/out" | sed -n 1,2p)" \
	'^Sessions per week \(last 5 weeks\)$' "--detail: no empty weeks before the first"
like "$(cat "$T/out")" '^    2026-12-05 19:00: 45 reps in 3 sets, target 15, 10 kg$' \
	"--detail: every session, two a day told apart by their times"
ok $(($(wc -l <"$T/out") < 100)) "--detail is the long listing"

# ---- the real binary, the schedules from the routines' files ----------------
"$RECOUP" --log "$T/month.log" --detail >"$T/out" 2>&1
is "$?:$(sed -n 1p "$T/out")" "2:recoup: --detail goes with --history" "--detail goes with --history"
if ! command -v faketime >/dev/null 2>&1; then
	for d in "recoup --history" "schedules from the files"; do
		n=$((n + 1)); echo "ok $n # SKIP $d (faketime not found)"
	done
	done_testing
	exit
fi
mkdir -p "$T/routines"
for r in alfredson-heel-drops:"twice daily" post-run-calf-care:"[mon, wed, fri]"; do
	cat >"$T/routines/${r%%:*}.yaml" <<EOF
name: ${r%%:*}
schedule: ${r#*:}
steps:
  - type: reps
    name: Heel drop
    sets: 3
    reps: 15
EOF
done
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
env ASAN_OPTIONS="$asan" LC_ALL=C faketime '2026-12-06 12:00:00' "$RECOUP" --log "$T/month.log" \
	--routine-dir "$T/routines" --history >"$T/out" 2>"$T/err"
is "$?$(cat "$T/err")" 0 "recoup --history: exit 0, nothing on stderr"
like "$(cat "$T/out")" '^  Alfredson heel drops, twice daily: 55 of 57 due since 2026-11-08$' \
	"the schedules come from the routines on the search path"

done_testing
