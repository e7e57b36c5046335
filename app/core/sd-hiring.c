/* sd-hiring.c — the hiring plan: the capacity gap, a proposed hiring schedule, what each hire
 * costs and when it pays back
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-hiring"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-hiring.h"

typedef __int128 i128;

#define BP_ONE      10000          /* 100 % in basis points */
#define PPB_ONE     1000000000     /* retention: 100 % in parts per billion */
#define FIRST_YEAR  1900
#define LAST_YEAR   2200

G_DEFINE_QUARK (sd-hiring-error-quark, sd_hiring_error)

static const int default_ramp_up[] = { 0, 30, 60, 100 };

/* ------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------ */

/* n ÷ d, half away from zero; d > 0. */
static i128
div_round_i128 (i128 n,
                i128 d)
{
  i128 q = n / d;
  i128 r = n % d;

  if ((r < 0 ? -r : r) * 2 >= d)
    q += n < 0 ? -1 : 1;

  return q;
}

static gboolean
fits_money (i128 v)
{
  return v >= G_MININT64 && v <= G_MAXINT64;
}

static gboolean
set_overflow (GError **error)
{
  g_set_error_literal (error, SD_HIRING_ERROR, SD_HIRING_ERROR_OVERFLOW,
                       _("The figures are too large to compute with. Check the plan, the "
                         "capacity and the pay for a mistyped number."));
  return FALSE;
}

static char *
format_money (SdMoney value)
{
  return sd_money_format (value, sd_number_style_current (), NULL);
}

/* "30%", "12.5%", "7.25%" with the reader's decimal separator. */
static char *
format_percent (gint64 bp)
{
  guint64 magnitude = bp < 0 ? (guint64) 0 - (guint64) bp : (guint64) bp;
  char separator = sd_number_style_current () == SD_NUMBER_STYLE_RU ? ',' : '.';
  g_autofree char *number = NULL;

  if (magnitude % 100 == 0)
    number = g_strdup_printf ("%s%" G_GUINT64_FORMAT, bp < 0 ? "-" : "", magnitude / 100);
  else if (magnitude % 10 == 0)
    number = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%" G_GUINT64_FORMAT,
                              bp < 0 ? "-" : "", magnitude / 100, separator,
                              magnitude % 100 / 10);
  else
    number = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%02" G_GUINT64_FORMAT,
                              bp < 0 ? "-" : "", magnitude / 100, separator, magnitude % 100);

  /* Translators: a percentage, e.g. "30%" or "12.5%"; %s is the number. */
  return g_strdup_printf (_("%s%%"), number);
}

/* "January 2026, February 2026, March 2026". */
static char *
format_month_list (const SdMonth *months,
                   guint          n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = sd_month_format_label (months[i]);

      if (i > 0)
        /* Translators: the separator between months in a list. */
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * Settings
 * ------------------------------------------------------------------------------------------ */

void
sd_hiring_settings_init (SdHiringSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  sd_hiring_settings_set_ramp_up (settings, default_ramp_up, G_N_ELEMENTS (default_ramp_up));
  settings->time_to_hire_weeks = SD_HIRING_DEFAULT_TIME_TO_HIRE_WEEKS;
  settings->contributions_bp = SD_HIRING_DEFAULT_CONTRIBUTIONS_BP;
  settings->margin_bp = BP_ONE;
}

gboolean
sd_hiring_settings_equal (const SdHiringSettings *a,
                          const SdHiringSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->capacity != b->capacity || a->n_ramp_up != b->n_ramp_up ||
      a->attrition_bp != b->attrition_bp || a->time_to_hire_weeks != b->time_to_hire_weeks ||
      a->monthly_pay != b->monthly_pay || a->contributions_bp != b->contributions_bp ||
      a->hiring_cost != b->hiring_cost || a->onboarding_cost != b->onboarding_cost ||
      a->margin_bp != b->margin_bp)
    return FALSE;
  for (guint i = 0; i < a->n_ramp_up && i < SD_HIRING_MAX_RAMP_UP_STEPS; i++)
    if (a->ramp_up[i] != b->ramp_up[i])
      return FALSE;
  return TRUE;
}

void
sd_hiring_settings_set_ramp_up (SdHiringSettings *settings,
                                const int        *percent,
                                gsize             n_steps)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (percent != NULL || n_steps == 0);

  memset (settings->ramp_up, 0, sizeof settings->ramp_up);
  if (n_steps > SD_HIRING_MAX_RAMP_UP_STEPS)
    {
      /* Keep the count so validation can name it; the steps themselves are not kept. */
      settings->n_ramp_up = (guint) MIN (n_steps, G_MAXUINT);
      return;
    }
  if (n_steps > 0)
    memcpy (settings->ramp_up, percent, n_steps * sizeof (int));
  settings->n_ramp_up = (guint) n_steps;
}

int
sd_hiring_settings_ramp_percent (const SdHiringSettings *settings,
                                 gint64                  tenure)
{
  g_return_val_if_fail (settings != NULL, 0);

  if (tenure < 1)
    return 0;
  if (settings->n_ramp_up <= SD_HIRING_MAX_RAMP_UP_STEPS
      && (guint64) tenure <= settings->n_ramp_up)
    return settings->ramp_up[tenure - 1];
  return 100;
}

/* A money setting below zero: the message says which one and what it is. */
static gboolean
refuse_negative (SdMoney      value,
                 const char  *format,
                 GError     **error)
{
  g_autofree char *text = format_money (value);

  g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_COST, format, text);
  return FALSE;
}

/* A rate outside 0..100 %. */
static gboolean
refuse_rate (gint64       bp,
             const char  *format,
             GError     **error)
{
  g_autofree char *text = format_percent (bp);

  g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_COST, format, text);
  return FALSE;
}

gboolean
sd_hiring_settings_validate (const SdHiringSettings  *settings,
                             GError                 **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (settings->capacity < 0)
    {
      g_autofree char *text = format_money (settings->capacity);

      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_CAPACITY,
                   _("A manager's monthly capacity cannot be negative (it is %s). Enter what "
                     "a fully trained manager sells in a month, or take it from history."),
                   text);
      return FALSE;
    }

  if (settings->n_ramp_up > SD_HIRING_MAX_RAMP_UP_STEPS)
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP,
                   _("The ramp-up lasts %u months. It can last at most %d months."),
                   settings->n_ramp_up, SD_HIRING_MAX_RAMP_UP_STEPS);
      return FALSE;
    }
  for (guint k = 0; k < settings->n_ramp_up; k++)
    {
      if (settings->ramp_up[k] < 0 || settings->ramp_up[k] > 100)
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP,
                       _("Ramp-up month %u is set to %d%%. Each month must be between 0 and "
                         "100%%."),
                       k + 1, settings->ramp_up[k]);
          return FALSE;
        }
      if (k > 0 && settings->ramp_up[k] < settings->ramp_up[k - 1])
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP,
                       _("Ramp-up month %u (%d%%) is below month %u (%d%%). A new manager's "
                         "pace only grows while learning: make each month at least the one "
                         "before."),
                       k + 1, settings->ramp_up[k], k, settings->ramp_up[k - 1]);
          return FALSE;
        }
    }
  if (settings->n_ramp_up > 0 && settings->ramp_up[settings->n_ramp_up - 1] != 100)
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_RAMP_UP,
                   _("The ramp-up ends at %d%%. Its last month must be 100%%, the pace of a "
                     "fully trained manager."),
                   settings->ramp_up[settings->n_ramp_up - 1]);
      return FALSE;
    }

  if (settings->attrition_bp < 0 || settings->attrition_bp > BP_ONE)
    {
      g_autofree char *text = format_percent (settings->attrition_bp);

      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_ATTRITION,
                   _("Attrition of %s a year is impossible. Enter the share of the team "
                     "expected to leave in a year, from 0 to 100%%."),
                   text);
      return FALSE;
    }

  if (settings->time_to_hire_weeks < 0)
    {
      g_set_error_literal (error, SD_HIRING_ERROR, SD_HIRING_ERROR_TIME_TO_HIRE,
                           _("The time to hire cannot be negative. Enter the weeks from the "
                             "start of a search to the new manager's first day."));
      return FALSE;
    }
  if (settings->time_to_hire_weeks > SD_HIRING_MAX_TIME_TO_HIRE_WEEKS)
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_TIME_TO_HIRE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The time to hire is %d week, longer than a year. Enter at "
                                "most %d weeks.",
                                "The time to hire is %d weeks, longer than a year. Enter at "
                                "most %d weeks.",
                                (gulong) settings->time_to_hire_weeks),
                   settings->time_to_hire_weeks, SD_HIRING_MAX_TIME_TO_HIRE_WEEKS);
      return FALSE;
    }

  if (settings->monthly_pay < 0)
    /* Translators: %s is an amount of money. */
    return refuse_negative (settings->monthly_pay,
                            _("The monthly pay of a manager cannot be negative (it is %s). "
                              "Enter the salary plus the expected variable pay."),
                            error);
  if (settings->hiring_cost < 0)
    return refuse_negative (settings->hiring_cost,
                            _("The cost of hiring cannot be negative (it is %s). Enter what "
                              "a search costs, or zero."),
                            error);
  if (settings->onboarding_cost < 0)
    return refuse_negative (settings->onboarding_cost,
                            _("The cost of onboarding cannot be negative (it is %s). Enter "
                              "what training a new manager costs, or zero."),
                            error);
  if (settings->contributions_bp < 0 || settings->contributions_bp > BP_ONE)
    /* Translators: %s is a percentage. */
    return refuse_rate (settings->contributions_bp,
                        _("Employer contributions of %s are impossible. Enter a rate from 0 "
                          "to 100%% of pay (usually 30%%)."),
                        error);
  if (settings->margin_bp < 0 || settings->margin_bp > BP_ONE)
    return refuse_rate (settings->margin_bp,
                        _("A margin of %s is impossible. Enter the share of revenue that "
                          "stays after the cost of goods, from 0 to 100%%."),
                        error);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Capacity from history
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  gint64  id;
  SdMonth month;
  SdMoney revenue;
} Sample;

static int
sample_compare (const void *pa,
                const void *pb)
{
  const Sample *a = pa, *b = pb;

  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  return 0;
}

static int
money_compare (const void *pa,
               const void *pb)
{
  SdMoney a = *(const SdMoney *) pa, b = *(const SdMoney *) pb;

  return a < b ? -1 : a > b ? 1 : 0;
}

/* Whether the member worked every day of month m and was fully ramped up in it. */
static gboolean
ramped_whole_month (const SdHiringSettings *settings,
                    const SdStaffMember    *member,
                    SdMonth                 m)
{
  GDate first, last;

  sd_month_first_day (m, &first);
  sd_month_last_day (m, &last);

  if (g_date_valid (&member->hired))
    {
      if (g_date_compare (&member->hired, &first) > 0)
        return FALSE;
      if (sd_hiring_settings_ramp_percent (settings,
                                           (gint64) m - sd_month_from_date (&member->hired) + 1)
          < 100)
        return FALSE;
    }
  if (g_date_valid (&member->left) && g_date_compare (&member->left, &last) < 0)
    return FALSE;

  return TRUE;
}

gboolean
sd_hiring_capacity_from_history (const SdHiringSettings *settings,
                                 const SdStaffMember    *const *members,
                                 gsize                   n_members,
                                 const SdFact           *facts,
                                 gsize                   n_facts,
                                 SdMonth                 last_month,
                                 guint                   n_months,
                                 SdMoney                *capacity,
                                 guint                  *n_samples,
                                 GError                **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GArray) samples = NULL;
  g_autoptr(GArray) values = NULL;
  SdMonth first_month;
  gsize n;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (members != NULL || n_members == 0, FALSE);
  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);
  g_return_val_if_fail (last_month != SD_MONTH_INVALID, FALSE);
  g_return_val_if_fail (n_months > 0 && n_months <= 1200, FALSE);
  g_return_val_if_fail (capacity != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  first_month = last_month - (SdMonth) n_months + 1;
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (gsize i = 0; i < n_members; i++)
    if (members[i] != NULL && members[i]->role == SD_ROLE_MANAGER)
      g_hash_table_insert (by_id, (gpointer) &members[i]->id, (gpointer) members[i]);

  samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  for (gsize i = 0; i < n_facts; i++)
    {
      const SdStaffMember *member;
      Sample s;

      if (facts[i].month < first_month || facts[i].month > last_month)
        continue;
      member = g_hash_table_lookup (by_id, &facts[i].manager_id);
      if (member == NULL || !ramped_whole_month (settings, member, facts[i].month))
        continue;
      s.id = facts[i].manager_id;
      s.month = facts[i].month;
      s.revenue = facts[i].revenue;
      g_array_append_val (samples, s);
    }

  /* Several facts of one manager and month are one month's revenue. */
  if (samples->len > 1)
    qsort (samples->data, samples->len, sizeof (Sample), sample_compare);
  values = g_array_new (FALSE, FALSE, sizeof (SdMoney));
  for (guint i = 0; i < samples->len; )
    {
      const Sample *s = &g_array_index (samples, Sample, i);
      SdMoney sum = 0;
      guint j = i;

      for (; j < samples->len; j++)
        {
          const Sample *t = &g_array_index (samples, Sample, j);

          if (t->id != s->id || t->month != s->month)
            break;
          if (!sd_money_add (sum, t->revenue, &sum))
            return set_overflow (error);
        }
      g_array_append_val (values, sum);
      i = j;
    }

  n = values->len;
  if (n_samples != NULL)
    *n_samples = (guint) n;
  if (n == 0)
    {
      g_autofree char *from = sd_month_format_label (first_month);
      g_autofree char *to = sd_month_format_label (last_month);

      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_NO_HISTORY,
                   _("No fully trained manager worked a whole month from %s to %s, so there "
                     "is nothing to take the capacity from. Enter the capacity, or choose a "
                     "longer history."),
                   from, to);
      return FALSE;
    }

  qsort (values->data, n, sizeof (SdMoney), money_compare);
  if (n % 2 == 1)
    *capacity = g_array_index (values, SdMoney, n / 2);
  else
    *capacity = (SdMoney) div_round_i128 ((i128) g_array_index (values, SdMoney, n / 2 - 1)
                                          + g_array_index (values, SdMoney, n / 2), 2);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Planned hires
 * ------------------------------------------------------------------------------------------ */

static const char *const hire_state_names[] = {
  [SD_HIRE_PROPOSED] = "proposed",
  [SD_HIRE_ACCEPTED] = "accepted",
  [SD_HIRE_EDITED] = "edited",
  [SD_HIRE_REJECTED] = "rejected",
  [SD_HIRE_HIRED] = "hired",
};

const char *
sd_hire_state_get_label (SdHireState state)
{
  switch (state)
    {
    case SD_HIRE_PROPOSED:
      return _("proposed");
    case SD_HIRE_ACCEPTED:
      return _("accepted");
    case SD_HIRE_EDITED:
      return _("accepted, dates changed");
    case SD_HIRE_REJECTED:
      return _("rejected");
    case SD_HIRE_HIRED:
      return _("hired");
    default:
      return "";
    }
}

void
sd_planned_hire_init (SdPlannedHire          *hire,
                      const SdHiringSettings *settings,
                      SdMonth                 start)
{
  g_return_if_fail (hire != NULL);
  g_return_if_fail (settings != NULL);

  memset (hire, 0, sizeof *hire);
  hire->state = SD_HIRE_PROPOSED;
  g_date_clear (&hire->start, 1);
  g_date_clear (&hire->search_start, 1);
  g_return_if_fail (start != SD_MONTH_INVALID);

  sd_month_first_day (start, &hire->start);
  hire->search_start = hire->start;
  if (settings->time_to_hire_weeks > 0)
    g_date_subtract_days (&hire->search_start, (guint) settings->time_to_hire_weeks * 7);
}

gboolean
sd_planned_hire_counts (const SdPlannedHire *hire)
{
  g_return_val_if_fail (hire != NULL, FALSE);

  return hire->state != SD_HIRE_REJECTED && hire->state != SD_HIRE_HIRED;
}

const char *
sd_hire_state_to_string (SdHireState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (hire_state_names), NULL);

  return hire_state_names[state];
}

gboolean
sd_hire_state_from_string (const char  *text,
                           SdHireState *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hire_state_names); i++)
    if (g_ascii_strcasecmp (text, hire_state_names[i]) == 0)
      {
        *out = (SdHireState) i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------------------------------
 * Params
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  SdHiringPayFunc func;
  gpointer        data;
  GDestroyNotify  destroy;
} PayFunc;

typedef struct {
  gint64  id;
  GDate   hired;   /* cleared: working since before the plan */
  GDate   left;    /* cleared: staying */
  SdMoney pay;     /* < 0: the settings' monthly pay */
} Manager;

struct _SdHiringParams {
  SdHiringSettings  settings;
  SdMonth           first;
  GArray           *plan;       /* SdMoney per month */
  GDate             today;      /* cleared: the first day of the plan */
  GArray           *managers;   /* Manager */
  PayFunc          *pay;        /* g_rc_box, shared by copies; NULL = fixed pay */
};

static void
pay_func_clear (gpointer data)
{
  PayFunc *pay = data;

  if (pay->destroy != NULL)
    pay->destroy (pay->data);
}

static void
pay_func_release (PayFunc *pay)
{
  g_rc_box_release_full (pay, pay_func_clear);
}

SdHiringParams *
sd_hiring_params_new (const SdHiringSettings *settings)
{
  SdHiringParams *self;

  g_return_val_if_fail (settings != NULL, NULL);

  self = g_new0 (SdHiringParams, 1);
  self->settings = *settings;
  self->first = sd_month_make (2000, 1);
  self->plan = g_array_new (FALSE, TRUE, sizeof (SdMoney));
  g_date_clear (&self->today, 1);
  self->managers = g_array_new (FALSE, TRUE, sizeof (Manager));

  return self;
}

SdHiringParams *
sd_hiring_params_copy (const SdHiringParams *self)
{
  SdHiringParams *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sd_hiring_params_new (&self->settings);
  copy->first = self->first;
  g_array_append_vals (copy->plan, self->plan->data, self->plan->len);
  copy->today = self->today;
  g_array_append_vals (copy->managers, self->managers->data, self->managers->len);
  if (self->pay != NULL)
    copy->pay = g_rc_box_acquire (self->pay);

  return copy;
}

void
sd_hiring_params_free (SdHiringParams *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->plan);
  g_array_unref (self->managers);
  g_clear_pointer (&self->pay, pay_func_release);
  g_free (self);
}

void
sd_hiring_params_set_settings (SdHiringParams         *self,
                               const SdHiringSettings *settings)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (settings != NULL);

  self->settings = *settings;
}

const SdHiringSettings *
sd_hiring_params_get_settings (const SdHiringParams *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->settings;
}

void
sd_hiring_params_set_plan (SdHiringParams *self,
                           SdMonth         first,
                           const SdMoney  *plan,
                           guint           n_months)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (first != SD_MONTH_INVALID);
  g_return_if_fail (plan != NULL || n_months == 0);

  self->first = first;
  g_array_set_size (self->plan, 0);
  g_array_append_vals (self->plan, plan, n_months);
}

void
sd_hiring_params_set_plan_from_plan (SdHiringParams *self,
                                     const SdPlan   *plan)
{
  SdMoney months[12];

  g_return_if_fail (self != NULL);
  g_return_if_fail (plan != NULL);

  for (int m = 1; m <= 12; m++)
    months[m - 1] = sd_plan_get_month_target (plan, m);
  sd_hiring_params_set_plan (self, sd_month_make (sd_plan_get_year (plan), 1), months, 12);
}

guint
sd_hiring_params_get_n_months (const SdHiringParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->plan->len;
}

SdMonth
sd_hiring_params_get_first_month (const SdHiringParams *self)
{
  g_return_val_if_fail (self != NULL, SD_MONTH_INVALID);

  return self->first;
}

void
sd_hiring_params_set_today (SdHiringParams *self,
                            const GDate    *today)
{
  g_return_if_fail (self != NULL);

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

guint
sd_hiring_params_add_manager (SdHiringParams *self,
                              gint64          id,
                              const GDate    *hired,
                              const GDate    *left)
{
  Manager mgr = { 0 };

  g_return_val_if_fail (self != NULL, 0);

  mgr.id = id;
  g_date_clear (&mgr.hired, 1);
  g_date_clear (&mgr.left, 1);
  if (hired != NULL && g_date_valid (hired))
    mgr.hired = *hired;
  if (left != NULL && g_date_valid (left))
    mgr.left = *left;
  mgr.pay = -1;
  g_array_append_val (self->managers, mgr);

  return self->managers->len - 1;
}

guint
sd_hiring_params_add_staff_member (SdHiringParams      *self,
                                   const SdStaffMember *member)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (member != NULL, 0);

  return sd_hiring_params_add_manager (self, member->id, &member->hired, &member->left);
}

guint
sd_hiring_params_get_n_managers (const SdHiringParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->managers->len;
}

void
sd_hiring_params_set_manager_pay (SdHiringParams *self,
                                  guint           index,
                                  SdMoney         monthly_pay)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->managers->len);

  g_array_index (self->managers, Manager, index).pay = monthly_pay < 0 ? -1 : monthly_pay;
}

void
sd_hiring_params_set_pay_func (SdHiringParams  *self,
                               SdHiringPayFunc  func,
                               gpointer         user_data,
                               GDestroyNotify   destroy)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->pay, pay_func_release);
  if (func != NULL)
    {
      self->pay = g_rc_box_new0 (PayFunc);
      self->pay->func = func;
      self->pay->data = user_data;
      self->pay->destroy = destroy;
    }
  else if (destroy != NULL)
    destroy (user_data);
}

gboolean
sd_hiring_params_validate (const SdHiringParams  *self,
                           GError               **error)
{
  int year;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sd_hiring_settings_validate (&self->settings, error))
    return FALSE;

  if (self->plan->len == 0)
    {
      g_set_error_literal (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN,
                           _("There is no plan to hire for. Enter the plan for at least one "
                             "month."));
      return FALSE;
    }
  if (self->plan->len > SD_HIRING_MAX_MONTHS)
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN,
                   _("The plan covers %u months; the hiring plan looks at most %d months "
                     "ahead. Choose a shorter period."),
                   self->plan->len, SD_HIRING_MAX_MONTHS);
      return FALSE;
    }
  year = sd_month_get_year (self->first);
  if (year < FIRST_YEAR
      || sd_month_get_year (self->first + (SdMonth) self->plan->len - 1) > LAST_YEAR)
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN,
                   _("The plan starts in %d. Choose a period between %d and %d."),
                   year, FIRST_YEAR, LAST_YEAR);
      return FALSE;
    }
  for (guint i = 0; i < self->plan->len; i++)
    {
      SdMoney v = g_array_index (self->plan, SdMoney, i);

      if (v < 0)
        {
          g_autofree char *label = sd_month_format_label (self->first + (SdMonth) i);
          g_autofree char *text = format_money (v);

          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN,
                       _("The plan for %s is negative (%s). Enter zero or more."),
                       label, text);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->managers->len; i++)
    {
      const Manager *mgr = &g_array_index (self->managers, Manager, i);

      if (g_date_valid (&mgr->hired) && g_date_valid (&mgr->left)
          && g_date_compare (&mgr->left, &mgr->hired) < 0)
        {
          g_set_error_literal (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE,
                               _("A manager leaves before being hired. Correct the dates in "
                                 "the staff list."));
          return FALSE;
        }
    }

  if (g_date_valid (&self->today)
      && (g_date_get_year (&self->today) < FIRST_YEAR || g_date_get_year (&self->today) > LAST_YEAR))
    {
      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_PLAN,
                   _("Today's date is outside %d to %d. Check the computer's clock."),
                   FIRST_YEAR, LAST_YEAR);
      return FALSE;
    }

  return TRUE;
}

SdMonth
sd_hiring_params_earliest_start (const SdHiringParams *self)
{
  GDate day;
  SdMonth m;

  g_return_val_if_fail (self != NULL, SD_MONTH_INVALID);

  if (g_date_valid (&self->today))
    day = self->today;
  else
    sd_month_first_day (self->first, &day);

  if (self->settings.time_to_hire_weeks > 0)
    g_date_add_days (&day, (guint) self->settings.time_to_hire_weeks * 7);

  m = sd_month_from_date (&day);
  return g_date_get_day (&day) == 1 ? m : m + 1;
}

/* ------------------------------------------------------------------------------------------
 * One person in one month
 * ------------------------------------------------------------------------------------------ */

/* Retention in parts per billion after k months: each month keeps (1 − attrition ÷ 12) of
 * the month before, rounded half away from zero. */
static gint64 *
compute_retention (const SdHiringSettings *settings,
                   guint                   n)
{
  gint64 *ppb = g_new (gint64, MAX (n, 1));
  i128 keep = (i128) 12 * BP_ONE - settings->attrition_bp;

  ppb[0] = PPB_ONE;
  for (guint k = 1; k < n; k++)
    ppb[k] = (gint64) div_round_i128 ((i128) ppb[k - 1] * keep, (i128) 12 * BP_ONE);

  return ppb;
}

typedef struct {
  guint    days;
  SdMoney  revenue;        /* expected: × retention */
  SdMoney  pay;            /* expected: × retention */
  SdMoney  contributions;
} PersonMonth;

typedef struct {
  gint64   manager_id;
  guint    hire_index;
  SdMonth  start_month;     /* SD_MONTH_INVALID: no hire date, fully ramped */
  guint32  start_julian;    /* 0: no hire date */
  guint32  left_julian;     /* G_MAXUINT32: staying */
  SdMoney  fixed_pay;
  gint64   retention_ppb;
} Person;

/* The first and last day of each month of the plan, as Julian day numbers, worked out once:
 * every person's every month needs them. */
typedef struct {
  guint32 first;
  guint32 last;
} MonthSpan;

static MonthSpan *
compute_spans (const SdHiringParams *params)
{
  MonthSpan *spans = g_new (MonthSpan, MAX (params->plan->len, 1));

  for (guint k = 0; k < params->plan->len; k++)
    {
      GDate day;

      sd_month_first_day (params->first + (SdMonth) k, &day);
      spans[k].first = g_date_get_julian (&day);
      sd_month_last_day (params->first + (SdMonth) k, &day);
      spans[k].last = g_date_get_julian (&day);
    }

  return spans;
}

static void
person_set_dates (Person      *person,
                  const GDate *start,
                  const GDate *left)
{
  gboolean has_start = start != NULL && g_date_valid (start);

  person->start_month = has_start ? sd_month_from_date (start) : SD_MONTH_INVALID;
  person->start_julian = has_start ? g_date_get_julian (start) : 0;
  person->left_julian = left != NULL && g_date_valid (left) ? g_date_get_julian (left)
                                                            : G_MAXUINT32;
}

static gboolean
compute_person_month (const SdHiringParams  *params,
                      const Person          *person,
                      SdMonth                m,
                      const MonthSpan       *span,
                      PersonMonth           *out,
                      GError               **error)
{
  const SdHiringSettings *settings = &params->settings;
  guint32 from = MAX (span->first, person->start_julian);
  guint32 to = MIN (span->last, person->left_julian);
  guint days_in = span->last - span->first + 1;
  gint64 tenure = 0;
  int ramp = 100;
  i128 revenue_if_staying, pay, expected_pay;

  memset (out, 0, sizeof *out);
  if (from > to)
    return TRUE;

  out->days = to - from + 1;
  if (person->start_month != SD_MONTH_INVALID)
    {
      tenure = (gint64) m - person->start_month + 1;
      ramp = sd_hiring_settings_ramp_percent (settings, tenure);
    }

  revenue_if_staying = div_round_i128 ((i128) settings->capacity * ramp * out->days,
                                       (i128) 100 * days_in);
  out->revenue = (SdMoney) div_round_i128 ((i128) settings->capacity * ramp * out->days
                                           * person->retention_ppb,
                                           (i128) 100 * days_in * PPB_ONE);

  if (params->pay != NULL)
    {
      SdHiringPayQuery query = {
        .manager_id = person->manager_id,
        .hire_index = person->hire_index,
        .month = m,
        .tenure_month = tenure,
        .days_worked = out->days,
        .days_in_month = days_in,
        .revenue = (SdMoney) revenue_if_staying,
      };
      SdMoney p = 0;

      if (!params->pay->func (&query, &p, params->pay->data, error))
        return FALSE;
      if (p < 0)
        {
          g_autofree char *label = sd_month_format_label (m);
          g_autofree char *text = format_money (p);

          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_COST,
                       _("The pay for %s came out negative (%s). Check the motivation "
                         "scheme."),
                       label, text);
          return FALSE;
        }
      pay = p;
    }
  else
    pay = div_round_i128 ((i128) person->fixed_pay * out->days, days_in);

  expected_pay = div_round_i128 (pay * person->retention_ppb, PPB_ONE);
  out->pay = (SdMoney) expected_pay;
  out->contributions = (SdMoney) div_round_i128 (expected_pay * settings->contributions_bp,
                                                 BP_ONE);
  if (!fits_money ((i128) out->pay + out->contributions))
    return set_overflow (error);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Results
 * ------------------------------------------------------------------------------------------ */

struct _SdHiringResult {
  guint               n_months;
  SdHiringMonth      *months;
  GArray             *hires;          /* SdPlannedHire */
  SdHiringHireMonth  *hire_months;    /* n_hires × n_months */
  SdMonth            *payback;
  GArray             *uncovered;      /* SdMonth */
  GArray             *unreachable;    /* SdMonth */
  gboolean            proposal;
  SdMonth             earliest_start;
  SdMoney             capacity;
  int                 time_to_hire_weeks;
  SdMoney             hires_cost;
  SdMoney             hires_revenue;
  SdMoney             total_cost;
  guint               n_counted;
};

void
sd_hiring_result_free (SdHiringResult *self)
{
  if (self == NULL)
    return;

  g_free (self->months);
  g_array_unref (self->hires);
  g_free (self->hire_months);
  g_free (self->payback);
  g_array_unref (self->uncovered);
  g_array_unref (self->unreachable);
  g_free (self);
}

static gboolean
validate_hires (const SdPlannedHire  *hires,
                guint                 n_hires,
                GError              **error)
{
  for (guint h = 0; h < n_hires; h++)
    {
      const SdPlannedHire *hire = &hires[h];

      if (!sd_planned_hire_counts (hire))
        continue;
      if (!g_date_valid (&hire->start) || !g_date_valid (&hire->search_start))
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE,
                       _("Planned hire %u has no start date or no search date. Enter both."),
                       h + 1);
          return FALSE;
        }
      if (g_date_compare (&hire->search_start, &hire->start) > 0)
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE,
                       _("Planned hire %u starts work before the search for them starts. "
                         "Move the search earlier or the start later."),
                       h + 1);
          return FALSE;
        }
      if (g_date_get_year (&hire->start) < FIRST_YEAR || g_date_get_year (&hire->start) > LAST_YEAR)
        {
          g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_SCHEDULE,
                       _("Planned hire %u starts in %u. Choose a date between %d and %d."),
                       h + 1, (guint) g_date_get_year (&hire->start), FIRST_YEAR, LAST_YEAR);
          return FALSE;
        }
    }
  return TRUE;
}

/* The current team's rows: plan, capacity, gap and pay. */
static gboolean
compute_team (const SdHiringParams  *params,
              SdHiringMonth         *months,
              GError               **error)
{
  guint n = params->plan->len;
  g_autofree gint64 *retention = compute_retention (&params->settings, n);
  g_autofree i128 *capacity = g_new0 (i128, n);
  g_autofree i128 *pay = g_new0 (i128, n);
  g_autofree MonthSpan *spans = compute_spans (params);
  GDate plan_start;

  sd_month_first_day (params->first, &plan_start);

  for (guint i = 0; i < params->managers->len; i++)
    {
      const Manager *mgr = &g_array_index (params->managers, Manager, i);
      /* Attrition is the expected loss of the team working on the plan's first day; someone
       * starting later is counted like a planned hire. */
      gboolean exposed = !g_date_valid (&mgr->hired)
                         || g_date_compare (&mgr->hired, &plan_start) <= 0;
      Person person = {
        .manager_id = mgr->id,
        .hire_index = G_MAXUINT,
        .fixed_pay = mgr->pay >= 0 ? mgr->pay : params->settings.monthly_pay,
      };

      person_set_dates (&person, &mgr->hired, &mgr->left);
      for (guint k = 0; k < n; k++)
        {
          PersonMonth pm;

          person.retention_ppb = exposed ? retention[k] : PPB_ONE;
          if (!compute_person_month (params, &person, params->first + (SdMonth) k, &spans[k],
                                     &pm, error))
            return FALSE;
          capacity[k] += pm.revenue;
          pay[k] += (i128) pm.pay + pm.contributions;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      SdHiringMonth *row = &months[k];

      if (!fits_money (capacity[k]) || !fits_money (pay[k]))
        return set_overflow (error);
      row->month = params->first + (SdMonth) k;
      row->plan = g_array_index (params->plan, SdMoney, k);
      row->team_capacity = (SdMoney) capacity[k];
      row->gap = row->plan - row->team_capacity;
      row->team_pay = (SdMoney) pay[k];
    }

  return TRUE;
}

SdHiringResult *
sd_hiring_evaluate (const SdHiringParams  *params,
                    const SdPlannedHire   *hires,
                    guint                  n_hires,
                    GError               **error)
{
  g_autoptr(SdHiringResult) self = NULL;
  const SdHiringSettings *settings;
  guint n;
  i128 hires_cost = 0, hires_revenue = 0, total_cost = 0;
  g_autofree i128 *month_capacity = NULL;
  g_autofree i128 *month_cost = NULL;
  g_autofree MonthSpan *spans = NULL;
  SdMoney one_off;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (hires != NULL || n_hires == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sd_hiring_params_validate (params, error) || !validate_hires (hires, n_hires, error))
    return NULL;

  settings = &params->settings;
  n = params->plan->len;
  if (!fits_money ((i128) settings->hiring_cost + settings->onboarding_cost))
    {
      set_overflow (error);
      return NULL;
    }
  one_off = settings->hiring_cost + settings->onboarding_cost;

  self = g_new0 (SdHiringResult, 1);
  self->n_months = n;
  self->months = g_new0 (SdHiringMonth, n);
  self->hires = g_array_new (FALSE, FALSE, sizeof (SdPlannedHire));
  g_array_append_vals (self->hires, hires, n_hires);
  self->hire_months = g_new0 (SdHiringHireMonth, (gsize) MAX (n_hires, 1) * n);
  self->payback = g_new (SdMonth, MAX (n_hires, 1));
  self->uncovered = g_array_new (FALSE, FALSE, sizeof (SdMonth));
  self->unreachable = g_array_new (FALSE, FALSE, sizeof (SdMonth));
  self->earliest_start = sd_hiring_params_earliest_start (params);
  self->capacity = settings->capacity;
  self->time_to_hire_weeks = settings->time_to_hire_weeks;

  if (!compute_team (params, self->months, error))
    return NULL;

  month_capacity = g_new0 (i128, n);
  month_cost = g_new0 (i128, n);
  spans = compute_spans (params);

  for (guint h = 0; h < n_hires; h++)
    {
      const SdPlannedHire *hire = &hires[h];
      SdHiringHireMonth *rows = &self->hire_months[(gsize) h * n];
      SdMonth start_month;
      i128 cum_margin = 0, cum_cost = 0;
      Person person = {
        .manager_id = 0,
        .hire_index = h,
        .fixed_pay = settings->monthly_pay,
        .retention_ppb = PPB_ONE,
      };

      self->payback[h] = SD_MONTH_INVALID;
      if (!sd_planned_hire_counts (hire))
        continue;

      self->n_counted++;
      person_set_dates (&person, &hire->start, NULL);
      start_month = person.start_month;

      for (guint k = 0; k < n; k++)
        {
          SdMonth m = params->first + (SdMonth) k;
          SdHiringHireMonth *row = &rows[k];
          PersonMonth pm;

          if (m < start_month)
            continue;
          if (!compute_person_month (params, &person, m, &spans[k], &pm, error))
            return NULL;

          row->revenue = pm.revenue;
          row->margin = (SdMoney) div_round_i128 ((i128) pm.revenue * settings->margin_bp, BP_ONE);
          row->pay = pm.pay;
          row->contributions = pm.contributions;
          row->one_off = m == start_month ? one_off : 0;
          if (!fits_money ((i128) row->pay + row->contributions + row->one_off))
            {
              set_overflow (error);
              return NULL;
            }
          row->cost = row->pay + row->contributions + row->one_off;
          cum_margin += row->margin;
          cum_cost += row->cost;
          if (!fits_money (cum_margin) || !fits_money (cum_cost))
            {
              set_overflow (error);
              return NULL;
            }
          row->cumulative_margin = (SdMoney) cum_margin;
          row->cumulative_cost = (SdMoney) cum_cost;
          if (self->payback[h] == SD_MONTH_INVALID && cum_margin >= cum_cost)
            self->payback[h] = m;

          month_capacity[k] += row->revenue;
          month_cost[k] += row->cost;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      SdHiringMonth *row = &self->months[k];
      i128 shortfall;

      if (!fits_money (month_capacity[k]) || !fits_money (month_cost[k])
          || !fits_money ((i128) row->team_capacity + month_capacity[k])
          || !fits_money ((i128) row->team_pay + month_cost[k]))
        {
          set_overflow (error);
          return NULL;
        }
      row->hires_capacity = (SdMoney) month_capacity[k];
      row->hires_cost = (SdMoney) month_cost[k];
      row->revenue = row->team_capacity + row->hires_capacity;
      row->total_cost = row->team_pay + row->hires_cost;
      shortfall = (i128) row->plan - row->revenue;
      row->shortfall = shortfall > 0 ? (SdMoney) shortfall : 0;
      if (row->shortfall > 0)
        g_array_append_val (self->uncovered, row->month);

      hires_cost += row->hires_cost;
      hires_revenue += row->hires_capacity;
      total_cost += row->total_cost;
    }

  if (!fits_money (hires_cost) || !fits_money (hires_revenue) || !fits_money (total_cost))
    {
      set_overflow (error);
      return NULL;
    }
  self->hires_cost = (SdMoney) hires_cost;
  self->hires_revenue = (SdMoney) hires_revenue;
  self->total_cost = (SdMoney) total_cost;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------------------------
 * The proposal
 * ------------------------------------------------------------------------------------------
 * A hire starting on the first day of month s adds g(m − s) in month m ≥ s, where
 * g(d) = capacity × ramp-up % of tenure month d + 1 (rounded as in compute_person_month).
 * g never decreases (validation keeps the ramp-up from going down, and planned hires carry
 * no attrition), so an earlier start is never worse in any month. Hence:
 *  - k hires can cover the plan iff k hires all starting at the earliest month e can, so the
 *    fewest is the largest ⌈deficit(m) ÷ g(m − e)⌉ over the months that can be covered;
 *  - with starts sorted s₁ ≤ … ≤ s_k and s₁ … s_{i−1} fixed, some s_i … s_k ≥ s completes a
 *    cover iff putting all k − i + 1 at s does, which only gets easier as s moves earlier:
 *    the latest such s is the lexicographically latest s_i. Taking it for i = 1 … k gives the
 *    latest schedule among the fewest.
 */

SdHiringResult *
sd_hiring_propose (const SdHiringParams  *params,
                   GError               **error)
{
  const SdHiringSettings *settings;
  g_autofree SdHiringMonth *team = NULL;
  g_autofree i128 *deficit = NULL;
  g_autofree i128 *gain = NULL;
  g_autofree i128 *fixed = NULL;
  g_autofree guint *need = NULL;     /* the months with a deficit that hires can cover */
  g_autoptr(GArray) unreachable = NULL;
  g_autoptr(GArray) hires = NULL;
  SdHiringResult *result;
  SdMonth earliest;
  guint n, n_need = 0;
  gint64 e;
  i128 k = 0;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sd_hiring_params_validate (params, error))
    return NULL;

  settings = &params->settings;
  n = params->plan->len;
  team = g_new0 (SdHiringMonth, n);
  if (!compute_team (params, team, error))
    return NULL;

  earliest = sd_hiring_params_earliest_start (params);
  e = MAX ((gint64) earliest - params->first, 0);

  gain = g_new0 (i128, n);
  for (guint d = 0; d < n; d++)
    gain[d] = div_round_i128 ((i128) settings->capacity
                              * sd_hiring_settings_ramp_percent (settings, (gint64) d + 1),
                              100);

  deficit = g_new0 (i128, n);
  need = g_new0 (guint, n);
  unreachable = g_array_new (FALSE, FALSE, sizeof (SdMonth));
  for (guint m = 0; m < n; m++)
    {
      deficit[m] = (i128) team[m].plan - team[m].team_capacity;
      if (deficit[m] <= 0)
        continue;
      if ((gint64) m < e || gain[m - e] == 0)
        {
          g_array_append_val (unreachable, team[m].month);
          continue;
        }
      need[n_need++] = m;
      k = MAX (k, (deficit[m] + gain[m - e] - 1) / gain[m - e]);
    }

  if (k > SD_HIRING_MAX_HIRES)
    {
      g_autofree char *text = format_money (settings->capacity);

      g_set_error (error, SD_HIRING_ERROR, SD_HIRING_ERROR_TOO_MANY_HIRES,
                   _("Covering the plan would take more than %d new managers at a capacity "
                     "of %s a month each. Check the plan and the capacity for a mistyped "
                     "number."),
                   SD_HIRING_MAX_HIRES, text);
      return NULL;
    }

  hires = g_array_sized_new (FALSE, FALSE, sizeof (SdPlannedHire), (guint) k);
  fixed = g_new0 (i128, n);
  for (gint64 i = 0, prev = e; i < (gint64) k; i++)
    {
      i128 remaining = k - i;
      gint64 s;
      SdPlannedHire hire;

      for (s = (gint64) n - 1; s > prev; s--)
        {
          gboolean ok = TRUE;

          for (guint j = 0; j < n_need && ok; j++)
            {
              guint m = need[j];
              i128 add = (gint64) m >= s ? remaining * gain[m - s] : 0;

              ok = fixed[m] + add >= deficit[m];
            }
          if (ok)
            break;
        }

      /* s == prev always works: the previous step checked it with one hire more there. */
      for (guint m = (guint) s; m < n; m++)
        fixed[m] += gain[m - s];
      sd_planned_hire_init (&hire, settings, params->first + (SdMonth) s);
      g_array_append_val (hires, hire);
      prev = s;
    }

  result = sd_hiring_evaluate (params, (const SdPlannedHire *) hires->data, hires->len, error);
  if (result == NULL)
    return NULL;
  result->proposal = TRUE;
  g_array_append_vals (result->unreachable, unreachable->data, unreachable->len);

  return result;
}

/* ------------------------------------------------------------------------------------------
 * Result accessors
 * ------------------------------------------------------------------------------------------ */

guint
sd_hiring_result_get_n_months (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_months;
}

const SdHiringMonth *
sd_hiring_result_get_month (const SdHiringResult *self,
                            guint                 month_index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (month_index < self->n_months, NULL);

  return &self->months[month_index];
}

guint
sd_hiring_result_get_n_hires (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->hires->len;
}

const SdPlannedHire *
sd_hiring_result_get_hire (const SdHiringResult *self,
                           guint                 hire_index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (hire_index < self->hires->len, NULL);

  return &g_array_index (self->hires, SdPlannedHire, hire_index);
}

const SdHiringHireMonth *
sd_hiring_result_get_hire_month (const SdHiringResult *self,
                                 guint                 hire_index,
                                 guint                 month_index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (hire_index < self->hires->len, NULL);
  g_return_val_if_fail (month_index < self->n_months, NULL);

  return &self->hire_months[(gsize) hire_index * self->n_months + month_index];
}

SdMonth
sd_hiring_result_get_payback (const SdHiringResult *self,
                              guint                 hire_index)
{
  g_return_val_if_fail (self != NULL, SD_MONTH_INVALID);
  g_return_val_if_fail (hire_index < self->hires->len, SD_MONTH_INVALID);

  return self->payback[hire_index];
}

const SdMonth *
sd_hiring_result_get_uncovered (const SdHiringResult *self,
                                guint                *n_months)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_months != NULL, NULL);

  *n_months = self->uncovered->len;
  return (const SdMonth *) self->uncovered->data;
}

const SdMonth *
sd_hiring_result_get_unreachable (const SdHiringResult *self,
                                  guint                *n_months)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_months != NULL, NULL);

  *n_months = self->unreachable->len;
  return (const SdMonth *) self->unreachable->data;
}

gboolean
sd_hiring_result_covers_plan (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->uncovered->len == 0;
}

SdMoney
sd_hiring_result_get_hires_cost (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->hires_cost;
}

SdMoney
sd_hiring_result_get_hires_revenue (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->hires_revenue;
}

SdMoney
sd_hiring_result_get_total_cost (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total_cost;
}

guint
sd_hiring_result_get_n_counted (const SdHiringResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_counted;
}

char *
sd_hiring_result_describe (const SdHiringResult *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);

  if (self->proposal)
    {
      if (self->n_counted == 0 && self->unreachable->len == 0)
        g_string_append (text, _("The current team covers the plan: no hires are needed."));
      else if (self->n_counted > 0)
        {
          const SdPlannedHire *first = &g_array_index (self->hires, SdPlannedHire, 0);
          const SdPlannedHire *last = &g_array_index (self->hires, SdPlannedHire,
                                                       self->hires->len - 1);
          g_autofree char *from = sd_date_format (&first->search_start,
                                                  sd_number_style_current ());
          g_autofree char *to = sd_date_format (&last->search_start,
                                                sd_number_style_current ());

          if (self->n_counted == 1)
            g_string_append_printf (text, _("Hire one manager: start the search on %s."),
                                    from);
          else
            g_string_append_printf (text,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Hire %u manager: start the first search "
                                                 "on %s and the last on %s.",
                                                 "Hire %u managers: start the first search "
                                                 "on %s and the last on %s.",
                                                 self->n_counted),
                                    self->n_counted, from, to);
        }

      if (self->unreachable->len > 0)
        {
          g_autofree char *months = format_month_list ((const SdMonth *) self->unreachable->data,
                                                       self->unreachable->len);
          g_autofree char *earliest = sd_month_format_label (self->earliest_start);

          if (text->len > 0)
            g_string_append_c (text, ' ');
          if (self->capacity == 0)
            g_string_append_printf (text,
                                    _("The plan cannot be met in %s whatever the hiring: a "
                                      "manager's capacity is zero, so no hire adds revenue. "
                                      "Enter the capacity or take it from history."),
                                    months);
          else
            g_string_append_printf (text,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "The plan cannot be met in %s whatever the "
                                                 "hiring: with %d week to hire, a new manager "
                                                 "starts in %s at the earliest, and sells "
                                                 "little while learning.",
                                                 "The plan cannot be met in %s whatever the "
                                                 "hiring: with %d weeks to hire, a new manager "
                                                 "starts in %s at the earliest, and sells "
                                                 "little while learning.",
                                                 (gulong) self->time_to_hire_weeks),
                                    months, self->time_to_hire_weeks, earliest);
        }
    }
  else if (self->uncovered->len == 0)
    g_string_append (text, _("This schedule covers the plan in every month."));
  else
    {
      g_autofree char *months = format_month_list ((const SdMonth *) self->uncovered->data,
                                                   self->uncovered->len);

      g_string_append_printf (text, _("This schedule leaves the plan short in %s."), months);
    }

  return g_string_free (text, FALSE);
}
