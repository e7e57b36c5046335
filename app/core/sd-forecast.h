/* sd-forecast.h — where a month, quarter or year will end: run-rate and weighted pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Integer arithmetic only, rounding half away from zero. docs/plan.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-calendar.h"
#include "sd-history.h"
#include "sd-money.h"
#include "sd-period.h"

G_BEGIN_DECLS

#define SD_FORECAST_ERROR (sd_forecast_error_quark ())

typedef enum {
  SD_FORECAST_ERROR_PROBABILITY,  /* a probability outside 0..100 % */
  SD_FORECAST_ERROR_AMOUNT,       /* an expected payment below zero */
  SD_FORECAST_ERROR_OVERFLOW,     /* figures too large to add up */
} SdForecastError;

/* Payments at least this likely count in full in the low end of the band. */
#define SD_FORECAST_LIKELY_PERCENT 90

/* A payment the team expects: from a deal in the pipeline. */
typedef struct {
  gint64  manager_id;
  GDate   expected;     /* the day the money is expected */
  SdMoney amount;
  int     probability;  /* percent, 0..100 */
} SdExpectedPayment;

/* A forecast for one period, department-wide or for one manager. */
typedef struct {
  SdPeriod period;
  guint    working_days;          /* in the whole period */
  guint    elapsed_days;          /* working days from the first day up to today inclusive */
  SdMoney  fact;                  /* fact to date */
  SdMoney  run_rate;              /* fact ÷ elapsed × working days; the fact when none elapsed */
  guint    n_payments;            /* expected payments counted: in the period, not before today */
  SdMoney  pipeline;              /* Σ amount × probability, each line rounded */
  SdMoney  pipeline_likely;       /* the same for payments of SD_FORECAST_LIKELY_PERCENT or more */
  SdMoney  pipeline_total;        /* Σ amounts, unweighted */
  SdMoney  probable;              /* fact + pipeline */
  SdMoney  low;                   /* fact + pipeline_likely */
  SdMoney  high;                  /* the larger of run_rate and fact + pipeline_total */
  SdMoney  plan;
  gboolean has_completion;        /* FALSE when there is no plan (shown as "—") */
  gint64   completion_bp;         /* probable ÷ plan */
  gboolean has_run_rate_completion;
  gint64   run_rate_completion_bp; /* run_rate ÷ plan */
} SdForecast;

GQuark   sd_forecast_error_quark      (void);

/* The month, quarter or year containing date. */
void     sd_forecast_period_for_date  (SdPeriodKind  kind,
                                       const GDate  *date,
                                       SdPeriod     *out);

/* Working days from the period's first day up to and including today (0 before the period,
 * all of them after it). */
guint    sd_forecast_elapsed_days     (const SdCalendar *calendar,
                                       const SdPeriod   *period,
                                       const GDate      *today);

/* fact ÷ elapsed working days × working days of the period, half away from zero. With no
 * working day elapsed yet there is no pace to extrapolate: the run-rate is the fact itself.
 * FALSE when the result does not fit. */
gboolean sd_forecast_run_rate         (const SdCalendar *calendar,
                                       const SdPeriod   *period,
                                       const GDate      *today,
                                       SdMoney           fact_to_date,
                                       SdMoney          *out);

/* amount × probability ÷ 100, half away from zero. FALSE with an error for a probability
 * outside 0..100 or an amount below zero. */
gboolean sd_forecast_weigh_payment    (const SdExpectedPayment  *payment,
                                       SdMoney                  *out,
                                       GError                  **error);

/* The revenue of `facts` in the months of period up to the month of today, of one manager
 * or (manager_id 0) of everyone. FALSE with SD_FORECAST_ERROR_OVERFLOW if it does not fit. */
gboolean sd_forecast_sum_facts        (const SdFact  *facts,
                                       gsize          n_facts,
                                       gint64         manager_id,
                                       const SdPeriod *period,
                                       const GDate   *today,
                                       SdMoney       *out,
                                       GError       **error);

/* The forecast of period as of today for one manager's payments, or with manager_id 0 for
 * all of them. plan ≤ 0 means no plan. Every payment is checked, counted or not. */
gboolean sd_forecast_compute          (const SdCalendar         *calendar,
                                       const SdPeriod           *period,
                                       const GDate              *today,
                                       gint64                    manager_id,
                                       SdMoney                   fact_to_date,
                                       SdMoney                   plan,
                                       const SdExpectedPayment  *payments,
                                       gsize                     n_payments,
                                       SdForecast               *out,
                                       GError                  **error);

G_END_DECLS
