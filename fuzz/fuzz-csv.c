/* fuzz-csv.c — libFuzzer target for the CSV reader and the staff import built on it
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "sd-csv.h"
#include "sd-import.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A failed g_return_if_fail () is a bug the fuzzer should stop on. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCsv) csv = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) members = NULL;
  guint n_columns, n_rows, last_line = 0;

  csv = sd_csv_parse ((const char *) data, size, &error);
  if (csv == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SD_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (sd_csv_get_separator (csv) == ',' || sd_csv_get_separator (csv) == ';');

  n_columns = sd_csv_get_n_columns (csv);
  g_assert_cmpuint (n_columns, >=, 1);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = sd_csv_get_header (csv, c);
      g_autofree char *stripped = g_strstrip (g_strdup (header));

      g_assert_true (g_utf8_validate (header, -1, NULL));
      if (*stripped != '\0')
        {
          /* Finding a header by its own name finds it or an earlier one of the same name. */
          int found = sd_csv_find_column (csv, header);

          g_assert_cmpint (found, >=, 0);
          g_assert_cmpint (found, <=, (int) c);
        }
    }

  n_rows = sd_csv_get_n_rows (csv);
  for (guint r = 0; r < n_rows; r++)
    {
      guint length = sd_csv_get_row_length (csv, r);
      guint line = sd_csv_get_row_line (csv, r);

      /* Rows come in file order, each on a later line than the one before. */
      g_assert_cmpuint (line, >, last_line);
      last_line = line;

      for (guint c = 0; c <= length; c++)
        g_assert_true (g_utf8_validate (sd_csv_get_cell (csv, r, (int) c), -1, NULL));
      g_assert_cmpstr (sd_csv_get_cell (csv, r, (int) length), ==, "");
      g_assert_cmpstr (sd_csv_get_cell (csv, r, -1), ==, "");
    }

  members = sd_import_staff_csv (csv, &problems, &error);
  if (members != NULL)
    {
      g_assert_no_error (error);
      g_assert_null (problems);
      g_assert_cmpuint (members->len, ==, n_rows);
      for (guint i = 0; i < members->len; i++)
        g_assert_true (sd_staff_member_validate (g_ptr_array_index (members, i), NULL));
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SD_IMPORT_ERROR);
      if (error->code == SD_IMPORT_ERROR_ROWS)
        {
          g_autofree char *text = NULL;

          g_assert_nonnull (problems);
          g_assert_cmpuint (problems->len, >, 0);
          text = sd_import_format_problems (problems, 5);
          g_assert_true (g_utf8_validate (text, -1, NULL));
        }
      else
        g_assert_null (problems);
    }

  return 0;
}
