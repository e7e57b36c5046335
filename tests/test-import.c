/* test-import.c — staff.csv into staff members, every bad row reported
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-import.h"
#include "sd-test-util.h"

static SdCsv *
csv_from (const char *data)
{
  g_autoptr(GError) error = NULL;
  SdCsv *csv = sd_csv_parse (data, strlen (data), &error);

  g_assert_no_error (error);
  return csv;
}

static void
test_good_file (void)
{
  static const char data[] =
    "manager,role,hired,left,scheme\n"
    "Анна Петрова,manager,2026-03-15,,Базовая\n"
    "  Борис Сидоров  ,head,2024-01-10,2025-12-31,  \n"
    "Вера,Менеджер,01.02.2025,15.6.2025,\n";
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, &problems, &error);
  const SdStaffMember *m;

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_nonnull (members);
  g_assert_cmpuint (members->len, ==, 3);

  m = g_ptr_array_index (members, 0);
  g_assert_cmpint (m->id, ==, 0);
  g_assert_cmpstr (m->name, ==, "Анна Петрова");
  g_assert_cmpint (m->role, ==, SD_ROLE_MANAGER);
  sd_test_assert_dmy (&m->hired, 2026, 3, 15);
  g_assert_false (g_date_valid (&m->left));
  g_assert_cmpstr (m->scheme, ==, "Базовая");
  g_assert_false (m->archived);

  m = g_ptr_array_index (members, 1);
  g_assert_cmpstr (m->name, ==, "Борис Сидоров");
  g_assert_cmpint (m->role, ==, SD_ROLE_HEAD);
  sd_test_assert_dmy (&m->hired, 2024, 1, 10);
  sd_test_assert_dmy (&m->left, 2025, 12, 31);
  g_assert_null (m->scheme);

  m = g_ptr_array_index (members, 2);
  g_assert_cmpstr (m->name, ==, "Вера");
  sd_test_assert_dmy (&m->hired, 2025, 2, 1);
  sd_test_assert_dmy (&m->left, 2025, 6, 15);

  for (guint i = 0; i < members->len; i++)
    g_assert_true (sd_staff_member_validate (g_ptr_array_index (members, i), NULL));
}

static void
test_optional_columns_absent (void)
{
  /* Columns in another order, without left and scheme. */
  static const char data[] = "Hired;Role;Manager\n2026-03-15;head;Анна\n";
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, NULL, &error);
  const SdStaffMember *m;

  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  m = g_ptr_array_index (members, 0);
  g_assert_cmpstr (m->name, ==, "Анна");
  g_assert_cmpint (m->role, ==, SD_ROLE_HEAD);
  g_assert_false (g_date_valid (&m->left));
  g_assert_null (m->scheme);
}

typedef struct {
  guint       line;
  const char *fragment;
} ExpectedProblem;

static void
assert_problems (GPtrArray             *problems,
                 const ExpectedProblem *expected,
                 guint                  n_expected)
{
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const SdImportProblem *p = g_ptr_array_index (problems, i);
      g_test_message ("line %u: %s", p->line, p->message);
    }
  g_assert_cmpuint (problems->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const SdImportProblem *p = g_ptr_array_index (problems, i);

      g_assert_cmpuint (p->line, ==, expected[i].line);
      g_assert_nonnull (strstr (p->message, expected[i].fragment));
    }
}

static void
test_each_rejection_with_line (void)
{
  static const char data[] =
    "manager,role,hired,left,scheme\n"          /* 1 */
    "Анна,manager,2026-03-15,,\n"                /* 2: sound */
    ",manager,2026-03-15,,\n"                    /* 3: empty name */
    "Борис,boss,2026-03-15,,\n"                  /* 4: bad role */
    "Вера,manager,2026-02-30,,\n"                /* 5: impossible hire date */
    "Глеб,manager,,,\n"                          /* 6: no hire date */
    "Дина,manager,2026-03-15,someday,\n"         /* 7: bad leave date */
    "Егор,manager,2026-03-15,2026-02-01,\n"      /* 8: leave before hire */
    ",,,,\n"                                     /*    skipped: empty */
    ",,tomorrow,,\n"                             /* 10: three problems */
    "Жанна,,2026-03-15,,\n";                     /* 11: empty role */
  static const ExpectedProblem expected[] = {
    { 3, "name" },
    { 4, "«boss»" },
    { 5, "«2026-02-30»" },
    { 6, "hire date" },
    { 7, "«someday»" },
    { 8, "before the hire date" },
    { 10, "name" },
    { 10, "role" },
    { 10, "«tomorrow»" },
    { 11, "role" },
  };
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, &problems, &error);

  g_assert_null (members);
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
  /* 8 bad rows of 9: the plural follows the number of bad rows. */
  g_assert_nonnull (strstr (error->message, "8 rows of 9 have problems"));
  assert_problems (problems, expected, G_N_ELEMENTS (expected));
}

static void
test_one_bad_row_message (void)
{
  static const char data[] = "manager,role,hired\nАнна,manager,2026-03-15\nБорис,x,2026-03-15\n";
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, NULL, &error);

  g_assert_null (members);
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "1 row of 2 has problems"));
}

static void
test_duplicate_names (void)
{
  static const char data[] =
    "manager,role,hired\n"
    "Анна Петрова,manager,2026-03-15\n"         /* 2 */
    "Борис,manager,2026-03-15\n"                /* 3 */
    "  анна петрова ,head,2025-01-01\n"         /* 4: the same name, other case */
    "БОРИС,manager,2026-03-15\n"                /* 5 */
    "Анна Петрова,manager,2026-03-15\n";        /* 6 */
  static const ExpectedProblem expected[] = {
    { 4, "line 2" },
    { 5, "line 3" },
    { 6, "line 2" },
  };
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, &problems, &error);

  g_assert_null (members);
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
  assert_problems (problems, expected, G_N_ELEMENTS (expected));
  g_assert_nonnull (strstr (((SdImportProblem *) g_ptr_array_index (problems, 0))->message,
                            "«анна петрова»"));
}

static void
test_missing_columns (void)
{
  static const struct {
    const char *data;
    const char *names[3];
  } cases[] = {
    { "name,role,hired\nАнна,manager,2026-03-15\n", { "“manager”", NULL } },
    { "manager\nАнна\n", { "“role”", "“hired”", NULL } },
    { "x,y\n1,2\n", { "“manager”", "“role”", "“hired”" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdCsv) csv = csv_from (cases[i].data);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, &problems, &error);

      g_assert_null (members);
      g_assert_null (problems);
      g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_COLUMNS);
      g_assert_nonnull (strstr (error->message, "manager,role,hired,left,scheme"));
      for (guint n = 0; n < 3 && cases[i].names[n] != NULL; n++)
        g_assert_nonnull (strstr (error->message, cases[i].names[n]));
    }
}

static void
test_no_rows (void)
{
  g_autoptr(SdCsv) csv = csv_from ("manager,role,hired,left,scheme\n\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, &problems, &error);

  g_assert_null (members);
  g_assert_null (problems);
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_EMPTY);
}

static void
test_windows_1251_file (void)
{
  /* As Excel saves "CSV (разделители — точка с запятой)" in Windows-1251:
   *   manager;role;hired;left;scheme
   *   Иванов Иван;менеджер;15.03.2026;;
   *   Петрова Анна;РОП;01.09.2024;31.12.2025;Базовая */
  static const char data[] =
    "manager;role;hired;left;scheme\r\n"
    "\xc8\xe2\xe0\xed\xee\xe2 \xc8\xe2\xe0\xed;\xec\xe5\xed\xe5\xe4\xe6\xe5\xf0;15.03.2026;;\r\n"
    "\xcf\xe5\xf2\xf0\xee\xe2\xe0 \xc0\xed\xed\xe0;\xd0\xce\xcf;01.09.2024;31.12.2025;"
    "\xc1\xe0\xe7\xee\xe2\xe0\xff\r\n";
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  const SdStaffMember *m;

  g_assert_cmpstr (sd_csv_get_encoding (csv), ==, "WINDOWS-1251");
  g_assert_cmpint (sd_csv_get_separator (csv), ==, ';');

  members = sd_import_staff_csv (csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);

  m = g_ptr_array_index (members, 0);
  g_assert_cmpstr (m->name, ==, "Иванов Иван");
  g_assert_cmpint (m->role, ==, SD_ROLE_MANAGER);
  sd_test_assert_dmy (&m->hired, 2026, 3, 15);
  g_assert_false (g_date_valid (&m->left));
  g_assert_null (m->scheme);

  m = g_ptr_array_index (members, 1);
  g_assert_cmpstr (m->name, ==, "Петрова Анна");
  g_assert_cmpint (m->role, ==, SD_ROLE_HEAD);
  sd_test_assert_dmy (&m->hired, 2024, 9, 1);
  sd_test_assert_dmy (&m->left, 2025, 12, 31);
  g_assert_cmpstr (m->scheme, ==, "Базовая");
}

static void
test_unicode_blanks_trimmed (void)
{
  /* Spreadsheets leave no-break spaces around cells; a name of nothing else is empty. */
  static const char data[] =
    "manager,role,hired\n"
    "\xc2\xa0Анна\xe2\x80\xaf,\xc2\xa0head,2026-03-15\xc2\xa0\n"
    "\xc2\xa0\xc2\xa0,manager,2026-03-15\n";
  static const ExpectedProblem expected[] = {
    { 3, "name" },
  };
  g_autoptr(SdCsv) csv = csv_from (data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sd_import_staff_csv (csv, &problems, &error);

  g_assert_null (members);
  g_assert_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS);
  assert_problems (problems, expected, G_N_ELEMENTS (expected));
  g_clear_pointer (&csv, sd_csv_free);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);

  csv = csv_from ("manager,role,hired\n\xc2\xa0Анна\xe2\x80\xaf,\xc2\xa0head,2026-03-15\xc2\xa0\n");
  members = sd_import_staff_csv (csv, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((SdStaffMember *) g_ptr_array_index (members, 0))->name, ==, "Анна");
  g_assert_cmpint (((SdStaffMember *) g_ptr_array_index (members, 0))->role, ==, SD_ROLE_HEAD);
}

static void
test_format_problems (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_problem_free);
  g_autofree char *all = NULL;
  g_autofree char *two = NULL;
  g_autofree char *none = NULL;
  g_autofree char *empty = NULL;

  for (guint i = 0; i < 4; i++)
    {
      SdImportProblem *p = g_new0 (SdImportProblem, 1);

      p->line = i + 2;
      p->message = g_strdup_printf ("problem %u", i);
      g_ptr_array_add (problems, p);
    }

  all = sd_import_format_problems (problems, 10);
  g_assert_cmpstr (all, ==, "line 2: problem 0\nline 3: problem 1\nline 4: problem 2\nline 5: problem 3");
  two = sd_import_format_problems (problems, 2);
  g_assert_cmpstr (two, ==, "line 2: problem 0\nline 3: problem 1\n… and 2 more problems");
  none = sd_import_format_problems (problems, 0);
  g_assert_cmpstr (none, ==, "… and 4 more problems");

  g_ptr_array_set_size (problems, 0);
  empty = sd_import_format_problems (problems, 3);
  g_assert_cmpstr (empty, ==, "");

  sd_import_problem_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/staff/good-file", test_good_file);
  g_test_add_func ("/import/staff/optional-columns-absent", test_optional_columns_absent);
  g_test_add_func ("/import/staff/each-rejection-names-its-line", test_each_rejection_with_line);
  g_test_add_func ("/import/staff/one-bad-row-singular", test_one_bad_row_message);
  g_test_add_func ("/import/staff/duplicate-names-name-first-line", test_duplicate_names);
  g_test_add_func ("/import/staff/missing-columns-listed", test_missing_columns);
  g_test_add_func ("/import/staff/no-rows", test_no_rows);
  g_test_add_func ("/import/staff/windows-1251-semicolons", test_windows_1251_file);
  g_test_add_func ("/import/staff/unicode-blanks-trimmed", test_unicode_blanks_trimmed);
  g_test_add_func ("/import/format-problems/limited-with-rest", test_format_problems);

  return g_test_run ();
}
