/* sd-facts-page.c — what managers achieved: one metric, months × managers, typed or pasted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-facts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-facts-page.h"
#include "sd-import-dialog.h"

#define YEAR_COLUMN 12

/* ------------------------------------------------------------------------------------------
 * The grid model: one metric of a year's facts
 * ------------------------------------------------------------------------------------------ */

#define SD_TYPE_FACTS_MODEL (sd_facts_model_get_type ())
G_DECLARE_FINAL_TYPE (SdFactsModel, sd_facts_model, SD, FACTS_MODEL, GObject)

struct _SdFactsModel
{
  GObject       parent_instance;

  SdStore      *store;
  int           year;
  SdFactMetric  metric;
  GPtrArray    *members;   /* SdStaffMember employed in the year */
  GArray       *facts;     /* SdFact, members × 12 months, row by row */
  GArray       *present;   /* gboolean per fact: is there a record in the file */
};

static void sd_facts_model_iface_init (SdGridModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SdFactsModel, sd_facts_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SD_TYPE_GRID_MODEL,
                                                      sd_facts_model_iface_init))

static gboolean
metric_is_money (SdFactMetric metric)
{
  return metric == SD_FACT_METRIC_REVENUE || metric == SD_FACT_METRIC_PAID ||
         metric == SD_FACT_METRIC_MARGIN;
}

static gint64 *
fact_field (SdFact       *fact,
            SdFactMetric  metric)
{
  switch (metric)
    {
    case SD_FACT_METRIC_REVENUE:
      return &fact->revenue;
    case SD_FACT_METRIC_PAID:
      return &fact->paid;
    case SD_FACT_METRIC_MARGIN:
      return &fact->margin;
    case SD_FACT_METRIC_DEALS:
      return &fact->deals;
    case SD_FACT_METRIC_LEADS:
      return &fact->leads;
    case SD_FACT_METRIC_CALLS:
    default:
      return &fact->calls;
    }
}

static SdFact *
get_fact (SdFactsModel *self,
          guint         row,
          guint         column)
{
  return &g_array_index (self->facts, SdFact, row * 12 + column);
}

static gboolean
is_employed (SdFactsModel *self,
             guint         row,
             int           month)
{
  const SdStaffMember *member = g_ptr_array_index (self->members, row);
  SdMonth m = sd_month_make (self->year, month);

  if (g_date_valid (&member->hired) && m < sd_month_from_date (&member->hired))
    return FALSE;
  if (g_date_valid (&member->left) && m > sd_month_from_date (&member->left))
    return FALSE;
  return TRUE;
}

static char *
format_value (SdFactMetric metric,
              gint64       value)
{
  if (!metric_is_money (metric))
    return g_strdup_printf ("%" G_GINT64_FORMAT, value);
  if (value % 100 == 0)
    return sd_money_format_whole (value, sd_number_style_current (), NULL);
  return sd_money_format (value, sd_number_style_current (), NULL);
}

static guint
facts_get_n_rows (SdGridModel *model)
{
  return SD_FACTS_MODEL (model)->members->len;
}

static guint
facts_get_n_columns (SdGridModel *model)
{
  return SD_FACTS_MODEL (model)->members->len > 0 ? 13 : 0;
}

static char *
facts_dup_row_title (SdGridModel *model,
                     guint        row)
{
  const SdStaffMember *member = g_ptr_array_index (SD_FACTS_MODEL (model)->members, row);

  return g_strdup (member->name);
}

static char *
facts_dup_column_title (SdGridModel *model,
                        guint        column)
{
  if (column == YEAR_COLUMN)
    return g_strdup (_("Year"));
  return sd_month_format_short (sd_month_make (SD_FACTS_MODEL (model)->year, column + 1));
}

static char *
facts_dup_text (SdGridModel *model,
                guint        row,
                guint        column)
{
  SdFactsModel *self = SD_FACTS_MODEL (model);
  gboolean any = FALSE;
  gint64 sum = 0;

  if (column < YEAR_COLUMN)
    {
      if (!g_array_index (self->present, gboolean, row * 12 + column))
        return g_strdup ("");
      return format_value (self->metric, *fact_field (get_fact (self, row, column), self->metric));
    }

  for (guint c = 0; c < 12; c++)
    if (g_array_index (self->present, gboolean, row * 12 + c))
      {
        any = TRUE;
        sum += *fact_field (get_fact (self, row, c), self->metric);
      }
  return any ? format_value (self->metric, sum) : g_strdup ("");
}

static SdGridCellFlags
facts_get_flags (SdGridModel *model,
                 guint        row,
                 guint        column)
{
  SdFactsModel *self = SD_FACTS_MODEL (model);

  if (column == YEAR_COLUMN)
    return SD_GRID_CELL_TOTAL;
  return is_employed (self, row, (int) column + 1) ? SD_GRID_CELL_EDITABLE : 0;
}

static gboolean
parse_value (SdFactMetric   metric,
             const char    *text,
             gint64        *out,
             GError       **error)
{
  SdMoney value;

  if (!sd_money_parse (text, &value, error))
    return FALSE;
  if (metric_is_money (metric))
    {
      *out = value;
    }
  else
    {
      if (value % 100 != 0)
        {
          g_set_error (error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE,
                       _("«%s» is not a whole number. Deals, leads and calls are counted in whole numbers."),
                       text);
          return FALSE;
        }
      *out = value / 100;
    }
  if (*out < 0 && metric != SD_FACT_METRIC_MARGIN)
    {
      g_set_error (error, SD_GRID_ERROR, SD_GRID_ERROR_VALUE,
                   _("«%s» is below zero. Only the margin can be negative."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
facts_set_cells (SdGridModel      *model,
                 const SdGridEdit *edits,
                 guint             n_edits,
                 guint            *bad_index,
                 GError          **error)
{
  SdFactsModel *self = SD_FACTS_MODEL (model);
  g_autoptr(GArray) facts = g_array_new (FALSE, FALSE, sizeof (SdFact));
  g_autofree char *label = NULL;

  if (self->store == NULL)
    return FALSE;

  for (guint i = 0; i < n_edits; i++)
    {
      const SdGridEdit *edit = &edits[i];
      SdFact fact;
      gint64 value = 0;

      *bad_index = i;
      if (edit->row >= self->members->len || edit->column >= YEAR_COLUMN ||
          !is_employed (self, edit->row, (int) edit->column + 1))
        {
          g_set_error_literal (error, SD_GRID_ERROR, SD_GRID_ERROR_READ_ONLY,
                               _("This cell cannot be changed: the person did not work that month, or it is a total."));
          return FALSE;
        }
      if (edit->text != NULL && !parse_value (self->metric, edit->text, &value, error))
        return FALSE;

      fact = *get_fact (self, edit->row, edit->column);
      *fact_field (&fact, self->metric) = value;
      g_array_append_val (facts, fact);
    }
  *bad_index = G_MAXUINT;

  if (n_edits == 1)
    {
      g_autofree char *month = sd_month_format_label (sd_month_make (self->year, edits[0].column + 1));

      /* Translators: an undo step; %s is a month and year, "March 2026". */
      label = g_strdup_printf (_("Edit facts for %s"), month);
    }
  else
    label = g_strdup (_("Paste facts"));

  /* Clearing the only figure of a month removes the record, rather than keep zeros. */
  if (n_edits == 1 && edits[0].text == NULL)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, 0);

      if (fact->revenue == 0 && fact->paid == 0 && fact->margin == 0 &&
          fact->deals == 0 && fact->leads == 0 && fact->calls == 0)
        return sd_store_clear_fact (self->store, fact->manager_id, fact->month, error);
    }

  return sd_store_set_facts (self->store, (SdFact *) facts->data, facts->len, label, error);
}

static void
sd_facts_model_iface_init (SdGridModelInterface *iface)
{
  iface->get_n_rows = facts_get_n_rows;
  iface->get_n_columns = facts_get_n_columns;
  iface->dup_row_title = facts_dup_row_title;
  iface->dup_column_title = facts_dup_column_title;
  iface->dup_text = facts_dup_text;
  iface->get_flags = facts_get_flags;
  iface->set_cells = facts_set_cells;
}

static void
sd_facts_model_finalize (GObject *object)
{
  SdFactsModel *self = SD_FACTS_MODEL (object);

  g_clear_object (&self->store);
  g_ptr_array_unref (self->members);
  g_array_unref (self->facts);
  g_array_unref (self->present);

  G_OBJECT_CLASS (sd_facts_model_parent_class)->finalize (object);
}

static void
sd_facts_model_class_init (SdFactsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_facts_model_finalize;
}

static void
sd_facts_model_init (SdFactsModel *self)
{
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  self->facts = g_array_new (FALSE, TRUE, sizeof (SdFact));
  self->present = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

/* Reads the year's people and facts from the file. */
static gboolean
facts_model_load (SdFactsModel  *self,
                  SdStore       *store,
                  int            year,
                  GError       **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) facts = NULL;
  SdMonth first = sd_month_make (year, 1);
  SdMonth last = sd_month_make (year, 12);

  g_set_object (&self->store, store);
  self->year = year;
  g_ptr_array_set_size (self->members, 0);
  g_array_set_size (self->facts, 0);
  g_array_set_size (self->present, 0);

  if (store == NULL)
    return TRUE;

  staff = sd_store_list_staff (store, TRUE, error);
  if (staff == NULL)
    return FALSE;
  facts = sd_store_list_facts (store, first, last, error);
  if (facts == NULL)
    return FALSE;

  for (guint i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);

      if (g_date_valid (&member->hired) && sd_month_from_date (&member->hired) > last)
        continue;
      if (g_date_valid (&member->left) && sd_month_from_date (&member->left) < first)
        continue;
      g_ptr_array_add (self->members, sd_staff_member_copy (member));
    }

  g_array_set_size (self->facts, self->members->len * 12);
  g_array_set_size (self->present, self->members->len * 12);
  for (guint r = 0; r < self->members->len; r++)
    for (guint c = 0; c < 12; c++)
      {
        SdFact *fact = get_fact (self, r, c);

        fact->manager_id = ((SdStaffMember *) g_ptr_array_index (self->members, r))->id;
        fact->month = sd_month_make (year, c + 1);
      }

  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, i);
      guint column = sd_month_get_month (fact->month) - 1;

      for (guint r = 0; r < self->members->len; r++)
        if (((SdStaffMember *) g_ptr_array_index (self->members, r))->id == fact->manager_id)
          {
            *get_fact (self, r, column) = *fact;
            g_array_index (self->present, gboolean, r * 12 + column) = TRUE;
            break;
          }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * The page
 * ------------------------------------------------------------------------------------------ */

struct _SdFactsPage
{
  SdPage         parent_instance;

  SdFactsModel  *model;
  int            year;

  /* Template children */
  GtkSpinButton *year_spin;
  GtkDropDown   *metric_dropdown;
  GtkStack      *content_stack;
  SdGrid        *grid;
};

G_DEFINE_FINAL_TYPE (SdFactsPage, sd_facts_page, SD_TYPE_PAGE)

static void
sd_facts_page_reload (SdPage *page)
{
  SdFactsPage *self = SD_FACTS_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GError) error = NULL;

  if (!facts_model_load (self->model, store, self->year, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
      else
        g_message ("%s", error->message);
    }

  sd_grid_model_changed (SD_GRID_MODEL (self->model));
  if (store == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "no-company");
  else if (self->model->members->len == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "facts");
}

static void
on_year_changed (SdFactsPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (year == self->year)
    return;
  self->year = year;
  sd_page_queue_reload (SD_PAGE (self));
}

static void
on_import_clicked (SdFactsPage *self)
{
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SdImportDialog *dialog;

  dialog = sd_import_dialog_new (context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 SD_IMPORT_FACTS);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_metric_changed (SdFactsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  if (selected > SD_FACT_METRIC_CALLS || (SdFactMetric) selected == self->model->metric)
    return;
  self->model->metric = selected;
  sd_grid_model_changed (SD_GRID_MODEL (self->model));
}

static void
sd_facts_page_constructed (GObject *object)
{
  SdFactsPage *self = SD_FACTS_PAGE (object);
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  GDate today;

  G_OBJECT_CLASS (sd_facts_page_parent_class)->constructed (object);

  g_return_if_fail (context != NULL);

  sd_context_get_today (context, &today);
  self->year = g_date_get_year (&today);
  gtk_spin_button_set_value (self->year_spin, self->year);
}

static void
sd_facts_page_dispose (GObject *object)
{
  SdFactsPage *self = SD_FACTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_FACTS_PAGE);

  g_clear_object (&self->model);

  G_OBJECT_CLASS (sd_facts_page_parent_class)->dispose (object);
}

static void
sd_facts_page_class_init (SdFactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->constructed = sd_facts_page_constructed;
  object_class->dispose = sd_facts_page_dispose;
  page_class->reload = sd_facts_page_reload;
  page_class->reload_on = SD_STORE_CHANGED_FACTS | SD_STORE_CHANGED_STAFF;

  g_type_ensure (SD_TYPE_GRID);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-facts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdFactsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SdFactsPage, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SdFactsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SdFactsPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
}

static void
sd_facts_page_init (SdFactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = g_object_new (SD_TYPE_FACTS_MODEL, NULL);
  sd_grid_set_corner_title (self->grid, _("Manager"));
  sd_grid_set_model (self->grid, SD_GRID_MODEL (self->model));
}

GtkWidget *
sd_facts_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_FACTS_PAGE, "context", context, NULL);
}

void
sd_facts_page_set_year (SdFactsPage *self,
                        int          year)
{
  g_return_if_fail (SD_IS_FACTS_PAGE (self));

  gtk_spin_button_set_value (self->year_spin, year);
  on_year_changed (self);
}

void
sd_facts_page_set_metric (SdFactsPage  *self,
                          SdFactMetric  metric)
{
  g_return_if_fail (SD_IS_FACTS_PAGE (self));
  g_return_if_fail (metric <= SD_FACT_METRIC_CALLS);

  gtk_drop_down_set_selected (self->metric_dropdown, metric);
}

SdGrid *
sd_facts_page_get_grid (SdFactsPage *self)
{
  g_return_val_if_fail (SD_IS_FACTS_PAGE (self), NULL);
  return self->grid;
}
