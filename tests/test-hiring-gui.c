/* test-hiring-gui.c — the hiring plan page driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-hiring-gui"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "sd-context.h"
#include "sd-demo.h"
#include "sd-hire-dialog.h"
#include "sd-hiring-page.h"
#include "sd-store.h"
#include "sd-store-hiring.h"

typedef struct {
  char      *dir;
  char      *path;
  SdStore   *store;
  SdContext *context;
} Fixture;

static void
spin (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
set_date (GDate *date,
          int    y,
          int    m,
          int    d)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Shows `page` in a window (pages read the file when they are shown) and returns the window. */
static GtkWidget *
show_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();
  guint rounds = 0;

  /* A tall window when a person wants to look at the whole page (maybe_snapshot). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200,
                               g_getenv ("SD_SNAPSHOT_DIR") != NULL ? 3400 : 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page) && rounds++ < 2000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (page));
  spin ();
  return window;
}

/* Writes `window` to $SD_SNAPSHOT_DIR/name when that variable is set, so that a person can
 * look at the page. */
static void
maybe_snapshot (GtkWidget  *window,
                const char *name)
{
  const char *dir = g_getenv ("SD_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
hide_page (GtkWidget *window)
{
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The demo company of 8 managers on 15 March 2026, its 2026 draft made current (so that a
 * new manager gets a share of it), and a capacity at 80 % of history: a gap to fill. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) created = NULL;
  g_autoptr(SdDemoCompany) demo = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  SdHiringSettings settings;
  SdMoney capacity = 0;
  GDate today;

  g_setenv ("SALESDESK_TODAY", "2026-03-15", TRUE);
  fixture->dir = g_dir_make_tmp ("sd-hiring-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.salesdesk", NULL);
  set_date (&today, 2026, 3, 15);
  demo = sd_demo_generate (8, 2, 42, &today);
  created = sd_store_create (fixture->path, "Demo", "RUB", &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_fill_demo (created, demo, &error));
  g_assert_no_error (error);
  sd_store_close (created);

  fixture->store = sd_store_open (fixture->path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);

  versions = sd_store_list_plan_versions (fixture->store, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      const SdPlanVersion *v = g_ptr_array_index (versions, i);

      if (v->state == SD_PLAN_STATE_DRAFT)
        g_assert_true (sd_store_make_plan_version_current (fixture->store, v->id, &error));
    }
  g_assert_no_error (error);

  g_assert_true (sd_store_load_hiring_settings (fixture->store, &settings, NULL, &error));
  g_assert_true (sd_store_hiring_capacity_from_history (fixture->store, &settings,
                                                        sd_month_make (2026, 2), 6, &capacity,
                                                        NULL, &error));
  g_assert_no_error (error);
  settings.capacity = capacity * 8 / 10;
  g_assert_true (sd_store_save_hiring_settings (fixture->store, &settings, &error));
  g_assert_no_error (error);

  fixture->context = sd_context_new (fixture->store, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->store);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The first widget named `name` under `widget`, depth first. */
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

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static guint
count_state (SdStore     *store,
             SdHireState  state)
{
  g_autoptr(GArray) hires = sd_store_list_planned_hires (store, NULL);
  guint n = 0;

  for (guint i = 0; i < hires->len; i++)
    n += g_array_index (hires, SdPlannedHire, i).state == state;
  return n;
}

static void
test_propose_accept_hire (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) hires = NULL;
  GtkWidget *page = g_object_ref_sink (sd_hiring_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *button;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  gint64 manager_id = 0;
  SdMoney planned = 0;
  guint n_proposed;

  g_assert_cmpint (sd_hiring_page_get_year (SD_HIRING_PAGE (page)), ==, 2026);
  list = GTK_LIST_BOX (find_named (page, "hires"));
  g_assert_nonnull (list);

  /* Propose: the hires are in the file and on the page. */
  click (find_named (page, "propose"));
  n_proposed = count_state (fixture->store, SD_HIRE_PROPOSED);
  g_assert_cmpuint (n_proposed, >, 0);
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Propose hires");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, n_proposed - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, n_proposed));

  /* Accept the first. */
  row = gtk_list_box_get_row_at_index (list, 0);
  click (find_named (GTK_WIDGET (row), "accept"));
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_ACCEPTED), ==, 1);
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_PROPOSED), ==, n_proposed - 1);

  /* Proposing again keeps the accepted hire and does not propose it twice. */
  click (find_named (page, "propose"));
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_ACCEPTED), ==, 1);
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_PROPOSED), ==, n_proposed - 1);

  maybe_snapshot (window, "hiring-accepted.png");

  /* Hired…: a name, then "Add to Staff". */
  row = gtk_list_box_get_row_at_index (list, 0);
  button = find_named (GTK_WIDGET (row), "hired");
  g_assert_nonnull (button);
  click (button);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "hire"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "Новиков Олег");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "hire"));
  /* Enter in the name field: the "hire" response, and the dialog closes. */
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_null (find_message_dialog ());

  /* The person is in the staff, with a share of the plan. */
  staff = sd_store_list_staff (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (staff, i);

      if (g_strcmp0 (m->name, "Новиков Олег") == 0)
        {
          manager_id = m->id;
          g_assert_cmpint (m->role, ==, SD_ROLE_MANAGER);
        }
    }
  g_assert_cmpint (manager_id, >, 0);
  plan = sd_store_list_plan (fixture->store, sd_month_make (2026, 1), sd_month_make (2026, 12),
                             &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->len; i++)
    if (g_array_index (plan, SdPlanEntry, i).manager_id == manager_id)
      planned += g_array_index (plan, SdPlanEntry, i).revenue;
  g_assert_cmpint (planned, >, 0);
  hires = sd_store_list_planned_hires (fixture->store, &error);
  g_assert_cmpint (g_array_index (hires, SdPlannedHire, 0).state, ==, SD_HIRE_HIRED);
  g_assert_cmpint (g_array_index (hires, SdPlannedHire, 0).manager_id, ==, manager_id);

  /* The page shows them by name, with no more buttons. */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            "Новиков Олег"));
  g_assert_null (find_named (GTK_WIDGET (row), "hired"));

  hide_page (window);
  g_assert_finalize_object (page);
}

static void
test_parameters_inline_validation (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (sd_hiring_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkEditable *capacity = GTK_EDITABLE (find_named (page, "capacity"));
  GtkEditable *ramp = GTK_EDITABLE (find_named (page, "ramp"));
  GtkWidget *save = find_named (page, "save-settings");
  GtkLabel *message = GTK_LABEL (find_named (page, "settings-error"));
  SdHiringSettings before, after;

  g_assert_true (sd_store_load_hiring_settings (fixture->store, &before, NULL, &error));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "");

  gtk_editable_set_text (capacity, "-5");
  spin ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");

  gtk_editable_set_text (capacity, "1 500 000,50");
  gtk_editable_set_text (ramp, "0 / 30 / 120");
  spin ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");

  gtk_editable_set_text (ramp, "abc");
  spin ();
  g_assert_nonnull (strstr (gtk_label_get_label (message), "abc"));

  /* Nothing reached the file. */
  g_assert_true (sd_store_load_hiring_settings (fixture->store, &after, NULL, &error));
  g_assert_cmpint (after.capacity, ==, before.capacity);

  /* Put right and saved: exact kopecks. */
  gtk_editable_set_text (ramp, "0 / 50 / 100");
  spin ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "");
  click (save);
  g_assert_true (sd_store_load_hiring_settings (fixture->store, &after, NULL, &error));
  g_assert_cmpint (after.capacity, ==, 150000050);
  g_assert_cmpuint (after.n_ramp_up, ==, 3);
  g_assert_cmpint (after.ramp_up[1], ==, 50);
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Change hiring parameters");

  hide_page (window);
  g_assert_finalize_object (page);
}

static void
test_hire_dialog_dates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hires = NULL;
  SdPlannedHire hire = { 0 };
  SdHireDialog *dialog;
  g_autofree char *start = NULL;
  g_autofree char *search = NULL;

  set_date (&hire.search_start, 2026, 4, 20);
  set_date (&hire.start, 2026, 6, 1);
  hire.id = sd_store_add_planned_hire (fixture->store, &hire, &error);
  g_assert_no_error (error);

  dialog = sd_hire_dialog_new (NULL, fixture->store, &hire, 6);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  maybe_snapshot (GTK_WIDGET (dialog), "hire-dialog.png");
  /* A new first day moves the search start with it, six weeks before. */
  gtk_editable_set_text (sd_hire_dialog_get_start_entry (dialog), "2026-07-01");
  {
    g_autofree char *expected = NULL;
    GDate day;

    set_date (&day, 2026, 5, 20);
    expected = sd_date_format (&day, sd_number_style_current ());
    g_assert_cmpstr (gtk_editable_get_text (sd_hire_dialog_get_search_entry (dialog)), ==,
                     expected);
  }
  /* A search after the first day is refused and changes nothing. */
  gtk_editable_set_text (sd_hire_dialog_get_search_entry (dialog), "2026-07-15");
  g_assert_false (sd_hire_dialog_save (dialog));
  hires = sd_store_list_planned_hires (fixture->store, &error);
  g_assert_cmpint (g_array_index (hires, SdPlannedHire, 0).state, ==, SD_HIRE_PROPOSED);
  g_clear_pointer (&hires, g_array_unref);
  gtk_editable_set_text (sd_hire_dialog_get_search_entry (dialog), "31.13.2026");
  g_assert_false (sd_hire_dialog_save (dialog));

  gtk_editable_set_text (sd_hire_dialog_get_search_entry (dialog), "15.05.2026");
  g_assert_true (sd_hire_dialog_save (dialog));
  spin ();
  hires = sd_store_list_planned_hires (fixture->store, &error);
  g_assert_cmpint (g_array_index (hires, SdPlannedHire, 0).state, ==, SD_HIRE_EDITED);
  start = sd_date_to_iso (&g_array_index (hires, SdPlannedHire, 0).start);
  search = sd_date_to_iso (&g_array_index (hires, SdPlannedHire, 0).search_start);
  g_assert_cmpstr (start, ==, "2026-07-01");
  g_assert_cmpstr (search, ==, "2026-05-15");
}

/* The comparison: the alternative "hire N starting in <month>" against the stored schedule. */
static void
test_compare_schedules (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page = g_object_ref_sink (sd_hiring_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkGrid *grid = GTK_GRID (find_named (page, "compare"));
  GtkWidget *alt = find_named (page, "alternative");
  GtkWidget *line;
  GtkSpinButton *count = NULL;
  g_autofree char *n_text = NULL;
  guint n_proposed;

  click (find_named (page, "propose"));
  n_proposed = count_state (fixture->store, SD_HIRE_PROPOSED);
  n_text = g_strdup_printf ("%u", n_proposed);
  /* Row 1 is "Hires": the current schedule, then the alternative (one line of one hire). */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 1))), ==,
                   n_text);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==, "1");

  line = gtk_widget_get_first_child (alt);
  g_assert_nonnull (line);
  for (GtkWidget *c = gtk_widget_get_first_child (line); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_SPIN_BUTTON (c))
      count = GTK_SPIN_BUTTON (c);
  g_assert_nonnull (count);
  gtk_spin_button_set_value (count, 3);
  spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==, "3");

  /* Starting from the current schedule: both columns alike. */
  click (find_named (page, "alt-copy"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==,
                   n_text);
  for (int r = 2; r <= 7; r++)
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, r))), ==,
                     gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 1, r))));

  hide_page (window);
  g_assert_finalize_object (page);
}

/* Reject a proposed hire, undo it through the store; a year without a plan says so. */
static void
test_reject_and_year_without_plan (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (sd_hiring_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkListBox *list = GTK_LIST_BOX (find_named (page, "hires"));
  GtkLabel *status = GTK_LABEL (find_named (page, "status"));
  guint n_proposed;

  click (find_named (page, "propose"));
  n_proposed = count_state (fixture->store, SD_HIRE_PROPOSED);
  g_assert_cmpuint (n_proposed, >, 0);

  click (find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "reject"));
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_REJECTED), ==, 1);
  /* A rejected hire can be restored or deleted, not hired. */
  g_assert_nonnull (find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "restore"));
  g_assert_null (find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "hired"));

  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_REJECTED), ==, 0);
  g_assert_nonnull (find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "accept"));

  /* 2027 has no plan: the page says what to do and cannot propose. */
  sd_hiring_page_set_year (SD_HIRING_PAGE (page), 2027);
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_nonnull (strstr (gtk_label_get_label (status), "2027"));
  g_assert_false (gtk_widget_get_sensitive (find_named (page, "propose")));
  sd_hiring_page_set_year (SD_HIRING_PAGE (page), 2026);
  spin ();
  g_assert_true (gtk_widget_get_sensitive (find_named (page, "propose")));

  hide_page (window);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/hiring-gui/propose-accept-hired", test_propose_accept_hire);
  ADD ("/hiring-gui/parameters/inline-validation", test_parameters_inline_validation);
  ADD ("/hiring-gui/hire-dialog/dates", test_hire_dialog_dates);
  ADD ("/hiring-gui/compare-schedules", test_compare_schedules);
  ADD ("/hiring-gui/reject-and-year-without-plan", test_reject_and_year_without_plan);
#undef ADD

  return g_test_run ();
}
