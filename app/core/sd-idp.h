/* sd-idp.h — individual development plans (ИПР): goals with measurable targets, typed
 * actions with an owner, a deadline and a status; a proposal from the weakest criteria and
 * competencies and from plan-vs-fact lag; overdue actions; progress against later scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goal values are integers in the unit of the goal's kind (see SdIdpTargetKind); progress is
 * in basis points (10 000 = the target reached). docs/people.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-assessment.h"
#include "sd-call-score.h"
#include "sd-checklist.h"
#include "sd-period.h"
#include "sd-plan.h"

G_BEGIN_DECLS

#define SD_IDP_ERROR (sd_idp_error_quark ())

typedef enum {
  SD_IDP_ERROR_INVALID,     /* a plan, goal or action breaks a rule; the message says which */
  SD_IDP_ERROR_TRANSITION,  /* a status change that is not allowed */
} SdIdpError;

/* The five kinds of training of shared/seeds/004. */
typedef enum {
  SD_IDP_ACTION_INITIAL,        /* первичное: what a new person needs to start */
  SD_IDP_ACTION_PROBLEM_ZONE,   /* по проблемным зонам: to raise a particular weak score */
  SD_IDP_ACTION_SITUATIONAL,    /* ситуационное: help with a concrete situation or deal */
  SD_IDP_ACTION_STRATEGIC,      /* стратегическое: a new tool or process in the company */
  SD_IDP_ACTION_QUALIFICATION,  /* квалификационное: new sales skills, taught by the head */
} SdIdpActionKind;

typedef enum {
  SD_IDP_STATUS_PLANNED,
  SD_IDP_STATUS_IN_PROGRESS,
  SD_IDP_STATUS_DONE,
  SD_IDP_STATUS_CANCELLED,
} SdIdpStatus;

/* What a goal measures, and the unit of its baseline, target and actual value. */
typedef enum {
  SD_IDP_TARGET_CALL_SCORE,       /* the month's average call score, hundredths of a point
                                   * (8000 = 80 points) */
  SD_IDP_TARGET_CRITERION,        /* a call criterion's level, basis points of its scale */
  SD_IDP_TARGET_COMPETENCY,       /* a competency's score, hundredths of a point (400 = 4) */
  SD_IDP_TARGET_PLAN_COMPLETION,  /* a month's plan completion, basis points (10 000 = 100 %) */
  SD_IDP_TARGET_CUSTOM,           /* anything else: a number in `unit`, measured by hand */
} SdIdpTargetKind;

#define SD_IDP_MAX_TITLE          300   /* characters */
#define SD_IDP_DEFAULT_ZONE_BP    8000  /* a call criterion below 80 % of its scale is weak */
#define SD_IDP_DEFAULT_COMPETENCY 4     /* a competency scored below 4 of 5 is weak */
#define SD_IDP_DEFAULT_MAX_ZONES  3
#define SD_IDP_DEFAULT_CALL_MONTHS 3
#define SD_IDP_DEFAULT_DAYS       30    /* deadline of a proposed action, from today */
#define SD_IDP_NEW_HIRE_DAYS      90    /* hired this recently: initial training is proposed */

typedef struct {
  char            *title;
  SdIdpTargetKind  kind;
  char            *key;        /* the criterion's or competency's key for those kinds */
  char            *unit;       /* custom goals: what is counted ("meetings a week"); may be NULL */
  gint64           baseline;   /* where the manager was when the goal was set */
  gint64           target;     /* at least this is the goal */
  gboolean         has_actual; /* custom goals: a value typed in by the head of sales */
  gint64           actual;
  GDate            deadline;   /* may be cleared */
  char            *reason;     /* why it was proposed, translated; may be NULL */
} SdIdpGoal;

typedef struct {
  char            *title;
  SdIdpActionKind  kind;
  char            *owner;      /* who does it: the manager, the head of sales, a trainer */
  GDate            deadline;
  SdIdpStatus      status;
  GDate            done_on;    /* set when the action is done; cleared otherwise */
  char            *notes;      /* may be NULL */
  int              goal;       /* index of the goal it serves, or -1 */
} SdIdpAction;

typedef struct {
  gint64     id;          /* 0 until stored */
  gint64     manager_id;
  GDate      created;     /* later scores are those dated after this day */
  char      *title;       /* may be NULL */
  GPtrArray *goals;       /* of SdIdpGoal * */
  GPtrArray *actions;     /* of SdIdpAction * */
} SdIdp;

GQuark        sd_idp_error_quark            (void);

/* "initial", "problem_zone", "situational", "strategic", "qualification", as in files. */
const char   *sd_idp_action_kind_to_string  (SdIdpActionKind kind);
gboolean      sd_idp_action_kind_from_string (const char      *text,
                                              SdIdpActionKind *out);
/* Translated: "Initial training", "Problem-zone training" … */
const char   *sd_idp_action_kind_get_label  (SdIdpActionKind kind);
/* "planned", "in_progress", "done", "cancelled", as in files. */
const char   *sd_idp_status_to_string       (SdIdpStatus status);
gboolean      sd_idp_status_from_string     (const char  *text,
                                             SdIdpStatus *out);
/* The unit a goal's values are read in, translated: "points of 100", "%", "points of 5",
 * or a custom goal's own unit ("" when none). */
const char   *sd_idp_goal_get_unit          (const SdIdpGoal *goal);
/* What a goal's stored values are divided by to read them in that unit: 100 (hundredths of
 * a point, basis points) or 1 (custom goals). */
gint64        sd_idp_goal_get_scale         (const SdIdpGoal *goal);
/* Translated: "Planned", "In progress", "Done", "Cancelled". */
const char   *sd_idp_status_get_label       (SdIdpStatus status);
/* "call_score", "criterion", "competency", "plan_completion", "custom", as in files. */
const char   *sd_idp_target_kind_to_string  (SdIdpTargetKind kind);
gboolean      sd_idp_target_kind_from_string (const char      *text,
                                              SdIdpTargetKind *out);

/* Whether an action may go from `from` to `to`: planned → in progress, done or cancelled;
 * in progress → done or cancelled; done → in progress (reopened); cancelled → planned
 * (restored). Staying in the same status is allowed (nothing changes). */
gboolean      sd_idp_status_can_change      (SdIdpStatus from,
                                             SdIdpStatus to);

SdIdpGoal    *sd_idp_goal_new               (SdIdpTargetKind  kind,
                                             const char      *title,
                                             gint64           baseline,
                                             gint64           target);
SdIdpGoal    *sd_idp_goal_copy              (const SdIdpGoal *self);
void          sd_idp_goal_free              (SdIdpGoal *self);

SdIdpAction  *sd_idp_action_new             (SdIdpActionKind  kind,
                                             const char      *title,
                                             const char      *owner,
                                             const GDate     *deadline);
SdIdpAction  *sd_idp_action_copy            (const SdIdpAction *self);
void          sd_idp_action_free            (SdIdpAction *self);
/* Moves the action to `status` if sd_idp_status_can_change() allows it; done records
 * `today` (may be NULL) as done_on, any other status clears it. FALSE with
 * SD_IDP_ERROR_TRANSITION and the reason otherwise, changing nothing. */
gboolean      sd_idp_action_set_status      (SdIdpAction  *self,
                                             SdIdpStatus   status,
                                             const GDate  *today,
                                             GError      **error);
/* Planned or in progress with the deadline before `today`. */
gboolean      sd_idp_action_is_overdue      (const SdIdpAction *self,
                                             const GDate       *today);
/* Days past the deadline for an overdue action, else 0. */
guint         sd_idp_action_days_overdue    (const SdIdpAction *self,
                                             const GDate       *today);

SdIdp        *sd_idp_new                    (gint64       manager_id,
                                             const GDate *created);
SdIdp        *sd_idp_copy                   (const SdIdp *self);
void          sd_idp_free                   (SdIdp *self);
/* Appends (taking ownership) and returns the index. */
guint         sd_idp_add_goal               (SdIdp     *self,
                                             SdIdpGoal *goal);
guint         sd_idp_add_action             (SdIdp       *self,
                                             SdIdpAction *action);
/* Removes goal `index`; actions that served it serve no goal, later indices move down. */
void          sd_idp_remove_goal            (SdIdp *self,
                                             guint  index);
/* Checks the plan: a manager and a day; goals with a title, a kind, a key where the kind
 * needs one and values in the kind's range; actions with a title, an owner, a deadline, a
 * known kind and status, and a goal that exists. */
gboolean      sd_idp_validate               (const SdIdp  *self,
                                             GError      **error);
/* Indices of the actions overdue on `today`, oldest deadline first (a GArray of guint). */
GArray       *sd_idp_find_overdue           (const SdIdp *self,
                                             const GDate *today);
/* Done actions ÷ actions not cancelled, in basis points (half away from zero); FALSE when
 * every action is cancelled or there is none. */
gboolean      sd_idp_completion_bp          (const SdIdp *self,
                                             gint64      *out_bp);

/* ------------------------------------------------------------------------------------------
 * Progress against later scores
 * ------------------------------------------------------------------------------------------ */

/* Where the scores come from; any member may be NULL. */
typedef struct {
  const GPtrArray  *calls;        /* SdCall *, any manager */
  const GPtrArray  *assessments;  /* SdAssessment *, any manager */
  const SdPlanFact *plan_fact;
} SdPeopleData;

typedef struct {
  gboolean measured;     /* FALSE: no score after the plan was made yet */
  gint64   value;        /* the latest value, in the goal's unit */
  SdMonth  month;        /* the month it comes from */
  gint64   progress_bp;  /* (value − baseline) ÷ (target − baseline), clamped to 0..10 000 */
  gboolean reached;      /* value ≥ target */
} SdIdpProgress;

/* The latest measure of goal `index` after the plan was made and up to `today`:
 * - call score / criterion: the latest month with scored calls dated after `created`, over
 *   those calls of that month;
 * - competency: the latest assessment dated after `created`;
 * - plan completion: the latest complete month (before today's month), not before the month
 *   the plan was made, that has a plan;
 * - custom: the value typed in.
 * out->measured is FALSE when there is nothing yet. */
void          sd_idp_goal_progress          (const SdIdp        *self,
                                             guint               index,
                                             const SdPeopleData *data,
                                             const GDate        *today,
                                             SdIdpProgress      *out);

/* ------------------------------------------------------------------------------------------
 * Proposal
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  gint64             manager_id;
  GDate              today;          /* the plan's day; deadlines count from it */
  const SdPeopleData *data;          /* calls and assessments to find growth zones in */
  const SdChecklist *checklist;      /* the call checklist for names and order; may be NULL */
  const SdLagging   *lagging;        /* the manager's plan-vs-fact lag, or NULL */
  GDate              hired;          /* cleared = unknown */
  guint              call_months;    /* calls of this many months up to today's are weighed */
  gint64             zone_bp;        /* a call criterion below this level is a growth zone */
  int                competency_min; /* a competency scored below this is a growth zone */
  guint              max_zones;      /* at most this many growth zones */
  guint              deadline_days;  /* deadline of proposed actions, days from today */
  const char        *owner;          /* who runs the training; NULL = "Head of sales" */
} SdIdpProposalInput;

/* Defaults: 3 months of calls, zone below 80 %, competencies below 4, at most 3 zones,
 * deadlines in 30 days, the head of sales as owner; no data. */
void          sd_idp_proposal_input_init    (SdIdpProposalInput *input,
                                             gint64              manager_id,
                                             const GDate        *today);
/* A plan proposed for the manager: one goal and one problem-zone action for each of the
 * weakest call criteria (level below zone_bp over the last call_months months) and
 * competencies (the latest assessment's scores below competency_min), weakest first, at most
 * max_zones; a plan-completion goal with a situational action when the manager lags; initial
 * training when hired less than 90 days ago. Each goal says why in `reason`. An empty plan
 * when nothing stands out. NULL with the reason for bad input. */
SdIdp        *sd_idp_propose                (const SdIdpProposalInput  *input,
                                             GError                   **error);

/* ------------------------------------------------------------------------------------------
 * JSON form, as kept in the company file
 * ------------------------------------------------------------------------------------------ */

/* {"title","goals":[…],"actions":[…]}: everything but the id, manager and day, which the
 * file keeps in columns. Dates as "YYYY-MM-DD" or null. */
char         *sd_idp_to_json                (const SdIdp *self);
/* Reads sd_idp_to_json() text back into a plan for manager_id made on `created` (not
 * validated); NULL with SD_IDP_ERROR_INVALID when the text cannot be read. */
SdIdp        *sd_idp_from_json              (const char   *text,
                                             gint64        manager_id,
                                             const GDate  *created,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdIdpGoal, sd_idp_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdIdpAction, sd_idp_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdIdp, sd_idp_free)

G_END_DECLS
