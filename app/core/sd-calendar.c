/* sd-calendar.c — the Russian production calendar (производственный календарь)
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-calendar"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gi18n.h>

#include "sd-calendar.h"
#include "sd-calendar-resources.h"

#define DEFAULT_RESOURCE "/io/github/salesdesk/Salesdesk/calendar/calendar/ru-2024-2027.txt"

/* Years the data may describe; also keeps the per-year table small. */
#define DATA_YEAR_MIN 1900
#define DATA_YEAR_MAX 2200

typedef enum {
  YEAR_NOT_COVERED = 0,
  YEAR_EXACT,
  YEAR_DRAFT,
} YearStatus;

/* A day the data lists, and how it changes the Monday–Friday count. */
typedef struct {
  guint32 julian;
  gint32  delta;     /* -1 a weekday off, +1 a weekend worked, 0 no change */
} Exception;

struct _SdCalendar
{
  char       *source;
  int         first_year;   /* 0 when the data has no years */
  int         last_year;
  guint8     *year_status;  /* YearStatus by year - first_year */
  GHashTable *days;         /* Julian day → SdDayKind + 1 */

  /* The listed days sorted by Julian day, with prefix sums of their deltas:
   * prefix[i] is the sum of the deltas of exceptions[0..i-1]. */
  Exception  *exceptions;
  gint32     *prefix;
  guint       n_exceptions;
};

/* Non-working holidays of the Labour Code, art. 112, used for years the data lacks. */
static const struct {
  GDateMonth month;
  GDateDay   day;
} fixed_holidays[] = {
  { G_DATE_JANUARY, 1 }, { G_DATE_JANUARY, 2 }, { G_DATE_JANUARY, 3 },
  { G_DATE_JANUARY, 4 }, { G_DATE_JANUARY, 5 }, { G_DATE_JANUARY, 6 },
  { G_DATE_JANUARY, 7 }, { G_DATE_JANUARY, 8 },
  { G_DATE_FEBRUARY, 23 },
  { G_DATE_MARCH, 8 },
  { G_DATE_MAY, 1 }, { G_DATE_MAY, 9 },
  { G_DATE_JUNE, 12 },
  { G_DATE_NOVEMBER, 4 },
};

G_DEFINE_QUARK (sd-calendar-error-quark, sd_calendar_error)

/* Julian day 1 (1 January of year 1) was a Monday: 0 = Monday … 6 = Sunday. */
static inline guint
weekday_of (guint32 julian)
{
  return (julian - 1) % 7;
}

static inline gboolean
is_weekend (guint32 julian)
{
  return weekday_of (julian) >= 5;
}

/* Monday–Friday days in Julian days 1..n. */
static guint64
weekdays_up_to (guint32 n)
{
  return (guint64) (n / 7) * 5 + MIN (n % 7, 5);
}

static YearStatus
year_status (const SdCalendar *self,
             int               year)
{
  if (self->first_year == 0 || year < self->first_year || year > self->last_year)
    return YEAR_NOT_COVERED;

  return self->year_status[year - self->first_year];
}

/* Sets the error and returns NULL, for `return parse_error (…);` in the parser. */
static gpointer
parse_error (GError     **error,
             guint        line,
             const char  *reason)
{
  g_set_error (error, SD_CALENDAR_ERROR, SD_CALENDAR_ERROR_PARSE,
               /* Translators: the production calendar's data file is broken; %u is a line
                * number, %s says what is wrong */
               _("Calendar data, line %u: %s"), line, reason);
  return NULL;
}

static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  const Exception *ea = a;
  const Exception *eb = b;

  return (ea->julian > eb->julian) - (ea->julian < eb->julian);
}

/* Reads "YYYY-MM-DD" exactly. */
static gboolean
parse_iso_day (const char *token,
               GDate      *out)
{
  int y, m, d;

  if (strlen (token) != 10 || token[4] != '-' || token[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (token[i]))
        return FALSE;
    }

  y = atoi (token);
  m = atoi (token + 5);
  d = atoi (token + 8);
  if (m < 1 || m > 12 || d < 1
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* Up to max_tokens - 1 blank-separated words, then the rest of the line as the last item. */
static char **
split_tokens (const char *line,
              guint       max_tokens)
{
  GPtrArray *tokens = g_ptr_array_new ();
  const char *p = line;

  while (*p != '\0' && tokens->len + 1 < max_tokens)
    {
      const char *start;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != ' ' && *p != '\t')
        p++;
      g_ptr_array_add (tokens, g_strndup (start, p - start));
    }

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '\0')
    g_ptr_array_add (tokens, g_strstrip (g_strdup (p)));

  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_free (tokens, FALSE);
}

SdCalendar *
sd_calendar_new_from_data (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(SdCalendar) self = NULL;
  g_autoptr(GArray) exceptions = NULL;
  g_autoptr(GHashTable) year_kinds = NULL;   /* year → YearStatus */
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  int current_year = 0;
  int first = G_MAXINT, last = G_MININT;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SdCalendar, 1);
  self->days = g_hash_table_new (NULL, NULL);
  exceptions = g_array_new (FALSE, FALSE, sizeof (Exception));
  year_kinds = g_hash_table_new (NULL, NULL);

  text = g_strndup (data != NULL ? data : "", length);
  if (strlen (text) != length)
    {
      guint line = 1;

      for (const char *p = text; *p != '\0'; p++)
        line += *p == '\n';
      return parse_error (error, line, _("the data contains a NUL byte"));
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line_no = i + 1;
      char *line = g_strstrip (lines[i]);   /* also drops a CR of CRLF */
      g_auto(GStrv) tokens = NULL;

      if (!g_utf8_validate (line, -1, NULL))
        return parse_error (error, line_no, _("the text is not valid UTF-8"));

      if (*line == '\0' || *line == '#')
        continue;

      if (g_str_has_prefix (line, "source") && (line[6] == ' ' || line[6] == '\t' || line[6] == '\0'))
        {
          if (self->source != NULL)
            return parse_error (error, line_no, _("a second “source” line"));
          self->source = g_strstrip (g_strdup (line + 6));
          continue;
        }

      tokens = split_tokens (line, 3);
      if (g_strv_length (tokens) < 2)
        return parse_error (error, line_no, _("expected a date and a kind of day"));

      if (strcmp (tokens[0], "year") == 0)
        {
          /* "year 2026 exact", perhaps followed by a comment. */
          g_auto(GStrv) rest = split_tokens (tokens[2] != NULL ? tokens[2] : "", 2);
          char *end = NULL;
          gint64 year;
          YearStatus status;

          year = g_ascii_strtoll (tokens[1], &end, 10);
          if (end == tokens[1] || *end != '\0' || strlen (tokens[1]) != 4
              || year < DATA_YEAR_MIN || year > DATA_YEAR_MAX)
            return parse_error (error, line_no, _("expected a year from 1900 to 2200"));

          if (g_strcmp0 (rest[0], "exact") == 0)
            status = YEAR_EXACT;
          else if (g_strcmp0 (rest[0], "draft") == 0)
            status = YEAR_DRAFT;
          else
            return parse_error (error, line_no, _("a year must be marked “exact” or “draft”"));

          if (g_hash_table_contains (year_kinds, GINT_TO_POINTER ((int) year)))
            return parse_error (error, line_no, _("the year is listed twice"));

          g_hash_table_insert (year_kinds, GINT_TO_POINTER ((int) year), GINT_TO_POINTER (status));
          current_year = (int) year;
          first = MIN (first, current_year);
          last = MAX (last, current_year);
        }
      else
        {
          GDate date;
          guint32 julian;
          gboolean weekend;
          SdDayKind kind;
          Exception ex;

          if (!parse_iso_day (tokens[0], &date))
            return parse_error (error, line_no, _("expected a date written as YYYY-MM-DD"));

          if (current_year == 0 || g_date_get_year (&date) != current_year)
            return parse_error (error, line_no, _("the date is not in the year of the “year” line above it"));

          julian = g_date_get_julian (&date);
          weekend = is_weekend (julian);

          if (strcmp (tokens[1], "holiday") == 0)
            {
              kind = SD_DAY_HOLIDAY;
              ex.delta = weekend ? 0 : -1;
            }
          else if (strcmp (tokens[1], "working") == 0)
            {
              if (!weekend)
                return parse_error (error, line_no, _("only a Saturday or a Sunday can be marked “working”"));
              kind = SD_DAY_WORKING_WEEKEND;
              ex.delta = 1;
            }
          else if (strcmp (tokens[1], "short") == 0)
            {
              kind = SD_DAY_SHORT;
              ex.delta = weekend ? 1 : 0;
            }
          else
            return parse_error (error, line_no, _("the kind of day must be “holiday”, “working” or “short”"));

          if (g_hash_table_contains (self->days, GUINT_TO_POINTER (julian)))
            return parse_error (error, line_no, _("the date is listed twice"));

          g_hash_table_insert (self->days, GUINT_TO_POINTER (julian), GINT_TO_POINTER (kind + 1));
          ex.julian = julian;
          if (ex.delta != 0)
            g_array_append_val (exceptions, ex);
        }
    }

  if (self->source == NULL)
    self->source = g_strdup ("");

  if (first <= last)
    {
      self->first_year = first;
      self->last_year = last;
      self->year_status = g_new0 (guint8, last - first + 1);
      for (int y = first; y <= last; y++)
        self->year_status[y - first] =
          (guint8) GPOINTER_TO_INT (g_hash_table_lookup (year_kinds, GINT_TO_POINTER (y)));
    }

  g_array_sort (exceptions, compare_exceptions);
  self->n_exceptions = exceptions->len;
  self->prefix = g_new0 (gint32, exceptions->len + 1);
  for (guint i = 0; i < exceptions->len; i++)
    self->prefix[i + 1] = self->prefix[i] + g_array_index (exceptions, Exception, i).delta;
  self->exceptions = (Exception *) g_array_free (g_steal_pointer (&exceptions), FALSE);

  return g_steal_pointer (&self);
}

SdCalendar *
sd_calendar_get_default (void)
{
  static SdCalendar *calendar = NULL;

  if (g_once_init_enter (&calendar))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      SdCalendar *parsed;
      gsize size = 0;
      const char *data;

      bytes = g_resource_lookup_data (sd_calendar_data_get_resource (), DEFAULT_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("The built-in production calendar is missing: %s", error->message);

      data = g_bytes_get_data (bytes, &size);
      parsed = sd_calendar_new_from_data (data, size, &error);
      if (parsed == NULL)
        g_error ("The built-in production calendar is broken: %s", error->message);

      g_once_init_leave (&calendar, parsed);
    }

  return calendar;
}

void
sd_calendar_free (SdCalendar *self)
{
  if (self == NULL)
    return;

  g_free (self->source);
  g_free (self->year_status);
  g_clear_pointer (&self->days, g_hash_table_unref);
  g_free (self->exceptions);
  g_free (self->prefix);
  g_free (self);
}

int
sd_calendar_get_first_year (const SdCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_year;
}

int
sd_calendar_get_last_year (const SdCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->last_year;
}

gboolean
sd_calendar_is_exact (const SdCalendar *self,
                      int               year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return year_status (self, year) == YEAR_EXACT;
}

const char *
sd_calendar_get_source (const SdCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

static gboolean
is_fixed_holiday (const GDate *date)
{
  GDateMonth month = g_date_get_month (date);
  GDateDay day = g_date_get_day (date);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    {
      if (fixed_holidays[i].month == month && fixed_holidays[i].day == day)
        return TRUE;
    }

  return FALSE;
}

SdDayKind
sd_calendar_get_day_kind (const SdCalendar *self,
                          const GDate      *date)
{
  guint32 julian;
  gpointer kind;

  g_return_val_if_fail (self != NULL, SD_DAY_WEEKEND);
  g_return_val_if_fail (date != NULL && g_date_valid (date), SD_DAY_WEEKEND);

  julian = g_date_get_julian (date);

  if (year_status (self, g_date_get_year (date)) != YEAR_NOT_COVERED)
    {
      kind = g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));
      if (kind != NULL)
        return (SdDayKind) (GPOINTER_TO_INT (kind) - 1);
    }
  else if (!is_weekend (julian) && is_fixed_holiday (date))
    {
      return SD_DAY_HOLIDAY;
    }

  return is_weekend (julian) ? SD_DAY_WEEKEND : SD_DAY_WORKING;
}

gboolean
sd_calendar_is_working_day (const SdCalendar *self,
                            const GDate      *date)
{
  SdDayKind kind;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  kind = sd_calendar_get_day_kind (self, date);

  return kind == SD_DAY_WORKING || kind == SD_DAY_SHORT || kind == SD_DAY_WORKING_WEEKEND;
}

/* Index of the first exception on or after `julian`. */
static guint
lower_bound (const SdCalendar *self,
             guint32           julian)
{
  guint lo = 0, hi = self->n_exceptions;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->exceptions[mid].julian < julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Fixed holidays on weekdays between two Julian days, in years the data does not cover. */
static guint
uncovered_holidays_between (const SdCalendar *self,
                            const GDate      *from,
                            const GDate      *to)
{
  guint32 from_j = g_date_get_julian (from);
  guint32 to_j = g_date_get_julian (to);
  guint count = 0;

  for (int year = g_date_get_year (from); year <= g_date_get_year (to); year++)
    {
      if (year_status (self, year) != YEAR_NOT_COVERED)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
        {
          GDate d;
          guint32 j;

          g_date_clear (&d, 1);
          g_date_set_dmy (&d, fixed_holidays[i].day, fixed_holidays[i].month, (GDateYear) year);
          j = g_date_get_julian (&d);
          if (j >= from_j && j <= to_j && !is_weekend (j))
            count++;
        }
    }

  return count;
}

guint
sd_calendar_working_days_between (const SdCalendar *self,
                                  const GDate      *from,
                                  const GDate      *to)
{
  guint32 a, b;
  gint64 total;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  a = g_date_get_julian (from);
  b = g_date_get_julian (to);
  if (b < a)
    return 0;

  /* Monday–Friday by whole weeks, then the listed exceptions by prefix sums, then the
   * fixed holidays of years without data: no loop over days. */
  total = (gint64) (weekdays_up_to (b) - weekdays_up_to (a - 1));
  total += self->prefix[lower_bound (self, b + 1)] - self->prefix[lower_bound (self, a)];
  total -= uncovered_holidays_between (self, from, to);

  return total > 0 ? (guint) total : 0;
}

guint
sd_calendar_working_days_in_month (const SdCalendar *self,
                                   SdMonth           month)
{
  GDate first, last;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (month != SD_MONTH_INVALID, 0);

  sd_month_first_day (month, &first);
  sd_month_last_day (month, &last);
  if (!g_date_valid (&first) || !g_date_valid (&last))
    return 0;

  return sd_calendar_working_days_between (self, &first, &last);
}

guint
sd_calendar_working_days_in_period (const SdCalendar *self,
                                    const SdPeriod   *period)
{
  GDate first, last;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (period != NULL, 0);

  sd_month_first_day (sd_period_first_month (period), &first);
  sd_month_last_day (sd_period_last_month (period), &last);
  if (!g_date_valid (&first) || !g_date_valid (&last))
    return 0;

  return sd_calendar_working_days_between (self, &first, &last);
}
