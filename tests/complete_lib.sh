# tests/complete_lib.sh: what the completion tests of each shell share.
# Source it after tests/lib.sh.  The build tree's recoup comes first on the
# PATH (the completions run `recoup --list`); HOME and the XDG dirs are
# lib.sh's, in $T; the user's routine directory there holds, beside the
# shipped routines found from the build tree, two whose names a shell must
# quote: "my calf" (a space) and "it's: 2x" (a quote, a colon, a space),
# one whose name is wider than --list's name column, "back\slash" (a
# backslash, which zsh's _describe would take for an escape), and "half
# done", a routine with a mistake (--list says so, and its name can still
# be given).  "-rf" starts with a dash: alone on the line, getopt would
# take it for options, so it is not among the names offered for ROUTINE
# ($names), only after `--` and as the NAME of --routine.  Two names hold
# a tab and a newline, which --list shows escaped (tab\there, new\nline):
# that text is not their name, and they are not offered; "lit\tname"
# (a backslash and a t) is shown the same way, and is its name.
PATH="$(dirname "$RECOUP"):$PATH"
export PATH
unset XDG_DATA_DIRS XDG_DATA_HOME
S="$top_srcdir/src"
R="$XDG_CONFIG_HOME/recoup/routines"
mkdir -p "$R" "$T/dir/sub"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/my calf.yaml"
sed 's/^name: .*/name: Twice the spots/' "$top_srcdir/routines/spot-massage.yaml" >"$R/it's: 2x.yaml"
cp "$top_srcdir/routines/ice-intervals.yaml" "$R/ice in the evening after the long run.yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/back\\slash.yaml"
printf 'name: [half\n' >"$R/half done.yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/-rf.yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/$(printf 'tab\there').yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/new
line.yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$R/lit\\tname.yaml"
: >"$T/dir/a.yaml"
: >"$T/dir/b.txt"
: >"$T/dir/c.yml"
# two routine directories whose names a shell must quote, each with a
# routine of its own: "sp dir" (a space) and "$(touch pwned)" (which a
# completion that ran its words through eval would run, in $T/cwd)
D1="$T/sp dir"
D2="$T/\$(touch pwned)"
mkdir -p "$D1" "$D2" "$T/cwd"
cp "$top_srcdir/routines/spot-massage.yaml" "$D1/in-sp-dir.yaml"
cp "$top_srcdir/routines/spot-massage.yaml" "$D2/in-dollar-dir.yaml"
cfg="$T/my config.conf"
printf 'routine_dirs = ["%s"]\n' "$D1" >"$cfg"
# what --list offers as names, sorted, one a line
shipped="alfredson-heel-drops
ice-intervals
post-run-calf-care
spot-massage"
names=$(printf '%s\nback\\slash\nhalf done\nice in the evening after the long run\nit'\''s: 2x\nlit\\tname\nmy calf\n' "$shipped" |
	LC_ALL=C sort)

# Every option of `recoup --help` (-h and --help, --list, ...), one a line:
# a new option that a completion does not offer fails the tests.
help_options() {
	"$RECOUP" --help |
		sed -n 's/^ \{2,\}\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\1\2/p' |
		tr -d ',' | tr ' ' '\n' | LC_ALL=C sort -u
}
# missing_options OFFERED: the options of --help not in OFFERED (a line each)
missing_options() {
	help_options | while IFS= read -r o; do
		printf '%s\n' "$1" | grep -qx -- "$o" || printf '%s ' "$o"
	done
}
opts=$(help_options)
ok "$([ "$(printf '%s\n' "$opts" | wc -l)" -ge 25 ]; echo $?)" \
	"the options are read from recoup --help ($(printf '%s\n' "$opts" | wc -l))"
