/* sd-store-history.c — monthly facts and plan figures in the company file
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-history"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-store-private.h"

GArray *
sd_store_list_facts (SdStore  *self,
                     SdMonth   first,
                     SdMonth   last,
                     GError  **error)
{
  g_autoptr(GArray) facts = NULL;
  char first_iso[16], last_iso[16];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (first != SD_MONTH_INVALID && last != SD_MONTH_INVALID, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _sd_store_month_to_iso (first, first_iso);
  _sd_store_month_to_iso (last, last_iso);

  stmt = _sd_store_prepare (self,
                            "SELECT manager_id, month, revenue, paid, margin, deals, leads, calls"
                            " FROM main.facts WHERE month BETWEEN ?1 AND ?2"
                            " ORDER BY month, manager_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_iso, -1, SQLITE_TRANSIENT);

  facts = g_array_new (FALSE, TRUE, sizeof (SdFact));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdFact fact = { 0, };

      /* BETWEEN on text lets a malformed month through only if it sorts inside the range;
       * sd_store_check reports such rows, lists skip them. */
      if (!_sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 1), &fact.month))
        continue;
      fact.manager_id = sqlite3_column_int64 (stmt, 0);
      fact.revenue = sqlite3_column_int64 (stmt, 2);
      fact.paid = sqlite3_column_int64 (stmt, 3);
      fact.margin = sqlite3_column_int64 (stmt, 4);
      fact.deals = sqlite3_column_int64 (stmt, 5);
      fact.leads = sqlite3_column_int64 (stmt, 6);
      fact.calls = sqlite3_column_int64 (stmt, 7);
      g_array_append_val (facts, fact);
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&facts);
}

guint
sd_store_count_facts (SdStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (SD_IS_STORE (self), 0);

  stmt = _sd_store_prepare (self, "SELECT count(*) FROM main.facts", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

GArray *
sd_store_list_plan (SdStore  *self,
                    SdMonth   first,
                    SdMonth   last,
                    GError  **error)
{
  g_autoptr(GArray) plan = NULL;
  char first_iso[16], last_iso[16];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (first != SD_MONTH_INVALID && last != SD_MONTH_INVALID, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _sd_store_month_to_iso (first, first_iso);
  _sd_store_month_to_iso (last, last_iso);

  /* The department's own target (NULL) sorts as manager 0, before everyone. */
  stmt = _sd_store_prepare (self,
                            "SELECT coalesce (manager_id, 0), month, revenue, leads, deals"
                            " FROM main.plan WHERE month BETWEEN ?1 AND ?2"
                            " ORDER BY month, coalesce (manager_id, 0)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_iso, -1, SQLITE_TRANSIENT);

  plan = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdPlanEntry entry = { 0, };

      if (!_sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 1), &entry.month))
        continue;
      entry.manager_id = sqlite3_column_int64 (stmt, 0);
      entry.revenue = sqlite3_column_int64 (stmt, 2);
      entry.leads = sqlite3_column_int64 (stmt, 3);
      entry.deals = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (plan, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&plan);
}

static gboolean
insert_demo_staff (SdStore    *self,
                   GPtrArray  *staff,
                   GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.staff (id, name, role, hired, left_on, archived,"
                            " scheme) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && staff != NULL && i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      char hired[16], left[16];

      if (member->id <= 0 || !sd_staff_member_validate (member, &local_error))
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("The demo company is not valid: %s"),
                       local_error ? local_error->message : _("a person has no number."));
          ok = FALSE;
          break;
        }

      name = _sd_store_trim_name (member->name);
      key = _sd_store_name_key (name);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("There is already a person named «%s»."), name);
          ok = FALSE;
          break;
        }

      _sd_store_date_to_iso (&member->hired, hired);
      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, member->role == SD_ROLE_HEAD ? "head" : "manager", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, hired, -1, SQLITE_TRANSIENT);
      if (g_date_valid (&member->left))
        {
          _sd_store_date_to_iso (&member->left, left);
          sqlite3_bind_text (stmt, 5, left, -1, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_int (stmt, 6, member->archived ? 1 : 0);
      if (member->scheme != NULL && member->scheme[0] != '\0')
        sqlite3_bind_text (stmt, 7, member->scheme, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 7);

      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
insert_demo_facts (SdStore  *self,
                   GArray   *facts,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (facts == NULL)
    return TRUE;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.facts (manager_id, month, revenue, paid, margin,"
                            " deals, leads, calls) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && i < facts->len; i++)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, i);
      char month[16];

      _sd_store_month_to_iso (fact->month, month);
      sqlite3_bind_int64 (stmt, 1, fact->manager_id);
      sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, fact->revenue);
      sqlite3_bind_int64 (stmt, 4, fact->paid);
      sqlite3_bind_int64 (stmt, 5, fact->margin);
      sqlite3_bind_int64 (stmt, 6, fact->deals);
      sqlite3_bind_int64 (stmt, 7, fact->leads);
      sqlite3_bind_int64 (stmt, 8, fact->calls);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
insert_demo_plan (SdStore  *self,
                  GArray   *plan,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (plan == NULL)
    return TRUE;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.plan (manager_id, month, revenue, leads, deals)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && i < plan->len; i++)
    {
      const SdPlanEntry *entry = &g_array_index (plan, SdPlanEntry, i);
      char month[16];

      _sd_store_month_to_iso (entry->month, month);
      if (entry->manager_id == 0)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int64 (stmt, 1, entry->manager_id);
      sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, entry->revenue);
      sqlite3_bind_int64 (stmt, 4, entry->leads);
      sqlite3_bind_int64 (stmt, 5, entry->deals);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

gboolean
sd_store_fill_demo (SdStore              *self,
                    const SdDemoCompany  *demo,
                    GError              **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (demo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  name = _sd_store_check_company_name (demo->company_name, error);
  if (name == NULL || !_sd_store_check_currency (demo->currency, error))
    return FALSE;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  /* Tens of thousands of rows are not worth an undo log: the step forgets the history. */
  if (!_sd_store_edit_forget_history (self, error) ||
      !_sd_store_exec (self,
                       "DELETE FROM main.plan;"
                       "DELETE FROM main.facts;"
                       "DELETE FROM main.staff;", error))
    goto failed;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.company SET name = ?1, currency = ?2 WHERE id = 1",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, demo->currency, -1, SQLITE_TRANSIENT);
  if (!_sd_store_step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      goto failed;
    }
  sqlite3_finalize (stmt);

  if (!insert_demo_staff (self, demo->staff, error) ||
      !insert_demo_facts (self, demo->facts, error) ||
      !insert_demo_plan (self, demo->plan, error))
    goto failed;

  return _sd_store_edit_commit (self, NULL, SD_STORE_CHANGED_ALL, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}
