/* sd-store-history.c — monthly facts and plan figures in the company file
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-history"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-store-people.h"
#include "sd-store-private.h"

static gboolean
fact_row (sqlite3_stmt  *stmt,
          gpointer       user_data,
          GError       **error)
{
  GArray *facts = user_data;
  SdFact fact = { 0, };

  /* BETWEEN on text lets a malformed month through only if it sorts inside the range;
   * sd_store_check reports such rows, lists skip them. */
  if (!_sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 1), &fact.month))
    return TRUE;
  fact.manager_id = sqlite3_column_int64 (stmt, 0);
  fact.revenue = sqlite3_column_int64 (stmt, 2);
  fact.paid = sqlite3_column_int64 (stmt, 3);
  fact.margin = sqlite3_column_int64 (stmt, 4);
  fact.deals = sqlite3_column_int64 (stmt, 5);
  fact.leads = sqlite3_column_int64 (stmt, 6);
  fact.calls = sqlite3_column_int64 (stmt, 7);
  g_array_append_val (facts, fact);
  return TRUE;
}

GArray *
sd_store_list_facts (SdStore  *self,
                     SdMonth   first,
                     SdMonth   last,
                     GError  **error)
{
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (SdFact));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (first != SD_MONTH_INVALID && last != SD_MONTH_INVALID, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT manager_id, month, revenue, paid, margin, deals, leads, calls"
                            " FROM main.facts WHERE month BETWEEN ?1 AND ?2"
                            " ORDER BY month, manager_id", error);
  if (stmt != NULL)
    {
      _sd_store_bind_month (stmt, 1, first);
      _sd_store_bind_month (stmt, 2, last);
    }
  if (!_sd_store_for_each_row (self, stmt, fact_row, facts, error))
    return NULL;
  return g_steal_pointer (&facts);
}

guint
sd_store_count_facts (SdStore *self)
{
  gint64 count;

  g_return_val_if_fail (SD_IS_STORE (self), 0);

  _sd_store_query_int64 (self, _sd_store_prepare (self, "SELECT count(*) FROM main.facts", NULL),
                         0, &count, NULL);
  return (guint) count;
}

gboolean
_sd_store_plan_entry_row (sqlite3_stmt  *stmt,
                          gpointer       user_data,
                          GError       **error)
{
  GArray *entries = user_data;
  SdPlanEntry entry = { 0, };

  if (!_sd_store_month_from_iso ((const char *) sqlite3_column_text (stmt, 1), &entry.month))
    return TRUE;
  entry.manager_id = sqlite3_column_int64 (stmt, 0);
  entry.revenue = sqlite3_column_int64 (stmt, 2);
  entry.leads = sqlite3_column_int64 (stmt, 3);
  entry.deals = sqlite3_column_int64 (stmt, 4);
  g_array_append_val (entries, entry);
  return TRUE;
}

GArray *
sd_store_list_plan (SdStore  *self,
                    SdMonth   first,
                    SdMonth   last,
                    GError  **error)
{
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (first != SD_MONTH_INVALID && last != SD_MONTH_INVALID, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The current version of each year; the department's own target (NULL) sorts as
   * manager 0, before everyone. */
  stmt = _sd_store_prepare (self,
                            "SELECT coalesce (p.manager_id, 0), p.month, p.revenue, p.leads,"
                            " p.deals FROM main.plan AS p"
                            " JOIN main.plan_version AS v ON v.id = p.version_id"
                            " WHERE v.is_current = 1 AND p.month BETWEEN ?1 AND ?2"
                            " ORDER BY p.month, coalesce (p.manager_id, 0)", error);
  if (stmt != NULL)
    {
      _sd_store_bind_month (stmt, 1, first);
      _sd_store_bind_month (stmt, 2, last);
    }
  if (!_sd_store_for_each_row (self, stmt, _sd_store_plan_entry_row, plan, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/* Binds manager, month, revenue, paid, margin, deals, leads, calls as ?1..?8. */
static void
bind_fact (sqlite3_stmt  *stmt,
           const SdFact  *fact)
{
  sqlite3_bind_int64 (stmt, 1, fact->manager_id);
  _sd_store_bind_month (stmt, 2, fact->month);
  sqlite3_bind_int64 (stmt, 3, fact->revenue);
  sqlite3_bind_int64 (stmt, 4, fact->paid);
  sqlite3_bind_int64 (stmt, 5, fact->margin);
  sqlite3_bind_int64 (stmt, 6, fact->deals);
  sqlite3_bind_int64 (stmt, 7, fact->leads);
  sqlite3_bind_int64 (stmt, 8, fact->calls);
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

      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, member->role == SD_ROLE_HEAD ? "head" : "manager", -1,
                         SQLITE_STATIC);
      _sd_store_bind_date (stmt, 4, &member->hired);
      _sd_store_bind_date_or_null (stmt, 5, &member->left);
      sqlite3_bind_int (stmt, 6, member->archived ? 1 : 0);
      _sd_store_bind_text_or_null (stmt, 7, member->scheme);

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
      bind_fact (stmt, &g_array_index (facts, SdFact, i));
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* The demo's plan: for each of its years an approved, current version holding exactly its
 * figures; for the current year also an optimistic draft to compare with. */
static gboolean
insert_demo_plan (SdStore              *self,
                  const SdDemoCompany  *demo,
                  SdMonth               current,
                  GError              **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (SdPlanEntry));
  gint64 current_year_id = 0;

  if (demo->plan == NULL || demo->plan->len == 0)
    return TRUE;

  for (guint i = 0; i < demo->plan->len; i++)
    {
      int year = sd_month_get_year (g_array_index (demo->plan, SdPlanEntry, i).month);
      gboolean known = FALSE;

      for (guint k = 0; k < years->len && !known; k++)
        known = g_array_index (years, int, k) == year;
      if (!known)
        g_array_append_val (years, year);
    }

  for (guint k = 0; k < years->len; k++)
    {
      int year = g_array_index (years, int, k);
      /* Translators: the name of a year's plan version, "Plan 2025" */
      g_autofree char *name = g_strdup_printf (_("Plan %d"), year);
      gint64 id;

      g_array_set_size (entries, 0);
      for (guint i = 0; i < demo->plan->len; i++)
        {
          const SdPlanEntry *entry = &g_array_index (demo->plan, SdPlanEntry, i);

          if (sd_month_get_year (entry->month) == year)
            g_array_append_val (entries, *entry);
        }

      id = _sd_store_plan_add_version_from_entries (self, year, name, SD_SCENARIO_BASE,
                                                    SD_PLAN_STATE_APPROVED,
                                                    (const SdPlanEntry *) (gconstpointer)
                                                    entries->data, entries->len, error);
      if (id == 0)
        return FALSE;
      {
        sqlite3_stmt *stmt = _sd_store_prepare (self,
                                                "UPDATE main.plan_version SET is_current = 1"
                                                " WHERE id = ?1", error);
        gboolean ok;

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, id);
        ok = _sd_store_step_done (self, stmt, error);
        sqlite3_finalize (stmt);
        if (!ok)
          return FALSE;
      }
      if (current != SD_MONTH_INVALID && year == sd_month_get_year (current))
        current_year_id = id;
    }

  /* Approved versions keep the facts they stand on. */
  if (!_sd_store_exec (self,
                       "UPDATE main.plan_version_month SET last_year_fact ="
                       " (SELECT coalesce (sum (f.revenue), 0) FROM main.facts AS f"
                       "  WHERE f.month = printf ('%04d-%02d', (SELECT v.year - 1"
                       "   FROM main.plan_version AS v WHERE v.id = version_id), month))",
                       error))
    return FALSE;

  if (current_year_id != 0)
    {
      g_autoptr(GError) local_error = NULL;

      /* Translators: the name of a plan version with a higher target */
      if (_sd_store_plan_add_scaled_version (self, current_year_id, _("Optimistic"),
                                             SD_SCENARIO_OPTIMISTIC, 10, &local_error) == 0 &&
          local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/* About fifteen expected payments over the current and the next month, from the managers
 * working now and their recent revenue; the same demo always gives the same payments. */
static gboolean
insert_demo_pipeline (SdStore              *self,
                      const SdDemoCompany  *demo,
                      SdMonth               current,
                      GError              **error)
{
  /* The demo company's clients: data of the Russian demo, not user interface text. */
  static const char * const clients[] = {
    "ООО «Вектор»", "АО «Северсталь-Снаб»", "ООО «ТехноПарк»", "ИП Кузнецов А. В.",
    "ООО «Гранит»", "ООО «Альфа-Логистик»", "АО «Уралмаш-Сервис»", "ООО «Светлый дом»",
    "ООО «Меридиан»", "ООО «СтройИнвест»", "ООО «Нева-Трейд»", "АО «Сибирские сети»",
  };
  static const char * const notes[] = {
    NULL, "Счёт выставлен", "Ждём подписания договора", NULL, "Согласование у директора",
  };
  static const int probabilities[] = { 10, 25, 50, 75, 90, 100 };
  g_autoptr(GArray) managers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = NULL;
  guint32 seed;
  SdMonth this_month;
  int first_day;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  /* Only a whole demo (one with a plan) gets a pipeline, and only from managers with facts:
   * a person with history is archived rather than deleted, so the payments never stand in
   * the way of removing someone. */
  if (current == SD_MONTH_INVALID || demo->staff == NULL || demo->facts == NULL ||
      demo->plan == NULL || demo->plan->len == 0)
    return TRUE;

  for (guint i = 0; i < demo->staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (demo->staff, i);
      gboolean has_facts = FALSE;

      for (guint k = 0; k < demo->facts->len && !has_facts; k++)
        has_facts = g_array_index (demo->facts, SdFact, k).manager_id == member->id;

      if (member->role == SD_ROLE_MANAGER && !member->archived && has_facts &&
          sd_staff_member_works_in (member, current))
        g_array_append_val (managers, member->id);
    }
  if (managers->len == 0)
    return TRUE;

  seed = g_str_hash (demo->company_name) ^ (guint32) current;
  for (guint i = 0; demo->facts != NULL && i < demo->facts->len; i++)
    seed = seed * 31u + (guint32) g_array_index (demo->facts, SdFact, i).revenue;
  rand = g_rand_new_with_seed (seed);

  /* The forecast counts payments from today on: in the month that is running now, none
   * before today (the demo itself is made for today; sd_demo_generate ends its history with
   * last month). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    this_month = sd_month_make (g_date_time_get_year (now), g_date_time_get_month (now));
    first_day = g_date_time_get_day_of_month (now);
  }

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.pipeline (manager_id, expected, amount, probability,"
                            " client, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && i < 15; i++)
    {
      gint64 manager_id = g_array_index (managers, gint64, i % managers->len);
      SdMonth month = current + (i % 3 == 2 ? 1 : 0);
      GDate last_day, expected;
      SdMoney recent = 0;
      guint n_recent = 0;
      SdMoney amount;
      const char *note;
      char iso[16];

      /* The manager's average month over the last three. */
      for (guint k = 0; demo->facts != NULL && k < demo->facts->len; k++)
        {
          const SdFact *fact = &g_array_index (demo->facts, SdFact, k);

          if (fact->manager_id == manager_id && fact->month < current &&
              fact->month >= current - 3 && fact->revenue > 0)
            {
              recent += fact->revenue;
              n_recent++;
            }
        }
      recent = n_recent > 0 ? recent / n_recent : 100000000;
      /* 15 to 45 % of a month, in whole thousands of roubles, at least 50 000 ₽. */
      amount = recent / 100 * g_rand_int_range (rand, 15, 46);
      amount = MAX (amount / 100000 * 100000, 5000000);

      sd_month_last_day (month, &last_day);
      g_date_clear (&expected, 1);
      g_date_set_dmy (&expected,
                      (GDateDay) g_rand_int_range (rand, month == this_month ? first_day : 1,
                                                   g_date_get_day (&last_day) + 1),
                      (GDateMonth) sd_month_get_month (month),
                      (GDateYear) sd_month_get_year (month));
      _sd_store_date_to_iso (&expected, iso);
      note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];

      sqlite3_bind_int64 (stmt, 1, manager_id);
      sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, amount);
      sqlite3_bind_int (stmt, 4,
                        probabilities[g_rand_int_range (rand, 0, G_N_ELEMENTS (probabilities))]);
      sqlite3_bind_text (stmt, 5, clients[g_rand_int_range (rand, 0, G_N_ELEMENTS (clients))],
                         -1, SQLITE_STATIC);
      if (note != NULL)
        sqlite3_bind_text (stmt, 6, note, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 6);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* The month after the demo's last fact: the demo ends its history the month before today. */
/* Scored calls, assessments and a development plan up to the day the demo was made for. */
static gboolean
fill_demo_people (SdStore              *self,
                  const SdDemoCompany  *demo,
                  SdMonth               current,
                  GError              **error)
{
  GDate day;

  if (current == SD_MONTH_INVALID)
    return TRUE;
  if (g_date_valid (&demo->today))
    day = demo->today;
  else
    {
      sd_month_first_day (current, &day);
      g_date_add_days (&day, 14);
    }
  return _sd_store_fill_demo_people (self, &day, 6, error);
}

static SdMonth
demo_current_month (const SdDemoCompany *demo)
{
  SdMonth last = SD_MONTH_INVALID;

  for (guint i = 0; demo->facts != NULL && i < demo->facts->len; i++)
    {
      SdMonth month = g_array_index (demo->facts, SdFact, i).month;

      if (last == SD_MONTH_INVALID || month > last)
        last = month;
    }
  if (last != SD_MONTH_INVALID)
    return last + 1;

  for (guint i = 0; demo->plan != NULL && i < demo->plan->len; i++)
    {
      SdMonth month = g_array_index (demo->plan, SdPlanEntry, i).month;

      if (last == SD_MONTH_INVALID || month < last)
        last = month;
    }
  return last;
}

gboolean
sd_store_fill_demo (SdStore              *self,
                    const SdDemoCompany  *demo,
                    GError              **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  SdMonth current;

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
                       "DELETE FROM main.idp;"
                       "DELETE FROM main.assessment;"
                       "DELETE FROM main.call_score;"
                       "DELETE FROM main.checklist;"
                       "DELETE FROM main.planned_hire;"
                       "DELETE FROM main.payroll_note;"
                       "DELETE FROM main.payroll_slip;"
                       "DELETE FROM main.payroll_month;"
                       "DELETE FROM main.scheme_assignment;"
                       "DELETE FROM main.pipeline;"
                       "DELETE FROM main.plan;"
                       "DELETE FROM main.plan_version_manager;"
                       "DELETE FROM main.plan_version_month;"
                       "DELETE FROM main.plan_version;"
                       "DELETE FROM main.facts;"
                       "DELETE FROM main.staff;", error))
    goto failed;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.company SET name = ?1, currency = ?2 WHERE id = 1",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, demo->currency, -1, SQLITE_TRANSIENT);
    }
  if (!_sd_store_run (self, stmt, error))
    goto failed;

  current = demo_current_month (demo);
  if (!insert_demo_staff (self, demo->staff, error) ||
      !insert_demo_facts (self, demo->facts, error) ||
      !insert_demo_plan (self, demo, current, error) ||
      !insert_demo_pipeline (self, demo, current, error) ||
      !_sd_store_fill_demo_payroll (self, current, error) ||
      !fill_demo_people (self, demo, current, error))
    goto failed;

  return _sd_store_edit_commit (self, NULL, SD_STORE_CHANGED_ALL, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

/* --- facts, edited by hand or imported --- */

static void
prefix_error (GError    **error,
              gsize       line,
              const char *message)
{
  if (line > 0)
    /* Translators: "Line 5: <what is wrong>. Nothing was imported." */
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                 _("Line %u: %s Nothing was imported."), (guint) line, message);
  else
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                 _("%s Nothing was saved."), message);
}

/* Checks a block of facts against the staff (`line_base` > 0: the first is on that line of
 * a file, and messages say which line). */
static gboolean
check_facts (SdStore       *self,
             const SdFact  *facts,
             gsize          n_facts,
             gsize          line_base,
             GError       **error)
{
  g_autoptr(GHashTable) staff = _sd_store_dup_staff_ids (self, error);
  g_autoptr(GHashTable) keys = NULL;

  if (staff == NULL)
    return FALSE;
  keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (gsize i = 0; i < n_facts; i++)
    {
      const SdFact *fact = &facts[i];
      gsize line = line_base > 0 ? line_base + i : 0;
      const SdStaffMember *member;
      char month[16];
      gint64 key;

      if (fact->month == SD_MONTH_INVALID || sd_month_get_year (fact->month) < 1 ||
          sd_month_get_year (fact->month) > 9999)
        {
          prefix_error (error, line, _("The month is not valid."));
          return FALSE;
        }
      _sd_store_month_to_iso (fact->month, month);

      member = g_hash_table_lookup (staff, &fact->manager_id);
      if (member == NULL)
        {
          prefix_error (error, line, _("The manager is not in the staff list. Add them first."));
          return FALSE;
        }
      if (fact->revenue < 0 || fact->paid < 0 || fact->deals < 0 || fact->leads < 0 ||
          fact->calls < 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s, %s: revenue, payments, deals, leads and calls cannot be "
                               "below zero (only the margin can)."), member->name, month);

          prefix_error (error, line, message);
          return FALSE;
        }
      if (!sd_staff_member_works_in (member, fact->month))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s did not work in %s (see the hire and leave dates). Facts "
                               "can only be entered for months worked."), member->name, month);

          prefix_error (error, line, message);
          return FALSE;
        }

      key = fact->manager_id * (G_GINT64_CONSTANT (1) << 20) + (gint64) fact->month;
      if (g_hash_table_contains (keys, &key))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s, %s appears twice. Keep one."), member->name, month);

          prefix_error (error, line, message);
          return FALSE;
        }
      g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }
  return TRUE;
}

/* Inside an edit: inserts or replaces, touching only rows that differ. */
static gboolean
write_facts (SdStore       *self,
             const SdFact  *facts,
             gsize          n_facts,
             GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.facts (manager_id, month, revenue, paid, margin,"
                            " deals, leads, calls) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            " ON CONFLICT (manager_id, month) DO UPDATE SET"
                            " revenue = excluded.revenue, paid = excluded.paid,"
                            " margin = excluded.margin, deals = excluded.deals,"
                            " leads = excluded.leads, calls = excluded.calls"
                            " WHERE (revenue, paid, margin, deals, leads, calls) IS NOT"
                            " (excluded.revenue, excluded.paid, excluded.margin, excluded.deals,"
                            "  excluded.leads, excluded.calls)", error);
  if (stmt == NULL)
    return FALSE;

  for (gsize i = 0; ok && i < n_facts; i++)
    {
      bind_fact (stmt, &facts[i]);
      ok = _sd_store_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
set_facts_full (SdStore       *self,
                const SdFact  *facts,
                gsize          n_facts,
                gsize          line_base,
                const char    *undo_label,
                GError       **error)
{
  if (!_sd_store_ensure_open (self, error) ||
      !check_facts (self, facts, n_facts, line_base, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;

  if (!write_facts (self, facts, n_facts, error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  return _sd_store_edit_commit (self, undo_label, SD_STORE_CHANGED_FACTS, error);
}

gboolean
sd_store_set_fact (SdStore       *self,
                   const SdFact  *fact,
                   GError       **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: an undo step, "Undo Edit facts" */
  return set_facts_full (self, fact, 1, 0, _("Edit facts"), error);
}

gboolean
sd_store_set_facts (SdStore       *self,
                    const SdFact  *facts,
                    gsize          n_facts,
                    const char    *undo_label,
                    GError       **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_facts_full (self, facts, n_facts, 0, undo_label ? undo_label : _("Edit facts"),
                         error);
}

gboolean
sd_store_clear_fact (SdStore   *self,
                     gint64     manager_id,
                     SdMonth    month,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 changes;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error) || !_sd_store_edit_begin (self, error))
    return FALSE;

  stmt = _sd_store_prepare_with_id (self,
                                    "DELETE FROM main.facts WHERE manager_id = ?1 AND month = ?2",
                                    manager_id, error);
  if (stmt != NULL)
    _sd_store_bind_month (stmt, 2, month);
  if (!_sd_store_run (self, stmt, error))
    goto failed;
  changes = sqlite3_changes64 (_sd_store_get_db (self));

  /* Translators: an undo step, "Undo Clear facts" */
  return _sd_store_edit_commit (self, _("Clear facts"),
                                changes > 0 ? SD_STORE_CHANGED_FACTS : 0, error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

gboolean
sd_store_import_facts (SdStore       *self,
                       const SdFact  *facts,
                       gsize          n_facts,
                       guint         *n_written,
                       GError       **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  /* Rows come in file order after a header line: the first is line 2. Translators: an undo
   * step, "Undo Import facts" */
  if (!set_facts_full (self, facts, n_facts, 2, _("Import facts"), error))
    return FALSE;

  if (n_written != NULL)
    *n_written = (guint) n_facts;
  return TRUE;
}
