/* sd-staff-item.c — one person of the staff list, as a list model item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-staff-item"

#include "config.h"

#include "sd-staff-item.h"

struct _SdStaffItem
{
  GObject        parent_instance;

  SdStaffMember *member;
};

G_DEFINE_FINAL_TYPE (SdStaffItem, sd_staff_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_staff_item_finalize (GObject *object)
{
  SdStaffItem *self = SD_STAFF_ITEM (object);

  g_clear_pointer (&self->member, sd_staff_member_free);

  G_OBJECT_CLASS (sd_staff_item_parent_class)->finalize (object);
}

static void
sd_staff_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SdStaffItem *self = SD_STAFF_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->member->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->member->name);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->member->archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_staff_item_class_init (SdStaffItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_staff_item_finalize;
  object_class->get_property = sd_staff_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_staff_item_init (SdStaffItem *self)
{
}

SdStaffItem *
sd_staff_item_new (const SdStaffMember *member)
{
  SdStaffItem *self;

  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (SD_TYPE_STAFF_ITEM, NULL);
  self->member = sd_staff_member_copy (member);

  return self;
}

const SdStaffMember *
sd_staff_item_get_member (SdStaffItem *self)
{
  g_return_val_if_fail (SD_IS_STAFF_ITEM (self), NULL);

  return self->member;
}

gint64
sd_staff_item_get_id (SdStaffItem *self)
{
  g_return_val_if_fail (SD_IS_STAFF_ITEM (self), 0);

  return self->member->id;
}

const char *
sd_staff_item_get_name (SdStaffItem *self)
{
  g_return_val_if_fail (SD_IS_STAFF_ITEM (self), NULL);

  return self->member->name;
}

gboolean
sd_staff_item_is_archived (SdStaffItem *self)
{
  g_return_val_if_fail (SD_IS_STAFF_ITEM (self), FALSE);

  return self->member->archived;
}
