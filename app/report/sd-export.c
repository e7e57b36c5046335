/* sd-export.c — writing reports to files: the format from the name, a temporary file beside
 * the target, renamed into place only when whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-export.h"
#include "sd-owner-report.h"
#include "sd-report-xlsx.h"
#include "sd-xlsx.h"
#ifdef SD_HAVE_REPORT_PDF
#include "sd-report-pdf.h"
#endif

G_DEFINE_QUARK (sd-export-error-quark, sd_export_error)

gboolean
sd_export_format_for_path (const char      *path,
                           guint            allowed,
                           SdExportFormat  *format,
                           GError         **error)
{
  static const struct {
    const char     *suffix;
    SdExportFormat  format;
  } known[] = {
    { ".csv", SD_EXPORT_FORMAT_CSV },
    { ".xlsx", SD_EXPORT_FORMAT_XLSX },
    { ".pdf", SD_EXPORT_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if ((allowed & (1u << known[i].format)) == 0)
        continue;
      if (g_str_has_suffix (lower, known[i].suffix))
        {
          if (format != NULL)
            *format = known[i].format;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", known[i].suffix);
    }

  {
    g_autofree char *name = g_filename_display_basename (path);

    g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_FORMAT,
                 /* Translators: a file name, then the endings allowed: ".csv, .xlsx" */
                 _("«%s»: the file name must end in %s, which says what to write."), name,
                 names->str);
  }
  return FALSE;
}

static guint
allowed_report_formats (void)
{
  guint allowed = 1u << SD_EXPORT_FORMAT_XLSX;

#ifdef SD_HAVE_REPORT_PDF
  allowed |= 1u << SD_EXPORT_FORMAT_PDF;
#endif
  return allowed;
}

gboolean
sd_export_owner_report_data (const SdOwnerReport  *report,
                             const char           *path,
                             GCancellable         *cancellable,
                             SdExportProgress      progress,
                             gpointer              progress_data,
                             GError              **error)
{
  g_autofree char *temp = NULL;
  SdExportFormat format;
  gboolean ok;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sd_export_format_for_path (path, allowed_report_formats (), &format, error))
    return FALSE;
  if (sd_owner_report_is_empty (report))
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_NO_DATA,
                   _("There is nothing to report for %s: no plan and no facts."),
                   report->period_label);
      return FALSE;
    }
  temp = sd_xlsx_temp_path_for (path, error);
  if (temp == NULL)
    return FALSE;
#ifdef SD_HAVE_REPORT_PDF
  if (format == SD_EXPORT_FORMAT_PDF)
    ok = sd_report_pdf_write (report, temp, cancellable, progress, progress_data, error);
  else
#endif
    ok = sd_report_xlsx_write (report, temp, cancellable, progress, progress_data, error);
  /* Cancelled while the last page was written: the earlier file stays. */
  if (ok && g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_CANCELLED,
                           _("The export was cancelled."));
      ok = FALSE;
    }
  if (!ok || !sd_xlsx_commit_file (temp, path, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
sd_export_owner_report (SdStore           *store,
                        const SdCalendar  *calendar,
                        const SdPeriod    *period,
                        const GDate       *today,
                        const char        *path,
                        GCancellable      *cancellable,
                        SdExportProgress   progress,
                        gpointer           progress_data,
                        GError           **error)
{
  g_autoptr(SdOwnerReport) report = NULL;

  g_return_val_if_fail (SD_IS_STORE (store), FALSE);
  g_return_val_if_fail (calendar != NULL && period != NULL && today != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The name first: a wrong one is refused before any reading. */
  if (!sd_export_format_for_path (path, allowed_report_formats (), NULL, error))
    return FALSE;
  if (progress != NULL)
    progress (0.0, progress_data);
  report = sd_owner_report_build (store, calendar, period, today, cancellable, error);
  if (report == NULL)
    return FALSE;
  if (progress != NULL)
    progress (0.3, progress_data);
  return sd_export_owner_report_data (report, path, cancellable, progress, progress_data, error);
}
