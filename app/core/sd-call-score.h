/* sd-call-score.h — scored calls: a call's 0–100 score, and score history by month, by
 * criterion, for the department, and as the `call_score` KPI metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call's score is Σ weight × score ÷ max over the criteria that apply to the call, scaled
 * back to 100 when some were marked not applicable, rounded half away from zero to a whole
 * point. Averages are exact fractions of those whole scores, given in hundredths of a point
 * (8750 = 87.5) or, for the KPI metric, in SD_FIX_ONE units. docs/people.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-checklist.h"
#include "sd-period.h"

G_BEGIN_DECLS

/* One scored call. */
typedef struct {
  gint64     id;            /* 0 until stored */
  gint64     manager_id;    /* the person who made the call (not 0) */
  GDate      date;          /* the day of the call */
  gint64     checklist_id;  /* the checklist it was scored against (0 = not stored) */
  char      *reference;     /* client or call reference; may be NULL */
  char      *comment;       /* may be NULL */
  GPtrArray *marks;         /* of SdMark *, one per criterion, copied from the checklist */
} SdCall;

SdCall     *sd_call_new                   (void);
/* A call for manager_id on date with every criterion of checklist unscored. */
SdCall     *sd_call_new_for_checklist     (const SdChecklist *checklist,
                                           gint64             manager_id,
                                           const GDate       *date);
SdCall     *sd_call_copy                  (const SdCall *self);
void        sd_call_free                  (SdCall *self);
/* Scores criterion `key` (the range is checked by validation). FALSE if there is no such
 * criterion in the call. */
gboolean    sd_call_set_score             (SdCall     *self,
                                           const char *key,
                                           int         score);
/* Leaves criterion `key` out of this call's score. FALSE if there is no such criterion. */
gboolean    sd_call_set_not_applicable    (SdCall     *self,
                                           const char *key);
/* A manager, a date and marks that sd_marks_validate() accepts for a call. */
gboolean    sd_call_validate              (const SdCall  *self,
                                           GError       **error);
/* The call's score 0..100: round (Σₐ wᵢ·sᵢ/maxᵢ × 100 ÷ Σₐ wᵢ), a = the criteria that
 * apply, half away from zero. FALSE with the reason when the call is not valid. */
gboolean    sd_call_compute_score         (const SdCall  *self,
                                           int           *score,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCall, sd_call_free)

/* ------------------------------------------------------------------------------------------
 * History. `calls` is an array of SdCall *; calls that are not valid are left out (they
 * cannot be stored). manager_id 0 means every manager: the department.
 * ------------------------------------------------------------------------------------------ */

/* One month of one manager's (or the department's) calls. */
typedef struct {
  SdMonth month;
  guint   n_calls;
  gint64  average;   /* hundredths of a point, half away from zero; SD_SCORE_NONE if no calls */
} SdScoreMonth;

/* The average of each of n_months months from `first` (an array of SdScoreMonth). */
GArray     *sd_call_scores_by_month       (const GPtrArray *calls,
                                           gint64           manager_id,
                                           SdMonth          first,
                                           guint            n_months);
/* The average over months first..last inclusive, in hundredths of a point. FALSE (no
 * value) when no call was scored then. n_calls (may be NULL) receives the count. */
gboolean    sd_call_scores_average        (const GPtrArray *calls,
                                           gint64           manager_id,
                                           SdMonth          first,
                                           SdMonth          last,
                                           gint64          *average,
                                           guint           *n_calls);
/* The `call_score` KPI metric of a month: the average of the manager's call scores in
 * SD_FIX_ONE units (10 000 = 1 point; 87.5 is 875 000), half away from zero. FALSE when
 * nothing was scored: the payroll then counts the KPI as not measured. */
gboolean    sd_call_scores_kpi            (const GPtrArray *calls,
                                           gint64           manager_id,
                                           SdMonth          month,
                                           gint64          *value);

/* One criterion over n_months months: how high it was scored, in basis points of its scale
 * (10 000 = every call got the top score), over the calls where it applied. */
typedef struct {
  char    *key;
  char    *name;        /* the checklist's name, or the name it was scored under */
  int      weight;      /* the checklist's weight (0 for a criterion no longer in it) */
  SdMonth  first_month;
  guint    n_months;
  gint64  *level;       /* n_months values, SD_SCORE_NONE where it was never scored */
  guint   *n_scored;    /* n_months counts of calls where it was scored */
  gint64   overall;     /* over all n_months; SD_SCORE_NONE if never scored */
  guint    n_overall;
} SdCriterionHistory;

void        sd_criterion_history_free     (SdCriterionHistory *self);

/* Every criterion's history (an array of SdCriterionHistory *): the checklist's criteria in
 * its order (checklist may be NULL), then criteria scored in the calls but no longer in the
 * checklist, in the order first met. A criterion's level in a month is the exact mean of
 * score ÷ max over the calls that scored it, in basis points, half away from zero. */
GPtrArray  *sd_call_scores_by_criterion   (const SdChecklist *checklist,
                                           const GPtrArray   *calls,
                                           gint64             manager_id,
                                           SdMonth            first,
                                           guint              n_months);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCriterionHistory, sd_criterion_history_free)

G_END_DECLS
