/* unit_zones.c: the pain-monitoring model's zones (zones.h): every value
 * of 0 to 10 in its zone, the words, and the zones in words. */
#include "config.h"

#include <stdio.h>

#include "tap.h"
#include "zones.h"

int main(void)
{
	static const enum pain_zone want[11] = {
		ZONE_FINE, ZONE_FINE, ZONE_FINE, ZONE_FINE,
		ZONE_ACCEPTABLE, ZONE_ACCEPTABLE,
		ZONE_BACK_OFF, ZONE_BACK_OFF, ZONE_BACK_OFF, ZONE_BACK_OFF, ZONE_BACK_OFF,
	};
	for (int v = 0; v <= 10; v++)
		ok(pain_zone(v) == want[v], "pain %d is %s", v, pain_zone_word(want[v]));
	ok(pain_zone(-1) == ZONE_FINE, "below 0 counts as fine");
	ok(pain_zone(11) == ZONE_BACK_OFF, "above 10 counts as back off");
	is_str(pain_zone_word(ZONE_FINE), "fine", "the word for fine");
	is_str(pain_zone_word(ZONE_ACCEPTABLE), "acceptable", "the word for acceptable");
	is_str(pain_zone_word(ZONE_BACK_OFF), "back off", "the word for back off");
	is_str(pain_zone_word(ZONE_COUNT), "", "no word for no zone");
	is_str(pain_value_word(0), "fine", "0 fine");
	is_str(pain_value_word(3), "fine", "3 fine");
	is_str(pain_value_word(4), "acceptable", "4 acceptable");
	is_str(pain_value_word(5), "acceptable", "5 acceptable");
	is_str(pain_value_word(6), "back off", "6 back off");
	is_str(pain_value_word(10), "back off", "10 back off");
	char buf[64];
	int n = pain_zones_text(buf, sizeof buf, ", ");
	is_str(buf, "0-3 fine, 4-5 acceptable, 6+ back off", "the zones in words");
	is_int(n, 37, "their length");
	pain_zones_text(buf, sizeof buf, " \xc2\xb7 ");
	is_str(buf, "0-3 fine \xc2\xb7 4-5 acceptable \xc2\xb7 6+ back off", "with another separator");
	return done_testing();
}
