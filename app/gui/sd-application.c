/* sd-application.c — the Salesdesk application: windows, settings, accelerators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-application"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-application.h"
#include "sd-context.h"
#include "sd-demo.h"
#include "sd-store.h"
#include "sd-window.h"

/* The demo company made on the first start. */
#define SD_DEMO_COMPANY_NAME "ООО Ромашка"
#define SD_DEMO_MANAGERS 8
#define SD_DEMO_YEARS 2
#define SD_DEMO_SEED 1

struct _SdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* SALESDESK_EXIT_AFTER_FIRST_FRAME=N: quit once the first window has painted N frames
   * (benchmarks: 1 = the window is up, 2 = the visible section has its data). */
  gboolean        exit_after_first_frame;
  guint           exit_after_frames;
};

G_DEFINE_FINAL_TYPE (SdApplication, sd_application, ADW_TYPE_APPLICATION)

GSettings *
sd_application_load_settings (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Running from the build tree: the schema is compiled there, not installed. */
      build = g_settings_schema_source_new_from_directory (SD_BUILD_SCHEMA_DIR, installed,
                                                           FALSE, &error);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APPLICATION_ID, FALSE);
      else
        g_debug ("No schemas in %s: %s", SD_BUILD_SCHEMA_DIR, error->message);
    }

  if (schema == NULL)
    {
      g_debug ("Schema %s not found; running without settings", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

char *
sd_application_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "salesdesk", "company.salesdesk", NULL);
}

GSettings *
sd_application_get_settings (SdApplication *self)
{
  g_return_val_if_fail (SD_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* "Today" for the demo: SALESDESK_TODAY=YYYY-MM-DD makes a reproducible company. */
static void
get_demo_today (GDate *today)
{
  const char *text = g_getenv ("SALESDESK_TODAY");

  if (text != NULL && *text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (sd_date_parse (text, today, &error))
        return;
      g_debug ("Ignoring SALESDESK_TODAY: %s", error->message);
    }

  sd_date_set_today (today);
}

/* Creates the demo company at `path`: the first start has something to look at. */
static gboolean
create_demo_file (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SdDemoCompany) demo = NULL;
  g_autoptr(SdStore) store = NULL;
  GDate today;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   /* Translators: %s is a folder; the second %s says why, from the system */
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  store = sd_store_create (path, SD_DEMO_COMPANY_NAME, "RUB", error);
  if (store == NULL)
    return FALSE;

  get_demo_today (&today);
  demo = sd_demo_generate (SD_DEMO_MANAGERS, SD_DEMO_YEARS, SD_DEMO_SEED, &today);
  if (!sd_store_fill_demo (store, demo, error))
    {
      sd_store_close (store);
      g_unlink (path);
      return FALSE;
    }

  sd_store_close (store);

  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *application)
{
  SdApplication *self = SD_APPLICATION (application);

  if (self->exit_after_frames > 1)
    {
      self->exit_after_frames--;
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, application);
  g_application_quit (application);
}

static void
on_first_map (GtkWidget    *window,
              GApplication *application)
{
  g_signal_handlers_disconnect_by_func (window, on_first_map, application);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), application, 0);
}

static SdWindow *
new_window (SdApplication *self)
{
  g_autoptr(SdContext) context = sd_context_new (NULL, self->settings);
  SdWindow *window = sd_window_new (GTK_APPLICATION (self), context);

  if (self->exit_after_first_frame)
    {
      self->exit_after_first_frame = FALSE;
      g_signal_connect_object (window, "map", G_CALLBACK (on_first_map), self, 0);
    }

  return window;
}

/* A window for another file: one without a company is reused. */
static SdWindow *
get_free_window (SdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SD_IS_WINDOW (l->data) &&
          sd_context_get_store (sd_window_get_context (l->data)) == NULL)
        return l->data;
    }

  return new_window (self);
}

static char *
choose_startup_path (SdApplication *self)
{
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-file");

      if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&last);
    }

  return sd_application_dup_default_path ();
}

static void
sd_application_activate (GApplication *application)
{
  SdApplication *self = SD_APPLICATION (application);
  g_autofree char *path = NULL;
  g_autofree char *default_path = sd_application_dup_default_path ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  SdWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = new_window (self);
  path = choose_startup_path (self);
  file = g_file_new_for_path (path);

  if (g_strcmp0 (path, default_path) == 0 &&
      !g_file_test (path, G_FILE_TEST_EXISTS) &&
      !create_demo_file (path, &error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not create «%s»"), name);

      gtk_window_present (GTK_WINDOW (window));
      sd_window_show_error (window, heading, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  sd_window_open_file (window, file);
}

static void
sd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SdApplication *self = SD_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      SdWindow *window = sd_window_find_for_file (GTK_APPLICATION (self), files[i]);

      if (window == NULL)
        window = get_free_window (self);
      gtk_window_present (GTK_WINDOW (window));
      sd_window_open_file (window, files[i]);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *application = user_data;

  /* Every edit is already in the file: nothing to ask before quitting. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (application);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autofree char *source = NULL;
  AdwAboutWindow *about;

  source = g_markup_escape_text (sd_calendar_get_source (sd_calendar_get_default ()), -1);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (application));
  adw_about_window_set_application_name (about, _("Salesdesk"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Salesdesk developers"));
  adw_about_window_set_comments (about,
                                 _("Sales plans, plan against fact, and the managers’ pay for a small company’s sales department."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one per line, to be credited in the About window */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_legal_section (about, _("Production Calendar"), NULL,
                                      GTK_LICENSE_CUSTOM, source);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
sd_application_startup (GApplication *application)
{
  SdApplication *self = SD_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-company", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (sd_application_parent_class)->startup (application);

  self->settings = sd_application_load_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
sd_application_dispose (GObject *object)
{
  SdApplication *self = SD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_application_parent_class)->dispose (object);
}

static void
sd_application_class_init (SdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sd_application_dispose;

  app_class->startup = sd_application_startup;
  app_class->activate = sd_application_activate;
  app_class->open = sd_application_open;
}

static void
sd_application_init (SdApplication *self)
{
  const char *frames = g_getenv ("SALESDESK_EXIT_AFTER_FIRST_FRAME");

  self->exit_after_first_frame = frames != NULL;
  self->exit_after_frames = frames != NULL ? CLAMP (g_ascii_strtoull (frames, NULL, 10), 1, 100) : 0;
}

SdApplication *
sd_application_new (void)
{
  return g_object_new (SD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", SD_RESOURCE_PATH,
                       NULL);
}
