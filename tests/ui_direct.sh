#!/bin/sh
# The big digits and words are drawn by recoup itself, cell by cell,
# beside ncurses (src/ui_direct.c).  Whatever the session went through
# (seconds counted down, a pause, the side changing colour, 10:00 becoming
# 9:59, the help screen and back, a resize, the words of a tempo set's
# phases, LEFT to RIGHT, ICE ON to the shaded ICE OFF, larger words, and
# frames that lay the big area out anew at 80x24, 40x12 and 60x16), the
# screen must be exactly what a repaint from scratch draws: no block left
# over, none missing, none in the wrong colour or shade.  SIGCONT makes the
# dashboard repaint everything, so each check captures the screen with its
# attributes while it stands still (paused, or waiting for a key), sends
# SIGCONT, waits for the repaint, and compares; and every block on the
# screen must belong to a big word or figure read back through the font.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
. "$top_srcdir/tests/direct.sh"

# digits_width: the columns the big digits span (their widest row)
digits_width() {
	digits | sed 's/^[^│]*│//' | awk '{ s = index($0, "█"); if (!s) next
		e = length($0); while (substr($0, e, 1) == " ") e--
		if (e - s > w) w = e - s } END { print w + 0 }'
}
_wider() { [ "$(digits_width)" -gt "$1" ]; }
_narrower() { [ "$(digits_width)" -lt "$1" ]; }
# same_after_repaint WHAT: paused, the screen equals its repaint
same_after_repaint() {
	keys Space
	wait_screen '(│|^) PAUSED' >/dev/null
	same_as_repaint "$1"
	keys Space
	wait_gone '(│|^) PAUSED' >/dev/null
}
# only_words WHAT: every block on the screen is part of a big word or figure
# read back through the font, and every one of theirs is there (tests/bigread
# -s), once the screen stands still
_only_words() { [ -z "$(screen | "$BIGREAD" -s)" ]; }
only_words() {
	_s1=$(screen)
	_k=0
	while [ $_k -lt 40 ]; do
		sleep 0.05
		_s2=$(screen)
		[ "$_s1" = "$_s2" ] && _only_words && break
		_s1=$_s2
		_k=$((_k + 1))
	done
	_out=$(printf '%s\n' "$_s1" | "$BIGREAD" -s)
	if [ -z "$_out" ]; then
		ok 0 "$1: only the big words and figures in blocks"
	else
		ok 1 "$1: only the big words and figures in blocks"
		printf '%s\n' "$_out" | head -n 5 | sed 's/^/#   /'
		printf '%s\n' "$_s1" | sed 's/^/#   |/'
	fi
}

tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "the session runs"
pid=$(recoup_pid)
pipe_out
wait_digits
ok $? "big digits"
d=$(digits)
wait_digits_change "$d"
d=$(digits)
wait_digits_change "$d"
ok $? "the digits count down"
same_after_repaint "after seconds counted down"

keys n
wait_screen 'RIGHT  TIMER'
ok $? "the other side"
# the big words go out after the heading: let them change before the
# digits are taken, so that what changes next is the countdown
_poll 10 eval '[ "$(big_words)" = "TIMER RIGHT>" ]'
wait_digits_change "$(digits)"
same_after_repaint "the right side, in its colour"

# over ten minutes, then down through 10:00: the digits change shape
w4=$(digits_width)
i=0
while [ $i -lt 22 ]; do
	keys +
	i=$((i + 1))
done
_poll 10 _wider "$w4"
ok $? "+ took the time over ten minutes: wider digits"
same_after_repaint "with five digits"
w5=$(digits_width)
keys -- - - - - - - - - -
_poll 10 _narrower "$w5"
ok $? "- took it back under ten minutes: narrower again"
same_after_repaint "from five digits to four"

keys '?'
wait_screen 'recoup: keys'
ok $? "the help screen"
ok "$(! screen | grep -q '██'; echo $?)" "no digit left on the help screen"
keys x
wait_digits
ok $? "back to the digits"
same_after_repaint "back from the help screen"

tm resize-window -t t -x 50 -y 15
wait_digits
tm resize-window -t t -x 80 -y 24
_poll 10 eval '[ "$(screen | head -n 1 | sed "s/ *$//")" != "" ] && screen | grep -q "RIGHT  TIMER"'
wait_digits
ok $? "resized and back"
same_after_repaint "after a resize"

keys q y Enter
wait_exit
is "$(exit_status)" 0 "quit"

# the big words: a tempo set's phases, the sides, ice on and off
printf 'lead_in = "60s";\n' >"$T/words.conf"
tm_start --config "$T/words.conf" --speed 4 --routine-dir "$top_srcdir/tests/fixtures-ui/words" ui-words
wait_screen 'LEFT  GET READY'
ok $? "the words routine runs"
pid=$(recoup_pid)
pipe_out
keys n
wait_screen 'LEFT  (DOWN|HOLD|UP) [0-9]'
ok $? "a tempo set"
sleep 1.5   # phases come and go
same_after_repaint "after the phases' words changed"
wait_screen 'RIGHT  GET READY' 20
ok $? "the right side"
same_after_repaint "from LEFT to RIGHT"
keys n
wait_screen '(│|^) GET READY$' 20
keys n
wait_screen '(│|^) ICE ON$'
ok $? "ice on"
keys n
wait_screen '(│|^) ICE OFF$'
ok $? "ice off"
same_after_repaint "from ICE ON to the shaded ICE OFF"
tm resize-window -t t -x 120 -y 40
_poll 10 eval '[ "$(big | head -n 1 | cut -d" " -f2)" -ge 10 ]'
ok $? "larger words"
same_after_repaint "the larger words"
keys q y Enter
wait_exit
is "$(exit_status)" 0 "quit"

# Frames that lay the big area out anew, at three sizes: a rating typed
# (its figure under RATE) and erased, a lead-in into a tempo set (the text
# around the area moves by rows), the count after it, a timer into a
# rating.  After each, nothing of the frame before is left: the screen is
# its words and figures, and what a repaint draws.
printf 'lead_in = "60s";\n' >"$T/direct.conf"
transitions() { # transitions COLUMNS ROWS
	_sz="$1x$2"
	_w=$1
	tm_start --config "$T/direct.conf" --speed 1 \
		--routine-dir "$top_srcdir/tests/fixtures-ui/direct" ui-direct
	wait_screen 'RATE 0-10'
	pid=$(recoup_pid)
	pipe_out
	if [ "$_sz" != 80x24 ]; then
		tm resize-window -t t -x "$1" -y "$2"
		_poll 10 eval '[ "$(screen | head -n 1 | wc -c)" -le $((_w + 1)) ]' &&
			wait_screen 'RATE 0-10'
	fi
	ok $? "$_sz: a rating"
	_was=$(screen)
	keys 7
	_poll 10 eval '[ "$(screen)" != "$_was" ]' && _poll 10 eval '[ "$(big_figure)" = 7 ]'
	ok $? "$_sz: the rating typed, in big digits"
	only_words "$_sz: a rating typed"
	same_as_repaint "$_sz: a rating typed"
	keys BSpace
	_poll 10 eval '[ "$(big_figure)" != 7 ]'
	ok $? "$_sz: erased"
	only_words "$_sz: a rating erased"
	same_as_repaint "$_sz: a rating erased"
	keys n
	wait_screen 'LEFT  GET READY' && _poll 10 eval 'big_figure | grep -q :'
	ok $? "$_sz: the lead-in's time"
	keys n
	wait_screen 'LEFT  (DOWN|HOLD|UP) [0-9]'
	ok $? "$_sz: the set runs"
	only_words "$_sz: from the lead-in into the set"
	same_after_repaint "$_sz: from the lead-in into the set"
	keys n
	wait_screen 'HOW MANY\?'
	ok $? "$_sz: how many?"
	only_words "$_sz: the count asked"
	same_as_repaint "$_sz: the count asked"
	keys Enter
	wait_screen 'RIGHT  GET READY'
	keys n
	wait_screen 'RIGHT  TIMER' && _poll 10 eval 'big_figure | grep -q :'
	ok $? "$_sz: the timer"
	keys n
	wait_screen 'step 4 of 4' && wait_screen 'RATE 0-10'
	ok $? "$_sz: the last rating"
	only_words "$_sz: from the timer to a rating"
	same_as_repaint "$_sz: from the timer to a rating"
	keys q y Enter
	wait_exit
	is "$(exit_status)" 0 "$_sz: quit"
}
transitions 80 24
transitions 40 12
transitions 60 16

done_testing
