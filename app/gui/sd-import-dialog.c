/* sd-import-dialog.c — CSV import with a preview and the rejected rows first
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-csv.h"
#include "sd-import-dialog.h"
#include "sd-import.h"

/* A preview longer than this shows its first rows and says how many more. */
#define MAX_PREVIEW_ROWS 200

struct _SdImportDialog
{
  AdwWindow             parent_instance;

  SdContext            *context;
  SdImportKind          kind;
  GtkFileChooserNative *chooser;

  GtkButton            *import_button;
  GtkLabel             *summary_label;
  GtkLabel             *rejected_title;
  GtkListBox           *rejected_list;
  GtkLabel             *preview_title;
  GtkListBox           *preview_list;

  GPtrArray            *rows;        /* SdStaffMember*, SdFactRow* or SdPlanRow*; NULL if none */
  guint                 n_rejected;
  char                 *file_name;
};

G_DEFINE_FINAL_TYPE (SdImportDialog, sd_import_dialog, ADW_TYPE_WINDOW)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_line (GtkListBox *list,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

static void
show_result (SdImportDialog *self,
             const char     *summary,
             GPtrArray      *problems)
{
  gtk_label_set_text (self->summary_label, summary);

  clear_list (self->rejected_list);
  self->n_rejected = problems != NULL ? problems->len : 0;
  for (guint i = 0; problems != NULL && i < problems->len && i < MAX_PREVIEW_ROWS; i++)
    {
      const SdImportProblem *problem = g_ptr_array_index (problems, i);
      /* Translators: a rejected row of an import: "Line 4" */
      g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

      add_line (self->rejected_list, problem->message, line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_title), self->n_rejected > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_list), self->n_rejected > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_title), self->rows != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), self->rows != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            self->rows != NULL && self->rows->len > 0 && self->n_rejected == 0);
}

static char *
count_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
money (SdMoney value)
{
  return sd_money_format (value, sd_number_style_current (), NULL);
}

static void
fill_preview (SdImportDialog *self)
{
  clear_list (self->preview_list);

  for (guint i = 0; i < self->rows->len && i < MAX_PREVIEW_ROWS; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (self->kind == SD_IMPORT_STAFF)
        {
          SdStaffMember *member = g_ptr_array_index (self->rows, i);
          g_autofree char *hired = sd_date_format (&member->hired, sd_number_style_current ());

          title = g_strdup (member->name);
          /* Translators: role, then the hire date */
          subtitle = g_strdup_printf (_("%s, hired %s"), sd_role_get_label (member->role), hired);
        }
      else if (self->kind == SD_IMPORT_FACTS)
        {
          SdFactRow *row = g_ptr_array_index (self->rows, i);
          g_autofree char *month = sd_month_format_label (row->fact.month);
          g_autofree char *revenue = money (row->fact.revenue);
          g_autofree char *paid = money (row->fact.paid);

          title = g_strdup_printf ("%s — %s", row->manager, month);
          {
            g_autofree char *deals = count_text (row->fact.deals);
            g_autofree char *leads = count_text (row->fact.leads);
            g_autofree char *calls = count_text (row->fact.calls);

            /* Translators: the figures of one imported row of facts */
            subtitle = g_strdup_printf (_("revenue %s, paid %s, %s deals, %s leads, %s calls"),
                                        revenue, paid, deals, leads, calls);
          }
        }
      else
        {
          SdPlanRow *row = g_ptr_array_index (self->rows, i);
          g_autofree char *month = sd_month_format_label (row->entry.month);
          g_autofree char *revenue = money (row->entry.revenue);

          title = g_strdup_printf ("%s — %s", row->manager != NULL ? row->manager
                                                                   : _("Department target"),
                                   month);
          {
            g_autofree char *leads = count_text (row->entry.leads);
            g_autofree char *deals = count_text (row->entry.deals);

            /* Translators: the figures of one imported row of a plan */
            subtitle = g_strdup_printf (_("revenue %s, %s leads, %s deals"), revenue, leads,
                                        deals);
          }
        }
      add_line (self->preview_list, title, subtitle);
    }

  if (self->rows->len > MAX_PREVIEW_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %u more row",
                                                            "… and %u more rows",
                                                            self->rows->len - MAX_PREVIEW_ROWS),
                                               self->rows->len - MAX_PREVIEW_ROWS);

      add_line (self->preview_list, more, NULL);
    }
}

void
sd_import_dialog_load_file (SdImportDialog *self,
                            GFile          *file)
{
  SdStore *store = sd_context_get_store (self->context);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SdCsv) csv = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  gsize length = 0;

  g_return_if_fail (SD_IS_IMPORT_DIALOG (self));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      /* Translators: a file name, then why it cannot be read */
      g_autofree char *text = g_strdup_printf (_("«%s» cannot be read: %s"), self->file_name,
                                               error->message);
      show_result (self, text, NULL);
      return;
    }

  csv = sd_csv_parse (data, length, &error);
  if (csv == NULL)
    {
      g_autofree char *text = g_strdup_printf ("«%s»: %s", self->file_name, error->message);

      show_result (self, text, NULL);
      return;
    }

  if (self->kind == SD_IMPORT_STAFF)
    self->rows = sd_import_staff_csv (csv, &problems, &error);
  else if (self->kind == SD_IMPORT_FACTS)
    self->rows = sd_import_facts_csv (csv, &problems, &error);
  else
    self->rows = sd_import_plan_csv (csv, &problems, &error);

  /* Names the company does not have are rejected rows too, before anything is written. */
  if (self->rows != NULL && self->kind != SD_IMPORT_STAFF && store != NULL)
    {
      staff = sd_store_list_staff (store, TRUE, &error);
      if (staff != NULL)
        {
          g_autoptr(GHashTable) ids = sd_import_staff_ids (staff);
          gboolean resolved = self->kind == SD_IMPORT_FACTS
                              ? sd_import_resolve_facts (self->rows, ids, &problems, &error)
                              : sd_import_resolve_plan (self->rows, ids, &problems, &error);

          if (!resolved)
            g_clear_pointer (&self->rows, g_ptr_array_unref);
        }
      else
        g_clear_pointer (&self->rows, g_ptr_array_unref);
    }

  if (self->rows == NULL)
    {
      g_autofree char *text = g_strdup_printf ("«%s»: %s", self->file_name, error->message);

      show_result (self, text, problems);
      return;
    }

  fill_preview (self);
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "«%s»: %u row is ready to import. Nothing is written until "
                                    "you press Import; one Undo takes it back.",
                                    "«%s»: %u rows are ready to import. Nothing is written until "
                                    "you press Import; one Undo takes them back.",
                                    self->rows->len),
                       self->file_name, self->rows->len);

    show_result (self, text, NULL);
  }
}

gboolean
sd_import_dialog_import (SdImportDialog *self)
{
  SdStore *store = sd_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SD_IS_IMPORT_DIALOG (self), FALSE);

  if (store == NULL || !sd_import_dialog_can_import (self))
    return FALSE;

  if (self->kind == SD_IMPORT_STAFF)
    ok = sd_store_import_staff (store, self->rows, NULL, NULL, &error);
  else if (self->kind == SD_IMPORT_FACTS)
    {
      g_autoptr(GArray) facts = g_array_sized_new (FALSE, TRUE, sizeof (SdFact), self->rows->len);

      for (guint i = 0; i < self->rows->len; i++)
        g_array_append_val (facts, ((SdFactRow *) g_ptr_array_index (self->rows, i))->fact);
      ok = sd_store_import_facts (store, (const SdFact *) facts->data, facts->len, NULL, &error);
    }
  else
    {
      g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (SdPlanEntry),
                                                     self->rows->len);

      for (guint i = 0; i < self->rows->len; i++)
        g_array_append_val (entries, ((SdPlanRow *) g_ptr_array_index (self->rows, i))->entry);
      ok = sd_store_import_plan (store, (const SdPlanEntry *) entries->data, entries->len, NULL,
                                 NULL, &error);
    }

  if (!ok)
    {
      /* The store refused a row (say, a month outside someone's employment): nothing was
       * written. */
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

gboolean
sd_import_dialog_can_import (SdImportDialog *self)
{
  g_return_val_if_fail (SD_IS_IMPORT_DIALOG (self), FALSE);

  return self->rows != NULL && self->rows->len > 0 && self->n_rejected == 0;
}

guint
sd_import_dialog_get_n_rows (SdImportDialog *self)
{
  g_return_val_if_fail (SD_IS_IMPORT_DIALOG (self), 0);

  return self->rows != NULL ? self->rows->len : 0;
}

guint
sd_import_dialog_get_n_rejected (SdImportDialog *self)
{
  g_return_val_if_fail (SD_IS_IMPORT_DIALOG (self), 0);

  return self->n_rejected;
}

static void
on_import_clicked (SdImportDialog *self)
{
  sd_import_dialog_import (self);
}

static void
on_chooser_response (SdImportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sd_import_dialog_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (SdImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sd_import_dialog_dispose (GObject *object)
{
  SdImportDialog *self = SD_IMPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (sd_import_dialog_parent_class)->dispose (object);
}

static void
sd_import_dialog_class_init (SdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SD_RESOURCE_PATH "/sd-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SdImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdImportDialog, rejected_title);
  gtk_widget_class_bind_template_child (widget_class, SdImportDialog, rejected_list);
  gtk_widget_class_bind_template_child (widget_class, SdImportDialog, preview_title);
  gtk_widget_class_bind_template_child (widget_class, SdImportDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_import_dialog_init (SdImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdImportDialog *
sd_import_dialog_new (SdContext    *context,
                      GtkWindow    *parent,
                      SdImportKind  kind)
{
  static const char *titles[] = {
    N_("Import Staff"), N_("Import Facts"), N_("Import a Plan"),
  };
  static const char *hints[] = {
    N_("Choose a CSV file with the columns manager, role, hired, left, scheme."),
    N_("Choose a CSV file with the columns month, manager, revenue, paid, margin, deals, "
       "leads, calls."),
    N_("Choose a CSV file with the columns month, manager, revenue, leads, deals; an empty "
       "manager is the department's target. It becomes a new current plan version."),
  };
  SdImportDialog *self;

  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kind <= SD_IMPORT_PLAN, NULL);

  self = g_object_new (SD_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->kind = kind;
  gtk_window_set_title (GTK_WINDOW (self), _(titles[kind]));
  gtk_label_set_text (self->summary_label, _(hints[kind]));
  return self;
}
