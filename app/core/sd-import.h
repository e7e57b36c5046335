/* sd-import.h — turning CSV rows into domain records, with every bad row reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-csv.h"
#include "sd-history.h"
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

/* One row of facts.csv: the manager as written (resolved to an id by the caller, who knows
 * the staff) and the figures. */
typedef struct {
  guint   line;
  char   *manager;
  SdFact  fact;      /* manager_id 0 until resolved */
} SdFactRow;

/* One row of plan.csv: an empty manager is the department's own target. Leads and deals may
 * be empty in the file (then 0 and has_funnel FALSE). */
typedef struct {
  guint        line;
  char        *manager;   /* NULL for the department */
  SdPlanEntry  entry;     /* manager_id 0 until resolved */
  gboolean     has_funnel;
} SdPlanRow;

void       sd_fact_row_free           (SdFactRow *row);
void       sd_plan_row_free           (SdPlanRow *row);

/* facts.csv: month,manager,revenue,paid,margin,deals,leads,calls. Columns in any order, names
 * case-insensitive, extra columns ignored. Money in any form sd_money_parse accepts; counts
 * whole and not negative; only the margin may be negative; a (manager, month) twice is a
 * rejected row. Returns a GPtrArray of SdFactRow when every row is sound; otherwise NULL with
 * `error` and, for rejected rows, `problems`. */
GPtrArray *sd_import_facts_csv        (const SdCsv *csv,
                                       GPtrArray  **problems,
                                       GError     **error);
/* plan.csv: month,manager,revenue,leads,deals; leads and deals optional. The same rules. */
GPtrArray *sd_import_plan_csv         (const SdCsv *csv,
                                       GPtrArray  **problems,
                                       GError     **error);

/* The key under which a name matches a staff member's: trimmed, NFC, case-folded. */
char      *sd_import_name_key         (const char *name);
/* Staff names as import keys → ids (gint64* into `staff`, which must outlive the table);
 * archived people included, as their history can be imported. `staff` holds SdStaffMember. */
GHashTable *sd_import_staff_ids       (GPtrArray *staff);
/* Resolves the manager names of SdFactRow / SdPlanRow rows to ids with `ids` (name key →
 * GINT64 id, as gint64* values): unknown names are rejected rows. TRUE when all resolved. */
gboolean   sd_import_resolve_facts    (GPtrArray   *rows,
                                       GHashTable  *ids,
                                       GPtrArray  **problems,
                                       GError     **error);
gboolean   sd_import_resolve_plan     (GPtrArray   *rows,
                                       GHashTable  *ids,
                                       GPtrArray  **problems,
                                       GError     **error);

G_END_DECLS
