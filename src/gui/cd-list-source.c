/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-list-source.h"

/* Column keys follow the rows of src/store/cd-store-list.c and
 * src/store/cd-store-overview.c; a key a row lacks shows as an empty cell. */

static const CdColumnSpec client_columns[] = {
  { "name", N_("Name"), CD_COLUMN_TEXT, TRUE },
  { "short_name", N_("Short name"), CD_COLUMN_TEXT, FALSE },
  { "tier", N_("Tier"), CD_COLUMN_TEXT, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
  { "industry", N_("Industry"), CD_COLUMN_TEXT, FALSE },
  { "region", N_("Region"), CD_COLUMN_TEXT, FALSE },
  { "owner", N_("Manager"), CD_COLUMN_TEXT, FALSE },
  { "open_projects", N_("Projects"), CD_COLUMN_NUMBER, FALSE },
};

static const CdColumnSpec project_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "name", N_("Project"), CD_COLUMN_TEXT, TRUE },
  { "client", N_("Client"), CD_COLUMN_TEXT, TRUE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
  { "am", N_("Manager"), CD_COLUMN_TEXT, FALSE },
  { "start_date", N_("Started"), CD_COLUMN_DATE, FALSE },
  { "due_date", N_("Due"), CD_COLUMN_DATE, FALSE },
};

static const CdColumnSpec work_order_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "title", N_("Title"), CD_COLUMN_TEXT, TRUE },
  { "project", N_("Project"), CD_COLUMN_CODE, FALSE },
  { "department", N_("Department"), CD_COLUMN_ENUM, FALSE },
  { "assignee", N_("Assignee"), CD_COLUMN_TEXT, FALSE },
  { "issued_date", N_("Issued"), CD_COLUMN_DATE, FALSE },
  { "due_date", N_("Due"), CD_COLUMN_DATE, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
};

static const CdColumnSpec quote_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "version", N_("Version"), CD_COLUMN_NUMBER, FALSE },
  { "client", N_("Client"), CD_COLUMN_TEXT, TRUE },
  { "project", N_("Project"), CD_COLUMN_CODE, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
  { "created_date", N_("Created"), CD_COLUMN_DATE, FALSE },
  { "total_fen", N_("Total"), CD_COLUMN_MONEY, FALSE },
};

static const CdColumnSpec contract_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "subject", N_("Subject"), CD_COLUMN_TEXT, TRUE },
  { "client", N_("Client"), CD_COLUMN_TEXT, TRUE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
  { "signed_date", N_("Signed"), CD_COLUMN_DATE, FALSE },
  { "amount_fen", N_("Amount"), CD_COLUMN_MONEY, FALSE },
  { "paid_fen", N_("Received"), CD_COLUMN_MONEY, FALSE },
};

static const CdColumnSpec supplier_columns[] = {
  { "name", N_("Name"), CD_COLUMN_TEXT, TRUE },
  { "category", N_("Category"), CD_COLUMN_ENUM, FALSE },
  { "contact", N_("Contact"), CD_COLUMN_TEXT, FALSE },
  { "phone", N_("Phone"), CD_COLUMN_TEXT, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
};

static const CdColumnSpec supplier_order_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "supplier", N_("Supplier"), CD_COLUMN_TEXT, TRUE },
  { "project", N_("Project"), CD_COLUMN_CODE, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
  { "order_date", N_("Ordered"), CD_COLUMN_DATE, FALSE },
  { "accepted_date", N_("Accepted"), CD_COLUMN_DATE, FALSE },
  { "amount_fen", N_("Amount"), CD_COLUMN_MONEY, FALSE },
};

static const CdColumnSpec acceptance_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "kind", N_("Kind"), CD_COLUMN_ENUM, FALSE },
  { "subject_number", N_("Checked order"), CD_COLUMN_CODE, FALSE },
  { "inspected_date", N_("Inspected"), CD_COLUMN_DATE, FALSE },
  { "result", N_("Result"), CD_COLUMN_ENUM, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
  { "signed_date", N_("Signed"), CD_COLUMN_DATE, FALSE },
  { "signed_by", N_("Signed by"), CD_COLUMN_TEXT, TRUE },
};

static const CdColumnSpec pickup_slip_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "client", N_("Client"), CD_COLUMN_TEXT, TRUE },
  { "project", N_("Project"), CD_COLUMN_CODE, FALSE },
  { "date", N_("Date"), CD_COLUMN_DATE, FALSE },
  { "received_by", N_("Received by"), CD_COLUMN_TEXT, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
};

static const CdColumnSpec overdue_columns[] = {
  { "number", N_("Number"), CD_COLUMN_CODE, FALSE },
  { "title", N_("Title"), CD_COLUMN_TEXT, TRUE },
  { "client", N_("Client"), CD_COLUMN_TEXT, TRUE },
  { "assignee", N_("Assignee"), CD_COLUMN_TEXT, FALSE },
  { "due_date", N_("Due"), CD_COLUMN_DATE, FALSE },
  { "days_overdue", N_("Days overdue"), CD_COLUMN_NUMBER, FALSE },
  { "status", N_("Status"), CD_COLUMN_STATUS, FALSE },
};

static const CdColumnSpec receivable_columns[] = {
  { "number", N_("Contract"), CD_COLUMN_CODE, FALSE },
  { "client", N_("Client"), CD_COLUMN_TEXT, TRUE },
  { "label", N_("Installment"), CD_COLUMN_TEXT, TRUE },
  { "due_date", N_("Due"), CD_COLUMN_DATE, FALSE },
  { "days_overdue", N_("Days overdue"), CD_COLUMN_NUMBER, FALSE },
  { "outstanding_fen", N_("Outstanding"), CD_COLUMN_MONEY, FALSE },
  { "amount_fen", N_("Amount"), CD_COLUMN_MONEY, FALSE },
  { "received_fen", N_("Received"), CD_COLUMN_MONEY, FALSE },
};

static const CdColumnSpec revenue_columns[] = {
  { "month", N_("Month"), CD_COLUMN_CODE, FALSE },
  { "contracted_fen", N_("Contracted"), CD_COLUMN_MONEY, FALSE },
  { "collected_fen", N_("Collected"), CD_COLUMN_MONEY, FALSE },
};

#define COLUMNS(a) a, G_N_ELEMENTS (a)

static const CdSourceInfo sources[CD_N_SOURCES] = {
  [CD_SOURCE_CLIENTS] = { "clients", N_("Clients"), "client", "system-users-symbolic",
    N_("No Clients Yet"),
    N_("Import a CSV file of clients with Import… in the main menu."),
    TRUE, COLUMNS (client_columns) },
  [CD_SOURCE_PROJECTS] = { "projects", N_("Projects"), "project", "folder-documents-symbolic",
    N_("No Projects Yet"),
    N_("Projects appear here once a client brief has been recorded."),
    TRUE, COLUMNS (project_columns) },
  [CD_SOURCE_WORK_ORDERS] = { "work-orders", N_("Work orders"), "work_order",
    "view-list-bullet-symbolic",
    N_("No Work Orders Yet"),
    N_("Work orders sent to the creative department are listed here."),
    TRUE, COLUMNS (work_order_columns) },
  [CD_SOURCE_QUOTES] = { "quotes", N_("Quotes"), "quote", "x-office-document-symbolic",
    N_("No Quotes Yet"),
    N_("Every version of every quote sent to a client is listed here."),
    TRUE, COLUMNS (quote_columns) },
  [CD_SOURCE_CONTRACTS] = { "contracts", N_("Contracts"), "contract", "x-office-document-symbolic",
    N_("No Contracts Yet"),
    N_("Contracts made from accepted quotes are listed here."),
    TRUE, COLUMNS (contract_columns) },
  [CD_SOURCE_SUPPLIERS] = { "suppliers", N_("Suppliers"), "supplier", "package-x-generic-symbolic",
    N_("No Suppliers Yet"),
    N_("Import a CSV file of suppliers with Import… in the main menu."),
    TRUE, COLUMNS (supplier_columns) },
  [CD_SOURCE_SUPPLIER_ORDERS] = { "supplier-orders", N_("Supplier orders"), "supplier_order",
    "package-x-generic-symbolic",
    N_("No Supplier Orders Yet"),
    N_("Orders placed with print shops, LED and gift suppliers are listed here."),
    TRUE, COLUMNS (supplier_order_columns) },
  [CD_SOURCE_ACCEPTANCES] = { "acceptances", N_("Acceptances"), "acceptance",
    "emblem-ok-symbolic",
    N_("No Acceptances Yet"),
    N_("Delivery and output checks signed off on receipt are listed here."),
    TRUE, COLUMNS (acceptance_columns) },
  [CD_SOURCE_PICKUP_SLIPS] = { "pickup-slips", N_("Pickup slips"), "pickup_slip",
    "mail-send-symbolic",
    N_("No Pickup Slips Yet"),
    N_("Slips signed by clients when goods leave the agency are listed here."),
    TRUE, COLUMNS (pickup_slip_columns) },
  [CD_SOURCE_OVERDUE_WORK_ORDERS] = { "overdue-work-orders", N_("Overdue work orders"),
    "work_order", "emblem-ok-symbolic",
    N_("Nothing Overdue"),
    N_("Every open work order is still within its due date."),
    FALSE, COLUMNS (overdue_columns) },
  [CD_SOURCE_RECEIVABLES] = { "receivables", N_("Receivables"), "receivable",
    "emblem-ok-symbolic",
    N_("Nothing Outstanding"),
    N_("Every installment of every signed contract has been paid."),
    FALSE, COLUMNS (receivable_columns) },
  [CD_SOURCE_MONTHLY_REVENUE] = { "monthly-revenue", N_("Contracted and collected by month"),
    NULL, "x-office-spreadsheet-symbolic",
    N_("No Figures Yet"),
    N_("Signed contracts and received payments of the last twelve months are summed here."),
    FALSE, COLUMNS (revenue_columns) },
};

/* Codes that are not states but still need words: categories, results,
 * departments. Unknown codes are shown as stored. */
static const struct { const char *code; const char *label; } enum_labels[] = {
  { "print", N_("Print") },
  { "large_format", N_("Large-format print") },
  { "led", N_("LED") },
  { "gifts", N_("Gifts") },
  { "fabrication", N_("Fabrication") },
  { "other", N_("Other") },
  { "output", N_("Output check") },
  { "delivery", N_("Delivery") },
  { "pass", N_("Pass") },
  { "fail", N_("Fail") },
  { "conditional", N_("Conditional") },
  { "design", N_("Design") },
  { "copywriting", N_("Copywriting") },
  { "production", N_("Production") },
  { "media", N_("Media") },
  { "overdue", N_("Overdue") },
  { "not_due", N_("Not due") },
};

static const char *
enum_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (g_str_equal (enum_labels[i].code, code))
      return _(enum_labels[i].label);
  return code;
}

/* States of entities that have no state machine in core/cd-states.c (a
 * pickup slip is only issued, then signed) but still need their words. */
static const struct { const char *entity, *state, *context, *label; } extra_states[] = {
  { "pickup_slip", "issued", "pickup slip status", NC_("pickup slip status", "Issued") },
  { "pickup_slip", "signed", "pickup slip status", NC_("pickup slip status", "Signed") },
};

static const char *
extra_state_label (const char *entity,
                   const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (extra_states); i++)
    if (g_str_equal (extra_states[i].entity, entity) && g_str_equal (extra_states[i].state, state))
      return g_dpgettext2 (NULL, extra_states[i].context, extra_states[i].label);
  return NULL;
}

static char *
format_status (const char *entity,
               const char *state)
{
  const char *label = NULL;

  if (entity != NULL)
    label = cd_state_label (entity, state);
  if (label == NULL && entity != NULL)
    label = extra_state_label (entity, state);
  if (label == NULL)
    label = enum_label (state);
  return g_strdup (label);
}

/* Returns: (transfer none): the source's description; never NULL */
const CdSourceInfo *
cd_list_source_get_info (CdListSource source)
{
  g_return_val_if_fail (source < CD_N_SOURCES, &sources[0]);
  return &sources[source];
}

gboolean
cd_list_source_get_kind (CdListSource  source,
                         CdKind       *out_kind)
{
  if (source >= (CdListSource) CD_N_KINDS)
    return FALSE;
  *out_kind = (CdKind) source;
  return TRUE;
}

gboolean
cd_list_source_get_overview (CdListSource  source,
                             CdOverview   *out_overview)
{
  switch (source)
    {
    case CD_SOURCE_OVERDUE_WORK_ORDERS:
      *out_overview = CD_OVERVIEW_OVERDUE_WORK_ORDERS;
      return TRUE;
    case CD_SOURCE_RECEIVABLES:
      *out_overview = CD_OVERVIEW_RECEIVABLES;
      return TRUE;
    case CD_SOURCE_MONTHLY_REVENUE:
      *out_overview = CD_OVERVIEW_MONTHLY_REVENUE;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * cd_column_format:
 *
 * Returns: (transfer full): the cell's text; "" when the row has no value
 */
char *
cd_column_format (const CdColumnSpec *spec,
                  const char         *status_entity,
                  CdRow              *row)
{
  g_autofree char *text = NULL;
  gint64 number;

  switch (spec->type)
    {
    case CD_COLUMN_MONEY:
      if (!cd_row_get_int64 (row, spec->key, &number))
        return g_strdup ("");
      return cd_money_format (number);

    case CD_COLUMN_STATUS:
      text = cd_row_dup_string (row, spec->key);
      return text != NULL ? format_status (status_entity, text) : g_strdup ("");

    case CD_COLUMN_ENUM:
      text = cd_row_dup_string (row, spec->key);
      return g_strdup (text != NULL ? enum_label (text) : "");

    case CD_COLUMN_TEXT:
    case CD_COLUMN_CODE:
    case CD_COLUMN_NUMBER:
    case CD_COLUMN_DATE:
    default:
      text = cd_row_dup_string (row, spec->key);
      return text != NULL ? g_steal_pointer (&text) : g_strdup ("");
    }
}

/* Natural widths in average character widths; a CJK character counts as
 * about two. Columns not listed get a width by their type. */
static const struct { const char *key; guint chars; } column_widths[] = {
  { "name", 28 }, { "short_name", 10 }, { "tier", 4 }, { "industry", 8 }, { "region", 6 },
  { "owner", 8 }, { "am", 8 }, { "assignee", 8 }, { "signed_by", 8 }, { "received_by", 8 },
  { "contact", 8 }, { "phone", 14 }, { "client", 26 }, { "title", 24 }, { "subject", 26 },
  { "supplier", 24 }, { "label", 10 }, { "category", 16 }, { "department", 11 },
  { "kind", 12 }, { "version", 4 }, { "result", 10 }, { "status", 11 },
};

/* How wide a column's cells ask to be, in characters. */
guint
cd_column_width_chars (const CdColumnSpec *spec)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_widths); i++)
    if (g_str_equal (column_widths[i].key, spec->key))
      return column_widths[i].chars;

  switch (spec->type)
    {
    case CD_COLUMN_CODE:
    case CD_COLUMN_MONEY:
      return 15;
    case CD_COLUMN_NUMBER:
      return 6;
    case CD_COLUMN_DATE:
      return 10;
    case CD_COLUMN_STATUS:
    case CD_COLUMN_ENUM:
      return 11;
    case CD_COLUMN_TEXT:
    default:
      return spec->expand ? 24 : 10;
    }
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Numbers by value, missing values first; text in the locale's collation
 * order, so that pinyin-sorting locales sort Chinese names as people expect. */
int
cd_column_compare (const CdColumnSpec *spec,
                   CdRow              *a,
                   CdRow              *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  gint64 na = 0, nb = 0;
  gboolean has_a, has_b;

  if (spec->type == CD_COLUMN_MONEY || spec->type == CD_COLUMN_NUMBER)
    {
      has_a = cd_row_get_int64 (a, spec->key, &na);
      has_b = cd_row_get_int64 (b, spec->key, &nb);
      if (has_a != has_b)
        return has_a ? 1 : -1;
      return compare_int64 (na, nb);
    }

  text_a = cd_row_dup_string (a, spec->key);
  text_b = cd_row_dup_string (b, spec->key);
  if (text_a == NULL || text_b == NULL)
    return (text_a != NULL) - (text_b != NULL);
  if (spec->type == CD_COLUMN_DATE || spec->type == CD_COLUMN_CODE)
    return g_strcmp0 (text_a, text_b);
  return g_utf8_collate (text_a, text_b);
}
