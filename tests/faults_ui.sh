#!/bin/sh
# tests/faults_ui.sh: faults under the dashboard (in tmux) that the ui_*
# scripts do not cover: SIGKILL at random moments (the log holds every
# event up to the kill, each line whole); fatal signals in the states
# ui_signals.sh leaves out (paused, mid-set, the quit question open, HUP,
# INT and QUIT to the picker: exit 128+N, the terminal restored, nothing
# done lost); the pane killed under a session, paused or not, and under the
# picker; a storm of a hundred resizes; the routine file edited and deleted
# under its session.
#
# The random delays and sizes come from RECOUP_TEST_SEED (printed; set it
# to replay a run).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

F="$top_srcdir/tests/fixtures-engine"
WHOLE_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2} [0-9a-f]{6} [a-z]+( [A-Za-z_]+=([^ "]+|"([^"\\]|\\.)*"))*$'
seed=${RECOUP_TEST_SEED:-$(date +%s)}
echo "# random delays and sizes from RECOUP_TEST_SEED=$seed"

events() { [ -f "$1" ] && awk '{ print $3 }' "$1" | tr '\n' ' ' | sed 's/ $//'; }
not_whole() { [ ! -f "$1" ] || grep -Ev -- "$WHOLE_RE" "$1"; }
# shape FILE: the lines without timestamp, session id and measured times
shape() { sed -E -e 's/^[^ ]+ [^ ]+ //' -e 's/ (elapsed|paused|gap)=[^ ]*//g' "$1"; }
ends_with_newline() { [ ! -s "$1" ] || [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]; }
cpu_ticks() { # user + system clock ticks, or nothing where /proc has no answer
	[ -r "/proc/$1/stat" ] && sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
# gone_or_report PID SECS: the process exits within SECS; if it lingers,
# its CPU use over a second is reported and it is killed
gone_or_report() {
	_poll "$2" pid_gone "$1" && return 0
	t1=$(cpu_ticks "$1")
	sleep 1
	t2=$(cpu_ticks "$1")
	[ -n "$t1" ] && [ -n "$t2" ] &&
		echo "#   still running after $2 s, using $((t2 - t1)) of $HZ clock ticks a second"
	kill -KILL "$1" 2>/dev/null
	return 1
}

# ---- SIGKILL at random moments ----------------------------------------------
# busy.yaml at --speed 600: 28 events in about 0.9 s.  Before each kill the
# screen is read: the step (and ice round) it shows must be in the log.
B="$F/busy.yaml"
"$RECOUP" --plain --speed 600 --log "$T/ref.log" "$B" </dev/null >/dev/null 2>&1
shape "$T/ref.log" >"$T/ref.shape"
is "$(wc -l <"$T/ref.log" | tr -d ' ')" 28 "reference run (--plain): 28 events"
delays=$(awk -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < 10; i++) printf "%.3f ", 0.05 + rand() * 0.8 }')
joined_rows() { tm capture-pane -p -J -t t 2>/dev/null; }
_killed_137() { joined_rows | grep -q 'EXIT=137'; }
k=0
for d in $delays; do
	k=$((k + 1))
	rm -f "$LOG"
	tm_start --speed 600 "$B"
	pid=$(recoup_pid)
	sleep "$d"
	seen=$(screen)
	kill -KILL "$pid"
	# the screen is left as it was: EXIT= is where the cursor was (and may
	# wrap: -J joins the rows)
	# (what follows it on the row is the old screen's: 137 is looked for)
	if _poll 10 _killed_137; then st=137; else st=$(joined_rows | grep -o 'EXIT=[0-9]*'); fi
	[ -f "$LOG" ] || : >"$LOG"
	lines=$(wc -l <"$LOG" | tr -d ' ')
	echo "# kill $k after $d s: exit $st, $lines of 28 lines logged"
	is "$st" 137 "kill $k after $d s: killed"
	is "$(not_whole "$LOG")" "" "kill $k: every line in the log is whole"
	ok "$(ends_with_newline "$LOG"; echo $?)" "kill $k: the log ends with a newline"
	is "$(shape "$LOG")" "$(head -n "$lines" "$T/ref.shape")" "kill $k: the events are a prefix of an uninterrupted run's"
	step=$(printf '%s\n' "$seen" | sed -n '1s/.* step \([0-9]\) of 4 .*/\1/p')
	round=$(printf '%s\n' "$seen" | sed -n 's/.*ICE ON: Ice, .*, round \([0-9]\) of 6.*/\1/p' | head -n 1)
	done_=$(printf '%s\n' "$seen" | grep -c 'session complete')
	ok "$({ [ -z "$step" ] || grep -q " step n=$step type=" "$LOG"; } &&
		{ [ -z "$round" ] || [ "$(grep -c ' ice n=1 ' "$LOG")" -ge $((round - 1)) ]; } &&
		{ [ "$done_" -eq 0 ] || grep -q ' end status=complete ' "$LOG"; }; echo $?)" \
		"kill $k: what the screen showed is in the log (step ${step:-none}, round ${round:-none})" ||
		printf '%s\n' "$seen" | sed 's/^/#   |/'
done

# ---- fatal signals in the states ui_signals.sh leaves out -------------------
# signal SIG: HUP and TERM with kill(1), INT and QUIT from the keyboard
signal() {
	case $1 in
	INT) keys C-c ;;
	QUIT) keys 'C-\' ;;
	*) kill -s "$1" "$(recoup_pid)" ;;
	esac
}
number() {
	case $1 in
	HUP) echo 1 ;;
	INT) echo 2 ;;
	QUIT) echo 3 ;;
	TERM) echo 15 ;;
	esac
}
# ended WHAT SIG: exit 128+N and the terminal restored
ended() {
	wait_exit
	ok $? "$1: SIG$2 ends the program"
	is "$(exit_status)" $((128 + $(number "$2"))) "$1: exit status $((128 + $(number "$2")))"
	is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "$1: the terminal is restored"
	tty=$(pane '#{pane_tty}')
	stty=$(stty -a <"$tty")
	like "$stty" '(^| )icanon( |$)' "$1: the tty is back in canonical mode"
	like "$stty" '(^| )echo( |$)' "$1: with echo"
}
aborted() { # aborted WHAT SIG
	like "$(last_log_line)" "^[^ ]+ [0-9a-f]{6} end status=aborted elapsed=[0-9.]+ signal=$2\$" \
		"$1: the log ends with end status=aborted signal=$2"
}

for sig in HUP TERM INT QUIT; do
	what="SIG$sig while paused"
	rm -f "$LOG"
	tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
	wait_screen 'LEFT  TIMER'
	keys Space
	wait_screen '(│|^) PAUSED'
	ok $? "$what: paused"
	wait_log ' pause n=1 '
	signal "$sig"
	ended "$what" "$sig"
	aborted "$what" "$sig"
	like "$(events "$LOG")" '^start step pause resume (skip )?end$' "$what: the pause closed, the timer cut short, the end"
done

for sig in INT QUIT; do
	what="SIG$sig in the middle of a set"
	rm -f "$LOG"
	tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
	wait_screen 'LEFT  TIMER'
	keys n
	wait_screen 'RIGHT  TIMER'
	keys n
	wait_screen 'LEFT  REPS'
	keys Space Space
	wait_screen 'set 1 of 1   2 of 5 reps'
	ok $? "$what: two reps counted"
	signal "$sig"
	ended "$what" "$sig"
	aborted "$what" "$sig"
	like "$(grep ' set ' "$LOG")" ' set n=2 name="Heel raise" side=left set=1 sets=1 target=5 reps=2 ' \
		"$what: the set is logged with the two reps done, no more"
	is "$(events "$LOG")" "start step skip skip done step set end" "$what: the events"
done

what="SIGTERM with the quit question open"
rm -f "$LOG"
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
keys q
wait_screen 'Quit this session\?'
ok $? "$what: asked"
signal TERM
ended "$what" TERM
aborted "$what" TERM

for sig in HUP INT QUIT; do
	what="SIG$sig in the picker"
	rm -f "$LOG"
	tm_start --routine-dir "$ROUTINES"
	wait_screen 'recoup: pick a routine'
	ok $? "$what: the picker runs"
	signal "$sig"
	ended "$what" "$sig"
	ok "$([ ! -e "$LOG" ]; echo $?)" "$what: no log written"
done

# ---- the pane killed under a session --------------------------------------
# (ui_lost.sh kills the whole tmux session, and the pane of a program in a
# session of its own, mid-countdown).  The program may see the hangup as a
# read error (and warn that the terminal went away) before SIGHUP comes.
rm -f "$LOG"
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "kill-pane: the session runs"
pid=$(recoup_pid)
tm kill-pane -t t
gone_or_report "$pid" 5
ok $? "kill-pane: the program exits within 5 s"
wait_log ' end status=aborted ' 2
ok $? "kill-pane: the log ends with end status=aborted"
like "$(events "$LOG")" '^start step (warn )?(skip )?end$' "kill-pane: the timer cut short, then the end"

rm -f "$LOG"
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
keys Space
wait_screen '(│|^) PAUSED'
ok $? "kill-pane while paused: paused"
pid=$(recoup_pid)
tm kill-pane -t t
gone_or_report "$pid" 5
ok $? "kill-pane while paused: the program exits within 5 s"
wait_log ' end status=aborted ' 2
ok $? "kill-pane while paused: the log ends with end status=aborted"
like "$(events "$LOG")" '^start step pause (warn )?resume (skip )?end$' "kill-pane while paused: the pause closed, the timer cut short, the end"

if command -v setsid >/dev/null 2>&1; then
	# no SIGHUP can come: the program must see the terminal gone while it
	# waits on nothing but the terminal
	rm -f "$LOG"
	tm_start -e setsid "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
	wait_screen 'LEFT  TIMER'
	keys Space
	wait_screen '(│|^) PAUSED'
	ok $? "kill-pane, own session, paused: paused"
	pid=$(recoup_pid)
	tm kill-pane -t t
	gone_or_report "$pid" 5
	ok $? "kill-pane, own session, paused: the program exits within 5 s"
	wait_log ' end status=aborted ' 2
	ok $? "kill-pane, own session, paused: the log ends with end status=aborted"
	like "$(cat "$LOG")" ' warn .*the terminal went away' "kill-pane, own session, paused: a warning says why"
else
	for i in 1 2 3 4; do ok 0 "# SKIP kill-pane in a session of its own: no setsid"; done
fi

rm -f "$LOG"
tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
ok $? "kill-pane, picker: runs"
pid=$(recoup_pid)
tm kill-pane -t t
gone_or_report "$pid" 5
ok $? "kill-pane, picker: the program exits within 5 s"
ok "$([ ! -e "$LOG" ]; echo $?)" "kill-pane, picker: no log written"

# ---- a resize storm: a hundred random sizes ---------------------------------
rm -f "$LOG"
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "storm: the session runs"
pid=$(recoup_pid)
# the digits go out after the rest of the frame: once they show, so does it
wait_digits
before=$(screen)
# sizes from 12x4 to 120x40: fifty one at a time, fifty in one tmux command
awk -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < 100; i++) print 12 + int(rand() * 109), 4 + int(rand() * 37) }' >"$T/sizes"
head -n 50 "$T/sizes" >"$T/sizes1"
tail -n 50 "$T/sizes" >"$T/sizes2"
while read -r x y; do
	tm resize-window -t t -x "$x" -y "$y"
done <"$T/sizes1"
set --
while read -r x y; do
	[ $# -gt 0 ] && set -- "$@" ';'
	set -- "$@" resize-window -t t -x "$x" -y "$y"
done <"$T/sizes2"
tm "$@"
is "$(pane '#{window_width}x#{window_height}')" "$(tail -n 1 "$T/sizes" | tr ' ' x)" "storm: tmux took the hundred sizes"
ok "$(kill -0 "$pid"; echo $?)" "storm: the process lives through them ($(head -n 3 "$T/sizes" | tr '\n' ' ')...)"
tm resize-window -t t -x 80 -y 24
# A line of the last frames can survive in tmux's pane at the new size, so
# the wait is for the whole frame: the title bar, the key help and the
# heading as before, at 24 rows (the step list gives way to the big words
# at 80x24).  A slow machine takes a while to get
# through the hundred resizes.
title_row() { printf '%s\n' "$1" | head -n 1 | sed 's/ *$//'; }
_redrawn() {
	_s=$(screen)
	[ "$(printf '%s\n' "$_s" | wc -l)" -eq 24 ] &&
		[ "$(title_row "$_s")" = "$(title_row "$before")" ] &&
		[ "$(printf '%s\n' "$_s" | tail -n 1)" = "$(printf '%s\n' "$before" | tail -n 1)" ] &&
		printf '%s\n' "$_s" | grep -q '^ LEFT  TIMER$'
}
_poll 20 _redrawn
ok $? "storm: back at 80x24 the screen is redrawn" || show_screen
# the big cells go out after the text, in a write of their own
_poll 10 eval '[ "$(big_words)" = "<LEFT TIMER" ]'
s=$(screen)
is "$(printf '%s\n' "$s" | wc -l | tr -d ' ')" 24 "storm: 24 rows"
is "$(title_row "$s")" "$(title_row "$before")" "storm: the title bar as before"
is "$(printf '%s\n' "$s" | tail -n 1)" "$(printf '%s\n' "$before" | tail -n 1)" "storm: the key help as before"
is "$(printf '%s\n' "$s" | "$BIGREAD" | _band_text first)" "<LEFT TIMER" "storm: the big words"
ok "$(! printf '%s\n' "$s" | grep -Eq 'Make the|at least'; echo $?)" "storm: nothing of a small screen left"
wait_digits
ok $? "storm: the big digits"
wait_digits_change "$(digits)"
ok $? "storm: still counting down"
t1=$(cpu_ticks "$pid")
sleep 1
t2=$(cpu_ticks "$pid")
if [ -n "$t1" ] && [ -n "$t2" ]; then
	ok "$([ $((t2 - t1)) -lt $((HZ / 4)) ]; echo $?)" \
		"storm: the CPU is not pegged after it ($((t2 - t1)) of $HZ clock ticks in a second)"
else
	ok 0 "# SKIP storm: CPU use: no /proc/PID/stat here"
fi
keys Space
wait_log ' pause n=1 name="Wall stretch"$'
ok $? "storm: the session still takes keys and logs"
wait_screen '(│|^) PAUSED'
ok $? "storm: and draws"
keys q y Enter
wait_exit
is "$(exit_status)" 0 "storm: quit, exit 0"
like "$(last_log_line)" ' end status=quit ' "storm: the log ends with end status=quit"
is "$(not_whole "$LOG")" "" "storm: every line whole"

# ---- the routine file edited and deleted under its session ------------------
mkdir "$T/r"
cat >"$T/r/edit-me.yaml" <<'EOF'
name: Edit me
steps:
  - {type: timer, name: Alpha, duration: 5m}
  - {type: timer, name: Beta, duration: 5m}
  - {type: rate, name: Last}
EOF
rm -f "$LOG"
tm_start --speed 10 "$T/r/edit-me.yaml"
wait_screen '(│|^) TIMER'
ok $? "edit: the session runs"
cat >"$T/r/edit-me.yaml" <<'EOF'
name: Edited
steps:
  - {type: timer, name: Gamma, duration: 5m, colour: red}
  - {type: timer, name: Delta, duration: 0s}
EOF
keys n
wait_screen 'Edit me +step 2 of 3'
ok $? "edit: after the file is edited, the session goes on as it was"
wait_screen '(│|^) TIMER'
(cd "$T/r" && "$RECOUP" --check edit-me.yaml) >"$T/check.out" 2>"$T/check.err"
is "$?" 1 "edit: --check of the edited file meanwhile: exit 1"
like "$(sed -n 1p "$T/check.err")" '^recoup: edit-me\.yaml:3:[0-9]+: unknown key `colour`' "edit: --check names the unknown key"
like "$(sed -n 2p "$T/check.err")" '^recoup: edit-me\.yaml:4:[0-9]+: .*0s' "edit: and the bad duration"
rm -f "$T/r/edit-me.yaml"
keys n
wait_screen 'RATE 0-10'
ok $? "edit: the file deleted, the session goes on"
ok "$(! screen | grep -Eq 'Gamma|Delta|Edited'; echo $?)" "edit: the screen never shows the edited routine"
keys 7 Enter
wait_log ' end status=complete '
ok $? "edit: the session completes"
is "$(events "$LOG")" "start step skip done step skip done step rate done end" "edit: every event"
like "$(sed -n 1p "$LOG")" ' start routine="Edit me" id=edit-me ' "edit: the log names the routine as it was"
is "$(grep -o ' name=[A-Za-z]*' "$LOG" | sort -u | tr -d '\n')" " name=Alpha name=Beta name=Last" \
	"edit: the steps' names as they were"
keys Enter
wait_exit
is "$(exit_status)" 0 "edit: exit 0"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "edit: the terminal is restored"

done_testing
