#!/bin/sh
# Ctrl-Z and fg under a job-control shell: the terminal is given back while
# stopped, the screen is redrawn on fg, and a stop of more than 3 s pauses
# the session and is logged as a gap.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

cat >"$T/go.sh" <<EOF
#!/bin/sh
echo \$\$ >"$T/pid"
exec "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
EOF
chmod +x "$T/go.sh"
# UI_TEST_SHELL="sh -i" tries another shell
if [ -n "${UI_TEST_SHELL:-}" ]; then
	shell=$UI_TEST_SHELL
elif command -v bash >/dev/null 2>&1; then
	shell="bash --norc --noprofile -i"
else
	shell="sh -i"
fi
tm new-session -d -s t -x 80 -y 24 -c "$T" "env PS1='rs\$ ' $shell"
wait_screen '^rs\$'
ok $? "an interactive shell ($shell)"
keys './go.sh' Enter
wait_screen 'LEFT  TIMER'
ok $? "the session runs"

keys C-z
wait_screen 'Stopped'
ok $? "Ctrl-Z stops it"
wait_screen '^rs\$ *$'
ok $? "the shell's prompt is back"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "the terminal is the shell's while stopped"
sleep 4
ok "$(! grep -q ' pause ' "$LOG"; echo $?)" "nothing is logged while stopped"
keys fg Enter
wait_screen 'LEFT: Wall stretch, 5:00'
ok $? "fg: the screen is redrawn"
# the repaint is the whole screen, its lower rows after that line, and the
# big digits go out last, in a write of their own: wait for them
wait_digits
s=$(screen)
like "$s" '^ UI session +step 1 of 3' "the title bar is back"
like "$s" '(│|^) next: RIGHT: Wall stretch' "the lower lines are back"
like "$(body_joined)" 'Paused after a gap of [0-9]+s \(suspended or stopped\); press space to go on' \
	"the screen says why it paused, and the key that goes on (the line wraps)"
like "$s" '(│|^) PAUSED' "and shows PAUSED"
ok "$(! printf '%s\n' "$s" | grep -q 'rs\$'; echo $?)" "nothing of the shell is left on the screen"
is "$(pane '#{alternate_on} #{cursor_flag}')" "1 0" "the screen is the program's again"
wait_log ' pause n=1 name="Wall stretch" reason=gap gap=[0-9.]+$'
ok $? "the gap is logged as a pause with reason=gap"
gap=$(sed -n 's/.* reason=gap gap=\([0-9]*\).*/\1/p' "$LOG")
ok "$([ "${gap:-0}" -ge 35 ] && [ "${gap:-0}" -le 300 ]; echo $?)" \
	"the gap is the real time stopped, at --speed 10 (${gap:-?} s of session time)"

keys Space
wait_log ' resume n=1 name="Wall stretch"'
ok $? "space goes on"
wait_gone 'PAUSED'
ok $? "PAUSED goes away"
keys q y Enter
wait_screen '^rs\$ *$'
ok $? "q y quits back to the shell"
like "$(last_log_line)" ' end status=quit ' "the log ends with end status=quit"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "the terminal is restored"

done_testing
