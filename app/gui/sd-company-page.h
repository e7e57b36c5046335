/* sd-company-page.h — the company: its name, its file, the production calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_COMPANY_PAGE (sd_company_page_get_type ())
G_DECLARE_FINAL_TYPE (SdCompanyPage, sd_company_page, SD, COMPANY_PAGE, SdPage)

/* A page about the context's company; it follows the context when the window opens another
 * file, and reads the file only while it is shown. */
GtkWidget *sd_company_page_new         (SdContext     *context);
SdContext *sd_company_page_get_context (SdCompanyPage *self);

G_END_DECLS
