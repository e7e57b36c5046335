/* sd-store-pipeline.c — expected payments of the pipeline, for the forecast
 *
 * Copyright 2025 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-store-pipeline"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-store-private.h"

#define TEXT_MAX_CHARS 1000

void
sd_pipeline_item_free (SdPipelineItem *self)
{
  if (self == NULL)
    return;
  g_free (self->client);
  g_free (self->note);
  g_free (self);
}

SdPipelineItem *
sd_pipeline_item_copy (const SdPipelineItem *self)
{
  SdPipelineItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->client = g_strdup (self->client);
  copy->note = g_strdup (self->note);
  return copy;
}

static SdPipelineItem *
item_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  SdPipelineItem *item = g_new0 (SdPipelineItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->payment.manager_id = sqlite3_column_int64 (stmt, 1);
  _sd_store_date_from_iso ((const char *) sqlite3_column_text (stmt, 2), &item->payment.expected);
  item->payment.amount = sqlite3_column_int64 (stmt, 3);
  item->payment.probability = sqlite3_column_int (stmt, 4);
  item->client = _sd_store_column_dup (stmt, 5);
  item->note = _sd_store_column_dup (stmt, 6);

  return item;
}

GPtrArray *
sd_store_list_pipeline (SdStore      *self,
                        const GDate  *first,
                        const GDate  *last,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _sd_store_prepare (self,
                            "SELECT id, manager_id, expected, amount, probability, client, note"
                            " FROM main.pipeline"
                            " WHERE (?1 IS NULL OR expected >= ?1)"
                            "   AND (?2 IS NULL OR expected <= ?2)"
                            " ORDER BY expected, id", error);
  if (stmt == NULL)
    return NULL;
  if (first != NULL && g_date_valid (first))
    _sd_store_bind_date (stmt, 1, first);
  if (last != NULL && g_date_valid (last))
    _sd_store_bind_date (stmt, 2, last);
  return _sd_store_collect (self, stmt, (SdStoreFromRowFunc) item_from_row,
                            (GDestroyNotify) sd_pipeline_item_free, error);
}

/* Trimmed text, NULL for none or blank; FALSE when it is not text or too long (`invalid`
 * and `too_long` are the messages, the latter with the limit as %d). */
static gboolean
clean_text (const char  *text,
            const char  *invalid,
            const char  *too_long,
            char       **out,
            GError     **error)
{
  g_autofree char *trimmed = NULL;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, invalid);
      return FALSE;
    }
  trimmed = _sd_store_trim_name (text);
  if (g_utf8_strlen (trimmed, -1) > TEXT_MAX_CHARS)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, too_long, TEXT_MAX_CHARS);
      return FALSE;
    }
  if (trimmed[0] != '\0')
    *out = g_steal_pointer (&trimmed);
  return TRUE;
}

static gboolean
validate_item (SdStore               *self,
               const SdPipelineItem  *item,
               char                 **client,
               char                 **note,
               GError               **error)
{
  g_autoptr(SdStaffMember) member = NULL;

  if (!g_date_valid (&item->payment.expected))
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The expected payment has no date. Enter the day the money is "
                             "expected."));
      return FALSE;
    }
  if (item->payment.amount < 0)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The expected amount is below zero. Enter zero or more."));
      return FALSE;
    }
  if (item->payment.probability < 0 || item->payment.probability > 100)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("The probability must be between 0 and 100 %."));
      return FALSE;
    }

  member = sd_store_get_staff (self, item->payment.manager_id, NULL);
  if (member == NULL)
    {
      g_set_error_literal (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                           _("Choose the manager the payment is expected from."));
      return FALSE;
    }

  if (!clean_text (item->client, _("The client name is not valid text. Type it again."),
                   _("The client name is too long. Shorten it to at most %d characters."),
                   client, error))
    return FALSE;
  if (!clean_text (item->note, _("The note is not valid text. Type it again."),
                   _("The note is too long. Shorten it to at most %d characters."),
                   note, error))
    {
      g_clear_pointer (client, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Binds manager, expected, amount, probability, client, note as ?2..?7. */
static void
bind_item (sqlite3_stmt          *stmt,
           const SdPipelineItem  *item,
           const char            *client,
           const char            *note)
{
  sqlite3_bind_int64 (stmt, 2, item->payment.manager_id);
  _sd_store_bind_date (stmt, 3, &item->payment.expected);
  sqlite3_bind_int64 (stmt, 4, item->payment.amount);
  sqlite3_bind_int (stmt, 5, item->payment.probability);
  /* Cleaned: NULL or not blank. */
  _sd_store_bind_text_or_null (stmt, 6, client);
  _sd_store_bind_text_or_null (stmt, 7, note);
}

gint64
sd_store_add_pipeline_item (SdStore               *self,
                            const SdPipelineItem  *item,
                            GError               **error)
{
  g_autofree char *client = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (item != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_sd_store_ensure_open (self, error) ||
      !validate_item (self, item, &client, &note, error) ||
      !_sd_store_edit_begin (self, error))
    return 0;

  stmt = _sd_store_prepare (self,
                            "INSERT INTO main.pipeline (id, manager_id, expected, amount,"
                            " probability, client, note) VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    goto failed;
  bind_item (stmt, item, client, note);
  if (!_sd_store_run (self, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_sd_store_get_db (self));

  /* Translators: an undo step, "Undo Add expected payment" */
  if (!_sd_store_edit_commit (self, _("Add expected payment"), SD_STORE_CHANGED_PIPELINE,
                              error))
    return 0;
  return id;

failed:
  _sd_store_edit_abort (self);
  return 0;
}

#define ITEM_GONE_MESSAGE \
  _("This expected payment is no longer in the company file. The list will be refreshed.")

gboolean
sd_store_update_pipeline_item (SdStore               *self,
                               const SdPipelineItem  *item,
                               GError               **error)
{
  g_autofree char *client = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sd_store_ensure_open (self, error) ||
      !validate_item (self, item, &client, &note, error) ||
      !_sd_store_edit_begin (self, error))
    return FALSE;

  stmt = _sd_store_prepare (self,
                            "UPDATE main.pipeline SET manager_id = ?2, expected = ?3,"
                            " amount = ?4, probability = ?5, client = ?6, note = ?7"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, item->id);
  bind_item (stmt, item, client, note);
  if (!_sd_store_run_changing (self, stmt, ITEM_GONE_MESSAGE, error))
    goto failed;

  /* Translators: an undo step, "Undo Edit expected payment" */
  return _sd_store_edit_commit (self, _("Edit expected payment"), SD_STORE_CHANGED_PIPELINE,
                                error);

failed:
  _sd_store_edit_abort (self);
  return FALSE;
}

gboolean
sd_store_remove_pipeline_item (SdStore   *self,
                               gint64     id,
                               GError   **error)
{
  const char *label;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: an undo step, "Undo Remove expected payment" */
  label = _("Remove expected payment");
  return _sd_store_edit_exec_with_id (self, "DELETE FROM main.pipeline WHERE id = ?1", id,
                                      ITEM_GONE_MESSAGE, label, SD_STORE_CHANGED_PIPELINE, error);
}
