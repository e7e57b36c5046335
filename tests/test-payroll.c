/* test-payroll.c — the month's pay, to the kopeck, with its explanations
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected figures were worked out by hand from the rules of DESIGN.md (exact fractions,
 * each line rounded half away from zero) and are written here in kopecks.
 */
#define G_LOG_DOMAIN "test-payroll"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-payroll.h"
#include "sd-scheme-json.h"

#define FIX(x)  ((gint64) ((x) * SD_FIX_ONE))
#define RUB(x)  ((SdMoney) (x) * 100)
#define PLAN    RUB (1000000)

static SdMonth
month_of (int year,
          int month)
{
  return year * 12 + month - 1;
}

static SdStaffMember *
member_new (const char *name,
            int         hy, int hm, int hd,
            int         ly, int lm, int ld)
{
  SdStaffMember *m = sd_staff_member_new ();

  g_free (m->name);
  m->name = g_strdup (name);
  m->id = g_str_hash (name) & 0xffff;
  g_date_clear (&m->hired, 1);
  g_date_set_dmy (&m->hired, (GDateDay) hd, (GDateMonth) hm, (GDateYear) hy);
  g_date_clear (&m->left, 1);
  if (ly != 0)
    g_date_set_dmy (&m->left, (GDateDay) ld, (GDateMonth) lm, (GDateYear) ly);

  return m;
}

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

/* One person, hired long ago, January 2026, revenue = fact; everything else in `fact`. */
static SdPayslip *
pay_one (const SdScheme *scheme,
         gboolean        has_plan,
         SdMoney         plan,
         const SdFact   *fact)
{
  g_autoptr(SdStaffMember) m = member_new ("Иванов", 2020, 1, 1, 0, 0, 0);
  g_autoptr(SdPayroll) payroll = NULL;
  SdPayrollInput in;

  memset (&in, 0, sizeof in);
  in.member = m;
  in.scheme = scheme;
  in.has_plan = has_plan;
  in.plan = plan;
  in.has_fact = fact != NULL;
  if (fact != NULL)
    in.fact = *fact;

  payroll = sd_payroll_compute_month (month_of (2026, 1), sd_calendar_get_default (), &in, 1,
                                      NULL, SD_NUMBER_STYLE_EN, "RUB");
  g_assert_nonnull (payroll);
  g_assert_cmpuint (payroll->slips->len, ==, 1);
  return g_ptr_array_steal_index (payroll->slips, 0);
}

static SdFact
revenue_fact (SdMoney revenue)
{
  SdFact f;

  memset (&f, 0, sizeof f);
  f.revenue = f.paid = f.margin = revenue;
  return f;
}

static void
assert_sums (const SdPayslip *slip)
{
  g_assert_cmpint (slip->total, ==, slip->salary + slip->commission + slip->kpi +
                   slip->overplan + slip->cap_adjustment);
  g_assert_cmpint (slip->cap_adjustment, <=, 0);
}

typedef struct {
  SdMoney fact;
  SdMoney commission;
} CommissionCase;

static void
run_commission_cases (SdScheme             *s,
                      SdMoney               plan,
                      const CommissionCase *cases,
                      guint                 n)
{
  for (guint i = 0; i < n; i++)
    {
      SdFact f = revenue_fact (cases[i].fact);
      g_autoptr(SdPayslip) slip = pay_one (s, TRUE, plan, &f);

      g_test_message ("fact %" G_GINT64_FORMAT, cases[i].fact);
      g_assert_cmpint (slip->commission, ==, cases[i].commission);
      g_assert_cmpint (slip->salary, ==, s->salary);
      assert_sums (slip);
    }
}

static void
test_commission_flat (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  static const CommissionCase cases[] = {
    { 0, 0 },
    { 10, 1 },                  /* 0.5 kopeck rounds away from zero */
    { 9, 0 },                   /* 0.45 */
    { 1234567, 61728 },         /* 61 728.35 */
    { 123456789, 6172839 },     /* 6 172 839.45 */
    { RUB (1250000), RUB (62500) },
    { -RUB (1000), 0 },         /* a negative base pays nothing, not a claw-back */
  };

  sd_scheme_add_tier (s, 0, FIX (5));
  run_commission_cases (s, PLAN, cases, G_N_ELEMENTS (cases));
}

static void
test_commission_flat_fractional (void)
{
  g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_FLAT);
  static const CommissionCase cases[] = {
    { RUB (100000), RUB (2500) },
    { 20, 1 },                  /* 0.5 */
    { 19, 0 },                  /* 0.475 */
    { 60, 2 },                  /* 1.5 */
  };

  sd_scheme_add_tier (s, 0, FIX (2.5));
  run_commission_cases (s, PLAN, cases, G_N_ELEMENTS (cases));
}

static void
test_commission_whole (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_WHOLE);
  static const CommissionCase cases[] = {
    { 0, 0 },
    { RUB (100000), RUB (3000) },
    { 69999999, 2100000 },           /* 3 % of 699 999.99 = 20 999.9997 */
    { 70000000, 3500000 },           /* at 70 %: 5 % */
    { 70000001, 3500000 },           /* 3 500 000.05 */
    { 99999999, 5000000 },           /* 4 999 999.95 → up */
    { 100000000, 7000000 },          /* at 100 %: 7 % */
    { 200000000, 14000000 },
  };

  sd_scheme_add_tier (s, 0, FIX (3));
  sd_scheme_add_tier (s, FIX (70), FIX (5));
  sd_scheme_add_tier (s, FIX (100), FIX (7));
  run_commission_cases (s, PLAN, cases, G_N_ELEMENTS (cases));
}

/* A draft without tiers (the editor computes curves of unsaved schemes) pays no commission
 * in every mode rather than reading a tier that is not there. */
static void
test_commission_no_tiers (void)
{
  static const SdCommissionMode modes[] = {
    SD_COMMISSION_FLAT, SD_COMMISSION_WHOLE, SD_COMMISSION_MARGINAL,
  };
  static const CommissionCase cases[] = { { 0, 0 }, { RUB (100000), 0 }, { -RUB (5), 0 } };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(SdScheme) s = scheme_new (RUB (40000), modes[m]);

      run_commission_cases (s, PLAN, cases, G_N_ELEMENTS (cases));
    }
}

/* 33.33 % of 300 000,00 is 99 990,00 exactly; one kopeck less is the lower tier. */
static void
test_commission_whole_fractional_tier (void)
{
  g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_WHOLE);
  static const CommissionCase cases[] = {
    { 9998999, 99990 },     /* 1 % of 99 989,99 = 999,8999 */
    { 9999000, 199980 },    /* 2 % of 99 990,00 */
    { 9999001, 199980 },
  };

  sd_scheme_add_tier (s, 0, FIX (1));
  sd_scheme_add_tier (s, FIX (33.33), FIX (2));
  run_commission_cases (s, RUB (300000), cases, G_N_ELEMENTS (cases));
}

static void
test_commission_marginal (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_MARGINAL);
  static const CommissionCase cases[] = {
    { 0, 0 },
    { 69999999, 2100000 },           /* 2 099 999.97 */
    { 70000000, 2100000 },           /* 3 % of 700 000 */
    { 70000001, 2100000 },           /* + 5 % of a kopeck */
    { 70000010, 2100001 },           /* + 0.5 */
    { 85000000, 2850000 },           /* 21 000 + 5 % of 150 000 */
    { 100000000, 3600000 },          /* 21 000 + 15 000 */
    { 100000001, 3600000 },          /* + 7 % of a kopeck */
    { 120000000, 5000000 },          /* 36 000 + 7 % of 200 000 */
  };

  sd_scheme_add_tier (s, 0, FIX (3));
  sd_scheme_add_tier (s, FIX (70), FIX (5));
  sd_scheme_add_tier (s, FIX (100), FIX (7));
  run_commission_cases (s, PLAN, cases, G_N_ELEMENTS (cases));
}

/* Marginal thresholds that are not whole kopecks: 33.33 % of 1 000,01 ₽ = 333,303333 ₽. */
static void
test_commission_marginal_fractional (void)
{
  g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_MARGINAL);
  static const CommissionCase cases[] = {
    /* 10 % of 333.303333 + 20 % of (500 − 333.303333) = 33.3303333 + 33.3393334 = 66.6696667 */
    { 50000, 6667 },
    /* 10 % of 333.30 = 33.33 */
    { 33330, 3333 },
  };

  sd_scheme_add_tier (s, 0, FIX (10));
  sd_scheme_add_tier (s, FIX (33.33), FIX (20));
  run_commission_cases (s, 100001, cases, G_N_ELEMENTS (cases));
}

static void
test_gate (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  SdFact below = revenue_fact (49999999);
  SdFact at = revenue_fact (50000000);
  g_autoptr(SdPayslip) a = NULL;
  g_autoptr(SdPayslip) b = NULL;
  g_autoptr(SdPayslip) c = NULL;
  g_autoptr(SdPayslip) d = NULL;
  g_autofree char *text = NULL;

  sd_scheme_add_tier (s, 0, FIX (5));
  s->gate_pct = FIX (50);
  s->kpi_target_bonus = RUB (20000);
  sd_scheme_add_kpi_item (s, SD_METRIC_CALLS, SD_FIX_ONE, FIX (600), FIX (800), FIX (1000));
  sd_scheme_add_overplan (s, FIX (40), RUB (1000));
  below.calls = at.calls = 800;

  a = pay_one (s, TRUE, PLAN, &below);
  g_assert_cmpint (a->commission, ==, 0);
  g_assert_cmpint (a->overplan, ==, 0);
  g_assert_cmpint (a->kpi, ==, RUB (20000));        /* KPI remains below the gate */
  g_assert_cmpint (a->total, ==, RUB (60000));
  text = sd_payslip_explain (a);
  g_assert_nonnull (strstr (text, "below the gate of 50 %"));

  b = pay_one (s, TRUE, PLAN, &at);
  g_assert_cmpint (b->commission, ==, 2500000);
  g_assert_cmpint (b->overplan, ==, RUB (1000));
  g_assert_cmpint (b->total, ==, RUB (40000) + 2500000 + RUB (1000) + RUB (20000));

  /* A fractional gate: 33.33 % of 300 000,00 = 99 990,00. */
  s->gate_pct = FIX (33.33);
  below = revenue_fact (9998999);
  at = revenue_fact (9999000);
  c = pay_one (s, TRUE, RUB (300000), &below);
  d = pay_one (s, TRUE, RUB (300000), &at);
  g_assert_cmpint (c->commission, ==, 0);
  g_assert_cmpint (d->commission, ==, 499950);
}

typedef struct {
  SdMoney revenue;
  gint64  calls;
  SdMoney kpi;
} KpiCase;

static void
test_kpi (void)
{
  g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_FLAT);
  static const KpiCase cases[] = {
    { 69990000, 800, 0 + 800000 },          /* plan below min: k=0; calls k=1 × 0.4 */
    { 85000000, 599, 1020000 },             /* calls below min: 0.6 × 0.85 */
    { 70000000, 600, 1440000 },             /* both at min: 0.42 + 0.30 */
    { 85000000, 700, 1720000 },             /* between: 0.51 + 0.35 */
    { 100000000, 800, 2000000 },            /* on target */
    { 150000000, 1200, 2440000 },           /* above max: 0.72 + 0.50 */
    { 120000000, 1000, 2440000 },           /* at max */
    { 83333333, 777, 1777000 },             /* 0.499999998 + 0.3885 → 17 769,99996 */
    { 69999999, 1000, 1000000 },            /* one kopeck below the plan minimum */
  };

  sd_scheme_add_tier (s, 0, 0);
  s->kpi_target_bonus = RUB (20000);
  sd_scheme_add_kpi_item (s, SD_METRIC_PLAN_PCT, FIX (0.6), FIX (70), FIX (100), FIX (120));
  sd_scheme_add_kpi_item (s, SD_METRIC_CALLS, FIX (0.4), FIX (600), FIX (800), FIX (1000));
  g_assert_true (sd_scheme_validate (s, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SdFact f = revenue_fact (cases[i].revenue);
      g_autoptr(SdPayslip) slip = NULL;

      f.calls = cases[i].calls;
      slip = pay_one (s, TRUE, PLAN, &f);
      g_test_message ("case %u", i);
      g_assert_cmpint (slip->kpi, ==, cases[i].kpi);
      assert_sums (slip);
    }
}

static void
test_kpi_metrics (void)
{
  static const struct {
    SdMetric metric;
    gint64   min, target, max;
    SdFact   fact;
    gboolean has_score;
    gint64   score;
    SdMoney  kpi;
  } cases[] = {
    /* conversion 15 % of target 20 % */
    { SD_METRIC_CONVERSION, FIX (10), FIX (20), FIX (30), { .revenue = 1, .deals = 15, .leads = 100 }, FALSE, 0, RUB (7500) },
    /* no leads: stated, counted as 0 */
    { SD_METRIC_CONVERSION, FIX (10), FIX (20), FIX (30), { .revenue = 1, .deals = 3, .leads = 0 }, FALSE, 0, 0 },
    /* conversion 1/3 = 33.33…% capped at 30 % → 1.5 */
    { SD_METRIC_CONVERSION, FIX (10), FIX (20), FIX (30), { .revenue = 1, .deals = 1, .leads = 3 }, FALSE, 0, RUB (15000) },
    /* conversion 2/13 = 15.3846…% → k 0.769230… → 7 692,307… */
    { SD_METRIC_CONVERSION, FIX (10), FIX (20), FIX (30), { .revenue = 1, .deals = 2, .leads = 13 }, FALSE, 0, 769231 },
    { SD_METRIC_CALL_SCORE, FIX (50), FIX (100), FIX (100), { .revenue = 1 }, TRUE, FIX (87.5), RUB (8750) },
    { SD_METRIC_CALL_SCORE, FIX (50), FIX (100), FIX (100), { .revenue = 1 }, FALSE, 0, 0 },
    { SD_METRIC_REVENUE, FIX (500000), FIX (1000000), FIX (1500000), { .revenue = RUB (750000) }, FALSE, 0, RUB (7500) },
    { SD_METRIC_REVENUE, FIX (500000), FIX (1000000), FIX (1500000), { .revenue = RUB (499999) }, FALSE, 0, 0 },
    { SD_METRIC_PAID, FIX (500000), FIX (1000000), FIX (1500000), { .revenue = 1, .paid = 123456789 }, FALSE, 0, 1234568 },
    { SD_METRIC_DEALS, FIX (5), FIX (10), FIX (20), { .revenue = 1, .deals = 7 }, FALSE, 0, RUB (7000) },
    { SD_METRIC_LEADS, FIX (50), FIX (100), FIX (150), { .revenue = 1, .leads = 300 }, FALSE, 0, RUB (15000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_FLAT);
      g_autoptr(SdStaffMember) m = member_new ("A", 2020, 1, 1, 0, 0, 0);
      g_autoptr(SdPayroll) p = NULL;
      SdPayrollInput in;
      const SdPayslip *slip;

      sd_scheme_add_tier (s, 0, 0);
      s->kpi_target_bonus = RUB (10000);
      sd_scheme_add_kpi_item (s, cases[i].metric, SD_FIX_ONE, cases[i].min, cases[i].target, cases[i].max);
      memset (&in, 0, sizeof in);
      in.member = m;
      in.scheme = s;
      in.has_plan = TRUE;
      in.plan = PLAN;
      in.has_fact = TRUE;
      in.fact = cases[i].fact;
      in.has_call_score = cases[i].has_score;
      in.call_score = cases[i].score;
      p = sd_payroll_compute_month (month_of (2026, 3), sd_calendar_get_default (), &in, 1, NULL,
                                    SD_NUMBER_STYLE_EN, "RUB");
      slip = g_ptr_array_index (p->slips, 0);
      g_test_message ("case %u", i);
      g_assert_cmpint (slip->kpi, ==, cases[i].kpi);

      if (cases[i].metric == SD_METRIC_CALL_SCORE && !cases[i].has_score)
        {
          g_autofree char *text = sd_payslip_explain (slip);

          g_assert_nonnull (strstr (text, "no calls were scored this month"));
        }
    }
}

static void
test_overplan (void)
{
  g_autoptr(SdScheme) s = scheme_new (0, SD_COMMISSION_FLAT);
  static const CommissionCase cases[] = {
    { 100000000, 0 },
    { 109999999, 0 },
    { 110000000, RUB (10000) },
    { 119999999, RUB (10000) },
    { 120000000, RUB (20000) },
    { 200000000, RUB (20000) },
  };

  sd_scheme_add_tier (s, 0, 0);
  sd_scheme_add_overplan (s, FIX (110), RUB (10000));
  sd_scheme_add_overplan (s, FIX (120), RUB (20000));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SdFact f = revenue_fact (cases[i].fact);
      g_autoptr(SdPayslip) slip = pay_one (s, TRUE, PLAN, &f);

      g_assert_cmpint (slip->overplan, ==, cases[i].commission);
    }
}

static void
test_cap (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  SdFact over = revenue_fact (RUB (1500000));
  SdFact under = revenue_fact (RUB (1200000));
  SdFact exact = revenue_fact (RUB (1300000));
  g_autoptr(SdPayslip) a = NULL;
  g_autoptr(SdPayslip) b = NULL;
  g_autoptr(SdPayslip) c = NULL;

  sd_scheme_add_tier (s, 0, FIX (10));
  sd_scheme_add_overplan (s, FIX (120), RUB (20000));
  s->has_cap = TRUE;
  s->cap = RUB (150000);

  a = pay_one (s, TRUE, PLAN, &over);
  g_assert_cmpint (a->commission, ==, RUB (150000));
  g_assert_cmpint (a->overplan, ==, RUB (20000));
  g_assert_cmpint (a->cap_adjustment, ==, -RUB (20000));
  g_assert_cmpint (a->total, ==, RUB (190000));

  b = pay_one (s, TRUE, PLAN, &under);
  g_assert_cmpint (b->cap_adjustment, ==, 0);
  g_assert_cmpint (b->total, ==, RUB (40000 + 120000 + 20000));

  /* 130 000 + 20 000 = the cap exactly: nothing removed. */
  c = pay_one (s, TRUE, PLAN, &exact);
  g_assert_cmpint (c->cap_adjustment, ==, 0);
  g_assert_cmpint (c->total, ==, RUB (190000));
}

typedef struct {
  int     year, month;
  int     hy, hm, hd;
  int     ly, lm, ld;
  guint   worked, working;
  SdMoney salary;
} ProrationCase;

static void
test_proration (void)
{
  static const ProrationCase cases[] = {
    { 2026, 1, 2020, 1, 1, 0, 0, 0, 15, 15, RUB (40000) },
    { 2026, 1, 2026, 1, 19, 0, 0, 0, 10, 15, 2666667 },     /* 26 666,666… */
    { 2026, 1, 2020, 1, 1, 2026, 1, 20, 7, 15, 1866667 },   /* 18 666,666… */
    { 2026, 1, 2026, 1, 1, 2026, 1, 11, 0, 15, 0 },         /* only holidays */
    { 2026, 5, 2020, 1, 1, 0, 0, 0, 19, 19, RUB (40000) },
    { 2026, 5, 2026, 5, 12, 0, 0, 0, 14, 19, 2947368 },     /* 29 473,684… */
    { 2026, 5, 2020, 1, 1, 2026, 5, 8, 5, 19, 1052632 },    /* 10 526,315… */
    { 2026, 12, 2020, 1, 1, 0, 0, 0, 22, 22, RUB (40000) },
    { 2026, 12, 2026, 12, 14, 2026, 12, 25, 10, 22, 1818182 }, /* 18 181,818… */
    { 2026, 12, 2026, 12, 1, 2026, 12, 31, 22, 22, RUB (40000) },
    { 2026, 12, 2020, 1, 1, 2026, 12, 1, 1, 22, 181818 },   /* 1 818,1818… */
  };
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);

  sd_scheme_add_tier (s, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ProrationCase *c = &cases[i];
      g_autoptr(SdStaffMember) m = member_new ("A", c->hy, c->hm, c->hd, c->ly, c->lm, c->ld);
      g_autoptr(SdPayroll) p = NULL;
      const SdPayslip *slip;
      SdPayrollInput in;

      memset (&in, 0, sizeof in);
      in.member = m;
      in.scheme = s;
      p = sd_payroll_compute_month (month_of (c->year, c->month), sd_calendar_get_default (),
                                    &in, 1, NULL, SD_NUMBER_STYLE_EN, "RUB");
      slip = g_ptr_array_index (p->slips, 0);
      g_test_message ("case %u", i);
      g_assert_cmpuint (slip->working_days, ==, c->working);
      g_assert_cmpuint (slip->worked_days, ==, c->worked);
      g_assert_cmpint (slip->salary, ==, c->salary);
      g_assert_cmpint (slip->total, ==, c->salary);
    }
}

/* The head's team scheme on the department plan and everyone's facts. */
static void
test_team_scope (void)
{
  g_autoptr(SdScheme) personal = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  g_autoptr(SdScheme) team = scheme_new (RUB (80000), SD_COMMISSION_WHOLE);
  g_autoptr(SdStaffMember) a = member_new ("A", 2020, 1, 1, 0, 0, 0);
  g_autoptr(SdStaffMember) b = member_new ("B", 2020, 1, 1, 0, 0, 0);
  g_autoptr(SdStaffMember) head = member_new ("Head", 2020, 1, 1, 0, 0, 0);
  SdPayrollInput in[3];
  SdMoney department = RUB (1100000);
  g_autoptr(SdPayroll) summed = NULL;
  g_autoptr(SdPayroll) own = NULL;
  const SdPayslip *h;

  sd_scheme_add_tier (personal, 0, FIX (1));
  sd_scheme_add_tier (team, 0, FIX (1));
  sd_scheme_add_tier (team, FIX (100), FIX (2));
  sd_scheme_add_overplan (team, FIX (105), RUB (5000));
  team->scope = SD_SCOPE_TEAM;

  memset (in, 0, sizeof in);
  in[0].member = a;
  in[0].scheme = personal;
  in[0].has_plan = TRUE;
  in[0].plan = RUB (600000);
  in[0].has_fact = TRUE;
  in[0].fact = revenue_fact (RUB (700000));
  in[1].member = b;
  in[1].scheme = personal;
  in[1].has_plan = TRUE;
  in[1].plan = RUB (400000);
  in[1].has_fact = TRUE;
  in[1].fact = revenue_fact (RUB (350000));
  in[2].member = head;
  in[2].scheme = team;

  /* No department target: the managers' plans add up to 1 000 000; facts 1 050 000 = 105 %. */
  summed = sd_payroll_compute_month (month_of (2026, 4), sd_calendar_get_default (), in, 3, NULL,
                                     SD_NUMBER_STYLE_EN, "RUB");
  h = g_ptr_array_index (summed->slips, 2);
  g_assert_cmpint (h->plan, ==, RUB (1000000));
  g_assert_cmpint (h->base_fact, ==, RUB (1050000));
  g_assert_cmpint (h->commission, ==, RUB (21000));
  g_assert_cmpint (h->overplan, ==, RUB (5000));
  g_assert_cmpint (h->total, ==, RUB (80000 + 21000 + 5000));
  g_assert_cmpint (((SdPayslip *) g_ptr_array_index (summed->slips, 0))->commission, ==, RUB (7000));
  g_assert_cmpint (((SdPayslip *) g_ptr_array_index (summed->slips, 1))->commission, ==, RUB (3500));
  g_assert_cmpint (summed->total, ==, RUB (40000 + 7000 + 40000 + 3500 + 106000));

  /* The department's own target 1 100 000: 95,45 % → 1 %. */
  own = sd_payroll_compute_month (month_of (2026, 4), sd_calendar_get_default (), in, 3, &department,
                                  SD_NUMBER_STYLE_EN, "RUB");
  h = g_ptr_array_index (own->slips, 2);
  g_assert_cmpint (h->plan, ==, RUB (1100000));
  g_assert_cmpint (h->commission, ==, RUB (10500));
  g_assert_cmpint (h->overplan, ==, 0);
}

/* March is paid by the old scheme, April by the new one: the caller passes the scheme that
 * applies, and the same facts give each month its own pay. */
static void
test_scheme_change_mid_year (void)
{
  g_autoptr(SdScheme) old_scheme = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  g_autoptr(SdScheme) new_scheme = scheme_new (RUB (45000), SD_COMMISSION_WHOLE);
  g_autoptr(SdStaffMember) m = member_new ("A", 2020, 1, 1, 0, 0, 0);
  g_autoptr(SdPayroll) march = NULL;
  g_autoptr(SdPayroll) april = NULL;
  SdPayrollInput in;
  const SdPayslip *s3, *s4;

  sd_scheme_add_tier (old_scheme, 0, FIX (3));
  g_free (new_scheme->name);
  new_scheme->name = g_strdup ("from April");
  sd_scheme_add_tier (new_scheme, 0, FIX (2));
  sd_scheme_add_tier (new_scheme, FIX (90), FIX (6));

  memset (&in, 0, sizeof in);
  in.member = m;
  in.has_plan = TRUE;
  in.plan = PLAN;
  in.has_fact = TRUE;
  in.fact = revenue_fact (RUB (950000));

  in.scheme = old_scheme;
  march = sd_payroll_compute_month (month_of (2026, 3), sd_calendar_get_default (), &in, 1, NULL,
                                    SD_NUMBER_STYLE_EN, "RUB");
  in.scheme = new_scheme;
  april = sd_payroll_compute_month (month_of (2026, 4), sd_calendar_get_default (), &in, 1, NULL,
                                    SD_NUMBER_STYLE_EN, "RUB");
  s3 = g_ptr_array_index (march->slips, 0);
  s4 = g_ptr_array_index (april->slips, 0);
  g_assert_cmpstr (s3->scheme_name, ==, "test");
  g_assert_cmpstr (s4->scheme_name, ==, "from April");
  g_assert_cmpint (s3->commission, ==, RUB (28500));
  g_assert_cmpint (s3->total, ==, RUB (68500));
  g_assert_cmpint (s4->commission, ==, RUB (57000));
  g_assert_cmpint (s4->total, ==, RUB (102000));
}

static void
test_missing_plan_and_facts (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_FLAT);
  SdFact f = revenue_fact (RUB (500000));
  g_autoptr(SdPayslip) no_plan = NULL;
  g_autoptr(SdPayslip) zero_plan = NULL;
  g_autoptr(SdPayslip) no_fact = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;

  sd_scheme_add_tier (s, 0, FIX (5));
  s->kpi_target_bonus = RUB (1000);
  sd_scheme_add_kpi_item (s, SD_METRIC_CALLS, SD_FIX_ONE, 0, FIX (1), FIX (1));

  no_plan = pay_one (s, FALSE, 0, &f);
  g_assert_cmpint (no_plan->commission + no_plan->kpi + no_plan->overplan, ==, 0);
  g_assert_cmpint (no_plan->total, ==, RUB (40000));
  g_assert_false (no_plan->has_plan_pct);
  t1 = sd_payslip_explain (no_plan);
  g_assert_nonnull (strstr (t1, "There is no plan for the month"));

  zero_plan = pay_one (s, TRUE, 0, &f);
  g_assert_cmpint (zero_plan->total, ==, RUB (40000));
  t2 = sd_payslip_explain (zero_plan);
  g_assert_nonnull (strstr (t2, "plan for the month is zero"));

  no_fact = pay_one (s, TRUE, PLAN, NULL);
  g_assert_cmpint (no_fact->total, ==, RUB (40000));
  t3 = sd_payslip_explain (no_fact);
  g_assert_nonnull (strstr (t3, "There are no facts for the month"));
}

static void
test_no_scheme (void)
{
  g_autoptr(SdPayslip) slip = pay_one (NULL, TRUE, PLAN, NULL);
  g_autofree char *text = sd_payslip_explain (slip);

  g_assert_cmpint (slip->total, ==, 0);
  g_assert_null (slip->scheme_name);
  g_assert_nonnull (strstr (text, "No motivation scheme"));
}

/* The DESIGN.md scheme on 1 250 000 of 1 500 000, explained in Russian number style. */
static void
test_explanation_design_example (void)
{
  static const char json[] =
    "{ \"name\": \"Manager\", \"salary\": \"40000.00\","
    "  \"commission\": { \"base\": \"revenue\", \"mode\": \"whole\","
    "  \"tiers\": [ {\"from_pct\": 0, \"rate_pct\": 3}, {\"from_pct\": 70, \"rate_pct\": 5}, {\"from_pct\": 100, \"rate_pct\": 7} ] },"
    "  \"gate_pct\": 50,"
    "  \"kpi\": { \"target_bonus\": \"20000.00\", \"items\": ["
    "    {\"metric\": \"plan_pct\", \"weight\": 0.6, \"min\": 70, \"target\": 100, \"max\": 120},"
    "    {\"metric\": \"calls\", \"weight\": 0.4, \"min\": 600, \"target\": 800, \"max\": 1000} ] },"
    "  \"overplan\": [ {\"from_pct\": 110, \"amount\": \"10000.00\"}, {\"from_pct\": 120, \"amount\": \"20000.00\"} ],"
    "  \"cap\": \"150000.00\", \"scope\": \"personal\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) s = sd_scheme_from_json (json, -1, &error);
  g_autoptr(SdStaffMember) m = member_new ("Иванов", 2020, 1, 1, 0, 0, 0);
  g_autoptr(SdPayroll) p = NULL;
  SdPayrollInput in;
  const SdPayslip *slip;
  g_autofree char *text = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  memset (&in, 0, sizeof in);
  in.member = m;
  in.scheme = s;
  in.has_plan = TRUE;
  in.plan = RUB (1500000);
  in.has_fact = TRUE;
  in.fact = revenue_fact (RUB (1250000));
  in.fact.calls = 700;
  p = sd_payroll_compute_month (month_of (2026, 3), sd_calendar_get_default (), &in, 1, NULL,
                                SD_NUMBER_STYLE_RU, "₽");
  slip = g_ptr_array_index (p->slips, 0);

  g_assert_cmpint (slip->commission, ==, RUB (62500));
  g_assert_cmpint (slip->kpi, ==, RUB (17000));       /* 0,6 × 5/6 + 0,4 × 0,875 = 0,85 */
  g_assert_cmpint (slip->overplan, ==, 0);
  g_assert_cmpint (slip->cap_adjustment, ==, 0);
  g_assert_cmpint (slip->total, ==, RUB (119500));
  g_assert_true (slip->has_plan_pct);
  g_assert_cmpint (slip->plan_pct, ==, 833000);

  for (guint i = 0; i < slip->notes->len; i++)
    {
      const SdPayrollNote *note = g_ptr_array_index (slip->notes, i);

      if (note->part == SD_PAYROLL_PART_COMMISSION)
        {
          g_assert_cmpstr (note->text, ==,
                           "commission: 1\u202f250\u202f000,00\u00a0₽ × 5 % (tier from 70 %, completion 83,3 %) = 62\u202f500,00\u00a0₽");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The second example of docs/motivation.md: 120 % and 1 000 calls hit the cap. */
  {
    g_autoptr(SdPayroll) capped = NULL;
    const SdPayslip *c;
    g_autofree char *cap_text = NULL;

    in.fact = revenue_fact (RUB (1800000));
    in.fact.calls = 1000;
    capped = sd_payroll_compute_month (month_of (2026, 3), sd_calendar_get_default (), &in, 1, NULL,
                                       SD_NUMBER_STYLE_EN, "RUB");
    c = g_ptr_array_index (capped->slips, 0);
    g_assert_cmpint (c->commission, ==, RUB (126000));
    g_assert_cmpint (c->kpi, ==, RUB (24400));
    g_assert_cmpint (c->overplan, ==, RUB (20000));
    g_assert_cmpint (c->cap_adjustment, ==, -RUB (20400));
    g_assert_cmpint (c->total, ==, RUB (190000));
    cap_text = sd_payslip_explain (c);
    g_assert_nonnull (strstr (cap_text, "is above the cap of"));
  }

  text = sd_payslip_explain (slip);
  g_assert_nonnull (strstr (text, "salary: 40\u202f000,00\u00a0₽ for the full month (21 working days)"));
  g_assert_nonnull (strstr (text, "KPI bonus: 20\u202f000,00\u00a0₽ × 0,85 = 17\u202f000,00\u00a0₽"));
  g_assert_nonnull (strstr (text, "over-plan bonus: none"));
  g_assert_true (g_str_has_suffix (text, "= 119\u202f500,00\u00a0₽"));
}

/* payroll.csv byte for byte: DESIGN.md's columns, a point and two decimals, a TOTAL row. */
static void
test_csv_known_case (void)
{
  g_autoptr(SdScheme) s = scheme_new (RUB (40000), SD_COMMISSION_WHOLE);
  g_autoptr(SdStaffMember) a = member_new ("Иванов Иван", 2020, 1, 1, 0, 0, 0);
  g_autoptr(SdStaffMember) b = member_new ("Petrov, \"Pete\"", 2026, 5, 12, 0, 0, 0);
  g_autoptr(SdPayroll) p = NULL;
  g_autofree char *csv = NULL;
  SdPayrollInput in[2];
  static const char expected[] =
    "manager,worked_days,working_days,salary,commission,kpi,overplan,cap_adjustment,total\n"
    "Иванов Иван,19,19,40000.00,105000.00,20000.00,20000.00,-45000.00,140000.00\n"
    "\"Petrov, \"\"Pete\"\"\",14,19,29473.68,21000.00,0.00,0.00,0.00,50473.68\n"
    "TOTAL,,,69473.68,126000.00,20000.00,20000.00,-45000.00,190473.68\n";

  sd_scheme_add_tier (s, 0, FIX (3));
  sd_scheme_add_tier (s, FIX (100), FIX (7));
  s->kpi_target_bonus = RUB (20000);
  sd_scheme_add_kpi_item (s, SD_METRIC_PLAN_PCT, SD_FIX_ONE, FIX (90), FIX (100), FIX (100));
  sd_scheme_add_overplan (s, FIX (120), RUB (20000));
  s->has_cap = TRUE;
  s->cap = RUB (100000);

  memset (in, 0, sizeof in);
  in[0].member = a;
  in[0].scheme = s;
  in[0].has_plan = TRUE;
  in[0].plan = RUB (1000000);
  in[0].has_fact = TRUE;
  in[0].fact = revenue_fact (RUB (1500000));   /* 105 000 + 20 000 + 20 000 − 45 000 */
  in[1].member = b;
  in[1].scheme = s;
  in[1].has_plan = TRUE;
  in[1].plan = RUB (1000000);
  in[1].has_fact = TRUE;
  in[1].fact = revenue_fact (RUB (700000));    /* 3 %; KPI below its minimum */

  p = sd_payroll_compute_month (month_of (2026, 5), sd_calendar_get_default (), in, 2, NULL,
                                SD_NUMBER_STYLE_RU, "₽");
  csv = sd_payroll_to_csv (p);
  g_assert_cmpstr (csv, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/payroll/commission/flat/rounding", test_commission_flat);
  g_test_add_func ("/payroll/commission/flat/fractional-rate", test_commission_flat_fractional);
  g_test_add_func ("/payroll/commission/whole/at-and-around-tiers", test_commission_whole);
  g_test_add_func ("/payroll/commission/whole/fractional-tier", test_commission_whole_fractional_tier);
  g_test_add_func ("/payroll/commission/no-tiers-pays-none", test_commission_no_tiers);
  g_test_add_func ("/payroll/commission/marginal/at-and-around-tiers", test_commission_marginal);
  g_test_add_func ("/payroll/commission/marginal/fractional-threshold", test_commission_marginal_fractional);
  g_test_add_func ("/payroll/gate/below-and-at", test_gate);
  g_test_add_func ("/payroll/kpi/below-between-above", test_kpi);
  g_test_add_func ("/payroll/kpi/every-metric", test_kpi_metrics);
  g_test_add_func ("/payroll/overplan/steps", test_overplan);
  g_test_add_func ("/payroll/cap/removes-excess", test_cap);
  g_test_add_func ("/payroll/salary/proration-2026", test_proration);
  g_test_add_func ("/payroll/scope/team", test_team_scope);
  g_test_add_func ("/payroll/scheme/change-mid-year", test_scheme_change_mid_year);
  g_test_add_func ("/payroll/missing/plan-and-facts-stated", test_missing_plan_and_facts);
  g_test_add_func ("/payroll/missing/scheme-stated", test_no_scheme);
  g_test_add_func ("/payroll/explain/design-example", test_explanation_design_example);
  g_test_add_func ("/payroll/csv/known-case-byte-for-byte", test_csv_known_case);

  return g_test_run ();
}
