/* engine_resume.c: where a resumed session starts in its plan, and the
 * plan cut to start there (engine.h, struct engine_resume). */
#include "config.h"

#include "engine.h"

#include <string.h>

#include "engine_int.h"

/* The part logged of segment `s`, or NULL: a set by its side and number,
 * a spot by its side and index, an ice round by its number, a rating. */
static const struct engine_done *done_of(const struct engine_resume *rs,
					 const struct segment *s)
{
	for (size_t i = rs->ndone; i-- > 0;) {
		const struct engine_done *d = &rs->done[i];
		if (d->kind != s->kind)
			continue;
		switch (s->kind) {
		case SEG_SET:
			if (d->side == s->side && d->num == s->set)
				return d;
			break;
		case SEG_SPOT:
			if (d->side == s->side && d->num == s->spot)
				return d;
			break;
		case SEG_ICE_ON:
			if (d->num == s->round)
				return d;
			break;
		case SEG_RATE:
			return d;
		default:
			break;
		}
	}
	return NULL;
}

/* A part that logs a line of its own when done or cut short. */
static bool logs_itself(const struct segment *s)
{
	return s->kind == SEG_SET || s->kind == SEG_SPOT || s->kind == SEG_ICE_ON ||
	       s->kind == SEG_RATE;
}

/* From segment `at`, or its lead-in. */
static size_t with_leadin(const struct plan *p, size_t at)
{
	return at > 0 && p->v[at - 1].kind == SEG_LEADIN ? at - 1 : at;
}

size_t engine_resume_at(const struct plan *p, const struct engine_resume *rs)
{
	size_t first = 0;
	while (first < p->n && p->v[first].step < rs->step)
		first++;
	/* the furthest part of the step logged, in the plan's order (`b`
	 * may have gone back over parts logged already) */
	size_t last = p->n;
	bool full = false;
	for (size_t i = first; i < p->n && p->v[i].step == rs->step; i++) {
		const struct engine_done *d = done_of(rs, &p->v[i]);
		if (d) {
			last = i;
			full = d->full;
		}
	}
	if (last == p->n)
		return first; /* nothing of it logged: the step from its start */
	/* a part before it with no line at all was never reached: one the
	 * routine has gained since (a part skipped has its skip line) */
	for (size_t i = first; i < last; i++)
		if (logs_itself(&p->v[i]) && !done_of(rs, &p->v[i]))
			return with_leadin(p, i);
	if (!full)
		return with_leadin(p, last); /* cut short: again */
	/* after it: the rest or the warm-up after a part done is over by
	 * now, so the next part's lead-in, or the next part */
	size_t at = last + 1;
	while (at < p->n && (p->v[at].kind == SEG_REST || p->v[at].kind == SEG_ICE_OFF))
		at++;
	return at;
}

void engine_resume_cut(struct plan *p, const struct engine_resume *rs)
{
	size_t at = engine_resume_at(p, rs);
	/* the offsets stay: the session's progress counts what was done */
	memmove(p->v, p->v + at, (p->n - at) * sizeof *p->v);
	p->n -= at;
}
