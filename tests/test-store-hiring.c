/* test-store-hiring.c — the hiring plan in the company file: settings, planned hires, "hired"
 * and the inputs of core's hiring plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store-hiring"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "sd-demo.h"
#include "sd-scheme.h"
#include "sd-store.h"
#include "sd-store-hiring.h"
#include "sd-test-store.h"

typedef struct {
  char       *dir;
  char       *path;
  SdStore    *store;
  SdCalendar *calendar;
} Fixture;

/* An empty company, or (data != NULL) the demo of 8 managers made on 15 March 2026: approved
 * plans for 2025 and 2026, an optimistic draft of 2026, schemes assigned to everyone. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sd_test_make_dir ("sd-store-hiring-XXXXXX");
  f->path = g_build_filename (f->dir, "test.salesdesk", NULL);
  /* With data: the demo company of 8 managers on 15 March 2026. */
  if (data != NULL)
    sd_test_write_company (f->path, "Test", 8, 2, 42, "2026-03-15");
  else
    sd_test_write_company (f->path, "Test", 0, 0, 0, NULL);
  f->store = sd_test_open_store (f->path);
  f->calendar = sd_calendar_get_default ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_company (g_steal_pointer (&f->store), f->dir, f->path);
}

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const int ramp[] = { 20, 50, 100 };
  static const int short_ramp[] = { 50, 100 };
  SdHiringSettings settings, loaded, bad;
  gboolean stored = TRUE;

  /* Nothing stored: the defaults, and the page knows the capacity was never entered. */
  g_assert_true (sd_store_load_hiring_settings (f->store, &loaded, &stored, &error));
  g_assert_no_error (error);
  g_assert_false (stored);
  g_assert_cmpint (loaded.capacity, ==, 0);
  g_assert_cmpuint (loaded.n_ramp_up, ==, 4);
  g_assert_cmpint (loaded.ramp_up[1], ==, 30);
  g_assert_cmpint (loaded.contributions_bp, ==, 3000);
  g_assert_cmpint (loaded.time_to_hire_weeks, ==, 6);

  sd_hiring_settings_init (&settings);
  settings.capacity = 123456789;
  sd_hiring_settings_set_ramp_up (&settings, ramp, G_N_ELEMENTS (ramp));
  settings.attrition_bp = 1200;
  settings.time_to_hire_weeks = 8;
  settings.monthly_pay = 9000000;
  settings.contributions_bp = 3020;
  settings.hiring_cost = 5000001;
  settings.onboarding_cost = 2500050;
  settings.margin_bp = 4000;
  g_assert_true (sd_store_save_hiring_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Change hiring parameters");

  g_assert_true (sd_store_load_hiring_settings (f->store, &loaded, &stored, &error));
  g_assert_true (stored);
  g_assert_cmpint (loaded.capacity, ==, 123456789);
  g_assert_cmpuint (loaded.n_ramp_up, ==, 3);
  g_assert_cmpint (loaded.ramp_up[0], ==, 20);
  g_assert_cmpint (loaded.ramp_up[1], ==, 50);
  g_assert_cmpint (loaded.ramp_up[2], ==, 100);
  g_assert_cmpint (loaded.attrition_bp, ==, 1200);
  g_assert_cmpint (loaded.time_to_hire_weeks, ==, 8);
  g_assert_cmpint (loaded.monthly_pay, ==, 9000000);
  g_assert_cmpint (loaded.contributions_bp, ==, 3020);
  g_assert_cmpint (loaded.hiring_cost, ==, 5000001);
  g_assert_cmpint (loaded.onboarding_cost, ==, 2500050);
  g_assert_cmpint (loaded.margin_bp, ==, 4000);

  /* A shorter curve leaves no step behind. */
  sd_hiring_settings_set_ramp_up (&settings, short_ramp, G_N_ELEMENTS (short_ramp));
  g_assert_true (sd_store_save_hiring_settings (f->store, &settings, &error));
  g_assert_cmpint (sd_store_get_setting_int (f->store, "hiring.ramp-up.3", -7), ==, -7);
  g_assert_true (sd_store_load_hiring_settings (f->store, &loaded, NULL, &error));
  g_assert_cmpuint (loaded.n_ramp_up, ==, 2);
  g_assert_cmpint (loaded.ramp_up[0], ==, 50);

  /* Bad parameters are refused with the reason and change nothing. */
  bad = settings;
  bad.capacity = -1;
  g_assert_false (sd_store_save_hiring_settings (f->store, &bad, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_CAPACITY);
  g_clear_error (&error);
  bad = settings;
  bad.ramp_up[0] = 120;
  g_assert_false (sd_store_save_hiring_settings (f->store, &bad, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP);
  g_clear_error (&error);
  bad = settings;
  bad.time_to_hire_weeks = 60;
  g_assert_false (sd_store_save_hiring_settings (f->store, &bad, &error));
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_TIME_TO_HIRE);
  g_clear_error (&error);
  g_assert_true (sd_store_load_hiring_settings (f->store, &loaded, NULL, &error));
  g_assert_cmpint (loaded.capacity, ==, 123456789);
  g_assert_cmpuint (loaded.n_ramp_up, ==, 2);

  /* Undo brings the three-step curve back. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_load_hiring_settings (f->store, &loaded, NULL, &error));
  g_assert_cmpuint (loaded.n_ramp_up, ==, 3);
  g_assert_cmpint (loaded.ramp_up[0], ==, 20);

  /* Saving the same figures is not an undo step. */
  g_assert_true (sd_store_redo (f->store, &error));
  g_assert_false (sd_store_can_redo (f->store));
  g_assert_true (sd_store_save_hiring_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_true (sd_store_load_hiring_settings (f->store, &loaded, NULL, &error));
  g_assert_cmpuint (loaded.n_ramp_up, ==, 3);
}

static SdPlannedHire
make_hire (const char *search,
           const char *start,
           SdHireState state)
{
  SdPlannedHire hire = { 0 };

  sd_test_set_date (&hire.search_start, search);
  sd_test_set_date (&hire.start, start);
  hire.state = state;
  return hire;
}

static const SdPlannedHire *
hire_at (GArray *hires,
         guint   i)
{
  g_assert_cmpuint (i, <, hires->len);
  return &g_array_index (hires, SdPlannedHire, i);
}

static void
test_hires_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hires = NULL;
  SdPlannedHire a = make_hire ("2026-04-18", "2026-06-01", SD_HIRE_PROPOSED);
  SdPlannedHire b = make_hire ("2026-02-15", "2026-04-01", SD_HIRE_ACCEPTED);
  SdPlannedHire bad = make_hire ("2026-05-01", "2026-04-01", SD_HIRE_PROPOSED);
  SdPlannedHire proposal[2];
  GDate search, start;
  gint64 id_a, id_b;

  id_a = sd_store_add_planned_hire (f->store, &a, &error);
  g_assert_no_error (error);
  id_b = sd_store_add_planned_hire (f->store, &b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id_a, >, 0);
  g_assert_cmpint (id_b, >, id_a);

  /* A start before its search, or no dates, is refused and writes nothing. */
  g_assert_cmpint (sd_store_add_planned_hire (f->store, &bad, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_date_clear (&bad.start, 1);
  g_assert_cmpint (sd_store_add_planned_hire (f->store, &bad, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Listed by start. */
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hires->len, ==, 2);
  g_assert_cmpint (hire_at (hires, 0)->id, ==, id_b);
  g_assert_cmpint (hire_at (hires, 0)->state, ==, SD_HIRE_ACCEPTED);
  sd_test_assert_date (&hire_at (hires, 0)->search_start, "2026-02-15");
  sd_test_assert_date (&hire_at (hires, 0)->start, "2026-04-01");
  g_assert_cmpint (hire_at (hires, 1)->id, ==, id_a);
  g_assert_cmpint (hire_at (hires, 1)->state, ==, SD_HIRE_PROPOSED);
  g_assert_cmpint (hire_at (hires, 1)->manager_id, ==, 0);
  g_clear_pointer (&hires, g_array_unref);

  /* Accept, then edit the dates: edited. */
  g_assert_true (sd_store_set_planned_hire_state (f->store, id_a, SD_HIRE_ACCEPTED, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Accept planned hire");
  sd_test_set_date (&search, "2026-03-20");
  sd_test_set_date (&start, "2026-05-01");
  g_assert_true (sd_store_set_planned_hire_dates (f->store, id_a, &search, &start, &error));
  g_assert_no_error (error);
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpint (hire_at (hires, 1)->id, ==, id_a);
  g_assert_cmpint (hire_at (hires, 1)->state, ==, SD_HIRE_EDITED);
  sd_test_assert_date (&hire_at (hires, 1)->start, "2026-05-01");
  g_clear_pointer (&hires, g_array_unref);

  /* Dates the wrong way round change nothing. */
  g_assert_false (sd_store_set_planned_hire_dates (f->store, id_a, &start, &search, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* "Hired" is not a state to set by hand. */
  g_assert_false (sd_store_set_planned_hire_state (f->store, id_a, SD_HIRE_HIRED, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A new proposal replaces only the proposed hires. */
  g_assert_true (sd_store_set_planned_hire_state (f->store, id_b, SD_HIRE_PROPOSED, &error));
  proposal[0] = make_hire ("2026-07-20", "2026-09-01", SD_HIRE_PROPOSED);
  proposal[1] = make_hire ("2026-08-20", "2026-10-01", SD_HIRE_ACCEPTED);
  g_assert_true (sd_store_replace_proposed_hires (f->store, proposal, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Propose hires");
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpuint (hires->len, ==, 3);
  g_assert_cmpint (hire_at (hires, 0)->id, ==, id_a);
  sd_test_assert_date (&hire_at (hires, 1)->start, "2026-09-01");
  g_assert_cmpint (hire_at (hires, 1)->state, ==, SD_HIRE_PROPOSED);
  /* Stored as proposed, whatever the caller's state. */
  g_assert_cmpint (hire_at (hires, 2)->state, ==, SD_HIRE_PROPOSED);
  g_clear_pointer (&hires, g_array_unref);

  /* Undo of the proposal brings the replaced hire back. */
  g_assert_true (sd_store_undo (f->store, &error));
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpuint (hires->len, ==, 2);
  g_assert_cmpint (hire_at (hires, 0)->id, ==, id_b);
  g_clear_pointer (&hires, g_array_unref);

  /* Reject keeps it listed; delete removes it. */
  g_assert_true (sd_store_set_planned_hire_state (f->store, id_b, SD_HIRE_REJECTED, &error));
  g_assert_true (sd_store_delete_planned_hire (f->store, id_a, &error));
  g_assert_no_error (error);
  g_assert_false (sd_store_delete_planned_hire (f->store, id_a, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpuint (hires->len, ==, 1);
  g_assert_cmpint (hire_at (hires, 0)->state, ==, SD_HIRE_REJECTED);
}

static const SdStaffMember *
find_staff (GPtrArray  *staff,
            const char *name)
{
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (staff, i);

      if (g_strcmp0 (m->name, name) == 0)
        return m;
    }
  return NULL;
}

/* The sum of a manager's plan over months first..last (current versions). */
static SdMoney
plan_of (SdStore *store,
         gint64   manager_id,
         SdMonth  first,
         SdMonth  last,
         guint   *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = sd_store_list_plan (store, first, last, &error);
  SdMoney sum = 0;

  g_assert_no_error (error);
  *n_rows = 0;
  for (guint i = 0; i < plan->len; i++)
    {
      const SdPlanEntry *e = &g_array_index (plan, SdPlanEntry, i);

      if (e->manager_id == manager_id)
        {
          sum += e->revenue;
          (*n_rows)++;
        }
    }
  return sum;
}

/* Makes the 2026 optimistic draft of the demo the current version. */
static gint64
make_draft_current (SdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = sd_store_list_plan_versions (store, 2026, &error);
  gint64 draft = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      const SdPlanVersion *v = g_ptr_array_index (versions, i);

      if (v->state == SD_PLAN_STATE_DRAFT)
        draft = v->id;
    }
  g_assert_cmpint (draft, >, 0);
  g_assert_true (sd_store_make_plan_version_current (store, draft, &error));
  g_assert_no_error (error);
  return draft;
}

static gint64
add_accepted (SdStore    *store,
              const char *search,
              const char *start)
{
  g_autoptr(GError) error = NULL;
  SdPlannedHire hire = make_hire (search, start, SD_HIRE_PROPOSED);
  gint64 id = sd_store_add_planned_hire (store, &hire, &error);

  g_assert_no_error (error);
  g_assert_true (sd_store_set_planned_hire_state (store, id, SD_HIRE_ACCEPTED, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_hire_makes_manager_with_plan (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) hires = NULL;
  g_autoptr(SdScheme) scheme = NULL;
  g_autofree char *note = NULL;
  g_autofree char *said = NULL;
  SdHireOutcome outcome = { 0 };
  const SdStaffMember *member;
  gint64 hire_id, manager_id;
  guint n_rows = 0;
  SdMoney june_to_dec, team_before, team_after;

  make_draft_current (f->store);
  /* Next year's first version: a current draft, without the new manager yet. */
  g_assert_cmpint (sd_store_create_plan_version (f->store, 2027, "План 2027", SD_SCENARIO_BASE, 0,
                                                 &error), >, 0);
  g_assert_no_error (error);
  hire_id = add_accepted (f->store, "2026-04-18", "2026-06-01");
  before = sd_store_list_staff (f->store, FALSE, &error);
  team_before = plan_of (f->store, 0, sd_month_make (2026, 6), sd_month_make (2026, 6), &n_rows);

  manager_id = sd_store_hire_planned (f->store, hire_id, "  Новиков Олег ", f->calendar,
                                      &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (manager_id, >, 0);
  g_assert_cmpint (outcome.manager_id, ==, manager_id);
  g_assert_cmpint (outcome.plan_year, ==, 2026);
  g_assert_cmpint (outcome.plan, ==, SD_HIRE_PLAN_UPDATED);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Hire «Новиков Олег»");
  said = sd_hire_outcome_describe (&outcome, "Новиков Олег");
  g_assert_cmpstr (said, ==, "Новиков Олег is in the staff and has a share of the 2026 plan.");

  /* A manager in the staff from the hire's start, paid by the scheme most managers have. */
  staff = sd_store_list_staff (f->store, FALSE, &error);
  g_assert_cmpuint (staff->len, ==, before->len + 1);
  member = find_staff (staff, "Новиков Олег");
  g_assert_nonnull (member);
  g_assert_cmpint (member->id, ==, manager_id);
  g_assert_cmpint (member->role, ==, SD_ROLE_MANAGER);
  sd_test_assert_date (&member->hired, "2026-06-01");
  scheme = sd_store_get_scheme_for (f->store, manager_id, sd_month_make (2026, 6), &error);
  g_assert_no_error (error);
  g_assert_nonnull (scheme);

  /* The planned hire is hired, with the manager. */
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpuint (hires->len, ==, 1);
  g_assert_cmpint (hire_at (hires, 0)->state, ==, SD_HIRE_HIRED);
  g_assert_cmpint (hire_at (hires, 0)->manager_id, ==, manager_id);
  note = sd_store_dup_planned_hire_note (f->store, hire_id);
  g_assert_cmpstr (note, ==, "Новиков Олег");

  /* The plan is decomposed onto them from June, and nothing before. */
  june_to_dec = plan_of (f->store, manager_id, sd_month_make (2026, 6), sd_month_make (2026, 12),
                         &n_rows);
  g_assert_cmpint (june_to_dec, >, 0);
  g_assert_cmpuint (n_rows, >=, 7);
  g_assert_cmpint (plan_of (f->store, manager_id, sd_month_make (2026, 1), sd_month_make (2026, 5),
                            &n_rows), ==, 0);
  /* And next year's draft too. */
  g_assert_cmpint (plan_of (f->store, manager_id, sd_month_make (2027, 1), sd_month_make (2027, 12),
                            &n_rows), >, 0);
  /* The department's target did not move: the others' shares did. */
  team_after = plan_of (f->store, 0, sd_month_make (2026, 6), sd_month_make (2026, 6), &n_rows);
  g_assert_cmpint (team_after, ==, team_before);

  /* Hired twice is refused. */
  g_assert_cmpint (sd_store_hire_planned (f->store, hire_id, "Другой", f->calendar, NULL,
                                          &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* One undo takes back all of it. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = sd_store_list_staff (f->store, TRUE, &error);
  g_assert_null (find_staff (staff, "Новиков Олег"));
  g_clear_pointer (&hires, g_array_unref);
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpint (hire_at (hires, 0)->state, ==, SD_HIRE_ACCEPTED);
  g_assert_cmpint (hire_at (hires, 0)->manager_id, ==, 0);
  g_assert_cmpint (plan_of (f->store, manager_id, sd_month_make (2026, 1), sd_month_make (2026, 12),
                            &n_rows), ==, 0);
  g_assert_cmpuint (n_rows, ==, 0);

  /* And redo puts it back. */
  g_assert_true (sd_store_redo (f->store, &error));
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = sd_store_list_staff (f->store, FALSE, &error);
  g_assert_nonnull (find_staff (staff, "Новиков Олег"));
}

static void
test_hire_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = sd_store_list_staff (f->store, TRUE, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) hires = NULL;
  const SdStaffMember *someone = NULL;
  g_autofree char *label = NULL;
  SdHireOutcome outcome = { 0 };
  SdPlannedHire proposed = make_hire ("2026-05-18", "2026-07-01", SD_HIRE_PROPOSED);
  gint64 hire_id, proposed_id, id;
  guint n_rows = 0;

  hire_id = add_accepted (f->store, "2026-04-18", "2026-06-01");
  proposed_id = sd_store_add_planned_hire (f->store, &proposed, &error);
  g_assert_no_error (error);
  label = g_strdup (sd_store_get_undo_label (f->store));
  for (guint i = 0; i < before->len && someone == NULL; i++)
    if (((SdStaffMember *) g_ptr_array_index (before, i))->role == SD_ROLE_MANAGER)
      someone = g_ptr_array_index (before, i);
  g_assert_nonnull (someone);

  /* A name already in the staff: refused inside the transaction, everything rolled back. */
  g_assert_cmpint (sd_store_hire_planned (f->store, hire_id, someone->name, f->calendar, NULL,
                                          &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* No name. */
  g_assert_cmpint (sd_store_hire_planned (f->store, hire_id, "   ", f->calendar, NULL, &error),
                   ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A hire nobody accepted. */
  g_assert_cmpint (sd_store_hire_planned (f->store, proposed_id, "Сидоров", f->calendar, NULL,
                                          &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* No such hire. */
  g_assert_cmpint (sd_store_hire_planned (f->store, 9999, "Сидоров", f->calendar, NULL, &error),
                   ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = sd_store_list_staff (f->store, TRUE, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  hires = sd_store_list_planned_hires (f->store, &error);
  g_assert_cmpint (hire_at (hires, 0)->state, ==, SD_HIRE_ACCEPTED);
  g_assert_cmpint (hire_at (hires, 1)->state, ==, SD_HIRE_PROPOSED);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, label);
  g_clear_pointer (&hires, g_array_unref);

  /* The demo's 2026 plan is approved: the hire is made, the plan is left frozen. */
  id = sd_store_hire_planned (f->store, hire_id, "Сидоров Пётр", f->calendar, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (outcome.plan, ==, SD_HIRE_PLAN_FROZEN);
  g_assert_cmpint (plan_of (f->store, id, sd_month_make (2026, 1), sd_month_make (2026, 12),
                            &n_rows), ==, 0);
}

static SdMonth
month_of (const char *iso)
{
  SdMonth m;

  g_assert_true (sd_month_parse (iso, &m, NULL));
  return m;
}

/* One manager paid 40 000 ₽ + 5 % of revenue, a plan of 3 000 000 ₽ a month: the money of the
 * hiring plan comes from the scheme, to the kopeck. */
static void
test_params_pay_from_scheme (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(SdScheme) scheme = sd_scheme_new ();
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  g_autoptr(SdHiringParams) no_plan = NULL;
  SdPlanEntry entries[12];
  SdHiringSettings settings;
  const SdHiringMonth *jan;
  gint64 manager, scheme_id;
  GDate today;

  member->name = g_strdup ("Иванов Иван");
  member->role = SD_ROLE_MANAGER;
  sd_test_set_date (&member->hired, "2024-01-10");
  manager = sd_store_add_staff (f->store, member, &error);
  g_assert_no_error (error);
  g_free (scheme->name);
  scheme->name = g_strdup ("Оклад + 5 %");
  scheme->salary = 4000000;
  scheme->mode = SD_COMMISSION_FLAT;
  g_array_set_size (scheme->tiers, 0);
  sd_scheme_add_tier (scheme, 0, 5 * SD_FIX_ONE);
  scheme_id = sd_store_add_scheme (f->store, scheme, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_assign_scheme (f->store, manager, scheme_id, month_of ("2024-01"),
                                         &error));
  g_assert_no_error (error);

  /* No plan for the year: a clear message. */
  no_plan = sd_store_load_hiring_params (f->store, 2026, 1, NULL, NULL, &error);
  g_assert_null (no_plan);
  g_assert_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN);
  g_clear_error (&error);

  for (int m = 0; m < 12; m++)
    {
      entries[m] = (SdPlanEntry) { 0 };
      entries[m].month = sd_month_make (2026, m + 1);
      entries[m].revenue = 300000000;
    }
  g_assert_true (sd_store_import_plan (f->store, entries, 12, NULL, NULL, &error));
  g_assert_no_error (error);

  sd_hiring_settings_init (&settings);
  settings.capacity = 100000000;   /* 1 000 000 ₽ */
  settings.hiring_cost = 5000000;
  g_assert_true (sd_store_save_hiring_settings (f->store, &settings, &error));

  sd_test_set_date (&today, "2026-01-01");
  params = sd_store_load_hiring_params (f->store, 2026, 3, NULL, &today, &error);
  g_assert_no_error (error);
  /* Only 2026 has a plan: the horizon stops there. */
  g_assert_cmpuint (sd_hiring_params_get_n_months (params), ==, 12);
  g_assert_cmpint (sd_hiring_params_get_first_month (params), ==, sd_month_make (2026, 1));
  g_assert_cmpuint (sd_hiring_params_get_n_managers (params), ==, 1);
  g_assert_cmpint (sd_store_get_hiring_scheme_id (f->store, sd_month_make (2026, 1)), ==,
                   scheme_id);

  /* The scheme for new hires: automatic (the most common), chosen, or an unknown one refused. */
  {
    g_autoptr(SdScheme) other = sd_scheme_copy (scheme);
    gint64 other_id;

    g_free (other->name);
    other->name = g_strdup ("Только оклад");
    g_array_set_size (other->tiers, 0);
    sd_scheme_add_tier (other, 0, 0);
    other_id = sd_store_add_scheme (f->store, other, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sd_store_get_hiring_scheme_choice (f->store), ==, 0);
    g_assert_true (sd_store_set_hiring_scheme_id (f->store, other_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sd_store_get_hiring_scheme_id (f->store, sd_month_make (2026, 1)), ==,
                     other_id);
    g_assert_false (sd_store_set_hiring_scheme_id (f->store, 4242, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (sd_store_get_hiring_scheme_choice (f->store), ==, other_id);
    g_assert_true (sd_store_set_hiring_scheme_id (f->store, 0, &error));
    g_assert_cmpint (sd_store_get_hiring_scheme_id (f->store, sd_month_make (2026, 1)), ==,
                     scheme_id);
  }

  result = sd_hiring_propose (params, &error);
  g_assert_no_error (error);
  jan = sd_hiring_result_get_month (result, 0);
  g_assert_cmpint (jan->plan, ==, 300000000);
  g_assert_cmpint (jan->team_capacity, ==, 100000000);
  g_assert_cmpint (jan->gap, ==, 200000000);
  /* (40 000 + 5 % × 1 000 000) × 1.3 = 117 000 ₽ */
  g_assert_cmpint (jan->team_pay, ==, 11700000);
  /* January cannot be covered (6 weeks to hire): March is the first start. */
  g_assert_false (sd_hiring_result_covers_plan (result));
  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), >, 0);

  /* A hire starting 1 March is paid by the same scheme: tenure month 1 at 0 % ramp-up sells
   * nothing, so 40 000 × 1.3 = 52 000 ₽ plus the hiring cost of 50 000 ₽. */
  {
    g_autoptr(SdHiringResult) one = NULL;
    SdPlannedHire hire;
    const SdHiringHireMonth *march;

    sd_planned_hire_init (&hire, &settings, sd_month_make (2026, 3));
    one = sd_hiring_evaluate (params, &hire, 1, &error);
    g_assert_no_error (error);
    march = sd_hiring_result_get_hire_month (one, 0, 2);
    g_assert_cmpint (march->revenue, ==, 0);
    g_assert_cmpint (march->pay, ==, 4000000);
    g_assert_cmpint (march->contributions, ==, 1200000);
    g_assert_cmpint (march->one_off, ==, 5000000);
    g_assert_cmpint (march->cost, ==, 10200000);
    /* April: 30 % × 1 000 000 = 300 000 ₽ sold, pay 40 000 + 15 000 = 55 000 ₽. */
    g_assert_cmpint (sd_hiring_result_get_hire_month (one, 0, 3)->revenue, ==, 30000000);
    g_assert_cmpint (sd_hiring_result_get_hire_month (one, 0, 3)->pay, ==, 5500000);
  }
}

static void
test_params_from_demo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) result = NULL;
  SdHiringSettings settings;
  SdMoney capacity = 0;
  guint n_samples = 0;
  GDate today;

  g_assert_true (sd_store_load_hiring_settings (f->store, &settings, NULL, &error));
  g_assert_true (sd_store_hiring_capacity_from_history (f->store, &settings,
                                                        sd_month_make (2026, 2), 6,
                                                        &capacity, &n_samples, &error));
  g_assert_no_error (error);
  g_assert_cmpint (capacity, >, 0);
  g_assert_cmpuint (n_samples, >, 10);

  /* Capacity at 80 % of the history: a gap the proposal must fill. */
  settings.capacity = capacity * 8 / 10;
  sd_test_set_date (&today, "2026-03-15");
  params = sd_store_load_hiring_params (f->store, 2026, 1, &settings, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_params_get_n_months (params), ==, 12);
  g_assert_cmpuint (sd_hiring_params_get_n_managers (params), >=, 6);
  result = sd_hiring_propose (params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_hiring_result_get_n_hires (result), >, 0);
  for (guint h = 0; h < sd_hiring_result_get_n_hires (result); h++)
    g_assert_cmpint (sd_month_from_date (&sd_hiring_result_get_hire (result, h)->start), >=,
                     sd_month_make (2026, 5));

  /* Stored, the proposal is what a report evaluates: the same hires, the same money. */
  {
    g_autoptr(GArray) hires = g_array_new (FALSE, TRUE, sizeof (SdPlannedHire));
    g_autoptr(SdHiringResult) stored = NULL;
    g_autoptr(SdHiringParams) used = NULL;

    for (guint h = 0; h < sd_hiring_result_get_n_hires (result); h++)
      g_array_append_val (hires, *sd_hiring_result_get_hire (result, h));
    g_assert_true (sd_store_save_hiring_settings (f->store, &settings, &error));
    g_assert_true (sd_store_replace_proposed_hires (f->store,
                                                    (const SdPlannedHire *) (gconstpointer) hires->data,
                                                    hires->len, &error));
    stored = sd_store_evaluate_hiring_plan (f->store, 2026, 1, &today, &used, &error);
    g_assert_no_error (error);
    g_assert_nonnull (used);
    g_assert_cmpuint (sd_hiring_result_get_n_counted (stored), ==,
                      sd_hiring_result_get_n_counted (result));
    g_assert_cmpint (sd_hiring_result_get_hires_cost (stored), ==,
                     sd_hiring_result_get_hires_cost (result));
    g_assert_cmpint (sd_hiring_result_get_total_cost (stored), ==,
                     sd_hiring_result_get_total_cost (result));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sd_test_private_home ("test-store-hiring-home-XXXXXX");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, demo) \
  g_test_add (path, Fixture, (demo) ? "demo" : NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store-hiring/settings/round-trip", test_settings_round_trip, FALSE);
  ADD ("/store-hiring/hires/round-trip", test_hires_round_trip, FALSE);
  ADD ("/store-hiring/hire/makes-manager-with-plan", test_hire_makes_manager_with_plan, TRUE);
  ADD ("/store-hiring/hire/all-or-nothing", test_hire_all_or_nothing, TRUE);
  ADD ("/store-hiring/params/pay-from-scheme", test_params_pay_from_scheme, FALSE);
  ADD ("/store-hiring/params/from-demo", test_params_from_demo, TRUE);
#undef ADD

  {
    int result = g_test_run ();

    sd_test_remove_tree (home);
    return result;
  }
}
