#!/bin/sh
# bench.sh: `make bench`, the figures of PRODUCT.md section 6 and of issue
# 14, with the commands that produce them.  Not a test: it prints numbers,
# each beside its target and, for the countdown, beside tty-clock's and the
# floor's measured in the same run (ratios, never a time taken elsewhere).
#   BENCH_SETTLE   seconds a countdown runs before it is watched (10)
#   BENCH_WINDOW   seconds it is watched (75; at least 70 for the figures
#                  of the issue, which need the once-a-minute digit change)
#   BENCH_CALLGRIND=0  skips the callgrind runs
# Where a figure could not be had, it prints "-" and a line says why.
set -u
: "${RECOUP:=$top_builddir/src/recoup}"
: "${BENCHTOOL:=$top_builddir/tests/benchtool}"
settle=${BENCH_SETTLE:-10}
window=${BENCH_WINDOW:-75}
T=$(mktemp -d "${TMPDIR:-/tmp}/recoup-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_STATE_HOME="$T/home/.local/state"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
mkdir -p "$HOME"
notes="$T/notes"
: > "$notes"
note() { echo "$*" >> "$notes"; }

# The step lengths users run: the shipped routines have 45 to 100 s parts;
# a routine of back-to-back timer steps of each length (each step after a
# 3 s lead-in, as recoup runs them), long enough to outlast the watch.
lengths="60 100 600 7200"
label() { case $1 in 60) echo "60 s";; 100) echo "100 s";; 600) echo "10 min";; 7200) echo "2 h";; esac; }
for len in $lengths; do
	n=$(( (settle + window + 10) / (len + 3) + 2 ))
	{
		echo "name: Bench $(label "$len") steps"
		echo "steps:"
		i=1
		while [ $i -le $n ]; do
			printf '  - type: timer\n    name: Part %d\n    duration: %ds\n' $i "$len"
			i=$((i + 1))
		done
	} > "$T/steps$len.yaml"
done
cat > "$T/deadline.yaml" <<'EOF'
name: Bench deadline
steps:
  - type: timer
    name: One minute
    duration: 60s
EOF

peer=
if command -v tty-clock > /dev/null 2>&1; then
	peer="tty-clock -s"
else
	note "tty-clock is not installed: its column and the ratios to it read \"-\" (apt-get install tty-clock)"
fi
cg=1
if [ "${BENCH_CALLGRIND:-1}" = 0 ]; then
	cg=0
	note "instructions: \"-\", BENCH_CALLGRIND=0 skipped the callgrind runs"
elif ! command -v valgrind > /dev/null 2>&1 || ! command -v callgrind_control > /dev/null 2>&1; then
	cg=0
	note "instructions: \"-\", valgrind (callgrind, callgrind_control) is not installed (apt-get install valgrind)"
fi

echo "recoup benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr)"
echo "each countdown is watched for $window s after $settle s of running, on a pseudo-terminal: with"
echo "60 s steps the window holds a step change (and the next step's lead-in), with the others none"
echo

# Side by side, 1: the callgrind runs, whose instruction counts load does
# not change (each one's window is timed by its own dumps)
if [ $cg = 1 ]; then
	for len in $lengths; do
		"$BENCHTOOL" pty -c "$T/cg.$len" "$settle" "$window" 80 24 \
			"$RECOUP" --no-log "$T/steps$len.yaml" > "$T/cgres.$len" 2> /dev/null &
	done
	"$BENCHTOOL" pty -c "$T/cg.floor" "$settle" "$window" 80 24 "$BENCHTOOL" tick > "$T/cgres.floor" 2> /dev/null &
	[ -n "$peer" ] && "$BENCHTOOL" pty -c "$T/cg.peer" "$settle" "$window" 80 24 tty-clock -s > "$T/cgres.peer" 2> /dev/null &
fi
wait

# Side by side, 2: the same countdowns natively, for bytes, CPU and how
# late each update is (all idle but for one wake a second), with the
# floor and tty-clock, the 100 s step at two more sizes, and the end of a
# one-minute timer against its deadline.  Each starts 0.11 s after the one
# before: a countdown wakes on the second of its own start, so they wake
# in turn, not all at once on 2 cores, which would make them late.
for len in $lengths; do
	"$BENCHTOOL" pty "$settle" "$window" 80 24 "$RECOUP" --no-log "$T/steps$len.yaml" > "$T/res.$len" 2> /dev/null &
	sleep 0.11
done
for size in 120x40 200x60; do
	"$BENCHTOOL" pty "$settle" "$window" "${size%x*}" "${size#*x}" \
		"$RECOUP" --no-log "$T/steps100.yaml" > "$T/res.100.$size" 2> /dev/null &
	sleep 0.11
done
"$BENCHTOOL" pty "$settle" "$window" 80 24 "$BENCHTOOL" tick > "$T/res.floor" 2> /dev/null &
sleep 0.11
if [ -n "$peer" ]; then
	"$BENCHTOOL" pty "$settle" "$window" 80 24 tty-clock -s > "$T/res.peer" 2> /dev/null &
	sleep 0.11
fi
"$RECOUP" --plain --log "$T/deadline.log" "$T/deadline.yaml" < /dev/null > /dev/null 2>&1 &
wait

# field FILE N: the Nth figure of a benchtool line, "-" when there is none
field() { awk -v n="$2" '{ v = $n } END { print v == "" || v < 0 ? "-" : v }' "$1" 2> /dev/null || echo -; }

# The area the big countdown figure takes at each size: the last block of
# rows with full blocks above the bars, read off the screen in tmux
area() { # area COLS ROWS: "ROWSxCOLS AREA"
	if ! command -v tmux > /dev/null 2>&1; then
		echo "- -"
		return
	fi
	tmux -L "rb$$" -f /dev/null new-session -d -s "a$1" -x "$1" -y "$2" \
		"$RECOUP --no-log '$T/steps100.yaml'" 2> /dev/null
	sleep 6
	tmux -L "rb$$" capture-pane -p -t "a$1" 2> /dev/null |
		sed '/step  *[█░]/d; /session  *[█░]/d; s/█/#/g; s/[^#]/./g' | awk '
		/##/ {
			if (NR != last + 1) { top = NR; lo = 1e9; hi = 0 }
			last = NR
			s = index($0, "#"); e = length($0); while (substr($0, e, 1) != "#") e--
			if (s < lo) lo = s
			if (e > hi) hi = e
		}
		END { if (last) printf "%dx%d %d\n", last - top + 1, hi - lo + 1, (last - top + 1) * (hi - lo + 1); else print "- -" }'
	tmux -L "rb$$" kill-session -t "a$1" 2> /dev/null
}
a80=$(area 80 24)
a120=$(area 120 40)
a200=$(area 200 60)
tmux -L "rb$$" kill-server 2> /dev/null
command -v tmux > /dev/null 2>&1 || note "the digits' area: \"-\", tmux is not installed"

# start and end stamps of the one-minute timer (3 s lead-in + 60 s)
deadline_err=$(awk '
	function ms(ts) { split(substr(ts, 12, 12), a, ":"); return (a[1] * 3600 + a[2] * 60 + a[3]) * 1000 }
	$3 == "start" { s = ms($1) } $3 == "end" { e = ms($1) }
	END { if (s && e) printf "%+.0f", (e - s) - 63000; else print "-" }' "$T/deadline.log" 2> /dev/null)
[ -n "$deadline_err" ] || deadline_err=-

# Alone from here: what takes the CPU for itself.  First the logs the
# readers are timed over.
gen() { sh "$top_srcdir/tests/gen_log.sh" "$@"; }
gen 100000 > "$T/l100k.log"
gen 1000000 > "$T/big.log"
gen 250000 > "$T/big4.log"
gen 250000 worst > "$T/worst4.log"
gen 1000000 worst > "$T/worst.log"
gen 1000000 long > "$T/long.log"

# 100 routines on the path, two of them the log's own (by file name) and
# due twice daily (the shipped files ask for nothing: a user who follows
# one adds the line, as these copies do)
mkdir -p "$T/sched"
i=0
while [ $i -lt 100 ]; do
	for f in "$top_srcdir"/routines/*.yaml; do
		[ $i -lt 100 ] || break
		cp "$f" "$T/sched/r$i-$(basename "$f")"
		i=$((i + 1))
	done
done
for id in post-run-calf-care alfredson-heel-drops; do
	awk '{ print } /^name:/ && !done { print "schedule: twice daily"; done = 1 }' \
		"$top_srcdir/routines/$id.yaml" > "$T/sched/$id.yaml"
	rm -f "$T"/sched/r[0-9]*-"$id".yaml
done

# --history over 1,000,000 lines (some 25 years of two sessions a day,
# pain ratings and morning check-ins), and its peak RSS: memory grows
# with sessions, not lines
set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --history) - -
hist_ms=$1 hist_rss=$2
# and at a quarter of the size, and the worst case at both sizes: each
# pair about four times apart when the model stays linear
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/big4.log" --history) - -
hist4_ms=$1 hist4_rss=$2
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/worst4.log" --history) - -
worst4_ms=$1
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/worst.log" --history) - -
worst_ms=$1
# the same number of lines in 100 sessions: memory is per session
set -- $("$BENCHTOOL" time 3 "$RECOUP" --log "$T/long.log" --history) - -
long_ms=$1 long_rss=$2
rm -f "$T/worst.log" "$T/worst4.log" "$T/big4.log" "$T/long.log"
# progression for a session start: today's targets of one routine from
# the same log (--plan reads the log as a start does, and prints the plan)
set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --plan "$top_srcdir/routines/post-run-calf-care.yaml") - -
plan_ms=$1

# The first frame of the picker, with no log and over 100,000 and
# 1,000,000 lines: it must not wait for the log (the log is read after it,
# on a thread: each row's date reads "..." meanwhile); and the marks (last
# dates, due, streaks) filled in when it has been read: the time to the
# first "never" on the screen, the date of a copy the log does not know,
# which stands for "..." only then.  Each the median of 5 starts.
failed=0
med5() { # med5 CMD...: the median of 5 runs of a command printing ms, "-" if one failed
	for _i in 1 2 3 4 5; do "$@"; done | sort -n | awk '
		$1 < 0 { bad = 1 } { v[NR] = $1 }
		END { if (bad || NR != 5) print "-"; else print v[3] }'
}
first() { # first TEXT ARG...
	_text=$1
	shift
	"$BENCHTOOL" first 80 24 "$_text" "$RECOUP" "$@"
}
pick_nolog=$(med5 first "pick a routine" --no-log --routine-dir "$T/sched")
pick_100k=$(med5 first "pick a routine" --log "$T/l100k.log" --routine-dir "$T/sched")
pick_1m=$(med5 first "pick a routine" --log "$T/big.log" --routine-dir "$T/sched")
marks_in=$(med5 first "never" --log "$T/big.log" --routine-dir "$T/sched")

# The start of a routine with `progress: true` (the shipped post-run calf
# care: its bent-knee soleus drive progresses, and the generated log has
# sessions of it): from exec to the session screen's first frame ("step 1
# of", which only the session screen shows).  A start appends to the log:
# each run has a fresh copy.
routine="$top_srcdir/routines/post-run-calf-care.yaml"
grep -q 'progress: true' "$routine" || note "the routine start: $routine has no 'progress: true' step"
start_run() { # start_run LOG|-
	if [ "$1" = - ]; then
		first "step 1 of" --no-log "$routine"
	else
		cp "$1" "$T/start.log"
		first "step 1 of" --log "$T/start.log" "$routine"
	fi
}
start_nolog=$(med5 start_run -)
start_100k=$(med5 start_run "$T/l100k.log")
start_1m=$(med5 start_run "$T/big.log")
rm -f "$T/start.log"

# --due and --export over the same log, against --history's time: each
# skipped where this build has not the option
has_option() { "$RECOUP" --help 2>&1 | grep -q -- "$1"; }
due_ms=- export_ms=-
if has_option --due; then
	set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --routine-dir "$T/sched" --due) - -
	due_ms=$1
fi
if has_option --export; then
	set -- $("$BENCHTOOL" time 5 "$RECOUP" --log "$T/big.log" --export csv) - -
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
set -- $("$BENCHTOOL" time 5 "$RECOUP" --check "$T/big.yaml") - -
load_ms=$1 load_rss=$2
big_kb=$(( $(wc -c < "$T/big.yaml") / 1024 ))

# formatting: "-" stays "-"
kb() { awk -v b="$1" 'BEGIN { if (b == "-") print "-"; else printf "%.2f KB", b / 1024 }'; }
msmin() { awk -v u="$1" 'BEGIN { if (u == "-") print "-"; else printf "%.2f ms", u / 1000 }'; }
kilo() { awk -v n="$1" 'BEGIN { if (n == "-") print "-"; else if (n < 1000) printf "%d", n; else printf "%.1f k", n / 1000 }'; }
msx() { if [ "$1" = - ]; then echo -; else echo "$1 ms"; fi; }
mb() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f MB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" -v raw="${3:-}" 'BEGIN {
	if (a == "-" || b == "-" || b <= 0) { print "-"; exit }
	r = a / b
	if (raw) printf "%.9f", r
	else if (r < 10) printf "%.3f", r; else if (r < 1000) printf "%.1f", r; else printf "%.0f", r }'; }
# met VALUE OP LIMIT: yes, NO, or - when the value is not known
met() { awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
	if (v == "-" || l == "-") { print "-"; exit }
	ok = op == "<=" ? v + 0 <= l + 0 : v + 0 < l + 0
	print ok ? "yes" : "NO" }'; }

crow() { printf '%-36s %10s %12s %12s %7s %8s %7s %4s\n' "$@"; }
pname=${peer:-tty-clock}
echo "the countdown, 80x24 (ratios are recoup / $pname and recoup / the floor: a process that"
echo "wakes once a second and writes 2 bytes; met: the target is met)"
crow "what" "recoup" "target" "$pname" "ratio" "floor" "ratio" "met"
p_ips=$(field "$T/cgres.peer" 8) f_ips=$(field "$T/cgres.floor" 8)
p_bytes=$(field "$T/res.peer" 1) f_bytes=$(field "$T/res.floor" 1)
p_cpu=$(field "$T/res.peer" 2) f_cpu=$(field "$T/res.floor" 2)
[ -n "$peer" ] || p_ips=- p_bytes=- p_cpu=-
for len in $lengths; do
	r_ips=$(field "$T/cgres.$len" 8)
	r_bytes=$(field "$T/res.$len" 1)
	r_cpu=$(field "$T/res.$len" 2)
	late_med=$(field "$T/res.$len" 5)
	late_worst=$(field "$T/res.$len" 6)
	crow "$(label "$len") steps: instructions/s" "$(kilo "$r_ips")" "<= 1/30 tc" "$(kilo "$p_ips")" "$(ratio "$r_ips" "$p_ips")" \
		"$(kilo "$f_ips")" "$(ratio "$r_ips" "$f_ips")" "$(met "$(ratio "$r_ips" "$p_ips" raw)" "<=" "$(ratio 1 30 raw)")"
	crow "  bytes a minute" "$(kb "$r_bytes")" "<= 3.6 KB" "$(kb "$p_bytes")" "$(ratio "$r_bytes" "$p_bytes")" \
		"$(kb "$f_bytes")" "$(ratio "$r_bytes" "$f_bytes")" "$(met "$r_bytes" "<=" 3686.4)"
	crow "  CPU a minute" "$(msmin "$r_cpu")" "<= 1.3 floor" "$(msmin "$p_cpu")" "$(ratio "$r_cpu" "$p_cpu")" \
		"$(msmin "$f_cpu")" "$(ratio "$r_cpu" "$f_cpu")" "$(met "$(ratio "$r_cpu" "$f_cpu" raw)" "<=" 1.3)"
	crow "  update late, median" "$(msx "$late_med")" "" "" "" "" "" ""
	crow "  update late, worst" "$(msx "$late_worst")" "<= 1 ms" "" "" "" "" "$(met "$late_worst" "<=" 1)"
done
echo

srow() { printf '%-36s %10s %12s %12s %10s %4s\n' "$@"; }
echo "100 s steps by terminal size: bytes grow no faster than the big digits' area"
srow "size" "bytes/min" "vs 80x24" "digits" "area vs" "met"
set -- $a80 - -
d80=$1 ar80=$2
b80=$(field "$T/res.100" 1)
srow "  80x24" "$(kb "$b80")" "1" "$d80" "1" ""
for size in 120x40 200x60; do
	case $size in 120x40) set -- $a120 - - ;; *) set -- $a200 - - ;; esac
	b=$(field "$T/res.100.$size" 1)
	srow "  $size" "$(kb "$b")" "$(ratio "$b" "$b80")" "$1" "$(ratio "$2" "$ar80")" \
		"$(met "$(ratio "$b" "$b80" raw)" "<=" "$(ratio "$2" "$ar80" raw)")"
done
echo

row() { printf '%-36s %10s %12s %12s %7s %4s\n' "$@"; }
echo "the rest (ratios against the figure in the 'against' column)"
row "what" "recoup" "target" "against" "ratio" "met"
r_rss=$(field "$T/res.100" 3) p_rss=$(field "$T/res.peer" 3)
[ -n "$peer" ] || p_rss=-
row "peak RSS, 100 s steps (tty-clock)" "$(mb "$r_rss")" "<= 4 MB" "$(mb "$p_rss")" "$(ratio "$r_rss" "$p_rss")" "$(met "$r_rss" "<=" 4096)"
deadline_abs=$(echo "$deadline_err" | sed 's/^[+-]\([0-9]\)/\1/')
row "countdown end vs deadline (63 s)" "$(msx "$deadline_err")" "<= 5 ms" "" "" "$(met "$deadline_abs" "<=" 5)"
row "picker's first frame, 100 routines" "" "" "" "" ""
row "  no log" "$(msx "$pick_nolog")" "" "" "" ""
row "  100,000 lines (no log)" "$(msx "$pick_100k")" "" "$(msx "$pick_nolog")" "$(ratio "$pick_100k" "$pick_nolog")" ""
row "  1,000,000 lines (no log)" "$(msx "$pick_1m")" "<= 20 ms" "$(msx "$pick_nolog")" "$(ratio "$pick_1m" "$pick_nolog")" "$(met "$pick_1m" "<=" 20)"
row "  marks filled in (--history)" "$(msx "$marks_in")" "" "$(msx "$hist_ms")" "$(ratio "$marks_in" "$hist_ms")" ""
row "routine start, progress: true" "" "" "" "" ""
row "  no log" "$(msx "$start_nolog")" "" "" "" ""
row "  100,000 lines (no log)" "$(msx "$start_100k")" "" "$(msx "$start_nolog")" "$(ratio "$start_100k" "$start_nolog")" ""
row "  1,000,000 lines (no log)" "$(msx "$start_1m")" "" "$(msx "$start_nolog")" "$(ratio "$start_1m" "$start_nolog")" ""
row "--history, 1,000,000 lines" "$(msx "$hist_ms")" "< 1000 ms" "" "" "$(met "$hist_ms" "<" 1000)"
row "  its peak RSS" "$(mb "$hist_rss")" "" "" "" ""
row "  250,000 lines" "$(msx "$hist4_ms")" "" "" "" ""
row "  its peak RSS" "$(mb "$hist4_rss")" "" "" "" ""
row "  worst case, 250,000 lines" "$(msx "$worst4_ms")" "" "" "" ""
row "  worst case, 1,000,000 lines" "$(msx "$worst_ms")" "" "" "" ""
row "  1,000,000 lines in 100 sessions" "$(msx "$long_ms")" "" "" "" ""
row "  its peak RSS" "$(mb "$long_rss")" "" "" "" ""
row "--plan over 1,000,000 lines" "$(msx "$plan_ms")" "< 1000 ms" "" "" "$(met "$plan_ms" "<" 1000)"
row "--due, 1,000,000 lines (--history)" "$(msx "$due_ms")" "" "$(msx "$hist_ms")" "$(ratio "$due_ms" "$hist_ms")" ""
row "--export csv, same (--history)" "$(msx "$export_ms")" "" "$(msx "$hist_ms")" "$(ratio "$export_ms" "$hist_ms")" ""
row "loader, ${big_kb} KiB routine" "$(msx "$load_ms")" "" "" "" ""

# why a figure reads "-"
[ "$(field "$T/cgres.100" 8)" = - ] && [ $cg = 1 ] &&
	note "instructions: \"-\" where callgrind_control could not dump the run (vgdb needs ptrace)"
for v in "$pick_nolog" "$pick_100k" "$pick_1m" "$marks_in" "$start_nolog" "$start_100k" "$start_1m"; do
	if [ "$v" = - ]; then
		note "a first frame: \"-\" where its text did not appear within 5 s in one of the 5 runs"
		break
	fi
done
[ "$deadline_err" = - ] && note "countdown end: \"-\", the one-minute timer's log has no start or no end"
for f in "$T"/res.*; do
	if [ "$(field "$f" 1)" = - ]; then
		note "a countdown: \"-\" where benchtool pty could not run it"
		break
	fi
done
if [ -s "$notes" ]; then
	echo
	sort -u "$notes"
fi

echo
echo "side by side (what load does not change, or mostly idle): the callgrind runs together;"
echo "then the native countdowns, the floor, tty-clock and the one-minute timer together,"
echo "started 0.11 s apart so that each wakes at its own moment of the second.  Alone: the"
echo "digits' area, the logs' generation and everything from --history on."
echo
echo "commands:"
echo "  STEPS: a routine of back-to-back timer steps of 60 s, 100 s, 10 min or 2 h (each after its 3 s lead-in)"
echo "  benchtool pty -c cg.out $settle $window 80 24 recoup --no-log STEPS   (valgrind --tool=callgrind;"
echo "      callgrind_control -d at $settle s and at $((settle + window)) s: the second dump's instructions / the time between)"
echo "  benchtool pty -c cg.out $settle $window 80 24 tty-clock -s   (the same; and benchtool tick, the floor)"
echo "  benchtool pty $settle $window 80 24 recoup --no-log STEPS   (bytes; CPU from /proc/PID/schedstat; VmHWM)"
echo "  benchtool pty $settle $window 120 40|200 60 recoup --no-log STEPS   (100 s steps; the digits' area:"
echo "      rows x columns of the big countdown 6 s in, read off the screen with tmux capture-pane)"
echo "  benchtool pty $settle $window 80 24 tty-clock -s   (the same; and benchtool tick: poll 1 s, write 2 bytes)"
echo "  update late: benchtool stamps the first byte of each burst (output after >= 300 ms of quiet) on"
echo "      CLOCK_BOOTTIME, the engine's clock; burst k (distance from the first, rounded to seconds)"
echo "      gives a_k = t_k - 1000 k; recoup's grid point is floor(min a_k); late_k = a_k - that"
echo "      (exact while one update landed within 1 ms; includes the pty and benchtool's own wake)"
echo "  recoup --plain --log deadline.log deadline.yaml   (end stamp - start stamp - 63 s)"
echo "  benchtool first 80 24 'pick a routine' recoup --no-log|--log LOG --routine-dir DIR   (100 routines,"
echo "      two of them the log's, twice daily; LOG: tests/gen_log.sh 100000|1000000; median of 5)"
echo "  benchtool first 80 24 never recoup --log big.log --routine-dir DIR   (until the marks are filled in; median of 5)"
echo "  benchtool first 80 24 'step 1 of' recoup --no-log|--log COPY routines/post-run-calf-care.yaml"
echo "      (its progress: true step reads the log; a fresh copy of LOG each run; median of 5)"
echo "  benchtool time 5 recoup --log big.log --history   (tests/gen_log.sh 1000000; median of 5, peak RSS)"
echo "  benchtool time 3 recoup --log worst.log --history   (tests/gen_log.sh 1000000 worst: 200,000 distinct names, newest first; median of 3)"
echo "  benchtool time 3 recoup --log long.log --history   (tests/gen_log.sh 1000000 long: 100 sessions; median of 3, peak RSS)"
echo "  benchtool time 5 recoup --log big.log --plan routines/post-run-calf-care.yaml   (median of 5)"
echo "  benchtool time 5 recoup --log big.log --routine-dir DIR --due   (median of 5; - where the build has no --due)"
echo "  benchtool time 5 recoup --log big.log --export csv   (median of 5; - where the build has no --export)"
echo "  benchtool time 5 recoup --check big.yaml   (10,000 steps; median of 5, peak RSS $(mb "$load_rss"))"
