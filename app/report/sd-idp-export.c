/* sd-idp-export.c — a manager's development plan as PDF or a workbook, to hand over at a
 * one-to-one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-idp-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sd-call-score.h"
#include "sd-idp-export.h"
#include "sd-xlsx.h"

/* --- PDF --- */

#define PAGE_WIDTH  595.0   /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN      50.0

typedef struct {
  cairo_t *cr;
  double   y;
} Pdf;

static void
pdf_text (Pdf        *pdf,
          const char *text,
          const char *font,
          double      indent,
          double      gap_after)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int width, height;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  if (pdf->y + (double) height / PANGO_SCALE > PAGE_HEIGHT - MARGIN)
    {
      cairo_show_page (pdf->cr);
      pdf->y = MARGIN;
    }
  cairo_move_to (pdf->cr, MARGIN + indent, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += (double) height / PANGO_SCALE + gap_after;
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static char *
goal_value_text (const SdIdpGoal *goal,
                 gint64           value)
{
  if (goal->kind == SD_IDP_TARGET_CUSTOM)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return sd_score_format (value, sd_number_style_current ());
}

gboolean
sd_export_idp_pdf (const SdIdp  *idp,
                   const char   *manager,
                   const GDate  *today,
                   const char   *path,
                   GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf pdf;
  gint64 bp;
  int fd;

  g_return_val_if_fail (idp != NULL && manager != NULL && today != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".salesdesk-idp-XXXXXX.pdf", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot write to the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  surface = cairo_pdf_surface_create (tmp, PAGE_WIDTH, PAGE_HEIGHT);
  pdf.cr = cairo_create (surface);
  pdf.y = MARGIN;
  cairo_set_source_rgb (pdf.cr, 0, 0, 0);

  pdf_text (&pdf, idp->title != NULL ? idp->title : _("Development plan"),
            "DejaVu Sans Bold 16", 0, 6);
  created = sd_date_format (&idp->created, sd_number_style_current ());
  g_string_printf (line, _("%s · made on %s"), manager, created);
  if (sd_idp_completion_bp (idp, &bp))
    {
      g_autofree char *pct = sd_score_format_percent (bp, sd_number_style_current ());

      g_string_append_printf (line, _(" · done %s"), pct);
    }
  pdf_text (&pdf, line->str, "DejaVu Sans 10", 0, 16);

  pdf_text (&pdf, _("Goals"), "DejaVu Sans Bold 12", 0, 6);
  if (idp->goals->len == 0)
    pdf_text (&pdf, _("No goals."), "DejaVu Sans 10", 12, 6);
  for (guint i = 0; i < idp->goals->len; i++)
    {
      const SdIdpGoal *goal = g_ptr_array_index (idp->goals, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, goal->title != NULL ? goal->title : "");
      g_autofree char *baseline = goal_value_text (goal, goal->baseline);
      g_autofree char *target = goal_value_text (goal, goal->target);

      pdf_text (&pdf, title, "DejaVu Sans Bold 10", 12, 2);
      if (g_str_equal (sd_idp_goal_get_unit (goal), "%"))
        {
          g_autofree char *from = sd_score_format_percent (goal->baseline, sd_number_style_current ());
          g_autofree char *to = sd_score_format_percent (goal->target, sd_number_style_current ());

          /* Translators: a goal's values in the printed plan, "From 35% to 80%" */
          g_string_printf (line, _("From %s to %s"), from, to);
        }
      else
        /* Translators: a goal's values in the printed plan, "From 62 to 80 points of 100" */
        g_string_printf (line, _("From %s to %s %s"), baseline, target, sd_idp_goal_get_unit (goal));
      if (goal->reason != NULL)
        g_string_append_printf (line, " — %s", goal->reason);
      pdf_text (&pdf, line->str, "DejaVu Sans 9", 24, 8);
    }

  pdf.y += 8;
  pdf_text (&pdf, _("Actions"), "DejaVu Sans Bold 12", 0, 6);
  if (idp->actions->len == 0)
    pdf_text (&pdf, _("No actions."), "DejaVu Sans 10", 12, 6);
  for (guint i = 0; i < idp->actions->len; i++)
    {
      const SdIdpAction *a = g_ptr_array_index (idp->actions, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, a->title != NULL ? a->title : "");
      g_autofree char *deadline = sd_date_format (&a->deadline, sd_number_style_current ());
      guint overdue = sd_idp_action_days_overdue (a, today);

      pdf_text (&pdf, title, "DejaVu Sans Bold 10", 12, 2);
      g_string_printf (line, _("%s · %s · by %s"), sd_idp_action_kind_get_label (a->kind),
                       a->owner != NULL ? a->owner : "", deadline);
      g_string_append_printf (line, " · %s", sd_idp_status_get_label (a->status));
      if (overdue > 0)
        g_string_append_printf (line, ngettext (" · overdue by %u day", " · overdue by %u days",
                                                overdue),
                                overdue);
      if (a->notes != NULL)
        g_string_append_printf (line, "\n%s", a->notes);
      if (overdue > 0)
        cairo_set_source_rgb (pdf.cr, 0.75, 0.1, 0.1);
      pdf_text (&pdf, line->str, "DejaVu Sans 9", 24, 8);
      cairo_set_source_rgb (pdf.cr, 0, 0, 0);
    }

  pdf.y += 24;
  /* Translators: signature lines at the bottom of the printed plan */
  pdf_text (&pdf, _("Manager: ____________________      Head of sales: ____________________"),
            "DejaVu Sans 10", 0, 0);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The PDF could not be saved as “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
write_date (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const GDate   *date,
            lxw_format    *format)
{
  lxw_datetime dt = { 0, };

  if (!g_date_valid (date))
    return;
  dt.year = g_date_get_year (date);
  dt.month = g_date_get_month (date);
  dt.day = g_date_get_day (date);
  worksheet_write_datetime (sheet, row, col, &dt, format);
}

gboolean
sd_export_idp_xlsx (const SdIdp  *idp,
                    const char   *manager,
                    const GDate  *today,
                    const char   *path,
                    GError      **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *created = NULL;
  g_autofree char *subtitle = NULL;
  SdXlsxLocale guard;
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *bold, *title_format, *date_format, *number_format, *red;
  lxw_row_t row = 0;
  lxw_error rc;

  g_return_val_if_fail (idp != NULL && manager != NULL && today != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temp = sd_xlsx_temp_path_for (path, error);
  if (temp == NULL)
    return FALSE;
  sd_xlsx_locale_push (&guard);
  book = workbook_new (temp);
  if (book == NULL)
    {
      sd_xlsx_locale_pop (&guard);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The plan could not be saved in «%s». Choose a folder you can write to."),
                   path);
      return FALSE;
    }
  bold = workbook_add_format (book);
  format_set_bold (bold);
  title_format = workbook_add_format (book);
  format_set_bold (title_format);
  format_set_font_size (title_format, 14);
  date_format = workbook_add_format (book);
  format_set_num_format (date_format, "dd.mm.yyyy");
  number_format = workbook_add_format (book);
  format_set_num_format (number_format, "0.##");
  red = workbook_add_format (book);
  format_set_font_color (red, LXW_COLOR_RED);

  sheet_name = sd_xlsx_sheet_name (_("Development plan"));
  sheet = workbook_add_worksheet (book, sheet_name);
  worksheet_set_column (sheet, 0, 0, 48, NULL);
  worksheet_set_column (sheet, 1, 2, 22, NULL);
  worksheet_set_column (sheet, 3, 7, 14, NULL);
  worksheet_set_column (sheet, 8, 8, 40, NULL);

  sd_xlsx_write_text (sheet, row++, 0, idp->title != NULL ? idp->title
                                                               : _("Development plan"),
                      title_format);
  created = sd_date_format (&idp->created, sd_number_style_current ());
  subtitle = g_strdup_printf (_("%s · made on %s"), manager, created);
  sd_xlsx_write_text (sheet, row++, 0, subtitle, NULL);
  row++;

  sd_xlsx_write_text (sheet, row, 0, _("Goal"), bold);
  sd_xlsx_write_text (sheet, row, 1, _("From"), bold);
  sd_xlsx_write_text (sheet, row, 2, _("Target"), bold);
  sd_xlsx_write_text (sheet, row, 3, _("Unit"), bold);
  sd_xlsx_write_text (sheet, row, 4, _("Deadline"), bold);
  sd_xlsx_write_text (sheet, row, 8, _("Why"), bold);
  row++;
  for (guint i = 0; i < idp->goals->len; i++, row++)
    {
      const SdIdpGoal *g = g_ptr_array_index (idp->goals, i);
      double factor = (double) sd_idp_goal_get_scale (g);

      sd_xlsx_write_text (sheet, row, 0, g->title != NULL ? g->title : "", NULL);
      worksheet_write_number (sheet, row, 1, (double) g->baseline / factor, number_format);
      worksheet_write_number (sheet, row, 2, (double) g->target / factor, number_format);
      sd_xlsx_write_text (sheet, row, 3, sd_idp_goal_get_unit (g), NULL);
      write_date (sheet, row, 4, &g->deadline, date_format);
      if (g->reason != NULL)
        sd_xlsx_write_text (sheet, row, 8, g->reason, NULL);
    }
  row++;

  sd_xlsx_write_text (sheet, row, 0, _("Action"), bold);
  sd_xlsx_write_text (sheet, row, 1, _("Kind"), bold);
  sd_xlsx_write_text (sheet, row, 2, _("Owner"), bold);
  sd_xlsx_write_text (sheet, row, 3, _("Deadline"), bold);
  sd_xlsx_write_text (sheet, row, 4, _("Status"), bold);
  sd_xlsx_write_text (sheet, row, 5, _("Done on"), bold);
  sd_xlsx_write_text (sheet, row, 6, _("Days overdue"), bold);
  sd_xlsx_write_text (sheet, row, 8, _("Notes"), bold);
  row++;
  for (guint i = 0; i < idp->actions->len; i++, row++)
    {
      const SdIdpAction *a = g_ptr_array_index (idp->actions, i);
      guint overdue = sd_idp_action_days_overdue (a, today);

      sd_xlsx_write_text (sheet, row, 0, a->title != NULL ? a->title : "", overdue > 0 ? red : NULL);
      sd_xlsx_write_text (sheet, row, 1, sd_idp_action_kind_get_label (a->kind), NULL);
      sd_xlsx_write_text (sheet, row, 2, a->owner != NULL ? a->owner : "", NULL);
      write_date (sheet, row, 3, &a->deadline, date_format);
      sd_xlsx_write_text (sheet, row, 4, sd_idp_status_get_label (a->status), NULL);
      write_date (sheet, row, 5, &a->done_on, date_format);
      worksheet_write_number (sheet, row, 6, overdue, NULL);
      if (a->notes != NULL)
        sd_xlsx_write_text (sheet, row, 8, a->notes, NULL);
    }

  rc = workbook_close (book);
  sd_xlsx_locale_pop (&guard);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (temp);
      sd_xlsx_set_error (error, rc, path);
      return FALSE;
    }
  if (!sd_xlsx_commit_file (temp, path, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}
