/* sd-report-xlsx.c — the owner report as an Excel workbook: one sheet per section, live
 * formulas with cached results, native charts, print setup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-report-xlsx"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "sd-chart.h"
#include "sd-plan.h"
#include "sd-report-xlsx.h"
#include "sd-xlsx.h"

/* Whole rubles on screen; the cell keeps the kopecks. */
#define RUBLE_WHOLE_FORMAT "#,##0\\ [$₽-419];[Red]\\-#,##0\\ [$₽-419]"
#define PERCENT_FORMAT     "0.0%"
#define A4                 9

typedef struct {
  const SdOwnerReport *report;
  lxw_workbook        *book;
  lxw_format          *title;
  lxw_format          *bold;
  lxw_format          *header;
  lxw_format          *money;
  lxw_format          *money_bold;
  lxw_format          *percent;
  lxw_format          *percent_bold;
  lxw_format          *count;
  lxw_format          *count_bold;
  lxw_format          *wrap;
  lxw_format          *score;
  lxw_error            rc;
  /* Sheet names (for references) and where the totals are */
  char                *months_sheet;
  char                *managers_sheet;
  char                *matrix_sheet;
  char                *lagging_sheet;
  char                *pay_sheet;
  char                *hiring_sheet;
  char                *people_sheet;
  char                *summary_sheet;
  lxw_row_t            months_total_row;
  lxw_row_t            pay_total_row;
  gboolean             has_pay;
} Writer;

/* 'Sheet name'!C5 — quoted, with any apostrophe doubled. */
static char *
ref (const char *sheet,
     lxw_row_t   row,
     lxw_col_t   col)
{
  g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);
  g_autofree char *escaped = g_strjoinv ("''", parts);
  char cell[32];

  lxw_rowcol_to_cell (cell, row, col);
  return g_strdup_printf ("'%s'!%s", escaped, cell);
}

/* =IF(den>0,ROUND(num/den,places),"") over two cell references: a completion, share,
 * conversion (4 places, as basis points) or an average deal (2 places, as kopecks). */
static char *
ratio_of (const char *num,
          const char *den,
          int         places)
{
  return g_strdup_printf ("=IF(%s>0,ROUND(%s/%s,%d),\"\")", den, num, den, places);
}

/* =IF(prev=0,"",ROUND((cur-prev)/ABS(prev),4)): growth on an earlier figure. */
static char *
change_of (const char *cur,
           const char *prev)
{
  return g_strdup_printf ("=IF(%s=0,\"\",ROUND((%s-%s)/ABS(%s),4))", prev, cur, prev, prev);
}

/* ='Sheet'!C5: a cell that shows another sheet's cell. */
static char *
link_to (const char *sheet,
         lxw_row_t   row,
         lxw_col_t   col)
{
  g_autofree char *target = ref (sheet, row, col);

  return g_strconcat ("=", target, NULL);
}

static char *
cell (lxw_row_t row,
      lxw_col_t col)
{
  char name[32];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

static void
write_text (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  w->rc |= sd_xlsx_write_text (sheet, row, col, text != NULL ? text : "", format);
}

static void
write_money (Writer        *w,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             SdMoney        value,
             lxw_format    *format)
{
  w->rc |= sd_xlsx_write_money (sheet, row, col, value, format);
}

static void
write_count (Writer        *w,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             gint64         value,
             lxw_format    *format)
{
  w->rc |= worksheet_write_number (sheet, row, col, (double) value, format);
}

/* A money formula with the app's own value cached. */
static void
write_money_formula (Writer        *w,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *formula,
                     SdMoney        value,
                     lxw_format    *format)
{
  w->rc |= worksheet_write_formula_num (sheet, row, col, formula, format, (double) value / 100.0);
}

static void
write_count_formula (Writer        *w,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *formula,
                     gint64         value,
                     lxw_format    *format)
{
  w->rc |= worksheet_write_formula_num (sheet, row, col, formula, format, (double) value);
}

/* A ratio formula: its cached result is the app's basis points, or "" where the app shows
 * "—" (nothing to divide by). The formulas round to 4 places (basis points) as the app does,
 * so a recalculation gives the very same number. */
static void
write_ratio_formula (Writer        *w,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *formula,
                     const SdRatio *ratio,
                     lxw_format    *format)
{
  if (ratio->defined)
    w->rc |= worksheet_write_formula_num (sheet, row, col, formula, format,
                                          (double) ratio->bp / 10000.0);
  else
    w->rc |= worksheet_write_formula_str (sheet, row, col, formula, format, "");
}

/* Completion within a table row: as ratio_of, and empty while the fact is (a month without
 * facts yet shows no completion rather than 0 %). */
static char *
completion_formula (lxw_row_t row,
                    lxw_col_t fact_col,
                    lxw_col_t plan_col)
{
  g_autofree char *fact = cell (row, fact_col);
  g_autofree char *plan = cell (row, plan_col);

  return g_strdup_printf ("=IF(AND(ISNUMBER(%s),%s>0),ROUND(%s/%s,4),\"\")", fact, plan, fact,
                          plan);
}

/* Growth within a table row: as change_of, and empty while the current figure is. */
static char *
growth_formula (lxw_row_t row,
                lxw_col_t current_col,
                lxw_col_t previous_col)
{
  g_autofree char *cur = cell (row, current_col);
  g_autofree char *prev = cell (row, previous_col);

  return g_strdup_printf ("=IF(OR(NOT(ISNUMBER(%s)),%s=0),\"\",ROUND((%s-%s)/ABS(%s),4))", cur,
                          prev, cur, prev, prev);
}

static char *
sum_formula (lxw_row_t first,
             lxw_row_t last,
             lxw_col_t col)
{
  g_autofree char *a = cell (first, col);
  g_autofree char *b = cell (last, col);

  if (last < first)
    return g_strdup ("=0");
  return g_strdup_printf ("=SUM(%s:%s)", a, b);
}

/* Page setup shared by every sheet: A4 landscape, one page wide, header rows repeated,
 * "page N of M" in the footer. */
static void
setup_sheet (Writer             *w,
             lxw_worksheet      *sheet,
             lxw_row_t           header_row,
             const char * const *headers,
             const double       *widths,
             guint               n_columns)
{
  g_autofree char *footer = g_strdup_printf ("&L%s&R&P / &N", w->report->company);
  g_autofree char *escaped = NULL;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);
  /* An ampersand in the company name would start a header code: double it. */
  {
    g_auto(GStrv) parts = g_strsplit (w->report->company, "&", -1);

    escaped = g_strjoinv ("&&", parts);
    g_free (footer);
    footer = g_strdup_printf ("&L%s&R&P / &N", escaped);
  }
  w->rc |= worksheet_set_footer (sheet, footer);
  for (guint c = 0; c < n_columns; c++)
    {
      w->rc |= worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
      write_text (w, sheet, header_row, (lxw_col_t) c, _(headers[c]), w->header);
    }
  worksheet_set_row (sheet, header_row, 32, NULL);
  worksheet_freeze_panes (sheet, header_row + 1, 1);
  w->rc |= worksheet_repeat_rows (sheet, 0, header_row);
}

static void
write_sheet_title (Writer        *w,
                   lxw_worksheet *sheet,
                   const char    *title)
{
  g_autofree char *line = g_strdup_printf ("%s — %s", w->report->company,
                                           w->report->period_label);

  write_text (w, sheet, 0, 0, title, w->title);
  write_text (w, sheet, 1, 0, line, NULL);
}

/* --- By month --- */

enum {
  M_MONTH, M_PLAN, M_FACT, M_PAID, M_COMPLETION, M_DEALS, M_LEADS, M_PREVIOUS, M_GROWTH,
  M_YEAR_AGO, M_YEAR_GROWTH, M_N_COLUMNS
};

static void
write_months (Writer *w)
{
  static const char * const headers[M_N_COLUMNS] = {
    N_("Month"), N_("Plan"), N_("Revenue"), N_("Paid"), N_("Completion"), N_("Deals"),
    N_("Leads"), N_("Revenue a month before"), N_("Growth, month on month"),
    N_("Revenue a year before"), N_("Growth, year on year"),
  };
  static const double widths[M_N_COLUMNS] = { 18, 16, 16, 16, 12, 10, 10, 18, 14, 18, 14 };
  const SdOwnerReport *r = w->report;
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, w->months_sheet);
  const lxw_row_t header_row = 3, first = header_row + 1;
  lxw_row_t row = first, total;

  write_sheet_title (w, sheet, _("Plan and revenue by month"));
  setup_sheet (w, sheet, header_row, headers, widths, M_N_COLUMNS);

  for (guint i = 0; i < r->months->len; i++, row++)
    {
      const SdReportMonth *m = &g_array_index (r->months, SdReportMonth, i);
      g_autofree char *label = sd_month_format_label (m->month);
      g_autofree char *completion = completion_formula (row, M_FACT, M_PLAN);
      g_autofree char *growth = growth_formula (row, M_FACT, M_PREVIOUS);
      g_autofree char *year_growth = growth_formula (row, M_FACT, M_YEAR_AGO);

      write_text (w, sheet, row, M_MONTH, label, NULL);
      write_money (w, sheet, row, M_PLAN, m->plan, w->money);
      /* Months still to come stay empty for the owner to fill in (or for next month's
       * report): the formulas around them already take them into account. */
      if (m->has_fact)
        {
          write_money (w, sheet, row, M_FACT, m->fact, w->money);
          write_money (w, sheet, row, M_PAID, m->paid, w->money);
          write_count (w, sheet, row, M_DEALS, m->deals, w->count);
          write_count (w, sheet, row, M_LEADS, m->leads, w->count);
        }
      write_ratio_formula (w, sheet, row, M_COMPLETION, completion, &m->completion, w->percent);
      /* The month before is the row above, live; the first month's lies before the period. */
      if (i > 0)
        {
          g_autofree char *above = cell (row - 1, M_FACT);
          g_autofree char *formula = g_strconcat ("=", above, NULL);

          write_money_formula (w, sheet, row, M_PREVIOUS, formula, m->previous_fact, w->money);
        }
      else
        write_money (w, sheet, row, M_PREVIOUS, m->previous_fact, w->money);
      write_ratio_formula (w, sheet, row, M_GROWTH, growth, &m->growth, w->percent);
      write_money (w, sheet, row, M_YEAR_AGO, m->year_ago_fact, w->money);
      write_ratio_formula (w, sheet, row, M_YEAR_GROWTH, year_growth, &m->year_growth,
                           w->percent);
    }

  total = row;
  w->months_total_row = total;
  write_text (w, sheet, total, M_MONTH, _("Total"), w->bold);
  {
    static const lxw_col_t sums[] = { M_PLAN, M_FACT, M_PAID };
    const SdMoney values[] = { r->plan, r->fact, r->paid };
    g_autofree char *completion = completion_formula (total, M_FACT, M_PLAN);
    g_autofree char *growth = growth_formula (total, M_FACT, M_PREVIOUS);
    g_autofree char *year_growth = growth_formula (total, M_FACT, M_YEAR_AGO);
    g_autofree char *deals = sum_formula (first, total - 1, M_DEALS);
    g_autofree char *leads = sum_formula (first, total - 1, M_LEADS);

    for (guint k = 0; k < G_N_ELEMENTS (sums); k++)
      {
        g_autofree char *formula = sum_formula (first, total - 1, sums[k]);

        write_money_formula (w, sheet, total, sums[k], formula, values[k], w->money_bold);
      }
    write_ratio_formula (w, sheet, total, M_COMPLETION, completion, &r->completion,
                         w->percent_bold);
    write_count_formula (w, sheet, total, M_DEALS, deals, r->deals, w->count_bold);
    write_count_formula (w, sheet, total, M_LEADS, leads, r->leads, w->count_bold);
    /* The period before and a year before, as a whole. */
    write_money (w, sheet, total, M_PREVIOUS, r->previous_fact, w->money_bold);
    write_ratio_formula (w, sheet, total, M_GROWTH, growth, &r->growth, w->percent_bold);
    write_money (w, sheet, total, M_YEAR_AGO, r->year_ago_fact, w->money_bold);
    write_ratio_formula (w, sheet, total, M_YEAR_GROWTH, year_growth, &r->year_growth,
                         w->percent_bold);
  }
  w->rc |= worksheet_autofilter (sheet, header_row, 0, total - 1, M_N_COLUMNS - 1);
}

/* --- Managers --- */

enum {
  P_NAME, P_PLAN, P_FACT, P_PAID, P_COMPLETION, P_PREVIOUS, P_GROWTH, P_DEALS, P_LEADS,
  P_CONVERSION, P_AVERAGE, P_N_COLUMNS
};

static void
write_managers (Writer *w)
{
  static const char * const headers[P_N_COLUMNS] = {
    N_("Manager"), N_("Plan"), N_("Revenue"), N_("Paid"), N_("Completion"),
    N_("Revenue the period before"), N_("Growth"), N_("Deals"), N_("Leads"),
    N_("Conversion"), N_("Average deal"),
  };
  static const double widths[P_N_COLUMNS] = { 32, 16, 16, 16, 12, 18, 11, 10, 10, 12, 16 };
  const SdOwnerReport *r = w->report;
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, w->managers_sheet);
  const lxw_row_t header_row = 3, first = header_row + 1;
  lxw_row_t row = first, total;
  SdMoney plan = 0, fact = 0, paid = 0, previous = 0;
  gint64 deals = 0, leads = 0;

  write_sheet_title (w, sheet, _("Managers"));
  setup_sheet (w, sheet, header_row, headers, widths, P_N_COLUMNS);

  for (guint i = 0; i < r->managers->len; i++, row++)
    {
      const SdReportManager *m = g_ptr_array_index (r->managers, i);
      g_autofree char *completion = completion_formula (row, P_FACT, P_PLAN);
      g_autofree char *growth = growth_formula (row, P_FACT, P_PREVIOUS);
      g_autofree char *d = cell (row, P_DEALS);
      g_autofree char *l = cell (row, P_LEADS);
      g_autofree char *f = cell (row, P_FACT);
      g_autofree char *conversion = ratio_of (d, l, 4);
      g_autofree char *average = ratio_of (f, d, 2);

      write_text (w, sheet, row, P_NAME, m->name, NULL);
      write_money (w, sheet, row, P_PLAN, m->plan, w->money);
      write_money (w, sheet, row, P_FACT, m->fact, w->money);
      write_money (w, sheet, row, P_PAID, m->paid, w->money);
      write_ratio_formula (w, sheet, row, P_COMPLETION, completion, &m->completion, w->percent);
      write_money (w, sheet, row, P_PREVIOUS, m->previous_fact, w->money);
      write_ratio_formula (w, sheet, row, P_GROWTH, growth, &m->growth, w->percent);
      write_count (w, sheet, row, P_DEALS, m->deals, w->count);
      write_count (w, sheet, row, P_LEADS, m->leads, w->count);
      write_ratio_formula (w, sheet, row, P_CONVERSION, conversion, &m->conversion, w->percent);
      if (m->has_average_deal)
        write_money_formula (w, sheet, row, P_AVERAGE, average, m->average_deal, w->money);
      else
        w->rc |= worksheet_write_formula_str (sheet, row, P_AVERAGE, average, w->money, "");

      plan += m->plan;
      fact += m->fact;
      paid += m->paid;
      previous += m->previous_fact;
      deals += m->deals;
      leads += m->leads;
    }

  total = row;
  write_text (w, sheet, total, P_NAME, _("Total"), w->bold);
  {
    static const lxw_col_t money_cols[] = { P_PLAN, P_FACT, P_PAID, P_PREVIOUS };
    const SdMoney money_values[] = { plan, fact, paid, previous };
    static const lxw_col_t count_cols[] = { P_DEALS, P_LEADS };
    const gint64 count_values[] = { deals, leads };
    SdRatio completion_ratio = { 0 }, growth_ratio = { 0 }, conversion_ratio = { 0 };
    g_autofree char *completion = completion_formula (total, P_FACT, P_PLAN);
    g_autofree char *growth = growth_formula (total, P_FACT, P_PREVIOUS);
    g_autofree char *d = cell (total, P_DEALS);
    g_autofree char *l = cell (total, P_LEADS);
    g_autofree char *f = cell (total, P_FACT);
    g_autofree char *conversion = ratio_of (d, l, 4);
    g_autofree char *average = ratio_of (f, d, 2);

    for (guint k = 0; k < G_N_ELEMENTS (money_cols); k++)
      {
        g_autofree char *formula = sum_formula (first, total - 1, money_cols[k]);

        write_money_formula (w, sheet, total, money_cols[k], formula, money_values[k],
                             w->money_bold);
      }
    for (guint k = 0; k < G_N_ELEMENTS (count_cols); k++)
      {
        g_autofree char *formula = sum_formula (first, total - 1, count_cols[k]);

        write_count_formula (w, sheet, total, count_cols[k], formula, count_values[k],
                             w->count_bold);
      }
    completion_ratio.defined = sd_plan_completion_bp (fact, plan, &completion_ratio.bp);
    growth_ratio.defined = sd_plan_growth_bp (fact, previous, &growth_ratio.bp);
    conversion_ratio = sd_ratio_share (deals, leads);
    write_ratio_formula (w, sheet, total, P_COMPLETION, completion, &completion_ratio,
                         w->percent_bold);
    write_ratio_formula (w, sheet, total, P_GROWTH, growth, &growth_ratio, w->percent_bold);
    write_ratio_formula (w, sheet, total, P_CONVERSION, conversion, &conversion_ratio,
                         w->percent_bold);
    if (deals > 0)
      write_money_formula (w, sheet, total, P_AVERAGE, average, sd_div_round (fact, deals),
                           w->money_bold);
    else
      w->rc |= worksheet_write_formula_str (sheet, total, P_AVERAGE, average, w->money_bold, "");
  }
  if (total > first)
    w->rc |= worksheet_autofilter (sheet, header_row, 0, total - 1, P_N_COLUMNS - 1);
}

/* --- Revenue by manager and month --- */

static void
write_matrix (Writer *w)
{
  const SdOwnerReport *r = w->report;
  guint n_months = r->months->len;
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, w->matrix_sheet);
  const lxw_row_t header_row = 3, first = header_row + 1;
  lxw_row_t row = first, total;
  lxw_col_t total_col = (lxw_col_t) (n_months + 1);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *widths = g_new0 (double, n_months + 2);
  g_autofree SdMoney *column_totals = g_new0 (SdMoney, n_months);

  write_sheet_title (w, sheet, _("Revenue by manager and month"));
  /* setup_sheet translates its headers: these are already in the user's words. */
  g_ptr_array_add (headers, g_strdup (N_("Manager")));
  widths[0] = 32;
  for (guint k = 0; k < n_months; k++)
    {
      const SdReportMonth *m = &g_array_index (r->months, SdReportMonth, k);

      g_ptr_array_add (headers, sd_month_format_short (m->month));
      widths[k + 1] = 14;
    }
  g_ptr_array_add (headers, g_strdup (N_("Total")));
  widths[n_months + 1] = 16;
  setup_sheet (w, sheet, header_row, (const char * const *) headers->pdata, widths, n_months + 2);

  for (guint i = 0; i < r->managers->len; i++, row++)
    {
      const SdReportManager *m = g_ptr_array_index (r->managers, i);
      g_autofree char *a = cell (row, 1);
      g_autofree char *b = cell (row, (lxw_col_t) n_months);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", a, b);

      write_text (w, sheet, row, 0, m->name, NULL);
      for (guint k = 0; k < n_months; k++)
        {
          write_money (w, sheet, row, (lxw_col_t) (k + 1), m->month_fact[k], w->money);
          column_totals[k] += m->month_fact[k];
        }
      write_money_formula (w, sheet, row, total_col, formula, m->fact, w->money_bold);
    }
  total = row;
  write_text (w, sheet, total, 0, _("Total"), w->bold);
  {
    SdMoney all = 0;

    for (guint k = 0; k <= n_months; k++)
      {
        g_autofree char *formula = sum_formula (first, total - 1, (lxw_col_t) (k + 1));
        SdMoney value = k < n_months ? column_totals[k] : all;

        if (k < n_months)
          all += column_totals[k];
        write_money_formula (w, sheet, total, (lxw_col_t) (k + 1), formula, value,
                             w->money_bold);
      }
  }
  if (total > first)
    w->rc |= worksheet_autofilter (sheet, header_row, 0, total - 1, total_col);
}

/* --- Lagging --- */

static void
write_lagging (Writer *w)
{
  static const char * const headers[] = {
    N_("Manager"), N_("Months in a row"), N_("Completion, last month"), N_("Why"),
  };
  static const double widths[] = { 32, 14, 16, 80 };
  const SdOwnerReport *r = w->report;
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, w->lagging_sheet);
  const lxw_row_t header_row = 3;
  lxw_row_t row = header_row + 1;
  g_autofree char *threshold = sd_chart_format_percent (r->lag_threshold_bp,
                                                        sd_number_style_current (), FALSE);
  g_autofree char *rule = NULL;

  write_text (w, sheet, 0, 0, _("Lagging behind the plan"), w->title);
  rule = g_strdup_printf (ngettext ("Below %s of the plan %u month in a row, complete months "
                                    "only.",
                                    "Below %s of the plan %u months in a row, complete months "
                                    "only.", r->lag_months),
                          threshold, r->lag_months);
  write_text (w, sheet, 1, 0, rule, NULL);
  setup_sheet (w, sheet, header_row, headers, widths, G_N_ELEMENTS (headers));

  if (r->lagging->len == 0)
    {
      write_text (w, sheet, row, 0, _("Nobody is lagging behind the plan."), NULL);
      return;
    }
  for (guint i = 0; i < r->lagging->len; i++, row++)
    {
      const SdReportLagging *l = g_ptr_array_index (r->lagging, i);

      write_text (w, sheet, row, 0, l->name, NULL);
      write_count (w, sheet, row, 1, l->n_months, w->count);
      w->rc |= worksheet_write_number (sheet, row, 2, (double) l->last_completion_bp / 10000.0,
                                       w->percent);
      write_text (w, sheet, row, 3, l->reason, w->wrap);
    }
  w->rc |= worksheet_autofilter (sheet, header_row, 0, row - 1, 3);
}

/* --- Pay --- */

enum { Y_MONTH, Y_PEOPLE, Y_PAY, Y_REVENUE, Y_SHARE, Y_CLOSED, Y_N_COLUMNS };

static void
write_pay (Writer *w)
{
  static const char * const headers[Y_N_COLUMNS] = {
    N_("Month"), N_("People paid"), N_("Pay cost"), N_("Revenue"), N_("Pay to revenue"),
    N_("Month closed"),
  };
  static const double widths[Y_N_COLUMNS] = { 18, 12, 18, 18, 14, 14 };
  const SdOwnerReport *r = w->report;
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, w->pay_sheet);
  const lxw_row_t header_row = 3, first = header_row + 1;
  lxw_row_t row = first, total;

  write_sheet_title (w, sheet, _("The department's pay cost"));
  setup_sheet (w, sheet, header_row, headers, widths, Y_N_COLUMNS);
  if (r->pay_months->len == 0)
    {
      write_text (w, sheet, row, 0,
                  _("No payroll for this period: assign motivation schemes to the managers."),
                  NULL);
      return;
    }
  for (guint i = 0; i < r->pay_months->len; i++, row++)
    {
      const SdReportPayMonth *p = &g_array_index (r->pay_months, SdReportPayMonth, i);
      g_autofree char *label = sd_month_format_label (p->month);
      g_autofree char *revenue = NULL;
      g_autofree char *share = completion_formula (row, Y_PAY, Y_REVENUE);
      lxw_row_t month_row = (lxw_row_t) (4 + (p->month - sd_period_first_month (&r->period)));

      revenue = link_to (w->months_sheet, month_row, M_FACT);
      {
        const char *formula = revenue;

        write_text (w, sheet, row, Y_MONTH, label, NULL);
        write_count (w, sheet, row, Y_PEOPLE, p->n_people, w->count);
        write_money (w, sheet, row, Y_PAY, p->pay, w->money);
        write_money_formula (w, sheet, row, Y_REVENUE, formula, p->revenue, w->money);
        write_ratio_formula (w, sheet, row, Y_SHARE, share, &p->share, w->percent);
        write_text (w, sheet, row, Y_CLOSED, p->closed ? _("yes") : _("no"), NULL);
      }
    }
  total = row;
  w->pay_total_row = total;
  w->has_pay = TRUE;
  write_text (w, sheet, total, Y_MONTH, _("Total"), w->bold);
  {
    g_autofree char *pay = sum_formula (first, total - 1, Y_PAY);
    g_autofree char *revenue = sum_formula (first, total - 1, Y_REVENUE);
    g_autofree char *share = completion_formula (total, Y_PAY, Y_REVENUE);

    write_money_formula (w, sheet, total, Y_PAY, pay, r->pay_total, w->money_bold);
    write_money_formula (w, sheet, total, Y_REVENUE, revenue, r->pay_revenue, w->money_bold);
    write_ratio_formula (w, sheet, total, Y_SHARE, share, &r->pay_share, w->percent_bold);
  }
  w->rc |= worksheet_autofilter (sheet, header_row, 0, total - 1, Y_N_COLUMNS - 1);
}

/* --- Hiring --- */

enum { H_MONTH, H_PLAN, H_TEAM, H_HIRES, H_SHORTFALL, H_COST, H_N_COLUMNS };

static void
write_hiring (Writer *w)
{
  static const char * const headers[H_N_COLUMNS] = {
    N_("Month"), N_("Plan"), N_("Team capacity"), N_("Planned hires' capacity"),
    N_("Shortfall"), N_("Pay cost with hires"),
  };
  static const char * const hire_headers[] = {
    N_("Search from"), N_("First day"), N_("State"), N_("Cost in the year"),
    N_("Added revenue"), N_("Pays back in"),
  };
  static const double widths[H_N_COLUMNS] = { 18, 18, 18, 18, 18, 20 };
  const SdOwnerReport *r = w->report;
  lxw_worksheet *sheet;
  const lxw_row_t header_row = 3, first = header_row + 1;
  lxw_row_t row = first, total;

  if (!r->has_hiring)
    return;
  sheet = workbook_add_worksheet (w->book, w->hiring_sheet);
  write_text (w, sheet, 0, 0, _("Hiring plan"), w->title);
  write_text (w, sheet, 1, 0, r->hiring_summary, NULL);
  setup_sheet (w, sheet, header_row, headers, widths, H_N_COLUMNS);
  for (guint i = 0; i < r->hiring_months->len; i++, row++)
    {
      const SdReportHiringMonth *m = &g_array_index (r->hiring_months, SdReportHiringMonth, i);
      g_autofree char *label = sd_month_format_label (m->month);

      write_text (w, sheet, row, H_MONTH, label, NULL);
      write_money (w, sheet, row, H_PLAN, m->plan, w->money);
      write_money (w, sheet, row, H_TEAM, m->team_capacity, w->money);
      write_money (w, sheet, row, H_HIRES, m->hires_capacity, w->money);
      write_money (w, sheet, row, H_SHORTFALL, m->shortfall, w->money);
      write_money (w, sheet, row, H_COST, m->total_cost, w->money);
    }
  total = row;
  write_text (w, sheet, total, H_MONTH, _("Total"), w->bold);
  for (lxw_col_t c = H_PLAN; c < H_N_COLUMNS; c++)
    {
      g_autofree char *formula = sum_formula (first, total - 1, c);
      SdMoney sum = 0;

      for (guint i = 0; i < r->hiring_months->len; i++)
        {
          const SdReportHiringMonth *m = &g_array_index (r->hiring_months, SdReportHiringMonth, i);
          const SdMoney values[] = { 0, m->plan, m->team_capacity, m->hires_capacity,
                                     m->shortfall, m->total_cost };

          sum += values[c];
        }
      write_money_formula (w, sheet, total, c, formula, sum, w->money_bold);
    }
  if (total > first)
    w->rc |= worksheet_autofilter (sheet, header_row, 0, total - 1, H_N_COLUMNS - 1);

  /* The planned hires, below the months */
  row = total + 2;
  write_text (w, sheet, row++, 0, _("Planned hires"), w->bold);
  for (guint c = 0; c < G_N_ELEMENTS (hire_headers); c++)
    write_text (w, sheet, row, (lxw_col_t) c, _(hire_headers[c]), w->header);
  row++;
  if (r->hires->len == 0)
    write_text (w, sheet, row, 0, _("No hires are planned."), NULL);
  for (guint i = 0; i < r->hires->len; i++, row++)
    {
      const SdReportHire *h = &g_array_index (r->hires, SdReportHire, i);
      g_autofree char *search = sd_date_format (&h->search_start, sd_number_style_current ());
      g_autofree char *start = sd_date_format (&h->start, sd_number_style_current ());
      g_autofree char *payback = h->payback != SD_MONTH_INVALID
                                 ? sd_month_format_label (h->payback)
                                 : g_strdup (h->counted ? _("not within the year") : "—");

      write_text (w, sheet, row, 0, search, NULL);
      write_text (w, sheet, row, 1, start, NULL);
      write_text (w, sheet, row, 2, h->state, NULL);
      write_money (w, sheet, row, 3, h->cost, w->money);
      write_money (w, sheet, row, 4, h->revenue, w->money);
      write_text (w, sheet, row, 5, payback, NULL);
    }
}

/* --- People --- */

enum {
  D_NAME, D_CALLS, D_SCORE, D_IDP, D_ACTIONS, D_DONE, D_OVERDUE, D_COMPLETION, D_ATTENTION,
  D_N_COLUMNS
};

static void
write_people (Writer *w)
{
  static const char * const headers[D_N_COLUMNS] = {
    N_("Manager"), N_("Calls scored"), N_("Average call score"), N_("Development plan"),
    N_("Actions"), N_("Done"), N_("Overdue"), N_("Plan done"), N_("Needs attention because"),
  };
  static const double widths[D_N_COLUMNS] = { 32, 10, 12, 30, 10, 10, 10, 11, 70 };
  const SdOwnerReport *r = w->report;
  lxw_worksheet *sheet;
  const lxw_row_t header_row = 3;
  lxw_row_t row = header_row + 1;

  if (!r->has_people)
    return;
  sheet = workbook_add_worksheet (w->book, w->people_sheet);
  write_sheet_title (w, sheet, _("People development"));
  setup_sheet (w, sheet, header_row, headers, widths, D_N_COLUMNS);
  for (guint i = 0; i < r->people->len; i++, row++)
    {
      const SdReportPerson *p = g_ptr_array_index (r->people, i);
      g_autofree char *done = completion_formula (row, D_DONE, D_ACTIONS);

      write_text (w, sheet, row, D_NAME, p->name, NULL);
      write_count (w, sheet, row, D_CALLS, p->n_calls, w->count);
      if (p->has_call_score)
        w->rc |= worksheet_write_number (sheet, row, D_SCORE, (double) p->call_score / 100.0,
                                         w->score);
      if (p->has_idp)
        {
          write_text (w, sheet, row, D_IDP,
                      p->idp_title != NULL ? p->idp_title : _("Development plan"), NULL);
          write_count (w, sheet, row, D_ACTIONS, p->n_actions, w->count);
          write_count (w, sheet, row, D_DONE, p->n_done, w->count);
          write_count (w, sheet, row, D_OVERDUE, p->n_overdue, w->count);
          write_ratio_formula (w, sheet, row, D_COMPLETION, done, &p->idp_completion, w->percent);
        }
      else
        write_text (w, sheet, row, D_IDP, _("none"), NULL);
      if (p->attention != NULL)
        write_text (w, sheet, row, D_ATTENTION, p->attention, w->wrap);
    }
  if (row > header_row + 1)
    w->rc |= worksheet_autofilter (sheet, header_row, 0, row - 1, D_N_COLUMNS - 1);
}

/* --- Summary, with the charts --- */

static void
add_charts (Writer        *w,
            lxw_worksheet *sheet)
{
  const SdOwnerReport *r = w->report;
  lxw_row_t first = 4, last = (lxw_row_t) (4 + r->months->len - 1);
  lxw_chart *columns = workbook_add_chart (w->book, LXW_CHART_COLUMN);
  lxw_chart *growth = workbook_add_chart (w->book, LXW_CHART_LINE);
  lxw_chart_series *series;
  lxw_chart_options options = { .x_offset = 10, .y_offset = 10, .x_scale = 1.4, .y_scale = 1.2 };

  chart_title_set_name (columns, _("Plan and revenue by month"));
  series = chart_add_series (columns, NULL, NULL);
  chart_series_set_categories (series, w->months_sheet, first, M_MONTH, last, M_MONTH);
  chart_series_set_values (series, w->months_sheet, first, M_PLAN, last, M_PLAN);
  chart_series_set_name_range (series, w->months_sheet, 3, M_PLAN);
  series = chart_add_series (columns, NULL, NULL);
  chart_series_set_categories (series, w->months_sheet, first, M_MONTH, last, M_MONTH);
  chart_series_set_values (series, w->months_sheet, first, M_FACT, last, M_FACT);
  chart_series_set_name_range (series, w->months_sheet, 3, M_FACT);
  chart_axis_set_num_format (columns->y_axis, RUBLE_WHOLE_FORMAT);
  chart_legend_set_position (columns, LXW_CHART_LEGEND_BOTTOM);
  w->rc |= worksheet_insert_chart_opt (sheet, 2, 3, columns, &options);

  chart_title_set_name (growth, _("Growth, month on month"));
  series = chart_add_series (growth, NULL, NULL);
  chart_series_set_categories (series, w->months_sheet, first, M_MONTH, last, M_MONTH);
  chart_series_set_values (series, w->months_sheet, first, M_GROWTH, last, M_GROWTH);
  chart_series_set_name_range (series, w->months_sheet, 3, M_GROWTH);
  chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
  chart_axis_set_num_format (growth->y_axis, "0%");
  chart_legend_set_position (growth, LXW_CHART_LEGEND_NONE);
  w->rc |= worksheet_insert_chart_opt (sheet, 22, 3, growth, &options);
}

static void
write_summary (Writer        *w,
               lxw_worksheet *sheet)
{
  const SdOwnerReport *r = w->report;
  const lxw_row_t t = w->months_total_row;
  lxw_row_t row = 4;
  g_autofree char *made = NULL;
  g_autofree char *subtitle = NULL;
  lxw_row_t revenue_row, plan_row, previous_row, year_row, deals_row, leads_row, pay_row = 0;
  lxw_row_t forecast_row = 0;

  {
    g_autofree char *date = sd_date_format (&r->today, sd_number_style_current ());

    made = g_strdup_printf (_("As of %s"), date);
  }
  subtitle = g_strdup_printf (_("Owner report: %s"), r->period_label);
  write_text (w, sheet, 0, 0, r->company, w->title);
  write_text (w, sheet, 1, 0, subtitle, w->bold);
  write_text (w, sheet, 2, 0, made, NULL);
  worksheet_set_column (sheet, 0, 0, 36, NULL);
  worksheet_set_column (sheet, 1, 1, 20, NULL);
  worksheet_set_column (sheet, 2, 2, 4, NULL);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, A4);
  worksheet_fit_to_pages (sheet, 1, 1);

  write_text (w, sheet, 3, 0, _("Figure"), w->header);
  write_text (w, sheet, 3, 1, _("Value"), w->header);
  worksheet_freeze_panes (sheet, 4, 0);

#define LABEL(text) write_text (w, sheet, row, 0, (text), NULL)
  /* Revenue, paid and plan are the by-month sheet's totals: change a month there and the
   * summary follows. */
  revenue_row = row;
  LABEL (_("Revenue"));
  {
    g_autofree char *formula = link_to (w->months_sheet, t, M_FACT);

    write_money_formula (w, sheet, row++, 1, formula, r->fact, w->money_bold);
  }
  LABEL (_("Paid"));
  {
    g_autofree char *formula = link_to (w->months_sheet, t, M_PAID);

    write_money_formula (w, sheet, row++, 1, formula, r->paid, w->money);
  }
  plan_row = row;
  LABEL (_("Plan"));
  {
    g_autofree char *formula = link_to (w->months_sheet, t, M_PLAN);

    write_money_formula (w, sheet, row++, 1, formula, r->plan, w->money);
  }
  LABEL (_("Plan completion"));
  {
    g_autofree char *rev = cell (revenue_row, 1);
    g_autofree char *pl = cell (plan_row, 1);
    g_autofree char *formula = ratio_of (rev, pl, 4);

    write_ratio_formula (w, sheet, row++, 1, formula, &r->completion, w->percent_bold);
  }
  if (r->to_date)
    {
      g_autofree char *through = sd_month_format_label (r->last_fact_month);
      g_autofree char *label = g_strdup_printf (_("Plan to date (through %s)"), through);
      g_autofree char *a = ref (w->months_sheet, 4, M_PLAN);
      g_autofree char *b = cell ((lxw_row_t) (4 + r->last_fact_month -
                                              sd_period_first_month (&r->period)), M_PLAN);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", a, b);
      g_autofree char *rev = cell (revenue_row, 1);
      g_autofree char *pl = cell (row, 1);
      g_autofree char *completion = ratio_of (rev, pl, 4);

      LABEL (label);
      write_money_formula (w, sheet, row++, 1, formula, r->plan_to_date, w->money);
      LABEL (_("Completion to date"));
      write_ratio_formula (w, sheet, row++, 1, completion, &r->completion_to_date,
                           w->percent_bold);
    }
  if (r->has_forecast)
    {
      g_autofree char *fc = NULL;
      g_autofree char *pl = cell (plan_row, 1);
      g_autofree char *formula = NULL;

      forecast_row = row;
      LABEL (_("Forecast for the period"));
      write_money (w, sheet, row++, 1, r->forecast, w->money);
      fc = cell (forecast_row, 1);
      formula = ratio_of (fc, pl, 4);
      LABEL (_("Forecast completion"));
      write_ratio_formula (w, sheet, row++, 1, formula, &r->forecast_completion, w->percent);
      LABEL (_("Run-rate"));
      write_money (w, sheet, row++, 1, r->run_rate, w->money);
    }
  previous_row = row;
  LABEL (r->to_date ? _("Revenue the period before, as many months")
                    : _("Revenue the period before"));
  write_money (w, sheet, row++, 1, r->previous_fact, w->money);
  LABEL (_("Growth against the period before"));
  {
    g_autofree char *cur = cell (revenue_row, 1);
    g_autofree char *prev = cell (previous_row, 1);
    g_autofree char *formula = change_of (cur, prev);

    write_ratio_formula (w, sheet, row++, 1, formula, &r->growth, w->percent);
  }
  year_row = row;
  LABEL (r->to_date ? _("Revenue a year before, as many months") : _("Revenue a year before"));
  write_money (w, sheet, row++, 1, r->year_ago_fact, w->money);
  LABEL (_("Growth against a year before"));
  {
    g_autofree char *cur = cell (revenue_row, 1);
    g_autofree char *prev = cell (year_row, 1);
    g_autofree char *formula = change_of (cur, prev);

    write_ratio_formula (w, sheet, row++, 1, formula, &r->year_growth, w->percent);
  }
  deals_row = row;
  LABEL (_("Deals"));
  {
    g_autofree char *formula = link_to (w->months_sheet, t, M_DEALS);

    write_count_formula (w, sheet, row++, 1, formula, r->deals, w->count);
  }
  leads_row = row;
  LABEL (_("Leads"));
  {
    g_autofree char *formula = link_to (w->months_sheet, t, M_LEADS);

    write_count_formula (w, sheet, row++, 1, formula, r->leads, w->count);
  }
  LABEL (_("Conversion, leads to deals"));
  {
    g_autofree char *d = cell (deals_row, 1);
    g_autofree char *l = cell (leads_row, 1);
    g_autofree char *formula = ratio_of (d, l, 4);
    SdRatio conversion = sd_ratio_share (r->deals, r->leads);
    write_ratio_formula (w, sheet, row++, 1, formula, &conversion, w->percent);
  }
  if (w->has_pay)
    {
      g_autofree char *formula = link_to (w->pay_sheet, w->pay_total_row, Y_PAY);
      g_autofree char *rev = ref (w->pay_sheet, w->pay_total_row, Y_REVENUE);
      g_autofree char *pay = NULL;
      g_autofree char *share = NULL;

      pay_row = row;
      LABEL (_("Pay cost of the department"));
      write_money_formula (w, sheet, row++, 1, formula, r->pay_total, w->money);
      pay = cell (pay_row, 1);
      share = ratio_of (pay, rev, 4);
      LABEL (_("Pay cost to revenue"));
      write_ratio_formula (w, sheet, row++, 1, share, &r->pay_share, w->percent);
    }
  LABEL (_("Managers lagging behind the plan"));
  write_count (w, sheet, row++, 1, r->lagging->len, w->count);
  if (r->has_hiring)
    {
      guint counted = 0;

      for (guint i = 0; i < r->hires->len; i++)
        counted += g_array_index (r->hires, SdReportHire, i).counted;
      LABEL (_("Planned hires"));
      write_count (w, sheet, row++, 1, counted, w->count);
    }
  if (r->has_people)
    {
      LABEL (_("Managers needing attention"));
      write_count (w, sheet, row++, 1, r->n_attention, w->count);
    }
#undef LABEL

  if (r->months->len > 0)
    add_charts (w, sheet);
}

static void
report_progress (SdExportProgress progress,
                 gpointer         data,
                 double           fraction)
{
  if (progress != NULL)
    progress (fraction, data);
}

gboolean
sd_report_xlsx_write (const SdOwnerReport  *report,
                      const char           *path,
                      GCancellable         *cancellable,
                      SdExportProgress      progress,
                      gpointer              progress_data,
                      GError              **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  g_autofree char *title = NULL;
  lxw_doc_properties properties = { 0, };
  SdXlsxLocale guard;
  lxw_worksheet *summary;
  Writer w = { 0 };
  lxw_error rc;
  gboolean cancelled = FALSE;
  void (*const sections[]) (Writer *) = {
    write_months, write_managers, write_matrix, write_lagging, write_pay, write_hiring,
    write_people,
  };

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sd_xlsx_locale_push (&guard);
  w.book = workbook_new_opt (path, &options);
  if (w.book == NULL)
    {
      sd_xlsx_locale_pop (&guard);
      sd_xlsx_set_error (error, LXW_ERROR_CREATING_XLSX_FILE, path);
      return FALSE;
    }
  w.report = report;
  w.summary_sheet = sd_xlsx_sheet_name (_("Summary"));
  w.months_sheet = sd_xlsx_sheet_name (_("By month"));
  w.managers_sheet = sd_xlsx_sheet_name (_("Managers"));
  w.matrix_sheet = sd_xlsx_sheet_name (_("Managers by month"));
  w.lagging_sheet = sd_xlsx_sheet_name (_("Lagging"));
  w.pay_sheet = sd_xlsx_sheet_name (_("Pay cost"));
  w.hiring_sheet = sd_xlsx_sheet_name (_("Hiring"));
  w.people_sheet = sd_xlsx_sheet_name (_("People"));

  w.title = workbook_add_format (w.book);
  format_set_bold (w.title);
  format_set_font_size (w.title, 14);
  w.bold = workbook_add_format (w.book);
  format_set_bold (w.bold);
  w.header = workbook_add_format (w.book);
  format_set_bold (w.header);
  format_set_text_wrap (w.header);
  format_set_align (w.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom (w.header, LXW_BORDER_THIN);
  format_set_bg_color (w.header, 0xEDEDED);
  w.money = workbook_add_format (w.book);
  format_set_num_format (w.money, RUBLE_WHOLE_FORMAT);
  w.money_bold = workbook_add_format (w.book);
  format_set_num_format (w.money_bold, RUBLE_WHOLE_FORMAT);
  format_set_bold (w.money_bold);
  w.percent = workbook_add_format (w.book);
  format_set_num_format (w.percent, PERCENT_FORMAT);
  format_set_align (w.percent, LXW_ALIGN_RIGHT);
  w.percent_bold = workbook_add_format (w.book);
  format_set_num_format (w.percent_bold, PERCENT_FORMAT);
  format_set_align (w.percent_bold, LXW_ALIGN_RIGHT);
  format_set_bold (w.percent_bold);
  w.count = workbook_add_format (w.book);
  format_set_num_format (w.count, "#,##0");
  w.count_bold = workbook_add_format (w.book);
  format_set_num_format (w.count_bold, "#,##0");
  format_set_bold (w.count_bold);
  w.wrap = workbook_add_format (w.book);
  format_set_text_wrap (w.wrap);
  format_set_align (w.wrap, LXW_ALIGN_VERTICAL_TOP);
  w.score = workbook_add_format (w.book);
  format_set_num_format (w.score, "0.00");

  title = g_strdup_printf (_("Owner report: %s"), report->period_label);
  properties.title = title;
  properties.subject = report->period_label;
  properties.author = "Salesdesk";
  properties.company = report->company;
  properties.comments = _("Made by Salesdesk. Totals, completion and growth are formulas.");
  properties.created = time (NULL);
  workbook_set_properties (w.book, &properties);

  /* The summary comes first in the book but refers to the others, so it is filled last. */
  summary = workbook_add_worksheet (w.book, w.summary_sheet);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      sections[i] (&w);
      report_progress (progress, progress_data, 0.3 + 0.5 * (i + 1) / G_N_ELEMENTS (sections));
    }
  if (!cancelled)
    write_summary (&w, summary);
  if (!cancelled && g_cancellable_is_cancelled (cancellable))
    cancelled = TRUE;

  rc = workbook_close (w.book);
  sd_xlsx_locale_pop (&guard);
  g_free (w.summary_sheet);
  g_free (w.months_sheet);
  g_free (w.managers_sheet);
  g_free (w.matrix_sheet);
  g_free (w.lagging_sheet);
  g_free (w.pay_sheet);
  g_free (w.hiring_sheet);
  g_free (w.people_sheet);

  if (cancelled)
    {
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED,
                           _("The export was cancelled."));
      return FALSE;
    }
  if (w.rc != LXW_NO_ERROR || rc != LXW_NO_ERROR)
    {
      sd_xlsx_set_error (error, rc != LXW_NO_ERROR ? rc : w.rc, path);
      return FALSE;
    }
  report_progress (progress, progress_data, 0.95);
  return TRUE;
}
