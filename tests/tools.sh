#!/bin/sh
# tests/tools.sh: the tools the suite drives were found by configure.  Inside
# tmux, $TMUX names tmux's socket; configure once took that for the
# program's path, and every terminal test then skipped as "tmux not found".
. "$srcdir/tests/lib.sh"

if command -v tmux >/dev/null 2>&1; then
	[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] && [ ! -S "$TMUX_BIN" ]
	ok $? "configure found tmux as a program ('${TMUX_BIN:-}'), so the terminal tests run"
	"$TMUX_BIN" -V >/dev/null 2>&1
	ok $? "TMUX_BIN runs and says its version"
else
	ok 0 "# SKIP tmux is not installed: the terminal tests skip too"
fi

# configure run with $TMUX set, as inside tmux: tmux is still found
cfg="$top_builddir/config.status"
if [ -f "$cfg" ] && command -v tmux >/dev/null 2>&1; then
	got=$(sed -n 's/^S\["TMUX_PROG"\]="\(.*\)"$/\1/p' "$cfg")
	like "$got" '/tmux$' "config.status substitutes a path to tmux for TMUX_PROG"
fi
done_testing
