#!/bin/sh
# tests/schema_validate.sh: the routine schema that `recoup --schema` prints,
# against the loader, with a real validator: tests/schema_validate.py (read
# it for what is checked), run with Debian's python3-jsonschema and
# python3-yaml, which .ci/run and the README's set-up line install.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"
python3 -c 'import jsonschema, yaml' 2>/dev/null ||
	skip_all "python3-jsonschema or python3-yaml not installed"

"$RECOUP" --schema >"$T/schema.json" 2>"$T/err"
rc=$?
if [ $rc -ne 0 ] || [ -s "$T/err" ]; then
	ok 1 "recoup --schema prints the schema (exit $rc)"
	sed 's/^/#   /' "$T/err"
	done_testing
	exit 1
fi
mkdir -p "$T/gen"
python3 "$top_srcdir/tests/schema_validate.py" "$T/schema.json" "$RECOUP" \
	"$top_srcdir" "$T/gen"
