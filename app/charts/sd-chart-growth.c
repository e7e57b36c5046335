/* sd-chart-growth.c — month-on-month revenue growth
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
#include "sd-chart-growth.h"

#define EM_DASH "\xe2\x80\x94"

gboolean
sd_chart_growth_bp (SdMoney  current,
                    SdMoney  previous,
                    gint64  *out_bp)
{
  __int128 num, den, q, r;

  g_return_val_if_fail (out_bp != NULL, FALSE);

  if (previous == 0)
    return FALSE;

  /* A loss last month (negative revenue after refunds) is measured against its size, so that
   * moving from −100 to +50 is still growth. */
  num = ((__int128) current - previous) * 10000;
  den = previous < 0 ? -(__int128) previous : previous;
  q = num / den;
  r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;

  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;

  *out_bp = (gint64) q;
  return TRUE;
}

static gboolean
previous_value (const SdChartGrowth *data,
                guint                i,
                SdMoney             *out)
{
  if (i == 0)
    {
      *out = data->value_before;
      return data->has_value_before;
    }
  *out = data->values[i - 1];
  return TRUE;
}

static gboolean
growth_at (const SdChartGrowth *data,
           guint                i,
           gint64              *bp)
{
  SdMoney previous;

  return previous_value (data, i, &previous)
         && sd_chart_growth_bp (data->values[i], previous, bp);
}

typedef struct {
  SdChartMonthLayout base;
  gboolean           value_labels;
} GrowthLayout;

static void
compute_layout (SdChartCanvas       *canvas,
                const SdChartGrowth *data,
                GrowthLayout        *layout)
{
  gint64 lo = 0, hi = 0, bp;
  double widest = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < data->n_months; i++)
    {
      if (growth_at (data, i, &bp))
        {
          lo = MIN (lo, bp);
          hi = MAX (hi, bp);
          any = TRUE;
        }
    }

  _sd_chart_month_layout_init (&layout->base, canvas, data->first_month, data->n_months,
                               SD_CHART_UNIT_BASIS_POINTS, lo, hi, NULL, 0);
  layout->value_labels = FALSE;

  /* Value labels only when every one of them fits its column and there is height to spare. */
  if (!any || layout->base.plot.height < canvas->line_height * 5
      || layout->base.slot < canvas->line_height * 2)
    return;

  for (guint i = 0; i < data->n_months; i++)
    {
      if (growth_at (data, i, &bp))
        {
          g_autofree char *text = sd_chart_format_percent (bp, canvas->style->number_style, TRUE);

          widest = MAX (widest, _sd_chart_text_width (canvas, text));
        }
    }

  if (widest + canvas->pad / 2 <= layout->base.slot)
    {
      /* Make room above the tallest bar and below the deepest one for their labels. */
      double room = (canvas->line_height + 4) / layout->base.plot.height;
      double span = (double) (layout->base.values.scale.hi - layout->base.values.scale.lo);
      gint64 extra = (gint64) ceil (span * room / (1.0 - 2 * room));

      _sd_chart_month_layout_clear (&layout->base);
      _sd_chart_month_layout_init (&layout->base, canvas, data->first_month, data->n_months,
                                   SD_CHART_UNIT_BASIS_POINTS,
                                   lo < 0 ? lo - extra : lo, hi > 0 ? hi + extra : hi, NULL, 0);
      layout->value_labels = TRUE;
    }
}

static double
bp_y (const SdChartMonthLayout *layout,
      gint64                    bp)
{
  return _sd_chart_value_axis_map (&layout->values, (double) bp,
                                   layout->plot.y + layout->plot.height, layout->plot.y);
}

void
sd_chart_draw_growth (cairo_t             *cr,
                      int                  width,
                      int                  height,
                      const SdChartGrowth *data,
                      const SdChartStyle  *style)
{
  SdChartCanvas canvas;
  GrowthLayout layout;
  SdChartMonthLayout *base = &layout.base;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->values != NULL || data->n_months == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  compute_layout (&canvas, data, &layout);

  _sd_chart_paint_background (&canvas);
  _sd_chart_month_layout_draw_frame (&canvas, base);

  if (!base->empty && base->plot.width > 0 && base->plot.height > 0)
    {
      double zero = bp_y (base, 0);
      double radius = base->bar_width >= 10 ? 2 : 0;
      g_autoptr(PangoLayout) dash = _sd_chart_canvas_layout (&canvas, EM_DASH, FALSE);
      double dash_width;

      _sd_chart_layout_size (dash, &dash_width, NULL);

      if (data->has_highlight)
        _sd_chart_month_layout_shade (&canvas, base, data->highlight);

      for (guint i = 0; i < data->n_months; i++)
        {
          double x0, x1, cx = base->plot.x + (i + 0.5) * base->slot;
          gint64 bp;

          if (!growth_at (data, i, &bp))
            {
              if (base->slot >= dash_width + 2)
                _sd_chart_draw_layout (&canvas, dash, cx, zero - 1, 0.5, 1.0, &style->muted_text);
              continue;
            }

          _sd_chart_month_layout_bar (base, i, &x0, &x1);
          _sd_chart_bar (cr, x0, x1, bp_y (base, bp), zero, radius,
                         bp >= 0 ? &style->positive : &style->negative);

          if (layout.value_labels)
            {
              g_autofree char *text = sd_chart_format_percent (bp, style->number_style, TRUE);
              double y = bp_y (base, bp);

              if (bp >= 0)
                _sd_chart_draw_text (&canvas, text, cx, y - 2, 0.5, 1.0, &style->text);
              else
                _sd_chart_draw_text (&canvas, text, cx, y + 2, 0.5, 0.0, &style->text);
            }
        }

      _sd_chart_value_axis_draw_zero (&canvas, &base->values, &base->plot);
    }

  _sd_chart_month_layout_clear (base);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_growth_hit (int                  width,
                     int                  height,
                     const SdChartGrowth *data,
                     const SdChartStyle  *style,
                     double               x,
                     double               y)
{
  SdChartCanvas canvas;
  GrowthLayout layout;
  int index;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (data->values != NULL || data->n_months == 0, -1);
  g_return_val_if_fail (style != NULL, -1);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);
  index = layout.base.empty ? -1 : _sd_chart_slot_hit (&layout.base.plot, data->n_months, x, y);
  _sd_chart_month_layout_clear (&layout.base);
  _sd_chart_canvas_clear (&canvas);

  return index;
}

gboolean
sd_chart_growth_item_rect (int                  width,
                           int                  height,
                           const SdChartGrowth *data,
                           const SdChartStyle  *style,
                           guint                index,
                           SdChartRect         *rect)
{
  SdChartCanvas canvas;
  GrowthLayout layout;
  SdChartMonthLayout *base = &layout.base;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->values != NULL || data->n_months == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);

  if (index < data->n_months && !base->empty && base->plot.width > 0 && base->plot.height > 0)
    {
      double x0, x1, zero = bp_y (base, 0);
      gint64 bp;

      _sd_chart_month_layout_bar (base, index, &x0, &x1);
      if (!growth_at (data, index, &bp)
          || !_sd_chart_bar_rect (x0, x1, bp_y (base, bp), zero, rect))
        *rect = (SdChartRect) { round (x0), round (zero), MAX (1, round (x1) - round (x0)), 0 };
      found = TRUE;
    }

  _sd_chart_month_layout_clear (base);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

char *
sd_chart_growth_tooltip (const SdChartGrowth *data,
                         const SdChartStyle  *style,
                         guint                index)
{
  g_autofree char *month = NULL;
  g_autofree char *value = NULL;
  g_autofree char *previous_text = NULL;
  SdMoney previous;
  gint64 bp;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_months || data->values == NULL)
    return NULL;

  month = _sd_chart_month_label (data->first_month + (SdMonth) index);
  value = sd_chart_format_money_exact (data->values[index], style->number_style,
                                       data->currency_symbol);

  if (!previous_value (data, index, &previous))
    /* Translators: chart tooltip: month, its revenue; the month before is not known. */
    return g_strdup_printf (_("%s: %s, the previous month is not known"), month, value);

  previous_text = sd_chart_format_money_exact (previous, style->number_style,
                                               data->currency_symbol);

  if (!sd_chart_growth_bp (data->values[index], previous, &bp))
    /* Translators: chart tooltip when growth is undefined: month, its revenue. */
    return g_strdup_printf (_("%s: %s; growth cannot be computed, the previous month had no "
                              "revenue"), month, value);

  {
    g_autofree char *pct = sd_chart_format_percent (bp, style->number_style, TRUE);

    /* Translators: chart tooltip: month, growth, this month's revenue, the previous month's,
     * e.g. "March 2026: +12.5% on the previous month (11,250,400.50 ₽, was 10,000,000 ₽)". */
    return g_strdup_printf (_("%s: %s on the previous month (%s, was %s)"),
                            month, pct, value, previous_text);
  }
}

char *
sd_chart_growth_describe (const SdChartGrowth *data,
                          const SdChartStyle  *style)
{
  g_autofree char *range = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean any = FALSE;
  guint lo_i = 0, hi_i = 0;
  gint64 lo = 0, hi = 0, bp;
  SdNumberStyle ns;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (data->n_months == 0 || data->values == NULL)
    /* Translators: accessible description of an empty growth chart. */
    return g_strdup (_("Month-on-month revenue growth: no data"));

  ns = style->number_style;
  first = _sd_chart_month_label (data->first_month);
  last = _sd_chart_month_label (data->first_month + (SdMonth) data->n_months - 1);
  range = data->n_months == 1 ? g_strdup (first) : g_strdup_printf (_("%s – %s"), first, last);

  for (guint i = 0; i < data->n_months; i++)
    {
      if (!growth_at (data, i, &bp))
        continue;
      if (!any || bp < lo)
        {
          lo = bp;
          lo_i = i;
        }
      if (!any || bp > hi)
        {
          hi = bp;
          hi_i = i;
        }
      any = TRUE;
    }

  if (!any)
    /* Translators: accessible description of a growth chart where no month has a growth. */
    return g_strdup_printf (_("Month-on-month revenue growth, %s: cannot be computed, the "
                              "previous months had no revenue"), range);

  if (lo_i == hi_i)
    {
      g_autofree char *pct = sd_chart_format_percent (hi, ns, TRUE);
      g_autofree char *when = _sd_chart_month_label (data->first_month + (SdMonth) hi_i);

      /* Translators: accessible description of a growth chart with one known growth. */
      return g_strdup_printf (_("Month-on-month revenue growth, %s: %s in %s"), range, pct, when);
    }
  else
    {
      g_autofree char *lo_pct = sd_chart_format_percent (lo, ns, TRUE);
      g_autofree char *hi_pct = sd_chart_format_percent (hi, ns, TRUE);
      g_autofree char *lo_when = _sd_chart_month_label (data->first_month + (SdMonth) lo_i);
      g_autofree char *hi_when = _sd_chart_month_label (data->first_month + (SdMonth) hi_i);

      /* Translators: accessible description of the growth chart: months, lowest growth and
       * its month, highest growth and its month. */
      return g_strdup_printf (_("Month-on-month revenue growth, %s: from %s in %s to %s in %s"),
                              range, lo_pct, lo_when, hi_pct, hi_when);
    }
}
