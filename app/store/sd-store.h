/* sd-store.h — one company in one sqlite file: open, create, migrate, transactions, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sd-calendar.h"
#include "sd-demo.h"
#include "sd-forecast.h"
#include "sd-history.h"
#include "sd-payroll.h"
#include "sd-plan.h"
#include "sd-scheme.h"
#include "sd-staff.h"

G_BEGIN_DECLS

#define SD_STORE_ERROR (sd_store_error_quark ())

typedef enum {
  SD_STORE_ERROR_NOT_FOUND,  /* no such file */
  SD_STORE_ERROR_EXISTS,     /* creating over an existing file */
  SD_STORE_ERROR_NOT_OURS,   /* not a Salesdesk company file */
  SD_STORE_ERROR_CORRUPT,    /* a Salesdesk file that fails its integrity check */
  SD_STORE_ERROR_TOO_NEW,    /* written by a newer version of Salesdesk */
  SD_STORE_ERROR_LOCKED,     /* open in another running program */
  SD_STORE_ERROR_IO,         /* no permission, disk full, read-only medium */
  SD_STORE_ERROR_INVALID,    /* the edit breaks a rule (a name twice, a bad date …) */
  SD_STORE_ERROR_FAILED,
} SdStoreError;

typedef enum {
  SD_STORE_OPEN_DEFAULT   = 0,
  SD_STORE_OPEN_NO_UNDO   = 1 << 0,  /* no undo log (command line, bulk work) */
  SD_STORE_OPEN_NO_BACKUP = 1 << 1,  /* no automatic backup on open (tests) */
} SdStoreOpenFlags;

/* What a "changed" signal is about. */
typedef enum {
  SD_STORE_CHANGED_COMPANY = 1 << 0,
  SD_STORE_CHANGED_STAFF   = 1 << 1,
  SD_STORE_CHANGED_FACTS   = 1 << 2,
  SD_STORE_CHANGED_PLAN    = 1 << 3,
  SD_STORE_CHANGED_PIPELINE = 1 << 4,
  SD_STORE_CHANGED_SETTINGS = 1 << 5,
  SD_STORE_CHANGED_SCHEMES  = 1 << 6,   /* schemes and their assignments */
  SD_STORE_CHANGED_PAYROLL  = 1 << 7,   /* a month closed or reopened */
  SD_STORE_CHANGED_PEOPLE   = 1 << 8,   /* checklists, scored calls, assessments, plans */
  SD_STORE_CHANGED_ALL     = 0xffff,
} SdStoreChange;

/* The schema this build writes (PRAGMA user_version). */
#define SD_STORE_SCHEMA_VERSION 4
/* PRAGMA application_id of every Salesdesk file: "SDSK". */
#define SD_STORE_APPLICATION_ID 0x5344534b

#define SD_TYPE_STORE (sd_store_get_type ())
G_DECLARE_FINAL_TYPE (SdStore, sd_store, SD, STORE, GObject)

GQuark      sd_store_error_quark         (void);

/* Creates a new, empty company file (mode 0600). Fails with EXISTS rather than overwrite. */
SdStore    *sd_store_create              (const char  *path,
                                          const char  *company_name,
                                          const char  *currency,
                                          GError     **error);
/* Opens an existing company file for editing, holding it exclusively while open. Checks that
 * it is ours, whole and not newer; migrates an older schema after a backup copy. On any error
 * the file is left byte for byte as it was. */
SdStore    *sd_store_open                (const char        *path,
                                          SdStoreOpenFlags   flags,
                                          GError           **error);
/* Closes the database now (also done on finalize). Safe to call twice. */
void        sd_store_close               (SdStore *self);

const char *sd_store_get_path            (SdStore *self);
int         sd_store_get_schema_version  (SdStore *self);
/* The version found in the file before it was migrated on open (== current if none). */
int         sd_store_get_opened_version  (SdStore *self);

const char *sd_store_get_company_name    (SdStore *self);
const char *sd_store_get_currency        (SdStore *self);   /* ISO code, "RUB" */
gboolean    sd_store_set_company_name    (SdStore     *self,
                                          const char  *name,
                                          GError     **error);

/* Groups the edits that follow into one transaction and one undo step named `label`.
 * Edits made outside begin/commit are each their own step. Not nestable. */
gboolean    sd_store_begin               (SdStore     *self,
                                          const char  *undo_label,
                                          GError     **error);
gboolean    sd_store_commit              (SdStore  *self,
                                          GError  **error);
void        sd_store_rollback            (SdStore *self);

/* Undo and redo of committed steps, for this session (not kept in the file). */
gboolean    sd_store_can_undo            (SdStore *self);
gboolean    sd_store_can_redo            (SdStore *self);
const char *sd_store_get_undo_label      (SdStore *self);   /* NULL when nothing to undo */
const char *sd_store_get_redo_label      (SdStore *self);
gboolean    sd_store_undo                (SdStore  *self,
                                          GError  **error);
gboolean    sd_store_redo                (SdStore  *self,
                                          GError  **error);

/* Integrity (PRAGMA integrity_check, foreign_key_check) and consistency (dates, roles,
 * facts outside employment …). Returns TRUE when sound; otherwise FALSE and, when `problems`
 * is not NULL, a GPtrArray of translated one-line descriptions. */
gboolean    sd_store_check               (SdStore     *self,
                                          GPtrArray  **problems,
                                          GError     **error);

/* Writes a copy of the whole file (sqlite backup API) to `dest_path`, mode 0600. */
gboolean    sd_store_backup_to           (SdStore     *self,
                                          const char  *dest_path,
                                          GError     **error);
/* Directory of the automatic backups of this file. */
char       *sd_store_dup_backup_dir      (SdStore *self);

/* --- staff (sd-store-staff.c) --- */

/* Members sorted by sd_staff_member_compare; archived ones only when asked. */
GPtrArray  *sd_store_list_staff          (SdStore     *self,
                                          gboolean     include_archived,
                                          GError     **error);
SdStaffMember *sd_store_get_staff        (SdStore     *self,
                                          gint64       id,
                                          GError     **error);
/* Validates and inserts; returns the new id (> 0), or 0 with `error`. */
gint64      sd_store_add_staff           (SdStore              *self,
                                          const SdStaffMember  *member,
                                          GError              **error);
gboolean    sd_store_update_staff        (SdStore              *self,
                                          const SdStaffMember  *member,
                                          GError              **error);
/* Whether the member has facts or plan figures, so removing must archive. */
gboolean    sd_store_staff_has_history   (SdStore  *self,
                                          gint64    id);
/* Deletes a member without history; archives one with history (`archived` says which). */
gboolean    sd_store_remove_staff        (SdStore   *self,
                                          gint64     id,
                                          gboolean  *archived,
                                          GError   **error);
/* Puts an archived member back into the team. */
gboolean    sd_store_restore_staff       (SdStore   *self,
                                          gint64     id,
                                          GError   **error);
/* All or nothing, in one transaction and one undo step: a member whose name is already in
 * the file is updated (role, dates, scheme), a new name is added. `n_added`/`n_updated` may
 * be NULL. */
gboolean    sd_store_import_staff        (SdStore    *self,
                                          GPtrArray  *members,
                                          guint      *n_added,
                                          guint      *n_updated,
                                          GError    **error);

/* --- history (sd-store-history.c) --- */

/* Facts of every manager for months first..last inclusive, as SdFact. */
GArray     *sd_store_list_facts          (SdStore  *self,
                                          SdMonth   first,
                                          SdMonth   last,
                                          GError  **error);
guint       sd_store_count_facts         (SdStore *self);
/* Plan figures for months first..last inclusive, as SdPlanEntry. */
GArray     *sd_store_list_plan           (SdStore  *self,
                                          SdMonth   first,
                                          SdMonth   last,
                                          GError  **error);
/* Replaces the company's name, staff, facts and plan with a generated demo company, in one
 * transaction (used by `salesdesk-cli demo` and the first run). */
gboolean    sd_store_fill_demo           (SdStore              *self,
                                          const SdDemoCompany  *demo,
                                          GError              **error);

/* --- facts, edited by hand or imported (sd-store-history.c) --- */

/* Writes (inserts or replaces) the facts of one manager for one month. Values must not be
 * negative (revenue, paid and deals ≥ 0; margin may be negative), the manager must exist
 * and have been employed in that month. One undo step. */
gboolean    sd_store_set_fact            (SdStore       *self,
                                          const SdFact  *fact,
                                          GError       **error);
/* Writes n facts (a pasted block) in one transaction and one undo step named `undo_label`;
 * all or nothing. */
gboolean    sd_store_set_facts           (SdStore       *self,
                                          const SdFact  *facts,
                                          gsize          n_facts,
                                          const char    *undo_label,
                                          GError       **error);
/* Removes the facts of one manager for one month (nothing to remove is not an error). */
gboolean    sd_store_clear_fact          (SdStore   *self,
                                          gint64     manager_id,
                                          SdMonth    month,
                                          GError   **error);

/* --- plan versions and scenarios (sd-store-plan.c) --- */

typedef enum {
  SD_SCENARIO_PESSIMISTIC,
  SD_SCENARIO_BASE,
  SD_SCENARIO_OPTIMISTIC,
} SdScenario;

typedef enum {
  SD_PLAN_STATE_DRAFT,       /* editable */
  SD_PLAN_STATE_APPROVED,    /* frozen; the company works to it */
  SD_PLAN_STATE_SUPERSEDED,  /* was approved, then another version of the year was */
} SdPlanState;

/* One version of one year's plan. Each year that has versions has exactly one *current*
 * version: the one plan vs fact, the forecast, payroll and reports use. Approving a version
 * makes it current; importing a plan makes the imported version current. */
typedef struct {
  gint64       id;
  int          year;
  char        *name;
  SdScenario   scenario;
  SdPlanState  state;
  gboolean     current;
  gint64       revision_of;   /* the version it was started from, or 0 */
  GDate        created;
  GDate        approved;      /* cleared unless approved or superseded */
} SdPlanVersion;

void           sd_plan_version_free       (SdPlanVersion *self);
SdPlanVersion *sd_plan_version_copy       (const SdPlanVersion *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPlanVersion, sd_plan_version_free)
/* "Pessimistic", "Base", "Optimistic", translated. */
const char    *sd_scenario_to_string      (SdScenario scenario);
const char    *sd_plan_state_to_string    (SdPlanState state);

/* Versions of `year` (0: of every year), by year, then scenario, then creation. */
GPtrArray   *sd_store_list_plan_versions  (SdStore  *self,
                                           int       year,
                                           GError  **error);
SdPlanVersion *sd_store_get_plan_version  (SdStore  *self,
                                           gint64    id,
                                           GError  **error);
/* The current version of `year`, or NULL (without error) when the year has no plan. */
SdPlanVersion *sd_store_get_current_plan_version (SdStore  *self,
                                                  int       year,
                                                  GError  **error);
/* Creates a draft. With `copy_from` (> 0) it starts as a copy of that version (parameters,
 * hand edits and figures; revision_of = copy_from); otherwise from default parameters: last
 * year's shape, target = last year's fact, every manager employed in the year. The first
 * version of a year becomes current. Names are unique within a year. Returns the id or 0. */
gint64      sd_store_create_plan_version  (SdStore     *self,
                                           int          year,
                                           const char  *name,
                                           SdScenario   scenario,
                                           gint64       copy_from,
                                           GError     **error);
gboolean    sd_store_rename_plan_version  (SdStore     *self,
                                           gint64       id,
                                           const char  *name,
                                           GError     **error);
gboolean    sd_store_set_plan_version_scenario (SdStore     *self,
                                                gint64       id,
                                                SdScenario   scenario,
                                                GError     **error);
/* Only a draft that is not current can be deleted. */
gboolean    sd_store_delete_plan_version  (SdStore   *self,
                                           gint64     id,
                                           GError   **error);
/* Freezes a draft and makes it current; a previously approved version of the same year
 * becomes superseded. */
gboolean    sd_store_approve_plan_version (SdStore   *self,
                                           gint64     id,
                                           GError   **error);
gboolean    sd_store_make_plan_version_current (SdStore   *self,
                                                gint64     id,
                                                GError   **error);

/* The inputs of a version as core params: target, growth, weights, ramp-up, funnel, and
 * its managers (with their hire/leave dates from the staff, personal weights, vacations
 * and funnel figures), with last year's facts filled in from the file. */
SdPlanParams *sd_store_load_plan_params   (SdStore           *self,
                                           gint64             version_id,
                                           const SdCalendar  *calendar,
                                           GError           **error);
/* The decomposed plan of a version, with its hand edits and balanced months restored.
 * `params` (may be NULL) receives the params it was computed from. */
SdPlan      *sd_store_load_plan           (SdStore           *self,
                                           gint64             version_id,
                                           const SdCalendar  *calendar,
                                           SdPlanParams     **params,
                                           GError           **error);
/* Saves a draft's params, hand edits, balanced months and the resulting figures (what
 * sd_store_list_plan returns) in one transaction and one undo step named `undo_label`.
 * Fails with INVALID for an approved or superseded version. */
gboolean    sd_store_save_plan            (SdStore             *self,
                                           gint64               version_id,
                                           const SdPlanParams  *params,
                                           const SdPlan        *plan,
                                           const char          *undo_label,
                                           GError             **error);
/* The figures of one version (department rows with manager_id 0, then managers), as
 * SdPlanEntry, by month then manager. (sd_store_list_plan returns those of the current
 * version of each year.) */
GArray     *sd_store_list_plan_version_entries (SdStore  *self,
                                                gint64    version_id,
                                                GError  **error);
/* Import of plan.csv rows: for each year in `entries`, a new draft version named `name`
 * (or "Imported YYYY-MM-DD") whose figures are exactly the rows (every row a hand edit;
 * where a month has no department row, its target is the managers' sum), made current. All
 * or nothing; one undo step. `n_versions` may be NULL. */
gboolean    sd_store_import_plan          (SdStore            *self,
                                           const SdPlanEntry  *entries,
                                           gsize               n_entries,
                                           const char         *name,
                                           guint              *n_versions,
                                           GError            **error);
/* Import of facts.csv rows: each (manager, month) inserted or replaced. All or nothing;
 * one undo step. `n_written` may be NULL. */
gboolean    sd_store_import_facts         (SdStore       *self,
                                           const SdFact  *facts,
                                           gsize          n_facts,
                                           guint         *n_written,
                                           GError       **error);

/* --- expected payments, for the forecast (sd-store-pipeline.c) --- */

typedef struct {
  gint64             id;
  SdExpectedPayment  payment;   /* manager, expected date, amount, probability */
  char              *client;    /* may be NULL */
  char              *note;      /* may be NULL */
} SdPipelineItem;

void            sd_pipeline_item_free     (SdPipelineItem *self);
SdPipelineItem *sd_pipeline_item_copy     (const SdPipelineItem *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPipelineItem, sd_pipeline_item_free)

/* Expected payments dated first..last inclusive (either may be NULL: open-ended), by date. */
GPtrArray  *sd_store_list_pipeline        (SdStore      *self,
                                           const GDate  *first,
                                           const GDate  *last,
                                           GError      **error);
/* Validates (amount ≥ 0, probability 0..100, known manager, a date) and inserts: the id or 0. */
gint64      sd_store_add_pipeline_item    (SdStore               *self,
                                           const SdPipelineItem  *item,
                                           GError               **error);
gboolean    sd_store_update_pipeline_item (SdStore               *self,
                                           const SdPipelineItem  *item,
                                           GError               **error);
gboolean    sd_store_remove_pipeline_item (SdStore   *self,
                                           gint64     id,
                                           GError   **error);

/* --- per-company settings (sd-store-plan.c) --- */

/* Integer settings kept in the file; unknown keys read as `fallback`. Keys in use:
 * "lag-threshold-bp" (default SD_PLAN_DEFAULT_LAG_THRESHOLD_BP), "lag-months"
 * (default SD_PLAN_DEFAULT_LAG_MONTHS). Setting one is an undo step. */
gint64      sd_store_get_setting_int      (SdStore     *self,
                                           const char  *key,
                                           gint64       fallback);
gboolean    sd_store_set_setting_int      (SdStore     *self,
                                           const char  *key,
                                           gint64       value,
                                           GError     **error);

/* --- motivation schemes, their assignments and the monthly payroll (sd-store-pay.c) ---
 * Schema 3. A scheme is stored whole (as its JSON form); names are unique (case-folded). A
 * manager is paid by the scheme assigned to them from a month on, until the next assignment:
 * a change from April does not rewrite March. A closed month's payroll is frozen: facts,
 * plans and schemes can no longer change it; reopening is explicit and recorded. */

typedef struct {
  gint64    id;
  SdScheme *scheme;
} SdSchemeEntry;

void           sd_scheme_entry_free        (SdSchemeEntry *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdSchemeEntry, sd_scheme_entry_free)

/* Schemes by name. */
GPtrArray     *sd_store_list_schemes       (SdStore  *self,
                                            GError  **error);
SdSchemeEntry *sd_store_get_scheme         (SdStore  *self,
                                            gint64    id,
                                            GError  **error);
/* The id of the scheme called `name` (case-insensitive), or 0. */
gint64         sd_store_find_scheme        (SdStore     *self,
                                            const char  *name);
/* Validates (sd_scheme_validate) and adds: the id, or 0 with the reason. */
gint64         sd_store_add_scheme         (SdStore         *self,
                                            const SdScheme  *scheme,
                                            GError         **error);
/* Replaces a scheme (it may be renamed). Closed months keep what they paid. */
gboolean       sd_store_update_scheme      (SdStore         *self,
                                            gint64           id,
                                            const SdScheme  *scheme,
                                            GError         **error);
/* Refuses (INVALID) while the scheme is assigned to anyone. */
gboolean       sd_store_remove_scheme      (SdStore   *self,
                                            gint64     id,
                                            GError   **error);
/* import-scheme: adds the scheme, or replaces the one with the same name (`replaced` may be
 * NULL). One undo step. Returns the id or 0. */
gint64         sd_store_import_scheme      (SdStore         *self,
                                            const SdScheme  *scheme,
                                            gboolean        *replaced,
                                            GError         **error);

typedef struct {
  gint64  manager_id;
  gint64  scheme_id;    /* 0: no scheme from this month on */
  SdMonth from;
} SdSchemeAssignment;

/* Assignments of one manager (0: of everyone), by manager then month. */
GArray        *sd_store_list_scheme_assignments (SdStore  *self,
                                                 gint64    manager_id,
                                                 GError  **error);
/* Assigns `scheme_id` (0: none) to a manager from month `from` on, replacing an assignment
 * from the same month. Refuses a month that is closed. One undo step. */
gboolean       sd_store_assign_scheme      (SdStore   *self,
                                            gint64     manager_id,
                                            gint64     scheme_id,
                                            SdMonth    from,
                                            GError   **error);
gboolean       sd_store_unassign_scheme    (SdStore   *self,
                                            gint64     manager_id,
                                            SdMonth    from,
                                            GError   **error);
/* The scheme paying `manager_id` in `month` (a copy), or NULL without error when none. */
SdScheme      *sd_store_get_scheme_for     (SdStore   *self,
                                            gint64     manager_id,
                                            SdMonth    month,
                                            GError   **error);

/* The payroll of `month` for everyone employed in it (heads of sales included): for an open
 * month computed now from the staff, the current plan version, the facts and the schemes;
 * for a closed month exactly what was frozen when it was closed. */
SdPayroll     *sd_store_compute_payroll    (SdStore           *self,
                                            SdMonth            month,
                                            const SdCalendar  *calendar,
                                            SdNumberStyle      style,
                                            GError           **error);
/* The same figures without the explanations (slips with no notes; a closed month as frozen,
 * notes included): for reports that need the totals only. */
SdPayroll     *sd_store_compute_payroll_totals (SdStore           *self,
                                                SdMonth            month,
                                                const SdCalendar  *calendar,
                                                GError           **error);
gboolean       sd_store_is_month_closed    (SdStore  *self,
                                            SdMonth   month);
/* Freezes the month's payroll as computed now. One undo step. */
gboolean       sd_store_close_month        (SdStore           *self,
                                            SdMonth            month,
                                            const SdCalendar  *calendar,
                                            GError           **error);
/* Unfreezes a closed month; `reason` (required, not empty) is recorded with the date. */
gboolean       sd_store_reopen_month       (SdStore     *self,
                                            SdMonth      month,
                                            const char  *reason,
                                            GError     **error);

typedef struct {
  SdMonth  month;
  GDate    closed;      /* when it was (last) closed; cleared if never */
  GDate    reopened;    /* when it was last reopened; cleared if never */
  char    *reason;      /* of the last reopening, or NULL */
  gboolean is_closed;
} SdMonthClosure;

void           sd_month_closure_free       (SdMonthClosure *self);
/* Every month ever closed, newest first. */
GPtrArray     *sd_store_list_month_closures (SdStore  *self,
                                             GError  **error);

G_END_DECLS
