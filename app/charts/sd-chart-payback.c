/* sd-chart-payback.c — a hire's cumulative cost against the revenue it adds
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-chart"

#include "config.h"

#include <math.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-chart-private.h"
#include "sd-chart-payback.h"

static gint64
rubles_floor (SdMoney kopecks)
{
  return kopecks / 100 - (kopecks % 100 < 0 ? 1 : 0);
}

static gint64
rubles_ceil (SdMoney kopecks)
{
  return kopecks / 100 + (kopecks % 100 > 0 ? 1 : 0);
}

/* revenue − cost, saturated: the sign is what matters for shading. */
static SdMoney
net_of (const SdChartPaybackMonth *m)
{
  SdMoney net;

  if (__builtin_sub_overflow (m->revenue, m->cost, &net))
    return m->revenue > m->cost ? G_MAXINT64 : G_MININT64;
  return net;
}

gboolean
sd_chart_payback_find (const SdChartPaybackMonth *months,
                       guint                      n_months,
                       guint                     *out_index)
{
  g_return_val_if_fail (months != NULL || n_months == 0, FALSE);
  g_return_val_if_fail (out_index != NULL, FALSE);

  for (guint i = 0; i < n_months; i++)
    {
      if (months[i].cost > 0 && months[i].revenue >= months[i].cost)
        {
          *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
payback_shown (const SdChartPayback *data)
{
  return data->has_payback && data->payback < data->n_months;
}

static guint
legend_items (const SdChartStyle *style,
              SdChartLegendItem  *items)
{
  guint n = 0;

  /* Translators: chart legend: what a hire has cost so far, month by month. */
  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_LINE, &style->negative, _("Cumulative cost") };
  /* Translators: chart legend: the revenue a hire has brought so far. */
  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_LINE, &style->fact, _("Cumulative added revenue") };
  return n;
}

static void
compute_layout (SdChartCanvas        *canvas,
                const SdChartPayback *data,
                SdChartMonthLayout   *layout)
{
  SdChartLegendItem items[2];
  guint n_items = legend_items (canvas->style, items);
  gint64 lo = 0, hi = 0;

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPaybackMonth *m = &data->months[i];

      lo = MIN (lo, rubles_floor (MIN (m->cost, m->revenue)));
      hi = MAX (hi, rubles_ceil (MAX (m->cost, m->revenue)));
    }

  _sd_chart_month_layout_init (layout, canvas, data->first_month, data->n_months,
                               SD_CHART_UNIT_RUBLES, lo, hi, data->currency_symbol,
                               _sd_chart_legend_width (canvas, items, n_items));
}

static double
money_y (const SdChartMonthLayout *layout,
         SdMoney                   value)
{
  return _sd_chart_value_axis_map (&layout->values, (double) value / 100.0,
                                   layout->plot.y + layout->plot.height, layout->plot.y);
}

static double
center_x (const SdChartMonthLayout *layout,
          guint                     i)
{
  return layout->plot.x + (i + 0.5) * layout->slot;
}

static void
fill_polygon (cairo_t            *cr,
              const double       *xy,
              guint               n_points,
              const SdChartColor *color)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
  _sd_chart_set_color (cr, color);
  cairo_fill (cr);
}

/* The net between the two lines: red while the hire is a loss, green once it has earned more. */
static void
draw_net (SdChartCanvas            *canvas,
          const SdChartPayback     *data,
          const SdChartMonthLayout *layout)
{
  cairo_t *cr = canvas->cr;
  SdChartColor gain = canvas->style->positive, loss = canvas->style->negative;

  gain.alpha = 0.18;
  loss.alpha = 0.14;

  cairo_save (cr);
  /* No antialiasing between adjacent pieces: it would leave faint seams. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);

  for (guint i = 0; i + 1 < data->n_months; i++)
    {
      const SdChartPaybackMonth *a = &data->months[i], *b = &data->months[i + 1];
      double xa = center_x (layout, i), xb = center_x (layout, i + 1);
      double ca = money_y (layout, a->cost), ra = money_y (layout, a->revenue);
      double cb = money_y (layout, b->cost), rb = money_y (layout, b->revenue);
      SdMoney na = net_of (a), nb = net_of (b);

      if ((na >= 0 && nb >= 0) || (na <= 0 && nb <= 0))
        {
          double quad[8] = { xa, ca, xa, ra, xb, rb, xb, cb };

          fill_polygon (cr, quad, 4, na > 0 || nb > 0 ? &gain : &loss);
        }
      else
        {
          /* The lines cross: split the piece where they meet (both map linearly to y). */
          double t = (double) na / ((double) na - (double) nb);
          double xm = xa + t * (xb - xa), ym = ca + t * (cb - ca);
          double left[6] = { xa, ca, xa, ra, xm, ym };
          double right[6] = { xm, ym, xb, rb, xb, cb };

          fill_polygon (cr, left, 3, na > 0 ? &gain : &loss);
          fill_polygon (cr, right, 3, nb > 0 ? &gain : &loss);
        }
    }
  cairo_restore (cr);
}

static void
draw_line (SdChartCanvas            *canvas,
           const SdChartPayback     *data,
           const SdChartMonthLayout *layout,
           gboolean                  revenue,
           const SdChartColor       *color)
{
  cairo_t *cr = canvas->cr;
  double marker = layout->slot >= 16 || data->n_months == 1 ? 3.5
                  : layout->slot >= 10 ? 2.5 : 0;

  cairo_save (cr);
  cairo_set_line_width (cr, layout->slot >= 6 ? 2.0 : 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  _sd_chart_set_color (cr, color);

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPaybackMonth *m = &data->months[i];
      double y = money_y (layout, revenue ? m->revenue : m->cost);

      if (i == 0)
        cairo_move_to (cr, center_x (layout, i), y);
      else
        cairo_line_to (cr, center_x (layout, i), y);
    }
  cairo_stroke (cr);

  if (marker > 0)
    {
      for (guint i = 0; i < data->n_months; i++)
        {
          const SdChartPaybackMonth *m = &data->months[i];
          double cx = center_x (layout, i), cy = money_y (layout, revenue ? m->revenue : m->cost);

          if (canvas->style->background.alpha > 0)
            {
              _sd_chart_set_color (cr, &canvas->style->background);
              cairo_arc (cr, cx, cy, marker + 1.5, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          _sd_chart_set_color (cr, color);
          cairo_arc (cr, cx, cy, marker, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* A 2-unit wide vertical line, on whole pixels. */
static void
draw_marker_line (cairo_t            *cr,
                  double              x,
                  double              y0,
                  double              y1,
                  const SdChartColor *color)
{
  cairo_save (cr);
  _sd_chart_set_color (cr, color);
  cairo_rectangle (cr, round (x) - 1, round (y0), 2, round (y1) - round (y0));
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The payback month's name beside its line, at the top. */
static void
draw_payback_label (SdChartCanvas            *canvas,
              const SdChartPayback     *data,
              const SdChartMonthLayout *layout)
{
  const SdChartRect *plot = &layout->plot;
  double x = center_x (layout, data->payback);
  g_autofree char *month = _sd_chart_month_label (data->first_month + (SdMonth) data->payback);
  /* Translators: label at the payback line of the chart, e.g. "Pays back: October 2026". */
  g_autofree char *label = g_strdup_printf (_("Pays back: %s"), month);
  double width = _sd_chart_text_width (canvas, label);

  /* The label beside the line at the top, on the side with room, if it fits at all. */
  if (width + canvas->pad <= plot->width)
    {
      if (x + canvas->pad / 2 + width <= plot->x + plot->width)
        _sd_chart_draw_text_knockout (canvas, label, x + canvas->pad / 2, plot->y, 0.0, 0.0,
                                      &canvas->style->text);
      else
        _sd_chart_draw_text_knockout (canvas, label, MAX (x - canvas->pad / 2, plot->x + width),
                                      plot->y, 1.0, 0.0, &canvas->style->text);
    }
}

void
sd_chart_draw_payback (cairo_t              *cr,
                       int                   width,
                       int                   height,
                       const SdChartPayback *data,
                       const SdChartStyle   *style)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->months != NULL || data->n_months == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  compute_layout (&canvas, data, &layout);

  _sd_chart_paint_background (&canvas);
  _sd_chart_month_layout_draw_frame (&canvas, &layout);

  if (!layout.empty && layout.plot.width > 0 && layout.plot.height > 0)
    {
      if (data->has_highlight)
        _sd_chart_month_layout_shade (&canvas, &layout, data->highlight);
      draw_net (&canvas, data, &layout);
      _sd_chart_value_axis_draw_zero (&canvas, &layout.values, &layout.plot);
      if (payback_shown (data))
        draw_marker_line (cr, center_x (&layout, data->payback), layout.plot.y,
                          layout.plot.y + layout.plot.height, &style->positive);
      draw_line (&canvas, data, &layout, FALSE, &style->negative);
      draw_line (&canvas, data, &layout, TRUE, &style->fact);
      /* The label last, over the lines. */
      if (payback_shown (data))
        draw_payback_label (&canvas, data, &layout);
    }

  if (layout.show_legend)
    {
      SdChartLegendItem items[2];
      guint n_items = legend_items (style, items);

      _sd_chart_legend_draw (&canvas, items, n_items, layout.legend_x, layout.legend_y);
    }

  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_payback_hit (int                   width,
                      int                   height,
                      const SdChartPayback *data,
                      const SdChartStyle   *style,
                      double                x,
                      double                y)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;
  int index;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (data->months != NULL || data->n_months == 0, -1);
  g_return_val_if_fail (style != NULL, -1);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);
  index = layout.empty ? -1 : _sd_chart_slot_hit (&layout.plot, data->n_months, x, y);
  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);

  return index;
}

gboolean
sd_chart_payback_item_x (int                   width,
                         int                   height,
                         const SdChartPayback *data,
                         const SdChartStyle   *style,
                         guint                 index,
                         double               *x)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->months != NULL || data->n_months == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);
  if (index < data->n_months && !layout.empty && layout.plot.width > 0 && layout.plot.height > 0)
    {
      *x = center_x (&layout, index);
      found = TRUE;
    }
  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

/* "+150 000 ₽", "−300 000 ₽", "0 ₽": the net always shows its direction. */
static char *
format_net (SdMoney        net,
            SdNumberStyle  style,
            const char    *currency_symbol)
{
  g_autofree char *text = sd_chart_format_money_exact (net, style, currency_symbol);

  if (net > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

char *
sd_chart_payback_tooltip (const SdChartPayback *data,
                          const SdChartStyle   *style,
                          guint                 index)
{
  const SdChartPaybackMonth *m;
  g_autofree char *month = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *net = NULL;
  SdNumberStyle ns;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_months || data->months == NULL)
    return NULL;

  m = &data->months[index];
  ns = style->number_style;
  month = _sd_chart_month_label (data->first_month + (SdMonth) index);
  cost = sd_chart_format_money_exact (m->cost, ns, data->currency_symbol);
  revenue = sd_chart_format_money_exact (m->revenue, ns, data->currency_symbol);
  net = format_net (net_of (m), ns, data->currency_symbol);

  if (payback_shown (data) && data->payback == index)
    /* Translators: payback chart tooltip in the payback month: month, cumulative cost,
     * cumulative added revenue, the difference, e.g. "October 2026: cost 1,200,000 ₽, added
     * revenue 1,350,000 ₽, net +150,000 ₽; the hire pays back this month". */
    return g_strdup_printf (_("%s: cost %s, added revenue %s, net %s; the hire pays back this "
                              "month"), month, cost, revenue, net);

  /* Translators: payback chart tooltip: month, cumulative cost, cumulative added revenue,
   * the difference, e.g. "May 2026: cost 600,000 ₽, added revenue 150,000 ₽, net −450,000 ₽". */
  return g_strdup_printf (_("%s: cost %s, added revenue %s, net %s"), month, cost, revenue, net);
}

char *
sd_chart_payback_describe (const SdChartPayback *data,
                           const SdChartStyle   *style)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *range = NULL;
  g_autofree char *net = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (data->n_months == 0 || data->months == NULL)
    /* Translators: accessible description of an empty payback chart. */
    return g_strdup (_("Hire cost against added revenue: no data"));

  first = _sd_chart_month_label (data->first_month);
  last = _sd_chart_month_label (data->first_month + (SdMonth) data->n_months - 1);
  range = data->n_months == 1 ? g_strdup (first) : g_strdup_printf (_("%s – %s"), first, last);

  if (payback_shown (data))
    {
      g_autofree char *when = _sd_chart_month_label (data->first_month + (SdMonth) data->payback);

      /* Translators: accessible description of the payback chart: months, payback month. */
      return g_strdup_printf (_("Hire cost against added revenue, %s: pays back in %s"),
                              range, when);
    }

  net = format_net (net_of (&data->months[data->n_months - 1]), style->number_style,
                    data->currency_symbol);
  /* Translators: accessible description of the payback chart when the hire does not pay back:
   * months, the last month, the net then, e.g. "…: does not pay back by December 2026 (net
   * −300,000 ₽)". */
  return g_strdup_printf (_("Hire cost against added revenue, %s: does not pay back by %s "
                            "(net %s)"), range, last, net);
}
