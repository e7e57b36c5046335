/* sd-xlsx.c — exact numbers, safe text and whole files for every workbook
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-export.h"
#include "sd-xlsx.h"

void
sd_xlsx_locale_push (SdXlsxLocale *guard)
{
  g_return_if_fail (guard != NULL);

  guard->c_locale = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  guard->previous = guard->c_locale != (locale_t) 0 ? uselocale (guard->c_locale) : (locale_t) 0;
}

void
sd_xlsx_locale_pop (SdXlsxLocale *guard)
{
  g_return_if_fail (guard != NULL);

  if (guard->c_locale == (locale_t) 0)
    return;
  uselocale (guard->previous);
  freelocale (guard->c_locale);
  guard->c_locale = (locale_t) 0;
}

lxw_error
sd_xlsx_write_text (lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *text,
                    lxw_format    *format)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* worksheet_write_string never interprets its text: "=HYPERLINK(…)" stays a string. */
  return worksheet_write_string (sheet, row, col, text, format);
}

lxw_error
sd_xlsx_write_money (lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     SdMoney        value,
                     lxw_format    *format)
{
  /* Below 2^53 kopecks the quotient is the nearest double to the decimal amount, which is
   * what a spreadsheet stores for a typed amount. */
  return worksheet_write_number (sheet, row, col, (double) value / 100.0, format);
}

char *
sd_xlsx_sheet_name (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  glong n = 0;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    {
      for (const char *p = name; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
        {
          gunichar c = g_utf8_get_char (p);

          if (strchr ("[]:*?/\\", (int) (c < 128 ? c : 'a')) != NULL || g_unichar_iscntrl (c))
            c = '_';
          g_string_append_unichar (out, c);
        }
    }
  /* Excel refuses a name that starts or ends with an apostrophe. */
  if (out->len > 0 && out->str[0] == '\'')
    out->str[0] = '_';
  if (out->len > 0 && out->str[out->len - 1] == '\'')
    out->str[out->len - 1] = '_';
  if (out->len == 0)
    g_string_assign (out, "Sheet");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sd_xlsx_temp_path_for (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pattern = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, pattern, NULL);
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                     _("The folder «%s» does not exist. Choose an existing folder."), display);
      else if (saved == EACCES || saved == EPERM || saved == EROFS)
        g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                     _("You have no permission to write in the folder «%s». Choose another "
                       "folder."), display);
      else if (saved == ENOSPC)
        g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                     _("The disk is full: nothing was written to «%s». Free some space and "
                       "try again."), display);
      else
        g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                     _("Could not write in the folder «%s»: %s."), display, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

gboolean
sd_xlsx_commit_file (const char  *temp_path,
                     const char  *path,
                     GError     **error)
{
  if (g_rename (temp_path, path) == 0)
    return TRUE;

  {
    int saved = errno;
    g_autofree char *display = g_filename_display_basename (path);

    g_unlink (temp_path);
    g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                 _("Could not replace «%s» (%s). The earlier file, if any, was not changed."),
                 display, g_strerror (saved));
  }
  return FALSE;
}

void
sd_xlsx_set_error (GError     **error,
                   lxw_error    code,
                   const char  *path)
{
  g_autofree char *display = g_filename_display_basename (path);

  if (code == LXW_ERROR_CREATING_XLSX_FILE || code == LXW_ERROR_CREATING_TMPFILE)
    g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                 _("Could not write «%s»: the disk may be full or not writable. The earlier "
                   "file, if any, was not changed."), display);
  else
    g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                 _("Could not write «%s» (%s). The earlier file, if any, was not changed."),
                 display, lxw_strerror (code));
}
