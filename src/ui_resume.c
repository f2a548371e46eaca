/* ui_resume.c: the picker's offer to go on with today's last session that
 * did not end complete (killed, the terminal lost, quit), and the key that
 * takes it up (ui.h).  The finding is resume.h's; the session starts as
 * `recoup --resume ROUTINE` does. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "logmodel.h"
#include "resume.h"
#include "ui.h"
#include "util.h"

/* The key, in the offer's words and the picker's key() (ui_picker.c). */
#define RESUME_KEY 'u'
/* Today's sessions are at the log's end: the offer reads its last bytes
 * alone (a session of 60 lines takes about 9 KiB), so that a log of years
 * does not hold up the picker's first frame.  A resumed session whose
 * first part began before them is read further back (resume_find()). */
#define RESUME_OFFER_TAIL (64 * 1024)

void ui_resume_offer(struct ui *ui, char *msg, size_t n)
{
	free(ui->resume_offer);
	ui->resume_offer = NULL;
	char *log = session_log_path(ui->o);
	if (!log)
		return;
	struct resume_query q = { .practice = ui->o->speed > 1,
				  .day = lm_local_day(time(NULL)), .tail = RESUME_OFFER_TAIL };
	struct resume_found f;
	int rc = resume_find(log, &q, &f, NULL, NULL);
	free(log);
	if (rc <= 0)
		return;
	/* the routine by its file while it is there: the session resumed
	 * is then that routine's last, this one */
	struct stat sb;
	ui->resume_offer = xstrdup(f.file && stat(f.file, &sb) == 0 && S_ISREG(sb.st_mode) ?
				   f.file : f.id ? f.id : f.routine);
	char when[48], where[160] = "";
	resume_when(&f, when, sizeof when);
	if (f.step_name)
		snprintf(where, sizeof where, " at step %d, %s", f.step_n, f.step_name);
	/* names from the log are drawn through the paint kit's safe text */
	if (!msg[0])
		snprintf(msg, n, "%s of %s stopped%s: %c resumes it where it stopped", f.routine,
			 when, where, RESUME_KEY);
	resume_found_free(&f);
}

void ui_resume_key(struct ui *ui, char *msg, size_t n)
{
	msg[0] = '\0';
	/* the offer once taken is gone: a session that stops again is
	 * offered again, back in the picker */
	char *arg = ui->resume_offer;
	ui->resume_offer = NULL;
	ui_session_resume(ui, arg, msg, n);
	free(arg);
}
