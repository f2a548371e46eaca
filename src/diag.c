/* diag.c: collecting and printing positioned messages. */
#include "config.h"

#include "diag.h"
#include "safetext.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

void diags_init(struct diags *d, const char *file)
{
	d->file = xstrdup(file);
	d->v = NULL;
	d->n = d->cap = 0;
	d->nerrors = d->nwarnings = 0;
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	free(d->file);
	d->v = NULL;
	d->file = NULL;
	d->n = d->cap = 0;
}

void diags_add(struct diags *d, enum diag_level level, int line, int col,
	       const char *fmt, ...)
{
	va_list ap;
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct diag *g = &d->v[d->n++];
	g->level = level;
	g->line = line;
	g->col = col;
	va_start(ap, fmt);
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (level == DIAG_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
}

static int pos_cmp(const struct diag *a, const struct diag *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

void diags_sort(struct diags *d)
{
	/* insertion sort: stable, and lists are short */
	for (size_t i = 1; i < d->n; i++) {
		struct diag t = d->v[i];
		size_t j = i;
		while (j > 0 && pos_cmp(&d->v[j - 1], &t) > 0) {
			d->v[j] = d->v[j - 1];
			j--;
		}
		d->v[j] = t;
	}
}

/* "LINE:COL: ", or nothing for a message about the whole file (line 0),
 * where a position would only send an editor to the top for no reason. */
static const char *pos_text(const struct diag *g, char *buf, size_t n)
{
	if (g->line <= 0)
		return "";
	snprintf(buf, n, "%d:%d: ", g->line, g->col);
	return buf;
}

void diags_print(const struct diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		char pos[32];
		fprintf(out, "%s: %s:%s%s%s%s\n", progname, safe_show(d->file), g->line > 0 ? "" : " ",
			pos_text(g, pos, sizeof pos),
			g->level == DIAG_WARNING ? "warning: " : "", safe_show(g->msg));
	}
}

char **diags_warnings(const struct diags *d, const char *tag, size_t *n)
{
	char **v = d->nwarnings ? xcalloc(d->nwarnings, sizeof *v) : NULL;
	*n = 0;
	for (size_t i = 0; i < d->n && *n < d->nwarnings; i++)
		if (d->v[i].level == DIAG_WARNING) {
			char pos[32];
			v[(*n)++] = xasprintf("%s%s%s", pos_text(&d->v[i], pos, sizeof pos), tag,
					      d->v[i].msg);
		}
	return v;
}

const struct diag *diags_first(const struct diags *d, enum diag_level level)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == level)
			return &d->v[i];
	return NULL;
}

char *diags_first_error(const struct diags *d)
{
	const struct diag *g = diags_first(d, DIAG_ERROR);
	char pos[32];
	return g ? xasprintf("%s%s", pos_text(g, pos, sizeof pos), g->msg) : NULL;
}

/* wcwidth needs a UTF-8 locale; routine files are UTF-8 whatever the user's
 * locale is, so without one a UTF-8 locale is made, once, for measuring. */
static void textpos_widths(struct textpos *t)
{
	static locale_t made;
	static bool tried;
	t->widths = (locale_t)0;
	t->ascii_widths = false;
	if (safe_locale_utf8())
		return;
	if (!tried) {
		tried = true;
		made = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		if (!made)
			made = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
	}
	t->widths = made;
	t->ascii_widths = !made;
}

void textpos_init(struct textpos *t, const char *data, size_t len)
{
	t->data = data;
	t->len = len;
	t->start = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	textpos_widths(t);
	t->off = t->line_off = t->start;
	t->chars = t->line_chars = 0;
	t->line = t->col = 1;
}

/* One character at s (n bytes left): its length, and its code point in *cp
 * (U+FFFD for a malformed sequence, which is then one byte long). */
static size_t utf8_char(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	*cp = 0xFFFD;
	if (len == 1 || len > n)
		return 1;
	uint32_t v = s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return len;
}

static int char_width(const struct textpos *t, uint32_t cp)
{
	if (t->ascii_widths)
		return 1;
	locale_t old = t->widths ? uselocale(t->widths) : (locale_t)0;
	int w = wcwidth((wchar_t)cp);
	if (old)
		uselocale(old);
	/* not printable (U+2028, say): editors still show something */
	return w < 0 ? 1 : w;
}

/* Move the cursor forward until it reaches the character to_chars or the
 * byte to_off, whichever comes first, never past the line break that ends
 * the text and never into the middle of a character or of a \r\n. */
static void textpos_forward(struct textpos *t, size_t to_chars, size_t to_off)
{
	const unsigned char *s = (const unsigned char *)t->data;
	while (t->chars < to_chars && t->off < to_off && t->off < t->len) {
		unsigned char c = s[t->off];
		size_t n = 1;
		if (c == '\n' || c == '\r') {
			if (c == '\r' && t->off + 1 < t->len && s[t->off + 1] == '\n')
				n = 2;
			if (t->off + n >= t->len || t->chars + n > to_chars ||
			    t->off + n > to_off)
				return;
			t->off += n;
			t->chars += n; /* libyaml counts \r\n as two */
			t->line++;
			t->col = 1;
			t->line_off = t->off;
			t->line_chars = t->chars;
			continue;
		}
		if (c == '\t') {
			t->col = (t->col - 1) / 8 * 8 + 9;
		} else if (c < 0x80) {
			t->col++;
		} else {
			uint32_t cp;
			n = utf8_char(s + t->off, t->len - t->off, &cp);
			if (t->off + n > to_off)
				return;
			t->col += char_width(t, cp);
		}
		t->off += n;
		t->chars++;
	}
}

/* Back to the start of the cursor's line, or of the text, so that the cursor
 * is at or before the target. */
static void textpos_rewind(struct textpos *t, size_t to_chars, size_t to_off)
{
	if (to_chars < t->line_chars || to_off < t->line_off) {
		t->line_off = t->start;
		t->line_chars = 0;
		t->line = 1;
	}
	t->off = t->line_off;
	t->chars = t->line_chars;
	t->col = 1;
}

void textpos_char(struct textpos *t, size_t index, int *line, int *col)
{
	if (index < t->chars)
		textpos_rewind(t, index, SIZE_MAX);
	textpos_forward(t, index, SIZE_MAX);
	*line = t->line;
	*col = t->col;
}

void textpos_byte(struct textpos *t, size_t off, int *line, int *col)
{
	if (off < t->off)
		textpos_rewind(t, SIZE_MAX, off);
	textpos_forward(t, SIZE_MAX, off);
	*line = t->line;
	*col = t->col;
}
