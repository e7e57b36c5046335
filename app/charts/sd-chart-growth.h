/* sd-chart-growth.h — month-on-month revenue growth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar per month: growth against the month before, in per cent, up from the zero line in the
 * positive colour or down in the negative colour. A month whose previous month had no revenue
 * has no growth: it is drawn as a gap with a "—" on the zero line (when the column is wide
 * enough for it). Bars carry their value when every label fits above or below its bar.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

typedef struct {
  SdMonth        first_month;
  guint          n_months;
  const SdMoney *values;           /* revenue of n_months consecutive months from first_month */
  SdMoney        value_before;     /* revenue of the month before first_month */
  gboolean       has_value_before; /* FALSE: the first month has no growth */
  const char    *currency_symbol;  /* for tooltips; NULL for none */
  gboolean       has_highlight;
  guint          highlight;
} SdChartGrowth;

/* Growth of `current` over `previous` in basis points, (current − previous) ÷ |previous|,
 * rounded half away from zero — the rule of the plan module. FALSE (undefined) when previous
 * is 0 or the result does not fit. */
gboolean sd_chart_growth_bp        (SdMoney  current,
                                    SdMoney  previous,
                                    gint64  *out_bp);

void     sd_chart_draw_growth      (cairo_t             *cr,
                                    int                  width,
                                    int                  height,
                                    const SdChartGrowth *data,
                                    const SdChartStyle  *style);

/* The month (index into data->values) whose column is under (x, y), or -1. */
int      sd_chart_growth_hit       (int                  width,
                                    int                  height,
                                    const SdChartGrowth *data,
                                    const SdChartStyle  *style,
                                    double               x,
                                    double               y);

/* Where month `index`'s bar is drawn — zero height on the zero line when its growth is
 * undefined — for pointing a popover at it. FALSE when index is out of range or nothing fits. */
gboolean sd_chart_growth_item_rect (int                  width,
                                    int                  height,
                                    const SdChartGrowth *data,
                                    const SdChartStyle  *style,
                                    guint                index,
                                    SdChartRect         *rect);

/* "Март 2026: +12,5 % к предыдущему месяцу (11 250 400,50 ₽, было 10 000 000 ₽)"; NULL when
 * index is out of range. */
char    *sd_chart_growth_tooltip   (const SdChartGrowth *data,
                                    const SdChartStyle  *style,
                                    guint                index);

/* One sentence for the accessible label: the months, the lowest and highest growth, the last. */
char    *sd_chart_growth_describe  (const SdChartGrowth *data,
                                    const SdChartStyle  *style);

G_END_DECLS
