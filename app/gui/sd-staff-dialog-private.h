/* sd-staff-dialog-private.h — the dialog's parts, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sd-staff-dialog.h"

G_BEGIN_DECLS

AdwEntryRow *_sd_staff_dialog_get_name_row     (SdStaffDialog *self);
AdwComboRow *_sd_staff_dialog_get_role_row     (SdStaffDialog *self);
AdwEntryRow *_sd_staff_dialog_get_hired_row    (SdStaffDialog *self);
AdwEntryRow *_sd_staff_dialog_get_left_row     (SdStaffDialog *self);
GtkCalendar *_sd_staff_dialog_get_left_calendar (SdStaffDialog *self);
GtkWidget   *_sd_staff_dialog_get_save_button  (SdStaffDialog *self);
GtkLabel    *_sd_staff_dialog_get_error_label  (SdStaffDialog *self);

G_END_DECLS
