/* sd-version-dialog.c — naming a plan version: new version, new revision, rename; comparing two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-version-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-grid.h"
#include "sd-version-dialog.h"

struct _SdVersionDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_row;
  AdwComboRow      *scenario_row;
  GtkStringList    *scenarios;
};

G_DEFINE_FINAL_TYPE (SdVersionDialog, sd_version_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_name_changed (SdVersionDialog *self)
{
  g_autofree char *name = sd_version_dialog_dup_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "accept", name[0] != '\0');
}

static void
sd_version_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SD_TYPE_VERSION_DIALOG);

  G_OBJECT_CLASS (sd_version_dialog_parent_class)->dispose (object);
}

static void
sd_version_dialog_class_init (SdVersionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_version_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-version-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdVersionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SdVersionDialog, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, SdVersionDialog, scenarios);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
}

static void
sd_version_dialog_init (SdVersionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (SdScenario s = SD_SCENARIO_PESSIMISTIC; s <= SD_SCENARIO_OPTIMISTIC; s++)
    gtk_string_list_append (self->scenarios, sd_scenario_to_string (s));
}

GtkWidget *
sd_version_dialog_new (GtkWindow  *parent,
                       const char *heading,
                       const char *accept_label,
                       const char *name,
                       SdScenario  scenario,
                       gboolean    with_scenario)
{
  SdVersionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SD_TYPE_VERSION_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
  if (accept_label != NULL)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "accept", accept_label);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  adw_combo_row_set_selected (self->scenario_row, (guint) scenario);
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_row), with_scenario);
  on_name_changed (self);
  return GTK_WIDGET (self);
}

char *
sd_version_dialog_dup_name (SdVersionDialog *self)
{
  g_return_val_if_fail (SD_IS_VERSION_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

SdScenario
sd_version_dialog_get_scenario (SdVersionDialog *self)
{
  guint selected;

  g_return_val_if_fail (SD_IS_VERSION_DIALOG (self), SD_SCENARIO_BASE);

  selected = adw_combo_row_get_selected (self->scenario_row);
  return selected <= SD_SCENARIO_OPTIMISTIC ? (SdScenario) selected : SD_SCENARIO_BASE;
}

/* ------------------------------------------------------------------------------------------
 * Comparing two versions: a read-only grid model
 * ------------------------------------------------------------------------------------------ */

#define SD_TYPE_COMPARE_MODEL (sd_compare_model_get_type ())
G_DECLARE_FINAL_TYPE (SdCompareModel, sd_compare_model, SD, COMPARE_MODEL, GObject)

/* Rows: for the department and each manager, three: the first version, the second, the
 * difference. */
struct _SdCompareModel
{
  GObject    parent_instance;

  GArray    *ids;            /* gint64: 0 = the department, then managers */
  GPtrArray *names;          /* the row group's name */
  GHashTable *first;         /* "id:month" → SdMoney* */
  GHashTable *second;
  char      *first_name;
  char      *second_name;
  int        year;
};

static void sd_compare_model_iface_init (SdGridModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SdCompareModel, sd_compare_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SD_TYPE_GRID_MODEL,
                                                      sd_compare_model_iface_init))

static SdMoney
compare_lookup (GHashTable *table,
                gint64      id,
                int         month)
{
  SdMoney sum = 0;

  if (month == 0)
    {
      for (int m = 1; m <= 12; m++)
        sum += compare_lookup (table, id, m);
      return sum;
    }
  else
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d", id, month);
      SdMoney *value = g_hash_table_lookup (table, key);

      return value != NULL ? *value : 0;
    }
}

static guint
compare_get_n_rows (SdGridModel *model)
{
  return SD_COMPARE_MODEL (model)->ids->len * 3;
}

static guint
compare_get_n_columns (SdGridModel *model)
{
  return 13;
}

static char *
compare_dup_row_title (SdGridModel *model,
                       guint        row)
{
  SdCompareModel *self = SD_COMPARE_MODEL (model);
  const char *name = g_ptr_array_index (self->names, row / 3);

  switch (row % 3)
    {
    case 0:
      return g_strdup_printf ("%s — %s", name, self->first_name);
    case 1:
      return g_strdup_printf ("%s — %s", name, self->second_name);
    default:
      /* Translators: a row of the comparison: "Ivanov — difference". */
      return g_strdup_printf (_("%s — difference"), name);
    }
}

static char *
compare_dup_column_title (SdGridModel *model,
                          guint        column)
{
  SdCompareModel *self = SD_COMPARE_MODEL (model);

  if (column == 12)
    return g_strdup (_("Year"));
  return sd_month_format_short (sd_month_make (self->year, column + 1));
}

static char *
compare_dup_text (SdGridModel *model,
                  guint        row,
                  guint        column)
{
  SdCompareModel *self = SD_COMPARE_MODEL (model);
  gint64 id = g_array_index (self->ids, gint64, row / 3);
  int month = column == 12 ? 0 : (int) column + 1;
  SdMoney a = compare_lookup (self->first, id, month);
  SdMoney b = compare_lookup (self->second, id, month);
  SdMoney value = row % 3 == 0 ? a : row % 3 == 1 ? b : b - a;

  return sd_money_format_whole (value, sd_number_style_current (), NULL);
}

static SdGridCellFlags
compare_get_flags (SdGridModel *model,
                   guint        row,
                   guint        column)
{
  SdCompareModel *self = SD_COMPARE_MODEL (model);
  SdGridCellFlags flags = 0;

  if (column == 12)
    flags |= SD_GRID_CELL_TOTAL;
  if (row % 3 == 2)
    {
      gint64 id = g_array_index (self->ids, gint64, row / 3);
      int month = column == 12 ? 0 : (int) column + 1;

      flags |= SD_GRID_CELL_EDITED;
      if (compare_lookup (self->first, id, month) != compare_lookup (self->second, id, month))
        flags |= SD_GRID_CELL_WARNING;
    }
  return flags;
}

static gboolean
compare_set_cells (SdGridModel      *model,
                   const SdGridEdit *edits,
                   guint             n_edits,
                   guint            *bad_index,
                   GError          **error)
{
  g_set_error_literal (error, SD_GRID_ERROR, SD_GRID_ERROR_READ_ONLY,
                       _("A comparison cannot be edited."));
  return FALSE;
}

static void
sd_compare_model_iface_init (SdGridModelInterface *iface)
{
  iface->get_n_rows = compare_get_n_rows;
  iface->get_n_columns = compare_get_n_columns;
  iface->dup_row_title = compare_dup_row_title;
  iface->dup_column_title = compare_dup_column_title;
  iface->dup_text = compare_dup_text;
  iface->get_flags = compare_get_flags;
  iface->set_cells = compare_set_cells;
}

static void
sd_compare_model_finalize (GObject *object)
{
  SdCompareModel *self = SD_COMPARE_MODEL (object);

  g_array_unref (self->ids);
  g_ptr_array_unref (self->names);
  g_hash_table_unref (self->first);
  g_hash_table_unref (self->second);
  g_free (self->first_name);
  g_free (self->second_name);

  G_OBJECT_CLASS (sd_compare_model_parent_class)->finalize (object);
}

static void
sd_compare_model_class_init (SdCompareModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_compare_model_finalize;
}

static void
sd_compare_model_init (SdCompareModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->second = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
compare_add_entries (SdCompareModel *self,
                     GHashTable     *table,
                     GArray         *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const SdPlanEntry *entry = &g_array_index (entries, SdPlanEntry, i);
      gboolean known = FALSE;

      g_hash_table_insert (table,
                           g_strdup_printf ("%" G_GINT64_FORMAT ":%d", entry->manager_id,
                                            sd_month_get_month (entry->month)),
                           g_memdup2 (&entry->revenue, sizeof entry->revenue));
      for (guint k = 0; k < self->ids->len && !known; k++)
        known = g_array_index (self->ids, gint64, k) == entry->manager_id;
      if (!known)
        g_array_append_val (self->ids, entry->manager_id);
    }
}

GtkWidget *
sd_compare_window_new (GtkWindow  *parent,
                       SdStore    *store,
                       gint64      first_id,
                       gint64      second_id,
                       GError    **error)
{
  g_autoptr(SdPlanVersion) first = NULL;
  g_autoptr(SdPlanVersion) second = NULL;
  g_autoptr(GArray) first_entries = NULL;
  g_autoptr(GArray) second_entries = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(SdCompareModel) model = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window, *box, *header, *grid;
  gint64 department = 0;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  if ((first = sd_store_get_plan_version (store, first_id, error)) == NULL ||
      (second = sd_store_get_plan_version (store, second_id, error)) == NULL ||
      (first_entries = sd_store_list_plan_version_entries (store, first_id, error)) == NULL ||
      (second_entries = sd_store_list_plan_version_entries (store, second_id, error)) == NULL ||
      (staff = sd_store_list_staff (store, TRUE, error)) == NULL)
    return NULL;

  model = g_object_new (SD_TYPE_COMPARE_MODEL, NULL);
  model->year = first->year;
  model->first_name = g_strdup (first->name);
  model->second_name = g_strdup (second->name);
  /* The department first, then managers in the order the versions list them. */
  g_array_append_val (model->ids, department);
  compare_add_entries (model, model->first, first_entries);
  compare_add_entries (model, model->second, second_entries);
  for (guint i = 0; i < model->ids->len; i++)
    {
      gint64 id = g_array_index (model->ids, gint64, i);
      char *name = NULL;

      for (guint k = 0; k < staff->len && name == NULL; k++)
        {
          SdStaffMember *member = g_ptr_array_index (staff, k);

          if (member->id == id)
            name = g_strdup (member->name);
        }
      if (name == NULL)
        name = id == 0 ? g_strdup (_("Department")) : g_strdup_printf ("#%" G_GINT64_FORMAT, id);
      g_ptr_array_add (model->names, name);
    }

  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 640);
  /* Translators: the window title comparing two plan versions. */
  title = g_strdup_printf (_("«%s» and «%s»"), first->name, second->name);
  gtk_window_set_title (GTK_WINDOW (window), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Compare Versions"), title));
  gtk_box_append (GTK_BOX (box), header);

  grid = sd_grid_new ();
  sd_grid_set_corner_title (SD_GRID (grid), _("Manager and version"));
  sd_grid_set_read_only (SD_GRID (grid), TRUE);
  sd_grid_set_model (SD_GRID (grid), SD_GRID_MODEL (model));
  gtk_widget_set_vexpand (grid, TRUE);
  gtk_box_append (GTK_BOX (box), grid);
  adw_window_set_content (ADW_WINDOW (window), box);

  return window;
}
