/* sd-schemes-page.h — motivation schemes of the department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"

G_BEGIN_DECLS

#define SD_TYPE_SCHEMES_PAGE (sd_schemes_page_get_type ())
G_DECLARE_FINAL_TYPE (SdSchemesPage, sd_schemes_page, SD, SCHEMES_PAGE, AdwBin)

/* A page following the context's company and the store's "changed" signal. */
GtkWidget *sd_schemes_page_new (SdContext *context);

G_END_DECLS
