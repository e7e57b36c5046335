/* sd-plan-page.h — the sales plan of a year: versions, parameters, months × managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"
#include "sd-grid.h"

G_BEGIN_DECLS

#define SD_TYPE_PLAN_PAGE (sd_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (SdPlanPage, sd_plan_page, SD, PLAN_PAGE, SdPage)

/* A page editing the plan versions of the context's company; it follows the context when
 * the window opens another file and reloads when the file changes (undo, redo). */
GtkWidget *sd_plan_page_new            (SdContext  *context);
/* The year shown (1900..2200). */
void       sd_plan_page_set_year       (SdPlanPage *self,
                                        int         year);
int        sd_plan_page_get_year       (SdPlanPage *self);
/* Shows a version of the year (0: the current one). */
void       sd_plan_page_select_version (SdPlanPage *self,
                                        gint64      version_id);
/* The version shown, or 0. */
gint64     sd_plan_page_get_version_id (SdPlanPage *self);
/* The grid: rows are the department's targets, then managers, then "Rest" when hand edits
 * leave one; columns are the twelve months, then the year. */
SdGrid    *sd_plan_page_get_grid       (SdPlanPage *self);
/* The line about the focused month's funnel. */
const char *sd_plan_page_get_funnel_text (SdPlanPage *self);

G_END_DECLS
