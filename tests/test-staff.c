/* test-staff.c — the people of the sales department
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-staff"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sd-staff.h"
#include "sd-test-util.h"

static SdStaffMember *
make_member (const char *name,
             SdRole      role,
             const char *hired,
             const char *left)
{
  SdStaffMember *member = sd_staff_member_new ();

  member->name = g_strdup (name);
  member->role = role;
  if (hired != NULL)
    g_assert_true (sd_date_parse (hired, &member->hired, NULL));
  if (left != NULL)
    g_assert_true (sd_date_parse (left, &member->left, NULL));

  return member;
}

static void
test_new_copy_free_equal (void)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(SdStaffMember) copy = NULL;

  g_assert_cmpint (member->id, ==, 0);
  g_assert_null (member->name);
  g_assert_cmpint (member->role, ==, SD_ROLE_MANAGER);
  g_assert_false (g_date_valid (&member->hired));
  g_assert_false (g_date_valid (&member->left));
  g_assert_false (member->archived);
  g_assert_null (member->scheme);

  member->id = 7;
  member->name = g_strdup ("Анна Петрова");
  member->scheme = g_strdup ("Базовая");
  sd_test_set_dmy (&member->hired, 2026, 3, 15);

  copy = sd_staff_member_copy (member);
  g_assert_true (copy->name != member->name);
  g_assert_true (sd_staff_member_equal (member, copy));
  g_assert_true (sd_staff_member_equal (member, member));
  g_assert_false (sd_staff_member_equal (member, NULL));
  g_assert_true (sd_staff_member_equal (NULL, NULL));

  /* Every field counts. */
  copy->id = 8;
  g_assert_false (sd_staff_member_equal (member, copy));
  copy->id = 7;
  copy->role = SD_ROLE_HEAD;
  g_assert_false (sd_staff_member_equal (member, copy));
  copy->role = SD_ROLE_MANAGER;
  sd_test_set_dmy (&copy->left, 2026, 4, 1);
  g_assert_false (sd_staff_member_equal (member, copy));
  g_date_clear (&copy->left, 1);
  sd_test_set_dmy (&copy->hired, 2026, 3, 16);
  g_assert_false (sd_staff_member_equal (member, copy));
  copy->hired = member->hired;
  copy->archived = TRUE;
  g_assert_false (sd_staff_member_equal (member, copy));
  copy->archived = FALSE;
  g_clear_pointer (&copy->scheme, g_free);
  g_assert_false (sd_staff_member_equal (member, copy));
  copy->scheme = g_strdup ("Базовая");
  g_free (copy->name);
  copy->name = g_strdup ("Анна Петрова ");
  g_assert_false (sd_staff_member_equal (member, copy));
  g_free (copy->name);
  copy->name = g_strdup ("Анна Петрова");
  g_assert_true (sd_staff_member_equal (member, copy));

  sd_staff_member_free (NULL);
}

static void
test_validate_accepts (void)
{
  g_autoptr(SdStaffMember) plain = make_member ("Иван Иванов", SD_ROLE_MANAGER, "2026-03-15", NULL);
  g_autoptr(SdStaffMember) same_day = make_member (" Иван ", SD_ROLE_HEAD, "2026-03-15", "2026-03-15");
  g_autoptr(SdStaffMember) longest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (name, "Ж");
  longest = make_member (name->str, SD_ROLE_MANAGER, "2026-03-15", NULL);

  g_assert_true (sd_staff_member_validate (plain, &error));
  g_assert_no_error (error);
  g_assert_true (sd_staff_member_validate (same_day, &error));
  g_assert_true (sd_staff_member_validate (longest, &error));
  g_assert_no_error (error);
}

static void
test_validate_rejects (void)
{
  g_autoptr(GString) too_long = g_string_new ("  ");
  struct {
    const char *name;
    const char *hired;
    const char *left;
    const char *in_message;
  } cases[] = {
    { NULL, "2026-03-15", NULL, "name" },
    { "", "2026-03-15", NULL, "name" },
    { " \t\xc2\xa0 ", "2026-03-15", NULL, "name" },
    { "Иван\nИванов", "2026-03-15", NULL, "name" },
    { "Иван\tИванов", "2026-03-15", NULL, "name" },
    { "\xd0", "2026-03-15", NULL, "name" },
    { NULL, "2026-03-15", NULL, "200" },    /* too long, set below */
    { "Иван", NULL, NULL, "hire" },
    { "Иван", "2026-03-15", "2026-02-01", "hire date" },
  };

  for (guint i = 0; i < 201; i++)
    g_string_append (too_long, "Ж");
  g_string_append (too_long, "  ");
  cases[6].name = too_long->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdStaffMember) member = make_member (cases[i].name, SD_ROLE_MANAGER,
                                                     cases[i].hired, cases[i].left);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (sd_staff_member_validate (member, &error));
      g_assert_error (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

static void
test_validate_names_both_dates (void)
{
  g_autoptr(SdStaffMember) member = make_member ("Иван", SD_ROLE_MANAGER, "2026-03-15", "2026-02-01");
  g_autoptr(GError) error = NULL;
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);

  /* Dates are written the way the reader writes them. */
  if (setlocale (LC_ALL, "ru_RU.UTF-8") != NULL)
    {
      g_assert_false (sd_staff_member_validate (member, &error));
      g_assert_nonnull (strstr (error->message, "01.02.2026"));
      g_assert_nonnull (strstr (error->message, "15.03.2026"));
      g_clear_error (&error);
    }

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_assert_false (sd_staff_member_validate (member, &error));
  if (sd_number_style_current () == SD_NUMBER_STYLE_EN)
    {
      g_assert_nonnull (strstr (error->message, "2026-02-01"));
      g_assert_nonnull (strstr (error->message, "2026-03-15"));
    }

  setlocale (LC_ALL, saved);
}

static void
test_works_on_and_in (void)
{
  g_autoptr(SdStaffMember) member = make_member ("Иван", SD_ROLE_MANAGER, "2026-03-15", "2026-05-10");
  g_autoptr(SdStaffMember) staying = make_member ("Анна", SD_ROLE_MANAGER, "2026-03-15", NULL);
  GDate date;

  sd_test_set_dmy (&date, 2026, 3, 14);
  g_assert_false (sd_staff_member_works_on (member, &date));
  sd_test_set_dmy (&date, 2026, 3, 15);
  g_assert_true (sd_staff_member_works_on (member, &date));
  sd_test_set_dmy (&date, 2026, 5, 10);
  g_assert_true (sd_staff_member_works_on (member, &date));
  sd_test_set_dmy (&date, 2026, 5, 11);
  g_assert_false (sd_staff_member_works_on (member, &date));
  g_assert_true (sd_staff_member_works_on (staying, &date));
  sd_test_set_dmy (&date, 2100, 1, 1);
  g_assert_true (sd_staff_member_works_on (staying, &date));

  g_assert_false (sd_staff_member_works_in (member, sd_month_make (2026, 2)));
  g_assert_true (sd_staff_member_works_in (member, sd_month_make (2026, 3)));
  g_assert_true (sd_staff_member_works_in (member, sd_month_make (2026, 5)));
  g_assert_false (sd_staff_member_works_in (member, sd_month_make (2026, 6)));
  g_assert_true (sd_staff_member_works_in (staying, sd_month_make (2030, 6)));
}

static void
test_worked_days (void)
{
  SdCalendar *calendar = sd_calendar_get_default ();
  static const struct {
    const char *hired;
    const char *left;
    int         year, month;
    guint       expected;
  } cases[] = {
    { "2026-03-15", NULL, 2026, 2, 0 },         /* before hire */
    { "2026-03-15", NULL, 2026, 3, 12 },        /* 16–31 March */
    { "2026-03-16", NULL, 2026, 3, 12 },        /* hire day counts */
    { "2026-03-10", NULL, 2026, 3, 16 },
    { "2026-03-15", NULL, 2026, 4, 22 },        /* a whole month */
    { "2026-01-01", "2026-03-13", 2026, 3, 9 }, /* leave day counts: 2–13 March minus 9th */
    { "2026-01-01", "2026-03-09", 2026, 3, 5 }, /* left on a holiday */
    { "2026-01-01", "2026-02-28", 2026, 3, 0 }, /* after leaving */
    { "2026-03-10", "2026-03-10", 2026, 3, 1 }, /* a single day */
    { "2026-03-07", "2026-03-08", 2026, 3, 0 }, /* a weekend only */
    { "2025-11-01", "2025-11-01", 2025, 11, 1 },/* a working Saturday */
    { "2020-01-01", NULL, 2026, 1, 15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SdStaffMember) member = make_member ("Иван", SD_ROLE_MANAGER,
                                                     cases[i].hired, cases[i].left);

      g_test_message ("case %u", i);
      g_assert_cmpuint (sd_staff_member_worked_days (member, calendar,
                                                     sd_month_make (cases[i].year, cases[i].month)),
                        ==, cases[i].expected);
    }
}

static void
test_roles (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    SdRole      role;
  } cases[] = {
    { "manager", TRUE, SD_ROLE_MANAGER },
    { "Manager", TRUE, SD_ROLE_MANAGER },
    { " MANAGER ", TRUE, SD_ROLE_MANAGER },
    { "менеджер", TRUE, SD_ROLE_MANAGER },
    { "Менеджер", TRUE, SD_ROLE_MANAGER },
    { "head", TRUE, SD_ROLE_HEAD },
    { "HEAD", TRUE, SD_ROLE_HEAD },
    { "РОП", TRUE, SD_ROLE_HEAD },
    { "роп", TRUE, SD_ROLE_HEAD },
    { "Руководитель", TRUE, SD_ROLE_HEAD },
    { "", FALSE, 0 },
    { "boss", FALSE, 0 },
    { "manager2", FALSE, 0 },
    { "\xff", FALSE, 0 },
    { NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SdRole role = 99;

      g_assert_cmpint (sd_role_from_string (cases[i].text, &role), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (role, ==, cases[i].role);
      else
        g_assert_cmpint (role, ==, 99);
    }

  g_assert_cmpstr (sd_role_to_string (SD_ROLE_MANAGER), ==, "manager");
  g_assert_cmpstr (sd_role_to_string (SD_ROLE_HEAD), ==, "head");
  /* No translation is loaded in tests: the English source strings. */
  g_assert_cmpstr (sd_role_get_label (SD_ROLE_MANAGER), ==, "Manager");
  g_assert_cmpstr (sd_role_get_label (SD_ROLE_HEAD), ==, "Head of sales");
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  static const char * const expected[] = { "Яна", "Алексей", "Борис", "Борис", "Вера" };
  SdStaffMember *m;

  g_ptr_array_add (members, make_member ("Вера", SD_ROLE_MANAGER, "2026-01-01", NULL));
  m = make_member ("Борис", SD_ROLE_MANAGER, "2026-01-01", NULL);
  m->id = 9;
  g_ptr_array_add (members, m);
  g_ptr_array_add (members, make_member ("Яна", SD_ROLE_HEAD, "2026-01-01", NULL));
  m = make_member ("Борис", SD_ROLE_MANAGER, "2026-01-01", NULL);
  m->id = 3;
  g_ptr_array_add (members, m);
  g_ptr_array_add (members, make_member ("Алексей", SD_ROLE_MANAGER, "2026-01-01", NULL));

  g_ptr_array_sort (members, sd_staff_member_compare);

  for (guint i = 0; i < members->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (members, i);

      g_assert_cmpstr (member->name, ==, expected[i]);
    }
  /* Equal names: by id. */
  g_assert_cmpint (((SdStaffMember *) g_ptr_array_index (members, 2))->id, ==, 3);
  g_assert_cmpint (((SdStaffMember *) g_ptr_array_index (members, 3))->id, ==, 9);

  g_assert_cmpint (sd_staff_member_collate (g_ptr_array_index (members, 0),
                                            g_ptr_array_index (members, 1)), ==, -1);
  g_assert_cmpint (sd_staff_member_collate (g_ptr_array_index (members, 4),
                                            g_ptr_array_index (members, 1)), ==, 1);
  g_assert_cmpint (sd_staff_member_collate (g_ptr_array_index (members, 4),
                                            g_ptr_array_index (members, 4)), ==, 0);
}

/* sd_staff_sort (one collation key per name) orders exactly as the comparison does. */
static void
test_sort_matches_compare (void)
{
  static const char * const names[] = {
    "Вера", "вера", "Борис", "Zoe", "zoë", "Ёлкин", "Елкин", "Anna", "Яна", "Алексей",
    "Борис", "Émile", "emile", "Щукин", "1С Иванов", "",
  };
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  g_autoptr(GPtrArray) b = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdStaffMember *m = make_member (names[i], i % 7 == 3 ? SD_ROLE_HEAD : SD_ROLE_MANAGER,
                                      "2026-01-01", NULL);

      m->id = (gint64) ((i * 7) % G_N_ELEMENTS (names)) + 1;
      g_ptr_array_add (a, m);
      g_ptr_array_add (b, m);
    }
  g_ptr_array_sort (a, sd_staff_member_compare);
  sd_staff_sort (b);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (g_ptr_array_index (a, i) == g_ptr_array_index (b, i));
  g_assert_cmpint (((SdStaffMember *) g_ptr_array_index (b, 0))->role, ==, SD_ROLE_HEAD);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff/member/new-copy-equal", test_new_copy_free_equal);
  g_test_add_func ("/staff/validate/accepts-sound-members", test_validate_accepts);
  g_test_add_func ("/staff/validate/rejects-with-reason", test_validate_rejects);
  g_test_add_func ("/staff/validate/leave-before-hire-names-both-dates", test_validate_names_both_dates);
  g_test_add_func ("/staff/works/on-day-and-in-month", test_works_on_and_in);
  g_test_add_func ("/staff/worked-days/hire-and-leave-inclusive", test_worked_days);
  g_test_add_func ("/staff/role/strings-and-labels", test_roles);
  g_test_add_func ("/staff/compare/heads-first-then-name-then-id", test_compare);
  g_test_add_func ("/staff/sort/matches-compare", test_sort_matches_compare);

  return g_test_run ();
}
