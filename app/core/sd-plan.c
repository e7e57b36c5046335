/* sd-plan.c — the sales plan: a yearly target split into months and managers, hand edits,
 * the funnel, and plan versus fact
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-plan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-plan.h"

typedef __int128 i128;
typedef unsigned __int128 u128;

#define BP_ONE 10000   /* 100 % in basis points */

G_DEFINE_QUARK (sd-plan-error-quark, sd_plan_error)

static const int default_ramp_up[] = { 0, 30, 60, 100 };

/* ------------------------------------------------------------------------------------------
 * Integer helpers
 * ------------------------------------------------------------------------------------------ */

/* n ÷ d, half away from zero; d > 0. */
static i128
div_round_i128 (i128 n,
                i128 d)
{
  i128 q = n / d;
  i128 r = n % d;
  i128 twice = (r < 0 ? -r : r) * 2;

  if (twice >= d)
    q += n < 0 ? -1 : 1;

  return q;
}

/* ⌈n ÷ d⌉ for n ≥ 0, d > 0. */
static i128
div_ceil_i128 (i128 n,
               i128 d)
{
  return (n + d - 1) / d;
}

static SdMoney
clamp_money (i128 v)
{
  if (v > G_MAXINT64)
    return G_MAXINT64;
  if (v < G_MININT64)
    return G_MININT64;
  return (SdMoney) v;
}

static guint64
gcd_u64 (guint64 a,
         guint64 b)
{
  while (b != 0)
    {
      guint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static u128
gcd_u128 (u128 a,
          u128 b)
{
  while (b != 0)
    {
      u128 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* ⌊a × b ÷ c⌋ and the remainder, exactly, for b ≤ c < 2¹²⁷. The quotient is at most a. */
static guint64
mul_div_u128 (guint64  a,
              u128     b,
              u128     c,
              u128    *rem)
{
  u128 q = 0, r = 0;

  if ((b >> 64) == 0)
    {
      u128 p = (u128) a * b;

      *rem = p % c;
      return (guint64) (p / c);
    }

  /* Long multiplication bit by bit, keeping q × c + r = (bits of a so far) × b with r < c:
   * no intermediate needs more than 128 bits. */
  for (int bit = 63; bit >= 0; bit--)
    {
      q <<= 1;
      r <<= 1;
      if (r >= c)
        {
          r -= c;
          q++;
        }
      if ((a >> bit) & 1)
        {
          r += b;
          if (r >= c)
            {
              r -= c;
              q++;
            }
        }
    }

  *rem = r;
  return (guint64) q;
}

/* A percentage for messages, as exact as a basis point allows: "80%", "79.6%", "79.99%"
 * (trailing zeros dropped, the reader's decimal separator). */
static char *
format_percent (gint64 bp)
{
  guint64 magnitude = bp < 0 ? (guint64) 0 - (guint64) bp : (guint64) bp;
  guint64 whole = magnitude / 100;
  guint64 hundredths = magnitude % 100;
  char separator = sd_number_style_current () == SD_NUMBER_STYLE_RU ? ',' : '.';
  g_autofree char *number = NULL;

  if (hundredths == 0)
    number = g_strdup_printf ("%s%" G_GUINT64_FORMAT, bp < 0 ? "-" : "", whole);
  else if (hundredths % 10 == 0)
    number = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%" G_GUINT64_FORMAT,
                              bp < 0 ? "-" : "", whole, separator, hundredths / 10);
  else
    number = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%02" G_GUINT64_FORMAT,
                              bp < 0 ? "-" : "", whole, separator, hundredths);

  /* Translators: a percentage, e.g. "80%" or "79.6%"; %s is the number. Put a no-break
   * space before the sign if your language writes one. */
  return g_strdup_printf (_("%s%%"), number);
}

static char *
format_month_label (int year,
                    int month)
{
  return sd_month_format_label (sd_month_make (year, month));
}

/* ------------------------------------------------------------------------------------------
 * Largest-remainder splits
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  guint64 rem;
  guint32 rank;   /* tie-break: lower first */
  guint32 index;
} SplitItem;

static int
split_item_compare (const void *pa,
                    const void *pb)
{
  const SplitItem *a = pa;
  const SplitItem *b = pb;

  if (a->rem != b->rem)
    return a->rem > b->rem ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return 0;
}

static inline gboolean
split_item_before (const SplitItem *a,
                   const SplitItem *b)
{
  return a->rem > b->rem || (a->rem == b->rem && a->rank < b->rank);
}

static inline void
split_item_swap (SplitItem *a,
                 SplitItem *b)
{
  SplitItem t = *a;

  *a = *b;
  *b = t;
}

/* Moves the k items that come first in split order (remainder descending, then rank) to
 * items[0 .. k − 1], in no particular order; 0 < k < n. Only those k get a kopeck, so a
 * quickselect (linear on average) does instead of a sort: this is most of a recompute. */
static void
split_select_first (SplitItem *items,
                    guint      n,
                    guint      k)
{
  guint lo = 0, hi = n;
  guint rounds = 0;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      guint store = lo;

      if (++rounds > 64)
        {
          /* Bounded worst case: sort what is left. */
          qsort (items + lo, hi - lo, sizeof (SplitItem), split_item_compare);
          return;
        }

      /* Median of three as the pivot, parked at hi − 1. */
      if (split_item_before (&items[mid], &items[lo]))
        split_item_swap (&items[mid], &items[lo]);
      if (split_item_before (&items[hi - 1], &items[lo]))
        split_item_swap (&items[hi - 1], &items[lo]);
      if (split_item_before (&items[mid], &items[hi - 1]))
        split_item_swap (&items[mid], &items[hi - 1]);

      for (guint i = lo; i < hi - 1; i++)
        if (split_item_before (&items[i], &items[hi - 1]))
          split_item_swap (&items[i], &items[store++]);
      split_item_swap (&items[store], &items[hi - 1]);

      /* items[lo .. store − 1] come before the pivot at store, the rest after it. */
      if (store == k || store + 1 == k)
        return;
      if (store < k)
        lo = store + 1;
      else
        hi = store;
    }
}

/* Splits total (≥ 0) among the parts where weights[i] > 0 and !(skip && skip[i]), in
 * proportion to the weights, by the largest remainder; equal remainders go to the lower
 * rank first. Parts that are skipped are left untouched; parts of weight 0 get 0.
 * Returns FALSE, writing nothing but zeros, when the weights sum to 0.
 *
 * The weights are at most 2³² each and there are fewer than 2³¹ of them, so their sum fits
 * 64 bits; total × weight fits 128 bits. */
static gboolean
split_managers (gint64          total,
                const guint64  *weights,
                const guint8   *skip,
                const guint32  *rank,
                guint           n,
                SdMoney        *out,
                SplitItem      *scratch)
{
  guint64 sum = 0;
  guint64 assigned = 0;
  guint64 left;
  guint n_items = 0;

  g_assert (total >= 0);

  for (guint i = 0; i < n; i++)
    {
      if (skip != NULL && skip[i])
        continue;
      sum += weights[i];
    }

  if (sum == 0)
    {
      for (guint i = 0; i < n; i++)
        if (skip == NULL || !skip[i])
          out[i] = 0;
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      guint64 w = weights[i];
      guint64 q, r;

      if (skip != NULL && skip[i])
        continue;

      if (w == 0)
        {
          out[i] = 0;
          continue;
        }

      if ((guint64) total <= G_MAXUINT64 / w)
        {
          guint64 p = (guint64) total * w;

          q = p / sum;
          r = p % sum;
        }
      else
        {
          u128 p = (u128) (guint64) total * w;

          q = (guint64) (p / sum);
          r = (guint64) (p % sum);
        }

      out[i] = (SdMoney) q;
      assigned += q;
      scratch[n_items].rem = r;
      scratch[n_items].rank = rank[i];
      scratch[n_items].index = i;
      n_items++;
    }

  /* Each part lost less than one kopeck, so fewer kopecks are left than parts. */
  left = (guint64) total - assigned;
  g_assert (left < n_items || (left == 0 && n_items == 0));

  if (left > 0)
    {
      split_select_first (scratch, n_items, (guint) left);
      for (guint64 k = 0; k < left; k++)
        out[scratch[k].index] += 1;
    }

  return TRUE;
}

/* The same for the twelve months, with 128-bit weights; ties go to the earlier month. */
static gboolean
split_months (gint64      total,
              const u128  weights[12],
              const gboolean skip[12],
              SdMoney     out[12])
{
  u128 sum = 0;
  u128 rem[12];
  guint order[12];
  guint n_order = 0;
  guint64 assigned = 0;
  guint64 left;

  g_assert (total >= 0);

  for (guint m = 0; m < 12; m++)
    if (!skip[m])
      sum += weights[m];

  for (guint m = 0; m < 12; m++)
    {
      if (skip[m])
        continue;
      out[m] = 0;
      rem[m] = 0;
      if (sum == 0 || weights[m] == 0)
        continue;
      out[m] = (SdMoney) mul_div_u128 ((guint64) total, weights[m], sum, &rem[m]);
      assigned += (guint64) out[m];
      order[n_order++] = m;
    }

  if (sum == 0)
    return FALSE;

  /* Insertion sort: remainder descending, then month ascending (it is stable). */
  for (guint k = 1; k < n_order; k++)
    {
      guint v = order[k];
      guint j = k;

      while (j > 0 && rem[order[j - 1]] < rem[v])
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = v;
    }

  left = (guint64) total - assigned;
  g_assert (left < n_order);
  for (guint64 k = 0; k < left; k++)
    out[order[k]] += 1;

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * SdPlanParams
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  gint64   id;
  char    *name;
  GDate    hired;
  GDate    left;
  SdMonth  hire_month;     /* SD_MONTH_INVALID: no hire date, fully ramped up */
  int      weight;
  int      vacation[12];
  guint8   worked[12];     /* working days between hire and leave, per month */
  SdMoney  average_deal;
  gint64   conversion_bp;
} Manager;

struct _SdPlanParams {
  int               year;
  gboolean          year_valid;
  const SdCalendar *calendar;
  guint             working_days[12];
  guint             working_days_last[12];

  SdPlanTargetKind  target_kind;
  SdMoney           target;
  gint64            growth_bp;
  SdMoney           last_year[12];

  SdPlanWeightsKind weights_kind;
  gint64            weights[12];
  gboolean          adjust;

  int              *ramp_up;
  gsize             n_ramp_up;

  GArray           *managers;   /* Manager */

  SdMoney           average_deal;
  gint64            conversion_bp;
};

static gboolean
year_in_range (int year)
{
  return year >= SD_PLAN_FIRST_YEAR && year <= SD_PLAN_LAST_YEAR;
}

static void
manager_clear (gpointer data)
{
  Manager *m = data;

  g_clear_pointer (&m->name, g_free);
}

static void
manager_update_worked (const SdPlanParams *self,
                       Manager            *mgr)
{
  mgr->hire_month = g_date_valid (&mgr->hired) ? sd_month_from_date (&mgr->hired)
                                               : SD_MONTH_INVALID;

  for (int m = 0; m < 12; m++)
    {
      GDate from, to;

      mgr->worked[m] = 0;
      if (!self->year_valid)
        continue;

      sd_month_first_day (sd_month_make (self->year, m + 1), &from);
      sd_month_last_day (sd_month_make (self->year, m + 1), &to);
      if (g_date_valid (&mgr->hired) && g_date_compare (&mgr->hired, &from) > 0)
        from = mgr->hired;
      if (g_date_valid (&mgr->left) && g_date_compare (&mgr->left, &to) < 0)
        to = mgr->left;
      if (g_date_compare (&from, &to) <= 0)
        mgr->worked[m] = (guint8) sd_calendar_working_days_between (self->calendar, &from, &to);
    }
}

static Manager *
get_manager (const SdPlanParams *self,
             guint               index)
{
  return &g_array_index (self->managers, Manager, index);
}

SdPlanParams *
sd_plan_params_new (int               year,
                    const SdCalendar *calendar)
{
  SdPlanParams *self;

  g_return_val_if_fail (calendar != NULL, NULL);

  self = g_new0 (SdPlanParams, 1);
  self->year = year;
  self->year_valid = year_in_range (year);
  self->calendar = calendar;
  self->target_kind = SD_PLAN_TARGET_FIXED;
  self->weights_kind = SD_PLAN_WEIGHTS_LAST_YEAR;
  self->adjust = TRUE;
  self->ramp_up = g_memdup2 (default_ramp_up, sizeof default_ramp_up);
  self->n_ramp_up = G_N_ELEMENTS (default_ramp_up);
  self->managers = g_array_new (FALSE, TRUE, sizeof (Manager));
  g_array_set_clear_func (self->managers, manager_clear);

  if (self->year_valid)
    {
      for (int m = 0; m < 12; m++)
        {
          self->working_days[m] =
            sd_calendar_working_days_in_month (calendar, sd_month_make (year, m + 1));
          self->working_days_last[m] =
            sd_calendar_working_days_in_month (calendar, sd_month_make (year - 1, m + 1));
        }
    }

  return self;
}

SdPlanParams *
sd_plan_params_copy (const SdPlanParams *self)
{
  SdPlanParams *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdPlanParams, 1);
  *copy = *self;
  copy->ramp_up = g_memdup2 (self->ramp_up, self->n_ramp_up * sizeof (int));
  copy->managers = g_array_sized_new (FALSE, TRUE, sizeof (Manager), self->managers->len);
  g_array_set_clear_func (copy->managers, manager_clear);
  g_array_append_vals (copy->managers, self->managers->data, self->managers->len);
  for (guint i = 0; i < copy->managers->len; i++)
    {
      Manager *mgr = get_manager (copy, i);

      mgr->name = g_strdup (mgr->name);
    }

  return copy;
}

void
sd_plan_params_free (SdPlanParams *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->managers, g_array_unref);
  g_free (self->ramp_up);
  g_free (self);
}

int
sd_plan_params_get_year (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

void
sd_plan_params_set_target (SdPlanParams *self,
                           SdMoney       target)
{
  g_return_if_fail (self != NULL);

  self->target_kind = SD_PLAN_TARGET_FIXED;
  self->target = target;
}

void
sd_plan_params_set_growth (SdPlanParams *self,
                           gint64        growth_bp)
{
  g_return_if_fail (self != NULL);

  self->target_kind = SD_PLAN_TARGET_GROWTH;
  self->growth_bp = growth_bp;
}

SdPlanTargetKind
sd_plan_params_get_target_kind (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, SD_PLAN_TARGET_FIXED);

  return self->target_kind;
}

void
sd_plan_params_set_last_year_fact (SdPlanParams *self,
                                   int           month,
                                   SdMoney       fact)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= 12);

  self->last_year[month - 1] = fact;
}

SdMoney
sd_plan_params_get_last_year_fact (const SdPlanParams *self,
                                   int                 month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return self->last_year[month - 1];
}

gboolean
sd_plan_params_set_last_year_facts (SdPlanParams  *self,
                                    const SdFact  *facts,
                                    gsize          n_facts,
                                    GError       **error)
{
  SdMoney sums[12] = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize k = 0; k < n_facts; k++)
    {
      int m;

      if (facts[k].month == SD_MONTH_INVALID
          || sd_month_get_year (facts[k].month) != self->year - 1)
        continue;

      m = sd_month_get_month (facts[k].month) - 1;
      if (!sd_money_add (sums[m], facts[k].revenue, &sums[m]))
        {
          g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVERFLOW,
                       _("Last year's sales are too large to add up. Check the imported facts "
                         "for a mistyped amount."));
          return FALSE;
        }
    }

  memcpy (self->last_year, sums, sizeof sums);
  return TRUE;
}

void
sd_plan_params_set_month_weights (SdPlanParams *self,
                                  const gint64  weights[12])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (weights != NULL);

  self->weights_kind = SD_PLAN_WEIGHTS_CUSTOM;
  memcpy (self->weights, weights, sizeof self->weights);
}

void
sd_plan_params_use_last_year_shape (SdPlanParams *self)
{
  g_return_if_fail (self != NULL);

  self->weights_kind = SD_PLAN_WEIGHTS_LAST_YEAR;
}

SdPlanWeightsKind
sd_plan_params_get_weights_kind (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, SD_PLAN_WEIGHTS_LAST_YEAR);

  return self->weights_kind;
}

void
sd_plan_params_set_adjust_for_working_days (SdPlanParams *self,
                                            gboolean      adjust)
{
  g_return_if_fail (self != NULL);

  self->adjust = !!adjust;
}

void
sd_plan_params_set_ramp_up (SdPlanParams *self,
                            const int    *percent,
                            gsize         n_steps)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (percent != NULL || n_steps == 0);
  g_return_if_fail (n_steps <= SD_PLAN_MAX_RAMP_UP_STEPS);

  g_free (self->ramp_up);
  self->ramp_up = n_steps > 0 ? g_memdup2 (percent, n_steps * sizeof (int)) : NULL;
  self->n_ramp_up = n_steps;
}

const int *
sd_plan_params_get_ramp_up (const SdPlanParams *self,
                            gsize              *n_steps)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_steps != NULL)
    *n_steps = self->n_ramp_up;
  return self->ramp_up;
}

SdMoney
sd_plan_params_get_target (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->target;
}

gint64
sd_plan_params_get_growth (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->growth_bp;
}

void
sd_plan_params_get_month_weights (const SdPlanParams *self,
                                  gint64              weights[12])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (weights != NULL);

  memcpy (weights, self->weights, sizeof self->weights);
}

gboolean
sd_plan_params_get_adjust_for_working_days (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->adjust;
}

int
sd_plan_params_get_personal_weight (const SdPlanParams *self,
                                    guint               index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->managers->len, 0);

  return g_array_index (self->managers, Manager, index).weight;
}

int
sd_plan_params_get_vacation (const SdPlanParams *self,
                             guint               index,
                             int                 month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->managers->len, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return g_array_index (self->managers, Manager, index).vacation[month - 1];
}

void
sd_plan_params_get_funnel (const SdPlanParams *self,
                           SdMoney            *average_deal,
                           gint64             *conversion_bp)
{
  g_return_if_fail (self != NULL);

  if (average_deal != NULL)
    *average_deal = self->average_deal;
  if (conversion_bp != NULL)
    *conversion_bp = self->conversion_bp;
}

void
sd_plan_params_get_manager_funnel (const SdPlanParams *self,
                                   guint               index,
                                   SdMoney            *average_deal,
                                   gint64             *conversion_bp)
{
  const Manager *mgr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);

  mgr = &g_array_index (self->managers, Manager, index);
  if (average_deal != NULL)
    *average_deal = mgr->average_deal;
  if (conversion_bp != NULL)
    *conversion_bp = mgr->conversion_bp;
}

guint
sd_plan_params_add_manager (SdPlanParams *self,
                            gint64        id,
                            const char   *name,
                            const GDate  *hired,
                            const GDate  *left)
{
  Manager mgr = { 0 };

  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (id != 0, G_MAXUINT);
  g_return_val_if_fail (!sd_plan_params_find_manager (self, id, NULL), G_MAXUINT);

  mgr.id = id;
  mgr.name = g_strdup (name);
  g_date_clear (&mgr.hired, 1);
  g_date_clear (&mgr.left, 1);
  if (hired != NULL && g_date_valid (hired))
    mgr.hired = *hired;
  if (left != NULL && g_date_valid (left))
    mgr.left = *left;
  mgr.weight = SD_PLAN_DEFAULT_PERSONAL_WEIGHT;
  manager_update_worked (self, &mgr);

  g_array_append_val (self->managers, mgr);
  return self->managers->len - 1;
}

guint
sd_plan_params_add_staff_member (SdPlanParams        *self,
                                 const SdStaffMember *member)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (member != NULL, G_MAXUINT);

  return sd_plan_params_add_manager (self, member->id, member->name,
                                     &member->hired, &member->left);
}

void
sd_plan_params_remove_manager (SdPlanParams *self,
                               guint         index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);

  g_array_remove_index (self->managers, index);
}

guint
sd_plan_params_get_n_managers (const SdPlanParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->managers->len;
}

gint64
sd_plan_params_get_manager_id (const SdPlanParams *self,
                               guint               index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->managers->len, 0);

  return get_manager (self, index)->id;
}

gboolean
sd_plan_params_find_manager (const SdPlanParams *self,
                             gint64              id,
                             guint              *index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->managers->len; i++)
    {
      if (get_manager (self, i)->id == id)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
sd_plan_params_set_manager_dates (SdPlanParams *self,
                                  guint         index,
                                  const GDate  *hired,
                                  const GDate  *left)
{
  Manager *mgr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);

  mgr = get_manager (self, index);
  g_date_clear (&mgr->hired, 1);
  g_date_clear (&mgr->left, 1);
  if (hired != NULL && g_date_valid (hired))
    mgr->hired = *hired;
  if (left != NULL && g_date_valid (left))
    mgr->left = *left;
  manager_update_worked (self, mgr);
}

void
sd_plan_params_set_personal_weight (SdPlanParams *self,
                                    guint         index,
                                    int           weight)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);

  get_manager (self, index)->weight = weight;
}

void
sd_plan_params_set_vacation (SdPlanParams *self,
                             guint         index,
                             int           month,
                             int           days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);
  g_return_if_fail (month >= 1 && month <= 12);

  get_manager (self, index)->vacation[month - 1] = days;
}

guint
sd_plan_params_get_worked_days (const SdPlanParams *self,
                                guint               index,
                                int                 month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->managers->len, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return get_manager (self, index)->worked[month - 1];
}

void
sd_plan_params_set_funnel (SdPlanParams *self,
                           SdMoney       average_deal,
                           gint64        conversion_bp)
{
  g_return_if_fail (self != NULL);

  self->average_deal = average_deal;
  self->conversion_bp = conversion_bp;
}

void
sd_plan_params_set_manager_funnel (SdPlanParams *self,
                                   guint         index,
                                   SdMoney       average_deal,
                                   gint64        conversion_bp)
{
  Manager *mgr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);

  mgr = get_manager (self, index);
  mgr->average_deal = average_deal;
  mgr->conversion_bp = conversion_bp;
}

gboolean
sd_plan_params_compute_target (const SdPlanParams  *self,
                               SdMoney             *target,
                               GError             **error)
{
  i128 total = 0;
  i128 factor, product;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->target_kind == SD_PLAN_TARGET_FIXED)
    {
      if (self->target < 0)
        {
          g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_TARGET,
                       _("The yearly target is below zero. Enter zero or a positive amount."));
          return FALSE;
        }
      *target = self->target;
      return TRUE;
    }

  for (int m = 0; m < 12; m++)
    total += self->last_year[m];

  if (total < 0)
    {
      g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_TARGET,
                   _("Last year's sales add up to less than zero, so no target can be grown "
                     "from them. Enter the yearly target yourself."));
      return FALSE;
    }

  factor = (i128) BP_ONE + self->growth_bp;
  if (factor < 0 && total > 0)
    {
      g_autofree char *growth = format_percent (self->growth_bp);

      g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_TARGET,
                   _("A growth of %s would make the target negative. Enter a growth of "
                     "−100%% or more."), growth);
      return FALSE;
    }

  /* total < 2⁶⁸: beyond a growth of 2⁵⁸ bp the product could leave 128 bits. */
  if (factor > ((i128) 1 << 58)
      || (product = div_round_i128 (total * factor, BP_ONE)) > G_MAXINT64)
    {
      g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVERFLOW,
                   _("The yearly target grown from last year is too large to plan with. "
                     "Enter a smaller growth."));
      return FALSE;
    }

  *target = product < 0 ? 0 : (SdMoney) product;
  return TRUE;
}

/* The twelve month weights the year is split by, reduced by their common divisor. */
static gboolean
compute_month_weights (const SdPlanParams  *self,
                       u128                 weights[12],
                       GError             **error)
{
  u128 g = 0;

  if (self->weights_kind == SD_PLAN_WEIGHTS_CUSTOM)
    {
      for (int m = 0; m < 12; m++)
        {
          if (self->weights[m] < 0)
            {
              g_autofree char *month = format_month_label (self->year, m + 1);

              g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_WEIGHTS,
                           _("The weight of %s is below zero. Enter zero or a positive "
                             "number."), month);
              return FALSE;
            }
          weights[m] = (u128) (guint64) self->weights[m]
                       * (self->adjust ? self->working_days[m] : 1);
        }
    }
  else
    {
      /* Fact per working day is fact_m ÷ wd_m: bring the twelve fractions to the common
       * denominator lcm (wd) and keep the numerators. lcm (1..31) < 2⁴⁷, facts < 2⁶³ and
       * working days ≤ 31, so a weight stays below 2¹¹⁵ and their sum below 2¹¹⁹. */
      guint64 lcm = 1;

      for (int m = 0; m < 12; m++)
        if (self->working_days_last[m] > 0)
          lcm = lcm / gcd_u64 (lcm, self->working_days_last[m]) * self->working_days_last[m];

      for (int m = 0; m < 12; m++)
        {
          SdMoney fact = self->last_year[m];

          weights[m] = 0;
          /* A month of net returns contributes nothing rather than a negative share. */
          if (fact <= 0 || self->working_days_last[m] == 0)
            continue;
          weights[m] = (u128) (guint64) fact * (lcm / self->working_days_last[m])
                       * (self->adjust ? self->working_days[m] : 1);
        }
    }

  for (int m = 0; m < 12; m++)
    g = gcd_u128 (g, weights[m]);

  if (g == 0)
    {
      if (self->weights_kind == SD_PLAN_WEIGHTS_CUSTOM)
        g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_WEIGHTS,
                     _("All twelve month weights are zero. Give at least one month a weight "
                       "above zero."));
      else
        g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_WEIGHTS,
                     _("There are no sales last year to take the seasonality from. Enter "
                       "the month weights yourself."));
      return FALSE;
    }

  for (int m = 0; m < 12; m++)
    weights[m] /= g;

  return TRUE;
}

static gboolean
validate_ramp_up (const SdPlanParams  *self,
                  GError             **error)
{
  for (gsize k = 0; k < self->n_ramp_up; k++)
    {
      if (self->ramp_up[k] < 0 || self->ramp_up[k] > 100)
        {
          g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_RAMP_UP,
                       _("Ramp-up month %u is set to %d%%. Each month must be between 0 and "
                         "100%%."),
                       (guint) k + 1, self->ramp_up[k]);
          return FALSE;
        }
    }

  if (self->n_ramp_up > 0 && self->ramp_up[self->n_ramp_up - 1] != 100)
    {
      g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_RAMP_UP,
                   _("The ramp-up ends at %d%%. Its last month must be 100%%, the pace of a "
                     "fully trained manager."),
                   self->ramp_up[self->n_ramp_up - 1]);
      return FALSE;
    }

  return TRUE;
}

static char *
manager_label (const Manager *mgr)
{
  g_autofree char *number = NULL;

  if (mgr->name != NULL && mgr->name[0] != '\0')
    return g_strdup (mgr->name);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, mgr->id);
  /* Translators: stands for a manager without a name in messages; %s is a number. */
  return g_strdup_printf (_("Manager %s"), number);
}

static gboolean
validate_managers (const SdPlanParams  *self,
                   GError             **error)
{
  for (guint i = 0; i < self->managers->len; i++)
    {
      const Manager *mgr = get_manager (self, i);

      if (mgr->weight < 0 || mgr->weight > SD_PLAN_MAX_PERSONAL_WEIGHT)
        {
          g_autofree char *who = manager_label (mgr);

          g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_MANAGER_WEIGHT,
                       _("%s: the personal weight %d is out of range. Enter a whole number "
                         "from 0 to %d (100 is the usual share)."),
                       who, mgr->weight, SD_PLAN_MAX_PERSONAL_WEIGHT);
          return FALSE;
        }

      for (int m = 0; m < 12; m++)
        {
          int days = mgr->vacation[m];

          if (days < 0 || (guint) days > self->working_days[m])
            {
              g_autofree char *who = manager_label (mgr);
              g_autofree char *month = format_month_label (self->year, m + 1);

              if (days < 0)
                g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_VACATION,
                             _("%s, %s: vacation days are below zero. Enter zero or more."),
                             who, month);
              else
                g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_VACATION,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%s, %s: %d vacation days are more than the month's "
                                          "%u working day. Enter at most %u.",
                                          "%s, %s: %d vacation days are more than the month's "
                                          "%u working days. Enter at most %u.",
                                          self->working_days[m]),
                             who, month, days, self->working_days[m], self->working_days[m]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
validate_all (const SdPlanParams  *self,
              SdMoney             *target,
              u128                 weights[12],
              GError             **error)
{
  if (!self->year_valid)
    {
      g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_YEAR,
                   _("The year %d cannot be planned. Enter a year from %d to %d."),
                   self->year, SD_PLAN_FIRST_YEAR, SD_PLAN_LAST_YEAR);
      return FALSE;
    }

  return sd_plan_params_compute_target (self, target, error)
         && compute_month_weights (self, weights, error)
         && validate_ramp_up (self, error)
         && validate_managers (self, error);
}

gboolean
sd_plan_params_validate (const SdPlanParams  *self,
                         GError             **error)
{
  SdMoney target;
  u128 weights[12];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_all (self, &target, weights, error);
}

/* ------------------------------------------------------------------------------------------
 * SdPlan
 * ------------------------------------------------------------------------------------------ */

struct _SdPlan {
  int        year;
  SdMoney    target;
  u128       weights[12];

  guint      n;               /* managers */
  gint64    *ids;
  guint32   *rank;            /* position in ascending id order: the tie-break */
  SdMoney   *average_deal;
  gint64    *conversion_bp;
  SdMoney    dept_average_deal;
  gint64     dept_conversion_bp;

  SdMoney    month_target[12];
  SdMoney    month_override[12];
  gboolean   month_edited[12];
  gboolean   year_balanced;
  gboolean   month_balanced[12];
  SdMoney    unassigned[12];
  i128       cells_sum[12];

  /* 12 × n, month-major: [m × n + i] */
  guint64   *avail;
  guint8    *days;
  guint8    *ramp;
  SdMoney   *cells;
  SdMoney   *overrides;
  guint8    *edited;
  guint      n_edited[12];

  SplitItem *scratch;         /* n */
};

#define CELL(self, m, i) ((gsize) (m) * (self)->n + (i))

static void
plan_free_arrays (SdPlan *self)
{
  g_clear_pointer (&self->ids, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->average_deal, g_free);
  g_clear_pointer (&self->conversion_bp, g_free);
  g_clear_pointer (&self->avail, g_free);
  g_clear_pointer (&self->days, g_free);
  g_clear_pointer (&self->ramp, g_free);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->overrides, g_free);
  g_clear_pointer (&self->edited, g_free);
  g_clear_pointer (&self->scratch, g_free);
}

/* Arrays get at least one element, so that no pointer is NULL even without managers. */
static void
plan_alloc_arrays (SdPlan *self,
                   guint   n)
{
  guint n1 = MAX (n, 1);

  self->n = n;
  self->ids = g_new0 (gint64, n1);
  self->rank = g_new0 (guint32, n1);
  self->average_deal = g_new0 (SdMoney, n1);
  self->conversion_bp = g_new0 (gint64, n1);
  self->avail = g_new0 (guint64, (gsize) 12 * n1);
  self->days = g_new0 (guint8, (gsize) 12 * n1);
  self->ramp = g_new0 (guint8, (gsize) 12 * n1);
  self->cells = g_new0 (SdMoney, (gsize) 12 * n1);
  self->overrides = g_new0 (SdMoney, (gsize) 12 * n1);
  self->edited = g_new0 (guint8, (gsize) 12 * n1);
  self->scratch = g_new0 (SplitItem, n1);
}

typedef struct {
  gint64  id;
  guint32 index;
} IdIndex;

static int
id_index_compare (const void *pa,
                  const void *pb)
{
  const IdIndex *a = pa;
  const IdIndex *b = pb;

  return a->id < b->id ? -1 : a->id > b->id ? 1 : 0;
}

static void
plan_compute_ranks (SdPlan *self)
{
  g_autofree IdIndex *order = g_new (IdIndex, MAX (self->n, 1));

  for (guint i = 0; i < self->n; i++)
    {
      order[i].id = self->ids[i];
      order[i].index = i;
    }
  qsort (order, self->n, sizeof (IdIndex), id_index_compare);
  for (guint k = 0; k < self->n; k++)
    self->rank[order[k].index] = k;
}

/* Makes the plan's managers those of params, carrying hand edits over by id. */
static void
plan_take_managers (SdPlan             *self,
                    const SdPlanParams *params)
{
  guint n = params->managers->len;
  gboolean same = (n == self->n);
  SdPlan old;

  for (guint i = 0; same && i < n; i++)
    same = (self->ids[i] == get_manager (params, i)->id);
  if (same)
    return;

  old = *self;
  self->ids = NULL;
  self->rank = NULL;
  self->average_deal = NULL;
  self->conversion_bp = NULL;
  self->avail = NULL;
  self->days = NULL;
  self->ramp = NULL;
  self->cells = NULL;
  self->overrides = NULL;
  self->edited = NULL;
  self->scratch = NULL;

  plan_alloc_arrays (self, n);
  for (guint i = 0; i < n; i++)
    self->ids[i] = get_manager (params, i)->id;
  plan_compute_ranks (self);

  memset (self->n_edited, 0, sizeof self->n_edited);
  for (guint j = 0; j < old.n; j++)
    {
      guint i;

      if (!sd_plan_params_find_manager (params, old.ids[j], &i))
        continue;
      for (int m = 0; m < 12; m++)
        {
          if (!old.edited[CELL (&old, m, j)])
            continue;
          self->edited[CELL (self, m, i)] = TRUE;
          self->overrides[CELL (self, m, i)] = old.overrides[CELL (&old, m, j)];
          self->n_edited[m]++;
        }
    }

  plan_free_arrays (&old);
}

static void
plan_clear_edits (SdPlan *self)
{
  memset (self->edited, 0, (gsize) 12 * self->n);
  memset (self->overrides, 0, (gsize) 12 * self->n * sizeof (SdMoney));
  memset (self->n_edited, 0, sizeof self->n_edited);
  memset (self->month_balanced, 0, sizeof self->month_balanced);
  memset (self->month_edited, 0, sizeof self->month_edited);
  memset (self->month_override, 0, sizeof self->month_override);
  self->year_balanced = FALSE;
}

static int
ramp_percent (const SdPlanParams *params,
              const Manager      *mgr,
              SdMonth             month)
{
  gint64 tenure;

  if (mgr->hire_month == SD_MONTH_INVALID)
    return 100;

  tenure = (gint64) month - mgr->hire_month + 1;
  if (tenure < 1)
    return 0;
  if ((guint64) tenure <= params->n_ramp_up)
    return params->ramp_up[tenure - 1];
  return 100;
}

/* Cells of month m (0-based) from its target, availability and hand edits. */
static void
plan_compute_month (SdPlan *self,
                    int     m)
{
  gsize base = CELL (self, m, 0);
  SdMoney *cells = self->cells + base;
  const guint8 *edited = self->edited + base;
  const SdMoney *overrides = self->overrides + base;
  gboolean balanced = self->month_balanced[m] && self->n_edited[m] > 0;
  i128 amount = self->month_target[m];
  i128 sum = 0;

  self->unassigned[m] = 0;

  if (balanced)
    {
      for (guint i = 0; i < self->n; i++)
        if (edited[i])
          amount -= overrides[i];
    }

  if (amount < 0)
    {
      /* The edits already take more than the month: nothing is left to spread. */
      for (guint i = 0; i < self->n; i++)
        cells[i] = 0;
    }
  else if (!split_managers ((gint64) amount, self->avail + base,
                            balanced ? edited : NULL, self->rank, self->n, cells,
                            self->scratch))
    {
      self->unassigned[m] = (SdMoney) amount;
    }

  for (guint i = 0; i < self->n; i++)
    {
      if (edited[i])
        cells[i] = overrides[i];
      sum += cells[i];
    }
  self->cells_sum[m] = sum;
}

static void
plan_compute_month_targets (SdPlan *self)
{
  gboolean skip[12] = { FALSE };
  i128 amount = self->target;
  gboolean balanced = FALSE;

  if (self->year_balanced)
    {
      for (int m = 0; m < 12; m++)
        {
          if (self->month_edited[m])
            {
              skip[m] = TRUE;
              amount -= self->month_override[m];
              balanced = TRUE;
            }
        }
    }

  if (!balanced)
    memset (skip, 0, sizeof skip);

  if (amount < 0)
    {
      for (int m = 0; m < 12; m++)
        if (!skip[m])
          self->month_target[m] = 0;
    }
  else
    {
      /* With every month weighted zero but the edited ones, the rest stays visible in
       * sd_plan_rest (…, 0): there is no month to put it in. */
      split_months ((gint64) amount, self->weights, skip, self->month_target);
    }

  for (int m = 0; m < 12; m++)
    if (self->month_edited[m])
      self->month_target[m] = self->month_override[m];
}

static void
plan_compute_all (SdPlan *self)
{
  plan_compute_month_targets (self);
  for (int m = 0; m < 12; m++)
    plan_compute_month (self, m);
}

gboolean
sd_plan_recompute (SdPlan              *self,
                   const SdPlanParams  *params,
                   GError             **error)
{
  SdMoney target;
  u128 weights[12];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_all (params, &target, weights, error))
    return FALSE;

  if (self->year != params->year)
    {
      /* Edits of another year mean nothing here. */
      plan_clear_edits (self);
      self->year = params->year;
    }

  self->target = target;
  memcpy (self->weights, weights, sizeof weights);
  self->dept_average_deal = params->average_deal;
  self->dept_conversion_bp = params->conversion_bp;

  plan_take_managers (self, params);

  for (guint i = 0; i < self->n; i++)
    {
      const Manager *mgr = get_manager (params, i);
      guint64 weight = (guint64) mgr->weight;

      self->average_deal[i] = mgr->average_deal;
      self->conversion_bp[i] = mgr->conversion_bp;

      for (int m = 0; m < 12; m++)
        {
          gsize c = CELL (self, m, i);
          int worked = mgr->worked[m];
          int days = MAX (worked - mgr->vacation[m], 0);
          int ramp = ramp_percent (params, mgr, sd_month_make (params->year, m + 1));

          self->days[c] = (guint8) days;
          self->ramp[c] = (guint8) ramp;
          /* ≤ 10⁶ × 100 × 31 < 2³²: see split_managers(). */
          self->avail[c] = weight * (guint64) ramp * (guint64) days;
        }
    }

  plan_compute_all (self);
  return TRUE;
}

SdPlan *
sd_plan_compute (const SdPlanParams  *params,
                 GError             **error)
{
  g_autoptr(SdPlan) self = NULL;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SdPlan, 1);
  self->year = params->year;
  plan_alloc_arrays (self, 0);

  if (!sd_plan_recompute (self, params, error))
    return NULL;

  return g_steal_pointer (&self);
}

#define DUP_ARRAY(dst, src, type, count) \
  (dst) = g_memdup2 ((src), MAX ((gsize) (count), 1) * sizeof (type))

SdPlan *
sd_plan_copy (const SdPlan *self)
{
  SdPlan *copy;
  gsize cells;

  g_return_val_if_fail (self != NULL, NULL);

  cells = (gsize) 12 * self->n;
  copy = g_new0 (SdPlan, 1);
  *copy = *self;
  DUP_ARRAY (copy->ids, self->ids, gint64, self->n);
  DUP_ARRAY (copy->rank, self->rank, guint32, self->n);
  DUP_ARRAY (copy->average_deal, self->average_deal, SdMoney, self->n);
  DUP_ARRAY (copy->conversion_bp, self->conversion_bp, gint64, self->n);
  DUP_ARRAY (copy->avail, self->avail, guint64, cells);
  DUP_ARRAY (copy->days, self->days, guint8, cells);
  DUP_ARRAY (copy->ramp, self->ramp, guint8, cells);
  DUP_ARRAY (copy->cells, self->cells, SdMoney, cells);
  DUP_ARRAY (copy->overrides, self->overrides, SdMoney, cells);
  DUP_ARRAY (copy->edited, self->edited, guint8, cells);
  DUP_ARRAY (copy->scratch, self->scratch, SplitItem, self->n);

  return copy;
}

void
sd_plan_free (SdPlan *self)
{
  if (self == NULL)
    return;

  plan_free_arrays (self);
  g_free (self);
}

int
sd_plan_get_year (const SdPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

SdMoney
sd_plan_get_target (const SdPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->target;
}

guint
sd_plan_get_n_managers (const SdPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n;
}

gint64
sd_plan_get_manager_id (const SdPlan *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n, 0);

  return self->ids[index];
}

gboolean
sd_plan_find_manager (const SdPlan *self,
                      gint64        id,
                      guint        *index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->n; i++)
    {
      if (self->ids[i] == id)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

SdMoney
sd_plan_get_month_target (const SdPlan *self,
                          int           month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return self->month_target[month - 1];
}

SdMoney
sd_plan_get_cell (const SdPlan *self,
                  int           month,
                  guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (index < self->n, 0);

  return self->cells[CELL (self, month - 1, index)];
}

SdMoney
sd_plan_get_unassigned (const SdPlan *self,
                        int           month)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return self->unassigned[month - 1];
}

gboolean
sd_plan_month_is_unassigned (const SdPlan *self,
                             int           month)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return self->unassigned[month - 1] > 0;
}

SdMoney
sd_plan_get_manager_total (const SdPlan *self,
                           guint         index)
{
  i128 sum = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n, 0);

  for (int m = 0; m < 12; m++)
    sum += self->cells[CELL (self, m, index)];

  return clamp_money (sum);
}

SdMoney
sd_plan_rest (const SdPlan *self,
              int           month)
{
  i128 rest;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 0 && month <= 12, 0);

  if (month > 0)
    {
      int m = month - 1;

      rest = (i128) self->month_target[m] - self->cells_sum[m] - self->unassigned[m];
      return clamp_money (rest);
    }

  rest = self->target;
  for (int m = 0; m < 12; m++)
    rest -= self->cells_sum[m] + self->unassigned[m];

  return clamp_money (rest);
}

guint64
sd_plan_get_availability (const SdPlan *self,
                          int           month,
                          guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (index < self->n, 0);

  return self->avail[CELL (self, month - 1, index)];
}

guint
sd_plan_get_available_days (const SdPlan *self,
                            int           month,
                            guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (index < self->n, 0);

  return self->days[CELL (self, month - 1, index)];
}

int
sd_plan_get_ramp_up_percent (const SdPlan *self,
                             int           month,
                             guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (index < self->n, 0);

  return self->ramp[CELL (self, month - 1, index)];
}

static gboolean
check_not_negative (SdMoney   value,
                    GError  **error)
{
  if (value >= 0)
    return TRUE;

  g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_NEGATIVE_VALUE,
               _("A plan figure cannot be below zero. Enter zero or a positive amount."));
  return FALSE;
}

gboolean
sd_plan_set_cell (SdPlan   *self,
                  int       month,
                  guint     index,
                  SdMoney   value,
                  GError  **error)
{
  gsize c;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (index < self->n, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_negative (value, error))
    return FALSE;

  c = CELL (self, month - 1, index);
  if (!self->edited[c])
    {
      self->edited[c] = TRUE;
      self->n_edited[month - 1]++;
    }
  self->overrides[c] = value;
  plan_compute_month (self, month - 1);

  return TRUE;
}

void
sd_plan_reset_cell (SdPlan *self,
                    int     month,
                    guint   index)
{
  gsize c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (index < self->n);

  c = CELL (self, month - 1, index);
  if (!self->edited[c])
    return;

  self->edited[c] = FALSE;
  self->overrides[c] = 0;
  self->n_edited[month - 1]--;
  plan_compute_month (self, month - 1);
}

gboolean
sd_plan_cell_is_edited (const SdPlan *self,
                        int           month,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (index < self->n, FALSE);

  return self->edited[CELL (self, month - 1, index)];
}

gboolean
sd_plan_set_month_target (SdPlan   *self,
                          int       month,
                          SdMoney   value,
                          GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_negative (value, error))
    return FALSE;

  self->month_edited[month - 1] = TRUE;
  self->month_override[month - 1] = value;

  /* In a balanced year every month may move; otherwise only this one. */
  if (self->year_balanced)
    plan_compute_all (self);
  else
    {
      self->month_target[month - 1] = value;
      plan_compute_month (self, month - 1);
    }

  return TRUE;
}

void
sd_plan_reset_month_target (SdPlan *self,
                            int     month)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= 12);

  if (!self->month_edited[month - 1])
    return;

  self->month_edited[month - 1] = FALSE;
  self->month_override[month - 1] = 0;
  plan_compute_all (self);
}

gboolean
sd_plan_month_target_is_edited (const SdPlan *self,
                                int           month)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return self->month_edited[month - 1];
}

gboolean
sd_plan_respread (SdPlan   *self,
                  int       month,
                  GError  **error)
{
  i128 amount;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 0 && month <= 12, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (month == 0)
    {
      amount = self->target;
      for (int m = 0; m < 12; m++)
        if (self->month_edited[m])
          amount -= self->month_override[m];

      if (amount < 0)
        {
          g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVER_TARGET,
                       _("The months entered by hand already add up to more than the yearly "
                         "target. Lower them or raise the target."));
          return FALSE;
        }

      self->year_balanced = TRUE;
      plan_compute_all (self);
      return TRUE;
    }

  amount = self->month_target[month - 1];
  for (guint i = 0; i < self->n; i++)
    if (self->edited[CELL (self, month - 1, i)])
      amount -= self->overrides[CELL (self, month - 1, i)];

  if (amount < 0)
    {
      g_autofree char *label = format_month_label (self->year, month);

      g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVER_TARGET,
                   _("%s: the figures entered by hand already add up to more than the month's "
                     "target. Lower them or raise the month's target."), label);
      return FALSE;
    }

  self->month_balanced[month - 1] = TRUE;
  plan_compute_month (self, month - 1);
  return TRUE;
}

gboolean
sd_plan_is_balanced (const SdPlan *self,
                     int           month)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 0 && month <= 12, FALSE);

  return month == 0 ? self->year_balanced : self->month_balanced[month - 1];
}

void
sd_plan_reset_edits (SdPlan *self,
                     int     month)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 0 && month <= 12);

  if (month > 0)
    {
      gsize base = CELL (self, month - 1, 0);

      memset (self->edited + base, 0, self->n);
      memset (self->overrides + base, 0, self->n * sizeof (SdMoney));
      self->n_edited[month - 1] = 0;
      self->month_balanced[month - 1] = FALSE;
      plan_compute_month (self, month - 1);
      return;
    }

  plan_clear_edits (self);
  plan_compute_all (self);
}

gboolean
sd_plan_funnel (SdMoney  revenue,
                SdMoney  average_deal,
                gint64   conversion_bp,
                gint64  *deals,
                gint64  *leads)
{
  i128 d, l;

  if (average_deal <= 0 || conversion_bp <= 0 || conversion_bp > BP_ONE)
    return FALSE;

  if (revenue <= 0)
    {
      d = 0;
      l = 0;
    }
  else
    {
      d = div_ceil_i128 (revenue, average_deal);
      l = div_ceil_i128 (d * BP_ONE, conversion_bp);
      if (l > G_MAXINT64)
        return FALSE;
    }

  if (deals != NULL)
    *deals = (gint64) d;
  if (leads != NULL)
    *leads = (gint64) l;
  return TRUE;
}

gboolean
sd_plan_get_cell_funnel (const SdPlan *self,
                         int           month,
                         guint         index,
                         gint64       *deals,
                         gint64       *leads)
{
  SdMoney average;
  gint64 conversion;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (index < self->n, FALSE);

  average = self->average_deal[index] != 0 ? self->average_deal[index]
                                           : self->dept_average_deal;
  conversion = self->conversion_bp[index] != 0 ? self->conversion_bp[index]
                                               : self->dept_conversion_bp;

  return sd_plan_funnel (self->cells[CELL (self, month - 1, index)], average, conversion,
                         deals, leads);
}

gboolean
sd_plan_get_month_funnel (const SdPlan *self,
                          int           month,
                          gint64       *deals,
                          gint64       *leads)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return sd_plan_funnel (self->month_target[month - 1], self->dept_average_deal,
                         self->dept_conversion_bp, deals, leads);
}

GArray *
sd_plan_to_entries (const SdPlan *self)
{
  GArray *entries;

  g_return_val_if_fail (self != NULL, NULL);

  entries = g_array_sized_new (FALSE, TRUE, sizeof (SdPlanEntry), 12 * (self->n + 1));

  for (int month = 1; month <= 12; month++)
    {
      SdPlanEntry e = { 0 };

      e.manager_id = 0;
      e.month = sd_month_make (self->year, month);
      e.revenue = self->month_target[month - 1];
      if (!sd_plan_get_month_funnel (self, month, &e.deals, &e.leads))
        e.deals = e.leads = 0;
      g_array_append_val (entries, e);

      for (guint i = 0; i < self->n; i++)
        {
          e.manager_id = self->ids[i];
          e.revenue = self->cells[CELL (self, month - 1, i)];
          if (!sd_plan_get_cell_funnel (self, month, i, &e.deals, &e.leads))
            e.deals = e.leads = 0;
          g_array_append_val (entries, e);
        }
    }

  return entries;
}

/* ------------------------------------------------------------------------------------------
 * Plan versus fact
 * ------------------------------------------------------------------------------------------ */

/* num ÷ den in basis points, half away from zero, when it fits. den > 0. */
static gboolean
ratio_bp (i128     num,
          i128     den,
          gint64  *out_bp)
{
  i128 bp;

  /* |num| < 2¹⁰⁰ keeps num × 10 000 inside 128 bits. */
  if (num > ((i128) 1 << 100) || num < -((i128) 1 << 100))
    return FALSE;

  bp = div_round_i128 (num * BP_ONE, den);
  if (bp > G_MAXINT64 || bp < G_MININT64)
    return FALSE;

  if (out_bp != NULL)
    *out_bp = (gint64) bp;
  return TRUE;
}

gboolean
sd_plan_completion_bp (SdMoney  fact,
                       SdMoney  plan,
                       gint64  *out_bp)
{
  if (plan <= 0)
    return FALSE;

  return ratio_bp (fact, plan, out_bp);
}

gboolean
sd_plan_growth_bp (SdMoney  current,
                   SdMoney  previous,
                   gint64  *out_bp)
{
  i128 prev = previous;

  if (previous == 0)
    return FALSE;

  return ratio_bp ((i128) current - prev, prev < 0 ? -prev : prev, out_bp);
}

void
sd_lagging_free (SdLagging *self)
{
  if (self == NULL)
    return;

  g_free (self->completion_bp);
  g_free (self->reason);
  g_free (self);
}

typedef struct {
  gint64   manager_id;
  SdMonth  month;
  SdMoney  plan;
  SdMoney  fact;
} PfCell;

typedef struct {
  SdMoney  own_plan;
  gboolean has_own_plan;
  SdMoney  managers_plan;
  SdMoney  fact;
} PfDept;

struct _SdPlanFact {
  GHashTable *cells;      /* PfCell → itself */
  GHashTable *dept;       /* SdMonth → PfDept */
  GHashTable *managers;   /* gint64 id → itself (a set) */
};

static guint
pf_cell_hash (gconstpointer p)
{
  const PfCell *c = p;
  guint64 h = (guint64) c->manager_id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
              ^ (guint32) c->month;

  return (guint) (h ^ (h >> 32));
}

static gboolean
pf_cell_equal (gconstpointer pa,
               gconstpointer pb)
{
  const PfCell *a = pa;
  const PfCell *b = pb;

  return a->manager_id == b->manager_id && a->month == b->month;
}

SdPlanFact *
sd_plan_fact_new (void)
{
  SdPlanFact *self = g_new0 (SdPlanFact, 1);

  self->cells = g_hash_table_new_full (pf_cell_hash, pf_cell_equal, g_free, NULL);
  self->dept = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  return self;
}

void
sd_plan_fact_free (SdPlanFact *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->dept, g_hash_table_unref);
  g_clear_pointer (&self->managers, g_hash_table_unref);
  g_free (self);
}

static PfCell *
pf_lookup_cell (const SdPlanFact *self,
                gint64            manager_id,
                SdMonth           month)
{
  PfCell key = { manager_id, month, 0, 0 };

  return g_hash_table_lookup (self->cells, &key);
}

static PfCell *
pf_ensure_cell (SdPlanFact *self,
                gint64      manager_id,
                SdMonth     month)
{
  PfCell *cell = pf_lookup_cell (self, manager_id, month);

  if (cell == NULL)
    {
      cell = g_new0 (PfCell, 1);
      cell->manager_id = manager_id;
      cell->month = month;
      g_hash_table_add (self->cells, cell);
      if (!g_hash_table_contains (self->managers, &manager_id))
        g_hash_table_add (self->managers, g_memdup2 (&manager_id, sizeof manager_id));
    }

  return cell;
}

static PfDept *
pf_ensure_dept (SdPlanFact *self,
                SdMonth     month)
{
  PfDept *dept = g_hash_table_lookup (self->dept, GINT_TO_POINTER (month));

  if (dept == NULL)
    {
      dept = g_new0 (PfDept, 1);
      g_hash_table_insert (self->dept, GINT_TO_POINTER (month), dept);
    }

  return dept;
}

static gboolean
pf_overflow (GError **error)
{
  g_set_error (error, SD_PLAN_ERROR, SD_PLAN_ERROR_OVERFLOW,
               _("The plan or fact figures are too large to add up. Check them for a mistyped "
                 "amount."));
  return FALSE;
}

gboolean
sd_plan_fact_add_plan (SdPlanFact  *self,
                       gint64       manager_id,
                       SdMonth      month,
                       SdMoney      plan,
                       GError     **error)
{
  PfDept *dept;
  SdMoney sum_dept, sum_cell = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month != SD_MONTH_INVALID, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dept = pf_ensure_dept (self, month);

  if (manager_id == 0)
    {
      if (!sd_money_add (dept->own_plan, plan, &sum_dept))
        return pf_overflow (error);
      dept->own_plan = sum_dept;
      dept->has_own_plan = TRUE;
      return TRUE;
    }

  {
    PfCell *cell = pf_lookup_cell (self, manager_id, month);

    if (!sd_money_add (cell != NULL ? cell->plan : 0, plan, &sum_cell)
        || !sd_money_add (dept->managers_plan, plan, &sum_dept))
      return pf_overflow (error);

    cell = pf_ensure_cell (self, manager_id, month);
    cell->plan = sum_cell;
    dept->managers_plan = sum_dept;
  }

  return TRUE;
}

gboolean
sd_plan_fact_add_fact (SdPlanFact  *self,
                       gint64       manager_id,
                       SdMonth      month,
                       SdMoney      fact,
                       GError     **error)
{
  PfDept *dept;
  SdMoney sum_dept, sum_cell = 0;
  PfCell *cell;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month != SD_MONTH_INVALID, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dept = pf_ensure_dept (self, month);
  if (!sd_money_add (dept->fact, fact, &sum_dept))
    return pf_overflow (error);

  if (manager_id != 0)
    {
      cell = pf_lookup_cell (self, manager_id, month);
      if (!sd_money_add (cell != NULL ? cell->fact : 0, fact, &sum_cell))
        return pf_overflow (error);
      cell = pf_ensure_cell (self, manager_id, month);
      cell->fact = sum_cell;
    }

  dept->fact = sum_dept;
  return TRUE;
}

gboolean
sd_plan_fact_add_plan_entries (SdPlanFact         *self,
                               const SdPlanEntry  *entries,
                               gsize               n_entries,
                               GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);

  for (gsize k = 0; k < n_entries; k++)
    if (!sd_plan_fact_add_plan (self, entries[k].manager_id, entries[k].month,
                                entries[k].revenue, error))
      return FALSE;

  return TRUE;
}

gboolean
sd_plan_fact_add_facts (SdPlanFact     *self,
                        const SdFact   *facts,
                        gsize           n_facts,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);

  for (gsize k = 0; k < n_facts; k++)
    if (!sd_plan_fact_add_fact (self, facts[k].manager_id, facts[k].month,
                                facts[k].revenue, error))
      return FALSE;

  return TRUE;
}

static void
pf_month (const SdPlanFact *self,
          gint64            manager_id,
          SdMonth           month,
          SdMoney          *plan,
          SdMoney          *fact)
{
  *plan = 0;
  *fact = 0;

  if (manager_id == 0)
    {
      const PfDept *dept = g_hash_table_lookup (self->dept, GINT_TO_POINTER (month));

      if (dept != NULL)
        {
          *plan = dept->has_own_plan ? dept->own_plan : dept->managers_plan;
          *fact = dept->fact;
        }
    }
  else
    {
      const PfCell *cell = pf_lookup_cell (self, manager_id, month);

      if (cell != NULL)
        {
          *plan = cell->plan;
          *fact = cell->fact;
        }
    }
}

static void
pf_period (const SdPlanFact *self,
           gint64            manager_id,
           const SdPeriod   *period,
           i128             *plan,
           i128             *fact)
{
  SdMonth first = sd_period_first_month (period);
  SdMonth last = sd_period_last_month (period);

  *plan = 0;
  *fact = 0;
  for (SdMonth m = first; m <= last; m++)
    {
      SdMoney p, f;

      pf_month (self, manager_id, m, &p, &f);
      *plan += p;
      *fact += f;
    }
}

void
sd_plan_fact_get (const SdPlanFact *self,
                  gint64            manager_id,
                  const SdPeriod   *period,
                  SdMoney          *plan,
                  SdMoney          *fact)
{
  i128 p, f;

  g_return_if_fail (self != NULL);
  g_return_if_fail (period != NULL);

  pf_period (self, manager_id, period, &p, &f);
  if (plan != NULL)
    *plan = clamp_money (p);
  if (fact != NULL)
    *fact = clamp_money (f);
}

gboolean
sd_plan_fact_completion_bp (const SdPlanFact *self,
                            gint64            manager_id,
                            const SdPeriod   *period,
                            gint64           *out_bp)
{
  i128 p, f;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  pf_period (self, manager_id, period, &p, &f);
  if (p <= 0)
    return FALSE;

  return ratio_bp (f, p, out_bp);
}

gboolean
sd_plan_fact_growth_bp (const SdPlanFact *self,
                        gint64            manager_id,
                        const SdPeriod   *period,
                        SdGrowthKind      kind,
                        gint64           *out_bp)
{
  SdPeriod before;
  i128 p, cur, prev;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (kind == SD_GROWTH_YEAR_AGO)
    {
      before = *period;
      before.year--;
    }
  else
    before = sd_period_previous (period);

  pf_period (self, manager_id, period, &p, &cur);
  pf_period (self, manager_id, &before, &p, &prev);
  if (prev == 0)
    return FALSE;

  return ratio_bp (cur - prev, prev < 0 ? -prev : prev, out_bp);
}

static int
compare_int64 (const void *pa,
               const void *pb)
{
  gint64 a = *(const gint64 *) pa;
  gint64 b = *(const gint64 *) pb;

  return a < b ? -1 : a > b ? 1 : 0;
}

/* Exactly fact ÷ plan < threshold, never on a rounded percentage. */
static gboolean
below_threshold (SdMoney plan,
                 SdMoney fact,
                 gint64  threshold_bp)
{
  return (i128) fact * BP_ONE < (i128) threshold_bp * plan;
}

static char *
lagging_reason (const SdLagging *lag,
                gint64           threshold_bp)
{
  g_autofree char *threshold = format_percent (threshold_bp);
  g_autofree char *first = sd_month_format_label (lag->first_month);
  g_autofree char *last = sd_month_format_label (lag->last_month);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint k = 0; k < lag->n_months; k++)
    {
      g_autofree char *value = format_percent (lag->completion_bp[k]);

      if (k > 0)
        g_string_append (values, ", ");
      g_string_append (values, value);
    }

  if (lag->n_months == 1)
    /* Translators: why a manager is listed as lagging. %1$s is the threshold ("80%"),
     * %2$s the month ("March 2026"), %3$s the completion reached ("64.5%"). */
    return g_strdup_printf (_("Below %1$s of the plan in %2$s: %3$s."),
                            threshold, last, values->str);

  /* Translators: why a manager is listed as lagging. %1$s is the threshold ("80%"), %2$u
   * the number of months, %3$s and %4$s the first and last month ("January 2026"), %5$s
   * the completion of each month ("75%, 60%"). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Below %1$s of the plan for %2$u month in a row, "
                                       "%3$s – %4$s: %5$s.",
                                       "Below %1$s of the plan for %2$u months in a row, "
                                       "%3$s – %4$s: %5$s.",
                                       lag->n_months),
                          threshold, lag->n_months, first, last, values->str);
}

GPtrArray *
sd_plan_fact_find_lagging (const SdPlanFact *self,
                           SdMonth           up_to,
                           gint64            threshold_bp,
                           guint             n_months)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autofree gint64 *ids = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_ids = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (up_to != SD_MONTH_INVALID, NULL);
  g_return_val_if_fail (n_months >= 1, NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_lagging_free);

  ids = g_new (gint64, g_hash_table_size (self->managers) + 1);
  g_hash_table_iter_init (&iter, self->managers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ids[n_ids++] = *(gint64 *) key;
  qsort (ids, n_ids, sizeof (gint64), compare_int64);

  for (guint k = 0; k < n_ids; k++)
    {
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
      SdLagging *lag;
      SdMonth m = up_to;

      /* Walk back while each month has a plan and misses the threshold; a month without
       * plan data ends the walk, so it stops at the first month ever planned. */
      for (;;)
        {
          SdMoney plan, fact;
          gint64 bp = 0;

          pf_month (self, ids[k], m, &plan, &fact);
          if (plan <= 0 || !below_threshold (plan, fact, threshold_bp))
            break;
          if (!sd_plan_completion_bp (fact, plan, &bp))
            bp = fact < 0 ? G_MININT64 : 0;
          g_array_prepend_val (values, bp);
          m--;
        }

      if (values->len < n_months)
        continue;

      lag = g_new0 (SdLagging, 1);
      lag->manager_id = ids[k];
      lag->n_months = values->len;
      lag->first_month = up_to - (SdMonth) values->len + 1;
      lag->last_month = up_to;
      lag->completion_bp = g_memdup2 (values->data, values->len * sizeof (gint64));
      lag->reason = lagging_reason (lag, threshold_bp);
      g_ptr_array_add (result, lag);
    }

  return g_steal_pointer (&result);
}
