/* ui_session_text.h: what the session screen says (ui_session_text.c),
 * from the engine's view of the session, in words: no drawing. */
#ifndef RECOUP_UI_SESSION_TEXT_H
#define RECOUP_UI_SESSION_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "bigarea.h"
#include "engine.h"
#include "paint.h"

/* The colour of what is under way: the side's, ice's, rest's. */
enum ui_color sess_phase_color(const struct engine_view *v);
/* The heading in `w` columns: the side and phase in words ("LEFT  DOWN
 * 2"), and after them `big`, the time or count, when the digits are not
 * drawn big; the time stays whole, the words give way first. */
void sess_heading(const struct engine_view *v, const char *big, int w, char *out, size_t n);
/* The big words: the side at its edge, the phase or part. */
void sess_big_words(const struct engine_view *v, struct big_words *bw);
/* The big figure: the time left, the rep under way, the count or rating
 * typed; "" for none. */
void sess_big_text(const struct engine_view *v, char *out, size_t n);
/* The counters ("set 1 of 2   rep 3 of 12"; for a pain rating typed, the
 * value and its zone, "6 back off"), `brief` for narrow screens. */
void sess_counters(const struct engine_view *v, char *out, size_t n, bool brief);
/* Their colour: a pain rating's zone (green, yellow, red), else normal.
 * sess_phase_color() gives the zone's colour to the heading and the big
 * figure too. */
enum ui_color sess_counters_color(const struct engine_view *v);
/* The cue for what is under way, or NULL. */
const char *sess_cue_text(const struct engine_view *v);
/* What comes next, in words ("next: REST 1:00"), or "". */
void sess_next_text(const struct engine_view *v, char *out, size_t n);

#endif
