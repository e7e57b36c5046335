/* sd-pipeline-dialog.h — adding or changing one expected payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"

G_BEGIN_DECLS

#define SD_TYPE_PIPELINE_DIALOG (sd_pipeline_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdPipelineDialog, sd_pipeline_dialog, SD, PIPELINE_DIALOG, AdwWindow)

/* `item` NULL: a new payment; otherwise that payment is edited. Saving writes one undo step
 * and closes the dialog; bad input is shown in the dialog and writes nothing. */
SdPipelineDialog *sd_pipeline_dialog_new    (SdContext            *context,
                                             GtkWindow            *parent,
                                             const SdPipelineItem *item);
/* Fills the form as a person would type it (tests). */
void              sd_pipeline_dialog_fill   (SdPipelineDialog *self,
                                             const char       *client,
                                             guint             manager_position,
                                             const char       *amount,
                                             const char       *date,
                                             int               probability);
/* Presses Save; TRUE when it was saved. */
gboolean          sd_pipeline_dialog_save   (SdPipelineDialog *self);
const char       *sd_pipeline_dialog_get_error (SdPipelineDialog *self);

G_END_DECLS
