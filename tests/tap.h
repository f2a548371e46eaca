/* tap.h: a minimal TAP producer for the C unit tests (Automake's TAP driver
 * counts every "ok" and "not ok").  Header-only; one test program per file. */
#ifndef RECOUP_TAP_H
#define RECOUP_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void tap_result(int pass, const char *fmt, va_list ap)
{
	printf("%sok %d - ", pass ? "" : "not ", ++tap_n);
	vprintf(fmt, ap);
	putchar('\n');
	if (!pass)
		tap_failed++;
	fflush(stdout);
}

__attribute__((format(printf, 2, 3)))
__attribute__((unused)) static int ok(int pass, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_result(pass, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 3, 4)))
__attribute__((unused)) static int is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_result(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		printf("#   got %lld, want %lld\n", got, want);
	return got == want;
}

__attribute__((format(printf, 3, 4)))
__attribute__((unused)) static int is_str(const char *got, const char *want, const char *fmt, ...)
{
	int pass = got && want ? !strcmp(got, want) : got == want;
	va_list ap;
	va_start(ap, fmt);
	tap_result(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got  \"%s\"\n#   want \"%s\"\n", got ? got : "(null)",
		       want ? want : "(null)");
	return pass;
}

/* Print the plan last ("1..N") and exit non-zero when anything failed. */
__attribute__((unused)) static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
