#!/bin/sh
# tests/faults.sh: faults under --plain sessions that the other scripts do
# not cover.  SIGKILL at random moments (the log holds every event up to
# the kill, each line whole); fatal signals while paused and at a prompt; a
# full file system (a small tmpfs, when this sandbox lets us mount one) and
# a log directory that goes away and comes back mid-session (nothing lost);
# the routine file edited or deleted under its session; and hostile
# routines and configs refused fast and in little memory.
#
# The random delays come from RECOUP_TEST_SEED (printed; set it to replay).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

# a whole line of the log: timestamp, 6-hex session id, event word, then
# key=value fields, a value bare or double-quoted with backslash escapes
export WHOLE_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2} [0-9a-f]{6} [a-z]+( [A-Za-z_]+=([^ "]+|"([^"\\]|\\.)*"))*$'
trap 'exit 1' HUP INT TERM

# not_whole FILE: the lines that are not whole log lines
not_whole() { grep -Ev -- "$WHOLE_RE" "$1"; }
# shape FILE: each line without what differs from run to run (the
# timestamp, the session id and measured times): the event and its names
shape() {
	sed -E -e 's/^[^ ]+ [^ ]+ //' -e 's/ (elapsed|paused|gap)=[^ ]*//g' "$1"
}
# ends_with_newline FILE: empty, or its last byte is a newline
ends_with_newline() { [ ! -s "$1" ] || [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]; }
# whole_and_retried FILE [alone]: every line is whole, or a fragment a full
# disk left, ended with " " and followed at once by the whole line it began
# (with `alone`: by any whole line, the retry having gone elsewhere)
whole_and_retried() {
	torn=0
	for l in $(grep -Evn -- "$WHOLE_RE" "$1" | cut -d: -f1); do
		frag=$(sed -n "${l}p" "$1")
		next=$(sed -n "$((l + 1))p" "$1")
		case $frag in
		*' ')
			frag=${frag% }
			torn=$((torn + 1))
			;;
		*)
			echo "line $l: not whole: $frag"
			continue
			;;
		esac
		if [ -z "$next" ] || ! printf '%s\n' "$next" | grep -Eq -- "$WHOLE_RE"; then
			echo "line $l: a fragment not followed by a whole line"
		elif [ "${2:-}" != alone ] && [ "${next#"$frag"}" = "$next" ]; then
			echo "line $((l + 1)): not the retry of the fragment before it"
		fi
	done
	[ "$torn" -eq 0 ] || echo "# $torn torn line(s), each retried"
}

# ---- SIGKILL at random moments ----------------------------------------------
# busy.yaml at --speed 600: 28 events in about 0.9 s.  Each run is killed
# after a random delay; its log must be whole lines forming a prefix of an
# uninterrupted run's, and hold every step stdout announced before the kill.
B="$F/busy.yaml"
"$RECOUP" --plain --speed 600 --log "$T/ref.log" "$B" </dev/null >"$T/ref.out" 2>&1
is "$?" 0 "reference run: exit 0"
shape "$T/ref.log" >"$T/ref.shape"
like "$(events "$T/ref.log")" '^start step ice .* end$' "reference run: start to end"

seed=${RECOUP_TEST_SEED:-$(date +%s)}
echo "# random delays from RECOUP_TEST_SEED=$seed"
delays=$(awk -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < 10; i++) printf "%.3f ", rand() * 1.0 }')
k=0
midway=0
for d in $delays; do
	k=$((k + 1))
	log="$T/kill$k.log"
	start_from /dev/null "kill$k" --plain --speed 600 --log "$log" "$B"
	sleep "$d"
	kill -s KILL "$pid" 2>/dev/null
	finish
	[ -f "$log" ] || : >"$log"
	lines=$(wc -l <"$log" | tr -d ' ')
	echo "# kill $k after $d s: exit $rc, $lines of $(wc -l <"$T/ref.log" | tr -d ' ') lines logged"
	[ "$rc" -eq 137 ] && [ "$lines" -lt 28 ] && midway=$((midway + 1))
	ok "$(case $rc in 0 | 137) echo 0 ;; *) echo 1 ;; esac)" "kill $k after $d s: killed (or done before)"
	is "$(not_whole "$log")" "" "kill $k: every line in the log is whole"
	ok "$(ends_with_newline "$log"; echo $?)" "kill $k: the log ends with a newline"
	shape "$log" >"$T/kill.shape"
	is "$(cat "$T/kill.shape")" "$(head -n "$lines" "$T/ref.shape")" \
		"kill $k: the events are a prefix of an uninterrupted run's"
	step=$(grep -o 'Step [0-9]* of 4' "$T/kill$k.out" | tail -n 1 | cut -d' ' -f2)
	ice_cued=$(grep -c 'ICE OFF' "$T/kill$k.out")
	ice_logged=$(grep -c ' ice n=1 ' "$log")
	ok "$({ [ -z "$step" ] || grep -q " step n=$step type=" "$log"; } &&
		[ "$ice_logged" -ge "$ice_cued" ]; echo $?)" \
		"kill $k: what stdout showed is in the log (step ${step:-none}, $ice_cued ice rounds over, $ice_logged logged)"
done
echo "# $midway of 10 runs were killed mid-session"

# ---- fatal signals while paused and at a prompt ----------------------------
# (plain.sh sends each during a running timer)
for sig in TERM:143 INT:130 HUP:129 QUIT:131; do
	sg=${sig%:*}
	want=${sig#*:}
	log="$T/paused-$sg.log"
	start "paused$sg" --plain --speed 10 --log "$log" "$F/long.yaml"
	wait_for "] Wait, 4:00:00"
	send p
	wait_for "] Paused"
	kill -s "$sg" "$pid"
	finish
	is "$rc" "$want" "SIG$sg while paused: exit $want"
	# (paused within a millisecond of the timer's start, nothing to skip)
	like "$(events "$log")" '^start step ice done step pause resume (skip )?end$' \
		"SIG$sg while paused: the pause closed, the timer cut short, the end"
	like "$(tail -n 1 "$log")" " end status=aborted elapsed=[0-9.]+ signal=$sg\$" \
		"SIG$sg while paused: end status=aborted signal=$sg"
	is "$(not_whole "$log")" "" "SIG$sg while paused: every line whole"
	like "$(cat "$T/paused$sg.out")" '\] Session aborted$' "SIG$sg while paused: stdout says aborted"
	is "$(cat "$T/paused$sg.err")" "" "SIG$sg while paused: nothing on stderr"

	log="$T/prompt-$sg.log"
	start "prompt$sg" --plain --speed 10 --log "$log" "$F/rate-first.yaml"
	wait_for "Pain: rate 0 to 10"
	kill -s "$sg" "$pid"
	finish
	is "$rc" "$want" "SIG$sg at a prompt: exit $want"
	is "$(events "$log")" "start step end" "SIG$sg at a prompt: nothing rated, the end"
	like "$(tail -n 1 "$log")" " end status=aborted elapsed=[0-9.]+ signal=$sg\$" \
		"SIG$sg at a prompt: end status=aborted signal=$sg"
	is "$(cat "$T/prompt$sg.err")" "" "SIG$sg at a prompt: nothing on stderr"
done

# ---- a full file system -----------------------------------------------------
# A 64 KiB tmpfs: the log holds PAGE - ROOM bytes of an earlier session's
# lines, a filler takes every page left, so the log fills ROOM bytes into
# the session (a line cut where the page ends).
cat >"$T/fill.yaml" <<'EOF'
name: Fill
steps:
  - {type: ice, name: Ice, duration: 30s, rounds: 3, off: 10s}
  - {type: note, name: Wait}
  - {type: timer, name: Hold, duration: 10s}
  - {type: rate, name: After}
EOF
# pad FILE BYTES: an earlier session's lines, BYTES in all (100 or more)
pad() {
	awk -v want="$2" 'BEGIN {
		head = "2026-01-01T00:00:00.000+00:00 0a0b0c warn n=1 msg="
		while (want > 0) {
			len = want - 100 >= 100 ? 100 : want
			x = ""
			while (length(head) + length(x) + 1 < len) x = x "x"
			print head x
			want -= len
		}
	}' >"$1"
}
# fill_up DIR: every free page of the file system taken
fill_up() { dd if=/dev/zero of="$1/filler" bs=1024 2>/dev/null; sync; }
# drive_fill NAME LOG [HOOK]: run fill.yaml, answering its prompts; HOOK
# is run at the note, before going on
drive_fill() {
	start "$1" --plain --speed 600 --log "$2" "$T/fill.yaml"
	wait_for "Press Enter to go on"
	[ -n "${3:-}" ] && $3
	send ""
	wait_for "After: rate 0 to 10"
	send 4
	wait_for "Routine complete"
	finish
}
drive_fill fillref "$T/fillref.log"
shape "$T/fillref.log" >"$T/fillref.shape"
is "$(events "$T/fillref.log")" "start step ice ice ice done step done step done step rate done end" \
	"fill.yaml on a roomy disk: every event"

fs="$T/fs"
mkdir "$fs"
if mount -t tmpfs -o size=64k,mode=0700 tmpfs "$fs" 2>"$T/mount.err"; then
	trap 'umount "$fs" 2>/dev/null; rm -rf "$T"' EXIT
	PAGE=$(getconf PAGESIZE 2>/dev/null || echo 4096)
	log="$fs/sessions.log"

	# full until the end: the lines that did not fit are on stderr at exit
	pad "$log" $((PAGE - 1500))
	npad=$(wc -l <"$log" | tr -d ' ')
	fill_up "$fs"
	start_from /dev/null full --plain --speed 600 --log "$log" "$B"
	finish
	is "$rc" 1 "disk full mid-session: the session completes, exit 1 (lines on stderr)"
	like "$(cat "$T/full.out")" "^Warning: the log $log cannot be written \\(No space left on device\\); lines are kept and retried\$" \
		"disk full: stdout says the log cannot be written"
	like "$(cat "$T/full.out")" '\] Routine complete\. Well done$' "disk full: the session runs to its end"
	is "$(grep -c '^Logged to' "$T/full.out")" 0 "disk full: no 'Logged to'"
	held=$(sed -n 's/^recoup: could not write \([0-9]*\) lines to .* (No space left on device); here they are:$/\1/p' "$T/full.err")
	ok "$([ -n "$held" ] && [ "$held" -gt 0 ] && [ "$held" -lt 28 ]; echo $?)" \
		"disk full: stderr at exit names the log and the lines held (${held:-none} of 28)" ||
		sed 's/^/#   | /' "$T/full.err"
	sed 1d "$T/full.err" >"$T/full.held"
	is "$(wc -l <"$T/full.held" | tr -d ' ')" "${held:-x}" "disk full: then the lines themselves"
	is "$(not_whole "$T/full.held")" "" "disk full: each of them whole"
	tail -n +$((npad + 1)) "$log" >"$T/full.logged"
	if ends_with_newline "$log"; then
		frag=
	else
		frag=$(tail -n 1 "$T/full.logged")
		sed '$d' "$T/full.logged" >"$T/full.tmp" && mv "$T/full.tmp" "$T/full.logged"
		echo "# the last line written was cut after ${#frag} bytes"
	fi
	ok "$([ "$(wc -l <"$T/full.logged")" -gt 0 ]; echo $?)" "disk full: the first lines were written"
	is "$(not_whole "$T/full.logged")" "" "disk full: every line written whole (but a last one cut by the full disk)"
	ok "$([ -z "$frag" ] || [ "$(head -c ${#frag} "$T/full.held")" = "$frag" ]; echo $?)" \
		"disk full: a line cut by the full disk is on stderr whole"
	cat "$T/full.logged" "$T/full.held" >"$T/full.all"
	is "$(shape "$T/full.all")" "$(cat "$T/ref.shape")" \
		"disk full: the log and stderr together hold every event once, in order"

	# space again: the next session starts on a line of its own
	rm -f "$fs/filler"
	printf '\n' >"$T/enter.txt"
	start_from "$T/enter.txt" after --plain --speed 600 --log "$log" "$F/note-timer.yaml"
	finish
	is "$rc:$(cat "$T/after.err")" "0:" "the next session, with room again: exit 0, nothing on stderr"
	tail -n +$((npad + 1)) "$log" >"$T/after.logged"
	is "$(grep -c ' start routine="Note then timer"' "$T/after.logged")" 1 "its start line is there"
	is "$(whole_and_retried "$T/after.logged" alone | grep -v '^#')" "" \
		"every line whole, the cut one ended on its own line, not glued to the next session's"
	"$RECOUP" --history --practice --log "$log" >"$T/after.hist" 2>&1
	like "$(cat "$T/after.hist")" '^Sessions: 2,' "--history reads both sessions"

	# full, then room again mid-session: nothing lost, nothing on stderr
	rm -f "$log"
	pad "$log" $((PAGE - 300))
	npad=$(wc -l <"$log" | tr -d ' ')
	fill_up "$fs"
	at_note() {
		wait_for "Warning: the log $log cannot be written (No space left on device)"
		ok $? "disk full, then room: stdout says the log cannot be written"
		rm -f "$fs/filler"
	}
	drive_fill refill "$log" at_note
	is "$rc" 0 "disk full, then room: exit 0"
	like "$(cat "$T/refill.out")" '^The log is being written again$' "disk full, then room: stdout says the log is written again"
	like "$(grep '^Logged to' "$T/refill.out")" "^Logged to $log\$" "disk full, then room: logged"
	is "$(cat "$T/refill.err")" "" "disk full, then room: nothing on stderr at exit"
	tail -n +$((npad + 1)) "$log" >"$T/refill.logged"
	whole_and_retried "$T/refill.logged" >"$T/refill.check"
	is "$(grep -v '^#' "$T/refill.check")" "" "disk full, then room: every line whole, a cut line followed by its retry"
	grep '^#' "$T/refill.check"
	grep -E -- "$WHOLE_RE" "$T/refill.logged" >"$T/refill.whole"
	is "$(shape "$T/refill.whole")" "$(cat "$T/fillref.shape")" "disk full, then room: every event once, in order"
	umount "$fs" 2>/dev/null
	trap 'rm -rf "$T"' EXIT
else
	why=$(head -n 1 "$T/mount.err")
	for t in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do
		ok 0 "# SKIP a full disk: cannot mount a 64 KiB tmpfs here (${why:-mount refused})"
	done
fi

# ---- the log's directory gone and back mid-session --------------------------
cat >"$T/dir.yaml" <<'EOF'
name: Dir
steps:
  - {type: note, name: First}
  - {type: timer, name: Hold, duration: 10s}
  - {type: note, name: Second}
  - {type: rate, name: Last}
EOF
all_dir="start step done step done step done step rate done end"
# drive_dir NAME LOG BREAK MEND: BREAK at the first note, MEND at the second
drive_dir() {
	start "$1" --plain --speed 100 --log "$2" "$T/dir.yaml"
	wait_for "Press Enter to go on"
	$3
	send ""
	wait_for "Press Enter to go on" 2
	wait_for "Warning: the log $2 cannot be written"
	ok $? "$1: stdout says the log cannot be written"
	$4
	send ""
	wait_for "Last: rate 0 to 10"
	send 5
	wait_for "Routine complete"
	finish
	is "$rc" 0 "$1: exit 0"
	like "$(cat "$T/$1.out")" '^The log is being written again$' "$1: stdout says the log is written again"
	like "$(grep '^Logged to' "$T/$1.out")" "^Logged to $2\$" "$1: logged"
	is "$(cat "$T/$1.err")" "" "$1: nothing on stderr at exit: nothing was left unwritten"
}
# the directory replaced by a file (the reopen fails with ENOTDIR), then put back
mkdir "$T/logdir"
dir_break() { mv "$T/logdir" "$T/logdir.away" && : >"$T/logdir"; }
dir_mend() {
	like "$(cat "$T/notdir.out")" "Warning: the log $T/logdir/sessions.log cannot be written \\(Not a directory\\)" \
		"notdir: the reason is given"
	rm -f "$T/logdir" && mv "$T/logdir.away" "$T/logdir"
}
drive_dir notdir "$T/logdir/sessions.log" dir_break dir_mend
is "$(events "$T/logdir/sessions.log")" "$all_dir" "notdir: every event in the log, once, in order"
is "$(not_whole "$T/logdir/sessions.log")" "" "notdir: every line whole"
is "$(awk '{ print $2 }' "$T/logdir/sessions.log" | sort -u | wc -l | tr -d ' ')" 1 "notdir: one session"

# the log removed and its directory made read-only, then writable again
# (root writes through any mode: there the ENOTDIR case above stands for it)
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$T/rodir"
	ro_break() { mv "$T/rodir/sessions.log" "$T/ro-old.log" && chmod 0500 "$T/rodir"; }
	ro_mend() { chmod 0700 "$T/rodir"; }
	drive_dir rodir "$T/rodir/sessions.log" ro_break ro_mend
	like "$(cat "$T/rodir.out")" 'cannot be written \(Permission denied\)' "rodir: the reason is given"
	is "$(cat "$T/ro-old.log" "$T/rodir/sessions.log" | awk '{ print $3 }' | tr '\n' ' ' | sed 's/ $//')" \
		"$all_dir" "rodir: the removed log and the new one together hold every event once"
	is "$(events "$T/ro-old.log")" "start step" "rodir: the removed log ends where it was removed"
else
	for t in 1 2 3 4 5 6 7 8; do
		ok 0 "# SKIP a read-only log directory: running as root, which writes through any mode"
	done
fi

# ---- the routine file edited and deleted under its session ------------------
mkdir "$T/r"
cat >"$T/r/edit-me.yaml" <<'EOF'
name: Edit me
steps:
  - {type: note, name: First}
  - {type: timer, name: Hold, duration: 10s}
  - {type: rate, name: Last}
EOF
edited='name: Edited
steps:
  - {type: note, name: Changed, colour: red}
  - {type: timer, name: Held, duration: 0s}'
log="$T/edit.log"
start edit --plain --speed 100 --log "$log" "$T/r/edit-me.yaml"
wait_for "Press Enter to go on"
printf '%s\n' "$edited" >"$T/r/edit-me.yaml"
send ""
wait_for "Last: rate 0 to 10"
ok $? "edited mid-session: the session goes on with the routine as it was"
(cd "$T/r" && "$RECOUP" --check edit-me.yaml) >"$T/check.out" 2>"$T/check.err"
is "$?" 1 "--check of the edited file meanwhile: exit 1"
like "$(sed -n 1p "$T/check.err")" '^recoup: edit-me\.yaml:3:[0-9]+: unknown key `colour`' \
	"--check of the edited file: the unknown key, with its place"
like "$(sed -n 2p "$T/check.err")" '^recoup: edit-me\.yaml:4:[0-9]+: .*0s' "--check of the edited file: the bad duration, with its place"
is "$(wc -l <"$T/check.err" | tr -d ' ')" 2 "--check of the edited file: those two errors"
rm -f "$T/r/edit-me.yaml"
send 6
wait_for "Routine complete"
finish
is "$rc" 0 "edited, then deleted mid-session: exit 0"
is "$(cat "$T/edit.err")" "" "nothing on stderr"
is "$(events "$log")" "start step done step done step rate done end" "every event"
like "$(sed -n 1p "$log")" ' start routine="Edit me" id=edit-me file=[^ ]*/edit-me\.yaml ' "the start line names the routine as it was"
is "$(grep -o ' name=[A-Za-z]*' "$log" | sort -u | tr -d '\n')" " name=First name=Hold name=Last" \
	"the steps' names as they were, none of the edited ones"
ok "$(! grep -Eq 'Changed|Held|Edited' "$T/edit.out"; echo $?)" "stdout never shows the edited routine"

# by name from a routine directory that is removed whole
mkdir -p "$T/rd"
cp "$F/note-timer.yaml" "$T/rd/gone.yaml"
log="$T/gone.log"
start gone --plain --speed 100 --routine-dir "$T/rd" --log "$log" gone
wait_for "Press Enter to go on"
rm -rf "$T/rd"
send ""
wait_for "Routine complete"
finish
is "$rc:$(cat "$T/gone.err")" "0:" "its directory removed mid-session: exit 0, nothing on stderr"
is "$(events "$log")" "start step done step done end" "every event"
like "$(sed -n 1p "$log")" ' start routine="Note then timer" id=gone file=[^ ]*/rd/gone\.yaml ' \
	"the start line names the file it came from"

# ---- hostile routines and configs: refused fast, in little memory ---------
TIME=/usr/bin/time
if [ -x "$TIME" ] && "$TIME" -f '%M %e' -o "$T/probe.time" true 2>/dev/null &&
	grep -Eq '^[0-9]+ [0-9.]+$' "$T/probe.time"; then
	:
else
	TIME=
fi
now_ms() {
	t=$(date +%s%3N)
	case $t in
	*[!0-9]*) echo $(($(date +%s) * 1000)) ;;
	*) echo "$t" ;;
	esac
}
# measure NAME ARG...: recoup ARG... from $T; $rc, $kb (peak RSS, or empty
# without GNU time) and $ms; output in $T/NAME.out and $T/NAME.err
measure() {
	m=$1
	shift
	t0=$(now_ms)
	if [ -n "$TIME" ]; then
		(cd "$T" && "$TIME" -f '%M %e' -o "$T/$m.time" "$RECOUP" "$@") >"$T/$m.out" 2>"$T/$m.err"
		rc=$?
		kb=$(tail -n 1 "$T/$m.time" | cut -d' ' -f1)
	else
		(cd "$T" && "$RECOUP" "$@") >"$T/$m.out" 2>"$T/$m.err"
		rc=$?
		kb=
	fi
	ms=$(($(now_ms) - t0))
}
# AddressSanitizer's shadow memory and quarantine dwarf the figure
asan=
ldd "$RECOUP" 2>/dev/null | grep -q libasan && asan=yes
guard_ms=10000
[ -n "$asan" ] && guard_ms=30000
# small DESCRIPTION: peak memory under 64 MB, and done promptly
small() {
	if [ -n "$asan" ]; then
		ok 0 "# SKIP $1: peak memory: built with AddressSanitizer"
	elif [ -n "$kb" ]; then
		ok "$([ "$kb" -lt 65536 ]; echo $?)" "$1: peak memory under 64 MB ($kb KB)"
	else
		ok 0 "# SKIP $1: peak memory: no GNU time(1) here"
	fi
	# a guard against a hang or a quadratic blow-up, not a speed test
	# (speed is make bench's): sanitizers and a busy machine slow a run
	# that takes well under a second several times over
	ok "$([ "$ms" -lt "$guard_ms" ]; echo $?)" "$1: done promptly ($ms ms, guard $guard_ms ms)"
}
# refused NAME DESCRIPTION ERE: exit 1, one message matching ERE
refused() {
	is "$rc" 1 "$2: exit status 1"
	like "$(head -n 1 "$T/$1.err")" "$3" "$2: the message"
	is "$(cat "$T/$1.out")" "" "$2: nothing on stdout"
	small "$2"
}
MiB=1048576

# flow sequences nested 62 deep (with the mapping and steps, at the limit),
# over and over up to 1 MiB
awk -v max=$((MiB - 200)) 'BEGIN {
	s = ""; for (i = 0; i < 62; i++) s = s "["; s = s "1"; for (i = 0; i < 62; i++) s = s "]"
	printf "name: Nested\nsteps: [%s", s; n = 22 + length(s)
	while (n + length(s) + 3 < max) { printf ",%s", s; n += length(s) + 1 }
	print "]"
}' >"$T/nested.yaml"
measure nested --check nested.yaml
refused nested "1 MiB of sequences nested to the limit" '^recoup: nested\.yaml:2:[0-9]+: too many values \(more than 300000\); refusing the file$'

awk 'BEGIN { printf "name: Scalars\nsteps: ["; for (i = 0; i < 299990; i++) printf "1,"; print "1]" }' >"$T/scalars.yaml"
measure scalars --check scalars.yaml
refused scalars "300,000 tiny scalars" '^recoup: scalars\.yaml:2:[0-9]+: more than 10000 steps; refusing the file$'

awk -v max=$((MiB - 100)) 'BEGIN {
	printf "name: \""; for (i = 0; i < max; i++) printf "x"; print "\""
	print "steps: [{type: note, name: N}]"
}' >"$T/line.yaml"
measure line --check line.yaml
refused line "a name on one line of 1 MiB" '^recoup: line\.yaml:1:7: `name` is too long \([0-9]+ bytes; at most [0-9]+\)$'

awk 'BEGIN {
	print "name: Keys"; print "steps:"; print "  - type: note"; print "    name: N"
	for (i = 0; i < 70000; i++) print "    k" i ": 1"
}' >"$T/keys.yaml"
measure keys --check keys.yaml
refused keys "70,000 unknown keys (1 MiB)" '^recoup: keys\.yaml:5:5: unknown key `k0`'
is "$(tail -n 1 "$T/keys.err")" "recoup: keys.yaml:105:5: too many errors; not reporting more" "70,000 unknown keys: errors stop at 100"

awk -v max=$((MiB - 100)) 'BEGIN { printf "name: Deep\nsteps: "; for (i = 0; i < max; i++) printf "["; print "" }' >"$T/deep.yaml"
measure deep --check deep.yaml
refused deep "1 MiB of [ (nesting far past the limit)" '^recoup: deep\.yaml:2:[0-9]+: nesting deeper than 64 levels; refusing the file$'

# configs, through --dump-config
awk 'BEGIN { printf "log = \""; for (i = 0; i < 1048576; i++) printf "x"; print "\";" }' >"$T/string.conf"
measure string --config string.conf --dump-config
refused string "a config with a 1 MB string" '^recoup: string\.conf: too large for a config file \(over 256 KiB\)$'

awk 'BEGIN { for (i = 0; i < 5000; i++) printf "# a comment line to make the file large, number %06d\n", i; print "bell = true;" }' >"$T/large.conf"
measure large --config large.conf --dump-config
refused large "a 270 KB config" '^recoup: large\.conf: too large for a config file \(over 256 KiB\)$'

awk 'BEGIN { printf "log = \"/tmp/"; for (i = 0; i < 250000; i++) printf "x"; print "\";" }' >"$T/longlog.conf"
measure longlog --config longlog.conf --dump-config
is "$rc" 0 "a config with a 250 KB string (under the limit): exit 0"
is "$(grep -c '^log = "/tmp/xxxxx*";$' "$T/longlog.out")" 1 "the string is taken whole"
small "a 250 KB string"

for kind in group list; do
	awk -v kind=$kind 'BEGIN {
		for (i = 0; i < 10000; i++) printf(kind == "group" ? "a%d = { " : "a%d = ( ", i)
		printf "x = 1;"
		for (i = 0; i < 10000; i++) printf(kind == "group" ? " };" : " );")
		print ""
	}' >"$T/deep-$kind.conf"
	measure "deep-$kind" --config "deep-$kind.conf" --dump-config
	refused "deep-$kind" "${kind}s nested 10,000 deep" \
		"^recoup: deep-$kind\\.conf:1: nesting deeper than 64 levels; refusing the file\$"
done

# the limit itself: 64 levels pass (an unknown setting is only a warning),
# 65 are refused at the line that passes it
nest_conf() {
	awk -v d="$1" 'BEGIN {
		for (i = 1; i <= d; i++) printf "a%d = {\n", i
		print "x = 1;"
		for (i = 1; i <= d; i++) print "};"
	}'
}
nest_conf 64 >"$T/nest64.conf"
measure nest64 --config nest64.conf --dump-config
is "$rc" 0 "groups nested 64 deep: exit 0"
is "$(cat "$T/nest64.err")" 'recoup: nest64.conf:1: warning: unknown setting `a1`' "groups nested 64 deep: read, the unknown setting named"
nest_conf 65 >"$T/nest65.conf"
measure nest65 --config nest65.conf --dump-config
is "$rc:$(cat "$T/nest65.err")" "1:recoup: nest65.conf:65: nesting deeper than 64 levels; refusing the file" \
	"groups nested 65 deep: refused at the 65th"

# brackets, = and : in strings and comments are not counted
awk 'BEGIN {
	printf "# "; for (i = 0; i < 200; i++) printf "{(["; print ""
	printf "/* "; for (i = 0; i < 2000; i++) printf "a = { "; print " */"
	printf "log = \"/tmp/"; for (i = 0; i < 2000; i++) printf "{=:\\\""; print "\"; // ((((( = ="
	print "bell = false;"
}' >"$T/quoted.conf"
measure quoted --config quoted.conf --dump-config
is "$rc:$(cat "$T/quoted.err")" "0:" "brackets and = in comments and strings: read, no complaint"
like "$(cat "$T/quoted.out")" '^bell = false;$' "the setting after them is read"

awk 'BEGIN { for (i = 0; i < 20000; i++) printf "k%d=1;\n", i }' >"$T/names.conf"
measure names --config names.conf --dump-config
refused names "20,000 settings (196 KB)" '^recoup: names\.conf:1001: more than 1000 settings; refusing the file$'
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "k%d = 1;\n", i }' >"$T/names1000.conf"
measure names1000 --config names1000.conf --dump-config
is "$rc:$(wc -l <"$T/names1000.err" | tr -d ' ')" "0:1000" "1,000 settings: read, each unknown one named"

done_testing
