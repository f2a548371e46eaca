#!/bin/sh
# fuzz_replay.sh: every file of the fuzz corpora (tests/fuzz/corpus/TARGET/:
# seeds, and the inputs the fuzzers found, kept so that the fixes stay fixed)
# run through the fuzz targets' own entry points, linked with a replay main
# instead of libFuzzer (tests/fuzz/replay_TARGET).  A crash, a sanitizer
# report (with --enable-sanitizers or --enable-fuzzing) or a failed check
# inside a target fails that file.  Each corpus file must be in EXTRA_DIST
# (tests/fuzz.am), or `make dist` would leave it out.
. "$top_srcdir/tests/lib.sh"

am="$top_srcdir/tests/fuzz.am"
run_with_timeout() {
	if command -v timeout >/dev/null 2>&1; then timeout 60 "$@"; else "$@"; fi
}

# replay_ok TARGET FILE DESCRIPTION: FILE through TARGET's entry point
replay_ok() {
	run_with_timeout "$top_builddir/tests/fuzz/replay_$1" "$2" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q "^ok 1 - " "$T/out"; then
		ok 0 "$1: $3"
	else
		ok 1 "$1: $3 (exit $rc)"
		tail -n 30 "$T/err" | sed 's/^/#   /'
	fi
}

for target in routine config log; do
	dir="$top_srcdir/tests/fuzz/corpus/$target"
	count=0
	missing=
	for f in "$dir"/* "$dir"/.[!.]*; do
		[ -f "$f" ] || continue
		count=$((count + 1))
		name=${f##*/}
		replay_ok "$target" "$f" "$name"
		if [ -f "$am" ] && ! sed 's/^[[:space:]]*//; s/[[:space:]]*\\$//' "$am" |
			grep -qFx "tests/fuzz/corpus/$target/$name"; then
			missing="$missing $name"
		fi
	done
	is "${missing:-none}" none "$target: every corpus file is in EXTRA_DIST (tests/fuzz.am)"
	[ "$count" -ge 10 ]
	ok $? "$target: the corpus holds at least 10 files ($count)"
done
# Inputs too big to keep in the corpus, made here.
# 21,476 set lines of reps=99999 in one session overflowed the report's int
awk 'BEGIN {
	print "2026-11-10T07:00:00.000+00:00 s start routine=x"
	for (i = 0; i < 21500; i++)
		print "2026-11-10T07:00:01.000+00:00 s set name=a reps=99999"
}' >"$T/reps.log"
replay_ok log "$T/reps.log" "generated: 21,500 sets of 99,999 reps add up without overflow"

# Lines around HISTORY_LINE_MAX (65536 bytes) and the reader's 64 KiB reads:
# kept out of the corpus, where they would make libFuzzer's inputs huge.
long_line() { # long_line LENGTH: a log line of exactly LENGTH bytes
	awk -v n="$1" 'BEGIN {
		s = "2026-11-14T07:00:01.000+00:00 l1 warn msg="
		x = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		while (length(s) + length(x) <= n)
			s = s x
		while (length(s) < n)
			s = s "x"
		printf "%s", s
	}'
}
for len in 65535 65536 65537 131073 200000; do
	{
		echo "2026-11-14T07:00:00.000+00:00 l1 start routine=long"
		long_line $len
		echo
		echo "2026-11-14T07:00:02.000+00:00 l1 end status=complete"
		long_line $len
	} >"$T/long.log"
	replay_ok log "$T/long.log" "generated: lines of $len bytes, the last one unended"
done

done_testing
