/* test-hiring.c — the hiring plan: capacity gap, proposal, money, bad parameters
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected figures were worked out by hand (exact fractions, the rules of docs/hiring.md,
 * rounded half away from zero once per person and month) and are written here to the kopeck.
 */
#define G_LOG_DOMAIN "test-hiring"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-hiring.h"
#include "sd-test-util.h"

#define RUB(x) ((SdMoney) (x) * 100)   /* whole rubles in kopecks */

static const int default_ramp[] = { 0, 30, 60, 100 };

/* n months of 2026 from `first_month`, each with the same plan. */
static SdHiringParams *
new_params (const SdHiringSettings *settings,
            int                     first_month,
            guint                   n_months,
            SdMoney                 plan_per_month)
{
  SdHiringParams *params = sd_hiring_params_new (settings);
  g_autofree SdMoney *plan = g_new (SdMoney, n_months);

  for (guint i = 0; i < n_months; i++)
    plan[i] = plan_per_month;
  sd_hiring_params_set_plan (params, sd_month_make (2026, first_month), plan, n_months);

  return params;
}

static void
assert_month_is (SdMonth m,
                 int     year,
                 int     month)
{
  g_assert_cmpint (m, ==, sd_month_make (year, month));
}

/* ------------------------------------------------------------------------------------------ */

static void
test_settings_defaults (void)
{
  SdHiringSettings settings;
  g_autoptr(GError) error = NULL;

  sd_hiring_settings_init (&settings);
  g_assert_cmpint (settings.capacity, ==, 0);
  g_assert_cmpuint (settings.n_ramp_up, ==, 4);
  g_assert_cmpmem (settings.ramp_up, 4 * sizeof (int), default_ramp, sizeof default_ramp);
  g_assert_cmpint (settings.attrition_bp, ==, 0);
  g_assert_cmpint (settings.time_to_hire_weeks, ==, 6);
  g_assert_cmpint (settings.contributions_bp, ==, 3000);
  g_assert_cmpint (settings.margin_bp, ==, 10000);
  g_assert_true (sd_hiring_settings_validate (&settings, &error));
  g_assert_no_error (error);

  /* Tenure month 1 is the hire month; after the curve, full pace; before the hire, none. */
  g_assert_cmpint (sd_hiring_settings_ramp_percent (&settings, 0), ==, 0);
  g_assert_cmpint (sd_hiring_settings_ramp_percent (&settings, 1), ==, 0);
  g_assert_cmpint (sd_hiring_settings_ramp_percent (&settings, 2), ==, 30);
  g_assert_cmpint (sd_hiring_settings_ramp_percent (&settings, 3), ==, 60);
  g_assert_cmpint (sd_hiring_settings_ramp_percent (&settings, 4), ==, 100);
  g_assert_cmpint (sd_hiring_settings_ramp_percent (&settings, 40), ==, 100);
}

static void
test_state_strings (void)
{
  for (SdHireState s = SD_HIRE_PROPOSED; s <= SD_HIRE_HIRED; s++)
    {
      SdHireState back = SD_HIRE_REJECTED;

      g_assert_true (sd_hire_state_from_string (sd_hire_state_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
    }
  {
    SdHireState out;

    g_assert_false (sd_hire_state_from_string ("maybe", &out));
    g_assert_false (sd_hire_state_from_string (NULL, &out));
  }
}

static void
test_earliest_start (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  SdPlannedHire hire;
  GDate today, expected;

  sd_hiring_settings_init (&settings);
  params = new_params (&settings, 1, 12, 0);

  /* No today: the plan's first day, 1 January + 42 days = 12 February → March. */
  assert_month_is (sd_hiring_params_earliest_start (params), 2026, 3);

  /* 18 January + 42 days = 1 March exactly: March itself. */
  sd_test_set_dmy (&today, 2026, 1, 18);
  sd_hiring_params_set_today (params, &today);
  assert_month_is (sd_hiring_params_earliest_start (params), 2026, 3);

  /* 19 January + 42 days = 2 March: April. */
  sd_test_set_dmy (&today, 2026, 1, 19);
  sd_hiring_params_set_today (params, &today);
  assert_month_is (sd_hiring_params_earliest_start (params), 2026, 4);

  /* A hire starting in March 2026 searches from 1 March − 6 weeks = 18 January. */
  sd_planned_hire_init (&hire, &settings, sd_month_make (2026, 3));
  sd_test_set_dmy (&expected, 2026, 3, 1);
  g_assert_cmpint (g_date_compare (&hire.start, &expected), ==, 0);
  sd_test_set_dmy (&expected, 2026, 1, 18);
  g_assert_cmpint (g_date_compare (&hire.search_start, &expected), ==, 0);
  g_assert_cmpint (hire.state, ==, SD_HIRE_PROPOSED);
  g_assert_cmpint (hire.id, ==, 0);
  g_assert_cmpint (hire.manager_id, ==, 0);
}

/* The current team, January–April 2026: capacity 600 000 ₽, ramp-up 0/30/60/100 %,
 * attrition 12 % a year (1 % a month: retention 1, 0.99, 0.9801, 0.970299), pay 80 000 ₽
 * + 30 %.
 *   A: no hire date (fully ramped), exposed to attrition from January.
 *   B: hired 1 February 2026 — after the plan's first day, so no attrition; tenure 1 in
 *      February (0 %), 2 in March (30 %), 3 in April (60 %).
 *   C: hired 10 December 2025 — before, so exposed; tenure 2 in January (30 %), 3 in
 *      February (60 %), 4 in March (100 %).
 *   D: ramped, leaves 15 March 2026: 15 of 31 days in March, nothing in April.
 * Capacity (kopecks):
 *   Jan: A 60 000 000 + C 18 000 000 + D 60 000 000                         = 138 000 000
 *   Feb: A 59 400 000 + B 0 + C 36 000 000×0.99 = 35 640 000 + D 59 400 000 = 154 440 000
 *   Mar: A 58 806 000 + B 18 000 000 + C 58 806 000
 *        + D 60 000 000×15/31×0.9801 = 28 454 516.13 → 28 454 516           = 164 066 516
 *   Apr: A 58 217 940 + B 36 000 000 + C 58 217 940 + D 0                   = 152 435 880
 * Pay with contributions, March: A and C 7 840 800 + 2 352 240 each; B 8 000 000 + 2 400 000;
 *   D: 8 000 000×15/31 = 3 870 967.74 → 3 870 968, ×0.9801 = 3 793 935.74 → 3 793 936,
 *   + 30 % = 1 138 180.8 → 1 138 181; in all 35 718 197.
 * April: A and C 7 762 392 + 2 328 717.6 → 2 328 718 each, B 10 400 000: 30 582 220. */
static void
test_capacity_ramp_up_and_attrition (void)
{
  static const SdMoney capacity[4] = { 138000000, 154440000, 164066516, 152435880 };
  static const SdMoney pay[4] = { 31200000, 41288000, 35718197, 30582220 };
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate hired, left;
  guint n = 0;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  settings.attrition_bp = 1200;
  settings.monthly_pay = RUB (80000);
  params = new_params (&settings, 1, 4, RUB (2000000));

  sd_hiring_params_add_manager (params, 1, NULL, NULL);
  sd_test_set_dmy (&hired, 2026, 2, 1);
  sd_hiring_params_add_manager (params, 2, &hired, NULL);
  sd_test_set_dmy (&hired, 2025, 12, 10);
  sd_hiring_params_add_manager (params, 3, &hired, NULL);
  sd_test_set_dmy (&hired, 2019, 5, 1);
  sd_test_set_dmy (&left, 2026, 3, 15);
  sd_hiring_params_add_manager (params, 4, &hired, &left);
  g_assert_cmpuint (sd_hiring_params_get_n_managers (params), ==, 4);

  result = sd_hiring_evaluate (params, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (sd_hiring_result_get_n_months (result), ==, 4);

  for (guint k = 0; k < 4; k++)
    {
      const SdHiringMonth *row = sd_hiring_result_get_month (result, k);

      assert_month_is (row->month, 2026, (int) k + 1);
      g_assert_cmpint (row->plan, ==, RUB (2000000));
      g_assert_cmpint (row->team_capacity, ==, capacity[k]);
      g_assert_cmpint (row->gap, ==, RUB (2000000) - capacity[k]);
      g_assert_cmpint (row->hires_capacity, ==, 0);
      g_assert_cmpint (row->shortfall, ==, RUB (2000000) - capacity[k]);
      g_assert_cmpint (row->team_pay, ==, pay[k]);
      g_assert_cmpint (row->total_cost, ==, pay[k]);
      g_assert_cmpint (row->revenue, ==, capacity[k]);
    }
  g_assert_false (sd_hiring_result_covers_plan (result));
  sd_hiring_result_get_uncovered (result, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (sd_hiring_result_get_total_cost (result), ==,
                   31200000 + 41288000 + 35718197 + 30582220);
}

/* Capacity 10 000 ₽, ramp-up 0/50/100 %, no team, no time to hire, plan January–June 2026:
 * 0, 0, 0, 10 000, 15 000, 20 000 ₽. A hire adds g = 0, 5 000, 10 000 ₽ in its months 1, 2, 3+.
 * One hire cannot reach 15 000 ₽ in May. Two can: the latest pair is March + March (April
 * 5 000 + 5 000, May and June 10 000 + 10 000). February + April also covers the plan (April
 * 10 000 + 0, May 10 000 + 5 000, June 20 000) but its first search is a month earlier; and
 * March + April leaves April at 5 000. */
static void
test_propose_hand_example (void)
{
  static const SdMoney plan[6] = { 0, 0, 0, RUB (10000), RUB (15000), RUB (20000) };
  static const int ramp[] = { 0, 50, 100 };
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(SdHiringResult) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *march_1 = NULL;
  SdPlannedHire alt[2];
  GDate expected;
  guint n = 0;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (10000);
  settings.time_to_hire_weeks = 0;
  sd_hiring_settings_set_ramp_up (&settings, ramp, G_N_ELEMENTS (ramp));
  params = sd_hiring_params_new (&settings);
  sd_hiring_params_set_plan (params, sd_month_make (2026, 1), plan, 6);

  result = sd_hiring_propose (params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), ==, 2);
  g_assert_cmpuint (sd_hiring_result_get_n_counted (result), ==, 2);
  for (guint h = 0; h < 2; h++)
    {
      const SdPlannedHire *hire = sd_hiring_result_get_hire (result, h);

      sd_test_set_dmy (&expected, 2026, 3, 1);
      g_assert_cmpint (g_date_compare (&hire->start, &expected), ==, 0);
      g_assert_cmpint (g_date_compare (&hire->search_start, &expected), ==, 0);
      g_assert_cmpint (hire->state, ==, SD_HIRE_PROPOSED);
    }
  g_assert_true (sd_hiring_result_covers_plan (result));
  sd_hiring_result_get_unreachable (result, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (sd_hiring_result_get_month (result, 3)->hires_capacity, ==, RUB (10000));
  g_assert_cmpint (sd_hiring_result_get_month (result, 4)->hires_capacity, ==, RUB (20000));
  g_assert_cmpint (sd_hiring_result_get_month (result, 5)->hires_capacity, ==, RUB (20000));

  /* "start the search on" the first of March, in the reader's date format. */
  text = sd_hiring_result_describe (result);
  march_1 = sd_date_format (&expected, sd_number_style_current ());
  g_assert_nonnull (strstr (text, march_1));

  /* The alternatives, evaluated as a user's edited schedule. */
  sd_planned_hire_init (&alt[0], &settings, sd_month_make (2026, 2));
  sd_planned_hire_init (&alt[1], &settings, sd_month_make (2026, 4));
  other = sd_hiring_evaluate (params, alt, 2, &error);
  g_assert_no_error (error);
  g_assert_true (sd_hiring_result_covers_plan (other));
  g_clear_pointer (&other, sd_hiring_result_free);

  sd_planned_hire_init (&alt[0], &settings, sd_month_make (2026, 3));
  other = sd_hiring_evaluate (params, alt, 2, &error);
  g_assert_no_error (error);
  g_assert_false (sd_hiring_result_covers_plan (other));
  assert_month_is (sd_hiring_result_get_uncovered (other, &n)[0], 2026, 4);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (sd_hiring_result_get_month (other, 3)->shortfall, ==, RUB (5000));
}

/* ------------------------------------------------------------------------------------------
 * Brute force: over small random cases, no schedule with fewer hires covers the plan, and
 * no schedule with as many has a later first search (then second, …).
 * ------------------------------------------------------------------------------------------ */

#define BF_MAX_MONTHS 7
#define BF_MAX_HIRES  4

typedef struct {
  guint   n;                          /* months */
  gint64  e;                          /* earliest start index (may be ≥ n) */
  SdMoney deficit[BF_MAX_MONTHS];     /* plan − team */
  SdMoney gain[BF_MAX_MONTHS];        /* a hire's capacity in its month d + 1 */
  gboolean reachable[BF_MAX_MONTHS];
  guint   best_k;                     /* G_MAXUINT: none found up to BF_MAX_HIRES */
  int     best[BF_MAX_HIRES];
  int     cur[BF_MAX_HIRES];
} BruteForce;

static gboolean
bf_covers (const BruteForce *bf,
           guint             k)
{
  for (guint m = 0; m < bf->n; m++)
    {
      SdMoney sum = 0;

      if (bf->deficit[m] <= 0 || !bf->reachable[m])
        continue;
      for (guint i = 0; i < k; i++)
        if ((int) m >= bf->cur[i])
          sum += bf->gain[m - (guint) bf->cur[i]];
      if (sum < bf->deficit[m])
        return FALSE;
    }
  return TRUE;
}

/* Every nondecreasing sequence of k starts from `from`, in ascending lexicographic order:
 * the last one that covers is the lexicographically greatest. */
static void
bf_enumerate (BruteForce *bf,
              guint       k,
              guint       pos,
              int         from)
{
  if (pos == k)
    {
      if (bf_covers (bf, k))
        {
          bf->best_k = k;
          memcpy (bf->best, bf->cur, k * sizeof (int));
        }
      return;
    }
  for (int s = from; s < (int) bf->n; s++)
    {
      bf->cur[pos] = s;
      bf_enumerate (bf, k, pos + 1, s);
    }
}

static int
month_index (SdMonth first,
             SdMonth m)
{
  return (int) (m - first);
}

static void
test_propose_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260601);
  static const gint64 attritions[] = { 0, 1200, 3000 };
  static const int step_choices[] = { 0, 10, 25, 50, 75, 90 };
  guint n_multi = 0, n_spread = 0, n_unreachable = 0, n_none = 0;

  for (guint round = 0; round < 400; round++)
    {
      SdHiringSettings settings;
      g_autoptr(SdHiringParams) params = NULL;
      g_autoptr(SdHiringResult) result = NULL;
      g_autoptr(GError) error = NULL;
      SdMoney plan[BF_MAX_MONTHS];
      int ramp[4];
      guint n_steps = (guint) g_rand_int_range (rand, 0, 4);
      guint n_team = (guint) g_rand_int_range (rand, 0, 3);
      BruteForce bf = { 0 };
      SdMonth first = sd_month_make (2026, g_rand_int_range (rand, 1, 13));
      GDate today, day;
      guint n_unr = 0, n_unc = 0;
      const SdMonth *unr, *unc;

      sd_hiring_settings_init (&settings);
      settings.capacity = g_rand_int_range (rand, 1, 20) * (SdMoney) 333333;
      settings.attrition_bp = attritions[g_rand_int_range (rand, 0, 3)];
      settings.time_to_hire_weeks = g_rand_int_range (rand, 0, 7);
      /* A nondecreasing ramp-up ending at 100 %. */
      for (guint k = 0; k < n_steps; k++)
        ramp[k] = step_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (step_choices))];
      for (guint k = 1; k < n_steps; k++)
        ramp[k] = MAX (ramp[k], ramp[k - 1]);
      ramp[n_steps] = 100;
      sd_hiring_settings_set_ramp_up (&settings, ramp, n_steps + 1);

      bf.n = (guint) g_rand_int_range (rand, 3, BF_MAX_MONTHS + 1);
      for (guint m = 0; m < bf.n; m++)
        plan[m] = settings.capacity * g_rand_int_range (rand, 0, 12) / 4
                  + g_rand_int_range (rand, 0, 1000);
      params = sd_hiring_params_new (&settings);
      sd_hiring_params_set_plan (params, first, plan, bf.n);
      for (guint i = 0; i < n_team; i++)
        {
          GDate hired;

          GDate left;

          sd_month_first_day (first + g_rand_int_range (rand, -6, 3), &hired);
          g_date_add_days (&hired, (guint) g_rand_int_range (rand, 0, 28));
          left = hired;
          g_date_add_days (&left, (guint) g_rand_int_range (rand, 0, 240));
          sd_hiring_params_add_manager (params, i + 1, &hired,
                                        g_rand_boolean (rand) ? &left : NULL);
        }
      sd_month_first_day (first, &today);
      g_date_add_days (&today, (guint) g_rand_int_range (rand, 0, 20));
      sd_hiring_params_set_today (params, &today);

      result = sd_hiring_propose (params, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);

      /* The earliest start, worked out here: today + weeks, up to the next first day. */
      day = today;
      g_date_add_days (&day, (guint) settings.time_to_hire_weeks * 7);
      bf.e = month_index (first, sd_month_from_date (&day)) + (g_date_get_day (&day) == 1 ? 0 : 1);
      for (guint d = 0; d < bf.n; d++)
        {
          int pct = sd_hiring_settings_ramp_percent (&settings, d + 1);
          /* capacity × pct ÷ 100, half away from zero, for non-negative figures. */
          bf.gain[d] = (settings.capacity * pct + 50) / 100;
        }
      for (guint m = 0; m < bf.n; m++)
        {
          const SdHiringMonth *row = sd_hiring_result_get_month (result, m);

          bf.deficit[m] = row->plan - row->team_capacity;
          bf.reachable[m] = FALSE;
          for (gint64 s = MAX (bf.e, 0); s <= (gint64) m; s++)
            if (bf.gain[m - s] > 0)
              bf.reachable[m] = TRUE;
        }

      bf.best_k = G_MAXUINT;
      for (guint k = 0; k <= BF_MAX_HIRES && bf.best_k == G_MAXUINT; k++)
        bf_enumerate (&bf, k, 0, (int) MAX (bf.e, 0));

      if (bf.best_k == G_MAXUINT)
        {
          g_assert_cmpuint (sd_hiring_result_get_n_hires (result), >, BF_MAX_HIRES);
          n_none++;
        }
      else
        {
          g_assert_cmpuint (sd_hiring_result_get_n_hires (result), ==, bf.best_k);
          for (guint i = 0; i < bf.best_k; i++)
            {
              const SdPlannedHire *hire = sd_hiring_result_get_hire (result, i);

              g_assert_cmpint (month_index (first, sd_month_from_date (&hire->start)), ==,
                               bf.best[i]);
              g_assert_cmpint (g_date_get_day (&hire->start), ==, 1);
            }
          if (bf.best_k >= 2)
            n_multi++;
          if (bf.best_k >= 2 && bf.best[0] != bf.best[bf.best_k - 1])
            n_spread++;
        }

      /* What is left uncovered is exactly what no schedule can cover. */
      unr = sd_hiring_result_get_unreachable (result, &n_unr);
      unc = sd_hiring_result_get_uncovered (result, &n_unc);
      g_assert_cmpuint (n_unr, ==, n_unc);
      for (guint i = 0; i < n_unr; i++)
        {
          int m = month_index (first, unr[i]);

          g_assert_cmpint (unr[i], ==, unc[i]);
          g_assert_true (bf.deficit[m] > 0 && !bf.reachable[m]);
        }
      for (guint m = 0, j = 0; m < bf.n; m++)
        if (bf.deficit[m] > 0 && !bf.reachable[m])
          {
            g_assert_cmpuint (j, <, n_unr);
            g_assert_cmpint (month_index (first, unr[j++]), ==, (int) m);
          }
      if (n_unr > 0)
        n_unreachable++;
    }

  /* The random cases exercise what matters: several hires, spread over several months,
   * unreachable months, and cases beyond the brute force. */
  g_test_message ("multi=%u spread=%u unreachable=%u beyond=%u", n_multi, n_spread,
                  n_unreachable, n_none);
  g_assert_cmpuint (n_multi, >=, 50);
  g_assert_cmpuint (n_spread, >=, 20);
  g_assert_cmpuint (n_unreachable, >=, 20);
}

/* Capacity 600 000 ₽, default ramp-up, 6 weeks to hire, today 1 January 2026, one ramped
 * manager (600 000 ₽), plan 1 000 000 ₽ a month in 2026: 400 000 ₽ short each month. The
 * earliest start is March (1 January + 42 days = 12 February), where a hire sells 0 %:
 * January, February and March cannot be covered. April needs ⌈400 000 ÷ 180 000⌉ = 3 hires
 * started in March; they also cover May onwards. */
static void
test_propose_unreachable (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const SdMonth *months;
  GDate today, expected;
  guint n = 0;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  params = new_params (&settings, 1, 12, RUB (1000000));
  sd_hiring_params_add_manager (params, 7, NULL, NULL);
  sd_test_set_dmy (&today, 2026, 1, 1);
  sd_hiring_params_set_today (params, &today);

  result = sd_hiring_propose (params, &error);
  g_assert_no_error (error);

  months = sd_hiring_result_get_unreachable (result, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_month_is (months[0], 2026, 1);
  assert_month_is (months[1], 2026, 2);
  assert_month_is (months[2], 2026, 3);
  months = sd_hiring_result_get_uncovered (result, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (sd_hiring_result_covers_plan (result));

  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), ==, 3);
  for (guint h = 0; h < 3; h++)
    {
      const SdPlannedHire *hire = sd_hiring_result_get_hire (result, h);

      sd_test_set_dmy (&expected, 2026, 3, 1);
      g_assert_cmpint (g_date_compare (&hire->start, &expected), ==, 0);
      sd_test_set_dmy (&expected, 2026, 1, 18);
      g_assert_cmpint (g_date_compare (&hire->search_start, &expected), ==, 0);
    }
  /* April: 600 000 + 3 × 180 000 = 1 140 000 ₽ ≥ 1 000 000 ₽. */
  g_assert_cmpint (sd_hiring_result_get_month (result, 3)->revenue, ==, RUB (1140000));
  g_assert_cmpint (sd_hiring_result_get_month (result, 3)->shortfall, ==, 0);

  /* The description names the months. */
  text = sd_hiring_result_describe (result);
  for (int m = 1; m <= 4; m++)
    {
      g_autofree char *label = sd_month_format_label (sd_month_make (2026, m));

      /* March appears as the earliest start too; April nowhere. */
      if (m < 4)
        g_assert_nonnull (strstr (text, label));
      else
        g_assert_null (strstr (text, label));
    }
}

/* The same company with no capacity entered: nothing can be covered, no hires proposed. */
static void
test_propose_zero_capacity (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  sd_hiring_settings_init (&settings);
  params = new_params (&settings, 1, 12, RUB (1000));
  result = sd_hiring_propose (params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), ==, 0);
  sd_hiring_result_get_unreachable (result, &n);
  g_assert_cmpuint (n, ==, 12);
  text = sd_hiring_result_describe (result);
  g_assert_nonnull (strstr (text, "capacity"));
}

/* A team that already covers the plan needs no hires. */
static void
test_propose_nothing_needed (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  params = new_params (&settings, 1, 12, RUB (600000));
  sd_hiring_params_add_manager (params, 1, NULL, NULL);
  result = sd_hiring_propose (params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), ==, 0);
  g_assert_true (sd_hiring_result_covers_plan (result));
  text = sd_hiring_result_describe (result);
  g_assert_nonnull (strstr (text, "no hires"));
}

/* Capacity 600 000 ₽, default ramp-up, pay 80 000 ₽ + 30 % = 104 000 ₽ a month, hiring
 * 50 000 ₽ and onboarding 20 000 ₽ in the first month, payback on a 30 % margin. A hire
 * starting 1 March 2026:
 *            cost (cumulative)            margin (cumulative)
 *   Mar  104 000 + 70 000 = 174 000       0
 *   Apr  278 000                          180 000 × 30 % =  54 000
 *   May  382 000                          54 000 + 108 000 = 162 000
 *   Jun  486 000                          162 000 + 180 000 = 342 000
 *   Jul  590 000                          522 000
 *   Aug  694 000                          702 000  ← first month margin ≥ cost
 */
static void
test_money_payback (void)
{
  static const SdMoney cum_cost[] = { 174000, 278000, 382000, 486000, 590000, 694000 };
  static const SdMoney cum_margin[] = { 0, 54000, 162000, 342000, 522000, 702000 };
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SdPlannedHire hire;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  settings.monthly_pay = RUB (80000);
  settings.hiring_cost = RUB (50000);
  settings.onboarding_cost = RUB (20000);
  settings.margin_bp = 3000;
  params = new_params (&settings, 1, 12, RUB (1000000));

  sd_planned_hire_init (&hire, &settings, sd_month_make (2026, 3));
  hire.state = SD_HIRE_ACCEPTED;
  result = sd_hiring_evaluate (params, &hire, 1, &error);
  g_assert_no_error (error);

  assert_month_is (sd_hiring_result_get_payback (result, 0), 2026, 8);
  for (guint k = 0; k < 2; k++)
    g_assert_cmpint (sd_hiring_result_get_hire_month (result, 0, k)->cost, ==, 0);
  for (guint k = 0; k < G_N_ELEMENTS (cum_cost); k++)
    {
      const SdHiringHireMonth *row = sd_hiring_result_get_hire_month (result, 0, k + 2);

      g_assert_cmpint (row->cumulative_cost, ==, RUB (cum_cost[k]));
      g_assert_cmpint (row->cumulative_margin, ==, RUB (cum_margin[k]));
    }
  {
    const SdHiringHireMonth *mar = sd_hiring_result_get_hire_month (result, 0, 2);

    g_assert_cmpint (mar->pay, ==, RUB (80000));
    g_assert_cmpint (mar->contributions, ==, RUB (24000));
    g_assert_cmpint (mar->one_off, ==, RUB (70000));
    g_assert_cmpint (mar->revenue, ==, 0);
  }

  /* Rejected, the same hire is listed but counts for nothing. */
  hire.state = SD_HIRE_REJECTED;
  g_clear_pointer (&result, sd_hiring_result_free);
  result = sd_hiring_evaluate (params, &hire, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), ==, 1);
  g_assert_cmpuint (sd_hiring_result_get_n_counted (result), ==, 0);
  g_assert_cmpint (sd_hiring_result_get_payback (result, 0), ==, SD_MONTH_INVALID);
  g_assert_cmpint (sd_hiring_result_get_hires_cost (result), ==, 0);
  g_assert_cmpint (sd_hiring_result_get_hire_month (result, 0, 5)->revenue, ==, 0);
}

/* Exact kopecks: capacity 123 456,79 ₽, ramp-up 50/100 %, pay 83 333,35 ₽ + 30 %, hiring
 * 30 000 ₽ + onboarding 15 000,50 ₽; the hire starts on 16 April 2026 (15 of 30 days).
 *   April revenue 12 345 679 × 50 % × 15/30 = 3 086 419.75 → 3 086 420
 *         pay 8 333 335 × 15/30 = 4 166 667.5 → 4 166 668; + 30 % = 1 250 000.4 → 1 250 000
 *         one-off 4 500 050; cost 9 916 718
 *   May   revenue 12 345 679; pay 8 333 335; 30 % = 2 500 000.5 → 2 500 001; cost 10 833 336 */
static void
test_money_exact_kopecks (void)
{
  static const int ramp[] = { 50, 100 };
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const SdHiringHireMonth *row;
  SdPlannedHire hire;

  sd_hiring_settings_init (&settings);
  settings.capacity = 12345679;
  sd_hiring_settings_set_ramp_up (&settings, ramp, G_N_ELEMENTS (ramp));
  settings.monthly_pay = 8333335;
  settings.hiring_cost = 3000000;
  settings.onboarding_cost = 1500050;
  params = new_params (&settings, 4, 2, 0);

  sd_planned_hire_init (&hire, &settings, sd_month_make (2026, 4));
  sd_test_set_dmy (&hire.start, 2026, 4, 16);
  hire.state = SD_HIRE_EDITED;
  result = sd_hiring_evaluate (params, &hire, 1, &error);
  g_assert_no_error (error);

  row = sd_hiring_result_get_hire_month (result, 0, 0);
  g_assert_cmpint (row->revenue, ==, 3086420);
  g_assert_cmpint (row->margin, ==, 3086420);
  g_assert_cmpint (row->pay, ==, 4166668);
  g_assert_cmpint (row->contributions, ==, 1250000);
  g_assert_cmpint (row->one_off, ==, 4500050);
  g_assert_cmpint (row->cost, ==, 9916718);

  row = sd_hiring_result_get_hire_month (result, 0, 1);
  g_assert_cmpint (row->revenue, ==, 12345679);
  g_assert_cmpint (row->pay, ==, 8333335);
  g_assert_cmpint (row->contributions, ==, 2500001);
  g_assert_cmpint (row->one_off, ==, 0);
  g_assert_cmpint (row->cost, ==, 10833336);
  g_assert_cmpint (row->cumulative_cost, ==, 9916718 + 10833336);

  /* The totals are the sums of the rounded lines. */
  g_assert_cmpint (sd_hiring_result_get_hires_cost (result), ==, 9916718 + 10833336);
  g_assert_cmpint (sd_hiring_result_get_hires_revenue (result), ==, 3086420 + 12345679);
  g_assert_cmpint (sd_hiring_result_get_month (result, 0)->hires_cost, ==, 9916718);
  g_assert_cmpint (sd_hiring_result_get_total_cost (result), ==, 9916718 + 10833336);
  /* Margin 100 %: by May 15 432 099 of margin against 20 750 054 of cost: not paid back
   * within the plan. */
  g_assert_cmpint (sd_hiring_result_get_payback (result, 0), ==, SD_MONTH_INVALID);
}

/* "Hire 2 in March" against "hire 3 in February", 2026, capacity 600 000 ₽, default ramp-up,
 * pay 80 000 ₽ + 30 %, one-off 70 000 ₽:
 *   one March hire: cost 10 × 104 000 + 70 000 = 1 110 000 ₽; revenue 0 + 180 000 + 360 000
 *     + 7 × 600 000 = 4 740 000 ₽; pays back in May (cost 382 000 ≤ revenue 540 000).
 *   one February hire: 11 × 104 000 + 70 000 = 1 214 000 ₽; revenue 180 000 + 360 000
 *     + 8 × 600 000 = 5 340 000 ₽; pays back in April. */
static void
test_compare_two_schedules (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) a = NULL;
  g_autoptr(SdHiringResult) b = NULL;
  g_autoptr(GError) error = NULL;
  SdPlannedHire two_in_march[2], three_in_february[3];

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  settings.monthly_pay = RUB (80000);
  settings.hiring_cost = RUB (50000);
  settings.onboarding_cost = RUB (20000);
  params = new_params (&settings, 1, 12, RUB (2000000));
  sd_hiring_params_add_manager (params, 1, NULL, NULL);

  for (guint i = 0; i < 2; i++)
    sd_planned_hire_init (&two_in_march[i], &settings, sd_month_make (2026, 3));
  for (guint i = 0; i < 3; i++)
    sd_planned_hire_init (&three_in_february[i], &settings, sd_month_make (2026, 2));

  a = sd_hiring_evaluate (params, two_in_march, 2, &error);
  g_assert_no_error (error);
  b = sd_hiring_evaluate (params, three_in_february, 3, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sd_hiring_result_get_hires_cost (a), ==, 2 * RUB (1110000));
  g_assert_cmpint (sd_hiring_result_get_hires_revenue (a), ==, 2 * RUB (4740000));
  g_assert_cmpint (sd_hiring_result_get_hires_cost (b), ==, 3 * RUB (1214000));
  g_assert_cmpint (sd_hiring_result_get_hires_revenue (b), ==, 3 * RUB (5340000));
  assert_month_is (sd_hiring_result_get_payback (a, 1), 2026, 5);
  assert_month_is (sd_hiring_result_get_payback (b, 2), 2026, 4);
  /* The department: the manager's 12 × 104 000 ₽ plus the hires. */
  g_assert_cmpint (sd_hiring_result_get_total_cost (a), ==, RUB (12 * 104000 + 2 * 1110000));
  g_assert_cmpint (sd_hiring_result_get_total_cost (b), ==, RUB (12 * 104000 + 3 * 1214000));
  /* June: 600 000 + 2 × 600 000 = 1 800 000 ₽ against a 2 000 000 ₽ plan; three February
   * hires reach 2 400 000 ₽. */
  g_assert_cmpint (sd_hiring_result_get_month (a, 5)->shortfall, ==, RUB (200000));
  g_assert_cmpint (sd_hiring_result_get_month (b, 5)->shortfall, ==, 0);
  g_assert_false (sd_hiring_result_covers_plan (a));
}

/* A proposed hire marked "hired" and added to the staff with its start as the hire date
 * sells the same, month by month: marking it hired does not change the capacity. Only the
 * one-off costs, a planned hire's, leave the figures (the staff member has none). */
static void
test_hired_becomes_staff (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringParams) after = NULL;
  g_autoptr(SdHiringResult) proposal = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree SdPlannedHire *hires = NULL;
  guint n;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  settings.attrition_bp = 2400;
  settings.monthly_pay = RUB (80000);
  settings.hiring_cost = RUB (50000);
  params = new_params (&settings, 1, 12, RUB (1500000));
  sd_hiring_params_add_manager (params, 1, NULL, NULL);
  sd_hiring_params_add_manager (params, 2, NULL, NULL);

  proposal = sd_hiring_propose (params, &error);
  g_assert_no_error (error);
  n = sd_hiring_result_get_n_hires (proposal);
  g_assert_cmpuint (n, >=, 2);
  hires = g_new (SdPlannedHire, n);
  for (guint h = 0; h < n; h++)
    hires[h] = *sd_hiring_result_get_hire (proposal, h);

  /* The first one is hired: it becomes staff member 3. */
  after = sd_hiring_params_copy (params);
  sd_hiring_params_add_manager (after, 3, &hires[0].start, NULL);
  hires[0].state = SD_HIRE_HIRED;
  hires[0].manager_id = 3;
  result = sd_hiring_evaluate (after, hires, n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_result_get_n_counted (result), ==, n - 1);

  for (guint k = 0; k < 12; k++)
    {
      const SdHiringMonth *before_row = sd_hiring_result_get_month (proposal, k);
      const SdHiringMonth *row = sd_hiring_result_get_month (result, k);
      SdMonth start = sd_month_from_date (&hires[0].start);

      g_assert_cmpint (row->revenue, ==, before_row->revenue);
      g_assert_cmpint (row->shortfall, ==, before_row->shortfall);
      g_assert_cmpint (row->total_cost + (row->month == start ? RUB (50000) : 0), ==,
                       before_row->total_cost);
    }
  /* January to March cannot be covered (6 weeks to hire); the rest still is. */
  {
    guint n_before = 0, n_after = 0;

    sd_hiring_result_get_uncovered (proposal, &n_before);
    sd_hiring_result_get_uncovered (result, &n_after);
    g_assert_cmpuint (n_before, ==, 3);
    g_assert_cmpuint (n_after, ==, 3);
  }
}

/* A manager's own pay replaces the settings' monthly pay: 100 000 ₽ + 30 % and 80 000 ₽
 * + 30 % make 234 000 ₽; back to the settings', 2 × 104 000 = 208 000 ₽. */
static void
test_manager_own_pay (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  settings.monthly_pay = RUB (80000);
  params = new_params (&settings, 1, 1, 0);
  index = sd_hiring_params_add_manager (params, 1, NULL, NULL);
  sd_hiring_params_add_manager (params, 2, NULL, NULL);
  sd_hiring_params_set_manager_pay (params, index, RUB (100000));

  result = sd_hiring_evaluate (params, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_hiring_result_get_month (result, 0)->team_pay, ==, RUB (234000));
  g_clear_pointer (&result, sd_hiring_result_free);

  sd_hiring_params_set_manager_pay (params, index, -1);
  result = sd_hiring_evaluate (params, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_hiring_result_get_month (result, 0)->team_pay, ==, RUB (208000));
}

/* ------------------------------------------------------------------------------------------
 * Pay from a function (a motivation scheme)
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  guint   calls;
  guint   destroyed;
  gboolean fail;
  gint64  last_tenure;
  guint   last_hire_index;
  gint64  last_manager_id;
} PayData;

/* Salary 50 000 ₽ for the days worked + 10 % of revenue. */
static gboolean
commission_pay (const SdHiringPayQuery  *query,
                SdMoney                 *pay,
                gpointer                 user_data,
                GError                 **error)
{
  PayData *data = user_data;

  data->calls++;
  data->last_tenure = query->tenure_month;
  data->last_hire_index = query->hire_index;
  data->last_manager_id = query->manager_id;
  if (data->fail)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "the scheme is broken");
      return FALSE;
    }
  *pay = RUB (50000) * query->days_worked / query->days_in_month + query->revenue / 10;
  return TRUE;
}

static void
pay_data_destroyed (gpointer user_data)
{
  ((PayData *) user_data)->destroyed++;
}

/* One ramped manager, capacity 600 000 ₽, attrition 12 %: January pay 50 000 + 60 000 =
 * 110 000 ₽, + 30 % = 143 000 ₽. February: the scheme sees the revenue if the manager stays
 * (600 000 ₽) and pays 110 000 ₽; expected 110 000 × 0.99 = 108 900 ₽, + 30 % = 32 670 ₽:
 * 141 570 ₽. */
static void
test_pay_func (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringParams) copy = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PayData data = { 0 };
  SdPlannedHire hire;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (600000);
  settings.attrition_bp = 1200;
  settings.monthly_pay = RUB (1);   /* ignored: the function pays */
  params = new_params (&settings, 1, 2, 0);
  sd_hiring_params_add_manager (params, 42, NULL, NULL);
  sd_hiring_params_set_pay_func (params, commission_pay, &data, pay_data_destroyed);

  result = sd_hiring_evaluate (params, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_hiring_result_get_month (result, 0)->team_pay, ==, RUB (143000));
  g_assert_cmpint (sd_hiring_result_get_month (result, 1)->team_pay, ==, RUB (141570));
  g_assert_cmpuint (data.calls, ==, 2);
  g_assert_cmpint (data.last_manager_id, ==, 42);
  g_assert_cmpuint (data.last_hire_index, ==, G_MAXUINT);
  g_assert_cmpint (data.last_tenure, ==, 0);

  /* A planned hire in February: tenure month 1, its index, no manager id; revenue 0 → pay
   * 50 000 ₽ + 30 %, no attrition. */
  g_clear_pointer (&result, sd_hiring_result_free);
  sd_planned_hire_init (&hire, &settings, sd_month_make (2026, 2));
  result = sd_hiring_evaluate (params, &hire, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (data.last_tenure, ==, 1);
  g_assert_cmpuint (data.last_hire_index, ==, 0);
  g_assert_cmpint (data.last_manager_id, ==, 0);
  g_assert_cmpint (sd_hiring_result_get_hire_month (result, 0, 1)->cost, ==, RUB (65000));

  /* The scheme's error stops the computation and reaches the caller. */
  data.fail = TRUE;
  g_clear_pointer (&result, sd_hiring_result_free);
  result = sd_hiring_evaluate (params, NULL, 0, &error);
  g_assert_null (result);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);

  /* Copies share the function; user data is released once, with the last of them. */
  copy = sd_hiring_params_copy (params);
  g_clear_pointer (&params, sd_hiring_params_free);
  g_assert_cmpuint (data.destroyed, ==, 0);
  g_clear_pointer (&copy, sd_hiring_params_free);
  g_assert_cmpuint (data.destroyed, ==, 1);
}

/* ------------------------------------------------------------------------------------------
 * Capacity from history
 * ------------------------------------------------------------------------------------------ */

static SdStaffMember *
member_new (gint64  id,
            SdRole  role,
            int     hy,
            int     hm,
            int     hd,
            int     ly,
            int     lm,
            int     ld)
{
  SdStaffMember *member = sd_staff_member_new ();

  member->id = id;
  member->name = g_strdup_printf ("M%" G_GINT64_FORMAT, id);
  member->role = role;
  sd_test_set_dmy (&member->hired, hy, hm, hd);
  if (ly != 0)
    sd_test_set_dmy (&member->left, ly, lm, ld);
  return member;
}

/* The window is January–March 2026. Counted (manager, month) revenues:
 *   1 (hired 10 Jan 2025): Jan 500, Feb 300 + 400 = 700, Mar 900
 *   2 (hired 1 Oct 2025, tenure 4 = January): Jan 600, Feb 751, Mar 800 (Dec 2025 outside)
 *   4 (ramped, left 10 Feb 2026): Jan 650 only (February not worked whole)
 *   5 (hired 1 Dec 2025): Mar 1 000 only (tenure 2 and 3 in Jan and Feb)
 * The head (3) and an unknown id are left out. Sorted: 500 600 650 700 751 800 900 1000;
 * the median is (700 + 751) ÷ 2 = 725.5 → 726. Without manager 2's February: 7 values,
 * median 700. */
static void
test_capacity_from_history (void)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  SdHiringSettings settings;
  SdFact facts[] = {
    { .manager_id = 1, .month = sd_month_make (2026, 1), .revenue = 500 },
    { .manager_id = 1, .month = sd_month_make (2026, 2), .revenue = 300 },
    { .manager_id = 1, .month = sd_month_make (2026, 2), .revenue = 400 },
    { .manager_id = 1, .month = sd_month_make (2026, 3), .revenue = 900 },
    { .manager_id = 2, .month = sd_month_make (2025, 12), .revenue = 9999 },
    { .manager_id = 2, .month = sd_month_make (2026, 1), .revenue = 600 },
    { .manager_id = 2, .month = sd_month_make (2026, 3), .revenue = 800 },
    { .manager_id = 3, .month = sd_month_make (2026, 1), .revenue = 10000 },
    { .manager_id = 4, .month = sd_month_make (2026, 1), .revenue = 650 },
    { .manager_id = 4, .month = sd_month_make (2026, 2), .revenue = 50 },
    { .manager_id = 5, .month = sd_month_make (2026, 1), .revenue = 100 },
    { .manager_id = 5, .month = sd_month_make (2026, 3), .revenue = 1000 },
    { .manager_id = 99, .month = sd_month_make (2026, 2), .revenue = 7 },
    { .manager_id = 2, .month = sd_month_make (2026, 2), .revenue = 751 },
  };
  g_autoptr(GError) error = NULL;
  SdMoney capacity = -1;
  guint n_samples = 0;

  sd_hiring_settings_init (&settings);
  g_ptr_array_add (members, member_new (1, SD_ROLE_MANAGER, 2025, 1, 10, 0, 0, 0));
  g_ptr_array_add (members, member_new (2, SD_ROLE_MANAGER, 2025, 10, 1, 0, 0, 0));
  g_ptr_array_add (members, member_new (3, SD_ROLE_HEAD, 2020, 1, 1, 0, 0, 0));
  g_ptr_array_add (members, member_new (4, SD_ROLE_MANAGER, 2020, 1, 1, 2026, 2, 10));
  g_ptr_array_add (members, member_new (5, SD_ROLE_MANAGER, 2025, 12, 1, 0, 0, 0));

  g_assert_true (sd_hiring_capacity_from_history (&settings,
                                                  (const SdStaffMember *const *) members->pdata,
                                                  members->len, facts, G_N_ELEMENTS (facts),
                                                  sd_month_make (2026, 3), 3,
                                                  &capacity, &n_samples, &error));
  g_assert_no_error (error);
  g_assert_cmpint (capacity, ==, 726);
  g_assert_cmpuint (n_samples, ==, 8);

  g_assert_true (sd_hiring_capacity_from_history (&settings,
                                                  (const SdStaffMember *const *) members->pdata,
                                                  members->len, facts,
                                                  G_N_ELEMENTS (facts) - 1,
                                                  sd_month_make (2026, 3), 3,
                                                  &capacity, &n_samples, &error));
  g_assert_cmpint (capacity, ==, 700);
  g_assert_cmpuint (n_samples, ==, 7);

  /* A window with nobody fully ramped: a reason, not a zero. */
  g_assert_false (sd_hiring_capacity_from_history (&settings,
                                                   (const SdStaffMember *const *) members->pdata,
                                                   members->len, facts, G_N_ELEMENTS (facts),
                                                   sd_month_make (2024, 12), 6,
                                                   &capacity, NULL, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_NO_HISTORY);
}

/* ------------------------------------------------------------------------------------------
 * Bad parameters
 * ------------------------------------------------------------------------------------------ */

typedef void (*Spoil) (SdHiringSettings *settings);

static void spoil_capacity (SdHiringSettings *s) { s->capacity = -1; }
static void spoil_ramp_above (SdHiringSettings *s) { s->ramp_up[2] = 160; }
static void spoil_ramp_below (SdHiringSettings *s) { s->ramp_up[0] = -5; }
static void spoil_ramp_down (SdHiringSettings *s) { s->ramp_up[1] = 70; }
static void spoil_ramp_end (SdHiringSettings *s) { s->ramp_up[3] = 90; }
static void spoil_ramp_long (SdHiringSettings *s) { int r[30] = { 0 }; r[29] = 100;
                                                    sd_hiring_settings_set_ramp_up (s, r, 30); }
static void spoil_weeks_long (SdHiringSettings *s) { s->time_to_hire_weeks = 53; }
static void spoil_weeks_negative (SdHiringSettings *s) { s->time_to_hire_weeks = -1; }
static void spoil_attrition_negative (SdHiringSettings *s) { s->attrition_bp = -1; }
static void spoil_attrition_high (SdHiringSettings *s) { s->attrition_bp = 10001; }
static void spoil_pay (SdHiringSettings *s) { s->monthly_pay = -100; }
static void spoil_hiring_cost (SdHiringSettings *s) { s->hiring_cost = -1; }
static void spoil_onboarding (SdHiringSettings *s) { s->onboarding_cost = -1; }
static void spoil_contributions (SdHiringSettings *s) { s->contributions_bp = 10001; }
static void spoil_contributions_negative (SdHiringSettings *s) { s->contributions_bp = -1; }
static void spoil_margin (SdHiringSettings *s) { s->margin_bp = -1; }

static void
test_rejects_bad_settings (void)
{
  static const struct {
    Spoil         spoil;
    SdHiringError code;
    const char   *in_message;   /* a number the message must name, or NULL */
  } cases[] = {
    { spoil_capacity, SD_HIRING_ERROR_CAPACITY, NULL },
    { spoil_ramp_above, SD_HIRING_ERROR_RAMP_UP, "160" },
    { spoil_ramp_below, SD_HIRING_ERROR_RAMP_UP, "-5" },
    { spoil_ramp_down, SD_HIRING_ERROR_RAMP_UP, "70" },
    { spoil_ramp_end, SD_HIRING_ERROR_RAMP_UP, "90" },
    { spoil_ramp_long, SD_HIRING_ERROR_RAMP_UP, "30" },
    { spoil_weeks_long, SD_HIRING_ERROR_TIME_TO_HIRE, "53" },
    { spoil_weeks_negative, SD_HIRING_ERROR_TIME_TO_HIRE, NULL },
    { spoil_attrition_negative, SD_HIRING_ERROR_ATTRITION, NULL },
    { spoil_attrition_high, SD_HIRING_ERROR_ATTRITION, "100" },
    { spoil_pay, SD_HIRING_ERROR_COST, NULL },
    { spoil_hiring_cost, SD_HIRING_ERROR_COST, NULL },
    { spoil_onboarding, SD_HIRING_ERROR_COST, NULL },
    { spoil_contributions, SD_HIRING_ERROR_COST, NULL },
    { spoil_contributions_negative, SD_HIRING_ERROR_COST, NULL },
    { spoil_margin, SD_HIRING_ERROR_COST, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SdHiringSettings settings;
      g_autoptr(SdHiringParams) params = NULL;
      g_autoptr(SdHiringResult) result = NULL;
      g_autoptr(GError) error = NULL;

      sd_hiring_settings_init (&settings);
      settings.capacity = RUB (100000);
      cases[i].spoil (&settings);
      g_assert_false (sd_hiring_settings_validate (&settings, &error));
      g_assert_error (error, SD_HIRING_ERROR, (int) cases[i].code);
      g_assert_cmpuint (strlen (error->message), >, 20);
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_clear_error (&error);

      /* The computations refuse the same way, with nothing to free. */
      params = new_params (&settings, 1, 12, RUB (1000));
      result = sd_hiring_propose (params, &error);
      g_assert_null (result);
      g_assert_error (error, SD_HIRING_ERROR, (int) cases[i].code);
      g_clear_error (&error);
      result = sd_hiring_evaluate (params, NULL, 0, &error);
      g_assert_null (result);
      g_assert_error (error, SD_HIRING_ERROR, (int) cases[i].code);
    }
}

static void
test_rejects_bad_plan_and_schedule (void)
{
  SdHiringSettings settings;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree SdMoney *long_plan = g_new0 (SdMoney, SD_HIRING_MAX_MONTHS + 1);
  SdMoney bad_plan[3] = { 0, -1, 0 };
  SdPlannedHire hires[2];
  GDate hired, left;

  sd_hiring_settings_init (&settings);
  settings.capacity = RUB (100000);
  params = sd_hiring_params_new (&settings);

  /* No plan. */
  g_assert_false (sd_hiring_params_validate (params, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN);
  g_clear_error (&error);

  /* A negative month. */
  sd_hiring_params_set_plan (params, sd_month_make (2026, 1), bad_plan, 3);
  g_assert_false (sd_hiring_params_validate (params, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN);
  g_clear_error (&error);

  /* Too many months. */
  sd_hiring_params_set_plan (params, sd_month_make (2026, 1), long_plan, SD_HIRING_MAX_MONTHS + 1);
  g_assert_false (sd_hiring_params_validate (params, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN);
  g_clear_error (&error);

  /* A manager leaving before being hired. */
  sd_hiring_params_set_plan (params, sd_month_make (2026, 1), long_plan, 12);
  sd_test_set_dmy (&hired, 2026, 5, 1);
  sd_test_set_dmy (&left, 2026, 4, 1);
  sd_hiring_params_add_manager (params, 1, &hired, &left);
  g_assert_false (sd_hiring_params_validate (params, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE);
  g_clear_error (&error);
  g_clear_pointer (&params, sd_hiring_params_free);
  params = new_params (&settings, 1, 12, 0);

  /* A hire starting before its search; a hire with no start date. A rejected one may. */
  sd_planned_hire_init (&hires[0], &settings, sd_month_make (2026, 3));
  sd_planned_hire_init (&hires[1], &settings, sd_month_make (2026, 5));
  sd_test_set_dmy (&hires[1].search_start, 2026, 6, 1);
  g_assert_null (sd_hiring_evaluate (params, hires, 2, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  g_date_clear (&hires[1].start, 1);
  g_assert_null (sd_hiring_evaluate (params, hires, 2, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE);
  g_clear_error (&error);

  hires[1].state = SD_HIRE_REJECTED;
  {
    g_autoptr(SdHiringResult) result = sd_hiring_evaluate (params, hires, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sd_hiring_result_get_n_counted (result), ==, 1);
  }

  /* A capacity of one kopeck against a huge plan would need millions of hires. */
  {
    SdMoney huge[1] = { RUB (1000000000) };
    g_autoptr(SdHiringResult) result = NULL;

    settings.capacity = 1;
    settings.time_to_hire_weeks = 0;
    sd_hiring_settings_set_ramp_up (&settings, NULL, 0);
    sd_hiring_params_set_settings (params, &settings);
    sd_hiring_params_set_plan (params, sd_month_make (2026, 1), huge, 1);
    result = sd_hiring_propose (params, &error);
    g_assert_null (result);
    g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_TOO_MANY_HIRES);
  }
}

/* The twelve month targets of a decomposed plan become the hiring plan's months. */
static void
test_plan_from_plan (void)
{
  g_autoptr(SdPlanParams) plan_params = sd_plan_params_new (2026, sd_calendar_get_default ());
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SdHiringSettings settings;
  static const gint64 weights[12] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  SdMoney sum = 0;

  sd_plan_params_set_target (plan_params, RUB (1200000));
  sd_plan_params_set_month_weights (plan_params, weights);
  sd_plan_params_set_adjust_for_working_days (plan_params, FALSE);
  plan = sd_plan_compute (plan_params, &error);
  g_assert_no_error (error);

  sd_hiring_settings_init (&settings);
  params = sd_hiring_params_new (&settings);
  sd_hiring_params_set_plan_from_plan (params, plan);
  g_assert_cmpuint (sd_hiring_params_get_n_months (params), ==, 12);
  assert_month_is (sd_hiring_params_get_first_month (params), 2026, 1);
  result = sd_hiring_evaluate (params, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 12; k++)
    {
      g_assert_cmpint (sd_hiring_result_get_month (result, k)->plan, ==, RUB (100000));
      sum += sd_hiring_result_get_month (result, k)->plan;
    }
  g_assert_cmpint (sum, ==, RUB (1200000));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hiring/settings/defaults-and-ramp-up", test_settings_defaults);
  g_test_add_func ("/hiring/hire/state-strings-round-trip", test_state_strings);
  g_test_add_func ("/hiring/hire/earliest-start-and-search-date", test_earliest_start);
  g_test_add_func ("/hiring/capacity/ramp-up-attrition-and-leaving", test_capacity_ramp_up_and_attrition);
  g_test_add_func ("/hiring/capacity/median-from-history", test_capacity_from_history);
  g_test_add_func ("/hiring/propose/fewest-then-latest-hand-example", test_propose_hand_example);
  g_test_add_func ("/hiring/propose/optimal-by-brute-force", test_propose_brute_force);
  g_test_add_func ("/hiring/propose/unreachable-months-named", test_propose_unreachable);
  g_test_add_func ("/hiring/propose/zero-capacity-covers-nothing", test_propose_zero_capacity);
  g_test_add_func ("/hiring/propose/team-enough-no-hires", test_propose_nothing_needed);
  g_test_add_func ("/hiring/money/payback-known-hire", test_money_payback);
  g_test_add_func ("/hiring/money/exact-kopecks-half-away", test_money_exact_kopecks);
  g_test_add_func ("/hiring/money/compare-two-schedules", test_compare_two_schedules);
  g_test_add_func ("/hiring/hire/hired-becomes-staff-same-capacity", test_hired_becomes_staff);
  g_test_add_func ("/hiring/money/manager-own-pay", test_manager_own_pay);
  g_test_add_func ("/hiring/money/pay-from-a-function", test_pay_func);
  g_test_add_func ("/hiring/params/rejects-bad-settings", test_rejects_bad_settings);
  g_test_add_func ("/hiring/params/rejects-bad-plan-and-schedule",
                   test_rejects_bad_plan_and_schedule);
  g_test_add_func ("/hiring/params/plan-from-decomposed-plan", test_plan_from_plan);

  return g_test_run ();
}
