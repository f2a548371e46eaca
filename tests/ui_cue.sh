#!/bin/sh
# The cue command's failures and leftovers: a cue_command that cannot be run
# (not found, not executable) is said once on the session's message line
# and the session goes on; a recoup killed with SIGKILL leaves no cue
# running (PR_SET_PDEATHSIG, on Linux).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

# ---- a cue command that cannot be run ----
printf '#!/bin/sh\nexit 0\n' >"$T/not-executable"
chmod -x "$T/not-executable"
for c in "recoup-no-such-speaker:No such file or directory" \
	"$T/not-executable:Permission denied"; do
	prog=${c%:*}
	why=${c##*:}
	name=${prog##*/}
	cat >"$T/cue.conf" <<EOF
lead_in = "1s";
cue_command = ["$prog", "%s"];
EOF
	rm -f "$LOG"
	tm_start --config "$T/cue.conf" --speed 100 --routine-dir "$ROUTINES" ui-session
	wait_body_joined "The cue command [^ ]*$name cannot be run: $why"
	ok $? "$name: the screen says the cue command cannot be run, and why"
	# every prompt tries again; the note stays one (the first screen
	# already says RIGHT, in its "next:" line: wait for the right side's
	# heading)
	wait_log ' step n=1 ' && wait_screen 'RIGHT  TIMER'
	is "$(body_joined | grep -o 'cannot be run' | wc -l | tr -d ' ')" 1 "$name: said once, after more prompts"
	wait_log ' step n=2 .*name="Heel raise"'
	ok $? "$name: the session goes on"
	keys q y Enter
	wait_exit
	ok $? "$name: q y quits"
	is "$(exit_status)" 0 "$name: exit status 0"
done

# ---- a SIGKILLed recoup leaves no cue running ----
if [ "$(uname -s)" = Linux ] && command -v pgrep >/dev/null 2>&1; then
	# a cue that lasts: the first prompt's is a 5-minute timer's
	stamp="29.$$"
	cat >"$T/sleepy.conf" <<EOF
lead_in = "0s";
cue_command = ["sleep", "$stamp"];
EOF
	_cue() { pgrep -f "^sleep $stamp\$" | head -n 1; }
	_cue_started() { [ -n "$(_cue)" ]; }
	rm -f "$LOG"
	tm_start --config "$T/sleepy.conf" --routine-dir "$ROUTINES" ui-session
	_poll 10 _cue_started
	ok $? "SIGKILL: the cue runs"
	cue=$(_cue)
	kill -KILL "$(recoup_pid)"
	_poll 10 pid_gone "$(recoup_pid)"
	ok $? "SIGKILL: recoup is gone"
	_poll 10 pid_gone "${cue:-0}"
	ok $? "SIGKILL: the cue is gone too" || kill "$cue"
else
	n=$((n + 1))
	echo "ok $n # SKIP SIGKILL: the cue is gone too (PR_SET_PDEATHSIG is Linux's; pgrep finds the cue)"
fi

done_testing
