/* sd-store-hiring.c — the hiring plan in the company file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store-hiring"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-payroll.h"
#include "sd-store-hiring.h"
#include "sd-store-private.h"

/* Keys of the settings table. */
#define KEY_CAPACITY      "hiring.capacity"
#define KEY_RAMP_N        "hiring.ramp-up.n-steps"
#define KEY_RAMP_STEP     "hiring.ramp-up.%u"
#define KEY_ATTRITION     "hiring.attrition-bp"
#define KEY_TIME_TO_HIRE  "hiring.time-to-hire-weeks"
#define KEY_MONTHLY_PAY   "hiring.monthly-pay"
#define KEY_CONTRIBUTIONS "hiring.contributions-bp"
#define KEY_HIRING_COST   "hiring.hiring-cost"
#define KEY_ONBOARDING    "hiring.onboarding-cost"
#define KEY_MARGIN        "hiring.margin-bp"
#define KEY_SCHEME        "hiring.scheme-id"

#define NOT_STORED G_MININT64

/* ------------------------------------------------------------------------------------------
 * Settings
 * ------------------------------------------------------------------------------------------ */

static gint64
get_int (SdStore    *self,
         const char *key,
         gint64      fallback)
{
  return sd_store_get_setting_int (self, key, fallback);
}

gboolean
sd_store_load_hiring_settings (SdStore           *self,
                               SdHiringSettings  *settings,
                               gboolean          *stored,
                               GError           **error)
{
  gint64 capacity, n_steps;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sd_hiring_settings_init (settings);
  if (stored != NULL)
    *stored = FALSE;
  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  capacity = get_int (self, KEY_CAPACITY, NOT_STORED);
  if (capacity != NOT_STORED)
    {
      settings->capacity = capacity;
      if (stored != NULL)
        *stored = TRUE;
    }

  n_steps = get_int (self, KEY_RAMP_N, -1);
  if (n_steps >= 0 && n_steps <= SD_HIRING_MAX_RAMP_UP_STEPS)
    {
      int steps[SD_HIRING_MAX_RAMP_UP_STEPS] = { 0 };

      for (guint i = 0; i < (guint) n_steps; i++)
        {
          g_autofree char *key = g_strdup_printf (KEY_RAMP_STEP, i + 1);

          steps[i] = (int) CLAMP (get_int (self, key, 100), -1000, 1000);
        }
      sd_hiring_settings_set_ramp_up (settings, steps, (gsize) n_steps);
    }

  settings->attrition_bp = get_int (self, KEY_ATTRITION, settings->attrition_bp);
  settings->time_to_hire_weeks = (int) CLAMP (get_int (self, KEY_TIME_TO_HIRE,
                                                       settings->time_to_hire_weeks),
                                              -1000, 1000);
  settings->monthly_pay = get_int (self, KEY_MONTHLY_PAY, settings->monthly_pay);
  settings->contributions_bp = get_int (self, KEY_CONTRIBUTIONS, settings->contributions_bp);
  settings->hiring_cost = get_int (self, KEY_HIRING_COST, settings->hiring_cost);
  settings->onboarding_cost = get_int (self, KEY_ONBOARDING, settings->onboarding_cost);
  settings->margin_bp = get_int (self, KEY_MARGIN, settings->margin_bp);

  return TRUE;
}

gboolean
sd_store_save_hiring_settings (SdStore                 *self,
                               const SdHiringSettings  *settings,
                               GError                 **error)
{
  SdHiringSettings old;
  gboolean had_capacity = FALSE;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sd_hiring_settings_validate (settings, error))
    return FALSE;
  if (!sd_store_load_hiring_settings (self, &old, &had_capacity, error))
    return FALSE;
  /* Saving the same numbers again is no undo step. */
  if (had_capacity && sd_hiring_settings_equal (&old, settings))
    return TRUE;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  if (!_sd_store_exec (self, "DELETE FROM main.settings WHERE key GLOB 'hiring.ramp-up.*'",
                       error) ||
      !_sd_store_write_setting_int (self, KEY_CAPACITY, settings->capacity, error) ||
      !_sd_store_write_setting_int (self, KEY_RAMP_N, settings->n_ramp_up, error) ||
      !_sd_store_write_setting_int (self, KEY_ATTRITION, settings->attrition_bp, error) ||
      !_sd_store_write_setting_int (self, KEY_TIME_TO_HIRE, settings->time_to_hire_weeks, error) ||
      !_sd_store_write_setting_int (self, KEY_MONTHLY_PAY, settings->monthly_pay, error) ||
      !_sd_store_write_setting_int (self, KEY_CONTRIBUTIONS, settings->contributions_bp, error) ||
      !_sd_store_write_setting_int (self, KEY_HIRING_COST, settings->hiring_cost, error) ||
      !_sd_store_write_setting_int (self, KEY_ONBOARDING, settings->onboarding_cost, error) ||
      !_sd_store_write_setting_int (self, KEY_MARGIN, settings->margin_bp, error))
    goto failed;
  for (guint i = 0; i < settings->n_ramp_up; i++)
    {
      g_autofree char *key = g_strdup_printf (KEY_RAMP_STEP, i + 1);

      if (!_sd_store_write_setting_int (self, key, settings->ramp_up[i], error))
        goto failed;
    }

  /* Translators: an undo step, "Undo Change hiring parameters" */
  return _sd_store_edit_commit (self, _("Change hiring parameters"), SD_STORE_CHANGED_SETTINGS,
                                error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------
 * Planned hires
 * ------------------------------------------------------------------------------------------ */

static gboolean
hire_row (sqlite3_stmt  *stmt,
          gpointer       user_data,
          GError       **error)
{
  GArray *hires = user_data;
  SdPlannedHire hire = { 0 };

  hire.id = sqlite3_column_int64 (stmt, 0);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 1), &hire.search_start);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 2), &hire.start);
  if (!sd_hire_state_from_string ((const char *) sqlite3_column_text (stmt, 3), &hire.state))
    hire.state = SD_HIRE_PROPOSED;
  hire.manager_id = sqlite3_column_int64 (stmt, 4);
  g_array_append_val (hires, hire);
  return TRUE;
}

GArray *
sd_store_list_planned_hires (SdStore  *self,
                             GError  **error)
{
  g_autoptr(GArray) hires = g_array_new (FALSE, TRUE, sizeof (SdPlannedHire));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT id, search_start, start, state, coalesce (manager_id, 0)"
                            " FROM main.planned_hire ORDER BY start, search_start, id", error);
  if (!_sd_store_for_each_row (self, stmt, hire_row, hires, error))
    return NULL;
  return g_steal_pointer (&hires);
}

char *
sd_store_dup_planned_hire_note (SdStore *self,
                                gint64   id)
{
  sqlite3_stmt *stmt;
  char *note = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt = _sd_store_prepare_with_id (self, "SELECT note FROM main.planned_hire WHERE id = ?1",
                                    id, NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    note = _sd_store_column_dup (stmt, 0);
  sqlite3_finalize (stmt);

  return note;
}

static gboolean
check_dates (const GDate  *search_start,
             const GDate  *start,
             GError      **error)
{
  if (search_start == NULL || start == NULL || !g_date_valid (search_start) ||
      !g_date_valid (start))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("A planned hire needs the day the search starts and the first working day."));
      return FALSE;
    }
  if (g_date_compare (start, search_start) < 0)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The first working day cannot be before the search starts."));
      return FALSE;
    }
  return TRUE;
}

#define HIRE_GONE_MESSAGE _("This planned hire no longer exists or is already hired.")

static void
set_hire_gone (GError **error)
{
  g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, HIRE_GONE_MESSAGE);
}

static gint64
insert_hire (SdStore              *self,
             const SdPlannedHire  *hire,
             SdHireState           state,
             GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.planned_hire (search_start, start, state)"
                            " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  _sd_store_bind_date (stmt, 1, &hire->search_start);
  _sd_store_bind_date (stmt, 2, &hire->start);
  sqlite3_bind_text (stmt, 3, sd_hire_state_to_string (state), -1, SQLITE_STATIC);
  if (!_sd_store_run (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_sd_store_get_db (self));
}

gint64
sd_store_add_planned_hire (SdStore              *self,
                           const SdPlannedHire  *hire,
                           GError              **error)
{
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (hire != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_dates (&hire->search_start, &hire->start, error))
    return 0;
  if (hire->state == SD_HIRE_HIRED)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("A planned hire becomes hired only through “Hired…”, with the person’s name."));
      return 0;
    }
  if (!_sd_store_ensure_open (self, error) || !_sd_store_edit_begin (self, error))
    return 0;

  id = insert_hire (self, hire, hire->state, error);
  if (id <= 0)
    {
      _sd_store_edit_abort (self);
      return 0;
    }
  /* Translators: an undo step, "Undo Add planned hire" */
  if (!_sd_store_edit_commit (self, _("Add planned hire"), SD_STORE_CHANGED_SETTINGS, error))
    return 0;

  return id;
}

/* Updates one not-hired planned hire: the dates when given, and the state. */
static gboolean
write_hire (SdStore      *self,
            gint64        id,
            const GDate  *search_start,
            const GDate  *start,
            SdHireState   state,
            const char   *undo_label,
            GError      **error)
{
  sqlite3_stmt *stmt;

  if (state == SD_HIRE_HIRED)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("A planned hire becomes hired only through “Hired…”, with the person’s name."));
      return FALSE;
    }
  if (search_start != NULL && !check_dates (search_start, start, error))
    return FALSE;
  if (!_sd_store_ensure_open (self, error) || !_sd_store_edit_begin (self, error))
    return FALSE;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.planned_hire SET state = ?1,"
                            " search_start = coalesce (?2, search_start),"
                            " start = coalesce (?3, start)"
                            " WHERE id = ?4 AND state != 'hired'", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, sd_hire_state_to_string (state), -1, SQLITE_STATIC);
  if (search_start != NULL)
    {
      _sd_store_bind_date (stmt, 2, search_start);
      _sd_store_bind_date (stmt, 3, start);
    }
  sqlite3_bind_int64 (stmt, 4, id);
  if (!_sd_store_run_changing (self, stmt, HIRE_GONE_MESSAGE, error))
    goto failed;

  return _sd_store_edit_commit (self, undo_label, SD_STORE_CHANGED_SETTINGS, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

gboolean
sd_store_update_planned_hire (SdStore              *self,
                              const SdPlannedHire  *hire,
                              GError              **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (hire != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dates (&hire->search_start, &hire->start, error))
    return FALSE;
  /* Translators: an undo step, "Undo Change planned hire" */
  return write_hire (self, hire->id, &hire->search_start, &hire->start, hire->state,
                     _("Change planned hire"), error);
}

gboolean
sd_store_set_planned_hire_state (SdStore      *self,
                                 gint64        id,
                                 SdHireState   state,
                                 GError      **error)
{
  const char *label;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (state)
    {
    case SD_HIRE_ACCEPTED:
      /* Translators: an undo step, "Undo Accept planned hire" */
      label = _("Accept planned hire");
      break;
    case SD_HIRE_REJECTED:
      /* Translators: an undo step, "Undo Reject planned hire" */
      label = _("Reject planned hire");
      break;
    default:
      label = _("Change planned hire");
      break;
    }
  return write_hire (self, id, NULL, NULL, state, label, error);
}

gboolean
sd_store_set_planned_hire_dates (SdStore      *self,
                                 gint64        id,
                                 const GDate  *search_start,
                                 const GDate  *start,
                                 GError      **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dates (search_start, start, error))
    return FALSE;
  /* Translators: an undo step, "Undo Change dates of planned hire" */
  return write_hire (self, id, search_start, start, SD_HIRE_EDITED,
                     _("Change dates of planned hire"), error);
}

gboolean
sd_store_delete_planned_hire (SdStore   *self,
                              gint64     id,
                              GError   **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _sd_store_edit_exec_with_id (self,
                                      "DELETE FROM main.planned_hire"
                                      " WHERE id = ?1 AND state != 'hired'",
                                      id, HIRE_GONE_MESSAGE,
                                      /* Translators: an undo step, "Undo Remove planned hire" */
                                      _("Remove planned hire"), SD_STORE_CHANGED_SETTINGS, error);
}

gboolean
sd_store_replace_proposed_hires (SdStore              *self,
                                 const SdPlannedHire  *hires,
                                 guint                 n_hires,
                                 GError              **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (hires != NULL || n_hires == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_hires; i++)
    if (!check_dates (&hires[i].search_start, &hires[i].start, error))
      return FALSE;

  if (!_sd_store_ensure_open (self, error) || !_sd_store_edit_begin (self, error))
    return FALSE;
  if (!_sd_store_exec (self, "DELETE FROM main.planned_hire WHERE state = 'proposed'", error))
    goto failed;
  for (guint i = 0; i < n_hires; i++)
    if (insert_hire (self, &hires[i], SD_HIRE_PROPOSED, error) <= 0)
      goto failed;

  /* Translators: an undo step, "Undo Propose hires" */
  return _sd_store_edit_commit (self, _("Propose hires"), SD_STORE_CHANGED_SETTINGS, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

static gboolean
get_hire (SdStore        *self,
          gint64          id,
          SdPlannedHire  *out,
          GError        **error)
{
  g_autoptr(GArray) hires = sd_store_list_planned_hires (self, error);

  if (hires == NULL)
    return FALSE;
  for (guint i = 0; i < hires->len; i++)
    if (g_array_index (hires, SdPlannedHire, i).id == id)
      {
        *out = g_array_index (hires, SdPlannedHire, i);
        return TRUE;
      }
  set_hire_gone (error);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------
 * The scheme new hires are paid by
 * ------------------------------------------------------------------------------------------ */

/* The assignment in force for `manager_id` in `month` (assignments by manager then month). */
static gint64
scheme_in_force (GArray  *assignments,
                 gint64   manager_id,
                 SdMonth  month)
{
  gint64 scheme_id = 0;

  for (guint i = 0; i < assignments->len; i++)
    {
      const SdSchemeAssignment *a = &g_array_index (assignments, SdSchemeAssignment, i);

      if (a->manager_id == manager_id && a->from <= month)
        scheme_id = a->scheme_id;
    }
  return scheme_id;
}

gint64
sd_store_get_hiring_scheme_id (SdStore *self,
                               SdMonth  month)
{
  g_autoptr(GArray) assignments = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) counts = NULL;
  gint64 chosen = sd_store_get_setting_int (self, KEY_SCHEME, 0);
  guint best = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SD_IS_STORE (self), 0);

  if (chosen > 0)
    {
      g_autoptr(SdSchemeEntry) entry = sd_store_get_scheme (self, chosen, NULL);

      if (entry != NULL)
        return chosen;
    }

  assignments = sd_store_list_scheme_assignments (self, 0, NULL);
  staff = sd_store_list_staff (self, FALSE, NULL);
  if (assignments == NULL || staff == NULL)
    return 0;
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);
      gint64 scheme_id;
      gint64 *k;

      if (member->role != SD_ROLE_MANAGER)
        continue;
      scheme_id = scheme_in_force (assignments, member->id, month);
      if (scheme_id == 0)
        continue;
      k = g_new (gint64, 1);
      *k = scheme_id;
      g_hash_table_replace (counts, k,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
    }
  chosen = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);
      gint64 id = *(gint64 *) key;

      /* The most used; on a tie the lowest id, so the answer does not depend on hashing. */
      if (n > best || (n == best && id < chosen))
        {
          best = n;
          chosen = id;
        }
    }
  return chosen;
}

gboolean
sd_store_set_hiring_scheme_id (SdStore   *self,
                               gint64     scheme_id,
                               GError   **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (scheme_id < 0)
    scheme_id = 0;
  if (scheme_id > 0)
    {
      g_autoptr(SdSchemeEntry) entry = sd_store_get_scheme (self, scheme_id, NULL);

      if (entry == NULL)
        {
          g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                               _("There is no such motivation scheme any more."));
          return FALSE;
        }
    }
  return sd_store_set_setting_int (self, KEY_SCHEME, scheme_id, error);
}

gint64
sd_store_get_hiring_scheme_choice (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), 0);

  return MAX (sd_store_get_setting_int (self, KEY_SCHEME, 0), 0);
}

/* ------------------------------------------------------------------------------------------
 * Hired
 * ------------------------------------------------------------------------------------------ */

static gboolean
mark_hired (SdStore     *self,
            gint64       hire_id,
            gint64       manager_id,
            const char  *name,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  stmt = _sd_store_prepare (self,
                            "UPDATE main.planned_hire SET state = 'hired', manager_id = ?1,"
                            " note = ?2 WHERE id = ?3 AND state IN ('accepted', 'edited')", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, hire_id);
  if (!_sd_store_run_changing (self, stmt, HIRE_GONE_MESSAGE, error))
    goto failed;
  return _sd_store_edit_commit (self, NULL, SD_STORE_CHANGED_SETTINGS, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

/* Puts the new manager into the current draft of `year` and saves it recomputed. */
static gboolean
add_to_plan (SdStore              *self,
             int                   year,
             const SdStaffMember  *member,
             const SdCalendar     *calendar,
             SdHirePlanOutcome    *outcome,
             GError              **error)
{
  g_autoptr(SdPlanVersion) version = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(GError) local_error = NULL;
  guint index;

  *outcome = SD_HIRE_PLAN_NONE;
  version = sd_store_get_current_plan_version (self, year, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (version == NULL)
    return TRUE;
  if (version->state != SD_PLAN_STATE_DRAFT)
    {
      *outcome = SD_HIRE_PLAN_FROZEN;
      return TRUE;
    }

  plan = sd_store_load_plan (self, version->id, calendar, &params, error);
  if (plan == NULL)
    return FALSE;
  if (!sd_plan_params_find_manager (params, member->id, &index))
    sd_plan_params_add_staff_member (params, member);
  if (!sd_plan_recompute (plan, params, error))
    return FALSE;
  if (!sd_store_save_plan (self, version->id, params, plan, NULL, error))
    return FALSE;

  *outcome = SD_HIRE_PLAN_UPDATED;
  return TRUE;
}

gint64
sd_store_hire_planned (SdStore            *self,
                       gint64              hire_id,
                       const char         *name,
                       const SdCalendar   *calendar,
                       SdHireOutcome      *outcome,
                       GError            **error)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autofree char *label = NULL;
  g_autofree char *trimmed = NULL;
  SdHireOutcome result = { 0, 0, SD_HIRE_PLAN_NONE };
  SdPlannedHire hire;
  gint64 scheme_id;
  SdMonth start;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (calendar != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_sd_store_ensure_open (self, error) || !get_hire (self, hire_id, &hire, error))
    return 0;
  if (hire.state != SD_HIRE_ACCEPTED && hire.state != SD_HIRE_EDITED)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           hire.state == SD_HIRE_HIRED
                           ? _("This planned hire is already hired.")
                           : _("Accept the planned hire before marking it hired."));
      return 0;
    }

  trimmed = _sd_store_trim_name (name != NULL ? name : "");
  member->name = g_strdup (trimmed);
  member->role = SD_ROLE_MANAGER;
  member->hired = hire.start;
  start = sd_month_from_date (&hire.start);
  scheme_id = sd_store_get_hiring_scheme_id (self, start);
  if (!sd_staff_member_validate (member, error))
    return 0;

  /* Translators: an undo step, "Undo Hire «Петров Иван»" */
  label = g_strdup_printf (_("Hire «%s»"), trimmed);
  if (!sd_store_begin (self, label, error))
    return 0;

  member->id = sd_store_add_staff (self, member, error);
  if (member->id <= 0)
    goto failed;
  if (scheme_id > 0 && !sd_store_assign_scheme (self, member->id, scheme_id, start, error))
    goto failed;
  if (!mark_hired (self, hire_id, member->id, trimmed, error))
    goto failed;
  result.manager_id = member->id;
  result.plan_year = sd_month_get_year (start);
  if (!add_to_plan (self, result.plan_year, member, calendar, &result.plan, error))
    goto failed;
  /* The years after it that already have a current draft get the manager too. */
  for (int year = result.plan_year + 1; year <= result.plan_year + SD_HIRING_MAX_MONTHS / 12; year++)
    {
      SdHirePlanOutcome later;

      if (!add_to_plan (self, year, member, calendar, &later, error))
        goto failed;
    }

  if (!sd_store_commit (self, error))
    return 0;

  if (outcome != NULL)
    *outcome = result;
  return member->id;

failed:
  sd_store_rollback (self);
  return 0;
}

char *
sd_hire_outcome_describe (const SdHireOutcome *outcome,
                          const char          *name)
{
  g_return_val_if_fail (outcome != NULL, NULL);

  switch (outcome->plan)
    {
    case SD_HIRE_PLAN_UPDATED:
      /* Translators: a person's name, then a year */
      return g_strdup_printf (_("%s is in the staff and has a share of the %d plan."),
                              name, outcome->plan_year);
    case SD_HIRE_PLAN_FROZEN:
      return g_strdup_printf (_("%s is in the staff. The %d plan is approved, so it was not changed: start a new version on the Plan page to give them a share."),
                              name, outcome->plan_year);
    case SD_HIRE_PLAN_NONE:
    default:
      return g_strdup_printf (_("%s is in the staff. There is no plan for %d yet."),
                              name, outcome->plan_year);
    }
}

/* ------------------------------------------------------------------------------------------
 * Core's inputs
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  GHashTable *schemes;        /* scheme id (gint64 *) → SdScheme * */
  GArray     *assignments;    /* SdSchemeAssignment by manager then month */
  GHashTable *first_index;    /* manager id → index of its first assignment + 1 */
  gint64      hire_scheme_id;
  SdMoney     monthly_pay;    /* for anyone without a scheme */
  gint64      margin_bp;
} PayData;

static void
pay_data_free (gpointer data)
{
  PayData *pay = data;

  g_clear_pointer (&pay->schemes, g_hash_table_unref);
  g_clear_pointer (&pay->assignments, g_array_unref);
  g_clear_pointer (&pay->first_index, g_hash_table_unref);
  g_free (pay);
}

static gint64
pay_scheme_for (PayData *pay,
                gint64   manager_id,
                SdMonth  month)
{
  gpointer found;
  gint64 scheme_id = 0;

  if (manager_id == 0)
    return pay->hire_scheme_id;
  found = g_hash_table_lookup (pay->first_index, &manager_id);
  if (found == NULL)
    return 0;
  for (guint i = GPOINTER_TO_UINT (found) - 1; i < pay->assignments->len; i++)
    {
      const SdSchemeAssignment *a = &g_array_index (pay->assignments, SdSchemeAssignment, i);

      if (a->manager_id != manager_id || a->from > month)
        break;
      scheme_id = a->scheme_id;
    }
  return scheme_id;
}

/* Salary prorated by days worked, and the variable part as if the person sells exactly the
 * expected revenue and that revenue is their plan (KPI items other than plan % on target). */
static gboolean
pay_from_scheme (const SdHiringPayQuery  *query,
                 SdMoney                 *out,
                 gpointer                 user_data,
                 GError                 **error)
{
  PayData *pay = user_data;
  gint64 scheme_id = pay_scheme_for (pay, query->manager_id, query->month);
  const SdScheme *scheme = scheme_id > 0 ? g_hash_table_lookup (pay->schemes, &scheme_id) : NULL;
  SdMoney salary, total;
  SdPayParts parts;
  SdFact fact = { 0 };
  guint days = MAX (query->days_in_month, 1);

  if (scheme == NULL)
    {
      if (!sd_money_mul_ratio (pay->monthly_pay, query->days_worked, days, out))
        goto overflow;
      return TRUE;
    }

  if (!sd_money_mul_ratio (scheme->salary, query->days_worked, days, &salary))
    goto overflow;
  fact.manager_id = query->manager_id;
  fact.month = query->month;
  fact.revenue = query->revenue;
  fact.paid = query->revenue;
  if (!sd_money_mul_ratio (query->revenue, pay->margin_bp, 10000, &fact.margin))
    goto overflow;
  sd_payroll_compute_parts (scheme, query->revenue > 0, query->revenue, &fact, FALSE, 0, TRUE,
                            &parts);
  total = salary;
  if (!sd_money_add (total, parts.commission, &total) ||
      !sd_money_add (total, parts.kpi, &total) ||
      !sd_money_add (total, parts.overplan, &total) ||
      !sd_money_add (total, parts.cap_adjustment, &total))
    goto overflow;
  *out = total;
  return TRUE;

overflow:
  g_set_error_literal (error, SD_HIRING_ERROR, SD_HIRING_ERROR_OVERFLOW,
                       _("A pay figure is too large to compute with."));
  return FALSE;
}

static PayData *
pay_data_load (SdStore                 *self,
               const SdHiringSettings  *settings,
               SdMonth                  first,
               GError                 **error)
{
  PayData *pay = g_new0 (PayData, 1);
  g_autoptr(GPtrArray) schemes = NULL;

  pay->schemes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) sd_scheme_free);
  pay->first_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pay->monthly_pay = settings->monthly_pay;
  pay->margin_bp = settings->margin_bp;

  schemes = sd_store_list_schemes (self, error);
  pay->assignments = sd_store_list_scheme_assignments (self, 0, error);
  if (schemes == NULL || pay->assignments == NULL)
    {
      pay_data_free (pay);
      return NULL;
    }
  for (guint i = 0; i < schemes->len; i++)
    {
      SdSchemeEntry *entry = g_ptr_array_index (schemes, i);

      g_hash_table_insert (pay->schemes, g_memdup2 (&entry->id, sizeof entry->id),
                           g_steal_pointer (&entry->scheme));
    }
  for (guint i = 0; i < pay->assignments->len; i++)
    {
      const SdSchemeAssignment *a = &g_array_index (pay->assignments, SdSchemeAssignment, i);

      if (!g_hash_table_contains (pay->first_index, &a->manager_id))
        g_hash_table_insert (pay->first_index, g_memdup2 (&a->manager_id, sizeof (gint64)),
                             GUINT_TO_POINTER (i + 1));
    }
  pay->hire_scheme_id = sd_store_get_hiring_scheme_id (self, first);

  return pay;
}

/* The twelve month targets of a version: its department rows, else its managers' sum. */
static gboolean
version_targets (SdStore  *self,
                 gint64    version_id,
                 SdMoney   targets[12],
                 GError  **error)
{
  g_autoptr(GArray) entries = sd_store_list_plan_version_entries (self, version_id, error);
  SdMoney sums[12] = { 0 };
  gboolean has_department[12] = { FALSE };

  if (entries == NULL)
    return FALSE;
  for (int m = 0; m < 12; m++)
    targets[m] = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      const SdPlanEntry *e = &g_array_index (entries, SdPlanEntry, i);
      int m = sd_month_get_month (e->month) - 1;

      if (e->manager_id == 0)
        {
          targets[m] = e->revenue;
          has_department[m] = TRUE;
        }
      else
        sums[m] += e->revenue;
    }
  for (int m = 0; m < 12; m++)
    if (!has_department[m])
      targets[m] = sums[m];

  return TRUE;
}

SdHiringParams *
sd_store_load_hiring_params (SdStore                 *self,
                             int                      first_year,
                             guint                    n_years,
                             const SdHiringSettings  *settings,
                             const GDate             *today,
                             GError                 **error)
{
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (SdMoney));
  g_autoptr(GPtrArray) staff = NULL;
  SdHiringSettings stored;
  SdMonth first, last;
  PayData *pay;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_sd_store_ensure_open (self, error))
    return NULL;
  if (settings == NULL)
    {
      if (!sd_store_load_hiring_settings (self, &stored, NULL, error))
        return NULL;
      settings = &stored;
    }
  n_years = CLAMP (n_years, 1, SD_HIRING_MAX_MONTHS / 12);

  for (guint y = 0; y < n_years; y++)
    {
      g_autoptr(SdPlanVersion) version = NULL;
      g_autoptr(GError) local_error = NULL;
      SdMoney targets[12];

      version = sd_store_get_current_plan_version (self, first_year + (int) y, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (version == NULL)
        break;
      if (!version_targets (self, version->id, targets, error))
        return NULL;
      g_array_append_vals (plan, targets, 12);
    }
  if (plan->len == 0)
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN,
                   _("There is no plan for %d: make one on the Plan page first."), first_year);
      return NULL;
    }

  first = sd_month_make (first_year, 1);
  last = first + (SdMonth) plan->len - 1;
  params = sd_hiring_params_new (settings);
  sd_hiring_params_set_plan (params, first, (const SdMoney *) (gconstpointer) plan->data,
                             plan->len);
  sd_hiring_params_set_today (params, today);

  staff = sd_store_list_staff (self, TRUE, error);
  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);
      gboolean works = FALSE;

      if (member->role != SD_ROLE_MANAGER)
        continue;
      for (SdMonth m = first; m <= last && !works; m++)
        works = sd_staff_member_works_in (member, m);
      if (works)
        sd_hiring_params_add_staff_member (params, member);
    }

  pay = pay_data_load (self, settings, first, error);
  if (pay == NULL)
    return NULL;
  sd_hiring_params_set_pay_func (params, pay_from_scheme, pay, pay_data_free);

  return g_steal_pointer (&params);
}

SdHiringResult *
sd_store_evaluate_hiring_plan (SdStore          *self,
                               int               first_year,
                               guint             n_years,
                               const GDate      *today,
                               SdHiringParams  **params_out,
                               GError          **error)
{
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(GArray) hires = NULL;
  SdHiringResult *result;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  params = sd_store_load_hiring_params (self, first_year, n_years, NULL, today, error);
  if (params == NULL)
    return NULL;
  hires = sd_store_list_planned_hires (self, error);
  if (hires == NULL)
    return NULL;
  result = sd_hiring_evaluate (params, (const SdPlannedHire *) (gconstpointer) hires->data,
                               hires->len, error);
  if (result != NULL && params_out != NULL)
    *params_out = g_steal_pointer (&params);
  return result;
}

gboolean
sd_store_hiring_capacity_from_history (SdStore                 *self,
                                       const SdHiringSettings  *settings,
                                       SdMonth                  last_month,
                                       guint                    n_months,
                                       SdMoney                 *capacity,
                                       guint                   *n_samples,
                                       GError                 **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) facts = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_months == 0)
    n_months = SD_HIRING_DEFAULT_HISTORY_MONTHS;
  staff = sd_store_list_staff (self, TRUE, error);
  if (staff == NULL)
    return FALSE;
  facts = sd_store_list_facts (self, last_month - (SdMonth) n_months + 1, last_month, error);
  if (facts == NULL)
    return FALSE;

  return sd_hiring_capacity_from_history (settings,
                                          (const SdStaffMember *const *) staff->pdata, staff->len,
                                          (const SdFact *) (gconstpointer) facts->data, facts->len,
                                          last_month, n_months, capacity, n_samples, error);
}
