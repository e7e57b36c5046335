/* fuzz-money.c — libFuzzer target for the parsers of what people type: money, dates, periods
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-money"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "sd-money.h"
#include "sd-period.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A failed g_return_if_fail () is a bug the fuzzer should stop on. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* Formatting, then parsing back, gives the same kopecks in both styles. */
static void
check_round_trip (SdMoney value)
{
  for (SdNumberStyle style = SD_NUMBER_STYLE_EN; style <= SD_NUMBER_STYLE_RU; style++)
    {
      g_autofree char *text = sd_money_format (value, style, "₽");
      g_autofree char *whole = sd_money_format_whole (value, style, NULL);
      SdMoney back = 0;

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (g_utf8_validate (whole, -1, NULL));
      g_assert_true (sd_money_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, value);
    }

  {
    g_autofree char *plain = sd_money_to_plain (value);
    SdMoney back = 0;

    g_assert_true (sd_money_parse (plain, &back, NULL));
    g_assert_cmpint (back, ==, value);
  }
}

/* value × num ÷ den is within half a kopeck of the exact ratio. */
static void
check_mul_ratio (const uint8_t *data)
{
  gint64 v[3];
  SdMoney out;

  memcpy (v, data, sizeof v);
  if (sd_money_mul_ratio (v[0], v[1], v[2], &out))
    {
      __int128 exact = (__int128) v[0] * v[1];
      __int128 den = v[2];
      __int128 diff = (__int128) out * den - exact;

      g_assert_true (v[2] != 0);
      if (diff < 0)
        diff = -diff;
      if (den < 0)
        den = -den;
      g_assert_true (2 * diff <= den);
    }

  if (v[1] != 0)
    {
      gint64 q = sd_div_round (v[0], v[1]);
      __int128 diff = (__int128) q * v[1] - v[0];
      __int128 den = v[1] < 0 ? -(__int128) v[1] : v[1];

      if (diff < 0)
        diff = -diff;
      /* Only G_MININT64 ÷ -1 saturates. */
      if (!(v[0] == G_MININT64 && v[1] == -1))
        g_assert_true (2 * diff <= den);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  SdMoney value = 0;
  GDate date;
  SdMonth month;
  SdPeriod period;

  if (sd_money_parse (text, &value, &error))
    {
      g_assert_no_error (error);
      g_assert_true (value != G_MININT64);
      check_round_trip (value);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SD_MONEY_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  if (sd_date_parse (text, &date, &error))
    {
      g_autofree char *iso = sd_date_to_iso (&date);
      GDate back;

      g_assert_true (sd_date_parse (iso, &back, NULL));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
    }
  else
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  if (sd_month_parse (text, &month, &error))
    {
      g_autofree char *iso = sd_month_to_iso (month);
      SdMonth back;

      g_assert_true (sd_month_parse (iso, &back, NULL));
      g_assert_cmpint (back, ==, month);
    }
  else
    g_clear_error (&error);

  if (sd_period_parse (text, &period, &error))
    {
      g_autofree char *canonical = sd_period_to_string (&period);
      g_autofree char *label = sd_period_format_label (&period);
      SdPeriod back;

      g_assert_true (g_utf8_validate (label, -1, NULL));
      g_assert_true (sd_period_parse (canonical, &back, NULL));
      g_assert_cmpint (back.kind, ==, period.kind);
      g_assert_cmpint (back.year, ==, period.year);
      g_assert_cmpint (back.index, ==, period.index);
    }
  else
    g_clear_error (&error);

  if (size >= 3 * sizeof (gint64))
    check_mul_ratio (data);

  return 0;
}
