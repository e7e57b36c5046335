/* sd-cli-pay.h — salesdesk-cli payroll and import-scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `payroll FILE --month YYYY-MM -o OUT.{csv,xlsx}`: an SdCliExit; on failure one line on
 * stderr. */
int sd_cli_payroll       (const char *file,
                          const char *month,
                          const char *output);
/* `import-scheme FILE scheme.json`: adds the scheme or replaces the one with its name. */
int sd_cli_import_scheme (const char *file,
                          const char *json_path);

G_END_DECLS
