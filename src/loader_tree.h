/* loader_tree.h: stage one of reading a routine file (loader_tree.c): the
 * YAML text as a small positioned tree, for stage two (loader.c) to check
 * against the format.  Internal to the loader. */
#ifndef RECOUP_LOADER_TREE_H
#define RECOUP_LOADER_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* What stage one refuses or stops at: nesting, values, errors (loader.h
 * gives them as ROUTINE_MAX_*; loader.c checks that they agree). */
#define TREE_MAX_DEPTH 64
#define TREE_MAX_NODES 300000
#define TREE_MAX_ERRORS 100

enum ykind { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ykind kind;
	int line, col;          /* 1-based */
	char *text;             /* scalars */
	bool plain;             /* unquoted scalar */
	bool block;             /* literal (|) or folded (>) scalar */
	struct ynode **kids;    /* maps: key, value, key, value, ... */
	size_t n, cap;
};

/* The tree of `len` bytes of `data`, or NULL with the errors in `d`. */
struct ynode *tree_build(const char *data, size_t len, struct diags *d);
void ynode_free(struct ynode *y);

/* User text for a one-line message: made safe by safetext's rule, and long
 * text cut (at a character boundary, so the message stays UTF-8).
 * Returns a static buffer (one of two, so two may be used in one message). */
const char *loader_shown(const char *text);

#endif
