/* sd-idp-editor.h — a manager's individual development plan (ИПР): proposed from the weakest
 * scores and the plan lag, goals with targets and progress, typed actions with an owner, a
 * deadline and a status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-store-people.h"

G_BEGIN_DECLS

#define SD_TYPE_IDP_EDITOR (sd_idp_editor_get_type ())
G_DECLARE_FINAL_TYPE (SdIdpEditor, sd_idp_editor, SD, IDP_EDITOR, AdwWindow)

/* A modal window over `parent` editing a copy of `idp` (NULL: a new plan for `manager`, made
 * `today`, proposed at once from the file's scores and plan lag). Save writes it in one undo
 * step; a plan the core refuses stays open with the reason. Emits "saved" with the id. */
SdIdpEditor *sd_idp_editor_new      (GtkWindow           *parent,
                                     SdStore             *store,
                                     const SdStaffMember *manager,
                                     const SdIdp         *idp,
                                     const GDate         *today);
/* The plan as edited so far (owned by the editor). */
const SdIdp *sd_idp_editor_get_idp  (SdIdpEditor *self);
/* Replaces the goals and actions with the core's proposal (the "Propose" button). */
gboolean     sd_idp_editor_propose  (SdIdpEditor  *self,
                                     GError      **error);

/* Writes the plan as edited so far to a PDF (A4) to hand over at a one-to-one: goals with
 * their targets and actions with kind, owner, deadline and status, overdue ones marked.
 * Written to a temporary file beside `path` and renamed. */
gboolean     sd_idp_editor_export_pdf (SdIdpEditor  *self,
                                       const char   *path,
                                       GError      **error);
/* The same plan as an Excel workbook: one sheet with the goals (values as numbers in their
 * unit) and the actions (deadlines as dates, overdue days as numbers). */
gboolean     sd_idp_editor_export_xlsx (SdIdpEditor  *self,
                                        const char   *path,
                                        GError      **error);

G_END_DECLS
