/* sd-hire-dialog.h — new dates for a planned hire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-hiring.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_HIRE_DIALOG (sd_hire_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdHireDialog, sd_hire_dialog, SD, HIRE_DIALOG, AdwWindow)

/* A modal window editing the first working day and the search start of `hire`; "Save"
 * writes them through the store (the hire becomes "edited") and closes, a mistake is shown
 * in the window and changes nothing. Changing the first day moves the search start with it,
 * time_to_hire_weeks before, until the search start is edited by hand. */
SdHireDialog *sd_hire_dialog_new       (GtkWindow            *parent,
                                        SdStore              *store,
                                        const SdPlannedHire  *hire,
                                        int                   time_to_hire_weeks);
/* The entries, for tests and for focusing. */
GtkEditable  *sd_hire_dialog_get_start_entry  (SdHireDialog *self);
GtkEditable  *sd_hire_dialog_get_search_entry (SdHireDialog *self);
/* Saves as the Save button does; FALSE when the dates were refused (the window stays). */
gboolean      sd_hire_dialog_save      (SdHireDialog *self);

G_END_DECLS
