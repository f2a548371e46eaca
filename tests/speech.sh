#!/bin/sh
# Speech and bells with real processes, on the dashboard in tmux:
#   - a long cue text is cut by the next part's announcement, is not said
#     again, and phase words whose moment passed while a key word spoke are
#     dropped, never said late; one cue speaks at a time;
#   - without speech, bells in patterns (2: the other leg, 1: a phase,
#     3: a new part or the end), spaced, counted from the pane's raw output;
#   - speak = true / --speak find espeak-ng, then spd-say (with -w), on
#     PATH; cue_command wins; none found: said once on screen, bells;
#   - --dump-config says speak.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

SPEAKER="$top_builddir/tests/speaker"
[ -x "$SPEAKER" ] || skip_all "tests/speaker is not built"
FIX="$top_srcdir/tests/fixtures-ui/speech"
HEARD="$T/heard"

# ---- --dump-config ----
like "$("$RECOUP" --config /dev/null --dump-config)" '
speak = false;' "--dump-config: speak = false by default"
like "$("$RECOUP" --config /dev/null --dump-config --speak)" '
speak = true;' "--dump-config --speak: speak = true"
printf 'speak = true;\n' >"$T/speak.conf"
like "$("$RECOUP" --config "$T/speak.conf" --dump-config)" '
speak = true;' "speak = true in the config: dumped"
printf 'speak = 1;\n' >"$T/bad.conf"
"$RECOUP" --config "$T/bad.conf" --dump-config >/dev/null 2>"$T/err"
is "$?" 1 "speak = 1: a bad config"
like "$(cat "$T/err")" 'speak' "... naming the setting"

# one_at_a_time: no cue starts while another that ends "done" speaks
one_at_a_time() {
	awk '
	$1 == "start" { t = $0; sub(/^start [0-9]+ /, "", t); if (open != "") over[open] = 1; open = t }
	$1 == "done" || $1 == "cut" { t = $0; sub(/^[a-z]+ [0-9]+ /, "", t)
		if ($1 == "done" && over[t]) bad++
		if (t == open) open = "" }
	END { exit bad > 0 }' "$1"
}

# ---- a cut, and nothing said late ----
# The speaker goes at real speed while recoup runs 10 times faster: the
# timer's cue text is still speaking when the set starts.
printf 'lead_in = "0s";\ncue_command = ["%s", "%%s"];\n' "$SPEAKER" >"$T/cut.conf"
rm -f "$HEARD"
tm_start -e env RECOUP_SPEAKER_LOG="$HEARD" RECOUP_SPEAKER_SPEED=1 "$RECOUP" --log "$LOG" \
	--config "$T/cut.conf" --speed 10 "$FIX/speech-cut.yaml"
wait_log ' end status=complete' 20
ok $? "cut: the session ends"
_said_end() { grep -q '^done [0-9]* Routine complete$' "$HEARD" 2>/dev/null; }
_poll 20 _said_end
ok $? "cut: the end is said whole"
keys Enter
wait_exit
cue='Against a wall, back knee bent, heel down, hold it still and breathe slowly'
is "$(grep -c "^start [0-9]* $cue\$" "$HEARD")" 1 "cut: the cue text started once"
is "$(grep -c "^cut [0-9]* $cue\$" "$HEARD")" 1 "cut: ... and was cut (not repeated)"
like "$(cat "$HEARD")" 'done [0-9]+ Stretch, 40 seconds' "cut: the timer's announcement heard whole"
# the set is announced 10 seconds (1 s here) before the timer's end
like "$(cat "$HEARD")" 'done [0-9]+ (10 seconds. )?Heel drop$' "cut: the set's announcement, before it, heard whole"
cut_at=$(sed -n "s/^cut \\([0-9]*\\) $cue\$/\\1/p" "$HEARD")
set_at=$(sed -n 's/^start \([0-9]*\) \(10 seconds. \)\{0,1\}Heel drop$/\1/p' "$HEARD")
# recoup signals the cue and then starts the next speaker; the one it
# stopped writes its "cut" when the kernel next runs it, which on a busy
# machine may be a moment after the new one wrote its "start": 100 ms of
# slack for that, far less than the cue text had left to say
ok "$([ -n "$cut_at" ] && [ -n "$set_at" ] && [ "$set_at" -ge $((cut_at - 100)) ]; echo $?)" \
	"cut: the set's announcement came after the cut ($cut_at, $set_at)"
# The announcement (1.4 s at the speaker's pace) outlasts the timer by
# 0.4 s, and each phase word (0.34 s) its phase (0.3 s, 0.1 s): of the set's
# 4 phase words some go stale waiting and are dropped; none starts after
# the set's end, 4.8 s after the timer's start (100 ms for the speaker's
# own start).
last=$(awk '$1 == "start" && $3 == "Stretch," && !s { s = $2 }
	$1 == "start" && $3 ~ /^(Up|Down)$/ { n++; if ($2 > s + 4900) late++ }
	END { printf "%d %d", n, late }' "$HEARD")
ok "$([ "${last% *}" -lt 4 ] && [ "${last#* }" = 0 ]; echo $?)" \
	"cut: the phase words that went stale behind it were dropped, not said late (said, late: $last)"
one_at_a_time "$HEARD"
ok $? "cut: one cue spoke at a time"
grep '' "$HEARD" | sed 's/^/#   /'

# ---- bells without speech ----
# pipe-pane hands the pane's raw output to perl, which stamps each BEL
cat >"$T/bells.pl" <<'EOF'
use Time::HiRes qw(time);
open(my $o, '>>', $ARGV[0]) or die;
select($o); $| = 1;
my $b;
while (sysread(STDIN, $b, 4096)) {
	my $n = () = $b =~ /\a/g;
	printf $o "bell %d\n", time() * 1000 for 1 .. $n;
}
EOF
printf 'lead_in = "0s";\nbell = true;\n' >"$T/bells.conf"
rm -f "$T/bells" "$LOG"
tm_start -e sh -c 'sleep 0.5; exec "$0" "$@"' "$RECOUP" --log "$LOG" --config "$T/bells.conf" "$FIX/speech-bells.yaml"
tm pipe-pane -O -t t "perl '$T/bells.pl' '$T/bells'"
wait_log ' step n=2 type=rate' 15
ok $? "bells: the sets ran"
sleep 1
keys 3 Enter
wait_log ' end status=complete'
sleep 1
keys Enter
wait_exit
# clusters: bells less than 400 ms apart
pattern=$(awk 'NR > 1 && $2 - last >= 400 { printf "%d ", n; n = 0 }
	{ n++; if (NR > 1 && $2 - last < 400 && $2 - last < 150) close_ones++; last = $2 }
	END { printf "%d", n; if (close_ones) printf " too-close" }' "$T/bells" 2>/dev/null)
is "$pattern" "2 1 2 1 3 3" "bells: 2 (left leg), 1 (up), 2 (right leg), 1 (up), 3 (the rating), 3 (the end), each 150 ms or more apart"

# ---- speak = true: espeak-ng, then spd-say -w, found on PATH ----
mkdir -p "$T/bin1" "$T/bin2" "$T/empty"
for p in espeak-ng spd-say say; do
	printf '#!/bin/sh\necho "%s $*" >>"%s/args"\nexec "%s" "$@"\n' "$p" "$T" "$SPEAKER" >"$T/bin1/$p"
	chmod +x "$T/bin1/$p"
done
cp "$T/bin1/spd-say" "$T/bin1/say" "$T/bin2/"
printf 'lead_in = "0s";\n' >"$T/plain.conf"
mkdir -p "$T/bin3"
cp "$T/bin1/say" "$T/bin3/"
# "--": a text starting with "-" is said, not taken for an option
for c in "bin1 --speak:espeak-ng -- Down" "bin2 --speak:spd-say -w -- Down" \
	"bin3 --speak:say -- Down" "bin1 -:espeak-ng -- Down"; do
	dir=${c%% *}
	opt=${c#* }
	opt=${opt%%:*}
	want=${c#*:}
	conf="$T/plain.conf"
	if [ "$opt" = - ]; then
		printf 'lead_in = "0s";\nspeak = true;\n' >"$T/on.conf"
		conf="$T/on.conf"
		opt=--no-color
	fi
	rm -f "$T/args" "$HEARD"
	tm_start -e env PATH="$T/$dir" RECOUP_SPEAKER_LOG="$HEARD" RECOUP_SPEAKER_SPEED=10 \
		"$RECOUP" --log "$LOG" --config "$conf" "$opt" --speed 10 "$FIX/speech-bells.yaml"
	_args() { [ -s "$T/args" ]; }
	_poll 10 _args
	like "$(head -n 1 "$T/args")" "^$want" "$dir $opt: ${want% -- Down} speaks, the text after --"
	keys q y
	wait_exit
done

# cue_command wins over speak
printf '#!/bin/sh\necho "mine $*" >>"%s/args"\n' "$T" >"$T/mine"
chmod +x "$T/mine"
printf 'lead_in = "0s";\nspeak = true;\ncue_command = ["%s", "%%s"];\n' "$T/mine" >"$T/mine.conf"
rm -f "$T/args"
tm_start -e env PATH="$T/bin1" "$RECOUP" --log "$LOG" --config "$T/mine.conf" --speed 10 "$FIX/speech-bells.yaml"
_poll 10 _args
like "$(head -n 1 "$T/args")" '^mine Down' "cue_command wins over speak = true"
keys q y
wait_exit

# none found: said once, and bells instead
rm -f "$T/bells"
tm_start -e env PATH="$T/empty" "$RECOUP" --log "$LOG" --config "$T/bells.conf" --speak "$FIX/speech-bells.yaml"
wait_body_joined 'No speech program \(espeak-ng, spd-say, say\) found: bells instead'
ok $? "--speak, nothing found: the screen says so"
tm pipe-pane -O -t t "perl '$T/bells.pl' '$T/bells'"
wait_log ' step n=2 type=rate' 15
_bells() { [ -s "$T/bells" ]; }
_poll 10 _bells
ok $? "... and rings the bell instead"
keys q y
wait_exit

# ---- what the speech program is given ----
# A text that starts with "-" goes after "--", as a whole argument (the
# stand-in writes one line per argument)
cat >"$T/dash.yaml" <<'EOF'
name: Dash
steps:
  - type: timer
    name: "--help me"
    duration: 5s
EOF
mkdir -p "$T/bin4"
printf '#!/bin/sh\nfor a in "$0" "$@"; do echo "[$a]"; done >>"%s/args"\nexec "%s" "$@"\n' "$T" "$SPEAKER" >"$T/bin4/espeak-ng"
chmod +x "$T/bin4/espeak-ng"
rm -f "$T/args"
tm_start -e env PATH="$T/bin4:/usr/bin:/bin" RECOUP_SPEAKER_LOG="$HEARD" RECOUP_SPEAKER_SPEED=10 \
	"$RECOUP" --log "$LOG" --config "$T/on.conf" --speed 10 "$T/dash.yaml"
_poll 10 _args
is "$(head -n 3 "$T/args" | sed 's|^\[.*/|[|')" "[espeak-ng]
[--]
[--help me, 5 seconds]" "a text starting with -: after --, whole"
keys q y
wait_exit

# The speech program gets the standard streams and the done pipe, no more
printf 'lead_in = "0s";\ncue_command = ["%s", "%%s"];\n' "$SPEAKER" >"$T/fds.conf"
rm -f "$HEARD"
tm_start -e env RECOUP_SPEAKER_LOG="$HEARD" RECOUP_SPEAKER_SPEED=10 RECOUP_SPEAKER_FDS=1 \
	"$RECOUP" --log "$LOG" --config "$T/fds.conf" --speed 10 "$FIX/speech-bells.yaml"
_fds() { grep -q '^fds' "$HEARD" 2>/dev/null; }
_poll 10 _fds
keys q y
wait_exit
like "$(grep '^fds' "$HEARD" | head -n 1)" '^fds [0-9]+ 0 1 2( [0-9]+:pipe)?$' \
	"the speech program has only fds 0-2 and the done pipe"
ok "$(! grep '^fds' "$HEARD" | grep -Evq '^fds [0-9]+ 0 1 2( [0-9]+:pipe)?$'; echo $?)" "... every time"

# A shell wrapper that leaves its speaker in the background: the cue is
# over when the speaker is, not when the shell exits
cat >"$T/bg.sh" <<EOF
#!/bin/sh
"$SPEAKER" "\$1" &
EOF
chmod +x "$T/bg.sh"
printf 'lead_in = "0s";\ncue_command = ["%s", "%%s"];\n' "$T/bg.sh" >"$T/bg.conf"
rm -f "$HEARD"
tm_start -e env RECOUP_SPEAKER_LOG="$HEARD" RECOUP_SPEAKER_SPEED=1 \
	"$RECOUP" --log "$LOG" --config "$T/bg.conf" --speed 10 "$FIX/speech-bells.yaml"
_first_done() { grep -q '^done [0-9]* ' "$HEARD" 2>/dev/null; }
_poll 15 _first_done
ok $? "background speaker: the first cue is said whole"
keys q y
wait_exit
one_at_a_time "$HEARD"
ok $? "background speaker: no cue started while it spoke"
grep '' "$HEARD" | sed 's/^/#   /'

# ---- a speaker that says nothing: said once, then bells ----
# gave_up CONF TEXT NAME SPEED ROUTINE: the session screen says TEXT (not
# over a prompt: its line is the prompt's), and after it the bell rings
# for what comes next (n: the next part)
gave_up() {
	rm -f "$T/bells"
	tm_start -e "$RECOUP" --log "$LOG" --config "$1" --speed "$4" "$5"
	tm pipe-pane -O -t t "perl '$T/bells.pl' '$T/bells'"
	wait_body_joined "$2" 40
	ok $? "$3: the screen says so"
	keys n
	_poll 15 _bells
	ok $? "$3: ... and the bell rings instead"
	keys q y
	wait_exit
}
# hangs: stopped by the hang guard twice in a row (the timer's
# announcement, then its cue text: some 30 s), at --speed 1
printf 'lead_in = "0s";\nbell = true;\ncue_command = ["sh", "-c", "exec sleep 30", "%%s"];\n' >"$T/hang.conf"
gave_up "$T/hang.conf" 'The speech program does not end \(stopped twice in a row\): bells instead' \
	"a speaker that hangs" 1 "$FIX/speech-cut.yaml"
# fails at every cue (after as long as its words take: not "at once")
printf 'lead_in = "0s";\nbell = true;\ncue_command = ["sh", "-c", "sleep 0.9; exit 1", "%%s"];\n' >"$T/false.conf"
gave_up "$T/false.conf" 'The speech program fails at every cue: bells instead' "a speaker that fails" 1 \
	"$FIX/speech-bells.yaml"
# ends at once, exit status 0 (espeak-ng with no sound device)
printf 'lead_in = "0s";\nbell = true;\ncue_command = ["true", "%%s"];\n' >"$T/true.conf"
gave_up "$T/true.conf" 'The speech program ends at once, saying nothing \(no sound device\?\): bells instead' \
	"a speaker that ends at once" 1 "$FIX/speech-bells.yaml"

done_testing
