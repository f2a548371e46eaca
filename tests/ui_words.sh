#!/bin/sh
# The big words (issue 10): the side, the tempo phase and the part in the
# big font over the digits, read back through the font (tests/bigread),
# with NO_COLOR: at 80x24 five rows tall at least, LEFT in the left half
# behind an arrow and RIGHT in the right half after one, ICE OFF shaded
# unlike ICE ON, PAUSED shaded; taller at 120x40 and 200x60; as words on
# the heading line where the window is too small.  Through a tempo set at
# --speed, the big words say what the heading says and the big figure is
# the rep of the counters.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

is "$("$BIGREAD" -c)" "" "the font: no two glyphs alike, each glyph's edges lit (what reading back relies on)"

printf 'lead_in = "60s";\n' >"$T/words.conf"
DIR="$top_srcdir/tests/fixtures-ui/words"
start() { # start [ENV...]: the words routine, without colour
	tm_start -e env NO_COLOR=1 "$@" "$RECOUP" --log "$LOG" --config "$T/words.conf" \
		--speed 4 --routine-dir "$DIR" ui-words
}

heading() { screen | sed -n 2p | sed 's/^[^│]*│//; s/^ *//; s/ *$//'; }
_heading_is() { heading | grep -Eqx -- "$1" && _drawn; }
wait_heading() {
	_poll 10 _heading_is "$1" && return 0
	echo "#   waited for the heading: $1"
	show_screen
	return 1
}
# wait_big_words TEXT: until the big words read TEXT.  The big cells go
# out in a write of their own after the text (src/ui_direct.c): a heading
# already drawn says nothing of them.
_big_words_are() { [ "$(big_words)" = "$1" ]; }
wait_big_words() { _poll 10 _big_words_are "$1"; }
# band FIELD: a field of the first band's first word (1 row, 2 height,
# 3 first column, 4 last column, 5 kind)
band() { big | head -n 1 | cut -d' ' -f"$1"; }
# word_at TEXT FIELD: a field of the word TEXT in the first band
word_at() { big | awk -v w="$1" -v f="$2" 'NR == 1 { r = $1 } $1 == r && $6 == w { print $f; exit }'; }
# the rows of the first band, as drawn
band_rows() {
	_r=$(band 1)
	_h=$(band 2)
	screen | sed -n "$((_r + 1)),$((_r + _h))p"
}

# agree SCREEN: the heading ("LEFT  DOWN 2") said again in big words
# ("<LEFT DOWN 2", "DOWN 2 RIGHT>"), and the big figure the rep of the
# counters ("rep 2 of 4"); status 2 when the heading is no tempo phase's.
agree() {
	_head=$(printf '%s\n' "$1" | sed -n 2p | sed 's/^[^│]*│//; s/^ *//; s/ *$//')
	printf '%s\n' "$_head" | grep -Eq '^(LEFT|RIGHT)  (DOWN|HOLD|UP) [0-9]+$' || return 2
	_rep=$(printf '%s\n' "$1" | sed -n 's/.*   rep \([0-9]*\) of [0-9]*$/\1/p' | head -n 1)
	_big=$(printf '%s\n' "$1" | "$BIGREAD")
	_words=$(printf '%s\n' "$_big" | _band_text first)
	_fig=$(printf '%s\n' "$_big" | _band_text last)
	_want=$(printf '%s\n' "$_head" | sed 's/^LEFT  /<LEFT /; s/^RIGHT  \(.*\)/\1 RIGHT>/')
	[ -n "$_rep" ] && [ "$_fig" = "$_rep" ] && [ "$_words" = "$_want" ]
}
# through_set: sample the set until it ends; agreements and disagreements
# in $seen and $wrong.  The dashboard writes the big cells just after the
# rest, and a loaded machine may hold it between the two: a screen that
# disagrees counts only once it stands still (the same in the next
# capture); one that changed is looked at again.
through_set() {
	seen=0 wrong=0 _i=0
	while [ $_i -lt 200 ]; do
		_i=$((_i + 1))
		_s=$(screen)
		agree "$_s"
		_rc=$?
		if [ $_rc = 2 ]; then
			[ $seen -gt 0 ] && break   # the set is over
			sleep 0.05
			continue
		fi
		_t=0
		while [ $_rc = 1 ] && [ $_t -lt 20 ]; do
			sleep 0.05
			_next=$(screen)
			[ "$_next" = "$_s" ] && break   # it stands still: it disagrees
			_s=$_next
			agree "$_s"
			_rc=$?
			_t=$((_t + 1))
		done
		if [ $_rc = 0 ]; then
			seen=$((seen + 1))
		elif [ $_rc = 1 ] && [ $_t -lt 20 ]; then
			wrong=$((wrong + 1))
			echo "#   heading '$_head', rep '$_rep': big words '$_words', figure '$_fig'"
			printf '%s\n' "$_s" | sed 's/^/#   |/'
		fi
		sleep 0.1
	done
}

# ---- 80x24 ----
start
wait_heading 'LEFT  GET READY'
ok $? "80x24: the lead-in of the left set"
wait_big_words "<LEFT GET READY"
is "$(big_words)" "<LEFT GET READY" "80x24: the side and the part in big words"
ok "$([ "$(band 2)" -ge 5 ]; echo $?)" "80x24: the words are five rows tall at least ($(band 2))"
ok "$([ "$(word_at '<LEFT' 4)" -lt 40 ]; echo $?)" "80x24: LEFT sits in the left half, behind its arrow"
ok "$(! screen | grep -q '▶'; echo $?)" "80x24: the step list gives way to the words"
# (in the same write as the words waited for above; at --speed 4 the
# lead-in shows 1:00 for a quarter of a second only, and the checks above
# take longer than that on a loaded machine: its time as it counts down)
like "$(big_figure)" '^(1:00|0:[0-5][0-9])$' "the lead-in's time in big digits under them"

keys n
wait_heading 'LEFT  (DOWN|HOLD|UP) [0-9]'
ok $? "the left set runs"
_poll 10 eval 'big_words | grep -Eq "^<LEFT (DOWN|HOLD|UP)"'
left=$(band_rows)
through_set
ok "$([ $seen -ge 5 ] && [ $wrong = 0 ]; echo $?)" \
	"through the left set the big words say the heading and the big figure is the counters' rep ($seen agreed, $wrong not)"

wait_heading 'RIGHT  GET READY'
ok $? "then the right side's lead-in"
wait_big_words "GET READY RIGHT>"
is "$(big_words)" "GET READY RIGHT>" "RIGHT in big words"
ok "$([ "$(word_at 'RIGHT>' 3)" -ge 40 ]; echo $?)" "RIGHT sits in the right half, before its arrow"
keys n
wait_heading 'RIGHT  (DOWN|HOLD|UP) [0-9]'
ok $? "the right set runs"
_poll 10 eval 'big_words | grep -Eq "^(DOWN|HOLD|UP) [0-9]+ RIGHT>$"'
right=$(band_rows)
ok "$([ "$left" != "$right" ]; echo $?)" "LEFT and RIGHT sets differ in the big area, colour or not"
through_set
ok "$([ $seen -ge 5 ] && [ $wrong = 0 ]; echo $?)" \
	"through the right set too ($seen agreed, $wrong not)"
wait_log ' set n=1 name="Heel drop" side=right set=1 sets=1 target=4 reps=4 '
ok $? "the sets counted themselves to the end"

wait_heading 'GET READY'
keys n
wait_heading 'ICE ON'
ok $? "ice on"
wait_big_words "ICE ON"
is "$(big_words)" "ICE ON" "ICE ON in big words"
is "$(band 5)" B "ICE ON: solid blocks"
on=$(band_rows)
keys n
wait_heading 'ICE OFF'
ok $? "ice off"
wait_big_words "ICE OFF"
is "$(big_words)" "ICE OFF" "ICE OFF in big words"
is "$(band 5)" S "ICE OFF: shaded blocks"
off=$(band_rows)
ok "$(printf '%s\n' "$on" | grep -q '█' && ! printf '%s\n' "$on" | grep -q '▒' &&
	printf '%s\n' "$off" | grep -q '▒' && ! printf '%s\n' "$off" | grep -q '█'; echo $?)" \
	"ICE ON and ICE OFF differ beyond the word: █ against ▒"

# ---- larger: the words grow with the window ----
tm resize-window -t t -x 120 -y 40
_poll 10 eval '[ "$(band 2)" -ge 10 ]'
ok $? "120x40: the words are taller ($(band 2) rows)"
is "$(big_words)" "ICE OFF" "120x40: and read the same"
tm resize-window -t t -x 200 -y 60
_poll 10 eval '[ "$(band 2)" -ge 15 ]'
ok $? "200x60: taller again ($(band 2) rows)"
is "$(big_words)" "ICE OFF" "200x60: and read the same"
like "$(screen)" '▶ Ice both calves' "200x60: the step list beside them"
ok "$([ "$(digit_rows)" -ge 20 ]; echo $?)" "200x60: the digits taller still ($(digit_rows) rows)"

keys n
wait_heading 'GET READY'
keys n
wait_heading 'ICE ON'
keys n
wait_heading 'LEFT  GET READY'
keys n
wait_heading 'LEFT  TIMER'
ok $? "the timer on the left"
wait_big_words "<LEFT TIMER"
is "$(big_words)" "<LEFT TIMER" "200x60: a timer says TIMER (HOLD is a tempo's phase)"
ok "$([ "$(word_at '<LEFT' 4)" -lt 100 ]; echo $?)" "200x60: LEFT in the left half"
like "$(screen)" '▶ Bent-knee soleus stretch o…│' "200x60: a long step name cut with an ellipsis in the list"

keys Space
wait_heading 'PAUSED'
ok $? "paused"
wait_big_words "PAUSED"
is "$(big_words)" "PAUSED" "PAUSED in big words"
is "$(band 5)" S "PAUSED: shaded"
keys Space
wait_heading 'LEFT  TIMER'

# ---- too small for big words: the heading, the digits ----
tm resize-window -t t -x 60 -y 16
wait_heading 'LEFT  TIMER'
ok $? "60x16: the words on the heading line"
# the heading said LEFT  TIMER at 80x24 too: wait for the redraw itself,
# big digits on the screen and no word among the big text (field 6 on)
_small_drawn() {
	_digits_shown &&
		[ -z "$(big | awk '{ t = $0; for (i = 1; i <= 5; i++) sub(/^[^ ]+ /, "", t) } t ~ /[A-Z]/')" ]
}
_poll 10 _small_drawn
ok $? "60x16: no big words, the time in big digits" || { big | sed 's/^/#   /'; show_screen; }
tm resize-window -t t -x 80 -y 24
wait_big_words "<LEFT TIMER"
ok $? "back at 80x24, the big words again"
keys q y Enter
wait_exit
is "$(exit_status)" 0 "quit"

# ---- the count after a set stopped early: typed, big and small ----
start
wait_heading 'LEFT  GET READY'
keys n
wait_heading 'LEFT  (DOWN|HOLD|UP) [0-9]'
keys n
wait_heading 'LEFT  HOW MANY\?'
ok $? "stopped early: how many?"
wait_big_words "<LEFT HOW MANY?"
is "$(big_words)" "<LEFT HOW MANY?" "HOW MANY? in big words"
keys 3
_poll 10 eval '[ "$(big_figure)" = 3 ]'
ok $? "the count typed is the big figure"
like "$(screen)" 'set 1 of 1   3 of 4 reps' "and the counters say the same"
keys q y Enter
wait_exit

# ---- outside UTF-8: '#' and ':' ----
start LC_ALL=C LANG=C
wait_heading 'LEFT  GET READY'
_poll 10 eval '[ "$(screen | "$BIGREAD" -a | _band_text first)" = "<LEFT GET READY" ]'
is "$(screen | "$BIGREAD" -a | _band_text first)" "<LEFT GET READY" "LC_ALL=C: the words in '#'"
keys q y Enter
wait_exit

done_testing
