/* test-calendar.c — the Russian production calendar
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-calendar.h"
#include "sd-test-util.h"

/* The official totals of the five-day week (Минтруд / КонсультантПлюс). */
static const struct {
  int   year;
  guint months[12];
  guint total;
} official[] = {
  { 2024, { 17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21 }, 248 },
  { 2025, { 17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22 }, 247 },
  { 2026, { 15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22 }, 247 },
};

static void
test_every_month_matches_official (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();

  for (guint y = 0; y < G_N_ELEMENTS (official); y++)
    {
      guint sum = 0;
      SdPeriod year = { SD_PERIOD_YEAR, official[y].year, 0 };

      for (int m = 1; m <= 12; m++)
        {
          guint days = sd_calendar_working_days_in_month (calendar,
                                                          sd_month_make (official[y].year, m));

          g_test_message ("%d-%02d: %u working days", official[y].year, m, days);
          g_assert_cmpuint (days, ==, official[y].months[m - 1]);
          sum += days;
        }

      g_assert_cmpuint (sum, ==, official[y].total);
      g_assert_cmpuint (sd_calendar_working_days_in_period (calendar, &year), ==, official[y].total);
    }
}

static void
test_quarters (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();

  for (guint y = 0; y < G_N_ELEMENTS (official); y++)
    {
      for (int q = 1; q <= 4; q++)
        {
          SdPeriod quarter = { SD_PERIOD_QUARTER, official[y].year, q };
          const guint *m = &official[y].months[(q - 1) * 3];

          g_assert_cmpuint (sd_calendar_working_days_in_period (calendar, &quarter), ==,
                            m[0] + m[1] + m[2]);
        }
    }
}

/* The slow, obvious count, to check the fast one against. */
static guint
count_day_by_day (const SdCalendar *calendar,
                  const GDate      *from,
                  const GDate      *to)
{
  GDate d = *from;
  guint n = 0;

  while (g_date_compare (&d, to) <= 0)
    {
      n += sd_calendar_is_working_day (calendar, &d);
      g_date_add_days (&d, 1);
    }

  return n;
}

static void
test_between (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();
  static const struct {
    int   y1, m1, d1, y2, m2, d2;
    guint expected;
  } cases[] = {
    { 2026, 3, 10, 2026, 3, 10, 1 },     /* one Tuesday */
    { 2026, 3, 7, 2026, 3, 7, 0 },       /* one Saturday */
    { 2026, 3, 9, 2026, 3, 9, 0 },       /* the 8 March holiday moved to Monday */
    { 2026, 3, 10, 2026, 3, 20, 9 },     /* mid-month, both ends inclusive */
    { 2026, 3, 1, 2026, 3, 15, 9 },
    { 2026, 3, 16, 2026, 3, 31, 12 },
    { 2025, 12, 29, 2026, 1, 12, 3 },    /* across years: 29, 30 Dec and 12 Jan */
    { 2025, 11, 1, 2025, 11, 2, 1 },     /* a working Saturday */
    { 2026, 3, 20, 2026, 3, 10, 0 },     /* reversed */
    { 2024, 1, 1, 2026, 12, 31, 742 },   /* three whole years */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      sd_test_set_dmy (&from, cases[i].y1, cases[i].m1, cases[i].d1);
      sd_test_set_dmy (&to, cases[i].y2, cases[i].m2, cases[i].d2);
      g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), ==,
                        cases[i].expected);
    }
}

static void
test_between_matches_day_by_day (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GDate base;

  sd_test_set_dmy (&base, 2021, 1, 1);
  for (guint i = 0; i < 300; i++)
    {
      GDate from = base, to;

      /* Ranges in and around the covered years, 2021–2031. */
      g_date_add_days (&from, g_rand_int_range (rand, 0, 3650));
      to = from;
      g_date_add_days (&to, g_rand_int_range (rand, 0, 800));

      g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), ==,
                        count_day_by_day (calendar, &from, &to));
    }
}

static void
test_day_kinds (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();
  static const struct {
    int       y, m, d;
    SdDayKind kind;
    gboolean  working;
  } cases[] = {
    { 2025, 11, 1, SD_DAY_WORKING_WEEKEND, TRUE },
    { 2025, 11, 3, SD_DAY_HOLIDAY, FALSE },
    { 2026, 3, 9, SD_DAY_HOLIDAY, FALSE },
    { 2026, 4, 30, SD_DAY_SHORT, TRUE },
    { 2026, 3, 10, SD_DAY_WORKING, TRUE },
    { 2026, 3, 8, SD_DAY_WEEKEND, FALSE },          /* a Sunday holiday, moved */
    { 2026, 3, 14, SD_DAY_WEEKEND, FALSE },
    { 2024, 1, 1, SD_DAY_HOLIDAY, FALSE },
    { 2027, 11, 13, SD_DAY_WORKING_WEEKEND, TRUE },  /* draft data still applies */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      sd_test_set_dmy (&date, cases[i].y, cases[i].m, cases[i].d);
      g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, cases[i].kind);
      g_assert_cmpint (sd_calendar_is_working_day (calendar, &date), ==, cases[i].working);
    }
}

static void
test_coverage (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();

  g_assert_true (calendar == sd_calendar_get_default ());
  g_assert_cmpint (sd_calendar_get_first_year (calendar), ==, 2024);
  g_assert_cmpint (sd_calendar_get_last_year (calendar), ==, 2027);
  g_assert_true (sd_calendar_is_exact (calendar, 2024));
  g_assert_true (sd_calendar_is_exact (calendar, 2025));
  g_assert_true (sd_calendar_is_exact (calendar, 2026));
  g_assert_false (sd_calendar_is_exact (calendar, 2027));   /* a draft */
  g_assert_false (sd_calendar_is_exact (calendar, 2023));
  g_assert_false (sd_calendar_is_exact (calendar, 2030));
  g_assert_nonnull (strstr (sd_calendar_get_source (calendar), "1335"));
}

static void
test_outside_data_is_approximate (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();
  GDate date, from, to;

  /* 2030: 1 January is a Tuesday; 1–8 January are off with no transfers. */
  for (int d = 1; d <= 8; d++)
    {
      sd_test_set_dmy (&date, 2030, 1, d);
      g_assert_false (sd_calendar_is_working_day (calendar, &date));
    }
  sd_test_set_dmy (&date, 2030, 1, 1);
  g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, SD_DAY_HOLIDAY);
  sd_test_set_dmy (&date, 2030, 1, 5);
  g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, SD_DAY_WEEKEND);
  sd_test_set_dmy (&date, 2030, 1, 9);
  g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, SD_DAY_WORKING);

  /* January 2030: 23 weekdays minus 6 weekday holidays (1–4, 7, 8 January). */
  g_assert_cmpuint (sd_calendar_working_days_in_month (calendar, sd_month_make (2030, 1)), ==, 17);
  /* May 2030: 23 weekdays minus 1 and 9 May (Wednesday, Thursday). */
  g_assert_cmpuint (sd_calendar_working_days_in_month (calendar, sd_month_make (2030, 5)), ==, 21);

  /* Before the data as well: 2023-02-23 is a Thursday holiday. */
  sd_test_set_dmy (&date, 2023, 2, 23);
  g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, SD_DAY_HOLIDAY);

  /* Spans that mix covered and uncovered years agree with the day-by-day count. */
  sd_test_set_dmy (&from, 2019, 6, 1);
  sd_test_set_dmy (&to, 2031, 6, 30);
  g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), ==,
                    count_day_by_day (calendar, &from, &to));
}

static void
test_custom_data (void)
{
  static const char data[] =
    "# a comment\r\n"
    "source Test data\r\n"
    "\r\n"
    "year 2030 exact\r\n"
    "2030-01-01 holiday New year\r\n"
    "2030-01-05 working a Saturday\r\n"
    "2030-01-06 short a short Sunday\r\n"
    "2030-01-10 short\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCalendar) calendar = sd_calendar_new_from_data (data, strlen (data), &error);
  GDate date, from, to;

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  g_assert_cmpstr (sd_calendar_get_source (calendar), ==, "Test data");
  g_assert_cmpint (sd_calendar_get_first_year (calendar), ==, 2030);
  g_assert_cmpint (sd_calendar_get_last_year (calendar), ==, 2030);
  g_assert_true (sd_calendar_is_exact (calendar, 2030));

  sd_test_set_dmy (&date, 2030, 1, 2);
  g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, SD_DAY_WORKING);
  sd_test_set_dmy (&date, 2030, 1, 6);
  g_assert_cmpint (sd_calendar_get_day_kind (calendar, &date), ==, SD_DAY_SHORT);

  /* 1–12 January: 9 weekdays, minus 1 January, plus Saturday 5 and Sunday 6. */
  sd_test_set_dmy (&from, 2030, 1, 1);
  sd_test_set_dmy (&to, 2030, 1, 12);
  g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), ==, 10);
}

static void
test_empty_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCalendar) calendar = sd_calendar_new_from_data ("", 0, &error);
  GDate from, to;

  g_assert_no_error (error);
  g_assert_cmpint (sd_calendar_get_first_year (calendar), ==, 0);
  g_assert_false (sd_calendar_is_exact (calendar, 2026));
  /* Every year is approximate: the fixed holidays only. 2026-03-09 is worked then. */
  sd_test_set_dmy (&from, 2026, 3, 1);
  sd_test_set_dmy (&to, 2026, 3, 31);
  g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), ==, 22);
}

static void
test_malformed_data (void)
{
  static const struct {
    const char *data;
    guint       line;
  } cases[] = {
    { "year 2026 exact\n2026-02-30 holiday\n", 2 },
    { "year 2026 exact\n2026-03-09 vacation\n", 2 },
    { "year 2026 exact\n2026-03-09\n", 2 },
    { "2026-03-09 holiday\n", 1 },                            /* before any year line */
    { "year 2026 exact\n\n# c\n2025-03-10 holiday\n", 4 },    /* outside its year */
    { "year 2026 exact\n2026-03-10 working\n", 2 },           /* a weekday marked working */
    { "year 2026 exact\n2026-03-09 holiday\n2026-03-09 holiday\n", 3 },
    { "year 2026 final\n", 1 },
    { "year 26 exact\n", 1 },
    { "year 1800 exact\n", 1 },
    { "year 2026 exact\nyear 2026 draft\n", 2 },
    { "source a\nsource b\n", 2 },
    { "year 2026 exact\n2026/03/09 holiday\n", 2 },
    { "year 2026 exact\n\xff\n", 2 },
    { "hello\n", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdCalendar) calendar = NULL;
      g_autofree char *needle = g_strdup_printf (" %u:", cases[i].line);

      g_test_message ("data %u", i);
      calendar = sd_calendar_new_from_data (cases[i].data, strlen (cases[i].data), &error);
      g_assert_null (calendar);
      g_assert_error (error, SD_CALENDAR_ERROR, SD_CALENDAR_ERROR_PARSE);
      /* The message names the line. */
      g_assert_nonnull (strstr (error->message, needle));
    }

  {
    static const char with_nul[] = "year 2026 exact\n2026\0-03-09 holiday\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(SdCalendar) calendar = sd_calendar_new_from_data (with_nul, sizeof with_nul - 1,
                                                                &error);

    g_assert_null (calendar);
    g_assert_error (error, SD_CALENDAR_ERROR, SD_CALENDAR_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, " 2:"));
  }
}

static void
test_long_spans (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();
  GDate from, to;
  guint total = 0;

  /* Ten years for each of a hundred managers: the count is by formula, not day by day,
   * so this stays instant. Its value must equal the sum of the months. */
  sd_test_set_dmy (&from, 2020, 1, 1);
  sd_test_set_dmy (&to, 2029, 12, 31);
  for (int m = sd_month_make (2020, 1); m <= sd_month_make (2029, 12); m++)
    total += sd_calendar_working_days_in_month (calendar, m);

  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), ==, total);

  /* The whole range of GDate years. */
  sd_test_set_dmy (&from, 1, 1, 1);
  sd_test_set_dmy (&to, 9999, 12, 31);
  g_assert_cmpuint (sd_calendar_working_days_between (calendar, &from, &to), >, 2500000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/months/2024-2026-match-official", test_every_month_matches_official);
  g_test_add_func ("/calendar/quarters/sum-of-months", test_quarters);
  g_test_add_func ("/calendar/between/inclusive-and-reversed", test_between);
  g_test_add_func ("/calendar/between/matches-day-by-day", test_between_matches_day_by_day);
  g_test_add_func ("/calendar/between/long-spans", test_long_spans);
  g_test_add_func ("/calendar/day-kind/transfers-and-short-days", test_day_kinds);
  g_test_add_func ("/calendar/coverage/years-and-source", test_coverage);
  g_test_add_func ("/calendar/outside-data/fixed-holidays-only", test_outside_data_is_approximate);
  g_test_add_func ("/calendar/data/custom", test_custom_data);
  g_test_add_func ("/calendar/data/empty", test_empty_data);
  g_test_add_func ("/calendar/data/malformed-names-line", test_malformed_data);

  return g_test_run ();
}
