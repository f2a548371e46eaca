/* unit_safetext.c: the one rule for text that leaves recoup (safetext.h),
 * and the log's values through it and back. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "logfmt.h"
#include "safetext.h"
#include "tap.h"

static void escapes(const char *in, unsigned flags, const char *want, const char *what)
{
	char *got = safe_dup(in, flags);
	is_str(got, want, "%s", what);
	free(got);
}

static void test_rule(void)
{
	escapes("Calf care", SAFE_TERM, "Calf care", "plain text passes");
	escapes("caf\xc3\xa9 \xe2\x9c\x93", SAFE_TERM, "caf\xc3\xa9 \xe2\x9c\x93",
		"UTF-8 passes in a UTF-8 locale");
	escapes("a\x1b[2Jb\x07", SAFE_TERM, "a\\x1b[2Jb\\x07", "ESC and BEL");
	escapes("a\nb\tc\rd\x7f", SAFE_TERM, "a\\nb\\tc\\rd\\x7f", "line break, tab, DEL");
	escapes("x\xc2\x9b" "31mx\xc2\x9d" "0;t\xc2\x9c", SAFE_TERM,
		"x\\u009b31mx\\u009d0;t\\u009c", "C1 controls");
	escapes("\xff\xfe ok \xc3 \xed\xa0\x80 \xc0\xaf", SAFE_TERM,
		"\\xff\\xfe ok \\xc3 \\xed\\xa0\\x80 \\xc0\\xaf",
		"bytes outside UTF-8, surrogates and overlong forms");
	escapes("\xe2\x80\xae" "evil\xe2\x80\xac \xe2\x81\xa6x\xe2\x81\xa9 \xe2\x80\x8f \xd8\x9c",
		SAFE_TERM, "\\u202eevil\\u202c \\u2066x\\u2069 \\u200f \\u061c",
		"bidi controls");
	escapes("a\xe2\x80\xa8" "b", SAFE_TERM, "a\\u2028b", "line separator");
	escapes("\xe2\x80\x8b\xe2\x80\x8d\xef\xbb\xbf", SAFE_TERM, "\\u200b\\u200d\\ufeff",
		"a name of zero-width characters only");
	escapes(" \xe3\x85\xa4 ", SAFE_TERM, " \\u3164 ", "a name of fillers and spaces only");
	escapes("spot 1 of 2: \xef\xbb\xbf", SAFE_TERM, "spot 1 of 2: \\ufeff",
		"an invisible name inside a message");
	escapes("named '\xe2\x80\x8b': \xe2\x80\x8b.", SAFE_TERM, "named '\\u200b': \\u200b.",
		"in quotes, before a colon or a stop");
	escapes("Calf\xe2\x80\x8d" "care", SAFE_TERM, "Calf\xe2\x80\x8d" "care",
		"a joiner inside a visible name stays");
	escapes("Ice intervals\xe2\x80\x8b", SAFE_TERM, "Ice intervals\\u200b",
		"a zero-width space after a visible name: shown, so it cannot pose as the name");
	escapes("z\xe2\x80\x8b\xe2\x80\x8b.yaml", SAFE_TERM, "z\\u200b\\u200b.yaml",
		"zero-width characters inside a visible word are shown");
	escapes("d/\xe2\x80\x8b.yaml", SAFE_TERM, "d/\\u200b.yaml",
		"a zero-width file name in a path is shown");
	escapes("\xef\xbb\xbfIce", SAFE_TERM, "\\ufeffIce", "a BOM before a name is shown");
	escapes("Ice\xe2\x80\x8d", SAFE_TERM, "Ice\\u200d", "a joiner at the end of a name is shown");
	escapes("\xe2\x80\x8cIce", SAFE_TERM, "\\u200cIce", "a non-joiner at the start of a name is shown");
	escapes("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae", SAFE_TERM, "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae",
		"a non-joiner between letters (Persian) stays");
	escapes("\xf0\x9f\x8f\x83\xe2\x80\x8d\xe2\x99\x80", SAFE_TERM,
		"\xf0\x9f\x8f\x83\xe2\x80\x8d\xe2\x99\x80", "a joiner inside an emoji sequence stays");
	escapes("   ", SAFE_TERM, "   ", "ASCII spaces stay");
	escapes("say \"hi\" \\o/", SAFE_TERM, "say \"hi\" \\o/", "quotes left alone on a screen");
	escapes("say \"hi\" \\o/\n", SAFE_QUOTED, "say \\\"hi\\\" \\\\o/\\n", "quoted");
	escapes("\xc2\x9b\xe2\x80\xae\xff\x1b", SAFE_QUOTED | SAFE_BYTES,
		"\\xc2\\x9b\\xe2\\x80\\xae\\xff\\x1b", "bytes only, for libconfig");

	is_int(safe_width("a\x1b" "b"), 6, "width of an escape");
	is_int(safe_width("\xe6\x97\xa5\xe6\x9c\xac"), 4, "width of wide characters");
	ok(safe_show("plain") != NULL && !strcmp(safe_show("plain"), "plain"),
	   "safe_show of clean text");
	const char *a = safe_show("\x1b"), *b = safe_show("\x07");
	ok(!strcmp(a, "\\x1b") && !strcmp(b, "\\x07"), "two shown strings at once");
}

static void test_latin1(void)
{
	/* a locale that is not UTF-8: one '?' a character, escapes as ever */
	if (!setlocale(LC_CTYPE, "C")) {
		ok(1, "# SKIP no C locale");
		return;
	}
	escapes("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", SAFE_TERM, "caf? ??",
		"non-UTF-8 terminal: one ? a character");
	escapes("\xc3\x80\xc2\x9b", SAFE_TERM, "?\\u009b", "C1 still escaped");
	is_int(safe_width("\xe6\x97\xa5\xe6\x9c\xac"), 2, "one column a character");
	escapes("caf\xc3\xa9", SAFE_QUOTED, "caf\xc3\xa9", "a log value stays UTF-8");
	ok(!safe_locale_utf8(), "the C locale is not UTF-8");
	/* the one test of the locale every screen and report asks */
	if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8") ||
	    setlocale(LC_CTYPE, "en_US.UTF-8"))
		ok(safe_locale_utf8(), "a UTF-8 locale is, however its name is spelt");
	else
		ok(1, "# SKIP no UTF-8 locale");
	setlocale(LC_CTYPE, "");
}

static void round_trip(const char *value, const char *what)
{
	struct buf b;
	struct timespec t = { 1700000000, 0 };
	buf_init(&b);
	logline_begin(&b, &t, "3f9a2c", LOG_START);
	logline_str(&b, "routine", value);
	logline_str(&b, "file", "r\x1b]0;x\x07.yaml");
	logline_end(&b);
	bool clean = true;
	for (size_t i = 0; i + 1 < b.len; i++) {
		unsigned char c = (unsigned char)b.s[i];
		if (c < 0x20 || c == 0x7f || (c == 0xc2 && (unsigned char)b.s[i + 1] >= 0x80 &&
					     (unsigned char)b.s[i + 1] <= 0x9f))
			clean = false;
	}
	ok(clean, "%s: no raw control in the line", what);
	struct logrec r;
	logrec_init(&r);
	const char *why = logrec_parse(&r, b.s, b.len);
	ok(!why, "%s: parses (%s)", what, why ? why : "ok");
	is_str(logrec_get(&r, "routine"), value, "%s: reads back exactly", what);
	is_str(logrec_get(&r, "file"), "r\x1b]0;x\x07.yaml", "%s: file reads back", what);
	logrec_free(&r);
	buf_free(&b);
}

static void test_log(void)
{
	round_trip("Calf care", "plain");
	round_trip("a\x1b[31m\x07z", "C0");
	round_trip("\xc2\x9b" "31m \xc2\x9d" "0;title\xc2\x9c", "C1");
	round_trip("\xff\xfe\xc3(", "invalid UTF-8");
	round_trip("\xe2\x80\xae" "drow", "bidi");
	round_trip("\xe2\x80\x8b\xe2\x80\x8b", "zero-width only");
	round_trip("back\\slash \\x41 \\u0041 \"q\"\n", "escapes that look like ours");
	round_trip("caf\xc3\xa9 \xe6\x97\xa5", "UTF-8");

	/* what an older recoup wrote, and odd escapes, read as before */
	struct logrec r;
	logrec_init(&r);
	const char *line = "2026-11-23T18:04:11.204+01:00 3f9a2c step a=\"\\q\\x4\\u00zz\\x00\"";
	ok(!logrec_parse(&r, line, strlen(line)), "odd escapes parse");
	is_str(logrec_get(&r, "a"), "qx4u00zzx00", "odd escapes as before");
	logrec_free(&r);
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_rule();
	test_latin1();
	test_log();
	return done_testing();
}
