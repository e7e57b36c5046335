/* sd-chart-plan-fact.h — revenue plan against fact, month by month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Months run left to right, one slot each: fact as bars from zero (negative fact below the
 * zero line), plan as a line with a marker per month, and, where a forecast exists, its range
 * low..high as a translucent column behind the bar. A legend above, money on the left axis.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

/* One month. A month without a plan breaks the plan line; one without a fact has no bar. */
typedef struct {
  SdMoney  plan;
  SdMoney  fact;
  SdMoney  forecast_low;
  SdMoney  forecast_high;
  gboolean has_plan;
  gboolean has_fact;
  gboolean has_forecast;
} SdChartPlanFactMonth;

typedef struct {
  SdMonth                     first_month;
  guint                       n_months;
  const SdChartPlanFactMonth *months;          /* n_months consecutive months from first_month */
  const char                 *currency_symbol; /* "₽"; NULL for none */
  gboolean                    has_highlight;   /* draw month `highlight` as under the pointer */
  guint                       highlight;
} SdChartPlanFact;

/* Draws the chart in (0, 0, width, height) of cr. Anything from 0 to hundreds of months, any
 * size (a tiny one drops the legend, then the axis labels). */
void   sd_chart_draw_plan_fact      (cairo_t               *cr,
                                     int                    width,
                                     int                    height,
                                     const SdChartPlanFact *data,
                                     const SdChartStyle    *style);

/* The month (index into data->months) whose column is under (x, y), or -1. */
int    sd_chart_plan_fact_hit       (int                    width,
                                     int                    height,
                                     const SdChartPlanFact *data,
                                     const SdChartStyle    *style,
                                     double                 x,
                                     double                 y);

/* Where month `index`'s fact bar is drawn — zero height on the zero line when it has no fact —
 * for pointing a popover at it. FALSE when index is out of range or nothing fits. */
gboolean sd_chart_plan_fact_item_rect (int                    width,
                                       int                    height,
                                       const SdChartPlanFact *data,
                                       const SdChartStyle    *style,
                                       guint                  index,
                                       SdChartRect           *rect);

/* Exact values of one month: "Март 2026: план 12 000 000 ₽, факт 11 250 400,50 ₽ (93,8 %)".
 * NULL when index is out of range. */
char  *sd_chart_plan_fact_tooltip   (const SdChartPlanFact *data,
                                     const SdChartStyle    *style,
                                     guint                  index);

/* One sentence for the accessible label: the months covered and the totals. */
char  *sd_chart_plan_fact_describe  (const SdChartPlanFact *data,
                                     const SdChartStyle    *style);

G_END_DECLS
