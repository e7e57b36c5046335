/* sd-application.h — the Salesdesk application: windows, settings, accelerators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SD_TYPE_APPLICATION (sd_application_get_type ())
G_DECLARE_FINAL_TYPE (SdApplication, sd_application, SD, APPLICATION, AdwApplication)

SdApplication *sd_application_new          (void);
/* The settings, or NULL when the schema is neither installed nor in the build tree. */
GSettings     *sd_application_get_settings (SdApplication *self);
/* The settings of io.github.salesdesk.Salesdesk from the installed schemas or, when running
 * from the build tree, from its compiled schema; NULL when there are none. */
GSettings     *sd_application_load_settings (void);
/* The company file opened when no file is named: $XDG_DATA_HOME/salesdesk/company.salesdesk. */
char          *sd_application_dup_default_path (void);

G_END_DECLS
