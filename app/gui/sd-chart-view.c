/* sd-chart-view.c — a chart of the charts library on screen
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sd-chart-view.h"

struct _SdChartView
{
  GtkWidget        parent_instance;

  SdChartViewDraw  draw;
  SdChartViewHit   hit;
  SdChartViewText  describe;
  gpointer         user_data;
  GDestroyNotify   destroy;
  guint            n_items;

  int              highlight;      /* under the pointer or chosen with the keyboard */
};

G_DEFINE_FINAL_TYPE (SdChartView, sd_chart_view, GTK_TYPE_WIDGET)

void
sd_chart_view_get_style (SdChartView  *self,
                         SdChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SdNumberStyle numbers = sd_number_style_current ();

  g_return_if_fail (SD_IS_CHART_VIEW (self));

  if (adw_style_manager_get_dark (manager))
    sd_chart_style_init_dark (style, numbers);
  else
    sd_chart_style_init_light (style, numbers);
  /* The page's own background shows through (a card or the view). */
  style->background.alpha = 0;
}

static void
update_description (SdChartView *self)
{
  SdChartStyle style;
  g_autofree char *summary = NULL;
  g_autofree char *item = NULL;

  if (self->describe == NULL)
    return;

  sd_chart_view_get_style (self, &style);
  summary = self->describe (&style, -1, self->user_data);
  if (self->highlight >= 0)
    item = self->describe (&style, self->highlight, self->user_data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary != NULL ? summary : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, item != NULL ? item : "",
                                  -1);
}

static void
set_highlight (SdChartView *self,
               int          highlight)
{
  if (self->highlight == highlight)
    return;
  self->highlight = highlight;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SdChartView *self = SD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SdChartStyle style;
  cairo_t *cr;

  if (self->draw == NULL || width <= 0 || height <= 0)
    return;

  sd_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->draw (cr, width, height, &style, self->highlight, self->user_data);
  cairo_destroy (cr);
}

static void
on_motion (SdChartView              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  SdChartStyle style;

  if (self->hit == NULL)
    return;
  sd_chart_view_get_style (self, &style);
  set_highlight (self, self->hit (gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)),
                                  &style, x, y, self->user_data));
}

static void
on_leave (SdChartView *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_highlight (self, -1);
}

static gboolean
on_query_tooltip (SdChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  SdChartStyle style;
  g_autofree char *text = NULL;
  int index = self->highlight;

  if (self->describe == NULL)
    return FALSE;

  sd_chart_view_get_style (self, &style);
  if (!keyboard && self->hit != NULL)
    index = self->hit (gtk_widget_get_width (GTK_WIDGET (self)),
                       gtk_widget_get_height (GTK_WIDGET (self)), &style, x, y, self->user_data);
  if (index < 0)
    return FALSE;

  text = self->describe (&style, index, self->user_data);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_key_pressed (SdChartView           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int n = (int) self->n_items;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
      set_highlight (self, self->highlight <= 0 ? 0 : self->highlight - 1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
      set_highlight (self, self->highlight < 0 ? 0 : MIN (self->highlight + 1, n - 1));
      break;
    case GDK_KEY_Home:
      set_highlight (self, 0);
      break;
    case GDK_KEY_End:
      set_highlight (self, n - 1);
      break;
    case GDK_KEY_Escape:
      set_highlight (self, -1);
      break;
    default:
      return FALSE;
    }

  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static void
on_dark_changed (SdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sd_chart_view_dispose (GObject *object)
{
  SdChartView *self = SD_CHART_VIEW (object);

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  self->draw = NULL;
  self->hit = NULL;
  self->describe = NULL;

  G_OBJECT_CLASS (sd_chart_view_parent_class)->dispose (object);
}

static void
sd_chart_view_class_init (SdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_chart_view_dispose;
  widget_class->snapshot = sd_chart_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sd_chart_view_init (SdChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->highlight = -1;

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sd_chart_view_new (void)
{
  return g_object_new (SD_TYPE_CHART_VIEW, NULL);
}

void
sd_chart_view_set_chart (SdChartView     *self,
                         SdChartViewDraw  draw,
                         SdChartViewHit   hit,
                         SdChartViewText  describe,
                         guint            n_items,
                         gpointer         user_data,
                         GDestroyNotify   destroy)
{
  g_return_if_fail (SD_IS_CHART_VIEW (self));

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  self->draw = draw;
  self->hit = hit;
  self->describe = describe;
  self->user_data = user_data;
  self->destroy = destroy;
  sd_chart_view_changed (self, n_items);
}

void
sd_chart_view_changed (SdChartView *self,
                       guint        n_items)
{
  g_return_if_fail (SD_IS_CHART_VIEW (self));

  self->n_items = n_items;
  if (self->highlight >= (int) n_items)
    self->highlight = -1;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
sd_chart_view_get_highlight (SdChartView *self)
{
  g_return_val_if_fail (SD_IS_CHART_VIEW (self), -1);

  return self->highlight;
}
