#!/bin/sh
# tests/gen_log.sh: write a plausible session log of about LINES lines to
# stdout, for measuring `--history` by hand:
#   sh tests/gen_log.sh 100000 >/tmp/big.log
#   time tests/history_cli /tmp/big.log >/dev/null
# Two sessions a day, three routines, ice, spots, sets on both sides and
# ratings (one of pain, with measure=pain); every 50th session is
# practice, every 40th is killed (no end); a morning check-in (pain and
# stiffness, its own session id) before the morning session of every day
# but the first.
#   sh tests/gen_log.sh 100000 long
# is 100 sessions of LINES/100 lines each instead (a set done again and
# again, pauses), for what a reader keeps: it grows with sessions, not lines.
#   sh tests/gen_log.sh 100000 worst
# is the reader's worst case instead: every session newest first (as in a
# log merged from two machines), each with a routine, an exercise and a
# rating of its own name, so that every lookup misses and every series
# must be sorted.
lines=${1:-100000}
stamp='
# POSIX awk has no strftime: civil date from days (H. Hinnant), UTC.
function stamp(t,   d, secs, z, era, doe, yoe, y, doy, mp, dd, m) {
	d = int(t / 86400); secs = int(t) - d * 86400
	z = d + 719468; era = int(z / 146097); doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9; y += m <= 2
	return sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03d+00:00", y, m, dd,
		int(secs / 3600), int(secs / 60) % 60, secs % 60, int(t * 1000 + 0.5) % 1000)
}
'
[ "${2:-}" = long ] && exec awk -v lines="$lines" "$stamp"'
BEGIN {
	t0 = 1767225600
	per = int(lines / 100)
	for (s = 0; s < 100; s++) {
		t = t0 + s * 86400
		sid = sprintf("%06x", s)
		print stamp(t) " " sid " start routine=\"Long one\" id=long-one planned=60 steps=1 format=1"
		for (i = 1; i < per - 1; i += 2) {
			print stamp(t + i) " " sid " pause n=1 name=\"Drive\" reason=gap gap=1"
			print stamp(t + i + 1) " " sid " set n=1 name=\"Drive\" side=" (i % 4 == 1 ? "left" : "right") " set=" int(i / 4) % 3 + 1 " sets=3 target=8 reps=" i % 9 " elapsed=2"
		}
		print stamp(t + per) " " sid " end status=complete elapsed=" per
	}
}'
[ "${2:-}" = worst ] && exec awk -v lines="$lines" "$stamp"'
BEGIN {
	t0 = 1767225600 + lines * 60
	for (s = 0; n < lines; s++) {
		t = t0 - s * 300
		sid = sprintf("%06x", s % 16777216)
		print stamp(t) " " sid " start routine=\"Routine " s "\" id=r" s " planned=60 steps=2 format=1"
		print stamp(t + 1) " " sid " set n=1 name=\"Exercise " s "\" side=left set=1 sets=1 target=8 reps=8"
		print stamp(t + 2) " " sid " set n=1 name=\"Shared drive\" side=left set=1 sets=1 target=8 reps=" 8 + s % 3
		print stamp(t + 3) " " sid " rate n=2 name=\"Rating " s "\" value=" s % 11
		print stamp(t + 4) " " sid " end status=complete elapsed=60"
		n += 5
	}
}'
exec awk -v lines="$lines" "$stamp"'
function out(ev, rest) { print stamp(t) " " sid " " ev " " rest; n++; t += 7.25 }
BEGIN {
	split("Post-run calf care|Alfredson heel drops|Bent-knee soleus work", name, "|")
	split("post-run-calf-care|alfredson-heel-drops|bent-knee-soleus-work", id, "|")
	split("Bent-knee soleus drive|Straight-knee heel drop|Seated soleus raise", ex, "|")
	t0 = 1767225600     # 2026-01-01T00:00:00Z
	for (s = 0; n < lines; s++) {
		t = t0 + int(s / 2) * 86400 + (s % 2 ? 64800 : 25200)
		r = s % 3 + 1
		practice = s % 50 == 49 ? " speed=20" : ""
		if (s % 2 == 0 && s > 0) {
			sid = sprintf("k%05x", s / 2 % 1048576)
			t -= 1800
			out("checkin", "pain=" (s * 5) % 7 " stiffness=" (s * 3) % 9 " elapsed=6.2")
			t = t0 + int(s / 2) * 86400 + 25200
		}
		sid = sprintf("%06x", s * 7919 % 16777216)
		out("start", "routine=\"" name[r] "\" id=" id[r] " file=\"/home/u/.config/recoup/routines/" id[r] ".yaml\" planned=1830 steps=5 format=1" practice)
		out("step", "n=1 type=ice name=\"Ice both calves\"")
		out("ice", "n=1 name=\"Ice both calves\" side=both round=1 rounds=1 planned=900 elapsed=900.004")
		out("done", "n=1 type=ice name=\"Ice both calves\" elapsed=900.004")
		out("step", "n=2 type=massage name=\"Spot massage\"")
		out("spot", "n=2 name=\"Spot massage\" spot=\"Inner soleus\" side=left planned=90 elapsed=90")
		out("spot", "n=2 name=\"Spot massage\" spot=\"Inner soleus\" side=right planned=90 elapsed=90")
		out("done", "n=2 type=massage name=\"Spot massage\" elapsed=180")
		out("step", "n=3 type=reps name=\"" ex[r] "\"")
		target = 8 + int(s / 6) % 8
		for (k = 1; k <= 3; k++) {
			out("set", "n=3 name=\"" ex[r] "\" side=left set=" k " sets=3 target=" target " reps=" target - (s + k) % 2 " min=8 max=15 elapsed=24.002")
			out("set", "n=3 name=\"" ex[r] "\" side=right set=" k " sets=3 target=" target " reps=" target " min=8 max=15 elapsed=24")
		}
		out("done", "n=3 type=reps name=\"" ex[r] "\" elapsed=260.5")
		out("step", "n=4 type=rate name=\"Calf tightness\"")
		out("rate", "n=4 name=\"Calf tightness\" value=" (s * 7) % 11)
		out("done", "n=4 type=rate name=\"Calf tightness\" elapsed=3")
		out("rate", "n=5 name=\"Calf pain after\" measure=pain value=" (s * 3) % 8)
		if (s % 40 != 39)
			out("end", "status=complete elapsed=1400.25")
	}
}'
