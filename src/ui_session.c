/* ui_session.c: the session screen, readable from across a room: the
 * side, the tempo phase or the part in big words (the side toward its own
 * edge behind an arrow, ICE OFF and PAUSED in shaded blocks), big countdown
 * digits, counters, the cue, progress bars, what comes next, the step list
 * with ticks.  Once a second only the digits, counters and bars are
 * redrawn, and the words when they changed; the rest on change.  What it
 * says is ui_session_text.c's; the big area is bigarea.c's, through
 * ui_direct.c, which writes only the cells that changed.  Its state is its
 * own (struct sess_screen), not the event loop's. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigarea.h"
#include "bigfont.h"
#include "ui.h"
#include "ui_summary.h"
#include "ui_session_layout.h"
#include "ui_session_text.h"
#include "util.h"
#include "zones.h"

/* ---- the screen's own state ---- */

struct sess_screen {
	bool confirming_quit;
	bool quit_paused;    /* the quit question paused the countdown */
	struct layout l;     /* of the last full redraw */
	struct big_area area; /* the big words and digits, and what they show */
	/* what the screen shows now, so a turn redraws only what changed */
	char shown_phase[400], shown_counters[400];
	int shown_bar[2][2]; /* fill and percent of the step and session bars */
	bool curses_line[L_COUNT]; /* a live line drawn through ncurses last */
	/* a session frame is on the screen, laid out as `l`: a frame drawn
	 * from scratch then draws again only the lines that changed */
	bool laid_out;
	int laid_rows, laid_cols; /* the screen's size then */
	uint64_t line_key[L_COUNT], bar_key, keys_key, list_key; /* what they show */
};

void ui_session_begin(struct ui *ui)
{
	if (!ui->sscreen)
		ui->sscreen = xcalloc(1, sizeof *ui->sscreen);
	else
		memset(ui->sscreen, 0, sizeof *ui->sscreen);
}

void ui_session_free(struct ui *ui)
{
	free(ui->sscreen);
	ui->sscreen = NULL;
}

static struct sess_screen *state(struct ui *ui)
{
	if (!ui->sscreen)
		ui_session_begin(ui);
	return ui->sscreen;
}

/* Back from another screen (help): it drew over everything. */
static void show(struct ui *ui, enum ui_screen_id from)
{
	(void)from;
	state(ui)->laid_out = false;
}

/* A line's text and colour as a number: what a line shows, to see whether
 * it changed (FNV-1a). */
static uint64_t text_key(const char *s, int color)
{
	uint64_t h = 1469598103934665603u ^ (uint64_t)(color + 1);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* ---- what to show (and ui_session_text.c) ---- */

/* A key as the user set it (keys are remappable): "space", or the
 * character. */
static const char *key_word(int k, char buf[8])
{
	if (k == ' ')
		return "space";
	snprintf(buf, 8, "%c", k);
	return buf;
}

/* A rating's prompt: for pain the zones, in the longest form that fits
 * the screen's width (it wraps when none does); for another measure its
 * word. */
static void rating_prompt(const struct ui *ui, const struct engine_view *v, const char *next,
			  char *out, size_t n)
{
	enum measure m = v->step ? v->step->measure : MEASURE_NONE;
	if (m != MEASURE_PAIN) {
		snprintf(out, n, "Type %s%s0 to 10, then Enter (%s skips)", measure_word(m),
			 m != MEASURE_NONE ? " " : "", next);
		return;
	}
	char z[96];
	int w = ui->paint.cols - 2;
	pain_zones_text(z, sizeof z, ui->paint.utf8 ? " \u00b7 " : ", ");
	snprintf(out, n, "%s. Type 0 to 10, then Enter (%s skips)", z, next);
	if (paint_width(out) <= w)
		return;
	/* the key help below says how to type it */
	snprintf(out, n, "%s", z);
	if (paint_width(out) > w)
		pain_zones_text(out, n, ", ");
}

static void prompt(struct ui *ui, const struct engine_view *v, char *out, size_t n)
{
	char kp[8], kn[8];
	const char *pause = key_word(ui->o->key_pause, kp), *next = key_word(ui->o->key_next, kn);
	out[0] = '\0';
	if (state(ui)->confirming_quit)
		snprintf(out, n, "Quit this session? y to quit, n to go on");
	else if (ui->sess.e.notice[0])
		snprintf(out, n, "%s", ui->sess.e.notice);
	else if (v->paused)
		snprintf(out, n, "Paused: %s to go on", pause);
	else if (v->input == INPUT_RATING)
		rating_prompt(ui, v, next, out, n);
	else if (v->input == INPUT_COUNT)
		snprintf(out, n, "Reps done? Type the number, then Enter (Enter alone: %d; %s skips the set)",
			 v->reps_done, next);
	else if (v->input == INPUT_REPS)
		snprintf(out, n, "%s for each rep; %s when the set is over",
			 ui->o->key_pause == ' ' ? "Space" : pause, next);
	else if (v->input == INPUT_ACK)
		snprintf(out, n, "Press Enter to go on");
	else if (slog_failing(&ui->sess.log))
		snprintf(out, n, "The log cannot be written; lines are kept and retried");
	else if (ui->cue_note[0])
		snprintf(out, n, "%s", ui->cue_note);
}

static void frame_words(struct ui *ui, const struct engine_view *v, struct words *t)
{
	prompt(ui, v, t->prompt, sizeof t->prompt);
	sess_next_text(v, t->next, sizeof t->next);
	t->cue = sess_cue_text(v);
}

/* ---- drawing ---- */

/* A line of the layout, wrapped over its rows, cut with an ellipsis only
 * when even those run out. */
static void draw_line(struct ui *ui, const struct layout *l, enum line_id id, const char *text,
		      enum ui_color c)
{
	int y = l->y[id];
	if (y < 0)
		return;
	for (int r = 0; r < l->rows[id]; r++) {
		move(y + r, l->x);
		clrtoeol();
	}
	paint_color_on(&ui->paint, c);
	paint_wrap(&ui->paint, y, l->rows[id], l->x, l->w, 0, text);
	paint_color_off(&ui->paint, c);
}

/* A line that changes with time (the heading, the counters): recoup's own
 * cells (ui_direct.c) where its text is plain one-column characters that
 * fit, else through ncurses. */
static void draw_live_line(struct ui *ui, const struct layout *l, enum line_id id, const char *text,
			   enum ui_color c)
{
	struct sess_screen *ss = state(ui);
	int y = l->y[id];
	if (y < 0)
		return;
	if (l->rows[id] == 1 && ui_direct_text(&ui->direct, y, l->x, l->w, text, c)) {
		if (ss->curses_line[id]) {
			/* ncurses' text there is blanked first */
			move(y, l->x);
			clrtoeol();
		}
		ss->curses_line[id] = false;
		return;
	}
	ui_direct_release(&ui->direct, y, l->x, l->w);
	draw_line(ui, l, id, text, c);
	ss->curses_line[id] = true;
}

/* A bar row in recoup's own cells: the label (with a frame drawn from
 * scratch), the bar's cells from where it was (`was`, -1: all), the
 * percentage. */
static void direct_bar(struct ui *ui, int y, int x, int bw, const char *label, int was, int fill,
		       int pct)
{
	struct ui_direct *d = &ui->direct;
	if (ui->full || was < 0) {
		ui_direct_text(d, y, x, 8, label, C_DIM);
		was = -1;
	}
	if (fill < 0)
		fill = 0;
	if (fill > bw)
		fill = bw;
	/* the cell of each glyph, once */
	bool u = ui->paint.utf8;
	const uint32_t on = ui_direct_cell(u ? 0x2588 : '#', C_NORMAL),
		       off = ui_direct_cell(u ? 0x2591 : '.', C_NORMAL);
	int from = 0, to = bw;
	if (was >= 0) {
		from = was < fill ? was : fill;
		to = was < fill ? fill : was;
	}
	for (int i = from; i < to && i < bw; i++)
		ui_direct_put(d, y, x + 8 + i, i < fill ? on : off);
	/* " %3d%%" */
	uint32_t t[5] = { ' ', ' ', ' ', ' ', '%' };
	int v = pct < 0 ? 0 : pct > 999 ? 999 : pct;
	for (int k = 3; k >= 1; k--) {
		t[k] = (uint32_t)('0' + v % 10);
		v /= 10;
		if (!v)
			break;
	}
	ui_direct_row(d, y, x + 8 + bw, t, 5);
}

static void draw_bars(struct ui *ui, const struct layout *l, const struct engine_view *v)
{
	struct sess_screen *ss = state(ui);
	static const char *const label[] = { "step    ", "session " };
	const int ids[] = { L_STEP, L_SESSION };
	const double frac[] = { v->step_progress, v->session_progress };
	int bw = l->w - 8 - 5;
	for (int i = 0; i < 2; i++) {
		int y = l->y[ids[i]];
		int fill = (int)(frac[i] * bw + 0.5), pct = (int)(frac[i] * 100 + 0.5);
		if (y < 0 || (!ui->full && ss->shown_bar[i][0] == fill && ss->shown_bar[i][1] == pct))
			continue;
		int was = ui->full ? -1 : ss->shown_bar[i][0];
		ss->shown_bar[i][0] = fill;
		ss->shown_bar[i][1] = pct;
		if (ui->direct.on && bw > 0) {
			direct_bar(ui, y, l->x, bw, label[i], was, fill, pct);
			continue;
		}
		move(y, l->x);
		clrtoeol();
		paint_color_on(&ui->paint, C_DIM);
		mvaddstr(y, l->x, label[i]);
		paint_color_off(&ui->paint, C_DIM);
		paint_bar(&ui->paint, y, l->x + 8, bw, frac[i]);
		printw(" %3d%%", pct);
	}
}

static void draw_list(struct ui *ui, const struct layout *l, const struct engine_view *v)
{
	const struct routine *r = ui->sess.r;
	int h = ui->paint.rows - 2;
	size_t cur = v->done ? r->nsteps : v->step_index;
	size_t first = 0;
	if (r->nsteps > (size_t)h && cur > (size_t)h / 2)
		first = cur - (size_t)h / 2;
	if (first + (size_t)h > r->nsteps && r->nsteps > (size_t)h)
		first = r->nsteps - (size_t)h;
	for (int row = 0; row < h; row++) {
		size_t i = first + (size_t)row;
		move(1 + row, 0);
		for (int c = 0; c < l->list_w; c++)
			addch(' ');
		if (i >= r->nsteps)
			continue;
		const char *mark = i < cur ? (ui->paint.utf8 ? "\u2713 " : "* ") :
				   i == cur ? (ui->paint.utf8 ? "\u25b6 " : "> ") : "  ";
		enum ui_color c = i < cur ? C_GOOD : i == cur ? C_TITLE : C_DIM;
		paint_color_on(&ui->paint, c);
		mvaddstr(1 + row, 1, mark);
		paint_text_cut(&ui->paint, 1 + row, 3, l->list_w - 3, r->steps[i].name);
		paint_color_off(&ui->paint, c);
	}
	for (int row = 0; row < h; row++)
		mvaddstr(1 + row, l->list_w, ui->paint.utf8 ? "\u2502" : "|");
}

/* The key help for what is under way, in `w` columns: each key with its
 * word and a rank; where the line is short the highest ranks are left out
 * first (rank 0 always stays). */
static void key_help(struct ui *ui, const struct engine_view *v, int w, char *out, size_t n)
{
	char k1[8], k2[8], k3[8], k4[8];
	const struct options *o = ui->o;
	const char *pause = key_word(o->key_pause, k1), *next = key_word(o->key_next, k2),
		   *back = key_word(o->key_back, k3), *quit = key_word(o->key_quit, k4);
	struct {
		char text[32];
		int rank;
	} h[8];
	int nh = 0;
#define HINT(rank_, ...) do { \
		snprintf(h[nh].text, sizeof h[nh].text, __VA_ARGS__); \
		h[nh++].rank = (rank_); \
	} while (0)
	if (state(ui)->confirming_quit) {
		/* the question takes the next key, whatever it is */
		HINT(0, "y quit");
		HINT(1, "any other key goes on");
	} else if (v->input == INPUT_REPS) {
		HINT(0, "%s rep", pause);
		HINT(1, "%s set done", next);
		HINT(3, "%s back", back);
		HINT(2, "%s quit", quit);
		if (v->load != LOAD_NONE)
			HINT(5, "l/L load");
		HINT(2, "? help");
	} else if (v->input == INPUT_RATING || v->input == INPUT_COUNT) {
		HINT(0, "0-9 then Enter");
		HINT(1, "%s skip", next);
		HINT(3, "%s back", back);
		HINT(2, "%s quit", quit);
		HINT(2, "? help");
	} else {
		HINT(0, "%s pause", pause);
		HINT(1, "%s next", next);
		HINT(3, "%s back", back);
		HINT(5, "+/- 15s");
		HINT(2, "%s quit", quit);
		if (v->load != LOAD_NONE)
			HINT(5, "l/L load");
		HINT(2, "? help");
	}
#undef HINT
	for (int keep = 6; keep > 0; keep--) {
		size_t len = 0;
		out[0] = '\0';
		for (int i = 0; i < nh && len < n; i++)
			if (h[i].rank < keep)
				len += (size_t)snprintf(out + len, n - len, "%s%s", len ? "  " : "",
							h[i].text);
		if ((int)len <= w)
			return;
	}
}

/* The title bar and the key help, each drawn again only when it changed
 * (or the frame was cleared). */
static void draw_frame(struct ui *ui, const struct engine_view *v)
{
	struct sess_screen *ss = state(ui);
	char right[64];
	snprintf(right, sizeof right, "step %zu of %zu%s ", v->step_index + 1, v->nsteps,
		 ui->o->speed > 1 ? "  practice" : "");
	uint64_t k = text_key(right, 0) ^ text_key(ui->sess.r->name, 1);
	if (k != ss->bar_key) {
		paint_title_bar(&ui->paint, ui->sess.r->name, right);
		ss->bar_key = k;
	}
	char keys[200];
	key_help(ui, v, ui->paint.cols - 2, keys, sizeof keys);
	k = text_key(keys, 0);
	if (k != ss->keys_key) {
		move(ui->paint.rows - 1, 0);
		clrtoeol();
		paint_color_on(&ui->paint, C_DIM);
		paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2, keys);
		paint_color_off(&ui->paint, C_DIM);
		ss->keys_key = k;
	}
}

/* A line that changes only with a frame drawn from scratch (the title,
 * the cue, what comes next, the prompt): drawn again when it changed. */
static void draw_kept_line(struct ui *ui, const struct layout *l, enum line_id id, const char *text,
			   enum ui_color c)
{
	struct sess_screen *ss = state(ui);
	uint64_t k = text_key(text, (int)c);
	if (k == ss->line_key[id])
		return;
	ss->line_key[id] = k;
	draw_line(ui, l, id, text, c);
}

/* Below 20x6 the note asking for room, and the time on the last row: the
 * timer keeps going. */
static void draw_too_small(struct ui *ui, const struct engine_view *v)
{
	erase();
	char t[32];
	sess_big_text(v, t, sizeof t);
	bool time_row = t[0] && ui->paint.rows > 1;
	paint_too_small(&ui->paint, ui->paint.rows - time_row);
	if (time_row)
		mvaddnstr(ui->paint.rows - 1, 0, t, ui->paint.cols);
}

static void draw(struct ui *ui)
{
	/* once a second only numbers change: the words and the layout of the
	 * last full redraw still hold */
	struct sess_screen *ss = state(ui);
	struct layout *l = &ss->l;
	struct engine_view v;
	if (ui->full)
		engine_view(&ui->sess.e, &v);
	else
		engine_view_numbers(&ui->sess.e, &v);
	char text[400], big[32];
	sess_big_text(&v, big, sizeof big);
	if (!ui->full && l->big && strlen(big) != strlen(ss->area.shown_digits)) {
		/* 10:00 to 9:59: the digits may fit the area differently */
		ui->full = true;
		engine_view(&ui->sess.e, &v);
	}
	if (ui->paint.rows < 6 || ui->paint.cols < 20 || v.done) {
		ui_direct_frame(&ui->direct);
		ss->laid_out = false;
		if (v.done)
			ui_summary_draw(ui);
		else
			draw_too_small(ui, &v);
		return;
	}
	if (ui->full) {
		struct words t;
		frame_words(ui, &v, &t);
		struct layout was = *l;
		sess_plan_layout(ui, &v, &t, l);
		struct big_area *a = &ss->area;
		a->y = l->area_y;
		a->x = l->x;
		a->w = l->w;
		a->words_y = l->words_y;
		a->words_h = l->words_h;
		a->digits_y = l->digits_y;
		a->digits_h = l->big ? l->digits_h : 0;
		a->digits_cap = sess_digits_cap(ui);
		/* the big area is recoup's own when the font fits the digits */
		a->direct = ui->direct.on && l->area_h && (!l->big || big_digits_fit(a, big).w > 0);
		ui_direct_frame(&ui->direct);
		/* laid out as the frame on the screen: only what changed is
		 * drawn again (a step's end changes a few lines); else all */
		/* after a resize stdscr holds the old frame cut or padded */
		if (!ss->laid_out || !ui->direct.on || was.x != l->x || was.list_w != l->list_w ||
		    ss->laid_rows != ui->paint.rows || ss->laid_cols != ui->paint.cols) {
			erase();
			ss->bar_key = ss->keys_key = ss->list_key = 0;
			memset(ss->line_key, 0, sizeof ss->line_key);
			memset(ss->curses_line, 0, sizeof ss->curses_line);
		} else if (memcmp(&was, l, sizeof was)) {
			/* the lines elsewhere (a lead-in has no "next"): only
			 * their rows are cleared, not the screen, whose big area
			 * ncurses holds blank */
			for (int id = 0; id < L_COUNT; id++)
				for (int r = 0; was.y[id] >= 0 && r < was.rows[id]; r++) {
					move(was.y[id] + r, was.x);
					clrtoeol();
				}
			memset(ss->line_key, 0, sizeof ss->line_key);
			memset(ss->curses_line, 0, sizeof ss->curses_line);
		}
		ss->laid_out = true;
		ss->laid_rows = ui->paint.rows;
		ss->laid_cols = ui->paint.cols;
		draw_frame(ui, &v);
		uint64_t list = (uint64_t)(v.done ? ui->sess.r->nsteps : v.step_index) + 1;
		if (l->list_w && list != ss->list_key) {
			draw_list(ui, l, &v);
			ss->list_key = list;
		}
		draw_kept_line(ui, l, L_TITLE, v.title, C_NORMAL);
		draw_kept_line(ui, l, L_CUE, t.cue ? t.cue : "", C_DIM);
		draw_kept_line(ui, l, L_NEXT, t.next, C_DIM);
		draw_kept_line(ui, l, L_PROMPT, t.prompt, C_WARN);
	}
	enum ui_color pc = v.paused ? C_WARN : sess_phase_color(&v);
	/* what changes with time, redrawn only when it did */
	sess_heading(&v, l->big ? "" : big, l->w, text, sizeof text);
	if (ui->full || strcmp(text, ss->shown_phase)) {
		draw_live_line(ui, l, L_PHASE, text, pc);
		snprintf(ss->shown_phase, sizeof ss->shown_phase, "%s", text);
	}
	enum ui_color bc = v.paused ? C_DIM : pc;
	big_color(&ss->area, &ui->paint, bc, true);
	/* the words change with a full redraw (a cue, a key), but for a
	 * tempo phase's seconds: not worth a look every second otherwise */
	if (l->words_h && (ui->full || v.phase != PHASE_NONE)) {
		struct big_words bw;
		sess_big_words(&v, &bw);
		big_draw_words(&ss->area, &ui->direct, &ui->paint, &bw, ui->full);
	}
	if (l->big)
		big_draw_digits(&ss->area, &ui->direct, &ui->paint, big, ui->full);
	big_color(&ss->area, &ui->paint, bc, false);
	sess_counters(&v, text, sizeof text, false);
	if (paint_width(text) > l->w)
		sess_counters(&v, text, sizeof text, true);
	if (ui->full || strcmp(text, ss->shown_counters)) {
		draw_live_line(ui, l, L_COUNTERS, text, sess_counters_color(&v));
		snprintf(ss->shown_counters, sizeof ss->shown_counters, "%s", text);
	}
	draw_bars(ui, l, &v);
}

/* ---- time and keys ---- */

static void tick(struct ui *ui)
{
	struct engine *e = &ui->sess.e;
	session_tick(&ui->sess);
	if (e->cue_seq != ui->seen_cue) {
		ui->seen_cue = e->cue_seq;
		ui->last_beep_sec = -1;
		ui->full = true;
	}
	/* spoken, or rung in a pattern (voice.h) */
	voice_take(&ui->voice, e);
	if (voice_run(&ui->voice, clock_real_now_ms()))
		ui_alert(ui);
	const struct segment *seg = e->status == ENGINE_DONE ? NULL : &e->plan.v[e->cur];
	if (seg && seg->duration && !e->paused && e->input == INPUT_NONE && seg->kind != SEG_SET) {
		long long secs = (e->deadline - engine_now(e) + 999) / 1000;
		if (secs >= 1 && secs <= 3 && secs != ui->last_beep_sec) {
			ui->last_beep_sec = secs;
			ui_alert(ui);
		}
	}
	ui->dirty = true;
}

static long long next_wake(struct ui *ui)
{
	return session_next_wake(&ui->sess);
}

static void leave_finished(struct ui *ui)
{
	if (ui->session_from_picker) {
		session_finish(&ui->sess);
		ui->in_session = false;
		/* the picker reads the log again when it is shown */
		ui_switch(ui, SCREEN_PICKER);
	} else {
		ui->quit = true;
	}
}

static bool session_start_with(struct ui *ui, const struct options *o, char *why, size_t n);

bool ui_session_start(struct ui *ui, const char *arg, char *why, size_t n)
{
	struct options o = *ui->o;
	char *args[1] = { (char *)arg };
	o.args = args;
	o.nargs = 1;
	return session_start_with(ui, &o, why, n);
}

bool ui_session_resume(struct ui *ui, const char *arg, char *why, size_t n)
{
	struct options o = *ui->o;
	char *args[1] = { (char *)arg };
	o.args = args;
	o.nargs = arg != NULL;
	o.resume = true;
	return session_start_with(ui, &o, why, n);
}

static bool session_start_with(struct ui *ui, const struct options *o, char *why, size_t n)
{
	/* while curses owns the screen, errors go to the picker's message */
	char *errbuf = NULL;
	size_t errlen = 0;
	FILE *mem = open_memstream(&errbuf, &errlen);
	int rc = session_prepare(&ui->sess, o, ui->sp, true, mem ? mem : stderr);
	if (mem)
		fclose(mem);
	if (rc >= 0) {
		char *nl = errbuf ? strchr(errbuf, '\n') : NULL;
		if (nl)
			*nl = '\0';
		snprintf(why, n, "%s", errbuf && *errbuf ? errbuf : "cannot start");
		free(errbuf);
		return false;
	}
	free(errbuf);
	ui->sigfd = ui->sess.sigfd;
	session_start(&ui->sess, ui->o);
	ui->in_session = ui->session_from_picker = true;
	ui->seen_cue = 0;
	voice_restart(&ui->voice);
	ui->last_beep_sec = -1;
	ui_session_begin(ui);
	ui_switch(ui, SCREEN_SESSION);
	return true;
}

static void key(struct ui *ui, int ch)
{
	struct engine *e = &ui->sess.e;
	const struct options *o = ui->o;
	ui->full = true;
	/* just after a set ended by itself, presses meant for it are dropped
	 * (the engine's rule); q still asks */
	struct sess_screen *ss = state(ui);
	if (engine_guarded(e) && ch != o->key_quit && !ss->confirming_quit)
		return;
	if (e->status == ENGINE_DONE) {
		/* the summary stays until q or Enter: a stray key must not
		 * take it away */
		if (ui_summary_key(ui, ch))
			leave_finished(ui);
		return;
	}
	if (ss->confirming_quit) {
		ss->confirming_quit = false;
		if (ch == 'y' || ch == 'Y')
			engine_quit(e); /* the summary follows */
		else if (ss->quit_paused)
			engine_release(e); /* "no": on from where it was */
		ss->quit_paused = false;
		return;
	}
	if (ch == o->key_quit) {
		if (o->confirm_quit) {
			/* a countdown waits for the answer: a set must not count
			 * reps, nor a spot minutes, behind the question */
			ss->quit_paused = engine_hold(e);
			ss->confirming_quit = true;
		} else {
			engine_quit(e); /* the summary follows */
		}
	} else if (ch == o->key_pause) {
		if (e->input == INPUT_REPS)
			engine_rep(e);
		else
			engine_toggle_pause(e);
	} else if (ch == o->key_next || ch == KEY_RIGHT) {
		engine_next(e);
	} else if (ch == o->key_back || ch == KEY_LEFT) {
		engine_back(e);
	} else if (ch == '+' || ch == '=') {
		engine_adjust(e, ENGINE_ADJUST_MS);
	} else if (ch == '-' || ch == '_') {
		engine_adjust(e, -ENGINE_ADJUST_MS);
	} else if (ch == 'l' || ch == 'L') {
		/* not remappable: the settings' keys are the four above */
		engine_load_step(e, ch == 'l' ? 1 : -1);
	} else if (ch >= '0' && ch <= '9') {
		engine_digit(e, ch - '0');
	} else if (ch == '\r' || ch == '\n' || ch == KEY_ENTER) {
		engine_enter(e);
	} else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
		engine_erase(e);
	} else if (ch == '?') {
		ui_switch(ui, SCREEN_HELP);
	}
}

const struct ui_screen ui_session_screen = {
	.name = "session",
	.show = show,
	.draw = draw,
	.key = key,
	.tick = tick,
	.next_wake = next_wake,
};
