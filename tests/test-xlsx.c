/* test-xlsx.c — the owner report workbook, read back as an owner's spreadsheet reads it:
 * openpyxl for sheets, values, formats, frozen panes and charts; LibreOffice headless for
 * every formula recalculated; also under a Russian locale, with hostile names, cancelled,
 * and into a folder that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-xlsx"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <json-glib/json-glib.h>

#include "sd-export.h"
#include "sd-owner-report.h"
#include "sd-demo.h"
#include "sd-store.h"
#include "sd-store-hiring.h"
#include "sd-test-store.h"

#define PYTHON "/usr/bin/python3"

static const char * const hostile[] = {
  "=HYPERLINK(\"http://example.com\",\"click\")",
  "+7 900 123-45-67",
  "-Минус Иван",
  "@Собака",
};

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
  gint64   ivanov;
  gint64   hostile_ids[G_N_ELEMENTS (hostile)];
  GDate    today;
  SdPeriod year;
} Fixture;

/* Known figures, in kopecks:
 *   Иванов Пётр: plan 1 000 000,00 ₽ a month of 2026; fact 1 000 000,00 + m × 12 345,67;
 *     paid = fact − 10,00; deals 10 + m; leads 40 + m; December 2025 fact 900 000,00.
 *   each hostile name: plan 500 000,00; fact 300 000,99 + m (60 %: lagging). */
static SdMoney
ivanov_fact (int m)
{
  return 100000000 + (SdMoney) m * 1234567;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (SdFact));

  f->store = sd_test_create_in_new_dir ("test-xlsx-XXXXXX", "ООО «Вектор» & Ко", &f->dir, &f->path);
  sd_test_add_member (f->store, "Соколова Анна", SD_ROLE_HEAD, "2025-01-01", NULL);
  f->ivanov = sd_test_add_member (f->store, "Иванов Пётр", SD_ROLE_MANAGER, "2025-01-01", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    f->hostile_ids[i] = sd_test_add_member (f->store, hostile[i], SD_ROLE_MANAGER,
                                            "2025-01-01", NULL);

  for (int m = 1; m <= 12; m++)
    {
      SdPlanEntry e = { f->ivanov, sd_month_make (2026, m), 100000000, 40, 10 };
      SdFact fact = { f->ivanov, sd_month_make (2026, m), ivanov_fact (m), ivanov_fact (m) - 1000,
                      0, 10 + m, 40 + m, 0 };

      g_array_append_val (plan, e);
      g_array_append_val (facts, fact);
      for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
        {
          SdPlanEntry h = { f->hostile_ids[i], sd_month_make (2026, m), 50000000, 20, 5 };
          SdFact hf = { f->hostile_ids[i], sd_month_make (2026, m), 30000099 + m, 30000099 + m,
                        0, 3, 20, 0 };

          g_array_append_val (plan, h);
          g_array_append_val (facts, hf);
        }
    }
  {
    SdFact before = { f->ivanov, sd_month_make (2025, 12), 90000000, 90000000, 0, 9, 30, 0 };

    g_array_append_val (facts, before);
  }
  sd_test_import (f->store, plan, "2026", facts);
  sd_test_set_date (&f->today, "2027-01-15");
  g_assert_true (sd_period_parse ("2026", &f->year, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_company (g_steal_pointer (&f->store), f->dir, f->path);
}

/* --- reading the book back --- */

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { PYTHON, "-c", "import openpyxl", NULL };
  int status = -1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

/* The JSON of tests/xlsx-inspect.py; NULL (and the test skipped) when a reader is missing. */
static JsonObject *
inspect (const char *xlsx,
         gboolean    recalc,
         const char *poison)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-inspect.py", NULL);
  const char *argv[] = { PYTHON, script, xlsx, recalc ? "--recalc" : NULL,
                         poison != NULL ? "--poison" : NULL, poison, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = -1;

  if (!have_openpyxl ())
    {
      g_test_skip ("python3-openpyxl is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip (err);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xlsx-inspect.py failed: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
cell_info (JsonObject *book,
           const char *sheet,
           const char *coord)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, coord);
  JsonObject *cells = json_object_get_object_member (book, "cells");

  if (!json_object_has_member (cells, key))
    return NULL;
  return json_object_get_object_member (cells, key);
}

static double
number_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_double (node);
}

/* A money cell's kopecks, as an owner's Excel shows it without recalculating. */
static SdMoney
cached_kopecks (JsonObject *book,
                const char *sheet,
                const char *coord)
{
  JsonObject *info = cell_info (book, sheet, coord);

  g_assert_nonnull (info);
  return (SdMoney) llround (number_member (info, "cached") * 100.0);
}

static gint64
cached_bp (JsonObject *book,
           const char *sheet,
           const char *coord)
{
  JsonObject *info = cell_info (book, sheet, coord);

  g_assert_nonnull (info);
  return (gint64) llround (number_member (info, "cached") * 10000.0);
}

/* The row (1-based) of the sheet whose column A reads `text`, 0 if none. */
static guint
find_row (JsonObject *book,
          const char *sheet,
          const char *text)
{
  for (guint row = 1; row < 400; row++)
    {
      g_autofree char *coord = g_strdup_printf ("A%u", row);
      JsonObject *info = cell_info (book, sheet, coord);

      if (info != NULL && json_node_get_value_type (json_object_get_member (info, "value")) ==
                          G_TYPE_STRING &&
          g_strcmp0 (json_object_get_string_member (info, "value"), text) == 0)
        return row;
    }
  return 0;
}

static char *
export_year (Fixture    *f,
             const char *name)
{
  g_autofree char *out = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_export_owner_report (f->store, sd_calendar_get_default (), &f->year, &f->today,
                                         out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The report's own figures, to the kopeck, as the workbook caches them. */
static void
assert_known_figures (Fixture    *f,
                      JsonObject *book)
{
  const char *managers = _("Managers");
  const char *months = _("By month");
  SdMoney plan = 0, fact = 0;
  guint row;
  char coord[16];

  for (int m = 1; m <= 12; m++)
    fact += ivanov_fact (m);
  plan = 12 * (SdMoney) 100000000;
  g_assert_cmpint (fact, ==, 1296296226);   /* 12 962 962,26 ₽ by hand */

  row = find_row (book, managers, "Иванов Пётр");
  g_assert_cmpuint (row, >, 0);
  g_snprintf (coord, sizeof coord, "B%u", row);
  g_assert_cmpint (cached_kopecks (book, managers, coord), ==, plan);
  g_snprintf (coord, sizeof coord, "C%u", row);
  g_assert_cmpint (cached_kopecks (book, managers, coord), ==, fact);
  g_snprintf (coord, sizeof coord, "D%u", row);
  g_assert_cmpint (cached_kopecks (book, managers, coord), ==, fact - 12 * 1000);
  /* 1 296 296 226 ÷ 1 200 000 000 = 1,0802468… → 108,02 % */
  g_snprintf (coord, sizeof coord, "E%u", row);
  g_assert_cmpint (cached_bp (book, managers, coord), ==, 10802);
  /* Average deal: 12 962 962,26 ₽ ÷ 198 deals = 65 469,5064… → 65 469,51 ₽ */
  g_snprintf (coord, sizeof coord, "K%u", row);
  g_assert_cmpint (cached_kopecks (book, managers, coord), ==, 6546951);

  /* January of the by-month sheet: the first data row (5); growth against December 2025's
   * 900 000,00 ₽ of Иванов alone. */
  {
    SdMoney jan = ivanov_fact (1) + (SdMoney) G_N_ELEMENTS (hostile) * 30000100;

    g_assert_cmpint (cached_kopecks (book, months, "C5"), ==, jan);
    g_assert_cmpint (cached_kopecks (book, months, "H5"), ==, 90000000);
  }

  /* Hostile names are text, exactly as typed, never formulas. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      guint r = find_row (book, managers, hostile[i]);
      JsonObject *info;

      g_assert_cmpuint (r, >, 0);
      g_snprintf (coord, sizeof coord, "A%u", r);
      info = cell_info (book, managers, coord);
      g_assert_cmpstr (json_object_get_string_member (info, "type"), ==, "s");
    }
}

static void
test_workbook_layout (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = export_year (f, "report.xlsx");
  g_autoptr(JsonObject) book = inspect (out, FALSE, NULL);
  const char *expected[] = {
    _("Summary"), _("By month"), _("Managers"), _("Managers by month"), _("Lagging"),
    _("Pay cost"),
  };
  JsonArray *sheets;
  JsonObject *sheet_info;
  JsonObject *info;

  if (book == NULL)
    return;

  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpuint (json_array_get_length (sheets), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (json_array_get_string_element (sheets, i), ==, expected[i]);

  /* Two native charts on the summary; frozen headers, autofilter, print setup elsewhere. */
  sheet_info = json_object_get_object_member (json_object_get_object_member (book, "sheet"),
                                              _("Summary"));
  g_assert_cmpint (json_object_get_int_member (sheet_info, "charts"), ==, 2);
  for (guint i = 1; i < G_N_ELEMENTS (expected); i++)
    {
      sheet_info = json_object_get_object_member (json_object_get_object_member (book, "sheet"),
                                                  expected[i]);
      g_assert_cmpstr (json_object_get_string_member (sheet_info, "freeze"), ==, "B5");
      g_assert_true (json_object_get_boolean_member (sheet_info, "landscape"));
      g_assert_cmpint (json_object_get_int_member (sheet_info, "paper"), ==, 9);
      g_assert_true (json_object_get_boolean_member (sheet_info, "fit_width"));
      g_assert_cmpstr (json_object_get_string_member (sheet_info, "print_rows"), ==, "$1:$4");
    }
  sheet_info = json_object_get_object_member (json_object_get_object_member (book, "sheet"),
                                              _("By month"));
  g_assert_cmpstr (json_object_get_string_member (sheet_info, "autofilter"), ==, "A4:K16");

  /* Live formulas: the total is a SUM, completion a rounded ratio; ruble and % formats. */
  info = cell_info (book, _("By month"), "C17");
  g_assert_cmpstr (json_object_get_string_member (info, "value"), ==, "=SUM(C5:C16)");
  g_assert_nonnull (strstr (json_object_get_string_member (info, "format"), "₽"));
  info = cell_info (book, _("By month"), "E5");
  g_assert_cmpstr (json_object_get_string_member (info, "value"), ==,
                   "=IF(AND(ISNUMBER(C5),B5>0),ROUND(C5/B5,4),\"\")");
  g_assert_cmpstr (json_object_get_string_member (info, "format"), ==, "0.0%");

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book,
                                                                                 "properties"),
                                                  "creator"), ==, "Salesdesk");
  assert_known_figures (f, book);
}

/* Every formula LibreOffice recalculates equals what the app cached: money to the kopeck,
 * ratios to the basis point, and "" where the app shows "—". */
static guint
assert_recalculation_matches (JsonObject *book)
{
  JsonObject *recalc = json_object_get_object_member (book, "recalc");
  g_autoptr(GList) keys = json_object_get_members (recalc);
  guint n = 0;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *again = json_object_get_member (recalc, key);
      JsonObject *info = json_object_get_object_member (json_object_get_object_member (book,
                                                                                       "cells"),
                                                        key);
      JsonNode *cached = json_object_get_member (info, "cached");
      gboolean cached_empty = JSON_NODE_HOLDS_NULL (cached) ||
                              (json_node_get_value_type (cached) == G_TYPE_STRING &&
                               *json_node_get_string (cached) == '\0');
      gboolean again_empty = JSON_NODE_HOLDS_NULL (again) ||
                             (json_node_get_value_type (again) == G_TYPE_STRING &&
                              *json_node_get_string (again) == '\0');

      if (cached_empty || again_empty)
        {
          if (cached_empty != again_empty)
            g_error ("%s: cached «%s», recalculated «%s»", key,
                     json_to_string (cached, FALSE), json_to_string (again, FALSE));
          continue;
        }
      /* Ratios are rounded to 4 places, money to 2: compare in ten-thousandths. */
      if (llround (json_node_get_double (cached) * 10000.0) !=
          llround (json_node_get_double (again) * 10000.0))
        g_error ("%s (%s): cached %.6f, LibreOffice %.6f", key,
                 json_object_get_string_member (info, "value"), json_node_get_double (cached),
                 json_node_get_double (again));
      n++;
    }
  return n;
}

static void
test_libreoffice_recalculates_the_same (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *out = export_year (f, "report.xlsx");
  g_autoptr(JsonObject) book = inspect (out, TRUE, NULL);
  g_autoptr(JsonObject) poisoned = NULL;
  JsonObject *recalc;
  g_autofree char *key = NULL;

  if (book == NULL)
    return;
  g_assert_cmpuint (assert_recalculation_matches (book), >, 100);

  /* The check can fail: a wrong cached total is put right by the recalculation, so the
   * numbers above really are LibreOffice's own. */
  poisoned = inspect (out, TRUE, "2:C17");
  if (poisoned == NULL)
    return;
  key = g_strdup_printf ("%s!C17", _("By month"));
  recalc = json_object_get_object_member (poisoned, "recalc");
  g_assert_cmpfloat (number_member (json_object_get_object_member (
                       json_object_get_object_member (poisoned, "cells"), key), "cached"), ==, 999);
  g_assert_cmpint (llround (json_object_get_double_member (recalc, key) * 100), ==,
                   cached_kopecks (book, _("By month"), "C17"));
}

/* Under ru_RU (decimal comma) the C library would print 1000000,5: the kopecks must
 * survive, in this process and in the command run under LANG=ru_RU.UTF-8. */
static void
test_russian_locale_keeps_kopecks (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *out = NULL;
  g_autofree char *cli_out = g_build_filename (f->dir, "cli-ru.xlsx", NULL);
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(JsonObject) cli_book = NULL;
  g_auto(GStrv) env = NULL;
  const char *cli = g_getenv ("SD_CLI");
  int status = -1;

  if (setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("the ru_RU.UTF-8 locale is not installed");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  out = export_year (f, "report-ru.xlsx");
  setlocale (LC_ALL, saved);

  book = inspect (out, TRUE, NULL);
  if (book == NULL)
    return;
  assert_known_figures (f, book);
  assert_recalculation_matches (book);

  /* The command, as a script would run it. */
  g_assert_nonnull (cli);
  g_clear_object (&f->store);
  env = g_get_environ ();
  env = g_environ_setenv (env, "LANG", "ru_RU.UTF-8", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "ru_RU.UTF-8", TRUE);
  env = g_environ_setenv (env, "SALESDESK_TODAY", "2027-01-15", TRUE);
  {
    const char *argv[] = { cli, "report", f->path, "--period", "2026", "--output", cli_out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  cli_book = inspect (cli_out, FALSE, NULL);
  if (cli_book == NULL)
    return;
  {
    /* The Russian sheet name, whatever the test's own language. */
    JsonArray *sheets = json_object_get_array_member (cli_book, "sheets");
    const char *months = json_array_get_string_element (sheets, 1);
    SdMoney total = 0;

    for (guint i = 0; i < 12; i++)
      total += ivanov_fact ((int) i + 1) + (SdMoney) G_N_ELEMENTS (hostile) * (30000099 + i + 1);
    g_assert_cmpint (cached_kopecks (cli_book, months, "C17"), ==, total);
    g_assert_cmpint (cached_kopecks (cli_book, months, "C17"), ==,
                     cached_kopecks (book, _("By month"), "C17"));
  }
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A failed or cancelled export leaves the earlier file as it was, and no temporary file. */
static void
test_failures_keep_old_file (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "report.xlsx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "report.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  SdPeriod empty;

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (out, "an earlier report", -1, NULL));
  before = sd_test_read_bytes (out);

  /* Cancelled */
  g_cancellable_cancel (cancellable);
  g_assert_false (sd_export_owner_report (f->store, sd_calendar_get_default (), &f->year,
                                          &f->today, out, cancellable, NULL, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED);
  g_clear_error (&error);
  after = sd_test_read_bytes (out);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (out_dir), ==, 1);

  /* A folder that does not exist */
  g_assert_false (sd_export_owner_report (f->store, sd_calendar_get_default (), &f->year,
                                          &f->today, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* Neither xlsx nor pdf; a period with nothing in it */
  g_assert_false (sd_export_owner_report (f->store, sd_calendar_get_default (), &f->year,
                                          &f->today, "report.docx", NULL, NULL, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (sd_period_parse ("2031", &empty, NULL));
  g_assert_false (sd_export_owner_report (f->store, sd_calendar_get_default (), &empty,
                                          &f->today, out, NULL, NULL, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_NO_DATA);
  g_clear_error (&error);
  g_clear_pointer (&after, g_bytes_unref);
  after = sd_test_read_bytes (out);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (out_dir), ==, 1);
}

/* A folder the user may not write in: the command says so, exits non-zero, and the earlier
 * report stays. Root ignores permissions, so as root the command runs as nobody. */
static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *out = g_build_filename (out_dir, "report.xlsx", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "SALESDESK_TODAY", "2027-01-15", TRUE);
  const char *cli = g_getenv ("SD_CLI");
  int status = -1;

  g_assert_nonnull (cli);
  g_clear_object (&f->store);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (out, "an earlier report", -1, NULL));
  before = sd_test_read_bytes (out);

  if (getuid () == 0)
    {
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");

      if (setpriv == NULL)
        {
          g_test_skip ("running as root without setpriv to drop privileges");
          return;
        }
      /* nobody may read the company and its folder, but not write in out_dir */
      g_assert_cmpint (chmod (f->dir, 0755), ==, 0);
      g_assert_cmpint (chown (f->path, 65534, 65534), ==, 0);
      g_ptr_array_add (argv, g_steal_pointer (&setpriv));
      g_ptr_array_add (argv, "--reuid=65534");
      g_ptr_array_add (argv, "--regid=65534");
      g_ptr_array_add (argv, "--clear-groups");
      env = g_environ_setenv (env, "HOME", f->dir, TRUE);
      env = g_environ_setenv (env, "XDG_DATA_HOME", f->dir, TRUE);
    }
  else
    g_assert_cmpint (chmod (out_dir, 0555), ==, 0);

  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, "report");
  g_ptr_array_add (argv, f->path);
  g_ptr_array_add (argv, "--period");
  g_ptr_array_add (argv, "2026");
  g_ptr_array_add (argv, "--output");
  g_ptr_array_add (argv, out);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
  if (getuid () == 0)
    g_free (argv->pdata[0]);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 0);
  g_assert_true (g_str_has_prefix (err, "salesdesk-cli: "));
  /* One line */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_null (memchr (err, '\n', strlen (err) - 1));
  after = sd_test_read_bytes (out);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (out_dir), ==, 1);
  chmod (out_dir, 0755);
}

/* The report as data: what the workbook caches is what the report computed. */
static void
test_report_model (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdOwnerReport) report = NULL;
  SdPeriod q1;

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->months->len, ==, 12);
  g_assert_cmpuint (report->managers->len, ==, 1 + G_N_ELEMENTS (hostile));
  g_assert_cmpint (report->plan, ==, 12 * (100000000 + (SdMoney) G_N_ELEMENTS (hostile) * 50000000));
  g_assert_false (report->has_forecast);   /* the year is over */
  /* Every hostile manager is at 60 % all year: lagging, with a reason. */
  g_assert_cmpuint (report->lagging->len, ==, G_N_ELEMENTS (hostile));
  for (guint i = 0; i < report->lagging->len; i++)
    {
      const SdReportLagging *l = g_ptr_array_index (report->lagging, i);

      g_assert_nonnull (l->reason);
      g_assert_cmpint (l->last_completion_bp, ==, 6000);
    }
  g_clear_pointer (&report, sd_owner_report_free);

  /* The first quarter against the quarter before (only December 2025: 900 000,00 ₽). */
  g_assert_true (sd_period_parse ("2026-Q1", &q1, NULL));
  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &q1, &f->today, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->months->len, ==, 3);
  g_assert_cmpint (report->previous_fact, ==, 90000000);
  g_assert_true (report->growth.defined);
  {
    SdMoney q = 0;
    gint64 expected;

    for (int m = 1; m <= 3; m++)
      q += ivanov_fact (m) + (SdMoney) G_N_ELEMENTS (hostile) * (30000099 + m);
    g_assert_cmpint (report->fact, ==, q);
    expected = sd_div_round ((q - 90000000) * 10000, 90000000);
    g_assert_cmpint (report->growth.bp, ==, expected);
  }
}

/* In July the year is under way: the months to come are empty, not 0 % and −100 %, and the
 * year is compared like for like. */
static void
test_period_under_way (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdOwnerReport) report = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) book = NULL;
  JsonObject *info;
  SdMoney month_plan = 100000000 + (SdMoney) G_N_ELEMENTS (hostile) * 50000000;

  for (int m = 7; m <= 12; m++)
    {
      g_assert_true (sd_store_clear_fact (f->store, f->ivanov, sd_month_make (2026, m), &error));
      for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
        g_assert_true (sd_store_clear_fact (f->store, f->hostile_ids[i], sd_month_make (2026, m),
                                            &error));
    }
  g_assert_no_error (error);
  g_date_set_dmy (&f->today, 10, 7, 2026);

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_true (report->to_date);
  g_assert_cmpint (report->last_fact_month, ==, sd_month_make (2026, 6));
  g_assert_cmpint (report->plan_to_date, ==, 6 * month_plan);
  g_assert_true (report->completion_to_date.defined);
  g_assert_true (report->has_forecast);
  g_assert_true (g_array_index (report->months, SdReportMonth, 5).has_fact);
  g_assert_false (g_array_index (report->months, SdReportMonth, 6).has_fact);
  g_assert_false (g_array_index (report->months, SdReportMonth, 6).completion.defined);
  g_assert_false (g_array_index (report->months, SdReportMonth, 6).growth.defined);
  /* January–June 2025 had no facts: no growth to speak of, rather than a made-up one. */
  g_assert_cmpint (report->year_ago_fact, ==, 0);
  g_assert_false (report->year_growth.defined);

  out = export_year (f, "report-july.xlsx");
  book = inspect (out, TRUE, NULL);
  if (book == NULL)
    return;
  info = cell_info (book, _("By month"), "C11");   /* July: empty */
  g_assert_null (info);
  g_assert_cmpuint (assert_recalculation_matches (book), >, 80);
}

/* A demo company with scored calls and a development plan, and a hiring plan set up with
 * one accepted hire: the report gains People and Hiring, and every formula still agrees. */
static void
test_people_and_hiring (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDemoCompany) demo = NULL;
  g_autoptr(SdOwnerReport) report = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdftotext = NULL;
  SdHiringSettings settings;
  SdPlannedHire hire;
  GDate today;
  JsonArray *sheets;
  gboolean found_people = FALSE, found_hiring = FALSE;
  guint flagged = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  demo = sd_demo_generate (6, 2, 11, &today);
  g_assert_true (sd_store_fill_demo (f->store, demo, &error));
  g_assert_no_error (error);
  sd_hiring_settings_init (&settings);
  settings.capacity = 150000000;
  g_assert_true (sd_store_save_hiring_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  sd_planned_hire_init (&hire, &settings, sd_month_make (2026, 12));
  hire.state = SD_HIRE_ACCEPTED;
  g_assert_cmpint (sd_store_add_planned_hire (f->store, &hire, &error), >, 0);
  g_assert_no_error (error);

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &today, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_true (report->has_people);
  g_assert_cmpuint (report->people->len, ==, report->managers->len);
  for (guint i = 0; i < report->people->len; i++)
    {
      const SdReportPerson *p = g_ptr_array_index (report->people, i);

      flagged += p->attention != NULL;
      if (p->has_call_score)
        g_assert_cmpint (p->call_score, <=, 10000);
    }
  g_assert_cmpuint (flagged, ==, report->n_attention);
  g_assert_cmpuint (flagged, >, 0);
  g_assert_true (report->has_hiring);
  g_assert_cmpuint (report->hiring_months->len, ==, 12);
  g_assert_cmpuint (report->hires->len, ==, 1);
  g_assert_true (g_array_index (report->hires, SdReportHire, 0).counted);
  g_assert_cmpint (g_array_index (report->hires, SdReportHire, 0).cost, >, 0);
  g_assert_nonnull (report->hiring_summary);

  /* The PDF carries the sections too, with each reason for attention. */
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      g_autofree char *pdf = export_year (f, "people.pdf");
      const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                   G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                                   NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (text, _("Who needs attention, and why")));
      g_assert_nonnull (strstr (text, _("Planned hires")));
      for (guint i = 0; i < report->people->len; i++)
        {
          const SdReportPerson *p = g_ptr_array_index (report->people, i);

          if (p->attention != NULL)
            {
              g_autofree char *line = g_strdup_printf ("%s:", p->name);

              g_assert_nonnull (strstr (text, line));
            }
        }
    }

  out = export_year (f, "people.xlsx");
  book = inspect (out, TRUE, NULL);
  if (book == NULL)
    return;
  sheets = json_object_get_array_member (book, "sheets");
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      found_people |= g_strcmp0 (json_array_get_string_element (sheets, i), _("People")) == 0;
      found_hiring |= g_strcmp0 (json_array_get_string_element (sheets, i), _("Hiring")) == 0;
    }
  g_assert_true (found_people);
  g_assert_true (found_hiring);
  assert_recalculation_matches (book);
}

/* fontconfig keeps its configuration: pango never calls FcFini (). */
SD_TEST_LSAN_IGNORE_FONTCONFIG

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sd_test_private_home ("test-xlsx-home-XXXXXX");
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/owner-report/model", test_report_model);
  ADD ("/owner-report/xlsx/layout-and-figures", test_workbook_layout);
  ADD ("/owner-report/xlsx/libreoffice-recalculates-the-same", test_libreoffice_recalculates_the_same);
  ADD ("/owner-report/xlsx/russian-locale-keeps-kopecks", test_russian_locale_keeps_kopecks);
  ADD ("/owner-report/xlsx/period-under-way", test_period_under_way);
  ADD ("/owner-report/xlsx/people-and-hiring-sections", test_people_and_hiring);
  ADD ("/owner-report/export/failures-keep-old-file", test_failures_keep_old_file);
  ADD ("/owner-report/export/unwritable-folder", test_unwritable_folder);
#undef ADD

  status = g_test_run ();

  /* Let go of the process-wide font caches, so that the leak checker sees only our memory. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  sd_test_remove_tree (home);
  return status;
}
