#!/bin/sh
# tests/recipes.sh: every recipe in the README's log section, taken from
# the README itself (so the two cannot drift apart), run over a log made by
# real --plain sessions and checked line by line.  Each recipe is a block
# of indented lines under "Recipes", starting with its "# comment".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/session.sh"

R="$top_srcdir/tests/fixtures-engine/recipes.yaml"
dlog="$HOME/.local/state/recoup/sessions.log"
mkdir -p "${dlog%/*}"

# ---- three sessions ----
# S1, by hand: ice round 2 cut short with n, a spot left with b and done
# again, set 1 done again after b and then skipped at "how many?"; made a
# real session below
log="$T/s1.log"
start s1 --plain --speed 60 --log "$log" "$R"
wait_for "rate 0 to 10"
send 4
wait_for "] ICE ON: Ice both calves, 2:00, round 2 of 2"
send n
wait_for "] Inner soleus, 2:00"
sleep 0.3
send b
wait_for "] Inner soleus, 2:00" 2
wait_for "] set 1 of 2: 3 reps"
send n
wait_for "How many reps did you do?"
# lines written at once are read at once: the b comes as the rest begins
# (going back to the set), whatever the machine's load
printf '2\nb\n' >&3
wait_for "] set 1 of 2: 3 reps" 2
send n
wait_for "How many reps did you do?" 2
send n
wait_for "REST 5:00" 2
send n
wait_for "Calf tightness after: rate"
send 2
wait_for "Logged to"
finish
is "$rc" 0 "session 1 runs"
is "$(events "$log")" "start step rate done step ice skip done step skip spot spot done step set skip skip set done step rate done end" \
	"session 1: a round cut short, a spot done again, a set done again then skipped"
like "$(grep ' skip ' "$log" | sed -n 3p)" ' skip n=4 .* what=set set=1 sets=2 ' "session 1: the redone set 1 skipped at how many?"
# S2: practice, must never show; S3: made a real session below (the sets
# count their reps by their tempo)
printf '9\n8\n' | "$RECOUP" --plain --speed 600 --log "$T/s2.log" "$R" >/dev/null 2>&1
is "$?" 0 "session 2 runs (practice)"
printf '5\n3\n' | "$RECOUP" --plain --speed 600 --log "$T/s3.log" "$R" >/dev/null 2>&1
is "$?" 0 "session 3 runs"
is "$(events "$T/s3.log")" "start step rate done step ice ice done step spot spot done step set set done step rate done end" \
	"session 3 runs to its end"

# The known log: S1 and S3 made real sessions (no speed=) on fixed days,
# and the time of parts cut short fixed at 30 s (at --speed it varies).
sed -E 's/^[0-9-]{10}T/2026-10-05T/; / start /s/ speed=[0-9]+//;
	/ skip .* what=(spot|round) /s/elapsed=[0-9.]+/elapsed=30/' "$log" >"$dlog"
sed -E 's/^[0-9-]{10}T/2026-10-20T/' "$T/s2.log" >>"$dlog"
sed -E 's/^[0-9-]{10}T/2026-11-02T/; / start /s/ speed=[0-9]+//' "$T/s3.log" >>"$dlog"
is "$(grep -c ' start .* speed=' "$dlog")" 1 "the log: one practice session of three"

# ---- the recipes, from the README ----
awk '/^Recipes/ { on = 1; next } on && /^`recoup --history`/ { exit }
     on && /^    # / { n++ } on && n && /^    / { print > (dir "/recipe." n) }' \
	dir="$T" "$top_srcdir/README"
is "$(ls "$T"/recipe.* | wc -l | tr -d ' ')" 5 "the README has five recipes (a new one needs a check here)"

# run TITLE: the output of the recipe whose comment is TITLE
run() {
	for f in "$T"/recipe.*; do
		if [ "$(sed -n '1s/^    # //p' "$f")" = "$1" ]; then
			sed 's/^    //' "$f" >"$T/recipe.sh"
			sh "$T/recipe.sh" 2>&1
			return
		fi
	done
	echo "no recipe: $1"
}

like "$(cat "$T"/recipe.*)" 'tail -f ~/\.local/state/recoup/sessions\.log' "follow a session live: tail -f on the log"

# S1: set 1 done (2 reps), done again after b and skipped: left out
is "$(run 'the soleus drive: date, side, set and reps of each set done; a set skipped last is left out')" \
"2026-10-05 none 2 3
2026-11-02 none 1 3
2026-11-02 none 2 3" "sets: one line per set, a set's last line (a skip) stands, no practice"

is "$(run 'calf tightness before and after, one line per session: date, before, after')" \
"2026-10-05 4 2
2026-11-02 5 3" "tightness before and after, paired per session, no practice"

is "$(run 'sessions completed per month')" \
"2026-10 1
2026-11 1" "completed per month, no practice"

# S1: ice 120 + a round cut short at 30; massage a spot left at 30 and
# done again (120: the last line stands) + 30
is "$(run 'minutes of ice and of massage per session, each round and spot once (a skip: the time it ran)')" \
"2026-10-05 ice 2.5 massage 2.5
2026-11-02 ice 4.0 massage 2.5" "ice and massage minutes, each part's last line once, no practice"

done_testing
