/* schema.h: the routine format (format.h's table) as a JSON Schema,
 * draft 7, the version yaml-language-server reads: what `recoup --schema`
 * prints and what is installed as $(pkgdatadir)/recoup-routine.schema.json
 * for editors. */
#ifndef RECOUP_SCHEMA_H
#define RECOUP_SCHEMA_H

/* The schema's text, pretty-printed, ending in a newline.  Freshly
 * allocated; the same bytes on every call. */
char *schema_text(void);

#endif
