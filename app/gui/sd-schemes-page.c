/* sd-schemes-page.c — motivation schemes of the department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-schemes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-scheme-library.h"
#include "sd-schemes-page.h"

struct _SdSchemesPage
{
  AdwBin      parent_instance;

  SdContext  *context;
  SdStore    *store;
  gulong      store_changed_id;
  /* Read from the file when the page is shown, not on every change elsewhere. */
  gboolean    needs_reload;

  GtkLabel   *status;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (SdSchemesPage, sd_schemes_page, ADW_TYPE_BIN)

static void
show_status (SdSchemesPage *self,
             const char    *text)
{
  gtk_label_set_label (self->status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text != '\0');
}

/* How many managers are on the scheme now or from some month on. */
static guint
count_assigned (GArray *assignments,
                gint64  scheme_id)
{
  g_autoptr(GHashTable) managers = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      SdSchemeAssignment *a = &g_array_index (assignments, SdSchemeAssignment, i);

      if (a->scheme_id == scheme_id)
        g_hash_table_add (managers, &a->manager_id);
    }
  return g_hash_table_size (managers);
}

static void
on_duplicate_clicked (GtkButton     *button,
                      SdSchemesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "scheme-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SdSchemeEntry) entry = NULL;
  g_autoptr(SdScheme) copy = NULL;

  if (self->store == NULL)
    return;
  entry = sd_store_get_scheme (self->store, id, &error);
  if (entry == NULL)
    {
      show_status (self, error->message);
      return;
    }
  copy = sd_scheme_copy (entry->scheme);
  g_free (copy->name);
  /* Translators: the name of a copy of a scheme. */
  copy->name = g_strdup_printf (_("%s (copy)"), entry->scheme->name);
  if (sd_store_add_scheme (self->store, copy, &error) == 0)
    show_status (self, error->message);
}

static void
on_remove_clicked (GtkButton     *button,
                   SdSchemesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "scheme-id"));
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !sd_store_remove_scheme (self->store, id, &error))
    show_status (self, error->message);
}

static void
reload (SdSchemesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = NULL;
  g_autoptr(GArray) assignments = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store == NULL)
    return;

  schemes = sd_store_list_schemes (self->store, &error);
  if (schemes == NULL)
    {
      show_status (self, error->message);
      return;
    }
  assignments = sd_store_list_scheme_assignments (self->store, 0, NULL);

  for (guint i = 0; i < schemes->len; i++)
    {
      SdSchemeEntry *entry = g_ptr_array_index (schemes, i);
      guint n = count_assigned (assignments, entry->id);
      g_autofree char *who = n == 0
        ? g_strdup (_("nobody is on it"))
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u manager", "%u managers", n), n);
      /* Translators: base of the commission · mode · who is on the scheme. */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                   sd_scheme_base_get_label (entry->scheme->base),
                                                   sd_commission_mode_get_label (entry->scheme->mode),
                                                   who);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dup = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      GtkWidget *rm = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->scheme->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (dup, _("Duplicate"));
      gtk_widget_set_tooltip_text (rm, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dup), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Duplicate"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rm), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove"), -1);
      for (GtkWidget *b = dup; b != NULL; b = b == dup ? rm : NULL)
        {
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (b, "flat");
          g_object_set_data (G_OBJECT (b), "scheme-id", GSIZE_TO_POINTER ((gsize) entry->id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      g_signal_connect_object (dup, "clicked", G_CALLBACK (on_duplicate_clicked), self, 0);
      g_signal_connect_object (rm, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
      gtk_list_box_append (self->list, row);
    }
}

static void
on_add_typical_clicked (SdSchemesPage *self)
{
  g_autoptr(GPtrArray) all = sd_scheme_library_create_all ();

  if (self->store == NULL)
    return;
  show_status (self, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SdScheme *scheme = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;

      if (sd_store_find_scheme (self->store, scheme->name) != 0)
        continue;
      if (sd_store_add_scheme (self->store, scheme, &error) == 0)
        {
          show_status (self, error->message);
          return;
        }
    }
}

static void
queue_reload (SdSchemesPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->needs_reload = TRUE;
}

static void
sd_schemes_page_map (GtkWidget *widget)
{
  SdSchemesPage *self = (SdSchemesPage *) widget;

  GTK_WIDGET_CLASS (sd_schemes_page_parent_class)->map (widget);

  if (self->needs_reload)
    {
      self->needs_reload = FALSE;
      reload (self);
    }
}

static void
on_store_changed (SdSchemesPage *self,
                  guint          what,
                  SdStore       *store)
{
  if (what & SD_STORE_CHANGED_SCHEMES)
    queue_reload (self);
}

static void
on_context_store_notify (SdSchemesPage *self)
{
  SdStore *store = sd_context_get_store (self->context);

  if (store == self->store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_object (store, "changed",
                                                      G_CALLBACK (on_store_changed), self,
                                                      G_CONNECT_SWAPPED);
  show_status (self, NULL);
  queue_reload (self);
}

static void
sd_schemes_page_dispose (GObject *object)
{
  SdSchemesPage *self = SD_SCHEMES_PAGE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sd_schemes_page_parent_class)->dispose (object);
}

static void
sd_schemes_page_class_init (SdSchemesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sd_schemes_page_dispose;
  GTK_WIDGET_CLASS (klass)->map = sd_schemes_page_map;
}

static void
sd_schemes_page_init (SdSchemesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Motivation Schemes"));
  GtkWidget *add = gtk_button_new_with_label (_("Add Typical Schemes"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_add_css_class (title, "title-3");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_tooltip_text (add, _("Adds the typical schemes from the library that the company does not have yet"));
  gtk_box_append (GTK_BOX (bar), title);
  gtk_box_append (GTK_BOX (bar), add);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroller);

  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_typical_clicked), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
sd_schemes_page_new (SdContext *context)
{
  SdSchemesPage *self;

  g_return_val_if_fail (SD_IS_CONTEXT (context), NULL);

  self = g_object_new (SD_TYPE_SCHEMES_PAGE, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (on_context_store_notify),
                           self, G_CONNECT_SWAPPED);
  on_context_store_notify (self);

  return GTK_WIDGET (self);
}
