#!/bin/sh
# update-corpus-list.sh: rewrite the corpus file list in tests/fuzz.am (the
# lines between "# BEGIN corpus" and "# END corpus") from what is in
# tests/fuzz/corpus/ now.  Run it from the top of the source tree after
# adding a reproducer; fuzz_replay.sh fails while a file is missing there.
set -eu
am=tests/fuzz.am
[ -f "$am" ] || { echo "$0: run me from the top of the source tree" >&2; exit 1; }
list=$(mktemp)
trap 'rm -f "$list" "$list.am"' EXIT
{
	echo "fuzz_corpus = \\"
	LC_ALL=C find tests/fuzz/corpus -type f | LC_ALL=C sort | while IFS= read -r f; do
		case $f in
		*[!A-Za-z0-9._/+-]*)
			echo "$0: $f: rename it to letters, digits and ._+- only" >&2
			exit 1 ;;
		esac
		printf '\t%s \\\n' "$f"
	done
} >"$list"
# the last line ends the list: drop its backslash
sed '$ s/ \\$//' "$list" >"$list.am"
awk -v list="$list.am" '
	/^# END corpus/ { skip = 0 }
	!skip { print }
	/^# BEGIN corpus/ { while ((getline l < list) > 0) print l; skip = 1 }
' "$am" >"$am.new"
mv "$am.new" "$am"
echo "$am: $(($(wc -l <"$list.am") - 1)) corpus files"
