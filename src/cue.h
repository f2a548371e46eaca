/* cue.h: the processes of the cue command (cue_command in the config, or
 * the speech program `speak` found), started by the speech queue (speech.h,
 * voice.h), which decides what speaks when.  They never hold the timer up:
 * each cue runs in a process group of its own, a cue that is cut (and
 * whatever it started, a shell wrapper's children too) is asked to stop
 * with SIGTERM, SIGKILL follows CUE_KILL_MS later, and everything is reaped
 * with WNOHANG from the event loop.  A "done pipe" whose write end only the
 * cue holds tells the loop, through poll(), the moment a cue has finished.  Where the system has PR_SET_PDEATHSIG, a
 * cue gets SIGTERM when recoup dies, even of SIGKILL.  No curses. */
#ifndef RECOUP_CUE_H
#define RECOUP_CUE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* From SIGTERM to SIGKILL for a cue that does not stop. */
#define CUE_KILL_MS 500
/* At exit, how long the last cue may go on speaking before it is stopped. */
#define CUE_LINGER_MS 3000

struct cue_proc {
	pid_t pgid;             /* the cue's pid, and its process group */
	int errfd;              /* exec's errno comes through it; -1 once known */
	bool reaped;            /* the cue itself has been waited for */
	long long stop_at;      /* when SIGTERM went to the group; 0: not yet */
	bool killed;            /* SIGKILL went to the group */
	int donefd;             /* end of file when the cue is over; -1 once seen */
};

/* Cues still running, or whose group still has members.  Zero it to start;
 * cue_finish() empties it. */
struct cues {
	struct cue_proc *v;
	size_t n, cap;
	int failed;             /* errno of the first cue that could not run */
	bool told;              /* cue_failure() has returned it */
	int bad_row;            /* cues in a row that ended by themselves with
				 * a failure (a non-zero exit, a signal) */
};

/* Start `argv` (program and arguments, "%s" in an argument replaced by
 * `text`) with its standard streams on /dev/null.  `now` is
 * clock_real_now_ms().  False when no process could be started. */
bool cue_start(struct cues *c, char *const *argv, const char *text, long long now);
/* Stop every cue still going (SIGTERM to its group). */
void cue_stop(struct cues *c, long long now);
/* Whether a cue started and not stopped is still speaking. */
bool cue_speaking(struct cues *c, long long now);
/* The fd to poll for the end of the cue speaking now, or -1. */
int cue_poll_fd(const struct cues *c);
/* Reap what has exited, send SIGKILL where SIGTERM was not enough, forget
 * groups that are gone.  Never waits. */
void cue_reap(struct cues *c, long long now);
/* The errno of the first cue that could not be started or run (a program
 * not found, not executable), once: 0 before, and ever after, so that a
 * front end says it once, not at every prompt.  Known after cue_reap(). */
int cue_failure(struct cues *c);
/* When cue_reap() should run next (real-clock ms), or -1 with nothing to
 * watch. */
long long cue_next_wake(const struct cues *c, long long now);
/* At exit: give the cues up to `linger_ms` to end by themselves, then stop
 * them as a new prompt would, and wait (at most CUE_KILL_MS and a little
 * more) until none is left.  Frees the list. */
void cue_finish(struct cues *c, long long linger_ms);

#endif
