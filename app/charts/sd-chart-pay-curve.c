/* sd-chart-pay-curve.c — a motivation scheme's pay against plan completion
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-chart-private.h"
#include "sd-chart-pay-curve.h"

#define N_PARTS     4
#define FULL_RANGE  20000   /* 200 % in basis points: the axis always reaches it */

/* Colours the shared style has no field for, per palette: pale bands on white, deeper ones on
 * dark grey, so that the total line (plan colour) always stands out over them. */
typedef struct {
  SdChartColor parts[N_PARTS];   /* salary, commission, KPI, over-plan */
} PayColors;

static SdChartColor
hex_color (guint32 hex)
{
  return (SdChartColor) {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0
  };
}

static void
pay_colors (const SdChartStyle *style,
            PayColors          *colors)
{
  static const guint32 light[N_PARTS] = { 0x99c1f1, 0x8ff0a4, 0xf9e06b, 0xdc8add };
  static const guint32 dark[N_PARTS] = { 0x1a5fb4, 0x26a269, 0x9c6e03, 0x813d9c };
  gboolean is_dark = sd_chart_color_luminance (&style->background) < 0.4;

  for (guint i = 0; i < N_PARTS; i++)
    colors->parts[i] = hex_color (is_dark ? dark[i] : light[i]);
}

static gint64
rubles_floor (SdMoney kopecks)
{
  return kopecks / 100 - (kopecks % 100 < 0 ? 1 : 0);
}

static gint64
rubles_ceil (SdMoney kopecks)
{
  return kopecks / 100 + (kopecks % 100 > 0 ? 1 : 0);
}

static SdMoney
part_value (const SdChartPayPoint *p,
            guint                  part)
{
  SdMoney values[N_PARTS] = { p->salary, p->commission, p->kpi, p->overplan };

  return MAX (values[part], 0);
}

/* The top of band `part` (salary 0 … over-plan 3), stacked from zero; a cap cuts the stack at
 * the total, so the parts it removed are not drawn. */
static SdMoney
stack_top (const SdChartPayPoint *p,
           guint                  part)
{
  SdMoney top = 0, limit = MAX (p->total, 0);

  for (guint i = 0; i <= part; i++)
    {
      if (__builtin_add_overflow (top, part_value (p, i), &top))
        top = G_MAXINT64;
    }
  return MIN (top, limit);
}

static gboolean
part_used (const SdChartPayCurve *data,
           guint                  part)
{
  if (!data->has_parts)
    return FALSE;
  for (guint i = 0; i < data->n_points; i++)
    {
      if (part_value (&data->points[i], part) > 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
part_name (guint part)
{
  switch (part)
    {
    case 0:
      /* Translators: a part of a manager's pay: the fixed monthly salary. */
      return _("Salary");
    case 1:
      /* Translators: a part of a manager's pay: the percentage of sales. */
      return _("Commission");
    case 2:
      /* Translators: a part of a manager's pay: the bonus for key performance indicators. */
      return _("KPI");
    default:
      /* Translators: a part of a manager's pay: the bonus for selling more than the plan. */
      return _("Over-plan");
    }
}

static guint
legend_items (const SdChartPayCurve *data,
              const SdChartStyle    *style,
              const PayColors       *colors,
              SdChartLegendItem     *items)
{
  guint n = 0;

  /* Translators: chart legend: a manager's total pay. */
  items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_LINE, &style->plan, _("Total pay") };
  for (guint i = 0; i < N_PARTS; i++)
    {
      if (part_used (data, i))
        items[n++] = (SdChartLegendItem) { SD_CHART_LEGEND_BAR, &colors->parts[i], part_name (i) };
    }
  return n;
}

/* Layout */

typedef struct {
  SdChartRect      plot;
  gboolean         empty;
  gboolean         show_legend;
  double           legend_x;
  double           legend_y;
  gboolean         show_value_labels;
  gboolean         show_x_labels;
  double           sign_size;     /* the warning signs' row above the plot; 0 for none */
  SdChartValueAxis values;        /* rubles, vertical */
  SdChartValueAxis completion;    /* basis points, horizontal */
} PayLayout;

static void
layout_clear (PayLayout *layout)
{
  _sd_chart_value_axis_clear (&layout->values);
  _sd_chart_value_axis_clear (&layout->completion);
}

static void
compute_layout (SdChartCanvas         *canvas,
                const SdChartPayCurve *data,
                const PayColors       *colors,
                PayLayout             *layout)
{
  double pad = canvas->pad, line = canvas->line_height;
  SdChartRect area = { pad, pad, canvas->width - 2 * pad, canvas->height - 2 * pad };
  SdChartLegendItem items[1 + N_PARTS];
  guint n_items = legend_items (data, canvas->style, colors, items);
  double legend_width = _sd_chart_legend_width (canvas, items, n_items);
  gint64 lo = 0, hi = 0, c_lo = 0, c_hi = FULL_RANGE;
  double axis_height, top, label_width;
  guint max_ticks, x_ticks;

  memset (layout, 0, sizeof *layout);
  layout->empty = data->n_points == 0;

  for (guint i = 0; i < data->n_points; i++)
    {
      const SdChartPayPoint *p = &data->points[i];

      lo = MIN (lo, rubles_floor (p->total));
      hi = MAX (hi, rubles_ceil (p->total));
      if (data->has_parts)
        hi = MAX (hi, rubles_ceil (stack_top (p, N_PARTS - 1)));
      c_lo = MIN (c_lo, p->completion);
      c_hi = MAX (c_hi, p->completion);
    }

  if (area.width < 1 || area.height < 1)
    {
      layout->plot = (SdChartRect) { pad, pad, 0, 0 };
      _sd_chart_value_axis_init (&layout->values, canvas, SD_CHART_UNIT_RUBLES, lo, hi, 2,
                                 data->currency_symbol);
      _sd_chart_value_axis_init (&layout->completion, canvas, SD_CHART_UNIT_BASIS_POINTS,
                                 c_lo, c_hi, 2, NULL);
      return;
    }

  if (!layout->empty && legend_width <= area.width && area.height >= line * 6)
    {
      layout->show_legend = TRUE;
      layout->legend_x = area.x;
      layout->legend_y = area.y;
      area.y += line + pad;
      area.height -= line + pad;
    }

  if (!layout->empty && data->n_warnings > 0 && area.height >= line * 5)
    {
      layout->sign_size = round (line * 0.75);
      area.y += layout->sign_size + 2;
      area.height -= layout->sign_size + 2;
    }

  axis_height = line + pad / 2;
  layout->show_x_labels = !layout->empty && area.height - axis_height >= 2 * line;
  if (!layout->show_x_labels)
    axis_height = 0;

  /* Half a line above, so the top tick's label is not cut (unless the signs are there). */
  top = area.y + (layout->sign_size > 0 ? 0 : line / 2);
  layout->plot.y = top;
  layout->plot.height = MAX (0, area.y + area.height - axis_height - top);
  max_ticks = (guint) CLAMP (floor (layout->plot.height / (line * 2.2)) + 1, 2, 8);
  _sd_chart_value_axis_init (&layout->values, canvas, SD_CHART_UNIT_RUBLES, lo, hi, max_ticks,
                             data->currency_symbol);
  label_width = layout->values.label_width + pad / 2;
  layout->show_value_labels = !layout->empty && layout->plot.height >= line * 1.5
                              && area.width - label_width >= MAX (40, area.width * 0.5);
  layout->plot.x = area.x + (layout->show_value_labels ? label_width : 0);
  /* Room on the right for half of the last completion label. */
  layout->plot.width = MAX (0, area.x + area.width - layout->plot.x
                               - (layout->show_x_labels ? _sd_chart_text_width (canvas, "200 %") / 2
                                                        : 0));

  /* As many completion ticks as fit with a gap between their labels: 20 % steps on a wide
   * chart, 50 % or 100 % on a narrow one. */
  x_ticks = 11;
  for (;;)
    {
      double widest;

      _sd_chart_value_axis_clear (&layout->completion);
      _sd_chart_value_axis_init (&layout->completion, canvas, SD_CHART_UNIT_BASIS_POINTS,
                                 c_lo, c_hi, x_ticks, NULL);
      widest = layout->completion.label_width + pad * 2;
      if (x_ticks <= 2 || widest * layout->completion.scale.n_ticks <= layout->plot.width)
        break;
      x_ticks--;
    }
}

static double
money_y (const PayLayout *layout,
         SdMoney          value)
{
  return _sd_chart_value_axis_map (&layout->values, (double) value / 100.0,
                                   layout->plot.y + layout->plot.height, layout->plot.y);
}

static double
completion_x (const PayLayout *layout,
              gint64           completion)
{
  return _sd_chart_value_axis_map (&layout->completion, (double) completion,
                                   layout->plot.x, layout->plot.x + layout->plot.width);
}

/* Drawing */

static void
draw_completion_axis (SdChartCanvas   *canvas,
                      const PayLayout *layout)
{
  const SdChartRect *plot = &layout->plot;
  const SdChartValueAxis *axis = &layout->completion;
  double bottom = plot->y + plot->height;

  for (guint i = 0; i < axis->scale.n_ticks; i++)
    {
      gint64 tick = axis->scale.lo + (gint64) i * axis->scale.step;
      double x = completion_x (layout, tick);

      if (tick != 0)
        _sd_chart_vline (canvas->cr, x, plot->y, bottom, &canvas->style->grid);
      if (layout->show_x_labels)
        _sd_chart_draw_text (canvas, axis->labels[i], x, bottom + canvas->pad / 2, 0.5, 0.0,
                             &canvas->style->muted_text);
    }
  /* The left edge: pay at zero completion stands on an axis, not in the air. */
  _sd_chart_vline (canvas->cr, plot->x, plot->y, bottom, &canvas->style->axis);
}

static void
draw_parts (SdChartCanvas         *canvas,
            const SdChartPayCurve *data,
            const PayColors       *colors,
            const PayLayout       *layout)
{
  cairo_t *cr = canvas->cr;

  if (data->n_points < 2)
    return;

  cairo_save (cr);
  for (guint part = 0; part < N_PARTS; part++)
    {
      if (!part_used (data, part))
        continue;

      for (guint i = 0; i < data->n_points; i++)
        {
          const SdChartPayPoint *p = &data->points[i];
          double x = completion_x (layout, p->completion);

          if (i == 0)
            cairo_move_to (cr, x, money_y (layout, stack_top (p, part)));
          else
            cairo_line_to (cr, x, money_y (layout, stack_top (p, part)));
        }
      for (guint i = data->n_points; i-- > 0;)
        {
          const SdChartPayPoint *p = &data->points[i];
          SdMoney below = part == 0 ? 0 : stack_top (p, part - 1);

          cairo_line_to (cr, completion_x (layout, p->completion), money_y (layout, below));
        }
      cairo_close_path (cr);
      _sd_chart_set_color (cr, &colors->parts[part]);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* 80 % and 120 % dashed, 100 % solid: the points owners ask about. */
static void
draw_markers (SdChartCanvas   *canvas,
              const PayLayout *layout)
{
  static const gint64 marks[] = { 8000, 10000, 12000 };
  static const double dashes[] = { 4.0, 3.0 };
  const SdChartRect *plot = &layout->plot;
  cairo_t *cr = canvas->cr;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      double x = round (completion_x (layout, marks[i]));

      if (marks[i] < layout->completion.scale.lo || marks[i] > layout->completion.scale.hi)
        continue;

      cairo_save (cr);
      _sd_chart_set_color (cr, marks[i] == 10000 ? &canvas->style->muted_text
                                                 : &canvas->style->axis);
      if (marks[i] == 10000)
        {
          cairo_rectangle (cr, x - 1, plot->y, 2, plot->height);
          cairo_fill (cr);
        }
      else
        {
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_move_to (cr, x + 0.5, plot->y);
          cairo_line_to (cr, x + 0.5, plot->y + plot->height);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }
}

static void
draw_total (SdChartCanvas         *canvas,
            const SdChartPayCurve *data,
            const PayLayout       *layout)
{
  cairo_t *cr = canvas->cr;

  cairo_save (cr);
  _sd_chart_set_color (cr, &canvas->style->plan);
  if (data->n_points == 1)
    {
      const SdChartPayPoint *p = &data->points[0];

      cairo_arc (cr, completion_x (layout, p->completion), money_y (layout, p->total), 3.5, 0,
                 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (guint i = 0; i < data->n_points; i++)
        {
          const SdChartPayPoint *p = &data->points[i];

          if (i == 0)
            cairo_move_to (cr, completion_x (layout, p->completion), money_y (layout, p->total));
          else
            cairo_line_to (cr, completion_x (layout, p->completion), money_y (layout, p->total));
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The point a warning belongs to: the one nearest to its completion, the first of equals. */
static guint
warning_point (const SdChartPayCurve   *data,
               const SdChartPayWarning *warning)
{
  guint best = 0;
  gint64 best_distance = G_MAXINT64;

  for (guint i = 0; i < data->n_points; i++)
    {
      gint64 d = data->points[i].completion - warning->completion;

      d = d < 0 ? -d : d;
      if (d < best_distance)
        {
          best = i;
          best_distance = d;
        }
    }
  return best;
}

static void
draw_sign (cairo_t               *cr,
           SdChartPayWarningKind  kind,
           double                 cx,
           double                 top,
           double                 size)
{
  double half = size / 2;

  switch (kind)
    {
    case SD_CHART_PAY_WARNING_CLIFF:
      /* ▲ a warning sign: pay jumps here. */
      cairo_move_to (cr, cx, top);
      cairo_line_to (cr, cx + half, top + size);
      cairo_line_to (cr, cx - half, top + size);
      break;

    case SD_CHART_PAY_WARNING_CAP:
      /* ▼ a ceiling: the cap presses the pay down. */
      cairo_move_to (cr, cx - half, top);
      cairo_line_to (cr, cx + half, top);
      cairo_line_to (cr, cx, top + size);
      break;

    case SD_CHART_PAY_WARNING_FLAT:
    default:
      /* ▬ a flat bar: nothing more to earn. */
      cairo_rectangle (cr, cx - half, top + size * 0.3, size, size * 0.4);
      break;
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_warnings (SdChartCanvas         *canvas,
               const SdChartPayCurve *data,
               const PayLayout       *layout)
{
  cairo_t *cr = canvas->cr;
  const SdChartStyle *style = canvas->style;

  if (data->n_points == 0)
    return;

  cairo_save (cr);
  for (guint i = 0; i < data->n_warnings; i++)
    {
      const SdChartPayWarning *w = &data->warnings[i];
      const SdChartPayPoint *p = &data->points[warning_point (data, w)];
      double x = completion_x (layout, CLAMP (w->completion, layout->completion.scale.lo,
                                              layout->completion.scale.hi));
      double y = money_y (layout, p->total);

      if (style->background.alpha > 0)
        {
          _sd_chart_set_color (cr, &style->background);
          cairo_arc (cr, x, y, 6.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      _sd_chart_set_color (cr, &style->negative);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      cairo_fill (cr);

      if (layout->sign_size > 0)
        draw_sign (cr, w->kind, round (x), layout->plot.y - layout->sign_size - 2,
                   layout->sign_size);
    }
  cairo_restore (cr);
}

static void
draw_highlight (SdChartCanvas         *canvas,
                const SdChartPayCurve *data,
                const PayLayout       *layout)
{
  const SdChartPayPoint *p = &data->points[data->highlight];
  double x = completion_x (layout, p->completion), y = money_y (layout, p->total);
  cairo_t *cr = canvas->cr;

  _sd_chart_vline (cr, x, layout->plot.y, layout->plot.y + layout->plot.height,
                   &canvas->style->highlight);
  cairo_save (cr);
  if (canvas->style->background.alpha > 0)
    {
      _sd_chart_set_color (cr, &canvas->style->background);
      cairo_arc (cr, x, y, 5.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  _sd_chart_set_color (cr, &canvas->style->highlight);
  cairo_arc (cr, x, y, 4.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
sd_chart_draw_pay_curve (cairo_t               *cr,
                         int                    width,
                         int                    height,
                         const SdChartPayCurve *data,
                         const SdChartStyle    *style)
{
  SdChartCanvas canvas;
  PayLayout layout;
  PayColors colors;
  const SdChartRect *plot = &layout.plot;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->points != NULL || data->n_points == 0);
  g_return_if_fail (data->warnings != NULL || data->n_warnings == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  pay_colors (style, &colors);
  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  compute_layout (&canvas, data, &colors, &layout);
  _sd_chart_paint_background (&canvas);

  if (plot->width > 0 && plot->height > 0)
    {
      if (layout.empty)
        {
          _sd_chart_vline (cr, plot->x, plot->y, plot->y + plot->height + 1, &style->axis);
          _sd_chart_hline (cr, plot->x, plot->x + plot->width, plot->y + plot->height,
                           &style->axis);
          _sd_chart_draw_no_data (&canvas, plot);
        }
      else
        {
          _sd_chart_value_axis_draw_vertical (&canvas, &layout.values, plot,
                                              layout.show_value_labels);
          draw_completion_axis (&canvas, &layout);
          draw_parts (&canvas, data, &colors, &layout);
          _sd_chart_value_axis_draw_zero (&canvas, &layout.values, plot);
          draw_markers (&canvas, &layout);
          if (data->has_highlight && data->highlight < data->n_points)
            draw_highlight (&canvas, data, &layout);
          draw_total (&canvas, data, &layout);
          draw_warnings (&canvas, data, &layout);
        }
    }

  if (layout.show_legend)
    {
      SdChartLegendItem items[1 + N_PARTS];
      guint n_items = legend_items (data, style, &colors, items);

      _sd_chart_legend_draw (&canvas, items, n_items, layout.legend_x, layout.legend_y);
    }

  layout_clear (&layout);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

/* Hit testing and geometry */

typedef struct {
  SdChartCanvas canvas;
  PayLayout     layout;
  PayColors     colors;
} Measure;

static gboolean
measure_init (Measure               *m,
              int                    width,
              int                    height,
              const SdChartPayCurve *data,
              const SdChartStyle    *style)
{
  pay_colors (style, &m->colors);
  _sd_chart_canvas_init (&m->canvas, NULL, width, height, style);
  compute_layout (&m->canvas, data, &m->colors, &m->layout);
  return !m->layout.empty && m->layout.plot.width > 0 && m->layout.plot.height > 0;
}

static void
measure_clear (Measure *m)
{
  layout_clear (&m->layout);
  _sd_chart_canvas_clear (&m->canvas);
}

int
sd_chart_pay_curve_hit (int                    width,
                        int                    height,
                        const SdChartPayCurve *data,
                        const SdChartStyle    *style,
                        double                 x,
                        double                 y)
{
  Measure m;
  int best = -1;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (data->points != NULL || data->n_points == 0, -1);
  g_return_val_if_fail (style != NULL, -1);

  if (measure_init (&m, width, height, data, style))
    {
      /* Points sit on the plot's left and right edges: half a gap around it still finds them. */
      SdChartRect around = m.layout.plot;
      double best_distance = G_MAXDOUBLE;

      around.x -= m.canvas.pad / 2;
      around.width += m.canvas.pad;
      for (guint i = 0; i < data->n_points && _sd_chart_rect_contains (&around, x, y); i++)
        {
          double d = fabs (completion_x (&m.layout, data->points[i].completion) - x);

          if (d < best_distance)
            {
              best = (int) i;
              best_distance = d;
            }
        }
    }
  measure_clear (&m);
  return best;
}

gboolean
sd_chart_pay_curve_item_point (int                    width,
                               int                    height,
                               const SdChartPayCurve *data,
                               const SdChartStyle    *style,
                               guint                  index,
                               double                *x,
                               double                *y)
{
  Measure m;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->points != NULL || data->n_points == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (measure_init (&m, width, height, data, style) && index < data->n_points)
    {
      *x = completion_x (&m.layout, data->points[index].completion);
      *y = money_y (&m.layout, data->points[index].total);
      found = TRUE;
    }
  measure_clear (&m);
  return found;
}

gboolean
sd_chart_pay_curve_completion_x (int                    width,
                                 int                    height,
                                 const SdChartPayCurve *data,
                                 const SdChartStyle    *style,
                                 gint64                 completion,
                                 double                *x)
{
  Measure m;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->points != NULL || data->n_points == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  if (measure_init (&m, width, height, data, style))
    {
      *x = completion_x (&m.layout, completion);
      found = TRUE;
    }
  measure_clear (&m);
  return found;
}

/* Text */

/* "104 %" for whole percentages, "83,3 %" otherwise: a completion reads like the axis. */
static char *
format_completion (gint64        basis_points,
                   SdNumberStyle style)
{
  char *text = sd_chart_format_percent (basis_points, style, FALSE);

  if (basis_points % 100 == 0)
    {
      char *sep = strchr (text, style == SD_NUMBER_STYLE_RU ? ',' : '.');

      if (sep != NULL && sep[1] == '0')
        memmove (sep, sep + 2, strlen (sep + 2) + 1);
    }
  return text;
}

static const char *
generic_warning (SdChartPayWarningKind kind)
{
  switch (kind)
    {
    case SD_CHART_PAY_WARNING_CLIFF:
      /* Translators: pay curve tooltip: a small change in sales changes pay a lot here. */
      return _("pay jumps here");
    case SD_CHART_PAY_WARNING_CAP:
      /* Translators: pay curve tooltip: the maximum pay is reached here, early. */
      return _("the cap stops pay from growing here");
    case SD_CHART_PAY_WARNING_FLAT:
    default:
      /* Translators: pay curve tooltip: selling more does not raise pay from here on. */
      return _("selling more brings no more pay from here");
    }
}

char *
sd_chart_pay_curve_tooltip (const SdChartPayCurve *data,
                            const SdChartStyle    *style,
                            guint                  index)
{
  const SdChartPayPoint *p;
  g_autofree char *at = NULL;
  g_autofree char *total = NULL;
  SdNumberStyle ns;
  const char *sym;
  GString *out;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (index >= data->n_points || data->points == NULL)
    return NULL;

  p = &data->points[index];
  ns = style->number_style;
  sym = data->currency_symbol;
  at = format_completion (p->completion, ns);
  total = sd_chart_format_money_exact (p->total, ns, sym);
  out = g_string_new (NULL);
  /* Translators: pay curve tooltip: plan completion and the total pay there, e.g.
   * "At 104%: pay 86,500 ₽". */
  g_string_append_printf (out, _("At %s: pay %s"), at, total);

  if (data->has_parts)
    {
      SdMoney values[N_PARTS + 1] = { p->salary, p->commission, p->kpi, p->overplan,
                                      p->cap_adjustment };
      /* Translators: pay parts in the pay curve tooltip, lower case, each followed by its
       * amount: "salary 40,000 ₽". */
      const char *names[N_PARTS + 1] = { N_("salary %s"), N_("commission %s"), N_("KPI %s"),
                                         N_("over-plan %s"), N_("cap %s") };
      gboolean any = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *amount = NULL;

          if (values[i] == 0)
            continue;
          amount = sd_chart_format_money_exact (values[i], ns, sym);
          g_string_append (out, any ? ", " : " (");
          g_string_append_printf (out, _(names[i]), amount);
          any = TRUE;
        }
      if (any)
        g_string_append (out, ")");
    }

  for (guint i = 0; i < data->n_warnings; i++)
    {
      const SdChartPayWarning *w = &data->warnings[i];

      if (warning_point (data, w) != index)
        continue;
      g_string_append (out, "; ");
      g_string_append (out, w->text != NULL && *w->text != '\0' ? w->text
                                                                : generic_warning (w->kind));
    }

  return g_string_free (out, FALSE);
}

static guint
nearest_point (const SdChartPayCurve *data,
               gint64                 completion)
{
  SdChartPayWarning probe = { completion, SD_CHART_PAY_WARNING_CLIFF, NULL };

  return warning_point (data, &probe);
}

char *
sd_chart_pay_curve_describe (const SdChartPayCurve *data,
                             const SdChartStyle    *style)
{
  const SdChartPayPoint *first, *last, *full;
  g_autofree char *first_at = NULL;
  g_autofree char *first_pay = NULL;
  g_autofree char *last_at = NULL;
  g_autofree char *last_pay = NULL;
  g_autofree char *full_at = NULL;
  g_autofree char *full_pay = NULL;
  SdNumberStyle ns;
  GString *out;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (data->n_points == 0 || data->points == NULL)
    /* Translators: accessible description of an empty pay curve. */
    return g_strdup (_("Pay against plan completion: no data"));

  ns = style->number_style;
  first = &data->points[0];
  last = &data->points[data->n_points - 1];
  full = &data->points[nearest_point (data, 10000)];
  first_at = format_completion (first->completion, ns);
  first_pay = sd_chart_format_money_short (first->total, ns, data->currency_symbol);
  last_at = format_completion (last->completion, ns);
  last_pay = sd_chart_format_money_short (last->total, ns, data->currency_symbol);
  full_at = format_completion (full->completion, ns);
  full_pay = sd_chart_format_money_short (full->total, ns, data->currency_symbol);

  out = g_string_new (NULL);
  if (data->n_points == 1)
    /* Translators: accessible description of a pay curve with one point: pay, completion. */
    g_string_append_printf (out, _("Pay against plan completion: %s at %s"), first_pay, first_at);
  else
    /* Translators: accessible description of the pay curve: pay at the lowest completion, at
     * 100 % (or the nearest), at the highest, e.g. "Pay against plan completion: 40K ₽ at 0%,
     * 86.5K ₽ at 100%, 150K ₽ at 200%". */
    g_string_append_printf (out, _("Pay against plan completion: %s at %s, %s at %s, %s at %s"),
                            first_pay, first_at, full_pay, full_at, last_pay, last_at);

  if (data->n_warnings > 0)
    {
      g_string_append (out, "; ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                data->n_warnings), data->n_warnings);
    }

  return g_string_free (out, FALSE);
}
