/* sd-store-people.c — checklists, scored calls, assessments and development plans
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-people"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-store-people.h"
#include "sd-store-private.h"

/* ------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------ */

static gboolean
column_date (sqlite3_stmt  *stmt,
             int            index,
             GDate         *out,
             GError       **error)
{
  if (!_sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, index), out))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                           _("A date of people development in the file cannot be read."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
corrupt (GError     **error,
         const char  *what,
         GError      *cause)
{
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
               /* Translators: "A scored call in the file cannot be read: <reason>" */
               _("%s in the file cannot be read: %s"), what,
               cause != NULL ? cause->message : "");
  return FALSE;
}

/* A core rule broken: the core's reason, as an INVALID store error. */
static void
refuse (GError **error,
        GError  *cause)
{
  g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, cause->message);
}

/* FALSE with a `missing` message when `sql` (?1 = id) finds no row. A failed read counts as
 * a missing row: either way the user reloads. */
static gboolean
find_row (SdStore    *self,
          const char *sql,
          gint64      id,
          const char *missing,
          GError    **error)
{
  sqlite3_stmt *stmt = _sd_store_prepare_with_id (self, sql, id, error);
  gint64 found;

  if (stmt == NULL)
    return FALSE;
  _sd_store_query_int64 (self, stmt, 0, &found, NULL);
  if (found == 0)
    g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, missing);
  return found != 0;
}

static gboolean
check_manager (SdStore  *self,
               gint64    manager_id,
               GError  **error)
{
  return find_row (self, "SELECT 1 FROM main.staff WHERE id = ?1", manager_id,
                   _("This person is no longer in the staff list. Reload and try again."), error);
}

static gboolean
row_exists (SdStore    *self,
            const char *sql,
            gint64      id,
            GError    **error)
{
  return find_row (self, sql, id,
                   _("This record is no longer in the file. Reload and try again."), error);
}

/* Runs one-statement DELETE `sql` (?1 = id) as an edit. */
static gboolean
delete_row (SdStore    *self,
            const char *sql,
            gint64      id,
            const char *label,
            GError    **error)
{
  return _sd_store_edit_exec_with_id (self, sql, id, NULL, label, SD_STORE_CHANGED_PEOPLE, error);
}

/* ------------------------------------------------------------------------------------------
 * Checklists
 * ------------------------------------------------------------------------------------------ */

static SdChecklist *
checklist_from_row (sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SdChecklist *checklist;

  checklist = sd_checklist_from_json ((const char *) sqlite3_column_text (stmt, 1),
                                      &local_error);
  if (checklist == NULL)
    {
      corrupt (error, _("A checklist"), local_error);
      return NULL;
    }
  checklist->id = sqlite3_column_int64 (stmt, 0);
  return checklist;
}

GPtrArray *
sd_store_people_list_checklists (SdStore          *self,
                                 SdChecklistKind   kind,
                                 gboolean          include_archived,
                                 GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT id, json FROM main.checklist WHERE kind = ?1 "
                            "AND (?2 OR archived = 0) ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sd_checklist_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, include_archived ? 1 : 0);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) checklist_from_row,
                            (GDestroyNotify) sd_checklist_free, error);
}

SdChecklist *
sd_store_people_get_checklist (SdStore  *self,
                               gint64    id,
                               GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _sd_store_collect_one (self,
                                _sd_store_prepare_with_id (self,
                                                           "SELECT id, json FROM main.checklist "
                                                           "WHERE id = ?1",
                                                           id, error),
                                (SdStoreFromRowFunc) checklist_from_row,
                                _("This checklist is no longer in the file. Reload and try "
                                  "again."),
                                error);
}

SdChecklist *
sd_store_people_get_current_checklist (SdStore         *self,
                                       SdChecklistKind  kind,
                                       GError         **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  list = sd_store_people_list_checklists (self, kind, FALSE, error);
  if (list == NULL)
    return NULL;
  if (list->len > 0)
    return sd_checklist_copy (g_ptr_array_index (list, 0));
  return kind == SD_CHECKLIST_CALL ? sd_checklist_new_default_call ()
                                   : sd_checklist_new_default_assessment ();
}

/* Inside an edit: inserts (id 0) or replaces a valid checklist. Returns its id or 0. */
static gint64
write_checklist (SdStore            *self,
                 gint64              id,
                 const SdChecklist  *checklist,
                 GError            **error)
{
  g_autofree char *json = sd_checklist_to_json (checklist);
  g_autofree char *name = _sd_store_trim_name (checklist->name);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = _sd_store_prepare (self,
                              "INSERT INTO main.checklist (kind, name, json) VALUES (?1, ?2, ?3)",
                              error);
  else
    stmt = _sd_store_prepare (self,
                              "UPDATE main.checklist SET name = ?2, json = ?3 "
                              "WHERE id = ?4 AND kind = ?1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sd_checklist_kind_to_string (checklist->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  if (id != 0 && sqlite3_changes (_sd_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("This checklist is no longer in the file, or its kind was "
                             "changed. Reload and try again."));
      return 0;
    }
  return id != 0 ? id : sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

static gboolean
validate_checklist (const SdChecklist  *checklist,
                    GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sd_checklist_validate (checklist, &local_error))
    {
      refuse (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gint64
sd_store_people_add_checklist (SdStore            *self,
                               const SdChecklist  *checklist,
                               GError            **error)
{
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (checklist != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!validate_checklist (checklist, error) || !_sd_store_edit_begin (self, error))
    return 0;
  id = write_checklist (self, 0, checklist, error);
  if (id == 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step */
  if (!_sd_store_edit_commit (self, _("Add checklist"), SD_STORE_CHANGED_PEOPLE, error))
    return 0;
  return id;
}

gboolean
sd_store_people_update_checklist (SdStore            *self,
                                  const SdChecklist  *checklist,
                                  GError            **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (checklist->id <= 0)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("This checklist is not in the file yet."));
      return FALSE;
    }
  if (!validate_checklist (checklist, error) || !_sd_store_edit_begin (self, error))
    return FALSE;
  if (write_checklist (self, checklist->id, checklist, error) == 0)
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  /* Translators: an undo step */
  return _sd_store_edit_commit (self, _("Edit checklist"), SD_STORE_CHANGED_PEOPLE, error);
}

gboolean
sd_store_people_set_checklist_archived (SdStore   *self,
                                        gint64     id,
                                        gboolean   archived,
                                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!row_exists (self, "SELECT 1 FROM main.checklist WHERE id = ?1", id, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;
  stmt = _sd_store_prepare_with_id (self, "UPDATE main.checklist SET archived = ?2 WHERE id = ?1",
                                    id, error);
  if (stmt != NULL)
    sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  if (!_sd_store_run (self, stmt, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  return _sd_store_edit_commit (self, archived ? _("Archive checklist") : _("Restore checklist"),
                                SD_STORE_CHANGED_PEOPLE, error);
}

/* Inside an edit: the id of the current checklist of `kind`, storing the default when none
 * is stored. 0 with `error`. */
static gint64
ensure_checklist (SdStore          *self,
                  SdChecklistKind   kind,
                  GError          **error)
{
  g_autoptr(SdChecklist) current = sd_store_people_get_current_checklist (self, kind, error);

  if (current == NULL)
    return 0;
  if (current->id != 0)
    return current->id;
  return write_checklist (self, 0, current, error);
}

/* ------------------------------------------------------------------------------------------
 * Calls
 * ------------------------------------------------------------------------------------------ */

#define CALL_COLUMNS "id, manager_id, day, checklist_id, reference, comment, score, marks"

static SdCall *
call_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(SdCall) call = sd_call_new ();
  g_autoptr(GError) local_error = NULL;
  GPtrArray *marks;

  call->id = sqlite3_column_int64 (stmt, 0);
  call->manager_id = sqlite3_column_int64 (stmt, 1);
  if (!column_date (stmt, 2, &call->date, error))
    return NULL;
  call->checklist_id = sqlite3_column_int64 (stmt, 3);
  call->reference = _sd_store_column_dup (stmt, 4);
  call->comment = _sd_store_column_dup (stmt, 5);
  marks = sd_marks_from_json ((const char *) sqlite3_column_text (stmt, 7), &local_error);
  if (marks == NULL)
    {
      corrupt (error, _("A scored call"), local_error);
      return NULL;
    }
  g_clear_pointer (&call->marks, g_ptr_array_unref);
  call->marks = marks;
  return g_steal_pointer (&call);
}

GPtrArray *
sd_store_people_list_calls (SdStore      *self,
                            gint64        manager_id,
                            const GDate  *from,
                            const GDate  *to,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One manager's calls come by the (manager, day) index; "?1 = 0 OR manager_id = ?1"
   * would read the whole table for each of them. */
  stmt = _sd_store_prepare (self,
                            manager_id != 0
                            ? "SELECT " CALL_COLUMNS " FROM main.call_score "
                              "WHERE manager_id = ?1 AND day >= coalesce (?2, '') "
                              "AND day <= coalesce (?3, '9999') ORDER BY day, id"
                            : "SELECT " CALL_COLUMNS " FROM main.call_score "
                              "WHERE ?1 = 0 AND day >= coalesce (?2, '') "
                              "AND day <= coalesce (?3, '9999') ORDER BY day, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  if (from != NULL && g_date_valid (from))
    _sd_store_bind_date (stmt, 2, from);
  if (to != NULL && g_date_valid (to))
    _sd_store_bind_date (stmt, 3, to);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) call_from_row,
                            (GDestroyNotify) sd_call_free, error);
}

SdCall *
sd_store_people_get_call (SdStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return _sd_store_collect_one (self,
                                _sd_store_prepare_with_id (self,
                                                           "SELECT " CALL_COLUMNS
                                                           " FROM main.call_score WHERE id = ?1",
                                                           id, error),
                                (SdStoreFromRowFunc) call_from_row,
                                _("This call is no longer in the file. Reload and try again."),
                                error);
}

/* Inside an edit: inserts (id 0) or replaces a call with its score. */
static gint64
write_call (SdStore       *self,
            const SdCall  *call,
            int            score,
            GError       **error)
{
  g_autofree char *marks = sd_marks_to_json (call->marks);
  g_autofree char *reference = call->reference != NULL ? _sd_store_trim_name (call->reference) : NULL;
  g_autofree char *comment = call->comment != NULL ? g_strstrip (g_strdup (call->comment)) : NULL;
  gint64 checklist_id = call->checklist_id;
  sqlite3_stmt *stmt;

  if (checklist_id == 0)
    {
      checklist_id = ensure_checklist (self, SD_CHECKLIST_CALL, error);
      if (checklist_id == 0)
        return 0;
    }
  if (call->id == 0)
    stmt = _sd_store_prepare (self,
                              "INSERT INTO main.call_score (manager_id, day, checklist_id, "
                              "reference, comment, score, marks) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  else
    stmt = _sd_store_prepare (self,
                              "UPDATE main.call_score SET manager_id = ?1, day = ?2, "
                              "checklist_id = ?3, reference = ?4, comment = ?5, score = ?6, "
                              "marks = ?7 WHERE id = ?8",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, call->manager_id);
  _sd_store_bind_date (stmt, 2, &call->date);
  sqlite3_bind_int64 (stmt, 3, checklist_id);
  _sd_store_bind_text_or_null (stmt, 4, reference);
  _sd_store_bind_text_or_null (stmt, 5, comment);
  sqlite3_bind_int64 (stmt, 6, (gint64) score * 100);
  sqlite3_bind_text (stmt, 7, marks, -1, SQLITE_TRANSIENT);
  if (call->id != 0)
    sqlite3_bind_int64 (stmt, 8, call->id);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  return call->id != 0 ? call->id : sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

static gboolean
check_call (SdStore       *self,
            const SdCall  *call,
            int           *score,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sd_call_validate (call, &local_error) ||
      !sd_call_compute_score (call, score, &local_error))
    {
      refuse (error, local_error);
      return FALSE;
    }
  if (call->checklist_id != 0 &&
      !row_exists (self, "SELECT 1 FROM main.checklist WHERE id = ?1", call->checklist_id, error))
    return FALSE;
  return check_manager (self, call->manager_id, error);
}

gint64
sd_store_people_add_call (SdStore       *self,
                          const SdCall  *call,
                          GError       **error)
{
  g_autoptr(SdCall) copy = NULL;
  gint64 id;
  int score;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (call != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_call (self, call, &score, error) || !_sd_store_edit_begin (self, error))
    return 0;
  copy = sd_call_copy (call);
  copy->id = 0;
  id = write_call (self, copy, score, error);
  if (id == 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step */
  if (!_sd_store_edit_commit (self, _("Score call"), SD_STORE_CHANGED_PEOPLE, error))
    return 0;
  return id;
}

gboolean
sd_store_people_update_call (SdStore       *self,
                             const SdCall  *call,
                             GError       **error)
{
  int score;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (call != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!row_exists (self, "SELECT 1 FROM main.call_score WHERE id = ?1", call->id, error) ||
      !check_call (self, call, &score, error) || !_sd_store_edit_begin (self, error))
    return FALSE;
  if (write_call (self, call, score, error) == 0)
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  /* Translators: an undo step */
  return _sd_store_edit_commit (self, _("Edit scored call"), SD_STORE_CHANGED_PEOPLE, error);
}

gboolean
sd_store_people_remove_call (SdStore  *self,
                             gint64    id,
                             GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!row_exists (self, "SELECT 1 FROM main.call_score WHERE id = ?1", id, error))
    return FALSE;
  /* Translators: an undo step */
  return delete_row (self, "DELETE FROM main.call_score WHERE id = ?1", id,
                     _("Delete scored call"), error);
}

gboolean
sd_store_people_call_score_for_month (SdStore   *self,
                                      gint64     manager_id,
                                      SdMonth    month,
                                      gint64    *score_hundredths,
                                      GError   **error)
{
  sqlite3_stmt *stmt;
  GDate first, last;
  gint64 n, sum;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (score_hundredths != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *score_hundredths = 0;
  stmt = _sd_store_prepare (self,
                            "SELECT count(*), total(score) FROM main.call_score "
                            "WHERE manager_id = ?1 AND day BETWEEN ?2 AND ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sd_month_first_day (month, &first);
  sd_month_last_day (month, &last);
  sqlite3_bind_int64 (stmt, 1, manager_id);
  _sd_store_bind_date (stmt, 2, &first);
  _sd_store_bind_date (stmt, 3, &last);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _sd_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  n = sqlite3_column_int64 (stmt, 0);
  /* total() is a double, exact for sums below 2⁵³ (scores are ≤ 10 000 each). */
  sum = (gint64) sqlite3_column_double (stmt, 1);
  sqlite3_finalize (stmt);
  if (n == 0)
    return FALSE;
  /* Scores are not negative: half away from zero is half up. */
  *score_hundredths = (sum * 2 + n) / (2 * n);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Assessments
 * ------------------------------------------------------------------------------------------ */

static SdAssessment *
assessment_from_row (sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(SdAssessment) a = sd_assessment_new ();
  g_autoptr(GError) local_error = NULL;
  GPtrArray *marks;

  a->id = sqlite3_column_int64 (stmt, 0);
  a->manager_id = sqlite3_column_int64 (stmt, 1);
  a->template_id = sqlite3_column_int64 (stmt, 3);
  a->assessor = _sd_store_column_dup (stmt, 4);
  a->comment = _sd_store_column_dup (stmt, 5);
  marks = sd_marks_from_json ((const char *) sqlite3_column_text (stmt, 6), &local_error);
  if (marks == NULL)
    {
      corrupt (error, _("An assessment"), local_error);
      return NULL;
    }
  g_clear_pointer (&a->marks, g_ptr_array_unref);
  a->marks = marks;
  if (!column_date (stmt, 2, &a->date, error))
    return NULL;
  return g_steal_pointer (&a);
}

GPtrArray *
sd_store_people_list_assessments (SdStore  *self,
                                  gint64    manager_id,
                                  GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT id, manager_id, day, template_id, assessor, comment, marks "
                            "FROM main.assessment WHERE (?1 = 0 OR manager_id = ?1) "
                            "ORDER BY day, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) assessment_from_row,
                            (GDestroyNotify) sd_assessment_free, error);
}

/* Inside an edit: stores a valid assessment made by `template_id`. Returns its id or 0. */
static gint64
insert_assessment (SdStore             *self,
                   const SdAssessment  *assessment,
                   gint64               template_id,
                   GError             **error)
{
  g_autofree char *marks = sd_marks_to_json (assessment->marks);
  g_autofree char *assessor = assessment->assessor != NULL ?
    _sd_store_trim_name (assessment->assessor) : NULL;
  g_autofree char *comment = assessment->comment != NULL ?
    g_strstrip (g_strdup (assessment->comment)) : NULL;
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.assessment (manager_id, day, template_id, assessor, "
                            "comment, marks) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, assessment->manager_id);
  _sd_store_bind_date (stmt, 2, &assessment->date);
  sqlite3_bind_int64 (stmt, 3, template_id);
  _sd_store_bind_text_or_null (stmt, 4, assessor);
  _sd_store_bind_text_or_null (stmt, 5, comment);
  sqlite3_bind_text (stmt, 6, marks, -1, SQLITE_TRANSIENT);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

gint64
sd_store_people_add_assessment (SdStore             *self,
                                const SdAssessment  *assessment,
                                GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 template_id;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (assessment != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!sd_assessment_validate (assessment, &local_error))
    {
      refuse (error, local_error);
      return 0;
    }
  if (!check_manager (self, assessment->manager_id, error) ||
      (assessment->template_id != 0 &&
       !row_exists (self, "SELECT 1 FROM main.checklist WHERE id = ?1", assessment->template_id,
                    error)) ||
      !_sd_store_edit_begin (self, error))
    return 0;
  template_id = assessment->template_id;
  if (template_id == 0)
    template_id = ensure_checklist (self, SD_CHECKLIST_ASSESSMENT, error);
  id = template_id == 0 ? 0 : insert_assessment (self, assessment, template_id, error);
  if (id == 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step */
  if (!_sd_store_edit_commit (self, _("Add assessment"), SD_STORE_CHANGED_PEOPLE, error))
    return 0;
  return id;
}

gboolean
sd_store_people_remove_assessment (SdStore  *self,
                                   gint64    id,
                                   GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!row_exists (self, "SELECT 1 FROM main.assessment WHERE id = ?1", id, error))
    return FALSE;
  /* Translators: an undo step */
  return delete_row (self, "DELETE FROM main.assessment WHERE id = ?1", id,
                     _("Delete assessment"), error);
}

SdAssessment *
sd_store_people_get_previous_assessment (SdStore             *self,
                                         const SdAssessment  *current,
                                         GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;
  const SdAssessment *previous;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  list = sd_store_people_list_assessments (self, current->manager_id, error);
  if (list == NULL)
    return NULL;
  previous = sd_assessment_find_previous (list, current);
  return previous != NULL ? sd_assessment_copy (previous) : NULL;
}

/* ------------------------------------------------------------------------------------------
 * Development plans
 * ------------------------------------------------------------------------------------------ */

#define IDP_COLUMNS "id, manager_id, created, title, json"

static SdIdp *
idp_from_row (sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate created;
  SdIdp *idp;

  if (!column_date (stmt, 2, &created, error))
    return NULL;
  idp = sd_idp_from_json ((const char *) sqlite3_column_text (stmt, 4),
                          sqlite3_column_int64 (stmt, 1), &created, &local_error);
  if (idp == NULL)
    {
      corrupt (error, _("A development plan"), local_error);
      return NULL;
    }
  idp->id = sqlite3_column_int64 (stmt, 0);
  g_free (idp->title);
  idp->title = _sd_store_column_dup (stmt, 3);
  return idp;
}

GPtrArray *
sd_store_people_list_idps (SdStore  *self,
                           gint64    manager_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT " IDP_COLUMNS " FROM main.idp "
                                    "WHERE (?1 = 0 OR manager_id = ?1) ORDER BY created, id",
                                    manager_id, error);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) idp_from_row,
                            (GDestroyNotify) sd_idp_free, error);
}

SdIdp *
sd_store_people_get_idp (SdStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return _sd_store_collect_one (self,
                                _sd_store_prepare_with_id (self,
                                                           "SELECT " IDP_COLUMNS " FROM main.idp "
                                                           "WHERE id = ?1",
                                                           id, error),
                                (SdStoreFromRowFunc) idp_from_row,
                                _("This development plan is no longer in the file. Reload and "
                                  "try again."),
                                error);
}

static gboolean
check_idp (SdStore      *self,
           const SdIdp  *idp,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sd_idp_validate (idp, &local_error))
    {
      refuse (error, local_error);
      return FALSE;
    }
  return check_manager (self, idp->manager_id, error);
}

/* Inside an edit: inserts (id 0) or replaces a valid plan. */
static gint64
write_idp (SdStore      *self,
           const SdIdp  *idp,
           GError      **error)
{
  g_autofree char *json = sd_idp_to_json (idp);
  g_autofree char *title = idp->title != NULL ? _sd_store_trim_name (idp->title) : NULL;
  sqlite3_stmt *stmt;

  if (idp->id == 0)
    stmt = _sd_store_prepare (self,
                              "INSERT INTO main.idp (manager_id, created, title, json) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  else
    stmt = _sd_store_prepare (self,
                              "UPDATE main.idp SET manager_id = ?1, created = ?2, title = ?3, "
                              "json = ?4 WHERE id = ?5",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, idp->manager_id);
  _sd_store_bind_date (stmt, 2, &idp->created);
  _sd_store_bind_text_or_null (stmt, 3, title);
  sqlite3_bind_text (stmt, 4, json, -1, SQLITE_TRANSIENT);
  if (idp->id != 0)
    sqlite3_bind_int64 (stmt, 5, idp->id);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  return idp->id != 0 ? idp->id : sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

gint64
sd_store_people_add_idp (SdStore      *self,
                         const SdIdp  *idp,
                         GError      **error)
{
  g_autoptr(SdIdp) copy = NULL;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (idp != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_idp (self, idp, error) || !_sd_store_edit_begin (self, error))
    return 0;
  copy = sd_idp_copy (idp);
  copy->id = 0;
  id = write_idp (self, copy, error);
  if (id == 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step */
  if (!_sd_store_edit_commit (self, _("Add development plan"), SD_STORE_CHANGED_PEOPLE, error))
    return 0;
  return id;
}

static gboolean
replace_idp (SdStore      *self,
             const SdIdp  *idp,
             const char   *label,
             GError      **error)
{
  if (!row_exists (self, "SELECT 1 FROM main.idp WHERE id = ?1", idp->id, error) ||
      !check_idp (self, idp, error) || !_sd_store_edit_begin (self, error))
    return FALSE;
  if (write_idp (self, idp, error) == 0)
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  return _sd_store_edit_commit (self, label, SD_STORE_CHANGED_PEOPLE, error);
}

gboolean
sd_store_people_update_idp (SdStore      *self,
                            const SdIdp  *idp,
                            GError      **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (idp != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: an undo step */
  return replace_idp (self, idp, _("Edit development plan"), error);
}

gboolean
sd_store_people_remove_idp (SdStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!row_exists (self, "SELECT 1 FROM main.idp WHERE id = ?1", id, error))
    return FALSE;
  /* Translators: an undo step */
  return delete_row (self, "DELETE FROM main.idp WHERE id = ?1", id,
                     _("Delete development plan"), error);
}

gboolean
sd_store_people_set_action_status (SdStore      *self,
                                   gint64        idp_id,
                                   guint         index,
                                   SdIdpStatus   status,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autoptr(SdIdp) idp = NULL;
  g_autoptr(GError) local_error = NULL;
  SdIdpAction *action;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  idp = sd_store_people_get_idp (self, idp_id, error);
  if (idp == NULL)
    return FALSE;
  if (index >= idp->actions->len)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("This action is no longer in the plan. Reload and try again."));
      return FALSE;
    }
  action = g_ptr_array_index (idp->actions, index);
  if (action->status == status)
    return TRUE;
  if (!sd_idp_action_set_status (action, status, today, &local_error))
    {
      refuse (error, local_error);
      return FALSE;
    }
  /* Translators: an undo step */
  return replace_idp (self, idp, _("Change action status"), error);
}

/* ------------------------------------------------------------------------------------------
 * Snapshot and attention
 * ------------------------------------------------------------------------------------------ */

void
sd_people_snapshot_free (SdPeopleSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->idps, g_ptr_array_unref);
  g_clear_pointer (&self->plan_fact, sd_plan_fact_free);
  g_clear_pointer (&self->checklist, sd_checklist_free);
  g_clear_pointer (&self->assessment_template, sd_checklist_free);
  g_free (self);
}

SdPeopleSnapshot *
sd_store_people_load (SdStore  *self,
                      SdMonth   first,
                      SdMonth   last,
                      GError  **error)
{
  g_autoptr(SdPeopleSnapshot) snap = g_new0 (SdPeopleSnapshot, 1);
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GArray) plan = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  snap->staff = sd_store_list_staff (self, TRUE, error);
  if (snap->staff == NULL)
    return NULL;
  {
    GDate from, to;

    sd_month_first_day (first, &from);
    sd_month_last_day (last, &to);
    snap->calls = sd_store_people_list_calls (self, 0, &from, &to, error);
  }
  if (snap->calls == NULL)
    return NULL;
  snap->assessments = sd_store_people_list_assessments (self, 0, error);
  if (snap->assessments == NULL)
    return NULL;
  snap->idps = sd_store_people_list_idps (self, 0, error);
  if (snap->idps == NULL)
    return NULL;
  snap->checklist = sd_store_people_get_current_checklist (self, SD_CHECKLIST_CALL, error);
  if (snap->checklist == NULL)
    return NULL;
  snap->assessment_template = sd_store_people_get_current_checklist (self, SD_CHECKLIST_ASSESSMENT,
                                                                     error);
  if (snap->assessment_template == NULL)
    return NULL;
  facts = sd_store_list_facts (self, first, last, error);
  if (facts == NULL)
    return NULL;
  plan = sd_store_list_plan (self, first, last, error);
  if (plan == NULL)
    return NULL;
  snap->plan_fact = sd_plan_fact_new ();
  if (!sd_plan_fact_add_plan_entries (snap->plan_fact, (const SdPlanEntry *) (gpointer) plan->data,
                                      plan->len, error) ||
      !sd_plan_fact_add_facts (snap->plan_fact, (const SdFact *) (gpointer) facts->data,
                               facts->len, error))
    return NULL;
  return g_steal_pointer (&snap);
}

GPtrArray *
sd_people_snapshot_find_attention (const SdPeopleSnapshot *snap,
                                   SdStore                *store,
                                   SdMonth                 month,
                                   const GDate            *today)
{
  SdAttentionInput input;

  g_return_val_if_fail (snap != NULL, NULL);
  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  sd_attention_input_init (&input, month, today);
  input.managers = snap->staff;
  input.plan_fact = snap->plan_fact;
  input.lag_threshold_bp = sd_store_get_setting_int (store, "lag-threshold-bp",
                                                     SD_PLAN_DEFAULT_LAG_THRESHOLD_BP);
  input.lag_months = (guint) CLAMP (sd_store_get_setting_int (store, "lag-months",
                                                              SD_PLAN_DEFAULT_LAG_MONTHS), 1, 24);
  input.calls = snap->calls;
  input.assessments = snap->assessments;
  input.idps = snap->idps;
  return sd_attention_find (&input);
}

GPtrArray *
sd_store_people_find_attention (SdStore      *self,
                                SdMonth       month,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(SdPeopleSnapshot) snap = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  snap = sd_store_people_load (self, month - 23, month, error);
  if (snap == NULL)
    return NULL;
  return sd_people_snapshot_find_attention (snap, self, month, today);
}

/* ------------------------------------------------------------------------------------------
 * Demo
 * ------------------------------------------------------------------------------------------ */

/* A random score on a 0..2 or 1..5 scale around `level` (0..1 of the scale). */
static int
demo_score (GRand  *rand,
            double  level,
            int     bottom,
            int     top)
{
  double x = level + g_rand_double_range (rand, -0.25, 0.25);
  int score = bottom + (int) (x * (top - bottom) + 0.5);

  return CLAMP (score, bottom, top);
}

gboolean
_sd_store_fill_demo_people (SdStore      *self,
                            const GDate  *today,
                            guint         n_months,
                            GError      **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) managers = g_ptr_array_new ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_call_free);
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_assessment_free);
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  SdMonth current;
  gint64 checklist_id, template_id, weakest = 0, weakest_score = G_MAXINT64;
  guint falling;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  current = sd_month_from_date (today);
  staff = sd_store_list_staff (self, FALSE, error);
  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *m = g_ptr_array_index (staff, i);

      if (m->role == SD_ROLE_MANAGER && sd_staff_member_works_on (m, today))
        g_ptr_array_add (managers, m);
    }
  checklist_id = write_checklist (self, 0, checklist, error);
  if (checklist_id == 0)
    return FALSE;
  checklist->id = checklist_id;
  template_id = write_checklist (self, 0, template_, error);
  if (template_id == 0)
    return FALSE;
  template_->id = template_id;
  if (managers->len == 0)
    return TRUE;
  /* The calls of the last manager who worked the whole period get worse at its end. */
  falling = G_MAXUINT;
  for (guint i = 1; i < managers->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (managers, i);
      GDate start;

      sd_month_first_day (current - (SdMonth) n_months, &start);
      if (g_date_compare (&m->hired, &start) <= 0)
        falling = i;
    }

  for (guint i = 0; i < managers->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (managers, i);
      double skill = 0.45 + 0.5 * g_rand_double (rand);
      double *levels = g_new (double, sd_checklist_get_n_criteria (checklist));
      gint64 sum = 0, n = 0;

      for (guint c = 0; c < sd_checklist_get_n_criteria (checklist); c++)
        levels[c] = CLAMP (skill + g_rand_double_range (rand, -0.3, 0.3), 0.05, 1.0);
      for (guint k = 0; k < n_months; k++)
        {
          SdMonth month = current - (SdMonth) (n_months - 1 - k);
          guint n_calls = 3 + (guint) g_rand_int_range (rand, 0, 3);
          /* The falling one slides over the last four months; the others grow slowly. */
          double drift = i != falling ? 0.02 * (double) k
                         : k + 4 >= n_months ? -0.1 * (double) (k + 5 - n_months) : 0.0;

          for (guint j = 0; j < n_calls; j++)
            {
              g_autoptr(SdCall) call = NULL;
              GDate day;
              int score;

              sd_month_first_day (month, &day);
              g_date_add_days (&day, 1 + j * 5 + (guint) g_rand_int_range (rand, 0, 4));
              if (g_date_compare (&day, today) > 0 || !sd_staff_member_works_on (m, &day))
                continue;
              call = sd_call_new_for_checklist (checklist, m->id, &day);
              call->checklist_id = checklist_id;
              for (guint c = 0; c < sd_checklist_get_n_criteria (checklist); c++)
                {
                  const SdCriterion *crit = sd_checklist_get_criterion (checklist, c);

                  sd_call_set_score (call, crit->key,
                                     demo_score (rand, CLAMP (levels[c] + drift, 0.0, 1.0), 0,
                                                 crit->max_score));
                }
              /* Translators: a demo call's client, "Demo client 17" */
              call->reference = g_strdup_printf (_("Demo client %u"),
                                                 100 + (guint) g_rand_int_range (rand, 1, 900));
              if (!sd_call_compute_score (call, &score, error))
                {
                  g_free (levels);
                  return FALSE;
                }
              if (write_call (self, call, score, error) == 0)
                {
                  g_free (levels);
                  return FALSE;
                }
              sum += score;
              n++;
              g_ptr_array_add (calls, g_steal_pointer (&call));
            }
        }
      if (n > 0 && sum / n < weakest_score && i != falling)
        {
          weakest_score = sum / n;
          weakest = m->id;
        }

      /* Assessments: one about five months ago, a second last month for every other one. */
      for (guint a = 0; a < (i % 2 == 0 ? 2u : 1u); a++)
        {
          g_autoptr(SdAssessment) assessment = NULL;
          GDate day = *today;

          g_date_subtract_months (&day, a == 0 ? 5 : 1);
          if (!sd_staff_member_works_on (m, &day))
            continue;
          assessment = sd_assessment_new_for_template (template_, m->id, &day);
          assessment->template_id = template_id;
          for (guint c = 0; c < sd_checklist_get_n_criteria (template_); c++)
            {
              const SdCriterion *crit = sd_checklist_get_criterion (template_, c);

              sd_assessment_set_score (assessment, crit->key,
                                       demo_score (rand, skill + 0.1 * (double) a, 1,
                                                   crit->max_score));
            }
          assessment->assessor = g_strdup (_("Head of sales"));
          assessment->id = insert_assessment (self, assessment, template_id, error);
          if (assessment->id == 0)
            {
              g_free (levels);
              return FALSE;
            }
          g_ptr_array_add (assessments, g_steal_pointer (&assessment));
        }
      g_free (levels);
    }

  /* A plan for the weakest, proposed as the head of sales would have 40 days ago. */
  if (weakest != 0)
    {
      g_autoptr(SdIdp) idp = NULL;
      SdIdpProposalInput input;
      SdPeopleData data = { calls, assessments, NULL };
      GDate made = *today;

      g_date_subtract_days (&made, 40);
      sd_idp_proposal_input_init (&input, weakest, &made);
      input.data = &data;
      input.checklist = checklist;
      idp = sd_idp_propose (&input, NULL);
      if (idp != NULL && idp->actions->len > 0)
        {
          SdIdpAction *first = g_ptr_array_index (idp->actions, 0);
          GDate done = made;

          g_date_add_days (&done, 12);
          sd_idp_action_set_status (first, SD_IDP_STATUS_DONE, &done, NULL);
          g_free (idp->title);
          idp->title = g_strdup (_("Development plan"));
          if (sd_idp_validate (idp, NULL) && write_idp (self, idp, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}
