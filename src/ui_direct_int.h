/* ui_direct_int.h: what ui_direct.c (the grid of cells and what changed)
 * and ui_direct_pen.c (the terminal's strings and the pen that writes
 * cells) share; not for screens. */
#ifndef RECOUP_UI_DIRECT_INT_H
#define RECOUP_UI_DIRECT_INT_H

#include <stdint.h>

#include "ui_direct.h"

/* The colour of a cell, and its character. */
#define CELL_COLOR(v) ((enum ui_color)((v) >> 24))
#define CELL_CP(v) ((v) & 0xffffffu)

/* Where the cursor is while a buffer is written: every write starts and
 * ends at home, where ncurses leaves the (hidden) cursor after an update. */
struct pen {
	struct buf *b;
	const struct direct_caps *k;
	const struct ui_direct *d;
	int cols;
	int y, x;           /* x -1: not known (after the last column) */
	enum ui_color color; /* the attributes written last */
};

/* Before a write: the terminal's strings found (at the first), or its
 * attributes made plain where ncurses believes they are not (an update
 * leaves them so); the moves for this size worked out. */
void direct_prepare(struct ui_direct *d, struct buf *b);
/* The pen at home, where ncurses leaves the (hidden) cursor after an
 * update and believes it. */
struct pen direct_pen_home(struct ui_direct *d, struct buf *b);
/* To y, x by the shortest way the terminal has. */
void direct_pen_move(struct pen *p, int y, int x);
/* One cell, in its colour. */
void direct_pen_cell(struct pen *p, uint32_t v);
/* Plain again, back home, and the buffer written out. */
void direct_pen_done(struct pen *p);
/* The moves worked out for a size, let go. */
void direct_drop_moves(struct ui_direct *d);
/* After the terminal was given back (a stop, a resize): whether a line
 * feed still moves straight down. */
void direct_recheck(struct ui_direct *d);

#endif
