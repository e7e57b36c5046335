/* test-store-pay.c — motivation schemes, their assignments and the monthly payroll in the
 * company file
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-pay"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sd-demo.h"
#include "sd-scheme-library.h"
#include "sd-store.h"
#include "sd-store-people.h"
#include "sd-store-private.h"
#include "sd-test-store.h"

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
  gint64   head;
  gint64   ivanov;    /* 2024-03-01 .. */
  gint64   petrova;   /* 2023-01-01 .. 2025-08-15 */
} Fixture;

static void
set_fact (SdStore *store,
          gint64   manager_id,
          SdMonth  month,
          SdMoney  revenue)
{
  g_autoptr(GError) error = NULL;
  SdFact fact = { 0, };

  fact.manager_id = manager_id;
  fact.month = month;
  fact.revenue = revenue;
  fact.paid = revenue;
  fact.margin = revenue / 5;
  fact.deals = 3;
  fact.leads = 10;
  fact.calls = 100;
  g_assert_true (sd_store_set_fact (store, &fact, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = sd_test_create_in_new_dir ("test-store-pay-XXXXXX", "ООО Ромашка", &f->dir, &f->path);
  sd_test_add_three (f->store, "2025-08-15", &f->head, &f->ivanov, &f->petrova);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_company (g_steal_pointer (&f->store), f->dir, f->path);
}

static gint64
add_library_scheme (SdStore    *store,
                    guint       index,
                    const char *name)
{
  g_autoptr(SdScheme) scheme = sd_scheme_library_create (index);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (name != NULL)
    {
      g_free (scheme->name);
      scheme->name = g_strdup (name);
    }
  id = sd_store_add_scheme (store, scheme, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_payroll_equal (const SdPayroll *a,
                      const SdPayroll *b)
{
  g_assert_cmpint (a->month, ==, b->month);
  g_assert_cmpuint (a->slips->len, ==, b->slips->len);
  g_assert_cmpint (a->salary, ==, b->salary);
  g_assert_cmpint (a->commission, ==, b->commission);
  g_assert_cmpint (a->kpi, ==, b->kpi);
  g_assert_cmpint (a->overplan, ==, b->overplan);
  g_assert_cmpint (a->cap_adjustment, ==, b->cap_adjustment);
  g_assert_cmpint (a->total, ==, b->total);
  for (guint i = 0; i < a->slips->len; i++)
    {
      const SdPayslip *x = g_ptr_array_index (a->slips, i);
      const SdPayslip *y = g_ptr_array_index (b->slips, i);

      g_assert_cmpint (x->manager_id, ==, y->manager_id);
      g_assert_cmpstr (x->manager, ==, y->manager);
      g_assert_cmpstr (x->scheme_name, ==, y->scheme_name);
      g_assert_cmpuint (x->worked_days, ==, y->worked_days);
      g_assert_cmpuint (x->working_days, ==, y->working_days);
      g_assert_cmpint (x->has_plan_pct, ==, y->has_plan_pct);
      g_assert_cmpint (x->plan_pct, ==, y->plan_pct);
      g_assert_cmpint (x->plan, ==, y->plan);
      g_assert_cmpint (x->base_fact, ==, y->base_fact);
      g_assert_cmpint (x->salary, ==, y->salary);
      g_assert_cmpint (x->commission, ==, y->commission);
      g_assert_cmpint (x->kpi, ==, y->kpi);
      g_assert_cmpint (x->overplan, ==, y->overplan);
      g_assert_cmpint (x->cap_adjustment, ==, y->cap_adjustment);
      g_assert_cmpint (x->total, ==, y->total);
      g_assert_cmpuint (x->notes->len, ==, y->notes->len);
      for (guint j = 0; j < x->notes->len; j++)
        {
          const SdPayrollNote *n = g_ptr_array_index (x->notes, j);
          const SdPayrollNote *m = g_ptr_array_index (y->notes, j);

          g_assert_cmpint (n->part, ==, m->part);
          g_assert_cmpstr (n->text, ==, m->text);
        }
    }
}

static void
test_scheme_names (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) scheme = sd_scheme_library_create (0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SdSchemeEntry) entry = NULL;
  gint64 id = add_library_scheme (f->store, 0, "Базовая Схема");
  gboolean replaced = TRUE;

  g_assert_cmpint (sd_store_find_scheme (f->store, "  базовая схема "), ==, id);
  g_assert_cmpint (sd_store_find_scheme (f->store, "другая"), ==, 0);

  /* The same name in another case is taken. */
  g_free (scheme->name);
  scheme->name = g_strdup ("БАЗОВАЯ СХЕМА");
  g_assert_cmpint (sd_store_add_scheme (f->store, scheme, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* import replaces the scheme of the same name, keeping its id. */
  scheme->salary = 12345600;
  g_assert_cmpint (sd_store_import_scheme (f->store, scheme, &replaced, &error), ==, id);
  g_assert_no_error (error);
  g_assert_true (replaced);
  entry = sd_store_get_scheme (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->scheme->name, ==, "БАЗОВАЯ СХЕМА");
  g_assert_cmpint (entry->scheme->salary, ==, 12345600);

  /* A broken scheme is refused with the field named. */
  scheme->salary = -1;
  g_free (scheme->name);
  scheme->name = g_strdup ("Новая");
  g_assert_cmpint (sd_store_import_scheme (f->store, scheme, &replaced, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "salary"));
  g_clear_error (&error);

  list = sd_store_list_schemes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Undo brings the first version back. */
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, sd_scheme_entry_free);
  entry = sd_store_get_scheme (f->store, id, &error);
  g_assert_cmpstr (entry->scheme->name, ==, "Базовая Схема");
}

static void
test_assign_from_month (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_library_scheme (f->store, 0, "A");
  gint64 b = add_library_scheme (f->store, 0, "B");
  g_autoptr(GArray) list = NULL;
  struct { int year, month; const char *expected; } cases[] = {
    { 2024, 12, NULL }, { 2025, 1, "A" }, { 2025, 3, "A" }, { 2025, 4, "B" },
    { 2025, 6, NULL }, { 2026, 1, NULL },
  };

  g_assert_true (sd_store_assign_scheme (f->store, f->ivanov, a, sd_month_make (2025, 1),
                                         &error));
  g_assert_true (sd_store_assign_scheme (f->store, f->ivanov, b, sd_month_make (2025, 4),
                                         &error));
  g_assert_true (sd_store_assign_scheme (f->store, f->ivanov, 0, sd_month_make (2025, 6),
                                         &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdScheme) s = sd_store_get_scheme_for (f->store, f->ivanov,
                                                       sd_month_make (cases[i].year,
                                                                      cases[i].month),
                                                       &error);

      g_assert_no_error (error);
      g_assert_cmpstr (s != NULL ? s->name : NULL, ==, cases[i].expected);
    }
  list = sd_store_list_scheme_assignments (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (g_array_index (list, SdSchemeAssignment, 2).scheme_id, ==, 0);

  /* An assigned scheme cannot be deleted. */
  g_assert_false (sd_store_remove_scheme (f->store, a, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sd_store_unassign_scheme (f->store, f->ivanov, sd_month_make (2025, 4),
                                           &error));
  g_assert_no_error (error);
  {
    g_autoptr(SdScheme) s = sd_store_get_scheme_for (f->store, f->ivanov,
                                                     sd_month_make (2025, 5), &error);
    g_assert_cmpstr (s->name, ==, "A");
  }
  g_assert_true (sd_store_remove_scheme (f->store, b, &error));
  g_assert_no_error (error);
}

static void
test_payroll_frozen (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SdCalendar *calendar = sd_calendar_get_default ();
  SdMonth march = sd_month_make (2025, 3);
  gint64 s = add_library_scheme (f->store, 0, NULL);
  g_autoptr(SdPayroll) live = NULL;
  g_autoptr(SdPayroll) frozen = NULL;
  g_autoptr(SdPayroll) after = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  const SdMonthClosure *c;

  g_assert_true (sd_store_assign_scheme (f->store, f->ivanov, s, sd_month_make (2024, 3),
                                         &error));
  g_assert_no_error (error);
  set_fact (f->store, f->ivanov, march, 300000000);
  set_fact (f->store, f->petrova, march, 100000000);

  /* Closing freezes the explanations in the style of the locale of whoever closed it. */
  live = sd_store_compute_payroll (f->store, march, calendar, sd_number_style_current (),
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (live->slips->len, ==, 3);    /* the head too */
  g_assert_false (sd_store_is_month_closed (f->store, march));

  g_assert_true (sd_store_close_month (f->store, march, calendar, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_is_month_closed (f->store, march));
  g_assert_false (sd_store_close_month (f->store, march, calendar, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  frozen = sd_store_compute_payroll (f->store, march, calendar, SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  assert_payroll_equal (live, frozen);

  /* Facts can still be corrected; the closed payroll does not follow. */
  set_fact (f->store, f->ivanov, march, 900000000);
  g_clear_pointer (&frozen, sd_payroll_free);
  frozen = sd_store_compute_payroll (f->store, march, calendar, SD_NUMBER_STYLE_EN, &error);
  assert_payroll_equal (live, frozen);

  /* Re-assigning a scheme across the closed month is refused. */
  g_assert_false (sd_store_assign_scheme (f->store, f->ivanov, 0, sd_month_make (2025, 1),
                                          &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sd_store_assign_scheme (f->store, f->ivanov, 0, sd_month_make (2025, 4),
                                         &error));
  g_assert_no_error (error);

  g_assert_false (sd_store_reopen_month (f->store, march, "   ", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sd_store_reopen_month (f->store, march, " Исправили факт ", &error));
  g_assert_no_error (error);
  g_assert_false (sd_store_is_month_closed (f->store, march));

  after = sd_store_compute_payroll (f->store, march, calendar, SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  /* Reopened: the corrected fact counts now. */
  {
    SdMoney before_fact = 0, after_fact = 0;

    for (guint i = 0; i < live->slips->len; i++)
      before_fact += ((SdPayslip *) g_ptr_array_index (live->slips, i))->base_fact;
    for (guint i = 0; i < after->slips->len; i++)
      after_fact += ((SdPayslip *) g_ptr_array_index (after->slips, i))->base_fact;
    g_assert_cmpint (after_fact, >, before_fact);
  }

  closures = sd_store_list_month_closures (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closures->len, ==, 1);
  c = g_ptr_array_index (closures, 0);
  g_assert_cmpint (c->month, ==, march);
  g_assert_false (c->is_closed);
  g_assert_cmpstr (c->reason, ==, "Исправили факт");
  g_assert_true (g_date_valid (&c->closed));
  g_assert_true (g_date_valid (&c->reopened));
}

static void
test_payroll_employed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPayroll) aug = NULL;
  g_autoptr(SdPayroll) sep = NULL;
  SdCalendar *calendar = sd_calendar_get_default ();

  aug = sd_store_compute_payroll (f->store, sd_month_make (2025, 8), calendar,
                                  SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  sep = sd_store_compute_payroll (f->store, sd_month_make (2025, 9), calendar,
                                  SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aug->slips->len, ==, 3);
  g_assert_cmpuint (sep->slips->len, ==, 2);
  g_assert_cmpint (sep->total, ==, 0);     /* no schemes: nothing is paid */
}

/* The call_score KPI takes the month's scored calls from the file: none, then two calls of
 * 100 and 50 points — 75 of a 100-point target pays 75 % of the 10 000,00 ₽ bonus. */
static void
test_call_score_kpi (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) scheme = sd_scheme_new ();
  g_autoptr(SdChecklist) checklist = NULL;
  g_autoptr(SdPayroll) before = NULL;
  g_autoptr(SdPayroll) after = NULL;
  SdMonth march = sd_month_make (2025, 3);
  const SdPayslip *slip = NULL;
  gint64 id;

  g_free (scheme->name);
  scheme->name = g_strdup ("Call quality");
  sd_scheme_add_tier (scheme, 0, 0);
  scheme->kpi_target_bonus = 1000000;
  sd_scheme_add_kpi_item (scheme, SD_METRIC_CALL_SCORE, SD_FIX_ONE, 50 * SD_FIX_ONE,
                          100 * SD_FIX_ONE, 100 * SD_FIX_ONE);
  id = sd_store_add_scheme (f->store, scheme, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_assign_scheme (f->store, f->ivanov, id, sd_month_make (2025, 1),
                                         &error));
  set_fact (f->store, f->ivanov, march, 100000);
  {
    SdPlanEntry plan = { f->ivanov, march, 100000, 0, 0 };

    g_assert_true (sd_store_import_plan (f->store, &plan, 1, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  before = sd_store_compute_payroll (f->store, march, sd_calendar_get_default (),
                                     SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->slips->len; i++)
    if (((SdPayslip *) g_ptr_array_index (before->slips, i))->manager_id == f->ivanov)
      slip = g_ptr_array_index (before->slips, i);
  g_assert_nonnull (slip);
  g_assert_cmpint (slip->kpi, ==, 0);

  checklist = sd_store_people_get_current_checklist (f->store, SD_CHECKLIST_CALL, &error);
  g_assert_no_error (error);
  for (int k = 0; k < 2; k++)
    {
      GDate day;
      g_autoptr(SdCall) call = NULL;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) (10 + k), 3, 2025);
      call = sd_call_new_for_checklist (checklist, f->ivanov, &day);
      for (guint c = 0; c < checklist->criteria->len; c++)
        {
          const SdCriterion *criterion = g_ptr_array_index (checklist->criteria, c);

          g_assert_true (sd_call_set_score (call, criterion->key,
                                            k == 0 ? criterion->max_score
                                                   : criterion->max_score / 2));
        }
      g_assert_cmpint (sd_store_people_add_call (f->store, call, &error), >, 0);
      g_assert_no_error (error);
    }

  after = sd_store_compute_payroll (f->store, march, sd_calendar_get_default (),
                                    SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->slips->len; i++)
    if (((SdPayslip *) g_ptr_array_index (after->slips, i))->manager_id == f->ivanov)
      slip = g_ptr_array_index (after->slips, i);
  g_assert_cmpint (slip->kpi, ==, 750000);
}

static void
test_demo_has_payroll (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDemoCompany) demo = NULL;
  g_autoptr(GPtrArray) schemes = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(SdPayroll) closed = NULL;
  g_autoptr(SdPayroll) open = NULL;
  GDate today;
  SdMonth current;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 6, 2026);
  current = sd_month_make (2026, 6);
  demo = sd_demo_generate (6, 1, 7, &today);
  g_assert_true (sd_store_fill_demo (f->store, demo, &error));
  g_assert_no_error (error);

  schemes = sd_store_list_schemes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schemes->len, ==, sd_scheme_library_get_n_schemes ());
  staff = sd_store_list_staff (f->store, TRUE, &error);
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (staff, i);
      g_autoptr(SdScheme) s = sd_store_get_scheme_for (f->store, m->id,
                                                       sd_month_from_date (&m->hired), &error);

      g_assert_no_error (error);
      g_assert_nonnull (s);
      g_assert_cmpint (s->scope == SD_SCOPE_TEAM, ==, m->role == SD_ROLE_HEAD);
    }

  closures = sd_store_list_month_closures (f->store, &error);
  g_assert_cmpuint (closures->len, ==, 1);
  g_assert_cmpint (((SdMonthClosure *) g_ptr_array_index (closures, 0))->month, ==, current - 1);
  g_assert_true (sd_store_is_month_closed (f->store, current - 1));
  g_assert_false (sd_store_is_month_closed (f->store, current));
  closed = sd_store_compute_payroll (f->store, current - 1, sd_calendar_get_default (),
                                     SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (closed->total, >, 0);
  open = sd_store_compute_payroll (f->store, current, sd_calendar_get_default (),
                                   SD_NUMBER_STYLE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->slips->len, >, 0);
  /* Totals without explanations: the very same kopecks, slip by slip. */
  {
    g_autoptr(SdPayroll) quiet = sd_store_compute_payroll_totals (f->store, current,
                                                                   sd_calendar_get_default (),
                                                                   &error);

    g_assert_no_error (error);
    g_assert_cmpint (quiet->total, ==, open->total);
    g_assert_cmpuint (quiet->slips->len, ==, open->slips->len);
    for (guint i = 0; i < open->slips->len; i++)
      {
        const SdPayslip *a = g_ptr_array_index (open->slips, i);
        const SdPayslip *b = g_ptr_array_index (quiet->slips, i);

        g_assert_cmpint (a->total, ==, b->total);
        g_assert_cmpint (a->commission, ==, b->commission);
        g_assert_cmpint (a->kpi, ==, b->kpi);
        g_assert_cmpint (a->cap_adjustment, ==, b->cap_adjustment);
        g_assert_cmpuint (a->notes->len, >, 0);
        g_assert_cmpuint (b->notes->len, ==, 0);
      }
  }
}

static void
test_import_staff_scheme (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  SdStaffMember *m;
  g_autoptr(SdScheme) s = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  add_library_scheme (f->store, 0, "Стандарт");
  m = sd_staff_member_new ();
  m->name = g_strdup ("Новиков Илья");
  m->role = SD_ROLE_MANAGER;
  sd_test_set_date (&m->hired, "2025-02-10");
  m->scheme = g_strdup ("стандарт");
  g_ptr_array_add (members, m);
  m = sd_staff_member_new ();
  m->name = g_strdup ("Орлова Мария");
  m->role = SD_ROLE_MANAGER;
  sd_test_set_date (&m->hired, "2025-03-01");
  m->scheme = g_strdup ("Бонусная");
  g_ptr_array_add (members, m);

  /* An unknown scheme rejects the whole import. */
  g_assert_false (sd_store_import_staff (f->store, members, NULL, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Бонусная"));
  g_assert_nonnull (strstr (error->message, "import-scheme"));
  g_clear_error (&error);
  staff = sd_store_list_staff (f->store, TRUE, &error);
  g_assert_cmpuint (staff->len, ==, 3);

  g_ptr_array_remove_index (members, 1);
  g_assert_true (sd_store_import_staff (f->store, members, NULL, NULL, &error));
  g_assert_no_error (error);
  m = g_ptr_array_index (members, 0);
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = sd_store_list_staff (f->store, TRUE, &error);
  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *x = g_ptr_array_index (staff, i);

      if (g_strcmp0 (x->name, "Новиков Илья") == 0)
        {
          g_autoptr(SdScheme) before = sd_store_get_scheme_for (f->store, x->id,
                                                                sd_month_make (2025, 1), &error);

          g_assert_null (before);
          s = sd_store_get_scheme_for (f->store, x->id, sd_month_make (2025, 2), &error);
        }
    }
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->name, ==, "Стандарт");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sd_test_private_home ("test-store-pay-home-XXXXXX");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store-pay/scheme/unique-names-import-replaces-undo", test_scheme_names);
  ADD ("/store-pay/assign/applies-from-month-until-next", test_assign_from_month);
  ADD ("/store-pay/payroll/closed-month-is-frozen-reopen-needs-reason", test_payroll_frozen);
  ADD ("/store-pay/payroll/everyone-employed-in-month", test_payroll_employed);
  ADD ("/store-pay/demo/schemes-assigned-previous-month-closed", test_demo_has_payroll);
  ADD ("/store-pay/payroll/call-score-kpi-from-scored-calls", test_call_score_kpi);
  ADD ("/store-pay/import-staff/scheme-column-assigns-from-hire-month",
       test_import_staff_scheme);
#undef ADD

  {
    int result = g_test_run ();

    sd_test_remove_tree (home);
    return result;
  }
}
