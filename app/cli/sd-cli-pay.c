/* sd-cli-pay.c — salesdesk-cli payroll and import-scheme
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-cli-pay"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sd-cli.h"
#include "sd-cli-pay.h"
#include "sd-export.h"
#include "sd-payroll-export.h"
#include "sd-scheme-json.h"
#include "sd-store.h"

/* One line on stderr, control characters flattened (as sd-cli.c does). */
G_GNUC_PRINTF (2, 3)
static int
fail (int         status,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  for (char *p = message; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  g_printerr ("salesdesk-cli: %s\n", message);
  return status;
}

/* A rule broken by the data is a refusal; anything else means the file cannot be used. */
static int
fail_store (const char   *path,
            const GError *error)
{
  g_autofree char *name = g_path_get_basename (path);
  int status = g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID)
               ? SD_CLI_EXIT_REFUSED : SD_CLI_EXIT_FILE;

  if (strstr (error->message, name) != NULL)
    return fail (status, "%s", error->message);
  return fail (status, "«%s»: %s", name, error->message);
}

int
sd_cli_payroll (const char *file,
                const char *month,
                const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autofree char *lower = NULL;
  SdMonth m;

  g_return_val_if_fail (file != NULL, SD_CLI_EXIT_USAGE);

  if (month == NULL || !sd_month_parse (month, &m, &error))
    return fail (SD_CLI_EXIT_REFUSED, _("--month must be a month such as 2026-03: %s"),
                 error != NULL ? error->message : _("it is missing"));
  if (output == NULL)
    return fail (SD_CLI_EXIT_USAGE, _("Say where to save the payroll with -o FILE.csv or -o FILE.xlsx."));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
    return fail (SD_CLI_EXIT_REFUSED,
                 _("«%s»: the payroll can be saved as .csv or .xlsx. End the file name with one "
                   "of them."), output);

  store = sd_store_open (file, SD_STORE_OPEN_NO_UNDO, &error);
  if (store == NULL)
    return fail_store (file, error);
  if (!sd_export_payroll (store, sd_calendar_get_default (), m, output, NULL, &error))
    {
      if (error->domain == SD_STORE_ERROR)
        return fail_store (file, error);
      return fail (g_error_matches (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE)
                   ? SD_CLI_EXIT_FILE : SD_CLI_EXIT_REFUSED, "%s", error->message);
    }
  /* Translators: “Payroll for 2026-03 saved to «pay.xlsx».” */
  g_print (_("Payroll for %s saved to «%s».\n"), month, output);
  return SD_CLI_EXIT_OK;
}

int
sd_cli_import_scheme (const char *file,
                      const char *json_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(SdScheme) scheme = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json_name = NULL;
  gsize length;
  gboolean replaced = FALSE;

  g_return_val_if_fail (file != NULL, SD_CLI_EXIT_USAGE);

  if (json_path == NULL)
    return fail (SD_CLI_EXIT_USAGE, _("Name the scheme file to import: import-scheme FILE scheme.json."));
  json_name = g_path_get_basename (json_path);
  if (!g_file_get_contents (json_path, &text, &length, &error))
    return fail (SD_CLI_EXIT_REFUSED, _("«%s» cannot be read: %s"), json_name, error->message);
  scheme = sd_scheme_from_json (text, (gssize) length, &error);
  if (scheme == NULL)
    return fail (SD_CLI_EXIT_REFUSED, "«%s»: %s", json_name, error->message);

  store = sd_store_open (file, SD_STORE_OPEN_NO_UNDO, &error);
  if (store == NULL)
    return fail_store (file, error);
  if (sd_store_import_scheme (store, scheme, &replaced, &error) == 0)
    {
      if (g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID))
        return fail (SD_CLI_EXIT_REFUSED, "«%s»: %s", json_name, error->message);
      return fail_store (file, error);
    }
  if (replaced)
    g_print (_("Scheme «%s» replaced.\n"), scheme->name);
  else
    g_print (_("Scheme «%s» imported.\n"), scheme->name);
  return SD_CLI_EXIT_OK;
}
