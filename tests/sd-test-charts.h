/* sd-test-charts.h — what the chart tests share: drawing a chart into an image, saving it,
 * reading its pixels back and comparing their colours with the style's
 *
 * Header only: every function is static and marked unused, so a test takes what it needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sd-chart.h"

#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"
#define MINUS "\xe2\x88\x92"
#define RUB   NBSP "₽"

/* 1 ₽ in kopecks. */
#define R(rubles) ((SdMoney) (rubles) * 100)

/* The folder the PNGs go to (the test's main makes and removes it). */
G_GNUC_UNUSED static char *sd_test_chart_dir;

typedef void (*SdTestDrawFunc) (cairo_t            *cr,
                                int                 width,
                                int                 height,
                                gconstpointer       data,
                                const SdChartStyle *style);

typedef struct {
  int r, g, b;
} SdTestRgb;

G_GNUC_UNUSED static void
sd_test_chart_save_png (cairo_surface_t *surface,
                        const char      *name)
{
  const char *extra_dir = g_getenv ("SD_CHART_PNG_DIR");
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (sd_test_chart_dir, file, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  if (extra_dir != NULL && *extra_dir != '\0')
    {
      g_autofree char *extra = g_build_filename (extra_dir, file, NULL);

      g_assert_cmpint (g_mkdir_with_parents (extra_dir, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (surface, extra), ==, CAIRO_STATUS_SUCCESS);
    }
}

/* Draws into a new width × height image (at least 1 × 1 for cairo), checks cairo is happy and
 * saves the PNG when `name` is set. */
G_GNUC_UNUSED static cairo_surface_t *
sd_test_render (SdTestDrawFunc      draw,
                gconstpointer       data,
                const SdChartStyle *style,
                int                 width,
                int                 height,
                const char         *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1),
                                                         MAX (height, 1));
  cairo_t *cr = cairo_create (surface);

  draw (cr, width, height, data, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  if (name != NULL)
    sd_test_chart_save_png (surface, name);

  return surface;
}

G_GNUC_UNUSED static SdTestRgb
sd_test_pixel (cairo_surface_t *surface,
               int              x,
               int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;
  int a;
  SdTestRgb rgb;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  memcpy (&argb, data + y * stride + x * 4, 4);
  a = (argb >> 24) & 0xff;
  rgb.r = (argb >> 16) & 0xff;
  rgb.g = (argb >> 8) & 0xff;
  rgb.b = argb & 0xff;
  /* Every chart paints an opaque background, so nothing needs unpremultiplying. */
  g_assert_cmpint (a, ==, 255);

  return rgb;
}

/* The 8-bit colour `color` gives once blended over `background`. */
G_GNUC_UNUSED static SdTestRgb
sd_test_expected_rgb (const SdChartColor *color,
                      const SdChartColor *background)
{
  double a = color->alpha;
  SdTestRgb rgb = {
    (int) round ((color->red * a + background->red * (1 - a)) * 255),
    (int) round ((color->green * a + background->green * (1 - a)) * 255),
    (int) round ((color->blue * a + background->blue * (1 - a)) * 255),
  };

  return rgb;
}

G_GNUC_UNUSED static int
sd_test_distance (SdTestRgb a,
                  SdTestRgb b)
{
  return MAX (abs (a.r - b.r), MAX (abs (a.g - b.g), abs (a.b - b.b)));
}

G_GNUC_UNUSED static gboolean
sd_test_pixel_is (cairo_surface_t    *surface,
                  int                 x,
                  int                 y,
                  const SdChartColor *color,
                  const SdChartStyle *style)
{
  return sd_test_distance (sd_test_pixel (surface, x, y),
                           sd_test_expected_rgb (color, &style->background)) <= 2;
}

G_GNUC_UNUSED static guint
sd_test_count_color (cairo_surface_t    *surface,
                     int                 x0,
                     int                 y0,
                     int                 x1,
                     int                 y1,
                     const SdChartColor *color,
                     const SdChartStyle *style)
{
  guint n = 0;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, cairo_image_surface_get_width (surface));
  y1 = MIN (y1, cairo_image_surface_get_height (surface));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (sd_test_pixel_is (surface, x, y, color, style))
        n++;

  return n;
}
