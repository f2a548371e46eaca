#!/bin/sh
# Colour off (--no-color, NO_COLOR, colors = false) keeps the whole screen; a dumb or
# unknown terminal falls back to line-by-line output with a one-line note;
# the picker, which needs a screen, says so.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

esc=$(printf '\033')
has_color() { tm capture-pane -e -p -t t | grep -Eq "$esc\\[(3[0-7]|4[0-7]|38;|48;|9[0-7])m"; }

# colours by default (the control for what follows)
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "default: the session screen"
ok "$(has_color; echo $?)" "default: in colour"

tm_start --no-color --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "--no-color: the session screen"
wait_digits
ok $? "--no-color: big digits"
like "$(screen)" 'LEFT: Wall stretch, 5:00' "--no-color: the step"
ok "$(! has_color; echo $?)" "--no-color: no colour at all"
like "$(tm capture-pane -e -p -t t)" "${esc}\\[1mLEFT  TIMER" "--no-color: the side in bold instead"

for v in 1 yes; do
	tm_start -e env NO_COLOR=$v "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
	wait_screen 'LEFT  TIMER'
	ok $? "NO_COLOR=$v: the session screen"
	ok "$(! has_color; echo $?)" "NO_COLOR=$v: no colour"
done
tm_start -e env NO_COLOR= "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok "$(has_color; echo $?)" "NO_COLOR set but empty: colour"
mkdir -p "$XDG_CONFIG_HOME/recoup"
echo 'colors = false;' >"$XDG_CONFIG_HOME/recoup/recoup.conf"
tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen 'LEFT  TIMER'
ok $? "colors = false in the config: the session screen"
ok "$(! has_color; echo $?)" "colors = false in the config: no colour"
rm "$XDG_CONFIG_HOME/recoup/recoup.conf"

# TERM=dumb: line by line
rm -f "$LOG"
tm_start -e env TERM=dumb "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen '^\[0:00\] Step 1 of 3, Wall stretch\. Get ready: LEFT: Wall stretch, 5:00'
ok $? "TERM=dumb: a line per prompt"
s=$(screen)
like "$(printf '%s\n' "$s" | head -n 1)" '^recoup: TERM is dumb or unset; running line by line \(--plain\)$' \
	"TERM=dumb: a one-line note first"
is "$(printf '%s\n' "$s" | grep -c 'running line by line')" 1 "TERM=dumb: the note once"
is "$(pane '#{alternate_on}')" 0 "TERM=dumb: the screen is not taken"
wait_screen '^\[0:0[0-9]\] LEFT: Wall stretch, 5:00\. Lean into the wall'
ok $? "TERM=dumb: the work starts after the lead-in"
keys p Enter
wait_log ' pause n=1 '
ok $? "TERM=dumb: p and Enter pause"
wait_screen '^\[[0-9:]+\] Paused'
ok $? "TERM=dumb: a line says so"
keys q Enter
wait_screen 'Quit this session\? y to quit, n to go on'
ok $? "TERM=dumb: q and Enter ask first (standard input is a terminal)"
keys y Enter
wait_exit
ok $? "TERM=dumb: then y and Enter quit"
is "$(exit_status)" 0 "TERM=dumb: exit status 0"
like "$(last_log_line)" ' end status=quit ' "TERM=dumb: the log ends with end status=quit"

# an unknown terminal type: the same, with the name in the note
rm -f "$LOG"
tm_start -e env TERM=nosuchterm "$RECOUP" --log "$LOG" --speed 10 --routine-dir "$ROUTINES" ui-session
wait_screen '^\[0:00\] Step 1 of 3, Wall stretch'
ok $? "TERM=nosuchterm: line by line"
like "$(screen | head -n 1)" "^recoup: unknown terminal type 'nosuchterm'; running line by line \\(--plain\\)\$" \
	"TERM=nosuchterm: a one-line note naming it"
is "$(pane '#{alternate_on}')" 0 "TERM=nosuchterm: the screen is not taken"
keys q Enter y Enter
wait_exit
ok $? "TERM=nosuchterm: q, y and Enter quit"
is "$(exit_status)" 0 "TERM=nosuchterm: exit status 0"

# standard input not a terminal, standard output one: line by line, with
# the note
rm -f "$LOG"
tm_start -e sh -c 'exec "$0" --log "$1" --speed 600 --routine-dir "$2" ui-session </dev/null' \
	"$RECOUP" "$LOG" "$ROUTINES"
wait_exit
ok $? "stdin not a terminal: the session runs line by line to its end"
# the terminal wraps the line at 80 columns: join the first two rows
like "$(screen | head -n 2 | tr -d '\n')" '^recoup: standard input or output is not a terminal; running line by line \(--plain\)$' \
	"stdin not a terminal, stdout one: the note first"
# standard output into a file: no note at all
(cd "$T" && "$RECOUP" --log "$LOG" --speed 600 --routine-dir "$ROUTINES" ui-session \
	</dev/null >"$T/plain.out" 2>"$T/plain.err")
like "$(cat "$T/plain.out")" '^\[0:00\] Step 1 of 3, Wall stretch' "stdout a file: the session line by line"
ok "$(! grep -q 'running line by line' "$T/plain.err"; echo $?)" "stdout a file: no note on standard error"

# the picker cannot run line by line
rm -f "$LOG"
tm_start -e env TERM=dumb "$RECOUP" --log "$LOG" --routine-dir "$ROUTINES"
wait_exit
ok $? "TERM=dumb, no ROUTINE: exits"
is "$(exit_status)" 2 "TERM=dumb, no ROUTINE: exit status 2 (usage)"
# the terminal wraps the line at 80 columns: join the first two rows
like "$(screen | head -n 2 | tr -d '\n')" "^recoup: TERM is dumb or unset; the picker needs a terminal \\(name a ROUTINE to run it line by line\\)" \
	"TERM=dumb, no ROUTINE: says why and what to do"
ok "$([ ! -e "$LOG" ]; echo $?)" "TERM=dumb, no ROUTINE: no log"

done_testing
