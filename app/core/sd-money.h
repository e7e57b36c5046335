/* sd-money.h — money as integer kopecks: parsing, formatting, exact arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An amount of money in minor units (kopecks). Never a floating-point number. */
typedef gint64 SdMoney;

#define SD_MONEY_ERROR (sd_money_error_quark ())

typedef enum {
  SD_MONEY_ERROR_EMPTY,      /* nothing but blanks */
  SD_MONEY_ERROR_INVALID,    /* not a number: letters, two decimal separators … */
  SD_MONEY_ERROR_PRECISION,  /* more than two digits after the decimal separator */
  SD_MONEY_ERROR_OVERFLOW,   /* does not fit in SdMoney */
} SdMoneyError;

/* How numbers are written for the reader: "1 234,50 ₽" or "1,234.50 ₽". */
typedef enum {
  SD_NUMBER_STYLE_EN,
  SD_NUMBER_STYLE_RU,
} SdNumberStyle;

GQuark        sd_money_error_quark        (void);

/* The style for a locale name such as "ru_RU.UTF-8" (anything starting "ru" or "be"/"uk"/"kk" → RU). */
SdNumberStyle sd_number_style_for_locale  (const char *locale_name);

/* The style of the running process (LC_NUMERIC, then LC_MESSAGES/LANGUAGE). */
SdNumberStyle sd_number_style_current     (void);

/* Parses what a person types: "1 234 567,89", "1234567.89", "12 345 ₽", "-500", "1,234.50".
 * Spaces (also U+00A0, U+202F, U+2009), a currency sign or "руб."/"р."/"RUB" are allowed;
 * one decimal separator ("," or "."); at most two decimals. Rejects with a reason. */
gboolean      sd_money_parse              (const char *text,
                                           SdMoney    *out,
                                           GError    **error);

/* "1 234 567,89 ₽" (RU: U+202F groups, decimal comma, U+00A0 before the sign) or
 * "1,234,567.89 ₽" (EN). currency_symbol may be NULL for a bare number. Negative: "−" sign
 * is written as ASCII "-" so the text can be parsed back. */
char         *sd_money_format             (SdMoney        value,
                                           SdNumberStyle  style,
                                           const char    *currency_symbol);

/* Whole units only, for tables of large figures: "1 234 568 ₽" (rounded half away from zero). */
char         *sd_money_format_whole       (SdMoney        value,
                                           SdNumberStyle  style,
                                           const char    *currency_symbol);

/* "-1234.50": a decimal point, no grouping, two decimals — for CSV files and storage. */
char         *sd_money_to_plain           (SdMoney value);

/* The sign for an ISO 4217 code: "RUB" → "₽", "USD" → "$"; unknown codes return the code. */
const char   *sd_currency_symbol          (const char *code);

/* value × num ÷ den, rounded half away from zero, exact (128-bit intermediate).
 * den must not be 0. Returns FALSE when the result does not fit. */
gboolean      sd_money_mul_ratio          (SdMoney  value,
                                           gint64   num,
                                           gint64   den,
                                           SdMoney *out);

/* a + b, FALSE on overflow. */
gboolean      sd_money_add                (SdMoney  a,
                                           SdMoney  b,
                                           SdMoney *out);

/* Integer division rounded half away from zero (den != 0). */
gint64        sd_div_round                (gint64 num,
                                           gint64 den);

G_END_DECLS
