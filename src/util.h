/* util.h: allocation helpers that fail loudly, fatal-error helpers in the
 * spirit of err(3), a growable string buffer and a small edit distance for
 * "did you mean" suggestions.  No curses here. */
#ifndef RECOUP_UTIL_H
#define RECOUP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
/* A macro's value as a string literal: XSTR(REPS_MAX) is "1000". */
#define STR(x) #x
#define XSTR(x) STR(x)

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

extern const char *progname;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of *cap elements of size `size` to hold at least `need`. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTF_LIKE(1, 0);

/* Print "recoup: message" to stderr and exit with `status`. */
NORETURN void die(int status, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Same, with ": strerror(errno)" appended. */
NORETURN void die_errno(int status, const char *fmt, ...) PRINTF_LIKE(2, 3);
void warnx_(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* A growable, always NUL-terminated string. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Hand the string to the caller (who frees it) and reset the buffer. */
char *buf_take(struct buf *b);

/* Levenshtein distance, capped: returns cap+1 when larger. */
size_t edit_distance(const char *a, const char *b, size_t cap);
/* The candidate closest to `word` when close enough to be a likely typo,
 * otherwise NULL.  `cands` is NULL-terminated. */
const char *did_you_mean(const char *word, const char *const *cands);

/* Format a duration in milliseconds as M:SS or H:MM:SS into `out`. */
void format_clock(char *out, size_t outsz, long long ms);

/* The code point of the valid UTF-8 sequence at s (n bytes left, n >= 1)
 * in *cp, and its length; 0 for a byte that starts none (overlong forms,
 * surrogates and code points past U+10FFFF are not valid). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Code point `cp` (at most U+10FFFF) in UTF-8 at `out`; its length. */
size_t utf8_encode(uint32_t cp, char out[4]);

#endif
