/* bench-plan.c — how long the plan grid waits for a recompute
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 200 managers × 5 years (2022–2026) of monthly facts, generated in memory. The 2027 plan is
 * grown from 2026 and decomposed over the team (hires, leaves, vacations, ramp-up), then each
 * measurement repeats what the grid does after one edit, many times, and prints one line:
 * the median and the 99th percentile in microseconds. Nothing here asserts a time.
 */
#define G_LOG_DOMAIN "bench-plan"

#include "config.h"

#include <stdlib.h>

#include <glib.h>

#include "sd-plan.h"

#define N_MANAGERS 200
#define N_YEARS    5
#define FIRST_YEAR 2022
#define PLAN_YEAR  (FIRST_YEAR + N_YEARS)
#define N_REPS     5000

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *name,
        gint64     *samples,
        guint       n)
{
  qsort (samples, n, sizeof (gint64), compare_gint64);
  g_print ("%-36s managers=%d reps=%u median_us=%" G_GINT64_FORMAT " p99_us=%"
           G_GINT64_FORMAT " max_us=%" G_GINT64_FORMAT "\n",
           name, N_MANAGERS, n, samples[n / 2], samples[(n * 99) / 100], samples[n - 1]);
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static GArray *
generate_facts (GRand *rand)
{
  GArray *facts = g_array_sized_new (FALSE, TRUE, sizeof (SdFact),
                                     N_MANAGERS * N_YEARS * 12);

  for (gint64 id = 1; id <= N_MANAGERS; id++)
    {
      /* Each manager has a pace; months follow a seasonal shape with noise. */
      SdMoney pace = g_rand_int_range (rand, 500000, 2000000) * (SdMoney) 100;

      for (int y = 0; y < N_YEARS; y++)
        for (int m = 1; m <= 12; m++)
          {
            SdFact f = { 0 };
            int season = 80 + 40 * (m == 3 || m == 11 || m == 12) - 30 * (m == 1 || m == 8);

            f.manager_id = id;
            f.month = sd_month_make (FIRST_YEAR + y, m);
            f.revenue = pace * season / 100 * g_rand_int_range (rand, 70, 131) / 100;
            f.paid = f.revenue * 9 / 10;
            f.deals = f.revenue / 12500000 + 1;
            f.leads = f.deals * 4;
            g_array_append_val (facts, f);
          }
    }

  return facts;
}

static SdPlanParams *
build_params (GRand        *rand,
              const GArray *facts)
{
  SdPlanParams *params = sd_plan_params_new (PLAN_YEAR, sd_calendar_get_default ());
  g_autoptr(GError) error = NULL;

  if (!sd_plan_params_set_last_year_facts (params, (const SdFact *) facts->data, facts->len,
                                           &error))
    g_error ("%s", error->message);
  sd_plan_params_set_growth (params, 1500);
  sd_plan_params_set_funnel (params, 12500000, 2340);

  for (gint64 id = 1; id <= N_MANAGERS; id++)
    {
      GDate hired, left;
      guint i;

      set_date (&hired, g_rand_int_range (rand, FIRST_YEAR - 3, PLAN_YEAR + 1),
                g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      set_date (&left, PLAN_YEAR, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      i = sd_plan_params_add_manager (params, id * 7 % 1009, NULL, &hired,
                                      g_rand_int_range (rand, 0, 10) == 0 ? &left : NULL);
      sd_plan_params_set_personal_weight (params, i, g_rand_int_range (rand, 50, 151));
      sd_plan_params_set_vacation (params, i, g_rand_int_range (rand, 6, 9), 10);
    }

  return params;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(GArray) facts = generate_facts (rand);
  g_autoptr(SdPlanParams) params = build_params (rand, facts);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdPlanFact) pf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *samples = g_new (gint64, N_REPS);
  volatile SdMoney sink = 0;

  /* The first decomposition, allocating everything. */
  for (guint r = 0; r < 200; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdPlan) fresh = sd_plan_compute (params, &error);

      samples[r] = g_get_monotonic_time () - t0;
      if (fresh == NULL)
        g_error ("%s", error->message);
      sink += sd_plan_get_cell (fresh, 6, r % N_MANAGERS);
    }
  report ("plan-compute-fresh", samples, 200);

  plan = sd_plan_compute (params, &error);
  if (plan == NULL)
    g_error ("%s", error->message);

  /* What the grid does after a hand edit of one cell: store it, recompute the whole year
   * (edits kept), read the month's and the year's rest. */
  for (guint r = 0; r < N_REPS; r++)
    {
      int month = (int) (r % 12) + 1;
      guint index = g_rand_int_range (rand, 0, N_MANAGERS);
      SdMoney value = g_rand_int_range (rand, 0, 5000000) * (SdMoney) 100;
      gint64 t0 = g_get_monotonic_time ();

      if (!sd_plan_set_cell (plan, month, index, value, &error)
          || !sd_plan_recompute (plan, params, &error))
        g_error ("%s", error->message);
      sink += sd_plan_rest (plan, month) + sd_plan_rest (plan, 0);
      samples[r] = g_get_monotonic_time () - t0;

      if (r % 50 == 49)
        sd_plan_reset_edits (plan, 0);
    }
  report ("plan-recompute-after-cell-edit", samples, N_REPS);

  /* After an input edit (a vacation): the same full-year recompute. */
  for (guint r = 0; r < N_REPS; r++)
    {
      guint index = g_rand_int_range (rand, 0, N_MANAGERS);
      gint64 t0;

      sd_plan_params_set_vacation (params, index, (int) (r % 12) + 1,
                                   g_rand_int_range (rand, 0, 10));
      t0 = g_get_monotonic_time ();
      if (!sd_plan_recompute (plan, params, &error))
        g_error ("%s", error->message);
      sink += sd_plan_rest (plan, 0);
      samples[r] = g_get_monotonic_time () - t0;
    }
  report ("plan-recompute-after-input-edit", samples, N_REPS);

  /* A balanced month: one edit re-spreads the other 199 cells. */
  for (guint r = 0; r < N_REPS; r++)
    {
      int month = (int) (r % 12) + 1;
      gint64 t0 = g_get_monotonic_time ();

      if (!sd_plan_set_cell (plan, month, r % N_MANAGERS, 100000, &error)
          || !sd_plan_respread (plan, month, &error))
        g_error ("%s", error->message);
      samples[r] = g_get_monotonic_time () - t0;
      sink += sd_plan_get_cell (plan, month, (r + 1) % N_MANAGERS);
    }
  report ("plan-respread-month", samples, N_REPS);

  /* Plan vs fact over the five years and the lagging list for the last month. */
  for (guint r = 0; r < 50; r++)
    {
      g_autoptr(GArray) entries = sd_plan_to_entries (plan);
      g_autoptr(GPtrArray) lagging = NULL;
      gint64 t0 = g_get_monotonic_time ();

      g_clear_pointer (&pf, sd_plan_fact_free);
      pf = sd_plan_fact_new ();
      if (!sd_plan_fact_add_facts (pf, (const SdFact *) facts->data, facts->len, &error)
          || !sd_plan_fact_add_plan_entries (pf, (const SdPlanEntry *) entries->data,
                                             entries->len, &error))
        g_error ("%s", error->message);
      lagging = sd_plan_fact_find_lagging (pf, sd_month_make (PLAN_YEAR, 12),
                                           SD_PLAN_DEFAULT_LAG_THRESHOLD_BP,
                                           SD_PLAN_DEFAULT_LAG_MONTHS);
      samples[r] = g_get_monotonic_time () - t0;
      sink += lagging->len;
    }
  report ("plan-fact-build-and-lagging", samples, 50);

  (void) sink;
  return 0;
}
