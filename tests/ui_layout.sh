#!/bin/sh
# The session screen at 20x6 (the smallest it draws), 30x8, 40x12 and
# 80x24, through a segment of every kind: lead-in, ice on and off, spot,
# timer, a set with a tempo, the count after it, rest, note and rating.
# The heading line (side, phase, and the time when the digits are not
# big) keeps the time whole at every width; the words give way first.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

# a long lead-in: the test, not the clock, moves from segment to segment
printf 'lead_in = "60s";\n' >"$T/layout.conf"
DIR="$top_srcdir/tests/fixtures-ui/layout"
TIME='[0-9]+:[0-9]{2}'

# The heading: the first row under the title bar, from the step list's
# bar on when there is one.
heading() { screen | sed -n 2p | sed 's/^[^│]*│//; s/^ //; s/ *$//'; }
_heading_is() { heading | grep -Eqx -- "$1" && _drawn; }

# One segment a line: the keys that lead to it, its side and phase in
# words (as at 30 columns and up), what follows them when the digits are
# not big (the time, the rep or the count; "-" for nothing), the heading
# at 20x6, where the words give way to the time, and what else to check
# there (check_NAME below); split at ';'.
segments() {
	cat <<SEGS
-;NOTE;-;NOTE;note
Enter;GET READY;$TIME;GET READY  $TIME
n;ICE ON;$TIME;ICE ON  $TIME
n;ICE OFF;$TIME;ICE OFF  $TIME;ice_off
n;GET READY;$TIME;GET READY  $TIME
n;ICE ON;$TIME;ICE ON  $TIME
n;LEFT  GET READY;$TIME;L GET READY $TIME
n;LEFT  MASSAGE;$TIME;LEFT MASSAGE $TIME;frame
n;RIGHT  GET READY;$TIME;R GET READY $TIME
n;RIGHT  MASSAGE;$TIME;RIGHT MASSAGE $TIME
n;LEFT  GET READY;$TIME;L GET READY $TIME
n;LEFT  TIMER;$TIME;LEFT  TIMER  $TIME
n;RIGHT  GET READY;$TIME;R GET READY $TIME
n;RIGHT  (DOWN|HOLD|UP) [0-9];[0-9]+;RIGHT  (DOWN|HOLD|UP) [0-9]  [0-9]+
n;RIGHT  HOW MANY\\?;[0-9]+;RIGHT HOW MANY\\? [0-9]+;count
Enter;REST;$TIME;REST  $TIME
n;RIGHT  GET READY;$TIME;R GET READY $TIME
n;RIGHT  (DOWN|HOLD|UP) [0-9];[0-9]+;RIGHT  (DOWN|HOLD|UP) [0-9]  [0-9]+
n;RIGHT  HOW MANY\\?;[0-9]+;RIGHT HOW MANY\\? [0-9]+
Enter;RATE 0-10;-;RATE 0-10
SEGS
}

# The title bar and the key help, whatever the width: the routine's name
# cut with an ellipsis before the step counter, the key help ending with
# a whole key and word.
check_frame() {
	_s=$(screen)
	_title=$(printf '%s\n' "$_s" | head -n 1 | sed 's/ *$//')
	if [ "$w" -ge 60 ]; then
		like "$_title" '^ UI kinds, one step of every kind there is +step 3 of 6$' \
			"$size: the title bar: the name and the step counter"
	elif [ "$w" -ge 30 ]; then
		like "$_title" '^ UI kinds, one .*… step 3 of 6$' \
			"$size: the title bar cuts the name short of the step counter"
	else
		like "$_title" '^ UI kinds, one .*…$' "$size: the title bar cuts the name with an ellipsis"
	fi
	like "$(printf '%s\n' "$_s" | tail -n 1 | sed 's/ *$//')" \
		'^ [^ ].*(pause|next|back|15s|quit|help)$' "$size: the key help ends with a whole key"
}

# A note: "Press Enter to go on" once, on the prompt, not in the title too.
check_note() {
	_n=$(body_joined | grep -o 'Press Enter to go on' | wc -l | tr -d ' ')
	if [ "$h" -ge 12 ]; then
		is "$_n" 1 "$size: a note says Press Enter to go on once"
	else
		ok "$([ "$_n" -le 1 ]; echo $?)" "$size: a note says Press Enter to go on once at most"
	fi
}

# In ice off the packs are off: nothing says to put them on but "next",
# nor counts the round just done as under way.
check_ice_off() {
	_b=$(body_joined)
	like "$_b" 'packs off' "$size: ice off says the packs are off"
	ok "$(! printf '%s\n' "$_b" | sed 's/next:.*//' | grep -q 'Packs on both'; echo $?)" \
		"$size: ice off: the cue to put the packs on is not shown as the thing to do"
	ok "$(! printf '%s\n' "$_b" | grep -q 'round 1 of 2'; echo $?)" \
		"$size: ice off: the round just done is not shown as under way"
	if [ "$h" -ge 24 ]; then
		like "$_b" 'packs off until round 2 of 2' "$size: ice off: until when"
		like "$_b" 'next: ICE ON: Ice both calves, 10:00, round 2 of 2\. Packs on both calves, feet up' \
			"$size: ice off: next, the round and its cue"
	fi
}

# The count after a set stopped early: the prompt wraps, whole where
# there is room, cut with an ellipsis where there is not.
check_count() {
	if [ "$w" -ge 30 ]; then
		wait_body_joined 'Reps done\? Type the number, then Enter \(Enter alone: [0-9]+; n skips the set\)'
		ok $? "$size: the count prompt whole, default count and all"
	else
		wait_body_joined 'Reps done\? Type the number, then…'
		ok $? "$size: the count prompt cut with an ellipsis"
	fi
	if [ "$h" -ge 24 ]; then
		# (the list itself, and a long name cut in it: tests/ui_words.sh)
		ok "$(! screen | grep -q '▶'; echo $?)" "$size: the step list gives way to the big words"
	fi
}

for size in 20x6 30x8 40x12 80x24; do
	w=${size%x*}
	h=${size#*x}
	rm -f "$LOG"
	tm_start --config "$T/layout.conf" --routine-dir "$DIR" ui-kinds
	wait_screen '^ UI kinds'
	tm resize-window -t t -x "$w" -y "$h"
	# the note's heading is NOTE at 80x24 too: before the first check,
	# wait for the drawing at the new size, its title cut with an ellipsis
	[ "$w" -ge 60 ] || _poll 10 eval 'screen | head -n 1 | grep -q "…"'
	bad=0
	while IFS=';' read -r k words after small check; do
		[ "$k" = - ] || keys "$k"
		if [ "$w" -lt 30 ]; then
			want=$small
		elif [ "$h" -ge 12 ] || [ "$after" = - ]; then
			want=$words   # the time in big digits below
		else
			want="$words  $after"
		fi
		if ! _poll 10 _heading_is "$want"; then
			echo "#   $size, after $k: the heading is not: $want"
			show_screen
			bad=$((bad + 1))
			break
		fi
		if [ "$h" -ge 12 ] && [ "$after" != - ] && ! _poll 10 _digits_shown; then
			echo "#   $size, $words: no big digits"
			show_screen
			bad=$((bad + 1))
		fi
		[ -z "$check" ] || "check_$check"
	done <<EOF2
$(segments)
EOF2
	ok "$bad" "$size: the heading of every kind of segment, the time whole"
	keys 7 Enter
	wait_log ' end status=complete '
	ok $? "$size: the session went through every segment"
	keys x
	wait_exit
done

# A log that cannot be written: the screen says so, the whole sentence.
if [ -w /dev/full ]; then
	tm_start -e "$RECOUP" --log /dev/full --routine-dir "$ROUTINES" ui-session
	wait_body_joined 'The log cannot be written; lines are kept and retried'
	ok $? "80x24: a log that cannot be written, said whole"
	keys q y Enter
	wait_exit
fi

# Outside UTF-8 the ellipsis is three dots
tm_start -e env LC_ALL=C LANG=C "$RECOUP" --log "$LOG" --routine-dir "$DIR" ui-kinds
wait_screen '^ UI kinds'
tm resize-window -t t -x 30 -y 8
wait_screen '^ UI kinds, one\.\.\. step 1 of 6 *$'
ok $? "30x8, C locale: a name cut with \"...\""
keys q y Enter
wait_exit

done_testing
