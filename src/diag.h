/* diag.h: positioned error and warning messages, collected while a file is
 * read and printed in file order as "recoup: FILE:LINE:COLUMN: message". */
#ifndef RECOUP_DIAG_H
#define RECOUP_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	int line, col;      /* 1-based; col 0 means "no column" */
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
/* "recoup: FILE:LINE:COL: msg" / "recoup: FILE:LINE:COL: warning: msg" */
void diags_print(const struct diags *d, FILE *out);
/* The text of the first error ("LINE:COL: msg"), freshly allocated, or NULL. */
char *diags_first_error(const struct diags *d);

#endif
