/* sd-call-dialog.c — score one call against the call checklist, with the live 0–100 score
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-call-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-call-dialog.h"
#include "sd-score-buttons.h"

#define NOT_APPLICABLE SD_SCORE_LEFT_OUT

struct _SdCallDialog
{
  AdwWindow        parent_instance;

  SdStore         *store;
  SdChecklist     *checklist;
  GArray          *manager_ids;   /* gint64, in the order of the combo row */
  SdCall          *call;          /* marks as chosen so far */
  int              score;         /* -1 while not valid */

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *manager_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *reference_row;
  AdwEntryRow     *comment_row;
  AdwPreferencesGroup *criteria_group;
  GtkLabel        *score_label;
  GtkLevelBar     *score_bar;
  GtkLabel        *hint_label;
  GtkButton       *save_button;
};

G_DEFINE_FINAL_TYPE (SdCallDialog, sd_call_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The words of a level when the checklist gives none: 0 not done, 1 partly, 2 done on the
 * default scale; otherwise "n of max". */
static char *
level_text (const SdCriterion *criterion,
            int                score)
{
  if (score == NOT_APPLICABLE)
    return g_strdup (_("Not applicable: left out of this call’s score"));
  if (criterion->levels != NULL && (guint) score < g_strv_length (criterion->levels))
    return g_strdup (criterion->levels[score]);
  if (criterion->max_score == 2)
    {
      static const char *words[] = { N_("Not done"), N_("Partly done"), N_("Done") };

      return g_strdup (_(words[score]));
    }
  /* Translators: a score on a criterion's scale, "3 of 5" */
  return g_strdup_printf (_("%d of %d"), score, criterion->max_score);
}

static gboolean
read_date (SdCallDialog *self,
           GDate        *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  return sd_date_parse (text, date, NULL);
}

static void
update_state (SdCallDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (self->manager_row);
  guint unset = 0;
  GDate date;
  gboolean date_ok = read_date (self, &date);
  int score = -1;

  self->call->manager_id = position < self->manager_ids->len
                           ? g_array_index (self->manager_ids, gint64, position) : 0;
  if (date_ok)
    self->call->date = date;
  else
    g_date_clear (&self->call->date, 1);

  for (guint i = 0; i < self->call->marks->len; i++)
    if (((SdMark *) g_ptr_array_index (self->call->marks, i))->state == SD_MARK_UNSET)
      unset++;

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  if (sd_call_compute_score (self->call, &score, &error))
    {
      g_autofree char *text = g_strdup_printf ("%d", score);

      gtk_label_set_label (self->score_label, text);
      gtk_level_bar_set_value (self->score_bar, score);
      gtk_label_set_label (self->hint_label, _("The call’s score out of 100, weighted by the "
                                               "checklist."));
    }
  else
    {
      gtk_label_set_label (self->score_label, "—");
      gtk_level_bar_set_value (self->score_bar, 0);
      if (unset > 0 && self->call->manager_id > 0 && date_ok)
        {
          g_autofree char *text =
            g_strdup_printf (ngettext ("Score %u more criterion, or mark it not applicable.",
                                       "Score %u more criteria, or mark them not applicable.",
                                       unset),
                             unset);

          gtk_label_set_label (self->hint_label, text);
        }
      else if (!date_ok)
        gtk_label_set_label (self->hint_label,
                             _("Enter the date of the call as DD.MM.YYYY."));
      else
        gtk_label_set_label (self->hint_label, error->message);
      score = -1;
    }
  self->score = score;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), score >= 0);
}

static void
on_changed (SdCallDialog *self)
{
  update_state (self);
}

static void
on_scored (SdScoreButtons *buttons,
           int             score,
           SdCallDialog   *self)
{
  const char *key = g_object_get_data (G_OBJECT (buttons), "sd-key");
  AdwActionRow *row = g_object_get_data (G_OBJECT (buttons), "sd-row");
  const SdCriterion *criterion = sd_checklist_find (self->checklist, key, NULL);
  g_autofree char *text = NULL;

  if (criterion == NULL)
    return;
  if (score == NOT_APPLICABLE)
    sd_call_set_not_applicable (self->call, key);
  else
    sd_call_set_score (self->call, key, score);
  text = level_text (criterion, score);
  adw_action_row_set_subtitle (row, text);
  update_state (self);
}

static void
build_criteria (SdCallDialog *self)
{
  g_autofree char *description = NULL;

  description = g_strdup_printf (_("“%s”: score what the manager did in this call. Hover a "
                                   "score to see what it means; “—” leaves a criterion out."),
                                 self->checklist->name);
  adw_preferences_group_set_description (self->criteria_group, description);

  for (guint i = 0; i < sd_checklist_get_n_criteria (self->checklist); i++)
    {
      const SdCriterion *c = sd_checklist_get_criterion (self->checklist, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *buttons = sd_score_buttons_new (c, 0, level_text);
      g_autofree char *title = NULL;

      /* Translators: a criterion and its weight in the call's score, "Objection handling · 14%" */
      title = g_strdup_printf (_("%s · %d%%"), c->name, c->weight);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   c->description != NULL ? c->description : "");
      g_object_set_data_full (G_OBJECT (buttons), "sd-key", g_strdup (c->key), g_free);
      g_object_set_data (G_OBJECT (buttons), "sd-row", row);
      g_signal_connect_object (buttons, "scored", G_CALLBACK (on_scored), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      adw_preferences_group_add (self->criteria_group, row);
    }
}

static void
on_save_clicked (SdCallDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *comment = NULL;
  gint64 id;

  update_state (self);
  if (self->score < 0)
    return;
  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));
  g_free (self->call->reference);
  self->call->reference = *reference != '\0' ? g_steal_pointer (&reference) : NULL;
  g_free (self->call->comment);
  self->call->comment = *comment != '\0' ? g_steal_pointer (&comment) : NULL;
  if (self->call->id == 0)
    {
      self->call->checklist_id = self->checklist->id;
      id = sd_store_people_add_call (self->store, self->call, &error);
    }
  else
    id = sd_store_people_update_call (self->store, self->call, &error) ? self->call->id : 0;
  if (id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sd_call_dialog_dispose (GObject *object)
{
  SdCallDialog *self = SD_CALL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_CALL_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_call_dialog_parent_class)->dispose (object);
}

static void
sd_call_dialog_finalize (GObject *object)
{
  SdCallDialog *self = SD_CALL_DIALOG (object);

  g_clear_pointer (&self->checklist, sd_checklist_free);
  g_clear_pointer (&self->call, sd_call_free);
  g_clear_pointer (&self->manager_ids, g_array_unref);

  G_OBJECT_CLASS (sd_call_dialog_parent_class)->finalize (object);
}

static void
sd_call_dialog_class_init (SdCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_call_dialog_dispose;
  object_class->finalize = sd_call_dialog_finalize;

  /**
   * SdCallDialog::saved:
   * @id: the stored call's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-call-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, score_label);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, score_bar);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SdCallDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
sd_call_dialog_init (SdCallDialog *self)
{
  self->manager_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->call = sd_call_new ();
  self->score = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdCallDialog *
sd_call_dialog_new (GtkWindow          *parent,
                    SdStore            *store,
                    const SdChecklist  *checklist,
                    GPtrArray          *managers,
                    gint64              manager_id,
                    const GDate        *date)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SdCallDialog *self;
  guint selected = 0;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (managers != NULL, NULL);

  self = g_object_new (SD_TYPE_CALL_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->checklist = sd_checklist_copy (checklist);
  self->checklist->id = checklist->id;
  g_clear_pointer (&self->call, sd_call_free);
  self->call = sd_call_new_for_checklist (self->checklist, manager_id, date);

  for (guint i = 0; i < managers->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (managers, i);

      if (m->id == manager_id)
        selected = i;
      gtk_string_list_append (names, m->name);
      g_array_append_val (self->manager_ids, m->id);
    }
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->manager_row, selected);
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = sd_date_format (date, sd_number_style_current ());

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
    }
  build_criteria (self);
  update_state (self);
  return self;
}

int
sd_call_dialog_get_score (SdCallDialog *self)
{
  g_return_val_if_fail (SD_IS_CALL_DIALOG (self), -1);

  return self->score;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

SdCallDialog *
sd_call_dialog_new_for_call (GtkWindow          *parent,
                             SdStore            *store,
                             const SdCall       *call,
                             const SdChecklist  *checklist,
                             GPtrArray          *managers)
{
  g_autoptr(SdChecklist) own = NULL;
  SdCallDialog *self;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (call != NULL, NULL);

  /* The criteria as they were scored, with today's descriptions where they still fit. */
  own = sd_checklist_new (SD_CHECKLIST_CALL, checklist != NULL ? checklist->name : "");
  for (guint i = 0; i < call->marks->len; i++)
    {
      const SdMark *m = g_ptr_array_index (call->marks, i);
      const SdCriterion *now = checklist != NULL ? sd_checklist_find (checklist, m->key, NULL) : NULL;
      SdCriterion *c = sd_checklist_add_criterion (own, m->key, m->name, m->weight, m->max_score);

      if (now != NULL && now->max_score == m->max_score)
        {
          sd_criterion_set_levels (c, (const char * const *) now->levels);
          sd_criterion_set_description (c, now->description);
        }
    }
  own->id = call->checklist_id;
  self = sd_call_dialog_new (parent, store, own, managers, call->manager_id, &call->date);
  gtk_window_set_title (GTK_WINDOW (self), _("Scored Call"));
  g_clear_pointer (&self->call, sd_call_free);
  self->call = sd_call_copy (call);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                         call->reference != NULL ? call->reference : "");
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row),
                         call->comment != NULL ? call->comment : "");
  for (guint i = 0; i < call->marks->len; i++)
    {
      const SdMark *m = g_ptr_array_index (call->marks, i);
      g_autofree char *name = NULL;
      GtkWidget *button;

      if (m->state == SD_MARK_SCORED)
        name = g_strdup_printf ("score-%s-%d", m->key, m->score);
      else if (m->state == SD_MARK_NOT_APPLICABLE)
        name = g_strdup_printf ("score-%s-na", m->key);
      else
        continue;
      button = find_named (GTK_WIDGET (self->criteria_group), name);
      if (button != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
  update_state (self);
  return self;
}
