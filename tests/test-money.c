/* test-money.c — parsing, formatting and arithmetic of kopecks
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-money.h"

#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"
#define THIN  "\xe2\x80\x89"

typedef struct {
  const char *text;
  SdMoney     expected;
} ParseCase;

static const ParseCase accepted[] = {
  { "0", 0 },
  { "-0", 0 },
  { "+0,00", 0 },
  { "5", 500 },
  { "12,5", 1250 },
  { "12.5", 1250 },
  { "12,50", 1250 },
  { "12.05", 1205 },
  { ",5", 50 },
  { ".05", 5 },
  { "5,", 500 },
  { "5.", 500 },
  { "  42  ", 4200 },
  { "\t42\t", 4200 },
  { "1 234 567,89", 123456789 },
  { "1" NBSP "234" NBSP "567,89", 123456789 },
  { "1" NNBSP "234" NNBSP "567,89", 123456789 },
  { "1" THIN "234,5", 123450 },
  { "1  234", 123400 },
  { "1234567.89", 123456789 },
  { "1,234,567.89", 123456789 },
  { "1.234.567,89", 123456789 },
  { "1,234.5", 123450 },
  { "1.234,", 123400 },
  { "-500", -50000 },
  { "+500", 50000 },
  { "\xe2\x88\x92" "500", -50000 },       /* U+2212 MINUS SIGN */
  { "- 500", -50000 },
  { "12 345 ₽", 1234500 },
  { "12 345₽", 1234500 },
  { "₽12 345", 1234500 },
  { "₽ 12 345", 1234500 },
  { "-1 500,50 ₽", -150050 },
  { "1500 руб.", 150000 },
  { "1500 руб", 150000 },
  { "1500руб.", 150000 },
  { "1500 РУБ.", 150000 },
  { "1500 Руб", 150000 },
  { "1500 р.", 150000 },
  { "1500р", 150000 },
  { "1500 Р", 150000 },
  { "1500 RUB", 150000 },
  { "1500 rub", 150000 },
  { "1500 Rub", 150000 },
  { "$5", 500 },
  { "$ 5.25", 525 },
  { "5 $", 500 },
  { "€5,10", 510 },
  { "5 €", 500 },
  { "-$5", -500 },
  { "$-5", -500 },
  { "1" NNBSP "234,56" NBSP "₽", 123456 },   /* what sd_money_format writes */
  { "000000000000000000000000000001", 100 },
  { "92233720368547758,07", G_MAXINT64 },
  { "-92233720368547758,07", -G_MAXINT64 },
  { "92 233 720 368 547 758,07", G_MAXINT64 },
};

static void
test_parse_accepts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      SdMoney value = -1;

      g_test_message ("parsing «%s»", accepted[i].text);
      g_assert_true (sd_money_parse (accepted[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, accepted[i].expected);
    }
}

typedef struct {
  const char   *text;
  SdMoneyError  code;
} RejectCase;

static const RejectCase rejected[] = {
  { "", SD_MONEY_ERROR_EMPTY },
  { "   ", SD_MONEY_ERROR_EMPTY },
  { NBSP NNBSP, SD_MONEY_ERROR_EMPTY },
  { "₽", SD_MONEY_ERROR_EMPTY },
  { " руб. ", SD_MONEY_ERROR_EMPTY },
  { "abc", SD_MONEY_ERROR_INVALID },
  { "12abc", SD_MONEY_ERROR_INVALID },
  { "1,2,3", SD_MONEY_ERROR_INVALID },
  { "1.2.3", SD_MONEY_ERROR_INVALID },
  { "1,234,567", SD_MONEY_ERROR_INVALID },     /* ambiguous grouping */
  { "1.234.567", SD_MONEY_ERROR_INVALID },
  { "1,23.45", SD_MONEY_ERROR_INVALID },       /* a group of two digits */
  { "1,234.567.8", SD_MONEY_ERROR_INVALID },
  { "1.234,56,7", SD_MONEY_ERROR_INVALID },
  { ",234.5", SD_MONEY_ERROR_INVALID },
  { "1 2,3,4", SD_MONEY_ERROR_INVALID },
  { "--5", SD_MONEY_ERROR_INVALID },
  { "5-", SD_MONEY_ERROR_INVALID },
  { "-", SD_MONEY_ERROR_INVALID },
  { "+", SD_MONEY_ERROR_INVALID },
  { "-₽", SD_MONEY_ERROR_INVALID },
  { ",", SD_MONEY_ERROR_INVALID },
  { ".", SD_MONEY_ERROR_INVALID },
  { "1e5", SD_MONEY_ERROR_INVALID },
  { "0x10", SD_MONEY_ERROR_INVALID },
  { "\xd9\xa1\xd9\xa2", SD_MONEY_ERROR_INVALID },   /* "١٢", Arabic-Indic digits */
  { "1'234", SD_MONEY_ERROR_INVALID },
  { "₽5₽", SD_MONEY_ERROR_INVALID },
  { "5 ₽ 5", SD_MONEY_ERROR_INVALID },
  { "12,5 0", SD_MONEY_ERROR_INVALID },        /* a blank among the kopecks */
  { "1 ,5", SD_MONEY_ERROR_INVALID },
  { "\xff\xfe", SD_MONEY_ERROR_INVALID },      /* not UTF-8 */
  { "1,234", SD_MONEY_ERROR_PRECISION },
  { "12,345", SD_MONEY_ERROR_PRECISION },
  { "0.001", SD_MONEY_ERROR_PRECISION },
  { "1,234.567", SD_MONEY_ERROR_PRECISION },
  { "92233720368547758,08", SD_MONEY_ERROR_OVERFLOW },
  { "-92233720368547758,08", SD_MONEY_ERROR_OVERFLOW },
  { "92233720368547759", SD_MONEY_ERROR_OVERFLOW },
  { "9223372036854775808", SD_MONEY_ERROR_OVERFLOW },
  { "99999999999999999999999999999", SD_MONEY_ERROR_OVERFLOW },
};

static void
test_parse_rejects (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      SdMoney value = 12345;

      g_test_message ("parsing «%s»", rejected[i].text);
      g_assert_false (sd_money_parse (rejected[i].text, &value, &error));
      g_assert_error (error, SD_MONEY_ERROR, (int) rejected[i].code);
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* A failed parse leaves the output alone. */
      g_assert_cmpint (value, ==, 12345);
    }
}

static void
test_parse_messages_name_the_text (void)
{
  g_autoptr(GError) error = NULL;
  SdMoney value;

  g_assert_false (sd_money_parse ("1,2,3", &value, &error));
  g_assert_nonnull (strstr (error->message, "«1,2,3»"));
  g_clear_error (&error);

  g_assert_false (sd_money_parse (" abc ", &value, &error));
  g_assert_nonnull (strstr (error->message, "«abc»"));
  g_clear_error (&error);

  /* Very long input is shortened in the message. */
  {
    g_autofree char *longer = g_strnfill (500, 'x');

    g_assert_false (sd_money_parse (longer, &value, &error));
    g_assert_cmpuint (strlen (error->message), <, 300);
  }
}

static void
test_parse_without_error (void)
{
  SdMoney value = 7;

  g_assert_false (sd_money_parse ("abc", &value, NULL));
  g_assert_cmpint (value, ==, 7);
  g_assert_true (sd_money_parse ("1,5", &value, NULL));
  g_assert_cmpint (value, ==, 150);
}

typedef struct {
  SdMoney     value;
  const char *ru;
  const char *en;
} FormatCase;

static const FormatCase formats[] = {
  { 0, "0,00", "0.00" },
  { 5, "0,05", "0.05" },
  { -5, "-0,05", "-0.05" },
  { 100, "1,00", "1.00" },
  { 99999, "999,99", "999.99" },
  { 100000, "1" NNBSP "000,00", "1,000.00" },
  { 123456789, "1" NNBSP "234" NNBSP "567,89", "1,234,567.89" },
  { -123456789, "-1" NNBSP "234" NNBSP "567,89", "-1,234,567.89" },
  { G_MAXINT64, "92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758,07",
    "92,233,720,368,547,758.07" },
  { -G_MAXINT64, "-92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758,07",
    "-92,233,720,368,547,758.07" },
  { G_MININT64, "-92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758,08",
    "-92,233,720,368,547,758.08" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *ru = sd_money_format (formats[i].value, SD_NUMBER_STYLE_RU, NULL);
      g_autofree char *en = sd_money_format (formats[i].value, SD_NUMBER_STYLE_EN, NULL);
      g_autofree char *ru_sym = sd_money_format (formats[i].value, SD_NUMBER_STYLE_RU, "₽");
      g_autofree char *en_sym = sd_money_format (formats[i].value, SD_NUMBER_STYLE_EN, "$");
      g_autofree char *ru_expected = g_strconcat (formats[i].ru, NBSP "₽", NULL);
      g_autofree char *en_expected = g_strconcat (formats[i].en, NBSP "$", NULL);

      g_assert_cmpstr (ru, ==, formats[i].ru);
      g_assert_cmpstr (en, ==, formats[i].en);
      g_assert_cmpstr (ru_sym, ==, ru_expected);
      g_assert_cmpstr (en_sym, ==, en_expected);
    }
}

static void
test_format_empty_symbol (void)
{
  g_autofree char *text = sd_money_format (150, SD_NUMBER_STYLE_RU, "");

  g_assert_cmpstr (text, ==, "1,50");
}

typedef struct {
  SdMoney     value;
  const char *ru;
  const char *en;
} WholeCase;

static const WholeCase wholes[] = {
  { 0, "0", "0" },
  { 49, "0", "0" },
  { 50, "1", "1" },
  { -49, "0", "0" },
  { -50, "-1", "-1" },
  { 149, "1", "1" },
  { 150, "2", "2" },
  { -150, "-2", "-2" },
  { 123456789, "1" NNBSP "234" NNBSP "568", "1,234,568" },
  { 123456749, "1" NNBSP "234" NNBSP "567", "1,234,567" },
  { G_MAXINT64, "92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758",
    "92,233,720,368,547,758" },
  { G_MININT64, "-92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758",
    "-92,233,720,368,547,758" },
};

static void
test_format_whole (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (wholes); i++)
    {
      g_autofree char *ru = sd_money_format_whole (wholes[i].value, SD_NUMBER_STYLE_RU, NULL);
      g_autofree char *en = sd_money_format_whole (wholes[i].value, SD_NUMBER_STYLE_EN, NULL);
      g_autofree char *sym = sd_money_format_whole (wholes[i].value, SD_NUMBER_STYLE_RU, "₽");
      g_autofree char *sym_expected = g_strconcat (wholes[i].ru, NBSP "₽", NULL);

      g_assert_cmpstr (ru, ==, wholes[i].ru);
      g_assert_cmpstr (en, ==, wholes[i].en);
      g_assert_cmpstr (sym, ==, sym_expected);
    }
}

static void
test_to_plain (void)
{
  static const struct {
    SdMoney     value;
    const char *plain;
  } cases[] = {
    { 0, "0.00" },
    { 5, "0.05" },
    { -5, "-0.05" },
    { 50, "0.50" },
    { 123450, "1234.50" },
    { -123450, "-1234.50" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64 + 1, "-92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = sd_money_to_plain (cases[i].value);
      SdMoney back = 0;

      g_assert_cmpstr (plain, ==, cases[i].plain);
      if (cases[i].value != G_MININT64)
        {
          g_assert_true (sd_money_parse (plain, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].value);
        }
    }
}

static void
test_round_trip (void)
{
  /* A fixed seed: the same values on every run. */
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260315);

  for (guint i = 0; i < 400; i++)
    {
      SdMoney value;
      guint bits = g_rand_int_range (rand, 1, 64);
      guint64 raw = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

      /* Values of every size, from kopecks to the limit. */
      value = (SdMoney) (raw >> (64 - bits));
      if (g_rand_boolean (rand))
        value = -value;

      for (SdNumberStyle style = SD_NUMBER_STYLE_EN; style <= SD_NUMBER_STYLE_RU; style++)
        {
          g_autofree char *bare = sd_money_format (value, style, NULL);
          g_autofree char *with_sign = sd_money_format (value, style, "₽");
          SdMoney back = value + 1;

          g_assert_true (sd_money_parse (bare, &back, NULL));
          g_assert_cmpint (back, ==, value);
          back = value + 1;
          g_assert_true (sd_money_parse (with_sign, &back, NULL));
          g_assert_cmpint (back, ==, value);
        }
    }
}

static void
test_style_for_locale (void)
{
  static const struct {
    const char    *locale;
    SdNumberStyle  style;
  } cases[] = {
    { NULL, SD_NUMBER_STYLE_EN },
    { "", SD_NUMBER_STYLE_EN },
    { "C", SD_NUMBER_STYLE_EN },
    { "C.UTF-8", SD_NUMBER_STYLE_EN },
    { "POSIX", SD_NUMBER_STYLE_EN },
    { "en_US.UTF-8", SD_NUMBER_STYLE_EN },
    { "de_DE", SD_NUMBER_STYLE_EN },
    { "ru", SD_NUMBER_STYLE_RU },
    { "ru_RU.UTF-8", SD_NUMBER_STYLE_RU },
    { "ru_UA", SD_NUMBER_STYLE_RU },
    { "be_BY.UTF-8", SD_NUMBER_STYLE_RU },
    { "uk_UA.UTF-8", SD_NUMBER_STYLE_RU },
    { "kk_KZ.UTF-8", SD_NUMBER_STYLE_RU },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sd_number_style_for_locale (cases[i].locale), ==, cases[i].style);
}

static void
test_style_current (void)
{
  const char *numeric = setlocale (LC_NUMERIC, NULL);
  SdNumberStyle expected;

  /* Whatever the test runs under, the answer follows LC_NUMERIC or the language. */
  if (numeric != NULL && strcmp (numeric, "C") != 0 && strcmp (numeric, "POSIX") != 0
      && !g_str_has_prefix (numeric, "C."))
    expected = sd_number_style_for_locale (numeric);
  else
    expected = sd_number_style_for_locale (g_get_language_names ()[0]);

  g_assert_cmpint (sd_number_style_current (), ==, expected);
}

static void
test_currency_symbol (void)
{
  static const char * const pairs[][2] = {
    { "RUB", "₽" }, { "USD", "$" }, { "EUR", "€" }, { "KZT", "₸" }, { "BYN", "Br" },
    { "UAH", "₴" }, { "CNY", "¥" }, { "GBP", "£" }, { "rub", "₽" }, { "CHF", "CHF" },
    { "XYZ", "XYZ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    g_assert_cmpstr (sd_currency_symbol (pairs[i][0]), ==, pairs[i][1]);
}

static void
test_mul_ratio (void)
{
  static const struct {
    SdMoney  value;
    gint64   num;
    gint64   den;
    SdMoney  expected;
  } cases[] = {
    { 5, 1, 2, 3 },
    { -5, 1, 2, -3 },
    { 5, -1, 2, -3 },
    { 5, 1, -2, -3 },
    { -5, 1, -2, 3 },
    { 4, 1, 2, 2 },
    { 7, 1, 3, 2 },          /* 2.33 */
    { 8, 1, 3, 3 },          /* 2.67 */
    { -7, 1, 3, -2 },
    { -8, 1, 3, -3 },
    { 1000000, 15, 100, 150000 },
    { 100000000, 1, 3, 33333333 },
    { 0, 5, 7, 0 },
    /* A 128-bit intermediate: the product exceeds 64 bits, the result does not. */
    { G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64 },
    { G_MAXINT64, 3, 4, 6917529027641081855 },      /* 6917529027641081855.25 */
    { G_MININT64, 1, 1, G_MININT64 },
    { G_MININT64, G_MININT64, G_MININT64, G_MININT64 },
    { 1, G_MININT64, G_MININT64, 1 },
  };
  SdMoney out;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      out = 42;
      g_assert_true (sd_money_mul_ratio (cases[i].value, cases[i].num, cases[i].den, &out));
      g_assert_cmpint (out, ==, cases[i].expected);
    }

  out = 42;
  g_assert_false (sd_money_mul_ratio (G_MAXINT64, 2, 1, &out));
  g_assert_false (sd_money_mul_ratio (G_MAXINT64, G_MAXINT64, 2, &out));
  g_assert_false (sd_money_mul_ratio (G_MININT64, -1, 1, &out));
  g_assert_false (sd_money_mul_ratio (G_MININT64, 1, -1, &out));
  g_assert_false (sd_money_mul_ratio (5, 1, 0, &out));
  g_assert_cmpint (out, ==, 42);
}

static void
test_add (void)
{
  SdMoney out = 0;

  g_assert_true (sd_money_add (150, -50, &out));
  g_assert_cmpint (out, ==, 100);
  g_assert_true (sd_money_add (G_MAXINT64, 0, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_true (sd_money_add (G_MAXINT64, G_MININT64, &out));
  g_assert_cmpint (out, ==, -1);

  out = 42;
  g_assert_false (sd_money_add (G_MAXINT64, 1, &out));
  g_assert_false (sd_money_add (G_MININT64, -1, &out));
  g_assert_cmpint (out, ==, 42);
}

static void
test_div_round (void)
{
  static const gint64 cases[][3] = {
    { 5, 2, 3 },
    { -5, 2, -3 },
    { 5, -2, -3 },
    { -5, -2, 3 },
    { 7, 2, 4 },
    { 6, 4, 2 },       /* 1.5 */
    { 5, 4, 1 },       /* 1.25 */
    { -5, 4, -1 },
    { 0, 9, 0 },
    { G_MAXINT64, 1, G_MAXINT64 },
    { G_MAXINT64, 2, 4611686018427387904 },
    { G_MININT64, 2, G_MININT64 / 2 },
    { G_MININT64, G_MININT64, 1 },
    { G_MININT64, -1, G_MAXINT64 },    /* saturated */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sd_div_round (cases[i][0], cases[i][1]), ==, cases[i][2]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/accepts-every-written-form", test_parse_accepts);
  g_test_add_func ("/money/parse/rejects-with-error-code", test_parse_rejects);
  g_test_add_func ("/money/parse/message-quotes-the-text", test_parse_messages_name_the_text);
  g_test_add_func ("/money/parse/error-may-be-null", test_parse_without_error);
  g_test_add_func ("/money/format/ru-and-en-with-two-decimals", test_format);
  g_test_add_func ("/money/format/empty-symbol-is-no-symbol", test_format_empty_symbol);
  g_test_add_func ("/money/format/whole-rounds-half-away-from-zero", test_format_whole);
  g_test_add_func ("/money/format/round-trips-through-parse", test_round_trip);
  g_test_add_func ("/money/plain/point-and-two-decimals", test_to_plain);
  g_test_add_func ("/money/style/for-locale-name", test_style_for_locale);
  g_test_add_func ("/money/style/current-follows-locale", test_style_current);
  g_test_add_func ("/money/currency/symbol-for-code", test_currency_symbol);
  g_test_add_func ("/money/mul-ratio/rounds-halves-away-from-zero", test_mul_ratio);
  g_test_add_func ("/money/add/detects-overflow", test_add);
  g_test_add_func ("/money/div-round/half-away-from-zero", test_div_round);

  return g_test_run ();
}
