/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "gui/cd-acceptance-editor.h"
#include "gui/cd-accessible.h"
#include "gui/cd-history-button.h"
#include "gui/cd-supplier-order-window.h"
#include "gui/cd-supply-gui.h"
#include "store/cd-store-suppliers.h"

struct _CdAcceptanceEditor
{
  AdwWindow           parent_instance;

  CdContext          *context;
  gint64              acceptance_id;
  CdAcceptance       *acceptance;
  GCancellable       *cancellable;
  gboolean            loading;        /* filling widgets: not the user's doing */
  GPtrArray          *toggles;        /* GtkToggleButton[3] per item, flat */
  GPtrArray          *notes;          /* GtkEntry per item */

  AdwToastOverlay    *toast_overlay;
  AdwHeaderBar       *header_bar;
  AdwWindowTitle     *window_title;
  GtkButton          *sign_button;
  GtkButton          *rework_button;
  GtkMenuButton      *more_button;
  GtkLabel           *status_label;
  GtkLabel           *result_label;
  AdwPreferencesGroup *details_group;
  AdwActionRow       *supplier_row;
  AdwActionRow       *order_row;
  AdwActionRow       *project_row;
  AdwActionRow       *delivery_row;
  GtkEntry           *inspected_entry;
  GtkListBox         *items_list;
  AdwPreferencesGroup *counts_group;
  GtkListBox         *counts_list;
  GtkButton          *add_photo_button;
  GtkFlowBox         *photos_box;
  GtkLabel           *photos_empty;
  GtkTextView        *notes_view;
};

G_DEFINE_FINAL_TYPE (CdAcceptanceEditor, cd_acceptance_editor, ADW_TYPE_WINDOW)

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

static const CdCheckResult judgements[] = { CD_CHECK_PASS, CD_CHECK_FAIL, CD_CHECK_CONDITIONAL };

static void load (CdAcceptanceEditor *self);
static void load_photos (CdAcceptanceEditor *self);

static CdStore *
get_store (CdAcceptanceEditor *self)
{
  return cd_context_get_store (self->context);
}

static gboolean
is_draft (CdAcceptanceEditor *self)
{
  return self->acceptance != NULL && self->acceptance->status == CD_ACCEPTANCE_DRAFT;
}

static void
toast (CdAcceptanceEditor *self, const char *text)
{
  cd_supply_gui_toast (self->toast_overlay, text);
}

static void
changed (CdAcceptanceEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* State                                                               */

static guint
count_judged (const CdAcceptance *a)
{
  guint n = 0;

  for (guint i = 0; i < a->items->len; i++)
    if (((CdAcceptanceItem *) g_ptr_array_index (a->items, i))->result != CD_CHECK_UNJUDGED)
      n++;
  return n;
}

static char *
status_text (const CdAcceptance *a)
{
  if (a->status == CD_ACCEPTANCE_SIGNED)
    return g_strdup_printf (_("Signed by %s on %s — locked"), a->signer_name ? a->signer_name : "?",
                            a->signed_date ? a->signed_date : "?");
  return g_strdup_printf (_("Draft: %u of %u items judged"), count_judged (a), a->items->len);
}

static char *
result_text (const CdAcceptance *a)
{
  CdCheckResult result = a->status == CD_ACCEPTANCE_SIGNED ? a->result : cd_acceptance_compute_result (a);
  guint mismatches = cd_acceptance_count_mismatches (a);
  const char *label = cd_check_result_label (result);

  if (a->status == CD_ACCEPTANCE_DRAFT && !cd_acceptance_all_judged (a))
    return g_strdup (_("Every item needs a judgement before the acceptance can be signed."));
  if (mismatches > 0 && result != CD_CHECK_FAIL)
    return g_strdup_printf (ngettext ("Result: %s — %u quantity differs from the order, so it cannot pass clean.",
                                      "Result: %s — %u quantities differ from the order, so they cannot pass clean.",
                                      mismatches), label, mismatches);
  if (a->status == CD_ACCEPTANCE_SIGNED && result == CD_CHECK_FAIL && a->order_status == CD_SUPPLIER_ORDER_REJECTED)
    return g_strdup_printf (_("Result: %s — the order was rejected and waits for its rework order."), label);
  return g_strdup_printf (_("Result: %s"), label);
}

static void
update_state (CdAcceptanceEditor *self)
{
  const CdAcceptance *a = self->acceptance;
  gboolean draft = is_draft (self);
  gboolean rework = a != NULL && a->status == CD_ACCEPTANCE_SIGNED && a->result == CD_CHECK_FAIL
                    && a->order_status == CD_SUPPLIER_ORDER_REJECTED;
  g_autofree char *status = a ? status_text (a) : NULL;
  g_autofree char *result = a ? result_text (a) : NULL;

  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_label_set_text (self->result_label, result ? result : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "acceptance.sign", draft && cd_acceptance_all_judged (a));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "acceptance.add-photo", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "acceptance.rework", rework);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "acceptance.open-order",
                                 a != NULL && a->supplier_order_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "acceptance.save-pdf", a != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), a == NULL || draft);
  gtk_widget_set_visible (GTK_WIDGET (self->add_photo_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->rework_button), rework);
  gtk_editable_set_editable (GTK_EDITABLE (self->inspected_entry), draft);
  gtk_text_view_set_editable (self->notes_view, draft);
}

/* ------------------------------------------------------------------ */
/* Checklist items                                                     */

static CdAcceptanceItem *
item_at (CdAcceptanceEditor *self, guint index)
{
  return g_ptr_array_index (self->acceptance->items, index);
}

static void
show_judgement (CdAcceptanceEditor *self, guint index)
{
  CdCheckResult result = item_at (self, index)->result;

  self->loading = TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (judgements); k++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->toggles, index * 3 + k),
                                  judgements[k] == result);
  self->loading = FALSE;
}

static gboolean
judge (CdAcceptanceEditor *self, guint index, CdCheckResult result)
{
  g_autoptr (GError) error = NULL;
  CdAcceptanceItem *item = item_at (self, index);
  const char *note = gtk_editable_get_text (g_ptr_array_index (self->notes, index));

  if (!cd_store_acceptance_judge (get_store (self), item->id, result, note, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  item->result = result;
  g_free (item->note);
  item->note = *note ? g_strdup (note) : NULL;
  update_state (self);
  changed (self);
  return TRUE;
}

static void
on_toggle_cb (GtkToggleButton *button, CdAcceptanceEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item-index"));
  CdCheckResult result = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "result"));

  if (self->loading || !gtk_toggle_button_get_active (button) || item_at (self, index)->result == result)
    return;
  if (!judge (self, index, result))
    show_judgement (self, index);
}

static void
save_note (CdAcceptanceEditor *self, GtkEntry *entry)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "item-index"));
  CdAcceptanceItem *item = item_at (self, index);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (is_draft (self) && g_strcmp0 (text, item->note ? item->note : "") != 0)
    judge (self, index, item->result);
}

static void
on_note_activate_cb (GtkEntry *entry, CdAcceptanceEditor *self)
{
  save_note (self, entry);
}

static void
on_note_leave_cb (GtkEventControllerFocus *focus, CdAcceptanceEditor *self)
{
  save_note (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static void
on_leave (GtkWidget *widget, GCallback callback, gpointer data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", callback, data);
  gtk_widget_add_controller (widget, focus);
}

static GtkWidget *
judgement_buttons (CdAcceptanceEditor *self, guint index, const CdAcceptanceItem *item)
{
  static const char *const styles[] = { "success", "error", "warning" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  for (guint k = 0; k < G_N_ELEMENTS (judgements); k++)
    {
      const char *label = cd_check_result_label (judgements[k]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);
      g_autofree char *name = g_strdup_printf ("%s: %s", label, item->text);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_widget_add_css_class (button, styles[k]);
      gtk_widget_set_sensitive (button, is_draft (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "item-index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (button), "result", GINT_TO_POINTER (judgements[k]));
      g_signal_connect (button, "toggled", G_CALLBACK (on_toggle_cb), self);
      g_ptr_array_add (self->toggles, button);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GtkWidget *
item_row (CdAcceptanceEditor *self, guint index, const CdAcceptanceItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, item->text);
  g_autofree char *note_name = g_strdup_printf (_("Note on “%s”"), item->text);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *note = gtk_entry_new ();

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), judgement_buttons (self, index, item));
  gtk_box_append (GTK_BOX (box), top);

  gtk_editable_set_text (GTK_EDITABLE (note), item->note ? item->note : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note: what was wrong, what was agreed"));
  gtk_entry_set_max_length (GTK_ENTRY (note), CD_SUPPLY_NOTE_MAX);
  gtk_editable_set_editable (GTK_EDITABLE (note), is_draft (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_name, -1);
  g_object_set_data (G_OBJECT (note), "item-index", GUINT_TO_POINTER (index));
  g_signal_connect (note, "activate", G_CALLBACK (on_note_activate_cb), self);
  on_leave (note, G_CALLBACK (on_note_leave_cb), self);
  g_ptr_array_add (self->notes, note);
  gtk_box_append (GTK_BOX (box), note);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, item->text, -1);
  return row;
}

static void
fill_items (CdAcceptanceEditor *self)
{
  cd_supply_gui_clear_list (self->items_list);
  g_ptr_array_set_size (self->toggles, 0);
  g_ptr_array_set_size (self->notes, 0);
  for (guint i = 0; i < self->acceptance->items->len; i++)
    {
      gtk_list_box_append (self->items_list, item_row (self, i, item_at (self, i)));
      show_judgement (self, i);
    }
}

/* ------------------------------------------------------------------ */
/* Counts                                                              */

static char *
ordered_text (const CdAcceptanceCount *c)
{
  g_autofree char *qty = cd_quantity_format (c->ordered_milli);

  return g_strdup_printf (_("Ordered: %s %s"), qty, c->unit ? c->unit : "");
}

/* @quiet: while typing, a count that does not read yet is no error. */
static void
save_count (CdAcceptanceEditor *self, GtkEntry *entry, gboolean quiet)
{
  g_autoptr (GError) error = NULL;
  CdAcceptanceCount *c = g_object_get_data (G_OBJECT (entry), "count");
  GtkWidget *flag = g_object_get_data (G_OBJECT (entry), "flag");
  gint64 milli;

  if (!is_draft (self))
    return;
  if (!cd_quantity_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), &milli, &error)
      || (milli != c->received_milli
          && !cd_store_acceptance_set_received (get_store (self), c->id, milli, &error)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      if (!quiet)
        toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (milli == c->received_milli)
    return;
  c->received_milli = milli;
  gtk_widget_set_visible (flag, cd_acceptance_count_mismatch (c));
  update_state (self);
  changed (self);
}

static void
on_count_activate_cb (GtkEntry *entry, CdAcceptanceEditor *self)
{
  save_count (self, entry, FALSE);
}

static gboolean
on_count_typed_cb (gpointer data)
{
  GtkEntry *entry = data;
  CdAcceptanceEditor *self = g_object_get_data (G_OBJECT (entry), "editor");

  g_object_set_data (G_OBJECT (entry), "save-source", NULL);
  /* Unless the list was refilled or the window closed meanwhile. */
  if (gtk_widget_get_root (GTK_WIDGET (entry)) != NULL && self != NULL)
    save_count (self, entry, TRUE);
  return G_SOURCE_REMOVE;
}

/* Counts are kept as they are typed, once the typing pauses: a count must
 * not be lost to a window closed without leaving the field. */
static void
on_count_changed_cb (GtkEntry *entry, CdAcceptanceEditor *self)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "save-source"));

  if (self->loading || !is_draft (self))
    return;
  if (source != 0)
    g_source_remove (source);
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, 600, on_count_typed_cb, g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (entry), "save-source", GUINT_TO_POINTER (source));
}

static void
on_count_leave_cb (GtkEventControllerFocus *focus, CdAcceptanceEditor *self)
{
  save_count (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))), FALSE);
}

static GtkWidget *
count_row (CdAcceptanceEditor *self, CdAcceptanceCount *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *ordered = ordered_text (c);
  g_autofree char *received = c->received_milli >= 0 ? cd_quantity_format (c->received_milli) : g_strdup ("");
  g_autofree char *name = g_strdup_printf (_("Received quantity of “%s”"), c->item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->item);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ordered);
  gtk_widget_add_css_class (flag, "warning");
  gtk_widget_set_tooltip_text (flag, _("Differs from the order"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Differs from the order"), -1);
  gtk_widget_set_visible (flag, cd_acceptance_count_mismatch (c));
  gtk_editable_set_text (GTK_EDITABLE (entry), received);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_editable (GTK_EDITABLE (entry), is_draft (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), "count", c);
  g_object_set_data (G_OBJECT (entry), "flag", flag);
  g_signal_connect (entry, "activate", G_CALLBACK (on_count_activate_cb), self);
  g_object_set_data (G_OBJECT (entry), "editor", self);
  g_object_set_data (G_OBJECT (row), "count-entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_count_changed_cb), self);
  on_leave (entry, G_CALLBACK (on_count_leave_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  if (c->unit != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (c->unit));
  return row;
}

/* Counts still waiting for their typing to pause are part of what is
 * signed or printed. */
static void
flush_counts (CdAcceptanceEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->counts_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEntry *entry = g_object_get_data (G_OBJECT (row), "count-entry");
      guint source = entry ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "save-source")) : 0;

      if (source == 0)
        continue;
      g_source_remove (source);
      g_object_set_data (G_OBJECT (entry), "save-source", NULL);
      save_count (self, entry, FALSE);
    }
}

static void
fill_counts (CdAcceptanceEditor *self)
{
  GPtrArray *counts = self->acceptance->counts;

  cd_supply_gui_clear_list (self->counts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), counts->len > 0);
  for (guint i = 0; i < counts->len; i++)
    gtk_list_box_append (self->counts_list, count_row (self, g_ptr_array_index (counts, i)));
}

/* ------------------------------------------------------------------ */
/* Details and notes                                                   */

static void
fill_details (CdAcceptanceEditor *self)
{
  const CdAcceptance *a = self->acceptance;
  gboolean delivery = a->supplier_order_id != 0;
  g_autofree char *project = g_strdup_printf ("%s (%s)", a->project_name ? a->project_name : "",
                                              a->project_number ? a->project_number : "");
  g_autofree char *delivered = NULL;
  g_autofree char *title = g_strdup_printf (delivery ? _("Delivery Acceptance %s") : _("Output Checklist %s"),
                                            a->number);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, delivery ? a->supplier_name : a->work_order_number);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_preferences_group_set_title (self->details_group, delivery ? _("Delivery") : _("Output"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->supplier_row), delivery ? _("Supplier") : _("Work order"));
  cd_supply_gui_set_subtitle (self->supplier_row, delivery ? a->supplier_name : a->work_order_number);
  cd_supply_gui_set_subtitle (self->order_row, a->order_number);
  cd_supply_gui_set_subtitle (self->project_row, project);
  if (a->delivered_date != NULL)
    delivered = cd_acceptance_is_late (a)
                ? g_strdup_printf (_("%s — late, promised for %s"), a->delivered_date, a->promised_date)
                : g_strdup_printf (_("%s — on time"), a->delivered_date);
  cd_supply_gui_set_subtitle (self->delivery_row, delivered);
  gtk_widget_set_visible (GTK_WIDGET (self->order_row), delivery);
  gtk_widget_set_visible (GTK_WIDGET (self->delivery_row), delivery);
  gtk_editable_set_text (GTK_EDITABLE (self->inspected_entry), a->inspected_date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), a->notes ? a->notes : "", -1);
}

static void
save_notes (CdAcceptanceEditor *self)
{
  g_autoptr (GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->inspected_entry));
  CdAcceptance *a = self->acceptance;

  if (!is_draft (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (notes, a->notes ? a->notes : "") == 0 && g_strcmp0 (date, a->inspected_date) == 0)
    return;
  if (!cd_store_acceptance_set_notes (get_store (self), self->acceptance_id, date, notes, &error))
    {
      toast (self, error->message);
      return;
    }
  g_free (a->notes);
  a->notes = *notes ? g_steal_pointer (&notes) : NULL;
  g_free (a->inspected_date);
  a->inspected_date = g_strdup (date);
  changed (self);
}

static void
on_details_leave_cb (GtkEventControllerFocus *focus, CdAcceptanceEditor *self)
{
  save_notes (self);
}

static void
on_inspected_activate_cb (GtkEntry *entry, CdAcceptanceEditor *self)
{
  save_notes (self);
}

/* ------------------------------------------------------------------ */
/* Photos                                                              */

typedef struct
{
  gint64      id;
  char       *filename;
  GdkTexture *texture;   /* NULL when the picture cannot be read */
} Photo;

static void
photo_free (Photo *photo)
{
  g_free (photo->filename);
  g_clear_object (&photo->texture);
  g_free (photo);
}

typedef struct
{
  CdStore   *store;
  GPtrArray *infos;   /* CdAttachmentInfo */
} PhotoJob;

static void
photo_job_free (PhotoJob *job)
{
  g_object_unref (job->store);
  g_ptr_array_unref (job->infos);
  g_free (job);
}

/* Reads and decodes the photos off the UI thread. The job holds the store:
 * the window may be closed while it runs. */
static void
load_photos_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PhotoJob *job = data;
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);

  for (guint i = 0; i < job->infos->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const CdAttachmentInfo *info = g_ptr_array_index (job->infos, i);
      g_autoptr (GBytes) bytes = cd_store_attachment_get_content (job->store, info->id, NULL, NULL);
      Photo *photo = g_new0 (Photo, 1);

      photo->id = info->id;
      photo->filename = g_strdup (info->filename);
      photo->texture = bytes ? gdk_texture_new_from_bytes (bytes, NULL) : NULL;
      g_ptr_array_add (photos, photo);
    }
  g_task_return_pointer (task, g_steal_pointer (&photos), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_remove_photo_cb (GtkButton *button, CdAcceptanceEditor *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "photo-id");

  if (!cd_store_acceptance_remove_photo (get_store (self), id, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Photo removed"));
  load (self);
  changed (self);
}

static GtkWidget *
photo_tile (CdAcceptanceEditor *self, const Photo *photo)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = photo->texture ? gtk_picture_new_for_paintable (GDK_PAINTABLE (photo->texture))
                                      : gtk_image_new_from_icon_name ("image-missing-symbolic");
  GtkWidget *caption = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (photo->filename);
  g_autofree char *name = g_strdup_printf (_("Photo “%s”"), photo->filename);

  gtk_widget_set_size_request (picture, 160, 120);
  if (GTK_IS_PICTURE (picture))
    gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (caption), label);
  if (is_draft (self))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_name = g_strdup_printf (_("Remove photo “%s”"), photo->filename);

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the photo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (remove), "photo-id", g_memdup2 (&photo->id, sizeof photo->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_photo_cb), self);
      gtk_box_append (GTK_BOX (caption), remove);
    }
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

static void
on_photos_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GPtrArray) photos = g_task_propagate_pointer (G_TASK (result), NULL);
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (source);
  GtkWidget *child;

  if (photos == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos_box))) != NULL)
    gtk_flow_box_remove (self->photos_box, child);
  for (guint i = 0; i < photos->len; i++)
    gtk_flow_box_append (self->photos_box, photo_tile (self, g_ptr_array_index (photos, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->photos_empty), photos->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->photos_box), photos->len > 0);
}

static void
load_photos (CdAcceptanceEditor *self)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, on_photos_loaded_cb, NULL);
  PhotoJob *job = g_new0 (PhotoJob, 1);

  g_task_set_source_tag (task, load_photos);
  job->store = g_object_ref (get_store (self));
  job->infos = g_ptr_array_ref (self->acceptance->photos);
  g_task_set_task_data (task, job, (GDestroyNotify) photo_job_free);
  g_task_run_in_thread (task, load_photos_thread);
}

static void
on_photo_bytes_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CdAcceptanceEditor) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (cd_store_acceptance_add_photo (get_store (self), self->acceptance_id, name, bytes, &error) == 0)
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Photo added"));
  load (self);
  changed (self);
}

static void
on_photo_chosen_cb (GtkNativeDialog *chooser, int response, CdAcceptanceEditor *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    g_file_load_bytes_async (file, self->cancellable, on_photo_bytes_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
add_photo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add a Photo"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                                               _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos (PNG, JPEG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_photo_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Signing and what follows                                            */

static void
sign (CdAcceptanceEditor *self)
{
  g_autoptr (GError) error = NULL;
  gint64 staff = cd_context_get_current_staff (self->context);

  if (!cd_store_acceptance_sign (get_store (self), self->acceptance_id, staff, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  load (self);
  changed (self);
  if (self->acceptance != NULL && self->acceptance->result == CD_CHECK_FAIL && self->acceptance->supplier_order_id)
    cd_supply_gui_toast_action (self->toast_overlay, _("Signed: the delivery failed and the order is rejected"),
                                _("Create Rework Order"), "acceptance.rework");
  else
    toast (self, _("Signed and locked"));
}

static void
on_sign_response_cb (AdwMessageDialog *dialog, const char *response, CdAcceptanceEditor *self)
{
  if (g_strcmp0 (response, "sign") == 0)
    sign (self);
}

static void
sign_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (widget);
  CdCheckResult result;
  g_autofree char *heading = g_strdup_printf (_("Sign Acceptance %s?"), self->acceptance->number);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Notes typed but not yet left are part of what is signed. */
  save_notes (self);
  flush_counts (self);
  result = cd_acceptance_compute_result (self->acceptance);
  if (self->acceptance->supplier_order_id == 0)
    body = g_strdup_printf (_("The result is %s. Signing locks the checklist: nothing in it can change afterwards."),
                            cd_check_result_label (result));
  else if (result == CD_CHECK_FAIL)
    body = g_strdup_printf (_("The result is %s: order %s will be rejected and can then be reworked. Signing locks "
                              "the acceptance: nothing in it can change afterwards."),
                            cd_check_result_label (result), self->acceptance->order_number);
  else
    body = g_strdup_printf (_("The result is %s: order %s will be accepted. Signing locks the acceptance: "
                              "nothing in it can change afterwards."),
                            cd_check_result_label (result), self->acceptance->order_number);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign",
                                              result == CD_CHECK_FAIL ? ADW_RESPONSE_DESTRUCTIVE
                                                                      : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_sign_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rework_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 order = cd_store_acceptance_create_rework (get_store (self), self->acceptance_id, NULL, NULL, &error);

  if (order == 0)
    {
      toast (self, error->message);
      return;
    }
  load (self);
  changed (self);
  cd_supplier_order_window_present (GTK_WIDGET (self), self->context, order);
}

static void
open_order_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (widget);

  if (self->acceptance != NULL && self->acceptance->supplier_order_id != 0)
    cd_supplier_order_window_present (GTK_WIDGET (self), self->context, self->acceptance->supplier_order_id);
}

static void
save_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (widget);

  save_notes (self);
  cd_supply_gui_save_pdf (GTK_WINDOW (self), self->toast_overlay, self->context, CD_SUPPLY_DOC_ACCEPTANCE,
                          self->acceptance_id, self->acceptance->number, _("Save the Acceptance as PDF"));
}

/* ------------------------------------------------------------------ */

static void
load (CdAcceptanceEditor *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->acceptance, cd_acceptance_free);
  self->acceptance = cd_store_acceptance_get (get_store (self), self->acceptance_id, &error);
  if (self->acceptance == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      update_state (self);
      return;
    }
  self->loading = TRUE;
  fill_details (self);
  fill_items (self);
  fill_counts (self);
  self->loading = FALSE;
  update_state (self);
  load_photos (self);
}

static void
cd_acceptance_editor_dispose (GObject *object)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_ACCEPTANCE_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->acceptance, cd_acceptance_free);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_acceptance_editor_parent_class)->dispose (object);
}

static void
cd_acceptance_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CdAcceptanceEditor *self = CD_ACCEPTANCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CdAcceptanceEditor, name)

static void
cd_acceptance_editor_class_init (CdAcceptanceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_acceptance_editor_dispose;
  object_class->set_property = cd_acceptance_editor_set_property;
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /**
   * CdAcceptanceEditor::changed:
   *
   * Something was saved: lists that show acceptances and orders refresh.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ClientDesk/ui/cd-acceptance-editor.ui");
  BIND (toast_overlay); BIND (header_bar); BIND (window_title); BIND (sign_button); BIND (rework_button); BIND (more_button); BIND (status_label);
  BIND (result_label); BIND (details_group); BIND (supplier_row); BIND (order_row); BIND (project_row);
  BIND (delivery_row); BIND (inspected_entry); BIND (items_list); BIND (counts_group); BIND (counts_list);
  BIND (add_photo_button); BIND (photos_box); BIND (photos_empty); BIND (notes_view);

  gtk_widget_class_install_action (widget_class, "acceptance.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "acceptance.rework", NULL, rework_action);
  gtk_widget_class_install_action (widget_class, "acceptance.add-photo", NULL, add_photo_action);
  gtk_widget_class_install_action (widget_class, "acceptance.open-order", NULL, open_order_action);
  gtk_widget_class_install_action (widget_class, "acceptance.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_acceptance_editor_init (CdAcceptanceEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cd_accessible_name_menu_button (self->more_button, _("More acceptance actions"));
  self->cancellable = g_cancellable_new ();
  self->toggles = g_ptr_array_new ();
  self->notes = g_ptr_array_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_details_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
  on_leave (GTK_WIDGET (self->inspected_entry), G_CALLBACK (on_details_leave_cb), self);
  g_signal_connect (self->inspected_entry, "activate", G_CALLBACK (on_inspected_activate_cb), self);
}

/* ------------------------------------------------------------------ */

CdAcceptanceEditor *
cd_acceptance_editor_new (CdContext *context, gint64 acceptance_id)
{
  CdAcceptanceEditor *self;

  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  self = g_object_new (CD_TYPE_ACCEPTANCE_EDITOR, "context", context, NULL);
  self->acceptance_id = acceptance_id;
  /* Who changed this record, and when (issue 10). */
  adw_header_bar_pack_end (self->header_bar, cd_history_button_new (context, "acceptance", acceptance_id));
  load (self);
  return self;
}

CdAcceptanceEditor *
cd_acceptance_editor_present (GtkWidget *widget, CdContext *context, gint64 acceptance_id)
{
  CdAcceptanceEditor *self = cd_acceptance_editor_new (context, acceptance_id);

  cd_supply_gui_present (GTK_WINDOW (self), widget);
  return self;
}

gint64
cd_acceptance_editor_get_acceptance_id (CdAcceptanceEditor *self)
{
  g_return_val_if_fail (CD_IS_ACCEPTANCE_EDITOR (self), 0);
  return self->acceptance_id;
}
