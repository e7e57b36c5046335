/* sd-export-job.h — one file export on a worker thread, with a progress bar following it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sd-export.h"

G_BEGIN_DECLS

typedef struct _SdExportJob SdExportJob;

/* Writes `data` to `path`; runs on the worker thread and calls `progress` from there. */
typedef gboolean (*SdExportJobWrite) (gconstpointer      data,
                                      const char        *path,
                                      SdExportProgress   progress,
                                      gpointer           progress_data,
                                      GCancellable      *cancellable,
                                      GError           **error);

/* A job that will write `data` (read on the main thread, freed with `data_free`) to `path`. */
SdExportJob *sd_export_job_new            (const char          *path,
                                           gpointer             data,
                                           GDestroyNotify       data_free);
/* Starts `write` on a worker thread, with `source` (a page) as the task's source object, and
 * shows its progress in `bar` until sd_export_job_stop_progress. `callback` runs on the main
 * thread when the file is written, failed or cancelled. With `check_cancellable`, a Cancel
 * makes the task fail even when the thread finished the file. */
void         sd_export_job_run            (SdExportJob         *job,
                                           gpointer             source,
                                           gpointer             source_tag,
                                           gboolean             check_cancellable,
                                           SdExportJobWrite     write,
                                           GtkProgressBar      *bar,
                                           GAsyncReadyCallback  callback);
/* The answer of a job, in its callback. */
gboolean     sd_export_job_finish         (GAsyncResult        *result,
                                           GError             **error);
const char  *sd_export_job_get_path       (SdExportJob         *job);
/* Asks the worker thread to stop; the callback still runs. */
void         sd_export_job_cancel         (SdExportJob         *job);
/* The progress bar stops following the job. */
void         sd_export_job_stop_progress  (SdExportJob         *job);
/* Stops the progress and lets go of the job; the thread keeps its own reference. */
void         sd_export_job_release        (SdExportJob         *job);

G_END_DECLS
