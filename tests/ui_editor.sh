#!/bin/sh
# The editor round-trip from the picker: e opens $EDITOR on the routine;
# what it leaves is checked at once, errors shown as FILE:LINE:COLUMN; e
# again reopens the editor at the error's line; a fixed file is ok again.
. "$top_srcdir/tests/lib.sh"
unset VISUAL   # it would win over EDITOR
. "$top_srcdir/tests/tmux.sh"

dir="$T/routines"
mkdir -p "$dir"
cp "$ROUTINES/ui-ice.yaml" "$ROUTINES/ui-broken.yaml" "$dir/"
chmod u+w "$dir"/*.yaml
cp "$dir/ui-ice.yaml" "$T/ui-ice.orig"
ice="$dir/ui-ice.yaml"
lines=$(wc -l <"$ice" | tr -d ' ')

# The fake editor records its arguments and the terminal's mode, then does
# what $T/ed-mode says: break the file (an unknown key after its last
# line), fix it (the original back), fail (exit 3), or nothing.
cat >"$T/fake-ed" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >>"$T/ed-args"
stty -a >"$T/ed-stty" 2>&1
for last; do :; done
case \$(cat "$T/ed-mode") in
break) printf '    nmae: oops\n' >>"\$last" ;;
fix) cp "$T/ui-ice.orig" "\$last" ;;
fail) exit 3 ;;
# wait on the terminal for a line, as an editor waits for keys; what
# signals it ignores goes to ed-sigign first
wait) sed -n 's/^SigIgn:[[:space:]]*//p' /proc/\$\$/status >"$T/ed-sigign" 2>/dev/null
	echo started >"$T/ed-started"
	read -r line ;;
# the same, but Ctrl-C and Ctrl-\\ are the editor's own (as in vi)
keep) trap '' INT QUIT
	echo started >"$T/ed-started"
	read -r line ;;
kill) kill -TERM \$\$ ;;
# a line of the user's own, as any real edit adds
mine) printf '# mine\\n' >>"\$last" ;;
# write in the file, then fail (vi's :cq after typing)
scribble) printf '# my own words\n' >>"\$last"; exit 3 ;;
esac
EOF
chmod +x "$T/fake-ed"

echo break >"$T/ed-mode"
tm_start -e env EDITOR="$T/fake-ed --wait" "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
ok $? "the picker opens"
pick 'UI ice'
ok $? "UI ice selected"
wait_screen '1 ice +Ice the calf'
ok $? "its preview"

keys e
wait_screen 'The routine has errors:'
ok $? "after the editor exits, the picker shows the file's errors"
is "$(cat "$T/ed-args")" "--wait $ice" "the editor got the file (and EDITOR's own arguments)"
like "$(cat "$T/ed-stty")" '(^| )icanon( |$)' "the editor ran on a terminal in canonical mode"
like "$(cat "$T/ed-stty")" '(^| )echo( |$)' "with echo"
bad=$((lines + 1))
like "$(joined)" "$ice:$bad:5: unknown key \`nmae\` in a step \\(did you mean \`name\`\\?\\)" \
	"the error with file:line:column"
like "$(screen)" 'e reopen the editor at the first error' "e is offered"

echo fix >"$T/ed-mode"
keys e
wait_screen "$ice: ok"
ok $? "e again: the fixed file is ok"
is "$(sed -n 2p "$T/ed-args")" "--wait +$bad $ice" "the editor was reopened at the error's line"
s=$(screen)
ok "$(! printf '%s\n' "$s" | grep -q 'has errors'; echo $?)" "the errors are gone"
like "$s" '^ UI ice +2 steps' "the routine is listed as good"

# break it again, leave the error screen with another key: the list marks it
echo break >"$T/ed-mode"
keys e
wait_screen 'The routine has errors:'
ok $? "broken again"
keys x
wait_screen '^ ui-ice \(broken\) [0-9]+:5: unknown key'
ok $? "any other key: back to the list, the routine marked (broken)"

# e on a routine that was broken before: the editor opens at its first error
echo none >"$T/ed-mode"
pick 'ui-broken'
ok $? "ui-broken selected"
wait_screen 'e: edit it at the error'
ok $? "its preview offers to edit it"
keys e
wait_screen 'The routine has errors:'
ok $? "its errors after the editor"
is "$(sed -n 4p "$T/ed-args")" "--wait +5 $dir/ui-broken.yaml" "e on a broken routine opens at its first error"
like "$(joined)" "$dir/ui-broken.yaml:5:5: unknown key \`durration\`" "the first error"
like "$(joined)" "$dir/ui-broken.yaml:5:5: unknown key \`durration\` in a step \\(did you mean \`duration\`\\?\\)" \
	"and the next, each whole (long ones wrap)"

keys x q
wait_exit
ok $? "q quits"
is "$(exit_status)" 0 "exit status 0"
is "$(pane '#{alternate_on} #{cursor_flag}')" "0 1" "the terminal is restored"

# An editor that cannot be run: said, with why; nothing claims the file
# was checked as if edited
cp "$T/ui-ice.orig" "$ice"
tm_start -e env EDITOR=/nonexistent/ed "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
pick 'UI ice'
ok $? "UI ice selected again"
keys e
_poll 10 _joined_has 'Could not run the editor /nonexistent/ed \(from \$EDITOR\): No such file or directory'
ok $? "EDITOR that cannot be run: the picker says so, naming it and why" || show_screen
ok "$(! joined | grep -q ': ok'; echo $?)" "and does not say the file is ok"
keys q
wait_exit

# An editor that fails: its exit status is said
echo fail >"$T/ed-mode"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
pick 'UI ice'
ok $? "UI ice selected"
keys e
_poll 10 _joined_has "The editor $T/fake-ed \\(from \\\$EDITOR\\) exited with status 3"
ok $? "an editor that exits 3: the picker says so" || show_screen
ok "$([ -f "$ice" ]; echo $?)" "a file of the user's is never removed after a failed edit"
keys q
wait_exit

# A routine not in the user's own directory (here the build tree's
# routines/): e edits a copy in $XDG_CONFIG_HOME/recoup/routines, made for
# it, and leaves the original alone
echo mine >"$T/ed-mode"
: >"$T/ed-args"
mine="$XDG_CONFIG_HOME/recoup/routines"
shipped="$top_srcdir/routines/ice-intervals.yaml"
cp "$shipped" "$T/shipped.orig"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG"
wait_screen 'recoup: pick a routine'
pick 'Ice intervals'
ok $? "a shipped routine is listed"
keys e
_poll 10 _joined_has 'Edited a copy, .*: ok'
ok $? "e on it: the picker says it edited a copy" || show_screen
like "$(joined | tr -d ' ')" "Editedacopy,$mine/ice-intervals\\.yaml\\(theoriginalisleftasitwas\\):ok" \
	"naming the copy"
is "$(cat "$T/ed-args")" "$mine/ice-intervals.yaml" "the editor got the copy"
{ cat "$shipped"; echo '# mine'; } >"$T/shipped.mine"
same_file "$mine/ice-intervals.yaml" "$T/shipped.mine" "the copy is the routine, with what the editor wrote"
same_file "$shipped" "$T/shipped.orig" "the original is left as it was"
is "$(ls -ld "$mine" | cut -c1-10)" "drwx------" "the routine directory was made, mode 0700"
keys e
_poll 10 _joined_has "$mine/ice-intervals.yaml: ok"
ok $? "e again edits the copy itself" || show_screen
is "$(sed -n 2p "$T/ed-args")" "$mine/ice-intervals.yaml" "the editor got the copy again"
is "$(ls "$mine")" "ice-intervals.yaml" "no second copy"
keys q
wait_exit

# A file of the user's that cannot be written: a copy would go over it,
# so nothing is copied and nothing edited (root may write anything)
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$dir/ui-ice.yaml"
	: >"$T/ed-args"
	tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$dir"
	wait_screen 'recoup: pick a routine'
	pick 'UI ice'
	ok $? "UI ice selected, read-only"
	keys e
	_poll 10 _joined_has 'Cannot copy .*: File exists'
	ok $? "a read-only routine of the user's: never copied over itself" || show_screen
	is "$(cat "$T/ed-args")" "" "and no editor"
	keys q
	wait_exit
	chmod u+w "$dir/ui-ice.yaml"
else
	ok 0 "# SKIP a read-only routine of the user's: running as root, which writes through any mode"
fi

# Ctrl-C and Ctrl-\\ while the editor runs are the editor's: recoup
# ignores them until it is back (as git and crontab do), and the editor
# gets them with their default actions
: >"$T/ed-args"
echo keep >"$T/ed-mode"
rm -f "$T/ed-started"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
pick 'UI ice'
ok $? "UI ice selected for the signal tests"
keys e
_poll 10 test -s "$T/ed-started"
ok $? "an editor that keeps Ctrl-C for itself is running"
keys C-c
keys 'C-\\'
keys Enter
wait_screen "$ice: ok"
ok $? "Ctrl-C and Ctrl-\\ in the editor: recoup is back in the picker when it ends" || show_screen
ok "$(! _exited; echo $?)" "and still running"
keys q
wait_exit
is "$(exit_status)" 0 "then q quits with status 0, not 130"

echo wait >"$T/ed-mode"
rm -f "$T/ed-started"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
pick 'UI ice'
keys e
_poll 10 test -s "$T/ed-started"
ok $? "an editor with the default actions is running"
if [ -s "$T/ed-sigign" ]; then
	mask=$(cat "$T/ed-sigign")
	# INT is bit 1, QUIT bit 2, PIPE bit 12
	is "$(( 0x$mask & 0x1006 ))" 0 "the editor ignores none of INT, QUIT, PIPE (SigIgn $mask)"
else
	ok 0 "# SKIP no /proc to read the editor's ignored signals from"
fi
keys C-c
_poll 10 _joined_has "The editor $T/fake-ed \\(from \\\$EDITOR\\) was killed by signal 2 \\(INT\\)"
ok $? "Ctrl-C kills that editor: the picker says it was killed by signal 2 (INT)" || show_screen
ok "$(! _exited; echo $?)" "recoup itself is still running, in the picker"
like "$(screen)" 'recoup: pick a routine' "the picker is on the screen"
keys q
wait_exit
is "$(exit_status)" 0 "q quits with status 0"

echo kill >"$T/ed-mode"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
pick 'UI ice'
keys e
_poll 10 _joined_has "The editor $T/fake-ed \\(from \\\$EDITOR\\) was killed by signal 15 \\(TERM\\)"
ok $? "an editor that kills itself with SIGTERM: said, with the signal's name" || show_screen
ok "$(! _exited; echo $?)" "recoup goes on"
keys q
wait_exit

# r: the copy goes (to the trash) and the routine it hides shows again.
# Here $mine/ice-intervals.yaml is the copy e made above; make it the
# user's own work
trash="$XDG_STATE_HOME/recoup/trash"
printf '# tuned for me\n' >>"$mine/ice-intervals.yaml"
cp "$mine/ice-intervals.yaml" "$T/copy.mine"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$mine" --routine-dir "$dir"
wait_screen 'recoup: pick a routine'
pick 'Ice intervals'
ok $? "the copy is listed"
keys r
_poll 10 _joined_has 'y/n'
like "$(joined | tr -d ' ')" "Revertice-intervals\\?Yourcopy$mine/ice-intervals\\.yamlgoestothetrash,and$top_srcdir/routines/ice-intervals\\.yamlshowsagain\\.y/n" \
	"r asks first, naming the copy and the routine it hides" || show_screen
like "$(screen)" 'y: yes, to the trash +any other key: no' "the key line says how to answer"
keys n
_poll 10 _joined_has 'Not reverted'
like "$(joined | tr -d ' ')" "Notreverted:$mine/ice-intervals\\.yamliskept" "n: not reverted"
same_file "$mine/ice-intervals.yaml" "$T/copy.mine" "the copy is untouched"
keys r
_poll 10 _joined_has 'y/n'
keys y
_poll 10 _joined_has 'Reverted'
like "$(joined | tr -d ' ')" "Reverted:yourcopyisnow$trash/ice-intervals\\.yaml,and$top_srcdir/routines/ice-intervals\\.yamlshowsagain" \
	"y: the copy is moved to the trash, said with both paths" || show_screen
ok "$([ ! -e "$mine/ice-intervals.yaml" ]; echo $?)" "the copy is gone from the routine directory"
same_file "$trash/ice-intervals.yaml" "$T/copy.mine" "and kept, whole, in the trash"
is "$(ls -ld "$trash" | cut -c1-10)" "drwx------" "the trash folder was made, mode 0700"
same_file "$shipped" "$T/shipped.orig" "the shipped routine is as it was"

# r where there is nothing to revert: says why not
keys r
_poll 10 _joined_has 'Nothing to revert'
like "$(joined | tr -d ' ')" "Nothingtorevert:rrevertsacopyofyourstotheroutineithides,and$top_srcdir/routines/ice-intervals\\.yamlisnotinaroutinedirectoryofyours" \
	"r on a shipped routine: not a copy of the user's" || show_screen
pick 'UI ice'
keys r
# 'Nothing to revert' was said for the routine before: wait for this one's
_poll 10 eval 'joined | tr -d " " | grep -q "Nothingtorevert:.*/ui-ice\.yamlhidesnoother"'
like "$(joined | tr -d ' ')" "Nothingtorevert:$dir/ui-ice\\.yamlhidesnootherroutinenamedui-iceonthesearchpath" \
	"r on a routine of the user's that hides none: says so" || show_screen

# a second copy reverted goes beside the first in the trash, never over it
echo mine >"$T/ed-mode"
pick 'Ice intervals'
keys e
_poll 10 _joined_has 'Edited a copy'
ok $? "e makes a new copy" || show_screen
keys r
_poll 10 _joined_has 'y/n'
keys y
_poll 10 _joined_has 'Reverted'
ok "$([ -f "$trash/ice-intervals.1.yaml" ]; echo $?)" "the second goes to ice-intervals.1.yaml" || ls "$trash"
same_file "$trash/ice-intervals.yaml" "$T/copy.mine" "the first is still there, as it was"

# An editor left without a change (:q!) leaves no copy to hide the routine
echo none >"$T/ed-mode"
pick 'Ice intervals'
keys e
_poll 10 _joined_has 'No change'
like "$(joined | tr -d ' ')" "Nochange:thecopymadeforitwasremoved,$top_srcdir/routines/ice-intervals\\.yamlisasitwas" \
	"an editor that changes nothing: the copy is removed, and said" || show_screen
ok "$([ ! -e "$mine/ice-intervals.yaml" ]; echo $?)" "no copy is left"

# A failed editor on a shipped routine leaves no copy to hide it
echo fail >"$T/ed-mode"
pick 'Ice intervals'
keys e
_poll 10 _joined_has 'exited with status 3; the copy made for it was removed'
ok $? "an editor that fails on a copy: the copy is removed, and said" || show_screen
ok "$([ ! -e "$mine/ice-intervals.yaml" ]; echo $?)" "no copy is left"
ok "$(! ls "$trash" | grep -q 'ice-intervals\.2'; echo $?)" "an unchanged copy does not go to the trash"
echo kill >"$T/ed-mode"
keys e
_poll 10 _joined_has 'killed by signal 15 \(TERM\); the copy made for it was removed'
ok $? "an editor killed on a copy: the copy is removed too" || show_screen
ok "$([ ! -e "$mine/ice-intervals.yaml" ]; echo $?)" "no copy is left"
echo scribble >"$T/ed-mode"
keys e
_poll 10 _joined_has 'was moved to the trash'
like "$(joined | tr -d ' ')" "exitedwithstatus3;thecopymadeforit,changed,wasmovedtothetrash:$trash/ice-intervals\\.2\\.yaml" \
	"a copy written in, then a failed editor: the copy goes to the trash, not lost" || show_screen
ok "$([ ! -e "$mine/ice-intervals.yaml" ]; echo $?)" "it no longer hides the shipped routine"
like "$(tail -n 1 "$trash/ice-intervals.2.yaml")" '^# my own words$' "what was written is in the trash"
keys q
wait_exit
is "$(exit_status)" 0 "exit status 0"

# A broken copy hides the shipped routine too: its preview offers r, and
# r brings the shipped one back
printf 'name: Broken copy\nsteps:\n  - type: nap\n' >"$mine/ice-intervals.yaml"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG"
wait_screen 'recoup: pick a routine'
pick 'ice-intervals (broken)'
ok $? "the broken copy is listed in the shipped one's place"
wait_screen 'r: back to the routine it hides'
ok $? "its preview offers r"
keys r
_poll 10 _joined_has 'y/n'
keys y
_poll 10 _joined_has 'Reverted'
ok $? "r, y: reverted" || show_screen
wait_screen '^ Ice intervals +3 steps'
ok $? "the shipped routine is listed again"
ok "$([ -f "$trash/ice-intervals.3.yaml" ]; echo $?)" "the broken copy is in the trash" || ls "$trash"
keys q
wait_exit


# Editors that take the line another way: VS Code `--goto FILE:LINE`,
# Helix FILE:LINE; the rest, +LINE (a `+5` would be a file to them)
printf 'name: Broken again\nsteps:\n  - type: nap\n' >"$mine/ice-intervals.yaml"
echo none >"$T/ed-mode"
for ed in code hx; do
	ln -sf "$T/fake-ed" "$T/$ed"
	: >"$T/ed-args"
	tm_start -e env EDITOR="$T/$ed --wait" "$RECOUP" --log "$LOG"
	wait_screen 'recoup: pick a routine'
	pick 'ice-intervals (broken)'
	keys e
	_poll 10 _joined_has 'The routine has errors:'
	want="--wait $mine/ice-intervals.yaml:3"
	[ "$ed" = code ] && want="--wait --goto $mine/ice-intervals.yaml:3"
	is "$(head -n 1 "$T/ed-args")" "$want" "$ed: told the line of the first error its own way"
	keys x q
	wait_exit
done

done_testing
