/* sd-xlsx.h — what every workbook we write needs: exact numbers under any locale, text that
 * is never taken for a formula, and a file that appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>

#include <gio/gio.h>
#include <xlsxwriter.h>

#include "sd-money.h"

G_BEGIN_DECLS

/* Ruble amounts with kopecks; negative in red (PITFALLS.md). */
#define SD_XLSX_RUBLE_FORMAT "#,##0.00\\ [$₽-419];[Red]\\-#,##0.00\\ [$₽-419]"

/* Switches this thread to the C numeric locale while a workbook is written: Debian's
 * libxlsxwriter prints numbers with printf, so under ru_RU 1000000.5 would become
 * "1000000,5" and the kopecks would be lost. Pair with sd_xlsx_locale_pop. */
typedef struct {
  locale_t c_locale;
  locale_t previous;
} SdXlsxLocale;

void        sd_xlsx_locale_push        (SdXlsxLocale *guard);
void        sd_xlsx_locale_pop         (SdXlsxLocale *guard);

/* Writes `text` as a string cell whatever it starts with (= + - @ never become formulas);
 * invalid UTF-8 is replaced rather than written. */
lxw_error   sd_xlsx_write_text         (lxw_worksheet *sheet,
                                        lxw_row_t      row,
                                        lxw_col_t      col,
                                        const char    *text,
                                        lxw_format    *format);
/* An amount in rubles (kopecks ÷ 100, exact for any real amount). */
lxw_error   sd_xlsx_write_money        (lxw_worksheet *sheet,
                                        lxw_row_t      row,
                                        lxw_col_t      col,
                                        SdMoney        value,
                                        lxw_format    *format);
/* A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty. */
char       *sd_xlsx_sheet_name         (const char *name);

/* A temporary path in the directory of `path` for writing before the rename. */
char       *sd_xlsx_temp_path_for      (const char  *path,
                                        GError     **error);
/* Moves the finished temporary file over `path` (an earlier file stays whole until then). */
gboolean    sd_xlsx_commit_file        (const char  *temp_path,
                                        const char  *path,
                                        GError     **error);
/* A plain message for a libxlsxwriter error while writing `path`. */
void        sd_xlsx_set_error          (GError     **error,
                                        lxw_error    code,
                                        const char  *path);

G_END_DECLS
