/* clock.c: the real clock and a fake one for tests. */
#include "config.h"

#include "clock.h"

#include <stdbool.h>

static clockid_t chosen_clock(void)
{
	static bool probed;
	static clockid_t id = CLOCK_MONOTONIC;
#ifdef CLOCK_BOOTTIME
	if (!probed) {
		struct timespec ts;
		if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
			id = CLOCK_BOOTTIME;
	}
#endif
	probed = true;
	return id;
}

long long clock_real_now_ms(void)
{
	struct timespec ts;
	clock_gettime(chosen_clock(), &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long clock_real_now_ns(void)
{
	struct timespec ts;
	clock_gettime(chosen_clock(), &ts);
	return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static long long real_now(void *ctx)
{
	(void)ctx;
	return clock_real_now_ms();
}

static void real_wall(void *ctx, struct timespec *ts)
{
	(void)ctx;
	clock_gettime(CLOCK_REALTIME, ts);
}

const struct clock_src clock_real = { real_now, real_wall, 0 };

static long long fake_now(void *ctx)
{
	return ((struct fake_clock *)ctx)->ms;
}

static void fake_wall(void *ctx, struct timespec *ts)
{
	const struct fake_clock *fc = ctx;
	long long ns = fc->wall0.tv_nsec + (fc->ms % 1000) * 1000000;
	ts->tv_sec = fc->wall0.tv_sec + fc->ms / 1000 + ns / 1000000000;
	ts->tv_nsec = ns % 1000000000;
}

struct clock_src clock_fake(struct fake_clock *fc)
{
	struct clock_src c = { fake_now, fake_wall, fc };
	return c;
}
