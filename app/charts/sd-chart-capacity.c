/* sd-chart-capacity.c — the sales plan against what the team can sell
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
#include "sd-chart-capacity.h"

/* Colours the shared style has no field for; chosen per palette by the background. */
typedef struct {
  SdChartColor hires;
  SdChartColor gap;
} CapacityColors;

static void
capacity_colors (const SdChartStyle *style,
                 CapacityColors     *colors)
{
  gboolean dark = sd_chart_color_luminance (&style->background) < 0.4;

  /* Purple for hires: apart from the team's blue in hue and from the red gap for every common
   * kind of colour blindness, since the gap is also translucent and outlined. */
  if (dark)
    colors->hires = (SdChartColor) { 0xc0 / 255.0, 0x61 / 255.0, 0xcb / 255.0, 1.0 };
  else
    colors->hires = (SdChartColor) { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1.0 };

  colors->gap = style->negative;
  colors->gap.alpha = dark ? 0.40 : 0.30;
}

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

static SdMoney
saturating_add (SdMoney a,
                SdMoney b)
{
  SdMoney sum;

  if (__builtin_add_overflow (a, b, &sum))
    return a > 0 ? G_MAXINT64 : G_MININT64;
  return sum;
}

/* The team's own part of the bar: never below zero. */
static SdMoney
team_capacity (const SdChartCapacityMonth *m)
{
  return MAX (m->capacity, 0);
}

static SdMoney
hires_capacity (const SdChartCapacityMonth *m)
{
  return MAX (m->hires_capacity, 0);
}

static SdMoney
total_capacity (const SdChartCapacityMonth *m)
{
  return saturating_add (team_capacity (m), hires_capacity (m));
}

SdMoney
sd_chart_capacity_gap (const SdChartCapacityMonth *month)
{
  SdMoney total, gap;

  g_return_val_if_fail (month != NULL, 0);

  if (!month->has_plan)
    return 0;
  total = total_capacity (month);
  if (month->plan <= total || __builtin_sub_overflow (month->plan, total, &gap))
    return 0;
  return gap;
}

static gboolean
has_any_hires (const SdChartCapacity *data)
{
  for (guint i = 0; i < data->n_months; i++)
    {
      if (hires_capacity (&data->months[i]) > 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_any_gap (const SdChartCapacity *data)
{
  for (guint i = 0; i < data->n_months; i++)
    {
      if (sd_chart_capacity_gap (&data->months[i]) > 0)
        return TRUE;
    }
  return FALSE;
}

static guint
legend_items (const SdChartCapacity *data,
              const SdChartStyle    *style,
              const CapacityColors  *colors,
              SdChartLegendItem     *items)
{
  guint n = 0;

  /* Translators: chart legend: what the current sales team can sell in a month. */
  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_BAR, &style->fact, _("Team capacity") };
  if (has_any_hires (data))
    /* Translators: chart legend: what managers still to be hired will add. */
    items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_BAR, &colors->hires, _("Planned hires") };
  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_LINE, &style->plan, _("Plan") };
  if (has_any_gap (data))
    /* Translators: chart legend: the part of the plan nobody can sell. */
    items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_BAND, &colors->gap, _("Gap") };

  return n;
}

static void
compute_layout (SdChartCanvas         *canvas,
                const SdChartCapacity *data,
                const CapacityColors  *colors,
                SdChartMonthLayout    *layout)
{
  SdChartLegendItem items[4];
  guint n_items = legend_items (data, canvas->style, colors, items);
  gint64 lo = 0, hi = 0;

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartCapacityMonth *m = &data->months[i];

      hi = MAX (hi, rubles_ceil (total_capacity (m)));
      if (m->has_plan)
        {
          lo = MIN (lo, rubles_floor (m->plan));
          hi = MAX (hi, rubles_ceil (m->plan));
        }
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

static void
draw_bars (SdChartCanvas            *canvas,
           const SdChartCapacity    *data,
           const CapacityColors     *colors,
           const SdChartMonthLayout *layout)
{
  cairo_t *cr = canvas->cr;
  double zero = money_y (layout, 0);
  double radius = layout->bar_width >= 10 ? 2 : 0;

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartCapacityMonth *m = &data->months[i];
      SdMoney team = team_capacity (m), total = total_capacity (m), gap;
      double x0, x1;

      _sd_chart_month_layout_bar (layout, i, &x0, &x1);

      /* The hires' part first, from zero to the total, then the team's over its lower part:
       * so the two meet without a seam and only the top corners are rounded. */
      if (total > team)
        _sd_chart_bar (cr, x0, x1, money_y (layout, total), zero, radius, &colors->hires);
      if (team > 0)
        _sd_chart_bar (cr, x0, x1, money_y (layout, team), zero, total > team ? 0 : radius,
                       &canvas->style->fact);

      gap = sd_chart_capacity_gap (m);
      if (gap > 0)
        {
          SdChartRect rect;

          if (_sd_chart_bar_rect (x0, x1, money_y (layout, m->plan), money_y (layout, total),
                                  &rect))
            {
              cairo_save (cr);
              _sd_chart_set_color (cr, &colors->gap);
              cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
              cairo_fill (cr);
              /* A solid edge, so that a thin gap still reads as a warning. */
              if (rect.width >= 6 && rect.height >= 4)
                {
                  cairo_set_line_width (cr, 1.0);
                  _sd_chart_set_color (cr, &canvas->style->negative);
                  cairo_rectangle (cr, rect.x + 0.5, rect.y + 0.5, rect.width - 1,
                                   rect.height - 1);
                  cairo_stroke (cr);
                }
              cairo_restore (cr);
            }
        }
    }
}

static void
draw_plan (SdChartCanvas            *canvas,
           const SdChartCapacity    *data,
           const SdChartMonthLayout *layout)
{
  cairo_t *cr = canvas->cr;
  const SdChartStyle *style = canvas->style;
  double marker = layout->slot >= 16 ? 3.5 : layout->slot >= 10 ? 2.5 : 0;
  gboolean drawing = FALSE;

  cairo_save (cr);
  cairo_set_line_width (cr, layout->slot >= 6 ? 2.0 : 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  _sd_chart_set_color (cr, &style->plan);

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartCapacityMonth *m = &data->months[i];
      double cx = layout->plot.x + (i + 0.5) * layout->slot;

      if (!m->has_plan)
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, cx, money_y (layout, m->plan));
      else
        cairo_move_to (cr, cx, money_y (layout, m->plan));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  /* A plan month alone between months without one is a level across its bar. */
  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartCapacityMonth *m = &data->months[i];
      gboolean alone = m->has_plan
                       && (i == 0 || !data->months[i - 1].has_plan)
                       && (i + 1 == data->n_months || !data->months[i + 1].has_plan);
      double x0, x1;

      if (!alone)
        continue;
      _sd_chart_month_layout_bar (layout, i, &x0, &x1);
      if (layout->slot >= 10)
        {
          x0 -= 4;
          x1 += 4;
        }
      cairo_move_to (cr, x0, money_y (layout, m->plan));
      cairo_line_to (cr, x1, money_y (layout, m->plan));
      cairo_stroke (cr);
    }

  if (marker > 0)
    {
      for (guint i = 0; i < data->n_months; i++)
        {
          const SdChartCapacityMonth *m = &data->months[i];
          double cx = layout->plot.x + (i + 0.5) * layout->slot;
          double cy;

          if (!m->has_plan)
            continue;
          cy = money_y (layout, m->plan);
          if (style->background.alpha > 0)
            {
              _sd_chart_set_color (cr, &style->background);
              cairo_arc (cr, cx, cy, marker + 1.5, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          _sd_chart_set_color (cr, &style->plan);
          cairo_arc (cr, cx, cy, marker, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  cairo_restore (cr);
}

void
sd_chart_draw_capacity (cairo_t               *cr,
                        int                    width,
                        int                    height,
                        const SdChartCapacity *data,
                        const SdChartStyle    *style)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;
  CapacityColors colors;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->months != NULL || data->n_months == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  capacity_colors (style, &colors);
  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  compute_layout (&canvas, data, &colors, &layout);

  _sd_chart_paint_background (&canvas);
  _sd_chart_month_layout_draw_frame (&canvas, &layout);

  if (!layout.empty && layout.plot.width > 0 && layout.plot.height > 0)
    {
      if (data->has_highlight)
        _sd_chart_month_layout_shade (&canvas, &layout, data->highlight);
      draw_bars (&canvas, data, &colors, &layout);
      _sd_chart_value_axis_draw_zero (&canvas, &layout.values, &layout.plot);
      draw_plan (&canvas, data, &layout);
    }

  if (layout.show_legend)
    {
      SdChartLegendItem items[4];
      guint n_items = legend_items (data, style, &colors, items);

      _sd_chart_legend_draw (&canvas, items, n_items, layout.legend_x, layout.legend_y);
    }

  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_capacity_hit (int                    width,
                       int                    height,
                       const SdChartCapacity *data,
                       const SdChartStyle    *style,
                       double                 x,
                       double                 y)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;
  CapacityColors colors;
  int index;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (data->months != NULL || data->n_months == 0, -1);
  g_return_val_if_fail (style != NULL, -1);

  capacity_colors (style, &colors);
  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &colors, &layout);
  index = layout.empty ? -1 : _sd_chart_slot_hit (&layout.plot, data->n_months, x, y);
  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);

  return index;
}

gboolean
sd_chart_capacity_item_rect (int                    width,
                             int                    height,
                             const SdChartCapacity *data,
                             const SdChartStyle    *style,
                             guint                  index,
                             SdChartRect           *rect)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;
  CapacityColors colors;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->months != NULL || data->n_months == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  capacity_colors (style, &colors);
  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &colors, &layout);

  if (index < data->n_months && !layout.empty && layout.plot.width > 0 && layout.plot.height > 0)
    {
      double x0, x1, zero = money_y (&layout, 0);

      _sd_chart_month_layout_bar (&layout, index, &x0, &x1);
      if (!_sd_chart_bar_rect (x0, x1, money_y (&layout, total_capacity (&data->months[index])),
                               zero, rect))
        *rect = (SdChartRect) { round (x0), round (zero), MAX (1, round (x1) - round (x0)), 0 };
      found = TRUE;
    }

  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

char *
sd_chart_capacity_tooltip (const SdChartCapacity *data,
                           const SdChartStyle    *style,
                           guint                  index)
{
  const SdChartCapacityMonth *m;
  g_autofree char *month = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *plan = NULL;
  GString *out;
  SdNumberStyle ns;
  const char *sym;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_months || data->months == NULL)
    return NULL;

  m = &data->months[index];
  ns = style->number_style;
  sym = data->currency_symbol;
  month = _sd_chart_month_label (data->first_month + (SdMonth) index);
  capacity = sd_chart_format_money_exact (total_capacity (m), ns, sym);
  out = g_string_new (NULL);

  if (m->has_plan)
    {
      plan = sd_chart_format_money_exact (m->plan, ns, sym);
      /* Translators: chart tooltip: month, plan, what the team can sell, e.g.
       * "March 2026: plan 12,000,000 ₽, capacity 9,500,000 ₽". */
      g_string_append_printf (out, _("%s: plan %s, capacity %s"), month, plan, capacity);
    }
  else
    /* Translators: chart tooltip for a month without a plan: month, capacity. */
    g_string_append_printf (out, _("%s: no plan, capacity %s"), month, capacity);

  if (hires_capacity (m) > 0)
    {
      g_autofree char *team = sd_chart_format_money_exact (team_capacity (m), ns, sym);
      g_autofree char *hires = sd_chart_format_money_exact (hires_capacity (m), ns, sym);

      /* Translators: appended to the capacity in the tooltip: the current team's part and
       * what planned hires add, e.g. " (team 8,000,000 ₽, planned hires 1,500,000 ₽)". */
      g_string_append_printf (out, _(" (team %s, planned hires %s)"), team, hires);
    }

  if (m->has_plan)
    {
      SdMoney gap = sd_chart_capacity_gap (m);

      if (gap > 0)
        {
          g_autofree char *gap_text = sd_chart_format_money_exact (gap, ns, sym);

          /* Translators: the end of the capacity tooltip: how much of the plan nobody can
           * sell, e.g. ", gap 2,500,000 ₽". */
          g_string_append_printf (out, _(", gap %s"), gap_text);
        }
      else
        /* Translators: the end of the capacity tooltip when the team can sell the plan. */
        g_string_append (out, _(", no gap"));
    }

  return g_string_free (out, FALSE);
}

char *
sd_chart_capacity_describe (const SdChartCapacity *data,
                            const SdChartStyle    *style)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *range = NULL;
  SdMoney largest = 0;
  guint n_gaps = 0, largest_i = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (data->n_months == 0 || data->months == NULL)
    /* Translators: accessible description of an empty capacity chart. */
    return g_strdup (_("Plan against sales capacity by month: no data"));

  first = _sd_chart_month_label (data->first_month);
  last = _sd_chart_month_label (data->first_month + (SdMonth) data->n_months - 1);
  range = data->n_months == 1 ? g_strdup (first) : g_strdup_printf (_("%s – %s"), first, last);

  for (guint i = 0; i < data->n_months; i++)
    {
      SdMoney gap = sd_chart_capacity_gap (&data->months[i]);

      if (gap > 0)
        n_gaps++;
      if (gap > largest)
        {
          largest = gap;
          largest_i = i;
        }
    }

  if (n_gaps == 0)
    /* Translators: accessible description of the capacity chart when capacity covers the
     * plan in every month. */
    return g_strdup_printf (_("Plan against sales capacity by month, %s: capacity covers the "
                              "plan in every month"), range);

  {
    g_autofree char *gap_text = sd_chart_format_money_short (largest, style->number_style,
                                                             data->currency_symbol);
    g_autofree char *when = _sd_chart_month_label (data->first_month + (SdMonth) largest_i);
    g_autofree char *months = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u month", "%u months", n_gaps),
                                               n_gaps);

    /* Translators: accessible description of the capacity chart: months covered, how many
     * months the plan is above capacity ("3 months"), the largest gap and its month. */
    return g_strdup_printf (_("Plan against sales capacity by month, %s: the plan is above "
                              "capacity in %s, most in %s (%s)"), range, months, when, gap_text);
  }
}
