/* sd-schemes-page.c — motivation schemes of the department: edit, assign, import, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-schemes-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-scheme-editor.h"
#include "sd-scheme-json.h"
#include "sd-scheme-library.h"
#include "sd-schemes-page.h"

struct _SdSchemesPage
{
  SdPage          parent_instance;

  /* Read from the file when the page is shown, not on every change elsewhere. */

  GtkLabel       *status;
  GtkListBox     *list;
  GMenu          *new_menu;
  SdSchemeEditor *editor;   /* weak: the editor open now */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SdSchemesPage, sd_schemes_page, SD_TYPE_PAGE)

static void
show_status (SdSchemesPage *self,
             const char    *text)
{
  gtk_label_set_label (self->status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text != '\0');
}

/* A short message in the window's toast overlay (outside a window, in the debug log). */
static void
toast (SdSchemesPage *self,
       const char    *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_debug ("%s", text);
}

static GtkWindow *
parent_window (SdSchemesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gint64
button_scheme_id (gpointer button)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "scheme-id"));
}

/* --- the editor --- */

/* The plan of this month the curve is best drawn for: the department's for a team scheme,
 * else the average plan of the managers paid by the scheme (of every manager when nobody
 * is on it yet); 0 when the month has no plan. */
static SdMoney
typical_plan (SdSchemesPage  *self,
              gint64          id,
              SdSchemeScope   scope)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) assignments = NULL;
  g_autoptr(GHashTable) scheme_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  SdMoney department = 0, managers = 0, on_scheme = 0;
  guint n_managers = 0, n_on_scheme = 0;
  SdMonth month;
  GDate today;

  sd_context_get_today (sd_page_get_context (SD_PAGE (self)), &today);
  month = sd_month_from_date (&today);
  plan = sd_store_list_plan (store, month, month, NULL);
  assignments = sd_store_list_scheme_assignments (store, 0, NULL);
  if (plan == NULL || assignments == NULL)
    return 0;
  /* By manager then month: the last one from this month or earlier pays the month. */
  for (guint i = 0; i < assignments->len; i++)
    {
      SdSchemeAssignment *a = &g_array_index (assignments, SdSchemeAssignment, i);

      if (a->from <= month)
        g_hash_table_insert (scheme_of, &a->manager_id, &a->scheme_id);
    }
  for (guint i = 0; i < plan->len; i++)
    {
      const SdPlanEntry *e = &g_array_index (plan, SdPlanEntry, i);
      const gint64 *scheme_id;

      if (e->manager_id == 0)
        {
          department += e->revenue;
          continue;
        }
      managers += e->revenue;
      n_managers++;
      scheme_id = g_hash_table_lookup (scheme_of, &e->manager_id);
      if (id != 0 && scheme_id != NULL && *scheme_id == id)
        {
          on_scheme += e->revenue;
          n_on_scheme++;
        }
    }
  if (scope == SD_SCOPE_TEAM)
    return department > 0 ? department : managers;
  if (n_on_scheme > 0)
    return sd_div_round (on_scheme, n_on_scheme);
  return n_managers > 0 ? sd_div_round (managers, n_managers) : 0;
}

static void
open_editor (SdSchemesPage  *self,
             gint64          id,
             const SdScheme *scheme)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(SdSchemeEntry) entry = NULL;
  SdSchemeEditor *editor;
  SdMoney plan;

  if (store == NULL)
    return;
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  if (scheme == NULL && (entry = sd_store_get_scheme (store, id, NULL)) != NULL)
    scheme = entry->scheme;
  editor = sd_scheme_editor_new (parent_window (self), store, id, scheme);
  /* Whole rubles read better in the field. */
  plan = typical_plan (self, id, scheme != NULL ? scheme->scope : SD_SCOPE_PERSONAL);
  if (plan >= 100)
    sd_scheme_editor_set_curve_plan (editor, plan / 100 * 100);
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

/* A name not used yet: "Name", "Name (2)" … */
static char *
free_name (SdSchemesPage *self,
           const char    *name)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  char *candidate = g_strdup (name);

  for (guint n = 2; store != NULL && sd_store_find_scheme (store, candidate) != 0; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s (%u)", name, n);
    }
  return candidate;
}

static void
on_new_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SdSchemesPage *self = user_data;
  gint32 index = g_variant_get_int32 (parameter);
  g_autoptr(SdScheme) scheme = NULL;

  if (index >= 0)
    scheme = sd_scheme_library_create ((guint) index);
  if (scheme == NULL)
    {
      scheme = sd_scheme_new ();
      g_free (scheme->name);
      scheme->name = g_strdup (_("New scheme"));
      sd_scheme_add_tier (scheme, 0, 3 * SD_FIX_ONE);
    }
  {
    char *name = free_name (self, scheme->name);

    g_free (scheme->name);
    scheme->name = name;
  }
  open_editor (self, 0, scheme);
}

static void
on_edit_clicked (GtkButton     *button,
                 SdSchemesPage *self)
{
  open_editor (self, button_scheme_id (button), NULL);
}

static void
on_duplicate_clicked (GtkButton     *button,
                      SdSchemesPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gint64 id = button_scheme_id (button);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSchemeEntry) entry = NULL;
  g_autoptr(SdScheme) copy = NULL;
  g_autofree char *wanted = NULL;

  if (store == NULL)
    return;
  entry = sd_store_get_scheme (store, id, &error);
  if (entry == NULL)
    {
      show_status (self, error->message);
      return;
    }
  copy = sd_scheme_copy (entry->scheme);
  /* Translators: the name of a copy of a scheme. */
  wanted = g_strdup_printf (_("%s (copy)"), entry->scheme->name);
  g_free (copy->name);
  copy->name = free_name (self, wanted);
  if (sd_store_add_scheme (store, copy, &error) == 0)
    show_status (self, error->message);
}

/* --- removing --- */

static gboolean
remove_scheme_and_assignments (SdSchemesPage  *self,
                               gint64          id,
                               GError        **error)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GArray) all = sd_store_list_scheme_assignments (store, 0, error);

  if (all == NULL)
    return FALSE;
  /* Translators: an undo step, "Undo Delete scheme" */
  if (!sd_store_begin (store, _("Delete scheme"), error))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      const SdSchemeAssignment *a = &g_array_index (all, SdSchemeAssignment, i);

      if (a->scheme_id == id && !sd_store_unassign_scheme (store, a->manager_id, a->from, error))
        {
          sd_store_rollback (store);
          return FALSE;
        }
    }
  if (!sd_store_remove_scheme (store, id, error))
    {
      sd_store_rollback (store);
      return FALSE;
    }
  return sd_store_commit (store, error);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SdSchemesPage    *self)
{
  gint64 id = button_scheme_id (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || sd_page_get_store (SD_PAGE (self)) == NULL)
    return;
  show_status (self, NULL);
  if (!remove_scheme_and_assignments (self, id, &error))
    {
      /* Translators: why a scheme could not be deleted follows. */
      g_autofree char *text = g_strdup_printf (_("The scheme was not deleted: %s"), error->message);

      show_status (self, text);
    }
  else
    toast (self, _("Scheme deleted. Undo brings it back."));
}

static void
on_remove_clicked (GtkButton     *button,
                   SdSchemesPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gint64 id = button_scheme_id (button);
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "n-assigned"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSchemeEntry) entry = NULL;
  GtkWidget *dialog;

  if (store == NULL)
    return;
  show_status (self, NULL);
  if (n == 0)
    {
      /* Nobody is paid by it: undo is enough of a safety net. */
      if (!sd_store_remove_scheme (store, id, &error))
        show_status (self, error->message);
      else
        toast (self, _("Scheme deleted. Undo brings it back."));
      return;
    }
  entry = sd_store_get_scheme (store, id, &error);
  if (entry == NULL)
    {
      show_status (self, error->message);
      return;
    }
  dialog = adw_message_dialog_new (parent_window (self), _("Delete an Assigned Scheme?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %s is a scheme, %u how many managers are on it. */
                                               "«%s» pays %u manager. Deleting it also removes the assignment: open months will have no scheme for them. Closed months keep what they paid.",
                                               "«%s» pays %u managers. Deleting it also removes their assignments: open months will have no scheme for them. Closed months keep what they paid.",
                                               n),
                                  entry->scheme->name, n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "scheme-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- assignments --- */

static void
on_unassign_clicked (GtkButton     *button,
                     SdSchemesPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gint64 manager = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "manager-id"));
  SdMonth from = (SdMonth) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "from"));
  g_autoptr(GError) error = NULL;

  if (store != NULL && !sd_store_unassign_scheme (store, manager, from, &error))
    show_status (self, error->message);
}

static void
on_assign_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SdSchemesPage    *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  GtkDropDown *who = g_object_get_data (G_OBJECT (dialog), "who");
  GtkDropDown *month = g_object_get_data (G_OBJECT (dialog), "month");
  GtkSpinButton *year = g_object_get_data (G_OBJECT (dialog), "year");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint selected = gtk_drop_down_get_selected (who);
  g_autoptr(GError) error = NULL;
  SdMonth from;

  if (g_strcmp0 (response, "assign") != 0 || store == NULL || selected >= ids->len)
    return;
  from = sd_month_make (gtk_spin_button_get_value_as_int (year),
                        (int) gtk_drop_down_get_selected (month) + 1);
  if (!sd_store_assign_scheme (store, g_array_index (ids, gint64, selected),
                               button_scheme_id (dialog), from, &error))
    show_status (self, error->message);
  else
    show_status (self, NULL);
}

static void
on_assign_clicked (GtkButton     *button,
                   SdSchemesPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gint64 id = button_scheme_id (button);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(SdSchemeEntry) entry = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *dialog, *box, *when, *who, *month, *year;
  GDate today;

  if (store == NULL)
    return;
  staff = sd_store_list_staff (store, FALSE, &error);
  entry = staff != NULL ? sd_store_get_scheme (store, id, &error) : NULL;
  if (entry == NULL)
    {
      g_array_unref (ids);
      show_status (self, error->message);
      return;
    }
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (staff, i);

      gtk_string_list_append (names, m->name);
      g_array_append_val (ids, m->id);
    }
  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *label = sd_month_format_label (sd_month_make (2000, m));
      char *space = strrchr (label, ' ');

      /* "Март 2000" → "Март". */
      if (space != NULL)
        *space = '\0';
      gtk_string_list_append (months, label);
    }
  sd_context_get_today (sd_page_get_context (SD_PAGE (self)), &today);

  who = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (who), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Manager"), -1);
  month = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (months)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (month), g_date_get_month (&today) - 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (month), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From month"), -1);
  year = gtk_spin_button_new_with_range (2000, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), g_date_get_year (&today));
  gtk_accessible_update_property (GTK_ACCESSIBLE (year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year"), -1);
  when = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (when), gtk_label_new (_("from")));
  gtk_box_append (GTK_BOX (when), month);
  gtk_box_append (GTK_BOX (when), year);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), when);

  dialog = adw_message_dialog_new (parent_window (self), _("Assign the Scheme"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a scheme's name. */
                                  _("The manager is paid by «%s» from the chosen month on, until another scheme is assigned. Earlier months keep the scheme they had."),
                                  entry->scheme->name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "assign",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign", ids->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "scheme-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (dialog), "who", who);
  g_object_set_data (G_OBJECT (dialog), "month", month);
  g_object_set_data (G_OBJECT (dialog), "year", year);
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- JSON --- */

gboolean
sd_schemes_page_export_file (SdSchemesPage  *self,
                             gint64          scheme_id,
                             GFile          *file,
                             GError        **error)
{
  SdStore *store;
  g_autoptr(SdSchemeEntry) entry = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *json = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SD_IS_SCHEMES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  store = sd_page_get_store (SD_PAGE (self));

  base = g_file_get_basename (file);
  if (store == NULL)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED, _("No company is open."));
      return FALSE;
    }
  entry = sd_store_get_scheme (store, scheme_id, &local);
  if (entry != NULL)
    json = sd_scheme_to_json (entry->scheme);
  /* g_file_replace_contents writes beside the file and renames: an old file stays whole. */
  if (json == NULL ||
      !g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &local))
    {
      /* Translators: a file name, then why the scheme could not be written to it. */
      g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID,
                   _("The scheme was not exported to «%s»: %s"), base,
                   local != NULL ? local->message : "");
      return FALSE;
    }
  /* Translators: %s is a file name. */
  text = g_strdup_printf (_("Scheme exported to %s"), base);
  toast (self, text);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    SdSchemesPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      show_status (self, NULL);
      if (!sd_schemes_page_export_file (self, button_scheme_id (chooser), file, &error))
        show_status (self, error->message);
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked (GtkButton     *button,
                   SdSchemesPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gint64 id = button_scheme_id (button);
  g_autoptr(SdSchemeEntry) entry = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (store == NULL || (entry = sd_store_get_scheme (store, id, NULL)) == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Scheme"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Scheme (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdelimit (g_strconcat (entry->scheme->name, ".json", NULL), "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "scheme-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Reads a scheme.json and adds it (or replaces the scheme of the same name) in one undo step.
 * Nothing changes on error. */
gboolean
sd_schemes_page_import_file (SdSchemesPage  *self,
                             GFile          *file,
                             GError        **error)
{
  SdStore *store;
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(SdScheme) scheme = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *base = NULL;
  gboolean replaced = FALSE;

  g_return_val_if_fail (SD_IS_SCHEMES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  store = sd_page_get_store (SD_PAGE (self));

  base = g_file_get_basename (file);
  if (store == NULL)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED, _("No company is open."));
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &text, &length, NULL, &local) ||
      (scheme = sd_scheme_from_json (text, (gssize) length, &local)) == NULL ||
      sd_store_import_scheme (store, scheme, &replaced, &local) == 0)
    {
      /* Translators: a file name, then why it cannot be imported. */
      g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID,
                   _("«%s» was not imported: %s"), base, local->message);
      return FALSE;
    }
  {
    g_autofree char *msg = replaced
      /* Translators: %s is a scheme's name. */
      ? g_strdup_printf (_("Scheme «%s» replaced by the imported one"), scheme->name)
      : g_strdup_printf (_("Scheme «%s» imported"), scheme->name);

    show_status (self, NULL);
    toast (self, msg);
  }
  return TRUE;
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    SdSchemesPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!sd_schemes_page_import_file (self, file, &error))
        show_status (self, error->message);
    }
  g_clear_object (&self->chooser);
}

static void
on_import_clicked (SdSchemesPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (sd_page_get_store (SD_PAGE (self)) == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import a Scheme"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Scheme (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- the list --- */

/* How many managers are on the scheme now or from some month on. */
static guint
count_assigned (GArray *assignments,
                gint64  scheme_id)
{
  g_autoptr(GHashTable) managers = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      SdSchemeAssignment *a = &g_array_index (assignments, SdSchemeAssignment, i);

      if (a->scheme_id == scheme_id)
        g_hash_table_add (managers, &a->manager_id);
    }
  return g_hash_table_size (managers);
}

static GtkWidget *
row_button (SdSchemesPage *self,
            const char    *icon,
            const char    *tooltip,
            gint64         scheme_id,
            GCallback      callback)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  g_object_set_data (G_OBJECT (b), "scheme-id", GSIZE_TO_POINTER ((gsize) scheme_id));
  g_signal_connect_object (b, "clicked", callback, self, 0);
  return b;
}

static void
add_assignment_rows (SdSchemesPage *self,
                     AdwExpanderRow *row,
                     gint64          scheme_id,
                     GArray         *assignments,
                     GHashTable     *names)
{
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      const SdSchemeAssignment *a = &g_array_index (assignments, SdSchemeAssignment, i);
      const SdSchemeAssignment *next = NULL;
      const char *name;
      g_autofree char *from = NULL;
      g_autofree char *when = NULL;
      GtkWidget *line, *rm;

      if (a->scheme_id != scheme_id)
        continue;
      /* Listed by manager then month: the next one of the same manager ends this one. */
      if (i + 1 < assignments->len &&
          g_array_index (assignments, SdSchemeAssignment, i + 1).manager_id == a->manager_id)
        next = &g_array_index (assignments, SdSchemeAssignment, i + 1);
      name = g_hash_table_lookup (names, &a->manager_id);
      from = sd_month_format_label (a->from);
      if (next != NULL)
        {
          g_autofree char *until = sd_month_format_label (next->from - 1);

          /* Translators: the months a scheme pays a manager, "from March 2026 to May 2026". */
          when = g_strdup_printf (_("from %s to %s"), from, until);
        }
      else
        /* Translators: "from March 2026" (and on). */
        when = g_strdup_printf (_("from %s"), from);
      line = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), name != NULL ? name : "?");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (line), when);
      rm = row_button (self, "list-remove-symbolic", _("Remove the Assignment"), scheme_id,
                       G_CALLBACK (on_unassign_clicked));
      g_object_set_data (G_OBJECT (rm), "manager-id", GSIZE_TO_POINTER ((gsize) a->manager_id));
      g_object_set_data (G_OBJECT (rm), "from", GINT_TO_POINTER ((int) a->from));
      adw_action_row_add_suffix (ADW_ACTION_ROW (line), rm);
      adw_expander_row_add_row (row, line);
    }
  {
    GtkWidget *line = adw_action_row_new ();
    GtkWidget *assign = row_button (self, "list-add-symbolic", _("Assign to a Manager…"),
                                    scheme_id, G_CALLBACK (on_assign_clicked));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), _("Assign to a manager from a month…"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (line), assign);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (line), assign);
    adw_expander_row_add_row (row, line);
  }
}

static void
sd_schemes_page_reload (SdPage *page)
{
  SdSchemesPage *self = SD_SCHEMES_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = NULL;
  g_autoptr(GArray) assignments = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (store == NULL)
    return;

  schemes = sd_store_list_schemes (store, &error);
  if (schemes == NULL)
    {
      show_status (self, error->message);
      return;
    }
  assignments = sd_store_list_scheme_assignments (store, 0, NULL);
  staff = sd_store_list_staff (store, TRUE, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SdStaffMember *m = g_ptr_array_index (staff, i);

      g_hash_table_insert (names, &m->id, m->name);
    }

  for (guint i = 0; i < schemes->len; i++)
    {
      SdSchemeEntry *entry = g_ptr_array_index (schemes, i);
      guint n = count_assigned (assignments, entry->id);
      g_autofree char *who = n == 0
        ? g_strdup (_("nobody is on it"))
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u manager", "%u managers", n), n);
      /* Translators: base of the commission · mode · who is on the scheme. */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                   sd_scheme_base_get_label (entry->scheme->base),
                                                   sd_commission_mode_get_label (entry->scheme->mode),
                                                   who);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *rm;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->scheme->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      /* Actions are shown in the reverse order of adding: Edit first, Remove last. */
      rm = row_button (self, "user-trash-symbolic", _("Remove"), entry->id,
                       G_CALLBACK (on_remove_clicked));
      g_object_set_data (G_OBJECT (rm), "n-assigned", GUINT_TO_POINTER (n));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), rm);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button (self, "edit-copy-symbolic", _("Duplicate"),
                                               entry->id, G_CALLBACK (on_duplicate_clicked)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button (self, "document-save-as-symbolic",
                                               _("Export to JSON…"), entry->id,
                                               G_CALLBACK (on_export_clicked)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button (self, "document-edit-symbolic", _("Edit"),
                                               entry->id, G_CALLBACK (on_edit_clicked)));
      add_assignment_rows (self, ADW_EXPANDER_ROW (row), entry->id, assignments, names);
      gtk_list_box_append (self->list, row);
    }
}

static void
on_add_typical_clicked (SdSchemesPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GPtrArray) all = sd_scheme_library_create_all ();

  if (store == NULL)
    return;
  show_status (self, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SdScheme *scheme = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;

      if (sd_store_find_scheme (store, scheme->name) != 0)
        continue;
      if (sd_store_add_scheme (store, scheme, &error) == 0)
        {
          show_status (self, error->message);
          return;
        }
    }
}

static void
sd_schemes_page_store_replaced (SdPage  *page,
                                SdStore *store)
{
  SdSchemesPage *self = SD_SCHEMES_PAGE (page);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  show_status (self, NULL);
}

static void
sd_schemes_page_dispose (GObject *object)
{
  SdSchemesPage *self = SD_SCHEMES_PAGE (object);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);
  g_clear_object (&self->chooser);
  g_clear_object (&self->new_menu);

  G_OBJECT_CLASS (sd_schemes_page_parent_class)->dispose (object);
}

static void
sd_schemes_page_class_init (SdSchemesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sd_schemes_page_dispose;
  SD_PAGE_CLASS (klass)->reload = sd_schemes_page_reload;
  SD_PAGE_CLASS (klass)->store_replaced = sd_schemes_page_store_replaced;
  /* Staff names and dates show in the assignments. */
  SD_PAGE_CLASS (klass)->reload_on = SD_STORE_CHANGED_SCHEMES | SD_STORE_CHANGED_STAFF;
}

static void
sd_schemes_page_init (SdSchemesPage *self)
{
  static const GActionEntry entries[] = {
    { "new", on_new_activated, "i", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPtrArray) library = sd_scheme_library_create_all ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Motivation Schemes"));
  GtkWidget *new_button = gtk_menu_button_new ();
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import…"));
  GtkWidget *add = gtk_button_new_with_label (_("Add Typical Schemes"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GMenu *typical = g_menu_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "schemes", G_ACTION_GROUP (group));
  self->new_menu = g_menu_new ();
  for (guint i = 0; i < library->len; i++)
    {
      const SdScheme *scheme = g_ptr_array_index (library, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (scheme->name, NULL);

      g_menu_item_set_action_and_target_value (item, "schemes.new", g_variant_new_int32 ((gint32) i));
      g_menu_append_item (typical, item);
    }
  {
    g_autoptr(GMenuItem) empty = g_menu_item_new (_("Empty Scheme"), NULL);

    g_menu_item_set_action_and_target_value (empty, "schemes.new", g_variant_new_int32 (-1));
    g_menu_append_item (self->new_menu, empty);
  }
  g_menu_append_section (self->new_menu, _("From a Typical Scheme"), G_MENU_MODEL (typical));
  g_object_unref (typical);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (new_button), _("New Scheme"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (new_button), G_MENU_MODEL (self->new_menu));
  gtk_widget_add_css_class (new_button, "suggested-action");

  gtk_widget_add_css_class (title, "title-3");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_tooltip_text (import, _("Adds a scheme from a scheme.json file, or replaces the scheme of the same name"));
  gtk_widget_set_tooltip_text (add, _("Adds the typical schemes from the library that the company does not have yet"));
  gtk_box_append (GTK_BOX (bar), title);
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (bar), import);
  gtk_box_append (GTK_BOX (bar), new_button);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_selectable (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroller);

  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_typical_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (import, "clicked", G_CALLBACK (on_import_clicked), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
sd_schemes_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_SCHEMES_PAGE, "context", context, NULL);
}

SdSchemeEditor *
sd_schemes_page_get_editor (SdSchemesPage *self)
{
  g_return_val_if_fail (SD_IS_SCHEMES_PAGE (self), NULL);
  return self->editor;
}
