/* sd-idp.c — individual development plans
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-idp"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sd-idp.h"

#define BP_ONE 10000
/* Every scale's top score (1..10) divides this, so Σ score ÷ max is an exact fraction. */
#define SCALE_LCM 2520

G_DEFINE_QUARK (sd-idp-error-quark, sd_idp_error)

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
 * Names
 * ------------------------------------------------------------------------------------------ */

static const char *action_kind_names[] = {
  "initial", "problem_zone", "situational", "strategic", "qualification",
};

static const char *status_names[] = {
  "planned", "in_progress", "done", "cancelled",
};

static const char *target_kind_names[] = {
  "call_score", "criterion", "competency", "plan_completion", "custom",
};

static gboolean
lookup_name (const char  *text,
             const char **names,
             gsize        n_names,
             int         *out)
{
  for (gsize i = 0; text != NULL && i < n_names; i++)
    {
      if (strcmp (text, names[i]) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sd_idp_action_kind_to_string (SdIdpActionKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (action_kind_names), NULL);

  return action_kind_names[kind];
}

gboolean
sd_idp_action_kind_from_string (const char      *text,
                                SdIdpActionKind *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_name (text, action_kind_names, G_N_ELEMENTS (action_kind_names), &value))
    return FALSE;
  *out = (SdIdpActionKind) value;

  return TRUE;
}

const char *
sd_idp_action_kind_get_label (SdIdpActionKind kind)
{
  switch (kind)
    {
    case SD_IDP_ACTION_INITIAL:
      return _("Initial training");
    case SD_IDP_ACTION_PROBLEM_ZONE:
      return _("Problem-zone training");
    case SD_IDP_ACTION_SITUATIONAL:
      return _("Situational training");
    case SD_IDP_ACTION_STRATEGIC:
      return _("Strategic training");
    case SD_IDP_ACTION_QUALIFICATION:
      return _("Qualification training");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sd_idp_status_to_string (SdIdpStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
sd_idp_status_from_string (const char  *text,
                           SdIdpStatus *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_name (text, status_names, G_N_ELEMENTS (status_names), &value))
    return FALSE;
  *out = (SdIdpStatus) value;

  return TRUE;
}

const char *
sd_idp_status_get_label (SdIdpStatus status)
{
  switch (status)
    {
    case SD_IDP_STATUS_PLANNED:
      /* Translators: the status of a development plan action. */
      return _("Planned");
    case SD_IDP_STATUS_IN_PROGRESS:
      return _("In progress");
    case SD_IDP_STATUS_DONE:
      return _("Done");
    case SD_IDP_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sd_idp_target_kind_to_string (SdIdpTargetKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (target_kind_names), NULL);

  return target_kind_names[kind];
}

gboolean
sd_idp_target_kind_from_string (const char      *text,
                                SdIdpTargetKind *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_name (text, target_kind_names, G_N_ELEMENTS (target_kind_names), &value))
    return FALSE;
  *out = (SdIdpTargetKind) value;

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Status transitions
 * ------------------------------------------------------------------------------------------ */

gboolean
sd_idp_status_can_change (SdIdpStatus from,
                          SdIdpStatus to)
{
  if ((guint) from > SD_IDP_STATUS_CANCELLED || (guint) to > SD_IDP_STATUS_CANCELLED)
    return FALSE;
  if (from == to)
    return TRUE;

  switch (from)
    {
    case SD_IDP_STATUS_PLANNED:
      return to == SD_IDP_STATUS_IN_PROGRESS || to == SD_IDP_STATUS_DONE
             || to == SD_IDP_STATUS_CANCELLED;
    case SD_IDP_STATUS_IN_PROGRESS:
      return to == SD_IDP_STATUS_DONE || to == SD_IDP_STATUS_CANCELLED;
    case SD_IDP_STATUS_DONE:
      return to == SD_IDP_STATUS_IN_PROGRESS;
    case SD_IDP_STATUS_CANCELLED:
      return to == SD_IDP_STATUS_PLANNED;
    default:
      return FALSE;
    }
}

static const char *
transition_advice (SdIdpStatus from,
                   SdIdpStatus to)
{
  if (from == SD_IDP_STATUS_DONE)
    return _("A done action can only be reopened: set it to “In progress” first.");
  if (from == SD_IDP_STATUS_CANCELLED)
    return _("A cancelled action must be restored first: set it to “Planned”.");
  if (from == SD_IDP_STATUS_IN_PROGRESS && to == SD_IDP_STATUS_PLANNED)
    return _("An action that has started cannot go back to planned: leave it in progress or "
             "cancel it.");
  return _("Choose another status.");
}

/* ------------------------------------------------------------------------------------------
 * Goals and actions
 * ------------------------------------------------------------------------------------------ */

SdIdpGoal *
sd_idp_goal_new (SdIdpTargetKind  kind,
                 const char      *title,
                 gint64           baseline,
                 gint64           target)
{
  SdIdpGoal *self = g_new0 (SdIdpGoal, 1);

  self->kind = kind;
  self->title = g_strdup (title);
  self->baseline = baseline;
  self->target = target;
  g_date_clear (&self->deadline, 1);

  return self;
}

SdIdpGoal *
sd_idp_goal_copy (const SdIdpGoal *self)
{
  SdIdpGoal *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdIdpGoal, 1);
  *copy = *self;
  copy->title = g_strdup (self->title);
  copy->key = g_strdup (self->key);
  copy->unit = g_strdup (self->unit);
  copy->reason = g_strdup (self->reason);

  return copy;
}

void
sd_idp_goal_free (SdIdpGoal *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->key);
  g_free (self->unit);
  g_free (self->reason);
  g_free (self);
}

SdIdpAction *
sd_idp_action_new (SdIdpActionKind  kind,
                   const char      *title,
                   const char      *owner,
                   const GDate     *deadline)
{
  SdIdpAction *self = g_new0 (SdIdpAction, 1);

  self->kind = kind;
  self->title = g_strdup (title);
  self->owner = g_strdup (owner);
  g_date_clear (&self->deadline, 1);
  g_date_clear (&self->done_on, 1);
  if (deadline != NULL && g_date_valid (deadline))
    self->deadline = *deadline;
  self->status = SD_IDP_STATUS_PLANNED;
  self->goal = -1;

  return self;
}

SdIdpAction *
sd_idp_action_copy (const SdIdpAction *self)
{
  SdIdpAction *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdIdpAction, 1);
  *copy = *self;
  copy->title = g_strdup (self->title);
  copy->owner = g_strdup (self->owner);
  copy->notes = g_strdup (self->notes);

  return copy;
}

void
sd_idp_action_free (SdIdpAction *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->owner);
  g_free (self->notes);
  g_free (self);
}

gboolean
sd_idp_action_set_status (SdIdpAction  *self,
                          SdIdpStatus   status,
                          const GDate  *today,
                          GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!sd_idp_status_can_change (self->status, status))
    {
      const char *from = (guint) self->status <= SD_IDP_STATUS_CANCELLED
                         ? sd_idp_status_get_label (self->status) : "?";
      const char *to = (guint) status <= SD_IDP_STATUS_CANCELLED
                       ? sd_idp_status_get_label (status) : "?";

      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_TRANSITION,
                   /* Translators: %1$s and %2$s are statuses ("Done", "Cancelled"), %3$s
                    * says what to do instead. */
                   _("An action cannot go from “%1$s” to “%2$s”. %3$s"),
                   from, to, transition_advice (self->status, status));
      return FALSE;
    }

  if (status == self->status)
    return TRUE;

  self->status = status;
  g_date_clear (&self->done_on, 1);
  if (status == SD_IDP_STATUS_DONE && today != NULL && g_date_valid (today))
    self->done_on = *today;

  return TRUE;
}

gboolean
sd_idp_action_is_overdue (const SdIdpAction *self,
                          const GDate       *today)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (today == NULL || !g_date_valid (today) || !g_date_valid (&self->deadline))
    return FALSE;
  if (self->status != SD_IDP_STATUS_PLANNED && self->status != SD_IDP_STATUS_IN_PROGRESS)
    return FALSE;

  return g_date_compare (&self->deadline, today) < 0;
}

guint
sd_idp_action_days_overdue (const SdIdpAction *self,
                            const GDate       *today)
{
  if (!sd_idp_action_is_overdue (self, today))
    return 0;

  return (guint) g_date_days_between (&self->deadline, today);
}

/* ------------------------------------------------------------------------------------------
 * Plans
 * ------------------------------------------------------------------------------------------ */

SdIdp *
sd_idp_new (gint64       manager_id,
            const GDate *created)
{
  SdIdp *self = g_new0 (SdIdp, 1);

  self->manager_id = manager_id;
  g_date_clear (&self->created, 1);
  if (created != NULL && g_date_valid (created))
    self->created = *created;
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_idp_goal_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_idp_action_free);

  return self;
}

SdIdp *
sd_idp_copy (const SdIdp *self)
{
  SdIdp *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sd_idp_new (self->manager_id, &self->created);
  copy->id = self->id;
  copy->title = g_strdup (self->title);
  for (guint i = 0; i < self->goals->len; i++)
    g_ptr_array_add (copy->goals, sd_idp_goal_copy (g_ptr_array_index (self->goals, i)));
  for (guint i = 0; i < self->actions->len; i++)
    g_ptr_array_add (copy->actions, sd_idp_action_copy (g_ptr_array_index (self->actions, i)));

  return copy;
}

void
sd_idp_free (SdIdp *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_free (self);
}

guint
sd_idp_add_goal (SdIdp     *self,
                 SdIdpGoal *goal)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (goal != NULL, 0);

  g_ptr_array_add (self->goals, goal);

  return self->goals->len - 1;
}

guint
sd_idp_add_action (SdIdp       *self,
                   SdIdpAction *action)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (action != NULL, 0);

  g_ptr_array_add (self->actions, action);

  return self->actions->len - 1;
}

void
sd_idp_remove_goal (SdIdp *self,
                    guint  index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->goals->len);

  g_ptr_array_remove_index (self->goals, index);

  for (guint i = 0; i < self->actions->len; i++)
    {
      SdIdpAction *action = g_ptr_array_index (self->actions, i);

      if (action->goal == (int) index)
        action->goal = -1;
      else if (action->goal > (int) index)
        action->goal--;
    }
}

static gboolean
text_is_set (const char *text,
             gsize       max_chars)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));

  return *trimmed != '\0' && g_utf8_strlen (trimmed, -1) <= (glong) max_chars;
}

static gboolean
goal_range (SdIdpTargetKind  kind,
            gint64          *low,
            gint64          *high)
{
  switch (kind)
    {
    case SD_IDP_TARGET_CALL_SCORE:
    case SD_IDP_TARGET_CRITERION:
      *low = 0;
      *high = BP_ONE;
      return TRUE;
    case SD_IDP_TARGET_COMPETENCY:
      *low = 0;
      *high = SD_CHECKLIST_MAX_SCALE * 100;
      return TRUE;
    case SD_IDP_TARGET_PLAN_COMPLETION:
      /* Up to 1000 % of the plan: anything above is a typing mistake. */
      *low = 0;
      *high = 1000 * 100;
      return TRUE;
    case SD_IDP_TARGET_CUSTOM:
      *low = G_MININT64;
      *high = G_MAXINT64;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
validate_goal (const SdIdpGoal  *goal,
               guint             position,
               GError          **error)
{
  gint64 low, high;

  if (!text_is_set (goal->title, SD_IDP_MAX_TITLE))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   /* Translators: %u is the goal's position in the plan. */
                   _("Goal %u has no title, or one longer than %d characters: describe the "
                     "goal briefly."), position, SD_IDP_MAX_TITLE);
      return FALSE;
    }

  if (!goal_range (goal->kind, &low, &high))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The goal “%s” does not say what it measures: choose a measure."),
                   goal->title);
      return FALSE;
    }

  if ((goal->kind == SD_IDP_TARGET_CRITERION || goal->kind == SD_IDP_TARGET_COMPETENCY)
      && (goal->key == NULL || *goal->key == '\0'))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   goal->kind == SD_IDP_TARGET_CRITERION
                   ? _("The goal “%s” does not say which call criterion it raises: choose one.")
                   : _("The goal “%s” does not say which competency it raises: choose one."),
                   goal->title);
      return FALSE;
    }

  if (goal->baseline < low || goal->baseline > high || goal->target < low || goal->target > high)
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The goal “%s” has a starting value or target outside the possible "
                     "range: correct it."), goal->title);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_action (const SdIdpAction  *action,
                 guint               position,
                 guint               n_goals,
                 GError            **error)
{
  if (!text_is_set (action->title, SD_IDP_MAX_TITLE))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   /* Translators: %u is the action's position in the plan. */
                   _("Action %u has no title, or one longer than %d characters: say briefly "
                     "what is to be done."), position, SD_IDP_MAX_TITLE);
      return FALSE;
    }

  if ((guint) action->kind > SD_IDP_ACTION_QUALIFICATION)
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The action “%s” has no type: choose initial, problem-zone, situational, "
                     "strategic or qualification training."), action->title);
      return FALSE;
    }

  if ((guint) action->status > SD_IDP_STATUS_CANCELLED)
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The action “%s” has an unknown status: choose one."), action->title);
      return FALSE;
    }

  if (!text_is_set (action->owner, SD_IDP_MAX_TITLE))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The action “%s” has no owner: enter who is responsible for it."),
                   action->title);
      return FALSE;
    }

  if (!g_date_valid (&action->deadline))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The action “%s” has no deadline: enter the day it is due."),
                   action->title);
      return FALSE;
    }

  if (action->goal < -1 || (action->goal >= 0 && (guint) action->goal >= n_goals))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The action “%s” refers to a goal that is not in the plan: choose "
                     "another goal or none."), action->title);
      return FALSE;
    }

  return TRUE;
}

gboolean
sd_idp_validate (const SdIdp  *self,
                 GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->manager_id <= 0)
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("No manager is chosen: choose whose development plan this is."));
      return FALSE;
    }

  if (!g_date_valid (&self->created))
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("The plan has no date: enter the day it was agreed."));
      return FALSE;
    }

  for (guint i = 0; i < self->goals->len; i++)
    if (!validate_goal (g_ptr_array_index (self->goals, i), i + 1, error))
      return FALSE;

  for (guint i = 0; i < self->actions->len; i++)
    if (!validate_action (g_ptr_array_index (self->actions, i), i + 1, self->goals->len, error))
      return FALSE;

  return TRUE;
}

static int
compare_overdue (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      user_data)
{
  const SdIdp *idp = user_data;
  guint a = *(const guint *) pa;
  guint b = *(const guint *) pb;
  const SdIdpAction *x = g_ptr_array_index (idp->actions, a);
  const SdIdpAction *y = g_ptr_array_index (idp->actions, b);
  int c = g_date_compare (&x->deadline, &y->deadline);

  if (c != 0)
    return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

GArray *
sd_idp_find_overdue (const SdIdp *self,
                     const GDate *today)
{
  GArray *result;

  g_return_val_if_fail (self != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->actions->len; i++)
    if (sd_idp_action_is_overdue (g_ptr_array_index (self->actions, i), today))
      g_array_append_val (result, i);

  g_array_sort_with_data (result, compare_overdue, (gpointer) self);

  return result;
}

gboolean
sd_idp_completion_bp (const SdIdp *self,
                      gint64      *out_bp)
{
  gint64 done = 0;
  gint64 counted = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_bp != NULL, FALSE);

  for (guint i = 0; i < self->actions->len; i++)
    {
      const SdIdpAction *action = g_ptr_array_index (self->actions, i);

      if (action->status == SD_IDP_STATUS_CANCELLED)
        continue;
      counted++;
      if (action->status == SD_IDP_STATUS_DONE)
        done++;
    }

  if (counted == 0)
    {
      *out_bp = 0;
      return FALSE;
    }

  *out_bp = div_round (done * BP_ONE, counted);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Progress
 * ------------------------------------------------------------------------------------------ */

static gboolean
after_created_until_today (const GDate *date,
                           const SdIdp *idp,
                           const GDate *today)
{
  if (!g_date_valid (date))
    return FALSE;
  if (g_date_compare (date, &idp->created) <= 0)
    return FALSE;
  if (today != NULL && g_date_valid (today) && g_date_compare (date, today) > 0)
    return FALSE;
  return TRUE;
}

/* The call score or a criterion's level in the latest month with later calls. */
static gboolean
measure_calls (const SdIdp     *idp,
               const SdIdpGoal *goal,
               const GPtrArray *calls,
               const GDate     *today,
               gint64          *value,
               SdMonth         *month)
{
  SdMonth latest = SD_MONTH_INVALID;
  gint64 sum = 0;
  gint64 n = 0;

  if (calls == NULL)
    return FALSE;

  /* Two passes: find the latest month, then sum over it. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < calls->len; i++)
      {
        const SdCall *call = g_ptr_array_index ((GPtrArray *) calls, i);
        int score;
        SdMonth m;
        const SdMark *mark = NULL;

        if (call->manager_id != idp->manager_id
            || !after_created_until_today (&call->date, idp, today)
            || !sd_call_compute_score (call, &score, NULL))
          continue;

        if (goal->kind == SD_IDP_TARGET_CRITERION)
          {
            mark = sd_marks_find (call->marks, goal->key);
            if (mark == NULL || mark->state != SD_MARK_SCORED)
              continue;
          }

        m = sd_month_from_date (&call->date);
        if (pass == 0)
          {
            if (latest == SD_MONTH_INVALID || m > latest)
              latest = m;
            continue;
          }
        if (m != latest)
          continue;

        if (mark != NULL)
          sum += (gint64) mark->score * (SCALE_LCM / mark->max_score);
        else
          sum += score;
        n++;
      }

  if (n == 0)
    return FALSE;

  if (goal->kind == SD_IDP_TARGET_CRITERION)
    *value = div_round (sum * BP_ONE, n * SCALE_LCM);
  else
    *value = div_round (sum * 100, n);
  *month = latest;

  return TRUE;
}

static gboolean
measure_competency (const SdIdp     *idp,
                    const SdIdpGoal *goal,
                    const GPtrArray *assessments,
                    const GDate     *today,
                    gint64          *value,
                    SdMonth         *month)
{
  const SdAssessment *best = NULL;

  if (assessments == NULL)
    return FALSE;

  for (guint i = 0; i < assessments->len; i++)
    {
      const SdAssessment *a = g_ptr_array_index ((GPtrArray *) assessments, i);

      if (a->manager_id != idp->manager_id
          || !after_created_until_today (&a->date, idp, today)
          || !sd_assessment_validate (a, NULL)
          || !sd_assessment_get_score (a, goal->key, NULL))
        continue;

      if (best == NULL || g_date_compare (&a->date, &best->date) > 0
          || (g_date_compare (&a->date, &best->date) == 0 && a->id > best->id))
        best = a;
    }

  if (best == NULL)
    return FALSE;

  {
    int score = 0;

    sd_assessment_get_score (best, goal->key, &score);
    *value = (gint64) score * 100;
    *month = sd_month_from_date (&best->date);
  }

  return TRUE;
}

static gboolean
measure_plan (const SdIdp      *idp,
              const SdPlanFact *plan_fact,
              const GDate      *today,
              gint64           *value,
              SdMonth          *month)
{
  SdMonth first, last;

  if (plan_fact == NULL || today == NULL || !g_date_valid (today))
    return FALSE;

  first = sd_month_from_date (&idp->created);
  last = sd_month_from_date (today) - 1;

  for (SdMonth m = last; m >= first; m--)
    {
      SdPeriod period = { SD_PERIOD_MONTH, sd_month_get_year (m), sd_month_get_month (m) };
      gint64 bp;

      if (sd_plan_fact_completion_bp (plan_fact, idp->manager_id, &period, &bp))
        {
          *value = bp;
          *month = m;
          return TRUE;
        }
    }

  return FALSE;
}

void
sd_idp_goal_progress (const SdIdp        *self,
                      guint               index,
                      const SdPeopleData *data,
                      const GDate        *today,
                      SdIdpProgress      *out)
{
  const SdIdpGoal *goal;
  gboolean measured = FALSE;
  gint64 value = 0;
  SdMonth month = SD_MONTH_INVALID;

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  out->month = SD_MONTH_INVALID;
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->goals->len);

  goal = g_ptr_array_index (self->goals, index);
  if (!g_date_valid (&self->created))
    return;

  switch (goal->kind)
    {
    case SD_IDP_TARGET_CALL_SCORE:
    case SD_IDP_TARGET_CRITERION:
      measured = data != NULL && measure_calls (self, goal, data->calls, today, &value, &month);
      break;
    case SD_IDP_TARGET_COMPETENCY:
      measured = data != NULL
                 && measure_competency (self, goal, data->assessments, today, &value, &month);
      break;
    case SD_IDP_TARGET_PLAN_COMPLETION:
      measured = data != NULL && measure_plan (self, data->plan_fact, today, &value, &month);
      break;
    case SD_IDP_TARGET_CUSTOM:
      measured = goal->has_actual;
      value = goal->actual;
      break;
    default:
      break;
    }

  if (!measured)
    return;

  out->measured = TRUE;
  out->value = value;
  out->month = month;
  out->reached = value >= goal->target;

  if (out->reached)
    out->progress_bp = BP_ONE;
  else if (goal->target <= goal->baseline || value <= goal->baseline)
    out->progress_bp = 0;
  else
    {
      /* Both differences are positive here; __int128 keeps custom goals of any size exact. */
      __int128 num = (__int128) value - goal->baseline;
      __int128 den = (__int128) goal->target - goal->baseline;

      out->progress_bp = (gint64) MIN ((num * BP_ONE * 2 + den) / (den * 2), BP_ONE);
    }
}

/* ------------------------------------------------------------------------------------------
 * Proposal
 * ------------------------------------------------------------------------------------------ */

void
sd_idp_proposal_input_init (SdIdpProposalInput *input,
                            gint64              manager_id,
                            const GDate        *today)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->manager_id = manager_id;
  g_date_clear (&input->today, 1);
  if (today != NULL && g_date_valid (today))
    input->today = *today;
  g_date_clear (&input->hired, 1);
  input->call_months = SD_IDP_DEFAULT_CALL_MONTHS;
  input->zone_bp = SD_IDP_DEFAULT_ZONE_BP;
  input->competency_min = SD_IDP_DEFAULT_COMPETENCY;
  input->max_zones = SD_IDP_DEFAULT_MAX_ZONES;
  input->deadline_days = SD_IDP_DEFAULT_DAYS;
}

typedef struct {
  gboolean    competency;
  const char *key;
  const char *name;
  int         weight;
  gint64      level;     /* basis points of the scale */
  guint       n_calls;   /* criteria: calls that scored it */
  int         score;     /* competencies: the score */
  int         max_score;
} Zone;

static int
compare_zones (gconstpointer pa,
               gconstpointer pb)
{
  const Zone *a = pa;
  const Zone *b = pb;
  int c;

  if (a->level != b->level)
    return a->level < b->level ? -1 : 1;
  /* A heavier criterion costs more points in every call. */
  if (a->weight != b->weight)
    return a->weight > b->weight ? -1 : 1;
  if (a->competency != b->competency)
    return a->competency ? 1 : -1;
  c = g_utf8_collate (a->name != NULL ? a->name : "", b->name != NULL ? b->name : "");
  if (c != 0)
    return c;
  return g_strcmp0 (a->key, b->key);
}

static gboolean
validate_input (const SdIdpProposalInput  *input,
                GError                   **error)
{
  if (input->manager_id <= 0)
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("No manager is chosen: choose whose development plan to "
                             "propose."));
      return FALSE;
    }
  if (!g_date_valid (&input->today))
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("The plan has no date: enter the day it was agreed."));
      return FALSE;
    }
  if (input->call_months < 1 || input->call_months > 120)
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("Look at the calls of 1 to 120 months."));
      return FALSE;
    }
  if (input->zone_bp < 1 || input->zone_bp > BP_ONE)
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("The level below which a call criterion is weak must be from 0.01% "
                             "to 100%."));
      return FALSE;
    }
  if (input->competency_min < 2 || input->competency_min > SD_CHECKLIST_MAX_SCALE)
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The score below which a competency is weak must be from 2 to %d."),
                   SD_CHECKLIST_MAX_SCALE);
      return FALSE;
    }
  if (input->max_zones > SD_CHECKLIST_MAX_CRITERIA * 2 || input->deadline_days > 3660)
    {
      g_set_error_literal (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                           _("Propose at most 100 growth zones, with deadlines within ten "
                             "years."));
      return FALSE;
    }

  return TRUE;
}

static char *
criterion_reason (const Zone *zone,
                  SdMonth     first,
                  SdMonth     last)
{
  SdNumberStyle style = sd_number_style_current ();
  g_autofree char *level = sd_score_format_percent (zone->level, style);
  g_autofree char *from = sd_month_format_label (first);
  g_autofree char *to = sd_month_format_label (last);

  /* Translators: why a call criterion is proposed as a growth zone. %1$s is the level
   * ("45%"), %2$u the number of calls, %3$s and %4$s the first and last month. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Scored %1$s of the maximum in %2$u call, %3$s – %4$s.",
                                       "Scored %1$s of the maximum in %2$u calls, %3$s – %4$s.",
                                       zone->n_calls),
                          level, zone->n_calls, from, to);
}

static char *
competency_reason (const Zone         *zone,
                   const SdAssessment *assessment)
{
  g_autofree char *date = sd_date_format (&assessment->date, sd_number_style_current ());

  /* Translators: why a competency is proposed as a growth zone. %1$d of %2$d is the score
   * ("2 of 5"), %3$s the day of the assessment. */
  return g_strdup_printf (_("Scored %1$d of %2$d in the assessment of %3$s."),
                          zone->score, zone->max_score, date);
}

SdIdp *
sd_idp_propose (const SdIdpProposalInput  *input,
                GError                   **error)
{
  g_autoptr(SdIdp) idp = NULL;
  g_autoptr(GArray) zones = NULL;
  g_autoptr(GPtrArray) histories = NULL;
  const SdAssessment *assessment = NULL;
  const char *owner;
  GDate deadline;
  SdMonth last, first;

  g_return_val_if_fail (input != NULL, NULL);

  if (!validate_input (input, error))
    return NULL;

  owner = input->owner != NULL ? input->owner : _("Head of sales");
  deadline = input->today;
  g_date_add_days (&deadline, input->deadline_days);
  last = sd_month_from_date (&input->today);
  first = last - (SdMonth) input->call_months + 1;

  idp = sd_idp_new (input->manager_id, &input->today);
  zones = g_array_new (FALSE, TRUE, sizeof (Zone));

  /* Growth zones from calls: each criterion's level over the months weighed, counting only
   * calls up to today. */
  if (input->data != NULL && input->data->calls != NULL)
    {
      g_autoptr(GPtrArray) until_today = g_ptr_array_new ();

      for (guint i = 0; i < input->data->calls->len; i++)
        {
          SdCall *call = g_ptr_array_index ((GPtrArray *) input->data->calls, i);

          if (g_date_valid (&call->date) && g_date_compare (&call->date, &input->today) <= 0)
            g_ptr_array_add (until_today, call);
        }

      histories = sd_call_scores_by_criterion (input->checklist, until_today,
                                               input->manager_id, first, input->call_months);
      for (guint i = 0; i < histories->len; i++)
        {
          const SdCriterionHistory *h = g_ptr_array_index (histories, i);
          Zone zone = { 0 };

          if (h->n_overall == 0 || h->overall >= input->zone_bp)
            continue;
          zone.key = h->key;
          zone.name = h->name;
          zone.weight = h->weight;
          zone.level = h->overall;
          zone.n_calls = h->n_overall;
          g_array_append_val (zones, zone);
        }
    }

  /* Growth zones from the latest assessment. */
  if (input->data != NULL)
    assessment = sd_assessment_find_latest (input->data->assessments, input->manager_id,
                                            &input->today);
  if (assessment != NULL)
    for (guint i = 0; i < assessment->marks->len; i++)
      {
        const SdMark *mark = g_ptr_array_index (assessment->marks, i);
        Zone zone = { 0 };

        if (mark->state != SD_MARK_SCORED || mark->score >= input->competency_min)
          continue;
        zone.competency = TRUE;
        zone.key = mark->key;
        zone.name = mark->name;
        zone.level = sd_mark_level_bp (mark, SD_CHECKLIST_ASSESSMENT);
        zone.score = mark->score;
        zone.max_score = mark->max_score;
        g_array_append_val (zones, zone);
      }

  g_array_sort (zones, compare_zones);

  /* A new person first learns the basics. */
  if (g_date_valid (&input->hired) && g_date_compare (&input->hired, &input->today) <= 0
      && g_date_days_between (&input->hired, &input->today) < SD_IDP_NEW_HIRE_DAYS)
    sd_idp_add_action (idp, sd_idp_action_new (SD_IDP_ACTION_INITIAL,
                                               _("Initial training: the product, the sales "
                                                 "script and the CRM"),
                                               owner, &deadline));

  for (guint i = 0; i < zones->len && i < input->max_zones; i++)
    {
      const Zone *zone = &g_array_index (zones, Zone, i);
      g_autofree char *title = NULL;
      g_autofree char *action_title = NULL;
      SdIdpGoal *goal;
      SdIdpAction *action;
      guint goal_index;

      if (!zone->competency)
        {
          g_autofree char *target = sd_score_format_percent (input->zone_bp,
                                                             sd_number_style_current ());

          /* Translators: a development goal; %1$s is a call criterion, %2$s a level ("80%"). */
          title = g_strdup_printf (_("Raise “%1$s” in calls to %2$s of the maximum"),
                                   zone->name, target);
          goal = sd_idp_goal_new (SD_IDP_TARGET_CRITERION, title, zone->level, input->zone_bp);
          goal->reason = criterion_reason (zone, first, last);
          /* Translators: a development action; %s is a call criterion. */
          action_title = g_strdup_printf (_("Review recorded calls for “%s” together and "
                                            "practise it in role-play"), zone->name);
        }
      else
        {
          int target = MIN (input->competency_min, zone->max_score);

          /* Translators: a development goal; %1$s is a competency, %2$d of %3$d a score. */
          title = g_strdup_printf (_("Raise “%1$s” to %2$d of %3$d"),
                                   zone->name, target, zone->max_score);
          goal = sd_idp_goal_new (SD_IDP_TARGET_COMPETENCY, title,
                                  (gint64) zone->score * 100, (gint64) target * 100);
          goal->reason = competency_reason (zone, assessment);
          /* Translators: a development action; %s is a competency. */
          action_title = g_strdup_printf (_("Training on “%s” with practice on real cases"),
                                          zone->name);
        }

      goal->key = g_strdup (zone->key);
      goal->deadline = deadline;
      goal_index = sd_idp_add_goal (idp, goal);

      action = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, action_title, owner, &deadline);
      action->goal = (int) goal_index;
      sd_idp_add_action (idp, action);
    }

  if (input->lagging != NULL && input->lagging->n_months > 0)
    {
      const SdLagging *lag = input->lagging;
      gint64 baseline = lag->completion_bp[lag->n_months - 1];
      SdIdpGoal *goal = sd_idp_goal_new (SD_IDP_TARGET_PLAN_COMPLETION,
                                         _("Complete the monthly plan in full"),
                                         CLAMP (baseline, 0, 1000 * 100), BP_ONE);
      SdIdpAction *action;

      goal->reason = g_strdup (lag->reason);
      goal->deadline = deadline;
      action = sd_idp_action_new (SD_IDP_ACTION_SITUATIONAL,
                                  _("Weekly review of the pipeline with the head of sales: the "
                                    "deals that decide the month"),
                                  owner, &deadline);
      action->goal = (int) sd_idp_add_goal (idp, goal);
      sd_idp_add_action (idp, action);
    }

  return g_steal_pointer (&idp);
}

/* ------------------------------------------------------------------------------------------
 * JSON form
 * ------------------------------------------------------------------------------------------ */

static void
json_add_text (JsonBuilder *builder,
               const char  *member,
               const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
json_add_date (JsonBuilder *builder,
               const char  *member,
               const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? sd_date_to_iso (date) : NULL;

  json_add_text (builder, member, iso);
}

static void
json_add_int (JsonBuilder *builder,
              const char  *member,
              gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

char *
sd_idp_to_json (const SdIdp *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_add_text (builder, "title", self->title);
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->goals->len; i++)
    {
      const SdIdpGoal *g = g_ptr_array_index (self->goals, i);

      json_builder_begin_object (builder);
      json_add_text (builder, "title", g->title);
      json_add_text (builder, "kind", sd_idp_target_kind_to_string (g->kind));
      json_add_text (builder, "key", g->key);
      json_add_text (builder, "unit", g->unit);
      json_add_int (builder, "baseline", g->baseline);
      json_add_int (builder, "target", g->target);
      json_builder_set_member_name (builder, "actual");
      if (g->has_actual)
        json_builder_add_int_value (builder, g->actual);
      else
        json_builder_add_null_value (builder);
      json_add_date (builder, "deadline", &g->deadline);
      json_add_text (builder, "reason", g->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->actions->len; i++)
    {
      const SdIdpAction *a = g_ptr_array_index (self->actions, i);

      json_builder_begin_object (builder);
      json_add_text (builder, "title", a->title);
      json_add_text (builder, "kind", sd_idp_action_kind_to_string (a->kind));
      json_add_text (builder, "owner", a->owner);
      json_add_date (builder, "deadline", &a->deadline);
      json_add_text (builder, "status", sd_idp_status_to_string (a->status));
      json_add_date (builder, "done_on", &a->done_on);
      json_add_text (builder, "notes", a->notes);
      json_add_int (builder, "goal", a->goal);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
json_bad (GError     **error,
          const char  *member)
{
  g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
               _("The development plan cannot be read: the field “%s” is wrong."), member);
  return FALSE;
}

static gboolean
json_read_text (JsonObject  *object,
                const char  *member,
                gboolean     optional,
                char       **out,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ? TRUE : json_bad (error, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return json_bad (error, member);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
json_read_int (JsonObject  *object,
               const char  *member,
               gboolean     optional,
               gboolean    *present,
               gint64      *out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (present != NULL)
    *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ? TRUE : json_bad (error, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return json_bad (error, member);
  *out = json_node_get_int (node);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static gboolean
json_read_date (JsonObject  *object,
                const char  *member,
                GDate       *out,
                GError     **error)
{
  g_autofree char *text = NULL;

  g_date_clear (out, 1);
  if (!json_read_text (object, member, TRUE, &text, error))
    return FALSE;
  if (text != NULL && !sd_date_parse (text, out, NULL))
    return json_bad (error, member);
  return TRUE;
}

static JsonArray *
json_get_list (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

SdIdp *
sd_idp_from_json (const char   *text,
                  gint64        manager_id,
                  const GDate  *created,
                  GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(SdIdp) idp = sd_idp_new (manager_id, created);
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray *goals, *actions;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, text != NULL ? text : "", -1, &local_error))
    {
      g_set_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID,
                   _("The development plan cannot be read: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      json_bad (error, "");
      return NULL;
    }
  object = json_node_get_object (root);
  if (!json_read_text (object, "title", TRUE, &idp->title, error))
    return NULL;
  goals = json_get_list (object, "goals");
  actions = json_get_list (object, "actions");
  if (goals == NULL || actions == NULL)
    {
      json_bad (error, goals == NULL ? "goals" : "actions");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      JsonNode *node = json_array_get_element (goals, i);
      g_autoptr(SdIdpGoal) goal = sd_idp_goal_new (SD_IDP_TARGET_CUSTOM, NULL, 0, 0);
      g_autofree char *kind = NULL;
      JsonObject *go;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_bad (error, "goals");
          return NULL;
        }
      go = json_node_get_object (node);
      if (!json_read_text (go, "title", TRUE, &goal->title, error) ||
          !json_read_text (go, "kind", FALSE, &kind, error) ||
          !json_read_text (go, "key", TRUE, &goal->key, error) ||
          !json_read_text (go, "unit", TRUE, &goal->unit, error) ||
          !json_read_int (go, "baseline", FALSE, NULL, &goal->baseline, error) ||
          !json_read_int (go, "target", FALSE, NULL, &goal->target, error) ||
          !json_read_int (go, "actual", TRUE, &goal->has_actual, &goal->actual, error) ||
          !json_read_date (go, "deadline", &goal->deadline, error) ||
          !json_read_text (go, "reason", TRUE, &goal->reason, error))
        return NULL;
      if (!sd_idp_target_kind_from_string (kind, &goal->kind))
        {
          json_bad (error, "kind");
          return NULL;
        }
      sd_idp_add_goal (idp, g_steal_pointer (&goal));
    }
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonNode *node = json_array_get_element (actions, i);
      g_autoptr(SdIdpAction) action = sd_idp_action_new (SD_IDP_ACTION_INITIAL, NULL, NULL, NULL);
      g_autofree char *kind = NULL;
      g_autofree char *status = NULL;
      gint64 goal = -1;
      JsonObject *ao;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_bad (error, "actions");
          return NULL;
        }
      ao = json_node_get_object (node);
      if (!json_read_text (ao, "title", TRUE, &action->title, error) ||
          !json_read_text (ao, "kind", FALSE, &kind, error) ||
          !json_read_text (ao, "owner", TRUE, &action->owner, error) ||
          !json_read_date (ao, "deadline", &action->deadline, error) ||
          !json_read_text (ao, "status", FALSE, &status, error) ||
          !json_read_date (ao, "done_on", &action->done_on, error) ||
          !json_read_text (ao, "notes", TRUE, &action->notes, error) ||
          !json_read_int (ao, "goal", TRUE, NULL, &goal, error))
        return NULL;
      if (!sd_idp_action_kind_from_string (kind, &action->kind))
        {
          json_bad (error, "kind");
          return NULL;
        }
      if (!sd_idp_status_from_string (status, &action->status))
        {
          json_bad (error, "status");
          return NULL;
        }
      if (goal < -1 || goal > G_MAXINT)
        {
          json_bad (error, "goal");
          return NULL;
        }
      action->goal = (int) goal;
      sd_idp_add_action (idp, g_steal_pointer (&action));
    }
  return g_steal_pointer (&idp);
}

const char *
sd_idp_goal_get_unit (const SdIdpGoal *goal)
{
  g_return_val_if_fail (goal != NULL, "");

  switch (goal->kind)
    {
    case SD_IDP_TARGET_CALL_SCORE:
      return _("points of 100");
    case SD_IDP_TARGET_CRITERION:
    case SD_IDP_TARGET_PLAN_COMPLETION:
      return "%";
    case SD_IDP_TARGET_COMPETENCY:
      return _("points of 5");
    case SD_IDP_TARGET_CUSTOM:
    default:
      return goal->unit != NULL ? goal->unit : "";
    }
}

gint64
sd_idp_goal_get_scale (const SdIdpGoal *goal)
{
  g_return_val_if_fail (goal != NULL, 1);
  return goal->kind == SD_IDP_TARGET_CUSTOM ? 1 : 100;
}
