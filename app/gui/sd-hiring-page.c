/* sd-hiring-page.c — the hiring plan: capacity gap, proposed hires, their money and payback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is shown is the stored schedule (proposed, accepted and edited hires) evaluated against
 * the current plan of the chosen years; "Propose" replaces the proposed hires with a new
 * proposal that keeps the accepted ones. A second, throw-away schedule built from lines
 * ("hire 2 in March") is compared with it side by side.
 */
#define G_LOG_DOMAIN "sd-hiring-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sd-chart-capacity.h"
#include "sd-chart-payback.h"
#include "sd-chart-view.h"
#include "sd-hire-dialog.h"
#include "sd-hiring-page.h"
#include "sd-store-hiring.h"

typedef struct {
  GtkWidget     *box;
  GtkSpinButton *count;
  GtkDropDown   *month;
} AltLine;

struct _SdHiringPage
{
  SdPage            parent_instance;

  gboolean          updating;
  int               year;

  /* The model of what is shown. */
  SdHiringSettings  settings;
  SdHiringSettings  form_settings;  /* what the form was last filled with */
  gboolean          form_filled;
  SdHiringParams   *params;
  SdHiringResult   *result;       /* the stored schedule */
  GArray           *hires;        /* SdPlannedHire, as stored (the result's order) */
  int               selected;     /* index into hires, -1 none */
  char             *proposal_message;
  gboolean          proposal_warns;
  SdHiringResult   *alt_result;
  GPtrArray        *alt_lines;    /* AltLine * */
  GtkStringList    *alt_months;

  /* Chart data; the chart views point into it. */
  GArray           *capacity_months;   /* SdChartCapacityMonth */
  SdChartCapacity   capacity;
  GArray           *payback_months;    /* SdChartPaybackMonth */
  SdChartPayback    payback;

  GtkLabel         *year_label;
  GtkSpinButton    *years_spin;
  GtkButton        *propose_button;
  GtkLabel         *status_label;
  SdChartView      *capacity_chart;
  GtkLabel         *summary_label;
  GtkLabel         *proposal_label;
  GtkListBox       *hires_list;
  GtkLabel         *payback_title;
  SdChartView      *payback_chart;
  GtkGrid          *month_grid;
  GtkBox           *alt_box;
  GtkGrid          *compare_grid;
  GtkEntry         *capacity_entry;
  GtkButton        *history_button;
  GtkEntry         *ramp_entry;
  GtkSpinButton    *attrition_spin;
  GtkSpinButton    *time_spin;
  GtkEntry         *pay_entry;
  AdwActionRow     *scheme_row;
  GtkDropDown      *scheme_dropdown;
  GArray           *scheme_ids;   /* gint64 per dropdown item; 0 = automatic */
  GtkSpinButton    *contributions_spin;
  GtkEntry         *hiring_cost_entry;
  GtkEntry         *onboarding_entry;
  GtkSpinButton    *margin_spin;
  GtkLabel         *settings_error;
  GtkButton        *save_button;
};

G_DEFINE_FINAL_TYPE (SdHiringPage, sd_hiring_page, SD_TYPE_PAGE)

static void update_comparison (SdHiringPage *self);

/* ------------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------------ */

static char *
money (SdMoney value)
{
  return sd_money_format_whole (value, sd_number_style_current (), "₽");
}

static char *
money_plain (SdMoney value)
{
  return sd_money_format (value, sd_number_style_current (), NULL);
}

static char *
date_text (const GDate *date)
{
  return sd_date_format (date, sd_number_style_current ());
}

static void
toast (SdHiringPage *self,
       const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 6);
  /* The template's own child: not bound, so that AdwBin alone disposes of it. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), t);
}

static void
set_status (SdHiringPage *self,
            const char   *text)
{
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
cell (const char *text,
      gboolean    number,
      gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0f : 0.0f);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Room between a card's edge and the cells at its edges. */
static void
pad_grid (GtkGrid *grid)
{
  int n_cols = 0, n_rows = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (grid)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      int col, row, w, h;

      gtk_grid_query_child (grid, c, &col, &row, &w, &h);
      n_cols = MAX (n_cols, col + w);
      n_rows = MAX (n_rows, row + h);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (grid)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      int col, row, w, h;

      gtk_grid_query_child (grid, c, &col, &row, &w, &h);
      if (col == 0)
        gtk_widget_set_margin_start (c, 12);
      if (col + w == n_cols)
        gtk_widget_set_margin_end (c, 12);
      if (row == 0)
        gtk_widget_set_margin_top (c, 8);
      if (row + h == n_rows)
        gtk_widget_set_margin_bottom (c, 8);
    }
}

static GtkWindow *
parent_window (SdHiringPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ------------------------------------------------------------------------------------------
 * Parameters form
 * ------------------------------------------------------------------------------------------ */

static gint64
spin_bp (GtkSpinButton *spin)
{
  return (gint64) llround (gtk_spin_button_get_value (spin) * 100.0);
}

static void
set_money_entry (GtkEntry *entry,
                 SdMoney   value)
{
  g_autofree char *text = money_plain (value);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
fill_form (SdHiringPage           *self,
           const SdHiringSettings *s)
{
  GString *ramp = g_string_new (NULL);

  self->updating = TRUE;
  set_money_entry (self->capacity_entry, s->capacity);
  for (guint i = 0; i < s->n_ramp_up && i < SD_HIRING_MAX_RAMP_UP_STEPS; i++)
    g_string_append_printf (ramp, "%s%d", i > 0 ? " / " : "", s->ramp_up[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->ramp_entry), ramp->str);
  gtk_spin_button_set_value (self->attrition_spin, s->attrition_bp / 100.0);
  gtk_spin_button_set_value (self->time_spin, s->time_to_hire_weeks);
  set_money_entry (self->pay_entry, s->monthly_pay);
  gtk_spin_button_set_value (self->contributions_spin, s->contributions_bp / 100.0);
  set_money_entry (self->hiring_cost_entry, s->hiring_cost);
  set_money_entry (self->onboarding_entry, s->onboarding_cost);
  gtk_spin_button_set_value (self->margin_spin, s->margin_bp / 100.0);
  self->updating = FALSE;
  g_string_free (ramp, TRUE);
}

static gboolean
parse_money_field (GtkEntry    *entry,
                   const char  *field,
                   SdMoney     *out,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (text == NULL || *text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!sd_money_parse (text, out, &local_error))
    {
      /* Translators: a field name, then what is wrong with it */
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_COST, _("%s: %s"), field,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* "0 / 30 / 60 / 100" (also with ";", "," or spaces, a "%" allowed after each number). */
static gboolean
parse_ramp (const char        *text,
            SdHiringSettings  *s,
            GError           **error)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s/;,]+", text != NULL ? text : "", 0, 0);
  int steps[SD_HIRING_MAX_RAMP_UP_STEPS + 1];
  gsize n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      gsize len = strlen (part);
      char *end = NULL;
      gint64 value;

      if (len > 0 && part[len - 1] == '%')
        part[--len] = '\0';
      if (len == 0)
        continue;
      value = g_ascii_strtoll (part, &end, 10);
      if (end == NULL || *end != '\0' || value < G_MININT || value > G_MAXINT)
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP,
                       _("Ramp-up: «%s» is not a whole number of percent."), parts[i]);
          return FALSE;
        }
      if (n >= SD_HIRING_MAX_RAMP_UP_STEPS)
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP,
                       _("Ramp-up: at most %d months."), SD_HIRING_MAX_RAMP_UP_STEPS);
          return FALSE;
        }
      steps[n++] = (int) value;
    }
  sd_hiring_settings_set_ramp_up (s, steps, n);
  return TRUE;
}

/* The form as settings, checked by core; the error says what to fix. */
static gboolean
collect_form (SdHiringPage      *self,
              SdHiringSettings  *s,
              GError           **error)
{
  sd_hiring_settings_init (s);
  if (!parse_money_field (self->capacity_entry, _("Capacity"), &s->capacity, error) ||
      !parse_ramp (gtk_editable_get_text (GTK_EDITABLE (self->ramp_entry)), s, error) ||
      !parse_money_field (self->pay_entry, _("Monthly pay"), &s->monthly_pay, error) ||
      !parse_money_field (self->hiring_cost_entry, _("Cost of hiring"), &s->hiring_cost, error) ||
      !parse_money_field (self->onboarding_entry, _("Cost of onboarding"), &s->onboarding_cost,
                          error))
    return FALSE;
  s->attrition_bp = spin_bp (self->attrition_spin);
  s->time_to_hire_weeks = gtk_spin_button_get_value_as_int (self->time_spin);
  s->contributions_bp = spin_bp (self->contributions_spin);
  s->margin_bp = spin_bp (self->margin_spin);

  return sd_hiring_settings_validate (s, error);
}

static void
on_setting_changed (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  SdHiringSettings s;
  gboolean ok;

  if (self->updating)
    return;
  ok = collect_form (self, &s, &error);
  gtk_label_set_label (self->settings_error, ok ? "" : error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok && store != NULL);
}

static void
on_save_settings (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  SdHiringSettings s;

  if (store == NULL)
    return;
  if (!collect_form (self, &s, &error) ||
      !sd_store_save_hiring_settings (store, &s, &error))
    {
      gtk_label_set_label (self->settings_error, error->message);
      return;
    }
  gtk_label_set_label (self->settings_error, "");
  toast (self, _("Hiring parameters saved."));
}

static void
on_history_clicked (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  SdHiringSettings s;
  SdMoney capacity = 0;
  guint n_samples = 0;
  GDate today;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (store == NULL)
    return;
  /* The ramp-up decides who counts as fully ramped: take it from the form when it is valid. */
  if (!collect_form (self, &s, NULL))
    s = self->settings;
  sd_context_get_today (sd_page_get_context (SD_PAGE (self)), &today);
  if (!sd_store_hiring_capacity_from_history (store, &s, sd_month_from_date (&today) - 1,
                                              SD_HIRING_DEFAULT_HISTORY_MONTHS, &capacity,
                                              &n_samples, &error))
    {
      gtk_label_set_label (self->settings_error, error->message);
      return;
    }
  set_money_entry (self->capacity_entry, capacity);
  shown = money (capacity);
  /* Translators: the capacity, then how many manager-months it is the median of */
  text = g_strdup_printf (ngettext ("Capacity %s: the median of %u manager-month. Save the parameters to use it.",
                                    "Capacity %s: the median of %u manager-months. Save the parameters to use it.",
                                    n_samples),
                          shown, n_samples);
  toast (self, text);
}

/* The schemes to choose from, "Automatic" first, and which one pays new hires now. */
static void
fill_schemes (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GPtrArray) schemes = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  gint64 chosen = 0, in_force = 0, none = 0;
  guint selected = 0;
  GDate today;

  g_array_set_size (self->scheme_ids, 0);
  gtk_string_list_append (names, _("Automatic: the one most managers have"));
  g_array_append_val (self->scheme_ids, none);
  if (store != NULL)
    {
      schemes = sd_store_list_schemes (store, NULL);
      chosen = sd_store_get_hiring_scheme_choice (store);
      sd_context_get_today (sd_page_get_context (SD_PAGE (self)), &today);
      in_force = sd_store_get_hiring_scheme_id (store, sd_month_from_date (&today));
    }
  for (guint i = 0; schemes != NULL && i < schemes->len; i++)
    {
      const SdSchemeEntry *entry = g_ptr_array_index (schemes, i);

      gtk_string_list_append (names, entry->scheme->name);
      g_array_append_val (self->scheme_ids, entry->id);
      if (entry->id == chosen)
        selected = i + 1;
      if (entry->id == in_force)
        /* Translators: the name of a motivation scheme */
        subtitle = g_strdup_printf (_("Now «%s»; anyone without a scheme: the monthly pay above"),
                                    entry->scheme->name);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->scheme_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scheme_dropdown, selected);
  self->updating = FALSE;
  adw_action_row_set_subtitle (self->scheme_row,
                               subtitle != NULL ? subtitle
                                                : _("No scheme: the monthly pay above is used"));
}

static void
on_scheme_selected (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->scheme_dropdown);

  if (self->updating || store == NULL || selected >= self->scheme_ids->len)
    return;
  if (g_array_index (self->scheme_ids, gint64, selected) ==
      sd_store_get_hiring_scheme_choice (store))
    return;
  if (!sd_store_set_hiring_scheme_id (store, g_array_index (self->scheme_ids, gint64, selected),
                                      &error))
    gtk_label_set_label (self->settings_error, error->message);
}

/* ------------------------------------------------------------------------------------------
 * Charts
 * ------------------------------------------------------------------------------------------ */

static void
draw_capacity (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
               gpointer user_data)
{
  SdHiringPage *self = user_data;

  self->capacity.has_highlight = highlight >= 0;
  self->capacity.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_capacity (cr, width, height, &self->capacity, style);
}

static int
hit_capacity (int width, int height, const SdChartStyle *style, double x, double y,
              gpointer user_data)
{
  SdHiringPage *self = user_data;

  return sd_chart_capacity_hit (width, height, &self->capacity, style, x, y);
}

static char *
describe_capacity (const SdChartStyle *style, int index, gpointer user_data)
{
  SdHiringPage *self = user_data;

  if (index < 0)
    return sd_chart_capacity_describe (&self->capacity, style);
  return sd_chart_capacity_tooltip (&self->capacity, style, (guint) index);
}

static void
draw_payback (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
              gpointer user_data)
{
  SdHiringPage *self = user_data;

  self->payback.has_highlight = highlight >= 0;
  self->payback.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_payback (cr, width, height, &self->payback, style);
}

static int
hit_payback (int width, int height, const SdChartStyle *style, double x, double y,
             gpointer user_data)
{
  SdHiringPage *self = user_data;

  return sd_chart_payback_hit (width, height, &self->payback, style, x, y);
}

static char *
describe_payback (const SdChartStyle *style, int index, gpointer user_data)
{
  SdHiringPage *self = user_data;

  if (index < 0)
    return sd_chart_payback_describe (&self->payback, style);
  return sd_chart_payback_tooltip (&self->payback, style, (guint) index);
}

/* The month index of a hire's first month within the result (0 when it starts before). */
static guint
hire_first_index (SdHiringPage        *self,
                  const SdPlannedHire *hire)
{
  gint64 index = (gint64) sd_month_from_date (&hire->start) -
                 (gint64) sd_hiring_params_get_first_month (self->params);

  return index < 0 ? 0 : (guint) index;
}

static void
update_payback_chart (SdHiringPage *self)
{
  g_array_set_size (self->payback_months, 0);
  self->payback = (SdChartPayback) { 0 };
  self->payback.currency_symbol = "₽";

  if (self->result != NULL && self->selected >= 0 &&
      (guint) self->selected < sd_hiring_result_get_n_hires (self->result))
    {
      const SdPlannedHire *hire = sd_hiring_result_get_hire (self->result, (guint) self->selected);
      guint n = sd_hiring_result_get_n_months (self->result);
      guint first = hire_first_index (self, hire);
      SdMonth payback = sd_hiring_result_get_payback (self->result, (guint) self->selected);
      g_autofree char *start = date_text (&hire->start);
      g_autofree char *title = NULL;

      for (guint m = first; m < n && sd_planned_hire_counts (hire); m++)
        {
          const SdHiringHireMonth *hm = sd_hiring_result_get_hire_month (self->result,
                                                                         (guint) self->selected, m);
          SdChartPaybackMonth pm = { hm->cumulative_cost, hm->cumulative_margin };

          g_array_append_val (self->payback_months, pm);
        }
      self->payback.first_month = sd_hiring_params_get_first_month (self->params) + (SdMonth) first;
      self->payback.n_months = self->payback_months->len;
      self->payback.months = (const SdChartPaybackMonth *) (gconstpointer) self->payback_months->data;
      if (payback != SD_MONTH_INVALID && payback >= self->payback.first_month)
        {
          self->payback.has_payback = TRUE;
          self->payback.payback = (guint) (payback - self->payback.first_month);
        }
      /* Translators: the hire's first working day */
      title = g_strdup_printf (_("Cost against added revenue of the hire starting %s"), start);
      gtk_label_set_label (self->payback_title, title);
    }
  else
    gtk_label_set_label (self->payback_title, _("Select a hire to see when it pays back"));

  gtk_widget_set_visible (GTK_WIDGET (self->payback_chart), self->payback.n_months > 0);
  sd_chart_view_changed (self->payback_chart, self->payback.n_months);
}

/* ------------------------------------------------------------------------------------------
 * Planned hires
 * ------------------------------------------------------------------------------------------ */

static gint64
hire_id_of (GtkWidget *button)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sd-hire-id"));
}

static void
on_accept_clicked (GtkButton    *button,
                   SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store != NULL &&
      !sd_store_set_planned_hire_state (store, hire_id_of (GTK_WIDGET (button)),
                                        SD_HIRE_ACCEPTED, &error))
    toast (self, error->message);
}

static void
on_reject_clicked (GtkButton    *button,
                   SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store != NULL &&
      !sd_store_set_planned_hire_state (store, hire_id_of (GTK_WIDGET (button)),
                                        SD_HIRE_REJECTED, &error))
    toast (self, error->message);
}

static void
on_restore_clicked (GtkButton    *button,
                    SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store != NULL &&
      !sd_store_set_planned_hire_state (store, hire_id_of (GTK_WIDGET (button)),
                                        SD_HIRE_PROPOSED, &error))
    toast (self, error->message);
}

static void
on_delete_clicked (GtkButton    *button,
                   SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store != NULL &&
      !sd_store_delete_planned_hire (store, hire_id_of (GTK_WIDGET (button)), &error))
    toast (self, error->message);
}

static const SdPlannedHire *
find_stored_hire (SdHiringPage *self,
                  gint64        id)
{
  for (guint i = 0; self->hires != NULL && i < self->hires->len; i++)
    if (g_array_index (self->hires, SdPlannedHire, i).id == id)
      return &g_array_index (self->hires, SdPlannedHire, i);
  return NULL;
}

static void
on_edit_clicked (GtkButton    *button,
                 SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  const SdPlannedHire *hire = find_stored_hire (self, hire_id_of (GTK_WIDGET (button)));
  SdHireDialog *dialog;

  if (store == NULL || hire == NULL)
    return;
  dialog = sd_hire_dialog_new (parent_window (self), store, hire,
                               self->settings.time_to_hire_weeks);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_hired_name_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "hire", *name != '\0');
}

static void
on_hired_name_activate (GtkEntry         *entry,
                        AdwMessageDialog *dialog)
{
  /* As the button does: respond, then close (responding alone leaves the window open). */
  if (adw_message_dialog_get_response_enabled (dialog, "hire"))
    {
      adw_message_dialog_response (dialog, "hire");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_hired_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SdHiringPage     *self)
{
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *said = NULL;
  GtkEditable *entry;
  SdHireOutcome outcome;
  gint64 hire_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "sd-hire-id"));

  if (g_strcmp0 (response, "hire") != 0 || store == NULL)
    return;
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (sd_store_hire_planned (store, hire_id, name, sd_context_get_calendar (context),
                             &outcome, &error) == 0)
    {
      toast (self, error->message);
      return;
    }
  said = sd_hire_outcome_describe (&outcome, name);
  toast (self, said);
}

static void
on_hired_clicked (GtkButton    *button,
                  SdHiringPage *self)
{
  const SdPlannedHire *hire = find_stored_hire (self, hire_id_of (GTK_WIDGET (button)));
  g_autofree char *start = NULL;
  GtkWidget *dialog, *entry;

  if (sd_page_get_store (SD_PAGE (self)) == NULL || hire == NULL)
    return;
  start = date_text (&hire->start);
  dialog = adw_message_dialog_new (parent_window (self), _("Hired?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the first working day */
                                  _("The person becomes a manager in the staff from %s, paid by the usual scheme, with a share of the plan when the plan is a draft. Who is it?"),
                                  start);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Full name"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "hire", _("_Add to Staff"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "hire", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "hire",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sd-hire-id", GSIZE_TO_POINTER ((gsize) hire->id));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_hired_name_changed), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_hired_name_activate), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_hired_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), entry);
}

static GtkWidget *
hire_button (SdHiringPage        *self,
             GtkWidget           *row,
             const SdPlannedHire *hire,
             const char          *name,
             const char          *label,
             const char          *tooltip,
             GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "sd-hire-id", GSIZE_TO_POINTER ((gsize) hire->id));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
fill_hires_list (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  guint n = self->result != NULL ? sd_hiring_result_get_n_hires (self->result) : 0;
  SdMonth first_month = 0, last_month = 0;

  clear_container (GTK_WIDGET (self->hires_list));
  if (self->params != NULL)
    {
      first_month = sd_hiring_params_get_first_month (self->params);
      last_month = first_month + (SdMonth) sd_hiring_params_get_n_months (self->params) - 1;
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No planned hires. Press “Propose Hires” to get a schedule that covers the plan."));
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->hires_list, row);
      return;
    }

  for (guint h = 0; h < n; h++)
    {
      const SdPlannedHire *hire = sd_hiring_result_get_hire (self->result, h);
      SdMonth payback = sd_hiring_result_get_payback (self->result, h);
      g_autofree char *start = date_text (&hire->start);
      g_autofree char *search = date_text (&hire->search_start);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *cost_text = NULL;
      g_autofree char *payback_text = NULL;
      SdMoney cost = 0;
      GtkWidget *row = adw_action_row_new ();

      for (guint m = 0; m < sd_hiring_result_get_n_months (self->result); m++)
        cost += sd_hiring_result_get_hire_month (self->result, h, m)->cost;
      cost_text = money (cost);
      if (payback != SD_MONTH_INVALID)
        {
          g_autofree char *month = sd_month_format_label (payback);

          /* Translators: a month, "pays back in October 2026" */
          payback_text = g_strdup_printf (_("pays back in %s"), month);
        }
      else if (!sd_planned_hire_counts (hire))
        payback_text = g_strdup (_("not counted"));
      else if (sd_month_from_date (&hire->start) >= last_month + 1 ||
               sd_month_from_date (&hire->start) < first_month)
        payback_text = g_strdup (_("starts outside the months shown"));
      else
        payback_text = g_strdup (_("does not pay back within the plan"));

      if (hire->state == SD_HIRE_HIRED)
        {
          g_autofree char *name = sd_store_dup_planned_hire_note (store, hire->id);

          /* Translators: a name, then the first working day */
          title = g_strdup_printf (_("%s, from %s"), name != NULL ? name : _("Hired"), start);
        }
      else
        /* Translators: the first working day of a planned hire */
        title = g_strdup_printf (_("Starts %s"), start);
      /* Translators: search start · state · cost · payback */
      subtitle = g_strdup_printf (_("search from %s · %s · costs %s in the plan · %s"), search,
                                  sd_hire_state_get_label (hire->state), cost_text, payback_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (hire->state == SD_HIRE_REJECTED)
        gtk_widget_add_css_class (row, "dim-label");

      switch (hire->state)
        {
        case SD_HIRE_PROPOSED:
          hire_button (self, row, hire, "accept", _("_Accept"), NULL,
                       G_CALLBACK (on_accept_clicked));
          hire_button (self, row, hire, "edit", _("_Dates…"), _("Accept with other dates"),
                       G_CALLBACK (on_edit_clicked));
          hire_button (self, row, hire, "reject", _("_Reject"), NULL,
                       G_CALLBACK (on_reject_clicked));
          break;
        case SD_HIRE_ACCEPTED:
        case SD_HIRE_EDITED:
          gtk_widget_add_css_class (hire_button (self, row, hire, "hired", _("_Hired…"),
                                                 _("The person is found: add them to the staff"),
                                                 G_CALLBACK (on_hired_clicked)),
                                    "suggested-action");
          hire_button (self, row, hire, "edit", _("_Dates…"), NULL, G_CALLBACK (on_edit_clicked));
          hire_button (self, row, hire, "reject", _("_Reject"), NULL,
                       G_CALLBACK (on_reject_clicked));
          break;
        case SD_HIRE_REJECTED:
          hire_button (self, row, hire, "restore", _("Re_store"), NULL,
                       G_CALLBACK (on_restore_clicked));
          hire_button (self, row, hire, "delete", _("_Delete"), NULL,
                       G_CALLBACK (on_delete_clicked));
          break;
        case SD_HIRE_HIRED:
        default:
          break;
        }
      g_object_set_data (G_OBJECT (row), "sd-hire-index", GUINT_TO_POINTER (h));
      gtk_list_box_append (self->hires_list, row);
      if ((int) h == self->selected)
        gtk_list_box_select_row (self->hires_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
on_hire_selected (SdHiringPage  *self,
                  GtkListBoxRow *row)
{
  if (self->updating)
    return;
  self->selected = row != NULL && g_object_get_data (G_OBJECT (row), "sd-hire-index") != NULL
                   ? (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sd-hire-index"))
                   : -1;
  update_payback_chart (self);
}

/* ------------------------------------------------------------------------------------------
 * Month table and summary
 * ------------------------------------------------------------------------------------------ */

static void
fill_month_table (SdHiringPage *self)
{
  static const char * const headers[] = {
    N_("Month"), N_("Plan"), N_("Team capacity"), N_("Gap"), N_("Hires add"),
    N_("Shortfall"), N_("Pay cost"), N_("Revenue"),
  };
  guint n = self->result != NULL ? sd_hiring_result_get_n_months (self->result) : 0;
  SdMoney totals[7] = { 0 };

  clear_container (GTK_WIDGET (self->month_grid));
  if (n == 0)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (self->month_grid, cell (_(headers[c]), c > 0, TRUE), (int) c, 0, 1, 1);

  for (guint m = 0; m < n; m++)
    {
      const SdHiringMonth *month = sd_hiring_result_get_month (self->result, m);
      SdMoney values[7] = { month->plan, month->team_capacity, month->gap, month->hires_capacity,
                            month->shortfall, month->total_cost, month->revenue };
      g_autofree char *label = sd_month_format_label (month->month);

      gtk_grid_attach (self->month_grid, cell (label, FALSE, FALSE), 0, (int) m + 1, 1, 1);
      for (guint c = 0; c < 7; c++)
        {
          g_autofree char *text = sd_money_format_whole (values[c], sd_number_style_current (), NULL);
          GtkWidget *label_widget = cell (text, TRUE, FALSE);

          if (c == 4 && values[c] > 0)
            gtk_widget_add_css_class (label_widget, "error");
          gtk_grid_attach (self->month_grid, label_widget, (int) c + 1, (int) m + 1, 1, 1);
          totals[c] += values[c];
        }
    }
  gtk_grid_attach (self->month_grid, cell (_("Total"), FALSE, TRUE), 0, (int) n + 1, 1, 1);
  for (guint c = 0; c < 7; c++)
    {
      g_autofree char *text = sd_money_format_whole (totals[c], sd_number_style_current (), NULL);

      gtk_grid_attach (self->month_grid, cell (text, TRUE, TRUE), (int) c + 1, (int) n + 1, 1, 1);
    }
  pad_grid (self->month_grid);
}

static void
update_capacity_chart (SdHiringPage *self)
{
  guint n = self->result != NULL ? sd_hiring_result_get_n_months (self->result) : 0;

  g_array_set_size (self->capacity_months, 0);
  for (guint m = 0; m < n; m++)
    {
      const SdHiringMonth *month = sd_hiring_result_get_month (self->result, m);
      SdChartCapacityMonth cm = { month->plan, month->team_capacity, month->hires_capacity, TRUE };

      g_array_append_val (self->capacity_months, cm);
    }
  self->capacity = (SdChartCapacity) { 0 };
  self->capacity.first_month = n > 0 ? sd_hiring_params_get_first_month (self->params) : 0;
  self->capacity.n_months = n;
  self->capacity.months = (const SdChartCapacityMonth *) (gconstpointer) self->capacity_months->data;
  self->capacity.currency_symbol = "₽";
  sd_chart_view_changed (self->capacity_chart, n);
}

static void
update_summary (SdHiringPage *self)
{
  g_autofree char *describe = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *total = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *text = NULL;

  if (self->result == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }
  describe = sd_hiring_result_describe (self->result);
  cost = money (sd_hiring_result_get_hires_cost (self->result));
  revenue = money (sd_hiring_result_get_hires_revenue (self->result));
  total = money (sd_hiring_result_get_total_cost (self->result));
  /* Translators: a sentence about the schedule, then three sums of money */
  text = g_strdup_printf (_("%s\nThe planned hires cost %s and add %s of revenue; the department’s pay cost is %s."),
                          describe, cost, revenue, total);
  gtk_label_set_label (self->summary_label, text);

  gtk_label_set_label (self->proposal_label,
                       self->proposal_message != NULL ? self->proposal_message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_label), self->proposal_message != NULL);
  if (self->proposal_warns)
    gtk_widget_add_css_class (GTK_WIDGET (self->proposal_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->proposal_label), "warning");
}

/* ------------------------------------------------------------------------------------------
 * Comparison with an alternative schedule
 * ------------------------------------------------------------------------------------------ */

static void
alt_line_free (gpointer data)
{
  g_free (data);
}

static void
on_alt_changed (SdHiringPage *self)
{
  update_comparison (self);
}

static void
on_alt_remove (GtkButton    *button,
               SdHiringPage *self)
{
  AltLine *line = g_object_get_data (G_OBJECT (button), "sd-alt-line");

  if (line == NULL)
    return;
  gtk_box_remove (self->alt_box, line->box);
  g_ptr_array_remove (self->alt_lines, line);
  update_comparison (self);
}

static AltLine *
add_alt_line (SdHiringPage *self,
              guint         count,
              guint         month_index)
{
  AltLine *line = g_new0 (AltLine, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  guint n_months = g_list_model_get_n_items (G_LIST_MODEL (self->alt_months));

  line->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  line->count = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 100, 1));
  gtk_spin_button_set_value (line->count, count);
  line->month = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->alt_months)),
                                                  NULL));
  if (n_months > 0)
    gtk_drop_down_set_selected (line->month, MIN (month_index, n_months - 1));
  /* Translators: "Hire [2] from [March 2026]" */
  gtk_box_append (GTK_BOX (line->box), gtk_label_new (_("Hire")));
  gtk_box_append (GTK_BOX (line->box), GTK_WIDGET (line->count));
  gtk_box_append (GTK_BOX (line->box), gtk_label_new (_("starting in")));
  gtk_box_append (GTK_BOX (line->box), GTK_WIDGET (line->month));
  gtk_widget_set_tooltip_text (remove, _("Remove Line"));
  gtk_box_append (GTK_BOX (line->box), remove);
  gtk_box_append (self->alt_box, line->box);
  g_object_set_data (G_OBJECT (remove), "sd-alt-line", line);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_alt_remove), self, 0);
  g_signal_connect_object (line->count, "value-changed", G_CALLBACK (on_alt_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->month, "notify::selected", G_CALLBACK (on_alt_changed), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->alt_lines, line);
  return line;
}

static void
clear_alt_lines (SdHiringPage *self)
{
  clear_container (GTK_WIDGET (self->alt_box));
  g_ptr_array_set_size (self->alt_lines, 0);
}

static guint
earliest_index (SdHiringPage *self)
{
  gint64 index;

  if (self->params == NULL)
    return 0;
  index = (gint64) sd_hiring_params_earliest_start (self->params) -
          (gint64) sd_hiring_params_get_first_month (self->params);
  return index < 0 ? 0 : (guint) index;
}

static void
on_alt_add (SdHiringPage *self)
{
  add_alt_line (self, 1, earliest_index (self));
  update_comparison (self);
}

/* The alternative starts as the stored schedule grouped by start month. */
static void
on_alt_copy (SdHiringPage *self)
{
  guint n = self->result != NULL ? sd_hiring_result_get_n_hires (self->result) : 0;
  SdMonth first = self->params != NULL ? sd_hiring_params_get_first_month (self->params) : 0;

  clear_alt_lines (self);
  for (guint h = 0; h < n; h++)
    {
      const SdPlannedHire *hire = sd_hiring_result_get_hire (self->result, h);
      gint64 index;
      gboolean merged = FALSE;

      if (!sd_planned_hire_counts (hire))
        continue;
      index = (gint64) sd_month_from_date (&hire->start) - first;
      if (index < 0)
        index = 0;
      for (guint i = 0; i < self->alt_lines->len && !merged; i++)
        {
          AltLine *line = g_ptr_array_index (self->alt_lines, i);

          if (gtk_drop_down_get_selected (line->month) == (guint) index)
            {
              gtk_spin_button_set_value (line->count, gtk_spin_button_get_value (line->count) + 1);
              merged = TRUE;
            }
        }
      if (!merged)
        add_alt_line (self, 1, (guint) index);
    }
  if (self->alt_lines->len == 0)
    add_alt_line (self, 1, earliest_index (self));
  update_comparison (self);
}

typedef struct {
  guint    n_hires;
  SdMoney  hires_cost;
  SdMoney  total_cost;
  SdMoney  revenue;
  SdMoney  shortfall;
  guint    months_short;
  char    *paybacks;
} Figures;

static void
figures_of (const SdHiringResult *result,
            Figures              *out)
{
  GString *paybacks = g_string_new (NULL);
  SdMonth earliest = 0, latest = 0;
  guint n_paid = 0;

  *out = (Figures) { 0 };
  if (result == NULL)
    {
      out->paybacks = g_string_free (paybacks, FALSE);
      return;
    }
  out->n_hires = sd_hiring_result_get_n_counted (result);
  out->hires_cost = sd_hiring_result_get_hires_cost (result);
  out->total_cost = sd_hiring_result_get_total_cost (result);
  out->revenue = sd_hiring_result_get_hires_revenue (result);
  for (guint m = 0; m < sd_hiring_result_get_n_months (result); m++)
    {
      SdMoney s = sd_hiring_result_get_month (result, m)->shortfall;

      out->shortfall += s;
      out->months_short += s > 0;
    }
  for (guint h = 0; h < sd_hiring_result_get_n_hires (result); h++)
    {
      SdMonth payback = sd_hiring_result_get_payback (result, h);

      if (!sd_planned_hire_counts (sd_hiring_result_get_hire (result, h)) ||
          payback == SD_MONTH_INVALID)
        continue;
      if (n_paid++ == 0)
        earliest = latest = payback;
      earliest = MIN (earliest, payback);
      latest = MAX (latest, payback);
    }
  if (n_paid > 0)
    {
      g_autofree char *from = sd_month_format_label (earliest);
      g_autofree char *to = sd_month_format_label (latest);

      if (earliest == latest)
        /* Translators: how many hires of how many pay back, then the month */
        g_string_printf (paybacks, _("%u of %u, in %s"), n_paid, out->n_hires, from);
      else
        /* Translators: how many hires of how many pay back, then the first and last month */
        g_string_printf (paybacks, _("%u of %u, %s to %s"), n_paid, out->n_hires, from, to);
    }
  else if (out->n_hires > 0)
    g_string_assign (paybacks, _("none within the plan"));
  else
    g_string_assign (paybacks, "—");
  out->paybacks = g_string_free (paybacks, FALSE);
}

static void
update_comparison (SdHiringPage *self)
{
  g_autoptr(GArray) alt = g_array_new (FALSE, TRUE, sizeof (SdPlannedHire));
  g_autoptr(GError) error = NULL;
  Figures a, b;
  SdMonth first;
  const char *rows[] = {
    N_("Hires"), N_("Cost of the hires"), N_("Department pay cost"), N_("Revenue the hires add"),
    N_("Plan not covered"), N_("Months short"), N_("Pays back"),
  };

  g_clear_pointer (&self->alt_result, sd_hiring_result_free);
  clear_container (GTK_WIDGET (self->compare_grid));
  if (self->params == NULL || self->result == NULL)
    return;

  first = sd_hiring_params_get_first_month (self->params);
  for (guint i = 0; i < self->alt_lines->len; i++)
    {
      AltLine *line = g_ptr_array_index (self->alt_lines, i);
      guint index = gtk_drop_down_get_selected (line->month);
      int count = gtk_spin_button_get_value_as_int (line->count);

      if (index == GTK_INVALID_LIST_POSITION)
        continue;
      for (int k = 0; k < count; k++)
        {
          SdPlannedHire hire;

          sd_planned_hire_init (&hire, &self->settings, first + (SdMonth) index);
          hire.state = SD_HIRE_ACCEPTED;
          g_array_append_val (alt, hire);
        }
    }
  self->alt_result = sd_hiring_evaluate (self->params, (const SdPlannedHire *) (gconstpointer) alt->data,
                                         alt->len, &error);

  figures_of (self->result, &a);
  figures_of (self->alt_result, &b);

  gtk_grid_attach (self->compare_grid, cell ("", FALSE, TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->compare_grid, cell (_("Current schedule"), TRUE, TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->compare_grid, cell (_("Alternative"), TRUE, TRUE), 2, 0, 1, 1);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      Figures *f[2] = { &a, &b };

      gtk_grid_attach (self->compare_grid, cell (_(rows[r]), FALSE, FALSE), 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *text = NULL;

          if (c == 1 && self->alt_result == NULL)
            text = g_strdup (r == 0 && error != NULL ? error->message : "");
          else
            switch (r)
              {
              case 0: text = g_strdup_printf ("%u", f[c]->n_hires); break;
              case 1: text = money (f[c]->hires_cost); break;
              case 2: text = money (f[c]->total_cost); break;
              case 3: text = money (f[c]->revenue); break;
              case 4: text = money (f[c]->shortfall); break;
              case 5: text = g_strdup_printf ("%u", f[c]->months_short); break;
              default: text = g_strdup (f[c]->paybacks); break;
              }
          gtk_grid_attach (self->compare_grid, cell (text, TRUE, FALSE), (int) c + 1, (int) r + 1,
                           1, 1);
        }
    }
  pad_grid (self->compare_grid);
  g_free (a.paybacks);
  g_free (b.paybacks);
}

static void
fill_alt_months (SdHiringPage *self)
{
  guint n = self->params != NULL ? sd_hiring_params_get_n_months (self->params) : 0;
  SdMonth first = n > 0 ? sd_hiring_params_get_first_month (self->params) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->alt_months));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint m = 0; m < n; m++)
    g_ptr_array_add (labels, sd_month_format_label (first + (SdMonth) m));
  g_ptr_array_add (labels, NULL);
  /* The same months keep the lines' selections. */
  if (old == n && n > 0)
    {
      const char *first_label = gtk_string_list_get_string (self->alt_months, 0);

      if (g_strcmp0 (first_label, g_ptr_array_index (labels, 0)) == 0)
        return;
    }
  clear_alt_lines (self);
  gtk_string_list_splice (self->alt_months, 0, old, (const char * const *) labels->pdata);
}

/* ------------------------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------------------------ */

static guint
n_years (SdHiringPage *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->years_spin);
}

static void
clear_model (SdHiringPage *self)
{
  g_clear_pointer (&self->result, sd_hiring_result_free);
  g_clear_pointer (&self->alt_result, sd_hiring_result_free);
  g_clear_pointer (&self->params, sd_hiring_params_free);
  g_clear_pointer (&self->hires, g_array_unref);
}

static void
sd_hiring_page_reload (SdPage *page)
{
  SdHiringPage *self = SD_HIRING_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *year = g_strdup_printf ("%d", self->year);
  g_autofree char *from_history = NULL;
  gboolean stored = FALSE;
  GDate today;

  gtk_label_set_label (self->year_label, year);
  clear_model (self);

  if (store == NULL)
    {
      set_status (self, _("No company is open."));
      goto show;
    }

  if (!sd_store_load_hiring_settings (store, &self->settings, &stored, &error))
    {
      set_status (self, error->message);
      goto show;
    }
  fill_schemes (self);
  sd_context_get_today (sd_page_get_context (page), &today);
  /* Never entered: show the plan against the capacity history gives, until it is saved. */
  if (!stored)
    {
      SdMoney capacity = 0;
      guint n_samples = 0;

      if (sd_store_hiring_capacity_from_history (store, &self->settings,
                                                 sd_month_from_date (&today) - 1,
                                                 SD_HIRING_DEFAULT_HISTORY_MONTHS, &capacity,
                                                 &n_samples, NULL))
        {
          g_autofree char *shown = money (capacity);

          self->settings.capacity = capacity;
          g_free (from_history);
          /* Translators: the capacity, then how many manager-months it is the median of */
          from_history = g_strdup_printf (ngettext ("The capacity of a fully ramped manager is not set yet: shown with %s, the median of %u manager-month of history. Save the parameters to keep it, or enter another figure.",
                                                    "The capacity of a fully ramped manager is not set yet: shown with %s, the median of %u manager-months of history. Save the parameters to keep it, or enter another figure.",
                                                    n_samples),
                                          shown, n_samples);
        }
    }
  /* A change elsewhere (a hire accepted) keeps what is being typed in the form. */
  if (!self->form_filled || !sd_hiring_settings_equal (&self->form_settings, &self->settings))
    {
      fill_form (self, &self->settings);
      self->form_settings = self->settings;
      self->form_filled = TRUE;
      on_setting_changed (self);
    }

  self->params = sd_store_load_hiring_params (store, self->year, n_years (self),
                                              &self->settings, &today, &error);
  if (self->params == NULL)
    {
      set_status (self, error->message);
      goto show;
    }
  self->hires = sd_store_list_planned_hires (store, &error);
  if (self->hires == NULL)
    {
      set_status (self, error->message);
      goto show;
    }
  self->result = sd_hiring_evaluate (self->params,
                                     (const SdPlannedHire *) (gconstpointer) self->hires->data,
                                     self->hires->len, &error);
  if (self->result == NULL)
    {
      set_status (self, error->message);
      goto show;
    }
  if (sd_hiring_params_earliest_start (self->params) >=
      sd_hiring_params_get_first_month (self->params) +
      (SdMonth) sd_hiring_params_get_n_months (self->params))
    {
      g_autofree char *earliest = sd_month_format_label (sd_hiring_params_earliest_start (self->params));
      g_autofree char *text = NULL;

      /* Translators: %s is a month, "May 2027" */
      text = g_strdup_printf (_("A hire searched for from today starts in %s at the earliest, after these months: no hiring can change them. Plan the next year (Plan page) and look at it here."),
                              earliest);
      if (from_history != NULL)
        {
          g_autofree char *both = g_strconcat (from_history, "\n", text, NULL);

          set_status (self, both);
        }
      else
        set_status (self, text);
    }
  else if (from_history != NULL)
    set_status (self, from_history);
  else if (!stored)
    set_status (self, _("The capacity of a fully ramped manager is not set yet: enter it below or take it from history, then save the parameters."));
  else if (sd_hiring_params_get_n_months (self->params) < n_years (self) * 12)
    {
      g_autofree char *text = g_strdup_printf (_("Only %u months have a plan: the horizon ends there."),
                                               sd_hiring_params_get_n_months (self->params));

      set_status (self, text);
    }
  else
    set_status (self, NULL);
  if (self->selected >= (int) self->hires->len)
    self->selected = -1;
  /* Show some hire's payback from the start: the first one counted. */
  for (guint h = 0; self->selected < 0 && h < sd_hiring_result_get_n_hires (self->result); h++)
    if (sd_planned_hire_counts (sd_hiring_result_get_hire (self->result, h)))
      self->selected = (int) h;

show:
  gtk_widget_set_sensitive (GTK_WIDGET (self->propose_button), self->params != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_button), store != NULL);
  self->updating = TRUE;
  fill_hires_list (self);
  self->updating = FALSE;
  update_capacity_chart (self);
  update_payback_chart (self);
  fill_month_table (self);
  update_summary (self);
  fill_alt_months (self);
  if (self->alt_lines->len == 0 && self->params != NULL)
    add_alt_line (self, 1, earliest_index (self));
  update_comparison (self);
}

static void
sd_hiring_page_store_replaced (SdPage  *page,
                               SdStore *store)
{
  SdHiringPage *self = SD_HIRING_PAGE (page);

  g_clear_pointer (&self->proposal_message, g_free);
  self->form_filled = FALSE;
}

/* ------------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------------ */

static void
on_propose_clicked (SdHiringPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(SdHiringParams) params = NULL;
  g_autoptr(SdHiringResult) proposal = NULL;
  g_autoptr(GArray) hires = g_array_new (FALSE, TRUE, sizeof (SdPlannedHire));
  guint n_unreachable = 0, n_kept = 0;

  if (store == NULL || self->params == NULL)
    return;

  /* Accepted hires stay: the proposal counts them as people who will start on their day. */
  params = sd_hiring_params_copy (self->params);
  for (guint i = 0; self->hires != NULL && i < self->hires->len; i++)
    {
      const SdPlannedHire *hire = &g_array_index (self->hires, SdPlannedHire, i);

      if (hire->state == SD_HIRE_ACCEPTED || hire->state == SD_HIRE_EDITED)
        {
          sd_hiring_params_add_manager (params, -hire->id, &hire->start, NULL);
          n_kept++;
        }
    }
  proposal = sd_hiring_propose (params, &error);
  if (proposal == NULL)
    {
      set_status (self, error->message);
      return;
    }
  for (guint h = 0; h < sd_hiring_result_get_n_hires (proposal); h++)
    g_array_append_val (hires, *sd_hiring_result_get_hire (proposal, h));

  g_clear_pointer (&self->proposal_message, g_free);
  {
    g_autofree char *describe = sd_hiring_result_describe (proposal);

    if (n_kept > 0)
      /* Translators: how many accepted hires the proposal kept, then what it proposes */
      self->proposal_message = g_strdup_printf (ngettext ("Besides the %u accepted hire: %s",
                                                          "Besides the %u accepted hires: %s",
                                                          n_kept),
                                                n_kept, describe);
    else
      self->proposal_message = g_steal_pointer (&describe);
  }
  sd_hiring_result_get_unreachable (proposal, &n_unreachable);
  self->proposal_warns = n_unreachable > 0 || !sd_hiring_result_covers_plan (proposal);
  self->selected = -1;

  if (!sd_store_replace_proposed_hires (store,
                                        (const SdPlannedHire *) (gconstpointer) hires->data,
                                        hires->len, &error))
    {
      set_status (self, error->message);
      return;
    }
  /* Nothing changed in the file (the same proposal again): show the message anyway. */
  update_summary (self);
}

static void
on_prev_year (SdHiringPage *self)
{
  sd_hiring_page_set_year (self, self->year - 1);
}

static void
on_next_year (SdHiringPage *self)
{
  sd_hiring_page_set_year (self, self->year + 1);
}

static void
on_years_changed (SdHiringPage *self)
{
  g_clear_pointer (&self->proposal_message, g_free);
  sd_page_reload (SD_PAGE (self));
}

int
sd_hiring_page_get_year (SdHiringPage *self)
{
  g_return_val_if_fail (SD_IS_HIRING_PAGE (self), 0);
  return self->year;
}

void
sd_hiring_page_set_year (SdHiringPage *self,
                         int           year)
{
  g_return_if_fail (SD_IS_HIRING_PAGE (self));

  if (year < 1900 || year > 9999 || year == self->year)
    return;
  self->year = year;
  self->selected = -1;
  g_clear_pointer (&self->proposal_message, g_free);
  sd_page_reload (SD_PAGE (self));
}

/* ------------------------------------------------------------------------------------------
 * Object
 * ------------------------------------------------------------------------------------------ */

static void
sd_hiring_page_dispose (GObject *object)
{
  SdHiringPage *self = SD_HIRING_PAGE (object);

  /* The list unselects its row as it goes: nothing to redraw any more. */
  self->updating = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_HIRING_PAGE);

  G_OBJECT_CLASS (sd_hiring_page_parent_class)->dispose (object);
}

static void
sd_hiring_page_finalize (GObject *object)
{
  SdHiringPage *self = SD_HIRING_PAGE (object);

  clear_model (self);
  g_clear_pointer (&self->alt_lines, g_ptr_array_unref);
  g_clear_pointer (&self->scheme_ids, g_array_unref);
  g_clear_object (&self->alt_months);
  g_clear_pointer (&self->capacity_months, g_array_unref);
  g_clear_pointer (&self->payback_months, g_array_unref);
  g_free (self->proposal_message);

  G_OBJECT_CLASS (sd_hiring_page_parent_class)->finalize (object);
}

static void
sd_hiring_page_class_init (SdHiringPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->dispose = sd_hiring_page_dispose;
  object_class->finalize = sd_hiring_page_finalize;
  page_class->reload = sd_hiring_page_reload;
  page_class->store_replaced = sd_hiring_page_store_replaced;
  /* Expected payments do not enter the hiring plan. */
  page_class->reload_on = SD_STORE_CHANGED_COMPANY | SD_STORE_CHANGED_STAFF |
                          SD_STORE_CHANGED_FACTS | SD_STORE_CHANGED_PLAN |
                          SD_STORE_CHANGED_SETTINGS | SD_STORE_CHANGED_SCHEMES;
  /* A button in the hires list may be what changed the store. */
  page_class->reload_changes_at_idle = TRUE;

  g_type_ensure (SD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-hiring-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, years_spin);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, propose_button);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, capacity_chart);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, hires_list);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, payback_title);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, payback_chart);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, alt_box);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, compare_grid);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, capacity_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, ramp_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, attrition_spin);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, time_spin);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, pay_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, scheme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, contributions_spin);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, hiring_cost_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, onboarding_entry);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, margin_spin);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, settings_error);
  gtk_widget_class_bind_template_child (widget_class, SdHiringPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_prev_year);
  gtk_widget_class_bind_template_callback (widget_class, on_next_year);
  gtk_widget_class_bind_template_callback (widget_class, on_years_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_propose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_hire_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_alt_add);
  gtk_widget_class_bind_template_callback (widget_class, on_alt_copy);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_history_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_settings);
  gtk_widget_class_bind_template_callback (widget_class, on_scheme_selected);
}

static void
sd_hiring_page_init (SdHiringPage *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
  self->selected = -1;
  self->alt_lines = g_ptr_array_new_with_free_func (alt_line_free);
  self->scheme_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->alt_months = gtk_string_list_new (NULL);
  self->capacity_months = g_array_new (FALSE, TRUE, sizeof (SdChartCapacityMonth));
  self->payback_months = g_array_new (FALSE, TRUE, sizeof (SdChartPaybackMonth));
  sd_hiring_settings_init (&self->settings);

  sd_chart_view_set_chart (self->capacity_chart, draw_capacity, hit_capacity, describe_capacity,
                           0, self, NULL);
  sd_chart_view_set_chart (self->payback_chart, draw_payback, hit_payback, describe_payback, 0,
                           self, NULL);
}

GtkWidget *
sd_hiring_page_new (SdContext *context)
{
  SdHiringPage *self;
  SdStore *store;
  GDate today;

  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  self = g_object_new (SD_TYPE_HIRING_PAGE, "context", context, NULL);
  store = sd_page_get_store (SD_PAGE (self));
  sd_context_get_today (context, &today);
  self->year = g_date_get_year (&today);

  /* Late in the year nobody can start before January: show next year when it has a plan. */
  if (store != NULL && g_date_get_month (&today) >= 11)
    {
      g_autoptr(SdPlanVersion) next = sd_store_get_current_plan_version (store,
                                                                        self->year + 1, NULL);

      if (next != NULL)
        self->year++;
    }

  return GTK_WIDGET (self);
}
