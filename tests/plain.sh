#!/bin/sh
# tests/plain.sh: --plain sessions end to end.  The binary runs in the
# background reading commands from a FIFO; the test waits for the words it
# expects on stdout (polling, never blind sleeps) and then checks stdout,
# the exit status and the session log line by line.  Time comes from
# --speed, except in the one real-time check.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

# evline FILE EVENT [N]: the Nth (default last) EVENT line
evline() {
	if [ $# -gt 2 ]; then
		awk -v ev="$2" -v n="$3" '$3 == ev && ++k == n' "$1"
	else
		awk -v ev="$2" '$3 == ev { l = $0 } END { if (l != "") print l }' "$1"
	fi
}
# fields LINE KEY...: "key=value ..." for the keys (values without spaces)
fields() {
	l=$1
	shift
	out=
	for k in "$@"; do
		v=$(printf '%s\n' "$l" | sed -n "s/.* $k=\\([^ ]*\\).*/\\1/p")
		out="$out${out:+ }$k=$v"
	done
	printf '%s\n' "$out"
}
bad_lines() { grep -Evc -- "$LINE_RE" "$1"; }
# ms VALUE: seconds as logged ("5", "5.400") to milliseconds
ms() {
	case $1 in
	*.*) echo $((${1%.*} * 1000 + 1${1#*.} - 1000)) ;;
	*) echo $(($1 * 1000)) ;;
	esac
}
# stamp_ms LINE: the timestamp's time of day in milliseconds
stamp_ms() {
	t=$(printf '%s\n' "$1" | cut -c12-23)
	h=${t%%:*}
	m=${t#*:}
	m=${m%%:*}
	s=${t##*:}
	echo $(((1$h - 100) * 3600000 + (1$m - 100) * 60000 + $(ms "$(echo "$s" | sed 's/^0\([0-9]\)/\1/')")))
}

# ---- a whole routine: every step type, commands through the FIFO ----
log="$T/short.log"
start short --plain --speed 25 --log "$log" "$F/short.yaml"
wait_for "rate 0 to 10"
ok $? "the first prompt asks for a rating"
send 5
wait_for "Press Enter to go on"
ok $? "the note waits for Enter"
send ""
wait_for "Logged to $log"
ok $? "the session runs to its end"
finish
is "$rc" 0 "complete: exit 0"
out="$T/short.out"
is "$(sed -n 1,3p "$out")" "Short routine: 6 steps, 1:15 timed.
Practice mode: time runs 25 times faster; history leaves this session out.
Commands: Enter or n next, p pause/resume, b back, + or - 15 seconds, a number for a count or rating, r one rep, q quit." \
	"stdout: title, practice notice, help"
# (the clock in brackets is session time: at --speed 25 a busy machine may show 0:01)
like "$(sed -n 4p "$out")" '^\[0:0[0-9]\] Step 1 of 6, Tightness\. Tightness: rate 0 to 10\. 0 loose \.\.\. 10 cannot walk$' \
	"stdout: the first prompt"
is "$(grep -o 'Step [0-9] of 6, [A-Za-z]*' "$out" | tr '\n' ,)" \
	"Step 1 of 6, Tightness,Step 2 of 6, Ready,Step 3 of 6, Ice,Step 4 of 6, Spots,Step 5 of 6, Drive,Step 6 of 6, Stretch," \
	"stdout: each step announced once, in order"
like "$(cat "$out")" '\] Step 2 of 6, Ready\. Ready: A step and a ball\. Press Enter to go on$' "stdout: the note's cue"
like "$(cat "$out")" '\] ICE ON: Ice, 0:05, round 2 of 2' "stdout: ice round 2"
like "$(cat "$out")" '\] RIGHT: Outer, 0:02 \(spot 2 of 2\)' "stdout: the right side's second spot"
like "$(cat "$out")" '\] rep [12] of 2: (DOWN|UP)' "stdout: tempo phases"
like "$(sed '/^Summary:$/,$d' "$out" | tail -n 2 | tr '\n' '|')" "^\\[1:[0-9]{2}\\] Routine complete\\. Well done\\|Logged to $log\\|\$" \
	"stdout ends: complete, and where it was logged, then the summary"
is "$(sed -n '/^Summary:$/,$p' "$out" | sed -n '2p;4p')" "Practice (speed 25): history and progression leave it out
Tightness: 5" "the summary: practice, the rating"
is "$(events "$log")" \
	"start step rate done step done step ice ice done step spot spot spot spot done step set set set set done step done end" \
	"log: every event, in order"
is "$(bad_lines "$log")" 0 "log: every line is whole"
is "$(awk '{ print $2 }' "$log" | sort -u | wc -l | tr -d ' ')" 1 "log: one session id"
start_line=$(sed -n 1p "$log")
like "$start_line" ' start routine="Short routine" id=short file=[^ ]*/short\.yaml planned=75 steps=6 format=1 speed=25$' \
	"log: the start line"
is "$(fields "$(evline "$log" rate)" n name value)" "n=1 name=Tightness value=5" "log: rate value=5"
is "$(fields "$(evline "$log" ice 1)" round rounds planned elapsed)" "round=1 rounds=2 planned=5 elapsed=5" "log: ice round 1"
is "$(fields "$(evline "$log" ice 2)" round rounds planned elapsed)" "round=2 rounds=2 planned=5 elapsed=5" "log: ice round 2"
is "$(grep ' spot ' "$log" | sed 's/.* spot=\([^ ]*\) side=\([^ ]*\).*/\2:\1/' | tr '\n' ' ')" \
	"left:Inner left:Outer right:Inner right:Outer " "log: spots left then right"
is "$(grep ' set ' "$log" | sed 's/.* side=\([^ ]*\) set=\([0-9]\) .* reps=\([0-9]*\) .*/\1\2:\3/' | tr '\n' ' ')" \
	"left1:2 right1:2 left2:2 right2:2 " "log: sets L1 R1 L2 R2, each with its 2 reps"
is "$(fields "$(evline "$log" set 1)" target reps min max elapsed)" "target=2 reps=2 min=2 max=2 elapsed=4" "log: a tempo set run to its end"
is "$(grep ' done ' "$log" | sed 's/.* n=\([0-9]\) type=\([a-z]*\) .*/\1\2/' | tr '\n' ' ')" \
	"1rate 2note 3ice 4massage 5reps 6timer " "log: a done line per step"
is "$(fields "$(evline "$log" done 3)" elapsed)" "elapsed=19" "log: the ice step's time"
is "$(fields "$(evline "$log" end)" status)" "status=complete" "log: end status=complete"
e1=$(ms "$(fields "$(evline "$log" done 1)" elapsed | cut -d= -f2)")
e2=$(ms "$(fields "$(evline "$log" done 2)" elapsed | cut -d= -f2)")
end_ms=$(ms "$(fields "$(evline "$log" end)" elapsed | cut -d= -f2)")
is "$end_ms" $((e1 + e2 + 75000)) "log: end elapsed = the prompts' time + the 75 s timed"

# ---- end of input ----
printf '\n' > "$T/enter.txt"
log="$T/eof.log"
start_from "$T/enter.txt" eof --plain --speed 50 --log "$log" "$F/note-timer.yaml"
finish
is "$rc" 0 "end of input during a timed part: exit 0"
is "$(events "$log")" "start step done step done end" "the timer runs on to its end"
is "$(fields "$(evline "$log" end)" status)" "status=complete" "end status=complete"
is "$(fields "$(evline "$log" done 2)" n type elapsed)" "n=2 type=timer elapsed=13" "the timer ran lead-in and all"

log="$T/eof-prompt.log"
start_from /dev/null eofp --plain --speed 50 --log "$log" "$F/rate-first.yaml"
finish
is "$rc" 0 "end of input at a prompt: exit 0"
is "$(events "$log")" "start step end" "nothing rated"
is "$(fields "$(evline "$log" end)" status)" "status=quit" "end status=quit"
like "$(cat "$T/eofp.out")" '\] Session ended$' "stdout says the session ended"

printf '\np\n' > "$T/pause-eof.txt"
log="$T/eof-paused.log"
start_from "$T/pause-eof.txt" eofpause --plain --speed 50 --log "$log" "$F/note-timer.yaml"
finish
is "$rc" 0 "end of input while paused: exit 0, no hang"
is "$(events "$log")" "start step done step pause resume end" "paused in the lead-in, then the pause closed and the end"
is "$(fields "$(evline "$log" end)" status)" "status=quit" "end status=quit"

# ---- commands: b, +, -, unknown, ?, n, q ----
log="$T/cmd.log"
start cmd --plain --speed 2 --log "$log" "$F/note-timer.yaml"
wait_for "Press Enter to go on"
send ""
wait_for "Get ready: Hold"
send b
i=0
while [ "$(grep -c 'Press Enter to go on' "$T/cmd.out")" -lt 2 ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
is "$(grep -c 'Press Enter to go on' "$T/cmd.out")" 2 "b in the lead-in goes back to the note"
send n
wait_for "] Hold, 0:10"
send +
wait_for "Added 15 seconds: 0:2"
ok $? "+ adds 15 s"
send -
wait_for "Took 15 seconds: 0:"
ok $? "- takes 15 s"
send x
wait_for "Unknown command 'x'. Commands: Enter or n next"
ok $? "an unknown command is named, with the help"
send p
wait_for "] Paused"
ok $? "p pauses"
send p
wait_for "] Resumed"
ok $? "p resumes"
send n
wait_for "Logged to $log"
finish
is "$rc" 0 "exit 0"
is "$(events "$log")" "start step done step step done step pause resume skip done end" "log: the note twice, pause, resume, the timer skipped"
is "$(fields "$(evline "$log" step 3)" n type)" "n=1 type=note" "back into the note writes its step line again"
is "$(fields "$(evline "$log" skip)" n what planned)" "n=2 what=timer planned=10" "n skips the timer: skip what=timer"
is "$(fields "$(evline "$log" end)" status)" "status=complete" "complete"

log="$T/quit.log"
start quit --plain --speed 10 --log "$log" "$F/long.yaml"
wait_for "] Wait, 4:00:00"
send q
wait_for "Session ended"
finish
is "$rc" 0 "q: exit 0"
is "$(events "$log")" "start step ice done step skip end" "q in the timer"
is "$(fields "$(evline "$log" skip)" n what planned)" "n=2 what=timer planned=14400" "the timer cut short is a skip with its time"
is "$(fields "$(evline "$log" end)" status)" "status=quit" "end status=quit"
like "$(cat "$T/quit.out")" "^Logged to $log\$" "logged"

# ---- fatal signals: logged, exit 128+N ----
for sig in TERM:143 INT:130 HUP:129 QUIT:131; do
	sg=${sig%:*}
	want=${sig#*:}
	log="$T/sig-$sg.log"
	start "sig$sg" --plain --log "$log" "$F/long.yaml"
	wait_for "Step 1 of 2, Ice"
	kill -s "$sg" "$pid"
	finish
	is "$rc" "$want" "SIG$sg mid-session: exit $want"
	is "$(events "$log")" "start step end" "SIG$sg: the session's lines, then end"
	is "$(fields "$(evline "$log" end)" status signal)" "status=aborted signal=$sg" "SIG$sg: end status=aborted signal=$sg"
	like "$(cat "$T/sig$sg.out")" '\] Session aborted$' "SIG$sg: stdout says aborted"
done

# ---- SIGKILL: every line up to the kill is there, whole ----
log="$T/kill.log"
start kill --plain --speed 10 --log "$log" "$F/long.yaml"
wait_for "] Wait, 4:00:00"
kill -s KILL "$pid"
finish
is "$rc" 137 "SIGKILL: killed"
is "$(bad_lines "$log")" 0 "every line in the log is whole"
is "$(events "$log")" "start step ice done step" "the events up to the kill, no end"
like "$(sed -n 1p "$log")" ' start routine=Long id=long ' "the start line first"
is "$(tail -c 1 "$log" | od -An -c | tr -d ' ')" '\n' "the log ends with a newline"

# ---- where the log goes ----
printf '\n' > "$T/enter.txt"
# the session SIGKILLed above left its lock file (running.h: harmless, its
# lock free); this run's own files are the question
rm -rf "$XDG_STATE_HOME/recoup/running"
start_from "$T/enter.txt" nolog --plain --speed 50 --no-log "$F/note-timer.yaml"
finish
is "$rc" 0 "--no-log: exit 0"
is "$(find "$HOME" -type f | wc -l | tr -d ' ')" 0 "--no-log: no file written"
is "$(grep -c 'Logged to' "$T/nolog.out")" 0 "--no-log: no 'Logged to'"
like "$(cat "$T/nolog.out")" 'Routine complete' "--no-log: the session ran"

start_from "$T/enter.txt" deflog --plain --speed 50 "$F/note-timer.yaml"
finish
dlog="$XDG_STATE_HOME/recoup/sessions.log"
is "$rc" 0 "default log: exit 0"
ok "$([ -f "$dlog" ]; echo $?)" "the default log is \$XDG_STATE_HOME/recoup/sessions.log"
is "$(ls -ld "$XDG_STATE_HOME/recoup" | cut -c1-10)" "drwx------" "its directory is made with mode 0700"
is "$(ls -l "$dlog" | cut -c1-10)" "-rw-------" "the log is made with mode 0600"
is "$(grep '^Logged to' "$T/deflog.out")" "Logged to $dlog" "stdout names it"
is "$(events "$dlog")" "start step done step done end" "the session is in it"

start_from "$T/enter.txt" dirlog --plain --speed 50 --log "$T" "$F/note-timer.yaml"
finish
is "$rc" 1 "a directory as the log: exit 1"
like "$(sed -n 1p "$T/dirlog.err")" "^recoup: cannot open the session log $T: not a regular file \\(a directory\\)$" "the message names the path and what it is"
is "$(cat "$T/dirlog.out")" "" "before the session starts: nothing on stdout"

: > "$T/afile"
start_from "$T/enter.txt" filelog --plain --speed 50 --log "$T/afile/sessions.log" "$F/note-timer.yaml"
finish
is "$rc" 1 "a log under a regular file: exit 1"
like "$(cat "$T/filelog.err")" "^recoup: cannot open the session log $T/afile/sessions.log: Not a directory" "the message names the path"
is "$(cat "$T/filelog.out")" "" "nothing on stdout"

# ---- practice mode ----
log="$T/fast.log"
start_from "$T/enter.txt" fast --plain --speed 600 --log "$log" "$F/note-timer.yaml"
finish
is "$rc" 0 "--speed 600: exit 0"
like "$(sed -n 1p "$log")" ' start .* format=1 speed=600$' "the start line has speed=600"
is "$(fields "$(evline "$log" done 2)" elapsed)" "elapsed=13" "durations are in session time"

# ---- stdout not a terminal: plain mode without --plain ----
log="$T/auto.log"
start_from "$T/enter.txt" auto --speed 50 --log "$log" "$F/note-timer.yaml"
finish
is "$rc" 0 "no --plain, stdout a file: exit 0"
like "$(sed -n 3p "$T/auto.out")" '^Commands: Enter or n next' "plain mode chosen: the help line"
like "$(cat "$T/auto.out")" '\] Routine complete\. Well done' "and the cues, line by line"
is "$(fields "$(evline "$log" end)" status)" "status=complete" "the session completes"

# ---- real time: the end of a countdown vs its deadline ----
# 3 s lead-in + 2 s timer at speed 1, with a pause of a fraction of a second
# so that the deadline does not fall on a whole second from the start: a
# session that counted whole-second ticks would end up to a second late.
log="$T/real.log"
start real --plain --log "$log" "$F/timer2.yaml"
wait_for "Step 1 of 1, Hold"
sleep 0.3
send p
wait_for "] Paused"
sleep 0.2
send p
wait_for "] Resumed"
wait_for "Logged to"
finish
is "$rc" 0 "real time: exit 0"
is "$(events "$log")" "start step pause resume done end" "real time: the events"
# the clock in brackets is the session's time so far, in whole seconds down
# (the pause, well under a second, counts: the timer starts at 3.2 s or so)
is "$(grep -E '^\[' "$T/real.out" | grep -v 'Paused\|Resumed')" "[0:00] Step 1 of 1, Hold. Get ready: Hold, 0:02
[0:03] Hold, 0:02
[0:05] Routine complete. Well done" "stdout: each cue at its time so far, whole seconds"
like "$(sed -n 1p "$log")" ' format=1$' "speed 1: no speed= on the start line"
paused=$(ms "$(fields "$(evline "$log" resume)" paused | cut -d= -f2)")
end=$(ms "$(fields "$(evline "$log" end)" elapsed | cut -d= -f2)")
is "$end" $((5000 + paused)) "end elapsed = 5 s + the pause, to the millisecond"
wall=$(($(stamp_ms "$(evline "$log" end)") - $(stamp_ms "$(sed -n 1p "$log")")))
[ $wall -lt 0 ] && wall=$((wall + 86400000))
err=$((wall - 5000 - paused))
echo "# pause ${paused} ms, start to end ${wall} ms, error ${err} ms"
ok "$([ $err -ge -5 ] && [ $err -lt 150 ]; echo $?)" "the end line comes within 150 ms of the deadline (error ${err} ms)"

# ---- the loader's warnings go into the log, after the start line ----
log="$T/warn.log"
(cd "$top_srcdir/tests" && "$RECOUP" --plain --speed 600 --log "$log" good/ice-warning.yaml) \
	</dev/null >"$T/warn.out" 2>"$T/warn.err"
is "$?" 0 "a routine with a warning runs"
is "$(cat "$T/warn.err")" "$(cat "$top_srcdir/tests/good/ice-warning.err")" "the warning on stderr, as --check gives it"
is "$(awk '{ print $3 }' "$log" | head -n 3 | tr '\n' ' ')" "start warn step " "then a warn line after the start"
like "$(evline "$log" warn)" ' warn msg="good/ice-warning\.yaml:6:15: an ice round longer than 20 minutes risks cold injury; consider rounds with `off` between"$' \
	"warn msg= names the file, line and column"

# ---- standard output goes away: the session ends, logged, status 141 ----
log="$T/pipe.log"
rm -f "$T/pipe.in"
mkfifo "$T/pipe.in"
# stdin stays open (fd 3), so only the lost output can end the session
{ timeout 20 "$RECOUP" --plain --log "$log" "$F/long.yaml" <"$T/pipe.in" 2>"$T/pipe.err"
  echo $? >"$T/pipe.rc"; } | head -n 1 >"$T/pipe.out" &
pipe_job=$!
exec 3>"$T/pipe.in"
wait "$pipe_job"
exec 3>&-
is "$(cat "$T/pipe.out")" "Long: 2 steps, 4:00:08 timed." "| head -1: head has its line"
is "$(cat "$T/pipe.rc")" 141 "| head -1: recoup ends at once (not by timeout), exit status 141 as for SIGPIPE"
is "$(events "$log")" "start step warn end" "| head -1: the session is logged, and ends"
like "$(evline "$log" warn)" ' warn msg="standard output went away"$' "| head -1: a warning says why"
like "$(evline "$log" end)" ' end status=aborted elapsed=[0-9.]+ signal=PIPE$' "| head -1: end status=aborted signal=PIPE"

# ---- other output errors: aborted in their own words (exit 1), and
# only EPIPE gives 141; after the end, nothing more goes in the log ----
if [ -w /dev/full ]; then
	log="$T/full.log"
	"$RECOUP" --plain --log "$log" "$F/rate-first.yaml" </dev/null >/dev/full 2>"$T/full.err"
	is "$?" 1 ">/dev/full: exit 1, not 141"
	is "$(events "$log")" "start step warn end" ">/dev/full: the warning, then the end, nothing after"
	like "$(evline "$log" warn)" ' warn msg="cannot write to standard output: No space left on device"$' \
		">/dev/full: the warning in the error's own words"
	like "$(evline "$log" end)" ' end status=aborted elapsed=[0-9.]+$' ">/dev/full: end status=aborted, no signal"
	is "$(cat "$T/full.err")" "recoup: cannot write to standard output: No space left on device" \
		">/dev/full: said on standard error"
else
	ok 0 "# SKIP no writable /dev/full"
fi

# fsize FILE BYTES CMD...: CMD with stdout appended to FILE, which is made
# BYTES short of a 1 MiB file size limit: writes past BYTES fail (EFBIG),
# and the log, small, stays writable
fsize() {
	truncate -s $((1048576 - $2)) "$1"
	(trap '' XFSZ; f=$1; shift 2; exec prlimit --fsize=1048576 "$@" >>"$f")
}
if command -v prlimit >/dev/null 2>&1 && command -v truncate >/dev/null 2>&1; then
	# the output of a session that ends at once (end of input at a rating)
	"$RECOUP" --plain --no-log "$F/rate-first.yaml" </dev/null >"$T/efbig0.out" 2>&1
	upto() { awk -v re="$1" '$0 ~ re { print n + 0; exit } { n += length($0) + 1 }' "$T/efbig0.out"; }
	# the third line fails: in the session
	log="$T/efbig1.log"
	fsize "$T/efbig1.out" "$(upto 'Step 1 of 2')" \
		"$RECOUP" --plain --log "$log" "$F/rate-first.yaml" </dev/null 2>"$T/efbig1.err"
	is "$?" 1 "output too large in the session: exit 1"
	is "$(events "$log")" "start step warn end" "output too large in the session: the warning, then the end"
	like "$(evline "$log" warn)" ' warn msg="cannot write to standard output: File too large"$' \
		"output too large in the session: the warning in the error's own words"
	like "$(evline "$log" end)" ' end status=aborted elapsed=[0-9.]+$' "output too large in the session: aborted, no signal"
	# "Session ended" fails: after the end
	log="$T/efbig2.log"
	fsize "$T/efbig2.out" "$(upto 'Session ended')" \
		"$RECOUP" --plain --log "$log" "$F/rate-first.yaml" </dev/null 2>"$T/efbig2.err"
	is "$?" 1 "output too large after the end: exit 1 (an output error), not 141"
	is "$(events "$log")" "start step end" "output too large after the end: nothing more in the log"
	is "$(fields "$(evline "$log" end)" status)" "status=quit" "output too large after the end: end status=quit stands"
	is "$(cat "$T/efbig2.err")" "recoup: cannot write to standard output: File too large" \
		"output too large after the end: said on standard error"
else
	ok 0 "# SKIP prlimit or truncate not found"
fi

# ---- input ahead of the prompt that takes it ----
log="$T/ahead.log"
printf '\n\n3\n' | timeout 20 "$RECOUP" --plain --speed 600 --log "$log" \
	"$top_srcdir/routines/ice-intervals.yaml" >"$T/ahead.out" 2>&1
is "$?" 0 "printf '\\n\\n3\\n' | recoup --plain ice-intervals: exit 0"
like "$(cat "$T/ahead.out")" '^Kept 3 for the next rating or count$' "the early 3 is kept, and it says so"
is "$(events "$log")" "start step done step ice ice done step rate done end" "the ice runs on, the rating takes the 3"
is "$(fields "$(evline "$log" rate)" n value)" "n=3 value=3" "rate value=3"
is "$(fields "$(evline "$log" end)" status)" "status=complete" "end status=complete, not quit"

# numbers that no prompt takes: kept (and said so), in order, and the
# session runs as without them
log="$T/ahead2.log"
printf '7\n\n\n9\n' | timeout 20 "$RECOUP" --plain --speed 600 --log "$log" \
	"$F/note-timer.yaml" >"$T/ahead2.out" 2>&1
is "$?" 0 "a number with no prompt to take it: exit 0"
like "$(cat "$T/ahead2.out")" '^Kept 7 for the next rating or count$' "kept"
like "$(cat "$T/ahead2.out")" '^Kept 9 for the next rating or count$' "kept, in order"
is "$(events "$log")" "start step done step done end" "no prompt took them: the session as without them"
is "$(fields "$(evline "$log" end)" status)" "status=complete" "and it completes"

# a number kept for a rating or count is not a self-paced set's count:
# the set between takes its presses, the rating the number
log="$T/kept.log"
start kept --plain --speed 2 --log "$log" "$F/kept.yaml"
wait_for "] Hold, 0:04"
send 4
wait_for "Kept 4 for the next rating or count"
wait_for "] set 1 of 1: 2 reps of Drive"
send r
send r
wait_for "Logged to $log"
finish
is "$rc" 0 "a number kept across a self-paced set: exit 0"
is "$(events "$log")" "start step done step set done step rate done end" "the set, then the rating"
is "$(fields "$(evline "$log" set)" target reps)" "target=2 reps=2" "the set's count is its presses, not the kept 4"
is "$(fields "$(evline "$log" rate)" value)" "value=4" "the rating takes the kept 4"

# r outside a self-paced set says why it counts nothing (reps typed while
# getting ready are not lost without a word)
log="$T/rkey.log"
start rkey --plain --log "$log" "$F/note-timer.yaml"
wait_for "Press Enter to go on"
send ""
wait_for "Get ready: Hold"
send r
wait_for "r counts reps in a self-paced set; this is the lead-in (get ready) before the next part"
ok $? "r in the lead-in: said why it counts nothing"
send q
wait_for "Logged to $log"
finish
is "$(events "$log")" "start step done step end" "r in the lead-in: nothing logged for it"

# ---- Enter alone at a rating asks again ----
log="$T/enter-rate.log"
start enterrate --plain --speed 50 --log "$log" "$F/rate-first.yaml"
wait_for "rate 0 to 10"
send ""
wait_for "A rating is 0 to 10: type it and Enter (n skips it)"
ok $? "Enter alone at a rating: asked again"
send ""
wait_for "A rating is 0 to 10: type it and Enter (n skips it)" 2
send 4
wait_for "Logged to $log"
finish
is "$rc" 0 "exit 0"
is "$(events "$log")" "start step rate done step done end" "the rating is given, once"
is "$(fields "$(evline "$log" rate)" value)" "value=4" "rate value=4"

log="$T/skip-rate.log"
start skiprate --plain --speed 50 --log "$log" "$F/rate-first.yaml"
wait_for "rate 0 to 10"
send n
wait_for "Logged to $log"
finish
is "$(events "$log")" "start step skip done step done end" "n at a rating skips it"
is "$(fields "$(evline "$log" skip)" what)" "what=rate" "skip what=rate"

# ---- "how many?": Enter alone takes the count so far, n skips the set ----
log="$T/count.log"
start count --plain --speed 4 --log "$log" "$F/count.yaml"
wait_for "rep 2 of 20: DOWN"
send n
wait_for "How many reps did you do?"
k1=$(sed -n 's/.*Enter alone: \([0-9]*\)), or skip the set$/\1/p' "$T/count.out" | tail -n 1)
like "$k1" '^[1-9][0-9]*$' "n in a tempo set: how many? (Enter alone: $k1)"
send ""
wait_for "REST"
wait_for "rep 2 of 20: DOWN" 2
send n
wait_for "How many reps did you do?" 2
k2=$(sed -n 's/.*Enter alone: \([0-9]*\)), or skip the set$/\1/p' "$T/count.out" | tail -n 1)
send n
wait_for "rate 0 to 10"
send 2
wait_for "Logged to $log"
finish
is "$rc" 0 "exit 0"
is "$(events "$log")" "start step set skip done step rate done end" "set 1 a set, set 2 skipped"
is "$(fields "$(evline "$log" set)" set reps)" "set=1 reps=$k1" "Enter alone: the count so far"
is "$(fields "$(evline "$log" skip)" what set reps)" "what=set set=2 reps=$k2" "n at the question: skip what=set with the count so far"

# ---- a part cut short is a skip; one run to its end a spot ----
log="$T/cut.log"
start cut --plain --speed 10 --log "$log" "$F/stop.yaml"
wait_for "] Inner, 1:00"
send n
wait_for "Logged to $log"
finish
is "$(events "$log")" "start step skip done end" "n in a spot: a skip, no spot line"
like "$(evline "$log" skip)" ' skip n=1 name=Walk what=spot spot=Inner planned=60 elapsed=[0-9.]+$' \
	"skip what=spot spot=Inner with planned and elapsed"

done_testing
