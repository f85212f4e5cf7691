/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cd-gui"

#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/cd-numbering.h"
#include "gui/cd-accessible.h"
#include "gui/cd-contract-template-window.h"
#include "gui/cd-deadline-prefs.h"
#include "gui/cd-supply-checklists.h"
#include "gui/cd-preferences-window.h"
#include "gui/cd-quote-catalogue-window.h"
#include "gui/cd-tasks.h"
#include "store/cd-store-overview.h"

/* Longest company field accepted; a name or an address longer than this
 * does not fit on a document header. */
#define MAX_FIELD_CHARS 300

typedef struct
{
  const char *key;           /* DB setting */
  const char *title;         /* N_() */
  const char *accessible;    /* N_() */
  const char *fallback;      /* shown when the setting is not there yet */
} Field;

static const Field company_fields[] = {
  { "company.name", N_("Name"), N_("Company name"), "" },
  { "company.address", N_("Address"), N_("Company address"), "" },
  { "company.tax_id", N_("Tax ID"), N_("Company tax ID (unified social credit code)"), "" },
  { "company.bank", N_("Bank"), N_("Company bank"), "" },
  { "company.account", N_("Account"), N_("Company bank account"), "" },
  { "company.phone", N_("Phone"), N_("Company phone"), "" },
};

static const Field numbering_fields[] = {
  { "numbering.quote", N_("Quotes"), N_("Quote number pattern"), "QT{yyyy}{mm}-{nnnn}" },
  { "numbering.contract", N_("Contracts"), N_("Contract number pattern"), "HT{yyyy}{mm}-{nnnn}" },
  { "numbering.work_order", N_("Work orders"), N_("Work order number pattern"), "GD{yyyy}{mm}-{nnnnn}" },
  { "numbering.supplier_order", N_("Supplier orders"), N_("Supplier order number pattern"), "CG{yyyy}{mm}-{nnnnn}" },
  { "numbering.acceptance", N_("Acceptances"), N_("Acceptance number pattern"), "YS{yyyy}{mm}-{nnnnn}" },
  { "numbering.pickup_slip", N_("Pickup slips"), N_("Pickup slip number pattern"), "TH{yyyy}{mm}-{nnnn}" },
  { "numbering.project", N_("Projects"), N_("Project number pattern"), "XM{yyyy}{mm}-{nnnn}" },
};

#define SETTING_TAX_SERVICES "tax.services_bp"
#define SETTING_TAX_GOODS "tax.goods_bp"
#define SETTING_LOGO "company.logo"
#define DEFAULT_TAX_SERVICES_BP 600
#define DEFAULT_TAX_GOODS_BP 1300

struct _CdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  CdContext           *context;
  GSettings           *settings;
  GArray              *staff_ids;    /* gint64; index 0 is "nobody" */
  gboolean             loading;      /* filling the widgets: do not save */

  AdwPreferencesGroup *company_group;
  AdwActionRow        *logo_row;
  GtkButton           *logo_clear_button;
  GtkButton           *logo_choose_button;
  AdwPreferencesGroup *numbering_group;
  GtkSpinButton       *services_spin;
  GtkSpinButton       *goods_spin;
  AdwComboRow         *staff_row;
  AdwActionRow        *calendar_row;
  GtkButton           *calendar_import_button;
};

G_DEFINE_FINAL_TYPE (CdPreferencesWindow, cd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  CALENDAR_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CdStore *
get_store (CdPreferencesWindow *self)
{
  return cd_context_get_store (self->context);
}

static char *
read_setting (CdPreferencesWindow *self,
              const char          *key,
              const char          *fallback)
{
  char *value = cd_store_get_setting (get_store (self), key);

  return value != NULL ? value : g_strdup (fallback);
}

static void
toast (CdPreferencesWindow *self,
       const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static gboolean
save_setting (CdPreferencesWindow *self,
              const char          *key,
              const char          *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return TRUE;
  if (!cd_store_set_setting (get_store (self), key, value, &error))
    {
      cd_show_message (GTK_WINDOW (self), _("The Preference Was Not Saved"), error->message);
      return FALSE;
    }
  return TRUE;
}

/* The reason (or the example) next to a field. */
static GtkLabel *
field_note (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "cd-note");
}

static void
show_note (AdwEntryRow *row,
           const char  *text,
           gboolean     is_error)
{
  GtkLabel *note = field_note (row);

  gtk_label_set_label (note, text);
  gtk_widget_set_visible (GTK_WIDGET (note), text != NULL && text[0] != '\0');
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (note), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (note), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (note), "error");
      gtk_widget_add_css_class (GTK_WIDGET (note), "dim-label");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
  if (is_error)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
}

static AdwEntryRow *
make_field_row (const Field *field,
                const char  *value)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *note = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  gtk_widget_set_name (row, field->key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->accessible),
                                  -1);

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 28);
  gtk_label_set_xalign (GTK_LABEL (note), 1.0);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_set_visible (note, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), note);
  g_object_set_data (G_OBJECT (row), "cd-note", note);
  g_object_set_data (G_OBJECT (row), "cd-field", (gpointer) field);
  return ADW_ENTRY_ROW (row);
}

/* Checks the text as it is typed: an example of the next number, or why
 * the pattern cannot be used. Returns whether it is valid. */
static gboolean
check_numbering (AdwEntryRow *row)
{
  const char *pattern = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *example = NULL;
  g_autofree char *note = NULL;
  GDate today;

  if (!cd_numbering_validate (pattern, &error))
    {
      show_note (row, error->message, TRUE);
      return FALSE;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  example = cd_numbering_format (pattern, &today, 1, NULL);
  /* Translators: an example document number made from the pattern */
  note = example != NULL ? g_strdup_printf (_("e.g. %s"), example) : NULL;
  show_note (row, note, FALSE);
  return TRUE;
}

static void
on_numbering_changed_cb (AdwEntryRow         *row,
                         CdPreferencesWindow *self)
{
  check_numbering (row);
}

static void
on_numbering_apply_cb (AdwEntryRow         *row,
                       CdPreferencesWindow *self)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "cd-field");

  /* Nothing is saved half-way: an invalid pattern keeps the old one. */
  if (!check_numbering (row))
    {
      toast (self, _("Not saved: the pattern is not valid"));
      return;
    }
  if (save_setting (self, field->key, gtk_editable_get_text (GTK_EDITABLE (row))))
    toast (self, _("Numbering saved"));
}

static gboolean
check_company_field (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (g_utf8_strlen (text, -1) > MAX_FIELD_CHARS)
    {
      g_autofree char *reason = g_strdup_printf (ngettext ("At most %d character", "At most %d characters",
                                                           MAX_FIELD_CHARS),
                                                 MAX_FIELD_CHARS);
      show_note (row, reason, TRUE);
      return FALSE;
    }
  show_note (row, NULL, FALSE);
  return TRUE;
}

static void
on_company_changed_cb (AdwEntryRow         *row,
                       CdPreferencesWindow *self)
{
  check_company_field (row);
}

static void
on_company_apply_cb (AdwEntryRow         *row,
                     CdPreferencesWindow *self)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "cd-field");
  g_autofree char *value = NULL;

  if (!check_company_field (row))
    return;
  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (save_setting (self, field->key, value))
    toast (self, _("Company profile saved"));
}

static void
add_fields (CdPreferencesWindow *self,
            AdwPreferencesGroup *group,
            const Field         *fields,
            guint                n_fields,
            GCallback            changed_cb,
            GCallback            apply_cb)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = read_setting (self, fields[i].key, fields[i].fallback);
      AdwEntryRow *row = make_field_row (&fields[i], value);

      g_signal_connect_object (row, "changed", changed_cb, self, 0);
      g_signal_connect_object (row, "apply", apply_cb, self, 0);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static void
show_logo (CdPreferencesWindow *self)
{
  g_autofree char *path = cd_store_get_setting (get_store (self), SETTING_LOGO);
  g_autofree char *name = NULL;

  if (path == NULL || path[0] == '\0')
    {
      adw_action_row_set_subtitle (self->logo_row, _("None: documents are printed without a logo"));
      gtk_widget_set_visible (GTK_WIDGET (self->logo_clear_button), FALSE);
      return;
    }
  name = g_filename_display_basename (path);
  adw_action_row_set_subtitle (self->logo_row, name);
  gtk_widget_set_visible (GTK_WIDGET (self->logo_clear_button), TRUE);
}

static void
on_logo_chosen_cb (GFile    *file,
                   gpointer  user_data)
{
  g_autoptr(CdPreferencesWindow) self = user_data;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      cd_show_message (GTK_WINDOW (self), _("The Logo Was Not Set"),
                       _("Choose an image file on this computer."));
      return;
    }
  if (save_setting (self, SETTING_LOGO, path))
    show_logo (self);
}

static void
on_logo_choose_clicked_cb (CdPreferencesWindow *self)
{
  cd_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose a Logo"), _("_Choose"),
                  _("PNG images"), "*.[pP][nN][gG]", NULL, on_logo_chosen_cb, g_object_ref (self));
}

static void
on_logo_clear_clicked_cb (CdPreferencesWindow *self)
{
  if (save_setting (self, SETTING_LOGO, ""))
    show_logo (self);
}

static void
load_tax (CdPreferencesWindow *self,
          GtkSpinButton       *spin,
          const char          *key,
          gint64               fallback_bp)
{
  g_autofree char *text = cd_store_get_setting (get_store (self), key);
  gint64 bp = fallback_bp;

  if (text != NULL && !g_ascii_string_to_signed (text, 10, 0, 10000, &bp, NULL))
    bp = fallback_bp;
  gtk_spin_button_set_value (spin, bp / 100.0);
}

static void
on_tax_changed_cb (GtkSpinButton       *spin,
                   CdPreferencesWindow *self)
{
  const char *key = spin == self->services_spin ? SETTING_TAX_SERVICES : SETTING_TAX_GOODS;
  double percent = gtk_spin_button_get_value (spin);
  char text[32];
  gint64 bp;

  /* The adjustment keeps the value in 0–100; rates are whole basis points. */
  bp = (gint64) llround (percent * 100.0);
  if (bp < 0 || bp > 10000)
    return;
  g_snprintf (text, sizeof text, "%" PRId64, bp);
  save_setting (self, key, text);
}

static void
load_staff (CdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current = cd_context_get_current_staff (self->context);
  gint64 nobody = 0;
  guint selected = 0;
  GVariantIter iter;
  GVariant *row;

  g_array_set_size (self->staff_ids, 0);
  gtk_string_list_append (names, _("Nobody chosen"));
  g_array_append_val (self->staff_ids, nobody);

  rows = cd_store_overview (get_store (self), CD_OVERVIEW_ACTIVE_STAFF, NULL, 500, &error);
  if (rows == NULL)
    g_message ("staff: %s", error->message);
  else
    {
      g_variant_iter_init (&iter, rows);
      while ((row = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 id = 0;
          const char *name = NULL;

          g_variant_lookup (row, "id", "x", &id);
          g_variant_lookup (row, "name", "&s", &name);
          if (id == current)
            selected = self->staff_ids->len;
          gtk_string_list_append (names, name != NULL ? name : "");
          g_array_append_val (self->staff_ids, id);
          g_variant_unref (row);
        }
    }

  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->staff_row, selected);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->staff_row),
                               self->staff_ids->len > 1 ? NULL : _("There are no active staff members in this database yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->staff_row), self->staff_ids->len > 1);
}

static void
on_staff_selected_cb (CdPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->staff_row);
  gint64 id;

  if (self->loading || self->staff_ids == NULL || selected >= self->staff_ids->len)
    return;
  id = g_array_index (self->staff_ids, gint64, selected);
  cd_context_set_current_staff (self->context, id);
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "current-staff-id", id);
}

static void
show_calendar (CdPreferencesWindow *self)
{
  CdHolidayCalendar *calendar = cd_context_get_calendar (self->context);
  guint n = calendar != NULL ? cd_holiday_calendar_n_days (calendar) : 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *years = NULL;

  if (n == 0)
    {
      adw_action_row_set_subtitle (self->calendar_row,
                                   _("No holidays known: import the official calendar so that deadlines can be moved past holidays"));
      return;
    }
  years = cd_holiday_calendar_describe_years (calendar);
  /* Translators: how many holidays and make-up days, then years such as "2024–2027" */
  subtitle = g_strdup_printf (ngettext ("%u day, for %s", "%u days, for %s", n), n, years);
  adw_action_row_set_subtitle (self->calendar_row, subtitle);
}

static void
on_calendar_chosen_cb (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(CdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (file == NULL)
    return;
  /* A holiday calendar is a few kilobytes: reading it here is harmless. */
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error)
      || !cd_context_import_calendar (self->context, data, length, &error))
    {
      cd_show_message (GTK_WINDOW (self), _("The Calendar Was Not Imported"), error->message);
      return;
    }
  show_calendar (self);
  toast (self, _("Holiday calendar imported"));
  g_signal_emit (self, signals[CALENDAR_CHANGED], 0);
}

static void
on_calendar_import_clicked_cb (CdPreferencesWindow *self)
{
  cd_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import a Holiday Calendar"),
                  _("_Import"), _("iCalendar files"), "*.[iI][cC][sS]", NULL,
                  on_calendar_chosen_cb, g_object_ref (self));
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
cd_preferences_window_constructed (GObject *object)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cd_preferences_window_parent_class)->constructed (object);

  self->settings = open_settings ();
  self->loading = TRUE;
  add_fields (self, self->company_group, company_fields, G_N_ELEMENTS (company_fields),
              G_CALLBACK (on_company_changed_cb), G_CALLBACK (on_company_apply_cb));
  add_fields (self, self->numbering_group, numbering_fields, G_N_ELEMENTS (numbering_fields),
              G_CALLBACK (on_numbering_changed_cb), G_CALLBACK (on_numbering_apply_cb));
  show_logo (self);
  load_tax (self, self->services_spin, SETTING_TAX_SERVICES, DEFAULT_TAX_SERVICES_BP);
  load_tax (self, self->goods_spin, SETTING_TAX_GOODS, DEFAULT_TAX_GOODS_BP);
  load_staff (self);
  show_calendar (self);
  /* Beside the holiday calendar the deadlines move with (issue 9). */
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (self->calendar_row),
                                                                           ADW_TYPE_PREFERENCES_PAGE)),
                            ADW_PREFERENCES_GROUP (cd_deadline_prefs_new (get_store (self))));
  /* Acceptance checklists per kind of deliverable (issue 6). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (cd_supply_checklists_new (get_store (self))));
  self->loading = FALSE;
  cd_accessible_name_parts (GTK_WIDGET (self));

  g_signal_connect_object (self->services_spin, "value-changed", G_CALLBACK (on_tax_changed_cb), self, 0);
  g_signal_connect_object (self->goods_spin, "value-changed", G_CALLBACK (on_tax_changed_cb), self, 0);
}

static void
cd_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cd_preferences_window_parent_class)->dispose (object);
}

static void
cd_preferences_window_finalize (GObject *object)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cd_preferences_window_parent_class)->finalize (object);
}

static void
cd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

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
cd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Preferences is modal: what it opens is modal over it, so that it stays
 * in front and answers input until closed. */
static void
catalogue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (widget);

  if (self->context != NULL)
    gtk_window_set_modal (GTK_WINDOW (cd_quote_catalogue_window_present (widget, self->context)), TRUE);
}

static void
contract_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CdPreferencesWindow *self = CD_PREFERENCES_WINDOW (widget);

  if (self->context != NULL)
    gtk_window_set_modal (GTK_WINDOW (cd_contract_template_window_present (widget, self->context)),
                          TRUE);
}

static void
cd_preferences_window_class_init (CdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_preferences_window_constructed;
  object_class->dispose = cd_preferences_window_dispose;
  object_class->finalize = cd_preferences_window_finalize;
  object_class->get_property = cd_preferences_window_get_property;
  object_class->set_property = cd_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdPreferencesWindow::calendar-changed:
   *
   * A holiday calendar was imported: deadlines must be computed again.
   */
  signals[CALENDAR_CHANGED] = g_signal_new ("calendar-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/ClientDesk/ui/cd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, company_group);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, logo_choose_button);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, numbering_group);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, services_spin);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, goods_spin);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, CdPreferencesWindow, calendar_import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_import_clicked_cb);
  gtk_widget_class_install_action (widget_class, "preferences.catalogue", NULL, catalogue_action);
  gtk_widget_class_install_action (widget_class, "preferences.contract-template", NULL,
                                   contract_template_action);
}

static void
cd_preferences_window_init (CdPreferencesWindow *self)
{
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Filling the combo row in init would save its first item. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cd_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): a new preferences window, not yet shown
 */
CdPreferencesWindow *
cd_preferences_window_new (GtkWindow *parent,
                           CdContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_CONTEXT (context), NULL);

  return g_object_new (CD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "context", context,
                       NULL);
}
