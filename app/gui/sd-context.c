/* sd-context.c — what every page of a window needs: the open company, settings, calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-context"

#include "config.h"

#include "sd-context.h"
#include "sd-period.h"

#define SD_MAX_RECENT_FILES 10

struct _SdContext
{
  GObject    parent_instance;

  SdStore   *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (SdContext, sd_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_context_dispose (GObject *object)
{
  SdContext *self = SD_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sd_context_parent_class)->dispose (object);
}

static void
sd_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SdContext *self = SD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SdContext *self = SD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sd_context_set_store (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_context_class_init (SdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sd_context_dispose;
  object_class->get_property = sd_context_get_property;
  object_class->set_property = sd_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_context_init (SdContext *self)
{
}

SdContext *
sd_context_new (SdStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (store == NULL || SD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SD_TYPE_CONTEXT,
                       "store", store,
                       "settings", settings,
                       NULL);
}

SdStore *
sd_context_get_store (SdContext *self)
{
  g_return_val_if_fail (SD_IS_CONTEXT (self), NULL);

  return self->store;
}

void
sd_context_set_store (SdContext *self,
                      SdStore   *store)
{
  g_return_if_fail (SD_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || SD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GSettings *
sd_context_get_settings (SdContext *self)
{
  g_return_val_if_fail (SD_IS_CONTEXT (self), NULL);

  return self->settings;
}

const SdCalendar *
sd_context_get_calendar (SdContext *self)
{
  g_return_val_if_fail (SD_IS_CONTEXT (self), NULL);

  return sd_calendar_get_default ();
}

/* Keeps the entries that still name an existing file, without `skip`, at most `max`. */
static GStrv
filter_recent (const char * const *paths,
               const char         *skip,
               guint               max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; paths != NULL && paths[i] != NULL && n < max; i++)
    {
      if (paths[i][0] == '\0' || g_strcmp0 (paths[i], skip) == 0)
        continue;
      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;
      g_strv_builder_add (builder, paths[i]);
      n++;
    }

  return g_strv_builder_end (builder);
}

void
sd_context_remember_file (SdContext  *self,
                          const char *path)
{
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;

  g_return_if_fail (SD_IS_CONTEXT (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-files");
  rest = filter_recent ((const char * const *) old, path, SD_MAX_RECENT_FILES - 1);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  g_strv_builder_addv (builder, (const char **) rest);
  recent = g_strv_builder_end (builder);

  /* Writing the same value again would wake every window's recent menu for nothing. */
  if (!g_strv_equal ((const char * const *) old, (const char * const *) recent))
    g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);

  last = g_settings_get_string (self->settings, "last-file");
  if (g_strcmp0 (last, path) != 0)
    g_settings_set_string (self->settings, "last-file", path);
}

GStrv
sd_context_dup_recent_files (SdContext *self)
{
  g_auto(GStrv) all = NULL;

  g_return_val_if_fail (SD_IS_CONTEXT (self), NULL);

  if (self->settings == NULL)
    return g_new0 (char *, 1);

  all = g_settings_get_strv (self->settings, "recent-files");

  return filter_recent ((const char * const *) all, NULL, SD_MAX_RECENT_FILES);
}

void
sd_context_get_today (SdContext *self,
                      GDate     *out)
{
  const char *text = g_getenv ("SALESDESK_TODAY");

  g_return_if_fail (SD_IS_CONTEXT (self));
  g_return_if_fail (out != NULL);

  if (text != NULL && *text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (sd_date_parse (text, out, &error))
        return;
      g_debug ("Ignoring SALESDESK_TODAY: %s", error->message);
    }

  sd_date_set_today (out);
}
