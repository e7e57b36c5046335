/* sd-grid.c — a spreadsheet-like grid of editable cells with frozen headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-grid"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-grid.h"
#include "sd-money.h"

/* Fixed sizes keep the frozen header row and column lined up with the body without
 * measuring 2 600 cells. */
#define COLUMN_WIDTH     112
#define ROW_TITLE_WIDTH  210
#define ROW_HEIGHT       34

G_DEFINE_QUARK (sd-grid-error-quark, sd_grid_error)

/* ------------------------------------------------------------------------------------------
 * The model interface
 * ------------------------------------------------------------------------------------------ */

G_DEFINE_INTERFACE (SdGridModel, sd_grid_model, G_TYPE_OBJECT)

enum {
  MODEL_CHANGED,
  N_MODEL_SIGNALS
};

static guint model_signals[N_MODEL_SIGNALS];

static void
sd_grid_model_default_init (SdGridModelInterface *iface)
{
  /* The figures changed: re-read them. */
  model_signals[MODEL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

guint
sd_grid_model_get_n_rows (SdGridModel *self)
{
  g_return_val_if_fail (SD_IS_GRID_MODEL (self), 0);
  return SD_GRID_MODEL_GET_IFACE (self)->get_n_rows (self);
}

guint
sd_grid_model_get_n_columns (SdGridModel *self)
{
  g_return_val_if_fail (SD_IS_GRID_MODEL (self), 0);
  return SD_GRID_MODEL_GET_IFACE (self)->get_n_columns (self);
}

char *
sd_grid_model_dup_row_title (SdGridModel *self,
                             guint        row)
{
  g_return_val_if_fail (SD_IS_GRID_MODEL (self), NULL);
  return SD_GRID_MODEL_GET_IFACE (self)->dup_row_title (self, row);
}

char *
sd_grid_model_dup_column_title (SdGridModel *self,
                                guint        column)
{
  g_return_val_if_fail (SD_IS_GRID_MODEL (self), NULL);
  return SD_GRID_MODEL_GET_IFACE (self)->dup_column_title (self, column);
}

char *
sd_grid_model_dup_text (SdGridModel *self,
                        guint        row,
                        guint        column)
{
  g_return_val_if_fail (SD_IS_GRID_MODEL (self), NULL);
  return SD_GRID_MODEL_GET_IFACE (self)->dup_text (self, row, column);
}

SdGridCellFlags
sd_grid_model_get_flags (SdGridModel *self,
                         guint        row,
                         guint        column)
{
  g_return_val_if_fail (SD_IS_GRID_MODEL (self), 0);
  return SD_GRID_MODEL_GET_IFACE (self)->get_flags (self, row, column);
}

gboolean
sd_grid_model_set_cells (SdGridModel      *self,
                         const SdGridEdit *edits,
                         guint             n_edits,
                         guint            *bad_index,
                         GError          **error)
{
  guint bad = G_MAXUINT;
  gboolean ok;

  g_return_val_if_fail (SD_IS_GRID_MODEL (self), FALSE);
  g_return_val_if_fail (edits != NULL || n_edits == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = SD_GRID_MODEL_GET_IFACE (self)->set_cells (self, edits, n_edits, &bad, error);
  if (bad_index != NULL)
    *bad_index = ok ? G_MAXUINT : bad;
  return ok;
}

void
sd_grid_model_changed (SdGridModel *self)
{
  g_return_if_fail (SD_IS_GRID_MODEL (self));
  g_signal_emit (self, model_signals[MODEL_CHANGED], 0);
}

GPtrArray *
sd_grid_parse_tsv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = NULL;
  guint n;

  g_return_val_if_fail (text != NULL, rows);

  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  /* Spreadsheets end the copied block with a newline: no empty last row. */
  while (n > 0 && (lines[n - 1][0] == '\0' || strcmp (lines[n - 1], "\r") == 0))
    n--;

  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }

  return rows;
}

/* ------------------------------------------------------------------------------------------
 * The grid
 * ------------------------------------------------------------------------------------------ */

struct _SdGrid
{
  GtkWidget     parent_instance;

  SdGridModel  *model;
  gulong        model_changed_id;

  GtkWidget    *box;
  GtkWidget    *table;
  GtkWidget    *corner;
  GtkWidget    *header_sw;
  GtkWidget    *header_grid;
  GtkWidget    *rows_sw;
  GtkWidget    *rows_grid;
  GtkWidget    *body_sw;
  GtkWidget    *body_grid;
  GtkWidget    *error_label;

  /* GtkText cells, row by row; owned by body_grid. */
  GPtrArray    *cells;
  guint         n_rows;
  guint         n_columns;

  /* The focused cell, and the block from anchor to extent. */
  gboolean      has_cursor;
  guint         cursor_row;
  guint         cursor_column;
  guint         anchor_row;
  guint         anchor_column;
  guint         extent_row;
  guint         extent_column;

  /* The cell the user is typing in (after a key or F2): arrows then move the text cursor. */
  gboolean      editing;
  /* Set while a shift+arrow moves the focus, so the anchor stays. */
  gboolean      extending;
  gboolean      read_only;

  GtkRoot      *root;
  gulong        focus_notify_id;
  GtkWidget    *focus_cell;

  guint         drag_start_row;
  guint         drag_start_column;
  gboolean      drag_on_cell;

  char         *error_message;
};

G_DEFINE_FINAL_TYPE (SdGrid, sd_grid, GTK_TYPE_WIDGET)

enum {
  CURSOR_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark cell_index_quark;

/* Grid lines are the 1 px gaps between cells showing the grid's background: one colour node
 * per grid instead of two border nodes per cell keeps scrolling fast. */
static const char grid_css[] =
  ".sd-grid-lines { background-color: mix(@view_bg_color, @view_fg_color, 0.12); }\n"
  ".sd-grid-frame { border: 1px solid mix(@view_bg_color, @view_fg_color, 0.12); }\n"
  ".sd-grid-body { background-color: @view_bg_color; }\n"
  "label.sd-grid-title { padding: 0 8px; font-weight: bold; background-color: mix(@window_bg_color, @view_fg_color, 0.04); }\n"
  "text.sd-cell { padding: 0 8px; background-color: @view_bg_color; font-feature-settings: \"tnum\"; }\n"
  "text.sd-cell:focus-within { box-shadow: inset 0 0 0 2px @accent_color; }\n"
  "text.sd-cell.edited { font-weight: bold; }\n"
  "text.sd-cell.total { color: alpha(currentColor, 0.75); background-color: mix(@view_bg_color, @view_fg_color, 0.04); }\n"
  "text.sd-cell.warning { color: @warning_color; }\n"
  "text.sd-cell.readonly { color: alpha(currentColor, 0.55); }\n"
  "text.sd-cell.selected { background-color: mix(@view_bg_color, @accent_bg_color, 0.22); }\n"
  "text.sd-cell.error { background-color: mix(@view_bg_color, @error_color, 0.18); color: @error_color; }\n";

static void
install_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "sd-grid-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, grid_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "sd-grid-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static GtkWidget *
get_cell (SdGrid *self,
          guint   row,
          guint   column)
{
  if (row >= self->n_rows || column >= self->n_columns)
    return NULL;
  return g_ptr_array_index (self->cells, row * self->n_columns + column);
}

/* The cell a widget is, or is inside; FALSE for anything else. */
static gboolean
find_cell (SdGrid    *self,
           GtkWidget *widget,
           guint     *row,
           guint     *column)
{
  for (; widget != NULL && widget != self->body_grid; widget = gtk_widget_get_parent (widget))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), cell_index_quark));

      if (index > 0 && gtk_widget_get_parent (widget) == self->body_grid && self->n_columns > 0)
        {
          *row = (index - 1) / self->n_columns;
          *column = (index - 1) % self->n_columns;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
cell_is_editable (SdGrid *self,
                  guint   row,
                  guint   column)
{
  return !self->read_only && self->model != NULL &&
         (sd_grid_model_get_flags (self->model, row, column) & SD_GRID_CELL_EDITABLE) != 0;
}

static void
sort_pair (guint  a,
           guint  b,
           guint *low,
           guint *high)
{
  *low = MIN (a, b);
  *high = MAX (a, b);
}

static void
show_selection (SdGrid   *self,
                gboolean  on)
{
  guint r0, r1, c0, c1;

  if (!self->has_cursor)
    return;
  sort_pair (self->anchor_row, self->extent_row, &r0, &r1);
  sort_pair (self->anchor_column, self->extent_column, &c0, &c1);
  /* A single cell is shown by the focus ring alone. */
  if (on && r0 == r1 && c0 == c1)
    return;
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GtkWidget *cell = get_cell (self, r, c);

        if (cell == NULL)
          continue;
        if (on)
          gtk_widget_add_css_class (cell, "selected");
        else
          gtk_widget_remove_css_class (cell, "selected");
      }
}

static void
set_selection (SdGrid *self,
               guint   anchor_row,
               guint   anchor_column,
               guint   extent_row,
               guint   extent_column)
{
  show_selection (self, FALSE);
  self->anchor_row = anchor_row;
  self->anchor_column = anchor_column;
  self->extent_row = extent_row;
  self->extent_column = extent_column;
  show_selection (self, TRUE);
}

static void
clear_error (SdGrid *self)
{
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);

      if (gtk_widget_has_css_class (cell, "error"))
        {
          gtk_widget_remove_css_class (cell, "error");
          gtk_widget_set_tooltip_text (cell, NULL);
        }
    }
  g_clear_pointer (&self->error_message, g_free);
  gtk_widget_set_visible (self->error_label, FALSE);
}

static void
show_error (SdGrid     *self,
            GtkWidget  *cell,
            const char *message)
{
  clear_error (self);
  self->error_message = g_strdup (message);
  if (cell != NULL)
    {
      gtk_widget_add_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, message);
    }
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
}

static void
update_cell (SdGrid *self,
             guint   row,
             guint   column)
{
  GtkWidget *cell = get_cell (self, row, column);
  g_autofree char *text = sd_grid_model_dup_text (self->model, row, column);
  SdGridCellFlags flags = sd_grid_model_get_flags (self->model, row, column);
  gboolean editable = !self->read_only && (flags & SD_GRID_CELL_EDITABLE) != 0;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (cell), text ? text : "");
  if (gtk_editable_get_editable (GTK_EDITABLE (cell)) != editable)
    gtk_editable_set_editable (GTK_EDITABLE (cell), editable);

  if ((flags & SD_GRID_CELL_EDITED) != 0)
    gtk_widget_add_css_class (cell, "edited");
  else
    gtk_widget_remove_css_class (cell, "edited");
  if ((flags & SD_GRID_CELL_TOTAL) != 0)
    gtk_widget_add_css_class (cell, "total");
  else
    gtk_widget_remove_css_class (cell, "total");
  if ((flags & SD_GRID_CELL_WARNING) != 0)
    gtk_widget_add_css_class (cell, "warning");
  else
    gtk_widget_remove_css_class (cell, "warning");
  if (!editable && (flags & (SD_GRID_CELL_TOTAL | SD_GRID_CELL_WARNING)) == 0)
    gtk_widget_add_css_class (cell, "readonly");
  else
    gtk_widget_remove_css_class (cell, "readonly");
}

static void
refresh (SdGrid *self)
{
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      update_cell (self, r, c);
}

static GtkWidget *
make_title (const char *text,
            int         width,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_widget_set_size_request (label, width, ROW_HEIGHT);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "sd-grid-title");
  return label;
}

static void
remove_children (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static void
rebuild (SdGrid *self)
{
  g_autoptr(GPtrArray) row_titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) column_titles = g_ptr_array_new_with_free_func (g_free);

  self->focus_cell = NULL;
  self->editing = FALSE;
  g_ptr_array_set_size (self->cells, 0);
  remove_children (self->header_grid);
  remove_children (self->rows_grid);
  remove_children (self->body_grid);
  clear_error (self);

  self->n_rows = self->model != NULL ? sd_grid_model_get_n_rows (self->model) : 0;
  self->n_columns = self->model != NULL ? sd_grid_model_get_n_columns (self->model) : 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      char *title = sd_grid_model_dup_column_title (self->model, c);

      g_ptr_array_add (column_titles, title);
      gtk_grid_attach (GTK_GRID (self->header_grid), make_title (title, COLUMN_WIDTH, 1.0),
                       c, 0, 1, 1);
    }

  for (guint r = 0; r < self->n_rows; r++)
    {
      char *title = sd_grid_model_dup_row_title (self->model, r);

      g_ptr_array_add (row_titles, title);
      gtk_grid_attach (GTK_GRID (self->rows_grid), make_title (title, ROW_TITLE_WIDTH, 0.0),
                       0, r, 1, 1);
    }

  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        GtkWidget *cell = gtk_text_new ();
        g_autofree char *name = NULL;

        g_object_set_qdata (G_OBJECT (cell), cell_index_quark,
                            GUINT_TO_POINTER (r * self->n_columns + c + 1));
        gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
        gtk_editable_set_width_chars (GTK_EDITABLE (cell), 1);
        gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 1);
        gtk_widget_set_size_request (cell, COLUMN_WIDTH, ROW_HEIGHT);
        gtk_widget_add_css_class (cell, "sd-cell");
        /* Translators: how a screen reader names a cell: "Ivanov, March". */
        name = g_strdup_printf (_("%s, %s"), (char *) row_titles->pdata[r],
                                (char *) column_titles->pdata[c]);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        gtk_grid_attach (GTK_GRID (self->body_grid), cell, c, r, 1, 1);
        g_ptr_array_add (self->cells, cell);
      }

  if (self->has_cursor && (self->cursor_row >= self->n_rows || self->cursor_column >= self->n_columns))
    self->has_cursor = FALSE;
  if (self->has_cursor)
    {
      self->anchor_row = self->extent_row = self->cursor_row;
      self->anchor_column = self->extent_column = self->cursor_column;
    }

  if (self->model != NULL)
    refresh (self);
}

static void
on_model_changed (SdGrid *self)
{
  if (sd_grid_model_get_n_rows (self->model) != self->n_rows ||
      sd_grid_model_get_n_columns (self->model) != self->n_columns)
    {
      gboolean had_focus = self->focus_cell != NULL && gtk_widget_has_focus (self->focus_cell);

      rebuild (self);
      if (had_focus && self->has_cursor)
        sd_grid_focus_cell (self, self->cursor_row, self->cursor_column);
      return;
    }

  clear_error (self);
  self->editing = FALSE;
  refresh (self);
  /* The focused cell shows its new figure selected, ready to be typed over. */
  if (self->focus_cell != NULL && gtk_widget_has_focus (self->focus_cell))
    gtk_editable_select_region (GTK_EDITABLE (self->focus_cell), 0, -1);
}

/* Writes the focused cell's text if it changed. FALSE when the model refused it (the cell
 * is then marked). */
static gboolean
commit_cell (SdGrid    *self,
             GtkWidget *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *text = NULL;
  SdGridEdit edit;
  guint row, column;

  if (cell == NULL || self->model == NULL || !find_cell (self, cell, &row, &column))
    return TRUE;

  old_text = sd_grid_model_dup_text (self->model, row, column);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  if (g_strcmp0 (text, old_text ? old_text : "") == 0)
    {
      if (gtk_widget_has_css_class (cell, "error"))
        clear_error (self);
      return TRUE;
    }
  if (!cell_is_editable (self, row, column))
    return TRUE;

  edit.row = row;
  edit.column = column;
  edit.text = text[0] != '\0' ? text : NULL;
  if (!sd_grid_model_set_cells (self->model, &edit, 1, NULL, &error))
    {
      show_error (self, cell, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
revert_cell (SdGrid    *self,
             GtkWidget *cell)
{
  guint row, column;

  if (cell == NULL || !find_cell (self, cell, &row, &column))
    return;
  clear_error (self);
  update_cell (self, row, column);
  self->editing = FALSE;
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
}

/* Brings a cell into view, without animation: keys held down must not lag behind. */
static void
scroll_to_cell (SdGrid    *self,
                GtkWidget *cell)
{
  GtkScrolledWindow *sw = GTK_SCROLLED_WINDOW (self->body_sw);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (cell, self->body_grid, &bounds))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (sw),
                             bounds.origin.x, bounds.origin.x + bounds.size.width);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (sw),
                             bounds.origin.y, bounds.origin.y + bounds.size.height);
}

static void
on_focus_widget_notify (SdGrid *self)
{
  GtkWidget *focus = gtk_root_get_focus (self->root);
  guint row, column;

  if (focus != NULL && !find_cell (self, focus, &row, &column))
    focus = NULL;
  else if (focus != NULL)
    focus = get_cell (self, row, column);

  if (focus == self->focus_cell)
    return;

  /* Leaving a cell by mouse or Tab out of the grid writes what was typed. */
  if (self->focus_cell != NULL)
    commit_cell (self, self->focus_cell);

  self->focus_cell = focus;
  self->editing = FALSE;
  if (focus == NULL)
    return;

  self->has_cursor = TRUE;
  self->cursor_row = row;
  self->cursor_column = column;
  if (self->extending)
    set_selection (self, self->anchor_row, self->anchor_column, row, column);
  else
    set_selection (self, row, column, row, column);
  gtk_editable_select_region (GTK_EDITABLE (focus), 0, -1);
  scroll_to_cell (self, focus);
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

static void
move_cursor (SdGrid   *self,
             int       d_row,
             int       d_column,
             gboolean  extend)
{
  int row, column;

  if (!self->has_cursor || self->n_rows == 0 || self->n_columns == 0)
    return;

  if (!extend && self->focus_cell != NULL && !commit_cell (self, self->focus_cell))
    return;

  row = CLAMP ((int) self->cursor_row + d_row, 0, (int) self->n_rows - 1);
  column = CLAMP ((int) self->cursor_column + d_column, 0, (int) self->n_columns - 1);

  self->extending = extend;
  sd_grid_focus_cell (self, row, column);
  self->extending = FALSE;
}

static void
clear_selected_cells (SdGrid *self)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (SdGridEdit));
  g_autoptr(GError) error = NULL;
  guint r0, r1, c0, c1, bad;

  if (self->model == NULL || self->read_only)
    return;

  sd_grid_get_selection (self, &r0, &c0, &r1, &c1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      if (cell_is_editable (self, r, c))
        {
          SdGridEdit edit = { r, c, NULL };

          g_array_append_val (edits, edit);
        }

  if (edits->len == 0)
    return;
  if (!sd_grid_model_set_cells (self->model, (SdGridEdit *) edits->data, edits->len, &bad,
                                &error))
    {
      GtkWidget *cell = NULL;

      if (bad < edits->len)
        cell = get_cell (self, g_array_index (edits, SdGridEdit, bad).row,
                         g_array_index (edits, SdGridEdit, bad).column);
      show_error (self, cell, error->message);
    }
}

static void
copy_selection (SdGrid *self)
{
  g_autofree char *text = sd_grid_dup_selection_text (self);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
on_paste_text_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SdGrid) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, NULL, _("The clipboard holds no text to paste. Copy cells in a spreadsheet and try again."));
      return;
    }
  sd_grid_paste_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SdGrid *self = SD_GRID (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 on_paste_text_read, g_object_ref (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_selection (SD_GRID (widget));
}

static gboolean
text_at_start (GtkWidget *cell)
{
  int start, end;

  if (gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), &start, &end))
    return start == 0;
  return gtk_editable_get_position (GTK_EDITABLE (cell)) == 0;
}

static gboolean
text_at_end (GtkWidget *cell)
{
  int start, end;
  int length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (cell)), -1);

  if (gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), &start, &end))
    return end == length;
  return gtk_editable_get_position (GTK_EDITABLE (cell)) == length;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SdGrid                *self)
{
  GtkWidget *cell = self->focus_cell;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean alt = (state & GDK_ALT_MASK) != 0;

  if (cell == NULL || !gtk_widget_has_focus (cell) || alt)
    return GDK_EVENT_PROPAGATE;

  if (ctrl)
    {
      switch (keyval)
        {
        case GDK_KEY_c:
        case GDK_KEY_C:
        case GDK_KEY_Insert:
          if (!self->editing)
            {
              copy_selection (self);
              return GDK_EVENT_STOP;
            }
          return GDK_EVENT_PROPAGATE;
        case GDK_KEY_v:
        case GDK_KEY_V:
          if (!self->editing)
            {
              gtk_widget_activate_action (GTK_WIDGET (self), "grid.paste", NULL);
              return GDK_EVENT_STOP;
            }
          return GDK_EVENT_PROPAGATE;
        default:
          return GDK_EVENT_PROPAGATE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor (self, -1, 0, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor (self, 1, 0, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (self->editing && !text_at_start (cell))
        return GDK_EVENT_PROPAGATE;
      move_cursor (self, 0, -1, shift && !self->editing);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (self->editing && !text_at_end (cell))
        return GDK_EVENT_PROPAGATE;
      move_cursor (self, 0, 1, shift && !self->editing);
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      move_cursor (self, 0, 1, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_ISO_Left_Tab:
      move_cursor (self, 0, -1, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!commit_cell (self, cell))
        return GDK_EVENT_STOP;
      move_cursor (self, shift ? -1 : 1, 0, FALSE);
      /* The last row: stay, but show the figure as written. */
      if (self->focus_cell == cell)
        {
          self->editing = FALSE;
          gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
        }
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (!self->editing && self->error_message == NULL)
        return GDK_EVENT_PROPAGATE;
      revert_cell (self, cell);
      return GDK_EVENT_STOP;
    case GDK_KEY_F2:
      self->editing = TRUE;
      gtk_editable_set_position (GTK_EDITABLE (cell), -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (self->editing)
        return GDK_EVENT_PROPAGATE;
      clear_selected_cells (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_BackSpace:
      if (self->editing)
        return GDK_EVENT_PROPAGATE;
      /* As in spreadsheets: the cell is emptied and edited. */
      if (gtk_editable_get_editable (GTK_EDITABLE (cell)))
        {
          gtk_editable_set_text (GTK_EDITABLE (cell), "");
          self->editing = TRUE;
        }
      return GDK_EVENT_STOP;
    default:
      /* A character typed over a cell replaces its (selected) content. */
      if (gdk_keyval_to_unicode (keyval) != 0)
        {
          guint row, column;

          if (!find_cell (self, cell, &row, &column) || !cell_is_editable (self, row, column))
            return GDK_EVENT_STOP;
          if (self->has_cursor &&
              (self->anchor_row != self->extent_row || self->anchor_column != self->extent_column))
            set_selection (self, row, column, row, column);
          /* Replace the content without relying on its text being selected: on X11 the
           * selection goes when another widget takes the PRIMARY selection. */
          if (!self->editing)
            gtk_editable_set_text (GTK_EDITABLE (cell), "");
          self->editing = TRUE;
        }
      return GDK_EVENT_PROPAGATE;
    }
}

static GtkWidget *
pick_cell (SdGrid *self,
           double  x,
           double  y,
           guint  *row,
           guint  *column)
{
  GtkWidget *picked = gtk_widget_pick (self->body_grid, x, y, GTK_PICK_DEFAULT);

  if (picked == NULL || !find_cell (self, picked, row, column))
    return NULL;
  return get_cell (self, *row, *column);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SdGrid         *self)
{
  self->drag_on_cell = pick_cell (self, x, y, &self->drag_start_row,
                                  &self->drag_start_column) != NULL;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SdGrid         *self)
{
  double x, y;
  guint row, column;

  if (!self->drag_on_cell || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  if (pick_cell (self, x + dx, y + dy, &row, &column) == NULL)
    return;
  /* Within one cell the text selects as usual; across cells, a block does. */
  if (row == self->drag_start_row && column == self->drag_start_column &&
      gtk_gesture_get_sequence_state (GTK_GESTURE (gesture),
                                      gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture))) != GTK_EVENT_SEQUENCE_CLAIMED)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->focus_cell != get_cell (self, self->drag_start_row, self->drag_start_column))
    sd_grid_focus_cell (self, self->drag_start_row, self->drag_start_column);
  self->editing = FALSE;
  set_selection (self, self->drag_start_row, self->drag_start_column, row, column);
}

static void
sd_grid_root (GtkWidget *widget)
{
  SdGrid *self = SD_GRID (widget);

  GTK_WIDGET_CLASS (sd_grid_parent_class)->root (widget);

  install_css (widget);
  self->root = gtk_widget_get_root (widget);
  self->focus_notify_id = g_signal_connect_swapped (self->root, "notify::focus-widget",
                                                    G_CALLBACK (on_focus_widget_notify), self);
}

static void
sd_grid_unroot (GtkWidget *widget)
{
  SdGrid *self = SD_GRID (widget);

  if (self->root != NULL)
    g_clear_signal_handler (&self->focus_notify_id, self->root);
  self->root = NULL;
  self->focus_cell = NULL;

  GTK_WIDGET_CLASS (sd_grid_parent_class)->unroot (widget);
}

static void
sd_grid_dispose (GObject *object)
{
  SdGrid *self = SD_GRID (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->model_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_grid_parent_class)->dispose (object);
}

static void
sd_grid_finalize (GObject *object)
{
  SdGrid *self = SD_GRID (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (sd_grid_parent_class)->finalize (object);
}

static void
sd_grid_class_init (SdGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_grid_dispose;
  object_class->finalize = sd_grid_finalize;
  widget_class->root = sd_grid_root;
  widget_class->unroot = sd_grid_unroot;

  /* The focused cell moved: pages show what it is about (the funnel of its month). */
  signals[CURSOR_CHANGED] =
    g_signal_new ("cursor-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "grid.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "grid.copy", NULL, copy_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sdgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);

  cell_index_quark = g_quark_from_static_string ("sd-grid-cell-index");
}

/* A GtkGrid whose 1 px gaps draw the lines between its children. */
static GtkWidget *
lines_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 1);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 1);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  gtk_widget_add_css_class (grid, "sd-grid-lines");
  return grid;
}

static GtkWidget *
make_scrolled (GtkPolicyType  h,
               GtkPolicyType  v,
               GtkWidget     *child)
{
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), h, v);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), child);
  /* The viewport's own scroll-to-focus animates towards wrong places with the shared
   * adjustments; the grid scrolls its cursor into view itself. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (sw))),
                                    FALSE);
  return sw;
}

static void
sd_grid_init (SdGrid *self)
{
  GtkEventController *key;
  GtkGesture *drag;

  self->cells = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->table = lines_grid ();
  gtk_widget_set_halign (self->table, GTK_ALIGN_FILL);
  gtk_widget_set_valign (self->table, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (self->table, "sd-grid-frame");
  gtk_widget_set_vexpand (self->table, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->table);

  self->corner = make_title ("", ROW_TITLE_WIDTH, 0.0);
  gtk_grid_attach (GTK_GRID (self->table), self->corner, 0, 0, 1, 1);

  self->header_grid = lines_grid ();
  self->header_sw = make_scrolled (GTK_POLICY_EXTERNAL, GTK_POLICY_NEVER, self->header_grid);
  gtk_widget_set_hexpand (self->header_sw, TRUE);
  gtk_grid_attach (GTK_GRID (self->table), self->header_sw, 1, 0, 1, 1);

  self->rows_grid = lines_grid ();
  self->rows_sw = make_scrolled (GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL, self->rows_grid);
  gtk_widget_set_vexpand (self->rows_sw, TRUE);
  gtk_grid_attach (GTK_GRID (self->table), self->rows_sw, 0, 1, 1, 1);

  self->body_grid = lines_grid ();
  self->body_sw = make_scrolled (GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC, self->body_grid);
  gtk_widget_add_css_class (self->body_sw, "sd-grid-body");
  gtk_widget_set_hexpand (self->body_sw, TRUE);
  gtk_widget_set_vexpand (self->body_sw, TRUE);
  gtk_grid_attach (GTK_GRID (self->table), self->body_sw, 1, 1, 1, 1);

  /* The frozen row and column follow the body's scrolling. */
  gtk_scrolled_window_set_hadjustment (GTK_SCROLLED_WINDOW (self->header_sw),
                                       gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->body_sw)));
  gtk_scrolled_window_set_vadjustment (GTK_SCROLLED_WINDOW (self->rows_sw),
                                       gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->body_sw)));

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_start (self->error_label, 6);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);

  /* One controller for every cell: capture sees the keys before the focused GtkText. */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->body_grid, key);

  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (self->body_grid, GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
sd_grid_new (void)
{
  return g_object_new (SD_TYPE_GRID, NULL);
}

void
sd_grid_set_model (SdGrid      *self,
                   SdGridModel *model)
{
  g_return_if_fail (SD_IS_GRID (self));
  g_return_if_fail (model == NULL || SD_IS_GRID_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->model_changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->model_changed_id = g_signal_connect_swapped (model, "changed",
                                                       G_CALLBACK (on_model_changed), self);
  rebuild (self);
}

SdGridModel *
sd_grid_get_model (SdGrid *self)
{
  g_return_val_if_fail (SD_IS_GRID (self), NULL);
  return self->model;
}

void
sd_grid_set_corner_title (SdGrid     *self,
                          const char *title)
{
  g_return_if_fail (SD_IS_GRID (self));
  gtk_label_set_text (GTK_LABEL (self->corner), title ? title : "");
}

void
sd_grid_set_read_only (SdGrid   *self,
                       gboolean  read_only)
{
  g_return_if_fail (SD_IS_GRID (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.paste", !read_only);
  clear_error (self);
  if (self->model != NULL)
    refresh (self);
}

gboolean
sd_grid_get_read_only (SdGrid *self)
{
  g_return_val_if_fail (SD_IS_GRID (self), FALSE);
  return self->read_only;
}

gboolean
sd_grid_get_cursor (SdGrid *self,
                    guint  *row,
                    guint  *column)
{
  g_return_val_if_fail (SD_IS_GRID (self), FALSE);

  if (!self->has_cursor)
    return FALSE;
  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
  return TRUE;
}

void
sd_grid_focus_cell (SdGrid *self,
                    guint   row,
                    guint   column)
{
  GtkWidget *cell;

  g_return_if_fail (SD_IS_GRID (self));

  cell = get_cell (self, row, column);
  if (cell == NULL)
    return;

  if (!gtk_widget_grab_focus (cell) || self->root == NULL)
    {
      /* Not in a window yet: remember where to start. */
      self->has_cursor = TRUE;
      self->cursor_row = row;
      self->cursor_column = column;
      if (!self->extending)
        set_selection (self, row, column, row, column);
      return;
    }
  /* Already focused (the focus handler does not run): still select it whole. */
  if (cell == self->focus_cell)
    {
      self->editing = FALSE;
      gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
    }
}

gboolean
sd_grid_get_selection (SdGrid *self,
                       guint  *first_row,
                       guint  *first_column,
                       guint  *last_row,
                       guint  *last_column)
{
  g_return_val_if_fail (SD_IS_GRID (self), FALSE);

  if (!self->has_cursor)
    return FALSE;
  sort_pair (self->anchor_row, self->extent_row, first_row, last_row);
  sort_pair (self->anchor_column, self->extent_column, first_column, last_column);
  return TRUE;
}

GtkWidget *
sd_grid_get_cell_widget (SdGrid *self,
                         guint   row,
                         guint   column)
{
  g_return_val_if_fail (SD_IS_GRID (self), NULL);
  return get_cell (self, row, column);
}

const char *
sd_grid_get_error_message (SdGrid *self)
{
  g_return_val_if_fail (SD_IS_GRID (self), NULL);
  return self->error_message;
}

/* "1,234.50" (English style): the commas group digits, they are not decimal separators. */
static gboolean
looks_grouped_en (const char *text)
{
  return strchr (text, '.') != NULL || sd_number_style_current () == SD_NUMBER_STYLE_EN;
}

char *
sd_grid_dup_selection_text (SdGrid *self)
{
  GString *text;
  guint r0, r1, c0, c1;

  g_return_val_if_fail (SD_IS_GRID (self), NULL);

  if (self->model == NULL || !sd_grid_get_selection (self, &r0, &c0, &r1, &c1))
    return NULL;

  text = g_string_new (NULL);
  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          g_autofree char *cell = sd_grid_model_dup_text (self->model, r, c);
          gboolean en;

          if (cell == NULL)
            cell = g_strdup ("");
          en = looks_grouped_en (cell);
          if (c > c0)
            g_string_append_c (text, '\t');
          /* Without group separators: spreadsheets read "1234567,89" in any locale's style,
           * but not every one reads a narrow no-break space inside a number. */
          for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar ch = g_utf8_get_char (p);

              if (ch != 0x202F && ch != 0x00A0 && ch != ' ' && !(ch == ',' && en))
                g_string_append_unichar (text, ch);
            }
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

gboolean
sd_grid_paste_text (SdGrid     *self,
                    const char *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  guint row0, column0, n_columns = 0, bad;

  g_return_val_if_fail (SD_IS_GRID (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->model == NULL || !self->has_cursor)
    return FALSE;

  if (self->read_only)
    {
      show_error (self, NULL, _("These figures cannot be changed here."));
      return FALSE;
    }

  rows = sd_grid_parse_tsv (text);
  if (rows->len == 0)
    return FALSE;

  row0 = MIN (self->anchor_row, self->extent_row);
  column0 = MIN (self->anchor_column, self->extent_column);
  for (guint r = 0; r < rows->len; r++)
    n_columns = MAX (n_columns, g_strv_length (rows->pdata[r]));

  if (row0 + rows->len > self->n_rows || column0 + n_columns > self->n_columns)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %u is a number of rows, the second of columns. */
      message = g_strdup_printf (_("The pasted block (%u × %u) does not fit here. Start it from a cell further up or to the left."),
                                 rows->len, n_columns);
      show_error (self, NULL, message);
      return FALSE;
    }

  edits = g_array_new (FALSE, FALSE, sizeof (SdGridEdit));
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv values = rows->pdata[r];

      for (guint c = 0; values[c] != NULL; c++)
        {
          SdGridEdit edit = { row0 + r, column0 + c, NULL };
          char *value = g_strstrip (values[c]);

          if (!cell_is_editable (self, edit.row, edit.column))
            {
              show_error (self, get_cell (self, edit.row, edit.column),
                          _("The pasted block covers cells that cannot be changed (totals or months outside employment). Nothing was pasted."));
              return FALSE;
            }
          edit.text = value[0] != '\0' ? value : NULL;
          g_array_append_val (edits, edit);
        }
    }

  if (!sd_grid_model_set_cells (self->model, (SdGridEdit *) edits->data, edits->len, &bad,
                                &error))
    {
      g_autofree char *message = NULL;
      GtkWidget *cell = NULL;

      if (bad < edits->len)
        cell = get_cell (self, g_array_index (edits, SdGridEdit, bad).row,
                         g_array_index (edits, SdGridEdit, bad).column);
      /* Translators: %s says what is wrong with one pasted value. */
      message = g_strdup_printf (_("Nothing was pasted: %s"), error->message);
      show_error (self, cell, message);
      return FALSE;
    }

  set_selection (self, row0, column0, row0 + rows->len - 1, column0 + n_columns - 1);
  return TRUE;
}
