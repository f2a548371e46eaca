#!/bin/sh
# The morning check-in (recoup --checkin): line by line from standard
# input (its one log line, q leaving nothing), the config's items, the
# dashboard's screen at 80x24 and 40x12, and the picker's offer the day
# after a session (faketime pins the day), skipped with one key, not made
# again after a check-in today nor by `recoup ROUTINE`.
. "$top_srcdir/tests/lib.sh"

# line by line needs no tmux: these run first, and the rest skip without it
PLOG="$T/plain.log"
checkin_plain() { # checkin_plain INPUT ARG...: stdout in $T/out, status in $rc
	_in=$1
	shift
	printf '%s' "$_in" | "$RECOUP" --log "$PLOG" "$@" --checkin >"$T/out" 2>"$T/err"
	rc=$?
}

# ---- line by line -----------------------------------------------------------
checkin_plain '2
4
'
is "$rc" 0 "plain check-in: exit 0"
is "$(sed -n 2p "$T/out")" "Pain on getting up, 0 to 10 (0-3 fine, 4-5 acceptable, 6+ back off):" \
	"the pain question, a line of its own, with the zones"
is "$(sed -n 3p "$T/out")" "Stiffness on getting up, 0 to 10:" "then stiffness, without zones"
is "$(tail -n 1 "$T/out")" "Checked in: pain 2 (fine), stiffness 4. Logged to $PLOG" \
	"a one-line confirmation with the values, pain's zone, and the log"
is "$(wc -l <"$PLOG" | tr -d ' ')" 1 "ONE log line"
line=$(cat "$PLOG")
like "$line" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{12}[+-][0-9]{2}:[0-9]{2} [0-9a-f]{6} checkin pain=2 stiffness=4 elapsed=[0-9]+\.[0-9]$' \
	"TS SID checkin pain=2 stiffness=4 elapsed=S.T: the values, elapsed last"
ok "$(! grep -Eq ' (start|end|step|routine=)' "$PLOG"; echo $?)" "no start, no end, no routine"
sid1=$(awk '{ print $2 }' "$PLOG")

checkin_plain '10
n
'
sid2=$(tail -n 1 "$PLOG" | awk '{ print $2 }')
like "$(tail -n 1 "$PLOG")" ' checkin pain=10 elapsed=[0-9.]+$' "10 typed whole; n skips stiffness: no key for it"
ok "$([ "$sid1" != "$sid2" ]; echo $?)" "each check-in has a session id of its own ($sid1, $sid2)"
like "$(tail -n 1 "$T/out")" '^Checked in: pain 10 \(back off\)\. Logged to ' "10 is back off"

before=$(wc -l <"$PLOG")
checkin_plain '3
q
'
is "$rc" 0 "q: exit 0"
is "$(tail -n 1 "$T/out")" "Check-in left; nothing logged." "q: said so"
is "$(wc -l <"$PLOG")" "$before" "q after an answer leaves nothing logged"

checkin_plain '

'
is "$(tail -n 1 "$T/out")" "Nothing answered; nothing logged." "every item skipped: nothing logged, and said"
is "$(wc -l <"$PLOG")" "$before" "no line for a check-in that answered nothing"

checkin_plain '12
x
5
b
6
1
'
like "$(cat "$T/out")" "'12' is no answer: a whole number from 0 to 10" "12 is refused, and the question asked again"
like "$(tail -n 1 "$PLOG")" ' checkin pain=6 stiffness=1 elapsed=' "b goes back to pain: 6 replaces 5"

checkin_plain '7
'
like "$(tail -n 1 "$PLOG")" ' checkin pain=7 elapsed=' "the end of input: what was answered is logged, the rest skipped"

before=$(wc -l <"$PLOG")
checkin_plain '2
2
' --no-log
like "$(tail -n 1 "$T/out")" '^Checked in: pain 2 \(fine\), stiffness 2; not logged \(--no-log\)\.$' "--no-log: said"
is "$(wc -l <"$PLOG")" "$before" "--no-log writes nothing"

"$RECOUP" --checkin --speed 10 </dev/null >/dev/null 2>"$T/err"
is "$?" 2 "--checkin --speed: a usage error (practice makes no sense)"
like "$(cat "$T/err")" 'speed does not go with --checkin' "and says why"
"$RECOUP" --checkin some-routine </dev/null >/dev/null 2>"$T/err"
is "$?" 2 "--checkin ROUTINE: a usage error"
"$RECOUP" --checkin --list </dev/null >/dev/null 2>"$T/err"
is "$?" 2 "--checkin with another command: a usage error"

# ---- the config's items -----------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/recoup"
CONF="$XDG_CONFIG_HOME/recoup/recoup.conf"
printf 'checkin = ["achilles_pain", "pain", "sleep2"];\n' >"$CONF"
checkin_plain '1
5
8
'
is "$(sed -n 2p "$T/out")" "Achilles pain on getting up, 0 to 10:" "a configured item, _ read as a space"
like "$(tail -n 1 "$PLOG")" ' checkin achilles_pain=1 pain=5 sleep2=8 elapsed=' "the configured items, in order, logged by name"
like "$("$RECOUP" --dump-config)" 'checkin = \[ "achilles_pain", "pain", "sleep2" \];' "--dump-config shows them"
rm "$CONF"
like "$("$RECOUP" --dump-config)" 'checkin = \[ "pain", "stiffness" \];' "--dump-config shows the default"

bad_conf() { # bad_conf TEXT MESSAGE-ERE DESCRIPTION
	printf 'colors = true;\n%s\n' "$1" >"$T/bad.conf"
	"$RECOUP" --config "$T/bad.conf" --checkin </dev/null >/dev/null 2>"$T/err"
	_rc=$?
	like "$_rc $(cat "$T/err")" "^1 recoup: $T/bad.conf:2: $2" "$3"
}
bad_conf 'checkin = [];' '`checkin` asks 1 to 6 items, not 0' "no item: FILE:LINE error"
bad_conf 'checkin = ["a", "b", "c", "d", "e", "f", "g"];' '`checkin` asks 1 to 6 items, not 7' "7 items: an error"
bad_conf 'checkin = ["Pain"];' '`checkin`: item 1, "Pain", is not a name' "upper case: an error"
bad_conf 'checkin = ["pain", "2nd"];' '`checkin`: item 2, "2nd", is not a name' "a digit first: an error"
bad_conf 'checkin = ["pain", "pain"];' '`checkin`: "pain" is there twice' "twice: an error"
bad_conf 'checkin = ["elapsed"];' '`checkin`: item 1, "elapsed", is the check-in line' "elapsed: an error"
bad_conf 'checkin = "pain";' '`checkin` must be a list of strings' "not a list: an error"
bad_conf 'checkin = ("pain", 3);' '`checkin` must hold strings only' "not a string: an error"

# ---- the dashboard ------------------------------------------------------------
. "$top_srcdir/tests/tmux.sh"

tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --checkin
wait_screen 'recoup: morning check-in'
ok $? "80x24: the check-in screen"
s=$(screen)
like "$s" 'How is it this morning, on getting up\? 0 to 10 each\.' "it says what it asks"
like "$s" '> Pain +_' "pain is asked first"
like "$s" '0-3 fine, 4-5 acceptable, 6\+ back off' "the pain zones, under pain"
like "$s" '^ +Stiffness *$' "stiffness below, not yet asked"
like "$s" '0-9 answer +1 then 0: 10 +Enter skip one +b back +q leave' "the keys"
keys 1
wait_screen '> Pain +1_ +0 for 10, Enter for 1'
ok $? "1 waits for a second key"
keys 0
wait_screen '> Stiffness +_'
ok $? "1 then 0: 10, and on to stiffness"
like "$(screen)" '^ +Pain +10 back off' "pain 10 with its zone in words (no colour)"
ok "$(! screen | grep -q '0-3 fine'; echo $?)" "the zones only while pain is asked"
keys 4
wait_exit
ok $? "one key answers stiffness: the last item ends it"
is "$(exit_status)" 0 "exit 0"
like "$(screen | tr -d '\n')" "Checked in: pain 10 \\(back off\\), stiffness 4\\. Logged to $LOG" \
	"the one-line confirmation, on the terminal"
is "$(wc -l <"$LOG" | tr -d ' ')" 1 "one line logged"
like "$(last_log_line)" '^[0-9T:.+-]{29} [0-9a-f]{6} checkin pain=10 stiffness=4 elapsed=[0-9]+\.[0-9]$' "the dashboard's check-in line"

tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --checkin
wait_screen '> Pain +_'
keys 3
wait_screen '^ +Pain +3 fine'
ok $? "3: answered at once, fine"
keys q
wait_exit
like "$(screen)" 'Check-in left; nothing logged\.' "q leaves, saying so"
is "$(wc -l <"$LOG" | tr -d ' ')" 1 "q: nothing logged"

tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --checkin
wait_screen '> Pain +_'
keys 1 Enter Enter
wait_exit
like "$(last_log_line)" ' checkin pain=1 elapsed=' "1 then Enter: 1; Enter skips stiffness"

tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --checkin
wait_screen '> Pain +_'
keys 1 7
wait_exit
like "$(last_log_line)" ' checkin pain=1 stiffness=7 elapsed=' "1 then 7: pain 1, stiffness 7 (not pain 7)"

tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --checkin
wait_screen '> Pain +_'
keys 6 BSpace 2 Escape
wait_exit
is "$(wc -l <"$LOG" | tr -d ' ')" 3 "Backspace goes back; Esc leaves, nothing logged"

tm resize-window -t t -x 40 -y 12 2>/dev/null
tm_start -e env NO_COLOR=1 "$RECOUP" --log "$LOG" --checkin
tm resize-window -t t -x 40 -y 12
wait_screen '^ 0-9, 1 0: 10, Enter skip, q leave$'
ok $? "40x12: the short key help"
s=$(screen)
like "$s" '> Pain +_' "40x12: pain"
like "$(joined)" '0-3 fine, 4-5 acceptable, 6\+ back off' "40x12: the zones"
like "$s" 'Stiffness' "40x12: stiffness"
ok "$(! screen | awk 'length > 40' | grep -q .; echo $?)" "40x12: nothing wider than 40"
keys 1
wait_screen '> Pain +1_'
ok $? "40x12: after 1, its hint"
ok "$(! screen | grep -q 'Enter for *$'; echo $?)" "40x12: the hint is whole or left out, never cut mid-phrase"
keys BSpace 5 7
wait_exit
like "$(last_log_line)" ' checkin pain=5 stiffness=7 elapsed=' "40x12: logged"
tm resize-window -t t -x 80 -y 24

# ---- the picker's offer -------------------------------------------------------
if ! command -v faketime >/dev/null 2>&1; then
	for d in "offer after a session yesterday" "s skips it" "no offer after a check-in today" \
		"no offer without a session yesterday" "recoup ROUTINE does not ask"; do
		n=$((n + 1))
		echo "ok $n # SKIP $d (faketime not found)"
	done
	done_testing
	exit
fi

NOW='2026-12-06 07:30:00'
yesterday_session() { # a session of UI session on the day before $NOW
	cat >"$LOG" <<EOF
2026-12-05T18:00:00.000+00:00 a1b2c3 start routine="UI session" id=ui-session file="$ROUTINES/ui-session.yaml" planned=612 steps=3 format=1
2026-12-05T18:10:00.000+00:00 a1b2c3 end status=complete elapsed=600
EOF
}
# faketime preloads its library: under AddressSanitizer (.ci/run) that is
# allowed to come first
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
picker() {
	tm_start -e env NO_COLOR=1 ASAN_OPTIONS="$asan" faketime "$NOW" "$RECOUP" --log "$LOG" \
		--routine-dir "$ROUTINES" "$@"
}

yesterday_session
picker
wait_screen 'recoup: morning check-in'
ok $? "the first start of the day after a session: the check-in comes first"
like "$(screen)" 's skip the check-in' "one key, s, skips it"
keys s
wait_screen 'recoup: pick a routine'
ok $? "s: to the picker"
like "$(joined)" 'Check-in skipped; nothing logged\.' "saying so"
is "$(wc -l <"$LOG" | tr -d ' ')" 2 "skipped: nothing logged"
keys q
wait_exit

picker
wait_screen 'recoup: morning check-in'
ok $? "skipped, it is offered again at the next start"
keys 2 3
wait_screen 'recoup: pick a routine'
ok $? "answered: the picker follows"
like "$(joined)" 'Checked in: pain 2 \(fine\), stiffness 3\.' "with the confirmation"
like "$(last_log_line)" '^2026-12-06T07:30:[0-9.]+\+00:00 [0-9a-f]{6} checkin pain=2 stiffness=3 elapsed=' "logged today"
keys q
wait_exit

picker
wait_screen 'recoup: pick a routine'
ok $? "a check-in today already: the picker at once"
# the offer comes with the log's read, which fills in the dates
wait_screen '^ UI session .*last: 2026-12-05'
ok "$(! screen | grep -q 'morning check-in'; echo $?)" "no offer"
like "$(screen | tail -n 1)" 'c check-in' "the key bar names c"
keys c
wait_screen 'recoup: morning check-in'
ok $? "c: the check-in asked for by hand, after one today"
keys 4 5
wait_screen 'recoup: pick a routine'
ok $? "answered: back to the picker"
like "$(last_log_line)" ' checkin pain=4 stiffness=5 elapsed=' "the second check-in is logged"
keys c
wait_screen 'recoup: morning check-in'
ok $? "c again in the same run: asked again"
keys s
wait_screen 'recoup: pick a routine'
ok $? "s leaves it for the picker"
like "$(last_log_line)" ' checkin pain=4 stiffness=5 elapsed=' "and logs nothing"
keys q
wait_exit

cat >"$LOG" <<EOF
2026-12-04T18:00:00.000+00:00 a1b2c3 start routine="UI session" id=ui-session planned=612 steps=3 format=1
2026-12-04T18:10:00.000+00:00 a1b2c3 end status=complete elapsed=600
2026-12-05T18:00:00.000+00:00 b1b2c3 start routine="UI session" id=ui-session planned=612 steps=3 speed=60 format=1
2026-12-05T18:00:10.000+00:00 b1b2c3 end status=complete elapsed=10
EOF
picker
wait_screen 'recoup: pick a routine' && wait_screen '^ UI session .*last: 2026-12-04'
ok $? "a session two days ago, practice yesterday: no offer"
keys q
wait_exit

yesterday_session
picker --speed 600 ui-session
wait_screen 'Wall stretch'
ok $? "recoup ROUTINE: the session starts, no check-in asked"
keys q y
wait_screen 'Session ended early'
keys q
wait_exit
ok "$(! grep -q ' checkin ' "$LOG"; echo $?)" "and none logged"

done_testing
