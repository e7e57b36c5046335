/* sd-chart-private.h — drawing helpers shared by the chart kinds (not public API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart computes one layout from (width, height, data, style) and uses it both to draw and
 * to hit-test, so what the pointer finds is exactly what was drawn. Text is measured on a Pango
 * context of our own with fixed font options (no metric hinting), so measuring without a cairo_t
 * (hit testing) gives the same sizes as drawing.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sd-chart.h"

G_BEGIN_DECLS

typedef struct {
  cairo_t              *cr;          /* NULL while only measuring (hit testing) */
  const SdChartStyle   *style;
  PangoContext         *pango;
  PangoFontDescription *font;
  PangoFontDescription *font_large;  /* "No data" */
  double                width;
  double                height;
  double                line_height; /* one line of text in `font` */
  double                pad;         /* the outer margin and the usual gap */
} SdChartCanvas;

void         _sd_chart_canvas_init        (SdChartCanvas      *canvas,
                                           cairo_t            *cr,
                                           int                 width,
                                           int                 height,
                                           const SdChartStyle *style);
void         _sd_chart_canvas_clear       (SdChartCanvas      *canvas);

/* A layout of one line in the chart font; tabular figures so that numbers line up. */
PangoLayout *_sd_chart_canvas_layout      (SdChartCanvas      *canvas,
                                           const char         *text,
                                           gboolean            large);
void         _sd_chart_layout_size        (PangoLayout        *layout,
                                           double             *width,
                                           double             *height);
double       _sd_chart_text_width         (SdChartCanvas      *canvas,
                                           const char         *text);
/* Draws `layout` with its logical box anchored at (x, y): xalign/yalign 0 = left/top,
 * 0.5 = centre, 1 = right/bottom. Pixel-aligned. */
void         _sd_chart_draw_layout        (SdChartCanvas      *canvas,
                                           PangoLayout        *layout,
                                           double              x,
                                           double              y,
                                           double              xalign,
                                           double              yalign,
                                           const SdChartColor *color);
/* Like _sd_chart_draw_text (), on a patch of background so that lines under it give way. */
void         _sd_chart_draw_text_knockout (SdChartCanvas      *canvas,
                                           const char         *text,
                                           double              x,
                                           double              y,
                                           double              xalign,
                                           double              yalign,
                                           const SdChartColor *color);
void         _sd_chart_draw_text          (SdChartCanvas      *canvas,
                                           const char         *text,
                                           double              x,
                                           double              y,
                                           double              xalign,
                                           double              yalign,
                                           const SdChartColor *color);

void         _sd_chart_set_color          (cairo_t            *cr,
                                           const SdChartColor *color);
void         _sd_chart_paint_background   (SdChartCanvas      *canvas);
/* A centred "No data" in `area`, if it fits. */
void         _sd_chart_draw_no_data       (SdChartCanvas      *canvas,
                                           const SdChartRect  *area);
/* A 1-unit horizontal or vertical line on the pixel grid. */
void         _sd_chart_hline              (cairo_t            *cr,
                                           double              x0,
                                           double              x1,
                                           double              y,
                                           const SdChartColor *color);
void         _sd_chart_vline              (cairo_t            *cr,
                                           double              x,
                                           double              y0,
                                           double              y1,
                                           const SdChartColor *color);
/* The pixel rectangle _sd_chart_bar () fills; FALSE when it draws nothing. */
gboolean     _sd_chart_bar_rect           (double              x0,
                                           double              x1,
                                           double              y_value,
                                           double              y_base,
                                           SdChartRect        *out);
/* A rectangle whose edges are rounded to whole pixels, at least 1 wide and high where the
 * unrounded one is not empty; the corners away from `base_y` rounded by `radius`. */
void         _sd_chart_bar                (cairo_t            *cr,
                                           double              x0,
                                           double              x1,
                                           double              y_value,
                                           double              y_base,
                                           double              radius,
                                           const SdChartColor *color);

gboolean     _sd_chart_rect_contains      (const SdChartRect  *rect,
                                           double              x,
                                           double              y);

/* Legend */

typedef enum {
  SD_CHART_LEGEND_BAR,
  SD_CHART_LEGEND_LINE,
  SD_CHART_LEGEND_BAND,
} SdChartLegendKind;

typedef struct {
  SdChartLegendKind   kind;
  const SdChartColor *color;
  const char         *label;
} SdChartLegendItem;

double       _sd_chart_legend_width       (SdChartCanvas           *canvas,
                                           const SdChartLegendItem *items,
                                           guint                    n_items);
void         _sd_chart_legend_draw        (SdChartCanvas           *canvas,
                                           const SdChartLegendItem *items,
                                           guint                    n_items,
                                           double                   x,
                                           double                   y);

/* Value axis (vertical on the left, or horizontal on top for the ranking) */

typedef enum {
  SD_CHART_UNIT_RUBLES,         /* tick values are whole currency units */
  SD_CHART_UNIT_BASIS_POINTS,   /* tick values are basis points, labelled as whole % */
} SdChartUnit;

typedef struct {
  SdChartScale   scale;
  SdChartUnit    unit;
  char         **labels;        /* n_ticks strings */
  double         label_width;   /* the widest label */
} SdChartValueAxis;

/* The same 1/2/5 search as sd_chart_scale_nice (), with steps below min_step skipped. */
SdChartScale _sd_chart_scale_nice_full    (gint64  min,
                                           gint64  max,
                                           guint   max_ticks,
                                           gint64  min_step);
void         _sd_chart_value_axis_init    (SdChartValueAxis *axis,
                                           SdChartCanvas    *canvas,
                                           SdChartUnit       unit,
                                           gint64            min,
                                           gint64            max,
                                           guint             max_ticks,
                                           const char       *currency_symbol);
void         _sd_chart_value_axis_clear   (SdChartValueAxis *axis);
/* The coordinate of `value` (in the axis unit, fractional allowed) between p_lo (at scale.lo)
 * and p_hi (at scale.hi). */
double       _sd_chart_value_axis_map     (const SdChartValueAxis *axis,
                                           double                  value,
                                           double                  p_lo,
                                           double                  p_hi);
/* Grid lines across `plot` except the zero line, labels right-aligned left of the plot when
 * `labels` is set. */
void         _sd_chart_value_axis_draw_vertical (SdChartCanvas          *canvas,
                                                 const SdChartValueAxis *axis,
                                                 const SdChartRect      *plot,
                                                 gboolean                labels);
/* The zero line, when 0 is on the scale: drawn after the bars so that they stand on it. */
void         _sd_chart_value_axis_draw_zero     (SdChartCanvas          *canvas,
                                                 const SdChartValueAxis *axis,
                                                 const SdChartRect      *plot);

/* Month axis (categories: one slot per month) */

typedef struct {
  SdMonth  first;
  guint    n_months;
  guint    label_step;   /* a month label every label_step months; 0 = years only */
  guint    n_rows;       /* text rows below the plot: 0, 1 (years) or 2 (months, years) */
  double   label_width;  /* widest short month name in the data */
} SdChartMonthAxis;

/* Rows the axis will need for n_months (2 while month names may be shown, else 1). */
guint        _sd_chart_month_axis_rows    (guint             n_months);
/* Chooses label_step for slots of slot_width. */
void         _sd_chart_month_axis_init    (SdChartMonthAxis *axis,
                                           SdChartCanvas    *canvas,
                                           SdMonth           first,
                                           guint             n_months,
                                           double            slot_width);
/* Year separators across `plot` (call before drawing bars), and the labels under it when
 * `labels` is set. */
void         _sd_chart_month_axis_draw    (SdChartCanvas          *canvas,
                                           const SdChartMonthAxis *axis,
                                           const SdChartRect      *plot,
                                           gboolean                labels);

/* The frame shared by charts with one slot per month (plan-fact, growth) */

typedef struct {
  SdChartRect      plot;
  gboolean         empty;               /* no months: an empty frame and "No data" */
  gboolean         show_legend;
  double           legend_x;
  double           legend_y;
  gboolean         show_value_labels;
  gboolean         show_month_labels;
  SdChartValueAxis values;
  SdChartMonthAxis months;
  double           slot;                /* width of one month */
  double           bar_width;
} SdChartMonthLayout;

/* Lays out the legend (when legend_width > 0 and it fits), the value axis for min..max and the
 * month axis, dropping what does not fit, legend first. */
void         _sd_chart_month_layout_init  (SdChartMonthLayout *layout,
                                           SdChartCanvas      *canvas,
                                           SdMonth             first,
                                           guint               n_months,
                                           SdChartUnit         unit,
                                           gint64              min,
                                           gint64              max,
                                           const char         *currency_symbol,
                                           double              legend_width);
void         _sd_chart_month_layout_clear (SdChartMonthLayout *layout);
/* Grid, axis labels, year separators — or the empty frame with "No data". */
void         _sd_chart_month_layout_draw_frame (SdChartCanvas            *canvas,
                                                const SdChartMonthLayout *layout);
/* Left and right edge of month i's bar. */
void         _sd_chart_month_layout_bar   (const SdChartMonthLayout *layout,
                                           guint                     i,
                                           double                   *x0,
                                           double                   *x1);
/* A shaded column behind month i (the one under the pointer). */
void         _sd_chart_month_layout_shade (SdChartCanvas            *canvas,
                                           const SdChartMonthLayout *layout,
                                           guint                     i);

/* The index of the slot (of n equal slots across `plot`) under (x, y), or -1. */
int          _sd_chart_slot_hit           (const SdChartRect *plot,
                                           guint              n_slots,
                                           double             x,
                                           double             y);

/* (cur − prev) ÷ |prev| in basis points, rounded half away from zero; FALSE when prev is 0
 * or the result does not fit. */
gboolean     _sd_chart_ratio_bp           (gint64  numerator,
                                           gint64  denominator,
                                           gint64 *out_bp);

/* "March 2026" for tooltips; "" for SD_MONTH_INVALID. */
char        *_sd_chart_month_label        (SdMonth month);

G_END_DECLS
