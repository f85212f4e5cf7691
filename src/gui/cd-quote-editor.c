/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-history-button.h"
#include "gui/cd-quote-editor-private.h"
#include "gui/cd-quote-line-item.h"

G_DEFINE_FINAL_TYPE (CdQuoteEditor, cd_quote_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Data keys on the widgets of a cell. */
#define KEY_ITEM    "cd-item"
#define KEY_CELL    "cd-cell"
#define KEY_BINDING "cd-binding"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

CdStore *
cd_quote_editor_get_store (CdQuoteEditor *self)
{
  return cd_context_get_store (self->context);
}

gboolean
cd_quote_editor_is_draft (CdQuoteEditor *self)
{
  return self->quote != NULL && self->quote->status == CD_QUOTE_DRAFT;
}

void
cd_quote_editor_toast (CdQuoteEditor *self, const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_value_label (GtkLabel *label, const char *title, const char *value)
{
  g_autofree char *spoken = g_strdup_printf ("%s %s", title, value);

  gtk_label_set_text (label, value);
  /* A screen reader says what the figure is, not only the figure. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

gboolean
cd_quote_editor_lines_valid (CdQuoteEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CdQuoteLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (cd_quote_line_item_get_error (item) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Totals, as the user types                                          */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
add_tax_row (CdQuoteEditor *self, const CdTaxShare *share)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  g_autofree char *rate = share->rate_bp % 100 ? g_strdup_printf ("%.2f%%", share->rate_bp / 100.0)
                                              : g_strdup_printf ("%d%%", share->rate_bp / 100);
  g_autofree char *title = g_strdup_printf (_("Tax at %s"), rate);
  g_autofree char *value = cd_money_format (share->tax_fen);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *figure = gtk_label_new (NULL);

  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (figure), 1);
  gtk_widget_add_css_class (figure, "numeric");
  set_value_label (GTK_LABEL (figure), title, value);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), figure);
  gtk_box_append (self->tax_box, row);
}

static void
update_totals (CdQuoteEditor *self)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (CdQuoteTotals) totals = { 0 };
  g_autoptr (GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      CdQuoteLineItem *item = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      g_ptr_array_add (items, item);
      g_ptr_array_add (lines, (gpointer) cd_quote_line_item_get_line (item));
    }
  clear_box (self->tax_box);
  if (!cd_quote_totals_compute (lines, &totals, &error))
    {
      set_value_label (self->subtotal_value, _("Subtotal"), "—");
      set_value_label (self->total_value, _("Total"), "—");
      gtk_label_set_text (self->words_label, error->message);
      return;
    }
  {
    g_autofree char *subtotal = cd_money_format (totals.subtotal_fen);
    g_autofree char *total = cd_money_format (totals.total_fen);
    g_autofree char *words = cd_money_to_words (totals.total_fen);
    g_autofree char *capitals = g_strdup_printf (_("RMB %s"), words ? words : "");

    set_value_label (self->subtotal_value, _("Subtotal"), subtotal);
    set_value_label (self->total_value, _("Total"), total);
    for (guint i = 0; i < totals.rates->len; i++)
      add_tax_row (self, &g_array_index (totals.rates, CdTaxShare, i));
    gtk_label_set_text (self->words_label, capitals);
  }
}

/* The first refused cell of the table, as a sentence next to it. */
static void
update_line_error (CdQuoteEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CdQuoteLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      const char *error = cd_quote_line_item_get_error (item);

      if (error != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Line %u, %s"), i + 1, error);

          gtk_label_set_text (self->line_error, text);
          gtk_widget_set_visible (GTK_WIDGET (self->line_error), TRUE);
          return;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->line_error), FALSE);
}

static void
lines_changed (CdQuoteEditor *self)
{
  update_totals (self);
  update_line_error (self);
  cd_quote_editor_update_actions (self);
}

/* ------------------------------------------------------------------ */
/* The table's cells                                                  */

static void
on_cell_changed_cb (GtkEditable *entry, CdQuoteEditor *self)
{
  CdQuoteLineItem *item = g_object_get_data (G_OBJECT (entry), KEY_ITEM);
  CdLineCell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), KEY_CELL));

  if (item == NULL || self->loading)
    return;
  if (cd_quote_line_item_set_text (item, cell, gtk_editable_get_text (entry)))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  self->dirty = TRUE;
  lines_changed (self);
}

static void
setup_entry_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CdQuoteEditor *self)
{
  GtkWidget *entry = gtk_entry_new ();
  CdLineCell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), KEY_CELL));

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 3);
  if (cell == CD_LINE_CELL_QTY || cell == CD_LINE_CELL_PRICE || cell == CD_LINE_CELL_DISCOUNT
      || cell == CD_LINE_CELL_TAX)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
    }
  g_object_set_data (G_OBJECT (entry), KEY_CELL, GINT_TO_POINTER (cell));
  g_signal_connect (entry, "changed", G_CALLBACK (on_cell_changed_cb), self);
  gtk_list_item_set_child (list_item, entry);
}

static void
bind_entry_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CdQuoteEditor *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  CdQuoteLineItem *item = gtk_list_item_get_item (list_item);
  CdLineCell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), KEY_CELL));
  g_autofree char *name = g_strdup_printf (_("%s, line %u"), cd_line_cell_title (cell),
                                           gtk_list_item_get_position (list_item) + 1);
  const char *error = cd_quote_line_item_get_cell_error (item, cell);

  /* Filling the cell is not the user typing. */
  g_object_set_data (G_OBJECT (entry), KEY_ITEM, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), cd_quote_line_item_get_text (item, cell));
  g_object_set_data (G_OBJECT (entry), KEY_ITEM, item);
  gtk_editable_set_editable (GTK_EDITABLE (entry), cd_quote_editor_is_draft (self));
  gtk_widget_set_can_focus (entry, cd_quote_editor_is_draft (self));
  if (error != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
unbind_entry_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CdQuoteEditor *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), KEY_ITEM, NULL);
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CdQuoteEditor *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CdQuoteEditor *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (list_item), "amount-text",
                                              label, "label", G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (label), KEY_BINDING, binding);
}

static void
unbind_amount_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, CdQuoteEditor *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_get_data (G_OBJECT (label), KEY_BINDING);

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), KEY_BINDING, NULL);
}

static void
add_column (CdQuoteEditor *self, const char *title, GtkListItemFactory *factory, int width)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  /* Item and specification take what is left; figures get room enough. */
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_expand (column, width > 130);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->lines_view, column);
  g_object_unref (column);
}

static void
build_columns (CdQuoteEditor *self)
{
  static const int widths[CD_LINE_N_CELLS] = { 140, 190, 76, 50, 96, 66, 66 };
  GtkListItemFactory *factory;

  for (int cell = 0; cell < CD_LINE_N_CELLS; cell++)
    {
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), KEY_CELL, GINT_TO_POINTER (cell));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_entry_cb), self);
      add_column (self, cd_line_cell_title (cell), factory, widths[cell]);
    }
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_amount_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_amount_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_amount_cb), self);
  add_column (self, _("Amount"), factory, 110);
}

static void
build_totals (CdQuoteEditor *self)
{
  GtkWidget *subtotal = gtk_label_new (_("Subtotal"));
  GtkWidget *total = gtk_label_new (_("Total"));

  self->subtotal_value = GTK_LABEL (gtk_label_new ("¥0.00"));
  self->total_value = GTK_LABEL (gtk_label_new ("¥0.00"));
  self->tax_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_set_name (GTK_WIDGET (self->total_value), "quote-total");
  gtk_widget_set_name (GTK_WIDGET (self->subtotal_value), "quote-subtotal");
  for (GtkWidget **w = (GtkWidget *[]) { subtotal, total, NULL }; *w; w++)
    {
      gtk_label_set_xalign (GTK_LABEL (*w), 0);
      gtk_widget_add_css_class (*w, "dim-label");
    }
  gtk_label_set_xalign (self->subtotal_value, 1);
  gtk_label_set_xalign (self->total_value, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtotal_value), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_value), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_value), "title-3");
  gtk_grid_attach (self->totals_grid, subtotal, 0, 0, 1, 1);
  gtk_grid_attach (self->totals_grid, GTK_WIDGET (self->subtotal_value), 1, 0, 1, 1);
  gtk_grid_attach (self->totals_grid, GTK_WIDGET (self->tax_box), 0, 1, 2, 1);
  gtk_grid_attach (self->totals_grid, total, 0, 2, 1, 1);
  gtk_grid_attach (self->totals_grid, GTK_WIDGET (self->total_value), 1, 2, 1, 1);
}

/* ------------------------------------------------------------------ */
/* Loading a version                                                  */

static void
show_state (CdQuoteEditor *self)
{
  const CdQuote *q = self->quote;
  g_autofree char *text = NULL;

  switch (q->status)
    {
    case CD_QUOTE_SENT:
      text = g_strdup_printf (_("Sent on %s. The client has this version: to change it, make a new version."),
                              q->sent_date ? q->sent_date : "—");
      break;
    case CD_QUOTE_ACCEPTED:
      text = g_strdup_printf (_("Accepted on %s and locked. Changes from now on are contract amendments."),
                              q->decided_date ? q->decided_date : "—");
      break;
    case CD_QUOTE_REJECTED:
      text = g_strdup_printf (_("Rejected on %s. Make a new version to offer again."),
                              q->decided_date ? q->decided_date : "—");
      break;
    case CD_QUOTE_SUPERSEDED:
      text = g_strdup (_("A later version replaced this one; it is kept as it was."));
      break;
    case CD_QUOTE_DRAFT:
    default:
      break;
    }
  gtk_label_set_text (self->state_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), text != NULL);
}

static void
show_title (CdQuoteEditor *self)
{
  const CdQuote *q = self->quote;
  g_autofree char *title = g_strdup_printf (_("Quote %s"), q->number);
  g_autofree char *subtitle = g_strdup_printf (_("Version %d · %s · %s"), q->version,
                                               cd_state_label ("quote", cd_quote_status_to_string (q->status)),
                                               q->client_name ? q->client_name : "");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_version_activated_cb (GtkListBox *box, GtkListBoxRow *row, CdQuoteEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cd-quote-id"));

  if (id == self->quote_id)
    return;
  if (self->dirty && !cd_quote_editor_save (self))
    return;
  cd_quote_editor_load (self, id);
}

/* The versions the shown one can be compared with; the one it was made
 * from comes first. */
static void
fill_compare (CdQuoteEditor *self, GPtrArray *versions)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = 0;

  g_array_set_size (self->compare_ids, 0);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      const CdQuote *v = g_ptr_array_index (versions, i);
      g_autofree char *name = NULL;

      if (v->id == self->quote_id)
        continue;
      if (v->id == self->quote->previous_id)
        chosen = self->compare_ids->len;
      name = g_strdup_printf (_("Compared with version %d"), v->version);
      gtk_string_list_append (names, name);
      g_array_append_val (self->compare_ids, v->id);
    }
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare_dropdown, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_dropdown), self->compare_ids->len > 0);
}

static void
fill_versions (CdQuoteEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = cd_store_quote_versions (cd_quote_editor_get_store (self),
                                                            self->quote->number, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL)
    gtk_list_box_remove (self->versions_list, child);
  self->any_accepted = FALSE;
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      const CdQuote *v = g_ptr_array_index (versions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Version %d · %s"), v->version,
                                                cd_state_label ("quote", cd_quote_status_to_string (v->status)));
      g_autofree char *total = cd_money_format (v->total_fen);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", v->created_date, total,
                                                   v->version_reason ? "\n" : "",
                                                   v->version_reason ? v->version_reason : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (row), "cd-quote-id", GSIZE_TO_POINTER (v->id));
      gtk_list_box_append (self->versions_list, row);
      if (v->id == self->quote_id)
        gtk_list_box_select_row (self->versions_list, GTK_LIST_BOX_ROW (row));
      if (v->status == CD_QUOTE_ACCEPTED)
        self->any_accepted = TRUE;
    }
  fill_compare (self, versions);
}

static void
show_diff (CdQuoteEditor *self)
{
  g_autoptr (CdQuoteDiff) diff = NULL;
  g_autoptr (GPtrArray) sentences = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint chosen = gtk_drop_down_get_selected (self->compare_dropdown);
  gint64 base = chosen < self->compare_ids->len ? g_array_index (self->compare_ids, gint64, chosen) : 0;

  if (base == 0
      || (diff = cd_store_quote_diff (cd_quote_editor_get_store (self), base, self->quote_id, NULL)) == NULL)
    {
      gtk_label_set_text (self->diff_title, _("First version"));
      gtk_label_set_text (self->diff_label, "");
      return;
    }
  title = g_strdup_printf (_("Changes from version %d"), diff->from_version);
  if (self->quote->version_reason != NULL && base == self->quote->previous_id)
    g_string_append_printf (text, _("Reason: %s"), self->quote->version_reason);
  sentences = cd_quote_diff_describe (diff);
  for (guint i = 0; i < sentences->len; i++)
    g_string_append_printf (text, "%s• %s", text->len ? "\n" : "", (char *) sentences->pdata[i]);
  if (sentences->len == 0)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", _("No line differs."));
  gtk_label_set_text (self->diff_title, title);
  gtk_label_set_text (self->diff_label, text->str);
}

static void
on_compare_changed_cb (CdQuoteEditor *self)
{
  if (self->quote != NULL && !self->loading)
    show_diff (self);
}

/**
 * cd_quote_editor_load:
 *
 * Shows version @quote_id, as saved; unsaved edits of the version shown
 * before are dropped (callers save first).
 */
gboolean
cd_quote_editor_load (CdQuoteEditor *self, gint64 quote_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdQuote) quote = cd_store_quote_get (cd_quote_editor_get_store (self), quote_id, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (quote == NULL)
    {
      cd_quote_editor_toast (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->quote, cd_quote_free);
  self->quote = g_steal_pointer (&quote);
  self->quote_id = quote_id;
  if (self->history_button != NULL)
    cd_history_button_set_row (CD_HISTORY_BUTTON (self->history_button), quote_id);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->valid_entry), self->quote->valid_until ? self->quote->valid_until : "");
  gtk_editable_set_text (GTK_EDITABLE (self->terms_entry), self->quote->payment_terms ? self->quote->payment_terms : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_entry), self->quote->notes ? self->quote->notes : "");
  for (GtkEntry **e = (GtkEntry *[]) { self->valid_entry, self->terms_entry, self->notes_entry, NULL }; *e; e++)
    gtk_editable_set_editable (GTK_EDITABLE (*e), cd_quote_editor_is_draft (self));
  gtk_widget_set_visible (GTK_WIDGET (self->valid_error), FALSE);
  for (guint i = 0; i < self->quote->lines->len; i++)
    g_ptr_array_add (items, cd_quote_line_item_new (g_ptr_array_index (self->quote->lines, i)));
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       items->pdata, items->len);
  self->loading = FALSE;

  self->dirty = FALSE;
  show_title (self);
  show_state (self);
  fill_versions (self);
  show_diff (self);
  lines_changed (self);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                          */

static void
on_detail_changed_cb (GtkEditable *entry, CdQuoteEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->valid_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->valid_entry), "error");
  cd_quote_editor_update_actions (self);
}

static void
on_selection_changed_cb (CdQuoteEditor *self)
{
  cd_quote_editor_update_actions (self);
}

static gboolean
on_close_request_cb (CdQuoteEditor *self)
{
  /* Unsaved edits are saved on the way out when they can be; otherwise the
   * window stays, with the reason on screen. */
  if (self->dirty && cd_quote_editor_is_draft (self))
    return !cd_quote_editor_save (self);
  return FALSE;
}

/* ------------------------------------------------------------------ */

static void
cd_quote_editor_dispose (GObject *object)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->compare_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->compare_dropdown, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_QUOTE_EDITOR);
  g_clear_pointer (&self->compare_ids, g_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->lines);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->quote, cd_quote_free);
  G_OBJECT_CLASS (cd_quote_editor_parent_class)->dispose (object);
}

static void
cd_quote_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdQuoteEditor *self = CD_QUOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_quote_editor_class_init (CdQuoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_quote_editor_dispose;
  object_class->set_property = cd_quote_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-quote-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, valid_entry);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, terms_entry);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, valid_error);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, catalogue_button);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, catalogue_list);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, lines_view);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, line_error);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, words_label);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, versions_list);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, diff_title);
  gtk_widget_class_bind_template_child (widget_class, CdQuoteEditor, diff_label);

  cd_quote_editor_install_actions (widget_class);
}

static void
cd_quote_editor_init (CdQuoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->compare_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->lines = g_list_store_new (CD_TYPE_QUOTE_LINE_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->lines)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->lines_view, GTK_SELECTION_MODEL (self->selection));
  build_columns (self);
  build_totals (self);

  /* Lines added, removed or moved: totals, errors and buttons follow. */
  g_signal_connect_swapped (self->lines, "items-changed", G_CALLBACK (lines_changed), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->valid_entry, "changed", G_CALLBACK (on_detail_changed_cb), self);
  g_signal_connect (self->terms_entry, "changed", G_CALLBACK (on_detail_changed_cb), self);
  g_signal_connect (self->notes_entry, "changed", G_CALLBACK (on_detail_changed_cb), self);
  g_signal_connect (self->versions_list, "row-activated", G_CALLBACK (on_version_activated_cb), self);
  g_signal_connect_swapped (self->compare_dropdown, "notify::selected", G_CALLBACK (on_compare_changed_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */

/**
 * cd_quote_editor_new:
 *
 * Returns: (transfer floating): an editor showing version @quote_id; an
 *   unknown id leaves it empty with a toast saying so
 */
CdQuoteEditor *
cd_quote_editor_new (CdContext *context, gint64 quote_id)
{
  CdQuoteEditor *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_QUOTE_EDITOR, "context", context, NULL);
  /* Each version is a row of its own: the history follows the one shown. */
  self->history_button = cd_history_button_new (context, "quote", 0);
  adw_header_bar_pack_end (self->header_bar, self->history_button);
  cd_quote_editor_load (self, quote_id);
  return self;
}

CdQuoteEditor *
cd_quote_editor_present (GtkWidget *widget, CdContext *context, gint64 quote_id)
{
  CdQuoteEditor *self = cd_quote_editor_new (context, quote_id);
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gint64
cd_quote_editor_get_quote_id (CdQuoteEditor *self)
{
  g_return_val_if_fail (CD_IS_QUOTE_EDITOR (self), 0);
  return self->quote_id;
}

gboolean
cd_quote_editor_get_dirty (CdQuoteEditor *self)
{
  g_return_val_if_fail (CD_IS_QUOTE_EDITOR (self), FALSE);
  return self->dirty;
}
