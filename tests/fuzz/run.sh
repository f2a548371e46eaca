#!/bin/sh
# run.sh: run the libFuzzer targets of a fuzzing build for a bounded time.
#
#   tests/fuzz/run.sh BUILDDIR [TARGET...]     (targets: routine config log)
#
# BUILDDIR was configured with --enable-fuzzing (CC=clang) and built with
# make.  Each target runs for FUZZ_SECONDS (default 60) with -rss_limit_mb=2048
# and FUZZ_TIMEOUT seconds per input (default 10), on a scratch copy of
# tests/fuzz/corpus/TARGET/ (the source tree is never written), with the
# target's dictionary.  Prints the executions each target ran; exits 1 on any
# crash, sanitizer report, leak, timeout or out-of-memory, naming the
# reproducer (keep it: minimise it with `FUZZER -minimize_crash=1
# -runs=10000 REPRODUCER`, fix the parser, add it to the corpus and run
# tests/fuzz/update-corpus-list.sh).  The scratch directory, FUZZ_WORKDIR or a
# fresh one under TMPDIR, is removed after a clean run of a fresh one and
# kept otherwise.  Exit 2 for a usage error or a target not built.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 BUILDDIR [routine|config|log...]" >&2
	exit 2
fi
builddir=$(cd "$1" && pwd)
shift
targets=${*:-routine config log}
seconds=${FUZZ_SECONDS:-60}
timeout=${FUZZ_TIMEOUT:-10}
case $seconds$timeout in
*[!0-9]*) echo "$0: FUZZ_SECONDS and FUZZ_TIMEOUT are whole seconds" >&2; exit 2 ;;
esac
if [ -n "${FUZZ_WORKDIR:-}" ]; then
	work=$FUZZ_WORKDIR
	fresh=false
	mkdir -p "$work" || exit 2
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/recoup-fuzz.XXXXXX") || exit 2
	fresh=true
fi

status=0
for t in $targets; do
	bin=$builddir/tests/fuzz/fuzz_$t
	if [ ! -d "$here/corpus/$t" ]; then
		echo "$0: no target $t (routine, config or log)" >&2
		status=2
		continue
	fi
	if [ ! -x "$bin" ]; then
		echo "$0: $bin: not built (configure --enable-fuzzing, then make)" >&2
		status=2
		continue
	fi
	corpus=$work/corpus/$t
	artifacts=$work/artifacts/$t
	log=$work/$t.log
	rm -rf "$corpus" "$artifacts"
	mkdir -p "$corpus" "$artifacts"
	cp "$here/corpus/$t"/* "$corpus"/
	set -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout="$timeout" \
		-print_final_stats=1 -artifact_prefix="$artifacts/"
	[ -f "$here/$t.dict" ] && set -- "$@" -dict="$here/$t.dict"
	echo "fuzz_$t: running for ${seconds}s ($bin $* $corpus)"
	"$bin" "$@" "$corpus" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log" | tail -n 1)
	[ -n "$runs" ] || runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1) runs"
	found=
	for f in "$artifacts"/*; do
		[ -f "$f" ] || continue
		case ${f##*/} in
		slow-unit-*) ;; # slow but under the timeout: not a failure
		*) found="$found $f" ;;
		esac
	done
	if [ "$rc" -eq 0 ] && [ -z "$found" ]; then
		echo "fuzz_$t: ok, $runs, corpus grew to $(ls "$corpus" | wc -l) inputs"
		continue
	fi
	status=1
	echo "fuzz_$t: FAILED (exit $rc) after $runs; libFuzzer's report ($log):"
	awk '/^==[0-9]+==|runtime error:|ALARM: working on the last Unit|out-of-memory|ERROR: libFuzzer/ { p = 1 } p' \
		"$log" >"$work/$t.report"
	[ -s "$work/$t.report" ] || tail -n 30 "$log" >"$work/$t.report"
	head -n 60 "$work/$t.report" | sed 's/^/    /'
	for f in $found; do
		echo "fuzz_$t: reproducer: $f"
		echo "fuzz_$t: reproduce with: $bin $f"
	done
	[ -n "$found" ] || echo "fuzz_$t: no reproducer written; see $log"
done

if [ "$status" -eq 0 ] && $fresh; then
	rm -rf "$work"
elif [ "$status" -ne 0 ]; then
	echo "scratch directory kept: $work"
fi
exit "$status"
