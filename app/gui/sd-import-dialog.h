/* sd-import-dialog.h — importing staff, facts or a plan from CSV: a preview of what will be
 * written and every rejected row, before anything is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"

G_BEGIN_DECLS

typedef enum {
  SD_IMPORT_STAFF,
  SD_IMPORT_FACTS,
  SD_IMPORT_PLAN,
} SdImportKind;

#define SD_TYPE_IMPORT_DIALOG (sd_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdImportDialog, sd_import_dialog, SD, IMPORT_DIALOG, AdwWindow)

SdImportDialog *sd_import_dialog_new          (SdContext    *context,
                                               GtkWindow    *parent,
                                               SdImportKind  kind);
/* Reads `file` and shows the preview and the rejected rows, as choosing it does. */
void            sd_import_dialog_load_file    (SdImportDialog *self,
                                               GFile          *file);
guint           sd_import_dialog_get_n_rows     (SdImportDialog *self);
guint           sd_import_dialog_get_n_rejected (SdImportDialog *self);
gboolean        sd_import_dialog_can_import   (SdImportDialog *self);
/* Writes the rows (one undo step) and closes; FALSE with the reason shown otherwise. */
gboolean        sd_import_dialog_import       (SdImportDialog *self);

G_END_DECLS
