/* sd-payroll-export.h — the month's payroll as payroll.csv or a workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sd-calendar.h"
#include "sd-export.h"
#include "sd-payroll.h"
#include "sd-period.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* The payroll of `month` (frozen when closed) to `path`: .csv exactly as DESIGN.md, .xlsx
 * with a summary sheet and one sheet per manager explaining every line. Errors are in
 * SD_EXPORT_ERROR (FORMAT for another extension, WRITE, CANCELLED) or from the store; on
 * failure an earlier file at `path` is left as it was. */
gboolean sd_export_payroll (SdStore           *store,
                            const SdCalendar  *calendar,
                            SdMonth            month,
                            const char        *path,
                            GCancellable      *cancellable,
                            GError           **error);

/* The same for a payroll already computed (a GUI computes it on its own thread and writes the
 * file on another): `progress` (may be NULL) is called from the writing thread with the share
 * done. Cancelling leaves an earlier file at `path` as it was and no temporary file. */
gboolean sd_export_payroll_data (const SdPayroll   *payroll,
                                 const char        *path,
                                 SdExportProgress   progress,
                                 gpointer           progress_data,
                                 GCancellable      *cancellable,
                                 GError           **error);

G_END_DECLS
