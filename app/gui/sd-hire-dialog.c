/* sd-hire-dialog.c — new dates for a planned hire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-hire-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-hire-dialog.h"
#include "sd-store-hiring.h"

struct _SdHireDialog
{
  AdwWindow      parent_instance;

  SdStore       *store;
  SdPlannedHire  hire;
  int            time_to_hire_weeks;
  gboolean       updating;
  gboolean       search_edited;   /* by hand: stop following the first day */

  GtkEntry      *start_entry;
  GtkEntry      *search_entry;
  GtkLabel      *hint_label;
  GtkLabel      *error_label;
  GtkButton     *save_button;
};

G_DEFINE_FINAL_TYPE (SdHireDialog, sd_hire_dialog, ADW_TYPE_WINDOW)

static void
set_entry_date (SdHireDialog *self,
                GtkEntry     *entry,
                const GDate  *date)
{
  g_autofree char *text = sd_date_format (date, sd_number_style_current ());

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->updating = FALSE;
}

static void
show_error (SdHireDialog *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_start_changed (SdHireDialog *self)
{
  GDate start, search;

  if (self->updating)
    return;
  show_error (self, NULL);
  if (self->search_edited ||
      !sd_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_entry)), &start, NULL))
    return;
  search = start;
  g_date_subtract_days (&search, (guint) MAX (self->time_to_hire_weeks, 0) * 7);
  set_entry_date (self, self->search_entry, &search);
}

static void
on_search_changed (SdHireDialog *self)
{
  if (self->updating)
    return;
  show_error (self, NULL);
  self->search_edited = TRUE;
}

static void
on_cancel_clicked (SdHireDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
sd_hire_dialog_save (SdHireDialog *self)
{
  g_autoptr(GError) error = NULL;
  GDate start, search;

  g_return_val_if_fail (SD_IS_HIRE_DIALOG (self), FALSE);

  if (!sd_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_entry)), &start, &error))
    {
      g_autofree char *text = g_strdup_printf (_("First working day: %s"), error->message);

      show_error (self, text);
      return FALSE;
    }
  if (!sd_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &search, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Search starts: %s"), error->message);

      show_error (self, text);
      return FALSE;
    }
  if (!sd_store_set_planned_hire_dates (self->store, self->hire.id, &search, &start, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SdHireDialog *self)
{
  sd_hire_dialog_save (self);
}

static void
sd_hire_dialog_dispose (GObject *object)
{
  SdHireDialog *self = SD_HIRE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_HIRE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_hire_dialog_parent_class)->dispose (object);
}

static void
sd_hire_dialog_class_init (SdHireDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sd_hire_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-hire-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdHireDialog, start_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHireDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHireDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SdHireDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdHireDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_hire_dialog_init (SdHireDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->start_entry));
}

SdHireDialog *
sd_hire_dialog_new (GtkWindow            *parent,
                    SdStore              *store,
                    const SdPlannedHire  *hire,
                    int                   time_to_hire_weeks)
{
  SdHireDialog *self;
  g_autofree char *hint = NULL;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (hire != NULL, NULL);

  self = g_object_new (SD_TYPE_HIRE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->hire = *hire;
  self->time_to_hire_weeks = time_to_hire_weeks;
  set_entry_date (self, self->start_entry, &hire->start);
  set_entry_date (self, self->search_entry, &hire->search_start);
  hint = g_strdup_printf (ngettext ("The search starts %d week before the first working day unless you change it. Saving marks the hire as accepted with other dates.",
                                    "The search starts %d weeks before the first working day unless you change it. Saving marks the hire as accepted with other dates.",
                                    time_to_hire_weeks),
                          time_to_hire_weeks);
  gtk_label_set_label (self->hint_label, hint);

  return self;
}

GtkEditable *
sd_hire_dialog_get_start_entry (SdHireDialog *self)
{
  g_return_val_if_fail (SD_IS_HIRE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->start_entry);
}

GtkEditable *
sd_hire_dialog_get_search_entry (SdHireDialog *self)
{
  g_return_val_if_fail (SD_IS_HIRE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}
