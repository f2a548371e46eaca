/* running.h: which sessions are running right now, so that a session is
 * never resumed while it still runs (in another terminal, a tmux pane).
 *
 * A running session holds an exclusive flock(2) on its lock file,
 * $XDG_STATE_HOME/recoup/running/SID (SID its session id, as logged), from
 * its start line to its end; the kernel lets the lock go when the process
 * dies however it dies (kill -9 included), so a session whose lock nobody
 * holds is not running, whatever files are left.  The file is removed at
 * the session's end; one left by a killed session is harmless (its lock is
 * free) and is removed by the next look at it.  No curses. */
#ifndef RECOUP_RUNNING_H
#define RECOUP_RUNNING_H

#include <stdbool.h>

/* Take the lock of session `sid`: the open descriptor holding it (close-
 * on-exec), or -1 when it cannot be made (no state directory: the session
 * runs on, only unguarded). */
int running_hold(const char *sid);
/* Let it go at the session's end: the file removed, the descriptor closed.
 * fd -1: nothing. */
void running_release(int fd, const char *sid);
/* Whether session `sid` is running now: its lock file is there and held. */
bool running_now(const char *sid);

#endif
