/* sd-history.h — monthly facts and plan figures as plain records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-money.h"
#include "sd-period.h"

G_BEGIN_DECLS

/* What one manager achieved in one month. */
typedef struct {
  gint64  manager_id;
  SdMonth month;
  SdMoney revenue;   /* shipped / invoiced */
  SdMoney paid;      /* received */
  SdMoney margin;
  gint64  deals;
  gint64  leads;
  gint64  calls;
} SdFact;

/* What one manager (or the department, manager_id 0) is planned to do in one month. */
typedef struct {
  gint64  manager_id;  /* 0 = the department's own target */
  SdMonth month;
  SdMoney revenue;
  gint64  leads;
  gint64  deals;
} SdPlanEntry;

G_END_DECLS
