/* sd-scheme.c — motivation schemes: the model and its rules
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-scheme"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-scheme.h"

G_DEFINE_QUARK (sd-scheme-error-quark, sd_scheme_error)

SdScheme *
sd_scheme_new (void)
{
  SdScheme *self = g_new0 (SdScheme, 1);

  self->name = g_strdup ("");
  self->base = SD_BASE_REVENUE;
  self->mode = SD_COMMISSION_FLAT;
  self->scope = SD_SCOPE_PERSONAL;
  self->tiers = g_array_new (FALSE, TRUE, sizeof (SdTier));
  self->kpi_items = g_array_new (FALSE, TRUE, sizeof (SdKpiItem));
  self->overplan = g_array_new (FALSE, TRUE, sizeof (SdOverplanStep));

  return self;
}

static GArray *
copy_array (GArray *array)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, g_array_get_element_size (array), array->len);

  if (array->len > 0)
    g_array_append_vals (copy, array->data, array->len);

  return copy;
}

SdScheme *
sd_scheme_copy (const SdScheme *self)
{
  SdScheme *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdScheme, 1);
  *copy = *self;
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->tiers = copy_array (self->tiers);
  copy->kpi_items = copy_array (self->kpi_items);
  copy->overplan = copy_array (self->overplan);

  return copy;
}

void
sd_scheme_free (SdScheme *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->description);
  g_clear_pointer (&self->tiers, g_array_unref);
  g_clear_pointer (&self->kpi_items, g_array_unref);
  g_clear_pointer (&self->overplan, g_array_unref);
  g_free (self);
}

static gboolean
arrays_equal (GArray *a,
              GArray *b)
{
  guint size = g_array_get_element_size (a);

  if (a->len != b->len || size != g_array_get_element_size (b))
    return FALSE;

  /* The element structs are zero-filled on creation (g_array_new clear = TRUE and the adders
   * assign whole initialised structs), so padding compares equal. */
  return a->len == 0 || memcmp (a->data, b->data, (gsize) a->len * size) == 0;
}

gboolean
sd_scheme_equal (const SdScheme *a,
                 const SdScheme *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         a->salary == b->salary &&
         a->base == b->base &&
         a->mode == b->mode &&
         a->gate_pct == b->gate_pct &&
         a->kpi_target_bonus == b->kpi_target_bonus &&
         a->has_cap == b->has_cap &&
         (!a->has_cap || a->cap == b->cap) &&
         a->scope == b->scope &&
         arrays_equal (a->tiers, b->tiers) &&
         arrays_equal (a->kpi_items, b->kpi_items) &&
         arrays_equal (a->overplan, b->overplan);
}

void
sd_scheme_add_tier (SdScheme *self,
                    gint64    from_pct,
                    gint64    rate_pct)
{
  SdTier tier;

  g_return_if_fail (self != NULL);

  memset (&tier, 0, sizeof tier);
  tier.from_pct = from_pct;
  tier.rate_pct = rate_pct;
  g_array_append_val (self->tiers, tier);
}

void
sd_scheme_add_kpi_item (SdScheme *self,
                        SdMetric  metric,
                        gint64    weight,
                        gint64    min,
                        gint64    target,
                        gint64    max)
{
  SdKpiItem item;

  g_return_if_fail (self != NULL);

  memset (&item, 0, sizeof item);
  item.metric = metric;
  item.weight = weight;
  item.min = min;
  item.target = target;
  item.max = max;
  g_array_append_val (self->kpi_items, item);
}

void
sd_scheme_add_overplan (SdScheme *self,
                        gint64    from_pct,
                        SdMoney   amount)
{
  SdOverplanStep step;

  g_return_if_fail (self != NULL);

  memset (&step, 0, sizeof step);
  step.from_pct = from_pct;
  step.amount = amount;
  g_array_append_val (self->overplan, step);
}

/* ------------------------------------------------------------------------------------------
 * Fixed-point decimals
 * ------------------------------------------------------------------------------------------ */

static char *
fix_to_string (gint64 value,
               char   point)
{
  guint64 abs_value = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  guint64 whole = abs_value / (guint64) SD_FIX_ONE;
  guint frac = (guint) (abs_value % (guint64) SD_FIX_ONE);
  char digits[8];
  int len = 4;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, value < 0 ? "-" : "", whole);

  g_snprintf (digits, sizeof digits, "%04u", frac);
  while (len > 0 && digits[len - 1] == '0')
    digits[--len] = '\0';

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%s", value < 0 ? "-" : "", whole, point, digits);
}

char *
sd_fix_to_plain (gint64 value)
{
  return fix_to_string (value, '.');
}

char *
sd_fix_format (gint64        value,
               SdNumberStyle style)
{
  return fix_to_string (value, style == SD_NUMBER_STYLE_RU ? ',' : '.');
}

gboolean
sd_fix_parse (const char *text,
              gint64     *out)
{
  const char *p;
  gboolean negative = FALSE;
  guint64 whole = 0;
  gint64 frac = 0;
  int n_whole = 0, n_frac = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');

  for (; g_ascii_isdigit (*p); p++, n_whole++)
    {
      whole = whole * 10 + (guint64) (*p - '0');
      if (whole > (guint64) G_MAXINT64 / (guint64) SD_FIX_ONE / 10)
        return FALSE;
    }

  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_frac++)
        {
          if (n_frac >= 4)
            {
              /* Trailing zeros beyond four places are harmless ("2.50000"). */
              if (*p != '0')
                return FALSE;
              continue;
            }
          frac = frac * 10 + (*p - '0');
        }
    }

  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || n_whole + n_frac == 0)
    return FALSE;

  for (int i = MIN (n_frac, 4); i < 4; i++)
    frac *= 10;

  *out = (gint64) whole * SD_FIX_ONE + frac;
  if (negative)
    *out = -*out;

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------------------------ */

static const char *base_names[] = { "revenue", "paid", "margin" };
static const char *mode_names[] = { "flat", "whole", "marginal" };
static const char *scope_names[] = { "personal", "team" };
static const char *metric_names[] = {
  "plan_pct", "revenue", "paid", "deals", "leads", "calls", "conversion", "call_score",
};

static gboolean
lookup_name (const char  *text,
             const char **names,
             guint        n_names,
             int         *out)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return FALSE;

  key = g_strstrip (g_strdup (text));
  for (char *p = key; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (key, names[i]) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define NAME_OR_EMPTY(names, v) \
  (((guint) (v)) < G_N_ELEMENTS (names) ? names[(guint) (v)] : "")

const char *
sd_scheme_base_to_string (SdSchemeBase base)
{
  return NAME_OR_EMPTY (base_names, base);
}

gboolean
sd_scheme_base_from_string (const char   *text,
                            SdSchemeBase *out)
{
  int v;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!lookup_name (text, base_names, G_N_ELEMENTS (base_names), &v))
    return FALSE;
  *out = (SdSchemeBase) v;
  return TRUE;
}

const char *
sd_commission_mode_to_string (SdCommissionMode mode)
{
  return NAME_OR_EMPTY (mode_names, mode);
}

gboolean
sd_commission_mode_from_string (const char       *text,
                                SdCommissionMode *out)
{
  int v;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!lookup_name (text, mode_names, G_N_ELEMENTS (mode_names), &v))
    return FALSE;
  *out = (SdCommissionMode) v;
  return TRUE;
}

const char *
sd_scheme_scope_to_string (SdSchemeScope scope)
{
  return NAME_OR_EMPTY (scope_names, scope);
}

gboolean
sd_scheme_scope_from_string (const char    *text,
                             SdSchemeScope *out)
{
  int v;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!lookup_name (text, scope_names, G_N_ELEMENTS (scope_names), &v))
    return FALSE;
  *out = (SdSchemeScope) v;
  return TRUE;
}

const char *
sd_metric_to_string (SdMetric metric)
{
  return NAME_OR_EMPTY (metric_names, metric);
}

gboolean
sd_metric_from_string (const char *text,
                       SdMetric   *out)
{
  int v;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!lookup_name (text, metric_names, G_N_ELEMENTS (metric_names), &v))
    return FALSE;
  *out = (SdMetric) v;
  return TRUE;
}

const char *
sd_scheme_base_get_label (SdSchemeBase base)
{
  switch (base)
    {
    case SD_BASE_PAID:
      return _("paid revenue");
    case SD_BASE_MARGIN:
      return _("margin");
    case SD_BASE_REVENUE:
    default:
      return _("revenue");
    }
}

const char *
sd_commission_mode_get_label (SdCommissionMode mode)
{
  switch (mode)
    {
    case SD_COMMISSION_WHOLE:
      /* Translators: commission where the reached tier's rate applies to the whole base */
      return _("whole tier (ladder)");
    case SD_COMMISSION_MARGINAL:
      /* Translators: commission where each tier's rate applies to its own slice */
      return _("marginal tiers");
    case SD_COMMISSION_FLAT:
    default:
      return _("flat rate");
    }
}

const char *
sd_metric_get_label (SdMetric metric)
{
  switch (metric)
    {
    case SD_METRIC_PLAN_PCT:
      return _("plan completion");
    case SD_METRIC_REVENUE:
      return _("revenue");
    case SD_METRIC_PAID:
      return _("paid revenue");
    case SD_METRIC_DEALS:
      return _("deals");
    case SD_METRIC_LEADS:
      return _("leads");
    case SD_METRIC_CALLS:
      return _("calls");
    case SD_METRIC_CONVERSION:
      return _("conversion");
    case SD_METRIC_CALL_SCORE:
      return _("call score");
    default:
      return "";
    }
}

/* ------------------------------------------------------------------------------------------
 * Validation
 * ------------------------------------------------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *field,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         const char *field,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %s is a field of the scheme ("commission.tiers[2].from_pct"), then the reason */
  g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID, _("%s: %s"), field, reason);
  return FALSE;
}

gboolean
sd_scheme_validate (const SdScheme *self,
                    GError        **error)
{
  g_autofree char *trimmed = NULL;
  gint64 weight_sum = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (self->name != NULL ? self->name : ""));
  if (trimmed[0] == '\0')
    return invalid (error, "name", _("the scheme needs a name"));
  if (g_utf8_strlen (trimmed, -1) > 200)
    return invalid (error, "name", _("the name is longer than 200 characters; shorten it"));

  if (self->salary < 0)
    return invalid (error, "salary", _("the salary cannot be negative"));

  if ((guint) self->base >= G_N_ELEMENTS (base_names))
    return invalid (error, "commission.base", _("unknown base; use revenue, paid or margin"));
  if ((guint) self->mode >= G_N_ELEMENTS (mode_names))
    return invalid (error, "commission.mode", _("unknown mode; use flat, whole or marginal"));
  if ((guint) self->scope >= G_N_ELEMENTS (scope_names))
    return invalid (error, "scope", _("unknown scope; use personal or team"));

  if (self->tiers->len == 0)
    return invalid (error, "commission.tiers",
                    _("add at least one tier (from 0 %%, with its rate; a rate of 0 means no commission)"));
  if (self->mode == SD_COMMISSION_FLAT && self->tiers->len != 1)
    return invalid (error, "commission.tiers",
                    _("a flat commission has exactly one rate; remove the other tiers or choose the whole or marginal mode"));

  for (guint i = 0; i < self->tiers->len; i++)
    {
      const SdTier *tier = &g_array_index (self->tiers, SdTier, i);
      g_autofree char *field_from = g_strdup_printf ("commission.tiers[%u].from_pct", i);
      g_autofree char *field_rate = g_strdup_printf ("commission.tiers[%u].rate_pct", i);

      if (i == 0 && tier->from_pct != 0)
        return invalid (error, field_from, _("the first tier must start from 0 %%"));
      if (i > 0 && tier->from_pct <= g_array_index (self->tiers, SdTier, i - 1).from_pct)
        return invalid (error, field_from,
                        _("tiers must go up: each tier starts above the one before it"));
      if (tier->rate_pct < 0)
        return invalid (error, field_rate, _("a rate cannot be negative"));
      if (tier->rate_pct > SD_FIX_HUNDRED)
        return invalid (error, field_rate, _("a rate cannot be above 100 %%"));
    }

  if (self->gate_pct < 0)
    return invalid (error, "gate_pct", _("the gate cannot be negative; use 0 for no gate"));

  if (self->kpi_target_bonus < 0)
    return invalid (error, "kpi.target_bonus", _("the KPI bonus cannot be negative"));
  if (self->kpi_items->len == 0 && self->kpi_target_bonus != 0)
    return invalid (error, "kpi.items",
                    _("a KPI bonus is set but no KPI items; add items or set the bonus to 0"));

  for (guint i = 0; i < self->kpi_items->len; i++)
    {
      const SdKpiItem *item = &g_array_index (self->kpi_items, SdKpiItem, i);
      g_autofree char *field = NULL;

      if ((guint) item->metric >= G_N_ELEMENTS (metric_names))
        {
          field = g_strdup_printf ("kpi.items[%u].metric", i);
          return invalid (error, field,
                          _("unknown metric; use plan_pct, revenue, paid, deals, leads, calls, conversion or call_score"));
        }
      if (item->weight <= 0)
        {
          field = g_strdup_printf ("kpi.items[%u].weight", i);
          return invalid (error, field, _("a weight must be above 0"));
        }
      if (item->min < 0)
        {
          field = g_strdup_printf ("kpi.items[%u].min", i);
          return invalid (error, field, _("the minimum cannot be negative"));
        }
      if (item->target <= 0)
        {
          field = g_strdup_printf ("kpi.items[%u].target", i);
          return invalid (error, field, _("the target must be above 0"));
        }
      if (item->min > item->target)
        {
          field = g_strdup_printf ("kpi.items[%u].min", i);
          return invalid (error, field, _("the minimum is above the target; lower it"));
        }
      if (item->max < item->target)
        {
          field = g_strdup_printf ("kpi.items[%u].max", i);
          return invalid (error, field, _("the maximum is below the target; raise it"));
        }
      weight_sum += item->weight;
    }

  if (self->kpi_items->len > 0 && weight_sum == 100 * SD_FIX_ONE)
    return invalid (error, "kpi.items",
                    _("weights are shares of 1 that add up to 1: write 0.6 and 0.4, not 60 and 40"));

  if (self->kpi_items->len > 0 && weight_sum != SD_FIX_ONE)
    {
      g_autofree char *sum = sd_fix_to_plain (weight_sum * 100);

      return invalid (error, "kpi.items",
                      /* Translators: %s is the sum of the weights in percent, "90" */
                      _("the weights add up to %s %% instead of 100 %%; correct them"), sum);
    }

  for (guint i = 0; i < self->overplan->len; i++)
    {
      const SdOverplanStep *step = &g_array_index (self->overplan, SdOverplanStep, i);
      g_autofree char *field_from = g_strdup_printf ("overplan[%u].from_pct", i);
      g_autofree char *field_amount = g_strdup_printf ("overplan[%u].amount", i);

      if (step->from_pct <= 0)
        return invalid (error, field_from, _("an over-plan step must start above 0 %%"));
      if (i > 0 && step->from_pct <= g_array_index (self->overplan, SdOverplanStep, i - 1).from_pct)
        return invalid (error, field_from,
                        _("steps must go up: each step starts above the one before it"));
      if (step->amount < 0)
        return invalid (error, field_amount, _("a bonus cannot be negative"));
    }

  if (self->has_cap && self->cap < 0)
    return invalid (error, "cap", _("the cap cannot be negative"));

  return TRUE;
}
