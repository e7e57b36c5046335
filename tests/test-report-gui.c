/* test-report-gui.c — the Owner Report page on a demo company: the headline is the report's,
 * the period dropdowns change it, it follows the file, and it exports and prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report-gui"

#include "config.h"

#include <string.h>

#include "sd-context.h"
#include "sd-export.h"
#include "sd-owner-report.h"
#include "sd-report-page.h"
#include "sd-store.h"
#include "sd-test-gui.h"

#define TODAY "2026-11-22"

typedef SdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sd_test_page_fixture_set_up (fixture, "sd-report-gui-XXXXXX", 8, 2, TODAY, 1200, 900);
}

/* Shows a new report page and waits for its first report. */
static SdReportPage *
show_page (Fixture *fixture)
{
  GtkWidget *page = sd_report_page_new (fixture->context);

  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  SD_TEST_WAIT_FOR (gtk_widget_get_mapped (page));
  SD_TEST_WAIT_FOR (sd_report_page_get_report (SD_REPORT_PAGE (page)) != NULL);
  sd_test_spin ();
  return SD_REPORT_PAGE (page);
}

static SdOwnerReport *
build (Fixture    *fixture,
       const char *period_text)
{
  g_autoptr(GError) error = NULL;
  SdOwnerReport *report;
  SdPeriod period;

  g_assert_true (sd_period_parse (period_text, &period, NULL));
  report = sd_owner_report_build (fixture->store, sd_context_get_calendar (fixture->context),
                                  &period, &fixture->today, NULL, &error);
  g_assert_no_error (error);
  return report;
}

/* The first two GtkDropDowns under `widget` in depth-first order: the kind, then the month or
 * quarter. */
static void
find_dropdowns (GtkWidget    *widget,
                GtkDropDown **found,
                guint        *n)
{
  if (GTK_IS_DROP_DOWN (widget) && *n < 2)
    found[(*n)++] = GTK_DROP_DOWN (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    find_dropdowns (c, found, n);
}

static gboolean
report_is (SdReportPage *page,
           SdPeriodKind  kind,
           int           index)
{
  const SdOwnerReport *report = sd_report_page_get_report (page);

  return report != NULL && report->period.kind == kind && report->period.index == index;
}

static void
test_headline_and_period (Fixture       *fixture,
                          gconstpointer  data)
{
  SdReportPage *page = show_page (fixture);
  g_autoptr(SdOwnerReport) year = build (fixture, "2026");
  g_autoptr(SdOwnerReport) quarter = build (fixture, "2026-Q4");
  g_autoptr(SdOwnerReport) march = build (fixture, "2026-03");
  g_autofree char *year_revenue = sd_money_format (year->fact, sd_number_style_current (), "₽");
  g_autofree char *year_plan = sd_money_format (year->plan, sd_number_style_current (), "₽");
  g_autofree char *q_revenue = sd_money_format (quarter->fact, sd_number_style_current (), "₽");
  g_autofree char *m_revenue = sd_money_format (march->fact, sd_number_style_current (), "₽");
  GtkDropDown *dropdowns[2] = { NULL, NULL };
  guint n = 0;

  /* By default the year of today's month, and the headline is the report's. */
  g_assert_true (report_is (page, SD_PERIOD_YEAR, 0));
  g_assert_cmpint (sd_report_page_get_report (page)->period.year, ==, 2026);
  g_assert_cmpint (sd_report_page_get_report (page)->fact, ==, year->fact);
  g_assert_cmpstr (sd_report_page_get_figure_value (page, 0), ==, year_revenue);
  g_assert_cmpstr (sd_report_page_get_figure_value (page, 1), ==, year_plan);
  g_assert_cmpint (year->fact, >, 0);

  /* The user picks "Quarter": the quarter of today's month, IV. */
  find_dropdowns (GTK_WIDGET (page), dropdowns, &n);
  g_assert_cmpuint (n, ==, 2);
  gtk_drop_down_set_selected (dropdowns[0], 1);
  SD_TEST_WAIT_FOR (report_is (page, SD_PERIOD_QUARTER, 4));
  g_assert_cmpint (sd_report_page_get_report (page)->fact, ==, quarter->fact);
  g_assert_cmpstr (sd_report_page_get_figure_value (page, 0), ==, q_revenue);
  g_assert_cmpstr (sd_report_page_get_figure_value (page, 0), !=, year_revenue);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdowns[1])));

  /* Then "Month" and March. */
  gtk_drop_down_set_selected (dropdowns[0], 0);
  SD_TEST_WAIT_FOR (report_is (page, SD_PERIOD_MONTH, 11));
  gtk_drop_down_set_selected (dropdowns[1], 2);
  SD_TEST_WAIT_FOR (report_is (page, SD_PERIOD_MONTH, 3));
  g_assert_cmpstr (sd_report_page_get_figure_value (page, 0), ==, m_revenue);

  /* Back to the year: the month list hides. */
  gtk_drop_down_set_selected (dropdowns[0], 2);
  SD_TEST_WAIT_FOR (report_is (page, SD_PERIOD_YEAR, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dropdowns[1])));
}

static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) facts = NULL;
  SdReportPage *page = show_page (fixture);
  SdPeriod march = { SD_PERIOD_MONTH, 2026, 3 };
  SdMoney before;
  SdFact fact;

  sd_report_page_set_period (page, &march);
  g_assert_true (report_is (page, SD_PERIOD_MONTH, 3));
  before = sd_report_page_get_report (page)->fact;

  facts = sd_store_list_facts (fixture->store, sd_month_make (2026, 3), sd_month_make (2026, 3),
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, >, 0);
  fact = g_array_index (facts, SdFact, 0);
  fact.revenue += 123456;      /* 1 234,56 ₽ more */
  g_assert_true (sd_store_set_fact (fixture->store, &fact, &error));
  g_assert_no_error (error);
  SD_TEST_WAIT_FOR (sd_report_page_get_report (page)->fact == before + 123456);

  /* Undo puts it back, and the page follows. */
  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  SD_TEST_WAIT_FOR (sd_report_page_get_report (page)->fact == before);
}

static void
assert_file_starts (const char *path,
                    const char *magic)
{
  g_autofree char *bytes = NULL;
  gsize n = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &n, NULL));
  g_assert_cmpuint (n, >, 1000);
  g_assert_true (memcmp (bytes, magic, strlen (magic)) == 0);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SdReportPage *page = show_page (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "Отчёт собственнику 2026.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "Отчёт собственнику 2026.xlsx", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "report.txt", NULL);
  g_autofree char *cancelled = g_build_filename (fixture->dir, "cancelled.pdf", NULL);

  /* What "Export to PDF…" does once the file is chosen. */
  g_assert_true (sd_report_page_export_to (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (sd_report_page_is_exporting (page));
  /* One at a time. */
  g_assert_false (sd_report_page_export_to (page, xlsx, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  SD_TEST_WAIT_FOR (!sd_report_page_is_exporting (page));
  assert_file_starts (pdf, "%PDF");
  g_assert_nonnull (strstr (sd_report_page_get_export_result (page), "Отчёт собственнику 2026.pdf"));

  g_assert_true (sd_report_page_export_to (page, xlsx, &error));
  g_assert_no_error (error);
  SD_TEST_WAIT_FOR (!sd_report_page_is_exporting (page));
  assert_file_starts (xlsx, "PK");

  /* A name that is neither: refused at once, nothing written. */
  g_assert_false (sd_report_page_export_to (page, txt, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  /* A year with no plan and no facts: nothing to report, nothing written. */
  {
    SdPeriod empty = { SD_PERIOD_YEAR, 2031, 0 };
    SdPeriod year = { SD_PERIOD_YEAR, 2026, 0 };
    g_autofree char *nothing = g_build_filename (fixture->dir, "nothing.pdf", NULL);

    sd_report_page_set_period (page, &empty);
    g_assert_false (sd_report_page_export_to (page, nothing, &error));
    g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_NO_DATA);
    g_clear_error (&error);
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
    sd_report_page_set_period (page, &year);
  }

  /* Cancelled at once: no file, and the page says so. */
  g_assert_true (sd_report_page_export_to (page, cancelled, &error));
  sd_report_page_cancel_export (page);
  SD_TEST_WAIT_FOR (!sd_report_page_is_exporting (page));
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (sd_report_page_get_export_result (page), "cancelled.pdf"));
}

static void
test_print_to_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SdReportPage *page = show_page (fixture);
  g_autofree char *out = g_build_filename (fixture->dir, "printed.pdf", NULL);

  /* "Print…" through GtkPrintOperation, into a file instead of a printer. */
  g_assert_true (sd_report_page_print_to_file (page, out, &error));
  g_assert_no_error (error);
  sd_test_spin ();
  assert_file_starts (out, "%PDF");
}

int
main (int   argc,
      char *argv[])
{
  sd_test_gui_init (&argc, &argv, TODAY, FALSE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, sd_test_page_fixture_tear_down)

  ADD ("/report-gui/headline-is-the-report-and-follows-the-period", test_headline_and_period);
  ADD ("/report-gui/follows-edits-and-undo", test_follows_store);
  ADD ("/report-gui/export-pdf-xlsx-refuse-cancel", test_export);
  ADD ("/report-gui/print-to-pdf-file", test_print_to_file);

#undef ADD

  return g_test_run ();
}
