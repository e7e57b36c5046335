/* sd-test-store.h — fixture helpers the store, report and GUI tests share: company files,
 * their staff, and their removal
 *
 * Header only: every function is static and marked unused, so a test takes what it needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sd-demo.h"
#include "sd-store.h"
#include "sd-test-util.h"

/* Adds a member to the staff: hired on the ISO day `hired`, left on `left` (NULL: still works).
 * Returns the new id. */
G_GNUC_UNUSED static gint64
sd_test_add_member (SdStore    *store,
                    const char *name,
                    SdRole      role,
                    const char *hired,
                    const char *left)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (member->name);
  member->name = g_strdup (name);
  member->role = role;
  sd_test_set_date (&member->hired, hired);
  sd_test_set_date (&member->left, left);
  id = sd_store_add_staff (store, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Creates a new empty company file at `path` (in roubles) and returns it open. */
G_GNUC_UNUSED static SdStore *
sd_test_create_store (const char *path,
                      const char *company)
{
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_create (path, company, "RUB", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Opens the company file at `path` without the automatic backup. */
G_GNUC_UNUSED static SdStore *
sd_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_open (path, SD_STORE_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Writes a new company file at `path`; with `n_managers` > 0 it holds the demo company of that
 * many managers with `n_years` of history (from `seed`) made on the ISO day `today`. The file
 * is closed. */
G_GNUC_UNUSED static void
sd_test_write_company (const char *path,
                       const char *name,
                       guint       n_managers,
                       guint       n_years,
                       guint32     seed,
                       const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) created = sd_store_create (path, name, "RUB", &error);

  g_assert_no_error (error);
  g_assert_nonnull (created);
  if (n_managers > 0)
    {
      g_autoptr(SdDemoCompany) demo = NULL;
      GDate day;

      sd_test_set_date (&day, today);
      demo = sd_demo_generate (n_managers, n_years, seed, &day);
      g_assert_true (sd_store_fill_demo (created, demo, &error));
      g_assert_no_error (error);
    }
  sd_store_close (created);
}

/* Closes `store` (the caller's last reference: it must go away), then removes the folder `dir`
 * with the company file and frees both names. */
G_GNUC_UNUSED static void
sd_test_remove_company (SdStore *store,
                        char    *dir,
                        char    *path)
{
  if (store != NULL)
    {
      sd_store_close (store);
      g_assert_finalize_object (store);
    }
  sd_test_remove_tree (dir);
  g_free (path);
  g_free (dir);
}

/* Imports the plan entries of `plan` (SdPlanEntry; as the version `version_name`) and then the
 * facts of `facts` (SdFact), each in one edit. */
G_GNUC_UNUSED static void
sd_test_import (SdStore    *store,
                GArray     *plan,
                const char *version_name,
                GArray     *facts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_store_import_plan (store, (const SdPlanEntry *) (gpointer) plan->data,
                                       plan->len, version_name, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_import_facts (store, (const SdFact *) (gpointer) facts->data,
                                        facts->len, NULL, &error));
  g_assert_no_error (error);
}

/* Writes the facts of `facts` (SdFact) in one edit labelled `label`. */
G_GNUC_UNUSED static void
sd_test_set_facts (SdStore    *store,
                   GArray     *facts,
                   const char *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_store_set_facts (store, (SdFact *) (gpointer) facts->data, facts->len, label,
                                     &error));
  g_assert_no_error (error);
}

/* Makes a temporary folder from `tmpl` with a new empty company file "company.salesdesk" in it
 * and returns that file open; `dir` and `path` get the names (sd_test_remove_company frees
 * them). */
G_GNUC_UNUSED static SdStore *
sd_test_create_in_new_dir (const char  *tmpl,
                           const char  *company,
                           char       **dir,
                           char       **path)
{
  *dir = sd_test_make_dir (tmpl);
  *path = g_build_filename (*dir, "company.salesdesk", NULL);
  return sd_test_create_store (*path, company);
}

/* The staff most store tests start from: the head of sales Соколова Анна (hired 2020-01-01)
 * and the managers Иванов Пётр (from 2024-03-01) and Петрова Ольга (from 2023-01-01, until
 * `petrova_left` or still working when that is NULL). */
G_GNUC_UNUSED static void
sd_test_add_three (SdStore    *store,
                   const char *petrova_left,
                   gint64     *head,
                   gint64     *ivanov,
                   gint64     *petrova)
{
  *head = sd_test_add_member (store, "Соколова Анна", SD_ROLE_HEAD, "2020-01-01", NULL);
  *ivanov = sd_test_add_member (store, "Иванов Пётр", SD_ROLE_MANAGER, "2024-03-01", NULL);
  *petrova = sd_test_add_member (store, "Петрова Ольга", SD_ROLE_MANAGER, "2023-01-01",
                                 petrova_left);
}
