/* sd-schemes-page.h — motivation schemes of the department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"
#include "sd-scheme-editor.h"

G_BEGIN_DECLS

#define SD_TYPE_SCHEMES_PAGE (sd_schemes_page_get_type ())
G_DECLARE_FINAL_TYPE (SdSchemesPage, sd_schemes_page, SD, SCHEMES_PAGE, SdPage)

/* A page following the context's company and the store's "changed" signal. */
GtkWidget      *sd_schemes_page_new         (SdContext *context);

/* Reads a scheme.json and adds it, or replaces the scheme of the same name, in one undo step;
 * what the Import… button does after the file chooser. Nothing changes on error, and the
 * error names the file and the field. */
gboolean        sd_schemes_page_import_file (SdSchemesPage  *self,
                                             GFile          *file,
                                             GError        **error);
/* Writes scheme `scheme_id` as scheme.json to `file` (what Export to JSON… does after the
 * file chooser); an earlier file stays whole on error. */
gboolean        sd_schemes_page_export_file (SdSchemesPage  *self,
                                             gint64          scheme_id,
                                             GFile          *file,
                                             GError        **error);
/* The scheme editor opened from the page while it is open, else NULL (for tests). */
SdSchemeEditor *sd_schemes_page_get_editor  (SdSchemesPage *self);

G_END_DECLS
