/* sd-grid.h — a spreadsheet-like grid of editable cells with frozen headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid shows what an SdGridModel says (rows × columns of text) and hands edits back to
 * it; the model parses and writes them. One typed cell or one pasted block is one call of
 * sd_grid_model_set_cells(), so the model can write it in one store transaction.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SD_GRID_ERROR (sd_grid_error_quark ())

typedef enum {
  SD_GRID_ERROR_READ_ONLY,   /* a pasted block covers cells that cannot be edited */
  SD_GRID_ERROR_VALUE,       /* a value the model does not accept */
} SdGridError;

typedef enum {
  SD_GRID_CELL_EDITABLE = 1 << 0,
  SD_GRID_CELL_EDITED   = 1 << 1,  /* entered by hand: shown in bold */
  SD_GRID_CELL_TOTAL    = 1 << 2,  /* a sum: shown dimmed */
  SD_GRID_CELL_WARNING  = 1 << 3,  /* something to look at (a rest that is not zero) */
} SdGridCellFlags;

/* One cell's new text; text NULL means "clear it" (reset a hand edit). */
typedef struct {
  guint       row;
  guint       column;
  const char *text;
} SdGridEdit;

#define SD_TYPE_GRID_MODEL (sd_grid_model_get_type ())
G_DECLARE_INTERFACE (SdGridModel, sd_grid_model, SD, GRID_MODEL, GObject)

struct _SdGridModelInterface
{
  GTypeInterface parent_iface;

  guint            (*get_n_rows)      (SdGridModel *self);
  guint            (*get_n_columns)   (SdGridModel *self);
  char            *(*dup_row_title)   (SdGridModel *self,
                                       guint        row);
  char            *(*dup_column_title)(SdGridModel *self,
                                       guint        column);
  char            *(*dup_text)        (SdGridModel *self,
                                       guint        row,
                                       guint        column);
  SdGridCellFlags  (*get_flags)       (SdGridModel *self,
                                       guint        row,
                                       guint        column);
  /* All or nothing. On a bad value: FALSE, `error` saying why in the user's words and
   * `bad_index` the edit it is about (G_MAXUINT when not about one). */
  gboolean         (*set_cells)       (SdGridModel      *self,
                                       const SdGridEdit *edits,
                                       guint             n_edits,
                                       guint            *bad_index,
                                       GError          **error);
};

GQuark          sd_grid_error_quark          (void);

guint           sd_grid_model_get_n_rows     (SdGridModel *self);
guint           sd_grid_model_get_n_columns  (SdGridModel *self);
char           *sd_grid_model_dup_row_title  (SdGridModel *self,
                                              guint        row);
char           *sd_grid_model_dup_column_title (SdGridModel *self,
                                              guint        column);
char           *sd_grid_model_dup_text       (SdGridModel *self,
                                              guint        row,
                                              guint        column);
SdGridCellFlags sd_grid_model_get_flags      (SdGridModel *self,
                                              guint        row,
                                              guint        column);
gboolean        sd_grid_model_set_cells      (SdGridModel      *self,
                                              const SdGridEdit *edits,
                                              guint             n_edits,
                                              guint            *bad_index,
                                              GError          **error);
/* Models call this after their figures changed: the grid re-reads every cell (and rebuilds
 * itself when the number of rows or columns changed). */
void            sd_grid_model_changed        (SdGridModel *self);

/* Splits text copied from a spreadsheet (tab-separated cells, one row per line, a trailing
 * newline ignored) into rows of cells: a GPtrArray of GStrv. */
GPtrArray      *sd_grid_parse_tsv            (const char *text);

#define SD_TYPE_GRID (sd_grid_get_type ())
G_DECLARE_FINAL_TYPE (SdGrid, sd_grid, SD, GRID, GtkWidget)

GtkWidget      *sd_grid_new                  (void);
/* The model to show (may be NULL); the grid keeps a reference. */
void            sd_grid_set_model            (SdGrid      *self,
                                              SdGridModel *model);
SdGridModel    *sd_grid_get_model            (SdGrid *self);
/* The heading above the row titles ("Manager"). */
void            sd_grid_set_corner_title     (SdGrid     *self,
                                              const char *title);
/* A read-only grid shows its figures but accepts no edits (an approved plan). */
void            sd_grid_set_read_only        (SdGrid   *self,
                                              gboolean  read_only);
gboolean        sd_grid_get_read_only        (SdGrid *self);
/* The cell with the keyboard focus (or last had it); FALSE when none. */
gboolean        sd_grid_get_cursor           (SdGrid *self,
                                              guint  *row,
                                              guint  *column);
/* Moves the keyboard focus to a cell. */
void            sd_grid_focus_cell           (SdGrid *self,
                                              guint   row,
                                              guint   column);
/* The selected block (the focused cell alone when nothing else is selected). */
gboolean        sd_grid_get_selection        (SdGrid *self,
                                              guint  *first_row,
                                              guint  *first_column,
                                              guint  *last_row,
                                              guint  *last_column);
/* The widget of a cell (a GtkText), for tests and accessibility. */
GtkWidget      *sd_grid_get_cell_widget      (SdGrid *self,
                                              guint   row,
                                              guint   column);
/* The message under the grid about the last refused edit, or NULL. */
const char     *sd_grid_get_error_message    (SdGrid *self);
/* The selected block as tab-separated text, as copied to the clipboard. */
char           *sd_grid_dup_selection_text   (SdGrid *self);
/* Writes a tab-separated block starting at the focused cell, as pasting does. */
gboolean        sd_grid_paste_text           (SdGrid     *self,
                                              const char *text);

G_END_DECLS
