/* sd-window.c — the main window: one company file, its sections and the primary menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-company-page.h"
#include "sd-staff-page.h"
#ifdef SD_HAVE_PLAN_PAGE
#include "sd-plan-page.h"
#endif
#ifdef SD_HAVE_FACTS_PAGE
#include "sd-facts-page.h"
#endif
#ifdef SD_HAVE_PLAN_FACT_PAGE
#include "sd-plan-fact-page.h"
#endif
#ifdef SD_HAVE_FORECAST_PAGE
#include "sd-forecast-page.h"
#endif
#ifdef SD_HAVE_REPORT_PAGE
#include "sd-report-page.h"
#endif
#ifdef SD_HAVE_SCHEMES_PAGE
#include "sd-schemes-page.h"
#endif
#ifdef SD_HAVE_PAYROLL_PAGE
#include "sd-payroll-page.h"
#endif
#ifdef SD_HAVE_HIRING_PAGE
#include "sd-hiring-page.h"
#endif
#ifdef SD_HAVE_PEOPLE_PAGE
#include "sd-people-page.h"
#endif
#include "sd-window-private.h"

#define SD_FILE_SUFFIX ".salesdesk"

struct _SdWindow
{
  AdwApplicationWindow  parent_instance;

  SdContext            *context;
  /* The context's store we listen to. */
  SdStore              *store;

  /* Open while the person chooses a file. */
  GtkFileChooserNative *chooser;
  /* Open while it is shown; weak. */
  AdwMessageDialog     *error_dialog;

  SdStaffPage          *staff_page;
  SdCompanyPage        *company_page;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *window_stack;
  AdwLeaflet           *leaflet;
  GtkStack             *content_stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *content;
  GMenu                *recent_menu;
};

G_DEFINE_FINAL_TYPE (SdWindow, sd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_file_get_parse_name (file);
}

static void
set_action_enabled (SdWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
sd_window_add_toast (SdWindow   *self,
                     const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
sd_window_show_error (SdWindow   *self,
                      const char *heading,
                      const char *body)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_set_weak_pointer (&self->error_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_file_error (SdWindow     *self,
                 const char   *heading_format,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = display_name (file);
  g_autofree char *heading = g_strdup_printf (heading_format, name);

  sd_window_show_error (self, heading, error->message);
}

static void
update_title (SdWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  const char *company;

  if (self->store == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Salesdesk"));
      adw_window_title_set_title (self->window_title, _("Salesdesk"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  company = sd_store_get_company_name (self->store);
  file_name = g_filename_display_basename (sd_store_get_path (self->store));
  /* Translators: the window title: the company's name — the application's name */
  title = g_strdup_printf (_("%s — Salesdesk"), company);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, company);
  adw_window_title_set_subtitle (self->window_title, file_name);
}

static void
update_undo (SdWindow *self)
{
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;
  const char *undo_label = NULL;
  const char *redo_label = NULL;
  gboolean can_undo = FALSE;
  gboolean can_redo = FALSE;

  if (self->store != NULL)
    {
      can_undo = sd_store_can_undo (self->store);
      can_redo = sd_store_can_redo (self->store);
      undo_label = can_undo ? sd_store_get_undo_label (self->store) : NULL;
      redo_label = can_redo ? sd_store_get_redo_label (self->store) : NULL;
    }

  set_action_enabled (self, "undo", can_undo);
  set_action_enabled (self, "redo", can_redo);

  /* Translators: tooltip of the Undo button; %s names the change, as Add «Иванов Пётр» */
  undo_tip = undo_label != NULL ? g_strdup_printf (_("Undo %s"), undo_label) : g_strdup (_("Undo"));
  /* Translators: tooltip of the Redo button; %s names the change, as Add «Иванов Пётр» */
  redo_tip = redo_label != NULL ? g_strdup_printf (_("Redo %s"), redo_label) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
on_store_changed (SdWindow *self,
                  guint     what,
                  SdStore  *store)
{
  if (what & SD_STORE_CHANGED_COMPANY)
    update_title (self);
  update_undo (self);
}

static void
on_context_store_notify (SdWindow *self)
{
  SdStore *store = sd_context_get_store (self->context);
  gboolean has_store = store != NULL;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::can-undo", G_CALLBACK (update_undo), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::can-redo", G_CALLBACK (update_undo), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_stack_set_visible_child_name (self->window_stack, has_store ? "company" : "empty");
  set_action_enabled (self, "save-copy", has_store);
  set_action_enabled (self, "find", has_store);
  update_title (self);
  update_undo (self);
}

/* Replaces the window's company; the old file is closed now, not whenever its last
 * reference goes, so that it can be opened elsewhere at once. */
static void
set_store (SdWindow *self,
           SdStore  *store)
{
  g_autoptr(SdStore) old = NULL;
  SdStore *current = sd_context_get_store (self->context);

  if (current == store)
    return;

  old = current != NULL ? g_object_ref (current) : NULL;
  sd_context_set_store (self->context, store);
  if (old != NULL)
    sd_store_close (old);

  if (store != NULL)
    sd_context_remember_file (self->context, sd_store_get_path (store));
}

static gboolean
store_has_file (SdStore *store,
                GFile   *file)
{
  g_autoptr(GFile) open_file = NULL;

  if (store == NULL)
    return FALSE;

  open_file = g_file_new_for_path (sd_store_get_path (store));

  return g_file_equal (open_file, file);
}

SdWindow *
sd_window_find_for_file (GtkApplication *application,
                         GFile          *file)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (application == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (SD_IS_WINDOW (l->data) &&
          store_has_file (sd_context_get_store (SD_WINDOW (l->data)->context), file))
        return l->data;
    }

  return NULL;
}

gboolean
sd_window_open_file (SdWindow *self,
                     GFile    *file)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SdWindow *other;

  g_return_val_if_fail (SD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (store_has_file (self->store, file))
    {
      gtk_window_present (GTK_WINDOW (self));
      return TRUE;
    }

  other = sd_window_find_for_file (gtk_window_get_application (GTK_WINDOW (self)), file);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return TRUE;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                           _("Only files on this computer can be opened. Copy the file here first."));
      /* Translators: %s is a file name */
      show_file_error (self, _("Could not open «%s»"), file, error);
      return FALSE;
    }

  store = sd_store_open (path, SD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_file_error (self, _("Could not open «%s»"), file, error);
      return FALSE;
    }

  set_store (self, store);

  return TRUE;
}

static GtkFileFilter *
new_company_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Company Files"));
  gtk_file_filter_add_pattern (filter, "*" SD_FILE_SUFFIX);

  return filter;
}

/* The chosen file, with the suffix added when the person left it out; `appended` says so. */
static GFile *
with_suffix (GFile    *chosen,
             gboolean *appended)
{
  g_autofree char *path = g_file_get_path (chosen);
  g_autofree char *with = NULL;

  *appended = FALSE;
  if (path == NULL || g_str_has_suffix (path, SD_FILE_SUFFIX))
    return g_object_ref (chosen);

  *appended = TRUE;
  with = g_strconcat (path, SD_FILE_SUFFIX, NULL);

  return g_file_new_for_path (with);
}

/* Makes way for a new file at `file`. The file chooser asked before replacing a file the
 * person picked; one that exists only under the name with our suffix was never asked about.
 * The replaced file goes to the trash, never straight away. */
static gboolean
make_room (SdWindow  *self,
           GFile     *file,
           gboolean   asked,
           GError   **error)
{
  g_autofree char *name = display_name (file);
  g_autoptr(GError) local_error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (store_has_file (self->store, file) || sd_window_find_for_file (application, file) != NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS,
                   _("«%s» is open in Salesdesk. Choose another name."), name);
      return FALSE;
    }

  if (!g_file_query_exists (file, NULL))
    return TRUE;

  if (!asked)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS,
                   _("A file named «%s» already exists. Choose another name."), name);
      return FALSE;
    }

  if (!g_file_trash (file, NULL, &local_error))
    {
      g_debug ("Trashing %s failed: %s", name, local_error->message);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS,
                   _("«%s» could not be moved to the trash to make room. Choose another name."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static void
create_company (SdWindow   *self,
                GFile      *file,
                gboolean    asked,
                const char *name)
{
  g_autoptr(SdStore) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (!make_room (self, file, asked, &error))
    {
      /* Translators: %s is a file name */
      show_file_error (self, _("Could not create «%s»"), file, error);
      return;
    }

  created = sd_store_create (path, name, "RUB", &error);
  if (created == NULL)
    {
      show_file_error (self, _("Could not create «%s»"), file, error);
      return;
    }

  /* Open it the way every file is opened (undo, backups). */
  sd_store_close (created);
  sd_window_open_file (self, file);
}

static void
on_company_name_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
on_company_name_response (AdwMessageDialog *dialog,
                          const char       *response,
                          SdWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  GFile *file = g_object_get_data (G_OBJECT (dialog), "sd-file");
  gboolean asked = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sd-asked"));
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*name != '\0')
    create_company (self, file, asked, name);
}

/* Asks for the name of the company to create in `file`. */
AdwMessageDialog *
_sd_window_ask_company_name (SdWindow *self,
                             GFile    *file,
                             gboolean  asked)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *suggestion = NULL;

  suggestion = g_filename_display_name (basename);
  if (g_str_has_suffix (suggestion, SD_FILE_SUFFIX))
    suggestion[strlen (suggestion) - strlen (SD_FILE_SUFFIX)] = '\0';

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Company"),
                                                       _("What is the company called? The name appears in reports; you can change it later.")));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Company name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "sd-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "sd-asked", GINT_TO_POINTER (asked));
  g_signal_connect (entry, "changed", G_CALLBACK (on_company_name_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_company_name_response), self, 0);
  on_company_name_changed (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return dialog;
}

static GtkFileChooserNative *
new_chooser (SdWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  g_autoptr(GtkFileFilter) company = new_company_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), company);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), company);

  /* Next to the open file, unless that is the hidden data folder of the first start. */
  {
    g_autoptr(GFile) data_dir = g_file_new_for_path (g_get_user_data_dir ());
    g_autoptr(GFile) current = NULL;
    g_autoptr(GFile) folder = NULL;
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

    if (self->store != NULL)
      {
        current = g_file_new_for_path (sd_store_get_path (self->store));
        folder = g_file_get_parent (current);
      }
    if ((folder == NULL || g_file_has_prefix (folder, data_dir)) && documents != NULL &&
        g_file_test (documents, G_FILE_TEST_IS_DIR))
      {
        g_clear_object (&folder);
        folder = g_file_new_for_path (documents);
      }
    if (folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }

  g_clear_object (&self->chooser);
  self->chooser = chooser;

  return chooser;
}

/* Takes the chosen file and closes the chooser; NULL when the person cancelled. */
static GFile *
take_choice (SdWindow             *self,
             GtkFileChooserNative *chooser,
             int                   response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  return file;
}

static void
on_new_company_response (GtkFileChooserNative *chooser,
                         int                   response,
                         SdWindow             *self)
{
  g_autoptr(GFile) chosen = take_choice (self, chooser, response);
  g_autoptr(GFile) file = NULL;
  gboolean appended;

  if (chosen == NULL)
    return;

  file = with_suffix (chosen, &appended);
  _sd_window_ask_company_name (self, file, !appended);
}

static void
new_company_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SdWindow *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("New Company"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"));
  /* Translators: the suggested name of a new company file; keep the .salesdesk suffix */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Company.salesdesk"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_new_company_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_response (GtkFileChooserNative *chooser,
                  int                   response,
                  SdWindow             *self)
{
  g_autoptr(GFile) file = take_choice (self, chooser, response);

  if (file != NULL)
    sd_window_open_file (self, file);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SdWindow *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open Company"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SdWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  sd_window_open_file (self, file);
}

gboolean
_sd_window_save_copy_to (SdWindow *self,
                         GFile    *file,
                         gboolean  asked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return FALSE;

  if (path == NULL)
    g_set_error_literal (&error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                         _("Choose a folder on this computer."));

  if (error != NULL ||
      !make_room (self, file, asked, &error) ||
      !sd_store_backup_to (self->store, path, &error))
    {
      /* Translators: %s is a file name */
      show_file_error (self, _("Could not save a copy as «%s»"), file, error);
      return FALSE;
    }

  name = display_name (file);
  /* Translators: a notice; %s is a file name */
  message = g_strdup_printf (_("Saved a copy as «%s»"), name);
  sd_window_add_toast (self, message);

  return TRUE;
}

static void
on_save_copy_response (GtkFileChooserNative *chooser,
                       int                   response,
                       SdWindow             *self)
{
  g_autoptr(GFile) chosen = take_choice (self, chooser, response);
  g_autoptr(GFile) file = NULL;
  gboolean appended;

  if (chosen == NULL)
    return;

  file = with_suffix (chosen, &appended);
  _sd_window_save_copy_to (self, file, !appended);
}

static void
save_copy_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SdWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *suggestion = NULL;

  if (self->store == NULL)
    return;

  base = g_filename_display_basename (sd_store_get_path (self->store));
  if (g_str_has_suffix (base, SD_FILE_SUFFIX))
    base[strlen (base) - strlen (SD_FILE_SUFFIX)] = '\0';
  /* Translators: the suggested name of a copy; %s is the file's name without .salesdesk */
  suggestion = g_strdup_printf (_("%s (copy).salesdesk"), base);

  chooser = new_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_copy_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SdWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !sd_store_can_undo (self->store))
    return;

  if (!sd_store_undo (self->store, &error))
    sd_window_add_toast (self, error->message);
  update_undo (self);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SdWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !sd_store_can_redo (self->store))
    return;

  if (!sd_store_redo (self->store, &error))
    sd_window_add_toast (self, error->message);
  update_undo (self);
}

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SdWindow *self = user_data;

  /* The staff is the one list there is to search. */
  gtk_stack_set_visible_child_name (self->content_stack, "staff");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  sd_staff_page_focus_search (self->staff_page);
}

static const GActionEntry win_entries[] = {
  { "new-company", new_company_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "recent-none", NULL },
  { "save-copy", save_copy_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "find", find_action },
};

static void
rebuild_recent_menu (SdWindow *self)
{
  g_auto(GStrv) recent = sd_context_dup_recent_files (self->context);

  g_menu_remove_all (self->recent_menu);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (recent[i]);
      g_auto(GStrv) parts = g_strsplit (name, "_", -1);
      /* An underscore would be taken for a mnemonic. */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }

  if (recent[0] == NULL)
    g_menu_append (self->recent_menu, _("No Recent Files"), "win.recent-none");
}

static void build_visible_section (SdWindow *self);

static void
on_section_changed (SdWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);
  GSettings *settings = sd_context_get_settings (self->context);

  if (name == NULL)
    return;

  build_visible_section (self);

  if (settings != NULL)
    {
      g_autofree char *saved = g_settings_get_string (settings, "last-section");

      if (g_strcmp0 (saved, name) != 0)
        g_settings_set_string (settings, "last-section", name);
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_folded_changed (SdWindow *self)
{
  /* Unfolded, both panes show; folded, start on the content the person was looking at. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked (SdWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
sd_window_close_request (GtkWindow *window)
{
  SdWindow *self = SD_WINDOW (window);
  GSettings *settings = sd_context_get_settings (self->context);

  if (settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);

      g_settings_set_boolean (settings, "window-maximized", maximized);
      if (!maximized)
        {
          int width, height;

          gtk_window_get_default_size (window, &width, &height);
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (sd_window_parent_class)->close_request (window);
}

typedef GtkWidget *(*SdPageNew) (SdContext *context);

/* A section whose page is built the first time it is shown: the window opens without building
 * the pages nobody looks at. */
static G_GNUC_UNUSED void
add_section (SdWindow   *self,
             SdPageNew   new_page,
             const char *name,
             const char *title,
             const char *icon_name)
{
  GtkWidget *holder = adw_bin_new ();
  GtkStackPage *stack_page;

  /* Before it goes in: the first section added becomes visible at once. */
  g_object_set_data (G_OBJECT (holder), "sd-new-page", (gpointer) new_page);
  stack_page = gtk_stack_add_titled (self->content_stack, holder, name, title);
  gtk_stack_page_set_icon_name (stack_page, icon_name);
}

static void
build_visible_section (SdWindow *self)
{
  GtkWidget *holder = gtk_stack_get_visible_child (self->content_stack);
  SdPageNew new_page;

  if (holder == NULL || !ADW_IS_BIN (holder) ||
      adw_bin_get_child (ADW_BIN (holder)) != NULL)
    return;
  new_page = (SdPageNew) g_object_get_data (G_OBJECT (holder), "sd-new-page");
  if (new_page != NULL)
    adw_bin_set_child (ADW_BIN (holder), new_page (self->context));
}

static void
sd_window_constructed (GObject *object)
{
  SdWindow *self = SD_WINDOW (object);
  g_autofree char *section = NULL;
  GSettings *settings;
  GtkStackPage *page;

  G_OBJECT_CLASS (sd_window_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  settings = sd_context_get_settings (self->context);
  /* Read before the pages go in: adding the first one makes it the visible section. */
  if (settings != NULL)
    section = g_settings_get_string (settings, "last-section");

  /* Only the visible page reads the file: pages load their data when they are mapped. The
   * owner's sections come first: the plan, the facts, how they compare, what is coming. */
#ifdef SD_HAVE_PLAN_FACT_PAGE
  add_section (self, sd_plan_fact_page_new, "plan-fact", _("Plan vs Fact"),
               "x-office-presentation-symbolic");
#endif
#ifdef SD_HAVE_PLAN_PAGE
  add_section (self, sd_plan_page_new, "plan", _("Sales Plan"),
               "x-office-spreadsheet-symbolic");
#endif
#ifdef SD_HAVE_FACTS_PAGE
  add_section (self, sd_facts_page_new, "facts", _("Facts"),
               "document-edit-symbolic");
#endif
#ifdef SD_HAVE_FORECAST_PAGE
  add_section (self, sd_forecast_page_new, "forecast", _("Forecast"),
               "weather-few-clouds-symbolic");
#endif
#ifdef SD_HAVE_PAYROLL_PAGE
  add_section (self, sd_payroll_page_new, "payroll", _("Payroll"),
               "accessories-calculator-symbolic");
#endif
#ifdef SD_HAVE_SCHEMES_PAGE
  add_section (self, sd_schemes_page_new, "schemes", _("Motivation Schemes"),
               "emblem-system-symbolic");
#endif
#ifdef SD_HAVE_HIRING_PAGE
  add_section (self, sd_hiring_page_new, "hiring", _("Hiring Plan"),
               "contact-new-symbolic");
#endif
#ifdef SD_HAVE_PEOPLE_PAGE
  add_section (self, sd_people_page_new, "people", _("People Development"),
               "starred-symbolic");
#endif
#ifdef SD_HAVE_REPORT_PAGE
  add_section (self, sd_report_page_new, "report", _("Owner Report"),
               "x-office-document-symbolic");
#endif
  self->staff_page = SD_STAFF_PAGE (sd_staff_page_new (self->context));
  page = gtk_stack_add_titled (self->content_stack, GTK_WIDGET (self->staff_page),
                               "staff", _("Staff"));
  gtk_stack_page_set_icon_name (page, "system-users-symbolic");

  self->company_page = SD_COMPANY_PAGE (sd_company_page_new (self->context));
  page = gtk_stack_add_titled (self->content_stack, GTK_WIDGET (self->company_page),
                               "company", _("Company"));
  gtk_stack_page_set_icon_name (page, "x-office-document-symbolic");

  if (settings != NULL)
    {
      int width = g_settings_get_int (settings, "window-width");
      int height = g_settings_get_int (settings, "window-height");

      if (gtk_stack_get_child_by_name (self->content_stack, section) != NULL)
        gtk_stack_set_visible_child_name (self->content_stack, section);

      gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_signal_connect_object (settings, "changed::recent-files",
                               G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
    }

  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (on_context_store_notify), self, G_CONNECT_SWAPPED);
  on_context_store_notify (self);
  rebuild_recent_menu (self);
}

static void
sd_window_dispose (GObject *object)
{
  SdWindow *self = SD_WINDOW (object);

  g_clear_weak_pointer (&self->error_dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_WINDOW);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sd_window_parent_class)->dispose (object);
}

static void
sd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_window_class_init (SdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sd_window_constructed;
  object_class->dispose = sd_window_dispose;
  object_class->get_property = sd_window_get_property;
  object_class->set_property = sd_window_set_property;

  window_class->close_request = sd_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SD_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, window_stack);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
sd_window_init (SdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  set_action_enabled (self, "recent-none", FALSE);
}

SdWindow *
sd_window_new (GtkApplication *application,
               SdContext      *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

SdContext *
sd_window_get_context (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);

  return self->context;
}

SdStaffPage *
_sd_window_get_staff_page (SdWindow *self)
{
  return self->staff_page;
}

SdCompanyPage *
_sd_window_get_company_page (SdWindow *self)
{
  return self->company_page;
}

GtkStack *
_sd_window_get_content_stack (SdWindow *self)
{
  return self->content_stack;
}

const char *
_sd_window_get_state (SdWindow *self)
{
  return gtk_stack_get_visible_child_name (self->window_stack);
}

AdwWindowTitle *
_sd_window_get_title_widget (SdWindow *self)
{
  return self->window_title;
}

GtkWidget *
_sd_window_get_undo_button (SdWindow *self)
{
  return self->undo_button;
}

AdwMessageDialog *
_sd_window_get_error_dialog (SdWindow *self)
{
  return self->error_dialog;
}

GMenuModel *
_sd_window_get_recent_menu (SdWindow *self)
{
  return G_MENU_MODEL (self->recent_menu);
}
