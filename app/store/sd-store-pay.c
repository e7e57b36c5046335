/* sd-store-pay.c — motivation schemes, their assignments and the monthly payroll
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-pay"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-call-score.h"
#include "sd-scheme-json.h"
#include "sd-scheme-library.h"
#include "sd-store-people.h"
#include "sd-store-private.h"

/* ------------------------------------------------------------------------------------------
 * Schemes
 * ------------------------------------------------------------------------------------------ */

void
sd_scheme_entry_free (SdSchemeEntry *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->scheme, sd_scheme_free);
  g_free (self);
}

static char *
fold_scheme_name (const char *name)
{
  g_autofree char *trimmed = _sd_store_trim_name (name != NULL ? name : "");
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

static SdSchemeEntry *
entry_from_row (sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SdSchemeEntry) entry = g_new0 (SdSchemeEntry, 1);
  const char *json = (const char *) sqlite3_column_text (stmt, 1);
  const char *description = (const char *) sqlite3_column_text (stmt, 2);
  g_autoptr(GError) local_error = NULL;

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->scheme = sd_scheme_from_json (json != NULL ? json : "", -1, &local_error);
  if (entry->scheme == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                   _("A motivation scheme in the file cannot be read: %s"),
                   local_error->message);
      return NULL;
    }
  if (description != NULL)
    {
      g_free (entry->scheme->description);
      entry->scheme->description = g_strdup (description);
    }
  return g_steal_pointer (&entry);
}

GPtrArray *
sd_store_list_schemes (SdStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT id, json, description FROM main.schemes ORDER BY folded, id",
                            error);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) entry_from_row,
                            (GDestroyNotify) sd_scheme_entry_free, error);
}

SdSchemeEntry *
sd_store_get_scheme (SdStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT id, json, description FROM main.schemes WHERE id = ?1",
                                    id, error);
  return _sd_store_collect_one (self, stmt, (SdStoreFromRowFunc) entry_from_row,
                                _("This motivation scheme is no longer in the file. Reload the "
                                  "list and try again."),
                                error);
}

gint64
sd_store_find_scheme (SdStore    *self,
                      const char *name)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  folded = fold_scheme_name (name);
  stmt = _sd_store_prepare (self, "SELECT id FROM main.schemes WHERE folded = ?1", NULL);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_TRANSIENT);
  _sd_store_query_int64 (self, stmt, 0, &id, NULL);
  return id;
}

/* The scheme as stored: validated, its name trimmed. */
static SdScheme *
prepare_scheme (const SdScheme  *scheme,
                GError         **error)
{
  g_autoptr(SdScheme) copy = sd_scheme_copy (scheme);
  g_autoptr(GError) local_error = NULL;
  char *trimmed = _sd_store_trim_name (copy->name != NULL ? copy->name : "");

  g_free (copy->name);
  copy->name = trimmed;
  if (!sd_scheme_validate (copy, &local_error))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, local_error->message);
      return NULL;
    }
  if (*copy->name == '\0')
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The scheme has no name. Give it a name."));
      return NULL;
    }
  return g_steal_pointer (&copy);
}

static gboolean
check_scheme_name_free (SdStore     *self,
                        const char  *name,
                        gint64       except_id,
                        GError     **error)
{
  gint64 other = sd_store_find_scheme (self, name);

  if (other != 0 && other != except_id)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("There is already a scheme called “%s”. Choose another name."), name);
      return FALSE;
    }
  return TRUE;
}

/* Inside an edit: writes the scheme as a new row (id 0) or over row `id`. */
static gint64
write_scheme (SdStore         *self,
              gint64           id,
              const SdScheme  *scheme,
              GError         **error)
{
  g_autofree char *json = sd_scheme_to_json (scheme);
  g_autofree char *folded = fold_scheme_name (scheme->name);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = _sd_store_prepare (self,
                              "INSERT INTO main.schemes (name, folded, description, json) "
                              "VALUES (?2, ?3, ?4, ?5)", error);
  else
    stmt = _sd_store_prepare (self,
                              "UPDATE main.schemes SET name = ?2, folded = ?3, description = ?4, "
                              "json = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, scheme->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, folded, -1, SQLITE_TRANSIENT);
  _sd_store_bind_text_or_null (stmt, 4, scheme->description);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_TRANSIENT);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  return id != 0 ? id : sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

gint64
sd_store_add_scheme (SdStore         *self,
                     const SdScheme  *scheme,
                     GError         **error)
{
  g_autoptr(SdScheme) clean = NULL;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (scheme != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  clean = prepare_scheme (scheme, error);
  if (clean == NULL || !check_scheme_name_free (self, clean->name, 0, error) ||
      !_sd_store_edit_begin (self, error))
    return 0;
  id = write_scheme (self, 0, clean, error);
  if (id == 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step, "Undo Add scheme" */
  if (!_sd_store_edit_commit (self, _("Add scheme"), SD_STORE_CHANGED_SCHEMES, error))
    return 0;
  return id;
}

gboolean
sd_store_update_scheme (SdStore         *self,
                        gint64           id,
                        const SdScheme  *scheme,
                        GError         **error)
{
  g_autoptr(SdSchemeEntry) old = NULL;
  g_autoptr(SdScheme) clean = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (scheme != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = sd_store_get_scheme (self, id, error);
  if (old == NULL)
    return FALSE;
  clean = prepare_scheme (scheme, error);
  if (clean == NULL || !check_scheme_name_free (self, clean->name, id, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;
  if (write_scheme (self, id, clean, error) == 0)
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  /* Translators: an undo step, "Undo Edit scheme" */
  return _sd_store_edit_commit (self, _("Edit scheme"), SD_STORE_CHANGED_SCHEMES, error);
}

gboolean
sd_store_remove_scheme (SdStore   *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(SdSchemeEntry) old = NULL;
  sqlite3_stmt *stmt;
  gint64 used;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = sd_store_get_scheme (self, id, error);
  if (old == NULL)
    return FALSE;
  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT 1 FROM main.scheme_assignment WHERE scheme_id = ?1",
                                    id, error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_query_int64 (self, stmt, 0, &used, NULL);
  if (used != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("The scheme “%s” is assigned to staff. Assign them another scheme "
                     "first, then delete it."), old->scheme->name);
      return FALSE;
    }
  return _sd_store_edit_exec_with_id (self, "DELETE FROM main.schemes WHERE id = ?1", id, NULL,
                                      /* Translators: an undo step, "Undo Delete scheme" */
                                      _("Delete scheme"), SD_STORE_CHANGED_SCHEMES, error);
}

gint64
sd_store_import_scheme (SdStore         *self,
                        const SdScheme  *scheme,
                        gboolean        *replaced,
                        GError         **error)
{
  g_autoptr(SdScheme) clean = NULL;
  gint64 existing;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (scheme != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (replaced != NULL)
    *replaced = FALSE;
  clean = prepare_scheme (scheme, error);
  if (clean == NULL || !_sd_store_edit_begin (self, error))
    return 0;
  existing = sd_store_find_scheme (self, clean->name);
  id = write_scheme (self, existing, clean, error);
  if (id == 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step, "Undo Import scheme" */
  if (!_sd_store_edit_commit (self, _("Import scheme"), SD_STORE_CHANGED_SCHEMES, error))
    return 0;
  if (replaced != NULL)
    *replaced = existing != 0;
  return id;
}

/* ------------------------------------------------------------------------------------------
 * Assignments
 * ------------------------------------------------------------------------------------------ */

static gboolean
assignment_row (sqlite3_stmt  *stmt,
                gpointer       user_data,
                GError       **error)
{
  GArray *list = user_data;
  SdSchemeAssignment a = { 0, };

  a.manager_id = sqlite3_column_int64 (stmt, 0);
  a.scheme_id = sqlite3_column_int64 (stmt, 1);
  if (_sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 2), &a.from))
    g_array_append_val (list, a);
  return TRUE;
}

GArray *
sd_store_list_scheme_assignments (SdStore  *self,
                                  gint64    manager_id,
                                  GError  **error)
{
  g_autoptr(GArray) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT manager_id, coalesce (scheme_id, 0), month "
                                    "FROM main.scheme_assignment WHERE ?1 = 0 OR manager_id = ?1 "
                                    "ORDER BY manager_id, month",
                                    manager_id, error);
  list = g_array_new (FALSE, TRUE, sizeof (SdSchemeAssignment));
  if (!_sd_store_for_each_row (self, stmt, assignment_row, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Assigning from a month reaches every later month up to the next assignment; refuse when a
 * closed month lies in that range, since its frozen payslips would then disagree with the
 * assignments (closing freezes the numbers, but the assignment list should still say what
 * was paid). */
static gboolean
check_assignment_open (SdStore  *self,
                       gint64    manager_id,
                       SdMonth   from,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 closed;
  g_autofree char *label = NULL;

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT 1 FROM main.payroll_month WHERE closed = 1 "
                                    "AND month >= ?2 AND month < coalesce ((SELECT min (month) "
                                    "FROM main.scheme_assignment WHERE manager_id = ?1 "
                                    "AND month > ?2), '9999-99')",
                                    manager_id, error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_month (stmt, 2, from);
  _sd_store_query_int64 (self, stmt, 0, &closed, NULL);
  if (closed == 0)
    return TRUE;
  label = sd_month_format_label (from);
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
               _("The payroll from %s on includes a closed month. Assign the scheme from a "
                 "later month, or reopen the closed month first."), label);
  return FALSE;
}

gboolean
_sd_store_write_scheme_assignment (SdStore   *self,
                                   gint64     manager_id,
                                   gint64     scheme_id,
                                   SdMonth    from,
                                   GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare_with_id (self,
                                    "INSERT OR REPLACE INTO main.scheme_assignment "
                                    "(manager_id, scheme_id, month) VALUES (?1, ?2, ?3)",
                                    manager_id, error);
  if (stmt == NULL)
    return FALSE;
  if (scheme_id != 0)
    sqlite3_bind_int64 (stmt, 2, scheme_id);
  else
    sqlite3_bind_null (stmt, 2);
  _sd_store_bind_month (stmt, 3, from);
  return _sd_store_run (self, stmt, error);
}

gboolean
sd_store_assign_scheme (SdStore   *self,
                        gint64     manager_id,
                        gint64     scheme_id,
                        SdMonth    from,
                        GError   **error)
{
  g_autoptr(SdStaffMember) member = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  member = sd_store_get_staff (self, manager_id, error);
  if (member == NULL)
    return FALSE;
  if (scheme_id != 0)
    {
      g_autoptr(SdSchemeEntry) entry = sd_store_get_scheme (self, scheme_id, error);

      if (entry == NULL)
        return FALSE;
    }
  if (!check_assignment_open (self, manager_id, from, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;
  if (!_sd_store_write_scheme_assignment (self, manager_id, scheme_id, from, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  /* Translators: an undo step, "Undo Assign scheme" */
  return _sd_store_edit_commit (self, _("Assign scheme"), SD_STORE_CHANGED_SCHEMES, error);
}

gboolean
sd_store_unassign_scheme (SdStore   *self,
                          gint64     manager_id,
                          SdMonth    from,
                          GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assignment_open (self, manager_id, from, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;
  stmt = _sd_store_prepare_with_id (self,
                                    "DELETE FROM main.scheme_assignment "
                                    "WHERE manager_id = ?1 AND month = ?2",
                                    manager_id, error);
  if (stmt != NULL)
    _sd_store_bind_month (stmt, 2, from);
  if (!_sd_store_run (self, stmt, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  /* Translators: an undo step, "Undo Remove scheme assignment" */
  return _sd_store_edit_commit (self, _("Remove scheme assignment"), SD_STORE_CHANGED_SCHEMES,
                                error);
}

/* The id of the scheme paying `manager_id` in `month` (0: none), or -1 with `error`. */
static gint64
assigned_scheme_id (SdStore  *self,
                    gint64    manager_id,
                    SdMonth   month,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 scheme_id;

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT coalesce (scheme_id, 0) FROM main.scheme_assignment "
                                    "WHERE manager_id = ?1 AND month <= ?2 "
                                    "ORDER BY month DESC LIMIT 1",
                                    manager_id, error);
  if (stmt != NULL)
    _sd_store_bind_month (stmt, 2, month);
  if (!_sd_store_query_int64 (self, stmt, 0, &scheme_id, error))
    return -1;
  return scheme_id;
}

SdScheme *
sd_store_get_scheme_for (SdStore   *self,
                         gint64     manager_id,
                         SdMonth    month,
                         GError   **error)
{
  g_autoptr(SdSchemeEntry) entry = NULL;
  gint64 scheme_id;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scheme_id = assigned_scheme_id (self, manager_id, month, error);
  if (scheme_id <= 0)
    return NULL;
  entry = sd_store_get_scheme (self, scheme_id, error);
  if (entry == NULL)
    return NULL;
  return g_steal_pointer (&entry->scheme);
}

/* ------------------------------------------------------------------------------------------
 * Payroll
 * ------------------------------------------------------------------------------------------ */

static const char *
currency_symbol (SdStore *self)
{
  const char *code = sd_store_get_currency (self);

  if (g_strcmp0 (code, "RUB") == 0)
    return "₽";
  return code != NULL ? code : "";
}

/* The `call_score` KPI of one manager for one month: the average of the calls scored that
 * month in the KPI's fixed point, half away from zero — sd_call_scores_kpi's rule, summed in
 * SQL on the (manager, day) index instead of reading every call's marks (a payroll asks once
 * per person and month). Each call's score is a whole number of points, stored in
 * hundredths. No call scored, or the calls cannot be read: no value, said so on the payslip. */
static gboolean
lookup_call_score (SdStore  *self,
                   gint64    manager_id,
                   SdMonth   month,
                   gint64   *score)
{
  g_autoptr(GError) error = NULL;
  char iso[16];
  sqlite3_stmt *stmt;
  gint64 sum = 0, n = 0;
  int rc;

  *score = 0;
  _sd_store_month_to_iso (month, iso);
  stmt = _sd_store_prepare (self,
                            "SELECT coalesce (sum (score), 0), count (*) FROM main.call_score "
                            "WHERE manager_id = ?1 AND day BETWEEN ?2 || '-01' AND ?2 || '-31'",
                            &error);
  if (stmt == NULL)
    {
      g_warning ("Call scores of %" G_GINT64_FORMAT " cannot be read: %s", manager_id,
                 error->message);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, manager_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sum = sqlite3_column_int64 (stmt, 0);
      n = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW || n == 0)
    return FALSE;
  /* hundredths × 100 = SD_FIX_ONE units per point */
  *score = sd_div_round (sum * (SD_FIX_ONE / 100), n);
  return TRUE;
}

static SdPayroll *
compute_live (SdStore           *self,
              SdMonth            month,
              const SdCalendar  *calendar,
              SdNumberStyle      style,
              gboolean           explain,
              GError           **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) employed = NULL;
  g_autoptr(GPtrArray) schemes = NULL;
  g_autoptr(GHashTable) by_id = NULL;   /* scheme id → scheme, owned by `schemes` */
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autofree SdPayrollInput *inputs = NULL;
  gboolean has_department = FALSE;
  SdMoney department = 0;

  staff = sd_store_list_staff (self, TRUE, error);
  if (staff == NULL)
    return NULL;
  plan = sd_store_list_plan (self, month, month, error);
  if (plan == NULL)
    return NULL;
  facts = sd_store_list_facts (self, month, month, error);
  if (facts == NULL)
    return NULL;

  employed = g_ptr_array_new ();
  schemes = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_scheme_free);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);

      if (sd_staff_member_works_in (member, month))
        g_ptr_array_add (employed, member);
    }

  inputs = g_new0 (SdPayrollInput, MAX (employed->len, 1));
  for (guint i = 0; i < employed->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (employed, i);
      SdPayrollInput *in = &inputs[i];
      g_autoptr(GError) local_error = NULL;
      SdScheme *scheme = NULL;
      gint64 scheme_id;

      /* Most of a department shares a few schemes: read and parse each once. */
      scheme_id = assigned_scheme_id (self, member->id, month, &local_error);
      if (scheme_id < 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (scheme_id > 0)
        {
          scheme = g_hash_table_lookup (by_id, &scheme_id);
          if (scheme == NULL)
            {
              g_autoptr(SdSchemeEntry) entry = sd_store_get_scheme (self, scheme_id, error);

              if (entry == NULL)
                return NULL;
              scheme = g_steal_pointer (&entry->scheme);
              g_ptr_array_add (schemes, scheme);
              g_hash_table_insert (by_id, g_memdup2 (&scheme_id, sizeof scheme_id), scheme);
            }
        }
      in->member = member;
      in->scheme = scheme;
      for (guint j = 0; j < plan->len; j++)
        {
          const SdPlanEntry *e = &g_array_index (plan, SdPlanEntry, j);

          if (e->month == month && e->manager_id == member->id)
            {
              in->has_plan = TRUE;
              in->plan = e->revenue;
            }
        }
      for (guint j = 0; j < facts->len; j++)
        {
          const SdFact *f = &g_array_index (facts, SdFact, j);

          if (f->month == month && f->manager_id == member->id)
            {
              in->has_fact = TRUE;
              in->fact = *f;
            }
        }
      in->has_call_score = lookup_call_score (self, member->id, month, &in->call_score);
    }
  for (guint j = 0; j < plan->len; j++)
    {
      const SdPlanEntry *e = &g_array_index (plan, SdPlanEntry, j);

      if (e->month == month && e->manager_id == 0)
        {
          has_department = TRUE;
          department = e->revenue;
        }
    }

  return sd_payroll_compute_month (month, calendar, inputs, employed->len,
                                   has_department ? &department : NULL, style,
                                   explain ? currency_symbol (self) : NULL);
}

static void
add_slip_to_totals (SdPayroll       *payroll,
                    const SdPayslip *slip)
{
  payroll->salary += slip->salary;
  payroll->commission += slip->commission;
  payroll->kpi += slip->kpi;
  payroll->overplan += slip->overplan;
  payroll->cap_adjustment += slip->cap_adjustment;
  payroll->total += slip->total;
}

static void
payroll_note_free (gpointer data)
{
  SdPayrollNote *note = data;

  g_free (note->text);
  g_free (note);
}

static SdPayroll *
load_frozen (SdStore  *self,
             SdMonth   month,
             GError  **error)
{
  g_autoptr(SdPayroll) payroll = g_new0 (SdPayroll, 1);
  char iso[16];
  sqlite3_stmt *stmt;
  sqlite3_stmt *notes;
  int rc;

  payroll->month = month;
  payroll->slips = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_payslip_free);
  _sd_store_month_to_iso (month, iso);
  stmt = _sd_store_prepare (self,
                            "SELECT position, manager_id, manager, scheme_name, worked_days, "
                            "working_days, has_plan_pct, plan_pct, plan, base_fact, salary, "
                            "commission, kpi, overplan, cap_adjustment, total "
                            "FROM main.payroll_slip WHERE month = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  notes = _sd_store_prepare (self,
                             "SELECT part, text FROM main.payroll_note "
                             "WHERE month = ?1 AND position = ?2 ORDER BY line", error);
  if (notes == NULL)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdPayslip *slip = g_new0 (SdPayslip, 1);
      const char *scheme_name = (const char *) sqlite3_column_text (stmt, 3);

      slip->manager_id = sqlite3_column_int64 (stmt, 1);
      slip->manager = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      slip->scheme_name = g_strdup (scheme_name);
      slip->worked_days = (guint) sqlite3_column_int64 (stmt, 4);
      slip->working_days = (guint) sqlite3_column_int64 (stmt, 5);
      slip->has_plan_pct = sqlite3_column_int (stmt, 6) != 0;
      slip->plan_pct = sqlite3_column_int64 (stmt, 7);
      slip->plan = sqlite3_column_int64 (stmt, 8);
      slip->base_fact = sqlite3_column_int64 (stmt, 9);
      slip->salary = sqlite3_column_int64 (stmt, 10);
      slip->commission = sqlite3_column_int64 (stmt, 11);
      slip->kpi = sqlite3_column_int64 (stmt, 12);
      slip->overplan = sqlite3_column_int64 (stmt, 13);
      slip->cap_adjustment = sqlite3_column_int64 (stmt, 14);
      slip->total = sqlite3_column_int64 (stmt, 15);
      slip->notes = g_ptr_array_new_with_free_func (payroll_note_free);
      g_ptr_array_add (payroll->slips, slip);
      add_slip_to_totals (payroll, slip);

      sqlite3_reset (notes);
      sqlite3_bind_text (notes, 1, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (notes, 2, sqlite3_column_int64 (stmt, 0));
      while (sqlite3_step (notes) == SQLITE_ROW)
        {
          SdPayrollNote *note = g_new0 (SdPayrollNote, 1);

          note->part = (SdPayrollPart) sqlite3_column_int (notes, 0);
          note->text = g_strdup ((const char *) sqlite3_column_text (notes, 1));
          g_ptr_array_add (slip->notes, note);
        }
    }
  sqlite3_finalize (notes);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&payroll);
}

SdPayroll *
sd_store_compute_payroll (SdStore           *self,
                          SdMonth            month,
                          const SdCalendar  *calendar,
                          SdNumberStyle      style,
                          GError           **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sd_store_is_month_closed (self, month))
    return load_frozen (self, month, error);
  return compute_live (self, month, calendar, style, TRUE, error);
}

SdPayroll *
sd_store_compute_payroll_totals (SdStore           *self,
                                 SdMonth            month,
                                 const SdCalendar  *calendar,
                                 GError           **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sd_store_is_month_closed (self, month))
    return load_frozen (self, month, error);
  return compute_live (self, month, calendar, SD_NUMBER_STYLE_EN, FALSE, error);
}

gboolean
sd_store_is_month_closed (SdStore *self,
                          SdMonth  month)
{
  sqlite3_stmt *stmt;
  gint64 closed;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  stmt = _sd_store_prepare (self, "SELECT closed FROM main.payroll_month WHERE month = ?1", NULL);
  if (stmt != NULL)
    _sd_store_bind_month (stmt, 1, month);
  _sd_store_query_int64 (self, stmt, 0, &closed, NULL);
  return closed != 0;
}

static void
today_iso (char buf[16])
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  _sd_store_date_to_iso (&today, buf);
}

static gboolean
freeze_payroll (SdStore          *self,
                const SdPayroll  *payroll,
                const char       *iso,
                GError          **error)
{
  sqlite3_stmt *slip_stmt;
  sqlite3_stmt *note_stmt;
  gboolean ok = TRUE;

  slip_stmt = _sd_store_prepare (self,
                                 "INSERT INTO main.payroll_slip (month, position, manager_id, "
                                 "manager, scheme_name, worked_days, working_days, has_plan_pct, "
                                 "plan_pct, plan, base_fact, salary, commission, kpi, overplan, "
                                 "cap_adjustment, total) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                 "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", error);
  if (slip_stmt == NULL)
    return FALSE;
  note_stmt = _sd_store_prepare (self,
                                 "INSERT INTO main.payroll_note (month, position, line, part, "
                                 "text) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (note_stmt == NULL)
    {
      sqlite3_finalize (slip_stmt);
      return FALSE;
    }
  for (guint i = 0; ok && i < payroll->slips->len; i++)
    {
      const SdPayslip *slip = g_ptr_array_index (payroll->slips, i);

      sqlite3_reset (slip_stmt);
      sqlite3_bind_text (slip_stmt, 1, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (slip_stmt, 2, i);
      sqlite3_bind_int64 (slip_stmt, 3, slip->manager_id);
      sqlite3_bind_text (slip_stmt, 4, slip->manager != NULL ? slip->manager : "", -1,
                         SQLITE_TRANSIENT);
      if (slip->scheme_name != NULL)
        sqlite3_bind_text (slip_stmt, 5, slip->scheme_name, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (slip_stmt, 5);
      sqlite3_bind_int64 (slip_stmt, 6, slip->worked_days);
      sqlite3_bind_int64 (slip_stmt, 7, slip->working_days);
      sqlite3_bind_int (slip_stmt, 8, slip->has_plan_pct ? 1 : 0);
      sqlite3_bind_int64 (slip_stmt, 9, slip->plan_pct);
      sqlite3_bind_int64 (slip_stmt, 10, slip->plan);
      sqlite3_bind_int64 (slip_stmt, 11, slip->base_fact);
      sqlite3_bind_int64 (slip_stmt, 12, slip->salary);
      sqlite3_bind_int64 (slip_stmt, 13, slip->commission);
      sqlite3_bind_int64 (slip_stmt, 14, slip->kpi);
      sqlite3_bind_int64 (slip_stmt, 15, slip->overplan);
      sqlite3_bind_int64 (slip_stmt, 16, slip->cap_adjustment);
      sqlite3_bind_int64 (slip_stmt, 17, slip->total);
      ok = _sd_store_step_done (self, slip_stmt, error);
      for (guint j = 0; ok && slip->notes != NULL && j < slip->notes->len; j++)
        {
          const SdPayrollNote *note = g_ptr_array_index (slip->notes, j);

          sqlite3_reset (note_stmt);
          sqlite3_bind_text (note_stmt, 1, iso, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (note_stmt, 2, i);
          sqlite3_bind_int64 (note_stmt, 3, j);
          sqlite3_bind_int (note_stmt, 4, (int) note->part);
          sqlite3_bind_text (note_stmt, 5, note->text != NULL ? note->text : "", -1,
                             SQLITE_TRANSIENT);
          ok = _sd_store_step_done (self, note_stmt, error);
        }
    }
  sqlite3_finalize (slip_stmt);
  sqlite3_finalize (note_stmt);
  return ok;
}

/* Inside an edit: drops the frozen payslips of the month `iso`. */
static gboolean
delete_frozen (SdStore     *self,
               const char  *iso,
               GError     **error)
{
  return _sd_store_exec_with_text (self, "DELETE FROM main.payroll_note WHERE month = ?1", iso,
                                   error) &&
         _sd_store_exec_with_text (self, "DELETE FROM main.payroll_slip WHERE month = ?1", iso,
                                   error);
}

static gboolean
exec_month (SdStore     *self,
            const char  *sql,
            const char  *iso,
            const char  *text,
            GError     **error)
{
  sqlite3_stmt *stmt = _sd_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
      if (text != NULL)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
    }
  return _sd_store_run (self, stmt, error);
}

gboolean
sd_store_close_month (SdStore           *self,
                      SdMonth            month,
                      const SdCalendar  *calendar,
                      GError           **error)
{
  g_autoptr(SdPayroll) payroll = NULL;
  char iso[16];
  char today[16];

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sd_store_is_month_closed (self, month))
    {
      g_autofree char *label = sd_month_format_label (month);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("The payroll of %s is already closed."), label);
      return FALSE;
    }
  /* The frozen explanations keep the locale style of the person who closed the month. */
  payroll = compute_live (self, month, calendar, sd_number_style_current (), TRUE, error);
  if (payroll == NULL)
    return FALSE;
  _sd_store_month_to_iso (month, iso);
  today_iso (today);
  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  if (!delete_frozen (self, iso, error) ||
      !exec_month (self,
                   "INSERT INTO main.payroll_month (month, closed, closed_on) VALUES (?1, 1, ?2) "
                   "ON CONFLICT (month) DO UPDATE SET closed = 1, closed_on = ?2",
                   iso, today, error) ||
      !freeze_payroll (self, payroll, iso, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  /* Translators: an undo step, "Undo Close payroll month" */
  return _sd_store_edit_commit (self, _("Close payroll month"), SD_STORE_CHANGED_PAYROLL, error);
}

gboolean
sd_store_reopen_month (SdStore     *self,
                       SdMonth      month,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *trimmed = NULL;
  char iso[16];
  char today[16];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("Say why the month is reopened: the reason is kept with the "
                             "payroll."));
      return FALSE;
    }
  if (!sd_store_is_month_closed (self, month))
    {
      g_autofree char *label = sd_month_format_label (month);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("The payroll of %s is not closed."), label);
      return FALSE;
    }
  _sd_store_month_to_iso (month, iso);
  today_iso (today);
  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  if (!delete_frozen (self, iso, error))
    goto failed;
  stmt = _sd_store_prepare (self,
                            "UPDATE main.payroll_month SET closed = 0, reopened_on = ?2, "
                            "reason = ?3 WHERE month = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_TRANSIENT);
  if (!_sd_store_run (self, stmt, error))
    goto failed;
  /* Translators: an undo step, "Undo Reopen payroll month" */
  return _sd_store_edit_commit (self, _("Reopen payroll month"), SD_STORE_CHANGED_PAYROLL, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

void
sd_month_closure_free (SdMonthClosure *self)
{
  if (self == NULL)
    return;
  g_free (self->reason);
  g_free (self);
}

static SdMonthClosure *
closure_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  SdMonthClosure *c = g_new0 (SdMonthClosure, 1);
  const char *closed = (const char *) sqlite3_column_text (stmt, 2);
  const char *reopened = (const char *) sqlite3_column_text (stmt, 3);

  g_date_clear (&c->closed, 1);
  g_date_clear (&c->reopened, 1);
  _sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 0), &c->month);
  c->is_closed = sqlite3_column_int (stmt, 1) != 0;
  if (closed != NULL)
    _sd_store_date_from_iso (closed, &c->closed);
  if (reopened != NULL)
    _sd_store_date_from_iso (reopened, &c->reopened);
  c->reason = _sd_store_column_dup (stmt, 4);
  return c;
}

GPtrArray *
sd_store_list_month_closures (SdStore  *self,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT month, closed, closed_on, reopened_on, reason "
                            "FROM main.payroll_month ORDER BY month DESC", error);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) closure_from_row,
                            (GDestroyNotify) sd_month_closure_free, error);
}

/* ------------------------------------------------------------------------------------------
 * Demo
 * ------------------------------------------------------------------------------------------ */

gboolean
_sd_store_fill_demo_payroll (SdStore  *self,
                             SdMonth   current,
                             GError  **error)
{
  g_autoptr(GPtrArray) library = sd_scheme_library_create_all ();
  g_autoptr(GArray) personal = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(SdPayroll) payroll = NULL;
  gint64 team = 0;
  char iso[16];
  char today[16];
  guint next = 0;

  if (!_sd_store_exec (self,
                       "DELETE FROM main.payroll_note;"
                       "DELETE FROM main.payroll_slip;"
                       "DELETE FROM main.payroll_month;"
                       "DELETE FROM main.scheme_assignment;"
                       "DELETE FROM main.schemes;", error))
    return FALSE;

  for (guint i = 0; i < library->len; i++)
    {
      const SdScheme *scheme = g_ptr_array_index (library, i);
      gint64 id = write_scheme (self, 0, scheme, error);

      if (id == 0)
        return FALSE;
      if (scheme->scope == SD_SCOPE_TEAM)
        {
          if (team == 0)
            team = id;
        }
      else
        g_array_append_val (personal, id);
    }

  staff = sd_store_list_staff (self, TRUE, error);
  if (staff == NULL)
    return FALSE;
  /* Managers get the personal schemes in turn, so the payroll shows several kinds; the
   * head of sales is paid on the department's result. */
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);
      gint64 scheme_id;

      if (member->role == SD_ROLE_HEAD)
        scheme_id = team;
      else if (personal->len > 0)
        scheme_id = g_array_index (personal, gint64, next++ % personal->len);
      else
        scheme_id = 0;
      if (scheme_id != 0 &&
          !_sd_store_write_scheme_assignment (self, member->id, scheme_id,
                                              sd_month_from_date (&member->hired), error))
        return FALSE;
    }

  /* One closed month (the previous one) and one open month to show. */
  if (current == SD_MONTH_INVALID)
    return TRUE;
  payroll = compute_live (self, current - 1, sd_calendar_get_default (),
                          sd_number_style_current (), TRUE, error);
  if (payroll == NULL)
    return FALSE;
  _sd_store_month_to_iso (current - 1, iso);
  today_iso (today);
  return exec_month (self, "INSERT INTO main.payroll_month (month, closed, closed_on) "
                     "VALUES (?1, 1, ?2)", iso, today, error) &&
         freeze_payroll (self, payroll, iso, error);
}
