/* test-csv.c — reading CSV files as Excel and 1C write them
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-csv.h"

static SdCsv *
parse_ok (const char *data,
          gsize       length)
{
  g_autoptr(GError) error = NULL;
  SdCsv *csv = sd_csv_parse (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

/* Checks the header and every row against a table of expected cells. */
static void
assert_table (const SdCsv        *csv,
              const char * const *header,
              guint               n_columns,
              const char * const *cells,
              guint               n_rows)
{
  g_assert_cmpuint (sd_csv_get_n_columns (csv), ==, n_columns);
  for (guint c = 0; c < n_columns; c++)
    g_assert_cmpstr (sd_csv_get_header (csv, c), ==, header[c]);

  g_assert_cmpuint (sd_csv_get_n_rows (csv), ==, n_rows);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      g_assert_cmpstr (sd_csv_get_cell (csv, r, (int) c), ==, cells[r * n_columns + c]);
}

static void
test_comma_separated (void)
{
  static const char data[] = "manager,role,hired\nАнна,manager,2026-03-15\nБорис,head,2025-01-10\n";
  static const char * const header[] = { "manager", "role", "hired" };
  static const char * const cells[] = {
    "Анна", "manager", "2026-03-15",
    "Борис", "head", "2025-01-10",
  };
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpint (sd_csv_get_separator (csv), ==, ',');
  g_assert_cmpstr (sd_csv_get_encoding (csv), ==, "UTF-8");
  assert_table (csv, header, 3, cells, 2);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 0), ==, 2);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 1), ==, 3);
  g_assert_cmpuint (sd_csv_get_row_length (csv, 0), ==, 3);
}

static void
test_semicolon_separated (void)
{
  /* Excel in a Russian locale: ";" between cells, "," inside numbers. */
  static const char data[] = "month;manager;revenue\n2026-03;Анна;1 500,50\n2026-04;Борис;2,5\n";
  static const char * const header[] = { "month", "manager", "revenue" };
  static const char * const cells[] = {
    "2026-03", "Анна", "1 500,50",
    "2026-04", "Борис", "2,5",
  };
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpint (sd_csv_get_separator (csv), ==, ';');
  assert_table (csv, header, 3, cells, 2);
}

static void
test_separator_by_count (void)
{
  static const struct {
    const char *data;
    char        separator;
  } cases[] = {
    { "a;b,c;d\n", ';' },
    { "a,b;c,d\n", ',' },
    { "a;b\n", ';' },
    { "a\n", ',' },
    { "a,b;c\n", ',' },                  /* a tie: comma */
    { "\"x;y;z\",b\n", ',' },            /* separators inside quotes do not count */
    { "\n\n;;;\nname;role\n", ';' },     /* the first row with content decides */
    { ";;\na,b\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdCsv) csv = parse_ok (cases[i].data, strlen (cases[i].data));

      g_assert_cmpint (sd_csv_get_separator (csv), ==, cases[i].separator);
      /* The row that decided the separator is the header. */
      g_assert_cmpuint (sd_csv_get_n_columns (csv), >=, 1);
      g_assert_cmpstr (sd_csv_get_header (csv, 0), !=, "");
    }
}

static void
test_crlf_and_blank_rows (void)
{
  static const char data[] =
    "\r\n"
    "  \r\n"
    "name , role \r\n"
    "\r\n"
    " Анна ,\tmanager\t\r\n"
    ",\r\n"
    " , \r\n"
    "Борис,head";          /* no line end at the end of the file */
  static const char * const header[] = { "name", "role" };
  static const char * const cells[] = { "Анна", "manager", "Борис", "head" };
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  assert_table (csv, header, 2, cells, 2);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 0), ==, 5);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 1), ==, 8);
}

static void
test_bom (void)
{
  static const char data[] = "\xef\xbb\xbfmanager;role\nАнна;head\n";
  static const char * const header[] = { "manager", "role" };
  static const char * const cells[] = { "Анна", "head" };
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpstr (sd_csv_get_encoding (csv), ==, "UTF-8");
  assert_table (csv, header, 2, cells, 1);
  g_assert_cmpint (sd_csv_find_column (csv, "manager"), ==, 0);
}

static void
test_bom_in_quoted_header (void)
{
  static const char data[] = "\"\xef\xbb\xbfmanager\",role\nАнна,head\n";
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpstr (sd_csv_get_header (csv, 0), ==, "manager");
  g_assert_cmpint (sd_csv_find_column (csv, "manager"), ==, 0);
}

static void
test_windows_1251 (void)
{
  /* "имя;роль\nАнна;руководитель\n" in Windows-1251. */
  static const char data[] =
    "\xe8\xec\xff;\xf0\xee\xeb\xfc\r\n"
    "\xc0\xed\xed\xe0;\xf0\xf3\xea\xee\xe2\xee\xe4\xe8\xf2\xe5\xeb\xfc\r\n";
  static const char * const header[] = { "имя", "роль" };
  static const char * const cells[] = { "Анна", "руководитель" };
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpstr (sd_csv_get_encoding (csv), ==, "WINDOWS-1251");
  g_assert_cmpint (sd_csv_get_separator (csv), ==, ';');
  assert_table (csv, header, 2, cells, 1);
  g_assert_cmpint (sd_csv_find_column (csv, "ИМЯ"), ==, 0);
}

static void
test_quoted_cells (void)
{
  static const char data[] =
    "name,comment,amount\n"
    "\"Петров, Иван\",\"He said \"\"hi\"\"\",\"1,5\"\n"
    "\"Анна\",\"line one\nline two\",  \"  spaced  \"  \n"
    "\"\",\"\"\"\",plain\n"
    "ООО \"Ромашка\",x,y\n"
    "\"a\r\nb\",,\n";
  static const char * const header[] = { "name", "comment", "amount" };
  static const char * const cells[] = {
    "Петров, Иван", "He said \"hi\"", "1,5",
    "Анна", "line one\nline two", "  spaced  ",
    "", "\"", "plain",
    "ООО \"Ромашка\"", "x", "y",
    "a\nb", "", "",
  };
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  assert_table (csv, header, 3, cells, 5);
  /* A row starts on its first line; a newline inside quotes moves the rest down. */
  g_assert_cmpuint (sd_csv_get_row_line (csv, 0), ==, 2);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 1), ==, 3);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 2), ==, 5);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 3), ==, 6);
  g_assert_cmpuint (sd_csv_get_row_line (csv, 4), ==, 7);
}

static void
test_ragged_rows (void)
{
  static const char data[] = "a,b,c\n1\n1,2,3,4\n";
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpuint (sd_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpuint (sd_csv_get_row_length (csv, 0), ==, 1);
  g_assert_cmpstr (sd_csv_get_cell (csv, 0, 0), ==, "1");
  g_assert_cmpstr (sd_csv_get_cell (csv, 0, 2), ==, "");    /* shorter row */
  g_assert_cmpstr (sd_csv_get_cell (csv, 0, -1), ==, "");   /* a column not found */
  g_assert_cmpuint (sd_csv_get_row_length (csv, 1), ==, 4);
  g_assert_cmpstr (sd_csv_get_cell (csv, 1, 3), ==, "4");
}

static void
test_find_column (void)
{
  static const char data[] = " Manager ,ROLE,hired\nx,y,z\n";
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpint (sd_csv_find_column (csv, "manager"), ==, 0);
  g_assert_cmpint (sd_csv_find_column (csv, " MANAGER "), ==, 0);
  g_assert_cmpint (sd_csv_find_column (csv, "role"), ==, 1);
  g_assert_cmpint (sd_csv_find_column (csv, "Hired"), ==, 2);
  g_assert_cmpint (sd_csv_find_column (csv, "left"), ==, -1);
  g_assert_cmpint (sd_csv_find_column (csv, ""), ==, -1);
}

static void
test_header_only (void)
{
  static const char data[] = "manager,role\n\n";
  g_autoptr(SdCsv) csv = parse_ok (data, strlen (data));

  g_assert_cmpuint (sd_csv_get_n_columns (csv), ==, 2);
  g_assert_cmpuint (sd_csv_get_n_rows (csv), ==, 0);
}

typedef struct {
  const char *data;
  gsize       length;     /* 0: strlen */
  SdCsvError  code;
  guint       line;       /* named in the message; 0: no line */
} BadCase;

static void
test_malformed (void)
{
  static const BadCase cases[] = {
    { "", 0, SD_CSV_ERROR_EMPTY, 0 },
    { "\n\r\n  \n", 0, SD_CSV_ERROR_EMPTY, 0 },
    { ",,,\n;;\n", 0, SD_CSV_ERROR_EMPTY, 0 },
    { "\xef\xbb\xbf", 0, SD_CSV_ERROR_EMPTY, 0 },
    { "a,b\nx,\"unterminated\n", 0, SD_CSV_ERROR_SYNTAX, 2 },
    { "a,b\n\n\nx,\"open\nand more\nlines", 0, SD_CSV_ERROR_SYNTAX, 4 },
    { "a,b\nx,\"quoted\"stray\n", 0, SD_CSV_ERROR_SYNTAX, 2 },
    { "a,b\n\"multi\nline\" x,y\n", 0, SD_CSV_ERROR_SYNTAX, 3 },
    { "a,b\nx,y\nz\0w,v\n", 14, SD_CSV_ERROR_SYNTAX, 3 },
    { "\0", 1, SD_CSV_ERROR_SYNTAX, 1 },
    { "a;b\n\x98\x98;x\n", 0, SD_CSV_ERROR_ENCODING, 0 },   /* 0x98 is unassigned in 1251 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdCsv) csv = NULL;
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].data);

      g_test_message ("case %u", i);
      csv = sd_csv_parse (cases[i].data, length, &error);
      g_assert_null (csv);
      g_assert_error (error, SD_CSV_ERROR, (int) cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].line != 0)
        {
          g_autofree char *needle = g_strdup_printf ("Line %u", cases[i].line);

          g_assert_nonnull (strstr (error->message, needle));
        }
    }
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCsv) csv = NULL;
  gsize big = (gsize) 64 * 1024 * 1024 + 1;
  g_autofree char *data = g_malloc (big);

  memset (data, 'a', big);
  csv = sd_csv_parse (data, big, &error);
  g_assert_null (csv);
  g_assert_error (error, SD_CSV_ERROR, SD_CSV_ERROR_TOO_LARGE);
}

static void
test_too_many_rows (void)
{
  g_autoptr(GString) data = g_string_new ("a\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCsv) csv = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (data, "1\n");

  /* Exactly the limit is fine. */
  csv = parse_ok (data->str, data->len);
  g_assert_cmpuint (sd_csv_get_n_rows (csv), ==, 1000000);
  g_clear_pointer (&csv, sd_csv_free);

  g_string_append (data, "1\n");
  csv = sd_csv_parse (data->str, data->len, &error);
  g_assert_null (csv);
  g_assert_error (error, SD_CSV_ERROR, SD_CSV_ERROR_TOO_LARGE);
}

static void
test_too_many_columns (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCsv) csv = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (data, "x;");
  csv = sd_csv_parse (data->str, data->len, &error);
  g_assert_null (csv);
  g_assert_error (error, SD_CSV_ERROR, SD_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Line 1"));
}

/* What we write reads back as the same cell, with either separator. */
static void
test_append_field (void)
{
  static const struct {
    const char *text;
    const char *written;
  } cases[] = {
    { "Иванов Иван", "Иванов Иван" },
    { "", "" },
    { "Петров, Пётр", "\"Петров, Пётр\"" },
    { "ООО \"Вектор\"", "\"ООО \"\"Вектор\"\"\"" },
    { "a;b", "\"a;b\"" },
    { "two\nlines", "\"two\nlines\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) file = g_string_new ("name\n");
      g_autoptr(SdCsv) csv = NULL;
      g_autoptr(GError) error = NULL;

      sd_csv_append_field (out, cases[i].text);
      g_assert_cmpstr (out->str, ==, cases[i].written);

      g_string_append_printf (file, "%s\n", out->str);
      csv = sd_csv_parse (file->str, file->len, &error);
      g_assert_no_error (error);
      if (*cases[i].text != '\0')
        g_assert_cmpstr (sd_csv_get_cell (csv, 0, 0), ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse/comma-separated", test_comma_separated);
  g_test_add_func ("/csv/parse/semicolon-separated", test_semicolon_separated);
  g_test_add_func ("/csv/separator/whichever-splits-header-more", test_separator_by_count);
  g_test_add_func ("/csv/parse/crlf-blank-rows-and-trimming", test_crlf_and_blank_rows);
  g_test_add_func ("/csv/encoding/utf8-bom-skipped", test_bom);
  g_test_add_func ("/csv/encoding/bom-inside-quoted-header", test_bom_in_quoted_header);
  g_test_add_func ("/csv/encoding/windows-1251-converted", test_windows_1251);
  g_test_add_func ("/csv/quotes/separators-newlines-doubled-quotes", test_quoted_cells);
  g_test_add_func ("/csv/rows/ragged", test_ragged_rows);
  g_test_add_func ("/csv/header/find-column-case-insensitive", test_find_column);
  g_test_add_func ("/csv/header/only-header-has-no-rows", test_header_only);
  g_test_add_func ("/csv/malformed/error-names-line", test_malformed);
  g_test_add_func ("/csv/limits/too-many-bytes", test_too_large);
  g_test_add_func ("/csv/limits/too-many-rows", test_too_many_rows);
  g_test_add_func ("/csv/limits/too-many-columns", test_too_many_columns);
  g_test_add_func ("/csv/write/append-field-reads-back", test_append_field);

  return g_test_run ();
}
