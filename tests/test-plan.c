/* test-plan.c — the sales plan: decomposition, hand edits, funnel, plan versus fact
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected figures were worked out independently (exact fractions, the rules of
 * docs/plan.md) and are written here to the kopeck.
 */
#define G_LOG_DOMAIN "test-plan"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-plan.h"
#include "sd-test-util.h"

typedef __int128 i128;

/* Working days of 2026 (production calendar), January first; 247 in all. */
static const guint wd_2026[12] = { 15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22 };

static const gint64 equal_weights[12] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

/* Params for 2026 with a typed target and custom weights, not adjusted for working days. */
static SdPlanParams *
new_params (SdMoney       target,
            const gint64  weights[12])
{
  SdPlanParams *params = sd_plan_params_new (2026, sd_calendar_get_default ());

  sd_plan_params_set_target (params, target);
  sd_plan_params_set_month_weights (params, weights != NULL ? weights : equal_weights);
  sd_plan_params_set_adjust_for_working_days (params, FALSE);

  return params;
}

/* The kopecks left after rounding down went to the largest remainders, ties to lower ids:
 * every cell rounded up beats every cell rounded down. */
static void
assert_largest_remainders (const SdPlan *plan,
                           int           m,
                           i128          avail_sum)
{
  guint n = sd_plan_get_n_managers (plan);
  SdMoney target = sd_plan_get_month_target (plan, m);
  g_autofree i128 *rem = g_new0 (i128, n + 1);
  g_autofree gboolean *up = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      i128 p = (i128) target * sd_plan_get_availability (plan, m, i);

      rem[i] = p % avail_sum;
      up[i] = (i128) sd_plan_get_cell (plan, m, i) != p / avail_sum;
    }

  for (guint i = 0; i < n; i++)
    {
      if (!up[i])
        continue;
      for (guint j = 0; j < n; j++)
        {
          if (up[j] || sd_plan_get_availability (plan, m, j) == 0)
            continue;
          g_assert_true (rem[i] > rem[j]
                         || (rem[i] == rem[j]
                             && sd_plan_get_manager_id (plan, i) < sd_plan_get_manager_id (plan, j)));
        }
    }
}

/* Checks what must hold for every plan without hand edits: the months add up to the target,
 * each month's cells plus the unassigned part add up to the month, every figure is ≥ 0, and
 * each cell is its exact share rounded down or up (the largest-remainder property). */
static void
assert_plan_consistent (const SdPlan *plan)
{
  guint n = sd_plan_get_n_managers (plan);
  i128 year = 0;

  for (int m = 1; m <= 12; m++)
    {
      SdMoney target = sd_plan_get_month_target (plan, m);
      i128 sum = sd_plan_get_unassigned (plan, m);
      i128 avail_sum = 0;

      g_assert_cmpint (target, >=, 0);
      year += target;

      for (guint i = 0; i < n; i++)
        avail_sum += sd_plan_get_availability (plan, m, i);

      if (avail_sum == 0)
        g_assert_cmpint (sd_plan_get_unassigned (plan, m), ==, target);
      else
        g_assert_cmpint (sd_plan_get_unassigned (plan, m), ==, 0);
      g_assert_true (sd_plan_month_is_unassigned (plan, m) == (avail_sum == 0 && target > 0));

      for (guint i = 0; i < n; i++)
        {
          SdMoney cell = sd_plan_get_cell (plan, m, i);

          g_assert_cmpint (cell, >=, 0);
          sum += cell;
          if (avail_sum > 0)
            {
              /* |cell − target × a ÷ A| < 1  ⇔  |cell × A − target × a| < A */
              i128 diff = (i128) cell * avail_sum
                          - (i128) target * sd_plan_get_availability (plan, m, i);

              g_assert_true (diff < avail_sum && -diff < avail_sum);
            }
        }

      g_assert_true (sum == target);
      g_assert_cmpint (sd_plan_rest (plan, m), ==, 0);
      if (avail_sum > 0)
        assert_largest_remainders (plan, m, avail_sum);
    }

  g_assert_true (year == sd_plan_get_target (plan));
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, 0);
}

/* ---------------------------------------------------------------------------------------- */

static void
test_one_kopeck (void)
{
  static const gint64 ids[] = { 70, 30, 50, 10, 60, 20, 40 };
  g_autoptr(SdPlanParams) params = new_params (1, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    g_assert_cmpuint (sd_plan_params_add_manager (params, ids[k], NULL, NULL, NULL), ==, k);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  /* Twelve equal months tie: the earliest takes the kopeck; seven equal managers tie: the
   * lowest id (10, added fourth) takes it. */
  g_assert_cmpint (sd_plan_get_month_target (plan, 1), ==, 1);
  for (int m = 2; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (sd_plan_get_cell (plan, 1, i), ==, ids[i] == 10 ? 1 : 0);
}

static void
test_largest_target_primes (void)
{
  static const gint64 primes[12] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
  static const gint64 ids[7] = { 70, 30, 50, 10, 60, 20, 40 };
  static const int weights[7] = { 101, 103, 107, 109, 113, 127, 131 };
  static const SdMoney months[12] = {
    1015228426, 1522842640, 2538071066, 3553299492, 5583756345, 6598984772,
    8629441624, 9644670051, 11675126903, 14720812183, 15736040609, 18781725888,
  };
  static const SdMoney january[7] = {
    129630937, 132197886, 137331785, 139898734, 145032632, 163001277, 168135175,
  };
  static const SdMoney december[7] = {
    2398172332, 2445660893, 2540638015, 2588126576, 2683103698, 3015523626, 3110500748,
  };
  /* 999 999 999,99 ₽ */
  g_autoptr(SdPlanParams) params = new_params (G_GINT64_CONSTANT (99999999999), primes);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < 7; k++)
    {
      guint i = sd_plan_params_add_manager (params, ids[k], NULL, NULL, NULL);

      sd_plan_params_set_personal_weight (params, i, weights[k]);
    }

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  g_assert_cmpint (sd_plan_get_target (plan), ==, G_GINT64_CONSTANT (99999999999));
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, months[m - 1]);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpint (sd_plan_get_cell (plan, 1, i), ==, january[i]);
      g_assert_cmpint (sd_plan_get_cell (plan, 12, i), ==, december[i]);
    }
}

static void
test_working_days_adjust (void)
{
  static const SdMoney months[12] = {
    60728745, 76923077, 85020243, 89068826, 76923077, 85020243,
    93117408, 85020243, 89068826, 89068826, 80971660, 89068826,
  };
  g_autoptr(SdPlanParams) params = new_params (1000000000, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* Equal seasonality × working days: the months follow the calendar (15 … 23 days). */
  sd_plan_params_set_adjust_for_working_days (params, TRUE);
  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, months[m - 1]);

  /* Without the adjustment equal weights mean equal months (1 000 000 000 = 12 × 83 333 333
   * + 4: January to April take the four kopecks left). */
  sd_plan_params_set_adjust_for_working_days (params, FALSE);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_no_error (error);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, m <= 4 ? 83333334 : 83333333);
}

/* Three managers in 2026, months weighted by working days, target 1 234 567 890,12 ₽. */
static SdPlanParams *
new_hire_leave_params (void)
{
  SdPlanParams *params = new_params (G_GINT64_CONSTANT (123456789012), NULL);
  GDate long_ago, hired, old_hire, left;

  sd_plan_params_set_adjust_for_working_days (params, TRUE);
  sd_test_set_dmy (&long_ago, 2020, 1, 1);
  sd_test_set_dmy (&hired, 2026, 3, 16);
  sd_test_set_dmy (&old_hire, 2019, 1, 1);
  sd_test_set_dmy (&left, 2026, 5, 15);
  sd_plan_params_add_manager (params, 1, "Anna", &long_ago, NULL);
  sd_plan_params_add_manager (params, 2, "Boris", &hired, NULL);
  sd_plan_params_add_manager (params, 3, "Vera", &old_hire, &left);

  return params;
}

static void
test_mid_month_hire_and_leave (void)
{
  g_autoptr(SdPlanParams) params = new_hire_leave_params ();
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* No ramp-up here, to see the days alone. */
  sd_plan_params_set_ramp_up (params, NULL, 0);

  /* Hired on Monday 16 March: 12 of the 21 working days; left on Friday 15 May: 9 of 19. */
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 0, 3), ==, 21);
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 1, 2), ==, 0);
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 1, 3), ==, 12);
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 2, 5), ==, 9);
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 2, 6), ==, 0);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  g_assert_cmpint (sd_plan_get_month_target (plan, 3), ==, G_GINT64_CONSTANT (10496326191));
  g_assert_cmpint (sd_plan_get_cell (plan, 2, 1), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 0), ==, G_GINT64_CONSTANT (4081904630));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, G_GINT64_CONSTANT (2332516931));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, G_GINT64_CONSTANT (4081904630));
  g_assert_cmpint (sd_plan_get_cell (plan, 5, 0), ==, G_GINT64_CONSTANT (3839081819));
  g_assert_cmpint (sd_plan_get_cell (plan, 5, 1), ==, G_GINT64_CONSTANT (3839081819));
  g_assert_cmpint (sd_plan_get_cell (plan, 5, 2), ==, G_GINT64_CONSTANT (1818512440));
  /* June: two equal managers; the odd kopeck goes to the lower id. */
  g_assert_cmpint (sd_plan_get_cell (plan, 6, 0), ==, G_GINT64_CONSTANT (5248163096));
  g_assert_cmpint (sd_plan_get_cell (plan, 6, 1), ==, G_GINT64_CONSTANT (5248163095));
  g_assert_cmpint (sd_plan_get_cell (plan, 6, 2), ==, 0);
  g_assert_cmpuint (sd_plan_get_available_days (plan, 5, 2), ==, 9);
}

static void
test_ramp_up (void)
{
  static const int ramp_in_month[12] = { 0, 0, 0, 30, 60, 100, 100, 100, 100, 100, 100, 100 };
  static const int short_curve[] = { 50, 100 };
  g_autoptr(SdPlanParams) params = new_hire_leave_params ();
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* The default curve 0 / 30 / 60 / 100 %, counted from the hire month (March). */
  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  for (int m = 1; m <= 12; m++)
    {
      g_assert_cmpint (sd_plan_get_ramp_up_percent (plan, m, 1), ==, ramp_in_month[m - 1]);
      g_assert_cmpint (sd_plan_get_ramp_up_percent (plan, m, 0), ==, 100);
    }

  /* March: 0 % of 12 days is nothing, so the two others split the month. */
  g_assert_cmpuint (sd_plan_get_availability (plan, 3, 1), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 0), ==, G_GINT64_CONSTANT (5248163096));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, G_GINT64_CONSTANT (5248163095));
  /* April 30 % × 22 days; May 60 % × 19 days against Vera's 9 days. */
  g_assert_cmpuint (sd_plan_get_availability (plan, 4, 1), ==, 100 * 30 * 22);
  g_assert_cmpint (sd_plan_get_cell (plan, 4, 0), ==, G_GINT64_CONSTANT (4780935325));
  g_assert_cmpint (sd_plan_get_cell (plan, 4, 1), ==, G_GINT64_CONSTANT (1434280598));
  g_assert_cmpint (sd_plan_get_cell (plan, 4, 2), ==, G_GINT64_CONSTANT (4780935325));
  g_assert_cmpint (sd_plan_get_cell (plan, 5, 0), ==, G_GINT64_CONSTANT (4579615368));
  g_assert_cmpint (sd_plan_get_cell (plan, 5, 1), ==, G_GINT64_CONSTANT (2747769220));
  g_assert_cmpint (sd_plan_get_cell (plan, 5, 2), ==, G_GINT64_CONSTANT (2169291490));
  g_assert_cmpint (sd_plan_get_cell (plan, 6, 1), ==, G_GINT64_CONSTANT (5248163095));

  /* An edited curve: 50 % in the hire month, then full pace. */
  sd_plan_params_set_ramp_up (params, short_curve, G_N_ELEMENTS (short_curve));
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_plan_get_ramp_up_percent (plan, 3, 1), ==, 50);
  g_assert_cmpint (sd_plan_get_ramp_up_percent (plan, 4, 1), ==, 100);
  g_assert_cmpuint (sd_plan_get_availability (plan, 3, 1), ==, 100 * 50 * 12);
  assert_plan_consistent (plan);
}

static void
test_vacation (void)
{
  g_autoptr(SdPlanParams) params = new_params (G_GINT64_CONSTANT (123456789012), NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  sd_plan_params_set_adjust_for_working_days (params, TRUE);
  sd_plan_params_add_manager (params, 1, NULL, NULL, NULL);
  sd_plan_params_add_manager (params, 2, NULL, NULL, NULL);
  sd_plan_params_set_vacation (params, 0, 7, 10);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  /* July has 23 working days: 13 against 23. */
  g_assert_cmpuint (sd_plan_get_available_days (plan, 7, 0), ==, 13);
  g_assert_cmpuint (sd_plan_get_available_days (plan, 7, 1), ==, 23);
  g_assert_cmpint (sd_plan_get_month_target (plan, 7), ==, G_GINT64_CONSTANT (11495976305));
  g_assert_cmpint (sd_plan_get_cell (plan, 7, 0), ==, G_GINT64_CONSTANT (4151324777));
  g_assert_cmpint (sd_plan_get_cell (plan, 7, 1), ==, G_GINT64_CONSTANT (7344651528));

  /* A whole month of vacation leaves nobody but the other manager. */
  sd_plan_params_set_vacation (params, 0, 7, (int) wd_2026[6]);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_plan_get_cell (plan, 7, 0), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 7, 1), ==, G_GINT64_CONSTANT (11495976305));
}

static void
test_zero_weight_months (void)
{
  static const gint64 weights[12] = { 0, 5, 5, 5, 5, 5, 5, 0, 5, 5, 5, 5 };
  g_autoptr(SdPlanParams) params = new_params (1000000001, weights);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  sd_plan_params_add_manager (params, 1, NULL, NULL, NULL);
  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  g_assert_cmpint (sd_plan_get_month_target (plan, 1), ==, 0);
  g_assert_cmpint (sd_plan_get_month_target (plan, 8), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 8, 0), ==, 0);
  g_assert_false (sd_plan_month_is_unassigned (plan, 8));
  /* Ten equal months share 1 000 000 001: February, the first of them, takes the kopeck. */
  g_assert_cmpint (sd_plan_get_month_target (plan, 2), ==, 100000001);
  for (int m = 3; m <= 12; m++)
    if (m != 8)
      g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, 100000000);
}

static void
test_nobody_available (void)
{
  g_autoptr(SdPlanParams) params = new_params (1200000000, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate hired;

  sd_test_set_dmy (&hired, 2026, 4, 1);
  sd_plan_params_add_manager (params, 1, NULL, &hired, NULL);
  sd_plan_params_set_ramp_up (params, NULL, 0);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  /* January to March: nobody works, the department keeps the month. */
  for (int m = 1; m <= 12; m++)
    {
      g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, 100000000);
      g_assert_true (sd_plan_month_is_unassigned (plan, m) == (m <= 3));
      g_assert_cmpint (sd_plan_get_unassigned (plan, m), ==, m <= 3 ? 100000000 : 0);
      g_assert_cmpint (sd_plan_get_cell (plan, m, 0), ==, m <= 3 ? 0 : 100000000);
      g_assert_cmpint (sd_plan_rest (plan, m), ==, 0);
    }
  g_assert_cmpint (sd_plan_get_manager_total (plan, 0), ==, 900000000);

  /* A personal weight of 0 makes the whole year the department's. */
  sd_plan_params_set_personal_weight (params, 0, 0);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  for (int m = 1; m <= 12; m++)
    g_assert_true (sd_plan_month_is_unassigned (plan, m));
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, 0);

  /* No managers at all: the same. */
  sd_plan_params_remove_manager (params, 0);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_cmpuint (sd_plan_get_n_managers (plan), ==, 0);
  g_assert_cmpint (sd_plan_get_unassigned (plan, 5), ==, 100000000);
  assert_plan_consistent (plan);
}

static void
test_tie_breaking (void)
{
  static const gint64 ids[] = { 30, 10, 20 };
  g_autoptr(SdPlanParams) params = new_params (5, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    sd_plan_params_add_manager (params, ids[k], NULL, NULL, NULL);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  /* 5 kopecks over 12 equal months: January to May. */
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, m <= 5 ? 1 : 0);

  /* 2 kopecks over three equal managers: ids 10 and 20, whatever the order added. */
  g_assert_true (sd_plan_set_month_target (plan, 1, 2, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 0), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 1), ==, 1);
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 2), ==, 1);

  /* 5 kopecks over three managers weighted 2 : 1 : 2 (ids 30, 10, 20): quotas 2, 1, 2
   * exactly, no remainder to break. */
  sd_plan_params_set_personal_weight (params, 0, 200);
  sd_plan_params_set_personal_weight (params, 2, 200);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_true (sd_plan_set_month_target (plan, 1, 5, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 0), ==, 2);
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 1), ==, 1);
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 2), ==, 2);
  /* 4 kopecks: quotas 1.6, 0.8, 1.6 → floors 1, 0, 1; the two left go to the remainders
   * 0.8 (id 10) and 0.6 of id 20 over 0.6 of id 30. */
  g_assert_true (sd_plan_set_month_target (plan, 1, 4, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 0), ==, 1);
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 1), ==, 1);
  g_assert_cmpint (sd_plan_get_cell (plan, 1, 2), ==, 2);
}

static void
test_last_year_shape (void)
{
  /* Last year's revenue per month, kopecks (made up, all different). */
  static const SdMoney last_year[12] = {
    8012345, 2024690, 9037035, 3049380, 10061725, 4074070,
    11086415, 5098760, 12111105, 6123450, 13135795, 7148140,
  };
  static const SdMoney adjusted[12] = {
    G_GINT64_CONSTANT (38703390141), G_GINT64_CONSTANT (10530019420),
    G_GINT64_CONSTANT (49473540746), G_GINT64_CONSTANT (16693929556),
    G_GINT64_CONSTANT (58143419296), G_GINT64_CONSTANT (24651378473),
    G_GINT64_CONSTANT (60692937920), G_GINT64_CONSTANT (27913326729),
    G_GINT64_CONSTANT (66302636506), G_GINT64_CONSTANT (32065502476),
    G_GINT64_CONSTANT (75697194835), G_GINT64_CONSTANT (39132723902),
  };
  static const SdMoney unadjusted[12] = {
    G_GINT64_CONSTANT (52687525026), G_GINT64_CONSTANT (11316851594),
    G_GINT64_CONSTANT (48106498584), G_GINT64_CONSTANT (15494798941),
    G_GINT64_CONSTANT (62488056393), G_GINT64_CONSTANT (23970216922),
    G_GINT64_CONSTANT (53884067821), G_GINT64_CONSTANT (27142031730),
    G_GINT64_CONSTANT (61540095668), G_GINT64_CONSTANT (29762226572),
    G_GINT64_CONSTANT (77285823659), G_GINT64_CONSTANT (36321807090),
  };
  /* 2025 working days, to build a year of equal pace. */
  static const guint wd_2025[12] = { 17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22 };
  g_autoptr(SdPlanParams) params = sd_plan_params_new (2026, sd_calendar_get_default ());
  g_autoptr(SdPlanParams) by_days = new_params (1000000000, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdPlan) expected = NULL;
  g_autoptr(GError) error = NULL;

  /* The defaults: last year's shape, adjusted for working days. */
  g_assert_cmpint (sd_plan_params_get_weights_kind (params), ==, SD_PLAN_WEIGHTS_LAST_YEAR);
  sd_plan_params_set_target (params, G_GINT64_CONSTANT (500000000000));
  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_last_year_fact (params, m, last_year[m - 1]);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, adjusted[m - 1]);

  sd_plan_params_set_adjust_for_working_days (params, FALSE);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_no_error (error);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, unadjusted[m - 1]);

  /* The same pace every working day last year: adjusted, this year follows its own
   * working days, exactly as equal weights adjusted for working days do. */
  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_last_year_fact (params, m, (SdMoney) wd_2025[m - 1] * 777777);
  sd_plan_params_set_adjust_for_working_days (params, TRUE);
  sd_plan_params_set_target (params, 1000000000);
  sd_plan_params_set_adjust_for_working_days (by_days, TRUE);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  expected = sd_plan_compute (by_days, &error);
  g_assert_no_error (error);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==,
                     sd_plan_get_month_target (expected, m));
  /* … and unadjusted, twelve equal months. */
  sd_plan_params_set_adjust_for_working_days (params, FALSE);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, m <= 4 ? 83333334 : 83333333);

  /* A month of net returns counts as zero, not as a negative share. */
  sd_plan_params_set_last_year_fact (params, 2, -5000000);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_cmpint (sd_plan_get_month_target (plan, 2), ==, 0);
  assert_plan_consistent (plan);
}

static void
test_last_year_from_facts (void)
{
  const SdFact facts[] = {
    { .manager_id = 1, .month = sd_month_make (2025, 1), .revenue = 100 },
    { .manager_id = 2, .month = sd_month_make (2025, 1), .revenue = 250 },
    { .manager_id = 1, .month = sd_month_make (2025, 12), .revenue = 40 },
    { .manager_id = 1, .month = sd_month_make (2024, 1), .revenue = 99999 },  /* other year */
    { .manager_id = 1, .month = sd_month_make (2026, 1), .revenue = 99999 },  /* this year */
  };
  const SdFact huge[] = {
    { .manager_id = 1, .month = sd_month_make (2025, 3), .revenue = G_MAXINT64 },
    { .manager_id = 2, .month = sd_month_make (2025, 3), .revenue = 1 },
  };
  g_autoptr(SdPlanParams) params = sd_plan_params_new (2026, sd_calendar_get_default ());
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_plan_params_set_last_year_facts (params, facts, G_N_ELEMENTS (facts),
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_plan_params_get_last_year_fact (params, 1), ==, 350);
  g_assert_cmpint (sd_plan_params_get_last_year_fact (params, 2), ==, 0);
  g_assert_cmpint (sd_plan_params_get_last_year_fact (params, 12), ==, 40);

  g_assert_false (sd_plan_params_set_last_year_facts (params, huge, G_N_ELEMENTS (huge),
                                                      &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVERFLOW);
  /* Nothing was replaced. */
  g_assert_cmpint (sd_plan_params_get_last_year_fact (params, 1), ==, 350);
}

static void
test_growth_from_last_year (void)
{
  g_autoptr(SdPlanParams) params = sd_plan_params_new (2026, sd_calendar_get_default ());
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  SdMoney target = -1;

  /* 1 000 000 004 kopecks last year (≡ 4 mod 8, so ± 12.5 % lands on half a kopeck). */
  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_last_year_fact (params, m, 83333333 + (m <= 8 ? 1 : 0));

  sd_plan_params_set_growth (params, 1250);
  g_assert_cmpint (sd_plan_params_get_target_kind (params), ==, SD_PLAN_TARGET_GROWTH);
  g_assert_true (sd_plan_params_compute_target (params, &target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target, ==, 1125000005);          /* 1 125 000 004.5 → away from zero */

  sd_plan_params_set_growth (params, -1250);
  g_assert_true (sd_plan_params_compute_target (params, &target, &error));
  g_assert_cmpint (target, ==, 875000004);           /* 875 000 003.5 → away from zero */

  sd_plan_params_set_growth (params, 0);
  g_assert_true (sd_plan_params_compute_target (params, &target, &error));
  g_assert_cmpint (target, ==, 1000000004);

  sd_plan_params_set_growth (params, -10000);
  g_assert_true (sd_plan_params_compute_target (params, &target, &error));
  g_assert_cmpint (target, ==, 0);

  /* The plan uses it and last year's shape; the months still add up exactly. */
  sd_plan_params_set_growth (params, 1250);
  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_plan_get_target (plan), ==, 1125000005);
  assert_plan_consistent (plan);
}

static void
test_funnel (void)
{
  gint64 deals = -1, leads = -1;

  /* 12 000 000 ₽ a month, average deal 125 000 ₽, conversion 23.4 %: 96 deals exactly, and
   * 96 ÷ 0.234 = 410.26… leads, rounded up to 411 so that the plan is enough. */
  g_assert_true (sd_plan_funnel (1200000000, 12500000, 2340, &deals, &leads));
  g_assert_cmpint (deals, ==, 96);
  g_assert_cmpint (leads, ==, 411);

  /* One kopeck more needs one more deal. */
  g_assert_true (sd_plan_funnel (1200000001, 12500000, 2340, &deals, &leads));
  g_assert_cmpint (deals, ==, 97);
  g_assert_cmpint (leads, ==, 415);   /* 97 ÷ 0.234 = 414.5… */

  /* Exact division needs no rounding: 100 deals at 25 % are 400 leads. */
  g_assert_true (sd_plan_funnel (1000000, 10000, 2500, &deals, &leads));
  g_assert_cmpint (deals, ==, 100);
  g_assert_cmpint (leads, ==, 400);

  g_assert_true (sd_plan_funnel (0, 10000, 2500, &deals, &leads));
  g_assert_cmpint (deals, ==, 0);
  g_assert_cmpint (leads, ==, 0);

  /* Undefined, not a crash. */
  g_assert_false (sd_plan_funnel (1000000, 0, 2500, &deals, &leads));
  g_assert_false (sd_plan_funnel (1000000, 10000, 0, &deals, &leads));
  g_assert_false (sd_plan_funnel (1000000, -1, 2500, &deals, &leads));
  g_assert_false (sd_plan_funnel (1000000, 10000, 10001, &deals, &leads));
  g_assert_false (sd_plan_funnel (G_MAXINT64, 1, 1, &deals, &leads));
}

static void
test_funnel_in_plan (void)
{
  g_autoptr(SdPlanParams) params = new_params (14400000000, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deals = -1, leads = -1;
  const SdPlanEntry *e;

  sd_plan_params_add_manager (params, 5, NULL, NULL, NULL);
  sd_plan_params_add_manager (params, 6, NULL, NULL, NULL);

  /* No figures yet: undefined. */
  plan = sd_plan_compute (params, &error);
  g_assert_false (sd_plan_get_month_funnel (plan, 1, &deals, &leads));
  g_assert_false (sd_plan_get_cell_funnel (plan, 1, 0, &deals, &leads));

  sd_plan_params_set_funnel (params, 12500000, 2340);
  sd_plan_params_set_manager_funnel (params, 1, 60000000, 5000);
  g_assert_true (sd_plan_recompute (plan, params, &error));

  /* 12 000 000 ₽ a month for the department, 6 000 000 ₽ each. */
  g_assert_true (sd_plan_get_month_funnel (plan, 1, &deals, &leads));
  g_assert_cmpint (deals, ==, 96);
  g_assert_cmpint (leads, ==, 411);
  g_assert_true (sd_plan_get_cell_funnel (plan, 1, 0, &deals, &leads));
  g_assert_cmpint (deals, ==, 48);   /* the department's average deal */
  g_assert_cmpint (leads, ==, 206);  /* 48 ÷ 0.234 = 205.1… */
  g_assert_true (sd_plan_get_cell_funnel (plan, 1, 1, &deals, &leads));
  g_assert_cmpint (deals, ==, 10);   /* its own: 600 000 ₽ at 50 % */
  g_assert_cmpint (leads, ==, 20);

  entries = sd_plan_to_entries (plan);
  g_assert_cmpuint (entries->len, ==, 36);
  e = &g_array_index (entries, SdPlanEntry, 0);
  g_assert_cmpint (e->manager_id, ==, 0);
  g_assert_cmpint (e->month, ==, sd_month_make (2026, 1));
  g_assert_cmpint (e->revenue, ==, 1200000000);
  g_assert_cmpint (e->deals, ==, 96);
  g_assert_cmpint (e->leads, ==, 411);
  e = &g_array_index (entries, SdPlanEntry, 35);
  g_assert_cmpint (e->manager_id, ==, 6);
  g_assert_cmpint (e->month, ==, sd_month_make (2026, 12));
  g_assert_cmpint (e->revenue, ==, 600000000);
  g_assert_cmpint (e->deals, ==, 10);
  g_assert_cmpint (e->leads, ==, 20);
}

/* Three equal managers (ids 1, 2, 3), 12 000 000 ₽ = 1 000 000 ₽ a month. */
static SdPlanParams *
new_edit_params (void)
{
  SdPlanParams *params = new_params (1200000000, NULL);

  sd_plan_params_add_manager (params, 1, NULL, NULL, NULL);
  sd_plan_params_add_manager (params, 2, NULL, NULL, NULL);
  sd_plan_params_add_manager (params, 3, NULL, NULL, NULL);

  return params;
}

static void
test_hand_edit_and_rest (void)
{
  g_autoptr(SdPlanParams) params = new_edit_params ();
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  /* 100 000 000 ÷ 3: 33 333 334 to the lowest id, 33 333 333 to the others. */
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 0), ==, 33333334);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 33333333);

  g_assert_true (sd_plan_set_cell (plan, 3, 1, 40000000, &error));
  g_assert_no_error (error);
  g_assert_true (sd_plan_cell_is_edited (plan, 3, 1));
  g_assert_false (sd_plan_cell_is_edited (plan, 3, 0));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 40000000);
  /* The others keep their automatic figures; the month is 6 666 667 over. */
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 0), ==, 33333334);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 33333333);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, -6666667);
  g_assert_cmpint (sd_plan_rest (plan, 4), ==, 0);
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, -6666667);
  g_assert_cmpint (sd_plan_get_manager_total (plan, 1), ==, 11 * 33333333 + 40000000);

  /* A lower edit leaves a positive rest. */
  g_assert_true (sd_plan_set_cell (plan, 4, 2, 0, &error));
  g_assert_cmpint (sd_plan_rest (plan, 4), ==, 33333333);
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, 33333333 - 6666667);

  /* Recomputing (say after another input changed) keeps the edits. */
  sd_plan_params_set_personal_weight (params, 0, 200);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 40000000);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 0), ==, 50000000);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 25000000);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, -15000000);

  g_assert_false (sd_plan_set_cell (plan, 3, 1, -1, &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_NEGATIVE_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 40000000);

  sd_plan_reset_cell (plan, 3, 1);
  g_assert_false (sd_plan_cell_is_edited (plan, 3, 1));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 25000000);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, 0);

  sd_plan_reset_edits (plan, 0);
  assert_plan_consistent (plan);
}

static void
test_respread (void)
{
  g_autoptr(SdPlanParams) params = new_edit_params ();
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = sd_plan_compute (params, &error);
  g_assert_true (sd_plan_set_cell (plan, 3, 1, 40000000, &error));
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, -6666667);

  /* The two others share 100 000 000 − 40 000 000 = 60 000 000. */
  g_assert_true (sd_plan_respread (plan, 3, &error));
  g_assert_no_error (error);
  g_assert_true (sd_plan_is_balanced (plan, 3));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 0), ==, 30000000);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 40000000);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 30000000);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, 0);
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, 0);

  /* A balanced month stays balanced through edits and recomputes … */
  g_assert_true (sd_plan_set_cell (plan, 3, 0, 10000001, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 49999999);
  sd_plan_params_set_vacation (params, 2, 3, 11);   /* 10 of March's 21 days left */
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 49999999);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, 0);

  /* … and when the one left to take the rest cannot (vacation all month), the department
   * keeps it. */
  sd_plan_params_set_vacation (params, 2, 3, 21);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 0);
  g_assert_cmpint (sd_plan_get_unassigned (plan, 3), ==, 49999999);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, 0);

  /* Edits above the month's target: refused, nothing changes. */
  g_assert_true (sd_plan_set_cell (plan, 4, 0, 70000000, &error));
  g_assert_true (sd_plan_set_cell (plan, 4, 1, 70000000, &error));
  g_assert_false (sd_plan_respread (plan, 4, &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVER_TARGET);
  g_clear_error (&error);
  g_assert_false (sd_plan_is_balanced (plan, 4));
  g_assert_cmpint (sd_plan_get_cell (plan, 4, 2), ==, 33333333);
  g_assert_cmpint (sd_plan_rest (plan, 4), ==, -73333333);

  sd_plan_reset_edits (plan, 3);
  g_assert_false (sd_plan_is_balanced (plan, 3));
  g_assert_false (sd_plan_cell_is_edited (plan, 3, 1));
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, 0);
  g_assert_true (sd_plan_cell_is_edited (plan, 4, 0));
}

static void
test_month_target_edit_and_year_respread (void)
{
  g_autoptr(SdPlanParams) params = new_edit_params ();
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = sd_plan_compute (params, &error);

  /* December doubled by hand: its cells follow, the year is 100 000 000 over. */
  g_assert_true (sd_plan_set_month_target (plan, 12, 200000000, &error));
  g_assert_true (sd_plan_month_target_is_edited (plan, 12));
  g_assert_cmpint (sd_plan_get_month_target (plan, 12), ==, 200000000);
  g_assert_cmpint (sd_plan_get_cell (plan, 12, 0), ==, 66666667);
  g_assert_cmpint (sd_plan_get_cell (plan, 12, 2), ==, 66666666);
  g_assert_cmpint (sd_plan_rest (plan, 12), ==, 0);
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, -100000000);

  /* The other eleven months share 1 000 000 000: 90 909 090,9 each, the first ten take
   * the kopecks left. */
  g_assert_true (sd_plan_respread (plan, 0, &error));
  g_assert_no_error (error);
  g_assert_true (sd_plan_is_balanced (plan, 0));
  for (int m = 1; m <= 11; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, m <= 10 ? 90909091 : 90909090);
  g_assert_cmpint (sd_plan_get_month_target (plan, 12), ==, 200000000);
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, 0);

  /* In a balanced year, another month edit moves the others at once. */
  g_assert_true (sd_plan_set_month_target (plan, 1, 0, &error));
  g_assert_cmpint (sd_plan_get_month_target (plan, 2), ==, 100000000);
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, 0);

  g_assert_false (sd_plan_set_month_target (plan, 1, -5, &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_NEGATIVE_VALUE);
  g_clear_error (&error);

  /* Months above the year: refused. */
  g_assert_true (sd_plan_set_month_target (plan, 2, 1200000000, &error));
  g_assert_cmpint (sd_plan_rest (plan, 0), ==, -200000000);
  sd_plan_reset_edits (plan, 0);
  g_assert_true (sd_plan_set_month_target (plan, 2, 1200000000, &error));
  g_assert_true (sd_plan_set_month_target (plan, 3, 1, &error));
  g_assert_false (sd_plan_respread (plan, 0, &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVER_TARGET);
  g_clear_error (&error);
  g_assert_false (sd_plan_is_balanced (plan, 0));

  sd_plan_reset_month_target (plan, 2);
  sd_plan_reset_month_target (plan, 3);
  g_assert_false (sd_plan_month_target_is_edited (plan, 2));
  assert_plan_consistent (plan);
}

static void
test_recompute_keeps_edits_by_id (void)
{
  g_autoptr(SdPlanParams) params = new_edit_params ();
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint index = 0;

  plan = sd_plan_compute (params, &error);
  g_assert_true (sd_plan_set_cell (plan, 2, 2, 1000, &error));     /* id 3 */
  g_assert_true (sd_plan_set_cell (plan, 2, 0, 2000, &error));     /* id 1 */
  copy = sd_plan_copy (plan);

  /* Id 1 leaves the params; id 9 joins. */
  sd_plan_params_remove_manager (params, 0);
  sd_plan_params_add_manager (params, 9, NULL, NULL, NULL);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_cmpuint (sd_plan_get_n_managers (plan), ==, 3);
  g_assert_false (sd_plan_find_manager (plan, 1, &index));
  g_assert_true (sd_plan_find_manager (plan, 3, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpint (sd_plan_get_manager_id (plan, 2), ==, 9);
  g_assert_true (sd_plan_cell_is_edited (plan, 2, 1));
  g_assert_cmpint (sd_plan_get_cell (plan, 2, 1), ==, 1000);
  g_assert_false (sd_plan_cell_is_edited (plan, 2, 0));
  g_assert_false (sd_plan_cell_is_edited (plan, 2, 2));

  /* The copy is independent. */
  g_assert_cmpuint (sd_plan_get_n_managers (copy), ==, 3);
  g_assert_cmpint (sd_plan_get_cell (copy, 2, 0), ==, 2000);
  g_assert_cmpint (sd_plan_get_manager_id (copy, 0), ==, 1);
}

static void
expect_error (const SdPlanParams *params,
              SdPlanError         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlan) plan = NULL;

  g_assert_false (sd_plan_params_validate (params, &error));
  g_assert_error (error, SD_PLAN_ERROR, (gint) code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_clear_error (&error);

  plan = sd_plan_compute (params, &error);
  g_assert_null (plan);
  g_assert_error (error, SD_PLAN_ERROR, (gint) code);
}

static void
expect_valid (const SdPlanParams *params)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_plan_params_validate (params, &error));
  g_assert_no_error (error);
}

static void
test_rejections (void)
{
  static const gint64 zeros[12] = { 0 };
  static const gint64 negative[12] = { 1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1 };
  static const int over_100[] = { 0, 120, 100 };
  static const int below_0[] = { -10, 100 };
  static const int not_ending[] = { 0, 30, 60, 90 };
  static const int full_only[] = { 100 };
  g_autoptr(SdPlanParams) params = new_params (1000, NULL);
  g_autoptr(SdPlanParams) early = new_params (1000, NULL);
  g_autoptr(SdPlanParams) late = new_params (1000, NULL);

  expect_valid (params);

  /* The year. */
  sd_plan_params_free (g_steal_pointer (&early));
  early = sd_plan_params_new (1899, sd_calendar_get_default ());
  sd_plan_params_set_month_weights (early, equal_weights);
  expect_error (early, SD_PLAN_ERROR_YEAR);
  sd_plan_params_free (g_steal_pointer (&late));
  late = sd_plan_params_new (2201, sd_calendar_get_default ());
  sd_plan_params_set_month_weights (late, equal_weights);
  sd_plan_params_add_manager (late, 1, NULL, NULL, NULL);
  expect_error (late, SD_PLAN_ERROR_YEAR);
  sd_plan_params_free (g_steal_pointer (&early));
  early = sd_plan_params_new (1900, sd_calendar_get_default ());
  sd_plan_params_set_month_weights (early, equal_weights);
  expect_valid (early);
  sd_plan_params_free (g_steal_pointer (&late));
  late = sd_plan_params_new (2200, sd_calendar_get_default ());
  sd_plan_params_set_month_weights (late, equal_weights);
  expect_valid (late);

  /* The target. */
  sd_plan_params_set_target (params, -1);
  expect_error (params, SD_PLAN_ERROR_TARGET);
  sd_plan_params_set_target (params, 0);
  expect_valid (params);
  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_last_year_fact (params, m, 1000);
  sd_plan_params_set_growth (params, -10001);
  expect_error (params, SD_PLAN_ERROR_TARGET);
  sd_plan_params_set_growth (params, G_MAXINT64);
  expect_error (params, SD_PLAN_ERROR_OVERFLOW);
  sd_plan_params_set_last_year_fact (params, 1, G_MAXINT64);
  sd_plan_params_set_growth (params, 10000);
  expect_error (params, SD_PLAN_ERROR_OVERFLOW);
  sd_plan_params_set_last_year_fact (params, 1, -20000);
  sd_plan_params_set_growth (params, 0);
  expect_error (params, SD_PLAN_ERROR_TARGET);
  sd_plan_params_set_target (params, 1000);

  /* The month weights. */
  sd_plan_params_set_month_weights (params, zeros);
  expect_error (params, SD_PLAN_ERROR_WEIGHTS);
  sd_plan_params_set_month_weights (params, negative);
  expect_error (params, SD_PLAN_ERROR_WEIGHTS);
  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_last_year_fact (params, m, 0);
  sd_plan_params_use_last_year_shape (params);
  expect_error (params, SD_PLAN_ERROR_WEIGHTS);        /* no sales last year */
  sd_plan_params_set_month_weights (params, equal_weights);
  expect_valid (params);

  /* The ramp-up. */
  sd_plan_params_set_ramp_up (params, over_100, G_N_ELEMENTS (over_100));
  expect_error (params, SD_PLAN_ERROR_RAMP_UP);
  sd_plan_params_set_ramp_up (params, below_0, G_N_ELEMENTS (below_0));
  expect_error (params, SD_PLAN_ERROR_RAMP_UP);
  sd_plan_params_set_ramp_up (params, not_ending, G_N_ELEMENTS (not_ending));
  expect_error (params, SD_PLAN_ERROR_RAMP_UP);
  sd_plan_params_set_ramp_up (params, full_only, G_N_ELEMENTS (full_only));
  expect_valid (params);

  /* Managers: personal weight and vacation. */
  sd_plan_params_add_manager (params, 1, "Anna", NULL, NULL);
  sd_plan_params_set_personal_weight (params, 0, -1);
  expect_error (params, SD_PLAN_ERROR_MANAGER_WEIGHT);
  sd_plan_params_set_personal_weight (params, 0, SD_PLAN_MAX_PERSONAL_WEIGHT + 1);
  expect_error (params, SD_PLAN_ERROR_MANAGER_WEIGHT);
  sd_plan_params_set_personal_weight (params, 0, SD_PLAN_MAX_PERSONAL_WEIGHT);
  expect_valid (params);

  sd_plan_params_set_vacation (params, 0, 1, (int) wd_2026[0] + 1);   /* 16 of 15 */
  expect_error (params, SD_PLAN_ERROR_VACATION);
  sd_plan_params_set_vacation (params, 0, 1, -1);
  expect_error (params, SD_PLAN_ERROR_VACATION);
  sd_plan_params_set_vacation (params, 0, 1, (int) wd_2026[0]);
  expect_valid (params);
}

static void
test_error_messages_name_the_problem (void)
{
  g_autoptr(SdPlanParams) params = new_params (1000, NULL);
  g_autoptr(GError) error = NULL;

  sd_plan_params_add_manager (params, 1, "Анна Петрова", NULL, NULL);
  sd_plan_params_set_vacation (params, 0, 2, 25);
  g_assert_false (sd_plan_params_validate (params, &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_VACATION);
  /* Who, and the limit to respect. */
  g_assert_nonnull (strstr (error->message, "Анна Петрова"));
  g_assert_nonnull (strstr (error->message, "19"));
  g_assert_nonnull (strstr (error->message, "25"));
}

static void
test_params_accessors_and_copy (void)
{
  static const int curve[] = { 10, 100 };
  g_autoptr(SdPlanParams) params = new_params (1000, NULL);
  g_autoptr(SdPlanParams) copy = NULL;
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  const int *steps;
  gsize n_steps = 0;
  guint index = 0;

  g_assert_cmpint (sd_plan_params_get_year (params), ==, 2026);
  g_assert_cmpint (sd_plan_params_get_target_kind (params), ==, SD_PLAN_TARGET_FIXED);
  g_assert_cmpint (sd_plan_params_get_weights_kind (params), ==, SD_PLAN_WEIGHTS_CUSTOM);
  steps = sd_plan_params_get_ramp_up (params, &n_steps);
  g_assert_cmpuint (n_steps, ==, 4);
  g_assert_cmpint (steps[0], ==, 0);
  g_assert_cmpint (steps[1], ==, 30);
  g_assert_cmpint (steps[2], ==, 60);
  g_assert_cmpint (steps[3], ==, 100);

  member->id = 42;
  member->name = g_strdup ("Борис");
  sd_test_set_dmy (&member->hired, 2026, 3, 16);
  g_assert_cmpuint (sd_plan_params_add_staff_member (params, member), ==, 0);
  g_assert_true (sd_plan_params_find_manager (params, 42, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (sd_plan_params_find_manager (params, 43, NULL));
  g_assert_cmpint (sd_plan_params_get_manager_id (params, 0), ==, 42);
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 0, 3), ==, 12);

  copy = sd_plan_params_copy (params);
  sd_plan_params_set_ramp_up (params, curve, G_N_ELEMENTS (curve));
  sd_plan_params_set_manager_dates (params, 0, NULL, NULL);
  g_assert_cmpuint (sd_plan_params_get_worked_days (params, 0, 3), ==, 21);

  /* The copy kept what it had. */
  g_assert_cmpuint (sd_plan_params_get_worked_days (copy, 0, 3), ==, 12);
  sd_plan_params_get_ramp_up (copy, &n_steps);
  g_assert_cmpuint (n_steps, ==, 4);
  g_assert_cmpuint (sd_plan_params_get_n_managers (copy), ==, 1);
}

/* Many managers with every kind of input: the sums hold to the kopeck for awkward targets. */
static void
test_large_team_sums_exact (void)
{
  static const SdMoney targets[] = {
    0, 1, 7, 199, 9973, 1000003, 123456789, G_GINT64_CONSTANT (99999999999),
    G_GINT64_CONSTANT (4611686018427387903), G_MAXINT64,
  };
  static const gint64 weights[12] = { 3, 0, 7, 11, 13, 1, 17, 19, 23, 0, 29, 31 };
  g_autoptr(SdPlanParams) params = new_params (1, weights);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260316);
  g_autoptr(GError) error = NULL;

  sd_plan_params_set_adjust_for_working_days (params, TRUE);
  for (guint k = 0; k < 200; k++)
    {
      GDate hired, left;
      guint i;

      sd_test_set_dmy (&hired, g_rand_int_range (rand, 2024, 2027), g_rand_int_range (rand, 1, 13),
                       g_rand_int_range (rand, 1, 29));
      sd_test_set_dmy (&left, 2026, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      i = sd_plan_params_add_manager (params, 1000 - (gint64) k * 3, NULL, &hired,
                                      g_rand_boolean (rand) && g_rand_boolean (rand) ? &left
                                                                                     : NULL);
      sd_plan_params_set_personal_weight (params, i, g_rand_int_range (rand, 0, 300));
      for (int m = 1; m <= 12; m++)
        if (g_rand_int_range (rand, 0, 5) == 0)
          sd_plan_params_set_vacation (params, i, m,
                                       g_rand_int_range (rand, 0, (int) wd_2026[m - 1] + 1));
    }

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      sd_plan_params_set_target (params, targets[t]);
      g_assert_true (sd_plan_recompute (plan, params, &error));
      g_assert_no_error (error);
      assert_plan_consistent (plan);
    }
}

/* 200 equal managers added in shuffled id order: the kopecks left go to the lowest ids. */
static void
test_many_ties (void)
{
  g_autoptr(SdPlanParams) params = new_params (12 * (200 * 1000 + 137), NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < 200; k++)
    sd_plan_params_add_manager (params, (gint64) ((k * 37) % 200) + 1, NULL, NULL, NULL);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  for (int m = 1; m <= 12; m++)
    for (guint i = 0; i < 200; i++)
      g_assert_cmpint (sd_plan_get_cell (plan, m, i), ==,
                       sd_plan_get_manager_id (plan, i) <= 137 ? 1001 : 1000);
}

/* The worked example of docs/plan.md, figure by figure. */
static void
test_docs_worked_example (void)
{
  static const SdMoney months[12] = {
    72874494, 92307692, 102024292, 106882591, 92307692, 102024292,
    111740891, 102024291, 106882591, 106882591, 97165992, 106882591,
  };
  static const struct {
    int     month;
    SdMoney cells[3];
  } rows[] = {
    { 3, { 57905679, 0, 44118613 } },
    { 4, { 46470692, 13941207, 46470692 } },
    { 5, { 44513862, 26708317, 21085513 } },
    { 7, { 55870446, 55870445, 0 } },
  };
  g_autoptr(SdPlanParams) params = new_params (1200000000, NULL);
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate since, hired, old_hire, left;
  gint64 deals = 0, leads = 0;

  sd_plan_params_set_adjust_for_working_days (params, TRUE);
  sd_plan_params_set_funnel (params, 12500000, 2340);
  sd_test_set_dmy (&since, 2020, 1, 1);
  sd_test_set_dmy (&hired, 2026, 3, 16);
  sd_test_set_dmy (&old_hire, 2019, 1, 1);
  sd_test_set_dmy (&left, 2026, 5, 15);
  sd_plan_params_add_manager (params, 1, "Anna", &since, NULL);
  sd_plan_params_add_manager (params, 2, "Boris", &hired, NULL);
  sd_plan_params_add_manager (params, 3, "Vera", &old_hire, &left);
  sd_plan_params_set_vacation (params, 2, 3, 5);

  plan = sd_plan_compute (params, &error);
  g_assert_no_error (error);
  assert_plan_consistent (plan);

  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, months[m - 1]);
  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (sd_plan_get_cell (plan, rows[k].month, i), ==, rows[k].cells[i]);

  g_assert_true (sd_plan_get_cell_funnel (plan, 3, 0, &deals, &leads));
  g_assert_cmpint (deals, ==, 5);
  g_assert_cmpint (leads, ==, 22);

  g_assert_true (sd_plan_set_cell (plan, 3, 0, 60000000, &error));
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, -2094321);
  g_assert_true (sd_plan_respread (plan, 3, &error));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 1), ==, 0);
  g_assert_cmpint (sd_plan_get_cell (plan, 3, 2), ==, 42024292);
  g_assert_cmpint (sd_plan_rest (plan, 3), ==, 0);
}

/* ---------------------------------------------------------------------------------------- */

static void
test_completion (void)
{
  static const struct {
    SdMoney  fact;
    SdMoney  plan;
    gboolean defined;
    gint64   bp;
  } cases[] = {
    { 100, 100, TRUE, 10000 },
    { 1, 3, TRUE, 3333 },             /* 3 333.33… */
    { 2, 3, TRUE, 6667 },             /* 6 666.67… */
    { 1, 20000, TRUE, 1 },            /* exactly half a basis point: away from zero */
    { -1, 20000, TRUE, -1 },
    { 3, 80000, TRUE, 0 },            /* 0.375 */
    { 0, 100, TRUE, 0 },
    { 250, 100, TRUE, 25000 },
    { 100, 0, FALSE, 0 },             /* no plan: undefined, not a division by zero */
    { 0, 0, FALSE, 0 },
    { 100, -100, FALSE, 0 },
    { G_MAXINT64, 1, FALSE, 0 },      /* does not fit */
    { G_MAXINT64, G_MAXINT64, TRUE, 10000 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      gint64 bp = -12345;
      gboolean defined = sd_plan_completion_bp (cases[k].fact, cases[k].plan, &bp);

      g_assert_cmpint (defined, ==, cases[k].defined);
      if (defined)
        g_assert_cmpint (bp, ==, cases[k].bp);
      else
        g_assert_cmpint (bp, ==, -12345);
    }
}

static void
test_growth (void)
{
  static const struct {
    SdMoney  current;
    SdMoney  previous;
    gboolean defined;
    gint64   bp;
  } cases[] = {
    { 150, 100, TRUE, 5000 },
    { 50, 100, TRUE, -5000 },
    { 100, 100, TRUE, 0 },
    { 1, 3, TRUE, -6667 },            /* −6 666.67… */
    { 50, -100, TRUE, 15000 },        /* from −100 to +50: better by 1.5 × |−100| */
    { -150, -100, TRUE, -5000 },      /* worse */
    { 100, 0, FALSE, 0 },             /* nothing before: undefined */
    { 0, 0, FALSE, 0 },
    { G_MAXINT64, G_MININT64, TRUE, 20000 },   /* (2⁶⁴ − 1) ÷ 2⁶³, no overflow */
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      gint64 bp = -12345;
      gboolean defined = sd_plan_growth_bp (cases[k].current, cases[k].previous, &bp);

      g_assert_cmpint (defined, ==, cases[k].defined);
      if (defined)
        g_assert_cmpint (bp, ==, cases[k].bp);
      else
        g_assert_cmpint (bp, ==, -12345);
    }
}

static void
test_plan_fact_periods (void)
{
  g_autoptr(SdPlanFact) pf = sd_plan_fact_new ();
  g_autoptr(GError) error = NULL;
  SdPeriod q1 = { SD_PERIOD_QUARTER, 2026, 1 };
  SdPeriod year = { SD_PERIOD_YEAR, 2026, 0 };
  SdPeriod feb = { SD_PERIOD_MONTH, 2026, 2 };
  SdPeriod mar = { SD_PERIOD_MONTH, 2026, 3 };
  SdPeriod apr = { SD_PERIOD_MONTH, 2026, 4 };
  SdPlanEntry plans[] = {
    { 1, sd_month_make (2026, 1), 1000, 0, 0 },
    { 1, sd_month_make (2026, 2), 1000, 0, 0 },
    { 1, sd_month_make (2026, 3), 2000, 0, 0 },
    { 2, sd_month_make (2026, 1), 500, 0, 0 },
    { 2, sd_month_make (2026, 3), 500, 0, 0 },
    { 0, sd_month_make (2026, 3), 3000, 0, 0 },    /* the department's own March target */
  };
  SdFact facts[] = {
    { .manager_id = 1, .month = sd_month_make (2025, 3), .revenue = 1600 },
    { .manager_id = 1, .month = sd_month_make (2025, 4), .revenue = 300 },
    { .manager_id = 1, .month = sd_month_make (2026, 1), .revenue = 900 },
    { .manager_id = 1, .month = sd_month_make (2026, 2), .revenue = 1200 },
    { .manager_id = 1, .month = sd_month_make (2026, 3), .revenue = 1000 },
    { .manager_id = 1, .month = sd_month_make (2026, 3), .revenue = 1000 },  /* two lines */
    { .manager_id = 2, .month = sd_month_make (2026, 1), .revenue = 500 },
    { .manager_id = 2, .month = sd_month_make (2026, 2), .revenue = 77 },    /* no plan */
    { .manager_id = 0, .month = sd_month_make (2026, 3), .revenue = 10 },    /* unassigned */
  };
  SdMoney plan = -1, fact = -1;
  gint64 bp = 0;

  g_assert_true (sd_plan_fact_add_plan_entries (pf, plans, G_N_ELEMENTS (plans), &error));
  g_assert_true (sd_plan_fact_add_facts (pf, facts, G_N_ELEMENTS (facts), &error));
  g_assert_no_error (error);

  sd_plan_fact_get (pf, 1, &q1, &plan, &fact);
  g_assert_cmpint (plan, ==, 4000);
  g_assert_cmpint (fact, ==, 4100);
  g_assert_true (sd_plan_fact_completion_bp (pf, 1, &q1, &bp));
  g_assert_cmpint (bp, ==, 10250);
  g_assert_true (sd_plan_fact_completion_bp (pf, 1, &mar, &bp));
  g_assert_cmpint (bp, ==, 10000);

  /* Manager 2 has no plan in February: undefined; over the quarter 577 of 1 000. */
  g_assert_false (sd_plan_fact_completion_bp (pf, 2, &feb, &bp));
  g_assert_true (sd_plan_fact_completion_bp (pf, 2, &q1, &bp));
  g_assert_cmpint (bp, ==, 5770);

  /* The department: its own target in March, the managers' sum in January and February;
   * all facts, the unassigned 10 included. */
  sd_plan_fact_get (pf, 0, &mar, &plan, &fact);
  g_assert_cmpint (plan, ==, 3000);
  g_assert_cmpint (fact, ==, 2010);
  sd_plan_fact_get (pf, 0, &q1, &plan, &fact);
  g_assert_cmpint (plan, ==, 1500 + 1000 + 3000);
  g_assert_cmpint (fact, ==, 1400 + 1277 + 2010);
  g_assert_true (sd_plan_fact_completion_bp (pf, 0, &year, &bp));
  g_assert_cmpint (bp, ==, 8522);   /* 4 687 ÷ 5 500 = 85.218… % */

  /* Nothing planned in April. */
  g_assert_false (sd_plan_fact_completion_bp (pf, 0, &apr, &bp));

  /* Month on month: 2 000 after 1 200; year on year: 2 000 after 1 600. */
  g_assert_true (sd_plan_fact_growth_bp (pf, 1, &mar, SD_GROWTH_PREVIOUS_PERIOD, &bp));
  g_assert_cmpint (bp, ==, 6667);
  g_assert_true (sd_plan_fact_growth_bp (pf, 1, &mar, SD_GROWTH_YEAR_AGO, &bp));
  g_assert_cmpint (bp, ==, 2500);
  /* Quarter on quarter: Q4 2025 had nothing — undefined; year on year: 4 100 after 1 600. */
  g_assert_false (sd_plan_fact_growth_bp (pf, 1, &q1, SD_GROWTH_PREVIOUS_PERIOD, &bp));
  g_assert_true (sd_plan_fact_growth_bp (pf, 1, &q1, SD_GROWTH_YEAR_AGO, &bp));
  g_assert_cmpint (bp, ==, 15625);
  /* April 2026: nothing after 300 a year before: −100 %. */
  g_assert_true (sd_plan_fact_growth_bp (pf, 1, &apr, SD_GROWTH_YEAR_AGO, &bp));
  g_assert_cmpint (bp, ==, -10000);
  g_assert_false (sd_plan_fact_growth_bp (pf, 2, &q1, SD_GROWTH_YEAR_AGO, &bp));
  g_assert_true (sd_plan_fact_growth_bp (pf, 0, &year, SD_GROWTH_PREVIOUS_PERIOD, &bp));
  g_assert_cmpint (bp, ==, 14668);  /* 4 687 after 1 900: +146.68… % */

  /* Sums that do not fit are refused. */
  g_assert_false (sd_plan_fact_add_fact (pf, 1, sd_month_make (2026, 3), G_MAXINT64, &error));
  g_assert_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVERFLOW);
  g_clear_error (&error);
  sd_plan_fact_get (pf, 1, &mar, NULL, &fact);
  g_assert_cmpint (fact, ==, 2000);
}

static void
test_lagging (void)
{
  /* Completion per month, in basis points of a 10 000-kopeck plan; -1 = no plan. */
  static const struct {
    gint64 id;
    gint64 fact[5];   /* November 2025 … March 2026 */
  } history[] = {
    { 1, { 9000, 9000, 9000, 7000, 7500 } },   /* February and March: lags, 2 months */
    { 2, { 9000, 5000, 7999, 7900, 100 } },    /* December … March: 4 months */
    { 3, { 7000, 7000, 7000, 8500, 6000 } },   /* only March */
    { 4, { 7000, 7000, 7000, -1, 1000 } },     /* no plan in February breaks the run */
    { 5, { 7000, 7000, 7000, 7000, 8000 } },   /* exactly 80 % is not below */
    { 6, { 0, 0, 0, 0, 0 } },                  /* nothing at all since November */
  };
  g_autoptr(SdPlanFact) pf = sd_plan_fact_new ();
  g_autoptr(GPtrArray) lagging = NULL;
  g_autoptr(GError) error = NULL;
  SdMonth first = sd_month_make (2025, 11);
  SdMonth march = sd_month_make (2026, 3);
  const SdLagging *lag;

  for (guint k = 0; k < G_N_ELEMENTS (history); k++)
    for (int j = 0; j < 5; j++)
      {
        if (history[k].fact[j] < 0)
          continue;
        g_assert_true (sd_plan_fact_add_plan (pf, history[k].id, first + j, 10000, &error));
        g_assert_true (sd_plan_fact_add_fact (pf, history[k].id, first + j,
                                              history[k].fact[j], &error));
      }

  lagging = sd_plan_fact_find_lagging (pf, march, SD_PLAN_DEFAULT_LAG_THRESHOLD_BP,
                                       SD_PLAN_DEFAULT_LAG_MONTHS);
  g_assert_cmpuint (lagging->len, ==, 3);

  lag = g_ptr_array_index (lagging, 0);
  g_assert_cmpint (lag->manager_id, ==, 1);
  g_assert_cmpuint (lag->n_months, ==, 2);
  g_assert_cmpint (lag->first_month, ==, sd_month_make (2026, 2));
  g_assert_cmpint (lag->last_month, ==, march);
  g_assert_cmpint (lag->completion_bp[0], ==, 7000);
  g_assert_cmpint (lag->completion_bp[1], ==, 7500);
  g_assert_nonnull (lag->reason);
  g_assert_cmpuint (strlen (lag->reason), >, 10);

  lag = g_ptr_array_index (lagging, 1);
  g_assert_cmpint (lag->manager_id, ==, 2);
  g_assert_cmpuint (lag->n_months, ==, 4);
  g_assert_cmpint (lag->first_month, ==, sd_month_make (2025, 12));
  g_assert_cmpint (lag->completion_bp[0], ==, 5000);
  g_assert_cmpint (lag->completion_bp[1], ==, 7999);
  g_assert_cmpint (lag->completion_bp[3], ==, 100);
  /* The reason quotes the months' completion to the basis point ("79.99%", "1%"). */
  g_assert_nonnull (strstr (lag->reason, "79"));
  g_assert_nonnull (strstr (lag->reason, "99%"));
  g_assert_nonnull (strstr (lag->reason, "4"));

  lag = g_ptr_array_index (lagging, 2);
  g_assert_cmpint (lag->manager_id, ==, 6);
  g_assert_cmpuint (lag->n_months, ==, 5);
  g_assert_cmpint (lag->first_month, ==, first);

  /* Stricter: three months in a row. */
  g_clear_pointer (&lagging, g_ptr_array_unref);
  lagging = sd_plan_fact_find_lagging (pf, march, 8000, 3);
  g_assert_cmpuint (lagging->len, ==, 2);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 0))->manager_id, ==, 2);

  /* A lower threshold: 75 % for one month — 75.00 % itself is not below. */
  g_clear_pointer (&lagging, g_ptr_array_unref);
  lagging = sd_plan_fact_find_lagging (pf, march, 7500, 1);
  g_assert_cmpuint (lagging->len, ==, 4);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 0))->manager_id, ==, 2);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 1))->manager_id, ==, 3);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 2))->manager_id, ==, 4);
  g_assert_cmpuint (((SdLagging *) g_ptr_array_index (lagging, 2))->n_months, ==, 1);
  g_assert_nonnull (((SdLagging *) g_ptr_array_index (lagging, 2))->reason);

  /* Up to February: manager 1 only one month behind; manager 5 four months. */
  g_clear_pointer (&lagging, g_ptr_array_unref);
  lagging = sd_plan_fact_find_lagging (pf, march - 1, 8000, 2);
  g_assert_cmpuint (lagging->len, ==, 3);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 0))->manager_id, ==, 2);
  g_assert_cmpuint (((SdLagging *) g_ptr_array_index (lagging, 0))->n_months, ==, 3);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 1))->manager_id, ==, 5);
  g_assert_cmpuint (((SdLagging *) g_ptr_array_index (lagging, 1))->n_months, ==, 4);
  g_assert_cmpint (((SdLagging *) g_ptr_array_index (lagging, 2))->manager_id, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/decompose/one-kopeck-goes-to-january-and-lowest-id", test_one_kopeck);
  g_test_add_func ("/plan/decompose/largest-target-prime-weights-seven-managers",
                   test_largest_target_primes);
  g_test_add_func ("/plan/decompose/months-follow-working-days", test_working_days_adjust);
  g_test_add_func ("/plan/decompose/mid-month-hire-and-leave", test_mid_month_hire_and_leave);
  g_test_add_func ("/plan/decompose/ramp-up-from-hire-month", test_ramp_up);
  g_test_add_func ("/plan/decompose/vacation-reduces-share", test_vacation);
  g_test_add_func ("/plan/decompose/zero-weight-months-get-nothing", test_zero_weight_months);
  g_test_add_func ("/plan/decompose/nobody-available-stays-with-department",
                   test_nobody_available);
  g_test_add_func ("/plan/decompose/ties-earlier-month-lower-id", test_tie_breaking);
  g_test_add_func ("/plan/decompose/many-ties-go-to-lowest-ids", test_many_ties);
  g_test_add_func ("/plan/decompose/default-last-year-shape", test_last_year_shape);
  g_test_add_func ("/plan/decompose/large-team-sums-exact", test_large_team_sums_exact);
  g_test_add_func ("/plan/decompose/docs-worked-example", test_docs_worked_example);
  g_test_add_func ("/plan/params/last-year-from-facts", test_last_year_from_facts);
  g_test_add_func ("/plan/params/accessors-and-copy", test_params_accessors_and_copy);
  g_test_add_func ("/plan/target/growth-rounds-half-away", test_growth_from_last_year);
  g_test_add_func ("/plan/funnel/ceil-example-and-undefined", test_funnel);
  g_test_add_func ("/plan/funnel/cells-months-entries", test_funnel_in_plan);
  g_test_add_func ("/plan/edit/cell-shows-rest", test_hand_edit_and_rest);
  g_test_add_func ("/plan/edit/respread-month", test_respread);
  g_test_add_func ("/plan/edit/month-target-and-year-respread",
                   test_month_target_edit_and_year_respread);
  g_test_add_func ("/plan/edit/recompute-keeps-edits-by-id", test_recompute_keeps_edits_by_id);
  g_test_add_func ("/plan/reject/every-invalid-input", test_rejections);
  g_test_add_func ("/plan/reject/message-names-manager-and-limit",
                   test_error_messages_name_the_problem);
  g_test_add_func ("/plan/fact/completion-undefined-without-plan", test_completion);
  g_test_add_func ("/plan/fact/growth-undefined-without-previous", test_growth);
  g_test_add_func ("/plan/fact/periods-department-growth", test_plan_fact_periods);
  g_test_add_func ("/plan/fact/lagging-constructed-history", test_lagging);

  return g_test_run ();
}
