/* test-pay-gui.c — the schemes and payroll pages driven through their real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pay-gui"

#include "config.h"

#include "sd-context.h"
#include "sd-payroll-page.h"
#include "sd-scheme-library.h"
#include "sd-schemes-page.h"
#include "sd-store.h"
#include "sd-test-gui.h"

typedef SdTestPageFixture Fixture;

/* Shows `page` in a window (pages read the file when they are shown) and returns the window. */
static GtkWidget *
show_page (GtkWidget *page)
{
  return sd_test_show_page (page, 900, 600);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sd_test_page_fixture_set_up (fixture, "sd-pay-gui-XXXXXX", 0, 0, NULL, 0, 0);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_schemes_page_follows_store (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) scheme = sd_scheme_library_create (0);
  GtkWidget *page = g_object_ref_sink (sd_schemes_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkListBox *list = GTK_LIST_BOX (sd_test_find_type (page, GTK_TYPE_LIST_BOX));
  gint64 id;

  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, 0);

  id = sd_store_add_scheme (fixture->store, scheme, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  sd_test_spin ();
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, scheme->name);

  g_assert_true (sd_store_remove_scheme (fixture->store, id, &error));
  g_assert_no_error (error);
  sd_test_spin ();
  g_assert_cmpuint (count_rows (list), ==, 0);

  sd_test_hide_page (window);
  g_object_unref (page);
}

static void
test_payroll_page_empty_company_has_total_row (Fixture       *fixture,
                                               gconstpointer  data)
{
  GtkWidget *page = g_object_ref_sink (sd_payroll_page_new (fixture->context));
  GtkWidget *window = show_page (page);
  GtkListBox *list = GTK_LIST_BOX (sd_test_find_type (page, GTK_TYPE_LIST_BOX));

  g_assert_nonnull (list);
  /* No staff: only the department total. */
  g_assert_cmpuint (count_rows (list), ==, 1);
  sd_test_hide_page (window);
  g_object_unref (page);
}

/* Writes `page` shown in a window to $SD_SNAPSHOT_DIR/name.png when that variable is set,
 * so that a person can look at it. */
static void
maybe_snapshot (GtkWidget  *page,
                const char *name)
{
  GtkWidget *window;

  if (sd_test_snapshot_dir () == NULL)
    return;
  window = show_page (page);
  sd_test_maybe_snapshot (window, name);
  sd_test_hide_page (window);
}

static char *
expected_total_title (Fixture *fixture,
                      SdMonth  month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPayroll) payroll = sd_store_compute_payroll (fixture->store, month,
                                                           sd_context_get_calendar (fixture->context),
                                                           sd_number_style_current (), &error);
  g_autofree char *total = NULL;

  g_assert_no_error (error);
  total = sd_money_format (payroll->total, sd_number_style_current (), "₽");
  return g_strdup_printf ("Department total: %s", total);
}

static const char *
last_row_title (GtkListBox *list)
{
  guint n = count_rows (list);

  g_assert_cmpuint (n, >, 0);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, n - 1)));
}

static void
test_payroll_page_closed_month_is_frozen (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) scheme = sd_scheme_library_create (0);
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  SdMonth march = sd_month_make (2026, 3);
  SdFact fact = { 0, };
  GtkWidget *page;
  GtkWidget *window;
  GtkListBox *list;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 scheme_id, manager_id;

  scheme_id = sd_store_add_scheme (fixture->store, scheme, &error);
  g_assert_no_error (error);
  member->name = g_strdup ("Иванов Иван");
  g_date_set_dmy (&member->hired, 1, 1, 2026);
  manager_id = sd_store_add_staff (fixture->store, member, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_assign_scheme (fixture->store, manager_id, scheme_id,
                                         sd_month_make (2026, 1), &error));
  g_assert_no_error (error);
  fact.manager_id = manager_id;
  fact.month = march;
  fact.revenue = fact.paid = fact.margin = 1000000 * (SdMoney) 100;
  g_assert_true (sd_store_set_fact (fixture->store, &fact, &error));
  g_assert_no_error (error);

  /* Today is 2026-04-15: the page opens on March. */
  page = g_object_ref_sink (sd_payroll_page_new (fixture->context));
  window = show_page (page);
  list = GTK_LIST_BOX (sd_test_find_type (page, GTK_TYPE_LIST_BOX));
  g_assert_cmpuint (count_rows (list), ==, 2);
  before = expected_total_title (fixture, march);
  g_assert_cmpstr (last_row_title (list), ==, before);

  g_assert_true (sd_store_close_month (fixture->store, march,
                                       sd_context_get_calendar (fixture->context), &error));
  g_assert_no_error (error);
  scheme->salary += 10000 * (SdMoney) 100;
  g_assert_true (sd_store_update_scheme (fixture->store, scheme_id, scheme, &error));
  g_assert_no_error (error);
  sd_test_spin ();
  /* Frozen: the same figures as before the scheme changed. */
  g_assert_cmpstr (last_row_title (list), ==, before);

  g_assert_true (sd_store_reopen_month (fixture->store, march, "correction", &error));
  g_assert_no_error (error);
  sd_test_spin ();
  after = expected_total_title (fixture, march);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpstr (last_row_title (list), ==, after);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, 0)), TRUE);
  sd_test_hide_page (window);
  maybe_snapshot (page, "payroll-page.png");
  {
    GtkWidget *schemes = g_object_ref_sink (sd_schemes_page_new (fixture->context));

    maybe_snapshot (schemes, "schemes-page.png");
    g_object_unref (schemes);
  }

  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SALESDESK_TODAY", "2026-04-15", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, sd_test_page_fixture_tear_down)
  ADD ("/pay-gui/schemes/follows-store", test_schemes_page_follows_store);
  ADD ("/pay-gui/payroll/empty-company-has-total-row",
       test_payroll_page_empty_company_has_total_row);
  ADD ("/pay-gui/payroll/closed-month-is-frozen", test_payroll_page_closed_month_is_frozen);
#undef ADD

  return g_test_run ();
}
