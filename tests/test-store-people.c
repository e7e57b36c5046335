/* test-store-people.c — checklists, scored calls, assessments and development plans in the
 * company file; their JSON forms; the call_score KPI; the attention list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store-people"

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "sd-demo.h"
#include "sd-store.h"
#include "sd-store-people.h"
#include "sd-store-private.h"
#include "sd-test-store.h"

typedef struct {
  char    *dir;
  char    *path;
  SdStore *store;
  gint64   head;
  gint64   ivanov;
  gint64   petrova;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = sd_test_create_in_new_dir ("test-store-people-XXXXXX", "ООО Ромашка", &f->dir,
                                        &f->path);
  sd_test_add_three (f->store, NULL, &f->head, &f->ivanov, &f->petrova);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_company (g_steal_pointer (&f->store), f->dir, f->path);
}

/* A call on the default checklist where every criterion gets `score` except the first,
 * which gets `first` (scores 0..2). */
static SdCall *
make_call (gint64      manager_id,
           const char *day,
           int         first,
           int         score)
{
  g_autoptr(SdChecklist) checklist = sd_checklist_new_default_call ();
  GDate date;
  SdCall *call;

  sd_test_set_date (&date, day);
  call = sd_call_new_for_checklist (checklist, manager_id, &date);
  for (guint i = 0; i < call->marks->len; i++)
    {
      SdMark *m = g_ptr_array_index (call->marks, i);

      g_assert_true (sd_call_set_score (call, m->key, i == 0 ? first : score));
    }
  return call;
}

static int
score_of (const SdCall *call)
{
  g_autoptr(GError) error = NULL;
  int score = -1;

  g_assert_true (sd_call_compute_score (call, &score, &error));
  g_assert_no_error (error);
  return score;
}

static guint
count_calls (SdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = sd_store_people_list_calls (store, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return calls->len;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_json_checklist_round_trip (void)
{
  g_autoptr(SdChecklist) call = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) assess = sd_checklist_new_default_assessment ();
  SdChecklist *lists[] = { call, assess };

  sd_criterion_set_description (sd_checklist_get_criterion (call, 0), "Привет «мир»\n\"q\"");
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = sd_checklist_to_json (lists[l]);
      g_autoptr(SdChecklist) back = sd_checklist_from_json (json, &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_cmpint (back->kind, ==, lists[l]->kind);
      g_assert_cmpstr (back->name, ==, lists[l]->name);
      g_assert_cmpuint (sd_checklist_get_n_criteria (back), ==,
                        sd_checklist_get_n_criteria (lists[l]));
      for (guint i = 0; i < sd_checklist_get_n_criteria (back); i++)
        {
          SdCriterion *a = sd_checklist_get_criterion (lists[l], i);
          SdCriterion *b = sd_checklist_get_criterion (back, i);

          g_assert_cmpstr (a->key, ==, b->key);
          g_assert_cmpstr (a->name, ==, b->name);
          g_assert_cmpstr (a->description, ==, b->description);
          g_assert_cmpint (a->weight, ==, b->weight);
          g_assert_cmpint (a->max_score, ==, b->max_score);
          g_assert_cmpint (a->levels == NULL, ==, b->levels == NULL);
          if (a->levels != NULL)
            g_assert_true (g_strv_equal ((const char * const *) a->levels,
                                         (const char * const *) b->levels));
        }
      g_assert_true (sd_checklist_validate (back, &error));
      again = sd_checklist_to_json (back);
      g_assert_cmpstr (again, ==, json);
    }
}

static void
test_json_bad_text (void)
{
  static const char * const bad[] = {
    "", "[", "[]", "{\"kind\":\"phone\",\"name\":\"x\",\"criteria\":[]}",
    "{\"kind\":\"call\",\"name\":\"x\"}",
    "{\"kind\":\"call\",\"name\":\"x\",\"criteria\":[{\"key\":\"a\",\"name\":\"A\","
      "\"weight\":\"10\",\"max_score\":2}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdChecklist) list = sd_checklist_from_json (bad[i], &error);
      g_autoptr(GError) error2 = NULL;
      g_autoptr(GPtrArray) marks = sd_marks_from_json (bad[i], &error2);

      g_assert_null (list);
      g_assert_error (error, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_PARSE);
      if (i != 2)
        {
          g_assert_null (marks);
          g_assert_error (error2, SD_CHECKLIST_ERROR, SD_CHECKLIST_ERROR_PARSE);
        }
    }
}

static void
test_json_idp_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdIdp) idp = NULL;
  g_autoptr(SdIdp) back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  SdIdpGoal *goal;
  SdIdpAction *action;
  GDate created, deadline;

  sd_test_set_date (&created, "2026-03-02");
  sd_test_set_date (&deadline, "2026-04-01");
  idp = sd_idp_new (7, &created);
  idp->title = g_strdup ("ИПР на весну");
  goal = sd_idp_goal_new (SD_IDP_TARGET_CRITERION, "Работа с возражениями", 4000, 8000);
  goal->key = g_strdup ("objections");
  goal->deadline = deadline;
  goal->reason = g_strdup ("Слабое место");
  sd_idp_add_goal (idp, goal);
  goal = sd_idp_goal_new (SD_IDP_TARGET_CUSTOM, "Встречи", 2, 5);
  goal->unit = g_strdup ("встреч в неделю");
  goal->has_actual = TRUE;
  goal->actual = 3;
  sd_idp_add_goal (idp, goal);
  action = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, "Тренинг", "РОП", &deadline);
  action->goal = 0;
  action->notes = g_strdup ("две сессии");
  g_assert_true (sd_idp_action_set_status (action, SD_IDP_STATUS_DONE, &created, &error));
  sd_idp_add_action (idp, action);
  sd_idp_add_action (idp, sd_idp_action_new (SD_IDP_ACTION_STRATEGIC, "CRM", "Иванов", &deadline));
  g_assert_true (sd_idp_validate (idp, &error));
  g_assert_no_error (error);

  json = sd_idp_to_json (idp);
  back = sd_idp_from_json (json, 7, &created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->title, ==, "ИПР на весну");
  g_assert_cmpuint (back->goals->len, ==, 2);
  g_assert_cmpuint (back->actions->len, ==, 2);
  goal = g_ptr_array_index (back->goals, 0);
  g_assert_cmpint (goal->kind, ==, SD_IDP_TARGET_CRITERION);
  g_assert_cmpstr (goal->key, ==, "objections");
  g_assert_cmpint (goal->baseline, ==, 4000);
  g_assert_cmpint (goal->target, ==, 8000);
  g_assert_false (goal->has_actual);
  g_assert_cmpint (g_date_compare (&goal->deadline, &deadline), ==, 0);
  g_assert_cmpstr (goal->reason, ==, "Слабое место");
  goal = g_ptr_array_index (back->goals, 1);
  g_assert_true (goal->has_actual);
  g_assert_cmpint (goal->actual, ==, 3);
  g_assert_cmpstr (goal->unit, ==, "встреч в неделю");
  g_assert_false (g_date_valid (&goal->deadline));
  action = g_ptr_array_index (back->actions, 0);
  g_assert_cmpint (action->status, ==, SD_IDP_STATUS_DONE);
  g_assert_cmpint (g_date_compare (&action->done_on, &created), ==, 0);
  g_assert_cmpint (action->goal, ==, 0);
  g_assert_cmpstr (action->owner, ==, "РОП");
  g_assert_cmpstr (action->notes, ==, "две сессии");
  action = g_ptr_array_index (back->actions, 1);
  g_assert_cmpint (action->kind, ==, SD_IDP_ACTION_STRATEGIC);
  g_assert_cmpint (action->goal, ==, -1);
  again = sd_idp_to_json (back);
  g_assert_cmpstr (again, ==, json);

  g_clear_pointer (&back, sd_idp_free);
  back = sd_idp_from_json ("{\"goals\":[],\"actions\":[{\"kind\":\"nap\"}]}", 7, &created,
                           &error);
  g_assert_null (back);
  g_assert_error (error, SD_IDP_ERROR, SD_IDP_ERROR_INVALID);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_checklist_default_on_first_use (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(SdChecklist) current = NULL;
  g_autoptr(SdCall) call = make_call (f->ivanov, "2026-03-10", 2, 2);
  g_autoptr(SdCall) stored = NULL;
  gint64 id;

  lists = sd_store_people_list_checklists (f->store, SD_CHECKLIST_CALL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 0);
  current = sd_store_people_get_current_checklist (f->store, SD_CHECKLIST_CALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->id, ==, 0);
  g_assert_cmpuint (sd_checklist_get_n_criteria (current), ==, 10);
  g_assert_cmpint (sd_checklist_total_weight (current), ==, 100);

  id = sd_store_people_add_call (f->store, call, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = sd_store_people_list_checklists (f->store, SD_CHECKLIST_CALL, TRUE, &error);
  g_assert_cmpuint (lists->len, ==, 1);
  stored = sd_store_people_get_call (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->checklist_id, ==, ((SdChecklist *) g_ptr_array_index (lists, 0))->id);

  /* One undo step takes back the call and the checklist stored with it. */
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Score call");
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_calls (f->store), ==, 0);
  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = sd_store_people_list_checklists (f->store, SD_CHECKLIST_CALL, TRUE, &error);
  g_assert_cmpuint (lists->len, ==, 0);
}

static void
test_checklist_crud_and_bad_input (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdChecklist) list = sd_checklist_new_default_call ();
  g_autoptr(SdChecklist) back = NULL;
  g_autoptr(SdChecklist) empty = sd_checklist_new (SD_CHECKLIST_CALL, "Пустой");
  g_autoptr(GPtrArray) lists = NULL;
  gint64 id;

  id = sd_store_people_add_checklist (f->store, list, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Weights not 100 %: refused with the core's reason, nothing changed. */
  list->id = id;
  sd_checklist_get_criterion (list, 0)->weight += 5;
  g_assert_false (sd_store_people_update_checklist (f->store, list, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);
  back = sd_store_people_get_checklist (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_checklist_total_weight (back), ==, 100);

  /* An empty checklist is refused. */
  g_assert_cmpint (sd_store_people_add_checklist (f->store, empty, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A valid edit: renamed, weights moved. */
  sd_checklist_get_criterion (list, 1)->weight -= 5;
  g_free (list->name);
  list->name = g_strdup ("Звонки 2026");
  g_assert_true (sd_store_people_update_checklist (f->store, list, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, sd_checklist_free);
  back = sd_store_people_get_checklist (f->store, id, &error);
  g_assert_cmpstr (back->name, ==, "Звонки 2026");
  g_assert_cmpint (sd_checklist_get_criterion (back, 0)->weight, ==,
                   sd_checklist_get_criterion (list, 0)->weight);

  /* Archived: no longer current, the default comes back. */
  g_assert_true (sd_store_people_set_checklist_archived (f->store, id, TRUE, &error));
  lists = sd_store_people_list_checklists (f->store, SD_CHECKLIST_CALL, FALSE, &error);
  g_assert_cmpuint (lists->len, ==, 0);
  g_clear_pointer (&back, sd_checklist_free);
  back = sd_store_people_get_current_checklist (f->store, SD_CHECKLIST_CALL, &error);
  g_assert_cmpint (back->id, ==, 0);
  g_assert_true (sd_store_undo (f->store, &error));
  g_clear_pointer (&back, sd_checklist_free);
  back = sd_store_people_get_current_checklist (f->store, SD_CHECKLIST_CALL, &error);
  g_assert_cmpint (back->id, ==, id);
}

static void
test_call_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCall) call = make_call (f->ivanov, "2026-03-10", 1, 2);
  g_autoptr(SdCall) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GDate from, to;
  gint64 id;

  call->reference = g_strdup ("  ООО «Вектор», звонок 15:20 ");
  call->comment = g_strdup ("Хорошо выявил потребность");
  g_assert_true (sd_call_set_not_applicable (call, "crm"));
  id = sd_store_people_add_call (f->store, call, &error);
  g_assert_no_error (error);

  back = sd_store_people_get_call (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, id);
  g_assert_cmpint (back->manager_id, ==, f->ivanov);
  g_assert_cmpint (g_date_compare (&back->date, &call->date), ==, 0);
  g_assert_cmpstr (back->reference, ==, "ООО «Вектор», звонок 15:20");
  g_assert_cmpstr (back->comment, ==, "Хорошо выявил потребность");
  g_assert_cmpuint (back->marks->len, ==, call->marks->len);
  for (guint i = 0; i < back->marks->len; i++)
    {
      SdMark *a = g_ptr_array_index (call->marks, i);
      SdMark *b = g_ptr_array_index (back->marks, i);

      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpint (a->weight, ==, b->weight);
      g_assert_cmpint (a->max_score, ==, b->max_score);
      g_assert_cmpint (a->state, ==, b->state);
      if (a->state == SD_MARK_SCORED)
        g_assert_cmpint (a->score, ==, b->score);
    }
  g_assert_cmpint (score_of (back), ==, score_of (call));

  /* Update: another day and score. */
  g_assert_true (sd_call_set_score (back, "closing", 0));
  sd_test_set_date (&back->date, "2026-04-01");
  g_assert_true (sd_store_people_update_call (f->store, back, &error));
  g_assert_no_error (error);
  sd_test_set_date (&from, "2026-04-01");
  sd_test_set_date (&to, "2026-04-30");
  list = sd_store_people_list_calls (f->store, f->ivanov, &from, &to, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (score_of (g_ptr_array_index (list, 0)), ==, score_of (back));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sd_store_people_list_calls (f->store, f->petrova, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_true (sd_store_people_remove_call (f->store, id, &error));
  g_assert_cmpuint (count_calls (f->store), ==, 0);
  g_assert_true (sd_store_undo (f->store, &error));
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  g_assert_false (sd_store_people_remove_call (f->store, id + 100, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
}

static void
test_call_bad_input (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCall) outside = make_call (f->ivanov, "2026-03-10", 3, 2);
  g_autoptr(SdCall) unset = make_call (f->ivanov, "2026-03-10", 2, 2);
  g_autoptr(SdCall) nobody = make_call (9999, "2026-03-10", 2, 2);
  g_autoptr(SdCall) no_date = make_call (f->ivanov, "2026-03-10", 2, 2);
  g_autoptr(SdCall) unweighted = make_call (f->ivanov, "2026-03-10", 2, 2);
  SdCall *calls[] = { outside, unset, nobody, no_date, unweighted };

  ((SdMark *) g_ptr_array_index (unset->marks, 3))->state = SD_MARK_UNSET;
  g_date_clear (&no_date->date, 1);
  ((SdMark *) g_ptr_array_index (unweighted->marks, 0))->weight += 1;
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_cmpint (sd_store_people_add_call (f->store, calls[i], &error), ==, 0);
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_calls (f->store), ==, 0);
  /* Nothing was written, so the last undo step is still adding a member. */
  g_assert_cmpstr (sd_store_get_undo_label (f->store), !=, "Score call");
}

static void
test_call_monthly_average (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct { const char *day; int first; int rest; gint64 manager; } rows[] = {
    { "2026-03-01", 2, 2, f->ivanov },   /* 100 */
    { "2026-03-15", 0, 2, f->ivanov },   /* 100 − w₀ */
    { "2026-03-31", 1, 1, f->ivanov },   /* 50 */
    { "2026-04-01", 2, 2, f->ivanov },   /* next month */
    { "2026-03-20", 0, 0, f->petrova },  /* another manager */
  };
  gint64 expected_sum = 0;
  gint64 value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SdCall) call = make_call (rows[i].manager, rows[i].day, rows[i].first,
                                          rows[i].rest);

      if (i < 3)
        expected_sum += score_of (call);
      g_assert_cmpint (sd_store_people_add_call (f->store, call, &error), >, 0);
      g_assert_no_error (error);
    }
  /* The default checklist's first criterion weighs 8: 100, 92 and 50 → 80.67. */
  g_assert_cmpint (expected_sum, ==, 242);
  g_assert_true (sd_store_people_call_score_for_month (f->store, f->ivanov,
                                                       sd_month_make (2026, 3), &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 8067);
  g_assert_true (sd_store_people_call_score_for_month (f->store, f->petrova,
                                                       sd_month_make (2026, 3), &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (sd_store_people_call_score_for_month (f->store, f->ivanov,
                                                        sd_month_make (2026, 2), &value, &error));
  g_assert_no_error (error);

  /* Calls of 92 and 97 in May (the second without its greeting: 89 of 92) → 94.5 exactly. */
  {
    g_autoptr(SdCall) a = make_call (f->ivanov, "2026-05-05", 0, 2);
    g_autoptr(SdCall) b = make_call (f->ivanov, "2026-05-06", 2, 2);

    g_assert_true (sd_call_set_not_applicable (b, "greeting"));
    g_assert_true (sd_call_set_score (b, "voice", 1));
    g_assert_cmpint (score_of (a), ==, 92);
    g_assert_cmpint (score_of (b), ==, 97);
    g_assert_cmpint (sd_store_people_add_call (f->store, a, &error), >, 0);
    g_assert_cmpint (sd_store_people_add_call (f->store, b, &error), >, 0);
    g_assert_true (sd_store_people_call_score_for_month (f->store, f->ivanov,
                                                         sd_month_make (2026, 5), &value, &error));
    g_assert_cmpint (value, ==, 9450);
  }
  /* The same as the core's KPI average over the stored calls. */
  {
    g_autoptr(GPtrArray) calls = sd_store_people_list_calls (f->store, 0, NULL, NULL, &error);
    gint64 average = 0;

    g_assert_true (sd_call_scores_average (calls, f->ivanov, sd_month_make (2026, 5),
                                           sd_month_make (2026, 5), &average, NULL));
    g_assert_cmpint (average, ==, 9450);
  }
}

static SdAssessment *
make_assessment (gint64      manager_id,
                 const char *day,
                 int         score)
{
  g_autoptr(SdChecklist) template_ = sd_checklist_new_default_assessment ();
  SdAssessment *a;
  GDate date;

  sd_test_set_date (&date, day);
  a = sd_assessment_new_for_template (template_, manager_id, &date);
  for (guint i = 0; i < a->marks->len; i++)
    {
      SdMark *m = g_ptr_array_index (a->marks, i);

      g_assert_true (sd_assessment_set_score (a, m->key, i == 0 ? 5 : score));
    }
  return a;
}

static void
test_assessment_previous (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAssessment) first = make_assessment (f->ivanov, "2026-01-15", 3);
  g_autoptr(SdAssessment) second = make_assessment (f->ivanov, "2026-04-15", 4);
  g_autoptr(SdAssessment) other = make_assessment (f->petrova, "2026-03-15", 2);
  g_autoptr(SdAssessment) bad = make_assessment (f->ivanov, "2026-05-15", 4);
  g_autoptr(SdAssessment) previous = NULL;
  g_autoptr(SdAssessmentComparison) cmp = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id1, id2;

  first->assessor = g_strdup ("Соколова Анна");
  id1 = sd_store_people_add_assessment (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_people_add_assessment (f->store, other, &error), >, 0);
  id2 = sd_store_people_add_assessment (f->store, second, &error);
  g_assert_cmpint (id2, >, id1);

  /* A competency scored 6 of 5: refused. */
  ((SdMark *) g_ptr_array_index (bad->marks, 1))->score = 6;
  g_assert_cmpint (sd_store_people_add_assessment (f->store, bad, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = sd_store_people_list_assessments (f->store, f->ivanov, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SdAssessment *) g_ptr_array_index (list, 0))->assessor, ==, "Соколова Анна");
  previous = sd_store_people_get_previous_assessment (f->store, g_ptr_array_index (list, 1),
                                                      &error);
  g_assert_no_error (error);
  g_assert_nonnull (previous);
  g_assert_cmpint (previous->id, ==, id1);
  cmp = sd_assessment_compare (previous, g_ptr_array_index (list, 1));
  g_assert_nonnull (cmp);
  g_assert_cmpuint (cmp->n_better, ==, first->marks->len - 1);
  g_assert_cmpuint (cmp->n_same, ==, 1);
  g_clear_pointer (&previous, sd_assessment_free);
  previous = sd_store_people_get_previous_assessment (f->store, g_ptr_array_index (list, 0),
                                                      &error);
  g_assert_no_error (error);
  g_assert_null (previous);
}

static SdIdp *
make_idp (gint64      manager_id,
          const char *created,
          const char *deadline)
{
  SdIdp *idp;
  SdIdpAction *action;
  GDate date, due;

  sd_test_set_date (&date, created);
  sd_test_set_date (&due, deadline);
  idp = sd_idp_new (manager_id, &date);
  idp->title = g_strdup ("План развития");
  sd_idp_add_goal (idp, sd_idp_goal_new (SD_IDP_TARGET_CALL_SCORE, "Оценка звонков", 6000, 8000));
  action = sd_idp_action_new (SD_IDP_ACTION_PROBLEM_ZONE, "Разбор звонков", "РОП", &due);
  action->goal = 0;
  sd_idp_add_action (idp, action);
  sd_idp_add_action (idp, sd_idp_action_new (SD_IDP_ACTION_QUALIFICATION, "Тренинг", "РОП", &due));
  return idp;
}

static void
test_idp_round_trip_and_status (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdIdp) idp = make_idp (f->ivanov, "2026-03-01", "2026-03-31");
  g_autoptr(SdIdp) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GDate today;
  gint64 id, bp = 0;

  id = sd_store_people_add_idp (f->store, idp, &error);
  g_assert_no_error (error);
  back = sd_store_people_get_idp (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->manager_id, ==, f->ivanov);
  g_assert_cmpstr (back->title, ==, "План развития");
  g_assert_cmpuint (back->goals->len, ==, 1);
  g_assert_cmpuint (back->actions->len, ==, 2);

  /* planned → done records the day; done → cancelled is not allowed. */
  sd_test_set_date (&today, "2026-03-20");
  g_assert_true (sd_store_people_set_action_status (f->store, id, 0, SD_IDP_STATUS_DONE, &today,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (f->store), ==, "Change action status");
  g_assert_false (sd_store_people_set_action_status (f->store, id, 0, SD_IDP_STATUS_CANCELLED,
                                                     &today, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sd_store_people_set_action_status (f->store, id, 5, SD_IDP_STATUS_DONE,
                                                     &today, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&back, sd_idp_free);
  back = sd_store_people_get_idp (f->store, id, &error);
  g_assert_cmpint (((SdIdpAction *) g_ptr_array_index (back->actions, 0))->status, ==,
                   SD_IDP_STATUS_DONE);
  g_assert_cmpint (g_date_compare (&((SdIdpAction *) g_ptr_array_index (back->actions, 0))->done_on,
                                   &today), ==, 0);
  g_assert_true (sd_idp_completion_bp (back, &bp));
  g_assert_cmpint (bp, ==, 5000);

  /* An action without an owner: refused, the plan unchanged. */
  g_free (((SdIdpAction *) g_ptr_array_index (back->actions, 1))->owner);
  ((SdIdpAction *) g_ptr_array_index (back->actions, 1))->owner = NULL;
  g_assert_false (sd_store_people_update_idp (f->store, back, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = sd_store_people_list_idps (f->store, f->ivanov, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SdIdpAction *) g_ptr_array_index (((SdIdp *) g_ptr_array_index (list, 0))->actions, 1))->owner,
                   ==, "РОП");

  g_assert_true (sd_store_undo (f->store, &error));
  g_clear_pointer (&back, sd_idp_free);
  back = sd_store_people_get_idp (f->store, id, &error);
  g_assert_cmpint (((SdIdpAction *) g_ptr_array_index (back->actions, 0))->status, ==,
                   SD_IDP_STATUS_PLANNED);
  g_assert_true (sd_store_people_remove_idp (f->store, id, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sd_store_people_list_idps (f->store, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_attention_constructed_company (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SdIdp) idp = make_idp (f->petrova, "2026-02-01", "2026-03-10");
  SdPlanEntry plan[6];
  GDate today;
  gboolean saw_ivanov = FALSE, saw_petrova = FALSE;

  /* Иванов does 50 % of his plan in April and May; Петрова does all of hers. */
  for (guint i = 0; i < 3; i++)
    {
      SdFact fact = { 0, };

      plan[2 * i] = (SdPlanEntry) { f->ivanov, sd_month_make (2026, 3 + i), 100000000, 0, 0 };
      plan[2 * i + 1] = (SdPlanEntry) { f->petrova, sd_month_make (2026, 3 + i), 100000000, 0, 0 };
      fact.manager_id = f->ivanov;
      fact.month = sd_month_make (2026, 3 + i);
      fact.revenue = i == 0 ? 100000000 : 50000000;
      g_assert_true (sd_store_set_fact (f->store, &fact, &error));
      fact.manager_id = f->petrova;
      fact.revenue = 100000000;
      g_assert_true (sd_store_set_fact (f->store, &fact, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sd_store_import_plan (f->store, plan, G_N_ELEMENTS (plan), "План", NULL, &error));
  g_assert_no_error (error);
  /* Петрова's plan has actions past their deadline. */
  g_assert_cmpint (sd_store_people_add_idp (f->store, idp, &error), >, 0);
  g_assert_no_error (error);

  sd_test_set_date (&today, "2026-06-10");
  found = sd_store_people_find_attention (f->store, sd_month_make (2026, 5), &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      SdAttention *a = g_ptr_array_index (found, i);
      g_autofree char *text = sd_attention_get_text (a);

      g_assert_cmpuint (strlen (text), >, 10);
      if (a->manager_id == f->ivanov)
        {
          saw_ivanov = TRUE;
          g_assert_cmpint (a->flags, ==, SD_ATTENTION_LAGGING);
          g_assert_cmpuint (a->lag_months, ==, 2);
        }
      else if (a->manager_id == f->petrova)
        {
          saw_petrova = TRUE;
          g_assert_cmpint (a->flags, ==, SD_ATTENTION_OVERDUE_ACTIONS);
          g_assert_cmpuint (a->n_overdue, ==, 2);
        }
    }
  g_assert_true (saw_ivanov && saw_petrova);

}

static void
test_corrupt_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCall) call = make_call (f->ivanov, "2026-03-10", 2, 2);
  g_autoptr(SdAssessment) a = make_assessment (f->ivanov, "2026-03-10", 3);
  g_autoptr(SdIdp) idp = make_idp (f->ivanov, "2026-03-01", "2026-03-31");
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) idps = NULL;

  g_assert_cmpint (sd_store_people_add_call (f->store, call, &error), >, 0);
  g_assert_cmpint (sd_store_people_add_assessment (f->store, a, &error), >, 0);
  g_assert_cmpint (sd_store_people_add_idp (f->store, idp, &error), >, 0);
  g_assert_no_error (error);
  /* Damaged by hand: every list says so instead of crashing or inventing scores. */
  g_assert_true (_sd_store_exec (f->store, "UPDATE main.call_score SET marks = '[{\"key\":1}]';"
                                           "UPDATE main.assessment SET marks = 'nonsense';"
                                           "UPDATE main.idp SET json = '{\"goals\":5}';", &error));
  g_assert_no_error (error);
  calls = sd_store_people_list_calls (f->store, 0, NULL, NULL, &error);
  g_assert_null (calls);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  assessments = sd_store_people_list_assessments (f->store, 0, &error);
  g_assert_null (assessments);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  idps = sd_store_people_list_idps (f->store, 0, &error);
  g_assert_null (idps);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT);
}

static SdStore *
demo_with_people (const char  *path,
                  const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdDemoCompany) demo = sd_demo_generate (6, 1, 42, today);
  SdStore *store = sd_store_create (path, "Demo", "RUB", &error);

  g_assert_no_error (error);
  /* sd_store_fill_demo scores calls, assesses and plans development itself. */
  g_assert_true (sd_store_fill_demo (store, demo, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_demo_people (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = g_build_filename (f->dir, "a.salesdesk", NULL);
  g_autofree char *path_b = g_build_filename (f->dir, "b.salesdesk", NULL);
  g_autoptr(SdStore) a = NULL;
  g_autoptr(SdStore) b = NULL;
  g_autoptr(GPtrArray) calls_a = NULL;
  g_autoptr(GPtrArray) calls_b = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) idps = NULL;
  g_autoptr(GPtrArray) attention = NULL;
  GDate today;
  gboolean falling = FALSE, overdue = FALSE;

  sd_test_set_date (&today, "2026-11-22");
  a = demo_with_people (path_a, &today);
  b = demo_with_people (path_b, &today);
  calls_a = sd_store_people_list_calls (a, 0, NULL, NULL, &error);
  calls_b = sd_store_people_list_calls (b, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 6 managers, 12 months, 3–5 calls a month (fewer for recent hires). */
  g_assert_cmpuint (calls_a->len, >, 100);
  g_assert_cmpuint (calls_a->len, ==, calls_b->len);
  for (guint i = 0; i < calls_a->len; i++)
    {
      const SdCall *x = g_ptr_array_index (calls_a, i);
      const SdCall *y = g_ptr_array_index (calls_b, i);
      int sx = -1, sy = -2;
      GDate later;

      g_assert_true (sd_call_compute_score (x, &sx, NULL));
      g_assert_true (sd_call_compute_score (y, &sy, NULL));
      g_assert_cmpint (sx, ==, sy);
      g_assert_cmpint (g_date_compare (&x->date, &y->date), ==, 0);
      later = x->date;
      g_assert_cmpint (g_date_compare (&later, &today), <=, 0);
    }
  lists = sd_store_people_list_checklists (a, SD_CHECKLIST_CALL, FALSE, &error);
  g_assert_cmpuint (lists->len, ==, 1);
  assessments = sd_store_people_list_assessments (a, 0, &error);
  g_assert_cmpuint (assessments->len, >=, 6);
  idps = sd_store_people_list_idps (a, 0, &error);
  g_assert_cmpuint (idps->len, ==, 1);

  /* Someone's scores fall and someone's plan is overdue: the attention list has both. */
  attention = sd_store_people_find_attention (a, sd_month_make (2026, 10), &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < attention->len; i++)
    {
      const SdAttention *x = g_ptr_array_index (attention, i);

      falling |= (x->flags & SD_ATTENTION_FALLING_SCORES) != 0;
      overdue |= (x->flags & SD_ATTENTION_OVERDUE_ACTIONS) != 0;
    }
  g_assert_true (falling);
  g_assert_true (overdue);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sd_test_private_home ("test-store-people-home-XXXXXX");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/store-people/" path, Fixture, NULL, fixture_setup, fn, \
                                  fixture_teardown)
  g_test_add_func ("/store-people/json/checklist-round-trip", test_json_checklist_round_trip);
  g_test_add_func ("/store-people/json/bad-text", test_json_bad_text);
  g_test_add_func ("/store-people/json/idp-round-trip", test_json_idp_round_trip);
  ADD ("checklist/default-on-first-use", test_checklist_default_on_first_use);
  ADD ("checklist/crud-and-bad-input", test_checklist_crud_and_bad_input);
  ADD ("call/round-trip", test_call_round_trip);
  ADD ("call/bad-input", test_call_bad_input);
  ADD ("call/monthly-average", test_call_monthly_average);
  ADD ("assessment/previous", test_assessment_previous);
  ADD ("idp/round-trip-and-status", test_idp_round_trip_and_status);
  ADD ("attention/constructed-company", test_attention_constructed_company);
  ADD ("demo/deterministic-with-attention", test_demo_people);
  ADD ("corrupt/rows-refused", test_corrupt_rows);
#undef ADD

  {
    int result = g_test_run ();

    sd_test_remove_tree (home);
    return result;
  }
}
