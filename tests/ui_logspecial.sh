#!/bin/sh
# A log path that names no regular file, in the dashboard: the picker, its
# history screen and a session never hang on it.  A FIFO (held open by a
# writer, so a read would wait forever) is refused by the session and read
# by nobody; a device named with --log takes the lines, and the session
# says once that there is no progression from it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

mkdir "$T/r"
cp "$top_srcdir/tests/fixtures-engine/progress.yaml" "$T/r/progress.yaml"
mkfifo "$T/fifo"
exec 5<>"$T/fifo"

# ---- a session named on the command line ----
tm_start -e "$RECOUP" --log /dev/zero --routine-dir "$T/r" progress
wait_screen 'Soleus drive'
ok $? "/dev/zero with --log: the session starts"
wait_body_joined 'Note: the log /dev/zero is not a regular file \(a character device\): no history read, no progression from it'
ok $? "and says there is no progression from it" || show_screen
keys q y Enter
wait_exit
is "$(exit_status)" 0 "quit: exit 0"

tm_start -e "$RECOUP" --log "$T/fifo" --routine-dir "$T/r" progress
wait_exit
ok $? "a FIFO as the log: recoup ends at once"
is "$(exit_status)" 1 "exit 1"
like "$(joined)" "recoup: cannot open the session log $T/fifo: not a regular file \(a fifo\)" \
	"saying what the log is"

# ---- the picker over a FIFO ----
tm_start -e "$RECOUP" --log "$T/fifo" --routine-dir "$T/r"
wait_screen 'recoup: pick a routine'
ok $? "the picker opens over a FIFO log"
wait_screen '^ Progress .* last: never'
ok $? "nothing read: never done"
keys h
wait_screen 'the log is not a regular file \(a fifo\); no history read'
ok $? "the history screen says why it is empty"
keys q
wait_screen 'recoup: pick a routine'
pick Progress
keys Enter
wait_screen 'cannot open the session log'
ok $? "a session from the picker: refused, on the status line"
keys q
wait_exit
is "$(exit_status)" 0 "the picker quits: exit 0"

# ---- the picker with a device named with --log ----
tm_start -e "$RECOUP" --log /dev/null --routine-dir "$T/r"
wait_screen 'recoup: pick a routine'
ok $? "the picker opens with --log /dev/null"
pick Progress
keys Enter
wait_screen 'set 1 of 1: 8 reps'
ok $? "a session from the picker starts"
wait_body_joined 'Note: the log /dev/null is not a regular file \(a character device\): no history read'
ok $? "and says there is no progression from it" || show_screen
keys q y Enter
wait_screen 'recoup: pick a routine'
keys q
wait_exit
is "$(exit_status)" 0 "exit 0"

exec 5>&-
done_testing
