/* safetext.c: the one rule for text that leaves recoup (see safetext.h).
 * Every path to a terminal or a log value goes through safe_iter_next(), so
 * what is escaped, and how wide it is on screen, is decided here alone. */
#include "config.h"

#include "safetext.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

/* Escaped wherever they are: controls, and what reorders or breaks a line. */
static bool always_escaped(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029;
}

/* Shows nothing: a text made only of these would look empty, or like
 * another text's spaces. */
static bool invisible(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{ 0x0020, 0x0020 }, { 0x00A0, 0x00A0 }, { 0x00AD, 0x00AD },
		{ 0x034F, 0x034F }, { 0x115F, 0x1160 }, { 0x17B4, 0x17B5 },
		{ 0x180E, 0x180E }, { 0x2000, 0x200F }, { 0x2028, 0x202F },
		{ 0x205F, 0x206F }, { 0x2800, 0x2800 }, { 0x3000, 0x3000 },
		{ 0x3164, 0x3164 }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 },
	};
	for (size_t i = 0; i < ARRAY_LEN(ranges); i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return true;
	return false;
}

/* Takes no room at all: beside visible text it would make a name that
 * looks like another ("Ice intervals" and the same with U+200B after it). */
static bool zero_width(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064) ||
	       cp == 0xFEFF || cp == 0x180E || cp == 0x034F;
}

/* A joiner (ZWNJ, ZWJ) between two characters that show is part of the
 * writing (Persian, Indic scripts, emoji sequences): left alone there. */
static bool joiner_inside(const struct safe_iter *it, uint32_t cp, bool before_visible)
{
	if ((cp != 0x200C && cp != 0x200D) || !before_visible)
		return false;
	uint32_t next;
	const unsigned char *p = (const unsigned char *)it->s + it->off;
	size_t l = utf8_decode(p, it->n - it->off, &next);
	return l && next != ' ' && !invisible(next) && !always_escaped(next);
}

/* Whether the word at s (up to the next ASCII space, n bytes left) shows
 * nothing of its own: invisible characters, with at most ASCII punctuation
 * around them (a name in quotes, or before a colon, in a message).  Its
 * length in *len. */
static bool word_invisible(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	bool all = true, any = false;
	size_t i = 0;
	while (i < n && u[i] != ' ') {
		uint32_t cp;
		size_t l = utf8_decode(u + i, n - i, &cp);
		if (l && invisible(cp))
			any = true;
		else if (!l || cp >= 0x80 || !ispunct((int)cp))
			all = false;
		i += l ? l : 1;
	}
	*len = i;
	return all && any;
}

bool safe_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

void safe_iter_init(struct safe_iter *it, const char *s, size_t n, unsigned flags)
{
	it->s = s;
	it->n = n;
	it->off = 0;
	it->flags = flags;
	it->word_end = 0;
	it->invisible = false;
	it->after_visible = false;
	it->utf8 = !(flags & SAFE_TERM) || safe_locale_utf8();
}

static void show_escape(struct safe_char *c, const unsigned char *p, size_t len,
			uint32_t cp, unsigned flags)
{
	static const char hex[] = "0123456789abcdef";
	char *o = c->show;
	if (cp == '\n' || cp == '\t' || cp == '\r') {
		*o++ = '\\';
		*o++ = cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r';
	} else if (cp < 0x80 || (flags & SAFE_BYTES)) {
		for (size_t i = 0; i < len; i++) {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[p[i] >> 4];
			*o++ = hex[p[i] & 15];
		}
	} else {
		*o++ = '\\';
		*o++ = 'u';
		for (int sh = 12; sh >= 0; sh -= 4)
			*o++ = hex[(cp >> sh) & 15];
	}
	*o = '\0';
	c->showlen = (size_t)(o - c->show);
	c->cols = (int)c->showlen;
	c->raw = false;
}

bool safe_iter_next(struct safe_iter *it, struct safe_char *c)
{
	if (it->off >= it->n)
		return false;
	const unsigned char *p = (const unsigned char *)it->s + it->off;
	if (it->off >= it->word_end && *p != ' ') {
		size_t wlen;
		it->invisible = word_invisible(it->s + it->off, it->n - it->off, &wlen);
		it->word_end = it->off + wlen;
	}
	uint32_t cp;
	size_t len = utf8_decode(p, it->n - it->off, &cp);
	it->off += len ? len : 1;
	c->len = len ? len : 1;
	bool before_visible = it->after_visible;
	it->after_visible = len && cp != ' ' && !invisible(cp) && !always_escaped(cp);
	if (!len) {
		/* not UTF-8: this byte alone, as a byte */
		show_escape(c, p, 1, 0xFF, it->flags | SAFE_BYTES);
	} else if (always_escaped(cp) || (it->invisible && cp != ' ' && invisible(cp)) ||
		   (zero_width(cp) && !joiner_inside(it, cp, before_visible))) {
		show_escape(c, p, len, cp, it->flags);
	} else if ((it->flags & SAFE_QUOTED) && (cp == '"' || cp == '\\')) {
		c->show[0] = '\\';
		c->show[1] = (char)cp;
		c->show[2] = '\0';
		c->showlen = 2;
		c->cols = 2;
		c->raw = false;
	} else if (cp >= 0x80 && !it->utf8) {
		c->show[0] = '?';
		c->show[1] = '\0';
		c->showlen = 1;
		c->cols = 1;
		c->raw = false;
	} else {
		memcpy(c->show, p, len);
		c->show[len] = '\0';
		c->showlen = len;
		c->raw = true;
		c->cols = 1;
		if (cp >= 0x80 && (it->flags & SAFE_TERM)) {
			int w = wcwidth((wchar_t)cp);
			c->cols = w < 0 ? 1 : w;
		}
	}
	return true;
}

void safe_add(struct buf *b, const char *s, unsigned flags)
{
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), flags);
	const char *run = s;        /* bytes shown as they are, not yet added */
	size_t runlen = 0;
	while (safe_iter_next(&it, &c)) {
		if (c.raw) {
			runlen += c.len;
			continue;
		}
		buf_add(b, run, runlen);
		buf_add(b, c.show, c.showlen);
		run = s + it.off;
		runlen = 0;
	}
	buf_add(b, run, runlen);
}

char *safe_dup(const char *s, unsigned flags)
{
	struct buf b;
	buf_init(&b);
	safe_add(&b, s, flags);
	return buf_take(&b);
}

bool safe_is_clean(const char *s, unsigned flags)
{
	struct safe_iter it;
	struct safe_char c;
	safe_iter_init(&it, s, strlen(s), flags);
	while (safe_iter_next(&it, &c))
		if (!c.raw)
			return false;
	return true;
}

const char *safe_show(const char *s)
{
	static char *ring[8];
	static size_t next;
	if (safe_is_clean(s, SAFE_TERM))
		return s;
	free(ring[next]);
	ring[next] = safe_dup(s, SAFE_TERM);
	const char *r = ring[next];
	next = (next + 1) % ARRAY_LEN(ring);
	return r;
}

int safe_width(const char *s)
{
	struct safe_iter it;
	struct safe_char c;
	int w = 0;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	while (safe_iter_next(&it, &c))
		w += c.cols;
	return w;
}

void safe_column(FILE *out, const char *s, int w, bool cut)
{
	struct safe_iter it;
	struct safe_char c;
	int used = 0;
	safe_iter_init(&it, s, strlen(s), SAFE_TERM);
	while (safe_iter_next(&it, &c) && (!cut || used + c.cols <= w)) {
		fwrite(c.show, 1, c.showlen, out);
		used += c.cols;
	}
	if (used < w)
		fprintf(out, "%*s", w - used, "");
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

size_t safe_unescape(struct buf *b, const char *p, size_t n)
{
	size_t digits = n && *p == 'x' ? 2 : n && *p == 'u' ? 4 : 0;
	if (!digits || n < 1 + digits)
		return 0;
	uint32_t v = 0;
	for (size_t i = 1; i <= digits; i++) {
		int h = hexval(p[i]);
		if (h < 0)
			return 0;
		v = v << 4 | (uint32_t)h;
	}
	/* no NUL inside a C string, no half of a surrogate pair */
	if (!v || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	/* \xNN is that byte as it is; \uNNNN, the character */
	char o[4];
	size_t len;
	if (digits == 2) {
		o[0] = (char)v;
		len = 1;
	} else {
		len = utf8_encode(v, o);
	}
	buf_add(b, o, len);
	return 1 + digits;
}
