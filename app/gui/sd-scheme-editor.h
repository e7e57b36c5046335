/* sd-scheme-editor.h — edit a motivation scheme beside its live pay curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-pay-curve.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_SCHEME_EDITOR (sd_scheme_editor_get_type ())
G_DECLARE_FINAL_TYPE (SdSchemeEditor, sd_scheme_editor, SD, SCHEME_EDITOR, AdwWindow)

/* A modal editor over `parent` (may be NULL). `scheme_id` 0 adds `scheme` (copied) to the store
 * as a new scheme; otherwise it edits the stored scheme `scheme_id` (then `scheme` may be NULL:
 * it is read from the store). Every change redraws the pay curve and validates; Save stays
 * insensitive while the scheme breaks a rule, and the reason is shown. Saving is one undoable
 * store edit; the editor then emits "saved" with the scheme's id and closes. */
SdSchemeEditor   *sd_scheme_editor_new         (GtkWindow      *parent,
                                                SdStore        *store,
                                                gint64          scheme_id,
                                                const SdScheme *scheme);

/* The monthly plan the curve and the costs are drawn for (1 000 000 ₽ until set); the person
 * can type another. It is not part of the scheme. */
void              sd_scheme_editor_set_curve_plan (SdSchemeEditor *self,
                                                   SdMoney         plan);
/* The scheme as the fields say now, or NULL when a field cannot be read. */
const SdScheme   *sd_scheme_editor_get_scheme  (SdSchemeEditor *self);
/* Why the scheme cannot be saved (as shown in the editor), or NULL when it can. */
const char       *sd_scheme_editor_get_problem (SdSchemeEditor *self);
/* The pay curve drawn now, or NULL when none can be drawn. */
const SdPayCurve *sd_scheme_editor_get_curve   (SdSchemeEditor *self);

G_END_DECLS
