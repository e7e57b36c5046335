/* test-people.c — people development: checklists, call scores and their history, assessments,
 * development plans and the attention list
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected figures were worked out by hand from the rules of docs/people.md (exact fractions,
 * rounded half away from zero once) and are written here as they must come out.
 */
#define G_LOG_DOMAIN "test-people"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-assessment.h"
#include "sd-attention.h"
#include "sd-call-score.h"
#include "sd-checklist.h"
#include "sd-idp.h"
#include "sd-scheme.h"

static const char *default_keys[] = {
  "greeting", "voice", "decision", "needs", "objections",
  "closing", "product", "crm", "follow_up", "empathy",
};

/* A score, or -1 for "not applicable". */
#define NA (-1)

static GDate
make_date (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return date;
}

/* A call of the default checklist with the ten scores in default_keys order. */
static SdCall *
default_call (const SdChecklist *checklist,
              gint64             manager_id,
              GDate              date,
              const int          scores[10])
{
  SdCall *call = sd_call_new_for_checklist (checklist, manager_id, &date);

  for (guint i = 0; i < 10; i++)
    {
      if (scores[i] == NA)
        g_assert_true (sd_call_set_not_applicable (call, default_keys[i]));
      else
        g_assert_true (sd_call_set_score (call, default_keys[i], scores[i]));
    }

  return call;
}

/* The checklist of the rounding examples: weights 30 / 45 / 25 on scales of 3 / 5 / 2. */
static SdChecklist *
odd_checklist (void)
{
  SdChecklist *checklist = sd_checklist_new (SD_CHECKLIST_CALL, "Odd scales");

  sd_checklist_add_criterion (checklist, "a", "Alpha", 30, 3);
  sd_checklist_add_criterion (checklist, "b", "Beta", 45, 5);
  sd_checklist_add_criterion (checklist, "c", "Gamma", 25, 2);

  return checklist;
}

/* One criterion weighing 100 % on a 0..10 scale: a call's score is ten times its mark. */
static SdChecklist *
single_checklist (void)
{
  SdChecklist *checklist = sd_checklist_new (SD_CHECKLIST_CALL, "Single");

  sd_checklist_add_criterion (checklist, "all", "Everything", 100, 10);

  return checklist;
}

static SdCall *
single_call (const SdChecklist *checklist,
             gint64             manager_id,
             GDate              date,
             int                score)
{
  SdCall *call = sd_call_new_for_checklist (checklist, manager_id, &date);

  g_assert_true (sd_call_set_score (call, "all", score / 10));

  return call;
}

/* ------------------------------------------------------------------------------------------
 * Checklists
 * ------------------------------------------------------------------------------------------ */

static void
test_default_call_checklist (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(GError) error = NULL;
  static const int weights[10] = { 8, 6, 10, 16, 14, 14, 10, 6, 8, 8 };

  g_assert_true (sd_checklist_validate (checklist, &error));
  g_assert_no_error (error);
  g_assert_cmpint (checklist->kind, ==, SD_CHECKLIST_CALL);
  g_assert_cmpuint (sd_checklist_get_n_criteria (checklist), ==, 10);
  g_assert_cmpint (sd_checklist_total_weight (checklist), ==, 100);

  for (guint i = 0; i < 10; i++)
    {
      const SdCriterion *c = sd_checklist_get_criterion (checklist, i);

      g_assert_cmpstr (c->key, ==, default_keys[i]);
      g_assert_cmpint (c->weight, ==, weights[i]);
      g_assert_cmpint (c->max_score, ==, 2);
      g_assert_nonnull (c->description);
      g_assert_cmpuint (g_strv_length (c->levels), ==, 3);
    }

  g_assert_cmpstr (sd_checklist_get_criterion (checklist, 0)->name, ==, "Contact and greeting");
  g_assert_cmpstr (sd_checklist_get_criterion (checklist, 9)->name, ==, "Tone and empathy");
}

static void
test_default_assessment_template (void)
{
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_checklist_validate (template_, &error));
  g_assert_no_error (error);
  g_assert_cmpint (template_->kind, ==, SD_CHECKLIST_ASSESSMENT);
  g_assert_cmpuint (sd_checklist_get_n_criteria (template_), ==, 8);

  for (guint i = 0; i < 8; i++)
    {
      const SdCriterion *c = sd_checklist_get_criterion (template_, i);

      g_assert_cmpint (c->max_score, ==, 5);
      g_assert_cmpint (c->weight, ==, 0);
      g_assert_cmpuint (g_strv_length (c->levels), ==, 5);
    }
}

static void
test_checklist_copy_and_keys (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) copy = NULL;
  g_autofree char *key = NULL;
  guint index = 0;
  SdChecklistKind kind;

  checklist->id = 7;
  copy = sd_checklist_copy (checklist);
  g_assert_cmpint (copy->id, ==, 7);
  g_assert_cmpstr (copy->name, ==, checklist->name);
  g_assert_cmpuint (copy->criteria->len, ==, 10);
  g_assert_true (sd_checklist_find (copy, "crm", &index) != NULL);
  g_assert_cmpuint (index, ==, 7);
  g_assert_null (sd_checklist_find (copy, "nothing", NULL));

  key = sd_checklist_make_key (copy);
  g_assert_cmpstr (key, ==, "c1");
  sd_checklist_add_criterion (copy, "c1", "New", 0, 2);
  g_clear_pointer (&key, g_free);
  key = sd_checklist_make_key (copy);
  g_assert_cmpstr (key, ==, "c2");

  g_assert_cmpstr (sd_checklist_kind_to_string (SD_CHECKLIST_ASSESSMENT), ==, "assessment");
  g_assert_true (sd_checklist_kind_from_string ("call", &kind));
  g_assert_cmpint (kind, ==, SD_CHECKLIST_CALL);
  g_assert_false (sd_checklist_kind_from_string ("Call", &kind));
}

static void
test_checklist_rejects_bad_input (void)
{
  struct {
    const char *name;
    int         code;
    const char *fragment;
  } cases[] = {
    { "empty",            SD_CHECKLIST_ERROR_EMPTY,     "no criteria" },
    { "weights-90",       SD_CHECKLIST_ERROR_WEIGHTS,   "90%" },
    { "weights-110",      SD_CHECKLIST_ERROR_WEIGHTS,   "110%" },
    { "weight-zero",      SD_CHECKLIST_ERROR_WEIGHTS,   "Beta" },
    { "duplicate-key",    SD_CHECKLIST_ERROR_DUPLICATE, "twice" },
    { "duplicate-name",   SD_CHECKLIST_ERROR_DUPLICATE, "alpha" },
    { "scale-too-big",    SD_CHECKLIST_ERROR_SCALE,     "from 1 to 10" },
    { "scale-zero",       SD_CHECKLIST_ERROR_SCALE,     "Beta" },
    { "levels-mismatch",  SD_CHECKLIST_ERROR_LEVELS,    "2 level descriptions" },
    { "no-name",          SD_CHECKLIST_ERROR_NAME,      "criterion 2" },
    { "bad-key",          SD_CHECKLIST_ERROR_NAME,      "key" },
    { "checklist-name",   SD_CHECKLIST_ERROR_NAME,      "checklist" },
    { "competency-1..1",  SD_CHECKLIST_ERROR_SCALE,     "from 2 to 10" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdChecklist) c = NULL;
      g_autoptr(GError) error = NULL;
      const char *name = cases[i].name;

      if (g_str_equal (name, "competency-1..1"))
        {
          c = sd_checklist_new (SD_CHECKLIST_ASSESSMENT, "Template");
          sd_checklist_add_criterion (c, "x", "Skill", 0, 1);
        }
      else
        {
          c = sd_checklist_new (SD_CHECKLIST_CALL, g_str_equal (name, "checklist-name") ? "  " : "Calls");
        }

      if (g_str_equal (name, "weights-90"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 50, 2);
          sd_checklist_add_criterion (c, "b", "Beta", 40, 2);
        }
      else if (g_str_equal (name, "weights-110"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 60, 2);
          sd_checklist_add_criterion (c, "b", "Beta", 50, 2);
        }
      else if (g_str_equal (name, "weight-zero"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 100, 2);
          sd_checklist_add_criterion (c, "b", "Beta", 0, 2);
        }
      else if (g_str_equal (name, "duplicate-key"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 50, 2);
          sd_checklist_add_criterion (c, "a", "Beta", 50, 2);
        }
      else if (g_str_equal (name, "duplicate-name"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 50, 2);
          sd_checklist_add_criterion (c, "b", " alpha ", 50, 2);
        }
      else if (g_str_equal (name, "scale-too-big"))
        sd_checklist_add_criterion (c, "a", "Alpha", 100, 11);
      else if (g_str_equal (name, "scale-zero"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 50, 2);
          sd_checklist_add_criterion (c, "b", "Beta", 50, 0);
        }
      else if (g_str_equal (name, "levels-mismatch"))
        {
          const char *levels[] = { "No", "Yes", NULL };
          SdCriterion *a = sd_checklist_add_criterion (c, "a", "Alpha", 100, 2);

          sd_criterion_set_levels (a, levels);
        }
      else if (g_str_equal (name, "no-name"))
        {
          sd_checklist_add_criterion (c, "a", "Alpha", 50, 2);
          sd_checklist_add_criterion (c, "b", "", 50, 2);
        }
      else if (g_str_equal (name, "bad-key"))
        sd_checklist_add_criterion (c, "Bad Key", "Alpha", 100, 2);
      else if (g_str_equal (name, "checklist-name"))
        sd_checklist_add_criterion (c, "a", "Alpha", 100, 2);

      g_test_message ("case %s", name);
      g_assert_false (sd_checklist_validate (c, &error));
      g_assert_error (error, SD_CHECKLIST_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("case %s: “%s” does not contain “%s”", name, error->message, cases[i].fragment);
    }
}

/* ------------------------------------------------------------------------------------------
 * A call's score
 * ------------------------------------------------------------------------------------------ */

static void
test_score_default_checklist (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  static const int scores[10] = { 2, 1, 2, 1, 0, 2, 2, 1, 0, 2 };
  static const int all_top[10] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };
  static const int all_zero[10] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(SdCall) call = default_call (checklist, 1, make_date (2026, 1, 5), scores);
  g_autoptr(SdCall) top = default_call (checklist, 1, make_date (2026, 1, 5), all_top);
  g_autoptr(SdCall) zero = default_call (checklist, 1, make_date (2026, 1, 5), all_zero);
  g_autoptr(GError) error = NULL;
  int score = -1;

  /* 8·2/2 + 6·1/2 + 10·2/2 + 16·1/2 + 14·0 + 14·2/2 + 10·2/2 + 6·1/2 + 8·0 + 8·2/2
   * = 8 + 3 + 10 + 8 + 0 + 14 + 10 + 3 + 0 + 8 = 64 */
  g_assert_true (sd_call_compute_score (call, &score, &error));
  g_assert_no_error (error);
  g_assert_cmpint (score, ==, 64);

  g_assert_true (sd_call_compute_score (top, &score, NULL));
  g_assert_cmpint (score, ==, 100);
  g_assert_true (sd_call_compute_score (zero, &score, NULL));
  g_assert_cmpint (score, ==, 0);
}

static void
test_score_weights_and_rounding (void)
{
  g_autoptr(SdChecklist) checklist = odd_checklist ();
  /* a (30, of 3), b (45, of 5), c (25, of 2); NA = not applicable */
  static const struct {
    int a, b, c;
    int expected;
  } cases[] = {
    { 1, 3, 1, 50 },   /* 10 + 27 + 12.5 = 49.5 → 50 (half away from zero) */
    { 2, 2, 1, 51 },   /* 20 + 18 + 12.5 = 50.5 → 51 */
    { 2, 4, 0, 56 },   /* 20 + 36 + 0 = 56 */
    { 1, 1, 0, 19 },   /* 10 + 9 = 19 */
    { 3, 5, 2, 100 },
    { 0, 0, 0, 0 },
    { 2, NA, 1, 59 },  /* (20 + 12.5) ÷ 55 × 100 = 59.09 → 59 */
    { NA, 1, 2, 49 },  /* (9 + 25) ÷ 70 × 100 = 48.57 → 49 */
    { 1, NA, 1, 41 },  /* (10 + 12.5) ÷ 55 × 100 = 40.91 → 41 */
    { NA, NA, 1, 50 }, /* 12.5 ÷ 25 × 100 = 50 */
  };
  g_autoptr(SdChecklist) check = odd_checklist ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_checklist_validate (check, &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = make_date (2026, 3, 2);
      g_autoptr(SdCall) call = sd_call_new_for_checklist (checklist, 5, &date);
      int values[3] = { cases[i].a, cases[i].b, cases[i].c };
      const char *keys[3] = { "a", "b", "c" };
      int score = -1;

      for (guint k = 0; k < 3; k++)
        {
          if (values[k] == NA)
            sd_call_set_not_applicable (call, keys[k]);
          else
            sd_call_set_score (call, keys[k], values[k]);
        }

      g_assert_true (sd_call_compute_score (call, &score, &error));
      g_assert_no_error (error);
      g_assert_cmpint (score, ==, cases[i].expected);
    }
}

static void
test_score_keeps_criteria_as_scored (void)
{
  g_autoptr(SdChecklist) checklist = odd_checklist ();
  GDate date = make_date (2026, 3, 2);
  g_autoptr(SdCall) call = sd_call_new_for_checklist (checklist, 5, &date);
  g_autoptr(SdCall) copy = NULL;
  int score = -1;

  sd_call_set_score (call, "a", 1);
  sd_call_set_score (call, "b", 3);
  sd_call_set_score (call, "c", 1);

  /* Editing the checklist afterwards does not change the call. */
  sd_checklist_get_criterion (checklist, 0)->weight = 90;
  sd_checklist_get_criterion (checklist, 1)->max_score = 10;

  copy = sd_call_copy (call);
  g_assert_true (sd_call_compute_score (copy, &score, NULL));
  g_assert_cmpint (score, ==, 50);
  g_assert_cmpint (copy->manager_id, ==, 5);
  g_assert_cmpint (g_date_compare (&copy->date, &date), ==, 0);
  g_assert_false (sd_call_set_score (copy, "zzz", 1));
}

static void
test_score_rejects_bad_input (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  static const int good[10] = { 2, 1, 2, 1, 0, 2, 2, 1, 0, 2 };
  GDate date = make_date (2026, 1, 5);

  /* A score above the scale. */
  {
    g_autoptr(SdCall) call = default_call (checklist, 1, date, good);
    g_autoptr(GError) error = NULL;
    int score = -7;

    sd_call_set_score (call, "objections", 3);
    g_assert_false (sd_call_compute_score (call, &score, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_SCORE);
    g_assert_nonnull (strstr (error->message, "Objection handling"));
    g_assert_nonnull (strstr (error->message, "0 to 2"));
    g_assert_cmpint (score, ==, -7);
  }

  /* A negative score. */
  {
    g_autoptr(SdCall) call = default_call (checklist, 1, date, good);
    g_autoptr(GError) error = NULL;

    sd_call_set_score (call, "voice", -1);
    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_SCORE);
  }

  /* A criterion left unscored. */
  {
    g_autoptr(SdCall) call = sd_call_new_for_checklist (checklist, 1, &date);
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 9; i++)
      sd_call_set_score (call, default_keys[i], 1);
    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_UNSCORED);
    g_assert_nonnull (strstr (error->message, "Tone and empathy"));
  }

  /* Everything not applicable. */
  {
    static const int none[10] = { NA, NA, NA, NA, NA, NA, NA, NA, NA, NA };
    g_autoptr(SdCall) call = default_call (checklist, 1, date, none);
    g_autoptr(GError) error = NULL;

    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NOTHING_SCORED);
  }

  /* A call of an empty checklist. */
  {
    g_autoptr(SdChecklist) empty = sd_checklist_new (SD_CHECKLIST_CALL, "Empty");
    g_autoptr(SdCall) call = sd_call_new_for_checklist (empty, 1, &date);
    g_autoptr(GError) error = NULL;

    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_EMPTY);
  }

  /* Marks whose weights no longer add up (a checklist stored broken). */
  {
    g_autoptr(SdCall) call = default_call (checklist, 1, date, good);
    g_autoptr(GError) error = NULL;

    ((SdMark *) g_ptr_array_index (call->marks, 0))->weight = 9;
    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_WEIGHTS);
    g_assert_nonnull (strstr (error->message, "101%"));
  }

  /* A criterion scored twice. */
  {
    g_autoptr(SdCall) call = default_call (checklist, 1, date, good);
    g_autoptr(GError) error = NULL;
    SdMark *twice = sd_mark_copy (g_ptr_array_index (call->marks, 0));

    g_ptr_array_add (call->marks, twice);
    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_DUPLICATE);
  }

  /* No manager, no date. */
  {
    g_autoptr(SdCall) call = default_call (checklist, 0, date, good);
    g_autoptr(GError) error = NULL;

    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NAME);
    g_clear_error (&error);

    call->manager_id = 1;
    g_date_clear (&call->date, 1);
    g_assert_false (sd_call_validate (call, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NAME);
  }
}

/* ------------------------------------------------------------------------------------------
 * History
 * ------------------------------------------------------------------------------------------ */

static GPtrArray *
history_calls (const SdChecklist *single)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_call_free);

  /* Manager 1: January 60, 50, 80; nothing in February; March 80. Manager 2: January 90. */
  g_ptr_array_add (calls, single_call (single, 1, make_date (2026, 1, 5), 60));
  g_ptr_array_add (calls, single_call (single, 1, make_date (2026, 1, 31), 50));
  g_ptr_array_add (calls, single_call (single, 2, make_date (2026, 1, 12), 90));
  g_ptr_array_add (calls, single_call (single, 1, make_date (2026, 1, 20), 80));
  g_ptr_array_add (calls, single_call (single, 1, make_date (2026, 3, 1), 80));
  /* Outside the months asked for. */
  g_ptr_array_add (calls, single_call (single, 1, make_date (2025, 12, 31), 0));
  g_ptr_array_add (calls, single_call (single, 1, make_date (2026, 4, 1), 0));

  /* An unfinished call is left out. */
  {
    GDate date = make_date (2026, 1, 6);
    SdCall *unfinished = sd_call_new_for_checklist (single, 1, &date);

    g_ptr_array_add (calls, unfinished);
  }

  return calls;
}

static void
test_history_by_month (void)
{
  g_autoptr(SdChecklist) single = single_checklist ();
  g_autoptr(GPtrArray) calls = history_calls (single);
  g_autoptr(GArray) months = sd_call_scores_by_month (calls, 1, sd_month_make (2026, 1), 3);
  g_autoptr(GArray) department = sd_call_scores_by_month (calls, 0, sd_month_make (2026, 1), 3);
  const SdScoreMonth *m;
  gint64 average = 0;
  guint n = 0;

  g_assert_cmpuint (months->len, ==, 3);

  m = &g_array_index (months, SdScoreMonth, 0);
  g_assert_cmpint (m->month, ==, sd_month_make (2026, 1));
  g_assert_cmpuint (m->n_calls, ==, 3);
  g_assert_cmpint (m->average, ==, 6333);            /* 190 ÷ 3 = 63.33 */

  m = &g_array_index (months, SdScoreMonth, 1);
  g_assert_cmpuint (m->n_calls, ==, 0);
  g_assert_cmpint (m->average, ==, SD_SCORE_NONE);

  m = &g_array_index (months, SdScoreMonth, 2);
  g_assert_cmpuint (m->n_calls, ==, 1);
  g_assert_cmpint (m->average, ==, 8000);

  /* The department: every call of January, 280 ÷ 4 = 70. */
  m = &g_array_index (department, SdScoreMonth, 0);
  g_assert_cmpuint (m->n_calls, ==, 4);
  g_assert_cmpint (m->average, ==, 7000);

  /* Over the quarter: (60 + 50 + 80 + 80) ÷ 4 = 67.5. */
  g_assert_true (sd_call_scores_average (calls, 1, sd_month_make (2026, 1),
                                         sd_month_make (2026, 3), &average, &n));
  g_assert_cmpint (average, ==, 6750);
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (sd_call_scores_average (calls, 2, sd_month_make (2026, 2),
                                          sd_month_make (2026, 3), &average, &n));
  g_assert_cmpint (average, ==, SD_SCORE_NONE);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_history_kpi_metric (void)
{
  g_autoptr(SdChecklist) single = single_checklist ();
  g_autoptr(GPtrArray) calls = history_calls (single);
  gint64 value = -1;

  /* 190 ÷ 3 = 63.3333… points = 633 333 in SD_FIX_ONE units. */
  g_assert_true (sd_call_scores_kpi (calls, 1, sd_month_make (2026, 1), &value));
  g_assert_cmpint (value, ==, 633333);
  g_assert_true (sd_call_scores_kpi (calls, 2, sd_month_make (2026, 1), &value));
  g_assert_cmpint (value, ==, 90 * SD_FIX_ONE);
  /* Nothing scored: the KPI is not measured. */
  g_assert_false (sd_call_scores_kpi (calls, 1, sd_month_make (2026, 2), &value));
  g_assert_cmpint (value, ==, 0);
}

static GPtrArray *
criterion_calls (const SdChecklist *checklist)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_call_free);
  static const int call1[10] = { 2, 1, 2, 1, 0, 2, 2, 1, 0, 2 };
  static const int call2[10] = { 2, 2, 2, 2, 1, 2, 2, 2, NA, 2 };
  static const int call3[10] = { 2, 2, 1, 1, 0, 2, 2, 2, 1, 2 };
  static const int other[10] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 1, 5), call1));
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 1, 20), call2));
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 2, 3), call3));
  g_ptr_array_add (calls, default_call (checklist, 2, make_date (2026, 2, 3), other));

  return calls;
}

static const SdCriterionHistory *
find_history (GPtrArray  *histories,
              const char *key)
{
  for (guint i = 0; i < histories->len; i++)
    {
      const SdCriterionHistory *h = g_ptr_array_index (histories, i);

      if (g_strcmp0 (h->key, key) == 0)
        return h;
    }

  return NULL;
}

static void
test_history_by_criterion (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(GPtrArray) calls = criterion_calls (checklist);
  g_autoptr(GPtrArray) histories = NULL;
  const SdCriterionHistory *h;

  /* A criterion dropped from the checklist since: its history is still shown, after the
   * checklist's own criteria. */
  {
    SdCall *call = g_ptr_array_index (calls, 0);
    SdMark *mark = g_ptr_array_index (call->marks, 9);

    g_free (mark->key);
    mark->key = g_strdup ("old_empathy");
    g_free (mark->name);
    mark->name = g_strdup ("Old empathy");
  }

  histories = sd_call_scores_by_criterion (checklist, calls, 1, sd_month_make (2026, 1), 2);
  g_assert_cmpuint (histories->len, ==, 11);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpstr (((SdCriterionHistory *) g_ptr_array_index (histories, i))->key, ==,
                     default_keys[i]);

  /* Objection handling: January 0 and 1 of 2 → 25 %; February 0; overall 1 of 6 → 16.67 %. */
  h = find_history (histories, "objections");
  g_assert_cmpint (h->weight, ==, 14);
  g_assert_cmpint (h->n_months, ==, 2);
  g_assert_cmpint (h->level[0], ==, 2500);
  g_assert_cmpuint (h->n_scored[0], ==, 2);
  g_assert_cmpint (h->level[1], ==, 0);
  g_assert_cmpuint (h->n_scored[1], ==, 1);
  g_assert_cmpint (h->overall, ==, 1667);
  g_assert_cmpuint (h->n_overall, ==, 3);

  /* Follow-up: not applicable in the second call; January 0 of 2 in one call. */
  h = find_history (histories, "follow_up");
  g_assert_cmpint (h->level[0], ==, 0);
  g_assert_cmpuint (h->n_scored[0], ==, 1);
  g_assert_cmpint (h->level[1], ==, 5000);
  g_assert_cmpint (h->overall, ==, 2500);

  /* Voice and speech: 1, 2, 2 of 2 → 5/6 = 83.33 %. */
  h = find_history (histories, "voice");
  g_assert_cmpint (h->level[0], ==, 7500);
  g_assert_cmpint (h->overall, ==, 8333);

  /* Empathy lost its first call to the renamed criterion. */
  h = find_history (histories, "empathy");
  g_assert_cmpuint (h->n_overall, ==, 2);
  h = find_history (histories, "old_empathy");
  g_assert_cmpstr (h->name, ==, "Old empathy");
  g_assert_cmpint (h->weight, ==, 0);
  g_assert_cmpint (h->level[0], ==, 10000);
  g_assert_cmpint (h->level[1], ==, SD_SCORE_NONE);
}

/* ------------------------------------------------------------------------------------------
 * Assessments
 * ------------------------------------------------------------------------------------------ */

static SdAssessment *
assess (const SdChecklist *template_,
        gint64             manager_id,
        GDate              date,
        const int          scores[8])
{
  SdAssessment *a = sd_assessment_new_for_template (template_, manager_id, &date);

  for (guint i = 0; i < 8; i++)
    {
      const SdCriterion *c = sd_checklist_get_criterion (template_, i);

      if (scores[i] == NA)
        g_assert_true (sd_assessment_set_not_assessed (a, c->key));
      else
        g_assert_true (sd_assessment_set_score (a, c->key, scores[i]));
    }

  return a;
}

static void
test_assessment_compare_with_previous (void)
{
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  static const int first[8] = { 3, 3, 4, 2, 4, 5, NA, 4 };
  static const int second[8] = { 4, 3, 4, 3, 3, 5, 4, 4 };
  static const int other[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_assessment_free);
  g_autoptr(SdAssessmentComparison) cmp = NULL;
  const SdAssessment *latest, *previous;
  const SdCompetencyChange *change;
  gint64 average = 0;
  GDate up_to = make_date (2026, 3, 31);

  g_ptr_array_add (all, assess (template_, 1, make_date (2026, 4, 1), second));
  g_ptr_array_add (all, assess (template_, 1, make_date (2025, 10, 1), first));
  g_ptr_array_add (all, assess (template_, 2, make_date (2026, 4, 2), other));

  /* 25 ÷ 7 = 3.571 → 357; 30 ÷ 8 = 3.75. */
  g_assert_true (sd_assessment_average (g_ptr_array_index (all, 1), &average));
  g_assert_cmpint (average, ==, 357);
  g_assert_true (sd_assessment_average (g_ptr_array_index (all, 0), &average));
  g_assert_cmpint (average, ==, 375);

  latest = sd_assessment_find_latest (all, 1, NULL);
  g_assert_true (latest == g_ptr_array_index (all, 0));
  g_assert_true (sd_assessment_find_latest (all, 1, &up_to) == g_ptr_array_index (all, 1));
  previous = sd_assessment_find_previous (all, latest);
  g_assert_true (previous == g_ptr_array_index (all, 1));
  g_assert_null (sd_assessment_find_previous (all, previous));

  cmp = sd_assessment_compare (previous, latest);
  g_assert_nonnull (cmp);
  g_assert_true (cmp->has_before);
  g_assert_cmpint (cmp->average_before, ==, 357);
  g_assert_cmpint (cmp->average_after, ==, 375);
  g_assert_cmpint (cmp->average_change, ==, 18);
  g_assert_cmpuint (cmp->changes->len, ==, 8);
  g_assert_cmpuint (cmp->n_better, ==, 2);   /* product, objections */
  g_assert_cmpuint (cmp->n_worse, ==, 1);    /* closing */
  g_assert_cmpuint (cmp->n_same, ==, 4);

  change = g_ptr_array_index (cmp->changes, 3);
  g_assert_cmpstr (change->key, ==, "objections");
  g_assert_cmpint (change->before, ==, 2);
  g_assert_cmpint (change->after, ==, 3);
  g_assert_cmpint (change->change, ==, 1);
  g_assert_cmpint (change->direction, ==, SD_CHANGE_BETTER);

  change = g_ptr_array_index (cmp->changes, 4);
  g_assert_cmpint (change->change, ==, -1);
  g_assert_cmpint (change->direction, ==, SD_CHANGE_WORSE);

  change = g_ptr_array_index (cmp->changes, 6);   /* planning: not assessed before */
  g_assert_false (change->has_before);
  g_assert_true (change->has_after);
  g_assert_cmpint (change->direction, ==, SD_CHANGE_NONE);

  /* The first assessment compares with nothing. */
  g_clear_pointer (&cmp, sd_assessment_comparison_free);
  cmp = sd_assessment_compare (NULL, previous);
  g_assert_false (cmp->has_before);
  g_assert_cmpint (cmp->average_before, ==, SD_SCORE_NONE);
  g_assert_cmpint (cmp->average_change, ==, 0);
}

static void
test_assessment_rejects_bad_input (void)
{
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  static const int good[8] = { 3, 3, 4, 2, 4, 5, 4, 4 };
  static const int none[8] = { NA, NA, NA, NA, NA, NA, NA, NA };

  for (int bad = -1; bad <= 6; bad += 7)
    {
      g_autoptr(SdAssessment) a = assess (template_, 1, make_date (2026, 1, 1), good);
      g_autoptr(GError) error = NULL;

      sd_assessment_set_score (a, "crm", bad == -1 ? 0 : 6);
      g_assert_false (sd_assessment_validate (a, &error));
      g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_SCORE);
      g_assert_nonnull (strstr (error->message, "1 to 5"));
    }

  {
    g_autoptr(SdAssessment) a = assess (template_, 1, make_date (2026, 1, 1), none);
    g_autoptr(GError) error = NULL;
    gint64 average = 0;

    g_assert_false (sd_assessment_validate (a, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_NOTHING_SCORED);
    g_assert_false (sd_assessment_average (a, &average));
    g_assert_null (sd_assessment_compare (NULL, a));
  }

  {
    GDate date = make_date (2026, 1, 1);
    g_autoptr(SdAssessment) a = sd_assessment_new_for_template (template_, 1, &date);
    g_autoptr(GError) error = NULL;

    g_assert_false (sd_assessment_validate (a, &error));
    g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_UNSCORED);
    g_assert_nonnull (strstr (error->message, "Product knowledge"));
  }
}

/* ------------------------------------------------------------------------------------------
 * Development plans
 * ------------------------------------------------------------------------------------------ */

static void
test_idp_status_transitions (void)
{
  /* allowed[from][to] */
  static const gboolean allowed[4][4] = {
    /* to:        planned  in progress  done   cancelled */
    /* planned */ { TRUE,  TRUE,        TRUE,  TRUE  },
    /* in prog. */{ FALSE, TRUE,        TRUE,  TRUE  },
    /* done */    { FALSE, TRUE,        TRUE,  FALSE },
    /* cancel. */ { TRUE,  FALSE,       FALSE, TRUE  },
  };
  GDate today = make_date (2026, 3, 10);
  GDate deadline = make_date (2026, 3, 31);

  for (int from = 0; from < 4; from++)
    for (int to = 0; to < 4; to++)
      {
        g_autoptr(SdIdpAction) action = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE,
                                                           "Role-play", "Head", &deadline);
        g_autoptr(GError) error = NULL;

        g_assert_cmpint (sd_idp_status_can_change (from, to), ==, allowed[from][to]);

        action->status = from;
        if (allowed[from][to])
          {
            g_assert_true (sd_idp_action_set_status (action, to, &today, &error));
            g_assert_no_error (error);
            g_assert_cmpint (action->status, ==, to);
          }
        else
          {
            g_assert_false (sd_idp_action_set_status (action, to, &today, &error));
            g_assert_error (error, SD_IDP_ERROR, SD_IDP_ERROR_TRANSITION);
            g_assert_cmpint (action->status, ==, from);
          }
      }

  /* Done records the day; reopening clears it. */
  {
    g_autoptr(SdIdpAction) action = sd_idp_action_new (SD_IDP_ACTION_INITIAL, "Basics",
                                                       "Head", &deadline);
    g_autoptr(GError) error = NULL;

    g_assert_true (sd_idp_action_set_status (action, SD_IDP_STATUS_IN_PROGRESS, &today, NULL));
    g_assert_false (g_date_valid (&action->done_on));
    g_assert_true (sd_idp_action_set_status (action, SD_IDP_STATUS_DONE, &today, NULL));
    g_assert_cmpint (g_date_compare (&action->done_on, &today), ==, 0);
    g_assert_false (sd_idp_action_set_status (action, SD_IDP_STATUS_CANCELLED, &today, &error));
    g_assert_nonnull (strstr (error->message, "Done"));
    g_assert_nonnull (strstr (error->message, "reopened"));
    g_assert_true (sd_idp_action_set_status (action, SD_IDP_STATUS_IN_PROGRESS, &today, NULL));
    g_assert_false (g_date_valid (&action->done_on));
  }

  /* Names round-trip. */
  for (int s = 0; s < 4; s++)
    {
      SdIdpStatus back;

      g_assert_true (sd_idp_status_from_string (sd_idp_status_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (sd_idp_status_get_label (s));
    }
  for (int k = 0; k <= SD_IDP_ACTION_QUALIFICATION; k++)
    {
      SdIdpActionKind back;

      g_assert_true (sd_idp_action_kind_from_string (sd_idp_action_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (sd_idp_action_kind_get_label (k));
    }
  for (int k = 0; k <= SD_IDP_TARGET_CUSTOM; k++)
    {
      SdIdpTargetKind back;

      g_assert_true (sd_idp_target_kind_from_string (sd_idp_target_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (sd_idp_action_kind_to_string (SD_IDP_ACTION_PROBLEM_ZONE), ==, "problem_zone");
}

static void
test_idp_overdue_and_completion (void)
{
  GDate created = make_date (2026, 2, 1);
  GDate today = make_date (2026, 3, 10);
  GDate d1 = make_date (2026, 3, 1);
  GDate d2 = make_date (2026, 2, 20);
  GDate d3 = make_date (2026, 3, 10);
  GDate d4 = make_date (2026, 1, 31);
  g_autoptr(SdIdp) idp = sd_idp_new (3, &created);
  g_autoptr(GArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bp = -1;
  SdIdpAction *a;

  sd_idp_add_action (idp, sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, "A", "Head", &d1));
  a = sd_idp_action_new (SD_IDP_ACTION_SITUATIONAL, "B", "Head", &d2);
  a->status = SD_IDP_STATUS_IN_PROGRESS;
  sd_idp_add_action (idp, a);
  /* Due today: not overdue yet. */
  sd_idp_add_action (idp, sd_idp_action_new (SD_IDP_ACTION_STRATEGIC, "C", "Head", &d3));
  a = sd_idp_action_new (SD_IDP_ACTION_QUALIFICATION, "D", "Head", &d4);
  a->status = SD_IDP_STATUS_DONE;
  sd_idp_add_action (idp, a);
  a = sd_idp_action_new (SD_IDP_ACTION_INITIAL, "E", "Head", &d4);
  a->status = SD_IDP_STATUS_CANCELLED;
  sd_idp_add_action (idp, a);

  g_assert_true (sd_idp_validate (idp, &error));
  g_assert_no_error (error);

  overdue = sd_idp_find_overdue (idp, &today);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpuint (g_array_index (overdue, guint, 0), ==, 1);   /* B, due 20 February */
  g_assert_cmpuint (g_array_index (overdue, guint, 1), ==, 0);   /* A, due 1 March */
  g_assert_cmpuint (sd_idp_action_days_overdue (g_ptr_array_index (idp->actions, 1), &today),
                    ==, 18);
  g_assert_cmpuint (sd_idp_action_days_overdue (g_ptr_array_index (idp->actions, 0), &today),
                    ==, 9);
  g_assert_cmpuint (sd_idp_action_days_overdue (g_ptr_array_index (idp->actions, 2), &today),
                    ==, 0);
  g_assert_false (sd_idp_action_is_overdue (g_ptr_array_index (idp->actions, 3), &today));
  g_assert_false (sd_idp_action_is_overdue (g_ptr_array_index (idp->actions, 4), &today));

  /* 1 done of 4 not cancelled = 25 %. */
  g_assert_true (sd_idp_completion_bp (idp, &bp));
  g_assert_cmpint (bp, ==, 2500);
}

static void
test_idp_rejects_bad_plans (void)
{
  GDate created = make_date (2026, 2, 1);
  GDate deadline = make_date (2026, 3, 1);

  struct {
    const char *name;
    const char *fragment;
  } cases[] = {
    { "no-manager",       "manager" },
    { "goal-no-title",    "Goal 1" },
    { "criterion-no-key", "criterion" },
    { "target-range",     "range" },
    { "action-no-owner",  "owner" },
    { "action-no-date",   "deadline" },
    { "action-bad-goal",  "goal" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdIdp) idp = sd_idp_new (1, &created);
      g_autoptr(GError) error = NULL;
      const char *name = cases[i].name;
      SdIdpGoal *goal = sd_idp_goal_new (SD_IDP_TARGET_CALL_SCORE, "Calls at 80", 6000, 8000);
      SdIdpAction *action = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, "Role-play",
                                               "Head of sales", &deadline);

      sd_idp_add_goal (idp, goal);
      action->goal = 0;
      sd_idp_add_action (idp, action);
      g_assert_true (sd_idp_validate (idp, NULL));

      if (g_str_equal (name, "no-manager"))
        idp->manager_id = 0;
      else if (g_str_equal (name, "goal-no-title"))
        {
          g_free (goal->title);
          goal->title = g_strdup ("   ");
        }
      else if (g_str_equal (name, "criterion-no-key"))
        goal->kind = SD_IDP_TARGET_CRITERION;
      else if (g_str_equal (name, "target-range"))
        goal->target = 10001;
      else if (g_str_equal (name, "action-no-owner"))
        g_clear_pointer (&action->owner, g_free);
      else if (g_str_equal (name, "action-no-date"))
        g_date_clear (&action->deadline, 1);
      else if (g_str_equal (name, "action-bad-goal"))
        action->goal = 1;

      g_test_message ("case %s", name);
      g_assert_false (sd_idp_validate (idp, &error));
      g_assert_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("case %s: “%s” does not contain “%s”", name, error->message, cases[i].fragment);
    }

  /* Removing a goal unlinks its actions and renumbers the rest. */
  {
    g_autoptr(SdIdp) idp = sd_idp_new (1, &created);
    SdIdpAction *a0 = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, "x", "y", &deadline);
    SdIdpAction *a1 = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, "x", "y", &deadline);

    sd_idp_add_goal (idp, sd_idp_goal_new (SD_IDP_TARGET_CALL_SCORE, "g0", 0, 8000));
    sd_idp_add_goal (idp, sd_idp_goal_new (SD_IDP_TARGET_CALL_SCORE, "g1", 0, 8000));
    a0->goal = 0;
    a1->goal = 1;
    sd_idp_add_action (idp, a0);
    sd_idp_add_action (idp, a1);
    sd_idp_remove_goal (idp, 0);
    g_assert_cmpint (a0->goal, ==, -1);
    g_assert_cmpint (a1->goal, ==, 0);
    g_assert_true (sd_idp_validate (idp, NULL));
  }
}

static void
test_idp_proposal_picks_weakest (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  g_autoptr(GPtrArray) calls = criterion_calls (checklist);
  g_autoptr(GPtrArray) assessments =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sd_assessment_free);
  static const int scores[8] = { 4, 3, 4, 2, 4, 5, 4, 4 };
  static const int future[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
  static const int late_call[10] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  gint64 lag_values[2] = { 7000, 6500 };
  SdLagging lag = { 1, 0, 0, 2, lag_values, (char *) "Below 80% of the plan for 2 months." };
  GDate today = make_date (2026, 2, 20);
  GDate expected_deadline = make_date (2026, 3, 22);
  SdPeopleData data = { 0 };
  SdIdpProposalInput input;
  g_autoptr(SdIdp) idp = NULL;
  g_autoptr(GError) error = NULL;
  const SdIdpGoal *goal;
  const SdIdpAction *action;

  lag.first_month = sd_month_make (2026, 1);
  lag.last_month = sd_month_make (2026, 2);

  g_ptr_array_add (assessments, assess (template_, 1, make_date (2026, 2, 10), scores));
  /* After today: ignored. */
  g_ptr_array_add (assessments, assess (template_, 1, make_date (2026, 2, 21), future));
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 2, 25), late_call));

  data.calls = calls;
  data.assessments = assessments;

  sd_idp_proposal_input_init (&input, 1, &today);
  input.data = &data;
  input.checklist = checklist;
  input.lagging = &lag;
  input.hired = make_date (2026, 1, 15);

  idp = sd_idp_propose (&input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (idp);
  g_assert_true (sd_idp_validate (idp, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idp->manager_id, ==, 1);
  g_assert_cmpint (g_date_compare (&idp->created, &today), ==, 0);

  /* Levels below 80 %: objections 16.67 % (calls), follow-up 25 % (calls, weight 8),
   * objections 2 of 5 = 25 % (assessment, no weight), needs 3 of 5 = 50 % (assessment),
   * needs 66.67 % (calls). The three weakest are taken, a tie going to the heavier. */
  g_assert_cmpuint (idp->goals->len, ==, 4);

  goal = g_ptr_array_index (idp->goals, 0);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_CRITERION);
  g_assert_cmpstr (goal->key, ==, "objections");
  g_assert_cmpint (goal->baseline, ==, 1667);
  g_assert_cmpint (goal->target, ==, 8000);
  g_assert_nonnull (strstr (goal->title, "Objection handling"));
  g_assert_nonnull (strstr (goal->reason, "3 calls"));
  g_assert_cmpint (g_date_compare (&goal->deadline, &expected_deadline), ==, 0);

  goal = g_ptr_array_index (idp->goals, 1);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_CRITERION);
  g_assert_cmpstr (goal->key, ==, "follow_up");
  g_assert_cmpint (goal->baseline, ==, 2500);
  g_assert_nonnull (strstr (goal->reason, "2 calls"));

  goal = g_ptr_array_index (idp->goals, 2);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_COMPETENCY);
  g_assert_cmpstr (goal->key, ==, "objections");
  g_assert_cmpint (goal->baseline, ==, 200);
  g_assert_cmpint (goal->target, ==, 400);
  g_assert_nonnull (strstr (goal->reason, "2 of 5"));

  goal = g_ptr_array_index (idp->goals, 3);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_PLAN_COMPLETION);
  g_assert_cmpint (goal->baseline, ==, 6500);
  g_assert_cmpint (goal->target, ==, 10000);
  g_assert_cmpstr (goal->reason, ==, lag.reason);

  /* Initial training (hired 36 days ago), three problem-zone actions, one situational. */
  g_assert_cmpuint (idp->actions->len, ==, 5);
  action = g_ptr_array_index (idp->actions, 0);
  g_assert_cmpint (action->kind, ==, SD_IDP_ACTION_INITIAL);
  g_assert_cmpint (action->goal, ==, -1);
  for (guint i = 1; i <= 3; i++)
    {
      action = g_ptr_array_index (idp->actions, i);
      g_assert_cmpint (action->kind, ==, SD_IDP_ACTION_PROBLEM_ZONE);
      g_assert_cmpint (action->goal, ==, (int) i - 1);
      g_assert_cmpint (action->status, ==, SD_IDP_STATUS_PLANNED);
      g_assert_cmpstr (action->owner, ==, "Head of sales");
      g_assert_cmpint (g_date_compare (&action->deadline, &expected_deadline), ==, 0);
    }
  action = g_ptr_array_index (idp->actions, 4);
  g_assert_cmpint (action->kind, ==, SD_IDP_ACTION_SITUATIONAL);
  g_assert_cmpint (action->goal, ==, 3);

  /* More zones allowed: the other two follow in order. */
  g_clear_pointer (&idp, sd_idp_free);
  input.max_zones = 10;
  input.lagging = NULL;
  g_date_clear (&input.hired, 1);
  idp = sd_idp_propose (&input, NULL);
  g_assert_cmpuint (idp->goals->len, ==, 5);
  g_assert_cmpuint (idp->actions->len, ==, 5);
  goal = g_ptr_array_index (idp->goals, 3);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_COMPETENCY);
  g_assert_cmpstr (goal->key, ==, "needs");
  goal = g_ptr_array_index (idp->goals, 4);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_CRITERION);
  g_assert_cmpstr (goal->key, ==, "needs");
  g_assert_cmpint (goal->baseline, ==, 6667);

  /* Nothing stands out: an empty plan. */
  g_clear_pointer (&idp, sd_idp_free);
  sd_idp_proposal_input_init (&input, 2, &today);
  idp = sd_idp_propose (&input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (idp->goals->len, ==, 0);
  g_assert_cmpuint (idp->actions->len, ==, 0);

  /* Bad input. */
  g_clear_pointer (&idp, sd_idp_free);
  sd_idp_proposal_input_init (&input, 0, &today);
  g_assert_null (sd_idp_propose (&input, &error));
  g_assert_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID);
  g_clear_error (&error);
  sd_idp_proposal_input_init (&input, 1, &today);
  input.zone_bp = 0;
  g_assert_null (sd_idp_propose (&input, &error));
  g_assert_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID);
}

static void
test_idp_progress_against_later_scores (void)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_call_free);
  g_autoptr(GPtrArray) assessments =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sd_assessment_free);
  g_autoptr(SdPlanFact) plan_fact = sd_plan_fact_new ();
  g_autoptr(SdIdp) idp = NULL;
  static const int same_day[10] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  static const int march1[10] = { 2, 2, 2, 2, 1, 2, 2, 2, 2, 2 };   /* 93 */
  static const int march2[10] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };   /* 100 */
  static const int feb[10] = { 2, 2, 2, 2, 0, 2, 2, 2, 2, 2 };      /* 86 */
  static const int later[8] = { 4, 3, 4, 4, 4, 5, 4, 4 };
  GDate created = make_date (2026, 2, 20);
  GDate today = make_date (2026, 4, 5);
  SdPeopleData data = { 0 };
  SdIdpProgress progress;
  SdIdpGoal *goal;

  idp = sd_idp_new (1, &created);
  goal = sd_idp_goal_new (SD_IDP_TARGET_CRITERION, "Objections", 1667, 8000);
  goal->key = g_strdup ("objections");
  sd_idp_add_goal (idp, goal);
  sd_idp_add_goal (idp, sd_idp_goal_new (SD_IDP_TARGET_CALL_SCORE, "Calls", 7000, 9000));
  goal = sd_idp_goal_new (SD_IDP_TARGET_COMPETENCY, "Objections", 200, 400);
  goal->key = g_strdup ("objections");
  sd_idp_add_goal (idp, goal);
  sd_idp_add_goal (idp, sd_idp_goal_new (SD_IDP_TARGET_PLAN_COMPLETION, "Plan", 6500, 10000));
  goal = sd_idp_goal_new (SD_IDP_TARGET_CUSTOM, "Meetings a week", 2, 6);
  sd_idp_add_goal (idp, goal);

  /* The plan's own day does not count; February after it and March do; the latest month
   * with calls is March. */
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 2, 20), same_day));
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 2, 25), feb));
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 3, 10), march1));
  g_ptr_array_add (calls, default_call (checklist, 1, make_date (2026, 3, 25), march2));
  g_ptr_array_add (calls, default_call (checklist, 2, make_date (2026, 3, 26), same_day));
  g_ptr_array_add (assessments, assess (template_, 1, make_date (2026, 4, 1), later));

  g_assert_true (sd_plan_fact_add_plan (plan_fact, 1, sd_month_make (2026, 3), 100000, NULL));
  g_assert_true (sd_plan_fact_add_fact (plan_fact, 1, sd_month_make (2026, 3), 90000, NULL));
  /* April is still running: not judged. */
  g_assert_true (sd_plan_fact_add_plan (plan_fact, 1, sd_month_make (2026, 4), 100000, NULL));

  data.calls = calls;
  data.assessments = assessments;
  data.plan_fact = plan_fact;

  /* Objections in March: 1 and 2 of 2 → 75 %; (7500 − 1667) ÷ (8000 − 1667) = 92.1 %. */
  sd_idp_goal_progress (idp, 0, &data, &today, &progress);
  g_assert_true (progress.measured);
  g_assert_cmpint (progress.value, ==, 7500);
  g_assert_cmpint (progress.month, ==, sd_month_make (2026, 3));
  g_assert_cmpint (progress.progress_bp, ==, 9210);
  g_assert_false (progress.reached);

  /* Call score in March: (93 + 100) ÷ 2 = 96.5 ≥ 90: reached. */
  sd_idp_goal_progress (idp, 1, &data, &today, &progress);
  g_assert_true (progress.measured);
  g_assert_cmpint (progress.value, ==, 9650);
  g_assert_cmpint (progress.progress_bp, ==, 10000);
  g_assert_true (progress.reached);

  /* The assessment of 1 April: objections 4 → reached. */
  sd_idp_goal_progress (idp, 2, &data, &today, &progress);
  g_assert_true (progress.measured);
  g_assert_cmpint (progress.value, ==, 400);
  g_assert_cmpint (progress.month, ==, sd_month_make (2026, 4));
  g_assert_true (progress.reached);

  /* March completion 90 %: (9000 − 6500) ÷ 3500 = 71.43 %. */
  sd_idp_goal_progress (idp, 3, &data, &today, &progress);
  g_assert_true (progress.measured);
  g_assert_cmpint (progress.value, ==, 9000);
  g_assert_cmpint (progress.month, ==, sd_month_make (2026, 3));
  g_assert_cmpint (progress.progress_bp, ==, 7143);

  /* Custom: nothing typed yet, then 3 of 2 → 6 meetings = 25 %. */
  sd_idp_goal_progress (idp, 4, &data, &today, &progress);
  g_assert_false (progress.measured);
  goal = g_ptr_array_index (idp->goals, 4);
  goal->has_actual = TRUE;
  goal->actual = 3;
  sd_idp_goal_progress (idp, 4, &data, &today, &progress);
  g_assert_true (progress.measured);
  g_assert_cmpint (progress.progress_bp, ==, 2500);

  /* At the end of February only the call of 25 February counts (86), not the one made on
   * the plan's own day (0). */
  {
    GDate end_of_february = make_date (2026, 2, 28);

    sd_idp_goal_progress (idp, 1, &data, &end_of_february, &progress);
    g_assert_true (progress.measured);
    g_assert_cmpint (progress.value, ==, 8600);
    g_assert_cmpint (progress.month, ==, sd_month_make (2026, 2));
    /* (8600 − 7000) ÷ (9000 − 7000) = 80 % */
    g_assert_cmpint (progress.progress_bp, ==, 8000);
    g_assert_false (progress.reached);
  }

  /* Before anything was scored after the plan. */
  {
    GDate early = make_date (2026, 2, 21);

    sd_idp_goal_progress (idp, 0, &data, &early, &progress);
    g_assert_false (progress.measured);
    sd_idp_goal_progress (idp, 3, &data, &early, &progress);
    g_assert_false (progress.measured);
  }

  /* A copy measures the same. */
  {
    g_autoptr(SdIdp) copy = sd_idp_copy (idp);

    sd_idp_goal_progress (copy, 0, &data, &today, &progress);
    g_assert_cmpint (progress.progress_bp, ==, 9210);
  }
}

/* ------------------------------------------------------------------------------------------
 * The attention list
 * ------------------------------------------------------------------------------------------ */

static SdStaffMember *
member (gint64      id,
        const char *name,
        GDate       hired,
        GDate      *left)
{
  SdStaffMember *m = sd_staff_member_new ();

  m->id = id;
  m->name = g_strdup (name);
  m->role = SD_ROLE_MANAGER;
  m->hired = hired;
  if (left != NULL)
    m->left = *left;

  return m;
}

static void
test_attention_on_a_company (void)
{
  g_autoptr(SdChecklist) single = single_checklist ();
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_call_free);
  g_autoptr(GPtrArray) assessments =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sd_assessment_free);
  g_autoptr(GPtrArray) idps = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_idp_free);
  g_autoptr(SdPlanFact) plan_fact = sd_plan_fact_new ();
  g_autoptr(GPtrArray) list = NULL;
  static const int good[8] = { 4, 4, 4, 4, 4, 4, 4, 4 };
  static const int worse[8] = { 4, 3, 4, 3, 4, 4, 4, 4 };
  GDate hired = make_date (2024, 1, 10);
  GDate left = make_date (2025, 12, 31);
  GDate today = make_date (2026, 4, 3);
  GDate created = make_date (2026, 2, 1);
  SdAttentionInput input;
  const SdAttention *item;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  SdMoney facts[6][3] = {
    { 90000, 70000, 60000 },     /* 1 Анна: below 80 % in February and March */
    { 85000, 85000, 85000 },     /* 2 Борис */
    { 100000, 100000, 100000 },  /* 3 Вера */
    { 100000, 100000, 100000 },  /* 4 Глеб */
    { 50000, 50000, 50000 },     /* 5 Дарья, archived */
    { 0, 0, 0 },                 /* 6 Егор, left last year */
  };
  static const int scores[6][3] = {
    { 70, 70, 70 },
    { 80, 70, 60 },    /* fell 20 points */
    { 60, 70, 80 },
    { 80, 80, 70 },    /* not down every month */
    { 90, 50, 10 },
    { 90, 50, 10 },
  };

  g_ptr_array_add (staff, member (1, "Анна", hired, NULL));
  g_ptr_array_add (staff, member (2, "Борис", hired, NULL));
  g_ptr_array_add (staff, member (3, "Вера", hired, NULL));
  g_ptr_array_add (staff, member (4, "Глеб", hired, NULL));
  g_ptr_array_add (staff, member (5, "Дарья", hired, NULL));
  ((SdStaffMember *) g_ptr_array_index (staff, 4))->archived = TRUE;
  g_ptr_array_add (staff, member (6, "Егор", hired, &left));

  for (int id = 1; id <= 6; id++)
    for (int k = 0; k < 3; k++)
      {
        SdMonth month = sd_month_make (2026, k + 1);

        g_assert_true (sd_plan_fact_add_plan (plan_fact, id, month, 100000, NULL));
        g_assert_true (sd_plan_fact_add_fact (plan_fact, id, month, facts[id - 1][k], NULL));
        g_ptr_array_add (calls, single_call (single, id, make_date (2026, k + 1, 10),
                                             scores[id - 1][k]));
      }

  /* Глеб's latest assessment is lower than the one before; Вера's is the same. */
  g_ptr_array_add (assessments, assess (template_, 4, make_date (2025, 10, 1), good));
  g_ptr_array_add (assessments, assess (template_, 4, make_date (2026, 3, 15), worse));
  g_ptr_array_add (assessments, assess (template_, 3, make_date (2025, 10, 1), good));
  g_ptr_array_add (assessments, assess (template_, 3, make_date (2026, 3, 15), good));

  /* Анна has an overdue action; Вера's are on time or done. */
  {
    GDate overdue = make_date (2026, 3, 20);
    GDate later = make_date (2026, 4, 10);
    GDate past = make_date (2026, 2, 10);
    SdIdp *anna = sd_idp_new (1, &created);
    SdIdp *vera = sd_idp_new (3, &created);
    SdIdpAction *done = sd_idp_action_new (SD_IDP_ACTION_QUALIFICATION, "Course", "Head", &past);

    sd_idp_add_action (anna, sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE,
                                                "Call back every lost client", "Head",
                                                &overdue));
    done->status = SD_IDP_STATUS_DONE;
    sd_idp_add_action (vera, done);
    sd_idp_add_action (vera, sd_idp_action_new (SD_IDP_ACTION_STRATEGIC, "New CRM", "Head",
                                                &later));
    g_ptr_array_add (idps, anna);
    g_ptr_array_add (idps, vera);
  }

  sd_attention_input_init (&input, sd_month_make (2026, 3), &today);
  input.managers = staff;
  input.plan_fact = plan_fact;
  input.calls = calls;
  input.assessments = assessments;
  input.idps = idps;

  list = sd_attention_find (&input);
  g_assert_cmpuint (list->len, ==, 3);

  /* Анна: two reasons, so first. */
  item = g_ptr_array_index (list, 0);
  g_assert_cmpint (item->manager_id, ==, 1);
  g_assert_cmpstr (item->name, ==, "Анна");
  g_assert_cmpint (item->flags, ==, SD_ATTENTION_LAGGING | SD_ATTENTION_OVERDUE_ACTIONS);
  g_assert_cmpuint (g_strv_length (item->reasons), ==, 2);
  g_assert_cmpuint (item->lag_months, ==, 2);
  g_assert_cmpuint (item->n_overdue, ==, 1);
  g_assert_nonnull (strstr (item->reasons[1], "Call back every lost client"));
  {
    GDate overdue = make_date (2026, 3, 20);

    due = sd_date_format (&overdue, sd_number_style_current ());
  }
  g_assert_nonnull (strstr (item->reasons[1], due));
  text = sd_attention_get_text (item);
  g_assert_true (g_str_has_prefix (text, item->reasons[0]));
  g_assert_true (g_str_has_suffix (text, item->reasons[1]));

  /* Борис: call scores 80, 70, 60. */
  item = g_ptr_array_index (list, 1);
  g_assert_cmpint (item->manager_id, ==, 2);
  g_assert_cmpint (item->flags, ==, SD_ATTENTION_FALLING_SCORES);
  g_assert_cmpint (item->score_fall, ==, 2000);
  g_assert_nonnull (strstr (item->reasons[0], "80, 70, 60"));
  g_assert_nonnull (strstr (item->reasons[0], "2 months"));

  /* Глеб: the assessment fell from 4 to 3.75. */
  item = g_ptr_array_index (list, 2);
  g_assert_cmpint (item->manager_id, ==, 4);
  g_assert_cmpint (item->flags, ==, SD_ATTENTION_FALLING_ASSESSMENT);
  {
    g_autofree char *after = sd_score_format (375, sd_number_style_current ());

    g_assert_nonnull (strstr (item->reasons[0], after));
  }

  /* A smaller fall than asked for is no reason; a bigger minimum drops Борис. */
  g_clear_pointer (&list, g_ptr_array_unref);
  input.min_fall = 2001;
  list = sd_attention_find (&input);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SdAttention *) g_ptr_array_index (list, 1))->manager_id, ==, 4);

  /* Lagging for three months is not the case: Анна's January was 90 %. */
  g_clear_pointer (&list, g_ptr_array_unref);
  input.lag_months = 3;
  list = sd_attention_find (&input);
  item = g_ptr_array_index (list, 0);
  g_assert_cmpint (item->manager_id, ==, 1);
  g_assert_cmpint (item->flags, ==, SD_ATTENTION_OVERDUE_ACTIONS);
}

static void
test_format_scores (void)
{
  static const struct {
    gint64      hundredths;
    const char *en;
    const char *ru;
  } cases[] = {
    { 8750, "87.5", "87,5" },
    { 8725, "87.25", "87,25" },
    { 9000, "90", "90" },
    { 0, "0", "0" },
    { 5, "0.05", "0,05" },
    { -150, "-1.5", "-1,5" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = sd_score_format (cases[i].hundredths, SD_NUMBER_STYLE_EN);
      g_autofree char *ru = sd_score_format (cases[i].hundredths, SD_NUMBER_STYLE_RU);

      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (ru, ==, cases[i].ru);
    }

  {
    g_autofree char *percent = sd_score_format_percent (7950, SD_NUMBER_STYLE_EN);

    g_assert_cmpstr (percent, ==, "79.5%");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people/checklist/default-call-ten-criteria-weights-100",
                   test_default_call_checklist);
  g_test_add_func ("/people/checklist/default-assessment-eight-competencies-1-to-5",
                   test_default_assessment_template);
  g_test_add_func ("/people/checklist/copy-find-and-new-keys", test_checklist_copy_and_keys);
  g_test_add_func ("/people/checklist/rejects-bad-input-with-a-reason",
                   test_checklist_rejects_bad_input);
  g_test_add_func ("/people/score/default-checklist-hand-computed", test_score_default_checklist);
  g_test_add_func ("/people/score/weights-scales-rounding-and-not-applicable",
                   test_score_weights_and_rounding);
  g_test_add_func ("/people/score/criteria-kept-as-scored", test_score_keeps_criteria_as_scored);
  g_test_add_func ("/people/score/rejects-bad-input-with-a-reason", test_score_rejects_bad_input);
  g_test_add_func ("/people/history/by-month-and-department", test_history_by_month);
  g_test_add_func ("/people/history/kpi-call-score-metric", test_history_kpi_metric);
  g_test_add_func ("/people/history/by-criterion", test_history_by_criterion);
  g_test_add_func ("/people/assessment/compare-with-previous",
                   test_assessment_compare_with_previous);
  g_test_add_func ("/people/assessment/rejects-bad-input", test_assessment_rejects_bad_input);
  g_test_add_func ("/people/idp/status-transitions-allowed-and-rejected",
                   test_idp_status_transitions);
  g_test_add_func ("/people/idp/overdue-and-completion", test_idp_overdue_and_completion);
  g_test_add_func ("/people/idp/rejects-bad-plans", test_idp_rejects_bad_plans);
  g_test_add_func ("/people/idp/proposal-picks-weakest", test_idp_proposal_picks_weakest);
  g_test_add_func ("/people/idp/progress-against-later-scores",
                   test_idp_progress_against_later_scores);
  g_test_add_func ("/people/attention/constructed-company", test_attention_on_a_company);
  g_test_add_func ("/people/format/scores-and-percentages", test_format_scores);

  return g_test_run ();
}
