/* sd-people-page.h — people development: who needs attention, each manager's call scores,
 * assessments and development plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_PEOPLE_PAGE (sd_people_page_get_type ())
G_DECLARE_FINAL_TYPE (SdPeoplePage, sd_people_page, SD, PEOPLE_PAGE, SdPage)

/* A page following the context's company and the store's "changed" signal. */
GtkWidget *sd_people_page_new                 (SdContext *context);
/* The manager shown (0: none). */
gint64     sd_people_page_get_manager         (SdPeoplePage *self);
void       sd_people_page_select_manager      (SdPeoplePage *self,
                                               gint64        manager_id);

G_END_DECLS
