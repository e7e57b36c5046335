/* sd-score-buttons.c — one criterion's scores as a row of linked toggle buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-score-buttons"

#include "config.h"

#include "sd-score-buttons.h"

struct _SdScoreButtons
{
  GtkBox     parent_instance;
  GPtrArray *buttons;    /* GtkToggleButton *, in the order of their scores, "—" last */
};

enum {
  SCORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SdScoreButtons, sd_score_buttons, GTK_TYPE_BOX)

static void
on_toggled (GtkToggleButton *button,
            SdScoreButtons  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_signal_emit (self, signals[SCORED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sd-score")));
}

static void
add_button (SdScoreButtons    *self,
            const SdCriterion *criterion,
            int                score,
            SdScoreTextFunc    text_func)
{
  g_autofree char *label = score == SD_SCORE_LEFT_OUT ? g_strdup ("—")
                                                       : g_strdup_printf ("%d", score);
  g_autofree char *name = score == SD_SCORE_LEFT_OUT
                          ? g_strdup_printf ("score-%s-na", criterion->key)
                          : g_strdup_printf ("score-%s-%d", criterion->key, score);
  g_autofree char *tip = text_func (criterion, score);
  /* Screen readers hear the criterion and what the score means, not a bare "2". */
  g_autofree char *spoken = g_strdup_printf ("%s: %s", criterion->name, tip);
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (self->buttons->len > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 g_ptr_array_index (self->buttons, 0));
  g_object_set_data (G_OBJECT (button), "sd-score", GINT_TO_POINTER (score));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_toggled), self, 0);
  gtk_box_append (GTK_BOX (self), button);
  g_ptr_array_add (self->buttons, button);
}

static void
sd_score_buttons_finalize (GObject *object)
{
  SdScoreButtons *self = SD_SCORE_BUTTONS (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_score_buttons_parent_class)->finalize (object);
}

static void
sd_score_buttons_class_init (SdScoreButtonsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_score_buttons_finalize;

  /**
   * SdScoreButtons::scored:
   * @score: the score chosen, or SD_SCORE_LEFT_OUT
   */
  signals[SCORED] = g_signal_new ("scored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
sd_score_buttons_init (SdScoreButtons *self)
{
  self->buttons = g_ptr_array_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
}

GtkWidget *
sd_score_buttons_new (const SdCriterion *criterion,
                      int                bottom,
                      SdScoreTextFunc    text_func)
{
  SdScoreButtons *self;

  g_return_val_if_fail (criterion != NULL && text_func != NULL, NULL);

  self = g_object_new (SD_TYPE_SCORE_BUTTONS, "orientation", GTK_ORIENTATION_HORIZONTAL, NULL);
  for (int s = bottom; s <= criterion->max_score; s++)
    add_button (self, criterion, s, text_func);
  add_button (self, criterion, SD_SCORE_LEFT_OUT, text_func);
  return GTK_WIDGET (self);
}
