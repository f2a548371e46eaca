#!/bin/sh
# What `make install` puts in place, and the documents it installs: the
# manual pages render without warnings and cover every option, setting and
# routine key of the code; their examples work; the bash completion
# completes; `make install DESTDIR=...` from this build puts every file in
# its place and `make uninstall` takes them all away; a build configured
# with a prefix of its own, installed there, finds its shipped routines.
. "$top_srcdir/tests/lib.sh"

S="$top_srcdir/src"
pages="recoup.1 recoup-routine.5 recoup.conf.5"
routines="alfredson-heel-drops ice-intervals post-run-calf-care spot-massage"

# ---- the manual pages render without warnings -----------------------------
if command -v groff >/dev/null 2>&1; then
	for p in $pages; do
		w=$(groff -t -man -ww -z -Tutf8 "$S/$p" 2>&1)
		is "$w" "" "$p renders without a warning (groff -man -ww)"
	done
elif command -v man >/dev/null 2>&1; then
	for p in $pages; do
		w=$(man --warnings -l "$S/$p" 2>&1 >/dev/null)
		is "$w" "" "$p renders without a warning (man --warnings)"
	done
else
	echo "# neither groff nor man is installed (Debian: groff-base or man-db)"
	for p in $pages; do skip "no groff, no man" "$p renders without a warning"; done
fi

# the version on each page is the program's
version=$("$RECOUP" --version | sed 's/^recoup //')
for p in $pages; do
	is "$(sed -n 's/^\.TH [^ ]* [0-9] "[^"]*" "recoup \([^"]*\)".*/\1/p' "$S/$p")" "$version" \
		"$p is for recoup $version"
done

# keys that the configuration can change are named as such, not hard-coded
roff_text() { sed -e 's/\\-/-/g' -e 's/^\.[A-Z]* //' "$1" | tr '\n' ' ' | tr -s ' '; }
like "$(roff_text "$S/recoup.1")" 'Press the pause key \(space by default\) to go on' \
	"recoup(1): after a gap, the pause key goes on, not a hard-coded space"
like "$(roff_text "$S/recoup-routine.5")" 'a key press per rep \(on the dashboard the pause key, space by default;' \
	"recoup-routine(5): a rep is the pause key, not a hard-coded space"
# the note before a session line by line: only when stdout is a terminal
like "$(roff_text "$S/recoup.1")" 'When standard output is a terminal all the same, a one-line note on standard error says why' \
	"recoup(1): says when the line-by-line note is printed"

# ---- the pages cover the code ----------------------------------------------
# every long option of src/main.c: in recoup(1) (as \-\-name) and the completion
opts=$(sed -n '/long_options\[\] = {/,/^};/s/^[[:space:]]*{ "\([a-z-]*\)".*/\1/p' "$S/main.c")
ok "$([ "$(echo $opts | wc -w)" -ge 17 ]; echo $?)" "the options are read from src/main.c ($(echo $opts | wc -w))"
# the tags of recoup(1)'s tagged paragraphs, roff's \- undone
tags=$(awk 'prev == ".TP" { print } { prev = $0 }' "$S/recoup.1" | sed 's/\\-/-/g')
missing=
for o in $opts; do
	printf '%s\n' "$tags" | grep -Eq -- "--$o([^a-z-]|\$)" || missing="$missing --$o"
done
is "$missing" "" "recoup(1) has a paragraph for every option of src/main.c"
missing=
for o in $opts; do
	grep -Eq -- "(^|\")--$o(\"|\$)" "$S/recoup.bash-completion" || missing="$missing --$o"
done
is "$missing" "" "the bash completion offers every option of src/main.c"

# every setting of src/settings.c: in recoup.conf(5) and the sample
settings=$(sed -n '/^static const char \*const known\[\] = {/,/};/p' "$S/settings.c" |
	grep -o '"[a-z_]*"' | tr -d '"')
ok "$([ "$(echo $settings | wc -w)" -ge 9 ]; echo $?)" "the settings are read from src/settings.c ($(echo $settings | wc -w))"
missing=
for k in $settings; do
	grep -q "^\.BR $k \"" "$S/recoup.conf.5" || missing="$missing $k"
done
is "$missing" "" "recoup.conf(5) has a paragraph for every setting"
missing=
for k in $settings; do
	grep -q "^$k = " "$S/recoup.conf.sample" || missing="$missing $k"
done
is "$missing" "" "the sample config has every setting"

# every key of the routine format (src/format.h's FORMAT_KEYS table, which
# the loader and the schema read): in recoup-routine(5)
keys=$(sed -n '/^#define FORMAT_KEYS(X)/,/^enum format_key/p' "$S/format.h" | grep -o 'X([A-Z_]*, "[a-z_]*"' |
	grep -o '"[a-z_]*"' | tr -d '"')
ok "$([ "$(echo $keys | wc -w)" -ge 20 ]; echo $?)" "the keys are read from src/format.h ($(echo $keys | wc -w))"
missing=
for k in $keys format description defaults steps; do
	grep -q "^\.BR $k \"" "$S/recoup-routine.5" || missing="$missing $k"
done
missing_types=
for t in note ice massage reps timer rate; do
	grep -q "^\.SS type: $t\$" "$S/recoup-routine.5" || missing_types="$missing_types $t"
done
is "$missing" "" "recoup-routine(5) has a paragraph for every key"
is "$missing_types" "" "recoup-routine(5) has a section for every step type"

# the examples on the pages work: roff's escapes undone
example() { # example PAGE: the lines of its EXAMPLE section's .EX block
	sed -n '/^\.SH EXAMPLE/,/^\.SH /p' "$1" | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' |
		sed -e 's/\\-/-/g' -e 's/\\(ga/`/g' -e 's/\\(ti/~/g' -e 's/\\(dq/"/g' -e 's/\\&//g' -e 's/\\e/\\/g'
}
example "$S/recoup-routine.5" >"$T/example.yaml"
out=$("$RECOUP" --check "$T/example.yaml" 2>&1)
is "$?:$out" "0:$T/example.yaml: ok: Post-run calf care, 8 steps, 53:54" \
	"recoup-routine(5)'s example is a good routine"
example "$S/recoup.conf.5" >"$T/example.conf"
out=$("$RECOUP" --config "$T/example.conf" --dump-config 2>&1)
is "$?" 0 "recoup.conf(5)'s example is a good config"
like "$out" '^keys = \{$' "recoup.conf(5)'s example: read whole"
like "$out" "^lead_in = \"5s\";\$" "recoup.conf(5)'s example: its settings apply"

# recoup(1)'s example that writes a configuration file keeps the settings
# of the one there: run as written, with $HOME in $T
dump_example=$(sed -n '/^Start a configuration file/,/^\.EE/p' "$S/recoup.1" |
	sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' | sed -e 's/\\-/-/g' -e 's/\\(ti/~/g')
like "$dump_example" '^recoup --dump-config' "recoup(1) has the example that writes a config file"
mkdir -p "$T/ex/.config/recoup"
printf 'bell = false;\n' >"$T/ex/.config/recoup/recoup.conf"
out=$(cd "$T/ex" && HOME="$T/ex" PATH="$(dirname "$RECOUP"):$PATH" &&
	export HOME PATH && unset XDG_CONFIG_HOME && eval "$dump_example" 2>&1)
is "$?:$out" "0:" "recoup(1)'s config example runs without a word"
is "$(grep '^bell = ' "$T/ex/.config/recoup/recoup.conf")" "bell = false;" \
	"recoup(1)'s config example keeps the settings of the file it replaces"

# ---- bash completion --------------------------------------------------------
if command -v bash >/dev/null 2>&1; then
	mkdir -p "$T/dir/sub"
	: >"$T/dir/a.yaml"
	is "$(complete_words recoup --pl)" "--plain --plan " "completion: --pl gives --plain and --plan"
	is "$(complete_words recoup --no-)" "--no-color --no-log " "completion: --no- gives --no-color and --no-log"
	is "$(complete_words recoup --export "")" "csv json " "completion: --export offers csv and json"
	is "$(complete_words "$RECOUP" --plan post)" "post-run-calf-care " \
		"completion: --plan completes a routine name (from recoup --list)"
	is "$(complete_words "$RECOUP" a)" "alfredson-heel-drops " "completion: ROUTINE completes a routine name"
	is "$(complete_words "$RECOUP" --routine-dir "$top_srcdir/tests/fixtures-config" --plain cfg-)" \
		"cfg-holds cfg-timer " "completion: routine names from a --routine-dir on the line"
	is "$(complete_words "$RECOUP" --routine-dir="$top_srcdir/tests/fixtures-config" cfg-t)" \
		"cfg-timer " "completion: and from --routine-dir=DIR"
	is "$(complete_words recoup --log "$T/dir/")" "$T/dir/a.yaml $T/dir/sub " "completion: --log completes files"
	is "$(complete_words recoup --config="$T/dir/a")" "$T/dir/a.yaml " "completion: --config=FILE completes files"
	is "$(complete_words recoup --check "$T/dir/a")" "$T/dir/a.yaml " "completion: --check completes files"
	is "$(complete_words recoup --routine-dir "$T/dir/")" "$T/dir/sub " \
		"completion: --routine-dir completes directories only"
	is "$(complete_words recoup --list "")" "" "completion: nothing after --list"
	is "$(bash -c '. "$0"; complete -p recoup' "$S/recoup.bash-completion")" "complete -F _recoup recoup" \
		"completion: registered for recoup"
else
	skip "no bash" "completion: --pl" "completion: --no-" "completion: --plan" "completion: ROUTINE" \
		"completion: --routine-dir" "completion: --routine-dir=DIR" "completion: --log" \
		"completion: --config=FILE" "completion: --check" "completion: --routine-dir dirs" \
		"completion: --list" "completion: registered"
fi

# ---- make install / uninstall ----------------------------------------------
# make from this build, unaffected by the `make check` that runs this test
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"; }
printf 'print-%%:\n\t@echo $($*)\n' >"$T/print.mk"
var() { mk -s -C "$top_builddir" -f Makefile -f "$T/print.mk" "print-$1"; }

if ! command -v make >/dev/null 2>&1 || [ ! -f "$top_builddir/Makefile" ]; then
	skip "no make, or no Makefile in $top_builddir" "make install DESTDIR" "make uninstall DESTDIR" \
		"a build of its own installed under a prefix"
	done_testing
	exit
fi

bindir=$(var bindir)
pkgdatadir=$(var pkgdatadir)
man1dir=$(var man1dir)
man5dir=$(var man5dir)
docdir=$(var docdir)
bcdir=$(var bashcompletiondir)
zcdir=$(var zshcompletiondir)
fcdir=$(var fishcompletiondir)
is "$pkgdatadir" "$(var datadir)/recoup" "the routines go to \$(datadir)/recoup"

D="$T/inst"
mk -C "$top_builddir" install DESTDIR="$D" >"$T/install.log" 2>&1
rc=$?
is "$rc" 0 "make install DESTDIR=... works"
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$T/install.log"
for f in "$bindir/recoup" "$pkgdatadir/recoup.conf.sample" "$man1dir/recoup.1" \
	"$man5dir/recoup-routine.5" "$man5dir/recoup.conf.5"; do
	ok "$([ -f "$D$f" ]; echo $?)" "make install: $f"
done
missing=
for r in $routines; do
	[ -f "$D$pkgdatadir/routines/$r.yaml" ] || missing="$missing $r"
done
is "$missing" "" "make install: the four shipped routines in $pkgdatadir/routines"
ok "$([ -x "$D$bindir/recoup" ]; echo $?)" "make install: the program is executable"
cmp -s "$S/recoup.conf.sample" "$D$pkgdatadir/recoup.conf.sample"
ok $? "make install: the sample as shipped"
# editors are pointed at the installed schema: it is what this recoup checks
"$D$bindir/recoup" --schema >"$T/schema.json" 2>&1
cmp -s "$T/schema.json" "$D$pkgdatadir/recoup-routine.schema.json"
ok $? "make install: \$(pkgdatadir)/recoup-routine.schema.json is what the installed recoup --schema prints"
# recoup(1) sends readers to the README for the log format
is "$docdir" "$(var datarootdir)/doc/recoup" "the documents go to \$(datarootdir)/doc/recoup"
for f in README ChangeLog; do
	cmp -s "$top_srcdir/$f" "$D$docdir/$f"
	ok $? "make install: $f as $docdir/$f"
done
like "$(cat "$D$docdir/README")" 'sessions\.log' "make install: the README has the log format"
if [ -n "$bcdir" ]; then
	cmp -s "$S/recoup.bash-completion" "$D$bcdir/recoup"
	ok $? "make install: the bash completion as $bcdir/recoup"
else
	skip "configured --without-bash-completion-dir" "make install: the bash completion"
fi
if [ -n "$zcdir" ]; then
	cmp -s "$S/recoup.zsh-completion" "$D$zcdir/_recoup"
	ok $? "make install: the zsh completion as $zcdir/_recoup"
else
	skip "configured --without-zsh-completion-dir" "make install: the zsh completion"
fi
if [ -n "$fcdir" ]; then
	cmp -s "$S/recoup.fish" "$D$fcdir/recoup.fish"
	ok $? "make install: the fish completion as $fcdir/recoup.fish"
else
	skip "configured --without-fish-completion-dir" "make install: the fish completion"
fi
out=$("$D$bindir/recoup" --routine-dir "$D$pkgdatadir/routines" --list 2>&1 | awk '{ print $1 }' | tr '\n' ' ')
is "$out" "$(echo $routines) " "the installed routines all load"

mk -C "$top_builddir" uninstall DESTDIR="$D" >"$T/uninstall.log" 2>&1
is "$?" 0 "make uninstall DESTDIR=... works"
is "$(find "$D" -type f -o -type l | sed "s|^$D||")" "" "make uninstall leaves no file behind"

# A build of its own, configured with a prefix in $T: the program has its
# data directory compiled in, so only such a build, installed, can show
# that it finds its routines there.  It is built from a copy of the sources
# (`make distdir`): the source tree may be configured in place, and is
# read-only under distcheck.
P="$T/pfx"
mk -s -C "$top_builddir" distdir distdir="$T/src" >"$T/distdir.log" 2>&1 &&
	mkdir "$T/build" &&
	(cd "$T/build" && "$T/src/configure" -q --prefix="$P" &&
		mk -s -j2 && mk -s install) >"$T/build.log" 2>&1
rc=$?
is "$rc" 0 "a build of its own, configured with --prefix, installs there"
[ "$rc" -eq 0 ] || cat "$T/distdir.log" "$T/build.log" | tail -n 30 | sed 's/^/#   /'
# configure said where the completion goes as a path, not "${datadir}/..."
is "$(sed -n 's/^configure:[0-9]*: result: \(.*bash-completion.*\)/\1/p' "$T/build/config.log")" \
	"$P/share/bash-completion/completions" "configure names the completion's directory in full"
is "$(sed -n 's/^configure:[0-9]*: result: \(.*\/\(zsh\|fish\)\/.*\)/\1/p' "$T/build/config.log")" \
	"$P/share/zsh/site-functions
$P/share/fish/vendor_completions.d" "configure names the zsh and fish completions' directories in full"
# and the build is quiet: no "ar: \`u' modifier ignored" on every archive
is "$(grep -i '^ar: ' "$T/build.log")" "" "the build prints no warning from ar"
cd / || exit 1
out=$("$P/bin/recoup" --list 2>&1)
is "$(printf '%s\n' "$out" | awk '{ print $1 }' | tr '\n' ' ')" "$(echo $routines) " \
	"installed under a prefix: recoup --list finds the four shipped routines"
like "$out" "^post-run-calf-care .* $P/share/recoup/routines/post-run-calf-care.yaml\$" \
	"installed under a prefix: from \$prefix/share/recoup/routines"
out=$("$P/bin/recoup" --plan post-run-calf-care 2>&1)
like "$out" "^Post-run calf care \\($P/share/recoup/routines/post-run-calf-care.yaml\\)\$" \
	"installed under a prefix: a shipped routine by name"
ok "$([ -f "$P/share/bash-completion/completions/recoup" ]; echo $?)" \
	"installed under a prefix: the bash completion under the prefix too"
ok "$([ -f "$P/share/zsh/site-functions/_recoup" ]; echo $?)" \
	"installed under a prefix: the zsh completion in \$prefix/share/zsh/site-functions"
ok "$([ -f "$P/share/fish/vendor_completions.d/recoup.fish" ]; echo $?)" \
	"installed under a prefix: the fish completion in \$prefix/share/fish/vendor_completions.d"
# the README and recoup(1) name those places
missing=
for f in bash-completion/completions/recoup zsh/site-functions/_recoup fish/vendor_completions.d/recoup.fish; do
	grep -qF "/usr/local/share/$f" "$top_srcdir/README" || missing="$missing README:$f"
	sed 's/\\-/-/g' "$S/recoup.1" | grep -qxF ".IB \\%datadir /$f" || missing="$missing recoup.1:$f"
done
is "$missing" "" "the README and recoup(1) name where each shell's completion is installed"
# each shell finds it there, as it looks for it: zsh's compinit by $fpath,
# fish by its vendor_completions.d under XDG_DATA_DIRS
if command -v zsh >/dev/null 2>&1; then
	out=$(zsh -fc 'fpath=($1 $fpath); autoload -Uz compinit; compinit -u -D; print -r -- $_comps[recoup]' \
		zsh "$P/share/zsh/site-functions" 2>&1)
	is "$out" "_recoup" "installed under a prefix: zsh's compinit takes _recoup for recoup"
else
	skip "no zsh" "installed under a prefix: zsh's compinit takes _recoup for recoup"
fi
if command -v fish >/dev/null 2>&1; then
	out=$(XDG_DATA_DIRS="$P/share" PATH="$P/bin:$PATH" fish -c 'complete -C"recoup --sch"' 2>&1)
	like "$out" '^--schema	' "installed under a prefix: fish loads recoup.fish from XDG_DATA_DIRS"
else
	skip "no fish" "installed under a prefix: fish loads recoup.fish from XDG_DATA_DIRS"
fi
ok "$([ -f "$P/share/man/man5/recoup.conf.5" ]; echo $?)" \
	"installed under a prefix: the manual in \$prefix/share/man"
ok "$([ -f "$P/share/doc/recoup/README" ]; echo $?)" \
	"installed under a prefix: the README in \$prefix/share/doc/recoup, where recoup(1) says"
like "$(sed -n '/^\.SH FILES/,/^\.SH /p' "$S/recoup.1" | sed 's/\\%//g')" '^\.BR /usr/local/share/doc/recoup/ \)' \
	"recoup(1) names that place (for the default prefix)"
if command -v man >/dev/null 2>&1; then
	out=$(MANWIDTH=80 man -M "$P/share/man" 5 recoup.conf 2>&1 | head -n 5)
	like "$out" 'recoup.conf - configuration file for recoup' "man finds recoup.conf(5) there"
else
	skip "no man" "man finds recoup.conf(5) there"
fi
(cd "$T/build" && mk -s uninstall) >"$T/uninstall2.log" 2>&1
is "$?" 0 "make uninstall works"
is "$(find "$P" -type f -o -type l | sed "s|^$P||")" "" "make uninstall leaves no file under the prefix"

done_testing
