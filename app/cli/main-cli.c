/* main-cli.c — salesdesk-cli: locale and translations, then the command line
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sd-cli.h"

/* The contract is one line on stderr per failure: debug, info and plain messages from any
 * layer stay silent. Warnings and criticals are programming errors and still show. */
static GLogWriterOutput
quiet_log_writer (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Translations installed with the program, or the freshly built ones when it runs from the
 * build tree and nothing is installed. */
static const char *
find_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "ru", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) &&
      g_file_test (SD_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return SD_BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("salesdesk-cli");
  g_log_set_writer_func (quiet_log_writer, NULL, NULL);

  return sd_cli_run (argc, argv);
}
