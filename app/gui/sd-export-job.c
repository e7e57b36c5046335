/* sd-export-job.c — one file export on a worker thread, with a progress bar following it
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-export-job"

#include "config.h"

#include "sd-export-job.h"

struct _SdExportJob
{
  gatomicrefcount  ref;
  gpointer         data;
  GDestroyNotify   data_free;
  char            *path;
  SdExportJobWrite write;
  GCancellable    *cancellable;
  GtkProgressBar  *bar;
  guint            progress_id;
  gint             permille;     /* progress, written by the thread */
};

SdExportJob *
sd_export_job_new (const char     *path,
                   gpointer        data,
                   GDestroyNotify  data_free)
{
  SdExportJob *job;

  g_return_val_if_fail (path != NULL, NULL);

  job = g_new0 (SdExportJob, 1);
  g_atomic_ref_count_init (&job->ref);
  job->path = g_strdup (path);
  job->data = data;
  job->data_free = data_free;
  job->cancellable = g_cancellable_new ();
  return job;
}

static SdExportJob *
sd_export_job_ref (SdExportJob *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
sd_export_job_unref (SdExportJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  g_clear_handle_id (&job->progress_id, g_source_remove);
  g_clear_object (&job->bar);
  g_clear_object (&job->cancellable);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  SdExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SdExportJob *job = task_data;
  GError *error = NULL;

  if (job->write (job->data, job->path, on_progress, job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
on_progress_tick (gpointer user_data)
{
  SdExportJob *job = user_data;

  gtk_progress_bar_set_fraction (job->bar, g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

void
sd_export_job_run (SdExportJob         *job,
                   gpointer             source,
                   gpointer             source_tag,
                   gboolean             check_cancellable,
                   SdExportJobWrite     write,
                   GtkProgressBar      *bar,
                   GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (job != NULL && job->write == NULL);
  g_return_if_fail (GTK_IS_PROGRESS_BAR (bar));

  job->write = write;
  job->bar = g_object_ref (bar);
  gtk_progress_bar_set_fraction (bar, 0);
  job->progress_id = g_timeout_add (100, on_progress_tick, job);

  task = g_task_new (source, job->cancellable, callback, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, check_cancellable);
  g_task_set_task_data (task, sd_export_job_ref (job), (GDestroyNotify) sd_export_job_unref);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sd_export_job_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
sd_export_job_get_path (SdExportJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return job->path;
}

void
sd_export_job_cancel (SdExportJob *job)
{
  g_return_if_fail (job != NULL);
  g_cancellable_cancel (job->cancellable);
}

void
sd_export_job_stop_progress (SdExportJob *job)
{
  g_return_if_fail (job != NULL);
  g_clear_handle_id (&job->progress_id, g_source_remove);
}

void
sd_export_job_release (SdExportJob *job)
{
  g_return_if_fail (job != NULL);
  sd_export_job_stop_progress (job);
  sd_export_job_unref (job);
}
