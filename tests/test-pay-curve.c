/* test-pay-curve.c — pay against plan completion and its warnings
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pay-curve"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-pay-curve.h"

#define FIX(x)  ((gint64) ((x) * SD_FIX_ONE))
#define RUB(x)  ((SdMoney) (x) * 100)
#define PLAN    RUB (1000000)

static SdScheme *
scheme_new (SdMoney          salary,
            SdCommissionMode mode)
{
  SdScheme *s = sd_scheme_new ();

  g_free (s->name);
  s->name = g_strdup ("test");
  s->salary = salary;
  s->mode = mode;
  return s;
}

static SdScheme *
ladder_new (void)
{
  SdScheme *s = scheme_new (RUB (40000), SD_COMMISSION_WHOLE);

  sd_scheme_add_tier (s, 0, FIX (3));
  sd_scheme_add_tier (s, FIX (70), FIX (5));
  sd_scheme_add_tier (s, FIX (100), FIX (7));
  s->gate_pct = FIX (50);
  return s;
}

static guint
count_kind (const SdPayCurve       *curve,
            SdPayCurveWarningKind   kind,
            const SdPayCurveWarning **first)
{
  guint n = 0;

  *first = NULL;
  for (guint i = 0; i < curve->warnings->len; i++)
    {
      const SdPayCurveWarning *w = g_ptr_array_index (curve->warnings, i);

      g_assert_nonnull (w->text);
      g_assert_cmpstr (w->text, !=, "");
      if (w->kind == kind)
        {
          if (n++ == 0)
            *first = w;
        }
    }

  return n;
}

static void
test_points (void)
{
  g_autoptr(SdScheme) s = ladder_new ();
  g_autoptr(SdPayCurve) curve = NULL;
  const SdPayCurvePoint *p;

  sd_scheme_add_tier (s, FIX (133.33), FIX (8));
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");
  /* 0..200 by 1 % and the one boundary that is not a whole percent. */
  g_assert_cmpuint (curve->points->len, ==, 202);
  for (guint i = 1; i < curve->points->len; i++)
    g_assert_cmpint (g_array_index (curve->points, SdPayCurvePoint, i - 1).completion, <,
                     g_array_index (curve->points, SdPayCurvePoint, i).completion);

  p = &g_array_index (curve->points, SdPayCurvePoint, 0);
  g_assert_cmpint (p->completion, ==, 0);
  g_assert_cmpint (p->total, ==, RUB (40000));
  p = &g_array_index (curve->points, SdPayCurvePoint, 50);
  g_assert_cmpint (p->completion, ==, FIX (50));
  g_assert_cmpint (p->fact, ==, RUB (500000));
  g_assert_cmpint (p->total, ==, RUB (55000));
  p = &g_array_index (curve->points, SdPayCurvePoint, 134);
  g_assert_cmpint (p->completion, ==, FIX (133.33));
  g_assert_cmpint (p->fact, ==, RUB (1333300));
  g_assert_cmpint (p->total, ==, RUB (40000) + 10666400);
  p = &g_array_index (curve->points, SdPayCurvePoint, 201);
  g_assert_cmpint (p->completion, ==, FIX (200));
  g_assert_cmpint (p->total, ==, RUB (40000 + 160000));

  g_assert_cmpint (sd_pay_curve_pay_at (s, PLAN, FIX (49)), ==, RUB (40000));
  g_assert_cmpint (sd_pay_curve_pay_at (s, PLAN, FIX (70)), ==, RUB (75000));
}

/* The ladder jumps at the gate and at every tier. */
static void
test_cliffs_ladder (void)
{
  g_autoptr(SdScheme) s = ladder_new ();
  g_autoptr(SdPayCurve) curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");
  static const struct { gint64 at; SdMoney jump; } expected[] = {
    { FIX (50), RUB (15000) },          /* 40 000 → 55 000 */
    { FIX (70), RUB (14300) },          /* 60 700 → 75 000 */
    { FIX (100), RUB (20500) },         /* 89 500 → 110 000 */
  };
  const SdPayCurveWarning *first;
  guint n = 0;

  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CLIFF, &first), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < curve->warnings->len; i++)
    {
      const SdPayCurveWarning *w = g_ptr_array_index (curve->warnings, i);

      if (w->kind != SD_PAY_CURVE_WARNING_CLIFF)
        continue;
      g_assert_cmpint (w->at_pct, ==, expected[n].at);
      g_assert_cmpint (w->amount, ==, expected[n].jump);
      n++;
    }
  g_assert_nonnull (strstr (first->text, "Cliff at 50 %"));
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_FLAT, &first), ==, 0);
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CAP_EARLY, &first), ==, 0);

  /* Costs at 80 / 100 / 120 % and pay as a share of revenue. */
  g_assert_cmpint (curve->cost[0].completion, ==, FIX (80));
  g_assert_cmpint (curve->cost[0].revenue, ==, RUB (800000));
  g_assert_cmpint (curve->cost[0].pay, ==, RUB (80000));
  g_assert_cmpint (curve->cost[0].share, ==, FIX (10));
  g_assert_cmpint (curve->cost[1].pay, ==, RUB (110000));
  g_assert_cmpint (curve->cost[1].share, ==, FIX (11));
  g_assert_cmpint (curve->cost[2].pay, ==, RUB (124000));
  g_assert_cmpint (curve->cost[2].share, ==, 103333);    /* 10,3333 % */
}

/* A custom threshold above every jump silences the cliffs. */
static void
test_cliff_threshold_option (void)
{
  g_autoptr(SdScheme) s = ladder_new ();
  SdPayCurveOptions options = { .cliff_threshold = RUB (20500) };
  g_autoptr(SdPayCurve) quiet = sd_pay_curve_compute (s, PLAN, &options, SD_NUMBER_STYLE_EN, "RUB");
  const SdPayCurveWarning *first;

  g_assert_cmpuint (count_kind (quiet, SD_PAY_CURVE_WARNING_CLIFF, &first), ==, 0);

  options.cliff_threshold = RUB (20499);
  {
    g_autoptr(SdPayCurve) one = sd_pay_curve_compute (s, PLAN, &options, SD_NUMBER_STYLE_EN, "RUB");

    g_assert_cmpuint (count_kind (one, SD_PAY_CURVE_WARNING_CLIFF, &first), ==, 1);
    g_assert_cmpint (first->at_pct, ==, FIX (100));
  }
}

static void
test_marginal_smooth (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_MARGINAL);
  g_autoptr(SdPayCurve) curve = NULL;

  sd_scheme_add_tier (s, 0, FIX (3));
  sd_scheme_add_tier (s, FIX (70), FIX (5));
  sd_scheme_add_tier (s, FIX (100), FIX (7));
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");
  g_assert_cmpuint (curve->warnings->len, ==, 0);
  g_assert_cmpint (curve->cost[2].pay, ==, RUB (40000 + 21000 + 15000 + 14000));
}

/* "Over-fulfilled → bonus, otherwise just salary": a cliff at 100 % and nothing after. */
static void
test_bonus_only_over_plan (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  g_autoptr(SdPayCurve) curve = NULL;
  const SdPayCurveWarning *w;

  sd_scheme_add_tier (s, 0, 0);
  sd_scheme_add_overplan (s, FIX (100), RUB (30000));
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_RU, "₽");

  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CLIFF, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (100));
  g_assert_cmpint (w->amount, ==, RUB (30000));
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_FLAT, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (100));
  g_assert_cmpint (w->amount, ==, RUB (70000));
  g_assert_nonnull (strstr (w->text, "100"));
}

static void
test_salary_only (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  g_autoptr(SdPayCurve) curve = NULL;
  const SdPayCurveWarning *w;

  sd_scheme_add_tier (s, 0, 0);
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");
  g_assert_cmpuint (curve->warnings->len, ==, 1);
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_FLAT, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, 0);
  g_assert_nonnull (strstr (w->text, "does not depend"));
  g_assert_cmpint (curve->cost[0].share, ==, FIX (5));
}

static void
test_cap_early (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  g_autoptr(SdPayCurve) curve = NULL;
  const SdPayCurveWarning *w;

  sd_scheme_add_tier (s, 0, FIX (10));
  s->has_cap = TRUE;
  s->cap = RUB (80000);
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");

  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CAP_EARLY, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (81));
  g_assert_cmpint (w->amount, ==, RUB (120000));
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_FLAT, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (80));
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CLIFF, &w), ==, 0);

  /* A cap reached only at 130 % is no early cap. */
  s->cap = RUB (130000);
  {
    g_autoptr(SdPayCurve) late = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");

    g_assert_cmpuint (count_kind (late, SD_PAY_CURVE_WARNING_CAP_EARLY, &w), ==, 0);
    g_assert_cmpuint (count_kind (late, SD_PAY_CURVE_WARNING_FLAT, &w), ==, 1);
    g_assert_cmpint (w->at_pct, ==, FIX (130));
  }
}

/* One jump at a fractional tier is one cliff, seen at 33.33 %, not again at 34 %. */
static void
test_fractional_boundary (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_WHOLE);
  g_autoptr(SdPayCurve) curve = NULL;
  const SdPayCurveWarning *w;

  sd_scheme_add_tier (s, 0, FIX (1));
  sd_scheme_add_tier (s, FIX (33.33), FIX (10));
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CLIFF, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (33.33));
  g_assert_cmpint (w->amount, ==, 3333000 - 323300);
}

/* KPI on plan completion, other KPI items on target; no salary: threshold from pay at 100 %. */
static void
test_kpi_curve (void)
{
  g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_FLAT);
  g_autoptr(SdPayCurve) curve = NULL;
  const SdPayCurveWarning *w;

  sd_scheme_add_tier (s, 0, 0);
  s->kpi_target_bonus = RUB (10000);
  sd_scheme_add_kpi_item (s, SD_METRIC_PLAN_PCT, FIX (0.5), FIX (70), FIX (100), FIX (120));
  sd_scheme_add_kpi_item (s, SD_METRIC_CALLS, FIX (0.5), FIX (600), FIX (800), FIX (1000));
  curve = sd_pay_curve_compute (s, PLAN, NULL, SD_NUMBER_STYLE_EN, "RUB");

  g_assert_cmpint (sd_pay_curve_pay_at (s, PLAN, FIX (69)), ==, RUB (5000));
  g_assert_cmpint (sd_pay_curve_pay_at (s, PLAN, FIX (70)), ==, RUB (8500));
  g_assert_cmpint (curve->cost[1].pay, ==, RUB (10000));
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_CLIFF, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (70));
  g_assert_cmpuint (count_kind (curve, SD_PAY_CURVE_WARNING_FLAT, &w), ==, 1);
  g_assert_cmpint (w->at_pct, ==, FIX (120));
  g_assert_cmpint (w->amount, ==, RUB (11000));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pay-curve/points/steps-and-boundaries", test_points);
  g_test_add_func ("/pay-curve/cliff/ladder-gate-and-tiers", test_cliffs_ladder);
  g_test_add_func ("/pay-curve/cliff/threshold-option", test_cliff_threshold_option);
  g_test_add_func ("/pay-curve/cliff/fractional-boundary-once", test_fractional_boundary);
  g_test_add_func ("/pay-curve/marginal/no-warnings", test_marginal_smooth);
  g_test_add_func ("/pay-curve/flat/bonus-only-over-plan", test_bonus_only_over_plan);
  g_test_add_func ("/pay-curve/flat/salary-only", test_salary_only);
  g_test_add_func ("/pay-curve/cap/bites-before-120", test_cap_early);
  g_test_add_func ("/pay-curve/kpi/plan-completion", test_kpi_curve);

  return g_test_run ();
}
