#!/bin/sh
# tests/due_cmd.sh: `recoup --due` end to end: routines with schedules in a
# routine dir of the test's own, a log written here with fixed stamps, and
# "now" set by faketime (TZ is UTC, from the test environment).  What is
# due and missed is asserted line for line, with the exit status: 0 due,
# 1 nothing due, 2 bad usage, 3 not known.
. "$top_srcdir/tests/lib.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime not found"
# faketime preloads itself ahead of the sanitizer runtime, which ASan
# would refuse
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

# A copy of the binary outside the build tree: the shipped routines in
# routines/ are not on its search path, only the test's.
mkdir -p "$T/bin" "$T/r"
cp "$RECOUP" "$T/bin/recoup" || exit 99
RC="$T/bin/recoup"
log="$T/sessions.log"
: >"$log"

routine() { # routine ID NAME [SCHEDULE]
	{
		echo "name: $2"
		[ -n "${3:-}" ] && echo "schedule: $3"
		echo "steps:"
		echo "  - type: note"
		echo "    name: Go"
	} >"$T/r/$1.yaml"
}

# session ID DAY [STATUS [EXTRA]]: a session of routine ID started at
# 07:00 on DAY (a second one that day at 18:00), ended STATUS (complete;
# "none": no end line, killed), EXTRA on its start line (speed=20)
sid=0
session() {
	sid=$((sid + 1))
	t=07:00
	grep -q "^$2T07:00:00.000+00:00 .* id=$1 " "$log" && t=18:00
	s=$(printf 'a%05d' "$sid")
	echo "$2T$t:00.000+00:00 $s start routine=\"$1\" id=$1 file=\"$T/r/$1.yaml\" planned=60 steps=1 format=1${4:+ $4}" >>"$log"
	echo "$2T$t:30.000+00:00 $s step n=1 type=note name=\"Go\"" >>"$log"
	[ "${3:-complete}" = none ] ||
		echo "$2T$t:59.000+00:00 $s end status=${3:-complete} elapsed=59" >>"$log"
}

# due AT [ARGS...]: --due at "AT" (faketime), output in $T/out, $T/err, $rc
due() {
	at=$1
	shift
	faketime "$at" "$RC" --due --routine-dir "$T/r" --log "$log" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}
out() { cat "$T/out"; }
err() { cat "$T/err"; }

# 2026-12-06 is a Sunday; 12-07 Monday, 12-08 Tuesday, 12-09 Wednesday.

# ---- daily ----
routine daily "Daily care" daily
session daily 2026-12-06
due '2026-12-06 20:00:00'
is "$rc" 1 "daily, done today: nothing due, exit 1"
is "$(out)" "" "daily, done today: nothing on stdout"
is "$(err)" "" "and nothing on stderr"

due '2026-12-07 06:00:00'
is "$rc" 0 "daily, not done yet today: due, exit 0"
is "$(out)" "Daily care: due today, streak 1 day" "daily: due today, with the streak (yesterday's day)"

# streak: three days in a row, today's not done yet does not break it
session daily 2026-12-04
session daily 2026-12-05
due '2026-12-07 06:00:00'
is "$(out)" "Daily care: due today, streak 3 days" "the streak counts the days in a row"

# a missed day: the last one done was the 6th, today the 9th
due '2026-12-09 12:00:00'
is "$(out)" "Daily care: due today
Daily care: missed yesterday" "a day missed: due today, and missed yesterday, no streak"
is "$rc" 0 "exit 0"

# ---- practice, quit and unfinished sessions do not count ----
: >"$log"
session daily 2026-12-06 complete speed=20
due '2026-12-06 20:00:00'
is "$rc" 0 "a practice session is not the day's session: still due"
is "$(out)" "Daily care: due today" "practice: due today"
session daily 2026-12-06 quit
due '2026-12-06 20:00:00'
is "$(out)" "Daily care: due today" "a session quit halfway is not done"
session daily 2026-12-06 none
due '2026-12-06 20:00:00'
is "$(out)" "Daily care: due today" "nor one that never ended (killed)"
is "$rc" 0 "still due, exit 0"
session daily 2026-12-06
due '2026-12-06 20:00:00'
is "$rc" 1 "one complete: done"
rm "$T/r/daily.yaml"

# ---- twice daily ----
: >"$log"
routine heel "Heel drops" "twice daily"
due '2026-12-06 06:00:00'
is "$(out)" "Heel drops: due twice today" "twice daily, none done: due twice"
is "$rc" 0 "exit 0"
session heel 2026-12-06
due '2026-12-06 12:00:00'
is "$(out)" "Heel drops: 1 of 2 left today" "twice daily, one done: 1 of 2 left"
is "$rc" 0 "1 of 2 left: exit 0"
session heel 2026-12-06
due '2026-12-06 20:00:00'
is "$rc" 1 "twice daily, both done: exit 1"
is "$(out)" "" "and nothing printed"
due '2026-12-07 06:00:00'
is "$(out)" "Heel drops: due twice today, streak 1 day" "next day: due twice, streak 1"
session heel 2026-12-07
due '2026-12-08 06:00:00'
is "$(out)" "Heel drops: due twice today
Heel drops: missed 1 of 2 yesterday" "half a day missed: missed 1 of 2"
rm "$T/r/heel.yaml"

# ---- weekdays ----
: >"$log"
routine mwf "Soleus drives" "[mon, wed, fri]"
session mwf 2026-12-04
session mwf 2026-12-07
due '2026-12-08 12:00:00'
is "$rc" 1 "[mon, wed, fri] on a Tuesday, Monday done: nothing due, exit 1"
is "$(out)" "" "nothing printed"
due '2026-12-09 12:00:00'
is "$rc" 0 "on the Wednesday: due, exit 0"
is "$(out)" "Soleus drives: due today, streak 2 days" "due today, streak of Friday and Monday"
: >"$log"
session mwf 2026-12-04
due '2026-12-09 12:00:00'
is "$(out)" "Soleus drives: due today
Soleus drives: missed Mon 2026-12-07" "Wednesday with Monday missed: due, and the missed Monday by date"
is "$rc" 0 "exit 0"
due '2026-12-08 12:00:00'
is "$(out)" "Soleus drives: missed yesterday" "Tuesday with Monday missed: the miss alone"
is "$rc" 1 "a miss alone is nothing due: exit 1"
# today is the local day: Tuesday 23:00 five hours west is Wednesday
# 04:00 in UTC
TZ=UTC+5 faketime '2026-12-08 23:00:00' "$RC" --due --routine-dir "$T/r" --log "$log" >"$T/out" 2>&1
is "$?:$(out)" "1:Soleus drives: missed yesterday" "today is the local calendar day (Tuesday)"
routine mwf "Soleus drives" "[friday, wednesday, mon]"
due '2026-12-09 12:00:00'
is "$(out)" "Soleus drives: due today
Soleus drives: missed Mon 2026-12-07" "full names, any order"

# ---- without a schedule: never due, never missed ----
routine stretch "Stretch"
due '2026-12-09 12:00:00'
is "$(grep -c Stretch "$T/out")" 0 "a routine without a schedule is never due nor missed"
due '2026-12-09 12:00:00' --routine stretch
is "$rc" 1 "--routine of one without a schedule: exit 1"
is "$(err)" "recoup: Stretch has no schedule: it is never due" "and says so on stderr"
is "$(out)" "" "nothing on stdout"
rm "$T/r/mwf.yaml"
due '2026-12-09 12:00:00'
is "$rc" 1 "no routine with a schedule: nothing due, exit 1"
is "$(out)$(err)" "" "and nothing said"

# ---- several routines: due lines first, then the misses ----
: >"$log"
routine a-daily "Daily care" daily
routine b-heel "Heel drops" "twice daily"
session a-daily 2026-12-06
session b-heel 2026-12-06
due '2026-12-08 08:00:00'
is "$(out)" "Daily care: due today
Heel drops: due twice today
Daily care: missed yesterday
Heel drops: missed yesterday" "every routine due, then every miss"

# --routine NAME: that one alone
due '2026-12-08 08:00:00' --routine b-heel
is "$(out)" "Heel drops: due twice today
Heel drops: missed yesterday" "--routine NAME: that routine alone"
is "$rc" 0 "--routine, due: exit 0"
session b-heel 2026-12-08
session b-heel 2026-12-08
due '2026-12-08 20:00:00' --routine b-heel
is "$rc" 1 "--routine, done: exit 1 (another routine still due)"
due '2026-12-08 20:00:00' --routine b-heal
is "$rc" 2 "--routine of no routine: bad usage, exit 2"
like "$(err)" "no routine named 'b-heal'.*did you mean 'b-heel'" "with a suggestion"
is "$(out)" "" "nothing on stdout"

# ---- broken routine files are skipped, never due ----
rm "$T/r/a-daily.yaml"
printf 'name: Broken\nschedule: weekly\nsteps:\n  - type: note\n    name: Go\n' >"$T/r/broken.yaml"
due '2026-12-08 20:00:00'
is "$rc" 1 "a broken file does not make anything due: exit 1"
is "$(out)" "Heel drops: missed yesterday" "the others' lines only"
like "$(err)" "^recoup: $T/r/broken\\.yaml:2:11: \`schedule: weekly\` is not a schedule.*\\(skipped: not counted as due\\)$" \
	"one line on stderr, file:line:col"
is "$(err | wc -l | tr -d ' ')" 1 "one line only"
due '2026-12-09 08:00:00'
is "$rc" 0 "the others still answer: due, exit 0"
is "$(out)" "Heel drops: due twice today, streak 1 day" "the others' lines"
due '2026-12-09 08:00:00' --routine broken
is "$rc" 3 "--routine of a broken file: not known, exit 3"
like "$(err)" "broken\\.yaml:2:11: " "its errors on stderr"
rm "$T/r/broken.yaml"

# ---- names go out safe ----
printf 'name: "Ice\\u200b \\u202eevil"\nschedule: daily\nsteps:\n  - type: note\n    name: Go\n' >"$T/r/zw.yaml"
due '2026-12-09 08:00:00'
is "$(grep -c 'Ice\\u200b \\u202eevil: due today$' "$T/out")" 1 "a zero-width and a bidi control in a name are escaped"
rm "$T/r/zw.yaml"

# ---- the log ----
due '2026-12-09 08:00:00' --log "$T/nolog"
is "$rc" 0 "no log yet: what is scheduled today is due, exit 0"
is "$(out)" "Heel drops: due twice today" "and nothing missed (nothing begun)"

mkdir "$T/logdir"
due '2026-12-09 08:00:00' --log "$T/logdir"
is "$rc" 3 "a log that is a directory: not known, exit 3 (not 0: not due)"
is "$(out)" "" "nothing on stdout"
is "$(err)" "recoup: cannot read the log $T/logdir: it is a directory; what is due is not known" \
	"the message names the file"

if [ "$(id -u)" != 0 ]; then
	cp "$log" "$T/locked.log"
	chmod 000 "$T/locked.log"
	due '2026-12-09 08:00:00' --log "$T/locked.log"
	is "$rc" 3 "a log that cannot be read: exit 3"
	like "$(err)" "^recoup: cannot read the log $T/locked\\.log: Permission denied" "and why"
fi

cp "$log" "$T/corrupt.log"
echo "this is no log line" >>"$T/corrupt.log"
echo "2026-12-08 nonsense" >>"$T/corrupt.log"
due '2026-12-08 20:00:00' --log "$T/corrupt.log"
is "$rc" 1 "corrupt lines: the rest still read (done today), exit 1"
is "$(err)" "recoup: $T/corrupt.log: 2 corrupt lines left out (recoup --history names them)" \
	"one line counts them"

# ---- usage ----
due '2026-12-09 08:00:00' --no-log
is "$rc" 2 "--due --no-log: exit 2"
is "$(err)" "recoup: --due reads the log; it cannot go with --no-log" "and why"
for a in "--since 2026-12-01" "--practice"; do
	# shellcheck disable=SC2086
	due '2026-12-09 08:00:00' $a
	is "$rc" 2 "--due $a: bad usage, exit 2"
	like "$(err)" "^recoup: ${a%% *} does not go with --due" "and says so"
done
due '2026-12-09 08:00:00' heel
is "$rc" 2 "--due ROUTINE: bad usage (--routine is the way)"

# a config that cannot be read: not known
printf 'log = \n' >"$T/bad.conf"
faketime '2026-12-09 08:00:00' "$RC" --due --config "$T/bad.conf" --routine-dir "$T/r" \
	>"$T/out" 2>"$T/err"
is "$?" 3 "a bad config file: not known, exit 3"
like "$(err)" "bad\\.conf" "the message names the config"

# ---- the shipped routines, from the build tree ----
# A fresh install is not nagged by the examples: none carries an active
# schedule, so with no log and no routine of the user's nothing is due
faketime '2026-12-09 08:00:00' "$RECOUP" --due --log "$T/nolog" >"$T/out" 2>"$T/err"
is "$?" 1 "the shipped routines ask for nothing: nothing due on a first day"
is "$(err)" "" "and none is broken"
is "$(out)" "" "and nothing is said"
# the line each shows in a comment is the one to add: uncommented in a
# copy, it makes the copy due
mkdir -p "$T/copy"
for f in "$top_srcdir"/routines/*.yaml; do
	sed 's/^# \(schedule: .*[^ ]\)  (uncomment, or add to your copy, when you follow it)$/\1/' \
		"$f" >"$T/copy/${f##*/}"
done
faketime '2026-12-09 08:00:00' "$RC" --due --log "$T/nolog" --routine-dir "$T/copy" \
	>"$T/out" 2>"$T/err"
is "$?" 0 "a copy with the commented schedule uncommented is due"
is "$(err)" "" "the commented line is a valid schedule"
is "$(out)" "Alfredson heel drops: due twice today
Spot massage: due today" "Alfredson heel drops twice daily, spot massage on a Wednesday"

done_testing
