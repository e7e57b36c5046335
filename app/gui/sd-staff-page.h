/* sd-staff-page.h — the people of the sales department: list, add, edit, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_STAFF_PAGE (sd_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (SdStaffPage, sd_staff_page, SD, STAFF_PAGE, SdPage)

/* A page showing the staff of the context's company; it follows the context when the
 * window opens another file, and reads the file only while it is shown. */
GtkWidget *sd_staff_page_new          (SdContext   *context);
SdContext *sd_staff_page_get_context  (SdStaffPage *self);
/* Puts the keyboard focus into the search field (Ctrl+F). */
void       sd_staff_page_focus_search (SdStaffPage *self);

G_END_DECLS
