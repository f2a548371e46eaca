#!/bin/sh
# The picker's management of the user's routine files: n a new routine
# (then the editor), d a duplicate, m a rename, x (or Delete) to the trash
# after a question; the name's field (UTF-8, Backspace, Ctrl-U, Esc, a bad
# or taken name keeping it open), shipped routines refused, a routine
# directory that cannot be written, a 40x12 window.  None of it is a
# session: the log is never touched.
. "$top_srcdir/tests/lib.sh"
unset VISUAL   # it would win over EDITOR
. "$top_srcdir/tests/tmux.sh"

dir="$T/routines"
mkdir -p "$dir"
cp "$ROUTINES/ui-ice.yaml" "$ROUTINES/ui-session.yaml" "$dir/"
# a copy of the user's hiding a shipped routine of the same file name
cp "$top_srcdir/routines/ice-intervals.yaml" "$dir/"
chmod u+w "$dir"/*.yaml
trash="$XDG_STATE_HOME/recoup/trash"

# a log with a session in it: it must stay byte for byte as it is
cp "$top_srcdir/tests/fixtures/history.log" "$LOG"
chmod u+w "$LOG"
cp "$LOG" "$T/log.orig"
log_same() { cmp -s "$LOG" "$T/log.orig"; }

# The fake editor records its arguments and changes nothing.
cat >"$T/fake-ed" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >>"$T/ed-args"
EOF
chmod +x "$T/fake-ed"

# wait_joined ERE: until the screen, rows joined, matches (a message
# wraps where a path is long)
wait_joined() {
	_poll 10 _joined_has "$1" && return 0
	echo "#   waited for the screen (joined) to show: $1"
	show_screen
	return 1
}
# the screen's rows trimmed and joined tight: a path cut between rows
_tight_has() { screen | sed 's/^ *//; s/ *$//' | tr -d '\n' | grep -Eq -- "$1" && _drawn; }
# selected_is NAME: the selected row starts with NAME.  Never true for an
# empty NAME: tmux.sh's _selected_is would take the title bar (in reverse
# video too) for it.
selected_is() {
	if [ -z "$1" ]; then
		echo "#   selected_is: no name to look for"
		return 1
	fi
	_selected_is "$1"
}
# the rows of the list and the files: what a step must not change
files() { (cd "$dir" && ls) | tr '\n' ' '; }
# the row of the screen showing the name's field
field() { screen | grep "$1"; }

tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$dir"
wait_screen '^ UI session .*last: never'
ok $? "the picker opens"
ok "$(selected_is '' >/dev/null; [ $? -ne 0 ]; echo $?)" \
	"an empty name is never the selected one (the title bar is in reverse video too)"
like "$(screen | tail -n 2 | head -n 1)" '^ n new +d duplicate +m rename +x delete$' \
	"the keys for n, d, m and x in a row above the list's keys"
like "$(screen | tail -n 1)" '^ Enter start +e edit +r revert +h history +c check-in +\? help +q quit' \
	"which are as they were"

# ---- n: a new routine, from the starter, into the editor ----
keys n
wait_screen "^ New routine's name:"
ok $? "n asks for the new routine's name"
like "$(screen | tail -n 1)" 'Enter: ok +Esc: cancel' "the key line says how to answer"
keys -l 'Heel drops, slow'
wait_screen "^ New routine's name: Heel drops, slow"
ok $? "what is typed shows in the field"
keys Enter
wait_joined "Created $dir/heel-drops-slow\\.yaml; it loads: ok"
ok $? "Enter: the routine is made, opened in the editor and checked"
is "$(cat "$T/ed-args")" "$dir/heel-drops-slow.yaml" "the editor got the new file"
like "$(head -n 1 "$dir/heel-drops-slow.yaml")" '^# yaml-language-server: \$schema=' \
	"the file is the starter, with the modeline"
_poll 5 selected_is 'Heel drops, slow'
ok $? "the new routine is listed and selected"
ok "$(log_same; echo $?)" "the log is unchanged"
# a name beyond ASCII: its letters stay in the file name, as UTF-8
keys n
wait_screen "^ New routine's name: *$"
keys -l 'Übung für Waden'
keys Enter
wait_joined "Created $dir/übung-für-waden\\.yaml; it loads: ok"
ok $? "n with a name beyond ASCII: the file is übung-für-waden.yaml"
_poll 5 selected_is 'Übung für Waden'
ok $? "listed and selected"

# ---- the field: a taken name, a bad name, Backspace, Ctrl-U, Esc ----
before=$(files)
keys n
wait_screen "^ New routine's name:"
keys -l 'UI Ice'
keys Enter
wait_joined "That name is taken: $dir/ui-ice\\.yaml is a routine already\\. Type another, or Esc"
ok $? "a taken name (ui-ice.yaml, whatever the case) is refused, naming the file that has it"
like "$(screen)" "^ New routine's name: UI Ice" "the field stays open with the name"
keys C-u
wait_screen "^ New routine's name: *$"
ok $? "Ctrl-U erases the field"
keys -l '%%%'
keys Enter
wait_screen "needs a letter or a digit"
ok $? "a name with no letter or digit is refused, with the reason"
like "$(screen)" "^ New routine's name: %%%" "the field stays open"
keys BSpace BSpace BSpace
keys -l 'Wadenkräftigung'
keys BSpace
wait_screen "^ New routine's name: Wadenkräftigun *$"
ok $? "UTF-8 is typed and Backspace takes a whole character"
keys Left Left BSpace
wait_screen "^ New routine's name: Wadenkräftiun *$"
ok $? "Left moves the cursor; Backspace works there"
# a bidi control typed shows as an escape, never raw
keys -l "$(printf 'x\342\200\256y')"
wait_screen "^ New routine's name: Wadenkräfti.*x\\\\u202ey"
ok $? "a bidi control in the name is shown as \\u202e, not raw"
keys Escape
wait_screen "Cancelled: nothing changed"
ok $? "Esc cancels"
ok "$(! screen | grep -q "New routine's name"; echo $?)" "the field is gone"
is "$(files)" "$before" "no file was made"

# bytes typed that make no character are dropped: an overlong '/', a
# surrogate, a C1 control (NEL), bytes that are never UTF-8, a code point
# past U+10FFFF; a sequence cut short by ASCII keeps the ASCII
keys n
wait_screen "^ New routine's name: *$"
keys -l A
keys -H c0 af
keys -l B
keys -H ed a0 80
keys -l C
keys -H c2 85
keys -l D
keys -H ff 80
keys -l E
keys -H f4 90 80 80
keys -l F
keys -H e6 bc a2
keys -H e6 bc
keys -l G
wait_screen "^ New routine's name: [A-G].*G *$"
like "$(field "New routine's name")" "^ New routine's name: ABCDEF漢G *$" \
	"what is not a character is dropped; a character is kept; ASCII after a part is kept"
# a sequence cut short by Esc: cancelled
keys -H e6
keys Escape
wait_screen "Cancelled: nothing changed"
ok $? "a part of a character then Esc: cancelled"
ok "$(! screen | grep -q "New routine's name"; echo $?)" "the field is gone"
is "$(files)" "$before" "no file was made"

# ---- d: duplicate ----
pick 'UI ice'
ok $? "UI ice selected"
keys d
wait_screen "^ Duplicate as: UI ice copy *$"
ok $? "d asks for the name, prefilled with NAME copy"
keys Enter
wait_joined "Duplicated UI ice as UI ice copy: $dir/ui-ice-copy\\.yaml, a new routine, with no history yet"
ok $? "Enter: the duplicate is made, a new routine with no history"
like "$(grep '^name:' "$dir/ui-ice-copy.yaml")" 'UI ice copy' "its name is the new one"
is "$(grep -v '^name:' "$dir/ui-ice-copy.yaml" | sed 1d)" "$(grep -v '^name:' "$dir/ui-ice.yaml")" \
	"and the rest is as it was"
is "$(sed -n 1p "$dir/ui-ice-copy.yaml")" \
	"# yaml-language-server: \$schema=$top_srcdir/src/recoup-routine.schema.json" \
	"the original had no modeline: the copy's first line is the one recoup --new writes"
_poll 5 selected_is 'UI ice copy'
ok $? "the duplicate is selected"
# a second d on the same routine: "UI ice copy" is taken, the next free
# name is offered (and made on Enter)
pick 'UI ice'
keys d
wait_screen "^ Duplicate as: UI ice copy 2 *$"
ok $? "a second d offers NAME copy 2, NAME copy being taken"
keys Enter
wait_joined "Duplicated UI ice as UI ice copy 2: $dir/ui-ice-copy-2\\.yaml"
ok $? "Enter makes it"
pick 'UI ice'
keys d
wait_screen "^ Duplicate as: UI ice copy 3 *$"
ok $? "and a third d NAME copy 3"
keys Escape
wait_screen "Cancelled: nothing changed"
# UI ice copy 2 to the trash again, for what follows
pick 'UI ice copy 2'
keys x
wait_screen "Delete UI ice copy 2\\?"
keys y
wait_joined "Deleted UI ice copy 2: "
ok $? "(UI ice copy 2 deleted again)"
pick 'UI ice copy'
ok $? "back on the first duplicate"

# ---- m: rename ----
keys m
wait_screen "^ Rename to: UI ice copy *$"
ok $? "m asks for the new name, prefilled with the current one"
keys C-u
# the spaces at either end are no part of the name
keys -l '  Ice again  '
keys Enter
wait_joined "Renamed UI ice copy to Ice again; its file, ui-ice-copy\\.yaml, is kept, and with it its history and progression"
ok $? "Enter: renamed, the file kept"
ok "$([ -e "$dir/ui-ice-copy.yaml" ] && [ ! -e "$dir/ice-again.yaml" ]; echo $?)" \
	"the file is the same (its id, which the log's sessions go by, too)"
like "$(grep '^name:' "$dir/ui-ice-copy.yaml")" '^name: "Ice again"$' "its name is the new one"
_poll 5 selected_is 'Ice again'
ok $? "the renamed routine is selected"
keys m Enter
wait_screen "Not renamed: Ice again is its name already"
ok $? "a rename to the same name changes nothing, and says so"
ok "$(! screen | grep -q 'Rename to:'; echo $?)" "the field is closed"

# ---- shipped routines: no rename, no delete ----
before=$(files)
pick 'Alfredson heel drops'
ok $? "a shipped routine selected"
keys m
wait_screen "Cannot rename Alfredson heel drops"
ok $? "m on a shipped routine is refused"
# (a long path, as under make distcheck, wraps mid-word: read it without
# the line breaks' blanks)
like "$(joined | tr -d ' ')" "alfredson-heel-drops\\.yamlisnotinaroutinedirectoryofyours.*dduplicatesit" \
	"the message names the file and says to duplicate it"
ok "$(! screen | grep -q 'Rename to:'; echo $?)" "no field is opened"
keys x
wait_screen "Cannot delete Alfredson heel drops"
ok $? "x on a shipped routine is refused"
keys DC
wait_screen "Cannot delete Alfredson heel drops"
ok $? "so is the Delete key"
is "$(files)" "$before" "nothing changed"

# ---- x: delete, n then y ----
pick 'Ice again'
keys x
wait_joined "Delete Ice again\\? $dir/ui-ice-copy\\.yaml goes to the trash, $trash\\. y/n"
ok "$?" "x asks first, naming the file and the trash"
like "$(screen | tail -n 1)" 'y: yes, to the trash +any other key: no' "the key line says how"
keys n
wait_joined "Not deleted: $dir/ui-ice-copy\\.yaml is kept"
ok $? "n: kept"
ok "$([ -e "$dir/ui-ice-copy.yaml" ]; echo $?)" "the file is there"
next=$(screen | grep -A1 '^ Ice again' | tail -n 1 | sed 's/^ \([^ ]* [^ ]*\).*/\1/')
like "$next" '^[A-Za-z]' "the routine below it is known ($next)"
keys DC
wait_screen "Delete Ice again\\?"
ok $? "the Delete key asks the same"
keys y
wait_joined "Deleted Ice again: $dir/ui-ice-copy\\.yaml went to the trash, $trash/ui-ice-copy\\.yaml"
ok $? "y: deleted, saying where it went"
ok "$([ ! -e "$dir/ui-ice-copy.yaml" ] && [ -e "$trash/ui-ice-copy.yaml" ]; echo $?)" \
	"the file is in the trash"
ok "$(! screen | grep -q '^ Ice again'; echo $?)" "and no longer listed"
_poll 5 selected_is "$next"
ok $? "the selection is on its neighbour ($next)"

# ---- m on a copy hiding a shipped routine: a change of case ----
pick 'Ice intervals'
ok $? "the user's copy hiding the shipped Ice intervals selected"
keys m C-u
keys -l 'Ice Intervals'
keys Enter
wait_joined "Renamed Ice intervals to Ice Intervals; its file, ice-intervals\\.yaml, is kept"
ok $? "renamed: the shipped routine's id is no taken name for the file that has it"
like "$(grep '^name:' "$dir/ice-intervals.yaml")" '^name: "Ice Intervals"$' "its name is the new one"
ok "$(! screen | grep -q '^ Ice intervals '; echo $?)" "it still hides the shipped one"

# ---- x on a copy hiding a shipped routine ----
pick 'Ice Intervals'
keys x
wait_screen "Delete your copy of Ice Intervals\\?"
ok $? "x on a copy that hides a shipped routine asks"
# (blanks out: the shipped routine's path is long under distcheck, and
# the message wraps anywhere)
like "$(screen | tr -d ' \n')" \
	"theroutineithidesshowsagain,[^ ]*/routines/ice-intervals\\.yaml\\(asrdoes\\)" \
	"saying that the shipped one shows again"
keys y
wait_joined "the routine it hid shows again"
ok $? "y: the copy went to the trash"
ok "$([ ! -e "$dir/ice-intervals.yaml" ] && [ -e "$trash/ice-intervals.yaml" ]; echo $?)" \
	"the copy is in the trash"
_poll 5 selected_is 'Ice intervals'
ok $? "the shipped one is listed again, selected"
ok "$(log_same; echo $?)" "the log is unchanged"

# ---- a routine directory that cannot be written ----
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$dir"
	before=$(files)
	keys n
	keys -l 'Locked out'
	keys Enter
	wait_joined "Cannot write $dir/locked-out\\.yaml"
	ok $? "n in a read-only directory: the file named"
	like "$(joined)" "Permission denied" "with the reason"
	pick 'UI session'
	keys d Enter
	wait_joined "Cannot write $dir/ui-session-copy\\.yaml"
	ok $? "d: the same"
	keys x y
	wait_joined "Cannot move $dir/ui-session\\.yaml to the trash"
	ok $? "x: the file it cannot move named"
	like "$(joined)" "Permission denied; nothing changed" "with the reason"
	is "$(files)" "$before" "nothing changed"
	chmod u+w "$dir"
else
	for i in 1 2 3 4 5 6; do
		ok 0 "# SKIP a read-only routine directory: running as root"
	done
fi
# a trash that cannot be made (for root too): a file where its folder goes
mv "$trash" "$T/trash.moved"
: >"$trash"
pick 'UI session'
keys x y
wait_joined "Cannot move $dir/ui-session\\.yaml to the trash, $trash: Not a directory"
ok $? "a trash that cannot be made: said, naming it and the reason"
ok "$([ -e "$dir/ui-session.yaml" ]; echo $?)" "the routine is left"
rm -f "$trash"
mv "$T/trash.moved" "$trash"

# ---- 40x12: the field scrolls ----
tm resize-window -t t -x 40 -y 12
wait_screen '^ Enter start .*…$'
ok $? "the picker at 40x12"
keys n
wait_screen "^ New routine's name:"
keys -l 'A very long routine name that scrolls'
wait_screen "^ New routine's name: .*that scrolls *$"
ok $? "at 40x12 the field scrolls to show the end being typed"
like "$(field "New routine's name")" "^ New routine's name: [^A]" "its start scrolled out of the field"
keys Home
wait_screen "^ New routine's name: A very"
ok $? "Home: back to its start"
keys End Enter
# (the message is cut at three rows here: the path wraps over them)
_poll 10 _tight_has "Created$dir/a-very-long-routine-name-that-scrolls"
ok $? "Enter makes it, saying so" || show_screen
ok "$([ -e "$dir/a-very-long-routine-name-that-scrolls.yaml" ]; echo $?)" "the file is there"
# x's question shows whole, its y/n seen: the file and the trash are left
# to the answer's message
keys x
wait_joined "Delete A very long routine name that scrolls\\? It goes to the trash\\. y/n"
ok $? "40x12: x asks in a short form, y/n shown" || show_screen
like "$(screen | tail -n 1)" '^ y: yes +other key: no *$' "the keys to answer fit"
keys n
wait_joined "Not deleted: "
ok $? "n: not deleted"
# a name too long for the question: cut, y/n still shown
long="Heel drops slow and steady with a pause at the bottom and a count of three up and three down each time"
keys m C-u
keys -l "$long"
keys Enter
_poll 10 _joined_has "Renamed A very long routine name that scrolls to "
ok $? "renamed to a name of ${#long} bytes"
keys x
wait_joined "Delete Heel drops slow.*… ?\\? y/n"
ok $? "40x12: x on a long name: the name cut, y/n shown" || show_screen
keys n
wait_joined "Not deleted: "
# narrower still, the label makes room for the name
tm resize-window -t t -x 24 -y 12
wait_screen '^ Enter start'
keys n
keys -l 'Tiny'
wait_screen '^ Name: Tiny *$'
ok $? "at 24 columns the field's label is short, the name shows"
keys Escape
wait_screen 'Cancelled'
# wide characters at the field's right edge: the cursor's cell is shown
# wherever it is (a wide one takes two columns)
tm resize-window -t t -x 40 -y 12
wait_screen '^ Enter start .*…$'
keys n
keys -l "a$(printf '\346\274\242%.0s' 1 2 3 4 5 6 7 8 9 10 11 12)"
wait_screen "^ New routine's name: .*漢 *$"
keys Home
wait_screen "^ New routine's name: a漢"
# the field's row, row 11 of 12: its cursor cell in reverse video
cursor_shown() { row_e 11 | grep -q "$(printf '\033')\\[7m"; }
_poll 5 cursor_shown
ok $? "40x12, wide characters: the cursor shows at the start"
missing=
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13; do
	before=$(tm capture-pane -e -p -t t)
	keys Right
	_poll 3 _screen_is_not "$before" && _poll 3 _drawn
	cursor_shown || missing="$missing $k"
done
is "$missing" "" "the cursor shows after each Right, on a wide character at the edge too"
keys Escape
wait_screen 'Cancelled'
# 12 rows have no row to spare: the letters after the list's keys
tm resize-window -t t -x 80 -y 12
wait_screen '^ Enter start +e edit +r revert +h history +c check-in +\? help +q quit +n d m x$'
ok $? "80x12: n d m x at the end of the key row"
ok "$(! screen | grep -q '^ n new'; echo $?)" "and no row of their own"
tm resize-window -t t -x 80 -y 24
wait_screen '^ n new +d duplicate +m rename +x delete$'
ok $? "back at 80x24"

keys '?'
wait_screen 'recoup: keys'
s=$(screen)
like "$s" '^ +n d m x +new routine; duplicate, rename, delete it \(also Delete\)$' \
	"the help lists n, d, m, x and Delete"
like "$s" '^ +\? +these keys$' "the list's keys all fit at 80x24"
like "$s" 'Any key to go back' "and still fits"
keys Escape
wait_screen 'recoup: pick a routine'

# wide enough, all the keys in one row
tm resize-window -t t -x 120 -y 24
wait_screen 'Enter start +e edit +r revert +h history +c check-in +\? help +q quit +n new +d duplicate +m rename +x delete$'
ok $? "at 120 columns all the keys are in one row"
ok "$(! screen | grep -q '^ n new'; echo $?)" "and no row of their own"
tm resize-window -t t -x 80 -y 24
wait_screen '^ n new +d duplicate +m rename +x delete$'

keys q
wait_exit
ok $? "q quits"
ok "$(log_same; echo $?)" "the log is unchanged at the end"

# a routine directory that cannot be made (for root too): its parent is
# a file
: >"$T/afile"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$LOG" --routine-dir "$T/afile/routines"
wait_screen '^ Spot massage .*last: never'
keys n
wait_screen "^ New routine's name:"
keys -l 'Nowhere'
keys Enter
wait_joined "Cannot make the routine directory $T/afile/routines: Not a directory"
ok $? "n where the routine directory cannot be made: said, naming it and the reason"
pick 'Spot massage'
keys d Enter
wait_joined "Cannot make the routine directory $T/afile/routines: Not a directory"
ok $? "d: the same"
ok "$(! screen | grep -q 'Duplicate as:'; echo $?)" "the field is closed: retyping will not help"
keys q
wait_exit
ok "$(log_same; echo $?)" "the log is unchanged"

# a quit key of x (as configs had before x deleted): x quits the picker,
# Delete still deletes, and the help says so
printf 'keys = { quit = "x"; };\n' >"$T/quit-x.conf"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --config "$T/quit-x.conf" --log "$LOG" \
	--routine-dir "$dir"
wait_screen '^ UI session .*last: never'
ok $? "keys.quit = \"x\" is taken"
pick 'UI session'
keys DC
wait_joined "Delete UI session\\? $dir/ui-session\\.yaml goes to the trash"
ok $? "with it, Delete still asks to delete"
keys n
wait_joined "Not deleted: $dir/ui-session\\.yaml is kept"
keys '?'
wait_screen 'recoup: keys'
like "$(screen)" '^ +n d m +new routine; duplicate, rename, delete it \(also Delete\)$' \
	"the help leaves x out"
keys Escape
wait_screen 'recoup: pick a routine'
keys x
wait_exit
ok $? "x quits the picker"
is "$(exit_status)" 0 "exit status 0"
ok "$([ -e "$dir/ui-session.yaml" ]; echo $?)" "nothing was deleted"
ok "$(log_same; echo $?)" "the log is unchanged"

# ---- m keeps the file, and with it the routine's history ----
# The log ties sessions to a routine by its file's id: a routine with
# sessions, renamed, keeps its last session and its targets.
hist="$T/hist"
mkdir -p "$hist"
sed 's/^name: .*/name: Calf care/' "$top_srcdir/routines/post-run-calf-care.yaml" \
	>"$hist/calf-care.yaml"
sed 's/id=post-run-calf-care/id=calf-care/; s/post-run-calf-care\.yaml/calf-care.yaml/' \
	"$top_srcdir/tests/fixtures/history.log" >"$T/hist.log"
plan_why() { "$RECOUP" --log "$T/hist.log" --routine-dir "$hist" --plan calf-care --why; }
why_before=$(plan_why | sed 1d)
like "$why_before" 'session e5f6a7' "--plan --why: targets from the log's sessions"
tm_start -e env EDITOR="$T/fake-ed" "$RECOUP" --log "$T/hist.log" --routine-dir "$hist"
# (last: ... until the log is read)
wait_screen '^ Calf care .*last: [0-9]'
last_before=$(screen | grep '^ Calf care ' | sed 's/.*last: //')
like "$last_before" '^[0-9]{4}-[0-9]{2}-[0-9]{2}' "a routine with sessions: its last one shown"
pick 'Calf care'
keys m C-u
keys -l 'Calf care after runs'
keys Enter
wait_joined "Renamed Calf care to Calf care after runs; its file, calf-care\\.yaml, is kept, and with it its history and progression"
ok $? "renamed, the file kept"
wait_screen '^ Calf care after runs .*last: [0-9]'
is "$(screen | grep '^ Calf care after runs ' | sed 's/.*last: //')" "$last_before" \
	"the renamed routine's last session is the same"
is "$(plan_why | sed 1d)" "$why_before" "--plan --why: the same targets from the same sessions"
like "$(plan_why | head -n 1)" '^Calf care after runs:' "under the new name"
is "$(ls "$hist")" "calf-care.yaml" "no other file"
keys q
wait_exit
ok $? "q quits"

# ---- no routines at all: where to put them, and n ----
# (a copy outside the build tree reads no source routines; an installed
# recoup's shipped ones would be listed)
mkdir -p "$T/bin"
cp "$RECOUP" "$T/bin/recoup" || exit 99
if ls "${RECOUP_PKGDATADIR:-/nonexistent}/routines/"*.yaml >/dev/null 2>&1; then
	for i in 1 2 3 4; do
		ok 0 "# SKIP routines are installed in $RECOUP_PKGDATADIR: the list is never empty"
	done
else
	odd="$T/my$(printf '\033')routines"
	tm_start -e env EDITOR="$T/fake-ed" "$T/bin/recoup" --log "$T/empty.log" --routine-dir "$odd"
	wait_joined "No routines found\\. Put routine files in $T/my.*routines, or press n to make one\\."
	ok $? "an empty list names the routine directory and says n makes one" || show_screen
	like "$(joined)" "in $T/my\\\\x1broutines," "the escape in its name shown as \\x1b"
	keys n
	keys -l 'First one'
	keys Enter
	wait_screen '^ First one '
	ok $? "n makes the first routine there"
	ok "$([ -e "$odd/first-one.yaml" ]; echo $?)" "in that directory"
	keys q
	wait_exit
fi

done_testing
