/* sd-window.h — the main window: one company file, its sections and the primary menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"

G_BEGIN_DECLS

#define SD_TYPE_WINDOW (sd_window_get_type ())
G_DECLARE_FINAL_TYPE (SdWindow, sd_window, SD, WINDOW, AdwApplicationWindow)

/* A window showing the context's company (or, without a store, the "No company open" page).
 * `application` may be NULL (tests). */
SdWindow  *sd_window_new             (GtkApplication *application,
                                      SdContext      *context);
SdContext *sd_window_get_context     (SdWindow *self);
/* Opens `file` in this window in place of the current company. If another window of the
 * application already has it, that window is presented instead. On failure the user is
 * told why and the window keeps its company. Returns whether `file` is now open (here or
 * in that other window). */
gboolean   sd_window_open_file       (SdWindow *self,
                                      GFile    *file);
/* Tells the user what went wrong in a dialog over the window. */
void       sd_window_show_error      (SdWindow   *self,
                                      const char *heading,
                                      const char *body);
/* Shows a short notice at the bottom of the window; `text` is plain text. */
void       sd_window_add_toast       (SdWindow   *self,
                                      const char *text);
/* The window of `application` showing `file`, or NULL. */
SdWindow  *sd_window_find_for_file   (GtkApplication *application,
                                      GFile          *file);

G_END_DECLS
