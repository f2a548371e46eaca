#!/bin/sh
# tests/export.sh: `recoup --export csv|json` end to end, read back with
# real readers (Python's csv and json modules): names with commas, quotes,
# a newline and control characters through the round trip, one column set
# for sets, ice rounds, spots, ratings and check-ins, numbers as numbers,
# sessions in the order they started (a merged log, interleaved sessions),
# the filters of --history, and the exit status and messages for a bad
# option, a missing log and one that cannot be read.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"

LOG="$T/recoup.log"
# A hand-written log, as the writer quotes values (logfmt.c): \" \\ \n and
# \xHH inside double quotes.  Stamps at +01:00: the export says the time
# where the session ran, whatever TZ reads it.
cat >"$LOG" <<'EOF'
2026-11-20T18:00:00.000+01:00 s1 start routine="Calf, \"heel\" care\nline two" id=calf-care format=1
2026-11-20T18:00:05.000+01:00 s1 rate n=1 name="Pain, before" measure=pain value=3
2026-11-20T18:00:10.000+01:00 s1 ice n=2 name="Ice \"cold\"" side=both round=1 rounds=2 planned=300 elapsed=300
2026-11-20T18:00:15.000+01:00 s1 skip what=round n=2 name="Ice \"cold\"" round=2 rounds=2 planned=300 elapsed=12.5
2026-11-20T18:00:20.000+01:00 s1 spot n=3 name=Massage spot="Inner, soleus" side=left planned=90 elapsed=90
2026-11-20T18:00:30.000+01:00 s1 set n=4 name="Heel drop, \"slow\"" side=right set=1 sets=2 target=15 reps=15 load=2.5 elapsed=40.25
2026-11-20T18:00:40.000+01:00 s1 skip what=set n=4 name="Heel drop, \"slow\"" side=right set=2 sets=2 target=15 reps=4 load=2.5 elapsed=10
2026-11-20T18:00:45.000+01:00 s1 set n=5 name="Bell\x07 drop \u009b" side=left set=1 sets=1 target=8 reps=9 elapsed=20
2026-11-20T18:00:50.000+01:00 s1 skip what=rate n=6 name="Pain after" measure=pain elapsed=1
2026-11-20T18:01:00.000+01:00 s1 end status=quit elapsed=60
2026-11-21T07:00:00.000+01:00 k1 checkin pain=2 stiffness=4 elapsed=5
2026-11-22T08:00:00.000+00:00 p1 start routine="Ice intervals" id=ice-intervals speed=60 format=1
2026-11-22T08:00:01.000+00:00 p1 set n=1 name=Drive side=left set=1 sets=1 target=8 reps=8 elapsed=3
2026-11-22T08:00:02.000+00:00 p1 end status=complete elapsed=10
2026-11-23T09:00:00.000+00:00 b2 start routine="Other" id=other format=1
2026-11-23T09:00:01.000+00:00 b2 set n=1 name="Mollet é" side=left set=1 sets=1 target=10 reps=10 load=0 elapsed=30
2026-11-23T09:00:02.000+00:00 b2 end status=complete elapsed=40
2026-11-19T09:00:00.000+00:00 b1 start routine="Other" id=other format=1
2026-11-19T09:00:01.000+00:00 b1 set n=1 name="Mollet é" side=left set=1 sets=1 target=10 reps=9 load=1.25 elapsed=30
2026-11-19T09:00:02.000+00:00 b1 end status=complete elapsed=40
2026-11-24T09:00:00.000+00:00 i1 start routine="Other" id=other format=1
2026-11-24T09:00:01.000+00:00 i2 start routine="Other" id=other format=1
2026-11-24T09:00:02.000+00:00 i2 set n=1 name="Mollet é" side=left set=1 sets=1 target=10 reps=2 elapsed=30
2026-11-24T09:00:03.000+00:00 i2 end status=complete elapsed=40
2026-11-24T09:00:04.000+00:00 i1 set n=1 name="Mollet é" side=left set=1 sets=1 target=10 reps=1 elapsed=30
this line is corrupt
2026-11-24T09:00:05.000+00:00 i1 end status=complete elapsed=40
EOF

run_export() { # run_export ARG...: stdout in $T/out, stderr in $T/err, status in $rc
	"$RECOUP" --log "$LOG" --export "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# py FILE FORMAT EXPR: EXPR of `rows` (the file read back: a list of dicts,
# CSV values as text, JSON as typed) and `raw` (its bytes), printed
py() {
	python3 - "$1" "$2" "$3" <<'PYEOF'
import csv, json, sys
path, fmt, expr = sys.argv[1:]
raw = open(path, 'rb').read()
if fmt == 'csv':
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f, strict=True))
else:
    rows = [json.loads(l) for l in raw.decode('utf-8').split('\n') if l]
v = eval(expr)
print(v if isinstance(v, str) else repr(v))
PYEOF
}

COLS='kind,date,time,session,routine,routine_id,practice,status,step,exercise,side,set,sets,target,reps,load,elapsed,planned,skipped,spot,round,rounds,measure,value'

# ---- CSV ----------------------------------------------------------------------
run_export csv
is "$rc" 0 "csv: exit 0"
is "$(head -n 1 "$T/out")" "$COLS$(printf '\r')" "csv: the header row, CRLF"
is "$(cat "$T/err")" "recoup: $LOG:26: skipped corrupt line: bad timestamp" \
	"csv: a corrupt line named on stderr, as --history names it"
C="$T/out.csv"
cp "$T/out" "$C"
is "$(py "$C" csv 'len(rows)')" 14 "csv: one row per set, round, spot, rating and check-in value, no practice"
is "$(py "$C" csv 'raw.count(b"\r\n") == len(rows) + 1 and raw.endswith(b"\r\n")')" True \
	"csv: every record ends with CRLF (a name's newline is inside quotes)"
is "$(py "$C" csv '" ".join(r["session"] + ":" + r["kind"] for r in rows)')" \
	"b1:set s1:rating s1:ice s1:ice s1:spot s1:set s1:set s1:set s1:rating k1:checkin k1:checkin b2:set i1:set i2:set" \
	"csv: sessions by start time (a merged log, interleaved sessions), rows by step"
is "$(py "$C" csv 'rows[1]["routine"]')" 'Calf, "heel" care
line two' "csv: a name with a comma, quotes and a newline survives the round trip"
is "$(py "$C" csv 'rows[1]["exercise"] + "|" + rows[2]["exercise"] + "|" + rows[4]["spot"] + "|" + rows[5]["exercise"]')" \
	'Pain, before|Ice "cold"|Inner, soleus|Heel drop, "slow"' "csv: step and spot names with commas and quotes"
is "$(py "$C" csv 'rows[0]["exercise"]')" "Mollet é" "csv: UTF-8 as it is"
is "$(py "$C" csv 'rows[7]["exercise"]')" 'Bell\x07 drop \u009b' \
	"csv: a control character in a name written as its escape, never raw"
is "$(py "$C" csv 'not any(b < 32 and b not in (10, 13) or b == 127 for b in raw) and b"\xc2\x9b" not in raw')" True \
	"csv: no raw control character but the line ends and the name's newline"
is "$(py "$C" csv '[rows[1][k] for k in ("date", "time", "session", "routine_id", "practice", "status")]')" \
	"['2026-11-20', '18:00:00', 's1', 'calf-care', '0', 'quit']" \
	"csv: date and time as stamped (local where it ran), session id, routine id, practice, status"
is "$(py "$C" csv '[rows[5][k] for k in ("step", "side", "set", "sets", "target", "reps", "load", "elapsed", "skipped", "measure", "value")]')" \
	"['4', 'right', '1', '2', '15', '15', '2.5', '40.25', '0', '', '']" \
	"csv: a set: load in kg, elapsed in seconds, empty cells where a column does not apply"
is "$(py "$C" csv '[rows[6][k] for k in ("set", "reps", "skipped")]')" "['2', '4', '1']" \
	"csv: a skipped set: the reps counted before it, skipped 1"
is "$(py "$C" csv '[rows[2][k] for k in ("side", "round", "rounds", "planned", "elapsed", "skipped")] + [rows[3][k] for k in ("round", "elapsed", "skipped")]')" \
	"['both', '1', '2', '300', '300', '0', '2', '12.5', '1']" "csv: ice rounds (side=both: both), one cut short"
is "$(py "$C" csv '[rows[4][k] for k in ("kind", "side", "spot", "planned", "elapsed", "round")]')" \
	"['spot', 'left', 'Inner, soleus', '90', '90', '']" "csv: a massage spot"
is "$(py "$C" csv '[rows[1][k] for k in ("measure", "value", "skipped")] + [rows[8][k] for k in ("measure", "value", "skipped")]')" \
	"['pain', '3', '0', 'pain', '', '1']" "csv: ratings with their measure, a skipped one without a value"
is "$(py "$C" csv '[rows[9][k] for k in ("date", "time", "routine", "practice", "status", "measure", "value")] + [rows[10]["measure"]]')" \
	"['2026-11-21', '07:00:00', '', '', '', 'pain', '2', 'stiffness']" "csv: a check-in: a row per value"
is "$(py "$C" csv '[r["load"] for r in rows if r["kind"] == "set"]')" \
	"['1.25', '2.5', '2.5', '', '0', '', '']" "csv: loads: 1.25 kg, bodyweight 0, none logged empty"
TZ=Asia/Tokyo "$RECOUP" --log "$LOG" --export csv 2>/dev/null | cmp -s - "$C"
ok $? "csv: the same read in another time zone"

# ---- JSON ---------------------------------------------------------------------
run_export json
is "$rc" 0 "json: exit 0"
J="$T/out.json"
cp "$T/out" "$J"
is "$(py "$J" json 'len(rows)')" 14 "json: one object per line"
is "$(py "$J" json 'all(list(r) == "'"$COLS"'".split(",") for r in rows)')" True \
	"json: every object has every column, in order"
is "$(py "$J" json 'rows[1]["routine"]')" 'Calf, "heel" care
line two' "json: a name with a comma, quotes and a newline survives the round trip"
is "$(py "$J" json 'rows[7]["exercise"] == "Bell\x07 drop \x9b"')" True \
	"json: control characters escaped as \\u00XX read back to themselves"
is "$(py "$J" json 'not any(b < 32 and b != 10 or b == 127 for b in raw) and b"\xc2\x9b" not in raw')" True \
	"json: no raw control character on the way"
is "$(py "$J" json '[rows[5][k] for k in ("step", "set", "reps", "load", "elapsed", "skipped", "measure", "practice")]')" \
	"[4, 1, 15, 2.5, 40.25, False, None, False]" "json: numbers as numbers, true/false, null for missing"
is "$(py "$J" json '[rows[8]["value"], rows[8]["skipped"], rows[9]["routine"], rows[9]["value"]]')" \
	"[None, True, None, 2]" "json: a skipped rating, a check-in's value"
is "$(py "$J" json 'rows[0]["exercise"]')" "Mollet é" "json: UTF-8 as it is"

# ---- the README's jq example, over the default log ----------------------------
if command -v jq >/dev/null 2>&1; then
	sed -n '/^    recoup --export json | jq/{N;s/^    //;s/\n    / /;p;}' "$top_srcdir/README" >"$T/jq.sh"
	mkdir -p "$XDG_STATE_HOME/recoup"
	cp "$LOG" "$XDG_STATE_HOME/recoup/sessions.log"
	PATH="$(dirname "$RECOUP"):$PATH" sh "$T/jq.sh" >"$T/out" 2>"$T/err"
	is "$?:$(sed -n 1p "$T/out")" "$(printf '0:2026-11-19\tMollet é\t9\t1.25')" \
		"the README's jq example: the left leg's sets, one a line"
	is "$(wc -l <"$T/out" | tr -d ' ')" 5 "every one of them"
else
	ok 0 "# SKIP jq not found"
	ok 0 "# SKIP jq not found"
fi

# ---- filters ------------------------------------------------------------------
run_export csv --practice
cp "$T/out" "$C"
is "$(py "$C" csv '[(r["session"], r["practice"], r["exercise"]) for r in rows if r["session"] == "p1"]')" \
	"[('p1', '1', 'Drive')]" "--practice: practice sessions too, marked"
run_export csv --since 2026-11-21
cp "$T/out" "$C"
is "$(py "$C" csv '" ".join(r["session"] for r in rows)')" "k1 k1 b2 i1 i2" "--since: sessions and check-ins from that day"
printf '%s\n' "2026-11-19T07:00:00.000+00:00 c1 checkin pain=5 elapsed=3" \
	"2026-11-22T07:00:00.000+00:00 c2 checkin pain=4 elapsed=3" >"$T/checkins.log"
"$RECOUP" --log "$T/checkins.log" --export json --since 2026-11-20 >"$T/out" 2>"$T/err"
is "$(py "$T/out" json '[(r["session"], r["measure"], r["value"]) for r in rows]')" "[('c2', 'pain', 4)]" \
	"--since: no check-in before that day"
run_export csv --routine OTHER
cp "$T/out" "$C"
is "$(py "$C" csv '" ".join(r["session"] for r in rows)')" "b1 k1 k1 b2 i1 i2" \
	"--routine by id in any case: its sessions, and the check-ins (no routine's)"
run_export json --routine 'Calf, "heel" care
line two' --since 2026-11-20
cp "$T/out" "$J"
is "$(py "$J" json '" ".join(sorted(set(r["session"] for r in rows)))')" "k1 s1" "--routine by its name"

# ---- errors -------------------------------------------------------------------
try="Try 'recoup --help' for more information."
run_export xml
is "$rc" 2 "a format that is neither csv nor json: exit 2"
is "$(cat "$T/err")" "recoup: --export wants csv or json, not 'xml'
$try" "and says so"
is "$(cat "$T/out")" "" "and writes nothing"
run_export csv --since 2026-02-30
is "$rc" 2 "a bad --since: exit 2"
is "$(cat "$T/err")" "recoup: --since wants a date as YYYY-MM-DD, not '2026-02-30'
$try" "and says so"
"$RECOUP" --no-log --export csv >"$T/out" 2>"$T/err"
is "$?" 2 "--export with --no-log: exit 2"
is "$(cat "$T/err")" "recoup: --export reads the log; it cannot go with --no-log" "and says so"
"$RECOUP" --export csv --list >"$T/out" 2>"$T/err"
is "$?" 2 "--export with another command: exit 2"
"$RECOUP" --export csv extra >"$T/out" 2>"$T/err"
is "$?" 2 "--export takes no argument"

"$RECOUP" --log "$T/none.log" --export csv >"$T/out" 2>"$T/err"
is "$?" 0 "a missing log: exit 0"
is "$(cat "$T/out")" "$COLS$(printf '\r')" "csv: the header alone"
is "$(cat "$T/err")" "recoup: no sessions logged yet in $T/none.log" "a note on stderr"
"$RECOUP" --log "$T/none.log" --export json >"$T/out" 2>/dev/null
is "$?:$(wc -c <"$T/out" | tr -d ' ')" "0:0" "json: nothing at all"
if [ -w /dev/full ]; then
	"$RECOUP" --log "$LOG" --export csv >/dev/full 2>"$T/err"
	is "$?:$(tail -n 1 "$T/err")" "1:recoup: standard output: No space left on device" \
		"standard output that cannot be written: exit 1, and why"
else
	ok 0 "# SKIP no /dev/full"
fi
mkdir "$T/dir.log"
"$RECOUP" --log "$T/dir.log" --export csv >"$T/out" 2>"$T/err"
is "$?" 1 "a log that is a directory: exit 1"
is "$(cat "$T/err")" "recoup: $T/dir.log: not a regular file (a directory); nothing exported" "and says so"
is "$(cat "$T/out")" "" "and writes nothing, not even the header"
# a log that cannot be opened, also for root: a path through a file
"$RECOUP" --log "$LOG/sub.log" --export csv >"$T/out" 2>"$T/err"
is "$?:$(cat "$T/err")" "1:recoup: $LOG/sub.log: Not a directory" "a log that cannot be opened: exit 1, and why"
is "$(cat "$T/out")" "" "and writes nothing"
cp "$LOG" "$T/locked.log"
chmod 000 "$T/locked.log"
if cat "$T/locked.log" >/dev/null 2>&1; then
	ok 0 "# SKIP an unreadable log: running as root"
	ok 0 "# SKIP and writes nothing"
else
	"$RECOUP" --log "$T/locked.log" --export json >"$T/out" 2>"$T/err"
	is "$?:$(cat "$T/err")" "1:recoup: $T/locked.log: Permission denied" "an unreadable log: exit 1, and why"
	is "$(cat "$T/out")" "" "and writes nothing"
fi

# ---- a big log, and one newest first ------------------------------------------
# --since keeps what is stamped on that day or later, the day as the stamp
# writes it, as --history does: a session at 23:30 five hours west of UTC
# is the 19th's wherever it is read, and so is a check-in
printf '%s\n' \
	'2026-11-19T23:30:00.000-05:00 w1 start routine="Late" id=late format=1' \
	'2026-11-19T23:31:00.000-05:00 w1 rate n=1 name="Calf pain" measure=pain value=2' \
	'2026-11-19T23:32:00.000-05:00 w1 end status=complete elapsed=120' \
	'2026-11-19T23:40:00.000-05:00 w2 checkin pain=3 elapsed=4' \
	'2026-11-20T00:10:00.000-05:00 w3 start routine="Late" id=late format=1' \
	'2026-11-20T00:11:00.000-05:00 w3 rate n=1 name="Calf pain" measure=pain value=1' \
	'2026-11-20T00:12:00.000-05:00 w3 end status=complete elapsed=120' >"$T/west.log"
for tz in UTC EST5EDT Asia/Tokyo; do
	TZ=$tz "$RECOUP" --log "$T/west.log" --export csv --since 2026-11-20 >"$T/west.csv" 2>/dev/null
	is "$(py "$T/west.csv" csv '" ".join(r["session"] for r in rows)')" w3 \
		"TZ=$tz: --since 2026-11-20 keeps the session stamped on the 20th, not the 19th's 23:30 nor its check-in"
done

# To a terminal, the CSV moves no cursor: a name's line break shown as
# \n, lines ending in LF alone (script(1) gives it a terminal, with the
# terminal's own LF-to-CRLF turned off so what recoup wrote is what is read)
if command -v script >/dev/null 2>&1; then
	script -qec "stty -onlcr; \"$RECOUP\" --log \"$LOG\" --export csv" /dev/null >"$T/tty.csv" 2>&1
	is "$(py "$T/tty.csv" csv 'raw.count(b"\r")')" 0 "to a terminal: no carriage return at all"
	like "$(cat "$T/tty.csv")" 'Calf, ""heel"" care\\nline two' \
		"to a terminal: a name's newline shown as a backslash and n, inside its quotes"
	"$RECOUP" --log "$LOG" --export csv >"$T/pipe.csv" 2>/dev/null
	is "$(py "$T/pipe.csv" csv 'raw.count(b"\r\n") == len(rows) + 1 and any("\n" in r["routine"] for r in rows)')" \
		True "to a pipe: CRLF line ends and the name's raw line break, as ever"
else
	for n in 1 2 3; do ok 0 "# SKIP script(1) not found"; done
fi

# Past 8 MB the rows wait in a temporary file: the same output as in
# memory (TMPDIR where none can be made), in order either way.
sh "$top_srcdir/tests/gen_log.sh" 150000 >"$T/big.log"
sh "$top_srcdir/tests/gen_log.sh" 150000 worst >"$T/worst.log"
for f in big worst; do
	"$RECOUP" --log "$T/$f.log" --export csv >"$T/$f.csv" 2>/dev/null
	TMPDIR="$T/nowhere" "$RECOUP" --log "$T/$f.log" --export csv 2>/dev/null | cmp -s - "$T/$f.csv"
	ok $? "$f log: the same with the rows in memory"
	is "$(py "$T/$f.csv" csv 'len(raw) > 8 << 20 and all((a["date"], a["time"]) <= (b["date"], b["time"]) for a, b in zip(rows, rows[1:]))')" \
		True "$f log: more than 8 MB, sessions by start time"
done
is "$(py "$T/worst.csv" csv 'sum(1 for r in rows if r["kind"] == "set")')" \
	"$(grep -c ' set ' "$T/worst.log")" "worst log: every set"

done_testing
