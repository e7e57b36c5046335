/* sd-checklist-editor.c — edit the call checklist and the assessment template
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-checklist-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-checklist-editor.h"

/* One tab: a checklist of one kind being edited. */
typedef struct {
  SdChecklistEditor *editor;
  SdChecklist       *checklist;
  GtkEntry          *name_entry;
  GtkListBox        *list;
  GtkLabel          *status_label;
  GtkButton         *save_button;
  gboolean           updating;
} Tab;

struct _SdChecklistEditor
{
  AdwWindow        parent_instance;

  SdStore         *store;
  Tab              tabs[2];   /* SD_CHECKLIST_CALL, SD_CHECKLIST_ASSESSMENT */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
};

G_DEFINE_FINAL_TYPE (SdChecklistEditor, sd_checklist_editor, ADW_TYPE_WINDOW)

static void rebuild (Tab *tab);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_status (Tab *tab)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  g_free (tab->checklist->name);
  tab->checklist->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (tab->name_entry)));
  valid = sd_checklist_validate (tab->checklist, &error);
  if (valid && tab->checklist->kind == SD_CHECKLIST_CALL)
    gtk_label_set_label (tab->status_label, _("Weights add up to 100%. Scored calls keep the "
                                              "criteria they were scored against."));
  else if (valid)
    gtk_label_set_label (tab->status_label, _("Every competency is scored 1 to its top score; "
                                              "each level can have a description."));
  else
    gtk_label_set_label (tab->status_label, error->message);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (tab->status_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (tab->status_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (tab->save_button), valid);
}

static SdCriterion *
widget_criterion (Tab       *tab,
                  GtkWidget *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "sd-index"));

  return index < sd_checklist_get_n_criteria (tab->checklist)
         ? sd_checklist_get_criterion (tab->checklist, index) : NULL;
}

static void
on_text_changed (GtkEditable *entry,
                 Tab         *tab)
{
  SdCriterion *c = widget_criterion (tab, GTK_WIDGET (entry));
  const char *which = g_object_get_data (G_OBJECT (entry), "sd-which");
  const char *text = gtk_editable_get_text (entry);

  if (tab->updating || c == NULL)
    return;
  if (g_str_equal (which, "name"))
    {
      g_free (c->name);
      c->name = g_strdup (text);
    }
  else if (g_str_equal (which, "description"))
    sd_criterion_set_description (c, *text != '\0' ? text : NULL);
  else
    {
      guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "sd-level"));

      if (c->levels != NULL && level < g_strv_length (c->levels))
        {
          g_free (c->levels[level]);
          c->levels[level] = g_strdup (text);
        }
    }
  update_status (tab);
}

static void
on_weight_changed (GtkSpinButton *spin,
                   Tab           *tab)
{
  SdCriterion *c = widget_criterion (tab, GTK_WIDGET (spin));

  if (tab->updating || c == NULL)
    return;
  c->weight = gtk_spin_button_get_value_as_int (spin);
  update_status (tab);
}

static void
on_max_changed (GtkSpinButton *spin,
                Tab           *tab)
{
  SdCriterion *c = widget_criterion (tab, GTK_WIDGET (spin));
  int bottom = sd_checklist_kind_min_score (tab->checklist->kind);
  int max;

  if (tab->updating || c == NULL)
    return;
  max = gtk_spin_button_get_value_as_int (spin);
  c->max_score = max;
  /* The level descriptions follow the scale: kept where they were, blank for new levels. */
  if (c->levels != NULL)
    {
      guint n = (guint) (max - bottom + 1);
      g_auto(GStrv) old = g_steal_pointer (&c->levels);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) levels = NULL;

      for (guint i = 0; i < n; i++)
        g_strv_builder_add (builder, i < g_strv_length (old) ? old[i] : "");
      levels = g_strv_builder_end (builder);
      sd_criterion_set_levels (c, (const char * const *) levels);
    }
  rebuild (tab);
}

static void
on_remove_clicked (GtkButton *button,
                   Tab       *tab)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sd-index"));

  if (index < tab->checklist->criteria->len)
    g_ptr_array_remove_index (tab->checklist->criteria, index);
  rebuild (tab);
}

static GtkWidget *
text_entry (Tab        *tab,
            guint       index,
            const char *which,
            const char *text,
            const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data (G_OBJECT (entry), "sd-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "sd-which", (gpointer) which);
  g_signal_connect (entry, "changed", G_CALLBACK (on_text_changed), tab);
  return entry;
}

static GtkWidget *
criterion_row (Tab   *tab,
               guint  index)
{
  SdCriterion *c = sd_checklist_get_criterion (tab->checklist, index);
  gboolean call = tab->checklist->kind == SD_CHECKLIST_CALL;
  int bottom = sd_checklist_kind_min_score (tab->checklist->kind);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *spin, *label;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  int line = 2;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_grid_attach (GTK_GRID (grid), text_entry (tab, index, "name", c->name,
                                                call ? _("Criterion") : _("Competency")),
                   0, 0, 1, 1);
  if (call)
    {
      g_autofree char *name = g_strdup_printf ("weight-%s", c->key);

      label = gtk_label_new (_("Weight, %"));
      gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
      spin = gtk_spin_button_new_with_range (0, 100, 1);
      gtk_widget_set_name (spin, name);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), c->weight);
      g_object_set_data (G_OBJECT (spin), "sd-index", GUINT_TO_POINTER (index));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_weight_changed), tab);
      gtk_grid_attach (GTK_GRID (grid), spin, 2, 0, 1, 1);
    }
  label = gtk_label_new (_("Top score"));
  gtk_grid_attach (GTK_GRID (grid), label, 3, 0, 1, 1);
  spin = gtk_spin_button_new_with_range (call ? 1 : 2, SD_CHECKLIST_MAX_SCALE, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), c->max_score);
  g_object_set_data (G_OBJECT (spin), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_max_changed), tab);
  gtk_grid_attach (GTK_GRID (grid), spin, 4, 0, 1, 1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  g_object_set_data (G_OBJECT (remove), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), tab);
  gtk_grid_attach (GTK_GRID (grid), remove, 5, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), text_entry (tab, index, "description", c->description,
                                                _("What the listener checks")),
                   0, 1, 5, 1);
  for (guint l = 0; c->levels != NULL && c->levels[l] != NULL; l++)
    {
      g_autofree char *score = g_strdup_printf ("%d", bottom + (int) l);
      GtkWidget *entry = text_entry (tab, index, "level", c->levels[l],
                                     _("What this level looks like"));

      g_object_set_data (G_OBJECT (entry), "sd-level", GUINT_TO_POINTER (l));
      label = gtk_label_new (score);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (grid), entry, 0, line, 4, 1);
      gtk_grid_attach (GTK_GRID (grid), label, 4, line, 1, 1);
      line++;
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
rebuild (Tab *tab)
{
  tab->updating = TRUE;
  clear_list (tab->list);
  for (guint i = 0; i < sd_checklist_get_n_criteria (tab->checklist); i++)
    gtk_list_box_append (tab->list, criterion_row (tab, i));
  tab->updating = FALSE;
  update_status (tab);
}

static void
on_add_clicked (GtkButton *button,
                Tab       *tab)
{
  g_autofree char *key = sd_checklist_make_key (tab->checklist);
  gboolean call = tab->checklist->kind == SD_CHECKLIST_CALL;
  SdCriterion *c;

  c = sd_checklist_add_criterion (tab->checklist, key, "", call ? 0 : 0,
                                  call ? SD_CHECKLIST_DEFAULT_CALL_SCALE
                                       : SD_CHECKLIST_DEFAULT_COMPETENCY_SCALE);
  if (!call)
    {
      const char *blank[] = { "", "", "", "", "", NULL };

      sd_criterion_set_levels (c, blank);
    }
  rebuild (tab);
}

static void
on_save_clicked (GtkButton *button,
                 Tab       *tab)
{
  SdChecklistEditor *self = tab->editor;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  update_status (tab);
  if (tab->checklist->id == 0)
    {
      gint64 id = sd_store_people_add_checklist (self->store, tab->checklist, &error);

      ok = id > 0;
      if (ok)
        tab->checklist->id = id;
    }
  else
    ok = sd_store_people_update_checklist (self->store, tab->checklist, &error);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (ok ? _("Saved") : error->message));
}

static GtkWidget *
build_tab (SdChecklistEditor *self,
           SdChecklistKind    kind)
{
  Tab *tab = &self->tabs[kind];
  g_autoptr(GError) error = NULL;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *add = gtk_button_new_with_mnemonic (kind == SD_CHECKLIST_CALL ? _("_Add Criterion")
                                                                          : _("_Add Competency"));
  GtkWidget *label = gtk_label_new (_("Name"));

  tab->editor = self;
  tab->checklist = sd_store_people_get_current_checklist (self->store, kind, &error);
  if (tab->checklist == NULL)
    tab->checklist = kind == SD_CHECKLIST_CALL ? sd_checklist_new_default_call ()
                                               : sd_checklist_new_default_assessment ();
  tab->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (tab->name_entry), tab->checklist->name);
  gtk_widget_set_hexpand (GTK_WIDGET (tab->name_entry), TRUE);
  g_signal_connect_swapped (tab->name_entry, "changed", G_CALLBACK (update_status), tab);
  tab->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_set_name (GTK_WIDGET (tab->save_button), "save");
  gtk_widget_add_css_class (GTK_WIDGET (tab->save_button), "suggested-action");
  g_signal_connect (tab->save_button, "clicked", G_CALLBACK (on_save_clicked), tab);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), tab);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (tab->name_entry));
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (tab->save_button));

  tab->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (tab->status_label), "status");
  gtk_label_set_xalign (tab->status_label, 0);
  gtk_label_set_wrap (tab->status_label, TRUE);
  tab->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (tab->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (tab->list), "boxed-list");

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->status_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  rebuild (tab);
  return scroller;
}

static void
sd_checklist_editor_dispose (GObject *object)
{
  SdChecklistEditor *self = SD_CHECKLIST_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_CHECKLIST_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_checklist_editor_parent_class)->dispose (object);
}

static void
sd_checklist_editor_finalize (GObject *object)
{
  SdChecklistEditor *self = SD_CHECKLIST_EDITOR (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->tabs); i++)
    g_clear_pointer (&self->tabs[i].checklist, sd_checklist_free);

  G_OBJECT_CLASS (sd_checklist_editor_parent_class)->finalize (object);
}

static void
sd_checklist_editor_class_init (SdChecklistEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_checklist_editor_dispose;
  object_class->finalize = sd_checklist_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-checklist-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SdChecklistEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdChecklistEditor, stack);
}

static void
sd_checklist_editor_init (SdChecklistEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdChecklistEditor *
sd_checklist_editor_new (GtkWindow *parent,
                         SdStore   *store)
{
  SdChecklistEditor *self;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  self = g_object_new (SD_TYPE_CHECKLIST_EDITOR, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  gtk_stack_add_titled (self->stack, build_tab (self, SD_CHECKLIST_CALL), "call",
                        _("Call Checklist"));
  gtk_stack_add_titled (self->stack, build_tab (self, SD_CHECKLIST_ASSESSMENT), "assessment",
                        _("Assessment Template"));
  return self;
}
