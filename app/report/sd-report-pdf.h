/* sd-report-pdf.h — the owner report laid out on pages: a PDF file, or the pages of a print
 * operation, drawn by the same code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sd-chart-growth.h"
#include "sd-chart-plan-fact.h"
#include "sd-export.h"
#include "sd-owner-report.h"

G_BEGIN_DECLS

/* One figure of the headline: "Revenue", "12 345 678,90 ₽", "93,8 % of the plan". */
typedef struct {
  char *label;
  char *value;
  char *detail;    /* may be "" */
} SdReportFigure;

/* A table of the report as text, formatted in the user's locale: what the PDF prints and
 * the page shows, so both say the same. */
typedef struct {
  char       *title;
  guint       n_columns;
  char      **headers;       /* n_columns */
  double     *widths;        /* n_columns relative widths */
  GPtrArray  *rows;          /* of char ** (n_columns cells each) */
  gint        total_row;     /* index of the totals row, or -1 */
  guint       text_columns;  /* bit c set: column c is text, aligned left (the first always) */
} SdReportTable;

typedef enum {
  SD_REPORT_TABLE_MONTHS,
  SD_REPORT_TABLE_MANAGERS,
  SD_REPORT_TABLE_PAY,
  SD_REPORT_TABLE_HIRING,     /* the hiring plan by month (when the report has one) */
  SD_REPORT_TABLE_HIRES,      /* the planned hires */
  SD_REPORT_TABLE_PEOPLE,     /* calls, development plans, attention (when it has them) */
  SD_REPORT_N_TABLES,
} SdReportTableKind;

/* Whether the report has the section the table shows. */
gboolean       sd_report_has_table        (const SdOwnerReport *report,
                                           SdReportTableKind    kind);

/* The headline figures of the report (SdReportFigure *), in the order they are shown. */
GPtrArray     *sd_report_headline_figures (const SdOwnerReport *report);
void           sd_report_figure_free      (SdReportFigure *figure);

SdReportTable *sd_report_table_new        (const SdOwnerReport *report,
                                           SdReportTableKind    kind);
void           sd_report_table_free       (SdReportTable *table);

/* "Иванов Пётр — 2 months below 80 %: …" lines, one per lagging manager; a single line saying
 * nobody lags when the list is empty. */
GPtrArray     *sd_report_lagging_lines    (const SdOwnerReport *report);
/* "Name: why", one line per manager who needs attention (people section). */
GPtrArray     *sd_report_attention_lines  (const SdOwnerReport *report);
/* Whether column c of the table is text (aligned left) rather than a figure. */
gboolean       sd_report_table_is_text_column (const SdReportTable *table,
                                               guint                column);

/* "Made on 22.11.2026" — when the report was made. */
char          *sd_report_made_on          (const SdOwnerReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdReportTable, sd_report_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdReportFigure, sd_report_figure_free)

/* The data of the report's two charts: plan against fact for every month of the period, and
 * the growth of the months that are over. */
typedef struct {
  SdChartPlanFactMonth *pf_months;
  SdChartPlanFact       plan_fact;
  SdMoney              *growth_values;
  SdChartGrowth         growth;
} SdReportCharts;

void           sd_report_charts_init      (SdReportCharts      *charts,
                                           const SdOwnerReport *report);
void           sd_report_charts_clear     (SdReportCharts *charts);

/* The report cut into pages of a given size. The layout keeps a reference to nothing: the
 * report must outlive it. */
typedef struct _SdReportLayout SdReportLayout;

SdReportLayout *sd_report_layout_new      (const SdOwnerReport *report);
void            sd_report_layout_free     (SdReportLayout *self);
/* Cuts the report into pages of width × height (cairo user units, points for print and PDF;
 * the area inside the margins, drawn from 0, 0). cr is used to measure text only. Tables
 * continue on the next page with their header row repeated. Returns the number of pages. */
guint           sd_report_layout_paginate (SdReportLayout *self,
                                           cairo_t        *cr,
                                           double          width,
                                           double          height);
guint           sd_report_layout_get_n_pages (SdReportLayout *self);
/* Draws page `page` (0-based) of the last pagination in (0, 0, width, height) of cr, with
 * "Page N of M" in the footer. */
void            sd_report_layout_draw_page (SdReportLayout *self,
                                            cairo_t        *cr,
                                            guint           page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdReportLayout, sd_report_layout_free)

/* Writes the report as an A4 landscape PDF at path (the caller renames it into place).
 * SD_EXPORT_ERROR_WRITE saying why when the file cannot be written;
 * SD_EXPORT_ERROR_CANCELLED when cancelled between pages (path is then incomplete). */
gboolean sd_report_pdf_write (const SdOwnerReport  *report,
                              const char           *path,
                              GCancellable         *cancellable,
                              SdExportProgress      progress,
                              gpointer              progress_data,
                              GError              **error);

G_END_DECLS
