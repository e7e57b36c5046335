/* sd-staff.c — the people of the sales department
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-staff"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "sd-staff.h"

#define SD_NAME_MAX_CHARS 200

G_DEFINE_QUARK (sd-staff-error-quark, sd_staff_error)

SdStaffMember *
sd_staff_member_new (void)
{
  SdStaffMember *self = g_new0 (SdStaffMember, 1);

  self->role = SD_ROLE_MANAGER;
  g_date_clear (&self->hired, 1);
  g_date_clear (&self->left, 1);

  return self;
}

SdStaffMember *
sd_staff_member_copy (const SdStaffMember *self)
{
  SdStaffMember *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SdStaffMember, 1);
  *copy = *self;
  copy->name = g_strdup (self->name);
  copy->scheme = g_strdup (self->scheme);

  return copy;
}

void
sd_staff_member_free (SdStaffMember *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->scheme);
  g_free (self);
}

/* Two GDates are the same when both are "none" or both name the same day. */
static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  gboolean a_valid = g_date_valid (a);
  gboolean b_valid = g_date_valid (b);

  if (a_valid != b_valid)
    return FALSE;

  return !a_valid || g_date_compare (a, b) == 0;
}

gboolean
sd_staff_member_equal (const SdStaffMember *a,
                       const SdStaffMember *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->id == b->id
         && g_strcmp0 (a->name, b->name) == 0
         && a->role == b->role
         && dates_equal (&a->hired, &b->hired)
         && dates_equal (&a->left, &b->left)
         && !a->archived == !b->archived
         && g_strcmp0 (a->scheme, b->scheme) == 0;
}

/* The number of characters of `name` once blanks (including Unicode ones) are cut off both
 * ends; -1 when it is not valid UTF-8, -2 when it holds a control character. */
static glong
trimmed_name_length (const char *name)
{
  const char *p;
  glong n_chars = 0;
  glong last_non_blank = 0;
  gboolean seen_text = FALSE;

  if (!g_utf8_validate (name, -1, NULL))
    return -1;

  for (p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        return -2;

      if (g_unichar_isspace (c) && !seen_text)
        continue;

      seen_text = TRUE;
      n_chars++;
      if (!g_unichar_isspace (c))
        last_non_blank = n_chars;
    }

  return last_non_blank;
}

gboolean
sd_staff_member_validate (const SdStaffMember *self,
                          GError             **error)
{
  glong name_length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name_length = self->name != NULL ? trimmed_name_length (self->name) : 0;

  if (name_length == -1)
    {
      g_set_error_literal (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                           _("The name contains unreadable characters: type it again."));
      return FALSE;
    }

  if (name_length == -2)
    {
      g_set_error_literal (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                           _("The name contains a line break, a tab or another invisible character: remove it."));
      return FALSE;
    }

  if (name_length == 0)
    {
      g_set_error_literal (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                           _("The name is empty: enter the person’s name."));
      return FALSE;
    }

  if (name_length > SD_NAME_MAX_CHARS)
    {
      g_set_error (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The name is too long: shorten it to at most %d character.",
                                "The name is too long: shorten it to at most %d characters.",
                                SD_NAME_MAX_CHARS),
                   SD_NAME_MAX_CHARS);
      return FALSE;
    }

  if (self->role != SD_ROLE_MANAGER && self->role != SD_ROLE_HEAD)
    {
      g_set_error_literal (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                           _("The role is unknown: choose manager or head of sales."));
      return FALSE;
    }

  if (!g_date_valid (&self->hired))
    {
      g_set_error_literal (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                           _("The hire date is missing: enter the first day the person worked."));
      return FALSE;
    }

  if (g_date_valid (&self->left) && g_date_compare (&self->left, &self->hired) < 0)
    {
      SdNumberStyle style = sd_number_style_current ();
      g_autofree char *left = sd_date_format (&self->left, style);
      g_autofree char *hired = sd_date_format (&self->hired, style);

      g_set_error (error, SD_STAFF_ERROR, SD_STAFF_ERROR_INVALID,
                   /* Translators: the leave date, then the hire date */
                   _("The leave date %s is before the hire date %s: correct one of them."),
                   left, hired);
      return FALSE;
    }

  return TRUE;
}

gboolean
sd_staff_member_works_on (const SdStaffMember *self,
                          const GDate         *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!g_date_valid (date) || !g_date_valid (&self->hired))
    return FALSE;

  if (g_date_compare (date, &self->hired) < 0)
    return FALSE;

  return !g_date_valid (&self->left) || g_date_compare (date, &self->left) <= 0;
}

/* The part of the month the person works, or FALSE when there is none. */
static gboolean
worked_range (const SdStaffMember *self,
              SdMonth              month,
              GDate               *from,
              GDate               *to)
{
  if (month == SD_MONTH_INVALID || !g_date_valid (&self->hired))
    return FALSE;

  sd_month_first_day (month, from);
  sd_month_last_day (month, to);
  if (!g_date_valid (from) || !g_date_valid (to))
    return FALSE;

  if (g_date_compare (&self->hired, from) > 0)
    *from = self->hired;
  if (g_date_valid (&self->left) && g_date_compare (&self->left, to) < 0)
    *to = self->left;

  return g_date_compare (from, to) <= 0;
}

gboolean
sd_staff_member_works_in (const SdStaffMember *self,
                          SdMonth              month)
{
  GDate from, to;

  g_return_val_if_fail (self != NULL, FALSE);

  return worked_range (self, month, &from, &to);
}

guint
sd_staff_member_worked_days (const SdStaffMember *self,
                             const SdCalendar    *calendar,
                             SdMonth              month)
{
  GDate from, to;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (calendar != NULL, 0);

  if (!worked_range (self, month, &from, &to))
    return 0;

  return sd_calendar_working_days_between (calendar, &from, &to);
}

const char *
sd_role_to_string (SdRole role)
{
  switch (role)
    {
    case SD_ROLE_HEAD:
      return "head";
    case SD_ROLE_MANAGER:
    default:
      return "manager";
    }
}

gboolean
sd_role_from_string (const char *text,
                     SdRole     *out)
{
  static const struct {
    const char *name;
    SdRole      role;
  } names[] = {
    { "manager", SD_ROLE_MANAGER },
    { "менеджер", SD_ROLE_MANAGER },
    { "head", SD_ROLE_HEAD },
    { "head of sales", SD_ROLE_HEAD },
    { "роп", SD_ROLE_HEAD },
    { "руководитель", SD_ROLE_HEAD },
    { "руководитель отдела продаж", SD_ROLE_HEAD },
  };
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (folded, names[i].name) == 0)
        {
          *out = names[i].role;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sd_role_get_label (SdRole role)
{
  switch (role)
    {
    case SD_ROLE_HEAD:
      return _("Head of sales");
    case SD_ROLE_MANAGER:
    default:
      return _("Manager");
    }
}

int
sd_staff_member_collate (const SdStaffMember *a,
                         const SdStaffMember *b)
{
  int cmp;

  if (a == b)
    return 0;
  if (a == NULL)
    return 1;
  if (b == NULL)
    return -1;

  /* The head of sales leads every list. */
  if ((a->role == SD_ROLE_HEAD) != (b->role == SD_ROLE_HEAD))
    return a->role == SD_ROLE_HEAD ? -1 : 1;

  cmp = g_utf8_collate (a->name != NULL ? a->name : "", b->name != NULL ? b->name : "");
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  return (a->id > b->id) - (a->id < b->id);
}

int
sd_staff_member_compare (gconstpointer a,
                         gconstpointer b)
{
  const SdStaffMember *const *pa = a;
  const SdStaffMember *const *pb = b;

  return sd_staff_member_collate (*pa, *pb);
}

typedef struct {
  SdStaffMember *member;
  char          *key;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *x = a;
  const SortItem *y = b;
  int cmp;

  if ((x->member->role == SD_ROLE_HEAD) != (y->member->role == SD_ROLE_HEAD))
    return x->member->role == SD_ROLE_HEAD ? -1 : 1;
  cmp = strcmp (x->key, y->key);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;
  return (x->member->id > y->member->id) - (x->member->id < y->member->id);
}

void
sd_staff_sort (GPtrArray *members)
{
  g_autofree SortItem *items = NULL;

  g_return_if_fail (members != NULL);

  if (members->len < 2)
    return;
  /* One collation key per person instead of two normalisations per comparison. */
  items = g_new (SortItem, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      SdStaffMember *member = g_ptr_array_index (members, i);

      g_return_if_fail (member != NULL);
      items[i].member = member;
      items[i].key = g_utf8_collate_key (member->name != NULL ? member->name : "", -1);
    }
  qsort (items, members->len, sizeof (SortItem), compare_sort_items);
  for (guint i = 0; i < members->len; i++)
    {
      members->pdata[i] = items[i].member;
      g_free (items[i].key);
    }
}
