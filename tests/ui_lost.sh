#!/bin/sh
# A terminal that goes away under a running session: the program ends
# (it does not spin), and the log ends with end status=aborted.  Once as
# the terminal's own process (the hangup brings SIGHUP), once in a session
# of its own (no signal: reads fail, and that must be enough).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

cpu_ticks() { # user + system clock ticks, or 0 where /proc has no answer
	if [ -r "/proc/$1/stat" ]; then
		sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
	else
		echo 0
	fi
}

tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "hangup: the session runs"
pid=$(recoup_pid)
tm kill-session -t t
_poll 5 pid_gone "$pid"
ok $? "hangup: the program exits within 5 s of kill-session"
wait_log ' end status=aborted' 5
ok $? "hangup: the log has an end line"
like "$(last_log_line)" ' end status=aborted .*signal=HUP' "hangup: the log ends with end status=aborted signal=HUP"

if command -v setsid >/dev/null 2>&1; then
	rm -f "$LOG"
	tm_start -e setsid "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
	wait_screen 'LEFT  TIMER'
	ok $? "no signal: the session runs in a session of its own"
	pid=$(recoup_pid)
	ok "$(kill -0 "$pid"; echo $?)" "no signal: the pid is the program's"
	tm kill-pane -t t
	_poll 5 pid_gone "$pid"
	ok $? "no signal: the program exits within 5 s of kill-pane" || {
		ticks=$(cpu_ticks "$pid")
		echo "#   still there after 5 s, $ticks ticks of CPU"
		kill -TERM "$pid" 2>/dev/null
	}
	wait_log ' end status=aborted' 5
	ok $? "no signal: the log has an end line"
	like "$(last_log_line)" ' end status=aborted' "no signal: the log ends with end status=aborted"
	like "$(cat "$LOG")" ' warn .*the terminal went away' "no signal: a warning says why"

	tm_start -e setsid "$RECOUP" --log "$LOG" --routine-dir "$ROUTINES"
	wait_screen 'recoup: pick a routine'
	ok $? "no signal, picker: runs"
	pid=$(recoup_pid)
	tm kill-pane -t t
	_poll 5 pid_gone "$pid"
	ok $? "no signal, picker: exits within 5 s of kill-pane" || kill -TERM "$pid" 2>/dev/null
else
	for i in 1 2 3 4 5 6 7 8; do echo "ok $((n + i)) # SKIP no setsid"; done
	n=$((n + 8))
fi

done_testing
