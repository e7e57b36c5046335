/* sd-payroll-page.c — the month's pay of every manager, explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-payroll-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-export-job.h"
#include "sd-payroll-export.h"
#include "sd-payroll-page.h"

struct _SdPayrollPage
{
  SdPage      parent_instance;

  /* Read from the file when the page is shown, not on every change elsewhere. */
  SdMonth     month;

  GtkLabel   *month_label;
  GtkLabel   *banner;
  GtkButton  *close_button;
  GtkButton  *export_button;
  GtkListBox *list;
  GtkLabel   *error_label;

  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkFileChooserNative *chooser;
  SdExportJob    *job;            /* the export running now, or NULL */
  char           *last_result;    /* what the last export said, for tests */
};

G_DEFINE_FINAL_TYPE (SdPayrollPage, sd_payroll_page, SD_TYPE_PAGE)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
money (SdMoney value)
{
  return sd_money_format (value, sd_number_style_current (), "₽");
}

static void
sd_payroll_page_reload (SdPage *page)
{
  SdPayrollPage *self = SD_PAYROLL_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPayroll) payroll = NULL;
  g_autofree char *label = sd_month_format_label (self->month);
  g_autofree char *total = NULL;
  g_autofree char *total_title = NULL;
  GtkWidget *row;
  gboolean closed;

  gtk_label_set_label (self->month_label, label);
  clear_list (self->list);

  if (store == NULL)
    {
      gtk_label_set_label (self->banner, _("No company is open."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->job == NULL);

  closed = sd_store_is_month_closed (store, self->month);
  if (closed)
    {
      g_autoptr(GPtrArray) closures = sd_store_list_month_closures (store, NULL);
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; closures != NULL && i < closures->len && when == NULL; i++)
        {
          SdMonthClosure *c = g_ptr_array_index (closures, i);

          if (c->month == self->month && g_date_valid (&c->closed))
            when = sd_date_format (&c->closed, sd_number_style_current ());
        }
      /* Translators: %s is the date the month was closed. */
      text = when != NULL ? g_strdup_printf (_("Closed on %s — frozen: later changes to facts, plans or schemes do not alter it."), when)
                          : g_strdup (_("Closed — frozen: later changes to facts, plans or schemes do not alter it."));
      gtk_label_set_label (self->banner, text);
    }
  else
    gtk_label_set_label (self->banner,
                         _("Open: the figures follow the facts, plans and schemes until the month is closed."));
  gtk_button_set_label (self->close_button, closed ? _("Reopen…") : _("Close Month…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), TRUE);

  payroll = sd_store_compute_payroll (store, self->month,
                                      sd_context_get_calendar (sd_page_get_context (page)),
                                      sd_number_style_current (), &error);
  if (payroll == NULL)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (self->list, row);
      return;
    }

  for (guint i = 0; i < payroll->slips->len; i++)
    {
      SdPayslip *slip = g_ptr_array_index (payroll->slips, i);
      g_autofree char *slip_total = money (slip->total);
      g_autofree char *subtitle = NULL;
      GtkWidget *suffix;

      /* Translators: scheme name, then worked and working days of the month. */
      subtitle = g_strdup_printf (_("%s · %u of %u working days"),
                                  slip->scheme_name != NULL ? slip->scheme_name : _("no scheme"),
                                  slip->worked_days, slip->working_days);
      row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), slip->manager);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      suffix = gtk_label_new (slip_total);
      gtk_widget_add_css_class (suffix, "numeric");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), suffix);
      if (slip->scheme_name == NULL)
        adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), "dialog-warning-symbolic");

      for (guint j = 0; slip->notes != NULL && j < slip->notes->len; j++)
        {
          SdPayrollNote *note = g_ptr_array_index (slip->notes, j);
          GtkWidget *line = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), note->text);
          if (note->part == SD_PAYROLL_PART_NOTE)
            adw_action_row_set_icon_name (ADW_ACTION_ROW (line), "dialog-warning-symbolic");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
      gtk_list_box_append (self->list, row);
    }

  total = money (payroll->total);
  total_title = g_strdup_printf (_("Department total: %s"), total);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), total_title);
  gtk_widget_add_css_class (row, "heading");
  gtk_list_box_append (self->list, row);
}

static SdMonth
add_months (SdMonth month,
            int     delta)
{
  int y = sd_month_get_year (month);
  int m = sd_month_get_month (month) - 1 + delta;

  y += m >= 0 ? m / 12 : -((11 - m) / 12);
  m = ((m % 12) + 12) % 12;
  return sd_month_make (y, m + 1);
}

static void
shift_month (SdPayrollPage *self,
             int            delta)
{
  self->month = add_months (self->month, delta);
  sd_page_reload (SD_PAGE (self));
}

static void
on_prev_clicked (SdPayrollPage *self)
{
  shift_month (self, -1);
}

static void
on_next_clicked (SdPayrollPage *self)
{
  shift_month (self, 1);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reopen", *reason != '\0');
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SdPayrollPage    *self)
{
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (store == NULL)
    return;

  if (g_strcmp0 (response, "close") == 0)
    ok = sd_store_close_month (store, self->month,
                               sd_context_get_calendar (context), &error);
  else if (g_strcmp0 (response, "reopen") == 0)
    {
      GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      ok = sd_store_reopen_month (store, self->month, reason, &error);
    }
  if (!ok)
    gtk_label_set_label (self->banner, error->message);
}

static void
on_close_clicked (SdPayrollPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *label = sd_month_format_label (self->month);
  GtkWidget *dialog;

  if (store == NULL)
    return;

  if (sd_store_is_month_closed (store, self->month))
    {
      GtkWidget *entry = gtk_entry_new ();

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Reopen the Month?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: %s is a month, e.g. "March 2026". */
                                      _("The payroll of %s will follow the facts, plans and schemes again. Write why it is reopened: the reason is kept in the file."),
                                      label);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "reopen", _("_Reopen"), NULL);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed), dialog, 0);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Close the Month?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The payroll of %s will be frozen as shown: later changes to facts, plans or schemes will not alter it."),
                                      label);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "close", _("C_lose Month"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- export --- */

static void
tell (SdPayrollPage *self,
      const char    *text,
      gboolean       is_error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->last_result);
  self->last_result = g_strdup (text);
  /* A failure stays on the page until the next export; a success is a toast. */
  gtk_label_set_label (self->error_label, is_error ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), is_error);
  if (overlay != NULL && !is_error)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
}

/* Runs on the export's worker thread. */
static gboolean
write_payroll (gconstpointer      data,
               const char        *path,
               SdExportProgress   progress,
               gpointer           progress_data,
               GCancellable      *cancellable,
               GError           **error)
{
  return sd_export_payroll_data (data, path, progress, progress_data, cancellable, error);
}

static void
stop_progress (SdPayrollPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_pointer (&self->job, sd_export_job_release);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), store != NULL);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SdPayrollPage *self = SD_PAYROLL_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (sd_export_job_get_path (self->job));

  /* The page went away while the thread ran: its widgets are gone. */
  if (sd_page_get_context (SD_PAGE (self)) == NULL)
    {
      sd_export_job_finish (result, NULL);
      g_clear_pointer (&self->job, sd_export_job_release);
      return;
    }
  if (sd_export_job_finish (result, &error))
    {
      /* Translators: %s is a file name. */
      g_autofree char *text = g_strdup_printf (_("Payroll saved to %s"), base);

      tell (self, text, FALSE);
    }
  else if (g_error_matches (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a file name. */
      g_autofree char *text = g_strdup_printf (_("Export cancelled: %s was not changed."), base);

      tell (self, text, FALSE);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The payroll was not exported: %s"),
                                               error->message);

      tell (self, text, TRUE);
    }
  stop_progress (self);
}

gboolean
sd_payroll_page_export_to (SdPayrollPage  *self,
                           const char     *path,
                           GError        **error)
{
  SdContext *context;
  SdStore *store;
  g_autoptr(SdPayroll) payroll = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SD_IS_PAYROLL_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  context = sd_page_get_context (SD_PAGE (self));
  store = sd_page_get_store (SD_PAGE (self));

  if (store == NULL || self->job != NULL)
    {
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                           store == NULL ? _("No company is open.")
                                         : _("An export is already running."));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT,
                   _("«%s»: the payroll can be saved as .csv or .xlsx. End the file name with "
                     "one of them."), path);
      return FALSE;
    }
  /* The store is read here, on the main thread, as the page shows it. */
  payroll = sd_store_compute_payroll (store, self->month,
                                      sd_context_get_calendar (context),
                                      sd_number_style_current (), error);
  if (payroll == NULL)
    return FALSE;

  self->job = sd_export_job_new (path, g_steal_pointer (&payroll), (GDestroyNotify) sd_payroll_free);

  base = g_path_get_basename (path);
  /* Translators: %s is a file name. */
  text = g_strdup_printf (_("Exporting the payroll to %s…"), base);
  gtk_label_set_label (self->progress_label, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* The thread's own answer is the truth: a Cancel that comes after the file was written
   * must not be reported as "not changed". */
  sd_export_job_run (self->job, self, sd_payroll_page_export_to, FALSE, write_payroll,
                     self->progress_bar, on_export_done);
  return TRUE;
}

gboolean
sd_payroll_page_is_exporting (SdPayrollPage *self)
{
  g_return_val_if_fail (SD_IS_PAYROLL_PAGE (self), FALSE);
  return self->job != NULL;
}

const char *
sd_payroll_page_get_export_result (SdPayrollPage *self)
{
  g_return_val_if_fail (SD_IS_PAYROLL_PAGE (self), NULL);
  return self->last_result;
}

void
sd_payroll_page_cancel_export (SdPayrollPage *self)
{
  g_return_if_fail (SD_IS_PAYROLL_PAGE (self));
  if (self->job != NULL)
    sd_export_job_cancel (self->job);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    SdPayrollPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        tell (self, _("Choose a file on this computer."), TRUE);
      else if (!sd_payroll_page_export_to (self, path, &error))
        {
          g_autofree char *text = g_strdup_printf (_("The payroll was not exported: %s"),
                                                   error->message);

          tell (self, text, TRUE);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked (SdPayrollPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *iso = sd_month_to_iso (self->month);
  /* Translators: the suggested file name of a payroll export; %s is "2026-03". */
  g_autofree char *name = g_strdup_printf (_("payroll-%s.xlsx"), iso);

  if (sd_page_get_store (SD_PAGE (self)) == NULL || self->job != NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Payroll"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (both, _("Workbook or CSV (.xlsx, .csv)"));
  gtk_file_filter_add_pattern (both, "*.xlsx");
  gtk_file_filter_add_pattern (both, "*.csv");
  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_set_name (csv, _("payroll.csv for the accountant (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sd_payroll_page_dispose (GObject *object)
{
  SdPayrollPage *self = SD_PAYROLL_PAGE (object);

  /* A running export holds the page (the task's source) until it ends. */
  if (self->job != NULL)
    {
      sd_export_job_cancel (self->job);
      sd_export_job_stop_progress (self->job);
    }
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (sd_payroll_page_parent_class)->dispose (object);
}

static void
sd_payroll_page_finalize (GObject *object)
{
  SdPayrollPage *self = SD_PAYROLL_PAGE (object);

  g_clear_pointer (&self->job, sd_export_job_release);
  g_free (self->last_result);

  G_OBJECT_CLASS (sd_payroll_page_parent_class)->finalize (object);
}

static void
sd_payroll_page_class_init (SdPayrollPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sd_payroll_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = sd_payroll_page_finalize;
  SD_PAGE_CLASS (klass)->reload = sd_payroll_page_reload;
  /* Expected payments and settings do not enter the payroll; scored calls enter the
   * call_score KPI. */
  SD_PAGE_CLASS (klass)->reload_on = SD_STORE_CHANGED_COMPANY | SD_STORE_CHANGED_STAFF |
                                     SD_STORE_CHANGED_FACTS | SD_STORE_CHANGED_PLAN |
                                     SD_STORE_CHANGED_SCHEMES | SD_STORE_CHANGED_PAYROLL |
                                     SD_STORE_CHANGED_PEOPLE;
}

static void
sd_payroll_page_init (SdPayrollPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *prev = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_tooltip_text (prev, _("Previous Month"));
  gtk_widget_set_tooltip_text (next, _("Next Month"));
  self->month_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->month_label), "title-3");
  self->close_button = GTK_BUTTON (gtk_button_new_with_label (_("Close Month…")));
  gtk_widget_set_hexpand (GTK_WIDGET (self->month_label), TRUE);
  gtk_box_append (GTK_BOX (bar), prev);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->month_label));
  gtk_box_append (GTK_BOX (bar), next);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->close_button));
  self->export_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Export…")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button),
                               _("Save the month's payroll as a workbook (.xlsx) or as payroll.csv"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->export_button));
  gtk_widget_set_name (prev, "previous-month");
  gtk_widget_set_name (next, "next-month");
  gtk_widget_set_name (GTK_WIDGET (self->export_button), "export");

  {
    GtkWidget *pbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

    self->progress_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->progress_label, 0);
    gtk_label_set_ellipsize (self->progress_label, PANGO_ELLIPSIZE_MIDDLE);
    self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
    gtk_widget_set_hexpand (inner, TRUE);
    gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
    gtk_widget_set_name (cancel, "cancel-export");
    gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->progress_label));
    gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->progress_bar));
    gtk_box_append (GTK_BOX (pbox), inner);
    gtk_box_append (GTK_BOX (pbox), cancel);
    self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
    gtk_revealer_set_child (self->progress_revealer, pbox);
    g_signal_connect_object (cancel, "clicked", G_CALLBACK (sd_payroll_page_cancel_export), self,
                             G_CONNECT_SWAPPED);
  }
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->banner = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->banner, TRUE);
  gtk_label_set_xalign (self->banner, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->banner), "dim-label");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->banner));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_revealer));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroller);

  g_signal_connect_object (prev, "clicked", G_CALLBACK (on_prev_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (next, "clicked", G_CALLBACK (on_next_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->close_button, "clicked", G_CALLBACK (on_close_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
sd_payroll_page_new (SdContext *context)
{
  SdPayrollPage *self;
  GDate today;

  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  self = g_object_new (SD_TYPE_PAYROLL_PAGE, "context", context, NULL);
  sd_context_get_today (context, &today);
  /* The previous month of today: the one usually being paid. */
  self->month = add_months (sd_month_from_date (&today), -1);

  return GTK_WIDGET (self);
}
