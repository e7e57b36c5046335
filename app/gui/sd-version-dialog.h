/* sd-version-dialog.h — naming a plan version: new version, new revision, rename; comparing two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_VERSION_DIALOG (sd_version_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdVersionDialog, sd_version_dialog, SD, VERSION_DIALOG, AdwMessageDialog)

/* A dialog asking for a version's name (and scenario, when `with_scenario`). It answers
 * with the response "accept" (only possible with a name) or "cancel". */
GtkWidget  *sd_version_dialog_new          (GtkWindow  *parent,
                                            const char *heading,
                                            const char *accept_label,
                                            const char *name,
                                            SdScenario  scenario,
                                            gboolean    with_scenario);
/* The name typed, without surrounding blanks. */
char       *sd_version_dialog_dup_name     (SdVersionDialog *self);
SdScenario  sd_version_dialog_get_scenario (SdVersionDialog *self);

/* A window listing, per month and per manager, the figures of two versions and the
 * difference (second − first). NULL with `error` when a version cannot be read. */
GtkWidget  *sd_compare_window_new          (GtkWindow  *parent,
                                            SdStore    *store,
                                            gint64      first_id,
                                            gint64      second_id,
                                            GError    **error);

G_END_DECLS
