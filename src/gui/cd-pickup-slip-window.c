/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <string.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-accessible.h"
#include "gui/cd-history-button.h"
#include "gui/cd-pickup-slip-window.h"
#include "gui/cd-supply-gui.h"
#include "store/cd-store-projects.h"
#include "store/cd-store-suppliers.h"

struct _CdPickupSlipWindow
{
  AdwWindow        parent_instance;

  CdContext       *context;
  gint64           slip_id;       /* 0 while a new slip is being written */
  gint64           project_id;
  CdPickupSlip    *slip;          /* NULL while new */

  AdwToastOverlay *toast_overlay;
  AdwHeaderBar    *header_bar;
  GtkWidget       *history_button;
  AdwWindowTitle  *window_title;
  GtkButton       *create_button;
  GtkButton       *pdf_button;
  GtkLabel        *status_label;
  AdwActionRow    *client_row;
  AdwActionRow    *project_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *notes_row;
  GtkLabel        *details_error;
  GtkButton       *add_line_button;
  GtkListBox      *lines_list;
  GtkLabel        *lines_error;
  AdwPreferencesGroup *sign_group;
  GtkButton       *sign_button;
  AdwEntryRow     *received_row;
  GtkLabel        *sign_error;
};

G_DEFINE_FINAL_TYPE (CdPickupSlipWindow, cd_pickup_slip_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void load (CdPickupSlipWindow *self);

static CdStore *
get_store (CdPickupSlipWindow *self)
{
  return cd_context_get_store (self->context);
}

/* Shows @message under a field (NULL hides it). */
static gboolean
show_error (GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  return FALSE;
}

static void
clear_errors (CdPickupSlipWindow *self)
{
  show_error (self->details_error, NULL);
  show_error (self->lines_error, NULL);
  show_error (self->sign_error, NULL);
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */

static void
name_entry (GtkWidget *entry, const char *format, guint n)
{
  g_autofree char *name = g_strdup_printf (format, n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Line numbers are part of the names screen readers announce: say them
 * again after a line goes. */
static void
renumber_lines (CdPickupSlipWindow *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_object_get_data (G_OBJECT (row), "item") == NULL)
        continue;
      n++;
      name_entry (g_object_get_data (G_OBJECT (row), "item"), _("Item, line %u"), n);
      name_entry (g_object_get_data (G_OBJECT (row), "qty"), _("Quantity, line %u"), n);
      name_entry (g_object_get_data (G_OBJECT (row), "unit"), _("Unit, line %u"), n);
      name_entry (g_object_get_data (G_OBJECT (row), "remove"), _("Remove line %u"), n);
    }
}

static void
on_remove_line_cb (GtkButton *button, CdPickupSlipWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    gtk_list_box_remove (self->lines_list, row);
  renumber_lines (self);
}

static GtkWidget *
line_entry (GtkWidget *box, const char *text, const char *placeholder, int width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_max_length (GTK_ENTRY (entry), CD_SUPPLY_TEXT_MAX);
  if (width > 0)
    {
      /* Narrow: a quantity or a unit is a few characters. */
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
    }
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

/* A line that can still be changed: item, quantity, unit, remove. */
static void
add_edit_line (CdPickupSlipWindow *self, const CdPickupLine *line)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *qty = line ? cd_quantity_format (line->qty_milli) : NULL;
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6, NULL);
  g_object_set_data (G_OBJECT (row), "item", line_entry (box, line ? line->item : NULL, _("Item"), 0));
  g_object_set_data (G_OBJECT (row), "qty", line_entry (box, qty, _("Quantity"), 8));
  g_object_set_data (G_OBJECT (row), "unit", line_entry (box, line ? line->unit : NULL, _("Unit"), 5));
  gtk_widget_set_tooltip_text (remove, _("Remove this line"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_line_cb), self);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->lines_list, row);
}

/* A line of a created slip, read-only. */
static void
add_shown_line (CdPickupSlipWindow *self, const CdPickupLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *qty = cd_quantity_format (line->qty_milli);
  g_autofree char *text = g_strdup_printf ("%s %s", qty, line->unit ? line->unit : "");
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->item);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, line->item, -1);
  gtk_list_box_append (self->lines_list, row);
}

/* The lines of the form; NULL with the reason under the lines. */
static GPtrArray *
read_lines (CdPickupSlipWindow *self)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_pickup_line_free);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *item = g_object_get_data (G_OBJECT (row), "item");
      GtkEditable *qty = g_object_get_data (G_OBJECT (row), "qty");
      GtkEditable *unit = g_object_get_data (G_OBJECT (row), "unit");
      g_autoptr (GError) error = NULL;
      gint64 milli = 0;

      if (item == NULL)
        continue;
      n++;
      if (!cd_quantity_parse (gtk_editable_get_text (qty), &milli, &error) || milli <= 0)
        {
          g_autofree char *message = error ? g_strdup_printf (_("Line %u: %s"), n, error->message)
                                           : g_strdup_printf (_("Line %u: Quantity: give a number above zero."), n);
          show_error (self->lines_error, message);
          return NULL;
        }
      g_ptr_array_add (lines, cd_pickup_line_new (gtk_editable_get_text (item), milli,
                                                  *gtk_editable_get_text (unit) ? gtk_editable_get_text (unit)
                                                                                : NULL));
    }
  if (lines->len == 0)
    {
      show_error (self->lines_error, _("A pickup slip needs at least one line: add the goods handed over."));
      return NULL;
    }
  return g_steal_pointer (&lines);
}

/* ------------------------------------------------------------------ */
/* Showing                                                             */

static void
update_actions (CdPickupSlipWindow *self)
{
  gboolean created = self->slip != NULL;
  gboolean signed_ = created && g_strcmp0 (self->slip->status, "signed") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slip.create", !created && self->project_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slip.add-line", !created && self->project_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slip.save-pdf", created);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slip.sign", created && !signed_);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), !created);
  gtk_widget_set_visible (GTK_WIDGET (self->add_line_button), !created);
  gtk_widget_set_visible (GTK_WIDGET (self->pdf_button), created);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_group), created);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), created && !signed_);
  /* A created slip is printed paper: its date and notes show read-only. */
  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), !created);
  gtk_editable_set_editable (GTK_EDITABLE (self->notes_row), !created);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), !created);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row), !created);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_row), !created || self->slip->notes != NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->received_row), created && !signed_);
  gtk_widget_set_sensitive (GTK_WIDGET (self->received_row), created && !signed_);
}

static char *
status_text (const CdPickupSlip *slip)
{
  if (slip == NULL)
    return g_strdup (_("New slip: check the goods and the date, then create it and print it for the client to sign."));
  if (g_strcmp0 (slip->status, "signed") == 0)
    return g_strdup_printf (_("Signed — received by %s. The slip no longer changes."),
                            slip->received_by ? slip->received_by : "?");
  return g_strdup (_("Issued — waiting for the paper signed by the client."));
}

static void
show_project (CdPickupSlipWindow *self)
{
  g_autoptr (CdProject) project = cd_store_project_get (get_store (self), self->project_id, NULL);
  g_autofree char *text = project ? g_strdup_printf ("%s %s", project->number, project->name) : NULL;

  cd_supply_gui_set_subtitle (self->client_row, project ? project->client_name : NULL);
  cd_supply_gui_set_subtitle (self->project_row, text);
}

static void
show_new (CdPickupSlipWindow *self)
{
  g_autoptr (GPtrArray) goods = cd_store_pickup_goods_for_project (get_store (self), self->project_id, NULL);
  g_autofree char *today = cd_supply_gui_today ();

  adw_window_title_set_subtitle (self->window_title, _("New"));
  show_project (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  for (guint i = 0; goods != NULL && i < goods->len; i++)
    add_edit_line (self, g_ptr_array_index (goods, i));
  if (goods == NULL || goods->len == 0)
    add_edit_line (self, NULL);
  renumber_lines (self);
}

static void
show_slip (CdPickupSlipWindow *self)
{
  const CdPickupSlip *slip = self->slip;
  g_autofree char *project = g_strdup_printf ("%s %s", slip->project_number, slip->project_name);
  g_autofree char *title = g_strdup_printf (_("Pickup Slip %s"), slip->number);

  /* The number in the title tells one slip's window from another's. */
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, slip->number);
  cd_supply_gui_set_subtitle (self->client_row, slip->client_name);
  cd_supply_gui_set_subtitle (self->project_row, project);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), slip->date);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), slip->notes ? slip->notes : "");
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), slip->received_by ? slip->received_by : "");
  for (guint i = 0; i < slip->lines->len; i++)
    add_shown_line (self, g_ptr_array_index (slip->lines, i));
}

static void
load (CdPickupSlipWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;

  g_clear_pointer (&self->slip, cd_pickup_slip_free);
  cd_supply_gui_clear_list (self->lines_list);
  if (self->slip_id != 0 && (self->slip = cd_store_pickup_slip_get (get_store (self), self->slip_id, &error)) == NULL)
    cd_supply_gui_toast (self->toast_overlay, error->message);
  if (self->slip != NULL)
    {
      self->project_id = self->slip->project_id;
      show_slip (self);
    }
  else if (self->slip_id == 0)
    show_new (self);
  status = status_text (self->slip);
  gtk_label_set_text (self->status_label, status);
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/* Strictly YYYY-MM-DD, as the store wants it. */
static gboolean
valid_date (const char *text)
{
  guint y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return y >= 1900 && y <= 9999 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* After a save: @self already shows what was saved. */
static void
changed (CdPickupSlipWindow *self, const char *message)
{
  cd_supply_gui_toast (self->toast_overlay, message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  cd_supply_gui_reload_main (GTK_WINDOW (self));
}

static void
create_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdPickupSlipWindow *self = CD_PICKUP_SLIP_WINDOW (widget);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  clear_errors (self);
  if (!valid_date (date))
    {
      show_error (self->details_error, _("Handover date: write it as YYYY-MM-DD, such as 2026-03-31."));
      return;
    }
  if ((lines = read_lines (self)) == NULL)
    return;
  id = cd_store_pickup_slip_create (get_store (self), self->project_id, date, *notes ? notes : NULL, lines, &error);
  if (id == 0)
    {
      show_error (g_str_has_prefix (error->message, _("Notes")) ? self->details_error : self->lines_error,
                  error->message);
      return;
    }
  self->slip_id = id;
  cd_history_button_set_row (CD_HISTORY_BUTTON (self->history_button), id);
  load (self);
  message = g_strdup_printf (_("Pickup slip %s created: save it as PDF and print it for the client to sign"),
                             self->slip ? self->slip->number : "");
  changed (self, message);
}

static void
sign_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdPickupSlipWindow *self = CD_PICKUP_SLIP_WINDOW (widget);
  g_autofree char *received = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_row))));
  g_autoptr (GError) error = NULL;

  clear_errors (self);
  if (*received == '\0')
    {
      show_error (self->sign_error, _("Received by: write the name of the person who signed for the goods."));
      return;
    }
  if (!cd_store_pickup_slip_sign (get_store (self), self->slip_id, received, &error))
    {
      show_error (self->sign_error, error->message);
      return;
    }
  load (self);
  changed (self, _("Marked signed"));
}

static void
add_line_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdPickupSlipWindow *self = CD_PICKUP_SLIP_WINDOW (widget);

  add_edit_line (self, NULL);
  renumber_lines (self);
}

static void
save_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdPickupSlipWindow *self = CD_PICKUP_SLIP_WINDOW (widget);

  if (self->slip != NULL)
    cd_supply_gui_save_pdf (GTK_WINDOW (self), self->toast_overlay, self->context, CD_SUPPLY_DOC_PICKUP_SLIP,
                            self->slip->id, self->slip->number, _("Save Pickup Slip as PDF"));
}

/* ------------------------------------------------------------------ */

static void
name_rows (CdPickupSlipWindow *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->client_row), GTK_WIDGET (self->project_row), GTK_WIDGET (self->date_row),
    GTK_WIDGET (self->notes_row), GTK_WIDGET (self->received_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), -1);
}

static void
cd_pickup_slip_window_dispose (GObject *object)
{
  CdPickupSlipWindow *self = CD_PICKUP_SLIP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PICKUP_SLIP_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->slip, cd_pickup_slip_free);
  G_OBJECT_CLASS (cd_pickup_slip_window_parent_class)->dispose (object);
}

static void
cd_pickup_slip_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdPickupSlipWindow *self = CD_PICKUP_SLIP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdPickupSlipWindow, name)

static void
cd_pickup_slip_window_class_init (CdPickupSlipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_pickup_slip_window_dispose;
  object_class->set_property = cd_pickup_slip_window_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /**
   * CdPickupSlipWindow::changed:
   *
   * The slip was created or marked signed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-pickup-slip-window.ui");
  BIND (toast_overlay); BIND (header_bar); BIND (window_title); BIND (create_button); BIND (pdf_button); BIND (status_label);
  BIND (client_row); BIND (project_row); BIND (date_row); BIND (notes_row); BIND (details_error);
  BIND (add_line_button); BIND (lines_list); BIND (lines_error); BIND (sign_group); BIND (sign_button);
  BIND (received_row); BIND (sign_error);

  gtk_widget_class_install_action (widget_class, "slip.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "slip.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "slip.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "slip.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_pickup_slip_window_init (CdPickupSlipWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_rows (self);
  cd_accessible_name_parts (GTK_WIDGET (self));
}

static CdPickupSlipWindow *
create (CdContext *context, gint64 slip_id, gint64 project_id)
{
  CdPickupSlipWindow *self = g_object_new (CD_TYPE_PICKUP_SLIP_WINDOW, "context", context, NULL);

  self->slip_id = slip_id;
  self->project_id = project_id;
  /* Who changed this slip, and when (issue 10); a new slip has none yet. */
  self->history_button = cd_history_button_new (context, "pickup_slip", slip_id);
  adw_header_bar_pack_end (self->header_bar, self->history_button);
  load (self);
  return self;
}

/* ------------------------------------------------------------------ */

CdPickupSlipWindow *
cd_pickup_slip_window_new (CdContext *context, gint64 slip_id)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return create (context, slip_id, 0);
}

CdPickupSlipWindow *
cd_pickup_slip_window_new_for_project (CdContext *context, gint64 project_id)
{
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return create (context, 0, project_id);
}

CdPickupSlipWindow *
cd_pickup_slip_window_present (GtkWidget *widget, CdContext *context, gint64 slip_id)
{
  CdPickupSlipWindow *self = cd_pickup_slip_window_new (context, slip_id);

  cd_supply_gui_present (GTK_WINDOW (self), widget);
  return self;
}

CdPickupSlipWindow *
cd_pickup_slip_window_present_new (GtkWidget *widget, CdContext *context, gint64 project_id)
{
  CdPickupSlipWindow *self = cd_pickup_slip_window_new_for_project (context, project_id);

  cd_supply_gui_present (GTK_WINDOW (self), widget);
  return self;
}

gint64
cd_pickup_slip_window_get_slip_id (CdPickupSlipWindow *self)
{
  g_return_val_if_fail (CD_IS_PICKUP_SLIP_WINDOW (self), 0);
  return self->slip_id;
}
