#!/bin/sh
# The history screen's charts say the span they cover: the ratings' marks
# (a session each) with the dates of their first and last session under
# them, the morning pain in whole weeks to today, the same four weeks at
# 80x24 and at 120x30 (where the view gives the check-ins' column the
# room), more at 200x60.  Twenty daily sessions rated and sixty mornings
# checked in, "now" pinned by faketime to Sunday 2026-12-06 20:00 UTC.
. "$top_srcdir/tests/lib.sh"
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
. "$top_srcdir/tests/tmux.sh"

command -v faketime >/dev/null 2>&1 || skip_all "faketime not found"

NOW='2026-12-06 20:00:00'
R="$T/routines"
mkdir -p "$R"
cat >"$R/calf.yaml" <<'EOF2'
name: Calf
steps:
  - type: rate
    name: Calf pain
    measure: pain
EOF2
# 20 sessions, 11-17 to 12-06; 60 check-ins, 10-08 to 12-06 (the last
# day of November is day 30 of the year's 11th month: awk counts)
awk 'function day(i,   m, d) { m = 10; d = 8 + i
		if (d > 31) { m = 11; d -= 31 } if (m == 11 && d > 30) { m = 12; d -= 30 }
		return sprintf("2026-%02d-%02d", m, d) }
BEGIN {
	for (i = 0; i < 60; i++) {
		printf "%sT06:30:00.000+00:00 k%d checkin pain=%d elapsed=5\n", day(i), i, 6 - int(i / 12)
		if (i >= 40) {
			printf "%sT18:00:00.000+00:00 s%d start routine=\"Calf\" id=calf format=1\n", day(i), i
			printf "%sT18:01:00.000+00:00 s%d rate n=1 name=\"Calf pain\" measure=pain value=%d\n", day(i), i, 5 - int((i - 40) / 5)
			printf "%sT18:02:00.000+00:00 s%d end status=complete elapsed=120\n", day(i), i
		}
	}
}' >"$LOG"

asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
# the view drawn at ROWS rows: its key help on the last row, where no
# frame of another size has it
_sized() { screen | sed -n "${1}p" | grep -q 'Up/Down scroll' && _drawn; }
history_at() { # history_at COLS ROWS
	tm_start -e env ASAN_OPTIONS="$asan" faketime "$NOW" "$RECOUP" --log "$LOG" \
		--routine-dir "$R"
	tm resize-window -t t -x "$1" -y "$2"
	keys h
	wait_screen 'recoup: history, 20 sessions' && _poll 10 _sized "$2"
}
leave() { keys q q; wait_exit; }

for size in 80x24 120x30 200x60; do
	history_at "${size%x*}" "${size#*x}"
	ok $? "$size: the history" || show_screen
	i=0
	while [ "$i" -lt 30 ]; do keys j; i=$((i + 1)); done
	wait_screen 'Morning pain'
	screen | sed 's/ *$//' >"$T/$size"
	leave
done
# twenty sessions a mark each, from the 17th to today
for size in 80x24 120x30 200x60; do
	like "$(cat "$T/$size")" '^  ▅▅▅▅▅▄▄▄▄▄▃▃▃▃▃▂▂▂▂▂ 2 fine$|   ▅▅▅▅▅▄▄▄▄▄▃▃▃▃▃▂▂▂▂▂ 2 fine$' \
		"$size: the ratings, a mark a session"
	like "$(cat "$T/$size")" ' 11-17          12-06$' \
		"$size: the first and the last session's dates under their marks"
done
# the morning pain: four weeks to today at 80 and at 120 columns alike
like "$(cat "$T/80x24")" '^      11-09 {46}today$' "80x24: the morning pain over four weeks"
like "$(cat "$T/120x30")" ' 11-09 {46}today$' "120x30: the same four weeks"
like "$(cat "$T/120x30")" '0-2│ {33}2 2 2 2 2 2 2 2 2 2 2 2 fine$' "120x30: the zone words beside"
like "$(cat "$T/200x60")" ' 11-02 {60}today$' "200x60: more room, a week more"
done_testing
