#!/bin/sh
# Hostile text never reaches the terminal or the log raw.  A corpus made
# here: routine files whose names hold ESC, BEL, CSI, C1 controls and bytes
# outside UTF-8; names, cues and spots with bidi overrides or made of
# zero-width characters only; a log and config values with the same.  Every
# output path (--list, --check, --plan, diagnostics, routine not found,
# --plain, the log's id= and file=, --history, config messages,
# --dump-config, usage errors) is checked byte by byte.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/rawbytes.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
C1CSI=$(printf '\302\233')      # U+009B
C1OSC=$(printf '\302\235')      # U+009D
C1ST=$(printf '\302\234')       # U+009C
BAD=$(printf '\377\376')        # not UTF-8
RLO=$(printf '\342\200\256')    # U+202E
ZWSP=$(printf '\342\200\213')   # U+200B

# has FILE FIXED-TEXT WHAT
has() {
	if grep -qF -- "$2" "$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   wanted: $2"
		sed 's/^/#   | /' "$1" | head -n 20
	fi
}

R="$T/routines"
mkdir -p "$R"
LOG="$T/sessions.log"

# routine FILE NAME STEP SPOT: a small valid routine, every string
# double-quoted so that YAML's \u escapes can make what a keyboard does not.
routine() {
	cat >"$R/$1.yaml" <<EOF
name: "$2"
description: "a description"
steps:
  - type: timer
    name: "$3"
    duration: 2s
    cue: "hold it"
  - type: massage
    name: Spots
    side: none
    spots:
      - {name: "$4", duration: 1s, cue: "slow"}
EOF
}

# file names with ESC, BEL, CSI, C1 and bytes outside UTF-8
E_ID="e${ESC}[31mred${BEL}"
C_ID="c${C1OSC}0;pwned${C1ST}x${C1CSI}2J"
B_ID="b${BAD}d"
routine "$E_ID" "Escape file" "Step" "Spot"
routine "$C_ID" "C1 file" "Step" "Spot"
routine "$B_ID" "Bad bytes file" "Step" "Spot"
# bidi overrides and invisible names, in every string that is shown
routine bidi '\u202Egnirts' '\u2066step\u2069' 'spot \u200F'
routine zw '\u200B\u200B' '\u200B' '\uFEFF'
routine filler '\u3164' 'Step' 'Spot'
# a broken routine in a file whose name holds a control: FILE:LINE:COL
printf 'name: Broken\nsteps:\n  - {type: nope, name: x}\n' >"$R/x${ESC}[2Jbroken.yaml"
# C1 where the loader must refuse it
printf 'name: "C1\\u009b31m name"\nsteps:\n  - {type: timer, name: t, duration: 1s}\n' >"$R/c1name.yaml"
printf 'name: C1 cue\nsteps:\n  - {type: timer, name: t, duration: 1s, cue: "\\x9d0;x\\x9c"}\n' >"$R/c1cue.yaml"

run() { # run WHAT COMMAND...: stdout and stderr in $T/WHAT.out, .err
	_what=$1
	shift
	"$@" >"$T/$_what.out" 2>"$T/$_what.err" </dev/null
	echo $? >"$T/$_what.rc"
}
both_clean() { # both_clean WHAT DESCRIPTION
	clean "$T/$1.out" "$2, standard output"
	clean "$T/$1.err" "$2, standard error"
}
export RECOUP_NO_CONFIG=1
set -- --routine-dir "$R" --log "$LOG"

# ---- --list ----
run list "$RECOUP" "$@" --list
both_clean list "--list"
has "$T/list.out" 'e\x1b[31mred\x07' "--list shows ESC and BEL in an id as escapes"
has "$T/list.out" 'c\u009d0;pwned\u009cx\u009b2J' "--list shows C1 in an id as escapes"
has "$T/list.out" 'b\xff\xfed' "--list shows bytes outside UTF-8 as escapes"
has "$T/list.out" '\u202egnirts' "--list shows a bidi override"
has "$T/list.out" '\u200b\u200b' "--list shows a zero-width name"
has "$T/list.out" '\u3164' "--list shows a filler name"
has "$T/list.out" 'x\x1b[2Jbroken' "--list shows a broken routine's file name escaped"
# the columns stay where they are: the step count after 24 + 1 + 32 + 1
col=$(grep -F 'zw ' "$T/list.out" | cut -c59-65)
is "$col" "   2 st" "--list: an escaped name takes the columns it shows in"

# ---- columns by what is shown: a character is one column (two when wide),
# and outside UTF-8 one '?' ----
L="$T/latin"
mkdir -p "$L"
cat >"$L/latin.yaml" <<'EOF'
name: "Étirement à chaud"
steps:
  - {type: timer, name: "Épaule été", duration: 5m}
  - {type: timer, name: "Genou", duration: 5m}
  - {type: timer, name: "日本語", duration: 5m}
EOF
sed 's/^name: .*/name: Plain/' "$L/latin.yaml" >"$L/plain.yaml"
list=$("$RECOUP" --routine-dir "$L" --list)
w1=$(printf '%s\n' "$list" | grep '^latin ' | sed 's/ 3 steps.*//' | wc -m)
w2=$(printf '%s\n' "$list" | grep '^plain ' | sed 's/ 3 steps.*//' | wc -m)
is "$w1" "$w2" "--list: a name with accents padded by characters, not bytes"
list=$(LC_ALL=C "$RECOUP" --routine-dir "$L" --list)
like "$list" '^latin {20}\?tirement \? chaud {19}3 steps' "--list, C locale: one ? a character, columns kept"
plan=$("$RECOUP" --routine-dir "$L" --plan latin)
like "$plan" '   3  日本語      get ready' "--plan: wide characters take two columns"
plan=$(LC_ALL=C "$RECOUP" --routine-dir "$L" --plan latin)
like "$plan" '^\?tirement \? chaud \(' "--plan, C locale: the name, one ? a character"
like "$plan" '   1  \?paule \?t\?  get ready' "--plan, C locale: a step, one ? a character"
like "$plan" '   3  \?\?\?         get ready' "--plan, C locale: wide characters, one ? each"

# Outside UTF-8 a terminal takes bytes 0x80-0x9f for C1 controls: what is
# printed there is ASCII alone, the hostile corpus included.  With a
# Latin-1 locale when one is installed, and C always.
latin1=$(locale -a 2>/dev/null | grep -Ei -m1 '8859-?1$')
for loc in C $latin1; do
	for cmd in --list "--plan bidi" "--plan latin" "--plan $C_ID" "--plain --speed 600 zw"; do
		# shellcheck disable=SC2086
		LC_ALL=$loc "$RECOUP" --routine-dir "$R" --routine-dir "$L" --log "$T/c.log" $cmd \
			>"$T/c.out" 2>&1 </dev/null
		LC_ALL=C grep -q "$(printf '[\200-\377]')" "$T/c.out"
		ok $((!$?)) "LC_ALL=$loc $(printf '%s' "$cmd" | LC_ALL=C tr -c 'a-z0-9 -' . | cut -c1-24): ASCII only"
	done
done
[ -n "$latin1" ] || ok 0 "# SKIP no Latin-1 locale installed"

# ---- --check, and FILE:LINE:COL messages ----
run check "$RECOUP" "$@" --check "$R"/*.yaml
both_clean check "--check"
has "$T/check.out" "e\\x1b[31mred\\x07.yaml: ok: Escape file" "--check: the file name escaped"
has "$T/check.out" '\u202egnirts' "--check: the name escaped"
has "$T/check.err" 'x\x1b[2Jbroken.yaml:3:12: unknown' "FILE:LINE:COL: the file name escaped"
has "$T/check.err" 'c1name.yaml:1:7: `name` contains a line break or control character' \
	"C1 in a name is refused with its position"
has "$T/check.err" 'c1cue.yaml:3:47: `cue` contains a line break or control character' \
	"C1 in a cue is refused with its position"

# ---- --plan, by name and by path ----
for id in "$E_ID" "$C_ID" "$B_ID" bidi zw filler; do
	run plan "$RECOUP" "$@" --plan "$id"
	both_clean plan "--plan $(printf '%s' "$id" | od -An -c | tr -s ' ' | head -c 40)"
	is "$(cat "$T/plan.rc")" 0 "--plan runs"
done
run plan "$RECOUP" "$@" --plan "$R/$C_ID.yaml"
both_clean plan "--plan FILE with C1 in its name"
has "$T/plan.out" 'c\u009d0;pwned' "--plan FILE: the file escaped"
run plan "$RECOUP" "$@" --plan bidi
has "$T/plan.out" '\u2066step\u2069' "--plan: a step name's bidi isolates escaped"
has "$T/plan.out" 'spot 1 of 1: spot \u200f' "--plan: a spot's bidi mark escaped"
run plan "$RECOUP" "$@" --plan zw
has "$T/plan.out" '\u200b\u200b (' "--plan: a zero-width routine name escaped"

# ---- a routine not found ----
run nf "$RECOUP" "$@" --plan "no${ESC}]0;pwned${BEL}such${C1CSI}"
both_clean nf "not found"
has "$T/nf.err" "no routine named 'no\\x1b]0;pwned\\x07such\\u009b'" "not found: the name escaped"

# ---- --plain, and the log it writes ----
for id in "$E_ID" "$C_ID" "$B_ID" bidi zw; do
	run plain "$RECOUP" "$@" --plain --speed 600 "$id"
	both_clean plain "--plain $(printf '%s' "$id" | od -An -c | tr -s ' ' | head -c 40)"
done
clean "$LOG" "the log"
has "$LOG" 'id="e\x1b[31mred\x07"' "the log's id= escapes ESC and BEL"
has "$LOG" 'file="'"$R"'/c\u009d0;pwned\u009cx\u009b2J.yaml"' "the log's file= escapes C1"
has "$LOG" 'id="b\xff\xfed"' "the log's id= escapes bytes outside UTF-8"
has "$LOG" 'routine="\u202egnirts"' "the log escapes a bidi override"
has "$LOG" 'routine="\u200b\u200b"' "the log escapes a zero-width name"
run plain "$RECOUP" "$@" --plain --speed 600 bidi
has "$T/plain.out" '\u202egnirts' "--plain: the name escaped"
has "$T/plain.out" '\u2066step\u2069' "--plain: a step's name escaped"

printf 'x%s[2J%s\nq\n' "$ESC" "$C1CSI" >"$T/typed"
"$RECOUP" "$@" --plain --speed 600 bidi <"$T/typed" >"$T/typed.out" 2>&1
clean "$T/typed.out" "--plain: an unknown command with controls"
has "$T/typed.out" "Unknown command 'x\x1b[2J\u009b'" "--plain: the command echoed escaped"

# ---- --history, over that log and a hand-made hostile one ----
run hist "$RECOUP" "$@" --history --practice
both_clean hist "--history"
has "$T/hist.out" '\u202egnirts' "--history: the name escaped"
H="$T/hostile.log"
{
	printf '2026-11-23T18:04:11.204+00:00 aa start routine="raw %s31m %sx%s" file="f" planned=10 format=1\n' \
		"$C1CSI" "$ESC" "$BAD"
	printf '2026-11-23T18:04:12.204+00:00 aa end status=complete\n'
	printf '2026-11-24T18:04:11.204+00:00 bb start routine="esc \\u009b31m \\x1b]0;t\\x07" file="f" planned=10 format=1\n'
	printf '2026-11-24T18:04:12.204+00:00 bb end status=complete\n'
} >"$H"
run hist "$RECOUP" --routine-dir "$R" --log "$H" --history
both_clean hist "--history of a hostile log"
has "$T/hist.out" 'raw \u009b31m \x1bx\xff' "--history: raw controls in the log shown escaped"
has "$T/hist.out" 'esc \u009b31m \x1b]0;t\x07' "--history: escaped controls stay escaped"
run hist "$RECOUP" --routine-dir "$R" --log "$H" --history --routine "x${ESC}[2J"
both_clean hist "--history --routine with ESC"

# ---- config values: messages and --dump-config ----
C="$T/bad.conf"
printf 'keys = { pause = "a\\nb"; };\n' >"$C"
run conf "$RECOUP" --config "$C" --dump-config
both_clean conf "keys.pause with a line break"
is "$(wc -l <"$T/conf.err" | tr -d ' ')" 1 "the message about it is one line"
has "$T/conf.err" 'keys.pause = "a\nb"' "the value is shown escaped"
printf 'lead_in = "\\x1b[2J\\xc2\\x9b";\n' >"$C"
run conf "$RECOUP" --config "$C" --dump-config
both_clean conf "lead_in with ESC and C1"
has "$T/conf.err" 'lead_in = "\x1b[2J\u009b"' "lead_in shown escaped"
printf 'keys = { "\\x1b" = "n"; };\n' >"$C"
run conf "$RECOUP" --config "$C" --dump-config
both_clean conf "a key name libconfig refuses"
C="$T/${ESC}]0;x${BEL}.conf"
printf 'bell = 3;\n' >"$C"
run conf "$RECOUP" --config "$C" --dump-config
both_clean conf "a config file whose name holds controls"
has "$T/conf.err" '\x1b]0;x\x07.conf:1:' "its name escaped in the message"

C="$T/good.conf"
printf 'log = "%s/l\\x1b]0;t\\x07\\xc2\\x9b\\xe2\\x80\\xae.log";\ncue_command = ["say\\n", "\\xc2\\x9d%%s\\xff"];\n' "$T" >"$C"
run dump "$RECOUP" --config "$C" --dump-config
both_clean dump "--dump-config"
has "$T/dump.out" 'l\x1b]0;t\x07\xc2\x9b\xe2\x80\xae.log"' "--dump-config: libconfig's escapes in log"
has "$T/dump.out" '[ "say\n", "\xc2\x9d%s\xff" ]' "--dump-config: and in cue_command"
cp "$T/dump.out" "$T/dumped.conf"
run dump2 "$RECOUP" --config "$T/dumped.conf" --dump-config
is "$(cat "$T/dump2.rc")" 0 "the dump reads back"
same_file "$T/dump2.out" "$T/dump.out" "and gives the same settings"

# ---- usage errors echo the command line ----
run use "$RECOUP" --speed "${ESC}[2J${C1CSI}"
both_clean use "--speed with controls"
has "$T/use.err" "not '\\x1b[2J\\u009b'" "the argument escaped"
run use "$RECOUP" "--x${ESC}]0;t${BEL}"
both_clean use "an unknown option with controls"
has "$T/use.err" "unknown option '--x\\x1b]0;t\\x07'" "the option escaped"
run use "$RECOUP" --list "a${BAD}"
both_clean use "an unexpected argument"
run use "$RECOUP" --history --since "${ESC}c"
both_clean use "--since with ESC"
run use "$RECOUP" --routine-dir "$T/no${ESC}[2J" --log "$LOG" --list
both_clean use "--routine-dir that is not there"

done_testing
