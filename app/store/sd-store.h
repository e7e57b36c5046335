/* sd-store.h — one company in one sqlite file: open, create, migrate, transactions, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sd-demo.h"
#include "sd-history.h"
#include "sd-staff.h"

G_BEGIN_DECLS

#define SD_STORE_ERROR (sd_store_error_quark ())

typedef enum {
  SD_STORE_ERROR_NOT_FOUND,  /* no such file */
  SD_STORE_ERROR_EXISTS,     /* creating over an existing file */
  SD_STORE_ERROR_NOT_OURS,   /* not a Salesdesk company file */
  SD_STORE_ERROR_CORRUPT,    /* a Salesdesk file that fails its integrity check */
  SD_STORE_ERROR_TOO_NEW,    /* written by a newer version of Salesdesk */
  SD_STORE_ERROR_LOCKED,     /* open in another running program */
  SD_STORE_ERROR_IO,         /* no permission, disk full, read-only medium */
  SD_STORE_ERROR_INVALID,    /* the edit breaks a rule (a name twice, a bad date …) */
  SD_STORE_ERROR_FAILED,
} SdStoreError;

typedef enum {
  SD_STORE_OPEN_DEFAULT   = 0,
  SD_STORE_OPEN_NO_UNDO   = 1 << 0,  /* no undo log (command line, bulk work) */
  SD_STORE_OPEN_NO_BACKUP = 1 << 1,  /* no automatic backup on open (tests) */
} SdStoreOpenFlags;

/* What a "changed" signal is about. */
typedef enum {
  SD_STORE_CHANGED_COMPANY = 1 << 0,
  SD_STORE_CHANGED_STAFF   = 1 << 1,
  SD_STORE_CHANGED_FACTS   = 1 << 2,
  SD_STORE_CHANGED_PLAN    = 1 << 3,
  SD_STORE_CHANGED_ALL     = 0xffff,
} SdStoreChange;

/* The schema this build writes (PRAGMA user_version). */
#define SD_STORE_SCHEMA_VERSION 1
/* PRAGMA application_id of every Salesdesk file: "SDSK". */
#define SD_STORE_APPLICATION_ID 0x5344534b

#define SD_TYPE_STORE (sd_store_get_type ())
G_DECLARE_FINAL_TYPE (SdStore, sd_store, SD, STORE, GObject)

GQuark      sd_store_error_quark         (void);

/* Creates a new, empty company file (mode 0600). Fails with EXISTS rather than overwrite. */
SdStore    *sd_store_create              (const char  *path,
                                          const char  *company_name,
                                          const char  *currency,
                                          GError     **error);
/* Opens an existing company file for editing, holding it exclusively while open. Checks that
 * it is ours, whole and not newer; migrates an older schema after a backup copy. On any error
 * the file is left byte for byte as it was. */
SdStore    *sd_store_open                (const char        *path,
                                          SdStoreOpenFlags   flags,
                                          GError           **error);
/* Closes the database now (also done on finalize). Safe to call twice. */
void        sd_store_close               (SdStore *self);

const char *sd_store_get_path            (SdStore *self);
int         sd_store_get_schema_version  (SdStore *self);
/* The version found in the file before it was migrated on open (== current if none). */
int         sd_store_get_opened_version  (SdStore *self);

const char *sd_store_get_company_name    (SdStore *self);
const char *sd_store_get_currency        (SdStore *self);   /* ISO code, "RUB" */
gboolean    sd_store_set_company_name    (SdStore     *self,
                                          const char  *name,
                                          GError     **error);

/* Groups the edits that follow into one transaction and one undo step named `label`.
 * Edits made outside begin/commit are each their own step. Not nestable. */
gboolean    sd_store_begin               (SdStore     *self,
                                          const char  *undo_label,
                                          GError     **error);
gboolean    sd_store_commit              (SdStore  *self,
                                          GError  **error);
void        sd_store_rollback            (SdStore *self);

/* Undo and redo of committed steps, for this session (not kept in the file). */
gboolean    sd_store_can_undo            (SdStore *self);
gboolean    sd_store_can_redo            (SdStore *self);
const char *sd_store_get_undo_label      (SdStore *self);   /* NULL when nothing to undo */
const char *sd_store_get_redo_label      (SdStore *self);
gboolean    sd_store_undo                (SdStore  *self,
                                          GError  **error);
gboolean    sd_store_redo                (SdStore  *self,
                                          GError  **error);

/* Integrity (PRAGMA integrity_check, foreign_key_check) and consistency (dates, roles,
 * facts outside employment …). Returns TRUE when sound; otherwise FALSE and, when `problems`
 * is not NULL, a GPtrArray of translated one-line descriptions. */
gboolean    sd_store_check               (SdStore     *self,
                                          GPtrArray  **problems,
                                          GError     **error);

/* Writes a copy of the whole file (sqlite backup API) to `dest_path`, mode 0600. */
gboolean    sd_store_backup_to           (SdStore     *self,
                                          const char  *dest_path,
                                          GError     **error);
/* Directory of the automatic backups of this file. */
char       *sd_store_dup_backup_dir      (SdStore *self);

/* --- staff (sd-store-staff.c) --- */

/* Members sorted by sd_staff_member_compare; archived ones only when asked. */
GPtrArray  *sd_store_list_staff          (SdStore     *self,
                                          gboolean     include_archived,
                                          GError     **error);
SdStaffMember *sd_store_get_staff        (SdStore     *self,
                                          gint64       id,
                                          GError     **error);
/* Validates and inserts; returns the new id (> 0), or 0 with `error`. */
gint64      sd_store_add_staff           (SdStore              *self,
                                          const SdStaffMember  *member,
                                          GError              **error);
gboolean    sd_store_update_staff        (SdStore              *self,
                                          const SdStaffMember  *member,
                                          GError              **error);
/* Whether the member has facts or plan figures, so removing must archive. */
gboolean    sd_store_staff_has_history   (SdStore  *self,
                                          gint64    id);
/* Deletes a member without history; archives one with history (`archived` says which). */
gboolean    sd_store_remove_staff        (SdStore   *self,
                                          gint64     id,
                                          gboolean  *archived,
                                          GError   **error);
/* Puts an archived member back into the team. */
gboolean    sd_store_restore_staff       (SdStore   *self,
                                          gint64     id,
                                          GError   **error);
/* All or nothing, in one transaction and one undo step: a member whose name is already in
 * the file is updated (role, dates, scheme), a new name is added. `n_added`/`n_updated` may
 * be NULL. */
gboolean    sd_store_import_staff        (SdStore    *self,
                                          GPtrArray  *members,
                                          guint      *n_added,
                                          guint      *n_updated,
                                          GError    **error);

/* --- history (sd-store-history.c) --- */

/* Facts of every manager for months first..last inclusive, as SdFact. */
GArray     *sd_store_list_facts          (SdStore  *self,
                                          SdMonth   first,
                                          SdMonth   last,
                                          GError  **error);
guint       sd_store_count_facts         (SdStore *self);
/* Plan figures for months first..last inclusive, as SdPlanEntry. */
GArray     *sd_store_list_plan           (SdStore  *self,
                                          SdMonth   first,
                                          SdMonth   last,
                                          GError  **error);
/* Replaces the company's name, staff, facts and plan with a generated demo company, in one
 * transaction (used by `salesdesk-cli demo` and the first run). */
gboolean    sd_store_fill_demo           (SdStore              *self,
                                          const SdDemoCompany  *demo,
                                          GError              **error);

G_END_DECLS
