/* sd-payroll-page.h — the month's pay of every manager, explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"

G_BEGIN_DECLS

#define SD_TYPE_PAYROLL_PAGE (sd_payroll_page_get_type ())
G_DECLARE_FINAL_TYPE (SdPayrollPage, sd_payroll_page, SD, PAYROLL_PAGE, AdwBin)

/* A page following the context's company and the store's "changed" signal. */
GtkWidget *sd_payroll_page_new (SdContext *context);

G_END_DECLS
