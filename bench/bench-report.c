/* bench-report.c — the yearly owner report of a big company, against the floor: a bare
 * libxlsxwriter program writing as many cells of each kind
 *
 *   bench-report COMPANY.salesdesk YEAR [RUNS]
 *
 * Prints, as medians over RUNS (default 15): reading and computing the report; writing the
 * workbook; the whole export; and the bare writer with the same numbers, strings and formulas.
 * Not a test: nothing here asserts a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include <json-glib/json-glib.h>

#include "sd-export.h"
#include "sd-owner-report.h"
#include "sd-report-xlsx.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* The floor: as many numbers, strings and formulas (with cached results) in as many sheets,
 * rows of 12 cells, nothing else. */
static void
bare_write (const char *path,
            guint       n_numbers,
            guint       n_strings,
            guint       n_formulas,
            guint       n_sheets)
{
  lxw_workbook *book = workbook_new (path);
  lxw_format *money = workbook_add_format (book);
  guint per_sheet = (n_numbers + n_strings + n_formulas) / n_sheets + 1;
  lxw_worksheet *sheet = NULL;
  guint written = 0;

  format_set_num_format (money, "#,##0\\ [$₽-419]");
  for (guint i = 0; i < n_numbers + n_strings + n_formulas; i++, written++)
    {
      lxw_row_t row;
      lxw_col_t col;

      if (written % per_sheet == 0)
        {
          char name[16];

          g_snprintf (name, sizeof name, "S%u", written / per_sheet + 1);
          sheet = workbook_add_worksheet (book, name);
        }
      row = (lxw_row_t) ((written % per_sheet) / 12);
      col = (lxw_col_t) ((written % per_sheet) % 12);
      if (i < n_numbers)
        worksheet_write_number (sheet, row, col, 1234567.89 + i, money);
      else if (i < n_numbers + n_strings)
        worksheet_write_string (sheet, row, col, "Иванов Пётр Сергеевич", NULL);
      else
        worksheet_write_formula_num (sheet, row, col, "=SUM(A1:A12)", money, 42.0);
    }
  workbook_close (book);
}

/* The very same cells as our workbook (values, strings, formulas with their cached results,
 * read back with openpyxl), written bare: no formats but one, no charts, no page setup. */
typedef struct {
  guint   sheet;
  guint   row;
  guint   col;
  char    type;     /* 'n', 's', 'f' */
  double  number;   /* a number, or a formula's cached number */
  char   *text;     /* a string, or a formula */
  gboolean cached_text;
} Cell;

static GArray *
load_cells (const char  *xlsx,
            GPtrArray  **sheets)
{
  g_autofree char *cmd = g_strdup_printf (
    "/usr/bin/python3 -c \"import openpyxl,sys,json\n"
    "wb=openpyxl.load_workbook(sys.argv[1]); cv=openpyxl.load_workbook(sys.argv[1], data_only=True)\n"
    "out={'sheets':wb.sheetnames,'cells':[]}\n"
    "for i,ws in enumerate(wb.worksheets):\n"
    " for row in ws.iter_rows():\n"
    "  for c in row:\n"
    "   if c.value is None: continue\n"
    "   v=cv[ws.title][c.coordinate].value\n"
    "   out['cells'].append([i,c.row-1,c.column-1,c.data_type,c.value if c.data_type!='n' else float(c.value),v])\n"
    "print(json.dumps(out))\" %s", xlsx);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *cells, *names;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Cell));

  if (!g_spawn_command_line_sync (cmd, &text, NULL, NULL, NULL) ||
      !json_parser_load_from_data (parser, text, -1, NULL))
    return out;
  root = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_array_member (root, "sheets");
  *sheets = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (names); i++)
    g_ptr_array_add (*sheets, g_strdup (json_array_get_string_element (names, i)));
  cells = json_object_get_array_member (root, "cells");
  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonArray *c = json_array_get_array_element (cells, i);
      const char *type = json_array_get_string_element (c, 3);
      JsonNode *value = json_array_get_element (c, 4);
      JsonNode *cached = json_array_get_element (c, 5);
      Cell cell = { 0 };

      cell.sheet = (guint) json_array_get_int_element (c, 0);
      cell.row = (guint) json_array_get_int_element (c, 1);
      cell.col = (guint) json_array_get_int_element (c, 2);
      cell.type = type[0] == 'f' ? 'f' : type[0] == 'n' ? 'n' : 's';
      if (cell.type == 'n')
        cell.number = json_node_get_double (value);
      else
        cell.text = g_strdup (json_node_get_string (value));
      if (cell.type == 'f')
        {
          if (JSON_NODE_HOLDS_VALUE (cached) && json_node_get_value_type (cached) != G_TYPE_STRING)
            cell.number = json_node_get_double (cached);
          else
            cell.cached_text = TRUE;
        }
      g_array_append_val (out, cell);
    }
  return out;
}

static void
bare_write_same (const char      *path,
                 const GArray    *cells,
                 const GPtrArray *names)
{
  lxw_workbook *book = workbook_new (path);
  lxw_format *number = workbook_add_format (book);
  g_autofree lxw_worksheet **sheets = g_new0 (lxw_worksheet *, names->len);

  format_set_num_format (number, "#,##0");
  for (guint i = 0; i < names->len; i++)
    sheets[i] = workbook_add_worksheet (book, g_ptr_array_index (names, i));
  for (guint i = 0; i < cells->len; i++)
    {
      const Cell *c = &g_array_index (cells, Cell, i);
      lxw_worksheet *sheet = sheets[c->sheet];

      if (c->type == 'n')
        worksheet_write_number (sheet, c->row, (lxw_col_t) c->col, c->number, number);
      else if (c->type == 's')
        worksheet_write_string (sheet, c->row, (lxw_col_t) c->col, c->text, NULL);
      else if (c->cached_text)
        worksheet_write_formula_str (sheet, c->row, (lxw_col_t) c->col, c->text, number, "");
      else
        worksheet_write_formula_num (sheet, c->row, (lxw_col_t) c->col, c->text, number,
                                     c->number);
    }
  workbook_close (book);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bare = NULL;
  g_autofree double *t_build = NULL, *t_write = NULL, *t_export = NULL, *t_bare = NULL;
  g_autofree double *t_same = NULL;
  SdPeriod period;
  GDate today;
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 15;
  guint n_numbers = 0, n_strings = 0, n_formulas = 0;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s COMPANY.salesdesk YEAR [RUNS]\n", argv[0]);
      return 2;
    }
  store = sd_store_open (argv[1], SD_STORE_OPEN_NO_UNDO | SD_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL || !sd_period_parse (argv[2], &period, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  dir = g_dir_make_tmp ("bench-report-XXXXXX", NULL);
  out = g_build_filename (dir, "report.xlsx", NULL);
  bare = g_build_filename (dir, "bare.xlsx", NULL);
  t_build = g_new0 (double, runs);
  t_write = g_new0 (double, runs);
  t_export = g_new0 (double, runs);
  t_bare = g_new0 (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(SdOwnerReport) report = NULL;
      gint64 t0 = g_get_monotonic_time ();

      report = sd_owner_report_build (store, sd_calendar_get_default (), &period, &today, NULL,
                                      &error);
      g_assert_no_error (error);
      t_build[r] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      g_assert_true (sd_report_xlsx_write (report, out, NULL, NULL, NULL, &error));
      t_write[r] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      g_assert_true (sd_export_owner_report (store, sd_calendar_get_default (), &period, &today,
                                             out, NULL, NULL, NULL, &error));
      t_export[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  /* Count what the workbook holds, as the bare writer must write the same. */
  {
    g_autofree char *argv_py = g_strdup_printf (
      "/usr/bin/python3 -c \"import openpyxl,sys\n"
      "n=s=f=0\nwb=openpyxl.load_workbook(sys.argv[1])\n"
      "for ws in wb.worksheets:\n"
      " for row in ws.iter_rows():\n"
      "  for c in row:\n"
      "   if c.value is None: continue\n"
      "   if c.data_type=='f': f+=1\n"
      "   elif c.data_type=='n': n+=1\n"
      "   else: s+=1\n"
      "print(n,s,f)\" %s", out);
    g_autofree char *counts = NULL;

    if (!g_spawn_command_line_sync (argv_py, &counts, NULL, NULL, &error) ||
        sscanf (counts, "%u %u %u", &n_numbers, &n_strings, &n_formulas) != 3)
      {
        fprintf (stderr, "cannot count the cells (python3-openpyxl?)\n");
        return 1;
      }
  }
  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();

      bare_write (bare, n_numbers, n_strings, n_formulas, 6);
      t_bare[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  {
    g_autoptr(GPtrArray) names = NULL;
    g_autoptr(GArray) cells = load_cells (out, &names);

    t_same = g_new0 (double, runs);
    for (guint r = 0; r < runs && names != NULL; r++)
      {
        gint64 t0 = g_get_monotonic_time ();

        bare_write_same (bare, cells, names);
        t_same[r] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    for (guint i = 0; i < cells->len; i++)
      g_free (g_array_index (cells, Cell, i).text);
  }

  printf ("cells: %u numbers, %u strings, %u formulas in 6 sheets\n", n_numbers, n_strings,
          n_formulas);
  printf ("report built (read + computed, payroll of each month): %8.2f ms\n",
          median (t_build, runs));
  printf ("workbook written:                                      %8.2f ms\n",
          median (t_write, runs));
  printf ("whole export (build + write + rename):                 %8.2f ms\n",
          median (t_export, runs));
  printf ("bare libxlsxwriter, same cells:                        %8.2f ms\n",
          median (t_bare, runs));
  printf ("bare libxlsxwriter, the very same cells (no formats, charts or setup): %.2f ms\n",
          median (t_same, runs));
  printf ("workbook written ÷ the very same cells bare: %.2f×\n",
          median (t_write, runs) / median (t_same, runs));
  printf ("workbook written ÷ bare: %.2f×; whole export ÷ bare: %.2f×\n",
          median (t_write, runs) / median (t_bare, runs),
          median (t_export, runs) / median (t_bare, runs));
  printf ("(python3-xlsxwriter, same cells: bench/bare-xlsx.py %u %u %u)\n", n_numbers, n_strings,
          n_formulas);

  g_unlink (out);
  g_unlink (bare);
  g_rmdir (dir);
  return 0;
}
