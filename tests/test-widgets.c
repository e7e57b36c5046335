/* test-widgets.c — every templated widget builds and goes away cleanly; context notifies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-widgets"

#include "config.h"

#include "sd-company-page.h"
#include "sd-context.h"
#include "sd-staff-dialog.h"
#include "sd-staff-item.h"
#include "sd-staff-page.h"
#include "sd-store.h"
#include "sd-test-gui.h"
#include "sd-window.h"

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sd_test_make_dir ("sd-widgets-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "widgets.salesdesk", NULL);
  fixture->store = sd_store_create (fixture->path, "ООО «Рога & Копыта»", "RUB", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sd_test_remove_company (fixture->store, fixture->dir, fixture->path);
}

static void
test_window_finalizes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SdContext) context = sd_context_new (fixture->store, NULL);
  SdWindow *window = sd_window_new (NULL, context);

  g_assert_true (SD_IS_WINDOW (window));
  g_assert_true (sd_window_get_context (window) == context);

  /* GTK owns toplevels: keep our own reference across the destroy. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  sd_test_spin ();
  gtk_window_destroy (GTK_WINDOW (window));
  sd_test_spin ();
  g_assert_finalize_object (window);
}

static void
test_window_without_company_finalizes (void)
{
  g_autoptr(SdContext) context = sd_context_new (NULL, NULL);
  SdWindow *window = sd_window_new (NULL, context);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_staff_page_finalizes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SdContext) context = sd_context_new (fixture->store, NULL);
  GtkWidget *page = sd_staff_page_new (context);

  g_object_ref_sink (page);
  g_assert_true (sd_staff_page_get_context (SD_STAFF_PAGE (page)) == context);
  g_assert_finalize_object (page);
}

static void
test_company_page_finalizes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SdContext) context = sd_context_new (fixture->store, NULL);
  GtkWidget *page = sd_company_page_new (context);

  g_object_ref_sink (page);
  g_assert_true (sd_company_page_get_context (SD_COMPANY_PAGE (page)) == context);
  g_assert_finalize_object (page);
}

static void
test_staff_dialog_finalizes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  SdStaffDialog *dialog;

  /* Adding */
  dialog = sd_staff_dialog_new (NULL, fixture->store, NULL);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Editing */
  member->id = 7;
  member->name = g_strdup ("Иванов Пётр");
  member->role = SD_ROLE_HEAD;
  g_date_set_dmy (&member->hired, 15, G_DATE_MARCH, 2026);
  dialog = sd_staff_dialog_new (NULL, fixture->store, member);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  sd_test_spin ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  sd_test_spin ();
  g_assert_finalize_object (dialog);
}

static void
test_staff_item_wraps_a_copy (void)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  SdStaffItem *item;
  g_autofree char *name = NULL;
  gint64 id = 0;
  gboolean archived = FALSE;

  member->id = 42;
  member->name = g_strdup ("Сидорова Анна");
  member->archived = TRUE;
  g_date_set_dmy (&member->hired, 1, G_DATE_FEBRUARY, 2025);

  item = sd_staff_item_new (member);
  g_free (member->name);
  member->name = g_strdup ("changed");

  g_assert_cmpstr (sd_staff_item_get_name (item), ==, "Сидорова Анна");
  g_assert_cmpint (sd_staff_item_get_id (item), ==, 42);
  g_assert_true (sd_staff_item_is_archived (item));
  g_object_get (item, "name", &name, "id", &id, "archived", &archived, NULL);
  g_assert_cmpstr (name, ==, "Сидорова Анна");
  g_assert_cmpint (id, ==, 42);
  g_assert_true (archived);
  g_assert_finalize_object (item);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_context_notifies_store_once (Fixture       *fixture,
                                  gconstpointer  data)
{
  SdContext *context = sd_context_new (NULL, NULL);
  guint count = 0;

  g_signal_connect (context, "notify::store", G_CALLBACK (count_notify), &count);

  sd_context_set_store (context, fixture->store);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sd_context_get_store (context) == fixture->store);

  /* The same store again is no change. */
  sd_context_set_store (context, fixture->store);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (context, "store", fixture->store, NULL);
  g_assert_cmpuint (count, ==, 1);

  sd_context_set_store (context, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (sd_context_get_store (context));
  sd_context_set_store (context, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_assert_nonnull (sd_context_get_calendar (context));
  g_assert_null (sd_context_get_settings (context));
  g_assert_finalize_object (context);
}

static void
test_context_guards (void)
{
  g_autoptr(GObject) not_a_store = g_object_new (G_TYPE_OBJECT, NULL);

  g_test_expect_message ("sd-context", G_LOG_LEVEL_CRITICAL, "*SD_IS_CONTEXT*");
  g_assert_null (sd_context_get_store (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("sd-context", G_LOG_LEVEL_CRITICAL, "*SD_IS_CONTEXT*");
  sd_context_set_store (NULL, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("sd-context", G_LOG_LEVEL_CRITICAL, "*SD_IS_STORE*");
  g_assert_null (sd_context_new ((SdStore *) not_a_store, NULL));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  /* Every test gets its own XDG directories, system data included, from g_test_init () on. */
  sd_test_gui_init (&argc, &argv, NULL, TRUE);

  g_test_add ("/widgets/window/finalizes", Fixture, NULL,
              fixture_set_up, test_window_finalizes, fixture_tear_down);
  g_test_add_func ("/widgets/window/without-company-finalizes",
                   test_window_without_company_finalizes);
  g_test_add ("/widgets/staff-page/finalizes", Fixture, NULL,
              fixture_set_up, test_staff_page_finalizes, fixture_tear_down);
  g_test_add ("/widgets/company-page/finalizes", Fixture, NULL,
              fixture_set_up, test_company_page_finalizes, fixture_tear_down);
  g_test_add ("/widgets/staff-dialog/finalizes", Fixture, NULL,
              fixture_set_up, test_staff_dialog_finalizes, fixture_tear_down);
  g_test_add_func ("/widgets/staff-item/wraps-a-copy", test_staff_item_wraps_a_copy);
  g_test_add ("/widgets/context/notifies-store-once-per-change", Fixture, NULL,
              fixture_set_up, test_context_notifies_store_once, fixture_tear_down);
  g_test_add_func ("/widgets/context/guards-public-api", test_context_guards);

  return g_test_run ();
}
