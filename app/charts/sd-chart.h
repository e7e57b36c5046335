/* sd-chart.h — what every chart shares: style, nice scales, number labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts are plain drawing functions on a cairo_t (see sd-chart-plan-fact.h and its siblings):
 * the GUI calls them from a GtkDrawingArea draw func, the PDF export on a PDF surface, the tests
 * on an image surface. Sizes are in cairo user units (logical pixels on screen). Nothing here
 * reads the global locale for numbers: the number style travels in SdChartStyle. Month names
 * come from sd_month_format_short () and so follow LC_TIME.
 */
#pragma once

#include <glib.h>

#include "sd-money.h"
#include "sd-period.h"

G_BEGIN_DECLS

/* A colour with straight (not premultiplied) alpha, each channel 0..1. */
typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} SdChartColor;

/* A rectangle in the chart's user units: where a bar was drawn (for pointing a popover at it). */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} SdChartRect;

/* Everything a chart needs to look right on its surface. Fill it with
 * sd_chart_style_init_light () or _dark (), then adjust fields if needed (the GUI may set
 * font_size from the user's text scaling, or a background with alpha 0 to paint nothing). */
typedef struct {
  SdChartColor   background;   /* painted first unless alpha is 0 */
  SdChartColor   text;         /* "No data", legend */
  SdChartColor   muted_text;   /* axis labels */
  SdChartColor   grid;         /* horizontal grid lines, year separators */
  SdChartColor   axis;         /* the zero line */
  SdChartColor   fact;         /* fact bars (blue) */
  SdChartColor   plan;         /* plan line and markers (dark grey in light, light grey in dark) */
  SdChartColor   forecast;     /* forecast band, translucent */
  SdChartColor   highlight;    /* the element under the pointer (orange) */
  SdChartColor   positive;     /* growth above zero, completion over 100 % */
  SdChartColor   negative;     /* decline, completion under the lag threshold */
  const char    *font_family;  /* a Pango family list; not copied, must outlive the style */
  double         font_size;    /* in user units (pixels on screen), not points */
  SdNumberStyle  number_style; /* decimal separator and grouping of every number drawn */
} SdChartStyle;

/* The light palette for white backgrounds (libadwaita's light views and cards). */
void    sd_chart_style_init_light    (SdChartStyle  *style,
                                      SdNumberStyle  number_style);

/* The dark palette for libadwaita's dark views (#1e1e1e). */
void    sd_chart_style_init_dark     (SdChartStyle  *style,
                                      SdNumberStyle  number_style);

/* WCAG relative luminance (0 black … 1 white) of an opaque colour. */
double  sd_chart_color_luminance     (const SdChartColor *color);

/* WCAG contrast ratio (1 … 21) of a colour drawn over an opaque background; the colour's
 * alpha is blended over the background first. Body text needs at least 4.5. */
double  sd_chart_color_contrast      (const SdChartColor *color,
                                      const SdChartColor *background);

/* An axis scale in whole units (rubles, basis points …): ticks lo, lo + step, … hi. */
typedef struct {
  gint64 lo;
  gint64 hi;
  gint64 step;     /* 1, 2 or 5 × 10ⁿ */
  guint  n_ticks;  /* (hi − lo) ÷ step + 1, at least 2 */
} SdChartScale;

/* The finest 1/2/5 × 10ⁿ scale with at most max_ticks ticks that covers min..max (fewer than
 * 2 ticks count as 2, or 3 when the data spans zero). Ticks are multiples of step, so 0 is a
 * tick whenever the data spans 0. A single value v is shown against zero (0..v), all zeros as
 * 0..1; min > max are swapped; values beyond ±10¹⁸ are clamped. Pure. */
SdChartScale sd_chart_scale_nice     (gint64 min,
                                      gint64 max,
                                      guint  max_ticks);

/* A short money label for axes and summaries: "1,2 млн ₽", "850 тыс ₽", "3 млрд ₽", "0 ₽",
 * "−1,5 млн ₽" (RU); "1.2M ₽", "850K ₽" (EN). One decimal below 100 units, none above, no
 * trailing ",0"; the minus is U+2212. The K/M/B/T suffixes are translatable. currency_symbol may
 * be NULL. */
char   *sd_chart_format_money_short  (SdMoney        value,
                                      SdNumberStyle  style,
                                      const char    *currency_symbol);

/* An exact money amount for tooltips: "11 250 400,50 ₽", "12 000 000 ₽" (no ",00" for whole
 * amounts), a U+2212 minus for negative amounts. */
char   *sd_chart_format_money_exact  (SdMoney        value,
                                      SdNumberStyle  style,
                                      const char    *currency_symbol);

/* A percentage from basis points (1 % = 100) with one decimal, rounded half away from zero:
 * "93,8 %" (RU, no-break space) or "93.8%" (EN). explicit_plus writes "+12,5 %" for positive
 * values (growth); the minus is U+2212 and "0,0 %" never has a sign. */
char   *sd_chart_format_percent      (gint64         basis_points,
                                      SdNumberStyle  style,
                                      gboolean       explicit_plus);

/* A whole number with digit groups: "1 200" (RU, U+202F) or "1,200" (EN). */
char   *sd_chart_format_count        (gint64         value,
                                      SdNumberStyle  style);

G_END_DECLS
