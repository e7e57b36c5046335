/* sd-report-xlsx.h — the owner report as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sd-export.h"
#include "sd-owner-report.h"

G_BEGIN_DECLS

/* Writes the workbook to `path` (the caller gives a temporary path and renames it into
 * place). Totals, completion, growth and shares are live formulas with the report's own
 * values cached; two native charts; every number exact under any locale. */
gboolean sd_report_xlsx_write (const SdOwnerReport  *report,
                               const char           *path,
                               GCancellable         *cancellable,
                               SdExportProgress      progress,
                               gpointer              progress_data,
                               GError              **error);

G_END_DECLS
