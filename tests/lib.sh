# tests/lib.sh: TAP helpers for the shell tests.  Source it, call the
# checks, end with `done_testing`.  Each test gets a fresh $T scratch dir.
set -u
n=0
failed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/recoup-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_STATE_HOME="$T/home/.local/state"
mkdir -p "$HOME"

# ok STATUS DESCRIPTION: returns STATUS's truth, so that `ok $? ... ||
# show_screen` shows what went wrong
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); return 1; fi
}

is() { # is GOT WANT DESCRIPTION
	n=$((n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		printf '%s\n' "$1" | sed 's/^/#   got:  /'
		printf '%s\n' "$2" | sed 's/^/#   want: /'
		failed=$((failed + 1))
	fi
}

like() { # like GOT EXTENDED-REGEX DESCRIPTION
	n=$((n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		printf '%s\n' "$1" | sed 's/^/#   got:  /'
		echo "#   want match: $2"
		failed=$((failed + 1))
	fi
}

# same_file GOT WANT DESCRIPTION: byte for byte, with a diff when not
same_file() {
	if cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff "$2" "$1" | sed 's/^/#   /'
	fi
}

skip_all() { echo "1..0 # SKIP $1"; exit 0; }

# skip WHY DESCRIPTION...: one TAP skip per description
skip() {
	_why=$1
	shift
	for _d in "$@"; do
		n=$((n + 1))
		echo "ok $n # SKIP $_d ($_why)"
	done
}

# complete_words WORD...: what the bash completion (src/recoup.bash-
# completion) offers for the last word of the line WORD..., sorted, on one
# line
complete_words() {
	bash -c '
		. "$0"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_recoup
		((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
		"$top_srcdir/src/recoup.bash-completion" "$@" 2>&1
}

done_testing() { echo "1..$n"; [ "$failed" -eq 0 ]; }
