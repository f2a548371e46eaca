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
/* The last thing main() does when `status` is 128+N for a signal that ends
 * a session (TERM, HUP, INT, QUIT, PIPE): after the log is closed and the
 * terminal restored, die of signal N with its default action, so that the
 * parent sees WIFSIGNALED (a shell stops a loop at Ctrl-C, as it would
 * for any program that Ctrl-C ends).  No core for QUIT.  Returns only
 * for any other status. */
void sigs_reraise(int status);
/* True when `fd` is a terminal whose foreground process group is not ours:
 * recoup runs in the background (`recoup R &`, timeout(1)), and reading
 * the terminal or changing its modes would stop it. */
bool sigs_tty_foreign(int fd);
/* In the background: ignore SIGTTOU, so that output to the terminal goes
 * out even under `stty tostop`, and SIGTTIN, so that a read is an error
 * instead of a stop.  Never for a process that will set terminal modes. */
void sigs_background_io(void);
/* "TERM", "HUP", ... */
const char *sigs_name(int sig);
/* The same, or NULL for a signal without a name here. */
const char *sigs_word(int sig);

#endif
