/* editor.h: running the user's editor on a file from a curses screen.  It
 * knows no screen: it puts the terminal away and takes it back. */
#ifndef RECOUP_EDITOR_H
#define RECOUP_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

/* Run $VISUAL or $EDITOR (else vi) on `path`, at `line` when > 0.  With
 * `screen` (curses is running), the screen is put away (endwin()) and
 * taken back after, to be redrawn whole (clearok()); without it, curses
 * is not touched.  Returns 0 when it ran and exited 0; 1 when it ran
 * but failed (exit status, signal) and -1 when it could not be run at all
 * (errno), both with `why` saying so, naming the editor. */
int editor_run(const char *path, int line, bool screen, char *why, size_t n);

#endif
