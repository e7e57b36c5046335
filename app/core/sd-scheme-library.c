/* sd-scheme-library.c — typical motivation schemes to start from
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures follow the source articles: a salary that is not the main part of pay, a
 * commission that grows with completion, a gate near half the plan, a KPI matrix of two or
 * three measurable items, over-plan steps, a cap the owner can afford.
 */
#define G_LOG_DOMAIN "sd-scheme-library"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-scheme-library.h"

#define PCT(x)  ((gint64) ((x) * SD_FIX_ONE))
#define RUB(x)  ((SdMoney) (x) * 100)

static SdScheme *
salary_and_flat (void)
{
  SdScheme *s = sd_scheme_new ();

  g_free (s->name);
  s->name = g_strdup (_("Salary + flat percentage"));
  s->description = g_strdup (_("A salary and one rate on all revenue. Simple to explain; pays more for every ruble sold, with no plan needed to earn the commission."));
  s->salary = RUB (40000);
  s->mode = SD_COMMISSION_FLAT;
  sd_scheme_add_tier (s, 0, PCT (5));

  return s;
}

static SdScheme *
ladder (void)
{
  SdScheme *s = sd_scheme_new ();

  g_free (s->name);
  /* Translators: "лесенка" in Russian: the reached tier's rate applies to all revenue */
  s->name = g_strdup (_("Ladder: tier rate on all revenue"));
  s->description = g_strdup (_("The rate grows with plan completion and applies to all revenue; nothing below half of the plan. Strong pull towards the plan, but each tier is a jump in pay."));
  s->salary = RUB (30000);
  s->mode = SD_COMMISSION_WHOLE;
  sd_scheme_add_tier (s, 0, PCT (2));
  sd_scheme_add_tier (s, PCT (70), PCT (4));
  sd_scheme_add_tier (s, PCT (100), PCT (6));
  sd_scheme_add_tier (s, PCT (120), PCT (7));
  s->gate_pct = PCT (50);

  return s;
}

static SdScheme *
marginal_kpi (void)
{
  SdScheme *s = sd_scheme_new ();

  g_free (s->name);
  s->name = g_strdup (_("Marginal tiers + KPI"));
  s->description = g_strdup (_("Each tier's rate applies only to the revenue inside it, so pay grows without jumps; a KPI bonus for plan, calls and conversion; over-plan steps and a cap."));
  s->salary = RUB (35000);
  s->mode = SD_COMMISSION_MARGINAL;
  sd_scheme_add_tier (s, 0, PCT (3));
  sd_scheme_add_tier (s, PCT (80), PCT (5));
  sd_scheme_add_tier (s, PCT (100), PCT (8));
  s->gate_pct = PCT (60);
  s->kpi_target_bonus = RUB (15000);
  sd_scheme_add_kpi_item (s, SD_METRIC_PLAN_PCT, PCT (0.5), PCT (70), PCT (100), PCT (120));
  sd_scheme_add_kpi_item (s, SD_METRIC_CALLS, PCT (0.3), PCT (500), PCT (700), PCT (900));
  sd_scheme_add_kpi_item (s, SD_METRIC_CONVERSION, PCT (0.2), PCT (10), PCT (20), PCT (30));
  sd_scheme_add_overplan (s, PCT (110), RUB (5000));
  sd_scheme_add_overplan (s, PCT (120), RUB (10000));
  s->has_cap = TRUE;
  s->cap = RUB (200000);

  return s;
}

static SdScheme *
head_of_sales (void)
{
  SdScheme *s = sd_scheme_new ();

  g_free (s->name);
  s->name = g_strdup (_("Head of sales: team results"));
  s->description = g_strdup (_("Paid on the department's plan and everyone's paid revenue: a tiered share of receipts, a KPI bonus for the plan and conversion, a bonus for over-fulfilment."));
  s->salary = RUB (80000);
  s->base = SD_BASE_PAID;
  s->mode = SD_COMMISSION_WHOLE;
  s->scope = SD_SCOPE_TEAM;
  sd_scheme_add_tier (s, 0, PCT (0.5));
  sd_scheme_add_tier (s, PCT (90), PCT (1));
  sd_scheme_add_tier (s, PCT (100), PCT (1.5));
  s->gate_pct = PCT (80);
  s->kpi_target_bonus = RUB (30000);
  sd_scheme_add_kpi_item (s, SD_METRIC_PLAN_PCT, PCT (0.7), PCT (80), PCT (100), PCT (120));
  sd_scheme_add_kpi_item (s, SD_METRIC_CONVERSION, PCT (0.3), PCT (10), PCT (20), PCT (30));
  sd_scheme_add_overplan (s, PCT (110), RUB (20000));
  s->has_cap = TRUE;
  s->cap = RUB (300000);

  return s;
}

static SdScheme *(*const builders[]) (void) = {
  salary_and_flat,
  ladder,
  marginal_kpi,
  head_of_sales,
};

guint
sd_scheme_library_get_n_schemes (void)
{
  return G_N_ELEMENTS (builders);
}

SdScheme *
sd_scheme_library_create (guint index)
{
  if (index >= G_N_ELEMENTS (builders))
    return NULL;

  return builders[index] ();
}

GPtrArray *
sd_scheme_library_create_all (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_scheme_free);

  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    g_ptr_array_add (all, builders[i] ());

  return all;
}
