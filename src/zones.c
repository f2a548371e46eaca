/* zones.c: the pain-monitoring model's zones (zones.h). */
#include "config.h"

#include "zones.h"

#include <stdio.h>

enum pain_zone pain_zone(int value)
{
	if (value <= PAIN_FINE_MAX)
		return ZONE_FINE;
	return value <= PAIN_ACCEPTABLE_MAX ? ZONE_ACCEPTABLE : ZONE_BACK_OFF;
}

const char *pain_zone_word(enum pain_zone z)
{
	static const char *const words[ZONE_COUNT] = {
		[ZONE_FINE] = "fine", [ZONE_ACCEPTABLE] = "acceptable", [ZONE_BACK_OFF] = "back off",
	};
	return (unsigned)z < ZONE_COUNT ? words[z] : "";
}

const char *pain_value_word(int value)
{
	return pain_zone_word(pain_zone(value));
}

int pain_zones_text(char *out, size_t n, const char *sep)
{
	return snprintf(out, n, "0-%d %s%s%d-%d %s%s%d+ %s", PAIN_FINE_MAX,
			pain_zone_word(ZONE_FINE), sep, PAIN_FINE_MAX + 1, PAIN_ACCEPTABLE_MAX,
			pain_zone_word(ZONE_ACCEPTABLE), sep, PAIN_ACCEPTABLE_MAX + 1,
			pain_zone_word(ZONE_BACK_OFF));
}
