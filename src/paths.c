/* paths.c: where config, state and routines live, and a ROUTINE argument
 * resolved on the search path and loaded. */
#include "config.h"

#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "loader.h"
#include "safetext.h"
#include "util.h"

static char *home_dir(void)
{
	const char *h = getenv("HOME");
	return xstrdup(h && *h ? h : "/");
}

static char *xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return xstrdup(v);
	char *h = home_dir();
	char *d = xasprintf("%s/%s", h, fallback);
	free(h);
	return d;
}

char *xdg_config_home(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *xdg_state_home(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}

char *expand_tilde(const char *path)
{
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0')) {
		char *h = home_dir();
		char *p = xasprintf("%s%s", h, path + 1);
		free(h);
		return p;
	}
	return xstrdup(path);
}

int mkdir_parents(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	if (rc == 0) {
		struct stat sb;
		if (stat(p, &sb) < 0)
			rc = -1;
		else if (!S_ISDIR(sb.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
		}
	}
	int e = errno;
	free(p);
	errno = e;
	return rc;
}

static void sp_add(struct search_path *sp, char *dir)
{
	for (size_t i = 0; i < sp->n; i++) {
		if (!strcmp(sp->dirs[i], dir)) {
			free(dir);
			return;
		}
	}
	sp->dirs = xgrow(sp->dirs, &sp->cap, sp->n + 1, sizeof *sp->dirs);
	sp->dirs[sp->n++] = dir;
}

bool running_from_build_tree(void)
{
#ifdef RECOUP_BUILD_BINDIR
	char self[PATH_MAX], built[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (!slash)
		return false;
	*slash = '\0';
	if (!realpath(RECOUP_BUILD_BINDIR, built))
		return false;
	return !strcmp(self, built);
#else
	return false;
#endif
}

void search_path_init(struct search_path *sp, char *const *extra, size_t nextra,
		      char *const *user, size_t nuser)
{
	memset(sp, 0, sizeof *sp);
	for (size_t i = 0; i < nextra; i++)
		sp_add(sp, expand_tilde(extra[i]));
	if (user) {
		for (size_t i = 0; i < nuser; i++)
			sp_add(sp, expand_tilde(user[i]));
	} else {
		char *cfg = xdg_config_home();
		sp_add(sp, xasprintf("%s/recoup/routines", cfg));
		free(cfg);
	}
	sp->nuser = sp->n;
	sp_add(sp, xstrdup(PKGDATADIR "/routines"));
#ifdef RECOUP_SOURCE_ROUTINES
	if (running_from_build_tree())
		sp_add(sp, xstrdup(RECOUP_SOURCE_ROUTINES));
#endif
}

void search_path_free(struct search_path *sp)
{
	for (size_t i = 0; i < sp->n; i++)
		free(sp->dirs[i]);
	free(sp->dirs);
	memset(sp, 0, sizeof *sp);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a > b && !strcmp(s + a - b, suf);
}

char *routine_id_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (has_suffix(base, ".yaml"))
		n -= 5;
	else if (has_suffix(base, ".yml"))
		n -= 4;
	return xstrndup(base, n);
}

bool routine_in_own_dir(const struct search_path *sp, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return false;
	size_t len = (size_t)(slash - path);
	for (size_t i = 0; i < sp->nuser; i++)
		if (strlen(sp->dirs[i]) == len && !strncmp(sp->dirs[i], path, len))
			return true;
	return false;
}

bool routine_is_own(const struct search_path *sp, const char *path)
{
	return routine_in_own_dir(sp, path) && access(path, W_OK) == 0;
}

/* Write all of `p` to `fd`: 0, or -1 with errno. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Copy the bytes of `from` to a new file `to`, mode 0600 as every file
 * recoup makes for the user: 0, or -1 with errno (the new file removed
 * again). */
static int copy_new_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		int e = errno;
		close(in);
		errno = e;
		return -1;
	}
	char buf[8192];
	ssize_t n = 0;
	int rc = 0;
	while (rc == 0 && (n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno != EINTR)
				rc = -1;
			continue;
		}
		rc = write_all(out, buf, (size_t)n);
	}
	int e = errno;
	if (rc == 0 && fsync(out) < 0 && errno != EINVAL && errno != EROFS) {
		rc = -1;
		e = errno;
	}
	if (close(out) < 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	close(in);
	if (rc < 0)
		unlink(to);
	errno = e;
	return rc;
}

int dir_sync_of(const char *path)
{
	/* a new name (link, rename) or a gone one (unlink) is in the
	 * directory, not the file: a crash after the file's own fsync could
	 * still lose it until the directory is written too */
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
		    : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int e = errno;
	close(fd);
	/* file systems that cannot sync a directory have nothing to sync */
	if (rc < 0 && (e == EINVAL || e == EROFS || e == EBADF))
		rc = 0;
	errno = e;
	return rc;
}

/* Where a replacing write goes: `to`'s own file when it is a symbolic link
 * (a routine kept in a dotfiles repository and linked into the routine
 * directory stays a link, and the repository's file changes), else `to`.
 * *mode: the file's permission bits, kept; 0600 for a file not there. */
static char *replace_target(const char *to, mode_t *mode)
{
	*mode = 0600;
	char *real = realpath(to, NULL);
	if (!real)
		real = xstrdup(to);
	struct stat sb;
	if (stat(real, &sb) == 0)
		*mode = sb.st_mode & 07777;
	return real;
}

int file_write_new(const char *to, const char *data, size_t len, bool replace)
{
	mode_t mode = 0600;
	char *target = replace ? replace_target(to, &mode) : xstrdup(to);
	/* whole in a temporary file beside it first, so that the name never
	 * shows a half-written file */
	const char *slash = strrchr(target, '/');
	char *tmp = slash ? xasprintf("%.*s/.recoup-XXXXXX", (int)(slash - target), target)
		    : xstrdup(".recoup-XXXXXX");
	int fd = mkstemp(tmp);   /* mode 0600 */
	if (fd < 0) {
		int e = errno;
		free(tmp);
		free(target);
		errno = e;
		return -1;
	}
	int rc = mode == 0600 ? 0 : fchmod(fd, mode);
	if (rc == 0)
		rc = write_all(fd, data, len);
	if (rc == 0 && fsync(fd) < 0 && errno != EINVAL && errno != EROFS)
		rc = -1;
	int e = errno;
	if (close(fd) < 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && replace) {
		rc = rename(tmp, target);
		e = errno;
	} else if (rc == 0) {
		/* a link never replaces a file that is there, as rename would
		 * (nor one made since we looked); where the file system has no
		 * links, a file made with O_EXCL does the same */
		rc = link(tmp, target);
		e = errno;
		if (rc < 0 && (e == EPERM || e == ENOSYS || e == EOPNOTSUPP)) {
			rc = copy_new_file(tmp, target);
			e = errno;
		}
	}
	if (rc < 0 || !replace)
		unlink(tmp);
	/* the file is in place: a directory that cannot be synced leaves it
	 * there all the same, so that is no failure to report */
	if (rc == 0)
		dir_sync_of(target);
	free(tmp);
	free(target);
	errno = e;
	return rc;
}

int routine_copy_to_own(const struct search_path *sp, const char *from, char **to)
{
	*to = NULL;
	if (!sp->nuser) {
		errno = ENOENT;
		return -1;
	}
	const char *base = strrchr(from, '/');
	base = base ? base + 1 : from;
	*to = xasprintf("%s/%s", sp->dirs[0], base);
	if (mkdir_parents(sp->dirs[0]) < 0)
		return -1;
	if (copy_new_file(from, *to) < 0)
		return -1;
	dir_sync_of(*to);
	return 0;
}

/* The index of the path's directory of `path`, or -1. */
static int dir_index(const struct search_path *sp, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return -1;
	size_t len = (size_t)(slash - path);
	for (size_t i = 0; i < sp->n; i++)
		if (strlen(sp->dirs[i]) == len && !strncmp(sp->dirs[i], path, len))
			return (int)i;
	return -1;
}

char *routine_hidden(const struct search_path *sp, const char *path, bool *own)
{
	int at = dir_index(sp, path);
	*own = at >= 0 && (size_t)at < sp->nuser;
	if (!*own)
		return NULL;
	const char *base = strrchr(path, '/') + 1;
	for (size_t i = (size_t)at + 1; i < sp->n; i++) {
		char *p = xasprintf("%s/%s", sp->dirs[i], base);
		struct stat sb;
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode))
			return p;
		free(p);
	}
	return NULL;
}

char *routine_trash_dir(void)
{
	char *state = xdg_state_home();
	char *dir = xasprintf("%s/recoup/trash", state);
	free(state);
	return dir;
}

int routine_trash(const char *path, char **to)
{
	char *dir = routine_trash_dir();
	*to = NULL;
	if (mkdir_parents(dir) < 0) {
		*to = dir;
		return -1;
	}
	char *id = routine_id_of(path);
	int rc = -1;
	for (int n = 0; n < 1000; n++) {
		char *cand = n ? xasprintf("%s/%s.%d.yaml", dir, id, n)
			       : xasprintf("%s/%s.yaml", dir, id);
		/* a link never replaces a file, as rename would; across file
		 * systems, a copy made with O_EXCL does the same */
		int r = link(path, cand);
		if (r < 0 && (errno == EXDEV || errno == EPERM || errno == ENOSYS))
			r = copy_new_file(path, cand);
		if (r == 0) {
			if (unlink(path) < 0) {
				int e = errno;
				unlink(cand);
				free(cand);
				errno = e;
				break;
			}
			dir_sync_of(cand);
			dir_sync_of(path);
			*to = cand;
			rc = 0;
			break;
		}
		free(cand);
		if (errno != EEXIST)
			break;
	}
	int e = errno;
	free(id);
	if (rc < 0)
		*to = dir;
	else
		free(dir);
	errno = e;
	return rc;
}

/* Whether two files hold the same bytes (false when either cannot be read). */
static bool same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	bool same = fa && fb;
	while (same) {
		int ca = getc(fa), cb = getc(fb);
		same = ca == cb && !ferror(fa) && !ferror(fb);
		if (ca == EOF)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

bool routine_copy_unchanged(const char *copy, const char *orig)
{
	return same_bytes(copy, orig);
}

int routine_drop_copy(const char *copy, const char *orig, char **trashed)
{
	*trashed = NULL;
	if (same_bytes(copy, orig)) {
		if (unlink(copy) < 0)
			return -1;
		dir_sync_of(copy);
		return 0;
	}
	return routine_trash(copy, trashed);
}

static int entry_cmp(const void *a, const void *b)
{
	const struct routine_entry *x = a, *y = b;
	return strcmp(x->id, y->id);
}

size_t search_path_load_all(const struct search_path *sp, struct routine ***out)
{
	struct routine_entry *v;
	size_t n = search_path_list(sp, &v), k = 0;
	*out = xcalloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		struct diags d;
		diags_init(&d, v[i].path);
		struct routine *r = routine_load(v[i].path, &d);
		diags_free(&d);
		if (r)
			(*out)[k++] = r;
	}
	routine_entries_free(v, n);
	return k;
}

void routines_free(struct routine **r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		routine_free(r[i]);
	free(r);
}

size_t search_path_list(const struct search_path *sp, struct routine_entry **out)
{
	struct routine_entry *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < sp->n; i++) {
		DIR *d = opendir(sp->dirs[i]);
		if (!d)
			continue;
		size_t first_here = n;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".yaml"))
				continue;
			char *id = routine_id_of(e->d_name);
			bool seen = false;
			for (size_t k = 0; k < first_here && !seen; k++)
				seen = !strcmp(v[k].id, id);
			if (seen) {
				free(id);
				continue;
			}
			char *path = xasprintf("%s/%s", sp->dirs[i], e->d_name);
			struct stat sb;
			if (stat(path, &sb) < 0 || !S_ISREG(sb.st_mode)) {
				free(id);
				free(path);
				continue;
			}
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n].id = id;
			v[n].path = path;
			n++;
		}
		closedir(d);
	}
	if (n)
		qsort(v, n, sizeof *v, entry_cmp);
	*out = v;
	return n;
}

void routine_entries_free(struct routine_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].path);
	}
	free(v);
}

char *routine_suggest(const struct search_path *sp, const char *arg)
{
	struct routine_entry *v;
	size_t n = search_path_list(sp, &v);
	const char **ids = xcalloc(n + 1, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = v[i].id;
	const char *near = did_you_mean(arg, ids);
	/* else the one name that holds what was typed ("spot" for
	 * spot-massage, "heel-drops" for alfredson-heel-drops) */
	for (size_t i = 0; !near && *arg && i < n; i++)
		if (strcasestr(ids[i], arg)) {
			size_t k = i + 1;
			while (k < n && !strcasestr(ids[k], arg))
				k++;
			if (k == n)
				near = ids[i];
			break;
		}
	char *s = near ? xstrdup(near) : NULL;
	free(ids);
	routine_entries_free(v, n);
	return s;
}

/* The file of routine `name` on the search path, or NULL. */
static char *resolve_name(const struct search_path *sp, const char *name)
{
	struct stat sb;
	for (size_t i = 0; i < sp->n; i++) {
		char *p = xasprintf("%s/%s.yaml", sp->dirs[i], name);
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode))
			return p;
		free(p);
	}
	return NULL;
}

char *routine_resolve(const struct search_path *sp, const char *arg)
{
	struct stat sb;
	bool yaml = has_suffix(arg, ".yaml") || has_suffix(arg, ".yml");
	if (strchr(arg, '/') || (stat(arg, &sb) == 0 && S_ISREG(sb.st_mode)))
		return xstrdup(arg);
	if (yaml) {
		/* "ice-intervals.yaml" that is not here: the routine of that
		 * name, when there is one, else the file (to say it is not) */
		if (stat(arg, &sb) == 0 || errno != ENOENT)
			return xstrdup(arg);
		char *name = xstrndup(arg, strlen(arg) - (has_suffix(arg, ".yml") ? 4 : 5));
		char *p = *name ? resolve_name(sp, name) : NULL;
		free(name);
		return p ? p : xstrdup(arg);
	}
	return resolve_name(sp, arg);
}

/* ---- a ROUTINE argument, loaded ---- */

void search_path_put_looked_in(FILE *out, const struct search_path *sp)
{
	for (size_t i = 0; i < sp->n; i++)
		fprintf(out, "%s %s", i ? "," : " (looked in", safe_show(sp->dirs[i]));
	if (sp->n)
		fputc(')', out);
}

struct routine *load_routine_arg(const struct search_path *sp, const char *arg,
				 FILE *err)
{
	return load_routine_warnings(sp, arg, err, NULL, NULL);
}

struct routine *load_routine_warnings(const struct search_path *sp, const char *arg,
				      FILE *err, char ***warnings, size_t *nwarnings)
{
	char *path = routine_resolve(sp, arg);
	if (!path) {
		fprintf(err, "%s: no routine named '%s' on the search path", progname,
			safe_show(arg));
		search_path_put_looked_in(err, sp);
		char *near = routine_suggest(sp, arg);
		if (near)
			fprintf(err, "; did you mean '%s'?", safe_show(near));
		fputc('\n', err);
		free(near);
		return NULL;
	}
	struct diags d;
	diags_init(&d, path);
	struct routine *r = routine_load(path, &d);
	diags_print(&d, err);
	if (warnings) {
		*nwarnings = 0;
		*warnings = r ? diags_warnings(&d, "", nwarnings) : NULL;
	}
	diags_free(&d);
	free(path);
	return r;
}
