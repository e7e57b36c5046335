/* sd-owner-report.c — the owner report of a period as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-owner-report"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-chart.h"
#include "sd-export.h"
#include "sd-forecast.h"
#include "sd-owner-report.h"
#include "sd-payroll.h"
#include "sd-plan.h"
#include "sd-store-hiring.h"
#include "sd-store-people.h"

static void
manager_free (gpointer data)
{
  SdReportManager *m = data;

  g_free (m->name);
  g_free (m->month_fact);
  g_free (m->month_plan);
  g_free (m);
}

static void
lagging_free (gpointer data)
{
  SdReportLagging *l = data;

  g_free (l->name);
  g_free (l->reason);
  g_free (l);
}

static void
person_free (gpointer data)
{
  SdReportPerson *p = data;

  g_free (p->name);
  g_free (p->idp_title);
  g_free (p->attention);
  g_free (p);
}

void
sd_owner_report_free (SdOwnerReport *self)
{
  if (self == NULL)
    return;
  g_free (self->company);
  g_free (self->currency);
  g_free (self->period_label);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->managers, g_ptr_array_unref);
  g_clear_pointer (&self->lagging, g_ptr_array_unref);
  g_clear_pointer (&self->pay_months, g_array_unref);
  g_clear_pointer (&self->hiring_months, g_array_unref);
  g_clear_pointer (&self->hires, g_array_unref);
  g_free (self->hiring_summary);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_free (self);
}

guint
sd_owner_report_get_n_months (const SdOwnerReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->months->len;
}

gboolean
sd_owner_report_is_empty (const SdOwnerReport *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < self->months->len; i++)
    {
      const SdReportMonth *m = &g_array_index (self->months, SdReportMonth, i);

      if (m->plan != 0 || m->fact != 0 || m->paid != 0 || m->deals != 0 || m->leads != 0)
        return FALSE;
    }
  return self->managers->len == 0;
}

char *
sd_ratio_format (const SdRatio *ratio)
{
  g_return_val_if_fail (ratio != NULL, NULL);

  /* "—" where a ratio has nothing to divide by: no plan, nothing the period before. */
  if (!ratio->defined)
    return g_strdup ("—");
  return sd_chart_format_percent (ratio->bp, sd_number_style_current (), FALSE);
}

static SdRatio
ratio_completion (SdMoney fact,
                  SdMoney plan)
{
  SdRatio r = { 0 };

  r.defined = sd_plan_completion_bp (fact, plan, &r.bp);
  return r;
}

static SdRatio
ratio_growth (SdMoney current,
              SdMoney previous)
{
  SdRatio r = { 0 };

  r.defined = sd_plan_growth_bp (current, previous, &r.bp);
  return r;
}

SdRatio
sd_ratio_share (gint64 part,
                gint64 whole)
{
  SdRatio r = { 0 };

  if (whole <= 0 || part < 0 || part > G_MAXINT64 / 10000)
    return r;
  r.defined = TRUE;
  r.bp = sd_div_round (part * 10000, whole);
  return r;
}

static SdPeriod
period_year_ago (const SdPeriod *period)
{
  SdPeriod p = *period;

  p.year--;
  return p;
}

static SdPeriod
month_period (SdMonth month)
{
  SdPeriod p = { SD_PERIOD_MONTH, sd_month_get_year (month), sd_month_get_month (month) };

  return p;
}

/* Fact (and plan) of one manager (0: the department) over n months from first. */
static void
sum_months (const SdPlanFact *plan_fact,
            gint64            manager_id,
            SdMonth           first,
            guint             n,
            SdMoney          *plan,
            SdMoney          *fact)
{
  SdMoney p = 0, f = 0;

  for (guint k = 0; k < n; k++)
    {
      SdPeriod mp = month_period (first + (SdMonth) k);
      SdMoney mp_plan = 0, mp_fact = 0;

      sd_plan_fact_get (plan_fact, manager_id, &mp, &mp_plan, &mp_fact);
      p += mp_plan;
      f += mp_fact;
    }
  if (plan != NULL)
    *plan = p;
  if (fact != NULL)
    *fact = f;
}

typedef struct {
  gint64 deals;
  gint64 leads;
  SdMoney paid;
} Counts;

static Counts *
counts_for (GHashTable *table,
            gint64      manager_id)
{
  Counts *c = g_hash_table_lookup (table, &manager_id);

  if (c == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = manager_id;
      c = g_new0 (Counts, 1);
      g_hash_table_insert (table, key, c);
    }
  return c;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED,
                       _("The report was cancelled."));
  return TRUE;
}

static int
compare_managers (gconstpointer a,
                  gconstpointer b)
{
  const SdReportManager *ma = *(SdReportManager * const *) a;
  const SdReportManager *mb = *(SdReportManager * const *) b;
  int c = g_utf8_collate (ma->name, mb->name);

  if (c != 0)
    return c;
  return (ma->manager_id > mb->manager_id) - (ma->manager_id < mb->manager_id);
}

static gboolean
add_forecast (SdOwnerReport     *self,
              SdStore           *store,
              const SdCalendar  *calendar,
              const GArray      *facts,
              GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) payments = NULL;
  SdForecast forecast;
  GDate first, last;
  SdMoney to_date = 0;

  if (!sd_period_contains (&self->period, sd_month_from_date (&self->today)))
    return TRUE;

  sd_month_first_day (sd_period_first_month (&self->period), &first);
  sd_month_last_day (sd_period_last_month (&self->period), &last);
  items = sd_store_list_pipeline (store, &first, &last, error);
  if (items == NULL)
    return FALSE;
  payments = g_array_new (FALSE, TRUE, sizeof (SdExpectedPayment));
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (payments, ((SdPipelineItem *) g_ptr_array_index (items, i))->payment);

  if (!sd_forecast_sum_facts ((const SdFact *) facts->data, facts->len, 0, &self->period,
                              &self->today, &to_date, error) ||
      !sd_forecast_compute (calendar, &self->period, &self->today, 0, to_date, self->plan,
                            (const SdExpectedPayment *) payments->data, payments->len,
                            &forecast, error))
    return FALSE;

  self->has_forecast = TRUE;
  self->forecast = forecast.probable;
  self->run_rate = forecast.run_rate;
  self->forecast_completion.defined = forecast.has_completion;
  self->forecast_completion.bp = forecast.completion_bp;
  return TRUE;
}

/* The department's payroll for each month of the period up to today's month. A month whose
 * payroll cannot be computed is counted in n_pay_errors and left out, not guessed. */
static gboolean
add_pay (SdOwnerReport     *self,
         SdStore           *store,
         const SdCalendar  *calendar,
         GCancellable      *cancellable,
         GError           **error)
{
  SdMonth first = sd_period_first_month (&self->period);
  SdMonth last = MIN (sd_period_last_month (&self->period), sd_month_from_date (&self->today));

  for (SdMonth m = first; m <= last; m++)
    {
      g_autoptr(SdPayroll) payroll = NULL;
      g_autoptr(GError) local_error = NULL;
      const SdReportMonth *rm = &g_array_index (self->months, SdReportMonth, m - first);
      SdReportPayMonth pay = { 0 };

      if (check_cancelled (cancellable, error))
        return FALSE;
      payroll = sd_store_compute_payroll_totals (store, m, calendar, &local_error);
      if (payroll == NULL)
        {
          g_debug ("No payroll for %d-%02d: %s", sd_month_get_year (m), sd_month_get_month (m),
                   local_error->message);
          self->n_pay_errors++;
          continue;
        }
      if (payroll->slips->len == 0)
        continue;

      pay.month = m;
      pay.closed = sd_store_is_month_closed (store, m);
      pay.n_people = payroll->slips->len;
      pay.pay = payroll->total;
      pay.revenue = rm->fact;
      pay.share = sd_ratio_share (pay.pay, pay.revenue);
      g_array_append_val (self->pay_months, pay);
      self->pay_total += pay.pay;
      self->pay_revenue += pay.revenue;
    }
  self->pay_share = sd_ratio_share (self->pay_total, self->pay_revenue);
  return TRUE;
}

/* The stored hiring schedule evaluated over the period's year. A year without a plan, or a
 * company that never set hiring up, has no hiring section (not an error). */
static gboolean
add_hiring (SdOwnerReport  *self,
            SdStore        *store,
            GError        **error)
{
  g_autoptr(GArray) hires = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  SdHiringSettings settings;
  gboolean stored = FALSE;

  if (!sd_store_load_hiring_settings (store, &settings, &stored, error))
    return FALSE;
  hires = sd_store_list_planned_hires (store, error);
  if (hires == NULL)
    return FALSE;
  if (!stored && hires->len == 0)
    return TRUE;

  result = sd_store_evaluate_hiring_plan (store, self->period.year, 1, &self->today, NULL,
                                          &local_error);
  if (result == NULL)
    {
      g_debug ("No hiring section: %s", local_error->message);
      return TRUE;
    }

  self->has_hiring = TRUE;
  self->hiring_summary = sd_hiring_result_describe (result);
  for (guint i = 0; i < sd_hiring_result_get_n_months (result); i++)
    {
      const SdHiringMonth *m = sd_hiring_result_get_month (result, i);
      SdReportHiringMonth rm = { 0 };

      if (!sd_period_contains (&self->period, m->month))
        continue;
      rm.month = m->month;
      rm.plan = m->plan;
      rm.team_capacity = m->team_capacity;
      rm.hires_capacity = m->hires_capacity;
      rm.shortfall = m->shortfall;
      rm.total_cost = m->total_cost;
      g_array_append_val (self->hiring_months, rm);
    }
  for (guint h = 0; h < sd_hiring_result_get_n_hires (result); h++)
    {
      const SdPlannedHire *hire = sd_hiring_result_get_hire (result, h);
      SdReportHire rh = { 0 };

      rh.search_start = hire->search_start;
      rh.start = hire->start;
      rh.state = sd_hire_state_get_label (hire->state);
      rh.counted = sd_planned_hire_counts (hire);
      rh.payback = sd_hiring_result_get_payback (result, h);
      for (guint i = 0; i < sd_hiring_result_get_n_months (result); i++)
        {
          const SdHiringHireMonth *hm = sd_hiring_result_get_hire_month (result, h, i);

          rh.cost += hm->cost;
          rh.revenue += hm->revenue;
        }
      g_array_append_val (self->hires, rh);
    }
  return TRUE;
}

/* Each manager of the report: calls scored in the period, the latest development plan and
 * why they need attention (judged at the last complete month). */
static gboolean
add_people (SdOwnerReport  *self,
            SdStore        *store,
            GError        **error)
{
  g_autoptr(SdPeopleSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) attention = NULL;
  g_autoptr(GHashTable) by_manager = NULL;
  SdMonth first = sd_period_first_month (&self->period);
  SdMonth last = sd_period_last_month (&self->period);
  SdMonth judged = MIN (last, sd_month_from_date (&self->today) - 1);

  /* A year back too: the attention rules look at runs of months before the judged one. */
  snapshot = sd_store_people_load (store, first - 12, last, error);
  if (snapshot == NULL)
    return FALSE;
  if (snapshot->calls->len == 0 && snapshot->assessments->len == 0 && snapshot->idps->len == 0)
    return TRUE;
  self->has_people = TRUE;
  attention = sd_people_snapshot_find_attention (snapshot, store, judged, &self->today);

  /* Each manager's calls of the period, sorted out once: averaging over everyone's calls
   * for each manager checks every call again (200 managers × 5 000 calls). */
  by_manager = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < snapshot->calls->len; k++)
    {
      SdCall *call = g_ptr_array_index (snapshot->calls, k);
      GPtrArray *list;

      if (!sd_period_contains (&self->period, sd_month_from_date (&call->date)))
        continue;
      list = g_hash_table_lookup (by_manager, &call->manager_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_manager, &call->manager_id, list);
        }
      g_ptr_array_add (list, call);
    }

  for (guint i = 0; i < self->managers->len; i++)
    {
      const SdReportManager *m = g_ptr_array_index (self->managers, i);
      SdReportPerson *p = g_new0 (SdReportPerson, 1);
      const GPtrArray *calls = g_hash_table_lookup (by_manager, &m->manager_id);
      const SdIdp *latest = NULL;

      p->manager_id = m->manager_id;
      p->name = g_strdup (m->name);
      p->has_call_score = calls != NULL &&
                          sd_call_scores_average (calls, m->manager_id, first, last,
                                                  &p->call_score, &p->n_calls);
      for (guint k = 0; k < snapshot->idps->len; k++)
        {
          const SdIdp *idp = g_ptr_array_index (snapshot->idps, k);

          if (idp->manager_id == m->manager_id)
            latest = idp;   /* oldest first: the last one wins */
        }
      if (latest != NULL)
        {
          p->has_idp = TRUE;
          p->idp_title = g_strdup (latest->title);
          for (guint k = 0; k < latest->actions->len; k++)
            {
              const SdIdpAction *action = g_ptr_array_index (latest->actions, k);

              if (action->status == SD_IDP_STATUS_CANCELLED)
                continue;
              p->n_actions++;
              if (action->status == SD_IDP_STATUS_DONE)
                p->n_done++;
              if (sd_idp_action_is_overdue (action, &self->today))
                p->n_overdue++;
            }
          p->idp_completion.defined = sd_idp_completion_bp (latest, &p->idp_completion.bp);
        }
      for (guint k = 0; k < attention->len; k++)
        {
          const SdAttention *a = g_ptr_array_index (attention, k);

          if (a->manager_id == m->manager_id)
            {
              p->attention = sd_attention_get_text (a);
              self->n_attention++;
            }
        }
      g_ptr_array_add (self->people, p);
    }
  return TRUE;
}

SdOwnerReport *
sd_owner_report_build (SdStore           *store,
                       const SdCalendar  *calendar,
                       const SdPeriod    *period,
                       const GDate       *today,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(SdOwnerReport) self = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) lagging = NULL;
  g_autoptr(SdPlanFact) plan_fact = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) seen = NULL;
  SdPeriod previous, year_ago;
  SdMonth first, last, from, up_to;
  guint n_months, n_compared;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (calendar != NULL && period != NULL && today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SdOwnerReport, 1);
  self->company = g_strdup (sd_store_get_company_name (store));
  self->currency = g_strdup (sd_store_get_currency (store));
  self->period = *period;
  self->period_label = sd_period_format_label (period);
  self->today = *today;
  self->months = g_array_new (FALSE, TRUE, sizeof (SdReportMonth));
  self->managers = g_ptr_array_new_with_free_func (manager_free);
  self->lagging = g_ptr_array_new_with_free_func (lagging_free);
  self->pay_months = g_array_new (FALSE, TRUE, sizeof (SdReportPayMonth));
  self->hiring_months = g_array_new (FALSE, TRUE, sizeof (SdReportHiringMonth));
  self->hires = g_array_new (FALSE, TRUE, sizeof (SdReportHire));
  self->people = g_ptr_array_new_with_free_func (person_free);

  first = sd_period_first_month (period);
  last = sd_period_last_month (period);
  n_months = sd_period_n_months (period);
  previous = sd_period_previous (period);
  year_ago = period_year_ago (period);
  /* Facts back to a year before the period (growth) and to the month before it. */
  from = MIN (sd_period_first_month (&previous), sd_period_first_month (&year_ago));
  from = MIN (from, first - 1);

  if (check_cancelled (cancellable, error))
    return NULL;
  facts = sd_store_list_facts (store, from, last, error);
  if (facts == NULL)
    return NULL;
  plan = sd_store_list_plan (store, from, last, error);
  if (plan == NULL)
    return NULL;
  staff = sd_store_list_staff (store, TRUE, error);
  if (staff == NULL)
    return NULL;

  plan_fact = sd_plan_fact_new ();
  if (!sd_plan_fact_add_plan_entries (plan_fact, (const SdPlanEntry *) plan->data, plan->len,
                                      error) ||
      !sd_plan_fact_add_facts (plan_fact, (const SdFact *) facts->data, facts->len, error))
    return NULL;

  /* Deals, leads and paid revenue of the period, per manager and (0) for the department. */
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *f = &g_array_index (facts, SdFact, i);
      Counts *c, *dep;

      if (!sd_period_contains (period, f->month))
        continue;
      c = counts_for (counts, f->manager_id);
      dep = counts_for (counts, 0);
      c->deals += f->deals;
      c->leads += f->leads;
      c->paid += f->paid;
      dep->deals += f->deals;
      dep->leads += f->leads;
      dep->paid += f->paid;
      g_hash_table_add (seen, (gpointer) &f->manager_id);
    }
  for (guint i = 0; i < plan->len; i++)
    {
      const SdPlanEntry *e = &g_array_index (plan, SdPlanEntry, i);

      if (e->manager_id != 0 && e->revenue != 0 && sd_period_contains (period, e->month))
        g_hash_table_add (seen, (gpointer) &e->manager_id);
    }

  /* Headline */
  sd_plan_fact_get (plan_fact, 0, period, &self->plan, &self->fact);
  self->completion = ratio_completion (self->fact, self->plan);
  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *f = &g_array_index (facts, SdFact, i);

      if (sd_period_contains (period, f->month) && f->month > self->last_fact_month)
        self->last_fact_month = f->month;
    }
  /* Under way: months still to come have no facts. Compare what has happened with as many
   * months before, not a part of this period with the whole of the last. */
  self->to_date = self->last_fact_month != 0 && self->last_fact_month < last &&
                  sd_month_from_date (today) <= last;
  n_compared = self->to_date ? (guint) (self->last_fact_month - first + 1) : n_months;
  sum_months (plan_fact, 0, first, n_compared, &self->plan_to_date, NULL);
  self->completion_to_date = ratio_completion (self->fact, self->plan_to_date);
  sum_months (plan_fact, 0, sd_period_first_month (&previous), n_compared, NULL,
              &self->previous_fact);
  self->growth = ratio_growth (self->fact, self->previous_fact);
  sum_months (plan_fact, 0, sd_period_first_month (&year_ago), n_compared, NULL,
              &self->year_ago_fact);
  self->year_growth = ratio_growth (self->fact, self->year_ago_fact);
  {
    Counts *dep = counts_for (counts, 0);

    self->deals = dep->deals;
    self->leads = dep->leads;
    self->paid = dep->paid;
  }

  /* Months */
  for (SdMonth m = first; m <= last; m++)
    {
      SdPeriod mp = month_period (m);
      SdPeriod before = month_period (m - 1);
      SdPeriod year_before = month_period (m - 12);
      SdReportMonth rm = { 0 };

      rm.month = m;
      sd_plan_fact_get (plan_fact, 0, &mp, &rm.plan, &rm.fact);
      sd_plan_fact_get (plan_fact, 0, &before, NULL, &rm.previous_fact);
      sd_plan_fact_get (plan_fact, 0, &year_before, NULL, &rm.year_ago_fact);
      for (guint i = 0; i < facts->len; i++)
        {
          const SdFact *f = &g_array_index (facts, SdFact, i);

          if (f->month == m)
            {
              rm.has_fact = TRUE;
              rm.paid += f->paid;
              rm.deals += f->deals;
              rm.leads += f->leads;
            }
        }
      /* A month without facts yet has no completion and no growth, not −100 %. */
      if (rm.has_fact)
        {
          rm.completion = ratio_completion (rm.fact, rm.plan);
          rm.growth = ratio_growth (rm.fact, rm.previous_fact);
          rm.year_growth = ratio_growth (rm.fact, rm.year_ago_fact);
        }
      g_array_append_val (self->months, rm);
    }

  if (check_cancelled (cancellable, error))
    return NULL;

  /* Managers with a plan or a fact in the period */
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);
      SdReportManager *rm;
      Counts *c;

      if (!g_hash_table_contains (seen, &member->id))
        continue;
      rm = g_new0 (SdReportManager, 1);
      rm->manager_id = member->id;
      rm->name = g_strdup (member->name);
      rm->head = member->role == SD_ROLE_HEAD;
      sd_plan_fact_get (plan_fact, member->id, period, &rm->plan, &rm->fact);
      sum_months (plan_fact, member->id, sd_period_first_month (&previous), n_compared, NULL,
                  &rm->previous_fact);
      rm->completion = ratio_completion (rm->fact, rm->plan);
      rm->growth = ratio_growth (rm->fact, rm->previous_fact);
      c = counts_for (counts, member->id);
      rm->deals = c->deals;
      rm->leads = c->leads;
      rm->paid = c->paid;
      rm->conversion = sd_ratio_share (rm->deals, rm->leads);
      if (rm->deals > 0)
        {
          rm->has_average_deal = TRUE;
          rm->average_deal = sd_div_round (rm->fact, rm->deals);
        }
      rm->month_fact = g_new0 (SdMoney, n_months);
      rm->month_plan = g_new0 (SdMoney, n_months);
      for (guint k = 0; k < n_months; k++)
        {
          SdPeriod mp = month_period (first + (SdMonth) k);

          sd_plan_fact_get (plan_fact, member->id, &mp, &rm->month_plan[k], &rm->month_fact[k]);
        }
      g_ptr_array_add (self->managers, rm);
    }
  g_ptr_array_sort (self->managers, compare_managers);

  /* Who is lagging: complete months only — the one running now is not over. */
  self->lag_threshold_bp = sd_store_get_setting_int (store, "lag-threshold-bp",
                                                     SD_PLAN_DEFAULT_LAG_THRESHOLD_BP);
  self->lag_months = (guint) CLAMP (sd_store_get_setting_int (store, "lag-months",
                                                              SD_PLAN_DEFAULT_LAG_MONTHS), 1, 12);
  up_to = MIN (last, sd_month_from_date (today) - 1);
  if (up_to >= first)
    {
      lagging = sd_plan_fact_find_lagging (plan_fact, up_to, self->lag_threshold_bp,
                                           self->lag_months);
      for (guint i = 0; i < lagging->len; i++)
        {
          const SdLagging *l = g_ptr_array_index (lagging, i);
          SdReportLagging *rl;
          const char *name = NULL;

          for (guint j = 0; j < staff->len; j++)
            {
              const SdStaffMember *member = g_ptr_array_index (staff, j);

              if (member->id == l->manager_id)
                name = member->name;
            }
          if (name == NULL)
            continue;
          rl = g_new0 (SdReportLagging, 1);
          rl->manager_id = l->manager_id;
          rl->name = g_strdup (name);
          rl->n_months = l->n_months;
          rl->last_completion_bp = l->n_months > 0 ? l->completion_bp[l->n_months - 1] : 0;
          rl->reason = g_strdup (l->reason);
          g_ptr_array_add (self->lagging, rl);
        }
    }

  if (!add_forecast (self, store, calendar, facts, error))
    return NULL;
  if (!add_pay (self, store, calendar, cancellable, error))
    return NULL;
  if (!add_hiring (self, store, error) || !add_people (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}
