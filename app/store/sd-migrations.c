/* sd-migrations.c — creating the schema and bringing older company files up to date
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-migrations.h"
#include "sd-store.h"

/* Schema 1. Dates are ISO text ('YYYY-MM-DD'), months 'YYYY-MM', money integer kopecks.
 * plan_manager serves the foreign key from plan to staff (the unique index is on an
 * expression and cannot). */
static const char schema_v1[] =
  "CREATE TABLE company ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  created TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('manager', 'head')),"
  "  hired TEXT NOT NULL,"
  "  left_on TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  scheme TEXT,"
  "  CHECK (left_on IS NULL OR left_on >= hired)"
  ") STRICT;"
  "CREATE UNIQUE INDEX staff_name ON staff (name);"
  "CREATE TABLE facts ("
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  month TEXT NOT NULL,"
  "  revenue INTEGER NOT NULL,"
  "  paid INTEGER NOT NULL,"
  "  margin INTEGER NOT NULL,"
  "  deals INTEGER NOT NULL,"
  "  leads INTEGER NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  PRIMARY KEY (manager_id, month)"
  ") STRICT;"
  "CREATE TABLE plan ("
  "  manager_id INTEGER REFERENCES staff (id),"
  "  month TEXT NOT NULL,"
  "  revenue INTEGER NOT NULL,"
  "  leads INTEGER NOT NULL,"
  "  deals INTEGER NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX plan_manager_month ON plan (coalesce (manager_id, 0), month);"
  "CREATE INDEX plan_manager ON plan (manager_id);";

static const SdMigrationStep builtin_steps[] = {
  { 0, 1, schema_v1, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtin_steps) == SD_STORE_SCHEMA_VERSION);

const SdMigrationStep *
sd_migrations_get_steps (guint *n_steps)
{
  if (n_steps != NULL)
    *n_steps = G_N_ELEMENTS (builtin_steps);
  return builtin_steps;
}

int
_sd_migrations_get_version (sqlite3  *db,
                            GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  g_return_val_if_fail (db != NULL, -1);

  rc = sqlite3_prepare_v2 (db, "PRAGMA main.user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    {
      g_debug ("Reading the schema version failed: %s", sqlite3_errmsg (db));
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("Could not read the format version of the file."));
    }
  sqlite3_finalize (stmt);

  return version;
}

static gboolean
exec_quiet (sqlite3    *db,
            const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_debug ("“%s” failed: %s", sql, errmsg ? errmsg : "?");
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static const SdMigrationStep *
find_step (const SdMigrationStep *steps,
           guint                  n_steps,
           int                    from,
           int                    target)
{
  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].from_version == from &&
          steps[i].to_version > from &&
          steps[i].to_version <= target)
        return &steps[i];
    }
  return NULL;
}

static gboolean
apply_step (sqlite3                *db,
            const SdMigrationStep  *step,
            GError                **error)
{
  g_autofree char *set_version = NULL;
  char *errmsg = NULL;

  if (step->sql != NULL &&
      sqlite3_exec (db, step->sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_debug ("Migration %d → %d failed: %s", step->from_version, step->to_version,
               errmsg ? errmsg : "?");
      sqlite3_free (errmsg);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("Updating the file from format %d to %d failed."),
                   step->from_version, step->to_version);
      return FALSE;
    }

  if (step->func != NULL && !step->func (db, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA main.user_version = %d", step->to_version);
  if (!exec_quiet (db, set_version))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("Updating the file from format %d to %d failed."),
                   step->from_version, step->to_version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_steps (sqlite3                *db,
           const SdMigrationStep  *steps,
           guint                   n_steps,
           int                     from,
           int                     target,
           GError                **error)
{
  gboolean outermost;
  int current = from;

  if (from == target)
    return TRUE;

  if (from > target)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW,
                   _("The file has format %d; this version of Salesdesk reads up to %d."),
                   from, target);
      return FALSE;
    }

  /* A savepoint opens a transaction when none is open and nests inside one otherwise
   * (sd_store_create runs the creation step inside its own transaction). */
  outermost = sqlite3_get_autocommit (db) != 0;
  if (!exec_quiet (db, "SAVEPOINT sd_migrate"))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_LOCKED,
                           _("The file could not be locked for updating its format."));
      return FALSE;
    }

  while (current < target)
    {
      const SdMigrationStep *step = find_step (steps, n_steps, current, target);

      if (step == NULL)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                       _("There is no way to update the file from format %d to %d."),
                       current, target);
          goto failed;
        }

      g_debug ("Migrating from version %d to %d", step->from_version, step->to_version);
      if (!apply_step (db, step, error))
        goto failed;
      current = step->to_version;
    }

  if (!exec_quiet (db, "RELEASE sd_migrate"))
    {
      /* Only the outermost RELEASE commits, so only it can fail (disk full, I/O error). */
      if (outermost && !sqlite3_get_autocommit (db))
        exec_quiet (db, "ROLLBACK");
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                           _("The updated file could not be written to the disk."));
      return FALSE;
    }

  return TRUE;

failed:
  /* The outermost savepoint is rolled back with ROLLBACK: ROLLBACK TO and RELEASE would
   * commit an empty transaction, which still rewrites the header of the file. */
  if (outermost)
    {
      if (!sqlite3_get_autocommit (db))
        exec_quiet (db, "ROLLBACK");
    }
  else if (!sqlite3_get_autocommit (db))
    {
      exec_quiet (db, "ROLLBACK TO sd_migrate");
      exec_quiet (db, "RELEASE sd_migrate");
    }
  return FALSE;
}

gboolean
_sd_migrations_run_steps (sqlite3                *db,
                          const SdMigrationStep  *steps,
                          guint                   n_steps,
                          int                     target,
                          GError                **error)
{
  int from;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (steps != NULL || n_steps == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from = _sd_migrations_get_version (db, error);
  if (from < 0)
    return FALSE;

  return run_steps (db, steps, n_steps, from, target, error);
}

gboolean
sd_migrations_run (sqlite3  *db,
                   int       from,
                   int       to,
                   GError  **error)
{
  int found;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  found = _sd_migrations_get_version (db, error);
  if (found < 0)
    return FALSE;
  if (found != from)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("The file has format %d, not %d as expected."), found, from);
      return FALSE;
    }

  return run_steps (db, builtin_steps, G_N_ELEMENTS (builtin_steps), from, to, error);
}
