/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Delivery acceptance (交货验收) and the output checklist (出品检查表): an
 * inspection made from a checklist template, each item judged pass, fail or
 * conditional with a note, the goods counted against the order, photos
 * attached; signed by the account manager when quality passes (签字确认).
 * Signing decides the order in the same transaction, and from then on the
 * database refuses any change to the acceptance, its items, its counts and
 * its photos. */
#define G_LOG_DOMAIN "cd-store"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "store/cd-store-supply-private.h"

/* ------------------------------------------------------------------ */
/* Results                                                             */

static const char *const result_names[] = { NULL, "pass", "fail", "conditional" };

const char *
cd_check_result_to_string (CdCheckResult result)
{
  g_return_val_if_fail (result <= CD_CHECK_CONDITIONAL, NULL);
  return result_names[result];
}

CdCheckResult
cd_check_result_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (result_names); i++)
    if (g_strcmp0 (text, result_names[i]) == 0)
      return (CdCheckResult) i;
  return CD_CHECK_UNJUDGED;
}

const char *
cd_check_result_label (CdCheckResult result)
{
  switch (result)
    {
    case CD_CHECK_PASS: return C_("check result", "Pass");
    case CD_CHECK_FAIL: return C_("check result", "Fail");
    case CD_CHECK_CONDITIONAL: return C_("check result", "Conditional");
    case CD_CHECK_UNJUDGED:
    default: return C_("check result", "Not judged");
    }
}

/* ------------------------------------------------------------------ */
/* The record                                                          */

static void
item_free (CdAcceptanceItem *item)
{
  g_free (item->text);
  g_free (item->note);
  g_free (item);
}

static void
count_free (CdAcceptanceCount *count)
{
  g_free (count->item);
  g_free (count->unit);
  g_free (count);
}

void
cd_attachment_info_free (CdAttachmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->filename);
  g_free (info->mime_type);
  g_free (info->added_at);
  g_free (info);
}

void
cd_acceptance_free (CdAcceptance *a)
{
  if (a == NULL)
    return;
  g_free (a->number);
  g_free (a->kind);
  g_free (a->inspected_date);
  g_free (a->signed_date);
  g_free (a->notes);
  g_free (a->locked_hash);
  g_free (a->order_number);
  g_free (a->supplier_name);
  g_free (a->supplier_category);
  g_free (a->project_number);
  g_free (a->project_name);
  g_free (a->promised_date);
  g_free (a->delivered_date);
  g_free (a->work_order_number);
  g_free (a->template_name);
  g_free (a->signer_name);
  g_clear_pointer (&a->items, g_ptr_array_unref);
  g_clear_pointer (&a->counts, g_ptr_array_unref);
  g_clear_pointer (&a->photos, g_ptr_array_unref);
  g_free (a);
}

gboolean
cd_acceptance_count_mismatch (const CdAcceptanceCount *count)
{
  return count->received_milli >= 0 && count->received_milli != count->ordered_milli;
}

guint
cd_acceptance_count_mismatches (const CdAcceptance *a)
{
  guint n = 0;

  for (guint i = 0; a->counts != NULL && i < a->counts->len; i++)
    if (cd_acceptance_count_mismatch (g_ptr_array_index (a->counts, i)))
      n++;
  return n;
}

gboolean
cd_acceptance_all_judged (const CdAcceptance *a)
{
  for (guint i = 0; i < a->items->len; i++)
    if (((CdAcceptanceItem *) g_ptr_array_index (a->items, i))->result == CD_CHECK_UNJUDGED)
      return FALSE;
  return a->items->len > 0;
}

CdCheckResult
cd_acceptance_compute_result (const CdAcceptance *a)
{
  gboolean conditional = cd_acceptance_count_mismatches (a) > 0;

  for (guint i = 0; i < a->items->len; i++)
    {
      CdCheckResult r = ((CdAcceptanceItem *) g_ptr_array_index (a->items, i))->result;

      if (r == CD_CHECK_FAIL)
        return CD_CHECK_FAIL;
      if (r == CD_CHECK_CONDITIONAL)
        conditional = TRUE;
    }
  /* Short or over delivery is never a clean pass. */
  return conditional ? CD_CHECK_CONDITIONAL : CD_CHECK_PASS;
}

gboolean
cd_acceptance_is_late (const CdAcceptance *a)
{
  return a->promised_date != NULL && a->delivered_date != NULL
         && strcmp (a->delivered_date, a->promised_date) > 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

#define ACCEPTANCE_SELECT \
  "SELECT a.id, a.number, a.kind, coalesce (a.supplier_order_id, 0), coalesce (a.work_order_id, 0)," \
  " coalesce (a.template_id, 0), a.status, a.result, a.inspected_date, coalesce (a.signed_by, 0)," \
  " a.signed_date, a.notes, a.locked_hash, o.number, o.status, s.name, s.category, p.number, p.name," \
  " o.promised_date, o.delivered_date, w.number, t.name, st.name" \
  " FROM acceptance a LEFT JOIN supplier_order o ON o.id = a.supplier_order_id" \
  " LEFT JOIN supplier s ON s.id = o.supplier_id" \
  " LEFT JOIN work_order w ON w.id = a.work_order_id" \
  " LEFT JOIN project p ON p.id = coalesce (o.project_id, w.project_id)" \
  " LEFT JOIN checklist_template t ON t.id = a.template_id" \
  " LEFT JOIN staff st ON st.id = a.signed_by"

static CdAcceptance *
acceptance_from_row (sqlite3_stmt *stmt)
{
  CdAcceptance *a = g_new0 (CdAcceptance, 1);
  int order_status;

  a->id = sqlite3_column_int64 (stmt, 0);
  a->number = cd_docs_column_dup (stmt, 1);
  a->kind = cd_docs_column_dup (stmt, 2);
  a->supplier_order_id = sqlite3_column_int64 (stmt, 3);
  a->work_order_id = sqlite3_column_int64 (stmt, 4);
  a->template_id = sqlite3_column_int64 (stmt, 5);
  a->status = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "signed") == 0
              ? CD_ACCEPTANCE_SIGNED : CD_ACCEPTANCE_DRAFT;
  a->result = cd_check_result_from_string ((const char *) sqlite3_column_text (stmt, 7));
  a->inspected_date = cd_docs_column_dup (stmt, 8);
  a->signed_by = sqlite3_column_int64 (stmt, 9);
  a->signed_date = cd_docs_column_dup (stmt, 10);
  a->notes = cd_docs_column_dup (stmt, 11);
  a->locked_hash = cd_docs_column_dup (stmt, 12);
  a->order_number = cd_docs_column_dup (stmt, 13);
  order_status = cd_state_index ("supplier_order", (const char *) sqlite3_column_text (stmt, 14));
  a->order_status = order_status >= 0 ? (CdSupplierOrderStatus) order_status : CD_SUPPLIER_ORDER_REQUESTED;
  a->supplier_name = cd_docs_column_dup (stmt, 15);
  a->supplier_category = cd_docs_column_dup (stmt, 16);
  a->project_number = cd_docs_column_dup (stmt, 17);
  a->project_name = cd_docs_column_dup (stmt, 18);
  a->promised_date = cd_docs_column_dup (stmt, 19);
  a->delivered_date = cd_docs_column_dup (stmt, 20);
  a->work_order_number = cd_docs_column_dup (stmt, 21);
  a->template_name = cd_docs_column_dup (stmt, 22);
  a->signer_name = cd_docs_column_dup (stmt, 23);
  a->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  a->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  a->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_attachment_info_free);
  return a;
}

static gboolean
step_error (CdStore *self, int rc, GError **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  cd_store_set_error (self, error, rc, _("reading an acceptance"));
  return FALSE;
}

static gboolean
load_items (CdStore *self, CdAcceptance *a, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT id, position, text, result, note FROM acceptance_item"
                                         " WHERE acceptance_id = ?1 ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdAcceptanceItem *item = g_new0 (CdAcceptanceItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->position = sqlite3_column_int (stmt, 1);
      item->text = cd_docs_column_dup (stmt, 2);
      item->result = cd_check_result_from_string ((const char *) sqlite3_column_text (stmt, 3));
      item->note = cd_docs_column_dup (stmt, 4);
      g_ptr_array_add (a->items, item);
    }
  sqlite3_reset (stmt);
  return step_error (self, rc, error);
}

static gboolean
load_counts (CdStore *self, CdAcceptance *a, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT id, coalesce (order_line_id, 0), position, item, unit,"
                                         " ordered_milli, coalesce (received_milli, -1)"
                                         " FROM acceptance_quantity WHERE acceptance_id = ?1"
                                         " ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdAcceptanceCount *count = g_new0 (CdAcceptanceCount, 1);

      count->id = sqlite3_column_int64 (stmt, 0);
      count->order_line_id = sqlite3_column_int64 (stmt, 1);
      count->position = sqlite3_column_int (stmt, 2);
      count->item = cd_docs_column_dup (stmt, 3);
      count->unit = cd_docs_column_dup (stmt, 4);
      count->ordered_milli = sqlite3_column_int64 (stmt, 5);
      count->received_milli = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (a->counts, count);
    }
  sqlite3_reset (stmt);
  return step_error (self, rc, error);
}

static gboolean
load_photos (CdStore *self, CdAcceptance *a, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "SELECT id, filename, mime_type, coalesce (length (content), 0),"
                                         " added_at FROM attachment"
                                         " WHERE owner_table = 'acceptance' AND owner_id = ?1 ORDER BY id",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdAttachmentInfo *info = g_new0 (CdAttachmentInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->filename = cd_docs_column_dup (stmt, 1);
      info->mime_type = cd_docs_column_dup (stmt, 2);
      info->size = sqlite3_column_int64 (stmt, 3);
      info->added_at = cd_docs_column_dup (stmt, 4);
      g_ptr_array_add (a->photos, info);
    }
  sqlite3_reset (stmt);
  return step_error (self, rc, error);
}

static CdAcceptance *
load_acceptance (CdStore *self, gint64 id, const char *number, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         number ? ACCEPTANCE_SELECT " WHERE a.number = ?1"
                                                : ACCEPTANCE_SELECT " WHERE a.id = ?1", error);
  g_autoptr (CdAcceptance) a = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (number != NULL)
    sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    a = acceptance_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE && number != NULL)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                 _("There is no acceptance numbered “%s”."), number);
  else if (rc == SQLITE_DONE)
    cd_supply_not_found (error, _("acceptance"), id);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, _("reading an acceptance"));
  if (a == NULL || !load_items (self, a, error) || !load_counts (self, a, error)
      || !load_photos (self, a, error))
    return NULL;
  return g_steal_pointer (&a);
}

CdAcceptance *
cd_store_acceptance_get (CdStore *self, gint64 id, GError **error)
{
  CdAcceptance *a;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  cd_store_lock (self);
  a = load_acceptance (self, id, NULL, error);
  cd_store_unlock (self);
  return a;
}

CdAcceptance *
cd_store_acceptance_find (CdStore *self, const char *number, GError **error)
{
  CdAcceptance *a;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  cd_store_lock (self);
  a = load_acceptance (self, 0, number, error);
  cd_store_unlock (self);
  return a;
}

GPtrArray *
cd_store_acceptances_for_order (CdStore *self, gint64 order_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_acceptance_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  cd_store_lock (self);
  stmt = cd_store_prepare (self, ACCEPTANCE_SELECT " WHERE a.supplier_order_id = ?1 ORDER BY a.id",
                           error);
  if (stmt == NULL)
    {
      cd_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, order_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, acceptance_from_row (stmt));
  sqlite3_reset (stmt);
  cd_store_unlock (self);
  return step_error (self, rc, error) ? g_steal_pointer (&list) : NULL;
}

/* ------------------------------------------------------------------ */
/* Starting an inspection                                              */

static gint64
insert_acceptance (CdStore *self, const char *kind, gint64 order_id, gint64 work_order_id,
                   const CdChecklistTemplate *t, const char *date, GError **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  GDate day;

  cd_docs_parse_date (date, &day);
  number = cd_store_next_number (self, "acceptance", &day, error);
  if (number == NULL)
    return 0;
  stmt = cd_store_prepare (self,
                           "INSERT INTO acceptance (number, kind, supplier_order_id, work_order_id,"
                           " template_id, status, inspected_date)"
                           " VALUES (?1, ?2, nullif (?3, 0), nullif (?4, 0), ?5, 'draft', ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, order_id);
  sqlite3_bind_int64 (stmt, 4, work_order_id);
  sqlite3_bind_int64 (stmt, 5, t->id);
  sqlite3_bind_text (stmt, 6, date, -1, SQLITE_TRANSIENT);
  if (!cd_docs_run (self, stmt, _("starting an acceptance"), error))
    return 0;
  return cd_docs_last_id (self);
}

static gboolean
insert_items (CdStore *self, gint64 id, const CdChecklistTemplate *t, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO acceptance_item (acceptance_id, position, text)"
                                         " VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < t->items->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (t->items, i), -1, SQLITE_TRANSIENT);
      if (!cd_docs_run (self, stmt, _("starting an acceptance"), error))
        return FALSE;
    }
  return TRUE;
}

/* One count per order line, received = ordered until someone says not. */
static gboolean
insert_counts (CdStore *self, gint64 id, const CdSupplierOrder *o, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self,
                                         "INSERT INTO acceptance_quantity (acceptance_id, order_line_id,"
                                         " position, item, unit, ordered_milli, received_milli)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < o->lines->len; i++)
    {
      const CdSupplierOrderLine *line = g_ptr_array_index (o->lines, i);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, line->id);
      sqlite3_bind_int (stmt, 3, line->position);
      sqlite3_bind_text (stmt, 4, line->item, -1, SQLITE_TRANSIENT);
      cd_docs_bind_text (stmt, 5, line->unit);
      sqlite3_bind_int64 (stmt, 6, line->qty_milli);
      if (!cd_docs_run (self, stmt, _("starting an acceptance"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_inspectable (CdStore *self, const CdSupplierOrder *o, const char *date, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 drafts;

  if (o->status != CD_SUPPLIER_ORDER_DELIVERED)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                   _("Order %s is %s: only a delivered order is inspected."), o->number,
                   cd_state_label ("supplier_order", cd_supplier_order_status_to_string (o->status)));
      return FALSE;
    }
  if (o->delivered_date != NULL && strcmp (date, o->delivered_date) < 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Inspection date: it comes before the delivery (%s)."), o->delivered_date);
      return FALSE;
    }
  stmt = cd_store_prepare (self,
                           "SELECT count(*) FROM acceptance WHERE supplier_order_id = ?1 AND status = 'draft'",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->id);
  drafts = cd_supply_query_id (self, stmt, error);
  if (drafts > 0)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                 _("Order %s already has an acceptance under way: finish that one."), o->number);
  return drafts == 0;
}

gint64
cd_store_acceptance_create_for_order (CdStore *self, gint64 order_id, const char *inspected_date,
                                      GError **error)
{
  g_autoptr (CdSupplierOrder) o = NULL;
  g_autoptr (CdChecklistTemplate) t = NULL;
  g_autofree char *date = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  date = cd_docs_resolve_date (inspected_date, _("Inspection date"), error);
  if (date == NULL || !cd_store_begin (self, error))
    return 0;
  o = cd_supply_load_order (self, order_id, TRUE, error);
  ok = o != NULL && check_inspectable (self, o, date, error)
       && (t = cd_supply_load_template_for_kind (self, o->supplier_category, error)) != NULL
       && (id = insert_acceptance (self, "delivery", order_id, 0, t, date, error)) > 0
       && insert_items (self, id, t, error) && insert_counts (self, id, o, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

static gboolean
check_work_order (CdStore *self, gint64 work_order_id, GError **error)
{
  sqlite3_stmt *stmt = cd_store_prepare (self, "SELECT status FROM work_order WHERE id = ?1", error);
  gboolean ok = FALSE;
  const char *status;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, work_order_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    cd_supply_not_found (error, _("work order"), work_order_id);
  else if (rc != SQLITE_ROW)
    cd_store_set_error (self, error, rc, NULL);
  else if ((status = (const char *) sqlite3_column_text (stmt, 0)) != NULL
           && (g_str_equal (status, "issued") || g_str_equal (status, "cancelled")))
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_STATE,
                 _("Output is checked once the work has started and is not cancelled."));
  else
    ok = TRUE;
  sqlite3_reset (stmt);
  return ok;
}

gint64
cd_store_acceptance_create_for_work_order (CdStore *self, gint64 work_order_id,
                                           const char *inspected_date, GError **error)
{
  g_autoptr (CdChecklistTemplate) t = NULL;
  g_autofree char *date = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  date = cd_docs_resolve_date (inspected_date, _("Inspection date"), error);
  if (date == NULL || !cd_store_begin (self, error))
    return 0;
  ok = check_work_order (self, work_order_id, error)
       && (t = cd_supply_load_template_for_kind (self, "output", error)) != NULL
       && (id = insert_acceptance (self, "output", 0, work_order_id, t, date, error)) > 0
       && insert_items (self, id, t, error);
  return cd_docs_finish (self, ok, error) ? id : 0;
}

/* ------------------------------------------------------------------ */
/* Judging                                                             */

/* Runs an UPDATE of one row bound by the caller; NOT_FOUND when it
 * touched nothing. The database refuses it when the acceptance is signed. */
static gboolean
update_one (CdStore *self, sqlite3_stmt *stmt, const char *what, gint64 id, GError **error)
{
  if (!cd_docs_run (self, stmt, _("saving an acceptance"), error))
    return FALSE;
  if (sqlite3_changes (cd_store_get_db (self)) == 0)
    return cd_supply_not_found (error, what, id);
  return TRUE;
}

gboolean
cd_store_acceptance_judge (CdStore *self, gint64 item_id, CdCheckResult result, const char *note,
                           GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (result <= CD_CHECK_CONDITIONAL, FALSE);

  if (!cd_docs_check_text (note, _("Note"), CD_SUPPLY_NOTE_MAX, FALSE, TRUE, error)
      || !cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE acceptance_item SET result = ?2, note = ?3 WHERE id = ?1",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *clean = cd_supply_clean_text (note);

      sqlite3_bind_int64 (stmt, 1, item_id);
      if (result != CD_CHECK_UNJUDGED)
        sqlite3_bind_text (stmt, 2, cd_check_result_to_string (result), -1, SQLITE_STATIC);
      cd_docs_bind_text (stmt, 3, clean);
      ok = update_one (self, stmt, _("checklist item"), item_id, error);
    }
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_acceptance_set_received (CdStore *self, gint64 count_id, gint64 received_milli,
                                  GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (received_milli < 0 || received_milli > CD_QUANTITY_MAX_MILLI)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                   _("Received quantity: give a number of zero or more."));
      return FALSE;
    }
  if (!cd_store_begin (self, error))
    return FALSE;
  stmt = cd_store_prepare (self, "UPDATE acceptance_quantity SET received_milli = ?2 WHERE id = ?1",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, count_id);
      sqlite3_bind_int64 (stmt, 2, received_milli);
      ok = update_one (self, stmt, _("count"), count_id, error);
    }
  return cd_docs_finish (self, ok, error);
}

gboolean
cd_store_acceptance_set_notes (CdStore *self, gint64 acceptance_id, const char *inspected_date,
                               const char *notes, GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  if (!cd_docs_check_text (notes, _("Notes"), CD_SUPPLY_NOTE_MAX, FALSE, TRUE, error)
      || (date = cd_docs_resolve_date (inspected_date, _("Inspection date"), error)) == NULL
      || !cd_store_begin (self, error))
    return FALSE;
  clean = cd_supply_clean_text (notes);
  stmt = cd_store_prepare (self, "UPDATE acceptance SET inspected_date = ?2, notes = ?3 WHERE id = ?1",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, acceptance_id);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
      cd_docs_bind_text (stmt, 3, clean);
      ok = update_one (self, stmt, _("acceptance"), acceptance_id, error);
    }
  return cd_docs_finish (self, ok, error);
}
