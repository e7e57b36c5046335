/* sd-csv.h — reading CSV files as people export them from Excel and 1C
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SD_CSV_ERROR (sd_csv_error_quark ())

typedef enum {
  SD_CSV_ERROR_EMPTY,      /* no header row */
  SD_CSV_ERROR_ENCODING,   /* neither UTF-8 nor Windows-1251 */
  SD_CSV_ERROR_SYNTAX,     /* an unterminated quote, a stray quote, a NUL byte */
  SD_CSV_ERROR_TOO_LARGE,
} SdCsvError;

typedef struct _SdCsv SdCsv;

GQuark       sd_csv_error_quark   (void);

/* Parses a whole file held in memory. Encoding: UTF-8 (a BOM is skipped) or, when the bytes
 * are not valid UTF-8, Windows-1251. Separator: "," or ";", whichever splits the header row
 * into more fields. RFC 4180 quoting, CRLF or LF line ends, blank lines skipped; cells are
 * trimmed of surrounding blanks. The first non-blank row is the header. Errors name the line.
 * Details: a quote inside an unquoted cell (ООО "Ромашка") is kept as text, but text after a
 * closing quote ("a"b) is a SYNTAX error; quoted cells keep their inner blanks and line breaks
 * (as LF); rows of nothing but blanks and separators are skipped. Limits (TOO_LARGE): 64 MiB,
 * 1 000 000 data rows, 16 384 cells in a row. */
SdCsv       *sd_csv_parse         (const char  *data,
                                   gsize        length,
                                   GError     **error);
void         sd_csv_free          (SdCsv *self);

/* "UTF-8" or "WINDOWS-1251". */
const char  *sd_csv_get_encoding  (const SdCsv *self);
char         sd_csv_get_separator (const SdCsv *self);

guint        sd_csv_get_n_columns (const SdCsv *self);            /* of the header */
const char  *sd_csv_get_header    (const SdCsv *self,
                                   guint        column);
/* Index of the header named `name` (case-insensitive, trimmed), or -1. */
int          sd_csv_find_column   (const SdCsv *self,
                                   const char  *name);

guint        sd_csv_get_n_rows    (const SdCsv *self);            /* data rows, header excluded */
guint        sd_csv_get_row_length(const SdCsv *self,
                                   guint        row);
/* The cell, "" when the row is shorter. Always valid UTF-8. */
const char  *sd_csv_get_cell      (const SdCsv *self,
                                   guint        row,
                                   int          column);
/* Line number in the file where the data row starts (1-based, the header is line 1 or later). */
guint        sd_csv_get_row_line  (const SdCsv *self,
                                   guint        row);

/* Appends one field of a CSV file we write: as is, or in double quotes (inner quotes doubled)
 * when it holds a comma, a semicolon, a quote or a line break, so either separator reads it. */
void         sd_csv_append_field  (GString    *out,
                                   const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCsv, sd_csv_free)

G_END_DECLS
