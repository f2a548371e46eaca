#!/bin/sh
# tests/due_readme.sh: the README's reminders ("Reminders: what is due"),
# taken from the README itself so the two cannot drift apart, run as far as
# a test can: the bash prompt in a real interactive bash, the cron line's
# command in sh, the systemd units through `systemd-analyze verify` and
# their ExecStart through sh with a notify-send that writes down what it
# is asked.  recoup finds its routines and log where a user's are
# ($XDG_CONFIG_HOME, $XDG_STATE_HOME: lib.sh's scratch home); "now" is
# faketime's.
. "$top_srcdir/tests/lib.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime not found"
# faketime preloads itself ahead of the sanitizer runtime, which ASan
# would refuse
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

# recoup on PATH, a copy outside the build tree (so the shipped routines
# are not on its search path), and a notify-send that records its words
mkdir -p "$T/bin" "$XDG_CONFIG_HOME/recoup/routines" "$XDG_STATE_HOME/recoup"
cp "$RECOUP" "$T/bin/recoup" || exit 99
cat >"$T/bin/notify-send" <<EOF
#!/bin/sh
for a in "\$@"; do printf '<%s>' "\$a"; done >>"$T/notified"
echo >>"$T/notified"
EOF
chmod +x "$T/bin/notify-send"
PATH="$T/bin:$PATH"
export PATH

cat >"$XDG_CONFIG_HOME/recoup/routines/heel.yaml" <<'EOF'
name: Heel drops
schedule: twice daily
steps:
  - type: note
    name: Go
EOF
cat >"$XDG_CONFIG_HOME/recoup/routines/spots.yaml" <<'EOF'
name: Spot massage
schedule: [mon, wed, fri]
steps:
  - type: note
    name: Go
EOF
log="$XDG_STATE_HOME/recoup/sessions.log"
# Wednesday 2026-12-09: one heel session done, the spots not yet
cat >"$log" <<EOF
2026-12-09T07:00:00.000+00:00 a00001 start routine="Heel drops" id=heel planned=60 steps=1 format=1
2026-12-09T07:00:59.000+00:00 a00001 end status=complete elapsed=59
EOF
cp "$log" "$T/due.log"
DUE='2026-12-09 12:00:00'       # something due
# Monday 2026-12-07 evening, both heel sessions done, and Monday's spots
cat >"$T/done.log" <<EOF
2026-12-07T07:00:00.000+00:00 b00001 start routine="Heel drops" id=heel planned=60 steps=1 format=1
2026-12-07T07:00:59.000+00:00 b00001 end status=complete elapsed=59
2026-12-07T17:00:00.000+00:00 b00002 start routine="Heel drops" id=heel planned=60 steps=1 format=1
2026-12-07T17:00:59.000+00:00 b00002 end status=complete elapsed=59
2026-12-07T17:10:00.000+00:00 b00003 start routine="Spot massage" id=spots planned=60 steps=1 format=1
2026-12-07T17:10:59.000+00:00 b00003 end status=complete elapsed=59
EOF
DONE='2026-12-07 20:00:00'      # nothing due

faketime "$DUE" recoup --due >"$T/out"
is "$(cat "$T/out")" "Heel drops: 1 of 2 left today
Spot massage: due today" "the set-up: two routines due on the Wednesday"

# block TITLE: the README's indented block whose first line is TITLE,
# unindented, without that line, up to the next such "# " title or the
# text after it (blank lines inside kept, those at its end dropped)
block() {
	awk -v t="    $1" '
		on && (/^    # / || (!/^    / && !/^$/)) { exit }
		on && /^$/ { blank++; next }
		on { while (blank) { print ""; blank-- } sub(/^    /, ""); print; next }
		$0 == t { on = 1 }' "$top_srcdir/README"
}

# ---- the prompt ----
block '# ~/.bashrc: "[Spot massage: due today] " before the prompt' >"$T/bashrc"
like "$(cat "$T/bashrc")" 'recoup --due' "the README has the bash prompt"
if command -v bash >/dev/null 2>&1; then
	# prompt AT: the two prompts an interactive bash shows (on stderr, as
	# its input is no terminal) after the snippet, with PS1 "$ " before
	# it; "|" marks where the snippet was read
	prompt() {
		printf 'PS1="$ "\n. %s\nprintf "|" >&2\n:\nexit\n' "$T/bashrc" |
			faketime "$1" bash --norc --noprofile --noediting -i 2>&1 >/dev/null |
			grep -v 'job control\|terminal process group' | tr -d '\n' |
			sed 's/^[^|]*|//; s/exit$//'
	}
	is "$(prompt "$DUE")" '[Heel drops: 1 of 2 left today] $ [Heel drops: 1 of 2 left today] $ ' \
		"the prompt shows the first thing due"
	cp "$T/done.log" "$log"
	is "$(prompt "$DONE")" '$ $ ' "nothing due: the prompt as it was"
	cp "$T/due.log" "$log"
	# a name that means something to a prompt or a shell is shown as it is
	sed -i 's/^name: .*/name: "Heel $(touch pwned) \\\\u `id`"/' \
		"$XDG_CONFIG_HOME/recoup/routines/heel.yaml"
	is "$(cd "$T" && prompt "$DUE")" '[Heel $(touch pwned) \u `id`: 1 of 2 left today] $ [Heel $(touch pwned) \u `id`: 1 of 2 left today] $ ' \
		"a name with \$(...), a prompt escape and backquotes is shown, not run"
	[ ! -e "$T/pwned" ]
	ok $? "and nothing ran"
	sed -i 's/^name: .*/name: Heel drops/' "$XDG_CONFIG_HOME/recoup/routines/heel.yaml"
else
	for t in 1 2 3 4; do
		n=$((n + 1))
		echo "ok $n # SKIP no bash"
	done
fi

# ---- cron ----
block '# crontab -e' >"$T/crontab"
is "$(wc -l <"$T/crontab" | tr -d ' ')" 1 "the README has one cron line"
# the five time fields, then the command (no % in it: cron would cut there)
cmd=$(sed 's/^[^ ]* [^ ]* [^ ]* [^ ]* [^ ]* //' "$T/crontab")
like "$(cut -d' ' -f1-5 "$T/crontab")" '^[0-9]+ [0-9]+ \* \* \*$' "a daily time"
case $cmd in *%*) ok 1 "no % in the cron command" ;; *) ok 0 "no % in the cron command" ;; esac
is "$(faketime "$DUE" sh -c "$cmd" 2>&1)" "Heel drops: 1 of 2 left today
Spot massage: due today" "cron: what is due is printed (and mailed)"
cp "$T/done.log" "$log"
is "$(faketime "$DONE" sh -c "$cmd" 2>&1)" "" "cron: nothing due, nothing printed (no mail)"
rm "$log"
mkdir "$log"
out=$(faketime "$DUE" sh -c "$cmd" 2>&1)
like "$out" "^recoup: cannot read the log .*sessions\\.log: it is a directory" \
	"cron: a log that cannot be read is said (and mailed)"
rmdir "$log"
cp "$T/due.log" "$log"

# ---- the systemd user timer ----
block '# ~/.config/systemd/user/recoup-due.service' >"$T/recoup-due.service"
block '# ~/.config/systemd/user/recoup-due.timer' >"$T/recoup-due.timer"
like "$(cat "$T/recoup-due.service")" '^ExecStart=' "the README has the service"
like "$(cat "$T/recoup-due.timer")" '^OnCalendar=' "and the timer"
if command -v systemd-analyze >/dev/null 2>&1; then
	# the system manager's checks (the user one needs a session bus);
	# the same keys and the same rules
	out=$(cd "$T" && systemd-analyze verify ./recoup-due.service ./recoup-due.timer 2>&1)
	is "$?$out" 0 "systemd-analyze verify: both units are good"
	cal=$(sed -n 's/^OnCalendar=//p' "$T/recoup-due.timer")
	systemd-analyze calendar "$cal" >/dev/null 2>&1
	ok $? "its OnCalendar= is a calendar"
else
	for t in 1 2; do
		n=$((n + 1))
		echo "ok $n # SKIP systemd-analyze not found"
	done
fi
# ExecStart as the service runs it: `$$` is the unit file's `$`, and the
# quotes split as sh splits them
exec_start=$(sed -n 's/^ExecStart=//p' "$T/recoup-due.service" | sed 's/\$\$/$/g')
: >"$T/notified"
faketime "$DUE" sh -c "$exec_start"
is "$?" 0 "the service, something due: succeeds"
is "$(cat "$T/notified")" "<-a><recoup><Due today><Heel drops: 1 of 2 left today
Spot massage: due today>" "and notifies what is due"
: >"$T/notified"
cp "$T/done.log" "$log"
faketime "$DONE" sh -c "$exec_start"
is "$?" 0 "the service, nothing due: succeeds (a timer's unit does not fail)"
is "$(cat "$T/notified")" "" "and notifies nothing"
rm "$log"
mkdir "$log"
faketime "$DUE" sh -c "$exec_start" 2>"$T/err"
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "the service, a log that cannot be read: fails"
like "$(cat "$T/err")" "cannot read the log" "with the reason (in the journal)"
is "$(cat "$T/notified")" "" "and notifies nothing"

done_testing
