/* sd-chart-funnel.c — leads → deals → revenue for one period
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
#include "sd-chart-funnel.h"

#define N_STAGES SD_CHART_FUNNEL_N_STAGES
#define EM_DASH  "\xe2\x80\x94"

typedef struct {
  gboolean    empty;
  SdChartRect area;
  char       *names[N_STAGES];
  char       *values[N_STAGES];
  char       *links[N_STAGES - 1];  /* text beside each connector */
  gboolean    show_names;
  gboolean    show_values;
  gboolean    show_links;
  double      name_width;
  double      bars_x0;
  double      bars_x1;
  double      top;                  /* of the first stage */
  double      stage_height;
  double      link_height;
  double      widths[N_STAGES];
} FunnelLayout;

static gboolean
conversion_bp (const SdChartFunnel *data,
               gint64              *bp)
{
  return data->leads > 0 && data->deals >= 0 && _sd_chart_ratio_bp (data->deals, data->leads, bp);
}

static gboolean
average_deal (const SdChartFunnel *data,
              SdMoney             *out)
{
  if (data->deals <= 0)
    return FALSE;
  *out = sd_div_round (data->revenue, data->deals);
  return TRUE;
}

static char *
conversion_text (const SdChartFunnel *data,
                 SdNumberStyle        ns)
{
  g_autofree char *pct = NULL;
  gint64 bp;

  pct = conversion_bp (data, &bp) ? sd_chart_format_percent (bp, ns, FALSE) : g_strdup (EM_DASH);
  /* Translators: in the funnel chart between leads and deals; %s is a percentage. */
  return g_strdup_printf (_("↓ conversion %s"), pct);
}

static char *
average_deal_text (const SdChartFunnel *data,
                   SdNumberStyle        ns)
{
  g_autofree char *amount = NULL;
  SdMoney average;

  amount = average_deal (data, &average)
           ? sd_chart_format_money_short (average, ns, data->currency_symbol)
           : g_strdup (EM_DASH);
  /* Translators: in the funnel chart between deals and revenue; %s is an amount. */
  return g_strdup_printf (_("↓ average deal %s"), amount);
}

static void
compute_layout (SdChartCanvas       *canvas,
                const SdChartFunnel *data,
                FunnelLayout        *layout)
{
  SdNumberStyle ns = canvas->style->number_style;
  double pad = canvas->pad, line = canvas->line_height;
  double name_width = 0, value_width = 0, link_width = 0, right_width, bars_width, total;
  gint64 counts[N_STAGES];
  gint64 widest_count;

  memset (layout, 0, sizeof *layout);
  layout->area = (SdChartRect) { pad, pad, canvas->width - 2 * pad, canvas->height - 2 * pad };
  layout->empty = data->leads <= 0 && data->deals <= 0 && data->revenue == 0;

  layout->names[SD_CHART_FUNNEL_LEADS] = g_strdup (_("Leads"));
  layout->names[SD_CHART_FUNNEL_DEALS] = g_strdup (_("Deals"));
  layout->names[SD_CHART_FUNNEL_REVENUE] = g_strdup (_("Revenue"));
  layout->values[SD_CHART_FUNNEL_LEADS] = sd_chart_format_count (data->leads, ns);
  layout->values[SD_CHART_FUNNEL_DEALS] = sd_chart_format_count (data->deals, ns);
  layout->values[SD_CHART_FUNNEL_REVENUE] = sd_chart_format_money_short (data->revenue, ns,
                                                                         data->currency_symbol);
  layout->links[0] = conversion_text (data, ns);
  layout->links[1] = average_deal_text (data, ns);

  if (layout->empty || layout->area.width < 1 || layout->area.height < 1)
    return;

  for (guint i = 0; i < N_STAGES; i++)
    {
      name_width = MAX (name_width, _sd_chart_text_width (canvas, layout->names[i]));
      value_width = MAX (value_width, _sd_chart_text_width (canvas, layout->values[i]));
    }
  for (guint i = 0; i < N_STAGES - 1; i++)
    link_width = MAX (link_width, _sd_chart_text_width (canvas, layout->links[i]));

  /* Vertically: three stages and two connectors about 0.6 of a stage, centred. */
  layout->stage_height = MIN (round (line * 2.6), floor (layout->area.height / 4.2));
  layout->link_height = round (layout->stage_height * 0.6);
  total = 3 * layout->stage_height + 2 * layout->link_height;
  layout->top = round (layout->area.y + (layout->area.height - total) / 2);

  /* Horizontally: names | bars | values; the connector notes go first, then names, values. */
  layout->show_values = layout->stage_height >= line;
  layout->show_links = layout->show_values && layout->link_height >= line;
  layout->show_names = layout->stage_height >= line;
  for (;;)
    {
      right_width = layout->show_values ? MAX (value_width,
                                               layout->show_links ? link_width : 0) + pad : 0;
      layout->name_width = layout->show_names ? name_width + pad : 0;
      bars_width = layout->area.width - layout->name_width - right_width;
      if (bars_width >= MAX (line * 4, layout->area.width * 0.3))
        break;
      if (layout->show_links)
        layout->show_links = FALSE;
      else if (layout->show_names)
        layout->show_names = FALSE;
      else if (layout->show_values)
        layout->show_values = FALSE;
      else
        break;
    }

  layout->bars_x0 = layout->area.x + layout->name_width;
  layout->bars_x1 = layout->area.x + layout->area.width - right_width;
  bars_width = MAX (0, layout->bars_x1 - layout->bars_x0);

  counts[SD_CHART_FUNNEL_LEADS] = MAX (data->leads, 0);
  counts[SD_CHART_FUNNEL_DEALS] = MAX (data->deals, 0);
  widest_count = MAX (MAX (counts[0], counts[1]), 1);
  for (guint i = 0; i < 2; i++)
    {
      layout->widths[i] = round (bars_width * ((double) counts[i] / (double) widest_count));
      if (counts[i] > 0)
        layout->widths[i] = MAX (layout->widths[i], MIN (4, bars_width));
    }
  layout->widths[SD_CHART_FUNNEL_REVENUE] = layout->widths[SD_CHART_FUNNEL_DEALS];
  if (data->revenue != 0)
    layout->widths[SD_CHART_FUNNEL_REVENUE] = MAX (layout->widths[SD_CHART_FUNNEL_REVENUE],
                                                   MIN (4, bars_width));
}

static void
clear_layout (FunnelLayout *layout)
{
  for (guint i = 0; i < N_STAGES; i++)
    {
      g_clear_pointer (&layout->names[i], g_free);
      g_clear_pointer (&layout->values[i], g_free);
    }
  for (guint i = 0; i < N_STAGES - 1; i++)
    g_clear_pointer (&layout->links[i], g_free);
}

static double
stage_top (const FunnelLayout *layout,
           guint               stage)
{
  return layout->top + stage * (layout->stage_height + layout->link_height);
}

static SdChartRect
stage_rect (const FunnelLayout *layout,
            guint               stage)
{
  double cx = round ((layout->bars_x0 + layout->bars_x1) / 2);

  return (SdChartRect) { round (cx - layout->widths[stage] / 2), stage_top (layout, stage),
                         layout->widths[stage], layout->stage_height };
}

void
sd_chart_draw_funnel (cairo_t             *cr,
                      int                  width,
                      int                  height,
                      const SdChartFunnel *data,
                      const SdChartStyle  *style)
{
  SdChartCanvas canvas;
  FunnelLayout layout;
  double cx;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);

  _sd_chart_canvas_init (&canvas, cr, width, height, style);
  compute_layout (&canvas, data, &layout);
  _sd_chart_paint_background (&canvas);

  if (layout.empty)
    {
      if (layout.area.width > 0 && layout.area.height > 0)
        _sd_chart_draw_no_data (&canvas, &layout.area);
      goto out;
    }
  if (layout.stage_height < 1 || layout.bars_x1 <= layout.bars_x0)
    goto out;

  cx = round ((layout.bars_x0 + layout.bars_x1) / 2);

  if (data->has_highlight && data->highlight < N_STAGES)
    {
      double top = stage_top (&layout, data->highlight) - layout.link_height / 2;

      cairo_save (cr);
      _sd_chart_set_color (cr, &style->grid);
      cairo_rectangle (cr, 0, round (top), canvas.width,
                       round (layout.stage_height + layout.link_height));
      cairo_fill (cr);
      cairo_restore (cr);
    }

  /* Connectors first, under the bars' edges. */
  for (guint i = 0; i + 1 < N_STAGES; i++)
    {
      double y0 = stage_top (&layout, i) + layout.stage_height;
      double y1 = stage_top (&layout, i + 1);
      double w0 = layout.widths[i] / 2, w1 = layout.widths[i + 1] / 2;

      cairo_save (cr);
      _sd_chart_set_color (cr, &style->forecast);
      cairo_move_to (cr, cx - w0, y0);
      cairo_line_to (cr, cx + w0, y0);
      cairo_line_to (cr, cx + w1, y1);
      cairo_line_to (cr, cx - w1, y1);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_restore (cr);

      if (layout.show_links)
        _sd_chart_draw_text (&canvas, layout.links[i], layout.bars_x1 + canvas.pad,
                             (y0 + y1) / 2, 0.0, 0.5, &style->muted_text);
    }

  for (guint i = 0; i < N_STAGES; i++)
    {
      double top = stage_top (&layout, i), cy = top + layout.stage_height / 2;
      gboolean highlighted = data->has_highlight && data->highlight == i;

      if (layout.widths[i] > 0)
        {
          SdChartRect r = stage_rect (&layout, i);

          cairo_save (cr);
          _sd_chart_set_color (cr, highlighted ? &style->highlight : &style->fact);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      else
        _sd_chart_vline (cr, cx, top, top + layout.stage_height, &style->axis);

      if (layout.show_names)
        _sd_chart_draw_text (&canvas, layout.names[i], layout.area.x, cy, 0.0, 0.5,
                             &style->text);
      if (layout.show_values)
        _sd_chart_draw_text (&canvas, layout.values[i], layout.bars_x1 + canvas.pad, cy, 0.0,
                             0.5, &style->text);
    }

out:
  clear_layout (&layout);
  _sd_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

int
sd_chart_funnel_hit (int                  width,
                     int                  height,
                     const SdChartFunnel *data,
                     const SdChartStyle  *style,
                     double               x,
                     double               y)
{
  SdChartCanvas canvas;
  FunnelLayout layout;
  int stage = -1;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (style != NULL, -1);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);

  if (!layout.empty && layout.stage_height >= 1
      && x >= layout.area.x && x < layout.area.x + layout.area.width)
    {
      for (guint i = 0; i < N_STAGES; i++)
        {
          double top = stage_top (&layout, i) - layout.link_height / 2;

          if (y >= top && y < top + layout.stage_height + layout.link_height)
            {
              stage = (int) i;
              break;
            }
        }
    }

  clear_layout (&layout);
  _sd_chart_canvas_clear (&canvas);
  return stage;
}

gboolean
sd_chart_funnel_item_rect (int                  width,
                           int                  height,
                           const SdChartFunnel *data,
                           const SdChartStyle  *style,
                           guint                stage,
                           SdChartRect         *rect)
{
  SdChartCanvas canvas;
  FunnelLayout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _sd_chart_canvas_init (&canvas, NULL, width, height, style);
  compute_layout (&canvas, data, &layout);

  if (stage < N_STAGES && !layout.empty && layout.stage_height >= 1
      && layout.bars_x1 > layout.bars_x0)
    {
      *rect = stage_rect (&layout, stage);
      found = TRUE;
    }

  clear_layout (&layout);
  _sd_chart_canvas_clear (&canvas);
  return found;
}

char *
sd_chart_funnel_tooltip (const SdChartFunnel *data,
                         const SdChartStyle  *style,
                         guint                stage)
{
  SdNumberStyle ns;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  ns = style->number_style;
  switch (stage)
    {
    case SD_CHART_FUNNEL_LEADS:
      {
        g_autofree char *count = sd_chart_format_count (data->leads, ns);

        /* Translators: funnel chart tooltip; %s is a number. */
        return g_strdup_printf (_("Leads: %s"), count);
      }

    case SD_CHART_FUNNEL_DEALS:
      {
        g_autofree char *count = sd_chart_format_count (data->deals, ns);
        gint64 bp;

        if (conversion_bp (data, &bp))
          {
            g_autofree char *pct = sd_chart_format_percent (bp, ns, FALSE);

            /* Translators: funnel chart tooltip: deals and their share of leads. */
            return g_strdup_printf (_("Deals: %s (%s of leads)"), count, pct);
          }
        return g_strdup_printf (_("Deals: %s"), count);
      }

    case SD_CHART_FUNNEL_REVENUE:
      {
        g_autofree char *amount = sd_chart_format_money_exact (data->revenue, ns,
                                                               data->currency_symbol);
        SdMoney average;

        if (average_deal (data, &average))
          {
            g_autofree char *avg = sd_chart_format_money_exact (average, ns,
                                                                data->currency_symbol);

            /* Translators: funnel chart tooltip: revenue and the average deal. */
            return g_strdup_printf (_("Revenue: %s (average deal %s)"), amount, avg);
          }
        return g_strdup_printf (_("Revenue: %s"), amount);
      }

    default:
      return NULL;
    }
}

char *
sd_chart_funnel_describe (const SdChartFunnel *data,
                          const SdChartStyle  *style)
{
  SdNumberStyle ns;
  g_autofree char *leads = NULL;
  g_autofree char *deals = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *leads_text = NULL;
  g_autofree char *deals_text = NULL;
  g_autofree char *conversion = NULL;
  GString *out;
  gint64 bp;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  ns = style->number_style;
  out = g_string_new (NULL);
  if (data->period_label != NULL && *data->period_label != '\0')
    /* Translators: start of the funnel chart's accessible description; %s is the period. */
    g_string_append_printf (out, _("Sales funnel, %s: "), data->period_label);
  else
    g_string_append (out, _("Sales funnel: "));

  leads = sd_chart_format_count (data->leads, ns);
  deals = sd_chart_format_count (data->deals, ns);
  revenue = sd_chart_format_money_short (data->revenue, ns, data->currency_symbol);
  leads_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s lead", "%s leads",
                                             (gulong) MAX (data->leads, 0)), leads);
  deals_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal", "%s deals",
                                             (gulong) MAX (data->deals, 0)), deals);
  conversion = conversion_bp (data, &bp) ? sd_chart_format_percent (bp, ns, FALSE)
                                         : g_strdup (EM_DASH);

  /* Translators: the funnel chart's accessible description after its start: leads, deals,
   * conversion, revenue, e.g. "1,200 leads, 240 deals (conversion 20.0%), revenue 36M ₽". */
  g_string_append_printf (out, _("%s, %s (conversion %s), revenue %s"),
                          leads_text, deals_text, conversion, revenue);

  return g_string_free (out, FALSE);
}
