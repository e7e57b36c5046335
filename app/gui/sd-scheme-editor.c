/* sd-scheme-editor.c — edit a motivation scheme beside its live pay curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-scheme-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sd-chart-pay-curve.h"
#include "sd-chart-view.h"
#include "sd-scheme-editor.h"

/* The plan the curve is drawn for until the person types another. */
#define DEFAULT_CURVE_PLAN (1000000 * (SdMoney) 100)
/* The chart counts completion in hundredths of a percent (100 % = 10000); the motivation
 * core in SD_FIX_ONE units per percent (100 % = 1000000). */
#define FIX_TO_CHART(v) ((v) / (SD_FIX_ONE / 100))

struct _SdSchemeEditor
{
  AdwWindow       parent_instance;

  SdStore        *store;
  gint64          scheme_id;
  char           *description;   /* kept as it was: the editor does not show it */

  /* What the fields say now (NULL when one cannot be read), why it cannot be saved. */
  SdScheme       *scheme;
  char           *problem;
  SdPayCurve     *curve;
  GArray         *chart_points;    /* of SdChartPayPoint */
  GArray         *chart_warnings;  /* of SdChartPayWarning, texts owned by `curve` */
  SdChartPayCurve chart;

  GPtrArray      *tier_rows;
  GPtrArray      *kpi_rows;
  GPtrArray      *step_rows;
  gboolean        loading;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *salary_row;
  AdwComboRow    *scope_row;
  AdwComboRow    *base_row;
  AdwComboRow    *mode_row;
  GtkSpinButton  *gate_spin;
  AdwPreferencesGroup *tiers_group;
  AdwPreferencesGroup *kpi_group;
  AdwPreferencesGroup *steps_group;
  AdwEntryRow    *kpi_bonus_row;
  AdwActionRow   *kpi_sum_row;
  GtkLabel       *kpi_sum_label;
  GtkSwitch      *cap_switch;
  AdwEntryRow    *cap_row;
  GtkEntry       *plan_entry;
  SdChartView    *chart_view;
  GtkLabel       *warnings_label;
  GtkWidget      *cost_heading;
  GtkGrid        *cost_grid;
};

G_DEFINE_FINAL_TYPE (SdSchemeEditor, sd_scheme_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (SdSchemeEditor *self);

static void
on_field_changed (SdSchemeEditor *self)
{
  refresh (self);
}

/* --- reading fields --- */

static char *
fix_text (gint64 value)
{
  g_autofree char *plain = sd_fix_to_plain (value);

  /* The spin buttons show the locale's decimal separator. */
  if (sd_number_style_current () == SD_NUMBER_STYLE_RU)
    g_strdelimit (plain, ".", ',');
  return g_steal_pointer (&plain);
}

/* A spin button's text as an exact fixed-point number (its double value is not exact and
 * changes only when the text is committed). */
static gboolean
read_fix (GtkSpinButton *spin,
          const char    *what,
          gint64        *out,
          GError       **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autoptr(GString) clean = g_string_new (NULL);

  /* Grouping spaces, if any. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        g_string_append_unichar (clean, c);
    }
  if (clean->len == 0 || !sd_fix_parse (clean->str, out))
    {
      /* Translators: %s names a field, e.g. "Tier 2, rate". */
      g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID,
                   _("%s: type a number such as 5 or 7,5 (at most four decimals)."), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_money (GtkEditable *editable,
            const char  *what,
            gboolean     empty_is_zero,
            SdMoney     *out,
            GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autoptr(GError) local = NULL;

  if (*text == '\0' && empty_is_zero)
    {
      *out = 0;
      return TRUE;
    }
  if (!sd_money_parse (text, out, &local))
    {
      /* Translators: a field's name, then why its amount cannot be read. */
      g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID, _("%s: %s"), what,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static GtkSpinButton *
row_spin (GtkWidget  *row,
          const char *key)
{
  return GTK_SPIN_BUTTON (g_object_get_data (G_OBJECT (row), key));
}

/* The scheme the fields describe, or NULL with the first field that cannot be read. */
static SdScheme *
read_scheme (SdSchemeEditor  *self,
             GError         **error)
{
  g_autoptr(SdScheme) s = sd_scheme_new ();

  g_free (s->name);
  s->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  s->description = g_strdup (self->description);
  if (!read_money (GTK_EDITABLE (self->salary_row), _("Salary"), TRUE, &s->salary, error))
    return NULL;
  s->scope = adw_combo_row_get_selected (self->scope_row) == 1 ? SD_SCOPE_TEAM
                                                               : SD_SCOPE_PERSONAL;
  s->base = (SdSchemeBase) adw_combo_row_get_selected (self->base_row);
  s->mode = (SdCommissionMode) adw_combo_row_get_selected (self->mode_row);
  if (!read_fix (self->gate_spin, _("Gate"), &s->gate_pct, error))
    return NULL;

  for (guint i = 0; i < self->tier_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->tier_rows, i);
      /* Translators: a field of the commission tier number %u. */
      g_autofree char *from_what = g_strdup_printf (_("Tier %u, from"), i + 1);
      g_autofree char *rate_what = g_strdup_printf (_("Tier %u, rate"), i + 1);
      gint64 from, rate;

      if (!read_fix (row_spin (row, "from"), from_what, &from, error) ||
          !read_fix (row_spin (row, "rate"), rate_what, &rate, error))
        return NULL;
      sd_scheme_add_tier (s, from, rate);
    }

  if (!read_money (GTK_EDITABLE (self->kpi_bonus_row), _("KPI bonus"), TRUE,
                   &s->kpi_target_bonus, error))
    return NULL;
  for (guint i = 0; i < self->kpi_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->kpi_rows, i);
      AdwComboRow *metric = g_object_get_data (G_OBJECT (row), "metric");
      const char *keys[] = { "weight", "min", "target", "max" };
      /* Translators: fields of the KPI number %u. */
      const char *names[] = { N_("KPI %u, weight"), N_("KPI %u, minimum"), N_("KPI %u, target"),
                              N_("KPI %u, maximum") };
      gint64 v[4];

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *what = g_strdup_printf (_(names[k]), i + 1);

          if (!read_fix (row_spin (row, keys[k]), what, &v[k], error))
            return NULL;
        }
      /* The weight is typed in percent of the bonus; the core counts shares of 1. */
      sd_scheme_add_kpi_item (s, (SdMetric) adw_combo_row_get_selected (metric),
                              v[0] / 100, v[1], v[2], v[3]);
      if (v[0] % 100 != 0)
        {
          g_set_error (error, SD_SCHEME_ERROR, SD_SCHEME_ERROR_INVALID,
                       _("KPI %u, weight: at most two decimals."), i + 1);
          return NULL;
        }
    }

  for (guint i = 0; i < self->step_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->step_rows, i);
      /* Translators: fields of the over-plan step number %u. */
      g_autofree char *from_what = g_strdup_printf (_("Over-plan step %u, from"), i + 1);
      g_autofree char *amount_what = g_strdup_printf (_("Over-plan step %u, amount"), i + 1);
      gint64 from;
      SdMoney amount;

      if (!read_fix (row_spin (row, "from"), from_what, &from, error) ||
          !read_money (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "amount")),
                       amount_what, FALSE, &amount, error))
        return NULL;
      sd_scheme_add_overplan (s, from, amount);
    }

  s->has_cap = gtk_switch_get_active (self->cap_switch);
  if (s->has_cap &&
      !read_money (GTK_EDITABLE (self->cap_row), _("Cap"), FALSE, &s->cap, error))
    return NULL;

  return g_steal_pointer (&s);
}

/* --- rows --- */

static GtkWidget *
make_spin (SdSchemeEditor *self,
           double          upper,
           gint64          value,
           const char     *accessible_label,
           const char     *name)
{
  GtkAdjustment *adj = gtk_adjustment_new (0, 0, upper, 1, 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adj, 1, 2);
  g_autofree char *text = fix_text (value);
  g_autofree char *plain = sd_fix_to_plain (value);
  const char *dot = strchr (plain, '.');

  /* Four decimals where the value needs them, else two. */
  if (dot != NULL && strlen (dot + 1) > 2)
    gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), (guint) strlen (dot + 1));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), g_ascii_strtod (plain, NULL));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, name);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_set_tooltip_text (spin, accessible_label);
  g_signal_connect_object (spin, "changed", G_CALLBACK (on_field_changed), self,
                           G_CONNECT_SWAPPED);
  return spin;
}

static GtkWidget *
suffix_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void renumber (SdSchemeEditor *self);

static void
on_remove_row_clicked (GtkButton      *button,
                       SdSchemeEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  GPtrArray *rows = g_object_get_data (G_OBJECT (button), "rows");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");

  g_ptr_array_remove (rows, row);
  adw_preferences_group_remove (group, row);
  renumber (self);
  refresh (self);
}

static GtkWidget *
remove_button (SdSchemeEditor      *self,
               GtkWidget           *row,
               GPtrArray           *rows,
               AdwPreferencesGroup *group,
               const char          *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (button), "rows", rows);
  g_object_set_data (G_OBJECT (button), "group", group);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_row_clicked), self, 0);
  return button;
}

static void
add_tier_row (SdSchemeEditor *self,
              gint64          from_pct,
              gint64          rate_pct)
{
  GtkWidget *row = adw_action_row_new ();
  guint n = self->tier_rows->len;
  g_autofree char *from_name = g_strdup_printf ("tier-from-%u", n);
  g_autofree char *rate_name = g_strdup_printf ("tier-rate-%u", n);
  /* xgettext:no-c-format */
  GtkWidget *from = make_spin (self, 1000, from_pct, _("From, % of plan"), from_name);
  /* xgettext:no-c-format */
  GtkWidget *rate = make_spin (self, 100, rate_pct, _("Rate, % of the base"), rate_name);

  g_object_set_data (G_OBJECT (row), "from", from);
  g_object_set_data (G_OBJECT (row), "rate", rate);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (_("from")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), from);
  /* Translators: "from 70 % of plan — rate 5 %" in a tier row. xgettext:no-c-format */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (_("% of plan, rate")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label ("%"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             remove_button (self, row, self->tier_rows, self->tiers_group,
                                            _("Remove the Tier")));
  g_ptr_array_add (self->tier_rows, row);
  adw_preferences_group_add (self->tiers_group, row);
}

static GtkWidget *
spin_row (GtkWidget  *spin,
          const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static void
add_kpi_row (SdSchemeEditor  *self,
             const SdKpiItem *item)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *metric = adw_combo_row_new ();
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  guint n = self->kpi_rows->len;
  const char *keys[] = { "weight", "min", "target", "max" };
  /* xgettext:no-c-format */
  const char *titles[] = { N_("Weight, % of the bonus"), N_("Minimum: below it, nothing"),
                           N_("Target: pays the weight in full"),
                           N_("Maximum: no more is counted") };
  /* The weight is shown in percent of the bonus (a share of 0.6 is 60 %). */
  const gint64 values[] = { item->weight * 100, item->min, item->target, item->max };

  for (SdMetric m = SD_METRIC_PLAN_PCT; m <= SD_METRIC_CALL_SCORE; m++)
    gtk_string_list_append (metrics, sd_metric_get_label (m));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (metric), _("Metric"));
  adw_combo_row_set_model (ADW_COMBO_ROW (metric), G_LIST_MODEL (metrics));
  adw_combo_row_set_selected (ADW_COMBO_ROW (metric), item->metric);
  {
    g_autofree char *name = g_strdup_printf ("kpi-metric-%u", n);

    gtk_widget_set_name (metric, name);
  }
  g_signal_connect_object (metric, "notify::selected", G_CALLBACK (on_field_changed), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "metric", metric);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), metric);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *name = g_strdup_printf ("kpi-%s-%u", keys[k], n);
      GtkWidget *spin = make_spin (self, k == 0 ? 100 : 1e12, values[k], _(titles[k]), name);

      g_object_set_data (G_OBJECT (row), keys[k], spin);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), spin_row (spin, _(titles[k])));
    }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               remove_button (self, row, self->kpi_rows, self->kpi_group,
                                              _("Remove the KPI")));
  g_ptr_array_add (self->kpi_rows, row);
  adw_preferences_group_add (self->kpi_group, row);
  /* The sum of the weights stays under the last KPI. */
  g_object_ref (self->kpi_sum_row);
  adw_preferences_group_remove (self->kpi_group, GTK_WIDGET (self->kpi_sum_row));
  adw_preferences_group_add (self->kpi_group, GTK_WIDGET (self->kpi_sum_row));
  g_object_unref (self->kpi_sum_row);
}

static void
add_step_row (SdSchemeEditor *self,
              gint64          from_pct,
              SdMoney         amount)
{
  GtkWidget *row = adw_action_row_new ();
  guint n = self->step_rows->len;
  g_autofree char *from_name = g_strdup_printf ("step-from-%u", n);
  g_autofree char *amount_name = g_strdup_printf ("step-amount-%u", n);
  /* xgettext:no-c-format */
  GtkWidget *from = make_spin (self, 1000, from_pct, _("From, % of plan"), from_name);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *text = sd_money_format (amount, sd_number_style_current (), NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_name (entry, amount_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amount, ₽"), -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_field_changed), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "from", from);
  g_object_set_data (G_OBJECT (row), "amount", entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (_("from")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), from);
  /* Translators: "from 110 % of plan — pay 10 000 ₽" in an over-plan step row. xgettext:no-c-format */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (_("% of plan, pay")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label ("₽"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             remove_button (self, row, self->step_rows, self->steps_group,
                                            _("Remove the Step")));
  g_ptr_array_add (self->step_rows, row);
  adw_preferences_group_add (self->steps_group, row);
}

/* Titles that follow the order after a row is removed. */
static void
renumber (SdSchemeEditor *self)
{
  for (guint i = 0; i < self->tier_rows->len; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Tier %u"), i + 1);

      adw_preferences_row_set_title (g_ptr_array_index (self->tier_rows, i), title);
    }
  for (guint i = 0; i < self->step_rows->len; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Step %u"), i + 1);

      adw_preferences_row_set_title (g_ptr_array_index (self->step_rows, i), title);
    }
}

static gint64
last_from (GPtrArray *rows)
{
  gint64 from = 0;

  if (rows->len > 0 &&
      !read_fix (row_spin (g_ptr_array_index (rows, rows->len - 1), "from"), "", &from, NULL))
    from = 0;
  return from;
}

static void
on_add_tier_clicked (SdSchemeEditor *self)
{
  gint64 rate = 0;

  if (self->tier_rows->len > 0)
    read_fix (row_spin (g_ptr_array_index (self->tier_rows, self->tier_rows->len - 1), "rate"),
              "", &rate, NULL);
  add_tier_row (self, self->tier_rows->len == 0 ? 0 : last_from (self->tier_rows) + 10 * SD_FIX_ONE,
                rate);
  renumber (self);
  refresh (self);
}

static void
on_add_kpi_clicked (SdSchemeEditor *self)
{
  SdKpiItem item = { SD_METRIC_CALLS, 0, 600 * SD_FIX_ONE, 800 * SD_FIX_ONE, 1000 * SD_FIX_ONE };

  if (self->kpi_rows->len == 0)
    {
      item.metric = SD_METRIC_PLAN_PCT;
      item.weight = SD_FIX_ONE;
      item.min = 70 * SD_FIX_ONE;
      item.target = 100 * SD_FIX_ONE;
      item.max = 120 * SD_FIX_ONE;
    }
  add_kpi_row (self, &item);
  adw_expander_row_set_expanded (g_ptr_array_index (self->kpi_rows, self->kpi_rows->len - 1),
                                 TRUE);
  refresh (self);
}

static void
on_add_step_clicked (SdSchemeEditor *self)
{
  gint64 from = self->step_rows->len == 0 ? 110 * SD_FIX_ONE
                                          : last_from (self->step_rows) + 10 * SD_FIX_ONE;

  add_step_row (self, from, 10000 * (SdMoney) 100);
  renumber (self);
  refresh (self);
}

/* --- the curve --- */

static void
draw_curve (cairo_t *cr, int width, int height, const SdChartStyle *style, int highlight,
            gpointer user_data)
{
  SdSchemeEditor *self = user_data;

  self->chart.has_highlight = highlight >= 0;
  self->chart.highlight = highlight >= 0 ? (guint) highlight : 0;
  sd_chart_draw_pay_curve (cr, width, height, &self->chart, style);
}

static int
hit_curve (int width, int height, const SdChartStyle *style, double x, double y,
           gpointer user_data)
{
  SdSchemeEditor *self = user_data;

  return sd_chart_pay_curve_hit (width, height, &self->chart, style, x, y);
}

static char *
describe_curve (const SdChartStyle *style, int index, gpointer user_data)
{
  SdSchemeEditor *self = user_data;

  if (index < 0)
    return sd_chart_pay_curve_describe (&self->chart, style);
  return sd_chart_pay_curve_tooltip (&self->chart, style, (guint) index);
}

static GtkWidget *
cost_cell (const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), heading ? 0 : 1);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  return label;
}

static void
show_costs (SdSchemeEditor *self)
{
  const char *headings[] = { N_("Completion"), N_("Revenue"), N_("Pay"), N_("Pay ÷ revenue") };
  SdNumberStyle style = sd_number_style_current ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cost_grid))) != NULL)
    gtk_grid_remove (self->cost_grid, child);
  gtk_widget_set_visible (self->cost_heading, self->curve != NULL);
  if (self->curve == NULL)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->cost_grid, cost_cell (_(headings[c]), TRUE), (int) c, 0, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (self->curve->cost); i++)
    {
      const SdPayCost *cost = &self->curve->cost[i];
      g_autofree char *pct = sd_fix_format (cost->completion, style);
      g_autofree char *completion = g_strdup_printf ("%s %%", pct);
      g_autofree char *revenue = sd_money_format (cost->revenue, style, "₽");
      g_autofree char *pay = sd_money_format (cost->pay, style, "₽");
      /* One decimal of a percent is enough to compare schemes. */
      g_autofree char *share_pct = sd_fix_format (sd_div_round (cost->share, SD_FIX_ONE / 10)
                                                  * (SD_FIX_ONE / 10), style);
      g_autofree char *share = cost->revenue > 0 ? g_strdup_printf ("%s %%", share_pct)
                                                 : g_strdup ("—");
      const char *cells[] = { completion, revenue, pay, share };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          GtkWidget *cell = cost_cell (cells[c], FALSE);

          if (c == 0)
            gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_grid_attach (self->cost_grid, cell, (int) c, (int) i + 1, 1, 1);
        }
    }
}

static void
show_curve (SdSchemeEditor *self)
{
  g_array_set_size (self->chart_points, 0);
  g_array_set_size (self->chart_warnings, 0);

  if (self->curve != NULL)
    {
      for (guint i = 0; i < self->curve->points->len; i++)
        {
          const SdPayCurvePoint *p = &g_array_index (self->curve->points, SdPayCurvePoint, i);
          SdChartPayPoint point = {
            .completion = FIX_TO_CHART (p->completion),
            .total = p->total,
            .salary = self->curve->salary,
            .commission = p->parts.commission,
            .kpi = p->parts.kpi,
            .overplan = p->parts.overplan,
            .cap_adjustment = p->parts.cap_adjustment,
          };

          g_array_append_val (self->chart_points, point);
        }
      for (guint i = 0; i < self->curve->warnings->len; i++)
        {
          const SdPayCurveWarning *w = g_ptr_array_index (self->curve->warnings, i);
          SdChartPayWarning warning = {
            .completion = FIX_TO_CHART (w->at_pct),
            .kind = w->kind == SD_PAY_CURVE_WARNING_CLIFF ? SD_CHART_PAY_WARNING_CLIFF
                    : w->kind == SD_PAY_CURVE_WARNING_FLAT ? SD_CHART_PAY_WARNING_FLAT
                    : SD_CHART_PAY_WARNING_CAP,
            .text = w->text,
          };

          g_array_append_val (self->chart_warnings, warning);
        }
    }
  self->chart.points = (const SdChartPayPoint *) self->chart_points->data;
  self->chart.n_points = self->chart_points->len;
  self->chart.has_parts = TRUE;
  self->chart.warnings = (const SdChartPayWarning *) self->chart_warnings->data;
  self->chart.n_warnings = self->chart_warnings->len;
  self->chart.currency_symbol = "₽";
  sd_chart_view_changed (self->chart_view, self->chart_points->len);

  if (self->curve == NULL)
    {
      gtk_label_set_text (self->warnings_label, _("The curve is drawn again once the scheme keeps every rule (see the reason above the fields)."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->warnings_label), "warning");
    }
  else if (self->curve->warnings->len == 0)
    {
      gtk_label_set_text (self->warnings_label,
                          _("No warnings: pay grows with sales, without cliffs, and the cap does not bite early."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->warnings_label), "warning");
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < self->curve->warnings->len; i++)
        {
          const SdPayCurveWarning *w = g_ptr_array_index (self->curve->warnings, i);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "⚠ %s", w->text);
        }
      gtk_label_set_text (self->warnings_label, text->str);
      gtk_widget_add_css_class (GTK_WIDGET (self->warnings_label), "warning");
    }
  show_costs (self);
}

static void
show_kpi_sum (SdSchemeEditor *self)
{
  gint64 sum = 0;
  gboolean readable = TRUE;
  g_autofree char *pct = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->kpi_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->kpi_rows, i);
      AdwComboRow *metric = g_object_get_data (G_OBJECT (row), "metric");
      const char *keys[] = { "weight", "min", "target", "max" };
      char *values[4];
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      gint64 weight;

      if (read_fix (row_spin (row, "weight"), "", &weight, NULL))
        sum += weight;
      else
        readable = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        values[k] = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row_spin (row, keys[k])))));
      /* Translators: a KPI row's title: its metric and its weight, "Calls · 30 %". */
      title = g_strdup_printf (_("%s · %s %%"),
                               sd_metric_get_label ((SdMetric) adw_combo_row_get_selected (metric)),
                               values[0]);
      /* Translators: a KPI row's subtitle. */
      subtitle = g_strdup_printf (_("minimum %s, target %s, maximum %s"), values[1], values[2],
                                  values[3]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        g_free (values[k]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_sum_row), self->kpi_rows->len > 0);
  pct = sd_fix_format (sum, sd_number_style_current ());
  text = readable ? g_strdup_printf ("%s %%", pct) : g_strdup ("—");
  gtk_label_set_text (self->kpi_sum_label, text);
  if (readable && sum == SD_FIX_HUNDRED)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->kpi_sum_label), "error");
      adw_action_row_set_subtitle (self->kpi_sum_row, NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->kpi_sum_label), "error");
      /* xgettext:no-c-format */
      adw_action_row_set_subtitle (self->kpi_sum_row, _("Must be 100 % to save"));
    }
}

static void
refresh (SdSchemeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdScheme) scheme = NULL;
  SdMoney plan = DEFAULT_CURVE_PLAN;
  gboolean computable = FALSE;
  const char *plan_text = gtk_editable_get_text (GTK_EDITABLE (self->plan_entry));

  if (self->loading)
    return;

  g_clear_pointer (&self->problem, g_free);
  scheme = read_scheme (self, &error);
  if (scheme == NULL)
    self->problem = g_strdup (error->message);
  else if (*scheme->name == '\0')
    {
      /* The rules are checked on a named copy, so the curve shows before the name is typed. */
      g_autoptr(SdScheme) named = sd_scheme_copy (scheme);

      g_free (named->name);
      named->name = g_strdup ("-");
      if (!sd_scheme_validate (named, &error))
        self->problem = g_strdup (error->message);
      else
        {
          computable = TRUE;
          self->problem = g_strdup (_("Name the scheme."));
        }
    }
  else if (!sd_scheme_validate (scheme, &error))
    self->problem = g_strdup (error->message);
  else
    {
      gint64 other = self->store != NULL ? sd_store_find_scheme (self->store, scheme->name) : 0;

      /* The core computes only schemes that keep every rule. */
      computable = TRUE;
      if (other != 0 && other != self->scheme_id)
        self->problem = g_strdup_printf (_("A scheme called «%s» already exists: choose another name."),
                                         scheme->name);
    }

  g_clear_pointer (&self->scheme, sd_scheme_free);
  self->scheme = g_steal_pointer (&scheme);

  /* The plan of the curve is the editor's own: a bad one only keeps the old curve's plan. */
  if (*plan_text != '\0' && (!sd_money_parse (plan_text, &plan, NULL) || plan <= 0))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->plan_entry), "error");
      plan = self->curve != NULL ? self->curve->plan : DEFAULT_CURVE_PLAN;
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->plan_entry), "error");

  g_clear_pointer (&self->curve, sd_pay_curve_free);
  if (self->scheme != NULL && computable)
    self->curve = sd_pay_curve_compute (self->scheme, plan, NULL, sd_number_style_current (),
                                        "₽");
  show_curve (self);
  show_kpi_sum (self);

  gtk_label_set_text (self->error_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->problem != NULL);
  gtk_widget_set_sensitive (self->save_button, self->problem == NULL && self->store != NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 self->scheme != NULL ? self->scheme->name : "");
}

/* --- loading and saving --- */

static void
set_money_text (AdwEntryRow *row,
                SdMoney      value)
{
  g_autofree char *text = sd_money_format (value, sd_number_style_current (), NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load (SdSchemeEditor *self,
      const SdScheme *s)
{
  self->loading = TRUE;
  g_clear_pointer (&self->description, g_free);
  self->description = g_strdup (s->description);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), s->name != NULL ? s->name : "");
  set_money_text (self->salary_row, s->salary);
  adw_combo_row_set_selected (self->scope_row, s->scope == SD_SCOPE_TEAM ? 1 : 0);
  adw_combo_row_set_selected (self->base_row, s->base);
  adw_combo_row_set_selected (self->mode_row, s->mode);
  {
    g_autofree char *plain = sd_fix_to_plain (s->gate_pct);

    gtk_spin_button_set_value (self->gate_spin, g_ascii_strtod (plain, NULL));
  }
  for (guint i = 0; i < s->tiers->len; i++)
    {
      const SdTier *t = &g_array_index (s->tiers, SdTier, i);

      add_tier_row (self, t->from_pct, t->rate_pct);
    }
  set_money_text (self->kpi_bonus_row, s->kpi_target_bonus);
  for (guint i = 0; i < s->kpi_items->len; i++)
    add_kpi_row (self, &g_array_index (s->kpi_items, SdKpiItem, i));
  for (guint i = 0; i < s->overplan->len; i++)
    {
      const SdOverplanStep *step = &g_array_index (s->overplan, SdOverplanStep, i);

      add_step_row (self, step->from_pct, step->amount);
    }
  gtk_switch_set_active (self->cap_switch, s->has_cap);
  if (s->has_cap)
    set_money_text (self->cap_row, s->cap);
  renumber (self);
  self->loading = FALSE;
  refresh (self);
}

static void
on_save_clicked (SdSchemeEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->scheme_id;

  /* Whatever is half-typed counts as typed. */
  refresh (self);
  if (self->problem != NULL || self->scheme == NULL || self->store == NULL)
    return;

  if (id == 0)
    id = sd_store_add_scheme (self->store, self->scheme, &error);
  else if (!sd_store_update_scheme (self->store, id, self->scheme, &error))
    id = 0;
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  self->scheme_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sd_scheme_editor_dispose (GObject *object)
{
  SdSchemeEditor *self = SD_SCHEME_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_SCHEME_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_scheme_editor_parent_class)->dispose (object);
}

static void
sd_scheme_editor_finalize (GObject *object)
{
  SdSchemeEditor *self = SD_SCHEME_EDITOR (object);

  g_clear_pointer (&self->scheme, sd_scheme_free);
  g_clear_pointer (&self->curve, sd_pay_curve_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->chart_points, g_array_unref);
  g_clear_pointer (&self->chart_warnings, g_array_unref);
  g_clear_pointer (&self->tier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->kpi_rows, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_scheme_editor_parent_class)->finalize (object);
}

static void
sd_scheme_editor_class_init (SdSchemeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_scheme_editor_dispose;
  object_class->finalize = sd_scheme_editor_finalize;

  /**
   * SdSchemeEditor::saved:
   * @id: the scheme's id in the store
   *
   * The scheme was written to the store; the editor closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  g_type_ensure (SD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-scheme-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, salary_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, base_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, gate_spin);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, steps_group);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, kpi_bonus_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, kpi_sum_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, kpi_sum_label);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, cap_switch);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, cap_row);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, plan_entry);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, chart_view);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, cost_heading);
  gtk_widget_class_bind_template_child (widget_class, SdSchemeEditor, cost_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_tier_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_kpi_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_step_clicked);
}

static void
sd_scheme_editor_init (SdSchemeEditor *self)
{
  g_autoptr(GtkStringList) bases = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  g_autofree char *plan = sd_money_format (DEFAULT_CURVE_PLAN, sd_number_style_current (), NULL);

  self->tier_rows = g_ptr_array_new ();
  self->kpi_rows = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();
  self->chart_points = g_array_new (FALSE, TRUE, sizeof (SdChartPayPoint));
  self->chart_warnings = g_array_new (FALSE, TRUE, sizeof (SdChartPayWarning));
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (SdSchemeBase b = SD_BASE_REVENUE; b <= SD_BASE_MARGIN; b++)
    gtk_string_list_append (bases, sd_scheme_base_get_label (b));
  for (SdCommissionMode m = SD_COMMISSION_FLAT; m <= SD_COMMISSION_MARGINAL; m++)
    gtk_string_list_append (modes, sd_commission_mode_get_label (m));
  adw_combo_row_set_model (self->base_row, G_LIST_MODEL (bases));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
  gtk_editable_set_text (GTK_EDITABLE (self->plan_entry), plan);
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_set_name (GTK_WIDGET (self->salary_row), "salary");
  gtk_widget_set_name (GTK_WIDGET (self->name_row), "name");
  gtk_widget_set_name (GTK_WIDGET (self->kpi_sum_label), "kpi-sum");
  gtk_widget_set_name (GTK_WIDGET (self->plan_entry), "curve-plan");
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "problem");
  sd_chart_view_set_chart (self->chart_view, draw_curve, hit_curve, describe_curve, 0, self,
                           NULL);
  self->loading = FALSE;
}

SdSchemeEditor *
sd_scheme_editor_new (GtkWindow      *parent,
                      SdStore        *store,
                      gint64          scheme_id,
                      const SdScheme *scheme)
{
  SdSchemeEditor *self;
  g_autoptr(SdSchemeEntry) entry = NULL;
  g_autoptr(SdScheme) empty = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || SD_IS_STORE (store), NULL);

  self = g_object_new (SD_TYPE_SCHEME_EDITOR, "transient-for", parent, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->scheme_id = scheme_id;
  if (scheme == NULL && scheme_id != 0 && store != NULL)
    {
      entry = sd_store_get_scheme (store, scheme_id, NULL);
      if (entry != NULL)
        scheme = entry->scheme;
    }
  if (scheme == NULL)
    {
      empty = sd_scheme_new ();
      sd_scheme_add_tier (empty, 0, 0);
      scheme = empty;
    }
  adw_window_title_set_title (self->window_title,
                              scheme_id == 0 ? _("New Scheme") : _("Edit Scheme"));
  load (self, scheme);
  return self;
}

void
sd_scheme_editor_set_curve_plan (SdSchemeEditor *self,
                                 SdMoney         plan)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SD_IS_SCHEME_EDITOR (self));
  g_return_if_fail (plan > 0);

  text = sd_money_format (plan, sd_number_style_current (), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->plan_entry), text);
}

const SdScheme *
sd_scheme_editor_get_scheme (SdSchemeEditor *self)
{
  g_return_val_if_fail (SD_IS_SCHEME_EDITOR (self), NULL);
  return self->scheme;
}

const char *
sd_scheme_editor_get_problem (SdSchemeEditor *self)
{
  g_return_val_if_fail (SD_IS_SCHEME_EDITOR (self), NULL);
  return self->problem;
}

const SdPayCurve *
sd_scheme_editor_get_curve (SdSchemeEditor *self)
{
  g_return_val_if_fail (SD_IS_SCHEME_EDITOR (self), NULL);
  return self->curve;
}
