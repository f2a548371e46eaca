#!/bin/sh
# --plain: a count typed while getting ready for a self-paced set, or
# resting before it, is that set's count (given to it once it starts), and
# never a rating's; a second one, or one before a tempo set, is said not
# kept; and one the session never used is said at its end.  Nothing typed
# is lost without a word.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

mkdir -p "$XDG_CONFIG_HOME/recoup" "$T/r"
# a lead-in long enough to type in (3 s at speed 20 is 0.15 s)
echo 'lead_in = "40s";' >"$XDG_CONFIG_HOME/recoup/recoup.conf"
cat >"$T/r/soleus.yaml" <<'YAML'
name: Soleus
steps:
  - {type: rate, name: Calf pain before, measure: pain}
  - {type: reps, name: Bent knee, side: both, sets: 2, reps: 12, tempo: self, rest: 60s}
  - {type: rate, name: Calf pain after, measure: pain}
YAML
log="$T/a.log"
setline() { grep " set .*side=$1 set=$2 " "$log"; }

start a --plain --speed 20 --log "$log" "$T/r/soleus.yaml"
wait_for "rate 0 to 10"
send 2
wait_for "Get ready: LEFT set 1 of 2"
send 12
wait_for "Kept 12 for the count of LEFT set 1 of 2"
ok $? "a count typed while getting ready: kept for that set, said"
send 13
wait_for "Not kept: 13; 12 is kept already for the count of LEFT set 1 of 2"
ok $? "a second one: said not kept"
wait_for "Get ready: RIGHT set 1 of 2"
like "$(setline left 1)" ' reps=12 ' "given to the set once it started: left set 1, 12 reps"
send 12
wait_for "REST 1:00"
send 11
wait_for "Kept 11 for the count of LEFT set 2 of 2"
ok $? "a count typed in the rest: kept for the next set"
wait_for "Get ready: RIGHT set 2 of 2"
like "$(setline left 2)" ' reps=11 ' "and given to it: left set 2, 11 reps"
send 10
wait_for "rate 0 to 10" 2
send 1
wait_for "Logged to $log"
finish
is "$rc" 0 "complete: exit 0"
like "$(grep ' rate ' "$log" | tail -n 1)" ' value=1$' "the rating after: its own 1, not a count"
like "$(setline right 2)" ' reps=10 ' "right set 2: 10"

# kept, then the session quit before the set: said
log="$T/b.log"
start b --plain --speed 20 --log "$log" "$T/r/soleus.yaml"
wait_for "rate 0 to 10"
send 2
wait_for "Get ready: LEFT set 1 of 2"
send 9
wait_for "Kept 9"
send q
wait_for "Logged to $log"
finish
like "$(cat "$T/b.out")" '^Not used: 9, kept for a set that did not start$' "quit before it: said not used"

done_testing
