/* sd-staff.h — the people of the sales department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-calendar.h"
#include "sd-period.h"

G_BEGIN_DECLS

#define SD_STAFF_ERROR (sd_staff_error_quark ())

typedef enum {
  SD_STAFF_ERROR_INVALID,
} SdStaffError;

typedef enum {
  SD_ROLE_MANAGER,
  SD_ROLE_HEAD,      /* head of sales (РОП) */
} SdRole;

typedef struct {
  gint64    id;        /* 0 until stored */
  char     *name;
  SdRole    role;
  GDate     hired;     /* first day worked; always valid for a stored member */
  GDate     left;      /* last day worked; cleared (invalid) while still working */
  gboolean  archived;  /* removed from the team but kept for its history */
  char     *scheme;    /* name of the motivation scheme from the hire date; may be NULL */
} SdStaffMember;

GQuark         sd_staff_error_quark         (void);

SdStaffMember *sd_staff_member_new          (void);
SdStaffMember *sd_staff_member_copy         (const SdStaffMember *self);
void           sd_staff_member_free         (SdStaffMember *self);
gboolean       sd_staff_member_equal        (const SdStaffMember *a,
                                             const SdStaffMember *b);

/* A name of 1..200 characters after trimming (no control characters), a valid hire date
 * and a leave date, if any, not before it. The message says what to fix. */
gboolean       sd_staff_member_validate     (const SdStaffMember *self,
                                             GError             **error);

/* Whether the person works on the given day (hire and leave days inclusive). */
gboolean       sd_staff_member_works_on     (const SdStaffMember *self,
                                             const GDate         *date);
/* Whether the person works at least one day of the month. */
gboolean       sd_staff_member_works_in     (const SdStaffMember *self,
                                             SdMonth              month);
/* Working days of the month between hire and leave, both inclusive. */
guint          sd_staff_member_worked_days  (const SdStaffMember *self,
                                             const SdCalendar    *calendar,
                                             SdMonth              month);

/* "manager" / "head", as in files. */
const char    *sd_role_to_string            (SdRole role);
/* Accepts "manager"/"head" and the Russian "менеджер"/"роп"/"руководитель", any case. */
gboolean       sd_role_from_string          (const char *text,
                                             SdRole     *out);
/* Translated label: "Manager" / "Head of sales". */
const char    *sd_role_get_label            (SdRole role);

/* Comparison for g_ptr_array_sort() of members (a and b point at SdStaffMember * elements):
 * heads first, then by name (UTF-8 collation), then by id. */
int            sd_staff_member_compare      (gconstpointer a,
                                             gconstpointer b);
/* The same order for two members themselves (GCompareDataFunc-style sorters, list models). */
/* Sorts a GPtrArray of SdStaffMember * in the order of sd_staff_member_compare, computing
 * each name's collation key once. */
void           sd_staff_sort                (GPtrArray *members);
int            sd_staff_member_collate      (const SdStaffMember *a,
                                             const SdStaffMember *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStaffMember, sd_staff_member_free)

G_END_DECLS
