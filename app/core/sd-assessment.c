/* sd-assessment.c — assessments against a template and their comparison
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-assessment"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-assessment.h"

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

SdAssessment *
sd_assessment_new (void)
{
  SdAssessment *self = g_new0 (SdAssessment, 1);

  g_date_clear (&self->date, 1);
  self->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_mark_free);

  return self;
}

SdAssessment *
sd_assessment_new_for_template (const SdChecklist *template_,
                                gint64             manager_id,
                                const GDate       *date)
{
  SdAssessment *self;

  g_return_val_if_fail (template_ != NULL, NULL);
  g_return_val_if_fail (template_->kind == SD_CHECKLIST_ASSESSMENT, NULL);

  self = sd_assessment_new ();
  self->manager_id = manager_id;
  self->template_id = template_->id;
  if (date != NULL && g_date_valid (date))
    self->date = *date;
  g_ptr_array_unref (self->marks);
  self->marks = sd_checklist_new_marks (template_);

  return self;
}

SdAssessment *
sd_assessment_copy (const SdAssessment *self)
{
  SdAssessment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdAssessment, 1);
  copy->id = self->id;
  copy->manager_id = self->manager_id;
  copy->date = self->date;
  copy->template_id = self->template_id;
  copy->assessor = g_strdup (self->assessor);
  copy->comment = g_strdup (self->comment);
  copy->marks = sd_marks_copy (self->marks);

  return copy;
}

void
sd_assessment_free (SdAssessment *self)
{
  if (self == NULL)
    return;

  g_free (self->assessor);
  g_free (self->comment);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_free (self);
}

gboolean
sd_assessment_set_score (SdAssessment *self,
                         const char   *key,
                         int           score)
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
sd_assessment_set_not_assessed (SdAssessment *self,
                                const char   *key)
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
sd_assessment_validate (const SdAssessment  *self,
                        GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->manager_id <= 0)
    {
      g_set_error_literal (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NAME,
                           _("No manager is chosen: choose who is assessed."));
      return FALSE;
    }

  if (!g_date_valid (&self->date))
    {
      g_set_error_literal (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NAME,
                           _("The date of the assessment is missing: enter the day it took "
                             "place."));
      return FALSE;
    }

  return sd_marks_validate (self->marks, SD_CHECKLIST_ASSESSMENT, error);
}

static gint64
average_of_valid (const SdAssessment *self)
{
  gint64 sum = 0;
  gint64 n = 0;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const SdMark *mark = g_ptr_array_index (self->marks, i);

      if (mark->state == SD_MARK_SCORED)
        {
          sum += mark->score;
          n++;
        }
    }

  return div_round (sum * 100, n);
}

gboolean
sd_assessment_average (const SdAssessment *self,
                       gint64             *hundredths)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hundredths != NULL, FALSE);

  if (!sd_assessment_validate (self, NULL))
    {
      *hundredths = SD_SCORE_NONE;
      return FALSE;
    }

  *hundredths = average_of_valid (self);

  return TRUE;
}

gboolean
sd_assessment_get_score (const SdAssessment *self,
                         const char         *key,
                         int                *score)
{
  const SdMark *mark;

  g_return_val_if_fail (self != NULL, FALSE);

  mark = sd_marks_find (self->marks, key);
  if (mark == NULL || mark->state != SD_MARK_SCORED)
    return FALSE;

  if (score != NULL)
    *score = mark->score;

  return TRUE;
}

/* Orders assessments of one person in time: by day, then by id. */
static int
compare_when (const SdAssessment *a,
              const SdAssessment *b)
{
  int c = g_date_compare (&a->date, &b->date);

  if (c != 0)
    return c;
  return a->id < b->id ? -1 : a->id > b->id ? 1 : 0;
}

const SdAssessment *
sd_assessment_find_latest (const GPtrArray *assessments,
                           gint64           manager_id,
                           const GDate     *up_to)
{
  const SdAssessment *best = NULL;

  if (assessments == NULL)
    return NULL;

  for (guint i = 0; i < assessments->len; i++)
    {
      const SdAssessment *a = g_ptr_array_index ((GPtrArray *) assessments, i);

      if (a->manager_id != manager_id || !sd_assessment_validate (a, NULL))
        continue;
      if (up_to != NULL && g_date_valid (up_to) && g_date_compare (&a->date, up_to) > 0)
        continue;
      if (best == NULL || compare_when (a, best) > 0)
        best = a;
    }

  return best;
}

const SdAssessment *
sd_assessment_find_previous (const GPtrArray    *assessments,
                             const SdAssessment *current)
{
  const SdAssessment *best = NULL;

  g_return_val_if_fail (current != NULL, NULL);

  if (assessments == NULL || !g_date_valid (&current->date))
    return NULL;

  for (guint i = 0; i < assessments->len; i++)
    {
      const SdAssessment *a = g_ptr_array_index ((GPtrArray *) assessments, i);

      if (a == current || a->manager_id != current->manager_id
          || !sd_assessment_validate (a, NULL))
        continue;
      if (compare_when (a, current) >= 0)
        continue;
      if (best == NULL || compare_when (a, best) > 0)
        best = a;
    }

  return best;
}

static void
competency_change_free (SdCompetencyChange *self)
{
  g_free (self->key);
  g_free (self->name);
  g_free (self);
}

void
sd_assessment_comparison_free (SdAssessmentComparison *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self);
}

static SdCompetencyChange *
new_change (const SdMark *mark)
{
  SdCompetencyChange *change = g_new0 (SdCompetencyChange, 1);

  change->key = g_strdup (mark->key);
  change->name = g_strdup (mark->name);
  change->direction = SD_CHANGE_NONE;

  return change;
}

SdAssessmentComparison *
sd_assessment_compare (const SdAssessment *previous,
                       const SdAssessment *current)
{
  SdAssessmentComparison *result;

  g_return_val_if_fail (current != NULL, NULL);

  if (!sd_assessment_validate (current, NULL))
    return NULL;
  if (previous != NULL && !sd_assessment_validate (previous, NULL))
    return NULL;

  result = g_new0 (SdAssessmentComparison, 1);
  result->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) competency_change_free);
  result->has_before = previous != NULL;
  result->average_after = average_of_valid (current);
  result->average_before = previous != NULL ? average_of_valid (previous) : SD_SCORE_NONE;
  result->average_change = previous != NULL
                           ? result->average_after - result->average_before : 0;

  for (guint i = 0; i < current->marks->len; i++)
    {
      const SdMark *mark = g_ptr_array_index (current->marks, i);
      const SdMark *before = previous != NULL ? sd_marks_find (previous->marks, mark->key) : NULL;
      SdCompetencyChange *change = new_change (mark);

      change->has_after = mark->state == SD_MARK_SCORED;
      change->after = change->has_after ? mark->score : 0;
      change->has_before = before != NULL && before->state == SD_MARK_SCORED;
      change->before = change->has_before ? before->score : 0;

      if (change->has_after && change->has_before)
        {
          change->change = change->after - change->before;
          if (change->change > 0)
            {
              change->direction = SD_CHANGE_BETTER;
              result->n_better++;
            }
          else if (change->change < 0)
            {
              change->direction = SD_CHANGE_WORSE;
              result->n_worse++;
            }
          else
            {
              change->direction = SD_CHANGE_SAME;
              result->n_same++;
            }
        }

      g_ptr_array_add (result->changes, change);
    }

  for (guint i = 0; previous != NULL && i < previous->marks->len; i++)
    {
      const SdMark *mark = g_ptr_array_index (previous->marks, i);
      SdCompetencyChange *change;

      if (sd_marks_find (current->marks, mark->key) != NULL)
        continue;

      change = new_change (mark);
      change->has_before = mark->state == SD_MARK_SCORED;
      change->before = change->has_before ? mark->score : 0;
      g_ptr_array_add (result->changes, change);
    }

  return result;
}
