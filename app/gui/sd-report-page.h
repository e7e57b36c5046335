/* sd-report-page.h — the owner report of a month, quarter or year in the app: headline,
 * charts, tables, who is lagging, the department's pay; export to Excel or PDF, and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"
#include "sd-owner-report.h"

G_BEGIN_DECLS

#define SD_TYPE_REPORT_PAGE (sd_report_page_get_type ())
G_DECLARE_FINAL_TYPE (SdReportPage, sd_report_page, SD, REPORT_PAGE, SdPage)

GtkWidget           *sd_report_page_new                (SdContext *context);
/* Shows `period` (a year, quarter or month) and builds its report now. */
void                 sd_report_page_set_period         (SdReportPage   *self,
                                                        const SdPeriod *period);
void                 sd_report_page_get_period         (SdReportPage *self,
                                                        SdPeriod     *period);
/* The report shown, or NULL (no company, or it could not be built). */
const SdOwnerReport *sd_report_page_get_report         (SdReportPage *self);
/* The text of headline figure `index` as shown ("93 754 627,00 ₽"), or NULL. For tests. */
const char          *sd_report_page_get_figure_value   (SdReportPage *self,
                                                        guint         index);

/* What the export buttons do once a file is chosen: the report shown is written to `path`
 * (.xlsx or .pdf) on a worker thread, to a temporary file renamed into place. FALSE at once
 * when no export can start (no company, one running, a wrong file name). */
gboolean             sd_report_page_export_to          (SdReportPage  *self,
                                                        const char    *path,
                                                        GError       **error);
gboolean             sd_report_page_is_exporting       (SdReportPage *self);
void                 sd_report_page_cancel_export      (SdReportPage *self);
/* What the last export said ("Saved …" or why not), or NULL. */
const char          *sd_report_page_get_export_result  (SdReportPage *self);

/* Prints the report shown through GtkPrintOperation into a PDF file without a dialog (what
 * "Print…" does, minus the dialog). For tests and scripts. */
gboolean             sd_report_page_print_to_file      (SdReportPage  *self,
                                                        const char    *path,
                                                        GError       **error);

G_END_DECLS
