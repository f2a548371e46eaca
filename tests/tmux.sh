# tests/tmux.sh: drive the real binary in a private tmux server.  Source it
# after tests/lib.sh.  Every test gets its own server (a socket in $T, a
# config of our own), killed at exit; the pane is pinned to 80x24, TERM,
# TZ and the locale, and stays after the program exits so that its status
# and the restored screen can be checked.
#
#   tm_start [-e] ARG...  run "$RECOUP --log $T/log ARG..." in the pane
#                         (-e: ARG... is the whole command line)
#   wait_screen ERE [SECS]   wait until the screen matches (multi-line
#                         text, one grep -E over the lines)
#   wait_log ERE [SECS]   wait until the log has a matching line
#   wait_exit [SECS]      wait until the program has exited;
#   exit_status           then its exit status
#   screen                the screen now, as text
#   joined                the screen as one line (for wrapped text)
#   body                  the session's main column: each row from the
#                         step list's bar on, or whole where there is none
#   body_joined           the same as one line
#   keys KEY...           tmux send-keys
#   pane FORMAT           tmux display -p on the pane (#{alternate_on} ...)
#   recoup_pid            the pid of the program in the pane
#   pick TEXT             in the picker, select the row starting with TEXT

[ -n "${TMUX_BIN:-}" ] && command -v "$TMUX_BIN" >/dev/null 2>&1 ||
	skip_all "tmux not found (configure did not find one)"

unset TMUX TMUX_PANE
TM_SOCK="$T/tmux.sock"
# a Unix socket path has about 100 bytes
[ "${#TM_SOCK}" -lt 100 ] || TM_SOCK="/tmp/recoup-test-$$.sock"
TM_TERM=${TM_TERM:-screen}
LOG="$T/log"
ROUTINES="$top_srcdir/tests/fixtures-ui/routines"

tm() { "$TMUX_BIN" -S "$TM_SOCK" -f "$T/tmux.conf" "$@"; }

# pid_gone PID: the process has exited (a zombie nobody reaped counts).
pid_gone() {
	if [ -d /proc/self ]; then
		_st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
		[ -z "$_st" ] || [ "$_st" = Z ]
	else
		! kill -0 "$1" 2>/dev/null
	fi
}

tm_cleanup() {
	tm kill-server >/dev/null 2>&1
	# the program may still be writing its last log line into $T
	if [ -s "$T/pid" ]; then
		_p=$(cat "$T/pid")
		_i=0
		while ! pid_gone "$_p" && [ "$_i" -lt 60 ]; do
			sleep 0.05
			_i=$((_i + 1))
		done
	fi
	rm -f "$TM_SOCK"
	rm -rf "$T"
}
trap tm_cleanup EXIT
trap 'exit 1' HUP INT TERM

cat >"$T/tmux.conf" <<EOF
set -g remain-on-exit on
set -g status off
set -g default-terminal "$TM_TERM"
set -g default-size 80x24
set -g history-limit 100
set -sg escape-time 0
set -g exit-empty off
EOF

# The command line goes through a script so that it needs no quoting for
# tmux.  The program runs in the pane's foreground process group; its pid
# goes to $T/pid, and once it exits the script prints EXIT=STATUS and stays,
# so the pane (and what the program left on it) can still be inspected.
tm_start() {
	if [ "${1:-}" = -e ]; then
		shift
	else
		set -- "$RECOUP" --log "$LOG" "$@"
	fi
	rm -f "$T/pid"
	{
		echo '#!/bin/sh'
		echo "cd '$T' || exit 99"
		# C-c and C-\ are for the program; the script must live on
		echo "trap '' INT QUIT"
		printf '%s' "sh -c 'echo \$\$ >\"\$0\"; exec \"\$@\"' '$T/pid'"
		for a in "$@"; do
			printf " '%s'" "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
		done
		echo
		echo 'echo "EXIT=$?"'
		echo 'exec sleep 600'
	} >"$T/run.sh"
	chmod +x "$T/run.sh"
	tm kill-session -t t >/dev/null 2>&1
	tm new-session -d -s t -x 80 -y 24 "$T/run.sh"
}

screen() { tm capture-pane -p -t t 2>/dev/null; }
keys() { tm send-keys -t t "$@"; }
pane() { tm display -p -t t "$1"; }
# The pid of the program (waits for it to be written).
recoup_pid() {
	_poll 10 test -s "$T/pid" && cat "$T/pid"
}
_exited() { screen | grep -Eq '^EXIT=[0-9]+'; }
# The program's exit status, once wait_exit has seen it.
exit_status() { screen | sed -n 's/^EXIT=\([0-9]*\).*/\1/p' | tail -n 1; }

# Poll every 50 ms up to SECS (default 10).
_poll() { # _poll SECS COMMAND...
	_secs=$1
	shift
	_i=0
	while [ "$_i" -lt $((_secs * 20)) ]; do
		"$@" && return 0
		sleep 0.05
		_i=$((_i + 1))
	done
	"$@"
}

# _drawn: no frame is half written.  ncurses writes a frame in many
# write()s, a row or a cursor move at a time (src/ui_direct.c), and a slow
# program (the sanitizers, a busy machine) leaves time between them to
# capture the rows above with the old ones below; recoup ends every update
# of its screen, the alternate one, with the hidden cursor at home.  Off
# that screen (line by line, a shell) any cursor will do.
_drawn() {
	_c=$(pane '#{alternate_on} #{cursor_x} #{cursor_y}' 2>/dev/null)
	[ "${_c%% *}" != 1 ] || [ "$_c" = "1 0 0" ]
}
_screen_has() { screen | grep -Eq -- "$1" && _drawn; }
# The screen as one line: rows trimmed and joined, for text that wraps.
joined() { screen | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | tr -s ' '; }
_joined_has() { joined | grep -Eq -- "$1" && _drawn; }
body() { screen | sed 's/^[^│]*│ //; s/ *$//'; }
body_joined() { body | sed 's/^ *//' | tr '\n' ' ' | tr -s ' '; }
_body_joined_has() { body_joined | grep -Eq -- "$1" && _drawn; }
# wait_body_joined ERE [SECS]: until the main column, joined, matches.
wait_body_joined() {
	_poll "${2:-10}" _body_joined_has "$1" && return 0
	echo "#   waited for the main column to show: $1"
	show_screen
	return 1
}
_screen_lacks() { ! screen | grep -Eq -- "$1" && _drawn; }
_log_has() { [ -f "$LOG" ] && grep -Eq -- "$1" "$LOG"; }

show_screen() { # as TAP comments
	echo "#   screen:"
	screen | sed 's/^/#   |/'
}
show_log() {
	echo "#   log:"
	[ -f "$LOG" ] && sed 's/^/#   |/' "$LOG"
}

# wait_screen ERE [SECS]: status 0 when it appears; else the screen is shown.
wait_screen() {
	_poll "${2:-10}" _screen_has "$1" && return 0
	echo "#   waited for the screen to show: $1"
	show_screen
	return 1
}

# wait_gone ERE [SECS]: until the screen stops matching.
wait_gone() {
	_poll "${2:-10}" _screen_lacks "$1" && return 0
	echo "#   waited for the screen to stop showing: $1"
	show_screen
	return 1
}

wait_log() {
	_poll "${2:-10}" _log_has "$1" && return 0
	echo "#   waited for the log to match: $1"
	show_log
	return 1
}

wait_exit() {
	_poll "${1:-10}" _exited && return 0
	echo "#   waited for the program to exit"
	show_screen
	return 1
}

# digits: the rows of the big digits, the last run of rows of blocks (the
# big words, when shown, are a run above them; a progress bar has '░')
digits() {
	screen | awk '/█|▒/ && !/░/ && !/[0-9]%$/ { if (!run) n = 0; run = 1; rows[++n] = $0; next }
		{ run = 0 } END { for (i = 1; i <= n; i++) print rows[i] }'
}
# big: the big words and figures read back through the font (tests/bigread):
# a line per word, "ROW HEIGHT FIRST LAST KIND TEXT"
: "${BIGREAD:=$top_builddir/tests/bigread}"
big() { screen | "$BIGREAD" "$@"; }
# big_words: the words of the first band, one space apart ("<LEFT DOWN 2");
# big_figure: those of the last (the digits)
_band_text() {
	awk -v which="$1" '{ if (!($1 in seen)) { seen[$1] = 1; bands[++nb] = $1 }
		t = $0; for (i = 1; i <= 5; i++) sub(/^[^ ]+ /, "", t)
		text[$1] = text[$1] (text[$1] == "" ? "" : " ") t }
		END { if (nb) print text[bands[which == "first" ? 1 : nb]] }'
}
big_words() { big | _band_text first; }
big_figure() { big | _band_text last; }
digit_rows() { digits | wc -l | tr -d ' '; }
_digits_shown() { [ "$(digit_rows)" -ge 5 ] && _drawn; }
# wait_digits [SECS]: until big digits (5 rows at least) are on the screen.
wait_digits() {
	_poll "${1:-10}" _digits_shown && return 0
	echo "#   waited for big digits"
	show_screen
	return 1
}
_digits_differ() { [ "$(digits)" != "$1" ]; }
# wait_digits_change TEXT [SECS]: until the big digits differ from TEXT.
wait_digits_change() {
	_poll "${2:-10}" _digits_differ "$1" && return 0
	echo "#   waited for the digits to change"
	show_screen
	return 1
}

# The attributes of row N (1-based) alone: capture-pane -e only writes
# changes, so a row is captured on its own to see how it starts.
row_e() { tm capture-pane -e -p -t t -S $(($1 - 1)) -E $(($1 - 1)); }
_reverse() { row_e "$1" | grep -q "^$(printf '\033')\\[7m"; }
# In the picker: the list row starting with TEXT is the selected one (in
# reverse video).
_selected_is() {
	_row=$(screen | grep -n "^ $1" | head -n 1 | cut -d: -f1)
	[ -n "$_row" ] && _reverse "$_row" && _drawn
}
_first_selected() { _reverse 2; }
_screen_is_not() { [ "$(tm capture-pane -e -p -t t)" != "$1" ]; }
# pick TEXT: select the picker's row starting with TEXT, from the top down
# (not relying on what else is on the search path).
pick() {
	keys g
	_poll 5 _first_selected
	_k=0
	while [ "$_k" -lt 50 ]; do
		_selected_is "$1" && return 0
		_before=$(tm capture-pane -e -p -t t)
		keys Down
		_poll 2 _screen_is_not "$_before" || break
		_k=$((_k + 1))
	done
	echo "#   could not select the row: $1"
	show_screen
	return 1
}

last_log_line() { [ -f "$LOG" ] && tail -n 1 "$LOG"; }
