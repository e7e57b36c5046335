/* bench-hiring-store.c — the hiring plan of a real company file, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-hiring-store FILE [YEAR]
 *
 * FILE is a company made by `salesdesk-cli demo FILE --managers 200 --years 5` (it is not
 * changed: the bench works on a copy). The demo's plan ends with the current year, so the
 * copy gets a plan for the four years after it (the current year's figures grown 15 % a
 * year, imported as plan.csv would be): a 5-year plan from YEAR (default: the current year,
 * or SALESDESK_TODAY's). Then, each repeated and reported as median and 99th percentile in
 * microseconds:
 *   - loading core's inputs from the file (plan, staff, schemes for the pay function);
 *   - the proposal (sd_hiring_propose) with pay from the motivation schemes;
 *   - evaluating the proposed schedule (what the page shows);
 *   - the whole "Propose" press: load, propose, write the proposed hires, evaluate.
 * Nothing here asserts a time.
 */
#define G_LOG_DOMAIN "bench-hiring-store"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sd-store.h"
#include "sd-store-hiring.h"

#define N_REPS 50

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
  g_print ("%-28s reps=%u median_us=%" G_GINT64_FORMAT " p99_us=%" G_GINT64_FORMAT
           " max_us=%" G_GINT64_FORMAT " %s\n",
           name, n, samples[n / 2], samples[(n * 99) / 100], samples[n - 1], extra);
}

/* Plans for year+1 .. year+4: the current version of `year` grown 15 % a year. */
static void
add_future_plans (SdStore *store,
                  int      year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanVersion) version = sd_store_get_current_plan_version (store, year, &error);
  g_autoptr(GArray) base = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));

  if (version == NULL)
    g_error ("no plan for %d: %s", year, error != NULL ? error->message : "");
  base = sd_store_list_plan_version_entries (store, version->id, &error);
  if (base == NULL)
    g_error ("%s", error->message);
  for (int k = 1; k <= 4; k++)
    for (guint i = 0; i < base->len; i++)
      {
        SdPlanEntry e = g_array_index (base, SdPlanEntry, i);

        e.month = sd_month_make (year + k, sd_month_get_month (e.month));
        for (int g = 0; g < k; g++)
          e.revenue = e.revenue * 115 / 100;
        g_array_append_val (entries, e);
      }
  if (!sd_store_import_plan (store, (const SdPlanEntry *) (gconstpointer) entries->data,
                             entries->len, "Bench", NULL, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree gint64 *samples = g_new (gint64, N_REPS);
  g_autofree char *extra = NULL;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) proposal = NULL;
  g_autoptr(GArray) hires = g_array_new (FALSE, TRUE, sizeof (SdPlannedHire));
  const char *env_today = g_getenv ("SALESDESK_TODAY");
  SdMoney capacity = 0;
  SdHiringSettings settings;
  guint n_samples = 0, n_unreachable = 0;
  GDate today;
  int year;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [YEAR]\n", argv[0]);
      return 2;
    }
  g_date_clear (&today, 1);
  if (env_today == NULL || !sd_date_parse (env_today, &today, NULL))
    sd_date_set_today (&today);
  year = argc > 2 ? atoi (argv[2]) : g_date_get_year (&today);

  dir = g_dir_make_tmp ("bench-hiring-XXXXXX", &error);
  copy = g_build_filename (dir, "bench.salesdesk", NULL);
  src = g_file_new_for_path (argv[1]);
  dst = g_file_new_for_path (copy);
  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  store = sd_store_open (copy, SD_STORE_OPEN_NO_BACKUP | SD_STORE_OPEN_NO_UNDO, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  add_future_plans (store, year);
  if (!sd_store_load_hiring_settings (store, &settings, NULL, &error))
    g_error ("%s", error->message);
  if (!sd_store_hiring_capacity_from_history (store, &settings, sd_month_from_date (&today) - 1,
                                              6, &capacity, &n_samples, &error))
    g_error ("%s", error->message);
  /* A little below history, with 20 % attrition: the plan's growth needs hires. */
  settings.capacity = capacity * 9 / 10;
  settings.attrition_bp = 2000;
  settings.hiring_cost = 6000000;
  settings.onboarding_cost = 3000000;
  if (!sd_store_save_hiring_settings (store, &settings, &error))
    g_error ("%s", error->message);

  for (guint r = 0; r < N_REPS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdHiringParams) p = sd_store_load_hiring_params (store, year, 5, NULL, &today,
                                                                 &error);

      samples[r] = g_get_monotonic_time () - t0;
      if (p == NULL)
        g_error ("%s", error->message);
    }
  params = sd_store_load_hiring_params (store, year, 5, NULL, &today, &error);
  extra = g_strdup_printf ("managers=%u months=%u", sd_hiring_params_get_n_managers (params),
                           sd_hiring_params_get_n_months (params));
  report ("load-params-from-file", samples, N_REPS, extra);

  for (guint r = 0; r < N_REPS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdHiringResult) result = sd_hiring_propose (params, &error);

      samples[r] = g_get_monotonic_time () - t0;
      if (result == NULL)
        g_error ("%s", error->message);
    }
  proposal = sd_hiring_propose (params, &error);
  sd_hiring_result_get_unreachable (proposal, &n_unreachable);
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("%s hires=%u unreachable_months=%u",
                           "pay=schemes", sd_hiring_result_get_n_hires (proposal), n_unreachable);
  report ("propose", samples, N_REPS, extra);

  for (guint h = 0; h < sd_hiring_result_get_n_hires (proposal); h++)
    g_array_append_val (hires, *sd_hiring_result_get_hire (proposal, h));
  for (guint r = 0; r < N_REPS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdHiringResult) result = sd_hiring_evaluate (params,
                                                             (const SdPlannedHire *) (gconstpointer) hires->data,
                                                             hires->len, &error);

      samples[r] = g_get_monotonic_time () - t0;
      if (result == NULL)
        g_error ("%s", error->message);
    }
  report ("evaluate-proposal", samples, N_REPS, "");

  for (guint r = 0; r < N_REPS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SdHiringParams) p = sd_store_load_hiring_params (store, year, 5, NULL, &today,
                                                                 &error);
      g_autoptr(SdHiringResult) proposed = NULL;
      g_autoptr(GArray) stored = NULL;
      g_autoptr(SdHiringResult) shown = NULL;
      g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (SdPlannedHire));

      proposed = p != NULL ? sd_hiring_propose (p, &error) : NULL;
      if (proposed == NULL)
        g_error ("%s", error->message);
      for (guint h = 0; h < sd_hiring_result_get_n_hires (proposed); h++)
        g_array_append_val (list, *sd_hiring_result_get_hire (proposed, h));
      if (!sd_store_replace_proposed_hires (store, (const SdPlannedHire *) (gconstpointer) list->data,
                                            list->len, &error))
        g_error ("%s", error->message);
      stored = sd_store_list_planned_hires (store, &error);
      shown = sd_hiring_evaluate (p, (const SdPlannedHire *) (gconstpointer) stored->data,
                                  stored->len, &error);
      if (shown == NULL)
        g_error ("%s", error->message);
      samples[r] = g_get_monotonic_time () - t0;
    }
  report ("propose-press-end-to-end", samples, N_REPS, "(load+propose+write+evaluate)");

  {
    g_autofree char *summary = sd_hiring_result_describe (proposal);

    g_print ("# %s\n", summary);
  }

  sd_store_close (store);
  g_unlink (copy);
  g_rmdir (dir);
  return 0;
}
