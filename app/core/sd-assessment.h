/* sd-assessment.h — assessments (аттестация): a manager scored against a template of
 * competencies, and the comparison with the assessment before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Competencies are scored 1..max (5 by default) or marked not assessed. The average is the
 * exact mean of the scored competencies in hundredths of a point (3.4 of 5 is 340), rounded
 * half away from zero. docs/people.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-checklist.h"

G_BEGIN_DECLS

typedef struct {
  gint64     id;           /* 0 until stored */
  gint64     manager_id;   /* the person assessed (not 0) */
  GDate      date;
  gint64     template_id;  /* 0 = not stored */
  char      *assessor;     /* who assessed; may be NULL */
  char      *comment;      /* may be NULL */
  GPtrArray *marks;        /* of SdMark *, one per competency, copied from the template */
} SdAssessment;

SdAssessment *sd_assessment_new               (void);
/* An assessment of manager_id on date with every competency of the template unscored. */
SdAssessment *sd_assessment_new_for_template  (const SdChecklist *template_,
                                               gint64             manager_id,
                                               const GDate       *date);
SdAssessment *sd_assessment_copy              (const SdAssessment *self);
void          sd_assessment_free              (SdAssessment *self);
/* Scores competency `key`; FALSE if the assessment has no such competency. */
gboolean      sd_assessment_set_score         (SdAssessment *self,
                                               const char   *key,
                                               int           score);
/* Marks competency `key` as not assessed this time. */
gboolean      sd_assessment_set_not_assessed  (SdAssessment *self,
                                               const char   *key);
/* A manager, a date, and every competency scored on its scale or marked not assessed, at
 * least one scored. The message says what to fix. */
gboolean      sd_assessment_validate          (const SdAssessment  *self,
                                               GError             **error);
/* The mean of the scored competencies in hundredths of a point; FALSE if not valid. */
gboolean      sd_assessment_average           (const SdAssessment *self,
                                               gint64             *hundredths);
/* The score of competency `key`; FALSE when it is missing or not assessed. */
gboolean      sd_assessment_get_score         (const SdAssessment *self,
                                               const char         *key,
                                               int                *score);

/* The latest valid assessment of manager_id dated on or before `up_to` (NULL or cleared =
 * any date), from an array of SdAssessment *; the same day's are told apart by the larger
 * id. NULL if there is none. */
const SdAssessment *sd_assessment_find_latest (const GPtrArray *assessments,
                                               gint64           manager_id,
                                               const GDate     *up_to);
/* The valid assessment of the same manager just before `current` (an earlier day, or the
 * same day and a smaller id), or NULL. */
const SdAssessment *sd_assessment_find_previous (const GPtrArray    *assessments,
                                                 const SdAssessment *current);

typedef enum {
  SD_CHANGE_NONE,      /* no comparison: not assessed in one of the two */
  SD_CHANGE_BETTER,
  SD_CHANGE_SAME,
  SD_CHANGE_WORSE,
} SdChange;

/* One competency in two assessments. */
typedef struct {
  char     *key;
  char     *name;        /* as in the later assessment, or the earlier if only there */
  gboolean  has_before;
  int       before;
  gboolean  has_after;
  int       after;
  int       change;      /* after − before when both are there, else 0 */
  SdChange  direction;
} SdCompetencyChange;

typedef struct {
  GPtrArray *changes;          /* of SdCompetencyChange *: the later assessment's order, then
                                * competencies only in the earlier one */
  gboolean   has_before;       /* there is an earlier assessment */
  gint64     average_before;   /* hundredths of a point; SD_SCORE_NONE without one */
  gint64     average_after;
  gint64     average_change;   /* after − before, 0 without an earlier assessment */
  guint      n_better;
  guint      n_same;
  guint      n_worse;
} SdAssessmentComparison;

void          sd_assessment_comparison_free   (SdAssessmentComparison *self);
/* Compares `current` with `previous` (NULL: the first assessment; every change is
 * SD_CHANGE_NONE). NULL if current is not valid, or previous is given and not valid. */
SdAssessmentComparison *sd_assessment_compare (const SdAssessment *previous,
                                               const SdAssessment *current);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdAssessment, sd_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdAssessmentComparison, sd_assessment_comparison_free)

G_END_DECLS
