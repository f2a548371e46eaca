/* ui_summary.h: the session screen once the session is over: a heading
 * ("Session complete", "Session ended early"), the session's summary
 * (summary.h) and where it was logged, until q or Enter leaves.  Longer
 * than the screen, it scrolls a line at a time (Up, Down) or a page
 * (PageUp, PageDown), with a mark saying there is more. */
#ifndef RECOUP_UI_SUMMARY_H
#define RECOUP_UI_SUMMARY_H

#include <stdbool.h>

#include "ui.h"

/* The whole screen, title bar and key help included. */
void ui_summary_draw(struct ui *ui);
/* A key on that screen: true when it leaves (q, the quit key, Enter);
 * scroll keys move the summary; every other key does nothing. */
bool ui_summary_key(struct ui *ui, int ch);

#endif
