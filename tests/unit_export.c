/* unit_export.c: a field of `recoup --export` (export.h) as CSV and as a
 * JSON string: quoting, escapes, and no control character raw. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "tap.h"

static void csv(const char *in, const char *want, const char *what)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "x,"); /* a field after others: the quote opens where it begins */
	export_csv_field(&b, in);
	is_str(b.s, want, "csv: %s", what);
	buf_free(&b);
}

static void csv_shown(const char *in, const char *want, const char *what)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "x,");
	export_csv_field_shown(&b, in);
	is_str(b.s, want, "csv to a terminal: %s", what);
	buf_free(&b);
}

static void json(const char *in, const char *want, const char *what)
{
	struct buf b;
	buf_init(&b);
	export_json_string(&b, in);
	is_str(b.s, want, "json: %s", what);
	buf_free(&b);
}

static void test_csv(void)
{
	csv("Calf care", "x,Calf care", "plain text bare");
	csv(NULL, "x,", "NULL: an empty field");
	csv("", "x,", "empty: an empty field");
	csv("Calf, heel", "x,\"Calf, heel\"", "a comma quoted");
	csv("the \"slow\" one", "x,\"the \"\"slow\"\" one\"", "quotes doubled inside quotes");
	csv("line\ntwo", "x,\"line\ntwo\"", "a newline kept, inside quotes");
	csv("a\r\nb", "x,\"a\r\nb\"", "CR LF kept, inside quotes");
	csv("a\tb", "x,a\tb", "a tab kept, bare");
	csv("Mollet \xc3\xa9, \xe2\x9c\x93", "x,\"Mollet \xc3\xa9, \xe2\x9c\x93\"", "UTF-8 as it is");
	csv("bell\x07 \x1b[2J", "x,bell\\x07 \\x1b[2J", "other C0 controls as escapes");
	csv("a\xc2\x9b" "b \xe2\x80\xae" "c", "x,a\\u009bb \\u202ec", "C1 and bidi controls as escapes");
	csv("bad \xff, byte", "x,\"bad \\xff, byte\"", "a byte that is no UTF-8 as its escape");
	csv("\"", "x,\"\"\"\"", "a quote alone");
	csv_shown("line\ntwo", "x,line\\ntwo", "a newline shown, not raw");
	csv_shown("a\r\nb\tc", "x,a\\r\\nb\\tc", "CR LF and tab shown");
	csv_shown("Calf, \"heel\"", "x,\"Calf, \"\"heel\"\"\"", "still quoted as CSV");
	csv_shown("bell\x07", "x,bell\\x07", "other controls as ever");
	csv("back\\slash", "x,back\\slash", "a backslash as it is");
}

static void test_json(void)
{
	json("Calf care", "\"Calf care\"", "plain text");
	json(NULL, "null", "NULL: null");
	json("", "\"\"", "empty string");
	json("the \"slow\" one \\ two", "\"the \\\"slow\\\" one \\\\ two\"", "quote and backslash");
	json("a\nb\rc\td", "\"a\\nb\\rc\\td\"", "newline, CR, tab");
	json("bell\x07 \x1b[2J\x7f", "\"bell\\u0007 \\u001b[2J\\u007f\"", "other controls as \\u00XX");
	json("a\xc2\x9b" "b \xe2\x80\xae" "c", "\"a\\u009bb \\u202ec\"", "C1 and bidi controls as \\uXXXX");
	json("Mollet \xc3\xa9 \xe2\x9c\x93 \xf0\x9f\xa6\xb5", "\"Mollet \xc3\xa9 \xe2\x9c\x93 \xf0\x9f\xa6\xb5\"",
	     "UTF-8 as it is");
	json("bad \xff byte", "\"bad \\\\xff byte\"", "a byte that is no UTF-8 as the text \\xff");
	json("x\xe2\x80\x8b", "\"x\\u200b\"", "a zero-width space at the end escaped");
}

static void test_formats(void)
{
	enum export_format f = EXPORT_JSON;
	ok(export_format_from("csv", &f) && f == EXPORT_CSV, "csv is a format");
	ok(export_format_from("json", &f) && f == EXPORT_JSON, "json is a format");
	ok(!export_format_from("CSV", &f) && !export_format_from("xml", &f) &&
	   !export_format_from("", &f), "CSV, xml and nothing are not");
	size_t n = 0;
	while (export_columns[n])
		n++;
	is_int((long long)n, 24, "24 columns");
	is_str(export_columns[0], "kind", "the kind first");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_csv();
	test_json();
	test_formats();
	return done_testing();
}
