/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project worksheet (项目工作表): figures and margin (a warning row
 * under the minimum), the lifecycle buttons (a cancel asks why), the brief
 * form naming its missing fields, and the project's work orders, supplier
 * orders with their acceptance, pickup slips, installments, payments and
 * dated timeline. Read on a worker thread. */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/cd-money.h"
#include "core/cd-states.h"
#include "gui/cd-history-button.h"
#include "gui/cd-paged-columns.h"
#include "gui/cd-project-page.h"
#include "gui/cd-work-order-dialog.h"
#include "store/cd-store-projects.h"

struct _CdProjectPage
{
  AdwBin        parent_instance;

  CdContext    *context;
  GCancellable *cancellable;
  gint64        project_id;
  CdWorksheet  *sheet;
  gboolean      loading;

  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkBox       *lifecycle_box;
  GtkWidget    *warning_row;
  GtkLabel     *warning_label;
  GtkGrid      *figures_grid;
  GtkBox       *sections_box;

  GHashTable   *brief_entries;   /* key → GtkEditable */
  GtkLabel     *missing_label;
  GtkLabel     *brief_error;
  GtkDropDown  *ae_drop;
  GArray       *ae_ids;          /* gint64, index 0: none */
  GtkEntry     *margin_entry;
  GtkLabel     *settings_error;
};

G_DEFINE_FINAL_TYPE (CdProjectPage, cd_project_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void load (CdProjectPage *self);

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
add_figure (CdProjectPage *self, int row, int col, const char *caption, const char *value)
{
  GtkWidget *name = gtk_label_new (caption);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
  gtk_grid_attach (self->figures_grid, name, col * 2, row, 1, 1);
  gtk_grid_attach (self->figures_grid, label, col * 2 + 1, row, 1, 1);
}

static char *
percent (gint64 bp)
{
  return g_strdup_printf ("%s%" PRId64 ".%02" PRId64 " %%", bp < 0 ? "−" : "",
                          ABS (bp) / 100, ABS (bp) % 100);
}

static void
show_figures (CdProjectPage *self)
{
  CdWorksheet *ws = self->sheet;
  g_autofree char *quote = cd_money_format (ws->quote_total_fen);
  g_autofree char *contract = cd_money_format (ws->contract_total_fen);
  g_autofree char *costs = cd_money_format (ws->supplier_cost_fen);
  g_autofree char *margin = cd_money_format (ws->margin_fen);
  g_autofree char *margin_pct = percent (ws->margin_bp);
  g_autofree char *min_pct = percent (ws->project->min_margin_bp);
  g_autofree char *installments = cd_money_format (ws->installments_fen);
  g_autofree char *paid = cd_money_format (ws->paid_fen);

  clear_box (GTK_WIDGET (self->figures_grid));
  add_figure (self, 0, 0, _("Accepted quote"), quote);
  add_figure (self, 1, 0, _("Contract total"), contract);
  add_figure (self, 2, 0, _("Supplier costs so far"), costs);
  add_figure (self, 3, 0, _("Margin"), margin);
  add_figure (self, 0, 1, _("Margin rate"), margin_pct);
  add_figure (self, 1, 1, _("Minimum margin"), min_pct);
  add_figure (self, 2, 1, _("Installments"), installments);
  add_figure (self, 3, 1, _("Received"), paid);
  gtk_widget_set_visible (self->warning_row, ws->below_min);
  if (ws->below_min)
    {
      g_autofree char *text = g_strdup_printf (_("Supplier costs push the margin to %s, below the minimum of %s for "
                                                 "this project."), margin_pct, min_pct);

      gtk_label_set_text (self->warning_label, text);
    }
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                          */

static void
show_error (CdProjectPage *self, const char *heading, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_project (CdProjectPage *self, const char *to, const char *reason)
{
  g_autoptr (GError) error = NULL;

  if (!cd_store_project_move (cd_context_get_store (self->context), self->project_id, to, reason, &error))
    show_error (self, _("The project did not move"), error->message);
  load (self);
}

static void
on_cancel_response_cb (AdwMessageDialog *dialog, const char *response, CdProjectPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason");

  if (g_strcmp0 (response, "cancel-project") == 0)
    move_project (self, "cancelled", gtk_editable_get_text (entry));
}

static void
on_reason_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-project", *text != '\0');
}

static void
ask_cancel (CdProjectPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Cancel the Project?"),
                                              _("Say why: the reason stays with the project."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the cancel"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep the Project"),
                                    "cancel-project", _("_Cancel the Project"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-project",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-project", FALSE);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_move_clicked_cb (GtkButton *button, CdProjectPage *self)
{
  const char *to = g_object_get_data (G_OBJECT (button), "to");

  if (g_str_equal (to, "cancelled"))
    ask_cancel (self);
  else
    move_project (self, to, NULL);
}

static void
on_new_work_order_cb (CdProjectPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CdWorkOrderDialog *dialog = cd_work_order_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        0, self->project_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_work_order_cb (GtkButton *button, CdProjectPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 *id = g_object_get_data (G_OBJECT (button), "cd-id");
  CdWorkOrderDialog *dialog = cd_work_order_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        *id, 0);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A work order's line gets a button that opens it (to edit it, add time
 * or move it on). */
static GtkWidget *
work_order_line (CdProjectPage *self, GtkWidget *label, GVariant *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *open = gtk_button_new_with_label (_("Open…"));
  const char *number = "";
  g_autofree char *name = NULL;
  gint64 id = 0;

  g_variant_lookup (row, "id", "x", &id);
  g_variant_lookup (row, "number", "&s", &number);
  name = g_strdup_printf (_("Open work order %s"), number);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (open, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (open), "cd-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_work_order_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), open);
  return box;
}

static void
show_lifecycle (CdProjectPage *self)
{
  g_auto (GStrv) next = cd_state_next_states ("project", self->sheet->project->status);
  GtkWidget *button;

  clear_box (GTK_WIDGET (self->lifecycle_box));
  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (g_str_equal (next[i], "cancelled") ? _("Cancel Project…")
                                                                                   : _("Move to %s"),
                                                cd_state_label ("project", next[i]));

      button = gtk_button_new_with_label (label);
      g_object_set_data_full (G_OBJECT (button), "to", g_strdup (next[i]), g_free);
      if (g_str_equal (next[i], "cancelled"))
        gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), self);
      gtk_box_append (self->lifecycle_box, button);
    }
  button = gtk_button_new_with_label (_("New Work Order…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_new_work_order_cb), self);
  gtk_box_append (self->lifecycle_box, button);
  gtk_box_append (self->lifecycle_box, cd_history_button_new (self->context, "project", self->project_id));
}

/* ------------------------------------------------------------------ */
/* AE and minimum margin                                              */

/* "25" or "25.5" (per cent) → basis points; FALSE for anything else. */
static gboolean
parse_percent (const char *text, int *out_bp)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == text || end == NULL || (*end != '\0' && !(end[0] == '%' && end[1] == '\0'))
      || !(value >= 0 && value <= 100))
    return FALSE;
  *out_bp = (int) (value * 100 + 0.5);
  return TRUE;
}

static void
on_settings_save_cb (CdProjectPage *self)
{
  CdStore *store = cd_context_get_store (self->context);
  g_autoptr (CdProject) project = cd_store_project_get (store, self->project_id, NULL);
  g_autoptr (GError) error = NULL;
  guint ae = gtk_drop_down_get_selected (self->ae_drop);
  int bp = 0;

  if (project == NULL)
    return;
  if (!parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->margin_entry)), &bp))
    {
      gtk_label_set_text (self->settings_error,
                          _("Type the minimum margin as a percentage between 0 and 100, such as 20 or 22.5."));
      return;
    }
  project->min_margin_bp = bp;
  project->ae_id = ae < self->ae_ids->len ? g_array_index (self->ae_ids, gint64, ae) : 0;
  if (!cd_store_project_save (store, project, &error))
    {
      gtk_label_set_text (self->settings_error, error->message);
      return;
    }
  load (self);
}

/* The account executive working on the project and the margin under which
 * the worksheet warns (the default comes from Preferences). */
static void
add_settings (CdProjectPage *self)
{
  CdProject *p = self->sheet->project;
  g_autoptr (GVariant) staff = cd_store_staff_for (cd_context_get_store (self->context), TRUE, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *margin = g_strdup_printf ("%.2f", p->min_margin_bp / 100.0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  GtkWidget *caption;
  GVariantIter iter;
  GVariant *row;
  gint64 none = 0;

  g_clear_pointer (&self->ae_ids, g_array_unref);
  self->ae_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->ae_ids, none);
  gtk_string_list_append (names, _("No AE"));
  if (staff != NULL)
    for (g_variant_iter_init (&iter, staff); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
      {
        gint64 id = 0;
        const char *name = "";

        g_variant_lookup (row, "id", "x", &id);
        g_variant_lookup (row, "name", "&s", &name);
        g_array_append_val (self->ae_ids, id);
        gtk_string_list_append (names, name);
      }
  self->ae_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  for (guint i = 0; i < self->ae_ids->len; i++)
    if (g_array_index (self->ae_ids, gint64, i) == p->ae_id)
      gtk_drop_down_set_selected (self->ae_drop, i);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ae_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Account executive"), -1);
  self->margin_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->margin_entry), margin);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->margin_entry), 7);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->margin_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minimum margin (%)"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save the AE and minimum margin"), -1);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_settings_save_cb), self);
  g_signal_connect_swapped (self->margin_entry, "activate", G_CALLBACK (on_settings_save_cb), self);
  caption = gtk_label_new (_("AE"));
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ae_drop));
  caption = gtk_label_new (_("Minimum margin (%)"));
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_start (caption, 12);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->margin_entry));
  gtk_box_append (GTK_BOX (box), save);
  gtk_box_append (self->sections_box, box);
  self->settings_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->settings_error, 0);
  gtk_label_set_wrap (self->settings_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->settings_error), "error");
  gtk_box_append (self->sections_box, GTK_WIDGET (self->settings_error));
}

/* ------------------------------------------------------------------ */
/* Brief                                                              */

static const char *const brief_text_keys[] = {
  "background", "objectives", "audience", "deliverables", "channels", "mandatory", "approvals",
};

static char **
brief_slot (CdBrief *brief, const char *key)
{
  if (g_str_equal (key, "background")) return &brief->background;
  if (g_str_equal (key, "objectives")) return &brief->objectives;
  if (g_str_equal (key, "audience")) return &brief->audience;
  if (g_str_equal (key, "deliverables")) return &brief->deliverables;
  if (g_str_equal (key, "channels")) return &brief->channels;
  if (g_str_equal (key, "mandatory")) return &brief->mandatory;
  if (g_str_equal (key, "event_date")) return &brief->event_date;
  if (g_str_equal (key, "launch_date")) return &brief->launch_date;
  return &brief->approvals;
}

static void
add_brief_entry (CdProjectPage *self, GtkGrid *grid, int row, const char *key, const char *label,
                 const char *value)
{
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_grid_attach (grid, caption, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  g_hash_table_insert (self->brief_entries, (gpointer) key, entry);
}

static const char *
entry_text (CdProjectPage *self, const char *key)
{
  return gtk_editable_get_text (g_hash_table_lookup (self->brief_entries, key));
}

static gboolean
read_budget (const char *text, gint64 *out, GError **error)
{
  *out = -1;
  if (text == NULL || *text == '\0')
    return TRUE;
  return cd_money_parse (text, CD_MONEY_PARSE_DEFAULT, out, error);
}

static void
on_brief_save_cb (CdProjectPage *self)
{
  g_autoptr (CdBrief) brief = cd_brief_new (self->project_id);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (brief_text_keys); i++)
    *brief_slot (brief, brief_text_keys[i]) = g_strdup (entry_text (self, brief_text_keys[i]));
  brief->event_date = g_strdup (entry_text (self, "event_date"));
  brief->launch_date = g_strdup (entry_text (self, "launch_date"));
  if (!read_budget (entry_text (self, "budget_min"), &brief->budget_min_fen, &error)
      || !read_budget (entry_text (self, "budget_max"), &brief->budget_max_fen, &error)
      || !cd_store_brief_save (cd_context_get_store (self->context), brief, &error))
    {
      gtk_label_set_text (self->brief_error, error->message);
      return;
    }
  gtk_label_set_text (self->brief_error, "");
  load (self);
}

/* Reference files are kept in the database with the brief; a file this
 * large is refused with a sentence instead. */
#define MAX_ATTACHMENT (20 * 1024 * 1024)

typedef struct
{
  CdProjectPage *page;
  gint64         project_id;
  char          *name;
} Attaching;

static void
attaching_free (Attaching *a)
{
  g_object_unref (a->page);
  g_free (a->name);
  g_free (a);
}

static void
on_attachment_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Attaching *a = user_data;
  CdProjectPage *self = a->page;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (bytes != NULL && g_bytes_get_size (bytes) > MAX_ATTACHMENT)
    g_set_error_literal (&error, CD_STORE_ERROR, CD_STORE_ERROR_INVALID,
                         _("The file is larger than 20 MB: attach a smaller copy or a link."));
  if (bytes != NULL && error == NULL)
    cd_store_brief_attach (cd_context_get_store (self->context), a->project_id, a->name, bytes, &error);
  if (self->project_id == a->project_id && self->brief_error != NULL)
    {
      if (error != NULL)
        gtk_label_set_text (self->brief_error, error->message);
      else
        load (self);
    }
  attaching_free (a);
}

static void
on_attach_response_cb (GtkNativeDialog *chooser, int response, CdProjectPage *self)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                           ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL)
    {
      Attaching *a = g_new0 (Attaching, 1);

      a->page = g_object_ref (self);
      a->project_id = self->project_id;
      a->name = g_file_get_basename (file);
      g_file_load_bytes_async (file, NULL, on_attachment_loaded_cb, a);
    }
  g_object_unref (chooser);
}

static void
on_attach_clicked_cb (CdProjectPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Attach a Reference File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_attach_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
brief_buttons (CdProjectPage *self, gint64 n_attachments)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save = gtk_button_new_with_label (_("Save Brief"));
  GtkWidget *attach = gtk_button_new_with_label (_("Attach Reference File…"));
  g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%" PRId64 " reference file",
                                                         "%" PRId64 " reference files", n_attachments),
                                            n_attachments);
  GtkWidget *label = gtk_label_new (count);

  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_brief_save_cb), self);
  g_signal_connect_swapped (attach, "clicked", G_CALLBACK (on_attach_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (attach), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attach a reference file to the brief"), -1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reference files"), -1);
  gtk_box_append (GTK_BOX (box), save);
  gtk_box_append (GTK_BOX (box), attach);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static char *
budget_text (gint64 fen)
{
  return fen >= 0 ? cd_money_format_plain (fen) : g_strdup ("");
}

static void
add_brief (CdProjectPage *self)
{
  CdBrief *brief = self->sheet->brief;
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *missing = cd_brief_describe_missing (brief);
  g_autofree char *missing_text = NULL;
  g_autofree char *min = budget_text (brief->budget_min_fen);
  g_autofree char *max = budget_text (brief->budget_max_fen);
  int row = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_hash_table_remove_all (self->brief_entries);
  for (guint i = 0; i < G_N_ELEMENTS (brief_text_keys); i++)
    add_brief_entry (self, GTK_GRID (grid), row++, brief_text_keys[i], cd_brief_field_label (brief_text_keys[i]),
                     *brief_slot (brief, brief_text_keys[i]));
  add_brief_entry (self, GTK_GRID (grid), row++, "budget_min", _("Budget from (yuan)"), min);
  add_brief_entry (self, GTK_GRID (grid), row++, "budget_max", _("Budget to (yuan)"), max);
  add_brief_entry (self, GTK_GRID (grid), row++, "event_date", _("Event date"), brief->event_date);
  add_brief_entry (self, GTK_GRID (grid), row++, "launch_date", _("Launch date"), brief->launch_date);
  gtk_box_append (self->sections_box, grid);
  missing_text = *missing ? g_strdup_printf (_("Missing: %s"), missing) : g_strdup (_("The brief is complete."));
  self->missing_label = GTK_LABEL (gtk_label_new (missing_text));
  gtk_label_set_xalign (self->missing_label, 0);
  gtk_label_set_wrap (self->missing_label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->missing_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Missing brief fields"), -1);
  if (*missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "warning");
  gtk_box_append (self->sections_box, GTK_WIDGET (self->missing_label));
  self->brief_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->brief_error), "error");
  gtk_label_set_xalign (self->brief_error, 0);
  gtk_box_append (self->sections_box, GTK_WIDGET (self->brief_error));
  gtk_box_append (self->sections_box, brief_buttons (self, brief->n_attachments));
}

/* ------------------------------------------------------------------ */
/* Tables                                                             */

static char *
cell (GVariant *row, const char *key)
{
  g_autoptr (GVariant) value = g_variant_lookup_value (row, key, NULL);

  if (value == NULL || g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
    return g_strdup ("");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_str_has_suffix (key, "_fen") ? cd_money_format (g_variant_get_int64 (value))
                                          : g_strdup_printf ("%" PRId64, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      return g_variant_dup_string (value, NULL);
    }
  return g_strdup ("");
}

/* One section: a heading, then one line a row with the @keys joined. */
static void
add_table (CdProjectPage *self, const char *heading, GVariant *rows, const char *const *keys,
           const char *entity)
{
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();
  GVariantIter iter;
  GVariant *row;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (self->sections_box, title);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  for (g_variant_iter_init (&iter, rows); (row = g_variant_iter_next_value (&iter)); g_variant_unref (row))
    {
      g_autoptr (GString) line = g_string_new (NULL);
      gint64 overdue = 0;
      GtkWidget *label;

      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autofree char *text = cell (row, keys[i]);

          if (entity != NULL && g_str_equal (keys[i], "status") && *text)
            {
              char *label = g_strdup (cd_state_label (entity, text));

              g_free (text);
              text = label;
            }
          if (*text == '\0')
            continue;
          if (line->len > 0)
            g_string_append (line, "  ·  ");
          g_string_append (line, text);
        }
      label = gtk_label_new (line->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      g_variant_lookup (row, "overdue", "x", &overdue);
      if (overdue)
        gtk_widget_add_css_class (label, "overdue");
      if (g_strcmp0 (entity, "work_order") == 0)
        label = work_order_line (self, label, row);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  if (g_variant_n_children (rows) == 0)
    {
      GtkWidget *none = gtk_label_new (_("None yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 6);
      gtk_widget_set_margin_bottom (none, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), none);
    }
  gtk_box_append (self->sections_box, list);
}

static void
show_tables (CdProjectPage *self)
{
  CdWorksheet *ws = self->sheet;
  static const char *const wo[] = { "number", "title", "assignee", "status", "due_date", "revisions", NULL };
  static const char *const so[] = { "number", "supplier", "status", "total_fen", "acceptance_number",
                                    "acceptance_result", NULL };
  static const char *const ps[] = { "number", "date", "received_by", "status", NULL };
  static const char *const in[] = { "contract", "label", "due_date", "amount_fen", "paid_fen", NULL };
  static const char *const pa[] = { "date", "contract", "label", "amount_fen", "reference", NULL };
  static const char *const tl[] = { "date", "kind", "number", "text", "amount_fen", NULL };

  add_table (self, _("Work orders"), ws->work_orders, wo, "work_order");
  add_table (self, _("Supplier orders and acceptance"), ws->supplier_orders, so, "supplier_order");
  add_table (self, _("Pickup slips"), ws->pickup_slips, ps, NULL);
  add_table (self, _("Installments"), ws->installments, in, NULL);
  add_table (self, _("Payments"), ws->payments, pa, NULL);
  add_table (self, _("Timeline"), ws->timeline, tl, NULL);
}

static void
show_sheet (CdProjectPage *self)
{
  CdProject *p = self->sheet->project;
  g_autofree char *title = g_strdup_printf ("%s  %s", p->number, p->name);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · AM %s · AE %s · due %s"), p->client_name,
                                               cd_state_label ("project", p->status), p->am_name ? p->am_name : "—",
                                               p->ae_name ? p->ae_name : "—", p->due_date ? p->due_date : "—");

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  show_figures (self);
  show_lifecycle (self);
  clear_box (GTK_WIDGET (self->sections_box));
  add_settings (self);
  add_brief (self);
  show_tables (self);
}

static void
set_loading (CdProjectPage *self, gboolean loading)
{
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  CdWorksheet *sheet = cd_store_project_worksheet_finish (CD_STORE (source), result, &error);
  CdProjectPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CD_PROJECT_PAGE (data);
  if (sheet == NULL)
    {
      gtk_label_set_text (self->title_label, error->message);
      set_loading (self, FALSE);
      return;
    }
  g_clear_pointer (&self->sheet, cd_worksheet_free);
  self->sheet = sheet;
  show_sheet (self);
  set_loading (self, FALSE);
}

static void
load (CdProjectPage *self)
{
  if (self->project_id <= 0)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  cd_store_project_worksheet_async (cd_context_get_store (self->context), self->project_id, self->cancellable,
                                    on_loaded_cb, self);
}

static void
cd_project_page_dispose (GObject *object)
{
  CdProjectPage *self = CD_PROJECT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sheet, cd_worksheet_free);
  g_clear_pointer (&self->brief_entries, g_hash_table_unref);
  g_clear_pointer (&self->ae_ids, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cd_project_page_parent_class)->dispose (object);
}

static void
cd_project_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CdProjectPage *self = CD_PROJECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_project_page_class_init (CdProjectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_project_page_dispose;
  object_class->get_property = cd_project_page_get_property;
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-project-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, lifecycle_box);
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, warning_row);
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, CdProjectPage, sections_box);
}

static void
cd_project_page_init (CdProjectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->brief_entries = g_hash_table_new (g_str_hash, g_str_equal);
  cd_paged_columns_ensure_style ();
}

CdProjectPage *
cd_project_page_new (CdContext *context)
{
  CdProjectPage *self = g_object_new (CD_TYPE_PROJECT_PAGE, NULL);

  self->context = g_object_ref (context);
  return self;
}

void
cd_project_page_set_project (CdProjectPage *self, gint64 project_id)
{
  g_return_if_fail (CD_IS_PROJECT_PAGE (self));

  self->project_id = project_id;
  load (self);
}

gboolean
cd_project_page_get_loading (CdProjectPage *self)
{
  g_return_val_if_fail (CD_IS_PROJECT_PAGE (self), FALSE);
  return self->loading;
}

const CdWorksheet *
cd_project_page_get_worksheet (CdProjectPage *self)
{
  g_return_val_if_fail (CD_IS_PROJECT_PAGE (self), NULL);
  return self->sheet;
}
