/* sd-calendar.h — the Russian production calendar (производственный календарь)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-period.h"

G_BEGIN_DECLS

#define SD_CALENDAR_ERROR (sd_calendar_error_quark ())

typedef enum {
  SD_CALENDAR_ERROR_PARSE,
} SdCalendarError;

typedef enum {
  SD_DAY_WORKING,        /* an ordinary working day */
  SD_DAY_SHORT,          /* a working day one hour shorter (предпраздничный) */
  SD_DAY_WEEKEND,        /* Saturday or Sunday */
  SD_DAY_HOLIDAY,        /* a non-working holiday or a day off moved onto a weekday */
  SD_DAY_WORKING_WEEKEND /* a Saturday made a working day by a transfer */
} SdDayKind;

typedef struct _SdCalendar SdCalendar;

GQuark      sd_calendar_error_quark            (void);

/* Parses calendar data (see resources/calendar/ru-2024-2027.txt for the format). */
SdCalendar *sd_calendar_new_from_data          (const char  *data,
                                                gsize        length,
                                                GError     **error);
/* The built-in Russian calendar, compiled into the program. Never NULL; do not free. */
SdCalendar *sd_calendar_get_default            (void);
void        sd_calendar_free                   (SdCalendar *self);

/* Years the data covers. Outside them: Monday–Friday minus the fixed holidays of the
 * Labour Code (art. 112) without transfers, and sd_calendar_is_exact() says FALSE. */
int         sd_calendar_get_first_year         (const SdCalendar *self);
int         sd_calendar_get_last_year          (const SdCalendar *self);
gboolean    sd_calendar_is_exact               (const SdCalendar *self,
                                                int               year);
/* Where the data comes from (the Government resolutions), for the About box and docs. */
const char *sd_calendar_get_source             (const SdCalendar *self);

SdDayKind   sd_calendar_get_day_kind           (const SdCalendar *self,
                                                const GDate      *date);
gboolean    sd_calendar_is_working_day         (const SdCalendar *self,
                                                const GDate      *date);
/* Working days from `from` to `to`, both inclusive; 0 when to < from. */
guint       sd_calendar_working_days_between   (const SdCalendar *self,
                                                const GDate      *from,
                                                const GDate      *to);
guint       sd_calendar_working_days_in_month  (const SdCalendar *self,
                                                SdMonth           month);
guint       sd_calendar_working_days_in_period (const SdCalendar *self,
                                                const SdPeriod   *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCalendar, sd_calendar_free)

G_END_DECLS
