#!/bin/sh
# bench.sh: `make bench`, the PRODUCT.md section 6 figures, with the commands
# that produce them.  Not a test: it prints numbers.  BENCH_SECONDS sets how
# long the countdown is watched (default 60).  Where tty-clock is installed,
# it is measured the same way in the same run and the ratios are printed.
set -u
: "${RECOUP:=$top_builddir/src/recoup}"
: "${BENCHTOOL:=$top_builddir/tests/benchtool}"
secs=${BENCH_SECONDS:-60}
T=$(mktemp -d "${TMPDIR:-/tmp}/recoup-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_STATE_HOME="$T/home/.local/state"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
mkdir -p "$HOME"

cat > "$T/countdown.yaml" <<'EOF'
name: Bench countdown
steps:
  - type: timer
    name: Long timer
    duration: 2h
EOF
cat > "$T/deadline.yaml" <<'EOF'
name: Bench deadline
steps:
  - type: timer
    name: One minute
    duration: 60s
EOF

row() { printf '%-40s %12s %10s %14s %8s\n' "$1" "$2" "$3" "$4" "$5"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "recoup benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr)"
echo "countdown watched for $secs s at 80x24 on a pseudo-terminal; ratios are recoup / peer"
echo

# the countdown's end against its deadline, over a minute, runs meanwhile
"$RECOUP" --plain --log "$T/deadline.log" "$T/deadline.yaml" < /dev/null > /dev/null 2>&1 &
deadline_pid=$!

set -- $("$BENCHTOOL" pty "$secs" 80 24 "$RECOUP" --no-log "$T/countdown.yaml")
r_bytes=$1 r_cpu=$2 r_rss=$3
# what one wake-up a second costs on this machine, doing nothing else
set -- $("$BENCHTOOL" pty "$secs" 80 24 "$BENCHTOOL" tick)
floor_cpu=$2
p_bytes=- p_cpu=- p_rss=- peer=
if command -v tty-clock > /dev/null 2>&1; then
	peer="tty-clock -s"
	set -- $("$BENCHTOOL" pty "$secs" 80 24 tty-clock -s)
	p_bytes=$1 p_cpu=$2 p_rss=$3
fi
wait "$deadline_pid"

# start and end stamps of the one-minute timer (3 s lead-in + 60 s)
deadline_err=$(awk '
	function ms(ts) { split(substr(ts, 12, 12), a, ":"); return (a[1] * 3600 + a[2] * 60 + a[3]) * 1000 }
	$3 == "start" { s = ms($1) } $3 == "end" { e = ms($1) }
	END { printf "%+.0f", (e - s) - 63000 }' "$T/deadline.log")

# Instructions a second of countdown, as callgrind counts them: the same on
# a busy machine as on an idle one, unlike CPU time.  The difference
# between 30 s and 10 s of running, over 20 s, leaves start-up out.
ips() { # ips CMD...
	if ! command -v valgrind > /dev/null 2>&1 || [ "${BENCH_CALLGRIND:-1}" = 0 ]; then
		echo -
		return
	fi
	for t in 10 30; do
		"$BENCHTOOL" pty $t 80 24 valgrind --tool=callgrind \
			--callgrind-out-file="$T/cg.$t" "$@" > /dev/null 2>&1
	done
	awk '/^(summary|totals):/ { v[FILENAME] = $2 }
		END { n = v[ARGV[2]] - v[ARGV[1]]; if (n > 0) printf "%.0f", n / 20; else print "-" }' \
		"$T/cg.10" "$T/cg.30"
}
r_ips=$(ips "$RECOUP" --no-log "$T/countdown.yaml")
floor_ips=$(ips "$BENCHTOOL" tick)
p_ips=-
[ -n "$peer" ] && p_ips=$(ips tty-clock -s)

# 100 routines on the path, time to the picker's first frame
mkdir -p "$T/many"
i=0
while [ $i -lt 100 ]; do
	for f in "$top_srcdir"/routines/*.yaml; do
		[ $i -lt 100 ] || break
		cp "$f" "$T/many/r$i-$(basename "$f")"
		i=$((i + 1))
	done
done
first=$("$BENCHTOOL" first 80 24 "pick a routine" "$RECOUP" --no-log --routine-dir "$T/many")

# --history over 1,000,000 lines (some 25 years of two sessions a day,
# pain ratings and morning check-ins), and its peak RSS: memory grows
# with sessions, not lines
sh "$top_srcdir/tests/gen_log.sh" 1000000 > "$T/big.log"
set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --history)
hist_ms=$1 hist_rss=$2
# and at a quarter of the size, and the worst case at both sizes: each
# pair about four times apart when the model stays linear
sh "$top_srcdir/tests/gen_log.sh" 250000 > "$T/big4.log"
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/big4.log" --history)
hist4_ms=$1 hist4_rss=$2
sh "$top_srcdir/tests/gen_log.sh" 250000 worst > "$T/worst4.log"
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/worst4.log" --history)
worst4_ms=$1
sh "$top_srcdir/tests/gen_log.sh" 1000000 worst > "$T/worst.log"
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/worst.log" --history)
worst_ms=$1
# the same number of lines in 100 sessions: memory is per session
sh "$top_srcdir/tests/gen_log.sh" 1000000 long > "$T/long.log"
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/long.log" --history)
long_ms=$1 long_rss=$2
rm -f "$T/worst.log" "$T/worst4.log" "$T/big4.log" "$T/long.log"
# progression for a session start: today's targets of one routine from
# the same log (--plan reads the log as a start does, and prints the plan)
set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --plan "$top_srcdir/routines/post-run-calf-care.yaml")
plan_ms=$1 plan_rss=$2

# The picker over the same log: the 100 routines, three of them the log's
# own (by file name) and due twice daily.  Its first frame must not wait
# for the log (the log is read after it, on a thread: each row's date
# reads "..." meanwhile); the marks (last dates, due, streaks) fill in at
# once when it has been read: the time to the first "never" on the
# screen, the date of a copy the log does not know, which stands for
# "..." only then, whatever day the log ends on (one ending today reads
# "today HH:MM", not its year).  Each the median of 5 starts; the ratios
# are against the first frame without a log, and against --history over
# the same log.
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'; }
first5() { # first5 TEXT ARG...
	_text=$1
	shift
	for _i in 1 2 3 4 5; do "$BENCHTOOL" first 80 24 "$_text" "$RECOUP" "$@"; done | median
}
mkdir -p "$T/sched"
cp "$T"/many/*.yaml "$T/sched/"
for id in post-run-calf-care alfredson-heel-drops; do
	# twice daily (the shipped files ask for nothing: a user who follows
	# one adds the line, as these copies do)
	awk '{ print } /^name:/ && !done { print "schedule: twice daily"; done = 1 }' \
		"$top_srcdir/routines/$id.yaml" > "$T/sched/$id.yaml"
	rm -f "$T"/sched/r[0-9]*-"$id".yaml
done
first_nolog=$(first5 "pick a routine" --no-log --routine-dir "$T/sched")
first_log=$(first5 "pick a routine" --log "$T/big.log" --routine-dir "$T/sched")
marks_in=$(first5 "never" --log "$T/big.log" --routine-dir "$T/sched")
# --due and --export over the same log, against --history's time: each
# skipped where this build has not the option
has_option() { "$RECOUP" --help 2>&1 | grep -q -- "$1"; }
due_ms=- export_ms=-
if has_option --due; then
	set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --routine-dir "$T/sched" --due)
	due_ms=$1
fi
if has_option --export; then
	set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --export csv)
	export_ms=$1
fi

# the loader on a routine of almost 1 MiB (10,000 steps)
awk 'BEGIN {
	print "name: Bench big routine"; print "steps:"
	for (i = 0; i < 10000; i++) {
		printf "  - type: timer\n    name: Step %05d of the big one\n", i
		printf "    duration: 30s\n    cue: hold and breathe out\n"
	}
}' > "$T/big.yaml"
set -- $("$BENCHTOOL" time 5 "$RECOUP" --check "$T/big.yaml")
load_ms=$1 load_rss=$2
big_kb=$(( $(wc -c < "$T/big.yaml") / 1024 ))

kb() { awk -v b="$1" 'BEGIN { if (b == "-") print "-"; else printf "%.1f KB", b / 1024 }'; }
msmin() { awk -v u="$1" 'BEGIN { if (u == "-") print "-"; else printf "%.1f ms", u / 1000 }'; }
kilo() { awk -v n="$1" 'BEGIN { if (n == "-") print "-"; else if (n < 1000) printf "%d", n; else printf "%.1f k", n / 1000 }'; }
msx() { if [ "$1" = - ]; then echo -; else echo "$1 ms"; fi; }
mb() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f MB", k / 1024 }'; }

row "what" "recoup" "target" "${peer:-peer}" "ratio"
row "CPU per minute of countdown" "$(msmin "$r_cpu")" "<= 3 ms" "$(msmin "$p_cpu")" "$(ratio "$r_cpu" "$p_cpu")"
row "  (floor: wake once a second, no work)" "$(msmin "$floor_cpu")" "" "" ""
row "instructions per second of countdown" "$(kilo "$r_ips")" "" "$(kilo "$p_ips")" "$(ratio "$r_ips" "$p_ips")"
row "  (floor)" "$(kilo "$floor_ips")" "" "" ""
row "bytes to the terminal per minute" "$(kb "$r_bytes")" "<= 4 KB" "$(kb "$p_bytes")" "$(ratio "$r_bytes" "$p_bytes")"
row "peak RSS" "$(mb "$r_rss")" "<= 4 MB" "$(mb "$p_rss")" "$(ratio "$r_rss" "$p_rss")"
row "start to first frame, 100 routines" "$first ms" "<= 20 ms" "" ""
row "countdown end vs deadline (63 s)" "$deadline_err ms" "<= 5 ms" "" ""
row "--history, 1,000,000 lines" "$hist_ms ms" "< 1000 ms" "" ""
row "  its peak RSS" "$(mb "$hist_rss")" "" "" ""
row "  250,000 lines" "$hist4_ms ms" "" "" ""
row "  its peak RSS" "$(mb "$hist4_rss")" "" "" ""
row "  worst case, 250,000 lines" "$worst4_ms ms" "" "" ""
row "  worst case, 1,000,000 lines" "$worst_ms ms" "" "" ""
row "  1,000,000 lines in 100 sessions" "$long_ms ms" "" "" ""
row "  its peak RSS" "$(mb "$long_rss")" "" "" ""
row "--plan over 1,000,000 lines" "$plan_ms ms" "< 1000 ms" "" ""
row "picker, 100 routines, 1,000,000 lines" "" "" "" ""
row "  first frame (against no log)" "$first_log ms" "< 20 ms" "$first_nolog ms" "$(ratio "$first_log" "$first_nolog")"
row "  marks filled in (against --history)" "$marks_in ms" "" "$hist_ms ms" "$(ratio "$marks_in" "$hist_ms")"
row "--due, 1,000,000 lines (--history)" "$(msx "$due_ms")" "" "$hist_ms ms" "$(ratio "$due_ms" "$hist_ms")"
row "--export csv, same (--history)" "$(msx "$export_ms")" "" "$hist_ms ms" "$(ratio "$export_ms" "$hist_ms")"
row "loader, ${big_kb} KiB routine" "$load_ms ms" "" "" ""
echo
echo "commands:"
echo "  benchtool pty $secs 80 24 recoup --no-log countdown.yaml   (2 h timer; bytes, CPU from /proc/PID/schedstat, VmHWM)"
[ -n "$peer" ] && echo "  benchtool pty $secs 80 24 tty-clock -s"
echo "  benchtool pty $secs 80 24 benchtool tick   (the floor: poll 1 s, write 2 bytes)"
echo "  benchtool pty 10|30 80 24 valgrind --tool=callgrind CMD   ((instructions at 30 s - at 10 s) / 20)"
echo "  recoup --plain --log deadline.log deadline.yaml   (end stamp - start stamp - 63 s)"
echo "  benchtool first 80 24 'pick a routine' recoup --no-log --routine-dir DIR   (100 routines)"
echo "  benchtool time 5 recoup --log big.log --history   (tests/gen_log.sh 1000000; median of 5, peak RSS)"
echo "  benchtool time 3 recoup --log worst.log --history   (tests/gen_log.sh 1000000 worst: 200,000 distinct names, newest first; median of 3)"
echo "  benchtool time 3 recoup --log long.log --history   (tests/gen_log.sh 1000000 long: 100 sessions; median of 3, peak RSS)"
echo "  benchtool time 5 recoup --log big.log --plan routines/post-run-calf-care.yaml   (median of 5)"
echo "  benchtool first 80 24 'pick a routine' recoup --log big.log --routine-dir DIR   (the same 100, two of them the log's, twice daily; median of 5; again with --no-log)"
echo "  benchtool first 80 24 never recoup --log big.log --routine-dir DIR   (until the marks are filled in: \"...\" gives way to the dates; median of 5)"
echo "  benchtool time 5 recoup --log big.log --routine-dir DIR --due   (median of 5; - where the build has no --due)"
echo "  benchtool time 5 recoup --log big.log --export csv   (median of 5; - where the build has no --export)"
echo "  benchtool time 5 recoup --check big.yaml   (10,000 steps; median of 5, peak RSS $(mb "$load_rss"))"
