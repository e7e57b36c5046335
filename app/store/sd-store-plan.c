/* sd-store-plan.c — plan versions and scenarios, their inputs and figures, and settings
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-store-private.h"

#define VERSION_NAME_MAX_CHARS 200

#define VERSION_COLUMNS \
  "id, year, name, scenario, state, is_current, coalesce (revision_of, 0), created, approved"

/* ------------------------------------------------------------------------------------------
 * Versions
 * ------------------------------------------------------------------------------------------ */

void
sd_plan_version_free (SdPlanVersion *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

SdPlanVersion *
sd_plan_version_copy (const SdPlanVersion *self)
{
  SdPlanVersion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  return copy;
}

const char *
sd_scenario_to_string (SdScenario scenario)
{
  switch (scenario)
    {
    case SD_SCENARIO_PESSIMISTIC:
      /* Translators: a plan scenario */
      return _("Pessimistic");
    case SD_SCENARIO_OPTIMISTIC:
      /* Translators: a plan scenario */
      return _("Optimistic");
    case SD_SCENARIO_BASE:
    default:
      /* Translators: a plan scenario */
      return _("Base");
    }
}

const char *
sd_plan_state_to_string (SdPlanState state)
{
  switch (state)
    {
    case SD_PLAN_STATE_APPROVED:
      /* Translators: the state of a plan version */
      return _("Approved");
    case SD_PLAN_STATE_SUPERSEDED:
      /* Translators: the state of a plan version: it was approved, then replaced */
      return _("Superseded");
    case SD_PLAN_STATE_DRAFT:
    default:
      /* Translators: the state of a plan version */
      return _("Draft");
    }
}

static const char *
scenario_to_db (SdScenario scenario)
{
  switch (scenario)
    {
    case SD_SCENARIO_PESSIMISTIC:
      return "pessimistic";
    case SD_SCENARIO_OPTIMISTIC:
      return "optimistic";
    case SD_SCENARIO_BASE:
    default:
      return "base";
    }
}

static SdScenario
scenario_from_db (const char *text)
{
  if (g_strcmp0 (text, "pessimistic") == 0)
    return SD_SCENARIO_PESSIMISTIC;
  if (g_strcmp0 (text, "optimistic") == 0)
    return SD_SCENARIO_OPTIMISTIC;
  return SD_SCENARIO_BASE;
}

static SdPlanState
state_from_db (const char *text)
{
  if (g_strcmp0 (text, "approved") == 0)
    return SD_PLAN_STATE_APPROVED;
  if (g_strcmp0 (text, "superseded") == 0)
    return SD_PLAN_STATE_SUPERSEDED;
  return SD_PLAN_STATE_DRAFT;
}

static gboolean
scenario_is_valid (SdScenario scenario)
{
  return scenario == SD_SCENARIO_PESSIMISTIC || scenario == SD_SCENARIO_BASE ||
         scenario == SD_SCENARIO_OPTIMISTIC;
}

static SdPlanVersion *
version_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  SdPlanVersion *version = g_new0 (SdPlanVersion, 1);

  version->id = sqlite3_column_int64 (stmt, 0);
  version->year = sqlite3_column_int (stmt, 1);
  version->name = _sd_store_column_dup (stmt, 2);
  version->scenario = scenario_from_db ((const char *) sqlite3_column_text (stmt, 3));
  version->state = state_from_db ((const char *) sqlite3_column_text (stmt, 4));
  version->current = sqlite3_column_int (stmt, 5) != 0;
  version->revision_of = sqlite3_column_int64 (stmt, 6);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 7), &version->created);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 8), &version->approved);

  return version;
}

GPtrArray *
sd_store_list_plan_versions (SdStore  *self,
                             int       year,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT " VERSION_COLUMNS " FROM main.plan_version"
                                    " WHERE ?1 = 0 OR year = ?1"
                                    " ORDER BY year,"
                                    "  CASE scenario WHEN 'pessimistic' THEN 0 WHEN 'base' THEN 1"
                                    "  ELSE 2 END, created, id",
                                    year, error);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) version_from_row,
                            (GDestroyNotify) sd_plan_version_free, error);
}

#define VERSION_GONE_MESSAGE \
  _("This plan version is no longer in the company file. The list will be refreshed.")

static void
set_version_gone (GError **error)
{
  g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, VERSION_GONE_MESSAGE);
}

SdPlanVersion *
sd_store_get_plan_version (SdStore  *self,
                           gint64    id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT " VERSION_COLUMNS " FROM main.plan_version "
                                    "WHERE id = ?1",
                                    id, error);
  return _sd_store_collect_one (self, stmt, (SdStoreFromRowFunc) version_from_row,
                                VERSION_GONE_MESSAGE, error);
}

SdPlanVersion *
sd_store_get_current_plan_version (SdStore  *self,
                                   int       year,
                                   GError  **error)
{
  SdPlanVersion *version = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT " VERSION_COLUMNS " FROM main.plan_version"
                            " WHERE year = ?1 AND is_current = 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = version_from_row (stmt, error);
  else if (rc != SQLITE_DONE)
    _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
  sqlite3_finalize (stmt);

  return version;
}

/* --- small SQL helpers --- */

/* One integer from a query with up to two integer parameters; FALSE with `error`. */
static gboolean
query_int64 (SdStore     *self,
             const char  *sql,
             gint64       arg1,
             gint64       arg2,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = _sd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, arg1);
  sqlite3_bind_int64 (stmt, 2, arg2);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
today_iso (char buf[16])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  _sd_store_date_to_iso (&today, buf);
}

static char *
check_version_name (const char  *name,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The version name is not valid text. Type it again."));
      return NULL;
    }

  trimmed = _sd_store_trim_name (name);
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The version name is empty. Enter a name."));
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > VERSION_NAME_MAX_CHARS)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("The version name is too long. Shorten it to at most %d characters."),
                   VERSION_NAME_MAX_CHARS);
      return NULL;
    }
  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                             _("The version name contains a line break or another control "
                               "character. Remove it."));
        return NULL;
      }

  return g_steal_pointer (&trimmed);
}

/* Whether another version (not `except_id`) of `year` has this name. */
static gboolean
name_taken (SdStore     *self,
            int          year,
            const char  *name,
            gint64       except_id,
            gboolean    *taken,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 exists;

  stmt = _sd_store_prepare (self,
                            "SELECT EXISTS (SELECT 1 FROM main.plan_version WHERE year = ?1"
                            " AND name = ?2 AND id != ?3)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, except_id);
    }
  if (!_sd_store_query_int64 (self, stmt, 0, &exists, error))
    return FALSE;
  *taken = exists != 0;
  return TRUE;
}

static gboolean
check_name_free (SdStore     *self,
                 int          year,
                 const char  *name,
                 gint64       except_id,
                 GError     **error)
{
  gboolean taken = FALSE;

  if (!name_taken (self, year, name, except_id, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("The plan for %d already has a version named «%s». Choose another name."),
                   year, name);
      return FALSE;
    }
  return TRUE;
}

/* `base`, or "base (2)", "base (3)" … whichever is free in `year`. */
static char *
dup_free_name (SdStore     *self,
               int          year,
               const char  *base,
               GError     **error)
{
  g_autofree char *name = g_strdup (base);

  for (guint n = 2; ; n++)
    {
      gboolean taken = FALSE;

      if (!name_taken (self, year, name, 0, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&name);
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
}

static gboolean
check_year (int       year,
            GError  **error)
{
  if (year < SD_PLAN_FIRST_YEAR || year > SD_PLAN_LAST_YEAR)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A plan can be made for the years %d to %d, not for %d."),
                   SD_PLAN_FIRST_YEAR, SD_PLAN_LAST_YEAR, year);
      return FALSE;
    }
  return TRUE;
}

/* Makes `id` the only current version of its year. */
static gboolean
set_current (SdStore  *self,
             gint64    id,
             GError  **error)
{
  /* Clear first: the partial unique index allows one current version per year at a time. */
  return _sd_store_exec_with_id (self,
                                 "UPDATE main.plan_version SET is_current = 0"
                                 " WHERE is_current = 1 AND id != ?1"
                                 " AND year = (SELECT year FROM main.plan_version WHERE id = ?1)",
                                 id, error) &&
         _sd_store_exec_with_id (self,
                                 "UPDATE main.plan_version SET is_current = 1 WHERE id = ?1"
                                 " AND is_current = 0", id, error);
}

/* Inserts a version row (draft unless `state` says otherwise) and returns its id. */
static gint64
insert_version (SdStore      *self,
                int           year,
                const char   *name,
                SdScenario    scenario,
                SdPlanState   state,
                gint64        revision_of,
                GError      **error)
{
  sqlite3_stmt *stmt;
  char today[16];

  today_iso (today);
  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.plan_version (year, name, scenario, state,"
                            " revision_of, created, approved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, scenario_to_db (scenario), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, state == SD_PLAN_STATE_APPROVED ? "approved" :
                              state == SD_PLAN_STATE_SUPERSEDED ? "superseded" : "draft",
                     -1, SQLITE_STATIC);
  if (revision_of > 0)
    sqlite3_bind_int64 (stmt, 5, revision_of);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, today, -1, SQLITE_TRANSIENT);
  if (state == SD_PLAN_STATE_DRAFT)
    sqlite3_bind_null (stmt, 7);
  else
    sqlite3_bind_text (stmt, 7, today, -1, SQLITE_TRANSIENT);

  if (!_sd_store_run (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

/* ------------------------------------------------------------------------------------------
 * Params
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  int               year;
  SdPlanState       state;
  SdPlanTargetKind  target_kind;
  SdMoney           target;
  gint64            growth_bp;
  SdPlanWeightsKind weights_kind;
  gboolean          adjust;
  char             *ramp_up;
  SdMoney           average_deal;
  gint64            conversion_bp;
  gboolean          year_balanced;
} VersionInputs;

static void
version_inputs_clear (VersionInputs *inputs)
{
  g_clear_pointer (&inputs->ramp_up, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VersionInputs, version_inputs_clear)

static gboolean
load_version_inputs (SdStore        *self,
                     gint64          id,
                     VersionInputs  *out,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sd_store_prepare (self,
                            "SELECT year, state, target_kind, target, growth_bp, weights_kind,"
                            " adjust_working_days, ramp_up, average_deal, conversion_bp,"
                            " year_balanced FROM main.plan_version WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->year = sqlite3_column_int (stmt, 0);
      out->state = state_from_db ((const char *) sqlite3_column_text (stmt, 1));
      out->target_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "growth") == 0
        ? SD_PLAN_TARGET_GROWTH : SD_PLAN_TARGET_FIXED;
      out->target = sqlite3_column_int64 (stmt, 3);
      out->growth_bp = sqlite3_column_int64 (stmt, 4);
      out->weights_kind =
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "custom") == 0
        ? SD_PLAN_WEIGHTS_CUSTOM : SD_PLAN_WEIGHTS_LAST_YEAR;
      out->adjust = sqlite3_column_int (stmt, 6) != 0;
      out->ramp_up = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      out->average_deal = sqlite3_column_int64 (stmt, 8);
      out->conversion_bp = sqlite3_column_int64 (stmt, 9);
      out->year_balanced = sqlite3_column_int (stmt, 10) != 0;
    }
  else if (rc == SQLITE_DONE)
    set_version_gone (error);
  else
    _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

/* "0,30,60,100" → steps; anything unreadable is no ramp-up (check reports nothing: the
 * column is only ever written by format_ramp_up). */
static GArray *
parse_ramp_up (const char *text)
{
  g_auto(GStrv) parts = NULL;
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (int));

  if (text == NULL || text[0] == '\0')
    return steps;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (parts[i], 10, 0, 100, &value, NULL))
        {
          g_array_set_size (steps, 0);
          break;
        }
      g_array_append_vals (steps, &(int) { (int) value }, 1);
    }
  return steps;
}

static char *
format_ramp_up (const SdPlanParams *params)
{
  GString *text = g_string_new (NULL);
  const int *steps;
  gsize n_steps;

  steps = sd_plan_params_get_ramp_up (params, &n_steps);
  for (gsize i = 0; i < n_steps; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? "," : "", steps[i]);

  return g_string_free (text, FALSE);
}

/* Last year's revenue per month of year − 1, from the facts. */
static gboolean
read_last_year_facts (SdStore   *self,
                      int        year,
                      SdMoney    out[12],
                      GError   **error)
{
  g_autoptr(GArray) facts = NULL;

  memset (out, 0, sizeof (SdMoney) * 12);
  facts = sd_store_list_facts (self, sd_month_make (year - 1, 1), sd_month_make (year - 1, 12),
                               error);
  if (facts == NULL)
    return FALSE;

  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, i);
      int m = sd_month_get_month (fact->month);

      if ((fact->revenue > 0 && out[m - 1] > G_MAXINT64 - fact->revenue) ||
          (fact->revenue < 0 && out[m - 1] < G_MININT64 - fact->revenue))
        {
          g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                               _("Last year's revenue is too large to plan with."));
          return FALSE;
        }
      out[m - 1] += fact->revenue;
    }
  return TRUE;
}

static gboolean
params_manager_row (sqlite3_stmt  *stmt,
                    gpointer       user_data,
                    GError       **error)
{
  SdPlanParams *params = user_data;
  GDate hired, left;
  guint index;

  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 2), &hired);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 3), &left);
  index = sd_plan_params_add_manager (params, sqlite3_column_int64 (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      &hired, &left);
  sd_plan_params_set_personal_weight (params, index, sqlite3_column_int (stmt, 4));
  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_vacation (params, index, m, sqlite3_column_int (stmt, 4 + m));
  sd_plan_params_set_manager_funnel (params, index, sqlite3_column_int64 (stmt, 17),
                                     sqlite3_column_int64 (stmt, 18));
  return TRUE;
}

SdPlanParams *
sd_store_load_plan_params (SdStore           *self,
                           gint64             version_id,
                           const SdCalendar  *calendar,
                           GError           **error)
{
  g_auto(VersionInputs) inputs = { 0, };
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(GArray) ramp = NULL;
  SdMoney last_year[12];
  gint64 weights[12] = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_version_inputs (self, version_id, &inputs, error) ||
      !read_last_year_facts (self, inputs.year, last_year, error))
    return NULL;

  params = sd_plan_params_new (inputs.year, calendar);
  if (inputs.target_kind == SD_PLAN_TARGET_GROWTH)
    sd_plan_params_set_growth (params, inputs.growth_bp);
  else
    sd_plan_params_set_target (params, inputs.target);
  sd_plan_params_set_adjust_for_working_days (params, inputs.adjust);
  ramp = parse_ramp_up (inputs.ramp_up);
  sd_plan_params_set_ramp_up (params, (const int *) (gconstpointer) ramp->data, ramp->len);
  sd_plan_params_set_funnel (params, inputs.average_deal, inputs.conversion_bp);

  /* A frozen version keeps the facts it was computed from, so it means the same plan when
   * last year's facts are corrected later; a draft follows the facts. */
  stmt = _sd_store_prepare (self,
                            "SELECT month, weight, last_year_fact FROM main.plan_version_month"
                            " WHERE version_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int m = sqlite3_column_int (stmt, 0);

      if (m < 1 || m > 12)
        continue;
      weights[m - 1] = sqlite3_column_int64 (stmt, 1);
      if (inputs.state != SD_PLAN_STATE_DRAFT && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        last_year[m - 1] = sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  for (int m = 1; m <= 12; m++)
    sd_plan_params_set_last_year_fact (params, m, last_year[m - 1]);
  if (inputs.weights_kind == SD_PLAN_WEIGHTS_CUSTOM)
    sd_plan_params_set_month_weights (params, weights);

  /* The managers, with the dates the staff has now. */
  stmt = _sd_store_prepare (self,
                            "SELECT m.manager_id, s.name, s.hired, s.left_on, m.weight,"
                            " m.vacation_01, m.vacation_02, m.vacation_03, m.vacation_04,"
                            " m.vacation_05, m.vacation_06, m.vacation_07, m.vacation_08,"
                            " m.vacation_09, m.vacation_10, m.vacation_11, m.vacation_12,"
                            " m.average_deal, m.conversion_bp"
                            " FROM main.plan_version_manager AS m"
                            " JOIN main.staff AS s ON s.id = m.manager_id"
                            " WHERE m.version_id = ?1 ORDER BY m.position, m.manager_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (!_sd_store_for_each_row (self, stmt, params_manager_row, params, error))
    return NULL;

  return g_steal_pointer (&params);
}

/* The hand edits of a version, applied to a freshly computed plan. */
static gboolean
apply_edits (SdStore   *self,
             gint64     version_id,
             int        year,
             SdPlan    *plan,
             gboolean  *year_balanced_out,
             gboolean   balanced[12],
             GError   **error)
{
  guint n = sd_plan_get_n_managers (plan);
  g_autofree gboolean *present = g_new0 (gboolean, (gsize) n * 12 + 1);
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  sqlite3_stmt *stmt;
  int rc;

  for (int m = 0; m < 12; m++)
    balanced[m] = FALSE;

  /* Month targets. */
  stmt = _sd_store_prepare (self,
                            "SELECT month, target, balanced FROM main.plan_version_month"
                            " WHERE version_id = ?1 ORDER BY month", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int m = sqlite3_column_int (stmt, 0);

      if (m < 1 || m > 12)
        continue;
      balanced[m - 1] = sqlite3_column_int (stmt, 2) != 0;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
          !sd_plan_set_month_target (plan, m, sqlite3_column_int64 (stmt, 1), NULL))
        g_debug ("Version %" G_GINT64_FORMAT ": month %d target not restored", version_id, m);
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  /* Cells. */
  stmt = _sd_store_prepare (self,
                            "SELECT manager_id, month, revenue, edited FROM main.plan"
                            " WHERE version_id = ?1 AND manager_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdMonth month;
      guint index;
      int m;

      if (!_sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 1), &month) ||
          sd_month_get_year (month) != year ||
          !sd_plan_find_manager (plan, sqlite3_column_int64 (stmt, 0), &index))
        continue;
      m = sd_month_get_month (month);
      present[(gsize) (m - 1) * n + index] = TRUE;
      if (sqlite3_column_int (stmt, 3) != 0 &&
          !sd_plan_set_cell (plan, m, index, sqlite3_column_int64 (stmt, 2), NULL))
        g_debug ("Version %" G_GINT64_FORMAT ": a cell of month %d not restored", version_id, m);
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  /* An imported version holds only the rows of the file: a manager's month missing from it
   * is planned at zero, as the file said by leaving it out. A saved version has every cell. */
  for (int m = 1; m <= 12; m++)
    for (guint i = 0; i < n; i++)
      if (!present[(gsize) (m - 1) * n + i] && !sd_plan_cell_is_edited (plan, m, i))
        sd_plan_set_cell (plan, m, i, 0, NULL);

  {
    gint64 value = 0;

    if (!query_int64 (self, "SELECT year_balanced FROM main.plan_version WHERE id = ?1",
                      version_id, 0, &value, error))
      return FALSE;
    *year_balanced_out = value != 0;
  }

  return TRUE;
}

SdPlan *
sd_store_load_plan (SdStore           *self,
                    gint64             version_id,
                    const SdCalendar  *calendar,
                    SdPlanParams     **params_out,
                    GError           **error)
{
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  gboolean balanced[12];
  gboolean year_balanced = FALSE;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  params = sd_store_load_plan_params (self, version_id, calendar, error);
  if (params == NULL)
    return NULL;

  plan = sd_plan_compute (params, error);
  if (plan == NULL)
    return NULL;

  if (!apply_edits (self, version_id, sd_plan_params_get_year (params), plan, &year_balanced,
                    balanced, error))
    return NULL;

  /* The year first: it settles the month targets the months then balance within. A respread
   * that no longer fits (the staff's dates changed) leaves the rest visible instead. */
  if (year_balanced && !sd_plan_respread (plan, 0, NULL))
    g_debug ("Version %" G_GINT64_FORMAT ": the year no longer balances", version_id);
  for (int m = 1; m <= 12; m++)
    if (balanced[m - 1] && !sd_plan_respread (plan, m, NULL))
      g_debug ("Version %" G_GINT64_FORMAT ": month %d no longer balances", version_id, m);

  if (params_out != NULL)
    *params_out = g_steal_pointer (&params);

  return g_steal_pointer (&plan);
}

/* ------------------------------------------------------------------------------------------
 * Writing a version's inputs and figures
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  gint64   key;        /* row_key () */
  gint64   rowid;
  SdMoney  revenue;
  gint64   leads;
  gint64   deals;
  gboolean edited;
  gboolean seen;
} StoredRow;

/* One number per (manager, SdMonth): months of real years are far below 2²⁰. */
static gint64
row_key (gint64 manager_id,
         int    month)
{
  return manager_id * (G_GINT64_CONSTANT (1) << 20) + month;
}

static gboolean
write_version_inputs (SdStore             *self,
                      gint64               version_id,
                      const SdPlanParams  *params,
                      const SdPlan        *plan,
                      GError             **error)
{
  g_autofree char *ramp = format_ramp_up (params);
  gint64 weights[12];
  SdMoney average_deal;
  gint64 conversion_bp;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  sd_plan_params_get_month_weights (params, weights);
  sd_plan_params_get_funnel (params, &average_deal, &conversion_bp);
  stmt = _sd_store_prepare (self,
                            "UPDATE main.plan_version SET target_kind = ?2, target = ?3,"
                            " growth_bp = ?4, weights_kind = ?5, adjust_working_days = ?6,"
                            " ramp_up = ?7, average_deal = ?8, conversion_bp = ?9,"
                            " year_balanced = ?10 WHERE id = ?1 AND"
                            " (target_kind, target, growth_bp, weights_kind, adjust_working_days,"
                            "  ramp_up, average_deal, conversion_bp, year_balanced)"
                            " IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_text (stmt, 2, sd_plan_params_get_target_kind (params) == SD_PLAN_TARGET_GROWTH
                              ? "growth" : "fixed", -1,
                     SQLITE_STATIC);
  /* A growth target is stored as the figure it came to, so the file says what was planned. */
  sqlite3_bind_int64 (stmt, 3, MAX (sd_plan_get_target (plan), 0));
  sqlite3_bind_int64 (stmt, 4, sd_plan_params_get_growth (params));
  sqlite3_bind_text (stmt, 5, sd_plan_params_get_weights_kind (params) == SD_PLAN_WEIGHTS_CUSTOM
                              ? "custom" : "last-year", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, sd_plan_params_get_adjust_for_working_days (params) ? 1 : 0);
  sqlite3_bind_text (stmt, 7, ramp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, average_deal);
  sqlite3_bind_int64 (stmt, 9, conversion_bp);
  sqlite3_bind_int (stmt, 10, sd_plan_is_balanced (plan, 0) ? 1 : 0);
  if (!_sd_store_run (self, stmt, error))
    return FALSE;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.plan_version_month (version_id, month, weight,"
                            " target, balanced, last_year_fact) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                            " ON CONFLICT (version_id, month) DO UPDATE SET"
                            " weight = excluded.weight, target = excluded.target,"
                            " balanced = excluded.balanced, last_year_fact = excluded.last_year_fact"
                            " WHERE (weight, target, balanced, last_year_fact) IS NOT"
                            " (excluded.weight, excluded.target, excluded.balanced,"
                            "  excluded.last_year_fact)", error);
  if (stmt == NULL)
    return FALSE;
  for (int m = 1; ok && m <= 12; m++)
    {
      sqlite3_bind_int64 (stmt, 1, version_id);
      sqlite3_bind_int (stmt, 2, m);
      sqlite3_bind_int64 (stmt, 3, MAX (weights[m - 1], 0));
      if (sd_plan_month_target_is_edited (plan, m))
        sqlite3_bind_int64 (stmt, 4, sd_plan_get_month_target (plan, m));
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int (stmt, 5, sd_plan_is_balanced (plan, m) ? 1 : 0);
      sqlite3_bind_int64 (stmt, 6, sd_plan_params_get_last_year_fact (params, m));
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  /* Managers: those of the params, in their order; the others leave the version. */
  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.plan_version_manager (version_id, manager_id,"
                            " position, weight, vacation_01, vacation_02, vacation_03,"
                            " vacation_04, vacation_05, vacation_06, vacation_07, vacation_08,"
                            " vacation_09, vacation_10, vacation_11, vacation_12, average_deal,"
                            " conversion_bp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                            " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
                            " ON CONFLICT (version_id, manager_id) DO UPDATE SET"
                            " position = excluded.position, weight = excluded.weight,"
                            " vacation_01 = excluded.vacation_01, vacation_02 = excluded.vacation_02,"
                            " vacation_03 = excluded.vacation_03, vacation_04 = excluded.vacation_04,"
                            " vacation_05 = excluded.vacation_05, vacation_06 = excluded.vacation_06,"
                            " vacation_07 = excluded.vacation_07, vacation_08 = excluded.vacation_08,"
                            " vacation_09 = excluded.vacation_09, vacation_10 = excluded.vacation_10,"
                            " vacation_11 = excluded.vacation_11, vacation_12 = excluded.vacation_12,"
                            " average_deal = excluded.average_deal,"
                            " conversion_bp = excluded.conversion_bp"
                            " WHERE (position, weight, vacation_01, vacation_02, vacation_03,"
                            "  vacation_04, vacation_05, vacation_06, vacation_07, vacation_08,"
                            "  vacation_09, vacation_10, vacation_11, vacation_12, average_deal,"
                            "  conversion_bp) IS NOT (excluded.position, excluded.weight,"
                            "  excluded.vacation_01, excluded.vacation_02, excluded.vacation_03,"
                            "  excluded.vacation_04, excluded.vacation_05, excluded.vacation_06,"
                            "  excluded.vacation_07, excluded.vacation_08, excluded.vacation_09,"
                            "  excluded.vacation_10, excluded.vacation_11, excluded.vacation_12,"
                            "  excluded.average_deal, excluded.conversion_bp)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && i < sd_plan_params_get_n_managers (params); i++)
    {
      sd_plan_params_get_manager_funnel (params, i, &average_deal, &conversion_bp);
      sqlite3_bind_int64 (stmt, 1, version_id);
      sqlite3_bind_int64 (stmt, 2, sd_plan_params_get_manager_id (params, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_int (stmt, 4, sd_plan_params_get_personal_weight (params, i));
      for (int m = 1; m <= 12; m++)
        sqlite3_bind_int (stmt, 4 + m, sd_plan_params_get_vacation (params, i, m));
      sqlite3_bind_int64 (stmt, 17, average_deal);
      sqlite3_bind_int64 (stmt, 18, conversion_bp);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  {
    g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
    int rc;

    stmt = _sd_store_prepare (self,
                              "SELECT manager_id FROM main.plan_version_manager"
                              " WHERE version_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, version_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        if (!sd_plan_params_find_manager (params, id, NULL))
          g_array_append_val (gone, id);
      }
    if (rc != SQLITE_DONE)
      {
        _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
        sqlite3_finalize (stmt);
        return FALSE;
      }
    sqlite3_finalize (stmt);

    stmt = _sd_store_prepare (self,
                              "DELETE FROM main.plan_version_manager"
                              " WHERE version_id = ?1 AND manager_id = ?2", error);
    if (stmt == NULL)
      return FALSE;
    for (guint i = 0; ok && i < gone->len; i++)
      {
        sqlite3_bind_int64 (stmt, 1, version_id);
        sqlite3_bind_int64 (stmt, 2, g_array_index (gone, gint64, i));
        ok = _sd_store_step_done (self, stmt, error);
      }
    sqlite3_finalize (stmt);
  }

  return ok;
}

/* Brings the plan rows of a version to `entries` (with their `edited` flags), touching only
 * the rows that differ, so the undo step holds only the change. Where the funnel of an entry
 * is undefined, a stored row of the same revenue keeps its leads and deals (imported ones). */
static gboolean
write_figures (SdStore            *self,
               gint64              version_id,
               const SdPlanEntry  *entries,
               const gboolean     *edited,
               const gboolean     *funnel_defined,
               gsize               n_entries,
               GError            **error)
{
  g_autoptr(GArray) stored = g_array_new (FALSE, TRUE, sizeof (StoredRow));
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *update = NULL;
  sqlite3_stmt *delete = NULL;
  gboolean ok = TRUE;
  int rc;

  select = _sd_store_prepare (self,
                              "SELECT rowid, coalesce (manager_id, 0), month, revenue, leads,"
                              " deals, edited FROM main.plan WHERE version_id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, version_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      StoredRow row = { 0, };
      SdMonth month;

      row.rowid = sqlite3_column_int64 (select, 0);
      /* A malformed month matches no entry: the row is removed below. */
      if (_sd_store_month_from_iso ((const char *) sqlite3_column_text (select, 2), &month))
        row.key = row_key (sqlite3_column_int64 (select, 1), (int) month);
      else
        row.key = G_MININT64;
      row.revenue = sqlite3_column_int64 (select, 3);
      row.leads = sqlite3_column_int64 (select, 4);
      row.deals = sqlite3_column_int64 (select, 5);
      row.edited = sqlite3_column_int (select, 6) != 0;
      g_array_append_val (stored, row);
    }
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (_sd_store_get_db (self)), error);
      sqlite3_finalize (select);
      return FALSE;
    }
  sqlite3_finalize (select);

  /* The array does not grow from here on: the table may point into it. */
  for (guint i = 0; i < stored->len; i++)
    {
      StoredRow *row = &g_array_index (stored, StoredRow, i);

      if (row->key != G_MININT64)
        g_hash_table_insert (by_key, &row->key, row);
    }

  insert = _sd_store_prepare (self,
                              "INSERT INTO main.plan (version_id, manager_id, month, revenue,"
                              " leads, deals, edited) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  update = _sd_store_prepare (self,
                              "UPDATE main.plan SET revenue = ?2, leads = ?3, deals = ?4,"
                              " edited = ?5 WHERE rowid = ?1", error);
  delete = _sd_store_prepare (self, "DELETE FROM main.plan WHERE rowid = ?1", error);
  if (insert == NULL || update == NULL || delete == NULL)
    ok = FALSE;

  for (gsize i = 0; ok && i < n_entries; i++)
    {
      const SdPlanEntry *entry = &entries[i];
      gint64 key = row_key (entry->manager_id, (int) entry->month);
      StoredRow *row = g_hash_table_lookup (by_key, &key);
      gint64 leads = entry->leads;
      gint64 deals = entry->deals;
      gboolean is_edited = edited[i];

      if (row != NULL && !row->seen)
        {
          row->seen = TRUE;
          if (!funnel_defined[i] && row->revenue == entry->revenue)
            {
              leads = row->leads;
              deals = row->deals;
            }
          if (row->revenue == entry->revenue && row->leads == leads && row->deals == deals &&
              row->edited == is_edited)
            continue;

          sqlite3_bind_int64 (update, 1, row->rowid);
          sqlite3_bind_int64 (update, 2, entry->revenue);
          sqlite3_bind_int64 (update, 3, leads);
          sqlite3_bind_int64 (update, 4, deals);
          sqlite3_bind_int (update, 5, is_edited ? 1 : 0);
          ok = _sd_store_step_done (self, update, error);
        }
      else
        {
          char month[16];

          _sd_store_month_to_iso (entry->month, month);
          sqlite3_bind_int64 (insert, 1, version_id);
          if (entry->manager_id == 0)
            sqlite3_bind_null (insert, 2);
          else
            sqlite3_bind_int64 (insert, 2, entry->manager_id);
          sqlite3_bind_text (insert, 3, month, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (insert, 4, entry->revenue);
          sqlite3_bind_int64 (insert, 5, leads);
          sqlite3_bind_int64 (insert, 6, deals);
          sqlite3_bind_int (insert, 7, is_edited ? 1 : 0);
          ok = _sd_store_step_done (self, insert, error);
        }
    }

  for (guint i = 0; ok && i < stored->len; i++)
    {
      const StoredRow *row = &g_array_index (stored, StoredRow, i);

      if (row->seen)
        continue;
      sqlite3_bind_int64 (delete, 1, row->rowid);
      ok = _sd_store_step_done (self, delete, error);
    }

  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&update, sqlite3_finalize);
  g_clear_pointer (&delete, sqlite3_finalize);

  return ok;
}

/* Params, edits, balancing and figures of `plan` into version `version_id`, inside an edit. */
static gboolean
write_plan (SdStore             *self,
            gint64               version_id,
            const SdPlanParams  *params,
            const SdPlan        *plan,
            GError             **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autofree gboolean *edited = NULL;
  g_autofree gboolean *defined = NULL;
  guint n = sd_plan_get_n_managers (plan);
  guint k = 0;

  if (!write_version_inputs (self, version_id, params, plan, error))
    return FALSE;

  entries = sd_plan_to_entries (plan);
  edited = g_new0 (gboolean, entries->len + 1);
  defined = g_new0 (gboolean, entries->len + 1);

  /* sd_plan_to_entries: for each month the department, then the managers in index order. */
  g_assert (entries->len == 12 * (n + 1));
  for (int m = 1; m <= 12; m++)
    {
      gint64 deals, leads;

      edited[k] = sd_plan_month_target_is_edited (plan, m);
      defined[k] = sd_plan_get_month_funnel (plan, m, &deals, &leads);
      k++;
      for (guint i = 0; i < n; i++, k++)
        {
          edited[k] = sd_plan_cell_is_edited (plan, m, i);
          defined[k] = sd_plan_get_cell_funnel (plan, m, i, &deals, &leads);
        }
    }

  return write_figures (self, version_id, (const SdPlanEntry *) (gconstpointer) entries->data,
                        edited, defined, entries->len, error);
}

/* Whether the plan was computed from these params: the same year and managers. */
static gboolean
plan_matches_params (const SdPlanParams *params,
                     const SdPlan       *plan)
{
  guint n = sd_plan_get_n_managers (plan);

  if (sd_plan_get_year (plan) != sd_plan_params_get_year (params) ||
      n != sd_plan_params_get_n_managers (params))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (sd_plan_get_manager_id (plan, i) != sd_plan_params_get_manager_id (params, i))
      return FALSE;
  return TRUE;
}

static gboolean
check_draft (SdStore   *self,
             gint64     version_id,
             int       *year_out,
             GError   **error)
{
  g_autoptr(SdPlanVersion) version = sd_store_get_plan_version (self, version_id, error);

  if (version == NULL)
    return FALSE;
  if (version->state != SD_PLAN_STATE_DRAFT)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» is approved and cannot be changed. Start a revision of it to make "
                     "changes."), version->name);
      return FALSE;
    }
  if (year_out != NULL)
    *year_out = version->year;
  return TRUE;
}

gboolean
sd_store_save_plan (SdStore             *self,
                    gint64               version_id,
                    const SdPlanParams  *params,
                    const SdPlan        *plan,
                    const char          *undo_label,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  int year = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error) ||
      !check_draft (self, version_id, &year, error))
    return FALSE;

  if (year != sd_plan_params_get_year (params) || !plan_matches_params (params, plan))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The plan does not belong to this version (another year or other "
                             "managers). Reload the version and try again."));
      return FALSE;
    }
  if (!sd_plan_params_validate (params, &local_error))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  if (!write_plan (self, version_id, params, plan, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  /* Translators: an undo step, "Undo Edit plan" */
  return _sd_store_edit_commit (self, undo_label ? undo_label : _("Edit plan"),
                                SD_STORE_CHANGED_PLAN, error);
}

GArray *
sd_store_list_plan_version_entries (SdStore  *self,
                                    gint64    version_id,
                                    GError  **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare_with_id (self,
                                    "SELECT coalesce (manager_id, 0), month, revenue, leads, deals"
                                    " FROM main.plan WHERE version_id = ?1"
                                    " ORDER BY month, coalesce (manager_id, 0)",
                                    version_id, error);
  if (!_sd_store_for_each_row (self, stmt, _sd_store_plan_entry_row, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* ------------------------------------------------------------------------------------------
 * Creating, changing and removing versions
 * ------------------------------------------------------------------------------------------ */

/* Default inputs for a new version of `year`: last year's shape and total (growth 0 %), the
 * funnel of last year, and every manager employed in the year. Without last year's sales
 * there is no shape: months weigh by their working days and the target starts at zero. */
static SdPlanParams *
default_params (SdStore           *self,
                int                year,
                const SdCalendar  *calendar,
                GError           **error)
{
  g_autoptr(SdPlanParams) params = sd_plan_params_new (year, calendar);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) facts = NULL;
  SdMoney last_year[12];
  gboolean any_sales = FALSE;
  SdMoney revenue = 0;
  gint64 deals = 0, leads = 0;

  if (!read_last_year_facts (self, year, last_year, error))
    return NULL;
  for (int m = 1; m <= 12; m++)
    {
      sd_plan_params_set_last_year_fact (params, m, last_year[m - 1]);
      any_sales = any_sales || last_year[m - 1] > 0;
    }

  if (any_sales)
    sd_plan_params_set_growth (params, 0);
  else
    {
      static const gint64 flat[12] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

      sd_plan_params_set_target (params, 0);
      sd_plan_params_set_month_weights (params, flat);
    }

  facts = sd_store_list_facts (self, sd_month_make (year - 1, 1), sd_month_make (year - 1, 12),
                               error);
  if (facts == NULL)
    return NULL;
  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, i);

      if (fact->revenue > 0 && revenue < G_MAXINT64 / 2 && deals < G_MAXINT32 &&
          leads < G_MAXINT32)
        {
          revenue += fact->revenue;
          deals += MAX (fact->deals, 0);
          leads += MAX (fact->leads, 0);
        }
    }
  if (deals > 0 && leads >= deals)
    sd_plan_params_set_funnel (params, (revenue + deals / 2) / deals,
                               (deals * 10000 + leads / 2) / leads);

  staff = sd_store_list_staff (self, FALSE, error);
  if (staff == NULL)
    return NULL;
  /* Staff order (by name) is the order of the grid. */
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);
      gboolean works = FALSE;

      if (member->role != SD_ROLE_MANAGER)
        continue;
      for (int m = 1; m <= 12 && !works; m++)
        works = sd_staff_member_works_in (member, sd_month_make (year, m));
      if (works)
        sd_plan_params_add_staff_member (params, member);
    }

  return g_steal_pointer (&params);
}

static gboolean
copy_version_contents (SdStore  *self,
                       gint64    from_id,
                       gint64    to_id,
                       GError  **error)
{
  static const char * const statements[] = {
    "UPDATE main.plan_version SET (target_kind, target, growth_bp, weights_kind,"
    " adjust_working_days, ramp_up, average_deal, conversion_bp, year_balanced) ="
    " (SELECT target_kind, target, growth_bp, weights_kind, adjust_working_days, ramp_up,"
    "  average_deal, conversion_bp, year_balanced FROM main.plan_version WHERE id = ?1)"
    " WHERE id = ?2",
    "INSERT INTO main.plan_version_month (version_id, month, weight, target, balanced,"
    " last_year_fact) SELECT ?2, month, weight, target, balanced, last_year_fact"
    " FROM main.plan_version_month WHERE version_id = ?1 ORDER BY month",
    "INSERT INTO main.plan_version_manager (version_id, manager_id, position, weight,"
    " vacation_01, vacation_02, vacation_03, vacation_04, vacation_05, vacation_06,"
    " vacation_07, vacation_08, vacation_09, vacation_10, vacation_11, vacation_12,"
    " average_deal, conversion_bp) SELECT ?2, manager_id, position, weight,"
    " vacation_01, vacation_02, vacation_03, vacation_04, vacation_05, vacation_06,"
    " vacation_07, vacation_08, vacation_09, vacation_10, vacation_11, vacation_12,"
    " average_deal, conversion_bp FROM main.plan_version_manager WHERE version_id = ?1"
    " ORDER BY position",
    "INSERT INTO main.plan (version_id, manager_id, month, revenue, leads, deals, edited)"
    " SELECT ?2, manager_id, month, revenue, leads, deals, edited FROM main.plan"
    " WHERE version_id = ?1 ORDER BY rowid",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = _sd_store_prepare_with_id (self, statements[i], from_id, error);

      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 2, to_id);
      if (!_sd_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether `year` has a version at all. */
static gboolean
year_has_versions (SdStore   *self,
                   int        year,
                   gboolean  *has,
                   GError   **error)
{
  gint64 value = 0;

  if (!query_int64 (self, "SELECT EXISTS (SELECT 1 FROM main.plan_version WHERE year = ?1)",
                    year, 0, &value, error))
    return FALSE;
  *has = value != 0;
  return TRUE;
}

gint64
sd_store_create_plan_version (SdStore     *self,
                              int          year,
                              const char  *name,
                              SdScenario   scenario,
                              gint64       copy_from,
                              GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  gboolean has_versions = FALSE;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_sd_store_ensure_open (self, error) || !check_year (year, error))
    return 0;
  trimmed = check_version_name (name, error);
  if (trimmed == NULL)
    return 0;
  if (!scenario_is_valid (scenario))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("Choose a scenario: pessimistic, base or optimistic."));
      return 0;
    }
  if (!check_name_free (self, year, trimmed, 0, error) ||
      !year_has_versions (self, year, &has_versions, error))
    return 0;

  if (copy_from > 0)
    {
      g_autoptr(SdPlanVersion) source = sd_store_get_plan_version (self, copy_from, error);

      if (source == NULL)
        return 0;
      if (source->year != year)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("«%s» is a plan for %d; a copy of it must be a plan for the same "
                         "year."), source->name, source->year);
          return 0;
        }
    }
  else
    {
      params = default_params (self, year, sd_calendar_get_default (), error);
      if (params == NULL)
        return 0;
      plan = sd_plan_compute (params, error);
      if (plan == NULL)
        return 0;
    }

  if (!_sd_store_edit_begin (self, error))
    return 0;

  id = insert_version (self, year, trimmed, scenario, SD_PLAN_STATE_DRAFT, copy_from, error);
  if (id == 0 ||
      (copy_from > 0 && !copy_version_contents (self, copy_from, id, error)) ||
      (copy_from <= 0 && !write_plan (self, id, params, plan, error)) ||
      (!has_versions && !set_current (self, id, error)))
    {
      _sd_store_edit_abort (self);
      return 0;
    }

  {
    /* Translators: an undo step, "Undo New plan version «Optimistic»" */
    g_autofree char *label = g_strdup_printf (_("New plan version «%s»"), trimmed);

    if (!_sd_store_edit_commit (self, label, SD_STORE_CHANGED_PLAN, error))
      return 0;
  }
  return id;
}

gboolean
sd_store_rename_plan_version (SdStore     *self,
                              gint64       id,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(SdPlanVersion) version = NULL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = sd_store_get_plan_version (self, id, error);
  if (version == NULL)
    return FALSE;
  trimmed = check_version_name (name, error);
  if (trimmed == NULL)
    return FALSE;
  if (g_strcmp0 (trimmed, version->name) == 0)
    return TRUE;
  if (!check_name_free (self, version->year, trimmed, id, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;

  stmt = _sd_store_prepare_with_id (self, "UPDATE main.plan_version SET name = ?2 WHERE id = ?1",
                                    id, error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!_sd_store_run (self, stmt, error))
    goto failed;

  /* Translators: an undo step, "Undo Rename plan version" */
  return _sd_store_edit_commit (self, _("Rename plan version"), SD_STORE_CHANGED_PLAN, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

gboolean
sd_store_set_plan_version_scenario (SdStore     *self,
                                    gint64       id,
                                    SdScenario   scenario,
                                    GError     **error)
{
  g_autoptr(SdPlanVersion) version = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = sd_store_get_plan_version (self, id, error);
  if (version == NULL)
    return FALSE;
  if (!scenario_is_valid (scenario))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("Choose a scenario: pessimistic, base or optimistic."));
      return FALSE;
    }
  if (version->scenario == scenario)
    return TRUE;
  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  stmt = _sd_store_prepare_with_id (self,
                                    "UPDATE main.plan_version SET scenario = ?2 WHERE id = ?1",
                                    id, error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 2, scenario_to_db (scenario), -1, SQLITE_STATIC);
  if (!_sd_store_run (self, stmt, error))
    goto failed;

  /* Translators: an undo step, "Undo Change scenario" */
  return _sd_store_edit_commit (self, _("Change scenario"), SD_STORE_CHANGED_PLAN, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

gboolean
sd_store_delete_plan_version (SdStore   *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(SdPlanVersion) version = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = sd_store_get_plan_version (self, id, error);
  if (version == NULL)
    return FALSE;
  if (version->state != SD_PLAN_STATE_DRAFT)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» was approved and is kept as a record. Only drafts can be deleted."),
                   version->name);
      return FALSE;
    }
  if (version->current)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» is the current plan for %d. Make another version current first, "
                     "then delete this one."), version->name, version->year);
      return FALSE;
    }

  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  /* Children first: undo puts them back in the reverse order, parent first. */
  if (!_sd_store_exec_with_id (self, "DELETE FROM main.plan WHERE version_id = ?1", id, error) ||
      !_sd_store_exec_with_id (self, "DELETE FROM main.plan_version_manager WHERE version_id = ?1",
                               id, error) ||
      !_sd_store_exec_with_id (self, "DELETE FROM main.plan_version_month WHERE version_id = ?1",
                               id, error) ||
      !_sd_store_exec_with_id (self, "UPDATE main.plan_version SET revision_of = NULL"
                                     " WHERE revision_of = ?1", id, error) ||
      !_sd_store_exec_with_id (self, "DELETE FROM main.plan_version WHERE id = ?1", id, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  {
    /* Translators: an undo step, "Undo Delete plan version «Optimistic»" */
    g_autofree char *label = g_strdup_printf (_("Delete plan version «%s»"), version->name);

    return _sd_store_edit_commit (self, label, SD_STORE_CHANGED_PLAN, error);
  }
}

gboolean
sd_store_approve_plan_version (SdStore   *self,
                               gint64     id,
                               GError   **error)
{
  g_autoptr(SdPlanVersion) version = NULL;
  sqlite3_stmt *stmt;
  char today[16];
  gboolean ok;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = sd_store_get_plan_version (self, id, error);
  if (version == NULL)
    return FALSE;
  if (version->state != SD_PLAN_STATE_DRAFT)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» is already approved."), version->name);
      return FALSE;
    }

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  today_iso (today);

  ok = _sd_store_exec_with_id (self,
                               "UPDATE main.plan_version SET state = 'superseded'"
                               " WHERE state = 'approved' AND id != ?1"
                               " AND year = (SELECT year FROM main.plan_version WHERE id = ?1)",
                               id, error) &&
       set_current (self, id, error);

  if (ok)
    {
      stmt = _sd_store_prepare_with_id (self,
                                        "UPDATE main.plan_version SET state = 'approved',"
                                        " approved = ?2 WHERE id = ?1", id, error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      ok = _sd_store_run (self, stmt, error);
    }

  /* Keep the facts the figures stand on (a version never saved through params, such as an
   * imported one, has none yet), so the frozen plan means the same later. */
  if (ok)
    {
      stmt = _sd_store_prepare_with_id (self,
                                        "UPDATE main.plan_version_month SET last_year_fact ="
                                        " (SELECT coalesce (sum (f.revenue), 0)"
                                        "  FROM main.facts AS f"
                                        "  WHERE f.month = printf ('%04d-%02d', ?2, month))"
                                        " WHERE version_id = ?1 AND last_year_fact IS NULL",
                                        id, error);
      if (stmt != NULL)
        sqlite3_bind_int (stmt, 2, version->year - 1);
      ok = _sd_store_run (self, stmt, error);
    }

  if (!ok)
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  {
    /* Translators: an undo step, "Undo Approve «Plan 2025»" */
    g_autofree char *label = g_strdup_printf (_("Approve «%s»"), version->name);

    return _sd_store_edit_commit (self, label, SD_STORE_CHANGED_PLAN, error);
  }
}

gboolean
sd_store_make_plan_version_current (SdStore   *self,
                                    gint64     id,
                                    GError   **error)
{
  g_autoptr(SdPlanVersion) version = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = sd_store_get_plan_version (self, id, error);
  if (version == NULL)
    return FALSE;
  if (version->current)
    return TRUE;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  if (!set_current (self, id, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  {
    /* Translators: an undo step, "Undo Make «Optimistic» current" */
    g_autofree char *label = g_strdup_printf (_("Make «%s» current"), version->name);

    return _sd_store_edit_commit (self, label, SD_STORE_CHANGED_PLAN, error);
  }
}

/* ------------------------------------------------------------------------------------------
 * Versions from plain rows: import and the demo
 * ------------------------------------------------------------------------------------------ */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* A version of `year` whose figures are exactly `entries` (all of that year, already
 * checked), every row a hand edit. The month target is the department's row or else the
 * managers' sum; the yearly target is the months' sum, split by custom weights equal to the
 * month targets, so even with the edits reset the version means the same plan. */
gint64
_sd_store_plan_add_version_from_entries (SdStore            *self,
                                         int                 year,
                                         const char         *name,
                                         SdScenario          scenario,
                                         SdPlanState         state,
                                         const SdPlanEntry  *entries,
                                         gsize               n_entries,
                                         GError            **error)
{
  SdMoney dept[12], sum[12];
  gboolean has_dept[12] = { FALSE, }, has_rows[12] = { FALSE, };
  g_autoptr(GArray) managers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gboolean *edited = g_new0 (gboolean, n_entries + 1);
  g_autofree gboolean *defined = g_new0 (gboolean, n_entries + 1);
  gboolean all_zero = TRUE;
  SdMoney target = 0;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  gint64 id;

  memset (dept, 0, sizeof dept);
  memset (sum, 0, sizeof sum);
  for (gsize i = 0; i < n_entries; i++)
    {
      const SdPlanEntry *entry = &entries[i];
      int m = sd_month_get_month (entry->month);

      edited[i] = TRUE;
      has_rows[m - 1] = TRUE;
      if (entry->manager_id == 0)
        {
          has_dept[m - 1] = TRUE;
          dept[m - 1] = entry->revenue;
        }
      else
        {
          if (!g_hash_table_contains (seen, &entry->manager_id))
            {
              g_hash_table_add (seen, (gpointer) &entry->manager_id);
              g_array_append_val (managers, entry->manager_id);
            }
          /* Saturates: the rows themselves are kept exactly whatever their sum. */
          sum[m - 1] = sum[m - 1] > G_MAXINT64 - entry->revenue ? G_MAXINT64
                                                                 : sum[m - 1] + entry->revenue;
        }
    }
  for (int m = 0; m < 12; m++)
    {
      SdMoney month_target = has_dept[m] ? dept[m] : sum[m];

      target = target > G_MAXINT64 - month_target ? G_MAXINT64 : target + month_target;
      all_zero = all_zero && month_target == 0;
    }

  id = insert_version (self, year, name, scenario, state, 0, error);
  if (id == 0)
    return 0;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.plan_version SET target_kind = 'fixed', target = ?2,"
                            " weights_kind = 'custom', adjust_working_days = 0 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, target);
  if (!_sd_store_run (self, stmt, error))
    return 0;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.plan_version_month (version_id, month, weight,"
                            " target) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  for (int m = 1; ok && m <= 12; m++)
    {
      SdMoney month_target = has_dept[m - 1] ? dept[m - 1] : sum[m - 1];

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, m);
      sqlite3_bind_int64 (stmt, 3, all_zero ? 1 : month_target);
      if (has_rows[m - 1])
        sqlite3_bind_int64 (stmt, 4, month_target);
      else
        sqlite3_bind_null (stmt, 4);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return 0;

  /* In the order of their ids, as the migration of older files does. */
  g_array_sort (managers, compare_ids);
  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.plan_version_manager (version_id, manager_id,"
                            " position) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; ok && i < managers->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (managers, gint64, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  if (!ok || !write_figures (self, id, entries, edited, defined, n_entries, error))
    return 0;

  return id;
}

/* The ids of the staff, to check references before writing. */
GHashTable *
_sd_store_dup_staff_ids (SdStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) staff = sd_store_list_staff (self, TRUE, error);
  GHashTable *ids;

  if (staff == NULL)
    return NULL;
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                               (GDestroyNotify) sd_staff_member_free);
  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = sd_staff_member_copy (g_ptr_array_index (staff, i));

      g_hash_table_insert (ids, &member->id, member);
    }
  return ids;
}

gboolean
sd_store_import_plan (SdStore            *self,
                      const SdPlanEntry  *entries,
                      gsize               n_entries,
                      const char         *name,
                      guint              *n_versions,
                      GError            **error)
{
  g_autoptr(GHashTable) staff = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GArray) sorted = NULL;
  g_autofree char *base_name = NULL;
  char today[16];
  guint count = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_versions != NULL)
    *n_versions = 0;
  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  if (name != NULL)
    {
      base_name = check_version_name (name, error);
      if (base_name == NULL)
        return FALSE;
    }
  else
    {
      today_iso (today);
      /* Translators: the name of an imported plan version; %s is a date, 2025-03-14 */
      base_name = g_strdup_printf (_("Imported %s"), today);
    }

  staff = _sd_store_dup_staff_ids (self, error);
  if (staff == NULL)
    return FALSE;
  keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Everything is checked before anything is written. */
  for (gsize i = 0; i < n_entries; i++)
    {
      const SdPlanEntry *entry = &entries[i];
      guint line = (guint) (i + 2);
      gint64 key;

      if (entry->month == SD_MONTH_INVALID ||
          sd_month_get_year (entry->month) < SD_PLAN_FIRST_YEAR ||
          sd_month_get_year (entry->month) > SD_PLAN_LAST_YEAR)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("Line %u: the month is not valid or outside the years "
                         "%d to %d. Nothing was imported."),
                       line, SD_PLAN_FIRST_YEAR, SD_PLAN_LAST_YEAR);
          return FALSE;
        }
      if (entry->manager_id != 0 && !g_hash_table_contains (staff, &entry->manager_id))
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("Line %u: the manager is not in the staff list. Add "
                         "them first. Nothing was imported."), line);
          return FALSE;
        }
      if (entry->revenue < 0 || entry->leads < 0 || entry->deals < 0)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("Line %u: a plan cannot be below zero. Correct the "
                         "figure. Nothing was imported."), line);
          return FALSE;
        }
      key = row_key (entry->manager_id, (int) entry->month);
      if (g_hash_table_contains (keys, &key))
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                       _("Line %u: the same month for the same person appears "
                         "twice in the file. Keep one. Nothing was imported."), line);
          return FALSE;
        }
      g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SdPlanEntry), (guint) n_entries);
  g_array_append_vals (sorted, entries, (guint) n_entries);
  /* Stable: rows keep the file's order within a year. */
  {
    g_autofree SdPlanEntry *tmp = g_memdup2 (sorted->data, sizeof (SdPlanEntry) * n_entries);

    g_array_set_size (sorted, 0);
    for (gsize i = 0; i < n_entries; )
      {
        int year = G_MAXINT;

        for (gsize j = 0; j < n_entries; j++)
          if (tmp[j].month != SD_MONTH_INVALID && sd_month_get_year (tmp[j].month) < year)
            year = sd_month_get_year (tmp[j].month);
        for (gsize j = 0; j < n_entries; j++)
          if (tmp[j].month != SD_MONTH_INVALID && sd_month_get_year (tmp[j].month) == year)
            {
              g_array_append_val (sorted, tmp[j]);
              tmp[j].month = SD_MONTH_INVALID;
              i++;
            }
      }
  }

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  for (guint start = 0; start < sorted->len; )
    {
      const SdPlanEntry *first = &g_array_index (sorted, SdPlanEntry, start);
      int year = sd_month_get_year (first->month);
      g_autofree char *version_name = NULL;
      guint end = start;
      gint64 id;

      while (end < sorted->len &&
             sd_month_get_year (g_array_index (sorted, SdPlanEntry, end).month) == year)
        end++;

      version_name = dup_free_name (self, year, base_name, error);
      if (version_name == NULL)
        goto failed;
      id = _sd_store_plan_add_version_from_entries (self, year, version_name, SD_SCENARIO_BASE,
                                                    SD_PLAN_STATE_DRAFT, first, end - start,
                                                    error);
      if (id == 0 || !set_current (self, id, error))
        goto failed;
      count++;
      start = end;
    }

  /* Translators: an undo step, "Undo Import plan" */
  if (!_sd_store_edit_commit (self, _("Import plan"), SD_STORE_CHANGED_PLAN, error))
    return FALSE;
  if (n_versions != NULL)
    *n_versions = count;
  return TRUE;

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

/* A draft of the same year as `base_id`, its params with the target raised by `percent`
 * (without hand edits), computed afresh: what the demo offers to compare with. A plan that
 * cannot be computed is no error: 0 is returned without `error` and nothing is written. */
gint64
_sd_store_plan_add_scaled_version (SdStore     *self,
                                   gint64       base_id,
                                   const char  *name,
                                   SdScenario   scenario,
                                   int          percent,
                                   GError     **error)
{
  const SdCalendar *calendar = sd_calendar_get_default ();
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  SdMoney target = 0;
  gint64 id;

  g_autoptr(GError) local_error = NULL;

  params = sd_store_load_plan_params (self, base_id, calendar, error);
  if (params == NULL)
    return 0;
  if (!sd_plan_params_compute_target (params, &target, &local_error) ||
      target > G_MAXINT64 / (100 + ABS (percent)))
    {
      g_debug ("No scaled copy of version %" G_GINT64_FORMAT ": %s", base_id,
               local_error ? local_error->message : "too large");
      return 0;
    }
  sd_plan_params_set_target (params, (target * (100 + percent) + 50) / 100);
  plan = sd_plan_compute (params, &local_error);
  if (plan == NULL)
    {
      g_debug ("No scaled copy of version %" G_GINT64_FORMAT ": %s", base_id,
               local_error->message);
      return 0;
    }

  id = insert_version (self, sd_plan_params_get_year (params), name, scenario,
                       SD_PLAN_STATE_DRAFT, base_id, error);
  if (id == 0 || !write_plan (self, id, params, plan, error))
    return 0;
  return id;
}

/* ------------------------------------------------------------------------------------------
 * Settings
 * ------------------------------------------------------------------------------------------ */

static gboolean
setting_key_is_valid (const char *key)
{
  if (key == NULL || key[0] == '\0' || strlen (key) > 100)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

gint64
sd_store_get_setting_int (SdStore     *self,
                          const char  *key,
                          gint64       fallback)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_return_val_if_fail (SD_IS_STORE (self), fallback);
  g_return_val_if_fail (key != NULL, fallback);

  stmt = _sd_store_prepare (self, "SELECT value FROM main.settings WHERE key = ?1", NULL);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!_sd_store_query_int64 (self, stmt, fallback, &value, NULL))
    return fallback;
  return value;
}

gboolean
_sd_store_write_setting_int (SdStore     *self,
                             const char  *key,
                             gint64       value,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.settings (key, value) VALUES (?1, ?2)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                            " WHERE value != excluded.value", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, value);
    }
  return _sd_store_run (self, stmt, error);
}

gboolean
sd_store_set_setting_int (SdStore     *self,
                          const char  *key,
                          gint64       value,
                          GError     **error)
{
  gint64 changes;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!setting_key_is_valid (key))
    {
      g_autofree char *shown = g_utf8_make_valid (key ? key : "", -1);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» is not a setting name."), shown);
      return FALSE;
    }

  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  if (!_sd_store_write_setting_int (self, key, value, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  changes = sqlite3_changes64 (_sd_store_get_db (self));

  /* Translators: an undo step, "Undo Change setting" */
  return _sd_store_edit_commit (self, _("Change setting"),
                                changes > 0 ? SD_STORE_CHANGED_SETTINGS : 0, error);
}
