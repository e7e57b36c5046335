/* bench-hiring.c — how long the hiring plan takes for a large company
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 200 managers (some still ramping up, some leaving), a 5-year plan (2027–2031, 60 months)
 * growing 15 % a year with seasonality, 20 % attrition, 6 weeks to hire, pay and one-off
 * costs: the proposal, the evaluation of an edited schedule, and the capacity taken from
 * 5 years of history. Each measurement repeats many times and prints one line: the median
 * and the 99th percentile in microseconds. Nothing here asserts a time.
 */
#define G_LOG_DOMAIN "bench-hiring"

#include "config.h"

#include <stdlib.h>

#include <glib.h>

#include "sd-hiring.h"

#define N_MANAGERS 200
#define N_YEARS    5
#define FIRST_YEAR 2027
#define N_MONTHS   (N_YEARS * 12)
#define N_REPS     200

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *name,
        gint64     *samples,
        guint       n,
        const char *extra)
{
  qsort (samples, n, sizeof (gint64), compare_gint64);
  g_print ("%-32s managers=%d months=%d reps=%u median_us=%" G_GINT64_FORMAT " p99_us=%"
           G_GINT64_FORMAT " max_us=%" G_GINT64_FORMAT " %s\n",
           name, N_MANAGERS, N_MONTHS, n, samples[n / 2], samples[(n * 99) / 100],
           samples[n - 1], extra);
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static SdHiringParams *
build_params (GRand            *rand,
              GPtrArray        *members,
              SdHiringSettings *settings)
{
  SdHiringParams *params;
  SdMoney plan[N_MONTHS];
  GDate today;

  sd_hiring_settings_init (settings);
  settings->capacity = 150000000;          /* 1 500 000 ₽ a month */
  settings->attrition_bp = 2000;
  settings->monthly_pay = 12000000;
  settings->hiring_cost = 6000000;
  settings->onboarding_cost = 3000000;
  settings->margin_bp = 3500;

  /* The department sells about 200 × 1.5 M ₽ now; the plan grows 15 % a year. */
  for (int k = 0; k < N_MONTHS; k++)
    {
      int m = k % 12 + 1;
      int season = 90 + 30 * (m == 3 || m == 11 || m == 12) - 25 * (m == 1 || m == 8);
      SdMoney base = (SdMoney) N_MANAGERS * settings->capacity;

      for (int y = 0; y < k / 12; y++)
        base = base * 115 / 100;
      plan[k] = base * season / 100 * g_rand_int_range (rand, 95, 106) / 100;
    }

  params = sd_hiring_params_new (settings);
  sd_hiring_params_set_plan (params, sd_month_make (FIRST_YEAR, 1), plan, N_MONTHS);
  set_date (&today, FIRST_YEAR - 1, 11, 20);
  sd_hiring_params_set_today (params, &today);

  for (gint64 id = 1; id <= N_MANAGERS; id++)
    {
      SdStaffMember *member = sd_staff_member_new ();

      member->id = id;
      member->name = g_strdup_printf ("Manager %" G_GINT64_FORMAT, id);
      set_date (&member->hired, g_rand_int_range (rand, FIRST_YEAR - 8, FIRST_YEAR + 1),
                g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (g_rand_int_range (rand, 0, 10) == 0)
        set_date (&member->left, FIRST_YEAR + g_rand_int_range (rand, 0, 2),
                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (sd_date_compare (&member->left, &member->hired) < 0)
        g_date_clear (&member->left, 1);
      sd_hiring_params_add_staff_member (params, member);
      g_ptr_array_add (members, member);
    }

  return params;
}

static GArray *
generate_facts (GRand     *rand,
                GPtrArray *members)
{
  GArray *facts = g_array_new (FALSE, TRUE, sizeof (SdFact));

  for (guint i = 0; i < members->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (members, i);
      SdMoney pace = g_rand_int_range (rand, 80, 121) * (SdMoney) 1500000;

      for (int y = FIRST_YEAR - N_YEARS; y < FIRST_YEAR; y++)
        for (int m = 1; m <= 12; m++)
          {
            SdFact f = { 0 };

            f.manager_id = member->id;
            f.month = sd_month_make (y, m);
            if (!sd_staff_member_works_in (member, f.month))
              continue;
            f.revenue = pace * g_rand_int_range (rand, 70, 131) / 100;
            g_array_append_val (facts, f);
          }
    }

  return facts;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2031);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) proposal = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *samples = g_new (gint64, N_REPS);
  g_autofree char *extra = NULL;
  g_autofree char *summary = NULL;
  g_autofree SdPlannedHire *edited = NULL;
  SdHiringSettings settings;
  volatile SdMoney sink = 0;
  guint n_hires, n_unreachable = 0;

  params = build_params (rand, members, &settings);
  facts = generate_facts (rand, members);

  /* The proposal: team capacity, the fewest and latest hires, then the money of the result. */
  for (guint r = 0; r < N_REPS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdHiringResult) result = sd_hiring_propose (params, &error);

      samples[r] = g_get_monotonic_time () - t0;
      if (result == NULL)
        g_error ("%s", error->message);
      sink += sd_hiring_result_get_total_cost (result);
    }
  proposal = sd_hiring_propose (params, &error);
  n_hires = sd_hiring_result_get_n_hires (proposal);
  sd_hiring_result_get_unreachable (proposal, &n_unreachable);
  extra = g_strdup_printf ("hires=%u unreachable_months=%u", n_hires, n_unreachable);
  report ("hiring-propose", samples, N_REPS, extra);

  /* The user moves every hire a month earlier and looks at the money again. */
  edited = g_new (SdPlannedHire, MAX (n_hires, 1));
  for (guint h = 0; h < n_hires; h++)
    {
      edited[h] = *sd_hiring_result_get_hire (proposal, h);
      g_date_subtract_months (&edited[h].start, 1);
      g_date_subtract_months (&edited[h].search_start, 1);
      edited[h].state = SD_HIRE_EDITED;
    }
  for (guint r = 0; r < N_REPS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdHiringResult) result = sd_hiring_evaluate (params, edited, n_hires, &error);

      samples[r] = g_get_monotonic_time () - t0;
      if (result == NULL)
        g_error ("%s", error->message);
      sink += sd_hiring_result_get_hires_cost (result);
    }
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("hires=%u", n_hires);
  report ("hiring-evaluate-edited-schedule", samples, N_REPS, extra);

  /* The capacity from 5 years of facts (median over the last 12 months). */
  for (guint r = 0; r < N_REPS; r++)
    {
      SdMoney capacity = 0;
      guint n_samples = 0;
      gint64 t0 = g_get_monotonic_time ();

      if (!sd_hiring_capacity_from_history (&settings,
                                            (const SdStaffMember *const *) members->pdata,
                                            members->len, (const SdFact *) facts->data,
                                            facts->len, sd_month_make (FIRST_YEAR - 1, 12), 12,
                                            &capacity, &n_samples, &error))
        g_error ("%s", error->message);
      samples[r] = g_get_monotonic_time () - t0;
      sink += capacity;
    }
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("facts=%u", facts->len);
  report ("hiring-capacity-from-history", samples, N_REPS, extra);

  summary = sd_hiring_result_describe (proposal);
  g_print ("# %s\n", summary);

  (void) sink;
  return 0;
}
