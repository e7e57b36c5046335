/* sd-plan-fact-page.c — plan against fact, growth, lagging managers and the charts
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-plan-fact-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-chart-funnel.h"
#include "sd-chart-growth.h"
#include "sd-chart-plan-fact.h"
#include "sd-chart-ranking.h"
#include "sd-chart-view.h"
#include "sd-forecast.h"
#include "sd-plan-fact-page.h"
#include "sd-plan.h"

#define N_COLUMNS 8
#define PERIOD_YEAR_INDEX 0
#define PERIOD_FIRST_QUARTER 1
#define PERIOD_FIRST_MONTH 5

typedef struct {
  gint64   manager_id;
  char    *cells[N_COLUMNS];
  gboolean lagging;
} Row;

struct _SdPlanFactPage
{
  SdPage          parent_instance;

  GtkSpinButton  *year_spin;
  GtkDropDown    *period_dropdown;
  GtkSpinButton  *threshold_spin;
  GtkSpinButton  *months_spin;
  GtkLabel       *summary_label;
  GtkGrid        *table;
  GtkLabel       *lagging_label;
  SdChartView    *plan_fact_chart;
  SdChartView    *growth_chart;
  SdChartView    *ranking_chart;
  SdChartView    *funnel_chart;

  GPtrArray      *rows;            /* of Row* */
  const char     *currency;        /* the company's currency sign */

  /* Chart data, owned here; the chart views point into it. */
  SdChartPlanFactMonth months[12];
  SdChartPlanFact      plan_fact;
  SdMoney              growth_values[12];
  SdChartGrowth        growth;
  GArray              *ranking_items;  /* of SdChartRankingItem; names owned by `names` */
  GPtrArray           *names;
  SdChartRanking       ranking;
  SdChartFunnel        funnel;
  char                *period_label;

  gboolean        updating;        /* putting stored values into the controls */
  /* The first fill waits for the window's first frame, so the window appears at once. */
};

G_DEFINE_FINAL_TYPE (SdPlanFactPage, sd_plan_fact_page, SD_TYPE_PAGE)

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

static void
get_period (SdPlanFactPage *self,
            SdPeriod       *period)
{
  guint index = gtk_drop_down_get_selected (self->period_dropdown);

  period->year = gtk_spin_button_get_value_as_int (self->year_spin);
  if (index == GTK_INVALID_LIST_POSITION || index == PERIOD_YEAR_INDEX)
    {
      period->kind = SD_PERIOD_YEAR;
      period->index = 0;
    }
  else if (index < PERIOD_FIRST_MONTH)
    {
      period->kind = SD_PERIOD_QUARTER;
      period->index = (int) (index - PERIOD_FIRST_QUARTER + 1);
    }
  else
    {
      period->kind = SD_PERIOD_MONTH;
      period->index = (int) (index - PERIOD_FIRST_MONTH + 1);
    }
}

static char *
format_money (SdPlanFactPage *self,
              SdMoney         value)
{
  return sd_money_format_whole (value, sd_number_style_current (), self->currency);
}

static char *
format_bp (gboolean defined,
           gint64   bp,
           gboolean explicit_plus)
{
  /* "—" where a ratio has nothing to divide by: no plan, nothing the period before. */
  if (!defined)
    return g_strdup ("—");
  return sd_chart_format_percent (bp, sd_number_style_current (), explicit_plus);
}

/* --- charts --- */

static void
draw_plan_fact (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
                gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  self->plan_fact.has_highlight = highlight >= 0;
  self->plan_fact.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_plan_fact (cr, width, height, &self->plan_fact, style);
}

static int
hit_plan_fact (int width, int height, const SdChartStyle *style, double x, double y,
               gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  return sd_chart_plan_fact_hit (width, height, &self->plan_fact, style, x, y);
}

static char *
describe_plan_fact (const SdChartStyle *style, int index, gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  if (index < 0)
    return sd_chart_plan_fact_describe (&self->plan_fact, style);
  return sd_chart_plan_fact_tooltip (&self->plan_fact, style, (guint) index);
}

static void
draw_growth (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
             gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  self->growth.has_highlight = highlight >= 0;
  self->growth.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_growth (cr, width, height, &self->growth, style);
}

static int
hit_growth (int width, int height, const SdChartStyle *style, double x, double y,
            gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  return sd_chart_growth_hit (width, height, &self->growth, style, x, y);
}

static char *
describe_growth (const SdChartStyle *style, int index, gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  if (index < 0)
    return sd_chart_growth_describe (&self->growth, style);
  return sd_chart_growth_tooltip (&self->growth, style, (guint) index);
}

static void
draw_ranking (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
              gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  self->ranking.has_highlight = highlight >= 0;
  self->ranking.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_ranking (cr, width, height, &self->ranking, style);
}

static int
hit_ranking (int width, int height, const SdChartStyle *style, double x, double y,
             gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  return sd_chart_ranking_hit (width, height, &self->ranking, style, x, y);
}

static char *
describe_ranking (const SdChartStyle *style, int index, gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  if (index < 0)
    return sd_chart_ranking_describe (&self->ranking, style);
  return sd_chart_ranking_tooltip (&self->ranking, style, (guint) index);
}

static void
draw_funnel (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
             gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  self->funnel.has_highlight = highlight >= 0;
  self->funnel.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_funnel (cr, width, height, &self->funnel, style);
}

static int
hit_funnel (int width, int height, const SdChartStyle *style, double x, double y,
            gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  return sd_chart_funnel_hit (width, height, &self->funnel, style, x, y);
}

static char *
describe_funnel (const SdChartStyle *style, int index, gpointer user_data)
{
  SdPlanFactPage *self = user_data;

  if (index < 0)
    return sd_chart_funnel_describe (&self->funnel, style);
  return sd_chart_funnel_tooltip (&self->funnel, style, (guint) index);
}

/* --- the table --- */

static void
clear_table (SdPlanFactPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

static void
fill_table (SdPlanFactPage *self)
{
  static const char *headers[N_COLUMNS] = {
    N_("Manager"), N_("Plan"), N_("Fact"), N_("Completion"), N_("vs previous"),
    N_("vs year before"), N_("Deals"), N_("Leads"),
  };

  clear_table (self);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *label = gtk_label_new (_(headers[c]));

      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->table, label, (int) c, 0, 1, 1);
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          /* Inscriptions, not labels: a company of 200 managers has 1 600 cells here. */
          g_autofree char *text = row->lagging && c == 0
                                  ? g_strdup_printf ("⚠ %s", row->cells[c])
                                  : g_strdup (row->cells[c]);
          GtkWidget *label = gtk_inscription_new (text);
          guint chars = (guint) g_utf8_strlen (text, -1) + 1;

          gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), chars);
          gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), chars);
          gtk_inscription_set_xalign (GTK_INSCRIPTION (label), c == 0 ? 0 : 1);
          if (c > 0)
            gtk_widget_add_css_class (label, "numeric");
          if (row->manager_id == 0)
            gtk_widget_add_css_class (label, "heading");
          if (row->lagging && (c == 0 || c == 3))
            gtk_widget_add_css_class (label, "error");
          if (c == 0 && row->lagging)
            gtk_widget_set_tooltip_text (label, _("Lagging behind the plan: see below"));
          gtk_grid_attach (self->table, label, (int) c, (int) r + 1, 1, 1);
        }
    }
}

static Row *
make_row (SdPlanFactPage   *self,
          const SdPlanFact *plan_fact,
          const SdPeriod   *period,
          gint64            manager_id,
          const char       *name,
          gint64            deals,
          gint64            leads)
{
  Row *row = g_new0 (Row, 1);
  SdMoney plan = 0, fact = 0;
  gint64 bp = 0;
  gboolean defined;

  sd_plan_fact_get (plan_fact, manager_id, period, &plan, &fact);
  row->manager_id = manager_id;
  row->cells[0] = g_strdup (name);
  row->cells[1] = format_money (self, plan);
  row->cells[2] = format_money (self, fact);
  defined = sd_plan_fact_completion_bp (plan_fact, manager_id, period, &bp);
  row->cells[3] = format_bp (defined, bp, FALSE);
  defined = sd_plan_fact_growth_bp (plan_fact, manager_id, period, SD_GROWTH_PREVIOUS_PERIOD, &bp);
  row->cells[4] = format_bp (defined, bp, TRUE);
  defined = sd_plan_fact_growth_bp (plan_fact, manager_id, period, SD_GROWTH_YEAR_AGO, &bp);
  row->cells[5] = format_bp (defined, bp, TRUE);
  row->cells[6] = sd_chart_format_count (deals, sd_number_style_current ());
  row->cells[7] = sd_chart_format_count (leads, sd_number_style_current ());
  return row;
}

/* The forecast range of the current month for the plan/fact chart. */
static void
add_forecast (SdPlanFactPage *self,
              const GArray   *facts,
              int             year)
{
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  SdPeriod month_period;
  SdForecast forecast;
  GDate today, first, last;
  SdMoney to_date = 0;
  SdMonth month;
  guint index;

  sd_context_get_today (context, &today);
  month = sd_month_from_date (&today);
  if (sd_month_get_year (month) != year)
    return;
  index = (guint) (month - sd_month_make (year, 1));

  sd_forecast_period_for_date (SD_PERIOD_MONTH, &today, &month_period);
  sd_month_first_day (month, &first);
  sd_month_last_day (month, &last);
  items = sd_store_list_pipeline (sd_page_get_store (SD_PAGE (self)), &first, &last, &error);
  if (items == NULL)
    return;
  payments = g_array_new (FALSE, TRUE, sizeof (SdExpectedPayment));
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (payments, ((SdPipelineItem *) g_ptr_array_index (items, i))->payment);

  if (!sd_forecast_sum_facts ((const SdFact *) facts->data, facts->len, 0, &month_period, &today,
                              &to_date, &error))
    return;
  if (!sd_forecast_compute (sd_context_get_calendar (context), &month_period, &today, 0,
                            to_date, self->months[index].plan,
                            (const SdExpectedPayment *) payments->data, payments->len,
                            &forecast, &error))
    return;

  self->months[index].has_forecast = TRUE;
  self->months[index].forecast_low = forecast.low;
  self->months[index].forecast_high = forecast.high;
}

static void
sd_plan_fact_page_reload (SdPage *page)
{
  SdPlanFactPage *self = SD_PLAN_FACT_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(SdPlanFact) plan_fact = NULL;
  g_autoptr(GPtrArray) lagging = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) lagging_text = NULL;
  g_autoptr(GHashTable) deals = NULL, leads = NULL;
  SdPeriod period;
  SdMonth first, last, period_first, period_last, up_to;
  gint64 threshold_bp;
  guint lag_months;
  GDate today;
  SdMoney total_plan = 0, total_fact = 0;

  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->ranking_items, 0);
  g_ptr_array_set_size (self->names, 0);
  memset (self->months, 0, sizeof self->months);

  if (store == NULL)
    {
      clear_table (self);
      gtk_label_set_text (self->summary_label, _("No company is open."));
      return;
    }

  get_period (self, &period);
  first = sd_month_make (period.year - 1, 1);
  last = sd_month_make (period.year, 12);
  period_first = sd_period_first_month (&period);
  period_last = sd_period_last_month (&period);

  facts = sd_store_list_facts (store, first, last, &error);
  if (facts != NULL)
    plan = sd_store_list_plan (store, first, last, &error);
  if (plan != NULL)
    staff = sd_store_list_staff (store, TRUE, &error);
  plan_fact = sd_plan_fact_new ();
  if (staff == NULL ||
      !sd_plan_fact_add_plan_entries (plan_fact, (const SdPlanEntry *) plan->data, plan->len,
                                      &error) ||
      !sd_plan_fact_add_facts (plan_fact, (const SdFact *) facts->data, facts->len, &error))
    {
      clear_table (self);
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  /* Deals and leads of the period, per manager and in total (key 0). */
  deals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  leads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, i);
      gint64 keys[2] = { fact->manager_id, 0 };

      if (fact->month < period_first || fact->month > period_last)
        continue;
      for (guint k = 0; k < 2; k++)
        {
          gint64 *d = g_hash_table_lookup (deals, &keys[k]);
          gint64 *l = g_hash_table_lookup (leads, &keys[k]);

          if (d == NULL)
            {
              d = g_new0 (gint64, 1);
              l = g_new0 (gint64, 1);
              g_hash_table_insert (deals, g_memdup2 (&keys[k], sizeof (gint64)), d);
              g_hash_table_insert (leads, g_memdup2 (&keys[k], sizeof (gint64)), l);
            }
          *d += fact->deals;
          *l += fact->leads;
        }
    }

#define COUNT(table, id) \
  (g_hash_table_lookup (table, &(gint64) { id }) ? *(gint64 *) g_hash_table_lookup (table, &(gint64) { id }) : 0)

  g_ptr_array_add (self->rows, make_row (self, plan_fact, &period, 0, _("Department"),
                                         COUNT (deals, 0), COUNT (leads, 0)));

  threshold_bp = sd_store_get_setting_int (store, "lag-threshold-bp",
                                           SD_PLAN_DEFAULT_LAG_THRESHOLD_BP);
  lag_months = (guint) CLAMP (sd_store_get_setting_int (store, "lag-months",
                                                        SD_PLAN_DEFAULT_LAG_MONTHS), 1, 12);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->threshold_spin, (double) threshold_bp / 100.0);
  gtk_spin_button_set_value (self->months_spin, lag_months);
  self->updating = FALSE;

  /* Judge complete months only: the one running now is not over. */
  sd_context_get_today (sd_page_get_context (page), &today);
  up_to = MIN (period_last, sd_month_from_date (&today) - 1);
  lagging = sd_plan_fact_find_lagging (plan_fact, up_to, threshold_bp, lag_months);
  lagging_text = g_string_new (NULL);

  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);
      SdMoney plan_money = 0, fact_money = 0;
      Row *row;

      if (member->role != SD_ROLE_MANAGER)
        continue;
      sd_plan_fact_get (plan_fact, member->id, &period, &plan_money, &fact_money);
      if (plan_money == 0 && fact_money == 0)
        continue;

      row = make_row (self, plan_fact, &period, member->id, member->name,
                      COUNT (deals, member->id), COUNT (leads, member->id));
      for (guint l = 0; l < lagging->len; l++)
        {
          SdLagging *lag = g_ptr_array_index (lagging, l);

          if (lag->manager_id == member->id)
            {
              row->lagging = TRUE;
              g_string_append_printf (lagging_text, "%s%s — %s", lagging_text->len ? "\n" : "",
                                      member->name, lag->reason);
            }
        }
      g_ptr_array_add (self->rows, row);

      {
        SdChartRankingItem item = { NULL, plan_money, fact_money };

        g_ptr_array_add (self->names, g_strdup (member->name));
        item.name = g_ptr_array_index (self->names, self->names->len - 1);
        g_array_append_val (self->ranking_items, item);
      }
    }
#undef COUNT

  fill_table (self);

  sd_plan_fact_get (plan_fact, 0, &period, &total_plan, &total_fact);
  {
    g_autofree char *label = sd_period_format_label (&period);
    g_autofree char *plan_text = format_money (self, total_plan);
    g_autofree char *fact_text = format_money (self, total_fact);
    g_autofree char *summary = NULL;
    gint64 bp;

    if (sd_plan_fact_completion_bp (plan_fact, 0, &period, &bp))
      {
        g_autofree char *pct = format_bp (TRUE, bp, FALSE);

        /* Translators: "March 2026: fact 11 250 401 ₽ of plan 12 000 000 ₽, 93,8 %" */
        summary = g_strdup_printf (_("%s: fact %s of plan %s, %s"), label, fact_text, plan_text,
                                   pct);
      }
    else
      /* Translators: "March 2026: fact 11 250 401 ₽, no plan" */
      summary = g_strdup_printf (_("%s: fact %s, no plan"), label, fact_text);
    gtk_label_set_text (self->summary_label, summary);

    g_free (self->period_label);
    self->period_label = g_steal_pointer (&label);
  }

  if (lagging_text->len == 0)
    gtk_label_set_text (self->lagging_label, _("Nobody is lagging behind the plan."));
  else
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", _("Lagging behind the plan:"),
                                               lagging_text->str);

      gtk_label_set_text (self->lagging_label, text);
    }

  /* The year by month, for the charts. */
  for (int m = 1; m <= 12; m++)
    {
      SdPeriod month_period = { SD_PERIOD_MONTH, period.year, m };
      SdChartPlanFactMonth *month = &self->months[m - 1];

      sd_plan_fact_get (plan_fact, 0, &month_period, &month->plan, &month->fact);
      month->has_plan = month->plan != 0;
      month->has_fact = month->fact != 0;
      self->growth_values[m - 1] = month->fact;
    }
  add_forecast (self, facts, period.year);

  self->plan_fact.first_month = sd_month_make (period.year, 1);
  self->plan_fact.n_months = 12;
  self->plan_fact.months = self->months;
  self->plan_fact.currency_symbol = self->currency;

  self->growth.first_month = sd_month_make (period.year, 1);
  /* Growth of complete months only: the month running now, and those after it, have not
   * sold what they will, and would show as a fall. */
  {
    SdMonth last_complete = sd_month_from_date (&today) - 1;
    SdMonth december = sd_month_make (period.year, 12);

    if (last_complete >= december)
      self->growth.n_months = 12;
    else if (last_complete < self->growth.first_month)
      self->growth.n_months = 0;
    else
      self->growth.n_months = (guint) (last_complete - self->growth.first_month + 1);
  }
  self->growth.values = self->growth_values;
  self->growth.currency_symbol = self->currency;
  {
    SdPeriod december = { SD_PERIOD_MONTH, period.year - 1, 12 };
    SdMoney before = 0;

    sd_plan_fact_get (plan_fact, 0, &december, NULL, &before);
    self->growth.value_before = before;
    self->growth.has_value_before = before != 0;
  }

  self->ranking.n_items = self->ranking_items->len;
  self->ranking.items = (const SdChartRankingItem *) self->ranking_items->data;
  self->ranking.lag_threshold_bp = threshold_bp;
  self->ranking.currency_symbol = self->currency;
  self->ranking.period_label = self->period_label;
  {
    SdChartStyle style;

    sd_chart_view_get_style (self->ranking_chart, &style);
    gtk_widget_set_size_request (GTK_WIDGET (self->ranking_chart), -1,
                                 sd_chart_ranking_preferred_height (self->ranking_items->len,
                                                                    &style));
  }

  sd_chart_view_changed (self->plan_fact_chart, 12);
  sd_chart_view_changed (self->growth_chart, self->growth.n_months);
  sd_chart_view_changed (self->ranking_chart, self->ranking_items->len);

  self->funnel.leads = g_hash_table_lookup (leads, &(gint64) { 0 })
                       ? *(gint64 *) g_hash_table_lookup (leads, &(gint64) { 0 }) : 0;
  self->funnel.deals = g_hash_table_lookup (deals, &(gint64) { 0 })
                       ? *(gint64 *) g_hash_table_lookup (deals, &(gint64) { 0 }) : 0;
  self->funnel.revenue = total_fact;
  self->funnel.currency_symbol = self->currency;
  self->funnel.period_label = self->period_label;
  sd_chart_view_changed (self->funnel_chart, SD_CHART_FUNNEL_N_STAGES);
}

static void
on_period_changed (SdPlanFactPage *self)
{
  if (!self->updating)
    sd_page_queue_reload (SD_PAGE (self));
}

static void
on_lag_changed (SdPlanFactPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 threshold_bp, months;

  if (self->updating || store == NULL)
    return;

  threshold_bp = (gint64) (gtk_spin_button_get_value_as_int (self->threshold_spin)) * 100;
  months = gtk_spin_button_get_value_as_int (self->months_spin);

  if (threshold_bp != sd_store_get_setting_int (store, "lag-threshold-bp",
                                                SD_PLAN_DEFAULT_LAG_THRESHOLD_BP) &&
      !sd_store_set_setting_int (store, "lag-threshold-bp", threshold_bp, &error))
    g_warning ("Could not save the lag threshold: %s", error->message);
  else if (months != sd_store_get_setting_int (store, "lag-months",
                                               SD_PLAN_DEFAULT_LAG_MONTHS) &&
           !sd_store_set_setting_int (store, "lag-months", months, &error))
    g_warning ("Could not save the lag months: %s", error->message);
  /* The store's "changed" signal reloads the page. */
}

static void
sd_plan_fact_page_store_replaced (SdPage  *page,
                                  SdStore *store)
{
  SdPlanFactPage *self = SD_PLAN_FACT_PAGE (page);

  if (store != NULL)
    self->currency = sd_currency_symbol (sd_store_get_currency (store));
}

static void
sd_plan_fact_page_constructed (GObject *object)
{
  SdPlanFactPage *self = SD_PLAN_FACT_PAGE (object);
  GDate today;

  G_OBJECT_CLASS (sd_plan_fact_page_parent_class)->constructed (object);

  sd_context_get_today (sd_page_get_context (SD_PAGE (self)), &today);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  self->updating = FALSE;
}

static void
sd_plan_fact_page_dispose (GObject *object)
{
  SdPlanFactPage *self = SD_PLAN_FACT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_PLAN_FACT_PAGE);

  G_OBJECT_CLASS (sd_plan_fact_page_parent_class)->dispose (object);
}

static void
sd_plan_fact_page_finalize (GObject *object)
{
  SdPlanFactPage *self = SD_PLAN_FACT_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->ranking_items, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_free (self->period_label);

  G_OBJECT_CLASS (sd_plan_fact_page_parent_class)->finalize (object);
}

static void
sd_plan_fact_page_class_init (SdPlanFactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->constructed = sd_plan_fact_page_constructed;
  object_class->dispose = sd_plan_fact_page_dispose;
  object_class->finalize = sd_plan_fact_page_finalize;
  page_class->reload = sd_plan_fact_page_reload;
  page_class->store_replaced = sd_plan_fact_page_store_replaced;
  page_class->reload_on = SD_STORE_CHANGED_FACTS | SD_STORE_CHANGED_PLAN | SD_STORE_CHANGED_STAFF |
                          SD_STORE_CHANGED_SETTINGS | SD_STORE_CHANGED_PIPELINE;
  page_class->defer_first_fill = TRUE;

  g_type_ensure (SD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SD_RESOURCE_PATH "/sd-plan-fact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, months_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, table);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, lagging_label);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, plan_fact_chart);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, growth_chart);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, ranking_chart);
  gtk_widget_class_bind_template_child (widget_class, SdPlanFactPage, funnel_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_lag_changed);
}

static void
sd_plan_fact_page_init (SdPlanFactPage *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->ranking_items = g_array_new (FALSE, TRUE, sizeof (SdChartRankingItem));
  self->names = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (periods, _("Whole year"));
  for (int q = 1; q <= 4; q++)
    {
      g_autofree char *text = g_strdup_printf (_("Quarter %d"), q);

      gtk_string_list_append (periods, text);
    }
  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *name = sd_month_format_label (sd_month_make (2000, m));
      char *space = strrchr (name, ' ');

      /* "Март 2000" → "Март". */
      if (space != NULL)
        *space = '\0';
      gtk_string_list_append (periods, name);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_YEAR_INDEX);
  self->updating = FALSE;

  sd_chart_view_set_chart (self->plan_fact_chart, draw_plan_fact, hit_plan_fact,
                           describe_plan_fact, 12, self, NULL);
  sd_chart_view_set_chart (self->growth_chart, draw_growth, hit_growth, describe_growth, 12,
                           self, NULL);
  sd_chart_view_set_chart (self->ranking_chart, draw_ranking, hit_ranking, describe_ranking, 0,
                           self, NULL);
  sd_chart_view_set_chart (self->funnel_chart, draw_funnel, hit_funnel, describe_funnel,
                           SD_CHART_FUNNEL_N_STAGES, self, NULL);
}

GtkWidget *
sd_plan_fact_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_PLAN_FACT_PAGE, "context", context, NULL);
}

void
sd_plan_fact_page_set_period (SdPlanFactPage *self,
                              const SdPeriod *period)
{
  guint index = PERIOD_YEAR_INDEX;

  g_return_if_fail (SD_IS_PLAN_FACT_PAGE (self));

  if (period->kind == SD_PERIOD_QUARTER)
    index = PERIOD_FIRST_QUARTER + (guint) period->index - 1;
  else if (period->kind == SD_PERIOD_MONTH)
    index = PERIOD_FIRST_MONTH + (guint) period->index - 1;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, period->year);
  gtk_drop_down_set_selected (self->period_dropdown, index);
  self->updating = FALSE;
  sd_page_reload (SD_PAGE (self));
}

static Row *
find_row (SdPlanFactPage *self,
          gint64          manager_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->manager_id == manager_id)
        return row;
    }
  return NULL;
}

const char *
sd_plan_fact_page_get_cell (SdPlanFactPage *self,
                            gint64          manager_id,
                            guint           column)
{
  Row *row;

  g_return_val_if_fail (SD_IS_PLAN_FACT_PAGE (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  row = find_row (self, manager_id);
  return row != NULL ? row->cells[column] : NULL;
}

gboolean
sd_plan_fact_page_is_lagging (SdPlanFactPage *self,
                              gint64          manager_id)
{
  Row *row;

  g_return_val_if_fail (SD_IS_PLAN_FACT_PAGE (self), FALSE);

  row = find_row (self, manager_id);
  return row != NULL && row->lagging;
}

GtkWidget *
sd_plan_fact_page_get_threshold (SdPlanFactPage *self)
{
  g_return_val_if_fail (SD_IS_PLAN_FACT_PAGE (self), NULL);

  return GTK_WIDGET (self->threshold_spin);
}
