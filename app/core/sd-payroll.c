/* sd-payroll.c — the month's pay: salary, commission, KPI, over-plan, cap; explained
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every decision is made on exact integers: thresholds compare fact × 100 with from_pct ×
 * plan in 128 bits, commission and KPI are summed exactly (KPI to a millionth of a kopeck)
 * and each line is rounded once, half away from zero. The total is the sum of the rounded
 * lines. The rules in words: docs/motivation.md.
 */
#define G_LOG_DOMAIN "sd-payroll"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-csv.h"
#include "sd-payroll.h"

typedef __int128 i128;

/* Fixed-point 100 % is 10^6; a thresholded money amount scaled by it stays exact. */
#define PCT_SCALE ((i128) SD_FIX_HUNDRED)
/* KPI contributions are summed in millionths of a kopeck. */
#define KPI_SCALE ((i128) 1000000)

static i128
div_round128 (i128 num,
              i128 den)
{
  i128 q, r;

  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  q = num / den;
  r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;

  return q;
}

static SdMoney
clamp_money (i128 value)
{
  if (value > (i128) G_MAXINT64)
    return G_MAXINT64;
  if (value < (i128) G_MININT64)
    return G_MININT64;
  return (SdMoney) value;
}

/* fact × 100 ≥ from_pct × plan, exactly (plan > 0). */
static gboolean
reached (SdMoney fact,
         SdMoney plan,
         gint64  from_pct)
{
  return (i128) fact * PCT_SCALE >= (i128) from_pct * (i128) plan;
}

typedef struct {
  const SdScheme *scheme;
  gboolean        has_plan;
  SdMoney         plan;
  gboolean        has_fact;
  const SdFact   *fact;
  gboolean        has_call_score;
  gint64          call_score;
  gboolean        others_at_target;
  /* Explanations; notes == NULL computes silently. */
  GPtrArray      *notes;
  GPtrArray      *scratch;
  SdNumberStyle   style;
  const char     *symbol;
} Calc;

static void
note_free (gpointer data)
{
  SdPayrollNote *note = data;

  g_free (note->text);
  g_free (note);
}

static void
add_note (const Calc   *c,
          SdPayrollPart part,
          const char   *format,
          ...) G_GNUC_PRINTF (3, 4);

static void
add_note (const Calc   *c,
          SdPayrollPart part,
          const char   *format,
          ...)
{
  SdPayrollNote *note;
  va_list args;

  if (c->notes == NULL)
    return;

  note = g_new0 (SdPayrollNote, 1);
  note->part = part;
  va_start (args, format);
  note->text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (c->notes, note);
}

/* Moves the note added last to position `at`: a summary written after its details. */
static void
move_last_note (const Calc *c,
                guint       at)
{
  SdPayrollNote *note;

  if (c->notes == NULL || c->notes->len == 0 || at >= c->notes->len)
    return;

  note = g_ptr_array_steal_index (c->notes, c->notes->len - 1);
  g_ptr_array_insert (c->notes, (int) at, note);
}

/* Formatting helpers: the strings live until the payslip is done. */
static const char *
M (const Calc *c,
   SdMoney     value)
{
  char *text;

  /* Silent runs (pay curve, bench) format nothing. */
  if (c->notes == NULL)
    return "";

  text = sd_money_format (value, c->style, c->symbol);

  g_ptr_array_add (c->scratch, text);
  return text;
}

static const char *
F (const Calc *c,
   gint64      value)
{
  char *text;

  if (c->notes == NULL)
    return "";

  text = sd_fix_format (value, c->style);

  g_ptr_array_add (c->scratch, text);
  return text;
}

/* Completion for display, truncated to 0.1 % so a shown value never claims a tier that
 * was not reached. */
static gint64
completion_display (SdMoney fact,
                    SdMoney plan)
{
  return (gint64) (((i128) fact * 1000 / plan) * (SD_FIX_ONE / 10));
}

static SdMoney
base_fact (const SdScheme *scheme,
           const SdFact   *fact)
{
  switch (scheme->base)
    {
    case SD_BASE_PAID:
      return fact->paid;
    case SD_BASE_MARGIN:
      return fact->margin;
    case SD_BASE_REVENUE:
    default:
      return fact->revenue;
    }
}

static SdMoney
compute_commission (const Calc *c,
                    SdMoney     b,
                    gint64      shown_pct)
{
  const SdScheme *s = c->scheme;
  SdMoney p = c->plan;
  SdMoney positive = MAX (b, 0);

  /* Validation requires a tier; an unvalidated scheme (an editor's draft) pays none. */
  if (s->tiers == NULL || s->tiers->len == 0)
    return 0;

  if (b < 0)
    add_note (c, SD_PAYROLL_PART_COMMISSION,
              /* Translators: %s is a negative amount (returns exceeded sales) */
              _("commission: none, the base is negative (%s)"), M (c, b));

  if (s->mode == SD_COMMISSION_FLAT)
    {
      const SdTier *tier = &g_array_index (s->tiers, SdTier, 0);
      SdMoney amount = clamp_money (div_round128 ((i128) positive * tier->rate_pct, PCT_SCALE));

      add_note (c, SD_PAYROLL_PART_COMMISSION,
                /* Translators: commission: base × rate % = amount */
                _("commission: %s × %s %% = %s"), M (c, positive), F (c, tier->rate_pct), M (c, amount));
      return amount;
    }

  if (s->mode == SD_COMMISSION_WHOLE)
    {
      const SdTier *tier = &g_array_index (s->tiers, SdTier, 0);
      SdMoney amount;

      for (guint i = 1; i < s->tiers->len; i++)
        {
          const SdTier *next = &g_array_index (s->tiers, SdTier, i);

          if (!reached (b, p, next->from_pct))
            break;
          tier = next;
        }

      amount = clamp_money (div_round128 ((i128) positive * tier->rate_pct, PCT_SCALE));
      add_note (c, SD_PAYROLL_PART_COMMISSION,
                /* Translators: commission: base × rate % (tier from X %, completion Y %) = amount */
                _("commission: %s × %s %% (tier from %s %%, completion %s %%) = %s"),
                M (c, positive), F (c, tier->rate_pct), F (c, tier->from_pct),
                F (c, shown_pct), M (c, amount));
      return amount;
    }

  /* Marginal: thresholds scaled by 10^6 (100 % = 10^6) are exact money amounts. */
  {
    i128 bs = (i128) positive * PCT_SCALE;
    i128 sum = 0;
    guint first_note = c->notes != NULL ? c->notes->len : 0;
    SdMoney amount;

    for (guint i = 0; i < s->tiers->len; i++)
      {
        const SdTier *tier = &g_array_index (s->tiers, SdTier, i);
        i128 lower = (i128) tier->from_pct * p;
        gboolean last = i + 1 == s->tiers->len;
        i128 upper = last ? bs : MIN (bs, (i128) g_array_index (s->tiers, SdTier, i + 1).from_pct * p);
        i128 slice;

        if (upper <= lower)
          break;
        slice = upper - lower;
        sum += slice * tier->rate_pct;

        if (last)
          add_note (c, SD_PAYROLL_PART_COMMISSION,
                    /* Translators: one slice of a marginal commission: slice × rate (above X % of plan) */
                    _("  %s × %s %% (the part above %s %% of plan) = %s"),
                    M (c, clamp_money (div_round128 (slice, PCT_SCALE))), F (c, tier->rate_pct),
                    F (c, tier->from_pct),
                    M (c, clamp_money (div_round128 (slice * tier->rate_pct, PCT_SCALE * PCT_SCALE))));
        else
          add_note (c, SD_PAYROLL_PART_COMMISSION,
                    /* Translators: one slice of a marginal commission: slice × rate (from X % to Y % of plan) */
                    _("  %s × %s %% (the part from %s %% to %s %% of plan) = %s"),
                    M (c, clamp_money (div_round128 (slice, PCT_SCALE))), F (c, tier->rate_pct),
                    F (c, tier->from_pct),
                    F (c, g_array_index (s->tiers, SdTier, i + 1).from_pct),
                    M (c, clamp_money (div_round128 (slice * tier->rate_pct, PCT_SCALE * PCT_SCALE))));
      }

    amount = clamp_money (div_round128 (sum, PCT_SCALE * PCT_SCALE));
    add_note (c, SD_PAYROLL_PART_COMMISSION,
              /* Translators: marginal commission: base (completion Y %) = amount; the slices follow */
              _("commission by marginal tiers on %s (completion %s %%) = %s, rounded once:"),
              M (c, positive), F (c, shown_pct), M (c, amount));
    move_last_note (c, first_note);
    return amount;
  }
}

/* The metric's fact as an exact fraction num / den in the metric's fixed-point unit.
 * FALSE (with *why set) when it cannot be measured. */
static gboolean
metric_value (const Calc  *c,
              SdMetric     metric,
              SdMoney      b,
              i128        *num,
              i128        *den,
              const char **why)
{
  const SdFact *f = c->fact;

  *den = 1;
  switch (metric)
    {
    case SD_METRIC_PLAN_PCT:
      *num = (i128) b * PCT_SCALE;
      *den = c->plan;
      return TRUE;
    case SD_METRIC_REVENUE:
      *num = (i128) f->revenue * (SD_FIX_ONE / 100);
      return TRUE;
    case SD_METRIC_PAID:
      *num = (i128) f->paid * (SD_FIX_ONE / 100);
      return TRUE;
    case SD_METRIC_DEALS:
      *num = (i128) f->deals * SD_FIX_ONE;
      return TRUE;
    case SD_METRIC_LEADS:
      *num = (i128) f->leads * SD_FIX_ONE;
      return TRUE;
    case SD_METRIC_CALLS:
      *num = (i128) f->calls * SD_FIX_ONE;
      return TRUE;
    case SD_METRIC_CONVERSION:
      if (f->leads <= 0)
        {
          *why = _("no leads this month, so conversion cannot be measured");
          return FALSE;
        }
      *num = (i128) f->deals * PCT_SCALE;
      *den = f->leads;
      return TRUE;
    case SD_METRIC_CALL_SCORE:
      if (!c->has_call_score)
        {
          *why = _("no calls were scored this month");
          return FALSE;
        }
      *num = c->call_score;
      return TRUE;
    default:
      *why = "";
      return FALSE;
    }
}

/* A metric value for people: money for revenue and paid, otherwise a decimal. */
static const char *
metric_text (const Calc *c,
             SdMetric    metric,
             i128        num,
             i128        den)
{
  if (metric == SD_METRIC_REVENUE || metric == SD_METRIC_PAID)
    return M (c, clamp_money (div_round128 (num, den * (SD_FIX_ONE / 100))));
  if (c->notes == NULL)
    return "";
  if (metric == SD_METRIC_PLAN_PCT || metric == SD_METRIC_CONVERSION)
    {
      /* Truncated to 0.1 %, like the completion everywhere else. */
      char *text = g_strdup_printf ("%s %%", F (c, (gint64) ((num * 1000 / (den * PCT_SCALE)) * (SD_FIX_ONE / 10))));

      g_ptr_array_add (c->scratch, text);
      return text;
    }
  return F (c, (gint64) div_round128 (num, den));
}

static SdMoney
compute_kpi (const Calc *c,
             SdMoney     b)
{
  const SdScheme *s = c->scheme;
  i128 sum = 0;
  i128 wk_sum = 0;   /* Σ weight × k in fixed-point, for the explanation only */
  guint first_note = c->notes != NULL ? c->notes->len : 0;
  SdMoney amount;

  if (s->kpi_items->len == 0)
    return 0;

  for (guint i = 0; i < s->kpi_items->len; i++)
    {
      const SdKpiItem *item = &g_array_index (s->kpi_items, SdKpiItem, i);
      const char *label = sd_metric_get_label (item->metric);
      const char *why = NULL;
      i128 num, den;

      if (c->others_at_target && item->metric != SD_METRIC_PLAN_PCT)
        {
          num = item->target;
          den = 1;
        }
      else if (!metric_value (c, item->metric, b, &num, &den, &why))
        {
          add_note (c, SD_PAYROLL_PART_KPI,
                    /* Translators: KPI item: metric: reason it is missing */
                    _("  %s: %s; counted as 0 (weight %s)"), label, why, F (c, item->weight));
          continue;
        }

      if (num < (i128) item->min * den)
        {
          add_note (c, SD_PAYROLL_PART_KPI,
                    /* Translators: KPI item: metric: value is below the minimum: k = 0 */
                    _("  %s: %s is below the minimum %s: k = 0 (weight %s)"),
                    label, metric_text (c, item->metric, num, den),
                    metric_text (c, item->metric, item->min, 1), F (c, item->weight));
          continue;
        }

      {
        const char *shown = metric_text (c, item->metric, num, den);
        gboolean capped = num > (i128) item->max * den;
        i128 wk;

        if (capped)
          {
            num = item->max;
            den = 1;
          }

        sum += div_round128 ((i128) s->kpi_target_bonus * item->weight * num * (KPI_SCALE / SD_FIX_ONE),
                             (i128) item->target * den);
        wk = div_round128 ((i128) item->weight * num, (i128) item->target * den);
        wk_sum += wk;

        add_note (c, SD_PAYROLL_PART_KPI,
                  capped
                  /* Translators: KPI item: metric: value, counted at the maximum: k = max ÷ target, × weight */
                  ? _("  %s: %s, counted at the maximum %s: k = %s ÷ %s = %s, × weight %s = %s")
                  /* Translators: KPI item: metric: value: k = value ÷ target, × weight */
                  : _("  %s: %s (maximum %s): k = %s ÷ %s = %s, × weight %s = %s"),
                  label, shown,
                  metric_text (c, item->metric, item->max, 1),
                  metric_text (c, item->metric, num, den),
                  metric_text (c, item->metric, item->target, 1),
                  F (c, (gint64) div_round128 (num * SD_FIX_ONE, (i128) item->target * den)),
                  F (c, item->weight), F (c, (gint64) wk));
      }
    }

  amount = clamp_money (div_round128 (sum, KPI_SCALE));
  add_note (c, SD_PAYROLL_PART_KPI,
            /* Translators: KPI bonus: target bonus × Σ weight × k = amount; the items follow */
            _("KPI bonus: %s × %s = %s:"), M (c, s->kpi_target_bonus), F (c, (gint64) wk_sum),
            M (c, amount));
  move_last_note (c, first_note);

  return amount;
}

static SdMoney
compute_overplan (const Calc *c,
                  SdMoney     b,
                  gint64      shown_pct)
{
  const SdScheme *s = c->scheme;
  const SdOverplanStep *step = NULL;

  if (s->overplan->len == 0)
    return 0;

  for (guint i = 0; i < s->overplan->len; i++)
    {
      const SdOverplanStep *next = &g_array_index (s->overplan, SdOverplanStep, i);

      if (!reached (b, c->plan, next->from_pct))
        break;
      step = next;
    }

  if (step == NULL)
    {
      add_note (c, SD_PAYROLL_PART_OVERPLAN,
                /* Translators: completion X % is below the first over-plan step Y % */
                _("over-plan bonus: none, completion %s %% is below the first step at %s %%"),
                F (c, shown_pct), F (c, g_array_index (s->overplan, SdOverplanStep, 0).from_pct));
      return 0;
    }

  add_note (c, SD_PAYROLL_PART_OVERPLAN,
            /* Translators: over-plan bonus: step from X % reached (completion Y %) = amount */
            _("over-plan bonus: the step from %s %% is reached (completion %s %%) = %s"),
            F (c, step->from_pct), F (c, shown_pct), M (c, step->amount));
  return step->amount;
}

static void
compute_variable (const Calc *c,
                  SdPayParts *out)
{
  const SdScheme *s = c->scheme;
  SdMoney b, variable;
  gint64 shown_pct;
  gboolean gated;

  memset (out, 0, sizeof *out);

  if (!c->has_plan || c->plan <= 0)
    {
      add_note (c, SD_PAYROLL_PART_NOTE,
                c->has_plan
                ? _("The plan for the month is zero, so completion cannot be measured: no commission, KPI or over-plan bonus; only the salary is paid. Set the month's plan to pay the variable part.")
                : _("There is no plan for the month, so completion cannot be measured: no commission, KPI or over-plan bonus; only the salary is paid. Enter the month's plan to pay the variable part."));
      return;
    }

  if (!c->has_fact)
    {
      add_note (c, SD_PAYROLL_PART_NOTE,
                _("There are no facts for the month: no commission, KPI or over-plan bonus; only the salary is paid. Enter the month's facts to pay the variable part."));
      return;
    }

  b = base_fact (s, c->fact);
  shown_pct = completion_display (b, c->plan);

  add_note (c, SD_PAYROLL_PART_NOTE,
            /* Translators: completion: base name fact ÷ plan = X % */
            _("completion on %s: %s ÷ %s = %s %%"), sd_scheme_base_get_label (s->base),
            M (c, b), M (c, c->plan), F (c, shown_pct));

  /* Lines in the order of payroll.csv: commission, KPI, over-plan. */
  gated = s->gate_pct > 0 && !reached (b, c->plan, s->gate_pct);
  if (gated)
    add_note (c, SD_PAYROLL_PART_COMMISSION,
              /* Translators: completion X % is below the gate Y % */
              _("commission and over-plan bonus: none, completion %s %% is below the gate of %s %%"),
              F (c, shown_pct), F (c, s->gate_pct));
  else
    out->commission = compute_commission (c, b, shown_pct);

  out->kpi = compute_kpi (c, b);

  if (!gated)
    out->overplan = compute_overplan (c, b, shown_pct);

  variable = out->commission + out->kpi + out->overplan;
  if (s->has_cap && variable > s->cap)
    {
      out->cap_adjustment = s->cap - variable;
      add_note (c, SD_PAYROLL_PART_CAP,
                /* Translators: cap: commission + KPI + over-plan = X is above the cap Y: Z removed */
                _("cap: commission + KPI + over-plan = %s is above the cap of %s: %s"),
                M (c, variable), M (c, s->cap), M (c, out->cap_adjustment));
    }
}

void
sd_payroll_compute_parts (const SdScheme *scheme,
                          gboolean        has_plan,
                          SdMoney         plan,
                          const SdFact   *fact,
                          gboolean        has_call_score,
                          gint64          call_score,
                          gboolean        others_at_target,
                          SdPayParts     *out)
{
  Calc c;

  g_return_if_fail (scheme != NULL);
  g_return_if_fail (out != NULL);

  memset (&c, 0, sizeof c);
  c.scheme = scheme;
  c.has_plan = has_plan;
  c.plan = plan;
  c.has_fact = fact != NULL;
  c.fact = fact;
  c.has_call_score = has_call_score;
  c.call_score = call_score;
  c.others_at_target = others_at_target;
  compute_variable (&c, out);
}

/* ------------------------------------------------------------------------------------------
 * The month
 * ------------------------------------------------------------------------------------------ */

void
sd_payslip_free (SdPayslip *self)
{
  if (self == NULL)
    return;

  g_free (self->manager);
  g_free (self->scheme_name);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

void
sd_payroll_free (SdPayroll *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->slips, g_ptr_array_unref);
  g_free (self);
}

static SdPayslip *
compute_slip (SdMonth               month,
              const SdCalendar     *calendar,
              const SdPayrollInput *in,
              gboolean              team_has_plan,
              SdMoney               team_plan,
              gboolean              team_has_fact,
              const SdFact         *team_fact,
              SdNumberStyle         style,
              const char           *symbol)
{
  SdPayslip *slip = g_new0 (SdPayslip, 1);
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  const SdScheme *s = in->scheme;
  SdPayParts parts;
  Calc c;

  memset (&c, 0, sizeof c);
  memset (&parts, 0, sizeof parts);
  slip->notes = g_ptr_array_new_with_free_func (note_free);
  slip->manager_id = in->member->id;
  slip->manager = g_strdup (in->member->name != NULL ? in->member->name : "");
  slip->working_days = sd_calendar_working_days_in_month (calendar, month);
  slip->worked_days = sd_staff_member_worked_days (in->member, calendar, month);

  /* Without a currency symbol nobody will read explanations: compute the figures only. */
  c.notes = symbol != NULL ? slip->notes : NULL;
  c.scratch = scratch;
  c.style = style;
  c.symbol = symbol;

  if (s == NULL)
    {
      add_note (&c, SD_PAYROLL_PART_NOTE,
                _("No motivation scheme applies to this month, so nothing is calculated. Assign a scheme to this person."));
      add_note (&c, SD_PAYROLL_PART_TOTAL, _("total: %s"), M (&c, 0));
      return slip;
    }

  slip->scheme_name = g_strdup (s->name);
  c.scheme = s;
  if (s->scope == SD_SCOPE_TEAM)
    {
      c.has_plan = team_has_plan;
      c.plan = team_plan;
      c.has_fact = team_has_fact;
      c.fact = team_fact;
      add_note (&c, SD_PAYROLL_PART_NOTE,
                _("team scheme: paid on the department's plan and the sum of everyone's facts"));
    }
  else
    {
      c.has_plan = in->has_plan;
      c.plan = in->plan;
      c.has_fact = in->has_fact;
      c.fact = &in->fact;
    }
  c.has_call_score = in->has_call_score;
  c.call_score = in->call_score;

  if (slip->working_days > 0)
    sd_money_mul_ratio (s->salary, slip->worked_days, slip->working_days, &slip->salary);

  if (slip->worked_days == slip->working_days)
    add_note (&c, SD_PAYROLL_PART_SALARY,
              /* Translators: salary: amount for the full month (N working days) */
              _("salary: %s for the full month (%u working days)"), M (&c, s->salary),
              slip->working_days);
  else
    add_note (&c, SD_PAYROLL_PART_SALARY,
              /* Translators: salary: monthly amount × worked days ÷ working days of the month = amount */
              _("salary: %s × %u ÷ %u working days = %s"), M (&c, s->salary),
              slip->worked_days, slip->working_days, M (&c, slip->salary));

  compute_variable (&c, &parts);

  slip->has_plan_pct = c.has_plan && c.plan > 0 && c.has_fact;
  slip->plan = c.has_plan ? c.plan : 0;
  slip->base_fact = c.has_fact ? base_fact (s, c.fact) : 0;
  if (slip->has_plan_pct)
    slip->plan_pct = completion_display (slip->base_fact, c.plan);

  slip->commission = parts.commission;
  slip->kpi = parts.kpi;
  slip->overplan = parts.overplan;
  slip->cap_adjustment = parts.cap_adjustment;
  slip->total = slip->salary + slip->commission + slip->kpi + slip->overplan + slip->cap_adjustment;

  add_note (&c, SD_PAYROLL_PART_TOTAL,
            /* Translators: total: salary + commission + KPI + over-plan + cap = amount */
            _("total: %s + %s + %s + %s + %s = %s"),
            M (&c, slip->salary), M (&c, slip->commission), M (&c, slip->kpi),
            M (&c, slip->overplan), M (&c, slip->cap_adjustment), M (&c, slip->total));

  return slip;
}

SdPayroll *
sd_payroll_compute_month (SdMonth               month,
                          const SdCalendar     *calendar,
                          const SdPayrollInput *inputs,
                          guint                 n_inputs,
                          const SdMoney        *department_plan,
                          SdNumberStyle         style,
                          const char           *currency_symbol)
{
  SdPayroll *payroll;
  SdFact team_fact;
  gboolean team_has_fact = FALSE;
  gboolean team_has_plan = department_plan != NULL;
  SdMoney team_plan = department_plan != NULL ? *department_plan : 0;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (inputs != NULL || n_inputs == 0, NULL);

  memset (&team_fact, 0, sizeof team_fact);
  team_fact.month = month;
  for (guint i = 0; i < n_inputs; i++)
    {
      const SdPayrollInput *in = &inputs[i];

      if (in->has_fact)
        {
          team_has_fact = TRUE;
          team_fact.revenue += in->fact.revenue;
          team_fact.paid += in->fact.paid;
          team_fact.margin += in->fact.margin;
          team_fact.deals += in->fact.deals;
          team_fact.leads += in->fact.leads;
          team_fact.calls += in->fact.calls;
        }
      if (department_plan == NULL && in->has_plan)
        {
          team_has_plan = TRUE;
          team_plan += in->plan;
        }
    }

  payroll = g_new0 (SdPayroll, 1);
  payroll->month = month;
  payroll->slips = g_ptr_array_new_full (n_inputs, (GDestroyNotify) sd_payslip_free);

  for (guint i = 0; i < n_inputs; i++)
    {
      SdPayslip *slip;

      g_return_val_if_fail (inputs[i].member != NULL, payroll);
      slip = compute_slip (month, calendar, &inputs[i], team_has_plan, team_plan,
                           team_has_fact, &team_fact, style, currency_symbol);
      g_ptr_array_add (payroll->slips, slip);
      payroll->salary += slip->salary;
      payroll->commission += slip->commission;
      payroll->kpi += slip->kpi;
      payroll->overplan += slip->overplan;
      payroll->cap_adjustment += slip->cap_adjustment;
      payroll->total += slip->total;
    }

  return payroll;
}

/* ------------------------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------------------------ */

static void
append_csv_money (GString *out,
                  SdMoney  value)
{
  g_autofree char *plain = sd_money_to_plain (value);

  g_string_append_c (out, ',');
  g_string_append (out, plain);
}

char *
sd_payroll_to_csv (const SdPayroll *payroll)
{
  GString *out;

  g_return_val_if_fail (payroll != NULL, NULL);

  out = g_string_new ("manager,worked_days,working_days,salary,commission,kpi,overplan,cap_adjustment,total\n");
  for (guint i = 0; i < payroll->slips->len; i++)
    {
      const SdPayslip *slip = g_ptr_array_index (payroll->slips, i);

      sd_csv_append_field (out, slip->manager);
      g_string_append_printf (out, ",%u,%u", slip->worked_days, slip->working_days);
      append_csv_money (out, slip->salary);
      append_csv_money (out, slip->commission);
      append_csv_money (out, slip->kpi);
      append_csv_money (out, slip->overplan);
      append_csv_money (out, slip->cap_adjustment);
      append_csv_money (out, slip->total);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "TOTAL,,");
  append_csv_money (out, payroll->salary);
  append_csv_money (out, payroll->commission);
  append_csv_money (out, payroll->kpi);
  append_csv_money (out, payroll->overplan);
  append_csv_money (out, payroll->cap_adjustment);
  append_csv_money (out, payroll->total);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

char *
sd_payslip_explain (const SdPayslip *slip)
{
  GString *out;

  g_return_val_if_fail (slip != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < slip->notes->len; i++)
    {
      const SdPayrollNote *note = g_ptr_array_index (slip->notes, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, note->text);
    }

  return g_string_free (out, FALSE);
}
