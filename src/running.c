/* running.c: a running session's lock file (running.h). */
#include "config.h"

#include "running.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

/* $XDG_STATE_HOME/recoup/running, and the file of `sid` in it (NULL for an
 * id that could name another path). */
static char *lock_path(const char *sid, char **dir)
{
	if (!sid || !*sid || strchr(sid, '/') || sid[0] == '.')
		return NULL;
	char *state = xdg_state_home();
	if (!state)
		return NULL;
	*dir = xasprintf("%s/recoup/running", state);
	free(state);
	return xasprintf("%s/%s", *dir, sid);
}

int running_hold(const char *sid)
{
	char *dir = NULL, *path = lock_path(sid, &dir);
	int fd = -1;
	if (path && mkdir_parents(dir) == 0)
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
		close(fd);
		fd = -1;
	}
	free(dir);
	free(path);
	return fd;
}

void running_release(int fd, const char *sid)
{
	if (fd < 0)
		return;
	char *dir = NULL, *path = lock_path(sid, &dir);
	/* removed while still held: a look at it meanwhile finds it held */
	if (path)
		unlink(path);
	close(fd);
	free(dir);
	free(path);
}

bool running_now(const char *sid)
{
	char *dir = NULL, *path = lock_path(sid, &dir);
	bool held = false;
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) : -1;
	if (fd >= 0) {
		if (flock(fd, LOCK_SH | LOCK_NB) < 0)
			held = errno == EWOULDBLOCK;
		else
			unlink(path); /* left by a session killed: nobody holds it */
		close(fd);
	}
	free(dir);
	free(path);
	return held;
}
