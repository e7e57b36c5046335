/* sd-period.c — dates, months, quarters and years
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-period"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-period.h"

#define SD_YEAR_MIN 1900
#define SD_YEAR_MAX 2200

G_DEFINE_QUARK (sd-period-error-quark, sd_period_error)

/* Reads exactly `min_digits`..`max_digits` ASCII digits; advances *p. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *out)
{
  const char *s = *p;
  guint n = 0;
  int value = 0;

  while (g_ascii_isdigit (s[n]) && n < max_digits)
    {
      value = value * 10 + (s[n] - '0');
      n++;
    }

  /* A longer run of digits than allowed is not this number. */
  if (n < min_digits || g_ascii_isdigit (s[n]))
    return FALSE;

  *p = s + n;
  *out = value;
  return TRUE;
}

static char *
strip_copy (const char *text)
{
  return g_strstrip (g_strdup (text));
}

gboolean
sd_date_parse (const char  *text,
               GDate       *out,
               GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  int year = 0, month = 0, day = 0;
  gboolean shape_ok = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (out, 1);
  s = strip_copy (text);

  if (*s == '\0')
    {
      g_set_error_literal (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                           _("The date is empty: enter it as 15.03.2026 or 2026-03-15."));
      return FALSE;
    }

  if (!g_utf8_validate (s, -1, NULL))
    {
      g_set_error_literal (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                           _("The date contains unreadable characters: enter it as 15.03.2026 or 2026-03-15."));
      return FALSE;
    }

  p = s;
  if (read_number (&p, 4, 4, &year) && *p == '-')
    {
      p++;
      shape_ok = read_number (&p, 1, 2, &month) && *p++ == '-'
                 && read_number (&p, 1, 2, &day) && *p == '\0';
    }
  else
    {
      p = s;
      shape_ok = read_number (&p, 1, 2, &day) && *p++ == '.'
                 && read_number (&p, 1, 2, &month) && *p++ == '.'
                 && read_number (&p, 4, 4, &year) && *p == '\0';
    }

  if (!shape_ok)
    {
      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("«%s» is not a date: write it as 15.03.2026 or 2026-03-15."), s);
      return FALSE;
    }

  if (year < SD_YEAR_MIN || year > SD_YEAR_MAX)
    {
      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what the user typed, then the range of years */
                   _("«%s»: the year must be between %d and %d."), s, SD_YEAR_MIN, SD_YEAR_MAX);
      return FALSE;
    }

  if (month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what the user typed, e.g. "30.02.2026" */
                   _("«%s» is not a real date: check the day and the month."), s);
      return FALSE;
    }

  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
sd_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
sd_date_format (const GDate   *date,
                SdNumberStyle  style)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  if (style == SD_NUMBER_STYLE_RU)
    return g_strdup_printf ("%02u.%02u.%04u",
                            (guint) g_date_get_day (date),
                            (guint) g_date_get_month (date),
                            (guint) g_date_get_year (date));

  return sd_date_to_iso (date);
}

void
sd_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

int
sd_date_compare (const GDate *a,
                 const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return (int) !a_valid - (int) !b_valid;

  return CLAMP (g_date_compare (a, b), -1, 1);
}

/* Months */

SdMonth
sd_month_make (int year,
               int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, SD_MONTH_INVALID);
  g_return_val_if_fail (year > -100000 && year < 100000, SD_MONTH_INVALID);

  return (SdMonth) (year * 12 + (month - 1));
}

int
sd_month_get_year (SdMonth m)
{
  g_return_val_if_fail (m != SD_MONTH_INVALID, 0);

  /* Floor division, so that month arithmetic never breaks below year 0. */
  return m >= 0 ? m / 12 : -((-m + 11) / 12);
}

int
sd_month_get_month (SdMonth m)
{
  g_return_val_if_fail (m != SD_MONTH_INVALID, 0);

  return m - sd_month_get_year (m) * 12 + 1;
}

SdMonth
sd_month_from_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return SD_MONTH_INVALID;

  return sd_month_make (g_date_get_year (date), g_date_get_month (date));
}

gboolean
sd_month_parse (const char  *text,
                SdMonth     *out,
                GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  int year = 0, month = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = strip_copy (text);
  p = s;

  if (*s == '\0')
    {
      g_set_error_literal (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                           _("The month is empty: enter it as 2026-03."));
      return FALSE;
    }

  if (!g_utf8_validate (s, -1, NULL)
      || !read_number (&p, 4, 4, &year) || *p++ != '-'
      || !read_number (&p, 1, 2, &month) || *p != '\0')
    {
      g_autofree char *shown = g_utf8_make_valid (s, -1);

      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("«%s» is not a month: write the year and the month as 2026-03."), shown);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what the user typed, e.g. "2026-13" */
                   _("«%s»: the month must be from 01 to 12."), s);
      return FALSE;
    }

  if (year < SD_YEAR_MIN || year > SD_YEAR_MAX)
    {
      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   _("«%s»: the year must be between %d and %d."), s, SD_YEAR_MIN, SD_YEAR_MAX);
      return FALSE;
    }

  *out = sd_month_make (year, month);
  return TRUE;
}

char *
sd_month_to_iso (SdMonth m)
{
  g_return_val_if_fail (m != SD_MONTH_INVALID, NULL);

  return g_strdup_printf ("%04d-%02d", sd_month_get_year (m), sd_month_get_month (m));
}

/* Formats the first day of the month with a strftime-like pattern in the current LC_TIME. */
static char *
format_month (SdMonth     m,
              const char *pattern)
{
  g_autoptr(GDateTime) dt = NULL;
  int year = sd_month_get_year (m);

  /* GDateTime covers years 1..9999 only. */
  if (year < 1 || year > 9999)
    return g_strdup_printf ("%04d-%02d", year, sd_month_get_month (m));

  dt = g_date_time_new_utc (year, sd_month_get_month (m), 1, 0, 0, 0);
  if (dt == NULL)
    return g_strdup_printf ("%04d-%02d", year, sd_month_get_month (m));

  return g_date_time_format (dt, pattern);
}

/* Capitalises the first character: some locales write month names in lower case. */
static char *
capitalise (char *text)
{
  const char *rest;
  g_autofree char *head = NULL;
  char *result;

  if (text == NULL || *text == '\0')
    return text;

  rest = g_utf8_next_char (text);
  head = g_utf8_strup (text, rest - text);
  result = g_strconcat (head, rest, NULL);
  g_free (text);

  return result;
}

char *
sd_month_format_label (SdMonth m)
{
  char *text;

  g_return_val_if_fail (m != SD_MONTH_INVALID, g_strdup (""));

  /* %OB is the nominative ("Март"), %B the genitive ("марта") in Russian. */
  text = format_month (m, "%OB %Y");
  if (text == NULL)
    text = format_month (m, "%B %Y");
  if (text == NULL)
    text = sd_month_to_iso (m);

  return capitalise (text);
}

char *
sd_month_format_short (SdMonth m)
{
  char *text;
  gsize len;

  g_return_val_if_fail (m != SD_MONTH_INVALID, g_strdup (""));

  /* %Ob is the nominative abbreviation: "май", where %b gives the genitive "мая". */
  text = format_month (m, "%Ob");
  if (text == NULL)
    text = format_month (m, "%b");
  if (text == NULL)
    return sd_month_to_iso (m);

  len = strlen (text);
  if (len > 1 && text[len - 1] == '.')
    text[len - 1] = '\0';

  return text;
}

void
sd_month_first_day (SdMonth  m,
                    GDate   *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_return_if_fail (m != SD_MONTH_INVALID);
  g_return_if_fail (sd_month_get_year (m) >= 1 && sd_month_get_year (m) <= G_MAXUINT16);

  g_date_set_dmy (out, 1, (GDateMonth) sd_month_get_month (m), (GDateYear) sd_month_get_year (m));
}

void
sd_month_last_day (SdMonth  m,
                   GDate   *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_return_if_fail (m != SD_MONTH_INVALID);
  g_return_if_fail (sd_month_get_year (m) >= 1 && sd_month_get_year (m) <= G_MAXUINT16);

  g_date_set_dmy (out, (GDateDay) sd_month_n_days (m),
                  (GDateMonth) sd_month_get_month (m), (GDateYear) sd_month_get_year (m));
}

guint
sd_month_n_days (SdMonth m)
{
  int year;

  g_return_val_if_fail (m != SD_MONTH_INVALID, 0);

  year = sd_month_get_year (m);
  if (year < 1 || year > G_MAXUINT16)
    return 0;

  return g_date_get_days_in_month ((GDateMonth) sd_month_get_month (m), (GDateYear) year);
}

/* Periods */

gboolean
sd_period_parse (const char  *text,
                 SdPeriod    *out,
                 GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  int year = 0, index = 0;
  SdPeriodKind kind;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = strip_copy (text);
  p = s;

  if (*s == '\0')
    {
      g_set_error_literal (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                           _("The period is empty: enter a year (2026), a quarter (2026-Q1) or a month (2026-03)."));
      return FALSE;
    }

  if (!g_utf8_validate (s, -1, NULL) || !read_number (&p, 4, 4, &year))
    goto invalid;

  if (*p == '\0')
    {
      kind = SD_PERIOD_YEAR;
    }
  else if (p[0] == '-' && (p[1] == 'Q' || p[1] == 'q'))
    {
      p += 2;
      if (!read_number (&p, 1, 1, &index) || *p != '\0')
        goto invalid;
      if (index < 1 || index > 4)
        {
          g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                       /* Translators: %s is what the user typed, e.g. "2026-Q5" */
                       _("«%s»: a quarter is numbered from Q1 to Q4."), s);
          return FALSE;
        }
      kind = SD_PERIOD_QUARTER;
    }
  else if (p[0] == '-')
    {
      p++;
      if (!read_number (&p, 1, 2, &index) || *p != '\0')
        goto invalid;
      if (index < 1 || index > 12)
        {
          g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                       _("«%s»: the month must be from 01 to 12."), s);
          return FALSE;
        }
      kind = SD_PERIOD_MONTH;
    }
  else
    goto invalid;

  if (year < SD_YEAR_MIN || year > SD_YEAR_MAX)
    {
      g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                   _("«%s»: the year must be between %d and %d."), s, SD_YEAR_MIN, SD_YEAR_MAX);
      return FALSE;
    }

  out->kind = kind;
  out->year = year;
  out->index = index;
  return TRUE;

invalid:
  {
    g_autofree char *shown = g_utf8_make_valid (s, -1);

    g_set_error (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID,
                 /* Translators: %s is what the user typed */
                 _("«%s» is not a period: enter a year (2026), a quarter (2026-Q1) or a month (2026-03)."),
                 shown);
    return FALSE;
  }
}

char *
sd_period_to_string (const SdPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SD_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->index);
    case SD_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, period->index);
    case SD_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", period->year);
    }
}

char *
sd_period_format_label (const SdPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SD_PERIOD_MONTH:
      return sd_month_format_label (sd_month_make (period->year, period->index));
    case SD_PERIOD_QUARTER:
      /* Translators: a quarter of a year: the quarter number (1–4), then the year,
       * e.g. "Q1 2026". In Russian "%d квартал %d" reads "1 квартал 2026". Use "%2$d" and
       * "%1$d" to change the order. */
      return g_strdup_printf (_("Q%d %d"), period->index, period->year);
    case SD_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%d", period->year);
    }
}

SdMonth
sd_period_first_month (const SdPeriod *period)
{
  g_return_val_if_fail (period != NULL, SD_MONTH_INVALID);

  switch (period->kind)
    {
    case SD_PERIOD_MONTH:
      return sd_month_make (period->year, period->index);
    case SD_PERIOD_QUARTER:
      return sd_month_make (period->year, (period->index - 1) * 3 + 1);
    case SD_PERIOD_YEAR:
    default:
      return sd_month_make (period->year, 1);
    }
}

SdMonth
sd_period_last_month (const SdPeriod *period)
{
  g_return_val_if_fail (period != NULL, SD_MONTH_INVALID);

  return sd_period_first_month (period) + (SdMonth) sd_period_n_months (period) - 1;
}

guint
sd_period_n_months (const SdPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  switch (period->kind)
    {
    case SD_PERIOD_MONTH:
      return 1;
    case SD_PERIOD_QUARTER:
      return 3;
    case SD_PERIOD_YEAR:
    default:
      return 12;
    }
}

gboolean
sd_period_contains (const SdPeriod *period,
                    SdMonth         month)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (month == SD_MONTH_INVALID)
    return FALSE;

  return month >= sd_period_first_month (period) && month <= sd_period_last_month (period);
}

SdPeriod
sd_period_previous (const SdPeriod *period)
{
  SdPeriod prev = { SD_PERIOD_YEAR, 0, 0 };

  g_return_val_if_fail (period != NULL, prev);

  prev = *period;
  switch (period->kind)
    {
    case SD_PERIOD_MONTH:
    case SD_PERIOD_QUARTER:
      prev.index--;
      if (prev.index < 1)
        {
          prev.index = period->kind == SD_PERIOD_MONTH ? 12 : 4;
          prev.year--;
        }
      break;
    case SD_PERIOD_YEAR:
    default:
      prev.year--;
      prev.index = 0;
      break;
    }

  return prev;
}
