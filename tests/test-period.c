/* test-period.c — dates, months, quarters and years
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-period"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "sd-period.h"
#include "sd-test-util.h"

static void
test_date_parse_accepts (void)
{
  static const struct {
    const char *text;
    int         year, month, day;
  } cases[] = {
    { "2026-03-15", 2026, 3, 15 },
    { "  2026-03-15\t", 2026, 3, 15 },
    { "2026-3-5", 2026, 3, 5 },
    { "15.03.2026", 2026, 3, 15 },
    { "5.3.2026", 2026, 3, 5 },
    { "05.3.2026", 2026, 3, 5 },
    { "29.02.2024", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "1900-01-01", 1900, 1, 1 },
    { "31.12.2200", 2200, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("parsing «%s»", cases[i].text);
      g_assert_true (sd_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      sd_test_assert_dmy (&date, cases[i].year, cases[i].month, cases[i].day);
    }
}

static void
test_date_parse_rejects (void)
{
  static const char * const cases[] = {
    "", "   ", "2026", "2026-03", "2026-02-30", "2025-02-29", "1900-02-29", "31.04.2026",
    "2026-13-01", "2026-00-10", "2026-01-00", "00.01.2026", "1899-12-31", "01.01.2201",
    "15/03/2026", "2026.03.15", "15.03.26", "2026-03-15T10:00", "2026-03-15 x", "20260315",
    "2026-003-15", "115.03.2026", "abc", "１５.03.2026", "\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("parsing «%s»", cases[i]);
      g_assert_false (sd_date_parse (cases[i], &date, &error));
      g_assert_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_date_parse_message_names_text (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (sd_date_parse ("2026-02-30", &date, &error));
  g_assert_nonnull (strstr (error->message, "«2026-02-30»"));
  g_clear_error (&error);

  g_assert_false (sd_date_parse ("01.01.1850", &date, &error));
  g_assert_nonnull (strstr (error->message, "«01.01.1850»"));
  g_assert_nonnull (strstr (error->message, "1900"));
}

static void
test_date_format (void)
{
  GDate date;
  g_autofree char *ru = NULL;
  g_autofree char *en = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *none_ru = NULL;
  g_autofree char *none_iso = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_MARCH, 2026);
  ru = sd_date_format (&date, SD_NUMBER_STYLE_RU);
  en = sd_date_format (&date, SD_NUMBER_STYLE_EN);
  iso = sd_date_to_iso (&date);
  g_assert_cmpstr (ru, ==, "05.03.2026");
  g_assert_cmpstr (en, ==, "2026-03-05");
  g_assert_cmpstr (iso, ==, "2026-03-05");

  g_date_clear (&date, 1);
  none_ru = sd_date_format (&date, SD_NUMBER_STYLE_RU);
  none_iso = sd_date_to_iso (&date);
  g_assert_cmpstr (none_ru, ==, "");
  g_assert_null (none_iso);
}

static void
test_date_compare (void)
{
  GDate a, b, none;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_clear (&none, 1);
  g_date_set_dmy (&a, 1, 1, 2026);
  g_date_set_dmy (&b, 2, 1, 2026);

  g_assert_cmpint (sd_date_compare (&a, &b), ==, -1);
  g_assert_cmpint (sd_date_compare (&b, &a), ==, 1);
  g_assert_cmpint (sd_date_compare (&a, &a), ==, 0);
  /* No date ("still working") sorts after every date. */
  g_assert_cmpint (sd_date_compare (&none, &b), ==, 1);
  g_assert_cmpint (sd_date_compare (&b, &none), ==, -1);
  g_assert_cmpint (sd_date_compare (&none, &none), ==, 0);
}

static void
test_date_today (void)
{
  GDate today;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  sd_date_set_today (&today);
  g_assert_true (g_date_valid (&today));
  /* Midnight may pass between the two calls: allow the next day. */
  g_assert_cmpint (g_date_get_year (&today), >=, g_date_time_get_year (now) - 1);
  g_assert_cmpint (g_date_get_year (&today), <=, g_date_time_get_year (now));
}

static void
test_month_arithmetic (void)
{
  SdMonth m = sd_month_make (2026, 3);
  GDate first, last;

  g_assert_cmpint (m, ==, 2026 * 12 + 2);
  g_assert_cmpint (sd_month_get_year (m), ==, 2026);
  g_assert_cmpint (sd_month_get_month (m), ==, 3);
  g_assert_cmpint (sd_month_make (2026, 12) + 1, ==, sd_month_make (2027, 1));
  g_assert_cmpint (sd_month_get_month (sd_month_make (2027, 1) - 1), ==, 12);
  g_assert_cmpint (sd_month_get_year (sd_month_make (2027, 1) - 1), ==, 2026);

  g_assert_cmpuint (sd_month_n_days (sd_month_make (2024, 2)), ==, 29);
  g_assert_cmpuint (sd_month_n_days (sd_month_make (2025, 2)), ==, 28);
  g_assert_cmpuint (sd_month_n_days (sd_month_make (2026, 4)), ==, 30);
  g_assert_cmpuint (sd_month_n_days (sd_month_make (2026, 12)), ==, 31);

  sd_month_first_day (sd_month_make (2024, 2), &first);
  sd_month_last_day (sd_month_make (2024, 2), &last);
  sd_test_assert_dmy (&first, 2024, 2, 1);
  sd_test_assert_dmy (&last, 2024, 2, 29);

  {
    GDate date, none;

    g_date_clear (&date, 1);
    g_date_clear (&none, 1);
    g_date_set_dmy (&date, 31, 12, 2025);
    g_assert_cmpint (sd_month_from_date (&date), ==, sd_month_make (2025, 12));
    g_assert_cmpint (sd_month_from_date (&none), ==, SD_MONTH_INVALID);
  }
}

static void
test_month_parse (void)
{
  static const struct {
    const char *text;
    int         year, month;
  } good[] = {
    { "2026-03", 2026, 3 },
    { "2026-3", 2026, 3 },
    { " 2026-12 ", 2026, 12 },
    { "1900-01", 1900, 1 },
  };
  static const char * const bad[] = {
    "", "2026", "2026-13", "2026-00", "2026-03-01", "2026 -03", "2026- 03", "26-03",
    "2026-003", "03.2026", "1899-12", "2201-01", "abc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      SdMonth m = 0;

      g_assert_true (sd_month_parse (good[i].text, &m, &error));
      g_assert_no_error (error);
      g_assert_cmpint (m, ==, sd_month_make (good[i].year, good[i].month));
      iso = sd_month_to_iso (m);
      g_assert_cmpint (atoi (iso), ==, good[i].year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SdMonth m = 7;

      g_test_message ("parsing «%s»", bad[i]);
      g_assert_false (sd_month_parse (bad[i], &m, &error));
      g_assert_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID);
      g_assert_cmpint (m, ==, 7);
    }

  {
    g_autofree char *iso = sd_month_to_iso (sd_month_make (2026, 3));
    g_assert_cmpstr (iso, ==, "2026-03");
  }
}

static void
test_month_labels (void)
{
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  {
    g_autofree char *label = sd_month_format_label (sd_month_make (2026, 3));
    g_autofree char *may = sd_month_format_label (sd_month_make (2026, 5));
    g_autofree char *abbrev = sd_month_format_short (sd_month_make (2026, 3));
    g_autofree char *sept = sd_month_format_short (sd_month_make (2026, 9));

    g_assert_cmpstr (label, ==, "March 2026");
    g_assert_cmpstr (may, ==, "May 2026");
    g_assert_cmpstr (abbrev, ==, "Mar");
    g_assert_cmpstr (sept, ==, "Sep");
  }

  if (setlocale (LC_ALL, "ru_RU.UTF-8") != NULL)
    {
      g_autofree char *label = sd_month_format_label (sd_month_make (2026, 3));
      g_autofree char *may = sd_month_format_label (sd_month_make (2026, 5));
      g_autofree char *abbrev = sd_month_format_short (sd_month_make (2026, 3));
      g_autofree char *may_short = sd_month_format_short (sd_month_make (2026, 5));

      /* Nominative, capitalised: "Март", not the genitive "марта". */
      g_assert_cmpstr (label, ==, "Март 2026");
      g_assert_cmpstr (may, ==, "Май 2026");
      g_assert_cmpstr (abbrev, ==, "мар");
      g_assert_cmpstr (may_short, ==, "май");
    }
  else
    g_test_message ("ru_RU.UTF-8 is not available: Russian labels not checked");

  setlocale (LC_ALL, saved);
}

typedef struct {
  const char   *text;
  SdPeriodKind  kind;
  int           year;
  int           index;
  const char   *canonical;
  int           first_month;   /* of the same year */
  guint         n_months;
} PeriodCase;

static const PeriodCase periods[] = {
  { "2026", SD_PERIOD_YEAR, 2026, 0, "2026", 1, 12 },
  { "2026-Q1", SD_PERIOD_QUARTER, 2026, 1, "2026-Q1", 1, 3 },
  { "2026-q2", SD_PERIOD_QUARTER, 2026, 2, "2026-Q2", 4, 3 },
  { "2026-Q3", SD_PERIOD_QUARTER, 2026, 3, "2026-Q3", 7, 3 },
  { " 2026-Q4 ", SD_PERIOD_QUARTER, 2026, 4, "2026-Q4", 10, 3 },
  { "2026-03", SD_PERIOD_MONTH, 2026, 3, "2026-03", 3, 1 },
  { "2026-3", SD_PERIOD_MONTH, 2026, 3, "2026-03", 3, 1 },
  { "2026-12", SD_PERIOD_MONTH, 2026, 12, "2026-12", 12, 1 },
};

static void
test_period_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      const PeriodCase *c = &periods[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      SdPeriod period;

      g_test_message ("parsing «%s»", c->text);
      g_assert_true (sd_period_parse (c->text, &period, &error));
      g_assert_no_error (error);
      g_assert_cmpint (period.kind, ==, c->kind);
      g_assert_cmpint (period.year, ==, c->year);
      g_assert_cmpint (period.index, ==, c->index);

      text = sd_period_to_string (&period);
      g_assert_cmpstr (text, ==, c->canonical);
      g_assert_cmpint (sd_period_first_month (&period), ==, sd_month_make (c->year, c->first_month));
      g_assert_cmpuint (sd_period_n_months (&period), ==, c->n_months);
      g_assert_cmpint (sd_period_last_month (&period), ==,
                       sd_month_make (c->year, c->first_month) + (int) c->n_months - 1);

      g_assert_true (sd_period_contains (&period, sd_period_first_month (&period)));
      g_assert_true (sd_period_contains (&period, sd_period_last_month (&period)));
      g_assert_false (sd_period_contains (&period, sd_period_first_month (&period) - 1));
      g_assert_false (sd_period_contains (&period, sd_period_last_month (&period) + 1));
      g_assert_false (sd_period_contains (&period, SD_MONTH_INVALID));
    }
}

static void
test_period_rejects (void)
{
  static const char * const bad[] = {
    "", "26", "20260", "2026-Q0", "2026-Q5", "2026-Q12", "2026-Q", "2026Q1", "Q1-2026",
    "2026-13", "2026-00", "2026-03-01", "2026 Q1", "1899", "2201-Q1", "year",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SdPeriod period;

      g_test_message ("parsing «%s»", bad[i]);
      g_assert_false (sd_period_parse (bad[i], &period, &error));
      g_assert_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID);
    }
}

static void
test_period_previous (void)
{
  static const char * const pairs[][2] = {
    { "2026-03", "2026-02" },
    { "2026-01", "2025-12" },
    { "2026-Q2", "2026-Q1" },
    { "2026-Q1", "2025-Q4" },
    { "2026", "2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      SdPeriod period, prev;
      g_autofree char *text = NULL;

      g_assert_true (sd_period_parse (pairs[i][0], &period, NULL));
      prev = sd_period_previous (&period);
      text = sd_period_to_string (&prev);
      g_assert_cmpstr (text, ==, pairs[i][1]);
      g_assert_cmpint (prev.kind, ==, period.kind);
    }
}

static void
test_period_labels (void)
{
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);
  SdPeriod year = { SD_PERIOD_YEAR, 2026, 0 };
  SdPeriod quarter = { SD_PERIOD_QUARTER, 2026, 1 };
  SdPeriod month = { SD_PERIOD_MONTH, 2026, 3 };

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  {
    g_autofree char *y = sd_period_format_label (&year);
    g_autofree char *q = sd_period_format_label (&quarter);
    g_autofree char *m = sd_period_format_label (&month);

    g_assert_cmpstr (y, ==, "2026");
    /* Untranslated: the po file turns it into "1 квартал 2026" or the like. */
    g_assert_cmpstr (q, ==, "Q1 2026");
    g_assert_cmpstr (m, ==, "March 2026");
  }
  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/date/parse/accepts-iso-and-dotted", test_date_parse_accepts);
  g_test_add_func ("/period/date/parse/rejects-impossible-and-malformed", test_date_parse_rejects);
  g_test_add_func ("/period/date/parse/message-names-the-text", test_date_parse_message_names_text);
  g_test_add_func ("/period/date/format/ru-dotted-en-iso", test_date_format);
  g_test_add_func ("/period/date/compare/no-date-sorts-last", test_date_compare);
  g_test_add_func ("/period/date/today-is-valid", test_date_today);
  g_test_add_func ("/period/month/arithmetic-and-days", test_month_arithmetic);
  g_test_add_func ("/period/month/parse-strict", test_month_parse);
  g_test_add_func ("/period/month/labels-nominative-capitalised", test_month_labels);
  g_test_add_func ("/period/parse/year-quarter-month", test_period_parse);
  g_test_add_func ("/period/parse/rejects", test_period_rejects);
  g_test_add_func ("/period/previous/wraps-years", test_period_previous);
  g_test_add_func ("/period/label/under-c-locale", test_period_labels);

  return g_test_run ();
}
