/* sd-chart-payback.h — a hire's cumulative cost against the revenue it adds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Months run left to right from the hire's first month: the cumulative cost (salary, variable
 * pay, contributions, hiring) as a red line, the cumulative added revenue as a blue line, the
 * net between them shaded (red while the hire costs more than it brought, green after), and the
 * payback month as a green vertical line with its name. Money on the left axis; the net may be
 * negative for the whole horizon.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

/* One month, both sums cumulative from the first month up to and including this one. */
typedef struct {
  SdMoney cost;
  SdMoney revenue;
} SdChartPaybackMonth;

typedef struct {
  SdMonth                    first_month;
  guint                      n_months;
  const SdChartPaybackMonth *months;          /* n_months consecutive months from first_month */
  const char                *currency_symbol; /* "₽"; NULL for none */
  /* The payback month as the hiring plan computed it (its rule is the plan's, not the
   * chart's); sd_chart_payback_find () gives the plain rule for callers without one. */
  gboolean                   has_payback;
  guint                      payback;         /* index into months */
  gboolean                   has_highlight;   /* draw month `highlight` as under the pointer */
  guint                      highlight;
} SdChartPayback;

/* The first month whose cumulative revenue reaches its cumulative cost while some cost has been
 * spent; FALSE when there is none. */
gboolean sd_chart_payback_find      (const SdChartPaybackMonth *months,
                                     guint                      n_months,
                                     guint                     *out_index);

/* Draws the chart in (0, 0, width, height) of cr: any number of months, any size. */
void     sd_chart_draw_payback      (cairo_t              *cr,
                                     int                   width,
                                     int                   height,
                                     const SdChartPayback *data,
                                     const SdChartStyle   *style);

/* The month (index into data->months) whose column is under (x, y), or -1. */
int      sd_chart_payback_hit       (int                   width,
                                     int                   height,
                                     const SdChartPayback *data,
                                     const SdChartStyle   *style,
                                     double                x,
                                     double                y);

/* The x of month `index`'s points (the centre of its column), for pointing a popover; FALSE
 * when index is out of range or nothing fits. */
gboolean sd_chart_payback_item_x    (int                   width,
                                     int                   height,
                                     const SdChartPayback *data,
                                     const SdChartStyle   *style,
                                     guint                 index,
                                     double               *x);

/* Exact values of one month: "Октябрь 2026: затраты 1 200 000 ₽, доп. выручка 1 350 000 ₽,
 * итог +150 000 ₽, окупается в этом месяце". NULL when index is out of range. */
char    *sd_chart_payback_tooltip   (const SdChartPayback *data,
                                     const SdChartStyle   *style,
                                     guint                 index);

/* One sentence for the accessible label: the months and when (or whether) the hire pays back. */
char    *sd_chart_payback_describe  (const SdChartPayback *data,
                                     const SdChartStyle   *style);

G_END_DECLS
