/* sd-report-page.c — the owner report in the app, and its export and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is built on the main thread: the company file is opened in sqlite's exclusive
 * locking mode with a connection that must not be used by two threads at once, so no worker
 * may read it while the window does. Building the yearly report of 200 managers takes about
 * 0.15 s. The export thread only writes the report it is handed.
 */
#define G_LOG_DOMAIN "sd-report-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-chart-view.h"
#include "sd-export-job.h"
#include "sd-report-page.h"
#include "sd-report-pdf.h"
#include "sd-report-xlsx.h"
#include "sd-xlsx.h"

enum {
  KIND_MONTH,
  KIND_QUARTER,
  KIND_YEAR,
};

/* What a print operation draws: its own report, so that a reload meanwhile changes nothing. */
typedef struct {
  SdOwnerReport  *report;
  SdReportLayout *layout;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  sd_report_layout_free (job->layout);
  sd_owner_report_free (job->report);
  g_free (job);
}

struct _SdReportPage
{
  SdPage          parent_instance;

  gboolean        updating;
  guint           reload_id;

  GtkDropDown    *kind_dropdown;
  GtkDropDown    *index_dropdown;
  GtkSpinButton  *year_spin;
  GtkSpinner     *spinner;
  GtkButton      *excel_button;
  GtkButton      *pdf_button;
  GtkButton      *print_button;
  GtkRevealer    *progress_revealer;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
  GtkLabel       *error_label;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkFlowBox     *figures_box;
  SdChartView    *plan_fact_chart;
  SdChartView    *growth_chart;
  GtkLabel       *months_heading;
  GtkFrame       *months_frame;
  GtkLabel       *managers_heading;
  GtkFrame       *managers_frame;
  GtkLabel       *lagging_label;
  GtkLabel       *pay_heading;
  GtkFrame       *pay_frame;
  GtkBox         *extra_box;       /* hiring and people, when the report has them */
  GtkLabel       *pay_note;

  GtkStringList  *month_names;
  GtkStringList  *quarter_names;
  guint           month_index;    /* remembered while the dropdown shows quarters */
  guint           quarter_index;

  SdOwnerReport  *report;
  GPtrArray      *figures;        /* of SdReportFigure */
  SdReportCharts  charts;

  GtkFileChooserNative *chooser;
  SdExportFormat  chooser_format;
  SdExportJob    *job;
  char           *last_result;
};

G_DEFINE_FINAL_TYPE (SdReportPage, sd_report_page, SD_TYPE_PAGE)

/* --- period --- */

void
sd_report_page_get_period (SdReportPage *self,
                           SdPeriod     *period)
{
  guint kind, index;

  g_return_if_fail (SD_IS_REPORT_PAGE (self));
  g_return_if_fail (period != NULL);

  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  index = gtk_drop_down_get_selected (self->index_dropdown);
  period->year = gtk_spin_button_get_value_as_int (self->year_spin);
  if (kind == KIND_MONTH)
    {
      period->kind = SD_PERIOD_MONTH;
      period->index = (int) MIN (index == GTK_INVALID_LIST_POSITION ? 0 : index, 11) + 1;
    }
  else if (kind == KIND_QUARTER)
    {
      period->kind = SD_PERIOD_QUARTER;
      period->index = (int) MIN (index == GTK_INVALID_LIST_POSITION ? 0 : index, 3) + 1;
    }
  else
    {
      period->kind = SD_PERIOD_YEAR;
      period->index = 0;
    }
}

/* The second dropdown lists months or quarters, or hides for a year. */
static void
sync_index_dropdown (SdReportPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  gboolean was = self->updating;

  self->updating = TRUE;
  if (kind == KIND_MONTH)
    {
      if (gtk_drop_down_get_model (self->index_dropdown) != G_LIST_MODEL (self->month_names))
        gtk_drop_down_set_model (self->index_dropdown, G_LIST_MODEL (self->month_names));
      gtk_drop_down_set_selected (self->index_dropdown, self->month_index);
    }
  else if (kind == KIND_QUARTER)
    {
      if (gtk_drop_down_get_model (self->index_dropdown) != G_LIST_MODEL (self->quarter_names))
        gtk_drop_down_set_model (self->index_dropdown, G_LIST_MODEL (self->quarter_names));
      gtk_drop_down_set_selected (self->index_dropdown, self->quarter_index);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->index_dropdown), kind != KIND_YEAR);
  self->updating = was;
}

/* --- showing the report --- */

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (widget))
        gtk_flow_box_remove (GTK_FLOW_BOX (widget), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
table_grid (const SdReportTable *table)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (table->headers[c]);

      gtk_label_set_xalign (GTK_LABEL (label), sd_report_table_is_text_column (table, c) ? 0 : 1);
      gtk_widget_set_hexpand (label, c == 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, (int) c, 0, 1, 1);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        {
          /* Inscriptions, not labels: 200 managers make 1 600 cells. */
          const char *text = row[c] != NULL ? row[c] : "";
          GtkWidget *cell = gtk_inscription_new (text);
          guint chars = (guint) g_utf8_strlen (text, -1) + 1;

          gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), chars);
          gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), chars);
          gtk_inscription_set_xalign (GTK_INSCRIPTION (cell),
                                      sd_report_table_is_text_column (table, c) ? 0 : 1);
          if (!sd_report_table_is_text_column (table, c))
            gtk_widget_add_css_class (cell, "numeric");
          if ((gint) r == table->total_row)
            gtk_widget_add_css_class (cell, "heading");
          /* A fall ("−4,5 %") reads at a glance in red. */
          if (c > 0 && g_str_has_prefix (text, "−"))
            gtk_widget_add_css_class (cell, "error");
          gtk_grid_attach (GTK_GRID (grid), cell, (int) c, (int) r + 1, 1, 1);
        }
    }
  return grid;
}

static void
show_table (GtkFrame          *frame,
            GtkLabel          *heading,
            SdReportTableKind  kind,
            const SdOwnerReport *report)
{
  g_autoptr(SdReportTable) table = sd_report_table_new (report, kind);

  gtk_label_set_label (heading, table->title);
  if (table->rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (kind == SD_REPORT_TABLE_PAY
                                        ? _("No payroll for the period: no motivation schemes "
                                            "are assigned.")
                                        : _("No data for the period."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_frame_set_child (frame, empty);
      return;
    }
  gtk_frame_set_child (frame, table_grid (table));
}

/* The hiring plan and people development, as the files show them, when the report has them. */
static void
show_extra_sections (SdReportPage        *self,
                     const SdOwnerReport *report)
{
  static const SdReportTableKind kinds[] = {
    SD_REPORT_TABLE_HIRING, SD_REPORT_TABLE_HIRES, SD_REPORT_TABLE_PEOPLE,
  };

  clear_children (GTK_WIDGET (self->extra_box));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *heading = gtk_label_new (NULL);
      GtkWidget *frame = gtk_frame_new (NULL);

      if (!sd_report_has_table (report, kinds[i]))
        continue;
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "title-4");
      gtk_box_append (self->extra_box, heading);
      if (kinds[i] == SD_REPORT_TABLE_HIRING && report->hiring_summary != NULL)
        {
          GtkWidget *summary = gtk_label_new (report->hiring_summary);

          gtk_label_set_xalign (GTK_LABEL (summary), 0);
          gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
          gtk_box_append (self->extra_box, summary);
        }
      gtk_box_append (self->extra_box, frame);
      show_table (GTK_FRAME (frame), GTK_LABEL (heading), kinds[i], report);
      if (kinds[i] == SD_REPORT_TABLE_PEOPLE)
        {
          g_autoptr(GPtrArray) lines = sd_report_attention_lines (report);
          g_autofree char *text = NULL;
          GtkWidget *label;

          g_ptr_array_add (lines, NULL);
          text = g_strjoinv ("\n", (char **) lines->pdata);
          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_box_append (self->extra_box, label);
        }
    }
}

static GtkWidget *
figure_card (const SdReportFigure *figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (figure->label);
  GtkWidget *value = gtk_label_new (figure->value);
  GtkWidget *detail = gtk_label_new (figure->detail);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_size_request (box, 180, -1);
  for (GtkWidget *w = label; w != NULL; w = w == label ? value : w == value ? detail : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (w), 0);
      gtk_label_set_ellipsize (GTK_LABEL (w), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
      gtk_box_append (GTK_BOX (box), w);
    }
  gtk_widget_set_tooltip_text (detail, figure->detail);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (detail, 8);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_name (value, "figure-value");
  return box;
}

static void
set_buttons_sensitive (SdReportPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  gboolean can = store != NULL && self->report != NULL && self->job == NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->excel_button), can);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pdf_button), can);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), self->report != NULL);
}

static SdOwnerReport *
build_report (SdReportPage  *self,
              GError       **error)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  SdPeriod period;
  GDate today;

  sd_report_page_get_period (self, &period);
  sd_context_get_today (context, &today);
  return sd_owner_report_build (store, sd_context_get_calendar (context), &period,
                                &today, NULL, error);
}

static void
show_nothing (SdReportPage *self,
              const char   *title,
              const char   *why)
{
  g_clear_pointer (&self->report, sd_owner_report_free);
  g_ptr_array_set_size (self->figures, 0);
  sd_report_charts_clear (&self->charts);
  memset (&self->charts, 0, sizeof self->charts);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, why);
  clear_children (GTK_WIDGET (self->figures_box));
  gtk_frame_set_child (self->months_frame, NULL);
  gtk_frame_set_child (self->managers_frame, NULL);
  gtk_frame_set_child (self->pay_frame, NULL);
  clear_children (GTK_WIDGET (self->extra_box));
  gtk_label_set_label (self->lagging_label, "");
  gtk_label_set_label (self->pay_note, "");
  sd_chart_view_changed (self->plan_fact_chart, 0);
  sd_chart_view_changed (self->growth_chart, 0);
  set_buttons_sensitive (self);
}

static void
build (SdReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lagging = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *made_on = NULL;
  g_autofree char *lagging_text = NULL;
  SdOwnerReport *report;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_spinner_stop (self->spinner);

  if (sd_page_get_store (SD_PAGE (self)) == NULL)
    {
      show_nothing (self, _("No company is open."), "");
      return;
    }
  report = build_report (self, &error);
  if (report == NULL)
    {
      show_nothing (self, _("The report could not be made"), error->message);
      return;
    }

  g_clear_pointer (&self->report, sd_owner_report_free);
  self->report = report;

  gtk_label_set_label (self->title_label, report->company);
  made_on = sd_report_made_on (report);
  /* Translators: under the company's name: "Owner report · 2026 · Made on 22.11.2026" */
  subtitle = g_strdup_printf (_("Owner report · %s · %s"), report->period_label, made_on);
  gtk_label_set_label (self->subtitle_label, subtitle);

  g_clear_pointer (&self->figures, g_ptr_array_unref);
  self->figures = sd_report_headline_figures (report);
  clear_children (GTK_WIDGET (self->figures_box));
  for (guint i = 0; i < self->figures->len; i++)
    gtk_flow_box_append (self->figures_box, figure_card (g_ptr_array_index (self->figures, i)));

  sd_report_charts_clear (&self->charts);
  sd_report_charts_init (&self->charts, report);
  sd_chart_view_changed (self->plan_fact_chart, self->charts.plan_fact.n_months);
  sd_chart_view_changed (self->growth_chart, self->charts.growth.n_months);

  show_table (self->months_frame, self->months_heading, SD_REPORT_TABLE_MONTHS, report);
  show_table (self->managers_frame, self->managers_heading, SD_REPORT_TABLE_MANAGERS, report);
  show_table (self->pay_frame, self->pay_heading, SD_REPORT_TABLE_PAY, report);
  show_extra_sections (self, report);

  lagging = sd_report_lagging_lines (report);
  g_ptr_array_add (lagging, NULL);
  lagging_text = g_strjoinv ("\n", (char **) lagging->pdata);
  gtk_label_set_label (self->lagging_label, lagging_text);
  if (report->lagging->len > 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->lagging_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->lagging_label), "dim-label");

  if (report->n_pay_errors > 0)
    {
      g_autofree char *note =
        g_strdup_printf (ngettext ("The pay of %u month could not be computed (no motivation "
                                   "scheme or no calendar) and is left out.",
                                   "The pay of %u months could not be computed (no "
                                   "motivation scheme or no calendar) and is left out.",
                                   report->n_pay_errors),
                         report->n_pay_errors);

      gtk_label_set_label (self->pay_note, note);
    }
  else
    gtk_label_set_label (self->pay_note, "");
  gtk_widget_set_visible (GTK_WIDGET (self->pay_note), report->n_pay_errors > 0);

  set_buttons_sensitive (self);
}

static gboolean
reload_idle (gpointer user_data)
{
  SdReportPage *self = user_data;

  self->reload_id = 0;
  build (self);
  return G_SOURCE_REMOVE;
}

/* Builds the report after the next frame, with the spinner turning meanwhile. */
static void
sd_report_page_reload (SdPage *page)
{
  SdReportPage *self = SD_REPORT_PAGE (page);

  if (self->reload_id != 0)
    return;
  gtk_spinner_start (self->spinner);
  self->reload_id = g_timeout_add_full (G_PRIORITY_LOW, 30, reload_idle, self, NULL);
}

static void
on_period_changed (SdReportPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->updating)
    return;
  if (kind == KIND_MONTH &&
      gtk_drop_down_get_model (self->index_dropdown) == G_LIST_MODEL (self->month_names))
    self->month_index = gtk_drop_down_get_selected (self->index_dropdown);
  else if (kind == KIND_QUARTER &&
           gtk_drop_down_get_model (self->index_dropdown) == G_LIST_MODEL (self->quarter_names))
    self->quarter_index = gtk_drop_down_get_selected (self->index_dropdown);
  sd_page_queue_reload (SD_PAGE (self));
}

static void
on_kind_changed (SdReportPage *self)
{
  if (self->updating)
    return;
  sync_index_dropdown (self);
  sd_page_queue_reload (SD_PAGE (self));
}

void
sd_report_page_set_period (SdReportPage   *self,
                           const SdPeriod *period)
{
  g_return_if_fail (SD_IS_REPORT_PAGE (self));
  g_return_if_fail (period != NULL);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, period->year);
  if (period->kind == SD_PERIOD_MONTH)
    {
      self->month_index = (guint) CLAMP (period->index, 1, 12) - 1;
      gtk_drop_down_set_selected (self->kind_dropdown, KIND_MONTH);
    }
  else if (period->kind == SD_PERIOD_QUARTER)
    {
      self->quarter_index = (guint) CLAMP (period->index, 1, 4) - 1;
      gtk_drop_down_set_selected (self->kind_dropdown, KIND_QUARTER);
    }
  else
    gtk_drop_down_set_selected (self->kind_dropdown, KIND_YEAR);
  sync_index_dropdown (self);
  self->updating = FALSE;
  /* Now, not after the next frame: the caller reads the report at once. */
  sd_page_reload (SD_PAGE (self));
  build (self);
}

const SdOwnerReport *
sd_report_page_get_report (SdReportPage *self)
{
  g_return_val_if_fail (SD_IS_REPORT_PAGE (self), NULL);
  return self->report;
}

const char *
sd_report_page_get_figure_value (SdReportPage *self,
                                 guint         index)
{
  g_return_val_if_fail (SD_IS_REPORT_PAGE (self), NULL);

  if (self->figures == NULL || index >= self->figures->len)
    return NULL;
  return ((SdReportFigure *) g_ptr_array_index (self->figures, index))->value;
}

/* --- charts --- */

static void
draw_plan_fact (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
                gpointer user_data)
{
  SdReportPage *self = user_data;

  self->charts.plan_fact.has_highlight = highlight >= 0;
  self->charts.plan_fact.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_plan_fact (cr, width, height, &self->charts.plan_fact, style);
}

static int
hit_plan_fact (int width, int height, const SdChartStyle *style, double x, double y,
               gpointer user_data)
{
  SdReportPage *self = user_data;

  return sd_chart_plan_fact_hit (width, height, &self->charts.plan_fact, style, x, y);
}

static char *
describe_plan_fact (const SdChartStyle *style, int index, gpointer user_data)
{
  SdReportPage *self = user_data;

  if (index < 0)
    return sd_chart_plan_fact_describe (&self->charts.plan_fact, style);
  return sd_chart_plan_fact_tooltip (&self->charts.plan_fact, style, (guint) index);
}

static void
draw_growth (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
             gpointer user_data)
{
  SdReportPage *self = user_data;

  self->charts.growth.has_highlight = highlight >= 0;
  self->charts.growth.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_growth (cr, width, height, &self->charts.growth, style);
}

static int
hit_growth (int width, int height, const SdChartStyle *style, double x, double y,
            gpointer user_data)
{
  SdReportPage *self = user_data;

  return sd_chart_growth_hit (width, height, &self->charts.growth, style, x, y);
}

static char *
describe_growth (const SdChartStyle *style, int index, gpointer user_data)
{
  SdReportPage *self = user_data;

  if (index < 0)
    return sd_chart_growth_describe (&self->charts.growth, style);
  return sd_chart_growth_tooltip (&self->charts.growth, style, (guint) index);
}

/* --- export --- */

static void
on_open_clicked (AdwToast *toast,
                 gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "sd-uri");
  GtkWidget *widget = user_data;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
tell (SdReportPage *self,
      const char   *text,
      gboolean      is_error,
      const char   *saved_path)
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
      AdwToast *toast = adw_toast_new (escaped);

      if (saved_path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (saved_path);

          adw_toast_set_button_label (toast, _("_Open"));
          g_object_set_data_full (G_OBJECT (toast), "sd-uri", g_file_get_uri (file), g_free);
          /* The toast outlives nothing of ours: it asks its own overlay for the window. */
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                                   overlay, 0);
        }
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* Runs on the export's worker thread. */
static gboolean
write_report (gconstpointer      data,
              const char        *path,
              SdExportProgress   progress,
              gpointer           progress_data,
              GCancellable      *cancellable,
              GError           **error)
{
  return sd_export_owner_report_data (data, path, cancellable, progress, progress_data, error);
}

static void
stop_progress (SdReportPage *self)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_pointer (&self->job, sd_export_job_release);
  set_buttons_sensitive (self);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SdReportPage *self = SD_REPORT_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_filename_display_basename (sd_export_job_get_path (self->job));
  g_autofree char *path = g_strdup (sd_export_job_get_path (self->job));

  if (sd_export_job_finish (result, &error))
    {
      /* Translators: %s is a file name. */
      g_autofree char *text = g_strdup_printf (_("Saved «%s»"), base);

      tell (self, text, FALSE, path);
    }
  else if (g_error_matches (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a file name. */
      g_autofree char *text = g_strdup_printf (_("Export cancelled: «%s» was not changed."),
                                               base);

      tell (self, text, FALSE, NULL);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The report was not exported: %s"),
                                               error->message);

      tell (self, text, TRUE, NULL);
    }
  stop_progress (self);
}

gboolean
sd_report_page_export_to (SdReportPage  *self,
                          const char    *path,
                          GError       **error)
{
  SdStore *store;
  g_autoptr(SdOwnerReport) report = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  SdExportFormat format;

  g_return_val_if_fail (SD_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = sd_page_get_store (SD_PAGE (self));

  if (store == NULL || self->job != NULL)
    {
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
                           store == NULL ? _("No company is open.")
                                         : _("An export is already running."));
      return FALSE;
    }
  if (!sd_export_format_for_path (path, (1u << SD_EXPORT_FORMAT_XLSX) |
                                        (1u << SD_EXPORT_FORMAT_PDF), &format, error))
    return FALSE;
  /* The file gets its own copy of the report, read here on the main thread. */
  report = build_report (self, error);
  if (report == NULL)
    return FALSE;
  if (sd_owner_report_is_empty (report))
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_NO_DATA,
                   _("There is nothing to report for %s: no plan and no facts."),
                   report->period_label);
      return FALSE;
    }

  self->job = sd_export_job_new (path, g_steal_pointer (&report),
                                 (GDestroyNotify) sd_owner_report_free);

  base = g_filename_display_basename (path);
  /* Translators: %s is a file name. */
  text = g_strdup_printf (_("Exporting the report to «%s»…"), base);
  gtk_label_set_label (self->progress_label, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_buttons_sensitive (self);

  sd_export_job_run (self->job, self, sd_report_page_export_to, TRUE, write_report,
                     self->progress_bar, on_export_done);
  return TRUE;
}

gboolean
sd_report_page_is_exporting (SdReportPage *self)
{
  g_return_val_if_fail (SD_IS_REPORT_PAGE (self), FALSE);
  return self->job != NULL;
}

void
sd_report_page_cancel_export (SdReportPage *self)
{
  g_return_if_fail (SD_IS_REPORT_PAGE (self));
  if (self->job != NULL)
    sd_export_job_cancel (self->job);
}

const char *
sd_report_page_get_export_result (SdReportPage *self)
{
  g_return_val_if_fail (SD_IS_REPORT_PAGE (self), NULL);
  return self->last_result;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     SdReportPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        tell (self, _("Choose a file on this computer."), TRUE, NULL);
      else
        {
          const char *suffix = self->chooser_format == SD_EXPORT_FORMAT_PDF ? ".pdf" : ".xlsx";
          g_autofree char *lower = g_ascii_strdown (path, -1);

          /* "Отчёт" typed without an ending means the format of the button pressed. */
          if (!g_str_has_suffix (lower, suffix))
            {
              char *with = g_strconcat (path, suffix, NULL);

              g_free (path);
              path = with;
            }
          if (!sd_report_page_export_to (self, path, &error))
            {
              g_autofree char *text = g_strdup_printf (_("The report was not exported: %s"),
                                                       error->message);

              tell (self, text, TRUE, NULL);
            }
        }
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (SdReportPage   *self,
             SdExportFormat  format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gboolean pdf = format == SD_EXPORT_FORMAT_PDF;

  if (sd_page_get_store (SD_PAGE (self)) == NULL || self->job != NULL || self->report == NULL)
    return;
  label = g_strdup (self->report->period_label);
  g_strdelimit (label, "/\\:", '-');
  name = pdf
         /* Translators: the suggested file name; %s is the period: "2026", "I квартал 2026" */
         ? g_strdup_printf (_("Owner report %s.pdf"), label)
         : g_strdup_printf (_("Owner report %s.xlsx"), label);

  g_clear_object (&self->chooser);
  self->chooser_format = format;
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export the Report to PDF")
                                                   : _("Export the Report to Excel"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF document (.pdf)")
                                        : _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (filter, pdf ? "*.pdf" : "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_excel_clicked (SdReportPage *self)
{
  choose_file (self, SD_EXPORT_FORMAT_XLSX);
}

static void
on_pdf_clicked (SdReportPage *self)
{
  choose_file (self, SD_EXPORT_FORMAT_PDF);
}

/* --- printing --- */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n = sd_report_layout_paginate (job->layout, gtk_print_context_get_cairo_context (context),
                                       gtk_print_context_get_width (context),
                                       gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) MAX (n, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (page >= 0 && (guint) page < sd_report_layout_get_n_pages (job->layout))
    sd_report_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context),
                                (guint) page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SdReportPage            *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      text = g_strdup_printf (_("The report was not printed: %s"),
                              error != NULL ? error->message : _("unknown error"));
      tell (self, text, TRUE, NULL);
    }
  /* The reference kept while the dialog and the printing ran. */
  if (g_object_steal_data (G_OBJECT (operation), "sd-running") != NULL)
    g_object_unref (operation);
}

static GtkPrintOperation *
make_print_operation (SdReportPage  *self,
                      GError       **error)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job_name = NULL;
  PrintJob *job;
  SdOwnerReport *report;

  if (sd_page_get_store (SD_PAGE (self)) == NULL)
    {
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_NO_DATA,
                           _("No company is open."));
      return NULL;
    }
  report = build_report (self, error);
  if (report == NULL)
    return NULL;
  job = g_new0 (PrintJob, 1);
  job->report = report;
  job->layout = sd_report_layout_new (report);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the print job's name: "Owner report — ООО Ромашка, 2026" */
  job_name = g_strdup_printf (_("Owner report — %s, %s"), report->company, report->period_label);
  gtk_print_operation_set_job_name (operation, job_name);
  g_object_set_data_full (G_OBJECT (operation), "sd-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  return operation;
}

static void
on_print_clicked (SdReportPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  operation = make_print_operation (self, &error);
  if (operation == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The report was not printed: %s"),
                                               error->message);

      tell (self, text, TRUE, NULL);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_object_set_data (G_OBJECT (operation), "sd-running", g_object_ref (operation));
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The report was not printed: %s"),
                                               error->message);

      tell (self, text, TRUE, NULL);
    }
}

gboolean
sd_report_page_print_to_file (SdReportPage  *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SD_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = make_print_operation (self, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* --- following the company --- */

static void
sd_report_page_constructed (GObject *object)
{
  SdReportPage *self = SD_REPORT_PAGE (object);
  GDate today;

  G_OBJECT_CLASS (sd_report_page_parent_class)->constructed (object);

  sd_context_get_today (sd_page_get_context (SD_PAGE (self)), &today);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  self->month_index = g_date_get_month (&today) - 1;
  self->quarter_index = (g_date_get_month (&today) - 1) / 3;
  gtk_drop_down_set_selected (self->kind_dropdown, KIND_YEAR);
  sync_index_dropdown (self);
  self->updating = FALSE;
}

static void
sd_report_page_dispose (GObject *object)
{
  SdReportPage *self = SD_REPORT_PAGE (object);

  /* A running export holds the page (the task's source) until it ends. */
  if (self->job != NULL)
    {
      sd_export_job_cancel (self->job);
      sd_export_job_stop_progress (self->job);
    }
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_REPORT_PAGE);

  G_OBJECT_CLASS (sd_report_page_parent_class)->dispose (object);
}

static void
sd_report_page_finalize (GObject *object)
{
  SdReportPage *self = SD_REPORT_PAGE (object);

  g_clear_pointer (&self->job, sd_export_job_release);
  g_clear_pointer (&self->report, sd_owner_report_free);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  sd_report_charts_clear (&self->charts);
  g_clear_object (&self->month_names);
  g_clear_object (&self->quarter_names);
  g_free (self->last_result);

  G_OBJECT_CLASS (sd_report_page_parent_class)->finalize (object);
}

static void
sd_report_page_class_init (SdReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->constructed = sd_report_page_constructed;
  object_class->dispose = sd_report_page_dispose;
  object_class->finalize = sd_report_page_finalize;
  page_class->reload = sd_report_page_reload;
  /* Anything in the file can show in the report: names, facts, plan, pay, settings. */
  page_class->reload_on = SD_STORE_CHANGED_ALL;

  g_type_ensure (SD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SD_RESOURCE_PATH "/sd-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, index_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, excel_button);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, plan_fact_chart);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, growth_chart);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, months_heading);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, months_frame);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, managers_heading);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, managers_frame);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, lagging_label);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, pay_heading);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, pay_frame);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, extra_box);
  gtk_widget_class_bind_template_child (widget_class, SdReportPage, pay_note);
}

static void
sd_report_page_init (SdReportPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_report_figure_free);
  self->month_names = gtk_string_list_new (NULL);
  self->quarter_names = gtk_string_list_new (NULL);
  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *name = sd_month_format_label (sd_month_make (2000, m));
      char *space = strrchr (name, ' ');

      /* "Март 2000" → "Март". */
      if (space != NULL)
        *space = '\0';
      gtk_string_list_append (self->month_names, name);
    }
  for (int q = 1; q <= 4; q++)
    {
      g_autofree char *text = g_strdup_printf (_("Quarter %d"), q);

      gtk_string_list_append (self->quarter_names, text);
    }
  gtk_string_list_append (kinds, _("Month"));
  gtk_string_list_append (kinds, _("Quarter"));
  gtk_string_list_append (kinds, _("Year"));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, KIND_YEAR);
  self->updating = FALSE;

  sd_chart_view_set_chart (self->plan_fact_chart, draw_plan_fact, hit_plan_fact,
                           describe_plan_fact, 0, self, NULL);
  sd_chart_view_set_chart (self->growth_chart, draw_growth, hit_growth, describe_growth, 0,
                           self, NULL);

  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->index_dropdown, "notify::selected",
                           G_CALLBACK (on_period_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (on_period_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->excel_button, "clicked", G_CALLBACK (on_excel_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_button, "clicked", G_CALLBACK (on_pdf_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->print_button, "clicked", G_CALLBACK (on_print_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cancel_button, "clicked",
                           G_CALLBACK (sd_report_page_cancel_export), self, G_CONNECT_SWAPPED);
  set_buttons_sensitive (self);
}

GtkWidget *
sd_report_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_REPORT_PAGE, "context", context, NULL);
}
