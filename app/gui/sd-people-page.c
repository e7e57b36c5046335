/* sd-people-page.c — people development: who needs attention, each manager's call scores,
 * assessments and development plan
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-assessment-dialog.h"
#include "sd-call-dialog.h"
#include "sd-chart-scores.h"
#include "sd-chart-view.h"
#include "sd-checklist-editor.h"
#include "sd-idp-editor.h"
#include "sd-people-page.h"
#include "sd-store-people.h"

/* Months of history shown in the chart, up to today's month. */
#define HISTORY_MONTHS 12
/* The chart shows at least this many months, even before the first scored call. */
#define MIN_CHART_MONTHS 6
/* Calls listed for a manager, newest first. */
#define MAX_CALLS_SHOWN 20

struct _SdPeoplePage
{
  SdPage            parent_instance;

  gboolean          updating;

  SdPeopleSnapshot *snap;
  GPtrArray        *managers;      /* SdStaffMember * (borrowed from snap): in list order */
  GHashTable       *attention;     /* manager id → SdAttention * (owned) */
  GPtrArray        *attention_list;
  gint64            manager_id;    /* shown */

  /* The chart's data. */
  SdChartScores     scores;
  GArray           *series;        /* SdChartScoreSeries */
  GPtrArray        *series_values; /* gint64 * arrays, freed */
  GPtrArray        *series_labels; /* char *, freed */
  gint64           *average;

  GtkListBox       *manager_list;
  GtkLabel         *name_label;
  GtkLabel         *summary_label;
  GtkButton        *score_button;
  GtkButton        *assess_button;
  GtkButton        *plan_button;
  GtkCheckButton   *criteria_check;
  SdChartView      *chart;
  GtkListBox       *plan_list;
  GtkListBox       *call_list;
  GtkListBox       *assessment_list;
};

G_DEFINE_FINAL_TYPE (SdPeoplePage, sd_people_page, SD_TYPE_PAGE)

static void show_manager (SdPeoplePage *self);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
get_today (SdPeoplePage *self,
           GDate        *today)
{
  sd_context_get_today (sd_page_get_context (SD_PAGE (self)), today);
}

static SdMonth
first_month (SdPeoplePage *self)
{
  GDate today;

  get_today (self, &today);
  return sd_month_from_date (&today) - (HISTORY_MONTHS - 1);
}

static const SdStaffMember *
find_member (SdPeoplePage *self,
             gint64        id)
{
  if (self->snap == NULL)
    return NULL;
  for (guint i = 0; i < self->snap->staff->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (self->snap->staff, i);

      if (m->id == id)
        return m;
    }
  return NULL;
}

static GtkWindow *
get_window (SdPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* A refused edit: a toast in the window when it has an overlay, else a message in the log. */
static void
show_error (SdPeoplePage *self,
            const char   *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static char *
score_text (gint64 hundredths)
{
  return sd_score_format (hundredths, sd_number_style_current ());
}

/* ------------------------------------------------------------------------------------------
 * Chart
 * ------------------------------------------------------------------------------------------ */

static void
clear_chart_data (SdPeoplePage *self)
{
  g_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->series_values, 0);
  g_ptr_array_set_size (self->series_labels, 0);
  g_clear_pointer (&self->average, g_free);
  memset (&self->scores, 0, sizeof self->scores);
}

static gint64 *
month_values (GArray *months)
{
  gint64 *values = g_new (gint64, months->len);

  for (guint i = 0; i < months->len; i++)
    {
      const SdScoreMonth *m = &g_array_index (months, SdScoreMonth, i);

      values[i] = m->n_calls > 0 ? m->average : SD_CHART_SCORE_NONE;
    }
  return values;
}

static void
add_series (SdPeoplePage *self,
            const char   *label,
            gint64       *values)
{
  SdChartScoreSeries s;

  g_ptr_array_add (self->series_labels, g_strdup (label));
  g_ptr_array_add (self->series_values, values);
  s.label = g_ptr_array_index (self->series_labels, self->series_labels->len - 1);
  s.scores = values;
  g_array_append_val (self->series, s);
}

static void
build_chart (SdPeoplePage *self)
{
  g_autoptr(GArray) overall = NULL;
  g_autoptr(GArray) department = NULL;
  SdMonth first = first_month (self);
  guint n_months = HISTORY_MONTHS;

  clear_chart_data (self);
  if (self->snap == NULL || self->manager_id == 0)
    {
      sd_chart_view_changed (self->chart, 0);
      return;
    }
  /* Months before the first scored call of the department would only be blank space. */
  department = sd_call_scores_by_month (self->snap->calls, 0, first, HISTORY_MONTHS);
  {
    guint skip = 0;

    while (skip + MIN_CHART_MONTHS < HISTORY_MONTHS &&
           g_array_index (department, SdScoreMonth, skip).n_calls == 0)
      skip++;
    first += (SdMonth) skip;
    n_months = HISTORY_MONTHS - skip;
    g_clear_pointer (&department, g_array_unref);
  }
  overall = sd_call_scores_by_month (self->snap->calls, self->manager_id, first, n_months);
  department = sd_call_scores_by_month (self->snap->calls, 0, first, n_months);
  /* Translators: the call score over all criteria, in the chart's legend */
  add_series (self, _("Overall"), month_values (overall));
  if (gtk_check_button_get_active (self->criteria_check))
    {
      g_autoptr(GPtrArray) criteria = sd_call_scores_by_criterion (self->snap->checklist,
                                                                   self->snap->calls,
                                                                   self->manager_id,
                                                                   first, n_months);

      for (guint i = 0; i < criteria->len; i++)
        {
          const SdCriterionHistory *h = g_ptr_array_index (criteria, i);
          gint64 *values;

          if (h->n_overall == 0)
            continue;
          values = g_new (gint64, n_months);
          /* A level in basis points of the scale is a score in hundredths of 100 points. */
          for (guint m = 0; m < n_months; m++)
            values[m] = h->level[m] != SD_SCORE_NONE ? h->level[m] : SD_CHART_SCORE_NONE;
          add_series (self, h->name, values);
        }
    }
  self->average = month_values (department);
  self->scores.first_month = first;
  self->scores.n_months = n_months;
  self->scores.series = (const SdChartScoreSeries *) (gpointer) self->series->data;
  self->scores.n_series = self->series->len;
  self->scores.average = self->average;
  sd_chart_view_changed (self->chart, n_months);
}

static void
draw_scores (cairo_t            *cr,
             int                 width,
             int                 height,
             const SdChartStyle *style,
             int                 highlight,
             gpointer            user_data)
{
  SdPeoplePage *self = user_data;
  SdChartScores data = self->scores;

  if (data.n_series == 0)
    return;
  data.has_highlight = highlight >= 0;
  data.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_scores (cr, width, height, &data, style);
}

static int
hit_scores (int                 width,
            int                 height,
            const SdChartStyle *style,
            double              x,
            double              y,
            gpointer            user_data)
{
  SdPeoplePage *self = user_data;

  if (self->scores.n_series == 0)
    return -1;
  return sd_chart_scores_hit (width, height, &self->scores, style, x, y);
}

static char *
describe_scores (const SdChartStyle *style,
                 int                 index,
                 gpointer            user_data)
{
  SdPeoplePage *self = user_data;

  if (self->scores.n_series == 0)
    return g_strdup (_("No calls scored yet"));
  if (index < 0)
    return sd_chart_scores_describe (&self->scores, style);
  return sd_chart_scores_tooltip (&self->scores, style, (guint) index);
}

/* ------------------------------------------------------------------------------------------
 * The manager's lists
 * ------------------------------------------------------------------------------------------ */

static void
on_delete_call_clicked (GtkButton    *button,
                        SdPeoplePage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sd-id");

  if (!sd_store_people_remove_call (sd_page_get_store (SD_PAGE (self)), id, &error))
    show_error (self, error->message);
}

static void
fill_calls (SdPeoplePage *self)
{
  guint shown = 0;

  clear_list (self->call_list);
  for (guint i = self->snap->calls->len; i > 0 && shown < MAX_CALLS_SHOWN; i--)
    {
      const SdCall *call = g_ptr_array_index (self->snap->calls, i - 1);
      g_autofree char *day = NULL;
      g_autofree char *title = NULL;
      g_autofree char *score = NULL;
      GtkWidget *row, *label, *button;
      int value = 0;

      if (call->manager_id != self->manager_id || !sd_call_compute_score (call, &value, NULL))
        continue;
      shown++;
      day = sd_date_format (&call->date, sd_number_style_current ());
      title = call->reference != NULL ? g_strdup_printf ("%s · %s", day, call->reference)
                                      : g_strdup (day);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (call->comment != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), call->comment);
      score = g_strdup_printf ("%d", value);
      label = gtk_label_new (score);
      gtk_widget_add_css_class (label, "title-4");
      gtk_widget_add_css_class (label, "numeric");
      if (value < 60)
        gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete this scored call"));
      g_object_set_data_full (G_OBJECT (button), "sd-id", g_memdup2 (&call->id, sizeof call->id),
                              g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_call_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the call to see or change its scores"));
      g_object_set_data_full (G_OBJECT (row), "sd-id", g_memdup2 (&call->id, sizeof call->id),
                              g_free);
      gtk_list_box_append (self->call_list, row);
    }
  if (shown == 0)
    add_placeholder (self->call_list, _("No calls scored yet. Listen to a call and score it."));
}

static void
on_call_activated (SdPeoplePage  *self,
                   GtkListBoxRow *row)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gint64 *id = g_object_get_data (G_OBJECT (row), "sd-id");

  if (id == NULL || self->snap == NULL)
    return;
  for (guint i = 0; i < self->snap->calls->len; i++)
    {
      const SdCall *call = g_ptr_array_index (self->snap->calls, i);

      if (call->id == *id)
        {
          SdCallDialog *dialog = sd_call_dialog_new_for_call (get_window (self), store, call,
                                                              self->snap->checklist,
                                                              self->managers);

          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }
}

static void
on_delete_assessment_clicked (GtkButton    *button,
                              SdPeoplePage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sd-id");

  if (!sd_store_people_remove_assessment (sd_page_get_store (SD_PAGE (self)), id, &error))
    show_error (self, error->message);
}

static void
fill_assessments (SdPeoplePage *self)
{
  guint shown = 0;

  clear_list (self->assessment_list);
  for (guint i = self->snap->assessments->len; i > 0; i--)
    {
      const SdAssessment *a = g_ptr_array_index (self->snap->assessments, i - 1);
      const SdAssessment *previous;
      g_autoptr(SdAssessmentComparison) cmp = NULL;
      g_autofree char *day = NULL;
      g_autofree char *title = NULL;
      g_autofree char *average = NULL;
      GString *subtitle;
      GtkWidget *row;
      gint64 avg;

      if (a->manager_id != self->manager_id || !sd_assessment_average (a, &avg))
        continue;
      shown++;
      day = sd_date_format (&a->date, sd_number_style_current ());
      average = score_text (avg);
      /* Translators: an assessment's date and average score, "15.03.2026 · average 3.8 of 5" */
      title = g_strdup_printf (_("%s · average %s"), day, average);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      subtitle = g_string_new (NULL);
      previous = sd_assessment_find_previous (self->snap->assessments, a);
      cmp = sd_assessment_compare (previous, a);
      if (cmp != NULL && cmp->has_before)
        {
          g_autofree char *change = score_text (cmp->average_change);

          /* Translators: compared with the assessment before: "+0.4 since the last one:
           * 3 better, 4 the same, 1 worse" */
          g_string_append_printf (subtitle, _("%s%s since the last one: %u better, %u the same, "
                                              "%u worse"),
                                  cmp->average_change > 0 ? "+" : "", change,
                                  cmp->n_better, cmp->n_same, cmp->n_worse);
        }
      else
        g_string_append (subtitle, _("First assessment"));
      if (a->assessor != NULL)
        g_string_append_printf (subtitle, " · %s", a->assessor);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      g_string_free (subtitle, TRUE);
      {
        GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_set_tooltip_text (button, _("Delete this assessment"));
        g_object_set_data_full (G_OBJECT (button), "sd-id", g_memdup2 (&a->id, sizeof a->id),
                                g_free);
        g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_assessment_clicked),
                                 self, 0);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      }
      gtk_list_box_append (self->assessment_list, row);
    }
  if (shown == 0)
    add_placeholder (self->assessment_list, _("Not assessed yet."));
}

static const SdIdp *
latest_idp (SdPeoplePage *self)
{
  for (guint i = self->snap->idps->len; i > 0; i--)
    {
      const SdIdp *idp = g_ptr_array_index (self->snap->idps, i - 1);

      if (idp->manager_id == self->manager_id)
        return idp;
    }
  return NULL;
}

static void
on_status_selected (GtkDropDown  *dropdown,
                    GParamSpec   *pspec,
                    SdPeoplePage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 idp_id = *(gint64 *) g_object_get_data (G_OBJECT (dropdown), "sd-idp");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "sd-index"));
  SdIdpStatus status = (SdIdpStatus) gtk_drop_down_get_selected (dropdown);
  GDate today;

  if (self->updating)
    return;
  get_today (self, &today);
  if (!sd_store_people_set_action_status (store, idp_id, index, status, &today, &error))
    {
      show_error (self, error->message);
      /* Put the status back as it is in the file. */
      self->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown),
                                                                                 "sd-status")));
      self->updating = FALSE;
    }
}

static void
fill_plan (SdPeoplePage *self)
{
  const SdIdp *idp = latest_idp (self);
  SdPeopleData data = { self->snap->calls, self->snap->assessments, self->snap->plan_fact };
  GDate today;
  gint64 bp = 0;

  clear_list (self->plan_list);
  if (idp == NULL)
    {
      add_placeholder (self->plan_list,
                       _("No development plan yet. “Development Plan…” proposes one from the "
                         "weakest scores and the plan lag."));
      return;
    }
  get_today (self, &today);
  {
    g_autofree char *created = sd_date_format (&idp->created, sd_number_style_current ());
    g_autofree char *title = NULL;
    g_autofree char *completion = NULL;
    GtkWidget *row = adw_action_row_new ();

    completion = sd_idp_completion_bp (idp, &bp)
                 ? sd_score_format_percent (bp, sd_number_style_current ()) : g_strdup ("—");
    /* Translators: "Development plan of 15.03.2026 · done 40%" */
    title = g_strdup_printf (_("%s of %s · done %s"),
                             idp->title != NULL ? idp->title : _("Development plan"),
                             created, completion);
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    gtk_widget_add_css_class (row, "heading");
    gtk_list_box_append (self->plan_list, row);
  }
  for (guint i = 0; i < idp->goals->len; i++)
    {
      const SdIdpGoal *goal = g_ptr_array_index (idp->goals, i);
      SdIdpProgress progress;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 10000);
      g_autofree char *subtitle = NULL;

      sd_idp_goal_progress (idp, i, &data, &today, &progress);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: a goal of a development plan */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), goal->title);
      if (progress.measured)
        {
          g_autofree char *pct = sd_score_format_percent (progress.progress_bp,
                                                          sd_number_style_current ());

          subtitle = progress.reached ? g_strdup (_("Target reached"))
                                      : g_strdup_printf (_("Progress towards the target: %s"), pct);
          gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) progress.progress_bp);
        }
      else
        subtitle = g_strdup (_("Not measured since the plan was made"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_size_request (bar, 120, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                    progress.measured && progress.reached
                                    ? "emblem-ok-symbolic" : "find-location-symbolic");
      gtk_list_box_append (self->plan_list, row);
    }
  self->updating = TRUE;
  for (guint i = 0; i < idp->actions->len; i++)
    {
      const SdIdpAction *action = g_ptr_array_index (idp->actions, i);
      GtkWidget *row = adw_action_row_new ();
      const char *statuses[5];
      GtkWidget *dropdown;
      g_autofree char *deadline = sd_date_format (&action->deadline, sd_number_style_current ());
      g_autofree char *subtitle = NULL;
      guint overdue = sd_idp_action_days_overdue (action, &today);

      for (guint s = 0; s < 4; s++)
        statuses[s] = sd_idp_status_get_label ((SdIdpStatus) s);
      statuses[4] = NULL;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->title);
      if (overdue > 0)
        /* Translators: "Problem-zone training · head of sales · by 15.03.2026 · overdue by 5 days" */
        subtitle = g_strdup_printf (ngettext ("%s · %s · by %s · overdue by %u day",
                                              "%s · %s · by %s · overdue by %u days", overdue),
                                    sd_idp_action_kind_get_label (action->kind),
                                    action->owner != NULL ? action->owner : "", deadline, overdue);
      else
        subtitle = g_strdup_printf (_("%s · %s · by %s"),
                                    sd_idp_action_kind_get_label (action->kind),
                                    action->owner != NULL ? action->owner : "", deadline);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (overdue > 0)
        {
          gtk_widget_add_css_class (row, "error");
          adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
        }
      else
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "x-office-calendar-symbolic");
      dropdown = gtk_drop_down_new_from_strings (statuses);
      {
        g_autofree char *name = g_strdup_printf ("status-%u", i);

        gtk_widget_set_name (dropdown, name);
      }
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) action->status);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (dropdown, _("Status of the action"));
      g_object_set_data_full (G_OBJECT (dropdown), "sd-idp", g_memdup2 (&idp->id, sizeof idp->id),
                              g_free);
      g_object_set_data (G_OBJECT (dropdown), "sd-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (dropdown), "sd-status", GUINT_TO_POINTER (action->status));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_status_selected),
                               self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      gtk_list_box_append (self->plan_list, row);
    }
  self->updating = FALSE;
}

static void
show_manager (SdPeoplePage *self)
{
  const SdStaffMember *member = find_member (self, self->manager_id);
  gboolean has = member != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->score_button), has);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assess_button), has);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_button), has);
  if (!has)
    {
      gtk_label_set_label (self->name_label, _("No managers"));
      gtk_label_set_label (self->summary_label,
                           _("Add managers on the Staff page to score their calls."));
      clear_list (self->call_list);
      clear_list (self->assessment_list);
      clear_list (self->plan_list);
      build_chart (self);
      return;
    }
  gtk_label_set_label (self->name_label, member->name);
  {
    const SdAttention *attention = g_hash_table_lookup (self->attention, &self->manager_id);
    GDate today;
    g_autofree char *kpi = NULL;
    gint64 value = 0;
    SdMonth month;

    get_today (self, &today);
    month = sd_month_from_date (&today);
    if (sd_call_scores_average (self->snap->calls, self->manager_id, month - 2, month, &value, NULL))
      {
        g_autofree char *score = score_text (value);

        /* Translators: the average call score over the last three months */
        kpi = g_strdup_printf (_("Average call score over 3 months: %s."), score);
      }
    else
      kpi = g_strdup (_("No calls scored in the last 3 months."));
    if (attention != NULL)
      {
        g_autofree char *why = sd_attention_get_text (attention);
        g_autofree char *text = g_strconcat (kpi, " ", why, NULL);

        gtk_label_set_label (self->summary_label, text);
      }
    else
      gtk_label_set_label (self->summary_label, kpi);
  }
  build_chart (self);
  fill_plan (self);
  fill_calls (self);
  fill_assessments (self);
}

/* ------------------------------------------------------------------------------------------
 * The manager list
 * ------------------------------------------------------------------------------------------ */

static GtkWidget *
manager_row (SdPeoplePage        *self,
             const SdStaffMember *member,
             const SdAttention   *attention)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  if (attention != NULL)
    {
      g_autofree char *why = sd_attention_get_text (attention);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      gtk_widget_add_css_class (row, "warning");
    }
  else
    {
      GDate today;
      gint64 value;
      SdMonth month;

      get_today (self, &today);
      month = sd_month_from_date (&today);
      if (sd_call_scores_average (self->snap->calls, member->id, month - 2, month, &value, NULL))
        {
          g_autofree char *score = score_text (value);
          /* Translators: a manager's average call score in the list */
          g_autofree char *text = g_strdup_printf (_("Call score %s"), score);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
        }
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
    }
  g_object_set_data_full (G_OBJECT (row), "sd-id", g_memdup2 (&member->id, sizeof member->id),
                          g_free);
  return row;
}

static void
add_header (GtkListBox *list,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_start (label, 6);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static void
sd_people_page_reload (SdPage *page)
{
  SdPeoplePage *self = SD_PEOPLE_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *select = NULL;
  GDate today;
  SdMonth month;

  g_clear_pointer (&self->snap, sd_people_snapshot_free);
  g_ptr_array_set_size (self->managers, 0);
  g_hash_table_remove_all (self->attention);
  g_clear_pointer (&self->attention_list, g_ptr_array_unref);
  self->updating = TRUE;
  clear_list (self->manager_list);
  self->updating = FALSE;

  get_today (self, &today);
  month = sd_month_from_date (&today);
  if (store != NULL)
    self->snap = sd_store_people_load (store, month - HISTORY_MONTHS, month, &error);
  if (self->snap != NULL)
    self->attention_list = sd_people_snapshot_find_attention (self->snap, store, month - 1,
                                                              &today);
  if (self->snap == NULL || self->attention_list == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      self->manager_id = 0;
      show_manager (self);
      return;
    }

  for (guint i = 0; i < self->attention_list->len; i++)
    {
      SdAttention *a = g_ptr_array_index (self->attention_list, i);

      g_hash_table_insert (self->attention, &a->manager_id, a);
    }

  self->updating = TRUE;
  /* Those who need attention first, with the reason; then everyone else at work today. */
  if (self->attention_list->len > 0)
    add_header (self->manager_list, _("Needs attention"));
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        add_header (self->manager_list, _("Managers"));
      for (guint i = 0; i < self->snap->staff->len; i++)
        {
          const SdStaffMember *m = g_ptr_array_index (self->snap->staff, i);
          const SdAttention *a = g_hash_table_lookup (self->attention, &m->id);
          GtkWidget *row;

          if (m->archived || m->role != SD_ROLE_MANAGER || !sd_staff_member_works_on (m, &today))
            continue;
          if ((pass == 0) != (a != NULL))
            continue;
          row = manager_row (self, m, a);
          gtk_list_box_append (self->manager_list, row);
          g_ptr_array_add (self->managers, (gpointer) m);
          if (m->id == self->manager_id || (select == NULL && self->manager_id == 0))
            select = GTK_LIST_BOX_ROW (row);
        }
    }
  if (select == NULL && self->managers->len > 0)
    {
      /* The manager shown before is gone: the first in the list. */
      for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->manager_list)); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        if (g_object_get_data (G_OBJECT (c), "sd-id") != NULL)
          {
            select = GTK_LIST_BOX_ROW (c);
            break;
          }
    }
  self->manager_id = select != NULL ? *(gint64 *) g_object_get_data (G_OBJECT (select), "sd-id") : 0;
  gtk_list_box_select_row (self->manager_list, select);
  self->updating = FALSE;
  show_manager (self);
}

static void
on_manager_selected (SdPeoplePage  *self,
                     GtkListBoxRow *row)
{
  gint64 *id;

  if (self->updating || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "sd-id");
  if (id == NULL || *id == self->manager_id)
    return;
  self->manager_id = *id;
  show_manager (self);
}

static void
on_criteria_toggled (SdPeoplePage *self)
{
  build_chart (self);
}

/* ------------------------------------------------------------------------------------------
 * Dialogs
 * ------------------------------------------------------------------------------------------ */

static void
on_score_clicked (SdPeoplePage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  SdCallDialog *dialog;
  GDate today;

  if (self->snap == NULL || self->managers->len == 0)
    return;
  get_today (self, &today);
  dialog = sd_call_dialog_new (get_window (self), store, self->snap->checklist,
                               self->managers, self->manager_id, &today);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_assess_clicked (SdPeoplePage *self)
{
  const SdStaffMember *member = find_member (self, self->manager_id);
  const SdAssessment *previous;
  SdAssessmentDialog *dialog;
  GDate today;

  if (member == NULL)
    return;
  get_today (self, &today);
  previous = sd_assessment_find_latest (self->snap->assessments, member->id, NULL);
  dialog = sd_assessment_dialog_new (get_window (self), sd_page_get_store (SD_PAGE (self)),
                                     self->snap->assessment_template, member, &today, previous);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_plan_clicked (SdPeoplePage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  const SdStaffMember *member = find_member (self, self->manager_id);
  SdIdpEditor *editor;
  GDate today;

  if (member == NULL)
    return;
  get_today (self, &today);
  editor = sd_idp_editor_new (get_window (self), store, member, latest_idp (self), &today);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_checklists_clicked (SdPeoplePage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  SdChecklistEditor *editor;

  if (store == NULL)
    return;
  editor = sd_checklist_editor_new (get_window (self), store);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ------------------------------------------------------------------------------------------
 * Store and lifetime
 * ------------------------------------------------------------------------------------------ */

static void
sd_people_page_store_replaced (SdPage  *page,
                               SdStore *store)
{
  SD_PEOPLE_PAGE (page)->manager_id = 0;
}
static void
sd_people_page_dispose (GObject *object)
{
  SdPeoplePage *self = SD_PEOPLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_PEOPLE_PAGE);

  G_OBJECT_CLASS (sd_people_page_parent_class)->dispose (object);
}

static void
sd_people_page_finalize (GObject *object)
{
  SdPeoplePage *self = SD_PEOPLE_PAGE (object);

  clear_chart_data (self);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->series_values, g_ptr_array_unref);
  g_clear_pointer (&self->series_labels, g_ptr_array_unref);
  g_clear_pointer (&self->attention, g_hash_table_unref);
  g_clear_pointer (&self->attention_list, g_ptr_array_unref);
  g_clear_pointer (&self->managers, g_ptr_array_unref);
  g_clear_pointer (&self->snap, sd_people_snapshot_free);

  G_OBJECT_CLASS (sd_people_page_parent_class)->finalize (object);
}

static void
sd_people_page_class_init (SdPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->dispose = sd_people_page_dispose;
  object_class->finalize = sd_people_page_finalize;
  page_class->reload = sd_people_page_reload;
  page_class->store_replaced = sd_people_page_store_replaced;
  page_class->reload_on = SD_STORE_CHANGED_PEOPLE | SD_STORE_CHANGED_COMPANY |
                          SD_STORE_CHANGED_STAFF | SD_STORE_CHANGED_FACTS |
                          SD_STORE_CHANGED_PLAN | SD_STORE_CHANGED_SETTINGS;
  /* Later, not now: a change may come from a widget of the lists being rebuilt. */
  page_class->reload_changes_at_idle = TRUE;

  g_type_ensure (SD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, manager_list);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, score_button);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, assess_button);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, plan_button);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, criteria_check);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, chart);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, call_list);
  gtk_widget_class_bind_template_child (widget_class, SdPeoplePage, assessment_list);
  gtk_widget_class_bind_template_callback (widget_class, on_manager_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_criteria_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_call_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_score_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_assess_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_checklists_clicked);
}

static void
sd_people_page_init (SdPeoplePage *self)
{
  self->series = g_array_new (FALSE, FALSE, sizeof (SdChartScoreSeries));
  self->series_values = g_ptr_array_new_with_free_func (g_free);
  self->series_labels = g_ptr_array_new_with_free_func (g_free);
  self->managers = g_ptr_array_new ();
  self->attention = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  sd_chart_view_set_chart (self->chart, draw_scores, hit_scores, describe_scores, 0, self, NULL);
}

GtkWidget *
sd_people_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_PEOPLE_PAGE, "context", context, NULL);
}

gint64
sd_people_page_get_manager (SdPeoplePage *self)
{
  g_return_val_if_fail (SD_IS_PEOPLE_PAGE (self), 0);

  return self->manager_id;
}

void
sd_people_page_select_manager (SdPeoplePage *self,
                               gint64        manager_id)
{
  g_return_if_fail (SD_IS_PEOPLE_PAGE (self));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->manager_list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      gint64 *id = g_object_get_data (G_OBJECT (c), "sd-id");

      if (id != NULL && *id == manager_id)
        {
          gtk_list_box_select_row (self->manager_list, GTK_LIST_BOX_ROW (c));
          return;
        }
    }
}
