/* test-gui.c — the desktop application driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <glib/gi18n.h>
#include "sd-application.h"
#include "sd-company-page-private.h"
#include "sd-context.h"
#include "sd-staff-dialog-private.h"
#include "sd-staff-item.h"
#include "sd-staff-page-private.h"
#include "sd-store.h"
#include "sd-test-gui.h"
#include "sd-window-private.h"

#define COMPANY_NAME "ООО «Рога & Копыта»"

typedef struct {
  char        *dir;
  char        *path;
  SdStore     *store;
  SdContext   *context;
  SdWindow    *window;
  SdStaffPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sd_test_make_dir ("sd-gui-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.salesdesk", NULL);
  sd_test_write_company (fixture->path, COMPANY_NAME, 0, 0, 0, NULL);
  fixture->store = sd_test_open_store (fixture->path);

  fixture->context = sd_context_new (fixture->store, NULL);
  fixture->window = g_object_ref (sd_window_new (NULL, fixture->context));
  fixture->page = _sd_window_get_staff_page (fixture->window);

  /* These tests are about the staff: show that section whatever comes first. */
  gtk_stack_set_visible_child_name (_sd_window_get_content_stack (fixture->window), "staff");
  gtk_window_present (GTK_WINDOW (fixture->window));
  SD_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  sd_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sd_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->context);
  /* The window may have opened another file: the fixture's store is ours alone now. */
  g_assert_finalize_object (fixture->store);

  sd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GListModel *
list_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_sd_staff_page_get_column_view (fixture->page)));
}

static SdStaffItem *
model_item (Fixture *fixture,
            guint    position)
{
  SdStaffItem *item = g_list_model_get_item (list_model (fixture), position);

  /* The list model keeps it alive. */
  g_object_unref (item);
  return item;
}

static guint
model_position_of (Fixture *fixture,
                   gint64   id)
{
  guint n = g_list_model_get_n_items (list_model (fixture));

  for (guint i = 0; i < n; i++)
    if (sd_staff_item_get_id (model_item (fixture, i)) == id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static GPtrArray *
list_staff (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *staff = sd_store_list_staff (fixture->store, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (staff);
  return staff;
}

/* A label or inscription (list cells) showing exactly `text` under `widget`, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks "Add Person" the way the keyboard does and returns the dialog that opens. */
static SdStaffDialog *
open_add_dialog (Fixture *fixture)
{
  GtkWidget *add_button = _sd_staff_page_get_add_button (fixture->page);

  g_assert_null (_sd_staff_page_get_staff_dialog (fixture->page));
  g_assert_true (gtk_widget_is_sensitive (add_button));
  gtk_widget_activate (add_button);
  SD_TEST_WAIT_FOR (_sd_staff_page_get_staff_dialog (fixture->page) != NULL);
  sd_test_spin ();

  return _sd_staff_page_get_staff_dialog (fixture->page);
}

static void
test_add_then_undo_and_redo (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) staff = NULL;
  SdStaffDialog *dialog;
  SdStaffMember *member;
  GDate expected;
  GtkWidget *save;

  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (_sd_window_get_undo_button (fixture->window)));

  dialog = open_add_dialog (fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  save = _sd_staff_dialog_get_save_button (dialog);
  /* Nothing typed yet: nothing to save, and no scolding either. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_sd_staff_dialog_get_error_label (dialog))));

  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_name_row (dialog)), "Иванов Пётр");
  adw_combo_row_set_selected (_sd_staff_dialog_get_role_row (dialog), SD_ROLE_HEAD);
  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_hired_row (dialog)), "2026-03-15");
  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_left_row (dialog)), "");
  g_assert_true (gtk_widget_get_sensitive (save));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (save, "clicked");
  sd_test_spin ();
  g_assert_null (dialog);
  g_assert_null (_sd_staff_page_get_staff_dialog (fixture->page));

  /* In the file, exactly as typed */
  staff = list_staff (fixture);
  g_assert_cmpuint (staff->len, ==, 1);
  member = g_ptr_array_index (staff, 0);
  g_assert_cmpint (member->id, >, 0);
  g_assert_cmpstr (member->name, ==, "Иванов Пётр");
  g_assert_cmpint (member->role, ==, SD_ROLE_HEAD);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 15, G_DATE_MARCH, 2026);
  g_assert_true (g_date_valid (&member->hired));
  g_assert_cmpint (g_date_compare (&member->hired, &expected), ==, 0);
  g_assert_false (g_date_valid (&member->left));
  g_assert_false (member->archived);
  g_assert_null (member->scheme);

  /* …and in the list, selected */
  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);
  g_assert_cmpstr (sd_staff_item_get_name (model_item (fixture, 0)), ==, "Иванов Пётр");
  g_assert_cmpint (sd_staff_item_get_id (model_item (fixture, 0)), ==, member->id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (fixture))), ==, 0);

  /* Undo, named after the change */
  g_assert_true (gtk_widget_is_sensitive (_sd_window_get_undo_button (fixture->window)));
  {
    g_autofree char *tip = g_strdup_printf (_("Undo %s"), sd_store_get_undo_label (fixture->store));

    g_assert_cmpstr (gtk_widget_get_tooltip_text (_sd_window_get_undo_button (fixture->window)), ==, tip);
    g_assert_nonnull (strstr (tip, "Иванов Пётр"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  sd_test_spin ();
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = list_staff (fixture);
  g_assert_cmpuint (staff->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 0);
  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "empty");

  /* Redo brings the same person back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  sd_test_spin ();
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = list_staff (fixture);
  g_assert_cmpuint (staff->len, ==, 1);
  member = g_ptr_array_index (staff, 0);
  g_assert_cmpstr (member->name, ==, "Иванов Пётр");
  g_assert_cmpint (member->role, ==, SD_ROLE_HEAD);
  g_assert_cmpint (g_date_compare (&member->hired, &expected), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);
  g_assert_cmpstr (sd_staff_item_get_name (model_item (fixture, 0)), ==, "Иванов Пётр");
  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "list");
}

static void
test_invalid_input_keeps_save_off (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *left_text = NULL;
  SdStaffDialog *dialog;
  GtkWidget *save;
  GtkLabel *error_label;
  AdwEntryRow *hired_row;
  AdwEntryRow *left_row;
  GDate left;

  dialog = open_add_dialog (fixture);
  save = _sd_staff_dialog_get_save_button (dialog);
  error_label = _sd_staff_dialog_get_error_label (dialog);
  hired_row = _sd_staff_dialog_get_hired_row (dialog);
  left_row = _sd_staff_dialog_get_left_row (dialog);

  /* Left before hired */
  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_name_row (dialog)), "Петров Олег");
  gtk_editable_set_text (GTK_EDITABLE (hired_row), "15.03.2026");
  gtk_editable_set_text (GTK_EDITABLE (left_row), "01.03.2026");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (left_row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hired_row), "error"));
  /* The reason names the date the person typed, the way dates are written here. */
  g_date_clear (&left, 1);
  g_date_set_dmy (&left, 1, G_DATE_MARCH, 2026);
  left_text = sd_date_format (&left, sd_number_style_current ());
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), left_text));

  /* An impossible date: the hire row is wrong now */
  gtk_editable_set_text (GTK_EDITABLE (left_row), "");
  gtk_editable_set_text (GTK_EDITABLE (hired_row), "31.02.2026");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hired_row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (left_row), "error"));
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");

  /* An empty name, once typed in and wiped */
  gtk_editable_set_text (GTK_EDITABLE (hired_row), "15.03.2026");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_name_row (dialog)), "   ");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_sd_staff_dialog_get_name_row (dialog)), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Even a forced click saves nothing */
  g_signal_emit_by_name (save, "clicked");
  sd_test_spin ();
  g_assert_true (_sd_staff_page_get_staff_dialog (fixture->page) == dialog);

  /* Escape / Cancel closes without a trace */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  sd_test_spin ();
  g_assert_null (dialog);

  staff = list_staff (fixture);
  g_assert_cmpuint (staff->len, ==, 0);
  g_assert_false (sd_store_can_undo (fixture->store));
  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "empty");
}

static void
test_store_refusal_keeps_dialog_open (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  SdStaffDialog *dialog;
  GtkLabel *error_label;

  member->name = g_strdup ("Иванов Пётр");
  member->role = SD_ROLE_MANAGER;
  g_date_set_dmy (&member->hired, 10, G_DATE_JANUARY, 2025);
  g_assert_cmpint (sd_store_add_staff (fixture->store, member, &error), >, 0);
  g_assert_no_error (error);

  /* The same name again: the store refuses, the dialog keeps what was typed */
  dialog = open_add_dialog (fixture);
  error_label = _sd_staff_dialog_get_error_label (dialog);
  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_name_row (dialog)), "Иванов Пётр");
  gtk_editable_set_text (GTK_EDITABLE (_sd_staff_dialog_get_hired_row (dialog)), "2026-03-15");
  g_signal_emit_by_name (_sd_staff_dialog_get_save_button (dialog), "clicked");
  sd_test_spin ();

  g_assert_true (_sd_staff_page_get_staff_dialog (fixture->page) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Иванов Пётр"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_sd_staff_dialog_get_name_row (dialog))), ==, "Иванов Пётр");
  staff = list_staff (fixture);
  g_assert_cmpuint (staff->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  sd_test_spin ();
}

static void
test_edit_by_activating_a_row (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(SdStaffMember) stored = NULL;
  g_autoptr(GError) error = NULL;
  SdStaffDialog *dialog;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) when = NULL;
  GDate expected;
  gint64 id;

  member->name = g_strdup ("Смирнова Ольга");
  member->role = SD_ROLE_MANAGER;
  g_date_set_dmy (&member->hired, 1, G_DATE_JUNE, 2024);
  member->scheme = g_strdup ("Manager: salary + %");
  id = sd_store_add_staff (fixture->store, member, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);

  /* Enter or a double click on the row */
  g_signal_emit_by_name (_sd_staff_page_get_column_view (fixture->page), "activate", 0);
  dialog = _sd_staff_page_get_staff_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_sd_staff_dialog_get_name_row (dialog))), ==, "Смирнова Ольга");
  g_assert_cmpuint (adw_combo_row_get_selected (_sd_staff_dialog_get_role_row (dialog)), ==, SD_ROLE_MANAGER);
  g_assert_true (gtk_widget_get_sensitive (_sd_staff_dialog_get_save_button (dialog)));

  /* The leave date picked in the calendar */
  calendar = _sd_staff_dialog_get_left_calendar (dialog);
  when = g_date_time_new_local (2026, 4, 29, 0, 0, 0);
  gtk_calendar_select_day (calendar, when);
  g_date_time_unref (when);
  when = g_date_time_new_local (2026, 4, 30, 0, 0, 0);
  gtk_calendar_select_day (calendar, when);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 30, G_DATE_APRIL, 2026);
  {
    g_autofree char *text = sd_date_format (&expected, sd_number_style_current ());

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_sd_staff_dialog_get_left_row (dialog))), ==, text);
  }

  g_signal_emit_by_name (_sd_staff_dialog_get_save_button (dialog), "clicked");
  sd_test_spin ();
  g_assert_null (_sd_staff_page_get_staff_dialog (fixture->page));

  stored = sd_store_get_staff (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Смирнова Ольга");
  g_assert_cmpint (g_date_compare (&stored->left, &expected), ==, 0);
  /* What the dialog does not show is kept */
  g_assert_cmpstr (stored->scheme, ==, "Manager: salary + %");
  g_assert_cmpint (model_position_of (fixture, id), ==, 0);
}

static void
add_member (SdDemoCompany *demo,
            gint64         id,
            const char    *name,
            SdRole         role)
{
  SdStaffMember *member = sd_staff_member_new ();

  member->id = id;
  member->name = g_strdup (name);
  member->role = role;
  g_date_set_dmy (&member->hired, 1, G_DATE_JANUARY, 2025);
  g_ptr_array_add (demo->staff, member);
}

static void
test_remove_with_history_archives (Fixture       *fixture,
                                   gconstpointer  data)
{
  SdDemoCompany demo = { 0 };
  SdFact fact = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStaffMember) stored = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *delete_heading = NULL;
  AdwMessageDialog *confirm;
  GtkToggleButton *archived_toggle;
  GtkWidget *remove_button;
  GtkWidget *label;
  guint position;

  /* One person with a month of facts, one without any history */
  demo.company_name = (char *) COMPANY_NAME;
  demo.currency = (char *) "RUB";
  demo.staff = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  demo.facts = g_array_new (FALSE, TRUE, sizeof (SdFact));
  demo.plan = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  add_member (&demo, 1, "Иванов Пётр", SD_ROLE_MANAGER);
  fact.manager_id = 1;
  fact.month = sd_month_make (2025, 3);
  fact.revenue = 150000000;
  fact.paid = 120000000;
  fact.margin = 40000000;
  fact.deals = 12;
  fact.leads = 80;
  fact.calls = 640;
  g_array_append_val (demo.facts, fact);
  g_assert_true (sd_store_fill_demo (fixture->store, &demo, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (demo.staff);
  g_array_unref (demo.facts);
  g_array_unref (demo.plan);
  /* Added after the demo's payroll month was closed: no history at all. */
  {
    g_autoptr(SdStaffMember) newcomer = sd_staff_member_new ();

    g_free (newcomer->name);
    newcomer->name = g_strdup ("Кузнецова Мария");
    newcomer->role = SD_ROLE_MANAGER;
    g_date_set_dmy (&newcomer->hired, 1, 1, 2024);
    g_assert_cmpint (sd_store_add_staff (fixture->store, newcomer, &error), ==, 2);
    g_assert_no_error (error);
  }
  sd_test_spin ();

  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 2);
  g_assert_true (sd_store_staff_has_history (fixture->store, 1));

  /* Remove the person with history */
  position = model_position_of (fixture, 1);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (fixture)), position);
  remove_button = _sd_staff_page_get_remove_button (fixture->page);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (remove_button)), ==, _("_Remove"));
  g_signal_emit_by_name (remove_button, "clicked");

  confirm = _sd_staff_page_get_confirm_dialog (fixture->page);
  g_assert_nonnull (confirm);
  heading = g_strdup_printf (_("Archive «%s»?"), "Иванов Пётр");
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==,
                   _("Their facts and plans stay in the reports. You can restore them later."));
  g_assert_true (adw_message_dialog_has_response (confirm, "archive"));
  sd_test_respond (confirm, "archive");

  stored = sd_store_get_staff (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_true (stored->archived);
  g_assert_true (sd_store_can_undo (fixture->store));

  /* Hidden until asked for, then shown as archived, dimmed */
  g_assert_cmpuint (model_position_of (fixture, 1), ==, GTK_INVALID_LIST_POSITION);
  archived_toggle = _sd_staff_page_get_archived_toggle (fixture->page);
  gtk_toggle_button_set_active (archived_toggle, TRUE);
  sd_test_spin ();
  position = model_position_of (fixture, 1);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (sd_staff_item_is_archived (model_item (fixture, position)));
  SD_TEST_WAIT_FOR (find_label (GTK_WIDGET (_sd_staff_page_get_column_view (fixture->page)), _("Archived")) != NULL);
  label = find_label (GTK_WIDGET (_sd_staff_page_get_column_view (fixture->page)), _("Archived"));
  g_assert_true (gtk_widget_has_css_class (label, "dim-label"));

  /* Selected, "Remove" turns into "Restore" */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (fixture)), position);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (remove_button)), ==, _("_Restore"));
  g_signal_emit_by_name (remove_button, "clicked");
  sd_test_spin ();
  g_clear_pointer (&stored, sd_staff_member_free);
  stored = sd_store_get_staff (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_false (stored->archived);
  g_assert_null (_sd_staff_page_get_confirm_dialog (fixture->page));

  /* Without history the question is to delete, and the person goes */
  g_assert_false (sd_store_staff_has_history (fixture->store, 2));
  position = model_position_of (fixture, 2);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (fixture)), position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.remove", NULL));
  confirm = _sd_staff_page_get_confirm_dialog (fixture->page);
  g_assert_nonnull (confirm);
  delete_heading = g_strdup_printf (_("Delete «%s»?"), "Кузнецова Мария");
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, delete_heading);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  sd_test_respond (confirm, "delete");
  g_assert_cmpuint (model_position_of (fixture, 2), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (sd_store_staff_has_history (fixture->store, 2));
  {
    g_autoptr(GPtrArray) staff = list_staff (fixture);

    g_assert_cmpuint (staff->len, ==, 1);
  }

  /* The toast's Undo brings her back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  sd_test_spin ();
  g_assert_cmpuint (model_position_of (fixture, 2), !=, GTK_INVALID_LIST_POSITION);
}

static void
test_cancel_remove_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  AdwMessageDialog *confirm;

  member->name = g_strdup ("Орлов Игорь");
  g_date_set_dmy (&member->hired, 3, G_DATE_FEBRUARY, 2025);
  sd_store_add_staff (fixture->store, member, &error);
  g_assert_no_error (error);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (fixture)), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.remove", NULL));
  confirm = _sd_staff_page_get_confirm_dialog (fixture->page);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");
  sd_test_respond (confirm, "cancel");

  staff = list_staff (fixture);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);
}

static void
test_search_filters_by_name (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *names[] = { "Иванов Пётр", "Иванова Анна", "Петров Олег" };
  GtkEditable *search = _sd_staff_page_get_search_entry (fixture->page);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SdStaffMember) member = sd_staff_member_new ();
      g_autoptr(GError) error = NULL;

      member->name = g_strdup (names[i]);
      g_date_set_dmy (&member->hired, 1, G_DATE_MAY, 2025);
      sd_store_add_staff (fixture->store, member, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 3);

  /* Ctrl+F lands in the search field */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (search)));

  /* Any case, any part of the name */
  gtk_editable_set_text (search, "иванов");
  SD_TEST_WAIT_FOR (g_list_model_get_n_items (list_model (fixture)) == 2);
  gtk_editable_set_text (search, "ОЛЕГ");
  SD_TEST_WAIT_FOR (g_list_model_get_n_items (list_model (fixture)) == 1);
  g_assert_cmpstr (sd_staff_item_get_name (model_item (fixture, 0)), ==, "Петров Олег");
  gtk_editable_set_text (search, "Сидоров");
  SD_TEST_WAIT_FOR (g_list_model_get_n_items (list_model (fixture)) == 0);
  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "no-matches");
  gtk_editable_set_text (search, "");
  SD_TEST_WAIT_FOR (g_list_model_get_n_items (list_model (fixture)) == 3);
  g_assert_cmpstr (_sd_staff_page_get_state (fixture->page), ==, "list");
}

static void
test_not_ours_file_keeps_company (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (fixture->dir, "notes.salesdesk", NULL);
  const char *bad_text = "Это не файл компании, а просто заметки.\n";
  g_autofree char *after = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gsize length;

  g_assert_true (g_file_set_contents (bad_path, bad_text, -1, &error));
  g_assert_no_error (error);
  bad = g_file_new_for_path (bad_path);

  g_assert_false (sd_window_open_file (fixture->window, bad));

  dialog = _sd_window_get_error_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  heading = g_strdup_printf (_("Could not open «%s»"), "notes.salesdesk");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.salesdesk"));

  /* Still the same company, the same title */
  g_assert_true (sd_context_get_store (fixture->context) == fixture->store);
  g_assert_cmpstr (_sd_window_get_state (fixture->window), ==, "company");
  g_assert_cmpstr (adw_window_title_get_title (_sd_window_get_title_widget (fixture->window)), ==,
                   COMPANY_NAME);

  /* And the file untouched, byte for byte */
  g_assert_true (g_file_get_contents (bad_path, &after, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (after, length, bad_text, strlen (bad_text));

  sd_test_respond (dialog, "close");
  g_assert_null (_sd_window_get_error_dialog (fixture->window));
}

static void
test_open_replaces_company (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.salesdesk", NULL);
  g_autofree char *title = NULL;
  g_autoptr(SdStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  SdStore *now;

  other = sd_store_create (other_path, "ООО Вектор", "RUB", &error);
  g_assert_no_error (error);
  sd_store_close (other);

  file = g_file_new_for_path (other_path);
  g_assert_true (sd_window_open_file (fixture->window, file));
  now = sd_context_get_store (fixture->context);
  g_assert_true (now != fixture->store);
  g_assert_cmpstr (sd_store_get_path (now), ==, other_path);
  g_assert_cmpstr (adw_window_title_get_title (_sd_window_get_title_widget (fixture->window)), ==,
                   "ООО Вектор");
  g_assert_cmpstr (adw_window_title_get_subtitle (_sd_window_get_title_widget (fixture->window)), ==,
                   "other.salesdesk");
  title = g_strdup_printf (_("%s — Salesdesk"), "ООО Вектор");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 0);

  /* The same file again is no change */
  g_assert_true (sd_window_open_file (fixture->window, file));
  g_assert_true (sd_context_get_store (fixture->context) == now);
}

static void
test_company_name_applies (Fixture       *fixture,
                           gconstpointer  data)
{
  SdCompanyPage *company = _sd_window_get_company_page (fixture->window);
  AdwEntryRow *row = _sd_company_page_get_name_row (company);
  g_autofree char *title = NULL;

  gtk_stack_set_visible_child_name (_sd_window_get_content_stack (fixture->window), "company");
  SD_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (company)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, COMPANY_NAME);
  g_assert_cmpstr (gtk_label_get_text (_sd_company_page_get_path_label (company)), ==, fixture->path);

  gtk_editable_set_text (GTK_EDITABLE (row), "  ООО Ромашка  ");
  g_signal_emit_by_name (row, "apply");
  sd_test_spin ();
  g_assert_cmpstr (sd_store_get_company_name (fixture->store), ==, "ООО Ромашка");
  title = g_strdup_printf (_("%s — Salesdesk"), "ООО Ромашка");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);

  /* An empty name is refused and marked */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  sd_test_spin ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (sd_store_get_company_name (fixture->store), ==, "ООО Ромашка");

  /* Undo renames back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  sd_test_spin ();
  g_assert_cmpstr (sd_store_get_company_name (fixture->store), ==, COMPANY_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, COMPANY_NAME);
}

static void
test_new_company_creates_and_opens (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Вектор.salesdesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) taken = g_file_new_for_path (fixture->path);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  SdStore *now;
  GStatBuf info;

  dialog = _sd_window_ask_company_name (fixture->window, file, FALSE);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  /* The file's name is the first guess */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Вектор");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "ООО «Вектор»");
  sd_test_respond (dialog, "create");

  now = sd_context_get_store (fixture->context);
  g_assert_true (now != fixture->store);
  g_assert_cmpstr (sd_store_get_path (now), ==, path);
  g_assert_cmpstr (sd_store_get_company_name (now), ==, "ООО «Вектор»");
  g_assert_cmpstr (sd_store_get_currency (now), ==, "RUB");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 0);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_null (_sd_window_get_error_dialog (fixture->window));

  /* A file that exists and was never asked about is not replaced */
  dialog = _sd_window_ask_company_name (fixture->window, taken, FALSE);
  sd_test_respond (dialog, "create");
  g_assert_nonnull (_sd_window_get_error_dialog (fixture->window));
  g_assert_true (sd_context_get_store (fixture->context) == now);
  sd_test_respond (_sd_window_get_error_dialog (fixture->window), "close");
}

static void
test_save_copy_writes_the_company (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "copy.salesdesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) open_file = g_file_new_for_path (fixture->path);
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(SdStore) copy = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  member->name = g_strdup ("Волков Артём");
  g_date_set_dmy (&member->hired, 2, G_DATE_SEPTEMBER, 2024);
  sd_store_add_staff (fixture->store, member, &error);
  g_assert_no_error (error);

  g_assert_true (_sd_window_save_copy_to (fixture->window, file, FALSE));
  g_assert_null (_sd_window_get_error_dialog (fixture->window));
  /* The window keeps its own file */
  g_assert_true (sd_context_get_store (fixture->context) == fixture->store);

  copy = sd_store_open (path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_company_name (copy), ==, COMPANY_NAME);
  staff = sd_store_list_staff (copy, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpstr (((SdStaffMember *) g_ptr_array_index (staff, 0))->name, ==, "Волков Артём");
  sd_store_close (copy);

  /* Never over the file that is open */
  g_assert_false (_sd_window_save_copy_to (fixture->window, open_file, TRUE));
  g_assert_nonnull (_sd_window_get_error_dialog (fixture->window));
  sd_test_respond (_sd_window_get_error_dialog (fixture->window), "close");
}

/* The section shown first is built at once; the others only when first shown. */
static void
test_sections_built_when_shown (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SdWindow) window = g_object_ref (sd_window_new (NULL, fixture->context));
  GtkStack *stack = _sd_window_get_content_stack (window);
  GtkWidget *first = gtk_stack_get_visible_child (stack);
  GtkWidget *forecast = gtk_stack_get_child_by_name (stack, "forecast");

  g_assert_nonnull (first);
  if (ADW_IS_BIN (first))
    g_assert_nonnull (adw_bin_get_child (ADW_BIN (first)));
  if (forecast != NULL && forecast != first)
    {
      g_assert_null (adw_bin_get_child (ADW_BIN (forecast)));
      gtk_stack_set_visible_child_name (stack, "forecast");
      g_assert_nonnull (adw_bin_get_child (ADW_BIN (forecast)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  sd_test_spin ();
}

static void
test_window_without_company (void)
{
  g_autoptr(SdContext) context = sd_context_new (NULL, NULL);
  g_autofree char *dir = sd_test_make_dir ("sd-gui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "later.salesdesk", NULL);
  g_autoptr(SdStore) created = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SdWindow *window = g_object_ref (sd_window_new (NULL, context));

  gtk_window_present (GTK_WINDOW (window));
  sd_test_spin ();
  g_assert_cmpstr (_sd_window_get_state (window), ==, "empty");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save-copy"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open"));

  created = sd_store_create (path, "ООО Позже", "RUB", &error);
  g_assert_no_error (error);
  sd_store_close (created);
  file = g_file_new_for_path (path);
  g_assert_true (sd_window_open_file (window, file));
  g_assert_cmpstr (_sd_window_get_state (window), ==, "company");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save-copy"));

  gtk_window_destroy (GTK_WINDOW (window));
  sd_test_spin ();
  g_assert_finalize_object (window);
  sd_test_remove_tree (dir);
}

static void
test_recent_files (void)
{
  g_autoptr(GSettings) settings = sd_application_load_settings ();
  g_autoptr(SdContext) context = NULL;
  g_autofree char *dir = sd_test_make_dir ("sd-gui-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "gone.salesdesk", NULL);
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  char *paths[12];

  /* GSETTINGS_SCHEMA_DIR points at the build tree's compiled schema. */
  if (settings == NULL)
    {
      g_test_skip ("The settings schema is not available");
      sd_test_remove_tree (dir);
      return;
    }
  context = sd_context_new (NULL, settings);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *name = g_strdup_printf ("c%02u.salesdesk", i);

      paths[i] = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_set_contents (paths[i], "", 0, NULL));
    }

  sd_context_remember_file (context, missing);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    sd_context_remember_file (context, paths[i]);
  /* Opened again: back on top, not twice */
  sd_context_remember_file (context, paths[5]);

  recent = sd_context_dup_recent_files (context);
  g_assert_cmpuint (g_strv_length (recent), ==, 10);
  g_assert_cmpstr (recent[0], ==, paths[5]);
  g_assert_cmpstr (recent[1], ==, paths[11]);
  g_assert_cmpstr (recent[2], ==, paths[10]);
  g_assert_cmpstr (recent[3], ==, paths[9]);
  g_assert_cmpstr (recent[6], ==, paths[6]);
  g_assert_cmpstr (recent[7], ==, paths[4]);
  g_assert_cmpstr (recent[9], ==, paths[2]);
  g_assert_false (g_strv_contains ((const char * const *) recent, missing));
  last = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (last, ==, paths[5]);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_free (paths[i]);
  sd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Every test gets its own XDG directories, system data included, from g_test_init () on. */
  sd_test_gui_init (&argc, &argv, NULL, TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/staff/add-then-undo-and-redo", test_add_then_undo_and_redo);
  ADD ("/gui/staff/invalid-input-keeps-save-off", test_invalid_input_keeps_save_off);
  ADD ("/gui/staff/store-refusal-keeps-dialog-open", test_store_refusal_keeps_dialog_open);
  ADD ("/gui/staff/edit-by-activating-a-row", test_edit_by_activating_a_row);
  ADD ("/gui/staff/remove-with-history-archives", test_remove_with_history_archives);
  ADD ("/gui/staff/cancel-remove-changes-nothing", test_cancel_remove_changes_nothing);
  ADD ("/gui/staff/search-filters-by-name", test_search_filters_by_name);
  ADD ("/gui/window/not-ours-file-keeps-company", test_not_ours_file_keeps_company);
  ADD ("/gui/window/open-replaces-company", test_open_replaces_company);
  ADD ("/gui/window/new-company-creates-and-opens", test_new_company_creates_and_opens);
  ADD ("/gui/window/save-copy-writes-the-company", test_save_copy_writes_the_company);
  ADD ("/gui/company/name-applies-and-undoes", test_company_name_applies);
  ADD ("/gui/window/sections-built-when-shown", test_sections_built_when_shown);
  g_test_add_func ("/gui/window/without-company-shows-status", test_window_without_company);
  g_test_add_func ("/gui/context/recent-files", test_recent_files);

#undef ADD

  return g_test_run ();
}
