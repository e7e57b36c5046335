/* sd-chart-view.h — a chart of the charts library on screen: light or dark with the style,
 * exact values on hover and from the keyboard, and a description for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sd-chart.h"

G_BEGIN_DECLS

/* Draws the chart with item `highlight` (-1: none) under the pointer. */
typedef void  (*SdChartViewDraw)     (cairo_t            *cr,
                                      int                 width,
                                      int                 height,
                                      const SdChartStyle *style,
                                      int                 highlight,
                                      gpointer            user_data);
/* The item at x, y, or -1. */
typedef int   (*SdChartViewHit)      (int                 width,
                                      int                 height,
                                      const SdChartStyle *style,
                                      double              x,
                                      double              y,
                                      gpointer            user_data);
/* Exact values of item `index`, or NULL. */
typedef char *(*SdChartViewText)     (const SdChartStyle *style,
                                      int                 index,
                                      gpointer            user_data);

#define SD_TYPE_CHART_VIEW (sd_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SdChartView, sd_chart_view, SD, CHART_VIEW, GtkWidget)

GtkWidget *sd_chart_view_new          (void);
/* What the view draws. `describe` is called with index -1 for the whole chart's summary.
 * n_items is how many items the arrow keys walk through. */
void       sd_chart_view_set_chart    (SdChartView     *self,
                                       SdChartViewDraw  draw,
                                       SdChartViewHit   hit,
                                       SdChartViewText  describe,
                                       guint            n_items,
                                       gpointer         user_data,
                                       GDestroyNotify   destroy);
/* The data behind the callbacks changed: redraw and describe again. */
void       sd_chart_view_changed      (SdChartView *self,
                                       guint        n_items);
int        sd_chart_view_get_highlight (SdChartView *self);
/* The style the chart is drawn with now (light or dark). */
void       sd_chart_view_get_style    (SdChartView  *self,
                                       SdChartStyle *style);

G_END_DECLS
