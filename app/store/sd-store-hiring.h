/* sd-store-hiring.h — the hiring plan in the company file: its settings, the planned hires,
 * turning a planned hire into a manager, and the inputs of core's hiring plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings live in the `settings` table under "hiring.*" keys; planned hires in the
 * `planned_hire` table (schema 4). Every edit is one transaction and one undo step. Changes
 * to settings and planned hires are announced as SD_STORE_CHANGED_SETTINGS; a hire also as
 * STAFF (and PLAN when a plan took the new manager).
 */
#pragma once

#include "sd-calendar.h"
#include "sd-hiring.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* The stored settings over the defaults of sd_hiring_settings_init (). `stored` (may be NULL)
 * says whether the file holds a capacity (FALSE: never entered, the page may offer history). */
gboolean        sd_store_load_hiring_settings   (SdStore           *self,
                                                 SdHiringSettings  *settings,
                                                 gboolean          *stored,
                                                 GError           **error);
/* Validates with core (the error says what to fix, nothing is written) and writes every
 * setting in one transaction and one undo step. */
gboolean        sd_store_save_hiring_settings   (SdStore                 *self,
                                                 const SdHiringSettings  *settings,
                                                 GError                 **error);

/* Planned hires (SdPlannedHire) by start, then search start, then id. */
GArray         *sd_store_list_planned_hires     (SdStore  *self,
                                                 GError  **error);
/* The note of a planned hire (may be NULL), e.g. the name once hired. */
char           *sd_store_dup_planned_hire_note  (SdStore  *self,
                                                 gint64    id);
/* Validates (both dates, start not before the search, state not "hired") and inserts:
 * the id, or 0 with the reason. */
gint64          sd_store_add_planned_hire       (SdStore              *self,
                                                 const SdPlannedHire  *hire,
                                                 GError              **error);
/* Replaces the dates and state of hire->id. A hired one cannot change. */
gboolean        sd_store_update_planned_hire    (SdStore              *self,
                                                 const SdPlannedHire  *hire,
                                                 GError              **error);
/* Deletes a planned hire that is not hired. */
gboolean        sd_store_delete_planned_hire    (SdStore   *self,
                                                 gint64     id,
                                                 GError   **error);
/* Accept (SD_HIRE_ACCEPTED), reject (SD_HIRE_REJECTED) or back to proposed. */
gboolean        sd_store_set_planned_hire_state (SdStore      *self,
                                                 gint64        id,
                                                 SdHireState   state,
                                                 GError      **error);
/* New dates; the hire becomes SD_HIRE_EDITED. */
gboolean        sd_store_set_planned_hire_dates (SdStore      *self,
                                                 gint64        id,
                                                 const GDate  *search_start,
                                                 const GDate  *start,
                                                 GError      **error);
/* A new proposal: drops the hires still "proposed" and inserts `hires` (their ids are
 * ignored) as proposed, in one undo step. Accepted, edited, rejected and hired ones stay. */
gboolean        sd_store_replace_proposed_hires (SdStore              *self,
                                                 const SdPlannedHire  *hires,
                                                 guint                 n_hires,
                                                 GError              **error);

/* What happened to the plan when a planned hire became a manager. */
typedef enum {
  SD_HIRE_PLAN_UPDATED,  /* the year's current draft now has the manager, recomputed */
  SD_HIRE_PLAN_FROZEN,   /* the year's current version is approved: left as it was */
  SD_HIRE_PLAN_NONE,     /* the year has no plan */
} SdHirePlanOutcome;

typedef struct {
  gint64             manager_id;
  int                plan_year;
  SdHirePlanOutcome  plan;
} SdHireOutcome;

/* "Hired": in one transaction and one undo step, adds `name` to the staff (role manager,
 * hired on the hire's start, paid by the hiring scheme when there is one), marks the planned
 * hire hired with that manager, and — when the start year's current plan version is a
 * draft — adds the manager to it and saves it recomputed, so the plan is decomposed onto
 * them (current drafts of the following years too). An approved plan is left as it is
 * (outcome->plan says which, for the start year). Only an accepted or
 * edited hire can be hired. All or nothing. Returns the new staff id, or 0 with the reason. */
gint64          sd_store_hire_planned           (SdStore            *self,
                                                 gint64              hire_id,
                                                 const char         *name,
                                                 const SdCalendar   *calendar,
                                                 SdHireOutcome      *outcome,
                                                 GError            **error);
/* One sentence for the user about outcome->plan (translated). */
char           *sd_hire_outcome_describe        (const SdHireOutcome *outcome,
                                                 const char          *name);

/* The scheme new hires are paid by: the setting "hiring.scheme-id" when it names a scheme,
 * else the one most current managers are paid by in `month`; 0 for none. */
gint64          sd_store_get_hiring_scheme_id   (SdStore  *self,
                                                 SdMonth   month);

/* Chooses the scheme new hires are paid by (0: automatic, the most common). One undo step;
 * an unknown scheme is refused. */
gboolean        sd_store_set_hiring_scheme_id   (SdStore   *self,
                                                 gint64     scheme_id,
                                                 GError   **error);
/* The stored choice: 0 for automatic. */
gint64          sd_store_get_hiring_scheme_choice (SdStore *self);

/* Core's inputs for a horizon of n_years years from first_year: the month targets of each
 * year's current plan version (the horizon stops at the first year without one), the
 * stored settings, the managers (role manager) employed in the horizon with their dates,
 * `today`, and pay from each manager's motivation scheme (planned hires: the hiring scheme;
 * anyone without a scheme: the settings' monthly pay). `settings` (may be NULL) replaces the
 * stored settings. NULL with an error when the first year has no plan. */
SdHiringParams *sd_store_load_hiring_params     (SdStore                 *self,
                                                 int                      first_year,
                                                 guint                    n_years,
                                                 const SdHiringSettings  *settings,
                                                 const GDate             *today,
                                                 GError                 **error);

/* The stored schedule (every planned hire) evaluated against the plan of the horizon, as the
 * hiring page shows it: for reports. `params` (may be NULL) receives the inputs used. */
SdHiringResult *sd_store_evaluate_hiring_plan   (SdStore          *self,
                                                 int               first_year,
                                                 guint             n_years,
                                                 const GDate      *today,
                                                 SdHiringParams  **params,
                                                 GError          **error);

/* A fully ramped manager's capacity from the facts of the n_months months ending with
 * last_month (see sd_hiring_capacity_from_history). */
gboolean        sd_store_hiring_capacity_from_history (SdStore                 *self,
                                                       const SdHiringSettings  *settings,
                                                       SdMonth                  last_month,
                                                       guint                    n_months,
                                                       SdMoney                 *capacity,
                                                       guint                   *n_samples,
                                                       GError                 **error);

G_END_DECLS
