/* sd-owner-report.h — the owner report of a period as data: what the app shows, and what the
 * xlsx and pdf writers lay out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sd-calendar.h"
#include "sd-money.h"
#include "sd-period.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* A ratio that may be undefined ("—"): completion, growth, conversion, a share. Basis points
 * (10 000 = 100 %), rounded half away from zero. */
typedef struct {
  gboolean defined;
  gint64   bp;
} SdRatio;

/* One month of the period, the whole department. */
typedef struct {
  SdMonth  month;
  gboolean has_fact;      /* a fact was entered for the month (FALSE: not yet, shown empty) */
  SdMoney  plan;
  SdMoney  fact;          /* revenue */
  SdMoney  paid;
  gint64   deals;
  gint64   leads;
  SdMoney  previous_fact; /* the month before (may lie before the period) */
  SdMoney  year_ago_fact;
  SdRatio  completion;    /* fact ÷ plan */
  SdRatio  growth;        /* fact against the month before */
  SdRatio  year_growth;   /* fact against the same month a year before */
} SdReportMonth;

/* One manager over the whole period. */
typedef struct {
  gint64   manager_id;
  char    *name;
  gboolean head;           /* role head of sales */
  SdMoney  plan;
  SdMoney  fact;
  SdMoney  paid;
  gint64   deals;
  gint64   leads;
  SdMoney  previous_fact;  /* the period before (like for like, as the headline) */
  SdRatio  completion;
  SdRatio  growth;         /* against the period before */
  SdRatio  conversion;     /* deals ÷ leads */
  gboolean has_average_deal;
  SdMoney  average_deal;   /* fact ÷ deals, half away from zero */
  SdMoney *month_fact;     /* n_months values of the period, first month first */
  SdMoney *month_plan;
} SdReportManager;

/* A manager behind the plan, and why. */
typedef struct {
  gint64   manager_id;
  char    *name;
  guint    n_months;       /* consecutive months below the threshold, ending at the last
                            * month of the period that has facts */
  gint64   last_completion_bp;
  char    *reason;         /* translated */
} SdReportLagging;

/* The department's pay in one month: the payroll total (a closed month: what was frozen). */
typedef struct {
  SdMonth  month;
  gboolean closed;
  guint    n_people;
  SdMoney  pay;
  SdMoney  revenue;
  SdRatio  share;          /* pay ÷ revenue */
} SdReportPayMonth;

/* The hiring plan in one month of the period (the stored schedule, rejected and hired ones
 * not counted). */
typedef struct {
  SdMonth  month;
  SdMoney  plan;
  SdMoney  team_capacity;
  SdMoney  hires_capacity;
  SdMoney  shortfall;       /* 0 when the month is covered */
  SdMoney  total_cost;      /* team and hires, contributions and one-off costs included */
} SdReportHiringMonth;

/* One planned hire of the year. */
typedef struct {
  GDate        search_start;
  GDate        start;
  const char  *state;       /* translated: "proposed", "accepted" … (sd_hire_state_get_label) */
  gboolean     counted;
  SdMoney      cost;        /* over the year */
  SdMoney      revenue;     /* added over the year */
  SdMonth      payback;     /* SD_MONTH_INVALID: not within the year */
} SdReportHire;

/* A manager's development: calls, plan and attention. */
typedef struct {
  gint64   manager_id;
  char    *name;
  guint    n_calls;         /* scored in the period */
  gboolean has_call_score;
  gint64   call_score;      /* the period's average, hundredths of a point */
  gboolean has_idp;         /* the latest development plan */
  char    *idp_title;
  guint    n_actions;       /* not cancelled */
  guint    n_done;
  guint    n_overdue;       /* on today */
  SdRatio  idp_completion;  /* done ÷ actions not cancelled */
  char    *attention;       /* why the manager needs attention, NULL when not */
} SdReportPerson;

typedef struct {
  char     *company;
  char     *currency;           /* ISO code */
  SdPeriod  period;
  char     *period_label;       /* "I квартал 2026" */
  GDate     today;

  /* Headline */
  SdMoney   plan;
  SdMoney   fact;
  SdMoney   paid;
  gint64    deals;
  gint64    leads;
  SdRatio   completion;
  /* A period under way is compared like for like: its months up to the last one with facts
   * against as many months of the period before and of a year before. */
  gboolean  to_date;            /* the period has months without facts yet */
  SdMonth   last_fact_month;    /* the last month of the period with facts (0: none) */
  SdMoney   plan_to_date;       /* the plan of the months up to last_fact_month */
  SdRatio   completion_to_date;
  SdMoney   previous_fact;      /* the period before (like for like) */
  SdRatio   growth;
  SdMoney   year_ago_fact;      /* the same period a year before (like for like) */
  SdRatio   year_growth;
  gboolean  has_forecast;       /* the period is under way (today within it) */
  SdMoney   forecast;           /* probable: fact to date + weighted pipeline */
  SdMoney   run_rate;
  SdRatio   forecast_completion;

  GArray    *months;            /* of SdReportMonth, every month of the period */
  GPtrArray *managers;          /* of SdReportManager *, by name; managers with a plan or a
                                 * fact in the period */
  GPtrArray *lagging;           /* of SdReportLagging * */
  gint64     lag_threshold_bp;
  guint      lag_months;

  /* Pay: every month of the period up to the month of today */
  GArray    *pay_months;        /* of SdReportPayMonth */
  SdMoney    pay_total;
  SdMoney    pay_revenue;
  SdRatio    pay_share;
  guint      n_pay_errors;      /* months whose payroll could not be computed (no schemes …) */

  /* Hiring: the year's plan when hiring settings or planned hires are stored */
  gboolean   has_hiring;
  GArray    *hiring_months;     /* of SdReportHiringMonth, the months of the period */
  GArray    *hires;             /* of SdReportHire */
  char      *hiring_summary;    /* translated sentences from core */

  /* People: when any call, assessment or development plan is stored */
  gboolean   has_people;
  GPtrArray *people;            /* of SdReportPerson *, the report's managers */
  guint      n_attention;
} SdOwnerReport;

/* Reads and computes the report of period as of today. Facts after today are counted (they
 * are facts). FALSE with SD_EXPORT_ERROR_CANCELLED when cancelled, or the store's error. */
SdOwnerReport *sd_owner_report_build   (SdStore           *store,
                                        const SdCalendar  *calendar,
                                        const SdPeriod    *period,
                                        const GDate       *today,
                                        GCancellable      *cancellable,
                                        GError           **error);
void           sd_owner_report_free    (SdOwnerReport *self);

/* No plan, no fact and nobody in the period: nothing to report (exports refuse it). */
gboolean       sd_owner_report_is_empty (const SdOwnerReport *self);

/* part ÷ whole in basis points, half away from zero; undefined for a whole ≤ 0 (a share,
 * a conversion). */
SdRatio        sd_ratio_share           (gint64 part,
                                         gint64 whole);

/* "83,3 %" in the user's locale, "—" when undefined (NULL-safe for the caller's buffer). */
char          *sd_ratio_format         (const SdRatio *ratio);

/* The months of the period as a plain array for the charts (plan and fact per month). */
guint          sd_owner_report_get_n_months (const SdOwnerReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdOwnerReport, sd_owner_report_free)

G_END_DECLS
