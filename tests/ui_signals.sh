#!/bin/sh
# Fatal signals mid-session (HUP and TERM from kill, INT and QUIT from the
# keyboard): the session is logged as aborted with the signal's name, the
# terminal is restored, and the exit status is 128+N.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

for sig in HUP TERM INT QUIT; do
	case $sig in
	HUP) num=1 how="kill -HUP" ;;
	TERM) num=15 how="kill -TERM" ;;
	INT) num=2 how="C-c" ;;
	QUIT) num=3 how="C-\\" ;;
	esac
	rm -f "$LOG"
	tm_start --speed 10 --routine-dir "$ROUTINES" ui-session
	wait_screen 'LEFT  TIMER'
	ok $? "$sig: the session runs"
	is "$(pane '#{alternate_on} #{cursor_flag}')" "1 0" "$sig: alternate screen, cursor hidden"
	case $sig in
	HUP | TERM) kill -"$sig" "$(recoup_pid)" ;;
	INT) keys C-c ;;
	QUIT) keys 'C-\' ;;
	esac
	wait_exit
	ok $? "$sig: $how ends the program"
	is "$(exit_status)" $((128 + num)) "$sig: exit status $((128 + num))"
	like "$(last_log_line)" "^[^ ]+ [0-9a-f]+ end status=aborted .*signal=$sig( |\$)" \
		"$sig: the log ends with end status=aborted signal=$sig"
	is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "$sig: the terminal is restored"
	tty=$(pane '#{pane_tty}')
	like "$(stty -a <"$tty")" '(^| )icanon( |$)' "$sig: the tty is back in canonical mode"
	like "$(stty -a <"$tty")" '(^| )echo( |$)' "$sig: with echo"
done

# in the picker there is no session to log, but the terminal is restored
rm -f "$LOG"
tm_start --routine-dir "$ROUTINES"
wait_screen 'recoup: pick a routine'
ok $? "picker: runs"
kill -TERM "$(recoup_pid)"
wait_exit
ok $? "picker: kill -TERM ends it"
is "$(exit_status)" 143 "picker: exit status 143"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "picker: the terminal is restored"
ok "$([ ! -e "$LOG" ]; echo $?)" "picker: no log written"

done_testing
