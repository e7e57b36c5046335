/* sd-plan-export.c — the decomposed plan of a year as plan.csv or as a workbook
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-plan-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-csv.h"
#include "sd-export.h"
#include "sd-import.h"
#include "sd-xlsx.h"

/* One line of the plan as written: the department first in each month, then managers by
 * name (compared without case, the same in every locale). */
typedef struct {
  SdPlanEntry entry;
  char       *name;      /* NULL for the department */
  char       *sort_key;
} PlanLine;

static void
plan_line_clear (gpointer data)
{
  PlanLine *line = data;

  g_free (line->name);
  g_free (line->sort_key);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const PlanLine *x = a, *y = b;

  if (x->entry.month != y->entry.month)
    return x->entry.month < y->entry.month ? -1 : 1;
  if ((x->name == NULL) != (y->name == NULL))
    return x->name == NULL ? -1 : 1;
  if (x->name == NULL)
    return 0;
  {
    int by_key = strcmp (x->sort_key, y->sort_key);

    return by_key != 0 ? by_key : strcmp (x->name, y->name);
  }
}

static GArray *
collect_lines (SdStore  *store,
               int       year,
               GError  **error)
{
  g_autoptr(SdPlanVersion) version = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GArray) lines = NULL;

  version = sd_store_get_current_plan_version (store, year, error);
  if (version == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_NO_DATA,
                     _("There is no plan for %d in this company file. Create one or import "
                       "plan.csv first."), year);
      return NULL;
    }

  entries = sd_store_list_plan_version_entries (store, version->id, error);
  if (entries == NULL)
    return NULL;
  staff = sd_store_list_staff (store, TRUE, error);
  if (staff == NULL)
    return NULL;

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);

      g_hash_table_insert (names, &member->id, member->name);
    }

  lines = g_array_sized_new (FALSE, TRUE, sizeof (PlanLine), entries->len);
  g_array_set_clear_func (lines, plan_line_clear);
  for (guint i = 0; i < entries->len; i++)
    {
      const SdPlanEntry *entry = &g_array_index (entries, SdPlanEntry, i);
      PlanLine line = { *entry, NULL, NULL };

      if (entry->manager_id != 0)
        {
          const char *name = g_hash_table_lookup (names, &entry->manager_id);

          if (name == NULL)
            continue;   /* sd_store_check reports such rows */
          line.name = g_strdup (name);
          line.sort_key = sd_import_name_key (name);
        }
      g_array_append_val (lines, line);
    }
  g_array_sort (lines, compare_lines);

  return g_steal_pointer (&lines);
}

static gboolean
write_csv (GArray      *lines,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) out = g_string_new ("month,manager,revenue,leads,deals\n");
  g_autofree char *temp = NULL;
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const PlanLine *line = &g_array_index (lines, PlanLine, i);
      g_autofree char *month = sd_month_to_iso (line->entry.month);
      g_autofree char *revenue = sd_money_to_plain (line->entry.revenue);

      g_string_append_printf (out, "%s,", month);
      sd_csv_append_field (out, line->name != NULL ? line->name : "");
      g_string_append_printf (out, ",%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "\n",
                              revenue, line->entry.leads, line->entry.deals);
    }

  temp = sd_xlsx_temp_path_for (path, error);
  if (temp == NULL)
    return FALSE;
  if (!g_file_set_contents_full (temp, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_unlink (temp);
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                   _("Could not write «%s»: %s The earlier file, if any, was not changed."),
                   display, local_error->message);
      return FALSE;
    }
  return sd_xlsx_commit_file (temp, path, error);
}

static gboolean
write_xlsx (GArray      *lines,
            SdStore     *store,
            int          year,
            const char  *path,
            GError     **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sheet_name = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_doc_properties properties = { 0, };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header, *money, *department, *department_money;
  SdXlsxLocale locale_guard;
  lxw_error code;
  const char *headers[5];

  temp = sd_xlsx_temp_path_for (path, error);
  if (temp == NULL)
    return FALSE;

  sd_xlsx_locale_push (&locale_guard);

  workbook = workbook_new_opt (temp, &options);
  if (workbook == NULL)
    {
      sd_xlsx_locale_pop (&locale_guard);
      g_unlink (temp);
      sd_xlsx_set_error (error, LXW_ERROR_CREATING_XLSX_FILE, path);
      return FALSE;
    }

  /* Translators: the sheet and document title of an exported plan, "Plan 2026". */
  title = g_strdup_printf (_("Plan %d"), year);
  sheet_name = sd_xlsx_sheet_name (title);
  properties.title = title;
  properties.company = (char *) sd_store_get_company_name (store);
  properties.author = (char *) "Salesdesk";
  workbook_set_properties (workbook, &properties);

  sheet = workbook_add_worksheet (workbook, sheet_name);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  money = workbook_add_format (workbook);
  format_set_num_format (money, SD_XLSX_RUBLE_FORMAT);
  department = workbook_add_format (workbook);
  format_set_bold (department);
  department_money = workbook_add_format (workbook);
  format_set_bold (department_money);
  format_set_num_format (department_money, SD_XLSX_RUBLE_FORMAT);

  /* The columns of plan.csv, so the sheet reads like the file it can be saved as. */
  headers[0] = "month";
  headers[1] = "manager";
  headers[2] = "revenue";
  headers[3] = "leads";
  headers[4] = "deals";
  for (lxw_col_t c = 0; c < 5; c++)
    sd_xlsx_write_text (sheet, 0, c, headers[c], header);

  for (guint i = 0; i < lines->len; i++)
    {
      const PlanLine *line = &g_array_index (lines, PlanLine, i);
      g_autofree char *month = sd_month_to_iso (line->entry.month);
      lxw_row_t row = (lxw_row_t) i + 1;
      gboolean is_department = line->name == NULL;

      sd_xlsx_write_text (sheet, row, 0, month, is_department ? department : NULL);
      sd_xlsx_write_text (sheet, row, 1, line->name != NULL ? line->name : "",
                          is_department ? department : NULL);
      sd_xlsx_write_money (sheet, row, 2, line->entry.revenue,
                           is_department ? department_money : money);
      worksheet_write_number (sheet, row, 3, (double) line->entry.leads,
                              is_department ? department : NULL);
      worksheet_write_number (sheet, row, 4, (double) line->entry.deals,
                              is_department ? department : NULL);
    }

  worksheet_set_column (sheet, 0, 0, 10, NULL);
  worksheet_set_column (sheet, 1, 1, 32, NULL);
  worksheet_set_column (sheet, 2, 2, 20, NULL);
  worksheet_set_column (sheet, 3, 4, 10, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, (lxw_row_t) lines->len, 4);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);

  code = workbook_close (workbook);
  sd_xlsx_locale_pop (&locale_guard);

  if (code != LXW_NO_ERROR)
    {
      g_unlink (temp);
      sd_xlsx_set_error (error, code, path);
      return FALSE;
    }
  return sd_xlsx_commit_file (temp, path, error);
}

gboolean
sd_export_plan (SdStore           *store,
                const SdCalendar  *calendar,
                int                year,
                const char        *path,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GArray) lines = NULL;
  SdExportFormat format;

  g_return_val_if_fail (SD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sd_export_format_for_path (path, (1 << SD_EXPORT_FORMAT_CSV) | (1 << SD_EXPORT_FORMAT_XLSX),
                                  &format, error))
    return FALSE;

  lines = collect_lines (store, year, error);
  if (lines == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (format == SD_EXPORT_FORMAT_CSV)
    return write_csv (lines, path, error);
  return write_xlsx (lines, store, year, path, error);
}
