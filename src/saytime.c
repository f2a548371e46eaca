/* saytime.c: the speaking time of a text (see saytime.h). */
#include "config.h"

#include "saytime.h"

#include <stdbool.h>

static bool is_gap(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == '.' || c == ':' ||
	       c == ';' || c == '?' || c == '!';
}

long long saytime_words(const char *text)
{
	long long words = 0;
	bool in = false;
	for (const char *p = text; *p; p++) {
		bool gap = is_gap(*p);
		if (!gap && !in)
			words++;
		in = !gap;
	}
	return words;
}

long long saytime_ms(const char *text)
{
	long long words = saytime_words(text);
	if (!words)
		return 0;
	long long ms = SAYTIME_START_MS + SAYTIME_WORD_MS * words;
	/* the pauses: only those a word follows (a final full stop adds
	 * nothing; "..." is one pause) */
	for (const char *p = text; *p; p++) {
		bool comma = *p == ',' || *p == ';';
		bool stop = *p == '.' || *p == ':' || *p == '?' || *p == '!';
		if (!comma && !stop)
			continue;
		const char *q = p;
		while (*q && is_gap(*q))
			q++;
		if (!*q)
			break;
		ms += comma ? SAYTIME_COMMA_MS : SAYTIME_STOP_MS;
		p = q - 1;
	}
	return ms;
}
