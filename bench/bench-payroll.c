/* bench-payroll.c — the payroll of a large department for a whole year
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1 000 managers × 12 months of 2026, every library scheme in use (one head on the team
 * scheme), facts generated in memory with a fixed seed. Each run computes the twelve
 * months with every explanation (what the app and the export do) and the CSV text; a
 * second measurement computes the same pay without explanations (the pay curve's path).
 * Prints the median and the slowest of the runs in milliseconds. Nothing asserts a time.
 */
#define G_LOG_DOMAIN "bench-payroll"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "sd-payroll.h"
#include "sd-scheme-library.h"

#define N_MANAGERS 1000
#define N_MONTHS   12
#define YEAR       2026
#define N_RUNS     9

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *name,
        gint64     *samples)
{
  qsort (samples, N_RUNS, sizeof (gint64), compare_gint64);
  g_print ("%-44s median %8.2f ms   max %8.2f ms\n", name,
           samples[N_RUNS / 2] / 1000.0, samples[N_RUNS - 1] / 1000.0);
}

int
main (void)
{
  g_autoptr(GPtrArray) schemes = sd_scheme_library_create_all ();
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree SdPayrollInput *inputs = g_new0 (SdPayrollInput, (gsize) N_MANAGERS * N_MONTHS);
  const SdCalendar *calendar = sd_calendar_get_default ();
  gint64 with_notes[N_RUNS], silent[N_RUNS];
  SdMoney check = 0, check_silent = 0;
  gsize csv_bytes = 0;

  for (guint i = 0; i < N_MANAGERS; i++)
    {
      SdStaffMember *m = sd_staff_member_new ();

      g_free (m->name);
      m->name = g_strdup_printf ("Manager %04u", i);
      m->id = i + 1;
      m->role = i == 0 ? SD_ROLE_HEAD : SD_ROLE_MANAGER;
      g_date_clear (&m->hired, 1);
      g_date_clear (&m->left, 1);
      /* One in ten joins during the year, one in twenty leaves. */
      if (i % 10 == 3)
        g_date_set_dmy (&m->hired, (GDateDay) (1 + i % 28), (GDateMonth) (1 + i % 12), YEAR);
      else
        g_date_set_dmy (&m->hired, 1, 1, 2020);
      if (i % 20 == 7)
        g_date_set_dmy (&m->left, (GDateDay) (1 + i % 28), (GDateMonth) (1 + (i / 20) % 12), YEAR);
      g_ptr_array_add (members, m);
    }

  for (guint mo = 0; mo < N_MONTHS; mo++)
    for (guint i = 0; i < N_MANAGERS; i++)
      {
        SdPayrollInput *in = &inputs[mo * N_MANAGERS + i];
        SdMoney plan = (SdMoney) g_rand_int_range (rand, 500000, 3000000) * 100;

        in->member = g_ptr_array_index (members, i);
        in->scheme = g_ptr_array_index (schemes, i == 0 ? 3 : i % 3);
        in->has_plan = i % 97 != 5;
        in->plan = plan;
        in->has_fact = i % 89 != 4;
        in->fact.manager_id = (gint64) i + 1;
        in->fact.revenue = plan / 100 * g_rand_int_range (rand, 30, 170);
        in->fact.paid = in->fact.revenue / 100 * g_rand_int_range (rand, 60, 100);
        in->fact.margin = in->fact.revenue / 4;
        in->fact.leads = g_rand_int_range (rand, 0, 200);
        in->fact.deals = in->fact.leads / 5;
        in->fact.calls = g_rand_int_range (rand, 300, 1100);
        in->has_call_score = i % 2 == 0;
        in->call_score = (gint64) g_rand_int_range (rand, 40, 100) * SD_FIX_ONE;
      }

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      SdMoney sum = 0;

      for (guint mo = 0; mo < N_MONTHS; mo++)
        {
          g_autoptr(SdPayroll) payroll =
            sd_payroll_compute_month (YEAR * 12 + (SdMonth) mo, calendar, &inputs[mo * N_MANAGERS],
                                      N_MANAGERS, NULL, SD_NUMBER_STYLE_RU, "₽");
          g_autofree char *csv = sd_payroll_to_csv (payroll);

          sum += payroll->total;
          csv_bytes = strlen (csv);
        }
      with_notes[run] = g_get_monotonic_time () - start;
      check = sum;
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      SdMoney sum = 0;

      for (guint k = 0; k < (guint) N_MANAGERS * N_MONTHS; k++)
        {
          const SdPayrollInput *in = &inputs[k];
          SdPayParts parts;

          sd_payroll_compute_parts (in->scheme, in->has_plan, in->plan,
                                    in->has_fact ? &in->fact : NULL, in->has_call_score,
                                    in->call_score, FALSE, &parts);
          sum += parts.commission + parts.kpi + parts.overplan + parts.cap_adjustment;
        }
      silent[run] = g_get_monotonic_time () - start;
      check_silent = sum;
    }

  g_print ("payroll: %d managers x %d months, %d runs (total paid %" G_GINT64_FORMAT
           " kopecks; variable part of personal schemes %" G_GINT64_FORMAT "; last CSV %" G_GSIZE_FORMAT " bytes)\n",
           N_MANAGERS, N_MONTHS, N_RUNS, check, check_silent, csv_bytes);
  report ("12 months, explanations + CSV", with_notes);
  report ("12 months, pay only (no explanations)", silent);

  return 0;
}
