/* sd-pipeline-dialog.c — adding or changing one expected payment
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-pipeline-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-pipeline-dialog.h"

struct _SdPipelineDialog
{
  AdwWindow       parent_instance;

  SdContext      *context;
  gint64          item_id;          /* 0 for a new payment */
  GArray         *manager_ids;      /* by position in the manager row */

  AdwEntryRow    *client_row;
  AdwComboRow    *manager_row;
  AdwEntryRow    *amount_row;
  AdwEntryRow    *date_row;
  GtkSpinButton  *probability_spin;
  AdwEntryRow    *note_row;
  GtkLabel       *error_label;
  GtkButton      *save_button;
};

G_DEFINE_FINAL_TYPE (SdPipelineDialog, sd_pipeline_dialog, ADW_TYPE_WINDOW)

static void
show_error (SdPipelineDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_changed (SdPipelineDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  show_error (self, NULL);
}

/* Reads the form; FALSE with the field marked and the reason shown. */
static gboolean
read_form (SdPipelineDialog *self,
           SdPipelineItem   *item)
{
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (self->manager_row);
  const char *client = gtk_editable_get_text (GTK_EDITABLE (self->client_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (position == GTK_INVALID_LIST_POSITION || position >= self->manager_ids->len)
    {
      show_error (self, _("Choose the manager the payment is expected from."));
      return FALSE;
    }
  item->payment.manager_id = g_array_index (self->manager_ids, gint64, position);

  if (!sd_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                       &item->payment.amount, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
      show_error (self, error->message);
      return FALSE;
    }
  if (!sd_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                      &item->payment.expected, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, error->message);
      return FALSE;
    }
  item->payment.probability = gtk_spin_button_get_value_as_int (self->probability_spin);
  item->client = *client != '\0' ? (char *) client : NULL;
  item->note = *note != '\0' ? (char *) note : NULL;
  return TRUE;
}

gboolean
sd_pipeline_dialog_save (SdPipelineDialog *self)
{
  SdStore *store = sd_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  SdPipelineItem item = { 0, };
  gboolean ok;

  g_return_val_if_fail (SD_IS_PIPELINE_DIALOG (self), FALSE);

  if (store == NULL || !read_form (self, &item))
    return FALSE;

  item.id = self->item_id;
  if (self->item_id == 0)
    ok = sd_store_add_pipeline_item (store, &item, &error) > 0;
  else
    ok = sd_store_update_pipeline_item (store, &item, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SdPipelineDialog *self)
{
  sd_pipeline_dialog_save (self);
}

static void
sd_pipeline_dialog_dispose (GObject *object)
{
  SdPipelineDialog *self = SD_PIPELINE_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->manager_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_PIPELINE_DIALOG);

  G_OBJECT_CLASS (sd_pipeline_dialog_parent_class)->dispose (object);
}

static void
sd_pipeline_dialog_class_init (SdPipelineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_pipeline_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SD_RESOURCE_PATH "/sd-pipeline-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, probability_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdPipelineDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_pipeline_dialog_init (SdPipelineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->manager_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
}

SdPipelineDialog *
sd_pipeline_dialog_new (SdContext            *context,
                        GtkWindow            *parent,
                        const SdPipelineItem *item)
{
  SdPipelineDialog *self;
  SdStore *store;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) staff = NULL;
  guint selected = 0;
  GDate today;

  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  self = g_object_new (SD_TYPE_PIPELINE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  gtk_window_set_title (GTK_WINDOW (self), item != NULL ? _("Edit Expected Payment")
                                                        : _("Add Expected Payment"));

  store = sd_context_get_store (context);
  if (store != NULL)
    staff = sd_store_list_staff (store, FALSE, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);

      gtk_string_list_append (names, member->name);
      g_array_append_val (self->manager_ids, member->id);
      if (item != NULL && member->id == item->payment.manager_id)
        selected = i;
    }
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->manager_row, selected);

  sd_context_get_today (context, &today);
  if (item != NULL)
    {
      g_autofree char *amount = sd_money_format (item->payment.amount,
                                                 sd_number_style_current (), NULL);
      g_autofree char *date = sd_date_format (&item->payment.expected,
                                              sd_number_style_current ());

      self->item_id = item->id;
      gtk_editable_set_text (GTK_EDITABLE (self->client_row), item->client ? item->client : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), item->note ? item->note : "");
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_spin_button_set_value (self->probability_spin, item->payment.probability);
    }
  else
    {
      g_autofree char *date = sd_date_format (&today, sd_number_style_current ());

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
    }
  show_error (self, NULL);

  return self;
}

void
sd_pipeline_dialog_fill (SdPipelineDialog *self,
                         const char       *client,
                         guint             manager_position,
                         const char       *amount,
                         const char       *date,
                         int               probability)
{
  g_return_if_fail (SD_IS_PIPELINE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->client_row), client);
  adw_combo_row_set_selected (self->manager_row, manager_position);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_spin_button_set_value (self->probability_spin, probability);
}

const char *
sd_pipeline_dialog_get_error (SdPipelineDialog *self)
{
  g_return_val_if_fail (SD_IS_PIPELINE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
