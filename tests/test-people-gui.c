/* test-people-gui.c — the people development page and its dialogs driven through their real
 * widgets on a demo company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-people-gui"

#include "config.h"

#include "sd-assessment-dialog.h"
#include "sd-call-dialog.h"
#include "sd-checklist-editor.h"
#include "sd-context.h"
#include "sd-idp-editor.h"
#include "sd-people-page.h"
#include "sd-store-people.h"
#include "sd-store-private.h"
#include "sd-store.h"
#include "sd-test-gui.h"

#define TODAY "2026-11-22"

typedef SdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sd_test_page_fixture_set_up (fixture, "sd-people-gui-XXXXXX", 6, 1, TODAY, 1200, 900);
}

static void
toggle (GtkWidget  *root,
        const char *name)
{
  GtkWidget *button = sd_test_find_named (root, name);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  sd_test_spin ();
}

/* The sum and count of the manager's stored call scores (whole points) in month. */
static void
month_calls (SdStore *store,
             gint64   manager_id,
             SdMonth  month,
             gint64  *sum,
             guint   *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  GDate first, last;

  sd_month_first_day (month, &first);
  sd_month_last_day (month, &last);
  calls = sd_store_people_list_calls (store, manager_id, &first, &last, &error);
  g_assert_no_error (error);
  *sum = 0;
  *n = calls->len;
  for (guint i = 0; i < calls->len; i++)
    {
      int score = 0;

      g_assert_true (sd_call_compute_score (g_ptr_array_index (calls, i), &score, NULL));
      *sum += score;
    }
}

static void
test_score_call (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(SdCall) expected_call = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  GtkWidget *page = sd_people_page_new (fixture->context);
  GtkWidget *dialog, *save, *date;
  GDate today;
  SdMonth month;
  gint64 manager, before_sum, after_sum, kpi = -1;
  guint before_n, after_n;
  int expected = -1;
  gboolean found = FALSE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  month = sd_month_from_date (&today);
  sd_test_present (fixture->window, page);
  manager = sd_people_page_get_manager (SD_PEOPLE_PAGE (page));
  g_assert_cmpint (manager, >, 0);
  month_calls (fixture->store, manager, month, &before_sum, &before_n);

  sd_test_click_named (page, "score-call");
  dialog = sd_test_find_toplevel (SD_TYPE_CALL_DIALOG, FALSE);
  g_assert_nonnull (dialog);
  save = sd_test_find_named (dialog, "save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpint (sd_call_dialog_get_score (SD_CALL_DIALOG (dialog)), ==, -1);

  /* Every criterion through its buttons: greeting partly, CRM not applicable, the rest done
   * except objections (not done). The same marks in the core give the expected score. */
  expected_call = sd_call_new_for_checklist (checklist, manager, &today);
  for (guint i = 0; i < sd_checklist_get_n_criteria (checklist); i++)
    {
      const SdCriterion *c = sd_checklist_get_criterion (checklist, i);
      g_autofree char *name = NULL;
      int score = 2;

      if (g_str_equal (c->key, "greeting"))
        score = 1;
      else if (g_str_equal (c->key, "objections"))
        score = 0;
      if (g_str_equal (c->key, "crm"))
        {
          name = g_strdup_printf ("score-%s-na", c->key);
          sd_call_set_not_applicable (expected_call, c->key);
        }
      else
        {
          name = g_strdup_printf ("score-%s-%d", c->key, score);
          sd_call_set_score (expected_call, c->key, score);
        }
      /* Save waits for the last criterion. */
      g_assert_false (gtk_widget_get_sensitive (save));
      toggle (dialog, name);
    }
  g_assert_true (sd_call_compute_score (expected_call, &expected, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_call_dialog_get_score (SD_CALL_DIALOG (dialog)), ==, expected);
  g_assert_true (gtk_widget_get_sensitive (save));
  sd_test_maybe_snapshot (dialog, "call-dialog.png");

  /* A wrong date makes Save insensitive again; the right one brings it back. */
  date = sd_test_find_named (dialog, "date");
  gtk_editable_set_text (GTK_EDITABLE (date), "31.02.2026");
  sd_test_spin ();
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (date), "22.11.2026");
  sd_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (sd_test_find_named (dialog, "reference")), "ООО «Вектор»");

  sd_test_click_named (dialog, "save");
  g_assert_null (sd_test_find_toplevel (SD_TYPE_CALL_DIALOG, FALSE));

  /* In the manager's history … */
  calls = sd_store_people_list_calls (fixture->store, manager, &today, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < calls->len; i++)
    {
      const SdCall *call = g_ptr_array_index (calls, i);
      int score = -1;

      if (g_strcmp0 (call->reference, "ООО «Вектор»") != 0)
        continue;
      found = TRUE;
      g_assert_true (sd_call_compute_score (call, &score, NULL));
      g_assert_cmpint (score, ==, expected);
    }
  g_assert_true (found);
  /* … and in the month's KPI metric, exactly. */
  month_calls (fixture->store, manager, month, &after_sum, &after_n);
  g_assert_cmpuint (after_n, ==, before_n + 1);
  g_assert_cmpint (after_sum, ==, before_sum + expected);
  g_assert_true (sd_store_people_call_score_for_month (fixture->store, manager, month, &kpi,
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (kpi, ==, (after_sum * 200 + after_n) / (2 * after_n));
  if (before_n == 0)
    g_assert_cmpint (kpi, ==, expected * 100);

  /* The page shows it at the top of the calls. */
  sd_test_spin ();
  {
    GtkListBox *list = GTK_LIST_BOX (sd_test_find_named (page, "calls"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    g_assert_nonnull (row);
    g_assert_true (ADW_IS_ACTION_ROW (row));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              "ООО «Вектор»"));
  }

  /* Opened from its row, the call comes back with its scores; objections raised to 2. */
  {
    GtkListBox *list = GTK_LIST_BOX (sd_test_find_named (page, "calls"));
    GtkWidget *edit;
    g_autoptr(SdCall) changed = sd_call_copy (expected_call);
    int raised = -1;

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
    sd_test_spin ();
    edit = sd_test_find_toplevel (SD_TYPE_CALL_DIALOG, FALSE);
    g_assert_nonnull (edit);
    g_assert_cmpint (sd_call_dialog_get_score (SD_CALL_DIALOG (edit)), ==, expected);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sd_test_find_named (edit, "reference"))), ==,
                     "ООО «Вектор»");
    toggle (edit, "score-objections-2");
    sd_call_set_score (changed, "objections", 2);
    g_assert_true (sd_call_compute_score (changed, &raised, NULL));
    g_assert_cmpint (sd_call_dialog_get_score (SD_CALL_DIALOG (edit)), ==, raised);
    sd_test_click_named (edit, "save");
    g_assert_null (sd_test_find_toplevel (SD_TYPE_CALL_DIALOG, FALSE));
    month_calls (fixture->store, manager, month, &after_sum, &after_n);
    g_assert_cmpuint (after_n, ==, before_n + 1);
    g_assert_cmpint (after_sum, ==, before_sum + raised);
    g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Edit scored call");
    g_assert_true (sd_store_undo (fixture->store, &error));
    g_assert_no_error (error);
  }

  /* One undo step takes it back. */
  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_false (sd_store_people_call_score_for_month (fixture->store, manager, month, &kpi,
                                                        &error) && before_n == 0);
}

static void
test_assess_through_widgets (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *page = sd_people_page_new (fixture->context);
  GtkWidget *dialog;
  gint64 manager, average = 0;

  sd_test_present (fixture->window, page);
  manager = sd_people_page_get_manager (SD_PEOPLE_PAGE (page));
  for (guint round = 0; round < 2; round++)
    {
      sd_test_click_named (page, "assess");
      dialog = sd_test_find_toplevel (SD_TYPE_ASSESSMENT_DIALOG, FALSE);
      g_assert_nonnull (dialog);
      g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (dialog, "save")));
      for (guint i = 0; i < sd_checklist_get_n_criteria (template_); i++)
        {
          const SdCriterion *c = sd_checklist_get_criterion (template_, i);
          g_autofree char *name = g_strdup_printf ("score-%s-%d", c->key,
                                                   round == 0 ? 3 : (i % 2 == 0 ? 4 : 3));

          toggle (dialog, name);
        }
      sd_test_maybe_snapshot (dialog, round == 0 ? "assessment-1.png" : "assessment-2.png");
      sd_test_click_named (dialog, "save");
      g_assert_null (sd_test_find_toplevel (SD_TYPE_ASSESSMENT_DIALOG, FALSE));
    }
  list = sd_store_people_list_assessments (fixture->store, manager, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 2);
  g_assert_true (sd_assessment_average (g_ptr_array_index (list, list->len - 2), &average));
  g_assert_cmpint (average, ==, 300);
  g_assert_true (sd_assessment_average (g_ptr_array_index (list, list->len - 1), &average));
  g_assert_cmpint (average, ==,
                   (4 * ((sd_checklist_get_n_criteria (template_) + 1) / 2) +
                    3 * (sd_checklist_get_n_criteria (template_) / 2)) * 100 /
                   sd_checklist_get_n_criteria (template_));
}

static void
test_plan_editor_saves (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) idps = NULL;
  GtkWidget *page = sd_people_page_new (fixture->context);
  GtkWidget *editor;
  gint64 manager;
  guint n_before, n_actions;
  const SdIdp *idp;

  sd_test_present (fixture->window, page);
  manager = sd_people_page_get_manager (SD_PEOPLE_PAGE (page));
  idps = sd_store_people_list_idps (fixture->store, manager, &error);
  n_before = idps->len;
  g_clear_pointer (&idps, g_ptr_array_unref);

  sd_test_click_named (page, "plan");
  editor = sd_test_find_toplevel (SD_TYPE_IDP_EDITOR, FALSE);
  g_assert_nonnull (editor);
  /* Whatever was proposed, one more action makes a plan worth saving. */
  sd_test_click_named (editor, "add-action");
  idp = sd_idp_editor_get_idp (SD_IDP_EDITOR (editor));
  g_assert_cmpuint (idp->actions->len, >, 0);
  n_actions = idp->actions->len;
  {
    SdIdpAction *action = g_ptr_array_index (idp->actions, idp->actions->len - 1);

    g_free (action->title);
    action->title = g_strdup ("Разбор трёх звонков с РОП");
  }
  sd_test_maybe_snapshot (editor, "idp-editor.png");
  /* The plan as a PDF to hand over. */
  {
    g_autofree char *pdf = g_build_filename (fixture->dir, "plan.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (sd_idp_editor_export_pdf (SD_IDP_EDITOR (editor), pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
    g_assert_cmpuint (length, >, 2000);
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    sd_test_maybe_keep ("plan.pdf", contents, length);
    g_unlink (pdf);
  }
  /* And as an Excel workbook. */
  {
    g_autofree char *xlsx = g_build_filename (fixture->dir, "plan.xlsx", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (sd_idp_editor_export_xlsx (SD_IDP_EDITOR (editor), xlsx, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (xlsx, &contents, &length, &error));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "PK"));
    sd_test_maybe_keep ("plan.xlsx", contents, length);
    g_unlink (xlsx);
  }
  sd_test_click_named (editor, "save");
  g_assert_null (sd_test_find_toplevel (SD_TYPE_IDP_EDITOR, FALSE));
  idps = sd_store_people_list_idps (fixture->store, manager, &error);
  g_assert_no_error (error);
  /* A new plan, or the manager's latest plan (from the demo) with one more action. */
  g_assert_cmpuint (idps->len, ==, n_before == 0 ? 1 : n_before);
  idp = g_ptr_array_index (idps, idps->len - 1);
  g_assert_cmpuint (idp->actions->len, ==, n_actions);
  g_assert_cmpstr (((SdIdpAction *) g_ptr_array_index (idp->actions, n_actions - 1))->title, ==,
                   "Разбор трёх звонков с РОП");
}

/* The demo's people (calls, assessments, an overdue plan), as the lead's demo will have them. */
static void
fill_demo_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) idps = sd_store_people_list_idps (fixture->store, 0, NULL);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);

  /* Already there when sd_store_fill_demo makes them. */
  if (idps->len > 0)
    return;
  g_assert_true (_sd_store_edit_begin (fixture->store, &error));
  g_assert_true (_sd_store_fill_demo_people (fixture->store, &today, 12, &error));
  g_assert_no_error (error);
  g_assert_true (_sd_store_edit_commit (fixture->store, "Demo", SD_STORE_CHANGED_ALL, &error));
}

static void
test_page_with_demo_people (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) idps = NULL;
  g_autoptr(GPtrArray) attention = NULL;
  GtkWidget *page;
  GtkListBox *managers, *plan;
  GtkListBoxRow *first;
  GtkWidget *status;
  const SdIdp *idp = NULL;
  gboolean overdue_row = FALSE;
  GDate today;
  guint action = G_MAXUINT;

  fill_demo_people (fixture);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  attention = sd_store_people_find_attention (fixture->store, sd_month_make (2026, 10), &today,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attention->len, >, 0);
  idps = sd_store_people_list_idps (fixture->store, 0, &error);
  g_assert_cmpuint (idps->len, ==, 1);
  idp = g_ptr_array_index (idps, 0);

  page = sd_people_page_new (fixture->context);
  sd_test_present (fixture->window, page);
  /* The people who need attention come first, each with the reason. */
  managers = GTK_LIST_BOX (sd_test_find_named (page, "managers"));
  first = gtk_list_box_get_row_at_index (managers, 1);
  g_assert_true (ADW_IS_ACTION_ROW (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                   ((SdAttention *) g_ptr_array_index (attention, 0))->name);
  g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (first))), >, 10);

  /* The planned one's overdue actions are highlighted; one is started from its row. */
  sd_people_page_select_manager (SD_PEOPLE_PAGE (page), idp->manager_id);
  sd_test_spin ();
  g_assert_cmpint (sd_people_page_get_manager (SD_PEOPLE_PAGE (page)), ==, idp->manager_id);
  plan = GTK_LIST_BOX (sd_test_find_named (page, "plan-list"));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (plan)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    overdue_row |= gtk_widget_has_css_class (c, "error");
  g_assert_true (overdue_row);
  for (guint i = 0; i < idp->actions->len && action == G_MAXUINT; i++)
    if (sd_idp_action_is_overdue (g_ptr_array_index (idp->actions, i), &today))
      action = i;
  g_assert_cmpuint (action, <, idp->actions->len);
  {
    g_autofree char *name = g_strdup_printf ("status-%u", action);

    status = sd_test_find_named (page, name);
  }
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), SD_IDP_STATUS_IN_PROGRESS);
  sd_test_spin ();
  {
    g_autoptr(SdIdp) back = sd_store_people_get_idp (fixture->store, idp->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (((SdIdpAction *) g_ptr_array_index (back->actions, action))->status, ==,
                     SD_IDP_STATUS_IN_PROGRESS);
  }
  g_assert_cmpstr (sd_store_get_undo_label (fixture->store), ==, "Change action status");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (sd_test_find_named (page, "by-criterion")), TRUE);
  sd_test_spin ();
  sd_test_maybe_snapshot (GTK_WIDGET (fixture->window), "people-page.png");
}

static void
test_templated_widgets (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SdChecklist) call = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) assess = sd_checklist_new_default_assessment ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = sd_store_list_staff (fixture->store, FALSE, &error);
  const SdStaffMember *member = g_ptr_array_index (staff, 0);
  GDate today;
  GtkWidget *w;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);

  /* The page goes away whole once nothing holds it. */
  {
    GtkWidget *window = gtk_window_new ();
    guint rounds = 0;

    w = g_object_ref_sink (sd_people_page_new (fixture->context));
    gtk_window_set_child (GTK_WINDOW (window), w);
    gtk_window_present (GTK_WINDOW (window));
    while (!gtk_widget_get_mapped (w) && rounds++ < 2000)
      g_main_context_iteration (NULL, TRUE);
    sd_test_spin ();
    gtk_window_destroy (GTK_WINDOW (window));
    sd_test_spin ();
    g_assert_finalize_object (w);
  }
  /* And without a company it says there is nothing to show. */
  {
    g_autoptr(SdContext) empty = sd_context_new (NULL, NULL);

    w = sd_people_page_new (empty);
    sd_test_present (fixture->window, w);
    g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (w, "score-call")));
    gtk_window_set_child (fixture->window, NULL);
    sd_test_spin ();
  }

  w = GTK_WIDGET (sd_call_dialog_new (NULL, fixture->store, call, staff, member->id, &today));
  gtk_window_destroy (GTK_WINDOW (w));
  w = GTK_WIDGET (sd_assessment_dialog_new (NULL, fixture->store, assess, member, &today, NULL));
  gtk_window_destroy (GTK_WINDOW (w));
  w = GTK_WIDGET (sd_idp_editor_new (NULL, fixture->store, member, NULL, &today));
  gtk_window_destroy (GTK_WINDOW (w));
  w = GTK_WIDGET (sd_checklist_editor_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (w));
  sd_test_spin ();
  sd_test_maybe_snapshot (w, "checklist-editor.png");
  gtk_window_destroy (GTK_WINDOW (w));
  sd_test_spin ();
}

static void
test_checklist_editor_weights (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  SdChecklistEditor *editor = sd_checklist_editor_new (fixture->window, fixture->store);
  GtkWidget *save, *greeting, *voice, *status;
  SdCriterion *c;

  gtk_window_present (GTK_WINDOW (editor));
  sd_test_spin ();
  save = sd_test_find_named (GTK_WIDGET (editor), "save");
  greeting = sd_test_find_named (GTK_WIDGET (editor), "weight-greeting");
  voice = sd_test_find_named (GTK_WIDGET (editor), "weight-voice");
  status = sd_test_find_named (GTK_WIDGET (editor), "status");
  g_assert_nonnull (save);
  g_assert_nonnull (greeting);
  g_assert_nonnull (voice);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* 8 + 5 → 105 %: refused on the spot with the reason, Save insensitive. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (greeting), 13);
  sd_test_spin ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (status)), "100"));
  /* Moved from another criterion: 100 % again, saved. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (voice), 1);
  sd_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (save));
  sd_test_click_named (GTK_WIDGET (editor), "save");
  lists = sd_store_people_list_checklists (fixture->store, SD_CHECKLIST_CALL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);
  c = sd_checklist_find (g_ptr_array_index (lists, 0), "greeting", NULL);
  g_assert_cmpint (c->weight, ==, 13);
  c = sd_checklist_find (g_ptr_array_index (lists, 0), "voice", NULL);
  g_assert_cmpint (c->weight, ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  sd_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  sd_test_gui_init (&argc, &argv, TODAY, FALSE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, sd_test_page_fixture_tear_down)

  ADD ("/people-gui/score-call/through-widgets-into-history-and-kpi", test_score_call);
  ADD ("/people-gui/assess/through-widgets-twice", test_assess_through_widgets);
  ADD ("/people-gui/plan/editor-saves-a-plan", test_plan_editor_saves);
  ADD ("/people-gui/templated-widgets/instantiate", test_templated_widgets);
  ADD ("/people-gui/checklist-editor/weights-must-add-up", test_checklist_editor_weights);
  ADD ("/people-gui/page/demo-attention-plan-status", test_page_with_demo_people);

#undef ADD

  return g_test_run ();
}
