#!/bin/sh
# Will I hear every cue?  Every shipped routine runs on the dashboard, in
# tmux, at --speed $SPEED, with tests/speaker as the cue command (it logs
# when each cue starts, ends or is cut, and speaks as long as espeak-ng
# would (saytime.h) divided by the speed); the prompts are answered (a
# note: Enter; a rating: 3 Enter).  Then, from what the speaker heard and
# the routine's --plan:
#   - every DOWN, HOLD and UP of every rep was heard whole (a "done");
#   - every set announcement and every change of leg was heard whole;
#   - no key word (phase, leg, set, part) was ever cut.
# The routines run at once (each in a tmux session of its own), so the
# whole takes as long as the longest, post-run-calf-care (about 2 minutes).
#
# Nothing said after its moment: first, alone, the first two sets of
# alfredson-heel-drops run at --speed $TSPEED (a 1 s phase lasts 250 ms),
# and each phase word is measured against its phase in the plan: the set's
# start is where its words say it is at the earliest (a word can be late,
# never early), and a word must start before its phase ends.  A loaded
# machine (CI runs the suite two at a time, and under ASan) makes words
# late by the time a process takes to start, far less than a phase; a word
# said a whole phase late fails.  And the set's first phase word comes
# before its first phase ends, counted from the lead-in that announced it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

# a timed set of the plan, "set 2 of 3: 15 reps (2.5 kg) at 3-0-1" (the
# load, in brackets, only for a step with load:): its reps and tempo in
# set_reps and set_tempo; an awk function the checks below share
SET_OF='
function set_of(line,   a, na) {
	if (!match(line, /set [0-9]+ of [0-9]+: [0-9]+ reps( \([^)]*\))? at [0-9]+-[0-9]+-[0-9]+/))
		return 0
	na = split(substr(line, RSTART, RLENGTH), a, " ")
	set_reps = a[5]
	set_tempo = a[na]
	return 1
}
'

SPEED=20
TSPEED=4
LEAD_MS=3000
SPEAKER="$top_builddir/tests/speaker"
[ -x "$SPEAKER" ] || skip_all "tests/speaker is not built"

printf 'cue_command = ["%s", "%%s"];\nlead_in = "3s";\n' "$SPEAKER" >"$T/speak.conf"

routines=
for f in "$top_srcdir"/routines/*.yaml; do
	[ -f "$f" ] || continue
	r=${f##*/}
	r=${r%.yaml}
	routines="$routines $r"
	mkdir -p "$T/$r"
	"$RECOUP" --config "$T/speak.conf" --log "$T/$r/log" --plan "$f" >"$T/$r/plan"
	{
		echo '#!/bin/sh'
		echo "cd '$T/$r' || exit 99"
		echo "trap '' INT QUIT"
		echo "RECOUP_SPEAKER_LOG='$T/$r/heard' RECOUP_SPEAKER_SPEED=$SPEED '$RECOUP' --config '$T/speak.conf' --log '$T/$r/log' --speed $SPEED '$f'"
		echo 'echo "EXIT=$?"'
		echo 'exec sleep 600'
	} >"$T/$r/run.sh"
	chmod +x "$T/$r/run.sh"
done
[ -n "$routines" ] || skip_all "no routines in $top_srcdir/routines"

# Answer the prompt the session is at, once: the log's last step line is a
# rating or a note; or the end screen.
answer() {
	_l="$T/$1/log"
	[ -f "$_l" ] || return 0
	# the end screen waits for a key
	if tail -n 1 "$_l" | grep -q ' end status='; then
		[ -f "$T/$1/answered.end" ] && return 0
		touch "$T/$1/answered.end"
		tm send-keys -t "$1" Enter
		return 0
	fi
	_last=$(grep ' step n=' "$_l" | tail -n 1)
	case $_last in *type=rate*|*type=note*) ;; *) return 0 ;; esac
	_k=$(printf '%s\n' "$_last" | sed 's/.* step n=\([0-9]*\) .*/\1/')
	[ -f "$T/$1/answered.$_k" ] && return 0
	touch "$T/$1/answered.$_k"
	case $_last in
	*type=rate*) tm send-keys -t "$1" 3 Enter ;;
	*) tm send-keys -t "$1" Enter ;;
	esac
}
finished() { tm capture-pane -p -t "$1" 2>/dev/null | grep -Eq '^EXIT=[0-9]+'; }

# ---- nothing said after its moment (alone, at --speed $TSPEED) ----
TR=alfredson-heel-drops
TD="$T/timing"
mkdir -p "$TD"
if [ -f "$top_srcdir/routines/$TR.yaml" ]; then
	cp "$T/$TR/plan" "$TD/plan"
	{
		echo '#!/bin/sh'
		echo "cd '$TD' || exit 99"
		echo "trap '' INT QUIT"
		echo "RECOUP_SPEAKER_LOG='$TD/heard' RECOUP_SPEAKER_SPEED=$TSPEED '$RECOUP' --config '$T/speak.conf' --log '$TD/log' --speed $TSPEED '$top_srcdir/routines/$TR.yaml'"
		echo 'echo "EXIT=$?"'
		echo 'exec sleep 600'
	} >"$TD/run.sh"
	chmod +x "$TD/run.sh"
	tm new-session -d -s timing -x 80 -y 24 "$TD/run.sh"
	# the rating first; then until the rest after the first set of each
	# leg (63 + 63 s at --speed 4: about 32 s); a hang guard of 2 minutes
	_i=0
	while [ "$_i" -lt 600 ] && ! grep -q '^start [0-9]* Rest' "$TD/heard" 2>/dev/null; do
		[ -f "$TD/answered" ] || if grep -q ' step n=1 type=rate' "$TD/log" 2>/dev/null; then
			touch "$TD/answered"
			tm send-keys -t timing 3 Enter
		fi
		sleep 0.2
		_i=$((_i + 1))
	done
	tm send-keys -t timing q y
	_i=0
	while [ "$_i" -lt 100 ] && ! tm capture-pane -p -t timing | grep -q '^EXIT='; do
		tm send-keys -t timing Enter
		sleep 0.2
		_i=$((_i + 1))
	done
	grep -q '^start [0-9]* Rest' "$TD/heard" 2>/dev/null
	ok $? "$TR at --speed $TSPEED: ran to the rest after set 1"
	# awk over the plan and what was heard, for the sets heard to their end
	# (a set that was cut short by the quit is not checked)
	late=$(awk -v speed="$TSPEED" -v lead="$LEAD_MS" "$SET_OF"'
	function phases_of(t,   a) {
		split(t, a, "-")
		np = 0
		if (a[1] > 0) { np++; plen[np] = a[1] * 1000; pname[np] = "Down" }
		if (a[2] > 0) { np++; plen[np] = a[2] * 1000; pname[np] = "Hold" }
		if (a[3] > 0) { np++; plen[np] = a[3] * 1000; pname[np] = "Up" }
	}
	# set k is over: place its words on its phases, in order (one that
	# was dropped is skipped), and measure each from the set start that
	# its words give at the earliest
	function judge(   i, j, x, w, off, anchor, late_by) {
		if (k == 0 || nw == 0)
			return
		phases_of(tempo[k])
		total = reps[k] * np
		j = 0
		for (i = 1; i <= nw; i++) {
			while (j < total && pname[j % np + 1] != word[i]) j++
			if (j >= total) { print "late stray " word[i] " in set " k; return }
			off = int(j / np) * rep_ms
			for (x = 1; x < j % np + 1; x++) off += plen[x]
			woff[i] = off; wlen[i] = plen[j % np + 1]; wj[i] = j
			w = at[i] - off / speed
			if (i == 1 || w < anchor) anchor = w
			j++
		}
		# the set counts when its last phase was heard: it ran whole
		if (wj[nw] != total - 1)
			return
		checked++
		if ((anchor - ann) * speed >= lead + plen[1])
			print "late set " k ": starts " anchor - ann " ms after its announcement"
		for (i = 1; i <= nw; i++) {
			late_by = at[i] - anchor - woff[i] / speed
			if (late_by * speed >= wlen[i])
				print "late " word[i] " (set " k ", phase " wj[i] + 1 "): " late_by " ms after its phase began"
		}
	}
	FNR == NR {
		if (set_of($0)) {
			nsets++
			tempo[nsets] = set_tempo
			reps[nsets] = set_reps
		}
		next
	}
	$1 != "start" { next }
	{
		t = $2
		text = $0
		sub(/^start [0-9]+ /, "", text)
		# a set begins: "Right, set 1 of 3, 15 reps", the first set of a step
		# "Heel drop, left leg", or one nothing announced "Left leg. Down"
		if (text ~ /[0-9]+ reps?(, count each rep)?(\. (Down|Hold|Up))?$/ ||
		    text ~ /, (left|right) leg(, count each rep)?$/ ||
		    text ~ /^((Left|Right) leg|Set [0-9]+)\. (Down|Hold|Up)$/) {
			judge()
			k++
			ann = t
			nw = 0
			phases_of(tempo[k])
			rep_ms = 0
			for (x = 1; x <= np; x++) rep_ms += plen[x]
		}
		if (k == 0 || !(text ~ /^(Down|Hold|Up)$/ || text ~ /\. (Down|Hold|Up)$/))
			next
		sub(/.* /, "", text)
		nw++
		word[nw] = text
		at[nw] = t
	}
	END {
		judge()
		print "checked " checked + 0
	}' "$TD/plan" "$TD/heard")
	is "$(printf '%s\n' "$late" | sed -n 's/^checked //p')" 2 "$TR at --speed $TSPEED: two sets heard to their end"
	is "$(printf '%s\n' "$late" | grep -c '^late')" 0 "$TR at --speed $TSPEED: nothing said after its moment"
	printf '%s\n' "$late" | grep '^late' | head -n 10 | sed 's/^/#   /'
	tm kill-session -t timing >/dev/null 2>&1
fi

# ---- every routine whole, at once, at --speed $SPEED ----
for r in $routines; do
	tm new-session -d -s "$r" -x 80 -y 24 "$T/$r/run.sh"
done
# a hang guard only (10 minutes): the longest routine takes about 100 s
i=0
while [ "$i" -lt 3000 ]; do
	left=0
	for r in $routines; do
		finished "$r" && continue
		left=1
		answer "$r"
	done
	[ "$left" = 0 ] && break
	sleep 0.2
	i=$((i + 1))
done

# check ROUTINE: awk over the plan and what was heard; prints "name=value"
# lines, and "cut-key ..." for each key word cut.
check() {
	awk "$SET_OF"'
	function phases_of(t,   a) {
		split(t, a, "-")
		np = 0
		if (a[1] > 0) { np++; plen[np] = a[1] * 1000 }
		if (a[2] > 0) { np++; plen[np] = a[2] * 1000 }
		if (a[3] > 0) { np++; plen[np] = a[3] * 1000 }
	}
	FNR == NR {
		if ($0 ~ / get ready$/)
			next
		if (set_of($0)) {
			nsets++
			tempo[nsets] = set_tempo
			phases_of(set_tempo)
			want_phase += set_reps * np
			# the step name, between the step number and the side
			nm = ""
			for (x = 4; x <= NF && $x !~ /^(LEFT|RIGHT|BOTH|set)$/; x++)
				nm = nm (nm == "" ? "" : " ") $x
			setname[nm] = 1
		} else if ($0 ~ /set [0-9]+ of [0-9]+: / && $0 !~ /self-paced$/) {
			# a timed set this test cannot read: it would want
			# nothing of it
			unread++
		}
		side = $0 ~ / LEFT / ? "L" : $0 ~ / RIGHT / ? "R" : ""
		if (side != "" && side != pside) { want_legs++; pside = side }
		next
	}
	{
		ev = $1; t = $2
		text = $0
		sub(/^[a-z]+ [0-9]+ /, "", text)
		phase = text ~ /^(Down|Hold|Up)$/ || text ~ /\. (Down|Hold|Up)$/
		# "Right, set 2 of 3, 9 reps" (maybe after "10 seconds. " or
		# "Rest, 10 seconds. "); the first set of a step: "Name, left
		# leg"; a set nothing announced: "Left leg. Down", "Set 2. Down"
		isset = text ~ /[0-9]+ reps?(, count each rep)?(\. (Down|Hold|Up))?$/ ||
			text ~ /^((Left|Right) leg|Set [0-9]+)\. (Down|Hold|Up)$/
		nm = text
		sub(/^.*\. /, "", nm)
		sub(/, count each rep$/, "", nm)
		sub(/, (left|right) leg$/, "", nm)
		if (nm in setname)
			isset = 1
		leg = ""
		if (text ~ /[Ll]eft leg|(^|\. )Left,|^Ice on, left/)
			leg = "L"
		else if (text ~ /[Rr]ight leg|(^|\. )Right,|^Ice on, right/)
			leg = "R"
		key = phase || isset || leg != "" || text ~ /^(Go|Ice on|Ice off|Rest|Note|Rate|Routine complete)/
		if (ev == "cut" && key) { cut_key++; print "cut-key " text }
		if (ev == "start") starts++
		if (ev == "done" || ev == "cut") ends++
		if (ev == "done") {
			if (phase) heard_phase++
			if (isset) heard_sets++
			if (leg != "" && leg != hleg) { heard_legs++; hleg = leg }
		}
	}
	END {
		print "phase=" heard_phase + 0 "/" want_phase + 0
		print "sets=" heard_sets + 0 "/" nsets + 0
		print "legs=" heard_legs + 0 "/" want_legs + 0
		print "ends=" ends + 0 "/" starts + 0
		print "cutkey=" cut_key + 0
		print "unread=" unread + 0
	}' "$T/$1/plan" "$T/$1/heard"
}

for r in $routines; do
	finished "$r"
	ok $? "$r: the session ran to its end"
	like "$(tail -n 1 "$T/$r/log" 2>/dev/null)" ' end status=complete ' "$r: complete"
	[ -f "$T/$r/heard" ] || : >"$T/$r/heard"
	out=$(check "$r")
	is "$(printf '%s\n' "$out" | sed -n 's/^unread=//p')" 0 "$r: every timed set of the plan read"
	p=$(printf '%s\n' "$out" | sed -n 's/^phase=//p')
	is "${p%/*}" "${p#*/}" "$r: every phase word heard whole ($p)"
	s=$(printf '%s\n' "$out" | sed -n 's/^sets=//p')
	is "${s%/*}" "${s#*/}" "$r: every set announcement heard whole ($s)"
	l=$(printf '%s\n' "$out" | sed -n 's/^legs=//p')
	is "${l%/*}" "${l#*/}" "$r: every change of leg heard whole ($l)"
	e=$(printf '%s\n' "$out" | sed -n 's/^ends=//p')
	ok "$([ "${e%/*}" = "${e#*/}" ] && [ "${e#*/}" -gt 0 ]; echo $?)" \
		"$r: the speaker spoke, and every cue started has ended ($e)"
	is "$(printf '%s\n' "$out" | sed -n 's/^cutkey=//p')" 0 "$r: no key word was cut"
	printf '%s\n' "$out" | grep -E '^cut-key' | head -n 10 | sed 's/^/#   /'
done

done_testing
