/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-quote-line-item.h"

struct _CdQuoteLineItem
{
  GObject      parent_instance;

  CdQuoteLine *line;
  char        *texts[CD_LINE_N_CELLS];
  char        *errors[CD_LINE_N_CELLS];
  char        *error;         /* the first cell error, with the cell's title */
  char        *amount_text;
};

G_DEFINE_FINAL_TYPE (CdQuoteLineItem, cd_quote_line_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AMOUNT_TEXT,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const cell_titles[CD_LINE_N_CELLS] = {
  N_("Item"), N_("Specification"), N_("Quantity"), N_("Unit"), N_("Unit price"), N_("Discount"),
  N_("Tax rate"),
};

const char *
cd_line_cell_title (CdLineCell cell)
{
  g_return_val_if_fail (cell < CD_LINE_N_CELLS, NULL);
  return _(cell_titles[cell]);
}

/* "12.5 %" → 1250 bp: the same decimal rules as money, two places. */
static gboolean
parse_percent (const char *text, int *out_bp, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gint64 value = 0;

  if (g_str_has_suffix (copy, "%"))
    copy[len - 1] = '\0';
  else if (g_str_has_suffix (copy, "％"))
    copy[len - strlen ("％")] = '\0';
  g_strstrip (copy);
  if (*copy == '\0')
    {
      *out_bp = 0;
      return TRUE;
    }
  if (!cd_money_parse (copy, CD_MONEY_PARSE_DEFAULT, &value, error))
    return FALSE;
  if (value > 10000)
    {
      g_set_error_literal (error, CD_MONEY_ERROR, CD_MONEY_ERROR_OVERFLOW,
                           _("A percentage is at most 100 %."));
      return FALSE;
    }
  *out_bp = (int) value;
  return TRUE;
}

static char *
format_percent (int bp)
{
  if (bp % 100 == 0)
    return g_strdup_printf ("%d%%", bp / 100);
  return g_strdup_printf ("%d.%02d%%", bp / 100, bp % 100);
}

static gboolean
parse_cell (CdQuoteLine *line, CdLineCell cell, const char *text, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  switch (cell)
    {
    case CD_LINE_CELL_ITEM:
      if (*stripped == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Say what is quoted."));
          return FALSE;
        }
      g_free (line->item);
      line->item = g_steal_pointer (&stripped);
      return TRUE;
    case CD_LINE_CELL_SPEC:
      g_free (line->spec);
      line->spec = *stripped ? g_steal_pointer (&stripped) : NULL;
      return TRUE;
    case CD_LINE_CELL_UNIT:
      g_free (line->unit);
      line->unit = *stripped ? g_steal_pointer (&stripped) : NULL;
      return TRUE;
    case CD_LINE_CELL_QTY:
      {
        gint64 qty = 0;

        if (!cd_quantity_parse (text, &qty, error))
          return FALSE;
        if (qty <= 0)
          {
            g_set_error_literal (error, CD_MONEY_ERROR, CD_MONEY_ERROR_NEGATIVE,
                                 _("The quantity must be more than zero."));
            return FALSE;
          }
        line->qty_milli = qty;
        return TRUE;
      }
    case CD_LINE_CELL_PRICE:
      return cd_money_parse (text, CD_MONEY_PARSE_DEFAULT, &line->unit_price_fen, error);
    case CD_LINE_CELL_DISCOUNT:
      return parse_percent (text, &line->discount_bp, error);
    case CD_LINE_CELL_TAX:
      return parse_percent (text, &line->tax_rate_bp, error);
    case CD_LINE_N_CELLS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static void
update_error (CdQuoteLineItem *self)
{
  g_clear_pointer (&self->error, g_free);
  for (int i = 0; i < CD_LINE_N_CELLS && self->error == NULL; i++)
    if (self->errors[i] != NULL)
      self->error = g_strdup_printf (_("%s: %s"), cd_line_cell_title (i), self->errors[i]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
update_amount (CdQuoteLineItem *self, CdLineCell cell)
{
  g_autoptr (GError) error = NULL;
  gint64 amount = 0;

  if (cd_money_line_amount_checked (self->line->qty_milli, self->line->unit_price_fen,
                                    self->line->discount_bp, &amount, &error))
    self->line->amount_fen = amount;
  else
    {
      /* Too large: the cell just typed is the one to change. */
      g_free (self->errors[cell]);
      self->errors[cell] = g_strdup (error->message);
    }
  g_free (self->amount_text);
  self->amount_text = cd_money_format (self->line->amount_fen);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_TEXT]);
}

/* ------------------------------------------------------------------ */

static void
cd_quote_line_item_finalize (GObject *object)
{
  CdQuoteLineItem *self = CD_QUOTE_LINE_ITEM (object);

  cd_quote_line_free (self->line);
  for (int i = 0; i < CD_LINE_N_CELLS; i++)
    {
      g_free (self->texts[i]);
      g_free (self->errors[i]);
    }
  g_free (self->error);
  g_free (self->amount_text);
  G_OBJECT_CLASS (cd_quote_line_item_parent_class)->finalize (object);
}

static void
cd_quote_line_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdQuoteLineItem *self = CD_QUOTE_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_AMOUNT_TEXT:
      g_value_set_string (value, self->amount_text);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_quote_line_item_class_init (CdQuoteLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_quote_line_item_finalize;
  object_class->get_property = cd_quote_line_item_get_property;

  properties[PROP_AMOUNT_TEXT] =
    g_param_spec_string ("amount-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_quote_line_item_init (CdQuoteLineItem *self)
{
}

/* ------------------------------------------------------------------ */

CdQuoteLineItem *
cd_quote_line_item_new (const CdQuoteLine *line)
{
  CdQuoteLineItem *self = g_object_new (CD_TYPE_QUOTE_LINE_ITEM, NULL);

  self->line = line ? cd_quote_line_copy (line) : cd_quote_line_new ();
  self->line->id = 0;
  self->texts[CD_LINE_CELL_ITEM] = g_strdup (self->line->item ? self->line->item : "");
  self->texts[CD_LINE_CELL_SPEC] = g_strdup (self->line->spec ? self->line->spec : "");
  self->texts[CD_LINE_CELL_QTY] = cd_quantity_format (self->line->qty_milli);
  self->texts[CD_LINE_CELL_UNIT] = g_strdup (self->line->unit ? self->line->unit : "");
  self->texts[CD_LINE_CELL_PRICE] = cd_money_format_plain (self->line->unit_price_fen);
  self->texts[CD_LINE_CELL_DISCOUNT] = self->line->discount_bp ? format_percent (self->line->discount_bp)
                                                               : g_strdup ("");
  self->texts[CD_LINE_CELL_TAX] = format_percent (self->line->tax_rate_bp);
  if (self->line->item == NULL)
    self->errors[CD_LINE_CELL_ITEM] = g_strdup (_("Say what is quoted."));
  update_error (self);
  update_amount (self, CD_LINE_CELL_QTY);
  return self;
}

CdQuoteLineItem *
cd_quote_line_item_copy (CdQuoteLineItem *self)
{
  CdQuoteLineItem *copy = cd_quote_line_item_new (self->line);

  for (int i = 0; i < CD_LINE_N_CELLS; i++)
    cd_quote_line_item_set_text (copy, i, self->texts[i]);
  return copy;
}

const char *
cd_quote_line_item_get_text (CdQuoteLineItem *self, CdLineCell cell)
{
  g_return_val_if_fail (CD_IS_QUOTE_LINE_ITEM (self) && cell < CD_LINE_N_CELLS, NULL);
  return self->texts[cell];
}

gboolean
cd_quote_line_item_set_text (CdQuoteLineItem *self, CdLineCell cell, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CD_IS_QUOTE_LINE_ITEM (self) && cell < CD_LINE_N_CELLS, FALSE);

  g_free (self->texts[cell]);
  self->texts[cell] = g_strdup (text ? text : "");
  g_clear_pointer (&self->errors[cell], g_free);
  if (!parse_cell (self->line, cell, self->texts[cell], &error))
    self->errors[cell] = g_strdup (error->message);
  update_amount (self, cell);
  update_error (self);
  return self->errors[cell] == NULL;
}

const char *
cd_quote_line_item_get_cell_error (CdQuoteLineItem *self, CdLineCell cell)
{
  g_return_val_if_fail (CD_IS_QUOTE_LINE_ITEM (self) && cell < CD_LINE_N_CELLS, NULL);
  return self->errors[cell];
}

const char *
cd_quote_line_item_get_error (CdQuoteLineItem *self)
{
  g_return_val_if_fail (CD_IS_QUOTE_LINE_ITEM (self), NULL);
  return self->error;
}

const char *
cd_quote_line_item_get_amount_text (CdQuoteLineItem *self)
{
  g_return_val_if_fail (CD_IS_QUOTE_LINE_ITEM (self), NULL);
  return self->amount_text;
}

const CdQuoteLine *
cd_quote_line_item_get_line (CdQuoteLineItem *self)
{
  g_return_val_if_fail (CD_IS_QUOTE_LINE_ITEM (self), NULL);
  return self->line;
}
