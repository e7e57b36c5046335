/* sd-payroll-page.h — the month's pay of every manager, explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_PAYROLL_PAGE (sd_payroll_page_get_type ())
G_DECLARE_FINAL_TYPE (SdPayrollPage, sd_payroll_page, SD, PAYROLL_PAGE, SdPage)

/* A page following the context's company and the store's "changed" signal. */
GtkWidget  *sd_payroll_page_new               (SdContext *context);

/* What Export… does once a file is chosen: computes the shown month's payroll and writes it
 * (.csv or .xlsx, by the name) on a worker thread, with progress and a Cancel on the page and
 * a toast at the end. FALSE (nothing started) for another extension or while an export runs.
 * On failure or cancellation an earlier file at `path` stays as it was. */
gboolean    sd_payroll_page_export_to         (SdPayrollPage  *self,
                                               const char     *path,
                                               GError        **error);
gboolean    sd_payroll_page_is_exporting      (SdPayrollPage *self);
void        sd_payroll_page_cancel_export     (SdPayrollPage *self);
/* The message of the last finished export (saved, cancelled or why it failed), or NULL. */
const char *sd_payroll_page_get_export_result (SdPayrollPage *self);

G_END_DECLS
