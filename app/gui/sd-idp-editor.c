/* sd-idp-editor.c — a manager's individual development plan (ИПР)
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-idp-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-idp-editor.h"
#include "sd-idp-export.h"

#define N_ACTION_KINDS 5
#define N_STATUSES     4

struct _SdIdpEditor
{
  AdwWindow        parent_instance;

  SdStore         *store;
  SdStaffMember   *manager;
  SdIdp           *idp;
  GDate            today;
  gboolean         updating;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *title_row;
  GtkLabel        *summary_label;
  GtkListBox      *goal_list;
  GtkListBox      *action_list;
  GtkButton       *save_button;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SdIdpEditor, sd_idp_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (SdIdpEditor *self);

static void
toast (SdIdpEditor *self,
       const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_summary (SdIdpEditor *self)
{
  g_autoptr(GArray) overdue = sd_idp_find_overdue (self->idp, &self->today);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *created = sd_date_format (&self->idp->created, sd_number_style_current ());
  gint64 bp;

  /* Translators: "Иванов Пётр · made on 15.03.2026" */
  g_string_append_printf (text, _("%s · made on %s"), self->manager->name, created);
  if (sd_idp_completion_bp (self->idp, &bp))
    {
      g_autofree char *pct = sd_score_format_percent (bp, sd_number_style_current ());

      g_string_append_printf (text, _(" · done %s"), pct);
    }
  if (overdue->len > 0)
    g_string_append_printf (text, ngettext (" · %u action overdue", " · %u actions overdue",
                                            overdue->len),
                            overdue->len);
  gtk_label_set_label (self->summary_label, text->str);
}

/* --- goals --- */

static SdIdpGoal *
row_goal (SdIdpEditor *self,
          GObject     *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (widget, "sd-index"));

  return index < self->idp->goals->len ? g_ptr_array_index (self->idp->goals, index) : NULL;
}

static void
on_goal_title_changed (GtkEditable *entry,
                       SdIdpEditor *self)
{
  SdIdpGoal *goal = row_goal (self, G_OBJECT (entry));

  if (self->updating || goal == NULL)
    return;
  g_free (goal->title);
  goal->title = g_strdup (gtk_editable_get_text (entry));
}

static void
on_goal_unit_changed (GtkEditable *entry,
                      SdIdpEditor *self)
{
  SdIdpGoal *goal = row_goal (self, G_OBJECT (entry));
  const char *text = gtk_editable_get_text (entry);

  if (self->updating || goal == NULL)
    return;
  g_free (goal->unit);
  goal->unit = *text != '\0' ? g_strdup (text) : NULL;
}

static void
on_goal_value_changed (GtkSpinButton *spin,
                       SdIdpEditor   *self)
{
  SdIdpGoal *goal = row_goal (self, G_OBJECT (spin));
  const char *which = g_object_get_data (G_OBJECT (spin), "sd-which");
  gint64 value;

  if (self->updating || goal == NULL)
    return;
  value = (gint64) (gtk_spin_button_get_value (spin) * (double) sd_idp_goal_get_scale (goal) + 0.5);
  if (g_str_equal (which, "target"))
    goal->target = value;
  else if (g_str_equal (which, "baseline"))
    goal->baseline = value;
  else
    {
      goal->has_actual = TRUE;
      goal->actual = value;
    }
}

static void
on_remove_goal_clicked (GtkButton   *button,
                        SdIdpEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sd-index"));

  if (index < self->idp->goals->len)
    sd_idp_remove_goal (self->idp, index);
  rebuild (self);
}

static GtkWidget *
value_spin (SdIdpEditor     *self,
            const SdIdpGoal *goal,
            guint            index,
            const char      *which,
            gint64           value,
            const char      *tooltip)
{
  double factor = (double) sd_idp_goal_get_scale (goal);
  double upper = goal->kind == SD_IDP_TARGET_CUSTOM ? 1e9
                 : goal->kind == SD_IDP_TARGET_COMPETENCY ? 10 : 100;
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, factor > 1 ? 0.5 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), factor > 1 ? 2 : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) value / factor);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, tooltip);
  g_object_set_data (G_OBJECT (spin), "sd-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (spin), "sd-which", (gpointer) which);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_goal_value_changed), self, 0);
  return spin;
}

static GtkWidget *
goal_row (SdIdpEditor *self,
          guint        index)
{
  const SdIdpGoal *goal = g_ptr_array_index (self->idp->goals, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *label;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *unit = g_strdup_printf ("→ %s", sd_idp_goal_get_unit (goal));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  gtk_editable_set_text (GTK_EDITABLE (entry), goal->title != NULL ? goal->title : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What should get better"));
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data (G_OBJECT (entry), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_goal_title_changed), self, 0);
  gtk_grid_attach (GTK_GRID (grid), entry, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_spin (self, goal, index, "baseline", goal->baseline,
                                                _("Where the manager was when the goal was set")),
                   1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_spin (self, goal, index, "target", goal->target,
                                                _("The target: at least this")),
                   2, 0, 1, 1);
  if (goal->kind == SD_IDP_TARGET_CUSTOM)
    {
      GtkWidget *unit_entry = gtk_entry_new ();

      gtk_editable_set_text (GTK_EDITABLE (unit_entry), goal->unit != NULL ? goal->unit : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (unit_entry), _("Unit: meetings a week"));
      gtk_editable_set_width_chars (GTK_EDITABLE (unit_entry), 14);
      g_object_set_data (G_OBJECT (unit_entry), "sd-index", GUINT_TO_POINTER (index));
      g_signal_connect_object (unit_entry, "changed", G_CALLBACK (on_goal_unit_changed), self, 0);
      gtk_grid_attach (GTK_GRID (grid), unit_entry, 3, 0, 1, 1);
    }
  else
    {
      label = gtk_label_new (unit);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, 3, 0, 1, 1);
    }
  if (goal->kind == SD_IDP_TARGET_CUSTOM)
    gtk_grid_attach (GTK_GRID (grid), value_spin (self, goal, index, "actual",
                                                  goal->has_actual ? goal->actual : goal->baseline,
                                                  _("The value reached so far, typed in by hand")),
                     4, 0, 1, 1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the goal"));
  g_object_set_data (G_OBJECT (remove), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_goal_clicked), self, 0);
  gtk_grid_attach (GTK_GRID (grid), remove, 5, 0, 1, 1);
  if (goal->reason != NULL)
    {
      label = gtk_label_new (goal->reason);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 6, 1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* --- actions --- */

static SdIdpAction *
row_action (SdIdpEditor *self,
            GObject     *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (widget, "sd-index"));

  return index < self->idp->actions->len ? g_ptr_array_index (self->idp->actions, index) : NULL;
}

static void
on_action_text_changed (GtkEditable *entry,
                        SdIdpEditor *self)
{
  SdIdpAction *action = row_action (self, G_OBJECT (entry));
  const char *which = g_object_get_data (G_OBJECT (entry), "sd-which");
  const char *text = gtk_editable_get_text (entry);

  if (self->updating || action == NULL)
    return;
  if (g_str_equal (which, "title"))
    {
      g_free (action->title);
      action->title = g_strdup (text);
    }
  else if (g_str_equal (which, "owner"))
    {
      g_free (action->owner);
      action->owner = *text != '\0' ? g_strdup (text) : NULL;
    }
  else if (g_str_equal (which, "notes"))
    {
      g_free (action->notes);
      action->notes = *text != '\0' ? g_strdup (text) : NULL;
    }
  else
    {
      if (sd_date_parse (text, &action->deadline, NULL))
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      else
        {
          g_date_clear (&action->deadline, 1);
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
        }
      update_summary (self);
    }
}

static void
on_action_kind_selected (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         SdIdpEditor *self)
{
  SdIdpAction *action = row_action (self, G_OBJECT (dropdown));

  if (self->updating || action == NULL)
    return;
  action->kind = (SdIdpActionKind) gtk_drop_down_get_selected (dropdown);
}

static void
on_action_status_selected (GtkDropDown *dropdown,
                           GParamSpec  *pspec,
                           SdIdpEditor *self)
{
  g_autoptr(GError) error = NULL;
  SdIdpAction *action = row_action (self, G_OBJECT (dropdown));

  if (self->updating || action == NULL)
    return;
  if (!sd_idp_action_set_status (action, (SdIdpStatus) gtk_drop_down_get_selected (dropdown),
                                 &self->today, &error))
    {
      toast (self, error->message);
      self->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, (guint) action->status);
      self->updating = FALSE;
      return;
    }
  update_summary (self);
}

static void
on_remove_action_clicked (GtkButton   *button,
                          SdIdpEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sd-index"));

  if (index < self->idp->actions->len)
    g_ptr_array_remove_index (self->idp->actions, index);
  rebuild (self);
}

static GtkWidget *
action_entry (SdIdpEditor *self,
              guint        index,
              const char  *which,
              const char  *text,
              const char  *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (entry), "sd-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "sd-which", (gpointer) which);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_action_text_changed), self, 0);
  return entry;
}

static GtkWidget *
action_row (SdIdpEditor *self,
            guint        index)
{
  const SdIdpAction *action = g_ptr_array_index (self->idp->actions, index);
  const char *kinds[N_ACTION_KINDS + 1];
  const char *statuses[N_STATUSES + 1];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title, *owner, *deadline, *notes, *kind, *status;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *deadline_text = g_date_valid (&action->deadline)
                                   ? sd_date_format (&action->deadline, sd_number_style_current ())
                                   : NULL;
  guint overdue = sd_idp_action_days_overdue (action, &self->today);

  for (guint k = 0; k < N_ACTION_KINDS; k++)
    kinds[k] = sd_idp_action_kind_get_label ((SdIdpActionKind) k);
  kinds[N_ACTION_KINDS] = NULL;
  for (guint s = 0; s < N_STATUSES; s++)
    statuses[s] = sd_idp_status_get_label ((SdIdpStatus) s);
  statuses[N_STATUSES] = NULL;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  title = action_entry (self, index, "title", action->title, _("What is done"));
  gtk_widget_set_hexpand (title, TRUE);
  kind = gtk_drop_down_new_from_strings (kinds);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), (guint) action->kind);
  gtk_widget_set_tooltip_text (kind, _("Kind of training"));
  g_object_set_data (G_OBJECT (kind), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (on_action_kind_selected), self, 0);
  status = gtk_drop_down_new_from_strings (statuses);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), (guint) action->status);
  gtk_widget_set_tooltip_text (status, _("Status"));
  g_object_set_data (G_OBJECT (status), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (on_action_status_selected),
                           self, 0);
  owner = action_entry (self, index, "owner", action->owner, _("Who does it"));
  gtk_editable_set_width_chars (GTK_EDITABLE (owner), 16);
  deadline = action_entry (self, index, "deadline", deadline_text, _("Deadline"));
  gtk_editable_set_width_chars (GTK_EDITABLE (deadline), 10);
  notes = action_entry (self, index, "notes", action->notes, _("Notes"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the action"));
  g_object_set_data (G_OBJECT (remove), "sd-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_action_clicked), self, 0);

  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), kind, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), notes, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), owner, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), deadline, 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), status, 3, 1, 1, 1);
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Overdue by %u day", "Overdue by %u days",
                                                         overdue),
                                               overdue);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 4, 1);
      gtk_widget_add_css_class (deadline, "error");
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
rebuild (SdIdpEditor *self)
{
  self->updating = TRUE;
  clear_list (self->goal_list);
  clear_list (self->action_list);
  for (guint i = 0; i < self->idp->goals->len; i++)
    gtk_list_box_append (self->goal_list, goal_row (self, i));
  for (guint i = 0; i < self->idp->actions->len; i++)
    gtk_list_box_append (self->action_list, action_row (self, i));
  if (self->idp->goals->len == 0)
    add_placeholder (self->goal_list, _("No goals. “Propose” finds the growth zones."));
  if (self->idp->actions->len == 0)
    add_placeholder (self->action_list, _("No actions yet."));
  self->updating = FALSE;
  update_summary (self);
}

static void
on_add_goal_clicked (SdIdpEditor *self)
{
  SdIdpGoal *goal = sd_idp_goal_new (SD_IDP_TARGET_CUSTOM, "", 0, 1);

  sd_idp_add_goal (self->idp, goal);
  rebuild (self);
}

static void
on_add_action_clicked (SdIdpEditor *self)
{
  GDate deadline = self->today;

  g_date_add_days (&deadline, SD_IDP_DEFAULT_DAYS);
  sd_idp_add_action (self->idp, sd_idp_action_new (SD_IDP_ACTION_SITUATIONAL, "",
                                                   _("Head of sales"), &deadline));
  rebuild (self);
}

gboolean
sd_idp_editor_propose (SdIdpEditor  *self,
                       GError      **error)
{
  g_autoptr(SdPeopleSnapshot) snap = NULL;
  g_autoptr(GPtrArray) lagging = NULL;
  g_autoptr(SdIdp) proposal = NULL;
  SdIdpProposalInput input;
  SdPeopleData data = { NULL, };
  SdMonth month = sd_month_from_date (&self->today);

  g_return_val_if_fail (SD_IS_IDP_EDITOR (self), FALSE);

  snap = sd_store_people_load (self->store, month - 23, month, error);
  if (snap == NULL)
    return FALSE;
  data.calls = snap->calls;
  data.assessments = snap->assessments;
  data.plan_fact = snap->plan_fact;
  sd_idp_proposal_input_init (&input, self->manager->id, &self->today);
  input.data = &data;
  input.checklist = snap->checklist;
  input.hired = self->manager->hired;
  lagging = sd_plan_fact_find_lagging (snap->plan_fact, month - 1,
                                       sd_store_get_setting_int (self->store, "lag-threshold-bp",
                                                                 SD_PLAN_DEFAULT_LAG_THRESHOLD_BP),
                                       (guint) CLAMP (sd_store_get_setting_int (self->store,
                                                                                "lag-months",
                                                                                SD_PLAN_DEFAULT_LAG_MONTHS),
                                                      1, 24));
  for (guint i = 0; lagging != NULL && i < lagging->len; i++)
    {
      const SdLagging *l = g_ptr_array_index (lagging, i);

      if (l->manager_id == self->manager->id)
        input.lagging = l;
    }
  proposal = sd_idp_propose (&input, error);
  if (proposal == NULL)
    return FALSE;
  g_ptr_array_set_size (self->idp->goals, 0);
  g_ptr_array_set_size (self->idp->actions, 0);
  for (guint i = 0; i < proposal->goals->len; i++)
    sd_idp_add_goal (self->idp, sd_idp_goal_copy (g_ptr_array_index (proposal->goals, i)));
  for (guint i = 0; i < proposal->actions->len; i++)
    sd_idp_add_action (self->idp, sd_idp_action_copy (g_ptr_array_index (proposal->actions, i)));
  rebuild (self);
  return TRUE;
}

static void
on_propose_clicked (SdIdpEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!sd_idp_editor_propose (self, &error))
    toast (self, error->message);
  else if (self->idp->goals->len == 0 && self->idp->actions->len == 0)
    toast (self, _("Nothing stands out: no weak criteria or competencies and no plan lag."));
}

static void
on_save_clicked (SdIdpEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  gint64 id;

  g_free (self->idp->title);
  self->idp->title = *title != '\0' ? g_strdup (title) : NULL;
  if (self->idp->id == 0)
    id = sd_store_people_add_idp (self->store, self->idp, &error);
  else
    id = sd_store_people_update_idp (self->store, self->idp, &error) ? self->idp->id : 0;
  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
sd_idp_editor_export_pdf (SdIdpEditor  *self,
                          const char   *path,
                          GError      **error)
{
  g_return_val_if_fail (SD_IS_IDP_EDITOR (self), FALSE);
  return sd_export_idp_pdf (self->idp, self->manager->name, &self->today, path, error);
}

gboolean
sd_idp_editor_export_xlsx (SdIdpEditor  *self,
                           const char   *path,
                           GError      **error)
{
  g_return_val_if_fail (SD_IS_IDP_EDITOR (self), FALSE);
  return sd_export_idp_xlsx (self->idp, self->manager->name, &self->today, path, error);
}

static void
on_export_response (SdIdpEditor          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      gboolean xlsx = path != NULL && g_str_has_suffix (path, ".xlsx");
      gboolean ok = path == NULL ||
                    (xlsx ? sd_idp_editor_export_xlsx (self, path, &error)
                          : sd_idp_editor_export_pdf (self, path, &error));

      if (!ok)
        toast (self, error->message);
      else if (path != NULL)
        toast (self, xlsx ? _("The plan is saved as an Excel workbook")
                          : _("The plan is saved as PDF"));
    }
  g_clear_object (&self->chooser);
}

static void
export_as (SdIdpEditor *self,
           gboolean     xlsx)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (xlsx ? _("Export the Plan to Excel")
                                                    : _("Export the Plan as PDF"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, xlsx ? _("Excel workbooks") : _("PDF documents"));
  gtk_file_filter_add_suffix (filter, xlsx ? "xlsx" : "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the suggested file name of an exported plan, "ИПР Иванов Пётр"; the
   * extension is added after it */
  base = g_strdup_printf (_("Development plan %s"), self->manager->name);
  name = g_strconcat (base, xlsx ? ".xlsx" : ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_clicked (SdIdpEditor *self)
{
  export_as (self, FALSE);
}

static void
on_export_xlsx_clicked (SdIdpEditor *self)
{
  export_as (self, TRUE);
}

static void
sd_idp_editor_dispose (GObject *object)
{
  SdIdpEditor *self = SD_IDP_EDITOR (object);

  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_IDP_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_idp_editor_parent_class)->dispose (object);
}

static void
sd_idp_editor_finalize (GObject *object)
{
  SdIdpEditor *self = SD_IDP_EDITOR (object);

  g_clear_pointer (&self->idp, sd_idp_free);
  g_clear_pointer (&self->manager, sd_staff_member_free);

  G_OBJECT_CLASS (sd_idp_editor_parent_class)->finalize (object);
}

static void
sd_idp_editor_class_init (SdIdpEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_idp_editor_dispose;
  object_class->finalize = sd_idp_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-idp-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SdIdpEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdIdpEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SdIdpEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdIdpEditor, goal_list);
  gtk_widget_class_bind_template_child (widget_class, SdIdpEditor, action_list);
  gtk_widget_class_bind_template_child (widget_class, SdIdpEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_propose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_xlsx_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action_clicked);
}

static void
sd_idp_editor_init (SdIdpEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdIdpEditor *
sd_idp_editor_new (GtkWindow           *parent,
                   SdStore             *store,
                   const SdStaffMember *manager,
                   const SdIdp         *idp,
                   const GDate         *today)
{
  SdIdpEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (manager != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (SD_TYPE_IDP_EDITOR, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->manager = sd_staff_member_copy (manager);
  self->today = *today;
  /* Translators: window title, "Development Plan — Иванов Пётр" */
  title = g_strdup_printf (_("Development Plan — %s"), manager->name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (idp != NULL)
    self->idp = sd_idp_copy (idp);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *plan_title = NULL;

      self->idp = sd_idp_new (manager->id, today);
      /* Translators: the default title of a new development plan */
      plan_title = g_strdup_printf (_("Development plan: %s"), manager->name);
      self->idp->title = g_steal_pointer (&plan_title);
      if (!sd_idp_editor_propose (self, &error))
        toast (self, error->message);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         self->idp->title != NULL ? self->idp->title : "");
  rebuild (self);
  return self;
}

const SdIdp *
sd_idp_editor_get_idp (SdIdpEditor *self)
{
  g_return_val_if_fail (SD_IS_IDP_EDITOR (self), NULL);

  return self->idp;
}
