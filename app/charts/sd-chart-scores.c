/* sd-chart-scores.c — scores month by month: overall, per criterion, department average
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-chart"

#include "config.h"

#include <math.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-chart-private.h"
#include "sd-chart-scores.h"

#define SCORE_MAX 10000   /* 100 points in hundredths */

/* Ten colours apart in hue and lightness, darker on white and lighter on dark grey, every one
 * at least 3 : 1 against its background as lines need. Blue first for the overall score, like
 * the fact bars elsewhere. */
static const guint32 light_palette[SD_CHART_SCORES_N_COLORS] = {
  0x1c71d8, 0xc64600, 0x26a269, 0x9141ac, 0xc01c28,
  0x865e3c, 0x0a8a9e, 0xc5317c, 0x5f6b00, 0x77767b,
};
static const guint32 dark_palette[SD_CHART_SCORES_N_COLORS] = {
  0x62a0ea, 0xffa348, 0x57e389, 0xb58cff, 0xf66151,
  0xcdab8f, 0x33c7de, 0xf58fc1, 0xf9f06b, 0xc0bfbc,
};

void
sd_chart_scores_series_color (const SdChartStyle *style,
                              guint               index,
                              SdChartColor       *color)
{
  gboolean dark;
  guint32 hex;

  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  dark = sd_chart_color_luminance (&style->background) < 0.4;
  hex = (dark ? dark_palette : light_palette)[index % SD_CHART_SCORES_N_COLORS];
  *color = (SdChartColor) {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0
  };
}

char *
sd_chart_format_score (gint64        hundredths,
                       SdNumberStyle style)
{
  guint64 magnitude, tenths;
  gboolean negative = hundredths < 0;

  magnitude = negative ? (guint64) 0 - (guint64) hundredths : (guint64) hundredths;
  tenths = magnitude / 10 + (magnitude % 10 >= 5 ? 1 : 0);
  negative = negative && tenths > 0;

  if (tenths % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, negative ? "\xe2\x88\x92" : "",
                            tenths / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%u", negative ? "\xe2\x88\x92" : "",
                          tenths / 10, style == SD_NUMBER_STYLE_RU ? "," : ".",
                          (guint) (tenths % 10));
}

static gboolean
has_score (gint64 value)
{
  return value != SD_CHART_SCORE_NONE;
}

static const char *
series_label (const SdChartScoreSeries *series)
{
  /* Translators: the name of a score series that came without one. */
  return series->label != NULL && *series->label != '\0' ? series->label : _("Score");
}

/* Legend */

typedef struct {
  SdChartLegendItem *items;
  SdChartColor      *colors;
  guint              n_items;
} Legend;

static void
legend_init (Legend              *legend,
             const SdChartScores *data,
             const SdChartStyle  *style)
{
  guint n = data->n_series + (data->average != NULL ? 1 : 0);

  legend->items = g_new0 (SdChartLegendItem, MAX (n, 1));
  legend->colors = g_new0 (SdChartColor, MAX (n, 1));
  legend->n_items = 0;

  for (guint i = 0; i < data->n_series; i++)
    {
      sd_chart_scores_series_color (style, i, &legend->colors[i]);
      legend->items[legend->n_items++] = (SdChartLegendItem) {
        SD_CHART_LEGEND_LINE, &legend->colors[i], series_label (&data->series[i])
      };
    }
  if (data->average != NULL)
    /* Translators: chart legend: the average score of all managers in the department. */
    legend->items[legend->n_items++] = (SdChartLegendItem) {
      SD_CHART_LEGEND_LINE, &style->plan, _("Department average")
    };
}

static void
legend_clear (Legend *legend)
{
  g_clear_pointer (&legend->items, g_free);
  g_clear_pointer (&legend->colors, g_free);
}

/* Items fill rows of at most max_width, left to right; rows[i] is item i's row. Returns the
 * number of rows, or 0 when one item alone is wider than max_width. */
static guint
legend_rows (SdChartCanvas *canvas,
             const Legend  *legend,
             double         max_width,
             guint         *rows)
{
  guint row = 0;
  double x = 0;

  if (legend->n_items == 0)
    return 0;

  for (guint i = 0; i < legend->n_items; i++)
    {
      double w = _sd_chart_legend_width (canvas, &legend->items[i], 1);

      if (w > max_width)
        return 0;
      if (x > 0 && x + canvas->pad * 2 + w > max_width)
        {
          row++;
          x = 0;
        }
      x += (x > 0 ? canvas->pad * 2 : 0) + w;
      if (rows != NULL)
        rows[i] = row;
    }
  return row + 1;
}

/* Layout */

typedef struct {
  SdChartMonthLayout base;
  guint              legend_rows;   /* 0: no legend */
  double             legend_y;
} ScoresLayout;

static void
score_axis (SdChartCanvas      *canvas,
            SdChartValueAxis   *axis,
            double              plot_height)
{
  gint64 step = plot_height >= canvas->line_height * 2.2 * 5 ? 2000
                : plot_height >= canvas->line_height * 2.2 * 2 ? 5000 : SCORE_MAX;

  _sd_chart_value_axis_clear (axis);
  axis->unit = SD_CHART_UNIT_BASIS_POINTS;
  axis->scale = (SdChartScale) { 0, SCORE_MAX, step, (guint) (SCORE_MAX / step + 1) };
  axis->labels = g_new0 (char *, axis->scale.n_ticks + 1);
  axis->label_width = 0;
  for (guint i = 0; i < axis->scale.n_ticks; i++)
    {
      axis->labels[i] = sd_chart_format_count ((gint64) i * step / 100,
                                               canvas->style->number_style);
      axis->label_width = MAX (axis->label_width, _sd_chart_text_width (canvas, axis->labels[i]));
    }
}

static void
compute_layout (SdChartCanvas       *canvas,
                const SdChartScores *data,
                const Legend        *legend,
                ScoresLayout        *layout)
{
  SdChartMonthLayout *base = &layout->base;
  guint rows;

  /* The month layout with a value axis like ours ("100 %" is as wide as "100" and more), then
   * the legend rows taken off the top of its plot. */
  _sd_chart_month_layout_init (base, canvas, data->first_month, data->n_months,
                               SD_CHART_UNIT_BASIS_POINTS, 0, SCORE_MAX, NULL, 0);
  layout->legend_rows = 0;
  layout->legend_y = canvas->pad;

  rows = legend_rows (canvas, legend, canvas->width - 2 * canvas->pad, NULL);
  if (rows > 0 && !base->empty)
    {
      double height = rows * canvas->line_height + (rows - 1) * canvas->pad / 2 + canvas->pad;

      /* The lines matter more than their names: the legend gets at most half the plot. */
      if (height <= base->plot.height / 2 && base->plot.height - height >= canvas->line_height * 3)
        {
          layout->legend_rows = rows;
          layout->legend_y = canvas->pad;
          base->plot.y += height;
          base->plot.height -= height;
        }
    }

  score_axis (canvas, &base->values, base->plot.height);
}

static double
score_y (const SdChartMonthLayout *layout,
         gint64                    hundredths)
{
  return _sd_chart_value_axis_map (&layout->values, (double) CLAMP (hundredths, 0, SCORE_MAX),
                                   layout->plot.y + layout->plot.height, layout->plot.y);
}

static double
center_x (const SdChartMonthLayout *layout,
          guint                     i)
{
  return layout->plot.x + (i + 0.5) * layout->slot;
}

static void
draw_legend (SdChartCanvas      *canvas,
             const Legend       *legend,
             const ScoresLayout *layout)
{
  g_autofree guint *rows = g_new0 (guint, legend->n_items);
  guint start = 0;

  legend_rows (canvas, legend, canvas->width - 2 * canvas->pad, rows);
  for (guint i = 1; i <= legend->n_items; i++)
    {
      if (i == legend->n_items || rows[i] != rows[start])
        {
          double y = layout->legend_y + rows[start] * (canvas->line_height + canvas->pad / 2);

          _sd_chart_legend_draw (canvas, &legend->items[start], i - start, canvas->pad, y);
          start = i;
        }
    }
}

/* One series: a line through the months that have a score, broken where one is missing, with a
 * dot where a score stands alone (or wherever there is room for dots). */
static void
draw_series (SdChartCanvas            *canvas,
             const SdChartMonthLayout *layout,
             guint                     n_months,
             const gint64             *scores,
             const SdChartColor       *color,
             double                    line_width,
             gboolean                  dashed)
{
  cairo_t *cr = canvas->cr;
  gboolean drawing = FALSE;
  double marker = layout->slot >= 16 ? line_width + 1.0 : 0;
  static const double dashes[] = { 6.0, 4.0 };

  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (dashed)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  _sd_chart_set_color (cr, color);

  for (guint i = 0; i < n_months; i++)
    {
      if (!has_score (scores[i]))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, center_x (layout, i), score_y (layout, scores[i]));
      else
        cairo_move_to (cr, center_x (layout, i), score_y (layout, scores[i]));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n_months; i++)
    {
      gboolean alone = has_score (scores[i])
                       && (i == 0 || !has_score (scores[i - 1]))
                       && (i + 1 == n_months || !has_score (scores[i + 1]));

      if (!has_score (scores[i]) || (!alone && marker == 0))
        continue;
      cairo_arc (cr, center_x (layout, i), score_y (layout, scores[i]),
                 MAX (marker, line_width + 1.0), 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
sd_chart_draw_scores (cairo_t             *cr,
                      int                  width,
                      int                  height,
                      const SdChartScores *data,
                      const SdChartStyle  *style)
{
  SdChartCanvas canvas;
  ScoresLayout layout;
  SdChartMonthLayout *base = &layout.base;
  Legend legend;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->series != NULL || data->n_series == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  legend_init (&legend, data, style);
  compute_layout (&canvas, data, &legend, &layout);

  _sd_chart_paint_background (&canvas);
  _sd_chart_month_layout_draw_frame (&canvas, base);

  if (!base->empty && base->plot.width > 0 && base->plot.height > 0)
    {
      double thin = base->slot >= 6 ? 2.0 : 1.5;

      if (data->has_highlight)
        _sd_chart_month_layout_shade (&canvas, base, data->highlight);

      if (data->average != NULL)
        draw_series (&canvas, base, data->n_months, data->average, &style->plan, thin, TRUE);
      /* Criteria under the overall score, which is drawn last and thicker. */
      for (guint k = data->n_series; k-- > 0;)
        {
          if (data->series[k].scores != NULL)
            draw_series (&canvas, base, data->n_months, data->series[k].scores,
                         &legend.colors[k], k == 0 ? thin + 1.0 : thin, FALSE);
        }
    }

  if (layout.legend_rows > 0)
    draw_legend (&canvas, &legend, &layout);

  legend_clear (&legend);
  _sd_chart_month_layout_clear (base);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_scores_hit (int                  width,
                     int                  height,
                     const SdChartScores *data,
                     const SdChartStyle  *style,
                     double               x,
                     double               y)
{
  SdChartCanvas canvas;
  ScoresLayout layout;
  Legend legend;
  int index;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (data->series != NULL || data->n_series == 0, -1);
  g_return_val_if_fail (style != NULL, -1);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  legend_init (&legend, data, style);
  compute_layout (&canvas, data, &legend, &layout);
  index = layout.base.empty ? -1 : _sd_chart_slot_hit (&layout.base.plot, data->n_months, x, y);
  legend_clear (&legend);
  _sd_chart_month_layout_clear (&layout.base);
  _sd_chart_canvas_clear (&canvas);

  return index;
}

gboolean
sd_chart_scores_item_x (int                  width,
                        int                  height,
                        const SdChartScores *data,
                        const SdChartStyle  *style,
                        guint                index,
                        double              *x)
{
  SdChartCanvas canvas;
  ScoresLayout layout;
  Legend legend;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->series != NULL || data->n_series == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  legend_init (&legend, data, style);
  compute_layout (&canvas, data, &legend, &layout);
  if (index < data->n_months && !layout.base.empty && layout.base.plot.width > 0
      && layout.base.plot.height > 0)
    {
      *x = center_x (&layout.base, index);
      found = TRUE;
    }
  legend_clear (&legend);
  _sd_chart_month_layout_clear (&layout.base);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

static void
append_score (GString       *out,
              const char    *label,
              gint64         value,
              SdNumberStyle  style)
{
  if (has_score (value))
    {
      g_autofree char *text = sd_chart_format_score (value, style);

      /* Translators: one series in the scores tooltip: its name and score, "Greeting 90". */
      g_string_append_printf (out, _("%s %s"), label, text);
    }
  else
    /* Translators: one series in the scores tooltip when the month has no score for it. */
    g_string_append_printf (out, _("%s no score"), label);
}

char *
sd_chart_scores_tooltip (const SdChartScores *data,
                         const SdChartStyle  *style,
                         guint                index)
{
  g_autofree char *month = NULL;
  GString *out;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_months)
    return NULL;

  month = _sd_chart_month_label (data->first_month + (SdMonth) index);
  out = g_string_new (month);
  g_string_append (out, ": ");

  for (guint k = 0; k < data->n_series; k++)
    {
      const SdChartScoreSeries *series = &data->series[k];

      if (k > 0)
        g_string_append (out, ", ");
      append_score (out, series_label (series),
                    series->scores != NULL ? series->scores[index] : SD_CHART_SCORE_NONE,
                    style->number_style);
    }

  if (data->average != NULL)
    {
      if (data->n_series > 0)
        g_string_append (out, "; ");
      /* Translators: the department average in the scores tooltip, lower case after "; ". */
      append_score (out, _("department average"), data->average[index], style->number_style);
    }

  if (data->n_series == 0 && data->average == NULL)
    /* Translators: scores tooltip for a chart with no series at all. */
    g_string_append (out, _("no scores"));

  return g_string_free (out, FALSE);
}

/* The last month with a score, or -1. */
static int
last_scored (const gint64 *scores,
             guint         n_months)
{
  for (guint i = n_months; scores != NULL && i-- > 0;)
    {
      if (has_score (scores[i]))
        return (int) i;
    }
  return -1;
}

char *
sd_chart_scores_describe (const SdChartScores *data,
                          const SdChartStyle  *style)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *range = NULL;
  GString *out;
  int i_overall, i_average;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  i_overall = data->n_series > 0 ? last_scored (data->series[0].scores, data->n_months) : -1;
  i_average = last_scored (data->average, data->n_months);

  if (data->n_months == 0 || (i_overall < 0 && i_average < 0))
    /* Translators: accessible description of a scores chart without any score. */
    return g_strdup (_("Scores by month: no data"));

  first = _sd_chart_month_label (data->first_month);
  last = _sd_chart_month_label (data->first_month + (SdMonth) data->n_months - 1);
  range = data->n_months == 1 ? g_strdup (first) : g_strdup_printf (_("%s – %s"), first, last);
  /* Translators: accessible description of the scores chart, followed by the latest scores. */
  out = g_string_new (NULL);
  g_string_append_printf (out, _("Scores by month, %s:"), range);

  if (i_overall >= 0)
    {
      g_autofree char *score = sd_chart_format_score (data->series[0].scores[i_overall],
                                                      style->number_style);
      g_autofree char *when = _sd_chart_month_label (data->first_month + (SdMonth) i_overall);

      /* Translators: part of the scores chart description: series name, its latest score and
       * that month, e.g. " Overall 87.5 in March 2026". */
      g_string_append_printf (out, _(" %s %s in %s"), series_label (&data->series[0]), score,
                              when);
    }
  if (i_average >= 0)
    {
      g_autofree char *score = sd_chart_format_score (data->average[i_average],
                                                      style->number_style);
      g_autofree char *when = _sd_chart_month_label (data->first_month + (SdMonth) i_average);

      if (i_overall >= 0)
        g_string_append (out, ";");
      /* Translators: part of the scores chart description: the department's latest average
       * score and its month. */
      g_string_append_printf (out, _(" department average %s in %s"), score, when);
    }

  return g_string_free (out, FALSE);
}
