/* sd-report-pdf.c — the owner report on pages: headline, charts, tables that continue with
 * their header repeated, "Page N of M"; the same drawing for the PDF file and for printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-report-pdf"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sd-chart-growth.h"
#include "sd-chart-plan-fact.h"
#include "sd-scheme.h"
#include "sd-chart.h"
#include "sd-report-pdf.h"

/* A4 landscape, in points. */
#define PAGE_WIDTH  841.89
#define PAGE_HEIGHT 595.28
#define MARGIN      36.0

#define FONT_FAMILY "DejaVu Sans"
#define BODY_SIZE   8.0
#define SMALL_SIZE  7.0
#define HEADING_SIZE 12.0
#define TITLE_SIZE  18.0
#define FIGURE_SIZE 12.5
#define CELL_PAD    3.0
#define FOOTER_HEIGHT 18.0
#define GAP         10.0

/* --- text of the report, shared with the page on screen --- */

static SdNumberStyle
style_now (void)
{
  return sd_number_style_current ();
}

static const char *
symbol_of (const SdOwnerReport *report)
{
  return sd_currency_symbol (report->currency != NULL ? report->currency : "RUB");
}

static char *
money_exact (const SdOwnerReport *report,
             SdMoney              value)
{
  return sd_money_format (value, style_now (), symbol_of (report));
}

static char *
money_whole (const SdOwnerReport *report,
             SdMoney              value)
{
  return sd_money_format_whole (value, style_now (), symbol_of (report));
}

static char *
ratio_text (const SdRatio *ratio,
            gboolean       explicit_plus)
{
  if (!ratio->defined)
    return g_strdup ("—");
  return sd_chart_format_percent (ratio->bp, style_now (), explicit_plus);
}

static char *
count_text (gint64 value)
{
  return sd_chart_format_count (value, style_now ());
}

void
sd_report_figure_free (SdReportFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->label);
  g_free (figure->value);
  g_free (figure->detail);
  g_free (figure);
}

static void
add_figure (GPtrArray  *figures,
            const char *label,
            char       *value,
            char       *detail)
{
  SdReportFigure *f = g_new0 (SdReportFigure, 1);

  f->label = g_strdup (label);
  f->value = value;
  f->detail = detail != NULL ? detail : g_strdup ("");
  g_ptr_array_add (figures, f);
}

GPtrArray *
sd_report_headline_figures (const SdOwnerReport *report)
{
  GPtrArray *figures;

  g_return_val_if_fail (report != NULL, NULL);

  figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_report_figure_free);

  {
    g_autofree char *pct = ratio_text (&report->completion, FALSE);

    add_figure (figures, _("Revenue"), money_exact (report, report->fact),
                report->completion.defined
                /* Translators: under the revenue: "93,8 % of the plan" */
                ? g_strdup_printf (_("%s of the plan"), pct)
                : g_strdup (_("no plan for the period")));
  }
  add_figure (figures, _("Plan"), money_exact (report, report->plan), NULL);
  {
    SdRatio paid_share = sd_ratio_share (report->paid, report->fact);
    g_autofree char *pct = ratio_text (&paid_share, FALSE);

    add_figure (figures, _("Paid"), money_exact (report, report->paid),
                paid_share.defined
                /* Translators: under the paid revenue: "87,0 % of revenue" */
                ? g_strdup_printf (_("%s of revenue"), pct) : NULL);
  }
  add_figure (figures, _("Plan completion"), ratio_text (&report->completion, FALSE),
              g_strdup (_("revenue ÷ plan")));
  if (report->has_forecast)
    {
      g_autofree char *pct = ratio_text (&report->forecast_completion, FALSE);

      add_figure (figures, _("Forecast"), money_exact (report, report->forecast),
                  report->forecast_completion.defined
                  /* Translators: under the forecast: "101,2 % of the plan, probable" */
                  ? g_strdup_printf (_("%s of the plan, probable"), pct)
                  : g_strdup (_("probable: fact to date and the weighted pipeline")));
    }
  {
    g_autofree char *was = money_whole (report, report->previous_fact);

    add_figure (figures, _("Growth on the previous period"), ratio_text (&report->growth, TRUE),
                /* Translators: under a growth figure: "was 11 250 401 ₽" */
                g_strdup_printf (_("was %s"), was));
  }
  {
    g_autofree char *was = money_whole (report, report->year_ago_fact);

    add_figure (figures, _("Growth on a year before"), ratio_text (&report->year_growth, TRUE),
                g_strdup_printf (_("was %s"), was));
  }
  {
    SdRatio conversion = sd_ratio_share (report->deals, report->leads);
    g_autofree char *leads = count_text (report->leads);
    g_autofree char *pct = ratio_text (&conversion, FALSE);

    add_figure (figures, _("Deals"), count_text (report->deals),
                /* Translators: under the deals: "420 leads, conversion 25,0 %" */
                g_strdup_printf (_("%s leads, conversion %s"), leads, pct));
  }
  if (report->pay_months->len > 0)
    {
      g_autofree char *pct = ratio_text (&report->pay_share, FALSE);

      add_figure (figures, _("Department pay"), money_exact (report, report->pay_total),
                  report->pay_share.defined
                  ? g_strdup_printf (_("%s of revenue"), pct) : NULL);
    }
  return figures;
}

static void
table_set_columns (SdReportTable      *table,
                   guint               n,
                   const char * const *headers,
                   const double       *widths)
{
  table->n_columns = n;
  table->text_columns = 1;
  table->headers = g_new0 (char *, n + 1);
  table->widths = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      table->headers[i] = g_strdup (_(headers[i]));
      table->widths[i] = widths[i];
    }
}

static char **
row_new (SdReportTable *table)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  g_ptr_array_add (table->rows, row);
  return row;
}

static void
fill_months (SdReportTable       *table,
             const SdOwnerReport *report)
{
  static const char * const headers[] = {
    N_("Month"), N_("Plan"), N_("Revenue"), N_("Completion"), N_("Paid"), N_("Deals"),
    N_("Leads"), N_("vs month before"), N_("vs year before"),
  };
  static const double widths[] = { 1.4, 1.5, 1.5, 1.0, 1.5, 0.7, 0.7, 1.35, 1.35 };
  char **row;

  table->title = g_strdup (_("Month by month"));
  table_set_columns (table, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < report->months->len; i++)
    {
      const SdReportMonth *m = &g_array_index (report->months, SdReportMonth, i);

      /* A month without facts yet (the report leaves its ratios undefined) shows "—", as
       * the workbook leaves it empty. */
      row = row_new (table);
      row[0] = sd_month_format_label (m->month);
      row[1] = money_whole (report, m->plan);
      row[2] = m->has_fact ? money_whole (report, m->fact) : g_strdup ("—");
      row[3] = ratio_text (&m->completion, FALSE);
      row[4] = m->has_fact ? money_whole (report, m->paid) : g_strdup ("—");
      row[5] = count_text (m->deals);
      row[6] = count_text (m->leads);
      row[7] = ratio_text (&m->growth, TRUE);
      row[8] = ratio_text (&m->year_growth, TRUE);
    }
  table->total_row = (gint) table->rows->len;
  row = row_new (table);
  row[0] = g_strdup (_("Total"));
  row[1] = money_whole (report, report->plan);
  row[2] = money_whole (report, report->fact);
  row[3] = ratio_text (&report->completion, FALSE);
  row[4] = money_whole (report, report->paid);
  row[5] = count_text (report->deals);
  row[6] = count_text (report->leads);
  /* The whole period against the one before and the same period a year before. */
  row[7] = ratio_text (&report->growth, TRUE);
  row[8] = ratio_text (&report->year_growth, TRUE);
}

static void
fill_managers (SdReportTable       *table,
               const SdOwnerReport *report)
{
  static const char * const headers[] = {
    N_("Manager"), N_("Plan"), N_("Revenue"), N_("Completion"), N_("Growth"), N_("Deals"),
    N_("Conversion"), N_("Average deal"),
  };
  static const double widths[] = { 2.6, 1.5, 1.5, 1.0, 1.0, 0.8, 1.0, 1.4 };
  SdRatio conversion = sd_ratio_share (report->deals, report->leads);
  char **row;

  table->title = g_strdup (_("Managers"));
  table_set_columns (table, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < report->managers->len; i++)
    {
      const SdReportManager *m = g_ptr_array_index (report->managers, i);

      row = row_new (table);
      /* Translators: the head of sales in the managers' table: "Соколова Анна (head of sales)" */
      row[0] = m->head ? g_strdup_printf (_("%s (head of sales)"), m->name) : g_strdup (m->name);
      row[1] = money_whole (report, m->plan);
      row[2] = money_whole (report, m->fact);
      row[3] = ratio_text (&m->completion, FALSE);
      row[4] = ratio_text (&m->growth, TRUE);
      row[5] = count_text (m->deals);
      row[6] = ratio_text (&m->conversion, FALSE);
      row[7] = m->has_average_deal ? money_whole (report, m->average_deal) : g_strdup ("—");
    }
  table->total_row = (gint) table->rows->len;
  row = row_new (table);
  row[0] = g_strdup (_("Department"));
  row[1] = money_whole (report, report->plan);
  row[2] = money_whole (report, report->fact);
  row[3] = ratio_text (&report->completion, FALSE);
  row[4] = ratio_text (&report->growth, TRUE);
  row[5] = count_text (report->deals);
  row[6] = ratio_text (&conversion, FALSE);
  row[7] = report->deals > 0 ? money_whole (report, sd_div_round (report->fact, report->deals))
                             : g_strdup ("—");
}

static void
fill_pay (SdReportTable       *table,
          const SdOwnerReport *report)
{
  static const char * const headers[] = {
    N_("Month"), N_("People"), N_("Pay"), N_("Revenue"), N_("Pay ÷ revenue"), N_("Payroll"),
  };
  static const double widths[] = { 1.5, 0.8, 1.6, 1.6, 1.1, 1.2 };
  char **row;

  table->title = g_strdup (_("Department pay"));
  table_set_columns (table, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < report->pay_months->len; i++)
    {
      const SdReportPayMonth *p = &g_array_index (report->pay_months, SdReportPayMonth, i);

      row = row_new (table);
      row[0] = sd_month_format_label (p->month);
      row[1] = count_text (p->n_people);
      row[2] = money_whole (report, p->pay);
      row[3] = money_whole (report, p->revenue);
      row[4] = ratio_text (&p->share, FALSE);
      /* Translators: a month's payroll state: closed (frozen) or still open */
      row[5] = g_strdup (p->closed ? _("closed") : _("open"));
    }
  if (report->pay_months->len == 0)
    return;
  table->total_row = (gint) table->rows->len;
  row = row_new (table);
  row[0] = g_strdup (_("Total"));
  row[1] = g_strdup ("");
  row[2] = money_whole (report, report->pay_total);
  row[3] = money_whole (report, report->pay_revenue);
  row[4] = ratio_text (&report->pay_share, FALSE);
  row[5] = g_strdup ("");
}

static void
fill_hiring (SdReportTable       *table,
             const SdOwnerReport *report)
{
  static const char * const headers[] = {
    N_("Month"), N_("Plan"), N_("Team capacity"), N_("Planned hires' capacity"),
    N_("Shortfall"), N_("Pay cost with hires"),
  };
  static const double widths[] = { 1.5, 1.5, 1.5, 1.5, 1.4, 1.5 };
  SdMoney sums[5] = { 0 };
  char **row;

  table->title = g_strdup (_("Hiring plan"));
  table_set_columns (table, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < report->hiring_months->len; i++)
    {
      const SdReportHiringMonth *m = &g_array_index (report->hiring_months,
                                                     SdReportHiringMonth, i);
      const SdMoney values[5] = { m->plan, m->team_capacity, m->hires_capacity, m->shortfall,
                                  m->total_cost };

      row = row_new (table);
      row[0] = sd_month_format_label (m->month);
      for (guint c = 0; c < 5; c++)
        {
          row[c + 1] = money_whole (report, values[c]);
          sums[c] += values[c];
        }
    }
  if (report->hiring_months->len == 0)
    return;
  table->total_row = (gint) table->rows->len;
  row = row_new (table);
  row[0] = g_strdup (_("Total"));
  for (guint c = 0; c < 5; c++)
    row[c + 1] = money_whole (report, sums[c]);
}

static void
fill_hires (SdReportTable       *table,
            const SdOwnerReport *report)
{
  static const char * const headers[] = {
    N_("Search from"), N_("First day"), N_("State"), N_("Cost in the year"),
    N_("Added revenue"), N_("Pays back in"),
  };
  static const double widths[] = { 1.2, 1.2, 1.6, 1.4, 1.4, 1.4 };

  table->title = g_strdup (_("Planned hires"));
  table_set_columns (table, G_N_ELEMENTS (headers), headers, widths);
  table->text_columns = (1u << 0) | (1u << 1) | (1u << 2);
  for (guint i = 0; i < report->hires->len; i++)
    {
      const SdReportHire *h = &g_array_index (report->hires, SdReportHire, i);
      char **row = row_new (table);

      row[0] = sd_date_format (&h->search_start, style_now ());
      row[1] = sd_date_format (&h->start, style_now ());
      row[2] = g_strdup (h->state);
      row[3] = money_whole (report, h->cost);
      row[4] = money_whole (report, h->revenue);
      row[5] = h->payback != SD_MONTH_INVALID ? sd_month_format_label (h->payback)
               : g_strdup (h->counted ? _("not within the year") : "—");
    }
}

static void
fill_people (SdReportTable       *table,
             const SdOwnerReport *report)
{
  static const char * const headers[] = {
    N_("Manager"), N_("Calls scored"), N_("Average call score"), N_("Development plan"),
    N_("Needs attention"),
  };
  static const double widths[] = { 2.2, 1.0, 1.2, 3.6, 1.2 };

  table->title = g_strdup (_("People development"));
  table_set_columns (table, G_N_ELEMENTS (headers), headers, widths);
  table->text_columns = (1u << 0) | (1u << 3);
  for (guint i = 0; i < report->people->len; i++)
    {
      const SdReportPerson *p = g_ptr_array_index (report->people, i);
      char **row = row_new (table);

      row[0] = g_strdup (p->name);
      row[1] = count_text (p->n_calls);
      row[2] = p->has_call_score ? sd_fix_format (p->call_score * 100, style_now ())
                                 : g_strdup ("—");
      if (p->has_idp)
        {
          g_autofree char *done = ratio_text (&p->idp_completion, FALSE);

          /* Translators: a development plan's progress: "3 of 5 actions done (60 %), 1 overdue" */
          row[3] = p->n_overdue > 0
                   ? g_strdup_printf (ngettext ("%u of %u actions done (%s), %u overdue",
                                                "%u of %u actions done (%s), %u overdue",
                                                p->n_overdue),
                                      p->n_done, p->n_actions, done, p->n_overdue)
                   : g_strdup_printf (_("%u of %u actions done (%s)"), p->n_done, p->n_actions,
                                      done);
        }
      else
        row[3] = g_strdup (_("none"));
      /* The reasons follow the table in full (sd_report_attention_lines). */
      row[4] = g_strdup (p->attention != NULL ? _("yes") : "");
    }
}

GPtrArray *
sd_report_attention_lines (const SdOwnerReport *report)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (report != NULL, lines);

  for (guint i = 0; i < report->people->len; i++)
    {
      const SdReportPerson *p = g_ptr_array_index (report->people, i);

      if (p->attention != NULL)
        /* Translators: a manager who needs attention: "Name: why" */
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), p->name, p->attention));
    }
  if (lines->len == 0 && report->has_people)
    g_ptr_array_add (lines, g_strdup (_("Nobody needs special attention.")));
  return lines;
}

gboolean
sd_report_table_is_text_column (const SdReportTable *table,
                                guint                column)
{
  g_return_val_if_fail (table != NULL, FALSE);
  return column == 0 || (column < 32 && (table->text_columns & (1u << column)) != 0);
}

gboolean
sd_report_has_table (const SdOwnerReport *report,
                     SdReportTableKind    kind)
{
  g_return_val_if_fail (report != NULL, FALSE);

  switch (kind)
    {
    case SD_REPORT_TABLE_HIRING:
    case SD_REPORT_TABLE_HIRES:
      return report->has_hiring;
    case SD_REPORT_TABLE_PEOPLE:
      return report->has_people;
    case SD_REPORT_TABLE_MONTHS:
    case SD_REPORT_TABLE_MANAGERS:
    case SD_REPORT_TABLE_PAY:
    case SD_REPORT_N_TABLES:
    default:
      return TRUE;
    }
}

SdReportTable *
sd_report_table_new (const SdOwnerReport *report,
                     SdReportTableKind    kind)
{
  SdReportTable *table;

  g_return_val_if_fail (report != NULL, NULL);

  table = g_new0 (SdReportTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->total_row = -1;
  switch (kind)
    {
    case SD_REPORT_TABLE_MONTHS:
      fill_months (table, report);
      break;
    case SD_REPORT_TABLE_MANAGERS:
      fill_managers (table, report);
      break;
    case SD_REPORT_TABLE_HIRING:
      fill_hiring (table, report);
      break;
    case SD_REPORT_TABLE_HIRES:
      fill_hires (table, report);
      break;
    case SD_REPORT_TABLE_PEOPLE:
      fill_people (table, report);
      break;
    case SD_REPORT_TABLE_PAY:
    case SD_REPORT_N_TABLES:
    default:
      fill_pay (table, report);
      break;
    }
  return table;
}

void
sd_report_table_free (SdReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_strfreev (table->headers);
  g_free (table->widths);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

GPtrArray *
sd_report_lagging_lines (const SdOwnerReport *report)
{
  GPtrArray *lines;

  g_return_val_if_fail (report != NULL, NULL);

  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < report->lagging->len; i++)
    {
      const SdReportLagging *l = g_ptr_array_index (report->lagging, i);

      /* Translators: a lagging manager and why: "Иванов Пётр — 2 months below 80 %…" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s — %s"), l->name,
                                               l->reason != NULL ? l->reason : ""));
    }
  if (lines->len == 0)
    g_ptr_array_add (lines, g_strdup (_("Nobody is lagging behind the plan.")));
  return lines;
}

char *
sd_report_made_on (const SdOwnerReport *report)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  date = sd_date_format (&report->today, style_now ());
  /* Translators: when the report was made: "Made on 22.11.2026" */
  return g_strdup_printf (_("Made on %s"), date);
}

void
sd_report_charts_init (SdReportCharts      *charts,
                       const SdOwnerReport *report)
{
  guint n_months;
  SdMonth first, last_complete;

  g_return_if_fail (charts != NULL && report != NULL);

  memset (charts, 0, sizeof *charts);
  n_months = report->months->len;
  charts->pf_months = g_new0 (SdChartPlanFactMonth, MAX (n_months, 1));
  charts->growth_values = g_new0 (SdMoney, MAX (n_months, 1));
  first = n_months > 0 ? g_array_index (report->months, SdReportMonth, 0).month
                       : sd_period_first_month (&report->period);
  for (guint i = 0; i < n_months; i++)
    {
      const SdReportMonth *m = &g_array_index (report->months, SdReportMonth, i);

      charts->pf_months[i].plan = m->plan;
      charts->pf_months[i].fact = m->fact;
      charts->pf_months[i].has_plan = m->plan != 0;
      charts->pf_months[i].has_fact = m->has_fact;
      charts->growth_values[i] = m->fact;
    }
  charts->plan_fact.first_month = first;
  charts->plan_fact.n_months = n_months;
  charts->plan_fact.months = charts->pf_months;
  charts->plan_fact.currency_symbol = symbol_of (report);

  last_complete = sd_month_from_date (&report->today) - 1;
  charts->growth.first_month = first;
  if (n_months == 0 || last_complete < first)
    charts->growth.n_months = 0;
  else
    charts->growth.n_months = (guint) MIN ((gint64) n_months, (gint64) (last_complete - first + 1));
  charts->growth.values = charts->growth_values;
  if (n_months > 0)
    {
      SdMoney before = g_array_index (report->months, SdReportMonth, 0).previous_fact;

      charts->growth.value_before = before;
      charts->growth.has_value_before = before != 0;
    }
  charts->growth.currency_symbol = symbol_of (report);
}

void
sd_report_charts_clear (SdReportCharts *charts)
{
  g_clear_pointer (&charts->pf_months, g_free);
  g_clear_pointer (&charts->growth_values, g_free);
}

/* --- the layout --- */

typedef enum {
  BLOCK_TITLE,
  BLOCK_FIGURES,
  BLOCK_CHARTS,
  BLOCK_HEADING,
  BLOCK_TABLE_HEADER,
  BLOCK_ROW,
  BLOCK_TEXT,
} BlockKind;

typedef struct {
  BlockKind kind;
  guint     table;     /* BLOCK_TABLE_HEADER, BLOCK_ROW */
  guint     row;       /* BLOCK_ROW */
  char     *text;      /* BLOCK_HEADING, BLOCK_TEXT */
  gboolean  muted;     /* BLOCK_TEXT */
  double    height;
} Block;

typedef struct {
  guint  block;
  double y;
} Placed;

struct _SdReportLayout
{
  const SdOwnerReport *report;
  GPtrArray *figures;            /* of SdReportFigure */
  GPtrArray *tables;             /* of SdReportTable */
  GArray    *blocks;             /* of Block */
  GPtrArray *pages;              /* of GArray of Placed */
  double     width;
  double     height;
  guint      header_block[SD_REPORT_N_TABLES];  /* the header block of each table */

  SdReportCharts charts;
  char                 *title;
  char                 *subtitle;
  char                 *made_on;
};

static void
block_clear (gpointer data)
{
  Block *b = data;

  g_free (b->text);
}

static void
set_font (PangoLayout *layout,
          double       size,
          gboolean     bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             gboolean    wrap)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  set_font (layout, size, bold);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      if (wrap)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      else
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
text_height (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             gboolean    wrap)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width, wrap);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text,
           double      size,
           gboolean    bold,
           double      width,
           PangoAlignment align,
           gboolean    wrap)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width, wrap);

  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
set_rgb (cairo_t *cr,
         double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
add_block (SdReportLayout *self,
           BlockKind       kind,
           guint           table,
           guint           row,
           const char     *text,
           gboolean        muted)
{
  Block b = { kind, table, row, g_strdup (text), muted, 0 };

  g_array_append_val (self->blocks, b);
}

SdReportLayout *
sd_report_layout_new (const SdOwnerReport *report)
{
  SdReportLayout *self;
  g_autoptr(GPtrArray) lagging = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_new0 (SdReportLayout, 1);
  self->report = report;
  self->figures = sd_report_headline_figures (report);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_report_table_free);
  /* Every kind has its slot (index = kind); sections the report lacks stay empty and are
   * left out below. */
  for (guint k = 0; k < SD_REPORT_N_TABLES; k++)
    g_ptr_array_add (self->tables, sd_report_table_new (report, (SdReportTableKind) k));
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* Translators: the title of the owner report: the company's name */
  self->title = g_strdup (report->company != NULL && *report->company ? report->company
                                                                       : _("Company"));
  /* Translators: under the company's name: "Owner report · I квартал 2026" */
  self->subtitle = g_strdup_printf (_("Owner report · %s"), report->period_label);
  self->made_on = sd_report_made_on (report);

  sd_report_charts_init (&self->charts, report);

  /* The blocks in reading order. */
  add_block (self, BLOCK_TITLE, 0, 0, NULL, FALSE);
  add_block (self, BLOCK_FIGURES, 0, 0, NULL, FALSE);
  add_block (self, BLOCK_CHARTS, 0, 0, NULL, FALSE);
  for (guint t = 0; t < self->tables->len; t++)
    {
      SdReportTable *table = g_ptr_array_index (self->tables, t);

      if (!sd_report_has_table (report, (SdReportTableKind) t))
        {
          self->header_block[t] = G_MAXUINT;
          continue;
        }
      if (t == SD_REPORT_TABLE_HIRING && report->hiring_summary != NULL)
        {
          add_block (self, BLOCK_HEADING, 0, 0, table->title, FALSE);
          add_block (self, BLOCK_TEXT, 0, 0, report->hiring_summary, FALSE);
          g_free (table->title);
          table->title = g_strdup (_("Capacity and pay cost by month"));
        }
      if (t == SD_REPORT_TABLE_PAY)
        {
          /* Who is lagging comes before the pay, after the managers' table. */
          add_block (self, BLOCK_HEADING, 0, 0, _("Lagging behind the plan"), FALSE);
          lagging = sd_report_lagging_lines (report);
          for (guint i = 0; i < lagging->len; i++)
            add_block (self, BLOCK_TEXT, 0, 0, g_ptr_array_index (lagging, i),
                       report->lagging->len == 0);
        }
      add_block (self, BLOCK_HEADING, 0, 0, table->title, FALSE);
      if (table->rows->len == 0)
        {
          add_block (self, BLOCK_TEXT, 0, 0,
                     t == SD_REPORT_TABLE_PAY
                     ? _("No payroll for the period: no motivation schemes are assigned.")
                     : t == SD_REPORT_TABLE_HIRES ? _("No hires are planned.")
                     : _("No data for the period."), TRUE);
          self->header_block[t] = G_MAXUINT;
          continue;
        }
      self->header_block[t] = self->blocks->len;
      add_block (self, BLOCK_TABLE_HEADER, t, 0, NULL, FALSE);
      for (guint r = 0; r < table->rows->len; r++)
        add_block (self, BLOCK_ROW, t, r, NULL, FALSE);
      if (t == SD_REPORT_TABLE_PEOPLE)
        {
          g_autoptr(GPtrArray) attention = sd_report_attention_lines (report);

          add_block (self, BLOCK_HEADING, 0, 0, _("Who needs attention, and why"), FALSE);
          for (guint i = 0; i < attention->len; i++)
            add_block (self, BLOCK_TEXT, 0, 0, g_ptr_array_index (attention, i),
                       report->n_attention == 0);
        }
      if (t == SD_REPORT_TABLE_PAY && report->n_pay_errors > 0)
        {
          g_autofree char *note =
            g_strdup_printf (ngettext ("The pay of %u month could not be computed (no motivation "
                                       "scheme or no calendar) and is left out.",
                                       "The pay of %u months could not be computed (no "
                                       "motivation scheme or no calendar) and is left out.",
                                       report->n_pay_errors),
                             report->n_pay_errors);

          add_block (self, BLOCK_TEXT, 0, 0, note, TRUE);
        }
    }
  return self;
}

void
sd_report_layout_free (SdReportLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  sd_report_charts_clear (&self->charts);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->made_on);
  g_free (self);
}

static guint
figure_columns (double width)
{
  return width >= 700 ? 5 : width >= 450 ? 3 : 2;
}

#define FIGURE_HEIGHT 50.0

static double
chart_height (const SdReportLayout *self)
{
  return CLAMP (self->height * 0.42, 120.0, 230.0);
}

static gboolean
charts_side_by_side (const SdReportLayout *self)
{
  return self->width >= 600;
}

static double
row_height (cairo_t *cr)
{
  return text_height (cr, "Ag₽Яй", BODY_SIZE, FALSE, -1, FALSE) + 2 * CELL_PAD;
}

static double
measure (SdReportLayout *self,
         cairo_t        *cr,
         const Block    *b)
{
  switch (b->kind)
    {
    case BLOCK_TITLE:
      return text_height (cr, self->title, TITLE_SIZE, TRUE, self->width, FALSE) +
             text_height (cr, self->subtitle, HEADING_SIZE, FALSE, self->width, FALSE) + GAP;
    case BLOCK_FIGURES:
      {
        guint cols = figure_columns (self->width);
        guint rows = (self->figures->len + cols - 1) / cols;

        return rows * (FIGURE_HEIGHT + 6) + GAP - 6;
      }
    case BLOCK_CHARTS:
      {
        double caption = text_height (cr, "Ag", BODY_SIZE + 1, TRUE, -1, FALSE) + 4;

        if (charts_side_by_side (self))
          return caption + chart_height (self) + GAP;
        return 2 * (caption + chart_height (self)) + 2 * GAP;
      }
    case BLOCK_HEADING:
      return text_height (cr, b->text, HEADING_SIZE, TRUE, self->width, FALSE) + 4 + 6;
    case BLOCK_TABLE_HEADER:
      return row_height (cr) + 2;
    case BLOCK_ROW:
      return row_height (cr);
    case BLOCK_TEXT:
    default:
      return text_height (cr, b->text, BODY_SIZE + 1, FALSE, self->width - 12, TRUE) + 4;
    }
}

static GArray *
new_page (SdReportLayout *self)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);
  return page;
}

guint
sd_report_layout_paginate (SdReportLayout *self,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  GArray *page;
  double bottom, y = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = MAX (width, 100);
  self->height = MAX (height, 100);
  bottom = self->height - FOOTER_HEIGHT;
  g_ptr_array_set_size (self->pages, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);

      b->height = measure (self, cr, b);
    }

  page = new_page (self);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double need = b->height;
      Placed placed;

      /* A heading keeps its table's header and first row (or its first line) with it; a
       * table that fits on a page of its own is not cut in two. */
      if (b->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        {
          const Block *next = &g_array_index (self->blocks, Block, i + 1);

          need += next->height;
          if (next->kind == BLOCK_TABLE_HEADER)
            {
              double whole = need;

              for (guint k = i + 2; k < self->blocks->len; k++)
                {
                  const Block *row = &g_array_index (self->blocks, Block, k);

                  if (row->kind != BLOCK_ROW)
                    break;
                  if (k == i + 2)
                    need += row->height;
                  whole += row->height;
                }
              if (whole <= bottom)
                need = whole;
            }
        }
      else if (b->kind == BLOCK_TABLE_HEADER && i + 1 < self->blocks->len)
        need += g_array_index (self->blocks, Block, i + 1).height;

      if (y + need > bottom && page->len > 0)
        {
          page = new_page (self);
          y = 0;
          /* A table continues with its header row repeated. */
          if (b->kind == BLOCK_ROW)
            {
              Placed header = { self->header_block[b->table], 0 };

              g_array_append_val (page, header);
              y += g_array_index (self->blocks, Block, header.block).height;
            }
        }
      placed.block = i;
      placed.y = y;
      g_array_append_val (page, placed);
      y += b->height;
    }
  return self->pages->len;
}

guint
sd_report_layout_get_n_pages (SdReportLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

static void
draw_title (SdReportLayout *self,
            cairo_t        *cr,
            double          y)
{
  double h = text_height (cr, self->title, TITLE_SIZE, TRUE, self->width, FALSE);

  set_rgb (cr, 0.1);
  draw_text (cr, 0, y, self->title, TITLE_SIZE, TRUE, self->width * 0.7, PANGO_ALIGN_LEFT, FALSE);
  set_rgb (cr, 0.35);
  draw_text (cr, self->width * 0.7, y + 4, self->made_on, BODY_SIZE, FALSE, self->width * 0.3,
             PANGO_ALIGN_RIGHT, FALSE);
  draw_text (cr, 0, y + h, self->subtitle, HEADING_SIZE, FALSE, self->width, PANGO_ALIGN_LEFT,
             FALSE);
}

static void
draw_figures (SdReportLayout *self,
              cairo_t        *cr,
              double          y)
{
  guint cols = figure_columns (self->width);
  double gap = 6;
  double w = (self->width - gap * (cols - 1)) / cols;

  for (guint i = 0; i < self->figures->len; i++)
    {
      const SdReportFigure *f = g_ptr_array_index (self->figures, i);
      double x = (i % cols) * (w + gap);
      double top = y + (i / cols) * (FIGURE_HEIGHT + gap);

      cairo_rectangle (cr, x, top, w, FIGURE_HEIGHT);
      cairo_set_source_rgb (cr, 0.95, 0.96, 0.98);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.82, 0.84, 0.88);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);

      set_rgb (cr, 0.35);
      draw_text (cr, x + 6, top + 4, f->label, SMALL_SIZE, FALSE, w - 12, PANGO_ALIGN_LEFT,
                 FALSE);
      set_rgb (cr, 0.05);
      draw_text (cr, x + 6, top + 15, f->value, FIGURE_SIZE, TRUE, w - 12, PANGO_ALIGN_LEFT,
                 FALSE);
      set_rgb (cr, 0.35);
      draw_text (cr, x + 6, top + 35, f->detail, SMALL_SIZE, FALSE, w - 12, PANGO_ALIGN_LEFT,
                 FALSE);
    }
}

static void
draw_one_chart (SdReportLayout *self,
                cairo_t        *cr,
                double          x,
                double          y,
                double          w,
                double          h,
                const char     *caption,
                gboolean        growth)
{
  SdChartStyle style;
  double ch = text_height (cr, caption, BODY_SIZE + 1, TRUE, -1, FALSE) + 4;

  set_rgb (cr, 0.1);
  draw_text (cr, x, y, caption, BODY_SIZE + 1, TRUE, w, PANGO_ALIGN_LEFT, FALSE);

  sd_chart_style_init_light (&style, style_now ());
  style.font_family = FONT_FAMILY;
  style.font_size = BODY_SIZE;
  style.background.alpha = 0;
  cairo_save (cr);
  cairo_translate (cr, x, y + ch);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  if (growth)
    sd_chart_draw_growth (cr, (int) w, (int) h, &self->charts.growth, &style);
  else
    sd_chart_draw_plan_fact (cr, (int) w, (int) h, &self->charts.plan_fact, &style);
  cairo_restore (cr);
}

static void
draw_charts (SdReportLayout *self,
             cairo_t        *cr,
             double          y)
{
  double h = chart_height (self);
  const char *pf = _("Revenue by month: plan and fact");
  const char *gr = _("Month-on-month growth");

  if (charts_side_by_side (self))
    {
      double w1 = (self->width - 20) * 0.6;

      draw_one_chart (self, cr, 0, y, w1, h, pf, FALSE);
      draw_one_chart (self, cr, w1 + 20, y, self->width - w1 - 20, h, gr, TRUE);
    }
  else
    {
      double ch = text_height (cr, pf, BODY_SIZE + 1, TRUE, -1, FALSE) + 4;

      draw_one_chart (self, cr, 0, y, self->width, h, pf, FALSE);
      draw_one_chart (self, cr, 0, y + ch + h + GAP, self->width, h, gr, TRUE);
    }
}

static void
draw_row (SdReportLayout *self,
          cairo_t        *cr,
          double          y,
          double          h,
          guint           t,
          char          **cells,
          gboolean        header,
          gboolean        total,
          gboolean        shade)
{
  SdReportTable *table = g_ptr_array_index (self->tables, t);
  double sum = 0, x = 0;

  for (guint c = 0; c < table->n_columns; c++)
    sum += table->widths[c];

  if (header || shade)
    {
      cairo_rectangle (cr, 0, y, self->width, h);
      if (header)
        cairo_set_source_rgb (cr, 0.87, 0.90, 0.95);
      else
        cairo_set_source_rgb (cr, 0.97, 0.97, 0.98);
      cairo_fill (cr);
    }
  if (total)
    {
      set_rgb (cr, 0.4);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, 0, y + 0.4);
      cairo_line_to (cr, self->width, y + 0.4);
      cairo_stroke (cr);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = self->width * table->widths[c] / sum;
      const char *text = cells[c] != NULL ? cells[c] : "";

      /* A fall ("−4,5 %") reads at a glance in red. */
      if (!header && c > 0 && g_str_has_prefix (text, "−"))
        cairo_set_source_rgb (cr, 0.70, 0.08, 0.12);
      else
        set_rgb (cr, header ? 0.15 : 0.05);
      draw_text (cr, x + CELL_PAD, y + CELL_PAD, text, BODY_SIZE, header || total,
                 w - 2 * CELL_PAD,
                 sd_report_table_is_text_column (table, c) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT,
                 FALSE);
      x += w;
    }
}

void
sd_report_layout_draw_page (SdReportLayout *self,
                            cairo_t        *cr,
                            guint           page_index)
{
  GArray *page;
  g_autofree char *footer = NULL;
  g_autofree char *left = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_index < self->pages->len);

  page = g_ptr_array_index (self->pages, page_index);
  cairo_save (cr);
  for (guint i = 0; i < page->len; i++)
    {
      const Placed *p = &g_array_index (page, Placed, i);
      const Block *b = &g_array_index (self->blocks, Block, p->block);

      switch (b->kind)
        {
        case BLOCK_TITLE:
          draw_title (self, cr, p->y);
          break;
        case BLOCK_FIGURES:
          draw_figures (self, cr, p->y);
          break;
        case BLOCK_CHARTS:
          draw_charts (self, cr, p->y);
          break;
        case BLOCK_HEADING:
          set_rgb (cr, 0.1);
          draw_text (cr, 0, p->y + 6, b->text, HEADING_SIZE, TRUE, self->width, PANGO_ALIGN_LEFT,
                     FALSE);
          break;
        case BLOCK_TABLE_HEADER:
          {
            SdReportTable *table = g_ptr_array_index (self->tables, b->table);

            draw_row (self, cr, p->y, b->height - 2, b->table, table->headers, TRUE, FALSE, FALSE);
          }
          break;
        case BLOCK_ROW:
          {
            SdReportTable *table = g_ptr_array_index (self->tables, b->table);

            draw_row (self, cr, p->y, b->height, b->table,
                      g_ptr_array_index (table->rows, b->row), FALSE,
                      (gint) b->row == table->total_row, b->row % 2 == 1);
          }
          break;
        case BLOCK_TEXT:
        default:
          set_rgb (cr, b->muted ? 0.4 : 0.1);
          draw_text (cr, 12, p->y + 2, b->text, BODY_SIZE + 1, FALSE, self->width - 12,
                     PANGO_ALIGN_LEFT, TRUE);
          break;
        }
    }

  /* Footer */
  set_rgb (cr, 0.8);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, self->height - FOOTER_HEIGHT + 4);
  cairo_line_to (cr, self->width, self->height - FOOTER_HEIGHT + 4);
  cairo_stroke (cr);
  /* Translators: the page footer: "Page 2 of 5" */
  footer = g_strdup_printf (_("Page %u of %u"), page_index + 1, self->pages->len);
  left = g_strdup_printf ("%s · %s", self->title, self->subtitle);
  set_rgb (cr, 0.4);
  draw_text (cr, 0, self->height - FOOTER_HEIGHT + 7, left, SMALL_SIZE, FALSE,
             self->width * 0.7, PANGO_ALIGN_LEFT, FALSE);
  draw_text (cr, self->width * 0.7, self->height - FOOTER_HEIGHT + 7, footer, SMALL_SIZE, FALSE,
             self->width * 0.3, PANGO_ALIGN_RIGHT, FALSE);
  cairo_restore (cr);
}

/* --- the PDF file --- */

typedef struct {
  FILE *fp;
  int   saved_errno;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, sink->fp) != length)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *why)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
               /* Translators: a file name, then why: "No space left on device" */
               _("Could not write «%s»: %s. The earlier file, if any, was not changed."),
               display, why);
}

gboolean
sd_report_pdf_write (const SdOwnerReport  *report,
                     const char           *path,
                     GCancellable         *cancellable,
                     SdExportProgress      progress,
                     gpointer              progress_data,
                     GError              **error)
{
  g_autoptr(SdReportLayout) layout = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { NULL, 0 };
  gboolean cancelled = FALSE;
  guint n_pages;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sink.fp = fopen (path, "wb");
  if (sink.fp == NULL)
    {
      set_write_error (error, path, g_strerror (errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  title = g_strdup_printf ("%s — %s", report->company != NULL ? report->company : "",
                           report->period_label);
  now = g_date_time_new_now_local ();
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  report->company != NULL ? report->company : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Owner report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Salesdesk");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  layout = sd_report_layout_new (report);
  n_pages = sd_report_layout_paginate (layout, cr, PAGE_WIDTH - 2 * MARGIN,
                                       PAGE_HEIGHT - 2 * MARGIN);
  for (guint p = 0; p < n_pages; p++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      sd_report_layout_draw_page (layout, cr, p);
      cairo_restore (cr);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (0.3 + 0.65 * (p + 1) / n_pages, progress_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (fflush (sink.fp) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;
  if (sink.saved_errno == 0 && fsync (fileno (sink.fp)) != 0 && errno != EINVAL)
    sink.saved_errno = errno;
  if (fclose (sink.fp) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;

  if (cancelled)
    {
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED,
                           _("The report was cancelled."));
      return FALSE;
    }
  if (sink.saved_errno != 0)
    {
      set_write_error (error, path, g_strerror (sink.saved_errno));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
