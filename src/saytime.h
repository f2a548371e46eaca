/* saytime.h: how long a text takes to say out loud, about, at espeak-ng's
 * default rate: one measure for the engine (what fits where), the speech
 * queue (when a cue hangs) and the test speaker (how long it speaks).  No
 * curses. */
#ifndef RECOUP_SAYTIME_H
#define RECOUP_SAYTIME_H

/* Calibrated against `espeak-ng -w` (the wav's length, its trailing
 * silence included) on the announcements and cue texts of the shipped
 * routines: within -21 % and +35 % of each (the worst being the one-word
 * phase words, whose fixed start dominates), within 12 % on the
 * announcements of a set. */
#define SAYTIME_START_MS 500   /* starting up, and the silence at the end */
#define SAYTIME_WORD_MS 250
#define SAYTIME_COMMA_MS 270   /* a comma or a semicolon */
#define SAYTIME_STOP_MS 330    /* a full stop, colon, ? or ! inside the text */

/* The number of words in `text`: runs of characters other than spaces and
 * punctuation. */
long long saytime_words(const char *text);
/* The ms `text` takes to say at espeak-ng's default rate; 0 for a text
 * with no word. */
long long saytime_ms(const char *text);

#endif
