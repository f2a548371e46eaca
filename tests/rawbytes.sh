# tests/rawbytes.sh: byte-by-byte checks that text left recoup safe (see
# src/safetext.h).  Source it after tests/lib.sh.
#
#   raw_controls FILE   what must not be there, one line each
#   clean FILE WHAT     a TAP check that there is nothing of the kind

# raw_controls FILE: the offsets of what must not be there, one a line:
# a C0 control other than the line break, DEL, a byte outside valid UTF-8,
# a C1 control, a bidi control or line separator, or one of the invisible
# characters the corpus uses (none of them is in any name shown whole).
raw_controls() {
	od -An -v -tu1 "$1" | tr -s ' ' '\n' | grep -v '^$' | awk '
	function bad(why) { printf "byte %d: %s\n", start, why; }
	{ b[NR - 1] = $1 + 0 }
	END {
		n = NR
		for (i = 0; i < n; ) {
			start = i; c = b[i]
			if (c < 128) {
				if ((c < 32 && c != 10) || c == 127) bad("control " c)
				i++; continue
			}
			if (c >= 194 && c <= 223) { len = 2; cp = c - 192; min = 128 }
			else if (c >= 224 && c <= 239) { len = 3; cp = c - 224; min = 2048 }
			else if (c >= 240 && c <= 244) { len = 4; cp = c - 240; min = 65536 }
			else { bad("not UTF-8 " c); i++; continue }
			ok = i + len <= n
			for (k = 1; ok && k < len; k++) {
				if (b[i + k] < 128 || b[i + k] > 191) ok = 0
				else cp = cp * 64 + b[i + k] - 128
			}
			if (!ok || cp < min || cp > 1114111 || (cp >= 55296 && cp <= 57343)) {
				bad("not UTF-8 " c); i++; continue
			}
			if (cp >= 128 && cp <= 159) bad("C1 " cp)
			if (cp == 1564 || cp == 8206 || cp == 8207 || (cp >= 8234 && cp <= 8238) ||
			    (cp >= 8294 && cp <= 8297) || cp == 8232 || cp == 8233) bad("bidi " cp)
			if (cp == 8203 || cp == 65279 || cp == 12644) bad("invisible " cp)
			i += len
		}
	}'
}

# clean FILE WHAT: no raw control in FILE (which must not be empty when
# WHAT says it holds something: see `has`).
clean() {
	_bad=$(raw_controls "$1")
	if [ -z "$_bad" ]; then
		ok 0 "$2: nothing raw"
	else
		ok 1 "$2: nothing raw"
		printf '%s\n' "$_bad" | head -n 5 | sed 's/^/#   /'
		od -c "$1" | head -n 20 | sed 's/^/#   /'
	fi
}

