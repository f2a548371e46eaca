/* safetext.h: the one rule for text that leaves recoup.  Whatever a routine,
 * a config file, a log or the command line holds, no control character and
 * no byte outside valid UTF-8 reaches a terminal or a log value raw:
 *
 *   C0 controls, DEL            \n \t \r, else \x1b (two hex digits)
 *   bytes outside valid UTF-8   \xff, one escape a byte
 *   C1 controls U+0080-U+009F   \u009b
 *   bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069)
 *   and line/paragraph separators (U+2028, U+2029)
 *                               \u202e, so a name cannot pose as another
 *   a word (up to an ASCII space) made only of invisible characters
 *   (zero-width ones, U+FEFF, fillers, non-ASCII spaces): those escaped
 *   too, so a name of nothing shows, alone or inside a message
 *   a zero-width character anywhere else (U+200B-U+200D, U+2060-U+2064,
 *   U+FEFF, U+180E, U+034F), but for a joiner (U+200C, U+200D) between
 *   two characters that show: "Ice intervals\u200b" is not "Ice intervals"
 *
 * Everything else passes as it is; a backslash is left alone on a screen.
 * On a terminal whose locale is not UTF-8, other non-ASCII characters are
 * shown as one '?' each.  No curses here. */
#ifndef RECOUP_SAFETEXT_H
#define RECOUP_SAFETEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum {
	/* for a terminal: non-ASCII as '?' unless the locale is UTF-8 */
	SAFE_TERM = 1 << 0,
	/* inside double quotes: `"` and `\` escaped as well */
	SAFE_QUOTED = 1 << 1,
	/* escapes as \xHH bytes only (libconfig has no \u): for config files */
	SAFE_BYTES = 1 << 2,
};

/* One character of the input as it is to be shown. */
struct safe_char {
	size_t len;             /* bytes of the input it stands for (>= 1) */
	int cols;               /* columns it takes as shown */
	bool raw;               /* shown as the input bytes themselves */
	size_t showlen;
	char show[28];          /* what to show (NUL-terminated) */
};

/* A walk over text `s` of `n` bytes, one shown character at a time. */
struct safe_iter {
	const char *s;
	size_t n, off;
	unsigned flags;
	size_t word_end;        /* where the word being walked ends */
	bool invisible;         /* it is invisible: escape what it holds */
	bool after_visible;     /* the character before showed something */
	bool utf8;              /* SAFE_TERM: the locale is UTF-8 */
};
/* Whether the locale (LC_CTYPE) is UTF-8, by its codeset's name in either
 * spelling ("UTF-8", "utf8"): what every screen and report asks before
 * it draws a block, an arrow or a name's non-ASCII characters. */
bool safe_locale_utf8(void);

void safe_iter_init(struct safe_iter *it, const char *s, size_t n, unsigned flags);
bool safe_iter_next(struct safe_iter *it, struct safe_char *c);

/* Append `s` made safe to `b`. */
void safe_add(struct buf *b, const char *s, unsigned flags);
/* `s` made safe, freshly allocated. */
char *safe_dup(const char *s, unsigned flags);
/* `s` as a terminal may show it (SAFE_TERM): `s` itself when it needs no
 * change, else a string that stays valid for the next 7 calls. */
const char *safe_show(const char *s);
/* Columns safe_show(s) takes on the terminal. */
int safe_width(const char *s);
/* safe_show(s) padded with spaces to `w` columns, and cut to them if `cut`
 * (never in the middle of a character or an escape). */
void safe_column(FILE *out, const char *s, int w, bool cut);
/* Whether `s` needs no change at all under `flags`. */
bool safe_is_clean(const char *s, unsigned flags);

/* Undo an escape the rule writes, at `p` (after the backslash, `n` bytes
 * left): \xHH or \uHHHH.  Appends the bytes to `b` and returns the length
 * of the escape read, or 0 when there is none (the caller then treats the
 * backslash as it always did). */
size_t safe_unescape(struct buf *b, const char *p, size_t n);

#endif
