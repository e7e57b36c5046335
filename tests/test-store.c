/* test-store.c — the company file: create, open, bad files, staff, history, undo, backups,
 * migrations
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sd-scheme-library.h"
#include "sd-store.h"
#include "sd-store-private.h"
#include "sd-migrations.h"
#include "sd-test-store.h"

static char *test_exe;

/* --- fixture: a private folder per test --- */

typedef struct {
  char *dir;
  char *path;   /* dir/company.salesdesk, not created */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sd_test_make_dir ("test-store-XXXXXX");
  f->path = g_build_filename (f->dir, "company.salesdesk", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* --- helpers --- */

static SdStaffMember *
make_member (const char *name,
             SdRole      role,
             const char *hired,
             const char *left,
             const char *scheme)
{
  SdStaffMember *member = sd_staff_member_new ();

  g_free (member->name);
  member->name = g_strdup (name);
  member->role = role;
  sd_test_set_date (&member->hired, hired);
  sd_test_set_date (&member->left, left);
  g_free (member->scheme);
  member->scheme = g_strdup (scheme);

  return member;
}

static char *
date_iso (const GDate *date)
{
  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
assert_member (const SdStaffMember *member,
               gint64               id,
               const char          *name,
               SdRole               role,
               const char          *hired,
               const char          *left,
               gboolean             archived,
               const char          *scheme)
{
  g_autofree char *hired_iso = date_iso (&member->hired);
  g_autofree char *left_iso = date_iso (&member->left);

  g_assert_nonnull (member);
  if (id > 0)
    g_assert_cmpint (member->id, ==, id);
  g_assert_cmpstr (member->name, ==, name);
  g_assert_cmpint (member->role, ==, role);
  g_assert_cmpstr (hired_iso, ==, hired);
  g_assert_cmpstr (left_iso, ==, left);
  g_assert_cmpint (member->archived, ==, archived);
  g_assert_cmpstr (member->scheme, ==, scheme);
}

static gint64
add_person (SdStore    *store,
            const char *name)
{
  g_autoptr(SdStaffMember) member = make_member (name, SD_ROLE_MANAGER, "2024-01-15", NULL,
                                                 NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = sd_store_add_staff (store, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static guint
count_staff (SdStore  *store,
             gboolean  include_archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = sd_store_list_staff (store, include_archived, &error);

  g_assert_no_error (error);
  return staff->len;
}

static gboolean
has_person (SdStore    *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = sd_store_list_staff (store, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    if (g_strcmp0 (((SdStaffMember *) g_ptr_array_index (staff, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static SdStore *
create_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_create (path, "ООО Ромашка", "RUB", &error);

  g_assert_no_error (error);
  g_assert_true (SD_IS_STORE (store));
  return store;
}

static SdStore *
open_store (const char       *path,
            SdStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_true (SD_IS_STORE (store));
  return store;
}

static void
assert_bytes_unchanged (const char *path,
                        GBytes     *before)
{
  g_autoptr(GBytes) after = sd_test_read_bytes (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_dir_sorted (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  return names;
}

/* Signal and notify counters. */
typedef struct {
  guint changed;
  guint last_changes;
  guint can_undo;
  guint can_redo;
  guint company_name;
} Counters;

static void
on_changed (SdStore *store,
            guint    changes,
            gpointer user_data)
{
  Counters *counters = user_data;

  counters->changed++;
  counters->last_changes = changes;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Counters *counters = user_data;

  if (g_str_equal (pspec->name, "can-undo"))
    counters->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    counters->can_redo++;
  else if (g_str_equal (pspec->name, "company-name"))
    counters->company_name++;
}

static void
watch (SdStore  *store,
       Counters *counters)
{
  memset (counters, 0, sizeof *counters);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), counters);
  g_signal_connect (store, "notify", G_CALLBACK (on_notify), counters);
}

/* A small demo company built by hand: a head and two managers, facts and a plan. */
static SdDemoCompany *
make_demo (void)
{
  SdDemoCompany *demo = g_new0 (SdDemoCompany, 1);
  SdStaffMember *member;
  /* Out of order, to prove the lists sort. `month` is an offset from 2024-01 here. */
  static const SdFact facts[] = {
    { 3, 1, 99, 98, 97, 96, 95, 94 },
    { 2, 0, 150000050, 120000000, -3000000, 12, 140, 810 },
    { 3, 0, G_MAXINT64, G_MAXINT64 - 1, G_MININT64 + 1, 1, 2, 3 },
    { 2, 1, 1, 0, 0, 0, 0, 0 },
  };
  static const SdPlanEntry plan[] = {
    { 3, 0, G_MAXINT64, 150, 15 },
    { 0, 1, 510000000, 310, 31 },
    { 0, 0, 500000000, 300, 30 },
    { 2, 0, 200000000, 150, 15 },
  };

  demo->company_name = g_strdup ("ООО Вектор");
  demo->currency = g_strdup ("KZT");
  demo->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);

  member = make_member ("Соколова Анна", SD_ROLE_HEAD, "2023-05-02", NULL, "Team");
  member->id = 1;
  g_ptr_array_add (demo->staff, member);
  member = make_member ("Иванов Пётр", SD_ROLE_MANAGER, "2024-01-10", NULL, NULL);
  member->id = 2;
  g_ptr_array_add (demo->staff, member);
  member = make_member ("Петров Олег", SD_ROLE_MANAGER, "2023-11-01", "2024-02-29", "Base");
  member->id = 3;
  g_ptr_array_add (demo->staff, member);

  demo->facts = g_array_new (FALSE, TRUE, sizeof (SdFact));
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      SdFact fact = facts[i];

      fact.month = sd_month_make (2024, 1) + facts[i].month;
      g_array_append_val (demo->facts, fact);
    }

  demo->plan = g_array_new (FALSE, TRUE, sizeof (SdPlanEntry));
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      SdPlanEntry entry = plan[i];

      entry.month = sd_month_make (2024, 1) + plan[i].month;
      g_array_append_val (demo->plan, entry);
    }

  return demo;
}

static void
free_demo (SdDemoCompany *demo)
{
  g_free (demo->company_name);
  g_free (demo->currency);
  g_clear_pointer (&demo->staff, g_ptr_array_unref);
  g_clear_pointer (&demo->facts, g_array_unref);
  g_clear_pointer (&demo->plan, g_array_unref);
  g_free (demo);
}

static void
fill_small_demo (SdStore *store)
{
  SdDemoCompany *demo = make_demo ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_store_fill_demo (store, demo, &error));
  g_assert_no_error (error);
  free_demo (demo);
}

/* --- create --- */

static void
test_create_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sd_store_create (f->path, "  ООО Ромашка ", "RUB", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
  g_assert_cmpstr (sd_store_get_currency (store), ==, "RUB");
  g_assert_cmpint (sd_store_get_schema_version (store), ==, SD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sd_store_get_opened_version (store), ==, SD_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (sd_store_get_path (store), ==, f->path);
  g_assert_false (sd_store_can_undo (store));
  g_clear_object (&store);

  /* The header says whose file it is and which format. */
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA application_id"), ==,
                   SD_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, SD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (f->path, "SELECT created = date ('now', 'localtime') "
                                           "FROM company"), ==, 1);

  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
  g_assert_cmpstr (sd_store_get_currency (store), ==, "RUB");
  g_assert_cmpint (sd_store_get_opened_version (store), ==, SD_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);
  g_assert_cmpuint (sd_store_count_facts (store), ==, 0);

  /* Closing twice is fine; the journal goes with the connection. */
  sd_store_close (store);
  sd_store_close (store);
  {
    g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
    g_autoptr(SdStaffMember) member = make_member ("Поздно", SD_ROLE_MANAGER, "2024-01-01",
                                                   NULL, NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

    /* A closed store refuses edits with an error, not a crash. */
    g_assert_cmpint (sd_store_add_staff (store, member, &error), ==, 0);
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  }
}

static void
test_create_mode_0600 (Fixture       *f,
                       gconstpointer  data)
{
  static const mode_t masks[] = { 022, 0, 077 };

  for (guint i = 0; i < G_N_ELEMENTS (masks); i++)
    {
      g_autofree char *name = g_strdup_printf ("mode-%u.salesdesk", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(SdStore) store = NULL;
      mode_t old_mask = umask (masks[i]);
      GStatBuf st;

      store = create_store (path);
      /* A write makes sqlite create its journal: with the mode of the file. */
      add_person (store, "Иванов Пётр");
      umask (old_mask);

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  g_assert_true (g_file_set_contents (f->path, "precious", -1, NULL));
  before = sd_test_read_bytes (f->path);

  store = sd_store_create (f->path, "ООО Ромашка", "RUB", &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "«company.salesdesk»"));
  assert_bytes_unchanged (f->path, before);

  /* Also over a Salesdesk file. */
  g_clear_error (&error);
  g_unlink (f->path);
  g_clear_object (&store);
  store = create_store (f->path);
  g_clear_object (&store);
  g_clear_pointer (&before, g_bytes_unref);
  before = sd_test_read_bytes (f->path);
  store = sd_store_create (f->path, "Другая", "RUB", &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS);
  assert_bytes_unchanged (f->path, before);
}

static void
test_create_missing_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "c.salesdesk", NULL);
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sd_store_create (path, "ООО Ромашка", "RUB", &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "«no-such-folder»"));
  g_assert_null (store);
}

static void
test_create_rejects_invalid (Fixture       *f,
                             gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *currency;
  } cases[] = {
    { "", "RUB" },
    { "   ", "RUB" },
    { "Line\nbreak", "RUB" },
    { "ООО Ромашка", "rub" },
    { "ООО Ромашка", "RUBL" },
    { "ООО Ромашка", "RU" },
    { "ООО Ромашка", "РУБ" },
    { "ООО Ромашка", "" },
  };
  g_autofree char *long_name = NULL;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 201; i++)
    g_string_append (s, "Я");
  long_name = g_string_free (s, FALSE);

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      const char *name = i < G_N_ELEMENTS (cases) ? cases[i].name : long_name;
      const char *currency = i < G_N_ELEMENTS (cases) ? cases[i].currency : "RUB";
      g_autoptr(SdStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: «%s» %s", i, name, currency);
      store = sd_store_create (f->path, name, currency, &error);
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
      g_assert_null (store);
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
    }

  /* 200 characters are fine. */
  {
    g_autoptr(SdStore) store = NULL;
    g_autoptr(GError) error = NULL;
    const char *exactly_200 = g_utf8_offset_to_pointer (long_name, 1);

    store = sd_store_create (f->path, exactly_200, "USD", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sd_store_get_company_name (store), ==, exactly_200);
  }
}

/* --- staff --- */

static void
test_staff_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(SdStaffMember) head = make_member ("Соколова Анна", SD_ROLE_HEAD, "2023-05-02",
                                               NULL, "Команда: % от плана");
  g_autoptr(SdStaffMember) left = make_member (" Ёлкин Семён ", SD_ROLE_MANAGER, "2024-02-29",
                                               "2024-12-31", NULL);
  g_autoptr(SdStaffMember) archived = make_member ("Archer O'Brien \"Jr\"", SD_ROLE_MANAGER,
                                                   "1999-01-01", "1999-01-01", "");
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  gint64 head_id, left_id, archived_id;
  SdStaffMember *got;

  archived->archived = TRUE;
  left_id = sd_store_add_staff (store, left, &error);
  g_assert_no_error (error);
  head_id = sd_store_add_staff (store, head, &error);
  g_assert_no_error (error);
  archived_id = sd_store_add_staff (store, archived, &error);
  g_assert_no_error (error);
  g_assert_cmpint (left_id, >, 0);
  g_assert_cmpint (head_id, >, left_id);
  g_assert_cmpint (archived_id, >, head_id);
  g_clear_object (&store);

  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);

  /* Heads first; archived ones only when asked. */
  staff = sd_store_list_staff (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  assert_member (g_ptr_array_index (staff, 0), head_id, "Соколова Анна", SD_ROLE_HEAD,
                 "2023-05-02", NULL, FALSE, "Команда: % от плана");
  assert_member (g_ptr_array_index (staff, 1), left_id, "Ёлкин Семён", SD_ROLE_MANAGER,
                 "2024-02-29", "2024-12-31", FALSE, NULL);
  g_clear_pointer (&staff, g_ptr_array_unref);

  staff = sd_store_list_staff (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 3);

  got = sd_store_get_staff (store, archived_id, &error);
  g_assert_no_error (error);
  /* An empty scheme is no scheme. */
  assert_member (got, archived_id, "Archer O'Brien \"Jr\"", SD_ROLE_MANAGER, "1999-01-01",
                 "1999-01-01", TRUE, NULL);
  sd_staff_member_free (got);

  /* Update every field, clearing the leave date. */
  got = sd_store_get_staff (store, left_id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&got->name, g_free);
  got->name = g_strdup ("Ёлкин Семён Ильич");
  got->role = SD_ROLE_HEAD;
  sd_test_set_date (&got->hired, "2024-03-01");
  g_date_clear (&got->left, 1);
  got->scheme = g_strdup ("Новая");
  g_assert_true (sd_store_update_staff (store, got, &error));
  g_assert_no_error (error);
  sd_staff_member_free (got);
  g_clear_object (&store);

  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  got = sd_store_get_staff (store, left_id, &error);
  g_assert_no_error (error);
  assert_member (got, left_id, "Ёлкин Семён Ильич", SD_ROLE_HEAD, "2024-03-01", NULL, FALSE,
                 "Новая");
  sd_staff_member_free (got);

  /* No such person. */
  got = sd_store_get_staff (store, 999, &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_null (got);
}

static void
test_staff_rejects_same_name (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  static const char * const same[] = {
    "Иванов Пётр", " Иванов Пётр", "иванов пётр", "ИВАНОВ ПЁТР\xc2\xa0",
    /* decomposed ё */
    "Иванов Пе\xcc\x88тр",
  };
  gint64 ivanov, petrov;

  ivanov = add_person (store, "Иванов Пётр");
  petrov = add_person (store, "Петров Олег");

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(SdStaffMember) member = make_member (same[i], SD_ROLE_MANAGER, "2024-01-01",
                                                     NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (sd_store_add_staff (store, member, &error), ==, 0);
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "There is already a person named «Иванов Пётр»"));
      g_clear_error (&error);

      /* Renaming Петров to it is refused too; renaming Иванов to a variant of himself is not. */
      member->id = petrov;
      g_assert_false (sd_store_update_staff (store, member, &error));
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  {
    g_autoptr(SdStaffMember) member = make_member ("иванов пётр", SD_ROLE_MANAGER, "2024-01-01",
                                                   NULL, NULL);
    g_autoptr(GError) error = NULL;

    member->id = ivanov;
    g_assert_true (sd_store_update_staff (store, member, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpuint (count_staff (store, TRUE), ==, 2);
  g_assert_true (has_person (store, "иванов пётр"));
}

static void
test_staff_rejects_invalid (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(SdStaffMember) no_name = make_member ("  ", SD_ROLE_MANAGER, "2024-01-01", NULL, NULL);
  g_autoptr(SdStaffMember) left_early = make_member ("Иванов", SD_ROLE_MANAGER, "2024-03-15",
                                                     "2024-02-01", NULL);
  g_autoptr(SdStaffMember) no_hire = make_member ("Петров", SD_ROLE_MANAGER, NULL, NULL, NULL);
  g_autoptr(SdStaffMember) ghost = make_member ("Сидоров", SD_ROLE_MANAGER, "2024-01-01", NULL,
                                                NULL);
  SdStaffMember *cases[] = { no_name, left_early, no_hire };
  Counters counters;

  watch (store, &counters);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (sd_store_add_staff (store, cases[i], &error), ==, 0);
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    gboolean archived = FALSE;

    ghost->id = 4242;
    g_assert_false (sd_store_update_staff (store, ghost, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sd_store_remove_staff (store, 4242, &archived, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sd_store_restore_staff (store, 4242, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  }

  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);
  g_assert_false (sd_store_can_undo (store));
  g_assert_cmpuint (counters.changed, ==, 0);
  g_assert_cmpuint (counters.can_undo, ==, 0);
}

static void
test_staff_remove_archives_with_history (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  gboolean archived = FALSE;
  gint64 newcomer;

  fill_small_demo (store);
  newcomer = add_person (store, "Новиков Илья");

  /* Иванов (2) has facts and a plan; everyone in the demo was paid in its closed month (a
   * frozen payslip is history too); the newcomer has nothing. */
  g_assert_true (sd_store_staff_has_history (store, 2));
  g_assert_true (sd_store_staff_has_history (store, 3));
  g_assert_false (sd_store_staff_has_history (store, newcomer));

  g_assert_true (sd_store_remove_staff (store, 2, &archived, &error));
  g_assert_no_error (error);
  g_assert_true (archived);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Archive «Иванов Пётр»");
  g_assert_cmpuint (count_staff (store, FALSE), ==, 3);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 4);

  g_assert_true (sd_store_remove_staff (store, newcomer, &archived, &error));
  g_assert_no_error (error);
  g_assert_false (archived);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Remove «Новиков Илья»");
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);

  g_assert_true (sd_store_restore_staff (store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Restore «Иванов Пётр»");
  g_assert_cmpuint (count_staff (store, FALSE), ==, 3);

  /* The facts are untouched throughout. */
  g_assert_cmpuint (sd_store_count_facts (store), ==, 4);
}

/* --- history --- */

static void
assert_facts_equal (GArray *got,
                    GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    {
      const SdFact *a = &g_array_index (got, SdFact, i);
      const SdFact *b = &g_array_index (expected, SdFact, i);

      g_assert_cmpint (a->manager_id, ==, b->manager_id);
      g_assert_cmpint (a->month, ==, b->month);
      g_assert_cmpint (a->revenue, ==, b->revenue);
      g_assert_cmpint (a->paid, ==, b->paid);
      g_assert_cmpint (a->margin, ==, b->margin);
      g_assert_cmpint (a->deals, ==, b->deals);
      g_assert_cmpint (a->leads, ==, b->leads);
      g_assert_cmpint (a->calls, ==, b->calls);
    }
}

static void
test_history_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (SdFact));
  g_autoptr(GError) error = NULL;
  SdDemoCompany *demo = make_demo ();
  SdMonth jan = sd_month_make (2024, 1);
  const SdPlanEntry *entry;
  static const guint order[] = { 1, 2, 3, 0 };

  g_assert_true (sd_store_fill_demo (store, demo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Вектор");
  g_assert_cmpstr (sd_store_get_currency (store), ==, "KZT");
  g_clear_object (&store);

  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Вектор");
  g_assert_cmpstr (sd_store_get_currency (store), ==, "KZT");
  g_assert_cmpuint (sd_store_count_facts (store), ==, 4);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);

  /* Sorted by month, then manager; the ids are those the demo assigned. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_array_append_val (expected, g_array_index (demo->facts, SdFact, order[i]));
  facts = sd_store_list_facts (store, jan - 12, jan + 12, &error);
  g_assert_no_error (error);
  assert_facts_equal (facts, expected);
  g_clear_pointer (&facts, g_array_unref);

  /* Bounds are inclusive. */
  facts = sd_store_list_facts (store, jan + 1, jan + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpint (g_array_index (facts, SdFact, 0).manager_id, ==, 2);
  g_assert_cmpint (g_array_index (facts, SdFact, 1).revenue, ==, 99);
  g_clear_pointer (&facts, g_array_unref);

  facts = sd_store_list_facts (store, jan + 2, jan + 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, 0);

  /* The department's own plan (manager 0) first in its month. */
  plan = sd_store_list_plan (store, jan, jan + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 4);
  entry = &g_array_index (plan, SdPlanEntry, 0);
  g_assert_cmpint (entry->manager_id, ==, 0);
  g_assert_cmpint (entry->month, ==, jan);
  g_assert_cmpint (entry->revenue, ==, 500000000);
  g_assert_cmpint (entry->leads, ==, 300);
  g_assert_cmpint (entry->deals, ==, 30);
  entry = &g_array_index (plan, SdPlanEntry, 2);
  g_assert_cmpint (entry->manager_id, ==, 3);
  g_assert_cmpint (entry->revenue, ==, G_MAXINT64);
  entry = &g_array_index (plan, SdPlanEntry, 3);
  g_assert_cmpint (entry->manager_id, ==, 0);
  g_assert_cmpint (entry->month, ==, jan + 1);
  g_assert_cmpint (entry->revenue, ==, 510000000);

  /* Manager 0 is NULL in the file; the rows are those of the year's current version. */
  g_clear_object (&store);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM plan JOIN plan_version AS v"
                                           " ON v.id = plan.version_id AND v.is_current = 1"
                                           " WHERE manager_id IS NULL"), ==, 2);

  free_demo (demo);
}

static void
test_history_fill_demo_replaces (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  SdDemoCompany *demo = make_demo ();
  Counters counters;

  add_person (store, "Останется ли");
  g_assert_true (sd_store_can_undo (store));
  watch (store, &counters);

  g_assert_true (sd_store_fill_demo (store, demo, &error));
  g_assert_no_error (error);

  /* Everything replaced, in one change, and not undoable. */
  g_assert_false (has_person (store, "Останется ли"));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpuint (counters.last_changes, ==, SD_STORE_CHANGED_ALL);
  g_assert_cmpuint (counters.can_undo, ==, 1);
  g_assert_false (sd_store_can_undo (store));
  g_assert_cmpuint (counters.company_name, ==, 1);

  /* Undo works again afterwards. */
  add_person (store, "Новиков Илья");
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_false (has_person (store, "Новиков Илья"));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);

  /* Twice in a row gives the same file. */
  g_assert_true (sd_store_fill_demo (store, demo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
  g_assert_cmpuint (sd_store_count_facts (store), ==, 4);

  free_demo (demo);
}

static void
test_history_fill_demo_all_or_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  SdDemoCompany *demo = make_demo ();
  SdFact orphan = { 77, 0, 1, 1, 1, 1, 1, 1 };
  Counters counters;

  add_person (store, "Останется");
  watch (store, &counters);

  /* A fact of a person who is not in the demo. */
  orphan.month = sd_month_make (2024, 5);
  g_array_append_val (demo->facts, orphan);
  g_assert_false (sd_store_fill_demo (store, demo, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (has_person (store, "Останется"));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);
  g_assert_cmpuint (sd_store_count_facts (store), ==, 0);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
  g_assert_cmpuint (counters.changed, ==, 0);

  /* The undo history survived the failed replacement, and so did its triggers. */
  g_assert_true (sd_store_can_undo (store));
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);
  add_person (store, "Снова");
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);

  /* A bad currency is refused before anything is touched. */
  g_array_set_size (demo->facts, demo->facts->len - 1);
  g_free (demo->currency);
  demo->currency = g_strdup ("руб");
  g_assert_false (sd_store_fill_demo (store, demo, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);

  free_demo (demo);
}

static void
test_history_fill_demo_large (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SdDemoCompany *demo = g_new0 (SdDemoCompany, 1);
  SdMonth first = sd_month_make (2015, 1);
  const guint n_managers = 500, n_months = 120;
  gint64 start;

  demo->company_name = g_strdup ("ООО Большая");
  demo->currency = g_strdup ("RUB");
  demo->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);
  demo->facts = g_array_sized_new (FALSE, TRUE, sizeof (SdFact), n_managers * n_months);
  demo->plan = g_array_sized_new (FALSE, TRUE, sizeof (SdPlanEntry), n_managers * n_months);

  for (guint m = 0; m < n_managers; m++)
    {
      g_autofree char *name = g_strdup_printf ("Менеджер %03u", m + 1);
      SdStaffMember *member = make_member (name, SD_ROLE_MANAGER, "2015-01-01", NULL, NULL);

      member->id = m + 1;
      g_ptr_array_add (demo->staff, member);
      for (guint i = 0; i < n_months; i++)
        {
          SdFact fact = { m + 1, first + (SdMonth) i, 100000 + i, 90000, 30000, 3, 40, 500 };
          SdPlanEntry entry = { m + 1, first + (SdMonth) i, 120000, 45, 4 };

          g_array_append_val (demo->facts, fact);
          g_array_append_val (demo->plan, entry);
        }
    }

  start = g_get_monotonic_time ();
  g_assert_true (sd_store_fill_demo (store, demo, &error));
  g_assert_no_error (error);
  /* Reported, not asserted: timing depends on the machine. */
  g_test_message ("fill_demo of %u facts: %.3f s", demo->facts->len,
                  (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpuint (sd_store_count_facts (store), ==, n_managers * n_months);
  facts = sd_store_list_facts (store, first + 119, first + 119, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, n_managers);
  g_assert_cmpint (g_array_index (facts, SdFact, 499).manager_id, ==, 500);
  g_assert_cmpint (g_array_index (facts, SdFact, 499).revenue, ==, 100119);

  g_assert_true (sd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  free_demo (demo);
}

/* --- undo and redo --- */

static void
test_undo_add_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  SdStaffMember *member;
  gint64 id;

  g_assert_null (sd_store_get_undo_label (store));
  g_assert_false (sd_store_undo (store, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);

  id = add_person (store, "Иванов Пётр");
  g_assert_true (sd_store_can_undo (store));
  g_assert_false (sd_store_can_redo (store));
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Add «Иванов Пётр»");

  member = sd_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  member->role = SD_ROLE_HEAD;
  sd_test_set_date (&member->left, "2025-06-30");
  member->scheme = g_strdup ("Схема «А»; 'кавычки'");
  g_assert_true (sd_store_update_staff (store, member, &error));
  g_assert_no_error (error);
  sd_staff_member_free (member);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Edit «Иванов Пётр»");

  /* Undo the update: every field back. */
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_can_redo (store));
  g_assert_cmpstr (sd_store_get_redo_label (store), ==, "Edit «Иванов Пётр»");
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Add «Иванов Пётр»");
  member = sd_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  assert_member (member, id, "Иванов Пётр", SD_ROLE_MANAGER, "2024-01-15", NULL, FALSE, NULL);
  sd_staff_member_free (member);

  /* Undo the add. */
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_false (sd_store_can_undo (store));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);

  /* Redo both: the same id and the edited fields. */
  g_assert_true (sd_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_false (sd_store_can_redo (store));
  g_assert_false (sd_store_redo (store, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  member = sd_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  assert_member (member, id, "Иванов Пётр", SD_ROLE_HEAD, "2024-01-15", "2025-06-30", FALSE,
                 "Схема «А»; 'кавычки'");
  sd_staff_member_free (member);

  /* And the file says so after reopening. */
  g_clear_object (&store);
  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  g_assert_false (sd_store_can_undo (store));
  member = sd_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  assert_member (member, id, "Иванов Пётр", SD_ROLE_HEAD, "2024-01-15", "2025-06-30", FALSE,
                 "Схема «А»; 'кавычки'");
  sd_staff_member_free (member);
}

static void
test_undo_remove (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStaffMember) before = NULL;
  SdStaffMember *after;
  gboolean archived = TRUE;
  gint64 id;

  fill_small_demo (store);

  /* Deleting (no history) and undoing puts back the same row with the same id. */
  id = add_person (store, "Новиков Илья");
  before = sd_store_get_staff (store, id, &error);
  g_assert_true (sd_store_remove_staff (store, id, &archived, &error));
  g_assert_no_error (error);
  g_assert_false (archived);
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  after = sd_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (sd_staff_member_equal (before, after));
  sd_staff_member_free (after);

  /* Archiving (history) and undoing. */
  g_assert_true (sd_store_remove_staff (store, 3, &archived, &error));
  g_assert_true (archived);
  after = sd_store_get_staff (store, 3, &error);
  g_assert_true (after->archived);
  sd_staff_member_free (after);
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  after = sd_store_get_staff (store, 3, &error);
  assert_member (after, 3, "Петров Олег", SD_ROLE_MANAGER, "2023-11-01", "2024-02-29", FALSE,
                 "Base");
  sd_staff_member_free (after);

  /* Redo the archiving. */
  g_assert_true (sd_store_redo (store, &error));
  g_assert_no_error (error);
  after = sd_store_get_staff (store, 3, &error);
  g_assert_true (after->archived);
  sd_staff_member_free (after);
}

static void
test_undo_group (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  Counters counters;

  watch (store, &counters);

  g_assert_true (sd_store_begin (store, "Нанять троих", &error));
  g_assert_no_error (error);
  /* Not nestable. */
  g_assert_false (sd_store_begin (store, "again", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);

  add_person (store, "А");
  add_person (store, "Б");
  g_assert_true (sd_store_set_company_name (store, "ООО Лютик", &error));
  add_person (store, "В");
  g_assert_cmpuint (counters.changed, ==, 0);
  g_assert_false (sd_store_can_undo (store));
  /* No undo in the middle of a group. */
  g_assert_false (sd_store_undo (store, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (sd_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpuint (counters.last_changes, ==, SD_STORE_CHANGED_STAFF | SD_STORE_CHANGED_COMPANY);
  g_assert_cmpuint (counters.can_undo, ==, 1);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Нанять троих");
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Лютик");

  /* One step undoes all of it. */
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
  g_assert_false (sd_store_can_undo (store));
  g_assert_cmpuint (counters.changed, ==, 2);
  g_assert_cmpuint (counters.last_changes, ==, SD_STORE_CHANGED_STAFF | SD_STORE_CHANGED_COMPANY);

  g_assert_true (sd_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Лютик");
  g_assert_cmpuint (counters.changed, ==, 3);

  /* Commit without begin. */
  g_assert_false (sd_store_commit (store, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
}

static void
test_undo_group_rollback (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  Counters counters;

  add_person (store, "Первый");
  watch (store, &counters);

  g_assert_true (sd_store_begin (store, "Группа", &error));
  add_person (store, "Второй");
  g_assert_true (sd_store_set_company_name (store, "ООО Лютик", &error));
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Лютик");
  sd_store_rollback (store);

  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
  g_assert_cmpuint (counters.changed, ==, 0);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Add «Первый»");

  /* Rolling back with nothing open does nothing. */
  sd_store_rollback (store);

  /* A failed edit inside a group takes back only itself. */
  g_assert_true (sd_store_begin (store, "Группа", &error));
  add_person (store, "Второй");
  {
    g_autoptr(SdStaffMember) twin = make_member ("первый", SD_ROLE_MANAGER, "2024-01-01", NULL,
                                                 NULL);

    g_assert_cmpint (sd_store_add_staff (store, twin, &error), ==, 0);
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  add_person (store, "Третий");
  g_assert_true (sd_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
  g_assert_cmpuint (counters.changed, ==, 1);

  g_assert_true (sd_store_undo (store, &error));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);
  g_assert_true (has_person (store, "Первый"));
}

static void
test_undo_redo_cleared_by_new_edit (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;

  add_person (store, "А");
  add_person (store, "Б");
  g_assert_true (sd_store_undo (store, &error));
  g_assert_true (sd_store_can_redo (store));
  g_assert_cmpstr (sd_store_get_redo_label (store), ==, "Add «Б»");

  add_person (store, "В");
  g_assert_false (sd_store_can_redo (store));
  g_assert_null (sd_store_get_redo_label (store));
  g_assert_false (sd_store_redo (store, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Undo walks back В, then А — never the dropped Б. */
  g_assert_true (sd_store_undo (store, &error));
  g_assert_true (has_person (store, "А"));
  g_assert_false (has_person (store, "В"));
  g_assert_true (sd_store_undo (store, &error));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);
  g_assert_false (sd_store_can_undo (store));
  /* And the redo log holds exactly these two. */
  g_assert_true (sd_store_redo (store, &error));
  g_assert_true (sd_store_redo (store, &error));
  g_assert_true (has_person (store, "А"));
  g_assert_true (has_person (store, "В"));
  g_assert_false (has_person (store, "Б"));
  g_assert_false (sd_store_can_redo (store));
}

static void
test_undo_notify_counted (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  Counters counters;

  watch (store, &counters);

  add_person (store, "А");               /* can-undo FALSE → TRUE */
  g_assert_cmpuint (counters.can_undo, ==, 1);
  g_assert_cmpuint (counters.can_redo, ==, 0);
  add_person (store, "Б");               /* no change */
  g_assert_cmpuint (counters.can_undo, ==, 1);
  g_assert_cmpuint (counters.changed, ==, 2);
  g_assert_cmpuint (counters.last_changes, ==, SD_STORE_CHANGED_STAFF);

  g_assert_true (sd_store_undo (store, &error));   /* can-redo FALSE → TRUE */
  g_assert_cmpuint (counters.can_undo, ==, 1);
  g_assert_cmpuint (counters.can_redo, ==, 1);
  g_assert_true (sd_store_undo (store, &error));   /* can-undo TRUE → FALSE */
  g_assert_cmpuint (counters.can_undo, ==, 2);
  g_assert_cmpuint (counters.can_redo, ==, 1);
  g_assert_cmpuint (counters.changed, ==, 4);

  g_assert_true (sd_store_redo (store, &error));   /* can-undo FALSE → TRUE */
  g_assert_cmpuint (counters.can_undo, ==, 3);
  g_assert_cmpuint (counters.can_redo, ==, 1);
  g_assert_true (sd_store_redo (store, &error));   /* can-redo TRUE → FALSE */
  g_assert_cmpuint (counters.can_undo, ==, 3);
  g_assert_cmpuint (counters.can_redo, ==, 2);

  /* A refused edit notifies nothing. */
  {
    g_autoptr(SdStaffMember) twin = make_member ("а", SD_ROLE_MANAGER, "2024-01-01", NULL, NULL);

    g_assert_cmpint (sd_store_add_staff (store, twin, &error), ==, 0);
    g_clear_error (&error);
  }
  g_assert_cmpuint (counters.can_undo, ==, 3);
  g_assert_cmpuint (counters.can_redo, ==, 2);
  g_assert_cmpuint (counters.changed, ==, 6);

  /* Renaming to the same name is no step and no notification. */
  g_assert_true (sd_store_set_company_name (store, " ООО Ромашка ", &error));
  g_assert_cmpuint (counters.changed, ==, 6);
  g_assert_cmpuint (counters.company_name, ==, 0);
  g_assert_true (sd_store_set_company_name (store, "ООО Лютик", &error));
  g_assert_cmpuint (counters.changed, ==, 7);
  g_assert_cmpuint (counters.last_changes, ==, SD_STORE_CHANGED_COMPANY);
  g_assert_cmpuint (counters.company_name, ==, 1);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Rename company");
  g_assert_true (sd_store_undo (store, &error));
  g_assert_cmpuint (counters.company_name, ==, 2);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
}

static void
test_undo_keeps_last_100 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  guint n_undone = 0;

  for (guint i = 0; i < SD_STORE_MAX_UNDO_STEPS + 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);

      add_person (store, name);
    }

  while (sd_store_can_undo (store))
    {
      g_assert_true (sd_store_undo (store, &error));
      g_assert_no_error (error);
      n_undone++;
    }
  g_assert_cmpuint (n_undone, ==, SD_STORE_MAX_UNDO_STEPS);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 5);
  g_assert_true (has_person (store, "P4"));
  g_assert_false (has_person (store, "P5"));
}

static void
test_undo_off (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  Counters counters;

  g_clear_object (&store);
  store = open_store (f->path, SD_STORE_OPEN_NO_UNDO | SD_STORE_OPEN_NO_BACKUP);
  watch (store, &counters);

  add_person (store, "А");
  g_assert_false (sd_store_can_undo (store));
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpuint (counters.can_undo, ==, 0);
  g_assert_false (sd_store_undo (store, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Groups still work. */
  g_assert_true (sd_store_begin (store, NULL, &error));
  add_person (store, "Б");
  add_person (store, "В");
  g_assert_true (sd_store_commit (store, &error));
  g_assert_cmpuint (counters.changed, ==, 2);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
}

static void
test_undo_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(SdStaffMember) big = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scheme = g_strnfill (64 * 1024, 'x');
  g_autofree char *limit = NULL;
  sqlite3 *db = _sd_store_get_db (store);
  sqlite3_stmt *stmt;
  Counters counters;
  int page_count;

  add_person (store, "А");
  watch (store, &counters);

  /* No more pages than the file has now: the next growth is "disk full". */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  limit = g_strdup_printf ("PRAGMA main.max_page_count = %d", page_count);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  big = make_member ("Большой", SD_ROLE_MANAGER, "2024-01-01", NULL, scheme);
  g_assert_cmpint (sd_store_add_staff (store, big, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* The same inside a group: the group is refused as a whole or the edit is taken back. */
  g_assert_true (sd_store_begin (store, "Группа", &error));
  add_person (store, "Б");
  g_assert_cmpint (sd_store_add_staff (store, big, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
  g_clear_error (&error);
  if (!sd_store_commit (store, &error))
    {
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
      g_clear_error (&error);
      g_assert_false (has_person (store, "Б"));
    }
  else
    {
      g_assert_true (has_person (store, "Б"));
      g_assert_true (sd_store_undo (store, &error));
    }

  /* Nothing changed, the history neither. */
  g_assert_false (has_person (store, "Большой"));
  g_assert_false (has_person (store, "Б"));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Add «А»");

  /* With room again, undo and edits work. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA main.max_page_count = 1000000", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 0);
  g_assert_cmpint (sd_store_add_staff (store, big, &error), >, 0);
  g_assert_no_error (error);
}

/* --- import --- */

static GPtrArray *
make_import (const char * const *names)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_staff_member_free);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (members, make_member (names[i], SD_ROLE_MANAGER, "2025-02-01", NULL,
                                           "Импорт"));
  return members;
}

/* The scheme the import rows name must be in the file (schema 3). */
static void
add_import_scheme (SdStore *store)
{
  g_autoptr(SdScheme) scheme = sd_scheme_library_create (0);
  g_autoptr(GError) error = NULL;

  g_free (scheme->name);
  scheme->name = g_strdup ("Импорт");
  g_assert_cmpint (sd_store_add_scheme (store, scheme, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_import_adds_and_updates (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { " иванов пётр", "Сидорова Мария", "Кузнецов Иван",
                                        NULL };
  g_autoptr(GPtrArray) members = make_import (names);
  guint added = 99, updated = 99;
  gboolean archived;
  Counters counters;
  gint64 ivanov;
  SdStaffMember *member;

  fill_small_demo (store);                  /* Иванов Пётр is id 2, with history */
  add_import_scheme (store);
  g_assert_true (sd_store_remove_staff (store, 2, &archived, &error));
  g_assert_true (archived);
  ivanov = 2;
  watch (store, &counters);

  g_assert_true (sd_store_import_staff (store, members, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Import 3 people");

  /* Matched by name: same id, name kept, fields taken, back in the team. */
  member = sd_store_get_staff (store, ivanov, &error);
  assert_member (member, ivanov, "Иванов Пётр", SD_ROLE_MANAGER, "2025-02-01", NULL, FALSE,
                 "Импорт");
  sd_staff_member_free (member);
  g_assert_cmpuint (count_staff (store, FALSE), ==, 5);

  /* One undo step takes it all back. */
  g_assert_true (sd_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
  member = sd_store_get_staff (store, ivanov, &error);
  assert_member (member, ivanov, "Иванов Пётр", SD_ROLE_MANAGER, "2024-01-10", NULL, TRUE, NULL);
  sd_staff_member_free (member);

  /* An empty list is nothing to do. */
  g_ptr_array_set_size (members, 0);
  g_assert_true (sd_store_import_staff (store, members, &added, &updated, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);

  /* One person. */
  g_clear_pointer (&members, g_ptr_array_unref);
  {
    static const char * const one[] = { "Один", NULL };

    members = make_import (one);
  }
  g_assert_true (sd_store_import_staff (store, members, NULL, NULL, &error));
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Import 1 person");
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  static const char * const names[] = {
    "Первая", "Вторая", "Третья", "ВТОРАЯ ", "Пятая", NULL
  };
  g_autoptr(GPtrArray) members = make_import (names);
  guint added = 99, updated = 99;
  Counters counters;

  add_import_scheme (store);
  add_person (store, "Старый");
  watch (store, &counters);

  g_assert_false (sd_store_import_staff (store, members, &added, &updated, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "«ВТОРАЯ»"));
  g_clear_error (&error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);
  g_assert_cmpuint (counters.changed, ==, 0);
  g_assert_cmpuint (counters.can_undo, ==, 0);
  g_assert_cmpstr (sd_store_get_undo_label (store), ==, "Add «Старый»");

  /* An invalid person in the middle: the same. */
  g_ptr_array_remove_index (members, 3);
  sd_test_set_date (&((SdStaffMember *) g_ptr_array_index (members, 2))->left, "2020-01-01");
  g_assert_false (sd_store_import_staff (store, members, NULL, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Person 3 in the list: "));
  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);

  /* Nor has the file. */
  g_clear_object (&store);
  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP | SD_STORE_OPEN_NO_UNDO);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 1);
}

/* --- opening bad files --- */

typedef enum {
  BAD_MISSING,
  BAD_EMPTY,
  BAD_TEXT,
  BAD_BINARY,
  BAD_FOREIGN_SQLITE,
  BAD_OUR_ID_VERSION_0,
  BAD_FOLDER,
  BAD_TOO_NEW,
  BAD_CORRUPT,
} BadKind;

static void
make_bad_file (Fixture *f,
               BadKind  kind)
{
  switch (kind)
    {
    case BAD_MISSING:
      break;

    case BAD_EMPTY:
      g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
      break;

    case BAD_TEXT:
      g_assert_true (g_file_set_contents (f->path,
                                          "month,manager,revenue\n2024-01,Иванов,100\n", -1,
                                          NULL));
      break;

    case BAD_BINARY:
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed (42);
        guint8 bytes[8192];

        for (guint i = 0; i < sizeof bytes; i++)
          bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
        g_assert_true (g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, NULL));
      }
      break;

    case BAD_FOREIGN_SQLITE:
      raw_exec (f->path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                         "INSERT INTO notes (text) VALUES ('чужой');"
                         "PRAGMA user_version = 1;");
      break;

    case BAD_OUR_ID_VERSION_0:
      raw_exec (f->path, "PRAGMA application_id = 1397965643;"
                         "CREATE TABLE company (id INTEGER PRIMARY KEY);");
      break;

    case BAD_FOLDER:
      g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
      break;

    case BAD_TOO_NEW:
      {
        g_autoptr(SdStore) store = create_store (f->path);

        add_person (store, "Иванов");
      }
      raw_exec (f->path, "PRAGMA user_version = 99");
      break;

    case BAD_CORRUPT:
      {
        g_autoptr(SdStore) store = create_store (f->path);
        g_autoptr(GRand) rand = g_rand_new_with_seed (7);
        g_autoptr(GError) error = NULL;
        char *contents = NULL;
        gsize len = 0;

        for (guint i = 0; i < 300; i++)
          {
            g_autofree char *name = g_strdup_printf ("Сотрудник номер %u", i);

            add_person (store, name);
          }
        g_clear_object (&store);

        /* The header and page 1 stay; every later page is garbage. */
        g_file_get_contents (f->path, &contents, &len, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (len, >, 4 * 4096);
        for (gsize i = 4096; i < len; i++)
          contents[i] = (char) g_rand_int_range (rand, 0, 256);
        g_file_set_contents (f->path, contents, (gssize) len, &error);
        g_assert_no_error (error);
        g_free (contents);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
assert_plain_words (const char *message)
{
  static const char * const jargon[] = {
    "sqlite", "SQLITE", "SQLite", "database", "malformed", "disk image", "PRAGMA", "errno",
  };

  for (guint i = 0; i < G_N_ELEMENTS (jargon); i++)
    g_assert_null (strstr (message, jargon[i]));
}

static void
test_open_bad_file (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    BadKind     kind;
    int         code;
    const char *message;
  } cases[] = {
    { BAD_MISSING, SD_STORE_ERROR_NOT_FOUND, "There is no file «company.salesdesk»" },
    { BAD_EMPTY, SD_STORE_ERROR_NOT_OURS, "«company.salesdesk» is not a Salesdesk company file." },
    { BAD_TEXT, SD_STORE_ERROR_NOT_OURS, "«company.salesdesk» is not a Salesdesk company file." },
    { BAD_BINARY, SD_STORE_ERROR_NOT_OURS, "«company.salesdesk» is not a Salesdesk company file." },
    { BAD_FOREIGN_SQLITE, SD_STORE_ERROR_NOT_OURS,
      "«company.salesdesk» is not a Salesdesk company file." },
    { BAD_OUR_ID_VERSION_0, SD_STORE_ERROR_NOT_OURS,
      "«company.salesdesk» is not a Salesdesk company file." },
    { BAD_FOLDER, SD_STORE_ERROR_NOT_OURS, "«company.salesdesk» is a folder" },
    { BAD_TOO_NEW, SD_STORE_ERROR_TOO_NEW,
      "«company.salesdesk» was saved by a newer version of Salesdesk (format 99); this version "
      "reads up to " G_STRINGIFY (SD_STORE_SCHEMA_VERSION) ". Update Salesdesk to open it." },
    { BAD_CORRUPT, SD_STORE_ERROR_CORRUPT, "«company.salesdesk» is damaged" },
  };
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_file;

  make_bad_file (f, cases[i].kind);
  is_file = g_file_test (f->path, G_FILE_TEST_IS_REGULAR);
  if (is_file)
    before = sd_test_read_bytes (f->path);

  for (guint flags = 0; flags < 4; flags++)
    {
      store = sd_store_open (f->path, flags, &error);
      g_assert_null (store);
      g_assert_error (error, SD_STORE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      assert_plain_words (error->message);
      g_clear_error (&error);
    }

  if (cases[i].kind == BAD_CORRUPT)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *dir = NULL;

      store = sd_store_open (f->path, 0, &local_error);
      dir = _sd_store_dup_backup_dir_for (f->path);
      /* It says where the backups are. */
      g_assert_nonnull (strstr (local_error->message, dir));
    }

  if (is_file)
    assert_bytes_unchanged (f->path, before);
  else if (cases[i].kind == BAD_MISSING)
    g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  else
    g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));

  /* No backup of a file we refused. */
  {
    g_autofree char *dir = _sd_store_dup_backup_dir_for (f->path);

    g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  }
}

/* The child side of the locking test: hold the store open until stdin closes. */
static int
hold_main (const char *path)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char buf[64];

  store = sd_store_open (path, SD_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    {
      printf ("error %s\n", error->message);
      fflush (stdout);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);

  while (fgets (buf, sizeof buf, stdin) != NULL)
    ;

  return 0;
}

static void
test_open_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) child_out = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autofree char *line = NULL;

  store = create_store (f->path);
  add_person (store, "Иванов");
  g_clear_object (&store);
  before = sd_test_read_bytes (f->path);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error, test_exe, "--hold", f->path, NULL);
  g_assert_no_error (error);
  child_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (child_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  for (guint flags = 0; flags < 4; flags++)
    {
      store = sd_store_open (f->path, flags, &error);
      g_assert_null (store);
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_LOCKED);
      g_assert_cmpstr (error->message, ==,
                       "«company.salesdesk» is open in another program (Salesdesk?). Close it "
                       "there and try again.");
      g_clear_error (&error);
    }

  /* Creating over it is refused as for any existing file. */
  store = sd_store_create (f->path, "ООО", "RUB", &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);

  assert_bytes_unchanged (f->path, before);

  /* Free again. */
  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  g_assert_true (has_person (store, "Иванов"));
}

static void
test_open_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root may write to any file, so permissions cannot be tested");
      return;
    }

  store = create_store (f->path);
  g_clear_object (&store);
  before = sd_test_read_bytes (f->path);

  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  store = sd_store_open (f->path, 0, &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "You have no permission to change «company.salesdesk».");
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);

  /* A folder where no journal can be written. */
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  store = sd_store_open (f->path, 0, &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);

  assert_bytes_unchanged (f->path, before);
}

/* --- backups --- */

static guint
count_matching (GPtrArray  *names,
                const char *pattern)
{
  g_autoptr(GPatternSpec) spec = g_pattern_spec_new (pattern);
  guint n = 0;

  for (guint i = 0; i < names->len; i++)
    if (g_pattern_spec_match_string (spec, g_ptr_array_index (names, i)))
      n++;
  return n;
}

static void
test_backup_once_per_day (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y%m%d");
  g_autofree char *expected = g_strdup_printf ("company-daily-%s.salesdesk", today);
  g_autofree char *dir = sd_store_dup_backup_dir (store);
  g_autofree char *copy = g_build_filename (dir, expected, NULL);
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "salesdesk", "backups",
                                                NULL);
  GStatBuf st;

  /* The folder is named after the file and a hash of its full path. */
  g_assert_true (g_str_has_prefix (dir, data_dir));
  g_assert_true (g_str_has_prefix (dir + strlen (data_dir), G_DIR_SEPARATOR_S "company-"));
  g_assert_cmpuint (strlen (dir + strlen (data_dir)), ==, strlen ("/company-") + 8);

  add_person (store, "Иванов");
  g_clear_object (&store);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  store = open_store (f->path, SD_STORE_OPEN_DEFAULT);
  add_person (store, "Петров");     /* after the copy: not in it */
  g_clear_object (&store);
  store = open_store (f->path, SD_STORE_OPEN_DEFAULT);
  g_clear_object (&store);

  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, expected);

  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The copy is a whole company file as it was when first opened today. */
  store = open_store (copy, SD_STORE_OPEN_NO_BACKUP);
  g_assert_true (has_person (store, "Иванов"));
  g_assert_false (has_person (store, "Петров"));
}

static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *dir = sd_store_dup_backup_dir (store);
  static const char * const days[] = {
    "20200101", "20200102", "20200103", "20200104", "20200105",
    "20200106", "20200107", "20200108", "20200109", "20200110",
  };
  static const char * const others[] = {
    "company-before-v2-20190101-101010.salesdesk", "notes.txt", "company-daily-2020.salesdesk",
  };

  g_clear_object (&store);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *name = g_strdup_printf ("company-daily-%s.salesdesk", days[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i], NULL);

      g_assert_true (g_file_set_contents (path, "keep", -1, NULL));
    }

  store = open_store (f->path, SD_STORE_OPEN_DEFAULT);

  /* Today's and the six newest older ones; other files untouched. */
  names = list_dir_sorted (dir);
  g_assert_cmpuint (count_matching (names, "company-daily-*.salesdesk"), ==, 8);
  g_assert_cmpuint (names->len, ==, 7 + G_N_ELEMENTS (others));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("company-daily-%s.salesdesk", days[i]);

      g_assert_false (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL));
    }
  for (guint i = 4; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *name = g_strdup_printf ("company-daily-%s.salesdesk", days[i]);

      g_assert_true (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, others[i], g_str_equal, NULL));
}

static void
test_backup_failure_does_not_stop_work (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autofree char *dir = sd_store_dup_backup_dir (store);
  g_autofree char *parent = g_path_get_dirname (dir);

  g_clear_object (&store);

  /* A file where the backup folder should be. */
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  store = open_store (f->path, SD_STORE_OPEN_DEFAULT);
  add_person (store, "Работаем");
  g_assert_true (has_person (store, "Работаем"));
}

static void
test_backup_to (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(SdStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "копия.salesdesk", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "copy.salesdesk", NULL);
  g_autofree char *relative_self = g_build_filename (f->dir, ".", "company.salesdesk", NULL);
  GStatBuf st;

  fill_small_demo (store);
  add_person (store, "Последний");

  g_assert_true (g_file_set_contents (dest, "old copy", -1, NULL));
  g_assert_cmpint (g_chmod (dest, 0644), ==, 0);
  g_assert_true (sd_store_backup_to (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The store stays usable and the copy is complete. */
  add_person (store, "После копии");
  copy = open_store (dest, SD_STORE_OPEN_NO_BACKUP);
  g_assert_cmpstr (sd_store_get_company_name (copy), ==, "ООО Вектор");
  g_assert_true (has_person (copy, "Последний"));
  g_assert_false (has_person (copy, "После копии"));
  g_assert_cmpuint (sd_store_count_facts (copy), ==, 4);

  /* Not over itself, not into a missing folder, not in the middle of a group. */
  g_assert_false (sd_store_backup_to (store, relative_self, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sd_store_backup_to (store, missing, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (sd_store_begin (store, "g", &error));
  g_assert_false (sd_store_backup_to (store, dest, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  sd_store_rollback (store);

  /* No temporary files left behind. */
  {
    g_autoptr(GPtrArray) names = list_dir_sorted (f->dir);

    for (guint i = 0; i < names->len; i++)
      g_assert_false (g_str_has_prefix (g_ptr_array_index (names, i), "."));
    g_assert_true (g_ptr_array_find_with_equal_func (names, "копия.salesdesk", g_str_equal,
                                                     NULL));
  }
}

/* --- migrations --- */

static gboolean
copy_names_step (sqlite3  *db,
                 GError  **error)
{
  return sqlite3_exec (db, "UPDATE staff SET nickname = 'nick-' || name", NULL, NULL, NULL) ==
         SQLITE_OK;
}

static gboolean
failing_func_step (sqlite3  *db,
                   GError  **error)
{
  /* Change something first, then fail: the transaction must take it back. */
  sqlite3_exec (db, "DELETE FROM staff", NULL, NULL, NULL);
  g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED, "step failed on purpose");
  return FALSE;
}

static void
test_migrate_steps_direct (Fixture       *f,
                           gconstpointer  data)
{
  static const SdMigrationStep steps[] = {
    { 2, 3, "ALTER TABLE staff ADD COLUMN nickname TEXT", copy_names_step },
    { 1, 2, "CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
            "INSERT INTO staff (name) SELECT name FROM people;"
            "DROP TABLE people;", NULL },
  };
  static const SdMigrationStep broken[] = {
    { 1, 2, "CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
            "INSERT INTO staff (name) SELECT name FROM people;", NULL },
    { 2, 3, NULL, failing_func_step },
  };
  static const SdMigrationStep gap[] = {
    { 1, 2, "CREATE TABLE x (a)", NULL },
    { 3, 4, "CREATE TABLE y (a)", NULL },
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  raw_exec (f->path, "CREATE TABLE people (name TEXT);"
                     "INSERT INTO people VALUES ('Иванов'), ('Петров');"
                     "PRAGMA user_version = 1;");
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* A failing step in the middle takes back the earlier ones. */
  g_assert_false (_sd_migrations_run_steps (db, broken, G_N_ELEMENTS (broken), 3, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "step failed on purpose");
  g_clear_error (&error);
  g_assert_cmpint (_sd_migrations_get_version (db, NULL), ==, 1);
  g_assert_cmpint (sqlite3_get_autocommit (db), !=, 0);

  /* No way from 2 to 3. */
  g_assert_false (_sd_migrations_run_steps (db, gap, G_N_ELEMENTS (gap), 4, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (_sd_migrations_get_version (db, NULL), ==, 1);

  /* Steps are found by version, in any order in the list; stops at the target. */
  g_assert_true (_sd_migrations_run_steps (db, steps, G_N_ELEMENTS (steps), 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_sd_migrations_get_version (db, NULL), ==, 2);
  g_assert_true (_sd_migrations_run_steps (db, steps, G_N_ELEMENTS (steps), 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_sd_migrations_get_version (db, NULL), ==, 3);
  /* Already there. */
  g_assert_true (_sd_migrations_run_steps (db, steps, G_N_ELEMENTS (steps), 3, &error));
  /* Never backwards. */
  g_assert_false (_sd_migrations_run_steps (db, steps, G_N_ELEMENTS (steps), 2, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (nickname, ',') FROM "
                                           "(SELECT nickname FROM staff ORDER BY id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "nick-Иванов,nick-Петров");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* The real list creates schema 1 from nothing, and refuses a wrong starting point. */
  {
    g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);

    g_assert_cmpint (sqlite3_open_v2 (fresh, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                      NULL), ==, SQLITE_OK);
    g_assert_false (sd_migrations_run (db, 1, SD_STORE_SCHEMA_VERSION, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_true (sd_migrations_run (db, 0, SD_STORE_SCHEMA_VERSION, &error));
    g_assert_no_error (error);
    g_assert_cmpint (_sd_migrations_get_version (db, NULL), ==, SD_STORE_SCHEMA_VERSION);
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    g_assert_cmpint (raw_query_int (fresh, "SELECT count(*) FROM sqlite_schema WHERE type = "
                                           "'table' AND name IN ('company', 'staff', 'facts', "
                                           "'plan')"), ==, 4);
  }
}

/* A step after this build's format. */
#define NEXT_VERSION (SD_STORE_SCHEMA_VERSION + 1)
static const SdMigrationStep add_phone_steps[] = {
  { SD_STORE_SCHEMA_VERSION, NEXT_VERSION, "ALTER TABLE staff ADD COLUMN phone TEXT;"
          "UPDATE staff SET phone = '+7 900 000-00-0' || id;", NULL },
};

static void
test_migrate_on_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *backup = NULL;
  SdStaffMember *member;
  gint64 ivanov;

  fill_small_demo (store);
  ivanov = add_person (store, "Новиков Илья");
  g_clear_object (&store);

  store = _sd_store_open_full (f->path, SD_STORE_OPEN_NO_BACKUP, add_phone_steps,
                               G_N_ELEMENTS (add_phone_steps), NEXT_VERSION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_get_opened_version (store), ==, SD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sd_store_get_schema_version (store), ==, NEXT_VERSION);

  /* The data came through. */
  g_assert_cmpuint (count_staff (store, TRUE), ==, 4);
  g_assert_cmpuint (sd_store_count_facts (store), ==, 4);
  member = sd_store_get_staff (store, ivanov, &error);
  assert_member (member, ivanov, "Новиков Илья", SD_ROLE_MANAGER, "2024-01-15", NULL, FALSE, NULL);
  sd_staff_member_free (member);

  /* Undo covers the new column too: removing and undoing keeps the phone. */
  {
    gboolean archived;

    g_assert_true (sd_store_remove_staff (store, ivanov, &archived, &error));
    g_assert_true (sd_store_undo (store, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, NEXT_VERSION);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT phone = '+7 900 000-00-0%" G_GINT64_FORMAT
                                            "' FROM staff WHERE id = %" G_GINT64_FORMAT,
                                            ivanov, ivanov);

    g_assert_cmpint (raw_query_int (f->path, sql), ==, 1);
  }

  /* A copy from before, even though NO_BACKUP turned off the daily one. */
  dir = _sd_store_dup_backup_dir_for (f->path);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);
  {
    g_autofree char *pattern = g_strdup_printf ("company-before-v%d-*-*.salesdesk", NEXT_VERSION);

    g_assert_cmpuint (count_matching (names, pattern), ==, 1);
  }
  backup = g_build_filename (dir, g_ptr_array_index (names, 0), NULL);
  g_assert_cmpint (raw_query_int (backup, "PRAGMA user_version"), ==, SD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (backup, "SELECT count(*) FROM staff"), ==, 4);
  g_assert_cmpint (raw_query_int (backup, "SELECT count(*) FROM pragma_table_info ('staff') "
                                          "WHERE name = 'phone'"), ==, 0);

  /* This build refuses the migrated file. */
  store = sd_store_open (f->path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* Opening it again with the steps finds nothing to do. */
  store = _sd_store_open_full (f->path, SD_STORE_OPEN_NO_BACKUP, add_phone_steps,
                               G_N_ELEMENTS (add_phone_steps), NEXT_VERSION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_get_opened_version (store), ==, NEXT_VERSION);
  g_clear_object (&store);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);
}

static void
test_migrate_failure_leaves_file (Fixture       *f,
                                  gconstpointer  data)
{
  static const SdMigrationStep bad_sql[] = {
    { SD_STORE_SCHEMA_VERSION, NEXT_VERSION, "CREATE TABLE extra (x);"
            "UPDATE staff SET name = name || '!';"
            "INSERT INTO staff (name) VALUES (NULL);", NULL },
  };
  static const SdMigrationStep bad_func[] = {
    { SD_STORE_SCHEMA_VERSION, NEXT_VERSION, "ALTER TABLE staff ADD COLUMN phone TEXT", failing_func_step },
  };
  static const SdMigrationStep no_way[] = {
    { NEXT_VERSION, NEXT_VERSION + 1, "CREATE TABLE extra (x)", NULL },
  };
  static const struct {
    const SdMigrationStep *steps;
    guint                  n_steps;
    int                    target;
  } cases[] = {
    { bad_sql, G_N_ELEMENTS (bad_sql), NEXT_VERSION },
    { bad_func, G_N_ELEMENTS (bad_func), NEXT_VERSION },
    { no_way, G_N_ELEMENTS (no_way), NEXT_VERSION + 1 },
  };
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *dir = _sd_store_dup_backup_dir_for (f->path);

  fill_small_demo (store);
  g_clear_object (&store);
  before = sd_test_read_bytes (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      store = _sd_store_open_full (f->path, 0, cases[i].steps, cases[i].n_steps,
                                   cases[i].target, &error);
      g_assert_null (store);
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "The file was not changed"));
      g_assert_nonnull (strstr (error->message, dir));
      assert_plain_words (error->message);
      assert_bytes_unchanged (f->path, before);
    }

  /* Still a good format-3 file. */
  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);
}

/* Schema 1 exactly as version 1 of Salesdesk wrote it, to build old files. */
static const char schema_v1_copy[] =
  "CREATE TABLE company ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  created TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('manager', 'head')),"
  "  hired TEXT NOT NULL,"
  "  left_on TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  scheme TEXT,"
  "  CHECK (left_on IS NULL OR left_on >= hired)"
  ") STRICT;"
  "CREATE UNIQUE INDEX staff_name ON staff (name);"
  "CREATE TABLE facts ("
  "  manager_id INTEGER NOT NULL REFERENCES staff (id),"
  "  month TEXT NOT NULL,"
  "  revenue INTEGER NOT NULL,"
  "  paid INTEGER NOT NULL,"
  "  margin INTEGER NOT NULL,"
  "  deals INTEGER NOT NULL,"
  "  leads INTEGER NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  PRIMARY KEY (manager_id, month)"
  ") STRICT;"
  "CREATE TABLE plan ("
  "  manager_id INTEGER REFERENCES staff (id),"
  "  month TEXT NOT NULL,"
  "  revenue INTEGER NOT NULL,"
  "  leads INTEGER NOT NULL,"
  "  deals INTEGER NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX plan_manager_month ON plan (coalesce (manager_id, 0), month);"
  "CREATE INDEX plan_manager ON plan (manager_id);";

/* A format-1 file: three people, facts, and plan rows for 2024 (department rows in some
 * months) and 2025 (managers only). */
static void
make_v1_file (const char *path)
{
  g_autoptr(GString) sql = g_string_new (schema_v1_copy);

  g_string_append_printf (sql, "PRAGMA application_id = %d;", (int) SD_STORE_APPLICATION_ID);
  g_string_append (sql,
                   "INSERT INTO company VALUES (1, 'ООО Ромашка', 'RUB', '2024-01-01');"
                   "INSERT INTO staff VALUES (1, 'Соколова Анна', 'head', '2023-01-01', NULL, 0,"
                   " NULL);"
                   "INSERT INTO staff VALUES (2, 'Иванов Пётр', 'manager', '2023-06-01', NULL, 0,"
                   " 'Base');"
                   "INSERT INTO staff VALUES (3, 'Петрова Ольга', 'manager', '2023-01-01',"
                   " '2025-03-31', 0, NULL);"
                   "INSERT INTO facts VALUES (2, '2024-01', 100, 90, 10, 1, 5, 20);"
                   "INSERT INTO facts VALUES (3, '2024-01', 200, 190, 20, 2, 6, 30);");
  for (int m = 1; m <= 12; m++)
    {
      g_string_append_printf (sql,
                              "INSERT INTO plan VALUES (2, '2024-%02d', %d, %d, %d);"
                              "INSERT INTO plan VALUES (3, '2024-%02d', %d, %d, %d);",
                              m, 10000000 + m * 123457, m * 10, m, m, 20000000 + m * 7, m * 11,
                              m + 1);
      /* The department's own target in some months only, not equal to the sum. */
      if (m % 3 == 1)
        g_string_append_printf (sql, "INSERT INTO plan VALUES (NULL, '2024-%02d', %d, %d, %d);",
                                m, 35000000 + m, 500 + m, 50 + m);
    }
  for (int m = 1; m <= 3; m++)
    g_string_append_printf (sql,
                            "INSERT INTO plan VALUES (2, '2025-%02d', %d, 0, 0);"
                            "INSERT INTO plan VALUES (3, '2025-%02d', %d, 0, 0);",
                            m, 15000000 * m, m, 25000000);
  g_string_append (sql, "PRAGMA user_version = 1;");
  raw_exec (path, sql->str);
}

/* "manager|month|revenue|leads|deals" lines of a file's plan, in list order. */
static char *
dump_v1_plan (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT coalesce (manager_id, 0), month, revenue, leads,"
                                       " deals FROM plan ORDER BY month, coalesce (manager_id, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s|%s|%s|%s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3),
                            sqlite3_column_text (stmt, 4));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_entries (GArray *entries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const SdPlanEntry *entry = &g_array_index (entries, SdPlanEntry, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%04d-%02d|%" G_GINT64_FORMAT "|%"
                              G_GINT64_FORMAT "|%" G_GINT64_FORMAT "\n",
                              entry->manager_id, sd_month_get_year (entry->month),
                              sd_month_get_month (entry->month), entry->revenue, entry->leads,
                              entry->deals);
    }
  return g_string_free (out, FALSE);
}

static void
test_migrate_v1_to_v2 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *backup = NULL;

  make_v1_file (f->path);
  before = dump_v1_plan (f->path);
  g_assert_cmpuint (strlen (before), >, 0);

  store = sd_store_open (f->path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_get_opened_version (store), ==, 1);
  g_assert_cmpint (sd_store_get_schema_version (store), ==, SD_STORE_SCHEMA_VERSION);

  /* Every figure survives, as the current plan. */
  listed = sd_store_list_plan (store, sd_month_make (2000, 1), sd_month_make (2100, 12), &error);
  g_assert_no_error (error);
  after = dump_entries (listed);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (sd_store_count_facts (store), ==, 2);
  g_assert_cmpuint (count_staff (store, TRUE), ==, 3);

  /* One approved, current version per year, named after it. */
  versions = sd_store_list_plan_versions (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  for (guint i = 0; i < versions->len; i++)
    {
      const SdPlanVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *name = g_strdup_printf ("Plan %d", 2024 + (int) i);
      g_autoptr(SdPlan) plan = NULL;
      g_autoptr(GArray) entries = NULL;

      g_assert_cmpint (version->year, ==, 2024 + (int) i);
      g_assert_cmpstr (version->name, ==, name);
      g_assert_cmpint (version->state, ==, SD_PLAN_STATE_APPROVED);
      g_assert_true (version->current);
      g_assert_true (g_date_valid (&version->approved));

      /* Loaded, the version is its rows: every cell a hand edit, month targets the
       * department's row or else the managers' sum. */
      plan = sd_store_load_plan (store, version->id, sd_calendar_get_default (), NULL, &error);
      g_assert_no_error (error);
      entries = sd_store_list_plan_version_entries (store, version->id, &error);
      for (guint k = 0; k < entries->len; k++)
        {
          const SdPlanEntry *entry = &g_array_index (entries, SdPlanEntry, k);
          int m = sd_month_get_month (entry->month);
          guint index;

          if (entry->manager_id == 0)
            {
              g_assert_cmpint (sd_plan_get_month_target (plan, m), ==, entry->revenue);
              continue;
            }
          g_assert_true (sd_plan_find_manager (plan, entry->manager_id, &index));
          g_assert_cmpint (sd_plan_get_cell (plan, m, index), ==, entry->revenue);
          g_assert_true (sd_plan_cell_is_edited (plan, m, index));
        }
      if (version->year == 2024)
        {
          g_assert_cmpint (sd_plan_get_month_target (plan, 2), ==,
                           10000000 + 2 * 123457 + 20000000 + 2 * 7);
          g_assert_cmpint (sd_plan_get_month_target (plan, 4), ==, 35000004);
        }
      else
        {
          g_assert_cmpint (sd_plan_get_month_target (plan, 3), ==, 45000000 + 25000000);
          g_assert_cmpint (sd_plan_get_month_target (plan, 4), ==, 0);
        }
    }

  /* The file is sound, and undo covers the new tables. */
  g_assert_true (sd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  {
    gint64 id = sd_store_create_plan_version (store, 2024, "Ревизия", SD_SCENARIO_BASE,
                                              ((SdPlanVersion *) g_ptr_array_index (versions,
                                                                                    0))->id,
                                              &error);

    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_true (sd_store_undo (store, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM plan_version"), ==, 2);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, SD_STORE_SCHEMA_VERSION);

  /* A copy of the format-1 file was made before. */
  dir = _sd_store_dup_backup_dir_for (f->path);
  names = list_dir_sorted (dir);
  g_assert_cmpuint (names->len, ==, 1);
  {
    g_autofree char *pattern = g_strdup_printf ("company-before-v%d-*-*.salesdesk",
                                                SD_STORE_SCHEMA_VERSION);

    g_assert_cmpuint (count_matching (names, pattern), ==, 1);
  }
  backup = g_build_filename (dir, g_ptr_array_index (names, 0), NULL);
  g_assert_cmpint (raw_query_int (backup, "PRAGMA user_version"), ==, 1);
  {
    g_autofree char *in_backup = dump_v1_plan (backup);

    g_assert_cmpstr (in_backup, ==, before);
  }
}

/* A format-1 file without any plan gets no versions. */
static void
test_migrate_v1_empty_plan (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d;",
                                             (int) SD_STORE_APPLICATION_ID);

  raw_exec (f->path, schema_v1_copy);
  raw_exec (f->path, set_id);
  raw_exec (f->path, "INSERT INTO company VALUES (1, 'ООО Ромашка', 'RUB', '2024-01-01');"
                     "PRAGMA user_version = 1;");
  store = sd_store_open (f->path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  versions = sd_store_list_plan_versions (store, 0, &error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_assert_true (sd_store_check (store, NULL, &error));
}

/* --- check --- */

static void
test_check_sound (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStaffMember) second_head = make_member ("Второй РОП", SD_ROLE_HEAD, "2024-01-01",
                                                      NULL, NULL);

  g_assert_true (sd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  fill_small_demo (store);
  /* Two heads of sales are allowed. */
  g_assert_cmpint (sd_store_add_staff (store, second_head, &error), >, 0);
  g_assert_true (sd_store_check (store, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (sd_store_check (store, NULL, &error));
}

static void
test_check_problems (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const expected[] = {
    "Monthly facts (record 50) belong to a person who is not in the file.",
    "Facts for Иванов Пётр in 2023-12, before the hire date.",
    "Facts for Петров Олег in 2024-03, after the leave date.",
    "Negative revenue for Иванов Пётр in 2024-01.",
    "A negative number of deals, leads or calls for Петров Олег in 2024-02.",
    "A negative plan for the department in 2024-01.",
  };
  g_autoptr(SdStore) store = create_store (f->path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  fill_small_demo (store);
  g_clear_object (&store);

  /* Hand edits a person could make with another tool. */
  raw_exec (f->path,
            "UPDATE facts SET revenue = -1 WHERE manager_id = 2 AND month = '2024-01';"
            "UPDATE facts SET calls = -5 WHERE manager_id = 3 AND month = '2024-02';"
            "INSERT INTO facts VALUES (2, '2023-12', 1, 1, 1, 1, 1, 1);"
            "INSERT INTO facts VALUES (3, '2024-03', 1, 1, 1, 1, 1, 1);"
            "INSERT INTO facts (rowid, manager_id, month, revenue, paid, margin, deals, leads,"
            "  calls) VALUES (50, 99, '2024-01', 1, 1, 1, 1, 1, 1);"
            "UPDATE plan SET deals = -1 WHERE manager_id IS NULL AND month = '2024-01'"
            " AND version_id IN (SELECT id FROM plan_version WHERE is_current = 1);");

  store = open_store (f->path, SD_STORE_OPEN_NO_BACKUP);
  g_assert_false (sd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
}

/* A format-2 file (made by the real steps 0 → 2, then given v2-only rows) opens as format 3
 * with every row kept, the staff.scheme text untouched and empty pay tables. */
static void
test_migrate_v2_to_v3 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  sqlite3 *db = NULL;
  static const char * const counts[] = {
    "SELECT count(*) FROM staff", "SELECT count(*) FROM facts", "SELECT count(*) FROM plan",
    "SELECT count(*) FROM plan_version", "SELECT count(*) FROM pipeline",
    "SELECT count(*) FROM settings", "SELECT sum (revenue) FROM plan",
  };
  int before[G_N_ELEMENTS (counts)];

  make_v1_file (f->path);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (sd_migrations_run (db, 1, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  raw_exec (f->path,
            "INSERT INTO pipeline (manager_id, expected, amount, probability, client) "
            "VALUES (2, '2025-02-10', 500000, 50, 'ООО Клиент');"
            "INSERT INTO settings VALUES ('forecast.weeks', 6);");
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    before[i] = raw_query_int (f->path, counts[i]);

  store = sd_store_open (f->path, SD_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_get_opened_version (store), ==, 2);
  g_assert_cmpint (sd_store_get_schema_version (store), ==, SD_STORE_SCHEMA_VERSION);
  schemes = sd_store_list_schemes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schemes->len, ==, 0);
  closures = sd_store_list_month_closures (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closures->len, ==, 0);
  {
    g_autoptr(SdStaffMember) ivanov = sd_store_get_staff (store, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ivanov->scheme, ==, "Base");
  }
  g_assert_true (sd_store_check (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, SD_STORE_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpint (raw_query_int (f->path, counts[i]), ==, before[i]);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = "
                                           "'table' AND name IN ('schemes', 'scheme_assignment', "
                                           "'payroll_month', 'payroll_slip', 'payroll_note')"),
                   ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const bad_names[] = {
    "missing", "empty", "text", "binary", "foreign-sqlite", "our-id-version-0", "folder",
    "too-new", "corrupt",
  };

  g_autofree char *home = NULL;
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--hold"))
    return hold_main (argv[2]);

  /* Backups go to the user's data folder: a private one, set before anything reads it.
   * (G_TEST_OPTION_ISOLATE_DIRS would do it per test, but GLib 2.74 leaks the replaced values
   * in g_set_user_dirs, which fails the leak check of the ASan build.) Each test's file has
   * its own path, hence its own backup folder. */
  home = sd_test_make_dir ("test-store-home-XXXXXX");
  {
    g_autofree char *data = g_build_filename (home, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  test_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (test_exe);
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), home));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/create/round-trip", test_create_round_trip);
  ADD ("/store/create/mode-0600", test_create_mode_0600);
  ADD ("/store/create/refuses-existing-file", test_create_refuses_existing);
  ADD ("/store/create/missing-folder", test_create_missing_folder);
  ADD ("/store/create/rejects-invalid-name-or-currency", test_create_rejects_invalid);
  ADD ("/store/staff/round-trip", test_staff_round_trip);
  ADD ("/store/staff/rejects-same-name", test_staff_rejects_same_name);
  ADD ("/store/staff/rejects-invalid", test_staff_rejects_invalid);
  ADD ("/store/staff/remove-archives-with-history", test_staff_remove_archives_with_history);
  ADD ("/store/history/round-trip", test_history_round_trip);
  ADD ("/store/history/fill-demo-replaces-and-forgets-undo", test_history_fill_demo_replaces);
  ADD ("/store/history/fill-demo-all-or-nothing", test_history_fill_demo_all_or_nothing);
  ADD ("/store/history/fill-demo-500-managers-10-years", test_history_fill_demo_large);
  ADD ("/store/undo/add-and-update", test_undo_add_update);
  ADD ("/store/undo/remove-delete-and-archive", test_undo_remove);
  ADD ("/store/undo/group-is-one-step", test_undo_group);
  ADD ("/store/undo/group-rollback", test_undo_group_rollback);
  ADD ("/store/undo/redo-cleared-by-new-edit", test_undo_redo_cleared_by_new_edit);
  ADD ("/store/undo/notify-and-changed-counted", test_undo_notify_counted);
  ADD ("/store/undo/keeps-last-100", test_undo_keeps_last_100);
  ADD ("/store/undo/off-with-no-undo-flag", test_undo_off);
  ADD ("/store/undo/disk-full-changes-nothing", test_undo_disk_full);
  ADD ("/store/import/adds-and-updates-in-one-step", test_import_adds_and_updates);
  ADD ("/store/import/all-or-nothing", test_import_all_or_nothing);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/open/refuses-%s-unchanged", bad_names[i]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_setup, test_open_bad_file,
                  fixture_teardown);
    }
  ADD ("/store/open/locked-by-another-process", test_open_locked);
  ADD ("/store/open/read-only-file", test_open_read_only);
  ADD ("/store/backup/once-per-day", test_backup_once_per_day);
  ADD ("/store/backup/rotation-keeps-7", test_backup_rotation);
  ADD ("/store/backup/failure-does-not-stop-work", test_backup_failure_does_not_stop_work);
  ADD ("/store/backup/save-a-copy", test_backup_to);
  ADD ("/store/migrate/steps-in-one-transaction", test_migrate_steps_direct);
  ADD ("/store/migrate/on-open-after-backup", test_migrate_on_open);
  ADD ("/store/migrate/failure-leaves-file-unchanged", test_migrate_failure_leaves_file);
  ADD ("/store/migrate/v1-to-v2-keeps-every-figure", test_migrate_v1_to_v2);
  ADD ("/store/migrate/v1-to-v2-without-plan", test_migrate_v1_empty_plan);
  ADD ("/store/migrate/v2-to-v3-keeps-every-row", test_migrate_v2_to_v3);
  ADD ("/store/check/sound", test_check_sound);
  ADD ("/store/check/problems", test_check_problems);

#undef ADD

  status = g_test_run ();
  sd_test_remove_tree (home);
  g_free (test_exe);

  return status;
}
