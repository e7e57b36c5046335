/* sd-demo.h — a believable company to explore, generated from a seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-history.h"
#include "sd-staff.h"

G_BEGIN_DECLS

typedef struct {
  char      *company_name;   /* "ООО Ромашка" */
  char      *currency;       /* "RUB" */
  GPtrArray *staff;          /* SdStaffMember, ids 1..n assigned, head of sales first */
  GArray    *facts;          /* SdFact, manager_id refers to staff ids */
  GArray    *plan;           /* SdPlanEntry: per manager, per month */
  GDate      today;          /* the day it was made for: scored calls and plans end there */
} SdDemoCompany;

/* n_managers managers (not counting the head of sales) with n_years of monthly history
 * ending with the month before `today`, a plan for the same months and the rest of the
 * current year; seasonal revenue, a couple of hires and one departure. The same seed and
 * today give the same company. */
SdDemoCompany *sd_demo_generate (guint        n_managers,
                                 guint        n_years,
                                 guint32      seed,
                                 const GDate *today);
void           sd_demo_company_free (SdDemoCompany *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdDemoCompany, sd_demo_company_free)

G_END_DECLS
