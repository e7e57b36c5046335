/* sd-migrations.h — schema versions of the company file and the steps between them (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A step that cannot be written as plain SQL (copying data through C code). */
typedef gboolean (*SdMigrationFunc) (sqlite3  *db,
                                     GError  **error);

/* One step from one schema version to the next: `sql` (run with sqlite3_exec), then `func`;
 * either may be NULL. The runner sets PRAGMA user_version after each step. */
typedef struct {
  int              from_version;
  int              to_version;
  const char      *sql;
  SdMigrationFunc  func;
} SdMigrationStep;

/* The steps of this build, version 0 ("create") up to SD_STORE_SCHEMA_VERSION. */
const SdMigrationStep *sd_migrations_get_steps   (guint *n_steps);

/* Brings a database at version `from` to version `to` with the built-in steps, all in one
 * transaction (a savepoint when a transaction is already open). On error nothing is changed. */
gboolean               sd_migrations_run         (sqlite3  *db,
                                                  int       from,
                                                  int       to,
                                                  GError  **error);

/* The same with a given list of steps, from the file's current user_version to `target`;
 * tests use it with steps of their own. */
gboolean               _sd_migrations_run_steps  (sqlite3                *db,
                                                  const SdMigrationStep  *steps,
                                                  guint                   n_steps,
                                                  int                     target,
                                                  GError                **error);

/* PRAGMA user_version of the main database, or -1 (with `error`). */
int                    _sd_migrations_get_version (sqlite3  *db,
                                                   GError  **error);

G_END_DECLS
