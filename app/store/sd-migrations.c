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

/* Schema 2: plan versions (scenarios, approval), their inputs, expected payments and
 * settings. The plan table is rebuilt (sqlite cannot add a NOT NULL column with a foreign
 * key), so it is created as plan_v2 here and renamed by migrate_plan_to_v2 once the rows
 * are copied. Table names stay clear of the index plan_manager of schema 1. */
static const char schema_v2[] =
  "CREATE TABLE plan_version ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
  "  name TEXT NOT NULL CHECK (length (trim (name)) BETWEEN 1 AND 200),"
  "  scenario TEXT NOT NULL DEFAULT 'base'"
  "    CHECK (scenario IN ('pessimistic', 'base', 'optimistic')),"
  "  state TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (state IN ('draft', 'approved', 'superseded')),"
  "  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),"
  "  revision_of INTEGER REFERENCES plan_version (id),"
  "  created TEXT NOT NULL,"
  "  approved TEXT,"
  "  target_kind TEXT NOT NULL DEFAULT 'fixed' CHECK (target_kind IN ('fixed', 'growth')),"
  "  target INTEGER NOT NULL DEFAULT 0 CHECK (target >= 0),"
  "  growth_bp INTEGER NOT NULL DEFAULT 0,"
  "  weights_kind TEXT NOT NULL DEFAULT 'last-year'"
  "    CHECK (weights_kind IN ('last-year', 'custom')),"
  "  adjust_working_days INTEGER NOT NULL DEFAULT 1 CHECK (adjust_working_days IN (0, 1)),"
  "  ramp_up TEXT NOT NULL DEFAULT '0,30,60,100',"
  "  average_deal INTEGER NOT NULL DEFAULT 0 CHECK (average_deal >= 0),"
  "  conversion_bp INTEGER NOT NULL DEFAULT 0 CHECK (conversion_bp BETWEEN 0 AND 10000),"
  "  year_balanced INTEGER NOT NULL DEFAULT 0 CHECK (year_balanced IN (0, 1)),"
  "  CHECK ((state = 'draft') = (approved IS NULL))"
  ") STRICT;"
  "CREATE UNIQUE INDEX plan_version_name ON plan_version (year, name);"
  "CREATE UNIQUE INDEX plan_version_current ON plan_version (year) WHERE is_current = 1;"
  "CREATE INDEX plan_version_revision ON plan_version (revision_of);"
  "CREATE TABLE plan_version_month ("
  "  version_id INTEGER NOT NULL REFERENCES plan_version (id),"
  "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  "  weight INTEGER NOT NULL DEFAULT 0 CHECK (weight >= 0),"
  "  target INTEGER CHECK (target IS NULL OR target >= 0),"
  "  balanced INTEGER NOT NULL DEFAULT 0 CHECK (balanced IN (0, 1)),"
  "  last_year_fact INTEGER,"
  "  PRIMARY KEY (version_id, month)"
  ") STRICT;"
  "CREATE TABLE plan_version_manager ("
  "  version_id INTEGER NOT NULL REFERENCES plan_version (id),"
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  position INTEGER NOT NULL,"
  "  weight INTEGER NOT NULL DEFAULT 100 CHECK (weight BETWEEN 0 AND 1000000),"
  "  vacation_01 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_01 >= 0),"
  "  vacation_02 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_02 >= 0),"
  "  vacation_03 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_03 >= 0),"
  "  vacation_04 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_04 >= 0),"
  "  vacation_05 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_05 >= 0),"
  "  vacation_06 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_06 >= 0),"
  "  vacation_07 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_07 >= 0),"
  "  vacation_08 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_08 >= 0),"
  "  vacation_09 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_09 >= 0),"
  "  vacation_10 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_10 >= 0),"
  "  vacation_11 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_11 >= 0),"
  "  vacation_12 INTEGER NOT NULL DEFAULT 0 CHECK (vacation_12 >= 0),"
  "  average_deal INTEGER NOT NULL DEFAULT 0 CHECK (average_deal >= 0),"
  "  conversion_bp INTEGER NOT NULL DEFAULT 0 CHECK (conversion_bp BETWEEN 0 AND 10000),"
  "  PRIMARY KEY (version_id, manager_id)"
  ") STRICT;"
  "CREATE INDEX plan_version_manager_staff ON plan_version_manager (manager_id);"
  "CREATE TABLE plan_v2 ("
  "  version_id INTEGER NOT NULL REFERENCES plan_version (id),"
  "  manager_id INTEGER REFERENCES staff (id),"
  "  month TEXT NOT NULL,"
  "  revenue INTEGER NOT NULL,"
  "  leads INTEGER NOT NULL,"
  "  deals INTEGER NOT NULL,"
  "  edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE pipeline ("
  "  id INTEGER PRIMARY KEY,"
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  expected TEXT NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount >= 0),"
  "  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),"
  "  client TEXT,"
  "  note TEXT"
  ") STRICT;"
  "CREATE INDEX pipeline_expected ON pipeline (expected);"
  "CREATE INDEX pipeline_manager ON pipeline (manager_id);"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value INTEGER NOT NULL"
  ") STRICT;";

/* Schema 3: motivation schemes (stored whole as their JSON form), who is paid by which
 * scheme from which month, and closed payroll months with their frozen payslips. The
 * staff.scheme text of schema 1 stays as it was (what an import said); assignments rule. */
static const char schema_v3[] =
  "CREATE TABLE schemes ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) BETWEEN 1 AND 200),"
  "  folded TEXT NOT NULL,"
  "  description TEXT,"
  "  json TEXT NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX schemes_folded ON schemes (folded);"
  "CREATE TABLE scheme_assignment ("
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  scheme_id INTEGER REFERENCES schemes (id),"
  "  month TEXT NOT NULL,"
  "  PRIMARY KEY (manager_id, month)"
  ") STRICT;"
  "CREATE INDEX scheme_assignment_scheme ON scheme_assignment (scheme_id);"
  "CREATE TABLE payroll_month ("
  "  month TEXT PRIMARY KEY,"
  "  closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),"
  "  closed_on TEXT,"
  "  reopened_on TEXT,"
  "  reason TEXT"
  ") STRICT;"
  "CREATE TABLE payroll_slip ("
  "  month TEXT NOT NULL REFERENCES payroll_month (month),"
  "  position INTEGER NOT NULL,"
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  manager TEXT NOT NULL,"
  "  scheme_name TEXT,"
  "  worked_days INTEGER NOT NULL,"
  "  working_days INTEGER NOT NULL,"
  "  has_plan_pct INTEGER NOT NULL CHECK (has_plan_pct IN (0, 1)),"
  "  plan_pct INTEGER NOT NULL,"
  "  plan INTEGER NOT NULL,"
  "  base_fact INTEGER NOT NULL,"
  "  salary INTEGER NOT NULL,"
  "  commission INTEGER NOT NULL,"
  "  kpi INTEGER NOT NULL,"
  "  overplan INTEGER NOT NULL,"
  "  cap_adjustment INTEGER NOT NULL,"
  "  total INTEGER NOT NULL,"
  "  PRIMARY KEY (month, position)"
  ") STRICT;"
  "CREATE INDEX payroll_slip_manager ON payroll_slip (manager_id);"
  "CREATE TABLE payroll_note ("
  "  month TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  line INTEGER NOT NULL,"
  "  part INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (month, position, line),"
  "  FOREIGN KEY (month, position) REFERENCES payroll_slip (month, position)"
  ") STRICT;";

/* Schema 4: the hiring plan and people development. Hiring parameters live in `settings`
 * (keys "hiring.*"); planned hires are rows. Checklists, call scores, assessments and
 * development plans keep their structure as JSON (as schemes do) beside the columns that are
 * searched: who, when, and a call's score (hundredths of a point) for the call_score KPI. */
static const char schema_v4[] =
  "CREATE TABLE planned_hire ("
  "  id INTEGER PRIMARY KEY,"
  "  search_start TEXT NOT NULL,"
  "  start TEXT NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'edited', 'rejected', 'hired')),"
  "  manager_id INTEGER REFERENCES staff (id),"
  "  note TEXT,"
  "  CHECK (start >= search_start)"
  ") STRICT;"
  "CREATE INDEX planned_hire_manager ON planned_hire (manager_id);"
  "CREATE TABLE checklist ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('call', 'assessment')),"
  "  name TEXT NOT NULL CHECK (length (trim (name)) BETWEEN 1 AND 200),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  json TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE call_score ("
  "  id INTEGER PRIMARY KEY,"
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  day TEXT NOT NULL,"
  "  checklist_id INTEGER REFERENCES checklist (id),"
  "  reference TEXT,"
  "  comment TEXT,"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10000),"
  "  marks TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX call_score_manager_day ON call_score (manager_id, day);"
  "CREATE INDEX call_score_checklist ON call_score (checklist_id);"
  "CREATE TABLE assessment ("
  "  id INTEGER PRIMARY KEY,"
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  day TEXT NOT NULL,"
  "  template_id INTEGER REFERENCES checklist (id),"
  "  assessor TEXT,"
  "  comment TEXT,"
  "  marks TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX assessment_manager_day ON assessment (manager_id, day);"
  "CREATE INDEX assessment_template ON assessment (template_id);"
  "CREATE TABLE idp ("
  "  id INTEGER PRIMARY KEY,"
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  created TEXT NOT NULL,"
  "  title TEXT,"
  "  json TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX idp_manager ON idp (manager_id);";

static gboolean
exec_step_sql (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_debug ("Migration to format 2: “%s” failed: %s", sql, errmsg ? errmsg : "?");
      sqlite3_free (errmsg);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("Updating the file from format %d to %d failed."), 1, 2);
      return FALSE;
    }
  return TRUE;
}

/* Each year's plan rows become one approved, current version named after the year; every row
 * is kept as a hand edit, so the figures stay exactly as they were. Month targets where the
 * department had none are the managers' sum, and the yearly target is the months' sum split
 * by custom weights equal to the month targets, so that even without the edits the version
 * means the same plan. */
static gboolean
migrate_plan_to_v2 (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt *years = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT DISTINCT CAST (substr (month, 1, 4) AS INTEGER) FROM plan"
                           " WHERE month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                           " ORDER BY 1", -1, &years, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO plan_version (year, name, scenario, state, is_current,"
                             " created, approved, target_kind, weights_kind,"
                             " adjust_working_days) VALUES (?1, ?2, 'base', 'approved', 1, ?3,"
                             " ?3, 'fixed', 'custom', 0)", -1, &insert, NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Migration to format 2: %s", sqlite3_errmsg (db));
      ok = FALSE;
    }

  while (ok && (rc = sqlite3_step (years)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (years, 0);
      /* Translators: the name given to a year's plan when an older file is updated */
      g_autofree char *name = g_strdup_printf (_("Plan %d"), year);

      sqlite3_bind_int (insert, 1, year);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, today, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (insert) == SQLITE_DONE;
      sqlite3_reset (insert);
    }
  if (ok && rc != SQLITE_DONE)
    ok = FALSE;
  sqlite3_finalize (years);
  sqlite3_finalize (insert);

  if (!ok)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("Updating the file from format %d to %d failed."), 1, 2);
      return FALSE;
    }

  return exec_step_sql (db,
    /* Every row, as a hand edit of the version of its year. */
    "INSERT INTO plan_v2 (version_id, manager_id, month, revenue, leads, deals, edited)"
    " SELECT v.id, p.manager_id, p.month, p.revenue, p.leads, p.deals, 1"
    " FROM plan AS p JOIN plan_version AS v"
    "   ON v.year = CAST (substr (p.month, 1, 4) AS INTEGER)"
    " ORDER BY p.rowid;"
    /* The twelve months: the department's row, or else the managers' sum. */
    "WITH RECURSIVE m (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 12),"
    " t (version_id, month, target) AS ("
    "  SELECT v.id, m.n,"
    "   coalesce ((SELECT p.revenue FROM plan_v2 AS p WHERE p.version_id = v.id"
    "               AND p.manager_id IS NULL AND p.month = printf ('%04d-%02d', v.year, m.n)),"
    "             (SELECT sum (p.revenue) FROM plan_v2 AS p WHERE p.version_id = v.id"
    "               AND p.month = printf ('%04d-%02d', v.year, m.n)))"
    "  FROM plan_version AS v, m)"
    " INSERT INTO plan_version_month (version_id, month, weight, target)"
    " SELECT version_id, month, max (coalesce (target, 0), 0),"
    "  CASE WHEN target IS NULL THEN NULL ELSE max (target, 0) END FROM t;"
    /* All-zero weights are not a shape: a flat one instead. */
    "UPDATE plan_version_month SET weight = 1 WHERE version_id IN"
    " (SELECT version_id FROM plan_version_month GROUP BY version_id HAVING sum (weight) = 0);"
    "UPDATE plan_version SET target = (SELECT coalesce (sum (target), 0)"
    " FROM plan_version_month AS pm WHERE pm.version_id = plan_version.id);"
    /* The version's managers, in the order of their ids. */
    "INSERT INTO plan_version_manager (version_id, manager_id, position)"
    " SELECT version_id, manager_id,"
    "  row_number () OVER (PARTITION BY version_id ORDER BY manager_id) - 1"
    " FROM (SELECT DISTINCT version_id, manager_id FROM plan_v2"
    "       WHERE manager_id IS NOT NULL);"
    "DROP TABLE plan;"
    "ALTER TABLE plan_v2 RENAME TO plan;"
    "CREATE UNIQUE INDEX plan_version_manager_month"
    " ON plan (version_id, coalesce (manager_id, 0), month);"
    "CREATE INDEX plan_manager ON plan (manager_id);"
    "CREATE INDEX plan_month ON plan (month);",
    error);
}

static const SdMigrationStep builtin_steps[] = {
  { 0, 1, schema_v1, NULL },
  { 1, 2, schema_v2, migrate_plan_to_v2 },
  { 2, 3, schema_v3, NULL },
  { 3, 4, schema_v4, NULL },
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
