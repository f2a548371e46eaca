/* ui_direct.h: recoup's own changed-cells writer (ui_direct.c) for what
 * changes while a countdown runs: the big digits and words, the progress
 * bars and their percentages, the counters and the heading.  Those cells
 * are written by recoup itself, in one write() a second, instead of
 * through ncurses, whose doupdate() works over the whole screen and whose
 * cursor moves and wide characters cost thousands of instructions each.
 * ncurses never draws in a cell recoup holds (stdscr stays blank there) and
 * believes it blank.  A kit for whichever screen has such cells: it knows
 * its own struct and what drawing knows of the terminal.
 *   A cell is a character of one column and its colour (ui_direct_cell());
 *   0 is a cell that is ncurses'.
 *   ui_direct_frame(): a frame drawn from scratch begins: every cell is
 *     ncurses' again unless the frame sets it.  What recoup showed in a
 *     cell it no longer holds is blanked before ncurses draws there.
 *   ui_direct_put(), _row(), _text(), _release(): set a cell, a run of
 *     them, a line of text (false
 *     when the text has a character that is not one plain column: draw it
 *     through ncurses then), give cells back to ncurses.
 *   ui_direct_forget(): the screen was cleared: nothing is drawn any more.
 *   ui_direct_flush_pre(), _post(): the loop's writes around doupdate();
 *     only cells that changed go out, in one write(), which starts and
 *     ends at home, where ncurses leaves the hidden cursor. */
#ifndef RECOUP_UI_DIRECT_H
#define RECOUP_UI_DIRECT_H

#include <stdbool.h>
#include <stdint.h>

#include "paint.h"
#include "util.h"

/* What a big cell shows: nothing, a full block, a shaded block. */
enum { DIRECT_BLANK, DIRECT_BLOCK, DIRECT_SHADE };

/* A blank: whatever its colour, it shows nothing. */
#define DIRECT_SPACE ((uint32_t)' ')

/* The terminal's strings, found once: whether its cursor moves are the
 * ANSI forms (written here without tiparm()), and what each colour takes. */
struct direct_caps {
	bool ready;
	bool cup, vpa, cuf, cub;  /* CSI row;col H, CSI row d, CSI n C, CSI n D */
	bool ansi;                /* all four, and one-step moves without padding */
	bool lf_down;             /* a line feed moves straight down (no CR added) */
	bool home;                /* home is CSI H */
	int right_len, left_len;  /* of the one-step moves */
	char attr[C_COUNT][48];   /* from plain to each colour */
	char plain[C_COUNT][24];  /* from each colour back to plain */
};

/* A short string and its length: a cursor move worked out once. */
struct direct_str {
	char s[15];
	unsigned char n;
};

struct ui_direct {
	const struct paint *paint; /* the terminal: size, colour, UTF-8 */
	bool on;                 /* the terminal can address the cursor */
	int rows, cols;          /* the grid: the screen */
	uint32_t *want, *shown;  /* rows x cols: what to show, what is shown (0: ncurses') */
	int *lo, *hi;            /* each row's columns set since the last write: [lo, hi) */
	int dy0, dy1;            /* the rows set since the last write */
	bool framed;             /* ui_direct_frame() since the last update */
	uint64_t *line_hash;     /* each row of what ncurses shows, hashed */
	bool hashed;             /* line_hash[] holds them */
	struct direct_caps caps;
	/* on an ANSI terminal, its moves for this size, worked out once:
	 * to row r (CSI r d), CSI r ; of a move to a cell and c H, by n
	 * columns right and left (CSI n C, CSI n D, or one-step moves), n
	 * rows down and up (line feeds, CSI A; length 255: none) */
	struct direct_str *to_row, *cup_row, *cup_col, *right, *left, *down, *up;
	struct buf pre, post;    /* written before / after doupdate() */
};

void ui_direct_init(struct ui_direct *d, const struct paint *pt, bool on);
void ui_direct_free(struct ui_direct *d);
void ui_direct_frame(struct ui_direct *d);
/* A cell: `cp` (one column) in colour `c`; every blank is the same cell. */
static inline uint32_t ui_direct_cell(uint32_t cp, enum ui_color c)
{
	return cp == ' ' ? DIRECT_SPACE : cp | (uint32_t)c << 24;
}
void ui_direct_put(struct ui_direct *d, int y, int x, uint32_t cell);
/* n cells from y, x. */
void ui_direct_row(struct ui_direct *d, int y, int x, const uint32_t *cells, int n);
/* `s` from y, x in `w` columns, the rest blank; false (nothing set) when
 * a character is not one plain column or `s` is wider. */
bool ui_direct_text(struct ui_direct *d, int y, int x, int w, const char *s, enum ui_color c);
void ui_direct_release(struct ui_direct *d, int y, int x, int w);
void ui_direct_forget(struct ui_direct *d);
void ui_direct_flush_pre(struct ui_direct *d);
void ui_direct_flush_post(struct ui_direct *d);
/* The character a big cell of `kind` shows: a block, a shade ('#' and ':'
 * outside UTF-8), a blank. */
const char *ui_direct_glyph(const struct paint *pt, int kind);
/* The same as a code point. */
uint32_t ui_direct_glyph_cp(const struct paint *pt, int kind);

#endif
