/* sd-chart-plan-fact.c — revenue plan against fact, month by month
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
#include "sd-chart-plan-fact.h"

/* Kopecks to whole rubles, rounding outwards so that the scale always covers the value. */
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

static gboolean
has_any_forecast (const SdChartPlanFact *data)
{
  for (guint i = 0; i < data->n_months; i++)
    {
      if (data->months[i].has_forecast)
        return TRUE;
    }
  return FALSE;
}

static guint
legend_items (const SdChartPlanFact *data,
              const SdChartStyle    *style,
              SdChartLegendItem     *items)
{
  guint n = 0;

  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_BAR, &style->fact, _("Fact") };
  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_LINE, &style->plan, _("Plan") };
  if (has_any_forecast (data))
    /* Translators: legend of the translucent range where the month's revenue is expected. */
    items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_BAND, &style->forecast, _("Forecast") };

  return n;
}

static void
compute_layout (SdChartCanvas         *canvas,
                const SdChartPlanFact *data,
                SdChartMonthLayout    *layout)
{
  SdChartLegendItem items[3];
  guint n_items = legend_items (data, canvas->style, items);
  gint64 lo = 0, hi = 0;

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPlanFactMonth *m = &data->months[i];

      if (m->has_fact)
        {
          lo = MIN (lo, rubles_floor (m->fact));
          hi = MAX (hi, rubles_ceil (m->fact));
        }
      if (m->has_plan)
        {
          lo = MIN (lo, rubles_floor (m->plan));
          hi = MAX (hi, rubles_ceil (m->plan));
        }
      if (m->has_forecast)
        {
          lo = MIN (lo, rubles_floor (MIN (m->forecast_low, m->forecast_high)));
          hi = MAX (hi, rubles_ceil (MAX (m->forecast_low, m->forecast_high)));
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
draw_forecast (SdChartCanvas            *canvas,
               const SdChartPlanFact    *data,
               const SdChartMonthLayout *layout)
{
  cairo_t *cr = canvas->cr;

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPlanFactMonth *m = &data->months[i];
      double x0, x1, y_low, y_high;

      if (!m->has_forecast)
        continue;

      _sd_chart_month_layout_bar (layout, i, &x0, &x1);
      /* A little wider than the bar, so the range shows beside a fact bar that covers it. */
      if (layout->slot >= 10)
        {
          x0 -= 2;
          x1 += 2;
        }
      y_low = round (money_y (layout, MIN (m->forecast_low, m->forecast_high)));
      y_high = round (money_y (layout, MAX (m->forecast_low, m->forecast_high)));
      if (y_low - y_high < 2)
        {
          y_low += 1;
          y_high -= 1;
        }

      cairo_save (cr);
      _sd_chart_set_color (cr, &canvas->style->forecast);
      cairo_rectangle (cr, round (x0), y_high, round (x1) - round (x0), y_low - y_high);
      cairo_fill (cr);
      cairo_restore (cr);

      /* Crisp ends: the range is read at its edges. */
      if (layout->slot >= 4)
        {
          SdChartColor edge = canvas->style->fact;

          _sd_chart_hline (cr, x0, x1, y_high, &edge);
          _sd_chart_hline (cr, x0, x1, y_low - 1, &edge);
        }
    }
}

static void
draw_fact (SdChartCanvas            *canvas,
           const SdChartPlanFact    *data,
           const SdChartMonthLayout *layout)
{
  double zero = money_y (layout, 0);
  double radius = layout->bar_width >= 10 ? 2 : 0;

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPlanFactMonth *m = &data->months[i];
      gboolean highlighted = data->has_highlight && data->highlight == i;
      double x0, x1;

      if (!m->has_fact)
        continue;

      _sd_chart_month_layout_bar (layout, i, &x0, &x1);
      _sd_chart_bar (canvas->cr, x0, x1, money_y (layout, m->fact), zero, radius,
                     highlighted ? &canvas->style->highlight : &canvas->style->fact);
    }
}

static void
draw_plan (SdChartCanvas            *canvas,
           const SdChartPlanFact    *data,
           const SdChartMonthLayout *layout)
{
  cairo_t *cr = canvas->cr;
  const SdChartStyle *style = canvas->style;
  /* Markers only where they are apart: at 120 months they would be a bead string. */
  double marker = layout->slot >= 16 ? 3.5 : layout->slot >= 10 ? 2.5 : 0;
  gboolean drawing = FALSE;

  cairo_save (cr);
  cairo_set_line_width (cr, layout->slot >= 6 ? 2.0 : 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  _sd_chart_set_color (cr, &style->plan);

  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPlanFactMonth *m = &data->months[i];
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

  /* A plan month with no plan on either side is a level, not a point: draw it across the bar. */
  for (guint i = 0; i < data->n_months; i++)
    {
      const SdChartPlanFactMonth *m = &data->months[i];
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

  /* Markers with a ring of background, so they stand out on top of a bar of similar height. */
  if (marker > 0)
    {
      for (guint i = 0; i < data->n_months; i++)
        {
          const SdChartPlanFactMonth *m = &data->months[i];
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
sd_chart_draw_plan_fact (cairo_t               *cr,
                         int                    width,
                         int                    height,
                         const SdChartPlanFact *data,
                         const SdChartStyle    *style)
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
      draw_forecast (&canvas, data, &layout);
      draw_fact (&canvas, data, &layout);
      _sd_chart_value_axis_draw_zero (&canvas, &layout.values, &layout.plot);
      draw_plan (&canvas, data, &layout);
    }

  if (layout.show_legend)
    {
      SdChartLegendItem items[3];
      guint n_items = legend_items (data, style, items);

      _sd_chart_legend_draw (&canvas, items, n_items, layout.legend_x, layout.legend_y);
    }

  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_plan_fact_hit (int                    width,
                        int                    height,
                        const SdChartPlanFact *data,
                        const SdChartStyle    *style,
                        double                 x,
                        double                 y)
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
sd_chart_plan_fact_item_rect (int                    width,
                              int                    height,
                              const SdChartPlanFact *data,
                              const SdChartStyle    *style,
                              guint                  index,
                              SdChartRect           *rect)
{
  SdChartCanvas canvas;
  SdChartMonthLayout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->months != NULL || data->n_months == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);

  if (index < data->n_months && !layout.empty && layout.plot.width > 0 && layout.plot.height > 0)
    {
      double x0, x1, zero = money_y (&layout, 0);
      const SdChartPlanFactMonth *m = &data->months[index];

      _sd_chart_month_layout_bar (&layout, index, &x0, &x1);
      if (!m->has_fact || !_sd_chart_bar_rect (x0, x1, money_y (&layout, m->fact), zero, rect))
        *rect = (SdChartRect) { round (x0), round (zero), MAX (1, round (x1) - round (x0)), 0 };
      found = TRUE;
    }

  _sd_chart_month_layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

char *
sd_chart_plan_fact_tooltip (const SdChartPlanFact *data,
                            const SdChartStyle    *style,
                            guint                  index)
{
  const SdChartPlanFactMonth *m;
  SdNumberStyle ns;
  const char *sym;
  g_autofree char *month = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *fact = NULL;
  GString *out;
  gint64 bp;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_months || data->months == NULL)
    return NULL;

  m = &data->months[index];
  ns = style->number_style;
  sym = data->currency_symbol;
  month = _sd_chart_month_label (data->first_month + (SdMonth) index);
  plan = sd_chart_format_money_exact (m->plan, ns, sym);
  fact = sd_chart_format_money_exact (m->fact, ns, sym);
  out = g_string_new (NULL);

  if (m->has_plan && m->has_fact && m->plan > 0 && _sd_chart_ratio_bp (m->fact, m->plan, &bp))
    {
      g_autofree char *pct = sd_chart_format_percent (bp, ns, FALSE);

      /* Translators: chart tooltip: month, plan, fact, completion, e.g.
       * "March 2026: plan 12,000,000 ₽, fact 11,250,400.50 ₽ (93.8%)". */
      g_string_append_printf (out, _("%s: plan %s, fact %s (%s)"), month, plan, fact, pct);
    }
  else if (m->has_plan && m->has_fact)
    /* Translators: chart tooltip for a month whose plan is zero (no completion percentage). */
    g_string_append_printf (out, _("%s: plan %s, fact %s"), month, plan, fact);
  else if (m->has_plan)
    /* Translators: chart tooltip for a month with a plan and nothing sold yet. */
    g_string_append_printf (out, _("%s: plan %s, no fact yet"), month, plan);
  else if (m->has_fact)
    /* Translators: chart tooltip for a month with sales but no plan. */
    g_string_append_printf (out, _("%s: fact %s, no plan"), month, fact);
  else
    /* Translators: chart tooltip for a month with neither plan nor fact. */
    g_string_append_printf (out, _("%s: no plan and no fact"), month);

  if (m->has_forecast)
    {
      g_autofree char *low = sd_chart_format_money_exact (MIN (m->forecast_low, m->forecast_high),
                                                           ns, sym);
      g_autofree char *high = sd_chart_format_money_exact (MAX (m->forecast_low, m->forecast_high),
                                                            ns, sym);

      /* Translators: appended to a chart tooltip: the forecast range of the month. */
      g_string_append_printf (out, _("; forecast %s – %s"), low, high);
    }

  return g_string_free (out, FALSE);
}

static SdMoney
saturating_add (SdMoney a,
                SdMoney b)
{
  SdMoney sum;

  if (sd_money_add (a, b, &sum))
    return sum;
  return b > 0 ? G_MAXINT64 : G_MININT64;
}

char *
sd_chart_plan_fact_describe (const SdChartPlanFact *data,
                             const SdChartStyle    *style)
{
  SdMoney plan = 0, fact = 0;
  gboolean any_plan = FALSE, any_fact = FALSE;
  g_autofree char *range = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *fact_text = NULL;
  SdNumberStyle ns;
  gint64 bp;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (data->n_months == 0 || data->months == NULL)
    /* Translators: accessible description of an empty plan/fact chart. */
    return g_strdup (_("Revenue plan and fact by month: no data"));

  ns = style->number_style;
  for (guint i = 0; i < data->n_months; i++)
    {
      if (data->months[i].has_plan)
        {
          plan = saturating_add (plan, data->months[i].plan);
          any_plan = TRUE;
        }
      if (data->months[i].has_fact)
        {
          fact = saturating_add (fact, data->months[i].fact);
          any_fact = TRUE;
        }
    }

  if (data->n_months == 1)
    range = _sd_chart_month_label (data->first_month);
  else
    {
      g_autofree char *first = _sd_chart_month_label (data->first_month);
      g_autofree char *last = _sd_chart_month_label (data->first_month
                                                     + (SdMonth) data->n_months - 1);

      /* Translators: a range of months, "March 2025 – February 2026". */
      range = g_strdup_printf (_("%s – %s"), first, last);
    }

  plan_text = sd_chart_format_money_short (plan, ns, data->currency_symbol);
  fact_text = sd_chart_format_money_short (fact, ns, data->currency_symbol);

  if (any_plan && any_fact && plan > 0 && _sd_chart_ratio_bp (fact, plan, &bp))
    {
      g_autofree char *pct = sd_chart_format_percent (bp, ns, FALSE);

      /* Translators: accessible description of the plan/fact chart: months, total fact,
       * total plan, completion, e.g. "Revenue plan and fact by month, March 2025 – February
       * 2026: fact 128.4M ₽ against plan 140M ₽ (91.7%)". */
      return g_strdup_printf (_("Revenue plan and fact by month, %s: fact %s against plan %s (%s)"),
                              range, fact_text, plan_text, pct);
    }
  if (any_plan && any_fact)
    return g_strdup_printf (_("Revenue plan and fact by month, %s: fact %s against plan %s"),
                            range, fact_text, plan_text);
  if (any_fact)
    return g_strdup_printf (_("Revenue plan and fact by month, %s: fact %s, no plan"),
                            range, fact_text);
  if (any_plan)
    return g_strdup_printf (_("Revenue plan and fact by month, %s: plan %s, no fact yet"),
                            range, plan_text);
  return g_strdup_printf (_("Revenue plan and fact by month, %s: no plan and no fact"), range);
}
