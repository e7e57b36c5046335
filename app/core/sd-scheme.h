/* sd-scheme.h — motivation (pay) schemes: salary, commission tiers, gate, KPI matrix,
 * over-plan steps, cap and scope
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-money.h"

G_BEGIN_DECLS

#define SD_SCHEME_ERROR (sd_scheme_error_quark ())

typedef enum {
  SD_SCHEME_ERROR_INVALID,  /* the scheme breaks a rule; the message names the field */
  SD_SCHEME_ERROR_PARSE,    /* the JSON text cannot be read */
} SdSchemeError;

/* Percentages, rates, weights and KPI values are exact fixed-point integers in units of
 * 1/10000 (SD_FIX_ONE = 1): 2.5 % is 25000, 33.33 % is 333300, a weight of 0.6 is 6000,
 * 800 calls are 8000000, a KPI revenue of 1 000 000,00 ₽ is 10000000000 (rubles × 10000).
 * They are read from the JSON text as decimals with at most four places, never through a
 * rounded floating-point percentage. */
#define SD_FIX_ONE      G_GINT64_CONSTANT (10000)
#define SD_FIX_HUNDRED  (100 * SD_FIX_ONE)   /* 100 %, or a KPI weight of 1 is SD_FIX_ONE */

typedef enum {
  SD_BASE_REVENUE,
  SD_BASE_PAID,
  SD_BASE_MARGIN,
} SdSchemeBase;

typedef enum {
  SD_COMMISSION_FLAT,      /* one rate on the whole base */
  SD_COMMISSION_WHOLE,     /* лесенка: the reached tier's rate on the whole base */
  SD_COMMISSION_MARGINAL,  /* each tier's rate on its own slice of the base */
} SdCommissionMode;

typedef enum {
  SD_SCOPE_PERSONAL,
  SD_SCOPE_TEAM,           /* department plan and the sum of everyone's facts */
} SdSchemeScope;

typedef enum {
  SD_METRIC_PLAN_PCT,
  SD_METRIC_REVENUE,
  SD_METRIC_PAID,
  SD_METRIC_DEALS,
  SD_METRIC_LEADS,
  SD_METRIC_CALLS,
  SD_METRIC_CONVERSION,    /* deals ÷ leads × 100 */
  SD_METRIC_CALL_SCORE,    /* average call score of the month, 0–100 */
} SdMetric;

typedef struct {
  gint64 from_pct;   /* fixed-point % of plan, SD_FIX_ONE units */
  gint64 rate_pct;   /* fixed-point % of the base */
} SdTier;

typedef struct {
  SdMetric metric;
  gint64   weight;   /* fixed-point share: SD_FIX_ONE = the whole bonus */
  gint64   min;      /* fixed-point, in the metric's unit (%, count, ruble) */
  gint64   target;
  gint64   max;
} SdKpiItem;

typedef struct {
  gint64  from_pct;  /* fixed-point % of plan */
  SdMoney amount;
} SdOverplanStep;

typedef struct {
  char             *name;
  char             *description;    /* may be NULL; not part of the JSON contract */
  SdMoney           salary;         /* for a full month */
  SdSchemeBase      base;
  SdCommissionMode  mode;
  GArray           *tiers;          /* of SdTier, ascending from 0 % */
  gint64            gate_pct;       /* fixed-point %; 0 = no gate */
  SdMoney           kpi_target_bonus;
  GArray           *kpi_items;      /* of SdKpiItem; empty = no KPI bonus */
  GArray           *overplan;       /* of SdOverplanStep, ascending */
  gboolean          has_cap;
  SdMoney           cap;            /* commission + KPI + over-plan ≤ cap when has_cap */
  SdSchemeScope     scope;
} SdScheme;

GQuark       sd_scheme_error_quark     (void);

/* An empty personal scheme: no salary, flat 0 % commission on revenue, nothing else. */
SdScheme    *sd_scheme_new             (void);
SdScheme    *sd_scheme_copy            (const SdScheme *self);
void         sd_scheme_free            (SdScheme *self);
/* Field by field, the description included. */
gboolean     sd_scheme_equal           (const SdScheme *a,
                                        const SdScheme *b);

void         sd_scheme_add_tier        (SdScheme *self,
                                        gint64    from_pct,
                                        gint64    rate_pct);
void         sd_scheme_add_kpi_item    (SdScheme *self,
                                        SdMetric  metric,
                                        gint64    weight,
                                        gint64    min,
                                        gint64    target,
                                        gint64    max);
void         sd_scheme_add_overplan    (SdScheme *self,
                                        gint64    from_pct,
                                        SdMoney   amount);

/* Checks every rule of DESIGN.md; the message names the field ("commission.tiers[2].from_pct")
 * and says what to change, in words for the person who typed it. */
gboolean     sd_scheme_validate        (const SdScheme *self,
                                        GError        **error);

/* Names as in scheme.json: "revenue", "whole", "team", "plan_pct" … */
const char  *sd_scheme_base_to_string  (SdSchemeBase base);
gboolean     sd_scheme_base_from_string (const char   *text,
                                         SdSchemeBase *out);
const char  *sd_commission_mode_to_string (SdCommissionMode mode);
gboolean     sd_commission_mode_from_string (const char       *text,
                                             SdCommissionMode *out);
const char  *sd_scheme_scope_to_string (SdSchemeScope scope);
gboolean     sd_scheme_scope_from_string (const char    *text,
                                          SdSchemeScope *out);
const char  *sd_metric_to_string       (SdMetric metric);
gboolean     sd_metric_from_string     (const char *text,
                                        SdMetric   *out);
/* Translated labels for people: "revenue", "whole tier (ladder)", "calls" … */
const char  *sd_scheme_base_get_label  (SdSchemeBase base);
const char  *sd_commission_mode_get_label (SdCommissionMode mode);
const char  *sd_metric_get_label       (SdMetric metric);

/* "2.5", "33.33", "100", "-0.0001": a fixed-point value as the shortest exact decimal
 * (ASCII point), for JSON and storage. */
char        *sd_fix_to_plain           (gint64 value);
/* The same with the locale's decimal separator for explanations: "83,3" under ru. */
char        *sd_fix_format             (gint64        value,
                                        SdNumberStyle style);
/* Parses "2.5", "-7", "33,33" (at most four decimals, no exponent) into fixed-point. */
gboolean     sd_fix_parse              (const char *text,
                                        gint64     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdScheme, sd_scheme_free)

G_END_DECLS
