/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV import of clients and suppliers (DESIGN.md §7).
 *
 * Everything is checked before anything is written: a file with one bad row
 * imports nothing and the report lists every problem, each tied to a line of
 * the file and a column as its header names it. A real import checks and
 * writes inside one IMMEDIATE transaction, so no other writer can slip a
 * duplicate in between; a dry run only reads. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-credit-code.h"
#include "core/cd-csv.h"
#include "store/cd-import.h"
#include "store/cd-store-private.h"

typedef enum
{
  F_NAME,
  F_SHORT_NAME,
  F_CREDIT_CODE,
  F_INDUSTRY,
  F_REGION,
  F_ADDRESS,
  F_TIER,
  F_OWNER,
  F_STATUS,
  F_CATEGORY,
  F_CONTACT,
  F_PHONE,
  F_EMAIL,
  F_BANK,
  F_ACCOUNT,
  F_NOTES,
  N_FIELDS
} Field;

typedef struct
{
  const char *key;        /* the English column name, also in the report */
  guint       max_chars;
  gboolean    multiline;  /* may hold line breaks and tabs */
} FieldInfo;

static const FieldInfo fields[N_FIELDS] = {
  [F_NAME]        = { "name", 300, FALSE },
  [F_SHORT_NAME]  = { "short_name", 100, FALSE },
  [F_CREDIT_CODE] = { "credit_code", 100, FALSE },
  [F_INDUSTRY]    = { "industry", 100, FALSE },
  [F_REGION]      = { "region", 100, FALSE },
  [F_ADDRESS]     = { "address", 500, TRUE },
  [F_TIER]        = { "tier", 100, FALSE },
  [F_OWNER]       = { "owner", 200, FALSE },
  [F_STATUS]      = { "status", 100, FALSE },
  [F_CATEGORY]    = { "category", 100, FALSE },
  [F_CONTACT]     = { "contact", 200, FALSE },
  [F_PHONE]       = { "phone", 50, FALSE },
  [F_EMAIL]       = { "email", 254, FALSE },
  [F_BANK]        = { "bank", 200, FALSE },
  [F_ACCOUNT]     = { "account", 64, FALSE },
  [F_NOTES]       = { "notes", 10000, TRUE },
};

/* Header names as cd_csv_fold_header () leaves them. */
typedef struct
{
  const char *header;
  Field       field;
} Alias;

static const Alias client_aliases[] = {
  { "name", F_NAME }, { "名称", F_NAME }, { "客户名称", F_NAME }, { "公司名称", F_NAME },
  { "shortname", F_SHORT_NAME }, { "简称", F_SHORT_NAME }, { "客户简称", F_SHORT_NAME },
  { "creditcode", F_CREDIT_CODE }, { "统一社会信用代码", F_CREDIT_CODE },
  { "社会信用代码", F_CREDIT_CODE }, { "信用代码", F_CREDIT_CODE },
  { "industry", F_INDUSTRY }, { "行业", F_INDUSTRY }, { "所属行业", F_INDUSTRY },
  { "region", F_REGION }, { "区域", F_REGION }, { "地区", F_REGION },
  { "address", F_ADDRESS }, { "地址", F_ADDRESS },
  { "tier", F_TIER }, { "等级", F_TIER }, { "客户等级", F_TIER },
  { "owner", F_OWNER }, { "负责人", F_OWNER }, { "客户经理", F_OWNER },
  { "status", F_STATUS }, { "状态", F_STATUS },
  { "contact", F_CONTACT }, { "联系人", F_CONTACT },
  { "phone", F_PHONE }, { "电话", F_PHONE }, { "联系电话", F_PHONE }, { "手机", F_PHONE },
  { "email", F_EMAIL }, { "邮箱", F_EMAIL }, { "电子邮箱", F_EMAIL },
  { "notes", F_NOTES }, { "note", F_NOTES }, { "备注", F_NOTES },
};

static const Alias supplier_aliases[] = {
  { "name", F_NAME }, { "名称", F_NAME }, { "供应商名称", F_NAME }, { "公司名称", F_NAME },
  { "category", F_CATEGORY }, { "类别", F_CATEGORY }, { "类型", F_CATEGORY },
  { "creditcode", F_CREDIT_CODE }, { "统一社会信用代码", F_CREDIT_CODE },
  { "社会信用代码", F_CREDIT_CODE }, { "信用代码", F_CREDIT_CODE },
  { "contact", F_CONTACT }, { "联系人", F_CONTACT },
  { "phone", F_PHONE }, { "电话", F_PHONE }, { "联系电话", F_PHONE }, { "手机", F_PHONE },
  { "address", F_ADDRESS }, { "地址", F_ADDRESS },
  { "bank", F_BANK }, { "开户行", F_BANK }, { "开户银行", F_BANK },
  { "account", F_ACCOUNT }, { "账号", F_ACCOUNT }, { "银行账号", F_ACCOUNT },
  { "notes", F_NOTES }, { "note", F_NOTES }, { "备注", F_NOTES },
};

typedef struct
{
  const char *code;
  const char *chinese;
} Choice;

static const Choice categories[] = {
  { "print", "印刷" }, { "large_format", "喷画" }, { "led", "LED" },
  { "gifts", "礼品" }, { "fabrication", "制作" }, { "other", "其他" },
};

/* 'lost' is left out on purpose: it needs a reason, which a file has no
 * column for. */
static const Choice new_client_states[] = {
  { "prospect", "潜在" }, { "active", "活跃" }, { "dormant", "休眠" },
};

typedef struct
{
  guint   line;
  char   *values[N_FIELDS];   /* trimmed and canonical; NULL when empty */
  gint64  owner_id;
} Row;

typedef struct
{
  CdStore        *store;
  CdKind          kind;
  CdImportReport *report;
  int             column_of[N_FIELDS];   /* index in the file, -1 when absent */
  GPtrArray      *headers;               /* char*, trimmed, as in the file */
  GHashTable     *tiers;                 /* folded code → code */
  GPtrArray      *tier_codes;            /* char*, in the tier table's order */
  GHashTable     *staff;                 /* name → id, or -1 when two share it */
  GHashTable     *db_names;              /* names already in the table */
  GHashTable     *db_codes;              /* credit codes already in the table */
  GHashTable     *file_names;            /* name → first line in the file */
  GHashTable     *file_codes;            /* credit code → first line */
  GPtrArray      *rows;                  /* Row*, those without problems */
  guint           bad_rows;
  guint           last_bad_line;
} Import;

/* ---------------------------------------------------------------------- */
/* Report                                                                  */

static void
problem_free (gpointer data)
{
  CdImportProblem *problem = data;

  g_free (problem->column);
  g_free (problem->reason);
  g_free (problem);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (row->values[i]);
  g_free (row);
}

static const char *
column_header (const Import *import,
               Field         field)
{
  int column = import->column_of[field];

  return column >= 0 ? g_ptr_array_index (import->headers, column) : NULL;
}

/* Takes ownership of @reason. */
static void
add_problem (Import     *import,
             guint       line,
             const char *column,
             char       *reason)
{
  CdImportProblem *problem = g_new0 (CdImportProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column);
  problem->reason = reason;
  g_ptr_array_add (import->report->problems, problem);

  /* Rows are checked in file order, so a new line means a new bad row. */
  if (line != import->last_bad_line)
    {
      import->bad_rows++;
      import->last_bad_line = line;
    }
}

static void
add_field_problem (Import *import,
                   guint   line,
                   Field   field,
                   char   *reason)
{
  add_problem (import, line, column_header (import, field), reason);
}

/* "10,000": the report quotes sizes the way people write them. */
static char *
format_count (gsize n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GSIZE_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Text                                                                    */

/* Bidirectional overrides and isolates can make a name display as
 * something else than what it is. */
static gboolean
is_direction_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Returns NULL when @value is text this field can hold, else a reason. */
static char *
check_characters (const GString *value,
                  gboolean       multiline)
{
  if (strlen (value->str) != value->len)
    return g_strdup (_("contains a NUL byte, which is not text."));

  for (const char *p = value->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\t'))
        continue;
      if (c == '\n' || c == '\r')
        return g_strdup (_("contains a line break, which this column cannot hold."));
      if (g_unichar_iscntrl (c) || is_direction_control (c)
          || g_unichar_type (c) == G_UNICODE_SURROGATE || (c & 0xFFFE) == 0xFFFE)
        return g_strdup_printf (_("contains the invisible character U+%04X, which is not allowed."), c);
    }
  return NULL;
}

static const Choice *
find_choice (const Choice *choices,
             gsize         n_choices,
             const char   *value)
{
  g_autofree char *wanted = cd_csv_fold_header (value);

  for (gsize i = 0; i < n_choices; i++)
    {
      g_autofree char *code = cd_csv_fold_header (choices[i].code);
      g_autofree char *chinese = cd_csv_fold_header (choices[i].chinese);

      if (g_str_equal (wanted, code) || g_str_equal (wanted, chinese))
        return &choices[i];
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* What the database already holds                                         */

static gboolean
load_set (Import      *import,
          const char  *sql,
          GHashTable  *into,
          GError     **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (import->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (text != NULL && *text != '\0')
        g_hash_table_add (into, g_strdup (text));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (import->store, error, rc, _("reading what the database holds"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_tiers (Import  *import,
            GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (import->store, "SELECT code FROM tier ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      /* Codes only ("A", "b"): labels are for display and may change. */
      g_hash_table_insert (import->tiers, cd_csv_fold_header (code), g_strdup (code));
      g_ptr_array_add (import->tier_codes, g_strdup (code));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (import->store, error, rc, _("reading the client tiers"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_staff (Import  *import,
            GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (import->store, "SELECT id, name FROM staff WHERE active = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (g_hash_table_contains (import->staff, name))
        id = -1;
      g_hash_table_insert (import->staff, g_strdup (name), g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (import->store, error, rc, _("reading the staff list"));
      return FALSE;
    }
  return TRUE;
}

/* One scan of each table instead of one per row: the client table has no
 * index on names, and an import may have thousands of rows. */
static gboolean
load_lookups (Import  *import,
              GError **error)
{
  if (import->kind == CD_KIND_CLIENTS)
    return load_tiers (import, error) && load_staff (import, error)
           && load_set (import, "SELECT name FROM client", import->db_names, error)
           && load_set (import, "SELECT credit_code FROM client", import->db_codes, error);

  return load_set (import, "SELECT name FROM supplier", import->db_names, error)
         && load_set (import, "SELECT credit_code FROM supplier", import->db_codes, error);
}

/* ---------------------------------------------------------------------- */
/* Header                                                                  */

static Field
lookup_alias (CdKind      kind,
              const char *header)
{
  const Alias *aliases = kind == CD_KIND_CLIENTS ? client_aliases : supplier_aliases;
  gsize n = kind == CD_KIND_CLIENTS ? G_N_ELEMENTS (client_aliases) : G_N_ELEMENTS (supplier_aliases);
  g_autofree char *key = cd_csv_fold_header (header);

  for (gsize i = 0; i < n; i++)
    if (g_str_equal (aliases[i].header, key))
      return aliases[i].field;
  return N_FIELDS;
}

static gboolean
map_header (Import             *import,
            const CdCsvRecord  *header,
            GError            **error)
{
  g_autoptr (GStrvBuilder) mapped = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) unknown = g_strv_builder_new ();

  for (guint i = 0; i < header->fields->len; i++)
    {
      char *text = cd_csv_trim (cd_csv_record_field (header, i)->str);
      Field field = lookup_alias (import->kind, text);

      g_ptr_array_add (import->headers, text);
      if (*text == '\0')
        continue;  /* trailing delimiters: a column nobody named */
      if (field == N_FIELDS)
        g_strv_builder_add (unknown, text);
      else if (import->column_of[field] >= 0)
        add_problem (import, header->line, text,
                     g_strdup_printf (_("repeats the column “%s”; each column can appear only once."),
                                      column_header (import, field)));
      else
        {
          g_autofree char *pair = g_strdup_printf ("%s → %s", text, fields[field].key);

          import->column_of[field] = (int) i;
          g_strv_builder_add (mapped, pair);
        }
    }
  import->report->mapped_columns = g_strv_builder_end (mapped);
  import->report->unknown_columns = g_strv_builder_end (unknown);

  if (import->column_of[F_NAME] < 0)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("The file has no name column (“name” or “名称”), which is required."));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Rows                                                                    */

static void
check_name (Import *import,
            Row    *row)
{
  const char *name = row->values[F_NAME];
  GHashTable *seen = import->file_names;

  if (name == NULL)
    {
      add_field_problem (import, row->line, F_NAME, g_strdup (_("is empty, and every row needs a name.")));
      return;
    }
  if (g_hash_table_contains (seen, name))
    add_field_problem (import, row->line, F_NAME,
                       g_strdup_printf (_("“%s” is also on line %u."), name,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (seen, name))));
  else if (g_hash_table_contains (import->db_names, name))
    add_field_problem (import, row->line, F_NAME,
                       import->kind == CD_KIND_CLIENTS
                         ? g_strdup_printf (_("a client named “%s” already exists."), name)
                         : g_strdup_printf (_("a supplier named “%s” already exists."), name));
  else
    g_hash_table_insert (seen, g_strdup (name), GUINT_TO_POINTER (row->line));
}

static char *
credit_code_reason (const char   *code,
                    const GError *error)
{
  if (g_error_matches (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_LENGTH))
    return g_strdup_printf (_("has %ld characters, but a credit code has 18."), g_utf8_strlen (code, -1));

  if (g_error_matches (error, CD_CREDIT_CODE_ERROR, CD_CREDIT_CODE_ERROR_CHECK))
    return g_strdup_printf (_("does not add up: with these first 17 characters the last one would be “%c”."),
                            cd_credit_code_check_char (code));

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    if (!strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", *p) || (guchar) *p >= 0x80)
      {
        g_autofree char *bad = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));

        return g_strdup_printf (_("contains “%s”, which no credit code uses."), bad);
      }
  return g_strdup (error->message);
}

static void
check_credit_code (Import *import,
                   Row    *row)
{
  g_autoptr (GError) error = NULL;
  const char *code = row->values[F_CREDIT_CODE];
  GHashTable *seen = import->file_codes;

  if (code == NULL)
    return;
  if (!cd_credit_code_validate (code, &error))
    add_field_problem (import, row->line, F_CREDIT_CODE, credit_code_reason (code, error));
  else if (g_hash_table_contains (seen, code))
    add_field_problem (import, row->line, F_CREDIT_CODE,
                       g_strdup_printf (_("credit code %s is also on line %u."), code,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (seen, code))));
  else if (g_hash_table_contains (import->db_codes, code))
    add_field_problem (import, row->line, F_CREDIT_CODE,
                       import->kind == CD_KIND_CLIENTS
                         ? g_strdup_printf (_("a client with credit code %s already exists."), code)
                         : g_strdup_printf (_("a supplier with credit code %s already exists."), code));
  else
    g_hash_table_insert (seen, g_strdup (code), GUINT_TO_POINTER (row->line));
}

static void
check_tier (Import *import,
            Row    *row)
{
  g_autofree char *key = NULL;
  const char *code;

  if (row->values[F_TIER] == NULL)
    return;
  key = cd_csv_fold_header (row->values[F_TIER]);
  code = g_hash_table_lookup (import->tiers, key);
  if (code == NULL)
    {
      g_autofree char *known = NULL;

      g_ptr_array_add (import->tier_codes, NULL);
      known = g_strjoinv (", ", (char **) import->tier_codes->pdata);
      g_ptr_array_remove_index (import->tier_codes, import->tier_codes->len - 1);
      add_field_problem (import, row->line, F_TIER,
                         g_strdup_printf (_("“%s” is not a client tier; the tiers are %s."),
                                          row->values[F_TIER], known));
      return;
    }
  g_free (row->values[F_TIER]);
  row->values[F_TIER] = g_strdup (code);
}

static void
check_owner (Import *import,
             Row    *row)
{
  const char *name = row->values[F_OWNER];
  const gint64 *id;

  if (name == NULL)
    return;
  id = g_hash_table_lookup (import->staff, name);
  if (id == NULL)
    add_field_problem (import, row->line, F_OWNER,
                       g_strdup_printf (_("no active staff member is named “%s”."), name));
  else if (*id < 0)
    add_field_problem (import, row->line, F_OWNER,
                       g_strdup_printf (_("more than one active staff member is named “%s”."), name));
  else
    row->owner_id = *id;
}

static void
check_category (Import *import,
                Row    *row)
{
  const Choice *choice;

  if (row->values[F_CATEGORY] == NULL)
    {
      row->values[F_CATEGORY] = g_strdup ("other");
      return;
    }
  choice = find_choice (categories, G_N_ELEMENTS (categories), row->values[F_CATEGORY]);
  if (choice == NULL)
    {
      add_field_problem (import, row->line, F_CATEGORY,
                         g_strdup_printf (_("“%s” is not a supplier category; use print, large_format, led, "
                                            "gifts, fabrication or other (印刷, 喷画, LED, 礼品, 制作, 其他)."),
                                          row->values[F_CATEGORY]));
      return;
    }
  g_free (row->values[F_CATEGORY]);
  row->values[F_CATEGORY] = g_strdup (choice->code);
}

static void
check_status (Import *import,
              Row    *row)
{
  const Choice *choice;

  if (row->values[F_STATUS] == NULL)
    {
      row->values[F_STATUS] = g_strdup ("prospect");
      return;
    }
  choice = find_choice (new_client_states, G_N_ELEMENTS (new_client_states), row->values[F_STATUS]);
  if (choice == NULL)
    {
      add_field_problem (import, row->line, F_STATUS,
                         g_strdup_printf (_("“%s” is not a status a new client can have; use prospect, "
                                            "active or dormant (潜在, 活跃, 休眠)."),
                                          row->values[F_STATUS]));
      return;
    }
  g_free (row->values[F_STATUS]);
  row->values[F_STATUS] = g_strdup (choice->code);
}

/* Copies, checks and trims one field into @row; FALSE when it is bad. */
static gboolean
read_value (Import            *import,
            const CdCsvRecord *record,
            Row               *row,
            Field              field)
{
  const GString *value = cd_csv_record_field (record, (guint) import->column_of[field]);
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  glong n_chars;

  if (value == NULL || value->len == 0)
    return TRUE;
  if ((reason = check_characters (value, fields[field].multiline)) != NULL)
    {
      add_field_problem (import, row->line, field, g_steal_pointer (&reason));
      return FALSE;
    }

  text = cd_csv_trim (value->str);
  n_chars = g_utf8_strlen (text, -1);
  if ((gsize) n_chars > fields[field].max_chars)
    {
      g_autofree char *have = format_count ((gsize) n_chars);
      g_autofree char *most = format_count (fields[field].max_chars);

      add_field_problem (import, row->line, field,
                         g_strdup_printf (_("is %s characters long; at most %s are allowed."), have, most));
      return FALSE;
    }
  if (*text == '\0')
    return TRUE;
  if (field == F_CREDIT_CODE)
    row->values[field] = cd_credit_code_normalize (text);
  else
    row->values[field] = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
record_is_empty (const CdCsvRecord *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      g_autofree char *text = cd_csv_trim (cd_csv_record_field (record, i)->str);

      if (*text != '\0' || strlen (cd_csv_record_field (record, i)->str) != cd_csv_record_field (record, i)->len)
        return FALSE;
    }
  return TRUE;
}

/* Fields past the header's columns: Excel pads rows with empty ones, which
 * are harmless; anything else was meant to go somewhere. */
static gboolean
check_width (Import            *import,
             const CdCsvRecord *record)
{
  for (guint i = import->headers->len; i < record->fields->len; i++)
    if (cd_csv_record_field (record, i)->len > 0)
      {
        add_problem (import, record->line, NULL,
                     g_strdup_printf (_("has %u fields, but the header names only %u columns."),
                                      record->fields->len, import->headers->len));
        return FALSE;
      }
  return TRUE;
}

static void
check_record (Import            *import,
              const CdCsvRecord *record)
{
  Row *row;
  gboolean ok = TRUE;
  guint before = import->report->problems->len;

  if (record_is_empty (record))
    return;
  import->report->rows_read++;
  if (record->problem != NULL)
    {
      add_problem (import, record->line, NULL, g_strdup (record->problem));
      return;
    }
  if (!check_width (import, record))
    return;

  row = g_new0 (Row, 1);
  row->line = record->line;
  for (guint f = 0; f < N_FIELDS; f++)
    if (import->column_of[f] >= 0)
      ok &= read_value (import, record, row, (Field) f);

  /* A field that could not be read gives no name or code to compare. */
  if (ok)
    {
      check_name (import, row);
      check_credit_code (import, row);
      if (import->kind == CD_KIND_CLIENTS)
        {
          check_tier (import, row);
          check_owner (import, row);
          check_status (import, row);
        }
      else
        check_category (import, row);
    }

  if (import->report->problems->len == before)
    g_ptr_array_add (import->rows, row);
  else
    row_free (row);
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (Import       *import,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cd_store_set_error (import->store, error, rc, _("importing the file"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_client (Import     *import,
               const Row  *row,
               GError    **error)
{
  g_autofree char *contact = NULL;
  sqlite3_stmt *stmt;
  static const Field columns[] = { F_NAME, F_SHORT_NAME, F_CREDIT_CODE, F_INDUSTRY, F_REGION,
                                   F_ADDRESS, F_TIER, F_STATUS, F_NOTES };

  stmt = cd_store_prepare (import->store,
                           "INSERT INTO client (name, short_name, credit_code, industry, region, address,"
                           " tier, status, notes, owner_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    bind_value (stmt, (int) i + 1, row->values[columns[i]]);
  if (row->owner_id > 0)
    sqlite3_bind_int64 (stmt, 10, row->owner_id);
  if (!step_done (import, stmt, error))
    return FALSE;
  if (row->values[F_CONTACT] == NULL && row->values[F_PHONE] == NULL && row->values[F_EMAIL] == NULL)
    return TRUE;

  /* A phone or email without a person is the company's own line: the
   * contact is named after the company so that it can be found. */
  if (row->values[F_CONTACT] == NULL)
    {
      const char *company = row->values[F_SHORT_NAME] ? row->values[F_SHORT_NAME] : row->values[F_NAME];

      /* g_utf8_substring () reads past the end of a shorter string. */
      contact = (gsize) g_utf8_strlen (company, -1) <= fields[F_CONTACT].max_chars
                  ? g_strdup (company)
                  : g_utf8_substring (company, 0, fields[F_CONTACT].max_chars);
    }

  stmt = cd_store_prepare (import->store,
                           "INSERT INTO contact (client_id, name, phone, email, is_primary)"
                           " VALUES (?1, ?2, ?3, ?4, 1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (cd_store_get_db (import->store)));
  bind_value (stmt, 2, contact != NULL ? contact : row->values[F_CONTACT]);
  bind_value (stmt, 3, row->values[F_PHONE]);
  bind_value (stmt, 4, row->values[F_EMAIL]);
  return step_done (import, stmt, error);
}

static gboolean
insert_supplier (Import     *import,
                 const Row  *row,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  static const Field columns[] = { F_NAME, F_CATEGORY, F_CREDIT_CODE, F_CONTACT, F_PHONE,
                                   F_ADDRESS, F_BANK, F_ACCOUNT, F_NOTES };

  stmt = cd_store_prepare (import->store,
                           "INSERT INTO supplier (name, category, credit_code, contact, phone, address,"
                           " bank, account, notes, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'active')",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    bind_value (stmt, (int) i + 1, row->values[columns[i]]);
  return step_done (import, stmt, error);
}

static gboolean
write_rows (Import  *import,
            GError **error)
{
  for (guint i = 0; i < import->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (import->rows, i);
      gboolean ok = import->kind == CD_KIND_CLIENTS ? insert_client (import, row, error)
                                                    : insert_supplier (import, row, error);

      if (!ok)
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The import                                                              */

static void
import_init (Import         *import,
             CdStore        *store,
             CdKind          kind,
             CdImportReport *report)
{
  import->store = store;
  import->kind = kind;
  import->report = report;
  for (guint f = 0; f < N_FIELDS; f++)
    import->column_of[f] = -1;
  import->headers = g_ptr_array_new_with_free_func (g_free);
  import->tiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->tier_codes = g_ptr_array_new_with_free_func (g_free);
  import->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->db_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->db_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->file_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->file_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->rows = g_ptr_array_new_with_free_func (row_free);
}

static void
import_clear (Import *import)
{
  g_ptr_array_unref (import->headers);
  g_hash_table_unref (import->tiers);
  g_ptr_array_unref (import->tier_codes);
  g_hash_table_unref (import->staff);
  g_hash_table_unref (import->db_names);
  g_hash_table_unref (import->db_codes);
  g_hash_table_unref (import->file_names);
  g_hash_table_unref (import->file_codes);
  g_ptr_array_unref (import->rows);
}

static CdCsvDocument *
read_document (const char      *path,
               CdImportReport  *report,
               GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  CdCsvDocument *document;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_IO,
                   _("The file could not be read: %s."), local_error->message);
      return NULL;
    }

  document = cd_csv_parse (data, length, &local_error);
  if (document == NULL)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID, local_error->message);
      return NULL;
    }

  report->encoding = g_strdup (document->encoding);
  report->delimiter = g_strdup (document->delimiter == '\t' ? "\t" : ",");
  if (document->records->len == 0)
    {
      g_set_error_literal (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                           _("The file is empty: it needs a header row naming the columns."));
      cd_csv_document_free (document);
      return NULL;
    }
  return document;
}

/* Everything but the writing; the caller holds the store's lock. */
static gboolean
check_document (Import               *import,
                const CdCsvDocument  *document,
                GError              **error)
{
  const CdCsvRecord *header = g_ptr_array_index (document->records, 0);

  if (header->problem != NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("The header row cannot be read: %s"), header->problem);
      return FALSE;
    }
  if (!map_header (import, header, error) || !load_lookups (import, error))
    return FALSE;

  for (guint i = 1; i < document->records->len; i++)
    check_record (import, g_ptr_array_index (document->records, i));

  if (import->bad_rows > 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   ngettext ("%u row has problems; nothing was imported.",
                             "%u rows have problems; nothing was imported.", import->bad_rows),
                   import->bad_rows);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_import (Import               *import,
            const CdCsvDocument  *document,
            gboolean              dry_run,
            GError              **error)
{
  gboolean ok;

  if (dry_run)
    {
      cd_store_lock (import->store);
      ok = check_document (import, document, error);
      cd_store_unlock (import->store);
      return ok;
    }

  /* BEGIN IMMEDIATE: no other writer between the checks and the inserts. */
  if (!cd_store_begin (import->store, error))
    return FALSE;
  if (!check_document (import, document, error) || !write_rows (import, error))
    {
      cd_store_rollback (import->store);
      return FALSE;
    }
  if (!cd_store_commit (import->store, error))
    return FALSE;
  import->report->rows_imported = import->rows->len;
  return TRUE;
}

void
cd_import_report_free (CdImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->encoding);
  g_free (report->delimiter);
  g_strfreev (report->mapped_columns);
  g_strfreev (report->unknown_columns);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

gboolean
cd_import_csv (CdStore         *store,
               CdKind           kind,
               const char      *path,
               gboolean         dry_run,
               CdImportReport **out_report,
               GError         **error)
{
  g_autoptr (CdImportReport) report = NULL;
  g_autoptr (CdCsvDocument) document = NULL;
  Import import = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind == CD_KIND_CLIENTS || kind == CD_KIND_SUPPLIERS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = g_new0 (CdImportReport, 1);
  report->problems = g_ptr_array_new_with_free_func (problem_free);

  document = read_document (path, report, error);
  if (document != NULL)
    {
      import_init (&import, store, kind, report);
      ok = run_import (&import, document, dry_run, error);
      import_clear (&import);
    }

  if (!ok)
    report->rows_imported = 0;
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return ok;
}

/**
 * cd_import_problem_to_string:
 *
 * Returns: (transfer full): "line N, column C: reason", translated, the way
 *   the command line and the import dialog show a problem.
 */
char *
cd_import_problem_to_string (const CdImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column != NULL)
    return g_strdup_printf (_("line %u, column %s: %s"), problem->line, problem->column, problem->reason);
  return g_strdup_printf (_("line %u: %s"), problem->line, problem->reason);
}
