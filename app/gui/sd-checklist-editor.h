/* sd-checklist-editor.h — edit the call-scoring checklist (criteria with weights summing to
 * 100) and the assessment template (competencies with a description of every level)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-store-people.h"

G_BEGIN_DECLS

#define SD_TYPE_CHECKLIST_EDITOR (sd_checklist_editor_get_type ())
G_DECLARE_FINAL_TYPE (SdChecklistEditor, sd_checklist_editor, SD, CHECKLIST_EDITOR, AdwWindow)

/* A modal window over `parent` editing the current call checklist and assessment template of
 * `store` (the defaults when none is stored yet). Each kind saves on its own, checked by the
 * core first (weights summing to 100, levels matching the scale); scored calls keep the
 * criteria they were scored against. */
SdChecklistEditor *sd_checklist_editor_new (GtkWindow *parent,
                                            SdStore   *store);

G_END_DECLS
