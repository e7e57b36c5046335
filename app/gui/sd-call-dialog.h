/* sd-call-dialog.h — score one call against the call checklist, with the live 0–100 score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-store-people.h"

G_BEGIN_DECLS

#define SD_TYPE_CALL_DIALOG (sd_call_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdCallDialog, sd_call_dialog, SD, CALL_DIALOG, AdwWindow)

/* A modal dialog over `parent` that scores a call of one of `managers` (SdStaffMember *;
 * `manager_id` chosen first, 0: the first) on `date` against `checklist` (copied; id 0 is
 * stored with the call). Every criterion gets a row of score buttons named
 * "score-<key>-<score>" ("score-<key>-na": not applicable); Save (named "save") stays
 * insensitive until the call is valid. It saves on its own and emits "saved" with the
 * call's id before it closes; a refused save keeps it open with the reason. */
SdCallDialog *sd_call_dialog_new        (GtkWindow          *parent,
                                         SdStore            *store,
                                         const SdChecklist  *checklist,
                                         GPtrArray          *managers,
                                         gint64              manager_id,
                                         const GDate        *date);
/* The same dialog opened on a stored call to change it (Save updates it, one undo step). The
 * criteria are the call's own, as they were when it was scored; `checklist` (may be NULL)
 * lends the level descriptions of criteria that did not change. */
SdCallDialog *sd_call_dialog_new_for_call (GtkWindow          *parent,
                                           SdStore            *store,
                                           const SdCall       *call,
                                           const SdChecklist  *checklist,
                                           GPtrArray          *managers);
/* The score of the call as it is now (0..100), or -1 while it is not valid. */
int           sd_call_dialog_get_score  (SdCallDialog *self);

G_END_DECLS
