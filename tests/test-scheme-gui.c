/* test-scheme-gui.c — the scheme editor, assignments, JSON import and the payroll export
 * driven through their real widgets on a demo company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-scheme-gui"

#include "config.h"

#include <string.h>

#include "sd-context.h"
#include "sd-export.h"
#include "sd-payroll-export.h"
#include "sd-payroll-page.h"
#include "sd-scheme-editor.h"
#include "sd-scheme-library.h"
#include "sd-schemes-page.h"
#include "sd-store.h"
#include "sd-test-gui.h"

#define RUB(x) ((SdMoney) (x) * 100)
#define PCT(x) ((gint64) ((x) * SD_FIX_ONE))

typedef SdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sd_test_page_fixture_set_up (fixture, "sd-scheme-gui-XXXXXX", 8, 1, "2026-11-22", 1000, 800);
}

/* "Pay against plan completion: …" with the percentages as the locale writes them (0 % under
 * ru, 0% in English). */
static char *
curve_label (const char *at_0,
             const char *at_100,
             const char *at_200,
             guint       n_warnings)
{
  /* Whole percentages without decimals; a narrow space before % in Russian. */
  const char *sign = sd_number_style_current () == SD_NUMBER_STYLE_RU ? "\u00a0%" : "%";
  g_autofree char *p0 = g_strconcat ("0", sign, NULL);
  g_autofree char *p100 = g_strconcat ("100", sign, NULL);
  g_autofree char *p200 = g_strconcat ("200", sign, NULL);

  return g_strdup_printf ("Pay against plan completion: %s at %s, %s at %s, %s at %s; "
                          "%u warnings", at_0, p0, at_100, p100, at_200, p200, n_warnings);
}

/* The accessible label of `widget` is exactly `expected`. */
static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  g_autofree char *actual = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                expected);

  /* NULL when it matches, else the label it has. */
  g_assert_cmpstr (actual, ==, NULL);
}

/* The pay curve view under `root`: the widget with the image role. */
static GtkWidget *
find_chart (GtkWidget *root)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == GTK_ACCESSIBLE_ROLE_IMG &&
      !GTK_IS_IMAGE (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_chart (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under `root` whose tooltip is `tooltip`. */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_tooltip (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button of the schemes page for `scheme_id` whose tooltip is `tooltip`. */
static GtkWidget *
find_scheme_button (GtkWidget  *root,
                    gint64      scheme_id,
                    const char *tooltip)
{
  if (GTK_IS_BUTTON (root) &&
      (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (root), "scheme-id")) == scheme_id &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_scheme_button (c, scheme_id, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
library_scheme_id (Fixture *fixture,
                   guint    index)
{
  g_autoptr(SdScheme) scheme = sd_scheme_library_create (index);
  gint64 id = sd_store_find_scheme (fixture->store, scheme->name);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* Opens the editor of scheme `id` with the page's Edit button. */
static SdSchemeEditor *
open_editor (Fixture   *fixture,
             GtkWidget *page,
             gint64     id)
{
  SdSchemeEditor *editor;

  sd_test_click (find_scheme_button (page, id, "Edit"));
  editor = sd_schemes_page_get_editor (SD_SCHEMES_PAGE (page));
  g_assert_nonnull (editor);
  SD_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  sd_test_spin ();
  return editor;
}

static SdMoney
curve_pay_at (const SdPayCurve *curve,
              gint64            completion)
{
  for (guint i = 0; i < curve->points->len; i++)
    {
      const SdPayCurvePoint *p = &g_array_index (curve->points, SdPayCurvePoint, i);

      if (p->completion == completion)
        return p->total;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_tier_rate_changes_curve (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = sd_schemes_page_new (fixture->context);
  gint64 id = library_scheme_id (fixture, 1);   /* the ladder: 2 / 4 / 6 / 7 % */
  SdSchemeEditor *editor;
  const SdPayCurve *curve;
  GtkWidget *rate, *chart;
  SdMoney at_99, at_100;

  sd_test_present (fixture->window, page);
  editor = open_editor (fixture, page, id);
  curve = sd_scheme_editor_get_curve (editor);
  g_assert_nonnull (curve);
  /* The curve starts at the average November plan of the managers on the ladder. */
  {
    g_autoptr(GArray) plan = sd_store_list_plan (fixture->store, sd_month_make (2026, 11),
                                                 sd_month_make (2026, 11), NULL);
    g_autoptr(SdScheme) ladder = sd_scheme_library_create (1);
    SdMoney sum = 0;
    guint n = 0;

    for (guint i = 0; i < plan->len; i++)
      {
        const SdPlanEntry *e = &g_array_index (plan, SdPlanEntry, i);
        g_autoptr(SdScheme) s = e->manager_id != 0
          ? sd_store_get_scheme_for (fixture->store, e->manager_id, e->month, NULL) : NULL;

        if (s != NULL && g_strcmp0 (s->name, ladder->name) == 0)
          {
            sum += e->revenue;
            n++;
          }
      }
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpint (curve->plan, ==, sd_div_round (sum, n) / 100 * 100);
  }
  /* The rest is checked on a round plan typed in its field. */
  gtk_editable_set_text (GTK_EDITABLE (sd_test_find_named (GTK_WIDGET (editor), "curve-plan")),
                         "1 000 000");
  sd_test_spin ();
  curve = sd_scheme_editor_get_curve (editor);
  g_assert_null (sd_scheme_editor_get_problem (editor));
  g_assert_cmpint (curve->plan, ==, RUB (1000000));
  /* 30 000 ₽ salary + 6 % of 1 000 000 ₽ at 100 %; 4 % of 990 000 ₽ at 99 %. */
  at_100 = curve_pay_at (curve, PCT (100));
  at_99 = curve_pay_at (curve, PCT (99));
  g_assert_cmpint (at_100, ==, RUB (30000) + RUB (60000));
  g_assert_cmpint (at_99, ==, RUB (30000) + RUB (39600));
  /* The same numbers as the cost table shows. */
  g_assert_cmpint (curve->cost[1].pay, ==, at_100);
  g_assert_cmpint (curve->cost[1].share, ==, PCT (9));

  /* What a screen reader hears about the chart: pay at 0 %, 100 % and 200 %, and the cliffs. */
  chart = find_chart (GTK_WIDGET (editor));
  g_assert_nonnull (chart);
  /* Four cliffs: at 50, 70, 100 and 120 % (6 % → 7 % on all revenue). */
  {
    g_autofree char *expected = curve_label ("30K\u00a0₽", "90K\u00a0₽", "170K\u00a0₽", 4);

    assert_label (chart, expected);
  }

  rate = sd_test_find_named (GTK_WIDGET (editor), "tier-rate-2");
  g_assert_true (GTK_IS_SPIN_BUTTON (rate));
  gtk_editable_set_text (GTK_EDITABLE (rate), "7");
  sd_test_spin ();

  curve = sd_scheme_editor_get_curve (editor);
  g_assert_nonnull (curve);
  g_assert_cmpint (curve_pay_at (curve, PCT (100)), ==, at_100 + RUB (10000));
  g_assert_cmpint (curve_pay_at (curve, PCT (99)), ==, at_99);
  g_assert_cmpint (curve->cost[1].share, ==, PCT (10));
  g_assert_null (sd_scheme_editor_get_problem (editor));
  /* 7 % from 100 %: pay at 100 % rises, and the jump at 120 % is gone. */
  {
    g_autofree char *expected = curve_label ("30K\u00a0₽", "100K\u00a0₽", "170K\u00a0₽", 3);

    assert_label (chart, expected);
  }
  g_assert_cmpuint (curve->warnings->len, ==, 3);
  sd_test_maybe_snapshot (GTK_WIDGET (editor), "scheme-editor-ladder.png");

  /* Cancel: nothing is written. */
  gtk_window_close (GTK_WINDOW (editor));
  sd_test_spin ();
  g_assert_null (sd_schemes_page_get_editor (SD_SCHEMES_PAGE (page)));
  {
    g_autoptr(SdSchemeEntry) entry = sd_store_get_scheme (fixture->store, id, NULL);

    g_assert_cmpint (g_array_index (entry->scheme->tiers, SdTier, 2).rate_pct, ==, PCT (6));
  }
}

static GtkListBox *
first_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkListBox *found = first_list (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
payroll_total_title (GtkWidget *payroll_page)
{
  GtkListBox *list = first_list (payroll_page);
  guint n = 0;

  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  g_assert_cmpuint (n, >, 0);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, n - 1)));
}

static char *
format_total (SdMoney total)
{
  g_autofree char *money = sd_money_format (total, sd_number_style_current (), "₽");

  return g_strdup_printf ("Department total: %s", money);
}

static void
test_salary_changes_payroll (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *schemes = sd_schemes_page_new (fixture->context);
  GtkWidget *payroll = sd_payroll_page_new (fixture->context);
  gint64 id = library_scheme_id (fixture, 1);
  g_autoptr(SdScheme) library = sd_scheme_library_create (1);
  SdMonth november = sd_month_make (2026, 11);
  g_autoptr(SdPayroll) before = NULL;
  SdSchemeEditor *editor;
  GtkWidget *salary;
  g_autofree char *before_title = NULL;
  g_autofree char *after_title = NULL;
  SdMoney expected;
  guint on_scheme = 0;

  gtk_widget_set_hexpand (schemes, TRUE);
  gtk_widget_set_hexpand (payroll, TRUE);
  gtk_box_append (GTK_BOX (box), schemes);
  gtk_box_append (GTK_BOX (box), payroll);
  sd_test_present (fixture->window, box);

  /* Today is 22 November: the page opens on October, closed in the demo; November is open. */
  sd_test_click (sd_test_find_named (payroll, "next-month"));
  before = sd_store_compute_payroll (fixture->store, november,
                                     sd_context_get_calendar (fixture->context),
                                     sd_number_style_current (), &error);
  g_assert_no_error (error);
  before_title = format_total (before->total);
  g_assert_cmpstr (payroll_total_title (payroll), ==, before_title);

  /* Each slip on the ladder gets 40 000 ₽ instead of 30 000 ₽, prorated by its worked days. */
  expected = before->total;
  for (guint i = 0; i < before->slips->len; i++)
    {
      const SdPayslip *slip = g_ptr_array_index (before->slips, i);
      SdMoney prorated;

      if (g_strcmp0 (slip->scheme_name, library->name) != 0)
        continue;
      on_scheme++;
      g_assert_true (sd_money_mul_ratio (RUB (40000), slip->worked_days, slip->working_days,
                                         &prorated));
      expected += prorated - slip->salary;
    }
  g_assert_cmpuint (on_scheme, >, 0);

  editor = open_editor (fixture, schemes, id);
  salary = sd_test_find_named (GTK_WIDGET (editor), "salary");
  g_assert_nonnull (salary);
  gtk_editable_set_text (GTK_EDITABLE (salary), "40 000,00");
  sd_test_spin ();
  g_assert_null (sd_scheme_editor_get_problem (editor));
  g_assert_cmpint (sd_scheme_editor_get_curve (editor)->salary, ==, RUB (40000));
  sd_test_click (sd_test_find_named (GTK_WIDGET (editor), "save"));
  SD_TEST_WAIT_FOR (sd_schemes_page_get_editor (SD_SCHEMES_PAGE (schemes)) == NULL);
  sd_test_spin ();

  after_title = format_total (expected);
  g_assert_cmpstr (after_title, !=, before_title);
  g_assert_cmpstr (payroll_total_title (payroll), ==, after_title);

  /* One undo step brings the scheme and the payroll back. */
  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  sd_test_spin ();
  g_assert_cmpstr (payroll_total_title (payroll), ==, before_title);
}

static void
test_weights_must_sum_to_100 (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = sd_schemes_page_new (fixture->context);
  gint64 id = library_scheme_id (fixture, 2);   /* marginal + KPI: weights 50 / 30 / 20 % */
  g_autoptr(SdSchemeEntry) stored = sd_store_get_scheme (fixture->store, id, NULL);
  g_autoptr(SdSchemeEntry) after = NULL;
  SdSchemeEditor *editor;
  GtkWidget *weight, *save, *sum, *error_label;

  sd_test_present (fixture->window, page);
  editor = open_editor (fixture, page, id);
  save = sd_test_find_named (GTK_WIDGET (editor), "save");
  g_assert_true (gtk_widget_get_sensitive (save));

  weight = sd_test_find_named (GTK_WIDGET (editor), "kpi-weight-0");
  g_assert_true (GTK_IS_SPIN_BUTTON (weight));
  gtk_editable_set_text (GTK_EDITABLE (weight), "40");
  sd_test_spin ();

  g_assert_false (gtk_widget_get_sensitive (save));
  /* The core computes only valid schemes: no curve until the weights are right again. */
  g_assert_null (sd_scheme_editor_get_curve (editor));
  g_assert_nonnull (sd_scheme_editor_get_problem (editor));
  g_assert_nonnull (strstr (sd_scheme_editor_get_problem (editor), "100"));
  /* The reason is on screen, and so is the sum. */
  error_label = sd_test_find_named (GTK_WIDGET (editor), "problem");
  g_assert_true (GTK_IS_LABEL (error_label));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   sd_scheme_editor_get_problem (editor));
  sum = sd_test_find_named (GTK_WIDGET (editor), "kpi-sum");
  g_assert_nonnull (sum);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sum)), ==, "90 %");
  sd_test_maybe_snapshot (GTK_WIDGET (editor), "scheme-editor-weights-90.png");
  if (sd_test_snapshot_dir () != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (weight, GTK_TYPE_SCROLLED_WINDOW)));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      sd_test_maybe_snapshot (GTK_WIDGET (editor), "scheme-editor-bottom.png");
      gtk_adjustment_set_value (adj, 0);
    }

  /* Save does nothing while insensitive; the store keeps the old weights. */
  gtk_widget_activate (save);
  sd_test_spin ();
  after = sd_store_get_scheme (fixture->store, id, NULL);
  g_assert_true (sd_scheme_equal (after->scheme, stored->scheme));

  /* Back to 100 %: Save is offered again. */
  gtk_editable_set_text (GTK_EDITABLE (weight), "50");
  sd_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_null (sd_scheme_editor_get_problem (editor));
  g_assert_nonnull (sd_scheme_editor_get_curve (editor));
  g_assert_false (gtk_widget_get_visible (error_label));
  gtk_window_close (GTK_WINDOW (editor));
  sd_test_spin ();
}

static void
test_new_from_library_and_bad_field (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) flat = sd_scheme_library_create (0);
  SdSchemeEditor *editor = sd_scheme_editor_new (fixture->window, fixture->store, 0, flat);
  g_autoptr(GPtrArray) before = sd_store_list_schemes (fixture->store, &error);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *name, *salary;
  gint64 saved_id = 0;

  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  sd_test_spin ();
  /* The library's name is taken by the demo company. */
  g_assert_nonnull (sd_scheme_editor_get_problem (editor));
  g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (GTK_WIDGET (editor), "save")));

  name = sd_test_find_named (GTK_WIDGET (editor), "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Новая схема");
  sd_test_spin ();
  g_assert_null (sd_scheme_editor_get_problem (editor));

  salary = sd_test_find_named (GTK_WIDGET (editor), "salary");
  gtk_editable_set_text (GTK_EDITABLE (salary), "сорок тысяч");
  sd_test_spin ();
  g_assert_nonnull (sd_scheme_editor_get_problem (editor));
  g_assert_true (g_str_has_prefix (sd_scheme_editor_get_problem (editor), "Salary: "));
  g_assert_null (sd_scheme_editor_get_curve (editor));
  g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (GTK_WIDGET (editor), "save")));

  gtk_editable_set_text (GTK_EDITABLE (salary), "45000");
  sd_test_spin ();
  g_assert_null (sd_scheme_editor_get_problem (editor));

  /* Without tiers the scheme is refused (and nothing breaks); a new tier starts at 0 %. */
  sd_test_click (find_by_tooltip (GTK_WIDGET (editor), "Remove the Tier"));
  g_assert_null (sd_test_find_named (GTK_WIDGET (editor), "tier-rate-0"));
  g_assert_nonnull (sd_scheme_editor_get_problem (editor));
  g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (GTK_WIDGET (editor), "save")));
  sd_test_click (find_by_tooltip (GTK_WIDGET (editor), "Add a Tier"));
  gtk_editable_set_text (GTK_EDITABLE (sd_test_find_named (GTK_WIDGET (editor),
                                                           "tier-rate-0")), "5");
  sd_test_spin ();
  g_assert_null (sd_scheme_editor_get_problem (editor));
  sd_test_click (sd_test_find_named (GTK_WIDGET (editor), "save"));
  after = sd_store_list_schemes (fixture->store, &error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  saved_id = sd_store_find_scheme (fixture->store, "Новая схема");
  g_assert_cmpint (saved_id, >, 0);
  {
    g_autoptr(SdSchemeEntry) entry = sd_store_get_scheme (fixture->store, saved_id, NULL);

    g_assert_cmpint (entry->scheme->salary, ==, RUB (45000));
    g_assert_cmpuint (entry->scheme->tiers->len, ==, 1);
    g_assert_cmpint (g_array_index (entry->scheme->tiers, SdTier, 0).rate_pct, ==, PCT (5));
  }
  g_assert_true (sd_store_can_undo (fixture->store));
  g_object_unref (editor);
}

/* New Scheme → a typical scheme: the editor opens on a copy with a name not taken yet, and
 * nothing is stored until Save. */
static void
test_new_from_menu (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = sd_schemes_page_new (fixture->context);
  g_autoptr(SdScheme) ladder = sd_scheme_library_create (1);
  g_autoptr(GPtrArray) before = sd_store_list_schemes (fixture->store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *expected = g_strdup_printf ("%s (2)", ladder->name);
  SdSchemeEditor *editor;

  sd_test_present (fixture->window, page);
  g_assert_true (gtk_widget_activate_action (page, "schemes.new", "i", 1));
  sd_test_spin ();
  editor = sd_schemes_page_get_editor (SD_SCHEMES_PAGE (page));
  g_assert_nonnull (editor);
  g_assert_cmpstr (sd_scheme_editor_get_scheme (editor)->name, ==, expected);
  g_assert_null (sd_scheme_editor_get_problem (editor));
  after = sd_store_list_schemes (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  sd_test_click (sd_test_find_named (GTK_WIDGET (editor), "save"));
  SD_TEST_WAIT_FOR (sd_schemes_page_get_editor (SD_SCHEMES_PAGE (page)) == NULL);
  after = sd_store_list_schemes (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpint (sd_store_find_scheme (fixture->store, expected), >, 0);
  sd_test_spin ();
  g_assert_nonnull (find_scheme_button (page, sd_store_find_scheme (fixture->store, expected), "Edit"));
}

static void
test_import_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = sd_schemes_page_new (fixture->context);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *good = g_build_filename (fixture->dir, "good.json", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GPtrArray) before = sd_store_list_schemes (fixture->store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  const char *weights_90 =
    "{ \"name\": \"Imported\", \"salary\": \"40000.00\","
    "  \"commission\": { \"base\": \"revenue\", \"mode\": \"flat\","
    "                   \"tiers\": [ {\"from_pct\": 0, \"rate_pct\": 3} ] },"
    "  \"kpi\": { \"target_bonus\": \"20000.00\","
    "           \"items\": [ {\"metric\": \"calls\", \"weight\": 0.9, \"min\": 1, \"target\": 2, \"max\": 3} ] } }";
  const char *fine =
    "{ \"name\": \"Imported\", \"salary\": \"40000.00\","
    "  \"commission\": { \"base\": \"revenue\", \"mode\": \"flat\","
    "                   \"tiers\": [ {\"from_pct\": 0, \"rate_pct\": 3} ] } }";

  sd_test_present (fixture->window, page);
  g_assert_true (g_file_set_contents (bad, weights_90, -1, NULL));
  g_assert_true (g_file_set_contents (good, fine, -1, NULL));

  g_assert_false (sd_schemes_page_import_file (SD_SCHEMES_PAGE (page), bad_file, &error));
  g_assert_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "«bad.json» was not imported: "));
  g_clear_error (&error);
  after = sd_store_list_schemes (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));
  g_assert_false (sd_schemes_page_import_file (SD_SCHEMES_PAGE (page), bad_file, &error));
  g_clear_error (&error);

  g_assert_true (sd_schemes_page_import_file (SD_SCHEMES_PAGE (page), good_file, &error));
  g_assert_no_error (error);
  after = sd_store_list_schemes (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpint (sd_store_find_scheme (fixture->store, "Imported"), >, 0);
  sd_test_spin ();
  g_assert_nonnull (find_scheme_button (page, sd_store_find_scheme (fixture->store, "Imported"),
                                        "Edit"));

  /* Export, then import into the same company: the scheme comes back equal (it replaces
   * itself, by name). */
  {
    gint64 id = library_scheme_id (fixture, 2);
    g_autofree char *out = g_build_filename (fixture->dir, "marginal.json", NULL);
    g_autoptr(GFile) out_file = g_file_new_for_path (out);
    g_autoptr(SdSchemeEntry) original = sd_store_get_scheme (fixture->store, id, NULL);
    g_autoptr(SdSchemeEntry) again = NULL;
    g_autofree char *text = NULL;

    g_assert_true (sd_schemes_page_export_file (SD_SCHEMES_PAGE (page), id, out_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\"mode\": \"marginal\""));
    g_assert_true (sd_schemes_page_import_file (SD_SCHEMES_PAGE (page), out_file, &error));
    g_assert_no_error (error);
    again = sd_store_get_scheme (fixture->store, sd_store_find_scheme (fixture->store, original->scheme->name), NULL);
    /* The description is not part of scheme.json. */
    g_clear_pointer (&original->scheme->description, g_free);
    g_clear_pointer (&again->scheme->description, g_free);
    g_assert_true (sd_scheme_equal (again->scheme, original->scheme));
  }
}

/* The page's error line: the first label with the "error" style. */
static const char *
page_status (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error"))
    return gtk_label_get_label (GTK_LABEL (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      const char *found = page_status (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_assign_from_month (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = sd_schemes_page_new (fixture->context);
  gint64 flat = library_scheme_id (fixture, 0);
  g_autoptr(SdScheme) flat_scheme = sd_scheme_library_create (0);
  g_autoptr(GPtrArray) staff = sd_store_list_staff (fixture->store, FALSE, &error);
  const SdStaffMember *member = NULL;
  g_autoptr(SdScheme) march_before = NULL;
  g_autoptr(SdScheme) march = NULL;
  g_autoptr(SdScheme) april = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkDropDown *who, *month;
  GtkSpinButton *year;
  guint index = 0;
  GtkWidget *unassign = NULL;

  /* A manager who is not on the flat scheme in 2026. */
  for (guint i = 0; i < staff->len && member == NULL; i++)
    {
      const SdStaffMember *m = g_ptr_array_index (staff, i);
      g_autoptr(SdScheme) s = sd_store_get_scheme_for (fixture->store, m->id,
                                                       sd_month_make (2026, 3), NULL);

      if (s != NULL && g_strcmp0 (s->name, flat_scheme->name) != 0 &&
          g_date_get_year (&m->hired) < 2026)
        {
          member = m;
          index = i;
        }
    }
  g_assert_nonnull (member);
  march_before = sd_store_get_scheme_for (fixture->store, member->id, sd_month_make (2026, 3), NULL);

  sd_test_present (fixture->window, page);
  sd_test_maybe_snapshot (GTK_WIDGET (fixture->window), "schemes-page.png");
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      /* April first: October 2026 is closed in the demo, so the store refuses a change that
       * would reach it, and says so. Then November, after the closed month. */
      guint from_month = attempt == 0 ? 4 : 11;

      sd_test_click (find_scheme_button (page, flat, "Assign to a Manager…"));
      dialog = sd_test_find_message_dialog ();
      g_assert_nonnull (dialog);
      extra = adw_message_dialog_get_extra_child (dialog);
      who = GTK_DROP_DOWN (gtk_widget_get_first_child (extra));
      month = GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_widget_get_last_child (extra))));
      year = GTK_SPIN_BUTTON (gtk_widget_get_last_child (gtk_widget_get_last_child (extra)));
      gtk_drop_down_set_selected (who, index);
      gtk_drop_down_set_selected (month, from_month - 1);
      gtk_spin_button_set_value (year, 2026);
      sd_test_respond (dialog, "assign");
      if (attempt == 0)
        {
          g_assert_true (g_str_has_prefix (page_status (page), "The payroll from April 2026 on includes a closed month."));
          april = sd_store_get_scheme_for (fixture->store, member->id, sd_month_make (2026, 4), NULL);
          g_assert_cmpstr (april->name, ==, march_before->name);
          g_clear_pointer (&april, sd_scheme_free);
        }
      else
        g_assert_cmpstr (page_status (page), ==, "");
    }

  /* A change from November does not rewrite October (nor March). */
  march = sd_store_get_scheme_for (fixture->store, member->id, sd_month_make (2026, 10), NULL);
  april = sd_store_get_scheme_for (fixture->store, member->id, sd_month_make (2026, 11), NULL);
  g_assert_cmpstr (march->name, ==, march_before->name);
  g_assert_cmpstr (april->name, ==, flat_scheme->name);
  if (sd_test_snapshot_dir () != NULL)
    {
      GtkWidget *edit = find_scheme_button (page, flat, "Edit");

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (edit, ADW_TYPE_EXPANDER_ROW)), TRUE);
      sd_test_maybe_snapshot (GTK_WIDGET (fixture->window), "schemes-assigned.png");
    }

  /* The page lists the assignment; removing it puts the manager back. */
  {
    GtkWidget *stack[256];
    guint top = 0;

    stack[top++] = page;
    while (top > 0 && unassign == NULL)
      {
        GtkWidget *w = stack[--top];

        if (GTK_IS_BUTTON (w) &&
            (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (w), "manager-id")) == member->id &&
            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (w), "from")) == (int) sd_month_make (2026, 11))
          unassign = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < G_N_ELEMENTS (stack);
             c = gtk_widget_get_next_sibling (c))
          stack[top++] = c;
      }
  }
  g_assert_nonnull (unassign);
  sd_test_click (unassign);
  g_clear_pointer (&april, sd_scheme_free);
  april = sd_store_get_scheme_for (fixture->store, member->id, sd_month_make (2026, 11), NULL);
  g_assert_cmpstr (april->name, ==, march_before->name);
}

static void
test_delete_assigned_asks (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = sd_schemes_page_new (fixture->context);
  gint64 flat = library_scheme_id (fixture, 0);
  g_autoptr(SdScheme) copy = sd_scheme_library_create (0);
  g_autoptr(GPtrArray) staff = sd_store_list_staff (fixture->store, FALSE, &error);
  const SdStaffMember *member = g_ptr_array_index (staff, 1);
  AdwMessageDialog *dialog;
  gint64 id;

  sd_test_present (fixture->window, page);

  /* The flat scheme paid the closed October: its assignments cannot go, and the page says
   * why after asking. */
  sd_test_click (find_scheme_button (page, flat, "Remove"));
  dialog = sd_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  sd_test_respond (dialog, "delete");
  g_assert_cmpint (sd_store_find_scheme (fixture->store, "Salary + flat percentage"), ==, flat);
  g_assert_true (g_str_has_prefix (page_status (page), "The scheme was not deleted: "));

  /* A scheme assigned from November only. */
  g_free (copy->name);
  copy->name = g_strdup ("November scheme");
  id = sd_store_add_scheme (fixture->store, copy, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_assign_scheme (fixture->store, member->id, id, sd_month_make (2026, 11),
                                         &error));
  g_assert_no_error (error);
  sd_test_spin ();

  sd_test_click (find_scheme_button (page, id, "Remove"));
  dialog = sd_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  sd_test_respond (dialog, "cancel");
  g_assert_cmpint (sd_store_find_scheme (fixture->store, "November scheme"), ==, id);

  sd_test_click (find_scheme_button (page, id, "Remove"));
  dialog = sd_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  sd_test_respond (dialog, "delete");
  g_assert_cmpstr (page_status (page), ==, "");
  g_assert_cmpint (sd_store_find_scheme (fixture->store, "November scheme"), ==, 0);
  g_assert_null (find_scheme_button (page, id, "Remove"));

  /* One undo step brings the scheme and its assignment back. */
  g_assert_true (sd_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_find_scheme (fixture->store, "November scheme"), ==, id);
  {
    g_autoptr(SdScheme) november = sd_store_get_scheme_for (fixture->store, member->id,
                                                            sd_month_make (2026, 11), NULL);

    g_assert_cmpstr (november->name, ==, "November scheme");
  }
}

static void
test_payroll_export (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = sd_payroll_page_new (fixture->context);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "payroll.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "payroll.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "payroll.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_csv = NULL;
  g_autoptr(SdPayroll) payroll = NULL;

  sd_test_present (fixture->window, page);
  /* The page shows October 2026. */
  payroll = sd_store_compute_payroll (fixture->store, sd_month_make (2026, 10),
                                      sd_context_get_calendar (fixture->context),
                                      sd_number_style_current (), &error);
  g_assert_no_error (error);
  expected_csv = sd_payroll_to_csv (payroll);

  g_assert_false (sd_payroll_page_export_to (SD_PAYROLL_PAGE (page), pdf, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_true (sd_payroll_page_export_to (SD_PAYROLL_PAGE (page), csv, &error));
  g_assert_no_error (error);
  g_assert_true (sd_payroll_page_is_exporting (SD_PAYROLL_PAGE (page)));
  g_assert_false (gtk_widget_get_sensitive (sd_test_find_named (page, "export")));
  SD_TEST_WAIT_FOR (!sd_payroll_page_is_exporting (SD_PAYROLL_PAGE (page)));
  g_assert_cmpstr (sd_payroll_page_get_export_result (SD_PAYROLL_PAGE (page)), ==,
                   "Payroll saved to payroll.csv");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected_csv);
  g_assert_true (gtk_widget_get_sensitive (sd_test_find_named (page, "export")));

  g_assert_true (sd_payroll_page_export_to (SD_PAYROLL_PAGE (page), xlsx, &error));
  g_assert_no_error (error);
  SD_TEST_WAIT_FOR (!sd_payroll_page_is_exporting (SD_PAYROLL_PAGE (page)));
  g_assert_cmpstr (sd_payroll_page_get_export_result (SD_PAYROLL_PAGE (page)), ==,
                   "Payroll saved to payroll.xlsx");
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* A folder that does not exist: a clear message on the page, no file. */
  {
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "p.xlsx", NULL);

    g_assert_true (sd_payroll_page_export_to (SD_PAYROLL_PAGE (page), nowhere, &error));
    g_assert_no_error (error);
    SD_TEST_WAIT_FOR (!sd_payroll_page_is_exporting (SD_PAYROLL_PAGE (page)));
    g_assert_true (g_str_has_prefix (sd_payroll_page_get_export_result (SD_PAYROLL_PAGE (page)),
                                     "The payroll was not exported: "));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }

  /* Cancel: either it was in time and the old file stays, or the export had finished. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_set_contents (xlsx, "old", -1, NULL));
  g_assert_true (sd_payroll_page_export_to (SD_PAYROLL_PAGE (page), xlsx, &error));
  sd_test_click (sd_test_find_named (page, "cancel-export"));
  SD_TEST_WAIT_FOR (!sd_payroll_page_is_exporting (SD_PAYROLL_PAGE (page)));
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_test_message ("cancel during export: %s", sd_payroll_page_get_export_result (SD_PAYROLL_PAGE (page)));
  if (g_str_has_prefix (sd_payroll_page_get_export_result (SD_PAYROLL_PAGE (page)), "Export cancelled"))
    {
      g_assert_cmpstr (sd_payroll_page_get_export_result (SD_PAYROLL_PAGE (page)), ==,
                       "Export cancelled: payroll.xlsx was not changed.");
      g_assert_cmpstr (contents, ==, "old");
    }
  else
    g_assert_cmpstr (contents, !=, "old");
  /* What the worker thread runs, cancelled before it starts: refused, the old file kept. */
  {
    g_autoptr(GCancellable) cancelled = g_cancellable_new ();
    g_autofree char *kept = NULL;

    g_assert_true (g_file_set_contents (xlsx, "old", -1, NULL));
    g_cancellable_cancel (cancelled);
    g_assert_false (sd_export_payroll_data (payroll, xlsx, NULL, NULL, cancelled, &error));
    g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (xlsx, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "old");
  }
  {
    /* No temporary file is left behind. */
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 3);   /* demo.salesdesk, payroll.csv, payroll.xlsx */
  }
}

/* The page, the editor and the dialogs must not leak. */
static void
test_editor_finalizes (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 id = library_scheme_id (fixture, 2);
  SdSchemeEditor *editor = sd_scheme_editor_new (NULL, fixture->store, id, NULL);

  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  sd_test_spin ();
  g_assert_nonnull (sd_scheme_editor_get_curve (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  sd_test_spin ();
  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SALESDESK_TODAY", "2026-11-22", TRUE);
  /* The chart's accessible label is read back: GTK's test context keeps it (the suite's
   * GTK_A11Y=none would keep nothing). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, sd_test_page_fixture_tear_down)
  ADD ("/scheme-gui/editor/tier-rate-changes-curve", test_tier_rate_changes_curve);
  ADD ("/scheme-gui/editor/salary-changes-payroll-total", test_salary_changes_payroll);
  ADD ("/scheme-gui/editor/kpi-weights-90-refused", test_weights_must_sum_to_100);
  ADD ("/scheme-gui/editor/new-from-library-bad-field", test_new_from_library_and_bad_field);
  ADD ("/scheme-gui/editor/finalizes", test_editor_finalizes);
  ADD ("/scheme-gui/page/new-from-typical-scheme", test_new_from_menu);
  ADD ("/scheme-gui/page/import-json", test_import_json);
  ADD ("/scheme-gui/page/assign-from-month", test_assign_from_month);
  ADD ("/scheme-gui/page/delete-assigned-asks", test_delete_assigned_asks);
  ADD ("/scheme-gui/payroll/export", test_payroll_export);

  return g_test_run ();
}
