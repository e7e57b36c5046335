/* test-charts-more.c — pay curve, capacity gap, payback and score charts, read back in pixels
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is drawn on an image surface and checked by reading pixels back at places the
 * chart's own geometry functions name. The PNGs go to the test's temporary directory and, when
 * SD_CHART_PNG_DIR is set, there too for people to look at.
 */
#define G_LOG_DOMAIN "test-charts-more"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>
#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-chart.h"
#include "sd-chart-capacity.h"
#include "sd-chart-pay-curve.h"
#include "sd-chart-payback.h"
#include "sd-chart-scores.h"
#include "sd-test-charts.h"
#include "sd-test-util.h"

/* Surfaces and pixels */

static void
draw_pay_curve (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_pay_curve (cr, w, h, data, style);
}

static void
draw_capacity (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_capacity (cr, w, h, data, style);
}

static void
draw_payback (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_payback (cr, w, h, data, style);
}

static void
draw_scores (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_scores (cr, w, h, data, style);
}

static void
assert_pixel (cairo_surface_t    *surface,
              int                 x,
              int                 y,
              const SdChartColor *color,
              const SdChartStyle *style)
{
  SdTestRgb got = sd_test_pixel (surface, x, y), want = sd_test_expected_rgb (color,
                                 &style->background);

  if (sd_test_distance (got, want) > 2)
    g_error ("sd_test_pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x", x, y, got.r, got.g,
             got.b, want.r, want.g, want.b);
}

/* The mean row of the pixels of `color` in column x, or −1 when there are none. */
static double
mean_row (cairo_surface_t    *surface,
          int                 x,
          const SdChartColor *color,
          const SdChartStyle *style)
{
  double sum = 0;
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      if (sd_test_pixel_is (surface, x, y, color, style))
        {
          sum += y;
          n++;
        }
    }
  return n > 0 ? sum / n : -1;
}

static SdChartColor
hex (guint32 value)
{
  return (SdChartColor) {
    ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0, 1.0
  };
}

static SdMonth
month (int year,
       int m)
{
  return sd_month_make (year, m);
}

/* Any two renders differ somewhere. */
static gboolean
surfaces_differ (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (sd_test_distance (sd_test_pixel (a, x, y), sd_test_pixel (b, x, y)) > 0)
        return TRUE;
  return FALSE;
}

/* "No data" in the middle: some text-coloured ink near the centre, none of `series`. */
static void
assert_no_data (cairo_surface_t    *surface,
                const SdChartStyle *style)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  SdTestRgb ink = sd_test_expected_rgb (&style->text, &style->background);
  SdTestRgb paper = sd_test_expected_rgb (&style->background, &style->background);
  guint n = 0;

  for (int y = h / 3; y < 2 * h / 3; y++)
    for (int x = w / 4; x < 3 * w / 4; x++)
      if (sd_test_distance (sd_test_pixel (surface, x, y), ink) * 3 < sd_test_distance (ink, paper))
        n++;
  g_assert_cmpuint (n, >, 20);
}

/* Capacity */

static const SdChartCapacityMonth capacity_months[3] = {
  { R (10000000), R (4000000), 0, TRUE },           /* gap 6 M */
  { R (10000000), R (12000000), 0, TRUE },          /* no gap */
  { R (10000000), R (6000000), R (2000000), TRUE }, /* hires 2 M, gap 2 M */
};

static void
test_capacity_gap_value (void)
{
  static const struct {
    SdChartCapacityMonth month;
    SdMoney              gap;
  } cases[] = {
    { { R (100), R (40), 0, TRUE }, R (60) },
    { { R (100), R (40), R (60), TRUE }, 0 },
    { { R (100), R (40), R (50), TRUE }, R (10) },
    { { R (100), R (140), 0, TRUE }, 0 },
    { { R (100), -R (40), 0, TRUE }, R (100) },    /* negative capacity counts as none */
    { { R (100), R (40), -R (10), TRUE }, R (60) },
    { { -R (100), 0, 0, TRUE }, 0 },
    { { 0, 0, 0, TRUE }, 0 },
    { { R (100), 0, 0, FALSE }, 0 },               /* no plan, no gap */
    { { G_MAXINT64, G_MAXINT64, G_MAXINT64, TRUE }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sd_chart_capacity_gap (&cases[i].month), ==, cases[i].gap);
}

static void
test_capacity_pixels (void)
{
  SdChartCapacity data = { month (2026, 3), 3, capacity_months, "₽" };
  SdChartStyle style;
  SdChartColor gap, hires = hex (0x9141ac);
  SdChartRect bar[3];
  cairo_surface_t *surface;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  gap = style.negative;
  gap.alpha = 0.30;
  surface = sd_test_render (draw_capacity, &data, &style, 600, 320, "capacity-light");

  for (guint i = 0; i < 3; i++)
    g_assert_true (sd_chart_capacity_item_rect (600, 320, &data, &style, i, &bar[i]));

  /* Bars stand on the same zero line, heights proportional to 4 M, 12 M, 8 M. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (bar[i].y + bar[i].height, ==, bar[0].y + bar[0].height);
  g_assert_cmpfloat_with_epsilon (bar[1].height / bar[0].height, 3.0, 0.05);
  g_assert_cmpfloat_with_epsilon (bar[2].height / bar[0].height, 2.0, 0.05);

  /* Month 1: team blue, and the gap above it up to the plan (6 M: 1.5 × the bar) in the
   * warning colour, edged in red. */
  assert_pixel (surface, bar[0].x + bar[0].width / 2, bar[0].y + bar[0].height / 2, &style.fact,
                &style);
  assert_pixel (surface, bar[0].x + bar[0].width / 2, bar[0].y - bar[0].height * 0.75, &gap,
                &style);
  g_assert_cmpuint (sd_test_count_color (surface, bar[0].x + 2, bar[0].y - bar[0].height * 1.4,
                                         bar[0].x + bar[0].width - 2, bar[0].y - 2, &gap, &style),
                    >, (bar[0].width - 4) * bar[0].height * 1.2);

  /* Month 2 covers its plan: no gap colour anywhere in its column. */
  g_assert_cmpuint (sd_test_count_color (surface, bar[1].x, 0, bar[1].x + bar[1].width, 320, &gap,
                                         &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, bar[1].x, 0, bar[1].x + bar[1].width, 320,
                                         &style.negative, &style), ==, 0);

  /* Month 3: the hires' quarter on top of the team's bar, then a 2 M gap. */
  assert_pixel (surface, bar[2].x + bar[2].width / 2, bar[2].y + bar[2].height * 0.12, &hires,
                &style);
  assert_pixel (surface, bar[2].x + bar[2].width / 2, bar[2].y + bar[2].height * 0.6, &style.fact,
                &style);
  assert_pixel (surface, bar[2].x + bar[2].width / 2, bar[2].y - bar[2].height * 0.12, &gap,
                &style);

  cairo_surface_destroy (surface);
}

static void
test_capacity_hit_and_text (void)
{
  SdChartCapacity data = { month (2026, 3), 3, capacity_months, "₽" };
  SdChartStyle en, ru;
  SdChartRect bar;
  g_autofree char *march = sd_month_format_label (month (2026, 3));
  g_autofree char *april = sd_month_format_label (month (2026, 4));
  g_autofree char *may = sd_month_format_label (month (2026, 5));
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  sd_chart_style_init_light (&en, SD_NUMBER_STYLE_EN);
  sd_chart_style_init_light (&ru, SD_NUMBER_STYLE_RU);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (sd_chart_capacity_item_rect (600, 320, &data, &en, i, &bar));
      g_assert_cmpint (sd_chart_capacity_hit (600, 320, &data, &en, bar.x + bar.width / 2,
                                              bar.y + bar.height / 2), ==, (int) i);
      /* Above the bar, in the gap, is still the same month (the 12 M bar reaches the top). */
      if (i != 1)
        g_assert_cmpint (sd_chart_capacity_hit (600, 320, &data, &en, bar.x + 1, bar.y - 5), ==,
                         (int) i);
    }
  g_assert_cmpint (sd_chart_capacity_hit (600, 320, &data, &en, 1, 1), ==, -1);
  g_assert_cmpint (sd_chart_capacity_hit (600, 320, &data, &en, 300, 319), ==, -1);
  g_assert_false (sd_chart_capacity_item_rect (600, 320, &data, &en, 3, &bar));

  text = sd_chart_capacity_tooltip (&data, &en, 0);
  expected = g_strdup_printf ("%s: plan 10,000,000" RUB ", capacity 4,000,000" RUB
                              ", gap 6,000,000" RUB, march);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_capacity_tooltip (&data, &en, 1);
  expected = g_strdup_printf ("%s: plan 10,000,000" RUB ", capacity 12,000,000" RUB ", no gap",
                              april);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_capacity_tooltip (&data, &ru, 2);
  expected = g_strdup_printf ("%s: plan 10" NNBSP "000" NNBSP "000" RUB ", capacity 8" NNBSP
                              "000" NNBSP "000" RUB " (team 6" NNBSP "000" NNBSP "000" RUB
                              ", planned hires 2" NNBSP "000" NNBSP "000" RUB "), gap 2" NNBSP
                              "000" NNBSP "000" RUB, may);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_null (sd_chart_capacity_tooltip (&data, &en, 3));

  text = sd_chart_capacity_describe (&data, &en);
  expected = g_strdup_printf ("Plan against sales capacity by month, %s – %s: the plan is above "
                              "capacity in 2 months, most in %s (6M" RUB ")", march, may, march);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_capacity_edge_cases (void)
{
  SdChartCapacityMonth *many = g_new0 (SdChartCapacityMonth, 120);
  SdChartCapacityMonth odd[4] = {
    { -R (500000), R (100000), 0, TRUE },     /* a negative plan */
    { 0, 0, 0, TRUE },                        /* all zero */
    { R (900000), -R (300000), R (200000), TRUE },
    { 0, R (400000), 0, FALSE },              /* no plan */
  };
  SdChartCapacity empty = { month (2026, 1), 0, NULL, "₽" };
  SdChartCapacity one = { month (2026, 1), 1, capacity_months, "₽" };
  SdChartCapacity all = { month (2017, 1), 120, many, "₽", TRUE, 60 };
  SdChartCapacity weird = { month (2026, 1), 4, odd, "₽" };
  SdChartStyle style;
  SdChartRect bar;
  cairo_surface_t *surface;
  g_autofree char *text = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  for (guint i = 0; i < 120; i++)
    many[i] = (SdChartCapacityMonth) { R (1000000 + 20000 * i), R (1500000),
                                       R (i >= 40 ? 15000 * (i - 40) : 0), TRUE };

  surface = sd_test_render (draw_capacity, &empty, &style, 500, 300, "capacity-empty");
  assert_no_data (surface, &style);
  cairo_surface_destroy (surface);
  g_assert_cmpint (sd_chart_capacity_hit (500, 300, &empty, &style, 250, 150), ==, -1);
  text = sd_chart_capacity_describe (&empty, &style);
  g_assert_cmpstr (text, ==, "Plan against sales capacity by month: no data");

  surface = sd_test_render (draw_capacity, &one, &style, 500, 300, "capacity-one");
  g_assert_true (sd_chart_capacity_item_rect (500, 300, &one, &style, 0, &bar));
  g_assert_cmpint (sd_chart_capacity_hit (500, 300, &one, &style, bar.x, bar.y + 1), ==, 0);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_capacity, &all, &style, 900, 360, "capacity-120");
  for (guint i = 0; i < 120; i += 17)
    {
      g_assert_true (sd_chart_capacity_item_rect (900, 360, &all, &style, i, &bar));
      g_assert_cmpint (sd_chart_capacity_hit (900, 360, &all, &style, bar.x + bar.width / 2,
                                              bar.y + bar.height / 2), ==, (int) i);
    }
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_capacity, &weird, &style, 500, 300, "capacity-negative");
  g_assert_true (sd_chart_capacity_item_rect (500, 300, &weird, &style, 2, &bar));
  /* The negative team capacity is drawn as none: only the hires' 200 K. */
  assert_pixel (surface, bar.x + bar.width / 2, bar.y + bar.height / 2, &(SdChartColor) {
                  0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1.0 }, &style);
  cairo_surface_destroy (surface);
  g_clear_pointer (&text, g_free);
  text = sd_chart_capacity_tooltip (&weird, &style, 3);
  g_assert_true (g_str_has_suffix (text, ": no plan, capacity 400" NNBSP "000" RUB));

  g_free (many);
}

/* Payback */

/* A hire: 300 K to find and onboard, then 150 K a month; revenue from the third month, 250 K
 * a month more each month. Pays back in month 7 (index 6). */
static SdChartPaybackMonth *
payback_months (guint n)
{
  SdChartPaybackMonth *m = g_new0 (SdChartPaybackMonth, n);
  SdMoney cost = R (300000), revenue = 0, monthly = 0;

  for (guint i = 0; i < n; i++)
    {
      cost += R (150000);
      if (i >= 2)
        monthly += R (100000);
      revenue += monthly;
      m[i] = (SdChartPaybackMonth) { cost, revenue };
    }
  return m;
}

static void
test_payback_find (void)
{
  g_autofree SdChartPaybackMonth *m = payback_months (12);
  SdChartPaybackMonth never[3] = { { R (100), 0 }, { R (200), R (50) }, { R (300), R (299) } };
  SdChartPaybackMonth free_hire[2] = { { 0, 0 }, { 0, R (10) } };
  guint index = 99;

  /* Costs 300 K + 150 K × n, revenue 100 K × (1 + 2 + … + (n − 2)): index 6 is 1 350 K against
   * 1 500 K, index 7 1 500 K against 2 100 K. */
  g_assert_cmpint (m[6].cost, ==, R (1350000));
  g_assert_cmpint (m[6].revenue, ==, R (1500000));
  g_assert_cmpint (m[5].revenue, <, m[5].cost);
  g_assert_true (sd_chart_payback_find (m, 12, &index));
  g_assert_cmpuint (index, ==, 6);
  g_assert_false (sd_chart_payback_find (never, 3, &index));
  g_assert_false (sd_chart_payback_find (free_hire, 2, &index));
  g_assert_false (sd_chart_payback_find (NULL, 0, &index));
}

static void
test_payback_pixels (void)
{
  g_autofree SdChartPaybackMonth *m = payback_months (12);
  SdChartPayback data = { month (2026, 1), 12, m, "₽", TRUE, 6 };
  SdChartPayback never = { month (2026, 1), 6, m, "₽", FALSE, 0 };
  SdChartStyle style;
  SdChartColor gain, loss;
  cairo_surface_t *surface;
  double x_payback, x_first;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  gain = style.positive;
  gain.alpha = 0.18;
  loss = style.negative;
  loss.alpha = 0.14;

  surface = sd_test_render (draw_payback, &data, &style, 640, 320, "payback-light");
  g_assert_true (sd_chart_payback_item_x (640, 320, &data, &style, 6, &x_payback));
  g_assert_true (sd_chart_payback_item_x (640, 320, &data, &style, 0, &x_first));

  /* The payback month's column is a green line from the top of the plot to its bottom. */
  g_assert_cmpuint (sd_test_count_color (surface, round (x_payback) - 1, 0, round (x_payback) + 1, 320,
                                         &style.positive, &style), >, 2 * 200);
  g_assert_cmpuint (sd_test_count_color (surface, round (x_first) - 1, 0, round (x_first) + 1, 320,
                                         &style.positive, &style), ==, 0);
  /* Both lines are there, and both nets: a loss before month 7, a gain after. */
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 320, &style.negative, &style), >, 100);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 320, &style.fact, &style), >, 100);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, round (x_payback), 320, &loss,
                                         &style), >, 200);
  g_assert_cmpuint (sd_test_count_color (surface, round (x_payback) + 2, 0, 640, 320, &gain, &style), >,
                    200);
  /* (A few antialiased edge pixels of the red line blend to the loss tint.) */
  g_assert_cmpuint (sd_test_count_color (surface, round (x_payback) + 2, 0, 640, 320, &loss, &style), <,
                    40);
  cairo_surface_destroy (surface);

  /* The first six months never pay back: no marker, no gain. */
  surface = sd_test_render (draw_payback, &never, &style, 640, 320, "payback-never");
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 320, &style.positive, &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 320, &gain, &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 320, &loss, &style), >, 200);
  cairo_surface_destroy (surface);
}

static void
test_payback_hit_and_text (void)
{
  g_autofree SdChartPaybackMonth *m = payback_months (12);
  SdChartPayback data = { month (2026, 1), 12, m, "₽", TRUE, 6 };
  SdChartPayback never = { month (2026, 1), 6, m, "₽", FALSE, 0 };
  SdChartStyle en, ru;
  g_autofree char *january = sd_month_format_label (month (2026, 1));
  g_autofree char *june = sd_month_format_label (month (2026, 6));
  g_autofree char *july = sd_month_format_label (month (2026, 7));
  g_autofree char *december = sd_month_format_label (month (2026, 12));
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  double x;

  sd_chart_style_init_light (&en, SD_NUMBER_STYLE_EN);
  sd_chart_style_init_light (&ru, SD_NUMBER_STYLE_RU);

  for (guint i = 0; i < 12; i++)
    {
      g_assert_true (sd_chart_payback_item_x (640, 320, &data, &en, i, &x));
      g_assert_cmpint (sd_chart_payback_hit (640, 320, &data, &en, x, 160), ==, (int) i);
    }
  g_assert_cmpint (sd_chart_payback_hit (640, 320, &data, &en, 1, 160), ==, -1);
  g_assert_false (sd_chart_payback_item_x (640, 320, &data, &en, 12, &x));

  text = sd_chart_payback_tooltip (&data, &en, 0);
  expected = g_strdup_printf ("%s: cost 450,000" RUB ", added revenue 0" RUB ", net " MINUS
                              "450,000" RUB, january);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_payback_tooltip (&data, &ru, 6);
  expected = g_strdup_printf ("%s: cost 1" NNBSP "350" NNBSP "000" RUB ", added revenue 1" NNBSP
                              "500" NNBSP "000" RUB ", net +150" NNBSP "000" RUB "; the hire "
                              "pays back this month", july);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_null (sd_chart_payback_tooltip (&data, &en, 12));

  text = sd_chart_payback_describe (&data, &en);
  expected = g_strdup_printf ("Hire cost against added revenue, %s – %s: pays back in %s",
                              january, december, july);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  /* After six months: 1 200 K spent, 1 000 K brought. */
  text = sd_chart_payback_describe (&never, &en);
  expected = g_strdup_printf ("Hire cost against added revenue, %s – %s: does not pay back by %s "
                              "(net " MINUS "200,000" RUB ")", january, june, june);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_payback_edge_cases (void)
{
  g_autofree SdChartPaybackMonth *many = payback_months (120);
  SdChartPaybackMonth negative[4] = {
    { R (100000), -R (50000) },   /* refunds: revenue below zero */
    { R (200000), -R (20000) },
    { R (300000), R (400000) },
    { 0, 0 },
  };
  SdChartPayback empty = { month (2026, 1), 0, NULL, "₽" };
  SdChartPayback one = { month (2026, 1), 1, negative, "₽", TRUE, 0 };
  SdChartPayback all = { month (2020, 1), 120, many, "₽", TRUE, 6, TRUE, 30 };
  SdChartPayback neg = { month (2026, 1), 4, negative, "₽", TRUE, 2 };
  SdChartStyle style;
  cairo_surface_t *surface;
  g_autofree char *text = NULL;
  double x;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);

  surface = sd_test_render (draw_payback, &empty, &style, 500, 300, "payback-empty");
  assert_no_data (surface, &style);
  cairo_surface_destroy (surface);
  text = sd_chart_payback_describe (&empty, &style);
  g_assert_cmpstr (text, ==, "Hire cost against added revenue: no data");

  surface = sd_test_render (draw_payback, &one, &style, 500, 300, "payback-one");
  g_assert_true (sd_chart_payback_item_x (500, 300, &one, &style, 0, &x));
  g_assert_cmpuint (sd_test_count_color (surface, round (x) - 1, 0, round (x) + 1, 300, &style.positive,
                                         &style), >, 100);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_payback, &all, &style, 900, 360, "payback-120");
  g_assert_true (sd_chart_payback_item_x (900, 360, &all, &style, 119, &x));
  g_assert_cmpint (sd_chart_payback_hit (900, 360, &all, &style, x, 180), ==, 119);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_payback, &neg, &style, 500, 300, "payback-negative");
  cairo_surface_destroy (surface);
}

/* Scores */

static void
test_format_score (void)
{
  static const struct {
    gint64        value;
    SdNumberStyle style;
    const char   *expected;
  } cases[] = {
    { 8750, SD_NUMBER_STYLE_RU, "87,5" },
    { 8750, SD_NUMBER_STYLE_EN, "87.5" },
    { 9000, SD_NUMBER_STYLE_RU, "90" },
    { 8733, SD_NUMBER_STYLE_EN, "87.3" },
    { 8735, SD_NUMBER_STYLE_EN, "87.4" },    /* half away from zero */
    { 9996, SD_NUMBER_STYLE_EN, "100" },
    { 0, SD_NUMBER_STYLE_RU, "0" },
    { 4, SD_NUMBER_STYLE_RU, "0" },
    { -4, SD_NUMBER_STYLE_RU, "0" },         /* never "−0" */
    { -550, SD_NUMBER_STYLE_EN, MINUS "5.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sd_chart_format_score (cases[i].value, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_scores_fixed_scale (void)
{
  gint64 zero[6], half[6], full[6];
  SdChartScoreSeries series[3] = { { "Zero", zero }, { "Half", half }, { "Full", full } };
  SdChartScoreSeries only_half[1] = { { "Half", half } };
  SdChartScores data = { month (2026, 1), 6, series, 3 };
  SdChartScores alone = { month (2026, 1), 6, only_half, 1 };
  SdChartStyle style;
  SdChartColor c0, c1, c_alone;
  cairo_surface_t *surface, *surface_alone;
  double x, y0, y50, y100, y_alone;

  for (guint i = 0; i < 6; i++)
    {
      zero[i] = 0;
      half[i] = 5000;
      full[i] = 10000;
    }
  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  sd_chart_scores_series_color (&style, 0, &c0);
  sd_chart_scores_series_color (&style, 1, &c1);
  sd_chart_scores_series_color (&style, 0, &c_alone);

  surface = sd_test_render (draw_scores, &data, &style, 600, 320, "scores-scale");
  g_assert_true (sd_chart_scores_item_x (600, 320, &data, &style, 2, &x));
  /* Between two months' points, where no marker sits. */
  x += 10;
  {
    SdChartColor c2;

    sd_chart_scores_series_color (&style, 2, &c2);
    y0 = mean_row (surface, x, &c0, &style);
    y50 = mean_row (surface, x, &c1, &style);
    y100 = mean_row (surface, x, &c2, &style);
  }
  g_assert_cmpfloat (y0, >, 0);
  g_assert_cmpfloat (y50, >, 0);
  g_assert_cmpfloat (y100, >, 0);
  g_assert_cmpfloat (y100, <, y50);
  g_assert_cmpfloat (y50, <, y0);
  g_assert_cmpfloat_with_epsilon (y50, (y0 + y100) / 2, 1.5);

  /* A lone series at 50 is drawn at 50 on the same 0..100 scale, not stretched to its data. */
  surface_alone = sd_test_render (draw_scores, &alone, &style, 600, 320, "scores-alone");
  y_alone = mean_row (surface_alone, x, &c_alone, &style);
  g_assert_cmpfloat_with_epsilon (y_alone, y50, 1.5);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface_alone);
}

static void
test_scores_gaps_and_average (void)
{
  gint64 overall[12], average[12];
  SdChartScoreSeries series[1] = { { "Overall", overall } };
  SdChartScores data = { month (2026, 1), 12, series, 1, average };
  SdChartStyle style;
  SdChartColor c0;
  cairo_surface_t *surface;
  double x3, x4, x5, x_avg;
  guint avg_pixels;

  for (guint i = 0; i < 12; i++)
    {
      overall[i] = 6000 + 300 * i;
      average[i] = 2000;
    }
  overall[5] = SD_CHART_SCORE_NONE;
  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  sd_chart_scores_series_color (&style, 0, &c0);

  surface = sd_test_render (draw_scores, &data, &style, 720, 320, "scores-gap");
  g_assert_true (sd_chart_scores_item_x (720, 320, &data, &style, 3, &x3));
  g_assert_true (sd_chart_scores_item_x (720, 320, &data, &style, 4, &x4));
  g_assert_true (sd_chart_scores_item_x (720, 320, &data, &style, 5, &x5));

  /* A line from April to May; none from May to June, where June has no score. */
  g_assert_cmpfloat (mean_row (surface, (x3 + x4) / 2, &c0, &style), >, 0);
  g_assert_cmpfloat (mean_row (surface, (x4 + x5) / 2, &c0, &style), <, 0);
  g_assert_cmpfloat (mean_row (surface, x5, &c0, &style), <, 0);

  /* The average is dashed: along its row, some but far from all pixels are its colour. */
  x_avg = mean_row (surface, (x3 + x4) / 2, &style.plan, &style);
  if (x_avg < 0)
    x_avg = mean_row (surface, (x3 + x4) / 2 + 4, &style.plan, &style);
  g_assert_cmpfloat (x_avg, >, 0);
  avg_pixels = sd_test_count_color (surface, x3, round (x_avg), x5, round (x_avg) + 1, &style.plan,
                                    &style);
  g_assert_cmpuint (avg_pixels, >, (x5 - x3) * 0.3);
  g_assert_cmpuint (avg_pixels, <, (x5 - x3) * 0.85);

  cairo_surface_destroy (surface);
}

static void
test_scores_hit_and_text (void)
{
  gint64 overall[3] = { 8750, 9000, SD_CHART_SCORE_NONE };
  gint64 greeting[3] = { 9000, SD_CHART_SCORE_NONE, 10000 };
  gint64 average[3] = { 8000, 8133, SD_CHART_SCORE_NONE };
  SdChartScoreSeries series[2] = { { "Overall", overall }, { "Greeting", greeting } };
  SdChartScores data = { month (2026, 3), 3, series, 2, average };
  SdChartScores no_series = { month (2026, 3), 3, NULL, 0, average };
  SdChartScores empty = { month (2026, 3), 0, NULL, 0, NULL };
  SdChartStyle en, ru;
  g_autofree char *march = sd_month_format_label (month (2026, 3));
  g_autofree char *april = sd_month_format_label (month (2026, 4));
  g_autofree char *may = sd_month_format_label (month (2026, 5));
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  double x;

  sd_chart_style_init_light (&en, SD_NUMBER_STYLE_EN);
  sd_chart_style_init_light (&ru, SD_NUMBER_STYLE_RU);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (sd_chart_scores_item_x (500, 300, &data, &en, i, &x));
      g_assert_cmpint (sd_chart_scores_hit (500, 300, &data, &en, x, 150), ==, (int) i);
    }
  g_assert_cmpint (sd_chart_scores_hit (500, 300, &data, &en, 1, 150), ==, -1);
  g_assert_cmpint (sd_chart_scores_hit (500, 300, &empty, &en, 250, 150), ==, -1);

  text = sd_chart_scores_tooltip (&data, &ru, 0);
  expected = g_strdup_printf ("%s: Overall 87,5, Greeting 90; department average 80", march);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_scores_tooltip (&data, &en, 1);
  expected = g_strdup_printf ("%s: Overall 90, Greeting no score; department average 81.3",
                              april);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_scores_tooltip (&no_series, &en, 2);
  expected = g_strdup_printf ("%s: department average no score", may);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_null (sd_chart_scores_tooltip (&data, &en, 3));

  text = sd_chart_scores_describe (&data, &en);
  expected = g_strdup_printf ("Scores by month, %s – %s: Overall 90 in %s; department average "
                              "81.3 in %s", march, may, april, april);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_scores_describe (&empty, &en);
  g_assert_cmpstr (text, ==, "Scores by month: no data");
}

static void
test_scores_many (void)
{
  static const char *names[10] = {
    "Overall", "Greeting", "Needs discovery", "Presentation", "Objections",
    "Closing", "Next step agreed", "Tone of voice", "Product knowledge", "CRM notes",
  };
  gint64 *values = g_new0 (gint64, 10 * 120);
  SdChartScoreSeries series[10];
  gint64 average[120];
  SdChartScores data = { month (2017, 1), 120, series, 10, average, TRUE, 70 };
  SdChartScores few = { month (2017, 1), 12, series, 10, average };
  SdChartScores one = { month (2026, 1), 1, series, 1, average };
  SdChartStyle style, dark;
  cairo_surface_t *surface;
  double x;

  for (guint k = 0; k < 10; k++)
    {
      series[k] = (SdChartScoreSeries) { names[k], values + 120 * k };
      for (guint i = 0; i < 120; i++)
        values[120 * k + i] = (i * 7 + k * 13) % 5 == 0 && k > 0 ? SD_CHART_SCORE_NONE
                              : (gint64) (5000 + 4000 * sin ((i + 9.0 * k) / 9.0));
    }
  for (guint i = 0; i < 120; i++)
    average[i] = 7000 + (i % 12) * 50;

  /* Ten distinct colours in each palette. */
  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  sd_chart_style_init_dark (&dark, SD_NUMBER_STYLE_RU);
  for (guint a = 0; a < SD_CHART_SCORES_N_COLORS; a++)
    for (guint b = a + 1; b < SD_CHART_SCORES_N_COLORS; b++)
      {
        SdChartColor ca, cb;

        sd_chart_scores_series_color (&style, a, &ca);
        sd_chart_scores_series_color (&style, b, &cb);
        g_assert_cmpint (sd_test_distance (sd_test_expected_rgb (&ca, &style.background),
                                           sd_test_expected_rgb (&cb, &style.background)), >, 40);
        g_assert_cmpfloat (sd_chart_color_contrast (&ca, &style.background), >=, 3.0);
        sd_chart_scores_series_color (&dark, a, &ca);
        sd_chart_scores_series_color (&dark, b, &cb);
        g_assert_cmpint (sd_test_distance (sd_test_expected_rgb (&ca, &dark.background),
                                           sd_test_expected_rgb (&cb, &dark.background)), >, 40);
        g_assert_cmpfloat (sd_chart_color_contrast (&ca, &dark.background), >=, 3.0);
      }

  surface = sd_test_render (draw_scores, &data, &style, 900, 400, "scores-120");
  g_assert_true (sd_chart_scores_item_x (900, 400, &data, &style, 119, &x));
  g_assert_cmpint (sd_chart_scores_hit (900, 400, &data, &style, x, 300), ==, 119);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_scores, &few, &style, 640, 360, "scores-10-series");
  cairo_surface_destroy (surface);
  surface = sd_test_render (draw_scores, &few, &dark, 640, 360, "scores-10-series-dark");
  cairo_surface_destroy (surface);
  surface = sd_test_render (draw_scores, &one, &style, 400, 260, "scores-one");
  g_assert_true (sd_chart_scores_item_x (400, 260, &one, &style, 0, &x));
  {
    SdChartColor c0;

    /* A lone score is a dot, not nothing. */
    sd_chart_scores_series_color (&style, 0, &c0);
    g_assert_cmpfloat (mean_row (surface, x, &c0, &style), >, 0);
  }
  cairo_surface_destroy (surface);

  g_free (values);
}

/* Pay curve */

/* Salary 40 K; commission 4 % of a 1 M plan's fact from 50 % (cliff: nothing below), KPI 5 K
 * from 80 %, over-plan 10 K from 120 %, a cap at 150 K. Points every 10 % plus the boundaries. */
static SdChartPayPoint *
pay_points (guint *n_points)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (SdChartPayPoint));
  static const gint64 extra[] = { 4999, 7999, 11999, 10400 };

  for (gint64 bp = 0; bp <= 20000; bp += 1000)
    {
      for (guint e = 0; e < G_N_ELEMENTS (extra); e++)
        {
          if (extra[e] > bp - 1000 && extra[e] < bp)
            {
              SdChartPayPoint p = { extra[e], 0, R (40000) };

              g_array_append_val (points, p);
            }
        }
      {
        SdChartPayPoint p = { bp, 0, R (40000) };

        g_array_append_val (points, p);
      }
    }

  for (guint i = 0; i < points->len; i++)
    {
      SdChartPayPoint *p = &g_array_index (points, SdChartPayPoint, i);
      SdMoney sum;

      p->commission = p->completion >= 5000 ? R (1000000) * p->completion / 10000 * 4 / 100 : 0;
      p->kpi = p->completion >= 8000 ? R (5000) : 0;
      p->overplan = p->completion >= 12000 ? R (10000) : 0;
      sum = p->salary + p->commission + p->kpi + p->overplan;
      p->cap_adjustment = sum > R (150000) ? R (150000) - sum : 0;
      p->total = sum + p->cap_adjustment;
    }

  *n_points = points->len;
  return (SdChartPayPoint *) g_array_free (points, FALSE);
}

static const SdChartPayWarning pay_warnings[] = {
  { 5000, SD_CHART_PAY_WARNING_CLIFF, NULL },
  { 12000, SD_CHART_PAY_WARNING_CAP, "The cap of 150,000 ₽ is reached at 120%" },
};

static void
test_pay_curve_pixels (void)
{
  guint n;
  g_autofree SdChartPayPoint *points = pay_points (&n);
  SdChartPayCurve data = { points, n, TRUE, pay_warnings, 1, "₽" };
  SdChartPayCurve total_only = { points, n, FALSE, NULL, 0, "₽" };
  SdChartStyle style;
  SdChartColor salary = hex (0x99c1f1), commission = hex (0x8ff0a4);
  cairo_surface_t *surface;
  double x0, x100, x200, x80, x120, px, py, py_top;
  int i_30 = -1, i_100 = -1, i_cliff = -1;

  for (guint i = 0; i < n; i++)
    {
      if (points[i].completion == 3000)
        i_30 = (int) i;
      if (points[i].completion == 10000)
        i_100 = (int) i;
      if (points[i].completion == 5000)
        i_cliff = (int) i;
    }
  g_assert_cmpint (i_30, >=, 0);
  g_assert_cmpint (i_100, >=, 0);
  g_assert_cmpint (i_cliff, >=, 0);

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_pay_curve, &data, &style, 640, 360, "pay-curve-light");

  /* 0 %, 100 % and 200 % sit on a linear axis; the 100 % marker is a solid 2-unit line there,
   * 80 % and 120 % dashed. */
  g_assert_true (sd_chart_pay_curve_completion_x (640, 360, &data, &style, 0, &x0));
  g_assert_true (sd_chart_pay_curve_completion_x (640, 360, &data, &style, 10000, &x100));
  g_assert_true (sd_chart_pay_curve_completion_x (640, 360, &data, &style, 20000, &x200));
  g_assert_true (sd_chart_pay_curve_completion_x (640, 360, &data, &style, 8000, &x80));
  g_assert_true (sd_chart_pay_curve_completion_x (640, 360, &data, &style, 12000, &x120));
  g_assert_cmpfloat_with_epsilon (x100, (x0 + x200) / 2, 0.01);
  g_assert_cmpfloat (x0, <, 100);
  g_assert_cmpfloat (x200, >, 540);
  g_assert_cmpuint (sd_test_count_color (surface, round (x100) - 1, 0, round (x100) + 1, 360,
                                         &style.muted_text, &style), >, 2 * 150);
  g_assert_cmpuint (sd_test_count_color (surface, round (x80), 0, round (x80) + 1, 360, &style.axis,
                                         &style), >, 60);
  g_assert_cmpuint (sd_test_count_color (surface, round (x80), 0, round (x80) + 1, 360, &style.axis,
                                         &style), <, 250);

  /* At 30 %: salary band below the line, and nothing of commission yet. */
  g_assert_true (sd_chart_pay_curve_item_point (640, 360, &data, &style, i_30, &px, &py));
  assert_pixel (surface, px, round (py), &style.plan, &style);
  assert_pixel (surface, px, py + 15, &salary, &style);
  g_assert_cmpuint (sd_test_count_color (surface, px - 1, 0, px + 1, 360, &commission,
                                         &style), ==, 0);
  /* At 100 %: 40 K salary, 40 K commission, 5 K KPI: the green band takes the middle. */
  g_assert_true (sd_chart_pay_curve_item_point (640, 360, &data, &style, i_100, &px, &py));
  g_assert_true (sd_chart_pay_curve_item_point (640, 360, &data, &style, i_30, &x0, &py_top));
  assert_pixel (surface, px + 6, py_top - (py_top - py) * 0.45, &commission, &style);

  /* The cliff: a red dot on the curve and a sign above it. */
  g_assert_true (sd_chart_pay_curve_item_point (640, 360, &data, &style, i_cliff, &px, &py));
  assert_pixel (surface, px, py, &style.negative, &style);
  g_assert_cmpuint (sd_test_count_color (surface, px - 5, 0, px + 5, py - 10, &style.negative, &style),
                    >, 10);
  cairo_surface_destroy (surface);

  /* Without parts, just the total: no bands. */
  surface = sd_test_render (draw_pay_curve, &total_only, &style, 640, 360, "pay-curve-total");
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 360, &salary, &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 640, 360, &style.plan, &style), >, 300);
  cairo_surface_destroy (surface);
}

/* Each kind of warning has its own sign: the cliff's and the cap's differ at the same place. */
static void
test_pay_curve_warning_kinds (void)
{
  guint n;
  g_autofree SdChartPayPoint *points = pay_points (&n);
  SdChartPayWarning kinds[3] = {
    { 10000, SD_CHART_PAY_WARNING_CLIFF, NULL },
    { 10000, SD_CHART_PAY_WARNING_FLAT, NULL },
    { 10000, SD_CHART_PAY_WARNING_CAP, NULL },
  };
  cairo_surface_t *surfaces[3];
  SdChartStyle style;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  for (guint k = 0; k < 3; k++)
    {
      SdChartPayCurve data = { points, n, TRUE, &kinds[k], 1, "₽" };
      g_autofree char *name = g_strdup_printf ("pay-curve-warning-%u", k);

      surfaces[k] = sd_test_render (draw_pay_curve, &data, &style, 640, 360, name);
    }
  g_assert_true (surfaces_differ (surfaces[0], surfaces[1]));
  g_assert_true (surfaces_differ (surfaces[0], surfaces[2]));
  g_assert_true (surfaces_differ (surfaces[1], surfaces[2]));
  for (guint k = 0; k < 3; k++)
    cairo_surface_destroy (surfaces[k]);
}

static void
test_pay_curve_hit_and_text (void)
{
  guint n;
  g_autofree SdChartPayPoint *points = pay_points (&n);
  SdChartPayCurve data = { points, n, TRUE, pay_warnings, 2, "₽" };
  SdChartPayCurve bare = { points, n, FALSE, NULL, 0, "₽" };
  SdChartPayCurve empty = { NULL, 0, TRUE, NULL, 0, "₽" };
  SdChartStyle en, ru;
  g_autofree char *text = NULL;
  double px, py;
  int i_104 = -1, i_0 = 0, i_cliff = -1, i_120 = -1, i_200 = (int) n - 1;

  for (guint i = 0; i < n; i++)
    {
      if (points[i].completion == 10400)
        i_104 = (int) i;
      if (points[i].completion == 5000)
        i_cliff = (int) i;
      if (points[i].completion == 12000)
        i_120 = (int) i;
    }
  sd_chart_style_init_light (&en, SD_NUMBER_STYLE_EN);
  sd_chart_style_init_light (&ru, SD_NUMBER_STYLE_RU);

  /* Every point is found at its own x, also the boundary one 0.01 % away from its neighbour
   * when the pointer is exactly on it. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (sd_chart_pay_curve_item_point (640, 360, &data, &en, i, &px, &py));
      if (i > 0 && points[i].completion - points[i - 1].completion < 10)
        continue;
      g_assert_cmpint (sd_chart_pay_curve_hit (640, 360, &data, &en, px, py), ==, (int) i);
    }
  g_assert_cmpint (sd_chart_pay_curve_hit (640, 360, &data, &en, 1, 1), ==, -1);
  g_assert_cmpint (sd_chart_pay_curve_hit (640, 360, &empty, &en, 320, 180), ==, -1);
  g_assert_false (sd_chart_pay_curve_item_point (640, 360, &data, &en, n, &px, &py));

  /* 104 %: 40 000 + 41 600 + 5 000. */
  text = sd_chart_pay_curve_tooltip (&data, &ru, i_104);
  g_assert_cmpstr (text, ==, "At 104" NBSP "%: pay 86" NNBSP "600" RUB " (salary 40" NNBSP "000"
                   RUB ", commission 41" NNBSP "600" RUB ", KPI 5" NNBSP "000" RUB ")");
  g_clear_pointer (&text, g_free);

  text = sd_chart_pay_curve_tooltip (&data, &en, i_0);
  g_assert_cmpstr (text, ==, "At 0%: pay 40,000" RUB " (salary 40,000" RUB ")");
  g_clear_pointer (&text, g_free);

  text = sd_chart_pay_curve_tooltip (&data, &en, i_cliff);
  g_assert_cmpstr (text, ==, "At 50%: pay 60,000" RUB " (salary 40,000" RUB ", commission 20,000"
                   RUB "); pay jumps here");
  g_clear_pointer (&text, g_free);

  /* 120 %: 40 + 48 + 5 + 10 = 103 K, under the cap; the given warning text is used. */
  text = sd_chart_pay_curve_tooltip (&data, &en, i_120);
  g_assert_cmpstr (text, ==, "At 120%: pay 103,000" RUB " (salary 40,000" RUB ", commission "
                   "48,000" RUB ", KPI 5,000" RUB ", over-plan 10,000" RUB "); The cap of "
                   "150,000 ₽ is reached at 120%");
  g_clear_pointer (&text, g_free);

  /* 200 %: 40 + 80 + 5 + 10 = 135 K. */
  text = sd_chart_pay_curve_tooltip (&bare, &en, i_200);
  g_assert_cmpstr (text, ==, "At 200%: pay 135,000" RUB);
  g_clear_pointer (&text, g_free);
  g_assert_null (sd_chart_pay_curve_tooltip (&data, &en, n));

  text = sd_chart_pay_curve_describe (&data, &en);
  g_assert_cmpstr (text, ==, "Pay against plan completion: 40K" RUB " at 0%, 85K" RUB " at 100%, "
                   "135K" RUB " at 200%; 2 warnings");
  g_clear_pointer (&text, g_free);
  text = sd_chart_pay_curve_describe (&empty, &en);
  g_assert_cmpstr (text, ==, "Pay against plan completion: no data");
}

static void
test_pay_curve_edge_cases (void)
{
  SdChartPayPoint one[1] = { { 10000, R (50000), R (50000) } };
  SdChartPayPoint negative[3] = {
    { 0, -R (20000), 0, 0, 0, 0, 0 },          /* a penalty below the gate */
    { 10000, 0 },
    { 25000, R (30000), 0, R (30000) },        /* beyond 200 %: the axis grows */
  };
  SdChartPayPoint zeros[2] = { { 0, 0 }, { 20000, 0 } };
  SdChartPayCurve empty = { NULL, 0, TRUE, NULL, 0, "₽" };
  SdChartPayCurve single = { one, 1, TRUE, NULL, 0, "₽" };
  SdChartPayCurve neg = { negative, 3, TRUE, NULL, 0, "₽", TRUE, 1 };
  SdChartPayCurve zero = { zeros, 2, FALSE, NULL, 0, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  double x100, x250, px, py;
  g_autofree char *text = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);

  surface = sd_test_render (draw_pay_curve, &empty, &style, 500, 300, "pay-curve-empty");
  assert_no_data (surface, &style);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_pay_curve, &single, &style, 500, 300, "pay-curve-one");
  g_assert_true (sd_chart_pay_curve_item_point (500, 300, &single, &style, 0, &px, &py));
  assert_pixel (surface, px, py, &style.plan, &style);
  g_assert_cmpint (sd_chart_pay_curve_hit (500, 300, &single, &style, px + 40, py), ==, 0);
  cairo_surface_destroy (surface);
  text = sd_chart_pay_curve_describe (&single, &style);
  g_assert_cmpstr (text, ==, "Pay against plan completion: 50K" RUB " at 100" NBSP "%");

  surface = sd_test_render (draw_pay_curve, &neg, &style, 500, 300, "pay-curve-negative");
  g_assert_true (sd_chart_pay_curve_completion_x (500, 300, &neg, &style, 10000, &x100));
  g_assert_true (sd_chart_pay_curve_completion_x (500, 300, &neg, &style, 25000, &x250));
  g_assert_cmpfloat (x250, >, x100);
  g_assert_cmpfloat (x250, <=, 500);
  g_assert_true (sd_chart_pay_curve_item_point (500, 300, &neg, &style, 0, &px, &py));
  g_assert_true (sd_chart_pay_curve_item_point (500, 300, &neg, &style, 1, &x100, &x250));
  g_assert_cmpfloat (py, >, x250);   /* the penalty is below the zero point */
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_pay_curve, &zero, &style, 500, 300, "pay-curve-zero");
  cairo_surface_destroy (surface);
}

/* All */

static void
test_light_and_dark_differ (void)
{
  guint n;
  g_autofree SdChartPayPoint *points = pay_points (&n);
  g_autofree SdChartPaybackMonth *pm = payback_months (12);
  gint64 overall[3] = { 8750, 9000, 7000 };
  SdChartScoreSeries series[1] = { { "Overall", overall } };
  SdChartPayCurve pay = { points, n, TRUE, pay_warnings, 2, "₽" };
  SdChartCapacity capacity = { month (2026, 3), 3, capacity_months, "₽" };
  SdChartPayback payback = { month (2026, 1), 12, pm, "₽", TRUE, 6 };
  SdChartScores scores = { month (2026, 3), 3, series, 1, overall };
  struct {
    SdTestDrawFunc      draw;
    gconstpointer data;
    const char   *name;
  } charts[] = {
    { draw_pay_curve, &pay, "pay-curve" },
    { draw_capacity, &capacity, "capacity" },
    { draw_payback, &payback, "payback" },
    { draw_scores, &scores, "scores" },
  };
  SdChartStyle light, dark;

  sd_chart_style_init_light (&light, SD_NUMBER_STYLE_RU);
  sd_chart_style_init_dark (&dark, SD_NUMBER_STYLE_RU);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-dark", charts[i].name);
      cairo_surface_t *a = sd_test_render (charts[i].draw, charts[i].data, &light, 640, 360, NULL);
      cairo_surface_t *b = sd_test_render (charts[i].draw, charts[i].data, &dark, 640, 360, name);

      g_assert_true (sd_test_pixel_is (a, 1, 1, &light.background, &light));
      g_assert_true (sd_test_pixel_is (b, 1, 1, &dark.background, &dark));
      g_assert_true (surfaces_differ (a, b));
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Any size, any data: never a cairo error, never a warning (warnings are fatal here). */
static void
test_any_size (void)
{
  guint n;
  g_autofree SdChartPayPoint *points = pay_points (&n);
  g_autofree SdChartPaybackMonth *pm = payback_months (12);
  gint64 overall[3] = { 8750, SD_CHART_SCORE_NONE, 7000 };
  SdChartScoreSeries series[1] = { { NULL, overall } };
  SdChartPayCurve pay = { points, n, TRUE, pay_warnings, 2, "₽", TRUE, 3 };
  SdChartCapacity capacity = { month (2026, 3), 3, capacity_months, "₽", TRUE, 1 };
  SdChartPayback payback = { month (2026, 1), 12, pm, "₽", TRUE, 6, TRUE, 2 };
  SdChartScores scores = { month (2026, 3), 3, series, 1, overall, TRUE, 0 };
  static const int sizes[][2] = {
    { 0, 0 }, { 1, 1 }, { 5, 300 }, { 300, 5 }, { 40, 30 }, { 80, 60 }, { 160, 90 },
    { 200, 120 }, { 320, 200 }, { 1920, 1080 },
  };
  SdChartStyle style;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];

      cairo_surface_destroy (sd_test_render (draw_pay_curve, &pay, &style, w, h, NULL));
      cairo_surface_destroy (sd_test_render (draw_capacity, &capacity, &style, w, h, NULL));
      cairo_surface_destroy (sd_test_render (draw_payback, &payback, &style, w, h, NULL));
      cairo_surface_destroy (sd_test_render (draw_scores, &scores, &style, w, h, NULL));
      sd_chart_pay_curve_hit (w, h, &pay, &style, w / 2.0, h / 2.0);
      sd_chart_capacity_hit (w, h, &capacity, &style, w / 2.0, h / 2.0);
      sd_chart_payback_hit (w, h, &payback, &style, w / 2.0, h / 2.0);
      sd_chart_scores_hit (w, h, &scores, &style, w / 2.0, h / 2.0);
    }
}

/* fontconfig keeps its configuration: pango never calls FcFini (). */
SD_TEST_LSAN_IGNORE_FONTCONFIG

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Month names follow LC_TIME (checked against sd_month_format_label); messages stay English
   * and no number comes from LC_NUMERIC. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  sd_test_chart_dir = sd_test_make_dir ("sd-charts-more-XXXXXX");

  g_test_add_func ("/charts/capacity/gap-is-plan-above-all-capacity", test_capacity_gap_value);
  g_test_add_func ("/charts/capacity/bars-hires-and-shaded-gap", test_capacity_pixels);
  g_test_add_func ("/charts/capacity/hit-tooltip-describe", test_capacity_hit_and_text);
  g_test_add_func ("/charts/capacity/empty-one-120-negative", test_capacity_edge_cases);
  g_test_add_func ("/charts/payback/find-first-month-revenue-covers-cost", test_payback_find);
  g_test_add_func ("/charts/payback/marker-column-and-net-shading", test_payback_pixels);
  g_test_add_func ("/charts/payback/hit-tooltip-describe", test_payback_hit_and_text);
  g_test_add_func ("/charts/payback/empty-one-120-negative", test_payback_edge_cases);
  g_test_add_func ("/charts/scores/format-one-decimal", test_format_score);
  g_test_add_func ("/charts/scores/fixed-0-to-100-scale", test_scores_fixed_scale);
  g_test_add_func ("/charts/scores/missing-month-is-a-gap-average-dashed",
                   test_scores_gaps_and_average);
  g_test_add_func ("/charts/scores/hit-tooltip-describe", test_scores_hit_and_text);
  g_test_add_func ("/charts/scores/ten-series-120-months-one-month", test_scores_many);
  g_test_add_func ("/charts/pay-curve/markers-bands-and-warning-where-expected",
                   test_pay_curve_pixels);
  g_test_add_func ("/charts/pay-curve/warning-kinds-look-different", test_pay_curve_warning_kinds);
  g_test_add_func ("/charts/pay-curve/hit-tooltip-describe", test_pay_curve_hit_and_text);
  g_test_add_func ("/charts/pay-curve/empty-one-negative-zero", test_pay_curve_edge_cases);
  g_test_add_func ("/charts/all/light-and-dark-differ", test_light_and_dark_differ);
  g_test_add_func ("/charts/all/any-size-any-data", test_any_size);

  status = g_test_run ();

  sd_test_remove_tree (sd_test_chart_dir);
  g_clear_pointer (&sd_test_chart_dir, g_free);

  /* Let go of the process-wide font caches, so that the leak checker sees only our memory. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();

  return status;
}
