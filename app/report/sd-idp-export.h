/* sd-idp-export.h — a manager's development plan as PDF or a workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sd-idp.h"

G_BEGIN_DECLS

/* The plan of `manager` (a name) with goals, actions, deadlines and what is overdue on
 * `today`, written to a temporary file beside `path` and renamed into place. */
gboolean sd_export_idp_pdf  (const SdIdp  *idp,
                             const char   *manager,
                             const GDate  *today,
                             const char   *path,
                             GError      **error);
gboolean sd_export_idp_xlsx (const SdIdp  *idp,
                             const char   *manager,
                             const GDate  *today,
                             const char   *path,
                             GError      **error);

G_END_DECLS
