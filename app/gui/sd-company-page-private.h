/* sd-company-page-private.h — the page's parts, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sd-company-page.h"

G_BEGIN_DECLS

AdwEntryRow *_sd_company_page_get_name_row   (SdCompanyPage *self);
GtkLabel    *_sd_company_page_get_path_label (SdCompanyPage *self);

G_END_DECLS
