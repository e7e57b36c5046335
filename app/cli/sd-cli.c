/* sd-cli.c — the headless command, salesdesk-cli: one function per subcommand
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sd-cli.h"
#include "sd-cli-pay.h"
#include "sd-csv.h"
#include "sd-demo.h"
#include "sd-export.h"
#include "sd-import.h"
#include "sd-period.h"
#include "sd-store.h"

#define PROGRAM "salesdesk-cli"

/* How many problems a one-line failure message spells out before "…". */
#define MAX_PROBLEMS_SHOWN 3

#define MAX_OPTIONS 3
#define MAX_FILES   2

typedef struct _CliCommand CliCommand;

typedef struct {
  const CliCommand *command;
  const char       *files[MAX_FILES];
  const char       *values[MAX_OPTIONS];   /* by the index of the option in command->options */
} CliArgs;

struct _CliCommand {
  const char  *name;
  int        (*run) (const CliArgs *args);   /* NULL: named in the design, not built yet */
  guint        n_files;
  const char  *options[MAX_OPTIONS];         /* long options, each taking a value */
  const char  *synopsis;                     /* what follows the command name */
  const char  *summary;
};

/* Option indexes, as listed in the command table below. */
enum { NEW_NAME, NEW_CURRENCY };
enum { DEMO_MANAGERS, DEMO_YEARS, DEMO_SEED };
enum { PLAN_YEAR, PLAN_OUTPUT };
enum { PAYROLL_MONTH, PAYROLL_OUTPUT };
enum { REPORT_PERIOD, REPORT_OUTPUT };

/* A failure is one line on stderr: newlines and other control characters in a message
 * (from a lower layer, or a file name) become spaces. */
G_GNUC_PRINTF (2, 3)
static int
fail (int         status,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;
  char *p;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (p = message; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  g_strchomp (message);

  g_printerr ("%s: %s\n", PROGRAM, message);
  return status;
}

/* Adds the index-th item to a one-line list "a; b; c; …": the first MAX_PROBLEMS_SHOWN items
 * without their final full stop, then "…" once. */
static void
append_to_list (GString    *list,
                guint       index,
                const char *item)
{
  g_autofree char *text = NULL;
  gsize len;

  if (index > MAX_PROBLEMS_SHOWN)
    return;
  if (index > 0)
    g_string_append (list, "; ");
  if (index == MAX_PROBLEMS_SHOWN)
    {
      g_string_append (list, "…");
      return;
    }

  text = g_strstrip (g_strdup (item));
  len = strlen (text);
  if (len > 0 && text[len - 1] == '.')
    text[len - 1] = '\0';
  g_string_append (list, text);
}

/* --- the company file --- */

/* Exit status for an error from the store: a rule broken by the data is a refusal; anything
 * else means the company file cannot be used. */
static int
store_error_status (const GError *error)
{
  if (g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID))
    return SD_CLI_EXIT_REFUSED;
  return SD_CLI_EXIT_FILE;
}

static int
fail_store (const char   *path,
            const GError *error)
{
  g_autofree char *name = g_path_get_basename (path);

  /* The store's messages say what is wrong and what to do, and name the file in «» quotes;
   * name it for those that do not. */
  if (strstr (error->message, name) != NULL)
    return fail (store_error_status (error), "%s", error->message);
  return fail (store_error_status (error), "«%s»: %s", name, error->message);
}

static SdStore *
open_store (const char        *path,
            SdStoreOpenFlags   flags,
            int               *status)
{
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_open (path, flags, &error);

  if (store == NULL)
    *status = fail_store (path, error);
  return store;
}

/* --- option values --- */

static gboolean
parse_number (const char *option,
              const char *text,
              guint32     min,
              guint32     max,
              guint32    *out,
              int        *status)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      /* Translators: “--managers must be a whole number from 1 to 2000, not “0”.” */
      *status = fail (SD_CLI_EXIT_REFUSED, _("%s must be a whole number from %u to %u, not “%s”."),
                      option, min, max, text);
      return FALSE;
    }
  *out = (guint32) value;
  return TRUE;
}

/* "Today" for the demo: the real local date, or SALESDESK_TODAY for reproducible files. */
static gboolean
get_today (GDate *today,
           int   *status)
{
  const char *text = g_getenv ("SALESDESK_TODAY");
  g_autoptr(GError) error = NULL;

  g_date_clear (today, 1);
  if (text == NULL || *text == '\0')
    {
      sd_date_set_today (today);
      return TRUE;
    }

  if (!sd_date_parse (text, today, &error))
    {
      /* Translators: the second %s says what is wrong with the date. */
      *status = fail (SD_CLI_EXIT_USAGE,
                      _("SALESDESK_TODAY=%s cannot be used (unset it for the real date): %s"),
                      text, error->message);
      return FALSE;
    }
  return TRUE;
}

/* --- subcommands --- */

static int
cmd_new (const CliArgs *args)
{
  const char *path = args->files[0];
  g_autofree char *basename = g_path_get_basename (path);
  const char *given_currency = args->values[NEW_CURRENCY] ? args->values[NEW_CURRENCY] : "RUB";
  g_autofree char *currency = g_ascii_strup (given_currency, -1);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;

  if (args->values[NEW_NAME] != NULL)
    name = g_strstrip (g_strdup (args->values[NEW_NAME]));
  else
    /* Translators: the name of a company created without --name. */
    name = g_strdup (_("My company"));

  if (*name == '\0')
    return fail (SD_CLI_EXIT_REFUSED, _("--name is empty. Give the company a name."));
  if (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
      !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
    return fail (SD_CLI_EXIT_REFUSED,
                 _("--currency must be a three-letter code such as RUB, USD or EUR, not “%s”."),
                 given_currency);

  store = sd_store_create (path, name, currency, &error);
  if (store == NULL)
    return fail_store (path, error);

  /* Translators: “Created «company.salesdesk»: ООО Ромашка, currency RUB.” */
  g_print (_("Created «%s»: %s, currency %s.\n"), basename,
           sd_store_get_company_name (store), sd_store_get_currency (store));
  return SD_CLI_EXIT_OK;
}

static int
cmd_demo (const CliArgs *args)
{
  const char *path = args->files[0];
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(SdDemoCompany) demo = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *people = NULL;
  g_autofree char *months = NULL;
  guint32 n_managers = 8, n_years = 2, seed = 1;
  int status = SD_CLI_EXIT_OK;
  GDate today;

  if ((args->values[DEMO_MANAGERS] != NULL &&
       !parse_number ("--managers", args->values[DEMO_MANAGERS], 1, 2000, &n_managers, &status)) ||
      (args->values[DEMO_YEARS] != NULL &&
       !parse_number ("--years", args->values[DEMO_YEARS], 1, 20, &n_years, &status)) ||
      (args->values[DEMO_SEED] != NULL &&
       !parse_number ("--seed", args->values[DEMO_SEED], 0, G_MAXUINT32, &seed, &status)) ||
      !get_today (&today, &status))
    return status;

  demo = sd_demo_generate (n_managers, n_years, seed, &today);

  store = sd_store_create (path, demo->company_name, demo->currency, &error);
  if (store == NULL)
    return fail_store (path, error);

  if (!sd_store_fill_demo (store, demo, &error))
    {
      /* The file is ours, just created: leave nothing half-filled behind. */
      sd_store_close (store);
      g_remove (path);
      return fail_store (path, error);
    }

  people = g_strdup_printf (ngettext ("%u person", "%u people", demo->staff->len),
                            demo->staff->len);
  months = g_strdup_printf (ngettext ("%u month", "%u months", n_years * 12), n_years * 12);
  /* Translators: “Created «company.salesdesk»: ООО Ромашка, 9 people, 24 months of history.”
   * The second %s is “9 people”, the third “24 months”. */
  g_print (_("Created «%s»: %s, %s, %s of history.\n"), basename, demo->company_name,
           people, months);
  return SD_CLI_EXIT_OK;
}

/* Reads a CSV file into memory; nothing touches the company file here. */
static SdCsv *
read_csv (const char *csv_path,
          int        *status)
{
  g_autofree char *csv_name = g_path_get_basename (csv_path);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  SdCsv *csv;
  gsize length = 0;

  if (!g_file_get_contents (csv_path, &data, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        *status = fail (SD_CLI_EXIT_REFUSED,
                        _("«%s» does not exist. Check the name of the CSV file."), csv_name);
      else
        *status = fail (SD_CLI_EXIT_REFUSED, _("«%s» cannot be read: %s"), csv_name,
                        error->message);
      return NULL;
    }

  csv = sd_csv_parse (data, length, &error);
  if (csv == NULL)
    *status = fail (SD_CLI_EXIT_REFUSED, "«%s»: %s", csv_name, error->message);
  return csv;
}

/* The one-line refusal of an import: how many rows were rejected and the first reasons. */
static int
fail_rows (const char   *csv_path,
           guint         n_rows,
           GPtrArray    *problems,
           const GError *error)
{
  g_autofree char *csv_name = g_path_get_basename (csv_path);
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GString) details = NULL;

  if (problems == NULL || problems->len == 0)
    return fail (SD_CLI_EXIT_REFUSED, "«%s»: %s", csv_name, error->message);

  lines = g_hash_table_new (NULL, NULL);
  details = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const SdImportProblem *problem = g_ptr_array_index (problems, i);

      g_hash_table_add (lines, GUINT_TO_POINTER (problem->line));
      if (i <= MAX_PROBLEMS_SHOWN)
        {
          /* Translators: one problem of an import: “line 3: the hire date is missing”. */
          g_autofree char *item = g_strdup_printf (_("line %u: %s"), problem->line,
                                                   problem->message);

          append_to_list (details, i, item);
        }
    }

  /* Translators: “«staff.csv»: 2 of 10 rows rejected — line 3: …; line 7: …”.
   * The plural follows the total number of rows (the second number). */
  return fail (SD_CLI_EXIT_REFUSED,
               ngettext ("«%s»: %u of %u row rejected — %s",
                         "«%s»: %u of %u rows rejected — %s", n_rows),
               csv_name, g_hash_table_size (lines), n_rows, details->str);
}

/* Reads and converts the CSV file; nothing touches the company file here. */
static GPtrArray *
read_staff_csv (const char *csv_path,
                int        *status)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdCsv) csv = read_csv (csv_path, status);

  if (csv == NULL)
    return NULL;

  members = sd_import_staff_csv (csv, &problems, &error);
  if (members == NULL)
    {
      *status = fail_rows (csv_path, sd_csv_get_n_rows (csv), problems, error);
      return NULL;
    }

  return g_steal_pointer (&members);
}

typedef enum {
  IMPORT_FACTS,
  IMPORT_PLAN,
} ImportKind;

/* import-facts and import-plan: read and check every row, resolve the names, then one store
 * call — all or nothing. */
static int
import_rows (const CliArgs *args,
             ImportKind     kind)
{
  const char *path = args->files[0];
  const char *csv_path = args->files[1];
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(SdStore) store = NULL;
  g_autoptr(SdCsv) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean resolved;
  guint n_written = 0;
  int status = SD_CLI_EXIT_OK;

  store = open_store (path, SD_STORE_OPEN_NO_UNDO, &status);
  if (store == NULL)
    return status;

  csv = read_csv (csv_path, &status);
  if (csv == NULL)
    return status;

  rows = kind == IMPORT_FACTS ? sd_import_facts_csv (csv, &problems, &error)
                              : sd_import_plan_csv (csv, &problems, &error);
  if (rows == NULL)
    return fail_rows (csv_path, sd_csv_get_n_rows (csv), problems, error);

  staff = sd_store_list_staff (store, TRUE, &error);
  if (staff == NULL)
    return fail_store (path, error);
  ids = sd_import_staff_ids (staff);
  resolved = kind == IMPORT_FACTS ? sd_import_resolve_facts (rows, ids, &problems, &error)
                                  : sd_import_resolve_plan (rows, ids, &problems, &error);
  if (!resolved)
    return fail_rows (csv_path, sd_csv_get_n_rows (csv), problems, error);

  if (kind == IMPORT_FACTS)
    {
      records = g_array_sized_new (FALSE, TRUE, sizeof (SdFact), rows->len);
      for (guint i = 0; i < rows->len; i++)
        g_array_append_val (records, ((SdFactRow *) g_ptr_array_index (rows, i))->fact);
      if (!sd_store_import_facts (store, (const SdFact *) records->data, records->len,
                                  &n_written, &error))
        return fail_store (path, error);

      /* Translators: “Imported 24 monthly facts into «company.salesdesk».” */
      g_print (ngettext ("Imported %u monthly fact into «%s».\n",
                         "Imported %u monthly facts into «%s».\n", n_written),
               n_written, basename);
      return SD_CLI_EXIT_OK;
    }

  records = g_array_sized_new (FALSE, TRUE, sizeof (SdPlanEntry), rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (records, ((SdPlanRow *) g_ptr_array_index (rows, i))->entry);
  if (!sd_store_import_plan (store, (const SdPlanEntry *) records->data, records->len, NULL,
                             &n_written, &error))
    return fail_store (path, error);

  /* Translators: “Imported 96 plan figures into «company.salesdesk» as 1 new plan version.” */
  g_print (ngettext ("Imported %u plan figure into «%s»", "Imported %u plan figures into «%s»",
                     records->len),
           records->len, basename);
  g_print (ngettext (" as %u new current plan version.\n",
                     " as %u new current plan versions.\n", n_written),
           n_written);
  return SD_CLI_EXIT_OK;
}

static int
cmd_import_facts (const CliArgs *args)
{
  return import_rows (args, IMPORT_FACTS);
}

static int
cmd_import_plan (const CliArgs *args)
{
  return import_rows (args, IMPORT_PLAN);
}

static int
cmd_import_scheme (const CliArgs *args)
{
  return sd_cli_import_scheme (args->files[0], args->files[1]);
}

static int
cmd_payroll (const CliArgs *args)
{
  if (args->values[PAYROLL_MONTH] == NULL)
    return fail (SD_CLI_EXIT_USAGE, _("Which month? Add --month YYYY-MM. See “%s payroll --help”."),
                 PROGRAM);
  if (args->values[PAYROLL_OUTPUT] == NULL)
    return fail (SD_CLI_EXIT_USAGE,
                 _("Where to write the payroll? Add --output OUT.csv or OUT.xlsx. See “%s payroll --help”."),
                 PROGRAM);
  return sd_cli_payroll (args->files[0], args->values[PAYROLL_MONTH], args->values[PAYROLL_OUTPUT]);
}

static int
cmd_report (const CliArgs *args)
{
  const char *path = args->files[0];
  const char *period_text = args->values[REPORT_PERIOD];
  const char *output = args->values[REPORT_OUTPUT];
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SdExportFormat format;
  SdPeriod period;
  GDate today;
  int status = SD_CLI_EXIT_OK;

  if (period_text == NULL)
    return fail (SD_CLI_EXIT_USAGE,
                 _("Which period? Add --period YYYY, YYYY-Qn or YYYY-MM. See “%s report --help”."),
                 PROGRAM);
  if (output == NULL)
    return fail (SD_CLI_EXIT_USAGE,
                 _("Where to write the report? Add --output OUT.xlsx or OUT.pdf. See “%s report --help”."),
                 PROGRAM);
  if (!sd_period_parse (period_text, &period, &error))
    return fail (SD_CLI_EXIT_REFUSED, _("--period: %s"), error->message);
  if (!sd_export_format_for_path (output, (1 << SD_EXPORT_FORMAT_XLSX) | (1 << SD_EXPORT_FORMAT_PDF),
                                  &format, &error))
    return fail (SD_CLI_EXIT_REFUSED, "%s", error->message);
  if (!get_today (&today, &status))
    return status;

  store = open_store (path, SD_STORE_OPEN_NO_UNDO | SD_STORE_OPEN_NO_BACKUP, &status);
  if (store == NULL)
    return status;

  if (!sd_export_owner_report (store, sd_calendar_get_default (), &period, &today, output, NULL,
                               NULL, NULL, &error))
    {
      if (error->domain == SD_STORE_ERROR)
        return fail_store (path, error);
      return fail (g_error_matches (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE)
                   ? SD_CLI_EXIT_FILE : SD_CLI_EXIT_REFUSED, "%s", error->message);
    }
  return SD_CLI_EXIT_OK;
}

static int
cmd_plan (const CliArgs *args)
{
  const char *path = args->files[0];
  const char *year_text = args->values[PLAN_YEAR];
  const char *output = args->values[PLAN_OUTPUT];
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SdExportFormat format;
  guint32 year;
  int status = SD_CLI_EXIT_OK;

  if (year_text == NULL)
    return fail (SD_CLI_EXIT_USAGE, _("Which year? Add --year YYYY. See “%s plan --help”."),
                 PROGRAM);
  if (output == NULL)
    return fail (SD_CLI_EXIT_USAGE,
                 _("Where to write the plan? Add --output OUT.csv or OUT.xlsx. See “%s plan --help”."),
                 PROGRAM);
  if (!parse_number ("--year", year_text, SD_PLAN_FIRST_YEAR, SD_PLAN_LAST_YEAR, &year, &status))
    return status;
  if (!sd_export_format_for_path (output, (1 << SD_EXPORT_FORMAT_CSV) | (1 << SD_EXPORT_FORMAT_XLSX),
                                  &format, &error))
    return fail (SD_CLI_EXIT_REFUSED, "%s", error->message);

  store = open_store (path, SD_STORE_OPEN_NO_UNDO | SD_STORE_OPEN_NO_BACKUP, &status);
  if (store == NULL)
    return status;

  if (!sd_export_plan (store, sd_calendar_get_default (), (int) year, output, NULL, &error))
    {
      if (error->domain == SD_STORE_ERROR)
        return fail_store (path, error);
      return fail (SD_CLI_EXIT_REFUSED, "%s", error->message);
    }
  return SD_CLI_EXIT_OK;
}

static int
cmd_import_staff (const CliArgs *args)
{
  const char *path = args->files[0];
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0, n_updated = 0;
  int status = SD_CLI_EXIT_OK;

  /* The company file first: when it cannot be used, that is what the user must fix. */
  store = open_store (path, SD_STORE_OPEN_NO_UNDO, &status);
  if (store == NULL)
    return status;

  members = read_staff_csv (args->files[1], &status);
  if (members == NULL)
    return status;

  if (!sd_store_import_staff (store, members, &n_added, &n_updated, &error))
    return fail_store (path, error);

  /* Translators: “Imported 10 people into «company.salesdesk»: 8 added, 2 updated.” */
  g_print (ngettext ("Imported %u person into «%s»: %u added, %u updated.\n",
                     "Imported %u people into «%s»: %u added, %u updated.\n", members->len),
           members->len, basename, n_added, n_updated);
  return SD_CLI_EXIT_OK;
}

static int
cmd_check (const CliArgs *args)
{
  const char *path = args->files[0];
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *people = NULL;
  g_autofree char *facts = NULL;
  int status = SD_CLI_EXIT_OK;
  guint n_facts;

  store = open_store (path, SD_STORE_OPEN_NO_UNDO | SD_STORE_OPEN_NO_BACKUP, &status);
  if (store == NULL)
    return status;

  if (!sd_store_check (store, &problems, &error))
    {
      g_autoptr(GString) details = g_string_new (NULL);
      guint i;

      if (error != NULL)
        return fail_store (path, error);
      if (problems == NULL || problems->len == 0)
        return fail (SD_CLI_EXIT_REFUSED, _("«%s» has problems."), basename);

      for (i = 0; i < problems->len && i <= MAX_PROBLEMS_SHOWN; i++)
        append_to_list (details, i, g_ptr_array_index (problems, i));

      /* Translators: “«company.salesdesk»: 2 problems: first; second”. */
      return fail (SD_CLI_EXIT_REFUSED,
                   ngettext ("«%s»: %u problem: %s", "«%s»: %u problems: %s", problems->len),
                   basename, problems->len, details->str);
    }

  staff = sd_store_list_staff (store, TRUE, &error);
  if (staff == NULL)
    return fail_store (path, error);
  n_facts = sd_store_count_facts (store);

  people = g_strdup_printf (ngettext ("%u person", "%u people", staff->len), staff->len);
  facts = g_strdup_printf (ngettext ("%u monthly fact", "%u monthly facts", n_facts), n_facts);
  /* Translators: “«company.salesdesk»: sound — 9 people, 216 monthly facts, format 1”;
   * the number is the version of the file format. */
  g_print (_("«%s»: sound — %s, %s, format %d\n"), basename, people, facts,
           sd_store_get_schema_version (store));
  return SD_CLI_EXIT_OK;
}

/* --- the command line --- */

static const CliCommand commands[] = {
  { "new", cmd_new, 1, { "name", "currency" },
    N_("FILE [--name NAME] [--currency CODE]"),
    N_("create an empty company file") },
  { "demo", cmd_demo, 1, { "managers", "years", "seed" },
    N_("FILE [--managers N] [--years N] [--seed N]"),
    N_("create a demo company file") },
  { "import-staff", cmd_import_staff, 2, { NULL },
    N_("FILE STAFF.csv"),
    N_("add or update the people listed in a CSV file") },
  { "import-plan", cmd_import_plan, 2, { NULL },
    N_("FILE PLAN.csv"),
    N_("import a plan (month,manager,revenue,leads,deals) as a new current plan version") },
  { "import-facts", cmd_import_facts, 2, { NULL },
    N_("FILE FACTS.csv"),
    N_("import monthly facts (month,manager,revenue,paid,margin,deals,leads,calls)") },
  { "import-scheme", cmd_import_scheme, 2, { NULL },
    N_("FILE SCHEME.json"),
    N_("add a motivation scheme, or replace the one with the same name") },
  { "plan", cmd_plan, 1, { "year", "output" },
    N_("FILE --year YYYY --output OUT.csv|OUT.xlsx"),
    N_("write the decomposed plan of the year’s current version") },
  { "payroll", cmd_payroll, 1, { "month", "output" },
    N_("FILE --month YYYY-MM --output OUT.csv|OUT.xlsx"),
    N_("write the month’s payroll: each manager’s pay, every line explained in the workbook") },
  { "report", cmd_report, 1, { "period", "output" },
    N_("FILE --period YYYY|YYYY-Qn|YYYY-MM --output OUT.xlsx|OUT.pdf"),
    N_("write the owner report of a year, quarter or month") },
  { "check", cmd_check, 1, { NULL },
    N_("FILE"),
    N_("check the file’s integrity and consistency") },
};

static void
print_help (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint i;

  g_string_append_printf (text, _("Usage: %s COMMAND FILE [OPTION…]\n"), PROGRAM);
  g_string_append (text, _("Works on a Salesdesk company file without opening the app.\n\n"));
  g_string_append (text, _("Commands:\n"));
  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i].run != NULL)
      g_string_append_printf (text, "  %s %s %s\n      %s\n", PROGRAM, commands[i].name,
                              _(commands[i].synopsis), _(commands[i].summary));
  g_string_append (text, "\n");
  g_string_append (text, _("Options may come before or after the file; both “--name NAME” and "
                           "“--name=NAME” work.\n"
                           "  -h, --help     show this help (after a command: that command’s)\n"
                           "  --version      show the version\n\n"
                           "Exit status: 0 done; 1 refused (a rejected import, a failed check, "
                           "a bad option value);\n"
                           "2 usage error; 3 the company file cannot be used (missing, not a "
                           "company file,\n"
                           "damaged, from a newer version, open elsewhere, no permission, or "
                           "already exists\nfor new and demo).\n\n"
                           "Environment: SALESDESK_TODAY=YYYY-MM-DD sets the date that demo "
                           "takes as today,\nfor reproducible demo files.\n"));
  g_print ("%s", text->str);
}

static void
print_command_help (const CliCommand *command)
{
  g_print (_("Usage: %s %s %s\n%s\n"), PROGRAM, command->name, _(command->synopsis),
           _(command->summary));
  g_print (_("See “%s --help” for the exit status.\n"), PROGRAM);
}

static const CliCommand *
find_command (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
find_option (const CliCommand *command,
             const char       *name,
             gsize             length)
{
  int i;

  for (i = 0; i < MAX_OPTIONS && command->options[i] != NULL; i++)
    if (strlen (command->options[i]) == length && strncmp (command->options[i], name, length) == 0)
      return i;
  return -1;
}

/* Options may come before or after the files, as "--name VALUE" or "--name=VALUE"; "--" ends
 * the options. Returns -1 when the arguments are sound, else the exit status (help shown,
 * or a usage error already reported). */
static int
parse_arguments (const CliCommand *command,
                 int               argc,
                 char            **argv,
                 CliArgs          *args)
{
  guint n_files = 0;
  gboolean options_done = FALSE;
  int i;

  memset (args, 0, sizeof *args);
  args->command = command;

  for (i = 2; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && g_str_equal (arg, "--"))
        options_done = TRUE;
      else if (!options_done && (g_str_equal (arg, "--help") || g_str_equal (arg, "-h")))
        {
          print_command_help (command);
          return SD_CLI_EXIT_OK;
        }
      else if (!options_done && g_str_has_prefix (arg, "--"))
        {
          const char *name = arg + 2;
          const char *equals = strchr (name, '=');
          gsize length = equals ? (gsize) (equals - name) : strlen (name);
          int index = find_option (command, name, length);

          if (index < 0)
            return fail (SD_CLI_EXIT_USAGE,
                         _("“%s %s” has no option “--%.*s”. See “%s %s --help”."),
                         PROGRAM, command->name, (int) length, name, PROGRAM, command->name);
          if (equals != NULL)
            args->values[index] = equals + 1;
          else if (i + 1 < argc)
            args->values[index] = argv[++i];
          else
            return fail (SD_CLI_EXIT_USAGE, _("--%s needs a value. See “%s %s --help”."),
                         command->options[index], PROGRAM, command->name);
        }
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        return fail (SD_CLI_EXIT_USAGE, _("“%s %s” has no option “%s”. See “%s %s --help”."),
                     PROGRAM, command->name, arg, PROGRAM, command->name);
      else if (n_files < command->n_files)
        args->files[n_files++] = arg;
      else
        return fail (SD_CLI_EXIT_USAGE, _("Unexpected argument “%s”. Usage: %s %s %s"),
                     arg, PROGRAM, command->name, _(command->synopsis));
    }

  if (n_files < command->n_files)
    return fail (SD_CLI_EXIT_USAGE, _("Missing argument. Usage: %s %s %s"),
                 PROGRAM, command->name, _(command->synopsis));
  for (i = 0; i < (int) n_files; i++)
    if (*args->files[i] == '\0')
      return fail (SD_CLI_EXIT_USAGE, _("A file name is empty. Usage: %s %s %s"),
                   PROGRAM, command->name, _(command->synopsis));

  return -1;
}

int
sd_cli_run (int    argc,
            char **argv)
{
  const CliCommand *command;
  CliArgs args;
  int status;

  g_return_val_if_fail (argc >= 1 && argv != NULL, SD_CLI_EXIT_USAGE);

  if (argc < 2)
    return fail (SD_CLI_EXIT_USAGE, _("Usage: %s COMMAND FILE [OPTION…]. See “%s --help”."),
                 PROGRAM, PROGRAM);

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return SD_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return SD_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL && argv[1][0] == '-')
    return fail (SD_CLI_EXIT_USAGE, _("Unknown option “%s”. See “%s --help”."),
                 argv[1], PROGRAM);
  if (command == NULL)
    return fail (SD_CLI_EXIT_USAGE, _("Unknown command “%s”. See “%s --help”."),
                 argv[1], PROGRAM);
  if (command->run == NULL)
    /* Translators: %s is a command name such as “payroll”. */
    return fail (SD_CLI_EXIT_USAGE, _("“%s” is not available in this version yet"),
                 command->name);

  status = parse_arguments (command, argc, argv, &args);
  if (status >= 0)
    return status;

  return command->run (&args);
}
