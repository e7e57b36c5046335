/* sd-context.h — what every page of a window needs: the open company, settings, calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sd-calendar.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_CONTEXT (sd_context_get_type ())
G_DECLARE_FINAL_TYPE (SdContext, sd_context, SD, CONTEXT, GObject)

/* A context for one window. `store` and `settings` may be NULL (no company open; running
 * without an installed schema). */
SdContext        *sd_context_new                 (SdStore   *store,
                                                  GSettings *settings);
/* The open company, or NULL. Pages listen to notify::store: it changes when the window
 * opens another file. */
SdStore          *sd_context_get_store           (SdContext *self);
void              sd_context_set_store           (SdContext *self,
                                                  SdStore   *store);
/* The application's settings, or NULL when the schema is not available. */
GSettings        *sd_context_get_settings        (SdContext *self);
/* The production calendar used for working days. Never NULL. */
const SdCalendar *sd_context_get_calendar        (SdContext *self);
/* Records `path` as the last opened file and at the top of the recent files (newest first,
 * at most 10, files that no longer exist dropped). Does nothing without settings. */
void              sd_context_remember_file       (SdContext  *self,
                                                  const char *path);
/* The recent files from the settings that still exist, newest first. Never NULL. */
GStrv             sd_context_dup_recent_files    (SdContext *self);

/* Today's date, for forecasts and defaults: the SALESDESK_TODAY environment variable
 * (YYYY-MM-DD) when set, so demos and tests are reproducible, else the clock. */
void              sd_context_get_today           (SdContext *self,
                                                  GDate     *out);

G_END_DECLS
