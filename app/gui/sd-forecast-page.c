/* sd-forecast-page.c — run-rate and weighted pipeline for the month, quarter and year
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-forecast-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-chart.h"
#include "sd-forecast-page.h"
#include "sd-forecast.h"
#include "sd-pipeline-dialog.h"

struct _SdForecastPage
{
  SdPage          parent_instance;

  const char     *currency;

  GtkLabel       *today_label;
  GtkBox         *periods_box;
  GtkListBox     *pipeline_list;
  GtkButton      *add_button;

  SdForecast      forecasts[3];     /* by SdPeriodKind */
  gboolean        has_forecast[3];
  GPtrArray      *items;            /* of SdPipelineItem*, as listed */
};

G_DEFINE_FINAL_TYPE (SdForecastPage, sd_forecast_page, SD_TYPE_PAGE)

static char *
money (SdForecastPage *self,
       SdMoney         value)
{
  return sd_money_format_whole (value, sd_number_style_current (), self->currency);
}

static char *
percent (gboolean defined,
         gint64   bp)
{
  if (!defined)
    return g_strdup ("—");
  return sd_chart_format_percent (bp, sd_number_style_current (), FALSE);
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
}

static void
show_forecast (SdForecastPage   *self,
               const SdForecast *forecast)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *label = sd_period_format_label (&forecast->period);
  g_autofree char *fact = money (self, forecast->fact);
  g_autofree char *days = g_strdup_printf (
    /* Translators: working days elapsed of the period's working days */
    _("%u of %u working days"), forecast->elapsed_days, forecast->working_days);
  g_autofree char *run_rate = money (self, forecast->run_rate);
  g_autofree char *run_rate_pct = percent (forecast->has_run_rate_completion,
                                           forecast->run_rate_completion_bp);
  g_autofree char *run_rate_note = g_strdup_printf (_("%s of plan"), run_rate_pct);
  g_autofree char *pipeline = money (self, forecast->pipeline);
  g_autofree char *pipeline_note = NULL;
  g_autofree char *probable = money (self, forecast->probable);
  g_autofree char *probable_pct = percent (forecast->has_completion, forecast->completion_bp);
  g_autofree char *probable_note = g_strdup_printf (_("%s of plan"), probable_pct);
  g_autofree char *low = money (self, forecast->low);
  g_autofree char *high = money (self, forecast->high);
  g_autofree char *range = g_strdup_printf ("%s – %s", low, high);
  g_autofree char *plan = money (self, forecast->plan);
  g_autofree char *total = money (self, forecast->pipeline_total);

  pipeline_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u expected payment, %s before weighting",
                                                "%u expected payments, %s before weighting",
                                                forecast->n_payments),
                                   forecast->n_payments, total);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  add_row (ADW_PREFERENCES_GROUP (group), _("Plan"), plan, NULL);
  add_row (ADW_PREFERENCES_GROUP (group), _("Fact to date"), fact, days);
  add_row (ADW_PREFERENCES_GROUP (group), _("Run-rate forecast"), run_rate, run_rate_note);
  add_row (ADW_PREFERENCES_GROUP (group), _("Weighted expected payments"), pipeline,
           pipeline_note);
  add_row (ADW_PREFERENCES_GROUP (group), _("Probable result"), probable, probable_note);
  add_row (ADW_PREFERENCES_GROUP (group), _("Range"), range,
           /* xgettext:no-c-format */
           _("From the fact plus payments of 90 % or more to the best case"));

  gtk_box_append (self->periods_box, group);
}

static void
on_edit_clicked (GtkButton      *button,
                 SdForecastPage *self)
{
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  SdPipelineItem *item = g_object_get_data (G_OBJECT (button), "sd-item");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SdPipelineDialog *dialog;

  dialog = sd_pipeline_dialog_new (context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   item);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_clicked (GtkButton      *button,
                   SdForecastPage *self)
{
  SdPipelineItem *item = g_object_get_data (G_OBJECT (button), "sd-item");
  g_autoptr(GError) error = NULL;

  /* Undo brings it back: no confirmation needed. */
  if (!sd_store_remove_pipeline_item (sd_page_get_store (SD_PAGE (self)), item->id, &error))
    g_warning ("Could not remove an expected payment: %s", error->message);
}

static void
show_item (SdForecastPage       *self,
           const SdPipelineItem *item,
           GHashTable           *names)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  SdMoney weighted = 0;
  g_autofree char *amount = money (self, item->payment.amount);
  g_autofree char *weighted_text = NULL;
  g_autofree char *date = sd_date_format (&item->payment.expected, sd_number_style_current ());
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *manager = g_hash_table_lookup (names, &item->payment.manager_id);

  sd_forecast_weigh_payment (&item->payment, &weighted, NULL);
  weighted_text = money (self, weighted);
  /* Translators: "ООО Вектор: 1 500 000 ₽ × 60 % = 900 000 ₽" */
  title = g_strdup_printf (_("%s: %s × %d %% = %s"),
                           item->client != NULL ? item->client : _("Client not named"),
                           amount, item->payment.probability, weighted_text);
  subtitle = g_strdup_printf ("%s · %s%s%s", date, manager != NULL ? manager : "?",
                              item->note != NULL ? " · " : "",
                              item->note != NULL ? item->note : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  g_object_set_data_full (G_OBJECT (edit), "sd-item", sd_pipeline_item_copy (item),
                          (GDestroyNotify) sd_pipeline_item_free);
  g_object_set_data_full (G_OBJECT (remove), "sd-item", sd_pipeline_item_copy (item),
                          (GDestroyNotify) sd_pipeline_item_free);
  gtk_widget_set_tooltip_text (edit, _("Change this expected payment"));
  gtk_widget_set_tooltip_text (remove, _("Remove this expected payment"));
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  gtk_list_box_append (self->pipeline_list, row);
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static void
sd_forecast_page_reload (SdPage *page)
{
  SdForecastPage *self = SD_FORECAST_PAGE (page);
  SdContext *context = sd_page_get_context (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *today_line = NULL;
  GDate today, year_first, year_last;
  int year;

  clear_children (GTK_WIDGET (self->periods_box));
  clear_children (GTK_WIDGET (self->pipeline_list));
  g_ptr_array_set_size (self->items, 0);
  memset (self->has_forecast, 0, sizeof self->has_forecast);

  if (store == NULL)
    return;

  sd_context_get_today (context, &today);
  year = g_date_get_year (&today);
  today_text = sd_date_format (&today, sd_number_style_current ());
  /* Translators: %s is today's date */
  today_line = g_strdup_printf (_("As of %s. The run-rate assumes the rest of each period sells "
                                  "at the pace of its working days so far."), today_text);
  gtk_label_set_text (self->today_label, today_line);

  g_date_clear (&year_first, 1);
  g_date_clear (&year_last, 1);
  g_date_set_dmy (&year_first, 1, 1, (GDateYear) year);
  g_date_set_dmy (&year_last, 31, 12, (GDateYear) year);

  facts = sd_store_list_facts (store, sd_month_make (year, 1), sd_month_make (year, 12),
                               &error);
  if (facts != NULL)
    plan = sd_store_list_plan (store, sd_month_make (year, 1), sd_month_make (year, 12),
                               &error);
  if (plan != NULL)
    {
      g_autoptr(GPtrArray) all = sd_store_list_pipeline (store, NULL, NULL, &error);

      if (all != NULL)
        {
          for (guint i = 0; i < all->len; i++)
            g_ptr_array_add (self->items, sd_pipeline_item_copy (g_ptr_array_index (all, i)));
        }
    }
  if (error == NULL)
    staff = sd_store_list_staff (store, TRUE, &error);
  if (staff == NULL)
    {
      gtk_label_set_text (self->today_label, error->message);
      return;
    }

  payments = g_array_new (FALSE, TRUE, sizeof (SdExpectedPayment));
  for (guint i = 0; i < self->items->len; i++)
    g_array_append_val (payments, ((SdPipelineItem *) g_ptr_array_index (self->items, i))->payment);

  for (SdPeriodKind kind = SD_PERIOD_MONTH; kind <= SD_PERIOD_YEAR; kind++)
    {
      SdPeriod period;
      SdMoney to_date = 0, period_plan = 0;
      SdMonth first, last;
      gboolean has_department = FALSE;
      SdMoney department = 0, managers = 0;

      sd_forecast_period_for_date (kind, &today, &period);
      first = sd_period_first_month (&period);
      last = sd_period_last_month (&period);

      /* The department's own target where there is one, else the managers' sum; month by
       * month, as plan vs fact counts it. */
      for (SdMonth m = first; m <= last; m++)
        {
          has_department = FALSE;
          department = managers = 0;
          for (guint i = 0; i < plan->len; i++)
            {
              const SdPlanEntry *entry = &g_array_index (plan, SdPlanEntry, i);

              if (entry->month != m)
                continue;
              if (entry->manager_id == 0)
                {
                  has_department = TRUE;
                  department += entry->revenue;
                }
              else
                managers += entry->revenue;
            }
          period_plan += has_department ? department : managers;
        }

      if (!sd_forecast_sum_facts ((const SdFact *) facts->data, facts->len, 0, &period, &today,
                                  &to_date, &error) ||
          !sd_forecast_compute (sd_context_get_calendar (context), &period, &today, 0,
                                to_date, period_plan,
                                (const SdExpectedPayment *) payments->data, payments->len,
                                &self->forecasts[kind], &error))
        {
          gtk_label_set_text (self->today_label, error->message);
          return;
        }
      self->has_forecast[kind] = TRUE;
      show_forecast (self, &self->forecasts[kind]);
    }

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < staff->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (staff, i);

      g_hash_table_insert (names, &member->id, member->name);
    }
  for (guint i = 0; i < self->items->len; i++)
    show_item (self, g_ptr_array_index (self->items, i), names);
  if (self->items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No expected payments yet: add the deals clients are about to pay for."));
      gtk_list_box_append (self->pipeline_list, row);
    }
}

GtkWidget *
sd_forecast_page_add_payment (SdForecastPage *self)
{
  SdContext *context;
  GtkRoot *root;
  SdPipelineDialog *dialog;

  g_return_val_if_fail (SD_IS_FORECAST_PAGE (self), NULL);

  context = sd_page_get_context (SD_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = sd_pipeline_dialog_new (context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
on_add_clicked (SdForecastPage *self)
{
  sd_forecast_page_add_payment (self);
}

static void
sd_forecast_page_store_replaced (SdPage  *page,
                                 SdStore *store)
{
  SdForecastPage *self = SD_FORECAST_PAGE (page);

  self->currency = store != NULL ? sd_currency_symbol (sd_store_get_currency (store)) : NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), store != NULL);
}

static void
sd_forecast_page_dispose (GObject *object)
{
  SdForecastPage *self = SD_FORECAST_PAGE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_FORECAST_PAGE);

  G_OBJECT_CLASS (sd_forecast_page_parent_class)->dispose (object);
}

static void
sd_forecast_page_class_init (SdForecastPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->dispose = sd_forecast_page_dispose;
  page_class->reload = sd_forecast_page_reload;
  page_class->store_replaced = sd_forecast_page_store_replaced;
  page_class->reload_on = SD_STORE_CHANGED_FACTS | SD_STORE_CHANGED_PLAN | SD_STORE_CHANGED_STAFF |
                          SD_STORE_CHANGED_PIPELINE;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SD_RESOURCE_PATH "/sd-forecast-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdForecastPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, SdForecastPage, periods_box);
  gtk_widget_class_bind_template_child (widget_class, SdForecastPage, pipeline_list);
  gtk_widget_class_bind_template_child (widget_class, SdForecastPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
sd_forecast_page_init (SdForecastPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_pipeline_item_free);
}

GtkWidget *
sd_forecast_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_FORECAST_PAGE, "context", context, NULL);
}

gboolean
sd_forecast_page_get_forecast (SdForecastPage *self,
                               SdPeriodKind    kind,
                               SdForecast     *out)
{
  g_return_val_if_fail (SD_IS_FORECAST_PAGE (self), FALSE);
  g_return_val_if_fail (kind <= SD_PERIOD_YEAR, FALSE);

  sd_page_reload_if_needed (SD_PAGE (self));
  if (!self->has_forecast[kind])
    return FALSE;
  *out = self->forecasts[kind];
  return TRUE;
}

guint
sd_forecast_page_get_n_payments (SdForecastPage *self)
{
  g_return_val_if_fail (SD_IS_FORECAST_PAGE (self), 0);

  return self->items->len;
}
