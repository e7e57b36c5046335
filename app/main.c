/* main.c — starts Salesdesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "salesdesk"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "sd-application.h"

/* Translations come from the install prefix, or from the build tree when the program runs
 * uninstalled (its catalogue built there, none installed). */
static const char *
choose_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "ru", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *built = g_build_filename (SD_BUILD_LOCALEDIR, "ru", "LC_MESSAGES",
                                             GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    return SD_BUILD_LOCALEDIR;

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SdApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, choose_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sd_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* bench/startup reads the peak memory of a run that quits after its first frame. */
  if (g_getenv ("SALESDESK_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      struct rusage usage;

      if (getrusage (RUSAGE_SELF, &usage) == 0)
        fprintf (stderr, "peak-rss-kib %ld\n", usage.ru_maxrss);
    }

  return status;
}
