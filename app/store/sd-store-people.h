/* sd-store-people.h — people development in the company file: checklists, scored calls,
 * assessments and development plans (schema 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is one transaction and one undo step (or part of a group opened with
 * sd_store_begin). Input is checked with the core's rules first: a bad call, assessment, plan
 * or checklist is refused with the core's reason and nothing is written. A call or an
 * assessment keeps its own copy of the criteria (its marks), so editing a checklist later
 * never changes history.
 */
#pragma once

#include "sd-assessment.h"
#include "sd-attention.h"
#include "sd-call-score.h"
#include "sd-checklist.h"
#include "sd-idp.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* Edits here are announced as SD_STORE_CHANGED_PEOPLE (sd-store.h). */

/* --- checklists --- */

/* Stored checklists of `kind` (id set), by name; archived ones only when asked. */
GPtrArray     *sd_store_people_list_checklists    (SdStore          *store,
                                                   SdChecklistKind   kind,
                                                   gboolean          include_archived,
                                                   GError          **error);
SdChecklist   *sd_store_people_get_checklist      (SdStore          *store,
                                                   gint64            id,
                                                   GError          **error);
/* The checklist to score with: the first stored one of `kind` that is not archived, or —
 * when none is stored yet — the default of DESIGN.md with id 0, which is stored together
 * with the first call or assessment scored against it. */
SdChecklist   *sd_store_people_get_current_checklist (SdStore         *store,
                                                      SdChecklistKind  kind,
                                                      GError         **error);
/* Validates (sd_checklist_validate) and adds: the id, or 0 with the reason. */
gint64         sd_store_people_add_checklist      (SdStore            *store,
                                                   const SdChecklist  *checklist,
                                                   GError            **error);
/* Replaces checklist->id (its kind cannot change). Scored calls keep their own copy. */
gboolean       sd_store_people_update_checklist   (SdStore            *store,
                                                   const SdChecklist  *checklist,
                                                   GError            **error);
gboolean       sd_store_people_set_checklist_archived (SdStore   *store,
                                                       gint64     id,
                                                       gboolean   archived,
                                                       GError   **error);

/* --- scored calls --- */

/* Validates the call (sd_call_validate), computes its score and adds it: the id, or 0 with
 * the reason. checklist_id 0 stores the current checklist of DESIGN.md first if none is
 * stored (same transaction). */
gint64         sd_store_people_add_call           (SdStore       *store,
                                                   const SdCall  *call,
                                                   GError       **error);
gboolean       sd_store_people_update_call        (SdStore       *store,
                                                   const SdCall  *call,
                                                   GError       **error);
gboolean       sd_store_people_remove_call        (SdStore       *store,
                                                   gint64         id,
                                                   GError       **error);
SdCall        *sd_store_people_get_call           (SdStore       *store,
                                                   gint64         id,
                                                   GError       **error);
/* Calls of manager_id (0: everyone) dated from..to inclusive (either NULL or cleared: open),
 * oldest first (same day: by id). */
GPtrArray     *sd_store_people_list_calls         (SdStore       *store,
                                                   gint64         manager_id,
                                                   const GDate   *from,
                                                   const GDate   *to,
                                                   GError       **error);
/* The average score of the manager's calls in `month` in hundredths of a point (87.5 is
 * 8750), half away from zero. FALSE without error when no call was scored that month. */
gboolean       sd_store_people_call_score_for_month (SdStore   *store,
                                                     gint64     manager_id,
                                                     SdMonth    month,
                                                     gint64    *score_hundredths,
                                                     GError   **error);

/* --- assessments --- */

/* Validates (sd_assessment_validate) and adds: the id, or 0. template_id 0 stores the
 * default template first if none is stored. */
gint64         sd_store_people_add_assessment     (SdStore             *store,
                                                   const SdAssessment  *assessment,
                                                   GError             **error);
gboolean       sd_store_people_remove_assessment  (SdStore             *store,
                                                   gint64               id,
                                                   GError             **error);
/* Assessments of manager_id (0: everyone), oldest first. */
GPtrArray     *sd_store_people_list_assessments   (SdStore             *store,
                                                   gint64               manager_id,
                                                   GError             **error);
/* The stored assessment of the same manager just before `current` (see
 * sd_assessment_find_previous), or NULL — without error when there is none. */
SdAssessment  *sd_store_people_get_previous_assessment (SdStore             *store,
                                                        const SdAssessment  *current,
                                                        GError             **error);

/* --- development plans --- */

/* Validates (sd_idp_validate) and adds: the id, or 0. */
gint64         sd_store_people_add_idp            (SdStore       *store,
                                                   const SdIdp   *idp,
                                                   GError       **error);
gboolean       sd_store_people_update_idp         (SdStore       *store,
                                                   const SdIdp   *idp,
                                                   GError       **error);
gboolean       sd_store_people_remove_idp         (SdStore       *store,
                                                   gint64         id,
                                                   GError       **error);
SdIdp         *sd_store_people_get_idp            (SdStore       *store,
                                                   gint64         id,
                                                   GError       **error);
/* Plans of manager_id (0: everyone), oldest first. */
GPtrArray     *sd_store_people_list_idps          (SdStore       *store,
                                                   gint64         manager_id,
                                                   GError       **error);
/* Moves action `index` of plan `idp_id` to `status` through sd_idp_action_set_status (done
 * records `today`). A change the core forbids is refused with its reason. One undo step. */
gboolean       sd_store_people_set_action_status  (SdStore       *store,
                                                   gint64         idp_id,
                                                   guint          index,
                                                   SdIdpStatus    status,
                                                   const GDate   *today,
                                                   GError       **error);

/* --- everything at once, for pages and reports --- */

typedef struct {
  GPtrArray  *staff;        /* SdStaffMember *, archived ones too */
  GPtrArray  *calls;        /* SdCall *, everyone, dated in months first..last */
  GPtrArray  *assessments;  /* SdAssessment *, everyone */
  GPtrArray  *idps;         /* SdIdp *, everyone */
  SdPlanFact *plan_fact;    /* plan and facts of months first..last */
  SdChecklist *checklist;   /* the current call checklist (id 0 when not stored yet) */
  SdChecklist *assessment_template;  /* the current assessment template */
} SdPeopleSnapshot;

void              sd_people_snapshot_free     (SdPeopleSnapshot *self);
SdPeopleSnapshot *sd_store_people_load        (SdStore   *store,
                                               SdMonth    first,
                                               SdMonth    last,
                                               GError   **error);
/* Who needs attention judged at `month` (the last complete month) and `today`, with the
 * file's lag settings: an array of SdAttention * (see sd_attention_find). */
GPtrArray        *sd_store_people_find_attention (SdStore      *store,
                                                  SdMonth       month,
                                                  const GDate  *today,
                                                  GError      **error);

/* The same judged on a snapshot already loaded (its plan and facts must reach `month`). */
GPtrArray        *sd_people_snapshot_find_attention (const SdPeopleSnapshot *snap,
                                                     SdStore                *store,
                                                     SdMonth                 month,
                                                     const GDate            *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPeopleSnapshot, sd_people_snapshot_free)

/* For sd_store_fill_demo, inside its edit after the staff, facts and plan: the default
 * checklists; 3–5 scored calls a month for every manager at work over the `n_months` months
 * up to `today` (one manager's scores falling); an assessment about five months ago and, for
 * every other manager, one last month; and a development plan, proposed by the core, for the
 * manager with the weakest calls (made 40 days ago, so some actions are overdue).
 * Deterministic for a given file and day. */
gboolean          _sd_store_fill_demo_people  (SdStore      *store,
                                               const GDate  *today,
                                               guint         n_months,
                                               GError      **error);

G_END_DECLS
