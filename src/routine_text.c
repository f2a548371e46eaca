/* routine_text.c: a routine file's text, as recoup changes it for the
 * user (routine_manage.c): a name as a YAML double-quoted scalar, the
 * yaml-language-server modeline, and the top-level `name:`, found with the
 * YAML parser's own marks and changed there alone. */
#include "config.h"

#include "routine_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* ---- a name, and the schema, as written in the file ---- */

/* NAME as a YAML double-quoted scalar: safe whatever it holds (quotes,
 * colons, '#', a leading '-' or '?', non-ASCII), since
 * routine_name_problem() has already kept out every control character. */
void routine_text_quote(struct buf *b, const char *name)
{
	buf_addc(b, '"');
	for (const char *s = name; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/* Whether byte `c` has no place raw in the modeline's URI: a blank (the
 * language server takes the value up to the first one), a control
 * character, a byte of a non-ASCII character, or '%' itself. */
static bool uri_escaped(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '%';
}

/* The schema as the modeline names it: the path as it is, unless it holds
 * a byte that uri_escaped(): then a file: URI (a relative reference when
 * the path is relative), each such byte %-escaped. */
static void routine_text_schema(struct buf *b, const char *schema)
{
	bool plain = true;
	for (const unsigned char *s = (const unsigned char *)schema; *s; s++)
		plain = plain && !uri_escaped(*s);
	if (plain) {
		buf_adds(b, schema);
		return;
	}
	if (schema[0] == '/')
		buf_adds(b, "file://");
	for (const unsigned char *s = (const unsigned char *)schema; *s; s++) {
		if (uri_escaped(*s))
			buf_addf(b, "%%%02X", *s);
		else
			buf_addc(b, (char)*s);
	}
}

/* ---- the top-level `name:` ---- */

/* The end of the line at `p` (its '\n', or the NUL). */
static const char *line_end(const char *p)
{
	const char *e = strchr(p, '\n');
	return e ? e : p + strlen(p);
}

/* The line after the one at `p`, or NULL at the end. */
static const char *next_line(const char *p)
{
	const char *e = line_end(p);
	return *e ? e + 1 : NULL;
}

/* The line before which a `name:` goes when the file has none: the first
 * that is not a comment, blank, directive or document start. */
static const char *insert_point(const char *text)
{
	const char *p = text;
	if (!strncmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	for (; p; p = next_line(p)) {
		const char *s = p;
		while (is_blank(*s))
			s++;
		bool skip = *s == '#' || *s == '\n' || *s == '\r' || *p == '%' ||
			    (!strncmp(p, "---", 3) && (is_blank(p[3]) || p[3] == '\n' ||
						       p[3] == '\r' || !p[3]));
		if (!skip)
			return p;
	}
	return text + strlen(text);
}

/* Where the parser found things in a file's text: libyaml's marks count
 * characters (a CR LF as two) after any byte order mark, and this turns
 * them into byte offsets, walking on (or back) from the last one, so that
 * a whole file costs one walk over it. */
struct mark_walk {
	const char *text;
	size_t len;
	size_t index, byte;     /* the last mark: its character and byte */
};

static void mark_walk_init(struct mark_walk *w, const char *text, size_t len)
{
	w->text = text;
	w->len = len;
	w->index = 0;
	w->byte = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

static bool utf8_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

static size_t mark_byte(struct mark_walk *w, const yaml_mark_t *m)
{
	while (w->index < m->index && w->byte < w->len) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)w->text + w->byte,
				       w->len - w->byte, &cp);
		w->byte += n ? n : 1;
		w->index++;
	}
	while (w->index > m->index && w->byte > 0) {
		do
			w->byte--;
		while (w->byte > 0 && utf8_continuation(w->text[w->byte]));
		w->index--;
	}
	return w->byte;
}

/* The top-level mapping of a file's first document, as the parser saw it. */
struct top_map {
	bool found;             /* the document is a mapping */
	bool flow;              /* {...} */
	size_t open;            /* its '{' (flow) */
	bool has_key;
	size_t first_key;       /* where its first key starts */
	bool has_name;          /* it has a `name` key: */
	size_t key_end;         /* where that key ends */
	size_t from, to;        /* and its value's span */
};

/* The top-level mapping of `text` and its `name` key, from libyaml's
 * events: a `name:` anywhere else (a step's, a line of a quoted or block
 * scalar, a flow collection's) is not the routine's.  False when the text
 * does not parse as far as the name's value (the loader then says why). */
static bool find_top_map(const char *text, struct top_map *t)
{
	memset(t, 0, sizeof *t);
	size_t len = strlen(text);
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return false;
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	struct mark_walk w;
	mark_walk_init(&w, text, len);
	int depth = 0;           /* collections open */
	size_t items = 0;        /* nodes so far in the top-level mapping */
	bool value_is_name = false, done = false, ok = false;
	size_t value_start = 0;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			break;
		size_t start = mark_byte(&w, &ev.start_mark);
		size_t end = mark_byte(&w, &ev.end_mark);
		bool node_starts = false, node_ends = false;
		switch (ev.type) {
		case YAML_MAPPING_START_EVENT:
			if (depth == 0) {
				t->found = true;
				t->flow = ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
				t->open = start;
				depth++;
				break;
			}
			/* fall through */
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 0) {
				done = ok = true;   /* no mapping: nothing to find */
				break;
			}
			node_starts = depth == 1;
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			if (depth == 0)
				done = ok = true;
			node_ends = depth == 1;
			break;
		case YAML_SCALAR_EVENT:
			if (depth == 0) {
				done = ok = true;
				break;
			}
			node_starts = node_ends = depth == 1;
			if (depth == 1 && items % 2 == 0 && !t->has_name &&
			    !strcmp((const char *)ev.data.scalar.value, "name")) {
				value_is_name = true;
				t->key_end = end;
			}
			break;
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = ok = true;
			break;
		default:
			break;
		}
		if (node_starts) {
			if (items == 0) {
				t->has_key = true;
				t->first_key = start;
			}
			value_start = start;
		}
		if (node_ends) {
			if (items % 2 == 1 && value_is_name) {
				t->has_name = true;
				t->from = value_start;
				t->to = end;
				value_is_name = false;
				done = ok = true;   /* all there is to find */
			}
			items++;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok || t->has_name;
}

/* `text` with its top-level `name:` value made NAME (quoted), nothing else
 * changed: the value's span as the parser marks it, so that a comment
 * before or after it stays; when it has none, a `name:` key goes in
 * before the first key, as that key is indented.  Freshly allocated. */
char *routine_text_with_name(const char *text, const char *name)
{
	struct buf b;
	buf_init(&b);
	struct top_map t;
	bool parsed = find_top_map(text, &t);
	if (parsed && t.has_name) {
		size_t from = t.from, to = t.to;
		/* a block scalar's span runs on over the line breaks after it:
		 * they are layout, and stay */
		while (to > from && strchr(" \t\r\n", text[to - 1]))
			to--;
		if (from == to) {
			/* no value ("name:"): it goes after the key's colon */
			const char *colon = strchr(text + t.key_end, ':');
			from = to = colon ? (size_t)(colon - text) + 1 : t.key_end;
			buf_add(&b, text, from);
			buf_addc(&b, ' ');
		} else {
			buf_add(&b, text, from);
		}
		routine_text_quote(&b, name);
		buf_adds(&b, text + to);
		return buf_take(&b);
	}
	if (parsed && t.found && t.flow) {
		/* {steps: ...}: first in the braces */
		buf_add(&b, text, t.open + 1);
		buf_adds(&b, "name: ");
		routine_text_quote(&b, name);
		buf_adds(&b, t.has_key ? ", " : "");
		buf_adds(&b, text + t.open + 1);
		return buf_take(&b);
	}
	if (parsed && t.found && t.has_key) {
		/* before the first key, on a line of its own, as indented */
		size_t line = t.first_key;
		while (line > 0 && text[line - 1] != '\n')
			line--;
		size_t k = line;
		while (k < t.first_key && is_blank(text[k]))
			k++;
		if (k == t.first_key) {
			buf_add(&b, text, t.first_key);
			buf_adds(&b, "name: ");
			routine_text_quote(&b, name);
			buf_addc(&b, '\n');
			buf_add(&b, text + line, t.first_key - line);
			buf_adds(&b, text + t.first_key);
			return buf_take(&b);
		}
	}
	const char *at = insert_point(text);
	buf_add(&b, text, (size_t)(at - text));
	if (at > text && at[-1] != '\n')
		buf_addc(&b, '\n');
	buf_adds(&b, "name: ");
	routine_text_quote(&b, name);
	buf_addc(&b, '\n');
	buf_adds(&b, at);
	return buf_take(&b);
}

/* ---- the modeline ---- */

/* Whether the leading comments of `text` (up to insert_point()) hold a
 * `# yaml-language-server:` line, a modeline of some kind. */
static bool has_modeline(const char *text)
{
	const char *end = insert_point(text);
	for (const char *p = text; p && p < end; p = next_line(p)) {
		const char *s = p;
		if (p == text && !strncmp(s, "\xEF\xBB\xBF", 3))
			s += 3;
		while (is_blank(*s))
			s++;
		if (*s != '#')
			continue;
		s++;
		while (is_blank(*s))
			s++;
		if (!strncmp(s, "yaml-language-server:", 21))
			return true;
	}
	return false;
}

/* `text` with the modeline `recoup --new` writes as its first line (after
 * a byte order mark), when its leading comments have none: so that an
 * editor relying on it checks a copy of a routine that had none.  One
 * there is kept as it is.  Freshly allocated. */
char *routine_text_with_modeline(const char *text, const char *schema)
{
	if (has_modeline(text))
		return xstrdup(text);
	struct buf b;
	buf_init(&b);
	const char *rest = text;
	if (!strncmp(rest, "\xEF\xBB\xBF", 3)) {
		buf_add(&b, rest, 3);
		rest += 3;
	}
	buf_adds(&b, "# yaml-language-server: $schema=");
	routine_text_schema(&b, schema);
	/* the file's own line ends, CR LF or LF */
	const char *nl = strchr(rest, '\n');
	buf_adds(&b, nl && nl > rest && nl[-1] == '\r' ? "\r\n" : "\n");
	buf_adds(&b, rest);
	return buf_take(&b);
}
