/* sd-staff-item.h — one person of the staff list, as a list model item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sd-staff.h"

G_BEGIN_DECLS

#define SD_TYPE_STAFF_ITEM (sd_staff_item_get_type ())
G_DECLARE_FINAL_TYPE (SdStaffItem, sd_staff_item, SD, STAFF_ITEM, GObject)

/* Wraps a copy of `member`; the item never changes (a new list is built on each change). */
SdStaffItem         *sd_staff_item_new         (const SdStaffMember *member);
const SdStaffMember *sd_staff_item_get_member  (SdStaffItem *self);
gint64               sd_staff_item_get_id      (SdStaffItem *self);
const char          *sd_staff_item_get_name    (SdStaffItem *self);
gboolean             sd_staff_item_is_archived (SdStaffItem *self);

G_END_DECLS
