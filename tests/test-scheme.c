/* test-scheme.c — motivation schemes: validation, scheme.json, the library
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-scheme"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-scheme.h"
#include "sd-scheme-json.h"
#include "sd-scheme-library.h"

#define FIX(x) ((gint64) (x) * SD_FIX_ONE)

/* The example of DESIGN.md, word for word. */
static const char design_example[] =
  "{ \"name\": \"Manager: salary + % + KPI\",\n"
  "  \"salary\": \"40000.00\",\n"
  "  \"commission\": { \"base\": \"revenue\", \"mode\": \"whole\",\n"
  "                  \"tiers\": [ {\"from_pct\": 0, \"rate_pct\": 3}, {\"from_pct\": 70, \"rate_pct\": 5},\n"
  "                             {\"from_pct\": 100, \"rate_pct\": 7} ] },\n"
  "  \"gate_pct\": 50,\n"
  "  \"kpi\": { \"target_bonus\": \"20000.00\",\n"
  "           \"items\": [ {\"metric\": \"plan_pct\", \"weight\": 0.6, \"min\": 70, \"target\": 100, \"max\": 120},\n"
  "                      {\"metric\": \"calls\", \"weight\": 0.4, \"min\": 600, \"target\": 800, \"max\": 1000} ] },\n"
  "  \"overplan\": [ {\"from_pct\": 110, \"amount\": \"10000.00\"}, {\"from_pct\": 120, \"amount\": \"20000.00\"} ],\n"
  "  \"cap\": \"150000.00\",\n"
  "  \"scope\": \"personal\" }\n";

static void
test_json_design_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) s = sd_scheme_from_json (design_example, -1, &error);
  const SdKpiItem *item;

  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->name, ==, "Manager: salary + % + KPI");
  g_assert_null (s->description);
  g_assert_cmpint (s->salary, ==, 4000000);
  g_assert_cmpint (s->base, ==, SD_BASE_REVENUE);
  g_assert_cmpint (s->mode, ==, SD_COMMISSION_WHOLE);
  g_assert_cmpuint (s->tiers->len, ==, 3);
  g_assert_cmpint (g_array_index (s->tiers, SdTier, 1).from_pct, ==, 700000);
  g_assert_cmpint (g_array_index (s->tiers, SdTier, 1).rate_pct, ==, 50000);
  g_assert_cmpint (g_array_index (s->tiers, SdTier, 2).rate_pct, ==, 70000);
  g_assert_cmpint (s->gate_pct, ==, 500000);
  g_assert_cmpint (s->kpi_target_bonus, ==, 2000000);
  g_assert_cmpuint (s->kpi_items->len, ==, 2);
  item = &g_array_index (s->kpi_items, SdKpiItem, 0);
  g_assert_cmpint (item->metric, ==, SD_METRIC_PLAN_PCT);
  g_assert_cmpint (item->weight, ==, 6000);
  g_assert_cmpint (item->min, ==, 700000);
  g_assert_cmpint (item->target, ==, 1000000);
  g_assert_cmpint (item->max, ==, 1200000);
  item = &g_array_index (s->kpi_items, SdKpiItem, 1);
  g_assert_cmpint (item->metric, ==, SD_METRIC_CALLS);
  g_assert_cmpint (item->weight, ==, 4000);
  g_assert_cmpint (item->max, ==, 10000000);
  g_assert_cmpuint (s->overplan->len, ==, 2);
  g_assert_cmpint (g_array_index (s->overplan, SdOverplanStep, 1).from_pct, ==, 1200000);
  g_assert_cmpint (g_array_index (s->overplan, SdOverplanStep, 1).amount, ==, 2000000);
  g_assert_true (s->has_cap);
  g_assert_cmpint (s->cap, ==, 15000000);
  g_assert_cmpint (s->scope, ==, SD_SCOPE_PERSONAL);
}

/* Fractional percentages are exact: 2.5 and 33.33 as numbers and as strings. */
static void
test_json_fractional_exact (void)
{
  static const struct {
    const char *from;
    const char *rate;
    gint64      from_fix;
    gint64      rate_fix;
  } cases[] = {
    { "33.33", "2.5", 333300, 25000 },
    { "\"33.33\"", "\"2.5\"", 333300, 25000 },
    { "0.1", "0.0001", 1000, 1 },
    { "66.67", "7.25", 666700, 72500 },
    { "99.9999", "12.3456", 999999, 123456 },
    { "1e2", "5", 1000000, 50000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf (
        "{\"name\": \"x\", \"commission\": {\"mode\": \"whole\", \"tiers\": "
        "[{\"from_pct\": 0, \"rate_pct\": 1}, {\"from_pct\": %s, \"rate_pct\": %s}]}}",
        cases[i].from, cases[i].rate);
      g_autoptr(SdScheme) s = sd_scheme_from_json (json, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpint (g_array_index (s->tiers, SdTier, 1).from_pct, ==, cases[i].from_fix);
      g_assert_cmpint (g_array_index (s->tiers, SdTier, 1).rate_pct, ==, cases[i].rate_fix);
    }
}

static void
test_json_money_forms (void)
{
  static const struct {
    const char *text;
    SdMoney     expected;
  } cases[] = {
    { "\"40000.00\"", 4000000 },
    { "40000", 4000000 },
    { "40000.5", 4000050 },
    { "\"40 000,50\"", 4000050 },
    { "0.01", 1 },
    { "1234567.89", 123456789 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"name\": \"x\", \"salary\": %s}", cases[i].text);
      g_autoptr(SdScheme) s = sd_scheme_from_json (json, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpint (s->salary, ==, cases[i].expected);
      g_assert_cmpuint (s->tiers->len, ==, 1);
      g_assert_false (s->has_cap);
    }
}

static void
assert_round_trip (const SdScheme *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sd_scheme_to_json (s);
  g_autoptr(SdScheme) back = sd_scheme_from_json (json, -1, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_true (sd_scheme_equal (s, back));
  again = sd_scheme_to_json (back);
  g_assert_cmpstr (json, ==, again);
}

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) s = sd_scheme_from_json (design_example, -1, &error);
  g_autoptr(GPtrArray) library = sd_scheme_library_create_all ();
  g_autoptr(SdScheme) odd = sd_scheme_new ();

  g_assert_no_error (error);
  assert_round_trip (s);

  for (guint i = 0; i < library->len; i++)
    assert_round_trip (g_ptr_array_index (library, i));

  /* Quotes, a line break, fractions and a zero cap survive. */
  g_free (odd->name);
  odd->name = g_strdup ("ООО \"Ромашка\"\nотдел продаж");
  odd->description = g_strdup ("\\ back\tslash");
  odd->mode = SD_COMMISSION_MARGINAL;
  g_array_set_size (odd->tiers, 0);
  sd_scheme_add_tier (odd, 0, 25000);
  sd_scheme_add_tier (odd, 333300, 123456);
  odd->gate_pct = 1;
  odd->kpi_target_bonus = 1;
  sd_scheme_add_kpi_item (odd, SD_METRIC_CALL_SCORE, 3333, 0, 1, 1);
  sd_scheme_add_kpi_item (odd, SD_METRIC_REVENUE, 6667, FIX (500000), FIX (1000000) + 5000, FIX (2000000));
  sd_scheme_add_overplan (odd, 1000001, 99);
  odd->has_cap = TRUE;
  odd->cap = 0;
  odd->scope = SD_SCOPE_TEAM;
  g_assert_true (sd_scheme_validate (odd, NULL));
  assert_round_trip (odd);
}

static void
test_json_writes_design_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) s = sd_scheme_from_json (design_example, -1, &error);
  g_autofree char *json = sd_scheme_to_json (s);
  static const char expected[] =
    "{\n"
    "  \"name\": \"Manager: salary + % + KPI\",\n"
    "  \"salary\": \"40000.00\",\n"
    "  \"commission\": {\n"
    "    \"base\": \"revenue\",\n"
    "    \"mode\": \"whole\",\n"
    "    \"tiers\": [\n"
    "      {\"from_pct\": 0, \"rate_pct\": 3},\n"
    "      {\"from_pct\": 70, \"rate_pct\": 5},\n"
    "      {\"from_pct\": 100, \"rate_pct\": 7}\n"
    "    ]\n"
    "  },\n"
    "  \"gate_pct\": 50,\n"
    "  \"kpi\": {\n"
    "    \"target_bonus\": \"20000.00\",\n"
    "    \"items\": [\n"
    "      {\"metric\": \"plan_pct\", \"weight\": 0.6, \"min\": 70, \"target\": 100, \"max\": 120},\n"
    "      {\"metric\": \"calls\", \"weight\": 0.4, \"min\": 600, \"target\": 800, \"max\": 1000}\n"
    "    ]\n"
    "  },\n"
    "  \"overplan\": [\n"
    "    {\"from_pct\": 110, \"amount\": \"10000.00\"},\n"
    "    {\"from_pct\": 120, \"amount\": \"20000.00\"}\n"
    "  ],\n"
    "  \"cap\": \"150000.00\",\n"
    "  \"scope\": \"personal\"\n"
    "}\n";

  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, expected);
}

/* Each broken scheme is rejected, and the message names the field. */
static void
test_json_invalid (void)
{
  static const struct {
    const char *json;
    const char *field;
    int         code;
  } cases[] = {
    /* weights not 100 % */
    { "{\"name\":\"x\",\"kpi\":{\"target_bonus\":1000,\"items\":[{\"metric\":\"calls\",\"weight\":0.5,\"min\":1,\"target\":2,\"max\":3},"
      "{\"metric\":\"deals\",\"weight\":0.4,\"min\":1,\"target\":2,\"max\":3}]}}", "kpi.items", SD_SCHEME_ERROR_INVALID },
    /* weights over 100 % */
    { "{\"name\":\"x\",\"kpi\":{\"target_bonus\":1000,\"items\":[{\"metric\":\"calls\",\"weight\":0.7,\"min\":1,\"target\":2,\"max\":3},"
      "{\"metric\":\"deals\",\"weight\":0.4,\"min\":1,\"target\":2,\"max\":3}]}}", "kpi.items", SD_SCHEME_ERROR_INVALID },
    /* descending tiers */
    { "{\"name\":\"x\",\"commission\":{\"mode\":\"whole\",\"tiers\":[{\"from_pct\":0,\"rate_pct\":3},{\"from_pct\":100,\"rate_pct\":7},"
      "{\"from_pct\":70,\"rate_pct\":5}]}}", "commission.tiers[2].from_pct", SD_SCHEME_ERROR_INVALID },
    /* equal tiers */
    { "{\"name\":\"x\",\"commission\":{\"mode\":\"whole\",\"tiers\":[{\"from_pct\":0,\"rate_pct\":3},{\"from_pct\":0,\"rate_pct\":7}]}}",
      "commission.tiers[1].from_pct", SD_SCHEME_ERROR_INVALID },
    /* first tier not from 0 */
    { "{\"name\":\"x\",\"commission\":{\"mode\":\"whole\",\"tiers\":[{\"from_pct\":10,\"rate_pct\":3}]}}",
      "commission.tiers[0].from_pct", SD_SCHEME_ERROR_INVALID },
    /* negative rate */
    { "{\"name\":\"x\",\"commission\":{\"mode\":\"flat\",\"tiers\":[{\"from_pct\":0,\"rate_pct\":-1}]}}",
      "commission.tiers[0].rate_pct", SD_SCHEME_ERROR_INVALID },
    /* unknown metric */
    { "{\"name\":\"x\",\"kpi\":{\"target_bonus\":1000,\"items\":[{\"metric\":\"smiles\",\"weight\":1,\"min\":1,\"target\":2,\"max\":3}]}}",
      "kpi.items[0].metric", SD_SCHEME_ERROR_INVALID },
    /* unknown base, mode, scope */
    { "{\"name\":\"x\",\"commission\":{\"base\":\"profit\",\"tiers\":[{\"from_pct\":0,\"rate_pct\":1}]}}",
      "commission.base", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"commission\":{\"mode\":\"progressive\",\"tiers\":[{\"from_pct\":0,\"rate_pct\":1}]}}",
      "commission.mode", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"scope\":\"company\"}", "scope", SD_SCHEME_ERROR_INVALID },
    /* bad money */
    { "{\"name\":\"x\",\"salary\":\"40000.001\"}", "salary", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"salary\":\"forty\"}", "salary", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"salary\":40000.123}", "salary", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"salary\":true}", "salary", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"salary\":\"-5\"}", "salary", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"cap\":\"1,2,3\"}", "cap", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"overplan\":[{\"from_pct\":110,\"amount\":\"lots\"}]}", "overplan[0].amount", SD_SCHEME_ERROR_INVALID },
    /* too many decimals in a percentage */
    { "{\"name\":\"x\",\"gate_pct\":50.00001}", "gate_pct", SD_SCHEME_ERROR_INVALID },
    /* missing or empty name */
    { "{\"salary\":\"1\"}", "name", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"  \"}", "name", SD_SCHEME_ERROR_INVALID },
    /* KPI min above target, max below target, zero target */
    { "{\"name\":\"x\",\"kpi\":{\"target_bonus\":1000,\"items\":[{\"metric\":\"calls\",\"weight\":1,\"min\":900,\"target\":800,\"max\":1000}]}}",
      "kpi.items[0].min", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"kpi\":{\"target_bonus\":1000,\"items\":[{\"metric\":\"calls\",\"weight\":1,\"min\":600,\"target\":800,\"max\":700}]}}",
      "kpi.items[0].max", SD_SCHEME_ERROR_INVALID },
    { "{\"name\":\"x\",\"kpi\":{\"target_bonus\":1000,\"items\":[{\"metric\":\"calls\",\"weight\":1,\"min\":0,\"target\":0,\"max\":0}]}}",
      "kpi.items[0].target", SD_SCHEME_ERROR_INVALID },
    /* descending over-plan steps */
    { "{\"name\":\"x\",\"overplan\":[{\"from_pct\":120,\"amount\":1},{\"from_pct\":110,\"amount\":2}]}",
      "overplan[1].from_pct", SD_SCHEME_ERROR_INVALID },
    /* flat with two rates */
    { "{\"name\":\"x\",\"commission\":{\"mode\":\"flat\",\"tiers\":[{\"from_pct\":0,\"rate_pct\":1},{\"from_pct\":50,\"rate_pct\":2}]}}",
      "commission.tiers", SD_SCHEME_ERROR_INVALID },
    /* not JSON, not an object */
    { "{\"name\": ", NULL, SD_SCHEME_ERROR_PARSE },
    { "[1, 2]", NULL, SD_SCHEME_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdScheme) s = sd_scheme_from_json (cases[i].json, -1, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (s);
      g_assert_error (error, SD_SCHEME_ERROR, cases[i].code);
      if (cases[i].field != NULL)
        {
          g_autofree char *prefix = g_strconcat (cases[i].field, ": ", NULL);

          g_assert_true (g_str_has_prefix (error->message, prefix));
          g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 5);
        }
    }
}

static void
test_validate_weight_message (void)
{
  g_autoptr(SdScheme) s = sd_scheme_new ();
  g_autoptr(GError) error = NULL;

  g_free (s->name);
  s->name = g_strdup ("x");
  sd_scheme_add_tier (s, 0, 0);
  s->kpi_target_bonus = 100;
  sd_scheme_add_kpi_item (s, SD_METRIC_CALLS, 5000, 0, 1, 1);
  sd_scheme_add_kpi_item (s, SD_METRIC_DEALS, 4000, 0, 1, 1);
  g_assert_false (sd_scheme_validate (s, &error));
  g_assert_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "90"));
  g_clear_error (&error);

  /* Weights written as percentages get a hint. */
  g_array_index (s->kpi_items, SdKpiItem, 0).weight = 60 * SD_FIX_ONE;
  g_array_index (s->kpi_items, SdKpiItem, 1).weight = 40 * SD_FIX_ONE;
  g_assert_false (sd_scheme_validate (s, &error));
  g_assert_nonnull (strstr (error->message, "not 60 and 40"));
  g_clear_error (&error);

  g_array_index (s->kpi_items, SdKpiItem, 0).weight = 5000;
  g_array_index (s->kpi_items, SdKpiItem, 1).weight = 5000;
  g_assert_true (sd_scheme_validate (s, &error));
  g_assert_no_error (error);

  /* Unknown enum values set in code are caught too. */
  s->base = (SdSchemeBase) 7;
  g_assert_false (sd_scheme_validate (s, &error));
  g_assert_true (g_str_has_prefix (error->message, "commission.base: "));
}

static void
test_fix_text (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    gint64      value;
    const char *plain;
  } cases[] = {
    { "2.5", TRUE, 25000, "2.5" },
    { "33.33", TRUE, 333300, "33.33" },
    { "33,33", TRUE, 333300, "33.33" },
    { "-7", TRUE, -70000, "-7" },
    { "0.0001", TRUE, 1, "0.0001" },
    { "-0.5", TRUE, -5000, "-0.5" },
    { "100", TRUE, 1000000, "100" },
    { "2.50000", TRUE, 25000, "2.5" },
    { " 12 ", TRUE, 120000, "12" },
    { "2.00001", FALSE, 0, NULL },
    { "", FALSE, 0, NULL },
    { ".", FALSE, 0, NULL },
    { "1e2", FALSE, 0, NULL },
    { "1.2.3", FALSE, 0, NULL },
    { "abc", FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = -1;

      g_assert_cmpint (sd_fix_parse (cases[i].text, &value), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *plain = sd_fix_to_plain (value);

          g_assert_cmpint (value, ==, cases[i].value);
          g_assert_cmpstr (plain, ==, cases[i].plain);
        }
    }

  {
    g_autofree char *ru = sd_fix_format (833000, SD_NUMBER_STYLE_RU);
    g_autofree char *en = sd_fix_format (833000, SD_NUMBER_STYLE_EN);

    g_assert_cmpstr (ru, ==, "83,3");
    g_assert_cmpstr (en, ==, "83.3");
  }
}

static void
test_names (void)
{
  SdMetric metric;
  SdSchemeBase base;
  SdCommissionMode mode;
  SdSchemeScope scope;

  for (int m = SD_METRIC_PLAN_PCT; m <= SD_METRIC_CALL_SCORE; m++)
    {
      g_assert_true (sd_metric_from_string (sd_metric_to_string ((SdMetric) m), &metric));
      g_assert_cmpint (metric, ==, m);
      g_assert_cmpstr (sd_metric_get_label ((SdMetric) m), !=, "");
    }
  g_assert_true (sd_metric_from_string (" Call_Score ", &metric));
  g_assert_cmpint (metric, ==, SD_METRIC_CALL_SCORE);
  g_assert_false (sd_metric_from_string ("score", &metric));
  g_assert_true (sd_scheme_base_from_string ("margin", &base));
  g_assert_cmpint (base, ==, SD_BASE_MARGIN);
  g_assert_true (sd_commission_mode_from_string ("marginal", &mode));
  g_assert_cmpint (mode, ==, SD_COMMISSION_MARGINAL);
  g_assert_true (sd_scheme_scope_from_string ("team", &scope));
  g_assert_cmpint (scope, ==, SD_SCOPE_TEAM);
  g_assert_false (sd_scheme_scope_from_string (NULL, &scope));
}

static void
test_library_valid (void)
{
  g_autoptr(GPtrArray) all = sd_scheme_library_create_all ();
  gboolean has_team = FALSE, has_marginal = FALSE, has_whole = FALSE, has_flat = FALSE;

  g_assert_cmpuint (all->len, ==, sd_scheme_library_get_n_schemes ());
  g_assert_cmpuint (all->len, >=, 4);
  g_assert_null (sd_scheme_library_create (all->len));

  for (guint i = 0; i < all->len; i++)
    {
      const SdScheme *s = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SdScheme) again = sd_scheme_library_create (i);

      g_assert_true (sd_scheme_validate (s, &error));
      g_assert_no_error (error);
      g_assert_true (sd_scheme_equal (s, again));
      g_assert_nonnull (s->description);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (s->name, !=, ((SdScheme *) g_ptr_array_index (all, j))->name);

      has_team |= s->scope == SD_SCOPE_TEAM;
      has_marginal |= s->mode == SD_COMMISSION_MARGINAL;
      has_whole |= s->mode == SD_COMMISSION_WHOLE;
      has_flat |= s->mode == SD_COMMISSION_FLAT;
    }

  g_assert_true (has_team && has_marginal && has_whole && has_flat);
}

static void
test_copy_equal (void)
{
  g_autoptr(SdScheme) a = sd_scheme_library_create (2);
  g_autoptr(SdScheme) b = sd_scheme_copy (a);

  g_assert_true (sd_scheme_equal (a, b));
  g_array_index (b->kpi_items, SdKpiItem, 0).max += 1;
  g_assert_false (sd_scheme_equal (a, b));
  g_array_index (b->kpi_items, SdKpiItem, 0).max -= 1;
  b->cap += 1;
  g_assert_false (sd_scheme_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme/json/design-example", test_json_design_example);
  g_test_add_func ("/scheme/json/fractional-percentages-exact", test_json_fractional_exact);
  g_test_add_func ("/scheme/json/money-string-or-number", test_json_money_forms);
  g_test_add_func ("/scheme/json/round-trip", test_json_round_trip);
  g_test_add_func ("/scheme/json/writes-design-form", test_json_writes_design_form);
  g_test_add_func ("/scheme/json/invalid-rejected-naming-field", test_json_invalid);
  g_test_add_func ("/scheme/validate/weights-sum-message", test_validate_weight_message);
  g_test_add_func ("/scheme/fix/parse-and-print", test_fix_text);
  g_test_add_func ("/scheme/names/round-trip", test_names);
  g_test_add_func ("/scheme/library/all-valid", test_library_valid);
  g_test_add_func ("/scheme/copy-equal", test_copy_equal);

  return g_test_run ();
}
