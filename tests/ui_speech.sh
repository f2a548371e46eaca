#!/bin/sh
# Will I hear every cue?  Every shipped routine runs on the dashboard, in
# tmux, at --speed $SPEED, with tests/speaker as the cue command (it logs
# when each cue starts, ends or is cut, and speaks 0.34 s a word divided by
# the speed); the prompts are answered (a note: Enter; a rating: 3 Enter).
# Then, from what the speaker heard and the routine's --plan:
#   - every DOWN, HOLD and UP of every rep was heard whole (a "done");
#   - every set announcement and every change of leg was heard whole;
#   - no key word (phase, leg, set, part) was ever cut;
#   - nothing was said after its moment: each phase word started before
#     its phase ended, counted from the set's first phase word, and a set's
#     first phase word before its first phase ended, counted from the
#     lead-in that announced the set.
# The routines run at once (each in a tmux session of its own), so the
# whole takes as long as the longest, post-run-calf-care (about 100 s).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

SPEED=20
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
	tm new-session -d -s "$r" -x 80 -y 24 "$T/$r/run.sh"
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
# lines, and "late ..." for each word said after its moment.
check() {
	awk -v speed="$SPEED" -v lead="$LEAD_MS" '
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
		if (match($0, /set [0-9]+ of [0-9]+: [0-9]+ reps at [0-9]+-[0-9]+-[0-9]+/)) {
			s = substr($0, RSTART, RLENGTH)
			split(s, w, " ")
			nsets++
			tempo[nsets] = w[8]
			phases_of(w[8])
			want_phase += w[5] * np
			# the step name, between the step number and the side
			nm = ""
			for (x = 4; x <= NF && $x !~ /^(LEFT|RIGHT|BOTH|set)$/; x++)
				nm = nm (nm == "" ? "" : " ") $x
			setname[nm] = 1
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
		if (ev != "start")
			next
		if (isset) {
			k++
			ann = t
			j = 0
			phases_of(tempo[k])
			rep = 0
			for (x = 1; x <= np; x++) rep += plen[x]
		}
		if (!phase || k == 0)
			next
		if (j == 0) {
			t0 = t
			if ((t0 - ann) * speed >= lead + plen[1])
				print "late first phase of set " k ": " (t0 - ann) " ms after the announcement"
		}
		r = int(j / np)
		p = j % np + 1
		off = r * rep
		for (x = 1; x < p; x++) off += plen[x]
		if ((t - t0) * speed >= off + plen[p])
			print "late " text " (set " k ", word " j + 1 "): " (t - t0) " ms after the first"
		j++
	}
	END {
		print "phase=" heard_phase + 0 "/" want_phase + 0
		print "sets=" heard_sets + 0 "/" nsets + 0
		print "legs=" heard_legs + 0 "/" want_legs + 0
		print "ends=" ends + 0 "/" starts + 0
		print "cutkey=" cut_key + 0
	}' "$T/$1/plan" "$T/$1/heard"
}

for r in $routines; do
	finished "$r"
	ok $? "$r: the session ran to its end"
	like "$(tail -n 1 "$T/$r/log" 2>/dev/null)" ' end status=complete ' "$r: complete"
	[ -f "$T/$r/heard" ] || : >"$T/$r/heard"
	out=$(check "$r")
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
	late=$(printf '%s\n' "$out" | grep -c '^late')
	is "$late" 0 "$r: nothing said after its moment"
	printf '%s\n' "$out" | grep -E '^(late|cut-key)' | head -n 10 | sed 's/^/#   /'
done

done_testing
