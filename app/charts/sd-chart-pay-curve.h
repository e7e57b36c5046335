/* sd-chart-pay-curve.h — a motivation scheme's pay against plan completion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Completion runs left to right (0 % to 200 %, further when the points go further), pay up.
 * The total is a line through the given points — which need not be evenly spaced, so a tier
 * boundary with its jump is drawn where it is — optionally over stacked bands of its parts
 * (salary, commission, KPI, over-plan; a cap cuts the top ones). Dashed verticals mark 80 % and
 * 120 %, a solid one 100 %. A warning is a red dot on the curve with a sign above the plot: a
 * triangle for a cliff, a bar for a flat stretch, a downward triangle for a cap biting early.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

typedef enum {
  SD_CHART_PAY_WARNING_CLIFF,  /* pay jumps at a boundary */
  SD_CHART_PAY_WARNING_FLAT,   /* from here more sales bring no more pay */
  SD_CHART_PAY_WARNING_CAP,    /* the cap bites early */
} SdChartPayWarningKind;

typedef struct {
  gint64                 completion;  /* basis points of plan: 10000 = 100 % */
  SdChartPayWarningKind  kind;
  const char            *text;        /* for the tooltip, translated; NULL for a generic one */
} SdChartPayWarning;

/* One point. The parts are only read when the curve has_parts; total is what is drawn. */
typedef struct {
  gint64  completion;      /* basis points of plan, ascending along the array */
  SdMoney total;
  SdMoney salary;
  SdMoney commission;
  SdMoney kpi;
  SdMoney overplan;
  SdMoney cap_adjustment;  /* ≤ 0: what the cap removed */
} SdChartPayPoint;

typedef struct {
  const SdChartPayPoint   *points;
  guint                    n_points;
  gboolean                 has_parts;       /* draw and name salary, commission, KPI, over-plan */
  const SdChartPayWarning *warnings;
  guint                    n_warnings;
  const char              *currency_symbol; /* "₽"; NULL for none */
  gboolean                 has_highlight;   /* draw point `highlight` as under the pointer */
  guint                    highlight;
} SdChartPayCurve;

/* Draws the chart in (0, 0, width, height) of cr: any number of points, any size. */
void     sd_chart_draw_pay_curve     (cairo_t               *cr,
                                      int                    width,
                                      int                    height,
                                      const SdChartPayCurve *data,
                                      const SdChartStyle    *style);

/* The point (index into data->points) nearest to x when (x, y) is over the plot, or -1. */
int      sd_chart_pay_curve_hit      (int                    width,
                                      int                    height,
                                      const SdChartPayCurve *data,
                                      const SdChartStyle    *style,
                                      double                 x,
                                      double                 y);

/* Where point `index` is drawn, for pointing a popover at it; FALSE when index is out of range
 * or nothing fits. */
gboolean sd_chart_pay_curve_item_point (int                    width,
                                        int                    height,
                                        const SdChartPayCurve *data,
                                        const SdChartStyle    *style,
                                        guint                  index,
                                        double                *x,
                                        double                *y);

/* The x where `completion` (basis points) is drawn; FALSE when nothing fits (for tests and for
 * placing widgets over the chart). */
gboolean sd_chart_pay_curve_completion_x (int                    width,
                                          int                    height,
                                          const SdChartPayCurve *data,
                                          const SdChartStyle    *style,
                                          gint64                 completion,
                                          double                *x);

/* "При 104 %: выплата 86 500 ₽ (оклад 40 000 ₽, комиссия 41 600 ₽, KPI 4 900 ₽)", and the
 * warnings at that point. NULL when index is out of range. */
char    *sd_chart_pay_curve_tooltip  (const SdChartPayCurve *data,
                                      const SdChartStyle    *style,
                                      guint                  index);

/* One sentence for the accessible label: pay at the ends and at 100 %, how many warnings. */
char    *sd_chart_pay_curve_describe (const SdChartPayCurve *data,
                                      const SdChartStyle    *style);

G_END_DECLS
