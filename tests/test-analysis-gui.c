/* test-analysis-gui.c — plan vs fact, the forecast and the chart view through real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-analysis-gui"

#include "config.h"

#include "sd-chart-view.h"
#include "sd-context.h"
#include "sd-forecast-page.h"
#include "sd-import-dialog.h"
#include "sd-pipeline-dialog.h"
#include "sd-plan-fact-page.h"
#include "sd-store.h"
#include "sd-test-gui.h"

#define TODAY "2026-11-22"

typedef SdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sd_test_page_fixture_set_up (fixture, "sd-analysis-XXXXXX", 8, 2, TODAY, 1200, 900);
}

static gint64
first_manager (Fixture *fixture)
{
  g_autoptr(GPtrArray) staff = sd_store_list_staff (fixture->store, FALSE, NULL);

  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);

      if (member->role == SD_ROLE_MANAGER)
        return member->id;
    }
  g_assert_not_reached ();
  return 0;
}

/* The table shows the completion the core computes from the store's figures. */
static void
test_plan_fact_completion (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *page = sd_plan_fact_page_new (fixture->context);
  SdPeriod march = { SD_PERIOD_MONTH, 2026, 3 };
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(SdPlanFact) expected = sd_plan_fact_new ();
  g_autofree char *completion = NULL;
  gint64 manager = first_manager (fixture);
  gint64 bp;

  sd_test_present (fixture->window, page);
  sd_plan_fact_page_set_period (SD_PLAN_FACT_PAGE (page), &march);

  facts = sd_store_list_facts (fixture->store, sd_month_make (2026, 3), sd_month_make (2026, 3),
                               NULL);
  plan = sd_store_list_plan (fixture->store, sd_month_make (2026, 3), sd_month_make (2026, 3),
                             NULL);
  g_assert_true (sd_plan_fact_add_facts (expected, (const SdFact *) facts->data, facts->len,
                                         NULL));
  g_assert_true (sd_plan_fact_add_plan_entries (expected, (const SdPlanEntry *) plan->data,
                                                plan->len, NULL));
  g_assert_true (sd_plan_fact_completion_bp (expected, manager, &march, &bp));
  completion = sd_chart_format_percent (bp, sd_number_style_current (), FALSE);

  g_assert_cmpstr (sd_plan_fact_page_get_cell (SD_PLAN_FACT_PAGE (page), manager, 3), ==,
                   completion);
  g_assert_nonnull (sd_plan_fact_page_get_cell (SD_PLAN_FACT_PAGE (page), 0, 1));
}

/* Raising the threshold marks managers as lagging; it is stored and undone like any edit. */
static void
test_plan_fact_threshold (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = sd_plan_fact_page_new (fixture->context);
  SdPeriod year = { SD_PERIOD_YEAR, 2026, 0 };
  GtkSpinButton *threshold;
  gint64 manager = first_manager (fixture);
  g_autoptr(GError) error = NULL;

  sd_test_present (fixture->window, page);
  sd_plan_fact_page_set_period (SD_PLAN_FACT_PAGE (page), &year);
  g_assert_false (sd_plan_fact_page_is_lagging (SD_PLAN_FACT_PAGE (page), manager) &&
                  sd_store_get_setting_int (fixture->store, "lag-threshold-bp", 0) == 20000);

  threshold = GTK_SPIN_BUTTON (sd_plan_fact_page_get_threshold (SD_PLAN_FACT_PAGE (page)));
  gtk_spin_button_set_value (threshold, 200);
  sd_test_spin ();
  g_assert_cmpint (sd_store_get_setting_int (fixture->store, "lag-threshold-bp", 0), ==, 20000);
  /* Nobody sells twice the plan every month: everyone with a plan lags. */
  g_assert_true (sd_plan_fact_page_is_lagging (SD_PLAN_FACT_PAGE (page), manager));

  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  sd_test_spin ();
  g_assert_cmpint (sd_store_get_setting_int (fixture->store, "lag-threshold-bp",
                                             SD_PLAN_DEFAULT_LAG_THRESHOLD_BP), ==,
                   SD_PLAN_DEFAULT_LAG_THRESHOLD_BP);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (threshold), ==, 80);
}

/* An expected payment added through the dialog moves the probable result by amount ×
 * probability; a bad amount writes nothing and says why. */
static void
test_forecast_add_payment (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *page = sd_forecast_page_new (fixture->context);
  SdForecast before, after;
  SdPipelineDialog *dialog;
  guint n_before;

  sd_test_present (fixture->window, page);
  g_assert_true (sd_forecast_page_get_forecast (SD_FORECAST_PAGE (page), SD_PERIOD_MONTH, &before));
  n_before = sd_forecast_page_get_n_payments (SD_FORECAST_PAGE (page));

  dialog = SD_PIPELINE_DIALOG (sd_forecast_page_add_payment (SD_FORECAST_PAGE (page)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  sd_pipeline_dialog_fill (dialog, "ООО Вектор", 0, "12 abc", "28.11.2026", 60);
  g_assert_false (sd_pipeline_dialog_save (dialog));
  g_assert_nonnull (sd_pipeline_dialog_get_error (dialog));
  g_assert_cmpuint (sd_forecast_page_get_n_payments (SD_FORECAST_PAGE (page)), ==, n_before);

  sd_pipeline_dialog_fill (dialog, "ООО Вектор", 0, "1 000 000,50", "28.11.2026", 60);
  g_assert_true (sd_pipeline_dialog_save (dialog));
  SD_TEST_WAIT_FOR (dialog == NULL);
  sd_test_spin ();

  g_assert_cmpuint (sd_forecast_page_get_n_payments (SD_FORECAST_PAGE (page)), ==, n_before + 1);
  g_assert_true (sd_forecast_page_get_forecast (SD_FORECAST_PAGE (page), SD_PERIOD_MONTH, &after));
  /* 1 000 000,50 ₽ × 60 % = 600 000,30 ₽ */
  g_assert_cmpint (after.pipeline - before.pipeline, ==, 60000030);
  g_assert_cmpint (after.probable - before.probable, ==, 60000030);
}

static GFile *
write_csv (Fixture    *fixture,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static const char *
manager_name (Fixture *fixture,
              gint64   id)
{
  static char name[256];
  g_autoptr(SdStaffMember) member = sd_store_get_staff (fixture->store, id, NULL);

  g_strlcpy (name, member->name, sizeof name);
  return name;
}

/* A facts file with one bad row shows it and cannot be imported; a good one is written in one
 * undo step. */
static void
test_import_dialog_facts (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 manager = first_manager (fixture);
  const char *name = manager_name (fixture, manager);
  g_autofree char *bad_text = g_strdup_printf (
    "month;manager;revenue;paid;margin;deals;leads;calls\n"
    "2026-10;%s;\"1 000,50\";1000;100;1;2;3\n"
    "2026-10;Nobody;1;1;1;1;1;1\n", name);
  g_autofree char *good_text = g_strdup_printf (
    "month;manager;revenue;paid;margin;deals;leads;calls\n"
    "2026-10;%s;\"1 000,50\";1000;100;1;2;3\n", name);
  g_autoptr(GFile) bad = write_csv (fixture, "bad.csv", bad_text);
  g_autoptr(GFile) good = write_csv (fixture, "good.csv", good_text);
  g_autoptr(GArray) before = sd_store_list_facts (fixture->store, sd_month_make (2026, 10),
                                                  sd_month_make (2026, 10), NULL);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) undone = NULL;
  g_autoptr(GError) error = NULL;
  SdImportDialog *dialog;
  gboolean found = FALSE;

  dialog = sd_import_dialog_new (fixture->context, fixture->window, SD_IMPORT_FACTS);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  sd_import_dialog_load_file (dialog, bad);
  g_assert_cmpuint (sd_import_dialog_get_n_rejected (dialog), ==, 1);
  g_assert_false (sd_import_dialog_can_import (dialog));
  g_assert_false (sd_import_dialog_import (dialog));

  sd_import_dialog_load_file (dialog, good);
  g_assert_cmpuint (sd_import_dialog_get_n_rejected (dialog), ==, 0);
  g_assert_cmpuint (sd_import_dialog_get_n_rows (dialog), ==, 1);
  g_assert_true (sd_import_dialog_can_import (dialog));
  g_assert_true (sd_import_dialog_import (dialog));
  SD_TEST_WAIT_FOR (dialog == NULL);

  after = sd_store_list_facts (fixture->store, sd_month_make (2026, 10), sd_month_make (2026, 10),
                               NULL);
  for (guint i = 0; i < after->len; i++)
    {
      const SdFact *fact = &g_array_index (after, SdFact, i);

      if (fact->manager_id == manager)
        {
          found = TRUE;
          g_assert_cmpint (fact->revenue, ==, 100050);
          g_assert_cmpint (fact->calls, ==, 3);
        }
    }
  g_assert_true (found);

  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = sd_store_list_facts (fixture->store, sd_month_make (2026, 10), sd_month_make (2026, 10),
                                NULL);
  g_assert_cmpuint (undone->len, ==, before->len);
  for (guint i = 0; i < undone->len; i++)
    g_assert_cmpint (g_array_index (undone, SdFact, i).revenue, ==,
                     g_array_index (before, SdFact, i).revenue);
}

/* The chart view follows the dark style: its text colour changes. (The charts library's own
 * tests check the pixels.) */
static void
test_chart_view_dark (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *page = sd_plan_fact_page_new (fixture->context);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SdChartView *view;
  SdChartStyle light, dark;

  sd_test_present (fixture->window, page);
  /* Find the first chart view in the page. */
  {
    GtkWidget *stack[64];
    guint n = 0;

    view = NULL;
    stack[n++] = page;
    while (n > 0 && view == NULL)
      {
        GtkWidget *w = stack[--n];

        if (SD_IS_CHART_VIEW (w))
          view = SD_CHART_VIEW (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < 64;
             c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
  }
  g_assert_nonnull (view);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  sd_test_spin ();
  sd_chart_view_get_style (view, &light);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  sd_test_spin ();
  sd_chart_view_get_style (view, &dark);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpfloat (light.text.red + light.text.green + light.text.blue, <,
                     dark.text.red + dark.text.green + dark.text.blue);

  g_assert_cmpint (sd_chart_view_get_highlight (view), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  sd_test_gui_init (&argc, &argv, TODAY, FALSE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, sd_test_page_fixture_tear_down)

  ADD ("/analysis/plan-fact/completion-as-computed", test_plan_fact_completion);
  ADD ("/analysis/plan-fact/threshold-marks-lagging-and-undoes", test_plan_fact_threshold);
  ADD ("/analysis/forecast/add-payment-through-the-dialog", test_forecast_add_payment);
  ADD ("/analysis/chart-view/follows-dark-style", test_chart_view_dark);
  ADD ("/analysis/import/facts-preview-rejects-then-imports", test_import_dialog_facts);

#undef ADD

  return g_test_run ();
}
