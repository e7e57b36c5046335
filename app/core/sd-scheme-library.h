/* sd-scheme-library.h — typical motivation schemes to start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sd-scheme.h"

G_BEGIN_DECLS

/* How many schemes the library offers. */
guint      sd_scheme_library_get_n_schemes (void);
/* A new copy of scheme `index` with a translated name and description; every library
 * scheme validates. NULL when index is out of range. */
SdScheme  *sd_scheme_library_create        (guint index);
/* All of them, in order (SdScheme*, freed with the array). */
GPtrArray *sd_scheme_library_create_all    (void);

G_END_DECLS
