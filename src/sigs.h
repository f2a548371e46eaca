/* sigs.h: signals turned into events.  Handlers only record the signal and
 * write one byte to a self-pipe; the event loop polls the pipe's read end
 * and acts outside the handler (logging, restoring the terminal). */
#ifndef RECOUP_SIGS_H
#define RECOUP_SIGS_H

#include <stdbool.h>

/* Catch SIGTERM, SIGHUP, SIGINT, SIGQUIT (fatal: the session ends aborted),
 * and SIGWINCH, SIGCONT, SIGTSTP when `screen` is set.  Returns the fd to poll. */
int sigs_install(bool screen);
/* Drain the pipe.  Returns the first fatal signal caught (0 if none) and
 * sets *winch / *cont when those arrived. */
int sigs_take(bool *winch, bool *cont);
/* True once after SIGTSTP arrived (screen mode only). */
bool sigs_take_tstp(void);
/* Stop the process as SIGTSTP would (returns after fg). */
void sigs_stop_self(void);
/* "TERM", "HUP", ... */
const char *sigs_name(int sig);

#endif
