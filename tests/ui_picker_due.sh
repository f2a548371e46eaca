#!/bin/sh
# The picker's due marks and streaks (schedule: in the routine files):
# what is due today first, marked in words ("due", "due twice", "1 more",
# "done", as --due says what is left)
# and each routine's streak, at 80x24 and 40x12; the list drawn before the
# log is read, the marks filling in after, the selection staying on its
# routine when the due ones move up; a broken routine still listed.
# faketime pins "now" (Sunday 2026-12-06, 09:00 UTC; tmux.sh pins TZ).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

command -v faketime >/dev/null 2>&1 || skip_all "faketime not found"

R="$T/routines"
mkdir -p "$R"
routine() { # routine ID NAME [SCHEDULE]
	{
		echo "name: $2"
		[ -n "${3:-}" ] && echo "schedule: $3"
		echo "steps:"
		echo "  - type: timer"
		echo "    name: Hold"
		echo "    duration: 30s"
	} >"$R/$1.yaml"
}
# on the search path in this order; the due ones are c and e
routine a-mwf "Calf raises" "[mon, wed, fri]"
routine b-done "Done today" "daily"
routine c-daily "Heel drops" "daily"
routine d-none "Easy stretch"
routine e-twice "Soleus twice" "twice daily"
printf 'name: Broken one\nsteps:\n  - type: timer\n    name: x\n    durration: 5s\n' >"$R/f-broken.yaml"

session() { # session ID DAY TIME [STATUS]
	sid=$(printf '%s%s' "$2" "$3" | cksum | cut -c1-6)
	echo "2026-12-${2}T$3:00.000+00:00 $sid start routine=\"x\" id=$1 planned=30 steps=1 format=1"
	echo "2026-12-${2}T$3:30.000+00:00 $sid end status=${4:-complete} elapsed=30"
}
{
	# Heel drops: every day from the 1st to the 5th, none today: streak 5, due
	for d in 01 02 03 04 05; do session c-daily $d 08:00; done
	# Soleus twice: both on the 5th, one today: 1 more, streak 1
	session e-twice 05 07:00
	session e-twice 05 19:00
	session e-twice 06 07:00
	# Calf raises: Wednesday and Friday: streak 2, nothing asked on a Sunday
	session a-mwf 02 10:00
	session a-mwf 04 10:00
	# Done today: today and yesterday: done, streak 2
	session b-done 05 08:00
	session b-done 06 08:30
	# Easy stretch: quit, so never done; but last tried on the 3rd
	session d-none 03 12:00 quit
	# a session of a routine not on the path: no mark for anyone
	session z-gone 06 06:00
} >"$LOG"

NOW='2026-12-06 09:00:00'
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
picker() {
	tm_start -e env NO_COLOR=1 ASAN_OPTIONS="$asan" RECOUP_TEST_HOLD_MARKS="$T/go" \
		faketime "$NOW" "$RECOUP" --log "$LOG" --routine-dir "$R" "$@"
}
# the test's routines, in the order listed (the shipped ones are on the
# path too)
rows() {
	screen | grep -E '^ (Calf raises|Done today|Heel drops|Easy stretch|Soleus twice|f-broken)' |
		sed 's/^ \([A-Za-z-]* [a-z()]*\).*/\1/'
}
row_of() { screen | grep -E "^ $1" | head -n 1; }

# ---- before and after the log is read -----------------------------------------
picker
wait_screen 'recoup: pick a routine'
ok $? "the picker opens"
wait_screen '^ Calf raises +1 step +0:33 +last: \.\.\.'
ok $? "the list is drawn before the log is read: last date pending"
is "$(rows | tr '\n' ',')" "Calf raises,Done today,Heel drops,Easy stretch,Soleus twice,f-broken (broken)," \
	"in the search path's order meanwhile"
# the selection on Easy stretch, the fourth row, before the marks come
pick 'Easy stretch'
ok $? "Easy stretch selected"
touch "$T/go"
wait_screen '^ Heel drops +due +streak 5'
ok $? "the marks fill in once read"
is "$(rows | tr '\n' ',')" "Heel drops,Soleus twice,Calf raises,Done today,Easy stretch,f-broken (broken)," \
	"the due routines first, the rest in their order"
_poll 5 _selected_is 'Easy stretch'
ok $? "the selection stayed on Easy stretch"
like "$(screen)" 'Easy stretch' "its preview still shown"
s=$(screen)
like "$(row_of 'Heel drops')" '^ Heel drops +due +streak 5 +1 step +0:33 +last: 2026-12-05$' \
	"due today, with its streak and last date"
like "$(row_of 'Soleus twice')" '^ Soleus twice +1 more +streak 1 +1 step +0:33 +last: today 07:00$' \
	"twice daily, one done today: 1 more (what is left, as --due says it)"
like "$(row_of 'Calf raises')" '^ Calf raises +streak 2 +1 step +0:33 +last: 2026-12-04$' \
	"not asked for on a Sunday: no mark, its streak"
like "$(row_of 'Done today')" '^ Done today +done +streak 2 +1 step +0:33 +last: today 08:30$' \
	"done today: done"
like "$(row_of 'Easy stretch')" '^ Easy stretch +1 step +0:33 +last: 2026-12-03$' \
	"no schedule, nothing completed: no mark, no streak"
like "$(row_of 'f-broken')" '^ f-broken \(broken\) 5:5: unknown key' "the broken routine is still listed"
# the streak in one form on every row, at every width
is "$(screen | grep -Ec '[0-9]d( |$)')" 0 "no row says the streak short"
keys q
wait_exit

# ---- 40x12 ------------------------------------------------------------------------
touch "$T/go"
picker
tm resize-window -t t -x 40 -y 12
wait_screen '^ Heel drops +due +streak 5$'
ok $? "40x12: the due mark and the streak, in the same words"
s=$(screen)
like "$s" '^ Soleus twice +1 more +streak 1$' "40x12: 1 more"
like "$s" '^ Calf raises +streak 2$' "40x12: a streak without a mark"
like "$s" '^ Done today +done +streak 2$' "40x12: done"
like "$s" '^ f-broken \(broken\) 5:5: unknown k' "40x12: the broken one listed, cut at the edge"
# the column where TEXT starts on the row of ROUTINE
col() { screen | grep "^ $1" | awk -v t="$2" '{ print index($0, t) }'; }
is "$(col 'Done today' done)" "$(col 'Heel drops' due)" "40x12: the marks line up"
is "$(col 'Calf raises' 'streak 2')" "$(col 'Heel drops' 'streak 5')" "40x12: the streaks line up, a row without a mark too"
ok "$(! screen | grep -Eq '.{41}'; echo $?)" "nothing wider than 40 columns"
keys q
wait_exit

# ---- past midnight ----------------------------------------------------------------
# A picker left open past midnight reads the log again for the new day:
# "done" on the 6th is "due" on the 7th, "today 08:30" a date (faketime
# runs the clock from 23:59:54 at twice the speed)
touch "$T/go"
tm_start -e env NO_COLOR=1 ASAN_OPTIONS="$asan" \
	faketime -f '@2026-12-06 23:59:54 x2' "$RECOUP" --log "$LOG" --routine-dir "$R"
wait_screen '^ Done today +done +streak 2 +1 step +0:33 +last: today 08:30$'
ok $? "before midnight: done today" || show_screen
wait_screen '^ Done today +due +streak 2 +1 step +0:33' 30
ok $? "past midnight, the picker still open: due again" || show_screen
like "$(row_of 'Soleus twice')" '^ Soleus twice +due twice +1 step' \
	"twice daily, one done on the 6th: due twice on the 7th, no streak"
like "$(row_of 'Calf raises')" '^ Calf raises +due +streak 2 ' "a Monday: [mon, wed, fri] is due"
is "$(screen | grep -c 'today 0')" 0 "no session is \"today\" any more"
keys q
wait_exit

# ---- the test knob is the build tree's alone ---------------------------------------
# RECOUP_TEST_HOLD_MARKS in a user's environment: an installed recoup (a
# copy outside the build tree) fills its marks in all the same
mkdir -p "$T/bin"
cp "$RECOUP" "$T/bin/recoup" || exit 99
tm_start -e env NO_COLOR=1 ASAN_OPTIONS="$asan" RECOUP_TEST_HOLD_MARKS="$T/never" \
	faketime "$NOW" "$T/bin/recoup" --log "$LOG" --routine-dir "$R"
wait_screen '^ Heel drops +due +streak 5'
ok $? "an installed recoup ignores RECOUP_TEST_HOLD_MARKS: the marks fill in" || show_screen
keys q
wait_exit

done_testing
