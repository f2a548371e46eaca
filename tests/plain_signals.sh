#!/bin/sh
# tests/plain_signals.sh: a fatal signal ends a --plain session as it ends
# any program: after the aborted session is logged, recoup dies of the
# signal itself (its parent sees WIFSIGNALED, so a shell stops a loop), and
# a shell's $? stays 128+N.  QUIT leaves no core.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

command -v perl >/dev/null 2>&1 || skip_all "perl not found (it reports raw wait statuses)"

cd "$T" || exit 1
for sig in TERM:15 INT:2 HUP:1 QUIT:3; do
	sg=${sig%:*}
	num=${sig#*:}
	name=sig$sg
	log="$T/$name.log"
	rm -f "$T/$name.pid"
	mkfifo "$T/$name.in"
	# cores allowed, where the hard limit lets us: QUIT must not leave one
	(ulimit -c unlimited 2>/dev/null
	 exec perl "$top_srcdir/tests/wstat.pl" "$T/$name.pid" "$RECOUP" --plain --log "$log" "$F/long.yaml") \
		<"$T/$name.in" >"$T/$name.out" 2>"$T/$name.err" &
	wrapper=$!
	exec 3>"$T/$name.in"
	wait_for "Step 1 of 2, Ice"
	kill -s "$sg" "$(cat "$T/$name.pid")"
	wait_for "wstat="
	exec 3>&-
	wait "$wrapper"
	is "$(grep '^wstat=' "$T/$name.out")" "wstat=$num" "SIG$sg: recoup dies of SIG$sg, without a core"
	is "$(events "$log")" "start step end" "SIG$sg: the session is logged first"
	like "$(tail -n 1 "$log")" " end status=aborted .*signal=$sg( |\$)" "SIG$sg: end status=aborted signal=$sg"
	like "$(cat "$T/$name.out")" '\] Session aborted$' "SIG$sg: what it printed got out before it died"
done
is "$(ls "$T" | grep -c '^core')" 0 "no core file"

# a shell's $? is 128+N
command -v pgrep >/dev/null 2>&1 || { ok 0 "# SKIP a shell's \$? is 128+N: pgrep not found (procps)"; done_testing; exit; }
name=shell
mkfifo "$T/$name.in"
sh -c '"$@"; echo "status=$?"' sh "$RECOUP" --plain --no-log "$F/long.yaml" \
	<"$T/$name.in" >"$T/$name.out" 2>"$T/$name.err" &
wrapper=$!
exec 3>"$T/$name.in"
wait_for "Step 1 of 2, Ice"
_i=0
while [ -z "${child:-}" ] && [ $_i -lt 100 ]; do
	child=$(pgrep -P "$wrapper" | head -n 1)
	[ -n "$child" ] || sleep 0.05
	_i=$((_i + 1))
done
kill -s TERM "$child"
wait_for "status="
exec 3>&-
wait "$wrapper"
is "$(grep '^status=' "$T/$name.out")" "status=143" "sh -c 'recoup --plain ...; echo \$?' after SIGTERM: 143"

done_testing
