/* sd-scheme-json.c — reading and writing scheme.json
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers are never taken through a rounded percentage: a JSON number that json-glib holds
 * as a double is scaled by 10^4 (or 10^2 for money) and must land within a millionth of a
 * unit of an integer, which is true exactly when the decimal text had at most four (two)
 * places — the nearest double to "33.33" times 10^4 is 333300.00000000006, not 333299.
 */
#define G_LOG_DOMAIN "sd-scheme-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sd-scheme-json.h"

static gboolean
field_error (GError    **error,
             const char *field,
             const char *reason)
{
  /* Translators: %s is a field of the scheme ("kpi.items[1].weight"), then the reason */
  g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID, _("%s: %s"), field, reason);
  return FALSE;
}

static gboolean
double_to_scaled (double  value,
                  gint64  scale,
                  gint64 *out)
{
  double scaled = value * (double) scale;
  double rounded;

  if (!isfinite (scaled) || fabs (scaled) > 9.0e15)
    return FALSE;

  /* Below 9·10^15 a double is exact to better than 1, and the nearest double to a decimal
   * with the allowed places lands within 10^-6 of an integer after scaling. */
  rounded = round (scaled);
  if (fabs (scaled - rounded) > 1e-6)
    return FALSE;

  *out = (gint64) rounded;
  return TRUE;
}

/* A fixed-point value (SD_FIX_ONE units) from a number or a string. */
static gboolean
read_fix (JsonNode   *node,
          const char *field,
          gint64     *out,
          GError    **error)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          gint64 v = json_node_get_int (node);

          if (v > G_MAXINT64 / SD_FIX_ONE || v < G_MININT64 / SD_FIX_ONE)
            return field_error (error, field, _("the number is too large"));
          *out = v * SD_FIX_ONE;
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          if (!double_to_scaled (json_node_get_double (node), SD_FIX_ONE, out))
            return field_error (error, field,
                                _("write the number with at most four decimals"));
          return TRUE;
        }
      if (type == G_TYPE_STRING)
        {
          if (!sd_fix_parse (json_node_get_string (node), out))
            return field_error (error, field,
                                _("not a number; write it like 2.5 (at most four decimals)"));
          return TRUE;
        }
    }

  return field_error (error, field, _("expected a number, like 2.5"));
}

static gboolean
read_money (JsonNode   *node,
            const char *field,
            SdMoney    *out,
            GError    **error)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          gint64 v = json_node_get_int (node);

          if (v > G_MAXINT64 / 100 || v < G_MININT64 / 100)
            return field_error (error, field, _("the amount is too large"));
          *out = v * 100;
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          if (!double_to_scaled (json_node_get_double (node), 100, out))
            return field_error (error, field,
                                _("write the amount with at most two decimals, like \"40000.00\""));
          return TRUE;
        }
      if (type == G_TYPE_STRING)
        {
          g_autoptr(GError) local_error = NULL;

          if (!sd_money_parse (json_node_get_string (node), out, &local_error))
            return field_error (error, field, local_error->message);
          return TRUE;
        }
    }

  return field_error (error, field, _("expected an amount of money, like \"40000.00\""));
}

static gboolean
read_string (JsonNode    *node,
             const char  *field,
             const char **out,
             GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return field_error (error, field, _("expected text in quotes"));

  *out = json_node_get_string (node);
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *field,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      field_error (error, field, _("expected a list in square brackets"));
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        index,
                    const char  *field,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field_error (error, field, _("expected an object in curly braces"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_commission (SdScheme   *scheme,
                 JsonObject *commission,
                 GError    **error)
{
  const char *text;
  JsonArray *tiers;
  GError *local_error = NULL;

  if (json_object_has_member (commission, "base"))
    {
      if (!read_string (json_object_get_member (commission, "base"), "commission.base", &text, error))
        return FALSE;
      if (!sd_scheme_base_from_string (text, &scheme->base))
        return field_error (error, "commission.base", _("unknown base; use revenue, paid or margin"));
    }

  if (json_object_has_member (commission, "mode"))
    {
      if (!read_string (json_object_get_member (commission, "mode"), "commission.mode", &text, error))
        return FALSE;
      if (!sd_commission_mode_from_string (text, &scheme->mode))
        return field_error (error, "commission.mode", _("unknown mode; use flat, whole or marginal"));
    }

  tiers = get_array (commission, "tiers", "commission.tiers", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; tiers != NULL && i < json_array_get_length (tiers); i++)
    {
      g_autofree char *field = g_strdup_printf ("commission.tiers[%u]", i);
      g_autofree char *field_from = g_strdup_printf ("commission.tiers[%u].from_pct", i);
      g_autofree char *field_rate = g_strdup_printf ("commission.tiers[%u].rate_pct", i);
      JsonObject *tier = get_element_object (tiers, i, field, error);
      gint64 from = 0, rate = 0;

      if (tier == NULL)
        return FALSE;
      if (!read_fix (json_object_get_member (tier, "from_pct"), field_from, &from, error) ||
          !read_fix (json_object_get_member (tier, "rate_pct"), field_rate, &rate, error))
        return FALSE;
      sd_scheme_add_tier (scheme, from, rate);
    }

  return TRUE;
}

static gboolean
read_kpi (SdScheme   *scheme,
          JsonObject *kpi,
          GError    **error)
{
  JsonArray *items;
  GError *local_error = NULL;

  if (json_object_has_member (kpi, "target_bonus") &&
      !read_money (json_object_get_member (kpi, "target_bonus"), "kpi.target_bonus",
                   &scheme->kpi_target_bonus, error))
    return FALSE;

  items = get_array (kpi, "items", "kpi.items", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      static const char *keys[] = { "weight", "min", "target", "max" };
      g_autofree char *field = g_strdup_printf ("kpi.items[%u]", i);
      g_autofree char *field_metric = g_strdup_printf ("kpi.items[%u].metric", i);
      JsonObject *item = get_element_object (items, i, field, error);
      gint64 values[4] = { 0, 0, 0, 0 };
      const char *text;
      SdMetric metric;

      if (item == NULL)
        return FALSE;
      if (!read_string (json_object_get_member (item, "metric"), field_metric, &text, error))
        return FALSE;
      if (!sd_metric_from_string (text, &metric))
        return field_error (error, field_metric,
                            _("unknown metric; use plan_pct, revenue, paid, deals, leads, calls, conversion or call_score"));

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *field_value = g_strdup_printf ("kpi.items[%u].%s", i, keys[k]);

          if (!read_fix (json_object_get_member (item, keys[k]), field_value, &values[k], error))
            return FALSE;
        }

      sd_scheme_add_kpi_item (scheme, metric, values[0], values[1], values[2], values[3]);
    }

  return TRUE;
}

static gboolean
read_overplan (SdScheme   *scheme,
               JsonObject *root,
               GError    **error)
{
  GError *local_error = NULL;
  JsonArray *steps = get_array (root, "overplan", "overplan", &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      g_autofree char *field = g_strdup_printf ("overplan[%u]", i);
      g_autofree char *field_from = g_strdup_printf ("overplan[%u].from_pct", i);
      g_autofree char *field_amount = g_strdup_printf ("overplan[%u].amount", i);
      JsonObject *step = get_element_object (steps, i, field, error);
      gint64 from = 0;
      SdMoney amount = 0;

      if (step == NULL)
        return FALSE;
      if (!read_fix (json_object_get_member (step, "from_pct"), field_from, &from, error) ||
          !read_money (json_object_get_member (step, "amount"), field_amount, &amount, error))
        return FALSE;
      sd_scheme_add_overplan (scheme, from, amount);
    }

  return TRUE;
}

static JsonObject *
get_object (JsonObject  *object,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field_error (error, member, _("expected an object in curly braces"));
      return NULL;
    }

  return json_node_get_object (node);
}

SdScheme *
sd_scheme_from_json (const char  *text,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(SdScheme) scheme = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object, *part;
  const char *value;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_PARSE,
                   /* Translators: %s is the JSON parser's description of the problem */
                   _("The scheme file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_PARSE,
                           _("The scheme file must hold one object in curly braces"));
      return NULL;
    }
  object = json_node_get_object (root);
  scheme = sd_scheme_new ();

  if (!read_string (json_object_get_member (object, "name"), "name", &value, error))
    return NULL;
  g_free (scheme->name);
  scheme->name = g_strdup (value);

  if (json_object_has_member (object, "description") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "description")))
    {
      if (!read_string (json_object_get_member (object, "description"), "description", &value, error))
        return NULL;
      scheme->description = g_strdup (value);
    }

  if (json_object_has_member (object, "salary") &&
      !read_money (json_object_get_member (object, "salary"), "salary", &scheme->salary, error))
    return NULL;

  part = get_object (object, "commission", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (part != NULL && !read_commission (scheme, part, error))
    return NULL;
  if (part == NULL)
    sd_scheme_add_tier (scheme, 0, 0);

  if (json_object_has_member (object, "gate_pct") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "gate_pct")) &&
      !read_fix (json_object_get_member (object, "gate_pct"), "gate_pct", &scheme->gate_pct, error))
    return NULL;

  part = get_object (object, "kpi", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (part != NULL && !read_kpi (scheme, part, error))
    return NULL;

  if (!read_overplan (scheme, object, error))
    return NULL;

  if (json_object_has_member (object, "cap") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "cap")))
    {
      if (!read_money (json_object_get_member (object, "cap"), "cap", &scheme->cap, error))
        return NULL;
      scheme->has_cap = TRUE;
    }

  if (json_object_has_member (object, "scope"))
    {
      if (!read_string (json_object_get_member (object, "scope"), "scope", &value, error))
        return NULL;
      if (!sd_scheme_scope_from_string (value, &scheme->scope))
        {
          field_error (error, "scope", _("unknown scope; use personal or team"));
          return NULL;
        }
    }

  if (!sd_scheme_validate (scheme, error))
    return NULL;

  return g_steal_pointer (&scheme);
}

/* ------------------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------------------ */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

static void
append_money (GString *out,
              SdMoney  value)
{
  g_autofree char *plain = sd_money_to_plain (value);

  g_string_append_printf (out, "\"%s\"", plain);
}

static void
append_fix (GString *out,
            gint64   value)
{
  g_autofree char *plain = sd_fix_to_plain (value);

  g_string_append (out, plain);
}

char *
sd_scheme_to_json (const SdScheme *scheme)
{
  GString *out;

  g_return_val_if_fail (scheme != NULL, NULL);

  out = g_string_new ("{\n  \"name\": ");
  append_json_string (out, scheme->name != NULL ? scheme->name : "");
  if (scheme->description != NULL)
    {
      g_string_append (out, ",\n  \"description\": ");
      append_json_string (out, scheme->description);
    }

  g_string_append (out, ",\n  \"salary\": ");
  append_money (out, scheme->salary);

  g_string_append_printf (out, ",\n  \"commission\": {\n    \"base\": \"%s\",\n    \"mode\": \"%s\",\n    \"tiers\": [",
                          sd_scheme_base_to_string (scheme->base),
                          sd_commission_mode_to_string (scheme->mode));
  for (guint i = 0; i < scheme->tiers->len; i++)
    {
      const SdTier *tier = &g_array_index (scheme->tiers, SdTier, i);

      g_string_append (out, i == 0 ? "\n      {\"from_pct\": " : ",\n      {\"from_pct\": ");
      append_fix (out, tier->from_pct);
      g_string_append (out, ", \"rate_pct\": ");
      append_fix (out, tier->rate_pct);
      g_string_append (out, "}");
    }
  g_string_append (out, scheme->tiers->len > 0 ? "\n    ]\n  }" : "]\n  }");

  g_string_append (out, ",\n  \"gate_pct\": ");
  append_fix (out, scheme->gate_pct);

  if (scheme->kpi_items->len > 0 || scheme->kpi_target_bonus != 0)
    {
      g_string_append (out, ",\n  \"kpi\": {\n    \"target_bonus\": ");
      append_money (out, scheme->kpi_target_bonus);
      g_string_append (out, ",\n    \"items\": [");
      for (guint i = 0; i < scheme->kpi_items->len; i++)
        {
          const SdKpiItem *item = &g_array_index (scheme->kpi_items, SdKpiItem, i);

          g_string_append_printf (out, "%s\n      {\"metric\": \"%s\", \"weight\": ",
                                  i == 0 ? "" : ",", sd_metric_to_string (item->metric));
          append_fix (out, item->weight);
          g_string_append (out, ", \"min\": ");
          append_fix (out, item->min);
          g_string_append (out, ", \"target\": ");
          append_fix (out, item->target);
          g_string_append (out, ", \"max\": ");
          append_fix (out, item->max);
          g_string_append (out, "}");
        }
      g_string_append (out, scheme->kpi_items->len > 0 ? "\n    ]\n  }" : "]\n  }");
    }

  g_string_append (out, ",\n  \"overplan\": [");
  for (guint i = 0; i < scheme->overplan->len; i++)
    {
      const SdOverplanStep *step = &g_array_index (scheme->overplan, SdOverplanStep, i);

      g_string_append (out, i == 0 ? "\n    {\"from_pct\": " : ",\n    {\"from_pct\": ");
      append_fix (out, step->from_pct);
      g_string_append (out, ", \"amount\": ");
      append_money (out, step->amount);
      g_string_append (out, "}");
    }
  g_string_append (out, scheme->overplan->len > 0 ? "\n  ]" : "]");

  if (scheme->has_cap)
    {
      g_string_append (out, ",\n  \"cap\": ");
      append_money (out, scheme->cap);
    }

  g_string_append_printf (out, ",\n  \"scope\": \"%s\"\n}\n",
                          sd_scheme_scope_to_string (scheme->scope));

  return g_string_free (out, FALSE);
}
