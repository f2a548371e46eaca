/* clock.h: where the engine gets its time.  The real clock reads
 * CLOCK_BOOTTIME (it keeps counting through suspend and ignores wall-clock
 * changes), falling back to CLOCK_MONOTONIC; tests pass a fake one. */
#ifndef RECOUP_CLOCK_H
#define RECOUP_CLOCK_H

#include <time.h>

struct clock_src {
	/* Milliseconds on a clock that never goes back. */
	long long (*now_ms)(void *ctx);
	/* Wall-clock time, for log timestamps only. */
	void (*wall)(void *ctx, struct timespec *ts);
	void *ctx;
};

/* The real clock (ctx unused). */
extern const struct clock_src clock_real;

long long clock_real_now_ms(void);
/* The same clock in nanoseconds: a wait for a deadline in milliseconds
 * ends on it, not up to a millisecond after. */
long long clock_real_now_ns(void);

/* A fake clock for tests: set `ms` and `wall` directly. */
struct fake_clock {
	long long ms;
	struct timespec wall0; /* wall time at ms == 0 */
};
struct clock_src clock_fake(struct fake_clock *fc);

#endif
