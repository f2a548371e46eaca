# tests/session.sh: running recoup sessions in tests.  Source it after
# tests/lib.sh.  The binary runs in the background reading commands from a
# FIFO; tests wait for the words they expect on its stdout (polling, never
# blind sleeps), then read its exit status and its log.

F="$top_srcdir/tests/fixtures-engine"
# a line of the log: timestamp, 6-hex session id, event word, fields
LINE_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2} [0-9a-f]{6} [a-z]+( [A-Za-z_]+=.*)?$'
# a dead reader must not kill the test with SIGPIPE
trap '' PIPE

# start NAME ARGS...: recoup in the background, stdin the FIFO $T/NAME.in
# (held open on fd 3), stdout $T/NAME.out, stderr $T/NAME.err; sets $pid.
start() {
	name=$1
	shift
	rm -f "$T/$name.in"
	mkfifo "$T/$name.in"
	"$RECOUP" "$@" <"$T/$name.in" >"$T/$name.out" 2>"$T/$name.err" &
	pid=$!
	exec 3>"$T/$name.in"
}

# start_from FILE NAME ARGS...: the same with stdin from FILE.
start_from() {
	input=$1
	name=$2
	shift 2
	"$RECOUP" "$@" <"$input" >"$T/$name.out" 2>"$T/$name.err" &
	pid=$!
}

send() { printf '%s\n' "$1" >&3; }

# wait_for TEXT [COUNT]: until $T/$name.out holds TEXT (a fixed string), on
# COUNT lines (default 1); 10 s at most.
wait_for() {
	_wf_i=0
	while :; do
		_wf_n=$(grep -cF -- "$1" "$T/$name.out" 2>/dev/null)
		[ "${_wf_n:-0}" -ge "${2:-1}" ] && break
		_wf_i=$((_wf_i + 1))
		if [ $_wf_i -gt 200 ]; then
			echo "# timed out waiting for '$1' in $name.out"
			sed 's/^/#   | /' "$T/$name.out"
			return 1
		fi
		sleep 0.05
	done
	return 0
}

# finish: close the FIFO, reap $pid (killed if it runs 20 s more); sets $rc.
finish() {
	exec 3>&-
	(
		i=0
		while [ $i -lt 400 ] && [ ! -e "$T/reaped.$pid" ]; do
			sleep 0.05
			i=$((i + 1))
		done
		[ -e "$T/reaped.$pid" ] || { echo "# $name hung; killing it" >&2; kill -9 "$pid"; }
	) >/dev/null 2>&1 &
	dog=$!
	wait "$pid" 2>/dev/null
	rc=$?
	: >"$T/reaped.$pid"
	wait "$dog"
}

events() { awk '{ print $3 }' "$1" | tr '\n' ' ' | sed 's/ $//'; }
