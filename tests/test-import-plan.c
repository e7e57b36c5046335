/* test-import-plan.c — facts.csv and plan.csv turned into rows, with every rejection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-plan"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sd-import.h"

static SdCsv *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  SdCsv *csv = sd_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return csv;
}

static void
test_facts_forms (void)
{
  g_autoptr(SdCsv) csv = parse ("\xEF\xBB\xBF" "Calls;Leads;Deals;Margin;Paid;Revenue;Manager;Month;Extra\r\n"
                                "500;40;10;-2500,25;1 000 000;\"1 500 000,50 ₽\"; Иванов Иван ;2026-03;x\r\n"
                                "0;0;0;0;0;0;Петрова Анна;2026-04;\r\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sd_import_facts_csv (csv, &problems, &error);
  SdFactRow *row;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->manager, ==, "Иванов Иван");
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpint (row->fact.month, ==, sd_month_make (2026, 3));
  g_assert_cmpint (row->fact.revenue, ==, 150000050);
  g_assert_cmpint (row->fact.paid, ==, 100000000);
  g_assert_cmpint (row->fact.margin, ==, -250025);
  g_assert_cmpint (row->fact.deals, ==, 10);
  g_assert_cmpint (row->fact.leads, ==, 40);
  g_assert_cmpint (row->fact.calls, ==, 500);
}

static void
test_facts_windows_1251 (void)
{
  /* "Иван" in Windows-1251 */
  static const char text[] = "month,manager,revenue,paid,margin,deals,leads,calls\n"
                             "2026-03,\xC8\xE2\xE0\xED,1.50,1,1,1,1,1\n";
  g_autoptr(SdCsv) csv = parse (text);
  g_autoptr(GPtrArray) rows = sd_import_facts_csv (csv, NULL, NULL);

  g_assert_nonnull (rows);
  g_assert_cmpstr (((SdFactRow *) g_ptr_array_index (rows, 0))->manager, ==, "Иван");
  g_assert_cmpint (((SdFactRow *) g_ptr_array_index (rows, 0))->fact.revenue, ==, 150);
}

/* Each bad row is reported with its line; one reason per problem; nothing comes back. */
static void
test_facts_rejections (void)
{
  static const struct {
    const char *row;
    const char *reason;   /* a part of the message */
  } cases[] = {
    { "2026-13,A,1,1,1,1,1,1", "the month" },
    { "2026-03,,1,1,1,1,1,1", "name of the manager is empty" },
    { "2026-03,A,abc,1,1,1,1,1", "revenue" },
    { "2026-03,A,-1,1,1,1,1,1", "revenue cannot be below zero" },
    { "2026-03,A,1,-1,1,1,1,1", "paid cannot be below zero" },
    { "2026-03,A,1,1,1,1.5,1,1", "deals" },
    { "2026-03,A,1,1,1,1,-2,1", "leads" },
    { "2026-03,A,1,1,1,1,1,", "calls is empty" },
    { "2026-03,A,1,1,1,2,3", "calls is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("month,manager,revenue,paid,margin,deals,leads,calls\n%s\n",
                                               cases[i].row);
      g_autoptr(SdCsv) csv = parse (text);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = sd_import_facts_csv (csv, &problems, &error);
      const SdImportProblem *problem;

      g_assert_null (rows);
      g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
      g_assert_nonnull (problems);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpuint (problem->line, ==, 2);
      if (strstr (problem->message, cases[i].reason) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, problem->message, cases[i].reason);
    }
}

static void
test_facts_duplicate_and_columns (void)
{
  g_autoptr(SdCsv) twice = parse ("month,manager,revenue,paid,margin,deals,leads,calls\n"
                                  "2026-03,Иван,1,1,1,1,1,1\n"
                                  "2026-03,ИВАН ,2,2,2,2,2,2\n");
  g_autoptr(SdCsv) missing = parse ("month,manager,revenue\n2026-03,A,1\n");
  g_autoptr(SdCsv) empty = parse ("month,manager,revenue,paid,margin,deals,leads,calls\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (sd_import_facts_csv (twice, &problems, &error));
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
  g_assert_cmpuint (((SdImportProblem *) g_ptr_array_index (problems, 0))->line, ==, 3);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_null (sd_import_facts_csv (missing, &problems, &error));
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "“paid”"));
  g_clear_error (&error);

  g_assert_null (sd_import_facts_csv (empty, &problems, &error));
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_EMPTY);
}

static void
test_plan_rows_and_resolve (void)
{
  g_autoptr(SdCsv) csv = parse ("month,manager,revenue,leads,deals\n"
                                "2026-03,,12000000.00,411,96\n"
                                "2026-03,Иван,\"1 000,00\",,\n"
                                "2026-04,Пётр,5,1,1\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sd_import_plan_csv (csv, &problems, &error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 ivan = 7;
  SdPlanRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_null (row->manager);
  g_assert_cmpint (row->entry.revenue, ==, 1200000000);
  g_assert_cmpint (row->entry.leads, ==, 411);
  g_assert_true (row->has_funnel);
  row = g_ptr_array_index (rows, 1);
  g_assert_false (row->has_funnel);
  g_assert_cmpint (row->entry.deals, ==, 0);

  /* Names match without case or blanks at the ends; an unknown one is a rejected row. */
  g_hash_table_insert (ids, sd_import_name_key (" иван "), &ivan);
  g_assert_false (sd_import_resolve_plan (rows, ids, &problems, &error));
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((SdImportProblem *) g_ptr_array_index (problems, 0))->line, ==, 4);
  g_assert_cmpint (((SdPlanRow *) g_ptr_array_index (rows, 1))->entry.manager_id, ==, 7);
  g_assert_cmpint (((SdPlanRow *) g_ptr_array_index (rows, 0))->entry.manager_id, ==, 0);
}

static void
test_plan_department_twice (void)
{
  g_autoptr(SdCsv) csv = parse ("month,manager,revenue\n2026-03,,1\n2026-03, ,2\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (sd_import_plan_csv (csv, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((SdImportProblem *) g_ptr_array_index (problems, 0))->message,
                            "2026-03"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/facts/any-order-bom-decimal-comma", test_facts_forms);
  g_test_add_func ("/import/facts/windows-1251", test_facts_windows_1251);
  g_test_add_func ("/import/facts/each-rejection-with-its-line", test_facts_rejections);
  g_test_add_func ("/import/facts/duplicate-missing-column-empty", test_facts_duplicate_and_columns);
  g_test_add_func ("/import/plan/rows-and-names-resolved", test_plan_rows_and_resolve);
  g_test_add_func ("/import/plan/department-twice", test_plan_department_twice);

  return g_test_run ();
}
