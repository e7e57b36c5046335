/* test-hiring-gui.c — the hiring plan page driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-hiring-gui"

#include "config.h"

#include "sd-context.h"
#include "sd-hire-dialog.h"
#include "sd-hiring-page.h"
#include "sd-store.h"
#include "sd-store-hiring.h"
#include "sd-test-gui.h"

typedef SdTestPageFixture Fixture;

/* Shows `page` in a window (pages read the file when they are shown) and returns the window:
 * a tall one when a person wants to look at the whole page (sd_test_maybe_snapshot). */
static GtkWidget *
show_page (GtkWidget *page)
{
  return sd_test_show_page (page, 1200, sd_test_snapshot_dir () != NULL ? 3400 : 900);
}

/* The demo company of 8 managers on 15 March 2026, its 2026 draft made current (so that a
 * new manager gets a share of it), and a capacity at 80 % of history: a gap to fill. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  SdHiringSettings settings;
  SdMoney capacity = 0;

  g_setenv ("SALESDESK_TODAY", "2026-03-15", TRUE);
  sd_test_page_fixture_set_up (fixture, "sd-hiring-gui-XXXXXX", 8, 2, "2026-03-15", 0, 0);

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
  list = GTK_LIST_BOX (sd_test_find_named (page, "hires"));
  g_assert_nonnull (list);

  /* Propose: the hires are in the file and on the page. */
  sd_test_click (sd_test_find_named (page, "propose"));
  n_proposed = count_state (fixture->store, SD_HIRE_PROPOSED);
  g_assert_cmpuint (n_proposed, >, 0);
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Propose hires");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, n_proposed - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, n_proposed));

  /* Accept the first. */
  row = gtk_list_box_get_row_at_index (list, 0);
  sd_test_click (sd_test_find_named (GTK_WIDGET (row), "accept"));
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_ACCEPTED), ==, 1);
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_PROPOSED), ==, n_proposed - 1);

  /* Proposing again keeps the accepted hire and does not propose it twice. */
  sd_test_click (sd_test_find_named (page, "propose"));
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_ACCEPTED), ==, 1);
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_PROPOSED), ==, n_proposed - 1);

  sd_test_maybe_snapshot (window, "hiring-accepted.png");

  /* Hired…: a name, then "Add to Staff". */
  row = gtk_list_box_get_row_at_index (list, 0);
  button = sd_test_find_named (GTK_WIDGET (row), "hired");
  g_assert_nonnull (button);
  sd_test_click (button);
  dialog = sd_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "hire"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "Новиков Олег");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "hire"));
  /* Enter in the name field: the "hire" response, and the dialog closes. */
  g_signal_emit_by_name (entry, "activate");
  sd_test_spin ();
  g_assert_null (sd_test_find_message_dialog ());

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
  g_assert_null (sd_test_find_named (GTK_WIDGET (row), "hired"));

  sd_test_hide_page (window);
  g_assert_finalize_object (page);
}

static void
test_parameters_inline_validation (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (sd_hiring_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkEditable *capacity = GTK_EDITABLE (sd_test_find_named (page, "capacity"));
  GtkEditable *ramp = GTK_EDITABLE (sd_test_find_named (page, "ramp"));
  GtkWidget *save = sd_test_find_named (page, "save-settings");
  GtkLabel *message = GTK_LABEL (sd_test_find_named (page, "settings-error"));
  SdHiringSettings before, after;

  g_assert_true (sd_store_load_hiring_settings (fixture->store, &before, NULL, &error));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "");

  gtk_editable_set_text (capacity, "-5");
  sd_test_spin ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");

  gtk_editable_set_text (capacity, "1 500 000,50");
  gtk_editable_set_text (ramp, "0 / 30 / 120");
  sd_test_spin ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");

  gtk_editable_set_text (ramp, "abc");
  sd_test_spin ();
  g_assert_nonnull (strstr (gtk_label_get_label (message), "abc"));

  /* Nothing reached the file. */
  g_assert_true (sd_store_load_hiring_settings (fixture->store, &after, NULL, &error));
  g_assert_cmpint (after.capacity, ==, before.capacity);

  /* Put right and saved: exact kopecks. */
  gtk_editable_set_text (ramp, "0 / 50 / 100");
  sd_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "");
  sd_test_click (save);
  g_assert_true (sd_store_load_hiring_settings (fixture->store, &after, NULL, &error));
  g_assert_cmpint (after.capacity, ==, 150000050);
  g_assert_cmpuint (after.n_ramp_up, ==, 3);
  g_assert_cmpint (after.ramp_up[1], ==, 50);
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Change hiring parameters");

  sd_test_hide_page (window);
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

  sd_test_set_dmy (&hire.search_start, 2026, 4, 20);
  sd_test_set_dmy (&hire.start, 2026, 6, 1);
  hire.id = sd_store_add_planned_hire (fixture->store, &hire, &error);
  g_assert_no_error (error);

  dialog = sd_hire_dialog_new (NULL, fixture->store, &hire, 6);
  gtk_window_present (GTK_WINDOW (dialog));
  sd_test_spin ();
  sd_test_maybe_snapshot (GTK_WIDGET (dialog), "hire-dialog.png");
  /* A new first day moves the search start with it, six weeks before. */
  gtk_editable_set_text (sd_hire_dialog_get_start_entry (dialog), "2026-07-01");
  {
    g_autofree char *expected = NULL;
    GDate day;

    sd_test_set_dmy (&day, 2026, 5, 20);
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
  sd_test_spin ();
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
  GtkGrid *grid = GTK_GRID (sd_test_find_named (page, "compare"));
  GtkWidget *alt = sd_test_find_named (page, "alternative");
  GtkWidget *line;
  GtkSpinButton *count = NULL;
  g_autofree char *n_text = NULL;
  guint n_proposed;

  sd_test_click (sd_test_find_named (page, "propose"));
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
  sd_test_spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==, "3");

  /* Starting from the current schedule: both columns alike. */
  sd_test_click (sd_test_find_named (page, "alt-copy"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==,
                   n_text);
  for (int r = 2; r <= 7; r++)
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 2, r))), ==,
                     gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 1, r))));

  sd_test_hide_page (window);
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
  GtkListBox *list = GTK_LIST_BOX (sd_test_find_named (page, "hires"));
  GtkLabel *status = GTK_LABEL (sd_test_find_named (page, "status"));
  guint n_proposed;

  sd_test_click (sd_test_find_named (page, "propose"));
  n_proposed = count_state (fixture->store, SD_HIRE_PROPOSED);
  g_assert_cmpuint (n_proposed, >, 0);

  sd_test_click (sd_test_find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "reject"));
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_REJECTED), ==, 1);
  /* A rejected hire can be restored or deleted, not hired. */
  g_assert_nonnull (sd_test_find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                        "restore"));
  g_assert_null (sd_test_find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                     "hired"));

  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  sd_test_spin ();
  g_assert_cmpuint (count_state (fixture->store, SD_HIRE_REJECTED), ==, 0);
  g_assert_nonnull (sd_test_find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                        "accept"));

  /* 2027 has no plan: the page says what to do and cannot propose. */
  sd_hiring_page_set_year (SD_HIRING_PAGE (page), 2027);
  sd_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_nonnull (strstr (gtk_label_get_label (status), "2027"));
  g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (page, "propose")));
  sd_hiring_page_set_year (SD_HIRING_PAGE (page), 2026);
  sd_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (sd_test_find_named (page, "propose")));

  sd_test_hide_page (window);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, sd_test_page_fixture_tear_down)
  ADD ("/hiring-gui/propose-accept-hired", test_propose_accept_hire);
  ADD ("/hiring-gui/parameters/inline-validation", test_parameters_inline_validation);
  ADD ("/hiring-gui/hire-dialog/dates", test_hire_dialog_dates);
  ADD ("/hiring-gui/compare-schedules", test_compare_schedules);
  ADD ("/hiring-gui/reject-and-year-without-plan", test_reject_and_year_without_plan);
#undef ADD

  return g_test_run ();
}
