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
#define FACTS_HEADER "month,manager,revenue,paid,margin,deals,leads,calls"
#define PLAN_HEADER "month,manager,revenue,leads,deals"

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

/* --- facts.csv and plan.csv --- */

void
sd_fact_row_free (SdFactRow *row)
{
  if (row == NULL)
    return;
  g_free (row->manager);
  g_free (row);
}

void
sd_plan_row_free (SdPlanRow *row)
{
  if (row == NULL)
    return;
  g_free (row->manager);
  g_free (row);
}

char *
sd_import_name_key (const char *name)
{
  g_autofree char *trim = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup ("");
  trim = trimmed (name);
  normal = g_utf8_normalize (trim, -1, G_NORMALIZE_NFC);
  return g_utf8_casefold (normal != NULL ? normal : trim, -1);
}

/* Finds the columns `names` (the first n_required must be there); FALSE with the error naming
 * the missing ones and the header the file must have. */
static gboolean
find_columns (const SdCsv        *csv,
              const char * const *names,
              guint               n_names,
              guint               n_required,
              const char         *header,
              int                *columns,
              GError            **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint i = 0; i < n_names; i++)
    {
      columns[i] = sd_csv_find_column (csv, names[i]);
      if (columns[i] < 0 && i < n_required)
        {
          g_string_append_printf (missing, "%s“%s”", n_missing > 0 ? ", " : "", names[i]);
          n_missing++;
        }
    }

  if (n_missing == 0)
    return TRUE;

  g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_COLUMNS,
               g_dngettext (GETTEXT_PACKAGE,
                            "The file has no column %s. Its first row must name the columns: %s",
                            "The file has no columns %s. Its first row must name the columns: %s",
                            n_missing),
               missing->str, header);
  return FALSE;
}

/* A money cell; adds a problem naming the column when it cannot be read. */
static gboolean
read_money (const SdCsv *csv,
            guint        row,
            int          column,
            const char  *column_name,
            gboolean     allow_negative,
            SdMoney     *out,
            GPtrArray   *problems)
{
  guint line = sd_csv_get_row_line (csv, row);
  g_autofree char *text = trimmed (sd_csv_get_cell (csv, row, column));
  g_autoptr(GError) local_error = NULL;

  *out = 0;
  if (*text == '\0')
    {
      /* Translators: %s is a column name such as revenue */
      add_problem (problems, line, _("%s is empty: write an amount, 0 if there was none"),
                   column_name);
      return FALSE;
    }
  if (!sd_money_parse (text, out, &local_error))
    {
      g_autofree char *reason = reason_of (local_error);

      /* Translators: %s is a column name, then what is wrong with the amount */
      add_problem (problems, line, _("%s: %s"), column_name, reason);
      return FALSE;
    }
  if (*out < 0 && !allow_negative)
    {
      /* Translators: %s is a column name such as revenue */
      add_problem (problems, line, _("%s cannot be below zero"), column_name);
      return FALSE;
    }
  return TRUE;
}

/* A count cell: a whole number, 0 or more. An empty cell is `empty_ok` (0). */
static gboolean
read_count (const SdCsv *csv,
            guint        row,
            int          column,
            const char  *column_name,
            gboolean     empty_ok,
            gint64      *out,
            gboolean    *present,
            GPtrArray   *problems)
{
  guint line = sd_csv_get_row_line (csv, row);
  g_autofree char *text = column >= 0 ? trimmed (sd_csv_get_cell (csv, row, column))
                                      : g_strdup ("");
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 value = 0;

  *out = 0;
  if (present != NULL)
    *present = FALSE;

  if (*text == '\0')
    {
      if (empty_ok)
        return TRUE;
      /* Translators: %s is a column name such as deals */
      add_problem (problems, line, _("%s is empty: write a whole number, 0 if there were none"),
                   column_name);
      return FALSE;
    }

  /* Spreadsheets write 1 200 with a (no-break) space between thousands. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      g_string_append_unichar (digits, c);
    }

  if (digits->len == 0 || digits->len > 15 ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, G_GINT64_CONSTANT (999999999999999),
                                   &value, NULL))
    {
      /* Translators: %s is a column name, then what was written */
      add_problem (problems, line, _("%s: «%s» is not a whole number of zero or more"),
                   column_name, text);
      return FALSE;
    }

  *out = (gint64) value;
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static gboolean
read_month_cell (const SdCsv *csv,
                 guint        row,
                 int          column,
                 SdMonth     *out,
                 GPtrArray   *problems)
{
  guint line = sd_csv_get_row_line (csv, row);
  g_autofree char *text = trimmed (sd_csv_get_cell (csv, row, column));
  g_autoptr(GError) local_error = NULL;

  if (!sd_month_parse (text, out, &local_error))
    {
      g_autofree char *reason = reason_of (local_error);

      /* Translators: %s says what is wrong with the month */
      add_problem (problems, line, _("the month: %s"), reason);
      return FALSE;
    }
  return TRUE;
}

/* Rejects a second row for the same (name key, month). */
static gboolean
check_unique (GHashTable *seen,
              const char *manager,
              SdMonth     month,
              guint       line,
              GPtrArray  *problems)
{
  g_autofree char *name_key = sd_import_name_key (manager != NULL ? manager : "");
  char *key = g_strdup_printf ("%d\x1f%s", (int) month, name_key);
  gpointer first_line;

  if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
    {
      g_autofree char *month_text = sd_month_to_iso (month);

      if (manager != NULL && *manager != '\0')
        add_problem (problems, line,
                     /* Translators: a name, a month (2026-03), the line where they first
                      * appear */
                     _("«%s» in %s is already on line %u: each person and month must appear once"),
                     manager, month_text, GPOINTER_TO_UINT (first_line));
      else
        add_problem (problems, line,
                     /* Translators: a month (2026-03), the line where it first appears */
                     _("the department's target for %s is already on line %u"),
                     month_text, GPOINTER_TO_UINT (first_line));
      g_free (key);
      return FALSE;
    }

  g_hash_table_insert (seen, key, GUINT_TO_POINTER (line));
  return TRUE;
}

static gboolean
finish_rows (GPtrArray   *found,
             guint        n_bad,
             guint        n_rows,
             GPtrArray  **problems,
             GError     **error)
{
  if (n_bad == 0)
    return TRUE;

  g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_ROWS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u row of %u has problems. Correct the file and import it again.",
                            "%u rows of %u have problems. Correct the file and import it again.",
                            n_bad),
               n_bad, n_rows);
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  return FALSE;
}

GPtrArray *
sd_import_facts_csv (const SdCsv  *csv,
                     GPtrArray   **problems,
                     GError      **error)
{
  static const char * const names[8] = { "month", "manager", "revenue", "paid", "margin",
                                         "deals", "leads", "calls" };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) seen = NULL;
  int columns[8];
  guint n_rows, n_bad = 0;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (!find_columns (csv, names, G_N_ELEMENTS (names), G_N_ELEMENTS (names), FACTS_HEADER,
                     columns, error))
    return NULL;

  n_rows = sd_csv_get_n_rows (csv);
  if (n_rows == 0)
    {
      g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is the header row of facts.csv */
                   _("The file has a header but no figures: add one row per manager and month "
                     "under “%s”."), FACTS_HEADER);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_fact_row_free);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_problem_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint row = 0; row < n_rows; row++)
    {
      SdFactRow *fact_row = g_new0 (SdFactRow, 1);
      guint before = found->len;
      gboolean month_ok;

      fact_row->line = sd_csv_get_row_line (csv, row);
      fact_row->manager = trimmed (sd_csv_get_cell (csv, row, columns[1]));

      month_ok = read_month_cell (csv, row, columns[0], &fact_row->fact.month, found);
      if (*fact_row->manager == '\0')
        add_problem (found, fact_row->line, "%s", _("the name of the manager is empty"));
      read_money (csv, row, columns[2], "revenue", FALSE, &fact_row->fact.revenue, found);
      read_money (csv, row, columns[3], "paid", FALSE, &fact_row->fact.paid, found);
      read_money (csv, row, columns[4], "margin", TRUE, &fact_row->fact.margin, found);
      read_count (csv, row, columns[5], "deals", FALSE, &fact_row->fact.deals, NULL, found);
      read_count (csv, row, columns[6], "leads", FALSE, &fact_row->fact.leads, NULL, found);
      read_count (csv, row, columns[7], "calls", FALSE, &fact_row->fact.calls, NULL, found);

      if (month_ok && *fact_row->manager != '\0')
        check_unique (seen, fact_row->manager, fact_row->fact.month, fact_row->line, found);

      if (found->len == before)
        g_ptr_array_add (rows, fact_row);
      else
        {
          sd_fact_row_free (fact_row);
          n_bad++;
        }
    }

  if (!finish_rows (found, n_bad, n_rows, problems, error))
    return NULL;

  return g_steal_pointer (&rows);
}

GPtrArray *
sd_import_plan_csv (const SdCsv  *csv,
                    GPtrArray   **problems,
                    GError      **error)
{
  static const char * const names[5] = { "month", "manager", "revenue", "leads", "deals" };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) seen = NULL;
  int columns[5];
  guint n_rows, n_bad = 0;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  /* month, manager and revenue are required; leads and deals may be absent. */
  if (!find_columns (csv, names, G_N_ELEMENTS (names), 3, PLAN_HEADER, columns, error))
    return NULL;

  n_rows = sd_csv_get_n_rows (csv);
  if (n_rows == 0)
    {
      g_set_error (error, SD_IMPORT_ERROR, SD_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is the header row of plan.csv */
                   _("The file has a header but no figures: add one row per manager and month "
                     "under “%s”."), PLAN_HEADER);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_plan_row_free);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_problem_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint row = 0; row < n_rows; row++)
    {
      SdPlanRow *plan_row = g_new0 (SdPlanRow, 1);
      guint before = found->len;
      gboolean month_ok, has_leads = FALSE, has_deals = FALSE;
      g_autofree char *manager = trimmed (sd_csv_get_cell (csv, row, columns[1]));

      plan_row->line = sd_csv_get_row_line (csv, row);
      plan_row->manager = *manager != '\0' ? g_steal_pointer (&manager) : NULL;

      month_ok = read_month_cell (csv, row, columns[0], &plan_row->entry.month, found);
      read_money (csv, row, columns[2], "revenue", FALSE, &plan_row->entry.revenue, found);
      read_count (csv, row, columns[3], "leads", TRUE, &plan_row->entry.leads, &has_leads, found);
      read_count (csv, row, columns[4], "deals", TRUE, &plan_row->entry.deals, &has_deals, found);
      plan_row->has_funnel = has_leads || has_deals;

      if (month_ok)
        check_unique (seen, plan_row->manager, plan_row->entry.month, plan_row->line, found);

      if (found->len == before)
        g_ptr_array_add (rows, plan_row);
      else
        {
          sd_plan_row_free (plan_row);
          n_bad++;
        }
    }

  if (!finish_rows (found, n_bad, n_rows, problems, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* Looks a name up; adds a problem when it is not on the staff. */
static gboolean
resolve_name (GHashTable *ids,
              const char *manager,
              guint       line,
              gint64     *out,
              GPtrArray  *problems)
{
  g_autofree char *key = sd_import_name_key (manager);
  const gint64 *id = g_hash_table_lookup (ids, key);

  if (id == NULL)
    {
      add_problem (problems, line,
                   /* Translators: %s is a manager's name from the file */
                   _("«%s» is not on the staff: add the person (or import staff.csv) first"),
                   manager);
      return FALSE;
    }
  *out = *id;
  return TRUE;
}

GHashTable *
sd_import_staff_ids (GPtrArray *staff)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (staff != NULL, ids);

  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);

      g_hash_table_insert (ids, sd_import_name_key (member->name), &member->id);
    }
  return ids;
}

/* Where the name, the line and the id to fill are in one kind of row. */
typedef struct {
  gsize name_offset;    /* of a char*; NULL there means the department (id 0) */
  gsize line_offset;    /* of a guint */
  gsize id_offset;      /* of a gint64 */
} RowLayout;

static gboolean
resolve_rows (GPtrArray        *rows,
              GHashTable       *ids,
              const RowLayout  *layout,
              GPtrArray       **problems,
              GError          **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_problem_free);
  guint n_bad = 0;

  g_return_val_if_fail (rows != NULL && ids != NULL, FALSE);

  if (problems != NULL)
    *problems = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      guint8 *row = g_ptr_array_index (rows, i);
      const char *manager = *(char **) (row + layout->name_offset);
      guint line = *(guint *) (row + layout->line_offset);
      gint64 *id = (gint64 *) (row + layout->id_offset);

      if (manager == NULL)
        *id = 0;
      else if (!resolve_name (ids, manager, line, id, found))
        n_bad++;
    }

  return finish_rows (found, n_bad, rows->len, problems, error);
}

gboolean
sd_import_resolve_facts (GPtrArray   *rows,
                         GHashTable  *ids,
                         GPtrArray  **problems,
                         GError     **error)
{
  static const RowLayout layout = {
    G_STRUCT_OFFSET (SdFactRow, manager),
    G_STRUCT_OFFSET (SdFactRow, line),
    G_STRUCT_OFFSET (SdFactRow, fact) + G_STRUCT_OFFSET (SdFact, manager_id),
  };

  return resolve_rows (rows, ids, &layout, problems, error);
}

gboolean
sd_import_resolve_plan (GPtrArray   *rows,
                        GHashTable  *ids,
                        GPtrArray  **problems,
                        GError     **error)
{
  static const RowLayout layout = {
    G_STRUCT_OFFSET (SdPlanRow, manager),
    G_STRUCT_OFFSET (SdPlanRow, line),
    G_STRUCT_OFFSET (SdPlanRow, entry) + G_STRUCT_OFFSET (SdPlanEntry, manager_id),
  };

  return resolve_rows (rows, ids, &layout, problems, error);
}
