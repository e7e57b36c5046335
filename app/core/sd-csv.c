/* sd-csv.c — reading CSV files as people export them from Excel and 1C
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-csv"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-csv.h"

#define SD_CSV_MAX_BYTES   ((gsize) 64 * 1024 * 1024)
#define SD_CSV_MAX_ROWS    1000000u
/* A sane file has tens of columns; this only stops a runaway separator eating memory. */
#define SD_CSV_MAX_COLUMNS 16384u

#define UTF8_BOM "\xef\xbb\xbf"

typedef struct {
  guint32 first_cell;   /* index into cells */
  guint32 n_cells;
  guint32 line;
} Row;

struct _SdCsv
{
  const char *encoding;
  char        separator;
  GString    *text;     /* every cell, NUL-terminated, one after another; "" at offset 0 */
  GArray     *cells;    /* guint32 offsets into text */
  Row         header;
  GArray     *rows;     /* Row */
};

G_DEFINE_QUARK (sd-csv-error-quark, sd_csv_error)

/* 1-based line of byte `offset` in `data`, counting LF, CRLF and lone CR. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && data[i + 1] != '\n')   /* data[offset] exists */
        line++;
    }

  return line;
}

/* Picks "," or ";" from the first row with content: whichever appears more often
 * outside quotes. Returns '\0' when no row has any content. */
static char
detect_separator (const char *s,
                  gsize       n)
{
  guint commas = 0, semicolons = 0;
  gboolean in_quotes = FALSE, has_content = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];

      if (in_quotes)
        {
          if (c == '"')
            in_quotes = FALSE;   /* a doubled quote reopens at once */
          else
            has_content = TRUE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_quotes = TRUE;
          break;
        case ',':
          commas++;
          break;
        case ';':
          semicolons++;
          break;
        case ' ':
        case '\t':
          break;
        case '\r':
        case '\n':
          if (has_content)
            return semicolons > commas ? ';' : ',';
          commas = semicolons = 0;
          break;
        default:
          has_content = TRUE;
          break;
        }
    }

  if (!has_content)
    return '\0';

  return semicolons > commas ? ';' : ',';
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static void
append_cell (SdCsv      *self,
             const char *start,
             gsize       length)
{
  guint32 offset = 0;

  if (length > 0)
    {
      offset = (guint32) self->text->len;
      g_string_append_len (self->text, start, length);
      g_string_append_c (self->text, '\0');
    }

  g_array_append_val (self->cells, offset);
}

/* Reads the whole UTF-8 text into rows. */
static gboolean
tokenise (SdCsv       *self,
          const char  *s,
          gsize        n,
          GError     **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char sep = self->separator;
  gboolean have_header = FALSE;
  gsize pos = 0;
  guint line = 1;

  while (pos < n)
    {
      Row row = { self->cells->len, 0, line };
      gsize text_mark = self->text->len;
      gboolean has_content = FALSE;

      for (;;)
        {
          while (pos < n && is_blank (s[pos]))
            pos++;

          if (pos < n && s[pos] == '"')
            {
              guint open_line = line;

              g_string_truncate (cell, 0);
              pos++;
              for (;;)
                {
                  if (pos >= n)
                    {
                      g_set_error (error, SD_CSV_ERROR, SD_CSV_ERROR_SYNTAX,
                                   /* Translators: %u is a line number */
                                   _("Line %u: a quoted cell is never closed. Add the closing quote (\") or remove the opening one."),
                                   open_line);
                      return FALSE;
                    }
                  if (s[pos] == '"')
                    {
                      if (pos + 1 < n && s[pos + 1] == '"')
                        {
                          g_string_append_c (cell, '"');
                          pos += 2;
                          continue;
                        }
                      pos++;
                      break;
                    }
                  if (s[pos] == '\r' || s[pos] == '\n')
                    {
                      /* A line break inside a cell belongs to it, written as LF. */
                      if (s[pos] == '\r' && pos + 1 < n && s[pos + 1] == '\n')
                        pos++;
                      g_string_append_c (cell, '\n');
                      line++;
                      pos++;
                      continue;
                    }
                  g_string_append_c (cell, s[pos]);
                  pos++;
                }

              while (pos < n && is_blank (s[pos]))
                pos++;
              if (pos < n && s[pos] != sep && s[pos] != '\r' && s[pos] != '\n')
                {
                  g_set_error (error, SD_CSV_ERROR, SD_CSV_ERROR_SYNTAX,
                               /* Translators: %u is a line number */
                               _("Line %u: there is text after the closing quote of a cell. Put the whole cell in quotes and double every quote inside it (\"\")."),
                               line);
                  return FALSE;
                }
              append_cell (self, cell->str, cell->len);
              has_content |= cell->len > 0;
            }
          else
            {
              gsize start = pos;
              gsize end;

              while (pos < n && s[pos] != sep && s[pos] != '\r' && s[pos] != '\n')
                pos++;
              end = pos;
              while (end > start && is_blank (s[end - 1]))
                end--;
              append_cell (self, s + start, end - start);
              /* As in detect_separator (): a row of nothing but separators of either
               * kind is empty, so both passes agree on which row is the header. */
              for (gsize i = start; i < end && !has_content; i++)
                has_content = s[i] != ',' && s[i] != ';' && !is_blank (s[i]);
            }

          row.n_cells++;
          if (row.n_cells > SD_CSV_MAX_COLUMNS)
            {
              g_set_error (error, SD_CSV_ERROR, SD_CSV_ERROR_TOO_LARGE,
                           /* Translators: %u is a line number, then the limit */
                           _("Line %u has more than %u cells. Check that the file is a table saved as CSV."),
                           row.line, SD_CSV_MAX_COLUMNS);
              return FALSE;
            }

          if (pos < n && s[pos] == sep)
            {
              pos++;
              continue;
            }

          /* The end of the record. */
          if (pos < n && s[pos] == '\r')
            pos++;
          if (pos < n && s[pos] == '\n')
            pos++;
          line++;
          break;
        }

      if (!has_content)
        {
          /* A row of nothing but blanks and separators is skipped. */
          g_array_set_size (self->cells, row.first_cell);
          g_string_truncate (self->text, text_mark);
          continue;
        }

      if (!have_header)
        {
          self->header = row;
          have_header = TRUE;
          continue;
        }

      if (self->rows->len >= SD_CSV_MAX_ROWS)
        {
          g_set_error (error, SD_CSV_ERROR, SD_CSV_ERROR_TOO_LARGE,
                       /* Translators: %u is the largest number of rows, 1000000 */
                       _("The file has more than %u rows: split it into smaller files."),
                       SD_CSV_MAX_ROWS);
          return FALSE;
        }
      g_array_append_val (self->rows, row);
    }

  if (!have_header)
    {
      g_set_error_literal (error, SD_CSV_ERROR, SD_CSV_ERROR_EMPTY,
                           _("The file is empty: it has no header row."));
      return FALSE;
    }

  return TRUE;
}

SdCsv *
sd_csv_parse (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(SdCsv) self = NULL;
  g_autofree char *converted = NULL;
  const char *nul;
  const char *s;
  gsize n;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > SD_CSV_MAX_BYTES)
    {
      g_set_error (error, SD_CSV_ERROR, SD_CSV_ERROR_TOO_LARGE,
                   /* Translators: %u is a size in mebibytes */
                   _("The file is larger than %u MB: split it into smaller files."),
                   (guint) (SD_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, SD_CSV_ERROR, SD_CSV_ERROR_EMPTY,
                           _("The file is empty: it has no header row."));
      return NULL;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, SD_CSV_ERROR, SD_CSV_ERROR_SYNTAX,
                   /* Translators: %u is a line number */
                   _("Line %u contains a NUL byte: this is not a text file. Save the table as CSV and try again."),
                   line_at (data, nul - data));
      return NULL;
    }

  self = g_new0 (SdCsv, 1);
  self->text = g_string_sized_new (MIN (length, 1024 * 1024) + 1);
  g_string_append_c (self->text, '\0');    /* offset 0: the empty cell */
  self->cells = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));

  s = data;
  n = length;
  if (n >= 3 && memcmp (s, UTF8_BOM, 3) == 0)
    {
      s += 3;
      n -= 3;
    }

  if (g_utf8_validate_len (s, n, NULL))
    {
      self->encoding = "UTF-8";
    }
  else
    {
      gsize n_written = 0;

      converted = g_convert (s, n, "UTF-8", "WINDOWS-1251", NULL, &n_written, NULL);
      if (converted == NULL)
        {
          g_set_error_literal (error, SD_CSV_ERROR, SD_CSV_ERROR_ENCODING,
                               _("The file is neither UTF-8 nor Windows-1251 text. Save it from the spreadsheet as “CSV UTF-8” and try again."));
          return NULL;
        }
      self->encoding = "WINDOWS-1251";
      s = converted;
      n = n_written;
    }

  self->separator = detect_separator (s, n);
  if (self->separator == '\0')
    {
      g_set_error_literal (error, SD_CSV_ERROR, SD_CSV_ERROR_EMPTY,
                           _("The file is empty: it has no header row."));
      return NULL;
    }

  if (!tokenise (self, s, n, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
sd_csv_free (SdCsv *self)
{
  if (self == NULL)
    return;

  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}

const char *
sd_csv_get_encoding (const SdCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

char
sd_csv_get_separator (const SdCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

guint
sd_csv_get_n_columns (const SdCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header.n_cells;
}

static const char *
row_cell (const SdCsv *self,
          const Row   *row,
          int          column)
{
  if (column < 0 || (guint) column >= row->n_cells)
    return "";

  return self->text->str + g_array_index (self->cells, guint32, row->first_cell + column);
}

/* A header cell without a byte-order mark that survived (a BOM inside quotes, or twice). */
static const char *
skip_bom (const char *text)
{
  while (g_str_has_prefix (text, UTF8_BOM))
    text += 3;

  return text;
}

const char *
sd_csv_get_header (const SdCsv *self,
                   guint        column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->header.n_cells, NULL);

  return skip_bom (row_cell (self, &self->header, (int) column));
}

int
sd_csv_find_column (const SdCsv *self,
                    const char  *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (!g_utf8_validate (name, -1, NULL))
    return -1;

  {
    g_autofree char *stripped = g_strstrip (g_strdup (name));
    wanted = g_utf8_casefold (stripped, -1);
  }

  for (guint i = 0; i < self->header.n_cells; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (sd_csv_get_header (self, i)));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);

      if (strcmp (folded, wanted) == 0)
        return (int) i;
    }

  return -1;
}

guint
sd_csv_get_n_rows (const SdCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
sd_csv_get_row_length (const SdCsv *self,
                       guint        row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).n_cells;
}

const char *
sd_csv_get_cell (const SdCsv *self,
                 guint        row,
                 int          column)
{
  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (row < self->rows->len, "");

  return row_cell (self, &g_array_index (self->rows, Row, row), column);
}

guint
sd_csv_get_row_line (const SdCsv *self,
                     guint        row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).line;
}

void
sd_csv_append_field (GString    *out,
                     const char *text)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  if (strpbrk (text, ",\";\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
