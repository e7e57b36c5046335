/* sd-chart-scores.h — scores (0–100) month by month: overall, per criterion, department average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Months run left to right; the score axis is always 0..100 so that charts of different
 * managers compare at a glance. One line per series in its own colour (the first, the overall
 * score, is drawn thicker), the department average as a dashed line, a month without a score as
 * a gap in its line. The legend above wraps into as many rows as it needs.
 */
#pragma once

#include <cairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

/* A month without a score. */
#define SD_CHART_SCORE_NONE G_MININT64

/* The series after the tenth reuse the palette. */
#define SD_CHART_SCORES_N_COLORS 10

typedef struct {
  const char   *label;   /* "Overall", a criterion's name; shown in the legend and tooltip */
  const gint64 *scores;  /* n_months scores in hundredths of a point (8750 = 87.5), or
                          * SD_CHART_SCORE_NONE; drawn clamped to 0..100 */
} SdChartScoreSeries;

typedef struct {
  SdMonth                   first_month;
  guint                     n_months;
  const SdChartScoreSeries *series;        /* the first is the overall score */
  guint                     n_series;
  const gint64             *average;       /* the department's, n_months like a series; NULL
                                            * for none */
  gboolean                  has_highlight; /* draw month `highlight` as under the pointer */
  guint                     highlight;
} SdChartScores;

/* The colour series `index` is drawn in with `style`'s palette (for a legend elsewhere). */
void     sd_chart_scores_series_color (const SdChartStyle *style,
                                       guint               index,
                                       SdChartColor       *color);

/* "87,5", "90", "0" (RU) or "87.5" (EN): a score in hundredths with at most one decimal,
 * rounded half away from zero. */
char    *sd_chart_format_score        (gint64              hundredths,
                                       SdNumberStyle       style);

/* Draws the chart in (0, 0, width, height) of cr: any number of months and series, any size. */
void     sd_chart_draw_scores         (cairo_t             *cr,
                                       int                  width,
                                       int                  height,
                                       const SdChartScores *data,
                                       const SdChartStyle  *style);

/* The month (index into the series' scores) whose column is under (x, y), or -1. */
int      sd_chart_scores_hit          (int                  width,
                                       int                  height,
                                       const SdChartScores *data,
                                       const SdChartStyle  *style,
                                       double               x,
                                       double               y);

/* The x of month `index`'s points (the centre of its column), for pointing a popover; FALSE
 * when index is out of range or nothing fits. */
gboolean sd_chart_scores_item_x       (int                  width,
                                       int                  height,
                                       const SdChartScores *data,
                                       const SdChartStyle  *style,
                                       guint                index,
                                       double              *x);

/* Every series in one month: "Март 2026: Итого 87,5, Приветствие 90, Выявление потребностей нет
 * оценки; среднее по отделу 80". NULL when index is out of range. */
char    *sd_chart_scores_tooltip      (const SdChartScores *data,
                                       const SdChartStyle  *style,
                                       guint                index);

/* One sentence for the accessible label: the months and the latest overall and average
 * scores. */
char    *sd_chart_scores_describe     (const SdChartScores *data,
                                       const SdChartStyle  *style);

G_END_DECLS
