/* test-demo.c — the demo company generator
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "sd-demo.h"
#include "sd-test-util.h"

static SdDemoCompany *
generate (guint   n_managers,
          guint   n_years,
          guint32 seed,
          int     year,
          int     month,
          int     day)
{
  GDate today;

  sd_test_set_dmy (&today, year, month, day);
  return sd_demo_generate (n_managers, n_years, seed, &today);
}

static const SdStaffMember *
find_member (const SdDemoCompany *demo,
             gint64               id)
{
  guint i;

  for (i = 0; i < demo->staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (demo->staff, i);

      if (member->id == id)
        return member;
    }
  return NULL;
}

static gboolean
member_works_in (const SdStaffMember *member,
                 SdMonth              month)
{
  GDate first, last;

  sd_month_first_day (month, &first);
  sd_month_last_day (month, &last);
  return g_date_compare (&member->hired, &last) <= 0 &&
         (!g_date_valid (&member->left) || g_date_compare (&member->left, &first) >= 0);
}

static gboolean
facts_equal (const SdFact *a,
             const SdFact *b)
{
  return a->manager_id == b->manager_id && a->month == b->month &&
         a->revenue == b->revenue && a->paid == b->paid && a->margin == b->margin &&
         a->deals == b->deals && a->leads == b->leads && a->calls == b->calls;
}

static gboolean
plan_entries_equal (const SdPlanEntry *a,
                    const SdPlanEntry *b)
{
  return a->manager_id == b->manager_id && a->month == b->month &&
         a->revenue == b->revenue && a->leads == b->leads && a->deals == b->deals;
}

static gboolean
companies_equal (const SdDemoCompany *a,
                 const SdDemoCompany *b)
{
  guint i;

  if (g_strcmp0 (a->company_name, b->company_name) != 0 ||
      g_strcmp0 (a->currency, b->currency) != 0 ||
      a->staff->len != b->staff->len || a->facts->len != b->facts->len ||
      a->plan->len != b->plan->len)
    return FALSE;

  for (i = 0; i < a->staff->len; i++)
    {
      const SdStaffMember *ma = g_ptr_array_index (a->staff, i);
      const SdStaffMember *mb = g_ptr_array_index (b->staff, i);

      if (ma->id != mb->id || !sd_staff_member_equal (ma, mb))
        return FALSE;
    }
  for (i = 0; i < a->facts->len; i++)
    if (!facts_equal (&g_array_index (a->facts, SdFact, i), &g_array_index (b->facts, SdFact, i)))
      return FALSE;
  for (i = 0; i < a->plan->len; i++)
    if (!plan_entries_equal (&g_array_index (a->plan, SdPlanEntry, i),
                             &g_array_index (b->plan, SdPlanEntry, i)))
      return FALSE;
  return TRUE;
}

static void
test_determinism_same_seed (void)
{
  g_autoptr(SdDemoCompany) a = generate (8, 2, 1, 2026, 11, 22);
  g_autoptr(SdDemoCompany) b = generate (8, 2, 1, 2026, 11, 22);

  g_assert_cmpuint (a->facts->len, >, 0);
  g_assert_true (companies_equal (a, b));
}

static void
test_determinism_different_seed (void)
{
  g_autoptr(SdDemoCompany) a = generate (8, 2, 1, 2026, 11, 22);
  g_autoptr(SdDemoCompany) b = generate (8, 2, 2, 2026, 11, 22);
  const SdStaffMember *a2 = g_ptr_array_index (a->staff, 1);
  const SdStaffMember *b2 = g_ptr_array_index (b->staff, 1);
  guint i, n_same = 0;

  g_assert_false (companies_equal (a, b));
  g_assert_cmpstr (a2->name, !=, b2->name);
  for (i = 0; i < MIN (a->facts->len, b->facts->len); i++)
    if (g_array_index (a->facts, SdFact, i).revenue == g_array_index (b->facts, SdFact, i).revenue)
      n_same++;
  g_assert_cmpuint (n_same, <, 10);
}

/* The values a platform-independent generator must reproduce, recorded once. A change here
 * means every demo file and every screenshot changes: do it knowingly. */
static void
test_determinism_known_values (void)
{
  g_autoptr(SdDemoCompany) demo = generate (8, 2, 1, 2026, 11, 22);
  const SdFact *fact = &g_array_index (demo->facts, SdFact, 0);
  const SdStaffMember *head = g_ptr_array_index (demo->staff, 0);

  g_assert_cmpstr (demo->company_name, ==, "ООО Ромашка");
  g_assert_cmpstr (demo->currency, ==, "RUB");
  g_test_message ("head %s, first fact %" G_GINT64_FORMAT, head->name, fact->revenue);
  g_assert_cmpstr (head->name, ==, "Маркова Инна");
  g_assert_cmpint (fact->revenue, ==, 147388200);
}

static void
test_counts_default (void)
{
  g_autoptr(SdDemoCompany) demo = generate (8, 2, 1, 2026, 11, 22);
  SdMonth first = sd_month_make (2024, 11), last = sd_month_make (2026, 10);
  const SdStaffMember *head = g_ptr_array_index (demo->staff, 0);
  GDate head_hired;
  guint i, n_hires = 0, n_leavers = 0, expected_facts = 0;

  g_assert_cmpuint (demo->staff->len, ==, 9);

  g_assert_cmpint (head->id, ==, 1);
  g_assert_cmpint (head->role, ==, SD_ROLE_HEAD);
  sd_test_set_dmy (&head_hired, 2023, 11, 1);
  g_assert_cmpint (g_date_compare (&head->hired, &head_hired), ==, 0);
  g_assert_false (g_date_valid (&head->left));

  for (i = 1; i < demo->staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (demo->staff, i);
      GDate history_start, last_year_start;
      SdMonth month;

      g_assert_cmpint (member->id, ==, (gint64) i + 1);
      g_assert_cmpint (member->role, ==, SD_ROLE_MANAGER);
      g_assert_true (g_date_valid (&member->hired));
      g_assert_false (member->archived);

      sd_test_set_dmy (&history_start, 2024, 11, 1);
      sd_test_set_dmy (&last_year_start, 2025, 11, 1);
      if (g_date_compare (&member->hired, &history_start) >= 0)
        {
          /* A hire of the last year, mid-month. */
          g_assert_cmpint (g_date_compare (&member->hired, &last_year_start), >=, 0);
          g_assert_cmpuint (g_date_get_day (&member->hired), >=, 10);
          g_assert_cmpuint (g_date_get_day (&member->hired), <=, 20);
          n_hires++;
        }
      if (g_date_valid (&member->left))
        {
          g_assert_cmpint (g_date_compare (&member->left, &history_start), >=, 0);
          g_assert_cmpint (sd_month_from_date (&member->left), <=, last);
          g_assert_cmpuint (g_date_get_day (&member->left), >=, 10);
          g_assert_cmpuint (g_date_get_day (&member->left), <=, 20);
          n_leavers++;
        }

      for (month = first; month <= last; month++)
        if (member_works_in (member, month))
          expected_facts++;
    }

  g_assert_cmpuint (n_hires, ==, 2);
  g_assert_cmpuint (n_leavers, ==, 1);
  /* Every worked month has its facts: 8 × 24 less the months before the hires and after the
   * departure. */
  g_assert_cmpuint (demo->facts->len, ==, expected_facts);
  g_assert_cmpuint (demo->facts->len, <, 8 * 24);
  g_assert_cmpuint (demo->facts->len, >=, 8 * 24 - 2 * 12 - 24);

  for (i = 0; i < demo->facts->len; i++)
    {
      const SdFact *fact = &g_array_index (demo->facts, SdFact, i);

      g_assert_cmpint (fact->month, >=, first);
      g_assert_cmpint (fact->month, <=, last);
    }
}

static void
test_staff_unique_1000 (void)
{
  g_autoptr(SdDemoCompany) demo = generate (1000, 1, 7, 2026, 3, 15);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint i;

  g_assert_cmpuint (demo->staff->len, ==, 1001);
  for (i = 0; i < demo->staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (demo->staff, i);

      g_assert_true (g_hash_table_add (ids, &member->id));
      g_assert_true (g_hash_table_add (names, member->name));
      /* Plain "Surname Firstname" while the lists last: no patronymic, no number. */
      g_assert_null (strchr (member->name, '('));
      g_assert_nonnull (strchr (member->name, ' '));
      g_assert_null (strchr (strchr (member->name, ' ') + 1, ' '));
    }
}

static void
test_staff_unique_beyond_lists (void)
{
  g_autoptr(SdDemoCompany) demo = generate (20000, 1, 3, 2026, 3, 15);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  for (i = 0; i < demo->staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (demo->staff, i);

      g_assert_true (g_utf8_validate (member->name, -1, NULL));
      g_assert_cmpuint (g_utf8_strlen (member->name, -1), <=, 200);
      g_assert_true (g_hash_table_add (names, member->name));
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, 20001);
}

/* "Иванова Мария", never "Иванов Мария": a feminine surname goes with a feminine name. */
static void
test_staff_gender_consistent (void)
{
  static const char * const feminine_endings[] = { "ова", "ева", "ина", "ына", "ая" };
  static const char * const masculine_names_in_a[] = { "Никита", "Илья" };
  g_autoptr(SdDemoCompany) demo = generate (2000, 1, 11, 2026, 3, 15);
  guint i, j, n_female = 0;

  for (i = 0; i < demo->staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (demo->staff, i);
      g_auto(GStrv) words = g_strsplit (member->name, " ", -1);
      gboolean female_surname = FALSE, female_name;

      g_assert_cmpuint (g_strv_length (words), ==, 2);
      for (j = 0; j < G_N_ELEMENTS (feminine_endings); j++)
        female_surname |= g_str_has_suffix (words[0], feminine_endings[j]);
      female_name = g_str_has_suffix (words[1], "а") || g_str_has_suffix (words[1], "я") ||
                    g_str_equal (words[1], "Любовь");
      for (j = 0; j < G_N_ELEMENTS (masculine_names_in_a); j++)
        if (g_str_equal (words[1], masculine_names_in_a[j]))
          female_name = FALSE;

      if (female_surname != female_name)
        g_error ("“%s” mixes genders", member->name);
      n_female += female_name;
    }
  /* Both genders are there in numbers. */
  g_assert_cmpuint (n_female, >, 700);
  g_assert_cmpuint (n_female, <, 1300);
}

static void
test_facts_within_employment (void)
{
  g_autoptr(SdDemoCompany) demo = generate (60, 3, 5, 2026, 6, 30);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < demo->facts->len; i++)
    {
      const SdFact *fact = &g_array_index (demo->facts, SdFact, i);
      const SdStaffMember *member = find_member (demo, fact->manager_id);
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%d", fact->manager_id, fact->month);

      g_assert_nonnull (member);
      g_assert_cmpint (member->role, ==, SD_ROLE_MANAGER);
      g_assert_true (member_works_in (member, fact->month));
      /* One fact per manager and month. */
      g_assert_true (g_hash_table_add (seen, key));
    }
  for (i = 0; i < demo->plan->len; i++)
    {
      const SdPlanEntry *entry = &g_array_index (demo->plan, SdPlanEntry, i);
      const SdStaffMember *member = find_member (demo, entry->manager_id);

      g_assert_nonnull (member);
      g_assert_cmpint (member->role, ==, SD_ROLE_MANAGER);
      g_assert_true (member_works_in (member, entry->month));
    }
}

static void
test_facts_values_sane (void)
{
  g_autoptr(SdDemoCompany) demo = generate (50, 4, 9, 2026, 11, 22);
  guint i;

  for (i = 0; i < demo->facts->len; i++)
    {
      const SdFact *fact = &g_array_index (demo->facts, SdFact, i);

      g_assert_cmpint (fact->revenue, >, 0);
      g_assert_cmpint (fact->revenue % 100, ==, 0);            /* whole rubles */
      g_assert_cmpint (fact->revenue, <, G_GINT64_CONSTANT (100000000000));
      g_assert_cmpint (fact->paid, >=, 0);
      g_assert_cmpint (fact->paid, <=, fact->revenue);
      g_assert_cmpint (fact->paid * 100, >=, fact->revenue * 84);
      g_assert_cmpint (fact->margin, >, 0);
      g_assert_cmpint (fact->margin * 100, <=, fact->revenue * 36);
      g_assert_cmpint (fact->margin * 100, >=, fact->revenue * 24);
      g_assert_cmpint (fact->deals, >=, 0);
      g_assert_cmpint (fact->leads, >=, fact->deals);
      g_assert_cmpint (fact->calls, >=, 0);
      g_assert_cmpint (fact->calls, <=, 900);
    }
}

/* A fully ramped manager with no hire or leave in the month earns around the level:
 * 600 000–1 800 000 ₽ × seasonality × growth × noise. */
static void
test_facts_revenue_range (void)
{
  g_autoptr(SdDemoCompany) demo = generate (30, 1, 13, 2026, 1, 10);
  guint i;

  for (i = 0; i < demo->facts->len; i++)
    {
      const SdFact *fact = &g_array_index (demo->facts, SdFact, i);
      const SdStaffMember *member = find_member (demo, fact->manager_id);

      if (sd_month_from_date (&member->hired) + 2 > fact->month || g_date_valid (&member->left))
        continue;
      /* 600 000 × 0.7 × 0.85 and 1 800 000 × 1.3 × 1.08 × 1.15, in kopecks. */
      g_assert_cmpint (fact->revenue, >=, G_GINT64_CONSTANT (35700000));
      g_assert_cmpint (fact->revenue, <=, G_GINT64_CONSTANT (290628000));
    }
}

static void
test_facts_seasonality (void)
{
  /* History: January 2024 to December 2025, two whole years. */
  g_autoptr(SdDemoCompany) demo = generate (8, 2, 1, 2026, 1, 15);
  int year;

  for (year = 2024; year <= 2025; year++)
    {
      SdMoney january = 0, december = 0;
      guint i;

      for (i = 0; i < demo->facts->len; i++)
        {
          const SdFact *fact = &g_array_index (demo->facts, SdFact, i);

          if (fact->month == sd_month_make (year, 1))
            january += fact->revenue;
          else if (fact->month == sd_month_make (year, 12))
            december += fact->revenue;
        }
      g_assert_cmpint (january, >, 0);
      g_assert_cmpint (december, >, january);
    }
}

static void
test_plan_months (void)
{
  struct {
    int     year, month;
    SdMonth plan_last;
  } cases[] = {
    { 2026, 11, 0 },
    { 2026, 12, 0 },   /* December: the plan runs through the next year too */
    { 2027, 1, 0 },
  };
  guint c;

  cases[0].plan_last = sd_month_make (2026, 12);
  cases[1].plan_last = sd_month_make (2027, 12);
  cases[2].plan_last = sd_month_make (2027, 12);

  for (c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(SdDemoCompany) demo = generate (8, 2, 1, cases[c].year, cases[c].month, 1);
      SdMonth current = sd_month_make (cases[c].year, cases[c].month);
      SdMonth first = current - 24;
      SdMonth min_month = G_MAXINT32, max_month = G_MININT32;
      guint i, j, expected = 0;

      for (i = 1; i < demo->staff->len; i++)
        {
          const SdStaffMember *member = g_ptr_array_index (demo->staff, i);
          SdMonth month;

          for (month = first; month <= cases[c].plan_last; month++)
            if (member_works_in (member, month))
              expected++;
        }
      g_assert_cmpuint (demo->plan->len, ==, expected);

      for (j = 0; j < demo->plan->len; j++)
        {
          const SdPlanEntry *entry = &g_array_index (demo->plan, SdPlanEntry, j);

          g_assert_cmpint (entry->manager_id, >=, 2);
          g_assert_cmpint (entry->revenue, >, 0);
          g_assert_cmpint (entry->revenue % 1000000, ==, 0);   /* round 10 000 ₽ */
          g_assert_cmpint (entry->deals, >=, 0);
          g_assert_cmpint (entry->leads, >=, entry->deals);
          min_month = MIN (min_month, entry->month);
          max_month = MAX (max_month, entry->month);
        }
      g_assert_cmpint (min_month, ==, first);
      g_assert_cmpint (max_month, ==, cases[c].plan_last);
    }
}

static void
test_head_has_no_figures (void)
{
  g_autoptr(SdDemoCompany) demo = generate (8, 2, 1, 2026, 11, 22);
  guint i;

  for (i = 0; i < demo->facts->len; i++)
    g_assert_cmpint (g_array_index (demo->facts, SdFact, i).manager_id, !=, 1);
  for (i = 0; i < demo->plan->len; i++)
    g_assert_cmpint (g_array_index (demo->plan, SdPlanEntry, i).manager_id, !=, 1);
}

/* One manager: no hires, no departure, twelve months of facts. */
static void
test_counts_one_manager (void)
{
  g_autoptr(SdDemoCompany) demo = generate (1, 1, 1, 2026, 11, 22);
  const SdStaffMember *manager = g_ptr_array_index (demo->staff, 1);

  g_assert_cmpuint (demo->staff->len, ==, 2);
  g_assert_false (g_date_valid (&manager->left));
  g_assert_cmpuint (demo->facts->len, ==, 12);
}

static void
test_size_500_by_10 (void)
{
  g_autoptr(SdDemoCompany) demo = generate (500, 10, 1, 2026, 11, 22);
  guint i, n_hires = 0, n_leavers = 0;
  GDate last_year_start;

  sd_test_set_dmy (&last_year_start, 2025, 11, 1);
  g_assert_cmpuint (demo->staff->len, ==, 501);
  for (i = 1; i < demo->staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (demo->staff, i);

      n_hires += g_date_compare (&member->hired, &last_year_start) >= 0;
      n_leavers += g_date_valid (&member->left);
    }
  /* ~10 % hires and ~5 % departures in a large company. */
  g_assert_cmpuint (n_hires, ==, 50);
  g_assert_cmpuint (n_leavers, ==, 25);
  g_assert_cmpuint (demo->facts->len, <=, 500 * 120);
  g_assert_cmpuint (demo->facts->len, >=, 500 * 120 - 50 * 120 - 25 * 120);
  g_assert_cmpuint (demo->plan->len, >, demo->facts->len);
}

static void
test_guards (void)
{
  GDate invalid;

  g_date_clear (&invalid, 1);
  g_test_expect_message ("sd-demo", G_LOG_LEVEL_CRITICAL, "*g_date_valid*");
  g_assert_null (sd_demo_generate (8, 2, 1, &invalid));
  g_test_assert_expected_messages ();

  g_test_expect_message ("sd-demo", G_LOG_LEVEL_CRITICAL, "*n_years*");
  g_assert_null (generate (8, 0, 1, 2026, 1, 1));
  g_test_assert_expected_messages ();

  /* Hires before a history starting in year 0 would be impossible dates. */
  g_test_expect_message ("sd-demo", G_LOG_LEVEL_CRITICAL, "*g_date_get_year*");
  g_assert_null (generate (8, 2, 1, 5, 6, 1));
  g_test_assert_expected_messages ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/determinism/same-seed-same-company", test_determinism_same_seed);
  g_test_add_func ("/demo/determinism/different-seed-differs", test_determinism_different_seed);
  g_test_add_func ("/demo/determinism/known-values", test_determinism_known_values);
  g_test_add_func ("/demo/counts/8-managers-2-years", test_counts_default);
  g_test_add_func ("/demo/counts/one-manager-no-hires-no-departure", test_counts_one_manager);
  g_test_add_func ("/demo/staff/ids-and-names-unique-for-1000", test_staff_unique_1000);
  g_test_add_func ("/demo/staff/names-unique-beyond-the-lists", test_staff_unique_beyond_lists);
  g_test_add_func ("/demo/staff/names-gender-consistent", test_staff_gender_consistent);
  g_test_add_func ("/demo/staff/head-has-no-figures", test_head_has_no_figures);
  g_test_add_func ("/demo/facts/only-while-employed", test_facts_within_employment);
  g_test_add_func ("/demo/facts/values-sane", test_facts_values_sane);
  g_test_add_func ("/demo/facts/revenue-around-level", test_facts_revenue_range);
  g_test_add_func ("/demo/facts/december-above-january", test_facts_seasonality);
  g_test_add_func ("/demo/plan/history-and-rest-of-year", test_plan_months);
  g_test_add_func ("/demo/size/500-managers-10-years", test_size_500_by_10);
  g_test_add_func ("/demo/guards", test_guards);

  return g_test_run ();
}
