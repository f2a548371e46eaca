#!/bin/sh
# The dashboard draws hostile names escaped: no C1 control, no raw escape
# sequence of the routine's and no bidi override reaches the pane (the pane
# title stays ours), the line printed after a session is escaped too, and in
# a locale that is not UTF-8 a name's characters are one '?' each, so the
# columns stay where they are.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
. "$top_srcdir/tests/rawbytes.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
R="$T/routines"
mkdir -p "$R"

# pane_raw: what the pane holds, with capture-pane -e's own attribute
# sequences (ESC [ ... m) taken out; anything else must not be there.
pane_raw() {
	tm capture-pane -e -p -t t | sed "s/$ESC\\[[0-9;:]*m//g"
}
# pane_clean WHAT: nothing raw_controls() minds in the pane.
pane_clean() {
	pane_raw >"$T/pane"
	clean "$T/pane" "$1: the pane"
}

cat >"$R/e${ESC}]0;pwned${BEL}x.yaml" <<'EOF'
name: "\u202Egnirts \u200B"
description: "an \u2066isolate\u2069"
steps:
  - type: timer
    name: "\u2066Stretch\u2069 \u200B"
    duration: 2s
    cue: "hold \u202Eit"
  - type: massage
    name: Spots
    side: none
    spots:
      - {name: "\u200B", duration: 1s, cue: "\u202Eslow"}
EOF
ID="e${ESC}]0;pwned${BEL}x"

# ---- the picker ----
tm_start --routine-dir "$R"
wait_screen 'gnirts'
ok $? "the picker shows the routine"
like "$(screen)" '\\u202egnirts \\u200b' "the picker: the name's bidi override and zero-width word escaped"
pane_clean "the picker"
is "$(pane '#{pane_title}' | grep -c pwned)" 0 "the picker: the pane title is not the file's"
keys q
wait_exit

# ---- a session, and the line printed after it ----
tm_start --speed 600 --routine-dir "$R" "$ID"
wait_screen '\\u202egnirts'
ok $? "the session: the name in the title bar, escaped"
wait_screen '\\u2066Stretch\\u2069' || true
pane_clean "the session"
wait_screen 'Routine complete|complete' 20
ok $? "the session ends"
pane_clean "the end screen"
keys q
wait_exit 10
ok $? "recoup exits"
like "$(screen)" '\\u202egnirts \\u200b: complete\.' "the line after the session: escaped"
pane_clean "after the session"
is "$(pane '#{pane_title}' | grep -c pwned)" 0 "the pane title is not the file's"
wait_log ' end status=complete'
like "$(grep ' start ' "$LOG")" 'id="e\\x1b\]0;pwned\\x07x"' "the log's id= escaped"
like "$(grep ' start ' "$LOG")" 'routine="\\u202egnirts \\u200b"' "the log's routine= escaped"

# ---- outside UTF-8: one '?' a character, columns kept ----
cat >"$R/latin.yaml" <<'EOF'
name: "Étirement à chaud, 日本"
steps:
  - {type: timer, name: "Épaule été", duration: 5m}
  - {type: timer, name: "Genou", duration: 5m}
EOF
tm_start -e env LC_ALL=C LANG=C "$RECOUP" --log "$LOG" --routine-dir "$R" latin
# wide enough for the step list beside the big words
tm resize-window -t t -x 150 -y 24
wait_screen '^ \?tirement \? chaud, \?\? '
ok $? "C locale: the title bar shows one ? a character"
# the title is the same on the 80x24 screen, drawn if the program starts
# before the resize, which has no step list: wait for the wide one's
_poll 10 _screen_has '\?paule \?t\? '
s=$(screen)
like "$s" '\?paule \?t\? ' "C locale: the step list, one ? a character"
# the step list's bar is in the same column on every row
bars=$(printf '%s\n' "$s" | sed -n '2,4p' | awk '{ print index($0, "|") }' | sort -u | wc -l)
is "$(echo $bars)" 1 "C locale: the step list's bar in one column"
pane_clean "C locale"
keys q y Enter
wait_exit

done_testing
