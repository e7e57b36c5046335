/* sd-attention.h — the managers who need attention, each with the reasons in words: a plan
 * lagging for months, falling call scores, a lower assessment, overdue development actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/people.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-assessment.h"
#include "sd-call-score.h"
#include "sd-idp.h"
#include "sd-plan.h"
#include "sd-staff.h"

G_BEGIN_DECLS

typedef enum {
  SD_ATTENTION_LAGGING            = 1 << 0,  /* below the plan threshold for N months */
  SD_ATTENTION_FALLING_SCORES     = 1 << 1,  /* the monthly call score fell month after month */
  SD_ATTENTION_FALLING_ASSESSMENT = 1 << 2,  /* the latest assessment is below the one before */
  SD_ATTENTION_OVERDUE_ACTIONS    = 1 << 3,  /* development plan actions past their deadline */
} SdAttentionFlags;

/* Call scores fall when they went down 2 months in a row (3 months with scored calls), by 5
 * points or more in all, unless told otherwise. */
#define SD_ATTENTION_DEFAULT_FALLING_MONTHS 2
#define SD_ATTENTION_DEFAULT_MIN_FALL       500   /* hundredths of a point */

typedef struct {
  SdMonth           month;              /* the last complete month to judge */
  GDate             today;              /* for overdue actions and assessments */
  const GPtrArray  *managers;           /* SdStaffMember *: the people to look at */
  const SdPlanFact *plan_fact;          /* may be NULL */
  gint64            lag_threshold_bp;   /* default SD_PLAN_DEFAULT_LAG_THRESHOLD_BP */
  guint             lag_months;         /* default SD_PLAN_DEFAULT_LAG_MONTHS */
  const GPtrArray  *calls;              /* SdCall *; may be NULL */
  guint             falling_months;     /* default SD_ATTENTION_DEFAULT_FALLING_MONTHS */
  gint64            min_fall;           /* default SD_ATTENTION_DEFAULT_MIN_FALL */
  const GPtrArray  *assessments;        /* SdAssessment *; may be NULL */
  const GPtrArray  *idps;               /* SdIdp *; may be NULL */
} SdAttentionInput;

typedef struct {
  gint64            manager_id;
  char             *name;
  SdAttentionFlags  flags;
  char            **reasons;      /* translated sentences, one per flag in the order of the
                                   * flags above, NULL-terminated */
  guint             lag_months;   /* with SD_ATTENTION_LAGGING: the months in the run */
  gint64            score_fall;   /* with SD_ATTENTION_FALLING_SCORES: hundredths of a point */
  guint             n_overdue;    /* with SD_ATTENTION_OVERDUE_ACTIONS */
} SdAttention;

/* Sets the defaults above; no data. */
void        sd_attention_input_init  (SdAttentionInput *input,
                                      SdMonth           month,
                                      const GDate      *today);
void        sd_attention_free        (SdAttention *self);
/* The reasons joined into one paragraph. */
char       *sd_attention_get_text    (const SdAttention *self);
/* Everyone in input->managers who is not archived, works in the month or today, and has at
 * least one reason: an array of SdAttention *, those with the most reasons first, then in
 * sd_staff_member_collate() order. */
GPtrArray  *sd_attention_find        (const SdAttentionInput *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdAttention, sd_attention_free)

G_END_DECLS
