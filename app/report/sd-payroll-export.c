/* sd-payroll-export.c — the month's payroll as payroll.csv or a workbook
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-payroll-export"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "sd-export.h"
#include "sd-payroll-export.h"
#include "sd-xlsx.h"

#define N_MONEY_COLUMNS 6

static gboolean
write_csv (const SdPayroll  *payroll,
           const char       *path,
           GError          **error)
{
  g_autofree char *csv = sd_payroll_to_csv (payroll);
  g_autoptr(GError) local_error = NULL;

  /* g_file_set_contents writes a temporary file beside `path` and renames it. */
  if (!g_file_set_contents (path, csv, -1, &local_error))
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                   _("The payroll could not be saved: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
unique_sheet_name (GHashTable *used,
                   const char *name)
{
  g_autofree char *base = sd_xlsx_sheet_name (name);
  char *candidate = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (used, candidate); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      glong keep = 31 - (glong) strlen (suffix);
      g_autofree char *cut = NULL;

      if (g_utf8_strlen (base, -1) < keep)
        keep = g_utf8_strlen (base, -1);
      cut = g_utf8_substring (base, 0, keep);
      g_free (candidate);
      candidate = g_strconcat (cut, suffix, NULL);
    }
  g_hash_table_add (used, g_utf8_casefold (candidate, -1));
  return candidate;
}

static lxw_error
write_summary (lxw_workbook     *book,
               const SdPayroll  *payroll,
               lxw_format       *bold,
               lxw_format       *money,
               lxw_format       *money_bold)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, _("Payroll"));
  const char *headers[] = {
    N_("Manager"), N_("Scheme"), N_("Worked days"), N_("Working days"), N_("Salary"),
    N_("Commission"), N_("KPI bonus"), N_("Over plan"), N_("Cap adjustment"), N_("Total"),
  };
  guint n = payroll->slips->len;
  const SdMoney totals[N_MONEY_COLUMNS] = {
    payroll->salary, payroll->commission, payroll->kpi, payroll->overplan,
    payroll->cap_adjustment, payroll->total,
  };
  lxw_error rc = LXW_NO_ERROR;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_set_column (sheet, 0, 0, 32, NULL);
  worksheet_set_column (sheet, 1, 1, 28, NULL);
  worksheet_set_column (sheet, 2, 3, 12, NULL);
  worksheet_set_column (sheet, 4, 9, 16, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    rc |= sd_xlsx_write_text (sheet, 0, (lxw_col_t) c, _(headers[c]), bold);
  worksheet_freeze_panes (sheet, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      const SdPayslip *slip = g_ptr_array_index (payroll->slips, i);
      const SdMoney amounts[N_MONEY_COLUMNS] = {
        slip->salary, slip->commission, slip->kpi, slip->overplan, slip->cap_adjustment,
        slip->total,
      };
      lxw_row_t row = (lxw_row_t) (i + 1);

      rc |= sd_xlsx_write_text (sheet, row, 0, slip->manager, NULL);
      rc |= sd_xlsx_write_text (sheet, row, 1, slip->scheme_name != NULL ? slip->scheme_name : "",
                                NULL);
      rc |= worksheet_write_number (sheet, row, 2, slip->worked_days, NULL);
      rc |= worksheet_write_number (sheet, row, 3, slip->working_days, NULL);
      for (guint c = 0; c < N_MONEY_COLUMNS; c++)
        rc |= sd_xlsx_write_money (sheet, row, (lxw_col_t) (4 + c), amounts[c], money);
    }
  /* TOTAL, as in payroll.csv; SUM formulas with the app's values cached. */
  rc |= sd_xlsx_write_text (sheet, (lxw_row_t) (n + 1), 0, "TOTAL", bold);
  for (guint c = 0; c < N_MONEY_COLUMNS; c++)
    {
      char col = (char) ('E' + c);
      g_autofree char *formula = n > 0 ? g_strdup_printf ("=SUM(%c2:%c%u)", col, col, n + 1)
                                       : g_strdup ("=0");

      rc |= worksheet_write_formula_num (sheet, (lxw_row_t) (n + 1), (lxw_col_t) (4 + c),
                                         formula, money_bold, (double) totals[c] / 100.0);
    }
  worksheet_autofilter (sheet, 0, 0, (lxw_row_t) MAX (n, 1), 9);
  return rc;
}

static lxw_error
write_slip_sheet (lxw_workbook     *book,
                  const SdPayslip  *slip,
                  const char       *sheet_name,
                  lxw_format       *bold,
                  lxw_format       *money,
                  lxw_format       *money_bold)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, sheet_name);
  const char *labels[] = {
    N_("Salary"), N_("Commission"), N_("KPI bonus"), N_("Over plan"), N_("Cap adjustment"),
  };
  const SdMoney amounts[] = {
    slip->salary, slip->commission, slip->kpi, slip->overplan, slip->cap_adjustment,
  };
  lxw_row_t row = 0;
  lxw_error rc = LXW_NO_ERROR;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_set_column (sheet, 0, 0, 24, NULL);
  worksheet_set_column (sheet, 1, 1, 100, NULL);
  rc |= sd_xlsx_write_text (sheet, row, 0, slip->manager, bold);
  rc |= sd_xlsx_write_text (sheet, row++, 1, slip->scheme_name != NULL ? slip->scheme_name
                                                                          : _("No scheme"), NULL);
  row++;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++, row++)
    {
      rc |= sd_xlsx_write_text (sheet, row, 0, _(labels[i]), NULL);
      rc |= sd_xlsx_write_money (sheet, row, 1, amounts[i], money);
    }
  rc |= sd_xlsx_write_text (sheet, row, 0, _("Total"), bold);
  rc |= worksheet_write_formula_num (sheet, row, 1, "=SUM(B3:B7)", money_bold,
                                     (double) slip->total / 100.0);
  row += 2;
  rc |= sd_xlsx_write_text (sheet, row++, 0, _("How it was calculated"), bold);
  for (guint i = 0; slip->notes != NULL && i < slip->notes->len; i++)
    {
      const SdPayrollNote *note = g_ptr_array_index (slip->notes, i);

      rc |= sd_xlsx_write_text (sheet, row++, 1, note->text, NULL);
    }
  return rc;
}

static gboolean
write_xlsx (const SdPayroll   *payroll,
            const char        *path,
            SdExportProgress   progress,
            gpointer           progress_data,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autofree char *temp = sd_xlsx_temp_path_for (path, error);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SdXlsxLocale guard;
  lxw_workbook *book;
  lxw_format *bold, *money, *money_bold;
  lxw_error rc;
  g_autofree char *summary_key = NULL;

  if (temp == NULL)
    return FALSE;
  sd_xlsx_locale_push (&guard);
  book = workbook_new (temp);
  if (book == NULL)
    {
      sd_xlsx_locale_pop (&guard);
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                   _("The payroll could not be saved in «%s». Choose a folder you can write "
                     "to."), path);
      return FALSE;
    }
  bold = workbook_add_format (book);
  format_set_bold (bold);
  money = workbook_add_format (book);
  format_set_num_format (money, SD_XLSX_RUBLE_FORMAT);
  money_bold = workbook_add_format (book);
  format_set_num_format (money_bold, SD_XLSX_RUBLE_FORMAT);
  format_set_bold (money_bold);

  summary_key = g_utf8_casefold (_("Payroll"), -1);
  g_hash_table_add (used, g_steal_pointer (&summary_key));
  rc = write_summary (book, payroll, bold, money, money_bold);
  for (guint i = 0; rc == LXW_NO_ERROR && i < payroll->slips->len; i++)
    {
      const SdPayslip *slip = g_ptr_array_index (payroll->slips, i);
      g_autofree char *name = unique_sheet_name (used, slip->manager);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      /* The sheets are most of the work; writing the file at close is the rest. */
      if (progress != NULL && i % 16 == 0)
        progress (0.8 * i / payroll->slips->len, progress_data);
      rc = write_slip_sheet (book, slip, name, bold, money, money_bold);
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      workbook_close (book);
      sd_xlsx_locale_pop (&guard);
      g_unlink (temp);
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED,
                           _("The export was cancelled."));
      return FALSE;
    }
  if (progress != NULL)
    progress (0.8, progress_data);
  if (rc == LXW_NO_ERROR)
    rc = workbook_close (book);
  else
    workbook_close (book);
  sd_xlsx_locale_pop (&guard);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (temp);
      sd_xlsx_set_error (error, rc, path);
      return FALSE;
    }
  if (!sd_xlsx_commit_file (temp, path, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_export_payroll (SdStore           *store,
                   const SdCalendar  *calendar,
                   SdMonth            month,
                   const char        *path,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(SdPayroll) payroll = NULL;
  g_autofree char *lower = NULL;
  gboolean csv;

  g_return_val_if_fail (SD_IS_STORE (store), FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  csv = g_str_has_suffix (lower, ".csv");
  if (!csv && !g_str_has_suffix (lower, ".xlsx"))
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT,
                   _("«%s»: the payroll can be saved as .csv or .xlsx. End the file name with "
                     "one of them."), path);
      return FALSE;
    }
  payroll = sd_store_compute_payroll (store, month, calendar, sd_number_style_current (), error);
  if (payroll == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (csv)
    return write_csv (payroll, path, error);
  return write_xlsx (payroll, path, NULL, NULL, cancellable, error);
}

gboolean
sd_export_payroll_data (const SdPayroll   *payroll,
                        const char        *path,
                        SdExportProgress   progress,
                        gpointer           progress_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autofree char *lower = NULL;
  gboolean ok;

  g_return_val_if_fail (payroll != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED,
                               _("The export was cancelled."));
          return FALSE;
        }
      ok = write_csv (payroll, path, error);
    }
  else if (g_str_has_suffix (lower, ".xlsx"))
    ok = write_xlsx (payroll, path, progress, progress_data, cancellable, error);
  else
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT,
                   _("«%s»: the payroll can be saved as .csv or .xlsx. End the file name with "
                     "one of them."), path);
      return FALSE;
    }
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}
