/* sd-company-page.c — the company: its name, its file, the production calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-company-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-company-page-private.h"

struct _SdCompanyPage
{
  SdPage               parent_instance;

  /* Template children */
  AdwEntryRow         *name_row;
  GtkLabel            *currency_label;
  GtkLabel            *path_label;
  GtkLabel            *version_label;
  GtkWidget           *backups_button;
  AdwPreferencesGroup *calendar_group;

  guint                calendar_filled : 1;
  /* Set while we put the stored name into the row, which is not an edit. */
  guint                loading_name : 1;
};

G_DEFINE_FINAL_TYPE (SdCompanyPage, sd_company_page, SD_TYPE_PAGE)

static void
add_toast (SdCompanyPage *self,
           const char    *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;

  if (overlay == NULL)
    return;

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
load_name (SdCompanyPage *self,
           const char    *name)
{
  self->loading_name = TRUE;
  /* Putting the stored text in is not an edit: no apply button for it. */
  adw_entry_row_set_show_apply_button (self->name_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  self->loading_name = FALSE;
}

static void
fill_calendar (SdCompanyPage *self)
{
  const SdCalendar *calendar = sd_context_get_calendar (sd_page_get_context (SD_PAGE (self)));
  int first = sd_calendar_get_first_year (calendar);
  int last = sd_calendar_get_last_year (calendar);
  g_autofree char *years = NULL;
  GtkWidget *row;
  GtkWidget *label;

  self->calendar_filled = TRUE;

  /* Translators: a range of years, as 2024–2027 */
  years = g_strdup_printf (_("%d–%d"), first, last);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Years Covered"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Outside these years: Monday to Friday without the public holidays, and no transfers of days off."));
  label = gtk_label_new (years);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->calendar_group, row);

  for (int year = first; year <= last; year++)
    {
      g_autofree char *title = g_strdup_printf ("%d", year);
      gboolean exact = sd_calendar_is_exact (calendar, year);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      label = gtk_label_new (exact
                             /* Translators: a year of the production calendar fixed by the Government resolution */
                             ? _("Official")
                             /* Translators: a year of the production calendar from a draft; it may change */
                             : _("Draft, may change"));
      if (exact)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->calendar_group, row);
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Source"));
  label = gtk_label_new (sd_calendar_get_source (calendar));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
  adw_preferences_group_add (self->calendar_group, row);
}

static void
sd_company_page_reload (SdPage *page)
{
  SdCompanyPage *self = SD_COMPANY_PAGE (page);
  SdStore *store = sd_page_get_store (page);
  g_autofree char *currency = NULL;
  g_autofree char *version = NULL;
  const char *code;
  const char *symbol;
  int current;
  int opened;

  if (!self->calendar_filled)
    fill_calendar (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), store != NULL);
  gtk_widget_set_sensitive (self->backups_button, store != NULL);

  if (store == NULL)
    {
      load_name (self, "");
      gtk_label_set_text (self->currency_label, "");
      gtk_label_set_text (self->path_label, "");
      gtk_label_set_text (self->version_label, "");
      return;
    }

  load_name (self, sd_store_get_company_name (store));

  code = sd_store_get_currency (store);
  symbol = sd_currency_symbol (code);
  if (g_strcmp0 (symbol, code) == 0)
    currency = g_strdup (code);
  else
    /* Translators: a currency: its code and its sign, as RUB (₽) */
    currency = g_strdup_printf (_("%s (%s)"), code, symbol);
  gtk_label_set_text (self->currency_label, currency);

  gtk_label_set_text (self->path_label, sd_store_get_path (store));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), sd_store_get_path (store));

  current = sd_store_get_schema_version (store);
  opened = sd_store_get_opened_version (store);
  if (opened != current)
    /* Translators: the file format version, and the older one it was brought up from */
    version = g_strdup_printf (_("%d (upgraded from %d)"), current, opened);
  else
    version = g_strdup_printf ("%d", current);
  gtk_label_set_text (self->version_label, version);
}

static void
on_name_apply (SdCompanyPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (store == NULL)
    return;

  if (!sd_store_set_company_name (store, name, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      add_toast (self, error->message);
      return;
    }

  /* The store trims the name; show what it kept. */
  load_name (self, sd_store_get_company_name (store));
}

static void
on_name_changed (SdCompanyPage *self)
{
  if (!self->loading_name)
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
on_open_backups_clicked (SdCompanyPage *self)
{
  SdStore *store = sd_page_get_store (SD_PAGE (self));
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (store == NULL)
    return;

  dir = sd_store_dup_backup_dir (store);
  if (dir == NULL)
    return;

  /* No backup may have been made yet (the first day); show the empty folder anyway. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a folder path */
      message = g_strdup_printf (_("Could not create the folder %s."), dir);
      add_toast (self, message);
      return;
    }

  file = g_file_new_for_path (dir);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
sd_company_page_dispose (GObject *object)
{
  SdCompanyPage *self = SD_COMPANY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_COMPANY_PAGE);

  G_OBJECT_CLASS (sd_company_page_parent_class)->dispose (object);
}

static void
sd_company_page_class_init (SdCompanyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SdPageClass *page_class = SD_PAGE_CLASS (klass);

  object_class->dispose = sd_company_page_dispose;
  page_class->reload = sd_company_page_reload;
  page_class->reload_on = SD_STORE_CHANGED_COMPANY;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-company-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SdCompanyPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SdCompanyPage, currency_label);
  gtk_widget_class_bind_template_child (widget_class, SdCompanyPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, SdCompanyPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, SdCompanyPage, backups_button);
  gtk_widget_class_bind_template_child (widget_class, SdCompanyPage, calendar_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_open_backups_clicked);
}

static void
sd_company_page_init (SdCompanyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sd_company_page_new (SdContext *context)
{
  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  return g_object_new (SD_TYPE_COMPANY_PAGE, "context", context, NULL);
}

SdContext *
sd_company_page_get_context (SdCompanyPage *self)
{
  g_return_val_if_fail (SD_IS_COMPANY_PAGE (self), NULL);

  return sd_page_get_context (SD_PAGE (self));
}

AdwEntryRow *
_sd_company_page_get_name_row (SdCompanyPage *self)
{
  return self->name_row;
}

GtkLabel *
_sd_company_page_get_path_label (SdCompanyPage *self)
{
  return self->path_label;
}
