/* ui_direct.h: the big digits and words (ui_direct.c), written by recoup
 * itself in one write() after doupdate() instead of through ncurses, which
 * flushes after every cursor move: five rows of a changing digit were five
 * write()s a second.  ncurses never draws in the area (stdscr stays blank
 * there) and believes it blank.  A kit for whichever screen has big
 * figures: it takes its own struct and what drawing knows of the terminal.
 *   ui_direct_area(): the area a full frame's figures take (h 0: none),
 *     starting blank: what the frame does not set again is blanked, and
 *     what was drawn in another area is blanked before doupdate().  So is
 *     all that was drawn when the frame makes ncurses move lines (they
 *     would carry the cells with them); it is written again after.
 *   ui_direct_color(), ui_direct_set(): the blocks' colour, and each cell
 *     (row and column in the area) of a DIRECT_* kind; only changed cells
 *     go out.
 *   ui_direct_forget(): the screen was cleared: nothing is drawn any more.
 *   ui_direct_flush_pre(), _post(): the loop's writes around doupdate(). */
#ifndef RECOUP_UI_DIRECT_H
#define RECOUP_UI_DIRECT_H

#include <stdbool.h>

#include "paint.h"
#include "util.h"

/* What a cell shows: nothing, a full block, a shaded block. */
enum { DIRECT_BLANK, DIRECT_BLOCK, DIRECT_SHADE };

struct ui_direct {
	const struct paint *paint; /* the terminal: size, colour, UTF-8 */
	bool on;                 /* the terminal can address the cursor */
	int y, x, h, w;          /* the area on the screen; h 0: none */
	unsigned char *want, *shown; /* h x w cells: what to show, what is shown */
	int dy0, dy1, dx0, dx1;  /* the rows and columns set since the last write */
	enum ui_color color;     /* of the blocks */
	struct buf pre, post;    /* written before / after doupdate() */
	bool framed;             /* ui_direct_area() since the last update */
};

void ui_direct_init(struct ui_direct *d, const struct paint *pt, bool on);
void ui_direct_free(struct ui_direct *d);
void ui_direct_area(struct ui_direct *d, int y, int x, int h, int w);
void ui_direct_color(struct ui_direct *d, enum ui_color c);
void ui_direct_set(struct ui_direct *d, int row, int col, int kind);
void ui_direct_forget(struct ui_direct *d);
void ui_direct_flush_pre(struct ui_direct *d);
void ui_direct_flush_post(struct ui_direct *d);
/* The character a cell of `kind` shows: a block, a shade ('#' and ':'
 * outside UTF-8), a blank. */
const char *ui_direct_glyph(const struct paint *pt, int kind);

#endif
