/* sd-test-gui.h — helpers the GUI tests share: running the main loop, waiting for a
 * condition, showing a page in a window, finding widgets and dialogs, pressing buttons,
 * pictures of what a page shows
 *
 * Header only: every function is static and marked unused, so a test takes what it needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"
#include "sd-test-store.h"

/* Starts GTest, GTK and libadwaita for a GUI test: "today" is `today` (SALESDESK_TODAY) unless
 * it is NULL; with `isolate_dirs` every test gets its own XDG folders (the MIME database is read
 * first, while the real one is in sight: GTK's SVG icons are recognised through it). No session
 * bus here: the accessibility bridge would only warn that it has none. */
G_GNUC_UNUSED static void
sd_test_gui_init (int         *argc,
                  char      ***argv,
                  const char  *today,
                  gboolean     isolate_dirs)
{
  if (today != NULL)
    g_setenv ("SALESDESK_TODAY", today, TRUE);
  if (isolate_dirs)
    {
      static const char svg[] = "<?xml version=\"1.0\"?><svg";
      /* Guessed only for the database to be read. */
      g_autofree char *svg_type = g_content_type_guess (NULL, (const guchar *) svg,
                                                        sizeof svg, NULL);

      g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
    }
  else
    g_test_init (argc, argv, NULL);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();
}

/* Runs everything that is ready, a few rounds (what one source does may make another ready),
 * without waiting. */
G_GNUC_UNUSED static void
sd_test_spin (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

G_GNUC_UNUSED static gboolean
sd_test_wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until `done` holds; gives up (and fails) after 30 s, so that a broken
 * test fails instead of hanging. A timer wakes the loop while it waits. */
#define SD_TEST_WAIT_FOR(done)                                                 \
  G_STMT_START {                                                               \
    gint64 end_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;              \
    guint wake_id_ = g_timeout_add (10, sd_test_wake_up, NULL);                \
    while (!(done) && g_get_monotonic_time () < end_)                          \
      g_main_context_iteration (NULL, TRUE);                                   \
    g_source_remove (wake_id_);                                                \
    g_assert_true (done);                                                      \
  } G_STMT_END

/* Runs the main loop for `msec` milliseconds (the frame clock gets to draw). */
G_GNUC_UNUSED static void
sd_test_run_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + (gint64) msec * 1000;
  guint wake = g_timeout_add (10, sd_test_wake_up, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* A new window of the given size for the pages a test shows (sd_test_present). */
G_GNUC_UNUSED static GtkWindow *
sd_test_page_window (int width,
                     int height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  return window;
}

/* Puts `page` in `window`, presents it and waits until the page is on screen. */
G_GNUC_UNUSED static void
sd_test_present (GtkWindow *window,
                 GtkWidget *page)
{
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  SD_TEST_WAIT_FOR (gtk_widget_get_mapped (page));
  sd_test_spin ();
}

/* Shows `page` in a new window of the given size (pages read the file when they are shown)
 * and returns the window; sd_test_hide_page takes it away. */
G_GNUC_UNUSED static GtkWidget *
sd_test_show_page (GtkWidget *page,
                   int        width,
                   int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sd_test_present (GTK_WINDOW (window), page);
  return window;
}

/* Takes the page out of `window` (the caller keeps its reference) and destroys the window. */
G_GNUC_UNUSED static void
sd_test_hide_page (GtkWidget *window)
{
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  sd_test_spin ();
}

/* The first widget under `root` (itself included) named `name` (gtk_widget_set_name), depth
 * first, or NULL. */
G_GNUC_UNUSED static GtkWidget *
sd_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = sd_test_find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under `root` (itself included) of `type`, depth first, or NULL. */
G_GNUC_UNUSED static GtkWidget *
sd_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = sd_test_find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first open toplevel (a GtkWindow) of `type`; with `visible`, only a visible one. NULL if
 * none. */
G_GNUC_UNUSED static gpointer
sd_test_find_toplevel (GType    type,
                       gboolean visible)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (!visible || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }
  return NULL;
}

/* The visible message dialog, or NULL. */
G_GNUC_UNUSED static AdwMessageDialog *
sd_test_find_message_dialog (void)
{
  return sd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE);
}

/* Answers `dialog` as a click on its button does: the response, then the dialog closes. */
G_GNUC_UNUSED static void
sd_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  sd_test_spin ();
}

/* Presses `button`, which must be there and sensitive, and runs what that starts. */
G_GNUC_UNUSED static void
sd_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sd_test_spin ();
}

/* Presses the button named `name` under `root`. */
G_GNUC_UNUSED static void
sd_test_click_named (GtkWidget  *root,
                     const char *name)
{
  sd_test_click (sd_test_find_named (root, name));
}

/* The folder for pictures of the pages: $SD_SNAPSHOT_DIR (or $SD_TEST_SCREENSHOT_DIR), or
 * NULL when a person does not want to look. */
G_GNUC_UNUSED static const char *
sd_test_snapshot_dir (void)
{
  const char *dir = g_getenv ("SD_SNAPSHOT_DIR");

  return dir != NULL ? dir : g_getenv ("SD_TEST_SCREENSHOT_DIR");
}

/* When sd_test_snapshot_dir is set, writes what `widget` (in a shown window) draws to
 * <dir>/<file_name> as PNG, so that a person can look at the page. */
G_GNUC_UNUSED static void
sd_test_maybe_snapshot (GtkWidget  *widget,
                        const char *file_name)
{
  const char *dir = sd_test_snapshot_dir ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (dir == NULL)
    return;
  /* Let the frame clock draw the window once. */
  sd_test_run_for (500);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_test_message ("snapshot %s: %d×%d, %s", file_name, gtk_widget_get_width (widget),
                  gtk_widget_get_height (widget), node != NULL ? "drawn" : "empty");
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_build_filename (dir, file_name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* What a test of pages needs: a company file in a temporary folder, open, a context on it and
 * (when asked for) a window to show the pages in. */
typedef struct {
  char      *dir;
  char      *path;
  SdStore   *store;
  SdContext *context;
  GtkWindow *window;    /* NULL unless asked for */
  GDate      today;     /* the day the demo company was made for */
} SdTestPageFixture;

/* Makes the folder from `tmpl` with "demo.salesdesk" in it: the demo company of `n_managers`
 * with `n_years` of history up to the ISO day `today` (seed 42), or an empty company "Test"
 * when `n_managers` is 0; opens it, makes the context and, when `width` > 0, the window. */
G_GNUC_UNUSED static void
sd_test_page_fixture_set_up (SdTestPageFixture *fixture,
                             const char        *tmpl,
                             guint              n_managers,
                             guint              n_years,
                             const char        *today,
                             int                width,
                             int                height)
{
  fixture->dir = sd_test_make_dir (tmpl);
  fixture->path = g_build_filename (fixture->dir, "demo.salesdesk", NULL);
  sd_test_set_date (&fixture->today, today);
  sd_test_write_company (fixture->path, n_managers > 0 ? "Demo" : "Test", n_managers, n_years,
                         42, today);
  fixture->store = sd_test_open_store (fixture->path);
  fixture->context = sd_context_new (fixture->store, NULL);
  fixture->window = width > 0 ? sd_test_page_window (width, height) : NULL;
}

/* Destroys the window, then checks that the context and the store go away, and removes the
 * folder; a GTestFixtureFunc for g_test_add. */
G_GNUC_UNUSED static void
sd_test_page_fixture_tear_down (SdTestPageFixture *fixture,
                                gconstpointer      data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      sd_test_spin ();
    }
  g_assert_finalize_object (fixture->context);
  sd_test_remove_company (fixture->store, fixture->dir, fixture->path);
}

/* When sd_test_snapshot_dir is set, keeps a copy of a file the test made (`contents`,
 * `length` bytes) there as `file_name`, for a person to open. */
G_GNUC_UNUSED static void
sd_test_maybe_keep (const char *file_name,
                    const char *contents,
                    gsize       length)
{
  const char *dir = sd_test_snapshot_dir ();
  g_autofree char *copy = NULL;

  if (dir == NULL)
    return;
  copy = g_build_filename (dir, file_name, NULL);
  g_file_set_contents (copy, contents, (gssize) length, NULL);
}
