/* sd-forecast-page.h — where the month, the quarter and the year are heading: run-rate by
 * working days, expected payments weighted by their chance, against the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sd-page.h"

G_BEGIN_DECLS

#define SD_TYPE_FORECAST_PAGE (sd_forecast_page_get_type ())
G_DECLARE_FINAL_TYPE (SdForecastPage, sd_forecast_page, SD, FORECAST_PAGE, SdPage)

GtkWidget *sd_forecast_page_new          (SdContext *context);
/* The forecast shown for the period of `kind` containing today (tests). */
gboolean   sd_forecast_page_get_forecast (SdForecastPage *self,
                                          SdPeriodKind    kind,
                                          SdForecast     *out);
/* Opens the dialog for a new expected payment, as the Add button does. */
GtkWidget *sd_forecast_page_add_payment  (SdForecastPage *self);
guint      sd_forecast_page_get_n_payments (SdForecastPage *self);

G_END_DECLS
