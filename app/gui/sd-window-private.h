/* sd-window-private.h — the window's parts, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sd-company-page.h"
#include "sd-staff-page.h"
#include "sd-window.h"

G_BEGIN_DECLS

SdStaffPage      *_sd_window_get_staff_page   (SdWindow *self);
SdCompanyPage    *_sd_window_get_company_page (SdWindow *self);
GtkStack         *_sd_window_get_content_stack (SdWindow *self);
/* "company" or "empty" (no company open). */
const char       *_sd_window_get_state        (SdWindow *self);
AdwWindowTitle   *_sd_window_get_title_widget (SdWindow *self);
GtkWidget        *_sd_window_get_undo_button  (SdWindow *self);
/* The last error dialog while it is open, else NULL. */
AdwMessageDialog *_sd_window_get_error_dialog (SdWindow *self);
GMenuModel       *_sd_window_get_recent_menu  (SdWindow *self);
/* The steps after the file chooser: the name question of New Company (answer "create" to
 * create and open it), and Save a Copy. `asked`: the chooser asked before replacing. */
AdwMessageDialog *_sd_window_ask_company_name (SdWindow *self,
                                               GFile    *file,
                                               gboolean  asked);
gboolean          _sd_window_save_copy_to     (SdWindow *self,
                                               GFile    *file,
                                               gboolean  asked);

G_END_DECLS
