/* diag.c: collecting and printing positioned messages. */
#include "config.h"

#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

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

void diags_print(const struct diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		fprintf(out, "%s: %s:%d:%d: %s%s\n", progname, d->file, g->line,
			g->col, g->level == DIAG_WARNING ? "warning: " : "", g->msg);
	}
}

char *diags_first_error(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == DIAG_ERROR)
			return xasprintf("%d:%d: %s", d->v[i].line, d->v[i].col,
					 d->v[i].msg);
	return NULL;
}
