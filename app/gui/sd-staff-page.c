/* sd-staff-page.c — the people of the sales department: list, add, edit, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-staff-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-staff-item.h"
#include "sd-import-dialog.h"
#include "sd-staff-page-private.h"

struct _SdStaffPage
{
  SdPage              parent_instance;

  /* The context's store we listen to; changes with the context's. */

  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *search_folded;

  /* Open while asking or editing; weak pointers. */
  SdStaffDialog      *staff_dialog;
  AdwMessageDialog   *confirm_dialog;
  gint64              pending_id;
  char               *pending_name;

  /* Template children */
  GtkWidget          *add_button;
  GtkWidget          *edit_button;
  GtkWidget          *remove_button;
  GtkToggleButton    *archived_toggle;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *hired_column;
  GtkColumnViewColumn *left_column;
  GtkColumnViewColumn *status_column;

  /* The list is read from the file when the page is shown, not before. */
  /* The first fill waits for the window's first frame, so the window appears at once. */
};

G_DEFINE_FINAL_TYPE (SdStaffPage, sd_staff_page, SD_TYPE_PAGE)

static SdStaffItem *
get_selected_item (SdStaffPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
add_toast (SdStaffPage *self,
           const char  *title_markup,
           gboolean     undo_button)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (title_markup);
  if (undo_button)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
update_actions (SdStaffPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  SdStaffItem *item = get_selected_item (self);
  gboolean archived = item != NULL && sd_staff_item_is_archived (item);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.add", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.remove", item != NULL);

  gtk_button_set_label (GTK_BUTTON (self->remove_button),
                        archived ? _("_Restore") : _("_Remove"));
  gtk_widget_set_tooltip_text (self->remove_button,
                               archived
                               ? _("Put the selected person back into the team")
                               : _("Remove the selected person (Delete)"));
}

static void
update_state (SdStaffPage *self)
{
  const char *state;

  /* With only archived people, hidden, the team is indeed empty. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    state = "list";
  else if (self->search_folded != NULL)
    state = "no-matches";
  else
    state = "empty";

  gtk_stack_set_visible_child_name (self->list_stack, state);
}

static guint
find_position (SdStaffPage *self,
               gint64       id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SdStaffItem) item = g_list_model_get_item (model, i);

      if (sd_staff_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_id (SdStaffPage *self,
           gint64       id)
{
  guint position = find_position (self, id);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
sd_staff_page_reload (SdPage *page)
{
  SdStaffPage *self = SD_STAFF_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SdStaffItem *selected = get_selected_item (self);
  gint64 keep_id = selected != NULL ? sd_staff_item_get_id (selected) : 0;

  if (store != NULL)
    {
      staff = sd_store_list_staff (store, TRUE, &error);
      if (staff == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          g_debug ("Listing the staff failed: %s", error->message);
          add_toast (self, escaped, FALSE);
        }
    }

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    g_ptr_array_add (items, sd_staff_item_new (g_ptr_array_index (staff, i)));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  if (keep_id != 0)
    select_id (self, keep_id);

  update_state (self);
  update_actions (self);
}

static void
sd_staff_page_store_replaced (SdPage  *page,
                              SdStore *store)
{
  SdStaffPage *self = SD_STAFF_PAGE (page);

  /* Another company: start from the top. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_actions (self);
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  SdStaffPage *self = user_data;
  SdStaffItem *staff_item = item;
  g_autofree char *folded = NULL;

  if (sd_staff_item_is_archived (staff_item) &&
      !gtk_toggle_button_get_active (self->archived_toggle))
    return FALSE;

  if (self->search_folded == NULL)
    return TRUE;

  folded = g_utf8_casefold (sd_staff_item_get_name (staff_item), -1);

  return strstr (folded, self->search_folded) != NULL;
}

static void
refilter (SdStaffPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
  update_actions (self);
}

static void
on_search_changed (SdStaffPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_folded, g_free);
  if (*trimmed != '\0')
    {
      g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_ALL);

      self->search_folded = g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
    }

  refilter (self);
}

static void
on_stop_search (SdStaffPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_archived_toggled (SdStaffPage *self)
{
  refilter (self);
}

static void
on_selection_changed (SdStaffPage *self)
{
  update_actions (self);
}

char *
_sd_staff_format_status (const SdStaffMember *member,
                         const GDate         *today)
{
  g_autofree char *date = NULL;

  if (member->archived)
    /* Translators: status of a person removed from the team, kept for their history */
    return g_strdup (_("Archived"));

  if (!g_date_valid (&member->left))
    return g_strdup (_("Working"));

  date = sd_date_format (&member->left, sd_number_style_current ());
  if (g_date_compare (&member->left, today) < 0)
    /* Translators: status; %s is the last day worked, as 15.03.2026 */
    return g_strdup_printf (_("Left %s"), date);

  /* Translators: status; %s is the last day the person will work, as 15.03.2026 */
  return g_strdup_printf (_("Working until %s"), date);
}

static void
on_setup_label (SdStaffPage *self,
                GtkListItem *list_item)
{
  /* GtkInscription, not GtkLabel: GTK 4.8 builds a row for up to 200 people at once, and
   * an inscription costs a fraction of a label to create and measure. */
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* An inscription does not size itself to its text: ask for room for typical values. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 8);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 24);
  gtk_list_item_set_child (list_item, label);
}

static void
on_setup_numeric_label (SdStaffPage *self,
                        GtkListItem *list_item)
{
  GtkInscription *inscription;

  on_setup_label (self, list_item);
  inscription = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  gtk_widget_add_css_class (GTK_WIDGET (inscription), "numeric");
  /* Dates are never cut: "31.12.2026" and a little air. */
  gtk_inscription_set_min_chars (inscription, 11);
  gtk_inscription_set_nat_chars (inscription, 11);
}

/* Sets the cell's text; archived people are dimmed in every column. */
static void
set_cell (GtkListItem *list_item,
          const char  *text)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  SdStaffItem *item = gtk_list_item_get_item (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  if (item != NULL && sd_staff_item_is_archived (item))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
on_bind_name (SdStaffPage *self,
              GtkListItem *list_item)
{
  SdStaffItem *item = gtk_list_item_get_item (list_item);

  set_cell (list_item, sd_staff_item_get_name (item));
}

static void
on_bind_role (SdStaffPage *self,
              GtkListItem *list_item)
{
  SdStaffItem *item = gtk_list_item_get_item (list_item);

  set_cell (list_item, sd_role_get_label (sd_staff_item_get_member (item)->role));
}

static void
on_bind_hired (SdStaffPage *self,
               GtkListItem *list_item)
{
  SdStaffItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  text = sd_date_format (&sd_staff_item_get_member (item)->hired, sd_number_style_current ());
  set_cell (list_item, text);
}

static void
on_bind_left (SdStaffPage *self,
              GtkListItem *list_item)
{
  SdStaffItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  text = sd_date_format (&sd_staff_item_get_member (item)->left, sd_number_style_current ());
  set_cell (list_item, text);
}

static void
on_bind_status (SdStaffPage *self,
                GtkListItem *list_item)
{
  SdStaffItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  GDate today;

  sd_date_set_today (&today);
  text = _sd_staff_format_status (sd_staff_item_get_member (item), &today);
  set_cell (list_item, text);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (sd_staff_item_get_name ((SdStaffItem *) a),
                         sd_staff_item_get_name ((SdStaffItem *) b));
}

static int
compare_roles (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (sd_role_get_label (sd_staff_item_get_member ((SdStaffItem *) a)->role),
                         sd_role_get_label (sd_staff_item_get_member ((SdStaffItem *) b)->role));
}

static int
compare_hired (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return sd_date_compare (&sd_staff_item_get_member ((SdStaffItem *) a)->hired,
                          &sd_staff_item_get_member ((SdStaffItem *) b)->hired);
}

static int
compare_left (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return sd_date_compare (&sd_staff_item_get_member ((SdStaffItem *) a)->left,
                          &sd_staff_item_get_member ((SdStaffItem *) b)->left);
}

static int
status_rank (SdStaffItem *item)
{
  const SdStaffMember *member = sd_staff_item_get_member (item);

  if (member->archived)
    return 2;
  return g_date_valid (&member->left) ? 1 : 0;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int ra = status_rank ((SdStaffItem *) a);
  int rb = status_rank ((SdStaffItem *) b);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return compare_left (a, b, user_data);
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
on_dialog_saved (SdStaffPage *self,
                 gint64       id)
{
  /* The store already told us about the change; show the person it was about. */
  sd_page_reload_if_needed (SD_PAGE (self));
  select_id (self, id);
}

static void
open_staff_dialog (SdStaffPage         *self,
                   const SdStaffMember *member)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SdStaffDialog *dialog;

  if (store == NULL)
    return;

  dialog = sd_staff_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                store, member);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->staff_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_staff_dialog (SD_STAFF_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SdStaffPage *self = SD_STAFF_PAGE (widget);
  SdStaffItem *item = get_selected_item (self);

  if (item != NULL)
    open_staff_dialog (self, sd_staff_item_get_member (item));
}

static void
on_row_activated (SdStaffPage   *self,
                  guint          position,
                  GtkColumnView *column_view)
{
  g_autoptr(SdStaffItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    open_staff_dialog (self, sd_staff_item_get_member (item));
}

static void
on_confirm_response (SdStaffPage      *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  gboolean archived = FALSE;

  if (g_strcmp0 (response, "archive") != 0 && g_strcmp0 (response, "delete") != 0)
    return;
  if (store == NULL || self->pending_id == 0)
    return;

  escaped = g_markup_escape_text (self->pending_name, -1);

  if (!sd_store_remove_staff (store, self->pending_id, &archived, &error))
    {
      g_autofree char *escaped_error = g_markup_escape_text (error->message, -1);

      add_toast (self, escaped_error, FALSE);
      return;
    }

  if (archived)
    /* Translators: a notice after removing a person who has history; %s is the name */
    message = g_strdup_printf (_("«%s» archived"), escaped);
  else
    /* Translators: a notice after deleting a person; %s is the name */
    message = g_strdup_printf (_("«%s» deleted"), escaped);
  add_toast (self, message, TRUE);

  self->pending_id = 0;
  g_clear_pointer (&self->pending_name, g_free);
}

static void
restore (SdStaffPage *self,
         SdStaffItem *item)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = g_markup_escape_text (sd_staff_item_get_name (item), -1);
  g_autofree char *message = NULL;

  if (!sd_store_restore_staff (store, sd_staff_item_get_id (item), &error))
    {
      g_autofree char *escaped_error = g_markup_escape_text (error->message, -1);

      add_toast (self, escaped_error, FALSE);
      return;
    }

  /* Translators: a notice after putting an archived person back; %s is the name */
  message = g_strdup_printf (_("«%s» restored"), escaped);
  add_toast (self, message, TRUE);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdStaffPage *self = SD_STAFF_PAGE (widget);
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  SdStaffItem *item = get_selected_item (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  const char *name;
  gboolean history;

  if (item == NULL || store == NULL || self->confirm_dialog != NULL)
    return;

  if (sd_staff_item_is_archived (item))
    {
      restore (self, item);
      return;
    }

  name = sd_staff_item_get_name (item);
  history = sd_store_staff_has_history (store, sd_staff_item_get_id (item));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (history)
    {
      /* Translators: question before archiving; %s is the person's name */
      adw_message_dialog_format_heading (dialog, _("Archive «%s»?"), name);
      adw_message_dialog_set_body (dialog, _("Their facts and plans stay in the reports. You can restore them later."));
      adw_message_dialog_add_response (dialog, "archive", _("_Archive"));
      adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "archive");
    }
  else
    {
      /* Translators: question before deleting; %s is the person's name */
      adw_message_dialog_format_heading (dialog, _("Delete «%s»?"), name);
      adw_message_dialog_set_body (dialog, _("They have no history; they will be removed from the file."));
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");

  self->pending_id = sd_staff_item_get_id (item);
  g_free (self->pending_name);
  self->pending_name = g_strdup (name);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->confirm_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Up to 200 rows are built at once in GTK 4.8: fill the list once the window is up. */
static void
on_import_clicked (SdStaffPage *self)
{
  SdContext *context = sd_page_get_context (SD_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SdImportDialog *dialog;

  dialog = sd_import_dialog_new (context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 SD_IMPORT_STAFF);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sd_staff_page_dispose (GObject *object)
{
  SdStaffPage *self = SD_STAFF_PAGE (object);

  /* Dialogs belong to the window, not to us; they keep their own store reference. */
  g_clear_weak_pointer (&self->staff_dialog);
  g_clear_weak_pointer (&self->confirm_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_STAFF_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (sd_staff_page_parent_class)->dispose (object);
}

static void
sd_staff_page_finalize (GObject *object)
{
  SdStaffPage *self = SD_STAFF_PAGE (object);

  g_free (self->search_folded);
  g_free (self->pending_name);

  G_OBJECT_CLASS (sd_staff_page_parent_class)->finalize (object);
}

static void
sd_staff_page_class_init (SdStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->dispose = sd_staff_page_dispose;
  object_class->finalize = sd_staff_page_finalize;
  page_class->reload = sd_staff_page_reload;
  page_class->store_replaced = sd_staff_page_store_replaced;
  page_class->reload_on = SD_STORE_CHANGED_STAFF;
  page_class->defer_first_fill = TRUE;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, archived_toggle);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, hired_column);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, left_column);
  gtk_widget_class_bind_template_child (widget_class, SdStaffPage, status_column);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_numeric_label);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_name);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_role);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_hired);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_left);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_status);

  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "staff.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "staff.remove", NULL, remove_action);
}

static void
sd_staff_page_init (SdStaffPage *self)
{
  GtkShortcutController *shortcuts;
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_sorter (self->name_column, compare_names);
  set_column_sorter (self->role_column, compare_roles);
  set_column_sorter (self->hired_column, compare_hired);
  set_column_sorter (self->left_column, compare_left);
  set_column_sorter (self->status_column, compare_status);

  /* people → hidden archived and search → the column the person sorts by → one selected */
  self->items = g_list_store_new (SD_TYPE_STAFF_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          view_sorter != NULL ? g_object_ref (view_sorter) : NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Delete only where the list has the focus: in the search field it deletes text. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("staff.remove")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("staff.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_state (self);
}

GtkWidget *
sd_staff_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_STAFF_PAGE, "context", context, NULL);
}

SdContext *
sd_staff_page_get_context (SdStaffPage *self)
{
  g_return_val_if_fail (SD_IS_STAFF_PAGE (self), NULL);

  return sd_page_get_context (SD_PAGE (self));
}

void
sd_staff_page_focus_search (SdStaffPage *self)
{
  g_return_if_fail (SD_IS_STAFF_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
_sd_staff_page_get_add_button (SdStaffPage *self)
{
  return self->add_button;
}

GtkWidget *
_sd_staff_page_get_remove_button (SdStaffPage *self)
{
  return self->remove_button;
}

GtkToggleButton *
_sd_staff_page_get_archived_toggle (SdStaffPage *self)
{
  return self->archived_toggle;
}

GtkEditable *
_sd_staff_page_get_search_entry (SdStaffPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkColumnView *
_sd_staff_page_get_column_view (SdStaffPage *self)
{
  return self->column_view;
}

const char *
_sd_staff_page_get_state (SdStaffPage *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

SdStaffDialog *
_sd_staff_page_get_staff_dialog (SdStaffPage *self)
{
  return self->staff_dialog;
}

AdwMessageDialog *
_sd_staff_page_get_confirm_dialog (SdStaffPage *self)
{
  return self->confirm_dialog;
}
