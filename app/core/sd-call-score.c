/* sd-call-score.c — scored calls and their history
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-call-score"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-call-score.h"
#include "sd-scheme.h"

/* Every scale's top score (1..10) divides this, so Σ score ÷ max is an exact fraction. */
#define SCALE_LCM 2520

/* n ÷ d, half away from zero; d > 0. */
static gint64
div_round (gint64 n,
                      gint64 d)
{
  gint64 q = n / d;
  gint64 r = n % d;

  if ((r < 0 ? -r : r) * 2 >= d)
    q += n < 0 ? -1 : 1;

  return q;
}

/* ------------------------------------------------------------------------------------------
 * A call
 * ------------------------------------------------------------------------------------------ */

SdCall *
sd_call_new (void)
{
  SdCall *self = g_new0 (SdCall, 1);

  g_date_clear (&self->date, 1);
  self->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_mark_free);

  return self;
}

SdCall *
sd_call_new_for_checklist (const SdChecklist *checklist,
                           gint64             manager_id,
                           const GDate       *date)
{
  SdCall *self;

  g_return_val_if_fail (checklist != NULL, NULL);

  self = sd_call_new ();
  self->manager_id = manager_id;
  self->checklist_id = checklist->id;
  if (date != NULL && g_date_valid (date))
    self->date = *date;
  g_ptr_array_unref (self->marks);
  self->marks = sd_checklist_new_marks (checklist);

  return self;
}

SdCall *
sd_call_copy (const SdCall *self)
{
  SdCall *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdCall, 1);
  copy->id = self->id;
  copy->manager_id = self->manager_id;
  copy->date = self->date;
  copy->checklist_id = self->checklist_id;
  copy->reference = g_strdup (self->reference);
  copy->comment = g_strdup (self->comment);
  copy->marks = sd_marks_copy (self->marks);

  return copy;
}

void
sd_call_free (SdCall *self)
{
  if (self == NULL)
    return;

  g_free (self->reference);
  g_free (self->comment);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_free (self);
}

gboolean
sd_call_set_score (SdCall     *self,
                   const char *key,
                   int         score)
{
  SdMark *mark;

  g_return_val_if_fail (self != NULL, FALSE);

  mark = sd_marks_find (self->marks, key);
  if (mark == NULL)
    return FALSE;

  mark->state = SD_MARK_SCORED;
  mark->score = score;

  return TRUE;
}

gboolean
sd_call_set_not_applicable (SdCall     *self,
                            const char *key)
{
  SdMark *mark;

  g_return_val_if_fail (self != NULL, FALSE);

  mark = sd_marks_find (self->marks, key);
  if (mark == NULL)
    return FALSE;

  mark->state = SD_MARK_NOT_APPLICABLE;
  mark->score = 0;

  return TRUE;
}

gboolean
sd_call_validate (const SdCall  *self,
                  GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->manager_id <= 0)
    {
      g_set_error_literal (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NAME,
                           _("No manager is chosen: choose whose call this is."));
      return FALSE;
    }

  if (!g_date_valid (&self->date))
    {
      g_set_error_literal (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NAME,
                           _("The date of the call is missing: enter the day it was made."));
      return FALSE;
    }

  return sd_marks_validate (self->marks, SD_CHECKLIST_CALL, error);
}

/* The score of a call already validated. */
static int
score_of_valid (const SdCall *self)
{
  gint64 num = 0;
  gint64 den = 0;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const SdMark *mark = g_ptr_array_index (self->marks, i);

      if (mark->state != SD_MARK_SCORED)
        continue;
      num += (gint64) mark->weight * mark->score * (SCALE_LCM / mark->max_score);
      den += mark->weight;
    }

  /* Σ wᵢ·sᵢ/maxᵢ × 100 ÷ Σ wᵢ with the fractions over the common denominator SCALE_LCM. */
  return (int) div_round (num * 100, den * SCALE_LCM);
}

gboolean
sd_call_compute_score (const SdCall  *self,
                       int           *score,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  if (!sd_call_validate (self, error))
    return FALSE;

  *score = score_of_valid (self);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * History
 * ------------------------------------------------------------------------------------------ */

static gboolean
call_counts (const SdCall *call,
                 gint64        manager_id,
                 int          *score)
{
  if (call == NULL)
    return FALSE;
  if (manager_id != 0 && call->manager_id != manager_id)
    return FALSE;
  if (!sd_call_validate (call, NULL))
    return FALSE;

  if (score != NULL)
    *score = score_of_valid (call);

  return TRUE;
}

/* Σ scores and the number of calls of manager_id in months first..last. */
static void
sum_scores (const GPtrArray *calls,
            gint64           manager_id,
            SdMonth          first,
            SdMonth          last,
            gint64          *sum,
            guint           *n)
{
  *sum = 0;
  *n = 0;

  if (calls == NULL)
    return;

  for (guint i = 0; i < calls->len; i++)
    {
      const SdCall *call = g_ptr_array_index ((GPtrArray *) calls, i);
      SdMonth month;
      int score;

      if (!g_date_valid (&call->date))
        continue;
      month = sd_month_from_date (&call->date);
      if (month < first || month > last)
        continue;
      if (!call_counts (call, manager_id, &score))
        continue;
      *sum += score;
      (*n)++;
    }
}

GArray *
sd_call_scores_by_month (const GPtrArray *calls,
                         gint64           manager_id,
                         SdMonth          first,
                         guint            n_months)
{
  GArray *result;

  g_return_val_if_fail (first != SD_MONTH_INVALID, NULL);

  result = g_array_sized_new (FALSE, TRUE, sizeof (SdScoreMonth), n_months);
  g_array_set_size (result, n_months);

  for (guint k = 0; k < n_months; k++)
    {
      SdScoreMonth *item = &g_array_index (result, SdScoreMonth, k);

      item->month = first + (SdMonth) k;
      item->average = SD_SCORE_NONE;
      item->n_calls = 0;
    }

  if (calls == NULL)
    return result;

  /* One pass over the calls, then the averages. */
  {
    g_autofree gint64 *sums = g_new0 (gint64, MAX (n_months, 1));

    for (guint i = 0; i < calls->len; i++)
      {
        const SdCall *call = g_ptr_array_index ((GPtrArray *) calls, i);
        SdMonth month;
        int score;

        if (!g_date_valid (&call->date))
          continue;
        month = sd_month_from_date (&call->date);
        if (month < first || (gint64) month - first >= n_months)
          continue;
        if (!call_counts (call, manager_id, &score))
          continue;
        sums[month - first] += score;
        g_array_index (result, SdScoreMonth, month - first).n_calls++;
      }

    for (guint k = 0; k < n_months; k++)
      {
        SdScoreMonth *item = &g_array_index (result, SdScoreMonth, k);

        if (item->n_calls > 0)
          item->average = div_round (sums[k] * 100, item->n_calls);
      }
  }

  return result;
}

gboolean
sd_call_scores_average (const GPtrArray *calls,
                        gint64           manager_id,
                        SdMonth          first,
                        SdMonth          last,
                        gint64          *average,
                        guint           *n_calls)
{
  gint64 sum;
  guint n;

  g_return_val_if_fail (average != NULL, FALSE);

  sum_scores (calls, manager_id, first, last, &sum, &n);
  if (n_calls != NULL)
    *n_calls = n;
  if (n == 0)
    {
      *average = SD_SCORE_NONE;
      return FALSE;
    }

  *average = div_round (sum * 100, n);

  return TRUE;
}

gboolean
sd_call_scores_kpi (const GPtrArray *calls,
                    gint64           manager_id,
                    SdMonth          month,
                    gint64          *value)
{
  gint64 sum;
  guint n;

  g_return_val_if_fail (value != NULL, FALSE);

  sum_scores (calls, manager_id, month, month, &sum, &n);
  if (n == 0)
    {
      *value = 0;
      return FALSE;
    }

  *value = div_round (sum * SD_FIX_ONE, n);

  return TRUE;
}

void
sd_criterion_history_free (SdCriterionHistory *self)
{
  if (self == NULL)
    return;

  g_free (self->key);
  g_free (self->name);
  g_free (self->level);
  g_free (self->n_scored);
  g_free (self);
}

typedef struct {
  SdCriterionHistory *history;
  gint64             *sums;      /* n_months Σ score × (SCALE_LCM ÷ max) */
  gint64              total;
} CriterionSums;

static CriterionSums *
add_history (GPtrArray  *items,
             GHashTable *by_key,
             const char *key,
             const char *name,
             int         weight,
             SdMonth     first,
             guint       n_months)
{
  CriterionSums *sums = g_new0 (CriterionSums, 1);
  SdCriterionHistory *h = g_new0 (SdCriterionHistory, 1);

  h->key = g_strdup (key);
  h->name = g_strdup (name);
  h->weight = weight;
  h->first_month = first;
  h->n_months = n_months;
  h->level = g_new (gint64, MAX (n_months, 1));
  h->n_scored = g_new0 (guint, MAX (n_months, 1));
  h->overall = SD_SCORE_NONE;
  for (guint k = 0; k < n_months; k++)
    h->level[k] = SD_SCORE_NONE;

  sums->history = h;
  sums->sums = g_new0 (gint64, MAX (n_months, 1));
  g_ptr_array_add (items, sums);
  g_hash_table_insert (by_key, h->key, sums);

  return sums;
}

static void
criterion_sums_free (CriterionSums *sums)
{
  sd_criterion_history_free (sums->history);
  g_free (sums->sums);
  g_free (sums);
}

GPtrArray *
sd_call_scores_by_criterion (const SdChecklist *checklist,
                             const GPtrArray   *calls,
                             gint64             manager_id,
                             SdMonth            first,
                             guint              n_months)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  GPtrArray *result;

  g_return_val_if_fail (first != SD_MONTH_INVALID, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_sums_free);
  by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (checklist != NULL)
    for (guint i = 0; i < checklist->criteria->len; i++)
      {
        const SdCriterion *c = g_ptr_array_index (checklist->criteria, i);

        if (c->key != NULL && !g_hash_table_contains (by_key, c->key))
          add_history (items, by_key, c->key, c->name, c->weight, first, n_months);
      }

  for (guint i = 0; calls != NULL && i < calls->len; i++)
    {
      const SdCall *call = g_ptr_array_index ((GPtrArray *) calls, i);
      SdMonth month;

      if (!g_date_valid (&call->date))
        continue;
      month = sd_month_from_date (&call->date);
      if (month < first || (gint64) month - first >= n_months)
        continue;
      if (!call_counts (call, manager_id, NULL))
        continue;

      for (guint j = 0; j < call->marks->len; j++)
        {
          const SdMark *mark = g_ptr_array_index (call->marks, j);
          CriterionSums *sums;
          gint64 part;

          if (mark->state != SD_MARK_SCORED)
            continue;

          sums = g_hash_table_lookup (by_key, mark->key);
          if (sums == NULL)
            sums = add_history (items, by_key, mark->key, mark->name, 0, first, n_months);

          part = (gint64) mark->score * (SCALE_LCM / mark->max_score);
          sums->sums[month - first] += part;
          sums->total += part;
          sums->history->n_scored[month - first]++;
          sums->history->n_overall++;
        }
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_criterion_history_free);
  for (guint i = 0; i < items->len; i++)
    {
      CriterionSums *sums = g_ptr_array_index (items, i);
      SdCriterionHistory *h = sums->history;

      for (guint k = 0; k < n_months; k++)
        if (h->n_scored[k] > 0)
          h->level[k] = div_round (sums->sums[k] * 10000,
                                              (gint64) h->n_scored[k] * SCALE_LCM);
      if (h->n_overall > 0)
        h->overall = div_round (sums->total * 10000,
                                           (gint64) h->n_overall * SCALE_LCM);

      g_ptr_array_add (result, g_steal_pointer (&sums->history));
    }

  return result;
}
