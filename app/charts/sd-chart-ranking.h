/* sd-chart-ranking.h — plan completion per manager, best first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One horizontal bar per manager, sorted by completion (fact ÷ plan) descending; managers
 * without a plan come last with "no plan". Bars at or over 100 % are in the positive colour,
 * under the lag threshold in the negative colour, the rest in the fact colour; a vertical line
 * marks 100 % and a dotted one the lag threshold. Long names are ellipsized. When the rows do
 * not fit, the best and the worst are shown with "N more" between them.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  SdMoney     plan;   /* completion is undefined when plan ≤ 0 */
  SdMoney     fact;
} SdChartRankingItem;

typedef struct {
  guint                     n_items;
  const SdChartRankingItem *items;            /* in any order: the chart sorts */
  gint64                    lag_threshold_bp; /* completion below this lags: 8000 = 80 % */
  const char               *currency_symbol;  /* for tooltips; NULL for none */
  const char               *period_label;     /* "March 2026" for the description; may be NULL */
  gboolean                  has_highlight;    /* draw item `highlight` as under the pointer */
  guint                     highlight;        /* index into items */
} SdChartRanking;

void   sd_chart_draw_ranking             (cairo_t              *cr,
                                          int                   width,
                                          int                   height,
                                          const SdChartRanking *data,
                                          const SdChartStyle   *style);

/* The item (index into data->items, not the row) whose row is under (x, y), or -1. */
int    sd_chart_ranking_hit              (int                   width,
                                          int                   height,
                                          const SdChartRanking *data,
                                          const SdChartStyle   *style,
                                          double                x,
                                          double                y);

/* Where item `index`'s bar is drawn (zero width at the 0 % line for 0 % or no plan), for
 * pointing a popover at it. FALSE when the item is out of range or not shown (too many rows
 * for the height). */
gboolean sd_chart_ranking_item_rect (int                   width,
                                     int                   height,
                                     const SdChartRanking *data,
                                     const SdChartStyle   *style,
                                     guint                 index,
                                     SdChartRect          *rect);

/* The height at which every row shows comfortably, for a chart in a scrolled window. */
int    sd_chart_ranking_preferred_height (guint                 n_items,
                                          const SdChartStyle   *style);

/* "Иванов Иван: 93,8 % плана (факт 11 250 400,50 ₽, план 12 000 000 ₽)"; NULL when index is
 * out of range. */
char  *sd_chart_ranking_tooltip          (const SdChartRanking *data,
                                          const SdChartStyle   *style,
                                          guint                 index);

/* One sentence for the accessible label: how many managers, the best, the worst, how many lag. */
char  *sd_chart_ranking_describe         (const SdChartRanking *data,
                                          const SdChartStyle   *style);

G_END_DECLS
