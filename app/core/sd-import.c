/* sd-import.c — turning CSV rows into domain records, with every bad row reported
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-import"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-import.h"

#define SD_NAME_MAX_CHARS 200
#define STAFF_HEADER "manager,role,hired,left,scheme"

G_DEFINE_QUARK (sd-import-error-quark, sd_import_error)

void
sd_import_problem_free (SdImportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...)
{
  SdImportProblem *problem = g_new0 (SdImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, problem);
}

/* The sentence of a GError without its final full stop, to follow "the hire date: ". */
static char *
reason_of (const GError *error)
{
  char *text = g_strdup (error->message);
  gsize len = strlen (text);

  if (len > 0 && text[len - 1] == '.')
    text[len - 1] = '\0';

  return text;
}

/* A copy without blanks at either end, Unicode ones included: spreadsheets leave
 * no-break spaces around cells. The same rule as sd_staff_member_validate (). */
static char *
trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static gboolean
has_control_chars (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/* Fills `member` from one row; adds a problem for every reason the row is wrong.
 * Returns whether the row is sound. */
static gboolean
read_staff_row (const SdCsv   *csv,
                guint          row,
                const int      columns[5],
                SdStaffMember *member,
                GPtrArray     *problems)
{
  guint line = sd_csv_get_row_line (csv, row);
  guint n_before = problems->len;
  g_autofree char *name = trimmed (sd_csv_get_cell (csv, row, columns[0]));
  g_autofree char *role = trimmed (sd_csv_get_cell (csv, row, columns[1]));
  g_autofree char *hired = trimmed (sd_csv_get_cell (csv, row, columns[2]));
  g_autofree char *left = trimmed (sd_csv_get_cell (csv, row, columns[3]));
  g_autofree char *scheme = trimmed (sd_csv_get_cell (csv, row, columns[4]));
  g_autoptr(GError) local_error = NULL;

  if (*name == '\0')
    add_problem (problems, line, "%s", _("the name of the manager is empty"));
  else if (has_control_chars (name))
    add_problem (problems, line, "%s",
                 _("the name contains a line break, a tab or another invisible character"));
  else if (g_utf8_strlen (name, -1) > SD_NAME_MAX_CHARS)
    add_problem (problems, line,
                 g_dngettext (GETTEXT_PACKAGE,
                              "the name is longer than %d character",
                              "the name is longer than %d characters",
                              SD_NAME_MAX_CHARS),
                 SD_NAME_MAX_CHARS);

  if (*role == '\0')
    add_problem (problems, line, "%s", _("the role is empty: write manager or head"));
  else if (!sd_role_from_string (role, &member->role))
    add_problem (problems, line,
                 /* Translators: %s is the role as written in the file */
                 _("«%s» is not a role: write manager or head"), role);

  if (*hired == '\0')
    add_problem (problems, line, "%s",
                 _("the hire date is empty: write the first day worked, e.g. 2026-03-15"));
  else if (!sd_date_parse (hired, &member->hired, &local_error))
    {
      g_autofree char *reason = reason_of (local_error);

      /* Translators: %s says what is wrong with the date */
      add_problem (problems, line, _("the hire date: %s"), reason);
      g_clear_error (&local_error);
    }

  if (*left != '\0' && !sd_date_parse (left, &member->left, &local_error))
    {
      g_autofree char *reason = reason_of (local_error);

      /* Translators: %s says what is wrong with the date */
      add_problem (problems, line, _("the leave date: %s"), reason);
      g_clear_error (&local_error);
    }

  if (g_date_valid (&member->hired) && g_date_valid (&member->left)
      && g_date_compare (&member->left, &member->hired) < 0)
    {
      SdNumberStyle style = sd_number_style_current ();
      g_autofree char *left_text = sd_date_format (&member->left, style);
      g_autofree char *hired_text = sd_date_format (&member->hired, style);

      add_problem (problems, line,
                   /* Translators: the leave date, then the hire date */
                   _("the leave date %s is before the hire date %s"), left_text, hired_text);
    }

  member->name = g_steal_pointer (&name);
  member->scheme = *scheme != '\0' ? g_steal_pointer (&scheme) : NULL;

  return problems->len == n_before;
}

GPtrArray *
sd_import_staff_csv (const SdCsv  *csv,
                     GPtrArray   **problems,
                     GError      **error)
{
  static const char * const names[5] = { "manager", "role", "hired", "left", "scheme" };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) seen = NULL;   /* casefolded name → first line */
  int columns[5];
  guint n_rows, n_bad = 0;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  {
    g_autoptr(GString) missing = g_string_new (NULL);
    guint n_missing = 0;

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        columns[i] = sd_csv_find_column (csv, names[i]);
        /* manager, role and hired are required; left and scheme may be absent. */
        if (columns[i] < 0 && i < 3)
          {
            g_string_append_printf (missing, "%s“%s”", n_missing > 0 ? ", " : "", names[i]);
            n_missing++;
          }
      }

    if (n_missing > 0)
      {
        g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_COLUMNS,
                     /* Translators: the first %s lists the missing column names, the second
                      * is the header row the file must have */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The file has no column %s. Its first row must name the columns: %s",
                                  "The file has no columns %s. Its first row must name the columns: %s",
                                  n_missing),
                     missing->str, STAFF_HEADER);
        return NULL;
      }
  }

  n_rows = sd_csv_get_n_rows (csv);
  if (n_rows == 0)
    {
      g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is the header row, manager,role,hired,left,scheme */
                   _("The file has a header but no people: add one row per person under “%s”."),
                   STAFF_HEADER);
      return NULL;
    }

  members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_problem_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(SdStaffMember) member = sd_staff_member_new ();
      gboolean sound = read_staff_row (csv, row, columns, member, found);
      guint line = sd_csv_get_row_line (csv, row);

      if (*member->name != '\0')
        {
          g_autofree char *key = g_utf8_casefold (member->name, -1);
          gpointer first_line;

          if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
            {
              add_problem (found, line,
                           /* Translators: %s is a name, %u the line where it first appears */
                           _("«%s» is already on line %u: each person must appear once"),
                           member->name, GPOINTER_TO_UINT (first_line));
              sound = FALSE;
            }
          else
            g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
        }

      if (sound)
        g_ptr_array_add (members, g_steal_pointer (&member));
      else
        n_bad++;
    }

  if (n_bad > 0)
    {
      g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS,
                   /* Translators: "3 rows of 12 have problems"; the plural follows the first
                    * number */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row of %u has problems. Correct the file and import it again.",
                                "%u rows of %u have problems. Correct the file and import it again.",
                                n_bad),
                   n_bad, n_rows);
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  return g_steal_pointer (&members);
}

char *
sd_import_format_problems (GPtrArray *problems,
                           guint      max_lines)
{
  GString *out = g_string_new (NULL);
  guint n_shown;

  if (problems == NULL)
    return g_string_free (out, FALSE);

  n_shown = MIN (problems->len, max_lines);
  for (guint i = 0; i < n_shown; i++)
    {
      const SdImportProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      /* Translators: one problem of an import: "line 4: the hire date is empty" */
      g_string_append_printf (out, _("line %u: %s"), problem->line, problem->message);
    }

  if (problems->len > n_shown)
    {
      guint rest = problems->len - n_shown;

      if (n_shown > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              /* Translators: after the first problems of an import, how many
                               * more were not shown */
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                           "… and %u more problems", rest),
                              rest);
    }

  return g_string_free (out, FALSE);
}
