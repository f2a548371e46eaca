#!/bin/sh
# Ratings that say what they measure: a pain rating's prompt shows the
# zones (0-3 fine, 4-5 acceptable, 6+ back off), the value typed is shown
# with its zone's word and colour (green, yellow, red; the word alone with
# NO_COLOR), a shorter form fits 40x12, a tightness rating names its
# measure and has no zones, and the log's rate and skip lines carry
# measure=.  Then the same in --plain.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

R="$top_srcdir/tests/fixtures-ui/rate"
esc=$(printf '\033')
# the screen with its colours, and the row holding TEXT
painted_row() { tm capture-pane -e -p -t t | grep -F -- "$1"; }
has_color() { tm capture-pane -e -p -t t | grep -Eq "$esc\\[(3[0-7]|4[0-7]|38;|48;|9[0-7])m"; }
unlike() { # unlike GOT EXTENDED-REGEX DESCRIPTION
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"
		printf '%s\n' "$1" | sed 's/^/#   got:  /'
		echo "#   want no match: $2"
	else
		ok 0 "$3"
	fi
}
zones_long='0-3 fine · 4-5 acceptable · 6\+ back off\. Type 0 to 10, then Enter \(n skips\)'

# ---- 80x24, in colour ----
tm_start --routine-dir "$R" ui-rate
wait_screen 'Calf pain before: rate 0 to 10'
ok $? "the pain rating"
wait_screen "^ $zones_long\$"
ok $? "its prompt shows the zones on one line, with how to answer"
keys 6
wait_screen '^ 6 back off$'
ok $? "6 typed: shown with its zone, back off"
like "$(painted_row '6 back off')" "$esc\\[31m6 back off" "back off in red"
keys 2
wait_screen '^ 2 fine$'
ok $? "62 is no rating: 2, fine"
like "$(painted_row '2 fine')" "$esc\\[32m2 fine" "fine in green"
unlike "$(screen)" 'back off$' "the last zone's word is gone"
keys 4
wait_screen '^ 4 acceptable$'
ok $? "then 4: acceptable"
like "$(painted_row '4 acceptable')" "$esc\\[33m4 acceptable" "acceptable in yellow"
like "$(screen)" "$zones_long" "the zones stay while a value is typed"
keys Enter
wait_log ' rate n=1 name="Calf pain before" measure=pain value=4$'
ok $? "the rate line carries measure=pain, before the value"

wait_screen 'Calf tightness: rate 0 to 10'
ok $? "the tightness rating"
like "$(screen)" '^ Type tightness 0 to 10, then Enter \(n skips\)$' "its prompt names the measure"
unlike "$(screen)" '0-3 fine' "and shows no pain zones"
keys 7
_poll 10 eval '[ "$(big_figure)" = 7 ]'
ok $? "7 typed: the big figure"
unlike "$(screen)" '7 (fine|acceptable|back off)' "no zone for a tightness value"
keys Enter
wait_log ' rate n=2 name="Calf tightness" measure=tightness value=7$'
ok $? "the rate line carries measure=tightness"

wait_screen 'Calf pain after: rate 0 to 10'
ok $? "the second pain rating"
keys n
wait_log ' skip n=3 name="Calf pain after" what=rate measure=pain elapsed=[0-9.]+$'
ok $? "skipped: the skip line carries measure=pain too"
wait_screen '^  Session complete'
keys Enter
wait_exit
is "$(exit_status)" 0 "the session ends"

# ---- NO_COLOR: the word alone ----
tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --routine-dir "$R" ui-rate
wait_screen "^ $zones_long\$"
ok $? "NO_COLOR: the zones"
keys 8
wait_screen '^ 8 back off$'
ok $? "NO_COLOR: 8 back off, in words"
ok "$(! has_color; echo $?)" "NO_COLOR: no colour at all"
keys q y

# ---- 40x12: the shorter form ----
tm_start --routine-dir "$R" ui-rate
tm resize-window -t t -x 40 -y 12
wait_screen '^ 0-3 fine, 4-5 acceptable, 6\+ back off$'
ok $? "40x12: the zones in a shorter form, on one row"
keys 5
wait_screen '^ 5 acceptable$'
ok $? "40x12: 5 acceptable"
keys q y

# ---- --plain: the zones in the cue, the zone in words ----
printf '6\n2\nn\n' | "$RECOUP" --plain --log "$T/plain.log" "$R/ui-rate.yaml" >"$T/out" 2>&1
is "$?" 0 "--plain: the session runs"
like "$(cat "$T/out")" '^\[0:00\] Step 1 of 3, Calf pain before\. Calf pain before: rate 0 to 10\. 0 none, 10 worst\. Pain: 0-3 fine, 4-5 acceptable, 6\+ back off$' \
	"--plain: the pain rating's prompt names the zones"
like "$(cat "$T/out")" '^Pain 6: back off$' "--plain: the value with its zone"
like "$(cat "$T/out")" '^\[0:00\] Step 2 of 3, Calf tightness\. Calf tightness: rate 0 to 10\. Measures tightness$' \
	"--plain: the tightness rating names its measure"
unlike "$(cat "$T/out")" '^Pain 2' "--plain: no zone for a tightness value"
is "$(grep -c ' rate .* measure=' "$T/plain.log")" 2 "--plain: both rate lines carry measure="
like "$(grep ' skip ' "$T/plain.log")" ' what=rate measure=pain elapsed=' "--plain: and the skip"

done_testing
