#!/bin/sh
# tests/logspecial.sh: a log path that names no regular file (a FIFO with
# and without a writer, /dev/zero, /dev/full, /dev/stdout on a pipe, a
# process substitution, a directory) never hangs --history, --plan or a
# --plain session: a reader takes only a regular file, a writer a regular
# file or a character device named with --log.  Every run is under
# `timeout`, so a regression fails instead of hanging.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

command -v timeout >/dev/null 2>&1 || skip_all "no timeout(1)"
R="$F/progress.yaml"

mkfifo "$T/fifo" "$T/fifo-w"
# a FIFO with a writer: held open both ways, so a read would wait forever
exec 5<>"$T/fifo-w"
mkdir "$T/adir"

# run NAME ARGS...: recoup under timeout, stdin /dev/null, stdout and
# stderr to $T/NAME.out and .err; sets $rc (124: it hung)
run() {
	_name=$1
	shift
	timeout 10 "$RECOUP" "$@" </dev/null >"$T/$_name.out" 2>"$T/$_name.err"
	rc=$?
}
# run_pipe NAME ARGS...: the same with stdout a pipe (for /dev/stdout)
run_pipe() {
	_name=$1
	shift
	{ timeout 10 "$RECOUP" "$@" </dev/null 2>"$T/$_name.err"; echo "rc=$?" >"$T/$_name.rc"; } |
		cat >"$T/$_name.out"
	rc=$(sed 's/rc=//' "$T/$_name.rc")
}
have_bash=false
command -v bash >/dev/null 2>&1 && have_bash=true

for c in fifo:fifo fifo-w:fifo adir:directory zero:device full:device stdout:fifo procsub:fifo; do
	what=${c%%:*}
	kind=${c#*:}
	case $kind in
	device) kindw="a character device" ;;
	*) kindw="a $kind" ;;
	esac
	case $what in
	zero) log=/dev/zero ;;
	full) log=/dev/full ;;
	stdout) log=/dev/stdout ;;
	procsub) log=/dev/fd/N ;;
	*) log="$T/$what" ;;
	esac
	# recoup MODE ARGS...: the run for this log
	recoup_with() {
		_mode=$1
		shift
		case $what in
		stdout) run_pipe "$what.$_mode" --log /dev/stdout "$@" ;;
		procsub)
			bash -c 'exec timeout 10 "$0" --log <(sleep 3) "$@"' "$RECOUP" "$@" \
				</dev/null >"$T/$what.$_mode.out" 2>"$T/$what.$_mode.err"
			rc=$?
			for _f in "$T/$what.$_mode.out" "$T/$what.$_mode.err"; do
				sed 's#/dev/fd/[0-9]*#/dev/fd/N#g' "$_f" >"$_f.n" && mv "$_f.n" "$_f"
			done
			;;
		*) run "$what.$_mode" --log "$log" "$@" ;;
		esac
	}
	if [ "$what" = procsub ] && ! $have_bash; then
		ok 0 "# SKIP no bash for a process substitution"
		continue
	fi
	if [ "$what" = full ] && ! [ -w /dev/full ]; then
		ok 0 "# SKIP no writable /dev/full"
		continue
	fi

	recoup_with history --history
	is "$rc" 1 "$what: --history exits 1, without hanging"
	is "$(cat "$T/$what.history.err")" "recoup: $log: not a regular file ($kindw); no history read" \
		"$what: --history says the log is $kindw"
	is "$(cat "$T/$what.history.out")" "" "$what: and prints no report"

	recoup_with plan --plan "$R"
	is "$rc" 0 "$what: --plan exits 0, without hanging"
	like "$(cat "$T/$what.plan.out")" 'set 1 of 1: 8 reps' "$what: --plan shows the default target"
	is "$(cat "$T/$what.plan.err")" \
		"recoup: the log $log is not a regular file ($kindw): no history read, no progression from it" \
		"$what: --plan says why there is no progression"

	recoup_with plain --plain --speed 100 "$R"
	case $kind in
	device)
		is "$rc" "$([ "$what" = full ] && echo 1 || echo 0)" \
			"$what: --log names a device: the session runs (exit $rc)"
		like "$(cat "$T/$what.plain.out")" 'Get ready' "$what: the session started"
		is "$(grep -c 'no progression' "$T/$what.plain.err")" 1 "$what: the note comes once"
		like "$(sed -n 1p "$T/$what.plain.err")" \
			"^recoup: the log $log is not a regular file \\($kindw\\): no history read, no progression from it$" \
			"$what: and says why, first"
		;;
	*)
		is "$rc" 1 "$what: --plain refuses the log, without hanging"
		is "$(sed -n 1p "$T/$what.plain.err")" \
			"recoup: cannot open the session log $log: not a regular file ($kindw)" \
			"$what: and names what it is"
		is "$(grep -c 'Get ready' "$T/$what.plain.out")" 0 "$what: no session ran"
		;;
	esac
done
exec 5>&-

# From the config file a device is refused: every run reads it.
printf 'log = "/dev/null";\n' >"$T/dev.conf"
run conf-dev --config "$T/dev.conf" --plain --speed 100 "$R"
is "$rc" 1 "log = \"/dev/null\" in the config: a session refuses it"
is "$(sed -n 1p "$T/conf-dev.err")" \
	"recoup: $T/dev.conf: the log /dev/null is a character device; a device can be the log only with --log" \
	"naming the config file"
run conf-dev-cli --config "$T/dev.conf" --log /dev/null --plain --speed 100 "$R"
is "$rc" 0 "the same device with --log: taken"
printf 'log = "%s";\n' "$T/fifo" >"$T/fifo.conf"
run conf-fifo --config "$T/fifo.conf" --plain --speed 100 "$R"
is "$rc" 1 "a FIFO in the config: refused, without hanging"
run conf-fifo-h --config "$T/fifo.conf" --history
is "$rc" 1 "and --history over it exits 1"
is "$(cat "$T/conf-fifo-h.err")" "recoup: $T/fifo: not a regular file (a fifo); no history read" \
	"saying so"

# A regular file still works both ways, and the note is not shown.
run reg --log "$T/reg.log" --plain --speed 100 "$R"
is "$rc" 0 "a regular log: exit 0"
is "$(cat "$T/reg.err")" "" "no note"
run reg-h --log "$T/reg.log" --history --practice
is "$rc" 0 "--history over it: exit 0"

done_testing
