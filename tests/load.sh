#!/bin/sh
# tests/load.sh: today's load in --plain: the set prompt shows it, l and L
# move it by the step's load_step (never below 0), `load KG` sets it, for
# the set at hand and its side's later sets; every `set` and `skip
# what=set` line of the step logs load= before elapsed=, a step without a
# load none.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"


# field LINE KEY: the value of KEY in a log line
field() { printf '%s\n' "$1" | sed -n "s/.* $2=\\([^ ]*\\).*/\\1/p"; }

log="$T/load.log"
start load --plain --speed 25 --log "$log" "$F/load.yaml"
wait_for "] LEFT set 1 of 2: 3 reps (5 kg) of Heel drop, self-paced"
ok $? "the set prompt shows the load"
like "$(grep '^Commands:' "$T/load.out")" 'Load: l or L up or down a step, load 12.5 sets it\.$' \
	"the help line says the load commands where a step has a load"
send l
wait_for "Load 7.5 kg for the rest of Heel drop, left side"
ok $? "l: up by 2.5 kg, said at once"
send 3
wait_for "] RIGHT set 1 of 2: 3 reps (5 kg) of Heel drop"
ok $? "the right side keeps its own load"
send "load x"
wait_for "'x' is not a load; give kilograms like 0, 10 or 2.5"
ok $? "load with no kilograms: said why"
send "load 2.5"
wait_for "Load 2.5 kg for the rest of Heel drop, right side"
ok $? "load 2.5: set"
send 3
wait_for "] REST"
send ""
wait_for "] LEFT set 2 of 2: 3 reps (7.5 kg) of Heel drop"
ok $? "left set 2: the load changed in set 1 holds for the side"
send L
send L
send L
send L
wait_for "The load is 0 kg already (bodyweight)"
ok $? "L stops at 0"
send n
wait_for "] RIGHT set 2 of 2: 3 reps (2.5 kg) of Heel drop"
ok $? "right set 2: its side's load"
send 3
wait_for "] set 1 of 1: 2 reps of Plain"
send l
wait_for "No load here: l and L change the load of a set that has one"
ok $? "l on a step without a load: said"
send 2
wait_for "Logged to $log"
ok $? "the session runs to its end"
finish
is "$rc" 0 "exit 0"

sets=$(awk '$3 == "set" || ($3 == "skip" && / what=set /)' "$log")
is "$(printf '%s\n' "$sets" | while read -r l; do
	printf '%s %s %s load=%s\n' "$(printf '%s' "$l" | cut -d' ' -f3)" \
		"$(field "$l" side)" "$(field "$l" set)" "$(field "$l" load)"
done)" "set left 1 load=7.5
set right 1 load=2.5
skip left 2 load=0
set right 2 load=2.5
set none 1 load=" "each set and skip logs its load; the step without one none"
like "$(grep ' set n=1 .*side=left set=1 ' "$log")" ' max=3 load=7\.5 elapsed=[0-9.]+$' \
	"load= right after max=, elapsed= last"
like "$(grep ' skip n=1 ' "$log")" ' load=0 elapsed=[0-9.]+$' "the skip too"
like "$(grep 'next time:' "$T/load.out" | head -n 1)" '^  next time: 3 reps each side, 5 kg' \
	"the summary gives next time's load"

# progression added load at the top and took the reps to the bottom: L
# back to the old load keeps the old reps for the side's remaining sets
cat >"$T/rng.yaml" <<'YAML'
name: Range load
steps:
  - {type: reps, name: Heel drop, side: both, sets: 1, reps: 3-5, progress: true, tempo: self, load: 5}
YAML
rlog="$T/rng.log"
ts=2026-12-01T07:00:00.000+01:00
{
	echo "$ts a1b2c3 start routine=\"Range load\" id=rng file=rng.yaml format=1"
	for sd in left right; do
		echo "$ts a1b2c3 set n=1 name=\"Heel drop\" side=$sd set=1 sets=1 target=5 reps=5 min=3 max=5 load=5 elapsed=30"
	done
	echo "$ts a1b2c3 end status=complete elapsed=60"
} >"$rlog"
start rng --plain --speed 25 --log "$rlog" "$T/rng.yaml"
wait_for "] LEFT set 1 of 1: 3 reps (7.5 kg) of Heel drop"
ok $? "at the top: load added, reps back to the bottom"
send L
wait_for "] Load kept at 5 kg: 5 reps, both sides"
ok $? "L back to the old load: said with the old reps, for both legs (one backpack)"
send 5
wait_for "] RIGHT set 1 of 1: 5 reps (5 kg) of Heel drop"
ok $? "the other side: refused by the same key"
send 5
wait_for "Logged to $rlog"
finish
like "$(grep ' side=left ' "$rlog" | tail -n 1)" ' target=5 reps=5 min=3 max=5 load=5 ' \
	"the refused load's set logs the old target"
like "$(grep ' side=right ' "$rlog" | tail -n 1)" ' target=5 reps=5 min=3 max=5 load=5 ' \
	"and so does the other side's"

done_testing
