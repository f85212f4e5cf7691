/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement is small (one supplier, one period): written in one go,
 * through the same CdXlsx helpers as every export, so text that looks like
 * a formula stays text and a failure leaves no file. */
#define G_LOG_DOMAIN "cd-reports"

#include <glib/gi18n.h>

#include "reports/cd-supplier-statement.h"

enum { C_DATE, C_ENTRY, C_ORDER, C_REFERENCE, C_CHARGE, C_PAYMENT, C_BALANCE, C_N };

static gint64
get_int (GVariant *dict, const char *key)
{
  gint64 value = 0;

  g_variant_lookup (dict, key, "x", &value);
  return value;
}

static const char *
get_text (GVariant *dict, const char *key)
{
  const char *value = "";

  if (!g_variant_lookup (dict, key, "&s", &value))
    value = "";
  return value;
}

static gboolean
write_balance_row (CdXlsxSheet *sheet, const char *label, gint64 fen, GError **error)
{
  cd_xlsx_sheet_bold_text (sheet, C_ENTRY, label);
  cd_xlsx_sheet_money (sheet, C_BALANCE, fen);
  return cd_xlsx_sheet_end_row (sheet, error);
}

gboolean
cd_supplier_statement_export (GVariant    *statement,
                              const char  *from,
                              const char  *to,
                              const char  *target,
                              GError     **error)
{
  const CdXlsxColumn columns[C_N] = {
    { _("Date"), CD_XLSX_DATE },
    { _("Entry"), CD_XLSX_TEXT },
    { _("Supplier order"), CD_XLSX_TEXT },
    { _("Reference"), CD_XLSX_TEXT },
    { _("Charged"), CD_XLSX_MONEY },
    { _("Paid"), CD_XLSX_MONEY },
    { _("Balance"), CD_XLSX_MONEY },
  };
  g_autoptr (CdXlsx) xlsx = NULL;
  g_autoptr (GVariant) entries = NULL;
  g_autofree char *title = NULL;
  CdXlsxSheet *sheet;

  g_return_val_if_fail (statement != NULL && target != NULL, FALSE);

  entries = g_variant_lookup_value (statement, "entries", G_VARIANT_TYPE ("aa{sv}"));
  xlsx = cd_xlsx_open (target, error);
  if (xlsx == NULL)
    return FALSE;
  sheet = cd_xlsx_add_sheet (xlsx, _("Statement"), columns, C_N,
                             (entries != NULL ? g_variant_n_children (entries) : 0) + 3, error);
  if (sheet == NULL)
    return FALSE;
  /* Translators: the first line of a supplier statement: supplier, first and last day */
  title = g_strdup_printf (_("%s, %s to %s"), get_text (statement, "supplier"), from, to);
  cd_xlsx_sheet_bold_text (sheet, C_DATE, title);
  if (!cd_xlsx_sheet_end_row (sheet, error)
      || !write_balance_row (sheet, _("Opening balance"), get_int (statement, "opening_balance_fen"), error))
    return FALSE;
  for (gsize i = 0; entries != NULL && i < g_variant_n_children (entries); i++)
    {
      g_autoptr (GVariant) entry = g_variant_get_child_value (entries, i);
      gboolean payment = g_str_equal (get_text (entry, "kind"), "payment");

      cd_xlsx_sheet_date (sheet, C_DATE, get_text (entry, "date"));
      cd_xlsx_sheet_text (sheet, C_ENTRY, payment ? _("Payment") : _("Order accepted"));
      cd_xlsx_sheet_text (sheet, C_ORDER, get_text (entry, "number"));
      cd_xlsx_sheet_text (sheet, C_REFERENCE, get_text (entry, "reference"));
      if (!payment)
        cd_xlsx_sheet_money (sheet, C_CHARGE, get_int (entry, "charge_fen"));
      else
        cd_xlsx_sheet_money (sheet, C_PAYMENT, get_int (entry, "payment_fen"));
      cd_xlsx_sheet_money (sheet, C_BALANCE, get_int (entry, "balance_fen"));
      if (!cd_xlsx_sheet_end_row (sheet, error))
        return FALSE;
    }
  cd_xlsx_sheet_bold_text (sheet, C_ENTRY, _("Closing balance"));
  cd_xlsx_sheet_money (sheet, C_CHARGE, get_int (statement, "charged_fen"));
  cd_xlsx_sheet_money (sheet, C_PAYMENT, get_int (statement, "paid_fen"));
  cd_xlsx_sheet_money (sheet, C_BALANCE, get_int (statement, "closing_balance_fen"));
  if (!cd_xlsx_sheet_end_row (sheet, error))
    return FALSE;
  return cd_xlsx_finish (xlsx, error);
}
