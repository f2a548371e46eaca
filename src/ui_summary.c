/* ui_summary.c: the end of a session on the dashboard (ui_summary.h).  The
 * summary is built once (session_summary()); the screen lays its lines out
 * afresh at each draw, so a resize only moves them.  Scrolling goes a
 * whole line at a time: a wrapped line is never shown from its middle. */
#include "config.h"

#include "ui_summary.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Lines of the screen's text: the heading, the summary, the log. */
#define MAX_EXTRA 4

struct item {
	const char *text;       /* "" for a blank row */
	enum ui_color color;
};

struct page {
	struct item *v;
	int n;
	int y, h, x, w;         /* the area between the title bar and the key help */
};

static enum ui_color kind_color(enum summary_kind k)
{
	switch (k) {
	case SUMMARY_GOOD: return C_GOOD;
	case SUMMARY_SHORT: return C_WARN;
	case SUMMARY_NOTE: return C_TITLE;
	default: return C_NORMAL;
	}
}

/* The items and the area; `logged` holds the "Logged to" line.  The
 * caller frees p->v. */
static void page_make(struct ui *ui, struct page *p, char *logged, size_t n)
{
	const struct summary *s = session_summary(&ui->sess);
	bool roomy = ui->paint.rows >= 12;
	p->v = xcalloc(s->n + MAX_EXTRA, sizeof *p->v);
	p->n = 0;
	p->v[p->n++] = (struct item){ summary_heading(s), s->complete ? C_GOOD : C_WARN };
	if (roomy)
		p->v[p->n++] = (struct item){ "", C_NORMAL };
	for (size_t i = 0; i < s->n; i++)
		p->v[p->n++] = (struct item){ s->v[i].text, kind_color(s->v[i].kind) };
	if (ui->sess.log_path) {
		snprintf(logged, n, "Logged to %s", ui->sess.log_path);
		if (roomy)
			p->v[p->n++] = (struct item){ "", C_NORMAL };
		p->v[p->n++] = (struct item){ logged, C_DIM };
	}
	p->y = 1 + roomy;
	p->h = ui->paint.rows - 2 - roomy;
	p->x = 2;
	p->w = ui->paint.cols - 4;
}

static int item_rows(const struct page *p, int i)
{
	int r = p->v[i].text[0] ? paint_wrap_rows(p->v[i].text, p->w, 2) : 1;
	return r > 0 ? r : 1;
}

/* Whether it all fits without scrolling. */
static bool page_fits(const struct page *p)
{
	int rows = 0;
	for (int i = 0; i < p->n; i++)
		rows += item_rows(p, i);
	return rows <= p->h;
}

/* Rows for the text: one goes to the "more" mark when it scrolls. */
static int text_rows(const struct page *p)
{
	return page_fits(p) ? p->h : p->h - 1;
}

/* Items shown whole from `top` (at least one). */
static int page_count(const struct page *p, int top)
{
	int rows = 0, k = 0, room = text_rows(p);
	for (int i = top; i < p->n; i++, k++) {
		rows += item_rows(p, i);
		if (rows > room)
			break;
	}
	return k > 0 ? k : 1;
}

/* The last top that still fills the screen. */
static int page_max_top(const struct page *p)
{
	if (page_fits(p))
		return 0;
	int rows = 0, room = text_rows(p), top = p->n;
	while (top > 0 && rows + item_rows(p, top - 1) <= room)
		rows += item_rows(p, --top);
	return top < p->n ? top : p->n - 1;
}

static int clamp_top(const struct page *p, int top)
{
	int max = page_max_top(p);
	return top < 0 ? 0 : top > max ? max : top;
}

/* The key help, in its longest form that fits: how to leave, and how to
 * see the rest when it scrolls. */
static void draw_keys(struct ui *ui, bool scrolls)
{
	static const char *const more[] = { "  Up/Down PgUp/PgDn: more", "  Up/Down: more", "" };
	char leave[16], keys[200];
	const char *to = ui->session_from_picker ? "back to the list" : "quit";
	/* q leaves whatever the quit key is: the end has no other use for it */
	if (ui->o->key_quit == 'q' || ui->o->key_quit == ' ')
		snprintf(leave, sizeof leave, "q or Enter");
	else
		snprintf(leave, sizeof leave, "%c, q or Enter", ui->o->key_quit);
	for (size_t i = scrolls ? 0 : ARRAY_LEN(more) - 1; i < ARRAY_LEN(more); i++) {
		snprintf(keys, sizeof keys, "%s: %s%s", leave, to, more[i]);
		if (paint_width(keys) <= ui->paint.cols - 2)
			break;
	}
	move(ui->paint.rows - 1, 0);
	clrtoeol();
	paint_color_on(&ui->paint, C_DIM);
	paint_text_cut(&ui->paint, ui->paint.rows - 1, 1, ui->paint.cols - 2, keys);
	paint_color_off(&ui->paint, C_DIM);
}

void ui_summary_draw(struct ui *ui)
{
	erase();
	/* below 20x6, as every screen: ask for room (keys still leave) */
	if (ui->paint.rows < 6 || ui->paint.cols < 20) {
		paint_too_small(&ui->paint, ui->paint.rows);
		return;
	}
	paint_title_bar(&ui->paint, ui->sess.r->name, "done ");
	struct page p;
	char logged[1200];
	page_make(ui, &p, logged, sizeof logged);
	struct summary *s = session_summary(&ui->sess);
	s->view_top = clamp_top(&p, s->view_top);
	int top = s->view_top, room = text_rows(&p), y = p.y, i = top;
	for (; i < p.n && y < p.y + room; i++) {
		int rows = item_rows(&p, i);
		if (rows > p.y + room - y) {
			/* an item that does not fit whole waits for the
			 * scroll, under the "more" mark; only one taller
			 * than the room shows what fits, with an ellipsis */
			if (i > top)
				break;
			rows = p.y + room - y;
		}
		paint_color_on(&ui->paint, p.v[i].color);
		paint_wrap(&ui->paint, y, rows, p.x, p.w, 2, p.v[i].text);
		paint_color_off(&ui->paint, p.v[i].color);
		y += rows;
	}
	bool above = top > 0, below = top < page_max_top(&p);
	if (above || below) {
		const char *mark = above && below ? (ui->paint.utf8 ? "\u2191\u2193 more above and below" :
						     "^v more above and below") :
				   below ? (ui->paint.utf8 ? "\u2193 more below" : "v more below") :
					   (ui->paint.utf8 ? "\u2191 more above" : "^ more above");
		paint_color_on(&ui->paint, C_DIM);
		paint_text_cut(&ui->paint, p.y + room, p.x, p.w, mark);
		paint_color_off(&ui->paint, C_DIM);
	}
	draw_keys(ui, above || below);
	free(p.v);
}

bool ui_summary_key(struct ui *ui, int ch)
{
	if (ch == 'q' || ch == ui->o->key_quit || ch == '\r' || ch == '\n' || ch == KEY_ENTER)
		return true;
	if (ui->paint.rows < 6 || ui->paint.cols < 20)
		return false;
	struct page p;
	char logged[1200];
	page_make(ui, &p, logged, sizeof logged);
	struct summary *s = session_summary(&ui->sess);
	int top = clamp_top(&p, s->view_top);
	switch (ch) {
	case KEY_UP: top--; break;
	case KEY_DOWN: top++; break;
	case KEY_PPAGE: {
		/* back by as many as a page from there shows */
		int k = top;
		while (k > 0 && (k - 1) + page_count(&p, k - 1) >= top)
			k--;
		top = k < top ? k : top - 1;
		break;
	}
	case KEY_NPAGE: top += page_count(&p, top); break;
	case KEY_HOME: top = 0; break;
	case KEY_END: top = page_max_top(&p); break;
	default: break;
	}
	s->view_top = clamp_top(&p, top);
	free(p.v);
	return false;
}
