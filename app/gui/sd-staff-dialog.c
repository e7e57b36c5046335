/* sd-staff-dialog.c — add a person to the staff or edit one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-staff-dialog-private.h"

struct _SdStaffDialog
{
  AdwWindow       parent_instance;

  SdStore        *store;
  /* The person being edited, as loaded; NULL when adding. */
  SdStaffMember  *member;

  AdwWindowTitle *window_title;
  AdwEntryRow    *name_row;
  AdwComboRow    *role_row;
  AdwEntryRow    *hired_row;
  AdwEntryRow    *left_row;
  GtkPopover     *hired_popover;
  GtkPopover     *left_popover;
  GtkCalendar    *hired_calendar;
  GtkCalendar    *left_calendar;
  GtkWidget      *save_button;
  GtkLabel       *error_label;

  /* An empty name is only complained about once the person has typed in the field. */
  guint           name_touched : 1;
  /* Set while we move a calendar to the typed date, so that it is not taken as a pick. */
  guint           syncing_calendar : 1;
};

G_DEFINE_FINAL_TYPE (SdStaffDialog, sd_staff_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error (SdStaffDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

/* Reads a date row: TRUE with `out` set, or cleared for an empty optional row; FALSE with
 * a message for the person. */
static gboolean
read_date_row (AdwEntryRow  *row,
               gboolean      required,
               const char   *missing_message,
               GDate        *out,
               GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_date_clear (out, 1);

  if (*text == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error_literal (error, SD_PERIOD_ERROR, SD_PERIOD_ERROR_INVALID, missing_message);
      return FALSE;
    }

  return sd_date_parse (text, out, error);
}

/* Builds the person from the fields. Marks the rows that are wrong and shows why; returns
 * whether the person can be saved. */
static gboolean
validate (SdStaffDialog *self,
          SdStaffMember *out)
{
  g_autoptr(GError) hired_error = NULL;
  g_autoptr(GError) left_error = NULL;
  g_autoptr(GError) member_error = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autofree char *example = NULL;
  g_autofree char *missing = NULL;
  const char *name;
  gboolean name_silently_empty;
  gboolean hired_ok;
  gboolean left_ok;
  gboolean name_bad = FALSE;
  gboolean left_bad = FALSE;
  guint selected;
  GDate today;

  sd_date_set_today (&today);
  example = sd_date_format (&today, sd_number_style_current ());
  /* Translators: %s is an example date, today's, as 15.03.2026 */
  missing = g_strdup_printf (_("Enter the hire date, for example %s."), example);

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_free (out->name);
  out->name = g_strstrip (g_strdup (name));
  name_silently_empty = (*out->name == '\0' && !self->name_touched);

  selected = adw_combo_row_get_selected (self->role_row);
  out->role = (selected == SD_ROLE_HEAD) ? SD_ROLE_HEAD : SD_ROLE_MANAGER;

  hired_ok = read_date_row (self->hired_row, TRUE, missing, &out->hired, &hired_error);
  left_ok = read_date_row (self->left_row, FALSE, NULL, &out->left, &left_error);

  if (!hired_ok)
    g_string_append_printf (messages, "%s\n", hired_error->message);
  if (!left_ok)
    g_string_append_printf (messages, "%s\n", left_error->message);

  if (hired_ok && left_ok)
    {
      g_autofree char *real_name = NULL;

      /* Check the dates even while the name is still untouched, without nagging about it. */
      if (name_silently_empty)
        {
          real_name = g_steal_pointer (&out->name);
          out->name = g_strdup ("-");
        }

      if (!sd_staff_member_validate (out, &member_error))
        {
          /* The core's message says what is wrong; point at the row it is about. */
          if (g_date_valid (&out->left) && g_date_compare (&out->left, &out->hired) < 0)
            left_bad = TRUE;
          else
            name_bad = TRUE;
          g_string_append_printf (messages, "%s\n", member_error->message);
        }

      if (name_silently_empty)
        {
          g_free (out->name);
          out->name = g_steal_pointer (&real_name);
        }
    }
  else if (*out->name == '\0' && self->name_touched)
    {
      /* The dates hide the name check of the core: say it here too. */
      name_bad = TRUE;
      g_string_append_printf (messages, "%s\n", _("Enter the person’s name."));
    }

  set_row_error (self->name_row, name_bad);
  set_row_error (self->hired_row, !hired_ok);
  set_row_error (self->left_row, !left_ok || left_bad);

  if (messages->len > 0)
    g_string_truncate (messages, messages->len - 1);
  show_error (self, messages->str);

  return hired_ok && left_ok && member_error == NULL && !name_silently_empty;
}

static void
revalidate (SdStaffDialog *self)
{
  g_autoptr(SdStaffMember) member = sd_staff_member_new ();

  gtk_widget_set_sensitive (self->save_button, validate (self, member));
}

static void
on_name_changed (SdStaffDialog *self)
{
  self->name_touched = TRUE;
  revalidate (self);
}

static void
on_field_changed (SdStaffDialog *self)
{
  revalidate (self);
}

static void
on_save_clicked (SdStaffDialog *self)
{
  g_autoptr(SdStaffMember) member = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Enter in a field lands here through the default widget even when nothing is typed. */
  self->name_touched = TRUE;

  member = self->member != NULL ? sd_staff_member_copy (self->member) : sd_staff_member_new ();
  if (!validate (self, member))
    {
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return;
    }

  if (self->member == NULL)
    {
      id = sd_store_add_staff (self->store, member, &error);
    }
  else
    {
      id = member->id;
      if (!sd_store_update_staff (self->store, member, &error))
        id = 0;
    }

  if (id <= 0)
    {
      /* The file refused it (a name twice, a full disk): keep what was typed. */
      show_error (self, error != NULL ? error->message : _("The change could not be saved."));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sync_calendar (SdStaffDialog *self,
               AdwEntryRow   *row,
               GtkCalendar   *calendar,
               const GDate   *fallback)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (!read_date_row (row, TRUE, "", &date, NULL))
    date = *fallback;
  if (!g_date_valid (&date))
    sd_date_set_today (&date);

  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0);
  if (when == NULL)
    return;

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (calendar, when);
  self->syncing_calendar = FALSE;
}

static void
take_calendar_day (SdStaffDialog *self,
                   GtkCalendar   *calendar,
                   AdwEntryRow   *row,
                   GtkPopover    *popover)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  int year, month, day;
  GDate date;

  if (self->syncing_calendar)
    return;

  when = gtk_calendar_get_date (calendar);
  g_date_time_get_ymd (when, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  text = sd_date_format (&date, sd_number_style_current ());
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (popover);
}

static void
on_hired_popover_show (SdStaffDialog *self)
{
  GDate today;

  sd_date_set_today (&today);
  sync_calendar (self, self->hired_row, self->hired_calendar, &today);
}

static void
on_left_popover_show (SdStaffDialog *self)
{
  GDate fallback;

  /* Someone leaving is most often leaving about now, but never before they came. */
  sd_date_set_today (&fallback);
  if (read_date_row (self->hired_row, TRUE, "", &fallback, NULL) &&
      g_date_valid (&fallback))
    {
      GDate today;

      sd_date_set_today (&today);
      if (g_date_compare (&fallback, &today) < 0)
        fallback = today;
    }
  sync_calendar (self, self->left_row, self->left_calendar, &fallback);
}

static void
on_hired_day_selected (SdStaffDialog *self)
{
  take_calendar_day (self, self->hired_calendar, self->hired_row, self->hired_popover);
}

static void
on_left_day_selected (SdStaffDialog *self)
{
  take_calendar_day (self, self->left_calendar, self->left_row, self->left_popover);
}

static void
fill_from_member (SdStaffDialog       *self,
                  const SdStaffMember *member)
{
  g_autofree char *hired = NULL;
  g_autofree char *left = NULL;
  SdNumberStyle style = sd_number_style_current ();

  hired = sd_date_format (&member->hired, style);
  left = sd_date_format (&member->left, style);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), member->name != NULL ? member->name : "");
  adw_combo_row_set_selected (self->role_row, member->role == SD_ROLE_HEAD ? SD_ROLE_HEAD : SD_ROLE_MANAGER);
  gtk_editable_set_text (GTK_EDITABLE (self->hired_row), hired);
  gtk_editable_set_text (GTK_EDITABLE (self->left_row), left);
}

static void
sd_staff_dialog_dispose (GObject *object)
{
  SdStaffDialog *self = SD_STAFF_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_STAFF_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->member, sd_staff_member_free);

  G_OBJECT_CLASS (sd_staff_dialog_parent_class)->dispose (object);
}

static void
sd_staff_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SdStaffDialog *self = SD_STAFF_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_staff_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SdStaffDialog *self = SD_STAFF_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_staff_dialog_class_init (SdStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_staff_dialog_dispose;
  object_class->get_property = sd_staff_dialog_get_property;
  object_class->set_property = sd_staff_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdStaffDialog::saved:
   * @id: the id of the person added or changed
   *
   * Emitted after the person was written to the file, just before the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/Salesdesk/sd-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, hired_row);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, left_row);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, hired_popover);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, left_popover);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, hired_calendar);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, left_calendar);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SdStaffDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_hired_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_left_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_hired_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_left_day_selected);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_staff_dialog_init (SdStaffDialog *self)
{
  g_autoptr(GtkStringList) roles = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of SdRole, so that a position is a role. */
  roles = gtk_string_list_new (NULL);
  gtk_string_list_append (roles, sd_role_get_label (SD_ROLE_MANAGER));
  gtk_string_list_append (roles, sd_role_get_label (SD_ROLE_HEAD));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}

SdStaffDialog *
sd_staff_dialog_new (GtkWindow           *parent,
                     SdStore             *store,
                     const SdStaffMember *member)
{
  SdStaffDialog *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  self = g_object_new (SD_TYPE_STAFF_DIALOG,
                       "store", store,
                       "transient-for", parent,
                       NULL);

  if (member != NULL)
    {
      self->member = sd_staff_member_copy (member);
      fill_from_member (self, member);
      self->name_touched = TRUE;
      title = _("Edit Person");
    }
  else
    {
      g_autoptr(SdStaffMember) fresh = sd_staff_member_new ();

      fresh->role = SD_ROLE_MANAGER;
      sd_date_set_today (&fresh->hired);
      fill_from_member (self, fresh);
      self->name_touched = FALSE;
      title = _("Add Person");
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

AdwEntryRow *
_sd_staff_dialog_get_name_row (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->name_row;
}

AdwComboRow *
_sd_staff_dialog_get_role_row (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->role_row;
}

AdwEntryRow *
_sd_staff_dialog_get_hired_row (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->hired_row;
}

AdwEntryRow *
_sd_staff_dialog_get_left_row (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->left_row;
}

GtkCalendar *
_sd_staff_dialog_get_left_calendar (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->left_calendar;
}

GtkWidget *
_sd_staff_dialog_get_save_button (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->save_button;
}

GtkLabel *
_sd_staff_dialog_get_error_label (SdStaffDialog *self)
{
  g_return_val_if_fail (SD_IS_STAFF_DIALOG (self), NULL);

  return self->error_label;
}
