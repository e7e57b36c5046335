/* sd-page.c — what every page of the window shares
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-page"

#include "config.h"

#include "sd-page.h"

typedef struct
{
  SdContext *context;
  SdStore   *store;
  gulong     store_changed_id;
  guint      reload_idle_id;
  gulong     after_paint_id;
  /* Read from the file when the page is shown, not on every change elsewhere. */
  gboolean   needs_reload;
  gboolean   shown_once;
} SdPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SdPage, sd_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SdContext *
sd_page_get_context (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);
  return priv->context;
}

SdStore *
sd_page_get_store (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_val_if_fail (SD_IS_PAGE (self), NULL);
  return priv->store;
}

void
sd_page_reload (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));

  priv->needs_reload = FALSE;
  g_clear_handle_id (&priv->reload_idle_id, g_source_remove);
  SD_PAGE_GET_CLASS (self)->reload (self);
}

void
sd_page_reload_if_needed (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));

  if (priv->needs_reload)
    sd_page_reload (self);
}

static gboolean
reload_idle (gpointer data)
{
  SdPage *self = data;
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  priv->reload_idle_id = 0;
  sd_page_reload (self);
  return G_SOURCE_REMOVE;
}

void
sd_page_queue_reload (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_return_if_fail (SD_IS_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->needs_reload = TRUE;
  else if (!SD_PAGE_GET_CLASS (self)->reload_changes_at_idle)
    sd_page_reload (self);
  else if (priv->reload_idle_id == 0)
    priv->reload_idle_id = g_idle_add (reload_idle, self);
}

static void
sd_page_real_store_changed (SdPage *self,
                            guint   what)
{
  if (what & SD_PAGE_GET_CLASS (self)->reload_on)
    sd_page_queue_reload (self);
}

static void
on_store_changed (SdPage  *self,
                  guint    what,
                  SdStore *store)
{
  SD_PAGE_GET_CLASS (self)->store_changed (self, what);
}

static void
follow_store (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);
  SdPageClass *klass = SD_PAGE_GET_CLASS (self);
  SdStore *store = sd_context_get_store (priv->context);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->store_changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->store_changed_id = g_signal_connect_object (store, "changed",
                                                      G_CALLBACK (on_store_changed), self,
                                                      G_CONNECT_SWAPPED);
  if (klass->store_replaced != NULL)
    klass->store_replaced (self, store);
  sd_page_queue_reload (self);
}

static void
on_context_store_notify (SdPage *self)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  if (sd_context_get_store (priv->context) != priv->store)
    follow_store (self);
}

static void
on_first_paint (SdPage        *self,
                GdkFrameClock *clock)
{
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_clear_signal_handler (&priv->after_paint_id, clock);
  priv->shown_once = TRUE;
  if (priv->needs_reload && gtk_widget_get_mapped (GTK_WIDGET (self)))
    sd_page_reload (self);
}

static void
sd_page_map (GtkWidget *widget)
{
  SdPage *self = SD_PAGE (widget);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  GTK_WIDGET_CLASS (sd_page_parent_class)->map (widget);

  if (!priv->needs_reload)
    return;

  /* A company of 200 managers takes a moment to lay out: show the window first. */
  if (!SD_PAGE_GET_CLASS (self)->defer_first_fill || priv->shown_once)
    sd_page_reload (self);
  else if (priv->after_paint_id == 0)
    priv->after_paint_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget),
                                                    "after-paint",
                                                    G_CALLBACK (on_first_paint), self,
                                                    G_CONNECT_SWAPPED);
}

static void
sd_page_constructed (GObject *object)
{
  SdPage *self = SD_PAGE (object);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  G_OBJECT_CLASS (sd_page_parent_class)->constructed (object);

  g_return_if_fail (priv->context != NULL);

  g_signal_connect_object (priv->context, "notify::store",
                           G_CALLBACK (on_context_store_notify), self, G_CONNECT_SWAPPED);
  /* Without a company the page still says so when it is shown. */
  follow_store (self);
}

static void
sd_page_dispose (GObject *object)
{
  SdPage *self = SD_PAGE (object);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  g_clear_handle_id (&priv->reload_idle_id, g_source_remove);
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->store_changed_id, priv->store);
  g_clear_object (&priv->store);
  if (priv->context != NULL)
    g_signal_handlers_disconnect_by_data (priv->context, self);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (sd_page_parent_class)->dispose (object);
}

static void
sd_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SdPage *self = SD_PAGE (object);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SdPage *self = SD_PAGE (object);
  SdPagePrivate *priv = sd_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_page_class_init (SdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_page_constructed;
  object_class->dispose = sd_page_dispose;
  object_class->set_property = sd_page_set_property;
  object_class->get_property = sd_page_get_property;
  widget_class->map = sd_page_map;
  klass->store_changed = sd_page_real_store_changed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_page_init (SdPage *self)
{
}
