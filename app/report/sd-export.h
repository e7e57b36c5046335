/* sd-export.h — writing reports to files: xlsx or pdf chosen by the file name, written to a
 * temporary file beside the target and renamed into place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sd-calendar.h"
#include "sd-owner-report.h"
#include "sd-period.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_EXPORT_ERROR (sd_export_error_quark ())

typedef enum {
  SD_EXPORT_ERROR_FORMAT,     /* the file name ends in neither .xlsx nor .pdf (nor .csv where allowed) */
  SD_EXPORT_ERROR_NO_DATA,    /* nothing to report for the period (no plan for the year …) */
  SD_EXPORT_ERROR_WRITE,      /* the file could not be written: the message says why */
  SD_EXPORT_ERROR_CANCELLED,
} SdExportError;

typedef enum {
  SD_EXPORT_FORMAT_CSV,
  SD_EXPORT_FORMAT_XLSX,
  SD_EXPORT_FORMAT_PDF,
} SdExportFormat;

/* Called now and then with the share done, 0.0 … 1.0 (a display value, never a figure). */
typedef void (*SdExportProgress) (double   fraction,
                                  gpointer user_data);

GQuark   sd_export_error_quark        (void);

/* The format a file name asks for; FALSE with FORMAT when it is none of `allowed`
 * (a bit mask of 1 << SdExportFormat). */
gboolean sd_export_format_for_path    (const char      *path,
                                       guint            allowed,
                                       SdExportFormat  *format,
                                       GError         **error);

/* The owner report of `period` (month, quarter or year) as .xlsx or .pdf. `today` decides the
 * forecast. On any failure, including cancellation, an earlier file at `path` is left as it
 * was and no temporary file remains. (sd-report-xlsx.c / sd-report-pdf.c) */
gboolean sd_export_owner_report       (SdStore           *store,
                                       const SdCalendar  *calendar,
                                       const SdPeriod    *period,
                                       const GDate       *today,
                                       const char        *path,
                                       GCancellable      *cancellable,
                                       SdExportProgress   progress,
                                       gpointer           progress_data,
                                       GError           **error);

/* A report already built, written the same way (format from the name, temporary file,
 * rename). It touches no store, so a window can build the report on its own thread and
 * write it in a worker. NO_DATA for an empty report. (sd-export.c) */
gboolean sd_export_owner_report_data  (const SdOwnerReport  *report,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       SdExportProgress      progress,
                                       gpointer              progress_data,
                                       GError              **error);

/* The decomposed plan of the current version of `year`: .csv in the plan.csv format of
 * DESIGN.md (month,manager,revenue,leads,deals; department rows with an empty manager) or
 * .xlsx with the same columns. (sd-plan-export.c) */
gboolean sd_export_plan               (SdStore           *store,
                                       const SdCalendar  *calendar,
                                       int                year,
                                       const char        *path,
                                       GCancellable      *cancellable,
                                       GError           **error);

G_END_DECLS
