#!/bin/sh
# tests/layering.sh: the house's layers (STYLE.md), read from the build
# itself.  No two source files call each other in a circle (the graph of
# which object file references a symbol another defines, nm), nor include
# each other in one (#include "x.h" among src/, a .c counting as its .h,
# and x_int.h, x's private header, as x);
# and the engine and the log readers reach no screen and no curses symbol,
# the drawing kit no screen.  A circle found is printed whole.
. "$top_srcdir/tests/lib.sh"

src=$top_srcdir/src
obj=$top_builddir/src
AWK=${AWK:-awk}
command -v nm >/dev/null 2>&1 || skip_all "nm not found"

# module OBJECT: src/recoup-ui_picker.o -> ui_picker
module() { basename "$1" .o | sed 's/^recoup-//; s/^librecoup_a-//'; }

# the objects of the build, recoup-X.o and librecoup_a-X.o, each of a
# source that is there (not one left behind by a file since removed)
objects=
for o in "$obj"/recoup-*.o "$obj"/librecoup_a-*.o; do
	[ -e "$o" ] && [ -e "$src/$(module "$o").c" ] && objects="$objects $o"
done
[ -n "$objects" ] || skip_all "no object files in $obj (build first)"

# "MODULE D SYMBOL" and "MODULE U SYMBOL" for every global symbol
for o in $objects; do
	m=$(module "$o")
	nm -P "$o" | $AWK -v m="$m" '
		$2 == "U" || $2 == "w" { print m, "U", $1; next }
		$2 ~ /^[A-Z]$/ { print m, "D", $1 }'
done >"$T/syms"

# the file-level graph: "A B" when A references what B defines
$AWK '
	$2 == "D" { def[$3] = $1; next }
	{ use[++n] = $1 " " $3 }
	END {
		for (i = 1; i <= n; i++) {
			split(use[i], f, " ")
			if ((f[2] in def) && def[f[2]] != f[1])
				print f[1], def[f[2]]
		}
	}' "$T/syms" | sort -u >"$T/calls"
[ -s "$T/calls" ]
ok $? "nm gives the references between the objects ($(wc -l <"$T/calls") edges)"

# the include graph: "A B" when A.c or A.h includes "B.h" (B another module)
for f in "$src"/*.c "$src"/*.h; do
	m=$(basename "$f" | sed 's/\.[ch]$//; s/_int$//')
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' "$f" |
		sed 's/_int$//' | while read -r h; do
			[ "$h" = "$m" ] || [ "$h" = config ] || echo "$m $h"
		done
done | sort -u >"$T/includes"

# cycles GRAPH: each circle of the graph as "a -> b -> ... -> a", found
# by a depth-first walk (a circle is a path back to a node still on it)
cycles() {
	$AWK '
	{ if (!(($1, $2) in edge)) { edge[$1, $2] = 1; out[$1, ++nout[$1]] = $2 }
	  node[$1] = node[$2] = 1 }
	END {
		for (s in node) {
			if (state[s])
				continue
			# an explicit stack: the node and the next edge to follow
			sp = 1; stk[1] = s; nxt[1] = 1; state[s] = 1
			while (sp > 0) {
				v = stk[sp]
				if (nxt[sp] > nout[v]) {
					state[v] = 2
					sp--
					continue
				}
				w = out[v, nxt[sp]++]
				if (state[w] == 1) {
					line = w
					for (i = 1; i <= sp; i++)
						if (stk[i] == w)
							break
					for (i++; i <= sp; i++)
						line = line " -> " stk[i]
					print line " -> " w
				} else if (!state[w]) {
					stk[++sp] = w; nxt[sp] = 1; state[w] = 1
				}
			}
		}
	}' "$1"
}

cycles "$T/calls" >"$T/call-cycles"
[ ! -s "$T/call-cycles" ]
ok $? "no two source files call each other in a circle" ||
	sed 's/^/#   calls: /' "$T/call-cycles"

cycles "$T/includes" >"$T/include-cycles"
[ ! -s "$T/include-cycles" ]
ok $? "no two source files include each other in a circle" ||
	sed 's/^/#   includes: /' "$T/include-cycles"

# reach GRAPH FROM...: every module reached from FROM (FROM included)
reach() {
	g=$1
	shift
	$AWK -v from="$*" '
	{ out[$1, ++nout[$1]] = $2 }
	END {
		n = split(from, q, " ")
		for (i = 1; i <= n; i++)
			seen[q[i]] = 1
		for (i = 1; i <= n; i++)
			for (k = 1; k <= nout[q[i]]; k++)
				if (!seen[out[q[i], k]]) {
					seen[out[q[i], k]] = 1
					q[++n] = out[q[i], k]
				}
		for (m in seen)
			print m
	}' "$g" | sort
}

# the screens: the loop and each screen (ui.c, ui_*.c)
is_screen() { case $1 in ui|ui_*) return 0 ;; esac; return 1; }

# the curses library's symbols: what the libraries the binary takes its
# curses from define (ldd, nm -D), else a few that any use of curses needs
curses_syms() {
	libs=$(ldd "$obj/recoup" 2>/dev/null | $AWK '$1 ~ /curses|tinfo/ && $3 ~ /^\// { print $3 }')
	for l in $libs; do
		nm -D --defined-only "$l" 2>/dev/null | $AWK 'NF >= 3 { sub(/@.*/, "", $3); print $3 }'
	done
	printf '%s\n' initscr newterm endwin stdscr curscr wrefresh wnoutrefresh doupdate \
		wgetch waddnstr waddch wmove werase wclear wattron wattroff wattrset \
		setupterm tigetstr tputs cur_term COLS LINES beep flash
}
curses_syms | sort -u >"$T/curses"

# core MODULE...: each reaches no screen and references no curses symbol,
# nor does anything it reaches
core() {
	for m in "$@"; do
		[ -e "$src/$m.c" ] || continue
		bad=
		for r in $(reach "$T/calls" "$m") $(reach "$T/includes" "$m"); do
			case $r in paint|bigfont) bad="$bad $r" ;; *) is_screen "$r" && bad="$bad $r" ;; esac
		done
		cs=
		for r in $(reach "$T/calls" "$m"); do
			c=$($AWK -v m="$r" '$1 == m && $2 == "U" { print $3 }' "$T/syms" |
				sort -u | comm -12 - "$T/curses" | tr '\n' ' ')
			[ -z "$c" ] || cs="$cs $r.o: $c"
		done
		inc=$(cd "$src" && grep -lE \
			'^[[:space:]]*#[[:space:]]*include[[:space:]]*<(n?curses|ncursesw/|term\.h)' \
			"$m.c" "$m.h" 2>/dev/null | tr '\n' ' ')
		[ -z "$bad$cs$inc" ]
		ok $? "$m.c knows no screen" || {
			[ -z "$bad" ] || echo "#   reaches the screen files:$bad"
			[ -z "$cs" ] || echo "#   references curses:$cs"
			[ -z "$inc" ] || echo "#   includes curses: $inc"
		}
	done
}
core $(cd "$src" && ls engine*.c history*.c | sed 's/\.c$//') \
	logscan logmodel progress progress_rules progress_why checkin zones summary \
	logfile logfmt slog

# the drawing kit sits below the screens: it reaches none of them
bad=
for r in $(reach "$T/calls" paint) $(reach "$T/includes" paint); do
	is_screen "$r" && bad="$bad $r"
done
[ -z "$bad" ]
ok $? "paint.c, the drawing kit, knows no screen" || echo "#   reaches:$bad"

done_testing
