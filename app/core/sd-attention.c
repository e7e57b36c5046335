/* sd-attention.c — the managers who need attention, and why
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-attention"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-attention.h"

void
sd_attention_input_init (SdAttentionInput *input,
                         SdMonth           month,
                         const GDate      *today)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->month = month;
  g_date_clear (&input->today, 1);
  if (today != NULL && g_date_valid (today))
    input->today = *today;
  input->lag_threshold_bp = SD_PLAN_DEFAULT_LAG_THRESHOLD_BP;
  input->lag_months = SD_PLAN_DEFAULT_LAG_MONTHS;
  input->falling_months = SD_ATTENTION_DEFAULT_FALLING_MONTHS;
  input->min_fall = SD_ATTENTION_DEFAULT_MIN_FALL;
}

void
sd_attention_free (SdAttention *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_strfreev (self->reasons);
  g_free (self);
}

char *
sd_attention_get_text (const SdAttention *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->reasons == NULL)
    return g_strdup ("");

  return g_strjoinv (" ", self->reasons);
}

/* The reason when the monthly call score fell in each of the last falling_months months,
 * by min_fall or more in all; NULL otherwise. */
static char *
falling_scores (const SdAttentionInput *input,
                const GPtrArray        *calls,
                gint64                  manager_id,
                gint64                 *fall)
{
  g_autoptr(GArray) months = NULL;
  g_autoptr(GString) values = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  SdNumberStyle style = sd_number_style_current ();
  const SdScoreMonth *first, *last;

  if (calls == NULL || input->falling_months == 0)
    return NULL;

  months = sd_call_scores_by_month (calls, manager_id,
                                    input->month - (SdMonth) input->falling_months,
                                    input->falling_months + 1);
  for (guint k = 0; k < months->len; k++)
    {
      const SdScoreMonth *m = &g_array_index (months, SdScoreMonth, k);

      if (m->n_calls == 0)
        return NULL;
      if (k > 0 && m->average >= g_array_index (months, SdScoreMonth, k - 1).average)
        return NULL;
    }

  first = &g_array_index (months, SdScoreMonth, 0);
  last = &g_array_index (months, SdScoreMonth, months->len - 1);
  *fall = first->average - last->average;
  if (*fall < input->min_fall)
    return NULL;

  values = g_string_new (NULL);
  for (guint k = 0; k < months->len; k++)
    {
      g_autofree char *value = sd_score_format (g_array_index (months, SdScoreMonth, k).average,
                                                style);

      if (k > 0)
        g_string_append (values, ", ");
      g_string_append (values, value);
    }

  from = sd_month_format_label (first->month);
  to = sd_month_format_label (last->month);

  /* Translators: why a manager needs attention. %1$u is the number of months, %2$s and %3$s
   * the first and last month ("January 2026"), %4$s the average call score of each month
   * ("82, 76.5, 70"). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Call scores fell for %1$u month in a row, %2$s – %3$s: "
                                       "%4$s.",
                                       "Call scores fell for %1$u months in a row, %2$s – %3$s: "
                                       "%4$s.",
                                       input->falling_months),
                          input->falling_months, from, to, values->str);
}

static char *
falling_assessment (const SdAttentionInput *input,
                    gint64                  manager_id)
{
  const SdAssessment *latest;
  const SdAssessment *previous;
  g_autoptr(SdAssessmentComparison) comparison = NULL;
  SdNumberStyle style = sd_number_style_current ();
  g_autofree char *after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *date_after = NULL;
  g_autofree char *date_before = NULL;

  if (input->assessments == NULL)
    return NULL;

  latest = sd_assessment_find_latest (input->assessments, manager_id, &input->today);
  if (latest == NULL)
    return NULL;
  previous = sd_assessment_find_previous (input->assessments, latest);
  if (previous == NULL)
    return NULL;

  comparison = sd_assessment_compare (previous, latest);
  if (comparison == NULL || comparison->average_change >= 0)
    return NULL;

  after = sd_score_format (comparison->average_after, style);
  before = sd_score_format (comparison->average_before, style);
  date_after = sd_date_format (&latest->date, style);
  date_before = sd_date_format (&previous->date, style);

  /* Translators: why a manager needs attention. %1$s is the day of the latest assessment,
   * %2$s its average score ("3.2"), %3$s the average of the one before ("3.8"), %4$s its day. */
  return g_strdup_printf (_("The assessment of %1$s averages %2$s, below %3$s in the one of "
                            "%4$s."), date_after, after, before, date_before);
}

static char *
overdue_actions (const SdAttentionInput *input,
                 gint64                  manager_id,
                 guint                  *n_overdue)
{
  const SdIdpAction *oldest = NULL;
  g_autofree char *due = NULL;

  *n_overdue = 0;
  if (input->idps == NULL || !g_date_valid (&input->today))
    return NULL;

  for (guint i = 0; i < input->idps->len; i++)
    {
      const SdIdp *idp = g_ptr_array_index ((GPtrArray *) input->idps, i);
      g_autoptr(GArray) overdue = NULL;

      if (idp->manager_id != manager_id)
        continue;

      overdue = sd_idp_find_overdue (idp, &input->today);
      for (guint k = 0; k < overdue->len; k++)
        {
          const SdIdpAction *action = g_ptr_array_index (idp->actions,
                                                         g_array_index (overdue, guint, k));

          (*n_overdue)++;
          if (oldest == NULL || g_date_compare (&action->deadline, &oldest->deadline) < 0)
            oldest = action;
        }
    }

  if (oldest == NULL)
    return NULL;

  due = sd_date_format (&oldest->deadline, sd_number_style_current ());

  /* Translators: why a manager needs attention. %1$u is the number of overdue actions of
   * the development plan, %2$s the (oldest) action's title, %3$s its deadline. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$u development plan action is overdue: “%2$s”, due "
                                       "%3$s.",
                                       "%1$u development plan actions are overdue; the oldest "
                                       "is “%2$s”, due %3$s.",
                                       *n_overdue),
                          *n_overdue, oldest->title, due);
}

typedef struct {
  SdAttention         *item;
  const SdStaffMember *member;
} Entry;

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = pa;
  const Entry *b = pb;
  guint ca = 0, cb = 0;

  for (guint bit = 0; bit < 8; bit++)
    {
      ca += (a->item->flags >> bit) & 1;
      cb += (b->item->flags >> bit) & 1;
    }

  if (ca != cb)
    return ca > cb ? -1 : 1;

  return sd_staff_member_collate (a->member, b->member);
}

GPtrArray *
sd_attention_find (const SdAttentionInput *input)
{
  g_autoptr(GPtrArray) lagging = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) calls_by_manager = NULL;
  GPtrArray *result;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->month != SD_MONTH_INVALID, NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_attention_free);
  if (input->managers == NULL)
    return result;

  if (input->plan_fact != NULL && input->lag_months > 0)
    lagging = sd_plan_fact_find_lagging (input->plan_fact, input->month,
                                         input->lag_threshold_bp, input->lag_months);

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  /* Each manager's calls sorted out once: scoring months over everyone's calls for each
   * manager checks every call again (200 managers × 5 000 calls). */
  calls_by_manager = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; input->calls != NULL && k < input->calls->len; k++)
    {
      const SdCall *call = g_ptr_array_index ((GPtrArray *) input->calls, k);
      GPtrArray *list = g_hash_table_lookup (calls_by_manager, &call->manager_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (calls_by_manager, (gpointer) &call->manager_id, list);
        }
      g_ptr_array_add (list, (gpointer) call);
    }

  for (guint i = 0; i < input->managers->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index ((GPtrArray *) input->managers, i);
      g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
      SdAttention *item;
      SdAttentionFlags flags = 0;
      const SdLagging *lag = NULL;
      gint64 fall = 0;
      guint n_overdue = 0;
      char *text;

      if (member->archived)
        continue;
      if (!sd_staff_member_works_in (member, input->month)
          && !(g_date_valid (&input->today) && sd_staff_member_works_on (member, &input->today)))
        continue;

      for (guint k = 0; lagging != NULL && k < lagging->len; k++)
        {
          const SdLagging *l = g_ptr_array_index (lagging, k);

          if (l->manager_id == member->id)
            lag = l;
        }
      if (lag != NULL)
        {
          flags |= SD_ATTENTION_LAGGING;
          g_strv_builder_add (reasons, lag->reason);
        }

      if ((text = falling_scores (input, g_hash_table_lookup (calls_by_manager, &member->id),
                                  member->id, &fall)) != NULL)
        {
          flags |= SD_ATTENTION_FALLING_SCORES;
          g_strv_builder_add (reasons, text);
          g_free (text);
        }

      if ((text = falling_assessment (input, member->id)) != NULL)
        {
          flags |= SD_ATTENTION_FALLING_ASSESSMENT;
          g_strv_builder_add (reasons, text);
          g_free (text);
        }

      if ((text = overdue_actions (input, member->id, &n_overdue)) != NULL)
        {
          flags |= SD_ATTENTION_OVERDUE_ACTIONS;
          g_strv_builder_add (reasons, text);
          g_free (text);
        }

      if (flags == 0)
        continue;

      item = g_new0 (SdAttention, 1);
      item->manager_id = member->id;
      item->name = g_strdup (member->name);
      item->flags = flags;
      item->reasons = g_strv_builder_end (reasons);
      item->lag_months = lag != NULL ? lag->n_months : 0;
      item->score_fall = (flags & SD_ATTENTION_FALLING_SCORES) ? fall : 0;
      item->n_overdue = n_overdue;

      {
        Entry entry = { item, member };

        g_array_append_val (entries, entry);
      }
    }

  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (result, g_array_index (entries, Entry, i).item);

  return result;
}
