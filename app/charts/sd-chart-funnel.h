/* sd-chart-funnel.h — leads → deals → revenue for one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three centred bars, one per stage, joined by translucent trapezoids. The leads and deals bars
 * are as wide as their counts (the larger one fills the width; a non-zero stage keeps a few
 * pixels); the revenue bar is as wide as the deals bar, since revenue is what those deals
 * brought. Stage names on the left; on the right the counts and the revenue, and between the
 * stages the conversion from leads to deals and the average deal.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

/* Indexes returned by sd_chart_funnel_hit () and taken by sd_chart_funnel_tooltip (). */
typedef enum {
  SD_CHART_FUNNEL_LEADS,
  SD_CHART_FUNNEL_DEALS,
  SD_CHART_FUNNEL_REVENUE,
  SD_CHART_FUNNEL_N_STAGES,
} SdChartFunnelStage;

typedef struct {
  gint64      leads;
  gint64      deals;
  SdMoney     revenue;
  const char *currency_symbol;  /* NULL for none */
  const char *period_label;     /* "March 2026" for the description; may be NULL */
  gboolean    has_highlight;
  guint       highlight;        /* an SdChartFunnelStage */
} SdChartFunnel;

void   sd_chart_draw_funnel      (cairo_t             *cr,
                                  int                  width,
                                  int                  height,
                                  const SdChartFunnel *data,
                                  const SdChartStyle  *style);

/* The stage whose row is under (x, y), or -1. */
int    sd_chart_funnel_hit       (int                  width,
                                  int                  height,
                                  const SdChartFunnel *data,
                                  const SdChartStyle  *style,
                                  double               x,
                                  double               y);

/* Where a stage's bar is drawn, for pointing a popover at it. FALSE for an index that is not a
 * stage, an empty funnel, or when nothing fits. */
gboolean sd_chart_funnel_item_rect (int                  width,
                                    int                  height,
                                    const SdChartFunnel *data,
                                    const SdChartStyle  *style,
                                    guint                stage,
                                    SdChartRect         *rect);

/* "Deals: 240 (20,0 % of leads)"; NULL for an index that is not a stage. */
char  *sd_chart_funnel_tooltip   (const SdChartFunnel *data,
                                  const SdChartStyle  *style,
                                  guint                stage);

/* One sentence for the accessible label. */
char  *sd_chart_funnel_describe  (const SdChartFunnel *data,
                                  const SdChartStyle  *style);

G_END_DECLS
