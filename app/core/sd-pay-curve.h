/* sd-pay-curve.h — a scheme's pay against plan completion, and what is wrong with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-money.h"
#include "sd-payroll.h"
#include "sd-scheme.h"

G_BEGIN_DECLS

typedef struct {
  /* A 1 % change of completion that changes pay by more than this is a cliff.
   * 0 = 10 % of the salary (of the pay at 100 % when there is no salary). */
  SdMoney cliff_threshold;
} SdPayCurveOptions;

typedef struct {
  gint64     completion;   /* fixed-point % of plan */
  SdMoney    fact;         /* the smallest fact, in kopecks, that reaches the completion */
  SdPayParts parts;
  SdMoney    total;        /* salary + variable parts */
} SdPayCurvePoint;

typedef enum {
  SD_PAY_CURVE_WARNING_CLIFF,      /* pay jumps at a boundary */
  SD_PAY_CURVE_WARNING_FLAT,       /* more sales bring no more pay from some completion on */
  SD_PAY_CURVE_WARNING_CAP_EARLY,  /* the cap bites before 120 % */
} SdPayCurveWarningKind;

typedef struct {
  SdPayCurveWarningKind  kind;
  gint64                 at_pct;   /* fixed-point completion where it happens */
  SdMoney                amount;   /* the jump for a cliff; the pay for the others */
  char                  *text;     /* translated, for people */
} SdPayCurveWarning;

typedef struct {
  gint64  completion;   /* fixed-point */
  SdMoney revenue;      /* the fact on the scheme's base */
  SdMoney pay;          /* what the owner pays */
  gint64  share;        /* pay as fixed-point % of revenue; 0 when revenue is 0 */
} SdPayCost;

typedef struct {
  SdMoney    plan;
  SdMoney    salary;
  GArray    *points;     /* of SdPayCurvePoint: 0..200 % by 1 % and every tier, gate and
                          * step boundary in that range, ascending */
  GPtrArray *warnings;   /* of SdPayCurveWarning* */
  SdPayCost  cost[3];    /* at 80 %, 100 %, 120 % */
} SdPayCurve;

/* The curve for one month's plan (> 0) and a full month's salary. KPI items other than
 * plan_pct count as exactly on target, so the curve shows the effect of completion alone. */
SdPayCurve *sd_pay_curve_compute  (const SdScheme          *scheme,
                                   SdMoney                  plan,
                                   const SdPayCurveOptions *options,
                                   SdNumberStyle            style,
                                   const char              *currency_symbol);
void        sd_pay_curve_free     (SdPayCurve *self);

/* Total pay at one completion (fixed-point %), as the curve counts it. */
SdMoney     sd_pay_curve_pay_at   (const SdScheme *scheme,
                                   SdMoney         plan,
                                   gint64          completion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPayCurve, sd_pay_curve_free)

G_END_DECLS
