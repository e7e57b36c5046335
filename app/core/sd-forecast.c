/* sd-forecast.c — where a month, quarter or year will end: run-rate and weighted pipeline
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-forecast"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-forecast.h"
#include "sd-plan.h"

typedef __int128 i128;

G_DEFINE_QUARK (sd-forecast-error-quark, sd_forecast_error)

/* n ÷ d, half away from zero; d > 0. */
static i128
div_round_i128 (i128 n,
                i128 d)
{
  i128 q = n / d;
  i128 r = n % d;

  if ((r < 0 ? -r : r) * 2 >= d)
    q += n < 0 ? -1 : 1;

  return q;
}

static gboolean
fits_money (i128 v)
{
  return v >= G_MININT64 && v <= G_MAXINT64;
}

static gboolean
overflow (GError **error)
{
  g_set_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_OVERFLOW,
               _("The amounts are too large to add up for a forecast. Check them for a "
                 "mistyped amount."));
  return FALSE;
}

void
sd_forecast_period_for_date (SdPeriodKind  kind,
                             const GDate  *date,
                             SdPeriod     *out)
{
  int month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (out != NULL);

  month = g_date_get_month (date);
  out->kind = kind;
  out->year = g_date_get_year (date);
  switch (kind)
    {
    case SD_PERIOD_MONTH:
      out->index = month;
      break;
    case SD_PERIOD_QUARTER:
      out->index = (month - 1) / 3 + 1;
      break;
    case SD_PERIOD_YEAR:
    default:
      out->kind = SD_PERIOD_YEAR;
      out->index = 0;
      break;
    }
}

guint
sd_forecast_elapsed_days (const SdCalendar *calendar,
                          const SdPeriod   *period,
                          const GDate      *today)
{
  GDate first, last;

  g_return_val_if_fail (calendar != NULL, 0);
  g_return_val_if_fail (period != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  sd_month_first_day (sd_period_first_month (period), &first);
  sd_month_last_day (sd_period_last_month (period), &last);
  if (!g_date_valid (&first) || !g_date_valid (&last))
    return 0;

  if (g_date_compare (today, &last) < 0)
    last = *today;

  return sd_calendar_working_days_between (calendar, &first, &last);
}

gboolean
sd_forecast_run_rate (const SdCalendar *calendar,
                      const SdPeriod   *period,
                      const GDate      *today,
                      SdMoney           fact_to_date,
                      SdMoney          *out)
{
  guint elapsed, total;
  i128 rate;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  elapsed = sd_forecast_elapsed_days (calendar, period, today);
  total = sd_calendar_working_days_in_period (calendar, period);

  /* Before the first working day there is no pace to extrapolate from. */
  if (elapsed == 0 || elapsed >= total)
    {
      *out = fact_to_date;
      return TRUE;
    }

  rate = div_round_i128 ((i128) fact_to_date * total, elapsed);
  if (!fits_money (rate))
    return FALSE;

  *out = (SdMoney) rate;
  return TRUE;
}

gboolean
sd_forecast_weigh_payment (const SdExpectedPayment  *payment,
                           SdMoney                  *out,
                           GError                  **error)
{
  g_return_val_if_fail (payment != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (payment->probability < 0 || payment->probability > 100)
    {
      g_set_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_PROBABILITY,
                   _("An expected payment has a probability of %d%%. Enter a probability "
                     "from 0 to 100%%."), payment->probability);
      return FALSE;
    }

  if (payment->amount < 0)
    {
      g_set_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_AMOUNT,
                   _("An expected payment is below zero. Enter the amount the client is "
                     "expected to pay, zero or more."));
      return FALSE;
    }

  /* amount ≥ 0 and probability ≤ 100: the result is at most the amount. */
  *out = (SdMoney) div_round_i128 ((i128) payment->amount * payment->probability, 100);
  return TRUE;
}

gboolean
sd_forecast_sum_facts (const SdFact   *facts,
                       gsize           n_facts,
                       gint64          manager_id,
                       const SdPeriod *period,
                       const GDate    *today,
                       SdMoney        *out,
                       GError        **error)
{
  SdMonth first, last, today_month;
  i128 sum = 0;

  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  first = sd_period_first_month (period);
  last = sd_period_last_month (period);
  today_month = sd_month_from_date (today);
  if (today_month < last)
    last = today_month;

  for (gsize k = 0; k < n_facts; k++)
    {
      if (facts[k].month < first || facts[k].month > last)
        continue;
      if (manager_id != 0 && facts[k].manager_id != manager_id)
        continue;
      sum += facts[k].revenue;
    }

  if (!fits_money (sum))
    return overflow (error);

  *out = (SdMoney) sum;
  return TRUE;
}

gboolean
sd_forecast_compute (const SdCalendar         *calendar,
                     const SdPeriod           *period,
                     const GDate              *today,
                     gint64                    manager_id,
                     SdMoney                   fact_to_date,
                     SdMoney                   plan,
                     const SdExpectedPayment  *payments,
                     gsize                     n_payments,
                     SdForecast               *out,
                     GError                  **error)
{
  SdForecast f = { 0 };
  GDate first, last;
  i128 weighted = 0, likely = 0, total = 0, v;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (payments != NULL || n_payments == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sd_month_first_day (sd_period_first_month (period), &first);
  sd_month_last_day (sd_period_last_month (period), &last);

  f.period = *period;
  f.working_days = sd_calendar_working_days_in_period (calendar, period);
  f.elapsed_days = sd_forecast_elapsed_days (calendar, period, today);
  f.fact = fact_to_date;
  f.plan = plan;
  if (!sd_forecast_run_rate (calendar, period, today, fact_to_date, &f.run_rate))
    return overflow (error);

  for (gsize k = 0; k < n_payments; k++)
    {
      const SdExpectedPayment *p = &payments[k];
      SdMoney w;

      /* Checked even when not counted: a wrong line is wrong in every period. */
      if (!sd_forecast_weigh_payment (p, &w, error))
        return FALSE;

      if (manager_id != 0 && p->manager_id != manager_id)
        continue;
      /* Money expected before today either arrived (it is in the fact) or is late and
       * no longer to be relied on; money after the period belongs to a later one. */
      if (!g_date_valid (&p->expected)
          || g_date_compare (&p->expected, today) < 0
          || g_date_compare (&p->expected, &first) < 0
          || g_date_compare (&p->expected, &last) > 0)
        continue;

      f.n_payments++;
      weighted += w;
      total += p->amount;
      if (p->probability >= SD_FORECAST_LIKELY_PERCENT)
        likely += w;
    }

  if (!fits_money (weighted) || !fits_money (total))
    return overflow (error);
  f.pipeline = (SdMoney) weighted;
  f.pipeline_likely = (SdMoney) likely;
  f.pipeline_total = (SdMoney) total;

  v = (i128) fact_to_date + weighted;
  if (!fits_money (v))
    return overflow (error);
  f.probable = (SdMoney) v;

  f.low = (SdMoney) ((i128) fact_to_date + likely);   /* ≤ probable */

  v = (i128) fact_to_date + total;
  if (!fits_money (v))
    return overflow (error);
  f.high = MAX ((SdMoney) v, f.run_rate);

  f.has_completion = sd_plan_completion_bp (f.probable, plan, &f.completion_bp);
  f.has_run_rate_completion = sd_plan_completion_bp (f.run_rate, plan,
                                                      &f.run_rate_completion_bp);

  *out = f;
  return TRUE;
}
