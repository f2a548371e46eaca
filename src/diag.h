/* diag.h: positioned error and warning messages, collected while a file is
 * read and printed in file order as "recoup: FILE:LINE:COLUMN: message". */
#ifndef RECOUP_DIAG_H
#define RECOUP_DIAG_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	int line, col;      /* 1-based; col 0 means "no column";
	                     * line 0: about the whole file, no position */
	char *msg;
};

struct diags {
	char *file;         /* owned copy */
	struct diag *v;
	size_t n, cap;
	size_t nerrors, nwarnings;
};

void diags_init(struct diags *d, const char *file);
void diags_free(struct diags *d);
void diags_add(struct diags *d, enum diag_level level, int line, int col,
	       const char *fmt, ...) PRINTF_LIKE(5, 6);
/* Stable sort by position, so several errors read in file order. */
void diags_sort(struct diags *d);
/* "recoup: FILE:LINE:COL: msg" / "recoup: FILE:LINE:COL: warning: msg",
 * "recoup: FILE: msg" for line 0 */
void diags_print(const struct diags *d, FILE *out);
/* The warnings as "LINE:COL: TAGmsg" strings, in order, in a new array of
 * *n (NULL when none); the caller frees each string and the array. */
char **diags_warnings(const struct diags *d, const char *tag, size_t *n);
/* The first diagnostic of `level`, or NULL. */
const struct diag *diags_first(const struct diags *d, enum diag_level level);
/* The text of the first error ("LINE:COL: msg", or "msg" for line 0),
 * freshly allocated, or NULL. */
char *diags_first_error(const struct diags *d);

/* Lines and columns in a UTF-8 text as the GNU coding standards count them,
 * so that an editor lands where a message points: lines end at \n, \r\n or
 * \r only (not at U+0085, U+2028 or U+2029, where editors do not break);
 * columns start at 1, a tab moves to the next multiple of 8 plus 1, and a
 * character takes the columns it shows in (wcwidth in a UTF-8 locale, the
 * user's when it is one); a leading byte order mark takes none.  A position
 * after the line break that ends the text is put at the end of the last line,
 * so that no message points past the end of the file.  It is a cursor:
 * positions asked for in file order cost the distance between them. */
struct textpos {
	const char *data;
	size_t len;
	size_t start;           /* 3 after a byte order mark, else 0 */
	locale_t widths;        /* a UTF-8 locale for wcwidth, or 0 for the user's */
	bool ascii_widths;      /* no UTF-8 locale at all: one column a character */
	size_t off, chars;      /* the cursor: byte offset, characters after the BOM */
	size_t line_off, line_chars;    /* where the cursor's line starts */
	int line, col;
};
void textpos_init(struct textpos *t, const char *data, size_t len);
/* The position of the character `index`, counted from 0 after any byte order
 * mark, as libyaml counts its marks' `index`. */
void textpos_char(struct textpos *t, size_t index, int *line, int *col);
/* The position of the byte at offset `off`. */
void textpos_byte(struct textpos *t, size_t off, int *line, int *col);

#endif
