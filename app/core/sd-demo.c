/* sd-demo.c — a believable company to explore, generated from a seed
 *
 * Copyright 2026 The Salesdesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sd-demo"

#include "config.h"

#include <string.h>

#include "sd-demo.h"

/* Everything random comes from this generator (splitmix64), never from g_random: the same seed
 * must give the same company on every platform and GLib version. Integers only, so rounding
 * cannot differ between machines either. */
typedef struct {
  guint64 state;
} DemoRng;

static guint64
rng_next (DemoRng *rng)
{
  guint64 z;

  rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = rng->state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform in lo..hi inclusive. The modulo bias is far below anything a demo could show. */
static gint64
rng_range (DemoRng *rng,
           gint64   lo,
           gint64   hi)
{
  g_assert (lo <= hi);
  return lo + (gint64) (rng_next (rng) % (guint64) (hi - lo + 1));
}

/* value × num ÷ den, rounded half away from zero; the demo's values are far from overflow. */
static gint64
scale (gint64 value,
       gint64 num,
       gint64 den)
{
  return sd_div_round (value * num, den);
}

static const char * const company_names[] = {
  "ООО Ромашка",
  "ООО Вектор",
  "ООО Горизонт",
  "ООО Северный ветер",
  "ООО Альфа-Снаб",
  "ООО ТехноПром",
  "ООО Прогресс",
  "ООО Стройресурс",
  "ООО Мегаполис",
  "ООО Уральские окна",
};

/* Surnames in their masculine form; each ends in -ов/-ев/-ин/-ын or -ский/-цкий, so the
 * feminine form follows a rule (female_surname). */
static const char * const surnames[] = {
  "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
  "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров", "Зайцев", "Соловьев", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьев",
  "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королев", "Гусев", "Киселев",
  "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалев", "Белов", "Медведев",
  "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
  "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
  "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
  "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
  "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Быков",
  "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Голубев",
  "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Трофимов", "Леонов", "Соболев", "Ермаков",
  "Колесников", "Гончаров", "Никифоров", "Котов", "Гришин", "Ефремов", "Архипов", "Громов",
  "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Горбунов", "Галкин",
  "Лукьянов", "Скворцов", "Белоусов", "Нестеров", "Цветков", "Логинов", "Краснов", "Жданов",
  "Покровский", "Успенский", "Никольский", "Вознесенский", "Троицкий", "Соколовский",
  "Смоленский", "Белецкий", "Рождественский", "Богословский", "Синицын", "Лисицын",
};

static const char * const male_names[] = {
  "Александр", "Алексей", "Андрей", "Антон", "Артем", "Борис", "Вадим", "Валентин",
  "Василий", "Виктор", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Глеб",
  "Григорий", "Даниил", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья",
  "Кирилл", "Константин", "Леонид", "Максим", "Михаил", "Никита", "Николай", "Олег",
  "Павел", "Роман", "Сергей", "Станислав", "Степан", "Тимур", "Федор", "Юрий", "Ярослав",
};

static const char * const female_names[] = {
  "Александра", "Алина", "Алла", "Анастасия", "Анна", "Валентина", "Валерия", "Вера",
  "Вероника", "Виктория", "Галина", "Дарья", "Диана", "Евгения", "Екатерина", "Елена",
  "Елизавета", "Жанна", "Зоя", "Инна", "Ирина", "Карина", "Кристина", "Ксения", "Лариса",
  "Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Нина",
  "Оксана", "Ольга", "Полина", "Светлана", "София", "Татьяна", "Юлия", "Яна",
};

/* Masculine and feminine patronymic, used only once every surname + first name pair is taken. */
static const char * const patronymics[][2] = {
  { "Александрович", "Александровна" }, { "Алексеевич", "Алексеевна" },
  { "Андреевич", "Андреевна" }, { "Викторович", "Викторовна" },
  { "Владимирович", "Владимировна" }, { "Дмитриевич", "Дмитриевна" },
  { "Иванович", "Ивановна" }, { "Михайлович", "Михайловна" },
  { "Николаевич", "Николаевна" }, { "Петрович", "Петровна" },
  { "Сергеевич", "Сергеевна" }, { "Юрьевич", "Юрьевна" },
};

/* Seasonal shape of sales, per mille of the month's level, January first. */
static const gint64 seasonality[12] = {
  700, 850, 1050, 1000, 900, 950, 850, 900, 1050, 1100, 1150, 1300,
};

#define N_MALE_PAIRS   (G_N_ELEMENTS (surnames) * G_N_ELEMENTS (male_names))
#define N_NAME_PAIRS   (N_MALE_PAIRS + G_N_ELEMENTS (surnames) * G_N_ELEMENTS (female_names))

/* Growth of ~8 % a year, compounded yearly and linear within a year, in parts per million of
 * the level at the start of the history; `t` counts months from that start. */
#define GROWTH_PER_MILLE 1080

static gint64
growth_ppm (gint64 t)
{
  gint64 g = 1000000;
  gint64 year;

  for (year = 0; year < t / 12; year++)
    g = scale (g, GROWTH_PER_MILLE, 1000);

  return g + scale (g, (GROWTH_PER_MILLE - 1000) * (t % 12), 12 * 1000);
}

static char *
female_surname (const char *male)
{
  if (g_str_has_suffix (male, "ий"))
    {
      gsize stem = strlen (male) - strlen ("ий");
      return g_strdup_printf ("%.*sая", (int) stem, male);
    }

  return g_strconcat (male, "а", NULL);
}

/* The k-th name of the shuffled sequence. Plain "Surname Firstname" pairs come first; when
 * they are exhausted the same pairs come back with a patronymic, then with a number. */
static char *
make_name (const guint *order,
           guint        k)
{
  guint pair = order[k % N_NAME_PAIRS];
  guint round = k / N_NAME_PAIRS;
  gboolean female = pair >= N_MALE_PAIRS;
  g_autofree char *surname = NULL;
  const char *first;

  if (female)
    {
      pair -= N_MALE_PAIRS;
      surname = female_surname (surnames[pair / G_N_ELEMENTS (female_names)]);
      first = female_names[pair % G_N_ELEMENTS (female_names)];
    }
  else
    {
      surname = g_strdup (surnames[pair / G_N_ELEMENTS (male_names)]);
      first = male_names[pair % G_N_ELEMENTS (male_names)];
    }

  if (round == 0)
    return g_strdup_printf ("%s %s", surname, first);
  if (round <= G_N_ELEMENTS (patronymics))
    return g_strdup_printf ("%s %s %s", surname, first, patronymics[round - 1][female ? 1 : 0]);
  return g_strdup_printf ("%s %s (%u)", surname, first, round - (guint) G_N_ELEMENTS (patronymics) + 1);
}

/* What the generator decides about one manager before writing any month. */
typedef struct {
  gint64  id;
  SdMonth hired_month;
  SdMonth left_month;    /* SD_MONTH_INVALID while working */
  guint   hired_day;
  guint   left_day;
  gint64  level;         /* kopecks a month, fully ramped, at the start of the history */
  gint64  average_deal;  /* kopecks */
  gint64  conversion;    /* leads to deals, per mille */
} DemoManager;

static gboolean
works_in (const DemoManager *m,
          SdMonth            month)
{
  return month >= m->hired_month &&
         (m->left_month == SD_MONTH_INVALID || month <= m->left_month);
}

/* Share of the month worked, per mille, for the hire and leave months (calendar days). */
static gint64
worked_share (const DemoManager *m,
              SdMonth            month)
{
  gint64 n_days = sd_month_n_days (month);
  gint64 first = month == m->hired_month ? m->hired_day : 1;
  gint64 last = month == m->left_month ? m->left_day : n_days;

  return scale (last - first + 1, 1000, n_days);
}

/* A new hire reaches full capacity in the third month. */
static gint64
ramp (const DemoManager *m,
      SdMonth            month)
{
  switch (month - m->hired_month)
    {
    case 0:
      return 300;
    case 1:
      return 600;
    default:
      return 1000;
    }
}

/* Level × seasonality × growth × ramp-up × share of the month worked, in kopecks. */
static gint64
expected_revenue (const DemoManager *m,
                  SdMonth            month,
                  SdMonth            history_start)
{
  gint64 v = m->level;

  v = scale (v, seasonality[sd_month_get_month (month) - 1], 1000);
  v = scale (v, growth_ppm (month - history_start), 1000000);
  v = scale (v, ramp (m, month), 1000);
  return scale (v, worked_share (m, month), 1000);
}

static void
set_day (GDate   *date,
         SdMonth  month,
         guint    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) sd_month_get_month (month),
                  (GDateYear) sd_month_get_year (month));
}

static SdStaffMember *
make_member (gint64       id,
             char        *name,
             SdRole       role,
             const GDate *hired)
{
  SdStaffMember *member = sd_staff_member_new ();

  member->id = id;
  g_free (member->name);
  member->name = name;
  member->role = role;
  member->hired = *hired;
  g_date_clear (&member->left, 1);
  member->archived = FALSE;
  return member;
}

/* Returns indexes 0..n-1 in a random order (Fisher–Yates). */
static guint *
shuffled_indexes (DemoRng *rng,
                  guint    n)
{
  guint *order = g_new (guint, n);
  guint i;

  for (i = 0; i < n; i++)
    order[i] = i;
  for (i = n - 1; i > 0; i--)
    {
      guint j = (guint) rng_range (rng, 0, i);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }
  return order;
}

static void
add_facts (GArray            *facts,
           DemoRng           *rng,
           const DemoManager *m,
           SdMonth            first,
           SdMonth            last)
{
  SdMonth month;

  for (month = MAX (first, m->hired_month); month <= last; month++)
    {
      SdFact fact = { 0 };
      gint64 revenue;

      if (!works_in (m, month))
        break;

      revenue = expected_revenue (m, month, first);
      revenue = scale (revenue, rng_range (rng, 850, 1150), 1000);
      /* Whole rubles, and never nothing in a month the manager worked. */
      revenue = MAX (100, scale (revenue, 1, 100) * 100);

      fact.manager_id = m->id;
      fact.month = month;
      fact.revenue = revenue;
      fact.paid = scale (revenue / 100, rng_range (rng, 850, 1000), 1000) * 100;
      fact.margin = scale (revenue / 100, rng_range (rng, 250, 350), 1000) * 100;
      fact.deals = scale (revenue, rng_range (rng, 900, 1100), m->average_deal * 1000);
      fact.leads = scale (fact.deals, 1000, m->conversion);
      fact.calls = scale (rng_range (rng, 500, 900), worked_share (m, month), 1000);
      g_array_append_val (facts, fact);
    }
}

static void
add_plan (GArray            *plan,
          const DemoManager *m,
          SdMonth            history_start,
          SdMonth            first,
          SdMonth            last)
{
  SdMonth month;

  for (month = MAX (first, m->hired_month); month <= last; month++)
    {
      SdPlanEntry entry = { 0 };

      if (!works_in (m, month))
        break;

      entry.manager_id = m->id;
      entry.month = month;
      /* Plans are set in round figures: tens of thousands of rubles. */
      entry.revenue = MAX (1, scale (expected_revenue (m, month, history_start), 1, 1000000))
                      * 1000000;
      entry.deals = scale (entry.revenue, 1, m->average_deal);
      entry.leads = scale (entry.deals, 1000, m->conversion);
      g_array_append_val (plan, entry);
    }
}

SdDemoCompany *
sd_demo_generate (guint        n_managers,
                  guint        n_years,
                  guint32      seed,
                  const GDate *today)
{
  g_autoptr(SdDemoCompany) self = NULL;
  g_autofree DemoManager *managers = NULL;
  g_autofree guint *name_order = NULL;
  DemoRng rng = { seed };
  SdMonth current, first, last, plan_last;
  guint n_hires, n_leavers;
  GDate date;
  guint i;

  g_return_val_if_fail (n_years >= 1, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  /* Every date of the history, hires two years before it included, must be a valid GDate. */
  g_return_val_if_fail (g_date_get_year (today) > n_years + 3 &&
                        g_date_get_year (today) < G_MAXUINT16 - 1, NULL);

  current = sd_month_from_date (today);
  last = current - 1;
  first = current - (SdMonth) (n_years * 12);
  /* The plan runs to the end of the current year; in December, through the next one too. */
  plan_last = sd_month_make (g_date_get_year (today), 12);
  if (sd_month_get_month (current) == 12)
    plan_last += 12;

  /* A small team has a couple of hires and one departure; a large one ~10 % and ~5 %. */
  if (n_managers >= 20)
    {
      n_hires = n_managers / 10;
      n_leavers = n_managers / 20;
    }
  else
    {
      n_hires = MIN (2, n_managers / 2);
      n_leavers = n_managers >= 3 ? 1 : 0;
    }

  self = g_new0 (SdDemoCompany, 1);
  self->today = *today;
  self->company_name = g_strdup (seed == 1 ? company_names[0]
                                           : company_names[seed % G_N_ELEMENTS (company_names)]);
  self->currency = g_strdup ("RUB");
  self->staff = g_ptr_array_new_full (n_managers + 1, (GDestroyNotify) sd_staff_member_free);
  self->facts = g_array_sized_new (FALSE, FALSE, sizeof (SdFact), n_managers * n_years * 12);
  self->plan = g_array_sized_new (FALSE, FALSE, sizeof (SdPlanEntry),
                                  n_managers * (guint) (plan_last - first + 1));

  name_order = shuffled_indexes (&rng, N_NAME_PAIRS);

  /* The head of sales was there a year before the history starts, and has no figures. */
  sd_month_first_day (first - 12, &date);
  g_ptr_array_add (self->staff, make_member (1, make_name (name_order, 0), SD_ROLE_HEAD, &date));

  managers = g_new0 (DemoManager, n_managers);
  for (i = 0; i < n_managers; i++)
    {
      DemoManager *m = &managers[i];
      gboolean is_hire = i >= n_managers - n_hires;

      m->id = (gint64) i + 2;
      m->left_month = SD_MONTH_INVALID;
      if (is_hire)
        {
          /* Hired during the last year, mid-month. */
          m->hired_month = (SdMonth) rng_range (&rng, MAX (first, last - 11), last);
          m->hired_day = (guint) rng_range (&rng, 10, 20);
        }
      else
        {
          /* Fully ramped by the time the history starts. */
          m->hired_month = (SdMonth) rng_range (&rng, first - 24, first - 3);
          m->hired_day = (guint) rng_range (&rng, 1, 28);
        }
      m->level = rng_range (&rng, 60000000, 180000000);
      m->average_deal = rng_range (&rng, 8000000, 15000000);
      m->conversion = rng_range (&rng, 150, 300);
    }

  /* Leavers are picked among those hired before the history, each left mid-month. */
  for (i = 0; i < n_leavers; i++)
    {
      DemoManager *m;

      do
        m = &managers[rng_range (&rng, 0, n_managers - n_hires - 1)];
      while (m->left_month != SD_MONTH_INVALID);

      m->left_month = (SdMonth) rng_range (&rng, first, last);
      m->left_day = (guint) rng_range (&rng, 10, 20);
    }

  for (i = 0; i < n_managers; i++)
    {
      const DemoManager *m = &managers[i];
      SdStaffMember *member;

      set_day (&date, m->hired_month, m->hired_day);
      member = make_member (m->id, make_name (name_order, i + 1), SD_ROLE_MANAGER, &date);
      if (m->left_month != SD_MONTH_INVALID)
        set_day (&member->left, m->left_month, m->left_day);
      g_ptr_array_add (self->staff, member);

      add_facts (self->facts, &rng, m, first, last);
      add_plan (self->plan, m, first, first, plan_last);
    }

  return g_steal_pointer (&self);
}

void
sd_demo_company_free (SdDemoCompany *self)
{
  if (self == NULL)
    return;

  g_free (self->company_name);
  g_free (self->currency);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->facts, g_array_unref);
  g_clear_pointer (&self->plan, g_array_unref);
  g_free (self);
}
