/* sd-period.h — dates, months, quarters and years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-money.h"

G_BEGIN_DECLS

#define SD_PERIOD_ERROR (sd_period_error_quark ())

typedef enum {
  SD_PERIOD_ERROR_INVALID,
} SdPeriodError;

GQuark   sd_period_error_quark (void);

/* Dates are GDate values; a cleared GDate (g_date_clear) means "no date". */

/* Accepts "2026-03-15" and "15.03.2026"; rejects impossible dates (2026-02-30) with a reason. */
gboolean sd_date_parse          (const char  *text,
                                 GDate       *out,
                                 GError     **error);
/* "2026-03-15"; NULL for an invalid date. */
char    *sd_date_to_iso         (const GDate *date);
/* "15.03.2026" (RU) or "2026-03-15" (EN); "" for an invalid date. */
char    *sd_date_format         (const GDate   *date,
                                 SdNumberStyle  style);
/* Today in local time. */
void     sd_date_set_today      (GDate *date);
/* -1, 0, 1; an invalid date sorts after every valid one ("still working"). */
int      sd_date_compare        (const GDate *a,
                                 const GDate *b);

/* A calendar month as one integer: year × 12 + (month − 1). Ordered, and +1 is next month. */
typedef gint32 SdMonth;

#define SD_MONTH_INVALID G_MININT32

SdMonth  sd_month_make          (int year,
                                 int month);     /* month 1..12 */
int      sd_month_get_year      (SdMonth m);
int      sd_month_get_month     (SdMonth m);     /* 1..12 */
SdMonth  sd_month_from_date     (const GDate *date);
/* Accepts "2026-03" (and "2026-3"); rejects "2026-13" with a reason. */
gboolean sd_month_parse         (const char  *text,
                                 SdMonth     *out,
                                 GError     **error);
char    *sd_month_to_iso        (SdMonth m);     /* "2026-03" */
/* "Март 2026" / "March 2026" — nominative month name, for headers. */
char    *sd_month_format_label  (SdMonth m);
/* Short nominative month name: "мар" / "Mar". */
char    *sd_month_format_short  (SdMonth m);
void     sd_month_first_day     (SdMonth m,
                                 GDate  *out);
void     sd_month_last_day      (SdMonth m,
                                 GDate  *out);
guint    sd_month_n_days        (SdMonth m);

typedef enum {
  SD_PERIOD_MONTH,
  SD_PERIOD_QUARTER,
  SD_PERIOD_YEAR,
} SdPeriodKind;

typedef struct {
  SdPeriodKind kind;
  int          year;
  int          index;    /* month 1..12 or quarter 1..4; 0 for a year */
} SdPeriod;

/* Accepts "2026", "2026-Q1" (also "2026-q1") and "2026-03". */
gboolean sd_period_parse        (const char  *text,
                                 SdPeriod    *out,
                                 GError     **error);
char    *sd_period_to_string    (const SdPeriod *period);   /* the same forms */
char    *sd_period_format_label (const SdPeriod *period);   /* "I квартал 2026", "Март 2026", "2026" */
SdMonth  sd_period_first_month  (const SdPeriod *period);
SdMonth  sd_period_last_month   (const SdPeriod *period);
guint    sd_period_n_months     (const SdPeriod *period);
gboolean sd_period_contains     (const SdPeriod *period,
                                 SdMonth         month);
/* The period of the same kind just before. */
SdPeriod sd_period_previous     (const SdPeriod *period);

G_END_DECLS
