/* sd-chart-ranking.c — plan completion per manager, best first
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-chart-private.h"
#include "sd-chart-ranking.h"

/* Bars stop at 300 % (and at −100 %): one manager with a tiny plan must not flatten the rest.
 * Such a bar ends in a notch and its label still says the exact value. */
#define SCALE_MAX_BP 30000
#define SCALE_MIN_BP (-10000)

typedef struct {
  const SdChartRanking *data;
  gint64               *bp;
  gboolean             *defined;
} SortContext;

typedef struct {
  guint           *order;       /* items sorted best first */
  gint64          *bp;          /* completion of each item, where defined */
  gboolean        *defined;
  gboolean         empty;
  SdChartRect      area;
  gboolean         show_axis;   /* tick labels in a row above the bars */
  double           axis_y;
  gboolean         show_names;
  double           name_width;
  gboolean         show_values;
  double           value_width;
  double           bar_x0;      /* x of scale.lo */
  double           bar_x1;      /* x of scale.hi */
  SdChartValueAxis values;
  double           rows_y;
  double           row_height;
  double           bar_height;
  guint            n_top;       /* rows shown from the top of the order … */
  gboolean         gap_row;     /* … then "N more" … */
  guint            n_bottom;    /* … then rows from its bottom */
} RankingLayout;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortContext *ctx = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const char *name_i, *name_j;
  int by_name;

  if (ctx->defined[i] != ctx->defined[j])
    return ctx->defined[i] ? -1 : 1;
  if (ctx->defined[i] && ctx->bp[i] != ctx->bp[j])
    return ctx->bp[i] > ctx->bp[j] ? -1 : 1;

  name_i = ctx->data->items[i].name != NULL ? ctx->data->items[i].name : "";
  name_j = ctx->data->items[j].name != NULL ? ctx->data->items[j].name : "";
  by_name = g_utf8_collate (name_i, name_j);
  if (by_name != 0)
    return by_name;

  return i < j ? -1 : i > j ? 1 : 0;
}

static void
compute_completion (const SdChartRanking *data,
                    gint64               *bp,
                    gboolean             *defined)
{
  for (guint i = 0; i < data->n_items; i++)
    {
      const SdChartRankingItem *item = &data->items[i];

      defined[i] = item->plan > 0 && _sd_chart_ratio_bp (item->fact, item->plan, &bp[i]);
      if (!defined[i])
        bp[i] = 0;
    }
}

static char *
value_text (const RankingLayout *layout,
            const SdChartStyle  *style,
            guint                item)
{
  if (!layout->defined[item])
    /* Translators: in the ranking chart, for a manager without a plan for the period. */
    return g_strdup (_("no plan"));
  return sd_chart_format_percent (layout->bp[item], style->number_style, FALSE);
}

static double
comfortable_row (SdChartCanvas *canvas)
{
  return round (canvas->line_height * 1.9);
}

static void
compute_layout (SdChartCanvas        *canvas,
                const SdChartRanking *data,
                RankingLayout        *layout)
{
  const SdChartStyle *style = canvas->style;
  double pad = canvas->pad, line = canvas->line_height;
  double widest_name = 0, widest_value = 0, bars_width, rows_height, min_row;
  gint64 lo = 0, hi = 10000;
  guint n = data->n_items, max_ticks, fit;
  SortContext ctx;

  memset (layout, 0, sizeof *layout);
  layout->area = (SdChartRect) { pad, pad, canvas->width - 2 * pad, canvas->height - 2 * pad };
  layout->empty = n == 0;
  layout->order = g_new (guint, MAX (n, 1));
  layout->bp = g_new0 (gint64, MAX (n, 1));
  layout->defined = g_new0 (gboolean, MAX (n, 1));

  compute_completion (data, layout->bp, layout->defined);
  for (guint i = 0; i < n; i++)
    layout->order[i] = i;
  ctx = (SortContext) { data, layout->bp, layout->defined };
  g_qsort_with_data (layout->order, (gint) n, sizeof (guint), compare_items, &ctx);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = value_text (layout, style, i);

      if (layout->defined[i])
        {
          lo = MIN (lo, layout->bp[i]);
          hi = MAX (hi, layout->bp[i]);
        }
      widest_value = MAX (widest_value, _sd_chart_text_width (canvas, text));
      if (data->items[i].name != NULL)
        widest_name = MAX (widest_name, _sd_chart_text_width (canvas, data->items[i].name));
    }
  if (data->lag_threshold_bp > 0)
    hi = MAX (hi, data->lag_threshold_bp);
  lo = MAX (lo, SCALE_MIN_BP);
  hi = MIN (hi, SCALE_MAX_BP);

  if (layout->area.width < 1 || layout->area.height < 1 || layout->empty)
    {
      _sd_chart_value_axis_init (&layout->values, canvas, SD_CHART_UNIT_BASIS_POINTS, lo, hi, 2,
                                 NULL);
      return;
    }

  /* Columns: names, bars, values. Names give way first, then the values. */
  layout->show_names = widest_name > 0 && layout->area.width >= line * 12;
  layout->name_width = layout->show_names ? MIN (widest_name, round (layout->area.width * 0.35))
                                          : 0;
  layout->show_values = layout->area.width >= line * 8;
  layout->value_width = layout->show_values ? widest_value : 0;

  layout->bar_x0 = layout->area.x + (layout->show_names ? layout->name_width + pad : 0);
  layout->bar_x1 = layout->area.x + layout->area.width
                   - (layout->show_values ? layout->value_width + pad / 2 : 0);
  bars_width = MAX (0, layout->bar_x1 - layout->bar_x0);

  max_ticks = (guint) CLAMP (floor (bars_width / (line * 4)) + 1, 2, 7);
  _sd_chart_value_axis_init (&layout->values, canvas, SD_CHART_UNIT_BASIS_POINTS, lo, hi,
                             max_ticks, NULL);
  /* The scale may end beyond the data; bars use its whole width. */

  layout->show_axis = layout->area.height >= line * 4;
  layout->axis_y = layout->area.y;
  layout->rows_y = layout->area.y + (layout->show_axis ? line + pad / 2 : 0);
  rows_height = layout->area.y + layout->area.height - layout->rows_y;

  min_row = layout->show_names || layout->show_values ? line + 2 : 4;
  fit = (guint) MAX (0, floor (rows_height / min_row));

  if (n <= fit)
    {
      layout->n_top = n;
      layout->row_height = MIN (rows_height / n, round (line * 2.4));
    }
  else if (fit >= 3)
    {
      layout->gap_row = TRUE;
      layout->n_top = fit / 2;
      layout->n_bottom = fit - 1 - layout->n_top;
      layout->row_height = rows_height / fit;
    }
  else
    {
      layout->n_top = fit;
      layout->row_height = fit > 0 ? rows_height / fit : 0;
    }

  layout->bar_height = MAX (2, round (MIN (layout->row_height * 0.62, line * 1.3)));
}

static void
clear_layout (RankingLayout *layout)
{
  g_clear_pointer (&layout->order, g_free);
  g_clear_pointer (&layout->bp, g_free);
  g_clear_pointer (&layout->defined, g_free);
  _sd_chart_value_axis_clear (&layout->values);
}

static guint
visible_rows (const RankingLayout *layout)
{
  return layout->n_top + (layout->gap_row ? 1 : 0) + layout->n_bottom;
}

/* The item shown in row `row`, or -1 for the "N more" row. */
static int
row_item (const RankingLayout *layout,
          guint                n_items,
          guint                row)
{
  if (row < layout->n_top)
    return (int) layout->order[row];
  if (layout->gap_row && row == layout->n_top)
    return -1;
  row -= layout->n_top + (layout->gap_row ? 1 : 0);
  if (row < layout->n_bottom)
    return (int) layout->order[n_items - layout->n_bottom + row];
  return -1;
}

static double
bp_x (const RankingLayout *layout,
      gint64               bp)
{
  return _sd_chart_value_axis_map (&layout->values, (double) bp, layout->bar_x0, layout->bar_x1);
}

static SdChartRect
hbar_rect (double x_base,
           double x_value,
           double y,
           double height)
{
  double left = round (MIN (x_base, x_value)), right = round (MAX (x_base, x_value));

  if (right <= left)
    right = left + 1;
  return (SdChartRect) { left, round (y), right - left, height };
}

static void
draw_hbar (cairo_t            *cr,
           double              x_base,
           double              x_value,
           double              y,
           double              height,
           double              radius,
           const SdChartColor *color)
{
  SdChartRect r = hbar_rect (x_base, x_value, y, height);
  double left = r.x, right = r.x + r.width, top = r.y, bottom = r.y + r.height;

  radius = MIN (radius, MIN ((right - left) / 2, height / 2));

  cairo_save (cr);
  _sd_chart_set_color (cr, color);
  if (radius < 1)
    cairo_rectangle (cr, left, top, right - left, bottom - top);
  else if (x_value >= x_base)
    {
      cairo_move_to (cr, left, top);
      cairo_arc (cr, right - radius, top + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, right - radius, bottom - radius, radius, 0, 0.5 * G_PI);
      cairo_line_to (cr, left, bottom);
      cairo_close_path (cr);
    }
  else
    {
      cairo_move_to (cr, right, top);
      cairo_line_to (cr, right, bottom);
      cairo_arc (cr, left + radius, bottom - radius, radius, 0.5 * G_PI, G_PI);
      cairo_arc (cr, left + radius, top + radius, radius, G_PI, 1.5 * G_PI);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static const SdChartColor *
bar_color (const SdChartRanking *data,
           const SdChartStyle   *style,
           gint64                bp)
{
  if (bp >= 10000)
    return &style->positive;
  if (bp < data->lag_threshold_bp)
    return &style->negative;
  return &style->fact;
}

static void
draw_axis (SdChartCanvas        *canvas,
           const SdChartRanking *data,
           const RankingLayout  *layout)
{
  cairo_t *cr = canvas->cr;
  double rows_bottom = layout->rows_y + visible_rows (layout) * layout->row_height;
  double last_right = -G_MAXDOUBLE;
  const SdChartScale *scale = &layout->values.scale;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      gint64 tick = scale->lo + (gint64) i * scale->step;
      double x = bp_x (layout, tick);

      if (tick != 0 && tick != 10000)
        _sd_chart_vline (cr, x, layout->rows_y, rows_bottom, &canvas->style->grid);

      if (layout->show_axis)
        {
          g_autoptr(PangoLayout) text = _sd_chart_canvas_layout (canvas, layout->values.labels[i],
                                                                 FALSE);
          double w, left;

          _sd_chart_layout_size (text, &w, NULL);
          left = CLAMP (x - w / 2, 0, canvas->width - w);
          if (left >= last_right + canvas->pad / 2)
            {
              _sd_chart_draw_layout (canvas, text, left, layout->axis_y, 0, 0,
                                     tick == 10000 ? &canvas->style->text
                                                   : &canvas->style->muted_text);
              last_right = left + w;
            }
        }
    }
}

/* The lag threshold, dotted, behind the bars: a bar reaching past it has passed it. */
static void
draw_lag_line (SdChartCanvas        *canvas,
               const SdChartRanking *data,
               const RankingLayout  *layout)
{
  cairo_t *cr = canvas->cr;
  double rows_bottom = layout->rows_y + visible_rows (layout) * layout->row_height;
  static const double dots[] = { 2.0, 3.0 };
  double x;

  if (data->lag_threshold_bp <= 0 || data->lag_threshold_bp >= 10000
      || data->lag_threshold_bp <= layout->values.scale.lo)
    return;

  x = floor (bp_x (layout, data->lag_threshold_bp)) + 0.5;
  cairo_save (cr);
  _sd_chart_set_color (cr, &canvas->style->negative);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_move_to (cr, x, layout->rows_y);
  cairo_line_to (cr, x, rows_bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Zero, and 100 % over the bars: the bars start at one and are judged against the other. */
static void
draw_reference_lines (SdChartCanvas       *canvas,
                      const RankingLayout *layout)
{
  cairo_t *cr = canvas->cr;
  double rows_bottom = layout->rows_y + visible_rows (layout) * layout->row_height;

  if (layout->values.scale.lo < 0)
    _sd_chart_vline (cr, bp_x (layout, 0), layout->rows_y, rows_bottom, &canvas->style->axis);
  _sd_chart_vline (cr, bp_x (layout, 10000),
                   layout->axis_y + (layout->show_axis ? canvas->line_height : 0),
                   rows_bottom, &canvas->style->plan);
}

void
sd_chart_draw_ranking (cairo_t              *cr,
                       int                   width,
                       int                   height,
                       const SdChartRanking *data,
                       const SdChartStyle   *style)
{
  SdChartCanvas canvas;
  RankingLayout layout;
  guint rows;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->items != NULL || data->n_items == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  compute_layout (&canvas, data, &layout);
  _sd_chart_paint_background (&canvas);

  if (layout.empty)
    {
      if (layout.area.width > 0 && layout.area.height > 0)
        _sd_chart_draw_no_data (&canvas, &layout.area);
      goto out;
    }

  rows = visible_rows (&layout);
  if (rows == 0 || layout.bar_x1 <= layout.bar_x0)
    goto out;

  /* Back to front: the hovered row's shade, grid and lag line, names and bars, the 100 % line,
   * then the texts on patches of background so that the lines give way to them. */
  for (guint row = 0; row < rows && data->has_highlight; row++)
    {
      double top = layout.rows_y + row * layout.row_height;

      if (row_item (&layout, data->n_items, row) != (int) data->highlight)
        continue;
      cairo_save (cr);
      _sd_chart_set_color (cr, &style->grid);
      cairo_rectangle (cr, 0, round (top), canvas.width,
                       round (top + layout.row_height) - round (top));
      cairo_fill (cr);
      cairo_restore (cr);
    }

  draw_axis (&canvas, data, &layout);
  draw_lag_line (&canvas, data, &layout);

  for (guint row = 0; row < rows; row++)
    {
      int item = row_item (&layout, data->n_items, row);
      double cy = layout.rows_y + (row + 0.5) * layout.row_height;

      if (item < 0)
        continue;

      if (layout.show_names && data->items[item].name != NULL)
        {
          g_autoptr(PangoLayout) name = _sd_chart_canvas_layout (&canvas, data->items[item].name,
                                                                 FALSE);

          pango_layout_set_width (name, (int) (layout.name_width * PANGO_SCALE));
          pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
          _sd_chart_draw_layout (&canvas, name, layout.area.x, cy, 0.0, 0.5, &style->text);
        }

      /* Zero completion has no bar: a one-pixel stub would read as "a little". */
      if (layout.defined[item] && layout.bp[item] != 0)
        {
          gint64 bp = CLAMP (layout.bp[item], layout.values.scale.lo, layout.values.scale.hi);
          double x_end = bp_x (&layout, bp);
          double y = round (cy - layout.bar_height / 2);

          draw_hbar (cr, bp_x (&layout, 0), x_end, y, layout.bar_height,
                     layout.bar_height >= 8 ? 2 : 0, bar_color (data, style, layout.bp[item]));

          /* Cut off: a notch of background near the end says "goes on". */
          if (bp != layout.bp[item] && layout.bp[item] > 0 && style->background.alpha > 0)
            {
              cairo_save (cr);
              _sd_chart_set_color (cr, &style->background);
              cairo_set_line_width (cr, 2.0);
              cairo_move_to (cr, x_end - 9, y + layout.bar_height + 1);
              cairo_line_to (cr, x_end - 5, y - 1);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
        }
    }

  draw_reference_lines (&canvas, &layout);

  for (guint row = 0; row < rows; row++)
    {
      int item = row_item (&layout, data->n_items, row);
      double cy = layout.rows_y + (row + 0.5) * layout.row_height;
      double x0 = bp_x (&layout, 0);

      if (item < 0)
        {
          guint hidden = data->n_items - layout.n_top - layout.n_bottom;
          g_autofree char *count = sd_chart_format_count (hidden, style->number_style);
          g_autofree char *text = NULL;

          /* Translators: in the ranking chart, between the best and the worst rows when not
           * every manager fits; %s is a number. */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⋯ %s more manager ⋯",
                                               "⋯ %s more managers ⋯", hidden), count);
          _sd_chart_draw_text_knockout (&canvas, text, (layout.bar_x0 + layout.bar_x1) / 2, cy,
                                        0.5, 0.5, &style->muted_text);
        }
      else if (layout.show_values)
        {
          g_autofree char *text = value_text (&layout, style, (guint) item);
          double x = x0;

          if (layout.defined[item] && layout.bp[item] > 0)
            x = bp_x (&layout, MIN (layout.bp[item], layout.values.scale.hi));
          _sd_chart_draw_text_knockout (&canvas, text, x + canvas.pad / 2, cy, 0.0, 0.5,
                                        layout.defined[item] ? &style->text : &style->muted_text);
        }
    }

out:
  clear_layout (&layout);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_ranking_hit (int                   width,
                      int                   height,
                      const SdChartRanking *data,
                      const SdChartStyle   *style,
                      double                x,
                      double                y)
{
  SdChartCanvas canvas;
  RankingLayout layout;
  int item = -1;
  guint rows;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (data->items != NULL || data->n_items == 0, -1);
  g_return_val_if_fail (style != NULL, -1);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);
  rows = visible_rows (&layout);

  if (!layout.empty && rows > 0 && layout.row_height > 0
      && x >= layout.area.x && x < layout.area.x + layout.area.width
      && y >= layout.rows_y && y < layout.rows_y + rows * layout.row_height)
    {
      guint row = (guint) floor ((y - layout.rows_y) / layout.row_height);

      item = row_item (&layout, data->n_items, MIN (row, rows - 1));
    }

  clear_layout (&layout);
  _sd_chart_canvas_clear (&canvas);
  return item;
}

gboolean
sd_chart_ranking_item_rect (int                   width,
                            int                   height,
                            const SdChartRanking *data,
                            const SdChartStyle   *style,
                            guint                 index,
                            SdChartRect          *rect)
{
  SdChartCanvas canvas;
  RankingLayout layout;
  gboolean found = FALSE;
  guint rows;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->items != NULL || data->n_items == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);
  rows = visible_rows (&layout);

  for (guint row = 0; row < rows && !layout.empty && layout.bar_x1 > layout.bar_x0; row++)
    {
      double y;

      if (row_item (&layout, data->n_items, row) != (int) index)
        continue;

      y = round (layout.rows_y + row * layout.row_height + layout.row_height / 2
                 - layout.bar_height / 2);
      if (layout.defined[index] && layout.bp[index] != 0)
        {
          gint64 bp = CLAMP (layout.bp[index], layout.values.scale.lo, layout.values.scale.hi);

          *rect = hbar_rect (bp_x (&layout, 0), bp_x (&layout, bp), y, layout.bar_height);
        }
      else
        *rect = (SdChartRect) { round (bp_x (&layout, 0)), y, 0, layout.bar_height };
      found = TRUE;
      break;
    }

  clear_layout (&layout);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

int
sd_chart_ranking_preferred_height (guint               n_items,
                                   const SdChartStyle *style)
{
  SdChartCanvas canvas;
  double height;

  g_return_val_if_fail (style != NULL, 0);

  _sd_chart_canvas_init (&canvas, NULL, 0, 0, style);
  height = 2 * canvas.pad + canvas.line_height + canvas.pad / 2
           + MAX (n_items, 1) * comfortable_row (&canvas);
  _sd_chart_canvas_clear (&canvas);

  return (int) MIN (ceil (height), G_MAXINT);
}

char *
sd_chart_ranking_tooltip (const SdChartRanking *data,
                          const SdChartStyle   *style,
                          guint                 index)
{
  const SdChartRankingItem *item;
  g_autofree char *plan = NULL;
  g_autofree char *fact = NULL;
  const char *name;
  gint64 bp;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_items || data->items == NULL)
    return NULL;

  item = &data->items[index];
  name = item->name != NULL ? item->name : "";
  plan = sd_chart_format_money_exact (item->plan, style->number_style, data->currency_symbol);
  fact = sd_chart_format_money_exact (item->fact, style->number_style, data->currency_symbol);

  if (item->plan > 0 && _sd_chart_ratio_bp (item->fact, item->plan, &bp))
    {
      g_autofree char *pct = sd_chart_format_percent (bp, style->number_style, FALSE);

      /* Translators: ranking chart tooltip: name, completion, fact, plan, e.g.
       * "Ivan Petrov: 93.8% of plan (fact 11,250,400.50 ₽, plan 12,000,000 ₽)". */
      return g_strdup_printf (_("%s: %s of plan (fact %s, plan %s)"), name, pct, fact, plan);
    }

  /* Translators: ranking chart tooltip for a manager without a plan: name, fact. */
  return g_strdup_printf (_("%s: no plan (fact %s)"), name, fact);
}

char *
sd_chart_ranking_describe (const SdChartRanking *data,
                           const SdChartStyle   *style)
{
  g_autofree gint64 *bp = NULL;
  g_autofree gboolean *defined = NULL;
  g_autofree char *count = NULL;
  g_autofree char *threshold = NULL;
  GString *out;
  guint n_defined = 0, n_lagging = 0, best = 0, worst = 0;
  SdNumberStyle ns;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  ns = style->number_style;
  out = g_string_new (NULL);
  if (data->period_label != NULL && *data->period_label != '\0')
    /* Translators: start of the ranking chart's accessible description; %s is the period. */
    g_string_append_printf (out, _("Plan completion by manager, %s: "), data->period_label);
  else
    g_string_append (out, _("Plan completion by manager: "));

  if (data->n_items == 0 || data->items == NULL)
    {
      /* Translators: end of the ranking chart's accessible description when it is empty. */
      g_string_append (out, _("no managers"));
      return g_string_free (out, FALSE);
    }

  bp = g_new0 (gint64, data->n_items);
  defined = g_new0 (gboolean, data->n_items);
  compute_completion (data, bp, defined);

  for (guint i = 0; i < data->n_items; i++)
    {
      if (!defined[i])
        continue;
      if (n_defined == 0 || bp[i] > bp[best])
        best = i;
      if (n_defined == 0 || bp[i] < bp[worst])
        worst = i;
      if (bp[i] < data->lag_threshold_bp)
        n_lagging++;
      n_defined++;
    }

  count = sd_chart_format_count (data->n_items, ns);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s manager", "%s managers",
                                            data->n_items), count);

  if (n_defined == 0)
    {
      /* Translators: part of the ranking chart's accessible description. */
      g_string_append (out, _(", none has a plan"));
      return g_string_free (out, FALSE);
    }

  {
    g_autofree char *best_pct = sd_chart_format_percent (bp[best], ns, FALSE);
    g_autofree char *worst_pct = sd_chart_format_percent (bp[worst], ns, FALSE);
    const char *best_name = data->items[best].name != NULL ? data->items[best].name : "";
    const char *worst_name = data->items[worst].name != NULL ? data->items[worst].name : "";

    if (best == worst)
      g_string_append_printf (out, _(", %s %s"), best_name, best_pct);
    else
      /* Translators: part of the ranking chart's accessible description: the best manager and
       * their completion, the worst and theirs. */
      g_string_append_printf (out, _(", best %s %s, worst %s %s"),
                              best_name, best_pct, worst_name, worst_pct);
  }

  if (data->lag_threshold_bp > 0)
    {
      g_autofree char *lagging = sd_chart_format_count (n_lagging, ns);

      threshold = sd_chart_format_percent (data->lag_threshold_bp, ns, FALSE);
      /* Translators: end of the ranking chart's accessible description: how many managers
       * are below the lag threshold, e.g. "; 3 below 80.0%". */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "; %s below %s",
                                                "; %s below %s", n_lagging),
                              lagging, threshold);
    }

  return g_string_free (out, FALSE);
}
