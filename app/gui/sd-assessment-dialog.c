/* sd-assessment-dialog.c — assess a manager against a template of competencies, beside the
 * previous assessment
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-assessment-dialog.h"
#include "sd-score-buttons.h"

#define NOT_ASSESSED SD_SCORE_LEFT_OUT

struct _SdAssessmentDialog
{
  AdwWindow            parent_instance;

  SdStore             *store;
  SdChecklist         *template_;
  SdAssessment        *assessment;
  SdAssessment        *previous;   /* may be NULL */

  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *info_group;
  AdwEntryRow         *date_row;
  AdwEntryRow         *assessor_row;
  AdwEntryRow         *comment_row;
  AdwPreferencesGroup *criteria_group;
  GtkLabel            *score_label;
  GtkLevelBar         *score_bar;
  GtkLabel            *hint_label;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (SdAssessmentDialog, sd_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
level_text (const SdCriterion *criterion,
            int                score)
{
  int bottom = sd_checklist_kind_min_score (SD_CHECKLIST_ASSESSMENT);

  if (score == NOT_ASSESSED)
    return g_strdup (_("Not assessed this time"));
  if (criterion->levels != NULL && score >= bottom &&
      (guint) (score - bottom) < g_strv_length (criterion->levels))
    return g_strdup_printf ("%d — %s", score, criterion->levels[score - bottom]);
  return g_strdup_printf (_("%d of %d"), score, criterion->max_score);
}

static void
update_state (SdAssessmentDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean date_ok = sd_date_parse (text, &self->assessment->date, NULL);
  gint64 average = 0;
  gboolean valid;

  if (!date_ok)
    {
      g_date_clear (&self->assessment->date, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  valid = sd_assessment_validate (self->assessment, &error) &&
          sd_assessment_average (self->assessment, &average);
  if (valid)
    {
      g_autofree char *value = sd_score_format (average, sd_number_style_current ());
      g_autoptr(SdAssessmentComparison) cmp = NULL;

      gtk_label_set_label (self->score_label, value);
      gtk_level_bar_set_value (self->score_bar, (double) average / 100.0);
      if (self->previous != NULL)
        cmp = sd_assessment_compare (self->previous, self->assessment);
      if (cmp != NULL && cmp->has_before)
        {
          g_autofree char *before = sd_score_format (cmp->average_before, sd_number_style_current ());
          g_autofree char *hint = NULL;

          /* Translators: "The average; the last assessment had 3.4. Better in 3, the same in 4,
           * worse in 1 competencies." */
          hint = g_strdup_printf (_("The average; the last assessment had %s. Better in %u, the "
                                    "same in %u, worse in %u competencies."),
                                  before, cmp->n_better, cmp->n_same, cmp->n_worse);
          gtk_label_set_label (self->hint_label, hint);
        }
      else
        gtk_label_set_label (self->hint_label, _("The average of the scored competencies. This "
                                                 "is the first assessment."));
    }
  else
    {
      gtk_label_set_label (self->score_label, "—");
      gtk_level_bar_set_value (self->score_bar, 0);
      gtk_label_set_label (self->hint_label,
                           date_ok ? error->message
                                   : _("Enter the date of the assessment as DD.MM.YYYY."));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
}

static void
on_changed (SdAssessmentDialog *self)
{
  update_state (self);
}

static void
on_scored (SdScoreButtons     *buttons,
           int                 score,
           SdAssessmentDialog *self)
{
  const char *key = g_object_get_data (G_OBJECT (buttons), "sd-key");
  AdwActionRow *row = g_object_get_data (G_OBJECT (buttons), "sd-row");
  const SdCriterion *criterion = sd_checklist_find (self->template_, key, NULL);
  g_autofree char *text = NULL;

  if (criterion == NULL)
    return;
  if (score == NOT_ASSESSED)
    sd_assessment_set_not_assessed (self->assessment, key);
  else
    sd_assessment_set_score (self->assessment, key, score);
  text = level_text (criterion, score);
  adw_action_row_set_subtitle (row, text);
  update_state (self);
}

static void
build_rows (SdAssessmentDialog *self)
{
  int bottom = sd_checklist_kind_min_score (SD_CHECKLIST_ASSESSMENT);

  adw_preferences_group_set_description (self->criteria_group,
                                         _("Hover a score to read what the level means. "
                                           "“—” leaves a competency out this time."));
  for (guint i = 0; i < sd_checklist_get_n_criteria (self->template_); i++)
    {
      const SdCriterion *c = sd_checklist_get_criterion (self->template_, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *buttons = sd_score_buttons_new (c, bottom, level_text);
      int before;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->description != NULL ? c->description : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (self->previous != NULL && sd_assessment_get_score (self->previous, c->key, &before))
        {
          g_autofree char *text = g_strdup_printf (_("was %d"), before);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_tooltip_text (label, _("The score in the previous assessment"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      g_object_set_data_full (G_OBJECT (buttons), "sd-key", g_strdup (c->key), g_free);
      g_object_set_data (G_OBJECT (buttons), "sd-row", row);
      g_signal_connect_object (buttons, "scored", G_CALLBACK (on_scored), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      adw_preferences_group_add (self->criteria_group, row);
    }
}

static void
on_save_clicked (SdAssessmentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *assessor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->assessor_row))));
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));
  gint64 id;

  update_state (self);
  g_free (self->assessment->assessor);
  self->assessment->assessor = *assessor != '\0' ? g_steal_pointer (&assessor) : NULL;
  g_free (self->assessment->comment);
  self->assessment->comment = *comment != '\0' ? g_steal_pointer (&comment) : NULL;
  self->assessment->template_id = self->template_->id;
  id = sd_store_people_add_assessment (self->store, self->assessment, &error);
  if (id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sd_assessment_dialog_dispose (GObject *object)
{
  SdAssessmentDialog *self = SD_ASSESSMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_ASSESSMENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_assessment_dialog_parent_class)->dispose (object);
}

static void
sd_assessment_dialog_finalize (GObject *object)
{
  SdAssessmentDialog *self = SD_ASSESSMENT_DIALOG (object);

  g_clear_pointer (&self->template_, sd_checklist_free);
  g_clear_pointer (&self->assessment, sd_assessment_free);
  g_clear_pointer (&self->previous, sd_assessment_free);

  G_OBJECT_CLASS (sd_assessment_dialog_parent_class)->finalize (object);
}

static void
sd_assessment_dialog_class_init (SdAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_assessment_dialog_dispose;
  object_class->finalize = sd_assessment_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, info_group);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, score_label);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, score_bar);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SdAssessmentDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
sd_assessment_dialog_init (SdAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdAssessmentDialog *
sd_assessment_dialog_new (GtkWindow           *parent,
                          SdStore             *store,
                          const SdChecklist   *template_,
                          const SdStaffMember *manager,
                          const GDate         *date,
                          const SdAssessment  *previous)
{
  SdAssessmentDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (template_ != NULL, NULL);
  g_return_val_if_fail (manager != NULL, NULL);

  self = g_object_new (SD_TYPE_ASSESSMENT_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->template_ = sd_checklist_copy (template_);
  self->template_->id = template_->id;
  self->assessment = sd_assessment_new_for_template (self->template_, manager->id, date);
  self->previous = previous != NULL ? sd_assessment_copy (previous) : NULL;
  /* Translators: the title of the assessment dialog, "Assessment of Иванов Пётр" */
  title = g_strdup_printf (_("Assessment of %s"), manager->name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_preferences_group_set_title (self->info_group, title);
  if (self->previous != NULL)
    {
      g_autofree char *day = sd_date_format (&self->previous->date, sd_number_style_current ());
      g_autofree char *text = g_strdup_printf (_("“%s”. The previous assessment was on %s: its "
                                                 "scores are shown beside each competency."),
                                               self->template_->name, day);

      adw_preferences_group_set_description (self->info_group, text);
    }
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = sd_date_format (date, sd_number_style_current ());

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
    }
  build_rows (self);
  update_state (self);
  return self;
}
