/* fuzz.h: shared by the fuzz targets (tests/fuzz/fuzz_*.c).  Each defines
 * LLVMFuzzerTestOneInput(); with --enable-fuzzing it links with libFuzzer,
 * and in every build with replay.c, which runs it over the corpus files for
 * `make check`.  A target must not leak, print to the terminal or keep state
 * that changes what the next input does. */
#ifndef RECOUP_FUZZ_H
#define RECOUP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Messages go here: formatted, so printing is fuzzed too, but not shown. */
static inline FILE *fuzz_devnull(void)
{
	static FILE *f;
	if (!f) {
		f = fopen("/dev/null", "w");
		if (!f)
			abort();
		/* local times and dates the same on every machine */
		setenv("TZ", "UTC", 1);
		tzset();
	}
	return f;
}

/* The input in a buffer of its own exact size, so that reading one byte past
 * it is caught by AddressSanitizer (libFuzzer's own buffer is exact too, but
 * a replayed or sliced one may not be). */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
	char *p = malloc(size ? size : 1);
	if (!p)
		abort();
	for (size_t i = 0; i < size; i++)
		p[i] = (char)data[i];
	return p;
}

#endif
