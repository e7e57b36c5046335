/* bench-charts.c — how long the plan/fact chart takes to draw
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 200 managers × 5 years of monthly facts and plans, generated in memory, summed into 60 months
 * and drawn at 1200 × 600 — the size of the chart in a maximised window. Prints the median of
 * 50 draws (after a warm-up that loads the fonts) in microseconds, one line per measurement.
 * Nothing here asserts a time.
 */
#define G_LOG_DOMAIN "bench-charts"

#include "config.h"

#include <stdlib.h>

#include <cairo.h>
#include <glib.h>

#include "sd-chart-plan-fact.h"

#define N_MANAGERS 200
#define N_YEARS    5
#define N_MONTHS   (N_YEARS * 12)
#define N_RUNS     50
#define WIDTH      1200
#define HEIGHT     600

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gint64
median (gint64 *samples,
        guint   n)
{
  qsort (samples, n, sizeof *samples, compare_gint64);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree SdMoney *plans = g_new (SdMoney, N_MANAGERS * N_MONTHS);
  g_autofree SdMoney *facts = g_new (SdMoney, N_MANAGERS * N_MONTHS);
  SdChartPlanFactMonth months[N_MONTHS];
  SdChartPlanFact data = { 0, };
  SdChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 aggregate[N_RUNS], draw[N_RUNS], hit[N_RUNS];

  /* Per manager and month: a plan around 1 M ₽ with seasonality, a fact within ±40 % of it. */
  for (guint m = 0; m < N_MANAGERS; m++)
    for (guint i = 0; i < N_MONTHS; i++)
      {
        gint64 base = 80000000 + (gint64) g_rand_int_range (rand, 0, 40000000);
        gint64 season = 100 + (gint64) ((i % 12) * 3);

        plans[m * N_MONTHS + i] = base * season / 100;
        facts[m * N_MONTHS + i] = plans[m * N_MONTHS + i] * g_rand_int_range (rand, 60, 141) / 100;
      }

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  for (int run = -1; run < N_RUNS; run++)
    {
      gint64 t0, t1, t2, t3;

      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < N_MONTHS; i++)
        {
          months[i] = (SdChartPlanFactMonth) { 0, 0, 0, 0, TRUE, TRUE, FALSE };
          for (guint m = 0; m < N_MANAGERS; m++)
            {
              months[i].plan += plans[m * N_MONTHS + i];
              months[i].fact += facts[m * N_MONTHS + i];
            }
        }
      /* The current month: a forecast range around its fact. */
      months[N_MONTHS - 1].has_forecast = TRUE;
      months[N_MONTHS - 1].forecast_low = months[N_MONTHS - 1].fact;
      months[N_MONTHS - 1].forecast_high = months[N_MONTHS - 1].fact / 10 * 13;
      data = (SdChartPlanFact) { sd_month_make (2021, 1), N_MONTHS, months, "₽" };

      t1 = g_get_monotonic_time ();
      sd_chart_draw_plan_fact (cr, WIDTH, HEIGHT, &data, &style);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();
      sd_chart_plan_fact_hit (WIDTH, HEIGHT, &data, &style, WIDTH / 2.0, HEIGHT / 2.0);
      t3 = g_get_monotonic_time ();

      /* The first run loads fonts and fills caches: not what a redraw costs. */
      if (run >= 0)
        {
          aggregate[run] = t1 - t0;
          draw[run] = t2 - t1;
          hit[run] = t3 - t2;
        }
    }

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_print ("chart-aggregate %d managers x %d months: median %" G_GINT64_FORMAT " us\n",
           N_MANAGERS, N_MONTHS, median (aggregate, N_RUNS));
  g_print ("chart-draw plan-fact %d months %dx%d: median %" G_GINT64_FORMAT " us (%d runs)\n",
           N_MONTHS, WIDTH, HEIGHT, median (draw, N_RUNS), N_RUNS);
  g_print ("chart-hit plan-fact %d months: median %" G_GINT64_FORMAT " us\n",
           N_MONTHS, median (hit, N_RUNS));

  return 0;
}
