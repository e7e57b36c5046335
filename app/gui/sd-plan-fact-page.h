/* sd-plan-fact-page.h — plan against fact for a year, quarter or month: per manager,
 * growth, who is lagging and why, and the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_PLAN_FACT_PAGE (sd_plan_fact_page_get_type ())
G_DECLARE_FINAL_TYPE (SdPlanFactPage, sd_plan_fact_page, SD, PLAN_FACT_PAGE, SdPage)

GtkWidget  *sd_plan_fact_page_new             (SdContext *context);
/* Shows `period` (a year, quarter or month). */
void        sd_plan_fact_page_set_period      (SdPlanFactPage *self,
                                               const SdPeriod *period);
/* The text of a table cell of a manager (0: the department): column 0 name, 1 plan, 2 fact,
 * 3 completion, 4 growth on the previous period, 5 on a year before, 6 deals, 7 leads; NULL
 * when the manager is not in the table. For tests. */
const char *sd_plan_fact_page_get_cell        (SdPlanFactPage *self,
                                               gint64          manager_id,
                                               guint           column);
/* Whether the manager's row is marked as lagging. */
gboolean    sd_plan_fact_page_is_lagging      (SdPlanFactPage *self,
                                               gint64          manager_id);
GtkWidget  *sd_plan_fact_page_get_threshold   (SdPlanFactPage *self);

G_END_DECLS
