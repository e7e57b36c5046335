/* sd-hiring.h — the hiring plan: the capacity gap, a proposed hiring schedule, what each hire
 * costs and when it pays back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All figures are integers: money in kopecks (SdMoney), rates in basis points (1 % = 100 bp),
 * ramp-up steps in whole percent as in sd-plan.h. Each line (one person, one month) is rounded
 * half away from zero to the kopeck and a total is the sum of its rounded lines.
 * docs/hiring.md states the rules with a worked example.
 */
#pragma once

#include <glib.h>

#include "sd-history.h"
#include "sd-money.h"
#include "sd-period.h"
#include "sd-plan.h"
#include "sd-staff.h"

G_BEGIN_DECLS

#define SD_HIRING_ERROR (sd_hiring_error_quark ())

typedef enum {
  SD_HIRING_ERROR_CAPACITY,       /* a fully ramped manager's capacity is negative */
  SD_HIRING_ERROR_RAMP_UP,        /* a step outside 0..100 %, going down, or not ending at 100 % */
  SD_HIRING_ERROR_TIME_TO_HIRE,   /* negative, or longer than a year (52 weeks) */
  SD_HIRING_ERROR_ATTRITION,      /* outside 0..100 % a year */
  SD_HIRING_ERROR_COST,           /* a negative pay or cost, or a rate outside 0..100 % */
  SD_HIRING_ERROR_PLAN,           /* no months, too many months, or a negative month */
  SD_HIRING_ERROR_SCHEDULE,       /* a planned hire without dates, or starting before its search */
  SD_HIRING_ERROR_NO_HISTORY,     /* no fully ramped manager-month to take the capacity from */
  SD_HIRING_ERROR_TOO_MANY_HIRES, /* covering the plan would need more than SD_HIRING_MAX_HIRES */
  SD_HIRING_ERROR_OVERFLOW,       /* a figure is too large to compute with */
} SdHiringError;

#define SD_HIRING_MAX_RAMP_UP_STEPS      24
#define SD_HIRING_MAX_TIME_TO_HIRE_WEEKS 52
#define SD_HIRING_MAX_MONTHS             120
#define SD_HIRING_MAX_HIRES              10000
#define SD_HIRING_DEFAULT_CONTRIBUTIONS_BP 3000
#define SD_HIRING_DEFAULT_TIME_TO_HIRE_WEEKS 6
/* Capacity from history: the last 6 months, unless told otherwise. */
#define SD_HIRING_DEFAULT_HISTORY_MONTHS 6

GQuark        sd_hiring_error_quark            (void);

/* ------------------------------------------------------------------------------------------
 * Settings: the editable numbers, one plain struct (easy to store and to bind to a form)
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  SdMoney  capacity;            /* monthly revenue of a fully ramped manager */
  guint    n_ramp_up;           /* 0 = no ramp-up */
  int      ramp_up[SD_HIRING_MAX_RAMP_UP_STEPS]; /* % of capacity in tenure month 1, 2, … */
  gint64   attrition_bp;        /* expected capacity loss per year, 0..10 000 */
  int      time_to_hire_weeks;  /* from the start of the search to the first working day */
  SdMoney  monthly_pay;         /* salary + expected variable pay of a month (no pay func) */
  gint64   contributions_bp;    /* employer contributions on pay, default 30 % */
  SdMoney  hiring_cost;         /* one-off, in the hire's first month (agency, ads) */
  SdMoney  onboarding_cost;     /* one-off, in the hire's first month (training, equipment) */
  gint64   margin_bp;           /* share of added revenue that pays a hire back, default 100 % */
} SdHiringSettings;

/* Defaults: capacity 0, ramp-up 0/30/60/100 %, no attrition, 6 weeks to hire, pay 0,
 * contributions 30 %, no one-off costs, payback on revenue (margin 100 %). */
void          sd_hiring_settings_init          (SdHiringSettings *settings);
/* Sets the ramp-up curve (at most SD_HIRING_MAX_RAMP_UP_STEPS steps; more are an error at
 * validation, so the form can say why). */
void          sd_hiring_settings_set_ramp_up   (SdHiringSettings *settings,
                                                const int        *percent,
                                                gsize             n_steps);
/* Checks every setting; the error says what to fix, in words for the user. */
gboolean      sd_hiring_settings_validate      (const SdHiringSettings  *settings,
                                                GError                 **error);
/* Whether two settings hold the same figures (ramp-up steps beyond n_ramp_up ignored). */
gboolean      sd_hiring_settings_equal         (const SdHiringSettings *a,
                                                const SdHiringSettings *b);
/* The ramp-up percent of tenure month 1, 2, … (100 after the last step; 0 for tenure < 1). */
int           sd_hiring_settings_ramp_percent  (const SdHiringSettings *settings,
                                                gint64                  tenure);

/* A fully ramped manager's monthly capacity from history: the median monthly revenue over
 * the manager-months of the n_months months ending with last_month in which a manager
 * (role manager, archived or not) worked the whole month, was fully ramped up (the ramp-up
 * percent of that tenure month is 100) and has at least one fact. An even count takes the
 * mean of the middle two, half away from zero. n_samples (may be NULL) gets the number of
 * manager-months used. FALSE with SD_HIRING_ERROR_NO_HISTORY when there is none. */
gboolean      sd_hiring_capacity_from_history  (const SdHiringSettings *settings,
                                                const SdStaffMember    *const *members,
                                                gsize                   n_members,
                                                const SdFact           *facts,
                                                gsize                   n_facts,
                                                SdMonth                 last_month,
                                                guint                   n_months,
                                                SdMoney                *capacity,
                                                guint                  *n_samples,
                                                GError                **error);

/* ------------------------------------------------------------------------------------------
 * A planned hire: a person-to-be
 * ------------------------------------------------------------------------------------------ */

typedef enum {
  SD_HIRE_PROPOSED,   /* made by sd_hiring_propose(), nobody has looked at it yet */
  SD_HIRE_ACCEPTED,
  SD_HIRE_EDITED,     /* accepted with other dates */
  SD_HIRE_REJECTED,   /* kept to show, not counted */
  SD_HIRE_HIRED,      /* now a manager in the staff (manager_id): counted there, not here */
} SdHireState;

typedef struct {
  gint64       id;            /* 0 until stored */
  GDate        search_start;  /* when to start looking */
  GDate        start;         /* expected first working day */
  SdHireState  state;
  gint64       manager_id;    /* the staff member once hired; 0 before */
} SdPlannedHire;

/* A hire starting work on the first day of `start`, its search starting time_to_hire weeks
 * before; state SD_HIRE_PROPOSED, no ids. */
void          sd_planned_hire_init             (SdPlannedHire          *hire,
                                                const SdHiringSettings *settings,
                                                SdMonth                 start);
/* Whether a schedule counts the hire: all but rejected and hired ones. */
gboolean      sd_planned_hire_counts           (const SdPlannedHire *hire);
/* "proposed", "accepted", … as in files; and back (FALSE for unknown text). */
const char   *sd_hire_state_to_string          (SdHireState state);
/* Translated, for the user, lower case to stand inside a sentence or a table cell:
 * "proposed", "accepted", "accepted, dates changed", "rejected", "hired". */
const char   *sd_hire_state_get_label          (SdHireState state);
gboolean      sd_hire_state_from_string        (const char  *text,
                                                SdHireState *out);

/* ------------------------------------------------------------------------------------------
 * Inputs: settings, the plan by month, the current team
 * ------------------------------------------------------------------------------------------ */

/* What the pay function is asked about: one person in one month. */
typedef struct {
  gint64   manager_id;     /* the staff id of a current manager; 0 for a planned hire */
  guint    hire_index;     /* the planned hire's index in the schedule; G_MAXUINT for staff */
  SdMonth  month;
  gint64   tenure_month;   /* 1 = the month of the hire date; 0 = no hire date (ramped) */
  guint    days_worked;    /* calendar days of the month between start and leave */
  guint    days_in_month;
  SdMoney  revenue;        /* what the person is expected to sell in the month (if staying) */
} SdHiringPayQuery;

/* Returns the person's pay (salary + variable) for the month, before employer contributions,
 * as if the person stays the whole horizon (attrition is applied after). Motivation schemes
 * plug in here. FALSE with an error stops the computation. */
typedef gboolean (*SdHiringPayFunc) (const SdHiringPayQuery  *query,
                                     SdMoney                 *pay,
                                     gpointer                 user_data,
                                     GError                 **error);

typedef struct _SdHiringParams SdHiringParams;

/* Inputs with a copy of settings, no plan, no team, today = the first day of the plan. */
SdHiringParams *sd_hiring_params_new           (const SdHiringSettings *settings);
SdHiringParams *sd_hiring_params_copy          (const SdHiringParams *self);
void          sd_hiring_params_free            (SdHiringParams *self);

void          sd_hiring_params_set_settings    (SdHiringParams         *self,
                                                const SdHiringSettings *settings);
const SdHiringSettings *sd_hiring_params_get_settings (const SdHiringParams *self);

/* The plan for n_months consecutive months from first (1..SD_HIRING_MAX_MONTHS at
 * validation; none may be negative). */
void          sd_hiring_params_set_plan        (SdHiringParams *self,
                                                SdMonth         first,
                                                const SdMoney  *plan,
                                                guint           n_months);
/* The twelve month targets of a decomposed plan. */
void          sd_hiring_params_set_plan_from_plan (SdHiringParams *self,
                                                const SdPlan   *plan);
guint         sd_hiring_params_get_n_months    (const SdHiringParams *self);
SdMonth       sd_hiring_params_get_first_month (const SdHiringParams *self);

/* The day the hiring plan is made: no search can start before it. NULL or cleared = the
 * first day of the plan. */
void          sd_hiring_params_set_today       (SdHiringParams *self,
                                                const GDate    *today);

/* Adds a current manager; returns its index. hired NULL/cleared = working since before the
 * plan, fully ramped; left NULL/cleared = staying. */
guint         sd_hiring_params_add_manager     (SdHiringParams *self,
                                                gint64          id,
                                                const GDate    *hired,
                                                const GDate    *left);
/* The same for a staff member (the caller chooses whom: managers, not heads). */
guint         sd_hiring_params_add_staff_member (SdHiringParams      *self,
                                                const SdStaffMember *member);
guint         sd_hiring_params_get_n_managers  (const SdHiringParams *self);
/* A current manager's own monthly pay instead of the settings' monthly pay (< 0 = back to
 * the settings'). Ignored when there is a pay function. */
void          sd_hiring_params_set_manager_pay (SdHiringParams *self,
                                                guint           index,
                                                SdMoney         monthly_pay);
/* Pay from a function (a motivation scheme) instead of fixed monthly amounts. */
void          sd_hiring_params_set_pay_func    (SdHiringParams *self,
                                                SdHiringPayFunc func,
                                                gpointer        user_data,
                                                GDestroyNotify  destroy);

/* Checks settings, plan and team; the error says what to fix. */
gboolean      sd_hiring_params_validate        (const SdHiringParams  *self,
                                                GError               **error);

/* The first month a hire could start working in: the first month whose first day is at
 * least time to hire after today. May be after the plan's last month. */
SdMonth       sd_hiring_params_earliest_start  (const SdHiringParams *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdHiringParams, sd_hiring_params_free)

/* ------------------------------------------------------------------------------------------
 * Results
 * ------------------------------------------------------------------------------------------ */

/* The department in one month. */
typedef struct {
  SdMonth  month;
  SdMoney  plan;
  SdMoney  team_capacity;   /* current team: capacity × ramp-up × days worked × retention */
  SdMoney  gap;             /* plan − team capacity (negative = room to spare) */
  SdMoney  hires_capacity;  /* the counted planned hires */
  SdMoney  shortfall;       /* max (0, plan − team − hires): 0 when the month is covered */
  SdMoney  team_pay;        /* the current team's expected pay, contributions included */
  SdMoney  hires_cost;      /* the hires' pay, contributions and one-off costs */
  SdMoney  total_cost;      /* team_pay + hires_cost */
  SdMoney  revenue;         /* expected revenue: team + hires capacity */
} SdHiringMonth;

/* One planned hire in one month. */
typedef struct {
  SdMoney  revenue;          /* capacity × ramp-up × days worked */
  SdMoney  margin;           /* revenue × margin rate */
  SdMoney  pay;
  SdMoney  contributions;
  SdMoney  one_off;          /* hiring + onboarding, in the first month */
  SdMoney  cost;             /* pay + contributions + one_off */
  SdMoney  cumulative_margin;
  SdMoney  cumulative_cost;
} SdHiringHireMonth;

typedef struct _SdHiringResult SdHiringResult;

/* The capacity gap and money of a given schedule (n_hires planned hires; rejected and hired
 * ones are listed but not counted). This is how two schedules are compared side by side. */
SdHiringResult *sd_hiring_evaluate             (const SdHiringParams  *params,
                                                const SdPlannedHire   *hires,
                                                guint                  n_hires,
                                                GError               **error);
/* The schedule with the fewest hires that covers every month it can; among those, the
 * latest: the first search starts as late as possible, then the second, and so on. Hires
 * start on the first day of a month. Months that no schedule can cover are reported by
 * sd_hiring_result_get_unreachable(). */
SdHiringResult *sd_hiring_propose              (const SdHiringParams  *params,
                                                GError               **error);
void          sd_hiring_result_free            (SdHiringResult *self);

guint         sd_hiring_result_get_n_months    (const SdHiringResult *self);
const SdHiringMonth *sd_hiring_result_get_month (const SdHiringResult *self,
                                                guint                 month_index);
guint         sd_hiring_result_get_n_hires     (const SdHiringResult *self);
const SdPlannedHire *sd_hiring_result_get_hire (const SdHiringResult *self,
                                                guint                 hire_index);
/* Zeros for a hire that is not counted. */
const SdHiringHireMonth *sd_hiring_result_get_hire_month (const SdHiringResult *self,
                                                guint                 hire_index,
                                                guint                 month_index);
/* The first month whose cumulative margin covers the cumulative cost (both from the hire's
 * first month); SD_MONTH_INVALID when not within the plan or not counted. */
SdMonth       sd_hiring_result_get_payback     (const SdHiringResult *self,
                                                guint                 hire_index);
/* Months still short after the schedule (shortfall > 0), in order. */
const SdMonth *sd_hiring_result_get_uncovered  (const SdHiringResult *self,
                                                guint                *n_months);
/* From sd_hiring_propose(): months no schedule can cover (before the earliest start, or a
 * hire would still sell nothing then). Empty for sd_hiring_evaluate(). */
const SdMonth *sd_hiring_result_get_unreachable (const SdHiringResult *self,
                                                guint                *n_months);
gboolean      sd_hiring_result_covers_plan     (const SdHiringResult *self);
/* Sums over the plan: cost of the counted hires, their added revenue, and the department's
 * cost (team + hires). */
SdMoney       sd_hiring_result_get_hires_cost  (const SdHiringResult *self);
SdMoney       sd_hiring_result_get_hires_revenue (const SdHiringResult *self);
SdMoney       sd_hiring_result_get_total_cost  (const SdHiringResult *self);
guint         sd_hiring_result_get_n_counted   (const SdHiringResult *self);
/* One or two translated sentences for the user: how many to hire and from when, or which
 * months cannot be covered and why. */
char         *sd_hiring_result_describe        (const SdHiringResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdHiringResult, sd_hiring_result_free)

G_END_DECLS
