/* test-report.c — the owner report as PDF, read back with poppler's pdfinfo and pdftotext:
 * pages, headline figures, repeated table headers, Cyrillic, cancelling and failing writes;
 * and the page layout that printing uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sd-chart.h"
#include "sd-export.h"
#include "sd-owner-report.h"
#include "sd-idp-export.h"
#include "sd-report-pdf.h"
#include "sd-store.h"
#include "sd-test-store.h"

#define COMPANY "ООО «Вектор»"

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
  gint64   ivanov;
  gint64   petrova;
  GDate    today;
  SdPeriod year;
} Fixture;

/* Known figures, in kopecks, for 2026:
 *   Иванов Пётр:   plan 1 000 000,00 ₽ a month; fact 1 000 000,00 + m × 12 345,67 ₽;
 *   Петрова Мария: plan   700 000,00 ₽ a month; fact 500 000,50 ₽ (71,4 %: lagging);
 *   year revenue: 12 000 000,00 + 78 × 12 345,67 + 12 × 500 000,50 = 18 962 968,26 ₽.
 * `data` asks for that many more managers ("Менеджер 01" …), each with a plan and a fact of
 * 300 000,00 ₽ a month. */
#define YEAR_REVENUE ((SdMoney) 1896296826)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (SdFact));
  guint n_more = GPOINTER_TO_UINT (data);
  g_autoptr(GArray) more = g_array_new (FALSE, TRUE, sizeof (gint64));

  f->store = sd_test_create_in_new_dir ("test-report-XXXXXX", COMPANY, &f->dir, &f->path);
  sd_test_add_member (f->store, "Соколова Анна", SD_ROLE_HEAD, "2025-01-01", NULL);
  f->ivanov = sd_test_add_member (f->store, "Иванов Пётр", SD_ROLE_MANAGER, "2025-01-01", NULL);
  f->petrova = sd_test_add_member (f->store, "Петрова Мария", SD_ROLE_MANAGER, "2025-01-01", NULL);
  for (guint i = 0; i < n_more; i++)
    {
      g_autofree char *name = g_strdup_printf ("Менеджер %02u", i + 1);
      gint64 id = sd_test_add_member (f->store, name, SD_ROLE_MANAGER, "2025-01-01", NULL);

      g_array_append_val (more, id);
    }

  for (int m = 1; m <= 12; m++)
    {
      SdPlanEntry pi = { f->ivanov, sd_month_make (2026, m), 100000000, 40, 10 };
      SdPlanEntry pp = { f->petrova, sd_month_make (2026, m), 70000000, 30, 6 };
      SdFact fi = { f->ivanov, sd_month_make (2026, m), 100000000 + (SdMoney) m * 1234567,
                    100000000, 0, 10, 40, 0 };
      SdFact fp = { f->petrova, sd_month_make (2026, m), 50000050, 50000050, 0, 5, 25, 0 };

      g_array_append_val (plan, pi);
      g_array_append_val (plan, pp);
      g_array_append_val (facts, fi);
      g_array_append_val (facts, fp);
      for (guint i = 0; i < more->len; i++)
        {
          SdPlanEntry e = { g_array_index (more, gint64, i), sd_month_make (2026, m), 30000000,
                            10, 3 };
          SdFact x = { g_array_index (more, gint64, i), sd_month_make (2026, m), 30000000,
                       30000000, 0, 3, 10, 0 };

          g_array_append_val (plan, e);
          g_array_append_val (facts, x);
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

/* --- reading the PDF back --- */

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  if (info == NULL || text == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The value of a "Key:   value" line of pdfinfo. */
static char *
pdfinfo_field (const char *pdf,
               const char *key)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *pages = pdfinfo_field (pdf, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* The text of each page; the narrow and ordinary no-break spaces of our numbers are kept as
 * pdftotext gives them. */
static GStrv
pdf_page_texts (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = run (argv);

  return g_strsplit (out, "\f", -1);
}

/* pdftotext writes the no-break spaces of our numbers (U+00A0, U+202F) as it likes: compare
 * with both made plain spaces, everything else exact. */
static char *
plain_spaces (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\u00a0", " ", 0);
  g_string_replace (s, "\u202f", " ", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
pdf_text (const char *pdf)
{
  g_auto(GStrv) pages = pdf_page_texts (pdf);
  g_autofree char *all = g_strjoinv ("\n", pages);

  return plain_spaces (all);
}

static void
assert_has (const char *text,
            const char *wanted)
{
  g_autofree char *plain = plain_spaces (wanted);

  if (strstr (text, plain) == NULL)
    g_error ("«%s» is not in the PDF's text:\n%s", plain, text);
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize n = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &n, NULL));
  g_assert_cmpuint (n, >, 1000);
  g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
}

/* Temporary files of an export: ".NAME.XXXXXX" beside the target. */
static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.' && strstr (name, ".pdf.") != NULL)
      n++;
  return n;
}

static gboolean
export (Fixture      *f,
        const char   *out,
        GCancellable *cancellable,
        GError      **error)
{
  return sd_export_owner_report (f->store, sd_calendar_get_default (), &f->year, &f->today, out,
                                 cancellable, NULL, NULL, error);
}

/* --- tests --- */

static void
test_small_company (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "Отчёт собственнику 2026.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *revenue = sd_money_format (YEAR_REVENUE, sd_number_style_current (), "₽");
  g_autofree char *label = sd_period_format_label (&f->year);
  g_autofree char *creator = NULL;
  g_autofree char *title = NULL;
  g_autoptr(SdOwnerReport) report = NULL;

  if (!have_poppler ())
    return;

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->fact, ==, YEAR_REVENUE);

  g_assert_true (export (f, out, NULL, &error));
  g_assert_no_error (error);
  assert_is_pdf (out);
  g_assert_cmpuint (pdf_pages (out), >=, 1);

  text = pdf_text (out);
  g_assert_nonnull (strstr (text, COMPANY));
  g_assert_nonnull (strstr (text, label));
  assert_has (text, revenue);
  g_assert_nonnull (strstr (text, "Иванов Пётр"));
  g_assert_nonnull (strstr (text, "Петрова Мария"));
  /* Petrova is at 71,4 % all year: lagging, with the reason. */
  g_assert_cmpuint (report->lagging->len, ==, 1);
  for (guint i = 0; i < report->lagging->len; i++)
    {
      const SdReportLagging *l = g_ptr_array_index (report->lagging, i);
      g_autofree char *start = g_utf8_substring (l->reason, 0, 24);   /* the line may wrap */

      g_assert_cmpstr (l->name, ==, "Петрова Мария");
      assert_has (text, start);
    }
  g_assert_nonnull (strstr (text, "₽"));

  creator = pdfinfo_field (out, "Creator");
  g_assert_cmpstr (creator, ==, "Salesdesk");
  title = pdfinfo_field (out, "Title");
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, COMPANY));
  g_assert_nonnull (strstr (title, label));

  /* No temporary file is left beside the PDF. */
  g_assert_cmpuint (count_temp_files (f->dir), ==, 0);
}

static void
test_long_table_repeats_header (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "long.pdf", NULL);
  g_autoptr(SdOwnerReport) report = NULL;
  g_autoptr(SdReportTable) table = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, n_with_managers = 0;
  const char *header;

  if (!have_poppler ())
    return;

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->managers->len, ==, 82);
  table = sd_report_table_new (report, SD_REPORT_TABLE_MANAGERS);
  header = table->headers[7];            /* "Average deal" in the running language */

  g_assert_true (export (f, out, NULL, &error));
  g_assert_no_error (error);
  n_pages = pdf_pages (out);
  g_assert_cmpuint (n_pages, >, 2);

  pages = pdf_page_texts (out);
  for (guint p = 0; pages[p] != NULL && p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("%u", n_pages);

      /* Every page says where it is. */
      g_assert_nonnull (strstr (pages[p], footer));
      if (strstr (pages[p], "Менеджер") == NULL)
        continue;
      n_with_managers++;
      if (strstr (pages[p], header) == NULL)
        g_error ("page %u lists managers without the table's header «%s»:\n%s", p + 1, header,
                 pages[p]);
    }
  g_assert_cmpuint (n_with_managers, >, 1);
  {
    g_autofree char *all = g_strjoinv ("\n", pages);

    g_assert_nonnull (strstr (all, "Менеджер 01"));
    g_assert_nonnull (strstr (all, "Менеджер 80"));
  }
}

static void
test_russian_locale (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "ru.pdf", NULL);
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *text = NULL;
  g_autofree char *revenue = NULL;

  if (!have_poppler ())
    return;
  if (setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("the ru_RU.UTF-8 locale is not generated");
      return;
    }
  g_assert_cmpint (sd_number_style_current (), ==, SD_NUMBER_STYLE_RU);
  revenue = sd_money_format (YEAR_REVENUE, SD_NUMBER_STYLE_RU, "₽");
  /* "18 962 968,26 ₽" with narrow no-break spaces: every kopeck, a decimal comma. */
  g_assert_cmpstr (revenue, ==, "18\u202f962\u202f968,26\u00a0₽");

  g_assert_true (export (f, out, NULL, &error));
  g_assert_no_error (error);
  setlocale (LC_ALL, old);

  text = pdf_text (out);
  assert_has (text, revenue);
  g_assert_nonnull (strstr (text, "Иванов Пётр"));
}

static void
cancel_on_page (double   fraction,
                gpointer user_data)
{
  /* Past the report's build (0.3): the first page is drawn, then cancel. */
  if (fraction > 0.3)
    g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
test_cancelled_leaves_no_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) early = g_cancellable_new ();
  g_autofree char *out = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n_before, n_after;

  g_assert_true (export (f, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &before, &n_before, NULL));

  /* Cancelled between pages: the earlier file stays as it was, no temporary file remains. */
  g_assert_false (sd_export_owner_report (f->store, sd_calendar_get_default (), &f->year,
                                          &f->today, out, cancellable, cancel_on_page,
                                          cancellable, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (out, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
  g_assert_cmpuint (count_temp_files (f->dir), ==, 0);

  /* Cancelled before it started: no file at all. */
  g_cancellable_cancel (early);
  g_assert_false (export (f, fresh, early, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (f->dir), ==, 0);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdOwnerReport) report = NULL;
  g_autofree char *out = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.txt", NULL);
  g_autofree char *under_file = g_build_filename (plain, "report.pdf", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *locked_out = g_build_filename (locked, "report.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n_before, n_after;

  g_assert_true (export (f, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &before, &n_before, NULL));

  /* A "folder" that is a file: refused, with the reason. */
  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));
  g_assert_false (export (f, under_file, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* A folder without write permission (root ignores permissions: then only when it holds). */
  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  g_assert_true (g_file_set_contents (locked_out, before, (gssize) n_before, NULL));
  g_assert_cmpint (g_chmod (locked, 0500), ==, 0);
  if (access (locked, W_OK) != 0)
    {
      g_assert_false (export (f, locked_out, NULL, &error));
      g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (locked_out, &after, &n_after, NULL));
      g_assert_cmpmem (before, n_before, after, n_after);
      g_clear_pointer (&after, g_free);
    }
  g_chmod (locked, 0700);

  /* The PDF writer itself: a full disk says so. */
  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today,
                                  NULL, &error);
  g_assert_no_error (error);
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (sd_report_pdf_write (report, "/dev/full", NULL, NULL, NULL, &error));
      g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
      g_clear_error (&error);
    }
  g_assert_false (sd_report_pdf_write (report, under_file, NULL, NULL, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
  g_clear_error (&error);

  /* The earlier report is untouched by all of it. */
  g_assert_true (g_file_get_contents (out, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
}

/* The layout printing uses: any page size, every page drawn, the header repeated. */
static void
test_layout_print_sizes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdOwnerReport) report = NULL;
  g_autoptr(SdReportLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint portrait, landscape;

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today,
                                  NULL, &error);
  g_assert_no_error (error);
  layout = sd_report_layout_new (report);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 850);
  cr = cairo_create (surface);

  portrait = sd_report_layout_paginate (layout, cr, 523, 770);
  g_assert_cmpuint (portrait, ==, sd_report_layout_get_n_pages (layout));
  for (guint p = 0; p < portrait; p++)
    sd_report_layout_draw_page (layout, cr, p);
  landscape = sd_report_layout_paginate (layout, cr, 770, 523);
  g_assert_cmpuint (landscape, >, 2);       /* 82 managers do not fit on one page */
  g_assert_cmpuint (portrait, <, landscape + 2);
  g_assert_cmpuint (portrait, >, 1);
  for (guint p = 0; p < landscape; p++)
    sd_report_layout_draw_page (layout, cr, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_texts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdOwnerReport) report = NULL;
  g_autoptr(SdReportTable) months = NULL;
  g_autoptr(SdReportTable) managers = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) lagging = NULL;
  g_autofree char *revenue = sd_money_format (YEAR_REVENUE, sd_number_style_current (), "₽");
  g_autofree char *march = sd_money_format_whole (100000000 + 3 * 1234567 + 50000050,
                                                  sd_number_style_current (), "₽");
  char **row;

  report = sd_owner_report_build (f->store, sd_calendar_get_default (), &f->year, &f->today,
                                  NULL, &error);
  g_assert_no_error (error);

  figures = sd_report_headline_figures (report);
  g_assert_cmpstr (((SdReportFigure *) g_ptr_array_index (figures, 0))->value, ==, revenue);

  months = sd_report_table_new (report, SD_REPORT_TABLE_MONTHS);
  g_assert_cmpuint (months->rows->len, ==, 13);
  g_assert_cmpint (months->total_row, ==, 12);
  row = g_ptr_array_index (months->rows, 2);
  g_assert_cmpstr (row[2], ==, march);

  managers = sd_report_table_new (report, SD_REPORT_TABLE_MANAGERS);
  g_assert_cmpuint (managers->rows->len, ==, 3);      /* two managers and the department */
  row = g_ptr_array_index (managers->rows, 0);
  g_assert_cmpstr (row[0], ==, "Иванов Пётр");
  row = g_ptr_array_index (managers->rows, 1);
  g_assert_cmpstr (row[0], ==, "Петрова Мария");
  /* 500 000,50 ÷ 700 000,00 = 71,43 % → one decimal */
  {
    g_autofree char *pct = sd_chart_format_percent (7143, sd_number_style_current (), FALSE);

    g_assert_cmpstr (row[3], ==, pct);
  }

  lagging = sd_report_lagging_lines (report);
  g_assert_cmpuint (lagging->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lagging, 0), "Петрова Мария"));
}

/* A development plan handed over at a one-to-one: the PDF has the manager, the goals and the
 * actions; the workbook keeps an action typed as a formula as text. */
static void
test_idp_exports (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "idp.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "idp.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdIdp) idp = NULL;
  g_autofree char *text = NULL;
  GDate created, deadline, today;

  g_date_clear (&created, 1);
  g_date_set_dmy (&created, 1, 10, 2026);
  deadline = created;
  g_date_add_days (&deadline, 20);
  today = created;
  g_date_add_days (&today, 40);
  idp = sd_idp_new (7, &created);
  sd_idp_add_goal (idp, sd_idp_goal_new (SD_IDP_TARGET_CALL_SCORE, "Звонки не ниже 80 баллов",
                                         6500, 8000));
  sd_idp_add_action (idp, sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE,
                                             "=HYPERLINK(\"x\") работа с возражениями",
                                             "Соколова Анна", &deadline));

  g_assert_true (sd_export_idp_pdf (idp, "Иванов Пётр", &today, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (sd_export_idp_xlsx (idp, "Иванов Пётр", &today, xlsx, &error));
  g_assert_no_error (error);
  if (!have_poppler ())
    return;
  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };

    text = run (argv);
  }
  g_assert_nonnull (strstr (text, "Иванов Пётр"));
  g_assert_nonnull (strstr (text, "Звонки не ниже 80 баллов"));
  g_assert_nonnull (strstr (text, "работа с возражениями"));
  {
    const char *argv[] = {
      "/usr/bin/python3", "-c",
      "import sys, openpyxl\n"
      "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
      "for row in ws.iter_rows():\n"
      "  for c in row:\n"
      "    if isinstance(c.value, str) and 'HYPERLINK' in c.value:\n"
      "      print(c.data_type)\n",
      xlsx, NULL };
    g_autofree char *types = NULL;

    if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
      return;
    types = run (argv);
    g_assert_cmpstr (types, ==, "s\n");
  }
}

/* fontconfig keeps its configuration: pango never calls FcFini (). */
SD_TEST_LSAN_IGNORE_FONTCONFIG

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sd_test_private_home ("test-report-home-XXXXXX");
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n, fn) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_setup, fn, fixture_teardown)
  ADD ("/report/texts/figures-and-tables", 0, test_texts);
  ADD ("/report/pdf/small-company-content", 0, test_small_company);
  ADD ("/report/pdf/long-manager-table-repeats-header", 80, test_long_table_repeats_header);
  ADD ("/report/pdf/russian-locale-exact-kopecks", 0, test_russian_locale);
  ADD ("/report/pdf/cancelled-leaves-earlier-and-no-file", 0, test_cancelled_leaves_no_file);
  ADD ("/report/pdf/unwritable-fails-and-keeps-earlier", 0, test_unwritable);
  ADD ("/report/layout/print-page-sizes", 80, test_layout_print_sizes);
  ADD ("/report/idp/pdf-and-xlsx", 0, test_idp_exports);
#undef ADD

  status = g_test_run ();

  /* Let go of the process-wide font caches, so that the leak checker sees only our memory. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  sd_test_remove_tree (home);
  return status;
}
