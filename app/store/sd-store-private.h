/* sd-store-private.h — what the files of the store share, and hooks for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sd-migrations.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* Undo steps kept per session. */
#define SD_STORE_MAX_UNDO_STEPS 100

/* Daily automatic backups kept per file. */
#define SD_STORE_MAX_DAILY_BACKUPS 7

typedef struct {
  gint64  id;        /* the `step` column of temp.undolog */
  char   *label;     /* translated, e.g. "Add «Иванов»" */
  guint   changes;   /* SdStoreChange of the step */
} SdUndoStep;

struct _SdStore
{
  GObject           parent_instance;

  sqlite3          *db;
  char             *path;           /* absolute */
  char             *display_name;   /* basename, for messages */
  SdStoreOpenFlags  flags;
  int               schema_version;
  int               opened_version;

  char             *company_name;
  char             *currency;

  /* Undo: inverse SQL recorded by temp triggers into temp.undolog (sqlite.org/undoredo). */
  gboolean          undo_enabled;
  GArray           *undo_steps;      /* SdUndoStep, oldest first */
  GArray           *redo_steps;      /* SdUndoStep, oldest first */
  gint64            next_step_id;

  /* A group opened by sd_store_begin. */
  gboolean          in_group;
  gboolean          group_broken;    /* sqlite rolled the group back by itself (I/O error) */
  char             *group_label;
  guint             group_changes;

  /* The transaction in progress replaces everything (fill_demo): forget the history. */
  gboolean          forget_history;
  gboolean          forget_history_at_savepoint;   /* its value when a grouped edit began */
};

/* sd-store.c */
sqlite3       *_sd_store_get_db              (SdStore *self);
/* sd_store_open with a given list of migration steps and target version (tests). */
SdStore       *_sd_store_open_full           (const char             *path,
                                              SdStoreOpenFlags        flags,
                                              const SdMigrationStep  *steps,
                                              guint                   n_steps,
                                              int                     target_version,
                                              GError                **error);
/* The automatic backup directory of a file given by its path. */
char          *_sd_store_dup_backup_dir_for  (const char *path);
/* The file name stem used for backups: "company" for "company.salesdesk". */
char          *_sd_store_dup_backup_stem     (const char *path);

gboolean       _sd_store_ensure_open         (SdStore  *self,
                                              GError  **error);
/* Turns a failed sqlite call into an SdStoreError with a plain message. */
void           _sd_store_set_error           (SdStore  *self,
                                              int       rc,
                                              GError  **error);
gboolean       _sd_store_exec                (SdStore     *self,
                                              const char  *sql,
                                              GError     **error);
sqlite3_stmt  *_sd_store_prepare             (SdStore     *self,
                                              const char  *sql,
                                              GError     **error);
/* Steps a statement that returns no rows; FALSE with `error` on failure. */
gboolean       _sd_store_step_done           (SdStore       *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);

/* Statement helpers. Those that take a statement finalize it, and take NULL for one whose
 * preparation failed (its `error` already set): prepare, bind, then hand it over. */

/* Prepares `sql` with ?1 bound to `id`. */
sqlite3_stmt  *_sd_store_prepare_with_id     (SdStore     *self,
                                              const char  *sql,
                                              gint64       id,
                                              GError     **error);
/* Steps a statement that returns no rows, then finalizes it. */
gboolean       _sd_store_run                 (SdStore       *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
/* _sd_store_run for an UPDATE or DELETE meant to change a row: when none changed, FALSE
 * with an SD_STORE_ERROR_INVALID `missing` message. */
gboolean       _sd_store_run_changing        (SdStore       *self,
                                              sqlite3_stmt  *stmt,
                                              const char    *missing,
                                              GError       **error);
/* Runs `sql` (?1 = id) returning no rows. */
gboolean       _sd_store_exec_with_id        (SdStore     *self,
                                              const char  *sql,
                                              gint64       id,
                                              GError     **error);
/* Runs `sql` (?1 = text, may be NULL) returning no rows. */
gboolean       _sd_store_exec_with_text      (SdStore     *self,
                                              const char  *sql,
                                              const char  *text,
                                              GError     **error);
/* The first column of the first row as an integer, or `none` without a row; FALSE with
 * `error` when sqlite fails. */
gboolean       _sd_store_query_int64         (SdStore       *self,
                                              sqlite3_stmt  *stmt,
                                              gint64         none,
                                              gint64        *out,
                                              GError       **error);

/* One row of a result: FALSE with `error` stops the loop. */
typedef gboolean (*SdStoreRowFunc) (sqlite3_stmt  *stmt,
                                    gpointer       user_data,
                                    GError       **error);
/* Calls `row` for every row; FALSE with `error` when it or sqlite fails. */
gboolean       _sd_store_for_each_row        (SdStore         *self,
                                              sqlite3_stmt    *stmt,
                                              SdStoreRowFunc   row,
                                              gpointer         user_data,
                                              GError         **error);
/* One object read from the current row, or NULL with `error`. */
typedef gpointer (*SdStoreFromRowFunc) (sqlite3_stmt  *stmt,
                                        GError       **error);
/* The objects made by `from_row` of every row, freed by `free_func`; NULL with `error`. */
GPtrArray     *_sd_store_collect             (SdStore             *self,
                                              sqlite3_stmt        *stmt,
                                              SdStoreFromRowFunc   from_row,
                                              GDestroyNotify       free_func,
                                              GError             **error);
/* The object made by `from_row` of the first row; without a row NULL with an
 * SD_STORE_ERROR_INVALID `missing` message. */
gpointer       _sd_store_collect_one         (SdStore             *self,
                                              sqlite3_stmt        *stmt,
                                              SdStoreFromRowFunc   from_row,
                                              const char          *missing,
                                              GError             **error);

/* Binds a date or month in the file's format; text as NULL when it is NULL or empty. */
void           _sd_store_bind_date           (sqlite3_stmt *stmt,
                                              int           index,
                                              const GDate  *date);
/* A date that may be unset (g_date_valid FALSE): NULL then. */
void           _sd_store_bind_date_or_null   (sqlite3_stmt *stmt,
                                              int           index,
                                              const GDate  *date);
void           _sd_store_bind_month          (sqlite3_stmt *stmt,
                                              int           index,
                                              SdMonth       month);
void           _sd_store_bind_text_or_null   (sqlite3_stmt *stmt,
                                              int           index,
                                              const char   *text);
/* A copy of a text column, NULL for NULL. */
char          *_sd_store_column_dup          (sqlite3_stmt *stmt,
                                              int           index);

/* Every edit: _begin, the work, then _commit (or _abort on failure). Outside a group this is
 * one transaction and one undo step; inside sd_store_begin/commit it is a savepoint. */
gboolean       _sd_store_edit_begin          (SdStore  *self,
                                              GError  **error);
gboolean       _sd_store_edit_commit         (SdStore     *self,
                                              const char  *undo_label,
                                              guint        changes,
                                              GError     **error);
void           _sd_store_edit_abort          (SdStore *self);
/* Inside an edit: stop recording undo for the rest of the transaction, which will forget
 * the whole undo history when it commits (bulk replacement). */
gboolean       _sd_store_edit_forget_history (SdStore  *self,
                                              GError  **error);

/* One statement `sql` (?1 = id) as an edit of its own. With `missing`, changing no row is
 * FALSE with that SD_STORE_ERROR_INVALID message. */
gboolean       _sd_store_edit_exec_with_id   (SdStore     *self,
                                              const char  *sql,
                                              gint64       id,
                                              const char  *missing,
                                              const char  *undo_label,
                                              guint        changes,
                                              GError     **error);

/* Company name: trimmed, 1..200 characters, no control characters. */
char          *_sd_store_check_company_name  (const char  *name,
                                              GError     **error);
gboolean       _sd_store_check_currency      (const char  *currency,
                                              GError     **error);

/* File formats of dates and months. */
void           _sd_store_date_to_iso         (const GDate *date,
                                              char         buf[16]);
gboolean       _sd_store_date_from_iso       (const char *text,
                                              GDate      *out);
void           _sd_store_month_to_iso        (SdMonth month,
                                              char    buf[16]);
gboolean       _sd_store_month_from_iso      (const char *text,
                                              SdMonth    *out);

/* sd-store-history.c */
/* A row (manager id or 0, month, revenue, leads, deals) appended as an SdPlanEntry to the
 * GArray `user_data`; rows with a malformed month are skipped. */
gboolean       _sd_store_plan_entry_row      (sqlite3_stmt  *stmt,
                                              gpointer       user_data,
                                              GError       **error);

/* sd-store-pay.c */
/* Inside an edit: pays `manager_id` by `scheme_id` (0: none) from `from` on, replacing an
 * assignment from the same month. No checks (import-staff, demo). */
gboolean       _sd_store_write_scheme_assignment (SdStore   *self,
                                                  gint64     manager_id,
                                                  gint64     scheme_id,
                                                  SdMonth    from,
                                                  GError   **error);
/* Inside fill_demo, after the staff, facts and plan: the library schemes, an assignment for
 * everyone from their hire month, and the month before `current` closed. */
gboolean       _sd_store_fill_demo_payroll   (SdStore  *self,
                                              SdMonth   current,
                                              GError  **error);

/* sd-store-staff.c */
/* A name without blanks (Unicode ones too) at either end, as it is stored. */
char          *_sd_store_trim_name           (const char *name);
/* Key under which two names are the same person: trimmed, NFC, case-folded. */
char          *_sd_store_name_key            (const char *name);

/* sd-store-plan.c */
/* Inside an edit: a version of `year` whose figures are exactly `entries` (all of that year,
 * already checked), every row a hand edit. Returns its id, or 0 with `error`. */
gint64         _sd_store_plan_add_version_from_entries (SdStore            *self,
                                                        int                 year,
                                                        const char         *name,
                                                        SdScenario          scenario,
                                                        SdPlanState         state,
                                                        const SdPlanEntry  *entries,
                                                        gsize               n_entries,
                                                        GError            **error);
/* Inside an edit: a draft copy of the params of `base_id` with the target raised by
 * `percent`, computed afresh without hand edits. Returns its id, or 0 with `error` — or 0
 * without `error` when that plan cannot be computed (nothing written). */
gint64         _sd_store_plan_add_scaled_version (SdStore     *self,
                                                  gint64       base_id,
                                                  const char  *name,
                                                  SdScenario   scenario,
                                                  int          percent,
                                                  GError     **error);
/* Inside an edit: stores an integer setting (no change when it has that value). */
gboolean       _sd_store_write_setting_int   (SdStore     *self,
                                              const char  *key,
                                              gint64       value,
                                              GError     **error);
/* Staff members by id (gint64 * → SdStaffMember *), archived ones too. */
GHashTable    *_sd_store_dup_staff_ids       (SdStore  *self,
                                              GError  **error);

G_END_DECLS
