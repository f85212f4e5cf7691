/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The acceptance as a PDF: the delivery acceptance (交货验收单) or the
 * output checklist (出品检查表) — what was inspected, each item's result
 * and note, what arrived against what was ordered, the photos, and the
 * signature that locked it. */
#define G_LOG_DOMAIN "cd-reports"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "reports/cd-supply-pdf.h"

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
is_delivery (const CdAcceptance *a)
{
  return a->supplier_order_id != 0;
}

static int
days_between (const char *from, const char *to)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, from);
  g_date_set_parse (&b, to);
  if (!g_date_valid (&a) || !g_date_valid (&b))
    return 0;
  return g_date_days_between (&a, &b);
}

static char *
delivered_text (const CdAcceptance *a)
{
  if (a->delivered_date == NULL)
    return NULL;
  if (cd_acceptance_is_late (a))
    {
      int late = days_between (a->promised_date, a->delivered_date);

      return g_strdup_printf (ngettext ("%s (%d day late)", "%s (%d days late)", late),
                              a->delivered_date, late);
    }
  return g_strdup_printf (_("%s (on time)"), a->delivered_date);
}

static void
add_panel (CdPdf *pdf, const CdAcceptance *a)
{
  g_autofree char *project = g_strdup_printf ("%s (%s)", or_empty (a->project_name),
                                              or_empty (a->project_number));
  g_autofree char *delivered = delivered_text (a);
  const char *delivery[] = {
    _("Supplier"), a->supplier_name,
    _("Supplier order"), a->order_number,
    _("Project"), project,
    _("Checklist"), a->template_name,
    _("Promised delivery"), a->promised_date,
    _("Delivered"), delivered,
    _("Inspected"), a->inspected_date,
    _("Signed"), a->signed_date,
  };
  const char *output[] = {
    _("Work order"), a->work_order_number,
    _("Project"), project,
    _("Checklist"), a->template_name,
    _("Inspected"), a->inspected_date,
    _("Signed"), a->signed_date,
  };

  if (is_delivery (a))
    cd_pdf_fields (pdf, delivery, G_N_ELEMENTS (delivery) / 2, 2);
  else
    cd_pdf_fields (pdf, output, G_N_ELEMENTS (output) / 2, 2);
}

/* "Conditional: 1 item conditional, 1 quantity differs from the order." */
static char *
result_summary (const CdAcceptance *a)
{
  guint failed = 0, conditional = 0, judged = 0, mismatches = cd_acceptance_count_mismatches (a);
  CdCheckResult result = a->status == CD_ACCEPTANCE_SIGNED ? a->result : cd_acceptance_compute_result (a);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < a->items->len; i++)
    {
      CdCheckResult r = ((CdAcceptanceItem *) g_ptr_array_index (a->items, i))->result;

      judged += r != CD_CHECK_UNJUDGED;
      failed += r == CD_CHECK_FAIL;
      conditional += r == CD_CHECK_CONDITIONAL;
    }
  if (a->status != CD_ACCEPTANCE_SIGNED)
    g_string_append_printf (text, _("Draft, not signed: %u of %u items judged"), judged, a->items->len);
  else
    g_string_append_printf (text, _("%s: %u of %u items passed"), cd_check_result_label (result),
                            judged - failed - conditional, a->items->len);
  if (failed > 0)
    g_string_append_printf (text, ngettext (", %u failed", ", %u failed", failed), failed);
  if (conditional > 0)
    g_string_append_printf (text, ngettext (", %u conditional", ", %u conditional", conditional),
                            conditional);
  if (mismatches > 0)
    g_string_append_printf (text, ngettext (", %u quantity differs from the order",
                                               ", %u quantities differ from the order", mismatches),
                            mismatches);
  g_string_append (text, _("."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_checklist (CdPdf *pdf, const CdAcceptance *a)
{
  const CdPdfColumn columns[] = {
    { _("No."), 0.5, FALSE }, { _("Check"), 4.2, FALSE }, { _("Result"), 1.2, FALSE },
    { _("Note"), 3.4, FALSE },
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < a->items->len; i++)
    {
      const CdAcceptanceItem *item = g_ptr_array_index (a->items, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (or_empty (item->text));
      /* Unjudged stays blank: a printed draft is ticked by hand. */
      cells[2] = g_strdup (item->result == CD_CHECK_UNJUDGED ? "" : cd_check_result_label (item->result));
      cells[3] = g_strdup (or_empty (item->note));
      g_ptr_array_add (rows, cells);
    }
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Checklist"));
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
}

static char *
with_unit (gint64 milli, const char *unit)
{
  g_autofree char *qty = cd_quantity_format (milli);

  return unit ? g_strconcat (qty, " ", unit, NULL) : g_steal_pointer (&qty);
}

static char *
difference_text (const CdAcceptanceCount *c)
{
  g_autofree char *amount = NULL;

  if (c->received_milli < 0)
    return g_strdup (_("not counted"));
  if (!cd_acceptance_count_mismatch (c))
    return g_strdup ("—");
  amount = cd_quantity_format (ABS (c->received_milli - c->ordered_milli));
  return c->received_milli < c->ordered_milli ? g_strdup_printf (_("%s short"), amount)
                                               : g_strdup_printf (_("%s over"), amount);
}

static void
add_counts (CdPdf *pdf, const CdAcceptance *a)
{
  const CdPdfColumn columns[] = {
    { _("No."), 0.5, FALSE }, { _("Item"), 3.6, FALSE }, { _("Ordered"), 1.6, TRUE },
    { _("Received"), 1.6, TRUE }, { _("Difference"), 1.6, TRUE },
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (a->counts->len == 0)
    return;
  for (guint i = 0; i < a->counts->len; i++)
    {
      const CdAcceptanceCount *c = g_ptr_array_index (a->counts, i);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (or_empty (c->item));
      cells[2] = with_unit (c->ordered_milli, c->unit);
      cells[3] = c->received_milli >= 0 ? with_unit (c->received_milli, c->unit) : g_strdup ("");
      cells[4] = difference_text (c);
      g_ptr_array_add (rows, cells);
    }
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Quantities received"));
  cd_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows);
}

static void
add_photos (CdPdf *pdf, const CdAcceptance *a, GPtrArray *photos)
{
  g_autoptr (GPtrArray) images = g_ptr_array_new ();
  g_autoptr (GPtrArray) captions = g_ptr_array_new ();
  g_autofree char *heading = NULL;
  guint missing = 0;

  for (guint i = 0; photos != NULL && i < photos->len && i < a->photos->len; i++)
    {
      const CdAttachmentInfo *info = g_ptr_array_index (a->photos, i);

      if (g_ptr_array_index (photos, i) == NULL)
        {
          missing++;
          continue;
        }
      g_ptr_array_add (images, g_ptr_array_index (photos, i));
      g_ptr_array_add (captions, info->filename);
    }
  if (images->len == 0 && missing == 0)
    return;
  heading = g_strdup_printf (_("Photos (%u)"), images->len + missing);
  /* The heading goes with the first row of pictures. */
  cd_pdf_keep (pdf, 118 + 60);
  cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, heading);
  cd_pdf_images (pdf, (cairo_surface_t *const *) images->pdata, (const char *const *) captions->pdata,
                 images->len, 3, 118);
  if (missing > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u photo could not be read and is not shown.",
                                                          "%u photos could not be read and are not shown.",
                                                          missing), missing);
      cd_pdf_text (pdf, CD_PDF_TEXT_SMALL, note);
    }
}

static void
add_signatures (CdPdf *pdf, const CdAcceptance *a)
{
  gboolean is_signed = a->status == CD_ACCEPTANCE_SIGNED;
  g_autofree char *name = is_signed ? g_strdup_printf (_("Name: %s"), or_empty (a->signer_name))
                                    : g_strdup (_("Name:"));
  g_autofree char *date = is_signed ? g_strdup_printf (_("Date: %s"), or_empty (a->signed_date))
                                    : g_strdup (_("Date:"));
  const char *left[] = { name, date, _("Signature:"), NULL };
  const char *right[] = { _("Name:"), _("Signature:"), NULL };

  cd_pdf_signatures (pdf, _("Inspected and signed off by"), left,
                     is_delivery (a) ? _("Supplier's representative") : _("Creative department"),
                     right);
  if (is_signed && a->locked_hash != NULL)
    {
      g_autofree char *seal = g_strdup_printf (_("Signed in ClientDesk on %s and locked; "
                                                 "SHA-256 of the locked content: %s"),
                                               or_empty (a->signed_date), a->locked_hash);
      cd_pdf_skip (pdf, 6);
      cd_pdf_text (pdf, CD_PDF_TEXT_SMALL, seal);
    }
}

gboolean
cd_acceptance_pdf_write (const CdAcceptance *a, GPtrArray *photos, const CdLetterhead *letterhead,
                         const char *path, GError **error)
{
  g_autoptr (CdPdf) pdf = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (a != NULL && path != NULL, FALSE);

  pdf = cd_pdf_new (path, letterhead, is_delivery (a) ? _("Delivery Acceptance") : _("Output Checklist"),
                    a->number, a->signed_date ? a->signed_date : a->inspected_date, error);
  if (pdf == NULL)
    return FALSE;
  add_panel (pdf, a);
  summary = result_summary (a);
  cd_pdf_banner (pdf, _("Result"), summary);
  add_checklist (pdf, a);
  add_counts (pdf, a);
  if (a->notes != NULL)
    {
      cd_pdf_text (pdf, CD_PDF_TEXT_HEADING, _("Notes"));
      cd_pdf_text (pdf, CD_PDF_TEXT_BODY, a->notes);
      cd_pdf_skip (pdf, 6);
    }
  add_photos (pdf, a, photos);
  add_signatures (pdf, a);
  return cd_pdf_finish (pdf, error);
}
