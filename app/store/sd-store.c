/* sd-store.c — one company in one sqlite file: open, create, migrate, transactions, undo
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-store-private.h"

/* How long a statement waits for a lock held by another connection before giving up. */
#define BUSY_TIMEOUT_MS 250

#define COMPANY_NAME_MAX_CHARS 200

enum {
  PROP_0,
  PROP_PATH,
  PROP_COMPANY_NAME,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The tables whose changes undo records. A new table is one line here. */
static const char * const undo_tables[] = {
  "company",
  "staff",
  "facts",
  "plan_version",
  "plan_version_month",
  "plan_version_manager",
  "plan",
  "pipeline",
  "settings",
  "schemes",
  "scheme_assignment",
  "payroll_month",
  "payroll_slip",
  "payroll_note",
  "planned_hire",
  "checklist",
  "call_score",
  "assessment",
  "idp",
};

G_DEFINE_QUARK (sd-store-error-quark, sd_store_error)

G_DEFINE_FINAL_TYPE (SdStore, sd_store, G_TYPE_OBJECT)

static void
undo_step_clear (gpointer data)
{
  SdUndoStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

static void
sd_store_finalize (GObject *object)
{
  SdStore *self = SD_STORE (object);

  sd_store_close (self);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_pointer (&self->undo_steps, g_array_unref);
  g_clear_pointer (&self->redo_steps, g_array_unref);

  G_OBJECT_CLASS (sd_store_parent_class)->finalize (object);
}

static void
sd_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SdStore *self = SD_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sd_store_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sd_store_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_store_class_init (SdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_store_finalize;
  object_class->get_property = sd_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdStore::changed:
   * @changes: the SdStoreChange flags of what the committed transaction touched
   *
   * Emitted once after each committed transaction, undo and redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sd_store_init (SdStore *self)
{
  self->undo_steps = g_array_new (FALSE, TRUE, sizeof (SdUndoStep));
  g_array_set_clear_func (self->undo_steps, undo_step_clear);
  self->redo_steps = g_array_new (FALSE, TRUE, sizeof (SdUndoStep));
  g_array_set_clear_func (self->redo_steps, undo_step_clear);
  self->next_step_id = 1;
}

/* --- small helpers shared with the other files --- */

sqlite3 *
_sd_store_get_db (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return self->db;
}

gboolean
_sd_store_ensure_open (SdStore  *self,
                       GError  **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("The company file is closed. Open it again to continue."));
      return FALSE;
    }
  return TRUE;
}

void
_sd_store_set_error (SdStore  *self,
                     int       rc,
                     GError  **error)
{
  const char *name = self->display_name ? self->display_name : "";

  g_debug ("sqlite error %d on %s: %s", rc, name,
           self->db ? sqlite3_errmsg (self->db) : "(closed)");

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                           _("The disk is full: the change was not saved. "
                             "Free some space and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("«%s» cannot be changed: it is read-only, or you have no permission to "
                     "change it. The change was not saved."), name);
      break;

    case SQLITE_IOERR:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Could not write to «%s» (a disk or network problem). The change was not "
                     "saved. Check the disk and try again."), name);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Could not reach «%s» or its folder (was the disk removed?). The change "
                     "was not saved."), name);
      break;

    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                             _("The change refers to a person who is not in the company file. "
                               "It was not saved."));
      else if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                             _("The change would enter the same thing twice. It was not saved."));
      else
        g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                             _("The change breaks a rule of the company file (a missing value "
                               "or a wrong date). It was not saved."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_LOCKED,
                   _("«%s» is busy in another program. Close it there and try again."), name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                   _("«%s» is damaged. Close it and restore a backup."), name);
      break;

    case SQLITE_NOMEM:
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("Not enough memory: the change was not saved."));
      break;

    default:
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("An unexpected problem stopped the change; it was not saved."));
      break;
    }
}

gboolean
_sd_store_exec (SdStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc;

  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_sd_store_prepare (SdStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!_sd_store_ensure_open (self, error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
_sd_store_step_done (SdStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

sqlite3_stmt *
_sd_store_prepare_with_id (SdStore     *self,
                           const char  *sql,
                           gint64       id,
                           GError     **error)
{
  sqlite3_stmt *stmt = _sd_store_prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

gboolean
_sd_store_run (SdStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = _sd_store_step_done (self, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
_sd_store_run_changing (SdStore       *self,
                        sqlite3_stmt  *stmt,
                        const char    *missing,
                        GError       **error)
{
  if (!_sd_store_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes64 (self->db) == 0)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, missing);
      return FALSE;
    }
  return TRUE;
}

gboolean
_sd_store_exec_with_id (SdStore     *self,
                        const char  *sql,
                        gint64       id,
                        GError     **error)
{
  return _sd_store_run (self, _sd_store_prepare_with_id (self, sql, id, error), error);
}

gboolean
_sd_store_exec_with_text (SdStore     *self,
                          const char  *sql,
                          const char  *text,
                          GError     **error)
{
  sqlite3_stmt *stmt = _sd_store_prepare (self, sql, error);

  if (stmt != NULL && text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  return _sd_store_run (self, stmt, error);
}

gboolean
_sd_store_query_int64 (SdStore       *self,
                       sqlite3_stmt  *stmt,
                       gint64         none,
                       gint64        *out,
                       GError       **error)
{
  int rc;

  *out = none;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _sd_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
_sd_store_for_each_row (SdStore         *self,
                        sqlite3_stmt    *stmt,
                        SdStoreRowFunc   row,
                        gpointer         user_data,
                        GError         **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!row (stmt, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    _sd_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

typedef struct {
  GPtrArray          *list;
  SdStoreFromRowFunc  from_row;
} CollectData;

static gboolean
collect_row (sqlite3_stmt  *stmt,
             gpointer       user_data,
             GError       **error)
{
  CollectData *data = user_data;
  gpointer item = data->from_row (stmt, error);

  if (item == NULL)
    return FALSE;
  g_ptr_array_add (data->list, item);
  return TRUE;
}

GPtrArray *
_sd_store_collect (SdStore             *self,
                   sqlite3_stmt        *stmt,
                   SdStoreFromRowFunc   from_row,
                   GDestroyNotify       free_func,
                   GError             **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  CollectData data = { list, from_row };

  if (!_sd_store_for_each_row (self, stmt, collect_row, &data, error))
    return NULL;
  return g_steal_pointer (&list);
}

gpointer
_sd_store_collect_one (SdStore             *self,
                       sqlite3_stmt        *stmt,
                       SdStoreFromRowFunc   from_row,
                       const char          *missing,
                       GError             **error)
{
  gpointer item = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = from_row (stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, missing);
  else
    _sd_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return item;
}

void
_sd_store_bind_date (sqlite3_stmt *stmt,
                     int           index,
                     const GDate  *date)
{
  char buf[16];

  _sd_store_date_to_iso (date, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

void
_sd_store_bind_date_or_null (sqlite3_stmt *stmt,
                             int           index,
                             const GDate  *date)
{
  if (g_date_valid (date))
    _sd_store_bind_date (stmt, index, date);
  else
    sqlite3_bind_null (stmt, index);
}

void
_sd_store_bind_month (sqlite3_stmt *stmt,
                      int           index,
                      SdMonth       month)
{
  char buf[16];

  _sd_store_month_to_iso (month, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

void
_sd_store_bind_text_or_null (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

char *
_sd_store_column_dup (sqlite3_stmt *stmt,
                      int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static gboolean
exec_quiet (sqlite3    *db,
            const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_debug ("“%s” failed: %s", sql, errmsg ? errmsg : "?");
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

/* The result code of reading one integer; *out is set on SQLITE_OK. */
static int
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_ERROR;
    }
  if (rc != SQLITE_OK)
    {
      rc = sqlite3_extended_errcode (db);
      g_debug ("“%s” failed: %s", sql, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);

  return rc;
}

void
_sd_store_date_to_iso (const GDate *date,
                       char         buf[16])
{
  g_snprintf (buf, 16, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

gboolean
_sd_store_date_from_iso (const char *text,
                         GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;

  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

void
_sd_store_month_to_iso (SdMonth month,
                        char    buf[16])
{
  g_snprintf (buf, 16, "%04d-%02d", sd_month_get_year (month), sd_month_get_month (month));
}

gboolean
_sd_store_month_from_iso (const char *text,
                          SdMonth    *out)
{
  guint y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || m < 1 || m > 12)
    return FALSE;

  *out = sd_month_make ((int) y, (int) m);
  return TRUE;
}

char *
_sd_store_check_company_name (const char  *name,
                              GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong n_chars;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The company name is not valid text. Type it again."));
      return NULL;
    }

  trimmed = _sd_store_trim_name (name);
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The company name is empty. Enter a name."));
      return NULL;
    }

  n_chars = g_utf8_strlen (trimmed, -1);
  if (n_chars > COMPANY_NAME_MAX_CHARS)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("The company name is too long (%ld characters). Shorten it to at most %d."),
                   n_chars, COMPANY_NAME_MAX_CHARS);
      return NULL;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                               _("The company name contains a line break or another control "
                                 "character. Remove it."));
          return NULL;
        }
    }

  return g_steal_pointer (&trimmed);
}

gboolean
_sd_store_check_currency (const char  *currency,
                          GError     **error)
{
  gboolean ok = currency != NULL && strlen (currency) == 3;

  for (guint i = 0; ok && i < 3; i++)
    ok = currency[i] >= 'A' && currency[i] <= 'Z';

  if (!ok)
    {
      g_autofree char *shown = g_utf8_make_valid (currency ? currency : "", -1);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» is not a currency code. Use three capital Latin letters, such as RUB."),
                   shown);
      return FALSE;
    }
  return TRUE;
}

/* --- company --- */

static gboolean
load_company (SdStore  *self,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name, currency FROM main.company WHERE id = 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW &&
      sqlite3_column_type (stmt, 0) == SQLITE_TEXT &&
      sqlite3_column_type (stmt, 1) == SQLITE_TEXT)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *currency = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (name, self->company_name) != 0)
        {
          g_free (self->company_name);
          self->company_name = g_strdup (name);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_NAME]);
        }
      if (g_strcmp0 (currency, self->currency) != 0)
        {
          g_free (self->currency);
          self->currency = g_strdup (currency);
        }
      ok = TRUE;
    }
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      g_autofree char *dir = _sd_store_dup_backup_dir_for (self->path);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                   _("«%s» is damaged: the company record is missing. Restore a backup from %s."),
                   self->display_name, dir);
    }
  else
    _sd_store_set_error (self, sqlite3_extended_errcode (self->db), error);

  sqlite3_finalize (stmt);
  return ok;
}

/* After a rollback or a failed commit the cached name may be stale. */
static void
reload_company_quietly (SdStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db != NULL && !load_company (self, &error))
    g_debug ("Reloading the company failed: %s", error->message);
}

const char *
sd_store_get_company_name (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return self->company_name;
}

const char *
sd_store_get_currency (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return self->currency;
}

gboolean
sd_store_set_company_name (SdStore     *self,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  trimmed = _sd_store_check_company_name (name, error);
  if (trimmed == NULL)
    return FALSE;

  /* No empty undo step for "renaming" to the same name. */
  if (g_strcmp0 (trimmed, self->company_name) == 0)
    return TRUE;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;

  if (!_sd_store_exec_with_text (self, "UPDATE main.company SET name = ?1 WHERE id = 1", trimmed,
                                 error))
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }

  /* Translators: an undo step, "Undo Rename company" */
  return _sd_store_edit_commit (self, _("Rename company"), SD_STORE_CHANGED_COMPANY, error);
}

/* --- paths and backups --- */

char *
_sd_store_dup_backup_stem (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);
  const gsize ext_len = strlen (".salesdesk");

  if (len > ext_len && g_ascii_strcasecmp (base + len - ext_len, ".salesdesk") == 0)
    base[len - ext_len] = '\0';

  return g_steal_pointer (&base);
}

char *
_sd_store_dup_backup_dir_for (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *stem = _sd_store_dup_backup_stem (absolute);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, absolute, -1);
  g_autofree char *leaf = NULL;

  hash[8] = '\0';
  leaf = g_strdup_printf ("%s-%s", stem, hash);

  return g_build_filename (g_get_user_data_dir (), "salesdesk", "backups", leaf, NULL);
}

char *
sd_store_dup_backup_dir (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return _sd_store_dup_backup_dir_for (self->path);
}

static void
set_copy_error (GError     **error,
                int          rc,
                const char  *dest_path)
{
  g_autofree char *shown = g_filename_display_basename (dest_path);

  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                 _("The disk is full: the copy «%s» was not written. Free some space and try "
                   "again."), shown);
  else
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                 _("Could not write the copy «%s». Check that the folder exists and that you "
                   "may write to it."), shown);
}

/* A whole copy through the sqlite backup API (never by reading the file, which would drop our
 * locks), written to a temporary file beside the destination and renamed into place. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmp_leaf = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, tmp_leaf, NULL);
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_basename (dest_path);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Could not write the copy «%s»: %s."), shown, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      /* The temporary file is thrown away on failure: no journal needed. */
      exec_quiet (dst, "PRAGMA journal_mode = OFF");
      backup = sqlite3_backup_init (dst, "main", src, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (dst);
      else
        {
          int finish_rc;

          rc = sqlite3_backup_step (backup, -1);
          finish_rc = sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = finish_rc;
        }
    }
  if (rc != SQLITE_OK)
    g_debug ("Copying to %s failed: %s", dest_path, dst ? sqlite3_errmsg (dst) : "?");
  sqlite3_close (dst);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp_path);
      set_copy_error (error, rc, dest_path);
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_basename (dest_path);

      g_unlink (tmp_path);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Could not write the copy «%s»: %s."), shown, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
sd_store_backup_to (SdStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *absolute = NULL;
  GStatBuf own, other;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  if (self->in_group)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("Finish the current change before saving a copy."));
      return FALSE;
    }

  absolute = g_canonicalize_filename (dest_path, NULL);
  if (g_strcmp0 (absolute, self->path) == 0 ||
      (g_stat (absolute, &other) == 0 && g_stat (self->path, &own) == 0 &&
       own.st_dev == other.st_dev && own.st_ino == other.st_ino))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("«%s» is the open company file itself. Choose another name for the copy."),
                   self->display_name);
      return FALSE;
    }

  return copy_database (self->db, absolute, error);
}

static gboolean
is_daily_backup_name (const char *name,
                      const char *prefix)
{
  const char *rest;

  if (!g_str_has_prefix (name, prefix))
    return FALSE;

  rest = name + strlen (prefix);
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (rest[i]))
      return FALSE;

  return strcmp (rest + 8, ".salesdesk") == 0;
}

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Keeps the newest SD_STORE_MAX_DAILY_BACKUPS daily copies; the names sort by date. */
static void
rotate_daily_backups (const char *dir,
                      const char *prefix)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (is_daily_backup_name (name, prefix))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names_descending);

  for (guint i = SD_STORE_MAX_DAILY_BACKUPS; i < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_debug ("Removing old backup %s", old);
      if (g_unlink (old) != 0)
        g_debug ("Could not remove %s: %s", old, g_strerror (errno));
    }
}

/* At most one copy per calendar day; a failure only costs the copy, never the work. */
static void
make_daily_backup (SdStore *self)
{
  g_autofree char *dir = _sd_store_dup_backup_dir_for (self->path);
  g_autofree char *stem = _sd_store_dup_backup_stem (self->path);
  g_autofree char *prefix = g_strdup_printf ("%s-daily-", stem);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y%m%d");
  g_autofree char *leaf = g_strdup_printf ("%s%s.salesdesk", prefix, day);
  g_autofree char *dest = g_build_filename (dir, leaf, NULL);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Could not create the backup folder %s: %s", dir, g_strerror (errno));
      return;
    }

  if (!g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      if (copy_database (self->db, dest, &error))
        g_debug ("Backed up %s to %s", self->path, dest);
      else
        g_debug ("Automatic backup failed: %s", error->message);
    }

  rotate_daily_backups (dir, prefix);
}

/* The copy taken before migrating: "<stem>-before-v<N>-<YYYYmmdd-HHMMSS>.salesdesk". */
static gboolean
make_migration_backup (SdStore  *self,
                       int       target_version,
                       GError  **error)
{
  g_autofree char *dir = _sd_store_dup_backup_dir_for (self->path);
  g_autofree char *stem = _sd_store_dup_backup_stem (self->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dest = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Could not create the backup folder %s: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint n = 1; dest == NULL || g_file_test (dest, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *leaf = NULL;

      g_free (dest);
      if (n == 1)
        leaf = g_strdup_printf ("%s-before-v%d-%s.salesdesk", stem, target_version, stamp);
      else
        leaf = g_strdup_printf ("%s-before-v%d-%s-%u.salesdesk", stem, target_version, stamp, n);
      dest = g_build_filename (dir, leaf, NULL);
    }

  return copy_database (self->db, dest, error);
}

/* --- undo triggers --- */

static char *
quote_identifier (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');

  return g_string_free (s, FALSE);
}

/* The three triggers recording, for every change of `table`, the SQL that reverts it.
 * The inverse statements address rows by rowid, which our tables keep (none is WITHOUT
 * ROWID), and set every column, read from PRAGMA table_info so that a migration adding a
 * column needs no change here. */
static gboolean
create_undo_triggers_for (SdStore     *self,
                          const char  *table,
                          GError     **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA main.table_info (\"%s\")", table);
  g_autoptr(GString) set_list = g_string_new (NULL);
  g_autoptr(GString) column_list = g_string_new (NULL);
  g_autoptr(GString) value_list = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sd_store_prepare (self, pragma, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *quoted = NULL;

      /* Our own column names; a quote would break the SQL text built below. */
      g_assert (name != NULL && strchr (name, '\'') == NULL);
      quoted = quote_identifier (name);

      g_string_append_printf (set_list, "%s%s='||quote(old.%s)||'",
                              set_list->len ? "," : "", quoted, quoted);
      g_string_append_printf (column_list, ",%s", quoted);
      g_string_append_printf (value_list, ",'||quote(old.%s)||'", quoted);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE || set_list->len == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("The undo history could not be prepared."));
      return FALSE;
    }

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS sd_undo_%s_insert "
                          "AFTER INSERT ON main.\"%s\" BEGIN "
                          "INSERT INTO undolog (step, sql) VALUES (NULL, "
                          "'DELETE FROM main.\"%s\" WHERE rowid='||new.rowid); END;",
                          table, table, table);
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS sd_undo_%s_update "
                          "AFTER UPDATE ON main.\"%s\" BEGIN "
                          "INSERT INTO undolog (step, sql) VALUES (NULL, "
                          "'UPDATE main.\"%s\" SET %s WHERE rowid='||new.rowid); END;",
                          table, table, table, set_list->str);
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS sd_undo_%s_delete "
                          "BEFORE DELETE ON main.\"%s\" BEGIN "
                          "INSERT INTO undolog (step, sql) VALUES (NULL, "
                          "'INSERT INTO main.\"%s\" (rowid%s) VALUES ('||old.rowid||'%s)'); END;",
                          table, table, table, column_list->str, value_list->str);

  return _sd_store_exec (self, sql->str, error);
}

static gboolean
install_undo_triggers (SdStore  *self,
                       GError  **error)
{
  if (!_sd_store_exec (self,
                       "CREATE TEMP TABLE IF NOT EXISTS undolog ("
                       "  seq INTEGER PRIMARY KEY,"
                       "  step INTEGER,"
                       "  sql TEXT NOT NULL);"
                       "CREATE INDEX IF NOT EXISTS temp.undolog_step ON undolog (step);",
                       error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (undo_tables); i++)
    if (!create_undo_triggers_for (self, undo_tables[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
drop_undo_triggers (SdStore  *self,
                    GError  **error)
{
  static const char * const kinds[] = { "insert", "update", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (undo_tables); i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *sql = g_strdup_printf ("DROP TRIGGER IF EXISTS temp.sd_undo_%s_%s",
                                                undo_tables[i], kinds[k]);

        if (!_sd_store_exec (self, sql, error))
          return FALSE;
      }

  return TRUE;
}

/* After a transaction that may have dropped the triggers ended either way. */
static void
restore_undo_triggers (SdStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->undo_enabled || self->db == NULL)
    return;

  if (!install_undo_triggers (self, &error))
    {
      /* Without triggers, later steps would record nothing: stop offering undo. */
      g_debug ("Undo is off for this session: %s", error->message);
      self->undo_enabled = FALSE;
      g_array_set_size (self->undo_steps, 0);
      g_array_set_size (self->redo_steps, 0);
    }
}

/* --- transactions and undo --- */

gboolean
sd_store_can_undo (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
sd_store_can_redo (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  return self->redo_steps->len > 0;
}

const char *
sd_store_get_undo_label (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if (self->undo_steps->len == 0)
    return NULL;
  return g_array_index (self->undo_steps, SdUndoStep, self->undo_steps->len - 1).label;
}

const char *
sd_store_get_redo_label (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if (self->redo_steps->len == 0)
    return NULL;
  return g_array_index (self->redo_steps, SdUndoStep, self->redo_steps->len - 1).label;
}

typedef struct {
  gboolean can_undo;
  gboolean can_redo;
} UndoState;

static UndoState
get_undo_state (SdStore *self)
{
  UndoState state = { sd_store_can_undo (self), sd_store_can_redo (self) };

  return state;
}

static void
notify_undo_state (SdStore   *self,
                   UndoState  before)
{
  UndoState after = get_undo_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
has_pending_undo (SdStore   *self,
                  gboolean  *pending,
                  GError   **error)
{
  int value = 0;
  int rc = query_int (self->db,
                      "SELECT EXISTS (SELECT 1 FROM temp.undolog WHERE step IS NULL)",
                      &value);

  if (rc != SQLITE_OK)
    {
      _sd_store_set_error (self, rc, error);
      return FALSE;
    }
  *pending = value != 0;
  return TRUE;
}

/* COMMIT, or ROLLBACK when it fails so that nothing is half-done. */
static gboolean
commit_or_rollback (SdStore  *self,
                    GError  **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      if (!sqlite3_get_autocommit (self->db))
        exec_quiet (self->db, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

static void
cleanup_after_rollback (SdStore *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    exec_quiet (self->db, "ROLLBACK");
  self->forget_history = FALSE;
  restore_undo_triggers (self);
  reload_company_quietly (self);
}

/* Ends the outermost transaction: files the recorded inverse SQL as a new undo step, commits,
 * then tells the listeners. On failure everything, the history included, is as before. */
static gboolean
finish_transaction (SdStore     *self,
                    const char  *label,
                    guint        changes,
                    GError     **error)
{
  UndoState before = get_undo_state (self);
  gboolean forget = self->forget_history;
  gboolean new_step = FALSE;
  gint64 step_id = self->next_step_id;

  if (self->undo_enabled && forget)
    {
      if (!_sd_store_exec (self, "DELETE FROM temp.undolog", error))
        goto failed;
    }
  else if (self->undo_enabled)
    {
      if (!has_pending_undo (self, &new_step, error))
        goto failed;

      if (new_step)
        {
          if (!_sd_store_exec_with_id (self,
                                       "UPDATE temp.undolog SET step = ?1 WHERE step IS NULL",
                                       step_id, error))
            goto failed;

          /* A new edit makes the redo steps meaningless. */
          for (guint i = 0; i < self->redo_steps->len; i++)
            if (!_sd_store_exec_with_id (self, "DELETE FROM temp.undolog WHERE step = ?1",
                                         g_array_index (self->redo_steps, SdUndoStep, i).id, error))
              goto failed;

          if (self->undo_steps->len >= SD_STORE_MAX_UNDO_STEPS &&
              !_sd_store_exec_with_id (self, "DELETE FROM temp.undolog WHERE step = ?1",
                                       g_array_index (self->undo_steps, SdUndoStep, 0).id, error))
            goto failed;
        }
    }

  if (!commit_or_rollback (self, error))
    goto failed;

  self->forget_history = FALSE;
  if (forget)
    {
      g_array_set_size (self->undo_steps, 0);
      g_array_set_size (self->redo_steps, 0);
      restore_undo_triggers (self);
    }
  else if (new_step)
    {
      /* Translators: an undo step that has no better name, "Undo Change" */
      SdUndoStep step = { step_id, g_strdup (label ? label : _("Change")), changes };

      self->next_step_id++;
      g_array_set_size (self->redo_steps, 0);
      if (self->undo_steps->len >= SD_STORE_MAX_UNDO_STEPS)
        g_array_remove_index (self->undo_steps, 0);
      g_array_append_val (self->undo_steps, step);
    }

  reload_company_quietly (self);
  notify_undo_state (self, before);
  if (changes != 0)
    g_signal_emit (self, signals[CHANGED], 0, changes);

  return TRUE;

failed:
  cleanup_after_rollback (self);
  return FALSE;
}

gboolean
_sd_store_edit_begin (SdStore  *self,
                      GError  **error)
{
  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  if (self->in_group)
    {
      if (self->group_broken)
        {
          g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                               _("An earlier error cancelled this group of changes. "
                                 "Start again."));
          return FALSE;
        }
      self->forget_history_at_savepoint = self->forget_history;
      return _sd_store_exec (self, "SAVEPOINT sd_edit", error);
    }

  return _sd_store_exec (self, "BEGIN IMMEDIATE", error);
}

void
_sd_store_edit_abort (SdStore *self)
{
  if (self->db == NULL)
    return;

  if (self->in_group)
    {
      if (sqlite3_get_autocommit (self->db))
        {
          /* sqlite gave up the whole transaction (I/O error, disk full). */
          self->group_broken = TRUE;
        }
      else
        {
          exec_quiet (self->db, "ROLLBACK TO sd_edit");
          exec_quiet (self->db, "RELEASE sd_edit");
          /* Dropped triggers came back with the savepoint. */
          self->forget_history = self->forget_history_at_savepoint;
        }
      reload_company_quietly (self);
      return;
    }

  cleanup_after_rollback (self);
}

gboolean
_sd_store_edit_commit (SdStore     *self,
                       const char  *undo_label,
                       guint        changes,
                       GError     **error)
{
  if (self->in_group)
    {
      if (!_sd_store_exec (self, "RELEASE sd_edit", error))
        {
          _sd_store_edit_abort (self);
          return FALSE;
        }
      self->group_changes |= changes;
      if (changes & SD_STORE_CHANGED_COMPANY)
        reload_company_quietly (self);
      return TRUE;
    }

  return finish_transaction (self, undo_label, changes, error);
}

gboolean
_sd_store_edit_exec_with_id (SdStore     *self,
                             const char  *sql,
                             gint64       id,
                             const char  *missing,
                             const char  *undo_label,
                             guint        changes,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_sd_store_edit_begin (self, error))
    return FALSE;
  stmt = _sd_store_prepare_with_id (self, sql, id, error);
  ok = missing != NULL ? _sd_store_run_changing (self, stmt, missing, error)
                       : _sd_store_run (self, stmt, error);
  if (!ok)
    {
      _sd_store_edit_abort (self);
      return FALSE;
    }
  return _sd_store_edit_commit (self, undo_label, changes, error);
}

gboolean
_sd_store_edit_forget_history (SdStore  *self,
                               GError  **error)
{
  if (self->undo_enabled && !drop_undo_triggers (self, error))
    return FALSE;

  self->forget_history = TRUE;
  return TRUE;
}

gboolean
sd_store_begin (SdStore     *self,
                const char  *undo_label,
                GError     **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  if (self->in_group)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("A group of changes is already open. Finish it first."));
      return FALSE;
    }

  if (!_sd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_group = TRUE;
  self->group_broken = FALSE;
  self->group_changes = 0;
  g_free (self->group_label);
  /* Translators: an undo step of several changes, "Undo Changes" */
  self->group_label = g_strdup (undo_label ? undo_label : _("Changes"));

  return TRUE;
}

gboolean
sd_store_commit (SdStore  *self,
                 GError  **error)
{
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->in_group)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("There is no group of changes to finish."));
      return FALSE;
    }

  label = g_steal_pointer (&self->group_label);
  self->in_group = FALSE;

  if (self->group_broken || !_sd_store_ensure_open (self, NULL))
    {
      self->group_broken = FALSE;
      cleanup_after_rollback (self);
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                           _("An error interrupted these changes; none of them was saved."));
      return FALSE;
    }

  ok = finish_transaction (self, label, self->group_changes, error);
  self->group_changes = 0;

  return ok;
}

void
sd_store_rollback (SdStore *self)
{
  g_return_if_fail (SD_IS_STORE (self));

  if (!self->in_group)
    return;

  self->in_group = FALSE;
  self->group_broken = FALSE;
  self->group_changes = 0;
  g_clear_pointer (&self->group_label, g_free);
  cleanup_after_rollback (self);
}

/* Runs the inverse SQL of the newest step of `from` in one transaction; what it records
 * becomes the newest step of `to`. */
static gboolean
replay_step (SdStore   *self,
             GArray    *from,
             GArray    *to,
             GError   **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  UndoState before = get_undo_state (self);
  SdUndoStep step;
  sqlite3_stmt *stmt;
  gint64 new_id;
  int rc;

  step = g_array_index (from, SdUndoStep, from->len - 1);
  new_id = self->next_step_id;

  if (!_sd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = _sd_store_prepare (self,
                            "SELECT sql FROM temp.undolog WHERE step = ?1 ORDER BY seq DESC",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, step.id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      sqlite3_finalize (stmt);
      goto failed;
    }
  sqlite3_finalize (stmt);

  if (!_sd_store_exec_with_id (self, "DELETE FROM temp.undolog WHERE step = ?1", step.id, error))
    goto failed;

  for (guint i = 0; i < statements->len; i++)
    if (!_sd_store_exec (self, g_ptr_array_index (statements, i), error))
      goto failed;

  if (!_sd_store_exec_with_id (self, "UPDATE temp.undolog SET step = ?1 WHERE step IS NULL",
                               new_id, error))
    goto failed;

  if (!commit_or_rollback (self, error))
    goto failed;

  self->next_step_id++;
  /* Move the label over: the array's clear function must not free it. */
  g_array_index (from, SdUndoStep, from->len - 1).label = NULL;
  g_array_remove_index (from, from->len - 1);
  step.id = new_id;
  g_array_append_val (to, step);

  reload_company_quietly (self);
  notify_undo_state (self, before);
  if (step.changes != 0)
    g_signal_emit (self, signals[CHANGED], 0, step.changes);

  return TRUE;

failed:
  cleanup_after_rollback (self);
  return FALSE;
}

static gboolean
check_can_replay (SdStore  *self,
                  GArray   *steps,
                  GError  **error)
{
  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  if (self->in_group)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           _("Finish the current group of changes first."));
      return FALSE;
    }

  if (steps->len == 0)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                           steps == self->undo_steps ? _("There is nothing to undo.")
                                                     : _("There is nothing to redo."));
      return FALSE;
    }

  return TRUE;
}

gboolean
sd_store_undo (SdStore  *self,
               GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_replay (self, self->undo_steps, error))
    return FALSE;

  return replay_step (self, self->undo_steps, self->redo_steps, error);
}

gboolean
sd_store_redo (SdStore  *self,
               GError  **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_replay (self, self->redo_steps, error))
    return FALSE;

  return replay_step (self, self->redo_steps, self->undo_steps, error);
}

/* --- open, create, close --- */

static void
set_open_error (GError     **error,
                int          rc,
                const char  *path,
                const char  *display_name)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_EMPTY:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_OURS,
                   _("«%s» is not a Salesdesk company file."), display_name);
      break;

    case SQLITE_CORRUPT:
      {
        g_autofree char *dir = _sd_store_dup_backup_dir_for (path);

        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                     _("«%s» is damaged and cannot be opened. Restore a backup from %s."),
                     display_name, dir);
      }
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_LOCKED,
                   _("«%s» is open in another program (Salesdesk?). Close it there and try "
                     "again."), display_name);
      break;

    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("You have no permission to change «%s»."), display_name);
      break;

    case SQLITE_FULL:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("The disk is full, so «%s» cannot be opened for editing. Free some space "
                     "and try again."), display_name);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Could not read «%s». Check that the disk is connected and try again."),
                   display_name);
      break;

    case SQLITE_NOMEM:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("There is not enough memory to open «%s»."), display_name);
      break;

    default:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("Could not open «%s»."), display_name);
      break;
    }
}

/* Step 1 of opening: look at the file from outside, without opening it. */
static gboolean
check_file (const char  *path,
            const char  *display_name,
            GError     **error)
{
  g_autofree char *dir = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                     _("There is no file «%s». It may have been moved, renamed or deleted."),
                     display_name);
      else if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                     _("You have no permission to open «%s»."), display_name);
      else
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                     _("Could not open «%s»: %s."), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_OURS,
                   _("«%s» is a folder, not a Salesdesk company file."), display_name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_OURS,
                   _("«%s» is not a Salesdesk company file."), display_name);
      return FALSE;
    }

  if (g_access (path, R_OK | W_OK) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("You have no permission to change «%s»."), display_name);
      return FALSE;
    }

  /* Every commit writes a journal beside the file. */
  dir = g_path_get_dirname (path);
  if (g_access (dir, W_OK | X_OK) != 0)
    {
      g_autofree char *dir_name = g_filename_display_basename (dir);

      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("You have no permission to change files in the folder «%s», so «%s» "
                     "cannot be edited."), dir_name, display_name);
      return FALSE;
    }

  return TRUE;
}

/* Settings every connection needs; foreign_keys is off by default on each new one. */
static gboolean
set_connection_pragmas (sqlite3 *db)
{
  return exec_quiet (db, "PRAGMA journal_mode = DELETE") &&
         exec_quiet (db, "PRAGMA synchronous = FULL") &&
         exec_quiet (db, "PRAGMA foreign_keys = ON") &&
         exec_quiet (db, "PRAGMA temp_store = MEMORY");
}

/* Steps 4 and 5: is it ours, how old, and whole? */
static gboolean
check_contents (sqlite3     *db,
                const char  *path,
                const char  *display_name,
                int          target_version,
                int         *version,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int app_id = 0;
  int rc;
  gboolean whole;

  rc = query_int (db, "PRAGMA main.application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA main.user_version", version);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, rc, path, display_name);
      return FALSE;
    }

  /* Version 0 is never written under our id: the file was not made by us. */
  if ((guint32) app_id != SD_STORE_APPLICATION_ID || *version <= 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_OURS,
                   _("«%s» is not a Salesdesk company file."), display_name);
      return FALSE;
    }

  if (*version > target_version)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW,
                   _("«%s» was saved by a newer version of Salesdesk (format %d); this version "
                     "reads up to %d. Update Salesdesk to open it."),
                   display_name, *version, target_version);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA main.quick_check", -1, &stmt, NULL);
  whole = rc == SQLITE_OK;
  if (whole)
    {
      guint n_rows = 0;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (n_rows++ > 0 || g_strcmp0 (line, "ok") != 0)
            {
              g_debug ("quick_check of %s: %s", path, line);
              whole = FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        whole = FALSE;
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);

  if (!whole)
    {
      /* Only a lock can stop the check without the file being damaged. */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ||
          (rc & 0xff) == SQLITE_NOMEM || (rc & 0xff) == SQLITE_IOERR)
        set_open_error (error, rc, path, display_name);
      else
        set_open_error (error, SQLITE_CORRUPT, path, display_name);
      return FALSE;
    }

  return TRUE;
}

SdStore *
_sd_store_open_full (const char             *path,
                     SdStoreOpenFlags        flags,
                     const SdMigrationStep  *steps,
                     guint                   n_steps,
                     int                     target_version,
                     GError                **error)
{
  g_autoptr(SdStore) self = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *display_name = NULL;
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  display_name = g_filename_display_basename (absolute);

  /* 1. From outside. */
  if (!check_file (absolute, display_name, error))
    return NULL;

  /* 2. Never SQLITE_OPEN_CREATE: a mistyped name must not become an empty file. */
  rc = sqlite3_open_v2 (absolute, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK || sqlite3_db_readonly (db, "main") == 1)
    {
      if (rc == SQLITE_OK)
        rc = SQLITE_READONLY;
      set_open_error (error, rc, absolute, display_name);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);

  /* 3. Hold the file while open: the first read keeps a shared lock, the first write an
   * exclusive one, until closing. */
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  exec_quiet (db, "PRAGMA locking_mode = EXCLUSIVE");

  /* 4, 5. */
  if (!check_contents (db, absolute, display_name, target_version, &version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* 6. Take the write lock now, so that a second program learns at once that it is open. */
  rc = sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, sqlite3_extended_errcode (db), absolute, display_name);
      sqlite3_close (db);
      return NULL;
    }
  if (!set_connection_pragmas (db))
    {
      set_open_error (error, sqlite3_extended_errcode (db), absolute, display_name);
      sqlite3_close (db);
      return NULL;
    }

  self = g_object_new (SD_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_steal_pointer (&absolute);
  self->display_name = g_steal_pointer (&display_name);
  self->flags = flags;
  self->opened_version = version;
  self->schema_version = version;

  /* 7. An older file: a copy first, then all steps in one transaction. */
  if (version < target_version)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *dir = _sd_store_dup_backup_dir_for (self->path);

      if (!make_migration_backup (self, target_version, &local_error))
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                       _("«%s» needs updating to the format of this version of Salesdesk, but a "
                         "backup copy could not be made first: %s The file was not changed."),
                       self->display_name, local_error->message);
          return NULL;
        }

      if (!_sd_migrations_run_steps (self->db, steps, n_steps, target_version, &local_error))
        {
          g_debug ("Migrating %s failed: %s", self->path, local_error->message);
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                       _("Could not update «%s» to the format of this version of Salesdesk. "
                         "The file was not changed; a copy of it is in %s."),
                       self->display_name, dir);
          return NULL;
        }
      self->schema_version = target_version;
    }

  /* 8. */
  if (!load_company (self, error))
    return NULL;

  if (!(flags & SD_STORE_OPEN_NO_UNDO))
    {
      if (!install_undo_triggers (self, error))
        return NULL;
      self->undo_enabled = TRUE;
    }

  /* 9. */
  if (!(flags & SD_STORE_OPEN_NO_BACKUP))
    make_daily_backup (self);

  return g_steal_pointer (&self);
}

SdStore *
sd_store_open (const char        *path,
               SdStoreOpenFlags   flags,
               GError           **error)
{
  const SdMigrationStep *steps;
  guint n_steps;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  steps = sd_migrations_get_steps (&n_steps);
  return _sd_store_open_full (path, flags, steps, n_steps, SD_STORE_SCHEMA_VERSION, error);
}

static void
remove_partial_file (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

/* Creates the empty file ourselves: sqlite would create it with the umask's mode, and the
 * file holds salaries. sqlite gives its journal the mode of the file. */
static gboolean
create_empty_file (const char  *path,
                   const char  *display_name,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_basename (dir);
  GStatBuf st;
  int fd;

  if (g_lstat (path, &st) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS,
                   _("«%s» already exists. Choose another name, or open it instead."),
                   display_name);
      return FALSE;
    }

  if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("The folder «%s» does not exist. Choose an existing folder for «%s»."),
                   dir_name, display_name);
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      switch (saved_errno)
        {
        case EEXIST:
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_EXISTS,
                       _("«%s» already exists. Choose another name, or open it instead."),
                       display_name);
          break;

        case ENOENT:
        case ENOTDIR:
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                       _("The folder «%s» does not exist. Choose an existing folder for «%s»."),
                       dir_name, display_name);
          break;

        case EACCES:
        case EPERM:
        case EROFS:
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                       _("You have no permission to create files in the folder «%s». Choose "
                         "another folder."), dir_name);
          break;

        case ENOSPC:
        case EDQUOT:
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                       _("The disk is full: «%s» could not be created. Free some space and try "
                         "again."), display_name);
          break;

        default:
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                       _("Could not create «%s»: %s."), display_name, g_strerror (saved_errno));
          break;
        }
      return FALSE;
    }

  /* Keep the requested mode whatever the umask. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("fchmod on %s failed: %s", path, g_strerror (errno));
  close (fd);

  return TRUE;
}

SdStore *
sd_store_create (const char  *path,
                 const char  *company_name,
                 const char  *currency,
                 GError     **error)
{
  g_autoptr(SdStore) self = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *set_app_id = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = _sd_store_check_company_name (company_name, error);
  if (name == NULL || !_sd_store_check_currency (currency, error))
    return NULL;

  absolute = g_canonicalize_filename (path, NULL);
  display_name = g_filename_display_basename (absolute);

  if (!create_empty_file (absolute, display_name, error))
    return NULL;

  rc = sqlite3_open_v2 (absolute, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, rc, absolute, display_name);
      sqlite3_close (db);
      remove_partial_file (absolute);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  exec_quiet (db, "PRAGMA locking_mode = EXCLUSIVE");
  set_connection_pragmas (db);

  self = g_object_new (SD_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (absolute);
  self->display_name = g_strdup (display_name);
  self->flags = SD_STORE_OPEN_NO_BACKUP;
  self->opened_version = SD_STORE_SCHEMA_VERSION;
  self->schema_version = SD_STORE_SCHEMA_VERSION;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  set_app_id = g_strdup_printf ("PRAGMA main.application_id = %d",
                                (int) SD_STORE_APPLICATION_ID);

  if (!_sd_store_exec (self, "BEGIN EXCLUSIVE", error) ||
      !_sd_store_exec (self, set_app_id, error) ||
      !sd_migrations_run (self->db, 0, SD_STORE_SCHEMA_VERSION, error))
    goto failed;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.company (id, name, currency, created) "
                            "VALUES (1, ?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  if (!_sd_store_step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!commit_or_rollback (self, error) ||
      !load_company (self, error) ||
      !install_undo_triggers (self, error))
    goto failed;
  self->undo_enabled = TRUE;

  return g_steal_pointer (&self);

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sd_store_close (self);
  remove_partial_file (absolute);
  return NULL;
}

void
sd_store_close (SdStore *self)
{
  g_return_if_fail (SD_IS_STORE (self));

  if (self->db == NULL)
    return;

  if (!sqlite3_get_autocommit (self->db))
    exec_quiet (self->db, "ROLLBACK");
  self->in_group = FALSE;

  if (sqlite3_close (self->db) != SQLITE_OK)
    {
      /* A statement left unfinalized is our bug; close as soon as it is gone. */
      g_critical ("Closing %s: %s", self->path, sqlite3_errmsg (self->db));
      sqlite3_close_v2 (self->db);
    }
  self->db = NULL;
}

const char *
sd_store_get_path (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return self->path;
}

int
sd_store_get_schema_version (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), 0);

  return self->schema_version;
}

int
sd_store_get_opened_version (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), 0);

  return self->opened_version;
}

/* --- check --- */

#define MAX_PROBLEMS 200

typedef struct {
  GPtrArray *lines;
  guint      n_more;
} Problems;

G_GNUC_PRINTF (2, 3)
static void
add_problem (Problems   *problems,
             const char *format,
             ...)
{
  va_list args;

  if (problems->lines->len >= MAX_PROBLEMS)
    {
      problems->n_more++;
      return;
    }

  va_start (args, format);
  g_ptr_array_add (problems->lines, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Runs `sql` and calls `row` for each result; a damaged file shows up as a problem, other
 * failures as `error`. */
static gboolean
for_each_row (SdStore     *self,
              const char  *sql,
              Problems    *problems,
              void       (*row) (sqlite3_stmt *stmt, Problems *problems),
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        row (stmt, problems);
    }
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (self->db);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      add_problem (problems, _("The file is damaged: a part of it cannot be read."));
      return TRUE;
    }

  _sd_store_set_error (self, rc, error);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static void
integrity_row (sqlite3_stmt *stmt,
               Problems     *problems)
{
  const char *line = column_text (stmt, 0);

  if (strcmp (line, "ok") != 0)
    add_problem (problems, _("The file is damaged: %s"), line);
}

static void
foreign_key_row (sqlite3_stmt *stmt,
                 Problems     *problems)
{
  const char *table = column_text (stmt, 0);
  /* The record number as text: a G_GINT64_FORMAT inside a message cannot be translated. */
  g_autofree char *rowid = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));

  if (strcmp (table, "facts") == 0)
    add_problem (problems,
                 _("Monthly facts (record %s) belong to a person who is not in the file."),
                 rowid);
  else if (strcmp (table, "plan") == 0)
    add_problem (problems,
                 _("A plan figure (record %s) belongs to a person or a plan version that is "
                   "not in the file."), rowid);
  else if (strcmp (table, "pipeline") == 0)
    add_problem (problems,
                 _("An expected payment (record %s) belongs to a person who is not in the "
                   "file."), rowid);
  else
    add_problem (problems,
                 _("A record %s in “%s” refers to something that is not in the file."),
                 rowid, table);
}

static void
company_row (sqlite3_stmt *stmt,
             Problems     *problems)
{
  if (sqlite3_column_int (stmt, 0) != 1)
    add_problem (problems, _("The company record is missing."));
  else if (sqlite3_column_int (stmt, 1) != 1)
    add_problem (problems, _("The company name or currency is not valid."));
}

static void
staff_row (sqlite3_stmt *stmt,
           Problems     *problems)
{
  const char *name = column_text (stmt, 0);
  const char *role = column_text (stmt, 1);
  const char *hired_text = column_text (stmt, 2);
  const char *left_text = (const char *) sqlite3_column_text (stmt, 3);
  GDate hired, left;

  if (strcmp (role, "manager") != 0 && strcmp (role, "head") != 0)
    add_problem (problems, _("%s has an unknown role “%s”."), name, role);

  if (!_sd_store_date_from_iso (hired_text, &hired))
    add_problem (problems, _("%s has an invalid hire date “%s”."), name, hired_text);

  if (left_text != NULL)
    {
      if (!_sd_store_date_from_iso (left_text, &left))
        add_problem (problems, _("%s has an invalid leave date “%s”."), name, left_text);
      else if (g_date_valid (&hired) && g_date_compare (&left, &hired) < 0)
        add_problem (problems, _("The leave date of %s (%s) is before the hire date (%s)."),
                     name, left_text, hired_text);
    }
}

static void
fact_outside_row (sqlite3_stmt *stmt,
                  Problems     *problems)
{
  const char *name = column_text (stmt, 0);
  const char *month = column_text (stmt, 1);

  if (sqlite3_column_int (stmt, 2))
    add_problem (problems, _("Facts for %s in %s, before the hire date."), name, month);
  else
    add_problem (problems, _("Facts for %s in %s, after the leave date."), name, month);
}

static void
fact_values_row (sqlite3_stmt *stmt,
                 Problems     *problems)
{
  const char *name = column_text (stmt, 0);
  const char *month = column_text (stmt, 1);
  SdMonth parsed;

  if (!_sd_store_month_from_iso (month, &parsed))
    add_problem (problems, _("Facts for %s have an invalid month “%s”."), name, month);
  if (sqlite3_column_int (stmt, 2))
    add_problem (problems, _("Negative revenue for %s in %s."), name, month);
  if (sqlite3_column_int (stmt, 3))
    add_problem (problems, _("A negative number of deals, leads or calls for %s in %s."),
                 name, month);
}

static void
plan_values_row (sqlite3_stmt *stmt,
                 Problems     *problems)
{
  /* Translators: in "A negative plan for the department in 2024-01." */
  const char *name = sqlite3_column_type (stmt, 0) == SQLITE_NULL
    ? _("the department") : column_text (stmt, 0);
  const char *month = column_text (stmt, 1);
  SdMonth parsed;

  if (!_sd_store_month_from_iso (month, &parsed))
    add_problem (problems, _("The plan for %s has an invalid month “%s”."), name, month);
  if (sqlite3_column_int (stmt, 2))
    add_problem (problems, _("A negative plan for %s in %s."), name, month);
}

static void
no_current_version_row (sqlite3_stmt *stmt,
                        Problems     *problems)
{
  int year = sqlite3_column_int (stmt, 0);
  int n_current = sqlite3_column_int (stmt, 1);

  if (n_current == 0)
    add_problem (problems, _("The plan for %d has no current version."), year);
  else
    add_problem (problems, _("The plan for %d has %d current versions instead of one."), year,
                 n_current);
}

static void
plan_outside_year_row (sqlite3_stmt *stmt,
                       Problems     *problems)
{
  add_problem (problems, _("The plan version «%s» for %d has a figure for %s."),
               column_text (stmt, 0), sqlite3_column_int (stmt, 1), column_text (stmt, 2));
}

static void
plan_not_in_version_row (sqlite3_stmt *stmt,
                         Problems     *problems)
{
  add_problem (problems, _("%s has plan figures in «%s» but is not one of its managers."),
               column_text (stmt, 0), column_text (stmt, 1));
}

static void
pipeline_row (sqlite3_stmt *stmt,
              Problems     *problems)
{
  const char *name = column_text (stmt, 0);
  const char *date = column_text (stmt, 1);
  GDate parsed;

  if (!_sd_store_date_from_iso (date, &parsed))
    add_problem (problems, _("An expected payment of %s has an invalid date “%s”."), name, date);
  else
    add_problem (problems, _("An expected payment of %s on %s has a negative amount or a "
                             "probability outside 0 to 100 %%."), name, date);
}

gboolean
sd_store_check (SdStore     *self,
                GPtrArray  **problems_out,
                GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  Problems problems = { lines, 0 };
  gboolean sound;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error))
    return FALSE;

  if (!for_each_row (self, "PRAGMA main.integrity_check", &problems, integrity_row, error) ||
      !for_each_row (self, "PRAGMA main.foreign_key_check", &problems, foreign_key_row, error) ||
      !for_each_row (self,
                     "SELECT count(*),"
                     "  (SELECT length (trim (name)) BETWEEN 1 AND 200 AND currency GLOB "
                     "   '[A-Z][A-Z][A-Z]' FROM main.company WHERE id = 1)"
                     " FROM main.company",
                     &problems, company_row, error) ||
      !for_each_row (self,
                     "SELECT name, role, hired, left_on FROM main.staff ORDER BY name",
                     &problems, staff_row, error) ||
      !for_each_row (self,
                     "SELECT s.name, f.month, f.month < substr (s.hired, 1, 7)"
                     " FROM main.facts AS f JOIN main.staff AS s ON s.id = f.manager_id"
                     " WHERE f.month < substr (s.hired, 1, 7)"
                     "    OR (s.left_on IS NOT NULL AND f.month > substr (s.left_on, 1, 7))"
                     " ORDER BY s.name, f.month",
                     &problems, fact_outside_row, error) ||
      !for_each_row (self,
                     "SELECT s.name, f.month, f.revenue < 0,"
                     "  f.deals < 0 OR f.leads < 0 OR f.calls < 0"
                     " FROM main.facts AS f JOIN main.staff AS s ON s.id = f.manager_id"
                     " WHERE f.revenue < 0 OR f.deals < 0 OR f.leads < 0 OR f.calls < 0"
                     "    OR f.month NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                     " ORDER BY s.name, f.month",
                     &problems, fact_values_row, error) ||
      !for_each_row (self,
                     "SELECT s.name, p.month,"
                     "  p.revenue < 0 OR p.leads < 0 OR p.deals < 0"
                     " FROM main.plan AS p LEFT JOIN main.staff AS s ON s.id = p.manager_id"
                     " WHERE p.revenue < 0 OR p.leads < 0 OR p.deals < 0"
                     "    OR p.month NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                     " ORDER BY s.name, p.month",
                     &problems, plan_values_row, error) ||
      /* Schema 2: plan versions and the pipeline. Figures of a version that do not add up
       * are no problem: hand edits may leave a rest. */
      !for_each_row (self,
                     "SELECT year, sum (is_current) FROM main.plan_version"
                     " GROUP BY year HAVING sum (is_current) != 1 ORDER BY year",
                     &problems, no_current_version_row, error) ||
      !for_each_row (self,
                     "SELECT v.name, v.year, p.month FROM main.plan AS p"
                     " JOIN main.plan_version AS v ON v.id = p.version_id"
                     " WHERE p.month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                     "   AND CAST (substr (p.month, 1, 4) AS INTEGER) != v.year"
                     " ORDER BY v.year, v.name, p.month",
                     &problems, plan_outside_year_row, error) ||
      !for_each_row (self,
                     "SELECT DISTINCT s.name, v.name FROM main.plan AS p"
                     " JOIN main.plan_version AS v ON v.id = p.version_id"
                     " JOIN main.staff AS s ON s.id = p.manager_id"
                     " WHERE NOT EXISTS (SELECT 1 FROM main.plan_version_manager AS m"
                     "   WHERE m.version_id = p.version_id AND m.manager_id = p.manager_id)"
                     " ORDER BY v.year, v.name, s.name",
                     &problems, plan_not_in_version_row, error) ||
      !for_each_row (self,
                     "SELECT s.name, p.expected FROM main.pipeline AS p"
                     " JOIN main.staff AS s ON s.id = p.manager_id"
                     " WHERE p.expected NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"
                     "    OR date (p.expected) IS NOT p.expected"
                     "    OR p.amount < 0 OR p.probability NOT BETWEEN 0 AND 100"
                     " ORDER BY p.expected, s.name",
                     &problems, pipeline_row, error))
    return FALSE;

  if (problems.n_more > 0)
    g_ptr_array_add (lines,
                     g_strdup_printf (ngettext ("… and %u more problem.",
                                                "… and %u more problems.",
                                                problems.n_more),
                                      problems.n_more));

  sound = lines->len == 0;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&lines);

  return sound;
}
