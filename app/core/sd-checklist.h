/* sd-checklist.h — what people are scored against: call-scoring checklists (criteria with
 * weights) and assessment templates (competencies scored 1–5 with a description of each level)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain data, easy to store and to bind to a form. A scored call or an assessment keeps a copy
 * of each criterion as it was when it was scored (SdMark), so editing a checklist later never
 * changes history. All scores are integers; averages are given in hundredths of a point
 * (8750 = 87.5) and levels in basis points of the criterion's scale (10 000 = the top of the
 * scale). docs/people.md states the rules.
 */
#pragma once

#include <glib.h>

#include "sd-money.h"

G_BEGIN_DECLS

#define SD_CHECKLIST_ERROR (sd_checklist_error_quark ())

typedef enum {
  SD_CHECKLIST_ERROR_EMPTY,          /* a checklist without criteria, or marks for nothing */
  SD_CHECKLIST_ERROR_NAME,           /* a name or key missing, too long or with bad characters */
  SD_CHECKLIST_ERROR_DUPLICATE,      /* two criteria with the same key or the same name */
  SD_CHECKLIST_ERROR_WEIGHTS,        /* a call criterion's weight outside 1..100, or Σ ≠ 100 */
  SD_CHECKLIST_ERROR_SCALE,          /* a criterion's top score outside the allowed range */
  SD_CHECKLIST_ERROR_LEVELS,         /* level descriptions that do not match the scale */
  SD_CHECKLIST_ERROR_TOO_MANY,       /* more than SD_CHECKLIST_MAX_CRITERIA criteria */
  SD_CHECKLIST_ERROR_SCORE,          /* a score outside the criterion's scale */
  SD_CHECKLIST_ERROR_UNSCORED,       /* a criterion neither scored nor marked not applicable */
  SD_CHECKLIST_ERROR_NOTHING_SCORED, /* every criterion marked not applicable */
  SD_CHECKLIST_ERROR_UNKNOWN,        /* a mark for a criterion the checklist does not have */
  SD_CHECKLIST_ERROR_PARSE,          /* JSON text that cannot be read back */
} SdChecklistError;

typedef enum {
  SD_CHECKLIST_CALL,        /* criteria scored 0..max, with weights summing to 100 */
  SD_CHECKLIST_ASSESSMENT,  /* competencies scored 1..max (5 by default), no weights */
} SdChecklistKind;

#define SD_CHECKLIST_MAX_CRITERIA   50
#define SD_CHECKLIST_MAX_NAME       200   /* characters, after trimming */
#define SD_CHECKLIST_MAX_KEY        64    /* bytes: a–z, 0–9, '_' and '-' */
/* A criterion's top score is at most 10, so every scale divides 2520 and averages stay exact. */
#define SD_CHECKLIST_MAX_SCALE      10
#define SD_CHECKLIST_WEIGHT_TOTAL   100
#define SD_CHECKLIST_DEFAULT_CALL_SCALE        2   /* 0 not done, 1 partly, 2 done */
#define SD_CHECKLIST_DEFAULT_COMPETENCY_SCALE  5   /* 1..5 */

/* "No value": a month without scored calls, a criterion never scored. */
#define SD_SCORE_NONE G_MININT64

typedef struct {
  char  *key;          /* stable identifier, unique in its checklist: "objections" */
  char  *name;         /* shown to people: "Objection handling" */
  char  *description;  /* what the listener checks; may be NULL */
  int    weight;       /* call criteria: share of the call's score in %, 1..100; else 0 */
  int    max_score;    /* top of the scale: calls 1..10, competencies 2..10 */
  char **levels;       /* NULL, or one description per score from the bottom of the scale
                        * (0 for calls, 1 for competencies) to max_score, NULL-terminated */
} SdCriterion;

typedef struct {
  gint64           id;        /* 0 until stored */
  SdChecklistKind  kind;
  char            *name;
  GPtrArray       *criteria;  /* of SdCriterion *, in the order they are shown and scored */
} SdChecklist;

typedef enum {
  SD_MARK_UNSET,           /* not scored yet: a call or assessment with one cannot be saved */
  SD_MARK_SCORED,
  SD_MARK_NOT_APPLICABLE,  /* left out: the call gave no chance to show it */
} SdMarkState;

/* One criterion as scored in one call or assessment, with the criterion copied as it was. */
typedef struct {
  char        *key;
  char        *name;
  int          weight;      /* copied from the criterion (0 for competencies) */
  int          max_score;   /* copied from the criterion */
  SdMarkState  state;
  int          score;       /* meaningful when state is SD_MARK_SCORED */
  char        *comment;     /* may be NULL */
} SdMark;

GQuark        sd_checklist_error_quark        (void);

/* "call" / "assessment", as in files. */
const char   *sd_checklist_kind_to_string     (SdChecklistKind kind);
gboolean      sd_checklist_kind_from_string   (const char      *text,
                                               SdChecklistKind *out);
/* The lowest score of a criterion of this kind: 0 for calls, 1 for competencies. */
int           sd_checklist_kind_min_score     (SdChecklistKind kind);

SdCriterion  *sd_criterion_new                (const char *key,
                                               const char *name,
                                               int         weight,
                                               int         max_score);
SdCriterion  *sd_criterion_copy               (const SdCriterion *self);
void          sd_criterion_free               (SdCriterion *self);
/* Replaces the level descriptions (NULL clears them). */
void          sd_criterion_set_levels         (SdCriterion        *self,
                                               const char * const *levels);
void          sd_criterion_set_description    (SdCriterion *self,
                                               const char  *description);

/* An empty checklist (validation rejects it until criteria are added). */
SdChecklist  *sd_checklist_new                (SdChecklistKind  kind,
                                               const char      *name);
SdChecklist  *sd_checklist_copy               (const SdChecklist *self);
void          sd_checklist_free               (SdChecklist *self);
/* Appends a criterion and returns it (owned by the checklist) to set levels or a
 * description. Nothing is checked here: sd_checklist_validate() says what is wrong. */
SdCriterion  *sd_checklist_add_criterion      (SdChecklist *self,
                                               const char  *key,
                                               const char  *name,
                                               int          weight,
                                               int          max_score);
guint         sd_checklist_get_n_criteria     (const SdChecklist *self);
SdCriterion  *sd_checklist_get_criterion      (const SdChecklist *self,
                                               guint              index);
/* The criterion with `key`, or NULL; index (may be NULL) receives its position. */
SdCriterion  *sd_checklist_find               (const SdChecklist *self,
                                               const char        *key,
                                               guint             *index);
/* A key not used yet in the checklist ("c1", "c2" …), for a criterion a person adds. */
char         *sd_checklist_make_key           (const SdChecklist *self);
/* Σ weights of the criteria (saturates at G_MAXINT). */
int           sd_checklist_total_weight       (const SdChecklist *self);

/* Checks every rule: a name, 1..SD_CHECKLIST_MAX_CRITERIA criteria with distinct keys and
 * names, scales in range, level descriptions matching the scale, and for calls weights of
 * 1..100 summing to exactly 100. The message says what to fix, in words for the user. */
gboolean      sd_checklist_validate           (const SdChecklist  *self,
                                               GError            **error);

/* The default call checklist of DESIGN.md: ten criteria scored 0–2 with weights summing to
 * 100 (docs/people.md explains the weights). Translated names; stable English keys. */
SdChecklist  *sd_checklist_new_default_call   (void);
/* A default assessment template: eight competencies of a sales manager scored 1–5, each with
 * a description of every level. */
SdChecklist  *sd_checklist_new_default_assessment (void);

/* Marks for every criterion of the checklist, unset, copying each criterion. */
GPtrArray    *sd_checklist_new_marks          (const SdChecklist *self);

SdMark       *sd_mark_new                     (const SdCriterion *criterion);
SdMark       *sd_mark_copy                    (const SdMark *self);
void          sd_mark_free                    (SdMark *self);
/* A copy of an array of SdMark * (with sd_mark_free as its free function). */
GPtrArray    *sd_marks_copy                   (const GPtrArray *marks);
/* The mark of `key` in marks, or NULL. */
SdMark       *sd_marks_find                   (const GPtrArray *marks,
                                               const char      *key);
/* Checks marks of a call (kind CALL) or an assessment: at least one mark, distinct keys,
 * scales in range, every mark scored or not applicable, at least one scored, each score on
 * its scale, and for calls weights of 1..100 summing to 100. */
gboolean      sd_marks_validate               (const GPtrArray  *marks,
                                               SdChecklistKind   kind,
                                               GError          **error);
/* How high a scored mark is on its scale, in basis points: (score − bottom) ÷ (max − bottom),
 * half away from zero. A call criterion's 1 of 2 is 5000; a competency's 4 of 5 is 7500. */
gint64        sd_mark_level_bp                (const SdMark    *self,
                                               SdChecklistKind  kind);

/* "87.5", "87.25", "90" (EN) or "87,5" (RU): hundredths of a point, trailing zeros dropped. */
char         *sd_score_format                 (gint64        hundredths,
                                               SdNumberStyle style);
/* "80%", "79.5%" in the reader's style: basis points as a percentage. */
char         *sd_score_format_percent         (gint64        bp,
                                               SdNumberStyle style);

/* ------------------------------------------------------------------------------------------
 * JSON forms, as kept in the company file
 * ------------------------------------------------------------------------------------------ */

/* {"kind":…,"name":…,"criteria":[{"key","name","description","weight","max_score","levels"}]}
 * (the id is not part of it). */
char         *sd_checklist_to_json            (const SdChecklist *self);
/* Reads sd_checklist_to_json() text back; the result is not validated (a file may hold an
 * old checklist). NULL with SD_CHECKLIST_ERROR_PARSE when the text cannot be read. */
SdChecklist  *sd_checklist_from_json          (const char  *text,
                                               GError     **error);
/* An array of SdMark * as [{"key","name","weight","max_score","state","score","comment"}]. */
char         *sd_marks_to_json                (const GPtrArray *marks);
/* Reads sd_marks_to_json() text back (an array with sd_mark_free), or NULL with PARSE. */
GPtrArray    *sd_marks_from_json              (const char  *text,
                                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCriterion, sd_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdChecklist, sd_checklist_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdMark, sd_mark_free)

G_END_DECLS
