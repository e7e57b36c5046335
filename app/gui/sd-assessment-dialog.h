/* sd-assessment-dialog.h — assess a manager against a template of competencies, beside the
 * previous assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-store-people.h"

G_BEGIN_DECLS

#define SD_TYPE_ASSESSMENT_DIALOG (sd_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdAssessmentDialog, sd_assessment_dialog, SD, ASSESSMENT_DIALOG, AdwWindow)

/* A modal dialog over `parent` assessing `manager` on `date` against `template_` (copied; id
 * 0 is stored with the assessment). Each competency shows what every level means and the
 * score of `previous` (may be NULL), and the footer compares the averages. Score buttons are
 * named "score-<key>-<score>", "score-<key>-na"; Save is named "save". Emits "saved" with the
 * id before it closes. */
SdAssessmentDialog *sd_assessment_dialog_new (GtkWindow           *parent,
                                              SdStore             *store,
                                              const SdChecklist   *template_,
                                              const SdStaffMember *manager,
                                              const GDate         *date,
                                              const SdAssessment  *previous);

G_END_DECLS
