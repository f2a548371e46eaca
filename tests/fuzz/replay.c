/* replay.c: runs a fuzz target over files, for `make check` (and with no
 * fuzzer at hand): each file argument is read whole and handed to
 * LLVMFuzzerTestOneInput(), one TAP line per file.  A crash or a sanitizer
 * report ends the program, which fuzz_replay.sh reports as a failure. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "fuzz.h"

static int read_file(const char *path, uint8_t **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	for (;;) {
		if (!buf)
			abort();
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		cap *= 2;
		buf = realloc(buf, cap);
	}
	int e = ferror(f) ? errno : 0;
	fclose(f);
	if (e) {
		free(buf);
		errno = e;
		return -1;
	}
	/* exactly the file's size, so that an over-read is caught */
	*data = malloc(n ? n : 1);
	if (!*data)
		abort();
	memcpy(*data, buf, n);
	free(buf);
	*size = n;
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0;
	printf("1..%d\n", argc - 1);
	fflush(stdout);
	for (int i = 1; i < argc; i++) {
		uint8_t *data;
		size_t size;
		if (read_file(argv[i], &data, &size) < 0) {
			printf("not ok %d - %s: %s\n", i, argv[i], strerror(errno));
			failed = 1;
			continue;
		}
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		printf("ok %d - %s\n", i, argv[i]);
		fflush(stdout);
	}
	return failed;
}
