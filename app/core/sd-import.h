/* sd-import.h — turning CSV rows into domain records, with every bad row reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-csv.h"
#include "sd-staff.h"

G_BEGIN_DECLS

#define SD_IMPORT_ERROR (sd_import_error_quark ())

typedef enum {
  SD_IMPORT_ERROR_COLUMNS,   /* a required column is missing */
  SD_IMPORT_ERROR_ROWS,      /* one or more rows were rejected (see the problems) */
  SD_IMPORT_ERROR_EMPTY,     /* a header but no data rows */
} SdImportError;

/* One rejected row: its line in the file and why. */
typedef struct {
  guint  line;
  char  *message;
} SdImportProblem;

GQuark     sd_import_error_quark      (void);
void       sd_import_problem_free     (SdImportProblem *problem);

/* staff.csv: manager,role,hired,left,scheme (left and scheme may be empty or absent).
 * Returns a GPtrArray of SdStaffMember (id 0) when every row is sound. Otherwise NULL, with
 * `error` set and, for rejected rows, `problems` (a GPtrArray of SdImportProblem, one per row
 * and reason) filled when not NULL. A name twice in the file is a rejected row. */
GPtrArray *sd_import_staff_csv        (const SdCsv *csv,
                                       GPtrArray  **problems,
                                       GError     **error);

/* One line per problem, "line 4: the hire date …", for the CLI and dialogs. */
char      *sd_import_format_problems  (GPtrArray *problems,
                                       guint      max_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdImportProblem, sd_import_problem_free)

G_END_DECLS
