# tests/direct.sh: the screen after recoup's own writes compared with a
# repaint from scratch (tests/ui_direct.sh, tests/ui_direct_text.sh).
# Source it after tests/tmux.sh; each test sets $pid (recoup_pid) and calls
# pipe_out after each tm_start.
#
#   full                  the screen with its attributes, as STATE:TEXT runs
#   stable                the same, once two captures agree
#   repaint               SIGCONT, and wait for the repaint to begin
#   same_as_repaint WHAT  a screen that stands still (paused, waiting for a
#                         key) equals its repaint
#   same_running WHAT [bars] [resize]  a screen that changes by itself
#                         every $PERIOD ms (a countdown) equals its repaint,
#                         taken between two of its changes
#   same_as_redrawn WHAT  a screen that stands still equals the frame drawn
#                         anew from what the session shows (a resize away
#                         and back: SIGCONT sends again only what ncurses
#                         holds, and a line kept from an earlier frame would
#                         be sent again as it is)

# full: the screen with its attributes, cell by cell, as "STATE:TEXT" runs.
# A blank shows no colour or weight, so a blank keeps only what it shows
# (reverse video, a background); ncurses itself leaves blanks in either.
full() {
	tm capture-pane -e -p -t t | awk '{
		out = ""; last = ""; b = d = r = fg = bg = ""; n = length($0); i = 1
		while (i <= n) {
			c = substr($0, i, 1)
			if (c == "\033") {
				j = i + 2; code = ""
				while (j <= n && substr($0, j, 1) != "m") { code = code substr($0, j, 1); j++ }
				cnt = split(code, parts, ";")
				if (cnt == 0) { cnt = 1; parts[1] = "0" }
				for (k = 1; k <= cnt; k++) {
					p = parts[k] + 0
					if (p == 0) { b = d = r = fg = bg = "" }
					else if (p == 1) b = "B"; else if (p == 2) d = "D"; else if (p == 7) r = "R"
					else if (p == 22) b = d = ""; else if (p == 27) r = ""
					else if (p >= 30 && p <= 39) fg = (p == 39 ? "" : p)
					else if (p >= 40 && p <= 49) bg = (p == 49 ? "" : p)
					else if (p >= 90 && p <= 97) fg = p
				}
				i = j + 1
				continue
			}
			st = c == " " ? r "//" bg : b d r "/" fg "/" bg
			if (st != last) { out = out "|" st ":"; last = st }
			out = out c
			i++
		}
		# a blank written and a blank never written look the same
		sub(/(\|\/\/:)? *$/, "", out)
		print out
	}'
}
# The pane's output goes to $T/out (pipe_out, after each tm_start), so that
# a repaint can be waited for: it starts by clearing the screen.
pipe_out() { : >"$T/out"; tm pipe-pane -t t "cat >>'$T/out'"; }
clears() { grep -a -o "$(printf '\033')\\[H$(printf '\033')\\[J" "$T/out" | wc -l | tr -d ' '; }
# repaint: SIGCONT, and wait until the dashboard has cleared the screen for
# the repaint (else a screen not yet repainted would be compared with itself)
repaint() {
	_c=$(clears)
	kill -CONT "$pid"
	_poll 10 eval '[ "$(clears)" -gt "$_c" ]'
}
# stable: the screen with its attributes once two captures agree (the
# dashboard writes the big cells just after the rest)
stable() {
	_a=$(full)
	_k=0
	while [ $_k -lt 40 ]; do
		sleep 0.05
		_b=$(full)
		[ "$_a" = "$_b" ] && break
		_a=$_b
		_k=$((_k + 1))
	done
	printf '%s\n' "$_a"
}
# same_as_repaint WHAT: the screen (waiting for a key: it stands still)
# equals its repaint
same_as_repaint() {
	_before=$(stable)
	if ! repaint; then
		ok 1 "$1: the screen is what a repaint draws (no repaint seen)"
		return
	fi
	_poll 10 eval '[ "$(full)" = "$_before" ]'
	if [ "$(full)" = "$_before" ]; then
		ok 0 "$1: the screen is what a repaint draws"
	else
		ok 1 "$1: the screen is what a repaint draws"
		printf '%s\n' "$_before" | sed 's/^/#   before: /'
		full | sed 's/^/#   after:  /'
	fi
}

# cols_are N: recoup has drawn its frame for N columns (the title bar's
# right end at the last column but one)
cols_are() { [ "$(screen | head -n 1 | sed 's/ *$//' | wc -m | tr -d ' ')" -eq "$1" ] && _drawn; }
# redraw_anew: resize the pane a column wider and back, each time once
# recoup has drawn the frame: the frame at the old size is then laid out
# and drawn anew, every line of it from the session's state
redraw_anew() {
	_rw=$(pane '#{window_width}')
	_rh=$(pane '#{window_height}')
	tm resize-window -t t -x $((_rw + 1)) -y "$_rh"
	_poll 5 cols_are $((_rw + 1))
	tm resize-window -t t -x "$_rw" -y "$_rh"
	_poll 5 cols_are "$_rw"
}
# same_as_redrawn WHAT: a screen that stands still equals it drawn anew
same_as_redrawn() {
	_before=$(stable)
	redraw_anew
	_poll 5 eval '[ "$(full)" = "$_before" ]'
	if [ "$(_settled)" = "$_before" ]; then
		ok 0 "$1: the screen is what a frame drawn anew shows"
	else
		ok 1 "$1: the screen is what a frame drawn anew shows"
		printf '%s\n' "$_before" | sed 's/^/#   before: /'
		full | sed 's/^/#   after:  /'
	fi
}
# now_ms: the wall clock in milliseconds
now_ms() { date +%s%3N; }
case $(now_ms) in *[!0-9]*) skip_all "date cannot tell milliseconds" ;; esac
# _settled: the screen with its attributes once recoup has ended its update
# (the cursor home) and two captures 20 ms apart agree
_settled() {
	_sa=$(full)
	_k=0
	while [ $_k -lt 50 ]; do
		sleep 0.02
		_sb=$(full)
		[ "$_sa" = "$_sb" ] && _drawn && break
		_sa=$_sb
		_k=$((_k + 1))
	done
	printf '%s\n' "$_sa"
}
# _rows WHICH: the bar rows (WHICH "bars") or all the others ("rest") of a
# screen taken by full, on stdin
_rows() {
	awk -v which="$1" '{ bar = $0 ~ /:(step|session)[|].*[0-9]%$/
		if (bar == (which == "bars")) print NR ": " $0 }'
}
# same_running WHAT [bars] [resize]: while the screen changes by itself every
# $PERIOD ms (1000 unless set: a second at --speed 1), each change written
# only where it changed: right after a change, the screen equals its
# repaint.  Each try waits for a change, takes the screen, repaints and
# takes it again.  A difference outside the progress bars fails when all
# of that happened before the next change could have come (the change came
# after the last capture that did not show it); else the try is not
# counted.  The bars are another matter: they show how far the session has
# run at the last change, a repaint how far at its own moment, which may
# be a cell or a percent on.  So a difference in the bars is not counted
# either, and the check passes on a try where the bars too equal the
# repaint, one in which the change moved a bar when "bars" is given; it
# fails when none of ten tries does.  With "resize" the screen is drawn
# anew by redraw_anew, not repainted by SIGCONT.
same_running() {
	_what=$1
	shift
	_need_bars=
	_anew=false
	for _a in "$@"; do
		case $_a in bars) _need_bars=1 ;; resize) _anew=true ;; esac
	done
	_period=${PERIOD:-1000}
	_try=0
	_why="no try fitted between two changes"
	while [ $_try -lt 10 ]; do
		_try=$((_try + 1))
		# _tprev: when the last capture that did not show the change began
		_tprev=$(now_ms)
		_old=$(_settled)
		_k=0
		_changed=false
		while [ $_k -lt 150 ]; do
			_tnow=$(now_ms)
			if [ "$(full)" != "$_old" ]; then
				_changed=true
				break
			fi
			_tprev=$_tnow
			sleep 0.02
			_k=$((_k + 1))
		done
		if ! $_changed; then
			ok 1 "$_what: the screen is what a repaint draws (nothing changed by itself)"
			show_screen
			return 1
		fi
		_before=$(_settled)
		if $_anew; then
			redraw_anew
		else
			_c=$(clears)
			kill -CONT "$pid"
			_poll 5 eval '[ "$(clears)" -gt "$_c" ]'
		fi
		_after=$(_settled)
		_t1=$(now_ms)
		if [ "$_after" = "$_before" ]; then
			if [ -z "$_need_bars" ] ||
				[ "$(printf '%s\n' "$_old" | _rows bars)" != "$(printf '%s\n' "$_before" | _rows bars)" ]; then
				ok 0 "$_what: the screen is what a repaint draws"
				return 0
			fi
			_why="no try saw a bar move"
			continue
		fi
		_rb=$(printf '%s\n' "$_before" | _rows rest)
		_ra=$(printf '%s\n' "$_after" | _rows rest)
		if [ "$_rb" != "$_ra" ]; then
			[ "$_t1" -lt $((_tprev + _period - 100)) ] || continue
			ok 1 "$_what: the screen is what a repaint draws"
			printf '%s\n' "$_before" | sed 's/^/#   before: /'
			printf '%s\n' "$_after" | sed 's/^/#   after:  /'
			return 1
		fi
		_why="the bars differed from the repaint's in every try"
		_bb=$(printf '%s\n' "$_before" | _rows bars)
		_ba=$(printf '%s\n' "$_after" | _rows bars)
	done
	ok 1 "$_what: the screen is what a repaint draws ($_why)"
	case $_why in
	*bars*differed*)
		printf '%s\n' "$_bb" | sed 's/^/#   before: /'
		printf '%s\n' "$_ba" | sed 's/^/#   after:  /' ;;
	esac
	return 1
}
