#!/bin/sh
# check_bad.sh: the bad-input corpus.  Each tests/bad/NAME.yaml holds one
# mistake (a few hold several) and tests/bad/NAME.err the exact stderr of
# `recoup --check bad/NAME.yaml` run from tests/.  Every one must exit 1 with
# that text, print nothing on stdout, and finish well under a second.
. "$top_srcdir/tests/lib.sh"
# a guard against a hang or a quadratic blow-up, not a speed test (speed is
# make bench's): sanitizers and a busy machine slow these several times over
guard_ms=10000
ldd "$RECOUP" 2>/dev/null | grep -q libasan && guard_ms=30000

bad="alias anchor bad-duration bad-load bad-measure bad-reps bad-side bad-tempo bom-invalid-utf8
c1-in-cue c1-in-description c1-in-name c1-in-spot
colon-in-value control-char-in-name cr-line-ends defaults-bad
document-comments-only document-empty duplicate-key-same-line duplicate-key
duration-too-long duration-zero empty-spots empty-steps empty format-2
ice-no-duration invalid-utf8 key-not-scalar key-wrong-type line-separator-drift
line-separators load-not-reps load-step-in-defaults load-step-zero
long-numbers massage-no-spots measure-not-rate missing-colon missing-name
missing-steps misspelt-off misspelt-spot-keys misspelt-top-keys name-empty
name-line-break nesting-too-deep nul-escape no-type-more-errors progress-not-bool
reps-missing reps-out-of-range reversed-range rounds-not-number
rounds-without-off second-document sets-out-of-range several-errors
schedule-bare-weekday schedule-daly schedule-day-twice schedule-empty schedule-empty-list
schedule-funday schedule-in-step schedule-mapping schedule-nested schedule-weekly
spot-no-duration spot-unnamed step-no-name step-no-type step-not-mapping
steps-not-list steps-null suggest-any-case suggest-for-type tab-before-entry
tab-indent tempo-zero top-list top-scalar unknown-spot-key unknown-step-key
unknown-top-key unknown-type-more-errors unknown-type wide-and-tab yaml-syntax
yaml-tag-core yaml-tag"

now_ms() {
	t=$(date +%s%3N)
	case $t in
	*[!0-9]*) echo $(($(date +%s) * 1000)) ;;
	*) echo "$t" ;;
	esac
}

# run_check DIR FILE: --check FILE from DIR; sets $rc and $ms, output in $T
run_check() {
	t0=$(now_ms)
	(cd "$1" && "$RECOUP" --check "$2") >"$T/out" 2>"$T/err"
	rc=$?
	ms=$(($(now_ms) - t0))
}

# every fixture in the directory is in the list (a new one must be added
# here and to EXTRA_DIST in tests/loader.am)
for f in "$top_srcdir"/tests/bad/*.yaml; do
	name=${f##*/}
	name=${name%.yaml}
	case " $(echo $bad) " in
	*" $name "*) ;;
	*) ok 1 "bad/$name.yaml is listed in check_bad.sh" ;;
	esac
done

for name in $bad; do
	run_check "$top_srcdir/tests" "bad/$name.yaml"
	is "$rc" 1 "$name: exit status 1"
	same_file "$T/err" "$top_srcdir/tests/bad/$name.err" "$name: stderr"
	is "$(cat "$T/out")" "" "$name: nothing on stdout"
	ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "$name: done promptly ($ms ms)"
done

# Columns count a character's width on screen (GNU style) whatever the
# locale: routine files are UTF-8 even when the terminal is not.
for loc in C C.UTF-8; do
	(cd "$top_srcdir/tests" && LC_ALL=$loc "$RECOUP" --check bad/wide-and-tab.yaml) >"$T/out" 2>"$T/err"
	same_file "$T/err" "$top_srcdir/tests/bad/wide-and-tab.err" "wide-and-tab: the same column with LC_ALL=$loc"
done

# A warning alone does not fail the check.
run_check "$top_srcdir/tests" good/ice-warning.yaml
is "$rc" 0 "ice over 20 minutes: exit status 0"
same_file "$T/err" "$top_srcdir/tests/good/ice-warning.err" "ice over 20 minutes: the warning"
is "$(cat "$T/out")" "good/ice-warning.yaml: ok: Long ice, 1 step, 25:03" "ice over 20 minutes: still ok"

# Limits, generated here rather than shipped: over 1 MiB, more than 10,000
# steps, more than 300,000 values, and 1,000 bad steps (errors stop at 100).
awk 'BEGIN {
	print "name: Too large"; print "steps:"
	for (i = 0; i < 40000; i++) print "  - {type: note, name: Note number " i "}"
}' >"$T/large.yaml"
size=$(wc -c <"$T/large.yaml" | tr -d ' ')
ok "$([ "$size" -gt 1048576 ] && echo 0 || echo 1)" "the large file is over 1 MiB ($size bytes)"
run_check "$T" large.yaml
is "$rc" 1 "over 1 MiB: exit status 1"
is "$(cat "$T/err")" "recoup: large.yaml: file is too large ($size bytes; routines are at most 1 MiB)" \
	"over 1 MiB: message"
ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "over 1 MiB: done promptly ($ms ms)"

# a pipe gets the same limit (it cannot be measured up front)
t0=$(now_ms)
"$RECOUP" --check /dev/stdin <"$T/large.yaml" >"$T/out" 2>"$T/err"
rc=$?
ms=$(($(now_ms) - t0))
is "$rc" 1 "over 1 MiB from a pipe: exit status 1"
like "$(cat "$T/err")" '^recoup: /dev/stdin: file is too large \([0-9]+ bytes; routines are at most 1 MiB\)$' \
	"over 1 MiB from a pipe: message"
ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "over 1 MiB from a pipe: done promptly ($ms ms)"

awk 'BEGIN {
	print "name: Too many"; print "steps:"
	for (i = 0; i < 10001; i++) print "  - {type: note, name: N}"
}' >"$T/many.yaml"
run_check "$T" many.yaml
is "$rc" 1 "10,001 steps: exit status 1"
is "$(cat "$T/err")" "recoup: many.yaml:10003:5: more than 10000 steps; refusing the file" \
	"10,001 steps: the message points at step 10,001"
ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "10,001 steps: done promptly ($ms ms)"

sed '$d' "$T/many.yaml" >"$T/max.yaml"
run_check "$T" max.yaml
is "$rc" 0 "exactly 10,000 steps: exit status 0"
is "$(cat "$T/out")" "max.yaml: ok: Too many, 10000 steps, 0:00" "exactly 10,000 steps: ok"

awk 'BEGIN {
	printf "name: Values\nsteps: ["
	for (i = 0; i < 300001; i++) printf "1,"
	print "1]"
}' >"$T/values.yaml"
run_check "$T" values.yaml
is "$rc" 1 "300,001 values: exit status 1"
is "$(cat "$T/err")" "recoup: values.yaml:2:599999: too many values (more than 300000); refusing the file" \
	"300,001 values: message"
ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "300,001 values: done promptly ($ms ms)"

awk 'BEGIN {
	print "name: Errors"; print "steps:"
	for (i = 0; i < 1000; i++) print "  - {type: timer, name: T, duration: 0s}"
}' >"$T/errors.yaml"
run_check "$T" errors.yaml
is "$rc" 1 "1,000 bad steps: exit status 1"
is "$(wc -l <"$T/err" | tr -d ' ')" 101 "1,000 bad steps: 100 errors and a last line"
is "$(tail -n 1 "$T/err")" "recoup: errors.yaml:103:38: too many errors; not reporting more" \
	"1,000 bad steps: the last line says so"

# Warnings stop at 100 too: 10,000 ice rounds of 25 minutes still load.
awk 'BEGIN {
	print "name: Warnings"; print "steps:"
	for (i = 0; i < 10000; i++) print "  - {type: ice, name: I, duration: 25m}"
}' >"$T/warnings.yaml"
run_check "$T" warnings.yaml
is "$rc" 0 "10,000 long ice rounds: exit status 0"
is "$(wc -l <"$T/err" | tr -d ' ')" 101 "10,000 long ice rounds: 100 warnings and a last line"
is "$(tail -n 1 "$T/err")" "recoup: warnings.yaml:103:36: warning: too many warnings; not reporting more" \
	"10,000 long ice rounds: the last line says so"
ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "10,000 long ice rounds: done promptly ($ms ms)"

# 60,000 unknown keys in one step: refused quickly, not in quadratic time
awk 'BEGIN {
	print "name: Keys"; print "steps:"; print "  - type: note"; print "    name: N"
	for (i = 0; i < 60000; i++) print "    k" i ": 1"
}' >"$T/keys.yaml"
run_check "$T" keys.yaml
is "$rc" 1 "60,000 unknown keys: exit status 1"
is "$(tail -n 1 "$T/err")" "recoup: keys.yaml:105:5: too many errors; not reporting more" \
	"60,000 unknown keys: errors stop at 100"
ok "$([ "$ms" -lt "$guard_ms" ] && echo 0 || echo 1)" "60,000 unknown keys: done promptly ($ms ms)"

done_testing
