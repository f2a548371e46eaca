#!/bin/sh
# The history view (h in the picker) with ratings that say what they
# measure and morning check-ins: before and after paired, the zone of the
# last pain in its word and colour, and each check-in item's values by
# date as words, oldest first, the latest that fit.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

cp "$top_srcdir/tests/fixtures/history-checkin.log" "$LOG"
chmod u+w "$LOG"

tm_start --routine-dir "$ROUTINES"
tm resize-window -t t -x 80 -y 40
wait_screen 'recoup: pick a routine'
keys h
wait_screen 'recoup: history, 2 sessions'
ok $? "h opens the history: 2 sessions, the check-ins not counted" || show_screen
s=$(screen)
like "$s" '^ Calf pain +Calf tightness *$' "Calf pain before and after paired under one name"
like "$s" '^  before ▃ +3 fine +▅ 5 *$' "before: a mark a session (the first only), the last value and zone; tightness: no zone"
like "$s" '^  after  ▄▆ 7 back off *$' "after: both sessions; 6 to 10: back off"
like "$s" '^ Morning check-ins \(0 to 10\)' "a check-in section"
like "$s" '^   pain +last 6, back off *$' "the check-in's pain: its zone (two that morning: the later)"
like "$s" '^    11-21: 2, 11-22: 3, 11-23: 6 *$' "pain by date, oldest first, in words"
like "$s" '^   stiffness +last 1 *$' "stiffness"
like "$s" '^    11-21: 4, 11-22: 3, 11-23: 2, 11-24: 1 *$' "stiffness by date"
# the zone word in a colour of its own
row=$(screen | grep -n '^  after ' | cut -d: -f1)
like "$(row_e "$row")" "$(printf '\033')\\[[0-9;]*m+7 back off" "the value and zone word in colour"

# narrower: the latest values that fit
tm resize-window -t t -x 40 -y 70
wait_screen '^    11-22: 3, 11-23: 2, 11-24: 1 *$'
ok $? "at 40 columns the latest three stiffness values" || show_screen
week=$(date -u +%V)
like "$(screen)" "^   ( [0-9]{2})* $week *\$" "a calendar's weeks on one line, this one last, not wrapped" || show_screen
dow=$(date -u +%a | cut -c1-2)
like "$(screen)" "^ $dow .*\\[[ █▒·]\\] *\$" "today's cell marked, in its week's column" || show_screen
keys q q
wait_exit
is "$(exit_status)" 0 "exit status 0"

# A check-in's morning is the date of its own stamp, wherever it is read
# (this pane is in UTC): 00:30+01:00 on 2 December is that morning's,
# which the later check-in corrects, and not 1 December's.  "acceptable"
# is in the yellow of the rating prompt and the check-in screen.  A pair
# of ratings whose names do not say their measure says it once, beside
# the name they share.
cat >"$LOG" <<'EOF'
2026-11-30T18:00:00.000+00:00 s1 start routine="Post-run calf care" id=post-run-calf-care format=1
2026-11-30T18:00:10.000+00:00 s1 rate n=1 name="Achilles before" measure=pain value=3
2026-11-30T18:00:30.000+00:00 s1 rate n=2 name="Achilles after" measure=pain value=2
2026-11-30T18:00:40.000+00:00 s1 end status=complete elapsed=40
2026-12-01T07:00:00.000+00:00 k1 checkin pain=5 elapsed=2
2026-12-02T00:30:00.000+01:00 k2 checkin pain=2 elapsed=2
2026-12-02T06:00:00.000+01:00 k3 checkin pain=4 elapsed=2
EOF
tm_start --routine-dir "$ROUTINES"
tm resize-window -t t -x 80 -y 40
wait_screen 'recoup: pick a routine'
keys h
wait_screen '^ Morning check-ins'
ok $? "the history with check-ins across midnight" || show_screen
like "$(screen)" '^    12-01: 5, 12-02: 4 *$' \
	"00:30+01:00 read in UTC: the 2nd's morning, corrected that morning"
row=$(screen | grep -n '^   pain  *last 4, acceptable' | cut -d: -f1)
like "$(row_e "${row:-1}")" "$(printf '\033')\\[33m+acceptable" "acceptable in yellow, as the prompts"
like "$(screen)" '^ Achilles \(pain\) *$' "a pair's name once, with its measure"
like "$(screen)" '^  before ▃ 3 fine *$' "its before"
like "$(screen)" '^  after  ▂ 2 fine *$' "and its after"
keys q q
wait_exit

done_testing
