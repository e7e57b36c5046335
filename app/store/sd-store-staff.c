/* sd-store-staff.c — the people of the sales department in the company file
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-staff"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-store-private.h"

#define STAFF_COLUMNS "id, name, role, hired, left_on, archived, scheme"

static const char *
role_to_db (SdRole role)
{
  return role == SD_ROLE_HEAD ? "head" : "manager";
}

char *
_sd_store_trim_name (const char *name)
{
  const char *start;
  const char *end;

  if (name == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (name, -1, NULL))
    return g_strstrip (g_strdup (name));

  /* Unicode blanks too (a no-break space pasted from a document), as sd_staff_member_validate
   * counts them. */
  start = name;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, (gsize) (end - start));
}

char *
_sd_store_name_key (const char *name)
{
  g_autofree char *trimmed = _sd_store_trim_name (name);
  g_autofree char *normal = NULL;

  if (!g_utf8_validate (trimmed, -1, NULL))
    return g_steal_pointer (&trimmed);

  normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (normal ? normal : trimmed, -1);
}

#define PERSON_GONE_MESSAGE \
  _("This person is no longer in the company file. The list will be refreshed.")

static SdStaffMember *
member_from_row (sqlite3_stmt  *stmt,
                 GError       **error)
{
  SdStaffMember *member = sd_staff_member_new ();
  const char *role = (const char *) sqlite3_column_text (stmt, 2);
  const char *scheme = (const char *) sqlite3_column_text (stmt, 6);

  member->id = sqlite3_column_int64 (stmt, 0);
  g_free (member->name);
  member->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  member->role = g_strcmp0 (role, "head") == 0 ? SD_ROLE_HEAD : SD_ROLE_MANAGER;
  /* A date a person typed into the file by hand may be invalid: it stays cleared and
   * sd_store_check reports it. */
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 3), &member->hired);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 4), &member->left);
  member->archived = sqlite3_column_int (stmt, 5) != 0;
  g_free (member->scheme);
  member->scheme = g_strdup (scheme);

  return member;
}

/* Binds name, role, hired, left_on, archived, scheme as ?1..?6. */
static void
bind_member (sqlite3_stmt        *stmt,
             const SdStaffMember *member,
             const char          *trimmed_name)
{
  sqlite3_bind_text (stmt, 1, trimmed_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role_to_db (member->role), -1, SQLITE_STATIC);
  _sd_store_bind_date (stmt, 3, &member->hired);
  _sd_store_bind_date_or_null (stmt, 4, &member->left);
  sqlite3_bind_int (stmt, 5, member->archived ? 1 : 0);
  _sd_store_bind_text_or_null (stmt, 6, member->scheme);
}

static gboolean
validate_member (const SdStaffMember  *member,
                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (member->role != SD_ROLE_MANAGER && member->role != SD_ROLE_HEAD)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("Choose a role: manager or head of sales."));
      return FALSE;
    }

  if (!sd_staff_member_validate (member, &local_error))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  /* sd_staff_member_validate checks these too; the file format depends on them. */
  if (!g_date_valid (&member->hired))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("Enter the hire date."));
      return FALSE;
    }

  return TRUE;
}

/* Whether another person (not `except_id`) has the same name up to case and blanks. */
static gboolean
check_name_free (SdStore     *self,
                 const char  *name,
                 gint64       except_id,
                 GError     **error)
{
  g_autofree char *key = _sd_store_name_key (name);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  stmt = _sd_store_prepare (self, "SELECT id, name FROM main.staff WHERE id != ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, except_id);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *other_key = _sd_store_name_key (other);

      if (strcmp (key, other_key) == 0)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("There is already a person named «%s». Use a different name, for "
                         "example with a middle name or an initial."), other);
          ok = FALSE;
        }
    }
  if (ok && rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

static char *
name_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  return _sd_store_column_dup (stmt, 0);
}

/* The stored name of `id`, or NULL with INVALID when there is no such person. */
static char *
dup_stored_name (SdStore  *self,
                 gint64    id,
                 GError  **error)
{
  return _sd_store_collect_one (self,
                                _sd_store_prepare_with_id (self,
                                                           "SELECT name FROM main.staff "
                                                           "WHERE id = ?1",
                                                           id, error),
                                (SdStoreFromRowFunc) name_from_row, PERSON_GONE_MESSAGE, error);
}

GPtrArray *
sd_store_list_staff (SdStore   *self,
                     gboolean   include_archived,
                     GError   **error)
{
  GPtrArray *members;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            include_archived
                              ? "SELECT " STAFF_COLUMNS " FROM main.staff"
                              : "SELECT " STAFF_COLUMNS " FROM main.staff WHERE archived = 0",
                            error);
  members = _sd_store_collect (self, stmt, (SdStoreFromRowFunc) member_from_row,
                               (GDestroyNotify) sd_staff_member_free, error);
  if (members != NULL)
    sd_staff_sort (members);

  return members;
}

SdStaffMember *
sd_store_get_staff (SdStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT " STAFF_COLUMNS " FROM main.staff WHERE id = ?1",
                                    id, error);
  return _sd_store_collect_one (self, stmt, (SdStoreFromRowFunc) member_from_row,
                                PERSON_GONE_MESSAGE, error);
}

static gint64
insert_member (SdStore              *self,
               const SdStaffMember  *member,
               const char           *trimmed_name,
               GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.staff (name, role, hired, left_on, archived, scheme)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  bind_member (stmt, member, trimmed_name);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

gint64
sd_store_add_staff (SdStore              *self,
                    const SdStaffMember  *member,
                    GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (member != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_sd_store_ensure_open (self, error) || !validate_member (member, error))
    return 0;

  name = _sd_store_trim_name (member->name);

  if (!_sd_store_edit_begin (self, error))
    return 0;

  if (!check_name_free (self, name, 0, error))
    goto failed;

  id = insert_member (self, member, name, error);
  if (id <= 0)
    goto failed;

  /* Translators: an undo step, "Undo Add «Иванов Пётр»" */
  label = g_strdup_printf (_("Add «%s»"), name);
  if (!_sd_store_edit_commit (self, label, SD_STORE_CHANGED_STAFF, error))
    return 0;

  return id;

failed:
  _sd_store_edit_abort (self);
  return 0;
}

static gboolean
update_member (SdStore              *self,
               const SdStaffMember  *member,
               const char           *trimmed_name,
               GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.staff SET name = ?1, role = ?2, hired = ?3,"
                            " left_on = ?4, archived = ?5, scheme = ?6 WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;
  bind_member (stmt, member, trimmed_name);
  sqlite3_bind_int64 (stmt, 7, member->id);
  return _sd_store_run (self, stmt, error);
}

gboolean
sd_store_update_staff (SdStore              *self,
                       const SdStaffMember  *member,
                       GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error) || !validate_member (member, error))
    return FALSE;

  name = _sd_store_trim_name (member->name);

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  stored = dup_stored_name (self, member->id, error);
  if (stored == NULL ||
      !check_name_free (self, name, member->id, error) ||
      !update_member (self, member, name, error))
    goto failed;

  /* Translators: an undo step, "Undo Edit «Иванов Пётр»" */
  label = g_strdup_printf (_("Edit «%s»"), name);
  return _sd_store_edit_commit (self, label, SD_STORE_CHANGED_STAFF, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

static int
has_history (SdStore  *self,
             gint64    id,
             GError  **error)
{
  sqlite3_stmt *stmt;
  int result = -1;

  stmt = _sd_store_prepare (self,
                            /* Anything that points at the person: facts, plan figures, a
                             * plan version's team, expected payments. */
                            "SELECT EXISTS (SELECT 1 FROM main.facts WHERE manager_id = ?1)"
                            "    OR EXISTS (SELECT 1 FROM main.plan WHERE manager_id = ?1)"
                            "    OR EXISTS (SELECT 1 FROM main.plan_version_manager"
                            "               WHERE manager_id = ?1)"
                            "    OR EXISTS (SELECT 1 FROM main.pipeline WHERE manager_id = ?1)"
                            "    OR EXISTS (SELECT 1 FROM main.payroll_slip WHERE manager_id = ?1)",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int (stmt, 0) != 0;
  else
    _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
  sqlite3_finalize (stmt);

  return result;
}

gboolean
sd_store_staff_has_history (SdStore *self,
                            gint64   id)
{
  g_autoptr(GError) error = NULL;
  int result;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_ensure_open (self, NULL))
    return FALSE;

  result = has_history (self, id, &error);
  if (result < 0)
    {
      g_debug ("Could not look up the history of %" G_GINT64_FORMAT ": %s", id, error->message);
      /* When in doubt, removing archives rather than deletes. */
      return TRUE;
    }
  return result != 0;
}

gboolean
sd_store_remove_staff (SdStore   *self,
                       gint64     id,
                       gboolean  *archived,
                       GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  int history;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  name = dup_stored_name (self, id, error);
  if (name == NULL)
    goto failed;

  history = has_history (self, id, error);
  if (history < 0)
    goto failed;

  if (history)
    {
      if (!_sd_store_exec_with_id (self, "UPDATE main.staff SET archived = 1 WHERE id = ?1", id,
                                   error))
        goto failed;
      /* Translators: an undo step, "Undo Archive «Иванов Пётр»" */
      label = g_strdup_printf (_("Archive «%s»"), name);
    }
  else
    {
      /* Which scheme would pay them is not history: it goes with the person. */
      if (!_sd_store_exec_with_id (self, "DELETE FROM main.scheme_assignment WHERE manager_id = ?1",
                                   id, error) ||
          !_sd_store_exec_with_id (self, "DELETE FROM main.staff WHERE id = ?1", id, error))
        goto failed;
      /* Translators: an undo step, "Undo Remove «Иванов Пётр»" */
      label = g_strdup_printf (_("Remove «%s»"), name);
    }

  if (!_sd_store_edit_commit (self, label, SD_STORE_CHANGED_STAFF, error))
    return FALSE;

  if (archived != NULL)
    *archived = history != 0;
  return TRUE;

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

gboolean
sd_store_restore_staff (SdStore   *self,
                        gint64     id,
                        GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  name = dup_stored_name (self, id, error);
  if (name == NULL ||
      !_sd_store_exec_with_id (self, "UPDATE main.staff SET archived = 0 WHERE id = ?1", id,
                               error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  /* Translators: an undo step, "Undo Restore «Иванов Пётр»" */
  label = g_strdup_printf (_("Restore «%s»"), name);
  return _sd_store_edit_commit (self, label, SD_STORE_CHANGED_STAFF, error);
}

/* Name key → id of everyone in the file. */
static GHashTable *
load_name_keys (SdStore  *self,
                GError  **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sd_store_prepare (self, "SELECT id, name FROM main.staff", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (keys,
                           _sd_store_name_key ((const char *) sqlite3_column_text (stmt, 1)),
                           GSIZE_TO_POINTER ((gsize) id));
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&keys);
}

static gboolean
update_imported (SdStore              *self,
                 gint64                id,
                 const SdStaffMember  *member,
                 GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.staff SET role = ?1, hired = ?2, left_on = ?3,"
                            " scheme = ?4, archived = 0 WHERE id = ?5", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, role_to_db (member->role), -1, SQLITE_STATIC);
  _sd_store_bind_date (stmt, 2, &member->hired);
  _sd_store_bind_date_or_null (stmt, 3, &member->left);
  _sd_store_bind_text_or_null (stmt, 4, member->scheme);
  sqlite3_bind_int64 (stmt, 5, id);
  return _sd_store_run (self, stmt, error);
}

gboolean
sd_store_import_staff (SdStore    *self,
                       GPtrArray  *members,
                       guint      *n_added,
                       guint      *n_updated,
                       GError    **error)
{
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *label = NULL;
  guint added = 0, updated = 0;
  guint changes = SD_STORE_CHANGED_STAFF;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (members != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_updated != NULL)
    *n_updated = 0;

  if (!_sd_store_ensure_open (self, error))
    return FALSE;
  if (members->len == 0)
    return TRUE;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  existing = load_name_keys (self, error);
  if (existing == NULL)
    goto failed;
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (members, i);
      g_autofree char *key = NULL;
      g_autofree char *name = NULL;
      gpointer id;
      gint64 scheme_id;
      gint64 member_id;

      if (!validate_member (member, error))
        {
          /* Translators: before a reason, e.g. "Person 3 in the list: the name is empty" */
          g_prefix_error (error, _("Person %u in the list: "), i + 1);
          goto failed;
        }

      name = _sd_store_trim_name (member->name);
      key = _sd_store_name_key (name);
      if (g_hash_table_contains (seen, key))
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("«%s» is in the list twice. Each person may appear only once; nothing "
                         "was imported."), name);
          goto failed;
        }
      g_hash_table_add (seen, g_strdup (key));

      if (member->scheme != NULL && member->scheme[0] != '\0')
        {
          scheme_id = sd_store_find_scheme (self, member->scheme);
          if (scheme_id == 0)
            {
              g_autofree char *scheme_name = _sd_store_trim_name (member->scheme);

              g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("«%s»: there is no motivation scheme called “%s” in the file. "
                             "Import the scheme first (salesdesk-cli import-scheme); nothing "
                             "was imported."), name, scheme_name);
              goto failed;
            }
        }
      else
        scheme_id = 0;

      if (g_hash_table_lookup_extended (existing, key, NULL, &id))
        {
          member_id = (gint64) GPOINTER_TO_SIZE (id);
          if (!update_imported (self, member_id, member, error))
            goto failed;
          updated++;
        }
      else
        {
          member_id = insert_member (self, member, name, error);

          if (member_id <= 0)
            goto failed;
          g_hash_table_insert (existing, g_steal_pointer (&key),
                               GSIZE_TO_POINTER ((gsize) member_id));
          added++;
        }

      /* The scheme column pays the person by that scheme from the hire month on. */
      if (scheme_id != 0)
        {
          if (!_sd_store_write_scheme_assignment (self, member_id, scheme_id,
                                                  sd_month_from_date (&member->hired), error))
            goto failed;
          changes |= SD_STORE_CHANGED_SCHEMES;
        }
    }

  /* Translators: an undo step, "Undo Import 12 people" */
  label = g_strdup_printf (ngettext ("Import %u person", "Import %u people", members->len),
                           members->len);
  if (!_sd_store_edit_commit (self, label, changes, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;
  return TRUE;

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}
