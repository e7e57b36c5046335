/* sd-scheme-json.h — motivation schemes as scheme.json text (DESIGN.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-scheme.h"

G_BEGIN_DECLS

/* Reads scheme.json text (length -1 = NUL-terminated) and validates the scheme.
 * Money may be a string ("40000.00", "40 000,00") or a number; percentages, weights and KPI
 * values are numbers or strings with at most four decimals. Missing optional parts mean
 * none: no gate, no KPI, no over-plan steps, no cap, personal scope. Errors say which field
 * is wrong (SD_SCHEME_ERROR_PARSE for unreadable JSON, _INVALID for a broken rule). */
SdScheme *sd_scheme_from_json (const char  *text,
                               gssize       length,
                               GError     **error);

/* The scheme as pretty-printed scheme.json text in the order of DESIGN.md: money as strings
 * with two decimals, percentages as exact decimal numbers. sd_scheme_from_json() of the
 * result gives back an equal scheme. */
char     *sd_scheme_to_json   (const SdScheme *scheme);

G_END_DECLS
