/* test-charts.c — chart scales, labels, and pixels of the drawn charts
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is drawn on an image surface and checked by reading pixels back. The PNGs go to
 * the test's temporary directory and, when SD_CHART_PNG_DIR is set, there too for people to
 * look at.
 */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-chart.h"
#include "sd-chart-funnel.h"
#include "sd-chart-growth.h"
#include "sd-chart-plan-fact.h"
#include "sd-chart-ranking.h"
#include "sd-test-charts.h"
#include "sd-test-util.h"

/* Surfaces and pixels */

static void
draw_plan_fact (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_plan_fact (cr, w, h, data, style);
}

static void
draw_growth (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_growth (cr, w, h, data, style);
}

static void
draw_ranking (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_ranking (cr, w, h, data, style);
}

static void
draw_funnel (cairo_t *cr, int w, int h, gconstpointer data, const SdChartStyle *style)
{
  sd_chart_draw_funnel (cr, w, h, data, style);
}

/* Pixels much nearer `color` than the background: antialiased text rarely hits its colour. */
static guint
count_inked (cairo_surface_t    *surface,
             int                 x0,
             int                 y0,
             int                 x1,
             int                 y1,
             const SdChartColor *color,
             const SdChartStyle *style)
{
  SdTestRgb ink = sd_test_expected_rgb (color, &style->background);
  SdTestRgb paper = sd_test_expected_rgb (&style->background, &style->background);
  int contrast = sd_test_distance (ink, paper);
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      if (sd_test_distance (sd_test_pixel (surface, x, y), ink) * 3 < contrast)
        n++;

  return n;
}

/* Test data */

static SdMonth
month (int year,
       int m)
{
  return sd_month_make (year, m);
}

/* Twelve months from March 2025 with fact 6 M ₽ in month 3, 12 M ₽ in month 7, −2 M ₽ in
 * month 5, a plan of 9 M ₽ in month 3, and a forecast in the last month. */
static SdChartPlanFactMonth *
known_months (void)
{
  static const gint64 plan[12] = { 10, 10, 11, 9, 11, 11, 12, 14, 13, 12, 13, 14 };
  static const gint64 fact[12] = { 9, 11, 10, 6, 10, -2, 11, 12, 12, 11, 14, 8 };
  SdChartPlanFactMonth *months = g_new0 (SdChartPlanFactMonth, 12);

  for (guint i = 0; i < 12; i++)
    {
      months[i].plan = R (plan[i] * 1000000);
      months[i].fact = R (fact[i] * 1000000);
      months[i].has_plan = TRUE;
      months[i].has_fact = TRUE;
    }
  months[11].has_forecast = TRUE;
  months[11].forecast_low = R (11000000);
  months[11].forecast_high = R (15500000);

  return months;
}

static SdChartPlanFactMonth *
wavy_months (guint n)
{
  SdChartPlanFactMonth *months = g_new0 (SdChartPlanFactMonth, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      double season = 1.0 + 0.25 * sin (i * G_PI / 6.0) + 0.004 * i;

      months[i].plan = (SdMoney) (season * 1.2e9);
      months[i].fact = (SdMoney) (season * (1.1e9 + 1.5e8 * cos (i * 0.9)));
      months[i].has_plan = TRUE;
      months[i].has_fact = TRUE;
    }

  return months;
}

/* Luminance and contrast */

static void
test_style_contrast (void)
{
  SdChartStyle light, dark;
  const SdChartStyle *styles[] = { &light, &dark };

  sd_chart_style_init_light (&light, SD_NUMBER_STYLE_RU);
  sd_chart_style_init_dark (&dark, SD_NUMBER_STYLE_RU);

  g_assert_cmpfloat_with_epsilon (sd_chart_color_contrast (&(SdChartColor) { 0, 0, 0, 1 },
                                                           &(SdChartColor) { 1, 1, 1, 1 }),
                                  21.0, 1e-9);
  g_assert_cmpfloat (sd_chart_color_luminance (&dark.background), <,
                     sd_chart_color_luminance (&light.background) - 0.5);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      const SdChartStyle *s = styles[i];

      /* Text: WCAG AA for body text. */
      g_assert_cmpfloat (sd_chart_color_contrast (&s->text, &s->background), >=, 4.5);
      g_assert_cmpfloat (sd_chart_color_contrast (&s->muted_text, &s->background), >=, 4.5);
      /* Marks: WCAG 1.4.11 for graphics. */
      g_assert_cmpfloat (sd_chart_color_contrast (&s->fact, &s->background), >=, 3.0);
      g_assert_cmpfloat (sd_chart_color_contrast (&s->plan, &s->background), >=, 3.0);
      g_assert_cmpfloat (sd_chart_color_contrast (&s->positive, &s->background), >=, 3.0);
      g_assert_cmpfloat (sd_chart_color_contrast (&s->negative, &s->background), >=, 3.0);
      g_assert_cmpfloat (sd_chart_color_contrast (&s->highlight, &s->background), >=, 3.0);
      /* The plan line must stand out against the fact bars it crosses. */
      g_assert_cmpfloat (sd_chart_color_contrast (&s->plan, &s->fact), >=, 2.0);
      /* The grid is a hint, not a mark: fainter than the zero line. */
      g_assert_cmpfloat (sd_chart_color_contrast (&s->grid, &s->background), <,
                         sd_chart_color_contrast (&s->axis, &s->background));
      g_assert_cmpfloat (s->forecast.alpha, >, 0.0);
      g_assert_cmpfloat (s->forecast.alpha, <, 1.0);
    }
}

static void
test_style_dark_background_differs (void)
{
  g_autofree SdChartPlanFactMonth *months = known_months ();
  SdChartPlanFact data = { month (2025, 3), 12, months, "₽" };
  SdChartStyle light, dark;
  cairo_surface_t *a, *b;
  SdTestRgb bg_light, bg_dark;

  sd_chart_style_init_light (&light, SD_NUMBER_STYLE_EN);
  sd_chart_style_init_dark (&dark, SD_NUMBER_STYLE_EN);
  a = sd_test_render (draw_plan_fact, &data, &light, 800, 400, "plan-fact-light");
  b = sd_test_render (draw_plan_fact, &data, &dark, 800, 400, "plan-fact-dark");

  bg_light = sd_test_pixel (a, 2, 2);
  bg_dark = sd_test_pixel (b, 2, 2);
  g_assert_cmpint (sd_test_distance (bg_light,
                                     sd_test_expected_rgb (&light.background, &light.background)), <=, 1);
  g_assert_cmpint (sd_test_distance (bg_dark,
                                     sd_test_expected_rgb (&dark.background, &dark.background)), <=, 1);
  g_assert_cmpint (sd_test_distance (bg_light, bg_dark), >, 128);

  /* The dark chart has its bars, and its light text. */
  g_assert_cmpuint (sd_test_count_color (b, 0, 0, 800, 400, &dark.fact, &dark), >, 500);
  g_assert_cmpuint (count_inked (b, 0, 0, 800, 400, &dark.text, &dark), >, 100);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Scales */

typedef struct {
  gint64 min, max;
  guint  max_ticks;
  gint64 lo, hi, step;
  guint  n_ticks;
} ScaleCase;

static void
test_scale_table (void)
{
  static const ScaleCase cases[] = {
    /* all zero: a unit scale */
    { 0, 0, 6, 0, 1, 1, 2 },
    { 0, 95, 6, 0, 100, 20, 6 },
    { 0, 100, 6, 0, 100, 20, 6 },
    { 0, 101, 6, 0, 150, 50, 4 },
    /* spanning zero: 0 is a tick */
    { -35, 120, 6, -50, 150, 50, 5 },
    { -1500000, -200, 5, -1500000, 0, 500000, 4 },
    /* a single value is measured from zero */
    { 1234, 1234, 6, 0, 1500, 500, 4 },
    { -7, -7, 6, -8, 0, 2, 5 },
    /* 10 years × 10⁹ ₽ a month and more */
    { 0, G_GINT64_CONSTANT (9876543210987), 6, 0, G_GINT64_CONSTANT (10000000000000),
      G_GINT64_CONSTANT (2000000000000), 6 },
    /* beyond ±10¹⁸ clamps */
    { G_MININT64, G_MAXINT64, 6, G_GINT64_CONSTANT (-1000000000000000000),
      G_GINT64_CONSTANT (1000000000000000000), G_GINT64_CONSTANT (500000000000000000), 5 },
    /* swapped bounds */
    { 100, 0, 6, 0, 100, 20, 6 },
    /* fewer than two ticks asked: two, or three across zero */
    { 0, 7, 1, 0, 10, 10, 2 },
    { -7, 7, 1, -10, 10, 10, 3 },
    { 3, 97, 11, 0, 100, 10, 11 },
    /* not spanning zero: zero is not forced in */
    { 1012, 1097, 6, 1000, 1100, 20, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ScaleCase *c = &cases[i];
      SdChartScale s = sd_chart_scale_nice (c->min, c->max, c->max_ticks);

      g_test_message ("case %u: %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, i, c->min, c->max);
      g_assert_cmpint (s.lo, ==, c->lo);
      g_assert_cmpint (s.hi, ==, c->hi);
      g_assert_cmpint (s.step, ==, c->step);
      g_assert_cmpuint (s.n_ticks, ==, c->n_ticks);
    }
}

static gboolean
is_nice_step (gint64 step)
{
  while (step >= 10 && step % 10 == 0)
    step /= 10;
  return step == 1 || step == 2 || step == 5;
}

/* 10 → 5, 20 → 10, 50 → 20: the nice step just below. */
static gint64
finer_step (gint64 step)
{
  gint64 mantissa = step, power = 1;

  while (mantissa >= 10)
    {
      mantissa /= 10;
      power *= 10;
    }
  return mantissa == 5 ? 2 * power : mantissa == 2 ? power : power / 2;
}

static void
test_scale_properties (void)
{
  static const gint64 bounds[] = {
    0, 1, -1, 7, -7, 99, 100, 101, -250, 999, 1000, 123456, -987654, 4000000, 12000000,
    -150000000, G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (-31415926535897),
  };

  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bounds); j++)
      for (guint ticks = 2; ticks <= 10; ticks++)
        {
          gint64 min = MIN (bounds[i], bounds[j]), max = MAX (bounds[i], bounds[j]);
          SdChartScale s = sd_chart_scale_nice (min, max, ticks);

          g_assert_true (is_nice_step (s.step));
          g_assert_cmpint (s.lo % s.step, ==, 0);
          g_assert_cmpint (s.hi % s.step, ==, 0);
          g_assert_cmpint (s.lo, <=, min);
          g_assert_cmpint (s.hi, >=, max);
          g_assert_cmpint (s.lo, <, s.hi);
          g_assert_cmpuint (s.n_ticks, ==, (guint) ((s.hi - s.lo) / s.step) + 1);
          g_assert_cmpuint (s.n_ticks, <=, MAX (ticks, min < 0 && max > 0 ? 3 : 2));
          g_assert_cmpuint (s.n_ticks, >=, 2);
          if (min <= 0 && max >= 0)
            g_assert_true (s.lo <= 0 && s.hi >= 0);
          /* The finest step that fits: the next finer one would need too many ticks. */
          if (s.step > 1 && min != max)
            {
              gint64 finer = finer_step (s.step);
              gint64 lo = min >= 0 ? min / finer * finer : -((-min + finer - 1) / finer) * finer;
              gint64 hi = max >= 0 ? (max + finer - 1) / finer * finer : -((-max) / finer) * finer;

              g_assert_cmpint ((hi - lo) / finer + 1, >, MAX (ticks, min < 0 && max > 0 ? 3 : 2));
            }
        }
}

/* Number labels */

typedef struct {
  SdMoney     value;
  const char *symbol;
  const char *expected;
} MoneyCase;

static void
check_money_short (const MoneyCase *cases,
                   guint            n,
                   SdNumberStyle    style)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = sd_chart_format_money_short (cases[i].value, style, cases[i].symbol);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_money_short_en (void)
{
  static const MoneyCase cases[] = {
    { 0, "₽", "0" RUB },
    { R (1200000), "₽", "1.2M" RUB },
    { R (850000), "₽", "850K" RUB },
    { R (3000000000), "₽", "3B" RUB },
    { R (-1500000), "₽", MINUS "1.5M" RUB },
    { R (999960), "₽", "1M" RUB },           /* not "1,000K" */
    { R (999400), "₽", "999K" RUB },
    { R (12345), "₽", "12.3K" RUB },
    { R (1254000000), "₽", "1.3B" RUB },
    { R (125400000), "₽", "125M" RUB },      /* no decimal above 100 units */
    { R (999), "₽", "999" RUB },
    { 50, "₽", "1" RUB },                    /* half a ruble rounds away from zero */
    { 49, "₽", "0" RUB },
    { -49, "₽", "0" RUB },                   /* never "−0" */
    { R (1200000), NULL, "1.2M" },
    { R (2000000000000), "$", "2T" NBSP "$" },
    { G_MAXINT64, "₽", "92,234T" RUB },
    { G_MININT64, "₽", MINUS "92,234T" RUB },
  };

  check_money_short (cases, G_N_ELEMENTS (cases), SD_NUMBER_STYLE_EN);
}

/* A GNU .mo file with the given translations, so the Russian suffixes come through gettext as
 * they will from po/ru.po. */
static void
write_mo (const char         *path,
          const char * const *pairs,
          guint               n_pairs)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GString) strings = g_string_new (NULL);
  guint32 header[7];
  guint32 *table;
  guint32 base = sizeof header + 16 * n_pairs;
  g_autoptr(GError) error = NULL;

  table = g_new0 (guint32, 4 * n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    {
      table[2 * i] = (guint32) strlen (pairs[2 * i]);
      table[2 * i + 1] = base + (guint32) strings->len;
      g_string_append_len (strings, pairs[2 * i], strlen (pairs[2 * i]) + 1);
    }
  for (guint i = 0; i < n_pairs; i++)
    {
      table[2 * n_pairs + 2 * i] = (guint32) strlen (pairs[2 * i + 1]);
      table[2 * n_pairs + 2 * i + 1] = base + (guint32) strings->len;
      g_string_append_len (strings, pairs[2 * i + 1], strlen (pairs[2 * i + 1]) + 1);
    }

  header[0] = 0x950412de;
  header[1] = 0;
  header[2] = n_pairs;
  header[3] = sizeof header;
  header[4] = sizeof header + 8 * n_pairs;
  header[5] = 0;
  header[6] = base;
  g_byte_array_append (out, (const guint8 *) header, sizeof header);
  g_byte_array_append (out, (const guint8 *) table, 16 * n_pairs);
  g_byte_array_append (out, (const guint8 *) strings->str, strings->len);
  g_free (table);

  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
}

static void
test_format_money_short_ru (void)
{
  /* Sorted by msgid, as the format requires; "" is the header. */
  static const char * const translations[] = {
    "", "Content-Type: text/plain; charset=UTF-8\n",
    "%sB", "%s" NBSP "млрд",
    "%sK", "%s" NBSP "тыс",
    "%sM", "%s" NBSP "млн",
    "%sT", "%s" NBSP "трлн",
  };
  static const MoneyCase cases[] = {
    { R (1200000), "₽", "1,2" NBSP "млн" RUB },
    { R (850000), "₽", "850" NBSP "тыс" RUB },
    { R (3000000000), "₽", "3" NBSP "млрд" RUB },
    { 0, "₽", "0" RUB },
    { R (-1500000), "₽", MINUS "1,5" NBSP "млн" RUB },
    { R (12345), "₽", "12,3" NBSP "тыс" RUB },
    { R (999), "₽", "999" RUB },
    { G_MAXINT64, "₽", "92" NNBSP "234" NBSP "трлн" RUB },
  };
  g_autofree char *locale_dir = g_build_filename (sd_test_chart_dir, "locale", NULL);
  g_autofree char *mo_dir = g_build_filename (locale_dir, "ru", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *saved = NULL;

  if (setlocale (LC_MESSAGES, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("the ru_RU.UTF-8 locale is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0755), ==, 0);
  write_mo (mo, translations, G_N_ELEMENTS (translations) / 2);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  check_money_short (cases, G_N_ELEMENTS (cases), SD_NUMBER_STYLE_RU);

  /* The number style alone decides the separator: English words, Russian numbers. */
  setlocale (LC_MESSAGES, "C");
  {
    g_autofree char *text = sd_chart_format_money_short (R (1200000), SD_NUMBER_STYLE_RU, "₽");

    g_assert_cmpstr (text, ==, "1,2M" RUB);
  }
}

static void
test_format_money_exact (void)
{
  static const struct {
    SdMoney       value;
    SdNumberStyle style;
    const char   *expected;
  } cases[] = {
    { 1125040050, SD_NUMBER_STYLE_EN, "11,250,400.50" RUB },
    { 1125040050, SD_NUMBER_STYLE_RU, "11" NNBSP "250" NNBSP "400,50" RUB },
    { R (12000000), SD_NUMBER_STYLE_EN, "12,000,000" RUB },
    { R (12000000), SD_NUMBER_STYLE_RU, "12" NNBSP "000" NNBSP "000" RUB },
    { -5, SD_NUMBER_STYLE_EN, MINUS "0.05" RUB },
    { 0, SD_NUMBER_STYLE_RU, "0" RUB },
    { G_MININT64, SD_NUMBER_STYLE_EN, MINUS "92,233,720,368,547,758.08" RUB },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sd_chart_format_money_exact (cases[i].value, cases[i].style, "₽");

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_percent (void)
{
  static const struct {
    gint64        bp;
    SdNumberStyle style;
    gboolean      plus;
    const char   *expected;
  } cases[] = {
    { 9375, SD_NUMBER_STYLE_RU, FALSE, "93,8" NBSP "%" },   /* 93.75 rounds up */
    { 9375, SD_NUMBER_STYLE_EN, FALSE, "93.8%" },
    { 9374, SD_NUMBER_STYLE_EN, FALSE, "93.7%" },
    { -300, SD_NUMBER_STYLE_EN, FALSE, MINUS "3.0%" },
    { -300, SD_NUMBER_STYLE_RU, TRUE, MINUS "3,0" NBSP "%" },
    { 1250, SD_NUMBER_STYLE_EN, TRUE, "+12.5%" },
    { 1250, SD_NUMBER_STYLE_RU, TRUE, "+12,5" NBSP "%" },
    { 0, SD_NUMBER_STYLE_EN, TRUE, "0.0%" },
    { 5, SD_NUMBER_STYLE_EN, TRUE, "+0.1%" },
    { 4, SD_NUMBER_STYLE_EN, TRUE, "0.0%" },
    { -4, SD_NUMBER_STYLE_EN, FALSE, "0.0%" },
    { 1234567, SD_NUMBER_STYLE_EN, FALSE, "12,345.7%" },
    { 1234567, SD_NUMBER_STYLE_RU, FALSE, "12" NNBSP "345,7" NBSP "%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sd_chart_format_percent (cases[i].bp, cases[i].style, cases[i].plus);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_count (void)
{
  g_autofree char *en = sd_chart_format_count (1200, SD_NUMBER_STYLE_EN);
  g_autofree char *ru = sd_chart_format_count (1234567, SD_NUMBER_STYLE_RU);
  g_autofree char *small = sd_chart_format_count (999, SD_NUMBER_STYLE_RU);
  g_autofree char *negative = sd_chart_format_count (-5, SD_NUMBER_STYLE_EN);

  g_assert_cmpstr (en, ==, "1,200");
  g_assert_cmpstr (ru, ==, "1" NNBSP "234" NNBSP "567");
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (negative, ==, MINUS "5");
}

/* Plan and fact */

/* The row of the zero line under a bar: the first non-bar pixel going down from inside it. */
static int
find_zero_row (cairo_surface_t    *surface,
               int                 x,
               int                 y_inside,
               const SdChartStyle *style)
{
  int y = y_inside;

  while (sd_test_pixel_is (surface, x, y, &style->fact, style))
    y++;
  return y;
}

/* Bar height measured from pixels: fact-coloured rows above the zero line at x. */
static int
measure_bar_up (cairo_surface_t    *surface,
                int                 x,
                int                 zero,
                const SdChartStyle *style)
{
  int y = zero - 1;

  while (y >= 0 && sd_test_pixel_is (surface, x, y, &style->fact, style))
    y--;
  return zero - 1 - y;
}

static void
find_run (cairo_surface_t    *surface,
          int                 x_inside,
          int                 y,
          const SdChartColor *color,
          const SdChartStyle *style,
          int                *left,
          int                *right)
{
  int width = cairo_image_surface_get_width (surface);

  *left = x_inside;
  while (*left > 0 && sd_test_pixel_is (surface, *left - 1, y, color, style))
    (*left)--;
  *right = x_inside;
  while (*right + 1 < width && sd_test_pixel_is (surface, *right + 1, y, color, style))
    (*right)++;
}

static void
test_plan_fact_bars (void)
{
  g_autofree SdChartPlanFactMonth *months = known_months ();
  SdChartPlanFact data = { month (2025, 3), 12, months, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect r3, r7, r5;
  int cx3, cx7, cx5, zero, h3, h7, grid_y = -1, plot_left, plot_right, left, right;
  double slot;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_plan_fact, &data, &style, 800, 400, "plan-fact-bars");

  g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 3, &r3));
  g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 7, &r7));
  g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 5, &r5));
  g_assert_false (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 12, &r5));
  cx3 = (int) (r3.x + r3.width / 2);
  cx7 = (int) (r7.x + r7.width / 2);
  cx5 = (int) (r5.x + r5.width / 2);

  /* Inside month 3's bar: the fact colour; just above it: not. */
  g_assert_true (sd_test_pixel_is (surface, cx3, (int) (r3.y + r3.height / 2), &style.fact,
                                   &style));
  g_assert_true (sd_test_pixel_is (surface, cx3, (int) r3.y, &style.fact, &style));
  g_assert_false (sd_test_pixel_is (surface, cx3, (int) r3.y - 2, &style.fact, &style));

  /* The bar stands on the zero line. */
  zero = find_zero_row (surface, cx3, (int) (r3.y + r3.height / 2), &style);
  g_assert_true (sd_test_pixel_is (surface, cx3, zero, &style.axis, &style));
  g_assert_cmpint (abs (zero - (int) (r3.y + r3.height)), <=, 1);

  /* Heights from pixels: 12 M ₽ is twice 6 M ₽. */
  h3 = measure_bar_up (surface, cx3, zero, &style);
  h7 = measure_bar_up (surface, cx7, zero, &style);
  g_assert_cmpint (h3, >, 40);
  g_assert_cmpint (abs (h7 - 2 * h3), <=, 2);
  g_assert_cmpint (abs (h3 - (int) r3.height), <=, 1);

  /* Horizontally: find the plot from a grid line at the right edge, then month k's bar must be
   * centred on slot k of twelve. */
  for (int y = 0; y < zero - 5; y++)
    {
      if (sd_test_pixel_is (surface, 800 - 12, y, &style.grid, &style))
        {
          grid_y = y;
          break;
        }
    }
  g_assert_cmpint (grid_y, >=, 0);
  plot_right = 800 - 12;
  while (plot_right + 1 < 800 && sd_test_pixel_is (surface, plot_right + 1, grid_y, &style.grid, &style))
    plot_right++;
  plot_left = plot_right;
  while (plot_left > 0 && sd_test_pixel_is (surface, plot_left - 1, grid_y, &style.grid, &style))
    plot_left--;
  g_assert_cmpint (plot_left, >, 40);          /* room for the axis labels */
  slot = (plot_right + 1 - plot_left) / 12.0;

  find_run (surface, cx3, zero - h3 / 2, &style.fact, &style, &left, &right);
  g_assert_cmpfloat (fabs ((left + right + 1) / 2.0 - (plot_left + 3.5 * slot)), <=, 1.5);
  g_assert_cmpint (right + 1 - left, >=, (int) (slot * 0.5));
  g_assert_cmpint (right + 1 - left, <, (int) slot);
  g_assert_cmpint (left, ==, (int) r3.x);
  g_assert_cmpint (right + 1, ==, (int) (r3.x + r3.width));

  find_run (surface, cx7, zero - h7 / 2, &style.fact, &style, &left, &right);
  g_assert_cmpfloat (fabs ((left + right + 1) / 2.0 - (plot_left + 7.5 * slot)), <=, 1.5);

  /* The negative month's bar hangs below the zero line. */
  g_assert_cmpint ((int) r5.y, >=, zero - 1);
  g_assert_true (sd_test_pixel_is (surface, cx5, zero + 5, &style.fact, &style));
  g_assert_false (sd_test_pixel_is (surface, cx5, zero - 5, &style.fact, &style));
  {
    int depth = 0;

    while (sd_test_pixel_is (surface, cx5, zero + 1 + depth, &style.fact, &style))
      depth++;
    /* −2 M ₽ is a sixth of 12 M ₽. */
    g_assert_cmpint (abs (depth - h7 / 6), <=, 2);
  }

  /* The plan line: month 3's marker at 9 M ₽ = ¾ of the 12 M ₽ bar, and the line half way to
   * month 4 (11 M ₽) at 10 M ₽. */
  {
    double y_plan3 = zero - h7 * 0.75;
    double y_mid = zero - h7 * (10.0 / 12.0);
    int mid_x = (int) round ((cx3 + (double) (int) (plot_left + 4.5 * slot)) / 2);
    gboolean found = FALSE;

    g_assert_true (sd_test_pixel_is (surface, cx3, (int) round (y_plan3), &style.plan, &style));
    for (int dy = -2; dy <= 2 && !found; dy++)
      found = sd_test_pixel_is (surface, mid_x, (int) round (y_mid) + dy, &style.plan, &style);
    g_assert_true (found);
    /* Well away from the line, no plan colour. */
    g_assert_false (sd_test_pixel_is (surface, mid_x, (int) round (y_mid) - 12, &style.plan,
                                      &style));
  }

  /* The forecast range of the last month: translucent blue above the fact bar. */
  {
    SdChartRect r11;
    int cx11, zero11, h11;

    g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 11, &r11));
    cx11 = (int) (r11.x + r11.width / 2);
    zero11 = find_zero_row (surface, cx11, (int) (r11.y + r11.height / 2), &style);
    h11 = measure_bar_up (surface, cx11, zero11, &style);
    /* 8 M ₽ of fact, the range 11..15.5 M ₽: at 13 M ₽ the band's colour. */
    g_assert_cmpint (abs (h11 - (int) round (h7 * 8.0 / 12.0)), <=, 2);
    g_assert_true (sd_test_pixel_is (surface, cx11, (int) round (zero11 - h7 * 13.0 / 12.0),
                                     &style.forecast, &style));
    g_assert_false (sd_test_pixel_is (surface, cx11, (int) round (zero11 - h7 * 16.5 / 12.0),
                                      &style.forecast, &style));
  }

  cairo_surface_destroy (surface);
}

static void
test_plan_fact_highlight (void)
{
  g_autofree SdChartPlanFactMonth *months = known_months ();
  SdChartPlanFact data = { month (2025, 3), 12, months, "₽", TRUE, 7 };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect r7, r3;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);
  surface = sd_test_render (draw_plan_fact, &data, &style, 800, 400, "plan-fact-highlight");
  g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 7, &r7));
  g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 3, &r3));

  g_assert_true (sd_test_pixel_is (surface, (int) (r7.x + r7.width / 2), (int) (r7.y + r7.height / 2),
                                   &style.highlight, &style));
  g_assert_true (sd_test_pixel_is (surface, (int) (r3.x + r3.width / 2), (int) (r3.y + r3.height / 2),
                                   &style.fact, &style));
  /* The hovered column is shaded beside its bar. */
  g_assert_true (sd_test_pixel_is (surface, (int) r7.x - 3, (int) (r7.y + r7.height / 2), &style.grid,
                                   &style));

  cairo_surface_destroy (surface);
}

static void
test_plan_fact_no_data (void)
{
  SdChartPlanFact data = { month (2026, 1), 0, NULL, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect r;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_plan_fact, &data, &style, 800, 400, "plan-fact-no-data");

  g_assert_cmpuint (count_inked (surface, 340, 185, 460, 215, &style.text, &style), >, 40);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.fact, &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.plan, &style), <, 10);
  /* The frame: an axis line along the bottom. */
  g_assert_cmpuint (sd_test_count_color (surface, 0, 300, 800, 400, &style.axis, &style), >, 500);

  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, 400, 200), ==, -1);
  g_assert_false (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 0, &r));

  cairo_surface_destroy (surface);
}

static void
test_plan_fact_one_month (void)
{
  SdChartPlanFactMonth m = { R (12000000), R (11250400), 0, 0, TRUE, TRUE, FALSE };
  SdChartPlanFact data = { month (2026, 3), 1, &m, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect r;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_plan_fact, &data, &style, 800, 400, "plan-fact-one-month");

  g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, 0, &r));
  g_assert_cmpfloat (r.width, <=, 64);
  g_assert_cmpfloat (r.height, >, 100);
  g_assert_true (sd_test_pixel_is (surface, (int) (r.x + r.width / 2), (int) (r.y + r.height / 2),
                                   &style.fact, &style));
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.plan, &style), >, 30);
  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, r.x + r.width / 2,
                                           r.y + r.height / 2), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_plan_fact_120_months (void)
{
  g_autofree SdChartPlanFactMonth *months = wavy_months (120);
  SdChartPlanFact data = { month (2016, 1), 120, months, "₽" };
  SdChartStyle style;

  for (guint dark = 0; dark < 2; dark++)
    {
      cairo_surface_t *surface;
      SdChartRect r;

      if (dark)
        sd_chart_style_init_dark (&style, SD_NUMBER_STYLE_RU);
      else
        sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);

      surface = sd_test_render (draw_plan_fact, &data, &style, 800, 400,
                                dark ? "plan-fact-120-months-dark" : "plan-fact-120-months");
      g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.fact,
                                             &style), >, 2000);

      for (guint k = 0; k < 120; k += 17)
        {
          g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, k, &r));
          g_assert_cmpfloat (r.width, >=, 1);
          g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, r.x + r.width / 2,
                                                   r.y + r.height / 2), ==, (int) k);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_plan_fact_hit (void)
{
  g_autofree SdChartPlanFactMonth *months = known_months ();
  SdChartPlanFact data = { month (2025, 3), 12, months, "₽" };
  SdChartStyle style;
  SdChartRect r;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);

  for (guint k = 0; k < 12; k++)
    {
      g_assert_true (sd_chart_plan_fact_item_rect (800, 400, &data, &style, k, &r));
      g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style,
                                               r.x + r.width / 2, r.y + r.height / 2), ==, (int) k);
      /* The whole column counts, also above a short bar. */
      g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style,
                                               r.x + r.width / 2, MAX (r.y - 30, 60)), ==, (int) k);
    }

  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, 1, 1), ==, -1);
  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, 5, 200), ==, -1);
  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, 400, 399), ==, -1);
  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, 799, 200), ==, -1);
  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, -10, -10), ==, -1);
  g_assert_cmpint (sd_chart_plan_fact_hit (800, 400, &data, &style, 900, 200), ==, -1);
}

static void
test_plan_fact_tooltip (void)
{
  SdChartPlanFactMonth m[4] = {
    { R (12000000), 1125040050, 0, 0, TRUE, TRUE, FALSE },
    { R (12000000), 0, R (11000000), R (13000000), TRUE, FALSE, TRUE },
    { 0, R (500), 0, 0, FALSE, TRUE, FALSE },
    { 0, R (500), 0, 0, TRUE, TRUE, FALSE },
  };
  SdChartPlanFact data = { month (2026, 3), 4, m, "₽" };
  SdChartStyle en, ru;
  g_autofree char *march = sd_month_format_label (month (2026, 3));
  g_autofree char *april = sd_month_format_label (month (2026, 4));
  g_autofree char *may = sd_month_format_label (month (2026, 5));
  g_autofree char *june = sd_month_format_label (month (2026, 6));
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  sd_chart_style_init_light (&en, SD_NUMBER_STYLE_EN);
  sd_chart_style_init_light (&ru, SD_NUMBER_STYLE_RU);

  text = sd_chart_plan_fact_tooltip (&data, &en, 0);
  expected = g_strdup_printf ("%s: plan 12,000,000" RUB ", fact 11,250,400.50" RUB " (93.8%%)",
                              march);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_plan_fact_tooltip (&data, &ru, 0);
  expected = g_strdup_printf ("%s: plan 12" NNBSP "000" NNBSP "000" RUB ", fact 11" NNBSP "250"
                              NNBSP "400,50" RUB " (93,8" NBSP "%%)", march);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_plan_fact_tooltip (&data, &en, 1);
  expected = g_strdup_printf ("%s: plan 12,000,000" RUB ", no fact yet; forecast 11,000,000" RUB
                              " – 13,000,000" RUB, april);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_plan_fact_tooltip (&data, &en, 2);
  expected = g_strdup_printf ("%s: fact 500" RUB ", no plan", may);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  /* A zero plan has no completion percentage (and no division by zero). */
  text = sd_chart_plan_fact_tooltip (&data, &en, 3);
  expected = g_strdup_printf ("%s: plan 0" RUB ", fact 500" RUB, june);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);

  g_assert_null (sd_chart_plan_fact_tooltip (&data, &en, 4));
}

static void
test_plan_fact_describe (void)
{
  g_autofree SdChartPlanFactMonth *months = known_months ();
  SdChartPlanFact data = { month (2025, 3), 12, months, "₽" };
  SdChartPlanFact empty = { month (2025, 3), 0, NULL, "₽" };
  SdChartStyle style;
  g_autofree char *first = sd_month_format_label (month (2025, 3));
  g_autofree char *last = sd_month_format_label (month (2026, 2));
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);
  /* Facts sum to 112 M ₽, plans to 140 M ₽: 80.0 %. */
  expected = g_strdup_printf ("Revenue plan and fact by month, %s – %s: fact 112M" RUB
                              " against plan 140M" RUB " (80.0%%)", first, last);
  text = sd_chart_plan_fact_describe (&data, &style);
  g_assert_cmpstr (text, ==, expected);

  none = sd_chart_plan_fact_describe (&empty, &style);
  g_assert_cmpstr (none, ==, "Revenue plan and fact by month: no data");
}

/* Any size, any data: never a cairo error, never a warning (warnings are fatal here). */
static void
test_all_tiny_sizes (void)
{
  static const int sizes[][2] = {
    { 0, 0 }, { 1, 1 }, { 10, 10 }, { 50, 30 }, { 120, 80 }, { 200, 60 }, { 60, 300 },
    { 3000, 20 }, { 20, 3000 }, { 240, 120 },
  };
  g_autofree SdChartPlanFactMonth *months = wavy_months (120);
  g_autofree SdMoney *values = g_new0 (SdMoney, 120);
  SdChartRankingItem items[3] = {
    { "Anna", R (100), R (90) }, { "Boris", R (100), R (130) }, { "Vera", R (100), R (40) },
  };
  SdChartStyle style;

  for (guint i = 0; i < 120; i++)
    values[i] = months[i].fact;
  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint n = 0; n <= 120; n = n == 0 ? 1 : n == 1 ? 12 : n * 10)
      {
        int w = sizes[s][0], h = sizes[s][1];
        SdChartPlanFact pf = { month (2016, 1), n, months, "₽", TRUE, 0 };
        SdChartGrowth gr = { month (2016, 1), n, values, R (1000), TRUE, "₽" };
        SdChartRanking rk = { MIN (n, 3), items, 8000, "₽" };
        SdChartFunnel fn = { n, n / 3, R (n * 1000), "₽" };
        g_autofree char *name = NULL;
        cairo_surface_t *surface;
        SdChartRect r;

        if (w == 120 && h == 80)
          name = g_strdup_printf ("plan-fact-%ux120x80", n);
        surface = sd_test_render (draw_plan_fact, &pf, &style, w, h, name);
        cairo_surface_destroy (surface);
        surface = sd_test_render (draw_growth, &gr, &style, w, h, NULL);
        cairo_surface_destroy (surface);
        surface = sd_test_render (draw_ranking, &rk, &style, w, h, NULL);
        cairo_surface_destroy (surface);
        surface = sd_test_render (draw_funnel, &fn, &style, w, h, NULL);
        cairo_surface_destroy (surface);

        g_assert_cmpint (sd_chart_plan_fact_hit (w, h, &pf, &style, w / 2.0, h / 2.0), <,
                         (int) MAX (n, 1));
        g_assert_cmpint (sd_chart_growth_hit (w, h, &gr, &style, w / 2.0, h / 2.0), <,
                         (int) MAX (n, 1));
        g_assert_cmpint (sd_chart_ranking_hit (w, h, &rk, &style, w / 2.0, h / 2.0), <, 3);
        g_assert_cmpint (sd_chart_funnel_hit (w, h, &fn, &style, w / 2.0, h / 2.0), <, 3);
        sd_chart_plan_fact_item_rect (w, h, &pf, &style, 0, &r);
        sd_chart_growth_item_rect (w, h, &gr, &style, 0, &r);
        sd_chart_ranking_item_rect (w, h, &rk, &style, 0, &r);
        sd_chart_funnel_item_rect (w, h, &fn, &style, 0, &r);
      }
}

static void
test_plan_fact_extreme_values (void)
{
  SdChartPlanFactMonth m[4] = {
    { G_MAXINT64, G_MININT64, G_MININT64, G_MAXINT64, TRUE, TRUE, TRUE },
    { 0, 0, 0, 0, TRUE, TRUE, FALSE },
    { G_MININT64, G_MAXINT64, 0, 0, TRUE, TRUE, FALSE },
    { R (1), R (-1), 0, 0, TRUE, TRUE, FALSE },
  };
  SdChartPlanFactMonth zeros[3] = {
    { 0, 0, 0, 0, TRUE, TRUE, FALSE }, { 0, 0, 0, 0, TRUE, TRUE, FALSE },
    { 0, 0, 0, 0, FALSE, FALSE, FALSE },
  };
  SdChartPlanFact huge = { month (2026, 1), 4, m, "₽" };
  SdChartPlanFact zero = { month (2026, 1), 3, zeros, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  g_autofree char *text = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_plan_fact, &huge, &style, 800, 400, "plan-fact-extreme");
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.fact, &style), >, 100);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_plan_fact, &zero, &style, 800, 400, "plan-fact-all-zero");
  /* Nothing to draw as a bar (below the legend), but the plan markers sit on the zero line. */
  g_assert_cmpuint (sd_test_count_color (surface, 0, 40, 800, 400, &style.fact, &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.plan, &style), >, 10);
  cairo_surface_destroy (surface);

  text = sd_chart_plan_fact_describe (&huge, &style);
  g_assert_nonnull (text);
}

static void
test_plan_fact_pdf (void)
{
  g_autofree SdChartPlanFactMonth *months = known_months ();
  SdChartPlanFact data = { month (2025, 3), 12, months, "₽" };
  g_autofree char *path = g_build_filename (sd_test_chart_dir, "plan-fact.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 300);
  cairo_t *cr = cairo_create (surface);
  SdChartStyle style;
  GStatBuf st;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  style.font_size = 9;
  sd_chart_draw_plan_fact (cr, 595, 300, &data, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
}

/* Growth */

static void
test_growth_bp (void)
{
  static const struct {
    SdMoney  current, previous;
    gboolean defined;
    gint64   bp;
  } cases[] = {
    { R (110), R (100), TRUE, 1000 },
    { R (90), R (100), TRUE, -1000 },
    { R (100), R (100), TRUE, 0 },
    { 0, R (100), TRUE, -10000 },
    { R (100), 0, FALSE, 0 },
    { 0, 0, FALSE, 0 },
    /* a loss before: measured against its size */
    { R (50), R (-100), TRUE, 15000 },
    { R (-150), R (-100), TRUE, -5000 },
    /* rounding half away from zero: 1/3 → 3333.33…, 2/3 → 6666.67, −0.5 bp → −1, −0.05 bp → 0 */
    { R (4), R (3), TRUE, 3333 },
    { R (5), R (3), TRUE, 6667 },
    { 19999, 20000, TRUE, -1 },
    { 199999, 200000, TRUE, 0 },
    { G_MAXINT64, 1, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 bp = -42;

      g_assert_cmpint (sd_chart_growth_bp (cases[i].current, cases[i].previous, &bp), ==,
                       cases[i].defined);
      if (cases[i].defined)
        g_assert_cmpint (bp, ==, cases[i].bp);
    }
}

static void
test_growth_bars (void)
{
  /* Growth: +10 %, −10 %, −100 %, undefined (previous 0), 0 %. */
  static const SdMoney values[] = { R (11000000), R (9900000), 0, R (5000000), R (5000000) };
  SdChartGrowth data = { month (2025, 10), G_N_ELEMENTS (values), values, R (10000000), TRUE, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect up, down, gap, flat;
  int zero, cx;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_growth, &data, &style, 800, 400, "growth");

  g_assert_true (sd_chart_growth_item_rect (800, 400, &data, &style, 0, &up));
  g_assert_true (sd_chart_growth_item_rect (800, 400, &data, &style, 1, &down));
  g_assert_true (sd_chart_growth_item_rect (800, 400, &data, &style, 3, &gap));
  g_assert_true (sd_chart_growth_item_rect (800, 400, &data, &style, 4, &flat));

  /* Up in the positive colour, standing on the zero line. */
  cx = (int) (up.x + up.width / 2);
  g_assert_true (sd_test_pixel_is (surface, cx, (int) (up.y + up.height / 2), &style.positive,
                                   &style));
  zero = (int) (up.y + up.height);
  g_assert_true (sd_test_pixel_is (surface, cx, zero, &style.axis, &style));
  g_assert_false (sd_test_pixel_is (surface, cx, zero + 3, &style.positive, &style));

  /* Down in the negative colour, hanging from it, as deep as the first is tall. */
  cx = (int) (down.x + down.width / 2);
  g_assert_cmpint ((int) down.y, >=, zero - 1);
  g_assert_true (sd_test_pixel_is (surface, cx, zero + 5, &style.negative, &style));
  g_assert_false (sd_test_pixel_is (surface, cx, zero - 5, &style.negative, &style));
  g_assert_cmpfloat (fabs (down.height - up.height), <=, 2);

  /* The undefined month: no bar at all, only a muted dash by the zero line. */
  g_assert_cmpfloat (gap.height, ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, (int) gap.x, 0, (int) (gap.x + gap.width), 400,
                                         &style.positive, &style), ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, (int) gap.x, 0, (int) (gap.x + gap.width), 400,
                                         &style.negative, &style), ==, 0);
  g_assert_cmpuint (count_inked (surface, (int) gap.x, zero - 20, (int) (gap.x + gap.width), zero,
                                 &style.muted_text, &style), >, 3);
  g_assert_cmpfloat (flat.height, ==, 0);

  g_assert_cmpint (sd_chart_growth_hit (800, 400, &data, &style, down.x + down.width / 2,
                                        down.y + down.height / 2), ==, 1);
  g_assert_cmpint (sd_chart_growth_hit (800, 400, &data, &style, gap.x + gap.width / 2, zero - 30),
                   ==, 3);
  g_assert_cmpint (sd_chart_growth_hit (800, 400, &data, &style, 2, 2), ==, -1);

  cairo_surface_destroy (surface);
}

static void
test_growth_tooltip_describe (void)
{
  static const SdMoney values[] = { R (11250400) + 50, R (0), R (100) };
  SdChartGrowth data = { month (2026, 3), 3, values, R (10000000), TRUE, "₽" };
  SdChartGrowth first_unknown = { month (2026, 3), 1, values, 0, FALSE, "₽" };
  SdChartStyle style;
  g_autofree char *march = sd_month_format_label (month (2026, 3));
  g_autofree char *april = sd_month_format_label (month (2026, 4));
  g_autofree char *may = sd_month_format_label (month (2026, 5));
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);

  text = sd_chart_growth_tooltip (&data, &style, 0);
  expected = g_strdup_printf ("%s: +12.5%% on the previous month (11,250,400.50" RUB
                              ", was 10,000,000" RUB ")", march);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_growth_tooltip (&data, &style, 2);
  expected = g_strdup_printf ("%s: 100" RUB "; growth cannot be computed, the previous month had "
                              "no revenue", may);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sd_chart_growth_tooltip (&first_unknown, &style, 0);
  expected = g_strdup_printf ("%s: 11,250,400.50" RUB ", the previous month is not known", march);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  g_assert_null (sd_chart_growth_tooltip (&data, &style, 3));

  text = sd_chart_growth_describe (&data, &style);
  expected = g_strdup_printf ("Month-on-month revenue growth, %s – %s: from " MINUS "100.0%% in %s "
                              "to +12.5%% in %s", march, may, april, march);
  g_assert_cmpstr (text, ==, expected);
}

/* Ranking */

static const SdChartRankingItem ranking_items[] = {
  { "Мария Кузнецова", R (1000000), R (900000) },                  /* 90 % */
  { "Константин Константинопольский-Старший", R (1000000), R (1250000) }, /* 125 % */
  { "Иван Петров", R (1000000), R (500000) },                      /* 50 % */
  { "Ольга Смирнова", 0, R (300000) },                             /* no plan */
  { "Анна Белова", R (1000000), R (1010000) },                     /* 101 % */
  { "Пётр Сидоров", R (2000000), R (1500000) },                    /* 75 % */
};

static void
test_ranking_order_and_colours (void)
{
  SdChartRanking data = { G_N_ELEMENTS (ranking_items), ranking_items, 8000, "₽", "Март 2026" };
  static const guint expected_order[] = { 1, 4, 0, 5, 2, 3 };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect rects[G_N_ELEMENTS (ranking_items)];
  int run_first = 0;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_ranking, &data, &style, 800, 400, "ranking");

  for (guint i = 0; i < G_N_ELEMENTS (ranking_items); i++)
    g_assert_true (sd_chart_ranking_item_rect (800, 400, &data, &style, i, &rects[i]));

  /* Rows top to bottom in the expected order; widths descending. */
  for (guint k = 1; k < G_N_ELEMENTS (expected_order); k++)
    {
      g_assert_cmpfloat (rects[expected_order[k]].y, >, rects[expected_order[k - 1]].y);
      g_assert_cmpfloat (rects[expected_order[k]].width, <=, rects[expected_order[k - 1]].width);
    }

  /* Measured in pixels: the first (top) bar is the longest. */
  for (guint k = 0; k < 5; k++)
    {
      const SdChartRect *r = &rects[expected_order[k]];
      const SdChartColor *colors[] = { &style.positive, &style.positive, &style.fact,
                                       &style.negative, &style.negative };
      int left, right, y = (int) (r->y + r->height / 2);

      g_assert_true (sd_test_pixel_is (surface, (int) (r->x + 2), y, colors[k], &style));
      /* From the bar's start to its last pixel: reference lines may cross it. */
      left = (int) r->x;
      right = 799;
      while (right > left && !sd_test_pixel_is (surface, right, y, colors[k], &style))
        right--;
      g_assert_false (sd_test_pixel_is (surface, left - 1, y, colors[k], &style));
      if (k == 0)
        run_first = right + 1 - left;
      else
        g_assert_cmpint (right + 1 - left, <, run_first);
      g_assert_cmpint (abs ((right + 1 - left) - (int) r->width), <=, 4);
    }

  /* 125 % against 50 %: two and a half times as long. */
  g_assert_cmpfloat (fabs (rects[1].width - 2.5 * rects[2].width), <=, 3);
  g_assert_cmpfloat (rects[3].width, ==, 0);

  /* The 100 % line crosses the 125 % bar in the plan colour (drawn over it). */
  {
    double x100 = rects[2].x + rects[2].width * 2;   /* 50 % bar doubled */
    int y = (int) (rects[1].y + rects[1].height / 2);
    gboolean found = FALSE;

    for (int dx = -1; dx <= 1 && !found; dx++)
      found = sd_test_pixel_is (surface, (int) x100 + dx, y, &style.plan, &style);
    g_assert_true (found);
  }

  /* The long name is cut short: nothing in the text colour touches the bars' column. */
  g_assert_cmpuint (count_inked (surface, (int) rects[1].x - 6, (int) rects[1].y,
                                 (int) rects[1].x, (int) (rects[1].y + rects[1].height),
                                 &style.text, &style), ==, 0);
  g_assert_cmpuint (count_inked (surface, 0, (int) rects[1].y, (int) rects[1].x - 6,
                                 (int) (rects[1].y + rects[1].height), &style.text, &style), >, 50);

  cairo_surface_destroy (surface);
}

static void
test_ranking_hit_and_text (void)
{
  SdChartRanking data = { G_N_ELEMENTS (ranking_items), ranking_items, 8000, "₽", "March 2026" };
  SdChartStyle style;
  SdChartRect r;
  g_autofree char *tip = NULL;
  g_autofree char *no_plan = NULL;
  g_autofree char *text = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);

  for (guint i = 0; i < G_N_ELEMENTS (ranking_items); i++)
    {
      g_assert_true (sd_chart_ranking_item_rect (800, 400, &data, &style, i, &r));
      /* The hit is the item's index, not its row; anywhere along the row. */
      g_assert_cmpint (sd_chart_ranking_hit (800, 400, &data, &style, 30, r.y + r.height / 2), ==,
                       (int) i);
      g_assert_cmpint (sd_chart_ranking_hit (800, 400, &data, &style, 780, r.y + r.height / 2), ==,
                       (int) i);
    }
  g_assert_cmpint (sd_chart_ranking_hit (800, 400, &data, &style, 400, 1), ==, -1);
  g_assert_cmpint (sd_chart_ranking_hit (800, 400, &data, &style, 400, 399), ==, -1);

  tip = sd_chart_ranking_tooltip (&data, &style, 0);
  g_assert_cmpstr (tip, ==, "Мария Кузнецова: 90.0% of plan (fact 900,000" RUB
                            ", plan 1,000,000" RUB ")");
  no_plan = sd_chart_ranking_tooltip (&data, &style, 3);
  g_assert_cmpstr (no_plan, ==, "Ольга Смирнова: no plan (fact 300,000" RUB ")");
  g_assert_null (sd_chart_ranking_tooltip (&data, &style, 6));

  text = sd_chart_ranking_describe (&data, &style);
  g_assert_cmpstr (text, ==, "Plan completion by manager, March 2026: 6 managers, best "
                             "Константин Константинопольский-Старший 125.0%, worst Иван Петров "
                             "50.0%; 2 below 80.0%");
}

static void
test_ranking_many_rows (void)
{
  g_autofree SdChartRankingItem *items = g_new0 (SdChartRankingItem, 200);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SdChartRanking data = { 200, NULL, 8000, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect best, worst, middle;
  guint shown = 0;

  for (guint i = 0; i < 200; i++)
    {
      char *name = g_strdup_printf ("Manager %03u", i);

      g_ptr_array_add (names, name);
      items[i].name = name;
      items[i].plan = R (1000000);
      items[i].fact = R (1000000) * ((i * 37) % 200) / 100;   /* 0 % … 199 %, all distinct */
    }
  data.items = items;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);
  surface = sd_test_render (draw_ranking, &data, &style, 600, 400, "ranking-200");

  /* The best (item 27, 199 %) and the worst (item 0, 0 %) are both shown; the middle one
   * (item 100, 100 %) is not. */
  g_assert_true (sd_chart_ranking_item_rect (600, 400, &data, &style, 27, &best));
  g_assert_true (sd_chart_ranking_item_rect (600, 400, &data, &style, 0, &worst));
  g_assert_false (sd_chart_ranking_item_rect (600, 400, &data, &style, 100, &middle));
  g_assert_cmpfloat (best.y, <, worst.y);
  /* 0 % has no bar at all, not a one-pixel stub. */
  g_assert_cmpfloat (worst.width, ==, 0);
  g_assert_cmpuint (sd_test_count_color (surface, (int) worst.x - 2, (int) worst.y, (int) worst.x + 10,
                                         (int) (worst.y + worst.height), &style.negative, &style), ==, 0);

  /* Rows never overlap: each shown bar starts below the previous one. */
  for (guint i = 0; i < 200; i++)
    {
      SdChartRect r;

      if (sd_chart_ranking_item_rect (600, 400, &data, &style, i, &r))
        {
          shown++;
          g_assert_cmpfloat (r.height, >=, 2);
          g_assert_cmpfloat (r.y + r.height, <=, 400);
        }
    }
  g_assert_cmpuint (shown, >, 10);
  g_assert_cmpuint (shown, <, 200);

  g_assert_cmpint (sd_chart_ranking_preferred_height (200, &style), >, 200 * 16);
  g_assert_cmpint (sd_chart_ranking_preferred_height (1, &style), <, 120);

  cairo_surface_destroy (surface);
}

/* Funnel */

static void
test_funnel (void)
{
  SdChartFunnel data = { 1200, 240, R (36000000), "₽", "March 2026" };
  SdChartFunnel empty = { 0, 0, 0, "₽" };
  SdChartStyle style;
  cairo_surface_t *surface;
  SdChartRect leads, deals, revenue, r_none;
  g_autofree char *tip = NULL;
  g_autofree char *text = NULL;

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);
  surface = sd_test_render (draw_funnel, &data, &style, 800, 400, "funnel");

  g_assert_true (sd_chart_funnel_item_rect (800, 400, &data, &style, SD_CHART_FUNNEL_LEADS,
                                            &leads));
  g_assert_true (sd_chart_funnel_item_rect (800, 400, &data, &style, SD_CHART_FUNNEL_DEALS,
                                            &deals));
  g_assert_true (sd_chart_funnel_item_rect (800, 400, &data, &style, SD_CHART_FUNNEL_REVENUE,
                                            &revenue));
  g_assert_false (sd_chart_funnel_item_rect (800, 400, &data, &style, 3, &r_none));

  /* Widths in proportion to the counts; revenue as wide as the deals; centred one above the
   * other. */
  g_assert_cmpfloat (fabs (deals.width - leads.width * 0.2), <=, 1);
  g_assert_cmpfloat (revenue.width, ==, deals.width);
  g_assert_cmpfloat (fabs ((leads.x + leads.width / 2) - (deals.x + deals.width / 2)), <=, 1);
  g_assert_cmpfloat (leads.y + leads.height, <, deals.y);
  g_assert_cmpfloat (deals.y + deals.height, <, revenue.y);

  for (guint i = 0; i < 3; i++)
    {
      SdChartRect r;
      int left, right;

      sd_chart_funnel_item_rect (800, 400, &data, &style, i, &r);
      g_assert_true (sd_test_pixel_is (surface, (int) (r.x + r.width / 2), (int) (r.y + r.height / 2),
                                       &style.fact, &style));
      find_run (surface, (int) (r.x + r.width / 2), (int) (r.y + r.height / 2), &style.fact,
                &style, &left, &right);
      g_assert_cmpint (right + 1 - left, ==, (int) r.width);
      g_assert_cmpint (sd_chart_funnel_hit (800, 400, &data, &style, 20, r.y + r.height / 2), ==,
                       (int) i);
    }
  g_assert_cmpint (sd_chart_funnel_hit (800, 400, &data, &style, 400, 1), ==, -1);
  cairo_surface_destroy (surface);

  surface = sd_test_render (draw_funnel, &empty, &style, 800, 400, "funnel-no-data");
  g_assert_cmpuint (count_inked (surface, 340, 185, 460, 215, &style.text, &style), >, 40);
  g_assert_cmpuint (sd_test_count_color (surface, 0, 0, 800, 400, &style.fact, &style), ==, 0);
  g_assert_cmpint (sd_chart_funnel_hit (800, 400, &empty, &style, 400, 200), ==, -1);
  cairo_surface_destroy (surface);

  sd_chart_style_init_light (&style, SD_NUMBER_STYLE_EN);
  tip = sd_chart_funnel_tooltip (&data, &style, SD_CHART_FUNNEL_DEALS);
  g_assert_cmpstr (tip, ==, "Deals: 240 (20.0% of leads)");
  g_clear_pointer (&tip, g_free);
  tip = sd_chart_funnel_tooltip (&data, &style, SD_CHART_FUNNEL_REVENUE);
  g_assert_cmpstr (tip, ==, "Revenue: 36,000,000" RUB " (average deal 150,000" RUB ")");
  g_clear_pointer (&tip, g_free);
  tip = sd_chart_funnel_tooltip (&empty, &style, SD_CHART_FUNNEL_DEALS);
  g_assert_cmpstr (tip, ==, "Deals: 0");
  g_assert_null (sd_chart_funnel_tooltip (&data, &style, 3));

  text = sd_chart_funnel_describe (&data, &style);
  g_assert_cmpstr (text, ==, "Sales funnel, March 2026: 1,200 leads, 240 deals (conversion 20.0%), "
                             "revenue 36M" RUB);
}

/* A gallery for people: every chart, light and dark, at typical sizes. */
static void
test_gallery (void)
{
  g_autofree SdChartPlanFactMonth *year = known_months ();
  g_autofree SdChartPlanFactMonth *five = wavy_months (60);
  g_autofree SdMoney *values = g_new0 (SdMoney, 24);
  SdChartStyle style;

  for (guint i = 0; i < 24; i++)
    values[i] = R (9000000 + (gint64) (2500000 * sin (i * 0.8)) + (i == 9 ? -9000000 : 0));
  values[10] = R (4000000);

  for (guint dark = 0; dark < 2; dark++)
    {
      const char *suffix = dark ? "-dark" : "";
      SdChartPlanFact pf12 = { month (2025, 3), 12, year, "₽", TRUE, 4 };
      SdChartPlanFact pf60 = { month (2021, 7), 60, five, "₽" };
      SdChartGrowth gr = { month (2024, 3), 24, values, R (8800000), TRUE, "₽" };
      SdChartGrowth gr6 = { month (2025, 9), 6, values + 5, values[4], TRUE, "₽" };
      SdChartRanking rk = { G_N_ELEMENTS (ranking_items), ranking_items, 8000, "₽" };
      SdChartFunnel fn = { 1200, 240, R (36000000), "₽" };
      struct {
        SdTestDrawFunc      draw;
        gconstpointer data;
        int           width, height;
        const char   *name;
      } shots[] = {
        { draw_plan_fact, &pf12, 800, 400, "gallery-plan-fact-12" },
        { draw_plan_fact, &pf60, 1200, 600, "gallery-plan-fact-60" },
        { draw_plan_fact, &pf12, 360, 220, "gallery-plan-fact-small" },
        { draw_growth, &gr, 800, 400, "gallery-growth-24" },
        { draw_growth, &gr6, 600, 300, "gallery-growth-6" },
        { draw_ranking, &rk, 700, 300, "gallery-ranking" },
        { draw_ranking, &rk, 300, 200, "gallery-ranking-narrow" },
        { draw_funnel, &fn, 700, 300, "gallery-funnel" },
        { draw_funnel, &fn, 320, 200, "gallery-funnel-small" },
      };

      if (dark)
        sd_chart_style_init_dark (&style, SD_NUMBER_STYLE_RU);
      else
        sd_chart_style_init_light (&style, SD_NUMBER_STYLE_RU);

      for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
        {
          g_autofree char *name = g_strconcat (shots[i].name, suffix, NULL);
          cairo_surface_t *surface = sd_test_render (shots[i].draw, shots[i].data, &style,
                                                     shots[i].width, shots[i].height, name);

          g_assert_cmpuint (count_inked (surface, 0, 0, shots[i].width, shots[i].height,
                                         &style.text, &style), >, 20);
          cairo_surface_destroy (surface);
        }
    }
}

/* fontconfig keeps its configuration: pango never calls FcFini (). */
SD_TEST_LSAN_IGNORE_FONTCONFIG

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Month names follow the environment's LC_TIME (they are checked against
   * sd_month_format_label, whatever the language); messages stay English unless a test asks
   * for Russian, and no number ever comes from LC_NUMERIC. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  sd_test_chart_dir = sd_test_make_dir ("sd-charts-XXXXXX");

  g_test_add_func ("/charts/style/contrast-is-sufficient", test_style_contrast);
  g_test_add_func ("/charts/style/dark-background-differs", test_style_dark_background_differs);
  g_test_add_func ("/charts/scale/nice-ticks-table", test_scale_table);
  g_test_add_func ("/charts/scale/covers-data-with-few-nice-ticks", test_scale_properties);
  g_test_add_func ("/charts/format/money-short/en", test_format_money_short_en);
  g_test_add_func ("/charts/format/money-short/ru", test_format_money_short_ru);
  g_test_add_func ("/charts/format/money-exact", test_format_money_exact);
  g_test_add_func ("/charts/format/percent-one-decimal", test_format_percent);
  g_test_add_func ("/charts/format/count-grouped", test_format_count);
  g_test_add_func ("/charts/plan-fact/bars-and-plan-line-where-expected", test_plan_fact_bars);
  g_test_add_func ("/charts/plan-fact/highlighted-month", test_plan_fact_highlight);
  g_test_add_func ("/charts/plan-fact/no-data", test_plan_fact_no_data);
  g_test_add_func ("/charts/plan-fact/one-month", test_plan_fact_one_month);
  g_test_add_func ("/charts/plan-fact/120-months", test_plan_fact_120_months);
  g_test_add_func ("/charts/plan-fact/extreme-and-zero-values", test_plan_fact_extreme_values);
  g_test_add_func ("/charts/plan-fact/hit-finds-month-column", test_plan_fact_hit);
  g_test_add_func ("/charts/plan-fact/tooltip-exact-values", test_plan_fact_tooltip);
  g_test_add_func ("/charts/plan-fact/describe", test_plan_fact_describe);
  g_test_add_func ("/charts/plan-fact/draws-on-pdf", test_plan_fact_pdf);
  g_test_add_func ("/charts/growth/basis-points", test_growth_bp);
  g_test_add_func ("/charts/growth/bars-up-down-and-gap", test_growth_bars);
  g_test_add_func ("/charts/growth/tooltip-and-describe", test_growth_tooltip_describe);
  g_test_add_func ("/charts/ranking/sorted-first-longest-colours", test_ranking_order_and_colours);
  g_test_add_func ("/charts/ranking/hit-tooltip-describe", test_ranking_hit_and_text);
  g_test_add_func ("/charts/ranking/200-managers-best-and-worst-shown", test_ranking_many_rows);
  g_test_add_func ("/charts/funnel/proportional-stages", test_funnel);
  g_test_add_func ("/charts/all/any-size-any-data", test_all_tiny_sizes);
  g_test_add_func ("/charts/all/gallery", test_gallery);

  status = g_test_run ();

  sd_test_remove_tree (sd_test_chart_dir);
  g_clear_pointer (&sd_test_chart_dir, g_free);

  /* Let go of the process-wide font caches, so that the leak checker sees only our memory. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();

  return status;
}
