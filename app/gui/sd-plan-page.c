/* sd-plan-page.c — the sales plan of a year: versions, parameters, months × managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-plan-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-import-dialog.h"
#include "sd-plan-page.h"
#include "sd-version-dialog.h"

/* ------------------------------------------------------------------------------------------
 * The grid model: the plan of one version
 * ------------------------------------------------------------------------------------------ */

#define SD_TYPE_PLAN_MODEL (sd_plan_model_get_type ())
G_DECLARE_FINAL_TYPE (SdPlanModel, sd_plan_model, SD, PLAN_MODEL, GObject)

struct _SdPlanModel
{
  GObject       parent_instance;

  SdStore      *store;
  gint64        version_id;
  SdPlanParams *params;
  SdPlan       *plan;
  GPtrArray    *names;       /* manager names, by plan index */
  gboolean      show_rest;
  /* Set while we write, so the store's "changed" does not reload what we already have. */
  gboolean      saving;
};

static void sd_plan_model_iface_init (SdGridModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SdPlanModel, sd_plan_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SD_TYPE_GRID_MODEL,
                                                      sd_plan_model_iface_init))

#define YEAR_COLUMN 12

static char *
format_money (SdMoney value)
{
  if (value % 100 == 0)
    return sd_money_format_whole (value, sd_number_style_current (), NULL);
  return sd_money_format (value, sd_number_style_current (), NULL);
}

static guint
plan_n_managers (SdPlanModel *self)
{
  return self->plan != NULL ? sd_plan_get_n_managers (self->plan) : 0;
}

static gboolean
plan_has_rest (const SdPlan *plan)
{
  for (int m = 0; m <= 12; m++)
    if (sd_plan_rest (plan, m) != 0)
      return TRUE;
  return FALSE;
}

static guint
plan_get_n_rows (SdGridModel *model)
{
  SdPlanModel *self = SD_PLAN_MODEL (model);

  if (self->plan == NULL)
    return 0;
  return 1 + plan_n_managers (self) + (self->show_rest ? 1 : 0);
}

static guint
plan_get_n_columns (SdGridModel *model)
{
  return SD_PLAN_MODEL (model)->plan != NULL ? 13 : 0;
}

static char *
plan_dup_row_title (SdGridModel *model,
                    guint        row)
{
  SdPlanModel *self = SD_PLAN_MODEL (model);

  if (row == 0)
    return g_strdup (_("Department target"));
  if (row <= plan_n_managers (self))
    return g_strdup (g_ptr_array_index (self->names, row - 1));
  /* Translators: the row of what hand edits left over (or took too much) in each month. */
  return g_strdup (_("Rest after hand edits"));
}

static char *
plan_dup_column_title (SdGridModel *model,
                       guint        column)
{
  SdPlanModel *self = SD_PLAN_MODEL (model);

  if (column == YEAR_COLUMN)
    return g_strdup (_("Year"));
  return sd_month_format_short (sd_month_make (sd_plan_get_year (self->plan), column + 1));
}

static SdMoney
plan_value (SdPlanModel *self,
            guint        row,
            guint        column)
{
  int month = column == YEAR_COLUMN ? 0 : (int) column + 1;
  guint n = plan_n_managers (self);

  if (row == 0)
    return month == 0 ? sd_plan_get_target (self->plan) : sd_plan_get_month_target (self->plan, month);
  if (row <= n)
    return month == 0 ? sd_plan_get_manager_total (self->plan, row - 1)
                      : sd_plan_get_cell (self->plan, month, row - 1);
  return sd_plan_rest (self->plan, month);
}

static char *
plan_dup_text (SdGridModel *model,
               guint        row,
               guint        column)
{
  return format_money (plan_value (SD_PLAN_MODEL (model), row, column));
}

static SdGridCellFlags
plan_get_flags (SdGridModel *model,
                guint        row,
                guint        column)
{
  SdPlanModel *self = SD_PLAN_MODEL (model);
  guint n = plan_n_managers (self);
  int month = (int) column + 1;

  if (column == YEAR_COLUMN)
    return SD_GRID_CELL_TOTAL;
  if (row == 0)
    return SD_GRID_CELL_EDITABLE |
           (sd_plan_month_target_is_edited (self->plan, month) ? SD_GRID_CELL_EDITED : 0);
  if (row <= n)
    return SD_GRID_CELL_EDITABLE |
           (sd_plan_cell_is_edited (self->plan, month, row - 1) ? SD_GRID_CELL_EDITED : 0);
  return sd_plan_rest (self->plan, month) != 0 ? SD_GRID_CELL_WARNING : 0;
}

static gboolean
plan_save (SdPlanModel  *self,
           SdPlan       *plan,
           const char   *label,
           GError      **error)
{
  gboolean ok;

  self->saving = TRUE;
  ok = sd_store_save_plan (self->store, self->version_id, self->params, plan, label, error);
  self->saving = FALSE;
  return ok;
}

/* Replaces the plan by an edited copy and shows it. */
static void
plan_take (SdPlanModel *self,
           SdPlan      *plan)
{
  g_clear_pointer (&self->plan, sd_plan_free);
  self->plan = plan;
  self->show_rest = plan_has_rest (plan);
  sd_grid_model_changed (SD_GRID_MODEL (self));
}

static gboolean
plan_set_cells (SdGridModel      *model,
                const SdGridEdit *edits,
                guint             n_edits,
                guint            *bad_index,
                GError          **error)
{
  SdPlanModel *self = SD_PLAN_MODEL (model);
  g_autoptr(SdPlan) plan = NULL;
  g_autofree char *label = NULL;
  guint n = plan_n_managers (self);

  if (self->plan == NULL || self->store == NULL)
    return FALSE;

  plan = sd_plan_copy (self->plan);
  for (guint i = 0; i < n_edits; i++)
    {
      const SdGridEdit *edit = &edits[i];
      int month = (int) edit->column + 1;
      SdMoney value = 0;

      *bad_index = i;
      if (edit->column >= YEAR_COLUMN || edit->row > n)
        {
          g_set_error_literal (error, SD_GRID_ERROR, SD_GRID_ERROR_READ_ONLY,
                               _("Totals and the rest are computed; change the months' figures instead."));
          return FALSE;
        }
      if (edit->text != NULL && !sd_money_parse (edit->text, &value, error))
        return FALSE;

      if (edit->row == 0 && edit->text == NULL)
        sd_plan_reset_month_target (plan, month);
      else if (edit->row == 0 && !sd_plan_set_month_target (plan, month, value, error))
        return FALSE;
      else if (edit->row > 0 && edit->text == NULL)
        sd_plan_reset_cell (plan, month, edit->row - 1);
      else if (edit->row > 0 && !sd_plan_set_cell (plan, month, edit->row - 1, value, error))
        return FALSE;
    }
  *bad_index = G_MAXUINT;

  if (!sd_plan_recompute (plan, self->params, error))
    return FALSE;

  if (n_edits == 1)
    {
      g_autofree char *month = sd_month_format_label (sd_month_make (sd_plan_get_year (plan),
                                                                     edits[0].column + 1));
      /* Translators: an undo step; %s is a month and year, "March 2026". */
      label = g_strdup_printf (_("Edit plan for %s"), month);
    }
  else
    label = g_strdup (_("Paste into plan"));

  if (!plan_save (self, plan, label, error))
    return FALSE;

  plan_take (self, g_steal_pointer (&plan));
  return TRUE;
}

static void
sd_plan_model_iface_init (SdGridModelInterface *iface)
{
  iface->get_n_rows = plan_get_n_rows;
  iface->get_n_columns = plan_get_n_columns;
  iface->dup_row_title = plan_dup_row_title;
  iface->dup_column_title = plan_dup_column_title;
  iface->dup_text = plan_dup_text;
  iface->get_flags = plan_get_flags;
  iface->set_cells = plan_set_cells;
}

static void
plan_model_clear (SdPlanModel *self)
{
  g_clear_object (&self->store);
  g_clear_pointer (&self->params, sd_plan_params_free);
  g_clear_pointer (&self->plan, sd_plan_free);
  g_ptr_array_set_size (self->names, 0);
  self->version_id = 0;
  self->show_rest = FALSE;
}

static void
sd_plan_model_finalize (GObject *object)
{
  SdPlanModel *self = SD_PLAN_MODEL (object);

  plan_model_clear (self);
  g_ptr_array_unref (self->names);

  G_OBJECT_CLASS (sd_plan_model_parent_class)->finalize (object);
}

static void
sd_plan_model_class_init (SdPlanModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_plan_model_finalize;
}

static void
sd_plan_model_init (SdPlanModel *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------------------------------------------
 * The page
 * ------------------------------------------------------------------------------------------ */

struct _SdPlanPage
{
  SdPage           parent_instance;

  SdPlanModel     *model;
  GPtrArray       *versions;        /* SdPlanVersion of the year shown */
  gint64           version_id;
  int              year;
  gboolean         filling;
  char            *funnel_text;

  /* Template children */
  GtkSpinButton   *year_spin;
  GtkDropDown     *version_dropdown;
  GtkStringList   *version_names;
  GtkLabel        *state_label;
  GtkStack        *content_stack;
  GtkInfoBar      *approved_bar;
  GtkLabel        *approved_label;
  AdwExpanderRow  *params_expander;
  AdwComboRow     *target_kind_row;
  AdwEntryRow     *target_row;
  AdwEntryRow     *growth_row;
  AdwComboRow     *weights_kind_row;
  AdwEntryRow     *weights_row;
  GtkSwitch       *working_days_switch;
  AdwEntryRow     *ramp_row;
  AdwEntryRow     *average_deal_row;
  AdwEntryRow     *conversion_row;
  GtkLabel        *params_error_label;
  GtkLabel        *funnel_label;
  SdGrid          *grid;
};

G_DEFINE_FINAL_TYPE (SdPlanPage, sd_plan_page, SD_TYPE_PAGE)

static const SdPlanVersion *
get_version (SdPlanPage *self)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const SdPlanVersion *version = g_ptr_array_index (self->versions, i);

      if (version->id == self->version_id)
        return version;
    }
  return NULL;
}

static gboolean
is_draft (SdPlanPage *self)
{
  const SdPlanVersion *version = get_version (self);

  return version != NULL && version->state == SD_PLAN_STATE_DRAFT;
}

static void
add_toast (SdPlanPage *self,
           const char *title,
           gboolean    undo_button)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  if (undo_button)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* An error the user should read: in a toast inside a window, else on the console. */
static void
show_error (SdPlanPage   *self,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) != NULL)
    add_toast (self, escaped, FALSE);
  else
    g_message ("%s", error->message);
}

static void
update_actions (SdPlanPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  const SdPlanVersion *version = get_version (self);
  gboolean draft = version != NULL && version->state == SD_PLAN_STATE_DRAFT;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "plan.new-version", store != NULL);
  gtk_widget_action_set_enabled (widget, "plan.new-revision", version != NULL);
  gtk_widget_action_set_enabled (widget, "plan.approve", draft);
  gtk_widget_action_set_enabled (widget, "plan.make-current", version != NULL && !version->current);
  gtk_widget_action_set_enabled (widget, "plan.rename", version != NULL);
  gtk_widget_action_set_enabled (widget, "plan.delete", draft && !version->current);
  gtk_widget_action_set_enabled (widget, "plan.compare",
                                 version != NULL && self->versions->len > 1);
  gtk_widget_action_set_enabled (widget, "plan.respread", draft);
  gtk_widget_action_set_enabled (widget, "plan.reset-edits", draft);
  gtk_widget_action_set_enabled (widget, "plan.apply-params", draft);
  gtk_widget_action_set_enabled (widget, "plan.manager-params", draft);
}

static void
update_funnel (SdPlanPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autofree char *text = NULL;
  guint row = 0, column = 0;
  gint64 deals = 0, leads = 0;
  int month;

  if (self->model->plan == NULL)
    {
      gtk_label_set_text (self->funnel_label, "");
      return;
    }

  if (!sd_grid_get_cursor (self->grid, &row, &column) || column >= YEAR_COLUMN)
    column = 0;
  month = (int) column + 1;

  if (sd_plan_get_month_funnel (self->model->plan, month, &deals, &leads))
    {
      g_autofree char *month_name = sd_month_format_label (sd_month_make (self->year, month));
      g_autofree char *money = sd_money_format_whole (sd_plan_get_month_target (self->model->plan, month),
                                                      sd_number_style_current (),
                                                      sd_currency_symbol (sd_store_get_currency (store)));
      g_autofree char *leads_n = g_strdup_printf ("%" G_GINT64_FORMAT, leads);
      g_autofree char *deals_n = g_strdup_printf ("%" G_GINT64_FORMAT, deals);
      /* Translators: %s is a number of sales leads. */
      g_autofree char *leads_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s lead", "%s leads", (gulong) MIN (leads, G_MAXLONG)), leads_n);
      /* Translators: %s is a number of closed deals. */
      g_autofree char *deals_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal", "%s deals", (gulong) MIN (deals, G_MAXLONG)), deals_n);

      /* Translators: "March 2026: to make 12 000 000 ₽ you need 411 leads and 96 deals". */
      text = g_strdup_printf (_("%s: to make %s you need %s and %s"),
                              month_name, money, leads_text, deals_text);
    }
  else
    text = g_strdup (_("Set the average deal and the conversion in the parameters to see how many leads and deals each month needs."));

  gtk_label_set_text (self->funnel_label, text);
  g_free (self->funnel_text);
  self->funnel_text = g_steal_pointer (&text);
}

static void
on_grid_cursor_changed (SdPlanPage *self)
{
  update_funnel (self);
}

static char *
format_bp_as_percent (gint64 bp)
{
  /* sd_money_format renders hundredths, which is what basis points are of a percent. */
  if (bp % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, bp / 100);
  return sd_money_format (bp, sd_number_style_current (), NULL);
}

static void
fill_params (SdPlanPage *self)
{
  const SdPlanParams *params = self->model->params;
  g_autofree char *target = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *deal_text = NULL;
  g_autofree char *conversion_text = NULL;
  g_autoptr(GString) weights_text = g_string_new (NULL);
  g_autoptr(GString) ramp_text = g_string_new (NULL);
  gint64 weights[12];
  const int *ramp;
  gsize n_ramp;
  SdMoney deal;
  gint64 conversion;

  if (params == NULL)
    return;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->target_kind_row,
                              sd_plan_params_get_target_kind (params) == SD_PLAN_TARGET_GROWTH ? 1 : 0);
  target = format_money (sd_plan_params_get_target (params));
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), target);
  growth = format_bp_as_percent (sd_plan_params_get_growth (params));
  gtk_editable_set_text (GTK_EDITABLE (self->growth_row), growth);

  adw_combo_row_set_selected (self->weights_kind_row,
                              sd_plan_params_get_weights_kind (params) == SD_PLAN_WEIGHTS_CUSTOM ? 1 : 0);
  sd_plan_params_get_month_weights (params, weights);
  for (int m = 0; m < 12; m++)
    g_string_append_printf (weights_text, m > 0 ? " %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                            weights[m]);
  gtk_editable_set_text (GTK_EDITABLE (self->weights_row), weights_text->str);

  gtk_switch_set_active (self->working_days_switch,
                         sd_plan_params_get_adjust_for_working_days (params));

  ramp = sd_plan_params_get_ramp_up (params, &n_ramp);
  for (gsize i = 0; i < n_ramp; i++)
    g_string_append_printf (ramp_text, i > 0 ? " %d" : "%d", ramp[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->ramp_row), ramp_text->str);

  sd_plan_params_get_funnel (params, &deal, &conversion);
  deal_text = format_money (deal);
  conversion_text = format_bp_as_percent (conversion);
  gtk_editable_set_text (GTK_EDITABLE (self->average_deal_row), deal_text);
  gtk_editable_set_text (GTK_EDITABLE (self->conversion_row), conversion_text);

  gtk_widget_set_visible (GTK_WIDGET (self->params_error_label), FALSE);
  self->filling = FALSE;
}

static void
on_param_kind_changed (SdPlanPage *self)
{
  gboolean growth = adw_combo_row_get_selected (self->target_kind_row) == 1;
  gboolean custom = adw_combo_row_get_selected (self->weights_kind_row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->target_row), !growth);
  gtk_widget_set_visible (GTK_WIDGET (self->growth_row), growth);
  gtk_widget_set_visible (GTK_WIDGET (self->weights_row), custom);
}

/* Shows the version self->version_id (the model is loaded from the file). */
static void
load_version (SdPlanPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  const SdPlanVersion *version = get_version (self);
  SdPlanModel *model = self->model;

  if (version == NULL)
    return;

  plan = sd_store_load_plan (store, version->id, sd_context_get_calendar (context), &params,
                             &error);
  if (plan != NULL)
    staff = sd_store_list_staff (store, TRUE, &error);
  if (plan == NULL || staff == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&model->store, store);
  model->version_id = version->id;
  g_clear_pointer (&model->params, sd_plan_params_free);
  model->params = g_steal_pointer (&params);
  g_ptr_array_set_size (model->names, 0);
  for (guint i = 0; i < sd_plan_get_n_managers (plan); i++)
    {
      gint64 id = sd_plan_get_manager_id (plan, i);
      char *name = NULL;

      for (guint k = 0; k < staff->len && name == NULL; k++)
        {
          const SdStaffMember *member = g_ptr_array_index (staff, k);

          if (member->id == id)
            name = g_strdup (member->name);
        }
      g_ptr_array_add (model->names, name ? name : g_strdup_printf ("#%" G_GINT64_FORMAT, id));
    }

  sd_grid_set_read_only (self->grid, version->state != SD_PLAN_STATE_DRAFT);
  plan_take (model, g_steal_pointer (&plan));
  /* The model changed under the grid (or is new to it). */
  if (sd_grid_get_model (self->grid) == NULL)
    sd_grid_set_model (self->grid, SD_GRID_MODEL (model));

  if (version->state != SD_PLAN_STATE_DRAFT)
    {
      g_autofree char *text = NULL;

      if (version->state == SD_PLAN_STATE_APPROVED)
        text = g_strdup (_("This plan is approved, so its figures cannot be changed. To change them, start a revision: a draft copy you can edit and approve."));
      else
        text = g_strdup (_("This version was replaced by a newer approved plan and cannot be changed. Start a revision to work from it."));
      gtk_label_set_text (self->approved_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->approved_bar), version->state != SD_PLAN_STATE_DRAFT);

  {
    g_autofree char *state = NULL;

    if (version->current)
      /* Translators: the state of the plan version shown: "Draft, current". */
      state = g_strdup_printf (_("%s, current"), sd_plan_state_to_string (version->state));
    else
      state = g_strdup (sd_plan_state_to_string (version->state));
    gtk_label_set_text (self->state_label, state);
  }

  fill_params (self);
  on_param_kind_changed (self);
  update_funnel (self);
}

static void
sd_plan_page_reload (SdPage *page)
{
  SdPlanPage *self = SD_PLAN_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  gint64 current = 0;

  g_clear_pointer (&self->versions, g_ptr_array_unref);

  if (store == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "no-company");
      self->version_id = 0;
      update_actions (self);
      return;
    }

  versions = sd_store_list_plan_versions (store, self->year, &error);
  if (versions == NULL)
    {
      show_error (self, error);
      versions = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_plan_version_free);
    }
  self->versions = g_steal_pointer (&versions);

  self->filling = TRUE;
  gtk_string_list_splice (self->version_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->version_names)), NULL);
  for (guint i = 0; i < self->versions->len; i++)
    {
      const SdPlanVersion *version = g_ptr_array_index (self->versions, i);
      g_autofree char *label = NULL;

      /* Translators: a plan version in the selector: "Plan 2026 (Base)"; ✓ marks the current. */
      label = g_strdup_printf (_("%s (%s)%s"), version->name,
                               sd_scenario_to_string (version->scenario),
                               version->current ? " ✓" : "");
      gtk_string_list_append (self->version_names, label);
      if (version->id == self->version_id)
        selected = i;
      if (version->current)
        current = i + 1;
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->versions->len > 0)
    selected = current > 0 ? (guint) current - 1 : 0;
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      gtk_drop_down_set_selected (self->version_dropdown, selected);
      self->version_id = ((SdPlanVersion *) g_ptr_array_index (self->versions, selected))->id;
    }
  else
    self->version_id = 0;
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->content_stack, self->version_id != 0 ? "plan" : "empty");
  if (self->version_id != 0)
    load_version (self);
  update_actions (self);
}

static void
on_version_selected (SdPlanPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);

  if (self->filling || self->versions == NULL || selected >= self->versions->len)
    return;
  self->version_id = ((SdPlanVersion *) g_ptr_array_index (self->versions, selected))->id;
  load_version (self);
  update_actions (self);
}

static void
on_year_changed (SdPlanPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (year == self->year)
    return;
  self->year = year;
  self->version_id = 0;
  sd_page_reload (SD_PAGE (self));
}

static void
sd_plan_page_store_changed (SdPage *page,
                            guint   what)
{
  /* Our own save: the model already shows it. */
  if (SD_PLAN_PAGE (page)->model->saving)
    return;
  SD_PAGE_CLASS (sd_plan_page_parent_class)->store_changed (page, what);
}

static void
sd_plan_page_store_replaced (SdPage  *page,
                             SdStore *store)
{
  SdPlanPage *self = SD_PLAN_PAGE (page);

  self->version_id = 0;
  plan_model_clear (self->model);
  sd_grid_model_changed (SD_GRID_MODEL (self->model));
}

/* --- version actions --- */

static GtkWindow *
get_window (SdPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_new_version_response (SdVersionDialog *dialog,
                         const char      *response,
                         SdPlanPage      *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 copy_from = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "copy-from")) != 0
                     ? self->version_id : 0;
  gint64 id;

  if (g_strcmp0 (response, "accept") != 0 || store == NULL)
    return;

  name = sd_version_dialog_dup_name (dialog);
  id = sd_store_create_plan_version (store, self->year, name,
                                     sd_version_dialog_get_scenario (dialog), copy_from, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }
  self->version_id = id;
  sd_page_reload (SD_PAGE (self));
}

static void
ask_new_version (SdPlanPage *self,
                 gboolean    revision)
{
  const SdPlanVersion *version = get_version (self);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (sd_page_get_store (SD_PAGE (self)) == NULL || (revision && version == NULL))
    return;

  if (revision)
    /* Translators: the proposed name of a revision of the plan version %s. */
    name = g_strdup_printf (_("%s, revision"), version->name);
  else if (self->versions == NULL || self->versions->len == 0)
    /* Translators: the proposed name of the first plan of a year. */
    name = g_strdup_printf (_("Plan %d"), self->year);
  else
    /* Translators: the proposed name of another plan version of a year, "Plan 2026, version 2". */
    name = g_strdup_printf (_("Plan %d, version %u"), self->year, self->versions->len + 1);

  dialog = sd_version_dialog_new (get_window (self),
                                  revision ? _("New Revision") : _("New Plan Version"),
                                  _("_Create"), name,
                                  revision ? version->scenario : SD_SCENARIO_BASE, TRUE);
  g_object_set_data (G_OBJECT (dialog), "copy-from", GINT_TO_POINTER (revision ? 1 : 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_version_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  SdImportDialog *dialog;

  dialog = sd_import_dialog_new (context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 SD_IMPORT_PLAN);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ask_new_version (SD_PLAN_PAGE (widget), FALSE);
}

static void
new_revision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ask_new_version (SD_PLAN_PAGE (widget), TRUE);
}

static void
on_approve_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SdPlanPage       *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "approve") != 0 || store == NULL || self->version_id == 0)
    return;
  if (!sd_store_approve_plan_version (store, self->version_id, &error))
    show_error (self, error);
  else
    add_toast (self, _("Plan approved"), TRUE);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  const SdPlanVersion *version = get_version (self);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (version == NULL || version->state != SD_PLAN_STATE_DRAFT)
    return;

  /* Translators: %s is the name of a plan version. */
  heading = g_strdup_printf (_("Approve «%s»?"), version->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading,
                                                       _("The approved plan becomes the one plan vs fact, the forecast and reports use. Its figures can no longer be changed; to change them later, start a revision.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "approve");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
make_current_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || self->version_id == 0)
    return;
  if (!sd_store_make_plan_version_current (store, self->version_id, &error))
    show_error (self, error);
}

static void
on_rename_response (SdVersionDialog *dialog,
                    const char      *response,
                    SdPlanPage      *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "accept") != 0 || store == NULL || self->version_id == 0)
    return;
  name = sd_version_dialog_dup_name (dialog);
  if (!sd_store_rename_plan_version (store, self->version_id, name, &error))
    show_error (self, error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  const SdPlanVersion *version = get_version (self);
  GtkWidget *dialog;

  if (version == NULL)
    return;
  dialog = sd_version_dialog_new (get_window (self), _("Rename Version"), _("_Rename"),
                                  version->name, version->scenario, FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SdPlanPage       *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || store == NULL || self->version_id == 0)
    return;
  if (!sd_store_delete_plan_version (store, self->version_id, &error))
    show_error (self, error);
  else
    add_toast (self, _("Draft deleted"), TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  const SdPlanVersion *version = get_version (self);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (version == NULL || version->state != SD_PLAN_STATE_DRAFT || version->current)
    return;
  /* Translators: %s is the name of a plan version. */
  heading = g_strdup_printf (_("Delete «%s»?"), version->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading,
                                                       _("The draft and its figures are removed. You can undo this until you close the file.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_compare_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SdPlanPage       *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkWidget *window;

  if (g_strcmp0 (response, "compare") != 0 || store == NULL || selected >= ids->len)
    return;
  window = sd_compare_window_new (get_window (self), store, self->version_id,
                                  g_array_index (ids, gint64, selected), &error);
  if (window == NULL)
    show_error (self, error);
  else
    gtk_window_present (GTK_WINDOW (window));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  const SdPlanVersion *version = get_version (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  if (version == NULL)
    {
      g_array_unref (ids);
      return;
    }
  for (guint i = 0; i < self->versions->len; i++)
    {
      const SdPlanVersion *other = g_ptr_array_index (self->versions, i);

      if (other->id == version->id)
        continue;
      gtk_string_list_append (names, other->name);
      g_array_append_val (ids, other->id);
    }

  /* Translators: %s is the name of a plan version. */
  heading = g_strdup_printf (_("Compare «%s» With"), version->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading,
                                                       _("Every month and manager is shown with both figures and the difference.")));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "compare", _("C_ompare"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "compare");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_compare_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- editing the plan as a whole --- */

static int
cursor_month (SdPlanPage *self)
{
  guint row, column;

  if (!sd_grid_get_cursor (self->grid, &row, &column) || column >= YEAR_COLUMN)
    return 0;
  return (int) column + 1;
}

static void
save_whole (SdPlanPage   *self,
            SdPlan       *plan,
            const char   *label)
{
  g_autoptr(GError) error = NULL;

  if (!sd_plan_recompute (plan, self->model->params, &error) ||
      !plan_save (self->model, plan, label, &error))
    {
      sd_plan_free (plan);
      show_error (self, error);
      return;
    }
  plan_take (self->model, plan);
  update_funnel (self);
}

static char *
month_undo_label (SdPlanPage *self,
                  const char *year_format,
                  const char *month_format,
                  int         month)
{
  g_autofree char *name = NULL;

  if (month == 0)
    return g_strdup (year_format);
  name = sd_month_format_label (sd_month_make (self->year, month));
  return g_strdup_printf (month_format, name);
}

static void
respread_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  int month = cursor_month (self);
  SdPlan *plan;

  if (self->model->plan == NULL || !is_draft (self))
    return;
  plan = sd_plan_copy (self->model->plan);
  if (!sd_plan_respread (plan, month, &error))
    {
      sd_plan_free (plan);
      show_error (self, error);
      return;
    }
  /* Translators: undo steps; %s is a month and year. */
  label = month_undo_label (self, _("Spread the rest of the year"), _("Spread the rest of %s"), month);
  save_whole (self, plan, label);
}

static void
reset_edits_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  g_autofree char *label = NULL;
  int month = cursor_month (self);
  SdPlan *plan;

  if (self->model->plan == NULL || !is_draft (self))
    return;
  plan = sd_plan_copy (self->model->plan);
  sd_plan_reset_edits (plan, month);
  /* Translators: undo steps; %s is a month and year. */
  label = month_undo_label (self, _("Reset plan edits"), _("Reset plan edits of %s"), month);
  save_whole (self, plan, label);
}

/* Splits "0 30 60 100", "0/30/60/100" or "0; 30; 60; 100" into integers. */
static GArray *
parse_int_list (const char  *text,
                const char  *what,
                GError     **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) parts = g_strsplit_set (text, " \t;/,%", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 value;

      if (parts[i][0] == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, 0, G_MAXINT32, &value, NULL))
        {
          /* Translators: the first %s names a field, the second is what was typed. */
          g_set_error (error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE,
                       _("%s: «%s» is not a whole number of zero or more. Type numbers separated by spaces."),
                       what, parts[i]);
          return NULL;
        }
      g_array_append_val (values, value);
    }
  return g_steal_pointer (&values);
}

static gboolean
parse_percent (const char  *text,
               const char  *what,
               gint64      *out_bp,
               GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GError) local = NULL;
  gsize len = strlen (copy);

  if (len > 0 && copy[len - 1] == '%')
    copy[len - 1] = '\0';
  /* A percent with two decimals is a number of basis points, as money is of kopecks. */
  if (!sd_money_parse (copy, out_bp, &local))
    {
      /* Translators: the first %s names a field, the second is the reason. */
      g_set_error (error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE, _("%s: %s"), what, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_money_field (const char  *text,
                   const char  *what,
                   SdMoney     *out,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!sd_money_parse (text, out, &local))
    {
      g_set_error (error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE, _("%s: %s"), what, local->message);
      return FALSE;
    }
  return TRUE;
}

static SdPlanParams *
params_from_form (SdPlanPage  *self,
                  GError     **error)
{
  g_autoptr(SdPlanParams) params = sd_plan_params_copy (self->model->params);
  g_autoptr(GArray) ramp = NULL;
  SdMoney deal;
  gint64 conversion;

  if (adw_combo_row_get_selected (self->target_kind_row) == 1)
    {
      gint64 growth;

      if (!parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->growth_row)),
                          _("Growth over last year"), &growth, error))
        return NULL;
      sd_plan_params_set_growth (params, growth);
    }
  else
    {
      SdMoney target;

      if (!parse_money_field (gtk_editable_get_text (GTK_EDITABLE (self->target_row)),
                              _("Target for the year"), &target, error))
        return NULL;
      sd_plan_params_set_target (params, target);
    }

  if (adw_combo_row_get_selected (self->weights_kind_row) == 1)
    {
      g_autoptr(GArray) weights = parse_int_list (gtk_editable_get_text (GTK_EDITABLE (self->weights_row)),
                                                  _("Month weights"), error);
      gint64 values[12];

      if (weights == NULL)
        return NULL;
      if (weights->len != 12)
        {
          g_set_error (error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE,
                       _("Month weights: type twelve numbers, one for each month from January, separated by spaces (you typed %u)."),
                       weights->len);
          return NULL;
        }
      for (int m = 0; m < 12; m++)
        values[m] = g_array_index (weights, gint64, m);
      sd_plan_params_set_month_weights (params, values);
    }
  else
    sd_plan_params_use_last_year_shape (params);

  sd_plan_params_set_adjust_for_working_days (params, gtk_switch_get_active (self->working_days_switch));

  ramp = parse_int_list (gtk_editable_get_text (GTK_EDITABLE (self->ramp_row)),
                         _("Ramp-up"), error);
  if (ramp == NULL)
    return NULL;
  {
    g_autofree int *steps = g_new0 (int, MAX (ramp->len, 1));

    for (guint i = 0; i < ramp->len; i++)
      steps[i] = (int) g_array_index (ramp, gint64, i);
    sd_plan_params_set_ramp_up (params, steps, ramp->len);
  }

  if (!parse_money_field (gtk_editable_get_text (GTK_EDITABLE (self->average_deal_row)),
                          _("Average deal"), &deal, error) ||
      !parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->conversion_row)),
                      _("Conversion"), &conversion, error))
    return NULL;
  sd_plan_params_set_funnel (params, deal, conversion);

  if (!sd_plan_params_validate (params, error))
    return NULL;
  return g_steal_pointer (&params);
}

static void
apply_params_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  SdPlanParams *old;

  if (self->model->plan == NULL || !is_draft (self))
    return;

  params = params_from_form (self, &error);
  plan = params != NULL ? sd_plan_copy (self->model->plan) : NULL;
  if (params == NULL || !sd_plan_recompute (plan, params, &error))
    {
      gtk_label_set_text (self->params_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->params_error_label), TRUE);
      return;
    }

  /* The store writes the params with the plan: swap them in, back out on failure. */
  old = self->model->params;
  self->model->params = params;
  if (!plan_save (self->model, plan, _("Change plan parameters"), &error))
    {
      self->model->params = old;
      gtk_label_set_text (self->params_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->params_error_label), TRUE);
      return;
    }
  g_steal_pointer (&params);
  sd_plan_params_free (old);
  gtk_widget_set_visible (GTK_WIDGET (self->params_error_label), FALSE);
  plan_take (self->model, g_steal_pointer (&plan));
  update_funnel (self);
  add_toast (self, _("Plan recomputed"), TRUE);
}

/* --- one manager's inputs --- */

typedef struct {
  guint       index;
  GtkWidget  *weight;
  GtkWidget  *vacation;
  GtkWidget  *deal;
  GtkWidget  *conversion;
} ManagerForm;

static void
manager_form_free (ManagerForm *form)
{
  g_free (form);
}

static void
on_manager_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SdPlanPage       *self)
{
  ManagerForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(GArray) weight = NULL;
  g_autoptr(GArray) vacation = NULL;
  SdPlanParams *old;
  SdMoney deal = 0;
  gint64 conversion = 0;
  const char *deal_text, *conversion_text;

  if (g_strcmp0 (response, "apply") != 0 || self->model->plan == NULL ||
      form->index >= plan_n_managers (self->model))
    return;

  params = sd_plan_params_copy (self->model->params);
  weight = parse_int_list (gtk_editable_get_text (GTK_EDITABLE (form->weight)),
                           _("Personal weight"), &error);
  if (weight != NULL)
    vacation = parse_int_list (gtk_editable_get_text (GTK_EDITABLE (form->vacation)),
                               _("Vacation days"), &error);
  if (weight != NULL && vacation != NULL && (weight->len != 1 || vacation->len != 12))
    g_set_error_literal (&error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE,
                         _("Type one personal weight (100 is the usual pace) and twelve vacation figures, one for each month."));
  deal_text = gtk_editable_get_text (GTK_EDITABLE (form->deal));
  conversion_text = gtk_editable_get_text (GTK_EDITABLE (form->conversion));
  if (error == NULL && deal_text[0] != '\0')
    parse_money_field (deal_text, _("Average deal"), &deal, &error);
  if (error == NULL && conversion_text[0] != '\0')
    parse_percent (conversion_text, _("Conversion"), &conversion, &error);

  if (error == NULL)
    {
      sd_plan_params_set_personal_weight (params, form->index, (int) g_array_index (weight, gint64, 0));
      for (int m = 1; m <= 12; m++)
        sd_plan_params_set_vacation (params, form->index, m, (int) g_array_index (vacation, gint64, m - 1));
      sd_plan_params_set_manager_funnel (params, form->index, deal, conversion);
      plan = sd_plan_copy (self->model->plan);
      if (sd_plan_params_validate (params, &error) && sd_plan_recompute (plan, params, &error))
        {
          old = self->model->params;
          self->model->params = params;
          if (plan_save (self->model, plan, _("Change a manager's plan inputs"), &error))
            {
              g_steal_pointer (&params);
              sd_plan_params_free (old);
              plan_take (self->model, g_steal_pointer (&plan));
              update_funnel (self);
              return;
            }
          self->model->params = old;
        }
    }

  show_error (self, error);
}

static GtkWidget *
add_entry_row (GtkWidget  *group,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
manager_params_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SdPlanPage *self = SD_PLAN_PAGE (widget);
  const SdPlanParams *params = self->model->params;
  g_autoptr(GString) vacation = g_string_new (NULL);
  g_autofree char *weight = NULL;
  g_autofree char *deal_text = NULL;
  g_autofree char *conversion_text = NULL;
  ManagerForm *form;
  AdwMessageDialog *dialog;
  GtkWidget *box, *group;
  guint row, column;
  SdMoney deal;
  gint64 conversion;

  if (params == NULL || !is_draft (self) ||
      !sd_grid_get_cursor (self->grid, &row, &column) ||
      row == 0 || row > plan_n_managers (self->model))
    {
      add_toast (self, _("Select a manager's cell in the plan first"), FALSE);
      return;
    }

  form = g_new0 (ManagerForm, 1);
  form->index = row - 1;

  weight = g_strdup_printf ("%d", sd_plan_params_get_personal_weight (params, form->index));
  for (int m = 1; m <= 12; m++)
    g_string_append_printf (vacation, m > 1 ? " %d" : "%d",
                            sd_plan_params_get_vacation (params, form->index, m));
  sd_plan_params_get_manager_funnel (params, form->index, &deal, &conversion);
  deal_text = deal > 0 ? format_money (deal) : g_strdup ("");
  conversion_text = conversion > 0 ? format_bp_as_percent (conversion) : g_strdup ("");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       g_ptr_array_index (self->model->names, form->index),
                                                       _("How this manager's share of each month is worked out. Leave the funnel blank to use the department's.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (box), group);
  form->weight = add_entry_row (group, _("Personal weight, 100 = usual pace"), weight);
  form->vacation = add_entry_row (group, _("Vacation, working days in each month"), vacation->str);
  form->deal = add_entry_row (group, _("Own average deal, ₽"), deal_text);
  form->conversion = add_entry_row (group, _("Own conversion, %"), conversion_text);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) manager_form_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_manager_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- GObject --- */

static void
sd_plan_page_constructed (GObject *object)
{
  SdPlanPage *self = SD_PLAN_PAGE (object);
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  GDate today;

  G_OBJECT_CLASS (sd_plan_page_parent_class)->constructed (object);

  g_return_if_fail (context != NULL);

  sd_context_get_today (context, &today);
  self->year = g_date_get_year (&today);
  self->filling = TRUE;
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->filling = FALSE;

  update_actions (self);
}

static void
sd_plan_page_dispose (GObject *object)
{
  SdPlanPage *self = SD_PLAN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_PLAN_PAGE);

  g_clear_object (&self->model);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_plan_page_parent_class)->dispose (object);
}

static void
sd_plan_page_finalize (GObject *object)
{
  SdPlanPage *self = SD_PLAN_PAGE (object);

  g_free (self->funnel_text);

  G_OBJECT_CLASS (sd_plan_page_parent_class)->finalize (object);
}

static void
sd_plan_page_class_init (SdPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->constructed = sd_plan_page_constructed;
  object_class->dispose = sd_plan_page_dispose;
  object_class->finalize = sd_plan_page_finalize;
  page_class->reload = sd_plan_page_reload;
  page_class->store_changed = sd_plan_page_store_changed;
  page_class->store_replaced = sd_plan_page_store_replaced;
  page_class->reload_on = SD_STORE_CHANGED_PLAN | SD_STORE_CHANGED_STAFF | SD_STORE_CHANGED_FACTS;

  g_type_ensure (SD_TYPE_GRID);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, version_names);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, approved_bar);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, approved_label);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, params_expander);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, target_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, growth_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, weights_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, weights_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, working_days_switch);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, ramp_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, average_deal_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, conversion_row);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, params_error_label);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, funnel_label);
  gtk_widget_class_bind_template_child (widget_class, SdPlanPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_version_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_param_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_cursor_changed);

  gtk_widget_class_install_action (widget_class, "plan.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "plan.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "plan.new-revision", NULL, new_revision_action);
  gtk_widget_class_install_action (widget_class, "plan.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "plan.make-current", NULL, make_current_action);
  gtk_widget_class_install_action (widget_class, "plan.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "plan.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "plan.respread", NULL, respread_action);
  gtk_widget_class_install_action (widget_class, "plan.reset-edits", NULL, reset_edits_action);
  gtk_widget_class_install_action (widget_class, "plan.apply-params", NULL, apply_params_action);
  gtk_widget_class_install_action (widget_class, "plan.manager-params", NULL, manager_params_action);
}

static void
sd_plan_page_init (SdPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = g_object_new (SD_TYPE_PLAN_MODEL, NULL);
  sd_grid_set_corner_title (self->grid, _("Manager"));
  sd_grid_set_model (self->grid, SD_GRID_MODEL (self->model));
}

GtkWidget *
sd_plan_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_PLAN_PAGE, "context", context, NULL);
}

void
sd_plan_page_set_year (SdPlanPage *self,
                       int         year)
{
  g_return_if_fail (SD_IS_PLAN_PAGE (self));
  g_return_if_fail (year >= SD_PLAN_FIRST_YEAR && year <= SD_PLAN_LAST_YEAR);

  gtk_spin_button_set_value (self->year_spin, year);
  on_year_changed (self);
}

int
sd_plan_page_get_year (SdPlanPage *self)
{
  g_return_val_if_fail (SD_IS_PLAN_PAGE (self), 0);
  return self->year;
}

void
sd_plan_page_select_version (SdPlanPage *self,
                             gint64      version_id)
{
  g_return_if_fail (SD_IS_PLAN_PAGE (self));

  self->version_id = version_id;
  sd_page_reload (SD_PAGE (self));
}

gint64
sd_plan_page_get_version_id (SdPlanPage *self)
{
  g_return_val_if_fail (SD_IS_PLAN_PAGE (self), 0);
  return self->version_id;
}

SdGrid *
sd_plan_page_get_grid (SdPlanPage *self)
{
  g_return_val_if_fail (SD_IS_PLAN_PAGE (self), NULL);
  return self->grid;
}

const char *
sd_plan_page_get_funnel_text (SdPlanPage *self)
{
  g_return_val_if_fail (SD_IS_PLAN_PAGE (self), NULL);
  return gtk_label_get_text (self->funnel_label);
}
