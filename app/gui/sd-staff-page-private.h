/* sd-staff-page-private.h — the page's parts, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sd-staff-dialog.h"
#include "sd-staff-page.h"

G_BEGIN_DECLS

GtkWidget        *_sd_staff_page_get_add_button      (SdStaffPage *self);
GtkWidget        *_sd_staff_page_get_remove_button   (SdStaffPage *self);
GtkToggleButton  *_sd_staff_page_get_archived_toggle (SdStaffPage *self);
GtkEditable      *_sd_staff_page_get_search_entry    (SdStaffPage *self);
GtkColumnView    *_sd_staff_page_get_column_view     (SdStaffPage *self);
/* "list", "empty" or "no-matches". */
const char       *_sd_staff_page_get_state           (SdStaffPage *self);
/* The add/edit dialog or the removal question while open, else NULL. */
SdStaffDialog    *_sd_staff_page_get_staff_dialog    (SdStaffPage *self);
AdwMessageDialog *_sd_staff_page_get_confirm_dialog  (SdStaffPage *self);
/* The text of the Status column for `member` on `today`. */
char             *_sd_staff_format_status            (const SdStaffMember *member,
                                                      const GDate         *today);

G_END_DECLS
