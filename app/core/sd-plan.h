/* sd-plan.h — the sales plan: a yearly target split into months and managers, hand edits,
 * the funnel, and plan versus fact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All figures are integers: money in kopecks (SdMoney), percentages in basis points
 * (1 % = 100 bp) unless a name says "percent". Every split uses the largest-remainder
 * method, so parts always add up exactly to the whole. docs/plan.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-calendar.h"
#include "sd-history.h"
#include "sd-money.h"
#include "sd-period.h"
#include "sd-staff.h"

G_BEGIN_DECLS

#define SD_PLAN_ERROR (sd_plan_error_quark ())

typedef enum {
  SD_PLAN_ERROR_YEAR,            /* the year is outside 1900..2200 */
  SD_PLAN_ERROR_TARGET,          /* the yearly target is negative (typed or from growth) */
  SD_PLAN_ERROR_OVERFLOW,        /* a figure is too large to compute with */
  SD_PLAN_ERROR_WEIGHTS,         /* a month weight is negative, or all twelve are zero */
  SD_PLAN_ERROR_MANAGER_WEIGHT,  /* a personal weight outside 0..SD_PLAN_MAX_PERSONAL_WEIGHT */
  SD_PLAN_ERROR_RAMP_UP,         /* a ramp-up step outside 0..100 %, or the last step not 100 % */
  SD_PLAN_ERROR_VACATION,        /* negative vacation, or more than the month's working days */
  SD_PLAN_ERROR_NEGATIVE_VALUE,  /* a hand-entered figure below zero */
  SD_PLAN_ERROR_OVER_TARGET,     /* hand-entered figures already exceed what is to be spread */
} SdPlanError;

#define SD_PLAN_FIRST_YEAR               1900
#define SD_PLAN_LAST_YEAR                2200
#define SD_PLAN_DEFAULT_PERSONAL_WEIGHT  100
#define SD_PLAN_MAX_PERSONAL_WEIGHT      1000000
#define SD_PLAN_MAX_RAMP_UP_STEPS        120
/* Plan vs fact: a manager lags when below 80 % for 2 months in a row, unless told otherwise. */
#define SD_PLAN_DEFAULT_LAG_THRESHOLD_BP 8000
#define SD_PLAN_DEFAULT_LAG_MONTHS       2

/* Where the yearly target comes from. */
typedef enum {
  SD_PLAN_TARGET_FIXED,   /* typed in */
  SD_PLAN_TARGET_GROWTH,  /* last year's total fact × (100 % + growth) */
} SdPlanTargetKind;

/* Where the month weights come from. */
typedef enum {
  SD_PLAN_WEIGHTS_LAST_YEAR,  /* last year's fact per working day of each month */
  SD_PLAN_WEIGHTS_CUSTOM,     /* twelve seasonality weights typed in */
} SdPlanWeightsKind;

GQuark        sd_plan_error_quark                  (void);

/* ------------------------------------------------------------------------------------------
 * Inputs of a decomposition
 * ------------------------------------------------------------------------------------------ */

typedef struct _SdPlanParams SdPlanParams;

/* Inputs for the plan of `year`, with working days from `calendar` (which must outlive the
 * params). Defaults: target 0, last year's shape adjusted for working days, ramp-up
 * 0/30/60/100 %, no managers, no funnel. A year outside 1900..2200 is accepted here and
 * rejected by sd_plan_params_validate(), so a form can show the reason. */
SdPlanParams *sd_plan_params_new                   (int               year,
                                                    const SdCalendar *calendar);
SdPlanParams *sd_plan_params_copy                  (const SdPlanParams *self);
void          sd_plan_params_free                  (SdPlanParams *self);
int           sd_plan_params_get_year              (const SdPlanParams *self);

/* A typed yearly target (validation rejects a negative one). */
void          sd_plan_params_set_target            (SdPlanParams *self,
                                                    SdMoney       target);
/* The target as last year's total × (10 000 + growth_bp) ÷ 10 000, half away from zero. */
void          sd_plan_params_set_growth            (SdPlanParams *self,
                                                    gint64        growth_bp);
SdPlanTargetKind sd_plan_params_get_target_kind    (const SdPlanParams *self);

/* Last year's fact (revenue) for month 1..12 of year − 1. */
void          sd_plan_params_set_last_year_fact    (SdPlanParams *self,
                                                    int           month,
                                                    SdMoney       fact);
SdMoney       sd_plan_params_get_last_year_fact    (const SdPlanParams *self,
                                                    int                 month);
/* Replaces last year's facts by the revenue of `facts` dated in year − 1 (all managers
 * summed; other years ignored). FALSE with SD_PLAN_ERROR_OVERFLOW if a sum does not fit. */
gboolean      sd_plan_params_set_last_year_facts   (SdPlanParams  *self,
                                                    const SdFact  *facts,
                                                    gsize          n_facts,
                                                    GError       **error);

/* Twelve seasonality weights, January first, any scale (validation: none negative, not all
 * zero). */
void          sd_plan_params_set_month_weights     (SdPlanParams *self,
                                                    const gint64  weights[12]);
/* Back to the default weights: last year's fact per working day of each month. */
void          sd_plan_params_use_last_year_shape   (SdPlanParams *self);
SdPlanWeightsKind sd_plan_params_get_weights_kind  (const SdPlanParams *self);
/* Whether each month's weight is multiplied by its working days this year (default TRUE). */
void          sd_plan_params_set_adjust_for_working_days (SdPlanParams *self,
                                                    gboolean      adjust);

/* The ramp-up curve shared by all managers: percent of full pace in tenure month 1, 2, …
 * (month 1 = the hire month); after the last step, 100 %. Validation: every step 0..100 and
 * the last step 100. No steps at all means no ramp-up. */
void          sd_plan_params_set_ramp_up           (SdPlanParams *self,
                                                    const int    *percent,
                                                    gsize         n_steps);
const int    *sd_plan_params_get_ramp_up           (const SdPlanParams *self,
                                                    gsize              *n_steps);

/* Adds a manager and returns its index (managers keep the order they were added in). ids
 * must be distinct and not 0. hired/left may be NULL or cleared: no hire date means working
 * since before the year and fully ramped up; no leave date means still working. name (may be
 * NULL) is only used in error messages. */
guint         sd_plan_params_add_manager           (SdPlanParams *self,
                                                    gint64        id,
                                                    const char   *name,
                                                    const GDate  *hired,
                                                    const GDate  *left);
/* The same for a staff member (its id, name, hire and leave dates). */
guint         sd_plan_params_add_staff_member      (SdPlanParams        *self,
                                                    const SdStaffMember *member);
/* Removes the manager at index; the ones after it move down by one. */
void          sd_plan_params_remove_manager        (SdPlanParams *self,
                                                    guint         index);
guint         sd_plan_params_get_n_managers        (const SdPlanParams *self);
gint64        sd_plan_params_get_manager_id        (const SdPlanParams *self,
                                                    guint               index);
gboolean      sd_plan_params_find_manager          (const SdPlanParams *self,
                                                    gint64              id,
                                                    guint              *index);
void          sd_plan_params_set_manager_dates     (SdPlanParams *self,
                                                    guint         index,
                                                    const GDate  *hired,
                                                    const GDate  *left);
/* Personal weight, default 100 (validation: 0..SD_PLAN_MAX_PERSONAL_WEIGHT). */
void          sd_plan_params_set_personal_weight   (SdPlanParams *self,
                                                    guint         index,
                                                    int           weight);
/* Vacation in working days of month 1..12 (validation: 0..the month's working days). */
void          sd_plan_params_set_vacation          (SdPlanParams *self,
                                                    guint         index,
                                                    int           month,
                                                    int           days);
/* Working days of month 1..12 between hire and leave (inclusive), before vacation. */
guint         sd_plan_params_get_worked_days       (const SdPlanParams *self,
                                                    guint               index,
                                                    int                 month);

/* The department's average deal and lead → deal conversion, for the funnel. */
void          sd_plan_params_set_funnel            (SdPlanParams *self,
                                                    SdMoney       average_deal,
                                                    gint64        conversion_bp);
/* A manager's own average deal and conversion; 0 for either means "the department's". */
void          sd_plan_params_set_manager_funnel    (SdPlanParams *self,
                                                    guint         index,
                                                    SdMoney       average_deal,
                                                    gint64        conversion_bp);

/* Reading the inputs back (a form showing them, the store saving them). */
SdMoney       sd_plan_params_get_target            (const SdPlanParams *self);
gint64        sd_plan_params_get_growth            (const SdPlanParams *self);
/* The custom weights as last set (all 0 until set), whatever the weights kind. */
void          sd_plan_params_get_month_weights     (const SdPlanParams *self,
                                                    gint64              weights[12]);
gboolean      sd_plan_params_get_adjust_for_working_days (const SdPlanParams *self);
int           sd_plan_params_get_personal_weight   (const SdPlanParams *self,
                                                    guint               index);
int           sd_plan_params_get_vacation          (const SdPlanParams *self,
                                                    guint               index,
                                                    int                 month);
void          sd_plan_params_get_funnel            (const SdPlanParams *self,
                                                    SdMoney            *average_deal,
                                                    gint64             *conversion_bp);
void          sd_plan_params_get_manager_funnel    (const SdPlanParams *self,
                                                    guint               index,
                                                    SdMoney            *average_deal,
                                                    gint64             *conversion_bp);

/* Checks every input; the error says what to fix, in words for the user. */
gboolean      sd_plan_params_validate              (const SdPlanParams  *self,
                                                    GError             **error);
/* The yearly target: typed, or computed from last year and the growth. */
gboolean      sd_plan_params_compute_target        (const SdPlanParams  *self,
                                                    SdMoney             *target,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPlanParams, sd_plan_params_free)

/* ------------------------------------------------------------------------------------------
 * The decomposed plan: 12 months × managers, with hand edits
 * ------------------------------------------------------------------------------------------
 * A month's figures are: cells (one per manager) + unassigned (kept by the department
 * because nobody can take it) + rest (what hand edits left over or took too much; 0 unless
 * something was edited). Without edits every rest is 0 and everything adds up exactly.
 * Automatic figures are always recomputed as if there were no hand edits, so an edit shows
 * up as a rest — until sd_plan_respread() makes the month (or year) balance its edits.
 */

typedef struct _SdPlan SdPlan;

/* Decomposes the yearly target. NULL with the reason when the params are invalid. */
SdPlan       *sd_plan_compute                      (const SdPlanParams  *params,
                                                    GError             **error);
/* Recomputes everything from (possibly changed) params into the same plan, keeping hand
 * edits and balanced months (edits of managers no longer in params are dropped). Allocates
 * nothing when the managers did not change: this is what a grid calls after every edit.
 * On error the plan is left as it was. */
gboolean      sd_plan_recompute                    (SdPlan              *self,
                                                    const SdPlanParams  *params,
                                                    GError             **error);
SdPlan       *sd_plan_copy                         (const SdPlan *self);
void          sd_plan_free                         (SdPlan *self);

int           sd_plan_get_year                     (const SdPlan *self);
SdMoney       sd_plan_get_target                   (const SdPlan *self);
guint         sd_plan_get_n_managers               (const SdPlan *self);
gint64        sd_plan_get_manager_id               (const SdPlan *self,
                                                    guint         index);
gboolean      sd_plan_find_manager                 (const SdPlan *self,
                                                    gint64        id,
                                                    guint        *index);
/* Month 1..12: the month's target (automatic or hand-entered). */
SdMoney       sd_plan_get_month_target             (const SdPlan *self,
                                                    int           month);
/* A manager's figure for month 1..12 (automatic or hand-entered). */
SdMoney       sd_plan_get_cell                     (const SdPlan *self,
                                                    int           month,
                                                    guint         index);
/* What the department keeps in month 1..12 because no manager can take it (nobody works,
 * or every manager's availability is zero). */
SdMoney       sd_plan_get_unassigned               (const SdPlan *self,
                                                    int           month);
/* Whether month 1..12 has an unassigned part (the UI says "nobody available"). */
gboolean      sd_plan_month_is_unassigned          (const SdPlan *self,
                                                    int           month);
/* A manager's year: the sum of its twelve cells (saturates; never with real figures). */
SdMoney       sd_plan_get_manager_total            (const SdPlan *self,
                                                    guint         index);
/* Month 1..12: target − Σ cells − unassigned; month 0: the year's target − Σ cells −
 * Σ unassigned. Non-zero only after hand edits. */
SdMoney       sd_plan_rest                         (const SdPlan *self,
                                                    int           month);

/* Why a cell is what it is: personal weight × ramp-up % × available days (worked working
 * days − vacation, at least 0). The month is split in proportion to these numbers. */
guint64       sd_plan_get_availability             (const SdPlan *self,
                                                    int           month,
                                                    guint         index);
guint         sd_plan_get_available_days           (const SdPlan *self,
                                                    int           month,
                                                    guint         index);
/* The ramp-up percent applied in month 1..12 (0 before the hire month). */
int           sd_plan_get_ramp_up_percent          (const SdPlan *self,
                                                    int           month,
                                                    guint         index);

/* A hand edit of one cell: the value stays through recomputes until reset. */
gboolean      sd_plan_set_cell                     (SdPlan   *self,
                                                    int       month,
                                                    guint     index,
                                                    SdMoney   value,
                                                    GError  **error);
void          sd_plan_reset_cell                   (SdPlan *self,
                                                    int     month,
                                                    guint   index);
gboolean      sd_plan_cell_is_edited               (const SdPlan *self,
                                                    int           month,
                                                    guint         index);
/* A hand edit of a month's target; the month's automatic cells follow it. */
gboolean      sd_plan_set_month_target             (SdPlan   *self,
                                                    int       month,
                                                    SdMoney   value,
                                                    GError  **error);
void          sd_plan_reset_month_target           (SdPlan *self,
                                                    int     month);
gboolean      sd_plan_month_target_is_edited       (const SdPlan *self,
                                                    int           month);
/* Month 1..12: the cells not edited by hand share what the edited ones leave of the month's
 * target (in proportion to availability, largest remainder); month 0: the months not edited
 * share what the edited months leave of the year's target (by month weights). The month (or
 * year) stays balanced through later recomputes and edits, until sd_plan_reset_edits().
 * FALSE with SD_PLAN_ERROR_OVER_TARGET, changing nothing, when the edited figures already
 * exceed the target. */
gboolean      sd_plan_respread                     (SdPlan   *self,
                                                    int       month,
                                                    GError  **error);
gboolean      sd_plan_is_balanced                  (const SdPlan *self,
                                                    int           month);
/* Forgets the hand edits of month 1..12 (its cells and balancing), or with month 0 every
 * edit of the plan. */
void          sd_plan_reset_edits                  (SdPlan *self,
                                                    int     month);

/* The funnel for revenue: deals = ⌈revenue ÷ average deal⌉, leads = ⌈deals ÷ conversion⌉
 * (rounded up: the plan must be enough). FALSE (undefined) when the average deal or the
 * conversion is 0 or less, the conversion is above 100 %, or the result does not fit.
 * revenue ≤ 0 needs 0 deals and 0 leads. */
gboolean      sd_plan_funnel                       (SdMoney  revenue,
                                                    SdMoney  average_deal,
                                                    gint64   conversion_bp,
                                                    gint64  *deals,
                                                    gint64  *leads);
/* The funnel of a cell, with the manager's figures or else the department's. */
gboolean      sd_plan_get_cell_funnel              (const SdPlan *self,
                                                    int           month,
                                                    guint         index,
                                                    gint64       *deals,
                                                    gint64       *leads);
/* The funnel of a month's target with the department's figures. */
gboolean      sd_plan_get_month_funnel             (const SdPlan *self,
                                                    int           month,
                                                    gint64       *deals,
                                                    gint64       *leads);
/* The plan as records: for each month the department's target (manager_id 0), then every
 * manager's cell in index order. leads and deals are 0 where the funnel is undefined. */
GArray       *sd_plan_to_entries                   (const SdPlan *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPlan, sd_plan_free)

/* ------------------------------------------------------------------------------------------
 * Plan versus fact
 * ------------------------------------------------------------------------------------------ */

/* fact ÷ plan in basis points, half away from zero. FALSE (undefined, shown as "—") when the
 * plan is 0 or negative, or the ratio does not fit. */
gboolean      sd_plan_completion_bp                (SdMoney  fact,
                                                    SdMoney  plan,
                                                    gint64  *out_bp);
/* (current − previous) ÷ |previous| in basis points, half away from zero: dividing by the
 * magnitude keeps the sign meaning "better" / "worse" when the previous figure is negative.
 * FALSE (undefined) when previous is 0 or the ratio does not fit. */
gboolean      sd_plan_growth_bp                    (SdMoney  current,
                                                    SdMoney  previous,
                                                    gint64  *out_bp);

typedef enum {
  SD_GROWTH_PREVIOUS_PERIOD,  /* month on month, quarter on quarter, year on year */
  SD_GROWTH_YEAR_AGO,         /* the same month / quarter a year before */
} SdGrowthKind;

/* A manager lagging behind the plan. */
typedef struct {
  gint64   manager_id;
  SdMonth  first_month;     /* the run of months below the threshold, ending at last_month */
  SdMonth  last_month;
  guint    n_months;
  gint64  *completion_bp;   /* n_months values, first_month first */
  char    *reason;          /* translated, for the user */
} SdLagging;

void          sd_lagging_free                      (SdLagging *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLagging, sd_lagging_free)

/* Monthly plan and fact per manager, summed into quarters and years. manager_id 0 is the
 * department: its plan is its own target where one was added for the month, otherwise the
 * managers' sum; its fact is every fact of the month. */
typedef struct _SdPlanFact SdPlanFact;

SdPlanFact   *sd_plan_fact_new                     (void);
void          sd_plan_fact_free                    (SdPlanFact *self);
/* Adds to the plan / fact of a manager (0 = the department) for a month. FALSE with
 * SD_PLAN_ERROR_OVERFLOW when a sum does not fit. */
gboolean      sd_plan_fact_add_plan                (SdPlanFact  *self,
                                                    gint64       manager_id,
                                                    SdMonth      month,
                                                    SdMoney      plan,
                                                    GError     **error);
gboolean      sd_plan_fact_add_fact                (SdPlanFact  *self,
                                                    gint64       manager_id,
                                                    SdMonth      month,
                                                    SdMoney      fact,
                                                    GError     **error);
/* The revenue of plan entries / facts. */
gboolean      sd_plan_fact_add_plan_entries        (SdPlanFact         *self,
                                                    const SdPlanEntry  *entries,
                                                    gsize               n_entries,
                                                    GError            **error);
gboolean      sd_plan_fact_add_facts               (SdPlanFact     *self,
                                                    const SdFact   *facts,
                                                    gsize           n_facts,
                                                    GError        **error);
/* Plan and fact of a manager (0 = department) over a period (sums of months; saturate,
 * never with real figures). Either pointer may be NULL. */
void          sd_plan_fact_get                     (const SdPlanFact *self,
                                                    gint64            manager_id,
                                                    const SdPeriod   *period,
                                                    SdMoney          *plan,
                                                    SdMoney          *fact);
/* Completion over a period; FALSE = undefined (no plan). */
gboolean      sd_plan_fact_completion_bp           (const SdPlanFact *self,
                                                    gint64            manager_id,
                                                    const SdPeriod   *period,
                                                    gint64           *out_bp);
/* Growth of the fact over a period against the period before it or a year before; FALSE =
 * undefined (nothing before). */
gboolean      sd_plan_fact_growth_bp               (const SdPlanFact *self,
                                                    gint64            manager_id,
                                                    const SdPeriod   *period,
                                                    SdGrowthKind      kind,
                                                    gint64           *out_bp);
/* Managers (not the department) whose completion is below threshold_bp in each of the
 * n_months months up to and including up_to. A month without a plan cannot be judged and
 * breaks a run. Each item reports the whole run ending at up_to. Sorted by manager id. */
GPtrArray    *sd_plan_fact_find_lagging            (const SdPlanFact *self,
                                                    SdMonth           up_to,
                                                    gint64            threshold_bp,
                                                    guint             n_months);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPlanFact, sd_plan_fact_free)

G_END_DECLS
