/* routine_text.h: a routine file's text as recoup changes it for the
 * user: what routine_manage.c writes.  No file is read or written here. */
#ifndef RECOUP_ROUTINE_TEXT_H
#define RECOUP_ROUTINE_TEXT_H

#include "util.h"

/* NAME as a YAML double-quoted scalar, safe whatever it holds (quotes,
 * colons, '#', a leading '-', non-ASCII), once routine_name_problem() has
 * kept out every control character. */
void routine_text_quote(struct buf *b, const char *name);
/* `text` with its top-level `name:` value replaced by NAME (quoted), and
 * nothing else changed (the value's span as the YAML parser marks it); a
 * `name:` inserted before its first key when it has none.  Freshly
 * allocated. */
char *routine_text_with_name(const char *text, const char *name);
/* `text` with the modeline naming `schema` as its first line (after a byte
 * order mark), unless its leading comments hold one: the schema's path as
 * it is, or a %-escaped file: URI when it holds a blank, a control
 * character, non-ASCII or '%'.  Freshly allocated. */
char *routine_text_with_modeline(const char *text, const char *schema);

#endif
