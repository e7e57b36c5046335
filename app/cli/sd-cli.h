/* sd-cli.h — the headless command, salesdesk-cli
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status of salesdesk-cli: part of the contract with scripts (docs/cli.md). */
typedef enum {
  SD_CLI_EXIT_OK      = 0,  /* the work was done */
  SD_CLI_EXIT_REFUSED = 1,  /* refused: a rejected import, a failed check, a bad option value */
  SD_CLI_EXIT_USAGE   = 2,  /* unknown command or option, a missing argument */
  SD_CLI_EXIT_FILE    = 3,  /* the company file cannot be used (missing, not ours, locked …) */
} SdCliExit;

/* Runs one command line (argv[0] is the program) and returns the exit status. Success
 * messages go to stdout; a failure prints exactly one line, "salesdesk-cli: …", to stderr.
 * Never calls exit(), so tests may call it in the same process. */
int sd_cli_run (int    argc,
                char **argv);

G_END_DECLS
