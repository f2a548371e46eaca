#!/bin/sh
# routines.sh: every routine shipped in routines/ passes --check cleanly (no
# errors, no warnings) and has a plan.
. "$top_srcdir/tests/lib.sh"

count=0
for f in "$top_srcdir"/routines/*.yaml; do
	[ -f "$f" ] || continue
	count=$((count + 1))
	name=${f##*/}
	"$RECOUP" --check "$f" >"$T/out" 2>"$T/err"
	is "$?" 0 "$name: --check exit status 0"
	is "$(cat "$T/err")" "" "$name: --check prints nothing on stderr"
	like "$(cat "$T/out")" "^$f: ok: .+, [0-9]+ steps?, [0-9:]+\$" "$name: --check says ok"
	"$RECOUP" --plan "$f" >"$T/out" 2>"$T/err"
	is "$?" 0 "$name: --plan exit status 0"
	is "$(cat "$T/err")" "" "$name: --plan prints nothing on stderr"
	# the total, then only today's targets of the steps that progress
	like "$(grep -v ' today: \|: at the top of its range\|: load up: ' "$T/out" | tail -n 1)" \
		'^total [0-9:]+ timed' "$name: --plan ends with the total, then today's targets"
	# the id is the file name: --plan by name finds this file first
	"$RECOUP" --plan "${name%.yaml}" --routine-dir "$top_srcdir/routines" >"$T/out" 2>"$T/err"
	is "$(head -n 1 "$T/out" | sed 's/.*(//')" "$f)" "$name: --plan by name finds it"
done
ok "$([ "$count" -ge 4 ] && echo 0 || echo 1)" "at least the four shipped routines ($count)"

done_testing
