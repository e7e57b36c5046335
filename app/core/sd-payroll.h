/* sd-payroll.h — the month's pay for everyone, every number explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-calendar.h"
#include "sd-history.h"
#include "sd-money.h"
#include "sd-period.h"
#include "sd-scheme.h"
#include "sd-staff.h"

G_BEGIN_DECLS

/* What the calculation needs for one person in one month. The store fills it: the scheme
 * that applies to this month (effective dates are the store's business), the person's plan
 * on the scheme's base (the revenue plan: plan.csv has no other) and facts. */
typedef struct {
  const SdStaffMember *member;          /* name, id, hire and leave dates */
  const SdScheme      *scheme;          /* NULL: no scheme assigned; nothing is paid */
  gboolean             has_plan;
  SdMoney              plan;
  gboolean             has_fact;
  SdFact               fact;
  gboolean             has_call_score;
  gint64               call_score;      /* fixed-point (SD_FIX_ONE units), 0..100 */
} SdPayrollInput;

/* Which line of the payslip an explanation belongs to. */
typedef enum {
  SD_PAYROLL_PART_SALARY,
  SD_PAYROLL_PART_COMMISSION,
  SD_PAYROLL_PART_KPI,
  SD_PAYROLL_PART_OVERPLAN,
  SD_PAYROLL_PART_CAP,
  SD_PAYROLL_PART_TOTAL,
  SD_PAYROLL_PART_NOTE,       /* why a part is missing: no plan, no facts, no scheme */
} SdPayrollPart;

typedef struct {
  SdPayrollPart  part;
  char          *text;        /* translated, money in the chosen locale style */
} SdPayrollNote;

/* The variable part for ready figures; all lines rounded to kopecks. */
typedef struct {
  SdMoney commission;
  SdMoney kpi;
  SdMoney overplan;
  SdMoney cap_adjustment;     /* ≤ 0: what the cap removed */
} SdPayParts;

typedef struct {
  gint64     manager_id;
  char      *manager;
  char      *scheme_name;     /* NULL when no scheme applies */
  guint      worked_days;
  guint      working_days;
  gboolean   has_plan_pct;
  gint64     plan_pct;        /* fixed-point, truncated toward zero; for display only */
  SdMoney    plan;            /* on the scheme's scope: the department's for a team scheme */
  SdMoney    base_fact;       /* the fact on the scheme's base and scope */
  SdMoney    salary;
  SdMoney    commission;
  SdMoney    kpi;
  SdMoney    overplan;
  SdMoney    cap_adjustment;  /* ≤ 0, so that total = salary + commission + kpi + overplan + cap_adjustment */
  SdMoney    total;
  GPtrArray *notes;           /* of SdPayrollNote*, in the payslip's order */
} SdPayslip;

typedef struct {
  SdMonth    month;
  GPtrArray *slips;           /* of SdPayslip*, in the order of the inputs */
  SdMoney    salary;
  SdMoney    commission;
  SdMoney    kpi;
  SdMoney    overplan;
  SdMoney    cap_adjustment;
  SdMoney    total;
} SdPayroll;

/* Computes the month for every input. department_plan: the department's own target for
 * team-scope schemes; NULL = the sum of the plans of the inputs that have one. Team facts
 * are the sum of every input's facts. style and currency_symbol shape the explanations;
 * with currency_symbol NULL the payslips carry no explanations (the figures are the same,
 * computed several times faster: totals for reports). */
SdPayroll  *sd_payroll_compute_month   (SdMonth               month,
                                        const SdCalendar     *calendar,
                                        const SdPayrollInput *inputs,
                                        guint                 n_inputs,
                                        const SdMoney        *department_plan,
                                        SdNumberStyle         style,
                                        const char           *currency_symbol);
void        sd_payroll_free            (SdPayroll *self);
void        sd_payslip_free            (SdPayslip *self);

/* The variable part of a scheme for given figures, without explanations (pay curve,
 * bench). others_at_target: KPI items other than plan_pct count as exactly on target. */
void        sd_payroll_compute_parts   (const SdScheme *scheme,
                                        gboolean        has_plan,
                                        SdMoney         plan,
                                        const SdFact   *fact,
                                        gboolean        has_call_score,
                                        gint64          call_score,
                                        gboolean        others_at_target,
                                        SdPayParts     *out);

/* payroll.csv exactly as DESIGN.md: the header, one row per payslip, a TOTAL row (days
 * left empty there); money with a point and two decimals; LF line ends; names quoted as
 * RFC 4180 when they hold a comma, quote or line break. */
char       *sd_payroll_to_csv          (const SdPayroll *payroll);

/* All explanation lines of a payslip joined by "\n". */
char       *sd_payslip_explain         (const SdPayslip *slip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPayroll, sd_payroll_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPayslip, sd_payslip_free)

G_END_DECLS
