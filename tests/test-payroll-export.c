/* test-payroll-export.c — payroll.csv and the payroll workbook through the store, and the
 * payroll / import-scheme commands
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-payroll-export"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sd-export.h"
#include "sd-payroll-export.h"
#include "sd-store.h"
#include "sd-test-store.h"

#include "sd-cli.h"
#include "sd-cli-pay.h"

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) scheme = sd_scheme_new ();
  gint64 ivanov;
  gint64 id;

  f->store = sd_test_create_in_new_dir ("test-payroll-export-XXXXXX", "ООО Ромашка", &f->dir,
                                        &f->path);
  sd_test_add_member (f->store, "Соколова Анна", SD_ROLE_HEAD, "2025-01-01", NULL);
  ivanov = sd_test_add_member (f->store, "Иванов, Пётр", SD_ROLE_MANAGER, "2025-01-01", NULL);
  g_free (scheme->name);
  scheme->name = g_strdup ("=Оклад");
  scheme->salary = 5000050;
  sd_scheme_add_tier (scheme, 0, 0);
  id = sd_store_add_scheme (f->store, scheme, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_assign_scheme (f->store, ivanov, id, sd_month_make (2025, 1), &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_company (g_steal_pointer (&f->store), f->dir, f->path);
}

static void
test_csv_exact (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "pay.csv", NULL);
  g_autofree char *text = NULL;

  g_assert_true (sd_export_payroll (f->store, sd_calendar_get_default (), sd_month_make (2025, 3),
                                    out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "manager,worked_days,working_days,salary,commission,kpi,overplan,cap_adjustment,total\n"
                   "Соколова Анна,21,21,0.00,0.00,0.00,0.00,0.00,0.00\n"
                   "\"Иванов, Пётр\",21,21,50000.50,0.00,0.00,0.00,0.00,50000.50\n"
                   "TOTAL,,,50000.50,0.00,0.00,0.00,0.00,50000.50\n");
}

static void
test_xlsx_and_unwritable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "pay.xlsx", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "pay.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n_before, n_after;

  g_assert_true (sd_export_payroll (f->store, sd_calendar_get_default (), sd_month_make (2025, 3),
                                    out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &before, &n_before, NULL));
  g_assert_cmpuint (n_before, >, 1000);
  g_assert_true (memcmp (before, "PK", 2) == 0);

  g_assert_false (sd_export_payroll (f->store, sd_calendar_get_default (),
                                     sd_month_make (2025, 3), bad, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (sd_export_payroll (f->store, sd_calendar_get_default (),
                                     sd_month_make (2025, 3), "pay.pdf", NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (out, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
}

/* The commands print their one line of success on stdout, which carries this program's TAP
 * report: keep what they print for the assertions instead. */
static GString *printed;

static void
capture_print (const char *text)
{
  g_string_append (printed, text);
}

static void
test_cli_exit_codes (Fixture       *f,
                     gconstpointer  data)
{
  GPrintFunc old_print;
  g_autofree char *csv = g_build_filename (f->dir, "cli.csv", NULL);
  g_autofree char *json = g_build_filename (f->dir, "s.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.salesdesk", NULL);

  g_clear_object (&f->store);     /* the commands open the file themselves */
  printed = g_string_new (NULL);
  old_print = g_set_print_handler (capture_print);
  g_assert_true (g_file_set_contents (json, "{\"name\": \"Простая\", \"salary\": \"1000.00\", "
                                      "\"commission\": {\"tiers\": [{\"from_pct\": 0, \"rate_pct\": 3}]}}",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"name\": \"Плохая\", \"salary\": \"-1\"}",
                                      -1, NULL));

  g_assert_cmpint (sd_cli_payroll (f->path, "2025-13", csv), ==, SD_CLI_EXIT_REFUSED);
  g_assert_cmpint (sd_cli_payroll (f->path, "2025-03", "x.txt"), ==, SD_CLI_EXIT_REFUSED);
  g_assert_cmpint (sd_cli_payroll (missing, "2025-03", csv), ==, SD_CLI_EXIT_FILE);
  g_assert_cmpint (sd_cli_payroll (f->path, "2025-03", csv), ==, SD_CLI_EXIT_OK);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (sd_cli_import_scheme (f->path, broken), ==, SD_CLI_EXIT_REFUSED);
  g_assert_cmpint (sd_cli_import_scheme (missing, json), ==, SD_CLI_EXIT_FILE);
  g_assert_cmpint (sd_cli_import_scheme (f->path, json), ==, SD_CLI_EXIT_OK);
  g_assert_cmpint (sd_cli_import_scheme (f->path, json), ==, SD_CLI_EXIT_OK);

  g_set_print_handler (old_print);
  /* A line for each success: saved, imported, replaced. */
  {
    guint lines = 0;

    for (const char *p = printed->str; *p != '\0'; p++)
      lines += *p == '\n';
    /* (with --verbose, debug messages come this way too) */
    g_assert_cmpuint (lines, >=, 3);
    g_assert_nonnull (strstr (printed->str, "cli.csv"));
    g_assert_nonnull (strstr (printed->str, "Простая"));
  }
  g_string_free (printed, TRUE);
  printed = NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sd_test_private_home ("test-payroll-export-home-XXXXXX");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/payroll-export/csv/exact-bytes-via-store", test_csv_exact);
  ADD ("/payroll-export/xlsx/written-unwritable-leaves-earlier", test_xlsx_and_unwritable);
  ADD ("/payroll-export/cli/exit-codes", test_cli_exit_codes);
#undef ADD

  {
    int result = g_test_run ();

    sd_test_remove_tree (home);
    return result;
  }
}
