/* sd-hiring-page.h — the hiring plan: capacity gap, proposed hires, their money and payback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_HIRING_PAGE (sd_hiring_page_get_type ())
G_DECLARE_FINAL_TYPE (SdHiringPage, sd_hiring_page, SD, HIRING_PAGE, SdPage)

/* A page following the context's company and the store's "changed" signal. */
GtkWidget *sd_hiring_page_new      (SdContext *context);
/* The first year of the horizon shown (today's year at first). */
int        sd_hiring_page_get_year (SdHiringPage *self);
void       sd_hiring_page_set_year (SdHiringPage *self,
                                    int           year);

G_END_DECLS
