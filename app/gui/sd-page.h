/* sd-page.h — what every page of the window shares: the context, following its store, and
 * reading the file again only when the page is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-context.h"

G_BEGIN_DECLS

#define SD_TYPE_PAGE (sd_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (SdPage, sd_page, SD, PAGE, AdwBin)

struct _SdPageClass
{
  AdwBinClass parent_class;

  /* The SD_STORE_CHANGED_* bits after which the page reads the file again. */
  guint    reload_on;
  /* The first fill waits for the window's first frame, so that the window appears at once. */
  gboolean defer_first_fill;
  /* A change while the page is shown reloads it at idle, not at once: the change may come from
   * a widget of the lists the reload rebuilds. */
  gboolean reload_changes_at_idle;

  /* Fills the page from the store (NULL when no company is open). Required. */
  void     (*reload)         (SdPage  *self);
  /* The context's store has been replaced by `store` (NULL when the file is closed); the
   * reload is queued after this. Optional. */
  void     (*store_replaced) (SdPage  *self,
                              SdStore *store);
  /* The store says `what` changed. The default queues a reload when `what` meets reload_on. */
  void     (*store_changed)  (SdPage  *self,
                              guint    what);

  gpointer padding[8];
};

/* The context the page was made with. */
SdContext *sd_page_get_context      (SdPage *self);
/* The open company's store, or NULL. */
SdStore   *sd_page_get_store        (SdPage *self);
/* Reloads now when the page is shown, else when it is next shown. */
void       sd_page_queue_reload     (SdPage *self);
/* Reloads now, shown or not. */
void       sd_page_reload           (SdPage *self);
/* Reloads now if a reload is waiting for the page to be shown. */
void       sd_page_reload_if_needed (SdPage *self);

G_END_DECLS
