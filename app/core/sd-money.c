/* sd-money.c — money as integer kopecks: parsing, formatting, exact arithmetic
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-money.h"

/* UTF-8 spellings of the blanks people (and spreadsheets) put between digit groups. */
#define NBSP   "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */
#define NNBSP  "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE */
#define THINSP "\xe2\x80\x89"  /* U+2009 THIN SPACE */
#define MINUS  "\xe2\x88\x92"  /* U+2212 MINUS SIGN */

/* Longest text quoted back in an error message, in characters. */
#define QUOTE_MAX_CHARS 40

G_DEFINE_QUARK (sd-money-error-quark, sd_money_error)

SdNumberStyle
sd_number_style_for_locale (const char *locale_name)
{
  static const char * const ru_like[] = { "ru", "be", "uk", "kk" };

  if (locale_name == NULL)
    return SD_NUMBER_STYLE_EN;

  for (guint i = 0; i < G_N_ELEMENTS (ru_like); i++)
    {
      if (g_ascii_strncasecmp (locale_name, ru_like[i], 2) == 0)
        return SD_NUMBER_STYLE_RU;
    }

  return SD_NUMBER_STYLE_EN;
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || *name == '\0'
         || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0
         || g_str_has_prefix (name, "C.");
}

SdNumberStyle
sd_number_style_current (void)
{
  const char *numeric = setlocale (LC_NUMERIC, NULL);

  /* A program that has not called setlocale () still runs in "C": then the
   * language the user asked for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) decides. */
  if (is_c_locale (numeric))
    return sd_number_style_for_locale (g_get_language_names ()[0]);

  return sd_number_style_for_locale (numeric);
}

/* Parsing */

/* The byte length of a group blank at `p`, or 0. */
static gsize
blank_length (const char *p)
{
  if (*p == ' ' || *p == '\t')
    return 1;
  if (strncmp (p, NBSP, 2) == 0)
    return 2;
  if (strncmp (p, NNBSP, 3) == 0 || strncmp (p, THINSP, 3) == 0)
    return 3;
  return 0;
}

/* Skips blanks from p, never past end (a blank ending exactly at end is skipped). */
static const char *
skip_blanks (const char *p,
             const char *end)
{
  gsize n;

  while (p < end && (n = blank_length (p)) > 0 && p + n <= end)
    p += n;

  return p;
}

/* The end of `s` with blanks removed from the tail. */
static const char *
trim_end (const char *s,
          const char *end)
{
  for (;;)
    {
      if (end - s >= 1 && (end[-1] == ' ' || end[-1] == '\t'))
        end -= 1;
      else if (end - s >= 2 && strncmp (end - 2, NBSP, 2) == 0)
        end -= 2;
      else if (end - s >= 3 && (strncmp (end - 3, NNBSP, 3) == 0
                                || strncmp (end - 3, THINSP, 3) == 0))
        end -= 3;
      else
        return end;
    }
}

/* Casefolded currency words, longest first so that "руб." wins over "р". */
static const char * const currency_tokens[] = {
  "руб.", "руб", "rub", "р.", "₽", "р", "$", "€",
};

static gsize
match_currency_prefix (const char *p,
                       const char *end)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_tokens); i++)
    {
      gsize len = strlen (currency_tokens[i]);

      if ((gsize) (end - p) >= len && memcmp (p, currency_tokens[i], len) == 0)
        return len;
    }

  return 0;
}

static gsize
match_currency_suffix (const char *p,
                       const char *end)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_tokens); i++)
    {
      gsize len = strlen (currency_tokens[i]);

      if ((gsize) (end - p) >= len && memcmp (end - len, currency_tokens[i], len) == 0)
        return len;
    }

  return 0;
}

static gsize
match_sign (const char *p,
            const char *end,
            gboolean   *negative)
{
  if (p < end && (*p == '-' || *p == '+'))
    {
      *negative = *p == '-';
      return 1;
    }
  if (end - p >= 3 && strncmp (p, MINUS, 3) == 0)
    {
      *negative = TRUE;
      return 3;
    }

  return 0;
}

/* The text as the user typed it, trimmed and shortened, for messages. */
static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  char *stripped = g_strstrip (valid);

  if (g_utf8_strlen (stripped, -1) > QUOTE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (stripped, 0, QUOTE_MAX_CHARS);

      return g_strconcat (head, "…", NULL);
    }

  return g_strdup (stripped);
}

/* Sets an error whose message_format has one %s: the user's text. */
static gboolean
fail (GError      **error,
      SdMoneyError  code,
      const char   *text,
      const char   *message_format)
{
  g_autofree char *quoted = NULL;

  if (error == NULL)
    return FALSE;

  quoted = quote_text (text);
  g_set_error (error, SD_MONEY_ERROR, code, message_format, quoted);
  return FALSE;
}

static gboolean
fail_not_a_number (GError    **error,
                   const char *text)
{
  return fail (error, SD_MONEY_ERROR_INVALID, text,
               /* Translators: %s is what the user typed */
               _("«%s» is not a number: enter an amount such as 1 500,50."));
}

/* Whether the digits before `end` split at `sep` are well-formed thousands groups:
 * a first group of 1–3 digits, then groups of exactly 3. */
static gboolean
is_grouped (const char *digits,
            const char *end,
            char        sep)
{
  const char *p = digits;
  guint group = 0;
  gboolean first = TRUE;

  for (; p < end; p++)
    {
      if (*p == sep)
        {
          if (first ? (group < 1 || group > 3) : group != 3)
            return FALSE;
          first = FALSE;
          group = 0;
        }
      else
        group++;
    }

  return first ? group >= 1 : group == 3;
}

gboolean
sd_money_parse (const char  *text,
                SdMoney     *out,
                GError     **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *body = NULL;
  const char *p, *end;
  gboolean negative = FALSE, have_sign = FALSE, have_currency = FALSE;
  gsize n;
  const char *decimal = NULL;
  guint n_comma = 0, n_dot = 0;
  char last_sep = 0;
  gint64 units = 0;
  gint64 fraction = 0;
  guint n_decimals = 0;
  gint64 value;
  char *w;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return fail_not_a_number (error, text);

  /* Casefolding only touches letters, which may appear only in currency words. */
  folded = g_utf8_casefold (text, -1);
  end = folded + strlen (folded);
  p = skip_blanks (folded, end);
  end = trim_end (p, end);

  if (p == end)
    return fail (error, SD_MONEY_ERROR_EMPTY, text,
                 _("The amount is empty: enter a number such as 1 500,50."));

  /* [sign] [currency] [sign] number [currency] */
  if ((n = match_sign (p, end, &negative)) > 0)
    {
      have_sign = TRUE;
      p = skip_blanks (p + n, end);
    }
  if ((n = match_currency_prefix (p, end)) > 0)
    {
      have_currency = TRUE;
      p = skip_blanks (p + n, end);
      if (!have_sign && (n = match_sign (p, end, &negative)) > 0)
        {
          have_sign = TRUE;
          p += n;
        }
    }
  if (!have_currency && (n = match_currency_suffix (p, end)) > 0)
    {
      have_currency = TRUE;
      end = trim_end (p, end - n);
    }

  if (p == end)
    {
      if (have_sign)
        return fail_not_a_number (error, text);
      return fail (error, SD_MONEY_ERROR_EMPTY, text,
                   _("The amount is empty: enter a number such as 1 500,50."));
    }

  /* Copy digits and separators; blanks are allowed between digits of the whole part. */
  body = g_malloc (strlen (folded) + 1);
  w = body;
  while (p < end)
    {
      if (g_ascii_isdigit (*p))
        {
          *w++ = *p++;
        }
      else if (*p == ',' || *p == '.')
        {
          if (*p == ',')
            n_comma++;
          else
            n_dot++;
          last_sep = *p;
          *w++ = *p++;
        }
      else if ((n = blank_length (p)) > 0)
        {
          const char *after = skip_blanks (p, end);

          /* Only "1 234": a digit on both sides and no separator before it. */
          if (w == body || !g_ascii_isdigit (w[-1]) || after >= end
              || !g_ascii_isdigit (*after) || n_comma + n_dot > 0)
            return fail_not_a_number (error, text);
          p = after;
        }
      else
        return fail_not_a_number (error, text);
    }
  *w = '\0';

  if (n_comma > 0 && n_dot > 0)
    {
      /* "1,234,567.89" or "1.234.567,89": the last separator is the decimal one, and it
       * appears once; the other kind only groups thousands before it. */
      char group_sep = last_sep == ',' ? '.' : ',';
      guint n_last = last_sep == ',' ? n_comma : n_dot;

      decimal = strrchr (body, last_sep);
      if (n_last != 1 || !is_grouped (body, decimal, group_sep))
        return fail (error, SD_MONEY_ERROR_INVALID, text,
                     /* Translators: %s is what the user typed, e.g. "1.23,4.5" */
                     _("«%s» mixes commas and points: separate thousands with spaces and write kopecks after one comma."));
    }
  else if (n_comma + n_dot > 1)
    {
      char sep = n_comma > 0 ? ',' : '.';

      if (is_grouped (body, body + strlen (body), sep))
        return fail (error, SD_MONEY_ERROR_INVALID, text,
                     /* Translators: %s is what the user typed, e.g. "1.234.567" */
                     _("«%s» is ambiguous: separate thousands with spaces (1 234 567) and write kopecks after a comma."));

      return fail (error, SD_MONEY_ERROR_INVALID, text,
                   /* Translators: %s is what the user typed, e.g. "1,2,3" */
                   _("«%s» has more than one decimal separator: keep one comma before the kopecks."));
    }
  else if (n_comma + n_dot == 1)
    {
      decimal = strchr (body, last_sep);
    }

  /* A separator and nothing else, or a first group missing ("1,234." is fine). */
  if (decimal != NULL && decimal == body && decimal[1] == '\0')
    return fail_not_a_number (error, text);

  for (const char *d = body; *d != '\0' && d != decimal; d++)
    {
      if (*d == ',' || *d == '.')
        continue;
      if (__builtin_mul_overflow (units, 10, &units)
          || __builtin_add_overflow (units, *d - '0', &units))
        return fail (error, SD_MONEY_ERROR_OVERFLOW, text,
                     /* Translators: %s is what the user typed */
                     _("«%s»: the amount is too large."));
    }

  if (decimal != NULL)
    {
      for (const char *d = decimal + 1; *d != '\0'; d++)
        {
          n_decimals++;
          if (n_decimals > 2)
            return fail (error, SD_MONEY_ERROR_PRECISION, text,
                         /* Translators: %s is what the user typed, e.g. "1,234" */
                         _("«%s» has more than two digits after the decimal separator: at most two digits (kopecks) are allowed."));
          fraction = fraction * 10 + (*d - '0');
        }
      if (n_decimals == 1)
        fraction *= 10;
    }

  if (__builtin_mul_overflow (units, 100, &value)
      || __builtin_add_overflow (value, fraction, &value))
    return fail (error, SD_MONEY_ERROR_OVERFLOW, text,
                 _("«%s»: the amount is too large."));

  *out = negative ? -value : value;
  return TRUE;
}

/* Formatting */

static guint64
magnitude (SdMoney value)
{
  /* Unsigned negation is defined for G_MININT64 too. */
  return value < 0 ? -(guint64) value : (guint64) value;
}

/* Writes `units` backwards ending at `end`, with `group` between thousands; returns the
 * first character written. No printf: the payroll formats hundreds of thousands of amounts. */
static char *
put_grouped (char       *end,
             guint64     units,
             const char *group,
             gsize       group_len)
{
  char *p = end;
  guint n = 0;

  do
    {
      if (n > 0 && n % 3 == 0)
        {
          p -= group_len;
          memcpy (p, group, group_len);
        }
      *--p = (char) ('0' + units % 10);
      units /= 10;
      n++;
    }
  while (units > 0);
  return p;
}

static char *
format_money (SdMoney        value,
              SdNumberStyle  style,
              const char    *currency_symbol,
              gboolean       whole)
{
  /* 20 digits, 6 group separators of up to 3 bytes, sign, decimals: well under 96 bytes. */
  char number[96];
  char *end = number + sizeof number;
  char *p = end;
  guint64 abs_value = magnitude (value);
  guint64 units;
  gboolean ru = style == SD_NUMBER_STYLE_RU;
  gsize symbol_len = currency_symbol != NULL ? strlen (currency_symbol) : 0;
  gsize number_len;
  char *out;

  if (whole)
    units = abs_value / 100 + (abs_value % 100 >= 50 ? 1 : 0);
  else
    {
      guint cents = (guint) (abs_value % 100);

      units = abs_value / 100;
      *--p = (char) ('0' + cents % 10);
      *--p = (char) ('0' + cents / 10);
      *--p = ru ? ',' : '.';
    }
  p = put_grouped (p, units, ru ? NNBSP : ",", ru ? strlen (NNBSP) : 1);
  if (value < 0 && (units > 0 || !whole))
    *--p = '-';

  number_len = (gsize) (end - p);
  out = g_malloc (number_len + (symbol_len > 0 ? strlen (NBSP) + symbol_len : 0) + 1);
  memcpy (out, p, number_len);
  if (symbol_len > 0)
    {
      memcpy (out + number_len, NBSP, strlen (NBSP));
      memcpy (out + number_len + strlen (NBSP), currency_symbol, symbol_len);
      number_len += strlen (NBSP) + symbol_len;
    }
  out[number_len] = '\0';
  return out;
}

char *
sd_money_format (SdMoney        value,
                 SdNumberStyle  style,
                 const char    *currency_symbol)
{
  return format_money (value, style, currency_symbol, FALSE);
}

char *
sd_money_format_whole (SdMoney        value,
                       SdNumberStyle  style,
                       const char    *currency_symbol)
{
  return format_money (value, style, currency_symbol, TRUE);
}

char *
sd_money_to_plain (SdMoney value)
{
  guint64 abs_value = magnitude (value);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          value < 0 ? "-" : "",
                          abs_value / 100, (guint) (abs_value % 100));
}

const char *
sd_currency_symbol (const char *code)
{
  static const struct {
    const char *code;
    const char *symbol;
  } symbols[] = {
    { "RUB", "₽" },
    { "USD", "$" },
    { "EUR", "€" },
    { "KZT", "₸" },
    { "BYN", "Br" },
    { "UAH", "₴" },
    { "CNY", "¥" },
    { "GBP", "£" },
  };

  if (code == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      if (g_ascii_strcasecmp (code, symbols[i].code) == 0)
        return symbols[i].symbol;
    }

  return code;
}

/* Arithmetic */

/* num ÷ den for den > 0, rounded half away from zero. */
static __int128
div_round_128 (__int128 num,
               __int128 den)
{
  __int128 q = num / den;
  __int128 r = num % den;

  /* C division truncates towards zero; |r| ≥ den / 2 means the half or more. */
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;

  return q;
}

gboolean
sd_money_mul_ratio (SdMoney  value,
                    gint64   num,
                    gint64   den,
                    SdMoney *out)
{
  __int128 n, d, q;

  g_return_val_if_fail (out != NULL, FALSE);

  if (den == 0)
    return FALSE;

  /* |value × num| < 2^126, so the product and its negation fit in 128 bits. */
  n = (__int128) value * num;
  d = den;
  if (d < 0)
    {
      n = -n;
      d = -d;
    }

  q = div_round_128 (n, d);
  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;

  *out = (SdMoney) q;
  return TRUE;
}

gboolean
sd_money_add (SdMoney  a,
              SdMoney  b,
              SdMoney *out)
{
  SdMoney sum;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &sum))
    return FALSE;

  *out = sum;
  return TRUE;
}

gint64
sd_div_round (gint64 num,
              gint64 den)
{
  __int128 n = num, d = den, q;

  g_return_val_if_fail (den != 0, 0);

  if (d < 0)
    {
      n = -n;
      d = -d;
    }

  q = div_round_128 (n, d);

  /* Only G_MININT64 ÷ -1 goes out of range: saturate rather than wrap. */
  return q > G_MAXINT64 ? G_MAXINT64 : (gint64) q;
}
