/* test-plan-grid.c — the plan and facts grids driven through their real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-plan-grid"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sd-context.h"
#include "sd-facts-page.h"
#include "sd-grid.h"
#include "sd-plan-page.h"
#include "sd-store.h"
#include "sd-test-gui.h"
#include "sd-version-dialog.h"

#define YEAR 2026

static GtkScrolledWindow *find_body_scroller (GtkWidget *widget);

typedef struct {
  char        *dir;
  char        *path;
  SdStore     *store;
  SdContext   *context;
  GtkWidget   *window;
  GtkWidget   *page;
  SdGrid      *grid;
  gint64       version_id;
  gint64       ivanov;     /* hired 2024-03-01 */
  gint64       petrova;    /* hired 2023-01-01 */
  gint64       sidorov;    /* hired 2026-05-12 */
} Fixture;

static void
fill_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (SdFact));

  fixture->petrova = sd_test_add_member (fixture->store, "Петрова Ольга", SD_ROLE_MANAGER,
                                         "2023-01-01", NULL);
  fixture->ivanov = sd_test_add_member (fixture->store, "Иванов Пётр", SD_ROLE_MANAGER,
                                        "2024-03-01", NULL);
  fixture->sidorov = sd_test_add_member (fixture->store, "Сидоров Глеб", SD_ROLE_MANAGER,
                                         "2026-05-12", NULL);

  /* Last year's facts give the default target and shape. */
  for (int m = 1; m <= 12; m++)
    {
      SdFact fact = { 0, };

      fact.manager_id = fixture->petrova;
      fact.month = sd_month_make (YEAR - 1, m);
      fact.revenue = (SdMoney) (100000000 + m * 5000000);
      g_array_append_val (facts, fact);
      fact.manager_id = fixture->ivanov;
      fact.revenue = (SdMoney) (60000000 + m * 2000000);
      g_array_append_val (facts, fact);
    }
  sd_test_set_facts (fixture->store, facts, "facts");

  fixture->version_id = sd_store_create_plan_version (fixture->store, YEAR, "План 2026",
                                                      SD_SCENARIO_BASE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->version_id, >, 0);
}

static void
present_page (Fixture   *fixture,
              GtkWidget *page)
{
  fixture->page = page;
  fixture->window = GTK_WIDGET (g_object_ref_sink (sd_test_page_window (1200, 800)));
  sd_test_present (GTK_WINDOW (fixture->window), page);
}

static void
fixture_set_up_common (Fixture *fixture)
{
  fixture->dir = sd_test_make_dir ("sd-plan-grid-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.salesdesk", NULL);
  sd_test_write_company (fixture->path, "ООО «Ромашка»", 0, 0, 0, NULL);
  fixture->store = sd_test_open_store (fixture->path);
  fill_store (fixture);

  fixture->context = sd_context_new (fixture->store, NULL);
}

static void
plan_set_up (Fixture       *fixture,
             gconstpointer  data)
{
  fixture_set_up_common (fixture);
  present_page (fixture, sd_plan_page_new (fixture->context));
  fixture->grid = sd_plan_page_get_grid (SD_PLAN_PAGE (fixture->page));
  g_assert_cmpint (sd_plan_page_get_year (SD_PLAN_PAGE (fixture->page)), ==, YEAR);
  g_assert_cmpint (sd_plan_page_get_version_id (SD_PLAN_PAGE (fixture->page)), ==,
                   fixture->version_id);
}

static void
facts_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  fixture_set_up_common (fixture);
  present_page (fixture, sd_facts_page_new (fixture->context));
  fixture->grid = sd_facts_page_get_grid (SD_FACTS_PAGE (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sd_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->store);

  sd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* --- driving the grid --- */

/* Sends a key press through the grid's key controller, as GTK does for a real key; when the
 * grid lets it through, does what the focused GtkText would do with a character. */
static gboolean
press (SdGrid          *grid,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (grid)));
  GtkWidget *body;
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  body = gtk_widget_get_parent (focus);
  controllers = gtk_widget_observe_controllers (body);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          break;
        }
    }

  if (!handled && gdk_keyval_to_unicode (keyval) != 0 && (state & GDK_CONTROL_MASK) == 0 &&
      gtk_editable_get_editable (GTK_EDITABLE (focus)))
    {
      char utf8[8] = { 0, };
      int position;

      g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), utf8);
      gtk_editable_delete_selection (GTK_EDITABLE (focus));
      position = gtk_editable_get_position (GTK_EDITABLE (focus));
      gtk_editable_insert_text (GTK_EDITABLE (focus), utf8, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (focus), position);
      handled = TRUE;
    }
  sd_test_spin ();
  return handled;
}

static void
type_text (SdGrid     *grid,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    press (grid, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

static void
focus_cell (SdGrid *grid,
            guint   row,
            guint   column)
{
  sd_grid_focus_cell (grid, row, column);
  sd_test_spin ();
  g_assert_true (gtk_widget_has_focus (sd_grid_get_cell_widget (grid, row, column)));
}

static void
assert_cursor (SdGrid *grid,
               guint   row,
               guint   column)
{
  guint r = G_MAXUINT, c = G_MAXUINT;

  g_assert_true (sd_grid_get_cursor (grid, &r, &c));
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (c, ==, column);
  g_assert_true (gtk_widget_has_focus (sd_grid_get_cell_widget (grid, row, column)));
}

static SdPlan *
load_plan (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SdPlan *plan = sd_store_load_plan (fixture->store, fixture->version_id,
                                     sd_context_get_calendar (fixture->context), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Row of a manager in the plan grid: the department's row comes first. */
static guint
plan_row (Fixture *fixture,
          gint64   manager_id)
{
  g_autoptr(SdPlan) plan = load_plan (fixture);
  guint index = 0;

  g_assert_true (sd_plan_find_manager (plan, manager_id, &index));
  return index + 1;
}

/* The dialog of that type the page opened (a toplevel window). */
static gpointer
find_dialog (GType type)
{
  GtkWindow *found;

  sd_test_spin ();
  found = sd_test_find_toplevel (type, TRUE);
  g_assert_nonnull (found);
  return found;
}

/* --- the plan grid --- */

static void
test_plan_typed_cell_saves (Fixture       *fixture,
                            gconstpointer  data)
{
  guint row = plan_row (fixture, fixture->ivanov);
  g_autoptr(SdPlan) plan = NULL;
  guint index;
  GtkWidget *cell;

  focus_cell (fixture->grid, row, 2);
  type_text (fixture->grid, "1 500 000");
  g_assert_true (press (fixture->grid, GDK_KEY_Return, 0));

  /* Enter writes and moves down. */
  assert_cursor (fixture->grid, row + 1, 2);
  plan = load_plan (fixture);
  g_assert_true (sd_plan_find_manager (plan, fixture->ivanov, &index));
  g_assert_cmpint (sd_plan_get_cell (plan, 3, index), ==, 150000000);
  g_assert_true (sd_plan_cell_is_edited (plan, 3, index));
  g_assert_true (g_str_has_prefix (sd_store_get_undo_label (fixture->store), "Edit plan for"));

  /* Shown in bold, in the locale's format. */
  cell = sd_grid_get_cell_widget (fixture->grid, row, 2);
  g_assert_true (gtk_widget_has_css_class (cell, "edited"));
  {
    g_autofree char *expected = sd_money_format_whole (150000000, sd_number_style_current (), NULL);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, expected);
  }

  /* An edit breaks the month's sum: the rest row appears (the grid grows by one row). */
  g_assert_nonnull (sd_grid_get_cell_widget (fixture->grid, 4, 0));
  {
    g_autoptr(SdPlan) again = load_plan (fixture);

    g_assert_cmpint (sd_plan_rest (again, 3), !=, 0);
  }

  /* Undo from the window reloads the page. */
  g_assert_true (sd_store_undo (fixture->store, NULL));
  sd_test_spin ();
  {
    g_autoptr(SdPlan) undone = load_plan (fixture);

    g_assert_false (sd_plan_cell_is_edited (undone, 3, index));
  }
  g_assert_false (gtk_widget_has_css_class (sd_grid_get_cell_widget (fixture->grid, row, 2),
                                            "edited"));
}

static gboolean
undo_label_is (SdStore    *store,
               const char *label)
{
  return g_strcmp0 (sd_store_get_undo_label (store), label) == 0;
}

static void
test_plan_paste_is_one_undo_step (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(SdPlan) before = load_plan (fixture);
  g_autoptr(SdPlan) after = NULL;
  g_autoptr(SdPlan) undone = NULL;
  const SdMoney expected[2][3] = {
    { 10000, 20000, 30000 },
    { 123456789, 123456789, 500000 },
  };
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->grid));
  guint first = plan_row (fixture, sd_plan_get_manager_id (before, 0));
  guint r0, c0, r1, c1;

  g_assert_cmpuint (first, ==, 1);
  focus_cell (fixture->grid, 1, 4);
  /* As LibreOffice copies it: tabs, newlines, both number styles and the ruble sign. */
  gdk_clipboard_set_text (clipboard, "100\t200\t300\n1 234 567,89\t1234567.89\t5 000 ₽\n");
  sd_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "grid.paste", NULL);
  SD_TEST_WAIT_FOR (undo_label_is (fixture->store, "Paste into plan"));

  after = load_plan (fixture);
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 3; c++)
      {
        g_assert_cmpint (sd_plan_get_cell (after, 5 + c, r), ==, expected[r][c]);
        g_assert_true (sd_plan_cell_is_edited (after, 5 + c, r));
      }
  /* The pasted block is selected. */
  g_assert_true (sd_grid_get_selection (fixture->grid, &r0, &c0, &r1, &c1));
  g_assert_cmpuint (r0, ==, 1);
  g_assert_cmpuint (c0, ==, 4);
  g_assert_cmpuint (r1, ==, 2);
  g_assert_cmpuint (c1, ==, 6);

  /* One undo step takes back all six cells. */
  g_assert_true (sd_store_undo (fixture->store, NULL));
  sd_test_spin ();
  undone = load_plan (fixture);
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 3; c++)
      {
        g_assert_false (sd_plan_cell_is_edited (undone, 5 + c, r));
        g_assert_cmpint (sd_plan_get_cell (undone, 5 + c, r), ==, sd_plan_get_cell (before, 5 + c, r));
      }
}

/* As the grid copies money: whole roubles when there are no kopecks, no group separators. */
static char *
format_cell (SdMoney value)
{
  g_autofree char *plain = sd_money_to_plain (value);
  gsize len = strlen (plain);

  if (g_str_has_suffix (plain, ".00"))
    plain[len - 3] = '\0';
  else if (sd_number_style_current () == SD_NUMBER_STYLE_RU)
    plain[len - 3] = ',';
  return g_steal_pointer (&plain);
}

static void
test_plan_copy_selection (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SdPlan) plan = load_plan (fixture);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  focus_cell (fixture->grid, 1, 0);
  g_assert_true (press (fixture->grid, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (press (fixture->grid, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_has_css_class (sd_grid_get_cell_widget (fixture->grid, 2, 1), "selected"));
  text = sd_grid_dup_selection_text (fixture->grid);

  a = format_cell (sd_plan_get_cell (plan, 1, 0));
  b = format_cell (sd_plan_get_cell (plan, 2, 0));
  c = format_cell (sd_plan_get_cell (plan, 1, 1));
  d = format_cell (sd_plan_get_cell (plan, 2, 1));
  expected = g_strdup_printf ("%s\t%s\n%s\t%s\n", a, b, c, d);
  g_assert_cmpstr (text, ==, expected);

  /* Ctrl+C puts it on the clipboard; pasting it back round-trips the figures. */
  g_assert_true (press (fixture->grid, GDK_KEY_c, GDK_CONTROL_MASK));
  press (fixture->grid, GDK_KEY_Left, 0);
  focus_cell (fixture->grid, 1, 5);
  g_assert_true (sd_grid_paste_text (fixture->grid, text));
  {
    g_autoptr(SdPlan) pasted = load_plan (fixture);

    g_assert_cmpint (sd_plan_get_cell (pasted, 6, 0), ==, sd_plan_get_cell (plan, 1, 0));
    g_assert_cmpint (sd_plan_get_cell (pasted, 7, 1), ==, sd_plan_get_cell (plan, 2, 1));
    g_assert_true (sd_plan_cell_is_edited (pasted, 7, 1));
  }
}

static void
test_plan_bad_input_changes_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(SdPlan) before = load_plan (fixture);
  g_autoptr(SdPlan) after = NULL;
  g_autofree char *undo_before = g_strdup (sd_store_get_undo_label (fixture->store));
  GtkWidget *cell;

  focus_cell (fixture->grid, 1, 0);
  type_text (fixture->grid, "12abc");
  g_assert_true (press (fixture->grid, GDK_KEY_Return, 0));

  /* The cell keeps what was typed and the focus; it is marked with the reason. */
  cell = sd_grid_get_cell_widget (fixture->grid, 1, 0);
  assert_cursor (fixture->grid, 1, 0);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "12abc");
  g_assert_nonnull (sd_grid_get_error_message (fixture->grid));
  g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, undo_before);

  /* A negative figure is refused by the plan's rules, with their reason. */
  press (fixture->grid, GDK_KEY_Escape, 0);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_null (sd_grid_get_error_message (fixture->grid));
  type_text (fixture->grid, "-5");
  press (fixture->grid, GDK_KEY_Return, 0);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  press (fixture->grid, GDK_KEY_Escape, 0);

  /* A pasted block with one bad value writes nothing. */
  g_assert_false (sd_grid_paste_text (fixture->grid, "100\t200\n300\tоколо 5\n"));
  g_assert_true (gtk_widget_has_css_class (sd_grid_get_cell_widget (fixture->grid, 2, 1), "error"));
  /* Nor does one that would run off the grid. */
  focus_cell (fixture->grid, 1, 11);
  g_assert_false (sd_grid_paste_text (fixture->grid, "1\t2\t3\n"));

  after = load_plan (fixture);
  for (int m = 1; m <= 12; m++)
    for (guint i = 0; i < sd_plan_get_n_managers (after); i++)
      {
        g_assert_cmpint (sd_plan_get_cell (after, m, i), ==, sd_plan_get_cell (before, m, i));
        g_assert_false (sd_plan_cell_is_edited (after, m, i));
      }
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, undo_before);
}

static void
test_plan_approved_is_read_only (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlan) before = NULL;
  g_autoptr(SdPlan) after = NULL;
  GtkWidget *cell;

  g_assert_false (sd_grid_get_read_only (fixture->grid));

  /* Approve asks first; cancelling changes nothing. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "plan.approve", NULL));
  sd_test_respond (find_dialog (ADW_TYPE_MESSAGE_DIALOG), "cancel");
  g_assert_false (sd_grid_get_read_only (fixture->grid));
  {
    g_autoptr(SdPlanVersion) version = sd_store_get_plan_version (fixture->store, fixture->version_id, &error);

    g_assert_cmpint (version->state, ==, SD_PLAN_STATE_DRAFT);
  }
  g_assert_true (gtk_widget_activate_action (fixture->page, "plan.approve", NULL));
  sd_test_respond (find_dialog (ADW_TYPE_MESSAGE_DIALOG), "approve");
  {
    g_autoptr(SdPlanVersion) version = sd_store_get_plan_version (fixture->store, fixture->version_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (version->state, ==, SD_PLAN_STATE_APPROVED);
  }

  g_assert_true (sd_grid_get_read_only (fixture->grid));
  cell = sd_grid_get_cell_widget (fixture->grid, 1, 0);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell)));

  before = load_plan (fixture);
  focus_cell (fixture->grid, 1, 0);
  type_text (fixture->grid, "777");
  press (fixture->grid, GDK_KEY_Return, 0);
  press (fixture->grid, GDK_KEY_Delete, 0);
  g_assert_false (sd_grid_paste_text (fixture->grid, "1\t2\n"));
  after = load_plan (fixture);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (sd_plan_get_cell (after, m, 0), ==, sd_plan_get_cell (before, m, 0));

  /* A revision is an editable copy. */
  {
    gint64 revision = sd_store_create_plan_version (fixture->store, YEAR, "Ревизия",
                                                    SD_SCENARIO_BASE, fixture->version_id,
                                                    &error);

    g_assert_no_error (error);
    sd_plan_page_select_version (SD_PLAN_PAGE (fixture->page), revision);
    sd_test_spin ();
    g_assert_cmpint (sd_plan_page_get_version_id (SD_PLAN_PAGE (fixture->page)), ==, revision);
    g_assert_false (sd_grid_get_read_only (fixture->grid));
  }
}

static void
test_plan_keyboard_navigation (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *cell;
  g_autofree char *original = NULL;
  guint r0, c0, r1, c1;

  focus_cell (fixture->grid, 1, 0);
  press (fixture->grid, GDK_KEY_Right, 0);
  assert_cursor (fixture->grid, 1, 1);
  press (fixture->grid, GDK_KEY_Down, 0);
  assert_cursor (fixture->grid, 2, 1);
  press (fixture->grid, GDK_KEY_Tab, 0);
  assert_cursor (fixture->grid, 2, 2);
  press (fixture->grid, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  assert_cursor (fixture->grid, 2, 1);
  press (fixture->grid, GDK_KEY_Up, 0);
  assert_cursor (fixture->grid, 1, 1);
  press (fixture->grid, GDK_KEY_Left, 0);
  assert_cursor (fixture->grid, 1, 0);
  /* At the edges the cursor stays. */
  press (fixture->grid, GDK_KEY_Left, 0);
  assert_cursor (fixture->grid, 1, 0);
  press (fixture->grid, GDK_KEY_Return, 0);
  assert_cursor (fixture->grid, 2, 0);

  /* Shift+arrows select a block. */
  press (fixture->grid, GDK_KEY_Down, GDK_SHIFT_MASK);
  press (fixture->grid, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_true (sd_grid_get_selection (fixture->grid, &r0, &c0, &r1, &c1));
  g_assert_cmpuint (r0, ==, 2);
  g_assert_cmpuint (c0, ==, 0);
  g_assert_cmpuint (r1, ==, 3);
  g_assert_cmpuint (c1, ==, 1);
  press (fixture->grid, GDK_KEY_Left, 0);
  g_assert_true (sd_grid_get_selection (fixture->grid, &r0, &c0, &r1, &c1));
  g_assert_cmpuint (r0, ==, r1);
  g_assert_cmpuint (c0, ==, c1);

  /* Moving to the last column scrolls it into view, the frozen header along. */
  {
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (find_body_scroller (GTK_WIDGET (fixture->grid)));

    focus_cell (fixture->grid, 1, 11);
    press (fixture->grid, GDK_KEY_Right, 0);
    assert_cursor (fixture->grid, 1, 12);
    g_assert_cmpfloat (gtk_adjustment_get_value (h), >, 0);
    press (fixture->grid, GDK_KEY_Home, 0);
    focus_cell (fixture->grid, 1, 0);
    g_assert_cmpfloat (gtk_adjustment_get_value (h), ==, 0);
  }

  /* F2 edits in place: the arrows then move inside the text until its ends. */
  focus_cell (fixture->grid, 1, 3);
  cell = sd_grid_get_cell_widget (fixture->grid, 1, 3);
  original = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
  press (fixture->grid, GDK_KEY_F2, 0);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (cell)), ==,
                   g_utf8_strlen (original, -1));
  g_assert_false (press (fixture->grid, GDK_KEY_Left, 0));
  assert_cursor (fixture->grid, 1, 3);

  /* Escape cancels what was typed. */
  focus_cell (fixture->grid, 1, 3);
  type_text (fixture->grid, "999");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "999");
  press (fixture->grid, GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, original);
  g_assert_false (sd_store_can_undo (fixture->store) &&
                  g_str_has_prefix (sd_store_get_undo_label (fixture->store), "Edit plan"));
}

static void
test_plan_delete_resets_hand_edit (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(SdPlan) edited = NULL;
  g_autoptr(SdPlan) reset = NULL;

  focus_cell (fixture->grid, 1, 0);
  type_text (fixture->grid, "42");
  press (fixture->grid, GDK_KEY_Tab, 0);
  edited = load_plan (fixture);
  g_assert_true (sd_plan_cell_is_edited (edited, 1, 0));
  g_assert_cmpint (sd_plan_get_cell (edited, 1, 0), ==, 4200);

  /* Shift+Tab goes back; Delete forgets the hand edit. */
  press (fixture->grid, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  assert_cursor (fixture->grid, 1, 0);
  press (fixture->grid, GDK_KEY_Delete, 0);
  reset = load_plan (fixture);
  g_assert_false (sd_plan_cell_is_edited (reset, 1, 0));
}

static void
test_plan_respread_balances_month (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(SdPlan) edited = NULL;
  g_autoptr(SdPlan) spread = NULL;

  focus_cell (fixture->grid, 1, 0);
  type_text (fixture->grid, "100");
  press (fixture->grid, GDK_KEY_Return, 0);
  edited = load_plan (fixture);
  g_assert_cmpint (sd_plan_rest (edited, 1), !=, 0);

  focus_cell (fixture->grid, 1, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.respread", NULL));
  sd_test_spin ();
  spread = load_plan (fixture);
  g_assert_cmpint (sd_plan_rest (spread, 1), ==, 0);
  g_assert_true (sd_plan_is_balanced (spread, 1));
  g_assert_cmpint (sd_plan_get_cell (spread, 1, 0), ==, 10000);
  g_assert_true (g_str_has_prefix (sd_store_get_undo_label (fixture->store), "Spread the rest"));
}

static void
test_plan_funnel_line (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  g_autoptr(SdPlan) plan = NULL;
  gint64 deals = 0, leads = 0;
  g_autofree char *leads_text = NULL;

  plan = sd_store_load_plan (fixture->store, fixture->version_id,
                             sd_context_get_calendar (fixture->context), &params, &error);
  g_assert_no_error (error);
  sd_plan_params_set_funnel (params, 5000000, 2500);
  g_assert_true (sd_plan_recompute (plan, params, &error));
  g_assert_true (sd_store_save_plan (fixture->store, fixture->version_id, params, plan,
                                     "funnel", &error));
  g_assert_no_error (error);
  sd_test_spin ();

  focus_cell (fixture->grid, 2, 2);
  g_assert_true (sd_plan_get_month_funnel (plan, 3, &deals, &leads));
  leads_text = g_strdup_printf (" %" G_GINT64_FORMAT " ", leads);
  g_assert_nonnull (strstr (sd_plan_page_get_funnel_text (SD_PLAN_PAGE (fixture->page)), leads_text));
}

/* A row of the parameters panel by its title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_plan_apply_params (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *target_kind = find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Yearly target");
  GtkWidget *target = find_row (fixture->page, ADW_TYPE_ENTRY_ROW, "Target for the year, ₽");
  GtkWidget *ramp = find_row (fixture->page, ADW_TYPE_ENTRY_ROW, "Ramp-up of newcomers, % of full pace by month");
  g_autoptr(SdPlan) plan = NULL;
  g_autoptr(SdPlan) unchanged = NULL;
  g_autoptr(SdPlanParams) params = NULL;
  gsize n_steps = 0;
  const int *steps;

  g_assert_nonnull (target_kind);
  g_assert_nonnull (target);
  g_assert_nonnull (ramp);
  adw_combo_row_set_selected (ADW_COMBO_ROW (target_kind), 0);
  gtk_editable_set_text (GTK_EDITABLE (target), "12 000 000");
  gtk_editable_set_text (GTK_EDITABLE (ramp), "0/50/100");
  g_assert_true (gtk_widget_activate_action (fixture->page, "plan.apply-params", NULL));
  sd_test_spin ();

  plan = sd_store_load_plan (fixture->store, fixture->version_id,
                             sd_context_get_calendar (fixture->context), &params, NULL);
  g_assert_cmpint (sd_plan_get_target (plan), ==, 1200000000);
  steps = sd_plan_params_get_ramp_up (params, &n_steps);
  g_assert_cmpuint (n_steps, ==, 3);
  g_assert_cmpint (steps[1], ==, 50);
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Change plan parameters");
  {
    g_autofree char *expected = sd_money_format_whole (1200000000, sd_number_style_current (), NULL);
    g_autofree char *shown = sd_grid_model_dup_text (sd_grid_get_model (fixture->grid), 0, 12);

    g_assert_cmpstr (shown, ==, expected);
  }

  /* A ramp-up that does not end at 100 % is refused with the reason; nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (ramp), "0 50");
  g_assert_true (gtk_widget_activate_action (fixture->page, "plan.apply-params", NULL));
  sd_test_spin ();
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Change plan parameters");
  g_assert_true (sd_store_undo (fixture->store, NULL));
  sd_test_spin ();
  unchanged = load_plan (fixture);
  g_assert_cmpint (sd_plan_get_target (unchanged), !=, 1200000000);
}

static void
test_plan_new_version_through_page (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  const SdPlanVersion *created = NULL;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (fixture->page, "plan.new-revision", NULL));
  dialog = find_dialog (SD_TYPE_VERSION_DIALOG);
  {
    g_autofree char *name = sd_version_dialog_dup_name (SD_VERSION_DIALOG (dialog));

    g_assert_true (g_str_has_prefix (name, "План 2026"));
  }
  sd_test_respond (ADW_MESSAGE_DIALOG (dialog), "accept");

  versions = sd_store_list_plan_versions (fixture->store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  for (guint i = 0; i < versions->len; i++)
    if (((SdPlanVersion *) versions->pdata[i])->id != fixture->version_id)
      created = versions->pdata[i];
  g_assert_nonnull (created);
  g_assert_cmpint (created->revision_of, ==, fixture->version_id);
  /* The page shows the new draft; the first version stays current. */
  g_assert_cmpint (sd_plan_page_get_version_id (SD_PLAN_PAGE (fixture->page)), ==, created->id);
  g_assert_false (created->current);

  /* Only a draft that is not current can be deleted. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "plan.delete", NULL));
  sd_test_respond (find_dialog (ADW_TYPE_MESSAGE_DIALOG), "delete");
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = sd_store_list_plan_versions (fixture->store, YEAR, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpint (sd_plan_page_get_version_id (SD_PLAN_PAGE (fixture->page)), ==,
                   fixture->version_id);
}

static void
test_plan_new_version_dialog (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *dialog = sd_version_dialog_new (GTK_WINDOW (fixture->window), "New", "_Create",
                                             "  ", SD_SCENARIO_OPTIMISTIC, TRUE);
  g_autofree char *name = NULL;

  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  g_assert_cmpint (sd_version_dialog_get_scenario (SD_VERSION_DIALOG (dialog)), ==,
                   SD_SCENARIO_OPTIMISTIC);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = sd_version_dialog_new (GTK_WINDOW (fixture->window), "New", "_Create",
                                  " Оптимистичный ", SD_SCENARIO_BASE, TRUE);
  name = sd_version_dialog_dup_name (SD_VERSION_DIALOG (dialog));
  g_assert_cmpstr (name, ==, "Оптимистичный");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sd_test_spin ();

  /* The comparison lists both versions' figures and the difference. */
  {
    g_autoptr(GError) error = NULL;
    gint64 other = sd_store_create_plan_version (fixture->store, YEAR, "Другой",
                                                 SD_SCENARIO_OPTIMISTIC, fixture->version_id,
                                                 &error);
    GtkWidget *window;

    g_assert_no_error (error);
    window = sd_compare_window_new (GTK_WINDOW (fixture->window), fixture->store,
                                    fixture->version_id, other, &error);
    g_assert_no_error (error);
    g_assert_nonnull (window);
    gtk_window_destroy (GTK_WINDOW (window));
    sd_test_spin ();
  }
}

/* --- the facts grid --- */

static SdFact
find_fact (Fixture *fixture,
           gint64   manager_id,
           int      month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) facts = sd_store_list_facts (fixture->store, sd_month_make (YEAR, 1),
                                                 sd_month_make (YEAR, 12), &error);
  SdFact none = { 0, };

  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      SdFact *fact = &g_array_index (facts, SdFact, i);

      if (fact->manager_id == manager_id && sd_month_get_month (fact->month) == month)
        return *fact;
    }
  return none;
}

static guint
facts_row (Fixture *fixture,
           gint64   manager_id)
{
  SdGridModel *model = sd_grid_get_model (fixture->grid);
  g_autoptr(SdStaffMember) member = sd_store_get_staff (fixture->store, manager_id, NULL);

  for (guint r = 0; r < sd_grid_model_get_n_rows (model); r++)
    {
      g_autofree char *title = sd_grid_model_dup_row_title (model, r);

      if (g_strcmp0 (title, member->name) == 0)
        return r;
    }
  g_assert_not_reached ();
}

static void
test_facts_typed_land_in_store (Fixture       *fixture,
                                gconstpointer  data)
{
  guint row = facts_row (fixture, fixture->ivanov);
  SdFact fact;

  focus_cell (fixture->grid, row, 2);
  type_text (fixture->grid, "250 000,50");
  press (fixture->grid, GDK_KEY_Return, 0);
  fact = find_fact (fixture, fixture->ivanov, 3);
  g_assert_cmpint (fact.manager_id, ==, fixture->ivanov);
  g_assert_cmpint (fact.revenue, ==, 25000050);
  g_assert_true (g_str_has_prefix (sd_store_get_undo_label (fixture->store), "Edit facts for"));

  /* Another metric of the same month keeps the revenue. */
  sd_facts_page_set_metric (SD_FACTS_PAGE (fixture->page), SD_FACT_METRIC_DEALS);
  sd_test_spin ();
  focus_cell (fixture->grid, row, 2);
  type_text (fixture->grid, "7");
  press (fixture->grid, GDK_KEY_Return, 0);
  fact = find_fact (fixture, fixture->ivanov, 3);
  g_assert_cmpint (fact.deals, ==, 7);
  g_assert_cmpint (fact.revenue, ==, 25000050);

  /* Deals are whole numbers. */
  focus_cell (fixture->grid, row, 3);
  type_text (fixture->grid, "2,5");
  press (fixture->grid, GDK_KEY_Return, 0);
  g_assert_true (gtk_widget_has_css_class (sd_grid_get_cell_widget (fixture->grid, row, 3), "error"));
  g_assert_cmpint (find_fact (fixture, fixture->ivanov, 4).manager_id, ==, 0);
}

static void
test_facts_outside_employment_locked (Fixture       *fixture,
                                      gconstpointer  data)
{
  guint row = facts_row (fixture, fixture->sidorov);
  SdGridModel *model = sd_grid_get_model (fixture->grid);

  /* Hired on 12 May: January to April cannot be entered. */
  for (guint c = 0; c < 4; c++)
    {
      g_assert_false (sd_grid_model_get_flags (model, row, c) & SD_GRID_CELL_EDITABLE);
      g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (sd_grid_get_cell_widget (fixture->grid, row, c))));
    }
  g_assert_true (sd_grid_model_get_flags (model, row, 4) & SD_GRID_CELL_EDITABLE);

  focus_cell (fixture->grid, row, 3);
  g_assert_false (sd_grid_paste_text (fixture->grid, "1000\t2000\n"));
  g_assert_cmpint (find_fact (fixture, fixture->sidorov, 5).manager_id, ==, 0);
  focus_cell (fixture->grid, row, 4);
  g_assert_true (sd_grid_paste_text (fixture->grid, "1000\t2000\n"));
  g_assert_cmpint (find_fact (fixture, fixture->sidorov, 5).revenue, ==, 100000);
  g_assert_cmpint (find_fact (fixture, fixture->sidorov, 6).revenue, ==, 200000);
}

static void
test_facts_paste_is_one_undo_step (Fixture       *fixture,
                                   gconstpointer  data)
{
  guint row = MIN (facts_row (fixture, fixture->ivanov), facts_row (fixture, fixture->petrova));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->grid));

  focus_cell (fixture->grid, row, 0);
  gdk_clipboard_set_text (clipboard, "1\t2\t3\r\n4\t5\t6\r\n");
  gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "grid.paste", NULL);
  SD_TEST_WAIT_FOR (undo_label_is (fixture->store, "Paste facts"));
  g_assert_cmpint (find_fact (fixture, fixture->petrova, 3).revenue +
                   find_fact (fixture, fixture->ivanov, 3).revenue, ==, 900);

  g_assert_true (sd_store_undo (fixture->store, NULL));
  sd_test_spin ();
  for (int m = 1; m <= 3; m++)
    {
      g_assert_cmpint (find_fact (fixture, fixture->petrova, m).manager_id, ==, 0);
      g_assert_cmpint (find_fact (fixture, fixture->ivanov, m).manager_id, ==, 0);
    }
  /* The grid shows the undone state. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sd_grid_get_cell_widget (fixture->grid, row, 0))), ==, "");
}

/* --- the grid alone: TSV and a large grid --- */

static void
test_grid_parse_tsv (void)
{
  g_autoptr(GPtrArray) rows = sd_grid_parse_tsv ("a\tb\r\n\tc\n\n");
  g_autoptr(GPtrArray) one = sd_grid_parse_tsv ("1 234,5");
  g_autoptr(GPtrArray) none = sd_grid_parse_tsv ("");

  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstrv (rows->pdata[0], ((const char *[]) { "a", "b", NULL }));
  g_assert_cmpstrv (rows->pdata[1], ((const char *[]) { "", "c", NULL }));
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstrv (one->pdata[0], ((const char *[]) { "1 234,5", NULL }));
  g_assert_cmpuint (none->len, ==, 0);
}

/* A grid model of n_rows × 13 numbers, for the large case. */
#define TEST_TYPE_BIG_MODEL (test_big_model_get_type ())
G_DECLARE_FINAL_TYPE (TestBigModel, test_big_model, TEST, BIG_MODEL, GObject)

struct _TestBigModel
{
  GObject parent_instance;
  guint   n_rows;
};

static void test_big_model_iface_init (SdGridModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestBigModel, test_big_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SD_TYPE_GRID_MODEL, test_big_model_iface_init))

static guint big_n_rows (SdGridModel *m) { return TEST_BIG_MODEL (m)->n_rows; }
static guint big_n_columns (SdGridModel *m) { return 13; }
static char *big_row_title (SdGridModel *m, guint r) { return g_strdup_printf ("Менеджер %u", r + 1); }
static char *big_column_title (SdGridModel *m, guint c) { return g_strdup_printf ("%u", c + 1); }
static char *big_text (SdGridModel *m, guint r, guint c)
{
  return sd_money_format_whole ((SdMoney) (r * 13 + c) * 123456700, sd_number_style_current (), NULL);
}
static SdGridCellFlags big_flags (SdGridModel *m, guint r, guint c)
{
  return c == 12 ? SD_GRID_CELL_TOTAL : SD_GRID_CELL_EDITABLE;
}
static gboolean big_set_cells (SdGridModel *m, const SdGridEdit *e, guint n, guint *bad, GError **error)
{
  return TRUE;
}

static void
test_big_model_iface_init (SdGridModelInterface *iface)
{
  iface->get_n_rows = big_n_rows;
  iface->get_n_columns = big_n_columns;
  iface->dup_row_title = big_row_title;
  iface->dup_column_title = big_column_title;
  iface->dup_text = big_text;
  iface->get_flags = big_flags;
  iface->set_cells = big_set_cells;
}

static void test_big_model_class_init (TestBigModelClass *klass) { }
static void test_big_model_init (TestBigModel *self) { }

static GtkScrolledWindow *
find_body_scroller (GtkWidget *widget)
{
  /* The body is the scrolled window with both scrollbars allowed. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (child))
        {
          GtkPolicyType h, v;

          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (child), &h, &v);
          if (h == GTK_POLICY_AUTOMATIC && v == GTK_POLICY_AUTOMATIC)
            return GTK_SCROLLED_WINDOW (child);
        }
      if ((found = find_body_scroller (child)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  guint  n_frames;
  gint64 frame_start;
  gint64 busy;       /* µs spent from before-paint to after-paint, summed */
  gint64 worst;
} FrameStats;

static void
on_before_paint (GdkFrameClock *clock,
                 FrameStats    *stats)
{
  stats->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameStats    *stats)
{
  gint64 spent = g_get_monotonic_time () - stats->frame_start;

  stats->n_frames++;
  if (stats->frame_start > 0)
    {
      stats->busy += spent;
      stats->worst = MAX (stats->worst, spent);
    }
}

static void
test_grid_large_build_and_scroll (void)
{
  g_autoptr(TestBigModel) model = g_object_new (TEST_TYPE_BIG_MODEL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = sd_grid_new ();
  GtkScrolledWindow *body;
  GtkAdjustment *vadj;
  GdkFrameClock *clock;
  gint64 build_start, start, built, shown, scrolled;
  FrameStats stats = { 0, };
  guint steps = 0;
  gulong paint_id, before_id;

  model->n_rows = g_getenv ("SD_BIG_ROWS") ? atoi (g_getenv ("SD_BIG_ROWS")) : 200;
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), grid);

  build_start = g_get_monotonic_time ();
  sd_grid_set_model (SD_GRID (grid), SD_GRID_MODEL (model));
  built = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  SD_TEST_WAIT_FOR (gtk_widget_get_mapped (grid) && gtk_widget_get_height (grid) > 0);
  sd_test_spin ();
  shown = g_get_monotonic_time ();

  g_assert_nonnull (sd_grid_get_cell_widget (SD_GRID (grid), model->n_rows - 1, 12));
  g_assert_null (sd_grid_get_cell_widget (SD_GRID (grid), model->n_rows, 0));

  body = find_body_scroller (grid);
  g_assert_nonnull (body);
  vadj = gtk_scrolled_window_get_vadjustment (body);
  clock = gtk_widget_get_frame_clock (grid);
  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &stats);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &stats);

  /* Scroll the whole height in steps of 120 px, one painted frame per step. */
  start = g_get_monotonic_time ();
  for (double value = 0; value + gtk_adjustment_get_page_size (vadj) < gtk_adjustment_get_upper (vadj);
       value += 120)
    {
      guint frames = stats.n_frames;

      gtk_adjustment_set_value (vadj, value + 120);
      SD_TEST_WAIT_FOR (stats.n_frames > frames);
      steps++;
    }
  scrolled = g_get_monotonic_time ();
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (clock, before_id);

  g_assert_cmpuint (steps, >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);
  g_test_message ("%u cells: build %.1f ms, first frame %.1f ms; scroll: %u steps in %.1f ms "
                  "(%.1f ms per step), %u frames, layout+paint %.1f ms per frame on average, "
                  "%.1f ms at worst",
                  model->n_rows * 13, (built - build_start) / 1000.0, (shown - built) / 1000.0,
                  steps, (scrolled - start) / 1000.0, (scrolled - start) / 1000.0 / steps,
                  stats.n_frames, stats.busy / 1000.0 / MAX (stats.n_frames, 1),
                  stats.worst / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  sd_test_spin ();
  g_assert_finalize_object (window);
}

/* --- looking at the pages: SD_SNAPSHOT_DIR=dir writes PNGs --- */

static void
snapshot_to_png (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("SD_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  if (dir == NULL)
    return;

  /* A few frames after the first draw, so everything has its final size. */
  for (int i = 0; i < 5; i++)
    {
      g_usleep (20000);
      sd_test_spin ();
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_plan_snapshot (Fixture       *fixture,
                    gconstpointer  data)
{
  if (g_getenv ("SD_SNAPSHOT_DIR") == NULL)
    {
      g_test_skip ("SD_SNAPSHOT_DIR is not set");
      return;
    }

  focus_cell (fixture->grid, 1, 2);
  type_text (fixture->grid, "1 500 000");
  press (fixture->grid, GDK_KEY_Return, 0);
  press (fixture->grid, GDK_KEY_Down, GDK_SHIFT_MASK);
  press (fixture->grid, GDK_KEY_Right, GDK_SHIFT_MASK);
  snapshot_to_png (fixture->window, "plan-page.png");
  type_text (fixture->grid, "x1");
  press (fixture->grid, GDK_KEY_Return, 0);
  snapshot_to_png (fixture->window, "plan-page-error.png");
  press (fixture->grid, GDK_KEY_Escape, 0);
  {
    g_autoptr(SdPlanParams) params = NULL;
    g_autoptr(SdPlan) plan = sd_store_load_plan (fixture->store, fixture->version_id,
                                                 sd_context_get_calendar (fixture->context),
                                                 &params, NULL);

    sd_plan_params_set_funnel (params, 5000000, 2500);
    g_assert_true (sd_plan_recompute (plan, params, NULL));
    g_assert_true (sd_store_save_plan (fixture->store, fixture->version_id, params, plan,
                                       "funnel", NULL));
    sd_test_spin ();
  }
  focus_cell (fixture->grid, 2, 2);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sd_test_find_type (fixture->page,
                                                                      ADW_TYPE_EXPANDER_ROW)), TRUE);
  snapshot_to_png (fixture->window, "plan-page-params.png");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sd_test_find_type (fixture->page,
                                                                      ADW_TYPE_EXPANDER_ROW)), FALSE);
  sd_store_approve_plan_version (fixture->store, fixture->version_id, NULL);
  sd_test_spin ();
  snapshot_to_png (fixture->window, "plan-page-approved.png");
}

static void
test_facts_snapshot (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_getenv ("SD_SNAPSHOT_DIR") == NULL)
    {
      g_test_skip ("SD_SNAPSHOT_DIR is not set");
      return;
    }

  focus_cell (fixture->grid, 0, 1);
  type_text (fixture->grid, "250 000");
  press (fixture->grid, GDK_KEY_Return, 0);
  snapshot_to_png (fixture->window, "facts-page.png");
}

int
main (int   argc,
      char *argv[])
{
  /* Today sets the year shown by default; every test gets its own XDG directories. */
  sd_test_gui_init (&argc, &argv, "2026-03-15", TRUE);

#define ADD_PLAN(path, func) \
  g_test_add (path, Fixture, NULL, plan_set_up, func, fixture_tear_down)
#define ADD_FACTS(path, func) \
  g_test_add (path, Fixture, NULL, facts_set_up, func, fixture_tear_down)

  ADD_PLAN ("/plan-grid/typed-cell-saves-and-undoes", test_plan_typed_cell_saves);
  ADD_PLAN ("/plan-grid/paste-block-is-one-undo-step", test_plan_paste_is_one_undo_step);
  ADD_PLAN ("/plan-grid/copy-selection-as-tsv", test_plan_copy_selection);
  ADD_PLAN ("/plan-grid/bad-input-changes-nothing", test_plan_bad_input_changes_nothing);
  ADD_PLAN ("/plan-grid/approved-is-read-only", test_plan_approved_is_read_only);
  ADD_PLAN ("/plan-grid/keyboard-navigation", test_plan_keyboard_navigation);
  ADD_PLAN ("/plan-grid/delete-resets-hand-edit", test_plan_delete_resets_hand_edit);
  ADD_PLAN ("/plan-grid/respread-balances-month", test_plan_respread_balances_month);
  ADD_PLAN ("/plan-grid/funnel-line", test_plan_funnel_line);
  ADD_PLAN ("/plan-grid/version-dialog-and-compare", test_plan_new_version_dialog);
  ADD_PLAN ("/plan-grid/new-revision-and-delete-through-page", test_plan_new_version_through_page);
  ADD_PLAN ("/plan-grid/apply-parameters", test_plan_apply_params);
  ADD_PLAN ("/plan-grid/snapshot", test_plan_snapshot);
  ADD_FACTS ("/facts-grid/typed-facts-land-in-store", test_facts_typed_land_in_store);
  ADD_FACTS ("/facts-grid/outside-employment-locked", test_facts_outside_employment_locked);
  ADD_FACTS ("/facts-grid/paste-is-one-undo-step", test_facts_paste_is_one_undo_step);
  ADD_FACTS ("/facts-grid/snapshot", test_facts_snapshot);
  g_test_add_func ("/grid/parse-tsv", test_grid_parse_tsv);
  g_test_add_func ("/grid/large-build-and-scroll", test_grid_large_build_and_scroll);

#undef ADD_PLAN
#undef ADD_FACTS

  return g_test_run ();
}
