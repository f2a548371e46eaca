/* loader_int.h: the loader's own: the state of stage two's walk over the
 * tree (struct checker), its messages, and the readers of one value of
 * the format (loader_values.c), each reporting a mistake at the value's
 * line and column.  Nothing outside loader*.c includes it. */
#ifndef RECOUP_LOADER_INT_H
#define RECOUP_LOADER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "loader.h"
#include "loader_tree.h"
#include "parse.h"
#include "routine.h"
#include "util.h"

struct checker {
	struct diags *d;
	bool gave_up;           /* too many errors: stop */
	bool hushed;            /* too many warnings: go on without them */
	/* from `defaults:` */
	bool has_side, has_rest, has_tempo;
	enum side side;
	long long rest;
	struct tempo tempo;
	/* the routine's `load_step:`, for reps steps that do not give one */
	long load_step;
};

/* An error at the node (after ROUTINE_MAX_ERRORS, one "too many errors"
 * and nothing more), a warning (likewise hushed). */
void lv_err(struct checker *c, const struct ynode *at, const char *fmt, ...) PRINTF_LIKE(3, 4);
void lv_warn(struct checker *c, const struct ynode *at, const char *msg);
/* A YAML null (empty, ~, null); the kind of a node in words ("a list"). */
bool lv_is_null(const struct ynode *y);
const char *lv_kind_word(const struct ynode *y);
/* A scalar with some text, or an error naming the key and `what` it needs. */
const char *lv_want_scalar(struct checker *c, const struct ynode *v, const char *key,
			   const char *what);
/* The nearest of `cands` to `word` (any case), or NULL. */
const char *lv_suggest(const char *word, const char *const *cands);
/* One value each, or false after the error: */
bool lv_get_text(struct checker *c, const struct ynode *v, const char *key, size_t maxlen,
		 char **out);
bool lv_get_duration(struct checker *c, const struct ynode *v, const char *key, long long *out);
bool lv_get_int(struct checker *c, const struct ynode *v, const char *key, long lo, long hi,
		int *out);
bool lv_get_bool(struct checker *c, const struct ynode *v, const char *key, bool *out);
bool lv_get_side(struct checker *c, const struct ynode *v, enum side *out);
bool lv_get_measure(struct checker *c, const struct ynode *v, enum measure *out);
bool lv_get_schedule(struct checker *c, const struct ynode *v, struct schedule *out);
bool lv_get_load(struct checker *c, const struct ynode *v, const char *key, bool zero_ok,
		 long *out);
bool lv_get_tempo(struct checker *c, const struct ynode *v, struct tempo *out);

#endif
