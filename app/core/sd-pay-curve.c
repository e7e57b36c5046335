/* sd-pay-curve.c — a scheme's pay against plan completion, cliffs, flat ends, early caps
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pay-curve"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-pay-curve.h"

typedef __int128 i128;

#define STEP      SD_FIX_ONE              /* 1 % */
#define CURVE_END (2 * SD_FIX_HUNDRED)    /* 200 % */

/* The smallest whole-kopeck fact with fact × 100 ≥ completion × plan. */
static SdMoney
fact_at (SdMoney plan,
         gint64  completion)
{
  i128 num = (i128) plan * completion;
  i128 den = SD_FIX_HUNDRED;
  i128 q = num / den;

  if (num > 0 && num % den != 0)
    q++;

  return (SdMoney) q;
}

static void
point_at (const SdScheme  *scheme,
          SdMoney          plan,
          gint64           completion,
          SdPayCurvePoint *point)
{
  SdFact fact;

  memset (&fact, 0, sizeof fact);
  memset (point, 0, sizeof *point);
  point->completion = completion;
  point->fact = fact_at (plan, completion);
  fact.revenue = fact.paid = fact.margin = point->fact;

  sd_payroll_compute_parts (scheme, TRUE, plan, &fact, FALSE, 0, TRUE, &point->parts);
  point->total = scheme->salary + point->parts.commission + point->parts.kpi +
                 point->parts.overplan + point->parts.cap_adjustment;
}

SdMoney
sd_pay_curve_pay_at (const SdScheme *scheme,
                     SdMoney         plan,
                     gint64          completion)
{
  SdPayCurvePoint point;

  g_return_val_if_fail (scheme != NULL, 0);
  g_return_val_if_fail (plan > 0, 0);

  point_at (scheme, plan, completion, &point);
  return point.total;
}

static void
warning_free (gpointer data)
{
  SdPayCurveWarning *warning = data;

  g_free (warning->text);
  g_free (warning);
}

static SdPayCurveWarning *
add_warning (SdPayCurve           *curve,
             SdPayCurveWarningKind kind,
             gint64                at_pct,
             SdMoney               amount)
{
  SdPayCurveWarning *warning = g_new0 (SdPayCurveWarning, 1);

  warning->kind = kind;
  warning->at_pct = at_pct;
  warning->amount = amount;
  g_ptr_array_add (curve->warnings, warning);

  return warning;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

void
sd_pay_curve_free (SdPayCurve *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

SdPayCurve *
sd_pay_curve_compute (const SdScheme          *scheme,
                      SdMoney                  plan,
                      const SdPayCurveOptions *options,
                      SdNumberStyle            style,
                      const char              *currency_symbol)
{
  static const gint64 cost_at[3] = { 80 * SD_FIX_ONE, 100 * SD_FIX_ONE, 120 * SD_FIX_ONE };
  g_autoptr(GArray) stops = g_array_new (FALSE, FALSE, sizeof (gint64));
  SdPayCurve *curve;
  SdMoney threshold;
  gint64 last_cliff = 0;
  gboolean have_cliff = FALSE;
  guint flat_from;

  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (plan > 0, NULL);

  curve = g_new0 (SdPayCurve, 1);
  curve->plan = plan;
  curve->salary = scheme->salary;
  curve->points = g_array_new (FALSE, TRUE, sizeof (SdPayCurvePoint));
  curve->warnings = g_ptr_array_new_with_free_func (warning_free);

  /* Where to look: every 1 % and every boundary the scheme names. */
  for (gint64 c = 0; c <= CURVE_END; c += STEP)
    g_array_append_val (stops, c);
  for (guint i = 0; i < scheme->tiers->len; i++)
    g_array_append_val (stops, g_array_index (scheme->tiers, SdTier, i).from_pct);
  for (guint i = 0; i < scheme->overplan->len; i++)
    g_array_append_val (stops, g_array_index (scheme->overplan, SdOverplanStep, i).from_pct);
  for (guint i = 0; i < scheme->kpi_items->len; i++)
    {
      const SdKpiItem *item = &g_array_index (scheme->kpi_items, SdKpiItem, i);

      if (item->metric == SD_METRIC_PLAN_PCT)
        {
          g_array_append_val (stops, item->min);
          g_array_append_val (stops, item->max);
        }
    }
  if (scheme->gate_pct > 0)
    g_array_append_val (stops, scheme->gate_pct);
  g_array_sort (stops, compare_gint64);

  for (guint i = 0; i < stops->len; i++)
    {
      gint64 c = g_array_index (stops, gint64, i);
      SdPayCurvePoint point;

      if (c < 0 || c > CURVE_END || (i > 0 && c == g_array_index (stops, gint64, i - 1)))
        continue;
      point_at (scheme, plan, c, &point);
      g_array_append_val (curve->points, point);
    }

  /* Cliffs: pay at c against pay 1 % lower. */
  threshold = options != NULL ? options->cliff_threshold : 0;
  if (threshold <= 0)
    {
      SdMoney reference = scheme->salary > 0 ? scheme->salary
                                             : sd_pay_curve_pay_at (scheme, plan, SD_FIX_HUNDRED);

      threshold = sd_div_round (reference, 10);
    }

  for (guint i = 0; i < curve->points->len; i++)
    {
      const SdPayCurvePoint *p = &g_array_index (curve->points, SdPayCurvePoint, i);
      SdMoney before, jump;

      if (p->completion < STEP)
        continue;
      before = sd_pay_curve_pay_at (scheme, plan, p->completion - STEP);
      jump = p->total - before;
      if (jump > threshold || -jump > threshold)
        {
          SdPayCurveWarning *w;
          g_autofree char *pct = NULL, *from = NULL, *to = NULL;

          /* One jump seen from two nearby points is one cliff. */
          if (have_cliff && p->completion - last_cliff < STEP)
            continue;
          last_cliff = p->completion;
          have_cliff = TRUE;

          w = add_warning (curve, SD_PAY_CURVE_WARNING_CLIFF, p->completion, jump);
          pct = sd_fix_format (p->completion, style);
          from = sd_money_format (before, style, currency_symbol);
          to = sd_money_format (p->total, style, currency_symbol);
          w->text = g_strdup_printf (jump > 0
                                     /* Translators: a cliff in the pay curve: at X %, pay jumps from A to B */
                                     ? _("Cliff at %s %% of plan: one percent more completion raises pay from %s to %s. Managers just below it may hold deals back or push them in; consider smaller steps or marginal tiers.")
                                     /* Translators: a drop in the pay curve: at X %, pay falls from A to B */
                                     : _("Drop at %s %% of plan: one percent more completion lowers pay from %s to %s. Selling more must never pay less; check the tiers and the cap."),
                                     pct, from, to);
        }
    }

  /* Flat end: the first point of the run of equal pay that ends the curve. */
  flat_from = curve->points->len - 1;
  while (flat_from > 0 &&
         g_array_index (curve->points, SdPayCurvePoint, flat_from - 1).total ==
         g_array_index (curve->points, SdPayCurvePoint, flat_from).total)
    flat_from--;
  if (flat_from < curve->points->len - 1)
    {
      const SdPayCurvePoint *p = &g_array_index (curve->points, SdPayCurvePoint, flat_from);
      SdPayCurveWarning *w = add_warning (curve, SD_PAY_CURVE_WARNING_FLAT, p->completion, p->total);
      g_autofree char *pct = sd_fix_format (p->completion, style);
      g_autofree char *pay = sd_money_format (p->total, style, currency_symbol);

      if (p->completion == 0)
        w->text = g_strdup_printf (_("Pay does not depend on plan completion at all: %s whatever is sold. Add a commission or a bonus tied to the plan."),
                                   pay);
      else
        w->text = g_strdup_printf (
                    /* Translators: from X % of plan on, pay stays at A */
                    _("No reward above %s %% of plan: pay stays at %s however much more is sold. Over-fulfilment is not worth the effort; raise the cap or add a higher tier."),
                    pct, pay);
    }

  /* The cap biting before 120 %. */
  for (guint i = 0; i < curve->points->len; i++)
    {
      const SdPayCurvePoint *p = &g_array_index (curve->points, SdPayCurvePoint, i);

      if (p->parts.cap_adjustment < 0)
        {
          if (p->completion < 120 * SD_FIX_ONE)
            {
              SdPayCurveWarning *w = add_warning (curve, SD_PAY_CURVE_WARNING_CAP_EARLY,
                                                  p->completion, p->total);
              g_autofree char *pct = sd_fix_format (p->completion, style);

              w->text = g_strdup_printf (
                          /* Translators: the cap starts cutting pay at X % of plan */
                          _("The cap already cuts pay at %s %% of plan, before 120 %%: good months are not rewarded. Raise the cap."),
                          pct);
            }
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (cost_at); i++)
    {
      SdPayCurvePoint point;
      SdPayCost *cost = &curve->cost[i];

      point_at (scheme, plan, cost_at[i], &point);
      cost->completion = cost_at[i];
      cost->revenue = point.fact;
      cost->pay = point.total;
      cost->share = 0;
      if (point.fact > 0)
        {
          i128 num = (i128) point.total * SD_FIX_HUNDRED;
          i128 q = num / point.fact, r = num % point.fact;

          if (r < 0)
            r = -r;
          if (2 * r >= point.fact)
            q += num < 0 ? -1 : 1;
          cost->share = (gint64) q;
        }
    }

  return curve;
}
