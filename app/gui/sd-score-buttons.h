/* sd-score-buttons.h — one criterion's scores as a row of linked toggle buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sd-checklist.h"

G_BEGIN_DECLS

/* The "—" button: the criterion is left out this time. */
#define SD_SCORE_LEFT_OUT (-1)

/* What a score means, for the tooltip and what a screen reader says (SD_SCORE_LEFT_OUT too). */
typedef char *(*SdScoreTextFunc) (const SdCriterion *criterion,
                                  int                score);

#define SD_TYPE_SCORE_BUTTONS (sd_score_buttons_get_type ())
G_DECLARE_FINAL_TYPE (SdScoreButtons, sd_score_buttons, SD, SCORE_BUTTONS, GtkBox)

/* Buttons bottom..max_score and "—", named "score-KEY-N" and "score-KEY-na". Emits
 * "scored" (int score) when one is chosen. */
GtkWidget *sd_score_buttons_new    (const SdCriterion *criterion,
                                    int                bottom,
                                    SdScoreTextFunc    text_func);

G_END_DECLS
