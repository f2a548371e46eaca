#!/bin/sh
# recoup as a shell's job: in an interactive bash (job control on), Ctrl-C
# in a session stops a `for` loop as it would for any program, because
# recoup dies of the signal after logging and restoring the terminal; a
# killed recoup is WIFSIGNALED to its parent; and in a background process
# group (`recoup R &`, timeout(1)) recoup never stops on the terminal
# (SIGTTOU, SIGTTIN): a routine runs line by line, the picker refuses.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

command -v bash >/dev/null 2>&1 || skip_all "bash not found"
command -v pgrep >/dev/null 2>&1 || skip_all "pgrep not found"

R="$RECOUP --log $LOG --routine-dir $ROUTINES"

# tm_shell: an interactive bash in the pane, prompt "$ ", no rc files.
tm_shell() {
	tm kill-session -t t >/dev/null 2>&1
	{
		echo '#!/bin/sh'
		echo "cd '$T' || exit 99"
		echo "exec env PS1='\$ ' HISTFILE=/dev/null bash --norc --noprofile -i"
	} >"$T/shell.sh"
	chmod +x "$T/shell.sh"
	tm new-session -d -s t -x 80 -y 24 "$T/shell.sh"
	wait_screen '^\$ ?$'
}
# type LINE: a command line typed at the prompt
type_line() { keys -l "$1"; keys Enter; }

# _has_child PID: PID has a child process
_has_child() { [ -n "$(pgrep -P "$1")" ]; }
# ps_stat PID: the process state letters (empty once gone)
ps_stat() { ps -o stat= -p "$1" 2>/dev/null | tr -d ' '; }
_stopped() { case $(ps_stat "$1") in T*) return 0 ;; esac; return 1; }
# kill_stopped PID: after a failure, a process stopped for good must not
# outlive the test
kill_stopped() { [ -n "$1" ] && _stopped "$1" && kill -KILL "$1"; }

# ---- Ctrl-C ends a shell loop ----
rm -f "$LOG"
tm_shell
ok $? "an interactive bash runs in the pane"
type_line "for i in 1 2 3; do $R --speed 10 ui-session; echo \"ran \$i\"; done; echo \"loop: \$?\""
wait_screen 'LEFT  TIMER'
ok $? "loop: the first session runs"
keys C-c
wait_screen '^\$ ?$'
ok $? "loop: Ctrl-C brings the prompt back" || {
	# the next session took the screen: end it
	keys C-c; keys C-c
}
type_line 'echo "after=$?"'
wait_screen '^after=[0-9]+'
like "$(screen)" '^after=130' "loop: the shell saw status 130"
is "$(screen | grep -Ec '^(ran [0-9]|loop: )')" 0 \
	"loop: stopped at the first session: no 'ran N', nor the loop's end"
is "$(grep -c ' start ' "$LOG")" 1 "loop: one session started"
like "$(last_log_line)" ' end status=aborted .*signal=INT( |$)' "loop: the log ends with end status=aborted signal=INT"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "loop: the terminal is restored"

# the same line by line
rm -f "$LOG"
type_line 'clear'
type_line "for i in 1 2 3; do $R --plain ui-session; echo \"ran \$i\"; done; echo \"loop: \$?\""
wait_screen 'Step 1 of 3, Wall stretch'
ok $? "--plain loop: the first session runs"
keys C-c
wait_screen 'Session aborted' && wait_screen '^\$ ?$'
ok $? "--plain loop: Ctrl-C brings the prompt back"
type_line 'echo "after=$?"'
wait_screen '^after=[0-9]+'
like "$(screen)" '^after=130$' "--plain loop: the shell saw status 130"
is "$(screen | grep -Ec '^(ran [0-9]|loop: )')" 0 \
	"--plain loop: stopped at the first session: no 'ran N', nor the loop's end"
is "$(grep -c ' start ' "$LOG")" 1 "--plain loop: one session started"
like "$(last_log_line)" ' end status=aborted .*signal=INT( |$)' "--plain loop: the log ends with end status=aborted signal=INT"

# ---- the parent sees a death by signal (tests/wstat.pl) ----
if command -v perl >/dev/null 2>&1; then
	for sig in TERM:15 HUP:1; do
		sg=${sig%:*}
		num=${sig#*:}
		rm -f "$LOG" "$T/child"
		tm_start -e perl "$top_srcdir/tests/wstat.pl" "$T/child" $R --speed 10 ui-session
		wait_screen 'LEFT  TIMER'
		ok $? "$sg: the session runs under a parent that reports the wait status"
		kill -"$sg" "$(cat "$T/child")"
		wait_screen '^wstat=[0-9]+'
		like "$(screen)" "^wstat=$num\$" "$sg: the parent sees a death by SIG$sg (WIFSIGNALED, no core)"
		like "$(last_log_line)" " end status=aborted .*signal=$sg( |\$)" "$sg: logged as aborted first"
		is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "$sg: the terminal is restored"
	done
	# the picker: nothing to log, the same death
	tm_start -e perl "$top_srcdir/tests/wstat.pl" "$T/child" $R
	wait_screen 'recoup: pick a routine'
	kill -TERM "$(cat "$T/child")"
	wait_screen '^wstat=[0-9]+'
	like "$(screen)" '^wstat=15$' "picker: SIGTERM is a death by SIGTERM"
fi
# what a shell script sees stays 128+N
tm_start -e sh -c "$R --speed 10 ui-session; echo \"status=\$?\""
wait_screen 'LEFT  TIMER'
_poll 10 _has_child "$(recoup_pid)"
pid=$(pgrep -P "$(recoup_pid)" | head -n 1)
kill -TERM "$pid"
wait_screen '^status=[0-9]+'
like "$(screen)" '^status=143$' "sh -c 'recoup; echo \$?' after kill -TERM: 143"

# ---- in the background: timeout(1) ----
# `stty tostop` too: output must not stop it either
rm -f "$LOG"
tm_start -e sh -c "stty tostop; exec timeout 3 $R ui-session"
_poll 10 _has_child "$(recoup_pid)"
child=$(pgrep -P "$(recoup_pid)" | head -n 1)
wait_log ' start '
ok $? "timeout: the session starts and is logged"
_stopped "$child"
ok "$((1 - $?))" "timeout: recoup is not stopped (ps stat $(ps_stat "$child"))"
wait_exit
ok $? "timeout: recoup ends when timeout sends SIGTERM" || kill_stopped "$child"
is "$(exit_status)" 124 "timeout: timeout's own status, 124"
like "$(last_log_line)" ' end status=aborted .*signal=TERM( |$)' "timeout: the log ends with end status=aborted signal=TERM"
like "$(screen)" 'in the background; running line by line' "timeout: it says it runs line by line"
like "$(joined)" 'Step 1 of 3, Wall stretch' "timeout: the session's lines are on the terminal"
is "$(pane '#{alternate_on}')" 0 "timeout: no alternate screen"

# the picker in the background refuses at once
tm_start -e sh -c "stty tostop; exec timeout 10 $R"
wait_exit
ok $? "timeout, picker: recoup ends at once" || kill_stopped "$(pgrep -P "$(recoup_pid)")"
is "$(exit_status)" 2 "timeout, picker: exit status 2"
like "$(joined)" 'the picker needs it in the foreground' "timeout, picker: says why"

# ---- in the background: `recoup R &` ----
rm -f "$LOG"
tm_shell
type_line 'stty tostop'
type_line "$R --speed 600 ui-session & echo \$! >bg.pid; wait \$!; echo \"bg=\$?\""
wait_log ' start '
ok $? "&: the session starts and is logged"
bgpid=$(cat "$T/bg.pid" 2>/dev/null)
wait_screen '^bg=[0-9]+'
ok $? "&: it ends by itself" || kill_stopped "$bgpid"
like "$(screen)" '^bg=0$' "&: exit status 0"
like "$(joined)" 'the keyboard is not read' "&: it says the keyboard is not read"
like "$(grep ' step ' "$LOG" | tail -n 1)" 'name="Heel raise"' "&: the timed step ran, up to the step that asks"
like "$(last_log_line)" ' end status=quit( |$)' "&: the question ended it as quit, logged"
type_line "$R & echo \$! >bg.pid; wait \$!; echo \"picker=\$?\""
wait_screen '^picker=[0-9]+'
ok $? "&, picker: recoup ends at once" || kill_stopped "$(cat "$T/bg.pid")"
like "$(screen)" '^picker=2$' "&, picker: exit status 2"

# ---- Ctrl-Z while the picker's editor runs: the job stops, fg goes on ----
# (recoup's own SIGTSTP handler once kept it waiting on a stopped editor,
# and the shell never got the terminal back)
mkdir -p "$T/own"
cp "$ROUTINES/ui-session.yaml" "$T/own/"
cat >"$T/tstp-ed" <<'EOF2'
#!/bin/sh
# stop the whole job, as Ctrl-Z in an editor does; go on after fg
kill -TSTP 0
echo resumed >"$0.done"
EOF2
chmod +x "$T/tstp-ed"
tm_shell
type_line "EDITOR=$T/tstp-ed $RECOUP --log $LOG --routine-dir $T/own"
wait_screen 'recoup: pick a routine'
ok $? "Ctrl-Z in the editor: the picker runs"
keys e
wait_screen 'Stopped'
ok $? "Ctrl-Z in the editor: the job stops and the shell has the terminal" || {
	kill -CONT "$(pgrep -f "$T/tstp-ed" | head -n 1)" 2>/dev/null
}
type_line fg
wait_screen 'recoup: pick a routine'
ok $? "Ctrl-Z in the editor: after fg, the editor ends and the picker is back"
is "$(cat "$T/tstp-ed.done" 2>/dev/null)" resumed "Ctrl-Z in the editor: the editor went on after fg"
keys q
wait_screen '^\$ ?$'
type_line 'echo "after=$?"'
wait_screen '^after=[0-9]+'
like "$(screen)" '^after=0$' "Ctrl-Z in the editor: q then quits, exit 0"

done_testing
