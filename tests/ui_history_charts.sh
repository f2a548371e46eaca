#!/bin/sh
# The history screen's charts (h in the picker) over a month of a
# twice-daily routine and a Monday-Wednesday-Friday one, "now" pinned by
# faketime to Sunday 2026-12-06 20:00 UTC (ISO week 49): the calendar's
# cells for days done, done in part, missed and not due, today marked;
# each side's reps and load per week as L and R rows; the pain ratings
# before and after paired; the morning pain with the 3 and 5 lines.  At
# 40x12, 80x24 and 200x60, in colour, under NO_COLOR and in ASCII; at
# 40x12 nothing is cut mid-word and nothing is drawn past the edge.
. "$top_srcdir/tests/lib.sh"
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
. "$top_srcdir/tests/tmux.sh"

command -v faketime >/dev/null 2>&1 || skip_all "faketime not found"

NOW='2026-12-06 20:00:00'
R="$T/routines"
mkdir -p "$R"
cat >"$R/heel-drops.yaml" <<'EOF'
name: Heel drops
schedule: twice daily
steps:
  - type: rate
    name: Calf pain before
    measure: pain
  - type: reps
    name: Heel drop
    side: both
    sets: 3
    reps: 15
    tempo: self
  - type: rate
    name: Calf pain after
    measure: pain
EOF
cat >"$R/calf-stretch.yaml" <<'EOF'
name: Calf stretch
schedule: [mon, wed, fri]
steps:
  - type: timer
    name: Wall stretch
    duration: 1m
EOF

# ---- the log: known stamps ----
sid=0
heel() { # heel DAY HH RIGHT-REPS LOAD BEFORE AFTER (the left always 15)
	sid=$((sid + 1))
	s="h$sid"
	t="$1T$2"
	echo "$t:00:00.000+00:00 $s start routine=\"Heel drops\" id=heel-drops format=1"
	echo "$t:00:10.000+00:00 $s rate n=1 name=\"Calf pain before\" measure=pain value=$5"
	for side in left right; do
		[ $side = left ] && r=15 || r=$3
		for k in 1 2 3; do
			echo "$t:0$k:00.000+00:00 $s set n=2 name=\"Heel drop\" side=$side set=$k sets=3 target=15 reps=$r min=15 max=15 load=$4 elapsed=40"
		done
	done
	echo "$t:08:00.000+00:00 $s rate n=3 name=\"Calf pain after\" measure=pain value=$6"
	# a name too long for 40 columns, in the last three sessions
	[ "$sid" -lt 47 ] ||
		echo "$t:08:05.000+00:00 $s rate n=4 name=\"Achilles feel on the stairs going down in the morning\" value=$6"
	echo "$t:08:10.000+00:00 $s end status=complete elapsed=490"
}
stretch() { # stretch DAY
	sid=$((sid + 1))
	echo "$1T12:00:00.000+00:00 c$sid start routine=\"Calf stretch\" id=calf-stretch format=1"
	echo "$1T12:01:00.000+00:00 c$sid end status=complete elapsed=60"
}
checkin() { # checkin DAY PAIN
	sid=$((sid + 1))
	echo "$1T06:30:00.000+00:00 k$sid checkin pain=$2 stiffness=3 elapsed=5"
}
{
	# weeks 46 to 49 (from Monday 11-09), morning and evening; the right
	# side 10, 12, 13, 14 reps a set, week by week; a load from week 48
	for d in 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
		case $d in 09|1[0-5]) rr=10 ld=0 ;; 1[6-9]|2[0-2]) rr=12 ld=0 ;; *) rr=13 ld=2.5 ;; esac
		[ "$d" = 30 ] && rr=14 ld=5
		[ "$d" = 26 ] && continue                 # Thursday of week 48: missed
		heel 2026-11-$d 07 $rr $ld 3 4
		[ "$d" = 17 ] || heel 2026-11-$d 19 $rr $ld 3 4   # Tuesday of week 47: once
	done
	for d in 01 02 04 05; do
		heel 2026-12-$d 07 14 5 2 3
		[ "$d" = 02 ] || heel 2026-12-$d 19 14 5 2 2      # Wednesday: once
	done                                              # Thursday 12-03: missed
	heel 2026-12-06 07 14 5 2 2                       # today: once so far
	# Monday, Wednesday, Friday from week 48; Friday 12-04 missed; and
	# once on Sunday 11-29, a day it does not ask for: extra
	for d in 2026-11-23 2026-11-25 2026-11-27 2026-11-29 2026-11-30 2026-12-02; do stretch $d; done
	checkin 2026-11-29 7
	checkin 2026-11-30 5
	checkin 2026-12-01 4
	checkin 2026-12-02 3
	checkin 2026-12-04 2
	checkin 2026-12-06 2
} >"$LOG"

asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
history_at() { # history_at COLS ROWS [ENV...]: the history screen at that size
	_c=$1 _r=$2
	shift 2
	tm_start -e env "$@" ASAN_OPTIONS="$asan" faketime "$NOW" "$RECOUP" --log "$LOG" \
		--routine-dir "$R"
	tm resize-window -t t -x "$_c" -y "$_r"
	keys h
	# the history at the new size: its key help on the last row, where
	# no frame of the old size has it (tmux cuts or pads that one at once)
	wait_screen 'recoup: history, 55 sessions' && _poll 10 _sized "$_r"
}
_sized() { screen | sed -n "${1}p" | grep -q 'Up/Down scroll' && _drawn; }
leave() { keys q q; wait_exit; }
# a character a byte, for awk's length (sed in the UTF-8 locale)
onecol() { sed 's/[^ -~]/x/g'; }

# ---- 80x24 ----
history_at 80 24
ok $? "h opens the history: 55 sessions" || show_screen
s=$(screen)
like "$s" '^ █ done  ▒ part  · missed  \[ \] today *$' "a legend: the cells say it without colour"
like "$s" '^ Heel drops +Calf stretch *$' "the two routines' calendars side by side"
like "$s" '^  twice daily: 49 of 55 due, streak 2 +5 of 6 due, \+1 extra, streak 0 *$' \
	"each with its schedule, done against due (more than asked: extra) and the streak"
like "$s" '^    46 47 48 49 +46 47 48 49 *$' "weeks as columns, from the month's first"
# Heel drops, twice daily: a day a row, a week a column
like "$s" '^ Mo █  █  █  █ +Mo +█  █ *$' "Mondays: both sessions done every week (and the stretch)"
like "$s" '^ Tu █  ▒  █  █ ' "week 47's Tuesday: once of twice, in part"
like "$s" '^ We █  █  █  ▒ +We +█  █ *$' "this Wednesday in part; the stretch done"
like "$s" '^ Th █  █  ·  · +Th *$' "the two Thursdays missed; the stretch not due"
like "$s" '^ Fr █  █  █  █ +Fr +█  · *$' "Fridays; the stretch missed this Friday"
like "$s" '^ Su █  █  █ \[▒\] +Su +█ \[ \] *$' "today marked: once of twice so far; not the stretch's day, done on the last"
like "$s" '^ Sa █  █  █  █ +Sa *$' "the stretch's days before its first are no misses"
# each side's reps and load, a row each, a mark a week
like "$s" '^ Reps and load per week, L and R *$' "a reps section"
like "$s" '^ Heel drop *$' "the exercise's chart"
like "$s" '^  L reps ████ 45 *$' "the left side: 45 reps every week, the top of the scale"
like "$s" '^  R reps ▁▄▅▇ 42 *$' "the right side: 30, 36, 39 then 42, rising on the same scale"
like "$s" '^  L kg   ▁▁▅█ 5 *$' "the left load: none, none, 2.5 then 5 kg"
like "$s" '^  R kg   ▁▁▅█ 5 *$' "and the right"
# in colour: a done day green, a missed one red
row=$(screen | grep -n '^ Th █' | cut -d: -f1)
like "$(row_e "$row")" "$(printf '\033')\\[32m█" "colour repeats it: done in green" || row_e "$row"
like "$(row_e "$row")" "$(printf '\033')\\[31m·" "missed in red"
keys j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
wait_screen '^ Morning pain'
s=$(screen)
like "$s" '^ Calf pain +Achilles feel on the stairs going… *$' "the ratings before and after paired under one name; a long one cut between words"
like "$s" '^  before [▁▂▃▄▅▆▇█]+ 2 fine +▃▂▂ 2 *$' "before, a mark a session, its last value and zone"
like "$s" '^  after  [▁▂▃▄▅▆▇█]+ 2 fine *$' "after, in the same columns"
like "$s" '^ 6-10│ 7 +back off *$' "the morning pain: 7 on the 29th, back off"
like "$s" '^    5┼───5──────────── *$' "the 5 line, the 30th's 5 on it"
like "$s" '^    4│     4 +acceptable *$' "4 between the lines: acceptable"
like "$s" '^    3┼───────3──────── *$' "the 3 line, the 2nd's 3 on it"
like "$s" '^  0-2│           2   2 fine *$' "2 on the 4th and today, under the 3 line: fine"
like "$s" '^      11-29      today *$' "from the first morning to today"
leave

# ---- without colour: the same characters, no colour ----
history_at 80 24 NO_COLOR=1
s=$(screen)
like "$s" '^ Th █  █  ·  · +Th *$' "NO_COLOR: the same cells"
row=$(screen | grep -n '^ Th █' | cut -d: -f1)
! row_e "$row" | grep -q "$(printf '\033')\\[3[0-7]m"
ok $? "NO_COLOR: no colour on the calendar" || row_e "$row"
leave
# and outside UTF-8, ASCII
history_at 80 24 LANG=C LC_ALL=C
s=$(screen)
like "$s" '^ # done  \+ part  \. missed  \[ \] today *$' "ASCII: the legend"
like "$s" '^ Tu #  \+  #  # ' "ASCII: done and part"
like "$s" '^ Su #  #  # \[\+\] ' "ASCII: today"
like "$s" '^  R reps _=\+% 42 *$' "ASCII: the right side's reps"
leave

# ---- 200x60: the sections side by side ----
history_at 200 60
s=$(screen)
like "$s" '^ Sessions done, by day +Ratings by session \(0 to 10\) *$' \
	"200x60: the ratings beside the calendars"
like "$s" '^ Fr █  █  █  █ +Fr +█  · +5┼───5' \
	"200x60: the calendar whole"
like "$s" '^  R reps ▁▄▅▇ 42 ' "200x60: the reps"
like "$s" '   3┼───────3' "200x60: the 3 line"
like "$s" '   5┼───5' "200x60: the 5 line"
screen | sed 's/ *$//' >"$T/wide"
leave

# ---- 40x12: fewer charts at a time, none cut ----
history_at 40 12
like "$(screen)" '^ Heel drops *$' "40x12: the first calendar"
like "$(screen)" '^  twice daily: 49 of 55 due, streak 2 *$' "40x12: its line whole"
like "$(screen)" '^    46 47 48 49 *$' "40x12: its weeks"
like "$(screen)" '^ Mo █  █  █  █ *$' "40x12: the days one calendar at a time"
# nothing past the edge: every row ends before the last column
awk 'NR > 1 && length($0) > 39 { bad = 1; print "#   " NR ": " $0 } END { exit bad }' <<EOF
$(screen | sed 's/ *$//' | onecol)
EOF
ok $? "40x12: nothing drawn in the last column or past it"
# scrolled to the end and back
i=0
while [ "$i" -lt 60 ]; do keys j; i=$((i + 1)); done
wait_screen '^    12-02: 3, 12-04: 3, 12-06: 3 *$'
ok $? "40x12: scrolls to the last line, the stiffness by date" || show_screen
like "$(screen | sed -n 11p)" '^    12-02: 3, 12-04: 3, 12-06: 3 *$' "the last line at the bottom"
keys k
wait_gone '^    12-02: 3, 12-04: 3, 12-06: 3 *$'
ok $? "40x12: one Up scrolls back" || show_screen
leave

# every line at 40 columns (a tall window shows them all), word by word:
# each word whole (or followed by an ellipsis), one the wide screen has too (charts' marks, numbers
# and dates aside: they are as long as the room)
history_at 40 100
screen | sed 's/ *$//' >"$T/narrow"
like "$(cat "$T/narrow")" '^ Morning pain *$' "40x100: the whole view"
awk 'NR == FNR { for (i = 1; i <= NF; i++) known[$i] = 1; next }
	FNR > 1 { for (i = 1; i <= NF; i++) {
		w = $i
		# cut between words, with an ellipsis: the word before it whole
		sub(/…$/, "", w)
		if (w in known || w ~ /^[][0-9.,:()|+#_=*%─┼│▁▂▃▄▅▆▇█▒·-]+$/) continue
		bad = 1; print "#   cut: \"" w "\" in: " $0 } }
	END { exit bad }' "$T/wide" "$T/narrow"
ok $? "40 columns: no word cut"
onecol <"$T/narrow" | awk 'length($0) > 39 { bad = 1 } END { exit bad }'
ok $? "40 columns: nothing past the edge"
leave

done_testing
