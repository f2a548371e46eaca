/* loader_tree.c: stage one of reading a routine file (loader.c is stage
 * two): libyaml's events into a small positioned tree, refusing anchors,
 * aliases, tags, deep nesting and huge inputs as it goes, every position
 * counted as an editor counts it. */
#include "config.h"

#include "loader_tree.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "safetext.h"
#include "util.h"

const char *loader_shown(const char *text)
{
	static char bufs[2][96];
	static int which;
	char *out = bufs[which ^= 1];
	const size_t room = sizeof bufs[0] - 7; /* and then "...", and the NUL */
	size_t o = 0;
	struct safe_iter it;
	struct safe_char ch;
	safe_iter_init(&it, text, strlen(text), 0);
	while (safe_iter_next(&it, &ch)) {
		if (o + ch.showlen > room) {
			memcpy(out + o, "...", 4);
			return out;
		}
		memcpy(out + o, ch.show, ch.showlen);
		o += ch.showlen;
	}
	out[o] = '\0';
	return out;
}

/* ---- stage one: the tree ---- */

void ynode_free(struct ynode *y)
{
	if (!y)
		return;
	for (size_t i = 0; i < y->n; i++)
		ynode_free(y->kids[i]);
	free(y->kids);
	free(y->text);
	free(y);
}

struct tree_builder {
	struct textpos pos;     /* every position is counted here, not by libyaml */
	struct diags *d;
	struct ynode *root;
	struct ynode *stack[TREE_MAX_DEPTH + 1];
	int depth;
	size_t nodes;
	int documents;
	int doc_line, doc_col;  /* where the document starts */
};

/* Offset of the first byte that is not well-formed UTF-8, or len. */
static size_t utf8_first_invalid(const unsigned char *s, size_t len)
{
	uint32_t cp;
	size_t n;
	for (size_t i = 0; i < len; i += n)
		if (!(n = utf8_decode(s + i, len - i, &cp)))
			return i;
	return len;
}

/* The YAML 1.1 line breaks that editors do not break lines at: the name of
 * the one at s (n bytes left) and its length in *len, or NULL. */
static const char *odd_line_break(const unsigned char *s, size_t n, size_t *len)
{
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0x85) {
		*len = 2;
		return "U+0085 NEXT LINE (NEL)";
	}
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9)) {
		*len = 3;
		return s[2] == 0xA8 ? "U+2028 LINE SEPARATOR" : "U+2029 PARAGRAPH SEPARATOR";
	}
	return NULL;
}

/* libyaml (YAML 1.1) breaks lines at U+0085, U+2028 and U+2029, editors do
 * not: the lines of every message after one would drift, and one in a
 * comment ends the comment, making a syntax error of the rest.  Each is an
 * error here.  The text is then parsed on, for the errors after them, from a
 * copy with a space in their place (one character for one keeps libyaml's
 * character index, and so every position, true to the file).  Returns the
 * copy (its length in *copy_len) or NULL when there were none; sets *stop
 * when there were too many to go on. */
static char *odd_line_breaks(struct tree_builder *b, const char *data, size_t len,
			     size_t *copy_len, bool *stop)
{
	const unsigned char *s = (const unsigned char *)data;
	char *copy = NULL;
	size_t found = 0, w = 0;
	*stop = false;
	for (size_t i = 0; i < len; i++) {
		size_t n = 0;
		const char *what = s[i] == 0xC2 || s[i] == 0xE2 ?
			odd_line_break(s + i, len - i, &n) : NULL;
		if (!what) {
			if (copy)
				copy[w++] = data[i];
			continue;
		}
		int line, col;
		textpos_byte(&b->pos, i, &line, &col);
		if (++found > TREE_MAX_ERRORS) {
			diags_add(b->d, DIAG_ERROR, line, col, "too many errors; not reporting more");
			*stop = true;
			break;
		}
		diags_add(b->d, DIAG_ERROR, line, col,
			  "%s is not allowed in a routine file (YAML reads it as a line break, editors do not); use an ordinary line break or a space",
			  what);
		if (!copy) {
			copy = xmalloc(len);
			memcpy(copy, data, i);
			w = i;
		}
		copy[w++] = ' ';
		i += n - 1;
	}
	*copy_len = w;
	return copy;
}

static bool tag_is_plain(const unsigned char *tag)
{
	static const char *const ok[] = {
		"tag:yaml.org,2002:str", "tag:yaml.org,2002:int",
		"tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
		"tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
		"tag:yaml.org,2002:seq", "!",
	};
	if (!tag)
		return true;
	for (size_t i = 0; i < ARRAY_LEN(ok); i++)
		if (!strcmp((const char *)tag, ok[i]))
			return true;
	return false;
}

/* libyaml's own line and column take U+0085, U+2028 and U+2029 for line
 * breaks and every character (a tab too) for one column; only its index, in
 * characters after any byte order mark, is taken from it. */
static void mark_position(struct tree_builder *b, const yaml_mark_t *m,
			  int *line, int *col)
{
	textpos_char(&b->pos, m->index, line, col);
}

/* Attach a new node to the open container (or make it the root). */
static struct ynode *tree_add(struct tree_builder *b, enum ykind kind,
			      int line, int col)
{
	struct ynode *y = xcalloc(1, sizeof *y);
	y->kind = kind;
	y->line = line;
	y->col = col;
	if (b->depth == 0) {
		b->root = y;
	} else {
		struct ynode *p = b->stack[b->depth - 1];
		p->kids = xgrow(p->kids, &p->cap, p->n + 1, sizeof *p->kids);
		p->kids[p->n++] = y;
	}
	b->nodes++;
	return y;
}

/* Returns false to stop (an error was recorded). */
static bool tree_event(struct tree_builder *b, const yaml_event_t *ev)
{
	int line = 0, col = 0;
	const unsigned char *anchor = NULL, *tag = NULL;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
	case YAML_ALIAS_EVENT:
	case YAML_SCALAR_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		mark_position(b, &ev->start_mark, &line, &col);
		break;
	default:
		break;
	}
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		b->doc_line = line;
		b->doc_col = col;
		if (++b->documents > 1) {
			diags_add(b->d, DIAG_ERROR, line, col,
				  "a routine file holds one YAML document; this is a second one");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT:
		diags_add(b->d, DIAG_ERROR, line, col,
			  "aliases (*%s) are not supported in routines; write the value out",
			  (const char *)ev->data.alias.anchor);
		return false;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return true;
	default:
		return true;
	}
	if (anchor) {
		diags_add(b->d, DIAG_ERROR, line, col,
			  "anchors (&%s) and aliases are not supported in routines; write the value out",
			  (const char *)anchor);
		return false;
	}
	if (!tag_is_plain(tag)) {
		/* libyaml gives `!!set` expanded: show it as written */
		static const char core[] = "tag:yaml.org,2002:";
		const char *t = (const char *)tag;
		bool short_form = !strncmp(t, core, sizeof core - 1);
		diags_add(b->d, DIAG_ERROR, line, col, "YAML tags (%s%s) are not used in routines",
			  short_form ? "!!" : "", loader_shown(short_form ? t + sizeof core - 1 : t));
		return false;
	}
	if (b->nodes >= TREE_MAX_NODES) {
		diags_add(b->d, DIAG_ERROR, line, col,
			  "too many values (more than %d); refusing the file",
			  TREE_MAX_NODES);
		return false;
	}
	if (ev->type == YAML_SCALAR_EVENT) {
		/* an empty document's null lies after all of it, maybe past the
		 * end of the file: its document start is the place to point at */
		if (b->depth == 0 && !ev->data.scalar.length &&
		    ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
			line = b->doc_line;
			col = b->doc_col;
		}
		/* a \0 escape: the text would end there, quietly */
		if (memchr(ev->data.scalar.value, 0, ev->data.scalar.length)) {
			diags_add(b->d, DIAG_ERROR, line, col,
				  "a NUL character (\\0) cannot be in a routine; take it out");
			return false;
		}
		struct ynode *y = tree_add(b, Y_SCALAR, line, col);
		y->text = xstrndup((const char *)ev->data.scalar.value,
				   ev->data.scalar.length);
		y->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		y->block = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			   ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
		return true;
	}
	if (b->depth >= TREE_MAX_DEPTH) {
		diags_add(b->d, DIAG_ERROR, line, col,
			  "nesting deeper than %d levels; refusing the file",
			  TREE_MAX_DEPTH);
		return false;
	}
	struct ynode *y = tree_add(b, ev->type == YAML_MAPPING_START_EVENT ? Y_MAP : Y_SEQ,
				   line, col);
	b->stack[b->depth++] = y;
	return true;
}

static void yaml_error(struct tree_builder *b, const yaml_parser_t *p)
{
	int line, col;
	if (p->error == YAML_READER_ERROR) {
		/* the reader counts bytes, byte order mark included */
		textpos_byte(&b->pos, p->problem_offset, &line, &col);
		diags_add(b->d, DIAG_ERROR, line, col, "%s",
			  p->problem ? p->problem : "unreadable input");
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		diags_add(b->d, DIAG_ERROR, 0, 0, "out of memory reading the file");
		return;
	}
	const char *problem = p->problem ? p->problem : "unexpected input";
	if (p->context && !strcmp(p->context, "while scanning a simple key")) {
		/* libyaml finds a key's colon missing only where the next token
		 * starts, often on the next line: the key itself is the place */
		mark_position(b, &p->context_mark, &line, &col);
		diags_add(b->d, DIAG_ERROR, line, col,
			  "YAML syntax error: %s (%s); a key is followed by a colon and a space, as in `name: Stretch`",
			  problem, p->context);
		return;
	}
	mark_position(b, &p->problem_mark, &line, &col);
	/* the two commonest slips get a hint after libyaml's own words (the
	 * cursor stands on the problem's character now) */
	const char *hint = "";
	const struct textpos *tp = &b->pos;
	if (tp->off < tp->len && tp->data[tp->off] == '\t')
		hint = "; YAML indents with spaces, not tabs";
	else if (!strcmp(problem, "mapping values are not allowed in this context"))
		hint = "; if the `:` is part of the value, put the value in quotes";
	if (p->context) {
		int cline, ccol;
		mark_position(b, &p->context_mark, &cline, &ccol);
		diags_add(b->d, DIAG_ERROR, line, col,
			  "YAML syntax error: %s (%s at line %d, column %d)%s",
			  problem, p->context, cline, ccol, hint);
	} else {
		diags_add(b->d, DIAG_ERROR, line, col, "YAML syntax error: %s%s", problem, hint);
	}
}

struct ynode *tree_build(const char *data, size_t len, struct diags *d)
{
	struct tree_builder b = { .d = d };
	textpos_init(&b.pos, data, len);
	size_t bad = utf8_first_invalid((const unsigned char *)data, len);
	if (bad < len) {
		int line, col;
		textpos_byte(&b.pos, bad, &line, &col);
		diags_add(d, DIAG_ERROR, line, col,
			  "invalid UTF-8 (byte 0x%02x); routine files must be UTF-8",
			  (unsigned char)data[bad]);
		return NULL;
	}

	bool stop;
	size_t copy_len;
	char *copy = odd_line_breaks(&b, data, len, &copy_len, &stop);
	if (stop) {
		free(copy);
		return NULL;
	}
	if (copy) {
		data = copy;
		len = copy_len;
		textpos_init(&b.pos, data, len);
	}

	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		diags_add(d, DIAG_ERROR, 0, 0, "out of memory reading the file");
		free(copy);
		return NULL;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	bool ok = true;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			yaml_error(&b, &p);
			ok = false;
			break;
		}
		bool more = tree_event(&b, &ev);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (!more) {
			ok = false;
			break;
		}
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	free(copy);
	if (!ok) {
		ynode_free(b.root);
		return NULL;
	}
	if (!b.root) {
		diags_add(d, DIAG_ERROR, 1, 1,
			  "the file is empty; a routine needs at least `name` and `steps`");
		return NULL;
	}
	return b.root;
}
