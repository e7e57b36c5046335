/* sd-chart.c — chart style, nice scales, number labels, axes and legend
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-chart-private.h"

#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE */
#define MINUS "\xe2\x88\x92"  /* U+2212 MINUS SIGN */

/* Beyond this the scale clamps: far above any sum of money in rubles or any percentage. */
#define SCALE_LIMIT ((gint64) 1000000000000000000)   /* 10¹⁸ */

#define DEFAULT_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, sans-serif"
#define DEFAULT_FONT_SIZE   12.0

/* Style */

static SdChartColor
rgb (guint32 hex)
{
  SdChartColor color = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };

  return color;
}

static SdChartColor
rgba (guint32 hex,
      double  alpha)
{
  SdChartColor color = rgb (hex);

  color.alpha = alpha;
  return color;
}

/* The palette keeps plan and fact apart by lightness as well as hue (blue bars, a near-black or
 * near-white plan line), so they stay distinct for every kind of colour blindness; growth and
 * ranking add direction or reference lines to their green/red. */
void
sd_chart_style_init_light (SdChartStyle  *style,
                           SdNumberStyle  number_style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->background = rgb (0xffffff);
  style->text = rgb (0x1f1f1f);
  style->muted_text = rgb (0x5e5c64);
  style->grid = rgb (0xe4e4e4);
  style->axis = rgb (0x9a9996);
  style->fact = rgb (0x3584e4);
  style->plan = rgb (0x2e2e33);
  style->forecast = rgba (0x3584e4, 0.22);
  style->highlight = rgb (0xe66100);
  style->positive = rgb (0x26a269);
  style->negative = rgb (0xc01c28);
  style->font_family = DEFAULT_FONT_FAMILY;
  style->font_size = DEFAULT_FONT_SIZE;
  style->number_style = number_style;
}

void
sd_chart_style_init_dark (SdChartStyle  *style,
                          SdNumberStyle  number_style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->background = rgb (0x1e1e1e);
  style->text = rgb (0xffffff);
  style->muted_text = rgb (0xc0bfbc);
  style->grid = rgb (0x383838);
  style->axis = rgb (0x77767b);
  style->fact = rgb (0x3584e4);
  style->plan = rgb (0xdeddda);
  style->forecast = rgba (0x3584e4, 0.38);
  style->highlight = rgb (0xffa348);
  style->positive = rgb (0x33d17a);
  style->negative = rgb (0xff7b63);
  style->font_family = DEFAULT_FONT_FAMILY;
  style->font_size = DEFAULT_FONT_SIZE;
  style->number_style = number_style;
}

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
sd_chart_color_luminance (const SdChartColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * channel_luminance (CLAMP (color->red, 0.0, 1.0))
         + 0.7152 * channel_luminance (CLAMP (color->green, 0.0, 1.0))
         + 0.0722 * channel_luminance (CLAMP (color->blue, 0.0, 1.0));
}

double
sd_chart_color_contrast (const SdChartColor *color,
                         const SdChartColor *background)
{
  SdChartColor blended;
  double a, l1, l2;

  g_return_val_if_fail (color != NULL, 1.0);
  g_return_val_if_fail (background != NULL, 1.0);

  a = CLAMP (color->alpha, 0.0, 1.0);
  blended.red = color->red * a + background->red * (1.0 - a);
  blended.green = color->green * a + background->green * (1.0 - a);
  blended.blue = color->blue * a + background->blue * (1.0 - a);
  blended.alpha = 1.0;

  l1 = sd_chart_color_luminance (&blended);
  l2 = sd_chart_color_luminance (background);

  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

/* Scales */

static __int128
floor_div_128 (__int128 a,
               __int128 b)
{
  __int128 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q -= 1;
  return q;
}

static __int128
ceil_div_128 (__int128 a,
              __int128 b)
{
  return -floor_div_128 (-a, b);
}

SdChartScale
_sd_chart_scale_nice_full (gint64 min,
                           gint64 max,
                           guint  max_ticks,
                           gint64 min_step)
{
  static const int mantissas[] = { 1, 2, 5 };
  SdChartScale scale = { 0, 1, 1, 2 };
  __int128 power = 1;

  if (min > max)
    {
      gint64 tmp = min;
      min = max;
      max = tmp;
    }

  min = CLAMP (min, -SCALE_LIMIT, SCALE_LIMIT);
  max = CLAMP (max, -SCALE_LIMIT, SCALE_LIMIT);
  /* Data on both sides of zero needs a tick below, zero, and one above. */
  max_ticks = MAX (max_ticks, min < 0 && max > 0 ? 3 : 2);
  min_step = MAX (min_step, 1);

  /* A lone value is measured from zero: a bar chart of one month still starts at 0. */
  if (min == max)
    {
      if (min == 0)
        max = 1;
      else if (min > 0)
        min = 0;
      else
        max = 0;
    }

  /* 1, 2, 5, 10, 20 … up to 5 × 10¹⁸: with |values| ≤ 10¹⁸ the last one always fits in two
   * intervals, and every product stays inside 128 bits. */
  for (int exponent = 0; exponent <= 18; exponent++, power *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          __int128 step = power * mantissas[i];
          __int128 lo, hi;

          if (step < min_step)
            continue;

          lo = floor_div_128 (min, step) * step;
          hi = ceil_div_128 (max, step) * step;

          if ((hi - lo) / step <= (__int128) max_ticks - 1 || exponent == 18)
            {
              scale.lo = (gint64) lo;
              scale.hi = (gint64) hi;
              scale.step = (gint64) step;
              scale.n_ticks = (guint) ((hi - lo) / step) + 1;
              return scale;
            }
        }
    }

  return scale;
}

SdChartScale
sd_chart_scale_nice (gint64 min,
                     gint64 max,
                     guint  max_ticks)
{
  return _sd_chart_scale_nice_full (min, max, max_ticks, 1);
}

/* Number labels */

static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

/* |num| ÷ den rounded half away from zero, den > 0. */
static guint64
round_div (guint64 num,
           guint64 den)
{
  unsigned __int128 q = num / den;

  if ((unsigned __int128) (num % den) * 2 >= den)
    q += 1;
  return (guint64) q;
}

static void
append_grouped (GString       *out,
                guint64        value,
                SdNumberStyle  style)
{
  char digits[32];
  gsize len, i;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  len = strlen (digits);

  for (i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, style == SD_NUMBER_STYLE_RU ? NNBSP : ",");
      g_string_append_c (out, digits[i]);
    }
}

static void
append_currency (GString    *out,
                 const char *currency_symbol)
{
  if (currency_symbol != NULL && *currency_symbol != '\0')
    {
      g_string_append (out, NBSP);
      g_string_append (out, currency_symbol);
    }
}

/* |num| ÷ den rounded half away from zero, for amounts that may exceed SdMoney (axis ticks
 * in rubles, converted to kopecks). */
static unsigned __int128
round_div_128 (unsigned __int128 num,
               unsigned __int128 den)
{
  unsigned __int128 q = num / den;

  if ((num % den) * 2 >= den)
    q += 1;
  return q;
}

static void
append_grouped_128 (GString           *out,
                    unsigned __int128  value,
                    SdNumberStyle      style)
{
  /* Every amount we print fits in 64 bits once divided into its unit; beyond, saturate. */
  append_grouped (out, value > G_MAXUINT64 ? G_MAXUINT64 : (guint64) value, style);
}

/* The short label of ±kopecks (a magnitude in 128 bits, so that axis ticks beyond SdMoney
 * still print truthfully). */
static char *
format_money_short (unsigned __int128  kopecks,
                    gboolean           negative,
                    SdNumberStyle      style,
                    const char        *currency_symbol)
{
  /* Units in rubles, each with the suffix that names it. */
  static const guint64 units[] = {
    1000, 1000000, 1000000000, G_GUINT64_CONSTANT (1000000000000),
  };
  GString *out = g_string_new (NULL);
  GString *number = g_string_new (NULL);
  unsigned __int128 rubles = round_div_128 (kopecks, 100);
  unsigned __int128 tenths = 0;
  int unit = -1;
  const char *format = NULL;

  for (int i = G_N_ELEMENTS (units) - 1; i >= 0; i--)
    {
      if (rubles >= units[i])
        {
          unit = i;
          break;
        }
    }

  if (unit >= 0)
    {
      tenths = round_div_128 (kopecks, (unsigned __int128) units[unit] * 10);
      /* 999 960 ₽ rounds to "1 000 тыс": say "1 млн" instead. */
      if (tenths >= 10000 && unit + 1 < (int) G_N_ELEMENTS (units))
        {
          unit++;
          tenths = round_div_128 (kopecks, (unsigned __int128) units[unit] * 10);
        }
    }

  if (unit < 0)
    append_grouped_128 (number, rubles, style);
  else if (tenths >= 1000)
    append_grouped_128 (number, round_div_128 (kopecks, (unsigned __int128) units[unit] * 100),
                        style);
  else
    {
      append_grouped_128 (number, tenths / 10, style);
      if (tenths % 10 != 0)
        g_string_append_printf (number, "%c%u", style == SD_NUMBER_STYLE_RU ? ',' : '.',
                                (guint) (tenths % 10));
    }

  if (negative && strcmp (number->str, "0") != 0)
    g_string_append (out, MINUS);

  switch (unit)
    {
    case 0:
      /* Translators: a short amount in thousands on a chart axis, %s is the number: "850K".
       * Russian: "%s тыс" (with a no-break space). */
      format = _("%sK");
      break;
    case 1:
      /* Translators: a short amount in millions on a chart axis, %s is the number: "1.2M".
       * Russian: "%s млн" (with a no-break space). */
      format = _("%sM");
      break;
    case 2:
      /* Translators: a short amount in billions on a chart axis, %s is the number: "3B".
       * Russian: "%s млрд" (with a no-break space). */
      format = _("%sB");
      break;
    case 3:
      /* Translators: a short amount in trillions on a chart axis, %s is the number: "2T".
       * Russian: "%s трлн" (with a no-break space). */
      format = _("%sT");
      break;
    default:
      break;
    }

  if (format != NULL)
    g_string_append_printf (out, format, number->str);
  else
    g_string_append (out, number->str);
  g_string_free (number, TRUE);

  append_currency (out, currency_symbol);

  return g_string_free (out, FALSE);
}

char *
sd_chart_format_money_short (SdMoney        value,
                             SdNumberStyle  style,
                             const char    *currency_symbol)
{
  return format_money_short (magnitude (value), value < 0, style, currency_symbol);
}

char *
sd_chart_format_money_exact (SdMoney        value,
                             SdNumberStyle  style,
                             const char    *currency_symbol)
{
  GString *out = g_string_new (NULL);
  guint64 kopecks = magnitude (value);

  if (value < 0)
    g_string_append (out, MINUS);

  append_grouped (out, kopecks / 100, style);
  if (kopecks % 100 != 0)
    g_string_append_printf (out, "%c%02u", style == SD_NUMBER_STYLE_RU ? ',' : '.',
                            (guint) (kopecks % 100));

  append_currency (out, currency_symbol);

  return g_string_free (out, FALSE);
}

/* basis points → "93,8 %" with `decimals` (0 or 1) decimals. */
static char *
format_basis_points (gint64         basis_points,
                     SdNumberStyle  style,
                     guint          decimals,
                     gboolean       explicit_plus)
{
  GString *out = g_string_new (NULL);
  guint64 scaled = round_div (magnitude (basis_points), decimals > 0 ? 10 : 100);

  if (scaled != 0)
    {
      if (basis_points < 0)
        g_string_append (out, MINUS);
      else if (explicit_plus)
        g_string_append_c (out, '+');
    }

  if (decimals > 0)
    {
      append_grouped (out, scaled / 10, style);
      g_string_append_printf (out, "%c%u", style == SD_NUMBER_STYLE_RU ? ',' : '.',
                              (guint) (scaled % 10));
    }
  else
    append_grouped (out, scaled, style);

  /* Russian typography puts a space before the percent sign; English does not. */
  g_string_append (out, style == SD_NUMBER_STYLE_RU ? NBSP "%" : "%");

  return g_string_free (out, FALSE);
}

char *
sd_chart_format_percent (gint64         basis_points,
                         SdNumberStyle  style,
                         gboolean       explicit_plus)
{
  return format_basis_points (basis_points, style, 1, explicit_plus);
}

char *
sd_chart_format_count (gint64        value,
                       SdNumberStyle style)
{
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append (out, MINUS);
  append_grouped (out, magnitude (value), style);

  return g_string_free (out, FALSE);
}

gboolean
_sd_chart_ratio_bp (gint64  numerator,
                    gint64  denominator,
                    gint64 *out_bp)
{
  __int128 num, den, q, r;

  if (denominator == 0)
    return FALSE;

  num = (__int128) numerator * 10000;
  den = denominator;
  if (den < 0)
    {
      num = -num;
      den = -den;
    }

  q = num / den;
  r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;

  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;

  *out_bp = (gint64) q;
  return TRUE;
}

char *
_sd_chart_month_label (SdMonth month)
{
  if (month == SD_MONTH_INVALID)
    return g_strdup ("");
  return sd_month_format_label (month);
}

/* Canvas and text */

void
_sd_chart_canvas_init (SdChartCanvas      *canvas,
                       cairo_t            *cr,
                       int                 width,
                       int                 height,
                       const SdChartStyle *style)
{
  cairo_font_options_t *options;
  double size;
  g_autoptr(PangoLayout) probe = NULL;

  memset (canvas, 0, sizeof *canvas);
  canvas->cr = cr;
  canvas->style = style;
  canvas->width = MAX (width, 0);
  canvas->height = MAX (height, 0);

  /* Fixed options, not the surface's: hit testing has no surface, and both must agree. */
  canvas->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (canvas->pango, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (canvas->pango, 96.0);

  size = style->font_size > 1.0 ? style->font_size : DEFAULT_FONT_SIZE;
  canvas->font = pango_font_description_new ();
  pango_font_description_set_family (canvas->font,
                                     style->font_family != NULL ? style->font_family
                                                                : DEFAULT_FONT_FAMILY);
  pango_font_description_set_absolute_size (canvas->font, size * PANGO_SCALE);
  canvas->font_large = pango_font_description_copy (canvas->font);
  pango_font_description_set_absolute_size (canvas->font_large, round (size * 1.25) * PANGO_SCALE);

  probe = _sd_chart_canvas_layout (canvas, "Ag", FALSE);
  _sd_chart_layout_size (probe, NULL, &canvas->line_height);
  canvas->pad = MAX (4.0, round (size * 0.67));
}

void
_sd_chart_canvas_clear (SdChartCanvas *canvas)
{
  g_clear_object (&canvas->pango);
  g_clear_pointer (&canvas->font, pango_font_description_free);
  g_clear_pointer (&canvas->font_large, pango_font_description_free);
}

PangoLayout *
_sd_chart_canvas_layout (SdChartCanvas *canvas,
                         const char    *text,
                         gboolean       large)
{
  PangoLayout *layout = pango_layout_new (canvas->pango);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, large ? canvas->font_large : canvas->font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_sd_chart_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = ceil ((double) logical.width / PANGO_SCALE);
  if (height != NULL)
    *height = ceil ((double) logical.height / PANGO_SCALE);
}

double
_sd_chart_text_width (SdChartCanvas *canvas,
                      const char    *text)
{
  g_autoptr(PangoLayout) layout = _sd_chart_canvas_layout (canvas, text, FALSE);
  double width;

  _sd_chart_layout_size (layout, &width, NULL);
  return width;
}

void
_sd_chart_set_color (cairo_t            *cr,
                     const SdChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
_sd_chart_draw_layout (SdChartCanvas      *canvas,
                       PangoLayout        *layout,
                       double              x,
                       double              y,
                       double              xalign,
                       double              yalign,
                       const SdChartColor *color)
{
  PangoRectangle logical;
  double w, h;

  if (canvas->cr == NULL)
    return;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  cairo_save (canvas->cr);
  _sd_chart_set_color (canvas->cr, color);
  cairo_move_to (canvas->cr,
                 round (x - xalign * w - (double) logical.x / PANGO_SCALE),
                 round (y - yalign * h - (double) logical.y / PANGO_SCALE));
  pango_cairo_show_layout (canvas->cr, layout);
  cairo_restore (canvas->cr);
}

void
_sd_chart_draw_text (SdChartCanvas      *canvas,
                     const char         *text,
                     double              x,
                     double              y,
                     double              xalign,
                     double              yalign,
                     const SdChartColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (canvas->cr == NULL)
    return;

  layout = _sd_chart_canvas_layout (canvas, text, FALSE);
  _sd_chart_draw_layout (canvas, layout, x, y, xalign, yalign, color);
}

void
_sd_chart_draw_text_knockout (SdChartCanvas      *canvas,
                              const char         *text,
                              double              x,
                              double              y,
                              double              xalign,
                              double              yalign,
                              const SdChartColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, margin = 2;

  if (canvas->cr == NULL)
    return;

  layout = _sd_chart_canvas_layout (canvas, text, FALSE);
  if (canvas->style->background.alpha > 0)
    {
      _sd_chart_layout_size (layout, &w, &h);
      cairo_save (canvas->cr);
      _sd_chart_set_color (canvas->cr, &canvas->style->background);
      cairo_rectangle (canvas->cr, round (x - xalign * w) - margin, round (y - yalign * h),
                       w + 2 * margin, h);
      cairo_fill (canvas->cr);
      cairo_restore (canvas->cr);
    }
  _sd_chart_draw_layout (canvas, layout, x, y, xalign, yalign, color);
}

void
_sd_chart_paint_background (SdChartCanvas *canvas)
{
  if (canvas->cr == NULL || canvas->style->background.alpha <= 0.0)
    return;

  cairo_save (canvas->cr);
  _sd_chart_set_color (canvas->cr, &canvas->style->background);
  cairo_rectangle (canvas->cr, 0, 0, canvas->width, canvas->height);
  cairo_fill (canvas->cr);
  cairo_restore (canvas->cr);
}

void
_sd_chart_draw_no_data (SdChartCanvas     *canvas,
                        const SdChartRect *area)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  if (canvas->cr == NULL)
    return;

  /* Translators: shown in the middle of an empty chart. */
  layout = _sd_chart_canvas_layout (canvas, _("No data"), TRUE);
  _sd_chart_layout_size (layout, &w, &h);
  if (w > area->width || h > area->height)
    {
      g_clear_object (&layout);
      layout = _sd_chart_canvas_layout (canvas, _("No data"), FALSE);
      _sd_chart_layout_size (layout, &w, &h);
      if (w > canvas->width || h > canvas->height)
        return;
    }

  _sd_chart_draw_layout (canvas, layout,
                         area->x + area->width / 2, area->y + area->height / 2,
                         0.5, 0.5, &canvas->style->text);
}

void
_sd_chart_hline (cairo_t            *cr,
                 double              x0,
                 double              x1,
                 double              y,
                 const SdChartColor *color)
{
  double yy = floor (y) + 0.5;

  cairo_save (cr);
  _sd_chart_set_color (cr, color);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, round (x0), yy);
  cairo_line_to (cr, round (x1), yy);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_sd_chart_vline (cairo_t            *cr,
                 double              x,
                 double              y0,
                 double              y1,
                 const SdChartColor *color)
{
  double xx = floor (x) + 0.5;

  cairo_save (cr);
  _sd_chart_set_color (cr, color);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, xx, round (y0));
  cairo_line_to (cr, xx, round (y1));
  cairo_stroke (cr);
  cairo_restore (cr);
}

gboolean
_sd_chart_bar_rect (double       x0,
                    double       x1,
                    double       y_value,
                    double       y_base,
                    SdChartRect *out)
{
  double left = round (x0), right = round (x1);
  double top = round (MIN (y_value, y_base)), bottom = round (MAX (y_value, y_base));

  if (x1 <= x0 || y_value == y_base)
    return FALSE;

  if (right <= left)
    right = left + 1;
  /* A value too small for a pixel still shows as one, on the side it lies. */
  if (bottom <= top)
    {
      if (y_value <= y_base)
        top = bottom - 1;
      else
        bottom = top + 1;
    }

  *out = (SdChartRect) { left, top, right - left, bottom - top };
  return TRUE;
}

void
_sd_chart_bar (cairo_t            *cr,
               double              x0,
               double              x1,
               double              y_value,
               double              y_base,
               double              radius,
               const SdChartColor *color)
{
  SdChartRect r;
  double left, right, top, bottom;

  if (!_sd_chart_bar_rect (x0, x1, y_value, y_base, &r))
    return;

  left = r.x;
  right = r.x + r.width;
  top = r.y;
  bottom = r.y + r.height;
  radius = MIN (radius, MIN ((right - left) / 2, bottom - top));

  cairo_save (cr);
  _sd_chart_set_color (cr, color);
  if (radius < 1.0)
    cairo_rectangle (cr, left, top, right - left, bottom - top);
  else if (y_value <= y_base)
    {
      cairo_move_to (cr, left, bottom);
      cairo_arc (cr, left + radius, top + radius, radius, G_PI, 1.5 * G_PI);
      cairo_arc (cr, right - radius, top + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, right, bottom);
      cairo_close_path (cr);
    }
  else
    {
      cairo_move_to (cr, left, top);
      cairo_line_to (cr, right, top);
      cairo_arc (cr, right - radius, bottom - radius, radius, 0, 0.5 * G_PI);
      cairo_arc (cr, left + radius, bottom - radius, radius, 0.5 * G_PI, G_PI);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

gboolean
_sd_chart_rect_contains (const SdChartRect *rect,
                         double             x,
                         double             y)
{
  return x >= rect->x && x < rect->x + rect->width
         && y >= rect->y && y < rect->y + rect->height;
}

/* Legend */

static double
legend_swatch_width (SdChartCanvas *canvas)
{
  return round (canvas->line_height * 1.2);
}

double
_sd_chart_legend_width (SdChartCanvas           *canvas,
                        const SdChartLegendItem *items,
                        guint                    n_items)
{
  double width = 0;

  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        width += canvas->pad * 2;
      width += legend_swatch_width (canvas) + canvas->pad / 2
               + _sd_chart_text_width (canvas, items[i].label);
    }

  return width;
}

void
_sd_chart_legend_draw (SdChartCanvas           *canvas,
                       const SdChartLegendItem *items,
                       guint                    n_items,
                       double                   x,
                       double                   y)
{
  cairo_t *cr = canvas->cr;
  double swatch = legend_swatch_width (canvas);
  double cy = y + canvas->line_height / 2;

  if (cr == NULL)
    return;

  for (guint i = 0; i < n_items; i++)
    {
      double side = round (canvas->line_height * 0.6);

      cairo_save (cr);
      switch (items[i].kind)
        {
        case SD_CHART_LEGEND_BAR:
          _sd_chart_set_color (cr, items[i].color);
          cairo_rectangle (cr, round (x + (swatch - side) / 2), round (cy - side / 2), side, side);
          cairo_fill (cr);
          break;

        case SD_CHART_LEGEND_LINE:
          _sd_chart_set_color (cr, items[i].color);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, x, round (cy));
          cairo_line_to (cr, x + swatch, round (cy));
          cairo_stroke (cr);
          cairo_arc (cr, x + swatch / 2, round (cy), 3.0, 0, 2 * G_PI);
          cairo_fill (cr);
          break;

        case SD_CHART_LEGEND_BAND:
        default:
          _sd_chart_set_color (cr, items[i].color);
          cairo_rectangle (cr, x, round (cy - side / 2), swatch, side);
          cairo_fill (cr);
          break;
        }
      cairo_restore (cr);

      x += swatch + canvas->pad / 2;
      _sd_chart_draw_text (canvas, items[i].label, x, y, 0.0, 0.0, &canvas->style->text);
      x += _sd_chart_text_width (canvas, items[i].label) + canvas->pad * 2;
    }
}

/* Value axis */

void
_sd_chart_value_axis_init (SdChartValueAxis *axis,
                           SdChartCanvas    *canvas,
                           SdChartUnit       unit,
                           gint64            min,
                           gint64            max,
                           guint             max_ticks,
                           const char       *currency_symbol)
{
  SdNumberStyle number_style = canvas->style->number_style;

  memset (axis, 0, sizeof *axis);
  axis->unit = unit;
  /* 100 ₽ and 1 % are the finest steps worth a grid line. */
  axis->scale = _sd_chart_scale_nice_full (min, max, max_ticks, 100);
  axis->labels = g_new0 (char *, axis->scale.n_ticks + 1);

  for (guint i = 0; i < axis->scale.n_ticks; i++)
    {
      gint64 tick = axis->scale.lo + (gint64) i * axis->scale.step;
      double width;

      if (unit == SD_CHART_UNIT_RUBLES)
        axis->labels[i] = format_money_short ((unsigned __int128) magnitude (tick) * 100, tick < 0,
                                              number_style, currency_symbol);
      else
        axis->labels[i] = format_basis_points (tick, number_style, 0, FALSE);

      width = _sd_chart_text_width (canvas, axis->labels[i]);
      axis->label_width = MAX (axis->label_width, width);
    }
}

void
_sd_chart_value_axis_clear (SdChartValueAxis *axis)
{
  g_clear_pointer (&axis->labels, g_strfreev);
}

double
_sd_chart_value_axis_map (const SdChartValueAxis *axis,
                          double                  value,
                          double                  p_lo,
                          double                  p_hi)
{
  double span = (double) axis->scale.hi - (double) axis->scale.lo;

  if (span <= 0)
    return p_lo;
  return p_lo + (value - (double) axis->scale.lo) / span * (p_hi - p_lo);
}

void
_sd_chart_value_axis_draw_vertical (SdChartCanvas          *canvas,
                                    const SdChartValueAxis *axis,
                                    const SdChartRect      *plot,
                                    gboolean                labels)
{
  double bottom = plot->y + plot->height;

  if (canvas->cr == NULL)
    return;

  for (guint i = 0; i < axis->scale.n_ticks; i++)
    {
      gint64 tick = axis->scale.lo + (gint64) i * axis->scale.step;
      double y = _sd_chart_value_axis_map (axis, (double) tick, bottom, plot->y);

      if (tick != 0)
        _sd_chart_hline (canvas->cr, plot->x, plot->x + plot->width, y, &canvas->style->grid);

      if (labels)
        {
          double cy = CLAMP (y, canvas->line_height / 2, canvas->height - canvas->line_height / 2);

          _sd_chart_draw_text (canvas, axis->labels[i], plot->x - canvas->pad / 2, cy,
                               1.0, 0.5, &canvas->style->muted_text);
        }
    }
}

void
_sd_chart_value_axis_draw_zero (SdChartCanvas          *canvas,
                                const SdChartValueAxis *axis,
                                const SdChartRect      *plot)
{
  double y;

  if (canvas->cr == NULL || axis->scale.lo > 0 || axis->scale.hi < 0)
    return;

  y = _sd_chart_value_axis_map (axis, 0.0, plot->y + plot->height, plot->y);
  _sd_chart_hline (canvas->cr, plot->x, plot->x + plot->width, y, &canvas->style->axis);
}

/* Month axis */

/* Ten years and more get year labels only: month names every few months would be noise. */
#define MONTH_LABELS_MAX_MONTHS 72

guint
_sd_chart_month_axis_rows (guint n_months)
{
  if (n_months == 0)
    return 0;
  return n_months > MONTH_LABELS_MAX_MONTHS ? 1 : 2;
}

void
_sd_chart_month_axis_init (SdChartMonthAxis *axis,
                           SdChartCanvas    *canvas,
                           SdMonth           first,
                           guint             n_months,
                           double            slot_width)
{
  static const guint steps[] = { 1, 2, 3, 6 };
  gboolean seen[12] = { FALSE, };
  guint min_step;

  memset (axis, 0, sizeof *axis);
  axis->first = first;
  axis->n_months = n_months;

  if (n_months == 0)
    return;

  for (guint i = 0; i < MIN (n_months, 12); i++)
    {
      SdMonth m = first + (SdMonth) i;
      int moy = sd_month_get_month (m) - 1;

      if (!seen[moy])
        {
          g_autofree char *label = sd_month_format_short (m);

          seen[moy] = TRUE;
          axis->label_width = MAX (axis->label_width, _sd_chart_text_width (canvas, label));
        }
    }

  /* Beyond three years, a label every month is a wall of text even when it fits. */
  min_step = n_months > 36 ? 3 : 1;

  if (n_months <= MONTH_LABELS_MAX_MONTHS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          if (steps[i] >= min_step
              && steps[i] * slot_width >= axis->label_width + canvas->pad)
            {
              axis->label_step = steps[i];
              break;
            }
        }
    }

  axis->n_rows = axis->label_step > 0 ? 2 : 1;
}

void
_sd_chart_month_axis_draw (SdChartCanvas          *canvas,
                           const SdChartMonthAxis *axis,
                           const SdChartRect      *plot,
                           gboolean                labels)
{
  const SdChartStyle *style = canvas->style;
  double slot, bottom, row_y, year_row_y, last_right, axis_bottom;
  guint n_years;

  if (canvas->cr == NULL || axis->n_months == 0)
    return;

  slot = plot->width / axis->n_months;
  bottom = plot->y + plot->height;
  row_y = bottom + canvas->pad / 2;
  year_row_y = axis->label_step > 0 ? row_y + canvas->line_height : row_y;
  axis_bottom = labels ? year_row_y + canvas->line_height : bottom;
  n_years = (guint) (sd_month_get_year (axis->first + (SdMonth) axis->n_months - 1)
                     - sd_month_get_year (axis->first) + 1);

  /* Year separators: through the plot, faint, and down through the labels. */
  for (guint i = 1; i < axis->n_months; i++)
    {
      if (sd_month_get_month (axis->first + (SdMonth) i) == 1)
        _sd_chart_vline (canvas->cr, plot->x + i * slot, plot->y, axis_bottom, &style->grid);
    }

  if (!labels)
    return;

  if (axis->label_step > 0)
    {
      last_right = -G_MAXDOUBLE;
      for (guint i = 0; i < axis->n_months; i++)
        {
          SdMonth m = axis->first + (SdMonth) i;
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          double w, left;

          if ((guint) (sd_month_get_month (m) - 1) % axis->label_step != 0)
            continue;

          text = sd_month_format_short (m);
          layout = _sd_chart_canvas_layout (canvas, text, FALSE);
          _sd_chart_layout_size (layout, &w, NULL);
          left = CLAMP (plot->x + (i + 0.5) * slot - w / 2, 0, MAX (0, canvas->width - w));
          if (left < last_right + canvas->pad / 2)
            continue;

          _sd_chart_draw_layout (canvas, layout, left, row_y, 0.0, 0.0, &style->muted_text);
          last_right = left + w;
        }
    }

  /* Years, each centred under its months. */
  last_right = -G_MAXDOUBLE;
  for (guint i = 0; i < axis->n_months;)
    {
      int year = sd_month_get_year (axis->first + (SdMonth) i);
      guint end = i;
      g_autofree char *text = g_strdup_printf ("%d", year);
      g_autoptr(PangoLayout) layout = _sd_chart_canvas_layout (canvas, text, FALSE);
      double w, span_left, span_width, left;

      while (end < axis->n_months && sd_month_get_year (axis->first + (SdMonth) end) == year)
        end++;

      span_left = plot->x + i * slot;
      span_width = (end - i) * slot;
      _sd_chart_layout_size (layout, &w, NULL);
      left = CLAMP (span_left + span_width / 2 - w / 2, 0, MAX (0, canvas->width - w));

      /* A year with too few months to hold its label gives way to its neighbours. */
      if ((n_years == 1 || span_width + canvas->pad >= w) && left >= last_right + canvas->pad)
        {
          _sd_chart_draw_layout (canvas, layout, left, year_row_y, 0.0, 0.0, &style->text);
          last_right = left + w;
        }

      i = end;
    }
}

int
_sd_chart_slot_hit (const SdChartRect *plot,
                    guint              n_slots,
                    double             x,
                    double             y)
{
  int index;

  if (n_slots == 0 || plot->width <= 0 || !_sd_chart_rect_contains (plot, x, y))
    return -1;

  index = (int) floor ((x - plot->x) / (plot->width / n_slots));
  return CLAMP (index, 0, (int) n_slots - 1);
}

/* Month layout */

void
_sd_chart_month_layout_init (SdChartMonthLayout *layout,
                             SdChartCanvas      *canvas,
                             SdMonth             first,
                             guint               n_months,
                             SdChartUnit         unit,
                             gint64              min,
                             gint64              max,
                             const char         *currency_symbol,
                             double              legend_width)
{
  double pad = canvas->pad, line = canvas->line_height;
  SdChartRect area = { pad, pad, canvas->width - 2 * pad, canvas->height - 2 * pad };
  guint rows = _sd_chart_month_axis_rows (n_months);

  memset (layout, 0, sizeof *layout);
  layout->empty = n_months == 0;

  if (area.width < 1 || area.height < 1)
    {
      /* Nothing fits: an empty plot, so drawing and hit testing have nothing to do. */
      layout->plot = (SdChartRect) { pad, pad, 0, 0 };
      _sd_chart_value_axis_init (&layout->values, canvas, unit, min, max, 2, currency_symbol);
      _sd_chart_month_axis_init (&layout->months, canvas, first, n_months, 1.0);
      return;
    }

  /* The legend goes first when space is short: the axes say more. */
  if (legend_width > 0 && !layout->empty && legend_width <= area.width
      && area.height >= line * 6)
    {
      layout->show_legend = TRUE;
      layout->legend_y = area.y;
      area.y += line + pad;
      area.height -= line + pad;
    }

  /* Two passes: the month axis may turn out to need one row less than assumed. */
  for (int pass = 0; pass < 2; pass++)
    {
      double axis_height = rows * line + pad / 2;
      double top, plot_height, label_width;
      guint max_ticks;

      _sd_chart_value_axis_clear (&layout->values);

      layout->show_month_labels = rows > 0 && area.height - axis_height >= 2 * line;
      if (!layout->show_month_labels)
        axis_height = 0;

      /* Half a line above, so the top tick's label is not cut. */
      top = area.y + line / 2;
      plot_height = MAX (0, area.y + area.height - axis_height - top);
      max_ticks = (guint) CLAMP (floor (plot_height / (line * 2.2)) + 1, 2, 8);

      _sd_chart_value_axis_init (&layout->values, canvas, unit, min, max, max_ticks,
                                 currency_symbol);
      label_width = layout->values.label_width + pad / 2;
      layout->show_value_labels = !layout->empty && plot_height >= line * 1.5
                                  && area.width - label_width >= MAX (40, area.width * 0.5);

      layout->plot.x = area.x + (layout->show_value_labels ? label_width : 0);
      layout->plot.y = top;
      layout->plot.width = MAX (0, area.x + area.width - layout->plot.x);
      layout->plot.height = plot_height;
      layout->slot = n_months > 0 ? layout->plot.width / n_months : 0;

      _sd_chart_month_axis_init (&layout->months, canvas, first, n_months, layout->slot);
      if (pass > 0 || !layout->show_month_labels || layout->months.n_rows >= rows)
        break;
      rows = layout->months.n_rows;
    }

  layout->legend_x = layout->plot.x;

  /* Bars of about 60 % of their slot read as columns; very narrow slots need every pixel. */
  if (layout->slot >= 6)
    layout->bar_width = MIN (round (layout->slot * 0.62), 64);
  else
    layout->bar_width = MAX (floor (layout->slot * 0.8), 1.0);
}

void
_sd_chart_month_layout_clear (SdChartMonthLayout *layout)
{
  _sd_chart_value_axis_clear (&layout->values);
}

void
_sd_chart_month_layout_draw_frame (SdChartCanvas            *canvas,
                                   const SdChartMonthLayout *layout)
{
  const SdChartRect *plot = &layout->plot;

  if (canvas->cr == NULL || plot->width <= 0 || plot->height <= 0)
    return;

  if (layout->empty)
    {
      _sd_chart_vline (canvas->cr, plot->x, plot->y, plot->y + plot->height + 1,
                       &canvas->style->axis);
      _sd_chart_hline (canvas->cr, plot->x, plot->x + plot->width, plot->y + plot->height,
                       &canvas->style->axis);
      _sd_chart_draw_no_data (canvas, plot);
      return;
    }

  _sd_chart_value_axis_draw_vertical (canvas, &layout->values, plot, layout->show_value_labels);
  _sd_chart_month_axis_draw (canvas, &layout->months, plot, layout->show_month_labels);
}

void
_sd_chart_month_layout_bar (const SdChartMonthLayout *layout,
                            guint                     i,
                            double                   *x0,
                            double                   *x1)
{
  double left = layout->plot.x + i * layout->slot + (layout->slot - layout->bar_width) / 2;

  *x0 = left;
  *x1 = left + layout->bar_width;
}

void
_sd_chart_month_layout_shade (SdChartCanvas            *canvas,
                              const SdChartMonthLayout *layout,
                              guint                     i)
{
  if (canvas->cr == NULL || i >= layout->months.n_months)
    return;

  cairo_save (canvas->cr);
  _sd_chart_set_color (canvas->cr, &canvas->style->grid);
  cairo_rectangle (canvas->cr,
                   round (layout->plot.x + i * layout->slot), layout->plot.y,
                   MAX (1, round (layout->plot.x + (i + 1) * layout->slot)
                           - round (layout->plot.x + i * layout->slot)),
                   layout->plot.height);
  cairo_fill (canvas->cr);
  cairo_restore (canvas->cr);
}
