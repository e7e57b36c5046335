/* test-forecast.c — run-rate, weighted pipeline, forecast band
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-forecast"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-forecast.h"
#include "sd-test-util.h"

static const SdPeriod march_2026 = { SD_PERIOD_MONTH, 2026, 3 };
static const SdPeriod q1_2026 = { SD_PERIOD_QUARTER, 2026, 1 };
static const SdPeriod year_2026 = { SD_PERIOD_YEAR, 2026, 0 };

static void
test_elapsed_days (void)
{
  /* March 2026: 21 working days; 9 March (Monday) is the day off moved from 8 March. */
  static const struct {
    int   day;
    guint elapsed;
  } march[] = {
    { 1, 0 },     /* Sunday: the month has not started working yet */
    { 2, 1 },
    { 6, 5 },
    { 8, 5 },     /* Sunday */
    { 9, 5 },     /* the holiday */
    { 10, 6 },
    { 12, 8 },
    { 13, 9 },
    { 31, 21 },
  };
  SdCalendar *calendar = sd_calendar_get_default ();
  GDate today;

  g_assert_cmpuint (sd_calendar_working_days_in_period (calendar, &march_2026), ==, 21);

  for (guint k = 0; k < G_N_ELEMENTS (march); k++)
    {
      sd_test_set_dmy (&today, 2026, 3, march[k].day);
      g_assert_cmpuint (sd_forecast_elapsed_days (calendar, &march_2026, &today), ==,
                        march[k].elapsed);
    }

  /* Before the period nothing elapsed; after it, all of it. */
  sd_test_set_dmy (&today, 2026, 2, 27);
  g_assert_cmpuint (sd_forecast_elapsed_days (calendar, &march_2026, &today), ==, 0);
  sd_test_set_dmy (&today, 2026, 4, 1);
  g_assert_cmpuint (sd_forecast_elapsed_days (calendar, &march_2026, &today), ==, 21);

  /* The quarter and the year: January 15 + February 19 + 9 days of March. */
  sd_test_set_dmy (&today, 2026, 3, 13);
  g_assert_cmpuint (sd_forecast_elapsed_days (calendar, &q1_2026, &today), ==, 43);
  g_assert_cmpuint (sd_calendar_working_days_in_period (calendar, &q1_2026), ==, 55);
  g_assert_cmpuint (sd_forecast_elapsed_days (calendar, &year_2026, &today), ==, 43);
  g_assert_cmpuint (sd_calendar_working_days_in_period (calendar, &year_2026), ==, 247);
}

static void
test_run_rate (void)
{
  static const struct {
    const SdPeriod *period;
    int             month;
    int             day;
    SdMoney         fact;
    SdMoney         run_rate;
  } cases[] = {
    /* 900 000 ₽ in 9 of 21 days: 2 100 000 ₽ */
    { &march_2026, 3, 13, 90000000, 210000000 },
    { &march_2026, 3, 13, 1000, 2333 },            /* 2 333.33… */
    { &march_2026, 3, 12, 4, 11 },                 /* 4 × 21 ÷ 8 = 10.5: away from zero */
    { &march_2026, 3, 12, -4, -11 },
    { &march_2026, 3, 12, 0, 0 },
    { &march_2026, 3, 1, 5000, 5000 },             /* nothing elapsed: the fact itself */
    { &march_2026, 2, 20, 5000, 5000 },            /* before the period */
    { &march_2026, 4, 15, 5000, 5000 },            /* after it: the fact is final */
    { &march_2026, 3, 31, 5000, 5000 },
    { &q1_2026, 3, 13, 43000000, 55000000 },
    { &q1_2026, 3, 13, 100, 128 },                 /* 127.9… */
    { &year_2026, 3, 13, 43000000, 247000000 },
  };
  SdCalendar *calendar = sd_calendar_get_default ();

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      GDate today;
      SdMoney rate = -12345;

      sd_test_set_dmy (&today, 2026, cases[k].month, cases[k].day);
      g_assert_true (sd_forecast_run_rate (calendar, cases[k].period, &today, cases[k].fact,
                                           &rate));
      g_assert_cmpint (rate, ==, cases[k].run_rate);
    }

  /* Too large to extrapolate. */
  {
    GDate today;
    SdMoney rate = 0;

    sd_test_set_dmy (&today, 2026, 3, 2);
    g_assert_false (sd_forecast_run_rate (calendar, &march_2026, &today, G_MAXINT64, &rate));
  }
}

static void
test_period_for_date (void)
{
  SdPeriod period;
  GDate date;

  sd_test_set_dmy (&date, 2026, 8, 31);
  sd_forecast_period_for_date (SD_PERIOD_MONTH, &date, &period);
  g_assert_cmpint (period.kind, ==, SD_PERIOD_MONTH);
  g_assert_cmpint (period.year, ==, 2026);
  g_assert_cmpint (period.index, ==, 8);
  sd_forecast_period_for_date (SD_PERIOD_QUARTER, &date, &period);
  g_assert_cmpint (period.kind, ==, SD_PERIOD_QUARTER);
  g_assert_cmpint (period.index, ==, 3);
  sd_forecast_period_for_date (SD_PERIOD_YEAR, &date, &period);
  g_assert_cmpint (period.kind, ==, SD_PERIOD_YEAR);
  g_assert_cmpint (period.index, ==, 0);

  sd_test_set_dmy (&date, 2026, 12, 1);
  sd_forecast_period_for_date (SD_PERIOD_QUARTER, &date, &period);
  g_assert_cmpint (period.index, ==, 4);
  sd_test_set_dmy (&date, 2026, 1, 1);
  sd_forecast_period_for_date (SD_PERIOD_QUARTER, &date, &period);
  g_assert_cmpint (period.index, ==, 1);
}

static void
test_weigh_payment (void)
{
  static const struct {
    SdMoney amount;
    int     probability;
    SdMoney weighted;
  } cases[] = {
    { 12345, 50, 6173 },          /* 6 172.5: away from zero */
    { 1, 50, 1 },
    { 3, 10, 0 },                 /* 0.3 */
    { 3333333, 90, 3000000 },     /* 2 999 999.7 */
    { 1000001, 95, 950001 },      /* 950 000.95 */
    { 7, 100, 7 },
    { 7, 0, 0 },
    { 0, 80, 0 },
    { G_MAXINT64, 100, G_MAXINT64 },
    { G_MAXINT64, 99, G_GINT64_CONSTANT (9131138316486228049) },  /* …048.93 */
  };
  g_autoptr(GError) error = NULL;
  SdExpectedPayment p = { 0 };
  SdMoney w = -1;

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      p.amount = cases[k].amount;
      p.probability = cases[k].probability;
      g_assert_true (sd_forecast_weigh_payment (&p, &w, &error));
      g_assert_no_error (error);
      g_assert_cmpint (w, ==, cases[k].weighted);
    }

  p.amount = 100;
  p.probability = 101;
  g_assert_false (sd_forecast_weigh_payment (&p, &w, &error));
  g_assert_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_PROBABILITY);
  g_clear_error (&error);
  p.probability = -1;
  g_assert_false (sd_forecast_weigh_payment (&p, &w, &error));
  g_assert_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_PROBABILITY);
  g_clear_error (&error);
  p.probability = 50;
  p.amount = -1;
  g_assert_false (sd_forecast_weigh_payment (&p, &w, &error));
  g_assert_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_AMOUNT);
}

/* Expected payments of March 2026, seen on Friday 13 March. */
static GArray *
make_payments (void)
{
  static const struct {
    gint64  manager;
    int     month;
    int     day;
    SdMoney amount;
    int     probability;
  } lines[] = {
    { 1, 3, 20, 10000000, 50 },   /* a: 5 000 000 */
    { 2, 3, 13, 3333333, 90 },    /* b: today counts; 3 000 000, likely */
    { 1, 3, 12, 50000000, 100 },  /* c: yesterday: either in the fact or late — not counted */
    { 2, 4, 1, 20000000, 80 },    /* d: next month */
    { 1, 3, 31, 1000001, 95 },    /* e: 950 001, likely */
    { 1, 3, 25, 7, 50 },          /* f: 3.5 → 4 */
    { 3, 3, 30, 0, 0 },           /* g: counted, worth nothing */
  };
  GArray *payments = g_array_new (FALSE, TRUE, sizeof (SdExpectedPayment));

  for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
    {
      SdExpectedPayment p = { 0 };

      p.manager_id = lines[k].manager;
      sd_test_set_dmy (&p.expected, 2026, lines[k].month, lines[k].day);
      p.amount = lines[k].amount;
      p.probability = lines[k].probability;
      g_array_append_val (payments, p);
    }

  return payments;
}

static void
test_forecast_department (void)
{
  g_autoptr(GArray) payments = make_payments ();
  g_autoptr(GError) error = NULL;
  SdForecast f;
  GDate today;

  sd_test_set_dmy (&today, 2026, 3, 13);
  g_assert_true (sd_forecast_compute (sd_calendar_get_default (), &march_2026, &today, 0,
                                      90000000, 300000000,
                                      (const SdExpectedPayment *) payments->data,
                                      payments->len, &f, &error));
  g_assert_no_error (error);

  g_assert_cmpint (f.period.kind, ==, SD_PERIOD_MONTH);
  g_assert_cmpuint (f.working_days, ==, 21);
  g_assert_cmpuint (f.elapsed_days, ==, 9);
  g_assert_cmpint (f.fact, ==, 90000000);
  g_assert_cmpint (f.run_rate, ==, 210000000);
  g_assert_cmpuint (f.n_payments, ==, 5);
  g_assert_cmpint (f.pipeline, ==, 5000000 + 3000000 + 950001 + 4);
  g_assert_cmpint (f.pipeline_likely, ==, 3000000 + 950001);
  g_assert_cmpint (f.pipeline_total, ==, 10000000 + 3333333 + 1000001 + 7);
  g_assert_cmpint (f.probable, ==, 98950005);
  g_assert_cmpint (f.low, ==, 93950001);
  /* The pace of the first 9 days beats fact + every payment (104 333 341). */
  g_assert_cmpint (f.high, ==, 210000000);
  g_assert_cmpint (f.low, <=, f.probable);
  g_assert_cmpint (f.probable, <=, f.high);
  g_assert_cmpint (f.plan, ==, 300000000);
  g_assert_true (f.has_completion);
  g_assert_cmpint (f.completion_bp, ==, 3298);         /* 32.983… % */
  g_assert_true (f.has_run_rate_completion);
  g_assert_cmpint (f.run_rate_completion_bp, ==, 7000);
}

static void
test_forecast_manager_and_band (void)
{
  g_autoptr(GArray) payments = make_payments ();
  g_autoptr(GError) error = NULL;
  SdForecast f;
  GDate today;

  sd_test_set_dmy (&today, 2026, 3, 13);

  /* Manager 1: a, e and f; no plan, so no completion (shown as "—"). */
  g_assert_true (sd_forecast_compute (sd_calendar_get_default (), &march_2026, &today, 1,
                                      30000000, 0,
                                      (const SdExpectedPayment *) payments->data,
                                      payments->len, &f, &error));
  g_assert_cmpuint (f.n_payments, ==, 3);
  g_assert_cmpint (f.pipeline, ==, 5950005);
  g_assert_cmpint (f.pipeline_likely, ==, 950001);
  g_assert_cmpint (f.pipeline_total, ==, 11000008);
  g_assert_cmpint (f.probable, ==, 35950005);
  g_assert_cmpint (f.low, ==, 30950001);
  g_assert_cmpint (f.run_rate, ==, 70000000);
  g_assert_cmpint (f.high, ==, 70000000);
  g_assert_false (f.has_completion);
  g_assert_false (f.has_run_rate_completion);

  /* Manager 2, nothing yet: the payments make the high end, above the run-rate of 0. */
  g_assert_true (sd_forecast_compute (sd_calendar_get_default (), &march_2026, &today, 2,
                                      0, 2000000,
                                      (const SdExpectedPayment *) payments->data,
                                      payments->len, &f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f.n_payments, ==, 1);
  g_assert_cmpint (f.run_rate, ==, 0);
  g_assert_cmpint (f.probable, ==, 3000000);
  g_assert_cmpint (f.low, ==, 3000000);
  g_assert_cmpint (f.high, ==, 3333333);
  g_assert_true (f.has_completion);
  g_assert_cmpint (f.completion_bp, ==, 15000);

  /* The year, from the same day, also counts the payment expected in April (d). */
  g_assert_true (sd_forecast_compute (sd_calendar_get_default (), &year_2026, &today, 2,
                                      0, -1,
                                      (const SdExpectedPayment *) payments->data,
                                      payments->len, &f, &error));
  g_assert_cmpuint (f.n_payments, ==, 2);
  g_assert_cmpint (f.pipeline, ==, 3000000 + 16000000);
  g_assert_false (f.has_completion);               /* a negative plan is no plan */
}

static void
test_forecast_rejects_bad_lines (void)
{
  g_autoptr(GArray) payments = make_payments ();
  g_autoptr(GError) error = NULL;
  SdExpectedPayment *wrong;
  SdForecast f;
  GDate today;

  sd_test_set_dmy (&today, 2026, 3, 13);
  /* A wrong line is reported even when it would not be counted (next month's). */
  wrong = &g_array_index (payments, SdExpectedPayment, 3);
  wrong->probability = 150;
  g_assert_false (sd_forecast_compute (sd_calendar_get_default (), &march_2026, &today, 0,
                                       0, 100, (const SdExpectedPayment *) payments->data,
                                       payments->len, &f, &error));
  g_assert_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_PROBABILITY);
  g_clear_error (&error);

  wrong->probability = 50;
  g_assert_false (sd_forecast_compute (sd_calendar_get_default (), &march_2026, &today, 0,
                                       G_MAXINT64, 100,
                                       (const SdExpectedPayment *) payments->data,
                                       payments->len, &f, &error));
  g_assert_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* No payments at all: the band is fact … max (run-rate, fact). */
  g_assert_true (sd_forecast_compute (sd_calendar_get_default (), &march_2026, &today, 0,
                                      900, 0, NULL, 0, &f, &error));
  g_assert_cmpint (f.probable, ==, 900);
  g_assert_cmpint (f.low, ==, 900);
  g_assert_cmpint (f.high, ==, 2100);
  g_assert_false (f.has_completion);
}

static void
test_sum_facts (void)
{
  const SdFact facts[] = {
    { .manager_id = 1, .month = sd_month_make (2025, 12), .revenue = 1 },
    { .manager_id = 1, .month = sd_month_make (2026, 1), .revenue = 10 },
    { .manager_id = 2, .month = sd_month_make (2026, 2), .revenue = 200 },
    { .manager_id = 1, .month = sd_month_make (2026, 3), .revenue = 3000 },
    { .manager_id = 2, .month = sd_month_make (2026, 3), .revenue = -500 },   /* a return */
    { .manager_id = 1, .month = sd_month_make (2026, 4), .revenue = 40000 },
  };
  const SdFact huge[] = {
    { .manager_id = 1, .month = sd_month_make (2026, 1), .revenue = G_MAXINT64 },
    { .manager_id = 2, .month = sd_month_make (2026, 2), .revenue = G_MAXINT64 },
  };
  g_autoptr(GError) error = NULL;
  SdMoney sum = -1;
  GDate today;

  sd_test_set_dmy (&today, 2026, 3, 13);
  g_assert_true (sd_forecast_sum_facts (facts, G_N_ELEMENTS (facts), 0, &q1_2026, &today,
                                        &sum, &error));
  g_assert_cmpint (sum, ==, 10 + 200 + 3000 - 500);
  g_assert_true (sd_forecast_sum_facts (facts, G_N_ELEMENTS (facts), 1, &q1_2026, &today,
                                        &sum, &error));
  g_assert_cmpint (sum, ==, 3010);
  g_assert_true (sd_forecast_sum_facts (facts, G_N_ELEMENTS (facts), 0, &year_2026, &today,
                                        &sum, &error));
  g_assert_cmpint (sum, ==, 2710);               /* April is after today's month */

  sd_test_set_dmy (&today, 2026, 2, 5);
  g_assert_true (sd_forecast_sum_facts (facts, G_N_ELEMENTS (facts), 0, &q1_2026, &today,
                                        &sum, &error));
  g_assert_cmpint (sum, ==, 210);
  g_assert_true (sd_forecast_sum_facts (NULL, 0, 0, &q1_2026, &today, &sum, &error));
  g_assert_cmpint (sum, ==, 0);
  g_assert_no_error (error);

  g_assert_false (sd_forecast_sum_facts (huge, G_N_ELEMENTS (huge), 0, &q1_2026, &today,
                                         &sum, &error));
  g_assert_error (error, SD_FORECAST_ERROR, SD_FORECAST_ERROR_OVERFLOW);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/elapsed/march-2026-holiday-and-weekends", test_elapsed_days);
  g_test_add_func ("/forecast/run-rate/known-data-rounding", test_run_rate);
  g_test_add_func ("/forecast/period/for-date", test_period_for_date);
  g_test_add_func ("/forecast/pipeline/weigh-rounds-half-away", test_weigh_payment);
  g_test_add_func ("/forecast/compute/department", test_forecast_department);
  g_test_add_func ("/forecast/compute/manager-band-undefined-plan",
                   test_forecast_manager_and_band);
  g_test_add_func ("/forecast/compute/rejects-bad-lines", test_forecast_rejects_bad_lines);
  g_test_add_func ("/forecast/facts/sum-to-date", test_sum_facts);

  return g_test_run ();
}
