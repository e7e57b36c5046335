/* sd-test-util.h — helpers every test may share (GLib only): temporary folders and their
 * removal, dates, file contents
 *
 * Header only: every function is static and marked unused, so a test takes what it needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

/* A new empty temporary folder made from `tmpl` ("name-XXXXXX"); free it with g_free after
 * sd_test_remove_tree. */
G_GNUC_UNUSED static char *
sd_test_make_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes `path` and everything under it; a folder a test made read-only is opened again
 * first, and a link is removed, never followed. A missing path is no error. */
G_GNUC_UNUSED static void
sd_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          sd_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Points this process's user data and config folders (backups, recent files, settings) at a
 * new private folder, returned for sd_test_remove_tree at the end. Call it first in main(),
 * before anything reads them. (G_TEST_OPTION_ISOLATE_DIRS would do it per test, but GLib 2.74
 * leaks in g_set_user_dirs, which fails the ASan build's leak check.) */
G_GNUC_UNUSED static char *
sd_test_private_home (const char *tmpl)
{
  char *home = sd_test_make_dir (tmpl);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return home;
}

/* Sets `date` to the ISO day `iso` ("2026-03-15"), or clears it when `iso` is NULL. */
G_GNUC_UNUSED static void
sd_test_set_date (GDate      *date,
                  const char *iso)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL)
    return;
  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &y, &m, &d), ==, 3);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Sets `date` to the given day. */
G_GNUC_UNUSED static void
sd_test_set_dmy (GDate *date,
                 int    year,
                 int    month,
                 int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* `date` is valid and is the ISO day `iso`. */
G_GNUC_UNUSED static void
sd_test_assert_date (const GDate *date,
                     const char  *iso)
{
  char text[16];

  g_assert_true (g_date_valid (date));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_assert_cmpstr (text, ==, iso);
}

/* `date` is valid and is the given day. */
G_GNUC_UNUSED static void
sd_test_assert_dmy (const GDate *date,
                    int          year,
                    int          month,
                    int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* The whole contents of the file at `path`. */
G_GNUC_UNUSED static GBytes *
sd_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* LeakSanitizer asks the program for its suppressions. fontconfig 2.14 keeps part of its parsed
 * configuration until FcFini (), which pango never calls; everything of ours, pango's and
 * cairo's is still checked (main () drops the font caches before exit). A test that draws text
 * with pango says SD_TEST_LSAN_IGNORE_FONTCONFIG once, at file scope. */
#define SD_TEST_LSAN_IGNORE_FONTCONFIG                                         \
  const char *__lsan_default_suppressions (void);                              \
  const char *                                                                 \
  __lsan_default_suppressions (void)                                           \
  {                                                                            \
    return "leak:libfontconfig.so\n";                                          \
  }
