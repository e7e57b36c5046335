/* test-store-plan.c — plan versions, saving and loading plans, imports, facts editing,
 * pipeline and settings in the company file
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-plan"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sd-store.h"
#include "sd-store-private.h"
#include "sd-test-store.h"

/* --- fixture: a private folder and a store with three managers and last year's facts --- */

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
  gint64   ivanov;    /* 2024-03-01 .. */
  gint64   petrova;   /* 2023-01-01 .. 2025-08-15 */
  gint64   sidorov;   /* 2025-05-12 .. */
  gint64   head;
} Fixture;

static SdFact
make_fact (gint64  manager_id,
           int     year,
           int     month,
           SdMoney revenue)
{
  SdFact fact = { 0, };

  fact.manager_id = manager_id;
  fact.month = sd_month_make (year, month);
  fact.revenue = revenue;
  fact.paid = revenue / 2;
  fact.margin = revenue / 5;
  fact.deals = revenue / 10000000;
  fact.leads = revenue / 2000000;
  fact.calls = 100;
  return fact;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (SdFact));

  f->store = sd_test_create_in_new_dir ("test-store-plan-XXXXXX", "ООО Ромашка", &f->dir, &f->path);

  sd_test_add_three (f->store, "2025-08-15", &f->head, &f->ivanov, &f->petrova);
  f->sidorov = sd_test_add_member (f->store, "Сидоров Глеб", SD_ROLE_MANAGER, "2025-05-12", NULL);

  /* 2024: a seasonal year of facts. */
  for (int m = 1; m <= 12; m++)
    {
      SdFact fact = make_fact (f->petrova, 2024, m, (SdMoney) (100000000 + m * 7000000));

      g_array_append_val (facts, fact);
      if (m >= 3)
        {
          fact = make_fact (f->ivanov, 2024, m, (SdMoney) (50000000 + m * 3000000));
          g_array_append_val (facts, fact);
        }
    }
  sd_test_set_facts (f->store, facts, "facts");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_company (g_steal_pointer (&f->store), f->dir, f->path);
}

/* --- helpers --- */

static gint64
query_int (SdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_sd_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static GArray *
version_entries (SdStore *store,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  GArray *entries = sd_store_list_plan_version_entries (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static void
assert_entries_equal (GArray *a,
                      GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const SdPlanEntry *x = &g_array_index (a, SdPlanEntry, i);
      const SdPlanEntry *y = &g_array_index (b, SdPlanEntry, i);

      g_assert_cmpint (x->manager_id, ==, y->manager_id);
      g_assert_cmpint (x->month, ==, y->month);
      g_assert_cmpint (x->revenue, ==, y->revenue);
      g_assert_cmpint (x->leads, ==, y->leads);
      g_assert_cmpint (x->deals, ==, y->deals);
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SdPlanEntry *x = a, *y = b;

  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  return x->manager_id < y->manager_id ? -1 : x->manager_id > y->manager_id;
}

/* The plan's entries, ordered as the store lists them (by month, then manager id). */
static GArray *
sorted_plan_entries (const SdPlan *plan)
{
  GArray *entries = sd_plan_to_entries (plan);

  g_array_sort (entries, compare_entries);
  return entries;
}

static void
assert_plans_equal (const SdPlan *a,
                    const SdPlan *b)
{
  guint n = sd_plan_get_n_managers (a);

  g_assert_cmpint (sd_plan_get_year (a), ==, sd_plan_get_year (b));
  g_assert_cmpint (sd_plan_get_target (a), ==, sd_plan_get_target (b));
  g_assert_cmpuint (n, ==, sd_plan_get_n_managers (b));
  g_assert_cmpint (sd_plan_is_balanced (a, 0), ==, sd_plan_is_balanced (b, 0));
  g_assert_cmpint (sd_plan_rest (a, 0), ==, sd_plan_rest (b, 0));
  for (int m = 1; m <= 12; m++)
    {
      g_assert_cmpint (sd_plan_get_month_target (a, m), ==, sd_plan_get_month_target (b, m));
      g_assert_cmpint (sd_plan_month_target_is_edited (a, m), ==,
                       sd_plan_month_target_is_edited (b, m));
      g_assert_cmpint (sd_plan_is_balanced (a, m), ==, sd_plan_is_balanced (b, m));
      g_assert_cmpint (sd_plan_rest (a, m), ==, sd_plan_rest (b, m));
      g_assert_cmpint (sd_plan_get_unassigned (a, m), ==, sd_plan_get_unassigned (b, m));
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpint (sd_plan_get_manager_id (a, i), ==, sd_plan_get_manager_id (b, i));
          g_assert_cmpint (sd_plan_get_cell (a, m, i), ==, sd_plan_get_cell (b, m, i));
          g_assert_cmpint (sd_plan_cell_is_edited (a, m, i), ==,
                           sd_plan_cell_is_edited (b, m, i));
        }
    }
}

static SdPlan *
load (Fixture        *f,
      gint64          id,
      SdPlanParams  **params)
{
  g_autoptr(GError) error = NULL;
  SdPlan *plan = sd_store_load_plan (f->store, id, sd_calendar_get_default (), params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static gint64
create_version (Fixture    *f,
                int         year,
                const char *name,
                gint64      copy_from)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sd_store_create_plan_version (f->store, year, name, SD_SCENARIO_BASE, copy_from,
                                            &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static SdPlanVersion *
get_version (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  SdPlanVersion *version = sd_store_get_plan_version (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (version);
  return version;
}

/* Edits of every kind: cells, a month target, a balanced month and the balanced year. */
static void
edit_plan (SdPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sd_plan_get_n_managers (plan), >=, 2);
  g_assert_true (sd_plan_set_cell (plan, 2, 0, 12345600, &error));
  g_assert_true (sd_plan_set_cell (plan, 6, 1, 99900000, &error));
  g_assert_true (sd_plan_set_month_target (plan, 4, 250000000, &error));
  g_assert_true (sd_plan_set_cell (plan, 4, 0, 100000000, &error));
  g_assert_true (sd_plan_respread (plan, 4, &error));
  g_assert_true (sd_plan_set_month_target (plan, 9, 180000000, &error));
  g_assert_true (sd_plan_respread (plan, 0, &error));
  g_assert_no_error (error);
}

/* --- versions --- */

static void
test_version_lifecycle (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanVersion) version = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GArray) base_entries = NULL;
  g_autoptr(GArray) copy_entries = NULL;
  gint64 base, copy, third;

  /* A year without versions has no current one, and no error. */
  version = sd_store_get_current_plan_version (f->store, 2025, &error);
  g_assert_no_error (error);
  g_assert_null (version);

  /* The first version of a year becomes current, as a draft. */
  base = create_version (f, 2025, "  Основной  ", 0);
  version = get_version (f, base);
  g_assert_cmpstr (version->name, ==, "Основной");
  g_assert_cmpint (version->year, ==, 2025);
  g_assert_cmpint (version->scenario, ==, SD_SCENARIO_BASE);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_DRAFT);
  g_assert_true (version->current);
  g_assert_cmpint (version->revision_of, ==, 0);
  g_assert_true (g_date_valid (&version->created));
  g_assert_false (g_date_valid (&version->approved));
  g_clear_pointer (&version, sd_plan_version_free);

  /* Default params: growth of 0 % on last year, the managers employed in 2025. */
  plan = load (f, base, &params);
  g_assert_cmpint (sd_plan_params_get_target_kind (params), ==, SD_PLAN_TARGET_GROWTH);
  g_assert_cmpint (sd_plan_get_target (plan), ==,
                   query_int (f->store, "SELECT sum (revenue) FROM facts WHERE month LIKE "
                                        "'2024-%'"));
  g_assert_cmpuint (sd_plan_get_n_managers (plan), ==, 3);
  g_assert_true (sd_plan_find_manager (plan, f->sidorov, NULL));
  g_assert_false (sd_plan_find_manager (plan, f->head, NULL));
  g_clear_pointer (&plan, sd_plan_free);
  g_clear_pointer (&params, sd_plan_params_free);

  /* Names are unique within a year, not across years. */
  g_assert_cmpint (sd_store_create_plan_version (f->store, 2025, "Основной", SD_SCENARIO_BASE, 0,
                                                 &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The plan for 2025 already has a version named «Основной». Choose another "
                   "name.");
  g_clear_error (&error);
  g_assert_cmpint (sd_store_create_plan_version (f->store, 2025, " ", SD_SCENARIO_BASE, 0,
                                                 &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sd_store_create_plan_version (f->store, 1800, "Старый", SD_SCENARIO_BASE, 0,
                                                 &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A copy has the same figures, is not current, and remembers where it came from. */
  copy = create_version (f, 2025, "Копия", base);
  version = get_version (f, copy);
  g_assert_false (version->current);
  g_assert_cmpint (version->revision_of, ==, base);
  g_clear_pointer (&version, sd_plan_version_free);
  base_entries = version_entries (f->store, base);
  copy_entries = version_entries (f->store, copy);
  g_assert_cmpuint (base_entries->len, ==, 4 * 12);
  assert_entries_equal (base_entries, copy_entries);
  /* A copy into another year is refused. */
  g_assert_cmpint (sd_store_create_plan_version (f->store, 2026, "Копия", SD_SCENARIO_BASE, base,
                                                 &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Rename and scenario. */
  g_assert_false (sd_store_rename_plan_version (f->store, copy, "Основной", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sd_store_rename_plan_version (f->store, copy, "Рост", &error));
  g_assert_true (sd_store_set_plan_version_scenario (f->store, copy, SD_SCENARIO_OPTIMISTIC,
                                                     &error));
  g_assert_no_error (error);
  version = get_version (f, copy);
  g_assert_cmpstr (version->name, ==, "Рост");
  g_assert_cmpint (version->scenario, ==, SD_SCENARIO_OPTIMISTIC);
  g_clear_pointer (&version, sd_plan_version_free);

  /* Listed by year, scenario, creation. */
  third = sd_store_create_plan_version (f->store, 2025, "Осторожный", SD_SCENARIO_PESSIMISTIC, 0,
                                        &error);
  g_assert_no_error (error);
  versions = sd_store_list_plan_versions (f->store, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_cmpint (((SdPlanVersion *) g_ptr_array_index (versions, 0))->id, ==, third);
  g_assert_cmpint (((SdPlanVersion *) g_ptr_array_index (versions, 1))->id, ==, base);
  g_assert_cmpint (((SdPlanVersion *) g_ptr_array_index (versions, 2))->id, ==, copy);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Approving freezes the version and makes it current. */
  g_assert_true (sd_store_approve_plan_version (f->store, copy, &error));
  g_assert_no_error (error);
  version = get_version (f, copy);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_APPROVED);
  g_assert_true (version->current);
  g_assert_true (g_date_valid (&version->approved));
  g_clear_pointer (&version, sd_plan_version_free);
  version = get_version (f, base);
  g_assert_false (version->current);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_DRAFT);
  g_clear_pointer (&version, sd_plan_version_free);
  g_assert_false (sd_store_approve_plan_version (f->store, copy, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Frozen: saving fails and leaves the file byte for byte. */
  plan = load (f, copy, &params);
  g_assert_true (sd_plan_set_cell (plan, 1, 0, 1, NULL));
  before = sd_test_read_bytes (f->path);
  g_assert_false (sd_store_save_plan (f->store, copy, params, plan, "Edit", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "«Рост» is approved and cannot be changed. Start a revision of it to make "
                   "changes.");
  g_clear_error (&error);
  {
    g_autoptr(GBytes) after = sd_test_read_bytes (f->path);

    g_assert_true (g_bytes_equal (before, after));
  }
  g_clear_pointer (&plan, sd_plan_free);
  g_clear_pointer (&params, sd_plan_params_free);

  /* Approving another supersedes the first. */
  g_assert_true (sd_store_approve_plan_version (f->store, base, &error));
  version = get_version (f, copy);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_SUPERSEDED);
  g_assert_false (version->current);
  g_assert_true (g_date_valid (&version->approved));
  g_clear_pointer (&version, sd_plan_version_free);

  /* Undo of an approval puts both versions back as they were; redo again. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  version = get_version (f, copy);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_APPROVED);
  g_assert_true (version->current);
  g_clear_pointer (&version, sd_plan_version_free);
  version = get_version (f, base);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_DRAFT);
  g_assert_false (version->current);
  g_assert_false (g_date_valid (&version->approved));
  g_clear_pointer (&version, sd_plan_version_free);
  g_assert_true (sd_store_redo (f->store, &error));
  g_assert_no_error (error);
  version = get_version (f, base);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_APPROVED);
  g_assert_true (version->current);
  g_clear_pointer (&version, sd_plan_version_free);

  /* Make current: any version, exactly one per year. */
  g_assert_true (sd_store_make_plan_version_current (f->store, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_version WHERE year = 2025"
                                        " AND is_current = 1"), ==, 1);
  version = sd_store_get_current_plan_version (f->store, 2025, &error);
  g_assert_cmpint (version->id, ==, third);
  g_clear_pointer (&version, sd_plan_version_free);

  /* Delete: not the current one, not an approved or superseded one; a draft otherwise. */
  g_assert_false (sd_store_delete_plan_version (f->store, third, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sd_store_delete_plan_version (f->store, copy, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sd_store_make_plan_version_current (f->store, base, &error));
  g_assert_true (sd_store_delete_plan_version (f->store, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_version"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_version_month"), ==, 24);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_version_manager"), ==, 6);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan"), ==, 2 * 4 * 12);
  version = sd_store_get_plan_version (f->store, third, &error);
  g_assert_null (version);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo brings the deleted version back whole. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  version = get_version (f, third);
  g_assert_cmpstr (version->name, ==, "Осторожный");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan"), ==, 3 * 4 * 12);

  g_assert_true (sd_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* A company without staff or history still gets a version: flat, target 0. */
static void
test_version_in_empty_company (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "empty.salesdesk", NULL);
  g_autoptr(SdStore) store = sd_store_create (path, "ООО Пусто", "RUB", &error);
  g_autoptr(SdPlan) plan = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = sd_store_create_plan_version (store, 2030, "План", SD_SCENARIO_BASE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  plan = sd_store_load_plan (store, id, sd_calendar_get_default (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_plan_get_n_managers (plan), ==, 0);
  g_assert_cmpint (sd_plan_get_target (plan), ==, 0);
  g_assert_true (sd_store_check (store, NULL, &error));
}

/* --- save and load --- */

static void
test_save_load_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdPlanParams) params2 = NULL;
  g_autoptr(SdPlan) plan2 = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) expected = NULL;
  static const int ramp[] = { 20, 50, 100 };
  static const gint64 weights[12] = { 5, 6, 8, 9, 9, 10, 7, 6, 9, 10, 11, 14 };
  guint index;
  gint64 id;

  id = create_version (f, 2025, "План", 0);
  plan = load (f, id, &params);

  /* Every kind of input. */
  sd_plan_params_set_target (params, 1800000000);
  sd_plan_params_set_month_weights (params, weights);
  sd_plan_params_set_adjust_for_working_days (params, FALSE);
  sd_plan_params_set_ramp_up (params, ramp, G_N_ELEMENTS (ramp));
  sd_plan_params_set_funnel (params, 15000000, 2500);
  g_assert_true (sd_plan_params_find_manager (params, f->petrova, &index));
  sd_plan_params_set_personal_weight (params, index, 150);
  sd_plan_params_set_vacation (params, index, 7, 10);
  sd_plan_params_set_manager_funnel (params, index, 20000000, 3000);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_no_error (error);
  edit_plan (plan);

  g_assert_true (sd_store_save_plan (f->store, id, params, plan, "Изменить план", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Изменить план");

  /* What is loaded is what was saved. */
  plan2 = load (f, id, &params2);
  assert_plans_equal (plan, plan2);
  g_assert_cmpint (sd_plan_params_get_target_kind (params2), ==, SD_PLAN_TARGET_FIXED);
  g_assert_cmpint (sd_plan_params_get_weights_kind (params2), ==, SD_PLAN_WEIGHTS_CUSTOM);
  {
    gsize n_steps;
    const int *steps = sd_plan_params_get_ramp_up (params2, &n_steps);

    g_assert_cmpuint (n_steps, ==, 3);
    g_assert_cmpint (steps[0], ==, 20);
    g_assert_cmpint (steps[1], ==, 50);
    g_assert_cmpint (steps[2], ==, 100);
  }
  g_assert_true (sd_plan_params_find_manager (params2, f->petrova, &index));
  {
    guint index_in_plan;

    g_assert_true (sd_plan_find_manager (plan2, f->petrova, &index_in_plan));
    /* The manager's own funnel: 20 000 ₽ a deal, 30 %. */
    for (int m = 1; m <= 12; m++)
      {
        gint64 deals, leads, want_deals, want_leads;

        g_assert_true (sd_plan_get_cell_funnel (plan2, m, index_in_plan, &deals, &leads));
        g_assert_true (sd_plan_funnel (sd_plan_get_cell (plan2, m, index_in_plan), 20000000,
                                       3000, &want_deals, &want_leads));
        g_assert_cmpint (deals, ==, want_deals);
        g_assert_cmpint (leads, ==, want_leads);
      }
  }

  /* The stored figures are the plan's entries. */
  stored = version_entries (f->store, id);
  expected = sorted_plan_entries (plan);
  assert_entries_equal (stored, expected);

  /* Saving what was loaded changes nothing and adds no undo step. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_true (sd_store_redo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdPlan) again = load (f, id, NULL);

    assert_plans_equal (plan, again);
  }
  g_assert_true (sd_store_save_plan (f->store, id, params2, plan2, "Ещё раз", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Изменить план");

  /* A staff member's new dates: the plan follows them. */
  {
    g_autoptr(SdStaffMember) sidorov = sd_store_get_staff (f->store, f->sidorov, &error);
    g_autoptr(SdPlan) moved = NULL;
    guint i;

    sd_test_set_date (&sidorov->hired, "2025-09-01");
    g_assert_true (sd_store_update_staff (f->store, sidorov, &error));
    g_assert_no_error (error);
    moved = load (f, id, NULL);
    g_assert_true (sd_plan_find_manager (moved, f->sidorov, &i));
    g_assert_cmpint (sd_plan_get_ramp_up_percent (moved, 8, i), ==, 0);
    g_assert_cmpint (sd_plan_get_ramp_up_percent (moved, 9, i), ==, 20);
  }

  /* Params that do not belong to the version are refused. */
  {
    g_autoptr(SdPlanParams) other = sd_plan_params_new (2026, sd_calendar_get_default ());
    g_autoptr(SdPlan) other_plan = NULL;

    static const gint64 flat[12] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

    sd_plan_params_set_target (other, 100);
    sd_plan_params_set_month_weights (other, flat);
    other_plan = sd_plan_compute (other, &error);
    g_assert_no_error (error);
    g_assert_false (sd_store_save_plan (f->store, id, other, other_plan, NULL, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_save_undo_redo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  g_autoptr(GArray) now = NULL;
  g_autoptr(SdPlan) original = NULL;
  gint64 id;

  id = create_version (f, 2025, "План", 0);
  plan = load (f, id, &params);
  original = sd_plan_copy (plan);
  first = version_entries (f->store, id);

  sd_plan_params_set_target (params, 2000000000);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  edit_plan (plan);
  g_assert_true (sd_store_save_plan (f->store, id, params, plan, "Правка", &error));
  g_assert_no_error (error);
  second = version_entries (f->store, id);

  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  now = version_entries (f->store, id);
  assert_entries_equal (now, first);
  g_clear_pointer (&now, g_array_unref);
  {
    g_autoptr(SdPlan) back = load (f, id, NULL);

    assert_plans_equal (back, original);
  }

  g_assert_true (sd_store_redo (f->store, &error));
  g_assert_no_error (error);
  now = version_entries (f->store, id);
  assert_entries_equal (now, second);
  {
    g_autoptr(SdPlan) again = load (f, id, NULL);

    assert_plans_equal (again, plan);
  }
}

static void
test_list_plan_current (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GArray) entries = NULL;
  gint64 base, other;

  base = create_version (f, 2025, "Базовый", 0);
  other = create_version (f, 2025, "Другой", base);
  plan = load (f, other, &params);
  sd_plan_params_set_target (params, 3000000000);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_true (sd_store_save_plan (f->store, other, params, plan, NULL, &error));
  g_assert_no_error (error);

  listed = sd_store_list_plan (f->store, sd_month_make (2025, 1), sd_month_make (2025, 12),
                               &error);
  entries = version_entries (f->store, base);
  assert_entries_equal (listed, entries);
  g_clear_pointer (&listed, g_array_unref);
  g_clear_pointer (&entries, g_array_unref);

  g_assert_true (sd_store_make_plan_version_current (f->store, other, &error));
  listed = sd_store_list_plan (f->store, sd_month_make (2025, 1), sd_month_make (2025, 12),
                               &error);
  entries = version_entries (f->store, other);
  assert_entries_equal (listed, entries);
  g_assert_cmpint (g_array_index (listed, SdPlanEntry, 0).manager_id, ==, 0);
  g_assert_cmpint (g_array_index (listed, SdPlanEntry, 0).month, ==, sd_month_make (2025, 1));
  g_clear_pointer (&listed, g_array_unref);

  /* Only the asked months. */
  listed = sd_store_list_plan (f->store, sd_month_make (2025, 3), sd_month_make (2025, 3),
                               &error);
  g_assert_cmpuint (listed->len, ==, 4);
}

/* --- imports --- */

static void
test_import_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(SdPlanVersion) version = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GBytes) before = NULL;
  SdPlanEntry entries[] = {
    { f->ivanov, sd_month_make (2025, 1), 100000000, 40, 8 },
    { f->petrova, sd_month_make (2025, 1), 150000000, 0, 0 },
    { 0, sd_month_make (2025, 2), 300000000, 100, 20 },
    { f->ivanov, sd_month_make (2025, 2), 120000000, 41, 9 },
    { f->petrova, sd_month_make (2026, 3), 90000000, 30, 6 },
  };
  SdPlanEntry bad[] = {
    { f->ivanov, sd_month_make (2027, 1), 100000000, 40, 8 },
    { f->petrova, sd_month_make (2027, 1), -5, 0, 0 },
  };
  SdPlanEntry twice[] = {
    { f->ivanov, sd_month_make (2027, 1), 1, 0, 0 },
    { f->ivanov, sd_month_make (2027, 1), 2, 0, 0 },
  };
  SdPlanEntry unknown[] = {
    { 999, sd_month_make (2027, 1), 1, 0, 0 },
  };
  guint n_versions = 0;
  guint index;

  g_assert_true (sd_store_import_plan (f->store, entries, G_N_ELEMENTS (entries), NULL,
                                       &n_versions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_versions, ==, 2);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Import plan");

  /* One version per year, current, named after the day; figures exactly the rows. */
  versions = sd_store_list_plan_versions (f->store, 0, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = sd_plan_version_copy (g_ptr_array_index (versions, 0));
  g_assert_cmpint (version->year, ==, 2025);
  g_assert_true (g_str_has_prefix (version->name, "Imported "));
  g_assert_true (version->current);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_DRAFT);

  listed = sd_store_list_plan (f->store, sd_month_make (2025, 1), sd_month_make (2026, 12),
                               &error);
  g_assert_cmpuint (listed->len, ==, G_N_ELEMENTS (entries));
  for (guint i = 0; i < listed->len; i++)
    {
      const SdPlanEntry *got = &g_array_index (listed, SdPlanEntry, i);
      static const guint order[] = { 0, 1, 2, 3, 4 };
      const SdPlanEntry *want;
      guint k = order[i];

      /* listed by month then manager: Jan Иванов, Jan Петрова, Feb dept, Feb Иванов, Mar 26 */
      want = &entries[k];
      if (i == 0 || i == 1)
        want = want->manager_id == got->manager_id ? want : &entries[1 - k];
      g_assert_cmpint (got->manager_id, ==, want->manager_id);
      g_assert_cmpint (got->month, ==, want->month);
      g_assert_cmpint (got->revenue, ==, want->revenue);
      g_assert_cmpint (got->leads, ==, want->leads);
      g_assert_cmpint (got->deals, ==, want->deals);
    }

  /* Loaded: January's target is the managers' sum, February's the department's row; the
   * months not in the file are zero. */
  plan = load (f, version->id, NULL);
  g_assert_cmpint (sd_plan_get_month_target (plan, 1), ==, 250000000);
  g_assert_cmpint (sd_plan_get_month_target (plan, 2), ==, 300000000);
  g_assert_cmpint (sd_plan_get_month_target (plan, 3), ==, 0);
  g_assert_cmpint (sd_plan_get_target (plan), ==, 550000000);
  g_assert_true (sd_plan_find_manager (plan, f->petrova, &index));
  g_assert_cmpint (sd_plan_get_cell (plan, 1, index), ==, 150000000);
  g_assert_cmpint (sd_plan_get_cell (plan, 2, index), ==, 0);
  g_assert_true (sd_plan_cell_is_edited (plan, 2, index));

  /* Imported leads and deals stay through a save where no funnel is defined. */
  {
    g_autoptr(SdPlanParams) params = NULL;
    g_autoptr(SdPlan) loaded = load (f, version->id, &params);
    g_autoptr(GArray) after = NULL;

    g_assert_true (sd_store_save_plan (f->store, version->id, params, loaded, NULL, &error));
    g_assert_no_error (error);
    after = sd_store_list_plan (f->store, sd_month_make (2025, 2), sd_month_make (2025, 2),
                                &error);
    g_assert_cmpint (g_array_index (after, SdPlanEntry, 0).manager_id, ==, 0);
    g_assert_cmpint (g_array_index (after, SdPlanEntry, 0).leads, ==, 100);
    g_assert_cmpint (g_array_index (after, SdPlanEntry, 0).deals, ==, 20);
  }

  /* A second import of the same year: a new current version, a free name. */
  g_assert_true (sd_store_import_plan (f->store, entries, 2, "Из файла", &n_versions, &error));
  g_assert_cmpuint (n_versions, ==, 1);
  g_assert_true (sd_store_import_plan (f->store, entries, 2, "Из файла", &n_versions, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdPlanVersion) current = sd_store_get_current_plan_version (f->store, 2025, &error);

    g_assert_cmpstr (current->name, ==, "Из файла (2)");
  }

  /* A bad row anywhere: nothing written, the line named. */
  before = sd_test_read_bytes (f->path);
  g_assert_false (sd_store_import_plan (f->store, bad, G_N_ELEMENTS (bad), NULL, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 3: a plan cannot be below zero. Correct the figure. Nothing was "
                   "imported.");
  g_clear_error (&error);
  g_assert_false (sd_store_import_plan (f->store, twice, G_N_ELEMENTS (twice), NULL, NULL,
                                        &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  g_clear_error (&error);
  g_assert_false (sd_store_import_plan (f->store, unknown, G_N_ELEMENTS (unknown), NULL, NULL,
                                        &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: "));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) after = sd_test_read_bytes (f->path);

    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_version WHERE year = 2027"),
                   ==, 0);
  g_assert_true (sd_store_check (f->store, NULL, &error));
}

static void
test_import_facts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GBytes) before = NULL;
  SdFact facts[] = {
    make_fact (f->ivanov, 2024, 3, 777),
    make_fact (f->sidorov, 2025, 6, 500000),
  };
  SdFact outside[] = {
    make_fact (f->ivanov, 2024, 4, 1),
    make_fact (f->sidorov, 2025, 4, 500000),
  };
  SdFact negative[] = {
    make_fact (f->ivanov, 2024, 4, 1),
  };
  guint n_written = 0;

  negative[0].calls = -1;
  facts[1].margin = -300;

  g_assert_true (sd_store_import_facts (f->store, facts, G_N_ELEMENTS (facts), &n_written,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 2);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Import facts");

  /* Replaced, not added. */
  listed = sd_store_list_facts (f->store, sd_month_make (2024, 3), sd_month_make (2024, 3),
                                &error);
  g_assert_cmpuint (listed->len, ==, 2);
  for (guint i = 0; i < listed->len; i++)
    if (g_array_index (listed, SdFact, i).manager_id == f->ivanov)
      g_assert_cmpint (g_array_index (listed, SdFact, i).revenue, ==, 777);
  g_clear_pointer (&listed, g_array_unref);
  listed = sd_store_list_facts (f->store, sd_month_make (2025, 6), sd_month_make (2025, 6),
                                &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (g_array_index (listed, SdFact, 0).margin, ==, -300);

  /* Outside employment: rejected with a reason, nothing written. */
  before = sd_test_read_bytes (f->path);
  g_assert_false (sd_store_import_facts (f->store, outside, G_N_ELEMENTS (outside), &n_written,
                                         &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 3: Сидоров Глеб did not work in 2025-04 (see the hire and leave "
                   "dates). Facts can only be entered for months worked. Nothing was imported.");
  g_assert_cmpuint (n_written, ==, 0);
  g_clear_error (&error);
  g_assert_false (sd_store_import_facts (f->store, negative, 1, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: Иванов Пётр, 2024-04: "));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) after = sd_test_read_bytes (f->path);

    g_assert_true (g_bytes_equal (before, after));
  }

  /* Undo takes the whole import back. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_clear_pointer (&listed, g_array_unref);
  listed = sd_store_list_facts (f->store, sd_month_make (2025, 6), sd_month_make (2025, 6),
                                &error);
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_set_facts_block (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) listed = NULL;
  SdFact block[6];
  SdFact one = make_fact (f->petrova, 2025, 1, 42);
  guint k = 0;

  for (int m = 1; m <= 3; m++)
    {
      block[k++] = make_fact (f->ivanov, 2025, m, m * 1000);
      block[k++] = make_fact (f->petrova, 2025, m, m * 2000);
    }

  g_assert_true (sd_store_set_facts (f->store, block, G_N_ELEMENTS (block), "Вставить", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Вставить");
  listed = sd_store_list_facts (f->store, sd_month_make (2025, 1), sd_month_make (2025, 3),
                                &error);
  g_assert_cmpuint (listed->len, ==, 6);
  g_clear_pointer (&listed, g_array_unref);

  /* One step: one undo takes all six back. */
  g_assert_true (sd_store_undo (f->store, &error));
  listed = sd_store_list_facts (f->store, sd_month_make (2025, 1), sd_month_make (2025, 3),
                                &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_array_unref);

  /* A bad cell anywhere: nothing written. */
  block[5].revenue = -1;
  g_assert_false (sd_store_set_facts (f->store, block, G_N_ELEMENTS (block), NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Петрова Ольга, 2025-03: revenue, payments, deals, leads and calls cannot be "
                   "below zero (only the margin can). Nothing was saved.");
  g_clear_error (&error);
  g_assert_cmpuint (sd_store_count_facts (f->store), ==, 22);

  /* One fact, then clearing it. */
  g_assert_true (sd_store_set_fact (f->store, &one, &error));
  g_assert_cmpuint (sd_store_count_facts (f->store), ==, 23);
  g_assert_true (sd_store_clear_fact (f->store, f->petrova, sd_month_make (2025, 1), &error));
  g_assert_cmpuint (sd_store_count_facts (f->store), ==, 22);
  g_assert_true (sd_store_clear_fact (f->store, f->petrova, sd_month_make (2025, 1), &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_cmpuint (sd_store_count_facts (f->store), ==, 23);

  /* After the leave date. */
  one.month = sd_month_make (2025, 9);
  g_assert_false (sd_store_set_fact (f->store, &one, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

/* --- pipeline --- */

/* A person linked to the file only by an expected payment keeps it: removing archives. */
static void
test_pipeline_person_is_archived (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SdPipelineItem item = { 0, };
  gboolean archived = FALSE;
  gint64 newcomer;

  newcomer = sd_test_add_member (f->store, "Новикова Ольга", SD_ROLE_MANAGER, "2025-02-01", NULL);
  g_assert_false (sd_store_staff_has_history (f->store, newcomer));

  item.payment.manager_id = newcomer;
  sd_test_set_date (&item.payment.expected, "2025-03-20");
  item.payment.amount = 5000000;
  item.payment.probability = 50;
  g_assert_cmpint (sd_store_add_pipeline_item (f->store, &item, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (sd_store_staff_has_history (f->store, newcomer));
  g_assert_true (sd_store_remove_staff (f->store, newcomer, &archived, &error));
  g_assert_no_error (error);
  g_assert_true (archived);

  items = sd_store_list_pipeline (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
}

static void
test_pipeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SdPipelineItem item = { 0, };
  SdPipelineItem *got;
  GDate first, last;
  gint64 a, b;

  item.payment.manager_id = f->ivanov;
  sd_test_set_date (&item.payment.expected, "2025-03-20");
  item.payment.amount = 150000000;
  item.payment.probability = 60;
  item.client = (char *) "  ООО «Вектор» ";
  item.note = (char *) "   ";
  a = sd_store_add_pipeline_item (f->store, &item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);

  sd_test_set_date (&item.payment.expected, "2025-03-05");
  item.client = NULL;
  item.note = (char *) "счёт";
  b = sd_store_add_pipeline_item (f->store, &item, &error);
  g_assert_no_error (error);

  items = sd_store_list_pipeline (f->store, NULL, NULL, &error);
  g_assert_cmpuint (items->len, ==, 2);
  got = g_ptr_array_index (items, 0);
  g_assert_cmpint (got->id, ==, b);
  g_assert_null (got->client);
  g_assert_cmpstr (got->note, ==, "счёт");
  got = g_ptr_array_index (items, 1);
  g_assert_cmpint (got->id, ==, a);
  g_assert_cmpstr (got->client, ==, "ООО «Вектор»");
  g_assert_null (got->note);
  g_assert_cmpint (got->payment.amount, ==, 150000000);
  g_assert_cmpint (got->payment.probability, ==, 60);
  g_assert_cmpint (got->payment.manager_id, ==, f->ivanov);
  g_assert_cmpint (g_date_get_day (&got->payment.expected), ==, 20);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Date range, either end open. */
  sd_test_set_date (&first, "2025-03-10");
  items = sd_store_list_pipeline (f->store, &first, NULL, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  sd_test_set_date (&last, "2025-03-05");
  items = sd_store_list_pipeline (f->store, NULL, &last, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Update, validation, remove, undo. */
  item.id = a;
  item.payment.probability = 90;
  g_assert_true (sd_store_update_pipeline_item (f->store, &item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT probability FROM pipeline ORDER BY probability "
                                        "DESC LIMIT 1"), ==, 90);

  {
    static const struct {
      gint64 amount;
      int    probability;
      gboolean date;
      gboolean known;
    } bad[] = {
      { -1, 50, TRUE, TRUE },
      { 1, 101, TRUE, TRUE },
      { 1, -1, TRUE, TRUE },
      { 1, 50, FALSE, TRUE },
      { 1, 50, TRUE, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        SdPipelineItem wrong = item;

        wrong.payment.amount = bad[i].amount;
        wrong.payment.probability = bad[i].probability;
        if (!bad[i].date)
          g_date_clear (&wrong.payment.expected, 1);
        if (!bad[i].known)
          wrong.payment.manager_id = 999;
        g_assert_cmpint (sd_store_add_pipeline_item (f->store, &wrong, &error), ==, 0);
        g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
        g_clear_error (&error);
        g_assert_false (sd_store_update_pipeline_item (f->store, &wrong, &error));
        g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }
  }

  g_assert_true (sd_store_remove_pipeline_item (f->store, a, &error));
  g_assert_false (sd_store_remove_pipeline_item (f->store, a, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pipeline"), ==, 1);
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pipeline"), ==, 2);
}

/* --- settings --- */

typedef struct {
  guint n;
  guint last;
} Changes;

static void
on_changed (SdStore *store,
            guint    changes,
            Changes *counter)
{
  counter->n++;
  counter->last = changes;
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Changes counter = { 0, 0 };

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &counter);

  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-threshold-bp",
                                             SD_PLAN_DEFAULT_LAG_THRESHOLD_BP), ==, 8000);
  g_assert_true (sd_store_set_setting_int (f->store, "lag-threshold-bp", 7500, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counter.n, ==, 1);
  g_assert_cmpuint (counter.last, ==, SD_STORE_CHANGED_SETTINGS);
  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-threshold-bp", 8000), ==, 7500);
  g_assert_true (sd_store_set_setting_int (f->store, "lag-months", 3, &error));
  g_assert_true (sd_store_set_setting_int (f->store, "lag-months", 4, &error));
  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-months", 2), ==, 4);

  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-months", 2), ==, 3);
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-months", 2), ==, 2);
  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-threshold-bp", 8000), ==, 7500);

  g_assert_false (sd_store_set_setting_int (f->store, "", 1, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sd_store_set_setting_int (f->store, "два слова", 1, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Kept in the file. */
  g_clear_object (&f->store);
  f->store = sd_store_open (f->path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_get_setting_int (f->store, "lag-threshold-bp", 8000), ==, 7500);
}

/* --- demo and check --- */

static void
test_demo_versions_and_pipeline (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDemoCompany) demo = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) items2 = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) listed = NULL;
  GDate today;
  guint n_optimistic = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 14, 3, 2025);
  demo = sd_demo_generate (8, 2, 42, &today);
  g_assert_true (sd_store_fill_demo (f->store, demo, &error));
  g_assert_no_error (error);

  versions = sd_store_list_plan_versions (f->store, 0, &error);
  for (guint i = 0; i < versions->len; i++)
    {
      const SdPlanVersion *version = g_ptr_array_index (versions, i);

      if (version->state == SD_PLAN_STATE_DRAFT)
        {
          n_optimistic++;
          g_assert_cmpint (version->year, ==, 2025);
          g_assert_cmpint (version->scenario, ==, SD_SCENARIO_OPTIMISTIC);
          g_assert_cmpstr (version->name, ==, "Optimistic");
          g_assert_false (version->current);

          /* 10 % above the approved one. */
          {
            g_autoptr(SdPlanVersion) base =
              sd_store_get_current_plan_version (f->store, 2025, &error);
            g_autoptr(SdPlan) plan = load (f, version->id, NULL);
            g_autoptr(SdPlan) base_plan = load (f, base->id, NULL);

            g_assert_cmpint (version->revision_of, ==, base->id);
            g_assert_cmpint (sd_plan_get_target (plan), ==,
                             (sd_plan_get_target (base_plan) * 110 + 50) / 100);
          }
        }
      else
        {
          g_assert_cmpint (version->state, ==, SD_PLAN_STATE_APPROVED);
          g_assert_true (version->current);
        }
    }
  g_assert_cmpuint (n_optimistic, ==, 1);
  g_assert_cmpuint (versions->len, ==, 4);

  /* The figures are the demo's. */
  listed = sd_store_list_plan (f->store, sd_month_make (2000, 1), sd_month_make (2100, 12),
                               &error);
  g_assert_cmpuint (listed->len, ==, demo->plan->len);

  /* About fifteen payments in this and the next month, the same every time. */
  items = sd_store_list_pipeline (f->store, NULL, NULL, &error);
  g_assert_cmpuint (items->len, ==, 15);
  for (guint i = 0; i < items->len; i++)
    {
      const SdPipelineItem *item = g_ptr_array_index (items, i);
      SdMonth month = sd_month_from_date (&item->payment.expected);

      g_assert_true (month == sd_month_make (2025, 3) || month == sd_month_make (2025, 4));
      g_assert_cmpint (item->payment.amount, >, 0);
      g_assert_cmpint (item->payment.probability, >=, 0);
      g_assert_cmpint (item->payment.probability, <=, 100);
      g_assert_nonnull (item->client);
    }
  g_assert_true (sd_store_fill_demo (f->store, demo, &error));
  items2 = sd_store_list_pipeline (f->store, NULL, NULL, &error);
  g_assert_cmpuint (items2->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const SdPipelineItem *x = g_ptr_array_index (items, i);
      const SdPipelineItem *y = g_ptr_array_index (items2, i);

      g_assert_cmpint (x->payment.amount, ==, y->payment.amount);
      g_assert_cmpint (g_date_compare (&x->payment.expected, &y->payment.expected), ==, 0);
      g_assert_cmpstr (x->client, ==, y->client);
    }

  g_assert_true (sd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_check_versions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id;

  id = create_version (f, 2025, "План", 0);
  g_assert_true (sd_store_check (f->store, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Hand edits with another tool. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE plan_version SET is_current = 0 WHERE id = %"
                                            G_GINT64_FORMAT ";"
                                            "UPDATE plan SET month = '2026-01' WHERE rowid ="
                                            " (SELECT min (rowid) FROM plan);", id);

    g_assert_cmpint (sqlite3_exec (_sd_store_get_db (f->store), sql, NULL, NULL, NULL), ==,
                     SQLITE_OK);
  }
  g_assert_false (sd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "The plan for 2025 has no current version.");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "The plan version «План» for 2025 has a figure for 2026-01.");
}

/* --- speed --- */

static void
test_save_200_managers (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  gint64 start, create_us, save_us, resave_us, load_us;
  gint64 id;

  g_assert_true (sd_store_begin (f->store, "staff", &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Менеджер %03u", i);

      sd_test_add_member (f->store, name, SD_ROLE_MANAGER, "2024-01-01", NULL);
    }
  g_assert_true (sd_store_commit (f->store, &error));

  start = g_get_monotonic_time ();
  id = create_version (f, 2025, "Большой", 0);
  create_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  plan = load (f, id, &params);
  load_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (sd_plan_get_n_managers (plan), ==, 203);

  /* Every figure changes. */
  sd_plan_params_set_target (params, 987654321000);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  start = g_get_monotonic_time ();
  g_assert_true (sd_store_save_plan (f->store, id, params, plan, NULL, &error));
  save_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  /* Nothing changes. */
  start = g_get_monotonic_time ();
  g_assert_true (sd_store_save_plan (f->store, id, params, plan, NULL, &error));
  resave_us = g_get_monotonic_time () - start;

  g_test_message ("203 managers × 12 months: create %.1f ms, load %.1f ms, save (all changed) "
                  "%.1f ms, save (unchanged) %.1f ms", create_us / 1000.0, load_us / 1000.0,
                  save_us / 1000.0, resave_us / 1000.0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan"), ==, 12 * 204);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  /* Backups go to a private data folder (see test-store.c). */
  home = sd_test_make_dir ("test-store-plan-home-XXXXXX");
  {
    g_autofree char *data_dir = g_build_filename (home, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  }

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store-plan/version/lifecycle", test_version_lifecycle);
  ADD ("/store-plan/version/in-empty-company", test_version_in_empty_company);
  ADD ("/store-plan/save/load-equals-saved-with-edits", test_save_load_round_trip);
  ADD ("/store-plan/save/undo-redo-restores-figures", test_save_undo_redo);
  ADD ("/store-plan/list-plan/current-version-figures", test_list_plan_current);
  ADD ("/store-plan/import/plan-years-department-rows-all-or-nothing", test_import_plan);
  ADD ("/store-plan/import/facts-replace-and-reject-outside-employment", test_import_facts);
  ADD ("/store-plan/facts/block-is-one-undo-step", test_set_facts_block);
  ADD ("/store-plan/pipeline/crud-and-validation", test_pipeline);
  ADD ("/store-plan/pipeline/person-with-payment-is-archived", test_pipeline_person_is_archived);
  ADD ("/store-plan/settings/default-set-undo-kept", test_settings);
  ADD ("/store-plan/demo/versions-and-pipeline", test_demo_versions_and_pipeline);
  ADD ("/store-plan/check/versions", test_check_versions);
  ADD ("/store-plan/save/200-managers", test_save_200_managers);

#undef ADD

  {
    int status = g_test_run ();

    sd_test_remove_tree (home);
    return status;
  }
}
