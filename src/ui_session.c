/* ui_session.c: the session screen, readable from across a room: big
 * countdown digits, the side and phase in words and colour, counters, the
 * cue, progress bars, what comes next, the step list with ticks.  Once a
 * second only the digits, counters and bars are redrawn; the rest on
 * change. */
#include "config.h"

#include <curses.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>

#include "bigfont.h"
#include "ui.h"
#include "util.h"

/* ---- what to show ---- */

static enum ui_color side_color(enum side s)
{
	return s == SIDE_LEFT ? C_LEFT : s == SIDE_RIGHT ? C_RIGHT : C_TITLE;
}

static enum ui_color phase_color(const struct engine_view *v)
{
	switch (v->kind) {
	case SEG_ICE_ON:
	case SEG_ICE_OFF: return C_ICE;
	case SEG_REST: return C_REST;
	case SEG_LEADIN: return C_DIM;
	default: return side_color(v->side);
	}
}

/* Each kind of segment: its phase in words, and whether the side goes
 * with it (a rest or ice off is for both legs). */
static const struct {
	const char *word;
	bool sided;
} kinds[SEG_KIND_COUNT] = {
	[SEG_NOTE] = { "NOTE", false },
	[SEG_LEADIN] = { "GET READY", true },
	[SEG_ICE_ON] = { "ICE ON", true },
	[SEG_ICE_OFF] = { "ICE OFF", false },
	[SEG_SPOT] = { "MASSAGE", true },
	[SEG_TIMER] = { "HOLD", true },
	[SEG_SET] = { "REPS", true },
	[SEG_REST] = { "REST", false },
	[SEG_RATE] = { "RATE 0-10", false },
};

static const char *side_caps(enum side s, bool brief)
{
	if (s == SIDE_LEFT)
		return brief ? "L" : "LEFT";
	return s == SIDE_RIGHT ? (brief ? "R" : "RIGHT") : "";
}

/* "ICE ON", "DOWN 2", "HOW MANY?", "PAUSED" ... */
static void phase_name(const struct engine_view *v, char *out, size_t n)
{
	if (v->paused)
		snprintf(out, n, "PAUSED");
	else if (v->kind == SEG_SET && v->phase != PHASE_NONE)
		snprintf(out, n, "%s %lld", tempo_phase_word(v->phase), (v->phase_left + 999) / 1000);
	else if (v->kind == SEG_SET && v->input == INPUT_COUNT)
		snprintf(out, n, "HOW MANY?");
	else
		snprintf(out, n, "%s", kinds[v->kind].word);
}

/* The non-empty ones of `part`, `gap` between them. */
static void join(char *out, size_t n, const char *gap, const char *const part[3])
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < 3 && len < n; i++)
		if (*part[i])
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? gap : "", part[i]);
}

/* The heading: side and phase in words ("LEFT  MASSAGE"), and after them
 * `big`, the time or count, when the digits are not drawn big.  The time is
 * the one thing that must stay whole, so at small widths the words give way
 * first: single spaces, the side's initial, the phase dropped, then the
 * side. */
static void heading(const struct engine_view *v, const char *big, int w, char *out, size_t n)
{
	static const struct {
		const char *gap;
		bool brief_side, phase;
	} forms[] = {
		{ "  ", false, true }, { " ", false, true }, { " ", true, true },
		{ " ", false, false }, { " ", true, false },
	};
	char name[32];
	phase_name(v, name, sizeof name);
	bool sided = !v->paused && kinds[v->kind].sided;
	for (size_t i = 0; i < ARRAY_LEN(forms); i++) {
		/* with no time after it, the phase is all there is to keep */
		if (!forms[i].phase && !*big)
			break;
		const char *part[3] = { sided ? side_caps(v->side, forms[i].brief_side) : "",
					forms[i].phase ? name : "", big };
		join(out, n, forms[i].gap, part);
		if ((int)strlen(out) <= w)
			return;
	}
	if (*big)
		snprintf(out, n, "%s", big);
}

/* The big text: remaining time, the rep, the count or rating typed. */
static void big_text(const struct engine_view *v, char *out, size_t n)
{
	out[0] = '\0';
	if (v->kind == SEG_SET && v->phase != PHASE_NONE)
		snprintf(out, n, "%d", v->rep);
	else if (v->kind == SEG_SET && (v->input == INPUT_REPS || v->input == INPUT_COUNT))
		snprintf(out, n, "%d", v->typed >= 0 ? v->typed : v->reps_done);
	else if (v->kind == SEG_RATE && v->typed >= 0)
		snprintf(out, n, "%d", v->typed);
	else if (v->timed) {
		long long s = (v->remaining + 999) / 1000;
		if (s >= 3600)
			snprintf(out, n, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
		else
			snprintf(out, n, "%lld:%02lld", s / 60, s % 60);
	}
}

/* "2 of 3", or "2/3" where room is short. */
static void of(char *out, size_t n, int a, int b, bool brief)
{
	snprintf(out, n, brief ? "%d/%d" : "%d of %d", a, b);
}

/* The counters line: set, rep, spot, round.  `brief` for narrow screens. */
static void counters(const struct engine_view *v, char *out, size_t n, bool brief)
{
	const struct segment *s = v->seg;
	const char *gap = brief ? "  " : "   ";
	char a[32], b[32];
	out[0] = '\0';
	if (!s)
		return;
	switch (v->kind) {
	case SEG_SET:
		of(a, sizeof a, s->set, s->nsets, brief);
		if (v->phase != PHASE_NONE) {
			of(b, sizeof b, v->rep, v->target, brief);
			snprintf(out, n, "set %s%srep %s", a, gap, b);
		} else {
			of(b, sizeof b, v->reps_done, v->target, brief);
			snprintf(out, n, "set %s%s%s reps", a, gap, b);
		}
		break;
	case SEG_REST:
		of(a, sizeof a, s->set, s->nsets, brief);
		snprintf(out, n, "after set %s", a);
		break;
	case SEG_SPOT:
		of(a, sizeof a, s->spot + 1, (int)v->step->nspots, brief);
		snprintf(out, n, "spot %s: %s", a, v->step->spots[s->spot].name);
		break;
	case SEG_ICE_ON:
		if (s->nrounds > 1) {
			of(a, sizeof a, s->round, s->nrounds, brief);
			snprintf(out, n, "round %s", a);
		}
		break;
	case SEG_ICE_OFF:
		/* the round just done is over: what counts now is the next */
		of(a, sizeof a, s->round + 1, s->nrounds, brief);
		snprintf(out, n, brief ? "packs off" : "packs off until round %s", a);
		break;
	default:
		break;
	}
}

/* A key as the user set it (keys are remappable): "space", or the
 * character. */
static const char *key_word(int k, char buf[8])
{
	if (k == ' ')
		return "space";
	snprintf(buf, 8, "%c", k);
	return buf;
}

static void prompt(struct ui *ui, const struct engine_view *v, char *out, size_t n)
{
	char kp[8], kn[8];
	const char *pause = key_word(ui->o->key_pause, kp), *next = key_word(ui->o->key_next, kn);
	out[0] = '\0';
	if (ui->confirming_quit)
		snprintf(out, n, "Quit this session? y to quit, n to go on");
	else if (ui->sess.e.notice[0])
		snprintf(out, n, "%s", ui->sess.e.notice);
	else if (v->paused)
		snprintf(out, n, "Paused: %s to go on", pause);
	else if (v->input == INPUT_RATING)
		snprintf(out, n, "Type 0 to 10, then Enter (%s skips)", next);
	else if (v->input == INPUT_COUNT)
		snprintf(out, n, "Reps done? Type the number, then Enter (Enter alone: %d; %s skips the set)",
			 v->reps_done, next);
	else if (v->input == INPUT_REPS)
		snprintf(out, n, "%s for each rep; %s when the set is over",
			 ui->o->key_pause == ' ' ? "Space" : pause, next);
	else if (v->input == INPUT_ACK)
		snprintf(out, n, "Press Enter to go on");
	else if (ui->message[0])
		snprintf(out, n, "%s", ui->message);
	else if (slog_failing(&ui->sess.log))
		snprintf(out, n, "The log cannot be written; lines are kept and retried");
	else if (ui->cue_note[0])
		snprintf(out, n, "%s", ui->cue_note);
}

/* The reminder for what is under way: the spot's own cue, else the step's.
 * None while the packs are off (the step's cue says how to put them on),
 * nor for a note or a rating, whose title holds their cue already. */
static const char *cue_text(const struct engine_view *v)
{
	if (!v->step || v->kind == SEG_ICE_OFF || v->kind == SEG_NOTE || v->kind == SEG_RATE)
		return NULL;
	if (v->kind == SEG_SPOT && v->step->spots[v->seg->spot].cue)
		return v->step->spots[v->seg->spot].cue;
	return v->step->cue;
}

/* What comes next; nothing in a lead-in, whose title says it already.  In
 * ice off, the next round's cue (the packs go back on) goes with it. */
static void next_text(const struct engine_view *v, char *out, size_t n)
{
	out[0] = '\0';
	if (v->kind == SEG_LEADIN)
		return;
	const char *cue = v->kind == SEG_ICE_OFF && v->step ? v->step->cue : NULL;
	snprintf(out, n, "next: %s%s%s", v->next[0] ? v->next : "the end", cue ? ". " : "",
		 cue ? cue : "");
}

/* The words of a frame, made once per full redraw. */
struct words {
	char prompt[1024];
	char next[600];
	const char *cue;
};

static void frame_words(struct ui *ui, const struct engine_view *v, struct words *t)
{
	prompt(ui, v, t->prompt, sizeof t->prompt);
	next_text(v, t->next, sizeof t->next);
	t->cue = cue_text(v);
}

/* ---- layout ---- */

enum line_id { L_PHASE, L_PROMPT, L_TITLE, L_COUNTERS, L_CUE, L_SESSION, L_STEP, L_NEXT, L_COUNT };

struct layout {
	int x, w;            /* the main column */
	int list_w;          /* the step list, 0 when hidden */
	int y[L_COUNT];      /* first row of each line, -1 when left out */
	int rows[L_COUNT];   /* rows of each line: long text wraps */
	int digits_y, digits_h;
	bool big;
};

/* The rows of big digits wanted: about a third of the screen's height, big
 * enough across a room, small enough that a second's change stays a few
 * cells. */
static int digits_cap(const struct ui *ui)
{
	return BIGFONT_ROWS * (ui->rows >= 28 ? (ui->rows - 4) / 12 : 1);
}

/* Rows for each line: claims in order of importance, each up to what the
 * line's text needs.  First a row each (the prompt, what to do now, up to
 * half the room; the title a second row before the bars), then, from what
 * the digits leave (`keep`), the rest of any text that wraps. */
static void share_rows(struct layout *l, const int need[L_COUNT], int room, int keep)
{
	enum { HALF = -1, ALL = -2 };
	static const struct {
		enum line_id id;
		int rows;
	} claims[] = {
		{ L_PHASE, 1 }, { L_PROMPT, HALF }, { L_TITLE, 1 }, { L_COUNTERS, 1 },
		{ L_CUE, 1 }, { L_TITLE, 2 }, { L_SESSION, 1 }, { L_STEP, 1 }, { L_NEXT, 1 },
		{ L_PROMPT, ALL }, { L_TITLE, ALL }, { L_CUE, ALL }, { L_NEXT, ALL },
	};
	int half = room / 2 > 1 ? room / 2 : 1;
	bool kept = false;
	for (size_t i = 0; i < ARRAY_LEN(claims); i++) {
		enum line_id id = claims[i].id;
		if (claims[i].rows == ALL && !kept) {
			room -= keep;
			kept = true;
		}
		int want = claims[i].rows == ALL ? need[id] : claims[i].rows == HALF ? half
											: claims[i].rows;
		if (want > need[id])
			want = need[id];
		int more = want - l->rows[id];
		if (more > room)
			more = room;
		if (more > 0) {
			l->rows[id] += more;
			room -= more;
		}
	}
}

static void plan_layout(struct ui *ui, const struct engine_view *v, const struct words *t,
			struct layout *l)
{
	int top = 1, h = ui->rows - 2;
	l->list_w = ui->cols >= 64 && h >= 8 ? (ui->cols / 3 < 30 ? ui->cols / 3 : 30) : 0;
	l->x = l->list_w ? l->list_w + 2 : 1;
	l->w = ui->cols - l->x - 1;
	char bt[32], ct[300];
	big_text(v, bt, sizeof bt);
	counters(v, ct, sizeof ct, false);
	int need[L_COUNT] = {
		[L_PHASE] = 1,
		[L_PROMPT] = t->prompt[0] ? ui_wrap_rows(t->prompt, l->w, 0) : v->input != INPUT_NONE,
		[L_TITLE] = v->title[0] ? ui_wrap_rows(v->title, l->w, 0) : 0,
		/* an empty counters line would only push the bars and "next" out */
		[L_COUNTERS] = ct[0] != '\0',
		[L_CUE] = t->cue ? ui_wrap_rows(t->cue, l->w, 0) : 0,
		[L_SESSION] = 1,
		[L_STEP] = 1,
		[L_NEXT] = t->next[0] ? ui_wrap_rows(t->next, l->w, 0) : 0,
	};
	/* big digits when five rows of them leave one for the heading */
	l->big = bt[0] != '\0' && h >= BIGFONT_ROWS + 2;
	int cap = digits_cap(ui);
	memset(l->rows, 0, sizeof l->rows);
	share_rows(l, need, l->big ? h - BIGFONT_ROWS : h, l->big ? cap - BIGFONT_ROWS : 0);
	int used = 0;
	for (int i = 0; i < L_COUNT; i++) {
		l->y[i] = -1;
		used += l->rows[i];
	}
	/* top to bottom: phase, title, digits, counters, prompt, cue, bars, next */
	static const enum line_id above[] = { L_PHASE, L_TITLE };
	static const enum line_id below[] = { L_COUNTERS, L_PROMPT, L_CUE, L_STEP, L_SESSION, L_NEXT };
	l->digits_h = l->big ? h - used : 0;
	/* leave a blank row around the digits when there is room to spare */
	int spare = l->digits_h > 12 ? 2 : 0;
	int y = top;
	for (size_t i = 0; i < ARRAY_LEN(above); i++)
		if (l->rows[above[i]]) {
			l->y[above[i]] = y;
			y += l->rows[above[i]];
		}
	l->digits_y = y + spare / 2;
	l->digits_h -= spare;
	y += l->digits_h + spare;
	for (size_t i = 0; i < ARRAY_LEN(below); i++)
		if (l->rows[below[i]]) {
			l->y[below[i]] = y;
			y += l->rows[below[i]];
		}
}

/* ---- drawing ---- */

/* bigfont_fit(), remembered: the digits' shape changes seldom (":" and
 * the number of digits), the text every second. */
static struct bigfont_scale fit(const char *text, int cols, int rows)
{
	static char shape[32];
	static int c, r;
	static struct bigfont_scale s;
	char now[32];
	size_t n = 0;
	for (; text[n] && n < sizeof now - 1; n++)
		now[n] = text[n] >= '0' && text[n] <= '9' ? '0' : text[n];
	now[n] = '\0';
	if (cols != c || rows != r || strcmp(now, shape)) {
		s = bigfont_fit(text, cols, rows);
		memcpy(shape, now, n + 1);
		c = cols;
		r = rows;
	}
	return s;
}

/* One character of the digits (or all when i < 0): as cells of the direct
 * area (ui_direct.c), or, where the terminal cannot take that or the font
 * does not fit, as rows of wide characters through ncurses. */
static void big_rows(struct ui *ui, const struct layout *l, const char *text, int only)
{
	wchar_t row[512];
	int w = l->w < 511 ? l->w : 511;
	int rows_cap = digits_cap(ui);
	struct bigfont_scale s = fit(text, w, l->digits_h < rows_cap ? l->digits_h : rows_cap);
	int width = s.w ? bigfont_width(text, s) : (int)strlen(text);
	int height = s.w ? bigfont_height(s) : 1;
	int x0 = (w - width) / 2, y0 = (l->digits_h - height) / 2;
	bool direct = ui->direct.h > 0 && s.w;
	wchar_t block = ui->utf8 ? L'\u2588' : L'#';
	/* the columns to write: all, or those of character `only` */
	int from = 0, to = w, first = 0, last = (int)strlen(text);
	if (only >= 0 && s.w) {
		from = x0;
		for (int i = 0; i < only; i++)
			from += (bigfont_char_width(text[i]) + 1) * s.w;
		to = from + bigfont_char_width(text[only]) * s.w;
		first = only;
		last = only + 1;
	}
	for (int r = 0; r < l->digits_h; r++) {
		int py = r - y0;
		if (only >= 0 && (py < 0 || py >= height))
			continue;
		for (int i = from; i < to; i++)
			row[i] = L' ';
		if (!s.w && py == 0) {
			for (int i = 0; text[i] && x0 + i < w; i++)
				row[x0 + i] = (wchar_t)(unsigned char)text[i];
		} else if (s.w && py >= 0 && py < height) {
			int x = only >= 0 ? from : x0;
			for (int k = first; k < last; k++) {
				int cw = bigfont_char_width(text[k]);
				for (int px = 0; px < cw; px++)
					for (int sx = 0; sx < s.w; sx++, x++)
						if (x >= 0 && x < w && bigfont_pixel(text[k], px, py / s.h))
							row[x] = block;
				x += s.w;
			}
		}
		if (direct)
			for (int i = from; i < to; i++)
				ui_direct_set(ui, r, i, row[i] != L' ');
		else
			mvaddnwstr(l->digits_y + r, l->x + from, row + from, to - from);
	}
}

static void draw_big(struct ui *ui, const struct layout *l, const char *text, enum ui_color c)
{
	const char *prev = ui->shown_big;
	if (!ui->full && !strcmp(prev, text))
		return;
	/* side colours help across a room; otherwise plain cells, no attributes */
	bool colored = c == C_LEFT || c == C_RIGHT || c == C_ICE || c == C_REST;
	if (ui->direct.h)
		ui_direct_color(ui, colored ? c : C_NORMAL);
	else if (colored)
		ui_color_on(ui, c);
	if (!ui->full && strlen(prev) == strlen(text)) {
		/* same shape: only the characters that changed (mostly the last) */
		for (int i = 0; text[i]; i++)
			if (text[i] != prev[i])
				big_rows(ui, l, text, i);
	} else {
		big_rows(ui, l, text, -1);
	}
	if (colored && !ui->direct.h)
		ui_color_off(ui, c);
	snprintf(ui->shown_big, sizeof ui->shown_big, "%s", text);
}

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
	ui_color_on(ui, c);
	ui_wrap(ui, y, l->rows[id], l->x, l->w, 0, text);
	ui_color_off(ui, c);
}

static void draw_bars(struct ui *ui, const struct layout *l, const struct engine_view *v)
{
	static const char *const label[] = { "step    ", "session " };
	const int ids[] = { L_STEP, L_SESSION };
	const double frac[] = { v->step_progress, v->session_progress };
	int bw = l->w - 8 - 5;
	for (int i = 0; i < 2; i++) {
		int y = l->y[ids[i]];
		int fill = (int)(frac[i] * bw + 0.5), pct = (int)(frac[i] * 100 + 0.5);
		if (y < 0 || (!ui->full && ui->shown_bar[i][0] == fill && ui->shown_bar[i][1] == pct))
			continue;
		ui->shown_bar[i][0] = fill;
		ui->shown_bar[i][1] = pct;
		move(y, l->x);
		clrtoeol();
		ui_color_on(ui, C_DIM);
		mvaddstr(y, l->x, label[i]);
		ui_color_off(ui, C_DIM);
		ui_bar(ui, y, l->x + 8, bw, frac[i]);
		printw(" %3d%%", pct);
	}
}

static void draw_list(struct ui *ui, const struct layout *l, const struct engine_view *v)
{
	const struct routine *r = ui->sess.r;
	int h = ui->rows - 2;
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
		const char *mark = i < cur ? (ui->utf8 ? "\u2713 " : "* ") :
				   i == cur ? (ui->utf8 ? "\u25b6 " : "> ") : "  ";
		enum ui_color c = i < cur ? C_GOOD : i == cur ? C_TITLE : C_DIM;
		ui_color_on(ui, c);
		mvaddstr(1 + row, 1, mark);
		ui_text_cut(ui, 1 + row, 3, l->list_w - 3, r->steps[i].name);
		ui_color_off(ui, c);
	}
	for (int row = 0; row < h; row++)
		mvaddstr(1 + row, l->list_w, ui->utf8 ? "\u2502" : "|");
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
	} h[6];
	int nh = 0;
#define HINT(rank_, ...) do { \
		snprintf(h[nh].text, sizeof h[nh].text, __VA_ARGS__); \
		h[nh++].rank = (rank_); \
	} while (0)
	if (v->done) {
		HINT(0, "%s", ui->session_from_picker ? "any key: back to the list" : "any key: quit");
	} else if (ui->confirming_quit) {
		/* the question takes the next key, whatever it is */
		HINT(0, "y quit");
		HINT(1, "any other key goes on");
	} else if (v->input == INPUT_REPS) {
		HINT(0, "%s rep", pause);
		HINT(1, "%s set done", next);
		HINT(3, "%s back", back);
		HINT(2, "%s quit", quit);
		HINT(4, "? help");
	} else if (v->input == INPUT_RATING || v->input == INPUT_COUNT) {
		HINT(0, "0-9 then Enter");
		HINT(1, "%s skip", next);
		HINT(3, "%s back", back);
		HINT(2, "%s quit", quit);
		HINT(4, "? help");
	} else {
		HINT(0, "%s pause", pause);
		HINT(1, "%s next", next);
		HINT(3, "%s back", back);
		HINT(5, "+/- 15s");
		HINT(2, "%s quit", quit);
		HINT(4, "? help");
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

static void draw_frame(struct ui *ui, const struct engine_view *v)
{
	char right[64];
	if (v->done)
		snprintf(right, sizeof right, "done ");
	else
		snprintf(right, sizeof right, "step %zu of %zu%s ", v->step_index + 1, v->nsteps,
			 ui->o->speed > 1 ? "  practice" : "");
	ui_title_bar(ui, ui->sess.r->name, right);
	char keys[200];
	key_help(ui, v, ui->cols - 2, keys, sizeof keys);
	move(ui->rows - 1, 0);
	clrtoeol();
	ui_color_on(ui, C_DIM);
	ui_text_cut(ui, ui->rows - 1, 1, ui->cols - 2, keys);
	ui_color_off(ui, C_DIM);
}

/* Below 20x6 the note asking for room, and the time on the last row: the
 * timer keeps going. */
static void draw_too_small(struct ui *ui, const struct engine_view *v)
{
	erase();
	char t[32];
	big_text(v, t, sizeof t);
	bool time_row = t[0] && ui->rows > 1;
	ui_too_small(ui, ui->rows - time_row);
	if (time_row)
		mvaddnstr(ui->rows - 1, 0, t, ui->cols);
}

static void draw_done(struct ui *ui, const struct engine_view *v)
{
	erase();
	draw_frame(ui, v);
	const char *st = ui->sess.e.end_status ? ui->sess.e.end_status : "complete";
	char line[300];
	snprintf(line, sizeof line, "%s: session %s.", ui->sess.r->name,
		 !strcmp(st, "complete") ? "complete. Well done" : "ended");
	int y = ui->rows / 2 - 1;
	ui_color_on(ui, C_GOOD);
	y += ui_wrap(ui, y, 2, 2, ui->cols - 4, 0, line);
	ui_color_off(ui, C_GOOD);
	if (ui->sess.log_path) {
		snprintf(line, sizeof line, "Logged to %s", ui->sess.log_path);
		y = y > ui->rows / 2 + 1 ? y : ui->rows / 2 + 1;
		ui_wrap(ui, y, ui->rows - 1 - y, 2, ui->cols - 4, 0, line);
	}
}

static void draw(struct ui *ui)
{
	/* once a second only numbers change: the words and the layout of the
	 * last full redraw still hold */
	static struct layout l;
	struct engine_view v;
	if (ui->full)
		engine_view(&ui->sess.e, &v);
	else
		engine_view_numbers(&ui->sess.e, &v);
	char text[400], big[32];
	big_text(&v, big, sizeof big);
	if (!ui->full && l.big && strlen(big) != strlen(ui->shown_big)) {
		/* 10:00 to 9:59: the digits may fit the area differently */
		ui->full = true;
		engine_view(&ui->sess.e, &v);
	}
	if (ui->rows < 6 || ui->cols < 20 || v.done) {
		ui_direct_area(ui, 0, 0, 0, 0);
		if (v.done)
			draw_done(ui, &v);
		else
			draw_too_small(ui, &v);
		return;
	}
	if (ui->full) {
		struct words t;
		frame_words(ui, &v, &t);
		plan_layout(ui, &v, &t, &l);
		/* the digits' area is recoup's own when the font fits it */
		int w = l.w < 511 ? l.w : 511;
		int cap = digits_cap(ui);
		bool own = ui->direct.on && l.big &&
			   fit(big, w, l.digits_h < cap ? l.digits_h : cap).w > 0;
		ui_direct_area(ui, l.digits_y, l.x, own ? l.digits_h : 0, w);
		erase();
		draw_frame(ui, &v);
		if (l.list_w)
			draw_list(ui, &l, &v);
		draw_line(ui, &l, L_TITLE, v.title, C_NORMAL);
		draw_line(ui, &l, L_CUE, t.cue ? t.cue : "", C_DIM);
		draw_line(ui, &l, L_NEXT, t.next, C_DIM);
		draw_line(ui, &l, L_PROMPT, t.prompt, C_WARN);
	}
	enum ui_color pc = v.paused ? C_WARN : phase_color(&v);
	/* what changes with time, redrawn only when it did */
	heading(&v, l.big ? "" : big, l.w, text, sizeof text);
	if (ui->full || strcmp(text, ui->shown_phase)) {
		draw_line(ui, &l, L_PHASE, text, pc);
		snprintf(ui->shown_phase, sizeof ui->shown_phase, "%s", text);
	}
	if (l.big)
		draw_big(ui, &l, big, v.paused ? C_DIM : pc);
	counters(&v, text, sizeof text, false);
	if (ui_width(text) > l.w)
		counters(&v, text, sizeof text, true);
	if (ui->full || strcmp(text, ui->shown_counters)) {
		draw_line(ui, &l, L_COUNTERS, text, C_NORMAL);
		snprintf(ui->shown_counters, sizeof ui->shown_counters, "%s", text);
	}
	draw_bars(ui, &l, &v);
}

/* ---- time and keys ---- */

static void tick(struct ui *ui)
{
	struct engine *e = &ui->sess.e;
	session_tick(&ui->sess);
	if (e->cue_seq != ui->seen_cue) {
		ui->seen_cue = e->cue_seq;
		ui->last_beep_sec = -1;
		ui->message[0] = '\0';
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
		picker_reload(ui);
		ui_switch(ui, SCREEN_PICKER);
	} else {
		ui->quit = true;
	}
}

static void key(struct ui *ui, int ch)
{
	struct engine *e = &ui->sess.e;
	const struct options *o = ui->o;
	ui->full = true;
	/* just after a set ended by itself, presses meant for it are dropped
	 * (the engine's rule); q still asks */
	if (engine_guarded(e) && ch != o->key_quit && !ui->confirming_quit)
		return;
	if (e->status == ENGINE_DONE) {
		leave_finished(ui);
		return;
	}
	if (ui->confirming_quit) {
		ui->confirming_quit = false;
		if (ch == 'y' || ch == 'Y') {
			engine_quit(e);
			leave_finished(ui);
		} else if (ui->quit_paused) {
			engine_release(e); /* "no": on from where it was */
		}
		ui->quit_paused = false;
		return;
	}
	if (ch == o->key_quit) {
		if (o->confirm_quit) {
			/* a countdown waits for the answer: a set must not count
			 * reps, nor a spot minutes, behind the question */
			ui->quit_paused = engine_hold(e);
			ui->confirming_quit = true;
		} else {
			engine_quit(e);
			leave_finished(ui);
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
	.draw = draw,
	.key = key,
	.tick = tick,
	.next_wake = next_wake,
};
