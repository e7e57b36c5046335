/* sd-chart-capacity.h — the sales plan against what the team can sell, month by month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Months run left to right, one slot each: the current team's capacity as a bar from zero, the
 * capacity of planned hires stacked on it in another colour, the plan as a line with a marker
 * per month, and the gap — plan above all capacity — as a shaded warning block between the top
 * of the bar and the plan. A legend above, money on the left axis.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

/* One month. A month without a plan breaks the plan line and has no gap. Capacity below zero
 * counts as zero (a team cannot sell less than nothing); hires' capacity is added on top. */
typedef struct {
  SdMoney  plan;
  SdMoney  capacity;        /* what the current team can sell after ramp-up and attrition */
  SdMoney  hires_capacity;  /* what planned hires add; 0 when there are none */
  gboolean has_plan;
} SdChartCapacityMonth;

typedef struct {
  SdMonth                     first_month;
  guint                       n_months;
  const SdChartCapacityMonth *months;          /* n_months consecutive months from first_month */
  const char                 *currency_symbol; /* "₽"; NULL for none */
  gboolean                    has_highlight;   /* draw month `highlight` as under the pointer */
  guint                       highlight;
} SdChartCapacity;

/* The gap of one month: plan − (capacity + hires_capacity) when the plan is above, else 0. */
SdMoney  sd_chart_capacity_gap       (const SdChartCapacityMonth *month);

/* Draws the chart in (0, 0, width, height) of cr: any number of months, any size. */
void     sd_chart_draw_capacity      (cairo_t               *cr,
                                      int                    width,
                                      int                    height,
                                      const SdChartCapacity *data,
                                      const SdChartStyle    *style);

/* The month (index into data->months) whose column is under (x, y), or -1. */
int      sd_chart_capacity_hit       (int                    width,
                                      int                    height,
                                      const SdChartCapacity *data,
                                      const SdChartStyle    *style,
                                      double                 x,
                                      double                 y);

/* Where month `index`'s stacked capacity bar is drawn (zero height on the zero line when it is
 * empty), for pointing a popover at it. FALSE when index is out of range or nothing fits. */
gboolean sd_chart_capacity_item_rect (int                    width,
                                      int                    height,
                                      const SdChartCapacity *data,
                                      const SdChartStyle    *style,
                                      guint                  index,
                                      SdChartRect           *rect);

/* Exact values of one month: "Март 2026: план 12 000 000 ₽, мощность 9 500 000 ₽ (команда
 * 8 000 000 ₽, новые сотрудники 1 500 000 ₽), разрыв 2 500 000 ₽". NULL when out of range. */
char    *sd_chart_capacity_tooltip   (const SdChartCapacity *data,
                                      const SdChartStyle    *style,
                                      guint                  index);

/* One sentence for the accessible label: the months, how many have a gap, the largest gap. */
char    *sd_chart_capacity_describe  (const SdChartCapacity *data,
                                      const SdChartStyle    *style);

G_END_DECLS
