/* sd-facts-page.h — what managers achieved: one metric, months × managers, typed or pasted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"
#include "sd-grid.h"

G_BEGIN_DECLS

typedef enum {
  SD_FACT_METRIC_REVENUE,
  SD_FACT_METRIC_PAID,
  SD_FACT_METRIC_MARGIN,
  SD_FACT_METRIC_DEALS,
  SD_FACT_METRIC_LEADS,
  SD_FACT_METRIC_CALLS,
} SdFactMetric;

#define SD_TYPE_FACTS_PAGE (sd_facts_page_get_type ())
G_DECLARE_FINAL_TYPE (SdFactsPage, sd_facts_page, SD, FACTS_PAGE, SdPage)

/* A page editing the facts of the context's company; it follows the context when the
 * window opens another file and reloads when the file changes (undo, redo). */
GtkWidget *sd_facts_page_new         (SdContext    *context);
void       sd_facts_page_set_year    (SdFactsPage  *self,
                                      int           year);
void       sd_facts_page_set_metric  (SdFactsPage  *self,
                                      SdFactMetric  metric);
/* The grid: managers employed in the year × the twelve months, then the year. */
SdGrid    *sd_facts_page_get_grid    (SdFactsPage  *self);

G_END_DECLS
