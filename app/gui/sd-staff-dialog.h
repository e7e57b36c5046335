/* sd-staff-dialog.h — add a person to the staff or edit one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_STAFF_DIALOG (sd_staff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdStaffDialog, sd_staff_dialog, SD, STAFF_DIALOG, AdwWindow)

/* A modal dialog over `parent` that adds a person to `store` (member NULL: empty fields, hired
 * today) or edits `member` (copied). It saves on its own and emits "saved" with the person's
 * id before it closes; a refused save keeps it open with the reason shown. */
SdStaffDialog *sd_staff_dialog_new (GtkWindow           *parent,
                                    SdStore             *store,
                                    const SdStaffMember *member);

G_END_DECLS
