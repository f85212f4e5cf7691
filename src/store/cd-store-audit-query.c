/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the audit log back: the entries of one row or of a search, with
 * old and new JSON compared field by field (SQLite's json_each, so no JSON
 * parser of our own) and every value put into words. Statements are
 * literals with bound parameters; the search picks the statement whose
 * index fits (row, person, or neither) rather than OR-ing optional
 * conditions, which would make SQLite scan the whole log. */
#define G_LOG_DOMAIN "cd-store"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/cd-money.h"
#include "store/cd-store-audit-query.h"
#include "store/cd-store-private.h"

#define DEFAULT_LIMIT 200
/* Notes and clauses can be pages long; the log keeps them whole, the
 * history shows their start. */
#define MAX_VALUE_CHARS 300

#define ENTRY_COLUMNS \
  "SELECT a.id, a.at, coalesce (a.staff_id, 0), s.name, a.table_name," \
  " coalesce (a.row_id, 0), a.action, a.old_values, a.new_values" \
  " FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id"

/* ?1 table, ?2 row, ?3 staff, ?4 from, ?5 until, ?6 limit, ?7 offset;
 * by_row_sql also ?8/?10 the tables of the record's parts and ?9/?11
 * their JSON paths to the record's id (NULL: none). */
static const char by_row_sql[] =
  ENTRY_COLUMNS
  " WHERE ((a.table_name = ?1 AND a.row_id = ?2)"
  "  OR (a.table_name = ?8 AND json_extract (coalesce (a.new_values, a.old_values), ?9) = ?2)"
  "  OR (a.table_name = ?10 AND json_extract (coalesce (a.new_values, a.old_values), ?11) = ?2))"
  " AND a.at >= ?4 AND a.at < ?5 AND ?3 IN (0, a.staff_id)"
  " ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

/* The rows that are parts of a record, shown in its history: a quote's
 * lines are what changes in a quote. Each part names its record in a
 * column, kept in the audit entry's values. At most two parts a record
 * (by_row_sql). */
static const struct
{
  const char *table;
  const char *part_table;
  const char *path;        /* JSON path of the column holding the record's id */
} record_parts[] = {
  { "quote", "quote_line", "$.quote_id" },
  { "contract", "installment", "$.contract_id" },
  { "acceptance", "acceptance_item", "$.acceptance_id" },
  { "pickup_slip", "pickup_slip_line", "$.slip_id" },
  { "supplier_order", "supplier_order_line", "$.order_id" },
  { "meeting", "meeting_attendee", "$.meeting_id" },
  { "meeting", "meeting_action", "$.meeting_id" },
  { "visit_plan", "visit_plan_entry", "$.plan_id" },
  { "client", "contact", "$.client_id" },
};

static void
bind_parts (sqlite3_stmt *stmt, const char *table)
{
  int slot = 8;

  for (guint i = 0; i < G_N_ELEMENTS (record_parts) && slot <= 10; i++)
    if (g_strcmp0 (record_parts[i].table, table) == 0)
      {
        sqlite3_bind_text (stmt, slot, record_parts[i].part_table, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, slot + 1, record_parts[i].path, -1, SQLITE_STATIC);
        slot += 2;
      }
  for (; slot <= 10; slot += 2)
    {
      sqlite3_bind_null (stmt, slot);
      sqlite3_bind_null (stmt, slot + 1);
    }
}

static const char by_staff_sql[] =
  ENTRY_COLUMNS
  " WHERE a.staff_id = ?3 AND a.at >= ?4 AND a.at < ?5"
  " AND (?1 IS NULL OR a.table_name = ?1)"
  " ORDER BY a.at DESC, a.id DESC LIMIT ?6 OFFSET ?7";

static const char by_nobody_sql[] =
  ENTRY_COLUMNS
  " WHERE a.staff_id IS NULL AND a.at >= ?4 AND a.at < ?5"
  " AND (?1 IS NULL OR a.table_name = ?1)"
  " ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static const char by_table_sql[] =
  ENTRY_COLUMNS
  " WHERE a.table_name = ?1 AND a.at >= ?4 AND a.at < ?5"
  " ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static const char any_sql[] =
  ENTRY_COLUMNS
  " WHERE a.at >= ?4 AND a.at < ?5"
  " ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static const char json_sql[] =
  "SELECT key, atom, type FROM json_each (?1) ORDER BY id";

/* Fields whose value is the id of another record, and how to name it. */
static const struct
{
  const char *field;
  const char *sql;
} references[] = {
  { "client_id", "SELECT name FROM client WHERE id = ?1" },
  { "supplier_id", "SELECT name FROM supplier WHERE id = ?1" },
  { "contact_id", "SELECT name FROM contact WHERE id = ?1" },
  { "project_id", "SELECT number || ' ' || name FROM project WHERE id = ?1" },
  { "contract_id", "SELECT number FROM contract WHERE id = ?1" },
  { "amends_id", "SELECT number FROM contract WHERE id = ?1" },
  { "quote_id", "SELECT number || ' v' || version FROM quote WHERE id = ?1" },
  { "previous_id", "SELECT number || ' v' || version FROM quote WHERE id = ?1" },
  { "work_order_id", "SELECT number FROM work_order WHERE id = ?1" },
  { "supplier_order_id", "SELECT number FROM supplier_order WHERE id = ?1" },
  { "order_id", "SELECT number FROM supplier_order WHERE id = ?1" },
  { "rework_of_id", "SELECT number FROM supplier_order WHERE id = ?1" },
  { "acceptance_id", "SELECT number FROM acceptance WHERE id = ?1" },
  { "slip_id", "SELECT number FROM pickup_slip WHERE id = ?1" },
  { "catalogue_item_id", "SELECT name FROM catalogue_item WHERE id = ?1" },
};

static const char *const staff_fields[] = {
  "staff_id", "owner_id", "ae_id", "am_id", "assignee_id", "issued_by", "lead_id",
  "changed_by", "from_staff", "to_staff", "reviewed_by", "signed_by",
};

/* Field labels people know; the rest are derived from the column name. */
static const struct
{
  const char *field;
  const char *label;
} field_labels[] = {
  { "name", N_("Name") },
  { "number", N_("Number") },
  { "status", N_("Status") },
  { "client_id", N_("Client") },
  { "supplier_id", N_("Supplier") },
  { "project_id", N_("Project") },
  { "contract_id", N_("Contract") },
  { "quote_id", N_("Quote") },
  { "order_id", N_("Supplier order") },
  { "supplier_order_id", N_("Supplier order") },
  { "staff_id", N_("Staff member") },
  { "owner_id", N_("Owner") },
  { "am_id", N_("Account manager") },
  { "ae_id", N_("Account executive") },
  { "assignee_id", N_("Assignee") },
  { "issued_by", N_("Issued by") },
  { "signed_by", N_("Signed by") },
  { "reviewed_by", N_("Reviewed by") },
  { "amount_fen", N_("Amount") },
  { "total_fen", N_("Total") },
  { "subtotal_fen", N_("Subtotal") },
  { "tax_fen", N_("Tax") },
  { "unit_price_fen", N_("Unit price") },
  { "qty_milli", N_("Quantity") },
  { "tax_rate_bp", N_("Tax rate") },
  { "discount_bp", N_("Discount") },
  { "date", N_("Date") },
  { "due_date", N_("Due date") },
  { "signed_date", N_("Signed on") },
  { "signed_on", N_("Signed on") },
  { "accepted_date", N_("Accepted on") },
  { "delivered_date", N_("Delivered on") },
  { "promised_date", N_("Promised for") },
  { "order_date", N_("Ordered on") },
  { "reference", N_("Reference") },
  { "notes", N_("Notes") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
  { "address", N_("Address") },
  { "credit_code", N_("Credit code") },
  { "tier", N_("Tier") },
  { "title", N_("Title") },
  { "active", N_("Active") },
  { "locked_hash", N_("Lock seal") },
  { "created_at", N_("Created") },
  { "updated_at", N_("Updated") },
};

static const struct
{
  const char *table;
  const char *label;
} table_labels[] = {
  { "client", N_("Client") },
  { "contact", N_("Contact") },
  { "project", N_("Project") },
  { "quote", N_("Quote") },
  { "quote_line", N_("Quote line") },
  { "contract", N_("Contract") },
  { "installment", N_("Installment") },
  { "payment", N_("Payment received") },
  { "work_order", N_("Work order") },
  { "supplier", N_("Supplier") },
  { "supplier_quote", N_("Supplier quote") },
  { "supplier_order", N_("Supplier order") },
  { "supplier_order_line", N_("Supplier order line") },
  { "supplier_payment", N_("Payment to supplier") },
  { "acceptance", N_("Delivery acceptance") },
  { "pickup_slip", N_("Pickup slip") },
  { "visit", N_("Visit") },
  { "feedback", N_("Feedback") },
  { "staff", N_("Staff member") },
  { "setting", N_("Setting") },
};

typedef struct
{
  char *key;
  char *value; /* NULL: SQL/JSON null */
} Field;

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->key);
  g_free (field->value);
}

static void
audit_change_free (gpointer data)
{
  CdAuditChange *change = data;

  g_free (change->field);
  g_free (change->label);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

void
cd_audit_entry_free (CdAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->at, g_date_time_unref);
  g_free (entry->staff_name);
  g_free (entry->table_name);
  g_free (entry->action);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

/* "supplier_order_line" → "Supplier order line"; suffixes that only say
 * how a value is stored (_id, _fen, _milli, _bp) are dropped. */
static char *
humanise (const char *name)
{
  static const char *const suffixes[] = { "_id", "_fen", "_milli", "_bp" };
  g_autofree char *base = g_strdup (name != NULL ? name : "");
  char *text;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (base, suffixes[i]) && strlen (base) > strlen (suffixes[i]))
      {
        base[strlen (base) - strlen (suffixes[i])] = '\0';
        break;
      }
  g_strdelimit (base, "_", ' ');
  if (base[0] == '\0')
    return g_strdup (name);
  text = g_strdup_printf ("%c%s", g_ascii_toupper (base[0]), base + 1);
  return text;
}

const char *
cd_audit_action_label (const char *action)
{
  /* Contexts: "Created" is also a column heading (a date), which another
   * language may word differently from the act. */
  if (g_strcmp0 (action, "insert") == 0)
    return C_("audit action", "Created");
  if (g_strcmp0 (action, "update") == 0)
    return C_("audit action", "Changed");
  if (g_strcmp0 (action, "delete") == 0)
    return C_("audit action", "Deleted");
  if (g_strcmp0 (action, "bulk") == 0)
    return C_("audit action", "Loaded in bulk");
  return C_("audit action", "Recorded");
}

char *
cd_audit_table_label (const char *table_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_strcmp0 (table_name, table_labels[i].table) == 0)
      return g_strdup (_(table_labels[i].label));
  return humanise (table_name);
}

char *
cd_audit_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field, field_labels[i].field) == 0)
      return g_strdup (_(field_labels[i].label));
  return humanise (field);
}

static const char *
reference_sql (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (g_str_equal (field, references[i].field))
      return references[i].sql;
  for (guint i = 0; i < G_N_ELEMENTS (staff_fields); i++)
    if (g_str_equal (field, staff_fields[i]))
      return "SELECT name FROM staff WHERE id = ?1";
  return NULL;
}

/* "Acme Ltd (#12)", or "#12" when the record is gone. */
static char *
reference_text (CdStore *self, const char *sql, const char *value)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, sql, NULL);
  gint64 id = g_ascii_strtoll (value, NULL, 10);
  char *text = NULL;

  if (stmt == NULL)
    return g_strdup_printf ("#%s", value);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup_printf ("%s (#%" PRId64 ")",
                            (const char *) sqlite3_column_text (stmt, 0), id);
  sqlite3_reset (stmt);
  return text != NULL ? text : g_strdup_printf ("#%" PRId64, id);
}

static char *
shorten (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  if (g_utf8_strlen (valid, -1) <= MAX_VALUE_CHARS)
    return g_steal_pointer (&valid);
  return g_strdup_printf ("%s…", g_utf8_substring (valid, 0, MAX_VALUE_CHARS));
}

/* A stored value in words: money as money, basis points as a percentage,
 * references by name, flags as yes/no; NULL as "empty". */
static char *
value_text (CdStore *self, const char *field, const char *value)
{
  const char *sql;

  if (value == NULL || value[0] == '\0')
    return g_strdup (_("(empty)"));
  if (g_str_has_suffix (field, "_hash"))
    return g_strdup (_("sealed"));
  if (g_str_has_suffix (field, "_fen"))
    return cd_money_format (g_ascii_strtoll (value, NULL, 10));
  if (g_str_has_suffix (field, "_milli"))
    return cd_quantity_format (g_ascii_strtoll (value, NULL, 10));
  if (g_str_has_suffix (field, "_bp"))
    {
      gint64 bp = g_ascii_strtoll (value, NULL, 10);
      if (bp % 100 == 0)
        return g_strdup_printf ("%" PRId64 "%%", bp / 100);
      return g_strdup_printf ("%" PRId64 ".%02d%%", bp / 100, (int) ABS (bp % 100));
    }
  if ((g_str_equal (field, "active") || g_str_has_prefix (field, "is_"))
      && (g_str_equal (value, "0") || g_str_equal (value, "1")))
    return g_strdup (g_str_equal (value, "1") ? _("yes") : _("no"));
  if (strlen (value) == 20 && value[10] == 'T' && value[19] == 'Z')
    {
      /* A timestamp the database wrote in UTC: shown in local time. */
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (value, NULL);
      g_autoptr (GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
      if (local != NULL)
        return g_date_time_format (local, "%Y-%m-%d %H:%M");
    }
  sql = reference_sql (field);
  if (sql != NULL)
    return reference_text (self, sql, value);
  if (g_str_equal (field, "status") || g_str_equal (field, "role") || g_str_equal (field, "kind"))
    {
      char *words = g_strdup (value);
      return g_strdelimit (words, "_", ' ');
    }
  return shorten (value);
}

/* The fields of a JSON object, in column order; NULL on unreadable JSON. */
static GArray *
read_fields (CdStore *self, const char *json)
{
  sqlite3_stmt *stmt;
  GArray *fields;
  int rc;

  if (json == NULL)
    return NULL;
  stmt = cd_store_prepare (self, json_sql, NULL);
  if (stmt == NULL)
    return NULL;
  fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (fields, field_clear);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Field field = { 0 };
      const char *type = (const char *) sqlite3_column_text (stmt, 2);

      field.key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (g_strcmp0 (type, "object") == 0 || g_strcmp0 (type, "array") == 0)
        field.value = g_strdup (_("(structured value)"));
      else if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        field.value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (fields, field);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    g_clear_pointer (&fields, g_array_unref);
  return fields;
}

static const Field *
find_field (GArray *fields, const char *key)
{
  if (fields == NULL)
    return NULL;
  for (guint i = 0; i < fields->len; i++)
    if (g_strcmp0 (g_array_index (fields, Field, i).key, key) == 0)
      return &g_array_index (fields, Field, i);
  return NULL;
}

static void
add_change (CdStore *self, GPtrArray *changes, const char *key,
            const Field *before, const Field *after)
{
  CdAuditChange *change = g_new0 (CdAuditChange, 1);

  change->field = g_strdup (key);
  change->label = cd_audit_field_label (key);
  if (before != NULL)
    change->old_text = value_text (self, key, before->value);
  if (after != NULL)
    change->new_text = value_text (self, key, after->value);
  g_ptr_array_add (changes, change);
}

/* The changes of one entry: on an update the fields that differ, on an
 * insert or delete those that hold a value (the row's own id is the record
 * itself, not a change). */
static GPtrArray *
compare (CdStore *self, const char *old_json, const char *new_json)
{
  g_autoptr (GArray) before = read_fields (self, old_json);
  g_autoptr (GArray) after = read_fields (self, new_json);
  GPtrArray *changes = g_ptr_array_new_with_free_func (audit_change_free);
  GArray *order = after != NULL ? after : before;

  for (guint i = 0; order != NULL && i < order->len; i++)
    {
      const char *key = g_array_index (order, Field, i).key;
      const Field *b = find_field (before, key);
      const Field *a = find_field (after, key);

      if (g_strcmp0 (key, "id") == 0)
        continue;
      if (b != NULL && a != NULL)
        {
          if (g_strcmp0 (b->value, a->value) != 0)
            add_change (self, changes, key, b, a);
        }
      else if ((a != NULL && a->value != NULL) || (b != NULL && b->value != NULL))
        add_change (self, changes, key, b, a);
    }
  /* A column only in the old values (dropped since) is still a change. */
  for (guint i = 0; after != NULL && before != NULL && i < before->len; i++)
    {
      const Field *b = &g_array_index (before, Field, i);
      if (find_field (after, b->key) == NULL && b->value != NULL)
        add_change (self, changes, b->key, b, NULL);
    }
  return changes;
}

static char *
utc_text (GDateTime *when, const char *fallback)
{
  g_autoptr (GDateTime) utc = NULL;

  if (when == NULL)
    return g_strdup (fallback);
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static sqlite3_stmt *
prepare_for (CdStore *self, const CdAuditFilter *filter, GError **error)
{
  const char *sql;

  if (filter->table_name != NULL && filter->row_id != 0)
    sql = by_row_sql;
  else if (filter->staff_id == CD_AUDIT_NOBODY)
    sql = by_nobody_sql;
  else if (filter->staff_id != 0)
    sql = by_staff_sql;
  else if (filter->table_name != NULL)
    sql = by_table_sql;
  else
    sql = any_sql;
  return cd_store_prepare (self, sql, error);
}

static CdAuditEntry *
read_entry (CdStore *self, sqlite3_stmt *stmt)
{
  CdAuditEntry *entry = g_new0 (CdAuditEntry, 1);
  const char *at = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *old_json = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  g_autofree char *new_json = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = at != NULL ? g_date_time_new_from_iso8601 (at, utc) : NULL;
  if (entry->at == NULL)
    entry->at = g_date_time_new_from_unix_utc (0);
  entry->staff_id = sqlite3_column_int64 (stmt, 2);
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    entry->staff_name = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 3), -1);
  entry->table_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->row_id = sqlite3_column_int64 (stmt, 5);
  entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  /* Other statements run while this one stays positioned on its row:
   * the JSON was copied out above for that reason. */
  entry->changes = compare (self, old_json, new_json);
  return entry;
}

GPtrArray *
cd_store_audit_query (CdStore             *self,
                      const CdAuditFilter *filter,
                      GError             **error)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  from = utc_text (filter->from, "0000");
  until = utc_text (filter->until, "9999");
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_audit_entry_free);
  cd_store_lock (self);
  stmt = prepare_for (self, filter, error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  if (filter->table_name != NULL)
    sqlite3_bind_text (stmt, 1, filter->table_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, filter->row_id);
  sqlite3_bind_int64 (stmt, 3, filter->staff_id);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, until, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, filter->limit > 0 ? filter->limit : DEFAULT_LIMIT);
  sqlite3_bind_int64 (stmt, 7, filter->offset);
  if (filter->table_name != NULL && filter->row_id != 0)
    bind_parts (stmt, filter->table_name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (self, stmt));
  if (rc != SQLITE_DONE)
    cd_store_set_error (self, error, rc, _("reading the audit log"));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

typedef struct
{
  char      *table_name;
  CdAuditFilter filter;
} QueryArgs;

static void
query_args_free (gpointer data)
{
  QueryArgs *args = data;

  g_free (args->table_name);
  g_clear_pointer (&args->filter.from, g_date_time_unref);
  g_clear_pointer (&args->filter.until, g_date_time_unref);
  g_free (args);
}

static void
query_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  QueryArgs *args = data;
  GError *error = NULL;
  GPtrArray *entries;

  if (g_task_return_error_if_cancelled (task))
    return;
  entries = cd_store_audit_query (CD_STORE (source), &args->filter, &error);
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
cd_store_audit_query_async (CdStore             *self,
                            const CdAuditFilter *filter,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  QueryArgs *args;

  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (filter != NULL);

  args = g_new0 (QueryArgs, 1);
  args->filter = *filter;
  args->table_name = g_strdup (filter->table_name);
  args->filter.table_name = args->table_name;
  args->filter.from = filter->from != NULL ? g_date_time_ref (filter->from) : NULL;
  args->filter.until = filter->until != NULL ? g_date_time_ref (filter->until) : NULL;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_audit_query_async);
  g_task_set_task_data (task, args, query_args_free);
  g_task_run_in_thread (task, query_thread);
}

GPtrArray *
cd_store_audit_query_finish (CdStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GVariant *
cd_store_audit_people (CdStore *self, GError **error)
{
  GVariantBuilder builder;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, "SELECT id, name FROM staff ORDER BY name, id", error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xs)"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *name = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1), -1);
      g_variant_builder_add (&builder, "(xs)", sqlite3_column_int64 (stmt, 0), name);
    }
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

char **
cd_store_audit_tables (CdStore *self, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  /* The tables that have audit triggers are the audited ones. */
  stmt = cd_store_prepare (self,
                           "SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger'"
                           " AND name LIKE 'audit\\_%\\_insert' ESCAPE '\\' ORDER BY tbl_name",
                           error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  return g_strv_builder_end (builder);
}
