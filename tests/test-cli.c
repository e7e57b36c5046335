/* test-cli.c — salesdesk-cli from the outside: exit codes, one-line failures, files left alone
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sd-demo.h"
#include "sd-store.h"
#include "sd-test-util.h"

#define TODAY "2026-11-22"

/* Each test runs in its own directory, in one locale (the test data). */
typedef struct {
  const char *locale;
  char       *dir;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
is_english (const Fixture *fixture)
{
  return g_str_equal (fixture->locale, "C.UTF-8");
}

static const char *
cli_path (void)
{
  const char *path = g_getenv ("SD_CLI");

  return path != NULL && *path != '\0' ? path : SD_SALESDESK_CLI;
}

static char *
path_in (const Fixture *fixture,
         const char    *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static const struct {
  const char *variable;
  const char *subdir;
} user_dirs[] = {
  { "HOME", "" },
  { "XDG_DATA_HOME", "data" },
  { "XDG_CONFIG_HOME", "config" },
  { "XDG_CACHE_HOME", "cache" },
  { "XDG_STATE_HOME", "state" },
};

/* Runs salesdesk-cli in the fixture's directory with the given arguments (NULL-terminated);
 * `today`, when not NULL, is passed as SALESDESK_TODAY. */
G_GNUC_NULL_TERMINATED
static void
run_cli (Run           *run,
         const Fixture *fixture,
         const char    *today,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  const char *arg;
  va_list args;
  guint i;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  va_start (args, today);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", fixture->locale, TRUE);
  envp = g_environ_setenv (envp, "LANG", fixture->locale, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_unsetenv (envp, "G_MESSAGES_DEBUG");
  /* The program's backups and settings stay inside the test's directory. */
  for (i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (fixture->dir, ".home", user_dirs[i].subdir, NULL);

      envp = g_environ_setenv (envp, user_dirs[i].variable, dir, TRUE);
    }
  if (today != NULL)
    envp = g_environ_setenv (envp, "SALESDESK_TODAY", today, TRUE);
  else
    envp = g_environ_unsetenv (envp, "SALESDESK_TODAY");

  run_clear (run);
  g_spawn_sync (fixture->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  /* A crash, an abort on a warning (G_DEBUG=fatal-warnings) or a sanitizer report is never
   * an acceptable way to fail. */
  if (!WIFEXITED (wait_status))
    g_error ("salesdesk-cli did not exit normally (status %d); stderr: %s", wait_status, run->err);
  run->status = WEXITSTATUS (wait_status);
}

static void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_error ("expected success, got exit %d; stderr: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_suffix (run->out, "\n"));
}

/* Exactly one line on stderr, "salesdesk-cli: …", nothing on stdout. */
static void
assert_failure (const Run *run,
                int        status)
{
  const char *newline;

  if (run->status != status)
    g_error ("expected exit %d, got %d; stderr: %s", status, run->status, run->err);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "salesdesk-cli: "));
  newline = strchr (run->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_cmpuint (strlen (run->err), >, strlen ("salesdesk-cli: ") + 10);
  g_assert_true (g_utf8_validate (run->err, -1, NULL));
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = sd_test_read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

static void
write_file (const Fixture *fixture,
            const char    *name,
            const char    *data,
            gssize         length)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static SdStore *
open_store (const Fixture *fixture,
            const char    *name)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_open (path, SD_STORE_OPEN_NO_UNDO | SD_STORE_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static GPtrArray *
list_staff (SdStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *staff = sd_store_list_staff (store, TRUE, &error);

  g_assert_no_error (error);
  return staff;
}

static const SdStaffMember *
find_by_name (GPtrArray  *staff,
              const char *name)
{
  guint i;

  for (i = 0; i < staff->len; i++)
    {
      const SdStaffMember *member = g_ptr_array_index (staff, i);

      if (g_str_equal (member->name, name))
        return member;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->locale = data;
  fixture->dir = sd_test_make_dir ("salesdesk-cli-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* --- new and check --- */

static void
test_new_then_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;
  g_autofree char *path = path_in (fixture, "company.salesdesk");
  GStatBuf st;

  run_cli (&run, fixture, NULL, "new", "company.salesdesk", "--name", "ООО Тест", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_cmpstr (run.out, ==, "Created «company.salesdesk»: ООО Тест, currency RUB.\n");

  /* Company files hold salaries: readable by their owner only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  run_cli (&run, fixture, NULL, "check", "company.salesdesk", NULL);
  assert_success (&run);
  if (is_english (fixture))
    {
      g_autofree char *expected =
        g_strdup_printf ("«company.salesdesk»: sound — 0 people, 0 monthly facts, format %d\n",
                         SD_STORE_SCHEMA_VERSION);

      g_assert_cmpstr (run.out, ==, expected);
    }

  store = open_store (fixture, "company.salesdesk");
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Тест");
  g_assert_cmpstr (sd_store_get_currency (store), ==, "RUB");
}

/* Options before the file, "--name=VALUE", a lower-case currency code. */
static void
test_new_option_forms (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;

  run_cli (&run, fixture, NULL, "new", "--name=Vector LLC", "--currency", "usd",
           "usd.salesdesk", NULL);
  assert_success (&run);
  store = open_store (fixture, "usd.salesdesk");
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "Vector LLC");
  g_assert_cmpstr (sd_store_get_currency (store), ==, "USD");
}

static void
test_new_refuses_overwrite (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "company.salesdesk");
  g_autoptr(GBytes) before = NULL;

  run_cli (&run, fixture, NULL, "new", "company.salesdesk", "--name", "First", NULL);
  assert_success (&run);
  before = sd_test_read_bytes (path);

  run_cli (&run, fixture, NULL, "new", "company.salesdesk", "--name", "Second", NULL);
  assert_failure (&run, 3);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.err, "«company.salesdesk»"));
  assert_unchanged (path, before);

  run_cli (&run, fixture, TODAY, "demo", "company.salesdesk", NULL);
  assert_failure (&run, 3);
  assert_unchanged (path, before);

  /* Not even a file that is not a company file is overwritten. */
  write_file (fixture, "notes.txt", "my notes\n", -1);
  run_cli (&run, fixture, NULL, "new", "notes.txt", NULL);
  assert_failure (&run, 3);
  {
    g_autofree char *notes = path_in (fixture, "notes.txt");
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (notes, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "my notes\n");
  }
}

static void
test_new_bad_values (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const bad[][2] = {
    { "--name", "   " },
    { "--currency", "RUBL" },
    { "--currency", "R1" },
  };
  g_auto(Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "company.salesdesk");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      run_cli (&run, fixture, NULL, "new", "company.salesdesk", bad[i][0], bad[i][1], NULL);
      assert_failure (&run, 1);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* The directory does not exist: the company file cannot be made. */
  run_cli (&run, fixture, NULL, "new", "no-such-dir/company.salesdesk", NULL);
  assert_failure (&run, 3);
}

/* --- demo --- */

static void
test_demo_default (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(SdDemoCompany) demo = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  demo = sd_demo_generate (8, 2, 1, &today);

  run_cli (&run, fixture, TODAY, "demo", "demo.salesdesk", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_cmpstr (run.out, ==,
                     "Created «demo.salesdesk»: ООО Ромашка, 9 people, 24 months of history.\n");

  run_cli (&run, fixture, NULL, "check", "demo.salesdesk", NULL);
  assert_success (&run);
  if (is_english (fixture))
    {
      g_autofree char *expected =
        g_strdup_printf ("«demo.salesdesk»: sound — 9 people, %u monthly facts, format %d\n",
                         demo->facts->len, SD_STORE_SCHEMA_VERSION);

      g_assert_cmpstr (run.out, ==, expected);
    }

  store = open_store (fixture, "demo.salesdesk");
  staff = list_staff (store);
  g_assert_cmpuint (staff->len, ==, 9);
  g_assert_cmpstr (sd_store_get_company_name (store), ==, "ООО Ромашка");
  g_assert_cmpuint (sd_store_count_facts (store), ==, demo->facts->len);
}

static void
test_demo_large (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  run_cli (&run, fixture, TODAY, "demo", "large.salesdesk", "--managers", "500",
           "--years", "10", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.out, "501 people, 120 months of history."));

  run_cli (&run, fixture, NULL, "check", "large.salesdesk", NULL);
  assert_success (&run);

  store = open_store (fixture, "large.salesdesk");
  staff = list_staff (store);
  g_assert_cmpuint (staff->len, ==, 501);
  g_assert_cmpuint (sd_store_count_facts (store), >, 500 * 100);
}

static void
assert_same_company (SdStore *a,
                     SdStore *b)
{
  g_autoptr(GPtrArray) staff_a = list_staff (a);
  g_autoptr(GPtrArray) staff_b = list_staff (b);
  g_autoptr(GArray) facts_a = NULL;
  g_autoptr(GArray) facts_b = NULL;
  g_autoptr(GArray) plan_a = NULL;
  g_autoptr(GArray) plan_b = NULL;
  SdMonth first = sd_month_make (1990, 1), last = sd_month_make (2100, 12);
  guint i;

  g_assert_cmpstr (sd_store_get_company_name (a), ==, sd_store_get_company_name (b));
  g_assert_cmpuint (staff_a->len, ==, staff_b->len);
  for (i = 0; i < staff_a->len; i++)
    {
      const SdStaffMember *ma = g_ptr_array_index (staff_a, i);
      const SdStaffMember *mb = g_ptr_array_index (staff_b, i);

      g_assert_cmpint (ma->id, ==, mb->id);
      g_assert_true (sd_staff_member_equal (ma, mb));
    }

  facts_a = sd_store_list_facts (a, first, last, NULL);
  facts_b = sd_store_list_facts (b, first, last, NULL);
  g_assert_nonnull (facts_a);
  g_assert_nonnull (facts_b);
  g_assert_cmpuint (facts_a->len, >, 0);
  g_assert_cmpuint (facts_a->len, ==, facts_b->len);
  for (i = 0; i < facts_a->len; i++)
    {
      const SdFact *fa = &g_array_index (facts_a, SdFact, i);
      const SdFact *fb = &g_array_index (facts_b, SdFact, i);

      g_assert_cmpint (fa->manager_id, ==, fb->manager_id);
      g_assert_cmpint (fa->month, ==, fb->month);
      g_assert_cmpint (fa->revenue, ==, fb->revenue);
      g_assert_cmpint (fa->paid, ==, fb->paid);
      g_assert_cmpint (fa->margin, ==, fb->margin);
      g_assert_cmpint (fa->deals, ==, fb->deals);
      g_assert_cmpint (fa->leads, ==, fb->leads);
      g_assert_cmpint (fa->calls, ==, fb->calls);
    }

  plan_a = sd_store_list_plan (a, first, last, NULL);
  plan_b = sd_store_list_plan (b, first, last, NULL);
  g_assert_nonnull (plan_a);
  g_assert_nonnull (plan_b);
  g_assert_cmpuint (plan_a->len, ==, plan_b->len);
  for (i = 0; i < plan_a->len; i++)
    {
      const SdPlanEntry *pa = &g_array_index (plan_a, SdPlanEntry, i);
      const SdPlanEntry *pb = &g_array_index (plan_b, SdPlanEntry, i);

      g_assert_cmpint (pa->manager_id, ==, pb->manager_id);
      g_assert_cmpint (pa->month, ==, pb->month);
      g_assert_cmpint (pa->revenue, ==, pb->revenue);
      g_assert_cmpint (pa->leads, ==, pb->leads);
      g_assert_cmpint (pa->deals, ==, pb->deals);
    }
}

static void
test_demo_reproducible (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) a = NULL;
  g_autoptr(SdStore) b = NULL;
  g_autoptr(SdStore) c = NULL;
  g_autoptr(GPtrArray) staff_a = NULL;
  g_autoptr(GPtrArray) staff_c = NULL;

  run_cli (&run, fixture, TODAY, "demo", "a.salesdesk", "--seed", "42", "--managers", "12", NULL);
  assert_success (&run);
  run_cli (&run, fixture, TODAY, "demo", "--managers=12", "--seed=42", "b.salesdesk", NULL);
  assert_success (&run);
  run_cli (&run, fixture, TODAY, "demo", "c.salesdesk", "--seed", "43", "--managers", "12", NULL);
  assert_success (&run);

  a = open_store (fixture, "a.salesdesk");
  b = open_store (fixture, "b.salesdesk");
  c = open_store (fixture, "c.salesdesk");
  assert_same_company (a, b);

  /* Another seed, another company. */
  staff_a = list_staff (a);
  staff_c = list_staff (c);
  g_assert_cmpuint (staff_a->len, ==, 13);
  g_assert_cmpuint (staff_c->len, ==, 13);
  g_assert_false (sd_staff_member_equal (g_ptr_array_index (staff_a, 1),
                                         g_ptr_array_index (staff_c, 1)));
}

static void
test_demo_bad_values (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    const char *option;
    const char *value;
  } refused[] = {
    { "--managers", "0" },
    { "--managers", "2001" },
    { "--managers", "abc" },
    { "--managers", "-3" },
    { "--managers", "" },
    { "--years", "0" },
    { "--years", "21" },
    { "--seed", "-1" },
    { "--seed", "4294967296" },
  };
  g_auto(Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "demo.salesdesk");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      run_cli (&run, fixture, TODAY, "demo", "demo.salesdesk", refused[i].option,
               refused[i].value, NULL);
      assert_failure (&run, 1);
      if (is_english (fixture))
        g_assert_nonnull (strstr (run.err, refused[i].option));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* An option without its value is a usage error. */
  run_cli (&run, fixture, TODAY, "demo", "demo.salesdesk", "--managers", NULL);
  assert_failure (&run, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A malformed SALESDESK_TODAY is refused, not guessed at. */
  run_cli (&run, fixture, "2026-13-01", "demo", "demo.salesdesk", NULL);
  assert_failure (&run, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The bounds themselves are accepted. */
  run_cli (&run, fixture, TODAY, "demo", "demo.salesdesk", "--managers", "1", "--years", "1",
           "--seed", "4294967295", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.out, "2 people, 12 months of history."));
}

/* --- import-staff --- */

static const char staff_comma[] =
  "manager,role,hired,left,scheme\n"
  "Иванов Иван,manager,2024-01-15,,\n"
  "\"Петрова Анна\",head,2023-05-01,,\n"
  "Сидоров Пётр,manager,2022-03-01,2025-06-30,\n";

static const char staff_semicolon[] =
  "\xef\xbb\xbfmanager;role;hired;left;scheme\r\n"
  "Иванов Иван;manager;15.01.2024;;\r\n"
  "Петрова Анна;руководитель;2023-05-01;;\r\n";

/* Windows-1251, as Excel saves "CSV" on a Russian Windows: "Иванов Иван", "Петрова Анна",
 * "руководитель". */
static const char staff_cp1251[] =
  "manager,role,hired,left,scheme\r\n"
  "\xc8\xe2\xe0\xed\xee\xe2 \xc8\xe2\xe0\xed,manager,2024-01-15,,\r\n"
  "\xcf\xe5\xf2\xf0\xee\xe2\xe0 \xc0\xed\xed\xe0,"
  "\xf0\xf3\xea\xee\xe2\xee\xe4\xe8\xf2\xe5\xeb\xfc,2023-05-01,,\r\n";

static void
create_empty_company (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture, NULL, "new", "company.salesdesk", "--name", "ООО Тест", NULL);
  assert_success (&run);
}

static void
test_import_staff_comma (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  const SdStaffMember *member;

  create_empty_company (fixture);
  write_file (fixture, "staff.csv", staff_comma, -1);

  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_cmpstr (run.out, ==,
                     "Imported 3 people into «company.salesdesk»: 3 added, 0 updated.\n");

  /* Importing again updates the same people rather than adding them twice. */
  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_cmpstr (run.out, ==,
                     "Imported 3 people into «company.salesdesk»: 0 added, 3 updated.\n");

  store = open_store (fixture, "company.salesdesk");
  staff = list_staff (store);
  g_assert_cmpuint (staff->len, ==, 3);

  member = find_by_name (staff, "Петрова Анна");
  g_assert_nonnull (member);
  g_assert_cmpint (member->role, ==, SD_ROLE_HEAD);
  sd_test_assert_date (&member->hired, "2023-05-01");
  g_assert_false (g_date_valid (&member->left));

  member = find_by_name (staff, "Сидоров Пётр");
  g_assert_nonnull (member);
  g_assert_cmpint (member->role, ==, SD_ROLE_MANAGER);
  sd_test_assert_date (&member->hired, "2022-03-01");
  sd_test_assert_date (&member->left, "2025-06-30");
}

static void
assert_imported_two (Fixture *fixture)
{
  g_autoptr(SdStore) store = open_store (fixture, "company.salesdesk");
  g_autoptr(GPtrArray) staff = list_staff (store);
  const SdStaffMember *ivanov = find_by_name (staff, "Иванов Иван");
  const SdStaffMember *petrova = find_by_name (staff, "Петрова Анна");

  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_nonnull (ivanov);
  g_assert_nonnull (petrova);
  sd_test_assert_date (&ivanov->hired, "2024-01-15");
  g_assert_cmpint (ivanov->role, ==, SD_ROLE_MANAGER);
  g_assert_cmpint (petrova->role, ==, SD_ROLE_HEAD);
}

static void
test_import_staff_semicolon (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  create_empty_company (fixture);
  write_file (fixture, "staff.csv", staff_semicolon, -1);

  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_cmpstr (run.out, ==,
                     "Imported 2 people into «company.salesdesk»: 2 added, 0 updated.\n");
  assert_imported_two (fixture);
}

static void
test_import_staff_cp1251 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  create_empty_company (fixture);
  write_file (fixture, "staff.csv", staff_cp1251, -1);

  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_success (&run);
  assert_imported_two (fixture);
}

/* Every refused import leaves the company file byte for byte as it was. */
static void
test_import_staff_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct {
    const char *csv;
    const char *says;    /* part of the English message */
  } cases[] = {
    /* An unterminated quote. */
    { "manager,role,hired,left,scheme\n\"Иванов Иван,manager,2024-01-15,,\n", "«staff.csv»" },
    /* One bad row (line 4) among good ones. */
    { "manager,role,hired,left,scheme\n"
      "Иванов Иван,manager,2024-01-15,,\n"
      "Петрова Анна,head,2023-05-01,,\n"
      "Сидоров Пётр,manager,2024-02-30,,\n"
      "Кузнецова Ольга,manager,2021-09-01,,\n", "line 4" },
    /* Two bad rows: the count and both lines. */
    { "manager,role,hired,left,scheme\n"
      "Иванов Иван,manager,2024-01-15,,\n"
      "Петрова Анна,director,2023-05-01,,\n"
      "Сидоров Пётр,manager,2024-02-01,2023-01-01,\n", "2 of 3 rows rejected" },
    /* No manager column. */
    { "name,role,hired\nИванов Иван,manager,2024-01-15\n", "«staff.csv»" },
    /* A header and nothing else. */
    { "manager,role,hired,left,scheme\n", "«staff.csv»" },
    /* An empty file. */
    { "", "«staff.csv»" },
  };
  g_auto(Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "company.salesdesk");
  g_autoptr(GBytes) before = NULL;
  guint i;

  create_empty_company (fixture);
  write_file (fixture, "staff.csv", staff_comma, -1);
  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_success (&run);
  before = sd_test_read_bytes (path);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      write_file (fixture, "staff.csv", cases[i].csv, -1);
      run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
      assert_failure (&run, 1);
      if (is_english (fixture))
        g_assert_nonnull (strstr (run.err, cases[i].says));
      assert_unchanged (path, before);
    }

  /* A CSV file that is not there. */
  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "missing.csv", NULL);
  assert_failure (&run, 1);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.err, "«missing.csv»"));
  assert_unchanged (path, before);
}

static void
test_import_staff_long_problem_list (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GString) csv = g_string_new ("manager,role,hired,left,scheme\n");
  guint i;

  create_empty_company (fixture);
  for (i = 0; i < 10; i++)
    g_string_append_printf (csv, "Менеджер %u,manager,%s,,\n", i, i % 2 ? "2024-01-01" : "never");
  write_file (fixture, "staff.csv", csv->str, -1);

  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_failure (&run, 1);
  if (is_english (fixture))
    {
      g_assert_true (g_str_has_prefix (run.err,
                                       "salesdesk-cli: «staff.csv»: 5 of 10 rows rejected — line 2: "));
      g_assert_nonnull (strstr (run.err, "; line 4: "));
      g_assert_nonnull (strstr (run.err, "; line 6: "));
      g_assert_null (strstr (run.err, "line 8"));
      g_assert_true (g_str_has_suffix (run.err, "; …\n"));
    }
}

/* --- the command line itself --- */

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture, NULL, NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "frobnicate", "company.salesdesk", NULL);
  assert_failure (&run, 2);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.err, "frobnicate"));

  run_cli (&run, fixture, NULL, "--frobnicate", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "check", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "check", "a.salesdesk", "b.salesdesk", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "check", "a.salesdesk", "--frobnicate", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "check", "a.salesdesk", "-x", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "new", "--name", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", NULL);
  assert_failure (&run, 2);
}

/* --- facts and plans --- */

static void
create_demo_company (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture, TODAY, "demo", "company.salesdesk", NULL);
  assert_success (&run);
}

static const char facts_good[] =
  "month;manager;revenue;paid;margin;deals;leads;calls\r\n"
  "2026-10;Леонов Егор;\"1 500 000,50\";1 000 000;-2500,25;10;40;500\r\n"
  "2026-09;леонов егор ;0;0;0;0;0;0\r\n";

static void
test_import_facts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GError) error = NULL;
  const SdStaffMember *leonov;
  gboolean found = FALSE;

  create_demo_company (fixture);
  write_file (fixture, "facts.csv", facts_good, -1);

  run_cli (&run, fixture, TODAY, "import-facts", "company.salesdesk", "facts.csv", NULL);
  assert_success (&run);
  if (is_english (fixture))
    g_assert_cmpstr (run.out, ==, "Imported 2 monthly facts into «company.salesdesk».\n");

  store = open_store (fixture, "company.salesdesk");
  staff = list_staff (store);
  leonov = find_by_name (staff, "Леонов Егор");
  g_assert_nonnull (leonov);
  facts = sd_store_list_facts (store, sd_month_make (2026, 10), sd_month_make (2026, 10), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      const SdFact *fact = &g_array_index (facts, SdFact, i);

      if (fact->manager_id != leonov->id)
        continue;
      found = TRUE;
      g_assert_cmpint (fact->revenue, ==, 150000050);
      g_assert_cmpint (fact->paid, ==, 100000000);
      g_assert_cmpint (fact->margin, ==, -250025);
      g_assert_cmpint (fact->deals, ==, 10);
      g_assert_cmpint (fact->leads, ==, 40);
      g_assert_cmpint (fact->calls, ==, 500);
    }
  g_assert_true (found);
}

static void
test_import_facts_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct {
    const char *csv;
    const char *english;   /* the start of the message in English */
  } cases[] = {
    { "month,manager,revenue,paid,margin,deals,leads,calls\n"
      "2026-10,Леонов Егор,100,100,10,1,1,1\n"
      "2026-10,Nobody Known,100,100,10,1,1,1\n",
      "salesdesk-cli: «facts.csv»: 1 of 2 rows rejected — line 3: «Nobody Known» is not on the staff" },
    { "month,manager,revenue,paid,margin,deals,leads,calls\n"
      "2026-13,Леонов Егор,abc,100,10,1.5,1,1\n",
      "salesdesk-cli: «facts.csv»: 1 of 1 row rejected — line 2: the month:" },
    { "month,manager,revenue,paid,margin,deals,leads,calls\n"
      "2026-10,Леонов Егор,-100,100,10,1,1,1\n",
      "salesdesk-cli: «facts.csv»: 1 of 1 row rejected — line 2: revenue cannot be below zero" },
    { "month,manager,revenue,paid,margin,deals,leads,calls\n"
      "2026-10,Леонов Егор,100,100,10,1,1,1\n"
      "2026-10,ЛЕОНОВ ЕГОР,100,100,10,1,1,1\n",
      "salesdesk-cli: «facts.csv»: 1 of 2 rows rejected — line 3: «ЛЕОНОВ ЕГОР» in 2026-10 is already on line 2" },
    { "month,manager,revenue\n2026-10,Леонов Егор,100\n",
      "salesdesk-cli: «facts.csv»: The file has no columns" },
    /* Before the hire date: the store refuses, nothing is written. */
    { "month,manager,revenue,paid,margin,deals,leads,calls\n"
      "2020-01,Леонов Егор,100,100,10,1,1,1\n",
      "salesdesk-cli: " },
  };
  g_autofree char *company = NULL;

  create_demo_company (fixture);
  company = path_in (fixture, "company.salesdesk");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GBytes) before = sd_test_read_bytes (company);

      write_file (fixture, "facts.csv", cases[i].csv, -1);
      run_cli (&run, fixture, TODAY, "import-facts", "company.salesdesk", "facts.csv", NULL);
      assert_failure (&run, 1);
      if (is_english (fixture) && !g_str_has_prefix (run.err, cases[i].english))
        g_error ("case %u: unexpected message: %s", i, run.err);
      assert_unchanged (company, before);
    }
}

/* plan → import-plan into another copy → plan writes the same bytes. */
static void
test_plan_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *first_path = path_in (fixture, "plan.csv");
  g_autofree char *second_path = path_in (fixture, "plan2.csv");
  g_autofree char *company = path_in (fixture, "company.salesdesk");
  g_autofree char *copy = path_in (fixture, "copy.salesdesk");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(SdPlanVersion) version = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  create_demo_company (fixture);
  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--year", "2026",
           "--output", "plan.csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  first = sd_test_read_bytes (first_path);
  contents = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_assert_true (g_str_has_prefix (contents, "month,manager,revenue,leads,deals\n2026-01,"));
  /* A decimal point and two decimals, whatever the locale. */
  g_assert_nonnull (strstr (contents, "0.00,"));
  g_assert_null (strstr (contents, "\r"));

  {
    g_autoptr(GBytes) bytes = sd_test_read_bytes (company);

    g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
  }
  run_cli (&run, fixture, TODAY, "import-plan", "copy.salesdesk", "plan.csv", NULL);
  assert_success (&run);
  run_cli (&run, fixture, TODAY, "plan", "copy.salesdesk", "--year", "2026",
           "--output", "plan2.csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  second = sd_test_read_bytes (second_path);
  g_assert_true (g_bytes_equal (first, second));

  /* The imported plan is a new, current draft; the approved one is kept. */
  store = open_store (fixture, "copy.salesdesk");
  version = sd_store_get_current_plan_version (store, 2026, &error);
  g_assert_no_error (error);
  g_assert_nonnull (version);
  g_assert_cmpint (version->state, ==, SD_PLAN_STATE_DRAFT);
  versions = sd_store_list_plan_versions (store, 2026, &error);
  g_assert_cmpuint (versions->len, ==, 3);
}

static void
test_import_plan_department_rows (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  const SdStaffMember *leonov;
  SdMoney department = -1, personal = -1;

  create_demo_company (fixture);
  write_file (fixture, "plan.csv",
              "Month;Manager;Revenue\n"
              "2027-01;;\"12 000 000,00\"\n"
              "2027-01;Леонов Егор;1 500 000\n", -1);
  run_cli (&run, fixture, TODAY, "import-plan", "company.salesdesk", "plan.csv", NULL);
  assert_success (&run);

  store = open_store (fixture, "company.salesdesk");
  staff = list_staff (store);
  leonov = find_by_name (staff, "Леонов Егор");
  plan = sd_store_list_plan (store, sd_month_make (2027, 1), sd_month_make (2027, 1), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->len; i++)
    {
      const SdPlanEntry *entry = &g_array_index (plan, SdPlanEntry, i);

      if (entry->manager_id == 0)
        department = entry->revenue;
      else if (entry->manager_id == leonov->id)
        personal = entry->revenue;
    }
  g_assert_cmpint (department, ==, 1200000000);
  g_assert_cmpint (personal, ==, 150000000);
}

static void
test_plan_output_errors (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  create_demo_company (fixture);

  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--year", "2031",
           "--output", "plan.csv", NULL);
  assert_failure (&run, 1);
  if (is_english (fixture))
    g_assert_cmpstr (run.err, ==, "salesdesk-cli: There is no plan for 2031 in this company "
                                  "file. Create one or import plan.csv first.\n");

  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--year", "2026",
           "--output", "plan.txt", NULL);
  assert_failure (&run, 1);

  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--year", "twenty",
           "--output", "plan.csv", NULL);
  assert_failure (&run, 1);

  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--output", "plan.csv", NULL);
  assert_failure (&run, 2);

  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--year", "2026",
           "--output", "no-such-folder/plan.csv", NULL);
  assert_failure (&run, 1);
}

/* The workbook read back: the same figures, exact under a decimal-comma locale. */
static void
test_plan_xlsx (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *xlsx = path_in (fixture, "plan.xlsx");
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  create_demo_company (fixture);
  run_cli (&run, fixture, TODAY, "plan", "company.salesdesk", "--year", "2026",
           "--output", "plan.xlsx", NULL);
  g_assert_cmpint (run.status, ==, 0);

  script = g_strdup_printf (
    "import sys\n"
    "try:\n"
    "    import openpyxl\n"
    "except ImportError:\n"
    "    print('SKIP'); sys.exit(0)\n"
    "ws = openpyxl.load_workbook(%s).active\n"
    "rows = list(ws.iter_rows(values_only=True))\n"
    "assert rows[0] == ('month', 'manager', 'revenue', 'leads', 'deals'), rows[0]\n"
    "assert ws.freeze_panes == 'A2', ws.freeze_panes\n"
    "assert '₽' in ws['C2'].number_format\n"
    "total = round(sum(r[2] for r in rows[1:]) * 100)\n"
    "print(len(rows) - 1, total)\n", "sys.argv[1]");
  {
    const char *argv[] = { "/usr/bin/python3", "-c", script, xlsx, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &wait_status, &error);
  }
  g_assert_no_error (error);
  if (g_str_has_prefix (out, "SKIP"))
    {
      g_test_skip ("python3-openpyxl is not installed");
      return;
    }
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("reading the workbook failed: %s", err);

  {
    g_autoptr(SdStore) store = open_store (fixture, "company.salesdesk");
    g_autoptr(GArray) plan = sd_store_list_plan (store, sd_month_make (2026, 1),
                                                 sd_month_make (2026, 12), &error);
    g_autofree char *expected = NULL;
    SdMoney total = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < plan->len; i++)
      total += g_array_index (plan, SdPlanEntry, i).revenue;
    expected = g_strdup_printf ("%u %" G_GINT64_FORMAT "\n", plan->len, total);
    g_assert_cmpstr (out, ==, expected);
  }
}

static void
test_report_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  /* Nothing asked: a usage error that says what to add. */
  run_cli (&run, fixture, NULL, "report", "company.salesdesk", NULL);
  assert_failure (&run, 2);
  if (is_english (fixture))
    g_assert_cmpstr (run.err, ==, "salesdesk-cli: Which period? Add --period YYYY, YYYY-Qn or "
                                  "YYYY-MM. See “salesdesk-cli report --help”.\n");
  run_clear (&run);
  run_cli (&run, fixture, NULL, "report", "company.salesdesk", "--period", "2026", NULL);
  assert_failure (&run, 2);
  run_clear (&run);

  /* A period that is none, and a file name that says neither xlsx nor pdf: refused. */
  run_cli (&run, fixture, NULL, "report", "company.salesdesk", "--period", "2026-Q5",
           "--output", "r.xlsx", NULL);
  assert_failure (&run, 1);
  run_clear (&run);
  run_cli (&run, fixture, NULL, "report", "company.salesdesk", "--period", "2026",
           "--output", "r.docx", NULL);
  assert_failure (&run, 1);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.err, ".xlsx"));
}

static void
test_help_and_version (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture, NULL, "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "salesdesk-cli demo"));
  g_assert_nonnull (strstr (run.out, "import-staff"));
  g_assert_nonnull (strstr (run.out, "SALESDESK_TODAY"));

  run_cli (&run, fixture, NULL, "-h", NULL);
  assert_success (&run);

  run_cli (&run, fixture, NULL, "demo", "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "--managers"));

  run_cli (&run, fixture, NULL, "--version", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "salesdesk-cli " PACKAGE_VERSION "\n");
}

/* --- company files that cannot be used --- */

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "missing.salesdesk");

  write_file (fixture, "staff.csv", staff_comma, -1);

  run_cli (&run, fixture, NULL, "check", "missing.salesdesk", NULL);
  assert_failure (&run, 3);
  if (is_english (fixture))
    g_assert_nonnull (strstr (run.err, "«missing.salesdesk»"));

  run_cli (&run, fixture, NULL, "import-staff", "missing.salesdesk", "staff.csv", NULL);
  assert_failure (&run, 3);

  /* Nothing was created by looking. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
write_foreign_sqlite (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                                     "INSERT INTO notes (text) VALUES ('not a company');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_not_ours (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sqlite_path = path_in (fixture, "other.salesdesk");
  const char *paths[] = { "letter.salesdesk", "other.salesdesk" };
  guint i;

  write_file (fixture, "letter.salesdesk", "Dear customer,\nthis is a letter.\n", -1);
  write_foreign_sqlite (sqlite_path);
  write_file (fixture, "staff.csv", staff_comma, -1);

  for (i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = path_in (fixture, paths[i]);
      g_autoptr(GBytes) before = sd_test_read_bytes (path);

      run_cli (&run, fixture, NULL, "check", paths[i], NULL);
      assert_failure (&run, 3);
      assert_unchanged (path, before);

      run_cli (&run, fixture, NULL, "import-staff", paths[i], "staff.csv", NULL);
      assert_failure (&run, 3);
      assert_unchanged (path, before);
    }
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(SdStore) holder = NULL;

  create_empty_company (fixture);
  write_file (fixture, "staff.csv", staff_comma, -1);

  /* Another program has the company open. */
  holder = open_store (fixture, "company.salesdesk");

  run_cli (&run, fixture, NULL, "check", "company.salesdesk", NULL);
  assert_failure (&run, 3);
  run_cli (&run, fixture, NULL, "import-staff", "company.salesdesk", "staff.csv", NULL);
  assert_failure (&run, 3);

  {
    g_autoptr(GPtrArray) staff = list_staff (holder);

    g_assert_cmpuint (staff->len, ==, 0);
  }
  sd_store_close (holder);
  g_clear_object (&holder);

  run_cli (&run, fixture, NULL, "check", "company.salesdesk", NULL);
  assert_success (&run);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A file that is ours and whole, but whose figures break the rules: status 1, the count and
 * the first three problems on one line, the file untouched. */
static void
test_check_problems (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "demo.salesdesk");
  g_autoptr(GBytes) before = NULL;

  run_cli (&run, fixture, TODAY, "demo", "demo.salesdesk", NULL);
  assert_success (&run);
  exec_sql (path, "UPDATE facts SET revenue = -100 WHERE manager_id = 2 AND month >= '2025-01'"
                  "  AND month <= '2025-05'");
  before = sd_test_read_bytes (path);

  run_cli (&run, fixture, NULL, "check", "demo.salesdesk", NULL);
  assert_failure (&run, 1);
  if (is_english (fixture))
    {
      g_assert_true (g_str_has_prefix (run.err, "salesdesk-cli: «demo.salesdesk»: 5 problems: "));
      g_assert_nonnull (strstr (run.err, "2025-01"));
      g_assert_nonnull (strstr (run.err, "2025-03"));
      g_assert_null (strstr (run.err, "2025-04"));
      g_assert_true (g_str_has_suffix (run.err, "; …\n"));
    }
  assert_unchanged (path, before);
}

static void
add_test (const char  *locale,
          const char  *name,
          void       (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strdup_printf ("/cli/%s/%s", locale, name);

  g_test_add (path, Fixture, locale, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  static const char * const locales[] = { "C.UTF-8", "ru_RU.UTF-8" };
  static const struct {
    const char *name;
    void      (*func) (Fixture *, gconstpointer);
    gboolean    in_every_locale;
  } tests[] = {
    { "new/then-check", test_new_then_check, TRUE },
    { "new/option-forms", test_new_option_forms, FALSE },
    { "new/refuses-to-overwrite", test_new_refuses_overwrite, TRUE },
    { "new/bad-values-refused", test_new_bad_values, FALSE },
    { "demo/default-then-check", test_demo_default, TRUE },
    { "demo/500-managers-10-years", test_demo_large, FALSE },
    { "demo/reproducible", test_demo_reproducible, FALSE },
    { "demo/bad-values-refused", test_demo_bad_values, TRUE },
    { "import-staff/comma", test_import_staff_comma, TRUE },
    { "import-staff/semicolon-bom-crlf", test_import_staff_semicolon, FALSE },
    { "import-staff/windows-1251", test_import_staff_cp1251, TRUE },
    { "import-staff/refused-changes-nothing", test_import_staff_refused, TRUE },
    { "import-staff/first-three-problems", test_import_staff_long_problem_list, FALSE },
    { "import-facts/decimal-comma-semicolon", test_import_facts, TRUE },
    { "import-facts/refused-changes-nothing", test_import_facts_refused, TRUE },
    { "plan/csv-round-trip", test_plan_round_trip, TRUE },
    { "plan/import-department-rows", test_import_plan_department_rows, FALSE },
    { "plan/output-errors", test_plan_output_errors, TRUE },
    { "plan/xlsx-read-back", test_plan_xlsx, TRUE },
    { "usage/errors-exit-2", test_usage_errors, TRUE },
    { "usage/report", test_report_usage, TRUE },
    { "usage/help-and-version", test_help_and_version, FALSE },
    { "check/problems-exit-1-unchanged", test_check_problems, TRUE },
    { "file/missing-exit-3", test_missing_file, TRUE },
    { "file/not-ours-exit-3-unchanged", test_not_ours, TRUE },
    { "file/locked-exit-3", test_locked, TRUE },
  };
  g_autofree char *home = NULL;
  guint l, t;
  int status;

  /* Private user folders for this process, set before anything reads them; each child gets
   * its own inside its test's directory (run_cli). G_TEST_OPTION_ISOLATE_DIRS would do it
   * per test, but GLib 2.74 leaks the replaced values in g_set_user_dirs, which fails the
   * leak check of the ASan build. */
  home = sd_test_make_dir ("test-cli-home-XXXXXX");
  for (t = 0; t < G_N_ELEMENTS (user_dirs); t++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[t].subdir, NULL);

      g_setenv (user_dirs[t].variable, dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  for (l = 0; l < G_N_ELEMENTS (locales); l++)
    for (t = 0; t < G_N_ELEMENTS (tests); t++)
      if (l == 0 || tests[t].in_every_locale)
        add_test (locales[l], tests[t].name, tests[t].func);

  status = g_test_run ();
  sd_test_remove_tree (home);
  return status;
}
