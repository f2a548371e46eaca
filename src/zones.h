/* zones.h: the pain-monitoring model's zones for a pain rating of 0 to 10:
 * 0-3 fine, 4-5 acceptable, above 5 back off.  One rule, pure, no curses:
 * the prompts, the zone shown with a chosen value and progression's gate
 * all ask it, so they cannot disagree. */
#ifndef RECOUP_ZONES_H
#define RECOUP_ZONES_H

#include <stdbool.h>
#include <stddef.h>

enum pain_zone { ZONE_FINE, ZONE_ACCEPTABLE, ZONE_BACK_OFF, ZONE_COUNT };

/* The highest pain of each zone below "back off". */
#define PAIN_FINE_MAX 3
#define PAIN_ACCEPTABLE_MAX 5

/* The zone of a pain rating: 0-3 fine, 4-5 acceptable, 6 and above back
 * off (a value below 0 counts as 0). */
enum pain_zone pain_zone(int value);
/* "fine", "acceptable", "back off". */
const char *pain_zone_word(enum pain_zone z);
/* The word of a rating's zone: pain_zone_word(pain_zone(value)). */
const char *pain_value_word(int value);
/* The zones in words, "0-3 fine<sep>4-5 acceptable<sep>6+ back off", from
 * the same numbers as pain_zone().  Returns the length, as snprintf. */
int pain_zones_text(char *out, size_t n, const char *sep);

#endif
